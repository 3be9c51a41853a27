//! Where "Continue", "Back" and "Change" lead, derived from the evaluation of the answers:
//! the journey has no hidden state beyond the page the citizen is on.

use crate::answers::Answers;
use crate::model::{End, Evaluation, FormModel};
use crate::validate::{validate_page, FieldError};

/// A place in the journey.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Position {
    /// A question page (index into `form.pages`).
    Page(usize),
    /// "Check your answers".
    CheckAnswers,
    /// An outcome page that ends the journey (index into `form.outcomes`).
    Outcome(usize),
}

impl FormModel {
    /// Where the journey starts for these answers.
    pub fn start(&self, evaluation: &Evaluation) -> Position {
        evaluation.path.first().map_or_else(|| end_position(evaluation), |&p| Position::Page(p))
    }

    /// Validates `page`; when it has no errors, says where "Continue" leads. With
    /// `returning_to_check` (the citizen came from a "Change" link) it goes back to check
    /// answers, unless the change opened questions not yet answered: those come first.
    pub fn continue_from(
        &self,
        page: usize,
        answers: &Answers,
        locale: &str,
        returning_to_check: bool,
    ) -> Result<Position, Vec<FieldError>> {
        let evaluation = self.evaluate(answers);
        let problems = validate_page(self, &evaluation, page, answers, locale);
        if problems.iter().any(FieldError::is_error) {
            return Err(problems);
        }
        let after: Vec<usize> = match evaluation.path.iter().position(|&p| p == page) {
            Some(at) => evaluation.path[at + 1..].to_vec(),
            None => evaluation.path.iter().copied().filter(|&p| p > page).collect(),
        };
        if returning_to_check {
            let incomplete = after.iter().copied().find(|&p| {
                validate_page(self, &evaluation, p, answers, locale).iter().any(FieldError::is_error)
            });
            return Ok(incomplete.map_or_else(|| end_position(&evaluation), Position::Page));
        }
        Ok(after.first().map_or_else(|| end_position(&evaluation), |&p| Position::Page(p)))
    }

    /// Where "Back" leads from `position`: the page before it on the path.
    pub fn back_from(&self, evaluation: &Evaluation, position: Position) -> Option<Position> {
        let previous = match position {
            Position::Page(page) => evaluation.path.iter().copied().take_while(|&p| p != page).last(),
            Position::CheckAnswers | Position::Outcome(_) => evaluation.path.last().copied(),
        };
        previous.map(Position::Page)
    }

    /// Whether the answers are ready to submit: the path ends at check answers and no page on
    /// it has an error.
    pub fn is_complete(&self, evaluation: &Evaluation, answers: &Answers) -> bool {
        evaluation.end == End::CheckAnswers
            && evaluation.path.iter().all(|&page| {
                !validate_page(self, evaluation, page, answers, "en").iter().any(FieldError::is_error)
            })
    }
}

fn end_position(evaluation: &Evaluation) -> Position {
    match evaluation.end {
        End::CheckAnswers => Position::CheckAnswers,
        End::Outcome(o) => Position::Outcome(o),
    }
}
