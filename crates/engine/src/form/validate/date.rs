//! Date answers: a real date, its parts, and the bounds a question sets.

use super::checker::Checker;
use super::error::FieldError;
use crate::form::answers::Answer;
use crate::form::definition::{DateBound, FieldKind};
use crate::form::model::date_answer;
use crate::formats::{self, Date, DatePart, DateProblem};
use crate::text::i18n::{self, Msg};
use serde_json::Value;

impl Checker<'_> {
    pub(super) fn date(&self, answer: &Answer) -> Option<FieldError> {
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

    /// A date bound: `"today"`, an ISO date, another date question's answer, or either of the
    /// first and last moved by an offset (`today-3m`, `moved_in+6 months`). The flag says it
    /// was today itself, which has its own wording ("must be in the past").
    pub(super) fn bound(&self, bound: &DateBound) -> Option<(Date, bool)> {
        if bound == "today" {
            return Some((self.today, true));
        }
        if let Ok(date) = bound.parse::<Date>() {
            return Some((date, false));
        }
        let (base, relative) = match formats::RelativeDate::parse(bound) {
            Some(relative) => (relative.base, Some(relative)),
            None => (bound.as_str(), None),
        };
        let date = if base == "today" {
            self.today
        } else {
            self.evaluation.value(self.model, base)?.as_str()?.parse().ok()?
        };
        Some((relative.map_or(date, |r| r.from(date)), false))
    }

    pub(super) fn show_bound(&self, bound: Option<&DateBound>, date: Date) -> String {
        // A question's own answer is named by the question; a date worked out from one (with
        // an offset) by the date itself.
        match bound.and_then(|b| self.model.field(b)) {
            // Another question's label goes mid-sentence: "must be before the baby's date of birth".
            Some((_, field)) => {
                i18n::mid_sentence(self.model.form.text(&field.label, self.locale), self.locale)
            }
            None => i18n::format_date(date.year, date.month, date.day, self.locale),
        }
    }
}

pub(super) fn part_id(part: DatePart) -> &'static str {
    match part {
        DatePart::Day => "day",
        DatePart::Month => "month",
        DatePart::Year => "year",
    }
}

/// The date `months` calendar months before `today` (clamped to the month's last day).
pub(crate) fn months_before(today: Date, months: u32) -> Date {
    today.plus_months(-i32::try_from(months).unwrap_or(i32::MAX))
}
