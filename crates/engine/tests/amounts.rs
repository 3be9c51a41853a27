//! Money and numbers on check answers (and so the printed record and the package summary): a
//! currency's sign and grouped digits, a unit after a number, for answers and computed values.

use onewindow_engine::formats::Date;
use onewindow_engine::{load_form, summary, Answers, Diagnostic};
use serde_json::json;

#[test]
fn money_and_numbers_are_shown_with_their_currency_and_unit() {
    let form = json!({"schema_version": 1, "id": "f", "version": "1", "title": "T", "locales": ["en", "zh-CN"], "pages": [
        {"id": "p", "fields": [
            {"id": "cost", "type": "money", "currency": "CNY", "label": {"en": "Construction cost", "zh-CN": "工程造价"}},
            {"id": "area", "type": "number", "label": {"en": "Floor area", "zh-CN": "建筑面积"}, "suffix": {"en": "m²", "zh-CN": "平方米"}},
            {"id": "share", "type": "integer", "label": "Share", "suffix": "%"},
            {"id": "floors", "type": "integer", "label": "Floors"},
            {"id": "fee", "type": "computed", "label": {"en": "Fee", "zh-CN": "费用"}, "currency": "CNY",
             "expression": {"*": [{"var": "area"}, 12.5]}},
            {"id": "per_floor", "type": "computed", "label": {"en": "Area per floor", "zh-CN": "每层面积"},
             "suffix": {"en": "m²", "zh-CN": "平方米"}, "expression": {"/": [{"var": "area"}, {"var": "floors"}]}}]}]});
    let (model, problems) = load_form(&form.to_string(), Date::new(2026, 11, 27).unwrap());
    assert!(problems.is_empty(), "{problems:?}");
    let model = model.unwrap();
    let answers: Answers = serde_json::from_value(
        json!({"cost": "12500000", "area": "1 250.5", "share": "12", "floors": "4"}),
    )
    .unwrap();
    let evaluation = model.evaluate(&answers);
    let rows = |locale| -> Vec<String> {
        summary(&model, &evaluation, &answers, locale).into_iter().map(|r| r.value).collect()
    };
    assert_eq!(rows("en"), ["¥12,500,000", "1,250.5 m²", "12%", "4", "¥15,631.25", "312.625 m²"]);
    assert_eq!(rows("zh-CN")[1], "1,250.5 平方米");

    // What lint says of a computed value that is both, or of a currency that is no code.
    let mut bad = form.clone();
    bad["pages"][0]["fields"][4]["currency"] = json!("yuan");
    bad["pages"][0]["fields"][5]["currency"] = json!("CNY");
    let problems: Vec<String> = load_form(&bad.to_string(), Date::new(2026, 11, 27).unwrap())
        .1
        .iter()
        .map(Diagnostic::to_string)
        .collect();
    assert!(
        problems.iter().any(|p| p.starts_with("/pages/0/fields/4/currency: error")),
        "{problems:?}"
    );
    assert!(
        problems.iter().any(|p| p.starts_with("/pages/0/fields/5/suffix: error")),
        "{problems:?}"
    );
}
