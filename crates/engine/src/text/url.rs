//! The one URL policy for every link that comes from a definition, guide or catalog (Markdown
//! links, a guide material's blank form and sample): http(s), mailto, tel and relative
//! addresses only. Anything else (`javascript:`, `data:`, `vbscript:`, `file:`, whatever the
//! case, entities or stray characters) is not a link: lint reports it with its pointer, and
//! rendering drops it.

/// Whether `url` may stand in a link's `href`.
///
/// An address with a scheme (letters and the like before a `:` that comes before any `/`, `?`
/// or `#`) must have one of the allowed schemes; one without is relative. Browsers strip
/// leading spaces and control characters and ignore tabs and newlines inside a scheme, so
/// those count against the address rather than being trimmed away.
pub fn is_safe_link(url: &str) -> bool {
    if url.chars().any(|c| c.is_control()) {
        return false;
    }
    let lower = url.trim_matches(' ').to_ascii_lowercase();
    let scheme_end = lower.find([':', '/', '?', '#']);
    let has_scheme = scheme_end.is_some_and(|i| lower.as_bytes().get(i) == Some(&b':'));
    !has_scheme || ["http:", "https:", "mailto:", "tel:"].iter().any(|s| lower.starts_with(s))
}

#[cfg(test)]
mod tests {
    use super::is_safe_link;

    #[test]
    fn links_keep_to_the_policy() {
        for good in [
            "https://gov.example/form.pdf",
            "HTTP://gov.example",
            "/forms/blank.pdf",
            "blank.pdf",
            "../x.pdf?a=1#b",
            "mailto:help@gov.example",
            "tel:12345",
            "#materials",
            "//gov.example/x",
        ] {
            assert!(is_safe_link(good), "{good}");
        }
        for bad in [
            "javascript:window.__xss=1",
            "JavaScript:alert(1)",
            " javascript:alert(1)",
            "java\tscript:alert(1)",
            "\u{1}javascript:alert(1)",
            "data:text/html,<script>window.__xss=1</script>",
            "vbscript:msgbox(1)",
            "file:///etc/passwd",
            "jar:http://x!/",
        ] {
            assert!(!is_safe_link(bad), "{bad:?}");
        }
    }
}
