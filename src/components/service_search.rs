//! `<onewindow-service>`: the service search. The catalog it will search does not exist yet,
//! so it says plainly that search is not available rather than show a search box that finds
//! nothing.

use onewindow_engine::{text_direction, ui_text, UiText};
use yew::prelude::*;

/// Props for [`ServiceSearch`].
#[derive(Properties, PartialEq, Clone)]
pub struct Props {
    /// Interface locale.
    pub locale: AttrValue,
}

/// The note in place of the service search.
#[function_component(ServiceSearch)]
pub fn service_search(props: &Props) -> Html {
    let locale = props.locale.as_str();
    html! {
        <div class="ow-page" lang={props.locale.clone()} dir={text_direction(locale)}>
            <section class="ow-service-search" aria-labelledby="ow-service-search-heading">
                <h2 class="ow-heading-m" id="ow-service-search-heading">{ ui_text(UiText::FindAService, locale) }</h2>
                <p class="ow-inset-text ow-service-search__unavailable">{ ui_text(UiText::SearchUnavailable, locale) }</p>
            </section>
        </div>
    }
}
