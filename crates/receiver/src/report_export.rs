//! The reports as a download: all of them as JSON, or one as CSV. The dashboard's links (after
//! signing in) and the staff API (`/api/staff/reports`, with the bearer token) both serve them.

use crate::http::problem;
use crate::reports::{self, Reports, CSV_REPORTS};
use crate::state::Receiver;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};

/// The reports as JSON, or one as CSV (also behind the bearer token at `/api/staff/reports`).
pub(crate) async fn export(receiver: &Receiver, format: &str, report: Option<&str>) -> Response {
    let reports = match stored_reports(receiver).await {
        Ok(reports) => reports,
        Err(message) => {
            eprintln!("onewindow: storage failed: {message}");
            return problem(
                StatusCode::SERVICE_UNAVAILABLE,
                "storage",
                "the database cannot be read; try again later",
            );
        }
    };
    let mut response = match (format, report) {
        ("json", _) => {
            let mut response = axum::Json(&reports).into_response();
            response.headers_mut().insert(
                header::CONTENT_DISPOSITION,
                HeaderValue::from_static("attachment; filename=\"onewindow-reports.json\""),
            );
            response
        }
        ("csv", Some(name)) => match reports::csv(&reports, name) {
            Some(text) => {
                let disposition = format!("attachment; filename=\"onewindow-{name}.csv\"");
                let mut response =
                    ([(header::CONTENT_TYPE, "text/csv; charset=utf-8")], text).into_response();
                if let Ok(value) = HeaderValue::from_str(&disposition) {
                    response.headers_mut().insert(header::CONTENT_DISPOSITION, value);
                }
                response
            }
            None => problem(
                StatusCode::NOT_FOUND,
                "not_found",
                format!("the CSV reports are {}", CSV_REPORTS.join(", ")),
            ),
        },
        _ => problem(
            StatusCode::BAD_REQUEST,
            "bad_request",
            format!("format must be json, or csv with report={}", CSV_REPORTS.join("|")),
        ),
    };
    response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// The reports on what is stored now.
pub(crate) async fn stored_reports(receiver: &Receiver) -> Result<Reports, String> {
    let ratings = receiver.store.ratings().await?;
    let counts = receiver.store.counts().await?;
    let forms = receiver.forms.dir().to_path_buf();
    // Reading the published forms is file IO: on a blocking thread.
    tokio::task::spawn_blocking(move || reports::build(&ratings, &counts, &forms))
        .await
        .map_err(|e| format!("the reports could not be worked out: {e}"))
}
