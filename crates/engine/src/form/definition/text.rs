//! Texts shown to citizens, in one or several locales, and JSON Logic expressions.

use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

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
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
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
    /// Each locale's text with its JSON pointer, for lint: `at` itself for one text in every
    /// locale, `at/<locale>` for each of several.
    pub(crate) fn with_pointers<'a>(&'a self, at: &str) -> Vec<(String, &'a str)> {
        match self {
            Text::Plain(body) => vec![(at.to_string(), body.as_str())],
            Text::Localized(bodies) => bodies
                .iter()
                .map(|(locale, body)| {
                    (format!("{at}/{}", crate::diagnostic::escape_token(locale)), body.as_str())
                })
                .collect(),
        }
    }

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
