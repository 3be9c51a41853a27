//! Reading a question, and an outcome's action, from JSON by hand rather than by a derived
//! `Deserialize`.
//!
//! A question is one flat object whose `type` says which other keys it takes. Derived, that is
//! `#[serde(flatten)]` over an internally tagged enum, and serde then buffers every key of
//! every question in its `Content` type and reads it again, with a copy of every visitor for
//! each deserializer involved: 54 KB of the form bundle's wasm (docs/size.md). Here one visitor
//! reads the keys of every kind as they come, and the type picks its own at the end. The
//! errors keep serde's wording and come at the key at fault where it is known there (an
//! unknown key, a key the question's type does not take, an unknown type), so the JSON
//! pointer names it. An outcome's `action` is an internally tagged enum too, which serde
//! buffers the same way.

use super::field::{AddressStyle, Choice, Field, FieldKind, PhoneRegion, TextFormat};
use super::text::{Expression, Text};
use super::OutcomeAction;
use serde::de::{Deserialize, Deserializer, Error, MapAccess, Visitor};
use serde_json::Number;
use std::collections::BTreeMap;
use std::fmt;

/// The values of `type`, in the order of [`FieldKind`].
const TYPES: &[&str] = &[
    "text",
    "textarea",
    "number",
    "integer",
    "money",
    "date",
    "email",
    "phone",
    "url",
    "select",
    "radios",
    "checkboxes",
    "yes_no",
    "file",
    "address",
    "group",
    "computed",
    "content",
    "declaration",
];

/// The keys a question of `kind` takes besides the common ones, or `None` for an unknown type.
fn kind_keys(kind: &str) -> Option<&'static [&'static str]> {
    Some(match kind {
        "text" => &["min_length", "max_length", "pattern", "format", "width"],
        "textarea" => &["min_length", "max_length"],
        "number" | "integer" => &["min", "max", "suffix"],
        "money" => &["currency", "min", "max"],
        "date" => &[
            "not_before",
            "not_after",
            "before",
            "after",
            "min_age",
            "max_age",
            "months_before_today",
        ],
        "email" | "url" | "yes_no" => &[],
        "phone" => &["region"],
        "select" => &["options", "options_from", "options_key"],
        "radios" => &["options"],
        "checkboxes" => &["options", "exclusive", "min_selected", "max_selected"],
        "file" => &["accept", "max_size", "max_count", "min_count"],
        "address" => &["style"],
        "group" => &["fields", "min_items", "max_items", "item_label"],
        "computed" => &["expression", "options", "hidden", "currency", "suffix"],
        "content" => &["body"],
        "declaration" => &["statement"],
        _ => return None,
    })
}

/// Declares what a question object may hold, each key as an `Option` (a JSON `null` counts as
/// absent, as it does for the derived optional fields), and how one key is read.
macro_rules! keys {
    (common: $($c:ident: $ct:ty),*; kind: $($k:ident: $kt:ty),* $(,)?) => {
        #[derive(Default)]
        struct Keys {
            kind: Option<String>,
            $($c: Option<$ct>,)*
            $($k: Option<$kt>,)*
        }

        /// Every key a question may have, for the message about one it may not.
        const ALL_KEYS: &[&str] = &["type", $(stringify!($c),)* $(stringify!($k),)*];
        /// The keys every question may have.
        const COMMON_KEYS: &[&str] = &[$(stringify!($c),)*];

        impl Keys {
            /// Reads the value of `key`, one of `ALL_KEYS` but `type`.
            fn read<'de, A: MapAccess<'de>>(&mut self, key: &str, map: &mut A) -> Result<(), A::Error> {
                match key {
                    $(stringify!($c) => {
                        if self.$c.is_some() {
                            return Err(A::Error::duplicate_field(stringify!($c)));
                        }
                        self.$c = map.next_value()?;
                    })*
                    $(stringify!($k) => {
                        if self.$k.is_some() {
                            return Err(A::Error::duplicate_field(stringify!($k)));
                        }
                        self.$k = map.next_value()?;
                    })*
                    _ => {}
                }
                Ok(())
            }

            /// The first kind key present that `allowed` does not list.
            fn stray(&self, allowed: &[&str]) -> Option<&'static str> {
                [$((stringify!($k), self.$k.is_some()),)*]
                    .into_iter()
                    .find(|&(key, present)| present && !allowed.contains(&key))
                    .map(|(key, _)| key)
            }
        }
    };
}

keys! {
    common: id: String, label: Text, hint: Text, required: bool, required_if: Expression,
        visible_if: Expression, concept: String, fill_once: Expression,
        messages: BTreeMap<String, Text>;
    kind: min_length: u32, max_length: u32, pattern: String, format: TextFormat, width: u8,
        min: Number, max: Number, suffix: Text, currency: String,
        not_before: String, not_after: String, before: String, after: String,
        min_age: u32, max_age: u32, months_before_today: u32,
        region: PhoneRegion, options: Vec<Choice>, options_from: String, options_key: String,
        exclusive: String, min_selected: u32, max_selected: u32,
        accept: Vec<String>, max_size: u64, max_count: u32, min_count: u32, style: AddressStyle,
        fields: Vec<Field>, min_items: u32, max_items: u32, item_label: Text,
        expression: Expression, hidden: bool, body: Text, statement: Text,
}

fn unknown_key<E: Error>(key: &str, kind: Option<&str>) -> E {
    match kind.zip(kind.and_then(kind_keys)) {
        Some((kind, [])) => E::custom(format_args!(
            "unknown field `{key}` for a question of type `{kind}`, which takes only the keys every question has"
        )),
        Some((kind, allowed)) => E::custom(format_args!(
            "unknown field `{key}` for a question of type `{kind}`, which takes {} besides the keys every question has",
            OneOf(allowed)
        )),
        None => E::unknown_field(key, ALL_KEYS),
    }
}

/// A list of keys as serde words it: "`a`, `b` and `c`".
struct OneOf<'a>(&'a [&'a str]);

impl fmt::Display for OneOf<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, key) in self.0.iter().enumerate() {
            let sep = match i {
                0 => "",
                i if i + 1 == self.0.len() => " and ",
                _ => ", ",
            };
            write!(f, "{sep}`{key}`")?;
        }
        Ok(())
    }
}

fn need<T, E: Error>(value: Option<T>, key: &'static str) -> Result<T, E> {
    value.ok_or_else(|| E::missing_field(key))
}

fn float<E: Error>(n: Option<Number>) -> Result<Option<f64>, E> {
    n.map(|n| n.as_f64().ok_or_else(|| E::custom(format_args!("{n} is not a number")))).transpose()
}

fn integer<E: Error>(n: Option<Number>) -> Result<Option<i64>, E> {
    n.map(|n| {
        n.as_i64().ok_or_else(|| {
            E::custom(format_args!("invalid value: {n}, expected a whole number (i64)"))
        })
    })
    .transpose()
}

impl Keys {
    fn into_field<E: Error>(self) -> Result<Field, E> {
        // The visitor has checked the type and every key against it as they came.
        let kind = need(self.kind.clone(), "type")?;
        let kind = match kind.as_str() {
            "text" => FieldKind::Text {
                min_length: self.min_length,
                max_length: self.max_length,
                pattern: self.pattern,
                format: self.format,
                width: self.width,
            },
            "textarea" => {
                FieldKind::Textarea { min_length: self.min_length, max_length: self.max_length }
            }
            "number" => FieldKind::Number {
                min: float(self.min)?,
                max: float(self.max)?,
                suffix: self.suffix,
            },
            "integer" => FieldKind::Integer {
                min: integer(self.min)?,
                max: integer(self.max)?,
                suffix: self.suffix,
            },
            "money" => FieldKind::Money {
                currency: need(self.currency, "currency")?,
                min: float(self.min)?,
                max: float(self.max)?,
            },
            "date" => FieldKind::Date {
                not_before: self.not_before,
                not_after: self.not_after,
                before: self.before,
                after: self.after,
                min_age: self.min_age,
                max_age: self.max_age,
                months_before_today: self.months_before_today,
            },
            "email" => FieldKind::Email {},
            "phone" => FieldKind::Phone { region: self.region.unwrap_or_default() },
            "url" => FieldKind::Url {},
            "select" => FieldKind::Select {
                options: self.options.unwrap_or_default(),
                options_from: self.options_from,
                options_key: self.options_key,
            },
            "radios" => FieldKind::Radios { options: need(self.options, "options")? },
            "checkboxes" => FieldKind::Checkboxes {
                options: need(self.options, "options")?,
                exclusive: self.exclusive,
                min_selected: self.min_selected,
                max_selected: self.max_selected,
            },
            "yes_no" => FieldKind::YesNo {},
            "file" => FieldKind::File {
                accept: need(self.accept, "accept")?,
                max_size: need(self.max_size, "max_size")?,
                max_count: self.max_count.unwrap_or(1),
                min_count: self.min_count,
            },
            "address" => FieldKind::Address { style: need(self.style, "style")? },
            "group" => FieldKind::Group {
                fields: need(self.fields, "fields")?,
                min_items: self.min_items.unwrap_or(0),
                max_items: self.max_items,
                item_label: self.item_label,
            },
            "computed" => FieldKind::Computed {
                expression: need(self.expression, "expression")?,
                options: self.options.unwrap_or_default(),
                hidden: self.hidden.unwrap_or(false),
                currency: self.currency,
                suffix: self.suffix,
            },
            "content" => FieldKind::Content { body: need(self.body, "body")? },
            _ => FieldKind::Declaration { statement: need(self.statement, "statement")? },
        };
        Ok(Field {
            id: need(self.id, "id")?,
            label: need(self.label, "label")?,
            hint: self.hint,
            required: self.required.unwrap_or(false),
            required_if: self.required_if,
            visible_if: self.visible_if,
            concept: self.concept,
            fill_once: self.fill_once,
            messages: self.messages.unwrap_or_default(),
            kind,
        })
    }
}

/// Reads `type`, refusing inside the value (so that the JSON pointer names `type`) an unknown
/// type or one that does not take a key read before it.
struct TypeSeed<'a>(&'a Keys);

impl<'de> serde::de::DeserializeSeed<'de> for TypeSeed<'_> {
    type Value = String;
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<String, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for TypeSeed<'_> {
    type Value = String;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a type of question")
    }
    fn visit_str<E: Error>(self, kind: &str) -> Result<String, E> {
        let allowed = kind_keys(kind).ok_or_else(|| E::unknown_variant(kind, TYPES))?;
        match self.0.stray(allowed) {
            Some(stray) => Err(unknown_key(stray, Some(kind))),
            None => Ok(kind.to_string()),
        }
    }
}

impl<'de> Deserialize<'de> for Field {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct FieldVisitor;
        impl<'de> Visitor<'de> for FieldVisitor {
            type Value = Field;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a question: an object with an `id`, a `type` and a `label`")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Field, A::Error> {
                let mut keys = Keys::default();
                while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
                    if key == "type" {
                        if keys.kind.is_some() {
                            return Err(A::Error::duplicate_field("type"));
                        }
                        keys.kind = Some(map.next_value_seed(TypeSeed(&keys))?);
                        continue;
                    }
                    // Checked before the value is read, so that the error's position, and
                    // with it the JSON pointer, is the key's.
                    let taken = match keys.kind.as_deref().and_then(kind_keys) {
                        Some(allowed) => COMMON_KEYS.contains(&&*key) || allowed.contains(&&*key),
                        None => ALL_KEYS.contains(&&*key),
                    };
                    if !taken {
                        return Err(unknown_key(&key, keys.kind.as_deref()));
                    }
                    keys.read(&key, &mut map)?;
                }
                keys.into_field()
            }
        }
        deserializer.deserialize_map(FieldVisitor)
    }
}

impl<'de> Deserialize<'de> for OutcomeAction {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        const KINDS: &[&str] = &["not_eligible", "start_form", "service", "offline_only"];
        const KEYS: &[&str] = &["kind", "form", "prefill", "service"];
        struct ActionVisitor;
        impl<'de> Visitor<'de> for ActionVisitor {
            type Value = OutcomeAction;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an action: an object with a `kind`")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<OutcomeAction, A::Error> {
                let mut kind: Option<String> = None;
                let mut form: Option<String> = None;
                let mut prefill: Option<BTreeMap<String, String>> = None;
                let mut service: Option<String> = None;
                while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
                    let seen = match &*key {
                        "kind" => kind.replace(map.next_value()?).is_some(),
                        "form" => form.replace(map.next_value()?).is_some(),
                        "prefill" => prefill.replace(map.next_value()?).is_some(),
                        "service" => service.replace(map.next_value()?).is_some(),
                        _ => return Err(A::Error::unknown_field(&key, KEYS)),
                    };
                    if seen {
                        return Err(A::Error::custom(format_args!("duplicate field `{key}`")));
                    }
                }
                let kind = need(kind, "kind")?;
                // The keys the kind does not take, as the derived reader refused them.
                let stray = |allowed: &'static [&'static str]| {
                    [
                        ("form", form.is_some()),
                        ("prefill", prefill.is_some()),
                        ("service", service.is_some()),
                    ]
                    .into_iter()
                    .find(|&(key, present)| present && !allowed.contains(&key))
                    .map_or(Ok(()), |(key, _)| Err(A::Error::unknown_field(key, allowed)))
                };
                match kind.as_str() {
                    "not_eligible" => stray(&["kind"]).map(|()| OutcomeAction::NotEligible),
                    "offline_only" => stray(&["kind"]).map(|()| OutcomeAction::OfflineOnly),
                    "start_form" => {
                        stray(&["kind", "form", "prefill"])?;
                        Ok(OutcomeAction::StartForm {
                            form: need(form, "form")?,
                            prefill: prefill.unwrap_or_default(),
                        })
                    }
                    "service" => {
                        stray(&["kind", "service"])?;
                        Ok(OutcomeAction::Service { service: need(service, "service")? })
                    }
                    _ => Err(A::Error::unknown_variant(&kind, KINDS)),
                }
            }
        }
        deserializer.deserialize_map(ActionVisitor)
    }
}
