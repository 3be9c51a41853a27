//! Blocks: the lines of a text grouped into paragraphs, headings, lists, quotes, code and
//! tables, each rendered with its inline content.

use super::html::{escape_attribute, escape_text};
use super::inline::{inline, unescape};

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
    while let Some(line) = lines.get(i) {
        let line = line.as_str();
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
            while let Some(l) = lines.get(j).filter(|l| blank(l) || indent(l) >= 4) {
                if !blank(l) {
                    end = j;
                }
                j += 1;
            }
            open_block(out, "<pre><code>");
            for l in lines.get(i..=end).unwrap_or_default() {
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
            while let Some(l) = lines.get(i) {
                let l = l.as_str();
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
            while let Some(l) = lines.get(i) {
                let l = l.as_str();
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
            while lines.get(end).is_some_and(|l| !blank(l) && !interrupts(l)) {
                end += 1;
            }
            let joined: Vec<&str> =
                lines.get(i..end).unwrap_or_default().iter().map(|l| l.trim_start()).collect();
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
    while let Some(line) = lines.get(i) {
        let Some((_, _, content)) = list_item(line).filter(|(m, _, _)| *m == marker) else {
            break;
        };
        if indent(line) >= 4 || (!items.is_empty() && thematic_break(line.trim_start())) {
            break;
        }
        let first_line = line.get(content..).unwrap_or("").to_string();
        let mut item = vec![first_line];
        i += 1;
        // The item's other lines: indented to its content, lazy continuations, blank lines
        // followed by more of it.
        while let Some(l) = lines.get(i) {
            let l = l.as_str();
            if indent(l) < content && list_item(l).is_some_and(|(m, _, _)| m == marker) {
                break;
            }
            if blank(l) {
                let next = lines.iter().skip(i).position(|l| !blank(l)).map(|p| i + p);
                match next {
                    Some(n) if lines.get(n).is_some_and(|l| indent(l) >= content) => {
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
        let body = item.get(..=body_end).unwrap_or_default();
        if body.iter().take(body_end).any(|l| blank(l)) && !only_in_code(body) {
            loose = true;
        }
        items.push(item);
        // A blank line before the next item makes the list loose too.
        let gap = lines.iter().skip(i).take_while(|l| blank(l)).count();
        if gap > 0 {
            let next = i + gap;
            let item_follows = lines.get(next).is_some_and(|l| {
                list_item(l).is_some_and(|(m, _, _)| m == marker) && indent(l) < 4
            });
            if item_follows {
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
        // A class, not pulldown-cmark's `style="text-align: …"`: the app's pages and the hosts
        // of the embed refuse style attributes (Content-Security-Policy `style-src 'self'`).
        if !align.is_empty() {
            out.push_str(" class=\"ow-align-");
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
    // The caller checked that the header has a cell per alignment.
    let header = lines.get(first).map_or("", String::as_str);
    for (content, align) in split_row(header).iter().zip(aligns) {
        cell("th", align, content, out);
    }
    out.push_str("</tr></thead><tbody>\n");
    let mut i = first + 2;
    while let Some(line) = lines.get(i).filter(|l| !blank(l) && !interrupts(l)) {
        let cells = split_row(line);
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
