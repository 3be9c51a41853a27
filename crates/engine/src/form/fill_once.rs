//! "Fill once" on the device: answers a citizen gave about themselves in one department's form,
//! remembered (only with their consent, only on their device) by data-dictionary concept, and
//! offered for the same concept in another department's form.
//!
//! Only fields marked `fill_once` take part: a concept says what an answer means, not whose it
//! is (`person.date_of_birth` is the baby's in a birth registration), so the form's author
//! decides which questions are about the person filling it in.

use crate::form::answers::{Answer, Answers};
use crate::form::model::{Evaluation, FormModel};
use crate::form::summary::display_value;
use crate::form::validate::check_field;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// What the citizen agreed to keep on this device, by concept name.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Remembered(pub BTreeMap<String, RememberedAnswer>);

/// One remembered answer, with how it read when it was saved (for the "saved details" list,
/// which no single form can label).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RememberedAnswer {
    /// The answer.
    pub answer: Answer,
    /// The question it answered.
    pub label: String,
    /// The answer as the citizen read it.
    pub shown: String,
}

/// One answer that can be remembered, or offered into a form.
#[derive(Clone, Debug, PartialEq)]
pub struct ConceptAnswer {
    /// The dictionary concept, e.g. `person.full_name`.
    pub concept: String,
    /// The question in this form.
    pub field: String,
    /// The question as the citizen reads it in this form, for the consent list.
    pub label: String,
    /// The answer.
    pub answer: Answer,
    /// The answer as the citizen reads it.
    pub shown: String,
}

impl FormModel {
    /// The answers of this journey that could be remembered: visible, answered `fill_once`
    /// questions, valid as they stand (a wrong answer is not worth offering elsewhere).
    pub fn rememberable(
        &self,
        evaluation: &Evaluation,
        answers: &Answers,
        locale: &str,
    ) -> Vec<ConceptAnswer> {
        let mut found = Vec::new();
        for (i, field) in self.top_fields() {
            let Some(concept) = field.concept.as_ref().filter(|_| self.is_fill_once(i, evaluation))
            else {
                continue;
            };
            if !evaluation.is_visible_at(i) || !answers.is_answered(&field.id) {
                continue;
            }
            let Some(answer) = answers.get(&field.id) else { continue };
            if check_field(self, evaluation, i, Some(answer), locale).iter().any(|e| e.is_error()) {
                continue;
            }
            found.push(ConceptAnswer {
                concept: concept.clone(),
                field: field.id.clone(),
                label: self.form.text(&field.label, locale).to_string(),
                shown: display_value(&self.form, field, Some(answer), locale),
                answer: answer.clone(),
            });
        }
        found
    }

    /// What `remembered` can fill in this form: `fill_once` questions not answered yet whose
    /// concept is remembered with an answer this question accepts (options and limits differ
    /// between forms, so an answer another form took may not fit here). The caller shows
    /// these to the citizen before using them; nothing is filled silently.
    pub fn prefill_offers(
        &self,
        remembered: &Remembered,
        answers: &Answers,
        locale: &str,
    ) -> Vec<ConceptAnswer> {
        let mut trial = answers.clone();
        let mut offers = Vec::new();
        let before = self.evaluate(answers);
        for (i, field) in self.top_fields() {
            let Some(concept) = field.concept.as_ref().filter(|_| self.is_fill_once(i, &before))
            else {
                continue;
            };
            let Some(RememberedAnswer { answer, .. }) = remembered.0.get(concept) else { continue };
            if !answers.is_answered(&field.id) {
                trial.set(field.id.clone(), answer.clone());
                offers.push(ConceptAnswer {
                    concept: concept.clone(),
                    field: field.id.clone(),
                    label: self.form.text(&field.label, locale).to_string(),
                    shown: display_value(&self.form, field, Some(answer), locale),
                    answer: answer.clone(),
                });
            }
        }
        // Checked with the offers in place, so conditions between them (e.g. a mobile number
        // shown only for one choice) are judged as the citizen would see them.
        let evaluation = self.evaluate(&trial);
        offers.retain(|offer| {
            let Some(&i) = self.index.get(&offer.field) else { return false };
            self.is_fill_once(i, &evaluation)
                && check_field(self, &evaluation, i, Some(&offer.answer), locale)
                    .iter()
                    .all(|e| !e.is_error())
        });
        offers
    }
}

impl Remembered {
    /// Adds (or replaces) the given answers.
    pub fn remember(&mut self, answers: &[ConceptAnswer]) {
        for a in answers {
            let entry = RememberedAnswer {
                answer: a.answer.clone(),
                label: a.label.clone(),
                shown: a.shown.clone(),
            };
            self.0.insert(a.concept.clone(), entry);
        }
    }

    /// Forgets one concept.
    pub fn forget(&mut self, concept: &str) {
        self.0.remove(concept);
    }
}
