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

/// Whether `url` may stand in an image's `src`: an address on this site (relative, and not
/// `//host/…`, which leaves it), or an http(s) address on one of `hosts` (the catalog's
/// `image_hosts`). Any other image would make every citizen's browser call a third party.
pub fn is_allowed_image(url: &str, hosts: &[String]) -> bool {
    if !is_safe_link(url) {
        return false;
    }
    let url = url.trim_matches(' ');
    let lower = url.to_ascii_lowercase();
    let rest = match ["https://", "http://"].iter().find_map(|s| lower.strip_prefix(s)) {
        Some(rest) => rest,
        // Browsers read `\` as `/` in web addresses: `/\host` and `\\host` leave the site too.
        None => {
            let scheme = lower
                .find([':', '/', '?', '#'])
                .is_some_and(|i| lower.as_bytes().get(i) == Some(&b':'));
            let mut lead = lower.chars().take(2);
            let leaves = lead.clone().count() == 2 && lead.all(|c| matches!(c, '/' | '\\'));
            return !(scheme || leaves);
        }
    };
    let authority = rest.split(['/', '?', '#', '\\']).next().unwrap_or("");
    if authority.contains('@') {
        // `https://gov.example@elsewhere/…` goes to elsewhere.
        return false;
    }
    let host = authority.rsplit_once(':').map_or(authority, |(host, port)| {
        if port.bytes().all(|b| b.is_ascii_digit()) {
            host
        } else {
            authority
        }
    });
    !host.is_empty() && hosts.iter().any(|allowed| allowed.trim().eq_ignore_ascii_case(host))
}

#[cfg(test)]
mod tests {
    use super::{is_allowed_image, is_safe_link};

    #[test]
    fn images_stay_on_the_site_or_the_listed_hosts() {
        let hosts = vec!["img.gov.example".to_string()];
        for good in [
            "/images/map.png",
            "map.png",
            "../map.png?v=2",
            "https://img.gov.example/map.png",
            "HTTPS://IMG.gov.example:443/x.png",
        ] {
            assert!(is_allowed_image(good, &hosts), "{good}");
        }
        for bad in [
            "https://tracker.example/pixel.gif",
            "//tracker.example/pixel.gif",
            "/\\tracker.example/pixel.gif",
            "\\\\tracker.example/pixel.gif",
            "https://img.gov.example@tracker.example/x.png",
            "https://img.gov.example.tracker.example/x.png",
            "javascript:alert(1)",
            "data:image/png;base64,AAAA",
            "mailto:x@gov.example",
        ] {
            assert!(!is_allowed_image(bad, &hosts), "{bad:?}");
        }
        assert!(!is_allowed_image("https://img.gov.example/map.png", &[]), "no host listed");
    }

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
