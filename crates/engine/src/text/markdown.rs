//! Markdown in definitions (content blocks, descriptions, outcomes, guides) rendered to HTML
//! that is safe to insert: raw HTML in the source is shown as text, and links may only go to
//! web, mail or phone addresses or stay on the site.
//!
//! The subset of CommonMark + GFM that public-service texts use (docs/definitions.md):
//! paragraphs, ATX headings, bullet and numbered lists (nested), block quotes, fenced and
//! indented code, thematic breaks, pipe tables; emphasis, strong, strikethrough, code spans,
//! inline links and images, autolinks, hard breaks, backslash escapes, the common entities.
//! Within it the output is pulldown-cmark's, byte for byte (a test compares them), but this
//! renderer is a tenth of the code it put in the browser bundle (~67 KB gzip, with its entity
//! table): setext headings, reference links and the rarer entities are left out.

/// Renders `markdown` to safe HTML.
///
/// ```
/// let html = onewindow_engine::render_markdown("**Bring** <script>x()</script> [this](javascript:alert(1))");
/// assert!(!html.contains("<script"));
/// assert!(!html.contains("javascript:"));
/// assert!(html.contains("<strong>Bring</strong>"));
/// ```
pub fn render_markdown(markdown: &str) -> String {
    let lines: Vec<String> = markdown.lines().map(expand_tabs).collect();
    let mut out = String::with_capacity(markdown.len() * 3 / 2);
    blocks(&lines, false, &mut out);
    out
}

/// Tabs in the indentation as the spaces they stand for (to the next multiple of four), so
/// indentation is counted one way.
fn expand_tabs(line: &str) -> String {
    let lead = line.len() - line.trim_start_matches([' ', '\t']).len();
    if !line[..lead].contains('\t') {
        return line.to_string();
    }
    let mut out = String::with_capacity(line.len() + 8);
    for c in line[..lead].chars() {
        let n = if c == '\t' { 4 - out.len() % 4 } else { 1 };
        out.extend(std::iter::repeat_n(' ', n));
    }
    out.push_str(&line[lead..]);
    out
}

fn indent(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

fn blank(line: &str) -> bool {
    line.trim().is_empty()
}

/// A new line of output before a block, unless it starts one already.
fn open_block(out: &mut String, tag: &str) {
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
    out.push_str(tag);
}

/// `#` to `######` followed by a space or the end: the level and the text.
fn heading(text: &str) -> Option<(usize, &str)> {
    let level = text.bytes().take_while(|&b| b == b'#').count();
    let rest = &text[level..];
    if !(1..=6).contains(&level) || !(rest.is_empty() || rest.starts_with(' ')) {
        return None;
    }
    let rest = rest.trim();
    // A closing run of #s preceded by a space (or alone) is not part of the text.
    let without = rest.trim_end_matches('#');
    let content = if without.is_empty() {
        ""
    } else if without.ends_with(' ') {
        without.trim_end()
    } else {
        rest
    };
    Some((level, content))
}

fn thematic_break(text: &str) -> bool {
    let mut chars = text.chars().filter(|c| *c != ' ');
    let Some(first @ ('-' | '*' | '_')) = chars.next() else { return false };
    let mut count = 1;
    for c in chars {
        if c != first {
            return false;
        }
        count += 1;
    }
    count >= 3
}

/// The fence of a fenced code block: its character and length.
fn fence(text: &str) -> Option<(char, usize)> {
    let c = text.chars().next().filter(|c| matches!(c, '`' | '~'))?;
    let n = text.chars().take_while(|&x| x == c).count();
    (n >= 3 && !(c == '`' && text[n..].contains('`'))).then_some((c, n))
}

#[derive(Clone, Copy, PartialEq)]
enum Marker {
    Bullet(u8),
    Ordered(u8),
}

/// A list item's marker at the start of `line`: the marker, its start number, and the column
/// its content starts at.
fn list_item(line: &str) -> Option<(Marker, u64, usize)> {
    let lead = indent(line);
    let text = &line[lead..];
    let bytes = text.as_bytes();
    let (marker, start, width) = match bytes.first()? {
        b @ (b'-' | b'*' | b'+') => (Marker::Bullet(*b), 0, 1),
        b'0'..=b'9' => {
            let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
            let delimiter = *bytes.get(digits)?;
            if digits > 9 || !matches!(delimiter, b'.' | b')') {
                return None;
            }
            (Marker::Ordered(delimiter), text[..digits].parse().ok()?, digits + 1)
        }
        _ => return None,
    };
    let after = &text[width..];
    if after.is_empty() {
        return Some((marker, start, lead + width + 1));
    }
    if !after.starts_with(' ') {
        return None;
    }
    let spaces = indent(after);
    // Five spaces or more: one belongs to the marker, the rest to indented code.
    let spaces = if spaces > 4 || blank(after) { 1 } else { spaces };
    Some((marker, start, lead + width + spaces))
}

/// Whether `line` (not indented as code) would end a paragraph.
fn interrupts(line: &str) -> bool {
    if indent(line) >= 4 {
        return false;
    }
    let text = line.trim_start();
    heading(text).is_some()
        || thematic_break(text)
        || fence(text).is_some()
        || text.starts_with('>')
        || list_item(line).is_some_and(|(marker, start, content)| {
            // An empty item, or a numbered one not starting at 1, does not interrupt a paragraph.
            !blank(&line[content.min(line.len())..])
                && (matches!(marker, Marker::Bullet(_)) || start == 1)
        })
}

/// A table's delimiter row: the alignment of each column.
fn delimiter_row(line: &str) -> Option<Vec<&'static str>> {
    let cells = split_row(line);
    let mut aligns = Vec::with_capacity(cells.len());
    for cell in cells {
        let cell = cell.trim();
        let dashes = cell.trim_start_matches(':').trim_end_matches(':');
        if dashes.is_empty() || !dashes.bytes().all(|b| b == b'-') {
            return None;
        }
        aligns.push(match (cell.starts_with(':'), cell.ends_with(':')) {
            (true, true) => "center",
            (true, false) => "left",
            (false, true) => "right",
            (false, false) => "",
        });
    }
    Some(aligns)
}

/// The cells of a table row: split at pipes that are not escaped, without the outer ones.
fn split_row(line: &str) -> Vec<&str> {
    let mut text = line.trim();
    text = text.strip_prefix('|').unwrap_or(text);
    if text.ends_with('|') && !text.ends_with("\\|") {
        text = &text[..text.len() - 1];
    }
    let mut cells = Vec::new();
    let (mut start, mut escaped) = (0, false);
    for (i, b) in text.bytes().enumerate() {
        match b {
            b'\\' if !escaped => escaped = true,
            b'|' if !escaped => {
                cells.push(&text[start..i]);
                start = i + 1;
            }
            _ => escaped = false,
        }
    }
    cells.push(&text[start..]);
    cells
}

/// Renders a sequence of block-level lines. `tight`: paragraphs without `<p>`, as in the items
/// of a list with no blank lines between them.
fn blocks(lines: &[String], tight: bool, out: &mut String) {
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i].as_str();
        if blank(line) {
            i += 1;
            continue;
        }
        let lead = indent(line);
        let text = &line[lead..];
        if lead >= 4 {
            // Indented code, to the last indented line before a line that is not.
            let mut end = i;
            let mut j = i;
            while j < lines.len() && (blank(&lines[j]) || indent(&lines[j]) >= 4) {
                if !blank(&lines[j]) {
                    end = j;
                }
                j += 1;
            }
            open_block(out, "<pre><code>");
            for l in &lines[i..=end] {
                escape_text(l.get(4..).unwrap_or(""), out);
                out.push('\n');
            }
            out.push_str("</code></pre>\n");
            i = end + 1;
        } else if let Some((c, n)) = fence(text) {
            let info = text[n..].trim();
            let language = info.split(' ').next().unwrap_or("");
            if language.is_empty() {
                open_block(out, "<pre><code>");
            } else {
                open_block(out, "<pre><code class=\"language-");
                escape_attribute(&unescape(language), out);
                out.push_str("\">");
            }
            i += 1;
            while i < lines.len() {
                let l = lines[i].as_str();
                let t = l.trim_start();
                if indent(l) < 4
                    && t.starts_with(c)
                    && t.chars().take_while(|&x| x == c).count() >= n
                    && t.trim_start_matches(c).trim().is_empty()
                {
                    i += 1;
                    break;
                }
                // The fence's own indentation is taken off its content.
                let strip = indent(l).min(lead);
                escape_text(&l[strip..], out);
                out.push('\n');
                i += 1;
            }
            out.push_str("</code></pre>\n");
        } else if let Some((level, content)) = heading(text) {
            open_block(out, &format!("<h{level}>"));
            inline(content, out);
            out.push_str(&format!("</h{level}>\n"));
            i += 1;
        } else if thematic_break(text) {
            open_block(out, "<hr />\n");
            i += 1;
        } else if text.starts_with('>') {
            let mut inner: Vec<String> = Vec::new();
            while i < lines.len() {
                let l = lines[i].as_str();
                let t = l.trim_start();
                if indent(l) < 4 && t.starts_with('>') {
                    let rest = &t[1..];
                    inner.push(rest.strip_prefix(' ').unwrap_or(rest).to_string());
                } else if !blank(l) && inner.last().is_some_and(|p| !blank(p)) && !interrupts(l) {
                    // A lazy line continues the quoted paragraph.
                    inner.push(l.to_string());
                } else {
                    break;
                }
                i += 1;
            }
            open_block(out, "<blockquote>\n");
            blocks(&inner, false, out);
            out.push_str("</blockquote>\n");
        } else if let Some((marker, start, _)) = list_item(line) {
            i = list(lines, i, marker, start, out);
        } else if let Some(aligns) = lines
            .get(i + 1)
            .filter(|_| text.contains('|'))
            .and_then(|l| delimiter_row(l))
            .filter(|a| a.len() == split_row(line).len())
        {
            i = table(lines, i, &aligns, out);
        } else {
            // A paragraph, to a blank line or a line that starts another block.
            let mut end = i + 1;
            while end < lines.len() && !blank(&lines[end]) && !interrupts(&lines[end]) {
                end += 1;
            }
            let joined: Vec<&str> = lines[i..end].iter().map(|l| l.trim_start()).collect();
            if !tight {
                open_block(out, "<p>");
            }
            inline(joined.join("\n").trim_end(), out);
            if !tight {
                out.push_str("</p>\n");
            }
            i = end;
        }
    }
}

/// A list from `lines[first]`; returns the index after it.
fn list(lines: &[String], first: usize, marker: Marker, start: u64, out: &mut String) -> usize {
    let mut items: Vec<Vec<String>> = Vec::new();
    let mut loose = false;
    let mut i = first;
    while i < lines.len() {
        let Some((_, _, content)) = list_item(&lines[i]).filter(|(m, _, _)| *m == marker) else {
            break;
        };
        if indent(&lines[i]) >= 4 || (!items.is_empty() && thematic_break(lines[i].trim_start())) {
            break;
        }
        let first_line = lines[i].get(content..).unwrap_or("").to_string();
        let mut item = vec![first_line];
        i += 1;
        // The item's other lines: indented to its content, lazy continuations, blank lines
        // followed by more of it.
        while i < lines.len() {
            let l = lines[i].as_str();
            if indent(l) < content && list_item(l).is_some_and(|(m, _, _)| m == marker) {
                break;
            }
            if blank(l) {
                let next = lines[i..].iter().position(|l| !blank(l)).map(|p| i + p);
                match next {
                    Some(n) if indent(&lines[n]) >= content => {
                        item.extend(std::iter::repeat_n(String::new(), n - i));
                        i = n;
                    }
                    _ => break,
                }
            } else if indent(l) >= content {
                item.push(l[content..].to_string());
                i += 1;
            } else if item.last().is_some_and(|p| !blank(p))
                && !interrupts(l)
                && !is_block_start(item.last().map_or("", |s| s.as_str()))
            {
                item.push(l.trim_start().to_string());
                i += 1;
            } else {
                break;
            }
        }
        // Blank lines between the item's own blocks make the list loose.
        let body_end = item.iter().rposition(|l| !blank(l)).unwrap_or(0);
        if item[..body_end].iter().any(|l| blank(l)) && !only_in_code(&item[..=body_end]) {
            loose = true;
        }
        items.push(item);
        // A blank line before the next item makes the list loose too.
        let gap = lines[i..].iter().take_while(|l| blank(l)).count();
        if gap > 0 {
            let next = i + gap;
            if next < lines.len()
                && list_item(&lines[next]).is_some_and(|(m, _, _)| m == marker)
                && indent(&lines[next]) < 4
            {
                loose = true;
                i = next;
            } else {
                break;
            }
        }
    }
    match marker {
        Marker::Bullet(_) => open_block(out, "<ul>\n"),
        Marker::Ordered(_) if start == 1 => open_block(out, "<ol>\n"),
        Marker::Ordered(_) => open_block(out, &format!("<ol start=\"{start}\">\n")),
    }
    for item in &items {
        open_block(out, "<li>");
        blocks(item, !loose, out);
        out.push_str("</li>\n");
    }
    out.push_str(if matches!(marker, Marker::Bullet(_)) { "</ul>\n" } else { "</ol>\n" });
    i
}

/// Whether an item's last line opened a block a lazy line cannot continue (a heading, say).
fn is_block_start(line: &str) -> bool {
    let t = line.trim_start();
    heading(t).is_some() || fence(t).is_some() || thematic_break(t)
}

/// Whether every blank line among `lines` is inside a fenced code block.
fn only_in_code(lines: &[String]) -> bool {
    let mut open: Option<(char, usize)> = None;
    for l in lines {
        let t = l.trim_start();
        match open {
            None if fence(t).is_some() => open = fence(t),
            Some((c, n)) if t.starts_with(c) && t.chars().take_while(|&x| x == c).count() >= n => {
                open = None
            }
            None if blank(l) => return false,
            _ => {}
        }
    }
    true
}

/// A pipe table from `lines[first]` (its header) and its delimiter row; returns the index after.
fn table(lines: &[String], first: usize, aligns: &[&str], out: &mut String) -> usize {
    let cell = |tag: &str, align: &str, content: &str, out: &mut String| {
        out.push('<');
        out.push_str(tag);
        if !align.is_empty() {
            out.push_str(" style=\"text-align: ");
            out.push_str(align);
            out.push('"');
        }
        out.push('>');
        inline(content.trim(), out);
        out.push_str("</");
        out.push_str(tag);
        out.push('>');
    };
    open_block(out, "<table><thead><tr>");
    for (k, content) in split_row(&lines[first]).iter().enumerate() {
        cell("th", aligns[k], content, out);
    }
    out.push_str("</tr></thead><tbody>\n");
    let mut i = first + 2;
    while i < lines.len() && !blank(&lines[i]) && !interrupts(&lines[i]) {
        let cells = split_row(&lines[i]);
        out.push_str("<tr>");
        for (k, align) in aligns.iter().enumerate() {
            cell("td", align, cells.get(k).copied().unwrap_or(""), out);
        }
        out.push_str("</tr>\n");
        i += 1;
    }
    out.push_str("</tbody></table>\n");
    i
}

// --- inlines ----------------------------------------------------------------------------------

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

fn inline(text: &str, out: &mut String) {
    let mut pieces: Vec<Piece> = Vec::new();
    let mut html = String::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    let flush = |html: &mut String, pieces: &mut Vec<Piece>| {
        if !html.is_empty() {
            pieces.push(Piece::Html(std::mem::take(html)));
        }
    };
    while i < bytes.len() {
        let b = bytes[i];
        match b {
            b'\\' if bytes.get(i + 1).is_some_and(u8::is_ascii_punctuation) => {
                escape_text(&text[i + 1..i + 2], &mut html);
                i += 2;
            }
            b'\\' if bytes.get(i + 1) == Some(&b'\n') => {
                html.push_str("<br />\n");
                i += 2;
                i += indent(&text[i..]);
            }
            b'\n' => {
                // Two spaces before a line end make a hard break; other trailing spaces go.
                let trailing = html.len() - html.trim_end_matches(' ').len();
                html.truncate(html.len() - trailing);
                html.push_str(if trailing >= 2 { "<br />\n" } else { "\n" });
                i += 1;
                i += indent(&text[i..]);
            }
            b'`' => {
                let n = bytes[i..].iter().take_while(|&&x| x == b'`').count();
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
                let n = bytes[i..].iter().take_while(|&&x| x == b).count();
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
                    html.push_str("<img");
                    attributes("src", &url, Some(&plain(label)), title.as_deref(), &mut html);
                    html.push_str(" />");
                    i = end;
                }
                None => {
                    html.push('!');
                    i += 1;
                }
            },
            b'[' => match link(text, i) {
                Some((label, url, title, end)) => {
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
    while k < pieces.len() {
        let (c, close) = match &pieces[k] {
            Piece::Run { c, close: true, n, .. } if *n > 0 => (*c, true),
            _ => (0, false),
        };
        if !close {
            k += 1;
            continue;
        }
        let closer_n = run_len(&pieces[k]);
        let closer_open = matches!(pieces[k], Piece::Run { open: true, .. });
        let opener = (0..k).rev().find(|&j| match &pieces[j] {
            Piece::Run { c: oc, open: true, n, close: oclose, .. } if *oc == c && *n > 0 => {
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
            if !matches!(pieces[k], Piece::Run { open: true, .. }) {
                if let Piece::Run { close, .. } = &mut pieces[k] {
                    *close = false;
                }
            }
            k += 1;
            continue;
        };
        let opener_n = run_len(&pieces[j]);
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
        for piece in &mut pieces[j + 1..k] {
            if let Piece::Run { open, close, .. } = piece {
                *open = false;
                *close = false;
            }
        }
        if let Piece::Run { n, opens, .. } = &mut pieces[j] {
            *n -= used;
            opens.insert_str(0, open_tag);
        }
        if let Piece::Run { n, closes, .. } = &mut pieces[k] {
            *n -= used;
            closes.push_str(close_tag);
        }
        if run_len(&pieces[k]) == 0 {
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
    while i < bytes.len() {
        if bytes[i] == b'`' {
            let run = bytes[i..].iter().take_while(|&&x| x == b'`').count();
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
                let n = bytes[i..].iter().take_while(|&&x| x == b'`').count();
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
        if bytes[end] != b'>' {
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
            while bytes.get(j).is_some_and(|&b| b != end_quote) {
                j += if bytes[j] == b'\\' { 2 } else { 1 };
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
fn unescape(text: &str) -> String {
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

/// ` href="…"` (or `src`) with a safe address, then ` alt="…"` and ` title="…"` when given.
fn attributes(name: &str, url: &str, alt: Option<&str>, title: Option<&str>, out: &mut String) {
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

fn safe_url(url: &str) -> String {
    let lower = url.trim().to_ascii_lowercase();
    let scheme_end = lower.find([':', '/', '?', '#']);
    let has_scheme = scheme_end.is_some_and(|i| lower.as_bytes()[i] == b':');
    let allowed =
        !has_scheme || ["http:", "https:", "mailto:", "tel:"].iter().any(|s| lower.starts_with(s));
    if allowed {
        url.to_string()
    } else {
        "#".to_string()
    }
}

fn escape_text(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            _ => out.push(c),
        }
    }
}

fn escape_attribute(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '"' => out.push_str("&quot;"),
            _ => escape_text(c.encode_utf8(&mut [0; 4]), out),
        }
    }
}

/// A destination as an `href`: what may not stand in one percent-encoded, `&` and `'` escaped.
fn escape_href(url: &str, out: &mut String) {
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

#[cfg(test)]
mod tests;
