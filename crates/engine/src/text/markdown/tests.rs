//! The renderer against pulldown-cmark (CommonMark + GFM tables and strikethrough, with the
//! same safety rules) on the subset it claims, and on its own for safety and garbage.

use super::render_markdown;
use pulldown_cmark::{html, CowStr, Event, Options, Parser, Tag};

/// What pulldown-cmark makes of `markdown` under the same rules: raw HTML shown as text, only
/// safe link and image addresses, and a table column's alignment as our class rather than its
/// `style` attribute (which a strict Content-Security-Policy refuses).
fn reference(markdown: &str) -> String {
    let safe = |url: CowStr<'_>| -> CowStr<'_> { CowStr::from(super::html::safe_url(&url)) };
    // An image from another site (or not an address at all) is its alternative text, plain.
    let mut dropped_image = 0usize;
    let events = Parser::new_ext(markdown, Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TABLES)
        .filter_map(move |event| match event {
            Event::Start(Tag::Image { ref dest_url, .. })
                if dropped_image > 0 || !crate::text::is_allowed_image(dest_url.trim(), &[]) =>
            {
                dropped_image += 1;
                None
            }
            Event::End(pulldown_cmark::TagEnd::Image) if dropped_image > 0 => {
                dropped_image -= 1;
                None
            }
            Event::Code(code) if dropped_image > 0 => Some(Event::Text(code)),
            Event::Text(_) if dropped_image > 0 => Some(event),
            _ if dropped_image > 0 => None,
            Event::Html(raw) | Event::InlineHtml(raw) => Some(Event::Text(raw)),
            Event::Start(Tag::Link { link_type, dest_url, title, id }) => {
                Some(Event::Start(Tag::Link { link_type, dest_url: safe(dest_url), title, id }))
            }
            Event::Start(Tag::Image { link_type, dest_url, title, id }) => {
                Some(Event::Start(Tag::Image { link_type, dest_url: safe(dest_url), title, id }))
            }
            other => Some(other),
        });
    let mut out = String::new();
    html::push_html(&mut out, events);
    for align in ["left", "center", "right"] {
        out = out.replace(
            &format!(" style=\"text-align: {align}\""),
            &format!(" class=\"ow-align-{align}\""),
        );
    }
    out
}

const SUBSET: &[&str] = &[
    "",
    "Plain text.",
    "Two\nlines, one paragraph.",
    "First paragraph.\n\nSecond paragraph.",
    "  Leading spaces and trailing ones   ",
    "# Heading\n\n## Sub heading ##\n\n###### Six\n\n#Not a heading",
    "Text\n# Heading right after\nmore",
    "**Bring** the original *and* a copy; __strong__ and _em_ too.",
    "***both*** and **strong *nested em* inside**",
    "请**携带**身份证原件，**注意**：复印件无效。",
    "申请人须年满 *16* 周岁。需要提交：**户口簿**、**身份证**。",
    "snake_case_words stay as they are, and 2*3*4 too",
    "~~withdrawn~~ replaced",
    "A `code span` and ``code with ` tick``",
    "- one\n- two\n- three",
    "* star\n* list",
    "- item\n\n- loose item",
    "1. first\n2. second\n3. third",
    "3. starts at three\n4. four",
    "1) paren\n2) style",
    "- outer\n  - inner\n  - inner two\n- outer two",
    "- item with\n  a continuation line\n- and lazy\ncontinuation",
    "- item\n\n  second paragraph of the item\n- next",
    "Before the list\n- a\n- b\n\nAfter the list",
    "1. 携带居民身份证\n2. 填写《申请表》\n3. 缴纳费用",
    "> Quoted text\n> over two lines\n\n> Another quote\nwith a lazy line",
    "> - a list\n> - in a quote",
    "---\n\n***\n\n___",
    "Paragraph\n\n---\n\nAfter the rule",
    "```\ncode block\n  indented inside\n```",
    "```rust\nfn main() {}\n```",
    "~~~\ntilde fence\n~~~",
    "    indented code\n    second line\n",
    "See [the guide](https://www.gov.cn/guide) or [mail us](mailto:help@example.cn).",
    "[with title](https://example.cn \"The title\") and [relative](/forms/x.json)",
    "[call](tel:12345) and [fragment](#top) and [query](?form=a&lang=en)",
    "[**strong** label](https://example.cn)",
    "<https://www.gov.cn> and <help@example.cn>",
    "![A photo](photo.jpg) and ![alt *em*](https://example.cn/p.png \"T\")",
    "Hard break at the end  \nof this line, and a backslash\\\nbreak",
    "Escapes: \\*not em\\*, \\[not a link\\], 1\\. not a list",
    "Entities: &amp; &lt; &gt; &quot; &copy; &#20013; &#x6587; and a lone & sign",
    "Raw <b>HTML</b> is <script>alert(1)</script> shown as text",
    "Quotes \"double\" and 'single' and <angle>",
    "| Fee | Amount |\n| --- | ---: |\n| Passport | 120 |\n| Fast track | **60** |",
    "| left | centre | right |\n|:--|:-:|--:|\n| a | b | c |",
    "Text before\n\n| a | b |\n|---|---|\n| 1 |",
    "a | b\n--|--\n1 | 2",
    "- [link in list](https://example.cn)\n- `code` in list",
    "Line with trailing backslash\\",
    "*unclosed emphasis and **unclosed strong",
    "**bold**text and text**bold**",
    "Unicode — 中文：《身份证》“引号”（括号）",
    "[not closed](https://example.cn",
    "[label]\n(not a link)",
    "Tab\tinside and\n\tindented with a tab",
    "* * *",
    "- \n- empty item above",
    "10. ten\n11. eleven",
    "- bullets\n  1. with numbers\n  2. inside\n- back out",
    "Intro line\n- list right after a paragraph\n- b",
    "*a **b** c* and **a *b* c**",
    "**a* and *a** and a*b*c and __init__ and _a_b",
    "[x](https://a.cn/(b)) and [y](<https://a.cn/with space>)",
    "## Heading with **strong** and `code`",
    "| Code | Note |\n|---|---|\n| `a|b` | x \\| y |",
    "> ## Quoted heading\n> text",
    "Text with a [link `code`](https://example.cn) inside",
    "- a\n- b\n\n\n- c after two blanks",
    "1. one\n\n   para in item\n2. two",
    "Price: ¥120 * 2 = ¥240",
    "*emphasis*，中文标点后**强调**。",
];

#[test]
fn the_subset_renders_as_commonmark_does() {
    let mut wrong = Vec::new();
    for doc in SUBSET {
        let (ours, theirs) = (render_markdown(doc), reference(doc));
        if ours != theirs {
            wrong.push(format!("{doc:?}\n  ours:   {ours:?}\n  theirs: {theirs:?}"));
        }
    }
    assert!(wrong.is_empty(), "{} of {} differ:\n{}", wrong.len(), SUBSET.len(), wrong.join("\n"));
}

#[test]
fn every_text_in_the_shipped_definitions_renders_as_commonmark_does() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../forms");
    let mut files = vec![root.clone()];
    let mut texts: Vec<String> = Vec::new();
    while let Some(path) = files.pop() {
        if path.is_dir() {
            files.extend(std::fs::read_dir(&path).unwrap().map(|e| e.unwrap().path()));
        } else if path.extension().is_some_and(|e| e == "json") {
            let value: serde_json::Value =
                serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
            collect(&value, &mut texts);
        }
    }
    assert!(texts.len() > 500, "{} texts", texts.len());
    for text in &texts {
        assert_eq!(render_markdown(text), reference(text), "{text:?}");
    }
}

fn collect(value: &serde_json::Value, out: &mut Vec<String>) {
    match value {
        serde_json::Value::String(s) => out.push(s.clone()),
        serde_json::Value::Array(list) => list.iter().for_each(|v| collect(v, out)),
        serde_json::Value::Object(map) => map.values().for_each(|v| collect(v, out)),
        _ => {}
    }
}

#[test]
fn table_columns_are_aligned_by_class_never_by_style_attribute() {
    assert_eq!(
        render_markdown("| a | b | c | d |\n|:--|:-:|--:|---|\n| 1 | 2 | 3 | 4 |"),
        "<table><thead><tr><th class=\"ow-align-left\">a</th><th class=\"ow-align-center\">b</th>\
         <th class=\"ow-align-right\">c</th><th>d</th></tr></thead><tbody>\n<tr>\
         <td class=\"ow-align-left\">1</td><td class=\"ow-align-center\">2</td>\
         <td class=\"ow-align-right\">3</td><td>4</td></tr>\n</tbody></table>\n"
    );
}

#[test]
fn nothing_unsafe_gets_through() {
    for doc in [
        "<script>alert(1)</script>",
        "[x](javascript:alert(1))",
        "[x](JaVaScRiPt:alert(1))",
        "[x](  javascript:alert(1) )",
        "[x](javascript&#58;alert(1))",
        "[x](<javascript:alert(1)>)",
        "![x](data:text/html;base64,PHNjcmlwdD4=)",
        "<javascript:alert(1)>",
        "[x](vbscript:msgbox)",
        "[x](https://ok.cn \"a\\\" onmouseover=\\\"alert(1)\")",
        "<img src=x onerror=alert(1)>",
        "`<script>`",
        "<div>\nblock html\n</div>",
    ] {
        let html = render_markdown(doc);
        let lower = html.to_ascii_lowercase();
        assert!(!lower.contains("<script") && !lower.contains("<img src=x"), "{doc:?} → {html}");
        for attribute in ["href=\"", "src=\""] {
            for scheme in ["javascript", "vbscript", "data:"] {
                assert!(!lower.contains(&format!("{attribute}{scheme}")), "{doc:?} → {html}");
            }
        }
        assert!(!html.contains("\" onmouseover"), "{doc:?} → {html}");
    }
}

#[test]
fn garbage_never_panics_and_tags_stay_balanced() {
    // Deterministic: the same inputs on every run.
    let alphabet: Vec<char> = "*_~`[]()<>!#-+.|:\\&;\" \n\t1aZ中文：，>".chars().collect();
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    for _ in 0..20_000 {
        let mut doc = String::new();
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        for _ in 0..(state % 40) {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            doc.push(alphabet[(state % alphabet.len() as u64) as usize]);
        }
        let html = render_markdown(&doc);
        // Quotes in text are escaped, so this can only be an attribute.
        assert!(!html.contains(" style=\""), "{doc:?} → {html:?}");
        for tag in [
            "strong",
            "em",
            "del",
            "code",
            "a",
            "p",
            "li",
            "ul",
            "ol",
            "blockquote",
            "table",
            "tr",
            "h1",
            "h2",
        ] {
            let opened = html.matches(&format!("<{tag}>")).count()
                + html.matches(&format!("<{tag} ")).count();
            assert_eq!(
                opened,
                html.matches(&format!("</{tag}>")).count(),
                "<{tag}> in {doc:?} → {html:?}"
            );
        }
    }
}

#[test]
fn escape_html_escapes_the_five_characters_and_nothing_else() {
    assert_eq!(
        super::escape_html(r#"<a href="x" title='y'>Tom & 居住证</a>"#),
        "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;Tom &amp; 居住证&lt;/a&gt;"
    );
}

#[test]
fn images_come_from_this_site_or_the_listed_hosts_and_every_address_is_found() {
    use super::{markdown_urls, render_markdown_with_image_hosts, MarkdownUrl};
    let doc = "![Map of the hall](/images/hall.png) ![pixel](https://tracker.example/p.gif) \
               ![office](https://img.gov.example/office.jpg) [form](https://gov.example/f.pdf)";
    let html = render_markdown(doc);
    assert!(html.contains("<img src=\"/images/hall.png\" alt=\"Map of the hall\" />"), "{html}");
    assert!(!html.contains("tracker.example") && html.contains("pixel"), "{html}");
    assert!(!html.contains("img.gov.example"), "no host listed: {html}");
    let listed = render_markdown_with_image_hosts(doc, &["img.gov.example".to_string()]);
    assert!(listed.contains("src=\"https://img.gov.example/office.jpg\""), "{listed}");
    assert!(!listed.contains("tracker.example"), "{listed}");
    assert!(!render_markdown(doc).contains("img.gov.example"), "the hosts were for that call only");
    let urls = markdown_urls(doc);
    let expected = [
        (true, "/images/hall.png"),
        (true, "https://tracker.example/p.gif"),
        (true, "https://img.gov.example/office.jpg"),
        (false, "https://gov.example/f.pdf"),
    ]
    .map(|(image, url)| MarkdownUrl { image, url: url.to_string() });
    assert_eq!(urls, expected);
}
