//! Checking a page's answers. Every problem on the page is returned, in field order, worded
//! by the GOV.UK rules in the citizen's locale (or by the definition's own message).

mod checker;
mod date;
mod error;
mod values;

pub use error::FieldError;

/// Every check a question's answer can fail, by the name a definition's `messages` use to
/// word it (`"required"`, or one case of a check: `"format.check_digit"`).
pub const RULES: &[&str] = &[
    "required",
    "min_length",
    "max_length",
    "pattern",
    "format",
    "number",
    "integer",
    "min",
    "max",
    "option",
    "min_selected",
    "max_selected",
    "exclusive",
    "date_real",
    "date_missing",
    "date_before",
    "date_after",
    "date_not_before",
    "date_not_after",
    "min_age",
    "max_age",
    "months_before_today",
    "file_type",
    "file_size",
    "file_empty",
    "min_count",
    "max_count",
    "min_items",
    "max_items",
    "address_region",
    "address_street",
    "address_town",
    "address_postcode",
];

use crate::diagnostic::Severity;
use crate::form::answers::{Answer, Answers};
use crate::form::definition::RuleSeverity;
use crate::form::model::{Evaluation, FormModel};
use checker::Checker;

/// Every problem with the answers on page `page` (index into `form.pages`): its visible
/// questions, then the cross-field rules shown on them. A page off the path has none.
pub fn validate_page(
    model: &FormModel,
    evaluation: &Evaluation,
    page: usize,
    answers: &Answers,
    locale: &str,
) -> Vec<FieldError> {
    let Some(node) = model.pages.get(page) else { return Vec::new() };
    if !evaluation.path.contains(&page) {
        return Vec::new();
    }
    let mut errors = Vec::new();
    for i in node.fields.clone() {
        if !evaluation.is_visible_at(i) {
            continue;
        }
        let field = model.field_at(i);
        let checker = Checker { model, evaluation, field, locale, today: model.today() };
        let answer = evaluation.answer_at(model, i, answers);
        checker.check(answer.as_deref(), evaluation.is_required_at(i), None, &mut errors);
    }
    for rule in &model.rules {
        let shown_here = node.fields.contains(&rule.field) && evaluation.is_visible_at(rule.field);
        // A rule about an answer that already has an error would only repeat it.
        let field_id = &model.field_at(rule.field).id;
        if shown_here
            && !errors.iter().any(|e| &e.field == field_id)
            && !model.rule_holds(rule, evaluation)
        {
            let Some(definition) = model.form.rules.get(rule.rule) else { continue };
            errors.push(FieldError {
                field: field_id.clone(),
                part: None,
                rule: definition.id.clone(),
                message: model.form.text(&definition.message, locale).to_string(),
                severity: match definition.severity {
                    RuleSeverity::Error => Severity::Error,
                    RuleSeverity::Warning => Severity::Warning,
                },
            });
        }
    }
    errors
}

/// The problems with one answer to top-level field `i`, as "Continue" would find them (without
/// the cross-field rules).
pub(crate) fn check_field(
    model: &FormModel,
    evaluation: &Evaluation,
    i: usize,
    answer: Option<&Answer>,
    locale: &str,
) -> Vec<FieldError> {
    let mut errors = Vec::new();
    let field = model.field_at(i);
    let checker = Checker { model, evaluation, field, locale, today: model.today() };
    checker.check(answer, evaluation.is_required_at(i), None, &mut errors);
    errors
}
