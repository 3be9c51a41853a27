//! Multipart submissions: the package in a part named `package`, each file in a part named by
//! its SHA-256; contents are checked against the package's descriptions before anything is
//! stored, and every kind of bad multipart body is a 4xx.

mod common;

use axum::http::StatusCode;
use common::*;
use onewindow_engine::sha256_hex;
use onewindow_receiver::app;

const PNG: &[u8] = b"\x89PNG\r\n\x1a\n pretend photo";
const PDF: &[u8] = b"%PDF-1.7 pretend tenancy agreement";

fn files() -> Vec<(&'static str, &'static str, &'static str, &'static [u8])> {
    vec![
        ("photo", "photo.png", "image/png", PNG),
        ("address_proof", "租房合同.pdf", "application/pdf", PDF),
    ]
}

#[tokio::test]
async fn a_package_with_its_files_is_stored_once() {
    let router = router().await;
    let package = package_with_files("c1d9df7e-f203-4a7b-8c8d-9eafb0c1d2e3", &files());
    let json = serde_json::to_vec(&package).unwrap();
    let body = multipart(&[
        ("package", None, &json),
        (&sha256_hex(PNG), Some("photo.png"), PNG),
        (&sha256_hex(PDF), Some("租房合同.pdf"), PDF),
    ]);
    let reply = send(&router, multipart_request(body.clone())).await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.json());
    let reference = reply.json()["reference"].clone();
    let again = send(&router, multipart_request(body)).await;
    assert_eq!((again.status, again.json()["reference"].clone()), (StatusCode::OK, reference));
}

#[tokio::test]
async fn files_may_come_first_be_upper_case_or_travel_separately() {
    let router = router().await;
    let package = package_with_files("d2eae08f-0314-4b8c-9d9e-afb0c1d2e3f4", &files());
    let json = serde_json::to_vec(&package).unwrap();
    let body = multipart(&[
        (&sha256_hex(PNG).to_uppercase(), Some("photo.png"), PNG),
        ("package", None, &json),
    ]);
    let reply = send(&router, multipart_request(body)).await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.json());

    let package = package_with_files("e3fbf190-1425-4c9d-aeaf-b0c1d2e3f4a5", &files());
    let body = multipart(&[("package", None, &serde_json::to_vec(&package).unwrap())]);
    assert_eq!(send(&router, multipart_request(body)).await.status, StatusCode::CREATED);
}

#[tokio::test]
async fn a_file_whose_content_does_not_match_is_422_naming_it() {
    let router = router().await;
    let package = package_with_files("f40c02a1-2536-4dae-bfb0-c1d2e3f4a5b6", &files());
    let json = serde_json::to_vec(&package).unwrap();
    // Same size, other content: only the SHA-256 tells.
    let mut other = PDF.to_vec();
    *other.last_mut().unwrap() ^= 1;
    let body =
        multipart(&[("package", None, &json), (&sha256_hex(PDF), Some("租房合同.pdf"), &other)]);
    let reply = send(&router, multipart_request(body)).await;
    assert_eq!(
        (reply.status, reply.problem().as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, "attachment_mismatch")
    );
    assert_eq!(reply.json()["attachment"]["name"], "租房合同.pdf");
    assert_eq!(reply.json()["attachment"]["field"], "address_proof");
    assert!(reply.json()["message"].as_str().unwrap().contains("sha256"));

    // Nothing was stored: the right files under the same key are the first submission.
    let body =
        multipart(&[("package", None, &json), (&sha256_hex(PDF), Some("租房合同.pdf"), PDF)]);
    assert_eq!(send(&router, multipart_request(body)).await.status, StatusCode::CREATED);
}

/// A file is what its first bytes say, not what its name and media type claim: a page of HTML
/// sent as `image/png` (with its own SHA-256 and size, so only the content tells) is refused.
#[tokio::test]
async fn a_file_whose_content_is_not_its_media_type_is_422() {
    let router = router().await;
    let html: &[u8] = b"<!DOCTYPE html><script>fetch('/staff')</script>";
    let package = package_with_files(
        "b62e24c3-4758-4fc0-91d2-e3f4a5b6c7d8",
        &[
            ("photo", "photo.png", "image/png", html),
            ("address_proof", "租房合同.pdf", "application/pdf", PDF),
        ],
    );
    let body = multipart(&[
        ("package", None, &serde_json::to_vec(&package).unwrap()),
        (&sha256_hex(html), Some("photo.png"), html),
        (&sha256_hex(PDF), Some("租房合同.pdf"), PDF),
    ]);
    let reply = send(&router, multipart_request(body)).await;
    assert_eq!(
        (reply.status, reply.problem().as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, "attachment_mismatch"),
        "{}",
        reply.json()
    );
    assert_eq!(reply.json()["attachment"]["field"], "photo");
    assert!(reply.json()["message"].as_str().unwrap().contains("not of its media type"));
}

#[tokio::test]
async fn a_file_whose_size_does_not_match_is_422() {
    let router = router().await;
    let mut answers = example_answers(0);
    answers.set("photo", serde_json::json!([{"name": "photo.png", "type": "image/png", "size": PNG.len() + 1, "sha256": sha256_hex(PNG)}]));
    let package = package_of(&answers, "en", "a51d13b2-3647-4ebf-80c1-d2e3f4a5b6c7");
    let body = multipart(&[
        ("package", None, &serde_json::to_vec(&package).unwrap()),
        (&sha256_hex(PNG), Some("photo.png"), PNG),
    ]);
    let reply = send(&router, multipart_request(body)).await;
    assert_eq!(
        (reply.status, reply.problem().as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, "attachment_mismatch")
    );
    assert_eq!(reply.json()["attachment"]["name"], "photo.png");
    assert!(reply.json()["message"].as_str().unwrap().contains("size"));
}

#[tokio::test]
async fn a_part_the_package_does_not_list_is_400() {
    let router = router().await;
    let package = package_with_files("b62e24c3-4758-4fc0-91d2-e3f4a5b6c7d8", &files());
    let json = serde_json::to_vec(&package).unwrap();
    let stranger = b"not listed";
    for (name, content) in [
        (sha256_hex(stranger), &stranger[..]),
        ("notes".to_string(), &b"hello"[..]),
        (String::new(), &b"x"[..]),
    ] {
        let body = multipart(&[("package", None, &json), (&name, Some("x.txt"), content)]);
        let reply = send(&router, multipart_request(body)).await;
        assert_eq!(
            (reply.status, reply.problem().as_str()),
            (StatusCode::BAD_REQUEST, "unknown_attachment"),
            "{name:?}"
        );
    }
    // A listed package without sha256 does not make any part acceptable.
    let plain = common::package("c73f35d4-5869-40d1-a2e3-f4a5b6c7d8e9");
    let body = multipart(&[
        ("package", None, &serde_json::to_vec(&plain).unwrap()),
        (&sha256_hex(PNG), Some("photo.png"), PNG),
    ]);
    let reply = send(&router, multipart_request(body)).await;
    assert_eq!(
        (reply.status, reply.problem().as_str()),
        (StatusCode::BAD_REQUEST, "unknown_attachment")
    );
}

#[tokio::test]
async fn invalid_multipart_bodies_are_400() {
    let router = router().await;
    let package = package_with_files("d84046e5-697a-41e2-b3f4-a5b6c7d8e9fa", &files());
    let json = serde_json::to_vec(&package).unwrap();
    let no_package = multipart(&[(&sha256_hex(PNG), Some("photo.png"), PNG)]);
    let two_packages = multipart(&[("package", None, &json), ("package", None, &json)]);
    let two_files = multipart(&[
        ("package", None, &json),
        (&sha256_hex(PNG), Some("a.png"), PNG),
        (&sha256_hex(PNG), Some("b.png"), PNG),
    ]);
    let bad_json = multipart(&[("package", None, b"{\"format\": ")]);
    let empty_package = multipart(&[("package", None, b"")]);
    let mut truncated = multipart(&[("package", None, &json)]);
    truncated.truncate(truncated.len() - 20);
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("no package part", no_package),
        ("two package parts", two_packages),
        ("a file twice", two_files),
        ("malformed package", bad_json),
        ("empty package", empty_package),
        ("truncated", truncated),
        ("garbage", b"this is not multipart at all".to_vec()),
        ("empty", Vec::new()),
    ];
    for (what, body) in cases {
        let reply = send(&router, multipart_request(body)).await;
        assert_eq!(
            (reply.status, reply.problem().as_str()),
            (StatusCode::BAD_REQUEST, "malformed"),
            "{what}: {}",
            reply.json()
        );
    }
    // No boundary at all.
    let request = axum::http::Request::post("/api/submissions")
        .header("content-type", "multipart/form-data")
        .body(axum::body::Body::from(json.clone()))
        .unwrap();
    let reply = send(&router, request).await;
    assert_eq!((reply.status, reply.problem().as_str()), (StatusCode::BAD_REQUEST, "malformed"));
}

#[tokio::test]
async fn the_header_key_is_checked_for_multipart_too() {
    let router = router().await;
    let package = package_with_files("e95157f6-7a8b-42f3-84a5-b6c7d8e9fa0b", &files());
    let body = multipart(&[("package", None, &serde_json::to_vec(&package).unwrap())]);
    let mut request = multipart_request(body);
    request
        .headers_mut()
        .insert("idempotency-key", "0a6268a7-8b9c-4304-95b6-c7d8e9fa0b1c".parse().unwrap());
    let reply = send(&router, request).await;
    assert_eq!(
        (reply.status, reply.problem().as_str()),
        (StatusCode::BAD_REQUEST, "idempotency_key_mismatch")
    );
}

#[tokio::test]
async fn bodies_and_package_parts_over_their_limits_are_413() {
    let mut config = config();
    config.max_body_bytes = 64 * 1024;
    let small = app(&config).await.unwrap();
    // A PNG's signature, then padding.
    let big = [b"\x89PNG\r\n\x1a\n".as_slice(), &[7u8; 100 * 1024]].concat();
    let mut answers = example_answers(0);
    answers.set("photo", serde_json::json!([{"name": "big.png", "type": "image/png", "size": big.len(), "sha256": sha256_hex(&big)}]));
    let package = package_of(&answers, "en", "1b7379b8-9cad-4415-a6c7-d8e9fa0b1c2d");
    let body = multipart(&[
        ("package", None, &serde_json::to_vec(&package).unwrap()),
        (&sha256_hex(&big), Some("big.png"), &big),
    ]);
    // Streamed without a declared length: cut off while reading.
    let reply = send(&small, multipart_request(body.clone())).await;
    assert_eq!(
        (reply.status, reply.problem().as_str()),
        (StatusCode::PAYLOAD_TOO_LARGE, "too_large")
    );
    // With a declared length: refused before reading.
    let mut request = multipart_request(body.clone());
    request.headers_mut().insert("content-length", body.len().into());
    let reply = send(&small, request).await;
    assert_eq!(
        (reply.status, reply.problem().as_str()),
        (StatusCode::PAYLOAD_TOO_LARGE, "too_large")
    );
    // The same body is fine under the default 25 MiB.
    assert_eq!(send(&router().await, multipart_request(body)).await.status, StatusCode::CREATED);

    // The package part alone may not pass 2 MiB, whatever the body limit.
    let huge_package = vec![b' '; 2 * 1024 * 1024 + 1];
    let reply =
        send(&router().await, multipart_request(multipart(&[("package", None, &huge_package)])))
            .await;
    assert_eq!(
        (reply.status, reply.problem().as_str()),
        (StatusCode::PAYLOAD_TOO_LARGE, "too_large")
    );
}

fn staff_get(path: &str) -> axum::http::Request<axum::body::Body> {
    axum::http::Request::get(path)
        .header("authorization", format!("Bearer {TOKEN}"))
        .body(axum::body::Body::empty())
        .unwrap()
}

/// Beside a SQLite file, files are kept in a directory by SHA-256 (`<database>.files`), not in
/// the database; a file that a receiver before the file store kept in the database is still
/// served from there.
#[tokio::test]
async fn files_are_kept_by_digest_beside_the_database_and_older_ones_still_served() {
    let dir = temp_dir("file-store");
    let mut config = config();
    config.database = dir.join("receiver.sqlite").to_string_lossy().into_owned();
    config.files = None;
    config.staff_token = Some(TOKEN.into());
    let router = app(&config).await.unwrap();
    let package = package_with_files("0a1b2c3d-4e5f-4a6b-8c7d-8e9fa0b1c2d3", &files());
    let json = serde_json::to_vec(&package).unwrap();
    let body = multipart(&[
        ("package", None, &json),
        (&sha256_hex(PNG), Some("photo.png"), PNG),
        (&sha256_hex(PDF), Some("租房合同.pdf"), PDF),
    ]);
    let reply = send(&router, multipart_request(body)).await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.json());
    let reference = reply.json()["reference"].as_str().unwrap().to_string();
    let sha = sha256_hex(PNG);
    let kept = dir.join("receiver.sqlite.files/sha256").join(&sha[..2]).join(&sha);
    assert_eq!(std::fs::read(&kept).unwrap(), PNG);
    let db = rusqlite::Connection::open(dir.join("receiver.sqlite")).unwrap();
    let in_db: i64 =
        db.query_row("SELECT SUM(LENGTH(content)) FROM attachments", [], |r| r.get(0)).unwrap();
    assert_eq!(in_db, 0, "no bytes in the database");

    let path = format!("/api/staff/submissions/{reference}/attachments/{sha}");
    let served = send(&router, staff_get(&path)).await;
    assert_eq!((served.status, served.body.as_slice()), (StatusCode::OK, PNG));

    // A row as an older receiver wrote it: the bytes in the database, none in the file store.
    std::fs::remove_file(&kept).unwrap();
    let missing = send(&router, staff_get(&path)).await;
    assert_eq!(missing.status, StatusCode::SERVICE_UNAVAILABLE, "a lost file is not a 404");
    db.execute(
        "UPDATE attachments SET content = ?1 WHERE sha256 = ?2",
        rusqlite::params![PNG, sha],
    )
    .unwrap();
    let served = send(&router, staff_get(&path)).await;
    assert_eq!((served.status, served.body.as_slice()), (StatusCode::OK, PNG));
    std::fs::remove_dir_all(dir).unwrap();
}

/// Instances on PostgreSQL share their files too: the receiver will not start without a file
/// store named.
#[tokio::test]
async fn postgres_without_a_file_store_is_refused_at_start() {
    let mut config = config();
    config.database = "postgres://onewindow@127.0.0.1:1/none".into();
    config.files = None;
    let refused = app(&config).await.unwrap_err();
    assert!(refused.contains("--files"), "{refused}");
}
