//! Shown instead of a form whose definition cannot be used: every problem, with where it is.

use crate::host::Host;
use onewindow_engine::{ui_text, Diagnostic, UiText};
use yew::prelude::*;

/// Props: the definition's address and what is wrong with it.
#[derive(Properties, PartialEq)]
pub struct Props {
    /// Where the definition came from.
    pub source: String,
    /// Every problem found.
    pub problems: Vec<Diagnostic>,
    /// Interface locale.
    pub locale: AttrValue,
}

/// The list of problems, for the department author and for the citizen who met it.
#[function_component(DefinitionProblems)]
pub fn definition_problems(props: &Props) -> Html {
    // Embedded in another site's page, the page's main content is not ours to name.
    let tag = if use_context::<Host>().unwrap_or_default().is_embedded() { "div" } else { "main" };
    html! {
        <@{tag} class="ow-main" id="main-content">
            <div class="ow-error-summary" role="alert">
                <h1 class="ow-heading-l">{ ui_text(UiText::DefinitionProblem, &props.locale) }</h1>
                <p class="ow-body"><code>{ &props.source }</code></p>
                <ul class="ow-list ow-definition-problems">
                    { for props.problems.iter().map(|p| html! { <li><code>{ p.to_string() }</code></li> }) }
                </ul>
            </div>
        </@>
    }
}
