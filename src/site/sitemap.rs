//! `sitemap.xml` (every page, with its other locales as alternates) and `robots.txt`.

use super::document::escape;

/// The sitemap: one `<url>` per page and locale, each listing the page in every locale
/// (Google's `xhtml:link` alternates), so each language version is found and tied to the others.
pub(super) fn sitemap(pages: &[Vec<(String, String)>]) -> String {
    let mut out = String::from(concat!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n",
        "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" ",
        "xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n"
    ));
    for versions in pages {
        for (_, url) in versions {
            out.push_str(&format!("  <url>\n    <loc>{}</loc>\n", escape(url)));
            for (locale, other) in versions {
                out.push_str(&format!(
                    "    <xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{}\"/>\n",
                    escape(locale),
                    escape(other)
                ));
            }
            out.push_str("  </url>\n");
        }
    }
    out.push_str("</urlset>\n");
    out
}

/// Every page may be crawled; the sitemap says where they are.
pub(super) fn robots(site_url: &str) -> String {
    format!("User-agent: *\nAllow: /\nSitemap: {site_url}sitemap.xml\n")
}
