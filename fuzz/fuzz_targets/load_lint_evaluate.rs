//! Load + lint + evaluate + validate + summarise, on arbitrary input: the engine must never
//! panic. The input is a definition, optionally followed by a NUL byte and answers as JSON;
//! without answers, answers are derived from the input so every field type gets exercised.
#![no_main]

use libfuzzer_sys::fuzz_target;
use onewindow_engine::formats::Date;
use onewindow_engine::{load_form, summary, validate_page, Answers, Position};

fuzz_target!(|data: &[u8]| {
    let (definition, answers) = match data.iter().position(|&b| b == 0) {
        Some(i) => (&data[..i], Some(&data[i + 1..])),
        None => (data, None),
    };
    let Ok(json) = std::str::from_utf8(definition) else { return };
    let (model, _problems) = load_form(json, Date::new(2026, 2, 28).unwrap());
    let Some(model) = model else { return };
    let answers: Answers = answers
        .and_then(|a| serde_json::from_slice(a).ok())
        .unwrap_or_else(|| derived_answers(&model, json));
    let evaluation = model.evaluate(&answers);
    for locale in ["en", "zh-CN"] {
        for page in 0..model.form().pages.len() + 1 {
            let _ = validate_page(&model, &evaluation, page, &answers, locale);
            let _ = model.continue_from(page, &answers, locale, page % 2 == 0);
        }
        let _ = summary(&model, &evaluation, &answers, locale);
        let _ = model.back_from(&evaluation, Position::CheckAnswers);
    }
    let _ = model.is_complete(&evaluation, &answers);
    let _ = evaluation.visible_answers(&model, &answers);
    let _ = evaluation.computed_values(&model);
});

/// Answers of every shape for every field: strings taken from the input itself, numbers,
/// arrays, objects, so the typed conversions and validators all run.
fn derived_answers(model: &onewindow_engine::FormModel, seed: &str) -> Answers {
    let shapes = [
        serde_json::json!(seed.get(..seed.len().min(40)).unwrap_or("")),
        serde_json::json!("29 February"),
        serde_json::json!({"day": "31", "month": "Feb", "year": "0"}),
        serde_json::json!(["a", "none", 3]),
        serde_json::json!([{"name": "x.pdf", "type": "application/pdf", "size": -1}]),
        serde_json::json!(1e308),
        serde_json::json!(null),
        serde_json::json!({"line1": "", "postcode": "SW1A 1AA", "province": {}}),
    ];
    let mut answers = Answers::default();
    for (i, (_, field)) in model.form().fields().enumerate() {
        answers.set(field.id.clone(), shapes[(i + seed.len()) % shapes.len()].clone());
    }
    answers
}
