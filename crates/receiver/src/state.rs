//! What every handler shares: the published forms, the store (with the staff sessions), the
//! file store, the
//! limits and the staff token.

use crate::forms::Published;
use crate::objects::Objects;
use crate::store::Store;

pub(crate) struct Receiver {
    /// The published definitions and lists, each form compiled once per content.
    pub forms: Published,
    pub store: Store,
    /// The received files' contents, by SHA-256.
    pub objects: Objects,
    /// Limit of a whole submission request in bytes.
    pub max_body_bytes: usize,
    /// The bearer token of the staff endpoints; `None` disables them.
    pub staff_token: Option<String>,
    /// A proxy in front says which scheme the client used (`X-Forwarded-Proto`).
    pub behind_proxy: bool,
}

impl Receiver {
    /// Whether the client reached the site over https: the receiver itself speaks http only,
    /// so only a proxy in front can say so.
    pub fn over_https(&self, headers: &axum::http::HeaderMap) -> bool {
        self.behind_proxy
            && headers
                .get("x-forwarded-proto")
                .and_then(|v| v.to_str().ok())
                .and_then(|v| v.rsplit(',').next())
                .is_some_and(|proto| proto.trim().eq_ignore_ascii_case("https"))
    }
}
