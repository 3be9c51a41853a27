//! The published definition format. These types are the public contract with departments:
//! renaming or removing anything here breaks published JSON, so changes go through
//! `schema_version`. The JSON Schema in `schema/` is generated from them.

use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// The definition format version this engine reads.
pub const SCHEMA_VERSION: u32 = 1;

/// A JSON Logic expression (<https://jsonlogic.com>), e.g. `{"==": [{"var": "role"}, "agent"]}`.
/// `var` may only name questions asked earlier in the form.
pub type Expression = Value;

/// A string shown to citizens: either one string for every locale or one per locale tag.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(untagged)]
pub enum Text {
    /// The same text in every locale.
    Plain(String),
    /// Text per BCP 47 locale tag, e.g. `{"en": "Full name", "zh-CN": "姓名"}`.
    Localized(BTreeMap<String, String>),
}

// By hand rather than `untagged`: serde would buffer every text and, when none of its forms
// fits, say so only at the end of the enclosing object, so the JSON pointer of a wrong text
// would name its object rather than the text (and the code would be larger).
impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = Text;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a text: a string, or an object of strings by locale")
            }
            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Text, E> {
                Ok(Text::Plain(text.to_string()))
            }
            fn visit_string<E: serde::de::Error>(self, text: String) -> Result<Text, E> {
                Ok(Text::Plain(text))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Text, A::Error> {
                let mut texts = BTreeMap::new();
                while let Some((locale, text)) = map.next_entry::<String, String>()? {
                    texts.insert(locale, text);
                }
                Ok(Text::Localized(texts))
            }
        }
        deserializer.deserialize_any(Visitor)
    }
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
    pub submission: Option<crate::submission::SubmissionSettings>,
}

impl Form {
    /// The submission settings, defaults filled in.
    pub fn submission_settings(&self) -> crate::submission::SubmissionSettings {
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
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
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

/// One question (or a block of content).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Field {
    /// Identifier, unique in the form; also the answer's key.
    pub id: String,
    /// What is asked (for content blocks: a heading, may be empty).
    pub label: Text,
    /// One short sentence of help under the label.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hint: Option<Text>,
    /// Whether an answer is needed to continue.
    #[serde(default)]
    pub required: bool,
    /// Required only while this is truthy (overrides `required`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub required_if: Option<Expression>,
    /// Shown (and its answer kept) only while this is truthy.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visible_if: Option<Expression>,
    /// A data-dictionary concept (`forms/dictionary.json`), e.g. `person.cn_id_number`: the
    /// answer means the same thing in every department's form.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub concept: Option<String>,
    /// The answer is about the person filling in the form — `true`, or a JSON Logic condition
    /// such as "applying for yourself" — so, with their consent and on their device only, it
    /// may be remembered under its `concept` and offered to other forms' `fill_once`
    /// questions with the same concept. Needs `concept`; top-level questions only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fill_once: Option<Expression>,
    /// Error messages that replace the built-in ones, by rule name (`required`, `max_length`,
    /// `min_length`, `pattern`, `format`, `min`, `max`, `date_*`, …).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub messages: BTreeMap<String, Text>,
    /// The kind of answer and its own settings.
    #[serde(flatten)]
    pub kind: FieldKind,
}

/// An option of a choice question.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Choice {
    /// The stored answer.
    pub value: String,
    /// What the citizen reads.
    pub label: Text,
    /// One sentence under the option.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hint: Option<Text>,
}

/// Identity and code formats checked on text answers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum TextFormat {
    /// Chinese resident identity number (GB 11643).
    CnResidentId,
    /// Unified social credit code (GB 32100).
    UnifiedSocialCreditCode,
    /// Chinese postcode (6 digits).
    CnPostcode,
    /// UK National Insurance number.
    UkNino,
    /// UK postcode.
    UkPostcode,
    /// International bank account number (ISO 13616).
    Iban,
}

/// Which numbers a phone question accepts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum PhoneRegion {
    /// Chinese mobile numbers.
    #[default]
    Cn,
    /// UK numbers.
    Uk,
    /// Any number in international format (+country code).
    International,
}

/// The address layout.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum AddressStyle {
    /// Province / city / district cascade with administrative codes, then the street address.
    Cn,
    /// Address lines, town, postcode.
    Uk,
}

/// A relative or absolute date limit: `"today"`, `"2020-01-01"`, or another date field's id.
pub type DateBound = String;

/// The kinds of answer a field takes, selected by `"type"`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum FieldKind {
    /// One line of text, optionally in an identity or code format.
    Text {
        /// Shortest answer accepted, in characters.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        min_length: Option<u32>,
        /// Longest answer accepted, in characters.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        max_length: Option<u32>,
        /// A regular expression the whole answer must match.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pattern: Option<String>,
        /// An identity or code format.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        format: Option<TextFormat>,
        /// Width hint for the input, in characters.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        width: Option<u8>,
    },
    /// Several lines of text.
    Textarea {
        /// Shortest answer accepted, in characters.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        min_length: Option<u32>,
        /// Longest answer accepted, in characters.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        max_length: Option<u32>,
    },
    /// A number, decimals allowed.
    Number {
        /// Smallest accepted.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        min: Option<f64>,
        /// Largest accepted.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        max: Option<f64>,
        /// Unit shown after the input, e.g. "kg".
        #[serde(default, skip_serializing_if = "Option::is_none")]
        suffix: Option<Text>,
    },
    /// A whole number.
    Integer {
        /// Smallest accepted.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        min: Option<i64>,
        /// Largest accepted.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        max: Option<i64>,
        /// Unit shown after the input, e.g. "years".
        #[serde(default, skip_serializing_if = "Option::is_none")]
        suffix: Option<Text>,
    },
    /// An amount of money, at most two decimal places.
    Money {
        /// ISO 4217 code, e.g. "CNY", "GBP".
        currency: String,
        /// Smallest accepted.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        min: Option<f64>,
        /// Largest accepted.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        max: Option<f64>,
    },
    /// A date as day, month and year inputs (month names accepted).
    Date {
        /// The date must be on or after this.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        not_before: Option<DateBound>,
        /// The date must be on or before this.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        not_after: Option<DateBound>,
        /// The date must be strictly before this (e.g. `"today"`: in the past).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        before: Option<DateBound>,
        /// The date must be strictly after this.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        after: Option<DateBound>,
        /// For dates of birth: the person must be at least this old today.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        min_age: Option<u32>,
        /// For dates of birth: the person must be at most this old today.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        max_age: Option<u32>,
        /// The date must be at least this many months before today (e.g. six months' residence).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        months_before_today: Option<u32>,
    },
    /// An email address.
    Email {},
    /// A telephone number.
    Phone {
        /// Which numbers are accepted.
        #[serde(default)]
        region: PhoneRegion,
    },
    /// A web address (http or https).
    Url {},
    /// One option from a drop-down list.
    Select {
        /// The options, in order.
        #[serde(default)]
        options: Vec<Choice>,
        /// Or a reference list under `forms/data/` loaded on demand, e.g. `"cn-ethnic-groups"`.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        options_from: Option<String>,
    },
    /// One option from a short list.
    Radios {
        /// The options, in order.
        options: Vec<Choice>,
    },
    /// Any number of options.
    Checkboxes {
        /// The options, in order.
        options: Vec<Choice>,
        /// The value of a "None of these" option that cannot be combined with others.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        exclusive: Option<String>,
        /// Fewest options to tick when answered.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        min_selected: Option<u32>,
        /// Most options to tick.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        max_selected: Option<u32>,
    },
    /// Yes or no; the answer is `"yes"` or `"no"`.
    YesNo {},
    /// Uploaded files; the answer is a list of `{name, type, size}` (contents travel apart).
    File {
        /// Accepted media types, e.g. `["image/jpeg", "image/png", "application/pdf"]`.
        accept: Vec<String>,
        /// Largest file, in bytes.
        max_size: u64,
        /// Most files.
        #[serde(default = "one")]
        max_count: u32,
    },
    /// A postal address; the answer is an object of parts.
    Address {
        /// CN region cascade or UK lines + postcode.
        style: AddressStyle,
    },
    /// A set of questions answered once per item (e.g. each child), `min_items`..`max_items`.
    Group {
        /// The questions asked for each item.
        fields: Vec<Field>,
        /// Fewest items.
        #[serde(default)]
        min_items: u32,
        /// Most items.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        max_items: Option<u32>,
        /// How one item is called, e.g. "Child".
        #[serde(default, skip_serializing_if = "Option::is_none")]
        item_label: Option<Text>,
    },
    /// A read-only value computed from other answers. Dates (`YYYY-MM-DD`) are shown written
    /// out; other values through `options` when one matches, else as they are.
    Computed {
        /// How it is computed.
        expression: Expression,
        /// Labels for the values it can take, e.g. `"male"` → 男 / Male.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        options: Vec<Choice>,
    },
    /// Text for the citizen to read (Markdown; raw HTML is shown as text, never run).
    Content {
        /// The text.
        body: Text,
    },
    /// A statement the citizen must tick to confirm; the answer is `true`.
    Declaration {
        /// The statement.
        statement: Text,
    },
}

fn one() -> u32 {
    1
}

impl FieldKind {
    /// The `"type"` name as written in definitions.
    pub fn type_name(&self) -> &'static str {
        match self {
            FieldKind::Text { .. } => "text",
            FieldKind::Textarea { .. } => "textarea",
            FieldKind::Number { .. } => "number",
            FieldKind::Integer { .. } => "integer",
            FieldKind::Money { .. } => "money",
            FieldKind::Date { .. } => "date",
            FieldKind::Email {} => "email",
            FieldKind::Phone { .. } => "phone",
            FieldKind::Url {} => "url",
            FieldKind::Select { .. } => "select",
            FieldKind::Radios { .. } => "radios",
            FieldKind::Checkboxes { .. } => "checkboxes",
            FieldKind::YesNo {} => "yes_no",
            FieldKind::File { .. } => "file",
            FieldKind::Address { .. } => "address",
            FieldKind::Group { .. } => "group",
            FieldKind::Computed { .. } => "computed",
            FieldKind::Content { .. } => "content",
            FieldKind::Declaration { .. } => "declaration",
        }
    }

    /// Whether the citizen answers it (content and computed values take no answer).
    pub fn is_question(&self) -> bool {
        !matches!(self, FieldKind::Content { .. } | FieldKind::Computed { .. })
    }

    /// The fixed options of a choice question.
    pub fn options(&self) -> &[Choice] {
        match self {
            FieldKind::Select { options, .. }
            | FieldKind::Radios { options }
            | FieldKind::Checkboxes { options, .. }
            | FieldKind::Computed { options, .. } => options,
            _ => &[],
        }
    }
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
