//! The shipped definitions are the fixtures: every `forms/*.json` must load without a problem,
//! and every example in `forms/*.examples.json` must have exactly the outcome it states (for an
//! assistant, also the checklist its guide tailors from the answers).

use onewindow_engine::formats::Date;
use onewindow_engine::{
    list_file, load_form, load_guide, read_examples, run_examples, Answers, FormLoad, FormModel,
    GuideModel,
};
use std::path::{Path, PathBuf};

fn forms_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../forms")
}

fn definitions() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(forms_dir())
        .expect("forms/ exists")
        .map(|entry| entry.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .filter(|p| {
            let name = p.file_name().unwrap().to_string_lossy();
            !name.ends_with(".examples.json") && name != "dictionary.json" && name != "catalog.json"
        })
        .collect();
    files.sort();
    files
}

fn load(path: &Path, today: Date) -> FormModel {
    let json = std::fs::read_to_string(path).unwrap();
    // The one loader the app, the receiver and the CLI use: the test reads the lists.
    let load = FormLoad::new(&json, today);
    let lists: Vec<(String, Result<String, String>)> = load
        .list_names()
        .into_iter()
        .map(|name| {
            let list_path = forms_dir().join(list_file(&name));
            let text = std::fs::read_to_string(&list_path).map_err(|e| e.to_string());
            (name, text)
        })
        .collect();
    let (model, problems) = load.finish(&lists);
    assert!(
        problems.is_empty(),
        "{}:\n{}",
        path.display(),
        problems.iter().map(|p| format!("  {p}\n")).collect::<String>()
    );
    model.unwrap()
}

/// The guide whose `assistant` is `form`, loaded with it (no lint problem allowed).
fn guide_of(assistant: &FormModel) -> Option<GuideModel> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(forms_dir().join("guides"))
        .ok()?
        .map(|entry| entry.unwrap().path())
        .collect();
    files.sort();
    files.into_iter().find_map(|path| {
        let json = std::fs::read_to_string(&path).unwrap();
        let names = serde_json::from_str::<serde_json::Value>(&json).unwrap()["assistant"]
            == assistant.form().id.as_str();
        names.then(|| {
            let (guide, problems) = load_guide(&json, Some(assistant));
            assert!(problems.is_empty(), "{}: {problems:?}", path.display());
            guide.unwrap()
        })
    })
}

#[test]
fn every_shipped_form_loads_without_problems() {
    let files = definitions();
    assert!(files.len() >= 2, "expected the shipped forms in forms/, found {files:?}");
    for path in files {
        load(&path, Date::new(2026, 11, 27).unwrap());
    }
}

/// The same run as `onewindow test`: `run_examples` over every shipped form's examples.
#[test]
fn every_example_has_its_stated_outcome() {
    let mut checked = 0;
    let mut failures = Vec::new();
    for path in definitions() {
        let examples_path = path.with_extension("examples.json");
        let text = std::fs::read_to_string(&examples_path)
            .unwrap_or_else(|_| panic!("{} has no {}", path.display(), examples_path.display()));
        let (examples, problems) = read_examples(&text);
        assert!(problems.is_empty(), "{}: {problems:?}", examples_path.display());
        let examples = examples.unwrap();
        let model = load(&path, examples.today().unwrap());
        let report = run_examples(&examples, &model, guide_of(&model).as_ref());
        for problem in &report.problems {
            failures.push(format!("{}: {problem}", examples_path.display()));
        }
        for result in &report.results {
            if !result.mismatches.is_empty() {
                let lines: Vec<String> = result
                    .mismatches
                    .iter()
                    .map(|m| {
                        format!(
                            "    {}:\n      expected {}\n      actual   {}",
                            m.what, m.expected, m.actual
                        )
                    })
                    .collect();
                failures.push(format!(
                    "{} — \"{}\"\n{}",
                    examples_path.display(),
                    result.name,
                    lines.join("\n")
                ));
            }
        }
        checked += report.results.len();
    }
    assert!(
        failures.is_empty(),
        "{} of {checked} examples differ:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert!(checked >= 10, "only {checked} examples");
}

#[test]
fn every_concept_used_is_in_the_dictionary_with_the_same_meaning() {
    let (dictionary, problems) = onewindow_engine::load_dictionary(
        &std::fs::read_to_string(forms_dir().join("dictionary.json")).unwrap(),
    );
    assert!(problems.is_empty(), "{problems:?}");
    let dictionary = dictionary.unwrap();
    let mut used = 0;
    for path in definitions() {
        let model = load(&path, Date::new(2026, 11, 27).unwrap());
        let problems = onewindow_engine::check_concepts(model.form(), &dictionary);
        assert!(problems.is_empty(), "{}: {problems:?}", path.display());
        used += model.form().fields().filter(|(_, f)| f.concept.is_some()).count();
    }
    assert!(used >= 10, "only {used} fields name a concept");
}

#[test]
fn a_field_that_misuses_a_concept_is_reported() {
    let (dictionary, _) = onewindow_engine::load_dictionary(
        &std::fs::read_to_string(forms_dir().join("dictionary.json")).unwrap(),
    );
    let form = serde_json::json!({"schema_version": 1, "id": "f", "version": "1", "title": "T", "locales": ["en"],
        "pages": [{"id": "p", "fields": [
            {"id": "a", "type": "text", "label": "ID", "concept": "person.cn_id_number"},
            {"id": "b", "type": "date", "label": "Name", "concept": "person.full_name"},
            {"id": "c", "type": "text", "label": "X", "concept": "person.shoe_size"}]}]});
    let model = load_form(&form.to_string(), Date::new(2026, 1, 1).unwrap()).0.unwrap();
    let problems: Vec<String> =
        onewindow_engine::check_concepts(model.form(), &dictionary.unwrap())
            .iter()
            .map(|d| d.to_string())
            .collect();
    assert_eq!(problems, vec![
        "/pages/0/fields/0/concept: error: \"person.cn_id_number\" has format \"cn_resident_id\" in the data dictionary, but this field has null",
        "/pages/0/fields/1/concept: error: \"person.full_name\" is a text in the data dictionary, but this field is a date",
        "/pages/0/fields/2/concept: error: \"person.shoe_size\" is not in the data dictionary",
    ]);
}

#[test]
fn fill_once_offers_one_departments_answers_to_another_only_where_they_fit() {
    let today = Date::new(2026, 11, 27).unwrap();
    let registration = load(&forms_dir().join("residence-registration.json"), today);
    let permit = load(&forms_dir().join("residence-permit.json"), today);
    let birth = load(&forms_dir().join("register-birth.json"), today);
    let examples: onewindow_engine::Examples = serde_json::from_str(
        &std::fs::read_to_string(forms_dir().join("residence-registration.examples.json")).unwrap(),
    )
    .unwrap();
    let answers =
        &examples.examples.iter().find(|e| e.expect.complete).expect("a complete example").answers;
    let mut remembered = onewindow_engine::Remembered::default();
    remembered.remember(&registration.rememberable(&registration.evaluate(answers), answers, "en"));
    assert_eq!(remembered.0.len(), 4);

    // The permit's questions are about the citizen only when they apply for themselves.
    assert!(permit.prefill_offers(&remembered, &Answers::default(), "en").is_empty());
    let mut for_self = Answers::default();
    for_self.set("applicant_role", "self".into());
    let offered: Vec<String> =
        permit.prefill_offers(&remembered, &for_self, "en").into_iter().map(|o| o.field).collect();
    assert_eq!(offered, ["full_name", "id_number", "residence_address", "mobile"]);
    let mut for_someone_else = Answers::default();
    for_someone_else.set("applicant_role", "agent".into());
    assert!(permit.prefill_offers(&remembered, &for_someone_else, "en").is_empty());

    // An answered question is never overwritten.
    for_self.set("mobile", "13900000000".into());
    assert!(!permit
        .prefill_offers(&remembered, &for_self, "en")
        .iter()
        .any(|o| o.field == "mobile"));

    // A birth registration asks about the baby and a UK address: nothing of this fits.
    assert!(birth.prefill_offers(&remembered, &Answers::default(), "en").is_empty());

    // A remembered answer the other form would refuse is not offered.
    let mut bad = remembered.clone();
    bad.0.get_mut("contact.mobile").unwrap().answer = "12345".into();
    assert!(!registration
        .prefill_offers(&bad, &Answers::default(), "en")
        .iter()
        .any(|o| o.field == "mobile"));
    bad.forget("contact.mobile");
    assert!(!bad.0.contains_key("contact.mobile"));
}

#[test]
fn follow_up_questions_nest_under_the_option_that_reveals_them() {
    let today = Date::new(2026, 11, 27).unwrap();
    let mut found = Vec::new();
    for path in definitions() {
        let model = load(&path, today);
        for (_, field) in model.form().fields() {
            if let Some((controller, option)) = model.revealed_by(&field.id) {
                found.push(format!(
                    "{}: {} under {controller}={option}",
                    model.form().id,
                    field.id
                ));
            }
        }
    }
    assert_eq!(found, ["residence-registration: landlord_name under housing=rent"]);
    // Not nested: a condition on another page's answer, or anything but "choice is option".
    let form = serde_json::json!({"schema_version": 1, "id": "f", "version": "1", "title": "T", "locales": ["en"],
        "pages": [
            {"id": "p1", "fields": [
                {"id": "r", "type": "radios", "label": "R", "options": [{"value": "a", "label": "A"}, {"value": "b", "label": "B"}]},
                {"id": "x", "type": "text", "label": "X", "visible_if": {"==": [{"var": "r"}, "a"]}},
                {"id": "y", "type": "text", "label": "Y", "visible_if": {"==": ["b", {"var": "r"}]}},
                {"id": "z", "type": "text", "label": "Z"},
                {"id": "late", "type": "text", "label": "Late", "visible_if": {"==": [{"var": "r"}, "a"]}},
                {"id": "c", "type": "checkboxes", "label": "C", "options": [{"value": "m", "label": "M"}]},
                {"id": "m", "type": "text", "label": "M", "visible_if": {"in": ["m", {"var": "c"}]}},
                {"id": "n", "type": "text", "label": "N", "visible_if": {"!=": [{"var": "r"}, "a"]}}]},
            {"id": "p2", "fields": [{"id": "w", "type": "text", "label": "W", "visible_if": {"==": [{"var": "r"}, "a"]}}]}]});
    let (model, problems) = load_form(&form.to_string(), today);
    assert!(problems.is_empty(), "{problems:?}");
    let model = model.unwrap();
    let nested: Vec<_> =
        ["x", "y", "z", "late", "m", "n", "w"].iter().map(|id| model.revealed_by(id)).collect();
    assert_eq!(
        nested,
        [Some(("r", "a")), Some(("r", "b")), None, None, Some(("c", "m")), None, None]
    );
}
