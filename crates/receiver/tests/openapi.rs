//! The OpenAPI document at `/api/openapi.json`: every API route the source declares is in it,
//! every operation in it is answered by a route (not the catch-all), and every reference in it
//! resolves within it.

mod common;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use common::*;
use onewindow_receiver::app;
use serde_json::Value;
use std::collections::BTreeSet;

/// The paths of every `.route("/api/…")` in the receiver's source, but the catch-all.
fn declared_routes() -> BTreeSet<String> {
    let mut routes = BTreeSet::new();
    let mut dirs = vec![repo().join("crates/receiver/src")];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
                continue;
            }
            let source = std::fs::read_to_string(&path).unwrap();
            for piece in source.split(".route(\"").skip(1) {
                let route = piece.split('"').next().unwrap();
                if route.starts_with("/api/") && route != "/api/{*rest}" {
                    routes.insert(route.to_string());
                }
            }
        }
    }
    routes
}

fn references(value: &Value, into: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (key, value) in map {
                match (key.as_str(), value) {
                    ("$ref", Value::String(target)) => into.push(target.clone()),
                    _ => references(value, into),
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|item| references(item, into)),
        _ => {}
    }
}

#[tokio::test]
async fn every_api_route_is_documented_and_every_documented_operation_is_a_route() {
    let mut config = config();
    config.staff_token = Some(TOKEN.into());
    let router = app(&config).await.unwrap();
    let reply = send(&router, Request::get("/api/openapi.json").body(Body::empty()).unwrap()).await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(reply.header("content-type"), "application/json");
    let document = reply.json();
    assert!(document["openapi"].as_str().unwrap().starts_with("3.1"), "{}", document["openapi"]);
    let paths = document["paths"].as_object().unwrap();

    let declared = declared_routes();
    assert!(declared.len() >= 10, "the routes were found in the source: {declared:?}");
    for route in &declared {
        assert!(paths.contains_key(route), "{route} is a route but not in the OpenAPI document");
    }

    for (path, item) in paths {
        for method in item.as_object().unwrap().keys() {
            let uri = path
                .replace("{reference}", "OW-20000101-000001")
                .replace("{sha256}", &"a".repeat(64));
            let request = Request::builder()
                .method(method.to_ascii_uppercase().as_str())
                .uri(uri)
                .header("authorization", format!("Bearer {TOKEN}"))
                .header("content-type", "application/json")
                .body(Body::from(if method == "post" { "{}" } else { "" }))
                .unwrap();
            let reply = send(&router, request).await;
            assert_ne!(reply.status, StatusCode::METHOD_NOT_ALLOWED, "{method} {path}");
            assert!(
                !(reply.status == StatusCode::NOT_FOUND
                    && reply.json()["message"] == "no such endpoint"),
                "{method} {path} is documented but no route answers it"
            );
            assert!(reply.status.as_u16() < 500, "{method} {path}: {}", reply.status);
        }
    }

    let schemas = document["components"]["schemas"].as_object().unwrap();
    for name in ["Package", "Rating", "EventBatch", "Answers", "Event", "Problem"] {
        assert!(schemas.contains_key(name), "components.schemas.{name}");
    }
    let mut targets = Vec::new();
    references(&document, &mut targets);
    assert!(targets.len() > 20, "{targets:?}");
    for target in targets {
        let name = target.strip_prefix("#/components/schemas/");
        assert!(name.is_some_and(|n| schemas.contains_key(n)), "{target} does not resolve");
    }
}
