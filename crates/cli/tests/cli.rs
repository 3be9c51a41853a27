//! Runs the built `onewindow` binary against the shipped forms and against broken definitions
//! written to a temporary directory.

use onewindow_engine::search::{IndexFiles, SearchIndex};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").canonicalize().unwrap()
}

fn forms() -> PathBuf {
    repo().join("forms")
}

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

/// The CLI binary under test.
fn binary() -> &'static Path {
    Path::new(env!("CARGO_BIN_EXE_onewindow"))
}

fn onewindow<S: AsRef<std::ffi::OsStr>>(args: &[S]) -> Run {
    let Output { status, stdout, stderr } = Command::new(binary()).args(args).output().unwrap();
    Run {
        code: status.code().expect("exited normally"),
        stdout: String::from_utf8(stdout).unwrap(),
        stderr: String::from_utf8(stderr).unwrap(),
    }
}

mod common;
use common::TempDir;

fn s(path: &Path) -> String {
    path.display().to_string()
}

// ----- lint

#[test]
fn lint_passes_on_the_shipped_forms() {
    let run = onewindow(&["lint", &s(&forms())]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    let last = run.stdout.lines().last().unwrap();
    assert!(last.ends_with("files, 0 errors, 0 warnings"), "{}", run.stdout);
    assert_eq!(run.stdout.lines().count(), 1, "no problem lines expected:\n{}", run.stdout);
    assert!(run.stderr.is_empty(), "{}", run.stderr);

    // Each shipped definition on its own, with the dictionary given explicitly.
    for name in ["residence-permit.json", "register-birth.json"] {
        let run = onewindow(&[
            "lint",
            &s(&forms().join(name)),
            "--dictionary",
            &s(&forms().join("dictionary.json")),
        ]);
        assert_eq!(run.code, 0, "{name}: {}", run.stdout);
    }
}

const BAD_JSON: &str = r#"{"schema_version": 1, "id": "bad-json", "#;

const WRONG_TYPE: &str = r#"{"schema_version": 1, "id": "wrong-type", "version": "1", "title": "T",
  "locales": ["en"], "pages": [{"id": "p", "fields": [{"id": "a", "type": "text", "label": "A"}]}],
  "outcomes": "none"}"#;

/// A duplicate id, an unknown `var`, a missing translation, an unknown concept and a missing
/// reference list: every one must be reported.
const LINT_ERRORS: &str = r#"{"schema_version": 1, "id": "lint-errors", "version": "1",
  "title": {"en": "Title"}, "locales": ["en", "zh-CN"],
  "pages": [
    {"id": "p1", "fields": [
      {"id": "name", "type": "text", "label": {"en": "Name", "zh-CN": "姓名"}, "concept": "person.no_such_thing"}]},
    {"id": "p2", "fields": [
      {"id": "name", "type": "text", "label": {"en": "Name again", "zh-CN": "姓名"},
       "visible_if": {"==": [{"var": "ghost"}, "yes"]}},
      {"id": "region", "type": "select", "label": {"en": "Region", "zh-CN": "地区"}, "options_from": "regions"}]}
  ]}"#;

fn broken_dir() -> TempDir {
    let dir = TempDir::new("broken");
    dir.write("bad-json.json", BAD_JSON);
    dir.write("wrong-type.json", WRONG_TYPE);
    dir.write("lint-errors.json", LINT_ERRORS);
    dir.write("dictionary.json", std::fs::read_to_string(forms().join("dictionary.json")).unwrap());
    // Not definitions: never linted as forms (a catalog is linted as a catalog).
    dir.write("lint-errors.examples.json", "not even JSON");
    dir.write("catalog.json", "not even JSON");
    dir.write("data/other.json", "not even JSON");
    dir
}

#[test]
fn lint_reports_every_problem_with_file_and_pointer() {
    let dir = broken_dir();
    let run = onewindow(&["lint", &s(&dir.0)]);
    assert_eq!(run.code, 1, "{}{}", run.stdout, run.stderr);
    let expected = [
        (dir.path("bad-json.json"), "/", "the file is not valid JSON"),
        (dir.path("wrong-type.json"), "/outcomes", "invalid type"),
        (dir.path("lint-errors.json"), "/title/zh-CN", "missing the zh-CN translation"),
        (
            dir.path("lint-errors.json"),
            "/pages/1/fields/0/id",
            "field id \"name\" is already used at /pages/0/fields/0/id",
        ),
        (
            dir.path("lint-errors.json"),
            "/pages/1/fields/0/visible_if",
            "\"ghost\", which is not a question",
        ),
        (
            dir.path("lint-errors.json"),
            "/pages/0/fields/0/concept",
            "\"person.no_such_thing\" is not in the data dictionary",
        ),
        (
            dir.path("lint-errors.json"),
            "/pages/1/fields/1/options_from",
            "there is no data/regions.json next to the form",
        ),
        (dir.path("catalog.json"), "/", "the file is not valid JSON"),
    ];
    for (file, pointer, words) in &expected {
        let prefix = format!("{file}:{pointer}: error: ");
        assert!(
            run.stdout.lines().any(|l| l.starts_with(&prefix) && l.contains(words)),
            "no line starting {prefix:?} containing {words:?} in:\n{}",
            run.stdout
        );
    }
    assert!(
        !run.stdout.contains("examples.json") && !run.stdout.contains("other.json"),
        "{}",
        run.stdout
    );
    let problem_lines =
        run.stdout.lines().filter(|l| l.contains(": error: ") || l.contains(": warning: ")).count();
    assert_eq!(problem_lines, expected.len(), "{}", run.stdout);
    assert!(
        run.stdout
            .lines()
            .last()
            .unwrap()
            .ends_with(&format!("{} errors, 0 warnings", expected.len())),
        "{}",
        run.stdout
    );
}

#[test]
fn lint_json_is_an_array_of_problems() {
    let dir = broken_dir();
    let run = onewindow(&["lint", "--json", &s(&dir.0)]);
    assert_eq!(run.code, 1);
    let problems: Vec<Value> = serde_json::from_str(&run.stdout).expect("--json prints JSON");
    assert_eq!(problems.len(), 8);
    for problem in &problems {
        let keys: Vec<&String> = problem.as_object().unwrap().keys().collect();
        assert_eq!(keys, ["file", "message", "pointer", "severity"], "{problem}");
        assert_eq!(problem["severity"], "error");
    }
    let bad_json =
        problems.iter().find(|p| p["file"] == dir.path("bad-json.json").as_str()).unwrap();
    assert_eq!(bad_json["pointer"], "", "the whole document is the RFC 6901 empty pointer");
    assert!(problems.iter().any(|p| p["pointer"] == "/pages/1/fields/0/visible_if"));

    let clean = onewindow(&["lint", "--json", &s(&forms())]);
    assert_eq!(clean.code, 0);
    assert_eq!(serde_json::from_str::<Value>(&clean.stdout).unwrap(), Value::Array(vec![]));
}

#[test]
fn warnings_alone_exit_zero() {
    let dir = TempDir::new("warnings");
    let form = r#"{"schema_version": 1, "id": "the-real-id", "version": "1", "title": "T", "locales": ["en"],
      "pages": [{"id": "p", "fields": [
        {"id": "note", "type": "content", "label": "", "body": "Read this", "required": true},
        {"id": "a", "type": "text", "label": "A", "concept": "person.full_name"}]}]}"#;
    let file = dir.write("renamed.json", form);
    let run = onewindow(&["lint", &s(&file)]);
    assert_eq!(run.code, 0, "{}", run.stdout);
    for (pointer, words) in [
        ("/id", "name the file the-real-id.json"),
        ("/pages/0/fields/0/required", "cannot be required"),
        ("/pages/0/fields/1/concept", "concepts are not checked"),
    ] {
        let prefix = format!("{}:{pointer}: warning: ", s(&file));
        assert!(
            run.stdout.lines().any(|l| l.starts_with(&prefix) && l.contains(words)),
            "{prefix} {words}:\n{}",
            run.stdout
        );
    }
    assert!(run.stdout.ends_with("1 file, 0 errors, 3 warnings\n"), "{}", run.stdout);
}

#[test]
fn a_broken_reference_list_and_dictionary_are_reported_in_their_own_files() {
    let dir = TempDir::new("lists");
    let form = r#"{"schema_version": 1, "id": "uses-list", "version": "1", "title": {"en": "T", "zh-CN": "表"},
      "locales": ["en", "zh-CN"], "pages": [{"id": "p", "fields": [
        {"id": "g", "type": "select", "label": {"en": "G", "zh-CN": "组"}, "options_from": "groups", "concept": "person.x"}]}]}"#;
    let file = dir.write("uses-list.json", form);
    dir.write(
        "data/groups.json",
        r#"{"options": [{"value": "1", "label": {"en": "One"}}, {"value": "1", "label": "Uno"}]}"#,
    );
    dir.write("dictionary.json", r#"{"schema_version": 2, "concepts": {}}"#);
    let run = onewindow(&["lint", &s(&file)]);
    assert_eq!(run.code, 1, "{}", run.stdout);
    let list = dir.path("data/groups.json");
    for line in [
        format!("{list}:/options/1/value: error: option value \"1\" appears twice"),
        format!("{list}:/options/0/label/zh-CN: error: missing the zh-CN translation"),
        format!("{}:/schema_version: error:", dir.path("dictionary.json")),
        format!(
            "{}:/pages/0/fields/0/concept: error: \"person.x\" is not in the data dictionary",
            s(&file)
        ),
    ] {
        assert!(run.stdout.lines().any(|l| l.starts_with(&line)), "{line}\n{}", run.stdout);
    }
    assert!(run.stdout.ends_with("3 files, 4 errors, 0 warnings\n"), "{}", run.stdout);
}

#[test]
fn a_missing_file_exits_2_and_names_it() {
    let missing = forms().join("no-such-form.json");
    let run = onewindow(&["lint", &s(&forms()), &s(&missing)]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains(&format!("{}: no such file or directory", s(&missing))),
        "{}",
        run.stderr
    );

    let run = onewindow(&["lint", &s(&forms()), "--dictionary", "no-such-dictionary.json"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("no-such-dictionary.json"), "{}", run.stderr);

    let empty = TempDir::new("empty");
    let run = onewindow(&["lint", &s(&empty.0)]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains(&s(&empty.0)) && run.stderr.contains("no form definitions"),
        "{}",
        run.stderr
    );
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        &[][..],
        &["lint"],
        &["frobnicate"],
        &["lint", "forms", "--strict"],
        &["schema", "guide"],
        &["new"],
        &["new", "form", "--id", "9lives"],
        &["new", "form", "--locales", "en,,fr"],
    ] {
        let run = onewindow(args);
        assert_eq!(run.code, 2, "{args:?}: {}", run.stdout);
        assert!(run.stderr.starts_with("onewindow: "), "{args:?}: {}", run.stderr);
        assert!(run.stdout.is_empty(), "{args:?}");
    }
}

// ----- schema

#[test]
fn schema_prints_the_committed_schemas() {
    for (args, file) in [
        (&["schema"][..], "form.schema.json"),
        (&["schema", "form"], "form.schema.json"),
        (&["schema", "dictionary"], "dictionary.schema.json"),
    ] {
        let run = onewindow(args);
        assert_eq!(run.code, 0);
        let committed = std::fs::read_to_string(repo().join("schema").join(file)).unwrap();
        assert!(
            run.stdout == committed,
            "`onewindow {}` differs from schema/{file}",
            args.join(" ")
        );
    }
}

// ----- explain

struct Example {
    today: String,
    locale: String,
    answers: Value,
    expect: Value,
}

fn example(pick: impl Fn(&Value) -> bool) -> Example {
    let all: Value = serde_json::from_str(
        &std::fs::read_to_string(forms().join("residence-permit.examples.json")).unwrap(),
    )
    .unwrap();
    let found =
        all["examples"].as_array().unwrap().iter().find(|e| pick(e)).expect("such an example");
    Example {
        today: all["today"].as_str().unwrap().to_string(),
        locale: found["locale"].as_str().unwrap().to_string(),
        answers: found["answers"].clone(),
        expect: found["expect"].clone(),
    }
}

fn explain(example: &Example, dir: &TempDir, json: bool) -> Run {
    let answers = dir.write("answers.json", example.answers.to_string());
    let form = s(&forms().join("residence-permit.json"));
    let mut args = vec!["explain", &form, "--answers"];
    let answers = s(&answers);
    args.push(&answers);
    args.extend(["--locale", &example.locale, "--today", &example.today]);
    if json {
        args.push("--json");
    }
    onewindow(&args)
}

fn page_ids(explanation: &Value) -> Vec<String> {
    explanation["path"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["page"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn explain_reports_a_complete_application() {
    let example = example(|e| e["expect"]["complete"] == true);
    let dir = TempDir::new("complete");
    let run = explain(&example, &dir, false);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert!(run.stdout.contains("\nComplete: yes"), "{}", run.stdout);
    assert!(run.stdout.contains("End: check answers"), "{}", run.stdout);
    assert!(run.stdout.contains("Check answers ("), "{}", run.stdout);
    assert!(!run.stdout.contains("error:"), "{}", run.stdout);

    let run = explain(&example, &dir, true);
    let explanation: Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(explanation["complete"], true);
    assert_eq!(explanation["end"], example.expect["end"]);
    assert_eq!(Value::from(page_ids(&explanation)), example.expect["path"]);
    let rows = explanation["summary"].as_array().unwrap();
    assert!(
        rows.len() >= 10 && rows.iter().all(|r| r["label"].is_string() && r["value"].is_string()),
        "{rows:?}"
    );
    // The ethnic group is shown from the reference list in forms/data/, not as its code.
    let ethnicity = rows.iter().find(|r| r["field"] == "ethnicity").unwrap();
    assert_ne!(ethnicity["value"], example.answers["ethnicity"], "{ethnicity}");
}

#[test]
fn explain_lists_every_error_on_empty_answers() {
    let example = example(|e| e["answers"] == serde_json::json!({}) && e["locale"] == "en");
    let dir = TempDir::new("empty-answers");
    let run = explain(&example, &dir, false);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("\nComplete: no"), "{}", run.stdout);
    for (page, messages) in example.expect["errors"].as_object().unwrap() {
        assert!(run.stdout.contains(&format!(". {page} — ")), "page {page}:\n{}", run.stdout);
        for message in messages.as_array().unwrap() {
            assert!(
                run.stdout.contains(&format!("error: {}", message.as_str().unwrap())),
                "{message}:\n{}",
                run.stdout
            );
        }
    }

    let run = explain(&example, &dir, true);
    let explanation: Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(explanation["complete"], false);
    assert_eq!(Value::from(page_ids(&explanation)), example.expect["path"]);
    let mut errors = serde_json::Map::new();
    for page in explanation["path"].as_array().unwrap() {
        let messages: Vec<Value> =
            page["errors"].as_array().unwrap().iter().map(|e| e["message"].clone()).collect();
        if !messages.is_empty() {
            errors.insert(page["page"].as_str().unwrap().to_string(), Value::from(messages));
        }
    }
    assert_eq!(Value::Object(errors), example.expect["errors"]);
}

#[test]
fn explain_names_the_outcome_and_the_dropped_answers() {
    let example = example(|e| {
        e["expect"]["end"].as_str().is_some_and(|end| end.starts_with("outcome:"))
            && e["expect"]["dropped"].is_array()
    });
    let dir = TempDir::new("dropped");
    let run = explain(&example, &dir, true);
    assert_eq!(run.code, 0);
    let explanation: Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(explanation["end"], example.expect["end"]);
    assert_eq!(explanation["complete"], false);
    assert!(explanation["summary"].is_null());
    for field in example.expect["dropped"].as_array().unwrap() {
        assert!(
            explanation["dropped"].as_array().unwrap().contains(field),
            "{field} not dropped: {}",
            explanation["dropped"]
        );
    }
    let run = explain(&example, &dir, false);
    assert!(
        run.stdout.contains(&format!("End: {}", example.expect["end"].as_str().unwrap())),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("Dropped as hidden (never submitted): "), "{}", run.stdout);
}

#[test]
fn explain_refuses_broken_definitions_and_bad_input() {
    let dir = TempDir::new("explain-bad");
    let broken = dir.write("lint-errors.json", LINT_ERRORS);
    let answers = dir.write("answers.json", "{}");
    let run = onewindow(&["explain", &s(&broken), "--answers", &s(&answers)]);
    assert_eq!(run.code, 1, "{}", run.stdout);
    assert!(
        run.stdout.contains(&format!("{}:/pages/1/fields/0/id: error: ", s(&broken))),
        "{}",
        run.stdout
    );

    let form = s(&forms().join("residence-permit.json"));
    let not_object = dir.write("list.json", "[1, 2]");
    for (args, names) in [
        (
            vec!["explain", form.as_str(), "--answers", "/no/such/answers.json"],
            "/no/such/answers.json",
        ),
        (vec!["explain", form.as_str(), "--answers", not_object.to_str().unwrap()], "list.json"),
        (vec!["explain", "/no/such/form.json"], "/no/such/form.json"),
        (vec!["explain", form.as_str(), "--today", "27/11/2026"], "--today"),
        (vec!["explain", form.as_str(), "--locale", "fr"], "fr"),
    ] {
        let run = onewindow(&args);
        assert_eq!(run.code, 2, "{args:?}: {}", run.stdout);
        assert!(run.stderr.contains(names), "{args:?}: {}", run.stderr);
    }
}

// ----- new

#[test]
fn new_form_output_lints_clean() {
    let dir = TempDir::new("new");
    for (args, id, locales) in [
        (&["new", "form"][..], "my-form", vec!["en"]),
        (
            &["new", "form", "--id", "dog-licence", "--locales", "zh-CN,en"],
            "dog-licence",
            vec!["zh-CN", "en"],
        ),
        (&["new", "form", "--id", "trwydded", "--locales", "cy,en"], "trwydded", vec!["cy", "en"]),
    ] {
        let run = onewindow(args);
        assert_eq!(run.code, 0, "{args:?}: {}", run.stderr);
        let definition: Value = serde_json::from_str(&run.stdout).unwrap();
        assert_eq!(definition["id"], id);
        assert_eq!(definition["locales"], Value::from(locales));
        let file = dir.write(&format!("{id}.json"), &run.stdout);
        let lint = onewindow(&["lint", &s(&file)]);
        assert_eq!(lint.code, 0, "{}", lint.stdout);
        assert_eq!(lint.stdout, "1 file, 0 errors, 0 warnings\n", "{args:?}");
        // The explanations are in the definition itself: a content page and hints.
        assert!(run.stdout.contains("\"type\": \"content\"") && run.stdout.contains("\"hint\""));
        // And a starter can be tried at once.
        let explain = onewindow(&["explain", &s(&file), "--today", "2026-01-31"]);
        assert_eq!(explain.code, 0, "{}", explain.stdout);
        assert!(explain.stdout.contains("Complete: no"), "{}", explain.stdout);
    }
}

#[test]
fn new_guide_and_catalog_lint_clean_with_the_form_they_name() {
    for (locales, list) in [
        (None, vec!["en"]),
        (Some("zh-CN,en"), vec!["zh-CN", "en"]),
        (Some("cy,en"), vec!["cy", "en"]),
    ] {
        let dir = TempDir::new("new-guide");
        let with = |args: &[&str]| -> Vec<String> {
            let mut all: Vec<String> = args.iter().map(|a| a.to_string()).collect();
            all.extend(locales.iter().flat_map(|l| ["--locales".to_string(), l.to_string()]));
            all
        };
        // A guide on its own, under guides/ as lint expects: no problem at all.
        let guide = onewindow(&with(&["new", "guide", "--service", "dog-licence"]));
        assert_eq!(guide.code, 0, "{}", guide.stderr);
        let value: Value = serde_json::from_str(&guide.stdout).unwrap();
        assert_eq!(
            (&value["service"], &value["locales"]),
            (&Value::from("dog-licence"), &Value::from(list.clone()))
        );
        // The explanations are in the guide itself: a FAQ entry and bracketed placeholders.
        assert!(
            guide.stdout.contains("How do I fill in this guide?")
                && guide.stdout.contains("[Name of the law or regulation]"),
            "{}",
            guide.stdout
        );
        let file = dir.write("guides/dog-licence.json", &guide.stdout);
        let lint = onewindow(&["lint", &s(&file)]);
        assert_eq!(lint.stdout, "1 file, 0 errors, 0 warnings\n", "{locales:?}");

        // A catalog alone names the guide and form it lacks, with their pointers.
        let catalog = onewindow(&with(&["new", "catalog", "--service", "dog-licence"]));
        assert_eq!(catalog.code, 0, "{}", catalog.stderr);
        std::fs::remove_file(&file).unwrap();
        let catalog_file = dir.write("catalog.json", &catalog.stdout);
        let lint = onewindow(&["lint", &s(&catalog_file)]);
        assert_eq!(lint.code, 1, "{}", lint.stdout);
        let at = s(&catalog_file);
        for pointer in ["/services/0/guide", "/services/0/form"] {
            assert!(
                lint.stdout.contains(&format!("{at}:{pointer}: error: there is no ")),
                "{pointer}: {}",
                lint.stdout
            );
        }

        // With the guide and the form the catalog names, the directory lints clean.
        dir.write("guides/dog-licence.json", &guide.stdout);
        dir.write(
            "dog-licence.json",
            &onewindow(&with(&["new", "form", "--id", "dog-licence"])).stdout,
        );
        let lint = onewindow(&["lint", &dir.path("")]);
        assert_eq!(lint.stdout, "3 files, 0 errors, 0 warnings\n", "{locales:?}");
    }
}

/// A guide is written in every locale of the catalog that lists it: an English-only guide in a
/// zh-CN and en catalog is an error at its `/locales`.
#[test]
fn a_guide_lacking_a_locale_of_its_catalog_is_an_error() {
    let dir = TempDir::new("guide-locales");
    let catalog =
        onewindow(&["new", "catalog", "--service", "dog-licence", "--locales", "zh-CN,en"]);
    dir.write("catalog.json", &catalog.stdout);
    let guide = onewindow(&["new", "guide", "--service", "dog-licence", "--locales", "en"]);
    let file = dir.write("guides/dog-licence.json", &guide.stdout);
    let lint = onewindow(&["lint", &s(&file)]);
    assert_eq!(lint.code, 1, "{}", lint.stdout);
    assert!(
        lint.stdout.contains(&format!(
            "{}:/locales: error: the catalog is in zh-CN, en: this guide is not written in zh-CN",
            s(&file)
        )),
        "{}",
        lint.stdout
    );
}

#[test]
fn new_refuses_the_wrong_options_for_each_kind() {
    for (args, words) in [
        (&["new", "guide", "--id", "x"][..], "use --service, not --id"),
        (&["new", "form", "--service", "x"], "use --id, not --service"),
        (
            &["new", "catalog", "--service", "9lives"],
            "--service \"9lives\" must start with a letter",
        ),
        (&["new", "page"], "use form, guide or catalog"),
    ] {
        let run = onewindow(args);
        assert_eq!(run.code, 2, "{args:?}");
        assert!(run.stdout.is_empty(), "{args:?}");
        assert!(run.stderr.contains(words), "{args:?}: {}", run.stderr);
    }
}

// ----- index

/// The index whose entry is `entry`, with every part in `search/` beside it.
fn read_index(entry: &Path) -> (IndexFiles, SearchIndex) {
    let dir = entry.parent().unwrap();
    let mut parts: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir.join("search"))
        .unwrap()
        .map(|f| f.unwrap().path())
        .map(|p| {
            (
                format!("search/{}", p.file_name().unwrap().to_string_lossy()),
                std::fs::read(&p).unwrap(),
            )
        })
        .collect();
    parts.sort();
    let files = IndexFiles { entry: std::fs::read(entry).unwrap(), parts };
    let index = SearchIndex::from_files(&files).unwrap();
    (files, index)
}

#[test]
fn index_builds_the_shipped_catalogs_index_with_pinyin() {
    let dir = TempDir::new("index");
    let out = dir.path("catalog.index");
    let run = onewindow(&["index", &s(&forms().join("catalog.json")), "-o", &out]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    let catalog: Value =
        serde_json::from_str(&std::fs::read_to_string(forms().join("catalog.json")).unwrap())
            .unwrap();
    let services = catalog["services"].as_array().unwrap().len();
    assert!(
        run.stdout.starts_with(&format!("wrote {out}: {services} services, "))
            && run.stdout.contains(&format!("parts in {}: the names part (", dir.path("search")))
            && run.stdout.contains(&format!("{services} fragments ("))
            && run.stdout.trim_end().ends_with("with pinyin"),
        "{}",
        run.stdout
    );
    let (files, index) = read_index(Path::new(&out));
    assert_eq!(index.len(), services);
    assert!(index.has_pinyin());
    assert_eq!(index.search("jzz", "zh-CN", 1).hits[0].service, "residence-permit");
    // Every file written is a part the entry names (from_files reads them all).
    assert_eq!(
        files.parts.len(),
        SearchIndex::build_files(&shipped_catalog(), &shipped_guides()).parts.len()
    );
}

fn shipped_catalog() -> onewindow_engine::Catalog {
    serde_json::from_str(&std::fs::read_to_string(forms().join("catalog.json")).unwrap()).unwrap()
}

fn shipped_guides() -> Vec<onewindow_engine::Guide> {
    shipped_catalog()
        .services
        .iter()
        .filter_map(|s| s.guide.as_ref())
        .map(|g| serde_json::from_str(&std::fs::read_to_string(forms().join(g)).unwrap()).unwrap())
        .collect()
}

/// The shipped catalog's index is committed (the receiver serves `forms/` as it is, and the app
/// fetches `forms/catalog.index` and the parts in `forms/search/`), so it must be what
/// `onewindow index` builds now. Regenerate with
/// `UPDATE_INDEX=1 cargo test -p onewindow-cli --test cli committed` (or `scripts/build.sh`,
/// which rebuilds it).
#[test]
fn the_committed_catalog_index_is_up_to_date() {
    let committed_path = forms().join("catalog.index");
    if std::env::var_os("UPDATE_INDEX").is_some() {
        let run =
            onewindow(&["index", &s(&forms().join("catalog.json")), "-o", &s(&committed_path)]);
        assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    }
    let dir = TempDir::new("index-committed");
    let fresh = dir.path("catalog.index");
    let run = onewindow(&["index", &s(&forms().join("catalog.json")), "-o", &fresh]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    let listing = |entry: &Path| -> Vec<(String, Vec<u8>)> {
        let mut files =
            vec![("catalog.index".to_string(), std::fs::read(entry).unwrap_or_default())];
        if let Ok(parts) = std::fs::read_dir(entry.parent().unwrap().join("search")) {
            for p in parts.map(|f| f.unwrap().path()) {
                files.push((
                    p.file_name().unwrap().to_string_lossy().into_owned(),
                    std::fs::read(&p).unwrap(),
                ));
            }
        }
        files.sort();
        files
    };
    assert!(
        listing(&committed_path) == listing(Path::new(&fresh)),
        "{} and {} are stale: run UPDATE_INDEX=1 cargo test -p onewindow-cli --test cli committed (or onewindow index forms/catalog.json)",
        committed_path.display(),
        forms().join("search").display()
    );
}

#[test]
fn index_writes_next_to_the_catalog_by_default() {
    let dir = TempDir::new("index-default");
    // A catalog whose services only name forms: no guides to read.
    let minimal = r#"{"schema_version":1,"locales":["en"],"categories":[{"id":"c","title":"C"}],"life_events":[],
      "services":[{"id":"s","title":"Get a fishing licence","summary":"Fish.","department":"Rivers","category":"c","audience":["person"],"form":"s"}]}"#;
    let catalog = dir.write("catalog.json", minimal);
    let run = onewindow(&["index", &s(&catalog)]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    let (_, index) = read_index(Path::new(&dir.path("catalog.index")));
    assert_eq!(index.search("fishng", "en", 1).hits[0].service, "s");
}

#[test]
fn index_writes_the_same_files_every_time_and_removes_stale_parts() {
    let dir = TempDir::new("index-again");
    let catalog_json = std::fs::read_to_string(forms().join("catalog.json")).unwrap();
    let guides = forms().join("guides");
    for guide in std::fs::read_dir(&guides).unwrap().map(|f| f.unwrap().path()) {
        dir.write(
            &format!("guides/{}", guide.file_name().unwrap().to_string_lossy()),
            std::fs::read_to_string(&guide).unwrap(),
        );
    }
    let catalog = dir.write("catalog.json", &catalog_json);
    let entry = dir.path("catalog.index");
    let run = onewindow(&["index", &s(&catalog)]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    let (first, _) = read_index(Path::new(&entry));
    // Stale parts of an earlier build go; other files stay.
    dir.write("search/chunk-0123456789abcdef.idx", "old");
    dir.write("search/frag-0123456789abcdef-3.idx", "old");
    dir.write("search/notes.txt", "mine");
    let run = onewindow(&["index", &s(&catalog), "-o", &entry]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert!(!Path::new(&dir.path("search/chunk-0123456789abcdef.idx")).exists());
    assert!(!Path::new(&dir.path("search/frag-0123456789abcdef-3.idx")).exists());
    std::fs::remove_file(dir.path("search/notes.txt")).unwrap();
    let (again, _) = read_index(Path::new(&entry));
    assert_eq!(again, first, "the same catalog, the same files");
    // A changed summary: new fragments (all renamed) and chunks; the old ones are gone.
    let changed = catalog_json.replacen("。", "，并请预约。", 1);
    assert_ne!(changed, catalog_json);
    dir.write("catalog.json", &changed);
    let run = onewindow(&["index", &s(&catalog)]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    let (after, _) = read_index(Path::new(&entry));
    assert_ne!(after.entry, first.entry);
    assert_eq!(after.parts.len(), first.parts.len());
    let names = |f: &IndexFiles| f.parts.iter().map(|(p, _)| p.clone()).collect::<Vec<_>>();
    assert!(names(&after).iter().all(|p| !names(&first).contains(p) || !p.contains("/frag-")));
}

#[test]
fn index_reports_bad_catalogs_and_guides_by_file_and_pointer_and_writes_nothing() {
    let dir = TempDir::new("index-bad");
    dir.write("not-json.json", "{");
    dir.write("guides/broken.json", r#"{"schema_version": 1, "service": "b", "locales": "en"}"#);
    dir.write(
        "guides/other.json",
        std::fs::read_to_string(forms().join("guides/passport.json")).unwrap(),
    );
    let bad = r#"{"schema_version":1,"locales":["en"],"categories":[{"id":"c","title":"C"}],"life_events":[],
      "services":[
        {"id":"a","title":"A","summary":"A.","department":"D","category":"nope","audience":["person"],"guide":"guides/missing.json"},
        {"id":"b","title":"B","summary":"B.","department":"D","category":"c","audience":["person"],"guide":"guides/broken.json"},
        {"id":"c","title":"C","summary":"C.","department":"D","category":"c","audience":["person"],"guide":"guides/other.json"}]}"#;
    let catalog = dir.write("catalog.json", bad);
    let run = onewindow(&["index", &s(&catalog)]);
    assert_eq!(run.code, 1, "{}{}", run.stdout, run.stderr);
    let expected = [
        (
            dir.path("catalog.json"),
            "/services/0/category",
            "category \"nope\" is not in /categories",
        ),
        (
            dir.path("catalog.json"),
            "/services/0/guide",
            "there is no guides/missing.json next to the catalog",
        ),
        (
            dir.path("guides/broken.json"),
            "/locales",
            "invalid type: string \"en\", expected a sequence",
        ),
        (
            dir.path("guides/other.json"),
            "/service",
            "the guide is for \"passport\" but the catalog links it from \"c\"",
        ),
    ];
    for (file, pointer, words) in &expected {
        let prefix = format!("{file}:{pointer}: error: ");
        assert!(
            run.stdout.lines().any(|l| l.starts_with(&prefix) && l.contains(words)),
            "no {prefix:?} {words:?} in:\n{}",
            run.stdout
        );
    }
    assert!(
        run.stdout.ends_with("no index written: 4 errors (fix them, or see `onewindow lint`)\n"),
        "{}",
        run.stdout
    );
    assert!(!Path::new(&dir.path("catalog.index")).exists());
    let run = onewindow(&["index", &dir.path("not-json.json"), "-o", &dir.path("x.index")]);
    assert_eq!(run.code, 1);
    assert!(
        run.stdout.starts_with(&format!(
            "{}:/: error: the file is not valid JSON",
            dir.path("not-json.json")
        )),
        "{}",
        run.stdout
    );
    assert!(!Path::new(&dir.path("x.index")).exists());
}

#[test]
fn index_usage_and_file_errors_exit_2() {
    let dir = TempDir::new("index-usage");
    for (args, words) in [
        (vec!["index".to_string()], "index needs the catalog"),
        (vec!["index".into(), "a.json".into(), "b.json".into()], "one catalog"),
        (vec!["index".into(), "x.json".into(), "--nope".into()], "unknown option --nope"),
        (vec!["index".into(), dir.path("missing.json")], "no such file or directory"),
        (vec!["index".into(), "x.json".into(), "-o".into(), "-".into()], "not -o -"),
        (
            vec![
                "index".into(),
                s(&forms().join("catalog.json")),
                "-o".into(),
                dir.path("no/such/dir/catalog.index"),
            ],
            "no such file or directory",
        ),
    ] {
        let run = onewindow(&args);
        assert_eq!(run.code, 2, "{args:?}: {}{}", run.stdout, run.stderr);
        assert!(run.stderr.contains(words), "{args:?}: {}", run.stderr);
    }
}

// ----- help, version

#[test]
fn help_and_version() {
    let run = onewindow(&["--help"]);
    assert_eq!(run.code, 0);
    for words in [
        "lint <files or dirs>",
        "schema [form|dictionary]",
        "explain <form.json>",
        "new form",
        "index <catalog.json>",
        "preview <file.json>",
        "new guide [--service ID]",
        "new catalog [--service ID]",
        "Exit codes",
    ] {
        assert!(run.stdout.contains(words), "{words}:\n{}", run.stdout);
    }
    let run = onewindow(&["explain", "--help"]);
    assert_eq!(run.code, 0);
    assert!(run.stdout.starts_with("Usage: onewindow explain <form.json>"), "{}", run.stdout);
    let run = onewindow(&["preview", "--help"]);
    assert_eq!(run.code, 0);
    assert!(run.stdout.starts_with("Usage: onewindow preview <file.json>"), "{}", run.stdout);
    assert!(run.stdout.contains("Ctrl-C"), "{}", run.stdout);
    let run = onewindow(&["--version"]);
    assert_eq!(run.code, 0);
    assert_eq!(
        run.stdout,
        format!("onewindow {} (onewindow-cli; definition format v1)\n", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn package_prints_what_the_browser_would_send_and_an_outbox_entry() {
    let dir = TempDir::new("package");
    let answers = dir.write("answers.json", r#"{"full_name": "Applicant One", "id_number": "11010519491231002X",
        "residence_address": {"province": "350000", "province_name": "福建省", "city": "350200", "city_name": "厦门市",
        "district": "350203", "district_name": "思明区", "street": "湖滨南路100号"},
        "housing": "own", "moved_in": {"day": "1", "month": "3", "year": "2026"}, "mobile": "13812345678"}"#);
    let form = s(&forms().join("residence-registration.json"));
    let key = "3f2b8c1e-9d4a-4f6b-8e2d-1a7c5b9e0f34";
    let run = onewindow(&[
        "package",
        &form,
        "--answers",
        &s(&answers),
        "--key",
        key,
        "--created",
        "2026-11-27T10:00:00Z",
        "--today",
        "2026-11-27",
    ]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    let package: Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(
        (package["idempotency_key"].as_str(), package["form_id"].as_str()),
        (Some(key), Some("residence-registration"))
    );
    assert_eq!(package["checksum"].as_str().unwrap().len(), 64);

    // Without --key: a fresh UUID v4 each time.
    let a: Value =
        serde_json::from_str(&onewindow(&["package", &form, "--answers", &s(&answers)]).stdout)
            .unwrap();
    let b: Value =
        serde_json::from_str(&onewindow(&["package", &form, "--answers", &s(&answers)]).stdout)
            .unwrap();
    let key_a = a["idempotency_key"].as_str().unwrap();
    assert_ne!(key_a, b["idempotency_key"].as_str().unwrap());
    assert_eq!((key_a.len(), &key_a[14..15]), (36, "4"));

    let run = onewindow(&[
        "package",
        &form,
        "--answers",
        &s(&answers),
        "--entry",
        "--submission",
        r#"{"url": "http://backend.example/x", "timeout_ms": 1500}"#,
    ]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    let entry: Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(entry["settings"]["timeout_ms"], 1500);
    assert_eq!(entry["request"]["url"], "http://backend.example/x");
    assert_eq!(entry["request"]["body"]["kind"], "json");
    assert_eq!(entry["next_attempt_ms"], 0);

    let bad = onewindow(&[
        "package",
        &form,
        "--answers",
        &s(&answers),
        "--entry",
        "--submission",
        r#"{"endpoint": "x"}"#,
    ]);
    assert_eq!(bad.code, 2);
    assert!(bad.stderr.contains("endpoint"), "{}", bad.stderr);
}

#[test]
fn package_of_incomplete_answers_lists_what_is_missing_and_exits_1() {
    let dir = TempDir::new("incomplete");
    let answers = dir.write("answers.json", r#"{"full_name": "Applicant One", "mobile": "123"}"#);
    let run = onewindow(&[
        "package",
        &s(&forms().join("residence-registration.json")),
        "--answers",
        &s(&answers),
        "--locale",
        "en",
    ]);
    assert_eq!(run.code, 1);
    assert!(run.stdout.contains("id-number: id_number: Enter your ID number"), "{}", run.stdout);
    assert!(run.stdout.contains("mobile: mobile: "), "{}", run.stdout);
    let missing = onewindow(&["package", &s(&forms().join("residence-registration.json"))]);
    assert_eq!(missing.code, 2);
}

// ----- test

#[test]
fn test_runs_every_shipped_example_and_prints_a_table() {
    let run = onewindow(&["test", &s(&forms())]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert!(
        lines[0].starts_with("examples file") && lines[0].ends_with("examples  passed  failed")
    );
    // One row per shipped form, each with every example passed.
    let rows: Vec<&str> = lines.iter().copied().filter(|l| l.contains(".examples.json")).collect();
    assert_eq!(rows.len(), 6, "{}", run.stdout);
    for row in &rows {
        let numbers: Vec<usize> =
            row.split_whitespace().skip(1).map(|n| n.parse().unwrap()).collect();
        assert!(numbers[0] > 0 && numbers[0] == numbers[1] && numbers[2] == 0, "{row}");
    }
    assert!(run.stdout.trim_end().ends_with("0 failed; all pass"), "{}", run.stdout);

    // A form given by name runs the examples beside it.
    let run = onewindow(&["test", &s(&forms().join("residence-permit-check.json"))]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert!(run.stdout.contains("residence-permit-check.examples.json"), "{}", run.stdout);
}

#[test]
fn test_fails_on_an_example_the_form_does_not_match_and_says_how() {
    let dir = TempDir::new("examples");
    let copy = |name: &str| std::fs::read_to_string(forms().join(name)).unwrap();
    dir.write("residence-permit-check.json", copy("residence-permit-check.json"));
    dir.write("guides/residence-permit.json", copy("guides/residence-permit.json"));
    let mut examples: Value =
        serde_json::from_str(&copy("residence-permit-check.examples.json")).unwrap();
    let first = &mut examples["examples"][0]["expect"];
    first["end"] = Value::from("outcome:nowhere");
    let name = examples["examples"][0]["name"].as_str().unwrap().to_string();
    dir.write("residence-permit-check.examples.json", examples.to_string());
    let run = onewindow(&["test", &s(&dir.0)]);
    assert_eq!(run.code, 1, "{}{}", run.stdout, run.stderr);
    assert!(run.stdout.contains("FAILED"), "{}", run.stdout);
    assert!(
        run.stdout.contains(&format!("— \"{name}\"\n    end:\n      expected \"outcome:nowhere\"")),
        "{}",
        run.stdout
    );
    assert!(run.stdout.trim_end().ends_with("1 failed; 1 file with failures"), "{}", run.stdout);
    // --json says the same.
    let run = onewindow(&["test", &s(&dir.0), "--json"]);
    assert_eq!(run.code, 1);
    let report: Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(report[0]["failed"], 1);
    assert_eq!(report[0]["results"][0]["mismatches"][0]["what"], "end");

    // Without its guide, the checklist an assistant's examples expect cannot be compared.
    std::fs::remove_dir_all(dir.0.join("guides")).unwrap();
    let run = onewindow(&["test", &s(&dir.0)]);
    assert!(run.stdout.contains("a guide whose assistant is this form"), "{}", run.stdout);

    // An examples file that does not fit the format: its pointer, and exit 1.
    dir.write(
        "residence-permit-check.examples.json",
        r#"{"form": "residence-permit-check", "today": "2026-02-30", "examples": []}"#,
    );
    let run = onewindow(&["test", &s(&dir.0)]);
    assert_eq!(run.code, 1, "{}", run.stdout);
    assert!(
        run.stdout.contains("residence-permit-check.examples.json:/today: error"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("residence-permit-check.examples.json:/examples: error"),
        "{}",
        run.stdout
    );
    // Lint checks the same shape when given the file.
    let run = onewindow(&["lint", &dir.path("residence-permit-check.examples.json")]);
    assert_eq!(run.code, 1, "{}", run.stdout);
    assert!(run.stdout.contains(":/today: error"), "{}", run.stdout);

    // A form without examples, given by name, is a usage problem naming the file to write.
    let run = onewindow(&["test", &dir.path("residence-permit-check.json")]);
    std::fs::remove_file(dir.0.join("residence-permit-check.examples.json")).unwrap();
    let run2 = onewindow(&["test", &dir.path("residence-permit-check.json")]);
    assert_eq!(run.code, 1);
    assert_eq!(run2.code, 2, "{}{}", run2.stdout, run2.stderr);
    assert!(run2.stderr.contains("residence-permit-check.examples.json"), "{}", run2.stderr);
}
