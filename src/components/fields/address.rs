//! Addresses: UK lines, and the CN province → city → district cascade.

use super::props::{event_text, Props};
use crate::components::error_summary::input_id;
use crate::host::Host;
use crate::io;
use onewindow_engine::{ui_text, with_optional, Answer, FieldError, Text, UiText};
use serde_json::{Map, Value};
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
pub(super) fn uk_address(props: &Props) -> Html {
    let l = |key| ui_text(key, &props.locale).to_string();
    let parts = [
        ("line1", l(UiText::AddressLine1), "address-line1", "ow-input"),
        (
            "line2",
            with_optional(&l(UiText::AddressLine2), &props.locale),
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
pub(super) struct Region {
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
pub(super) fn cn_address(props: &Props) -> Html {
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
