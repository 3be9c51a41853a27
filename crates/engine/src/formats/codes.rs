//! Identity numbers and codes: Chinese resident ID (GB 11643), unified social credit code
//! (GB 32100), postcodes, National Insurance numbers, IBANs.

use super::date::Date;
use super::date::{digits, ymd};
use super::problem::FormatProblem;

/// Sex as encoded in a Chinese resident ID number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sex {
    /// An odd sequence number.
    Male,
    /// An even sequence number.
    Female,
}

/// A checked Chinese resident identity number and what it says about its holder.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CnResidentId {
    /// The 18 characters, with a final `X` in upper case.
    pub normalized: String,
    /// Digits 7–14; services compare it with the date of birth the applicant gave.
    pub birth_date: Date,
    /// From the parity of the sequence number, digits 15–17.
    pub sex: Sex,
}

/// 2^(17−i) mod 11 for positions 1–17 (GB 11643-1999).
const CN_ID_WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/// Checks a Chinese resident identity number (GB 11643-1999).
///
/// Spaces are ignored and a lower-case `x` is read as `X`. An impossible birth date is
/// reported before a wrong check character: a typo in the date usually breaks both, and naming
/// the date tells the citizen where to look. A birth date after `today` is reported last.
pub fn cn_resident_id(input: &str, today: Date) -> Result<CnResidentId, FormatProblem> {
    let normalized: String = input
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| if c == 'x' { 'X' } else { c })
        .collect();
    let Ok::<&[u8; 18], _>(b) = normalized.as_bytes().try_into() else {
        return Err(FormatProblem::Shape);
    };
    if !b[..17].iter().all(u8::is_ascii_digit) || !(b[17].is_ascii_digit() || b[17] == b'X') {
        return Err(FormatProblem::Shape);
    }
    let (Some(year), Some(month), Some(day)) =
        (digits(&b[6..10]), digits(&b[10..12]), digits(&b[12..14]))
    else {
        return Err(FormatProblem::Shape);
    };
    let birth_date = ymd(year, month, day).ok_or(FormatProblem::ImpossibleDate)?;
    let sum: u32 = b.iter().zip(CN_ID_WEIGHTS).map(|(d, w)| u32::from(d - b'0') * w).sum();
    if b"10X98765432".get((sum % 11) as usize) != Some(&b[17]) {
        return Err(FormatProblem::CheckDigit);
    }
    if birth_date > today {
        return Err(FormatProblem::FutureDate);
    }
    let sex = if (b[16] - b'0') % 2 == 1 { Sex::Male } else { Sex::Female };
    Ok(CnResidentId { birth_date, sex, normalized })
}

/// The 31 characters of GB 32100-2015, in value order (no I, O, S, V, Z).
const USCC_CHARSET: &[u8; 31] = b"0123456789ABCDEFGHJKLMNPQRTUWXY";
/// 3^(i−1) mod 31 for positions 1–17.
const USCC_WEIGHTS: [u32; 17] = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/// Checks a unified social credit code (GB 32100-2015) and returns it without spaces, in upper
/// case. Characters 3–8 (the administrative area) must be digits.
pub fn unified_social_credit_code(input: &str) -> Result<String, FormatProblem> {
    let code: String =
        input.chars().filter(|c| !c.is_whitespace()).map(|c| c.to_ascii_uppercase()).collect();
    let Ok::<&[u8; 18], _>(b) = code.as_bytes().try_into() else {
        return Err(FormatProblem::Shape);
    };
    if !b[2..8].iter().all(u8::is_ascii_digit) {
        return Err(FormatProblem::Shape);
    }
    let values = b
        .iter()
        .map(|c| USCC_CHARSET.iter().position(|x| x == c).map(|v| v as u32))
        .collect::<Option<Vec<u32>>>()
        .ok_or(FormatProblem::Shape)?;
    let sum: u32 = values.iter().zip(USCC_WEIGHTS).map(|(v, w)| v * w).sum();
    if values.get(17) != Some(&((31 - sum % 31) % 31)) {
        return Err(FormatProblem::CheckDigit);
    }
    Ok(code)
}

/// Checks a Chinese postcode (six digits, possibly starting with 0) and returns it without
/// spaces.
pub fn cn_postcode(input: &str) -> Result<String, FormatProblem> {
    let code: String = input.chars().filter(|c| !c.is_whitespace()).collect();
    if code.len() == 6 && code.bytes().all(|b| b.is_ascii_digit()) {
        Ok(code)
    } else {
        Err(FormatProblem::Shape)
    }
}

/// Checks a UK National Insurance number and returns it as `AB123456C`. Spaces and punctuation
/// are dropped, so `ab 12 34 56 c` and `AB-12-34-56-C` pass. Prefixes HMRC never issues (`BG`,
/// `GB`, `KN`, `NK`, `NT`, `TN`, `ZZ`, and letters `D F I Q U V`, or `O` second) are refused,
/// which includes GOV.UK's own example `QQ123456C`.
pub fn uk_nino(input: &str) -> Result<String, FormatProblem> {
    let nino: String = input
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_ascii_punctuation())
        .map(|c| c.to_ascii_uppercase())
        .collect();
    let valid = match nino.as_bytes() {
        [first, second, number @ .., suffix] if number.len() == 6 => {
            matches!(first, b'A'..=b'C' | b'E' | b'G' | b'H' | b'J'..=b'P' | b'R'..=b'T' | b'W'..=b'Z')
                && matches!(second, b'A'..=b'C' | b'E' | b'G' | b'H' | b'J'..=b'N' | b'P' | b'R'..=b'T' | b'W'..=b'Z')
                && !matches!(
                    [*first, *second],
                    [b'B', b'G']
                        | [b'G', b'B']
                        | [b'K', b'N']
                        | [b'N', b'K']
                        | [b'N', b'T']
                        | [b'T', b'N']
                        | [b'Z', b'Z']
                )
                && number.iter().all(u8::is_ascii_digit)
                && matches!(suffix, b'A'..=b'D')
        }
        _ => false,
    };
    if valid {
        Ok(nino)
    } else {
        Err(FormatProblem::Shape)
    }
}

/// Checks a UK postcode and returns its display form, outward code, space, inward code
/// (`sw1a1aa` → `SW1A 1AA`). Case and the number of spaces do not matter, but a space may only
/// stand between the two codes.
pub fn uk_postcode(input: &str) -> Result<String, FormatProblem> {
    let upper = input.trim().to_ascii_uppercase();
    if !upper.is_ascii() {
        return Err(FormatProblem::Shape);
    }
    let parts: Vec<&str> = upper.split_ascii_whitespace().collect();
    let (outward, inward) = match parts[..] {
        [outward, inward] => (outward, inward),
        // ASCII, so every index is a char boundary; `checked_sub` guards short input.
        [compact] => compact
            .len()
            .checked_sub(3)
            .and_then(|at| compact.split_at_checked(at))
            .ok_or(FormatProblem::Shape)?,
        _ => return Err(FormatProblem::Shape),
    };
    let valid = (outward == "GIR" && inward == "0AA")
        || (uk_outward(outward.as_bytes()) && uk_inward(inward.as_bytes()));
    if valid {
        Ok(format!("{outward} {inward}"))
    } else {
        Err(FormatProblem::Shape)
    }
}

/// `[A-PR-UWYZ]([0-9]{1,2}|[A-HK-Y][0-9]{1,2}|[0-9][A-HJKPSTUW]|[A-HK-Y][0-9][ABEHMNPRVWXY])`
fn uk_outward(code: &[u8]) -> bool {
    let second_letter = |c: u8| matches!(c, b'A'..=b'H' | b'K'..=b'Y');
    match *code {
        [b'A'..=b'P' | b'R'..=b'U' | b'W' | b'Y' | b'Z', ref district @ ..] => match *district {
            [d] => d.is_ascii_digit(),
            [a, b] => {
                (a.is_ascii_digit()
                    && (b.is_ascii_digit()
                        || matches!(
                            b,
                            b'A'..=b'H' | b'J' | b'K' | b'P' | b'S' | b'T' | b'U' | b'W'
                        )))
                    || (second_letter(a) && b.is_ascii_digit())
            }
            [a, b, c] => {
                second_letter(a)
                    && b.is_ascii_digit()
                    && (c.is_ascii_digit()
                        || matches!(
                            c,
                            b'A' | b'B'
                                | b'E'
                                | b'H'
                                | b'M'
                                | b'N'
                                | b'P'
                                | b'R'
                                | b'V'
                                | b'W'
                                | b'X'
                                | b'Y'
                        ))
            }
            _ => false,
        },
        _ => false,
    }
}

/// `[0-9][ABD-HJLNP-UW-Z]{2}`: the inward code never uses C, I, K, M, O or V.
fn uk_inward(code: &[u8]) -> bool {
    let unit = |c: u8| matches!(c, b'A' | b'B' | b'D'..=b'H' | b'J' | b'L' | b'N' | b'P'..=b'U' | b'W'..=b'Z');
    matches!(*code, [sector, a, b] if sector.is_ascii_digit() && unit(a) && unit(b))
}

/// IBAN lengths of the SEPA countries, the ones citizens of our services bank in. Lengths of
/// other countries have changed over time, so an unknown country only gets the generic shape
/// and the mod-97 check rather than a length that may be out of date.
const IBAN_LENGTHS: [(&[u8; 2], usize); 37] = [
    (b"AD", 24),
    (b"AT", 20),
    (b"BE", 16),
    (b"BG", 22),
    (b"CH", 21),
    (b"CY", 28),
    (b"CZ", 24),
    (b"DE", 22),
    (b"DK", 18),
    (b"EE", 20),
    (b"ES", 24),
    (b"FI", 18),
    (b"FR", 27),
    (b"GB", 22),
    (b"GI", 23),
    (b"GR", 27),
    (b"HR", 21),
    (b"HU", 28),
    (b"IE", 22),
    (b"IS", 26),
    (b"IT", 27),
    (b"LI", 21),
    (b"LT", 20),
    (b"LU", 20),
    (b"LV", 21),
    (b"MC", 27),
    (b"MT", 31),
    (b"NL", 18),
    (b"NO", 15),
    (b"PL", 28),
    (b"PT", 25),
    (b"RO", 24),
    (b"SE", 24),
    (b"SI", 19),
    (b"SK", 24),
    (b"SM", 27),
    (b"VA", 22),
];

/// Checks an IBAN (ISO 13616) and returns it compact and upper-case. A country's known length
/// is checked before the check digits, so a dropped digit is named as such.
pub fn iban(input: &str) -> Result<String, FormatProblem> {
    let iban: String =
        input.chars().filter(|c| !c.is_whitespace()).map(|c| c.to_ascii_uppercase()).collect();
    let b = iban.as_bytes();
    let [c0, c1, k0, k1, rest @ ..] = b else { return Err(FormatProblem::Shape) };
    let (country, check) = ([*c0, *c1], [*k0, *k1]);
    let shape = (5..=34).contains(&b.len())
        && country.iter().all(u8::is_ascii_uppercase)
        && check.iter().all(u8::is_ascii_digit)
        && rest.iter().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit());
    if !shape {
        return Err(FormatProblem::Shape);
    }
    if let Some((_, length)) = IBAN_LENGTHS.iter().find(|(c, _)| **c == country) {
        if *length != b.len() {
            return Err(FormatProblem::CountryLength);
        }
    }
    // Check digits are 02–98 by construction; 00, 01 and 99 would pass mod 97 as 97, 98 and 02.
    if matches!(&check, b"00" | b"01" | b"99") {
        return Err(FormatProblem::CheckDigit);
    }
    // Digit by digit (two for a letter) keeps the running remainder below 97 × 100 + 35.
    let remainder = rest.iter().chain(&country).chain(&check).fold(0u32, |r, &c| {
        if c.is_ascii_digit() {
            (r * 10 + u32::from(c - b'0')) % 97
        } else {
            (r * 100 + u32::from(c - b'A') + 10) % 97
        }
    });
    if remainder == 1 {
        Ok(iban)
    } else {
        Err(FormatProblem::CheckDigit)
    }
}
