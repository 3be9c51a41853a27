//! The shared data dictionary (`forms/dictionary.json`): concepts such as
//! `person.cn_id_number` that different departments' forms use for the same answer, so that
//! "the same thing" means the same type and format everywhere.

use crate::diagnostic::{escape_token, Diagnostic};
use crate::form::definition::{Form, Text};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// The dictionary file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Dictionary {
    /// Must be 1.
    pub schema_version: u32,
    /// Concepts by dotted name.
    pub concepts: BTreeMap<String, Concept>,
}

/// One concept: the field type a question about it must have, and the settings that fix its
/// meaning (`format`, `region`, `style`, …). A form's field may add limits of its own.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Concept {
    /// The field type, as in definitions (`"text"`, `"date"`, `"phone"`, …).
    #[serde(rename = "type")]
    pub kind: String,
    /// The concept's name for people.
    pub label: Text,
    /// What exactly it means.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    /// Settings a field for this concept must share, e.g. `"format": "cn_resident_id"`.
    #[serde(flatten)]
    pub settings: BTreeMap<String, Value>,
}

/// Settings that change what an answer means; limits such as `max_length` may differ per form.
const MEANINGFUL: &[&str] = &["format", "region", "style", "options_from", "currency"];

/// Parses the dictionary; problems carry JSON pointers.
pub fn load_dictionary(json: &str) -> (Option<Dictionary>, Vec<Diagnostic>) {
    match crate::json::read_json::<Dictionary>(json) {
        Ok(dictionary) => {
            let mut problems = Vec::new();
            if dictionary.schema_version != 1 {
                problems.push(Diagnostic::error(
                    "/schema_version",
                    "the dictionary's schema_version must be 1",
                ));
            }
            for name in dictionary.concepts.keys() {
                let ok = name.split('.').count() >= 2
                    && name.split('.').all(|p| {
                        !p.is_empty()
                            && p.chars()
                                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
                    });
                if !ok {
                    problems.push(Diagnostic::error(
                        format!("/concepts/{}", escape_token(name)),
                        format!("concept name \"{name}\" must be dotted lower-case words, like person.full_name"),
                    ));
                }
            }
            (Some(dictionary), problems)
        }
        Err(problem) => (None, vec![problem]),
    }
}

/// Every field whose `concept` is unknown or does not match the concept's type and settings.
pub fn check_concepts(form: &Form, dictionary: &Dictionary) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    for (p, page) in form.pages.iter().enumerate() {
        for (f, field) in page.fields.iter().enumerate() {
            let Some(name) = &field.concept else { continue };
            let at = format!("/pages/{p}/fields/{f}/concept");
            let Some(concept) = dictionary.concepts.get(name) else {
                problems.push(Diagnostic::error(
                    at,
                    format!("\"{name}\" is not in the data dictionary"),
                ));
                continue;
            };
            let field_json = serde_json::to_value(field).unwrap_or(Value::Null);
            let field_type = field_json.get("type").and_then(Value::as_str).unwrap_or("");
            // A computed value may stand for any concept (e.g. a date of birth read from an ID).
            if field_type == "computed" {
                continue;
            }
            if field_type != concept.kind {
                problems.push(Diagnostic::error(
                    at,
                    format!("\"{name}\" is a {} in the data dictionary, but this field is a {field_type}", concept.kind),
                ));
                continue;
            }
            for key in MEANINGFUL {
                if let Some(expected) = concept.settings.get(*key) {
                    let actual = field_json.get(*key).unwrap_or(&Value::Null);
                    if actual != expected {
                        problems.push(Diagnostic::error(
                            at.clone(),
                            format!("\"{name}\" has {key} {expected} in the data dictionary, but this field has {actual}"),
                        ));
                    }
                }
            }
        }
    }
    problems
}
