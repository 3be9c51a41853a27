//! A link inside the app, followed without reloading the page.

use crate::routing::Navigator;
use yew::prelude::*;

/// Props for [`Link`].
#[derive(Properties, PartialEq)]
pub struct LinkProps {
    /// Where it goes: a query string of the app (`?service=…`).
    pub href: AttrValue,
    /// CSS classes.
    #[prop_or_default]
    pub class: Classes,
    /// The link's content.
    #[prop_or_default]
    pub children: Html,
}

/// A link inside the app: a real `href` (new tab, copy link, no script) that the app follows
/// without reloading when clicked plainly.
#[function_component(Link)]
pub fn link(props: &LinkProps) -> Html {
    let navigator = use_context::<Navigator>();
    let onclick = {
        let href = props.href.to_string();
        Callback::from(move |event: MouseEvent| {
            let plain = event.button() == 0
                && !event.ctrl_key()
                && !event.meta_key()
                && !event.shift_key()
                && !event.alt_key();
            if let (true, Some(navigator)) = (plain, &navigator) {
                event.prevent_default();
                navigator.go(href.clone());
            }
        })
    };
    html! { <a href={props.href.clone()} class={props.class.clone()} {onclick}>{ props.children.clone() }</a> }
}
