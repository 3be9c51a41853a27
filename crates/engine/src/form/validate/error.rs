//! A problem with one answer, as the citizen reads it.

use crate::diagnostic::Severity;
use serde::Serialize;

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
