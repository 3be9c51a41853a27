//! Telephone numbers: Chinese mobiles, UK numbers, international numbers.

use super::problem::FormatProblem;

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
