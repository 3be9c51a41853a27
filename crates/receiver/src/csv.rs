//! CSV cells, for the staff's exports and the reports: quoted as RFC 4180 says, and defused
//! when a spreadsheet would run them as a formula.

/// RFC 4180 quoting; a cell that a spreadsheet would run as a formula gets a leading `'`.
pub(crate) fn csv_cell(text: &str) -> String {
    let formula = match text.chars().next() {
        Some('=' | '@' | '\t' | '\r') => true,
        Some('+' | '-') => !text[1..]
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '.' | '-' | '(' | ')')),
        _ => false,
    };
    let text = if formula { format!("'{text}") } else { text.to_string() };
    if text.contains([',', '"', '\r', '\n']) || text.starts_with(' ') || text.ends_with(' ') {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_cells_are_quoted_when_needed() {
        assert_eq!(csv_cell("plain"), "plain");
        assert_eq!(csv_cell("李雷"), "李雷");
        assert_eq!(csv_cell(""), "");
        assert_eq!(csv_cell("a,b"), "\"a,b\"");
        assert_eq!(csv_cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_cell("two\nlines"), "\"two\nlines\"");
        assert_eq!(csv_cell("cr\rhere"), "\"cr\rhere\"");
        assert_eq!(csv_cell(" padded"), "\" padded\"");
    }

    #[test]
    fn csv_cells_that_spreadsheets_would_run_are_defused() {
        assert_eq!(csv_cell("=1+1"), "'=1+1");
        assert_eq!(csv_cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(csv_cell("+cmd|' /C calc'!A0"), "'+cmd|' /C calc'!A0");
        assert_eq!(csv_cell("-2+3+cmd|x"), "'-2+3+cmd|x");
        assert_eq!(
            csv_cell("=HYPERLINK(\"http://x\",\"y\")"),
            "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""
        );
        // Phone numbers and negative numbers stay as they are.
        assert_eq!(csv_cell("+86 139 0000 1234"), "+86 139 0000 1234");
        assert_eq!(csv_cell("-12.5"), "-12.5");
        assert_eq!(csv_cell("+44 (0)20 7946 0958"), "+44 (0)20 7946 0958");
    }
}
