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

mod policy;

pub use policy::MarkdownUrl;

/// [`render_markdown`] letting images also come from `hosts` (the catalog's `image_hosts`);
/// an image from anywhere else is shown as its alternative text.
pub fn render_markdown_with_image_hosts(markdown: &str, hosts: &[String]) -> String {
    policy::with_image_hosts(hosts, || render_markdown(markdown))
}

/// Every link and image address in `markdown`, in order, as the renderer reads them.
pub fn markdown_urls(markdown: &str) -> Vec<MarkdownUrl> {
    policy::collecting(|| {
        render_markdown(markdown);
    })
}

#[cfg(test)]
mod tests;
