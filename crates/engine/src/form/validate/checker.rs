//! Checking one answer against its question: what is required, then what its type asks.

use super::error::FieldError;
use crate::diagnostic::Severity;
use crate::form::answers::Answer;
use crate::form::definition::{Field, FieldKind, PhoneRegion};
use crate::form::model::{Evaluation, FormModel};
use crate::formats::{Date, Format, FormatProblem};
use crate::text::i18n::{self, Msg};
use serde_json::Value;

#[derive(Clone, Copy)]
pub(super) struct Checker<'a> {
    pub(super) model: &'a FormModel,
    pub(super) evaluation: &'a Evaluation,
    pub(super) field: &'a Field,
    pub(super) locale: &'a str,
    pub(super) today: Date,
}

impl Checker<'_> {
    /// Whether option `value` is not offered now (its `visible_if`, or a keyed select's key).
    fn is_hidden(&self, value: &str) -> bool {
        self.evaluation.hidden_options(self.model, &self.field.id).iter().any(|h| h == value)
    }

    /// The question's label, its pipes filled in, as the page shows it.
    pub(super) fn label(&self) -> std::borrow::Cow<'_, str> {
        let label = self.model.form.text(&self.field.label, self.locale);
        self.model.pipe(self.evaluation, label, self.locale, false)
    }

    pub(super) fn error(&self, rule: &str, msg: Msg, part: Option<String>) -> FieldError {
        self.error_detail(rule, None, msg, part)
    }

    /// An error whose message a definition may override for the whole rule (`"format"`) or
    /// for one case of it (`"format.check_digit"`, `"date_missing.month"`).
    pub(super) fn error_detail(
        &self,
        rule: &str,
        detail: Option<&str>,
        msg: Msg,
        part: Option<String>,
    ) -> FieldError {
        let custom = detail
            .and_then(|d| self.field.messages.get(&format!("{rule}.{d}")))
            .or_else(|| self.field.messages.get(rule));
        let message = match custom {
            Some(custom) => self.model.form.text(custom, self.locale).to_string(),
            None => i18n::message(&msg, &self.label(), self.locale),
        };
        FieldError {
            field: self.field.id.clone(),
            part,
            rule: rule.to_string(),
            message,
            severity: Severity::Error,
        }
    }

    /// Checks one answer; `prefix` is the group item path for questions inside groups.
    pub(super) fn check(
        &self,
        answer: Option<&Answer>,
        required: bool,
        prefix: Option<&str>,
        out: &mut Vec<FieldError>,
    ) {
        let part = |p: &str| -> Option<String> {
            match (prefix, p.is_empty()) {
                (Some(prefix), true) => Some(prefix.to_string()),
                (Some(prefix), false) => Some(format!("{prefix}.{p}")),
                (None, true) => None,
                (None, false) => Some(p.to_string()),
            }
        };
        let kind = &self.field.kind;
        if !kind.is_question() {
            return;
        }
        if !is_answered(kind, answer) {
            if required {
                let msg = match kind {
                    FieldKind::Select { .. } | FieldKind::Radios { .. } => Msg::SelectValue,
                    FieldKind::YesNo {} => Msg::SelectYesOrNo,
                    FieldKind::Checkboxes { options, exclusive: Some(none), .. } => {
                        Msg::SelectOrNone(
                            options
                                .iter()
                                .find(|o| &o.value == none)
                                .map(|o| self.model.form.text(&o.label, self.locale).to_string())
                                .unwrap_or_default(),
                        )
                    }
                    FieldKind::Checkboxes { .. } => Msg::SelectValue,
                    FieldKind::File { .. } => Msg::UploadFile,
                    FieldKind::Declaration { .. } => Msg::ConfirmDeclaration,
                    _ => Msg::EnterValue,
                };
                let first_part = match kind {
                    FieldKind::Date { .. } => part("day"),
                    _ => part(""),
                };
                out.push(self.error("required", msg, first_part));
            }
            return;
        }
        let Some(answer) = answer else { return };
        let text = answer.as_str().map(str::trim).unwrap_or("");
        let found = match kind {
            FieldKind::Text { min_length, max_length, pattern, format, .. } => self
                .lengths(text, *min_length, *max_length)
                .or_else(|| pattern.as_deref().and_then(|p| self.pattern(text, p)))
                .or_else(|| format.and_then(|f| self.format(text, f))),
            FieldKind::Textarea { min_length, max_length } => {
                self.lengths(text, *min_length, *max_length)
            }
            FieldKind::Number { min, max, .. } => {
                self.number(answer, false, *min, *max, Msg::NotANumber)
            }
            FieldKind::Money { min, max, .. } => {
                self.number(answer, true, *min, *max, Msg::NotMoney)
            }
            FieldKind::Integer { min, max, .. } => self
                .number(
                    answer,
                    false,
                    min.map(|v| v as f64),
                    max.map(|v| v as f64),
                    Msg::NotAWholeNumber,
                )
                .or_else(|| {
                    (crate::form::model::typed_value(self.field, Some(answer)).is_none())
                        .then(|| self.error("integer", Msg::NotAWholeNumber, None))
                }),
            FieldKind::Date { .. } => self.date(answer),
            FieldKind::Email {} => Format::Email
                .check(text, self.today)
                .err()
                .map(|_| self.error("format", Msg::Email, None)),
            FieldKind::Url {} => Format::Url.check(text, self.today).err().map(|p| {
                self.error(
                    "format",
                    if p == FormatProblem::Scheme { Msg::UrlScheme } else { Msg::Url },
                    None,
                )
            }),
            FieldKind::Phone { region } => {
                let (format, msg) = match region {
                    PhoneRegion::Cn => (Format::CnMobile, Msg::CnMobile),
                    PhoneRegion::Uk => (Format::UkPhone, Msg::UkPhone),
                    PhoneRegion::International => {
                        (Format::InternationalPhone, Msg::InternationalPhone)
                    }
                };
                format.check(text, self.today).is_err().then(|| self.error("format", msg, None))
            }
            FieldKind::Select { options, options_from: Some(list), .. } if options.is_empty() => {
                (!self.model.list_has(list, text) || self.is_hidden(text))
                    .then(|| self.error("option", Msg::SelectValue, None))
            }
            FieldKind::Select { options, .. } | FieldKind::Radios { options } => {
                let known = options.iter().any(|o| o.value == text) && !self.is_hidden(text);
                (!known).then(|| self.error("option", Msg::SelectValue, None))
            }
            FieldKind::YesNo {} => (!matches!(text, "yes" | "no"))
                .then(|| self.error("option", Msg::SelectValue, None)),
            FieldKind::Checkboxes { options, exclusive, min_selected, max_selected } => {
                let chosen: Vec<&str> = answer
                    .as_array()
                    .map(|a| a.iter().filter_map(Value::as_str).collect())
                    .unwrap_or_default();
                let unknown = chosen
                    .iter()
                    .any(|c| !options.iter().any(|o| o.value == *c) || self.is_hidden(c));
                let none_label = exclusive.as_ref().and_then(|none| {
                    options
                        .iter()
                        .find(|o| &o.value == none)
                        .map(|o| self.model.form.text(&o.label, self.locale).to_string())
                });
                if unknown {
                    Some(self.error("option", Msg::SelectValue, None))
                } else if exclusive
                    .as_ref()
                    .is_some_and(|none| chosen.contains(&none.as_str()) && chosen.len() > 1)
                {
                    Some(self.error(
                        "exclusive",
                        Msg::SelectOrNone(none_label.unwrap_or_default()),
                        None,
                    ))
                } else if min_selected.is_some_and(|n| (chosen.len() as u32) < n) {
                    Some(self.error(
                        "min_selected",
                        Msg::MinSelected(min_selected.unwrap_or(0)),
                        None,
                    ))
                } else if max_selected.is_some_and(|n| (chosen.len() as u32) > n) {
                    Some(self.error(
                        "max_selected",
                        Msg::MaxSelected(max_selected.unwrap_or(0)),
                        None,
                    ))
                } else {
                    None
                }
            }
            FieldKind::File { accept, max_size, max_count, min_count } => {
                self.files(answer, accept, *max_size, (min_count.unwrap_or(0), *max_count))
            }
            FieldKind::Address { style } => self.address(answer, *style),
            FieldKind::Group { fields, min_items, max_items, item_label } => {
                let item_label = item_label.as_ref().map(|l| self.model.form.text(l, self.locale));
                self.group(answer, fields, *min_items, *max_items, item_label, out);
                None
            }
            FieldKind::Declaration { .. } => None,
            FieldKind::Computed { .. } | FieldKind::Content { .. } => None,
        };
        if let Some(mut error) = found {
            if prefix.is_some() {
                error.part = part(error.part.as_deref().unwrap_or(""));
            }
            out.push(error);
        }
    }
}

pub(super) fn is_answered(kind: &FieldKind, answer: Option<&Answer>) -> bool {
    match (kind, answer) {
        (_, None | Some(Value::Null)) => false,
        (FieldKind::Declaration { .. }, Some(v)) => v == &Value::Bool(true),
        (FieldKind::Date { .. }, Some(Value::Object(parts))) => {
            parts.values().any(|v| v.as_str().is_some_and(|s| !s.trim().is_empty()))
        }
        (FieldKind::Address { .. }, Some(Value::Object(parts))) => {
            parts.values().any(|v| v.as_str().is_some_and(|s| !s.trim().is_empty()))
        }
        (FieldKind::Group { .. }, Some(Value::Array(_))) => true,
        (_, Some(Value::String(s))) => !s.trim().is_empty(),
        (_, Some(Value::Array(items))) => !items.is_empty(),
        (_, Some(_)) => true,
    }
}
