//! The request that sends a package as the form's submission settings describe (envelope,
//! flat, multipart, urlencoded).

use super::Package;
use crate::form::definition::{Encoding, Method, SubmissionSettings, PACKAGE_FACTS};
use crate::form::model::{typed_value, FormModel};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// An HTTP request to make, independent of the browser API that makes it. Made once when an
/// application is queued and kept with it, so every attempt sends the same bytes.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OutgoingRequest {
    /// `POST` or `PUT`.
    pub method: String,
    /// The endpoint as configured (the IO layer resolves a relative one against the page).
    pub url: String,
    /// Headers, including `Idempotency-Key` and, except for multipart, `Content-Type`.
    pub headers: Vec<(String, String)>,
    /// The body.
    pub body: RequestBody,
}

/// A request body.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum RequestBody {
    /// A JSON document.
    Json {
        /// The JSON text.
        text: String,
    },
    /// `application/x-www-form-urlencoded` text.
    Urlencoded {
        /// The encoded text.
        text: String,
    },
    /// Text parts and file parts; the IO layer fetches each file's content by its SHA-256.
    Multipart {
        /// Text parts in order.
        fields: Vec<(String, String)>,
        /// File parts in order.
        files: Vec<FilePart>,
    },
}

// By hand rather than derived: serde buffers an internally tagged enum in its `Content` type
// and reads it again, with a copy of every visitor for each deserializer (10 KB of the form
// bundle's wasm). The device reads these back from its outbox, so the format is the derived
// writer's, and unknown keys are passed over as the derived reader did.
impl<'de> Deserialize<'de> for RequestBody {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        use serde::de::{Error, IgnoredAny, MapAccess, Visitor};
        struct BodyVisitor;
        impl<'de> Visitor<'de> for BodyVisitor {
            type Value = RequestBody;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a request body")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RequestBody, A::Error> {
                let mut kind: Option<String> = None;
                let mut text: Option<String> = None;
                let mut fields: Option<Vec<(String, String)>> = None;
                let mut files: Option<Vec<FilePart>> = None;
                while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
                    match &*key {
                        "kind" => kind = Some(map.next_value()?),
                        "text" => text = Some(map.next_value()?),
                        "fields" => fields = Some(map.next_value()?),
                        "files" => files = Some(map.next_value()?),
                        _ => {
                            map.next_value::<IgnoredAny>()?;
                        }
                    }
                }
                let need = |key: &'static str| A::Error::missing_field(key);
                match kind.as_deref() {
                    Some("json") => {
                        Ok(RequestBody::Json { text: text.ok_or_else(|| need("text"))? })
                    }
                    Some("urlencoded") => {
                        Ok(RequestBody::Urlencoded { text: text.ok_or_else(|| need("text"))? })
                    }
                    Some("multipart") => Ok(RequestBody::Multipart {
                        fields: fields.ok_or_else(|| need("fields"))?,
                        files: files.ok_or_else(|| need("files"))?,
                    }),
                    Some(other) => {
                        Err(A::Error::unknown_variant(other, &["json", "urlencoded", "multipart"]))
                    }
                    None => Err(need("kind")),
                }
            }
        }
        deserializer.deserialize_map(BodyVisitor)
    }
}

/// One file part of a multipart body.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FilePart {
    /// The part's name.
    pub name: String,
    /// The content's SHA-256 (hex), by which the device keeps it.
    pub sha256: String,
    /// The file name sent.
    pub filename: String,
    /// Its media type.
    pub media_type: String,
}

impl FormModel {
    /// The request that sends `package` as `settings` say.
    pub fn request(&self, package: &Package, settings: &SubmissionSettings) -> OutgoingRequest {
        let mut headers = vec![("Idempotency-Key".to_string(), package.idempotency_key.clone())];
        headers.extend(settings.headers.iter().map(|(k, v)| (k.clone(), v.clone())));
        let body = match settings.encoding {
            Encoding::Envelope => {
                headers.push(("Content-Type".into(), "application/json".into()));
                RequestBody::Json { text: serde_json::to_string(package).unwrap_or_default() }
            }
            Encoding::Flat => {
                headers.push(("Content-Type".into(), "application/json".into()));
                let object: Map<String, Value> =
                    self.flat_fields(package, settings).into_iter().collect();
                RequestBody::Json { text: Value::Object(object).to_string() }
            }
            Encoding::Urlencoded => {
                headers.push(("Content-Type".into(), "application/x-www-form-urlencoded".into()));
                let pairs = self
                    .flat_fields(package, settings)
                    .into_iter()
                    .flat_map(|(k, v)| text_pairs(k, &v));
                RequestBody::Urlencoded {
                    text: pairs
                        .map(|(k, v)| format!("{}={}", form_escape(&k), form_escape(&v)))
                        .collect::<Vec<_>>()
                        .join("&"),
                }
            }
            Encoding::Multipart if settings.field_map.is_empty() => RequestBody::Multipart {
                fields: vec![(
                    "package".into(),
                    serde_json::to_string(package).unwrap_or_default(),
                )],
                files: package
                    .attachments
                    .iter()
                    .filter_map(|a| {
                        let sha256 = a.sha256.clone()?;
                        Some(FilePart {
                            name: sha256.clone(),
                            sha256,
                            filename: a.name.clone(),
                            media_type: a.media_type.clone(),
                        })
                    })
                    .collect(),
            },
            Encoding::Multipart => {
                let files = package
                    .attachments
                    .iter()
                    .filter_map(|a| {
                        let name = settings.field_map.get(&a.field)?.clone();
                        Some(FilePart {
                            name,
                            sha256: a.sha256.clone()?,
                            filename: a.name.clone(),
                            media_type: a.media_type.clone(),
                        })
                    })
                    .collect();
                let fields = self
                    .flat_fields(package, settings)
                    .into_iter()
                    .filter(|(key, _)| {
                        !package
                            .attachments
                            .iter()
                            .any(|a| settings.field_map.get(&a.field) == Some(key))
                    })
                    .flat_map(|(k, v)| text_pairs(k, &v))
                    .collect();
                RequestBody::Multipart { fields, files }
            }
        };
        OutgoingRequest {
            method: match settings.method {
                Method::Post => "POST",
                Method::Put => "PUT",
            }
            .to_string(),
            url: settings.url.clone(),
            headers,
            body,
        }
    }

    /// The answers (typed) and computed values, flattened to dotted keys, renamed by
    /// `field_map` (only mapped keys when it is not empty), plus any mapped package facts.
    fn flat_fields(
        &self,
        package: &Package,
        settings: &SubmissionSettings,
    ) -> Vec<(String, Value)> {
        let mut flat = Vec::new();
        for (id, answer) in package.answers.0.iter().chain(package.computed.0.iter()) {
            let typed = match self.field(id) {
                Some((_, field)) if package.answers.0.contains_key(id) => {
                    typed_value(field, Some(answer)).unwrap_or_else(|| answer.clone())
                }
                _ => answer.clone(),
            };
            flatten(id.clone(), typed, &mut flat);
        }
        if settings.field_map.is_empty() {
            return flat;
        }
        let facts = [
            &package.form_id,
            &package.form_version,
            &package.locale,
            &package.created,
            &package.idempotency_key,
            &package.checksum,
        ];
        let mut mapped: Vec<(String, Value)> = flat
            .into_iter()
            .filter_map(|(key, value)| {
                // A mapped question keeps its parts together: `address` maps the whole object.
                settings.field_map.get(&key).map(|to| (to.clone(), value))
            })
            .collect();
        for (fact, value) in PACKAGE_FACTS.iter().zip(facts) {
            if let Some(to) = settings.field_map.get(*fact) {
                mapped.push((to.clone(), Value::String(value.clone())));
            }
        }
        // A whole composite answer mapped by its id.
        for (from, to) in &settings.field_map {
            if !mapped.iter().any(|(k, _)| k == to) {
                if let Some(answer) =
                    package.answers.0.get(from).or_else(|| package.computed.0.get(from))
                {
                    let typed = self
                        .field(from)
                        .and_then(|(_, f)| typed_value(f, Some(answer)))
                        .unwrap_or_else(|| answer.clone());
                    mapped.push((to.clone(), typed));
                }
            }
        }
        mapped
    }
}

/// Objects become dotted keys; everything else stays as it is.
fn flatten(key: String, value: Value, out: &mut Vec<(String, Value)>) {
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                flatten(format!("{key}.{k}"), v, out);
            }
        }
        other => out.push((key, other)),
    }
}

/// Text parts for a value: lists repeat the key; objects inside lists are sent as JSON.
fn text_pairs(key: String, value: &Value) -> Vec<(String, String)> {
    match value {
        Value::Array(items) => items.iter().map(|item| (key.clone(), scalar_text(item))).collect(),
        other => vec![(key, scalar_text(other))],
    }
}

fn scalar_text(value: &Value) -> String {
    match value {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// `application/x-www-form-urlencoded` escaping (UTF-8, space as `+`).
fn form_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'*' => {
                out.push(byte as char)
            }
            b' ' => out.push('+'),
            other => out.push_str(&format!("%{other:02X}")),
        }
    }
    out
}
