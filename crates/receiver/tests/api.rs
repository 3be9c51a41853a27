//! The submission API: a valid package gets a reference once (a repeat gets the same one),
//! packages the engine refuses get the reasons, with the page of each error, and bad input of
//! any kind gets a 4xx with a JSON reason, never a 5xx.

mod common;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use common::*;
use onewindow_engine::formats::Date;
use onewindow_engine::{checksum, load_form};
use onewindow_receiver::app;

#[tokio::test]
async fn a_valid_package_gets_one_reference_and_a_repeat_gets_the_same() {
    let router = router().await;
    let body = serde_json::to_string(&package("0b7e1f52-3c4d-4a5b-9c6d-7e8f9a0b1c2d")).unwrap();
    let first = post_json(&router, body.clone()).await;
    assert_eq!(first.status, StatusCode::CREATED, "{}", first.json());
    let reference = first.json()["reference"].as_str().unwrap().to_string();
    assert!(reference.starts_with("OW-"), "{reference}");
    assert_eq!(first.json()["duplicate"], false);
    let again = post_json(&router, body).await;
    assert_eq!(again.status, StatusCode::OK);
    assert_eq!(again.json()["reference"], reference.as_str());
    assert_eq!(again.json()["duplicate"], true);

    let other = post_json(
        &router,
        serde_json::to_string(&package("1c8f2a63-4d5e-4b6c-8d7e-8f9a0b1c2d3e")).unwrap(),
    )
    .await;
    assert_eq!(other.status, StatusCode::CREATED);
    assert_ne!(other.json()["reference"], reference.as_str());
}

/// A key is the same key in upper and in lower case (a UUID's hex digits), and a key already
/// used for other answers is refused rather than answered with the first reference: the new
/// answers would otherwise be dropped in silence.
#[tokio::test]
async fn a_key_is_one_key_in_any_case_and_not_reused_for_other_answers() {
    let router = router().await;
    let key = "4f1c5d96-7a8b-4e9f-b0a1-1c2d3e4f5a6b";
    let first = post_json(&router, serde_json::to_string(&package(key)).unwrap()).await;
    assert_eq!(first.status, StatusCode::CREATED, "{}", first.json());
    let reference = first.json()["reference"].clone();

    let upper = package(&key.to_ascii_uppercase());
    let again = post_json(&router, serde_json::to_string(&upper).unwrap()).await;
    assert_eq!(again.status, StatusCode::OK, "{}", again.json());
    assert_eq!(
        (again.json()["reference"].clone(), again.json()["duplicate"].clone()),
        (reference.clone(), true.into())
    );

    let mut other = package_of(&example_answers(1), "en", &key.to_ascii_uppercase());
    assert_ne!(other.checksum, package(key).checksum, "the examples differ");
    other.created = "2026-12-04T10:00:00Z".into();
    let reused = post_json(&router, serde_json::to_string(&other).unwrap()).await;
    assert_eq!(
        (reused.status, reused.problem().as_str()),
        (StatusCode::CONFLICT, "idempotency_key_reused"),
        "{}",
        reused.json()
    );
    assert!(reused.json()["message"].as_str().unwrap().contains("nothing was stored"));
    // Nothing was stored by the repeat or the refusal: the next application is the second.
    let next = post_json(
        &router,
        serde_json::to_string(&package("5a2d6ea7-8b9c-4fa0-81b2-2d3e4f5a6b7c")).unwrap(),
    )
    .await;
    let (first, second) = (reference.as_str().unwrap(), next.json()["reference"].clone());
    assert!(
        first.ends_with("-000001") && second.as_str().unwrap().ends_with("-000002"),
        "{first} {second}"
    );
}

#[tokio::test]
async fn the_engine_decides_what_is_refused() {
    let router = router().await;
    let mut invalid = package("2d9a3b74-5e6f-4c7d-9e8f-9a0b1c2d3e4f");
    invalid.answers.set("mobile", "12345".into());
    invalid.checksum = checksum(&invalid);
    let reply = post_json(&router, serde_json::to_string(&invalid).unwrap()).await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(reply.problem(), "invalid");
    assert_eq!(reply.json()["errors"][0]["page"], "mobile");
    assert_eq!(reply.json()["errors"][0]["field"], "mobile");

    let mut altered = package("3e0b4c85-6f7a-4d8e-af9a-0b1c2d3e4f5a");
    altered.answers.set("full_name", "Someone".into());
    let reply = post_json(&router, serde_json::to_string(&altered).unwrap()).await;
    assert_eq!(
        (reply.status, reply.problem().as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, "checksum")
    );

    let mut bad_key = package("3e0b4c85-6f7a-4d8e-af9a-0b1c2d3e4f5a");
    bad_key.idempotency_key = "not-a-uuid".into();
    let reply = post_json(&router, serde_json::to_string(&bad_key).unwrap()).await;
    assert_eq!(
        (reply.status, reply.problem().as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, "malformed")
    );
}

#[tokio::test]
async fn another_version_is_a_conflict() {
    let mut old = package("4f1c5d96-7a8b-4e9f-8a0b-1c2d3e4f5a6b");
    old.form_version = "2019.1".into();
    let reply = post_json(&router().await, serde_json::to_string(&old).unwrap()).await;
    assert_eq!((reply.status, reply.problem().as_str()), (StatusCode::CONFLICT, "wrong_form"));
    assert_eq!(reply.json()["got"], "residence-permit@2019.1");
}

#[tokio::test]
async fn an_unknown_form_is_422_naming_it() {
    let router = router().await;
    let mut unknown = package("5a2d6e07-8b9c-4f0a-9b1c-2d3e4f5a6b7c");
    unknown.form_id = "../../etc/passwd".into();
    let reply = post_json(&router, serde_json::to_string(&unknown).unwrap()).await;
    assert_eq!(
        (reply.status, reply.problem().as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, "unknown_form")
    );

    unknown.form_id = "dog-licence".into();
    let reply = post_json(&router, serde_json::to_string(&unknown).unwrap()).await;
    assert_eq!(
        (reply.status, reply.problem().as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, "unknown_form")
    );
    assert!(reply.json()["message"].as_str().unwrap().contains("dog-licence"), "{}", reply.json());
}

#[tokio::test]
async fn the_idempotency_key_header_must_match_the_package() {
    let router = router().await;
    let key = "6b3e7f18-9cad-4a1b-8c2d-3e4f5a6b7c8d";
    let body = serde_json::to_string(&package(key)).unwrap();
    let request = |header: &str| {
        Request::post("/api/submissions")
            .header("content-type", "application/json")
            .header("idempotency-key", header)
            .body(Body::from(body.clone()))
            .unwrap()
    };
    let reply = send(&router, request("7c4f8029-adbe-4b2c-9d3e-4f5a6b7c8d9e")).await;
    assert_eq!(
        (reply.status, reply.problem().as_str()),
        (StatusCode::BAD_REQUEST, "idempotency_key_mismatch")
    );
    // Nothing was stored: the matching attempt is the first.
    let reply = send(&router, request(key)).await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.json());
    let reply = send(&router, request(&key.to_uppercase())).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.json());
}

#[tokio::test]
async fn bad_bodies_get_400_with_a_reason() {
    let router = router().await;
    let valid: serde_json::Value =
        serde_json::to_value(package("8d5a9b3a-becf-4c3d-ae4f-5a6b7c8d9eaf")).unwrap();
    let mut wrong_types = Vec::new();
    for (field, value) in [
        ("format", serde_json::json!("one")),
        ("answers", serde_json::json!([])),
        ("attachments", serde_json::json!({})),
        ("checksum", serde_json::json!(7)),
    ] {
        let mut body = valid.clone();
        body[field] = value;
        wrong_types.push(body.to_string());
    }
    let mut extra = valid.clone();
    extra["extra"] = serde_json::json!(true);
    let mut missing = valid.clone();
    missing.as_object_mut().unwrap().remove("answers");
    let cases: Vec<String> = [
        "{\"format\": 1,".to_string(),
        "not json".into(),
        "".into(),
        "   ".into(),
        "null".into(),
        "42".into(),
        "[]".into(),
        "{\"not\": \"a package\"}".into(),
        extra.to_string(),
        missing.to_string(),
        "\u{0}\u{1}\u{2}".into(),
    ]
    .into_iter()
    .chain(wrong_types)
    .collect();
    for body in cases {
        let reply = post_json(&router, body.clone()).await;
        assert_eq!(
            (reply.status, reply.problem().as_str()),
            (StatusCode::BAD_REQUEST, "malformed"),
            "{body:?}"
        );
        assert!(!reply.json()["message"].as_str().unwrap_or("").is_empty());
    }
    let invalid_utf8 = post_json(&router, vec![0xff, 0xfe, b'{']).await;
    assert_eq!(invalid_utf8.status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn other_content_types_are_415() {
    let router = router().await;
    let body = serde_json::to_string(&package("9e6bac4b-cfd0-4d4e-bf5a-6b7c8d9eafb0")).unwrap();
    for content_type in [
        None,
        Some("text/plain"),
        Some("application/x-www-form-urlencoded"),
        Some("application/jsonp"),
    ] {
        let mut request = Request::post("/api/submissions");
        if let Some(content_type) = content_type {
            request = request.header("content-type", content_type);
        }
        let reply = send(&router, request.body(Body::from(body.clone())).unwrap()).await;
        assert_eq!(
            (reply.status, reply.problem().as_str()),
            (StatusCode::UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type"),
            "{content_type:?}"
        );
    }
    // A charset parameter is fine.
    let request = Request::post("/api/submissions")
        .header("content-type", "application/json; charset=utf-8")
        .body(Body::from(body))
        .unwrap();
    assert_eq!(send(&router, request).await.status, StatusCode::CREATED);
}

#[tokio::test]
async fn a_huge_body_is_413_whether_or_not_its_length_is_declared() {
    let router = router().await;
    let huge = format!("{{\"format\": 1, \"padding\": \"{}\"}}", "x".repeat(3 * 1024 * 1024));
    let reply = post_json(&router, huge.clone()).await;
    assert_eq!(
        (reply.status, reply.problem().as_str()),
        (StatusCode::PAYLOAD_TOO_LARGE, "too_large")
    );
    let declared = Request::post("/api/submissions")
        .header("content-type", "application/json")
        .header("content-length", huge.len())
        .body(Body::from(huge))
        .unwrap();
    let reply = send(&router, declared).await;
    assert_eq!(
        (reply.status, reply.problem().as_str()),
        (StatusCode::PAYLOAD_TOO_LARGE, "too_large")
    );

    // A streamed body (no length known up front) is cut off at the limit too.
    let chunks: Vec<Result<Vec<u8>, std::io::Error>> =
        (0..40).map(|_| Ok(vec![b' '; 100 * 1024])).collect();
    let streamed = Request::post("/api/submissions")
        .header("content-type", "application/json")
        .body(Body::from_stream(futures_stream(chunks)))
        .unwrap();
    let reply = send(&router, streamed).await;
    assert_eq!(
        (reply.status, reply.problem().as_str()),
        (StatusCode::PAYLOAD_TOO_LARGE, "too_large")
    );

    // The declared length is checked against --max-body-bytes before anything is read.
    let mut config = config();
    config.max_body_bytes = 1000;
    let small = app(&config).await.unwrap();
    let body = serde_json::to_string(&package("afb7bd5c-d0e1-4e5f-8a6b-7c8d9eafb0c1")).unwrap();
    let declared = Request::post("/api/submissions")
        .header("content-type", "application/json")
        .header("content-length", body.len())
        .body(Body::from(body))
        .unwrap();
    let reply = send(&small, declared).await;
    assert_eq!(
        (reply.status, reply.problem().as_str()),
        (StatusCode::PAYLOAD_TOO_LARGE, "too_large")
    );
}

fn futures_stream(
    chunks: Vec<Result<Vec<u8>, std::io::Error>>,
) -> impl futures_core::Stream<Item = Result<Vec<u8>, std::io::Error>> {
    struct Chunks(std::vec::IntoIter<Result<Vec<u8>, std::io::Error>>);
    impl futures_core::Stream for Chunks {
        type Item = Result<Vec<u8>, std::io::Error>;
        fn poll_next(
            mut self: std::pin::Pin<&mut Self>,
            _: &mut std::task::Context<'_>,
        ) -> std::task::Poll<Option<Self::Item>> {
            std::task::Poll::Ready(self.0.next())
        }
    }
    Chunks(chunks.into_iter())
}

#[tokio::test]
async fn a_definition_the_server_cannot_load_is_503_naming_the_file() {
    let forms = temp_dir("broken-forms");
    std::fs::write(forms.join("residence-permit.json"), "{\"id\": \"residence-permit\", ").unwrap();
    let router = app(&test_config(repo().join("dist"), &forms)).await.unwrap();
    let body = serde_json::to_string(&package("b0c8ce6d-e1f2-4f6a-9b7c-8d9eafb0c1d2")).unwrap();
    let reply = post_json(&router, body.clone()).await;
    assert_eq!(
        (reply.status, reply.problem().as_str()),
        (StatusCode::SERVICE_UNAVAILABLE, "form_unavailable")
    );
    assert_eq!(reply.json()["file"], "residence-permit.json");

    // The definition is fine but a reference list it needs is missing.
    std::fs::copy(repo().join("forms/residence-permit.json"), forms.join("residence-permit.json"))
        .unwrap();
    let reply = post_json(&router, body.clone()).await;
    assert_eq!(
        (reply.status, reply.problem().as_str()),
        (StatusCode::SERVICE_UNAVAILABLE, "form_unavailable")
    );
    assert_eq!(reply.json()["file"], "data/cn-ethnic-groups.json");

    // Once the list is there, the same package goes through.
    std::fs::create_dir_all(forms.join("data")).unwrap();
    std::fs::copy(
        repo().join("forms/data/cn-ethnic-groups.json"),
        forms.join("data/cn-ethnic-groups.json"),
    )
    .unwrap();
    assert_eq!(post_json(&router, body).await.status, StatusCode::CREATED);
    std::fs::remove_dir_all(forms).unwrap();
}

#[tokio::test]
async fn a_form_published_again_is_what_packages_are_checked_against() {
    let forms = temp_dir("republished");
    std::fs::create_dir_all(forms.join("data")).unwrap();
    for file in ["residence-permit.json", "data/cn-ethnic-groups.json"] {
        std::fs::copy(repo().join("forms").join(file), forms.join(file)).unwrap();
    }
    let router = app(&test_config(repo().join("dist"), &forms)).await.unwrap();
    let old = package("5f1a2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b");
    assert_eq!(
        post_json(&router, serde_json::to_string(&old).unwrap()).await.status,
        StatusCode::CREATED
    );

    // The department publishes a new version: packages of the old one are refused, and
    // packages of the new one accepted, without restarting the receiver.
    let text = std::fs::read_to_string(forms.join("residence-permit.json")).unwrap();
    let version = format!("\"version\": \"{}\"", old.form_version);
    assert!(text.contains(&version), "{version}");
    let text = text.replace(&version, "\"version\": \"2099.1\"");
    std::fs::write(forms.join("residence-permit.json"), &text).unwrap();
    let again = package("6a2b3c4d-5e6f-4a71-9b8c-0d1e2f3a4b5c");
    let reply = post_json(&router, serde_json::to_string(&again).unwrap()).await;
    assert_eq!((reply.status, reply.problem().as_str()), (StatusCode::CONFLICT, "wrong_form"));
    let model = load_form(&text, Date::new(2030, 1, 1).unwrap()).0.unwrap();
    let new = model
        .package(
            &example_answers(0),
            "en",
            "2026-11-27T10:00:00Z",
            "7b3c4d5e-6f70-4b82-8c9d-1e2f3a4b5c6d",
        )
        .unwrap();
    assert_eq!(new.form_version, "2099.1");
    let reply = post_json(&router, serde_json::to_string(&new).unwrap()).await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.json());
    std::fs::remove_dir_all(forms).unwrap();
}

#[tokio::test]
async fn api_answers_are_json_and_everything_is_nosniff() {
    let router = router().await;
    let reply = send(&router, Request::get("/api/health").body(Body::empty()).unwrap()).await;
    assert_eq!((reply.status, reply.header("content-type")), (StatusCode::OK, "application/json"));
    assert_eq!(reply.json()["status"], "ok");
    assert_eq!(reply.header("x-content-type-options"), "nosniff");

    let reply = send(&router, Request::get("/api/submissions").body(Body::empty()).unwrap()).await;
    assert_eq!(
        (reply.status, reply.problem().as_str()),
        (StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed")
    );
    assert_eq!(reply.header("x-content-type-options"), "nosniff");

    let reply = send(&router, Request::get("/api/nothing/here").body(Body::empty()).unwrap()).await;
    assert_eq!((reply.status, reply.problem().as_str()), (StatusCode::NOT_FOUND, "not_found"));

    let reply =
        send(&router, Request::get("/forms/residence-permit.json").body(Body::empty()).unwrap())
            .await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(reply.header("x-content-type-options"), "nosniff");

    let dist = temp_dir("dist-nosniff");
    std::fs::write(dist.join("index.html"), "<!doctype html><title>onewindow</title>").unwrap();
    let served = app(&test_config(&dist, repo().join("forms"))).await.unwrap();
    let reply =
        send(&served, Request::get("/apply/residence-permit/start").body(Body::empty()).unwrap())
            .await;
    assert_eq!(reply.status, StatusCode::OK);
    assert!(reply.header("content-type").starts_with("text/html"));
    assert_eq!(reply.header("x-content-type-options"), "nosniff");
    std::fs::remove_dir_all(dist).unwrap();
}

/// Two instances on one database, taking submissions at once, some of them repeats of the same
/// key in either case: every application gets its own reference, each key is stored once, and
/// nothing is answered 5xx (the last reference and the key are read under the write lock).
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_instances_on_one_database_store_each_key_once() {
    let dir = temp_dir("two-instances");
    let mut config = config();
    config.database = shared_database(&dir);
    let instances = [app(&config).await.unwrap(), app(&config).await.unwrap()];
    let keys: Vec<String> =
        (0..150).map(|i| format!("{i:08x}-1111-4222-8333-444455556666")).collect();
    let mut tasks = Vec::new();
    for (i, key) in keys.iter().enumerate() {
        for (copy, key) in [key.clone(), key.to_ascii_uppercase()].into_iter().enumerate() {
            let router = instances[(i + copy) % 2].clone();
            let body = serde_json::to_string(&package(&key)).unwrap();
            tasks.push(tokio::spawn(async move {
                let reply = post_json(&router, body).await;
                (key.to_ascii_lowercase(), reply.status, reply.json()["reference"].clone())
            }));
        }
    }
    let mut references = std::collections::BTreeMap::new();
    for task in tasks {
        let (key, status, reference) = task.await.unwrap();
        assert!(status == StatusCode::CREATED || status == StatusCode::OK, "{key}: {status}");
        let first = references.entry(key.clone()).or_insert(reference.clone());
        assert_eq!(*first, reference, "{key}: both copies get one reference");
    }
    let distinct: std::collections::BTreeSet<_> =
        references.values().map(|r| r.as_str().unwrap().to_string()).collect();
    assert_eq!((references.len(), distinct.len()), (150, 150));
    std::fs::remove_dir_all(dir).unwrap();
}

/// Date rules are checked on the form's day (Beijing time for this form) when the
/// application was made, its `created`, as the browser checked them: an answer that is right
/// today but was not yet right then is refused, and a `created` that cannot be (days ahead)
/// is not believed.
#[tokio::test]
async fn date_rules_use_the_forms_day_when_the_application_was_made() {
    use onewindow_engine::formats::TimeZone;
    use serde_json::json;
    let router = router().await;
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs()
        as i64;
    let rfc3339 = |secs: i64| {
        let day = Date::from_days_since_epoch(secs.div_euclid(86_400));
        let time = secs.rem_euclid(86_400);
        format!("{day}T{:02}:{:02}:{:02}Z", time / 3600, time / 60 % 60, time % 60)
    };
    // Six months before Beijing's today: the latest date the form takes as "at least six
    // months ago" today, but too recent for an application made ten days ago.
    let since = TimeZone::CHINA.date_at(now).plus_months(-6);
    let mut answers = example_answers(0);
    answers.set(
        "residing_since",
        json!({"day": since.day.to_string(), "month": since.month.to_string(), "year": since.year.to_string()}),
    );
    let json = std::fs::read_to_string(repo().join("forms/residence-permit.json")).unwrap();
    let model = load_form(&json, Date::new(2030, 1, 1).unwrap()).0.unwrap();
    let package = |key: &str, created: i64| {
        serde_json::to_string(&model.package(&answers, "en", &rfc3339(created), key).unwrap())
            .unwrap()
    };
    let made_now = post_json(&router, package("7a000000-0000-4000-8000-000000000001", now)).await;
    assert_eq!(made_now.status, StatusCode::CREATED, "{}", made_now.json());
    let made_before =
        post_json(&router, package("7a000000-0000-4000-8000-000000000002", now - 10 * 86_400))
            .await;
    assert_eq!(made_before.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", made_before.json());
    assert!(made_before.body.windows(14).any(|w| w == b"residing_since"), "{}", made_before.json());
    let from_the_future =
        post_json(&router, package("7a000000-0000-4000-8000-000000000003", now + 9 * 86_400)).await;
    assert_eq!(from_the_future.status, StatusCode::CREATED, "checked on today instead");
}
