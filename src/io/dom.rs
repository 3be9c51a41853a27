//! The document: its title and language, focus and scrolling, an embedded form's element,
//! the host page's settings, downloads and printing.

/// The host page's submission overrides, if it has `<meta name="onewindow-submission"
/// content='{"url": …}'>`: a site serving the app decides where its citizens' applications
/// go (a meta element rather than a script, so a strict Content-Security-Policy holds).
pub fn host_submission_overrides() -> Option<String> {
    let meta = gloo_utils::document().query_selector("meta[name=onewindow-submission]").ok()??;
    meta.get_attribute("content")
}

/// Sets the browser tab's title.
pub fn set_title(title: &str) {
    gloo_utils::document().set_title(title);
}

/// Sets `<html lang dir>` so screen readers pronounce the page in the right language and
/// right-to-left scripts lay out from the right.
pub fn set_document_lang(locale: &str, dir: &str) {
    if let Some(html) = gloo_utils::document().document_element() {
        let _ = html.set_attribute("lang", locale);
        let _ = html.set_attribute("dir", dir);
    }
}

/// The element with `id` in the tree `near` is in: the document, or the shadow root an
/// embedded form lives in (where `document.getElementById` cannot see).
pub fn element_by_id(near: &web_sys::Node, id: &str) -> Option<web_sys::HtmlElement> {
    use wasm_bindgen::JsCast;
    let root = near.get_root_node();
    let found = match root.dyn_ref::<web_sys::DocumentFragment>() {
        Some(shadow) => shadow.get_element_by_id(id),
        None => root.dyn_ref::<web_sys::Document>()?.get_element_by_id(id),
    };
    found?.dyn_into().ok()
}

/// The element an embedded form's shadow root hangs from, if `near` is in a shadow root.
pub fn shadow_host(near: &web_sys::Node) -> Option<web_sys::Element> {
    use wasm_bindgen::JsCast;
    near.get_root_node().dyn_into::<web_sys::ShadowRoot>().ok().map(|root| root.host())
}

/// Sets `lang` and `dir` on an embedded form's element (the host page's `<html>` is not ours).
pub fn set_element_lang(element: &web_sys::Element, locale: &str, dir: &str) {
    let _ = element.set_attribute("lang", locale);
    let _ = element.set_attribute("dir", dir);
}

/// Scrolls the window back to the top, as a new page would be.
pub fn scroll_to_top() {
    gloo_utils::window().scroll_to_with_x_and_y(0.0, 0.0);
}

/// The element that has the keyboard focus, if any.
pub fn active_element() -> Option<web_sys::Element> {
    gloo_utils::document().active_element()
}

/// Scrolls `element`'s top into view when it is above the viewport (an embedded form that
/// moved to its next page while the citizen was scrolled down the host page).
pub fn reveal_top(element: &web_sys::Element) {
    if element.get_bounding_client_rect().top() < 0.0 {
        element.scroll_into_view();
    }
}

/// Focuses an input an error summary links to and shows its question (label, hint, error),
/// as following the link's `#id` would on a page of its own.
pub fn focus_question(input: &web_sys::HtmlElement) {
    let _ = input.focus();
    let question = input.closest(".ow-form-group").ok().flatten();
    if let Some(question) = question.as_ref().or(Some(input.as_ref())) {
        question.scroll_into_view();
    }
}

/// Scrolls to the top and moves focus to the main content, as a page load would.
pub fn arrived() {
    let window = gloo_utils::window();
    window.scroll_to_with_x_and_y(0.0, 0.0);
    if let Some(main) = gloo_utils::document().get_element_by_id("main-content") {
        use wasm_bindgen::JsCast;
        if let Ok(main) = main.dyn_into::<web_sys::HtmlElement>() {
            let _ = main.focus();
        }
    }
}

/// Offers `text` as a file download named `name` (the citizen keeps a copy of their package).
pub fn download(name: &str, text: &str) {
    download_as(name, text, "application/json");
}

/// Offers `text` as a file download named `name` of type `mime`.
pub fn download_as(name: &str, text: &str, mime: &str) {
    use wasm_bindgen::JsCast;
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else { return };
    let document = gloo_utils::document();
    if let Some(link) = document
        .create_element("a")
        .ok()
        .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    {
        link.set_href(&url);
        link.set_download(name);
        link.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// Opens the browser's print dialog (to keep a record of the confirmation).
pub fn print() {
    let _ = gloo_utils::window().print();
}
