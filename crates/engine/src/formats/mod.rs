//! The identifier, code and date formats that public-service forms ask for: Chinese resident ID
//! and unified social credit code, Chinese and UK phone numbers and postcodes, National
//! Insurance numbers, IBANs, email and web addresses, and dates typed as day / month / year.
//!
//! Each check takes what the citizen typed and returns either the normalised value (what the
//! service stores) or a [`FormatProblem`] that the validation layer words in the citizen's
//! language. Rules and test vectors follow the project's field-formats reference.
//!
//! Nothing here panics, whatever the input: a value is checked to be ASCII of the right length
//! before any position in it is read, and numbers are bounded before they are computed.

mod codes;
mod date;
mod media;
mod named;
mod number;
mod phone;
mod problem;
mod web;
mod zone;

pub use codes::*;
pub use date::*;
pub use media::content_matches;
pub use named::{Format, TextFormat};
pub use number::{group_digits, money, parse_number};
pub use phone::*;
pub use problem::FormatProblem;
pub use web::*;
pub use zone::{instant_seconds, TimeZone, TIME_ZONE_NAMES};
