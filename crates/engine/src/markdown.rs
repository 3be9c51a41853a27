//! Markdown in definitions (content blocks, descriptions, outcomes) rendered to HTML that is
//! safe to insert: raw HTML in the source is shown as text, and links may only go to web,
//! mail or phone addresses or stay on the site.

use pulldown_cmark::{html, CowStr, Event, Options, Parser, Tag};

/// Renders `markdown` to safe HTML.
///
/// ```
/// let html = onewindow_engine::render_markdown("**Bring** <script>x()</script> [this](javascript:alert(1))");
/// assert!(!html.contains("<script"));
/// assert!(!html.contains("javascript:"));
/// assert!(html.contains("<strong>Bring</strong>"));
/// ```
pub fn render_markdown(markdown: &str) -> String {
    let events = Parser::new_ext(markdown, Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TABLES).map(|event| match event {
        Event::Html(raw) | Event::InlineHtml(raw) => Event::Text(raw),
        Event::Start(Tag::Link { link_type, dest_url, title, id }) => {
            Event::Start(Tag::Link { link_type, dest_url: safe_url(dest_url), title, id })
        }
        Event::Start(Tag::Image { link_type, dest_url, title, id }) => {
            Event::Start(Tag::Image { link_type, dest_url: safe_url(dest_url), title, id })
        }
        other => other,
    });
    let mut out = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut out, events);
    out
}

fn safe_url(url: CowStr<'_>) -> CowStr<'_> {
    let lower = url.trim().to_ascii_lowercase();
    let scheme_end = lower.find(|c: char| matches!(c, ':' | '/' | '?' | '#'));
    let has_scheme = scheme_end.is_some_and(|i| lower.as_bytes()[i] == b':');
    let allowed = !has_scheme || ["http:", "https:", "mailto:", "tel:"].iter().any(|s| lower.starts_with(s));
    if allowed { url } else { CowStr::Borrowed("#") }
}
