//! A text or textarea question with its label, hint and error wired for screen readers.

use super::error_summary::input_id;
use onewindow_engine::{ui_text, UiText};
use yew::prelude::*;

/// Props for [`TextField`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// Field id (the answer's key).
    pub id: String,
    /// The question.
    pub label: AttrValue,
    /// One sentence of help.
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    /// The error on show.
    #[prop_or_default]
    pub error: Option<AttrValue>,
    /// The current answer, as typed.
    pub value: AttrValue,
    /// Several lines rather than one.
    #[prop_or_default]
    pub multiline: bool,
    /// Whether the question is optional, which the label says.
    #[prop_or_default]
    pub optional: bool,
    /// The page's only question: its label is the page heading.
    #[prop_or_default]
    pub is_heading: bool,
    /// Interface locale.
    pub locale: AttrValue,
    /// Called with the new text on every input.
    pub on_input: Callback<String>,
}

/// One text question.
#[function_component(TextField)]
pub fn text_field(props: &Props) -> Html {
    let id = input_id(&props.id);
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described_by = [props.hint.as_ref().map(|_| hint_id.as_str()), props.error.as_ref().map(|_| error_id.as_str())]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    let described_by = (!described_by.is_empty()).then_some(described_by);
    let oninput = {
        let on_input = props.on_input.clone();
        Callback::from(move |event: InputEvent| {
            // One handler serves both elements; each has its own `value`.
            if let Some(input) = event.target_dyn_into::<web_sys::HtmlInputElement>() {
                on_input.emit(input.value());
            } else if let Some(area) = event.target_dyn_into::<web_sys::HtmlTextAreaElement>() {
                on_input.emit(area.value());
            }
        })
    };
    let label = html! {
        <label class={classes!("ow-label", props.is_heading.then_some("ow-label--l"))} for={id.clone()}>
            { &props.label }
            if props.optional { { " " }{ ui_text(UiText::Optional, &props.locale) } }
        </label>
    };
    let has_error = props.error.is_some();
    html! {
        <div class={classes!("ow-form-group", has_error.then_some("ow-form-group--error"))}>
            if props.is_heading { <h1 class="ow-label-wrapper">{ label }</h1> } else { { label } }
            if let Some(hint) = &props.hint { <div class="ow-hint" id={hint_id.clone()}>{ hint }</div> }
            if let Some(error) = &props.error {
                <p class="ow-error-message" id={error_id.clone()}>
                    <span class="ow-visually-hidden">{ ui_text(UiText::ErrorPrefix, &props.locale) }</span>{ " " }{ error }
                </p>
            }
            if props.multiline {
                <textarea class={classes!("ow-textarea", has_error.then_some("ow-textarea--error"))} id={id.clone()} name={props.id.clone()}
                    rows="5" value={props.value.clone()} aria-describedby={described_by.clone()} {oninput} />
            } else {
                <input class={classes!("ow-input", has_error.then_some("ow-input--error"))} id={id.clone()} name={props.id.clone()}
                    type="text" value={props.value.clone()} aria-describedby={described_by} {oninput} />
            }
        </div>
    }
}
