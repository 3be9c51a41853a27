//! Words: the interface and message texts in every supported locale, and the safe Markdown
//! subset definitions may use.

pub mod i18n;
pub mod markdown;
mod url;

pub use url::{is_allowed_image, is_safe_link};
