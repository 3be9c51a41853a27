//! The `onewindow-extras` module: what follows an application once sent, on the form page
//! (`components::after_sent`). The form page's bundle loads it on demand (`io::bundles`).

use wasm_bindgen::prelude::wasm_bindgen;
use yew::prelude::*;

/// Mounts [`onewindow::ExtrasApp`] in every element waiting for it; the loader calls it again
/// when another application is sent from the same page.
#[wasm_bindgen]
pub fn mount() {
    for (element, application) in onewindow::io::bundles::waiting_extras() {
        let props = onewindow::components::after_sent::ExtrasProps { application };
        yew::Renderer::<onewindow::ExtrasApp>::with_root_and_props(element, props).render();
    }
}

#[function_component(Nothing)]
fn nothing() -> Html {
    Html::default()
}

fn main() {
    // Yew marks each app's root element with a number, counted from 1 in each module, and tells
    // which app an event belongs to by the closest mark above its target; the form page's app
    // (the form bundle, which has no portals) is 1. Were this module's app 1 as well, the form
    // app would take clicks in the rating form for its own and run its own handlers. A first,
    // empty app on an element outside the page takes 1 here, so ours are 2 and up.
    if let Ok(outside) = gloo_utils::document().create_element("div") {
        yew::Renderer::<Nothing>::with_root(outside).render();
    }
    mount();
    // Ratings kept on the device go now and whenever the browser is back online: the form
    // page loads this module when some wait, and whenever it shows a rating form.
    onewindow::io::ratings::start();
}
