//! Sending a package to any backend: the package itself (what the browser sends and the
//! receiver checks), the request the definition's submission settings describe (overridable by
//! the host page), what a reply means, and when to try again. All of it pure, so the browser,
//! the embed and the tests agree; the IO layer only moves bytes.

mod outbox;
mod package;
mod reply;
mod request;

pub use outbox::{local_receipt, OutboxEntry};
pub use package::{
    checksum, sha256_hex, Attachment, Package, PackageProblem, PageError, PACKAGE_FORMAT,
};
pub use reply::{classify_reply, is_transient, parse_retry_after, retry_delay_ms, Delivery};
pub use request::{FilePart, OutgoingRequest, RequestBody};
