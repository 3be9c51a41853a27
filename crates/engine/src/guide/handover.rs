//! An assistant's answers in a URL, and what it hands over to the form it starts.

use crate::form::answers::Answers;
use crate::form::model::FormModel;

/// An assistant's answers as `(question, value)` pairs for a URL, so that a check is
/// bookmarkable and the back button steps through it. Lists become repeated pairs and
/// date-like groups `question.part` pairs; anything else is not a short URL answer and is left
/// out.
pub fn answers_to_pairs(answers: &Answers) -> Vec<(String, String)> {
    let mut pairs = Vec::new();
    for (id, value) in &answers.0 {
        match value {
            serde_json::Value::String(s) => pairs.push((id.clone(), s.clone())),
            serde_json::Value::Array(items) => {
                pairs.extend(
                    items.iter().filter_map(|i| i.as_str()).map(|s| (id.clone(), s.to_string())),
                );
            }
            serde_json::Value::Object(parts) => {
                pairs.extend(
                    parts.iter().filter_map(|(k, v)| {
                        v.as_str().map(|s| (format!("{id}.{k}"), s.to_string()))
                    }),
                );
            }
            _ => {}
        }
    }
    pairs
}

/// Reads pairs made by [`answers_to_pairs`] back for `model`: only its questions are taken
/// (a URL can say anything), and a checkbox question always gets a list.
pub fn answers_from_pairs(model: &FormModel, pairs: &[(String, String)]) -> Answers {
    let mut answers = Answers::default();
    for (key, value) in pairs {
        let (id, part) = match key.split_once('.') {
            Some((id, part)) => (id, Some(part)),
            None => (key.as_str(), None),
        };
        let Some((_, field)) = model.field(id) else { continue };
        let entry = answers.0.entry(id.to_string());
        match (part, &field.kind) {
            (Some(part), _) => {
                let slot = entry.or_insert_with(|| serde_json::Value::Object(Default::default()));
                if let Some(parts) = slot.as_object_mut() {
                    parts.insert(part.to_string(), serde_json::Value::String(value.clone()));
                }
            }
            (None, crate::form::definition::FieldKind::Checkboxes { .. }) => {
                let slot = entry.or_insert_with(|| serde_json::Value::Array(Vec::new()));
                if let Some(items) = slot.as_array_mut() {
                    items.push(serde_json::Value::String(value.clone()));
                }
            }
            (None, _) => {
                entry.or_insert_with(|| serde_json::Value::String(value.clone()));
            }
        }
    }
    answers
}

/// The answers a "start form" outcome hands to its form: each of the form's questions in
/// `prefill` takes the assistant's visible answer it names.
pub fn handed_over(
    assistant: &FormModel,
    action: &crate::form::definition::OutcomeAction,
    answers: &Answers,
) -> Answers {
    let crate::form::definition::OutcomeAction::StartForm { prefill, .. } = action else {
        return Answers::default();
    };
    let visible = assistant.evaluate(answers).visible_answers(assistant, answers);
    Answers(
        prefill
            .iter()
            .filter_map(|(to, from)| visible.get(from).map(|v| (to.clone(), v.clone())))
            .collect(),
    )
}
