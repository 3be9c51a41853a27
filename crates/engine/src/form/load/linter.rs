//! The state of one definition's lint, and the checks every part of it shares.

use crate::diagnostic::{escape_token, Diagnostic};
use crate::form::definition::{is_well_formed_id, Form, Text};
use crate::logic::Logic;
use std::collections::HashMap;

/// One definition being linted: where problems go, and what is known so far.
pub(super) struct Linter<'a> {
    pub(super) form: &'a Form,
    pub(super) logic: &'a Logic,
    pub(super) problems: &'a mut Vec<Diagnostic>,
    /// Top-level field id → (document index, pointer).
    pub(super) fields: HashMap<&'a str, (usize, String)>,
}

impl<'a> Linter<'a> {
    pub(super) fn error(&mut self, at: impl Into<String>, message: impl Into<String>) {
        self.problems.push(Diagnostic::error(at, message));
    }

    pub(super) fn warning(&mut self, at: impl Into<String>, message: impl Into<String>) {
        self.problems.push(Diagnostic::warning(at, message));
    }

    /// Checks an id's shape and uniqueness; true when it is new.
    pub(super) fn id<'b>(
        &mut self,
        id: &'b str,
        at: &str,
        what: &str,
        seen: &mut HashMap<&'b str, String>,
    ) -> bool {
        if !is_well_formed_id(id) {
            self.error(at, format!("{what} id \"{id}\" must start with a letter and use only letters, digits, _ and - (at most 100)"));
        }
        if let Some(first) = seen.get(id) {
            self.error(at, format!("{what} id \"{id}\" is already used at {first}"));
            false
        } else {
            seen.insert(id, at.to_string());
            true
        }
    }

    /// Checks that `text` has every declared locale; `at` builds its pointer, which is only
    /// needed (and so only formatted) when something is missing.
    pub(super) fn text(&mut self, text: &Text, at: impl Fn() -> String) {
        for locale in &self.form.locales {
            if !text.has(locale) {
                self.error(
                    format!("{}/{}", at(), escape_token(locale)),
                    format!("missing the {locale} translation (the form declares locale {locale})"),
                );
            }
        }
    }
}
