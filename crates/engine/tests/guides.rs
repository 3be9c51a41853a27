//! The shipped catalog and guides: they load without problems, every reference between them
//! resolves, and a guide's checklist is tailored by its assistant's answers.

use onewindow_engine::formats::Date;
use onewindow_engine::{
    load_catalog, load_form, load_guide, Answers, End, FormModel, OutcomeAction,
};
use serde_json::json;
use std::path::{Path, PathBuf};

fn forms() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../forms")
}

fn form(id: &str) -> FormModel {
    let (model, problems) = load_form(
        &std::fs::read_to_string(forms().join(format!("{id}.json"))).unwrap(),
        Date::new(2026, 11, 27).unwrap(),
    );
    assert!(problems.is_empty(), "{id}: {problems:?}");
    model.unwrap()
}

/// Every form definition in `forms/` (not examples, the dictionary or the catalog), by id.
fn all_forms() -> Vec<FormModel> {
    let mut ids: Vec<String> = std::fs::read_dir(forms())
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| {
            name.ends_with(".json")
                && !name.ends_with(".examples.json")
                && name != "dictionary.json"
                && name != "catalog.json"
        })
        .map(|name| name.trim_end_matches(".json").to_string())
        .collect();
    ids.sort();
    ids.iter().map(|id| form(id)).collect()
}

#[test]
fn the_catalog_and_its_guides_load_and_every_reference_resolves() {
    let (catalog, problems) =
        load_catalog(&std::fs::read_to_string(forms().join("catalog.json")).unwrap());
    assert!(problems.is_empty(), "{problems:?}");
    let catalog = catalog.unwrap();
    let ids: Vec<&str> = catalog.services.iter().map(|s| s.id.as_str()).collect();
    let mut guide_files = Vec::new();
    let mut assistants = Vec::new();
    for service in &catalog.services {
        if let Some(f) = &service.form {
            form(f);
        }
        let Some(path) = &service.guide else { continue };
        guide_files.push(path.clone());
        let json = std::fs::read_to_string(forms().join(path))
            .unwrap_or_else(|e| panic!("{}: {path}: {e}", service.id));
        let assistant_id = serde_json::from_str::<serde_json::Value>(&json).unwrap()["assistant"]
            .as_str()
            .map(str::to_string);
        let assistant = assistant_id.as_deref().map(form);
        let (guide, problems) = load_guide(&json, assistant.as_ref());
        assert!(problems.is_empty(), "{path}: {problems:?}");
        assert_eq!(guide.unwrap().guide().service, service.id, "{path}");
        assistants.extend(assistant_id);
    }

    // Every guide file belongs to a service; every service has a guide.
    let mut on_disk: Vec<String> = std::fs::read_dir(forms().join("guides"))
        .unwrap()
        .map(|entry| format!("guides/{}", entry.unwrap().file_name().to_string_lossy()))
        .collect();
    on_disk.sort();
    guide_files.sort();
    assert_eq!(on_disk, guide_files, "guide files on disk and in the catalog differ");
    assert!(catalog.services.len() >= 12, "{} services", catalog.services.len());

    // Every assistant (a form whose outcomes have actions) is some guide's, reaches every kind of
    // outcome, and every outcome leads somewhere that exists.
    for assistant in
        all_forms().iter().filter(|f| f.form().outcomes.iter().any(|o| o.action.is_some()))
    {
        let id = &assistant.form().id;
        assert!(assistants.contains(id), "{id} is an assistant, but no guide names it");
        let mut kinds = Vec::new();
        for outcome in &assistant.form().outcomes {
            let at = format!("{id}: outcome {}", outcome.id);
            match &outcome.action {
                Some(OutcomeAction::Service { service }) => {
                    assert!(ids.contains(&service.as_str()), "{at}: no service {service}")
                }
                Some(OutcomeAction::StartForm { form: target, prefill }) => {
                    let target = form(target);
                    for (question, from) in prefill {
                        let (_, to) = target.field(question).unwrap_or_else(|| {
                            panic!(
                                "{at} prefills {question}, not a question of {}",
                                target.form().id
                            )
                        });
                        let (_, from) = assistant.field(from).unwrap_or_else(|| {
                            panic!("{at} prefills {question} from {from}, not a question of {id}")
                        });
                        assert_eq!(
                            std::mem::discriminant(&to.kind),
                            std::mem::discriminant(&from.kind),
                            "{at}: {question} and {} are different kinds of question",
                            from.id
                        );
                    }
                }
                Some(_) => {}
                None => panic!("{at} has no action"),
            }
            kinds.push(
                serde_json::to_value(&outcome.action).unwrap()["kind"]
                    .as_str()
                    .unwrap()
                    .to_string(),
            );
        }
        for kind in ["not_eligible", "start_form", "service", "offline_only"] {
            assert!(kinds.iter().any(|k| k == kind), "{id} has no {kind} outcome");
        }
    }
    assert!(assistants.len() >= 3, "{assistants:?}");
}

#[test]
fn the_checklist_shows_only_what_applies_to_this_person() {
    let assistant = form("residence-permit-check");
    let json = std::fs::read_to_string(forms().join("guides/residence-permit.json")).unwrap();
    let guide = load_guide(&json, Some(&assistant)).0.unwrap();
    let ids = |list: Vec<&onewindow_engine::Material>| {
        list.into_iter().map(|m| m.id.clone()).collect::<Vec<_>>()
    };

    let everything = guide.checklist(None);
    assert_eq!(everything.materials.len(), 9);
    assert_eq!(
        ids(everything.shared),
        ["id-card", "birth-certificate"],
        "shared between departments: not to bring"
    );

    let answers: Answers = serde_json::from_value(
        json!({"hukou_in_city": "no", "lived_six_months": "yes", "basis": ["study"]}),
    )
    .unwrap();
    assert_eq!(assistant.evaluate(&answers).end, End::Outcome(3));
    let student = guide.checklist(Some((&assistant, &answers)));
    assert_eq!(
        ids(student.materials.clone()),
        ["photo", "address-proof", "study-proof", "application-form"]
    );
    let conditions: Vec<&str> = student.conditions.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(conditions, ["left-hukou", "study"]);

    // The list to keep at home: the same items, a box each, in the citizen's language.
    let text = student.to_text("Residence permit", guide.guide(), "en", "zh-CN", true);
    assert!(text.starts_with("Residence permit\n"), "{text}");
    let boxes: Vec<&str> = text.lines().filter(|l| l.starts_with("  [ ] ")).collect();
    let study = guide.guide().materials.iter().find(|m| m.id == "study-proof").unwrap();
    let line = format!(
        "  [ ] {}: {}",
        study.name.get("en", "zh-CN"),
        onewindow_engine::copies_text(study.copies, "en")
    );
    assert!(boxes.contains(&line.as_str()), "{line:?} in {text}");
    assert_eq!(
        boxes.len(),
        2 + 4 + student.shared.len() + student.steps.len() + guide.guide().places.len(),
        "{text}"
    );
    let zh = student.to_text("居住证", guide.guide(), "zh-CN", "zh-CN", false);
    assert!(zh.contains(&format!("  [ ] {}：", study.name.get("zh-CN", "zh-CN"))), "{zh}");
    assert!(
        !zh.contains(guide.guide().places[0].name.get("zh-CN", "zh-CN")),
        "no places unless asked: {zh}"
    );

    // An answer hidden in the assistant's journey does not count: with hukou here, the bases
    // are never asked, so nothing basis-specific is listed.
    let hidden: Answers =
        serde_json::from_value(json!({"hukou_in_city": "yes", "basis": ["employment"]})).unwrap();
    assert_eq!(
        ids(guide.checklist(Some((&assistant, &hidden))).materials),
        ["photo", "address-proof", "application-form"]
    );
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
    let ids = |r: Vec<(&onewindow_engine::Service, onewindow_engine::Because)>| {
        r.into_iter().map(|(s, b)| (s.id.clone(), b)).collect::<Vec<_>>()
    };
    use onewindow_engine::Because::*;
    assert_eq!(
        ids(catalog.recommendations("a", &["e", "a", "nonexistent"], &[], 10)),
        vec![
            ("e".into(), Answers),
            ("d".into(), Related),
            ("c2".into(), LifeEvent),
            ("b".into(), LifeEvent)
        ],
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
    assert!(
        pairs.contains(&("basis".into(), "study".into()))
            && pairs.contains(&("basis".into(), "employment".into()))
    );
    let mut with_noise = pairs.clone();
    with_noise.push(("not_a_question".into(), "x".into()));
    assert_eq!(
        answers_from_pairs(&assistant, &with_noise),
        answers,
        "unknown keys are dropped, checkboxes are lists"
    );
    let one: Answers = serde_json::from_value(
        json!({ "hukou_in_city": "no", "lived_six_months": "yes", "basis": ["study"] }),
    )
    .unwrap();
    assert_eq!(
        answers_from_pairs(&assistant, &answers_to_pairs(&one)),
        one,
        "a single checkbox is still a list"
    );
    let eligible = assistant
        .form()
        .outcomes
        .iter()
        .find(|o| matches!(o.action, Some(OutcomeAction::StartForm { .. })))
        .unwrap();
    let handed = handed_over(&assistant, eligible.action.as_ref().unwrap(), &answers);
    assert_eq!(handed.get("basis"), Some(&json!(["study", "employment"])));
    // An answer the assistant's own journey hides is not handed over.
    let hidden: Answers =
        serde_json::from_value(json!({ "hukou_in_city": "yes", "basis": ["study"] })).unwrap();
    assert_eq!(
        handed_over(&assistant, eligible.action.as_ref().unwrap(), &hidden).get("basis"),
        None
    );
}

#[test]
fn the_checklist_sees_answers_as_the_assistants_conditions_do() {
    // A date is seen as "YYYY-MM-DD" (as typed, it is an object of parts): the birth guide's
    // "late" condition counts the days from it to the assistant's today.
    let assistant = form("register-birth-check");
    let json = std::fs::read_to_string(forms().join("guides/register-birth.json")).unwrap();
    let guide = load_guide(&json, Some(&assistant)).0.unwrap();
    let late = |day: &str, month: &str| {
        let answers: Answers = serde_json::from_value(
            json!({"country_of_birth": "england_wales", "parents_relationship": "married",
            "baby_date_of_birth": {"day": day, "month": month, "year": "2026"}}),
        )
        .unwrap();
        guide.checklist(Some((&assistant, &answers))).conditions.iter().any(|c| c.id == "late")
    };
    assert!(!late("16", "October"), "42 days before 27 November 2026");
    assert!(late("15", "10"), "43 days");
}

#[test]
fn a_catalog_guide_or_dictionary_that_does_not_fit_its_format_names_the_json_pointer() {
    let (catalog, problems) = load_catalog(
        r#"{"schema_version":1,"locales":["en"],"categories":[],"life_events":[],"services":[{"id":"a","title":7}]}"#,
    );
    assert!(catalog.is_none());
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].pointer, "/services/0/title", "{problems:?}");

    let guide = std::fs::read_to_string(forms().join("guides/passport.json")).unwrap();
    let mut broken: serde_json::Value = serde_json::from_str(&guide).unwrap();
    broken["materials"][1]["medium"] = serde_json::json!("carrier pigeon");
    let (model, problems) = load_guide(&broken.to_string(), None);
    assert!(model.is_none());
    assert_eq!(problems[0].pointer, "/materials/1/medium", "{problems:?}");
    // Read alone (to learn its assistant), a good guide is the same one load_guide compiles.
    let read = onewindow_engine::read_guide(&guide).unwrap();
    assert_eq!(read.service, "passport");
    assert!(onewindow_engine::compile_guide(read, None).0.is_some());

    let (dictionary, problems) = onewindow_engine::load_dictionary(
        r#"{"schema_version":1,"concepts":{"person.name":{"type":5}}}"#,
    );
    assert!(dictionary.is_none());
    assert_eq!(problems[0].pointer, "/concepts/person.name/type", "{problems:?}");
}

#[test]
fn catalog_ids_and_locales_must_be_safe_in_urls_and_file_paths() {
    let (catalog, problems) = load_catalog(
        r#"{"schema_version":1,"locales":["en","../x","EN"],
            "categories":[{"id":"a/b","title":{"en":"A","../x":"","EN":""}}],"life_events":[],
            "services":[{"id":"../../etc","title":{"en":"T","../x":"","EN":""},"summary":{"en":"S","../x":"","EN":""},
              "department":{"en":"D","../x":"","EN":""},"category":"a/b","audience":["person"],"form":"f"}]}"#,
    );
    assert!(catalog.is_some());
    let at: Vec<&str> =
        problems.iter().filter(|p| p.is_error()).map(|p| p.pointer.as_str()).collect();
    for pointer in ["/locales/1", "/locales/2", "/categories/0/id", "/services/0/id"] {
        assert!(at.contains(&pointer), "{pointer} not in {problems:?}");
    }
    // The shipped catalog has none of these problems.
    let (_, problems) =
        load_catalog(&std::fs::read_to_string(forms().join("catalog.json")).unwrap());
    assert!(!problems.iter().any(|p| p.is_error()), "{problems:?}");
}

/// A guide's blank form and sample go into a link's href as they are: lint holds them to the
/// URL policy (http(s), mailto, tel, relative) and names each one it refuses.
#[test]
fn a_guide_s_links_keep_to_the_url_policy() {
    let guide = std::fs::read_to_string(forms().join("guides/passport.json")).unwrap();
    let mut bad: serde_json::Value = serde_json::from_str(&guide).unwrap();
    bad["materials"][0]["blank_form"] = serde_json::json!("javascript:window.__xss=1");
    bad["materials"][1]["sample"] =
        serde_json::json!("data:text/html,<script>window.__xss=1</script>");
    bad["materials"][2]["blank_form"] = serde_json::json!("/forms/passport-blank.pdf");
    let (_, problems) = load_guide(&bad.to_string(), None);
    let pointers: Vec<&str> = problems.iter().map(|p| p.pointer.as_str()).collect();
    assert_eq!(pointers, ["/materials/0/blank_form", "/materials/1/sample"], "{problems:?}");
    assert!(problems[0].message.contains("not a link a page may have"), "{problems:?}");
}

/// A time limit may be counted in weeks: worded in each locale, and compared with the other
/// units as 7 days each (a promise of 3 weeks is longer than 15 calendar days).
#[test]
fn a_time_limit_may_be_in_weeks() {
    use onewindow_engine::{duration_text, DurationUnit};
    assert_eq!(duration_text(12, DurationUnit::Weeks, "en"), "12 weeks");
    assert_eq!(duration_text(1, DurationUnit::Weeks, "en"), "1 week");
    assert_eq!(duration_text(12, DurationUnit::Weeks, "zh-CN"), "12周");
    assert!(duration_text(2, DurationUnit::Weeks, "ug").contains("ھەپتە"));
    let guide = std::fs::read_to_string(forms().join("guides/passport.json")).unwrap();
    let mut weeks: serde_json::Value = serde_json::from_str(&guide).unwrap();
    weeks["time_limit"]["promised"] = serde_json::json!({"value": 2, "unit": "weeks"});
    let (model, problems) = load_guide(&weeks.to_string(), None);
    assert!(
        model.is_some() && problems.iter().all(|p| p.pointer != "/time_limit/promised"),
        "{problems:?}"
    );
    weeks["time_limit"]["promised"] = serde_json::json!({"value": 3, "unit": "weeks"});
    let (_, problems) = load_guide(&weeks.to_string(), None);
    assert!(problems.iter().any(|p| p.pointer == "/time_limit/promised"), "{problems:?}");
}

/// A guide's Markdown keeps to the URL policy too: a link the page would drop is a lint error
/// where it is written, and an image must be on this site or on a host the catalog lists.
#[test]
fn a_guide_s_markdown_links_and_images_keep_to_the_policy() {
    let guide = std::fs::read_to_string(forms().join("guides/passport.json")).unwrap();
    let mut bad: serde_json::Value = serde_json::from_str(&guide).unwrap();
    bad["steps"][0]["body"] = serde_json::json!("[Pay](vbscript:msgbox) ![hall](https://img.gov.example/hall.jpg) ![pixel](https://tracker.example/p.gif)");
    let (_, problems) = load_guide(&bad.to_string(), None);
    let at: Vec<(&str, bool)> =
        problems.iter().map(|p| (p.pointer.as_str(), p.message.contains("vbscript"))).collect();
    assert_eq!(at, [("/steps/0/body", true)], "{problems:?}");

    let text = std::fs::read_to_string(forms().join("catalog.json")).unwrap();
    let mut catalog: serde_json::Value = serde_json::from_str(&text).unwrap();
    catalog["image_hosts"] = serde_json::json!(["img.gov.example", "https://bad/"]);
    let (catalog, problems) = load_catalog(&catalog.to_string());
    let hosts: Vec<&str> = problems.iter().map(|p| p.pointer.as_str()).collect();
    assert_eq!(hosts, ["/image_hosts/1"], "{problems:?}");
    let read = onewindow_engine::read_guide(&bad.to_string()).unwrap();
    let problems = onewindow_engine::guide_in_catalog(&read, &catalog.unwrap());
    assert_eq!(problems.len(), 1, "only the tracker's image: {problems:?}");
    assert_eq!(problems[0].pointer, "/steps/0/body");
    assert!(problems[0].message.contains("tracker.example"), "{problems:?}");
}

/// How long a draft stays on the device: the form's own `keep_on_device_days`, else the
/// catalog's, else 30; the catalog's, like the form's, is 1 to 365.
#[test]
fn a_catalog_s_keep_on_device_days_applies_to_forms_that_do_not_say() {
    let text = std::fs::read_to_string(forms().join("catalog.json")).unwrap();
    let mut catalog: serde_json::Value = serde_json::from_str(&text).unwrap();
    catalog["keep_on_device_days"] = json!(7);
    let (loaded, problems) = load_catalog(&catalog.to_string());
    assert!(!problems.iter().any(|p| p.is_error()), "{problems:?}");
    let days = loaded.unwrap().keep_on_device_days;
    assert_eq!(days, Some(7));

    let registration = form("residence-registration");
    assert_eq!(registration.form().keep_on_device_days, None, "the shipped form does not say");
    assert_eq!(registration.form().keep_on_device_days_within(days), 7);
    assert_eq!(registration.form().keep_on_device_days_within(None), 30);
    let mut own = registration.form().clone();
    own.keep_on_device_days = Some(90);
    assert_eq!(own.keep_on_device_days_within(days), 90, "the form's own setting first");

    for wrong in [0, 366] {
        catalog["keep_on_device_days"] = json!(wrong);
        let (_, problems) = load_catalog(&catalog.to_string());
        assert!(
            problems.iter().any(|p| p.is_error() && p.pointer == "/keep_on_device_days"),
            "{wrong}: {problems:?}"
        );
    }
}

/// A result's validity and renewal, in words and linted: calendar time, renewal within the
/// validity; a statutory limit may be "none", a promise may not.
#[test]
fn validity_renewal_and_no_statutory_limit() {
    use onewindow_engine::{duration_text, renewal_text, DurationUnit};
    let text = std::fs::read_to_string(forms().join("guides/residence-permit.json")).unwrap();
    let assistant = form("residence-permit-check");
    let (guide, problems) = load_guide(&text, Some(&assistant));
    assert!(problems.is_empty(), "{problems:?}");
    let result = &guide.unwrap().guide().result.clone();
    let valid = result.valid_for.as_ref().unwrap();
    assert_eq!(duration_text(valid.value, valid.unit, "en"), "1 year");
    assert_eq!(duration_text(valid.value, valid.unit, "zh-CN"), "1年");
    let renew = result.renew_before_expiry.as_ref().unwrap();
    assert_eq!(
        renewal_text(renew.value, renew.unit, "en"),
        "Apply to renew within 1 month before it expires"
    );
    assert_eq!(renewal_text(renew.value, renew.unit, "zh-CN"), "有效期满前1个月内申请续办");
    assert_eq!(duration_text(0, DurationUnit::NoLimit, "en"), "No limit");

    let original: serde_json::Value = serde_json::from_str(&text).unwrap();
    let lint = |change: &dyn Fn(&mut serde_json::Value)| -> Vec<String> {
        let mut guide = original.clone();
        change(&mut guide);
        load_guide(&guide.to_string(), Some(&assistant))
            .1
            .iter()
            .filter(|d| d.is_error())
            .map(|d| d.pointer.clone())
            .collect()
    };
    // No statutory limit is fine; a promise of none is not.
    assert!(lint(&|g| g["time_limit"]["statutory"] = json!({"value": 0, "unit": "no_limit"}))
        .is_empty());
    assert_eq!(
        lint(&|g| g["time_limit"]["promised"] = json!({"value": 0, "unit": "no_limit"})),
        ["/time_limit/promised/unit"]
    );
    assert_eq!(
        lint(&|g| g["result"]["valid_for"] = json!({"value": 300, "unit": "working_days"})),
        ["/result/valid_for/unit"]
    );
    assert_eq!(
        lint(&|g| g["result"]["renew_before_expiry"] = json!({"value": 2, "unit": "years"})),
        ["/result/renew_before_expiry"]
    );
    assert_eq!(
        lint(&|g| {
            g["result"].as_object_mut().unwrap().remove("valid_for");
        }),
        ["/result/renew_before_expiry"]
    );
    assert_eq!(
        lint(&|g| g["result"]["valid_for"] = json!({"value": 0, "unit": "no_limit"})),
        ["/result/renew_before_expiry"]
    );
}
