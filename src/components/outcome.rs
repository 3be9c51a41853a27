//! An outcome page that ends the journey early ("You do not need a residence permit").

use onewindow_engine::render_markdown;
use yew::prelude::*;

/// Props for [`OutcomePage`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The outcome's title, in the citizen's locale, its pipes filled in.
    pub title: AttrValue,
    /// Its explanation (Markdown), likewise.
    pub body: AttrValue,
}

/// The outcome's heading and explanation.
#[function_component(OutcomePage)]
pub fn outcome_page(props: &Props) -> Html {
    html! {
        <div class="ow-outcome">
            <h1 class="ow-heading-l">{ &props.title }</h1>
            { Html::from_html_unchecked(AttrValue::from(render_markdown(&props.body))) }
        </div>
    }
}
