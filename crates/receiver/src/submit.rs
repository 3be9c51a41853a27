//! `POST /api/submissions`: a package as JSON, or as the `package` part of a multipart body
//! with one part per attached file (named by the file's SHA-256). The engine decides whether
//! the package is acceptable; this module only reads the request, checks the files against the
//! package's descriptions and stores what was accepted.

use crate::forms::FormError;
use crate::http::{
    declares_more_than, is_form_id, is_sha256_hex, media_type, timed_out, too_large, truncate,
    unreadable_body, Refusal,
};
use crate::state::Receiver;
use crate::store::{NewFile, Stored};
use axum::extract::{FromRequest, Multipart, Request, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use onewindow_engine::formats::content_matches;
use onewindow_engine::{sha256_hex, Attachment, Package, PackageProblem};
use serde_json::json;
use std::sync::Arc;

/// Largest package accepted (answers and file descriptions), alone or as the `package` part.
pub const MAX_PACKAGE_BYTES: usize = 2 * 1024 * 1024;

/// A file part as received.
struct FilePart {
    /// The part's name, lower-cased: the SHA-256 the package lists for it.
    sha256: String,
    content: Vec<u8>,
}

/// Receives one application and revalidates it with the engine against the form as published
/// now; each idempotency key is stored once (keys compare in any case).
#[utoipa::path(
    post,
    path = "/api/submissions",
    tag = "citizens",
    request_body(
        description = "The package as JSON, or multipart/form-data with the package in a part named `package` and each file in a part named by its SHA-256",
        content(
            (crate::schemas::PackageBody = "application/json"),
            (crate::schemas::PackageWithFiles = "multipart/form-data"),
        )
    ),
    params(("Idempotency-Key" = Option<String>, Header, description = "If sent, must equal the package's idempotency_key")),
    responses(
        (status = 201, description = "Stored under a new reference", body = crate::schemas::SubmissionReply),
        (status = 200, description = "A repeat of a stored application (same key, same content): nothing stored again", body = crate::schemas::SubmissionReply),
        (status = 400, description = "The body cannot be read, or the Idempotency-Key header differs", body = crate::schemas::Problem),
        (status = 403, description = "Posted from another site's page that is not an allowed origin (`origin_not_allowed`)", body = crate::schemas::Problem),
        (status = 408, description = "The request was not read in time (`timeout`)", body = crate::schemas::Problem),
        (status = 409, description = "The key was used before for other content (`idempotency_key_reused`), or the package is of another form version", body = crate::schemas::Problem),
        (status = 413, description = "Over the body or the package limit (`too_large`)", body = crate::schemas::Problem),
        (status = 415, description = "Neither JSON nor multipart/form-data", body = crate::schemas::Problem),
        (status = 422, description = "Not valid for the published form (`invalid`, each error with its JSON path), a file that does not match its description (`attachment_mismatch`), or an unknown form", body = crate::schemas::Problem),
        (status = 429, description = "Too many from this client (`rate_limited`); see Retry-After", body = crate::schemas::Problem),
        (status = 503, description = "Storage or the form is unavailable (`storage`, `form_unavailable`): send again later", body = crate::schemas::Problem),
    )
)]
pub(crate) async fn submit(State(receiver): State<Arc<Receiver>>, request: Request) -> Response {
    let (response, form) = receive(&receiver, request).await;
    // Only the status, the form and the reference: never answers.
    let reference = response.extensions().get::<Reference>().map(|r| r.0.clone());
    eprintln!(
        "onewindow: submission {} form={} reference={}",
        response.status().as_u16(),
        form.as_deref().filter(|id| is_form_id(id)).unwrap_or("-"),
        reference.as_deref().unwrap_or("-"),
    );
    response
}

/// The reference given, kept on the response for the log line.
#[derive(Clone)]
struct Reference(String);

/// The response, and the form id the package names when it could be read.
async fn receive(receiver: &Receiver, request: Request) -> (Response, Option<String>) {
    let headers = request.headers().clone();
    if declares_more_than(&headers, receiver.max_body_bytes) {
        return (body_too_large(receiver.max_body_bytes).into_response(), None);
    }
    let read = match media_type(&headers).as_str() {
        "application/json" => read_json(receiver, request).await.map(|package| (package, Vec::new())),
        "multipart/form-data" => read_multipart(request).await,
        _ => Err(Refusal::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
            "send the package as application/json, or as multipart/form-data with a part named \"package\"",
        )),
    };
    match read {
        Ok((package, files)) => (
            accept(receiver, &headers, &package, files)
                .await
                .unwrap_or_else(IntoResponse::into_response),
            Some(package.form_id),
        ),
        Err(refused) => (refused.into_response(), None),
    }
}

async fn read_json(receiver: &Receiver, request: Request) -> Result<Package, Refusal> {
    let limit = MAX_PACKAGE_BYTES.min(receiver.max_body_bytes);
    let bytes = match axum::body::to_bytes(request.into_body(), limit).await {
        Ok(bytes) => bytes,
        Err(e) if too_large(&e) => return Err(package_too_large(limit)),
        Err(e) => return Err(unreadable_body(&e)),
    };
    parse_package(&bytes)
}

async fn read_multipart(request: Request) -> Result<(Package, Vec<FilePart>), Refusal> {
    // The route's DefaultBodyLimit bounds the whole body here (413 past it).
    let mut multipart = Multipart::from_request(request, &()).await.map_err(|rejection| {
        Refusal::new(StatusCode::BAD_REQUEST, "malformed", rejection.body_text())
    })?;
    let mut package: Option<Vec<u8>> = None;
    let mut files: Vec<FilePart> = Vec::new();
    loop {
        let mut field = match multipart.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) => break,
            Err(e) => return Err(multipart_error(&e)),
        };
        let name = field.name().unwrap_or("").to_string();
        if name == "package" {
            if package.is_some() {
                return Err(Refusal::new(
                    StatusCode::BAD_REQUEST,
                    "malformed",
                    "more than one part is named \"package\"",
                ));
            }
            let mut bytes = Vec::new();
            loop {
                match field.chunk().await {
                    Ok(Some(chunk)) if bytes.len() + chunk.len() > MAX_PACKAGE_BYTES => {
                        return Err(package_too_large(MAX_PACKAGE_BYTES))
                    }
                    Ok(Some(chunk)) => bytes.extend_from_slice(&chunk),
                    Ok(None) => break,
                    Err(e) => return Err(multipart_error(&e)),
                }
            }
            package = Some(bytes);
        } else if is_sha256_hex(&name) {
            let sha256 = name.to_ascii_lowercase();
            if files.iter().any(|f| f.sha256 == sha256) {
                return Err(Refusal::new(
                    StatusCode::BAD_REQUEST,
                    "malformed",
                    format!("more than one part is named {sha256}"),
                ));
            }
            let content = field.bytes().await.map_err(|e| multipart_error(&e))?.to_vec();
            files.push(FilePart { sha256, content });
        } else {
            return Err(unknown_part(&name));
        }
    }
    let Some(package) = package else {
        return Err(Refusal::new(
            StatusCode::BAD_REQUEST,
            "malformed",
            "the multipart body has no part named \"package\"",
        ));
    };
    Ok((parse_package(&package)?, files))
}

fn parse_package(bytes: &[u8]) -> Result<Package, Refusal> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(Refusal::new(StatusCode::BAD_REQUEST, "malformed", "the package is empty"));
    }
    serde_json::from_slice(bytes).map_err(|e| {
        Refusal::new(StatusCode::BAD_REQUEST, "malformed", format!("not a submission package: {e}"))
    })
}

/// Everything after reading: the header, the files' names, the engine's check, the files'
/// contents, storage.
async fn accept(
    receiver: &Receiver,
    headers: &HeaderMap,
    package: &Package,
    files: Vec<FilePart>,
) -> Result<Response, Refusal> {
    if let Some(value) = headers.get("idempotency-key") {
        let matches = value
            .to_str()
            .is_ok_and(|key| key.trim().eq_ignore_ascii_case(&package.idempotency_key));
        if !matches {
            return Err(Refusal::new(
                StatusCode::BAD_REQUEST,
                "idempotency_key_mismatch",
                "the Idempotency-Key header differs from the package's idempotency_key",
            ));
        }
    }
    if let Some(file) = files.iter().find(|f| listed(package, &f.sha256).next().is_none()) {
        return Err(unknown_part(&file.sha256));
    }
    let model = match receiver.forms.model(&package.form_id) {
        Ok(model) => model,
        Err(FormError::Unknown(message)) => {
            return Err(Refusal::new(StatusCode::UNPROCESSABLE_ENTITY, "unknown_form", message))
        }
        Err(FormError::Unavailable { file, message }) => {
            eprintln!("onewindow: cannot load {file}: {message}");
            let message = format!("{file} cannot be loaded on the server; try again later");
            return Err(Refusal::with(
                StatusCode::SERVICE_UNAVAILABLE,
                json!({"problem": "form_unavailable", "file": file, "message": message}),
            ));
        }
    };
    if let Err(refused) = model.check_package_at(package, made_at(package)) {
        let status = match refused {
            PackageProblem::WrongForm { .. } => StatusCode::CONFLICT,
            _ => StatusCode::UNPROCESSABLE_ENTITY,
        };
        return Err(Refusal::with(status, serde_json::to_value(&refused).unwrap_or_default()));
    }
    let mut stored = Vec::with_capacity(files.len());
    for file in files {
        let actual = sha256_hex(&file.content);
        for attachment in listed(package, &file.sha256) {
            let mismatch = if actual != file.sha256 {
                Some("its content does not match its sha256")
            } else if attachment.size != file.content.len() as u64 {
                Some("its size does not match the package")
            } else if content_matches(&attachment.media_type, &file.content) == Some(false) {
                // HTML sent as image/png, say: the first bytes are not what the type says.
                Some("its content is not of its media type")
            } else {
                None
            };
            if let Some(why) = mismatch {
                let body = json!({
                    "problem": "attachment_mismatch",
                    "attachment": {"field": attachment.field, "name": attachment.name, "sha256": file.sha256},
                    "message": format!("the file {:?} ({}): {why}", attachment.name, attachment.field),
                });
                return Err(Refusal::with(StatusCode::UNPROCESSABLE_ENTITY, body));
            }
        }
        let Some(first) = listed(package, &file.sha256).next() else {
            return Err(unknown_part(&file.sha256));
        };
        // The bytes go to the file store before the row that names them is written: a stored
        // application always has its files. (A file whose application then turns out to be a
        // repeat is there already, under the same name.)
        if let Err(message) = receiver.objects.put(&file.sha256, &file.content).await {
            eprintln!("onewindow: storage failed: {message}");
            return Err(Refusal::new(
                StatusCode::SERVICE_UNAVAILABLE,
                "storage",
                "the files could not be stored; send the application again later",
            ));
        }
        stored.push(NewFile {
            sha256: file.sha256,
            name: first.name.clone(),
            media_type: first.media_type.clone(),
            size: file.content.len() as u64,
        });
    }
    let stored =
        match receiver.store.store(package.clone(), stored).await {
            Ok(Stored::New(reference)) => Ok((reference, true)),
            Ok(Stored::Repeat(reference)) => Ok((reference, false)),
            Ok(Stored::KeyReused) => return Err(Refusal::new(
                StatusCode::CONFLICT,
                "idempotency_key_reused",
                "this idempotency_key was used before for an application with other answers or \
                 files, so nothing was stored: a new application needs a new key",
            )),
            Err(message) => Err(message),
        };
    match stored {
        Ok((reference, first_time)) => {
            let status = if first_time { StatusCode::CREATED } else { StatusCode::OK };
            // The rating token proves the case when it is rated (好差评): only the sender has it.
            let token = onewindow_engine::analytics::rating_token(&package.idempotency_key);
            let body =
                json!({"reference": reference, "duplicate": !first_time, "rating_token": token});
            let mut response = (status, Json(body)).into_response();
            response.extensions_mut().insert(Reference(reference));
            Ok(response)
        }
        Err(message) => {
            eprintln!("onewindow: storage failed: {message}");
            Err(Refusal::new(
                StatusCode::SERVICE_UNAVAILABLE,
                "storage",
                "the submission could not be stored; send it again later",
            ))
        }
    }
}

/// The package's attachments with this SHA-256 (the same file may answer two questions).
fn listed<'a>(package: &'a Package, sha256: &str) -> impl Iterator<Item = &'a Attachment> + 'a {
    let sha256 = sha256.to_string();
    package
        .attachments
        .iter()
        .filter(move |a| a.sha256.as_deref().is_some_and(|s| s.eq_ignore_ascii_case(&sha256)))
}

fn multipart_error(error: &axum::extract::multipart::MultipartError) -> Refusal {
    if error.status() == StatusCode::PAYLOAD_TOO_LARGE {
        Refusal::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "too_large",
            "the request body is larger than the receiver accepts",
        )
    } else if timed_out(error) {
        unreadable_body(error)
    } else {
        Refusal::new(
            StatusCode::BAD_REQUEST,
            "malformed",
            format!("invalid multipart body: {}", error.body_text()),
        )
    }
}

fn unknown_part(name: &str) -> Refusal {
    Refusal::with(
        StatusCode::BAD_REQUEST,
        json!({
            "problem": "unknown_attachment",
            "part": truncate(name),
            "message": format!("the part {:?} is not \"package\" nor the sha256 of a file the package lists", truncate(name)),
        }),
    )
}

fn body_too_large(limit: usize) -> Refusal {
    Refusal::new(
        StatusCode::PAYLOAD_TOO_LARGE,
        "too_large",
        format!("the request body is larger than {limit} bytes"),
    )
}

fn package_too_large(limit: usize) -> Refusal {
    Refusal::new(
        StatusCode::PAYLOAD_TOO_LARGE,
        "too_large",
        format!("the package is larger than {limit} bytes"),
    )
}

/// Oldest `created` taken as the day an application was made: one waiting longer (in an
/// outbox, offline) is checked on the receiver's today.
const MAX_CREATED_AGE: i64 = 30 * 86_400;

/// The instant whose date, in the form's time zone, is "today" for the package's date rules:
/// its `created`, as the browser used, when that is plausible (not more than a day ahead of
/// the receiver's clock, nor older than [`MAX_CREATED_AGE`]); else now.
fn made_at(package: &Package) -> i64 {
    let now = crate::store::unix_now();
    onewindow_engine::formats::instant_seconds(&package.created)
        .filter(|made| (now - MAX_CREATED_AGE..=now + 86_400).contains(made))
        .unwrap_or(now)
}
