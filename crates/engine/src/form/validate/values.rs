//! Text, numbers, files, addresses and groups: what each kind of answer must be.

use super::checker::Checker;
use super::error::FieldError;
use crate::form::answers::Answer;
use crate::form::definition::{AddressStyle, Field, TextFormat};
use crate::formats::{self, FormatProblem};
use crate::text::i18n::{self, Msg};
use serde_json::Value;

impl Checker<'_> {
    pub(super) fn lengths(
        &self,
        text: &str,
        min: Option<u32>,
        max: Option<u32>,
    ) -> Option<FieldError> {
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

    pub(super) fn pattern(&self, text: &str, pattern: &str) -> Option<FieldError> {
        // Lint rejects patterns that do not compile, so a failure here only skips the check.
        let regex = regex_lite::Regex::new(&format!("^(?:{pattern})$")).ok()?;
        (!regex.is_match(text)).then(|| self.error("pattern", Msg::Pattern, None))
    }

    pub(super) fn format(&self, text: &str, format: TextFormat) -> Option<FieldError> {
        let problem = format.check(text, self.today).err()?;
        let (detail, msg) = match problem {
            FormatProblem::CheckDigit => ("check_digit", Msg::CheckDigit),
            FormatProblem::ImpossibleDate => ("impossible_date", Msg::CodeImpossibleDate),
            FormatProblem::FutureDate => ("future_date", Msg::CodeFutureDate),
            _ => ("shape", Msg::Format),
        };
        Some(self.error_detail("format", Some(detail), msg, None))
    }

    pub(super) fn number(
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

    pub(super) fn files(
        &self,
        answer: &Answer,
        accept: &[String],
        max_size: u64,
        (min_count, max_count): (u32, u32),
    ) -> Option<FieldError> {
        let files = answer.as_array()?;
        if files.len() > max_count as usize {
            return Some(self.error("max_count", Msg::TooManyFiles(max_count), None));
        }
        // None chosen is the question's `required` to say.
        if !files.is_empty() && files.len() < min_count as usize {
            return Some(self.error("min_count", Msg::TooFewFiles(min_count), None));
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

    pub(super) fn address(&self, answer: &Answer, style: AddressStyle) -> Option<FieldError> {
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

    pub(super) fn group(
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

pub(super) fn media_type_name(media_type: &str) -> String {
    match media_type.to_ascii_lowercase().as_str() {
        "image/jpeg" => "JPG".into(),
        "image/png" => "PNG".into(),
        "application/pdf" => "PDF".into(),
        other => other.rsplit('/').next().unwrap_or(other).to_ascii_uppercase(),
    }
}

pub(super) fn trim_number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}
