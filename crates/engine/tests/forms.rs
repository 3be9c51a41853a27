//! The shipped definitions are the fixtures: every `forms/*.json` must load without errors, and
//! every example in `forms/*.examples.json` must produce exactly the outcome it states.

use onewindow_engine::{load_form, validate_page, Answers};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Examples {
    form: String,
    examples: Vec<Example>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Example {
    name: String,
    locale: String,
    answers: Answers,
    expect: Expect,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Expect {
    /// Error messages per page id, for every page of the form.
    errors: BTreeMap<String, Vec<String>>,
}

fn forms_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../forms")
}

fn definitions() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(forms_dir())
        .expect("forms/ exists")
        .map(|entry| entry.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .filter(|p| !p.to_string_lossy().ends_with(".examples.json"))
        .collect();
    files.sort();
    files
}

#[test]
fn every_shipped_form_loads_without_errors() {
    let files = definitions();
    assert!(!files.is_empty(), "no definitions found in forms/");
    for path in files {
        let json = std::fs::read_to_string(&path).unwrap();
        let (form, problems) = load_form(&json);
        assert!(problems.is_empty(), "{}:\n{}", path.display(), problems.iter().map(|p| format!("  {p}\n")).collect::<String>());
        assert!(form.is_some(), "{}", path.display());
    }
}

#[test]
fn every_example_has_its_stated_outcome() {
    let mut checked = 0;
    for path in definitions() {
        let examples_path = path.with_extension("examples.json");
        let json = std::fs::read_to_string(&path).unwrap();
        let form = load_form(&json).0.unwrap();
        let examples: Examples = serde_json::from_str(
            &std::fs::read_to_string(&examples_path)
                .unwrap_or_else(|_| panic!("{} has no {}", path.display(), examples_path.display())),
        )
        .unwrap_or_else(|e| panic!("{}: {e}", examples_path.display()));
        assert_eq!(examples.form, form.id, "{}", examples_path.display());
        for example in &examples.examples {
            let mut actual = BTreeMap::new();
            for (index, page) in form.pages.iter().enumerate() {
                let messages = validate_page(&form, index, &example.answers, &example.locale)
                    .into_iter()
                    .map(|e| e.message)
                    .collect::<Vec<_>>();
                actual.insert(page.id.clone(), messages);
            }
            assert_eq!(actual, example.expect.errors, "{}: example \"{}\"", examples_path.display(), example.name);
            checked += 1;
        }
    }
    assert!(checked > 0);
}
