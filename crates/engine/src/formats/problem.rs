//! Why a value does not fit its format.

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
