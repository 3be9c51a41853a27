//! An outcome page that ends the journey early ("You do not need a residence permit").

use crate::shared::Shared;
use onewindow_engine::{render_markdown, FormModel};
use yew::prelude::*;

/// Props for [`OutcomePage`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The loaded form.
    pub model: Shared<FormModel>,
    /// Index into the form's outcomes.
    pub outcome: usize,
    /// Interface locale.
    pub locale: AttrValue,
}

/// The outcome's heading and explanation.
#[function_component(OutcomePage)]
pub fn outcome_page(props: &Props) -> Html {
    let form = props.model.form();
    let Some(outcome) = form.outcomes.get(props.outcome) else { return Html::default() };
    html! {
        <div class="ow-outcome">
            <h1 class="ow-heading-l">{ form.text(&outcome.title, &props.locale) }</h1>
            { Html::from_html_unchecked(AttrValue::from(render_markdown(form.text(&outcome.body, &props.locale)))) }
        </div>
    }
}
