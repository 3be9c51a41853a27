//! Checking a page's answers. Messages follow the GOV.UK wording rules in both locales.

use crate::answers::Answers;
use crate::definition::{Field, FieldKind, Form};
use crate::i18n;
use serde::Serialize;

/// A problem with one answer, worded for the citizen.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FieldError {
    /// The field whose answer is at fault.
    pub field: String,
    /// The rule that failed, e.g. `"required"`, `"max_length"`.
    pub rule: &'static str,
    /// What to do about it, in the requested locale.
    pub message: String,
}

/// Every problem with the answers to page `page` (an index into `form.pages`), in field order.
/// An index out of range has no fields and so no problems.
pub fn validate_page(form: &Form, page: usize, answers: &Answers, locale: &str) -> Vec<FieldError> {
    let Some(page) = form.pages.get(page) else { return Vec::new() };
    page.fields.iter().filter_map(|field| validate_field(form, field, answers, locale)).collect()
}

fn validate_field(form: &Form, field: &Field, answers: &Answers, locale: &str) -> Option<FieldError> {
    let label = form.text(&field.label, locale);
    let error = |rule: &'static str, default: String| FieldError {
        field: field.id.clone(),
        rule,
        message: field.messages.get(rule).map(|t| form.text(t, locale).to_string()).unwrap_or(default),
    };
    if !answers.is_answered(&field.id) {
        return field.required.then(|| error("required", i18n::required_message(label, locale)));
    }
    match &field.kind {
        FieldKind::Text { max_length } | FieldKind::Textarea { max_length } => {
            let length = answers.text(&field.id).trim().chars().count();
            match max_length {
                Some(max) if length > *max as usize => {
                    Some(error("max_length", i18n::too_long_message(label, *max, locale)))
                }
                _ => None,
            }
        }
    }
}
