//! Serving like a production site (docs/serving.md): the built app's files come as the `.br` or
//! `.gz` made at build time when the request accepts it, definitions are compressed as they are
//! served (so an edit shows at once), content-hashed files are cached for good and everything
//! else is revalidated, and pages carry the Content-Security-Policy.

mod common;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use common::*;
use onewindow_engine::serving::{CONTENT_SECURITY_POLICY, IMMUTABLE, REVALIDATE};
use onewindow_receiver::app;
use std::io::Read;
use std::path::PathBuf;

const WASM: &str = "onewindow-web-7004b81a49c8fa83_bg.wasm";
const SHELL: &str = "<!doctype html><title>onewindow</title><script type=\"module\" src=\"/boot-0123456789abcdef.js\"></script>";

/// A built app with compressed variants (their bytes only need to differ: the receiver serves
/// them as they are) and a forms directory with one definition.
fn site(name: &str) -> PathBuf {
    let dir = temp_dir(name);
    let write = |path: &str, bytes: &[u8]| {
        let path = dir.join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
    };
    write("dist/index.html", SHELL.as_bytes());
    write("dist/index.html.br", b"brotli index");
    write("dist/index.html.gz", b"gzip index");
    write(&format!("dist/{WASM}"), b"\0asm the whole app");
    write(&format!("dist/{WASM}.br"), b"brotli wasm");
    write(&format!("dist/{WASM}.gz"), b"gzip wasm");
    write("dist/sw.js", b"// the service worker");
    write("dist/embed/onewindow.js", b"// the embed's module, not hashed");
    write("dist/embed-demo.html", b"<!doctype html><title>A host page</title>");
    write("forms/x.json", definition("first").as_bytes());
    dir
}

/// A definition large enough to be worth compressing.
fn definition(word: &str) -> String {
    format!("{{\"id\": \"x\", \"words\": \"{}\"}}", word.repeat(200))
}

async fn router_for(dir: &std::path::Path) -> axum::Router {
    app(&test_config(dir.join("dist"), dir.join("forms"))).await.unwrap()
}

async fn get(router: &axum::Router, path: &str, accept: Option<&str>) -> Reply {
    let mut request = Request::get(path);
    if let Some(accept) = accept {
        request = request.header("accept-encoding", accept);
    }
    send(router, request.body(Body::empty()).unwrap()).await
}

fn gunzip(bytes: &[u8]) -> String {
    let mut text = String::new();
    flate2::read::GzDecoder::new(bytes).read_to_string(&mut text).unwrap();
    text
}

#[tokio::test]
async fn the_app_comes_brotli_or_gzip_as_the_request_accepts() {
    let dir = site("encodings");
    let router = router_for(&dir).await;
    let path = format!("/{WASM}");
    for (accept, encoding, body) in [
        (Some("gzip, deflate, br, zstd"), "br", &b"brotli wasm"[..]),
        (Some("gzip"), "gzip", b"gzip wasm"),
        (Some("br;q=0, gzip;q=0.8"), "gzip", b"gzip wasm"),
        (Some("identity"), "", b"\0asm the whole app"),
        (None, "", b"\0asm the whole app"),
    ] {
        let reply = get(&router, &path, accept).await;
        assert_eq!(reply.status, StatusCode::OK, "{accept:?}");
        assert_eq!(reply.header("content-encoding"), encoding, "{accept:?}");
        assert_eq!(reply.body, body, "{accept:?}");
        // The type is the file's, whatever the encoding: browsers compile wasm as it arrives
        // only when it is application/wasm.
        assert_eq!(reply.header("content-type"), "application/wasm", "{accept:?}");
        assert_eq!(reply.header("vary"), "accept-encoding", "{accept:?}");
        assert_eq!(reply.header("cache-control"), IMMUTABLE, "{accept:?}");
        assert_eq!(reply.header("x-content-type-options"), "nosniff");
        assert_eq!(reply.header("content-security-policy"), "", "not a page");
    }
    std::fs::remove_dir_all(dir).unwrap();
}

#[tokio::test]
async fn pages_are_revalidated_and_carry_the_policy() {
    let dir = site("pages");
    let router = router_for(&dir).await;
    // The shell itself, the app's addresses (which get the shell), a page of dist/.
    for path in ["/", "/index.html", "/?form=x&lang=en", "/some/page", "/embed-demo.html"] {
        for accept in [Some("br, gzip"), None] {
            let reply = get(&router, path, accept).await;
            assert_eq!(reply.status, StatusCode::OK, "{path}");
            assert!(reply.header("content-type").starts_with("text/html"), "{path}");
            assert_eq!(reply.header("cache-control"), REVALIDATE, "{path}");
            assert_eq!(reply.header("content-security-policy"), CONTENT_SECURITY_POLICY, "{path}");
            assert_eq!(reply.header("referrer-policy"), "no-referrer", "{path}");
            assert_eq!(reply.header("x-content-type-options"), "nosniff", "{path}");
            assert_eq!(reply.header("vary"), "accept-encoding", "{path}");
        }
    }
    assert_eq!(get(&router, "/", Some("br")).await.body, b"brotli index");
    assert_eq!(get(&router, "/some/page", Some("gzip")).await.body, b"gzip index");
    assert_eq!(get(&router, "/some/page", None).await.body, SHELL.as_bytes());
    // A hashed-looking address that names no file gets the shell, which is never kept for good.
    let reply = get(&router, "/onewindow-web-0000000000000abc.js", None).await;
    assert_eq!((reply.status, reply.header("cache-control")), (StatusCode::OK, REVALIDATE));
    std::fs::remove_dir_all(dir).unwrap();
}

#[tokio::test]
async fn unhashed_files_and_the_service_worker_are_revalidated() {
    let dir = site("unhashed");
    let router = router_for(&dir).await;
    for path in ["/sw.js", "/embed/onewindow.js"] {
        let reply = get(&router, path, Some("br, gzip")).await;
        assert_eq!(reply.status, StatusCode::OK, "{path}");
        // No variant was made: the file itself.
        assert_eq!(reply.header("content-encoding"), "", "{path}");
        assert_eq!(reply.header("cache-control"), REVALIDATE, "{path}");
        assert_eq!(reply.header("content-security-policy"), "", "{path}");
    }
    std::fs::remove_dir_all(dir).unwrap();
}

#[tokio::test]
async fn definitions_are_compressed_as_served_so_an_edit_shows_at_once() {
    let dir = site("definitions");
    let router = router_for(&dir).await;
    let reply = get(&router, "/forms/x.json", Some("gzip")).await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(reply.header("content-encoding"), "gzip");
    assert_eq!(gunzip(&reply.body), definition("first"));
    assert_eq!(reply.header("content-type"), "application/json");
    assert_eq!(reply.header("cache-control"), REVALIDATE);
    assert_eq!(reply.header("vary"), "accept-encoding");
    assert_eq!(reply.header("content-security-policy"), "");

    let reply = get(&router, "/forms/x.json", Some("gzip, deflate, br")).await;
    assert_eq!(reply.header("content-encoding"), "br");
    assert!(reply.body.len() < definition("first").len());
    assert_eq!(reply.header("vary"), "accept-encoding");

    let reply = get(&router, "/forms/x.json", None).await;
    assert_eq!(
        (reply.header("content-encoding"), reply.body.as_slice()),
        ("", definition("first").as_bytes())
    );
    assert_eq!(reply.header("vary"), "accept-encoding");

    // A department publishes a fix: the next request has it, compressed or not.
    std::fs::write(dir.join("forms/x.json"), definition("second")).unwrap();
    assert_eq!(
        gunzip(&get(&router, "/forms/x.json", Some("gzip")).await.body),
        definition("second")
    );
    assert_eq!(get(&router, "/forms/x.json", None).await.body, definition("second").as_bytes());
    std::fs::remove_dir_all(dir).unwrap();
}

#[tokio::test]
async fn an_unchanged_file_is_revalidated_with_304() {
    let dir = site("revalidate");
    let router = router_for(&dir).await;
    for (path, cache) in [
        (format!("/{WASM}"), IMMUTABLE),
        ("/".into(), REVALIDATE),
        ("/forms/x.json".into(), REVALIDATE),
    ] {
        let first = get(&router, &path, Some("br, gzip")).await;
        let modified = first.header("last-modified").to_string();
        assert!(!modified.is_empty(), "{path}");
        let request = Request::get(&path)
            .header("accept-encoding", "br, gzip")
            .header("if-modified-since", &modified)
            .body(Body::empty())
            .unwrap();
        let again = send(&router, request).await;
        assert_eq!(again.status, StatusCode::NOT_MODIFIED, "{path}");
        assert!(again.body.is_empty(), "{path}");
        assert_eq!(again.header("cache-control"), cache, "{path}");
        assert_eq!(again.header("vary"), "accept-encoding", "{path}");
    }
    std::fs::remove_dir_all(dir).unwrap();
}

#[tokio::test]
async fn a_missing_file_stays_a_404_that_nobody_keeps() {
    let dir = site("missing");
    let router = router_for(&dir).await;
    for accept in [Some("br, gzip"), None] {
        let reply = get(&router, "/forms/missing.json", accept).await;
        assert_eq!(reply.status, StatusCode::NOT_FOUND);
        assert_eq!(reply.header("cache-control"), "");
        assert_eq!(reply.header("content-encoding"), "");
        assert_eq!(reply.header("x-content-type-options"), "nosniff");
    }
    let reply = get(&router, "/api/missing", Some("br")).await;
    assert_eq!((reply.status, reply.problem().as_str()), (StatusCode::NOT_FOUND, "not_found"));
    assert_eq!(reply.header("cache-control"), "");
    std::fs::remove_dir_all(dir).unwrap();
}

#[tokio::test]
async fn head_answers_the_headers_of_the_variant_without_a_body() {
    let dir = site("head");
    let router = router_for(&dir).await;
    let request = Request::head(format!("/{WASM}"))
        .header("accept-encoding", "br")
        .body(Body::empty())
        .unwrap();
    let reply = send(&router, request).await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(reply.header("content-encoding"), "br");
    assert_eq!(reply.header("content-length"), "brotli wasm".len().to_string());
    assert_eq!(reply.header("cache-control"), IMMUTABLE);
    assert!(reply.body.is_empty());
    let reply = send(&router, Request::head("/").body(Body::empty()).unwrap()).await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(reply.header("content-security-policy"), CONTENT_SECURITY_POLICY);
    assert!(reply.body.is_empty());
    std::fs::remove_dir_all(dir).unwrap();
}

#[tokio::test]
async fn api_answers_keep_their_own_headers() {
    let dir = site("api");
    let mut config = test_config(dir.join("dist"), dir.join("forms"));
    config.staff_token = Some(TOKEN.into());
    let router = app(&config).await.unwrap();
    let reply = get(&router, "/api/health", Some("br, gzip")).await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!((reply.header("cache-control"), reply.header("content-security-policy")), ("", ""));
    let request = Request::get("/api/staff/submissions")
        .header("authorization", format!("Bearer {TOKEN}"))
        .body(Body::empty())
        .unwrap();
    let reply = send(&router, request).await;
    assert_eq!((reply.status, reply.header("cache-control")), (StatusCode::OK, "no-store"));
    // The staff dashboard keeps its own, stricter policy: no script at all, never framed.
    let reply = get(&router, "/staff", None).await;
    assert_eq!(reply.header("cache-control"), "no-store");
    assert!(reply.header("content-security-policy").starts_with("default-src 'none'"));
    std::fs::remove_dir_all(dir).unwrap();
}

#[tokio::test]
async fn the_pages_may_send_to_the_configured_backends() {
    let dir = site("connect");
    let mut config = test_config(dir.join("dist"), dir.join("forms"));
    config.connect_origins =
        vec!["https://Records.example.gov.cn/".into(), "http://127.0.0.1:3000".into()];
    let router = app(&config).await.unwrap();
    let reply = get(&router, "/", None).await;
    assert_eq!(
        reply.header("content-security-policy"),
        format!("{CONTENT_SECURITY_POLICY}; connect-src 'self' https://records.example.gov.cn http://127.0.0.1:3000")
    );
    config.connect_origins = vec!["https://example.gov.cn/path; script-src *".into()];
    assert!(app(&config).await.unwrap_err().contains("is not an origin"));
    std::fs::remove_dir_all(dir).unwrap();
}
