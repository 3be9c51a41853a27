//! GOV.UK error summary: "There is a problem", focused, each error linking to its field.

use onewindow_engine::{ui_text, FieldError, UiText};
use yew::prelude::*;

/// Props for [`ErrorSummary`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The errors on show, in field order.
    pub errors: Vec<FieldError>,
    /// Interface locale.
    pub locale: String,
    /// Changes every time "Continue" finds errors, so focus returns to the summary each time.
    pub focus_key: u32,
}

/// The element id of the input for `field`, which error links point at.
pub fn input_id(field: &str) -> String {
    format!("field-{field}")
}

/// The summary box; renders nothing without errors.
#[function_component(ErrorSummary)]
pub fn error_summary(props: &Props) -> Html {
    let node = use_node_ref();
    {
        let node = node.clone();
        use_effect_with(props.focus_key, move |_| {
            if let Some(element) = node.cast::<web_sys::HtmlElement>() {
                let _ = element.focus();
            }
        });
    }
    if props.errors.is_empty() {
        return Html::default();
    }
    html! {
        <div class="ow-error-summary" ref={node} tabindex="-1" role="alert" aria-labelledby="error-summary-title">
            <h2 class="ow-error-summary__title" id="error-summary-title">{ ui_text(UiText::ThereIsAProblem, &props.locale) }</h2>
            <ul class="ow-list ow-error-summary__list">
                { for props.errors.iter().map(|e| html! {
                    <li><a href={format!("#{}", input_id(&e.field))}>{ &e.message }</a></li>
                }) }
            </ul>
        </div>
    }
}
