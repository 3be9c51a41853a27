//! The published definition format. These types are the public contract with departments:
//! renaming or removing anything here breaks published JSON, so changes go through
//! `schema_version`.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The definition format version this engine reads.
pub const SCHEMA_VERSION: u32 = 1;

/// A string shown to citizens: either one string for every locale or one per locale tag.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Text {
    /// The same text in every locale.
    Plain(String),
    /// Text per BCP 47 locale tag, e.g. `{"en": "Full name", "zh-CN": "姓名"}`.
    Localized(BTreeMap<String, String>),
}

impl Text {
    /// The text for `locale`, else for `fallback`, else any text there is.
    pub fn get<'a>(&'a self, locale: &str, fallback: &str) -> &'a str {
        match self {
            Text::Plain(s) => s,
            Text::Localized(map) => map
                .get(locale)
                .or_else(|| map.get(fallback))
                .or_else(|| map.values().next())
                .map(String::as_str)
                .unwrap_or(""),
        }
    }

    /// Whether this text has its own entry for `locale` (plain text counts for every locale).
    pub fn has(&self, locale: &str) -> bool {
        match self {
            Text::Plain(_) => true,
            Text::Localized(map) => map.get(locale).is_some_and(|s| !s.trim().is_empty()),
        }
    }
}

/// A form: metadata plus the pages a citizen goes through.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Form {
    /// Must equal [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// Stable identifier, also the file name under `forms/`.
    pub id: String,
    /// The department's version of this form; submissions record it.
    pub version: String,
    /// Title shown on the start page and in the browser tab.
    pub title: Text,
    /// Publishing department.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub department: Option<Text>,
    /// Locales the form is published in; the first is the fallback.
    pub locales: Vec<String>,
    /// Question pages in order.
    pub pages: Vec<Page>,
}

impl Form {
    /// The locale used when a text lacks the requested one.
    pub fn fallback_locale(&self) -> &str {
        self.locales.first().map(String::as_str).unwrap_or("en")
    }

    /// `text` in `locale`, falling back to the form's first locale.
    pub fn text<'a>(&self, text: &'a Text, locale: &str) -> &'a str {
        text.get(locale, self.fallback_locale())
    }
}

/// One page of questions (GOV.UK: start with one question per page).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Page {
    /// Identifier, unique in the form; used in the page's URL.
    pub id: String,
    /// Page heading; when absent, a single question's label is the heading.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<Text>,
    /// The questions on this page.
    pub fields: Vec<Field>,
}

/// One question.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Field {
    /// Identifier, unique in the form; also the answer's key.
    pub id: String,
    /// What is asked.
    pub label: Text,
    /// One short sentence of help under the label.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hint: Option<Text>,
    /// Whether an answer is needed to continue.
    #[serde(default)]
    pub required: bool,
    /// Error messages that replace the built-in ones, by rule name (e.g. `"required"`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub messages: BTreeMap<String, Text>,
    /// The kind of answer and its own settings.
    #[serde(flatten)]
    pub kind: FieldKind,
}

/// The kinds of answer a field takes, selected by `"type"`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum FieldKind {
    /// One line of text.
    Text {
        /// Longest answer accepted, in characters.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        max_length: Option<u32>,
    },
    /// Several lines of text.
    Textarea {
        /// Longest answer accepted, in characters.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        max_length: Option<u32>,
    },
}
