//! Loading reports every problem with the JSON pointer of the value at fault.

use onewindow_engine::{load_form, Diagnostic};

/// Loads `json` and returns its problems as `pointer: severity: message` lines.
fn check(json: &str) -> Vec<String> {
    load_form(json).1.iter().map(Diagnostic::to_string).collect()
}

#[test]
fn a_wrong_type_names_its_json_pointer() {
    let problems = check(
        r#"{"schema_version":1,"id":"f","version":"1","title":"T","locales":["en"],
           "pages":[{"id":"p","fields":[{"id":"a","label":"A","type":"text","max_length":"ten"}]}]}"#,
    );
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].starts_with("/pages/0/fields/0: error: "), "{problems:?}");
}

#[test]
fn an_unknown_field_type_is_named() {
    let problems = check(
        r#"{"schema_version":1,"id":"f","version":"1","title":"T","locales":["en"],
           "pages":[{"id":"p","fields":[{"id":"a","label":"A","type":"telepathy"}]}]}"#,
    );
    assert!(problems[0].starts_with("/pages/0/fields/0: error: unknown variant `telepathy`"), "{problems:?}");
}

#[test]
fn broken_json_is_reported_not_panicked() {
    let problems = check(r#"{"schema_version":1,"id":"#);
    assert_eq!(problems.len(), 1);
    assert!(problems[0].contains("not valid JSON"), "{problems:?}");
}

#[test]
fn every_lint_problem_is_reported_at_once() {
    let problems = check(
        r#"{"schema_version":2,"id":"f","version":"1","title":{"en":"T"},"locales":["en","zh-CN"],
           "pages":[{"id":"p","fields":[{"id":"a","label":{"en":"A","zh-CN":"甲"},"type":"text"},
                                        {"id":"a","label":{"en":"A2","zh-CN":"乙"},"type":"text","max_length":0}]},
                    {"id":"p","fields":[]}]}"#,
    );
    assert_eq!(
        problems,
        vec![
            "/schema_version: error: schema_version 2 is not supported; this engine reads 1",
            "/title/zh-CN: error: missing the zh-CN translation (the form declares locale zh-CN)",
            "/pages/0/fields/1/id: error: field id \"a\" is already used at /pages/0/fields/0/id",
            "/pages/0/fields/1/max_length: error: max_length must be at least 1",
            "/pages/1/id: error: page id \"p\" is already used at /pages/0/id",
            "/pages/1/fields: error: a page needs at least one field",
        ]
    );
}
