//! The journey through one form as a reducer over engine types: the answers, where the
//! citizen is, and the errors on show. Every rule is the engine's; this only keeps state.

use crate::io::drafts::Draft;
use crate::shared::Shared;
use onewindow_engine::{
    Answer, Answers, ConceptAnswer, Evaluation, FieldError, FormModel, Position, Remembered,
};
use std::rc::Rc;
use yew::Reducible;

/// Which screen of the form is showing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Screen {
    /// The start page: what the form is for, "Start now".
    Start,
    /// A draft was found: continue it or start again.
    Resume,
    /// The questions, check answers or an outcome (see `position`).
    Journey,
    /// The application was received: its reference.
    Sent,
    /// The details remembered on this device ("fill once"), to see and delete.
    SavedDetails,
    /// The applications on this device waiting to be sent.
    Waiting,
}

/// Everything the form screens render.
#[derive(Clone, Debug, PartialEq)]
pub struct FormState {
    /// Which screen is showing.
    pub screen: Screen,
    /// A draft found on this device, until the citizen continues it or starts again.
    pub draft: Option<Draft>,
    /// The loaded definition.
    pub model: Shared<FormModel>,
    /// The locale the citizen reads in.
    pub locale: String,
    /// Answers so far, exactly as typed (hidden ones too, until the package drops them).
    pub answers: Answers,
    /// What the answers mean: path, visibility, computed values. Recomputed on every change;
    /// shared, so that the reducer's copy of the state on each keystroke does not copy a
    /// value per question only to replace them all.
    pub evaluation: Shared<Evaluation>,
    /// Where the citizen is.
    pub position: Position,
    /// The citizen came from a "Change" link and goes back to check answers after it.
    pub returning_to_check: bool,
    /// Problems found by the last "Continue" on this page.
    pub errors: Vec<FieldError>,
    /// Counts "Continue" presses that found errors, so the error summary takes focus each time.
    pub failed_attempts: u32,
    /// The receiver's reference once the application is received.
    pub reference: Option<String>,
    /// Why the last attempt to send failed, when it did.
    pub send_failure: Option<String>,
    /// Whether an attempt to send is under way.
    pub sending: bool,
    /// The application's idempotency key, made at the first attempt to send and kept.
    pub key: Option<String>,
    /// Details the citizen chose to keep on this device for any form ("fill once").
    pub remembered: Remembered,
    /// Remembered details were filled into this journey, on this page.
    pub prefilled: Option<Position>,
    /// The citizen declined the remembered details ("No thanks").
    pub prefill_declined: bool,
    /// This journey's details were remembered (on the confirmation).
    pub remembered_now: bool,
    /// Where "Return to the form" leads from the saved-details screen.
    pub before_saved: Option<Screen>,
    /// The application is saved on the device and will be sent when the service can be reached
    /// (`reference` is then the local receipt).
    pub queued: bool,
    /// The package as sent (or queued), for "Download your application".
    pub package: Option<onewindow_engine::Package>,
    /// Every application on this device waiting to be sent (any form).
    pub outbox: Vec<onewindow_engine::OutboxEntry>,
    /// Answers an assistant handed over, which "Start again" starts from.
    pub handed: Option<Answers>,
    /// The remembered details offered on this page, worked out when the citizen arrives (not
    /// on every keystroke: it evaluates the form twice).
    offers: Vec<ConceptAnswer>,
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
    /// "Start now" on the start page.
    Start,
    /// "Continue where you left off" on the resume screen.
    ResumeDraft,
    /// "Start again": the draft is discarded.
    StartAgain,
    /// The URL changed (back/forward buttons): go there if the answers allow it.
    Visit(Option<Position>),
    /// The citizen chose another language.
    SetLocale(String),
    /// "Clear my data": every answer is forgotten.
    ClearData,
    /// "Send application" was pressed; the key identifies the application on every attempt.
    Sending(String),
    /// The package was made and put in the outbox; the first attempt is under way.
    Packed(onewindow_engine::Package),
    /// The receiver accepted the application under this reference.
    Sent(String),
    /// The application could not be delivered yet; it waits on the device (local receipt).
    Queued(String),
    /// The outbox as it now stands.
    Outbox(Vec<onewindow_engine::OutboxEntry>),
    /// A queued application (perhaps this one) was delivered.
    Delivered {
        /// Its idempotency key.
        key: String,
        /// The backend's reference.
        reference: String,
    },
    /// A queued application (perhaps this one) was refused for good.
    NotAccepted {
        /// Its idempotency key.
        key: String,
        /// Why.
        message: String,
    },
    /// Shows the applications waiting on this device.
    ShowWaiting,
    /// The receiver refused some answers: show them on the first page concerned.
    Refused(Vec<onewindow_engine::PageError>),
    /// The application could not be sent (network, server): say so and keep everything.
    SendFailed(String),
    /// "Fill in these details": the remembered answers this form accepts are filled in.
    UsePrefill,
    /// "No thanks": the remembered details are not offered again in this journey.
    DeclinePrefill,
    /// "Save these details on this device": the citizen consents to remembering them.
    Remember,
    /// Shows the details remembered on this device.
    ShowSaved,
    /// Leaves the saved-details screen.
    LeaveSaved,
    /// Deletes one remembered detail (by concept).
    Forget(String),
    /// Deletes every remembered detail.
    ForgetAll,
    /// The embedding page fills in answers (question id → answer). They are answers like any
    /// other: shown, checked when the citizen continues, and theirs to change. Ids the form
    /// does not ask are ignored.
    Prefill(Answers),
}

impl FormState {
    /// A new journey through `model` in `locale`, at its first page.
    /// `wanted` is the page the URL names: without a draft to offer, the journey opens there
    /// (or at the first question still unanswered before it).
    pub fn new(
        model: impl Into<Shared<FormModel>>,
        locale: String,
        draft: Option<Draft>,
        wanted: Option<Position>,
        remembered: Remembered,
    ) -> Self {
        Self::handed(model, locale, draft, wanted, remembered, None)
    }

    /// A journey that starts with answers an assistant handed over (shown on the pages that
    /// ask, changeable like any answer). A draft on the device still comes first: the citizen
    /// chooses to continue it or start again, which starts from the handed answers.
    pub fn handed(
        model: impl Into<Shared<FormModel>>,
        locale: String,
        draft: Option<Draft>,
        wanted: Option<Position>,
        remembered: Remembered,
        handed: Option<Answers>,
    ) -> Self {
        let model = model.into();
        let answers = if draft.as_ref().is_some_and(|d| !d.answers.0.is_empty()) {
            Answers::default()
        } else {
            handed.clone().unwrap_or_default()
        };
        let evaluation = model.evaluate(&answers);
        let draft = draft.filter(|d| !d.answers.0.is_empty());
        let (screen, position) = match (&draft, wanted) {
            (Some(_), _) => (Screen::Resume, model.start(&evaluation)),
            (None, Some(wanted)) => {
                (Screen::Journey, model.allowed_position(&evaluation, &answers, wanted))
            }
            (None, None) => (Screen::Start, model.start(&evaluation)),
        };
        FormState {
            screen,
            draft,
            model,
            locale,
            answers,
            evaluation: Shared::new(evaluation),
            position,
            returning_to_check: false,
            errors: Vec::new(),
            failed_attempts: 0,
            reference: None,
            send_failure: None,
            sending: false,
            key: None,
            remembered,
            prefilled: None,
            prefill_declined: false,
            remembered_now: false,
            before_saved: None,
            queued: false,
            package: None,
            outbox: Vec::new(),
            handed,
            offers: Vec::new(),
        }
        .with_offers()
    }

    fn with_offers(mut self) -> Self {
        self.offers = self.find_offers();
        self
    }

    /// The remembered details offered on this page (see [`FormState::find_offers`]).
    pub fn prefill_offers(&self) -> &[ConceptAnswer] {
        &self.offers
    }

    /// The remembered details this journey could fill in, offered on the first page that
    /// asks for one of them: by then the answers say whether the form is about the citizen
    /// (e.g. "applying for yourself"), which a start page cannot know.
    fn find_offers(&self) -> Vec<ConceptAnswer> {
        let Position::Page(page) = self.position else { return Vec::new() };
        if self.screen != Screen::Journey
            || self.prefilled.is_some()
            || self.prefill_declined
            || self.remembered.0.is_empty()
        {
            return Vec::new();
        }
        let offers = self.model.prefill_offers(&self.remembered, &self.answers, &self.locale);
        let asked_here =
            offers.iter().any(|o| self.model.field(&o.field).is_some_and(|(p, _)| p == page));
        if asked_here {
            offers
        } else {
            Vec::new()
        }
    }

    /// The details of this journey the citizen may choose to remember (on the confirmation).
    pub fn rememberable(&self) -> Vec<ConceptAnswer> {
        if self.screen != Screen::Sent || self.remembered_now {
            return Vec::new();
        }
        self.model.rememberable(&self.evaluation, &self.answers, &self.locale)
    }

    /// The problems on show for `field`.
    pub fn errors_for<'a>(&'a self, field: &'a str) -> impl Iterator<Item = &'a FieldError> + 'a {
        self.errors.iter().filter(move |e| e.field == field)
    }

    /// Where "Back" leads, if anywhere.
    pub fn back_target(&self) -> Option<Position> {
        if self.screen != Screen::Journey {
            return None;
        }
        if self.returning_to_check {
            return Some(Position::CheckAnswers);
        }
        self.model.back_from(&self.evaluation, self.position)
    }

    /// The `page=` token of the URL for what is showing.
    pub fn url_token(&self) -> String {
        match self.screen {
            Screen::Start | Screen::Resume => "start".to_string(),
            Screen::Journey => self.model.position_token(self.position),
            Screen::Sent => "sent".to_string(),
            Screen::SavedDetails => "saved-details".to_string(),
            Screen::Waiting => "waiting".to_string(),
        }
    }

    /// The draft to save for the current answers and position.
    pub fn to_draft(&self) -> Draft {
        Draft {
            answers: self.answers.clone(),
            page: self.model.position_token(self.position),
            key: self.key.clone(),
        }
    }

    fn restart(&mut self) {
        self.answers = self.handed.clone().unwrap_or_default();
        self.evaluation = Shared::new(self.model.evaluate(&self.answers));
        self.position = self.model.start(&self.evaluation);
        self.returning_to_check = false;
        self.errors.clear();
        self.draft = None;
        self.key = None;
        self.reference = None;
        self.send_failure = None;
        self.prefilled = None;
        self.prefill_declined = false;
        self.queued = false;
        self.package = None;
        self.remembered_now = false;
    }
}

impl Reducible for FormState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Answer { field, value } => {
                next.answers.set(field, value);
                next.evaluation =
                    Shared::new(crate::io::timing::timed(|| next.model.evaluate(&next.answers)));
            }
            Action::Continue => {
                let Position::Page(page) = next.position else { return self };
                match next.model.continue_from(
                    page,
                    &next.answers,
                    &next.locale,
                    next.returning_to_check,
                ) {
                    Ok(_)
                        if {
                            // A warning is shown once ("you can still continue"); pressing
                            // Continue again with it on show goes on.
                            let warnings = onewindow_engine::validate_page(
                                &next.model,
                                &next.evaluation,
                                page,
                                &next.answers,
                                &next.locale,
                            );
                            let unseen = !warnings.is_empty() && warnings != next.errors;
                            if unseen {
                                next.errors = warnings;
                                next.failed_attempts += 1;
                            }
                            unseen
                        } => {}
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
            Action::StartAgain | Action::ClearData => {
                if action == Action::ClearData {
                    next.handed = None;
                }
                next.restart();
                next.screen = Screen::Start;
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
                next.sending = true;
                next.send_failure = None;
            }
            Action::Packed(package) => next.package = Some(package),
            Action::Sent(reference) => {
                next.sending = false;
                next.reference = Some(reference);
                next.queued = false;
                if next.screen != Screen::Waiting && next.screen != Screen::SavedDetails {
                    next.screen = Screen::Sent;
                }
            }
            Action::Queued(receipt) => {
                next.sending = false;
                next.reference = Some(receipt);
                next.queued = true;
                next.screen = Screen::Sent;
            }
            Action::Outbox(entries) => next.outbox = entries,
            Action::Delivered { key, reference } => {
                if !(next.queued && next.key.as_deref() == Some(key.as_str())) {
                    return self;
                }
                next.reference = Some(reference);
                next.queued = false;
            }
            Action::NotAccepted { key, message } => {
                if next.key.as_deref() != Some(key.as_str()) {
                    return self;
                }
                next.send_failure = Some(message);
            }
            Action::ShowWaiting => {
                if next.screen != Screen::Waiting && next.screen != Screen::SavedDetails {
                    next.before_saved = Some(next.screen);
                }
                next.screen = Screen::Waiting;
            }
            Action::SendFailed(message) => {
                next.sending = false;
                next.send_failure = Some(message);
            }
            Action::Refused(errors) => {
                next.sending = false;
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
                next.prefilled = Some(next.position);
            }
            Action::DeclinePrefill => next.prefill_declined = true,
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
        let changed_mind = next.prefilled != self.prefilled
            || next.prefill_declined != self.prefill_declined
            || next.remembered != self.remembered;
        if arrived || changed_mind || next.locale != self.locale {
            next.offers = next.find_offers();
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
        Rc::new(FormState::new(Rc::new(model), "en".into(), None, None, Remembered::default()))
            .reduce(Action::Start)
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
    fn a_draft_resumes_where_the_citizen_was_and_start_again_forgets_it() {
        let base = state();
        let mut answers = Answers::default();
        answers.set("full_name", "Li Lei".into());
        let draft = Draft { answers, page: "city".into(), key: None };
        let resumed = Rc::new(FormState::new(
            base.model.clone(),
            "en".into(),
            Some(draft.clone()),
            None,
            Remembered::default(),
        ));
        assert_eq!(resumed.screen, Screen::Resume);
        let resumed = resumed.reduce(Action::ResumeDraft);
        assert_eq!((resumed.screen, resumed.position), (Screen::Journey, Position::Page(1)));
        assert_eq!(resumed.answers.text("full_name"), "Li Lei");
        let again = Rc::new(FormState::new(
            base.model.clone(),
            "en".into(),
            Some(draft),
            None,
            Remembered::default(),
        ))
        .reduce(Action::StartAgain);
        assert_eq!(again.screen, Screen::Start);
        assert!(again.answers.0.is_empty());
    }

    #[test]
    fn visiting_a_later_page_by_url_stops_at_the_first_missing_answer() {
        let visited = state().reduce(Action::Visit(Some(Position::CheckAnswers)));
        assert_eq!(visited.position, Position::Page(0));
    }

    #[test]
    fn changing_language_rewords_the_errors_and_keeps_the_answers() {
        let definition = json!({"schema_version": 1, "id": "t", "version": "1", "title": "T", "locales": ["en", "zh-CN"],
            "pages": [{"id": "p", "fields": [
                {"id": "name", "type": "text", "label": {"en": "Full name", "zh-CN": "姓名"}, "required": true},
                {"id": "city", "type": "text", "label": {"en": "City", "zh-CN": "城市"}}]}]});
        let model = load_form(&definition.to_string(), Date::new(2026, 1, 1).unwrap()).0.unwrap();
        let shown =
            Rc::new(FormState::new(Rc::new(model), "en".into(), None, None, Remembered::default()))
                .reduce(Action::Start)
                .reduce(Action::Answer { field: "city".into(), value: "Xiamen".into() })
                .reduce(Action::Continue);
        assert_eq!(shown.errors[0].message, "Enter full name");
        let switched = shown.reduce(Action::SetLocale("zh-CN".into()));
        assert_eq!(switched.errors[0].message, "请填写姓名");
        assert_eq!(switched.answers.text("city"), "Xiamen");
        assert_eq!(
            switched.reduce(Action::SetLocale("fr".into())).locale,
            "zh-CN",
            "only the form's locales"
        );
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

    #[test]
    fn remembered_details_are_offered_on_the_page_that_asks_and_filled_only_on_request() {
        let definition = json!({"schema_version": 1, "id": "t", "version": "1", "title": "T", "locales": ["en"],
            "pages": [
                {"id": "intro", "fields": [{"id": "city", "type": "text", "label": "City"}]},
                {"id": "name", "fields": [{"id": "full_name", "type": "text", "label": "Full name", "required": true,
                    "concept": "person.full_name", "fill_once": true}]}]});
        let model =
            Rc::new(load_form(&definition.to_string(), Date::new(2026, 1, 1).unwrap()).0.unwrap());
        let mut remembered = Remembered::default();
        remembered.0.insert(
            "person.full_name".into(),
            onewindow_engine::RememberedAnswer {
                answer: "Li Lei".into(),
                label: "Name".into(),
                shown: "Li Lei".into(),
            },
        );
        let fresh = || {
            Rc::new(FormState::new(model.clone(), "en".into(), None, None, remembered.clone()))
                .reduce(Action::Start)
        };
        let first = fresh();
        assert!(first.prefill_offers().is_empty(), "not offered on a page that does not ask");
        let on_name = first.reduce(Action::Continue);
        assert_eq!(on_name.prefill_offers().len(), 1);
        assert_eq!(on_name.answers.text("full_name"), "", "nothing filled before the citizen asks");
        let filled = on_name.clone().reduce(Action::UsePrefill);
        assert_eq!(filled.answers.text("full_name"), "Li Lei");
        assert!(filled.prefill_offers().is_empty());
        let declined = on_name.reduce(Action::DeclinePrefill);
        assert_eq!(declined.answers.text("full_name"), "");
        assert!(declined.prefill_offers().is_empty(), "not offered again after No thanks");

        // After sending, the citizen may keep this journey's details; forgetting removes them.
        let sent = filled.reduce(Action::Continue).reduce(Action::Sent("OW-1".into()));
        let nothing =
            Rc::new(FormState::new(model.clone(), "en".into(), None, None, Remembered::default()));
        assert!(nothing.rememberable().is_empty(), "only offered on the confirmation");
        assert_eq!(sent.rememberable().len(), 1);
        let kept = sent.reduce(Action::Remember);
        assert!(kept.remembered_now && kept.rememberable().is_empty());
        assert!(kept.remembered.0.contains_key("person.full_name"));
        let forgotten =
            kept.reduce(Action::ShowSaved).reduce(Action::Forget("person.full_name".into()));
        assert_eq!(forgotten.screen, Screen::SavedDetails);
        assert!(forgotten.remembered.0.is_empty());
        assert_eq!(forgotten.reduce(Action::LeaveSaved).screen, Screen::Sent);
    }

    #[test]
    fn prefilled_answers_are_ordinary_answers_and_unknown_ids_are_ignored() {
        let mut given = Answers::default();
        given.set("full_name", "Li Lei".into());
        given.set("not_a_question", "x".into());
        let filled = state().reduce(Action::Prefill(given));
        assert_eq!(filled.answers.text("full_name"), "Li Lei");
        assert!(filled.answers.get("not_a_question").is_none());
        let moved = filled.reduce(Action::Continue);
        assert_eq!(moved.position, Position::Page(1), "checked like typed answers");
        let changed = moved
            .reduce(Action::Back)
            .reduce(Action::Answer { field: "full_name".into(), value: "Han Meimei".into() });
        assert_eq!(changed.answers.text("full_name"), "Han Meimei");
        assert!(changed.reduce(Action::ClearData).answers.0.is_empty(), "cleared like any answer");
    }

    #[test]
    fn a_warning_is_shown_once_and_continue_again_goes_on() {
        let definition = json!({"schema_version": 1, "id": "t", "version": "1", "title": "T", "locales": ["en"],
            "pages": [
                {"id": "n", "fields": [{"id": "n", "type": "integer", "label": "Children", "required": true}]},
                {"id": "end", "fields": [{"id": "x", "type": "text", "label": "X"}]}],
            "rules": [{"id": "many", "field": "n", "assert": {"<": [{"var": "n"}, 10]}, "severity": "warning",
                "message": "That is a lot of children: check the number"}]});
        let (model, problems) = load_form(&definition.to_string(), Date::new(2026, 1, 1).unwrap());
        assert!(problems.is_empty(), "{problems:?}");
        let first = Rc::new(FormState::new(
            Rc::new(model.unwrap()),
            "en".into(),
            None,
            None,
            Remembered::default(),
        ))
        .reduce(Action::Start)
        .reduce(Action::Answer { field: "n".into(), value: "12".into() })
        .reduce(Action::Continue);
        assert_eq!(first.position, Position::Page(0), "the warning is shown first");
        assert_eq!(first.errors.len(), 1);
        assert!(!first.errors[0].is_error());
        let second = first.reduce(Action::Continue);
        assert_eq!(second.position, Position::Page(1));
        assert!(second.errors.is_empty());
    }
}
