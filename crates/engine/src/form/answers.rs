//! A citizen's answers, keyed by field id.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One answer as typed or chosen; kept as given so nothing the citizen typed is lost.
pub type Answer = serde_json::Value;

/// All answers of one journey, keyed by field id.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(transparent)]
pub struct Answers(pub BTreeMap<String, Answer>);

impl Answers {
    /// The answer to `field`, if any.
    pub fn get(&self, field: &str) -> Option<&Answer> {
        self.0.get(field)
    }

    /// Sets the answer to `field`.
    pub fn set(&mut self, field: impl Into<String>, value: Answer) {
        self.0.insert(field.into(), value);
    }

    /// The answer as text (empty when unanswered or not text).
    pub fn text(&self, field: &str) -> &str {
        self.get(field).and_then(Answer::as_str).unwrap_or("")
    }

    /// Whether `field` has a non-blank answer.
    pub fn is_answered(&self, field: &str) -> bool {
        match self.get(field) {
            None | Some(Answer::Null) => false,
            Some(Answer::String(s)) => !s.trim().is_empty(),
            Some(Answer::Array(items)) => !items.is_empty(),
            Some(_) => true,
        }
    }
}

/// The checkbox answer after ticking (`checked`) or unticking `value`. Ticking the exclusive
/// "None of these" option clears the others, and ticking another clears "None" — the GOV.UK
/// behaviour, so the conflict error is only seen without this help.
pub fn toggle_checkbox(
    current: Option<&Answer>,
    value: &str,
    checked: bool,
    exclusive: Option<&str>,
) -> Answer {
    let mut chosen: Vec<String> = current
        .and_then(Answer::as_array)
        .map(|items| items.iter().filter_map(Answer::as_str).map(str::to_string).collect())
        .unwrap_or_default();
    chosen.retain(|c| c != value);
    if checked {
        match exclusive {
            Some(none) if none == value => chosen.clear(),
            Some(none) => chosen.retain(|c| c != none),
            None => {}
        }
        chosen.push(value.to_string());
    }
    Answer::Array(chosen.into_iter().map(Answer::String).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn ticking_none_clears_the_others_and_the_others_clear_none() {
        let a = toggle_checkbox(None, "work", true, Some("none"));
        let b = toggle_checkbox(Some(&a), "study", true, Some("none"));
        assert_eq!(b, json!(["work", "study"]));
        let c = toggle_checkbox(Some(&b), "none", true, Some("none"));
        assert_eq!(c, json!(["none"]));
        let d = toggle_checkbox(Some(&c), "work", true, Some("none"));
        assert_eq!(d, json!(["work"]));
        assert_eq!(toggle_checkbox(Some(&d), "work", false, Some("none")), json!([]));
    }
}
