//! A question page: error summary, the visible questions, "Continue".

use super::error_summary::ErrorSummary;
use super::fields::FieldView;
use crate::state::{Action, FormState};
use onewindow_engine::{display_value, ui_text, FieldKind, UiText};
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
    let single = page.title.is_none() && visible.len() == 1;
    let on_submit = {
        let state = state.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            state.dispatch(Action::Continue);
        })
    };
    html! {
        <form novalidate=true onsubmit={on_submit}>
            <ErrorSummary errors={state.errors.clone()} locale={locale.clone()} focus_key={state.failed_attempts} />
            if !single { <h1 class="ow-heading-l">{ &props.heading }</h1> }
            { for visible.iter().map(|field| {
                let on_change = {
                    let state = state.clone();
                    let id = field.id.clone();
                    Callback::from(move |value| state.dispatch(Action::Answer { field: id.clone(), value }))
                };
                // A reference list (ethnic groups…) was fetched with the form; the drop-down
                // shows it like inline options.
                let mut field = (*field).clone();
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
                        is_heading={single}
                        {on_change}
                    />
                }
            }) }
            <button type="submit" class="ow-button">{ ui_text(UiText::Continue, &locale) }</button>
        </form>
    }
}
