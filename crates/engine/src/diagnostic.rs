//! Problems found in a definition, each tied to the JSON pointer of the offending value.

use serde::Serialize;
use std::fmt;

/// How bad a problem is: errors stop a definition from being used, warnings do not.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The definition cannot be used as published.
    Error,
    /// The definition works but is probably not what its author meant.
    Warning,
}

/// One problem in a definition.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// RFC 6901 JSON pointer to the value at fault (`""` is the whole document).
    pub pointer: String,
    /// A plain sentence for the department author.
    pub message: String,
}

impl Diagnostic {
    /// An error at `pointer`.
    pub fn error(pointer: impl Into<String>, message: impl Into<String>) -> Self {
        Diagnostic { severity: Severity::Error, pointer: pointer.into(), message: message.into() }
    }

    /// A warning at `pointer`.
    pub fn warning(pointer: impl Into<String>, message: impl Into<String>) -> Self {
        Diagnostic { severity: Severity::Warning, pointer: pointer.into(), message: message.into() }
    }

    /// True for [`Severity::Error`].
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kind = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let at = if self.pointer.is_empty() { "/" } else { &self.pointer };
        write!(f, "{at}: {kind}: {}", self.message)
    }
}

/// `text` in double quotes, escaped as Rust's `{:?}` would: for messages that quote what a
/// definition or a request said. Never `{:?}` itself: the browser's small build
/// (`-Zfmt-debug=none`, scripts/setup.sh) prints nothing for it, and the citizen's "cannot be
/// shown" page would lose the very value at fault.
pub(crate) fn quoted(text: &str) -> String {
    format!("\"{}\"", text.escape_debug())
}

/// Escapes one reference token for a JSON pointer (`~` → `~0`, `/` → `~1`).
pub(crate) fn escape_token(token: &str) -> String {
    token.replace('~', "~0").replace('/', "~1")
}

#[cfg(test)]
mod quoting {
    #[test]
    fn a_quoted_value_reads_as_debug_would_print_it() {
        for text in [
            "",
            "plain",
            "javascript:alert(\"x\")",
            "a\\b",
            "tab\tnew\nline",
            "\u{1}\u{7f}",
            "中文 ئۇيغۇر",
        ] {
            assert_eq!(super::quoted(text), format!("{text:?}"));
        }
    }
}
