//! What a backend's reply means for an application, and when to try again.

use super::PageError;
use crate::diagnostic::Severity;
use crate::form::definition::SubmissionSettings;
use crate::form::validate::FieldError;
use serde_json::Value;

/// What a backend's reply means for the application.
#[derive(Clone, Debug, PartialEq)]
pub enum Delivery {
    /// Received. The backend's reference when its reply has one.
    Delivered {
        /// The backend's reference, if its reply carries one where the settings say.
        reference: Option<String>,
    },
    /// Not received this time (server trouble, overload, timeout): try again, no sooner than
    /// `after_ms` when the backend said so (`Retry-After`).
    Retry {
        /// The backend's requested wait in ms.
        after_ms: Option<u64>,
    },
    /// The backend refused some answers: show them on their pages.
    Refused {
        /// The errors, each with its page.
        errors: Vec<PageError>,
    },
    /// The backend refuses the application for good (another form version, a client error):
    /// it stays on the device for the citizen to download or hand in.
    Rejected {
        /// Why, for the citizen and the department.
        message: String,
    },
}

/// Whether a reply with `status` may succeed when sent again later: a timeout, too early, too
/// many requests, or the server failing. Every other refusal is final. One rule for
/// applications and ratings alike.
pub fn is_transient(status: u16) -> bool {
    matches!(status, 408 | 425 | 429 | 500..=599)
}

/// Interprets a reply: `status`, its `Retry-After` header if any, its body, and the time now
/// (ms since the Unix epoch, for a `Retry-After` date).
pub fn classify_reply(
    settings: &SubmissionSettings,
    status: u16,
    retry_after: Option<&str>,
    body: &str,
    now_ms: u64,
) -> Delivery {
    let json: Value = serde_json::from_str(body).unwrap_or(Value::Null);
    if settings.success_statuses.contains(&status) {
        let reference = json.pointer(&settings.reference_pointer).and_then(|r| match r {
            Value::String(s) if !s.is_empty() => Some(s.clone()),
            Value::Number(n) => Some(n.to_string()),
            _ => None,
        });
        return Delivery::Delivered { reference };
    }
    match status {
        _ if is_transient(status) => {
            Delivery::Retry { after_ms: retry_after.and_then(|v| parse_retry_after(v, now_ms)) }
        }
        400 | 422 if json.get("problem").and_then(Value::as_str) == Some("invalid") => {
            let errors: Vec<PageError> = json
                .get("errors")
                .and_then(Value::as_array)
                .map(|list| list.iter().filter_map(page_error).collect())
                .unwrap_or_default();
            if errors.is_empty() {
                Delivery::Rejected {
                    message: format!("HTTP {status}: the service refused the answers"),
                }
            } else {
                Delivery::Refused { errors }
            }
        }
        _ => {
            let detail = json
                .get("message")
                .or_else(|| json.get("error"))
                .and_then(Value::as_str)
                .map(|m| format!(": {m}"))
                .unwrap_or_default();
            Delivery::Rejected { message: format!("HTTP {status}{detail}") }
        }
    }
}

/// The reference receiver's error in the engine's shape.
fn page_error(value: &Value) -> Option<PageError> {
    let text = |k: &str| value.get(k).and_then(Value::as_str).map(str::to_string);
    Some(PageError {
        page: text("page")?,
        error: FieldError {
            field: text("field")?,
            part: text("part"),
            rule: text("rule").unwrap_or_default(),
            message: text("message")?,
            severity: Severity::Error,
        },
    })
}

/// `Retry-After` as ms from now: delay-seconds or an HTTP date (IMF-fixdate).
pub fn parse_retry_after(value: &str, now_ms: u64) -> Option<u64> {
    let value = value.trim();
    if let Ok(seconds) = value.parse::<u64>() {
        return Some(seconds.saturating_mul(1000));
    }
    // "Sun, 06 Nov 1994 08:49:37 GMT"
    let mut parts = value.split([' ', ':']).filter(|p| !p.is_empty()).skip(1);
    let day: u8 = parts.next()?.parse().ok()?;
    let month = match parts.next()? {
        "Jan" => 1,
        "Feb" => 2,
        "Mar" => 3,
        "Apr" => 4,
        "May" => 5,
        "Jun" => 6,
        "Jul" => 7,
        "Aug" => 8,
        "Sep" => 9,
        "Oct" => 10,
        "Nov" => 11,
        "Dec" => 12,
        _ => return None,
    };
    let year: i32 = parts.next()?.parse().ok()?;
    let (h, m, s): (u64, u64, u64) =
        (parts.next()?.parse().ok()?, parts.next()?.parse().ok()?, parts.next()?.parse().ok()?);
    if parts.next()? != "GMT" || h > 23 || m > 59 || s > 60 {
        return None;
    }
    let days =
        u64::try_from(crate::formats::Date::new(year, month, day)?.days_since_epoch()).ok()?;
    let at_ms = ((days * 24 + h) * 60 + m) * 60_000 + s * 1000;
    Some(at_ms.saturating_sub(now_ms))
}

/// How long to wait before attempt `failures + 1`: exponential from `retry_base_ms`, capped at
/// `retry_max_ms`, with jitter (`random` in 0..1, so many devices coming back online do not
/// retry in step), and never sooner than the backend asked.
pub fn retry_delay_ms(
    settings: &SubmissionSettings,
    failures: u32,
    random: f64,
    retry_after_ms: Option<u64>,
) -> u64 {
    let base = u64::from(settings.retry_base_ms.max(1));
    let cap = u64::from(settings.retry_max_ms.max(settings.retry_base_ms).max(1));
    let exponential = base.saturating_mul(1u64 << failures.saturating_sub(1).min(32)).min(cap);
    let jittered = (exponential as f64 * (0.5 + random.clamp(0.0, 1.0) / 2.0)) as u64;
    jittered.max(retry_after_ms.unwrap_or(0))
}
