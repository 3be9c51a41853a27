//! What is wrong with a rating or an event batch, and the checks both share.

use super::limits::MAX_ID_CHARS;
use serde::{Deserialize, Serialize};

/// A problem with a rating or an event batch: where (a JSON pointer), which check, and what
/// to do, in English (these are for developers and the receiver's 422 replies; the rating form
/// words its own messages from `rule`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Problem {
    /// JSON pointer to the offending value (`/level`, `/events/3/page`).
    pub pointer: String,
    /// The check that failed: `format`, `required`, `range`, `too_long`, `syntax`, `too_many`,
    /// `negative_needs_reason`, `duplicate`, `not_sent`.
    pub rule: String,
    /// What is wrong.
    pub message: String,
}

pub(crate) fn problem(
    pointer: impl Into<String>,
    rule: &str,
    message: impl Into<String>,
) -> Problem {
    Problem { pointer: pointer.into(), rule: rule.into(), message: message.into() }
}

/// Whether `text` is a plain identifier: 1…[`MAX_ID_CHARS`] of ASCII letters, digits and
/// `- _ . :` (form, page, field and rule ids, service ids, case references).
pub fn is_identifier(text: &str) -> bool {
    !text.is_empty()
        && text.len() <= MAX_ID_CHARS
        && text.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b':'))
}

pub(crate) fn check_id(out: &mut Vec<Problem>, pointer: &str, value: &str) {
    if value.is_empty() {
        out.push(problem(pointer, "required", "must not be empty"));
    } else if !is_identifier(value) {
        out.push(problem(
            pointer,
            "syntax",
            format!("must be at most {MAX_ID_CHARS} of A-Z a-z 0-9 - _ . :"),
        ));
    }
}

pub(crate) fn check_locale(out: &mut Vec<Problem>, pointer: &str, value: &str) {
    let ok = !value.is_empty()
        && value.len() <= 20
        && value.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-');
    if !ok {
        out.push(problem(pointer, "syntax", "must be a language tag such as zh-CN or en"));
    }
}
