//! The journey's own screens and frame: the heading and title of each page, the start page,
//! "continue where you left off", the language links, Back and the footer.

use crate::components::link::Link;
use crate::io;
use crate::state::{Action, FormState, Screen};
use onewindow_engine::locale_name;
use onewindow_engine::{render_markdown, ui_text, Position, UiText};
use yew::prelude::*;

/// A click that does `action` (and not what the link or button would).
fn on_click(state: &UseReducerHandle<FormState>, action: Action) -> Callback<MouseEvent> {
    let state = state.clone();
    Callback::from(move |event: MouseEvent| {
        event.prevent_default();
        state.dispatch(action.clone());
    })
}

/// The heading of what is showing.
pub(super) fn heading(state: &FormState) -> String {
    let (model, locale) = (&state.model, state.locale.as_str());
    let form = model.form();
    match (state.screen, state.position) {
        (Screen::SavedDetails, _) => ui_text(UiText::SavedDetails, locale).to_string(),
        (Screen::Waiting, _) => ui_text(UiText::WaitingHeading, locale).to_string(),
        (Screen::Sent, _) if state.delivery.is_queued() && state.shared_computer => {
            ui_text(UiText::QueuedInTab, locale).to_string()
        }
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
            .map(|o| model.piped_text(&state.evaluation, &o.title, locale, false))
            .unwrap_or_default(),
    }
}

/// The browser tab's title: "Error: " first while errors are on show, then the heading and
/// the form's title.
pub(super) fn title(state: &FormState, heading: &str) -> String {
    let (form, locale) = (state.model.form(), state.locale.as_str());
    let has_errors = state.errors.iter().any(|e| e.is_error());
    let prefix = if has_errors { ui_text(UiText::ErrorTitlePrefix, locale) } else { "" };
    format!("{prefix}{heading} – {}", form.text(&form.title, locale))
}

/// The start page: what the form is for, "Start now", and the way back to its guide.
pub(super) fn start(
    state: &UseReducerHandle<FormState>,
    heading: &str,
    guide_of: Option<String>,
) -> Html {
    let (form, locale) = (state.model.form(), state.locale.as_str());
    html! {
        <>
            <h1 class="ow-heading-xl">{ heading }</h1>
            if let Some(department) = &form.department { <p class="ow-caption">{ form.text(department, locale) }</p> }
            if let Some(description) = &form.description {
                { Html::from_html_unchecked(AttrValue::from(render_markdown(form.text(description, locale)))) }
            }
            if state.handed.is_some() { <div class="ow-inset-text">{ ui_text(UiText::HandedOver, locale) }</div> }
            if state.removed { <div class="ow-inset-text" role="status">{ ui_text(UiText::RemovedEverything, locale) }</div> }
            { shared_computer_choice(state) }
            <button type="button" class="ow-button ow-button--start" onclick={on_click(state, Action::Start)}>{ ui_text(UiText::StartNow, locale) }</button>
            if let Some(service) = guide_of {
                <p class="ow-body"><Link href={format!("?service={}&lang={locale}", service)}>{ ui_text(UiText::BackToGuide, locale) }</Link></p>
            }
        </>
    }
}

/// "This is a shared or public computer", on the start page: ticked, nothing of the journey
/// is kept on the device (see `io::device`).
fn shared_computer_choice(state: &UseReducerHandle<FormState>) -> Html {
    let locale = state.locale.as_str();
    let onchange = {
        let state = state.clone();
        Callback::from(move |e: Event| {
            let on = e.target_dyn_into::<web_sys::HtmlInputElement>().is_some_and(|i| i.checked());
            state.dispatch(Action::SharedComputer(on));
        })
    };
    html! {
        <div class="ow-checkboxes ow-shared-computer">
            <div class="ow-checkboxes__item">
                <input class="ow-checkboxes__input" type="checkbox" id="ow-shared-computer" checked={state.shared_computer}
                    aria-describedby="ow-shared-computer-hint" {onchange} />
                <label class="ow-label ow-checkboxes__label" for="ow-shared-computer">{ ui_text(UiText::SharedComputer, locale) }</label>
                <div class="ow-hint ow-radios__hint" id="ow-shared-computer-hint">{ ui_text(UiText::SharedComputerHint, locale) }</div>
            </div>
        </div>
    }
}

/// The warning on every page but the start page (where the choice is) while nothing is kept
/// on the device.
pub(super) fn shared_computer_warning(state: &FormState) -> Html {
    if !state.shared_computer || matches!(state.screen, Screen::Start | Screen::Resume) {
        return Html::default();
    }
    let locale = state.locale.as_str();
    let text = if state.screen == Screen::Sent && state.delivery.is_queued() {
        UiText::SharedComputerQueued
    } else {
        UiText::SharedComputerOn
    };
    html! {
        <div class="ow-warning-text ow-no-print">
            <span class="ow-warning-text__icon" aria-hidden="true">{ "!" }</span>
            <strong class="ow-warning-text__text">
                <span class="ow-visually-hidden">{ ui_text(UiText::WarningPrefix, locale) }{ " " }</span>
                { ui_text(text, locale) }
            </strong>
        </div>
    }
}

/// A draft was found: continue it or start again.
pub(super) fn resume(state: &UseReducerHandle<FormState>, heading: &str) -> Html {
    let locale = state.locale.as_str();
    html! {
        <>
            <h1 class="ow-heading-xl">{ heading }</h1>
            <p class="ow-body">{ ui_text(UiText::DraftFound, locale) }</p>
            { shared_computer_choice(state) }
            <div class="ow-button-group">
                <button type="button" class="ow-button" onclick={on_click(state, Action::ResumeDraft)}>{ ui_text(UiText::ContinueDraft, locale) }</button>
                <button type="button" class="ow-button ow-button--secondary" onclick={on_click(state, Action::StartAgain)}>{ ui_text(UiText::StartAgain, locale) }</button>
            </div>
        </>
    }
}

/// The links to the form's other languages.
pub(super) fn languages(state: &UseReducerHandle<FormState>, embedded: bool) -> Html {
    let (form, locale) = (state.model.form(), state.locale.as_str());
    let links = form.locales.iter().filter(|l| l.as_str() != locale).map(|other| {
        let href = if embedded { format!("#lang-{other}") } else { format!("?form={}&lang={other}&page={}", form.id, state.url_token()) };
        html! {
            <a class="ow-header__language" {href} lang={other.clone()} hreflang={other.clone()} onclick={on_click(state, Action::SetLocale(other.clone()))}>
                { locale_name(other) }
            </a>
        }
    });
    html! {
        <nav class="ow-header__languages" aria-label={ui_text(UiText::Language, locale)}>{ for links }</nav>
    }
}

/// "Back", where there is somewhere to go back to.
pub(super) fn back_link(state: &UseReducerHandle<FormState>) -> Option<Html> {
    state.back_target().map(|_| {
        html! { <a href="#back" class="ow-back-link" onclick={on_click(state, Action::Back)}>{ ui_text(UiText::Back, &state.locale) }</a> }
    })
}

/// The footer: privacy, "Clear my data", and the details and applications kept on the device.
pub(super) fn footer(state: &UseReducerHandle<FormState>) -> Html {
    let (form, locale) = (state.model.form(), state.locale.as_str());
    let clear = {
        let state = state.clone();
        let (id, version) = (form.id.clone(), form.version.clone());
        Callback::from(move |_: MouseEvent| {
            io::drafts::clear_draft(&id, &version);
            state.dispatch(Action::ClearData);
        })
    };
    html! {
        <div class="ow-width-container">
            <p class="ow-footer__privacy">{ ui_text(UiText::PrivacyNote, locale) }</p>
            <button type="button" class="ow-link-button" onclick={clear}>{ ui_text(UiText::ClearData, locale) }</button>
            if !state.remembered.0.is_empty() && !state.shared_computer && state.screen != Screen::SavedDetails {
                { " · " }
                <button type="button" class="ow-link-button" onclick={on_click(state, Action::ShowSaved)}>{ ui_text(UiText::SavedDetails, locale) }</button>
            }
            if !state.outbox.is_empty() && state.screen != Screen::Waiting {
                { " · " }
                <button type="button" class="ow-link-button" onclick={on_click(state, Action::ShowWaiting)}>
                    { format!("{} ({})", ui_text(UiText::WaitingHeading, locale), state.outbox.len()) }
                </button>
            }
        </div>
    }
}
