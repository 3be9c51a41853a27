//! `POST /api/ratings` (one rating per case) and `POST /api/events` (a batch of analytics
//! events, kept only as counts). The engine checks both (`onewindow_engine::analytics`); this
//! module reads the request and stores what was accepted.

use crate::http::{declares_more_than, media_type, problem, too_large, unreadable_body, Refusal};
use crate::state::Receiver;
use crate::store::RatingStored;
use axum::extract::{Request, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use onewindow_engine::analytics::{
    check_events, check_rating, unknown_in_events, EventBatch, Problem, Rating,
};
use serde::de::DeserializeOwned;
use serde_json::json;
use std::sync::Arc;

/// Largest rating body accepted.
pub const MAX_RATING_BYTES: usize = 16 * 1024;
/// Largest event batch body accepted.
pub const MAX_EVENTS_BYTES: usize = 64 * 1024;

/// Receives a rating (好差评): one per case, proven with the case's rating token.
#[utoipa::path(
    post,
    path = "/api/ratings",
    tag = "citizens",
    request_body(content = crate::schemas::RatingBody, content_type = "application/json", description = "The rating (text/plain with the same JSON is read too: what sendBeacon sends)"),
    responses(
        (status = 201, description = "Stored", body = crate::schemas::RatingReply),
        (status = 200, description = "A repeat of a stored rating (same id)", body = crate::schemas::RatingReply),
        (status = 400, description = "The body cannot be read", body = crate::schemas::Problem),
        (status = 403, description = "The rating does not prove its case (`case_token`), or comes from another site's page (`origin_not_allowed`)", body = crate::schemas::Problem),
        (status = 408, description = "The request was not read in time (`timeout`)", body = crate::schemas::Problem),
        (status = 409, description = "The case is rated already (`already_rated`)", body = crate::schemas::Problem),
        (status = 413, description = "Over 16 KiB", body = crate::schemas::Problem),
        (status = 415, description = "Not JSON", body = crate::schemas::Problem),
        (status = 422, description = "Not a valid rating (`invalid`)", body = crate::schemas::Problem),
        (status = 429, description = "Too many from this client (`rate_limited`)", body = crate::schemas::Problem),
        (status = 503, description = "Storage is unavailable (`storage`)", body = crate::schemas::Problem),
    )
)]
pub(crate) async fn rate(State(receiver): State<Arc<Receiver>>, request: Request) -> Response {
    let rating: Rating = match read(request, MAX_RATING_BYTES, "a rating").await {
        Ok(rating) => rating,
        Err(refused) => return refused.into_response(),
    };
    let problems = check_rating(&rating);
    if !problems.is_empty() {
        return invalid(&problems);
    }
    let stored = receiver.store.store_rating(rating.clone()).await;
    // Only the status and the service: never the comment.
    eprintln!(
        "onewindow: rating service={} level={} {:?}",
        rating.service,
        rating.level,
        stored.as_ref().map_err(|_| "failed")
    );
    match stored {
        Ok(RatingStored::New) => {
            (StatusCode::CREATED, Json(json!({"id": rating.id, "duplicate": false})))
                .into_response()
        }
        Ok(RatingStored::Repeat) => {
            (StatusCode::OK, Json(json!({"id": rating.id, "duplicate": true}))).into_response()
        }
        Ok(RatingStored::CaseRated) => problem(
            StatusCode::CONFLICT,
            "already_rated",
            "this case has already been rated; each case is rated once",
        ),
        // One answer for both, so that a reference cannot be probed by rating it.
        Ok(RatingStored::UnknownCase | RatingStored::WrongToken) => problem(
            StatusCode::FORBIDDEN,
            "case_token",
            "this rating does not prove its case: case_token must be the rating_token the receiver gave with case_reference",
        ),
        Err(message) => {
            eprintln!("onewindow: storage failed: {message}");
            problem(
                StatusCode::SERVICE_UNAVAILABLE,
                "storage",
                "the rating could not be stored; send it again later",
            )
        }
    }
}

/// Receives a batch of analytics events, kept only as counts per day.
#[utoipa::path(
    post,
    path = "/api/events",
    tag = "citizens",
    request_body(content = crate::schemas::EventBatchBody, content_type = "application/json", description = "The batch (text/plain with the same JSON is read too)"),
    responses(
        (status = 204, description = "Counted"),
        (status = 400, description = "The body cannot be read", body = crate::schemas::Problem),
        (status = 403, description = "From another site's page that is not an allowed origin (`origin_not_allowed`)", body = crate::schemas::Problem),
        (status = 408, description = "The request was not read in time (`timeout`)", body = crate::schemas::Problem),
        (status = 413, description = "Over 64 KiB", body = crate::schemas::Problem),
        (status = 415, description = "Not JSON", body = crate::schemas::Problem),
        (status = 422, description = "Not a valid batch, or it names forms or services that are not published (`invalid`)", body = crate::schemas::Problem),
        (status = 429, description = "Too many from this client (`rate_limited`)", body = crate::schemas::Problem),
        (status = 503, description = "Storage is unavailable (`storage`)", body = crate::schemas::Problem),
    )
)]
pub(crate) async fn events(State(receiver): State<Arc<Receiver>>, request: Request) -> Response {
    let batch: EventBatch = match read(request, MAX_EVENTS_BYTES, "an event batch").await {
        Ok(batch) => batch,
        Err(refused) => return refused.into_response(),
    };
    let problems = check_events(&batch);
    if !problems.is_empty() {
        return invalid(&problems);
    }
    // The forms the events name, as published now (one that cannot be loaded is unknown).
    let mut published = std::collections::HashMap::new();
    for event in &batch.events {
        let form = event.place().0;
        if !form.is_empty() && !published.contains_key(form) {
            if let Ok(model) = receiver.forms.model(form) {
                published.insert(form.to_string(), model);
            }
        }
    }
    let unknown = unknown_in_events(&batch, |form| published.get(form).map(|m| &**m));
    if !unknown.is_empty() {
        return invalid(&unknown);
    }
    match receiver.store.count_events(&batch).await {
        Ok(()) => StatusCode::NO_CONTENT.into_response(),
        Err(message) => {
            eprintln!("onewindow: storage failed: {message}");
            problem(StatusCode::SERVICE_UNAVAILABLE, "storage", "the events could not be stored")
        }
    }
}

/// Reads a JSON body of at most `limit` bytes. `text/plain` is accepted too: that is what
/// `navigator.sendBeacon` sends without a CORS preflight.
async fn read<T: DeserializeOwned>(
    request: Request,
    limit: usize,
    what: &str,
) -> Result<T, Refusal> {
    let media_type = media_type(request.headers());
    if media_type != "application/json" && media_type != "text/plain" {
        return Err(Refusal::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
            format!("send {what} as application/json"),
        ));
    }
    if declares_more_than(request.headers(), limit) {
        return Err(Refusal::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "too_large",
            format!("{what} is larger than {limit} bytes"),
        ));
    }
    let bytes = match axum::body::to_bytes(request.into_body(), limit).await {
        Ok(bytes) => bytes,
        Err(e) if too_large(&e) => {
            return Err(Refusal::new(
                StatusCode::PAYLOAD_TOO_LARGE,
                "too_large",
                format!("{what} is larger than {limit} bytes"),
            ))
        }
        Err(e) => return Err(unreadable_body(&e)),
    };
    serde_json::from_slice(&bytes)
        .map_err(|e| Refusal::new(StatusCode::BAD_REQUEST, "malformed", format!("not {what}: {e}")))
}

/// 422 with every problem: `{"problem": "invalid", "problems": [{"pointer", "rule", "message"}]}`.
fn invalid(problems: &[Problem]) -> Response {
    Refusal::with(
        StatusCode::UNPROCESSABLE_ENTITY,
        json!({"problem": "invalid", "message": "see problems", "problems": problems}),
    )
    .into_response()
}
