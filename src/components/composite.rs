//! Questions made of several inputs: addresses (UK lines; CN province → city → district
//! cascade), file uploads, and repeatable groups.

use super::error_summary::input_id;
use super::fields::{event_text, FieldView, Props};
use crate::host::Host;
use crate::io;
use crate::shared::Shared;
use onewindow_engine::{is_chinese, ui_text, Answer, Field, FieldError, Text, UiText};
use serde_json::{json, Map, Value};
use yew::prelude::*;

fn part_text(value: &Option<Answer>, part: &str) -> String {
    value.as_ref().and_then(|v| v.get(part)).and_then(Value::as_str).unwrap_or("").to_string()
}

/// The answer with `part` set to `text` (an object of parts).
fn with_part(value: &Option<Answer>, parts: &[(&str, String)]) -> Answer {
    let mut object = value.as_ref().and_then(Value::as_object).cloned().unwrap_or_else(Map::new);
    for (part, text) in parts {
        object.insert(part.to_string(), Value::String(text.clone()));
    }
    Value::Object(object)
}

fn part_error(errors: &[FieldError], part: &str) -> bool {
    errors.iter().any(|e| e.is_error() && e.part.as_deref() == Some(part))
}

/// UK address: building and street (2 lines), town, postcode (GOV.UK address pattern).
pub fn uk_address(props: &Props) -> Html {
    let l = |key| ui_text(key, &props.locale).to_string();
    let space = if is_chinese(&props.locale) { "" } else { " " };
    let parts = [
        ("line1", l(UiText::AddressLine1), "address-line1", "ow-input"),
        (
            "line2",
            format!("{}{space}{}", l(UiText::AddressLine2), l(UiText::Optional)),
            "address-line2",
            "ow-input",
        ),
        ("town", l(UiText::Town), "address-level2", "ow-input ow-input--width-20"),
        ("postcode", l(UiText::Postcode), "postal-code", "ow-input ow-input--width-10"),
    ];
    props.fieldset(html! {
        <div class="ow-address">
            { for parts.iter().map(|(part, label, autocomplete, class)| {
                let id = input_id(&props.field.id, Some(part));
                let on_change = props.on_change.clone();
                let value = props.value.clone();
                let key = part.to_string();
                let oninput = Callback::from(move |e: InputEvent| on_change.emit(with_part(&value, &[(&key, event_text(&e))])));
                let error = part_error(&props.errors, part);
                html! {
                    <div class="ow-form-group ow-form-group--nested">
                        <label class="ow-label" for={id.clone()}>{ label }</label>
                        <input class={classes!(class.to_string(), error.then_some("ow-input--error"))} {id} type="text"
                            autocomplete={*autocomplete} value={part_text(&props.value, part)} {oninput} />
                    </div>
                }
            }) }
        </div>
    })
}

/// One level of the administrative division list (`forms/data/cn-regions.json`).
#[derive(serde::Deserialize, Clone, PartialEq, Debug)]
pub struct Region {
    value: String,
    label: Text,
    #[serde(default)]
    children: Vec<Region>,
}

#[derive(serde::Deserialize)]
struct RegionList {
    options: Vec<Region>,
}

/// CN address: province, city and district chosen in turn (each list depends on the one
/// before), then the street address. Codes and names are both kept: codes for systems,
/// names for people.
#[function_component(CnAddress)]
pub fn cn_address(props: &Props) -> Html {
    let regions = use_state(Vec::<Region>::new);
    let url = use_context::<Host>().unwrap_or_default().list_url("cn-regions");
    {
        let regions = regions.clone();
        use_effect_with(url, move |url| {
            let url = url.clone();
            wasm_bindgen_futures::spawn_local(async move {
                if let Ok(list) = io::fetch::fetch_json::<RegionList>(&url).await {
                    regions.set(list.options);
                }
            });
        });
    }
    let t = |key| ui_text(key, &props.locale);
    let province = part_text(&props.value, "province");
    let city = part_text(&props.value, "city");
    let district = part_text(&props.value, "district");
    let provinces: &[Region] = &regions;
    let cities: &[Region] = provinces
        .iter()
        .find(|p| p.value == province)
        .map(|p| p.children.as_slice())
        .unwrap_or(&[]);
    let districts: &[Region] =
        cities.iter().find(|c| c.value == city).map(|c| c.children.as_slice()).unwrap_or(&[]);
    let level = |part: &'static str,
                 label: &'static str,
                 list: &[Region],
                 current: &str,
                 resets: &'static [&'static str]| {
        let id = input_id(&props.field.id, Some(part));
        let on_change = props.on_change.clone();
        let value = props.value.clone();
        let names: Vec<(String, String)> = list
            .iter()
            .map(|r| (r.value.clone(), r.label.get("zh-CN", "zh-CN").to_string()))
            .collect();
        let onchange = Callback::from(move |e: Event| {
            let code = event_text(&e);
            let display =
                names.iter().find(|(c, _)| *c == code).map(|(_, n)| n.clone()).unwrap_or_default();
            // Choosing a province clears the city and district below it, and so on.
            let mut parts: Vec<(&str, String)> = vec![(part, code), (name_key(part), display)];
            for reset in resets {
                parts.push((reset, String::new()));
                parts.push((name_key(reset), String::new()));
            }
            on_change.emit(with_part(&value, &parts));
        });
        let error = part_error(&props.errors, part)
            || (part == "province" && part_error(&props.errors, "province"));
        html! {
            <div class="ow-form-group ow-form-group--nested">
                <label class="ow-label" for={id.clone()}>{ label }</label>
                <select class={classes!("ow-select", error.then_some("ow-select--error"))} {id} disabled={list.is_empty()} {onchange}>
                    <option value="" selected={current.is_empty()}>{ t(UiText::Choose) }</option>
                    { for list.iter().map(|r| html! {
                        <option value={r.value.clone()} selected={r.value == current}>{ r.label.get(&props.locale, "zh-CN") }</option>
                    }) }
                </select>
            </div>
        }
    };
    let street_id = input_id(&props.field.id, Some("street"));
    let on_street = {
        let on_change = props.on_change.clone();
        let value = props.value.clone();
        Callback::from(move |e: InputEvent| {
            on_change.emit(with_part(&value, &[("street", event_text(&e))]))
        })
    };
    props.fieldset(html! {
        <div class="ow-address">
            { level("province", t(UiText::Province), provinces, &province, &["city", "district"]) }
            { level("city", t(UiText::City), cities, &city, &["district"]) }
            { level("district", t(UiText::District), districts, &district, &[]) }
            <div class="ow-form-group ow-form-group--nested">
                <label class="ow-label" for={street_id.clone()}>{ t(UiText::StreetAddress) }</label>
                <input class={classes!("ow-input", part_error(&props.errors, "street").then_some("ow-input--error"))} id={street_id}
                    type="text" autocomplete="street-address" value={part_text(&props.value, "street")} oninput={on_street} />
            </div>
        </div>
    })
}

fn name_key(part: &str) -> &'static str {
    match part {
        "province" => "province_name",
        "city" => "city_name",
        _ => "district_name",
    }
}

/// File upload: the chosen files' names and sizes are listed with a "Remove" button each; the
/// engine checks type, size and count when the citizen continues.
pub fn file_upload(props: &Props, accept: &[String], max_count: u32) -> Html {
    let files: Vec<Value> =
        props.value.as_ref().and_then(Value::as_array).cloned().unwrap_or_default();
    let onchange = {
        let on_change = props.on_change.clone();
        let current = files.clone();
        let scope = props.scope.to_string();
        Callback::from(move |e: Event| {
            let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() else { return };
            let chosen: Vec<web_sys::File> = input
                .files()
                .map(|list| (0..list.length()).filter_map(|i| list.get(i)).collect())
                .unwrap_or_default();
            input.set_value("");
            let (mut next, on_change, scope) = (current.clone(), on_change.clone(), scope.clone());
            // The content is kept on the device with the draft, so a reload loses nothing; if
            // storage fails the description alone is kept and the citizen sees the file listed.
            wasm_bindgen_futures::spawn_local(async move {
                for file in chosen {
                    let described = json!({"name": file.name(), "type": file.type_(), "size": file.size() as u64});
                    next.push(crate::io::store::keep_file(&scope, file).await.unwrap_or(described));
                }
                on_change.emit(Value::Array(next));
            });
        })
    };
    props.labelled(html! {
        <div class="ow-file-upload">
            <input class={classes!("ow-file-upload__input", props.has_error().then_some("ow-file-upload--error"))}
                id={props.id()} name={props.field.id.clone()} type="file" accept={accept.join(",")}
                multiple={max_count > 1} aria-describedby={props.described_by()} {onchange} />
            if !files.is_empty() {
                <ul class="ow-list ow-file-upload__list">
                    { for files.iter().enumerate().map(|(n, file)| {
                        let name = file.get("name").and_then(Value::as_str).unwrap_or("").to_string();
                        let size = file.get("size").and_then(Value::as_u64).unwrap_or(0);
                        let on_change = props.on_change.clone();
                        let remaining: Vec<Value> = files.iter().enumerate().filter(|(i, _)| *i != n).map(|(_, f)| f.clone()).collect();
                        let onclick = Callback::from(move |_: MouseEvent| on_change.emit(Value::Array(remaining.clone())));
                        html! {
                            <li class="ow-file-upload__item">
                                <span class="ow-file-upload__name">{ &name }</span>{ " " }
                                <span class="ow-file-upload__size">{ format!("({})", human_size(size)) }</span>{ " " }
                                <button type="button" class="ow-link-button" {onclick}>
                                    { ui_text(UiText::Remove, &props.locale) }<span class="ow-visually-hidden">{ " " }{ &name }</span>
                                </button>
                            </li>
                        }
                    }) }
                </ul>
            }
        </div>
    })
}

fn human_size(bytes: u64) -> String {
    match bytes {
        b if b >= 1024 * 1024 => format!("{:.1} MB", b as f64 / (1024.0 * 1024.0)),
        b if b >= 1024 => format!("{} KB", b.div_ceil(1024)),
        b => format!("{b} bytes"),
    }
}

/// A repeatable group ("add another"): each item's questions, a "Remove" button per item and
/// "Add another" below. Focus goes to the new item's first input, or back to "Add another"
/// after a removal, so keyboard and screen-reader users are never lost.
#[function_component(GroupField)]
pub fn group_field(props: &Props) -> Html {
    let onewindow_engine::FieldKind::Group { fields, max_items, item_label, .. } =
        &props.field.kind
    else {
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
                      else if is_chinese(&props.locale) { format!("{}{item_name}", ui_text(UiText::AddFirst, &props.locale)) }
                      else { format!("{}{}", ui_text(UiText::AddFirst, &props.locale), item_name.to_lowercase()) } }
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
