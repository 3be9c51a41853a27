//! "Check your answers": every visible question with the answer given and a "Change" link.

use crate::io;
use crate::state::{Action, FormState};
use onewindow_engine::{summary, ui_text, PackageProblem, PageError, UiText};
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

/// Builds the package with the engine and posts it to the receiver. The key is made once per
/// application and reused, so a retry after a failure is recognised as the same application.
fn send(state: UseReducerHandle<FormState>) -> Callback<MouseEvent> {
    Callback::from(move |_: MouseEvent| {
        let key = state.key.clone().unwrap_or_else(io::new_uuid);
        state.dispatch(Action::Sending(key.clone()));
        let package = state.model.package(&state.answers, &state.locale, &io::now_rfc3339(), &key);
        let state = state.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let package = match package {
                Ok(package) => package,
                Err(PackageProblem::Invalid { errors }) => return state.dispatch(Action::Refused(errors)),
                Err(other) => return state.dispatch(Action::SendFailed(format!("{other:?}"))),
            };
            match io::post_json("api/submissions", &package).await {
                Ok((200 | 201, reply)) => match reply.get("reference").and_then(|r| r.as_str()) {
                    Some(reference) => state.dispatch(Action::Sent(reference.to_string())),
                    None => state.dispatch(Action::SendFailed("the service did not return a reference".into())),
                },
                Ok((422, reply)) if reply.get("problem").and_then(|p| p.as_str()) == Some("invalid") => {
                    let errors: Vec<PageError> = reply
                        .get("errors")
                        .and_then(|e| e.as_array())
                        .map(|list| list.iter().filter_map(page_error).collect())
                        .unwrap_or_default();
                    state.dispatch(Action::Refused(errors));
                }
                Ok((status, reply)) => state.dispatch(Action::SendFailed(format!("HTTP {status} {reply}"))),
                Err(message) => state.dispatch(Action::SendFailed(message)),
            }
        });
    })
}

/// The receiver's error in the engine's shape (it is the engine's own output, serialised).
fn page_error(value: &serde_json::Value) -> Option<PageError> {
    let text = |k: &str| value.get(k).and_then(|v| v.as_str()).map(str::to_string);
    Some(PageError {
        page: text("page")?,
        error: onewindow_engine::FieldError {
            field: text("field")?,
            part: text("part"),
            rule: text("rule").unwrap_or_default(),
            message: text("message")?,
            severity: onewindow_engine::Severity::Error,
        },
    })
}
