//! The reducer: each action gives the next state.

use super::action::Action;
use super::delivery::Delivery;
use super::journey::{FormState, Prefill, Screen};
use crate::io::timing::timed;
use crate::shared::Shared;
use onewindow_engine::{Answer, Position, Remembered};
use std::rc::Rc;
use yew::Reducible;

impl Reducible for FormState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Answer { field, value } => {
                next.answers.set(field, value);
                next.evaluation = Shared::new(timed(|| next.model.evaluate(&next.answers)));
            }
            Action::Continue => {
                let Position::Page(page) = next.position else { return self };
                match next.model.continue_past_warnings(
                    &next.evaluation,
                    page,
                    &next.answers,
                    &next.locale,
                    next.returning_to_check,
                    &next.errors,
                ) {
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
            Action::Start => {
                next.removed = false;
                next.screen = Screen::Journey;
                next.position = next.model.start(&next.evaluation);
            }
            Action::ResumeDraft => {
                if let Some(draft) = next.draft.take() {
                    next.key = draft.key;
                    next.answers = draft.answers;
                    next.evaluation = Shared::new(next.model.evaluate(&next.answers));
                    let wanted = next.model.parse_position(&draft.page).unwrap_or(next.position);
                    next.position =
                        next.model.allowed_position(&next.evaluation, &next.answers, wanted);
                }
                next.screen = Screen::Journey;
            }
            Action::StartAgain | Action::ClearData | Action::RemoveApplication => {
                if action != Action::StartAgain {
                    next.handed = None;
                }
                next.restart();
                next.screen = Screen::Start;
                next.removed = action == Action::RemoveApplication;
            }
            Action::Visit(None) => {
                if next.screen == Screen::Journey {
                    next.screen = Screen::Start;
                }
            }
            Action::Visit(Some(wanted)) => {
                if next.screen == Screen::Resume {
                    return self;
                }
                next.screen = Screen::Journey;
                next.position =
                    next.model.allowed_position(&next.evaluation, &next.answers, wanted);
                next.returning_to_check = false;
                next.errors.clear();
            }
            Action::Sending(key) => {
                next.key.get_or_insert(key);
                next.delivery = Delivery::Sending;
            }
            Action::Packed(package) => next.package = Some(package),
            Action::Sent(reference) => {
                next.delivery = Delivery::Sent(reference);
                if next.screen != Screen::Waiting && next.screen != Screen::SavedDetails {
                    next.screen = Screen::Sent;
                }
            }
            Action::Queued(receipt) => {
                next.delivery = Delivery::Queued { receipt, rejected: None };
                next.screen = Screen::Sent;
            }
            Action::Outbox(entries) => next.outbox = entries,
            Action::Delivered { key, reference } => {
                if !(next.delivery.is_queued() && next.key.as_deref() == Some(key.as_str())) {
                    return self;
                }
                next.delivery = Delivery::Sent(reference);
            }
            Action::NotAccepted { key, message } => {
                if next.key.as_deref() != Some(key.as_str()) {
                    return self;
                }
                next.delivery.reject(message);
            }
            Action::ShowWaiting => {
                if next.screen != Screen::Waiting && next.screen != Screen::SavedDetails {
                    next.before_saved = Some(next.screen);
                }
                next.screen = Screen::Waiting;
            }
            Action::SendFailed(message) => next.delivery = Delivery::Failed(message),
            Action::Refused(errors) => {
                if next.delivery.is_sending() {
                    next.delivery = Delivery::NotSent;
                }
                if let Some(first) = errors.first().and_then(|e| next.model.page_index(&e.page)) {
                    next.position = Position::Page(first);
                    next.returning_to_check = true;
                    next.errors = errors
                        .iter()
                        .filter(|e| next.model.page_index(&e.page) == Some(first))
                        .map(|e| e.error.clone())
                        .collect();
                    next.failed_attempts += 1;
                }
            }
            Action::UsePrefill => {
                // Worked out afresh: an answer typed since arriving is never overwritten.
                for offer in next.find_offers() {
                    next.answers.set(offer.field, offer.answer);
                }
                next.evaluation = Shared::new(next.model.evaluate(&next.answers));
                next.prefill = Prefill::Filled(next.position);
            }
            Action::DeclinePrefill => next.prefill = Prefill::Declined,
            Action::SharedComputer(on) => next.shared_computer = on,
            Action::Remember => {
                let details = next.rememberable();
                next.remembered.remember(&details);
                next.remembered_now = true;
            }
            Action::ShowSaved => {
                if next.screen != Screen::SavedDetails && next.screen != Screen::Waiting {
                    next.before_saved = Some(next.screen);
                }
                next.screen = Screen::SavedDetails;
            }
            Action::LeaveSaved => {
                next.screen = next.before_saved.take().unwrap_or(Screen::Start);
            }
            Action::Forget(concept) => next.remembered.forget(&concept),
            Action::ForgetAll => next.remembered = Remembered::default(),
            Action::Prefill(answers) => {
                let known: Vec<(String, Answer)> = answers
                    .0
                    .into_iter()
                    .filter(|(id, _)| next.model.field(id).is_some())
                    .collect();
                if known.is_empty() {
                    return self;
                }
                // A draft on offer gets them too, so "Continue where you left off" keeps them.
                for (id, answer) in known {
                    if let Some(draft) = &mut next.draft {
                        draft.answers.set(id.clone(), answer.clone());
                    }
                    next.answers.set(id, answer);
                }
                next.evaluation = Shared::new(next.model.evaluate(&next.answers));
            }
            Action::SetLocale(locale) => {
                if next.model.form().locales.contains(&locale) {
                    next.locale = locale;
                    // Messages on show were worded in the old language: word them again.
                    if !next.errors.is_empty() {
                        if let Position::Page(page) = next.position {
                            next.errors = onewindow_engine::validate_page(
                                &next.model,
                                &next.evaluation,
                                page,
                                &next.answers,
                                &next.locale,
                            );
                        }
                    }
                }
            }
        }
        let arrived = next.position != self.position || next.screen != self.screen;
        let changed_mind = next.prefill != self.prefill || next.remembered != self.remembered;
        if arrived || changed_mind || next.locale != self.locale {
            next.offers = next.find_offers();
        }
        Rc::new(next)
    }
}
