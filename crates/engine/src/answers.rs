//! A citizen's answers, keyed by field id.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One answer as typed or chosen; kept as given so nothing the citizen typed is lost.
pub type Answer = serde_json::Value;

/// All answers of one journey, keyed by field id.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
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
