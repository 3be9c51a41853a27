//! Every body the receiver parses, mangled: an application (JSON and multipart), a rating,
//! an event batch, the staff sign-in form and the staff listing's query. Each starts from a
//! valid one and is cut, spliced, flipped and padded by a seeded generator, thousands of
//! times; the receiver answers every one below 500 (a panic would be 500) and stays up. The
//! cargo-fuzz targets `receiver_*` (fuzz/) run the same surfaces for as long as wanted.

mod common;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use common::*;
use onewindow_engine::sha256_hex;
use onewindow_receiver::app;
use serde_json::json;

const SEED: u64 = 0x0bad_b0d1_e520_2026;
const ROUNDS: usize = 3_000;

/// Bytes that break parsers: quotes, brackets, escapes, multipart delimiters, huge numbers,
/// invalid UTF-8, a NUL, right-to-left marks.
const NASTY: &[&[u8]] = &[
    b"\"",
    b"{",
    b"}",
    b"[",
    b"]",
    b"\\u0000",
    b"\\ud800",
    b"\r\n",
    b"--",
    b"\r\n\r\n",
    b"1e999999",
    b"-0",
    b"18446744073709551616",
    b"\xff\xfe",
    b"\xc3",
    b"\0",
    b"\xe2\x80\xae",
    b"null",
    b"%",
    b"=",
    b"&",
    b"\"package\"",
    b"filename=\"x\"",
];

/// One mangling of `seed`.
fn mangle(rng: &mut Rng, seed: &[u8]) -> Vec<u8> {
    let mut bytes = seed.to_vec();
    for _ in 0..1 + rng.below(4) {
        let at = rng.below(bytes.len() + 1);
        match rng.below(6) {
            0 => bytes.truncate(at),
            1 => {
                let nasty = NASTY[rng.below(NASTY.len())];
                bytes.splice(at..at, nasty.iter().copied());
            }
            2 if at < bytes.len() => bytes[at] ^= 1 << rng.below(8),
            3 => {
                let end = (at + rng.below(64)).min(bytes.len());
                bytes.drain(at..end);
            }
            4 => {
                // A piece of the body repeated: deep nesting, long strings.
                let end = (at + rng.below(32)).min(bytes.len());
                let piece = bytes[at..end].to_vec();
                for _ in 0..rng.below(200) {
                    bytes.splice(at..at, piece.iter().copied());
                }
            }
            _ => {
                let other = rng.below(bytes.len() + 1);
                let (a, b) = (at.min(other), at.max(other));
                bytes[a..b].reverse();
            }
        }
    }
    bytes
}

#[tokio::test]
async fn no_mangled_body_gets_5xx() {
    let mut config = config();
    config.staff_token = Some(TOKEN.into());
    let router = app(&config).await.unwrap();

    let package = serde_json::to_vec(&package("5eed0000-0000-4000-8000-00000000000a")).unwrap();
    const PNG: &[u8] = b"\x89PNG\r\n\x1a\n pretend photo";
    let with_file = serde_json::to_vec(&package_with_files(
        "5eed0000-0000-4000-8000-00000000000b",
        &[("photo", "photo.png", "image/png", PNG)],
    ))
    .unwrap();
    let multipart =
        multipart(&[("package", None, &with_file), (&sha256_hex(PNG), Some("photo.png"), PNG)]);
    let rating = serde_json::to_vec(&json!({
        "format": 1, "id": "5eed0000-0000-4000-8000-00000000000c", "service": "residence-permit",
        "channel": "online", "level": 2, "indicators": {"efficiency": 2}, "reasons": ["too_slow"],
        "comment": "等了很久", "locale": "zh-CN", "created": "2026-12-04T10:00:00Z"
    }))
    .unwrap();
    let events = serde_json::to_vec(&json!({
        "format": 1, "channel": "online", "events": [
            {"type": "journey_started", "form": "residence-permit", "version": "1"},
            {"type": "search_no_results", "query": "护照"}
        ]
    }))
    .unwrap();
    let multipart_type = format!("multipart/form-data; boundary={BOUNDARY}");
    let surfaces: [(&str, &str, &str, &[u8]); 7] = [
        ("POST", "/api/submissions", "application/json", &package),
        ("POST", "/api/submissions", &multipart_type, &multipart),
        ("POST", "/api/ratings", "application/json", &rating),
        ("POST", "/api/ratings", "text/plain", &rating),
        ("POST", "/api/events", "application/json", &events),
        ("POST", "/staff/login", "application/x-www-form-urlencoded", b"token=not-the-token"),
        ("GET", "/api/staff/submissions?", "", b"form=residence-permit&limit=10&offset=0"),
    ];

    let mut rng = Rng(SEED);
    let mut seen = std::collections::BTreeMap::new();
    for round in 0..ROUNDS {
        let (method, path, content_type, seed) = surfaces[round % surfaces.len()];
        let body = mangle(&mut rng, seed);
        let request = if method == "GET" {
            // The query is the body: what cannot be a URI is the client's own problem.
            let query: String =
                body.iter().map(|&b| if b.is_ascii_graphic() { b as char } else { '%' }).collect();
            let Ok(request) = Request::get(format!("{path}{query}"))
                .header("authorization", format!("Bearer {TOKEN}"))
                .body(Body::empty())
            else {
                continue;
            };
            request
        } else {
            Request::builder()
                .method(method)
                .uri(path)
                .header("content-type", content_type)
                .body(Body::from(body.clone()))
                .unwrap()
        };
        let reply = send(&router, request).await;
        assert!(
            reply.status.as_u16() < 500,
            "round {round}: {method} {path} ({content_type}) got {}: {}\nbody: {:?}",
            reply.status,
            String::from_utf8_lossy(&reply.body),
            String::from_utf8_lossy(&body)
        );
        *seen.entry((path, reply.status.as_u16())).or_insert(0) += 1;
    }
    // The mangling reached past the first check: some bodies were refused for what they
    // said, not only for being unreadable, and the receiver still stores a good one.
    assert!(seen.keys().any(|(p, s)| *p == "/api/submissions" && *s == 422), "{seen:?}");
    let good = send(&router, json_request(package.clone())).await;
    assert!(good.status == StatusCode::CREATED || good.status == StatusCode::OK, "{seen:?}");
}
