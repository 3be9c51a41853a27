//! CORS: only configured origins may post submissions cross-origin; nothing else under /api
//! answers cross-origin requests.

mod common;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use common::*;
use onewindow_receiver::app;

const SITE: &str = "https://portal.example.gov.cn";

fn cors_router() -> axum::Router {
    let mut config = config();
    // A trailing slash and capitals are how people write origins; browsers send neither.
    config.allow_origins = vec![format!("{SITE}/"), "HTTP://localhost:3000".into()];
    config.staff_token = Some(TOKEN.into());
    app(&config).unwrap()
}

fn preflight(origin: &str, path: &str) -> Request<Body> {
    Request::options(path)
        .header("origin", origin)
        .header("access-control-request-method", "POST")
        .header("access-control-request-headers", "content-type,idempotency-key")
        .body(Body::empty())
        .unwrap()
}

#[tokio::test]
async fn a_configured_origin_gets_its_preflight_and_post_answered() {
    let router = cors_router();
    let reply = send(&router, preflight(SITE, "/api/submissions")).await;
    assert!(reply.status.is_success(), "{}", reply.status);
    assert_eq!(reply.header("access-control-allow-origin"), SITE);
    let methods = reply.header("access-control-allow-methods").to_ascii_uppercase();
    assert!(methods.contains("POST") && methods.contains("OPTIONS"), "{methods}");
    let headers = reply.header("access-control-allow-headers").to_ascii_lowercase();
    assert!(headers.contains("content-type") && headers.contains("idempotency-key"), "{headers}");
    assert_eq!(reply.header("access-control-allow-credentials"), "");

    let reply = send(&router, preflight("http://localhost:3000", "/api/submissions")).await;
    assert_eq!(reply.header("access-control-allow-origin"), "http://localhost:3000");

    let body = serde_json::to_string(&package("82eae62f-0314-4b8c-9d3e-4f5a6b7c8d9e")).unwrap();
    let request = Request::post("/api/submissions")
        .header("origin", SITE)
        .header("content-type", "application/json")
        .body(Body::from(body))
        .unwrap();
    let reply = send(&router, request).await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.json());
    assert_eq!(reply.header("access-control-allow-origin"), SITE);
    assert!(reply.headers.get_all("vary").iter().any(|v| v
        .to_str()
        .unwrap()
        .to_ascii_lowercase()
        .contains("origin")));
}

#[tokio::test]
async fn other_origins_and_other_endpoints_get_no_cors_headers() {
    let router = cors_router();
    let reply = send(&router, preflight("https://evil.example", "/api/submissions")).await;
    assert_eq!(reply.header("access-control-allow-origin"), "");
    let reply =
        send(&router, preflight("https://portal.example.gov.cn.evil.example", "/api/submissions"))
            .await;
    assert_eq!(reply.header("access-control-allow-origin"), "");

    let body = serde_json::to_string(&package("93fbf740-1425-4c9d-ae4f-5a6b7c8d9eaf")).unwrap();
    let request = Request::post("/api/submissions")
        .header("origin", "https://evil.example")
        .header("content-type", "application/json")
        .body(Body::from(body))
        .unwrap();
    let reply = send(&router, request).await;
    assert_eq!(reply.header("access-control-allow-origin"), "");

    for path in ["/api/staff/submissions", "/api/health"] {
        let reply = send(&router, preflight(SITE, path)).await;
        assert_eq!(reply.header("access-control-allow-origin"), "", "{path}");
        let request = Request::get(path)
            .header("origin", SITE)
            .header("authorization", format!("Bearer {TOKEN}"))
            .body(Body::empty())
            .unwrap();
        let reply = send(&router, request).await;
        assert_eq!(reply.status, StatusCode::OK);
        assert_eq!(reply.header("access-control-allow-origin"), "", "{path}");
    }
}

#[tokio::test]
async fn without_configured_origins_there_is_no_cors() {
    let router = router();
    let reply = send(&router, preflight(SITE, "/api/submissions")).await;
    assert_eq!(reply.header("access-control-allow-origin"), "");
    assert_eq!(
        (reply.status, reply.problem().as_str()),
        (StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed")
    );
}

#[test]
fn an_origin_with_a_path_or_no_scheme_is_refused_at_start() {
    for origin in [
        "portal.example.gov.cn",
        "https://portal.example.gov.cn/apply",
        "*",
        "https://",
        "ftp://x.example",
        "https://a b",
    ] {
        let mut config = config();
        config.allow_origins = vec![origin.into()];
        assert!(app(&config).is_err(), "{origin}");
    }
}
