//! The journey through one form as a reducer over engine types: the answers, where the
//! citizen is, and the errors on show. Every rule is the engine's; this only keeps state.

use onewindow_engine::{Answer, Answers, Evaluation, FieldError, FormModel, Position};
use std::rc::Rc;
use yew::Reducible;

/// Everything the form screens render.
#[derive(Clone, Debug)]
pub struct FormState {
    /// The loaded definition.
    pub model: Rc<FormModel>,
    /// The locale the citizen reads in.
    pub locale: String,
    /// Answers so far, exactly as typed (hidden ones too, until the package drops them).
    pub answers: Answers,
    /// What the answers mean: path, visibility, computed values. Recomputed on every change.
    pub evaluation: Evaluation,
    /// Where the citizen is.
    pub position: Position,
    /// The citizen came from a "Change" link and goes back to check answers after it.
    pub returning_to_check: bool,
    /// Problems found by the last "Continue" on this page.
    pub errors: Vec<FieldError>,
    /// Counts "Continue" presses that found errors, so the error summary takes focus each time.
    pub failed_attempts: u32,
}

impl PartialEq for FormState {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.model, &other.model)
            && self.locale == other.locale
            && self.answers == other.answers
            && self.position == other.position
            && self.returning_to_check == other.returning_to_check
            && self.errors == other.errors
            && self.failed_attempts == other.failed_attempts
    }
}

/// What the citizen can do.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// An answer changed.
    Answer {
        /// The question's id.
        field: String,
        /// The new answer.
        value: Answer,
    },
    /// "Continue" was pressed on the current page.
    Continue,
    /// "Back" was pressed.
    Back,
    /// "Change" was pressed on check answers for the question on this page.
    Change(usize),
}

impl FormState {
    /// A new journey through `model` in `locale`, at its first page.
    pub fn new(model: Rc<FormModel>, locale: String) -> Self {
        let answers = Answers::default();
        let evaluation = model.evaluate(&answers);
        let position = model.start(&evaluation);
        FormState {
            model,
            locale,
            answers,
            evaluation,
            position,
            returning_to_check: false,
            errors: Vec::new(),
            failed_attempts: 0,
        }
    }

    /// The problems on show for `field`.
    pub fn errors_for<'a>(&'a self, field: &'a str) -> impl Iterator<Item = &'a FieldError> + 'a {
        self.errors.iter().filter(move |e| e.field == field)
    }

    /// Where "Back" leads, if anywhere.
    pub fn back_target(&self) -> Option<Position> {
        if self.returning_to_check {
            return Some(Position::CheckAnswers);
        }
        self.model.back_from(&self.evaluation, self.position)
    }
}

impl Reducible for FormState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Answer { field, value } => {
                next.answers.set(field, value);
                next.evaluation = next.model.evaluate(&next.answers);
            }
            Action::Continue => {
                let Position::Page(page) = next.position else { return self };
                match next.model.continue_from(page, &next.answers, &next.locale, next.returning_to_check) {
                    Ok(position) => {
                        next.position = position;
                        next.errors.clear();
                        if position == Position::CheckAnswers {
                            next.returning_to_check = false;
                        }
                    }
                    Err(errors) => {
                        next.errors = errors;
                        next.failed_attempts += 1;
                    }
                }
            }
            Action::Back => {
                let Some(target) = next.back_target() else { return self };
                if target == Position::CheckAnswers {
                    next.returning_to_check = false;
                }
                next.position = target;
                next.errors.clear();
            }
            Action::Change(page) => {
                next.position = Position::Page(page);
                next.returning_to_check = true;
                next.errors.clear();
            }
        }
        Rc::new(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use onewindow_engine::{formats::Date, load_form};
    use serde_json::json;

    fn state() -> Rc<FormState> {
        let definition = json!({"schema_version": 1, "id": "t", "version": "1", "title": "T", "locales": ["en"],
            "pages": [
                {"id": "name", "fields": [{"id": "full_name", "type": "text", "label": "Full name", "required": true}]},
                {"id": "city", "fields": [{"id": "city", "type": "text", "label": "City"}]}
            ]});
        let model = load_form(&definition.to_string(), Date::new(2026, 1, 1).unwrap()).0.unwrap();
        Rc::new(FormState::new(Rc::new(model), "en".into()))
    }

    #[test]
    fn continue_with_an_empty_required_answer_stays_and_shows_the_error() {
        let after = state().reduce(Action::Continue);
        assert_eq!(after.position, Position::Page(0));
        assert_eq!(after.failed_attempts, 1);
        assert_eq!(after.errors_for("full_name").next().unwrap().message, "Enter full name");
    }

    #[test]
    fn continue_after_answering_moves_on_and_back_keeps_the_answer() {
        let after = state()
            .reduce(Action::Continue)
            .reduce(Action::Answer { field: "full_name".into(), value: "Li Lei".into() })
            .reduce(Action::Continue);
        assert_eq!(after.position, Position::Page(1));
        assert!(after.errors.is_empty());
        let back = after.reduce(Action::Back);
        assert_eq!(back.position, Position::Page(0));
        assert_eq!(back.answers.text("full_name"), "Li Lei");
    }

    #[test]
    fn change_from_check_answers_returns_there() {
        let at_check = state()
            .reduce(Action::Answer { field: "full_name".into(), value: "Li Lei".into() })
            .reduce(Action::Continue)
            .reduce(Action::Continue);
        assert_eq!(at_check.position, Position::CheckAnswers);
        let changed = at_check
            .reduce(Action::Change(0))
            .reduce(Action::Answer { field: "full_name".into(), value: "Han Meimei".into() })
            .reduce(Action::Continue);
        assert_eq!(changed.position, Position::CheckAnswers);
        assert!(!changed.returning_to_check);
    }
}
