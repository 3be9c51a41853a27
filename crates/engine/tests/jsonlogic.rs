//! JSON Logic as forms use it, through the public API. The evaluator's own tests, with the
//! official jsonlogic.com suite, are unit tests in `src/logic/`.

use onewindow_engine::formats::Date;
use onewindow_engine::{load_form, Answers, Diagnostic, FormModel};
use serde_json::{json, Value};

fn today() -> Date {
    Date::new(2026, 1, 31).unwrap()
}

fn load(fields: Value) -> (Option<FormModel>, Vec<String>) {
    let form = json!({"schema_version": 1, "id": "f", "version": "1", "title": "T", "locales": ["en"],
        "pages": [{"id": "p", "fields": fields}]});
    let (model, problems) = load_form(&form.to_string(), today());
    (model, problems.iter().map(Diagnostic::to_string).collect())
}

fn model(fields: Value) -> FormModel {
    let (model, problems) = load(fields);
    assert!(problems.is_empty(), "{problems:?}");
    model.expect("loads")
}

fn answers(pairs: &[(&str, Value)]) -> Answers {
    let mut answers = Answers::default();
    for (id, value) in pairs {
        answers.set(*id, value.clone());
    }
    answers
}

fn computed(id: &str, expression: Value) -> Value {
    json!({"id": id, "type": "computed", "label": id, "expression": expression})
}

#[test]
fn whole_computed_numbers_are_json_integers() {
    let model = model(json!([
        {"id": "a", "type": "number", "label": "A"},
        {"id": "b", "type": "number", "label": "B"},
        computed("total", json!({"+": [{"var": "a"}, {"var": "b"}]})),
        computed("half", json!({"/": [{"var": "total"}, 2]})),
    ]));
    let evaluation = model.evaluate(&answers(&[("a", json!("1.5")), ("b", json!("1.5"))]));
    assert_eq!(evaluation.value(&model, "total").map(Value::to_string).as_deref(), Some("3"));
    assert_eq!(evaluation.value(&model, "half").map(Value::to_string).as_deref(), Some("1.5"));
    assert_eq!(evaluation.computed_values(&model).get("total"), Some(&json!(3)));
}

#[test]
fn an_unanswered_number_makes_a_sum_unknown() {
    let model = model(json!([
        {"id": "a", "type": "integer", "label": "A"},
        {"id": "b", "type": "integer", "label": "B"},
        computed("total", json!({"+": [{"var": "a"}, {"var": "b"}]})),
    ]));
    // As in JSON Logic's reference implementation: + reads an absent answer as NaN.
    let evaluation = model.evaluate(&answers(&[("a", json!("2"))]));
    assert_eq!(evaluation.value(&model, "total"), None);
    let evaluation = model.evaluate(&answers(&[("a", json!("2")), ("b", json!("40"))]));
    assert_eq!(evaluation.value(&model, "total"), Some(&json!(42)));
}

#[test]
fn conditions_compare_as_json_logic_does() {
    let model = model(json!([
        {"id": "children", "type": "integer", "label": "Children"},
        {"id": "three", "type": "text", "label": "Three", "visible_if": {"==": [{"var": "children"}, "3"]}},
        {"id": "none", "type": "text", "label": "None", "visible_if": {"==": [{"var": "children"}, 0]}},
        {"id": "between", "type": "text", "label": "Between", "visible_if": {"<=": [1, {"var": "children"}, 4]}},
        {"id": "logged", "type": "text", "label": "Logged", "visible_if": {"log": {"var": "children"}}},
    ]));
    let visible = |children: Option<&str>| {
        let answers = match children {
            Some(n) => answers(&[("children", json!(n))]),
            None => Answers::default(),
        };
        let evaluation = model.evaluate(&answers);
        ["three", "none", "between", "logged"]
            .into_iter()
            .filter(|id| evaluation.is_visible(&model, id))
            .collect::<Vec<_>>()
    };
    assert_eq!(visible(Some("3")), ["three", "between", "logged"]);
    assert_eq!(visible(Some("0")), ["none"]);
    // Unanswered is not 0.
    assert_eq!(visible(None), Vec::<&str>::new());
}

#[test]
fn every_field_an_expression_reads_is_a_dependency() {
    let (_, problems) = load(json!([
        {"id": "a", "type": "text", "label": "A",
         "visible_if": {"reduce": [[1, 2], {"+": [{"var": "current"}, {"var": "accumulator"}]}, {"var": "b"}]}},
        {"id": "b", "type": "integer", "label": "B",
         "visible_if": {"missing_some": [{"var": "c"}, ["a"]]}},
        {"id": "c", "type": "integer", "label": "C"},
    ]));
    assert_eq!(
        problems,
        [
            "/pages/0/fields/0/visible_if: error: \"a\" refers to \"b\" (/pages/0/fields/1), which is asked later; conditions and computed values may only use earlier answers",
            "/pages/0/fields/1/visible_if: error: \"b\" refers to \"c\" (/pages/0/fields/2), which is asked later; conditions and computed values may only use earlier answers",
        ]
    );
}

#[test]
fn mistakes_in_expressions_are_reported_where_they_are() {
    let mut deep = json!({"var": "a"});
    for _ in 0..40 {
        deep = json!({"!": [deep]});
    }
    let (_, problems) = load(json!([
        {"id": "a", "type": "text", "label": "A"},
        {"id": "b", "type": "text", "label": "B", "visible_if": {"var": {"cat": ["a", ""]}}},
        {"id": "c", "type": "text", "label": "C", "visible_if": {"==": [{"var": "a", "other": 1}, 1]}},
        {"id": "d", "type": "text", "label": "D", "visible_if": deep},
        {"id": "e", "type": "text", "label": "E", "visible_if": {"val": "a"}},
    ]));
    assert_eq!(
        problems,
        [
            "/pages/0/fields/1/visible_if: error: \"var\" must name a field with a literal string",
            "/pages/0/fields/2/visible_if: error: not a valid JSON Logic expression: an operation is an object with one key, the operator, but this one has \"other\", \"var\"",
            "/pages/0/fields/3/visible_if: error: the expression is nested too deeply (more than 64 levels)",
            "/pages/0/fields/4/visible_if: error: unknown operator \"val\"",
        ]
    );
}
