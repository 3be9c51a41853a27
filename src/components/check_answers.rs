//! "Check your answers": every visible question with the answer given and a "Change" link.

use crate::io;
use crate::state::{Action, FormState};
use onewindow_engine::{summary, ui_text, Delivery, OutboxEntry, PackageProblem, UiText};
use yew::prelude::*;

/// Props for [`CheckAnswers`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The journey state.
    pub state: UseReducerHandle<FormState>,
}

/// The summary list of answers.
#[function_component(CheckAnswers)]
pub fn check_answers(props: &Props) -> Html {
    let state = &props.state;
    let locale = state.locale.as_str();
    let rows = summary(&state.model, &state.evaluation, &state.answers, locale);
    html! {
        <>
            <h1 class="ow-heading-l">{ ui_text(UiText::CheckAnswers, locale) }</h1>
            <dl class="ow-summary-list">
                { for rows.into_iter().map(|row| {
                    let page = state.model.page_index(&row.page);
                    let on_change = {
                        let state = state.clone();
                        Callback::from(move |event: MouseEvent| {
                            event.prevent_default();
                            if let Some(page) = page {
                                state.dispatch(Action::Change(page));
                            }
                        })
                    };
                    html! {
                        <div class="ow-summary-list__row">
                            <dt class="ow-summary-list__key">{ &row.label }</dt>
                            <dd class="ow-summary-list__value">
                                { for row.value.lines().map(|line| html! { <span class="ow-summary-list__line">{ line }</span> }) }
                            </dd>
                            <dd class="ow-summary-list__actions">
                                if row.changeable {
                                    <a href={format!("#change-{}", row.field)} onclick={on_change}>
                                        { ui_text(UiText::Change, locale) }
                                        <span class="ow-visually-hidden">{ " " }{ &row.label }</span>
                                    </a>
                                }
                            </dd>
                        </div>
                    }
                }) }
            </dl>
            <h2 class="ow-heading-m">{ ui_text(UiText::SendHeading, locale) }</h2>
            <p class="ow-body">{ ui_text(UiText::SendDeclaration, locale) }</p>
            if let Some(failure) = &state.send_failure {
                <div class="ow-error-summary" role="alert" tabindex="-1">
                    <h2 class="ow-error-summary__title">{ ui_text(UiText::NotSent, locale) }</h2>
                    <p class="ow-body">{ ui_text(UiText::NotSentHelp, locale) }</p>
                    <p class="ow-body ow-hint">{ failure }</p>
                </div>
            }
            <button type="button" class="ow-button" disabled={state.sending} onclick={send(state.clone())}>
                { ui_text(UiText::SendApplication, locale) }
            </button>
        </>
    }
}

/// Builds the package with the engine, puts it in the outbox (so nothing is lost whatever
/// happens next) and makes the first attempt. The key is made once per application and reused
/// by every attempt, so the backend recognises a repeat.
fn send(state: UseReducerHandle<FormState>) -> Callback<MouseEvent> {
    Callback::from(move |_: MouseEvent| {
        let key = state.key.clone().unwrap_or_else(io::clock::new_uuid);
        state.dispatch(Action::Sending(key.clone()));
        let package =
            state.model.package(&state.answers, &state.locale, &io::clock::now_rfc3339(), &key);
        let state = state.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let package = match package {
                Ok(package) => package,
                Err(PackageProblem::Invalid { errors }) => {
                    return state.dispatch(Action::Refused(errors))
                }
                Err(other) => return state.dispatch(Action::SendFailed(other.to_string())),
            };
            state.dispatch(Action::Packed(package.clone()));
            let form = state.model.form();
            let title = form.text(&form.title, &state.locale).to_string();
            let entry = OutboxEntry::new(
                &state.model,
                package,
                title,
                form.submission_settings(),
                js_sys::Date::now() as u64,
            );
            let kept = io::store::enqueue(&form.id, &entry).await.is_ok();
            let receipt = entry.receipt();
            match io::courier::try_once(entry).await {
                Delivery::Delivered { reference } => {
                    state.dispatch(Action::Sent(reference.unwrap_or(receipt)))
                }
                Delivery::Refused { errors } => state.dispatch(Action::Refused(errors)),
                Delivery::Rejected { message } => state.dispatch(Action::SendFailed(message)),
                // Kept on the device: the courier delivers it when the service can be reached.
                Delivery::Retry { .. } if kept => {
                    state.dispatch(Action::Queued(receipt));
                    io::courier::flush_soon();
                }
                Delivery::Retry { .. } => {
                    state.dispatch(Action::SendFailed("the service could not be reached".into()))
                }
            }
        });
    })
}
