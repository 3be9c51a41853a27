//! Sending a package to any backend: the definition's submission settings (overridable by the
//! host page), the request they describe, what a reply means, and when to try again. All of
//! it pure, so the browser, the embed and the tests agree; the IO layer only moves bytes.

use crate::model::{typed_value, FormModel};
use crate::package::Package;
use crate::validate::FieldError;
use crate::{PageError, Severity};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
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
                    merged[key] = value.clone();
                }
            }
        }
        serde_json::from_value(merged).map_err(|e| format!("submission override: {e}"))
    }
}

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
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
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

/// What a backend's reply means for the application.
#[derive(Clone, Debug, PartialEq)]
pub enum Delivery {
    /// Received. The backend's reference when its reply has one.
    Delivered {
        /// The backend's reference, if its reply carries one where the settings say.
        reference: Option<String>,
    },
    /// Not received this time (server trouble, overload, timeout): try again, no sooner than
    /// `after_ms` when the backend said so (`Retry-After`).
    Retry {
        /// The backend's requested wait in ms.
        after_ms: Option<u64>,
    },
    /// The backend refused some answers: show them on their pages.
    Refused {
        /// The errors, each with its page.
        errors: Vec<PageError>,
    },
    /// The backend refuses the application for good (another form version, a client error):
    /// it stays on the device for the citizen to download or hand in.
    Rejected {
        /// Why, for the citizen and the department.
        message: String,
    },
}

/// Whether a reply with `status` may succeed when sent again later: a timeout, too early, too
/// many requests, or the server failing. Every other refusal is final. One rule for
/// applications and ratings alike.
pub fn is_transient(status: u16) -> bool {
    matches!(status, 408 | 425 | 429 | 500..=599)
}

/// Interprets a reply: `status`, its `Retry-After` header if any, its body, and the time now
/// (ms since the Unix epoch, for a `Retry-After` date).
pub fn classify_reply(
    settings: &SubmissionSettings,
    status: u16,
    retry_after: Option<&str>,
    body: &str,
    now_ms: u64,
) -> Delivery {
    let json: Value = serde_json::from_str(body).unwrap_or(Value::Null);
    if settings.success_statuses.contains(&status) {
        let reference = json.pointer(&settings.reference_pointer).and_then(|r| match r {
            Value::String(s) if !s.is_empty() => Some(s.clone()),
            Value::Number(n) => Some(n.to_string()),
            _ => None,
        });
        return Delivery::Delivered { reference };
    }
    match status {
        _ if is_transient(status) => {
            Delivery::Retry { after_ms: retry_after.and_then(|v| parse_retry_after(v, now_ms)) }
        }
        400 | 422 if json.get("problem").and_then(Value::as_str) == Some("invalid") => {
            let errors: Vec<PageError> = json
                .get("errors")
                .and_then(Value::as_array)
                .map(|list| list.iter().filter_map(page_error).collect())
                .unwrap_or_default();
            if errors.is_empty() {
                Delivery::Rejected {
                    message: format!("HTTP {status}: the service refused the answers"),
                }
            } else {
                Delivery::Refused { errors }
            }
        }
        _ => {
            let detail = json
                .get("message")
                .or_else(|| json.get("error"))
                .and_then(Value::as_str)
                .map(|m| format!(": {m}"))
                .unwrap_or_default();
            Delivery::Rejected { message: format!("HTTP {status}{detail}") }
        }
    }
}

/// The reference receiver's error in the engine's shape.
fn page_error(value: &Value) -> Option<PageError> {
    let text = |k: &str| value.get(k).and_then(Value::as_str).map(str::to_string);
    Some(PageError {
        page: text("page")?,
        error: FieldError {
            field: text("field")?,
            part: text("part"),
            rule: text("rule").unwrap_or_default(),
            message: text("message")?,
            severity: Severity::Error,
        },
    })
}

/// `Retry-After` as ms from now: delay-seconds or an HTTP date (IMF-fixdate).
pub fn parse_retry_after(value: &str, now_ms: u64) -> Option<u64> {
    let value = value.trim();
    if let Ok(seconds) = value.parse::<u64>() {
        return Some(seconds.saturating_mul(1000));
    }
    // "Sun, 06 Nov 1994 08:49:37 GMT"
    let mut parts = value.split([' ', ':']).filter(|p| !p.is_empty()).skip(1);
    let day: u8 = parts.next()?.parse().ok()?;
    let month = match parts.next()? {
        "Jan" => 1,
        "Feb" => 2,
        "Mar" => 3,
        "Apr" => 4,
        "May" => 5,
        "Jun" => 6,
        "Jul" => 7,
        "Aug" => 8,
        "Sep" => 9,
        "Oct" => 10,
        "Nov" => 11,
        "Dec" => 12,
        _ => return None,
    };
    let year: i32 = parts.next()?.parse().ok()?;
    let (h, m, s): (u64, u64, u64) =
        (parts.next()?.parse().ok()?, parts.next()?.parse().ok()?, parts.next()?.parse().ok()?);
    if parts.next()? != "GMT" || h > 23 || m > 59 || s > 60 {
        return None;
    }
    let days =
        u64::try_from(crate::formats::Date::new(year, month, day)?.days_since_epoch()).ok()?;
    let at_ms = ((days * 24 + h) * 60 + m) * 60_000 + s * 1000;
    Some(at_ms.saturating_sub(now_ms))
}

/// How long to wait before attempt `failures + 1`: exponential from `retry_base_ms`, capped at
/// `retry_max_ms`, with jitter (`random` in 0..1, so many devices coming back online do not
/// retry in step), and never sooner than the backend asked.
pub fn retry_delay_ms(
    settings: &SubmissionSettings,
    failures: u32,
    random: f64,
    retry_after_ms: Option<u64>,
) -> u64 {
    let base = u64::from(settings.retry_base_ms.max(1));
    let cap = u64::from(settings.retry_max_ms.max(settings.retry_base_ms).max(1));
    let exponential = base.saturating_mul(1u64 << failures.saturating_sub(1).min(32)).min(cap);
    let jittered = (exponential as f64 * (0.5 + random.clamp(0.0, 1.0) / 2.0)) as u64;
    jittered.max(retry_after_ms.unwrap_or(0))
}

/// An application waiting on the device to be delivered: kept until the backend has it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OutboxEntry {
    /// The package, exactly as first made (same key and checksum on every attempt).
    pub package: Package,
    /// The form's title when it was queued, for the list of waiting applications.
    pub title: String,
    /// Where and how to send it.
    pub settings: SubmissionSettings,
    /// The request, made once from the package and the settings.
    pub request: OutgoingRequest,
    /// Failed attempts so far.
    pub failures: u32,
    /// Not before this time (ms since the Unix epoch).
    pub next_attempt_ms: u64,
    /// Why the last attempt failed, if it did.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_error: Option<String>,
    /// Set when the backend refused it for good: no more automatic attempts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rejected: Option<String>,
}

impl OutboxEntry {
    /// A new entry for `package` of `model`, due at once.
    pub fn new(
        model: &FormModel,
        package: Package,
        title: String,
        settings: SubmissionSettings,
        now_ms: u64,
    ) -> Self {
        let request = model.request(&package, &settings);
        OutboxEntry {
            package,
            title,
            settings,
            request,
            failures: 0,
            next_attempt_ms: now_ms,
            last_error: None,
            rejected: None,
        }
    }

    /// Whether it should be attempted at `now_ms`.
    pub fn is_due(&self, now_ms: u64) -> bool {
        self.rejected.is_none() && self.next_attempt_ms <= now_ms
    }

    /// Records a failed attempt and schedules the next.
    pub fn failed(&mut self, why: String, retry_after_ms: Option<u64>, now_ms: u64, random: f64) {
        self.failures = self.failures.saturating_add(1);
        self.next_attempt_ms = now_ms.saturating_add(retry_delay_ms(
            &self.settings,
            self.failures,
            random,
            retry_after_ms,
        ));
        self.last_error = Some(why);
    }

    /// A short receipt the citizen can quote before the backend's reference exists.
    pub fn receipt(&self) -> String {
        local_receipt(&self.package.idempotency_key)
    }
}

/// The first 8 characters of the idempotency key, upper case: what a citizen can read out.
pub fn local_receipt(key: &str) -> String {
    key.chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .take(8)
        .collect::<String>()
        .to_ascii_uppercase()
}
