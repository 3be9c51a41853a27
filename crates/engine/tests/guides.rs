//! The shipped catalog and guides: they load without problems, every reference between them
//! resolves, and a guide's checklist is tailored by its assistant's answers.

use onewindow_engine::formats::Date;
use onewindow_engine::{load_catalog, load_form, load_guide, Answers, End, FormModel, OutcomeAction};
use serde_json::json;
use std::path::{Path, PathBuf};

fn forms() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../forms")
}

fn form(id: &str) -> FormModel {
    let (model, problems) = load_form(&std::fs::read_to_string(forms().join(format!("{id}.json"))).unwrap(), Date::new(2026, 11, 27).unwrap());
    assert!(problems.is_empty(), "{id}: {problems:?}");
    model.unwrap()
}

#[test]
fn the_catalog_and_its_guides_load_and_every_reference_resolves() {
    let (catalog, problems) = load_catalog(&std::fs::read_to_string(forms().join("catalog.json")).unwrap());
    assert!(problems.is_empty(), "{problems:?}");
    let catalog = catalog.unwrap();
    let ids: Vec<&str> = catalog.services.iter().map(|s| s.id.as_str()).collect();
    let mut guides = 0;
    for service in &catalog.services {
        if let Some(f) = &service.form {
            form(f);
        }
        let Some(path) = &service.guide else { continue };
        guides += 1;
        let json = std::fs::read_to_string(forms().join(path)).unwrap();
        let assistant_id = serde_json::from_str::<serde_json::Value>(&json).unwrap()["assistant"].as_str().map(str::to_string);
        let assistant = assistant_id.as_deref().map(form);
        let (guide, problems) = load_guide(&json, assistant.as_ref());
        assert!(problems.is_empty(), "{path}: {problems:?}");
        assert_eq!(guide.unwrap().guide().service, service.id);
        // Every outcome of the assistant leads somewhere that exists.
        for outcome in assistant.iter().flat_map(|a| a.form().outcomes.iter()) {
            match &outcome.action {
                Some(OutcomeAction::Service { service }) => assert!(ids.contains(&service.as_str()), "{}: {service}", outcome.id),
                Some(OutcomeAction::StartForm { form: target, prefill }) => {
                    let target = form(target);
                    for question in prefill.keys() {
                        assert!(target.field(question).is_some(), "{} prefills {question}, not a question of {}", outcome.id, target.form().id);
                    }
                }
                Some(_) => {}
                None => panic!("assistant outcome {} has no action", outcome.id),
            }
        }
    }
    assert!(guides >= 1);
}

#[test]
fn the_checklist_shows_only_what_applies_to_this_person() {
    let assistant = form("residence-permit-check");
    let json = std::fs::read_to_string(forms().join("guides/residence-permit.json")).unwrap();
    let guide = load_guide(&json, Some(&assistant)).0.unwrap();
    let ids = |list: Vec<&onewindow_engine::Material>| list.into_iter().map(|m| m.id.clone()).collect::<Vec<_>>();

    let everything = guide.checklist(None);
    assert_eq!(everything.materials.len(), 5);
    assert_eq!(ids(everything.shared), ["id-card"], "shared between departments: not to bring");

    let answers: Answers = serde_json::from_value(json!({"hukou_in_city": "no", "lived_six_months": "yes", "basis": ["study"]})).unwrap();
    assert_eq!(assistant.evaluate(&answers).end, End::Outcome(3));
    let student = guide.checklist(Some((&assistant, &answers)));
    assert_eq!(ids(student.materials), ["photo", "address-proof", "study-proof", "application-form"]);
    let conditions: Vec<&str> = student.conditions.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(conditions, ["left-hukou", "study"]);

    // An answer hidden in the assistant's journey does not count: with hukou here, the bases
    // are never asked, so nothing basis-specific is listed.
    let hidden: Answers = serde_json::from_value(json!({"hukou_in_city": "yes", "basis": ["employment"]})).unwrap();
    assert_eq!(ids(guide.checklist(Some((&assistant, &hidden))).materials), ["photo", "address-proof", "application-form"]);
}
