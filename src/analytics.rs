//! A form journey's analytics events, derived from its state like the embedding page's
//! [`JourneyEvent`]s (the same [`Tracker`]), then narrowed to what the engine's analytics
//! [`Event`]s may carry: the form, its version, the page, the question and the check that
//! failed, the outcome. The reference of an application never leaves in an event.

use crate::host::{JourneyEvent, Tracker};
use crate::io;
use crate::state::{FormState, Screen};
use onewindow_engine::analytics::{Event, Outcome};
use onewindow_engine::Position;
use yew::prelude::*;

/// The analytics events that tell the same as `event` (`version`: the definition's).
pub fn events_for(event: &JourneyEvent, version: &str) -> Vec<Event> {
    let version = version.to_string();
    match event {
        JourneyEvent::Start { form, version } => {
            vec![Event::JourneyStarted { form: form.clone(), version: version.clone() }]
        }
        JourneyEvent::PageChange { form, page, .. } => {
            vec![Event::PageReached { form: form.clone(), version, page: page.clone() }]
        }
        JourneyEvent::ValidationError { form, page, errors } => errors
            .iter()
            .map(|e| Event::ValidationError {
                form: form.clone(),
                version: version.clone(),
                page: page.clone(),
                field: e.field.clone(),
                rule: e.rule.clone(),
            })
            .collect(),
        JourneyEvent::Submitted { form, .. } => {
            vec![Event::Submission { form: form.clone(), version, outcome: Outcome::Submitted }]
        }
        JourneyEvent::Queued { form, .. } => {
            vec![Event::Submission { form: form.clone(), version, outcome: Outcome::Queued }]
        }
        // Searches are counted by the search itself (`io::analytics::zero_result_search`).
        JourneyEvent::NoResults { .. } => Vec::new(),
    }
}

/// The question page (or check answers) a state shows, whose time is measured and which is
/// abandoned if the citizen leaves there; `None` once sent or on an outcome, and on the start
/// page. Side screens (saved details, waiting applications) keep the page open.
pub fn open_page(state: &FormState) -> Option<Option<String>> {
    match (state.screen, state.position) {
        (Screen::SavedDetails | Screen::Waiting, _) => None,
        (Screen::Journey, Position::Page(_) | Position::CheckAnswers) => {
            Some(Some(state.model.position_token(state.position)))
        }
        _ => Some(None),
    }
}

/// Records the journey's analytics events as its state changes (nothing when the site has not
/// turned analytics on).
#[hook]
pub fn use_journey_analytics(state: &UseReducerHandle<FormState>) {
    let id = *use_memo((), |_| io::analytics::journey_id());
    let tracker = use_mut_ref(Tracker::default);
    let failed = use_mut_ref(|| false);
    let milestone = (
        state.screen,
        state.position,
        state.failed_attempts,
        state.delivery.reference().map(str::to_string),
        state.delivery.is_queued(),
        state.delivery.failure().is_some(),
    );
    let state = state.clone();
    use_effect_with(milestone, move |_| {
        if !io::analytics::enabled() {
            return;
        }
        let form = state.model.form();
        for event in tracker.borrow_mut().update(&state) {
            for event in events_for(&event, &form.version) {
                io::analytics::record(event);
            }
        }
        let failing = state.delivery.failure().is_some();
        if failing && !std::mem::replace(&mut *failed.borrow_mut(), failing) {
            io::analytics::record(Event::Submission {
                form: form.id.clone(),
                version: form.version.clone(),
                outcome: Outcome::Refused,
            });
        }
        if let Some(page) = open_page(&state) {
            io::analytics::page_open(
                id,
                page.as_deref().map(|p| (form.id.as_str(), form.version.as_str(), p)),
            );
        }
    });
    use_effect_with((), move |_| move || io::analytics::journey_left(id));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::host::ErrorRef;
    use crate::state::Action;
    use onewindow_engine::{formats::Date, load_form, Remembered};
    use serde_json::json;
    use std::rc::Rc;
    use yew::Reducible;

    #[test]
    fn journey_events_become_analytics_events_without_references() {
        let errors = JourneyEvent::ValidationError {
            form: "f".into(),
            page: "p".into(),
            errors: vec![
                ErrorRef { field: "a".into(), rule: "required".into() },
                ErrorRef { field: "b".into(), rule: "pattern".into() },
            ],
        };
        assert_eq!(
            serde_json::to_value(events_for(&errors, "2")).unwrap(),
            json!([
                {"type": "validation_error", "form": "f", "version": "2", "page": "p", "field": "a", "rule": "required"},
                {"type": "validation_error", "form": "f", "version": "2", "page": "p", "field": "b", "rule": "pattern"},
            ])
        );
        let sent = events_for(
            &JourneyEvent::Submitted { form: "f".into(), reference: "OW-20261127-000001".into() },
            "2",
        );
        let text = serde_json::to_string(&sent).unwrap();
        assert!(!text.contains("OW-") && text.contains("\"submitted\""), "{text}");
        let queued =
            events_for(&JourneyEvent::Queued { form: "f".into(), receipt: "ABC123".into() }, "2");
        assert!(!serde_json::to_string(&queued).unwrap().contains("ABC123"));
        assert!(events_for(&JourneyEvent::NoResults { query: "x".into() }, "2").is_empty());
    }

    #[test]
    fn only_question_pages_and_check_answers_are_open() {
        let definition = json!({"schema_version": 1, "id": "t", "version": "3", "title": "T", "locales": ["en"],
            "pages": [{"id": "name", "fields": [{"id": "full_name", "type": "text", "label": "Full name"}]}]});
        let model = load_form(&definition.to_string(), Date::new(2026, 1, 1).unwrap()).0.unwrap();
        let state =
            Rc::new(FormState::new(Rc::new(model), "en".into(), None, None, Remembered::default()));
        assert_eq!(open_page(&state), Some(None), "the start page");
        let state = state.reduce(Action::Start);
        assert_eq!(open_page(&state), Some(Some("name".into())));
        assert_eq!(
            open_page(&state.clone().reduce(Action::ShowSaved)),
            None,
            "a side screen keeps the page open"
        );
        let state = state.reduce(Action::Continue);
        assert_eq!(open_page(&state), Some(Some("check-answers".into())));
        let state = state.reduce(Action::Sending("k".into())).reduce(Action::Sent("OW-1".into()));
        assert_eq!(open_page(&state), Some(None), "sent: nothing to abandon");
    }
}
