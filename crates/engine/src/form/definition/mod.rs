//! The published definition format. These types are the public contract with departments:
//! renaming or removing anything here breaks published JSON, so changes go through
//! `schema_version`. The JSON Schema in `schema/` is generated from them.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

mod field;
mod read;
mod submission;
mod text;

pub use field::*;
pub use submission::*;
pub use text::*;

/// The definition format version this engine reads.
pub const SCHEMA_VERSION: u32 = 1;

/// A form: metadata, the pages a citizen goes through, and the rules across them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
    /// What the form is for, shown on the start page (Markdown).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    /// Locales the form is published in; the first is the fallback for missing texts.
    pub locales: Vec<String>,
    /// Where the service's office is, for what "today" means in date rules: an IANA name
    /// (`Asia/Shanghai`, `Europe/London`) or an offset (`+08:00`). Without it, China's time
    /// for a form whose first locale is Chinese or Uyghur, the UK's for English, else UTC.
    /// The browser and the receiver take the date, in this zone, of the instant the
    /// application was made (its `created`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_zone: Option<String>,
    /// How many days a draft of this form, and the details a citizen chose to remember, stay
    /// on the device after they were last saved (1 to 365; default the catalog's, else 30).
    /// Older ones are deleted when the form is next opened there.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub keep_on_device_days: Option<u32>,
    /// Question pages in order.
    pub pages: Vec<Page>,
    /// Checks across several answers, e.g. "the agent's ID number must differ from yours".
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rules: Vec<Rule>,
    /// Pages that end the journey early, reached by a page's `next` routing.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub outcomes: Vec<Outcome>,
    /// Where and how a finished application is sent (`docs/submission.md`); the defaults
    /// send the package to the reference receiver.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub submission: Option<SubmissionSettings>,
}

/// Days a draft and remembered details stay on the device by default.
pub const DEFAULT_KEEP_ON_DEVICE_DAYS: u32 = 30;

impl Form {
    /// Days a draft of this form and remembered details stay on the device, by the form alone.
    pub fn keep_on_device_days(&self) -> u32 {
        self.keep_on_device_days_within(None)
    }

    /// Days a draft of this form and remembered details stay on the device, where the catalog
    /// that publishes it says `catalog` (its `keep_on_device_days`): the form's own setting
    /// first, then the catalog's, then [`DEFAULT_KEEP_ON_DEVICE_DAYS`].
    pub fn keep_on_device_days_within(&self, catalog: Option<u32>) -> u32 {
        self.keep_on_device_days.or(catalog).unwrap_or(DEFAULT_KEEP_ON_DEVICE_DAYS).clamp(1, 365)
    }

    /// The zone "today" is taken in: the one named, else the default for the first locale
    /// (a name the engine does not know is a load error, so it never gets here).
    pub fn time_zone(&self) -> crate::formats::TimeZone {
        self.time_zone
            .as_deref()
            .and_then(crate::formats::TimeZone::parse)
            .unwrap_or_else(|| crate::formats::TimeZone::default_for(&self.locales))
    }

    /// The submission settings, defaults filled in.
    pub fn submission_settings(&self) -> SubmissionSettings {
        self.submission.clone().unwrap_or_default()
    }

    /// The locale used when a text lacks the requested one.
    pub fn fallback_locale(&self) -> &str {
        self.locales.first().map(String::as_str).unwrap_or("en")
    }

    /// `text` in `locale`, falling back to the form's first locale.
    pub fn text<'a>(&self, text: &'a Text, locale: &str) -> &'a str {
        text.get(locale, self.fallback_locale())
    }

    /// Every field with its JSON pointer, the questions inside groups included, in document
    /// order.
    pub fn each_field(&self, mut visit: impl FnMut(&Field, String)) {
        for (p, page) in self.pages.iter().enumerate() {
            for (f, field) in page.fields.iter().enumerate() {
                let at = format!("/pages/{p}/fields/{f}");
                visit(field, at.clone());
                if let FieldKind::Group { fields, .. } = &field.kind {
                    for (i, inner) in fields.iter().enumerate() {
                        visit(inner, format!("{at}/fields/{i}"));
                    }
                }
            }
        }
    }

    /// Every field in document order (page by page, top to bottom), with its page index.
    /// Fields inside repeatable groups are not included: they belong to their group.
    pub fn fields(&self) -> impl Iterator<Item = (usize, &Field)> {
        self.pages.iter().enumerate().flat_map(|(p, page)| page.fields.iter().map(move |f| (p, f)))
    }
}

/// One page of questions (GOV.UK: start with one question per page).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Page {
    /// Identifier, unique in the form; used in the page's URL.
    pub id: String,
    /// Page heading; when absent, a single question's label is the heading.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<Text>,
    /// The page is skipped unless this is truthy.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visible_if: Option<Expression>,
    /// The questions on this page.
    pub fields: Vec<Field>,
    /// Where "Continue" leads: the first route whose `if` holds (or that has no `if`);
    /// without a match, the next page in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub next: Vec<Route>,
}

/// A branch in the journey.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Route {
    /// Taken when truthy; a route without `if` is always taken.
    #[serde(default, rename = "if", skip_serializing_if = "Option::is_none")]
    pub condition: Option<Expression>,
    /// A later page's id, `"outcome:<id>"` for an outcome page, or `"check_answers"`.
    pub goto: String,
}

/// A page that ends the journey, e.g. "You do not need a residence permit".
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Outcome {
    /// Identifier, referred to as `"outcome:<id>"`.
    pub id: String,
    /// Heading.
    pub title: Text,
    /// What it means and what to do next (Markdown).
    pub body: Text,
    /// For an assistant (a guide's eligibility check): what the citizen can do from here.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub action: Option<OutcomeAction>,
}

/// Where an assistant's outcome leads.
// Read by hand (read.rs: a derived reader would buffer it), written derived.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum OutcomeAction {
    /// Not eligible: the body says why and what to do instead.
    NotEligible,
    /// Eligible: start form `form`, with these answers of the assistant filled in (the
    /// form's question id → this form's question id). Shown and changeable, as every answer.
    StartForm {
        /// The form's id.
        form: String,
        /// The form's question id → the assistant's question id whose answer it takes.
        #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
        prefill: BTreeMap<String, String>,
    },
    /// Another service fits better.
    Service {
        /// Its id in the catalog.
        service: String,
    },
    /// It can only be done at the counter: the guide's tailored checklist says what to bring.
    OfflineOnly,
}

/// A check across answers.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Rule {
    /// Identifier, unique among rules.
    pub id: String,
    /// Must be truthy, else the message is shown. Evaluated only while `field` is visible.
    #[serde(rename = "assert")]
    pub assertion: Expression,
    /// The question the message is shown at (its page is where the rule is checked).
    pub field: String,
    /// What is wrong and how to fix it.
    pub message: Text,
    /// Errors stop the citizen; warnings are shown but let them continue.
    #[serde(default)]
    pub severity: RuleSeverity,
}

/// Whether a failed rule blocks the journey.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum RuleSeverity {
    /// Blocks "Continue".
    #[default]
    Error,
    /// Shown, does not block.
    Warning,
}

/// Whether `id` is a well-formed identifier: it starts with a letter and uses only letters,
/// digits, `_` and `-`. Ids of forms, fields, services and topics end up in URLs and in the
/// static site's file paths, so nothing else (no `/`, `.`, `?`, `%` or space) may be in them.
pub fn is_well_formed_id(id: &str) -> bool {
    id.len() <= 100
        && id.starts_with(|c: char| c.is_ascii_alphabetic())
        && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
}

/// Whether `tag` has the shape of a BCP 47 language tag (`zh-CN`, `en`, `ug`): subtags of
/// letters and digits joined by `-`, starting with a letter. Locales are path segments of the
/// static site (`/en/services/…/`).
pub fn is_locale_tag(tag: &str) -> bool {
    (2..=35).contains(&tag.len())
        && tag.starts_with(|c: char| c.is_ascii_alphabetic())
        && tag
            .split('-')
            .all(|part| !part.is_empty() && part.chars().all(|c| c.is_ascii_alphanumeric()))
}

/// Whether `name` can name a list file under `forms/data/` (letters, digits, `-` and `_`).
pub fn is_list_name(name: &str) -> bool {
    !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// A reference list under `forms/data/<name>.json`, named by `options_from`:
/// `{"options": [{"value": "01", "label": {"zh-CN": "汉族", "en": "Han"}}, …]}`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ReferenceList {
    /// What the list is, for the people who maintain it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The options, in order.
    pub options: Vec<Choice>,
}
