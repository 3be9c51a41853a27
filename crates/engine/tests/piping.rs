//! Piping: a page's texts insert earlier answers (`{{id}}`, `{{id|words}}` when there is none),
//! as check answers shows them, in the page's locale; escaped in Markdown; checked by lint.

use onewindow_engine::{summary, validate_page, FieldKind, Text};
use serde_json::{json, Value};

mod common;
use common::{answers, load};

fn form() -> Value {
    json!({"schema_version": 1, "id": "f", "version": "1", "title": "T", "locales": ["en", "zh-CN"], "pages": [
        {"id": "who", "fields": [
            {"id": "role", "type": "radios", "label": {"en": "Who is it for?", "zh-CN": "为谁申请？"}, "required": true, "options": [
                {"value": "self", "label": {"en": "Me", "zh-CN": "本人"}},
                {"value": "other", "label": {"en": "Someone else", "zh-CN": "他人"}}]},
            {"id": "child_name", "type": "text", "label": {"en": "Their name", "zh-CN": "姓名"}},
            {"id": "whose", "type": "computed", "label": {"en": "Whose", "zh-CN": "谁的"}, "hidden": true,
             "expression": {"var": "role"}, "options": [
                {"value": "self", "label": {"en": "your", "zh-CN": "您的"}},
                {"value": "other", "label": {"en": "their", "zh-CN": "其"}}]}]},
        {"id": "birth", "title": {"en": "About {{child_name|the child}}", "zh-CN": "关于{{child_name|孩子}}"}, "fields": [
            {"id": "born", "type": "date", "label": {"en": "What is {{whose}} date of birth?", "zh-CN": "{{whose}}出生日期"}, "required": true,
             "hint": {"en": "As on {{whose}} passport", "zh-CN": "与证件一致"}},
            {"id": "note", "type": "content", "label": "", "body": {"en": "Applying for **{{child_name|someone}}**.", "zh-CN": "为{{child_name}}申请。"}}]}],
        "outcomes": [{"id": "done", "title": {"en": "Thank you, {{child_name}}", "zh-CN": "谢谢"}, "body": {"en": "x", "zh-CN": "x"}}]})
}

#[test]
fn texts_insert_earlier_answers_in_the_page_s_locale() {
    let (model, problems) = load(&form());
    assert!(problems.is_empty(), "{problems:?}");
    let model = model.unwrap();
    let theirs = answers(json!({"role": "other", "child_name": "Li Xiaoming"}));
    let evaluation = model.evaluate(&theirs);
    assert_eq!(model.page_heading(&evaluation, 1, "en"), "About Li Xiaoming");
    assert_eq!(model.page_heading(&evaluation, 1, "zh-CN"), "关于Li Xiaoming");
    let born = model.form().pages[1].fields[0].clone();
    let piped = model.shown_field(&evaluation, &born, "en").unwrap();
    assert_eq!(piped.label, Text::Plain("What is their date of birth?".into()));
    assert_eq!(piped.hint, Some(Text::Plain("As on their passport".into())));
    assert_eq!(
        model.shown_field(&evaluation, &born, "zh-CN").unwrap().label,
        Text::Plain("其出生日期".into())
    );
    // The messages name the question as the page shows it.
    let errors = validate_page(&model, &evaluation, 1, &theirs, "en");
    assert_eq!(errors[0].message, "Enter your answer to ‘What is their date of birth?’");
    // So does check answers.
    let mut complete = theirs.clone();
    complete.set("born", json!({"day": "1", "month": "2", "year": "2020"}));
    let evaluation = model.evaluate(&complete);
    let labels: Vec<String> =
        summary(&model, &evaluation, &complete, "en").into_iter().map(|r| r.label).collect();
    assert!(labels.contains(&"What is their date of birth?".to_string()), "{labels:?}");

    // Without the answer, the fallback; without either, nothing.
    let mine = answers(json!({"role": "self"}));
    let evaluation = model.evaluate(&mine);
    assert_eq!(model.page_heading(&evaluation, 1, "en"), "About the child");
    let note = model.form().pages[1].fields[1].clone();
    let FieldKind::Content { body } = model.shown_field(&evaluation, &note, "zh-CN").unwrap().kind
    else {
        panic!()
    };
    assert_eq!(body, Text::Plain("为申请。".into()));
}

#[test]
fn an_answer_inserted_into_markdown_stays_text() {
    let model = load(&form()).0.unwrap();
    let hostile = answers(
        json!({"role": "other", "child_name": "[x](javascript:alert(1)) <img src=x onerror=alert(1)>\n# h"}),
    );
    let evaluation = model.evaluate(&hostile);
    let note = model.form().pages[1].fields[1].clone();
    let FieldKind::Content { body } = model.shown_field(&evaluation, &note, "en").unwrap().kind
    else {
        panic!()
    };
    let Text::Plain(body) = body else { panic!() };
    let html = onewindow_engine::render_markdown(&body);
    assert!(!html.contains("<a") && !html.contains("<img") && !html.contains("<h1"), "{html}");
    assert!(
        html.contains("[x](javascript:alert(1)) &lt;img src=x onerror=alert(1)&gt;, # h"),
        "{html}"
    );
}

#[test]
fn lint_names_every_pipe_that_cannot_be_filled() {
    let mut bad = form();
    bad["title"] = json!("For {{child_name}}");
    bad["pages"][0]["fields"][1]["hint"] = json!({"en": "Like {{role}}", "zh-CN": "x"});
    bad["pages"][1]["fields"][0]["label"]["en"] = json!("When was {{nobody}} born? {{born}}");
    bad["pages"][1]["fields"][1]["body"]["en"] = json!("{{note}} {{not an id}}");
    let problems = load(&bad).1;
    let expected = [
        "/title: error: piping works in a page's title",
        "/pages/0/fields/1/hint/en: error: {{role}} is asked on page who, not before this text",
        "/pages/1/fields/0/label/en: error: {{nobody}} names no question or computed value",
        "/pages/1/fields/0/label/en: error: {{born}} is asked on page birth",
        "/pages/1/fields/1/body/en: error: {{note}} has no single value to insert",
    ];
    for line in expected {
        assert!(problems.iter().any(|p| p.starts_with(line)), "{line}\nnot in {problems:#?}");
    }
    assert_eq!(problems.len(), expected.len(), "{problems:#?}");
}
