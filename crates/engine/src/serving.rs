//! How the built app is served: the rules that the receiver and `onewindow preview` both follow,
//! kept here so the two servers cannot drift apart (docs/serving.md). Names and header values
//! only, no HTTP: each server applies them its own way (tower-http in the receiver, a few lines
//! of std in the preview), and neither depends on the other.

/// `Cache-Control` of a file whose name carries a hash of its content: a new build gives changed
/// content a new name, so what is cached under a name never goes stale.
pub const IMMUTABLE: &str = "public, max-age=31536000, immutable";

/// `Cache-Control` of every other file: kept, but revalidated on every use (a conditional request
/// answered `304 Not Modified` without a body while the file is unchanged). A few minutes'
/// `max-age` would save that round trip, but each of these files is either edited while it is
/// served (definitions, their lists, the catalog and its index: a department's fix must reach
/// the next page load, and the receiver checks a package against the definition as published
/// now) or one part of a build whose parts must match (the pages that name the hashed files,
/// wasm-bindgen's snippets that a hashed module imports, the embed package's module, glue, wasm
/// and stylesheet), and a cache that kept one part minutes longer than another would break the
/// page.
pub const REVALIDATE: &str = "no-cache";

/// The Content-Security-Policy of the app's pages: scripts and styles only from files of this
/// origin (no inline script, no `style` attribute), WebAssembly compiled, no plugins, no `<base>`,
/// framed only by pages of this origin. Everything else (fetches, images, the service worker)
/// falls back to `default-src 'self'`.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'self'";

/// `Referrer-Policy` of the app's pages: none. A page's address names what a citizen is looking
/// at (`?service=…`, `?form=…`), which is no business of the sites its links lead to, and
/// nothing of ours reads the header.
pub const REFERRER_POLICY: &str = "no-referrer";

/// The headers every HTML page of the app is served with (lower-case names). Every response,
/// pages or not, also has `X-Content-Type-Options: nosniff`: a file is only ever what its
/// `Content-Type` says.
pub const PAGE_HEADERS: [(&str, &str); 2] =
    [("content-security-policy", CONTENT_SECURITY_POLICY), ("referrer-policy", REFERRER_POLICY)];

/// Whether the file name at the end of `path` carries a hash of its content, as trunk names
/// them: `-`, the hash in lower-case hex, then `.` or `_` (`style-dd27a57afa647640.css`,
/// `onewindow-web-7004b81a49c8fa83_bg.wasm`). Trunk writes its 64-bit hash without leading
/// zeros, so one name in 16 has 15 digits; 12 to 16 are taken (fewer come once in 65,536 builds,
/// and are only revalidated). Folder names do not count (wasm-bindgen's
/// `snippets/onewindow-4ed2d8a3066c2ab7/` is named after the crate, not the content), nor do
/// digits alone: a date or a count in a name is no promise that the content never changes.
pub fn is_content_hashed(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or(path);
    name.split('-').skip(1).any(|part| {
        let hex = |b: &u8| b.is_ascii_digit() || (b'a'..=b'f').contains(b);
        let digits = part.bytes().take_while(hex).count();
        (12..=16).contains(&digits)
            && matches!(part.as_bytes().get(digits), Some(b'.' | b'_'))
            && part.bytes().take(digits).any(|b| b.is_ascii_alphabetic())
    })
}

/// The `Cache-Control` of the file served at `path`; `page` when it is HTML, which is always
/// revalidated, even at a hashed-looking path (where it would be the app's shell answering an
/// address that names no file).
pub fn cache_control(path: &str, page: bool) -> &'static str {
    if !page && is_content_hashed(path) {
        IMMUTABLE
    } else {
        REVALIDATE
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trunk_names_are_content_hashed() {
        for path in [
            "/onewindow-web-7004b81a49c8fa83_bg.wasm",
            "/onewindow-web-7004b81a49c8fa83.js",
            "/style-dd27a57afa647640.css",
            "boot-0123456789abcdef.js",
            "/a/b/search-00000000000000ff.index",
            // Trunk drops leading zeros: 15 and 12 digits.
            "/style-d27a57afa647640.css",
            "/onewindow-web-b81a49c8fa83_bg.wasm",
        ] {
            assert!(is_content_hashed(path), "{path}");
        }
    }

    #[test]
    fn other_names_are_not() {
        for path in [
            "/",
            "/index.html",
            "/sw.js",
            "/embed/onewindow.js",
            "/embed/onewindow_embed_bg.wasm",
            "/snippets/onewindow-4ed2d8a3066c2ab7/inline0.js",
            "/forms/residence-permit.json",
            "/forms/catalog.index",
            // 11 and 17 digits, upper case, no dash before, nothing after, no letter at all.
            "/style-d27a57afa64.css",
            "/style-dd27a57afa6476401.css",
            "/style-DD27A57AFA647640.css",
            "/styledd27a57afa647640.css",
            "/style-dd27a57afa647640",
            "/report-2026010120261231.csv",
            // Not hex.
            "/style-dd27a57afa64764g.css",
        ] {
            assert!(!is_content_hashed(path), "{path}");
        }
    }

    #[test]
    fn hashed_files_are_immutable_and_everything_else_revalidated() {
        assert_eq!(cache_control("/style-dd27a57afa647640.css", false), IMMUTABLE);
        assert_eq!(cache_control("/index.html", true), REVALIDATE);
        assert_eq!(cache_control("/sw.js", false), REVALIDATE);
        assert_eq!(cache_control("/forms/residence-permit.json", false), REVALIDATE);
        // The shell answering a hashed-looking address that names no file.
        assert_eq!(cache_control("/onewindow-web-0000000000000abc.js", true), REVALIDATE);
    }
}
