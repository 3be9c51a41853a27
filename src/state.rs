//! The journey through one form as a reducer: answers, position and the errors on show.

use onewindow_engine::{Answer, Answers, FieldError, Form, Journey};
use std::rc::Rc;
use yew::Reducible;

/// Everything the form screens render.
#[derive(Clone, Debug, PartialEq)]
pub struct FormState {
    /// The loaded definition.
    pub form: Rc<Form>,
    /// The locale the citizen reads in.
    pub locale: String,
    /// Answers so far, kept exactly as typed.
    pub answers: Answers,
    /// Which page the citizen is on.
    pub journey: Journey,
    /// Errors of the last "Continue" on this page.
    pub errors: Vec<FieldError>,
    /// Counts "Continue" presses that found errors, so the error summary takes focus each time.
    pub failed_attempts: u32,
}

/// What the citizen can do.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// An answer changed.
    Answer {
        /// The field's id.
        field: String,
        /// The new answer.
        value: Answer,
    },
    /// "Continue" was pressed.
    Continue,
    /// "Back" was pressed.
    Back,
}

impl FormState {
    /// A new journey through `form` in `locale`.
    pub fn new(form: Rc<Form>, locale: String) -> Self {
        let journey = Journey::new(&form);
        FormState { form, locale, answers: Answers::default(), journey, errors: Vec::new(), failed_attempts: 0 }
    }

    /// The error for `field` on show, if any.
    pub fn error_for(&self, field: &str) -> Option<&FieldError> {
        self.errors.iter().find(|e| e.field == field)
    }
}

impl Reducible for FormState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Answer { field, value } => next.answers.set(field, value),
            Action::Continue => {
                next.errors = next.journey.continue_from(&next.form, &next.answers, &next.locale);
                if !next.errors.is_empty() {
                    next.failed_attempts += 1;
                }
            }
            Action::Back => {
                next.journey.back();
                next.errors.clear();
            }
        }
        Rc::new(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use onewindow_engine::load_form;

    fn state() -> Rc<FormState> {
        let form = load_form(include_str!("../forms/residence-permit.json")).0.unwrap();
        Rc::new(FormState::new(Rc::new(form), "en".into()))
    }

    #[test]
    fn continue_with_an_empty_required_field_stays_and_shows_the_error() {
        let after = state().reduce(Action::Continue);
        assert_eq!(after.journey.page, 0);
        assert_eq!(after.failed_attempts, 1);
        assert_eq!(after.error_for("full_name").unwrap().message, "Enter your full name");
    }

    #[test]
    fn continue_after_answering_moves_on_and_clears_errors() {
        let after = state()
            .reduce(Action::Continue)
            .reduce(Action::Answer { field: "full_name".into(), value: "Li Lei".into() })
            .reduce(Action::Continue);
        assert_eq!(after.journey.page, 1);
        assert!(after.errors.is_empty());
        let back = after.reduce(Action::Back);
        assert_eq!(back.journey.page, 0);
        assert_eq!(back.answers.text("full_name"), "Li Lei");
    }
}
