//! Our operators, beyond standard JSON Logic: dates (`today`, `age`, `date_before`,
//! `date_after`, `days_between`), `valid_format`, and what a Chinese resident ID says
//! (`id_birth_date`, `id_sex`).

use super::compile::Op;
use super::value::{null, Js, Val};
use crate::formats::{self, Date};
use serde_json::Value;

/// Our operators, on evaluated arguments.
pub(super) fn apply(op: Op, args: &[Val<'_>], today: Date) -> Val<'static> {
    let date = |i: usize| match args.get(i).map(Val::js) {
        Some(Js::Str(text)) => text.trim().parse::<Date>().ok(),
        _ => None,
    };
    let text = |i: usize| match args.get(i).map(Val::js) {
        Some(Js::Str(text)) => Some(text),
        _ => None,
    };
    let resident_id = || text(0).and_then(|id| formats::cn_resident_id(id, today).ok());
    match op {
        // {"today": []} → "YYYY-MM-DD".
        Op::Today => Val::string(today.to_string()),
        // {"age": [date_of_birth]} → whole years today (or on the optional second date);
        // null when the date is missing or not a real date.
        Op::Age => match date(0) {
            Some(birth) => Val::Own(Value::from(formats::age_on(birth, date(1).unwrap_or(today)))),
            None => null(),
        },
        // {"date_before": [a, b]} / {"date_after": [a, b]}: false unless both are real dates.
        Op::DateBefore | Op::DateAfter => Val::bool(match (date(0), date(1)) {
            (Some(a), Some(b)) if op == Op::DateBefore => a < b,
            (Some(a), Some(b)) => a > b,
            _ => false,
        }),
        // {"days_between": [a, b]} → days from date a to date b (negative when b is
        // earlier); null unless both are real dates. E.g. "registered within 42 days of
        // the birth".
        Op::DaysBetween => match (date(0), date(1)) {
            (Some(a), Some(b)) => {
                Val::Own(Value::from(b.days_since_epoch() - a.days_since_epoch()))
            }
            _ => null(),
        },
        // {"valid_format": ["cn_resident_id", value]} → whether value is in that format.
        Op::ValidFormat => Val::bool(match (text(0), text(1)) {
            (Some(format), Some(value)) => {
                formats::Format::from_name(format).is_some_and(|f| f.check(value, today).is_ok())
            }
            _ => false,
        }),
        // {"id_birth_date": [id_number]} → the birth date in a Chinese resident ID, or null.
        Op::IdBirthDate => match resident_id() {
            Some(id) => Val::string(id.birth_date.to_string()),
            None => null(),
        },
        // {"id_sex": [id_number]} → "male" / "female" from a Chinese resident ID, or null.
        Op::IdSex => match resident_id() {
            Some(id) => Val::string(
                match id.sex {
                    formats::Sex::Male => "male",
                    formats::Sex::Female => "female",
                }
                .to_string(),
            ),
            None => null(),
        },
        _ => Val::Undefined,
    }
}
