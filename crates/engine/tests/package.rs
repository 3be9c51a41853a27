//! The package the browser sends and the receiver's check of it, on the shipped
//! residence-permit form and its complete example.

use onewindow_engine::formats::Date;
use onewindow_engine::{checksum, load_form, Answers, FormModel, PackageProblem};
use serde_json::Value;

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
    let examples: Value =
        serde_json::from_str(include_str!("../../../forms/residence-permit.examples.json"))
            .unwrap();
    let example = examples["examples"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["expect"]["complete"] == true)
        .unwrap();
    serde_json::from_value(example["answers"].clone()).unwrap()
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
