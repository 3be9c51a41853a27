//! "Check your answers": every question with the answer given.

use onewindow_engine::{ui_text, Answers, Form, UiText};
use std::rc::Rc;
use yew::prelude::*;

/// Props for [`CheckAnswers`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The definition.
    pub form: Rc<Form>,
    /// The answers to show.
    pub answers: Answers,
    /// Interface locale.
    pub locale: AttrValue,
}

/// The summary list of answers.
#[function_component(CheckAnswers)]
pub fn check_answers(props: &Props) -> Html {
    let form = &props.form;
    let locale = props.locale.as_str();
    html! {
        <>
            <h1 class="ow-heading-l">{ ui_text(UiText::CheckAnswers, locale) }</h1>
            <dl class="ow-summary-list">
                { for form.pages.iter().flat_map(|p| p.fields.iter()).map(|field| html! {
                    <div class="ow-summary-list__row">
                        <dt class="ow-summary-list__key">{ form.text(&field.label, locale) }</dt>
                        <dd class="ow-summary-list__value">{ props.answers.text(&field.id) }</dd>
                    </div>
                }) }
            </dl>
        </>
    }
}
