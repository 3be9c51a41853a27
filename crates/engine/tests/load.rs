//! Loading reports every problem at once, each with the JSON pointer of the value at fault.

use onewindow_engine::formats::Date;
use onewindow_engine::{load_form, Diagnostic};
use serde_json::{json, Value};

/// Loads `form` and returns its problems as `pointer: severity: message` lines.
fn check(form: Value) -> Vec<String> {
    load_form(&form.to_string(), Date::new(2026, 11, 27).unwrap())
        .1
        .iter()
        .map(Diagnostic::to_string)
        .collect()
}

/// A valid one-locale form with the given pages.
fn form(pages: Value) -> Value {
    json!({"schema_version": 1, "id": "f", "version": "1", "title": "T", "locales": ["en"], "pages": pages})
}

fn text(id: &str) -> Value {
    json!({"id": id, "type": "text", "label": id})
}

#[test]
fn a_valid_form_has_no_problems() {
    assert_eq!(check(form(json!([{"id": "p", "fields": [text("a")]}]))), Vec::<String>::new());
}

#[test]
fn a_wrong_type_names_its_json_pointer() {
    let problems = check(form(
        json!([{"id": "p", "fields": [{"id": "a", "label": "A", "type": "text", "max_length": "ten"}]}]),
    ));
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0]
            .starts_with("/pages/0/fields/0/max_length: error: invalid type: string \"ten\""),
        "{problems:?}"
    );
}

#[test]
fn an_unknown_field_type_is_named() {
    let problems = check(form(
        json!([{"id": "p", "fields": [{"id": "a", "label": "A", "type": "telepathy"}]}]),
    ));
    assert!(
        problems[0].starts_with("/pages/0/fields/0/type: error: unknown variant `telepathy`"),
        "{problems:?}"
    );
}

/// A question is read by hand (one flat object whose `type` picks its keys): each way its keys
/// can be wrong is reported at the key, with the keys its type does take.
#[test]
fn a_question_s_keys_are_checked_against_its_type_wherever_the_type_comes() {
    // Keys in the order written (`json!` would sort them).
    let one = |field: &str| {
        let json = format!(
            r#"{{"schema_version": 1, "id": "f", "version": "1", "title": "T", "locales": ["en"], "pages": [{{"id": "p", "fields": [{field}]}}]}}"#
        );
        let problems: Vec<String> = load_form(&json, Date::new(2026, 11, 27).unwrap())
            .1
            .iter()
            .map(Diagnostic::to_string)
            .collect();
        assert_eq!(problems.len(), 1, "{problems:?}");
        problems[0].clone()
    };
    // A key of another type, after and before `type`.
    let after = one(r#"{"id": "a", "label": "A", "type": "email", "max_length": 3}"#);
    assert!(
        after.starts_with("/pages/0/fields/0/max_length: error: unknown field `max_length` for a question of type `email`, which takes only the keys every question has"),
        "{after}"
    );
    let before = one(r#"{"id": "a", "label": "A", "options": [], "type": "date", "hint": "H"}"#);
    assert!(before.starts_with("/pages/0/fields/0/type: error: unknown field `options` for a question of type `date`, which takes `not_before`, `not_after`, `before`, `after`, `min_age`, `max_age` and `months_before_today` besides"), "{before}");
    // A key no question takes, before the type is known: serde's list of every key; after it,
    // the type's own keys.
    let unknown = one(r#"{"id": "a", "lable": "A", "type": "text"}"#);
    assert!(
        unknown.starts_with("/pages/0/fields/0/lable: error: unknown field `lable`, expected one of `type`, `id`, `label`"),
        "{unknown}"
    );
    let unknown = one(r#"{"id": "a", "type": "radios", "label": "A", "option": []}"#);
    assert!(
        unknown.starts_with("/pages/0/fields/0/option: error: unknown field `option` for a question of type `radios`, which takes `options` besides"),
        "{unknown}"
    );
    let unknown_type = one(r#"{"id": "a", "type": "telepathy", "label": "A"}"#);
    assert!(
        unknown_type.starts_with("/pages/0/fields/0/type: error: unknown variant `telepathy`"),
        "{unknown_type}"
    );
    // What a type needs.
    let missing = one(r#"{"id": "a", "label": "A", "type": "money"}"#);
    assert!(missing.starts_with("/pages/0/fields/0: error: missing field `currency`"), "{missing}");
    let no_type = one(r#"{"id": "a", "label": "A"}"#);
    assert!(no_type.starts_with("/pages/0/fields/0: error: missing field `type`"), "{no_type}");
    let no_label = one(r#"{"id": "a", "type": "email"}"#);
    assert!(no_label.starts_with("/pages/0/fields/0: error: missing field `label`"), "{no_label}");
    // An integer question's limits are whole numbers; a number question's need not be.
    let fraction = one(r#"{"id": "a", "label": "A", "type": "integer", "min": 1.5}"#);
    assert!(fraction.contains("invalid value: 1.5, expected a whole number"), "{fraction}");
    assert_eq!(
        check(form(
            json!([{"id": "p", "fields": [{"id": "a", "label": "A", "type": "number", "min": 1.5, "max": 3}]}])
        )),
        Vec::<String>::new()
    );
    // A key twice.
    let twice = one(r#"{"id": "a", "label": "A", "type": "text", "label": "B"}"#);
    assert!(twice.contains("duplicate field `label`"), "{twice}");
}

/// Every shipped form reads back to itself from what it writes: the hand-written reader and
/// the derived writer agree on every kind of question the forms use.
#[test]
fn every_shipped_form_reads_back_what_it_writes() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../forms");
    let mut read = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        if !name.ends_with(".json") || name.contains('.') && name.matches('.').count() > 1 {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let Ok(value) = serde_json::from_str::<Value>(&text) else { continue };
        if value.get("pages").is_none() {
            continue;
        }
        let (model, problems) = load_form(&text, Date::new(2026, 11, 27).unwrap());
        let model = model.unwrap_or_else(|| panic!("{name}: {problems:?}"));
        let written = serde_json::to_string(model.form()).unwrap();
        let (again, problems) = load_form(&written, Date::new(2026, 11, 27).unwrap());
        assert_eq!(
            again.map(|m| m.form().clone()).as_ref(),
            Some(model.form()),
            "{name}: {problems:?}"
        );
        read += 1;
    }
    assert!(read >= 5, "only {read} forms read");
}

#[test]
fn a_misspelt_setting_is_reported() {
    let problems = check(form(
        json!([{"id": "p", "fields": [{"id": "a", "label": "A", "type": "text", "max_lenght": 3}]}]),
    ));
    assert!(problems[0].contains("max_lenght"), "{problems:?}");
}

#[test]
fn the_pointer_is_found_across_lines_escapes_and_punctuation_inside_strings() {
    // Written by hand, as departments do: several lines, brackets and commas inside strings,
    // an escaped quote, a key that needs escaping in a pointer.
    let json = r#"{
  "schema_version": 1, "id": "f", "version": "1", "title": {"en": "A [form], {really}"},
  "locales": ["en"],
  "pages": [
    {"id": "p", "fields": [{"id": "a", "label": "say \"hi\", then ]", "type": "text"}]},
    {"id": "q", "title": {"zh-CN": "问", "en": ["Q"]}, "fields": [
      {"id": "b", "type": "radios", "label": "B", "options": [{"value": "x", "label": "X"}]}
    ]}
  ]
}"#;
    let (_, problems) = load_form(json, Date::new(2026, 11, 27).unwrap());
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].pointer, "/pages/1/title/en", "{problems:?}");
    assert!(problems[0].message.contains("expected a string"), "{problems:?}");
    let wrong_text = json.replace(r#"{"en": "A [form], {really}"}"#, "7");
    let (_, problems) = load_form(&wrong_text, Date::new(2026, 11, 27).unwrap());
    assert_eq!(problems[0].pointer, "/title", "{problems:?}");
    assert!(
        problems[0]
            .message
            .contains("expected a text: a string, or an object of strings by locale"),
        "{problems:?}"
    );

    let json = r#"{"schema_version": 1, "id": "f", "version": "1", "title": "T", "locales": ["en"],
      "pages": [{"id": "p", "fields": [{"id": "a", "type": "text", "label": "A", "messages": {"a/b~c": 5}}]}]}"#;
    let (_, problems) = load_form(json, Date::new(2026, 11, 27).unwrap());
    assert_eq!(problems[0].pointer, "/pages/0/fields/0/messages/a~1b~0c", "{problems:?}");
}

#[test]
fn broken_json_is_reported_not_panicked() {
    let (model, problems) =
        load_form(r#"{"schema_version":1,"id":"#, Date::new(2026, 1, 1).unwrap());
    assert!(model.is_none());
    assert_eq!(problems.len(), 1);
    assert!(problems[0].message.contains("not valid JSON"), "{problems:?}");
}

#[test]
fn every_lint_problem_is_reported_at_once() {
    let problems = check(json!({
        "schema_version": 2, "id": "f", "version": "1", "title": {"en": "T"}, "locales": ["en", "zh-CN"],
        "pages": [
            {"id": "p", "fields": [
                {"id": "a", "label": {"en": "A", "zh-CN": "甲"}, "type": "text", "pattern": "([a-z]"},
                {"id": "a", "label": {"en": "A2", "zh-CN": "乙"}, "type": "text", "max_length": 0},
                {"id": "r", "label": {"en": "R", "zh-CN": "丙"}, "type": "radios", "options": []}
            ]},
            {"id": "p", "fields": []}
        ]
    }));
    assert_eq!(
        problems,
        vec![
            "/schema_version: error: schema_version 2 is not supported; this engine reads 1",
            "/title/zh-CN: error: missing the zh-CN translation (the form declares locale zh-CN)",
            "/pages/0/fields/0/pattern: error: the pattern is not a valid regular expression: found open group without closing ')'",
            "/pages/0/fields/1/id: error: field id \"a\" is already used at /pages/0/fields/0/id",
            "/pages/0/fields/1/max_length: error: max_length must be at least 1",
            "/pages/0/fields/2/options: error: the option list is empty",
            "/pages/1/id: error: page id \"p\" is already used at /pages/0/id",
            "/pages/1/fields: error: a page needs at least one field",
        ]
    );
}

#[test]
fn expressions_may_only_read_earlier_known_questions() {
    let mut later = text("b");
    later["visible_if"] = json!({"==": [{"var": "c"}, "x"]});
    let mut unknown = text("a");
    unknown["visible_if"] = json!({"==": [{"var": "nobody"}, 1]});
    let problems = check(form(json!([{"id": "p", "fields": [unknown, later, text("c")]}])));
    assert_eq!(
        problems,
        vec![
            "/pages/0/fields/0/visible_if: error: the expression refers to \"nobody\", which is not a question in this form",
            "/pages/0/fields/1/visible_if: error: \"b\" refers to \"c\" (/pages/0/fields/2), which is asked later; conditions and computed values may only use earlier answers",
        ]
    );
}

#[test]
fn bad_json_logic_is_reported() {
    let mut field = text("a");
    field["visible_if"] = json!({"no_such_operator": [1]});
    let problems = check(form(json!([{"id": "p", "fields": [field]}])));
    assert_eq!(
        problems,
        vec!["/pages/0/fields/0/visible_if: error: unknown operator \"no_such_operator\""]
    );
}

#[test]
fn computed_values_in_a_cycle_are_an_error() {
    let a = json!({"id": "a", "type": "computed", "label": "A", "expression": {"+": [{"var": "b"}, 1]}});
    let b = json!({"id": "b", "type": "computed", "label": "B", "expression": {"+": [{"var": "a"}, 1]}});
    let problems = check(form(json!([{"id": "p", "fields": [a, b]}])));
    assert!(
        problems.contains(
            &"/pages/0/fields/0/expression: error: computed values form a cycle: a → b → a"
                .to_string()
        ),
        "{problems:?}"
    );
}

#[test]
fn routes_only_jump_forward_and_every_page_is_reachable() {
    let problems = check(form(json!([
        {"id": "one", "fields": [text("a")], "next": [{"goto": "three"}]},
        {"id": "two", "fields": [text("b")]},
        {"id": "three", "fields": [text("c")], "next": [{"if": {"var": "c"}, "goto": "one"}, {"goto": "outcome:nowhere"}]}
    ])));
    assert_eq!(
        problems,
        vec![
            "/pages/2/next/0/goto: error: routing cycle: \"one\" does not come after this page; routes may only jump forward",
            "/pages/2/next/1/goto: error: there is no outcome \"nowhere\" in /outcomes",
            "/pages/1: error: page \"two\" cannot be reached: every route before it jumps past it",
        ]
    );
}

#[test]
fn rules_must_name_a_question_and_a_translation_per_locale() {
    let mut definition = form(json!([{"id": "p", "fields": [text("a")]}]));
    definition["rules"] = json!([{"id": "r", "assert": {"!=": [{"var": "a"}, "x"]}, "field": "zzz", "message": "No"}]);
    assert_eq!(
        check(definition),
        vec!["/rules/0/field: error: there is no question \"zzz\" to show this rule at"]
    );
}

#[test]
fn choices_need_distinct_values_and_a_real_none_option() {
    let field = json!({"id": "c", "type": "checkboxes", "label": "C", "exclusive": "none",
        "options": [{"value": "x", "label": "X"}, {"value": "x", "label": "Y"}]});
    assert_eq!(
        check(form(json!([{"id": "p", "fields": [field]}]))),
        vec![
            "/pages/0/fields/0/options/1/value: error: option value \"x\" appears twice",
            "/pages/0/fields/0/exclusive: error: \"none\" is not one of the options",
        ]
    );
}

#[test]
fn garbage_never_panics() {
    // Shapes that have broken other engines: wrong types everywhere, deep nesting, odd text.
    let inputs = [
        "",
        "null",
        "[]",
        "{}",
        "\"x\"",
        "{\"pages\": 5}",
        "{\"schema_version\": -1}",
        &"[".repeat(10_000),
        &format!("{}{}", "{\"a\":".repeat(200), "1".to_string() + &"}".repeat(200)),
    ];
    for input in inputs {
        let (_, problems) = load_form(input, Date::new(2026, 1, 1).unwrap());
        assert!(!problems.is_empty(), "{input:.40}");
    }
}

/// An outcome's action is read by hand too: each kind takes its own keys.
#[test]
fn an_outcome_s_action_takes_the_keys_of_its_kind() {
    let problems = |action: Value| {
        let mut definition =
            form(json!([{"id": "p", "fields": [text("a")], "next": [{"goto": "outcome:done"}]}]));
        definition["outcomes"] =
            json!([{"id": "done", "title": "T", "body": "B", "action": action}]);
        check(definition)
    };
    assert_eq!(problems(json!({"kind": "not_eligible"})), Vec::<String>::new());
    assert_eq!(problems(json!({"kind": "offline_only"})), Vec::<String>::new());
    for (action, expected) in [
        (json!({"kind": "not_eligible", "form": "x"}), "unknown field `form`, expected `kind`"),
        (json!({"kind": "service"}), "missing field `service`"),
        (json!({"kind": "start_form", "service": "x", "form": "f"}), "unknown field `service`"),
        (json!({"kind": "leave"}), "unknown variant `leave`"),
        (json!({"form": "f"}), "missing field `kind`"),
        (json!({"kind": "service", "service": "s", "colour": 1}), "unknown field `colour`"),
    ] {
        let found = problems(action.clone());
        assert!(
            found.len() == 1
                && found[0].starts_with("/outcomes/0/action")
                && found[0].contains(expected),
            "{action}: {found:?}"
        );
    }
}

/// A definition is a public file: a header that looks like a credential gets a warning (the
/// form still loads), one onewindow sets itself an error.
#[test]
fn a_submission_header_that_looks_like_a_secret_is_warned_about() {
    let mut definition = form(json!([{"id": "p", "fields": [text("a")]}]));
    definition["submission"] = json!({"url": "https://records.example/api", "headers": {
        "X-Api-Key": "k", "Authorization": "Bearer x", "X-CSRF-Token": "t", "X-Auth": "a",
        "X-Form-Channel": "onewindow", "Keep-Alive": "1", "Author": "dept", "Cookie": "c"}});
    let problems = check(definition);
    let warned: Vec<&String> = problems.iter().filter(|p| p.contains(": warning: ")).collect();
    for name in ["X-Api-Key", "Authorization", "X-CSRF-Token", "X-Auth"] {
        assert!(
            warned.iter().any(|p| p.starts_with(&format!(
                "/submission/headers/{name}: warning: the {name} header looks like a credential"
            ))),
            "{name}: {problems:?}"
        );
    }
    assert_eq!(warned.len(), 4, "{problems:?}");
    assert!(
        problems.iter().any(|p| p.starts_with("/submission/headers/Cookie: error:")),
        "{problems:?}"
    );
}

/// Date limits relative to today or to an earlier date answer: `today-3m`, `moved_in+6 months`.
/// Lint accepts them (and refuses an offset it cannot read), and validation moves the base by
/// the offset, clamping to a month's last day.
#[test]
fn a_date_limit_may_be_relative_to_today_or_an_earlier_date() {
    use onewindow_engine::formats::{DateUnit, RelativeDate};
    assert_eq!(
        RelativeDate::parse("today-3m"),
        Some(RelativeDate { base: "today", count: -3, unit: DateUnit::Months })
    );
    assert_eq!(
        RelativeDate::parse("moved-in + 6 months"),
        Some(RelativeDate { base: "moved-in", count: 6, unit: DateUnit::Months })
    );
    assert_eq!(RelativeDate::parse("today+12w").map(|r| r.unit), Some(DateUnit::Weeks));
    assert_eq!(RelativeDate::parse("today-3q"), None);
    assert_eq!(RelativeDate::parse("moved-in"), None);
    let day = |y, m, d| Date::new(y, m, d).unwrap();
    let months = RelativeDate::parse("today+1m").unwrap();
    assert_eq!(months.from(day(2026, 1, 31)), day(2026, 2, 28), "clamped to February's end");
    assert_eq!(RelativeDate::parse("today-1y").unwrap().from(day(2028, 2, 29)), day(2027, 2, 28));
    assert_eq!(RelativeDate::parse("today-30d").unwrap().from(day(2026, 3, 1)), day(2026, 1, 30));

    let date = |id: &str, limits: Value| {
        let mut field = json!({"id": id, "type": "date", "label": id});
        for (k, v) in limits.as_object().unwrap() {
            field[k] = v.clone();
        }
        field
    };
    let definition = form(json!([{"id": "p", "fields": [
        date("moved_in", json!({"before": "today"})),
        date("bill", json!({"not_before": "today-3m", "not_after": "today"})),
        date("renewal", json!({"after": "moved_in+6 months"})),
    ]}]));
    assert_eq!(check(definition.clone()), Vec::<String>::new());
    let (model, _) = load_form(&definition.to_string(), Date::new(2026, 11, 27).unwrap());
    let model = model.unwrap();
    let answers = |bill: (u32, u32, u32), renewal: (u32, u32, u32)| {
        let part = |(d, m, y): (u32, u32, u32)| json!({"day": d.to_string(), "month": m.to_string(), "year": y.to_string()});
        serde_json::from_value::<onewindow_engine::Answers>(json!({
            "moved_in": part((1, 3, 2026)), "bill": part(bill), "renewal": part(renewal)}))
        .unwrap()
    };
    let rules = |a| -> Vec<(String, String)> {
        match model.continue_from(0, &a, "en", false) {
            Ok(_) => vec![],
            Err(errors) => errors.into_iter().map(|e| (e.field, e.rule)).collect(),
        }
    };
    assert_eq!(rules(answers((27, 8, 2026), (2, 9, 2026))), vec![]);
    assert_eq!(
        rules(answers((26, 8, 2026), (1, 9, 2026))),
        vec![("bill".into(), "date_not_before".into()), ("renewal".into(), "date_after".into())]
    );
    let errors =
        model.continue_from(0, &answers((26, 8, 2026), (2, 9, 2026)), "en", false).unwrap_err();
    assert!(
        errors[0].message.contains("27 August 2026"),
        "the worked-out date is named: {}",
        errors[0].message
    );

    let bad =
        form(json!([{"id": "p", "fields": [date("bill", json!({"not_before": "today-3q"}))]}]));
    let problems = check(bad);
    assert!(
        problems[0].starts_with("/pages/0/fields/0/not_before: error: \"today-3q\" is not"),
        "{problems:?}"
    );
}

/// A computed value with `hidden: true` still feeds rules and the package, but is not on check
/// answers (nor, in the app, on its page).
#[test]
fn a_hidden_computed_value_is_kept_but_not_shown() {
    let definition = form(json!([{"id": "p", "fields": [
        {"id": "born", "type": "integer", "label": "Year of birth", "required": true},
        {"id": "age_band", "type": "computed", "label": "Age band", "hidden": true,
         "expression": {"if": [{"<": [{"var": "born"}, 1960]}, "senior", "adult"]}},
        {"id": "shown", "type": "computed", "label": "Shown", "expression": {"cat": ["b", {"var": "born"}]}},
    ]}]));
    assert_eq!(check(definition.clone()), Vec::<String>::new());
    let model = load_form(&definition.to_string(), Date::new(2026, 11, 27).unwrap()).0.unwrap();
    let answers: onewindow_engine::Answers =
        serde_json::from_value(json!({"born": "1950"})).unwrap();
    let evaluation = model.evaluate(&answers);
    let rows: Vec<String> = onewindow_engine::summary(&model, &evaluation, &answers, "en")
        .into_iter()
        .map(|row| row.field)
        .collect();
    assert_eq!(rows, ["born", "shown"]);
    let package = model
        .package(&answers, "en", "2026-11-27T10:00:00Z", "0b7e1f52-3c4d-4a5b-9c6d-7e8f9a0b1c2d")
        .unwrap();
    assert_eq!(package.computed.get("age_band"), Some(&json!("senior")));
    // Only a computed value may be hidden.
    let text_hidden = form(
        json!([{"id": "p", "fields": [{"id": "a", "type": "text", "label": "A", "hidden": true}]}]),
    );
    assert!(check(text_hidden)[0].contains("unknown field `hidden` for a question of type `text`"));
}

/// A checkbox question that asks for more selections than it has options (the exclusive "none"
/// option excluding the rest) could never be answered: lint says so.
#[test]
fn min_selected_beyond_the_options_is_an_error() {
    let checkboxes = |min: u32, exclusive: bool| {
        let options: Vec<Value> =
            ["a", "b", "c", "d", "none"].iter().map(|v| json!({"value": v, "label": v})).collect();
        let mut field = json!({"id": "c", "type": "checkboxes", "label": "C", "min_selected": min,
            "options": options});
        if exclusive {
            field["exclusive"] = json!("none");
        }
        check(form(json!([{"id": "p", "fields": [field]}])))
    };
    assert_eq!(checkboxes(5, false), Vec::<String>::new());
    assert_eq!(checkboxes(4, true), Vec::<String>::new());
    let problems = checkboxes(9, false);
    assert!(problems[0].starts_with("/pages/0/fields/0/min_selected: error: min_selected (9) is more than can be selected together (5 options)"), "{problems:?}");
    assert_eq!(checkboxes(5, true).len(), 1);
}

/// Markdown keeps to the URL policy where it is written: a link the page would drop, or an
/// image from another site, is an error at the text's pointer (per locale).
#[test]
fn markdown_links_and_images_keep_to_the_url_policy() {
    let mut definition = form(json!([{"id": "p", "fields": [
        text("a"),
        {"id": "info", "type": "content", "label": "Info", "body": {"en": "[Read](javascript:alert(1)) ![map](/img/map.png)"}}
    ]}]));
    definition["description"] =
        json!("![pixel](https://tracker.example/p.gif) [ok](https://gov.example/)");
    let problems = check(definition);
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert!(
        problems
            .iter()
            .any(|p| p
                .starts_with("/description: error: the image \"https://tracker.example/p.gif\"")),
        "{problems:?}"
    );
    assert!(
        problems
            .iter()
            .any(|p| p
                .starts_with("/pages/0/fields/1/body/en: error: the link \"javascript:alert(1)\"")),
        "{problems:?}"
    );
}

#[test]
fn keep_on_device_days_is_one_to_365_and_30_by_default() {
    let mut definition = form(json!([{"id": "p", "fields": [text("a")]}]));
    let model = load_form(&definition.to_string(), Date::new(2026, 11, 27).unwrap()).0.unwrap();
    assert_eq!(model.form().keep_on_device_days(), 30);
    definition["keep_on_device_days"] = json!(7);
    let model = load_form(&definition.to_string(), Date::new(2026, 11, 27).unwrap()).0.unwrap();
    assert_eq!(model.form().keep_on_device_days(), 7);
    definition["keep_on_device_days"] = json!(0);
    let problems = check(definition);
    assert!(problems.iter().any(|p| p.starts_with("/keep_on_device_days: error")), "{problems:?}");
}

/// A file with several structural problems reports each one, at the deepest pointer (the
/// option, the key), not only the first; and what used to pass silently is named.
#[test]
fn lint_reports_every_problem_even_after_one_that_stops_the_reading() {
    let broken = form(json!([
        {"id": "p1", "title": "One", "fields": [
            {"id": "a", "type": "texty", "label": "A"},
            {"id": "b", "type": "radios", "label": "B", "options": [{"value": "x", "label": 5}, {"value": "y", "label": "Y"}]},
            {"id": "g", "type": "group", "label": "G", "fields": [{"id": "h", "type": "text", "label": "H", "colour": 1}]}]},
        {"id": "p2", "title": "Two", "fields": [{"id": "d", "type": "text", "label": "D", "max_length": "x"}]}]));
    let mut broken = broken;
    broken["outcomes"] = json!("none");
    broken["colour"] = json!("blue");
    let problems = check(broken);
    let at: Vec<&str> = problems.iter().map(|p| p.split(": ").next().unwrap()).collect();
    for pointer in [
        "/pages/0/fields/0/type",
        "/pages/0/fields/1/options/0/label",
        "/pages/0/fields/2/fields/0/colour",
        "/pages/1/fields/0/max_length",
        "/outcomes",
        "/colour",
    ] {
        assert!(at.contains(&pointer), "{pointer} not in {problems:#?}");
    }
    assert_eq!(problems.len(), 6, "{problems:#?}");

    // Silent no more: a message for a check that does not exist, the current item outside a
    // loop.
    let quiet = form(json!([
        {"id": "p1", "title": "P", "fields": [
            {"id": "a", "type": "text", "label": "A", "messages": {"requried": "Enter A", "format.check_digit": "x"}},
            {"id": "b", "type": "text", "label": "B", "visible_if": {"==": [{"var": ""}, "x"]}},
            {"id": "c", "type": "checkboxes", "label": "C", "options": [{"value": "x", "label": "X"}],
             "visible_if": {"some": [{"var": "a"}, {"==": [{"var": ""}, "x"]}]}}]}]));
    let problems = check(quiet);
    for line in [
        "/pages/0/fields/0/messages/requried: warning: no check is called \"requried\", so this message is never shown: did you mean \"required\"?",
        "/pages/0/fields/1/visible_if: error: {\"var\": \"\"} is the current item",
    ] {
        assert!(problems.iter().any(|p| p.starts_with(line)), "{line}\nnot in {problems:#?}");
    }
    assert_eq!(problems.len(), 2, "{problems:#?}");
}
