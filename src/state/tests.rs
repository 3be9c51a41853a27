use super::*;
use crate::io::drafts::Draft;
use onewindow_engine::{formats::Date, load_form, Answers, Position, Remembered};
use serde_json::json;
use std::rc::Rc;
use yew::Reducible;

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
    let draft = Draft { answers, page: "city".into(), key: None, saved_ms: None };
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

/// A device that remembers one detail: the name "Li Lei".
fn li_lei_remembered() -> Remembered {
    let mut remembered = Remembered::default();
    remembered.0.insert(
        "person.full_name".into(),
        onewindow_engine::RememberedAnswer {
            answer: "Li Lei".into(),
            label: "Name".into(),
            shown: "Li Lei".into(),
        },
    );
    remembered
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
    let remembered = li_lei_remembered();
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
fn on_a_shared_computer_remembered_details_are_neither_offered_nor_asked_for() {
    let definition = json!({"schema_version": 1, "id": "t", "version": "1", "title": "T", "locales": ["en"],
    "pages": [
        {"id": "name", "fields": [{"id": "full_name", "type": "text", "label": "Full name", "concept": "person.full_name", "fill_once": true}]}
    ]});
    let model =
        Rc::new(load_form(&definition.to_string(), Date::new(2026, 1, 1).unwrap()).0.unwrap());
    let remembered = li_lei_remembered();
    let start = Rc::new(FormState::new(model, "en".into(), None, None, remembered));
    // The same journey with the box left alone offers, and asks afterwards: the control.
    let unticked = start.clone().reduce(Action::Start);
    assert_eq!(unticked.prefill_offers().len(), 1);
    let shared = start.reduce(Action::SharedComputer(true)).reduce(Action::Start);
    assert!(shared.shared_computer);
    assert!(shared.prefill_offers().is_empty(), "someone else's details are not offered");
    let typed =
        shared.reduce(Action::Answer { field: "full_name".into(), value: "Han Meimei".into() });
    let sent = typed.reduce(Action::Continue).reduce(Action::Sent("OW-1".into()));
    assert_eq!(sent.screen, Screen::Sent);
    assert!(sent.rememberable().is_empty(), "not asked to remember on a shared computer");
    let unticked_later = sent.reduce(Action::SharedComputer(false));
    assert_eq!(unticked_later.rememberable().len(), 1);
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

#[test]
fn removing_the_application_forgets_it_and_the_start_page_says_so_until_a_new_start() {
    let mut given = Answers::default();
    given.set("full_name", "Li Lei".into());
    let filled = state().reduce(Action::Prefill(given));
    let removed = filled.clone().reduce(Action::RemoveApplication);
    assert!(removed.answers.0.is_empty());
    assert_eq!(removed.screen, Screen::Start);
    assert!(removed.removed, "the start page says it was done");
    assert!(!removed.reduce(Action::Start).removed, "a new application starts afresh");
    assert!(!filled.reduce(Action::ClearData).removed, "clearing answers says nothing of the kind");
}
