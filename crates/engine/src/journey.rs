//! Where the citizen is in a form and where "Continue" and "Back" lead.

use crate::answers::Answers;
use crate::definition::Form;
use crate::validate::{validate_page, FieldError};

/// The citizen's position: the page they are on and the pages they came through.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Journey {
    /// Index of the current page; `form.pages.len()` means "check your answers".
    pub page: usize,
    history: Vec<usize>,
}

impl Journey {
    /// A journey at the first page of `form`.
    pub fn new(_form: &Form) -> Self {
        Journey::default()
    }

    /// Whether every page has been passed and the citizen is on "check your answers".
    pub fn at_check_answers(&self, form: &Form) -> bool {
        self.page >= form.pages.len()
    }

    /// Validates the current page; moves on when it has no errors, and returns the errors.
    pub fn continue_from(&mut self, form: &Form, answers: &Answers, locale: &str) -> Vec<FieldError> {
        let errors = validate_page(form, self.page, answers, locale);
        if errors.is_empty() && !self.at_check_answers(form) {
            self.history.push(self.page);
            self.page += 1;
        }
        errors
    }

    /// Goes back to the previous page; false when already on the first page.
    pub fn back(&mut self) -> bool {
        match self.history.pop() {
            Some(previous) => {
                self.page = previous;
                true
            }
            None => false,
        }
    }
}
