//! One form: start page, questions, check answers or an outcome; the URL, the draft and the
//! language follow the state. Embedded in another site's page (`Host::Embedded`) it leaves the
//! URL, the title and the document alone, takes commands from the embedding page and tells it
//! what happens.

use super::check_answers::CheckAnswers;
use super::device::{Confirmation, SavedDetailsPage, WaitingPage};
use super::layout::locale_name;
use super::link::Link;
use super::outcome::OutcomePage;
use super::question_page::QuestionPage;
use super::recommendations::Recommendations;
use crate::host::{best_locale, Command, Host, JourneyEvent, Remote, Tracker};
use crate::io;
use crate::shared::Shared;
use crate::state::{Action, FormState, Screen};
use onewindow_engine::{
    render_markdown, text_direction, ui_text, FormModel, Position, Remembered, UiText,
};
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
    /// The service catalog, for "you may also need" on the confirmation and the way back to
    /// the service's guide (the app's own page only).
    #[prop_or_default]
    pub catalog: Option<Shared<onewindow_engine::Catalog>>,
}

/// The pages of one form.
#[function_component(FormJourney)]
pub fn form_journey(props: &Props) -> Html {
    let host = use_context::<Host>().unwrap_or_default();
    let embedded = host.is_embedded();
    let state = {
        let (model, locale, draft) =
            (props.model.clone(), props.locale.to_string(), props.draft.clone());
        let remembered = props.remembered.clone();
        let handed = props.handed.clone();
        // Only a page of our own has a URL naming the page to open.
        let from_url = props.connected && !embedded;
        use_reducer(move || {
            let wanted = if from_url {
                io::url::query_param("page").and_then(|p| model.parse_position(&p))
            } else {
                None
            };
            FormState::handed(model, locale, draft, wanted, remembered, handed)
        })
    };
    let model = &state.model;
    let form = model.form();
    let locale = state.locale.as_str();
    let query = format!("form={}&lang={}&page={}", form.id, state.locale, state.url_token());
    let first_render = use_mut_ref(|| true);
    let main_ref = use_node_ref();
    let page_ref = use_node_ref();
    {
        // The URL names the page, so back/forward buttons and bookmarks work; focus moves to
        // the new page's content as a full page load would. Embedded, the host page's URL
        // and scroll position are not ours: only the form's own top is brought into view.
        let connected = props.connected;
        let (main_ref, page_ref) = (main_ref.clone(), page_ref.clone());
        use_effect_with(query.clone(), move |query| {
            let first = std::mem::replace(&mut *first_render.borrow_mut(), false);
            if connected && !embedded {
                io::url::set_query(query, first);
            }
            if !first {
                if let Some(main) = main_ref.cast::<web_sys::HtmlElement>() {
                    let _ = main.focus();
                }
                match page_ref.cast::<web_sys::Element>() {
                    Some(page) if embedded => io::dom::reveal_top(&page),
                    _ => gloo_utils::window().scroll_to_with_x_and_y(0.0, 0.0),
                }
            }
        });
    }
    {
        let state = state.clone();
        let connected = props.connected && !embedded;
        use_effect_with((), move |_| {
            let listener = connected.then(|| {
                io::url::on_history_change(move || {
                    // Back out of the form (to its guide): the app's router takes over.
                    if io::url::query_param("form").as_deref()
                        != Some(state.model.form().id.as_str())
                    {
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
    {
        // Every change is saved on the device; nothing is sent anywhere. Arriving on a page
        // (a move, a resumed draft) and an attempt to send are written at once; answers changed
        // on the page are written when the typing pauses, and at once when the page is hidden
        // or left (`io::drafts::save_draft_soon`), so a keystroke's frame carries no storage write.
        let draft = (props.connected && state.screen == Screen::Journey).then(|| state.to_draft());
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
            // Once received, nothing of the application stays on the device.
            if *sent {
                io::drafts::clear_draft(&id, &version);
            }
        });
    }
    {
        // The courier tells the open form what happened to queued applications: this one's
        // reference when it arrives, and the list of those still waiting.
        let state = state.clone();
        let connected = props.connected;
        use_effect_with((), move |_| {
            let listening = connected.then(|| {
                let listening = io::courier::listen(move |news| match news {
                    io::courier::News::Delivered { key, reference } => {
                        state.dispatch(Action::Delivered { key, reference })
                    }
                    io::courier::News::Rejected { key, message } => {
                        state.dispatch(Action::NotAccepted { key, message })
                    }
                    io::courier::News::Waiting(entries) => state.dispatch(Action::Outbox(entries)),
                });
                io::courier::start();
                listening
            });
            move || drop(listening)
        });
    }
    {
        // An embedding page's commands (setLocale, prefill, reset), in the order sent.
        let state = state.clone();
        let (id, version) = (form.id.clone(), form.version.clone());
        use_effect_with(props.remote.clone(), move |remote| {
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
    {
        // What happened, told to an embedding page: worked out from the state, not announced
        // by the components.
        let tracker = use_mut_ref(|| None::<Tracker>);
        let on_event = props.on_event.clone();
        let state = state.clone();
        let milestone = (
            state.screen,
            state.position,
            state.failed_attempts,
            state.delivery.reference().map(str::to_string),
            state.delivery.is_queued(),
        );
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
    crate::analytics::use_journey_analytics(&state);
    {
        // Remembered details change only when the citizen says so (consent, delete).
        let connected = props.connected;
        use_effect_with(state.remembered.clone(), move |remembered| {
            if connected {
                io::remembered::save_remembered(remembered);
            }
        });
    }
    let heading = match (state.screen, state.position) {
        (Screen::SavedDetails, _) => ui_text(UiText::SavedDetails, locale).to_string(),
        (Screen::Waiting, _) => ui_text(UiText::WaitingHeading, locale).to_string(),
        (Screen::Sent, _) if state.delivery.is_queued() => {
            ui_text(UiText::Queued, locale).to_string()
        }
        (Screen::Start | Screen::Resume, _) => form.text(&form.title, locale).to_string(),
        (Screen::Sent, _) => ui_text(UiText::ApplicationSent, locale).to_string(),
        (Screen::Journey, Position::Page(page)) => {
            model.page_heading(&state.evaluation, page, locale)
        }
        (Screen::Journey, Position::CheckAnswers) => {
            ui_text(UiText::CheckAnswers, locale).to_string()
        }
        (Screen::Journey, Position::Outcome(o)) => form
            .outcomes
            .get(o)
            .map(|o| form.text(&o.title, locale).to_string())
            .unwrap_or_default(),
    };
    {
        let has_errors = state.errors.iter().any(|e| e.is_error());
        let prefix = if has_errors { ui_text(UiText::ErrorTitlePrefix, locale) } else { "" };
        let title = format!("{prefix}{heading} – {}", form.text(&form.title, locale));
        let locale = locale.to_string();
        let main_ref = main_ref.clone();
        use_effect_with((title, locale), move |(title, locale)| {
            if !embedded {
                io::dom::set_title(title);
                io::dom::set_document_lang(locale, text_direction(locale));
            } else if let Some(element) =
                main_ref.get().and_then(|main| io::dom::shadow_host(&main))
            {
                io::dom::set_element_lang(&element, locale, text_direction(locale));
            }
        });
    }
    let dispatch = |action: Action| {
        let state = state.clone();
        Callback::from(move |event: MouseEvent| {
            event.prevent_default();
            state.dispatch(action.clone());
        })
    };
    let back_link = state.back_target().map(|_| {
        html! { <a href="#back" class="ow-back-link" onclick={dispatch(Action::Back)}>{ ui_text(UiText::Back, locale) }</a> }
    });
    let languages = form.locales.iter().filter(|l| l.as_str() != locale).map(|other| {
        let href = if embedded { format!("#lang-{other}") } else { format!("?form={}&lang={other}&page={}", form.id, state.url_token()) };
        html! {
            <a class="ow-header__language" {href} lang={other.clone()} hreflang={other.clone()} onclick={dispatch(Action::SetLocale(other.clone()))}>
                { locale_name(other) }
            </a>
        }
    });
    let clear = {
        let state = state.clone();
        let (id, version) = (form.id.clone(), form.version.clone());
        Callback::from(move |_: MouseEvent| {
            io::drafts::clear_draft(&id, &version);
            state.dispatch(Action::ClearData);
        })
    };
    // The catalog's entry for this form: its guide is one link away, and what else people
    // in this situation need is suggested once the application is sent.
    let service_of = props
        .catalog
        .as_ref()
        .filter(|_| !embedded)
        .and_then(|c| c.service_with_form(&form.id))
        .map(|s| s.id.clone());
    let guide_of = props
        .catalog
        .as_ref()
        .filter(|_| !embedded)
        .and_then(|c| c.service_with_form(&form.id))
        .filter(|s| s.guide.is_some())
        .map(|s| s.id.clone());
    let body = match (state.screen, state.position) {
        (Screen::Start, _) => html! {
            <>
                <h1 class="ow-heading-xl">{ &heading }</h1>
                if let Some(department) = &form.department { <p class="ow-caption">{ form.text(department, locale) }</p> }
                if let Some(description) = &form.description {
                    { Html::from_html_unchecked(AttrValue::from(render_markdown(form.text(description, locale)))) }
                }
                if state.handed.is_some() { <div class="ow-inset-text">{ ui_text(UiText::HandedOver, locale) }</div> }
                <button type="button" class="ow-button ow-button--start" onclick={dispatch(Action::Start)}>{ ui_text(UiText::StartNow, locale) }</button>
                if let Some(service) = guide_of.clone() {
                    <p class="ow-body"><Link href={format!("?service={}&lang={locale}", service)}>{ ui_text(UiText::BackToGuide, locale) }</Link></p>
                }
            </>
        },
        (Screen::Resume, _) => html! {
            <>
                <h1 class="ow-heading-xl">{ &heading }</h1>
                <p class="ow-body">{ ui_text(UiText::DraftFound, locale) }</p>
                <div class="ow-button-group">
                    <button type="button" class="ow-button" onclick={dispatch(Action::ResumeDraft)}>{ ui_text(UiText::ContinueDraft, locale) }</button>
                    <button type="button" class="ow-button ow-button--secondary" onclick={dispatch(Action::StartAgain)}>{ ui_text(UiText::StartAgain, locale) }</button>
                </div>
            </>
        },
        (Screen::Sent, _) => html! {
            <>
                <Confirmation state={state.clone()} heading={heading.clone()}
                    service={(!embedded).then(|| AttrValue::from(service_of.clone().unwrap_or_else(|| form.id.clone())))} />
                if let (Some(catalog), Some(service)) = (props.catalog.clone(), service_of.clone()) {
                    <Recommendations {catalog} {service} tailored={Vec::<String>::new()} locale={AttrValue::from(locale.to_string())} />
                }
            </>
        },
        (Screen::SavedDetails, _) => html! { <SavedDetailsPage state={state.clone()} /> },
        (Screen::Waiting, _) => html! { <WaitingPage state={state.clone()} /> },
        (Screen::Journey, Position::Page(page)) => {
            html! { <QuestionPage state={state.clone()} {page} heading={heading.clone()} /> }
        }
        (Screen::Journey, Position::CheckAnswers) => {
            html! { <CheckAnswers state={state.clone()} /> }
        }
        (Screen::Journey, Position::Outcome(outcome)) => {
            html! { <OutcomePage model={model.clone()} {outcome} locale={state.locale.clone()} /> }
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
                    <nav class="ow-header__languages" aria-label={ui_text(UiText::Language, locale)}>{ for languages }</nav>
                </div>
            </@>
            <div class="ow-width-container">
                { back_link }
                <@{main} class="ow-main" id="main-content" ref={main_ref} tabindex="-1"
                    role={embedded.then_some("region")} aria-label={embedded.then_some(service.clone())}>{ body }</@>
            </div>
            <@{footer} class="ow-footer">
                <div class="ow-width-container">
                    <p class="ow-footer__privacy">{ ui_text(UiText::PrivacyNote, locale) }</p>
                    <button type="button" class="ow-link-button" onclick={clear}>{ ui_text(UiText::ClearData, locale) }</button>
                    if !state.remembered.0.is_empty() && state.screen != Screen::SavedDetails {
                        { " · " }
                        <button type="button" class="ow-link-button" onclick={dispatch(Action::ShowSaved)}>{ ui_text(UiText::SavedDetails, locale) }</button>
                    }
                    if !state.outbox.is_empty() && state.screen != Screen::Waiting {
                        { " · " }
                        <button type="button" class="ow-link-button" onclick={dispatch(Action::ShowWaiting)}>
                            { format!("{} ({})", ui_text(UiText::WaitingHeading, locale), state.outbox.len()) }
                        </button>
                    }
                </div>
            </@>
        </div>
    }
}
