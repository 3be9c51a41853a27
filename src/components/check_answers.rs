//! "Check your answers": every visible question with the answer given and a "Change" link.

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
        </>
    }
}
