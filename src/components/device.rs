//! Screens about what this device keeps: the confirmation (sent or queued, with the consent to
//! remember details), the details remembered for other forms, and the applications waiting to
//! be sent.

use crate::io;
use crate::state::{Action, FormState};
use onewindow_engine::{display_value, summary, ui_text, ConceptAnswer, UiText};
use yew::prelude::*;

/// Props shared by these screens.
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The journey state.
    pub state: UseReducerHandle<FormState>,
    /// The page's heading, worked out by the journey.
    #[prop_or_default]
    pub heading: AttrValue,
    /// What follows the confirmation's buttons: the rating form and "you may also need", when
    /// the page has them (`FormJourney`'s `after_sent`).
    #[prop_or_default]
    pub after: Html,
}

/// "Download your application": the package as the citizen's own JSON file.
fn download_package(package: onewindow_engine::Package) -> Callback<MouseEvent> {
    Callback::from(move |_: MouseEvent| {
        let json = serde_json::to_string_pretty(&package).unwrap_or_default();
        io::dom::download(
            &format!(
                "{}-{}.json",
                package.form_id,
                onewindow_engine::local_receipt(&package.idempotency_key)
            ),
            &json,
        );
    })
}

fn on(state: &UseReducerHandle<FormState>, action: Action) -> Callback<MouseEvent> {
    let state = state.clone();
    Callback::from(move |event: MouseEvent| {
        event.prevent_default();
        state.dispatch(action.clone());
    })
}

/// Sent, or saved on the device until it can be sent: the reference (or local receipt), what
/// happens next, the answers for a printed record, the package to download.
#[function_component(Confirmation)]
pub fn confirmation(props: &Props) -> Html {
    let state = &props.state;
    let locale = state.locale.as_str();
    let reference = state.delivery.reference().unwrap_or_default().to_string();
    let rows = summary(&state.model, &state.evaluation, &state.answers, locale);
    let download = state.package.clone().map(download_package);
    html! {
        <>
            if state.delivery.is_queued() {
                <div class="ow-panel ow-panel--queued">
                    <h1 class="ow-panel__title">{ &props.heading }</h1>
                    <div class="ow-panel__body">
                        { ui_text(UiText::LocalReceipt, locale) }<br />
                        <strong class="ow-panel__reference">{ &reference }</strong>
                    </div>
                </div>
                <p class="ow-body">{ ui_text(if state.shared_computer { UiText::QueuedInTabBody } else { UiText::QueuedBody }, locale) }{ " " }<strong>{ &reference }</strong></p>
            } else {
                <div class="ow-panel">
                    <h1 class="ow-panel__title">{ &props.heading }</h1>
                    <div class="ow-panel__body">
                        { ui_text(UiText::YourReference, locale) }<br />
                        <strong class="ow-panel__reference">{ &reference }</strong>
                    </div>
                </div>
            }
            if let Some(failure) = state.delivery.failure() {
                <div class="ow-error-summary" role="alert">
                    <h2 class="ow-error-summary__title">{ ui_text(UiText::RejectedStatus, locale) }</h2>
                    <p class="ow-body">{ failure }</p>
                    <p class="ow-body">{ ui_text(UiText::RejectedHelp, locale) }</p>
                </div>
            }
            <h2 class="ow-heading-m">{ ui_text(UiText::WhatHappensNext, locale) }</h2>
            <p class="ow-body">{ ui_text(UiText::WhatHappensNextBody, locale) }</p>
            <div class="ow-button-group ow-no-print">
                <button type="button" class="ow-button ow-button--secondary" onclick={Callback::from(|_: MouseEvent| io::dom::print())}>
                    { ui_text(UiText::PrintRecord, locale) }
                </button>
                if let Some(download) = download {
                    <button type="button" class="ow-button ow-button--secondary" onclick={download}>{ ui_text(UiText::DownloadPackage, locale) }</button>
                }
            </div>
            { props.after.clone() }
            <h2 class="ow-heading-m">{ ui_text(UiText::YourAnswers, locale) }</h2>
            <dl class="ow-summary-list ow-summary-list--record">
                { for rows.into_iter().map(|row| html! {
                    <div class="ow-summary-list__row">
                        <dt class="ow-summary-list__key">{ &row.label }</dt>
                        <dd class="ow-summary-list__value">
                            { for row.value.lines().map(|line| html! { <span class="ow-summary-list__line">{ line }</span> }) }
                        </dd>
                    </div>
                }) }
            </dl>
            { remember_panel(state, locale, on(state, Action::Remember), on(state, Action::ShowSaved)) }
            if !state.delivery.is_queued() && !reference.is_empty() {
                <h2 class="ow-heading-m ow-no-print">{ ui_text(UiText::OnThisDevice, locale) }</h2>
                <p class="ow-body ow-no-print">{ ui_text(UiText::OnThisDeviceBody, locale) }</p>
                <button type="button" class="ow-button ow-button--warning ow-no-print" onclick={remove_everything(state, &reference)}>
                    { ui_text(UiText::RemoveEverything, locale) }
                </button>
            }
        </>
    }
}

/// "Remove everything about this application from this device": its draft and files, the
/// record that this device rated it (and a rating of it still waiting), and its answers on
/// the screen. Offered only once it was delivered: a queued one would be lost.
fn remove_everything(state: &UseReducerHandle<FormState>, reference: &str) -> Callback<MouseEvent> {
    let state = state.clone();
    let reference = reference.to_string();
    Callback::from(move |_: MouseEvent| {
        let form = state.model.form();
        io::drafts::clear_draft(&form.id, &form.version);
        io::ratings::forget_case(&reference);
        state.dispatch(Action::RemoveApplication);
    })
}

/// The details remembered on this device, each deletable.
#[function_component(SavedDetailsPage)]
pub fn saved_details_page(props: &Props) -> Html {
    let state = &props.state;
    let locale = state.locale.as_str();
    let form = state.model.form();
    let rows = state.remembered.0.iter().map(|(concept, saved)| {
            let forget = on(state, Action::Forget(concept.clone()));
            // In this form's words where it asks the same thing; else as it was saved.
            let here = form.fields().map(|(_, f)| f).find(|f| f.concept.as_deref() == Some(concept.as_str()));
            let (label, shown) = match here {
                Some(field) => (form.text(&field.label, locale).to_string(), display_value(form, field, Some(&saved.answer), locale)),
                None => (saved.label.clone(), saved.shown.clone()),
            };
            let saved = onewindow_engine::RememberedAnswer { answer: saved.answer.clone(), label, shown };
            html! {
                <div class="ow-summary-list__row">
                    <dt class="ow-summary-list__key">{ &saved.label }</dt>
                    <dd class="ow-summary-list__value">{ &saved.shown }</dd>
                    <dd class="ow-summary-list__actions">
                        <button type="button" class="ow-link-button" onclick={forget}>
                            { ui_text(UiText::Forget, locale) }<span class="ow-visually-hidden">{ format!(" {}", saved.label) }</span>
                        </button>
                    </dd>
                </div>
            }
        });
    html! {
        <>
            <h1 class="ow-heading-l">{ ui_text(UiText::SavedDetails, locale) }</h1>
            if state.remembered.0.is_empty() {
                <p class="ow-body" role="status">{ ui_text(UiText::SavedDetailsNone, locale) }</p>
            } else {
                <p class="ow-body">{ ui_text(UiText::SavedDetailsBody, locale) }</p>
                <dl class="ow-summary-list">{ for rows }</dl>
                <button type="button" class="ow-button ow-button--warning" onclick={on(state, Action::ForgetAll)}>{ ui_text(UiText::ForgetAll, locale) }</button>
            }
            <p class="ow-body"><a href="#return" class="ow-link" onclick={on(state, Action::LeaveSaved)}>{ ui_text(UiText::ReturnToForm, locale) }</a></p>
        </>
    }
}

/// The applications on this device waiting to be sent, from any form.
#[function_component(WaitingPage)]
pub fn waiting_page(props: &Props) -> Html {
    let state = &props.state;
    let locale = state.locale.as_str();
    let send_now = Callback::from(|_: MouseEvent| io::courier::flush_now());
    html! {
        <>
            <h1 class="ow-heading-l">{ ui_text(UiText::WaitingHeading, locale) }</h1>
            if state.outbox.is_empty() {
                <p class="ow-body" role="status">{ ui_text(UiText::WaitingNone, locale) }</p>
            } else {
                <dl class="ow-summary-list">
                    { for state.outbox.iter().map(|entry| {
                        let status = match &entry.rejected {
                            Some(why) => format!("{}: {why}", ui_text(UiText::RejectedStatus, locale)),
                            None => ui_text(UiText::WaitingStatus, locale).to_string(),
                        };
                        let download = download_package(entry.package.clone());
                        html! {
                            <div class="ow-summary-list__row">
                                <dt class="ow-summary-list__key">{ &entry.title }</dt>
                                <dd class="ow-summary-list__value">
                                    <span class="ow-summary-list__line">{ format!("{} {}", ui_text(UiText::LocalReceipt, locale), entry.receipt()) }</span>
                                    <span class="ow-summary-list__line">{ status }</span>
                                </dd>
                                <dd class="ow-summary-list__actions">
                                    <button type="button" class="ow-link-button" onclick={download}>
                                        { ui_text(UiText::DownloadPackage, locale) }<span class="ow-visually-hidden">{ format!(" {}", entry.receipt()) }</span>
                                    </button>
                                </dd>
                            </div>
                        }
                    }) }
                </dl>
                <button type="button" class="ow-button" onclick={send_now}>{ ui_text(UiText::SendNow, locale) }</button>
            }
            <p class="ow-body"><a href="#return" class="ow-link" onclick={on(state, Action::LeaveSaved)}>{ ui_text(UiText::ReturnToForm, locale) }</a></p>
        </>
    }
}

pub(crate) fn detail_rows(details: &[ConceptAnswer]) -> Html {
    details
        .iter()
        .map(|d| {
            html! {
                <div class="ow-summary-list__row">
                    <dt class="ow-summary-list__key">{ &d.label }</dt>
                    <dd class="ow-summary-list__value">{ &d.shown }</dd>
                </div>
            }
        })
        .collect()
}

/// The request for consent to remember this journey's details, on the confirmation.
fn remember_panel(
    state: &FormState,
    locale: &str,
    remember: Callback<MouseEvent>,
    show: Callback<MouseEvent>,
) -> Html {
    if state.remembered_now {
        return html! {
            <div class="ow-inset-text" role="status">
                { ui_text(UiText::RememberDone, locale) }{ " " }
                <a href="#saved-details" class="ow-link" onclick={show}>{ ui_text(UiText::SavedDetails, locale) }</a>
            </div>
        };
    }
    let details = state.rememberable();
    if details.is_empty() {
        return Html::default();
    }
    html! {
        <section class="ow-fill-once ow-no-print" aria-labelledby="ow-remember-heading">
            <h2 class="ow-heading-m" id="ow-remember-heading">{ ui_text(UiText::RememberHeading, locale) }</h2>
            <p class="ow-body">{ ui_text(UiText::RememberBody, locale) }</p>
            <dl class="ow-summary-list">{ detail_rows(&details) }</dl>
            <button type="button" class="ow-button ow-button--secondary" onclick={remember}>{ ui_text(UiText::RememberButton, locale) }</button>
        </section>
    }
}
