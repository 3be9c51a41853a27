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

#[test]
fn recommendations_put_the_persons_answers_first_then_related_then_life_events() {
    let (catalog, _) = load_catalog(
        &json!({
            "schema_version": 1, "locales": ["en"],
            "categories": [{ "id": "c", "title": { "en": "C" } }],
            "life_events": [{ "id": "baby", "title": { "en": "Baby" } }, { "id": "move", "title": { "en": "Move" } }],
            "services": [
                { "id": "a", "title": { "en": "A" }, "summary": { "en": "A" }, "department": { "en": "D" }, "category": "c", "life_events": ["baby", "move"], "audience": ["person"], "related": ["d"], "form": "a" },
                { "id": "b", "title": { "en": "B" }, "summary": { "en": "B" }, "department": { "en": "D" }, "category": "c", "life_events": ["baby"], "audience": ["person"], "form": "b" },
                { "id": "c2", "title": { "en": "C2" }, "summary": { "en": "C2" }, "department": { "en": "D" }, "category": "c", "life_events": ["baby", "move"], "audience": ["person"], "form": "c2" },
                { "id": "d", "title": { "en": "D" }, "summary": { "en": "D" }, "department": { "en": "D" }, "category": "c", "audience": ["person"], "form": "d" },
                { "id": "e", "title": { "en": "E" }, "summary": { "en": "E" }, "department": { "en": "D" }, "category": "c", "audience": ["person"], "form": "e" }
            ]
        })
        .to_string(),
    );
    let catalog = catalog.unwrap();
    let ids = |r: Vec<(&onewindow_engine::Service, onewindow_engine::Because)>| r.into_iter().map(|(s, b)| (s.id.clone(), b)).collect::<Vec<_>>();
    use onewindow_engine::Because::*;
    assert_eq!(
        ids(catalog.recommendations("a", &["e", "a", "nonexistent"], &[], 10)),
        vec![("e".into(), Answers), ("d".into(), Related), ("c2".into(), LifeEvent), ("b".into(), LifeEvent)],
        "c2 shares two life events with a, b one; a itself and unknown ids are never listed"
    );
    assert_eq!(ids(catalog.recommendations("a", &[], &["d"], 1)), vec![("c2".into(), LifeEvent)]);
    assert_eq!(catalog.service_with_form("b").map(|s| s.id.as_str()), Some("b"));
    assert_eq!(catalog.services_in("move").len(), 2);
}

#[test]
fn assistant_answers_survive_the_round_trip_through_a_url_and_hand_over_only_visible_ones() {
    use onewindow_engine::{answers_from_pairs, answers_to_pairs, handed_over};
    let assistant = form("residence-permit-check");
    let answers: Answers = serde_json::from_value(json!({ "hukou_in_city": "no", "lived_six_months": "yes", "basis": ["study", "employment"] })).unwrap();
    let pairs = answers_to_pairs(&answers);
    assert!(pairs.contains(&("basis".into(), "study".into())) && pairs.contains(&("basis".into(), "employment".into())));
    let mut with_noise = pairs.clone();
    with_noise.push(("not_a_question".into(), "x".into()));
    assert_eq!(answers_from_pairs(&assistant, &with_noise), answers, "unknown keys are dropped, checkboxes are lists");
    let one: Answers = serde_json::from_value(json!({ "hukou_in_city": "no", "lived_six_months": "yes", "basis": ["study"] })).unwrap();
    assert_eq!(answers_from_pairs(&assistant, &answers_to_pairs(&one)), one, "a single checkbox is still a list");
    let eligible = assistant.form().outcomes.iter().find(|o| matches!(o.action, Some(OutcomeAction::StartForm { .. }))).unwrap();
    let handed = handed_over(&assistant, eligible.action.as_ref().unwrap(), &answers);
    assert_eq!(handed.get("basis"), Some(&json!(["study", "employment"])));
    // An answer the assistant's own journey hides is not handed over.
    let hidden: Answers = serde_json::from_value(json!({ "hukou_in_city": "yes", "basis": ["study"] })).unwrap();
    assert_eq!(handed_over(&assistant, eligible.action.as_ref().unwrap(), &hidden).get("basis"), None);
}
