//! "Check your answers": every visible question with the answer given and a "Change" link, and
//! "Send application" (`io::send`).

use crate::io;
use crate::state::{Action, FormState};
use onewindow_engine::{summary, ui_text, UiText};
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
    let send = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| {
            let reducer = state.dispatcher();
            io::send::send(&state, move |action| reducer.dispatch(action))
        })
    };
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
            if let Some(failure) = state.delivery.failure() {
                <div class="ow-error-summary" role="alert" tabindex="-1">
                    <h2 class="ow-error-summary__title">{ ui_text(UiText::NotSent, locale) }</h2>
                    <p class="ow-body">{ ui_text(UiText::NotSentHelp, locale) }</p>
                    <p class="ow-body ow-hint">{ failure }</p>
                </div>
            }
            <button type="button" class="ow-button" disabled={state.delivery.is_sending()} onclick={send}>
                { ui_text(UiText::SendApplication, locale) }
            </button>
        </>
    }
}
