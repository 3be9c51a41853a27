//! The receiver's HTTP API as an OpenAPI 3.1 document, served at `/api/openapi.json`. The
//! operations come from the `#[utoipa::path]` on each handler; the request bodies' schemas
//! from the engine's JSON Schemas (schema/*.schema.json), their `$defs` moved into the
//! document's components. The staff dashboard's HTML pages and the static files are not API.

use crate::schemas::{Health, Listing, Problem, RatingReply, SubmissionReply};
use crate::store::Summary;
use serde_json::{Map, Value};
use std::sync::LazyLock;
use utoipa::openapi::security::{Http, HttpAuthScheme, SecurityScheme};
use utoipa::{Modify, OpenApi};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "onewindow receiver",
        description = "Receives applications (revalidated with the engine against the published form), ratings and analytics events; lets staff list and export what was received. See docs/receiver.md.",
        license(name = "MIT OR Apache-2.0")
    ),
    paths(
        crate::health,
        crate::submit::submit,
        crate::analytics::rate,
        crate::analytics::events,
        crate::staff::list,
        crate::staff::one,
        crate::staff::attachment,
        crate::staff::export,
        crate::staff::reports,
        openapi_json,
    ),
    components(schemas(Problem, SubmissionReply, RatingReply, Listing, Summary, Health)),
    modifiers(&StaffToken),
    tags(
        (name = "citizens", description = "What the app (or a department's own page) sends"),
        (name = "staff", description = "Behind `Authorization: Bearer <staff token>`; 404 when no token is configured"),
        (name = "operators", description = "Health and this document"),
    )
)]
struct Api;

struct StaffToken;

impl Modify for StaffToken {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        if let Some(components) = openapi.components.as_mut() {
            components.add_security_scheme(
                "staff_token",
                SecurityScheme::Http(Http::new(HttpAuthScheme::Bearer)),
            );
        }
    }
}

/// The engine's JSON Schemas that bodies refer to, by component name.
const ENGINE_SCHEMAS: &[(&str, &str)] = &[
    ("Package", include_str!("../../../schema/package.schema.json")),
    ("Rating", include_str!("../../../schema/rating.schema.json")),
    ("EventBatch", include_str!("../../../schema/events.schema.json")),
];

/// The document, worked out once.
pub(crate) static DOCUMENT: LazyLock<Value> = LazyLock::new(document);

fn document() -> Value {
    let mut document = serde_json::to_value(Api::openapi()).unwrap_or_default();
    let Some(schemas) = document.pointer_mut("/components/schemas").and_then(Value::as_object_mut)
    else {
        return document;
    };
    for (name, text) in ENGINE_SCHEMAS {
        // The files are the repository's own, checked by the engine's schema test; one that
        // cannot be read is left out rather than failing the receiver.
        let Ok(Value::Object(mut schema)) = serde_json::from_str::<Value>(text) else { continue };
        schema.remove("$schema");
        let defs = match schema.remove("$defs") {
            Some(Value::Object(defs)) => defs,
            _ => Map::new(),
        };
        schemas.insert(name.to_string(), moved(Value::Object(schema)));
        for (def, value) in defs {
            schemas.entry(def).or_insert_with(|| moved(value));
        }
    }
    document
}

/// `value` with its references to `#/$defs/X` pointing at `#/components/schemas/X`.
fn moved(value: Value) -> Value {
    match value {
        Value::String(s) if s.starts_with("#/$defs/") => {
            Value::String(s.replacen("#/$defs/", "#/components/schemas/", 1))
        }
        Value::Array(items) => Value::Array(items.into_iter().map(moved).collect()),
        Value::Object(map) => Value::Object(map.into_iter().map(|(k, v)| (k, moved(v))).collect()),
        other => other,
    }
}

/// This document.
#[utoipa::path(
    get,
    path = "/api/openapi.json",
    tag = "operators",
    responses((status = 200, description = "The OpenAPI 3.1 document", content_type = "application/json"))
)]
pub(crate) async fn openapi_json() -> axum::response::Response {
    use axum::response::IntoResponse;
    ([(axum::http::header::CACHE_CONTROL, "no-cache")], axum::Json(DOCUMENT.clone()))
        .into_response()
}
