//! Inlines: emphasis, code spans, links, images, autolinks, entities and escapes within a
//! block's text.

use super::html::{attributes, escape_href, escape_text, safe_url};

/// A piece of a line's output: finished HTML, or a run of `*`, `_` or `~` that may open or
/// close emphasis.
enum Piece {
    Html(String),
    /// `n` characters `c` left unmatched; the tags they became, closing before them and
    /// opening after them.
    Run {
        c: u8,
        n: usize,
        open: bool,
        close: bool,
        closes: String,
        opens: String,
    },
}

pub(super) fn inline(text: &str, out: &mut String) {
    let mut pieces: Vec<Piece> = Vec::new();
    let mut html = String::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    let flush = |html: &mut String, pieces: &mut Vec<Piece>| {
        if !html.is_empty() {
            pieces.push(Piece::Html(std::mem::take(html)));
        }
    };
    while let Some(&b) = bytes.get(i) {
        match b {
            b'\\' if bytes.get(i + 1).is_some_and(u8::is_ascii_punctuation) => {
                escape_text(&text[i + 1..i + 2], &mut html);
                i += 2;
            }
            b'\\' if bytes.get(i + 1) == Some(&b'\n') => {
                html.push_str("<br />\n");
                i += 2;
                i += spaces_at(text, i);
            }
            b'\n' => {
                // Two spaces before a line end make a hard break; other trailing spaces go.
                let trailing = html.len() - html.trim_end_matches(' ').len();
                html.truncate(html.len() - trailing);
                html.push_str(if trailing >= 2 { "<br />\n" } else { "\n" });
                i += 1;
                i += spaces_at(text, i);
            }
            b'`' => {
                let n = bytes.iter().skip(i).take_while(|&&x| x == b'`').count();
                match find_closing_ticks(&text[i + n..], n) {
                    Some(end) => {
                        let code = text[i + n..i + n + end].replace('\n', " ");
                        let code = if code.len() >= 2
                            && code.starts_with(' ')
                            && code.ends_with(' ')
                            && !code.trim().is_empty()
                        {
                            &code[1..code.len() - 1]
                        } else {
                            &code[..]
                        };
                        html.push_str("<code>");
                        escape_text(code, &mut html);
                        html.push_str("</code>");
                        i += n + end + n;
                    }
                    None => {
                        html.push_str(&text[i..i + n]);
                        i += n;
                    }
                }
            }
            b'*' | b'_' | b'~' => {
                let n = bytes.iter().skip(i).take_while(|&&x| x == b).count();
                let before = text[..i].chars().next_back();
                let after = text[i + n..].chars().next();
                let space = |c: Option<char>| c.is_none_or(char::is_whitespace);
                let punct = |c: Option<char>| {
                    c.is_some_and(|c| {
                        c.is_ascii_punctuation()
                            || (!c.is_ascii() && !c.is_alphanumeric() && !c.is_whitespace())
                    })
                };
                let left = !space(after) && (!punct(after) || space(before) || punct(before));
                let right = !space(before) && (!punct(before) || space(after) || punct(after));
                let (open, close) = match b {
                    b'_' => (left && (!right || punct(before)), right && (!left || punct(after))),
                    b'~' if n > 2 => (false, false),
                    _ => (left, right),
                };
                flush(&mut html, &mut pieces);
                pieces.push(Piece::Run {
                    c: b,
                    n,
                    open,
                    close,
                    closes: String::new(),
                    opens: String::new(),
                });
                i += n;
            }
            b'!' if bytes.get(i + 1) == Some(&b'[') => match link(text, i + 1) {
                Some((label, url, title, end)) => {
                    if super::policy::met(true, &url) {
                        html.push_str("<img");
                        attributes("src", &url, Some(&plain(label)), title.as_deref(), &mut html);
                        html.push_str(" />");
                    } else {
                        // An image from elsewhere would call a third party: its words instead.
                        escape_text(&plain(label), &mut html);
                    }
                    i = end;
                }
                None => {
                    html.push('!');
                    i += 1;
                }
            },
            b'[' => match link(text, i) {
                Some((label, url, title, end)) => {
                    super::policy::met(false, &url);
                    html.push_str("<a");
                    attributes("href", &url, None, title.as_deref(), &mut html);
                    html.push('>');
                    inline(label, &mut html);
                    html.push_str("</a>");
                    i = end;
                }
                None => {
                    html.push('[');
                    i += 1;
                }
            },
            b'<' => match autolink(&text[i..]) {
                Some((url, label, len)) => {
                    html.push_str("<a href=\"");
                    escape_href(&safe_url(&url), &mut html);
                    html.push_str("\">");
                    escape_text(label, &mut html);
                    html.push_str("</a>");
                    i += len;
                }
                None => {
                    html.push_str("&lt;");
                    i += 1;
                }
            },
            b'&' => {
                let (decoded, len) = entity(&text[i..]);
                escape_text(&decoded, &mut html);
                i += len;
            }
            _ => {
                let next = text[i..]
                    .find(['\\', '\n', '`', '*', '_', '~', '!', '[', '<', '&'])
                    .map_or(text.len(), |p| i + p.max(1));
                let next = if text.is_char_boundary(next) {
                    next
                } else {
                    (next..text.len()).find(|&k| text.is_char_boundary(k)).unwrap_or(text.len())
                };
                escape_text(&text[i..next], &mut html);
                i = next;
            }
        }
    }
    flush(&mut html, &mut pieces);
    emphasis(&mut pieces);
    for piece in pieces {
        match piece {
            Piece::Html(h) => out.push_str(&h),
            Piece::Run { c, n, closes, opens, .. } => {
                out.push_str(&closes);
                out.extend(std::iter::repeat_n(char::from(c), n));
                out.push_str(&opens);
            }
        }
    }
}

/// Matches emphasis runs as CommonMark's "process emphasis" does: each closer with the nearest
/// opener of its character before it; the characters matched become tags (outer ones around
/// inner ones when one run matches twice, as in `***both***`).
fn emphasis(pieces: &mut [Piece]) {
    let mut k = 0;
    while let Some(closer) = pieces.get(k) {
        let (c, close) = match closer {
            Piece::Run { c, close: true, n, .. } if *n > 0 => (*c, true),
            _ => (0, false),
        };
        if !close {
            k += 1;
            continue;
        }
        let closer_n = run_len(closer);
        let closer_open = matches!(closer, Piece::Run { open: true, .. });
        let opener = (0..k).rev().find(|&j| match pieces.get(j) {
            Some(Piece::Run { c: oc, open: true, n, close: oclose, .. }) if *oc == c && *n > 0 => {
                if c == b'~' {
                    return *n == closer_n;
                }
                // The rule of three: a run that can both open and close matches another
                // only if their lengths together are not a multiple of three.
                !((*oclose || closer_open)
                    && (n + closer_n) % 3 == 0
                    && !(n % 3 == 0 && closer_n % 3 == 0))
            }
            _ => false,
        });
        let Some(j) = opener else {
            if !closer_open {
                if let Some(Piece::Run { close, .. }) = pieces.get_mut(k) {
                    *close = false;
                }
            }
            k += 1;
            continue;
        };
        let opener_n = pieces.get(j).map_or(0, run_len);
        let used = if c == b'~' {
            opener_n
        } else if opener_n >= 2 && closer_n >= 2 {
            2
        } else {
            1
        };
        let (open_tag, close_tag) = match (c, used) {
            (b'~', _) => ("<del>", "</del>"),
            (_, 2) => ("<strong>", "</strong>"),
            _ => ("<em>", "</em>"),
        };
        // Runs between them can no longer match anything.
        for piece in pieces.get_mut(j + 1..k).unwrap_or_default() {
            if let Piece::Run { open, close, .. } = piece {
                *open = false;
                *close = false;
            }
        }
        if let Some(Piece::Run { n, opens, .. }) = pieces.get_mut(j) {
            *n -= used;
            opens.insert_str(0, open_tag);
        }
        if let Some(Piece::Run { n, closes, .. }) = pieces.get_mut(k) {
            *n -= used;
            closes.push_str(close_tag);
        }
        if pieces.get(k).map_or(0, run_len) == 0 {
            k += 1;
        }
    }
}

fn run_len(piece: &Piece) -> usize {
    match piece {
        Piece::Run { n, .. } => *n,
        Piece::Html(_) => 0,
    }
}

/// The length of a code span's content up to the closing run of exactly `n` backticks.
fn find_closing_ticks(text: &str, n: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b == b'`' {
            let run = bytes.iter().skip(i).take_while(|&&x| x == b'`').count();
            if run == n {
                return Some(i);
            }
            i += run;
        } else {
            i += 1;
        }
    }
    None
}

/// An inline link at `text[open]` (a `[`): its label, destination, title and where it ends.
fn link(text: &str, open: usize) -> Option<(&str, String, Option<String>, usize)> {
    let bytes = text.as_bytes();
    let mut depth = 0;
    let mut i = open;
    let close = loop {
        match bytes.get(i)? {
            b'\\' => i += 1,
            b'`' => {
                let n = bytes.iter().skip(i).take_while(|&&x| x == b'`').count();
                i += find_closing_ticks(&text[i + n..], n).map_or(0, |e| e + n) + n - 1;
            }
            b'[' => depth += 1,
            b']' => {
                depth -= 1;
                if depth == 0 {
                    break i;
                }
            }
            _ => {}
        }
        i += 1;
    };
    if bytes.get(close + 1) != Some(&b'(') {
        return None;
    }
    let mut i = close + 2;
    i += text[i..].len() - text[i..].trim_start().len();
    let url;
    if bytes.get(i) == Some(&b'<') {
        let end = text[i + 1..].find(['>', '\n'])? + i + 1;
        if bytes.get(end) != Some(&b'>') {
            return None;
        }
        url = unescape(&text[i + 1..end]);
        i = end + 1;
    } else {
        let start = i;
        let mut parens = 0;
        while let Some(&b) = bytes.get(i) {
            match b {
                b'\\' => i += 1,
                b'(' => parens += 1,
                b')' if parens == 0 => break,
                b')' => parens -= 1,
                _ if b.is_ascii_whitespace() || b.is_ascii_control() => break,
                _ => {}
            }
            i += 1;
        }
        url = unescape(text.get(start..i)?);
    }
    let spaced = text[i..].len() - text[i..].trim_start().len();
    i += spaced;
    let mut title = None;
    if spaced > 0 {
        if let Some(&q @ (b'"' | b'\'' | b'(')) = bytes.get(i) {
            let end_quote = if q == b'(' { b')' } else { q };
            let mut j = i + 1;
            while let Some(&b) = bytes.get(j).filter(|&&b| b != end_quote) {
                j += if b == b'\\' { 2 } else { 1 };
            }
            bytes.get(j)?;
            title = Some(unescape(&text[i + 1..j]));
            i = j + 1;
            i += text[i..].len() - text[i..].trim_start().len();
        }
    }
    (bytes.get(i) == Some(&b')')).then(|| (&text[open + 1..close], url, title, i + 1))
}

/// An autolink at the start of `text` (`<https://…>`, `<name@example.cn>`): its address, its
/// text and its length.
fn autolink(text: &str) -> Option<(String, &str, usize)> {
    let end = text.find('>')?;
    let inner = &text[1..end];
    if inner.is_empty() || inner.contains(|c: char| c.is_whitespace() || c == '<') {
        return None;
    }
    let scheme = inner.split(':').next().unwrap_or("");
    let is_uri = inner.contains(':')
        && (2..=32).contains(&scheme.len())
        && scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '.' | '-'));
    if is_uri {
        return Some((inner.to_string(), inner, end + 1));
    }
    let (user, domain) = inner.split_once('@')?;
    let ok = !user.is_empty()
        && user.chars().all(|c| c.is_ascii_alphanumeric() || ".!#$%&'*+/=?^_`{|}~-".contains(c))
        && !domain.is_empty()
        && domain.split('.').all(|p| {
            !p.is_empty()
                && p.len() <= 63
                && p.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        });
    ok.then(|| (format!("mailto:{inner}"), inner, end + 1))
}

/// The text an entity at the start of `text` stands for, and its length; a lone `&` stands
/// for itself.
fn entity(text: &str) -> (String, usize) {
    let named = [
        ("&amp;", "&"),
        ("&lt;", "<"),
        ("&gt;", ">"),
        ("&quot;", "\""),
        ("&apos;", "'"),
        ("&nbsp;", "\u{a0}"),
        ("&copy;", "©"),
        ("&yen;", "¥"),
    ];
    for (name, value) in named {
        if text.starts_with(name) {
            return (value.to_string(), name.len());
        }
    }
    if let Some(rest) = text.strip_prefix("&#") {
        let (hex, digits) = match rest.strip_prefix(['x', 'X']) {
            Some(h) => (true, h),
            None => (false, rest),
        };
        let len = digits
            .bytes()
            .take_while(|b| if hex { b.is_ascii_hexdigit() } else { b.is_ascii_digit() })
            .count();
        if (1..=if hex { 6 } else { 7 }).contains(&len) && digits.as_bytes().get(len) == Some(&b';')
        {
            let code = u32::from_str_radix(&digits[..len], if hex { 16 } else { 10 }).unwrap_or(0);
            let c = char::from_u32(code).filter(|&c| c != '\0').unwrap_or('\u{fffd}');
            return (c.to_string(), 2 + usize::from(hex) + len + 1);
        }
    }
    ("&".to_string(), 1)
}

/// `text` without its backslash escapes and with its entities decoded (destinations, titles).
pub(super) fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < text.len() {
        let rest = &text[i..];
        let c = rest.chars().next().unwrap_or(' ');
        if c == '\\' && rest[1..].starts_with(|n: char| n.is_ascii_punctuation()) {
            out.push_str(&rest[1..2]);
            i += 2;
        } else if c == '&' {
            let (decoded, len) = entity(rest);
            out.push_str(&decoded);
            i += len;
        } else {
            out.push(c);
            i += c.len_utf8();
        }
    }
    out
}

/// An image's alternative text: its label without markup.
fn plain(label: &str) -> String {
    let mut html = String::new();
    inline(label, &mut html);
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&")
}

/// How many spaces start `text` at byte `i` (the next line's indentation, after a line end).
fn spaces_at(text: &str, i: usize) -> usize {
    text.as_bytes().get(i..).map_or(0, |rest| rest.iter().take_while(|&&b| b == b' ').count())
}
