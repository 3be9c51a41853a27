//! A guide's facts in words: time limits, copies, online depth.

use super::format::DurationUnit;
use crate::text::i18n::{count_text, ui_text, Count, UiText};

/// A time limit in words: "20 working days", "20个工作日", "On the spot".
pub fn duration_text(value: u32, unit: DurationUnit, locale: &str) -> String {
    let count = match unit {
        DurationUnit::OnTheSpot => return ui_text(UiText::OnTheSpot, locale).to_string(),
        DurationUnit::NoLimit => return ui_text(UiText::NoLimit, locale).to_string(),
        DurationUnit::Months => Count::Months,
        DurationUnit::Years => Count::Years,
        DurationUnit::WorkingDays => Count::WorkingDays,
        DurationUnit::CalendarDays => Count::CalendarDays,
        DurationUnit::Weeks => Count::Weeks,
        DurationUnit::Hours => Count::Hours,
    };
    count_text(count, u64::from(value), locale)
}

/// When a result's renewal may be applied for: "Apply to renew within 1 month before it
/// expires", "有效期满前1个月内申请续办".
pub fn renewal_text(value: u32, unit: DurationUnit, locale: &str) -> String {
    ui_text(UiText::RenewBefore, locale).replace("{duration}", &duration_text(value, unit, locale))
}

/// How many copies of a material: "1 copy", "2 copies", "2份".
pub fn copies_text(copies: u32, locale: &str) -> String {
    count_text(Count::Copies, u64::from(copies), locale)
}

/// What an online depth code (网上办理深度, 1–7) means; empty for any other code.
pub fn online_depth_text(code: u8, locale: &str) -> &'static str {
    let key = match code {
        1 => UiText::DepthConsult,
        2 => UiText::DepthApply,
        3 => UiText::DepthPrecheck,
        4 => UiText::DepthAccept,
        5 => UiText::DepthHandle,
        6 => UiText::DepthResult,
        7 => UiText::DepthCertificate,
        _ => return "",
    };
    ui_text(key, locale)
}
