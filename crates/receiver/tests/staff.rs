//! Staff endpoints: disabled without a token, 401 without the right one, and with it the
//! listing, one package, an attached file and the CSV/JSON export; never cached.

mod common;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use common::*;
use onewindow_engine::sha256_hex;
use onewindow_receiver::app;

async fn staff_router() -> axum::Router {
    let mut config = config();
    config.staff_token = Some(TOKEN.into());
    app(&config).await.unwrap()
}

fn get(path: &str) -> Request<Body> {
    Request::get(path)
        .header("authorization", format!("Bearer {TOKEN}"))
        .body(Body::empty())
        .unwrap()
}

async fn submit(
    router: &axum::Router,
    package: &onewindow_engine::Package,
    files: &[(&str, &[u8])],
) -> String {
    let json = serde_json::to_vec(package).unwrap();
    let mut parts: Vec<(&str, Option<&str>, &[u8])> = vec![("package", None, &json)];
    let names: Vec<String> = files.iter().map(|(_, content)| sha256_hex(content)).collect();
    for ((file, content), sha) in files.iter().zip(&names) {
        parts.push((sha, Some(file), content));
    }
    let reply = send(router, multipart_request(multipart(&parts))).await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.json());
    reply.json()["reference"].as_str().unwrap().to_string()
}

#[tokio::test]
async fn without_a_token_the_staff_endpoints_are_404() {
    let router = router().await;
    for path in [
        "/api/staff/submissions",
        "/api/staff/export?form=residence-permit",
        "/api/staff/submissions/OW-20261127-000001",
    ] {
        let reply = send(&router, get(path)).await;
        assert_eq!(
            (reply.status, reply.problem().as_str()),
            (StatusCode::NOT_FOUND, "not_found"),
            "{path}"
        );
        assert_eq!(reply.header("cache-control"), "no-store");
    }
}

#[tokio::test]
async fn a_short_or_spaced_token_is_refused_at_start() {
    for token in ["short", "", "has a space in the middle of it"] {
        let mut config = config();
        config.staff_token = Some(token.into());
        assert!(app(&config).await.is_err(), "{token:?}");
    }
}

#[tokio::test]
async fn the_right_bearer_token_is_needed() {
    let router = staff_router().await;
    let wrong = [
        None,
        Some(format!("Bearer {TOKEN}x")),
        Some(format!("Bearer {}", &TOKEN[..TOKEN.len() - 1])),
        Some(format!("Basic {TOKEN}")),
        Some(TOKEN.to_string()),
        Some("Bearer ".to_string()),
    ];
    for authorization in wrong {
        let mut request = Request::get("/api/staff/submissions");
        if let Some(value) = &authorization {
            request = request.header("authorization", value);
        }
        let reply = send(&router, request.body(Body::empty()).unwrap()).await;
        assert_eq!(
            (reply.status, reply.problem().as_str()),
            (StatusCode::UNAUTHORIZED, "unauthorized"),
            "{authorization:?}"
        );
        assert!(reply.header("www-authenticate").starts_with("Bearer"));
        assert_eq!(reply.header("cache-control"), "no-store");
    }
    let reply = send(&router, get("/api/staff/submissions")).await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(reply.header("cache-control"), "no-store");
    // The scheme is case-insensitive.
    let request = Request::get("/api/staff/submissions")
        .header("authorization", format!("bearer {TOKEN}"))
        .body(Body::empty())
        .unwrap();
    assert_eq!(send(&router, request).await.status, StatusCode::OK);
}

#[tokio::test]
async fn the_listing_is_newest_first_by_form_and_paged() {
    let router = staff_router().await;
    let png: &[u8] = b"\x89PNG\r\n\x1a\n pretend";
    let first = submit(&router, &package("2c8480c9-adbe-4526-b7d8-e9fa0b1c2d3e"), &[]).await;
    let with_file = package_with_files(
        "3d9591da-becf-4637-88e9-fa0b1c2d3e4f",
        &[("photo", "photo.png", "image/png", png)],
    );
    let second = submit(&router, &with_file, &[("photo.png", png)]).await;

    let reply = send(&router, get("/api/staff/submissions")).await;
    assert_eq!(reply.header("content-type"), "application/json");
    let list = reply.json();
    assert_eq!(list["total"], 2);
    let references: Vec<&str> = list["submissions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["reference"].as_str().unwrap())
        .collect();
    assert_eq!(references, [second.as_str(), first.as_str()]);
    let newest = &list["submissions"][0];
    assert_eq!(newest["form_id"], "residence-permit");
    assert_eq!(newest["form_version"], "2026.2");
    assert_eq!(newest["idempotency_key"], "3d9591da-becf-4637-88e9-fa0b1c2d3e4f");
    assert_eq!(
        (newest["attachments"].as_i64(), newest["files_stored"].as_i64()),
        (Some(5), Some(1))
    );
    assert!(newest["received_at"].as_str().unwrap().ends_with('Z'));
    // No answers in the listing.
    assert!(!reply.body.windows(4).any(|w| w == b"mobi"), "{list}");

    let page = send(&router, get("/api/staff/submissions?limit=1&offset=1")).await.json();
    assert_eq!(page["submissions"].as_array().unwrap().len(), 1);
    assert_eq!(page["submissions"][0]["reference"], first.as_str());
    let other = send(&router, get("/api/staff/submissions?form=register-birth")).await.json();
    assert_eq!(
        (other["total"].as_i64(), other["submissions"].as_array().unwrap().len()),
        (Some(0), 0)
    );
    let same = send(&router, get("/api/staff/submissions?form=residence-permit")).await.json();
    assert_eq!(same["total"], 2);

    for bad in ["limit=-1", "limit=abc", "limit=100000", "offset=x", "form=../x"] {
        let reply = send(&router, get(&format!("/api/staff/submissions?{bad}"))).await;
        assert_eq!(
            (reply.status, reply.problem().as_str()),
            (StatusCode::BAD_REQUEST, "bad_request"),
            "{bad}"
        );
    }
}

#[tokio::test]
async fn one_package_and_its_files_can_be_fetched() {
    let router = staff_router().await;
    let png: &[u8] = b"\x89PNG\r\n\x1a\n pretend photo of me";
    let pdf: &[u8] = b"%PDF-1.4 pretend proof";
    let package = package_with_files(
        "4ea6a2eb-cfd0-4748-99fa-0b1c2d3e4f5a",
        &[
            ("photo", "photo.png", "image/png", png),
            ("address_proof", "租房 \"合同\".pdf", "application/pdf", pdf),
        ],
    );
    let reference = submit(&router, &package, &[("photo.png", png), ("合同.pdf", pdf)]).await;

    let reply = send(&router, get(&format!("/api/staff/submissions/{reference}"))).await;
    assert_eq!((reply.status, reply.header("content-type")), (StatusCode::OK, "application/json"));
    assert_eq!(reply.json(), serde_json::to_value(&package).unwrap());
    assert_eq!(reply.header("cache-control"), "no-store");

    let reply = send(
        &router,
        get(&format!("/api/staff/submissions/{reference}/attachments/{}", sha256_hex(pdf))),
    )
    .await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(reply.body, pdf);
    assert_eq!(reply.header("content-type"), "application/pdf");
    assert_eq!(
        reply.header("content-disposition"),
        "attachment; filename=\"__ ____.pdf\"; filename*=UTF-8''%E7%A7%9F%E6%88%BF%20%22%E5%90%88%E5%90%8C%22.pdf"
    );
    assert_eq!(reply.header("content-security-policy"), "sandbox");
    assert_eq!(reply.header("x-content-type-options"), "nosniff");
    assert_eq!(reply.header("cache-control"), "no-store");
    let upper = send(
        &router,
        get(&format!(
            "/api/staff/submissions/{reference}/attachments/{}",
            sha256_hex(png).to_uppercase()
        )),
    )
    .await;
    assert_eq!(
        (upper.status, upper.body.as_slice(), upper.header("content-type")),
        (StatusCode::OK, png, "image/png")
    );

    for path in [
        "/api/staff/submissions/OW-19990101-000009".to_string(),
        format!("/api/staff/submissions/{reference}/attachments/{}", sha256_hex(b"other")),
        format!("/api/staff/submissions/{reference}/attachments/not-a-hash"),
        format!("/api/staff/submissions/OW-19990101-000009/attachments/{}", sha256_hex(png)),
    ] {
        let reply = send(&router, get(&path)).await;
        assert_eq!(
            (reply.status, reply.problem().as_str()),
            (StatusCode::NOT_FOUND, "not_found"),
            "{path}"
        );
    }
}

#[tokio::test]
async fn the_csv_export_has_a_column_per_answer_and_opens_in_excel() {
    let router = staff_router().await;
    let english = submit(&router, &package("5fb7b3fc-d0e1-4859-8a0b-1c2d3e4f5a6b"), &[]).await;
    let mut answers = example_answers(1);
    let mut address = answers.get("residence_address").unwrap().clone();
    address["street"] = "湖滨南路100号, \"东\"3栋".into();
    answers.set("residence_address", address);
    let chinese = submit(
        &router,
        &package_of(&answers, "zh-CN", "60c8c40d-e1f2-496a-9b1c-2d3e4f5a6b7c"),
        &[],
    )
    .await;

    let reply = send(&router, get("/api/staff/export?form=residence-permit&format=csv")).await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(reply.header("content-type"), "text/csv; charset=utf-8");
    assert_eq!(reply.header("content-disposition"), "attachment; filename=\"residence-permit-submissions.csv\"; filename*=UTF-8''residence-permit-submissions.csv");
    assert_eq!(reply.header("cache-control"), "no-store");
    assert_eq!(&reply.body[..3], b"\xef\xbb\xbf", "UTF-8 byte order mark for Excel");
    let text = String::from_utf8(reply.body[3..].to_vec()).unwrap();
    let lines: Vec<&str> = text.split("\r\n").collect();
    assert_eq!(lines.len(), 4, "{text}"); // header, two rows, and the empty rest after the last CRLF
    assert_eq!(lines[3], "");
    let header: Vec<&str> = lines[0].split(',').collect();
    assert_eq!(&header[..4], ["reference", "received_at", "form_version", "locale"]);
    let column = |name: &str| {
        header
            .iter()
            .position(|h| *h == name)
            .unwrap_or_else(|| panic!("no column {name} in {header:?}"))
    };
    // Nested objects are dotted keys, in the order of the form's questions.
    assert!(column("residence_address.city_name") > column("full_name"));
    assert!(column("residence_address.street") > column("residence_address.city_name"));
    assert!(header.contains(&"basis"));
    assert!(lines[1].starts_with(&format!("{english},")));
    assert!(lines[2].starts_with(&format!("{chinese},")));
    let chinese_row = lines[2];
    assert!(chinese_row.contains(",zh-CN,"));
    assert!(chinese_row.contains("厦门市"));
    // Arrays are joined with "; " (files by their names); quotes and commas are quoted.
    assert!(chinese_row.contains(",residence; study,"), "{chinese_row}");
    assert!(chinese_row.contains(",身份证正面.png; 身份证反面.png,"), "{chinese_row}");
    assert!(chinese_row.contains(",\"湖滨南路100号, \"\"东\"\"3栋\","), "{chinese_row}");
    // Read back as CSV, every row has as many cells as the header, and the quoted cell is whole.
    let rows = parse_csv(&text);
    assert_eq!(rows.len(), 3);
    assert!(rows.iter().all(|row| row.len() == header.len()), "{rows:?}");
    assert_eq!(rows[2][column("residence_address.street")], "湖滨南路100号, \"东\"3栋");
    assert_eq!(rows[2][column("residence_address.city_name")], "厦门市");

    let reply = send(&router, get("/api/staff/export?form=residence-permit")).await;
    assert_eq!(
        (reply.status, reply.header("content-type")),
        (StatusCode::OK, "text/csv; charset=utf-8"),
        "CSV by default"
    );
}

#[tokio::test]
async fn the_json_export_has_every_package_of_the_form() {
    let router = staff_router().await;
    let package = package("71d9d51e-f203-4a7b-8c2d-3e4f5a6b7c8d");
    let reference = submit(&router, &package, &[]).await;
    let reply = send(&router, get("/api/staff/export?form=residence-permit&format=json")).await;
    assert_eq!((reply.status, reply.header("content-type")), (StatusCode::OK, "application/json"));
    assert_eq!(reply.header("cache-control"), "no-store");
    let export = reply.json();
    assert_eq!(export["form"], "residence-permit");
    assert_eq!(export["submissions"][0]["reference"], reference.as_str());
    assert_eq!(export["submissions"][0]["package"], serde_json::to_value(&package).unwrap());
    let none = send(&router, get("/api/staff/export?form=register-birth&format=json")).await.json();
    assert_eq!(none["submissions"], serde_json::json!([]));

    for bad in [
        "/api/staff/export",
        "/api/staff/export?form=residence-permit&format=xlsx",
        "/api/staff/export?form=a/b",
    ] {
        let reply = send(&router, get(bad)).await;
        assert_eq!(
            (reply.status, reply.problem().as_str()),
            (StatusCode::BAD_REQUEST, "bad_request"),
            "{bad}"
        );
    }
}

/// RFC 4180: fields split by commas, rows by CRLF, quoted fields with doubled quotes.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let (mut rows, mut row, mut field) = (Vec::new(), Vec::new(), String::new());
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') if field.is_empty() => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\r') if chars.peek() == Some(&'\n') => {
                chars.next();
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => field.push(c),
        }
    }
    assert!(!quoted && field.is_empty() && row.is_empty(), "the CSV ends inside a row");
    rows
}
