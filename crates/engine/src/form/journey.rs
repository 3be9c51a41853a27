//! Where "Continue", "Back" and "Change" lead, derived from the evaluation of the answers:
//! the journey has no hidden state beyond the page the citizen is on.

use crate::form::answers::Answers;
use crate::form::model::{End, Evaluation, FormModel};
use crate::form::validate::{validate_page, FieldError};

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

/// The page token of the confirmation, after an application is sent or queued.
pub const CONFIRMATION: &str = "confirmation";

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
            Some(at) => evaluation.path.get(at + 1..).unwrap_or_default().to_vec(),
            None => evaluation.path.iter().copied().filter(|&p| p > page).collect(),
        };
        if returning_to_check {
            let incomplete = after.iter().copied().find(|&p| {
                validate_page(self, &evaluation, p, answers, locale)
                    .iter()
                    .any(FieldError::is_error)
            });
            return Ok(incomplete.map_or_else(|| end_position(&evaluation), Position::Page));
        }
        Ok(after.first().map_or_else(|| end_position(&evaluation), |&p| Position::Page(p)))
    }

    /// "Continue" on `page` as the citizen meets it, with `on_show` the problems already shown
    /// there: the problems to show now, or where it leads (as [`FormModel::continue_from`]).
    /// Errors are always shown; warnings are shown once: pressing "Continue" again with the
    /// same warnings on show goes on.
    pub fn continue_past_warnings(
        &self,
        evaluation: &Evaluation,
        page: usize,
        answers: &Answers,
        locale: &str,
        returning_to_check: bool,
        on_show: &[FieldError],
    ) -> Result<Position, Vec<FieldError>> {
        let found = validate_page(self, evaluation, page, answers, locale);
        if found.iter().any(FieldError::is_error) || (!found.is_empty() && found != on_show) {
            return Err(found);
        }
        self.continue_from(page, answers, locale, returning_to_check)
    }

    /// Where "Back" leads from `position`: the page before it on the path.
    pub fn back_from(&self, evaluation: &Evaluation, position: Position) -> Option<Position> {
        let previous = match position {
            Position::Page(page) => {
                evaluation.path.iter().copied().take_while(|&p| p != page).last()
            }
            Position::CheckAnswers | Position::Outcome(_) => evaluation.path.last().copied(),
        };
        previous.map(Position::Page)
    }

    /// Whether the answers are ready to submit: the path ends at check answers and no page on
    /// it has an error.
    pub fn is_complete(&self, evaluation: &Evaluation, answers: &Answers) -> bool {
        evaluation.end == End::CheckAnswers
            && evaluation.path.iter().all(|&page| {
                !validate_page(self, evaluation, page, answers, "en")
                    .iter()
                    .any(FieldError::is_error)
            })
    }
}

fn end_position(evaluation: &Evaluation) -> Position {
    match evaluation.end {
        End::CheckAnswers => Position::CheckAnswers,
        End::Outcome(o) => Position::Outcome(o),
    }
}

impl FormModel {
    /// Where a citizen may be for these answers, given where they ask to be (a bookmarked or
    /// back-button URL): the page itself if it is on the path and every page before it is
    /// complete; otherwise the first page that still needs answers. Check answers and outcomes
    /// are only reachable at the end of a complete path.
    pub fn allowed_position(
        &self,
        evaluation: &Evaluation,
        answers: &Answers,
        wanted: Position,
    ) -> Position {
        let first_incomplete = evaluation.path.iter().copied().find(|&p| {
            validate_page(self, evaluation, p, answers, "en").iter().any(FieldError::is_error)
        });
        match (wanted, first_incomplete) {
            // Routes only jump forward, so page order is path order.
            (Position::Page(page), first) if evaluation.path.contains(&page) => {
                Position::Page(first.filter(|&f| f < page).unwrap_or(page))
            }
            (_, Some(first)) => Position::Page(first),
            (_, None) => end_position(evaluation),
        }
    }

    /// The token for `position` in a URL: the page id, `check-answers` or `outcome:<id>`.
    pub fn position_token(&self, position: Position) -> String {
        match position {
            Position::Page(p) => {
                self.form.pages.get(p).map(|page| page.id.clone()).unwrap_or_default()
            }
            Position::CheckAnswers => "check-answers".to_string(),
            Position::Outcome(o) => format!(
                "outcome:{}",
                self.form.outcomes.get(o).map(|o| o.id.as_str()).unwrap_or("")
            ),
        }
    }

    /// Every page token of the form in the order a citizen meets them: question pages, check
    /// answers, outcomes, then [`CONFIRMATION`]. The order of the funnel reports.
    pub fn page_tokens(&self) -> Vec<String> {
        let mut tokens: Vec<String> =
            (0..self.form.pages.len()).map(|p| self.position_token(Position::Page(p))).collect();
        tokens.push(self.position_token(Position::CheckAnswers));
        tokens.extend(
            (0..self.form.outcomes.len()).map(|o| self.position_token(Position::Outcome(o))),
        );
        tokens.push(CONFIRMATION.to_string());
        tokens
    }

    /// The position a URL token names, if any.
    pub fn parse_position(&self, token: &str) -> Option<Position> {
        if token == "check-answers" {
            return Some(Position::CheckAnswers);
        }
        if let Some(id) = token.strip_prefix("outcome:") {
            return self.form.outcomes.iter().position(|o| o.id == id).map(Position::Outcome);
        }
        self.page_index(token).map(Position::Page)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formats::Date;
    use crate::load_form;
    use serde_json::json;

    fn model() -> FormModel {
        let form = json!({"schema_version": 1, "id": "t", "version": "1", "title": "T", "locales": ["en"],
        "pages": [
            {"id": "a", "fields": [{"id": "a", "type": "text", "label": "A", "required": true}]},
            {"id": "b", "fields": [{"id": "b", "type": "text", "label": "B", "required": true}]},
            {"id": "c", "fields": [{"id": "c", "type": "text", "label": "C"}]}
        ]});
        load_form(&form.to_string(), Date::new(2026, 1, 1).unwrap()).0.unwrap()
    }

    #[test]
    fn a_bookmarked_page_past_missing_answers_leads_to_the_first_missing_one() {
        let model = model();
        let mut answers = Answers::default();
        answers.set("a", "x".into());
        let evaluation = model.evaluate(&answers);
        assert_eq!(
            model.allowed_position(&evaluation, &answers, Position::Page(2)),
            Position::Page(1)
        );
        assert_eq!(
            model.allowed_position(&evaluation, &answers, Position::Page(0)),
            Position::Page(0)
        );
        assert_eq!(
            model.allowed_position(&evaluation, &answers, Position::CheckAnswers),
            Position::Page(1)
        );
        answers.set("b", "y".into());
        let evaluation = model.evaluate(&answers);
        assert_eq!(
            model.allowed_position(&evaluation, &answers, Position::CheckAnswers),
            Position::CheckAnswers
        );
    }

    #[test]
    fn positions_round_trip_through_url_tokens() {
        let model = model();
        for position in [Position::Page(0), Position::Page(2), Position::CheckAnswers] {
            assert_eq!(model.parse_position(&model.position_token(position)), Some(position));
        }
        assert_eq!(model.parse_position("nowhere"), None);
    }

    #[test]
    fn a_warning_is_shown_once_then_continue_goes_on() {
        let form = json!({"schema_version": 1, "id": "t", "version": "1", "title": "T", "locales": ["en"],
            "pages": [{"id": "n", "fields": [{"id": "n", "type": "integer", "label": "N"}]}],
            "rules": [{"id": "many", "field": "n", "assert": {"<": [{"var": "n"}, 10]},
                "severity": "warning", "message": "Check the number"}]});
        let model = load_form(&form.to_string(), Date::new(2026, 1, 1).unwrap()).0.unwrap();
        let mut answers = Answers::default();
        answers.set("n", "12".into());
        let evaluation = model.evaluate(&answers);
        let go = |on_show: &[FieldError]| {
            model.continue_past_warnings(&evaluation, 0, &answers, "en", false, on_show)
        };
        let shown = go(&[]).unwrap_err();
        assert_eq!((shown.len(), shown[0].is_error()), (1, false));
        assert_eq!(go(&shown), Ok(Position::CheckAnswers));
    }
}
