//! The package the browser sends and the receiver's check of it, on the shipped
//! residence-permit form and its complete example.

use onewindow_engine::formats::Date;
use onewindow_engine::{checksum, load_form, Answers, FormModel, PackageProblem};

mod common;

const KEY: &str = "3f2b8c1e-9d4a-4f6b-8e2d-1a7c5b9e0f34";
const CREATED: &str = "2026-11-27T10:00:00Z";

fn model() -> FormModel {
    load_form(
        include_str!("../../../forms/residence-permit.json"),
        Date::new(2026, 11, 27).unwrap(),
    )
    .0
    .unwrap()
}

fn complete_answers() -> Answers {
    common::complete_answers(include_str!("../../../forms/residence-permit.examples.json"))
}

#[test]
fn a_complete_application_packs_and_passes_the_receivers_check() {
    let model = model();
    let package = model.package(&complete_answers(), "en", CREATED, KEY).unwrap();
    assert_eq!(package.form_id, "residence-permit");
    assert_eq!(package.checksum.len(), 64);
    assert!(!package.attachments.is_empty(), "file answers are listed as attachments");
    assert!(
        package.computed.get("date_of_birth").is_some(),
        "computed values travel with the answers"
    );
    assert_eq!(model.check_package(&package), Ok(()));
}

#[test]
fn hidden_answers_never_reach_the_package() {
    let model = model();
    let mut answers = complete_answers();
    answers.set("agent_name", "Someone Else".into());
    let package = model.package(&answers, "en", CREATED, KEY).unwrap();
    assert!(package.answers.get("agent_name").is_none());

    // Sneaking it back in, even with a fresh checksum, is refused by the receiver.
    let mut forged = package.clone();
    forged.answers.set("agent_name", "Someone Else".into());
    forged.checksum = checksum(&forged);
    assert_eq!(model.check_package(&forged), Err(PackageProblem::Checksum));
}

#[test]
fn the_receiver_refuses_altered_wrong_or_malformed_packages() {
    let model = model();
    let package = model.package(&complete_answers(), "en", CREATED, KEY).unwrap();

    let mut altered = package.clone();
    altered.answers.set("full_name", "Not Li Lei".into());
    assert_eq!(model.check_package(&altered), Err(PackageProblem::Checksum));

    let mut other_version = package.clone();
    other_version.form_version = "1999.1".into();
    assert!(matches!(model.check_package(&other_version), Err(PackageProblem::WrongForm { .. })));

    let mut bad_key = package.clone();
    bad_key.idempotency_key = "not-a-uuid".into();
    assert_eq!(
        model.check_package(&bad_key),
        Err(PackageProblem::Malformed { field: "idempotency_key".into() })
    );

    // A package whose answers fail validation (made with a consistent checksum) lists the
    // errors with their pages, as the browser would show them.
    let mut invalid = package.clone();
    invalid.answers.set("mobile", "12345".into());
    invalid.checksum = checksum(&invalid);
    match model.check_package(&invalid) {
        Err(PackageProblem::Invalid { errors }) => {
            assert_eq!(errors.len(), 1);
            assert_eq!(
                (errors[0].page.as_str(), errors[0].error.field.as_str()),
                ("mobile", "mobile")
            );
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn incomplete_answers_or_an_outcome_cannot_be_packed() {
    let model = model();
    match model.package(&Answers::default(), "en", CREATED, KEY) {
        Err(PackageProblem::Invalid { errors }) => assert_eq!(errors[0].page, "hukou"),
        other => panic!("{other:?}"),
    }
    let mut answers = Answers::default();
    answers.set("hukou_in_city", "yes".into());
    assert_eq!(model.package(&answers, "en", CREATED, KEY), Err(PackageProblem::EndsAtOutcome));
}

/// The receiver checks a package on the day, in the form's time zone, that it was made: at
/// 00:30 in Beijing (16:30 UTC the day before) the form's "today" is already Beijing's.
#[test]
fn the_receivers_today_is_the_forms_day_at_the_instant_the_application_was_made() {
    use onewindow_engine::formats::instant_seconds;
    let model = model();
    let mut answers = complete_answers();
    // At least six months before today: on 1 June 2026 that is 1 December 2025 at the latest.
    answers.set(
        "residing_since",
        serde_json::json!({"day": "1", "month": "December", "year": "2025"}),
    );
    let package = model.package(&answers, "zh-CN", CREATED, KEY).unwrap();
    let beijing_first_of_june = instant_seconds("2026-05-31T16:30:00Z").unwrap();
    let beijing_last_of_may = instant_seconds("2026-05-31T15:30:00Z").unwrap();
    assert_eq!(model.today_at(beijing_first_of_june), Date::new(2026, 6, 1).unwrap());
    assert_eq!(model.check_package_at(&package, beijing_first_of_june), Ok(()));
    assert!(model.check_package_at(&package, beijing_last_of_may).is_err());
    assert_eq!(model.today(), Date::new(2026, 11, 27).unwrap(), "the model's own day is kept");

    // The same form kept in UTC: at that instant it is still 31 May.
    let json = include_str!("../../../forms/residence-permit.json").replacen(
        "\"locales\":",
        "\"time_zone\": \"UTC\",\n  \"locales\":",
        1,
    );
    let utc = load_form(&json, Date::new(2026, 11, 27).unwrap()).0.unwrap();
    let package = utc.package(&answers, "zh-CN", CREATED, KEY).unwrap();
    assert!(utc.check_package_at(&package, beijing_first_of_june).is_err());
}

#[test]
fn a_time_zone_the_engine_does_not_know_is_a_load_error() {
    let json = include_str!("../../../forms/residence-permit.json").replacen(
        "\"locales\":",
        "\"time_zone\": \"Mars/Olympus\",\n  \"locales\":",
        1,
    );
    let (model, problems) = load_form(&json, Date::new(2026, 11, 27).unwrap());
    let problem =
        problems.iter().find(|p| p.pointer == "/time_zone").expect("a problem at /time_zone");
    assert!(model.is_none() || problem.is_error());
    assert!(problem.message.contains("Mars/Olympus") && problem.message.contains("Asia/Shanghai"));
}
