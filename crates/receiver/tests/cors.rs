//! CORS: only configured origins may post submissions cross-origin; nothing else under /api
//! answers cross-origin requests.

mod common;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use common::*;
use onewindow_receiver::app;

const SITE: &str = "https://portal.example.gov.cn";

async fn cors_router() -> axum::Router {
    let mut config = config();
    // A trailing slash and capitals are how people write origins; browsers send neither.
    config.allow_origins = vec![format!("{SITE}/"), "HTTP://localhost:3000".into()];
    config.staff_token = Some(TOKEN.into());
    app(&config).await.unwrap()
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
    let router = cors_router().await;
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
    let router = cors_router().await;
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
    assert_eq!(
        (reply.status, reply.problem().as_str()),
        (StatusCode::FORBIDDEN, "origin_not_allowed")
    );

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
    let router = router().await;
    let reply = send(&router, preflight(SITE, "/api/submissions")).await;
    assert_eq!(reply.header("access-control-allow-origin"), "");
    assert_eq!(
        (reply.status, reply.problem().as_str()),
        (StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed")
    );
}

#[tokio::test]
async fn an_origin_with_a_path_or_no_scheme_is_refused_at_start() {
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
        assert!(app(&config).await.is_err(), "{origin}");
    }
}

/// CORS only hides the answer of a "simple" cross-origin post (`text/plain`, multipart, a plain
/// HTML form) from the page: the browser still sends it. So every write from a page of another
/// site is refused, whatever its content type, unless it is a submission, rating or event from
/// a configured origin; the staff dashboard takes writes from its own site only.
#[tokio::test]
async fn a_write_from_another_site_is_refused_whatever_its_content_type() {
    let router = cors_router().await;
    let body = serde_json::to_string(&package("a4c0e851-2536-4dae-8f50-6b7c8d9eafb0")).unwrap();
    let post = |origin: &str, path: &str, content_type: &str, body: Vec<u8>| {
        Request::post(path)
            .header("origin", origin)
            .header("host", "receiver.example.gov.cn")
            .header("content-type", content_type)
            .body(Body::from(body))
            .unwrap()
    };
    for (content_type, bytes) in [
        ("text/plain", body.clone().into_bytes()),
        ("application/json", body.clone().into_bytes()),
        ("multipart/form-data; boundary=X", multipart(&[("package", None, body.as_bytes())])),
        ("application/x-www-form-urlencoded", b"a=1".to_vec()),
    ] {
        for path in
            ["/api/submissions", "/api/ratings", "/api/events", "/staff/login", "/staff/logout"]
        {
            for origin in ["https://evil.example", "null"] {
                let reply = send(&router, post(origin, path, content_type, bytes.clone())).await;
                assert_eq!(
                    (reply.status, reply.problem().as_str()),
                    (StatusCode::FORBIDDEN, "origin_not_allowed"),
                    "{origin} {path} {content_type}"
                );
            }
        }
        // A configured origin may send submissions, not sign in to the dashboard.
        let reply = send(&router, post(SITE, "/staff/login", content_type, bytes.clone())).await;
        assert_eq!(reply.status, StatusCode::FORBIDDEN, "{content_type}");
    }
    // Nothing was stored: the first submission that passes gets the first reference.
    let own = send(
        &router,
        post(
            "http://receiver.example.gov.cn",
            "/api/submissions",
            "application/json",
            body.clone().into_bytes(),
        ),
    )
    .await;
    assert_eq!(own.status, StatusCode::CREATED, "{}", own.json());
    assert!(own.json()["reference"].as_str().unwrap().ends_with("-000001"), "{}", own.json());
    // Behind a proxy the site's own host is the forwarded one; without an Origin it is not a
    // browser's request.
    let mut behind = post(
        "https://apply.example.gov.cn",
        "/api/submissions",
        "application/json",
        body.clone().into_bytes(),
    );
    behind.headers_mut().insert("x-forwarded-host", "apply.example.gov.cn".parse().unwrap());
    assert_eq!(send(&router, behind).await.status, StatusCode::OK);
    let mut no_origin = post("x", "/api/submissions", "application/json", body.into_bytes());
    no_origin.headers_mut().remove("origin");
    assert_eq!(send(&router, no_origin).await.status, StatusCode::OK);
}
