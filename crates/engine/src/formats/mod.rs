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

use std::fmt;
use std::str::FromStr;

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

/// A calendar date. [`Date::new`] and parsing only make real dates; the fields are public so
/// that callers can match on them, and every function here tolerates an unreal one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// The year, e.g. 2025. Field order makes the derived ordering chronological.
    pub year: i32,
    /// The month, 1–12.
    pub month: u8,
    /// The day of the month, 1–31.
    pub day: u8,
}

impl Date {
    /// The date, if it exists in the Gregorian calendar (29 February only in leap years).
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        (day >= 1 && day <= days_in_month(year, month)).then_some(Date { year, month, day })
    }
}

fn is_leap_year(year: i32) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

/// 0 for a month that does not exist, so that no day fits it.
fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// ISO 8601 `YYYY-MM-DD`, the form answers are stored and submitted in.
impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// Reads exactly `YYYY-MM-DD` (the stored form), not what citizens type: for that, see
/// [`date_from_parts`]. A well-formed but unreal date is [`FormatProblem::ImpossibleDate`].
impl FromStr for Date {
    type Err = FormatProblem;

    fn from_str(s: &str) -> Result<Date, FormatProblem> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return Err(FormatProblem::Shape);
        }
        let (Some(year), Some(month), Some(day)) =
            (digits(&b[0..4]), digits(&b[5..7]), digits(&b[8..10]))
        else {
            return Err(FormatProblem::Shape);
        };
        ymd(year, month, day).ok_or(FormatProblem::ImpossibleDate)
    }
}

/// The value of 1–9 ASCII digits; nine cannot overflow a `u32`, and anything else is `None`.
fn digits(b: &[u8]) -> Option<u32> {
    if b.is_empty() || b.len() > 9 || !b.iter().all(u8::is_ascii_digit) {
        return None;
    }
    Some(b.iter().fold(0, |n, d| n * 10 + u32::from(d - b'0')))
}

/// A real date from numbers of any size, without truncating casts turning 256 into 0.
fn ymd(year: u32, month: u32, day: u32) -> Option<Date> {
    Date::new(i32::try_from(year).ok()?, u8::try_from(month).ok()?, u8::try_from(day).ok()?)
}

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
    let b = normalized.as_bytes();
    if b.len() != 18
        || !b[..17].iter().all(u8::is_ascii_digit)
        || !(b[17].is_ascii_digit() || b[17] == b'X')
    {
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
    let b = code.as_bytes();
    if b.len() != 18 || !b[2..8].iter().all(u8::is_ascii_digit) {
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

/// Checks a mainland Chinese mobile number and returns its 11 digits. Spaces, hyphens and a
/// `+86` / `0086` prefix are dropped. Only the `1[3-9]` prefix is checked: lists of allocated
/// ranges go stale as new ones open.
pub fn cn_mobile(input: &str) -> Result<String, FormatProblem> {
    let compact: String = input.chars().filter(|c| !c.is_whitespace() && *c != '-').collect();
    let national =
        compact.strip_prefix("+86").or_else(|| compact.strip_prefix("0086")).unwrap_or(&compact);
    match national.as_bytes() {
        [b'1', b'3'..=b'9', rest @ ..]
            if rest.len() == 9 && rest.iter().all(u8::is_ascii_digit) =>
        {
            Ok(national.to_string())
        }
        _ => Err(FormatProblem::Shape),
    }
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

/// What people put inside phone numbers for readability.
fn phone_compact(input: &str) -> String {
    input.chars().filter(|c| !c.is_whitespace() && !matches!(c, '-' | '.')).collect()
}

fn without_parentheses(text: &str) -> String {
    text.chars().filter(|c| !matches!(c, '(' | ')')).collect()
}

/// Checks a UK phone number and returns it in E.164 (`+44` and 10 digits). Accepts the national
/// form (`0` and 10 digits, brackets allowed: `(020) 7946 0000`) and the international one
/// (`+44` or `0044` and 10 digits). The trunk zero is only dropped when written `(0)`: a bare
/// `+44 020…` is refused, since the extra digit may as well be a typo elsewhere.
pub fn uk_phone(input: &str) -> Result<String, FormatProblem> {
    let compact = phone_compact(input);
    let national = match compact.strip_prefix("+44").or_else(|| compact.strip_prefix("0044")) {
        Some(rest) => without_parentheses(rest.strip_prefix("(0)").unwrap_or(rest)),
        None => {
            let digits = without_parentheses(&compact);
            digits.strip_prefix('0').ok_or(FormatProblem::Shape)?.to_string()
        }
    };
    match national.as_bytes() {
        [b'1'..=b'9', rest @ ..] if rest.len() == 9 && rest.iter().all(u8::is_ascii_digit) => {
            Ok(format!("+44{national}"))
        }
        _ => Err(FormatProblem::Shape),
    }
}

/// Checks an international phone number and returns it in E.164: `+` or `00`, then 8–15
/// digits, the first not 0. A written-out trunk zero `(0)` is dropped (`+49 (0)30 …`).
pub fn international_phone(input: &str) -> Result<String, FormatProblem> {
    let compact = phone_compact(input);
    let rest = compact
        .strip_prefix('+')
        .or_else(|| compact.strip_prefix("00"))
        .ok_or(FormatProblem::Shape)?;
    let number = without_parentheses(&rest.replacen("(0)", "", 1));
    match number.as_bytes() {
        [b'1'..=b'9', rest @ ..]
            if (7..=14).contains(&rest.len()) && rest.iter().all(u8::is_ascii_digit) =>
        {
            Ok(format!("+{number}"))
        }
        _ => Err(FormatProblem::Shape),
    }
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
    let shape = (5..=34).contains(&b.len())
        && b[..2].iter().all(u8::is_ascii_uppercase)
        && b[2..4].iter().all(u8::is_ascii_digit)
        && b[4..].iter().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit());
    if !shape {
        return Err(FormatProblem::Shape);
    }
    if let Some((_, length)) = IBAN_LENGTHS.iter().find(|(country, _)| country[..] == b[..2]) {
        if *length != b.len() {
            return Err(FormatProblem::CountryLength);
        }
    }
    // Check digits are 02–98 by construction; 00, 01 and 99 would pass mod 97 as 97, 98 and 02.
    if matches!(&b[2..4], b"00" | b"01" | b"99") {
        return Err(FormatProblem::CheckDigit);
    }
    // Digit by digit (two for a letter) keeps the running remainder below 97 × 100 + 35.
    let remainder = b[4..].iter().chain(&b[..4]).fold(0u32, |r, &c| {
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

/// Checks an email address and returns it trimmed, by the rules of the `validator` crate
/// (WHATWG local part of at most 64 characters; domain labels of 1–63 letters, digits or
/// hyphens, not starting or ending with a hyphen, internationalised labels allowed) plus two
/// of ours: the domain must contain a dot and must not be a bracketed IP address, since
/// services write to the citizen and `name@localhost` is almost certainly a mistake.
///
/// Written here rather than taken from `validator`: that crate brings `regex`, `idna` and `url`
/// into the browser bundle (about 180 KB gzip, more than the rest of the app).
pub fn email(input: &str) -> Result<String, FormatProblem> {
    let address = input.trim();
    let (local, domain) = address.rsplit_once('@').ok_or(FormatProblem::Shape)?;
    let local_ok = !local.is_empty()
        && local.chars().count() <= 64
        && local.chars().all(|c| c.is_ascii_alphanumeric() || ".!#$%&'*+/=?^_`{|}~-".contains(c));
    if local_ok && domain.contains('.') && is_domain(domain) {
        Ok(address.to_string())
    } else {
        Err(FormatProblem::Shape)
    }
}

/// Host names: dot-separated labels of 1–63 characters, letters (any script, for
/// internationalised names), digits and inner hyphens; 253 characters at most.
fn is_domain(domain: &str) -> bool {
    domain.chars().count() <= 253
        && domain.split('.').all(|label| {
            let count = label.chars().count();
            (1..=63).contains(&count)
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label.chars().all(|c| c.is_alphanumeric() || c == '-')
        })
}

/// Checks a web address and returns it trimmed: `http://` or `https://`, a host (name, IPv4
/// or bracketed IPv6, optional user info and port), then any path, query and fragment. Any
/// other scheme, `mailto:` or `javascript:` included, is [`FormatProblem::Scheme`]; a
/// missing scheme is [`FormatProblem::Shape`]. Whitespace and control characters are
/// refused rather than silently dropped as URL parsers do.
pub fn http_url(input: &str) -> Result<String, FormatProblem> {
    let address = input.trim();
    if address.is_empty() || address.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(FormatProblem::Shape);
    }
    let scheme_end = address.find(':').ok_or(FormatProblem::Shape)?;
    let scheme = &address[..scheme_end];
    let is_scheme = scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme.chars().all(|c| c.is_ascii_alphanumeric() || "+.-".contains(c));
    if !is_scheme {
        return Err(FormatProblem::Shape);
    }
    if !scheme.eq_ignore_ascii_case("http") && !scheme.eq_ignore_ascii_case("https") {
        return Err(FormatProblem::Scheme);
    }
    let rest = address[scheme_end + 1..].strip_prefix("//").ok_or(FormatProblem::Shape)?;
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host_port = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    let (host, port) = if let Some(bracketed) = host_port.strip_prefix('[') {
        let (ip, after) = bracketed.split_once(']').ok_or(FormatProblem::Shape)?;
        if ip.is_empty() || !ip.chars().all(|c| c.is_ascii_hexdigit() || c == ':' || c == '.') {
            return Err(FormatProblem::Shape);
        }
        (None, after.strip_prefix(':'))
    } else {
        match host_port.rsplit_once(':') {
            Some((host, port)) => (Some(host), Some(port)),
            None => (Some(host_port), None),
        }
    };
    if let Some(port) = port {
        if !port.is_empty()
            && !(port.len() <= 5
                && port.chars().all(|c| c.is_ascii_digit())
                && port.parse::<u32>().is_ok_and(|p| p <= 65535))
        {
            return Err(FormatProblem::Shape);
        }
    }
    if let Some(host) = host {
        if !is_domain(host.strip_suffix('.').unwrap_or(host)) {
            return Err(FormatProblem::Shape);
        }
    }
    Ok(address.to_string())
}

const MONTH_NAMES: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// The number of a month typed as a number (`3`, `03`), an English name or an abbreviation of
/// at least three letters in any case, with or without a final dot (`March`, `mar`, `Sept.`),
/// or in Chinese (`3月`, `三月`, `十二月`). Anything else, full-width digits included, is `None`.
pub fn parse_month(input: &str) -> Option<u8> {
    let text = input.trim();
    let month = if let Some(number) = text.strip_suffix('月') {
        let number = number.trim();
        digits(number.as_bytes()).or_else(|| chinese_number(number))?
    } else if let Some(number) = digits(text.as_bytes()) {
        number
    } else {
        // Three letters tell every month apart ("ma" could be March or May).
        let word = text.strip_suffix('.').unwrap_or(text).to_ascii_lowercase();
        if word.len() < 3 {
            return None;
        }
        let index = MONTH_NAMES.iter().position(|name| name.starts_with(word.as_str()))?;
        index as u32 + 1
    };
    u8::try_from(month).ok().filter(|m| (1..=12).contains(m))
}

/// 一 to 十二, the Chinese numerals month names use.
fn chinese_number(text: &str) -> Option<u32> {
    const UNITS: &str = "一二三四五六七八九";
    let unit = |c: char| UNITS.chars().position(|u| u == c).map(|i| i as u32 + 1);
    let mut chars = text.chars();
    match (chars.next(), chars.next(), chars.next()) {
        (Some('十'), None, None) => Some(10),
        (Some('十'), Some(c), None) => Some(10 + unit(c)?),
        (Some(c), None, None) => unit(c),
        _ => None,
    }
}

/// One of the three inputs of a date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DatePart {
    /// The day input.
    Day,
    /// The month input.
    Month,
    /// The year input.
    Year,
}

/// Why three inputs do not make a date, in the order GOV.UK reports it: a missing part ("must
/// include a month") before a part that is not a number before a date that does not exist
/// ("must be a real date").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateProblem {
    /// The first empty part, in the order day, month, year.
    Missing(DatePart),
    /// The first part, in the same order, that is not a number (or, for the month, a month name).
    NotANumber(DatePart),
    /// The parts are numbers but no such date exists; a year not written with 4 digits counts
    /// as such, since `85` or `202` are far more likely slips than the years they spell.
    Impossible,
}

/// Makes a date from separate day, month and year inputs as typed. Surrounding spaces are
/// ignored; the month may be a name (see [`parse_month`]).
pub fn date_from_parts(day: &str, month: &str, year: &str) -> Result<Date, DateProblem> {
    let (day, month, year) = (day.trim(), month.trim(), year.trim());
    let parts = [(day, DatePart::Day), (month, DatePart::Month), (year, DatePart::Year)];
    if let Some((_, part)) = parts.iter().find(|(text, _)| text.is_empty()) {
        return Err(DateProblem::Missing(*part));
    }
    let all_digits = |text: &str| text.bytes().all(|b| b.is_ascii_digit());
    let month_number = parse_month(month);
    if let Some((_, part)) = parts.iter().find(|(text, part)| match part {
        DatePart::Month => month_number.is_none() && !all_digits(text),
        _ => !all_digits(text),
    }) {
        return Err(DateProblem::NotANumber(*part));
    }
    let (Some(day), Some(month), Some(year)) =
        (digits(day.as_bytes()), month_number, digits(year.as_bytes()))
    else {
        return Err(DateProblem::Impossible);
    };
    if !(1000..=9999).contains(&year) {
        return Err(DateProblem::Impossible);
    }
    ymd(year, u32::from(month), day).ok_or(DateProblem::Impossible)
}

/// Age in whole years on `on` of someone born on `birth`: one less before this year's birthday.
/// Someone born on 29 February has their birthday on 1 March in other years. Negative if
/// `birth` is after `on`; saturates rather than overflows for absurd years.
pub fn age_on(birth: Date, on: Date) -> i32 {
    let years = on.year.saturating_sub(birth.year);
    // Comparing (month, day) gives the 1 March rule for free: 28 February comes before
    // (2, 29), and 1 March does not.
    if (on.month, on.day) < (birth.month, birth.day) {
        years.saturating_sub(1)
    } else {
        years
    }
}

impl Date {
    /// Days since 1970-01-01 (negative before), proleptic Gregorian calendar
    /// (H. Hinnant's `days_from_civil`).
    pub fn days_since_epoch(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` after 1970-01-01 (`civil_from_days`); callers turn a clock into a date
    /// with it, since the engine itself has no clock. Out-of-range input gives 1970-01-01.
    pub fn from_days_since_epoch(days: i64) -> Date {
        let z = days.clamp(-100_000_000, 100_000_000) + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date::new(year, month, day).unwrap_or(Date { year: 1970, month: 1, day: 1 })
    }
}
