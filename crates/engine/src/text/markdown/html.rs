//! Writing HTML: text and attribute values escaped, and link addresses kept to safe schemes.

/// ` href="…"` (or `src`) with a safe address, then ` alt="…"` and ` title="…"` when given.
pub(super) fn attributes(
    name: &str,
    url: &str,
    alt: Option<&str>,
    title: Option<&str>,
    out: &mut String,
) {
    out.push(' ');
    out.push_str(name);
    out.push_str("=\"");
    escape_href(&safe_url(url), out);
    out.push('"');
    if let Some(alt) = alt {
        out.push_str(" alt=\"");
        escape_attribute(alt, out);
        out.push('"');
    }
    if let Some(title) = title {
        out.push_str(" title=\"");
        escape_attribute(title, out);
        out.push('"');
    }
}

/// `url`, or `#` where the URL policy (`text::is_safe_link`) refuses it.
pub(super) fn safe_url(url: &str) -> String {
    if crate::text::is_safe_link(url.trim()) {
        url.to_string()
    } else {
        "#".to_string()
    }
}

/// `text` safe as element content and as a quoted attribute value (`&`, `<`, `>`, `"` and `'`
/// escaped): the one escaper of the HTML the shells write themselves (the static pages' heads,
/// the receiver's dashboard).
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\'' => out.push_str("&#39;"),
            c => escape_attribute(c.encode_utf8(&mut [0; 4]), &mut out),
        }
    }
    out
}

pub(super) fn escape_text(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            _ => out.push(c),
        }
    }
}

pub(super) fn escape_attribute(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '"' => out.push_str("&quot;"),
            _ => escape_text(c.encode_utf8(&mut [0; 4]), out),
        }
    }
}

/// A destination as an `href`: what may not stand in one percent-encoded, `&` and `'` escaped.
pub(super) fn escape_href(url: &str, out: &mut String) {
    for &b in url.as_bytes() {
        match b {
            b'&' => out.push_str("&amp;"),
            b'\'' => out.push_str("&#x27;"),
            b'!'
            | b'#'
            | b'$'
            | b'%'
            | b'('..=b';'
            | b'='
            | b'?'..=b'Z'
            | b'['
            | b']'
            | b'_'
            | b'a'..=b'z'
            | b'~' => out.push(char::from(b)),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
}
