//! The `submission` block of a form definition: where and how finished applications go.

use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// Where and how finished applications are sent. Every setting has a default that suits the
/// reference receiver, so a form without `submission` works with it out of the box.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SubmissionSettings {
    /// The endpoint, absolute or relative to the page. Default `api/submissions`.
    #[serde(default = "default_url")]
    pub url: String,
    /// `POST` (default) or `PUT`.
    #[serde(default)]
    pub method: Method,
    /// Fixed headers sent with every attempt, e.g. an API key the backend expects.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub headers: BTreeMap<String, String>,
    /// How the body is laid out.
    #[serde(default)]
    pub encoding: Encoding,
    /// For `flat`, `urlencoded` and `multipart`: answer key → the backend's key. Keys are
    /// question ids, dotted for parts of an answer (`address.postcode`), or package facts:
    /// `$form_id`, `$form_version`, `$locale`, `$created`, `$idempotency_key`, `$checksum`.
    /// Empty: every answer under its question id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub field_map: BTreeMap<String, String>,
    /// HTTP statuses that mean "received". Default 200, 201, 202.
    #[serde(default = "default_success")]
    pub success_statuses: Vec<u16>,
    /// JSON pointer to the backend's reference in its reply. Default `/reference`.
    #[serde(default = "default_pointer")]
    pub reference_pointer: String,
    /// An attempt with no reply after this long counts as failed (and is retried with the same
    /// idempotency key). Default 15000.
    #[serde(default = "default_timeout")]
    pub timeout_ms: u32,
    /// The wait before the first retry; it doubles each time (with jitter). Default 2000.
    #[serde(default = "default_retry_base")]
    pub retry_base_ms: u32,
    /// The longest wait between retries. Default 300000 (5 minutes).
    #[serde(default = "default_retry_max")]
    pub retry_max_ms: u32,
}

/// HTTP method of a submission.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum Method {
    /// POST (the default).
    #[default]
    #[serde(rename = "POST")]
    Post,
    /// PUT.
    #[serde(rename = "PUT")]
    Put,
}

/// Body layouts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Encoding {
    /// The whole package as JSON (`docs/submission.md`): what the reference receiver takes.
    #[default]
    Envelope,
    /// One flat JSON object of `field_map` keys → typed answers (dates as `YYYY-MM-DD`).
    Flat,
    /// `multipart/form-data`. Without `field_map`: a `package` part (the envelope) and one
    /// part per file named by its SHA-256. With `field_map`: the flat fields as text parts and
    /// each file under its question's mapped key.
    Multipart,
    /// `application/x-www-form-urlencoded` of the flat fields (lists repeat the key).
    Urlencoded,
}

/// The package facts a `field_map` may name, in the order `flat_fields` reads them.
pub(crate) const PACKAGE_FACTS: &[&str] =
    &["$form_id", "$form_version", "$locale", "$created", "$idempotency_key", "$checksum"];

fn default_url() -> String {
    "api/submissions".into()
}
fn default_success() -> Vec<u16> {
    vec![200, 201, 202]
}
fn default_pointer() -> String {
    "/reference".into()
}
fn default_timeout() -> u32 {
    15_000
}
fn default_retry_base() -> u32 {
    2_000
}
fn default_retry_max() -> u32 {
    300_000
}

impl Default for SubmissionSettings {
    fn default() -> Self {
        SubmissionSettings {
            url: default_url(),
            method: Method::Post,
            headers: BTreeMap::new(),
            encoding: Encoding::Envelope,
            field_map: BTreeMap::new(),
            success_statuses: default_success(),
            reference_pointer: default_pointer(),
            timeout_ms: default_timeout(),
            retry_base_ms: default_retry_base(),
            retry_max_ms: default_retry_max(),
        }
    }
}

impl SubmissionSettings {
    /// These settings with the host page's overrides (`{"url": …, "headers": {…}, …}`, any
    /// subset of the same keys) laid over them: the embedding site decides where its citizens'
    /// applications go. Headers are merged; an override's unknown key is an error naming it.
    pub fn with_overrides(&self, overrides: &Value) -> Result<SubmissionSettings, String> {
        let Value::Object(overrides) = overrides else {
            return Err("submission overrides must be a JSON object".into());
        };
        let mut merged = serde_json::to_value(self).map_err(|e| e.to_string())?;
        for (key, value) in overrides {
            match (key.as_str(), merged.get_mut("headers")) {
                ("headers", Some(Value::Object(headers))) => match value {
                    Value::Object(extra) => headers.extend(extra.clone()),
                    _ => {
                        return Err(
                            "submission override \"headers\" must be an object of strings".into()
                        )
                    }
                },
                _ => {
                    if let Some(settings) = merged.as_object_mut() {
                        settings.insert(key.clone(), value.clone());
                    }
                }
            }
        }
        serde_json::from_value(merged).map_err(|e| format!("submission override: {e}"))
    }
}
