//! [`FieldView`], which shows a question of any type, and [`GroupField`], a repeatable group
//! whose items are questions shown by `FieldView` again: the two call each other, so they
//! live together.

use super::address::{uk_address, CnAddress};
use super::files::file_upload;
use super::inputs::{checkboxes, date, declaration, radios, select, text_input};
use super::props::{event_text, Props};
use crate::components::error_summary::input_id;
use crate::io;
use crate::shared::Shared;
use onewindow_engine::{
    add_item_text, render_markdown, ui_text, AddressStyle, Answer, Choice, Field, FieldError,
    FieldKind, Text, UiText,
};
use serde_json::{json, Value};
use yew::prelude::*;

/// One question of any type.
#[function_component(FieldView)]
pub fn field_view(props: &Props) -> Html {
    match &props.field.kind {
        FieldKind::Text { .. }
        | FieldKind::Email {}
        | FieldKind::Phone { .. }
        | FieldKind::Url {}
        | FieldKind::Number { .. }
        | FieldKind::Integer { .. }
        | FieldKind::Money { .. } => text_input(props),
        FieldKind::Textarea { .. } => {
            let on_change = props.on_change.clone();
            let oninput =
                Callback::from(move |e: InputEvent| on_change.emit(Value::String(event_text(&e))));
            props.labelled(html! {
                <textarea class={classes!("ow-textarea", props.has_error().then_some("ow-textarea--error"))}
                    id={props.id()} name={props.field.id.clone()} rows="5" value={props.text_value()}
                    aria-describedby={props.described_by()} {oninput} />
            })
        }
        FieldKind::Radios { options } => radios(props, options.clone()),
        FieldKind::YesNo {} => radios(
            props,
            vec![
                Choice {
                    value: "yes".into(),
                    label: Text::Plain(ui_text(UiText::Yes, &props.locale).into()),
                    hint: None,
                    keys: Vec::new(),
                    visible_if: None,
                },
                Choice {
                    value: "no".into(),
                    label: Text::Plain(ui_text(UiText::No, &props.locale).into()),
                    hint: None,
                    keys: Vec::new(),
                    visible_if: None,
                },
            ],
        ),
        FieldKind::Checkboxes { options, exclusive, .. } => {
            checkboxes(props, options, exclusive.as_deref())
        }
        FieldKind::Select { options, .. } => select(props, options),
        FieldKind::Date { .. } => date(props),
        FieldKind::Declaration { statement } => declaration(props, statement),
        FieldKind::Content { body } => {
            let heading = props.t(&props.field.label);
            html! {
                <div class="ow-content">
                    if !heading.is_empty() {
                        if props.is_heading { <h1 class="ow-heading-l">{ heading }</h1> } else { <h2 class="ow-heading-m">{ heading }</h2> }
                    }
                    { Html::from_html_unchecked(AttrValue::from(render_markdown(props.t(body)))) }
                </div>
            }
        }
        // Kept for rules and the package, never shown.
        FieldKind::Computed { hidden: true, .. } => Html::default(),
        FieldKind::Computed { .. } => {
            let value = match &props.computed {
                Some(Value::String(s)) => s.clone(),
                Some(Value::Null) | None => String::new(),
                Some(other) => other.to_string(),
            };
            html! {
                <div class="ow-form-group">
                    <p class="ow-label" id={props.id()}>{ props.t(&props.field.label) }</p>
                    <p class="ow-computed" aria-describedby={props.hint_id()}>{ value }</p>
                    { props.hint() }
                </div>
            }
        }
        FieldKind::Address { style: AddressStyle::Uk } => uk_address(props),
        FieldKind::Address { style: AddressStyle::Cn } => html! { <CnAddress ..props.clone() /> },
        FieldKind::File { accept, max_count, .. } => file_upload(props, accept, *max_count),
        FieldKind::Group { .. } => html! { <GroupField ..props.clone() /> },
    }
}

/// A repeatable group ("add another"): each item's questions, a "Remove" button per item and
/// "Add another" below. Focus goes to the new item's first input, or back to "Add another"
/// after a removal, so keyboard and screen-reader users are never lost.
#[function_component(GroupField)]
pub(super) fn group_field(props: &Props) -> Html {
    let FieldKind::Group { fields, max_items, item_label, .. } = &props.field.kind else {
        return Html::default();
    };
    let items: Vec<Value> =
        props.value.as_ref().and_then(Value::as_array).cloned().unwrap_or_default();
    let focus_target = use_state(|| None::<String>);
    let node = use_node_ref();
    {
        // Looked up in the tree the group is in: an embedded form's shadow root is not the document.
        let target = (*focus_target).clone();
        let node = node.clone();
        use_effect_with(target, move |target| {
            if let (Some(id), Some(near)) = (target, node.get()) {
                if let Some(element) = io::dom::element_by_id(&near, id) {
                    let _ = element.focus();
                }
            }
        });
    }
    let item_name = item_label
        .as_ref()
        .map(|l| props.t(l).to_string())
        .unwrap_or_else(|| ui_text(UiText::Item, &props.locale).into());
    let add_id = input_id(&props.field.id, Some("add"));
    let can_add = max_items.is_none_or(|m| (items.len() as u32) < m);
    let on_add = {
        let on_change = props.on_change.clone();
        let items = items.clone();
        let focus_target = focus_target.clone();
        let first = fields.first().map(|f| f.id.clone()).unwrap_or_default();
        let group = props.field.id.clone();
        Callback::from(move |_: MouseEvent| {
            let mut next = items.clone();
            next.push(json!({}));
            focus_target.set(Some(input_id(&group, Some(&format!("{}.{first}", next.len())))));
            on_change.emit(Value::Array(next));
        })
    };
    props.fieldset(html! {
        <div class="ow-add-another" ref={node}>
            { for items.iter().enumerate().map(|(n, item)| {
                let heading = format!("{item_name} {}", n + 1);
                let on_remove = {
                    let on_change = props.on_change.clone();
                    let remaining: Vec<Value> = items.iter().enumerate().filter(|(i, _)| *i != n).map(|(_, v)| v.clone()).collect();
                    let focus_target = focus_target.clone();
                    let add_id = add_id.clone();
                    Callback::from(move |_: MouseEvent| {
                        focus_target.set(Some(add_id.clone()));
                        on_change.emit(Value::Array(remaining.clone()));
                    })
                };
                html! {
                    <div class="ow-add-another__item" key={n}>
                        <h2 class="ow-heading-m">{ &heading }</h2>
                        { for fields.iter().map(|inner| item_field(props, inner, n, item)) }
                        <button type="button" class="ow-button ow-button--secondary ow-add-another__remove" onclick={on_remove}>
                            { ui_text(UiText::Remove, &props.locale) }<span class="ow-visually-hidden">{ " " }{ &heading }</span>
                        </button>
                    </div>
                }
            }) }
            if can_add {
                <button type="button" id={add_id.clone()} class="ow-button ow-button--secondary" onclick={on_add}>
                    { if !items.is_empty() { ui_text(UiText::AddAnother, &props.locale).to_string() }
                      else { add_item_text(&item_name, &props.locale) } }
                </button>
            }
        </div>
    })
}

/// One question inside item `n` of a group, rendered like any question but with ids and
/// errors scoped to the item.
fn item_field(props: &Props, inner: &Field, n: usize, item: &Value) -> Html {
    let scope = format!("{}.{}", n + 1, inner.id);
    let mut scoped = inner.clone();
    scoped.id = format!("{}-{scope}", props.field.id);
    let errors: Vec<FieldError> = props
        .errors
        .iter()
        .filter(|e| {
            e.part.as_deref().is_some_and(|p| p == scope || p.starts_with(&format!("{scope}.")))
        })
        .cloned()
        .collect();
    let on_change = {
        let on_change = props.on_change.clone();
        let all: Vec<Value> =
            props.value.as_ref().and_then(Value::as_array).cloned().unwrap_or_default();
        let key = inner.id.clone();
        Callback::from(move |answer: Answer| {
            let mut next = all.clone();
            if let Some(Value::Object(object)) = next.get_mut(n) {
                object.insert(key.clone(), answer);
            }
            on_change.emit(Value::Array(next));
        })
    };
    html! {
        <FieldView field={Shared::new(scoped)} locale={props.locale.clone()} fallback={props.fallback.clone()} scope={props.scope.clone()}
            value={item.get(&inner.id).cloned()} required={inner.required} {errors} {on_change} />
    }
}
