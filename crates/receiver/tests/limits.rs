//! Per-client rate limits: a client past its allowance gets 429 `rate_limited` with
//! `Retry-After`; other clients keep theirs; behind a proxy the client is the address the
//! proxy appended to `X-Forwarded-For`, and without `--behind-proxy` that header is ignored
//! (as `X-Forwarded-Proto`, which makes the staff cookie `Secure`).

mod common;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use common::*;
use onewindow_receiver::{app, Allowance, RateLimits};
use std::time::Duration;

async fn limited(behind_proxy: bool) -> axum::Router {
    let mut config = config();
    let two = Allowance { burst: 2, every: Duration::from_secs(3600) };
    config.rate_limits =
        Some(RateLimits { submissions: two, ratings: two, events: two, staff_sign_in: two });
    config.behind_proxy = behind_proxy;
    config.staff_token = Some(TOKEN.into());
    app(&config).await.unwrap()
}

fn submission(key: &str, from: Option<&str>) -> Request<Body> {
    let mut request = json_request(serde_json::to_string(&package(key)).unwrap());
    if let Some(from) = from {
        request
            .headers_mut()
            .insert("x-forwarded-for", format!("10.0.0.1, {from}").parse().unwrap());
    }
    request
}

#[tokio::test]
async fn a_client_past_its_allowance_waits_and_others_do_not() {
    let router = limited(true).await;
    let keys = [
        "0b7e1f52-3c4d-4a5b-9c6d-7e8f9a0b1c2d",
        "1c8f2a63-4d5e-4b6c-8d7e-8f9a0b1c2d3e",
        "2d9a3b74-5e6f-4c7d-9e8f-9a0b1c2d3e4f",
    ];
    for key in &keys[..2] {
        assert_eq!(
            send(&router, submission(key, Some("203.0.113.7"))).await.status,
            StatusCode::CREATED
        );
    }
    let third = send(&router, submission(keys[2], Some("203.0.113.7"))).await;
    assert_eq!(
        (third.status, third.problem().as_str()),
        (StatusCode::TOO_MANY_REQUESTS, "rate_limited")
    );
    let wait: u64 = third.header("retry-after").parse().unwrap();
    assert!((1..=3600).contains(&wait), "{wait}");
    // Another client (the first entries of the header are the client's own word, not the key).
    let other = send(&router, submission(keys[2], Some("203.0.113.8"))).await;
    assert_eq!(other.status, StatusCode::CREATED, "{}", other.json());
    // The staff sign-in has its own allowance: a token is not guessed quickly.
    let sign_in = || {
        Request::post("/staff/login")
            .header("content-type", "application/x-www-form-urlencoded")
            .header("x-forwarded-for", "198.51.100.1")
            .body(Body::from("token=wrong-token-wrong-token"))
            .unwrap()
    };
    for _ in 0..2 {
        assert_eq!(send(&router, sign_in()).await.status, StatusCode::UNAUTHORIZED);
    }
    assert_eq!(send(&router, sign_in()).await.status, StatusCode::TOO_MANY_REQUESTS);
}

#[tokio::test]
async fn without_a_proxy_the_forwarded_address_is_not_believed() {
    let router = limited(false).await;
    let keys = [
        "3e0b4c85-6f7a-4d8e-af9a-0b1c2d3e4f5a",
        "4f1c5d96-7a8b-4e9f-b0a1-1c2d3e4f5a6b",
        "5a2d6ea7-8b9c-4fa0-81b2-2d3e4f5a6b7c",
    ];
    for (key, from) in keys.iter().zip(["192.0.2.1", "192.0.2.2", "192.0.2.3"]) {
        let reply = send(&router, submission(key, Some(from))).await;
        let expected =
            if *key == keys[2] { StatusCode::TOO_MANY_REQUESTS } else { StatusCode::CREATED };
        assert_eq!(reply.status, expected, "{from}");
    }
}

/// Behind a proxy that says the client came over https, the staff session cookie is `Secure`;
/// a client cannot claim https itself when there is no proxy.
#[tokio::test]
async fn the_staff_cookie_is_secure_when_the_site_is_reached_over_https() {
    for (behind_proxy, secure) in [(true, true), (false, false)] {
        let mut config = config();
        config.staff_token = Some(TOKEN.into());
        config.behind_proxy = behind_proxy;
        let router = app(&config).await.unwrap();
        let reply = send(
            &router,
            Request::post("/staff/login")
                .header("content-type", "application/x-www-form-urlencoded")
                .header("x-forwarded-proto", "https")
                .body(Body::from(format!("token={TOKEN}")))
                .unwrap(),
        )
        .await;
        assert_eq!(reply.status, StatusCode::SEE_OTHER);
        let cookie = reply.header("set-cookie");
        assert!(cookie.contains("HttpOnly"), "{cookie}");
        assert_eq!(cookie.contains("; Secure"), secure, "behind a proxy: {behind_proxy}: {cookie}");
    }
}
