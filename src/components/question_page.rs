//! A question page: error summary, the visible questions, "Continue".

use super::device::detail_rows;
use super::error_summary::ErrorSummary;
use super::fields::FieldView;
use crate::shared::Shared;
use crate::state::{Action, FormState, Prefill};
use onewindow_engine::{display_value, ui_text, Answer, Field, FieldKind, FormModel, Page, UiText};
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

/// What a page shows that changes only with the page, worked out when the citizen arrives
/// rather than on every keystroke: its questions (reference lists filled in), shared with
/// their views so Yew compares a pointer, not a question; which follow-up nests under which
/// option; and one answer callback per question, the same from keystroke to keystroke (a new
/// callback would render every question of the page again on each key).
struct PageLayout {
    fields: Vec<Shared<Field>>,
    /// For each question, the index on the page of the question it nests under, and the option.
    revealed_by: Vec<Option<(usize, String)>>,
    on_change: Vec<Callback<Answer>>,
}

impl PageLayout {
    fn new(model: &FormModel, page: &Page, dispatcher: &UseReducerDispatcher<FormState>) -> Self {
        let fields = page
            .fields
            .iter()
            .map(|field| {
                // A reference list (ethnic groups…) was fetched with the form; the drop-down
                // shows it like inline options.
                let mut field = field.clone();
                if let FieldKind::Select { options, options_from: Some(list), .. } = &mut field.kind
                {
                    if options.is_empty() {
                        *options = model.list(list);
                    }
                }
                Shared::new(field)
            })
            .collect();
        let revealed_by = page
            .fields
            .iter()
            .map(|f| {
                let (controller, option) = model.revealed_by(&f.id)?;
                Some((page.fields.iter().position(|c| c.id == controller)?, option.to_string()))
            })
            .collect();
        let on_change = page
            .fields
            .iter()
            .map(|field| {
                let (dispatcher, id) = (dispatcher.clone(), field.id.clone());
                Callback::from(move |value| {
                    dispatcher.dispatch(Action::Answer { field: id.clone(), value })
                })
            })
            .collect();
        PageLayout { fields, revealed_by, on_change }
    }
}

/// One page of questions.
#[function_component(QuestionPage)]
pub fn question_page(props: &Props) -> Html {
    let state = &props.state;
    let model = &state.model;
    let form = model.form();
    let locale = AttrValue::from(state.locale.clone());
    let fallback = AttrValue::from(form.fallback_locale().to_string());
    let scope = AttrValue::from(form.id.clone());
    let layout = {
        let (model, dispatcher) = (model.clone(), state.dispatcher());
        use_memo((state.model.clone(), props.page), move |(_, page)| {
            let page = *page;
            model
                .form()
                .pages
                .get(page)
                .map(|definition| PageLayout::new(&model, definition, &dispatcher))
        })
    };
    let (Some(page), Some(layout)) = (form.pages.get(props.page), layout.as_ref()) else {
        return Html::default();
    };
    let visible: Vec<bool> =
        page.fields.iter().map(|f| state.evaluation.is_visible(model, &f.id)).collect();
    // A follow-up nested under an option belongs to its question: it does not make the page
    // a multi-question page (the heading stays put as the citizen chooses).
    let single = page.title.is_none()
        && (0..page.fields.len())
            .filter(|&i| visible[i] && layout.revealed_by[i].is_none())
            .count()
            == 1;
    let on_submit = {
        let state = state.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            state.dispatch(Action::Continue);
        })
    };
    let view_with = |i: usize, is_heading: bool, reveals: Vec<(AttrValue, Html)>| -> Html {
        // The question as the page shows it now (answers filled in, options as offered).
        let base = &layout.fields[i];
        let field = &model
            .shown_field(&state.evaluation, base, &locale)
            .map_or_else(|| base.clone(), Shared::new);
        // Only a computed question shows its value worked out.
        let computed = matches!(field.kind, FieldKind::Computed { .. })
            .then(|| {
                state.evaluation.value(model, &field.id).map(|v| {
                    serde_json::Value::String(display_value(form, field, Some(v), &locale))
                })
            })
            .flatten();
        html! {
            <FieldView
                key={field.id.clone()}
                field={field.clone()}
                locale={locale.clone()}
                fallback={fallback.clone()}
                value={state.answers.get(&field.id).cloned()}
                {computed}
                required={model.is_required(&state.evaluation, &field.id)}
                errors={state.errors_for(&field.id).cloned().collect::<Vec<_>>()}
                {is_heading}
                {reveals}
                scope={scope.clone()}
                on_change={layout.on_change[i].clone()}
            />
        }
    };
    let view = |i: usize, is_heading: bool| view_with(i, is_heading, Vec::new());
    let on = |action: Action| {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(action.clone()))
    };
    let offers = state.prefill_offers();
    let prefill = if state.prefill == Prefill::Filled(state.position) {
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
            { for (0..page.fields.len()).filter(|&i| visible[i] && layout.revealed_by[i].is_none()).map(|i| {
                // Follow-ups nested under this question's options, in page order.
                let mut reveals: Vec<(AttrValue, Html)> = Vec::new();
                for (other, revealed) in layout.revealed_by.iter().enumerate() {
                    let Some((_, option)) = revealed.as_ref().filter(|(controller, _)| *controller == i) else { continue };
                    let markup = if visible[other] { view(other, false) } else { Html::default() };
                    match reveals.iter_mut().find(|(v, _)| v.as_str() == option) {
                        Some((_, existing)) => *existing = html! { <>{ existing.clone() }{ markup }</> },
                        None => reveals.push((AttrValue::from(option.clone()), markup)),
                    }
                }
                view_with(i, single, reveals)
            }) }
            <button type="submit" class="ow-button">{ ui_text(UiText::Continue, &locale) }</button>
        </form>
        </>
    }
}
