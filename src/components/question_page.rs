//! A question page: error summary, the visible questions, "Continue".

use super::error_summary::ErrorSummary;
use super::fields::FieldView;
use super::device::detail_rows;
use crate::state::{Action, FormState};
use onewindow_engine::{display_value, ui_text, Answer, Field, FieldKind, UiText};
use std::collections::HashMap;
use yew::prelude::*;

/// Props for [`QuestionPage`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The journey state (the page is `state.position`).
    pub state: UseReducerHandle<FormState>,
    /// Index of the page to show.
    pub page: usize,
    /// The page's heading, worked out by the journey.
    pub heading: AttrValue,
}

/// One page of questions.
#[function_component(QuestionPage)]
pub fn question_page(props: &Props) -> Html {
    let state = &props.state;
    let model = &state.model;
    let form = model.form();
    let locale = AttrValue::from(state.locale.clone());
    let fallback = AttrValue::from(form.fallback_locale().to_string());
    let Some(page) = form.pages.get(props.page) else { return Html::default() };
    let visible: Vec<_> = page.fields.iter().filter(|f| state.evaluation.is_visible(model, &f.id)).collect();
    // A follow-up nested under an option belongs to its question: it does not make the page
    // a multi-question page (the heading stays put as the citizen chooses).
    let single = page.title.is_none() && visible.iter().filter(|f| model.revealed_by(&f.id).is_none()).count() == 1;
    let on_submit = {
        let state = state.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            state.dispatch(Action::Continue);
        })
    };
    // One callback per question, the same from keystroke to keystroke: Yew compares props, and
    // a new callback would render every question of the page again on each key.
    let callbacks = use_mut_ref(HashMap::<String, Callback<Answer>>::new);
    let dispatcher = state.dispatcher();
    let view_with = |field: &Field, is_heading: bool, reveals: Vec<(AttrValue, Html)>| -> Html {
        let on_change = callbacks
            .borrow_mut()
            .entry(field.id.clone())
            .or_insert_with(|| {
                let (dispatcher, id) = (dispatcher.clone(), field.id.clone());
                Callback::from(move |value| dispatcher.dispatch(Action::Answer { field: id.clone(), value }))
            })
            .clone();
        // A reference list (ethnic groups…) was fetched with the form; the drop-down shows it
        // like inline options.
        let mut field = field.clone();
        if let FieldKind::Select { options, options_from: Some(list) } = &mut field.kind {
            if options.is_empty() {
                *options = model.list(list);
            }
        }
        html! {
            <FieldView
                key={field.id.clone()}
                field={field.clone()}
                locale={locale.clone()}
                fallback={fallback.clone()}
                value={state.answers.get(&field.id).cloned()}
                computed={state.evaluation.value(model, &field.id).map(|v| serde_json::Value::String(display_value(form, &field, Some(v), &locale)))}
                required={model.is_required(&state.evaluation, &field.id)}
                errors={state.errors_for(&field.id).cloned().collect::<Vec<_>>()}
                {is_heading}
                {reveals}
                scope={AttrValue::from(form.id.clone())}
                {on_change}
            />
        }
    };
    let view = |field: &Field, is_heading: bool| view_with(field, is_heading, Vec::new());
    let on = |action: Action| {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(action.clone()))
    };
    let offers = state.prefill_offers();
    let prefill = if state.prefilled == Some(state.position) {
        html! { <div class="ow-inset-text" role="status">{ ui_text(UiText::PrefillDone, &locale) }</div> }
    } else if offers.is_empty() {
        Html::default()
    } else {
        // Offered, never applied silently: the citizen sees every detail before choosing.
        html! {
            <section class="ow-fill-once" aria-labelledby="ow-prefill-heading">
                <h2 class="ow-heading-m" id="ow-prefill-heading">{ ui_text(UiText::PrefillHeading, &locale) }</h2>
                <p class="ow-body">{ ui_text(UiText::PrefillBody, &locale) }</p>
                <dl class="ow-summary-list">{ detail_rows(offers) }</dl>
                <div class="ow-button-group">
                    <button type="button" class="ow-button ow-button--secondary" onclick={on(Action::UsePrefill)}>{ ui_text(UiText::PrefillUse, &locale) }</button>
                    <button type="button" class="ow-link-button ow-fill-once__decline" onclick={on(Action::DeclinePrefill)}>{ ui_text(UiText::PrefillDecline, &locale) }</button>
                </div>
            </section>
        }
    };
    html! {
        <>
        { prefill }
        <form novalidate=true onsubmit={on_submit}>
            <ErrorSummary errors={state.errors.clone()} locale={locale.clone()} focus_key={state.failed_attempts} />
            if !single { <h1 class="ow-heading-l">{ &props.heading }</h1> }
            { for visible.iter().filter(|f| model.revealed_by(&f.id).is_none()).map(|field| {
                // Follow-ups nested under this question's options, in page order.
                let mut reveals: Vec<(AttrValue, Html)> = Vec::new();
                for other in &page.fields {
                    if let Some((controller, option)) = model.revealed_by(&other.id) {
                        if controller != field.id {
                            continue;
                        }
                        let shown = visible.iter().any(|v| v.id == other.id);
                        let markup = if shown { view(other, false) } else { Html::default() };
                        match reveals.iter_mut().find(|(v, _)| v.as_str() == option) {
                            Some((_, existing)) => *existing = html! { <>{ existing.clone() }{ markup }</> },
                            None => reveals.push((AttrValue::from(option.to_string()), markup)),
                        }
                    }
                }
                view_with(field, single, reveals)
            }) }
            <button type="submit" class="ow-button">{ ui_text(UiText::Continue, &locale) }</button>
        </form>
        </>
    }
}
