//! What every handler shares about HTTP: refusals as JSON problems, reading a request's
//! headers and body limits, and the names a request may carry (form ids, SHA-256s).

use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::json;

/// A JSON error body: `{"problem": code, "message": text}`.
pub(crate) fn problem(status: StatusCode, code: &str, message: impl Into<String>) -> Response {
    Refusal::new(status, code, message).into_response()
}

/// A refused request: its status and JSON body (small, unlike a `Response`).
pub(crate) struct Refusal {
    status: StatusCode,
    body: serde_json::Value,
}

impl Refusal {
    /// `{"problem": code, "message": text}`.
    pub fn new(status: StatusCode, code: &str, message: impl Into<String>) -> Self {
        Refusal { status, body: json!({"problem": code, "message": message.into()}) }
    }

    /// Any JSON body (which has a `problem` too).
    pub fn with(status: StatusCode, body: serde_json::Value) -> Self {
        Refusal { status, body }
    }
}

impl IntoResponse for Refusal {
    fn into_response(self) -> Response {
        (self.status, Json(self.body)).into_response()
    }
}

/// A request's media type, lower case, without parameters ("" when none is given).
pub(crate) fn media_type(headers: &HeaderMap) -> String {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map(|v| v.split(';').next().unwrap_or("").trim().to_ascii_lowercase())
        .unwrap_or_default()
}

/// Whether a request declares a body longer than `limit` bytes (refused before reading it).
pub(crate) fn declares_more_than(headers: &HeaderMap, limit: usize) -> bool {
    headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok())
        .is_some_and(|length| length > limit as u64)
}

/// Whether `error` (or what caused it) is a body over its length limit.
pub(crate) fn too_large(error: &(dyn std::error::Error + 'static)) -> bool {
    let mut current = Some(error);
    while let Some(e) = current {
        if e.is::<http_body_util::LengthLimitError>() {
            return true;
        }
        current = e.source();
    }
    false
}

/// Why a body could not be read, other than its size: it stalled longer than the read timeout
/// (408 `timeout`), or it was cut short or broken (400 `malformed`).
pub(crate) fn unreadable_body(error: &(dyn std::error::Error + 'static)) -> Refusal {
    if timed_out(error) {
        return Refusal::new(
            StatusCode::REQUEST_TIMEOUT,
            "timeout",
            "the body was sent too slowly and not read to its end; nothing was stored",
        );
    }
    Refusal::new(StatusCode::BAD_REQUEST, "malformed", "the body could not be read")
}

/// Whether reading a body stopped at the read timeout (`serve`'s `RequestBodyTimeoutLayer`).
pub(crate) fn timed_out(error: &(dyn std::error::Error + 'static)) -> bool {
    let mut current = Some(error);
    while let Some(e) = current {
        if e.is::<tower_http::timeout::TimeoutError>() {
            return true;
        }
        current = e.source();
    }
    false
}

/// Whether `text` is a SHA-256 in hex.
pub(crate) fn is_sha256_hex(text: &str) -> bool {
    text.len() == 64 && text.bytes().all(|b| b.is_ascii_hexdigit())
}

/// Whether `id` can name a form file (no paths).
pub(crate) fn is_form_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 100
        && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// At most the first 100 characters of `text`, to quote a bad input back without echoing a
/// whole body.
pub(crate) fn truncate(text: &str) -> String {
    text.chars().take(100).collect()
}
