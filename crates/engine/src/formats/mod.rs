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
mod named;
mod phone;
mod web;

pub use codes::*;
pub use date::*;
pub use named::{Format, TextFormat};
pub use phone::*;
pub use web::*;

/// Why a value does not fit its format (the validation layer words messages from this).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FormatProblem {
    /// Wrong length, or a character that cannot stand where it is.
    Shape,
    /// Well formed, but the check character or digits disagree with the rest: almost always a typo.
    CheckDigit,
    /// A date in the value (or the value itself) does not exist, such as 31 April or month 13.
    ImpossibleDate,
    /// A date in the value is after today, so it cannot be a date of birth.
    FutureDate,
    /// A well-formed address whose scheme is not http or https (`mailto:`, `javascript:`, …).
    Scheme,
    /// An IBAN whose length is not the one its country uses.
    CountryLength,
}
