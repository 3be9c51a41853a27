//! "Check your answers": each visible question with its answer as the citizen reads it.

use crate::form::answers::{Answer, Answers};
use crate::form::definition::{Field, FieldKind, Form, Text};
use crate::form::model::{date_answer, Evaluation, FormModel};
use crate::formats;
use crate::text::i18n::{self, ui_text, UiText};
use serde::Serialize;
use serde_json::Value;

/// One row of the check-answers list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SummaryRow {
    /// The question's id.
    pub field: String,
    /// The question as asked.
    pub label: String,
    /// The answer as the citizen reads it; "Not provided" for a skipped optional question.
    /// Several lines (addresses, lists) are separated by `\n`.
    pub value: String,
    /// The id of the page to change it on.
    pub page: String,
    /// Computed values are shown but cannot be changed.
    pub changeable: bool,
    /// For a repeatable group: each item as a titled block of its answers ("Baby 1"), which
    /// check answers shows as a card with its own Change link; `value` says the same in lines.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<SummaryItem>,
}

/// One item of a repeatable group on check answers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SummaryItem {
    /// "Baby 1": the group's `item_label` (else its label) and the item's number.
    pub title: String,
    /// Each question of the item as `[label, answer]` ("Not provided" when skipped).
    pub rows: Vec<[String; 2]>,
}

/// The items of a group's answer, as blocks.
fn group_items(
    form: &Form,
    field: &Field,
    answer: Option<&Answer>,
    locale: &str,
) -> Vec<SummaryItem> {
    let FieldKind::Group { fields, item_label, .. } = &field.kind else { return Vec::new() };
    let name = form.text(item_label.as_ref().unwrap_or(&field.label), locale);
    let items = answer.and_then(Value::as_array).map(Vec::as_slice).unwrap_or(&[]);
    items
        .iter()
        .enumerate()
        .map(|(n, item)| SummaryItem {
            title: format!("{name} {}", n + 1),
            rows: fields
                .iter()
                .filter(|f| f.kind.is_question())
                .map(|f| {
                    let value = display_value(form, f, item.get(&f.id), locale);
                    [form.text(&f.label, locale).to_string(), or_not_provided(value, locale)]
                })
                .collect(),
        })
        .collect()
}

/// The rows for every visible question on the path, in journey order.
pub fn summary(
    model: &FormModel,
    evaluation: &Evaluation,
    answers: &Answers,
    locale: &str,
) -> Vec<SummaryRow> {
    let form = model.form();
    let mut rows = Vec::new();
    for page in evaluation.path.iter().filter_map(|&p| form.pages.get(p)) {
        for field in &page.fields {
            if !evaluation.is_visible(model, &field.id)
                || matches!(
                    field.kind,
                    FieldKind::Content { .. } | FieldKind::Computed { hidden: true, .. }
                )
            {
                continue;
            }
            let mut items = Vec::new();
            let value = match &field.kind {
                FieldKind::Computed { .. } => {
                    display_value(form, field, evaluation.value(model, &field.id), locale)
                }
                _ => {
                    let answer = model
                        .index
                        .get(&field.id)
                        .and_then(|&i| evaluation.answer_at(model, i, answers));
                    items = group_items(form, field, answer.as_deref(), locale);
                    shown_value(model, field, answer.as_deref(), locale)
                }
            };
            rows.push(SummaryRow {
                field: field.id.clone(),
                label: model.piped_text(evaluation, &field.label, locale, false),
                value: or_not_provided(value, locale),
                page: page.id.clone(),
                changeable: field.kind.is_question(),
                items,
            });
        }
    }
    rows
}

/// An answer as the citizen reads it: option labels rather than values, dates written out,
/// codes normalised ("sw1a1aa" → "SW1A 1AA").
pub fn display_value(form: &Form, field: &Field, answer: Option<&Answer>, locale: &str) -> String {
    let Some(answer) = answer else { return String::new() };
    let text = answer.as_str().map(str::trim).unwrap_or("");
    let option_label = |value: &str| {
        field
            .kind
            .options()
            .iter()
            .find(|o| o.value == value)
            .map(|o| form.text(&o.label, locale).to_string())
            .unwrap_or_else(|| value.to_string())
    };
    match &field.kind {
        FieldKind::Select { .. } | FieldKind::Radios { .. } => option_label(text),
        FieldKind::Money { currency, .. }
        | FieldKind::Computed { currency: Some(currency), .. } => {
            match formats::parse_number(answer) {
                Some(amount) => formats::money(amount, currency),
                None => plain(answer),
            }
        }
        FieldKind::Number { suffix, .. }
        | FieldKind::Integer { suffix, .. }
        | FieldKind::Computed { suffix: suffix @ Some(_), .. } => {
            match formats::parse_number(answer) {
                Some(number) => {
                    with_unit(formats::group_digits(number), form, suffix.as_ref(), locale)
                }
                None => plain(answer),
            }
        }
        FieldKind::Computed { .. } => match text.parse::<formats::Date>() {
            Ok(d) => i18n::format_date(d.year, d.month, d.day, locale),
            Err(_) if answer.is_string() => option_label(text),
            Err(_) => plain(answer),
        },
        FieldKind::Checkboxes { .. } => answer
            .as_array()
            .map(|items| {
                items
                    .iter()
                    .filter_map(Value::as_str)
                    .map(option_label)
                    .collect::<Vec<_>>()
                    .join("\n")
            })
            .unwrap_or_default(),
        FieldKind::YesNo {} => match text {
            "yes" => ui_text(UiText::Yes, locale).to_string(),
            "no" => ui_text(UiText::No, locale).to_string(),
            _ => String::new(),
        },
        FieldKind::Date { .. } => match date_answer(answer) {
            Ok(d) => i18n::format_date(d.year, d.month, d.day, locale),
            Err(_) => String::new(),
        },
        FieldKind::Text { format: Some(format), .. } => format.normalize(text),
        FieldKind::Declaration { .. } => {
            if answer == &Value::Bool(true) {
                ui_text(UiText::Yes, locale).to_string()
            } else {
                String::new()
            }
        }
        FieldKind::File { .. } => answer
            .as_array()
            .map(|files| {
                files
                    .iter()
                    .filter_map(|f| f.get("name").and_then(Value::as_str))
                    .collect::<Vec<_>>()
                    .join("\n")
            })
            .unwrap_or_default(),
        FieldKind::Address { .. } => {
            let order = [
                "line1",
                "line2",
                "town",
                "postcode",
                "province_name",
                "city_name",
                "district_name",
                "street",
            ];
            order
                .iter()
                .filter_map(|k| {
                    let part = answer
                        .get(*k)
                        .and_then(Value::as_str)
                        .map(str::trim)
                        .filter(|s| !s.is_empty())?;
                    Some(if *k == "postcode" {
                        formats::uk_postcode(part).unwrap_or_else(|_| part.to_string())
                    } else {
                        part.to_string()
                    })
                })
                .collect::<Vec<_>>()
                .join("\n")
        }
        FieldKind::Group { fields, item_label, .. } => {
            let items = answer.as_array().map(Vec::as_slice).unwrap_or(&[]);
            items
                .iter()
                .enumerate()
                .map(|(n, item)| {
                    let name = item_label.as_ref().map(|l| form.text(l, locale)).unwrap_or("");
                    let parts: Vec<String> = fields
                        .iter()
                        .map(|f| display_value(form, f, item.get(&f.id), locale))
                        .filter(|v| !v.is_empty())
                        .collect();
                    format!("{name} {}: {}", n + 1, parts.join(", ")).trim().to_string()
                })
                .collect::<Vec<_>>()
                .join("\n")
        }
        _ => match answer {
            Value::String(s) => s.trim().to_string(),
            other => plain(other),
        },
    }
}

/// An answer as the citizen reads it ([`display_value`]), a reference list's code as its
/// label once the list is provided.
pub(crate) fn shown_value(
    model: &FormModel,
    field: &Field,
    answer: Option<&Answer>,
    locale: &str,
) -> String {
    match &field.kind {
        FieldKind::Select { options, options_from: Some(list), .. } if options.is_empty() => {
            let code = answer.and_then(Value::as_str).unwrap_or_default().trim();
            model.list_label(list, code, locale).unwrap_or_else(|| code.to_string())
        }
        _ => display_value(model.form(), field, answer, locale),
    }
}

/// An answer as shown, or "Not provided" for none.
fn or_not_provided(value: String, locale: &str) -> String {
    if value.trim().is_empty() {
        ui_text(UiText::NotProvided, locale).to_string()
    } else {
        value
    }
}

/// A number with its unit after it, if any: "1,250 m²", "12%".
fn with_unit(number: String, form: &Form, unit: Option<&Text>, locale: &str) -> String {
    match unit.map(|u| form.text(u, locale).trim()).filter(|u| !u.is_empty()) {
        Some(unit) if unit.starts_with('%') => format!("{number}{unit}"),
        Some(unit) => format!("{number} {unit}"),
        None => number,
    }
}

fn plain(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}
