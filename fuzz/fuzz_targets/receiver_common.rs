//! What the receiver's fuzz targets share: the receiver in process (an in-memory database,
//! the shipped forms), and the one property: no body gets a 5xx answer, and none panics (a
//! panic would be answered 500). The receiver's test `hostile_bodies` runs a seeded, bounded
//! share of the same in CI.

use axum::body::Body;
use axum::http::Request;
use onewindow_receiver::{app, Config};
use std::path::Path;
use std::sync::OnceLock;
use tower::ServiceExt;

const TOKEN: &str = "fuzz-staff-token-0123456789abcdef";

struct Fixture {
    runtime: tokio::runtime::Runtime,
    router: axum::Router,
}

static FIXTURE: OnceLock<Fixture> = OnceLock::new();

fn fixture() -> &'static Fixture {
    FIXTURE.get_or_init(|| {
        let runtime =
            tokio::runtime::Builder::new_current_thread().enable_all().build().expect("a runtime");
        // The receiver wants a built app to serve; these requests never ask for a page.
        let dist = std::env::temp_dir().join(format!("onewindow-fuzz-dist-{}", std::process::id()));
        std::fs::create_dir_all(&dist).expect("a temp dir");
        std::fs::write(dist.join("index.html"), "<!doctype html>").expect("a temp file");
        let forms = Path::new(env!("CARGO_MANIFEST_DIR")).join("../forms");
        let mut config = Config::new(dist, forms, ":memory:");
        config.rate_limits = None;
        config.staff_token = Some(TOKEN.into());
        let router = runtime.block_on(app(&config)).expect("the receiver starts");
        Fixture { runtime, router }
    })
}

/// Sends `body` as `method path` with `content_type` (for GET, the body is the query).
pub fn send(method: &str, path: &str, content_type: &str, body: &[u8]) {
    let request = if method == "GET" {
        let Ok(query) = std::str::from_utf8(body) else { return };
        let Ok(request) = Request::get(format!("{path}{query}"))
            .header("authorization", format!("Bearer {TOKEN}"))
            .body(Body::empty())
        else {
            return;
        };
        request
    } else {
        Request::builder()
            .method(method)
            .uri(path)
            .header("content-type", content_type)
            .body(Body::from(body.to_vec()))
            .expect("a request")
    };
    let fixture = fixture();
    let response = fixture
        .runtime
        .block_on(fixture.router.clone().oneshot(request))
        .expect("the router answers");
    assert!(response.status().as_u16() < 500, "{method} {path}: {}", response.status());
}
