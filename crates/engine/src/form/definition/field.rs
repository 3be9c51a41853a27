//! Questions: the field kinds a page may hold, their options and formats.

use super::text::{Expression, Text};
pub use crate::formats::TextFormat;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

// Read by hand (read.rs: a derived reader would buffer every question), written derived.
/// One question (or a block of content).
#[derive(Clone, Debug, PartialEq, Serialize)]
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
    /// For a select with `options_key`: the answers to that question this option is
    /// offered under (e.g. `["england"]`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub keys: Vec<String>,
    /// Offered only while this holds (JSON Logic over earlier answers, as a question's
    /// `visible_if`). A hidden option is not shown and cannot be chosen: an answer naming it
    /// counts as not given. For the inline options of a top-level select, radios or
    /// checkboxes question only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visible_if: Option<Expression>,
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

/// A relative or absolute date limit: `"today"`, `"2020-01-01"`, or another date field's id;
/// `"today"` or an id may be moved by a whole number of days, weeks, months or years, e.g.
/// `"today-3m"`, `"moved_in+6 months"`.
pub type DateBound = String;

/// The kinds of answer a field takes, selected by `"type"`.
#[derive(Clone, Debug, PartialEq, Serialize)]
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
        /// An earlier question whose answer picks the options offered: those whose `keys`
        /// hold it (councils by nation, districts by city). Unanswered, none are offered.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        options_key: Option<String>,
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
        /// Fewest files, once any is chosen (e.g. 2: both sides of a card); an optional
        /// question may still have none.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        min_count: Option<u32>,
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
        /// Kept for rules, conditions and the package, but not shown to the citizen (on its
        /// page, check answers or the printed record): an internal age, a fee band.
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        hidden: bool,
        /// The value is an amount of money in this currency (ISO 4217, e.g. "CNY"), shown as
        /// `¥12,500,000`.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        currency: Option<String>,
        /// The value is a number shown with this unit after it, e.g. "m²", "平方米".
        #[serde(default, skip_serializing_if = "Option::is_none")]
        suffix: Option<Text>,
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

// The JSON Schema's default (the reader in read.rs applies it itself).
#[cfg_attr(not(feature = "schema"), allow(dead_code))]
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
