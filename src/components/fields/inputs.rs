//! Questions answered with one input or one set of options: text of every kind, radios,
//! checkboxes, drop-downs, dates and declarations.

use super::props::{event_text, option_id, Props};
use crate::components::error_summary::input_id;
use onewindow_engine::{toggle_checkbox, ui_text, Choice, FieldKind, Text, UiText};
use serde_json::{json, Value};
use yew::prelude::*;

pub(super) fn text_input(props: &Props) -> Html {
    let (kind, inputmode, autocomplete, spellcheck, width) = match &props.field.kind {
        FieldKind::Email {} => ("email", None, Some("email"), Some("false"), None),
        FieldKind::Phone { .. } => ("tel", None, Some("tel"), None, Some("ow-input--width-20")),
        FieldKind::Url {} => ("url", None, Some("url"), Some("false"), None),
        FieldKind::Integer { .. } => {
            ("text", Some("numeric"), None, Some("false"), Some("ow-input--width-10"))
        }
        FieldKind::Number { .. } | FieldKind::Money { .. } => {
            ("text", Some("decimal"), None, Some("false"), Some("ow-input--width-10"))
        }
        FieldKind::Text { format: Some(_), .. } => {
            ("text", None, None, Some("false"), Some("ow-input--width-20"))
        }
        _ => ("text", None, None, None, None),
    };
    let on_change = props.on_change.clone();
    let oninput =
        Callback::from(move |e: InputEvent| on_change.emit(Value::String(event_text(&e))));
    let (prefix, suffix) = match &props.field.kind {
        FieldKind::Money { currency, .. } => (Some(currency_symbol(currency)), None),
        FieldKind::Number { suffix, .. } | FieldKind::Integer { suffix, .. } => {
            (None, suffix.as_ref().map(|s| props.t(s).to_string()))
        }
        _ => (None, None),
    };
    let input = html! {
        <input class={classes!("ow-input", width, props.has_error().then_some("ow-input--error"))}
            id={props.id()} name={props.field.id.clone()} type={kind} inputmode={inputmode}
            autocomplete={autocomplete} spellcheck={spellcheck} value={props.text_value()}
            aria-describedby={props.described_by()} {oninput} />
    };
    props.labelled(if prefix.is_some() || suffix.is_some() {
        html! {
            <div class="ow-input__wrapper">
                if let Some(p) = prefix { <div class="ow-input__prefix" aria-hidden="true">{ p }</div> }
                { input }
                if let Some(s) = suffix { <div class="ow-input__suffix" aria-hidden="true">{ s }</div> }
            </div>
        }
    } else {
        input
    })
}

fn currency_symbol(code: &str) -> String {
    match code {
        "CNY" => "¥".into(),
        "GBP" => "£".into(),
        "EUR" => "€".into(),
        "USD" => "$".into(),
        other => other.into(),
    }
}

pub(super) fn radios(props: &Props, options: Vec<Choice>) -> Html {
    let current = props.text_value();
    props.fieldset(html! {
        <div class="ow-radios">
            { for options.iter().enumerate().map(|(n, option)| {
                let id = option_id(props, n);
                let value = option.value.clone();
                let on_change = props.on_change.clone();
                let onchange = Callback::from(move |_| on_change.emit(Value::String(value.clone())));
                let hint_id = option.hint.as_ref().map(|_| format!("{id}-hint"));
                let (controls, conditional) = props.conditional(n, &option.value, current == option.value);
                html! {
                    <>
                        <div class="ow-radios__item">
                            <input class="ow-radios__input" type="radio" id={id.clone()} name={props.field.id.clone()}
                                value={option.value.clone()} checked={current == option.value} aria-describedby={hint_id.clone()}
                                aria-controls={controls} {onchange} />
                            <label class="ow-label ow-radios__label" for={id}>{ props.t(&option.label) }</label>
                            if let (Some(hint), Some(hint_id)) = (&option.hint, hint_id) {
                                <div class="ow-hint ow-radios__hint" id={hint_id}>{ props.t(hint) }</div>
                            }
                        </div>
                        { conditional }
                    </>
                }
            }) }
        </div>
    })
}

pub(super) fn checkboxes(props: &Props, options: &[Choice], exclusive: Option<&str>) -> Html {
    let chosen: Vec<String> = props
        .value
        .as_ref()
        .and_then(Value::as_array)
        .map(|a| a.iter().filter_map(Value::as_str).map(str::to_string).collect())
        .unwrap_or_default();
    let or = ui_text(UiText::Or, &props.locale);
    props.fieldset(html! {
        <div class="ow-checkboxes">
            { for options.iter().enumerate().map(|(n, option)| {
                let id = option_id(props, n);
                let value = option.value.clone();
                let on_change = props.on_change.clone();
                let current = props.value.clone();
                let exclusive_value = exclusive.map(str::to_string);
                let onchange = Callback::from(move |e: Event| {
                    let checked = e.target_dyn_into::<web_sys::HtmlInputElement>().is_some_and(|i| i.checked());
                    on_change.emit(toggle_checkbox(current.as_ref(), &value, checked, exclusive_value.as_deref()));
                });
                let is_exclusive = exclusive == Some(option.value.as_str());
                let (controls, conditional) = props.conditional(n, &option.value, chosen.contains(&option.value));
                html! {
                    <>
                        if is_exclusive && n > 0 { <div class="ow-checkboxes__divider">{ or }</div> }
                        <div class="ow-checkboxes__item">
                            <input class="ow-checkboxes__input" type="checkbox" id={id.clone()} name={props.field.id.clone()}
                                value={option.value.clone()} checked={chosen.contains(&option.value)} aria-controls={controls} {onchange} />
                            <label class="ow-label ow-checkboxes__label" for={id}>{ props.t(&option.label) }</label>
                        </div>
                        { conditional }
                    </>
                }
            }) }
        </div>
    })
}

pub(super) fn date(props: &Props) -> Html {
    let part = |name: &str| {
        props
            .value
            .as_ref()
            .and_then(|v| v.get(name))
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string()
    };
    let parts = [
        ("day", UiText::Day, "ow-input--width-2", "numeric"),
        ("month", UiText::Month, "ow-input--width-4", "text"),
        ("year", UiText::Year, "ow-input--width-4", "numeric"),
    ];
    let errored_parts: Vec<Option<String>> = props.errors.iter().map(|e| e.part.clone()).collect();
    props.fieldset(html! {
        <div class="ow-date-input">
            { for parts.iter().map(|(name, label, width, inputmode)| {
                let id = input_id(&props.field.id, Some(name));
                let on_change = props.on_change.clone();
                let value = props.value.clone();
                let key = name.to_string();
                let oninput = Callback::from(move |e: InputEvent| {
                    let mut next = value.clone().filter(Value::is_object).unwrap_or_else(|| json!({}));
                    next[key.as_str()] = Value::String(event_text(&e));
                    on_change.emit(next);
                });
                // GOV.UK: highlight the parts at fault, or all three when the date as a whole is.
                let whole = errored_parts.iter().any(Option::is_none);
                let in_error = props.has_error() && (whole || errored_parts.iter().any(|p| p.as_deref() == Some(*name)));
                html! {
                    <div class="ow-date-input__item">
                        <label class="ow-label ow-date-input__label" for={id.clone()}>{ ui_text(*label, &props.locale) }</label>
                        <input class={classes!("ow-input", *width, in_error.then_some("ow-input--error"))} id={id}
                            name={format!("{}-{name}", props.field.id)} type="text" inputmode={*inputmode}
                            spellcheck="false" value={part(name)} {oninput} />
                    </div>
                }
            }) }
        </div>
    })
}

pub(super) fn declaration(props: &Props, statement: &Text) -> Html {
    let on_change = props.on_change.clone();
    let onchange = Callback::from(move |e: Event| {
        let checked = e.target_dyn_into::<web_sys::HtmlInputElement>().is_some_and(|i| i.checked());
        on_change.emit(if checked { Value::Bool(true) } else { Value::Null });
    });
    let checked = props.value == Some(Value::Bool(true));
    props.fieldset(html! {
        <div class="ow-checkboxes">
            <div class="ow-checkboxes__item">
                <input class="ow-checkboxes__input" type="checkbox" id={props.id()} name={props.field.id.clone()} {checked} {onchange} />
                <label class="ow-label ow-checkboxes__label" for={props.id()}>{ props.t(statement) }</label>
            </div>
        </div>
    })
}

pub(super) fn select(props: &Props, options: &[Choice]) -> Html {
    let current = props.text_value();
    let on_change = props.on_change.clone();
    let onchange = Callback::from(move |e: Event| on_change.emit(Value::String(event_text(&e))));
    props.labelled(html! {
        <select class={classes!("ow-select", props.has_error().then_some("ow-select--error"))} id={props.id()}
            name={props.field.id.clone()} aria-describedby={props.described_by()} {onchange}>
            <option value="" selected={current.is_empty()}>{ ui_text(UiText::Choose, &props.locale) }</option>
            { for options.iter().map(|o| html! {
                <option value={o.value.clone()} selected={current == o.value}>{ props.t(&o.label) }</option>
            }) }
        </select>
    })
}
