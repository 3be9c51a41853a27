//! What every question's view is given, and the markup they share: label or legend, hint,
//! error messages, the ids that tie them to the inputs.

use crate::components::error_summary::input_id;
use crate::shared::Shared;
use onewindow_engine::{ui_text, Answer, Field, FieldError, FieldKind, Text, UiText};
use serde_json::Value;
use yew::prelude::*;

/// Props for [`FieldView`].
#[derive(Properties, Clone, PartialEq)]
pub struct Props {
    /// The question as defined (shared: a page keeps its questions from keystroke to keystroke,
    /// and comparing them is then comparing pointers).
    pub field: Shared<Field>,
    /// The citizen's locale and the form's fallback locale.
    pub locale: AttrValue,
    /// The form's first locale, used for texts missing in `locale`.
    pub fallback: AttrValue,
    /// The current answer, as typed.
    #[prop_or_default]
    pub value: Option<Answer>,
    /// The value of a computed field.
    #[prop_or_default]
    pub computed: Option<Answer>,
    /// Whether the answer is needed (the label says "(optional)" otherwise).
    pub required: bool,
    /// The problems on show for this question.
    #[prop_or_default]
    pub errors: Vec<FieldError>,
    /// The page's only question: its label or legend is the page heading.
    #[prop_or_default]
    pub is_heading: bool,
    /// Follow-up questions nested under options (GOV.UK conditional reveals): the option's
    /// value and the questions' markup, empty while the option is not chosen.
    #[prop_or_default]
    pub reveals: Vec<(AttrValue, Html)>,
    /// The form's id: files chosen here are kept on the device under it.
    #[prop_or_default]
    pub scope: AttrValue,
    /// Called with the new answer on every change.
    pub on_change: Callback<Answer>,
}

impl Props {
    pub(crate) fn t<'a>(&self, text: &'a Text) -> &'a str {
        text.get(&self.locale, &self.fallback)
    }

    pub(crate) fn id(&self) -> String {
        input_id(&self.field.id, None)
    }

    pub(crate) fn label_text(&self) -> Html {
        let optional = !self.required
            && self.field.kind.is_question()
            && !matches!(self.field.kind, FieldKind::Declaration { .. });
        html! {
            <>
                { self.t(&self.field.label) }
                if optional { { " " }{ ui_text(UiText::Optional, &self.locale) } }
            </>
        }
    }

    pub(crate) fn hint_id(&self) -> Option<String> {
        self.field.hint.as_ref().map(|_| format!("{}-hint", self.id()))
    }

    pub(crate) fn error_id(&self) -> Option<String> {
        (!self.errors.is_empty()).then(|| format!("{}-error", self.id()))
    }

    pub(crate) fn described_by(&self) -> Option<String> {
        let ids: Vec<String> = [self.hint_id(), self.error_id()].into_iter().flatten().collect();
        (!ids.is_empty()).then(|| ids.join(" "))
    }

    pub(crate) fn hint(&self) -> Html {
        match (&self.field.hint, self.hint_id()) {
            (Some(hint), Some(id)) => html! { <div class="ow-hint" {id}>{ self.t(hint) }</div> },
            _ => Html::default(),
        }
    }

    pub(crate) fn error_message(&self) -> Html {
        let Some(id) = self.error_id() else { return Html::default() };
        html! {
            <p class="ow-error-message" {id}>
                { for self.errors.iter().map(|e| {
                    let prefix = if e.is_error() { UiText::ErrorPrefix } else { UiText::WarningPrefix };
                    html! { <span class={classes!("ow-error-message__line", (!e.is_error()).then_some("ow-error-message--warning"))}>
                        <span class="ow-visually-hidden">{ ui_text(prefix, &self.locale) }{ " " }</span>{ &e.message }
                    </span> }
                }) }
            </p>
        }
    }

    /// The container of the questions revealed by option `n`, if that option reveals any.
    pub(super) fn conditional(
        &self,
        n: usize,
        value: &str,
        chosen: bool,
    ) -> (Option<String>, Html) {
        let Some((_, content)) = self.reveals.iter().find(|(v, _)| v.as_str() == value) else {
            return (None, Html::default());
        };
        let id = format!("{}-conditional", option_id(self, n));
        let class = classes!("ow-conditional", (!chosen).then_some("ow-conditional--hidden"));
        (Some(id.clone()), html! { <div {class} {id} hidden={!chosen}>{ content.clone() }</div> })
    }

    pub(crate) fn has_error(&self) -> bool {
        self.errors.iter().any(FieldError::is_error)
    }

    pub(crate) fn text_value(&self) -> String {
        match &self.value {
            Some(Value::String(s)) => s.clone(),
            Some(Value::Number(n)) => n.to_string(),
            _ => String::new(),
        }
    }

    /// A form group around single-input questions, with the label as heading when alone.
    pub(crate) fn labelled(&self, input: Html) -> Html {
        let label = html! {
            <label class={classes!("ow-label", self.is_heading.then_some("ow-label--l"))} for={self.id()}>{ self.label_text() }</label>
        };
        html! {
            <div class={classes!("ow-form-group", self.has_error().then_some("ow-form-group--error"))}>
                if self.is_heading { <h1 class="ow-label-wrapper">{ label }</h1> } else { { label } }
                { self.hint() }
                { self.error_message() }
                { input }
            </div>
        }
    }

    /// A fieldset around multi-input questions (choices, dates), with the legend as heading.
    pub(crate) fn fieldset(&self, inputs: Html) -> Html {
        html! {
            <div class={classes!("ow-form-group", self.has_error().then_some("ow-form-group--error"))}>
                <fieldset class="ow-fieldset" aria-describedby={self.described_by()}>
                    <legend class={classes!("ow-fieldset__legend", self.is_heading.then_some("ow-fieldset__legend--l"))}>
                        if self.is_heading { <h1 class="ow-fieldset__heading">{ self.label_text() }</h1> } else { { self.label_text() } }
                    </legend>
                    { self.hint() }
                    { self.error_message() }
                    { inputs }
                </fieldset>
            </div>
        }
    }
}

/// Reads the text of the input, textarea or select an event came from.
pub(crate) fn event_text(event: &Event) -> String {
    if let Some(input) = event.target_dyn_into::<web_sys::HtmlInputElement>() {
        input.value()
    } else if let Some(area) = event.target_dyn_into::<web_sys::HtmlTextAreaElement>() {
        area.value()
    } else if let Some(select) = event.target_dyn_into::<web_sys::HtmlSelectElement>() {
        select.value()
    } else {
        String::new()
    }
}

pub(super) fn option_id(props: &Props, n: usize) -> String {
    if n == 0 {
        props.id()
    } else {
        format!("{}-{n}", props.id())
    }
}
