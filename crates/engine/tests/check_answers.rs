//! Check answers shows a repeatable group as one block per item, titled and with every
//! answer of the item labelled.

use onewindow_engine::formats::Date;
use onewindow_engine::{load_form, summary, Answers, SummaryItem};
use serde_json::json;

#[test]
fn a_group_is_one_labelled_block_per_item() {
    let form = json!({"schema_version": 1, "id": "f", "version": "1", "title": "T", "locales": ["en"], "pages": [
        {"id": "p", "fields": [
            {"id": "babies", "type": "group", "label": "Other babies", "item_label": "Baby", "fields": [
                {"id": "name", "type": "text", "label": "Name", "required": true},
                {"id": "time", "type": "text", "label": "Time of birth"}]}]}]});
    let model = load_form(&form.to_string(), Date::new(2026, 11, 27).unwrap()).0.unwrap();
    let answers: Answers = serde_json::from_value(
        json!({"babies": [{"name": "Amelia", "time": "09:31"}, {"name": "Ben"}]}),
    )
    .unwrap();
    let rows = summary(&model, &model.evaluate(&answers), &answers, "en");
    assert_eq!(rows.len(), 1);
    assert_eq!(
        rows[0].items,
        [
            SummaryItem {
                title: "Baby 1".into(),
                rows: vec![
                    ["Name".into(), "Amelia".into()],
                    ["Time of birth".into(), "09:31".into()]
                ]
            },
            SummaryItem {
                title: "Baby 2".into(),
                rows: vec![
                    ["Name".into(), "Ben".into()],
                    ["Time of birth".into(), "Not provided".into()]
                ]
            },
        ]
    );
    // The same in lines, for the printed record.
    assert_eq!(rows[0].value, "Baby 1: Amelia, 09:31\nBaby 2: Ben");
    // No items: one row saying so, no blocks.
    let none = Answers::default();
    let rows = summary(&model, &model.evaluate(&none), &none, "en");
    assert!(rows[0].items.is_empty());
    assert_eq!(rows[0].value, "Not provided");
}
