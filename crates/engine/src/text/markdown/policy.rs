//! What one rendering allows and notes: the hosts its images may come from besides the site,
//! and, for lint, every address it meets. Kept per thread for the length of one call, so the
//! renderer's own functions need not carry it.

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
    /// Every address met, while [`collecting`].
    seen: Option<Vec<MarkdownUrl>>,
}

std::thread_local! {
    static CONTEXT: RefCell<Context> = RefCell::new(Context::default());
}

/// Runs `render` with images also allowed from `hosts`.
pub(super) fn with_image_hosts<T>(hosts: &[String], render: impl FnOnce() -> T) -> T {
    let before =
        CONTEXT.with(|c| std::mem::replace(&mut c.borrow_mut().image_hosts, hosts.to_vec()));
    let result = render();
    CONTEXT.with(|c| c.borrow_mut().image_hosts = before);
    result
}

/// Runs `render` and returns every address it met.
pub(super) fn collecting(render: impl FnOnce()) -> Vec<MarkdownUrl> {
    let before = CONTEXT.with(|c| c.borrow_mut().seen.replace(Vec::new()));
    render();
    CONTEXT.with(|c| std::mem::replace(&mut c.borrow_mut().seen, before)).unwrap_or_default()
}

/// Notes an address the renderer met (while collecting) and says whether an image may load
/// it.
pub(super) fn met(image: bool, url: &str) -> bool {
    CONTEXT.with(|c| {
        let mut c = c.borrow_mut();
        if let Some(seen) = c.seen.as_mut() {
            seen.push(MarkdownUrl { image, url: url.to_string() });
        }
        !image || crate::text::is_allowed_image(url.trim(), &c.image_hosts)
    })
}
