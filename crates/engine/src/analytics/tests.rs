use super::*;
use serde_json::json;

fn rating(value: serde_json::Value) -> Rating {
    let mut base = json!({"format": 1, "id": "0b6f7a3e-7f2d-4f7e-9a53-1d2c3b4a5f60", "case_reference": "OW-20261127-000001",
        "case_token": rating_token("0b6f7a3e-7f2d-4f7e-9a53-1d2c3b4a5f60"), "service": "residence-permit", "version": "2026.1", "channel": "online", "level": 5, "locale": "en",
        "created": "2026-11-27T10:00:00.000Z"});
    for (k, v) in value.as_object().unwrap() {
        base[k] = v.clone();
    }
    serde_json::from_value(base).unwrap()
}

fn rules(problems: &[Problem]) -> Vec<(&str, &str)> {
    problems.iter().map(|p| (p.pointer.as_str(), p.rule.as_str())).collect()
}

#[test]
fn a_plain_good_rating_is_acceptable() {
    assert_eq!(check_rating(&rating(json!({}))), vec![]);
    let full = rating(
        json!({"indicators": {"efficiency": 5, "guide_accuracy": 4, "convenience": 3, "usability": 1},
        "reasons": ["too_slow"], "comment": "快"}),
    );
    assert_eq!(check_rating(&full), vec![]);
}

#[test]
fn every_problem_is_reported_with_its_pointer() {
    let bad = rating(
        json!({"format": 2, "id": "", "case_reference": "OW 1/../x", "case_token": "ABC", "level": 7,
        "indicators": {"usability": 0}, "reasons": ["other", "other"], "comment": "x".repeat(501),
        "locale": "", "created": "yesterday"}),
    );
    assert_eq!(
        rules(&check_rating(&bad)),
        vec![
            ("/format", "format"),
            ("/id", "required"),
            ("/case_reference", "syntax"),
            ("/case_token", "syntax"),
            ("/level", "range"),
            ("/indicators/usability", "range"),
            ("/reasons/1", "duplicate"),
            ("/comment", "too_long"),
            ("/locale", "syntax"),
            ("/created", "syntax"),
        ]
    );
    assert_eq!(rules(&check_rating(&rating(json!({"level": 0})))), vec![("/level", "required")]);
}

#[test]
fn a_created_time_with_a_wide_character_is_refused_not_a_panic() {
    // Byte 19 falls inside "é": the check sliced the text there and panicked.
    let bad = rating(json!({"created": "2026-11-27T10:00:0é00"}));
    assert_eq!(rules(&check_rating(&bad)), vec![("/created", "syntax")]);
    for created in [
        "2026-11-27T10:00:0é",
        "2026-11-27T10:00:00é",
        "２026-11-27T10:00:00Z",
        "2026-11-27T10:00:0é+08:00",
    ] {
        let problems = check_rating(&rating(json!({ "created": created })));
        assert_eq!(rules(&problems), vec![("/created", "syntax")], "{created}");
    }
    assert_eq!(check_rating(&rating(json!({"created": "2026-11-27T10:00:00+08:00"}))), vec![]);
}

#[test]
fn a_negative_rating_must_say_what_went_wrong() {
    for level in [1, 2] {
        assert_eq!(
            rules(&check_rating(&rating(json!({"level": level}))),),
            vec![("/reasons", "negative_needs_reason")]
        );
        assert_eq!(
            rules(&check_rating(&rating(json!({"level": level, "comment": "   "})))),
            vec![("/reasons", "negative_needs_reason")]
        );
        assert_eq!(
            check_rating(&rating(json!({"level": level, "reasons": ["too_many_materials"]}))),
            vec![]
        );
        assert_eq!(check_rating(&rating(json!({"level": level, "comment": "排队太久"}))), vec![]);
    }
    assert!(is_negative(1) && is_negative(2) && !is_negative(3) && !is_negative(0));
    assert_eq!(check_rating(&rating(json!({"level": 3}))), vec![]);
}

#[test]
fn unknown_fields_and_reasons_are_refused_when_read() {
    let mut value = serde_json::to_value(rating(json!({}))).unwrap();
    value["name"] = json!("Li Lei");
    assert!(serde_json::from_value::<Rating>(value).is_err());
    let mut value = serde_json::to_value(rating(json!({}))).unwrap();
    value["reasons"] = json!(["rude"]);
    assert!(serde_json::from_value::<Rating>(value).is_err());
}

#[test]
fn durations_fall_in_coarse_buckets() {
    let cases = [
        (-5.0, "0-10s"),
        (f64::NAN, "0-10s"),
        (0.0, "0-10s"),
        (9_999.0, "0-10s"),
        (10_000.0, "10-30s"),
        (29_999.0, "10-30s"),
        (30_000.0, "30s-1m"),
        (60_000.0, "1-3m"),
        (179_999.0, "1-3m"),
        (180_000.0, "3-10m"),
        (600_000.0, "10m+"),
        (f64::INFINITY, "0-10s"),
        (1e15, "10m+"),
    ];
    for (ms, label) in cases {
        assert_eq!(bucket_duration(ms).label(), label, "{ms}");
    }
    for bucket in DurationBucket::ALL {
        assert_eq!(serde_json::to_value(bucket).unwrap(), json!(bucket.label()));
    }
}

#[test]
fn events_are_flat_tagged_json() {
    let batch = EventBatch {
        format: 1,
        channel: Channel::Online,
        events: vec![
            Event::PageTime {
                form: "f".into(),
                version: "1".into(),
                page: "name".into(),
                bucket: DurationBucket::UpTo30s,
            },
            Event::SearchNoResults { query: None },
            Event::Submission { form: "f".into(), version: "1".into(), outcome: Outcome::Queued },
        ],
    };
    assert_eq!(
        serde_json::to_value(&batch).unwrap(),
        json!({"format": 1, "channel": "online", "events": [
            {"type": "page_time", "form": "f", "version": "1", "page": "name", "bucket": "10-30s"},
            {"type": "search_no_results"},
            {"type": "submission", "form": "f", "version": "1", "outcome": "queued"},
        ]})
    );
    assert_eq!(check_events(&batch), vec![]);
    let extra = json!({"format": 1, "channel": "online", "events": [{"type": "page_reached", "form": "f", "version": "1", "page": "p", "answer": "x"}]});
    assert!(serde_json::from_value::<EventBatch>(extra).is_err(), "no room for anything else");
}

#[test]
fn event_problems_name_the_event_and_field() {
    let batch: EventBatch = serde_json::from_value(json!({"format": 1, "channel": "embedded", "events": [
        {"type": "journey_started", "form": "f", "version": "1"},
        {"type": "validation_error", "form": "f", "version": "1", "page": "p", "field": "a b", "rule": ""},
        {"type": "search_no_results", "query": "q".repeat(101)},
        {"type": "page_abandoned", "form": "", "version": "1", "page": "p"},
    ]}))
    .unwrap();
    assert_eq!(
        rules(&check_events(&batch)),
        vec![
            ("/events/1/field", "syntax"),
            ("/events/1/rule", "required"),
            ("/events/2/query", "too_long"),
            ("/events/3/form", "required")
        ]
    );
    let many = EventBatch {
        format: 1,
        channel: Channel::Online,
        events: vec![Event::SearchNoResults { query: None }; 101],
    };
    assert_eq!(rules(&check_events(&many)), vec![("/events", "too_many")]);
}

#[test]
fn queries_are_normalised_before_they_leave() {
    assert_eq!(normalize_query("  Hukou   TRANSFER "), Some("hukou transfer".into()));
    assert_eq!(normalize_query("   "), None);
    assert_eq!(normalize_query(&"长".repeat(300)).unwrap().chars().count(), MAX_QUERY_CHARS);
}

#[test]
fn a_case_is_rated_with_its_token_and_a_service_without_one() {
    let token = rating_token("0B6F7A3E-7F2D-4F7E-9A53-1D2C3B4A5F60");
    assert_eq!(token, rating_token(" 0b6f7a3e-7f2d-4f7e-9a53-1d2c3b4a5f60"), "any case, trimmed");
    assert!(is_rating_token(&token), "{token}");
    assert_ne!(token, rating_token("1b6f7a3e-7f2d-4f7e-9a53-1d2c3b4a5f60"));
    let mut no_token = rating(json!({}));
    no_token.case_token = None;
    assert_eq!(rules(&check_rating(&no_token)), vec![("/case_token", "required")]);
    let mut no_case = rating(json!({}));
    no_case.case_reference = None;
    assert_eq!(rules(&check_rating(&no_case)), vec![("/case_token", "unexpected")]);
    no_case.case_token = None;
    assert_eq!(check_rating(&no_case), vec![]);
}
