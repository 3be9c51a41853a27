//! What every handler shares: the published forms, the store, the limits, the staff token and
//! the signed-in staff sessions.

use crate::auth::Sessions;
use crate::forms::Published;
use crate::store::Store;

pub(crate) struct Receiver {
    /// The published definitions and lists, each form compiled once per content.
    pub forms: Published,
    pub store: Store,
    /// Limit of a whole submission request in bytes.
    pub max_body_bytes: usize,
    /// The bearer token of the staff endpoints; `None` disables them.
    pub staff_token: Option<String>,
    pub sessions: Sessions,
}
