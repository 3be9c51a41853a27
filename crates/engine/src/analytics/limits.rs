//! The formats' version and the limits every check applies.

/// The rating and event formats' version.
pub const ANALYTICS_FORMAT: u32 = 1;
/// Longest comment on a rating, in characters.
pub const MAX_COMMENT_CHARS: usize = 500;
/// Most events in one batch.
pub const MAX_BATCH_EVENTS: usize = 100;
/// Longest search query kept (when the site sends queries at all), in characters.
pub const MAX_QUERY_CHARS: usize = 100;
/// Longest identifier (form, page, field, rule, service, case reference), in characters.
pub const MAX_ID_CHARS: usize = 100;
