//! Shared by the receiver's tests: packages made by the engine from the shipped examples,
//! multipart bodies, and one-shot requests against the router.
#![allow(dead_code)]

use axum::body::Body;
use axum::http::{HeaderMap, Request, StatusCode};
use onewindow_engine::formats::Date;
use onewindow_engine::{load_form, sha256_hex, Answers, Package};
use onewindow_receiver::{app, Config};
use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use tower::ServiceExt;

pub const TOKEN: &str = "staff-token-0123456789abcdef";
pub const BOUNDARY: &str = "onewindow-test-boundary-7MA4YWxkTrZu0gW";

pub fn repo() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
}

/// The receiver's defaults without rate limits: every request of a test comes from one
/// client (tests/limits.rs tests the limits).
pub fn config() -> Config {
    let mut config = test_config(repo().join("dist"), repo().join("forms"));
    config.rate_limits = None;
    config
}

/// The receiver's defaults on the test database ([`database`]) and file store ([`files`]).
pub fn test_config(dist: impl Into<PathBuf>, forms: impl Into<PathBuf>) -> Config {
    let mut config = Config::new(dist, forms, database());
    config.files = files();
    config
}

/// The file store of a test on PostgreSQL: `ONEWINDOW_TEST_FILES` (the `s3://` bucket
/// scripts/test.sh starts) or a new directory. On SQLite, the receiver's default.
pub fn files() -> Option<String> {
    static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    postgres_server()?;
    let named = std::env::var("ONEWINDOW_TEST_FILES").ok().filter(|f| !f.trim().is_empty());
    Some(named.unwrap_or_else(|| {
        let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        temp_dir(&format!("files-{n}")).to_string_lossy().into_owned()
    }))
}

/// Where a test's receiver keeps what it receives: a SQLite database in memory, or, when
/// `ONEWINDOW_TEST_POSTGRES` names a PostgreSQL server (`postgres://user@host:port`, as
/// scripts/test.sh sets it), a new empty database there, so that every test runs on both.
pub fn database() -> String {
    match postgres_server() {
        Some(server) => fresh_postgres(&server),
        None => ":memory:".to_string(),
    }
}

/// A database several instances of a test share: a SQLite file in `dir`, or a new PostgreSQL
/// database.
pub fn shared_database(dir: &Path) -> String {
    match postgres_server() {
        Some(server) => fresh_postgres(&server),
        None => dir.join("receiver.sqlite").to_string_lossy().into_owned(),
    }
}

/// The PostgreSQL server the tests run on, if any.
pub fn postgres_server() -> Option<String> {
    std::env::var("ONEWINDOW_TEST_POSTGRES")
        .ok()
        .map(|s| s.trim_end_matches('/').to_string())
        .filter(|s| !s.is_empty())
}

/// A new empty database on the server; its URL.
pub fn fresh_postgres(server: &str) -> String {
    static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let name = format!(
        "ow_test_{}_{}",
        std::process::id(),
        NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
    );
    let admin = format!("{server}/postgres");
    let create = name.clone();
    // On a thread of its own: the tests call this from inside their runtime.
    std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
        runtime.block_on(async {
            let (client, connection) =
                tokio_postgres::connect(&admin, tokio_postgres::NoTls).await.unwrap();
            let connection = tokio::spawn(connection);
            client.batch_execute(&format!("DROP DATABASE IF EXISTS {create}")).await.unwrap();
            client.batch_execute(&format!("CREATE DATABASE {create}")).await.unwrap();
            drop(client);
            let _ = connection.await;
        })
    })
    .join()
    .unwrap();
    format!("{server}/{name}")
}

pub async fn router() -> axum::Router {
    app(&config()).await.unwrap()
}

/// A fresh empty directory under the system's temporary directory.
pub fn temp_dir(name: &str) -> PathBuf {
    let dir =
        std::env::temp_dir().join(format!("onewindow-receiver-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The answers of a complete residence-permit example (0: English, 1: Chinese).
pub fn example_answers(which: usize) -> Answers {
    let examples: Value = serde_json::from_str(
        &std::fs::read_to_string(repo().join("forms/residence-permit.examples.json")).unwrap(),
    )
    .unwrap();
    let example = examples["examples"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["expect"]["complete"] == true)
        .nth(which)
        .unwrap();
    serde_json::from_value(example["answers"].clone()).unwrap()
}

pub fn package_of(answers: &Answers, locale: &str, key: &str) -> Package {
    let json = std::fs::read_to_string(repo().join("forms/residence-permit.json")).unwrap();
    // Today's date on the server decides date rules; the example's dates are all in the past.
    let model = load_form(&json, Date::new(2030, 1, 1).unwrap()).0.unwrap();
    model.package(answers, locale, "2026-11-27T10:00:00Z", key).unwrap()
}

pub fn package(key: &str) -> Package {
    package_of(&example_answers(0), "en", key)
}

/// A package whose file questions are answered with these files (field, name, media type,
/// content), each described with its size and SHA-256 as the app does.
pub fn package_with_files(key: &str, files: &[(&str, &str, &str, &[u8])]) -> Package {
    let mut answers = example_answers(0);
    for (field, _, _, _) in files {
        answers.set(*field, json!([]));
    }
    for (field, name, media_type, content) in files {
        let mut list = answers.get(field).unwrap().as_array().unwrap().clone();
        list.push(json!({"name": name, "type": media_type, "size": content.len(), "sha256": sha256_hex(content)}));
        answers.set(*field, Value::Array(list));
    }
    package_of(&answers, "en", key)
}

/// A multipart/form-data body: (part name, file name, content).
pub fn multipart(parts: &[(&str, Option<&str>, &[u8])]) -> Vec<u8> {
    let mut body = Vec::new();
    for (name, filename, content) in parts {
        body.extend_from_slice(format!("--{BOUNDARY}\r\n").as_bytes());
        match filename {
            Some(file) => body.extend_from_slice(
                format!("Content-Disposition: form-data; name=\"{name}\"; filename=\"{file}\"\r\nContent-Type: application/octet-stream\r\n\r\n").as_bytes(),
            ),
            None => body.extend_from_slice(
                format!("Content-Disposition: form-data; name=\"{name}\"\r\nContent-Type: application/json\r\n\r\n").as_bytes(),
            ),
        }
        body.extend_from_slice(content);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{BOUNDARY}--\r\n").as_bytes());
    body
}

pub fn multipart_request(body: Vec<u8>) -> Request<Body> {
    Request::post("/api/submissions")
        .header("content-type", format!("multipart/form-data; boundary={BOUNDARY}"))
        .body(Body::from(body))
        .unwrap()
}

pub fn json_request(body: impl Into<Body>) -> Request<Body> {
    Request::post("/api/submissions")
        .header("content-type", "application/json")
        .body(body.into())
        .unwrap()
}

pub struct Reply {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Vec<u8>,
}

impl Reply {
    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body).unwrap_or(Value::Null)
    }

    pub fn header(&self, name: &str) -> &str {
        self.headers.get(name).and_then(|v| v.to_str().ok()).unwrap_or("")
    }

    /// An `/api` answer: JSON with its content type, and the problem code.
    pub fn problem(&self) -> String {
        assert_eq!(
            self.header("content-type"),
            "application/json",
            "{} {}",
            self.status,
            String::from_utf8_lossy(&self.body)
        );
        self.json()["problem"].as_str().unwrap_or("").to_string()
    }
}

pub async fn send(router: &axum::Router, request: Request<Body>) -> Reply {
    let response = router.clone().oneshot(request).await.unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    let body = axum::body::to_bytes(response.into_body(), 64 << 20).await.unwrap().to_vec();
    Reply { status, headers, body }
}

pub async fn post_json(router: &axum::Router, body: impl Into<Body>) -> Reply {
    send(router, json_request(body)).await
}

/// A small seeded generator (SplitMix64): the same seed, the same run.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number below `n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}
