//! "Check your answers": every visible question with the answer given and a "Change" link, and
//! "Send application" (`io::send`).

use crate::io;
use crate::state::{Action, FormState};
use onewindow_engine::{summary, ui_text, SummaryRow, UiText};
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
            { for sections(state, rows, locale) }
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

/// The rows as summary lists, a repeatable group's items between them as one card each
/// ("Baby 1", its answers, its own Change link), as GOV.UK's check answers shows "add
/// another" answers.
fn sections(state: &UseReducerHandle<FormState>, rows: Vec<SummaryRow>, locale: &str) -> Vec<Html> {
    let change = |row: &SummaryRow, hidden: &str| {
        let page = state.model.page_index(&row.page);
        let state = state.clone();
        let onclick = Callback::from(move |event: MouseEvent| {
            event.prevent_default();
            if let Some(page) = page {
                state.dispatch(Action::Change(page));
            }
        });
        html! {
            <a href={format!("#change-{}", row.field)} {onclick}>
                { ui_text(UiText::Change, locale) }
                <span class="ow-visually-hidden">{ " " }{ hidden.to_string() }</span>
            </a>
        }
    };
    let mut out = Vec::new();
    let mut list: Vec<Html> = Vec::new();
    let flush = |list: &mut Vec<Html>, out: &mut Vec<Html>| {
        if !list.is_empty() {
            out.push(html! { <dl class="ow-summary-list">{ for list.drain(..) }</dl> });
        }
    };
    for row in rows {
        if row.items.is_empty() {
            list.push(html! {
                <div class="ow-summary-list__row">
                    <dt class="ow-summary-list__key">{ &row.label }</dt>
                    <dd class="ow-summary-list__value">
                        { for row.value.lines().map(|line| html! { <span class="ow-summary-list__line">{ line }</span> }) }
                    </dd>
                    <dd class="ow-summary-list__actions">
                        if row.changeable { { change(&row, &row.label) } }
                    </dd>
                </div>
            });
            continue;
        }
        flush(&mut list, &mut out);
        out.push(html! { <h2 class="ow-heading-m">{ &row.label }</h2> });
        for item in &row.items {
            out.push(html! {
                <div class="ow-summary-card">
                    <div class="ow-summary-card__title-wrapper">
                        <h3 class="ow-summary-card__title">{ &item.title }</h3>
                        <div class="ow-summary-card__actions">{ change(&row, &item.title) }</div>
                    </div>
                    <dl class="ow-summary-list ow-summary-card__content">
                        { for item.rows.iter().map(|[label, value]| html! {
                            <div class="ow-summary-list__row">
                                <dt class="ow-summary-list__key">{ label }</dt>
                                <dd class="ow-summary-list__value">
                                    { for value.lines().map(|line| html! { <span class="ow-summary-list__line">{ line }</span> }) }
                                </dd>
                            </div>
                        }) }
                    </dl>
                </div>
            });
        }
    }
    flush(&mut list, &mut out);
    out
}
