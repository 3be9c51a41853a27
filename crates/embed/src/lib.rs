//! onewindow's embed package: a form (or the service search) in any site's page.
//!
//! The only crate that knows custom elements and the JS API. `js/onewindow.js` defines
//! `<onewindow-form>` and `<onewindow-service>` (wasm-bindgen cannot subclass `HTMLElement`),
//! attaches a shadow root with the stylesheet and calls [`mount_form`] / [`mount_service`]
//! here, which render the app's own components in embedded mode and turn its
//! [`JourneyEvent`]s into DOM events on the element. See `docs/embed.md`.

mod options;

pub use options::Options;

use onewindow::components::embedded::{EmbeddedForm, Props as FormProps};
use onewindow::components::service_search::{Props as SearchProps, ServiceSearch};
use onewindow::host::{Command, JourneyEvent, Remote};
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use yew::{AppHandle, AttrValue, Callback};

/// What a mount rendered.
enum Mounted {
    Form { app: AppHandle<EmbeddedForm>, props: FormProps },
    Service { app: AppHandle<ServiceSearch>, props: SearchProps },
}

/// A mounted form or service search: what `mount()` hands the embedding page.
#[wasm_bindgen]
pub struct Handle {
    mounted: Option<Mounted>,
    remote: Remote,
    /// Cleared by `destroy`: no event is dispatched after it.
    live: Rc<Cell<bool>>,
}

fn options_from(value: &JsValue) -> Result<Options, JsError> {
    if value.is_undefined() || value.is_null() {
        return Ok(Options::default());
    }
    let json: String = js_sys::JSON::stringify(value)
        .map_err(|_| JsError::new("options must be a plain object"))?
        .into();
    Options::from_json(&json).map_err(|e| JsError::new(&e))
}

/// Renders the form `options.src` names inside `container` (in `element`'s shadow root) and
/// dispatches its events on `element`.
#[wasm_bindgen(js_name = mountForm)]
pub fn mount_form(
    element: web_sys::Element,
    container: web_sys::Element,
    options: JsValue,
) -> Result<Handle, JsError> {
    let options = options_from(&options)?;
    configure_analytics(&options);
    let live = Rc::new(Cell::new(true));
    let remote = Remote::default();
    let on_event = {
        let live = live.clone();
        Callback::from(move |event: JourneyEvent| {
            if live.get() {
                dispatch(&element, &event);
            }
        })
    };
    let props = FormProps {
        src: AttrValue::from(options.src.clone()),
        locale: options.locale.clone().map(AttrValue::from),
        submission: options.overrides().map(Rc::new),
        lists_base: options.lists_base.clone().map(AttrValue::from),
        on_event: Some(on_event),
        remote: Some(remote.clone()),
    };
    let app = yew::Renderer::<EmbeddedForm>::with_root_and_props(container, props.clone()).render();
    Ok(Handle { mounted: Some(Mounted::Form { app, props }), remote, live })
}

/// Renders the service search inside `container`.
#[wasm_bindgen(js_name = mountService)]
pub fn mount_service(
    element: web_sys::Element,
    container: web_sys::Element,
    options: JsValue,
) -> Result<Handle, JsError> {
    let options = options_from(&options)?;
    configure_analytics(&options);
    let locale = options.locale.unwrap_or_else(|| "zh-CN".into());
    let _ = element.set_attribute("lang", &locale);
    let _ = element.set_attribute("dir", onewindow_engine::text_direction(&locale));
    let live = Rc::new(Cell::new(true));
    let on_event = {
        let (element, live) = (element.clone(), live.clone());
        Callback::from(move |event: JourneyEvent| {
            if live.get() {
                dispatch(&element, &event);
            }
        })
    };
    let props = SearchProps {
        locale: locale.into(),
        catalog: options.catalog.clone().map(AttrValue::from).unwrap_or_default(),
        app: options.app.clone().map(AttrValue::from).unwrap_or_default(),
        on_event: Some(on_event),
    };
    let app =
        yew::Renderer::<ServiceSearch>::with_root_and_props(container, props.clone()).render();
    Ok(Handle { mounted: Some(Mounted::Service { app, props }), remote: Remote::default(), live })
}

#[wasm_bindgen]
impl Handle {
    /// Shows the form in `tag` (one of its languages; `en-GB` finds `en`), keeping the answers.
    #[wasm_bindgen(js_name = setLocale)]
    pub fn set_locale(&mut self, tag: String) {
        match &mut self.mounted {
            Some(Mounted::Form { app, props }) => {
                // The props say which language to load in; the command switches a loaded form.
                props.locale = Some(AttrValue::from(tag.clone()));
                app.update(props.clone());
                self.remote.send(Command::SetLocale(tag));
            }
            Some(Mounted::Service { app, props }) => {
                props.locale = AttrValue::from(tag);
                app.update(props.clone());
            }
            None => {}
        }
    }

    /// Fills in answers, keyed by question id, as the form keeps them (text as strings, dates
    /// as `{day, month, year}`, checkboxes as arrays). The citizen sees and may change them.
    pub fn prefill(&self, answers: JsValue) -> Result<(), JsError> {
        let json: Option<String> =
            js_sys::JSON::stringify(&answers).ok().and_then(|s| s.as_string());
        let answers =
            options::answers_from(json.as_deref().unwrap_or("")).map_err(|e| JsError::new(&e))?;
        self.remote.send(Command::Prefill(answers));
        Ok(())
    }

    /// Forgets this form's draft and answers ("Clear my answers") and shows its start page.
    pub fn reset(&self) {
        self.remote.send(Command::Reset);
    }

    /// Unmounts: the element is emptied, listeners removed, and no event is sent after this.
    pub fn destroy(&mut self) {
        self.live.set(false);
        match self.mounted.take() {
            Some(Mounted::Form { app, .. }) => app.destroy(),
            Some(Mounted::Service { app, .. }) => app.destroy(),
            None => {}
        }
    }
}

/// Turns analytics on for the page when the element asks for them (the last element that does
/// decides where they go: one page, one analytics endpoint).
fn configure_analytics(options: &Options) {
    if let Some(settings) = options.analytics() {
        onewindow::io::analytics::configure(
            settings,
            onewindow_engine::analytics::Channel::Embedded,
        );
    }
}

/// Dispatches `event` on the element: bubbling and composed, so a listener on the document
/// hears it too.
fn dispatch(element: &web_sys::Element, event: &JourneyEvent) {
    let Ok(json) = serde_json::to_string(event) else { return };
    let Ok(detail) = js_sys::JSON::parse(&json) else { return };
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(&detail);
    if let Ok(dom_event) = web_sys::CustomEvent::new_with_event_init_dict(event.name(), &init) {
        let _ = element.dispatch_event(&dom_event);
    }
}
