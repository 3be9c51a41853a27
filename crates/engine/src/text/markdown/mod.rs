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

mod block;
mod html;
mod inline;

pub use block::render_markdown;
pub use html::escape_html;

use std::cell::RefCell;

/// A link or an image address in a Markdown text, for lint.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MarkdownUrl {
    /// An image (`![alt](url)`) rather than a link.
    pub image: bool,
    /// The address as written (between the parentheses).
    pub url: String,
}

#[derive(Default)]
struct Context {
    /// Hosts images may come from besides this site (the catalog's `image_hosts`).
    image_hosts: Vec<String>,
    /// Every address met, when [`markdown_urls`] is collecting them.
    seen: Option<Vec<MarkdownUrl>>,
}

std::thread_local! {
    static CONTEXT: RefCell<Context> = RefCell::new(Context::default());
}

/// [`render_markdown`] letting images also come from `hosts` (the catalog's `image_hosts`);
/// an image from anywhere else is shown as its alternative text.
pub fn render_markdown_with_image_hosts(markdown: &str, hosts: &[String]) -> String {
    let before =
        CONTEXT.with(|c| std::mem::replace(&mut c.borrow_mut().image_hosts, hosts.to_vec()));
    let html = render_markdown(markdown);
    CONTEXT.with(|c| c.borrow_mut().image_hosts = before);
    html
}

/// Every link and image address in `markdown`, in order, as the renderer reads them.
pub fn markdown_urls(markdown: &str) -> Vec<MarkdownUrl> {
    let before = CONTEXT.with(|c| c.borrow_mut().seen.replace(Vec::new()));
    render_markdown(markdown);
    CONTEXT.with(|c| std::mem::replace(&mut c.borrow_mut().seen, before)).unwrap_or_default()
}

/// Notes an address the renderer met (when collecting) and says whether an image may load it.
fn met(image: bool, url: &str) -> bool {
    CONTEXT.with(|c| {
        let mut c = c.borrow_mut();
        if let Some(seen) = c.seen.as_mut() {
            seen.push(MarkdownUrl { image, url: url.to_string() });
        }
        !image || crate::text::is_allowed_image(url.trim(), &c.image_hosts)
    })
}

#[cfg(test)]
mod tests;
