//! A deterministic generator of a large government-style form in our format: 1,000 fields on
//! 50 pages, 300 of them conditional, 100 required — the shape of the SurveyJS benchmark in
//! `shared/bench/surveyjs` (its `form-spec.json`), so the figures compare.
//! Used by the benchmarks and by a test that the generated form loads without problems.

use serde_json::{json, Value};

/// Field 1 is the text driver, 2 the radio driver, 3 a number driver (as in the peer bench).
pub const TEXT_DRIVER: &str = "f0001";
/// Choosing "b" shows 50 fields; "a" hides them.
pub const RADIO_DRIVER: &str = "f0002";

#[path = "rng.rs"]
mod rng;
use rng::Rng;

/// The generated definition as JSON.
pub fn large_form() -> Value {
    let mut rng = Rng(20_240_611);
    let kinds = ["text", "checkboxes", "number", "radios", "select", "email"];
    let weights = [308u64, 211, 155, 152, 111, 63];
    let mut types = Vec::with_capacity(1000);
    for i in 0..1000 {
        types.push(match i {
            0 => "text",
            1 => "radios",
            2 => "number",
            _ => {
                let mut r = rng.below(1000);
                let mut chosen = "text";
                for (k, w) in kinds.iter().zip(weights) {
                    if r < w {
                        chosen = k;
                        break;
                    }
                    r -= w;
                }
                chosen
            }
        });
    }
    let options = |n: u64| -> Value {
        Value::Array(
            ["a", "b", "c", "d", "e", "f"][..n as usize]
                .iter()
                .map(|v| json!({"value": v, "label": format!("Option {}", v.to_uppercase())}))
                .collect(),
        )
    };
    let id = |i: usize| format!("f{:04}", i + 1);
    let mut fields = Vec::with_capacity(1000);
    let mut conditional = 0;
    for (i, kind) in types.iter().enumerate() {
        let mut field = json!({"id": id(i), "type": kind, "label": format!("Question {} about the applicant", i + 1)});
        match *kind {
            "text" if i == 0 => {
                field["pattern"] = json!("[A-Za-z ]*");
                field["max_length"] = json!(100);
            }
            "text" if rng.below(3) == 0 => field["pattern"] = json!("[A-Z]{2}[0-9]{4}"),
            "text" => field["max_length"] = json!(100),
            "number" => {
                field["min"] = json!(0);
                field["max"] = json!(1000);
            }
            "radios" if i == 1 => field["options"] = options(3),
            "radios" | "select" | "checkboxes" => field["options"] = options(3 + rng.below(4)),
            _ => {}
        }
        if i >= 3
            && i % 10 == 5
            && fields.iter().filter(|f: &&Value| f["required"] == json!(true)).count() < 100
        {
            field["required"] = json!(true);
        }
        // 60 conditions on the text driver, 50 on the radio driver, 40 on the number driver,
        // 150 on other earlier fields: 300 in all, at positions 11..1000.
        if i >= 10 && conditional < 300 && (i % 10 < 3 || rng.below(10) < 1) {
            let condition = match conditional {
                0..=9 => json!({"!!": [{"var": TEXT_DRIVER}]}),
                10..=14 => json!({"==": [{"var": TEXT_DRIVER}, "the quick"]}),
                15..=59 => {
                    let never = ["yes", "no", "n/a", "unknown", "other"][conditional % 5];
                    json!({"==": [{"var": TEXT_DRIVER}, never]})
                }
                60..=109 => json!({"==": [{"var": RADIO_DRIVER}, "b"]}),
                110..=149 => json!({">": [{"var": "f0003"}, 500]}),
                _ => {
                    let earlier = 3 + rng.below(i as u64 - 3) as usize;
                    term(types[earlier], &id(earlier))
                }
            };
            field["visible_if"] = condition;
            conditional += 1;
        }
        fields.push(field);
    }
    let pages: Vec<Value> = fields
        .chunks(20)
        .enumerate()
        .map(|(p, chunk)| json!({"id": format!("p{:02}", p + 1), "title": format!("Section {}", p + 1), "fields": chunk}))
        .collect();
    json!({"schema_version": 1, "id": "large", "version": "1", "title": "A large form", "locales": ["en"], "pages": pages})
}

fn term(kind: &str, field: &str) -> Value {
    match kind {
        "checkboxes" => json!({"in": ["c", {"var": field}]}),
        "number" => json!({">=": [{"var": field}, 250]}),
        "text" | "email" => json!({"!!": [{"var": field}]}),
        _ => json!({"==": [{"var": field}, "b"]}),
    }
}

/// How many fields of the generated form have a condition.
#[allow(dead_code)] // used by the test, not the benchmark
pub fn count_conditions(form: &Value) -> usize {
    form["pages"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|p| p["fields"].as_array().into_iter().flatten())
        .filter(|f| f.get("visible_if").is_some())
        .count()
}
