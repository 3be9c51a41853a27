//! Ratings (one per case, checked by the engine), analytics events (validated, counted) and
//! the staff reports and dashboard behind the staff token.

mod common;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use common::*;
use onewindow_receiver::app;
use serde_json::{json, Value};

async fn staff_router() -> axum::Router {
    let mut config = config();
    config.staff_token = Some(TOKEN.into());
    app(&config).await.unwrap()
}

fn post(path: &str, body: &Value) -> Request<Body> {
    Request::post(path)
        .header("content-type", "application/json")
        .body(Body::from(body.to_string()))
        .unwrap()
}

/// A rating, of a case (its reference and token) or of the service.
fn rating(id: &str, case: Option<(&str, &str)>, level: u8) -> Value {
    let mut rating = json!({"format": 1, "id": id, "service": "residence-permit", "version": "1", "channel": "online",
        "level": level, "locale": "en", "created": "2026-11-27T10:00:00.000Z",
        "indicators": {"efficiency": level, "usability": 4}});
    if let Some((case, token)) = case {
        rating["case_reference"] = json!(case);
        rating["case_token"] = json!(token);
    }
    if level <= 2 {
        rating["reasons"] = json!(["too_many_materials"]);
        rating["comment"] = json!("排队太久");
    }
    rating
}

fn event(kind: &str, page: &str) -> Value {
    json!({"type": kind, "form": "residence-registration", "version": "2026.1", "page": page})
}

async fn reports(router: &axum::Router) -> Value {
    let reply = send(
        router,
        Request::get("/api/staff/reports")
            .header("authorization", format!("Bearer {TOKEN}"))
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(reply.status, StatusCode::OK);
    reply.json()
}

/// Sends an application with this idempotency key: its reference and rating token.
async fn case(router: &axum::Router, key: &str) -> (String, String) {
    let reply = post_json(router, serde_json::to_string(&package(key)).unwrap()).await;
    assert!(reply.status.is_success(), "{}", reply.json());
    let text = |name: &str| reply.json()[name].as_str().unwrap().to_string();
    (text("reference"), text("rating_token"))
}

#[tokio::test]
async fn a_case_is_rated_once_and_a_retry_is_recognised() {
    let router = staff_router().await;
    let (reference, token) = case(&router, "0b7e1f52-3c4d-4a5b-9c6d-7e8f9a0b1c2d").await;
    let first =
        send(&router, post("/api/ratings", &rating("a1", Some((&reference, &token)), 5))).await;
    assert_eq!(first.status, StatusCode::CREATED, "{}", first.json());
    let retry =
        send(&router, post("/api/ratings", &rating("a1", Some((&reference, &token)), 5))).await;
    assert_eq!((retry.status, retry.json()["duplicate"].clone()), (StatusCode::OK, json!(true)));
    let second =
        send(&router, post("/api/ratings", &rating("b2", Some((&reference, &token)), 1))).await;
    assert_eq!((second.status, second.problem().as_str()), (StatusCode::CONFLICT, "already_rated"));
    // Ratings from a guide have no case: any number of them.
    for id in ["g1", "g2"] {
        assert_eq!(
            send(&router, post("/api/ratings", &rating(id, None, 4))).await.status,
            StatusCode::CREATED
        );
    }
    // The case's rating and the guide's are counted apart: anyone may rate from a guide.
    let satisfaction = &reports(&router).await["satisfaction"][0];
    assert_eq!(
        (satisfaction["ratings"].clone(), satisfaction["average"].clone()),
        (json!(1), json!(5.0))
    );
    assert_eq!(satisfaction["levels"], json!({"1": 0, "2": 0, "3": 0, "4": 0, "5": 1}));
    assert_eq!(satisfaction["without_case"], json!({"ratings": 2, "average": 4.0, "negative": 0}));
}

#[tokio::test]
async fn bad_ratings_get_every_problem_with_its_pointer() {
    let router = router().await;
    let mut bad = rating("", Some(("OW 1", "")), 2);
    bad["reasons"] = json!([]);
    bad["comment"] = json!("");
    bad["level"] = json!(2);
    bad["indicators"] = json!({"convenience": 9});
    let reply = send(&router, post("/api/ratings", &bad)).await;
    assert_eq!(
        (reply.status, reply.problem().as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, "invalid")
    );
    let body = reply.json();
    let pointers: Vec<&str> = body["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["pointer"].as_str().unwrap())
        .collect();
    assert_eq!(
        pointers,
        ["/id", "/case_reference", "/case_token", "/indicators/convenience", "/reasons"]
    );
    let mut unknown = rating("x", None, 5);
    unknown["name"] = json!("Li Lei");
    assert_eq!(send(&router, post("/api/ratings", &unknown)).await.problem(), "malformed");
    let plain = Request::post("/api/ratings")
        .header("content-type", "application/xml")
        .body(Body::from("<x/>"))
        .unwrap();
    assert_eq!(send(&router, plain).await.status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    let huge = Request::post("/api/ratings")
        .header("content-type", "application/json")
        .body(Body::from(vec![b' '; 20_000]))
        .unwrap();
    assert_eq!(send(&router, huge).await.status, StatusCode::PAYLOAD_TOO_LARGE);
}

#[tokio::test]
async fn events_are_counted_into_the_reports() {
    let router = staff_router().await;
    let batch = json!({"format": 1, "channel": "online", "events": [
        {"type": "journey_started", "form": "residence-registration", "version": "2026.1"},
        event("page_reached", "id-number"),
        {"type": "validation_error", "form": "residence-registration", "version": "2026.1", "page": "id-number", "field": "id_number", "rule": "format"},
        {"type": "page_time", "form": "residence-registration", "version": "2026.1", "page": "id-number", "bucket": "10-30s"},
        event("page_abandoned", "id-number"),
        {"type": "search_no_results", "query": "dog licence"},
        {"type": "search_no_results"},
    ]});
    // sendBeacon posts text/plain: accepted as well.
    let beacon = Request::post("/api/events")
        .header("content-type", "text/plain;charset=UTF-8")
        .body(Body::from(batch.to_string()))
        .unwrap();
    assert_eq!(send(&router, beacon).await.status, StatusCode::NO_CONTENT);
    let second = json!({"format": 1, "channel": "embedded", "events": [
        {"type": "journey_started", "form": "residence-registration", "version": "2026.1"},
        event("page_reached", "id-number"),
        {"type": "validation_error", "form": "residence-registration", "version": "2026.1", "page": "id-number", "field": "id_number", "rule": "format"},
        {"type": "submission", "form": "residence-registration", "version": "2026.1", "outcome": "submitted"},
        {"type": "search_no_results", "query": "dog licence"},
    ]});
    assert_eq!(send(&router, post("/api/events", &second)).await.status, StatusCode::NO_CONTENT);
    let r = reports(&router).await;
    assert_eq!(
        r["zero_result_searches"],
        json!({"total": 3, "without_query": 1, "top": [{"query": "dog licence", "count": 2}]})
    );
    assert_eq!(
        r["validation_errors"],
        json!([{"form": "residence-registration", "page": "id-number", "field": "id_number", "rule": "format", "count": 2}])
    );
    let funnel = &r["funnels"][0];
    assert_eq!(
        (funnel["form"].as_str(), funnel["started"].as_i64(), funnel["submitted"].as_i64()),
        (Some("residence-registration"), Some(2), Some(1))
    );
    let page =
        funnel["pages"].as_array().unwrap().iter().find(|p| p["page"] == "id-number").unwrap();
    assert_eq!(
        (page["reached"].as_i64(), page["abandoned"].as_i64(), page["time"]["10-30s"].as_i64()),
        (Some(2), Some(1), Some(1))
    );
    // CSV of one report.
    let csv = send(
        &router,
        Request::get("/api/staff/reports?format=csv&report=searches")
            .header("authorization", format!("Bearer {TOKEN}"))
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(csv.header("content-type"), "text/csv; charset=utf-8");
    assert_eq!(
        String::from_utf8(csv.body).unwrap(),
        "\u{feff}query,count\r\n,1\r\ndog licence,2\r\n"
    );
}

#[tokio::test]
async fn bad_event_batches_are_refused_and_nothing_is_counted() {
    let router = staff_router().await;
    let bad = json!({"format": 1, "channel": "online", "events": [event("page_reached", "id-number"), event("page_reached", "a page")]});
    let reply = send(&router, post("/api/events", &bad)).await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(reply.json()["problems"][0]["pointer"], "/events/1/page");
    let answers = json!({"format": 1, "channel": "online", "events": [{"type": "page_reached", "form": "f", "version": "1", "page": "p", "value": "李雷"}]});
    assert_eq!(
        send(&router, post("/api/events", &answers)).await.problem(),
        "malformed",
        "no room for answers"
    );
    let many = json!({"format": 1, "channel": "online", "events": vec![json!({"type": "search_no_results"}); 101]});
    assert_eq!(
        send(&router, post("/api/events", &many)).await.status,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    let huge = Request::post("/api/events")
        .header("content-type", "application/json")
        .body(Body::from(vec![b' '; 70_000]))
        .unwrap();
    assert_eq!(send(&router, huge).await.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(reports(&router).await["funnels"], json!([]));
}

/// Events name only what is published: a form, its published version, its pages, outcomes and
/// questions. Made-up ids are refused, and free text (rule names) cannot add more than a day's
/// share of count rows per form, so the reports stay bounded.
#[tokio::test]
async fn events_for_what_is_not_published_are_refused_and_count_rows_are_bounded() {
    let router = staff_router().await;
    let batch = json!({"format": 1, "channel": "online", "events": [
        {"type": "journey_started", "form": "no-such-form", "version": "1"},
        {"type": "journey_started", "form": "residence-registration", "version": "1999.1"},
        event("page_reached", "no-such-page"),
        {"type": "validation_error", "form": "residence-registration", "version": "2026.1", "page": "id-number", "field": "no_such_question", "rule": "format"},
        event("page_reached", "outcome:nowhere"),
        event("page_reached", "check-answers"),
        event("page_reached", "confirmation"),
        {"type": "search_no_results", "query": "dog licence"},
    ]});
    let reply = send(&router, post("/api/events", &batch)).await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", reply.json());
    let problems: Vec<(String, String)> = reply.json()["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p["pointer"].as_str().unwrap().into(), p["rule"].as_str().unwrap().into()))
        .collect();
    let expected = [
        ("/events/0/form", "unknown"),
        ("/events/1/version", "unknown"),
        ("/events/2/page", "unknown"),
        ("/events/3/field", "unknown"),
        ("/events/4/page", "unknown"),
    ];
    assert_eq!(
        problems,
        expected.map(|(p, r)| (p.to_string(), r.to_string())).to_vec(),
        "{}",
        reply.json()
    );
    assert_eq!(
        reports(&router).await["funnels"],
        json!([]),
        "nothing of a refused batch is counted"
    );

    // 20,000 different rule names for one question fill the form's rows for the day: a new
    // name is no longer counted, however often it comes, while a counted one still is.
    let error = |rule: &str| json!({"type": "validation_error", "form": "residence-registration", "version": "2026.1", "page": "id-number", "field": "id_number", "rule": rule});
    for n in 0..200 {
        let events: Vec<Value> = (0..100).map(|i| error(&format!("r{n}x{i}"))).collect();
        let batch = json!({"format": 1, "channel": "online", "events": events});
        assert_eq!(send(&router, post("/api/events", &batch)).await.status, StatusCode::NO_CONTENT);
    }
    let batch = json!({"format": 1, "channel": "online", "events": [error("late"), error("late"), error("r0x0")]});
    for _ in 0..3 {
        assert_eq!(send(&router, post("/api/events", &batch)).await.status, StatusCode::NO_CONTENT);
    }
    let top = reports(&router).await["validation_errors"].clone();
    assert_eq!(
        (top[0]["rule"].as_str(), top[0]["count"].as_i64()),
        (Some("r0x0"), Some(4)),
        "{top}"
    );
    assert!(top.as_array().unwrap().iter().all(|row| row["rule"] != "late"), "{top}");
}

#[tokio::test]
async fn ratings_and_events_are_open_to_the_configured_origins() {
    let mut config = config();
    config.allow_origins = vec!["https://gov.example".into()];
    let router = app(&config).await.unwrap();
    for path in ["/api/ratings", "/api/events"] {
        let preflight = Request::builder()
            .method("OPTIONS")
            .uri(path)
            .header("origin", "https://gov.example")
            .header("access-control-request-method", "POST")
            .header("access-control-request-headers", "content-type")
            .body(Body::empty())
            .unwrap();
        let reply = send(&router, preflight).await;
        assert_eq!(reply.header("access-control-allow-origin"), "https://gov.example", "{path}");
    }
}

fn cookie_of(reply: &Reply) -> String {
    reply.header("set-cookie").split(';').next().unwrap().to_string()
}

async fn sign_in(router: &axum::Router, token: &str) -> Reply {
    let body = format!("token={}", token.replace('+', "%2B"));
    send(
        router,
        Request::post("/staff/login")
            .header("content-type", "application/x-www-form-urlencoded")
            .body(Body::from(body))
            .unwrap(),
    )
    .await
}

#[tokio::test]
async fn the_dashboard_needs_a_sign_in_with_the_staff_token() {
    let router = staff_router().await;
    let (reference, token) = case(&router, "0b7e1f52-3c4d-4a5b-9c6d-7e8f9a0b1c2d").await;
    let rated =
        send(&router, post("/api/ratings", &rating("n1", Some((&reference, &token)), 1))).await;
    assert_eq!(rated.status, StatusCode::CREATED, "{}", rated.json());
    let anonymous = send(&router, Request::get("/staff").body(Body::empty()).unwrap()).await;
    let page = String::from_utf8(anonymous.body.clone()).unwrap();
    assert!(page.contains("Sign in") && !page.contains(reference.as_str()), "{page}");
    assert!(anonymous.header("content-security-policy").contains("default-src 'none'"));
    assert_eq!(anonymous.header("cache-control"), "no-store");
    for (path, needs) in
        [("/staff/reports.json", "Sign in"), ("/staff/reports/negative.csv", "Sign in")]
    {
        let reply = send(&router, Request::get(path).body(Body::empty()).unwrap()).await;
        assert_eq!(reply.status, StatusCode::UNAUTHORIZED, "{path}");
        assert!(String::from_utf8(reply.body).unwrap().contains(needs));
    }
    let wrong = sign_in(&router, &format!("{TOKEN}x")).await;
    assert_eq!(wrong.status, StatusCode::UNAUTHORIZED);
    assert!(wrong.header("set-cookie").is_empty());
    for body in ["other=1", "token=", "\u{1}not a form"] {
        let reply = send(
            &router,
            Request::post("/staff/login")
                .header("content-type", "application/x-www-form-urlencoded")
                .body(Body::from(body))
                .unwrap(),
        )
        .await;
        assert_eq!(reply.status, StatusCode::UNAUTHORIZED, "{body}");
        assert!(String::from_utf8(reply.body).unwrap().contains("Enter the staff token"), "{body}");
    }
    // Decoded as a form: among other fields, every byte percent-encoded.
    let encoded: String = TOKEN.bytes().map(|b| format!("%{b:02X}")).collect();
    let body = format!("remember=1&token={encoded}");
    let reply = send(
        &router,
        Request::post("/staff/login")
            .header("content-type", "application/x-www-form-urlencoded")
            .body(Body::from(body))
            .unwrap(),
    )
    .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER);
    let forged = send(
        &router,
        Request::get("/staff").header("cookie", "ow_staff=0123").body(Body::empty()).unwrap(),
    )
    .await;
    assert!(!String::from_utf8(forged.body).unwrap().contains(reference.as_str()));

    let right = sign_in(&router, TOKEN).await;
    assert_eq!((right.status, right.header("location")), (StatusCode::SEE_OTHER, "/staff"));
    let set = right.header("set-cookie");
    assert!(
        set.contains("HttpOnly") && set.contains("SameSite=Strict") && !set.contains(TOKEN),
        "{set}"
    );
    let cookie = cookie_of(&right);
    let get =
        |path: &str| Request::get(path).header("cookie", &cookie).body(Body::empty()).unwrap();
    let page = String::from_utf8(send(&router, get("/staff")).await.body).unwrap();
    assert!(
        page.contains(reference.as_str())
            && page.contains("<svg")
            && page.contains("Mark followed up"),
        "{page}"
    );
    let json = send(&router, get("/staff/reports.json")).await.json();
    assert_eq!(json["negative"][0]["case_reference"], reference.as_str());
    assert_eq!(json["negative"][0]["followed_up"], false);
    let csv =
        String::from_utf8(send(&router, get("/staff/reports/negative.csv")).await.body).unwrap();
    assert!(
        csv.contains(&format!("{reference},residence-permit,1,too_many_materials,排队太久")),
        "{csv}"
    );

    // Follow up, then sign out: the cookie no longer opens anything.
    let followed = send(
        &router,
        Request::post("/staff/ratings/n1/follow-up")
            .header("cookie", &cookie)
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(followed.status, StatusCode::SEE_OTHER);
    assert_eq!(
        send(&router, get("/staff/reports.json")).await.json()["negative"][0]["followed_up"],
        true
    );
    let out = send(
        &router,
        Request::post("/staff/logout").header("cookie", &cookie).body(Body::empty()).unwrap(),
    )
    .await;
    assert!(out.header("set-cookie").contains("Max-Age=0"));
    assert_eq!(send(&router, get("/staff/reports.json")).await.status, StatusCode::UNAUTHORIZED);
    let unsigned =
        send(&router, Request::post("/staff/ratings/n1/follow-up").body(Body::empty()).unwrap())
            .await;
    assert_eq!(unsigned.status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn without_a_staff_token_the_dashboard_is_not_there() {
    let router = router().await;
    assert_eq!(
        send(&router, Request::get("/staff").body(Body::empty()).unwrap()).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(sign_in(&router, TOKEN).await.status, StatusCode::NOT_FOUND);
    let api = send(
        &router,
        Request::get("/api/staff/reports")
            .header("authorization", format!("Bearer {TOKEN}"))
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(api.status, StatusCode::NOT_FOUND);
}

/// A rating of a case proves it: the token the receiver gave with the reference, which only the
/// device that sent the application has. Nobody can rate a case they merely know or guess the
/// reference of, nor one not issued yet, and the answer is the same for both.
#[tokio::test]
async fn a_case_is_rated_only_with_its_token() {
    let router = router().await;
    let (reference, token) = case(&router, "6b3e7fb8-9cad-4b01-92c3-3e4f5a6b7c8d").await;
    let (_, other_token) = case(&router, "7c4f80c9-adbe-4c12-a3d4-4f5a6b7c8d9e").await;
    let later = reference.replace("-000001", "-000005");
    for (what, case) in [
        ("another case's token", (reference.as_str(), other_token.as_str())),
        ("a made-up token", (reference.as_str(), "0123456789abcdef0123456789abcdef")),
        ("a reference not issued yet", (later.as_str(), token.as_str())),
    ] {
        let reply = send(&router, post("/api/ratings", &rating("t1", Some(case), 5))).await;
        assert_eq!(
            (reply.status, reply.problem().as_str()),
            (StatusCode::FORBIDDEN, "case_token"),
            "{what}: {}",
            reply.json()
        );
    }
    let mut no_token = rating("t1", Some((&reference, &token)), 5);
    no_token.as_object_mut().unwrap().remove("case_token");
    assert_eq!(
        send(&router, post("/api/ratings", &no_token)).await.status,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    // The real rating of the case is still the first.
    let real =
        send(&router, post("/api/ratings", &rating("t2", Some((&reference, &token)), 4))).await;
    assert_eq!(real.status, StatusCode::CREATED, "{}", real.json());
    // A repeat of the application gets the same token.
    let again = post_json(
        &router,
        serde_json::to_string(&package("6B3E7FB8-9CAD-4B01-92C3-3E4F5A6B7C8D")).unwrap(),
    )
    .await;
    assert_eq!(again.json()["rating_token"], token.as_str());
}

/// A staff session is kept in the database (its id's hash, not the id): another instance on the
/// same database knows it, a restart keeps it, and signing out on one ends it on all.
#[tokio::test]
async fn a_staff_session_works_across_instances_and_restarts() {
    let dir = temp_dir("sessions");
    let mut config = config();
    config.database = shared_database(&dir);
    config.staff_token = Some(TOKEN.into());
    let first = app(&config).await.unwrap();
    let second = app(&config).await.unwrap();
    let signed_in = sign_in(&first, TOKEN).await;
    assert_eq!(signed_in.status, StatusCode::SEE_OTHER);
    let cookie = cookie_of(&signed_in);
    let dashboard = |router: axum::Router| {
        let cookie = cookie.clone();
        async move {
            let reply = send(
                &router,
                Request::get("/staff").header("cookie", cookie).body(Body::empty()).unwrap(),
            )
            .await;
            String::from_utf8(reply.body).unwrap().contains("Service evaluation and journeys")
        }
    };
    assert!(dashboard(second.clone()).await, "the other instance knows the session");
    drop(first);
    let restarted = app(&config).await.unwrap();
    assert!(dashboard(restarted.clone()).await, "a restart keeps it");
    let id = cookie.split_once('=').unwrap().1;
    if postgres_server().is_none() {
        let database = std::fs::read(dir.join("receiver.sqlite")).unwrap();
        assert!(
            !database.windows(id.len()).any(|w| w == id.as_bytes()),
            "the id itself is not stored"
        );
    }
    let out = send(
        &second,
        Request::post("/staff/logout").header("cookie", &cookie).body(Body::empty()).unwrap(),
    )
    .await;
    assert_eq!(out.status, StatusCode::SEE_OTHER);
    assert!(!dashboard(restarted).await, "signed out everywhere");
    std::fs::remove_dir_all(dir).unwrap();
}
