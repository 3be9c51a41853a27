//! GOV.UK error summary: "There is a problem", focused, each error linking to its input.

use crate::host::Host;
use crate::io;
use onewindow_engine::{ui_text, FieldError, UiText};
use yew::prelude::*;

/// Props for [`ErrorSummary`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The problems on show, in field order (warnings are listed only when there is no error).
    pub errors: Vec<FieldError>,
    /// Interface locale.
    pub locale: AttrValue,
    /// Changes every time "Continue" finds errors, so focus returns to the summary each time.
    pub focus_key: u32,
}

/// The element id of the input for `field` (and `part` of a composite answer), which labels,
/// error links and tests point at.
pub fn input_id(field: &str, part: Option<&str>) -> String {
    match part {
        Some(part) => format!("field-{field}-{part}"),
        None => format!("field-{field}"),
    }
}

/// The summary box; renders nothing without errors.
#[function_component(ErrorSummary)]
pub fn error_summary(props: &Props) -> Html {
    let node = use_node_ref();
    let embedded = use_context::<Host>().unwrap_or_default().is_embedded();
    {
        let node = node.clone();
        use_effect_with(props.focus_key, move |_| {
            if let Some(element) = node.cast::<web_sys::HtmlElement>() {
                let _ = element.focus();
            }
        });
    }
    let errors: Vec<&FieldError> = props.errors.iter().filter(|e| e.is_error()).collect();
    // Without errors, warnings get the same box under a gentler title: they are shown once
    // and the citizen may continue.
    let (shown, title, class) = if errors.is_empty() {
        (
            props.errors.iter().collect::<Vec<_>>(),
            UiText::CheckBeforeContinuing,
            "ow-error-summary ow-error-summary--warning",
        )
    } else {
        (errors, UiText::ThereIsAProblem, "ow-error-summary")
    };
    if shown.is_empty() {
        return Html::default();
    }
    html! {
        <div {class} ref={node.clone()} tabindex="-1" role="alert" aria-labelledby="error-summary-title">
            <h2 class="ow-error-summary__title" id="error-summary-title">{ ui_text(title, &props.locale) }</h2>
            <ul class="ow-list ow-error-summary__list">
                { for shown.iter().map(|e| {
                    let id = input_id(&e.field, e.part.as_deref());
                    // In a shadow root a "#id" link would change the host page's URL and find
                    // nothing: go to the input ourselves.
                    let onclick = embedded.then(|| {
                        let (id, node) = (id.clone(), node.clone());
                        Callback::from(move |event: MouseEvent| {
                            event.prevent_default();
                            if let Some(input) = node.get().and_then(|near| io::dom::element_by_id(&near, &id)) {
                                io::dom::focus_question(&input);
                            }
                        })
                    });
                    html! { <li><a href={format!("#{id}")} {onclick}>{ &e.message }</a></li> }
                }) }
            </ul>
        </div>
    }
}
