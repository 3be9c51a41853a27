//! Numbers and amounts of money as check answers, the printed record and the package summary
//! write them: digits grouped in threes with commas, a full stop before decimals (as the
//! Chinese, English and Uyghur locales all write them), money with its currency's sign and
//! pence or fen only when there are some (GOV.UK: "£75", "£75.50").

/// `value` with its whole part grouped in threes: `12500000` → `12,500,000`, `-1234.5` →
/// `-1,234.5`. Decimals as few as the value needs (at most 6); not a finite number: as Rust
/// writes it.
pub fn group_digits(value: f64) -> String {
    if !value.is_finite() {
        return value.to_string();
    }
    let rounded = (value * 1e6).round() / 1e6;
    let text = format!("{}", rounded.abs());
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
    let mut out = String::new();
    if rounded < 0.0 {
        out.push('-');
    }
    out.push_str(&grouped(whole));
    if !fraction.is_empty() {
        out.push('.');
        out.push_str(fraction);
    }
    out
}

fn grouped(digits: &str) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The sign a currency is written with, or None to write its ISO 4217 code.
fn sign(currency: &str) -> Option<&'static str> {
    Some(match currency {
        "CNY" => "¥",
        "GBP" => "£",
        "EUR" => "€",
        "USD" => "$",
        "HKD" => "HK$",
        _ => return None,
    })
}

/// Whether the currency has no minor unit in use.
fn whole_only(currency: &str) -> bool {
    matches!(currency, "JPY" | "KRW")
}

/// `amount` of `currency` (ISO 4217): `¥12,500,000`, `£75.50`, `CHF 1,000`.
pub fn money(amount: f64, currency: &str) -> String {
    if !amount.is_finite() {
        return format!("{currency} {amount}");
    }
    let cents = (amount * 100.0).round();
    let number = if whole_only(currency) || cents % 100.0 == 0.0 {
        group_digits((amount).round())
    } else {
        let whole = group_digits((cents.abs() / 100.0).trunc());
        let sign = if cents < 0.0 { "-" } else { "" };
        format!("{sign}{whole}.{:02}", (cents.abs() % 100.0) as u32)
    };
    let (minus, number) = match number.strip_prefix('-') {
        Some(rest) => ("-", rest.to_string()),
        None => ("", number),
    };
    match sign(currency) {
        Some(sign) => format!("{minus}{sign}{number}"),
        None => format!("{minus}{currency} {number}"),
    }
}

/// A number typed or computed: a JSON number, or text with optional grouping commas and
/// spaces (`"12,500"`, `"1 250.5"`).
pub fn parse_number(value: &serde_json::Value) -> Option<f64> {
    match value {
        serde_json::Value::Number(n) => n.as_f64(),
        serde_json::Value::String(s) => {
            let cleaned: String =
                s.trim().chars().filter(|c| !matches!(c, ',' | '，' | ' ')).collect();
            cleaned.parse().ok().filter(|n: &f64| n.is_finite())
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_grouped_in_threes() {
        for (value, shown) in [
            (0.0, "0"),
            (12.0, "12"),
            (1234.0, "1,234"),
            (12_500_000.0, "12,500,000"),
            (-1234.5, "-1,234.5"),
            (999_999.25, "999,999.25"),
            (0.1 + 0.2, "0.3"),
        ] {
            assert_eq!(group_digits(value), shown, "{value}");
        }
    }

    #[test]
    fn money_has_its_sign_and_pence_only_when_there_are_some() {
        for (amount, currency, shown) in [
            (12_500_000.0, "CNY", "¥12,500,000"),
            (75.0, "GBP", "£75"),
            (75.5, "GBP", "£75.50"),
            (0.05, "EUR", "€0.05"),
            (-20.0, "USD", "-$20"),
            (1000.4, "JPY", "JPY 1,000"),
            (1000.0, "CHF", "CHF 1,000"),
            (1234.567, "CNY", "¥1,234.57"),
        ] {
            assert_eq!(money(amount, currency), shown, "{amount} {currency}");
        }
    }
}
