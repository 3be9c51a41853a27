//! A static page's HTML document: the head (title, description, canonical and alternate
//! addresses, the stylesheet, the service as JSON-LD) around the rendered body. No script
//! runs on these pages: the `ld+json` element is data, which a strict CSP lets through.

/// What a page's head says.
pub(super) struct Head<'a> {
    pub locale: &'a str,
    pub direction: &'a str,
    pub title: &'a str,
    pub description: &'a str,
    pub canonical: &'a str,
    /// The page in every locale (its own included): `hreflang` alternates.
    pub alternates: Vec<(&'a str, String)>,
    /// The page in the catalog's fallback locale: `hreflang="x-default"`.
    pub default: String,
    pub stylesheet: &'a str,
    /// The JSON-LD, already safe inside a script element (`json_for_script`).
    pub structured: Option<&'a str>,
}

/// `text` safe in element content and quoted attribute values (Yew escapes the body; the
/// head is written here).
pub(super) use onewindow_engine::escape_html as escape;

/// The whole document.
pub(super) fn page(head: &Head<'_>, body: &str) -> String {
    let mut out = String::with_capacity(body.len() + 2048);
    out.push_str("<!doctype html>\n");
    out.push_str(&format!(
        "<html lang=\"{}\" dir=\"{}\">\n<head>\n",
        escape(head.locale),
        escape(head.direction)
    ));
    out.push_str("<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str("<meta name=\"color-scheme\" content=\"light\">\n");
    out.push_str(&format!("<title>{}</title>\n", escape(head.title)));
    out.push_str(&format!(
        "<meta name=\"description\" content=\"{}\">\n",
        escape(head.description)
    ));
    out.push_str(&format!("<link rel=\"canonical\" href=\"{}\">\n", escape(head.canonical)));
    for (locale, href) in &head.alternates {
        out.push_str(&format!(
            "<link rel=\"alternate\" hreflang=\"{}\" href=\"{}\">\n",
            escape(locale),
            escape(href)
        ));
    }
    out.push_str(&format!(
        "<link rel=\"alternate\" hreflang=\"x-default\" href=\"{}\">\n",
        escape(&head.default)
    ));
    out.push_str(&format!("<link rel=\"stylesheet\" href=\"{}\">\n", escape(head.stylesheet)));
    if let Some(json) = head.structured {
        out.push_str(&format!("<script type=\"application/ld+json\">{json}</script>\n"));
    }
    out.push_str("</head>\n<body>\n");
    out.push_str(body);
    out.push_str("\n</body>\n</html>\n");
    out
}
