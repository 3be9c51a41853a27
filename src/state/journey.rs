//! The state of one form journey: which screen, where the citizen is, the answers and what
//! they mean, the errors on show, and what became of the application. Every rule is the
//! engine's; this only keeps state and asks the engine.

use super::delivery::Delivery;
use crate::io::drafts::Draft;
use crate::shared::Shared;
use onewindow_engine::{
    Answers, ConceptAnswer, Evaluation, FieldError, FormModel, OutboxEntry, Package, Position,
    Remembered,
};

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
    /// The application's idempotency key, made at the first attempt to send and kept.
    pub key: Option<String>,
    /// What became of the application: not sent, sending, failed, queued or sent.
    pub delivery: Delivery,
    /// Details the citizen chose to keep on this device for any form ("fill once").
    pub remembered: Remembered,
    /// What the citizen made of the remembered details offered in this journey.
    pub prefill: Prefill,
    /// This journey's details were remembered (on the confirmation).
    pub remembered_now: bool,
    /// Where "Return to the form" leads from the saved-details screen.
    pub before_saved: Option<Screen>,
    /// The package as sent (or queued), for "Download your application".
    pub package: Option<Package>,
    /// Every application on this device waiting to be sent (any form).
    pub outbox: Vec<OutboxEntry>,
    /// Answers an assistant handed over, which "Start again" starts from.
    pub handed: Option<Answers>,
    /// Everything about the last application was just removed from the device: the start
    /// page says so.
    pub removed: bool,
    /// "This is a shared or public computer": nothing is kept on the device (the `io` layer
    /// keeps this tab's answers in memory), remembered details are not used or offered.
    pub shared_computer: bool,
    /// The remembered details offered on this page, worked out when the citizen arrives (not
    /// on every keystroke: it evaluates the form twice).
    pub(super) offers: Vec<ConceptAnswer>,
}

/// What the citizen made of the remembered details offered in this journey ("fill once").
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Prefill {
    /// Neither used nor declined: they are offered on the first page that asks for one.
    #[default]
    Undecided,
    /// "Fill in these details": they were filled in, on this page.
    Filled(Position),
    /// "No thanks": they are not offered again in this journey.
    Declined,
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
            key: None,
            delivery: Delivery::NotSent,
            remembered,
            prefill: Prefill::Undecided,
            remembered_now: false,
            before_saved: None,
            package: None,
            outbox: Vec::new(),
            handed,
            removed: false,
            shared_computer: false,
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
    pub(super) fn find_offers(&self) -> Vec<ConceptAnswer> {
        let Position::Page(page) = self.position else { return Vec::new() };
        if self.screen != Screen::Journey
            || self.prefill != Prefill::Undecided
            || self.remembered.0.is_empty()
            || self.shared_computer
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
        if self.screen != Screen::Sent || self.remembered_now || self.shared_computer {
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
            // Stamped when written (io::drafts).
            saved_ms: None,
        }
    }

    /// Starts again from the handed answers (or none): everything of this application is
    /// forgotten. An attempt to send under way goes on, and its outcome still arrives.
    pub(super) fn restart(&mut self) {
        self.answers = self.handed.clone().unwrap_or_default();
        self.evaluation = Shared::new(self.model.evaluate(&self.answers));
        self.position = self.model.start(&self.evaluation);
        self.returning_to_check = false;
        self.errors.clear();
        self.draft = None;
        self.key = None;
        if self.delivery != Delivery::Sending {
            self.delivery = Delivery::NotSent;
        }
        self.prefill = Prefill::Undecided;
        self.package = None;
        self.remembered_now = false;
    }
}
