//! The submission API: a valid package gets a reference once (a repeat gets the same one), and
//! packages the engine refuses get the reasons, with the page of each error.

use axum::body::Body;
use axum::http::{Request, StatusCode};
use onewindow_engine::formats::Date;
use onewindow_engine::{checksum, load_form, Answers, Package};
use onewindow_receiver::{app, Config};
use serde_json::Value;
use std::path::Path;
use tower::ServiceExt;

fn repo() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
}

fn router() -> axum::Router {
    app(&Config { dist: repo().join("dist"), forms: repo().join("forms"), database: ":memory:".into() }).unwrap()
}

fn package(key: &str) -> Package {
    let examples: Value = serde_json::from_str(&std::fs::read_to_string(repo().join("forms/residence-permit.examples.json")).unwrap()).unwrap();
    let example = examples["examples"].as_array().unwrap().iter().find(|e| e["expect"]["complete"] == true).unwrap();
    let answers: Answers = serde_json::from_value(example["answers"].clone()).unwrap();
    let json = std::fs::read_to_string(repo().join("forms/residence-permit.json")).unwrap();
    // Today's date on the server decides date rules; the example's dates are all in the past.
    let model = load_form(&json, Date::new(2030, 1, 1).unwrap()).0.unwrap();
    model.package(&answers, "en", "2026-11-27T10:00:00Z", key).unwrap()
}

async fn post(router: &axum::Router, body: String) -> (StatusCode, Value) {
    let request = Request::post("/api/submissions").header("content-type", "application/json").body(Body::from(body)).unwrap();
    let response = router.clone().oneshot(request).await.unwrap();
    let status = response.status();
    let bytes = axum::body::to_bytes(response.into_body(), 1 << 20).await.unwrap();
    (status, serde_json::from_slice(&bytes).unwrap_or(Value::Null))
}

#[tokio::test]
async fn a_valid_package_gets_one_reference_and_a_repeat_gets_the_same() {
    let router = router();
    let body = serde_json::to_string(&package("0b7e1f52-3c4d-4a5b-9c6d-7e8f9a0b1c2d")).unwrap();
    let (status, first) = post(&router, body.clone()).await;
    assert_eq!(status, StatusCode::CREATED, "{first}");
    let reference = first["reference"].as_str().unwrap().to_string();
    assert!(reference.starts_with("OW-"), "{reference}");
    let (status, again) = post(&router, body).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(again["reference"], reference.as_str());
    assert_eq!(again["duplicate"], true);

    let (status, other) = post(&router, serde_json::to_string(&package("1c8f2a63-4d5e-4b6c-8d7e-8f9a0b1c2d3e")).unwrap()).await;
    assert_eq!(status, StatusCode::CREATED);
    assert_ne!(other["reference"], reference.as_str());
}

#[tokio::test]
async fn the_engine_decides_what_is_refused() {
    let router = router();
    let mut invalid = package("2d9a3b74-5e6f-4c7d-9e8f-9a0b1c2d3e4f");
    invalid.answers.set("mobile", "12345".into());
    invalid.checksum = checksum(&invalid);
    let (status, body) = post(&router, serde_json::to_string(&invalid).unwrap()).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["problem"], "invalid");
    assert_eq!(body["errors"][0]["page"], "mobile");
    assert_eq!(body["errors"][0]["field"], "mobile");

    let mut altered = package("3e0b4c85-6f7a-4d8e-af9a-0b1c2d3e4f5a");
    altered.answers.set("full_name", "Someone".into());
    let (status, body) = post(&router, serde_json::to_string(&altered).unwrap()).await;
    assert_eq!((status, body["problem"].as_str()), (StatusCode::UNPROCESSABLE_ENTITY, Some("checksum")));

    let mut old = package("4f1c5d96-7a8b-4e9f-8a0b-1c2d3e4f5a6b");
    old.form_version = "2019.1".into();
    let (status, _) = post(&router, serde_json::to_string(&old).unwrap()).await;
    assert_eq!(status, StatusCode::CONFLICT);

    let (status, body) = post(&router, "{\"not\": \"a package\"}".into()).await;
    assert_eq!((status, body["problem"].as_str()), (StatusCode::BAD_REQUEST, Some("malformed")));

    let mut unknown = package("5a2d6e07-8b9c-4f0a-9b1c-2d3e4f5a6b7c");
    unknown.form_id = "../../etc/passwd".into();
    let (status, body) = post(&router, serde_json::to_string(&unknown).unwrap()).await;
    assert_eq!((status, body["problem"].as_str()), (StatusCode::UNPROCESSABLE_ENTITY, Some("unknown_form")));
}
