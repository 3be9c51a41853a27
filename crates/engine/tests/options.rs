//! An option shown only while its `visible_if` holds: not offered, not accepted, not counted,
//! not sent; lint keeps the condition to earlier answers and to where it works.

use onewindow_engine::{summary, validate_page, Answers};
use serde_json::{json, Value};

mod common;
use common::{answers, load};

/// Who applies, then what for: "a child's passport" only when applying for someone else, and
/// the "disabled parking" checkbox only for someone over 16.
fn form() -> Value {
    json!({"schema_version": 1, "id": "f", "version": "1", "title": "T", "locales": ["en"], "pages": [
        {"id": "who", "fields": [
            {"id": "role", "type": "radios", "label": "Who is it for?", "required": true, "options": [
                {"value": "self", "label": "Me"}, {"value": "other", "label": "Someone else"}]},
            {"id": "age", "type": "integer", "label": "Their age", "required": true}]},
        {"id": "what", "fields": [
            {"id": "service", "type": "radios", "label": "What for?", "required": true, "options": [
                {"value": "adult", "label": "An adult passport"},
                {"value": "child", "label": "A child's passport", "visible_if": {"==": [{"var": "role"}, "other"]}}]},
            {"id": "extras", "type": "checkboxes", "label": "Extras", "options": [
                {"value": "fast", "label": "Fast track"},
                {"value": "parking", "label": "Disabled parking", "visible_if": {">": [{"var": "age"}, 16]}}]},
            {"id": "office", "type": "select", "label": "Office", "options": [
                {"value": "a", "label": "A"},
                {"value": "b", "label": "B", "visible_if": {"==": [{"var": "service"}, "adult"]}}]}]}]})
}

#[test]
fn a_hidden_option_is_not_offered_accepted_counted_or_sent() {
    let (model, problems) = load(&form());
    assert!(problems.is_empty(), "{problems:?}");
    let model = model.unwrap();
    let mine = answers(
        json!({"role": "self", "age": "12", "service": "child", "extras": ["fast", "parking"], "office": "b"}),
    );
    let evaluation = model.evaluate(&mine);
    assert_eq!(evaluation.hidden_options(&model, "service"), ["child"]);
    assert_eq!(evaluation.hidden_options(&model, "extras"), ["parking"]);
    // An option may depend on an earlier question on the same page.
    assert_eq!(evaluation.hidden_options(&model, "office"), ["b"], "service is no answer now");
    assert!(evaluation.hidden_options(&model, "role").is_empty());

    // A choice of a hidden option is no answer: a required question asks for one.
    let errors: Vec<(String, String)> = validate_page(&model, &evaluation, 1, &mine, "en")
        .into_iter()
        .map(|e| (e.field, e.message))
        .collect();
    assert_eq!(errors, [("service".to_string(), "Select your answer to ‘What for?’".to_string())]);
    // Conditions and the package see only what counts.
    assert_eq!(evaluation.value(&model, "service"), None);
    assert_eq!(evaluation.value(&model, "extras"), Some(&json!(["fast"])));
    let sent = evaluation.visible_answers(&model, &mine);
    assert_eq!(sent.get("extras"), Some(&json!(["fast"])));
    assert_eq!(sent.get("service"), None);
    assert_eq!(sent.get("office"), None);
    let rows: Vec<String> =
        summary(&model, &evaluation, &mine, "en").into_iter().map(|r| r.value).collect();
    assert!(
        !rows.iter().any(|v| v.contains("Disabled parking") || v.contains("child")),
        "{rows:?}"
    );

    // For someone else over 16, everything is offered and accepted.
    let theirs = answers(
        json!({"role": "other", "age": "40", "service": "child", "extras": ["fast", "parking"], "office": "a"}),
    );
    let evaluation = model.evaluate(&theirs);
    assert!(evaluation.hidden_options(&model, "service").is_empty());
    assert!(evaluation.hidden_options(&model, "extras").is_empty());
    assert_eq!(evaluation.hidden_options(&model, "office"), ["b"], "not for a child's passport");
    assert!(validate_page(&model, &evaluation, 1, &theirs, "en").is_empty());
    assert_eq!(
        evaluation.visible_answers(&model, &theirs).get("extras"),
        Some(&json!(["fast", "parking"]))
    );
    assert!(model.is_complete(&evaluation, &theirs));
}

#[test]
fn an_option_s_condition_reads_earlier_answers_and_works_where_it_is_compiled() {
    // A later answer: the condition could never be settled when the options are shown.
    let mut later = form();
    later["pages"][1]["fields"][0]["options"][1]["visible_if"] =
        json!({"==": [{"var": "office"}, "a"]});
    let problems = load(&later).1;
    assert!(
        problems.iter().any(|p| p.starts_with("/pages/1/fields/0/options/1/visible_if: error")),
        "{problems:?}"
    );
    // Inside a group, and on a computed value's labels, it would be ignored: an error.
    let mut grouped = form();
    grouped["pages"][0]["fields"].as_array_mut().unwrap().push(json!(
        {"id": "people", "type": "group", "label": "People", "fields": [
            {"id": "kind", "type": "radios", "label": "Kind", "options": [
                {"value": "a", "label": "A", "visible_if": {"==": [{"var": "role"}, "self"]}}]}]}));
    let problems = load(&grouped).1;
    assert!(
        problems
            .iter()
            .any(|p| p.starts_with("/pages/0/fields/2/fields/0/options/0/visible_if: error")),
        "{problems:?}"
    );
    // Not JSON Logic we know: named where it is.
    let mut unknown = form();
    unknown["pages"][1]["fields"][1]["options"][1]["visible_if"] = json!({"frobnicate": [1]});
    let problems = load(&unknown).1;
    assert!(
        problems.iter().any(|p| p.starts_with("/pages/1/fields/1/options/1/visible_if")),
        "{problems:?}"
    );
}

/// A select whose options depend on an earlier answer: councils by nation.
fn keyed() -> Value {
    json!({"schema_version": 1, "id": "f", "version": "1", "title": "T", "locales": ["en"], "pages": [
        {"id": "where", "fields": [
            {"id": "nation", "type": "radios", "label": "Nation", "required": true, "options": [
                {"value": "england", "label": "England"}, {"value": "wales", "label": "Wales"}]},
            {"id": "council", "type": "select", "label": "Council", "required": true, "options_key": "nation", "options": [
                {"value": "camden", "label": "Camden", "keys": ["england"]},
                {"value": "cardiff", "label": "Cardiff", "keys": ["wales"]},
                {"value": "border", "label": "Border council", "keys": ["england", "wales"]}]}]}]})
}

#[test]
fn a_keyed_select_offers_and_accepts_only_the_options_under_the_key_answer() {
    let (model, problems) = load(&keyed());
    assert!(problems.is_empty(), "{problems:?}");
    let model = model.unwrap();
    let council = model.form().pages[0].fields[1].clone();
    let offered = |answers: &Answers| -> Vec<String> {
        model
            .offered_options(&model.evaluate(answers), &council)
            .unwrap()
            .into_iter()
            .map(|o| o.value)
            .collect()
    };
    assert!(offered(&answers(json!({}))).is_empty(), "nothing before the nation");
    assert_eq!(offered(&answers(json!({"nation": "wales"}))), ["cardiff", "border"]);

    // Cardiff chosen, then the nation changed: the answer no longer counts.
    let changed = answers(json!({"nation": "england", "council": "cardiff"}));
    let evaluation = model.evaluate(&changed);
    assert_eq!(evaluation.value(&model, "council"), None);
    let errors = validate_page(&model, &evaluation, 0, &changed, "en");
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0].field, "council");
    let fine = answers(json!({"nation": "england", "council": "border"}));
    assert!(validate_page(&model, &model.evaluate(&fine), 0, &fine, "en").is_empty());
    assert_eq!(
        model.evaluate(&fine).visible_answers(&model, &fine).get("council"),
        Some(&json!("border"))
    );

    // Lint: the key asked first, keys only where a select has options_key.
    let mut later = keyed();
    later["pages"][0]["fields"][1]["options_key"] = json!("council");
    let problems = load(&later).1;
    assert!(
        problems.iter().any(|p| p.starts_with("/pages/0/fields/1/options_key: error")),
        "{problems:?}"
    );
    let mut stray = keyed();
    stray["pages"][0]["fields"][0]["options"][0]["keys"] = json!(["x"]);
    let problems = load(&stray).1;
    assert!(
        problems.iter().any(|p| p.starts_with("/pages/0/fields/0/options/0/keys: error")),
        "{problems:?}"
    );
    let mut unkeyed = keyed();
    unkeyed["pages"][0]["fields"][1]["options"][2]["keys"] = json!([]);
    let problems = load(&unkeyed).1;
    assert!(
        problems.iter().any(|p| p.starts_with("/pages/0/fields/1/options/2/keys: warning")),
        "{problems:?}"
    );
}
