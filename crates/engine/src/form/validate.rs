//! Checking a page's answers. Every problem on the page is returned, in field order, worded
//! by the GOV.UK rules in the citizen's locale (or by the definition's own message).

use crate::diagnostic::Severity;
use crate::form::answers::{Answer, Answers};
use crate::form::definition::{
    AddressStyle, DateBound, Field, FieldKind, PhoneRegion, RuleSeverity, TextFormat,
};
use crate::form::model::{date_answer, Evaluation, FormModel};
use crate::formats::{self, Date, DatePart, DateProblem, Format, FormatProblem};
use crate::text::i18n::{self, Msg};
use serde::Serialize;
use serde_json::Value;

/// A problem with one answer, worded for the citizen.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FieldError {
    /// The question whose answer is at fault.
    pub field: String,
    /// The part of a composite answer at fault (`"day"`, `"postcode"`, `"2.name"` for item 2 of
    /// a group), so the error summary can link to the right input.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub part: Option<String>,
    /// The check that failed, e.g. `"required"`, `"max_length"`, or a rule's id.
    pub rule: String,
    /// What to do about it, in the requested locale.
    pub message: String,
    /// Errors block "Continue"; warnings are shown but do not.
    pub severity: Severity,
}

impl FieldError {
    /// True for problems that block "Continue".
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

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
        checker.check(answers.get(&field.id), evaluation.is_required_at(i), None, &mut errors);
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

#[derive(Clone, Copy)]
struct Checker<'a> {
    model: &'a FormModel,
    evaluation: &'a Evaluation,
    field: &'a Field,
    locale: &'a str,
    today: Date,
}

impl Checker<'_> {
    fn label(&self) -> &str {
        self.model.form.text(&self.field.label, self.locale)
    }

    fn error(&self, rule: &str, msg: Msg, part: Option<String>) -> FieldError {
        self.error_detail(rule, None, msg, part)
    }

    /// An error whose message a definition may override for the whole rule (`"format"`) or
    /// for one case of it (`"format.check_digit"`, `"date_missing.month"`).
    fn error_detail(
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
            None => i18n::message(&msg, self.label(), self.locale),
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
    fn check(
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
            FieldKind::Select { options, options_from: Some(list) } if options.is_empty() => {
                (!self.model.list_has(list, text))
                    .then(|| self.error("option", Msg::SelectValue, None))
            }
            FieldKind::Select { options, .. } | FieldKind::Radios { options } => {
                let known = options.iter().any(|o| o.value == text);
                (!known).then(|| self.error("option", Msg::SelectValue, None))
            }
            FieldKind::YesNo {} => (!matches!(text, "yes" | "no"))
                .then(|| self.error("option", Msg::SelectValue, None)),
            FieldKind::Checkboxes { options, exclusive, min_selected, max_selected } => {
                let chosen: Vec<&str> = answer
                    .as_array()
                    .map(|a| a.iter().filter_map(Value::as_str).collect())
                    .unwrap_or_default();
                let unknown = chosen.iter().any(|c| !options.iter().any(|o| o.value == *c));
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
            FieldKind::File { accept, max_size, max_count } => {
                self.files(answer, accept, *max_size, *max_count)
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

    fn lengths(&self, text: &str, min: Option<u32>, max: Option<u32>) -> Option<FieldError> {
        let length = text.chars().count();
        match (min, max) {
            (Some(min), _) if length < min as usize => {
                Some(self.error("min_length", Msg::MinLength(min), None))
            }
            (_, Some(max)) if length > max as usize => {
                Some(self.error("max_length", Msg::MaxLength(max), None))
            }
            _ => None,
        }
    }

    fn pattern(&self, text: &str, pattern: &str) -> Option<FieldError> {
        // Lint rejects patterns that do not compile, so a failure here only skips the check.
        let regex = regex_lite::Regex::new(&format!("^(?:{pattern})$")).ok()?;
        (!regex.is_match(text)).then(|| self.error("pattern", Msg::Pattern, None))
    }

    fn format(&self, text: &str, format: TextFormat) -> Option<FieldError> {
        let problem = format.check(text, self.today).err()?;
        let (detail, msg) = match problem {
            FormatProblem::CheckDigit => ("check_digit", Msg::CheckDigit),
            FormatProblem::ImpossibleDate => ("impossible_date", Msg::CodeImpossibleDate),
            FormatProblem::FutureDate => ("future_date", Msg::CodeFutureDate),
            _ => ("shape", Msg::Format),
        };
        Some(self.error_detail("format", Some(detail), msg, None))
    }

    fn number(
        &self,
        answer: &Answer,
        money: bool,
        min: Option<f64>,
        max: Option<f64>,
        not_a_number: Msg,
    ) -> Option<FieldError> {
        let Some(value) =
            crate::form::model::typed_value(self.field, Some(answer)).and_then(|v| v.as_f64())
        else {
            return Some(self.error("number", not_a_number, None));
        };
        if money {
            let text = answer.as_str().unwrap_or("").trim();
            if text.split_once('.').is_some_and(|(_, decimals)| decimals.len() > 2) {
                return Some(self.error("number", not_a_number, None));
            }
        }
        let show = |v: f64| if money { format!("{v:.2}") } else { trim_number(v) };
        match (min, max) {
            (Some(lo), Some(hi)) if value < lo || value > hi => Some(self.error(
                if value < lo { "min" } else { "max" },
                Msg::Between(show(lo), show(hi)),
                None,
            )),
            (Some(lo), None) if value < lo => Some(self.error("min", Msg::AtLeast(show(lo)), None)),
            (None, Some(hi)) if value > hi => Some(self.error("max", Msg::AtMost(show(hi)), None)),
            _ => None,
        }
    }

    fn date(&self, answer: &Answer) -> Option<FieldError> {
        let FieldKind::Date {
            not_before,
            not_after,
            before,
            after,
            min_age,
            max_age,
            months_before_today,
        } = &self.field.kind
        else {
            return None;
        };
        // GOV.UK order: a missing part, then a year that is not 4 digits, then a real date.
        let year_typed = answer.get("year").and_then(Value::as_str).map(str::trim).unwrap_or("");
        let date = match date_answer(answer) {
            Ok(date) => date,
            Err(DateProblem::Missing(part)) => {
                let id = part_id(part);
                return Some(self.error_detail(
                    "date_missing",
                    Some(id),
                    Msg::DateMissingPart(part),
                    Some(id.to_string()),
                ));
            }
            Err(_)
                if !year_typed.is_empty()
                    && year_typed.chars().all(|c| c.is_ascii_digit())
                    && year_typed.len() != 4 =>
            {
                return Some(self.error("date_real", Msg::DateYearDigits, Some("year".into())));
            }
            Err(DateProblem::NotANumber(part)) => {
                return Some(self.error(
                    "date_real",
                    Msg::DateReal,
                    Some(part_id(part).to_string()),
                ));
            }
            Err(DateProblem::Impossible) => {
                return Some(self.error("date_real", Msg::DateReal, Some("day".into())))
            }
        };
        if date.year < 1000 {
            return Some(self.error("date_real", Msg::DateYearDigits, Some("year".into())));
        }
        let bound = |b: &DateBound| self.bound(b);
        if let Some((limit, is_today)) = before.as_ref().and_then(bound) {
            if date >= limit {
                let msg = if is_today {
                    Msg::DateInPast
                } else {
                    Msg::DateBefore(self.show_bound(before.as_ref(), limit))
                };
                return Some(self.error("date_before", msg, Some("day".into())));
            }
        }
        if let Some((limit, is_today)) = after.as_ref().and_then(bound) {
            if date <= limit {
                let msg = if is_today {
                    Msg::DateInFuture
                } else {
                    Msg::DateAfter(self.show_bound(after.as_ref(), limit))
                };
                return Some(self.error("date_after", msg, Some("day".into())));
            }
        }
        if let Some((limit, is_today)) = not_after.as_ref().and_then(bound) {
            if date > limit {
                let msg = if is_today {
                    Msg::DateTodayOrPast
                } else {
                    Msg::DateNotAfter(self.show_bound(not_after.as_ref(), limit))
                };
                return Some(self.error("date_not_after", msg, Some("day".into())));
            }
        }
        if let Some((limit, is_today)) = not_before.as_ref().and_then(bound) {
            if date < limit {
                let msg = if is_today {
                    Msg::DateTodayOrFuture
                } else {
                    Msg::DateNotBefore(self.show_bound(not_before.as_ref(), limit))
                };
                return Some(self.error("date_not_before", msg, Some("day".into())));
            }
        }
        let age = formats::age_on(date, self.today);
        if let Some(min) = min_age {
            if age < *min as i32 {
                return Some(self.error("min_age", Msg::MinAge(*min), Some("day".into())));
            }
        }
        if let Some(max) = max_age {
            if age > *max as i32 {
                return Some(self.error("max_age", Msg::MaxAge(*max), Some("day".into())));
            }
        }
        if let Some(months) = months_before_today {
            if date > months_before(self.today, *months) {
                return Some(self.error(
                    "months_before_today",
                    Msg::MonthsAgo(*months),
                    Some("day".into()),
                ));
            }
        }
        None
    }

    /// A date bound: `"today"`, an ISO date, or another date question's answer. The flag
    /// says it was today, which has its own wording ("must be in the past").
    fn bound(&self, bound: &DateBound) -> Option<(Date, bool)> {
        if bound == "today" {
            return Some((self.today, true));
        }
        if let Ok(date) = bound.parse::<Date>() {
            return Some((date, false));
        }
        let value = self.evaluation.value(self.model, bound)?;
        Some((value.as_str()?.parse().ok()?, false))
    }

    fn show_bound(&self, bound: Option<&DateBound>, date: Date) -> String {
        match bound.and_then(|b| self.model.field(b)) {
            // Another question's label goes mid-sentence: "must be before the baby's date of birth".
            Some((_, field)) => {
                i18n::mid_sentence(self.model.form.text(&field.label, self.locale), self.locale)
            }
            None => i18n::format_date(date.year, date.month, date.day, self.locale),
        }
    }

    fn files(
        &self,
        answer: &Answer,
        accept: &[String],
        max_size: u64,
        max_count: u32,
    ) -> Option<FieldError> {
        let files = answer.as_array()?;
        if files.len() > max_count as usize {
            return Some(self.error("max_count", Msg::TooManyFiles(max_count), None));
        }
        for file in files {
            let media_type = file.get("type").and_then(Value::as_str).unwrap_or("");
            let size = file.get("size").and_then(Value::as_u64).unwrap_or(0);
            if !accept.is_empty() && !accept.iter().any(|a| a.eq_ignore_ascii_case(media_type)) {
                let names: Vec<String> = accept.iter().map(|a| media_type_name(a)).collect();
                return Some(self.error(
                    "file_type",
                    Msg::FileType(i18n::list_or(&names, self.locale)),
                    None,
                ));
            }
            if size == 0 {
                return Some(self.error("file_empty", Msg::FileEmpty, None));
            }
            if size > max_size {
                return Some(self.error(
                    "file_size",
                    Msg::FileTooBig(i18n::format_size(max_size)),
                    None,
                ));
            }
        }
        None
    }

    fn address(&self, answer: &Answer, style: AddressStyle) -> Option<FieldError> {
        let part =
            |name: &str| answer.get(name).and_then(Value::as_str).map(str::trim).unwrap_or("");
        match style {
            AddressStyle::Cn => {
                // GB/T 2260 codes nest: a city shares its province's first 2 digits, a district
                // its city's first 4, so a tampered or stale answer cannot mix regions.
                let code = |c: &str| c.len() == 6 && c.chars().all(|d| d.is_ascii_digit());
                let (province, city, district) = (part("province"), part("city"), part("district"));
                let nested = code(province)
                    && code(city)
                    && code(district)
                    && city[..2] == province[..2]
                    && district[..4] == city[..4];
                if province.is_empty() || city.is_empty() || district.is_empty() || !nested {
                    Some(self.error("address_region", Msg::CnRegion, Some("province".into())))
                } else if part("street").is_empty() {
                    Some(self.error("address_street", Msg::CnStreet, Some("street".into())))
                } else {
                    None
                }
            }
            AddressStyle::Uk => {
                if part("line1").is_empty() {
                    Some(self.error("address_line1", Msg::UkLine1, Some("line1".into())))
                } else if part("town").is_empty() {
                    Some(self.error("address_town", Msg::UkTown, Some("town".into())))
                } else if formats::uk_postcode(part("postcode")).is_err() {
                    Some(self.error("address_postcode", Msg::UkPostcode, Some("postcode".into())))
                } else {
                    None
                }
            }
        }
    }

    fn group(
        &self,
        answer: &Answer,
        fields: &[Field],
        min: u32,
        max: Option<u32>,
        item_label: Option<&str>,
        out: &mut Vec<FieldError>,
    ) {
        let items = answer.as_array().map(Vec::as_slice).unwrap_or(&[]);
        if (items.len() as u32) < min {
            out.push(self.error("min_items", Msg::MinItems(min), None));
        }
        if let Some(max) = max.filter(|m| items.len() as u32 > *m) {
            out.push(self.error("max_items", Msg::MaxItems(max), None));
        }
        for (n, item) in items.iter().enumerate() {
            for inner in fields {
                let checker = Checker { field: inner, ..*self };
                let prefix = format!("{}.{}", n + 1, inner.id);
                let before = out.len();
                checker.check(item.get(&inner.id), inner.required, Some(&prefix), out);
                // Inner errors are shown at the group, each naming and pointing at its item.
                for error in out.iter_mut().skip(before) {
                    error.field = self.field.id.clone();
                    error.message = format!(
                        "{}{}",
                        i18n::item_prefix(item_label, n + 1, self.locale),
                        error.message
                    );
                }
            }
        }
    }
}

fn is_answered(kind: &FieldKind, answer: Option<&Answer>) -> bool {
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

fn part_id(part: DatePart) -> &'static str {
    match part {
        DatePart::Day => "day",
        DatePart::Month => "month",
        DatePart::Year => "year",
    }
}

/// The date `months` calendar months before `today` (clamped to the month's last day).
pub(crate) fn months_before(today: Date, months: u32) -> Date {
    let total = today.year * 12 + i32::from(today.month) - 1 - months as i32;
    let (year, month) = (total.div_euclid(12), (total.rem_euclid(12) + 1) as u8);
    let mut day = today.day;
    loop {
        if let Some(date) = Date::new(year, month, day) {
            return date;
        }
        if day <= 1 {
            return today;
        }
        day -= 1;
    }
}

fn media_type_name(media_type: &str) -> String {
    match media_type.to_ascii_lowercase().as_str() {
        "image/jpeg" => "JPG".into(),
        "image/png" => "PNG".into(),
        "application/pdf" => "PDF".into(),
        other => other.rsplit('/').next().unwrap_or(other).to_ascii_uppercase(),
    }
}

fn trim_number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}
