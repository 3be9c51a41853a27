//! What the engine's test files share.
#![allow(dead_code)] // each test file uses a part

use onewindow_engine::formats::Date;
use onewindow_engine::{load_form, Answers, Diagnostic, FormModel};
use serde_json::Value;

/// The answers of the first complete example in an examples file's text.
pub fn complete_answers(examples: &str) -> Answers {
    let examples: Value = serde_json::from_str(examples).unwrap();
    let example = examples["examples"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["expect"]["complete"] == true)
        .unwrap();
    serde_json::from_value(example["answers"].clone()).unwrap()
}

/// Loads `form` on 27 November 2026: the model, and its problems as lines.
pub fn load(form: &Value) -> (Option<FormModel>, Vec<String>) {
    let (model, problems) = load_form(&form.to_string(), Date::new(2026, 11, 27).unwrap());
    (model, problems.iter().map(Diagnostic::to_string).collect())
}

/// Answers from a JSON object keyed by question id.
pub fn answers(pairs: Value) -> Answers {
    serde_json::from_value(pairs).unwrap()
}
