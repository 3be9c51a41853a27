//! One form: start page, questions, check answers or an outcome; the URL, the draft and the
//! language follow the state (`hooks`). Embedded in another site's page (`Host::Embedded`) it
//! leaves the URL, the title and the document alone, takes commands from the embedding page and
//! tells it what happens.

mod hooks;
mod screens;

use super::check_answers::CheckAnswers;
use super::device::{Confirmation, SavedDetailsPage, WaitingPage};
use super::outcome::OutcomePage;
use super::question_page::QuestionPage;
use crate::analytics::use_journey_analytics;
use crate::host::{Host, JourneyEvent, Remote, SentApplication};
use crate::io;
use crate::shared::Shared;
use crate::state::{FormState, Screen};
use onewindow_engine::{text_direction, ui_text, FormModel, Position, Remembered, UiText};
use yew::prelude::*;

/// Props for [`FormJourney`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The loaded form.
    pub model: Shared<FormModel>,
    /// Interface and content locale.
    pub locale: AttrValue,
    /// A draft found on this device, if any.
    #[prop_or_default]
    pub draft: Option<io::drafts::Draft>,
    /// Details remembered on this device for any form.
    #[prop_or_default]
    pub remembered: Remembered,
    /// Whether to keep the URL and the draft in step with the state (off in component tests).
    #[prop_or(true)]
    pub connected: bool,
    /// Hears what happens, for an embedding page (see [`JourneyEvent`]).
    #[prop_or_default]
    pub on_event: Option<Callback<JourneyEvent>>,
    /// Commands from an embedding page.
    #[prop_or_default]
    pub remote: Option<Remote>,
    /// Answers an assistant handed over (see [`FormState::handed`]).
    #[prop_or_default]
    pub handed: Option<onewindow_engine::Answers>,
    /// The catalog's id of the service whose guide the start page links back to (the app's
    /// own page only).
    #[prop_or_default]
    pub guide: Option<AttrValue>,
    /// What the confirmation shows after an application is sent: the rating form and "you
    /// may also need" (see [`SentApplication`]). None when embedded.
    #[prop_or_default]
    pub after_sent: Option<Callback<SentApplication, Html>>,
    /// The definition is the device's copy, served offline: say it may be out of date.
    #[prop_or_default]
    pub offline_copy: bool,
}

/// The pages of one form.
#[function_component(FormJourney)]
pub fn form_journey(props: &Props) -> Html {
    let embedded = use_context::<Host>().unwrap_or_default().is_embedded();
    // Only a page of our own has a URL, naming the page to open.
    let own_url = props.connected && !embedded;
    let state = use_reducer(initial_state(props, own_url));
    let (main_ref, page_ref) = (use_node_ref(), use_node_ref());
    let form = state.model.form();
    let locale = state.locale.as_str();
    let heading = screens::heading(&state);
    let query = format!("form={}&lang={}&page={}", form.id, state.locale, state.url_token());
    hooks::use_page_in_url(query, own_url, embedded, &main_ref, &page_ref);
    hooks::use_back_and_forward(&state, own_url);
    // Before the draft is saved: ticking "shared computer" removes the device's copy first.
    hooks::use_shared_computer(&state, props.connected);
    hooks::use_draft_saving(&state, props.connected);
    hooks::use_courier_news(&state, props.connected);
    hooks::use_remote_commands(&state, props.remote.clone());
    hooks::use_journey_events(&state, props.on_event.clone());
    use_journey_analytics(&state);
    hooks::use_remembered_saving(&state, props.connected);
    hooks::use_title_and_language(
        screens::title(&state, &heading),
        locale.to_string(),
        embedded,
        &main_ref,
    );
    let guide_of = props.guide.as_ref().filter(|_| !embedded).map(ToString::to_string);
    let body = match (state.screen, state.position) {
        (Screen::Start, _) => screens::start(&state, &heading, guide_of),
        (Screen::Resume, _) => screens::resume(&state, &heading),
        (Screen::Sent, _) => {
            let after = props.after_sent.as_ref().filter(|_| !embedded).map(|after| {
                let reference = state
                    .delivery
                    .reference()
                    .filter(|_| !state.delivery.is_queued())
                    .unwrap_or_default()
                    .to_string();
                // Made from the key the application was sent with, as the receiver makes it,
                // so an application delivered later from the outbox can be rated too.
                let rating_token = match state.key.as_deref() {
                    Some(key) if !reference.is_empty() => {
                        onewindow_engine::analytics::rating_token(key)
                    }
                    _ => String::new(),
                };
                after.emit(SentApplication {
                    form: AttrValue::from(form.id.clone()),
                    version: AttrValue::from(form.version.clone()),
                    reference: AttrValue::from(reference),
                    rating_token: AttrValue::from(rating_token),
                    locale: AttrValue::from(locale.to_string()),
                })
            });
            html! { <Confirmation state={state.clone()} heading={heading.clone()} after={after.unwrap_or_default()} /> }
        }
        (Screen::SavedDetails, _) => html! { <SavedDetailsPage state={state.clone()} /> },
        (Screen::Waiting, _) => html! { <WaitingPage state={state.clone()} /> },
        (Screen::Journey, Position::Page(page)) => {
            html! { <QuestionPage state={state.clone()} {page} heading={heading.clone()} /> }
        }
        (Screen::Journey, Position::CheckAnswers) => {
            html! { <CheckAnswers state={state.clone()} /> }
        }
        (Screen::Journey, Position::Outcome(outcome)) => {
            let (model, locale) = (&state.model, state.locale.as_str());
            match model.form().outcomes.get(outcome) {
                Some(o) => {
                    // The outcome's texts may insert answers (`{{id}}`).
                    let title = model.piped_text(&state.evaluation, &o.title, locale, false);
                    let body = model.piped_text(&state.evaluation, &o.body, locale, true);
                    html! { <OutcomePage title={AttrValue::from(title)} body={AttrValue::from(body)} /> }
                }
                None => Html::default(),
            }
        }
    };
    // Embedded in another site's page, the banner, main content and footer landmarks are the
    // host's: the form is one labelled region of it.
    let (header, main, footer) =
        if embedded { ("div", "div", "div") } else { ("header", "main", "footer") };
    let service = form.text(&form.title, locale).to_string();
    html! {
        <div class="ow-page" lang={state.locale.clone()} dir={text_direction(locale)} ref={page_ref}>
            <@{header} class="ow-header">
                <div class="ow-width-container ow-header__inner">
                    <span class="ow-header__service">{ &service }</span>
                    { screens::languages(&state, embedded) }
                </div>
            </@>
            <div class="ow-width-container">
                { screens::back_link(&state) }
                <@{main} class="ow-main" id="main-content" ref={main_ref} tabindex="-1"
                    role={embedded.then_some("region")} aria-label={embedded.then_some(service.clone())}>
                    if props.offline_copy {
                        <div class="ow-inset-text ow-offline-copy" role="status">{ ui_text(UiText::OfflineCopy, locale) }</div>
                    }
                    { screens::shared_computer_warning(&state) }
                    { body }
                </@>
            </div>
            <@{footer} class="ow-footer">{ screens::footer(&state) }</@>
        </div>
    }
}

/// The state a journey opens with: at the page the URL names when `from_url`, else at the
/// start (or the draft found on this device first).
fn initial_state(props: &Props, from_url: bool) -> impl FnOnce() -> FormState {
    let (model, locale, draft) =
        (props.model.clone(), props.locale.to_string(), props.draft.clone());
    let (remembered, handed) = (props.remembered.clone(), props.handed.clone());
    move || {
        let wanted = if from_url {
            io::url::query_param("page").and_then(|p| model.parse_position(&p))
        } else {
            None
        };
        let mut state = FormState::handed(model, locale, draft, wanted, remembered, handed);
        state.shared_computer = io::device::shared_computer();
        state
    }
}
