//! Dates: ISO dates, day / month / year as typed, ages.

use std::fmt;
use std::str::FromStr;

use super::problem::FormatProblem;

/// A calendar date. [`Date::new`] and parsing only make real dates; the fields are public so
/// that callers can match on them, and every function here tolerates an unreal one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// The year, e.g. 2025. Field order makes the derived ordering chronological.
    pub year: i32,
    /// The month, 1–12.
    pub month: u8,
    /// The day of the month, 1–31.
    pub day: u8,
}

impl Date {
    /// The date, if it exists in the Gregorian calendar (29 February only in leap years).
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        (day >= 1 && day <= days_in_month(year, month)).then_some(Date { year, month, day })
    }
}

fn is_leap_year(year: i32) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

/// 0 for a month that does not exist, so that no day fits it.
fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// ISO 8601 `YYYY-MM-DD`, the form answers are stored and submitted in.
impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// Reads exactly `YYYY-MM-DD` (the stored form), not what citizens type: for that, see
/// [`date_from_parts`]. A well-formed but unreal date is [`FormatProblem::ImpossibleDate`].
impl FromStr for Date {
    type Err = FormatProblem;

    fn from_str(s: &str) -> Result<Date, FormatProblem> {
        let Ok::<&[u8; 10], _>(b) = s.as_bytes().try_into() else {
            return Err(FormatProblem::Shape);
        };
        if b[4] != b'-' || b[7] != b'-' {
            return Err(FormatProblem::Shape);
        }
        let (Some(year), Some(month), Some(day)) =
            (digits(&b[0..4]), digits(&b[5..7]), digits(&b[8..10]))
        else {
            return Err(FormatProblem::Shape);
        };
        ymd(year, month, day).ok_or(FormatProblem::ImpossibleDate)
    }
}

/// The value of 1–9 ASCII digits; nine cannot overflow a `u32`, and anything else is `None`.
pub(super) fn digits(b: &[u8]) -> Option<u32> {
    if b.is_empty() || b.len() > 9 || !b.iter().all(u8::is_ascii_digit) {
        return None;
    }
    Some(b.iter().fold(0, |n, d| n * 10 + u32::from(d - b'0')))
}

/// A real date from numbers of any size, without truncating casts turning 256 into 0.
pub(super) fn ymd(year: u32, month: u32, day: u32) -> Option<Date> {
    Date::new(i32::try_from(year).ok()?, u8::try_from(month).ok()?, u8::try_from(day).ok()?)
}

const MONTH_NAMES: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// The number of a month typed as a number (`3`, `03`), an English name or an abbreviation of
/// at least three letters in any case, with or without a final dot (`March`, `mar`, `Sept.`),
/// or in Chinese (`3月`, `三月`, `十二月`). Anything else, full-width digits included, is `None`.
pub fn parse_month(input: &str) -> Option<u8> {
    let text = input.trim();
    let month = if let Some(number) = text.strip_suffix('月') {
        let number = number.trim();
        digits(number.as_bytes()).or_else(|| chinese_number(number))?
    } else if let Some(number) = digits(text.as_bytes()) {
        number
    } else {
        // Three letters tell every month apart ("ma" could be March or May).
        let word = text.strip_suffix('.').unwrap_or(text).to_ascii_lowercase();
        if word.len() < 3 {
            return None;
        }
        let index = MONTH_NAMES.iter().position(|name| name.starts_with(word.as_str()))?;
        index as u32 + 1
    };
    u8::try_from(month).ok().filter(|m| (1..=12).contains(m))
}

/// 一 to 十二, the Chinese numerals month names use.
fn chinese_number(text: &str) -> Option<u32> {
    const UNITS: &str = "一二三四五六七八九";
    let unit = |c: char| UNITS.chars().position(|u| u == c).map(|i| i as u32 + 1);
    let mut chars = text.chars();
    match (chars.next(), chars.next(), chars.next()) {
        (Some('十'), None, None) => Some(10),
        (Some('十'), Some(c), None) => Some(10 + unit(c)?),
        (Some(c), None, None) => unit(c),
        _ => None,
    }
}

/// One of the three inputs of a date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DatePart {
    /// The day input.
    Day,
    /// The month input.
    Month,
    /// The year input.
    Year,
}

/// Why three inputs do not make a date, in the order GOV.UK reports it: a missing part ("must
/// include a month") before a part that is not a number before a date that does not exist
/// ("must be a real date").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateProblem {
    /// The first empty part, in the order day, month, year.
    Missing(DatePart),
    /// The first part, in the same order, that is not a number (or, for the month, a month name).
    NotANumber(DatePart),
    /// The parts are numbers but no such date exists; a year not written with 4 digits counts
    /// as such, since `85` or `202` are far more likely slips than the years they spell.
    Impossible,
}

/// Makes a date from separate day, month and year inputs as typed. Surrounding spaces are
/// ignored; the month may be a name (see [`parse_month`]).
pub fn date_from_parts(day: &str, month: &str, year: &str) -> Result<Date, DateProblem> {
    let (day, month, year) = (day.trim(), month.trim(), year.trim());
    let parts = [(day, DatePart::Day), (month, DatePart::Month), (year, DatePart::Year)];
    if let Some((_, part)) = parts.iter().find(|(text, _)| text.is_empty()) {
        return Err(DateProblem::Missing(*part));
    }
    let all_digits = |text: &str| text.bytes().all(|b| b.is_ascii_digit());
    let month_number = parse_month(month);
    if let Some((_, part)) = parts.iter().find(|(text, part)| match part {
        DatePart::Month => month_number.is_none() && !all_digits(text),
        _ => !all_digits(text),
    }) {
        return Err(DateProblem::NotANumber(*part));
    }
    let (Some(day), Some(month), Some(year)) =
        (digits(day.as_bytes()), month_number, digits(year.as_bytes()))
    else {
        return Err(DateProblem::Impossible);
    };
    if !(1000..=9999).contains(&year) {
        return Err(DateProblem::Impossible);
    }
    ymd(year, u32::from(month), day).ok_or(DateProblem::Impossible)
}

/// Age in whole years on `on` of someone born on `birth`: one less before this year's birthday.
/// Someone born on 29 February has their birthday on 1 March in other years. Negative if
/// `birth` is after `on`; saturates rather than overflows for absurd years.
pub fn age_on(birth: Date, on: Date) -> i32 {
    let years = on.year.saturating_sub(birth.year);
    // Comparing (month, day) gives the 1 March rule for free: 28 February comes before
    // (2, 29), and 1 March does not.
    if (on.month, on.day) < (birth.month, birth.day) {
        years.saturating_sub(1)
    } else {
        years
    }
}

impl Date {
    /// Days since 1970-01-01 (negative before), proleptic Gregorian calendar
    /// (H. Hinnant's `days_from_civil`).
    pub fn days_since_epoch(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` after 1970-01-01 (`civil_from_days`); callers turn a clock into a date
    /// with it, since the engine itself has no clock. Out-of-range input gives 1970-01-01.
    pub fn from_days_since_epoch(days: i64) -> Date {
        let z = days.clamp(-100_000_000, 100_000_000) + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date::new(year, month, day).unwrap_or(Date { year: 1970, month: 1, day: 1 })
    }
}

/// A date bound relative to another date: `today-3m`, `moved_in+6 months`, `today + 12 weeks`.
/// `base` is `today` or a date question's id; the offset is a whole number of days, weeks,
/// months or years (`d`, `w`, `m`, `y`, or the words, singular or plural).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RelativeDate<'a> {
    /// `today` or a question's id.
    pub base: &'a str,
    /// Signed count of `unit`s.
    pub count: i32,
    /// What is counted.
    pub unit: DateUnit,
}

/// What a relative date counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateUnit {
    /// Calendar days.
    Days,
    /// Weeks of 7 days.
    Weeks,
    /// Calendar months (the day clamped to the month's last).
    Months,
    /// Calendar years (29 February clamped to the 28th).
    Years,
}

impl<'a> RelativeDate<'a> {
    /// Reads `text` as a base and an offset; `None` when there is no offset or it is not one.
    pub fn parse(text: &'a str) -> Option<RelativeDate<'a>> {
        // A question id may contain '-': the offset starts at the last sign that a number
        // follows.
        let at = text.match_indices(['+', '-']).map(|(i, _)| i).filter(|&i| i > 0).rfind(|&i| {
            text.get(i + 1..)
                .is_some_and(|rest| rest.trim_start().starts_with(|c: char| c.is_ascii_digit()))
        })?;
        let base = text.get(..at)?.trim();
        let sign = if text.as_bytes().get(at) == Some(&b'-') { -1 } else { 1 };
        let rest = text.get(at + 1..)?.trim();
        let digits = rest.find(|c: char| !c.is_ascii_digit()).unwrap_or(rest.len());
        let count: i32 = rest.get(..digits)?.parse().ok().filter(|&n: &i32| n <= 10_000)?;
        let unit = match rest.get(digits..)?.trim() {
            "d" | "day" | "days" => DateUnit::Days,
            "w" | "week" | "weeks" => DateUnit::Weeks,
            "m" | "month" | "months" => DateUnit::Months,
            "y" | "year" | "years" => DateUnit::Years,
            _ => return None,
        };
        (!base.is_empty()).then_some(RelativeDate { base, count: sign * count, unit })
    }

    /// `date` moved by the offset.
    pub fn from(&self, date: Date) -> Date {
        match self.unit {
            DateUnit::Days => {
                Date::from_days_since_epoch(date.days_since_epoch() + i64::from(self.count))
            }
            DateUnit::Weeks => {
                Date::from_days_since_epoch(date.days_since_epoch() + 7 * i64::from(self.count))
            }
            DateUnit::Months => date.plus_months(self.count),
            DateUnit::Years => date.plus_months(self.count.saturating_mul(12)),
        }
    }
}

impl Date {
    /// The date `months` calendar months later (earlier when negative), the day clamped to the
    /// month's last.
    pub fn plus_months(self, months: i32) -> Date {
        let total = self.year * 12 + i32::from(self.month) - 1 + months;
        let (year, month) = (total.div_euclid(12), (total.rem_euclid(12) + 1) as u8);
        (1..=self.day).rev().find_map(|day| Date::new(year, month, day)).unwrap_or(self)
    }
}
