//! Formats by name: one dispatch for validation, the model (normalised values) and JSON Logic's
//! `valid_format`, so a format added here is checked the same way everywhere.

use super::date::Date;
use super::problem::FormatProblem;
use serde::{Deserialize, Serialize};

/// Identity and code formats checked on text answers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum TextFormat {
    /// Chinese resident identity number (GB 11643).
    CnResidentId,
    /// Unified social credit code (GB 32100).
    UnifiedSocialCreditCode,
    /// Chinese postcode (6 digits).
    CnPostcode,
    /// UK National Insurance number.
    UkNino,
    /// UK postcode.
    UkPostcode,
    /// International bank account number (ISO 13616).
    Iban,
}

impl TextFormat {
    /// Every text format.
    pub const ALL: [TextFormat; 6] = [
        TextFormat::CnResidentId,
        TextFormat::UnifiedSocialCreditCode,
        TextFormat::CnPostcode,
        TextFormat::UkNino,
        TextFormat::UkPostcode,
        TextFormat::Iban,
    ];

    /// Checks `text`: its normalised form, or why it does not fit. A resident ID's birth date
    /// must not be after `today`.
    pub fn check(self, text: &str, today: Date) -> Result<String, FormatProblem> {
        match self {
            TextFormat::CnResidentId => super::cn_resident_id(text, today).map(|id| id.normalized),
            TextFormat::UnifiedSocialCreditCode => super::unified_social_credit_code(text),
            TextFormat::CnPostcode => super::cn_postcode(text),
            TextFormat::UkNino => super::uk_nino(text),
            TextFormat::UkPostcode => super::uk_postcode(text),
            TextFormat::Iban => super::iban(text),
        }
    }

    /// The code as its format writes it: upper case, without the spaces and hyphens people
    /// type (UK postcodes keep their one space). Unrecognisable input is returned trimmed; a
    /// resident ID is only compacted, whatever its check digit (answers compare as the
    /// citizen meant them).
    pub fn normalize(self, text: &str) -> String {
        match self {
            TextFormat::CnResidentId => text
                .chars()
                .filter(|c| !matches!(c, ' ' | '-'))
                .collect::<String>()
                .to_ascii_uppercase(),
            // No date is read for these formats.
            _ => self
                .check(text, Date { year: 1970, month: 1, day: 1 })
                .unwrap_or_else(|_| text.trim().to_string()),
        }
    }
}

/// Every format that can be checked by name: the text formats and the formats of the phone,
/// email and url question types. `valid_format` takes these names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// An identity or code format of a text question.
    Text(TextFormat),
    /// A Chinese mobile number.
    CnMobile,
    /// A UK telephone number.
    UkPhone,
    /// A telephone number in international format.
    InternationalPhone,
    /// An email address.
    Email,
    /// An http(s) web address.
    Url,
}

impl Format {
    /// Every format, in the order lint lists them.
    pub const ALL: [Format; 11] = [
        Format::Text(TextFormat::CnResidentId),
        Format::Text(TextFormat::UnifiedSocialCreditCode),
        Format::Text(TextFormat::CnPostcode),
        Format::CnMobile,
        Format::Text(TextFormat::UkNino),
        Format::Text(TextFormat::UkPostcode),
        Format::UkPhone,
        Format::InternationalPhone,
        Format::Text(TextFormat::Iban),
        Format::Email,
        Format::Url,
    ];

    /// The format's name, as definitions write it.
    pub fn name(self) -> &'static str {
        match self {
            Format::Text(TextFormat::CnResidentId) => "cn_resident_id",
            Format::Text(TextFormat::UnifiedSocialCreditCode) => "unified_social_credit_code",
            Format::Text(TextFormat::CnPostcode) => "cn_postcode",
            Format::Text(TextFormat::UkNino) => "uk_nino",
            Format::Text(TextFormat::UkPostcode) => "uk_postcode",
            Format::Text(TextFormat::Iban) => "iban",
            Format::CnMobile => "cn_mobile",
            Format::UkPhone => "uk_phone",
            Format::InternationalPhone => "international_phone",
            Format::Email => "email",
            Format::Url => "url",
        }
    }

    /// The format called `name`.
    pub fn from_name(name: &str) -> Option<Format> {
        Format::ALL.into_iter().find(|f| f.name() == name)
    }

    /// Checks `text`: its normalised form, or why it does not fit.
    pub fn check(self, text: &str, today: Date) -> Result<String, FormatProblem> {
        match self {
            Format::Text(format) => format.check(text, today),
            Format::CnMobile => super::cn_mobile(text),
            Format::UkPhone => super::uk_phone(text),
            Format::InternationalPhone => super::international_phone(text),
            Format::Email => super::email(text),
            Format::Url => super::http_url(text),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_format_names_are_the_published_ones() {
        for format in TextFormat::ALL {
            let published = serde_json::to_value(format).ok();
            assert_eq!(
                published.as_ref().and_then(|v| v.as_str()),
                Some(Format::Text(format).name())
            );
        }
    }

    #[test]
    fn every_name_reads_back() {
        for format in Format::ALL {
            assert_eq!(Format::from_name(format.name()), Some(format));
        }
        assert_eq!(Format::from_name("passport"), None);
    }
}
