//! Staff endpoints behind a bearer token: list submissions, read one package, download an
//! attached file, export a form's submissions as CSV or JSON. Disabled (404) without a token.

use crate::auth::same_secret;
use crate::csv::csv_cell;
use crate::http::{is_form_id, is_sha256_hex, problem};
use crate::report_export;
use crate::state::Receiver;
use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query, Request, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::middleware::{from_fn_with_state, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use onewindow_engine::Form;
use serde_json::{json, Value};
use std::collections::HashMap;
use std::sync::Arc;

type Params = Result<Query<HashMap<String, String>>, QueryRejection>;

pub(crate) fn routes(state: Arc<Receiver>) -> Router<Arc<Receiver>> {
    Router::new()
        .route("/api/staff/submissions", get(list))
        .route("/api/staff/submissions/{reference}", get(one))
        .route("/api/staff/submissions/{reference}/attachments/{sha256}", get(attachment))
        .route("/api/staff/export", get(export))
        .route("/api/staff/reports", get(reports))
        .route_layer(from_fn_with_state(state, guard))
}

/// Lets through requests with the configured bearer token; every answer is `no-store`.
async fn guard(State(receiver): State<Arc<Receiver>>, request: Request, next: Next) -> Response {
    let mut response = match &receiver.staff_token {
        None => problem(
            StatusCode::NOT_FOUND,
            "not_found",
            "the staff endpoints are disabled: no staff token is configured",
        ),
        Some(token) if authorized(request.headers(), token) => next.run(request).await,
        Some(_) => {
            let mut response = problem(
                StatusCode::UNAUTHORIZED,
                "unauthorized",
                "send Authorization: Bearer <staff token>",
            );
            response.headers_mut().insert(
                header::WWW_AUTHENTICATE,
                HeaderValue::from_static("Bearer realm=\"onewindow staff\""),
            );
            response
        }
    };
    response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

fn authorized(headers: &HeaderMap, token: &str) -> bool {
    let Some(value) = headers.get(header::AUTHORIZATION).and_then(|v| v.to_str().ok()) else {
        return false;
    };
    let Some((scheme, given)) = value.trim().split_once(' ') else {
        return false;
    };
    scheme.eq_ignore_ascii_case("bearer") && same_secret(given.trim(), token)
}

/// The submissions received, newest first.
#[utoipa::path(
    get,
    path = "/api/staff/submissions",
    tag = "staff",
    security(("staff_token" = [])),
    params(
        ("form" = Option<String>, Query, description = "Only this form's"),
        ("limit" = Option<i64>, Query, description = "At most this many (default 50, at most 1000)"),
        ("offset" = Option<i64>, Query, description = "After skipping this many"),
    ),
    responses(
        (status = 200, description = "A page of the listing", body = crate::schemas::Listing),
        (status = 400, description = "A parameter that is not what it should be", body = crate::schemas::Problem),
        (status = 401, description = "No or another bearer token (`unauthorized`)", body = crate::schemas::Problem),
        (status = 404, description = "Not found, or the staff endpoints are disabled (no token configured)", body = crate::schemas::Problem),
        (status = 503, description = "Storage is unavailable (`storage`)", body = crate::schemas::Problem),
    )
)]
pub(crate) async fn list(State(receiver): State<Arc<Receiver>>, params: Params) -> Response {
    let Ok(Query(params)) = params else {
        return bad_request("the query string cannot be read");
    };
    let number = |name: &'static str, default: i64, max: i64| match params.get(name) {
        None => Ok(default),
        Some(text) => text.parse::<i64>().ok().filter(|n| (0..=max).contains(n)).ok_or(name),
    };
    let (limit, offset) = match (number("limit", 50, 1000), number("offset", 0, i64::MAX)) {
        (Ok(limit), Ok(offset)) => (limit, offset),
        (Err(name), _) | (_, Err(name)) => {
            return bad_request(&format!("{name} must be a whole number (limit at most 1000)"))
        }
    };
    let form = params.get("form").map(String::as_str);
    if form.is_some_and(|id| !is_form_id(id)) {
        return bad_request("form must be a form id");
    }
    match receiver.store.list(form.map(str::to_string), limit, offset).await {
        Ok((submissions, total)) => Json(
            json!({"submissions": submissions, "total": total, "limit": limit, "offset": offset}),
        )
        .into_response(),
        Err(message) => storage(&message),
    }
}

/// The analytics reports: `format=json` (default, every report) or `format=csv&report=<name>`.
/// The departments' reports on ratings and journeys.
#[utoipa::path(
    get,
    path = "/api/staff/reports",
    tag = "staff",
    security(("staff_token" = [])),
    params(
        ("format" = Option<String>, Query, description = "`json` (default: every report) or `csv`"),
        ("report" = Option<String>, Query, description = "With format=csv: which report"),
    ),
    responses(
        (status = 200, description = "The reports (JSON), or one as CSV", content((Object = "application/json"), (String = "text/csv"))),
        (status = 400, description = "Another format", body = crate::schemas::Problem),
        (status = 401, description = "No or another bearer token (`unauthorized`)", body = crate::schemas::Problem),
        (status = 404, description = "Not found, or the staff endpoints are disabled (no token configured)", body = crate::schemas::Problem),
        (status = 503, description = "Storage is unavailable (`storage`)", body = crate::schemas::Problem),
    )
)]
pub(crate) async fn reports(State(receiver): State<Arc<Receiver>>, params: Params) -> Response {
    let Ok(Query(params)) = params else {
        return bad_request("the query string cannot be read");
    };
    let format = params.get("format").map(String::as_str).unwrap_or("json");
    report_export::export(&receiver, format, params.get("report").map(String::as_str)).await
}

/// One stored package, as received.
#[utoipa::path(
    get,
    path = "/api/staff/submissions/{reference}",
    tag = "staff",
    security(("staff_token" = [])),
    params(("reference" = String, Path, description = "OW-20261204-000042")),
    responses(
        (status = 200, description = "The package", body = crate::schemas::PackageBody),
        (status = 401, description = "No or another bearer token (`unauthorized`)", body = crate::schemas::Problem),
        (status = 404, description = "Not found, or the staff endpoints are disabled (no token configured)", body = crate::schemas::Problem),
        (status = 503, description = "Storage is unavailable (`storage`)", body = crate::schemas::Problem),
    )
)]
pub(crate) async fn one(
    State(receiver): State<Arc<Receiver>>,
    reference: Result<Path<String>, PathRejection>,
) -> Response {
    let Ok(Path(reference)) = reference else {
        return not_found("no such submission");
    };
    match receiver.store.package(reference).await {
        Ok(Some(package)) => {
            ([(header::CONTENT_TYPE, "application/json")], package).into_response()
        }
        Ok(None) => not_found("no such submission"),
        Err(message) => storage(&message),
    }
}

/// A file of a stored application, by its SHA-256; served with `Content-Security-Policy: sandbox`.
#[utoipa::path(
    get,
    path = "/api/staff/submissions/{reference}/attachments/{sha256}",
    tag = "staff",
    security(("staff_token" = [])),
    params(
        ("reference" = String, Path, description = "OW-20261204-000042"),
        ("sha256" = String, Path, description = "The file's SHA-256, hex"),
    ),
    responses(
        (status = 200, description = "The file, with its media type (or application/octet-stream) and name", content_type = "application/octet-stream"),
        (status = 401, description = "No or another bearer token (`unauthorized`)", body = crate::schemas::Problem),
        (status = 404, description = "Not found, or the staff endpoints are disabled (no token configured)", body = crate::schemas::Problem),
        (status = 503, description = "Storage is unavailable, or the file store lost or damaged the file (`storage`)", body = crate::schemas::Problem),
    )
)]
pub(crate) async fn attachment(
    State(receiver): State<Arc<Receiver>>,
    path: Result<Path<(String, String)>, PathRejection>,
) -> Response {
    let Ok(Path((reference, sha256))) = path else {
        return not_found("no such file");
    };
    if !is_sha256_hex(&sha256) {
        return not_found("no such file");
    }
    let sha256 = sha256.to_ascii_lowercase();
    let file = match receiver.store.file(reference, sha256.clone()).await {
        Ok(Some(file)) => file,
        Ok(None) => return not_found("no such file"),
        Err(message) => return storage(&message),
    };
    let content = match file.content {
        Some(content) => Ok(Some(content)),
        None => receiver.objects.get(&sha256).await,
    };
    match content {
        Ok(Some(content)) => (
            [
                (header::CONTENT_TYPE, safe_media_type(&file.media_type)),
                (header::CONTENT_DISPOSITION, content_disposition(&file.name)),
                // Never run what a citizen uploaded in the staff's origin.
                (header::CONTENT_SECURITY_POLICY, "sandbox".to_string()),
            ],
            content,
        )
            .into_response(),
        // Listed in the database but not in the file store: lost, not a client's mistake.
        Ok(None) => storage(&format!("the file {sha256} is missing from the file store")),
        Err(message) => storage(&message),
    }
}

/// Every submission of a form, oldest first, as CSV (a column per question) or JSON.
#[utoipa::path(
    get,
    path = "/api/staff/export",
    tag = "staff",
    security(("staff_token" = [])),
    params(
        ("form" = String, Query, description = "The form's id"),
        ("format" = Option<String>, Query, description = "`csv` (default) or `json`"),
    ),
    responses(
        (status = 200, description = "The export", content((String = "text/csv"), (Object = "application/json"))),
        (status = 400, description = "No form, or another format", body = crate::schemas::Problem),
        (status = 401, description = "No or another bearer token (`unauthorized`)", body = crate::schemas::Problem),
        (status = 404, description = "Not found, or the staff endpoints are disabled (no token configured)", body = crate::schemas::Problem),
        (status = 503, description = "Storage is unavailable (`storage`)", body = crate::schemas::Problem),
    )
)]
pub(crate) async fn export(State(receiver): State<Arc<Receiver>>, params: Params) -> Response {
    let Ok(Query(params)) = params else {
        return bad_request("the query string cannot be read");
    };
    let Some(form) = params.get("form").filter(|id| is_form_id(id)) else {
        return bad_request("form must be a form id (export?form=<id>&format=csv|json)");
    };
    let csv = match params.get("format").map(String::as_str) {
        None | Some("csv") => true,
        Some("json") => false,
        Some(_) => return bad_request("format must be csv or json"),
    };
    let rows = match receiver.store.rows(form.clone()).await {
        Ok(rows) => rows,
        Err(message) => return storage(&message),
    };
    let packages: Vec<Value> =
        rows.iter().map(|row| serde_json::from_str(&row.package).unwrap_or(Value::Null)).collect();
    if !csv {
        let submissions: Vec<Value> = rows
            .iter()
            .zip(packages)
            .map(|(row, package)| {
                json!({
                    "reference": row.reference,
                    "received_at": row.received_at,
                    "form_version": row.form_version,
                    "idempotency_key": row.idempotency_key,
                    "package": package,
                })
            })
            .collect();
        let mut response = Json(json!({"form": form, "submissions": submissions})).into_response();
        response
            .headers_mut()
            .insert(header::CONTENT_DISPOSITION, download(&format!("{form}-submissions.json")));
        return response;
    }
    // One column per answer key, in the order of the form's questions where it still has them.
    let order: Vec<String> =
        std::fs::read_to_string(receiver.forms.dir().join(format!("{form}.json")))
            .ok()
            .and_then(|text| serde_json::from_str::<Form>(&text).ok())
            .map(|definition| definition.fields().map(|(_, field)| field.id.clone()).collect())
            .unwrap_or_default();
    let flat: Vec<Vec<(String, String)>> = packages
        .iter()
        .map(|package| {
            let mut cells = Vec::new();
            if let Some(answers) = package.get("answers").and_then(Value::as_object) {
                for (key, value) in answers {
                    flatten(key.clone(), value, &mut cells);
                }
            }
            cells
        })
        .collect();
    let mut columns: Vec<&str> = flat.iter().flatten().map(|(key, _)| key.as_str()).collect();
    let rank = |key: &str| {
        let top = key.split('.').next().unwrap_or(key);
        order.iter().position(|id| id == top).unwrap_or(usize::MAX)
    };
    columns.sort_by(|a, b| (rank(a), *a).cmp(&(rank(b), *b)));
    columns.dedup();
    let mut out = String::from("\u{feff}");
    let fixed = ["reference", "received_at", "form_version", "locale"];
    let header: Vec<String> =
        fixed.iter().copied().chain(columns.iter().copied()).map(csv_cell).collect();
    out.push_str(&header.join(","));
    out.push_str("\r\n");
    for ((row, package), cells) in rows.iter().zip(&packages).zip(&flat) {
        let cells: HashMap<&str, &str> =
            cells.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        let locale = package.get("locale").and_then(Value::as_str).unwrap_or("");
        let line: Vec<String> =
            [row.reference.as_str(), &row.received_at, &row.form_version, locale]
                .into_iter()
                .chain(columns.iter().map(|c| cells.get(c).copied().unwrap_or("")))
                .map(csv_cell)
                .collect();
        out.push_str(&line.join(","));
        out.push_str("\r\n");
    }
    (
        [
            (header::CONTENT_TYPE, HeaderValue::from_static("text/csv; charset=utf-8")),
            (header::CONTENT_DISPOSITION, download(&format!("{form}-submissions.csv"))),
        ],
        out,
    )
        .into_response()
}

/// Nested objects become dotted keys; arrays one cell joined with `; ` (files by their names).
fn flatten(key: String, value: &Value, out: &mut Vec<(String, String)>) {
    match value {
        Value::Object(map) if !map.is_empty() => {
            for (sub, value) in map {
                flatten(format!("{key}.{sub}"), value, out);
            }
        }
        Value::Array(items) => {
            out.push((key, items.iter().map(item_text).collect::<Vec<_>>().join("; ")))
        }
        other => out.push((key, item_text(other))),
    }
}

fn item_text(value: &Value) -> String {
    match value {
        Value::Null => String::new(),
        Value::String(text) => text.clone(),
        Value::Object(map) if map.get("name").is_some_and(Value::is_string) => {
            map["name"].as_str().unwrap_or("").to_string()
        }
        Value::Object(map) if map.is_empty() => String::new(),
        other => other.to_string(),
    }
}

/// `attachment` with an ASCII `filename` and the exact name as RFC 5987 `filename*`.
pub(crate) fn content_disposition(name: &str) -> String {
    let plain: String = name
        .chars()
        .map(|c| {
            if (c.is_ascii_graphic() || c == ' ') && !matches!(c, '"' | '\\' | '/' | '%') {
                c
            } else {
                '_'
            }
        })
        .collect();
    let plain = plain.trim();
    if plain.is_empty() {
        return "attachment".to_string();
    }
    let encoded: String = name
        .replace(['/', '\\'], "_")
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"!#$&+-.^_`|~".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect();
    format!("attachment; filename=\"{plain}\"; filename*=UTF-8''{encoded}")
}

fn download(name: &str) -> HeaderValue {
    HeaderValue::from_str(&content_disposition(name))
        .unwrap_or(HeaderValue::from_static("attachment"))
}

/// The stored media type when it is a plain `type/subtype`, else `application/octet-stream`.
fn safe_media_type(media_type: &str) -> String {
    let token = |part: &str| {
        !part.is_empty()
            && part.bytes().all(|b| b.is_ascii_alphanumeric() || b"!#$&^_.+-".contains(&b))
    };
    match media_type.trim().split_once('/') {
        Some((kind, sub)) if token(kind) && token(sub) => media_type.trim().to_ascii_lowercase(),
        _ => "application/octet-stream".to_string(),
    }
}

fn bad_request(message: &str) -> Response {
    problem(StatusCode::BAD_REQUEST, "bad_request", message)
}

fn not_found(message: &str) -> Response {
    problem(StatusCode::NOT_FOUND, "not_found", message)
}

fn storage(message: &str) -> Response {
    eprintln!("onewindow: storage failed: {message}");
    problem(
        StatusCode::SERVICE_UNAVAILABLE,
        "storage",
        "the database cannot be read; try again later",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_flatten_to_dotted_keys_and_joined_lists() {
        let mut cells = Vec::new();
        let value = json!({"street": "1 Road", "when": {"day": "1", "year": 2024}, "empty": {}, "none": null});
        flatten("address".into(), &value, &mut cells);
        flatten("basis".into(), &json!(["residence", "study"]), &mut cells);
        flatten(
            "files".into(),
            &json!([{"name": "a.pdf", "size": 1}, {"name": "b.png"}]),
            &mut cells,
        );
        flatten("agreed".into(), &json!(true), &mut cells);
        flatten("count".into(), &json!(3), &mut cells);
        flatten("rows".into(), &json!([{"x": 1}]), &mut cells);
        let cells: Vec<(&str, &str)> =
            cells.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        assert_eq!(
            cells,
            [
                ("address.empty", ""),
                ("address.none", ""),
                ("address.street", "1 Road"),
                ("address.when.day", "1"),
                ("address.when.year", "2024"),
                ("basis", "residence; study"),
                ("files", "a.pdf; b.png"),
                ("agreed", "true"),
                ("count", "3"),
                ("rows", "{\"x\":1}"),
            ]
        );
    }

    #[test]
    fn file_names_are_escaped_for_content_disposition() {
        assert_eq!(
            content_disposition("photo.jpg"),
            "attachment; filename=\"photo.jpg\"; filename*=UTF-8''photo.jpg"
        );
        assert_eq!(
            content_disposition("照片.jpg"),
            "attachment; filename=\"__.jpg\"; filename*=UTF-8''%E7%85%A7%E7%89%87.jpg"
        );
        assert_eq!(
            content_disposition("a\"b\\c/d\r\n.pdf"),
            "attachment; filename=\"a_b_c_d__.pdf\"; filename*=UTF-8''a%22b_c_d%0D%0A.pdf"
        );
        assert_eq!(
            content_disposition("100%.txt"),
            "attachment; filename=\"100_.txt\"; filename*=UTF-8''100%25.txt"
        );
        assert_eq!(content_disposition(""), "attachment");
        for name in ["照片.jpg", "a\"b\\c/d\r\n.pdf", "\u{0}\u{7f}é"] {
            assert!(HeaderValue::from_str(&content_disposition(name)).is_ok(), "{name:?}");
        }
    }

    #[test]
    fn only_plain_media_types_are_sent_back() {
        assert_eq!(safe_media_type("image/png"), "image/png");
        assert_eq!(safe_media_type("Application/PDF"), "application/pdf");
        assert_eq!(
            safe_media_type(
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            ),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        );
        for bad in
            ["", "text", "text/html; charset=utf-8", "a/b/c", "image/png\r\nX-Evil: 1", "/png"]
        {
            assert_eq!(safe_media_type(bad), "application/octet-stream", "{bad:?}");
        }
    }
}
