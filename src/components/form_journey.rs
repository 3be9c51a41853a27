//! One form from first question to check answers.

use super::check_answers::CheckAnswers;
use super::error_summary::ErrorSummary;
use super::text_field::TextField;
use crate::io;
use crate::state::{Action, FormState};
use onewindow_engine::{ui_text, Field, FieldKind, Form, UiText};
use std::rc::Rc;
use yew::prelude::*;

/// Props for [`FormJourney`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The definition to go through.
    pub form: Rc<Form>,
    /// Interface and content locale.
    pub locale: AttrValue,
}

/// The question pages and the check-answers page of one form.
#[function_component(FormJourney)]
pub fn form_journey(props: &Props) -> Html {
    let state = {
        let (form, locale) = (props.form.clone(), props.locale.to_string());
        use_reducer(move || FormState::new(form, locale))
    };
    let form = &state.form;
    let locale = state.locale.as_str();
    let at_check = state.journey.at_check_answers(form);
    let page = form.pages.get(state.journey.page);
    let heading = match page {
        Some(page) => page_heading(form, page, locale),
        None => ui_text(UiText::CheckAnswers, locale).to_string(),
    };
    {
        let prefix = if state.errors.is_empty() { "" } else { ui_text(UiText::ErrorTitlePrefix, locale) };
        let title = format!("{prefix}{heading} – {}", form.text(&form.title, locale));
        let locale = locale.to_string();
        use_effect_with((title, locale), |(title, locale)| {
            io::set_title(title);
            io::set_document_lang(locale);
        });
    }
    let on_back = {
        let state = state.clone();
        Callback::from(move |event: MouseEvent| {
            event.prevent_default();
            state.dispatch(Action::Back);
        })
    };
    let back_link = (state.journey.page > 0).then(|| html! {
        <a href="#" class="ow-back-link" onclick={on_back}>{ ui_text(UiText::Back, locale) }</a>
    });
    let body = match page {
        _ if at_check => html! { <CheckAnswers form={form.clone()} answers={state.answers.clone()} locale={state.locale.clone()} /> },
        None => Html::default(),
        Some(page) => {
            let on_submit = {
                let state = state.clone();
                Callback::from(move |event: SubmitEvent| {
                    event.prevent_default();
                    state.dispatch(Action::Continue);
                })
            };
            let single = page.fields.len() == 1;
            html! {
                <form novalidate=true onsubmit={on_submit}>
                    <ErrorSummary errors={state.errors.clone()} locale={state.locale.clone()} focus_key={state.failed_attempts} />
                    if !single { <h1 class="ow-heading-l">{ &heading }</h1> }
                    { for page.fields.iter().map(|field| render_field(&state, field, single)) }
                    <button type="submit" class="ow-button">{ ui_text(UiText::Continue, locale) }</button>
                </form>
            }
        }
    };
    html! {
        <div class="ow-width-container" lang={state.locale.clone()}>
            <header class="ow-header"><span class="ow-header__service">{ form.text(&form.title, locale) }</span></header>
            { back_link }
            <main class="ow-main" id="main-content">{ body }</main>
        </div>
    }
}

fn page_heading(form: &Form, page: &onewindow_engine::Page, locale: &str) -> String {
    match (&page.title, page.fields.as_slice()) {
        (Some(title), _) => form.text(title, locale).to_string(),
        (None, [only]) => form.text(&only.label, locale).to_string(),
        (None, _) => form.text(&form.title, locale).to_string(),
    }
}

fn render_field(state: &UseReducerHandle<FormState>, field: &Field, is_heading: bool) -> Html {
    let form = &state.form;
    let locale = state.locale.as_str();
    let on_input = {
        let state = state.clone();
        let id = field.id.clone();
        Callback::from(move |text: String| state.dispatch(Action::Answer { field: id.clone(), value: text.into() }))
    };
    match &field.kind {
        FieldKind::Text { .. } | FieldKind::Textarea { .. } => html! {
            <TextField
                id={field.id.clone()}
                label={AttrValue::from(form.text(&field.label, locale).to_string())}
                hint={field.hint.as_ref().map(|h| AttrValue::from(form.text(h, locale).to_string()))}
                error={state.error_for(&field.id).map(|e| AttrValue::from(e.message.clone()))}
                value={AttrValue::from(state.answers.text(&field.id).to_string())}
                multiline={matches!(field.kind, FieldKind::Textarea { .. })}
                optional={!field.required}
                {is_heading}
                locale={AttrValue::from(locale.to_string())}
                {on_input}
            />
        },
    }
}
