//! Sending to any backend: the request each encoding makes, what replies mean, when to retry,
//! and the lint of the settings.

use onewindow_engine::formats::Date;
use onewindow_engine::{
    classify_reply, load_form, parse_retry_after, retry_delay_ms, Answers, Delivery, FormModel,
    OutboxEntry, Package, RequestBody, SubmissionSettings,
};
use serde_json::{json, Value};

mod common;
use common::complete_answers;

const KEY: &str = "3f2b8c1e-9d4a-4f6b-8e2d-1a7c5b9e0f34";
const NOW: u64 = 1_795_000_000_000;

fn registration(submission: Option<Value>) -> FormModel {
    let mut definition: Value =
        serde_json::from_str(include_str!("../../../forms/residence-registration.json")).unwrap();
    if let Some(submission) = submission {
        definition["submission"] = submission;
    }
    let (model, problems) = load_form(&definition.to_string(), Date::new(2026, 11, 27).unwrap());
    assert!(problems.is_empty(), "{problems:?}");
    model.unwrap()
}

fn package(model: &FormModel) -> Package {
    let answers =
        complete_answers(include_str!("../../../forms/residence-registration.examples.json"));
    model.package(&answers, "zh-CN", "2026-11-27T10:00:00Z", KEY).unwrap()
}

#[test]
fn without_settings_the_whole_package_goes_to_the_reference_receiver() {
    let model = registration(None);
    let settings = model.form().submission_settings();
    assert_eq!(settings, SubmissionSettings::default());
    assert_eq!((settings.url.as_str(), settings.timeout_ms), ("api/submissions", 15_000));
    let package = package(&model);
    let request = model.request(&package, &settings);
    assert_eq!(request.method, "POST");
    assert!(request.headers.contains(&("Idempotency-Key".into(), KEY.into())));
    let RequestBody::Json { text: body } = request.body else { panic!("JSON") };
    assert_eq!(serde_json::from_str::<Package>(&body).unwrap(), package);
}

#[test]
fn a_flat_mapping_renames_answers_types_dates_and_adds_package_facts() {
    let model = registration(Some(json!({
        "url": "https://records.example.gov.cn/applications", "encoding": "flat",
        "headers": {"X-Form-Channel": "k1"},
        "field_map": {"full_name": "name", "id_number": "idCard", "moved_in": "movedIn",
                      "residence_address.street": "street", "residence_address": "address",
                      "$idempotency_key": "requestId", "$form_version": "formVersion"},
        "reference_pointer": "/id"})));
    let request = model.request(&package(&model), &model.form().submission_settings());
    assert!(request.headers.contains(&("X-Form-Channel".into(), "k1".into())));
    let RequestBody::Json { text: body } = request.body else { panic!("JSON") };
    let body: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(body["name"], "艾力·买买提");
    assert_eq!(body["idCard"], "11010519491231002X");
    assert_eq!(body["movedIn"], "2026-03-15", "dates typed");
    assert_eq!(body["street"], "湖滨南路100号3栋502室");
    assert_eq!(body["address"]["city_name"], "厦门市", "a whole composite answer mapped by its id");
    assert_eq!(body["requestId"], KEY);
    assert_eq!(body["formVersion"], "2026.1");
    assert!(
        body.get("housing").is_none() && body.get("mobile").is_none(),
        "only mapped keys: {body}"
    );
}

#[test]
fn urlencoded_and_multipart_bodies() {
    let model = registration(Some(
        json!({"encoding": "urlencoded", "field_map": {"full_name": "name", "housing": "housing"}}),
    ));
    let request = model.request(&package(&model), &model.form().submission_settings());
    assert_eq!(
        request.body,
        RequestBody::Urlencoded {
            text: "name=%E8%89%BE%E5%8A%9B%C2%B7%E4%B9%B0%E4%B9%B0%E6%8F%90&housing=own".into()
        }
    );
    assert!(request
        .headers
        .contains(&("Content-Type".into(), "application/x-www-form-urlencoded".into())));

    // Attachments: the shipped residence permit has files.
    let permit = load_form(
        include_str!("../../../forms/residence-permit.json"),
        Date::new(2026, 11, 27).unwrap(),
    )
    .0
    .unwrap();
    let mut answers =
        complete_answers(include_str!("../../../forms/residence-permit.examples.json"));
    answers.set(
        "photo",
        json!([{"name": "me.jpg", "type": "image/jpeg", "size": 3, "sha256": "ab".repeat(32)}]),
    );
    let package = permit.package(&answers, "en", "2026-11-27T10:00:00Z", KEY).unwrap();
    let plain: SubmissionSettings =
        serde_json::from_value(json!({"encoding": "multipart"})).unwrap();
    let RequestBody::Multipart { fields, files } = permit.request(&package, &plain).body else {
        panic!("multipart")
    };
    assert_eq!(fields[0].0, "package");
    assert_eq!(files.len(), 1, "only files whose content the device keeps");
    assert_eq!(
        (files[0].name.as_str(), files[0].filename.as_str()),
        ("ab".repeat(32).as_str(), "me.jpg")
    );
    let mapped: SubmissionSettings = serde_json::from_value(
        json!({"encoding": "multipart", "field_map": {"photo": "portrait", "full_name": "name"}}),
    )
    .unwrap();
    let RequestBody::Multipart { fields, files } = permit.request(&package, &mapped).body else {
        panic!("multipart")
    };
    assert_eq!(fields, vec![("name".to_string(), "Li Lei".to_string())]);
    assert_eq!(files[0].name, "portrait");
}

#[test]
fn host_overrides_lay_over_the_definition() {
    let settings = SubmissionSettings::default();
    let over = settings.with_overrides(&json!({"url": "https://host.example/api", "headers": {"X-Site": "a"}, "timeout_ms": 5000})).unwrap();
    assert_eq!(
        (over.url.as_str(), over.timeout_ms, over.headers["X-Site"].as_str()),
        ("https://host.example/api", 5000, "a")
    );
    let err = settings.with_overrides(&json!({"endpoint": "x"})).unwrap_err();
    assert!(err.contains("endpoint"), "{err}");
    assert!(settings.with_overrides(&json!("x")).is_err());
}

#[test]
fn replies_mean_delivered_retry_refused_or_rejected() {
    let s = SubmissionSettings::default();
    assert_eq!(
        classify_reply(&s, 201, None, r#"{"reference":"OW-1"}"#, NOW),
        Delivery::Delivered { reference: Some("OW-1".into()) }
    );
    assert_eq!(
        classify_reply(&s, 200, None, "not json", NOW),
        Delivery::Delivered { reference: None }
    );
    let json_server: SubmissionSettings =
        serde_json::from_value(json!({"reference_pointer": "/id"})).unwrap();
    assert_eq!(
        classify_reply(&json_server, 201, None, r#"{"id": 42}"#, NOW),
        Delivery::Delivered { reference: Some("42".into()) }
    );
    assert_eq!(
        classify_reply(&s, 503, Some("120"), "", NOW),
        Delivery::Retry { after_ms: Some(120_000) }
    );
    assert_eq!(classify_reply(&s, 429, None, "", NOW), Delivery::Retry { after_ms: None });
    assert_eq!(classify_reply(&s, 500, None, "<html>", NOW), Delivery::Retry { after_ms: None });
    let refused = classify_reply(
        &s,
        422,
        None,
        r#"{"problem":"invalid","errors":[{"page":"mobile","field":"mobile","rule":"format","message":"Enter a mobile number"}]}"#,
        NOW,
    );
    let Delivery::Refused { errors } = refused else { panic!("{refused:?}") };
    assert_eq!((errors[0].page.as_str(), errors[0].error.field.as_str()), ("mobile", "mobile"));
    assert!(
        matches!(classify_reply(&s, 409, None, r#"{"message":"another version"}"#, NOW), Delivery::Rejected { message } if message.contains("another version"))
    );
    assert!(matches!(classify_reply(&s, 404, None, "", NOW), Delivery::Rejected { .. }));
}

#[test]
fn retry_after_in_seconds_or_as_a_date() {
    // 2026-11-18T00:00:00Z is 1_794_960_000_000 ms.
    assert_eq!(parse_retry_after("Wed, 18 Nov 2026 00:00:10 GMT", 1_794_960_000_000), Some(10_000));
    assert_eq!(
        parse_retry_after("Wed, 18 Nov 2026 00:00:10 GMT", 1_794_960_100_000),
        Some(0),
        "a date in the past: at once"
    );
    assert_eq!(parse_retry_after(" 7 ", NOW), Some(7000));
    assert_eq!(parse_retry_after("soon", NOW), None);
    assert_eq!(parse_retry_after("Wed, 31 Feb 2026 00:00:10 GMT", NOW), None);
}

#[test]
fn retries_back_off_exponentially_with_jitter_and_a_cap() {
    let s = SubmissionSettings::default();
    let waits: Vec<u64> = (1..=10).map(|n| retry_delay_ms(&s, n, 1.0, None)).collect();
    assert_eq!(&waits[..4], &[2000, 4000, 8000, 16000]);
    assert!(waits.windows(2).all(|w| w[1] >= w[0]));
    assert_eq!(*waits.last().unwrap(), 300_000, "capped");
    assert_eq!(retry_delay_ms(&s, 1, 0.0, None), 1000, "jitter halves at most");
    assert_eq!(
        retry_delay_ms(&s, 1, 0.5, Some(60_000)),
        60_000,
        "never sooner than the backend asked"
    );
    assert_eq!(retry_delay_ms(&s, u32::MAX, 1.0, None), 300_000);
}

#[test]
fn an_outbox_entry_waits_after_each_failure_and_keeps_its_key() {
    let model = registration(None);
    let mut entry =
        OutboxEntry::new(&model, package(&model), "T".into(), SubmissionSettings::default(), NOW);
    assert!(entry.is_due(NOW));
    entry.failed("offline".into(), None, NOW, 1.0);
    assert!(!entry.is_due(NOW + 1999) && entry.is_due(NOW + 2000));
    assert_eq!(entry.failures, 1);
    assert_eq!(entry.package.idempotency_key, KEY);
    assert_eq!(entry.receipt(), "3F2B8C1E");
    let round_trip: OutboxEntry =
        serde_json::from_str(&serde_json::to_string(&entry).unwrap()).unwrap();
    assert_eq!(round_trip, entry);
}

#[test]
fn settings_that_cannot_work_are_linted_with_pointers() {
    let mut definition: Value =
        serde_json::from_str(include_str!("../../../forms/residence-registration.json")).unwrap();
    definition["submission"] = json!({"url": " ", "reference_pointer": "reference", "success_statuses": [302],
        "field_map": {"nickname": "nick", "full_name": ""}, "headers": {"Content-Type": "text/plain"}, "timeout_ms": 10});
    let (_, problems) = load_form(&definition.to_string(), Date::new(2026, 11, 27).unwrap());
    let pointers: Vec<&str> = problems.iter().map(|p| p.pointer.as_str()).collect();
    for expected in [
        "/submission/url",
        "/submission/reference_pointer",
        "/submission/success_statuses",
        "/submission/field_map/nickname",
        "/submission/field_map/full_name",
        "/submission/headers/Content-Type",
        "/submission/timeout_ms",
    ] {
        assert!(pointers.contains(&expected), "{expected} in {pointers:?}");
    }
    definition["submission"] = json!({"encoding": "xml"});
    let (model, problems) = load_form(&definition.to_string(), Date::new(2026, 11, 27).unwrap());
    assert!(
        model.is_none() && problems[0].pointer.starts_with("/submission/encoding"),
        "{problems:?}"
    );
}

/// The outbox keeps each request as the derived writer wrote it, and the device reads it back
/// with a reader written by hand (size): every kind reads back to itself, keys it does not
/// know are passed over, and what it cannot read says why.
#[test]
fn a_request_body_reads_back_what_it_writes() {
    let bodies = [
        RequestBody::Json { text: "{\"a\":1}".into() },
        RequestBody::Urlencoded { text: "a=1&b=%E4%B8%AD".into() },
        RequestBody::Multipart {
            fields: vec![("a".into(), "1".into()), ("b".into(), "中".into())],
            files: vec![onewindow_engine::FilePart {
                name: "photo".into(),
                sha256: "ab".repeat(32),
                filename: "me.jpg".into(),
                media_type: "image/jpeg".into(),
            }],
        },
    ];
    for body in bodies {
        let written = serde_json::to_string(&body).unwrap();
        assert_eq!(serde_json::from_str::<RequestBody>(&written).unwrap(), body, "{written}");
        let mut with_more: Value = serde_json::from_str(&written).unwrap();
        with_more["later"] = json!({"a": [1, 2]});
        assert_eq!(serde_json::from_value::<RequestBody>(with_more).unwrap(), body);
    }
    for (json, problem) in [
        (json!({"kind": "xml", "text": ""}), "unknown variant `xml`"),
        (json!({"text": ""}), "missing field `kind`"),
        (json!({"kind": "multipart", "fields": []}), "missing field `files`"),
        (json!({"kind": "json", "text": 3}), "invalid type: integer `3`"),
    ] {
        let err = serde_json::from_value::<RequestBody>(json.clone()).unwrap_err().to_string();
        assert!(err.contains(problem), "{json}: {err}");
    }
}

/// The envelope keeps the answers as typed and adds them as the engine reads them; the flat
/// encodings carry the read values; the receiver refuses a map that does not follow.
#[test]
fn values_as_typed_and_normalised_per_encoding() {
    let birth = {
        let (model, problems) = load_form(
            include_str!("../../../forms/register-birth.json"),
            Date::new(2026, 11, 27).unwrap(),
        );
        assert!(problems.is_empty(), "{problems:?}");
        model.unwrap()
    };
    let mut answers = complete_answers(include_str!("../../../forms/register-birth.examples.json"));
    answers.set("phone", json!("07700 900 982"));
    let mut address = answers.get("informant_address").unwrap().clone();
    address["postcode"] = json!("se1 7pb");
    answers.set("informant_address", address);
    let package = birth.package(&answers, "en", "2026-11-27T10:00:00Z", KEY).unwrap();
    // As typed…
    assert_eq!(package.answers.get("phone"), Some(&json!("07700 900 982")));
    assert_eq!(
        package.answers.get("baby_date_of_birth"),
        Some(&json!({"day": "20", "month": "Nov", "year": "2026"}))
    );
    // …and as read: E.164, the canonical postcode, an ISO date.
    assert_eq!(package.normalised.get("phone"), Some(&json!("+447700900982")));
    assert_eq!(package.normalised.get("informant_address").unwrap()["postcode"], "SE1 7PB");
    assert_eq!(package.normalised.get("baby_date_of_birth"), Some(&json!("2026-11-20")));
    assert!(birth.check_package(&package).is_ok());

    // The flat encodings carry the read values.
    let mut definition: Value =
        serde_json::from_str(include_str!("../../../forms/register-birth.json")).unwrap();
    definition["submission"] = json!({"url": "https://x.example/a", "encoding": "urlencoded"});
    let model = load_form(&definition.to_string(), Date::new(2026, 11, 27).unwrap()).0.unwrap();
    let settings = model.form().submission_settings();
    let RequestBody::Urlencoded { text } = model.request(&package, &settings).body else {
        panic!("urlencoded")
    };
    for pair in [
        "phone=%2B447700900982",
        "informant_address.postcode=SE1+7PB",
        "baby_date_of_birth=2026-11-20",
    ] {
        assert!(text.split('&').any(|p| p == pair), "{pair} in {text}");
    }

    // A map that does not follow from the answers is refused; none (an older device) is not.
    let mut altered = package.clone();
    altered.normalised.set("phone", json!("+440000000000"));
    assert!(birth.check_package(&altered).is_err());
    let mut older = package.clone();
    older.normalised = Answers::default();
    assert!(birth.check_package(&older).is_ok());
    // The Chinese mobile is its 11 digits.
    let registration = registration(None);
    let mut answers = Answers::default();
    answers.set("mobile", json!("138 1234 5678"));
    let evaluation = registration.evaluate(&answers);
    assert_eq!(evaluation.value(&registration, "mobile"), Some(&json!("13812345678")));
}
