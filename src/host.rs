//! Where the app runs and how an embedding page talks to it.
//!
//! On its own page ([`Host::Page`]) the journey owns the document: the URL names the page, the
//! tab's title and `<html lang dir>` follow it. Embedded in another site's page
//! ([`Host::Embedded`], inside a shadow root) it touches nothing outside its element: no URL,
//! history, title or document language; the element gets `lang` and `dir` instead. Either
//! way drafts, the outbox and the courier work the same.
//!
//! An embedding page sends [`Command`]s through a [`Remote`] and hears [`JourneyEvent`]s, which
//! a [`Tracker`] derives from the journey's state as it changes: components never announce
//! anything themselves.

use crate::shared::Shared;
use crate::state::{FormState, Screen};
use onewindow_engine::{Answers, Position};
use serde::Serialize;
use std::cell::RefCell;
use yew::Callback;

/// Where the app runs (a context provided by the root component).
#[derive(Clone, Debug, PartialEq, Default)]
pub enum Host {
    /// The app's own page (`index.html`): it owns the URL, the title and `<html lang>`.
    #[default]
    Page,
    /// Inside an element of another site's page.
    Embedded {
        /// Where reference lists are fetched from: `<lists_base><name>.json` (ends with `/`).
        lists_base: String,
    },
}

impl Host {
    /// Whether the app is embedded in another site's page.
    pub fn is_embedded(&self) -> bool {
        matches!(self, Host::Embedded { .. })
    }

    /// The address of reference list `name` (`forms/data/<name>.json` next to the app's page).
    pub fn list_url(&self, name: &str) -> String {
        match self {
            Host::Page => format!("forms/{}", onewindow_engine::list_file(name)),
            Host::Embedded { lists_base } => format!("{lists_base}{name}.json"),
        }
    }
}

/// The language of what is shown before a catalog or a definition says which languages it has
/// (loading, or listing why it cannot be used), when the URL or the element asks for none.
pub const DEFAULT_LOCALE: &str = "zh-CN";

/// The form's locale for a language asked for: the same tag, else the first of the form's
/// locales with the same primary language (`en-GB` → `en`, `zh` → `zh-CN`); case does not
/// matter.
pub fn best_locale(wanted: &str, available: &[String]) -> Option<String> {
    let primary = |tag: &str| tag.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
    available
        .iter()
        .find(|l| l.eq_ignore_ascii_case(wanted))
        .or_else(|| available.iter().find(|l| primary(l) == primary(wanted)))
        .cloned()
}

/// What an embedding page asks of an embedded form.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Show the form in this language (ignored unless the form has it).
    SetLocale(String),
    /// Fill in these answers (question id → answer as the form keeps it); the citizen sees
    /// them and may change them.
    Prefill(Answers),
    /// Forget this form's draft and answers, as "Clear my answers" does.
    Reset,
}

/// A mailbox from the embedding page to the journey: commands sent before the form has
/// loaded wait, in order, until the journey connects.
#[derive(Clone, Default, PartialEq)]
pub struct Remote(Shared<RefCell<Mailbox>>);

#[derive(Default)]
struct Mailbox {
    waiting: Vec<Command>,
    receiver: Option<Callback<Command>>,
}

impl Remote {
    /// Delivers `command` now, or when the journey connects.
    pub fn send(&self, command: Command) {
        let receiver = self.0.borrow().receiver.clone();
        match receiver {
            Some(receiver) => receiver.emit(command),
            None => self.0.borrow_mut().waiting.push(command),
        }
    }

    /// The journey takes delivery (of what waited, first).
    pub(crate) fn connect(&self, receiver: Callback<Command>) {
        let waiting = {
            let mut mailbox = self.0.borrow_mut();
            mailbox.receiver = Some(receiver.clone());
            std::mem::take(&mut mailbox.waiting)
        };
        for command in waiting {
            receiver.emit(command);
        }
    }

    /// The journey is gone; commands wait again.
    pub(crate) fn disconnect(&self) {
        self.0.borrow_mut().receiver = None;
    }
}

/// A validation error as an embedding page hears of it: which question and which check, never
/// the answer or the message (which may quote it).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ErrorRef {
    /// The question's id.
    pub field: String,
    /// The check that failed (`required`, `max_length`, a rule's id…).
    pub rule: String,
}

/// An application just sent, as what follows it on the confirmation needs it: the rating form
/// (好差评) and "you may also need" (`components::after_sent`). The form page's bundle leaves
/// both to a module it loads once an application is sent; the portal renders them itself; an
/// embedding page has neither.
#[derive(Clone, Debug, PartialEq)]
pub struct SentApplication {
    /// The form's id (the catalog names the service that has it).
    pub form: yew::AttrValue,
    /// The form's version.
    pub version: yew::AttrValue,
    /// The case reference the receiver issued; empty while the application waits on the
    /// device (there is no case to rate yet).
    pub reference: yew::AttrValue,
    /// What proves the case when it is rated (`onewindow_engine::analytics::rating_token`);
    /// empty with the reference.
    pub rating_token: yew::AttrValue,
    /// Interface locale.
    pub locale: yew::AttrValue,
}

/// Something an embedding page may want to know (for analytics or its own UI). Never carries
/// answers.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(untagged)]
pub enum JourneyEvent {
    /// The citizen started (or resumed) the form.
    Start {
        /// The form's id.
        form: String,
        /// The definition's version.
        version: String,
    },
    /// Another page is showing.
    PageChange {
        /// The form's id.
        form: String,
        /// The page's id, `check-answers`, `outcome:<id>` or `confirmation`.
        page: String,
        /// How far along the citizen's path it is, from 0 (check answers comes after the last
        /// question page, the confirmation after check answers).
        index: usize,
    },
    /// "Continue" (or the backend) found errors on a page.
    ValidationError {
        /// The form's id.
        form: String,
        /// The page's id.
        page: String,
        /// Each error's question and check.
        errors: Vec<ErrorRef>,
    },
    /// The backend received the application.
    Submitted {
        /// The form's id.
        form: String,
        /// The backend's reference (or the local receipt when its reply had none).
        reference: String,
    },
    /// The application is kept on the device until the backend can be reached.
    Queued {
        /// The form's id.
        form: String,
        /// The local receipt.
        receipt: String,
    },
    /// A search (submitted with Enter or the button) found no service. The query is the
    /// citizen's own words, never an answer to a form.
    NoResults {
        /// What was searched for.
        query: String,
    },
}

impl JourneyEvent {
    /// The DOM event's name.
    pub fn name(&self) -> &'static str {
        match self {
            JourneyEvent::Start { .. } => "onewindow:start",
            JourneyEvent::PageChange { .. } => "onewindow:pagechange",
            JourneyEvent::ValidationError { .. } => "onewindow:validationerror",
            JourneyEvent::Submitted { .. } => "onewindow:submitted",
            JourneyEvent::Queued { .. } => "onewindow:queued",
            JourneyEvent::NoResults { .. } => "onewindow:searchnoresults",
        }
    }
}

/// Works out the [`JourneyEvent`]s from one state of the journey to the next.
#[derive(Debug, Default)]
pub struct Tracker {
    started: bool,
    page: Option<String>,
    failed_attempts: u32,
    submitted: Option<String>,
    queued: Option<String>,
}

impl Tracker {
    /// A tracker that takes `state` as what the embedding page already knows.
    pub fn new(state: &FormState) -> Self {
        let mut tracker = Tracker::default();
        let _ = tracker.update(state);
        tracker.failed_attempts = state.failed_attempts;
        tracker
    }

    /// The events between the last state seen and `state`, in the order they happened.
    pub fn update(&mut self, state: &FormState) -> Vec<JourneyEvent> {
        let form = state.model.form();
        let mut events = Vec::new();
        let on_start = matches!(state.screen, Screen::Start | Screen::Resume);
        if on_start {
            *self = Tracker { failed_attempts: state.failed_attempts, ..Tracker::default() };
            return events;
        }
        let step = match state.screen {
            Screen::Journey => {
                let index = match state.position {
                    Position::Page(page) => {
                        state.evaluation.path.iter().position(|&p| p == page).unwrap_or(0)
                    }
                    Position::CheckAnswers | Position::Outcome(_) => state.evaluation.path.len(),
                };
                Some((state.model.position_token(state.position), index))
            }
            Screen::Sent => {
                Some((onewindow_engine::CONFIRMATION.to_string(), state.evaluation.path.len() + 1))
            }
            Screen::SavedDetails | Screen::Waiting | Screen::Start | Screen::Resume => None,
        };
        if !self.started && step.is_some() {
            self.started = true;
            events
                .push(JourneyEvent::Start { form: form.id.clone(), version: form.version.clone() });
        }
        if let Some((page, index)) = step {
            if self.page.as_deref() != Some(page.as_str()) {
                self.page = Some(page.clone());
                events.push(JourneyEvent::PageChange { form: form.id.clone(), page, index });
            }
        }
        if state.failed_attempts != self.failed_attempts {
            self.failed_attempts = state.failed_attempts;
            let errors: Vec<ErrorRef> = state
                .errors
                .iter()
                .filter(|e| e.is_error())
                .map(|e| ErrorRef { field: e.field.clone(), rule: e.rule.clone() })
                .collect();
            if let (false, Position::Page(_)) = (errors.is_empty(), state.position) {
                events.push(JourneyEvent::ValidationError {
                    form: form.id.clone(),
                    page: state.model.position_token(state.position),
                    errors,
                });
            }
        }
        if state.screen == Screen::Sent {
            if let Some(reference) = state.delivery.reference() {
                let reference = reference.to_string();
                let (seen, event) = if state.delivery.is_queued() {
                    (
                        &mut self.queued,
                        JourneyEvent::Queued { form: form.id.clone(), receipt: reference.clone() },
                    )
                } else {
                    (
                        &mut self.submitted,
                        JourneyEvent::Submitted {
                            form: form.id.clone(),
                            reference: reference.clone(),
                        },
                    )
                };
                if seen.as_ref() != Some(&reference) {
                    *seen = Some(reference);
                    events.push(event);
                }
            }
        }
        events
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::Action;
    use onewindow_engine::{formats::Date, load_form, Remembered};
    use serde_json::json;
    use std::rc::Rc;
    use yew::Reducible;

    fn fresh() -> Rc<FormState> {
        let definition = json!({"schema_version": 1, "id": "t", "version": "3", "title": "T", "locales": ["en"],
        "pages": [
            {"id": "name", "fields": [{"id": "full_name", "type": "text", "label": "Full name", "required": true}]},
            {"id": "city", "fields": [{"id": "city", "type": "text", "label": "City"}]}
        ]});
        let model = load_form(&definition.to_string(), Date::new(2026, 1, 1).unwrap()).0.unwrap();
        Rc::new(FormState::new(Rc::new(model), "en".into(), None, None, Remembered::default()))
    }

    fn names(events: &[JourneyEvent]) -> Vec<&'static str> {
        events.iter().map(JourneyEvent::name).collect()
    }

    #[test]
    fn a_whole_journey_is_told_as_start_pages_errors_and_submitted() {
        let state = fresh();
        let mut tracker = Tracker::new(&state);
        let state = state.reduce(Action::Start);
        assert_eq!(
            tracker.update(&state),
            vec![
                JourneyEvent::Start { form: "t".into(), version: "3".into() },
                JourneyEvent::PageChange { form: "t".into(), page: "name".into(), index: 0 },
            ]
        );
        let state = state.reduce(Action::Answer { field: "full_name".into(), value: " ".into() });
        assert!(tracker.update(&state).is_empty(), "typing is not an event");
        let state = state.reduce(Action::Continue);
        let events = tracker.update(&state);
        assert_eq!(
            events,
            vec![JourneyEvent::ValidationError {
                form: "t".into(),
                page: "name".into(),
                errors: vec![ErrorRef { field: "full_name".into(), rule: "required".into() }],
            }]
        );
        let state = state.reduce(Action::Continue);
        assert_eq!(
            names(&tracker.update(&state)),
            vec!["onewindow:validationerror"],
            "each failed Continue is told"
        );
        let state = state
            .reduce(Action::Answer { field: "full_name".into(), value: "Li Lei".into() })
            .reduce(Action::Continue);
        assert_eq!(
            tracker.update(&state),
            vec![JourneyEvent::PageChange { form: "t".into(), page: "city".into(), index: 1 }]
        );
        let state = state.reduce(Action::Continue);
        assert_eq!(
            tracker.update(&state),
            vec![JourneyEvent::PageChange {
                form: "t".into(),
                page: "check-answers".into(),
                index: 2
            }]
        );
        let state = state.reduce(Action::Sending("k".into())).reduce(Action::Sent("OW-1".into()));
        assert_eq!(
            tracker.update(&state),
            vec![
                JourneyEvent::PageChange {
                    form: "t".into(),
                    page: "confirmation".into(),
                    index: 3
                },
                JourneyEvent::Submitted { form: "t".into(), reference: "OW-1".into() },
            ]
        );
        assert!(tracker.update(&state).is_empty(), "told once");
    }

    #[test]
    fn a_queued_application_is_told_and_so_is_its_delivery() {
        let state = fresh()
            .reduce(Action::Start)
            .reduce(Action::Answer { field: "full_name".into(), value: "Li".into() });
        let mut tracker = Tracker::new(&state);
        let state = state
            .reduce(Action::Continue)
            .reduce(Action::Continue)
            .reduce(Action::Sending("k".into()));
        let _ = tracker.update(&state);
        let queued = state.reduce(Action::Queued("ABC123".into()));
        let events = tracker.update(&queued);
        assert_eq!(names(&events), vec!["onewindow:pagechange", "onewindow:queued"]);
        assert_eq!(events[1], JourneyEvent::Queued { form: "t".into(), receipt: "ABC123".into() });
        let delivered =
            queued.reduce(Action::Delivered { key: "k".into(), reference: "OW-9".into() });
        assert_eq!(
            tracker.update(&delivered),
            vec![JourneyEvent::Submitted { form: "t".into(), reference: "OW-9".into() }]
        );
    }

    #[test]
    fn starting_again_is_a_new_start_and_side_screens_are_not_pages() {
        let state = fresh().reduce(Action::Start);
        let mut tracker = Tracker::new(&state);
        assert!(tracker.update(&state).is_empty(), "the state it was made with is known");
        let saved = state.reduce(Action::ShowSaved);
        assert!(tracker.update(&saved).is_empty());
        let back = saved.reduce(Action::LeaveSaved);
        assert!(tracker.update(&back).is_empty(), "the same page again");
        let cleared = back.reduce(Action::ClearData);
        assert!(tracker.update(&cleared).is_empty());
        assert_eq!(
            names(&tracker.update(&cleared.reduce(Action::Start))),
            vec!["onewindow:start", "onewindow:pagechange"]
        );
    }

    #[test]
    fn payloads_are_flat_json_without_answers() {
        let event = JourneyEvent::ValidationError {
            form: "t".into(),
            page: "name".into(),
            errors: vec![ErrorRef { field: "full_name".into(), rule: "required".into() }],
        };
        assert_eq!(
            serde_json::to_value(&event).unwrap(),
            json!({"form": "t", "page": "name", "errors": [{"field": "full_name", "rule": "required"}]})
        );
    }

    #[test]
    fn commands_sent_before_the_journey_connects_wait_in_order() {
        let remote = Remote::default();
        remote.send(Command::SetLocale("zh-CN".into()));
        remote.send(Command::Reset);
        let heard = Rc::new(RefCell::new(Vec::new()));
        let sink = heard.clone();
        remote.connect(Callback::from(move |c| sink.borrow_mut().push(c)));
        remote.send(Command::SetLocale("en".into()));
        assert_eq!(
            *heard.borrow(),
            vec![
                Command::SetLocale("zh-CN".into()),
                Command::Reset,
                Command::SetLocale("en".into())
            ]
        );
        remote.disconnect();
        remote.send(Command::Reset);
        assert_eq!(heard.borrow().len(), 3, "nothing delivered while disconnected");
    }

    #[test]
    fn a_language_finds_the_form_locale_with_the_same_primary_language() {
        let available = vec!["zh-CN".to_string(), "en".to_string()];
        assert_eq!(best_locale("en", &available).as_deref(), Some("en"));
        assert_eq!(best_locale("zh-cn", &available).as_deref(), Some("zh-CN"));
        assert_eq!(best_locale("en-GB", &available).as_deref(), Some("en"));
        assert_eq!(best_locale("zh", &available).as_deref(), Some("zh-CN"));
        assert_eq!(best_locale("fr", &available), None);
    }

    #[test]
    fn lists_come_from_the_app_or_next_to_the_definition() {
        assert_eq!(Host::Page.list_url("cn-regions"), "forms/data/cn-regions.json");
        let embedded = Host::Embedded { lists_base: "https://gov.example/forms/data/".into() };
        assert_eq!(
            embedded.list_url("cn-regions"),
            "https://gov.example/forms/data/cn-regions.json"
        );
    }
}
