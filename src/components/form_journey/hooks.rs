//! The journey's effects, each a hook named by what it does (as in yew's `function_todomvc`
//! and `function_router`): what the state means for the URL, the document, the device's
//! storage, the courier and an embedding page.

use crate::host::{best_locale, Command, JourneyEvent, Remote, Tracker};
use crate::io;
use crate::io::courier::News;
use crate::state::{Action, FormState, Screen};
use onewindow_engine::text_direction;
use yew::prelude::*;

/// The URL names the page (`query`), so back/forward buttons and bookmarks work, when
/// `keep_url`; arriving on another page moves focus to its content (`main`) as a full page
/// load would. Embedded, the host page's URL and scroll position are not ours: only the
/// form's own top (`page`) is brought into view.
#[hook]
pub(super) fn use_page_in_url(
    query: String,
    keep_url: bool,
    embedded: bool,
    main: &NodeRef,
    page: &NodeRef,
) {
    let first_render = use_mut_ref(|| true);
    let (main, page) = (main.clone(), page.clone());
    use_effect_with(query, move |query| {
        let first = std::mem::replace(&mut *first_render.borrow_mut(), false);
        if keep_url {
            io::url::set_query(query, first);
        }
        if !first {
            if let Some(main) = main.cast::<web_sys::HtmlElement>() {
                let _ = main.focus();
            }
            match page.cast::<web_sys::Element>() {
                Some(page) if embedded => io::dom::reveal_top(&page),
                _ => io::dom::scroll_to_top(),
            }
        }
    });
}

/// The back and forward buttons move through the journey's pages (and change its language)
/// when `listening`; leaving the form (back to its guide) is the app's router's to follow.
#[hook]
pub(super) fn use_back_and_forward(state: &UseReducerHandle<FormState>, listening: bool) {
    let state = state.clone();
    use_effect_with((), move |_| {
        let listener = listening.then(|| {
            io::url::on_history_change(move || {
                if io::url::query_param("form").as_deref() != Some(state.model.form().id.as_str()) {
                    return;
                }
                if let Some(lang) = io::url::query_param("lang") {
                    state.dispatch(Action::SetLocale(lang));
                }
                let page = io::url::query_param("page").unwrap_or_default();
                state.dispatch(Action::Visit(state.model.parse_position(&page)));
            })
        });
        move || drop(listener)
    });
}

/// Every change is saved on the device when `saving`; nothing is sent anywhere. Arriving on a
/// page (a move, a resumed draft) and an attempt to send are written at once; answers changed
/// on the page are written when the typing pauses, and at once when the page is hidden or left
/// (`io::drafts::save_draft_soon`), so a keystroke's frame carries no storage write. Once the
/// application is received, nothing of it stays on the device.
#[hook]
pub(super) fn use_draft_saving(state: &FormState, saving: bool) {
    let form = state.model.form();
    let draft = (saving && state.screen == Screen::Journey).then(|| state.to_draft());
    let (id, version) = (form.id.clone(), form.version.clone());
    let sent = state.screen == Screen::Sent;
    // The page and the idempotency key of the draft last written at once.
    let written = use_mut_ref(|| None::<(String, Option<String>)>);
    use_effect_with((draft, sent), move |(draft, sent)| {
        let mut written = written.borrow_mut();
        match draft {
            Some(draft)
                if written
                    .as_ref()
                    .is_some_and(|(page, key)| *page == draft.page && *key == draft.key) =>
            {
                io::drafts::save_draft_soon(&id, &version, draft.clone());
            }
            Some(draft) => {
                io::drafts::save_draft(&id, &version, draft);
                *written = Some((draft.page.clone(), draft.key.clone()));
            }
            None => *written = None,
        }
        if *sent {
            io::drafts::clear_draft(&id, &version);
        }
    });
}

/// "This is a shared or public computer", ticked or unticked, tells `io` where to keep things
/// from now on (when `connected`): ticked, the device's copy of this application goes.
#[hook]
pub(super) fn use_shared_computer(state: &FormState, connected: bool) {
    let form = state.model.form();
    let (id, version) = (form.id.clone(), form.version.clone());
    use_effect_with(state.shared_computer, move |on| {
        if connected && *on != io::device::shared_computer() {
            if *on {
                // While the device is still where things are kept: its copy goes.
                io::drafts::clear_draft(&id, &version);
            }
            io::device::set_shared_computer(*on);
        }
    });
}

/// The courier (started here when `listening`) tells the open form what happened to queued
/// applications: this one's reference when it arrives, and the list of those still waiting.
#[hook]
pub(super) fn use_courier_news(state: &UseReducerHandle<FormState>, listening: bool) {
    let state = state.clone();
    use_effect_with((), move |_| {
        let listening = listening.then(|| {
            let listening = io::courier::listen(move |news| match news {
                News::Delivered { key, reference } => {
                    state.dispatch(Action::Delivered { key, reference })
                }
                News::Rejected { key, message } => {
                    state.dispatch(Action::NotAccepted { key, message })
                }
                News::Waiting(entries) => state.dispatch(Action::Outbox(entries)),
            });
            io::courier::start();
            listening
        });
        move || drop(listening)
    });
}

/// An embedding page's commands (setLocale, prefill, reset), in the order sent.
#[hook]
pub(super) fn use_remote_commands(state: &UseReducerHandle<FormState>, remote: Option<Remote>) {
    let state = state.clone();
    let form = state.model.form();
    let (id, version) = (form.id.clone(), form.version.clone());
    use_effect_with(remote, move |remote| {
        let remote = remote.clone();
        if let Some(remote) = &remote {
            remote.connect(Callback::from(move |command| match command {
                Command::SetLocale(wanted) => {
                    if let Some(locale) = best_locale(&wanted, &state.model.form().locales) {
                        state.dispatch(Action::SetLocale(locale));
                    }
                }
                Command::Prefill(answers) => state.dispatch(Action::Prefill(answers)),
                Command::Reset => {
                    io::drafts::clear_draft(&id, &version);
                    state.dispatch(Action::ClearData);
                }
            }));
        }
        move || {
            if let Some(remote) = remote {
                remote.disconnect();
            }
        }
    });
}

/// What happened, told to an embedding page (`on_event`): worked out from the state by a
/// [`Tracker`], not announced by the components.
#[hook]
pub(super) fn use_journey_events(
    state: &UseReducerHandle<FormState>,
    on_event: Option<Callback<JourneyEvent>>,
) {
    let tracker = use_mut_ref(|| None::<Tracker>);
    let milestone = (
        state.screen,
        state.position,
        state.failed_attempts,
        state.delivery.reference().map(str::to_string),
        state.delivery.is_queued(),
    );
    let state = state.clone();
    use_effect_with(milestone, move |_| {
        if let Some(on_event) = on_event {
            let mut tracker = tracker.borrow_mut();
            match tracker.as_mut() {
                None => *tracker = Some(Tracker::new(&state)),
                Some(tracker) => {
                    for event in tracker.update(&state) {
                        on_event.emit(event);
                    }
                }
            }
        }
    });
}

/// The details remembered on this device are stored when they change (when `saving`), which
/// is only when the citizen says so (consent, delete).
#[hook]
pub(super) fn use_remembered_saving(state: &FormState, saving: bool) {
    use_effect_with(state.remembered.clone(), move |remembered| {
        if saving {
            io::remembered::save_remembered(remembered);
        }
    });
}

/// The browser tab's title and the document's language follow the page; embedded, the
/// host page's are not ours: the form's element (found from `main`) gets `lang` and `dir`.
#[hook]
pub(super) fn use_title_and_language(
    title: String,
    locale: String,
    embedded: bool,
    main: &NodeRef,
) {
    let main = main.clone();
    use_effect_with((title, locale), move |(title, locale)| {
        if !embedded {
            io::dom::set_title(title);
            io::dom::set_document_lang(locale, text_direction(locale));
        } else if let Some(element) = main.get().and_then(|main| io::dom::shadow_host(&main)) {
            io::dom::set_element_lang(&element, locale, text_direction(locale));
        }
    });
}
