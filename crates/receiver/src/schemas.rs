//! What the API's bodies look like, for the OpenAPI document (`openapi.rs`): the replies the
//! handlers build with `json!`, and names for the engine's request bodies, whose schemas come
//! from schema/*.schema.json (the JSON Schemas departments and backends already use).

use serde::Serialize;
use std::borrow::Cow;
use utoipa::openapi::{Ref, RefOr, Schema};
use utoipa::{PartialSchema, ToSchema};

/// Every refusal: a stable code to branch on, and a sentence for people. Some carry more
/// (`errors` with JSON paths for 422, `attachment` for a file that does not match).
#[derive(Serialize, ToSchema)]
pub(crate) struct Problem {
    /// `bad_request`, `invalid`, `idempotency_key_reused`, `rate_limited`, `storage`, …
    #[schema(example = "idempotency_key_reused")]
    pub problem: String,
    pub message: String,
}

/// The answer to a stored (201) or repeated (200) application.
#[derive(Serialize, ToSchema)]
pub(crate) struct SubmissionReply {
    #[schema(example = "OW-20261204-000042")]
    pub reference: String,
    /// True when this idempotency key was stored before with the same content: nothing was
    /// stored again, and the reference is the first one.
    pub duplicate: bool,
    /// Proves the case when it is rated (`case_token` of a rating); only the sender has it.
    pub rating_token: String,
}

/// The answer to a stored (201) or repeated (200) rating.
#[derive(Serialize, ToSchema)]
pub(crate) struct RatingReply {
    pub id: String,
    pub duplicate: bool,
}

/// A page of the staff listing, newest first.
#[derive(Serialize, ToSchema)]
pub(crate) struct Listing {
    pub submissions: Vec<crate::store::Summary>,
    /// How many there are in all (of the form, when one is asked for).
    pub total: i64,
    pub limit: i64,
    pub offset: i64,
}

#[derive(Serialize, ToSchema)]
pub(crate) struct Health {
    #[schema(example = "ok")]
    pub status: String,
}

/// A name for a schema that `openapi.rs` adds from the engine's JSON Schema files.
macro_rules! engine_schema {
    ($marker:ident, $name:literal) => {
        pub(crate) struct $marker;
        impl PartialSchema for $marker {
            fn schema() -> RefOr<Schema> {
                RefOr::Ref(Ref::from_schema_name($name))
            }
        }
        impl ToSchema for $marker {
            fn name() -> Cow<'static, str> {
                Cow::Borrowed($name)
            }
        }
    };
}

engine_schema!(PackageBody, "Package");
engine_schema!(RatingBody, "Rating");
engine_schema!(EventBatchBody, "EventBatch");

/// `multipart/form-data`: the package in a part named `package`, each file in a part named by
/// its SHA-256 (docs/receiver.md).
#[derive(ToSchema)]
#[allow(dead_code)]
pub(crate) struct PackageWithFiles {
    #[schema(value_type = PackageBody)]
    package: (),
}
