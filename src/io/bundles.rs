//! Modules loaded on demand: the form page's bundle leaves the rating form and "you may also
//! need" to `onewindow-extras` (`components::after_sent`), loaded once an application is sent.
//! Each module's address is on a `<meta>` of the page (scripts/build.sh writes them), as
//! `static/boot.js` reads the page's first module.

use crate::host::SentApplication;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsCast;
use web_sys::Element;

#[wasm_bindgen(inline_js = r#"
export async function load_bundle(name) {
  const meta = document.querySelector(`meta[name="${name}"]`);
  if (!meta) return false;
  const module = await import(meta.dataset.js);
  await module.default({ module_or_path: meta.dataset.wasm });
  // A module already running (a second application sent from this page) mounts what is new.
  if (module.mount) module.mount();
  return true;
}
"#)]
extern "C" {
    #[wasm_bindgen(catch)]
    async fn load_bundle(name: &str) -> Result<wasm_bindgen::JsValue, wasm_bindgen::JsValue>;
}

/// The marker of an element waiting for the extras module, and of one it has mounted.
const WAITING: &str = "data-ow-extras";
const MOUNTED: &str = "data-ow-extras-mounted";

/// The element the extras module mounts in, carrying the application it is about.
pub fn extras_element(application: &SentApplication) -> Option<Element> {
    let element = gloo_utils::document().create_element("div").ok()?;
    element.set_class_name("ow-extras");
    for (name, value) in [
        (WAITING, ""),
        ("data-form", application.form.as_str()),
        ("data-version", application.version.as_str()),
        ("data-reference", application.reference.as_str()),
        ("data-rating-token", application.rating_token.as_str()),
        ("data-locale", application.locale.as_str()),
    ] {
        element.set_attribute(name, value).ok()?;
    }
    Some(element)
}

/// Loads the extras module (once; the browser keeps the module) and has it mount in every
/// element waiting for it. Best effort: without it the confirmation is complete, less the
/// rating form and the suggestions.
pub fn load_extras() {
    wasm_bindgen_futures::spawn_local(async {
        let _ = load_bundle("onewindow-extras").await;
    });
}

/// The elements waiting for the extras module and their applications, each marked mounted
/// (the extras module's side).
pub fn waiting_extras() -> Vec<(Element, SentApplication)> {
    let Ok(found) =
        gloo_utils::document().query_selector_all(&format!("[{WAITING}]:not([{MOUNTED}])"))
    else {
        return Vec::new();
    };
    (0..found.length())
        .filter_map(|i| found.item(i)?.dyn_into::<Element>().ok())
        .filter_map(|element| {
            element.set_attribute(MOUNTED, "").ok()?;
            let attribute =
                |name: &str| yew::AttrValue::from(element.get_attribute(name).unwrap_or_default());
            let application = SentApplication {
                form: attribute("data-form"),
                version: attribute("data-version"),
                reference: attribute("data-reference"),
                rating_token: attribute("data-rating-token"),
                locale: attribute("data-locale"),
            };
            Some((element, application))
        })
        .collect()
}
