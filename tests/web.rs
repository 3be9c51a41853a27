//! Components in a real browser (wasm-bindgen-test in headless Chromium): the journey
//! component renders a definition, and "Continue" without an answer shows the errors.
#![cfg(target_arch = "wasm32")]

use onewindow::components::form_journey::{FormJourney, Props};
use onewindow_engine::{formats::Date, load_form};
use std::rc::Rc;
use std::time::Duration;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const DEFINITION: &str = r#"{"schema_version": 1, "id": "t", "version": "1", "title": "Test", "locales": ["en"],
  "pages": [{"id": "name", "fields": [{"id": "full_name", "type": "text", "label": "Full name",
             "hint": "As on your passport", "required": true}]},
            {"id": "city", "fields": [{"id": "city", "type": "text", "label": "City"}]}]}"#;

fn mount() -> web_sys::Element {
    let document = gloo_utils::document();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    let model = load_form(DEFINITION, Date::new(2026, 11, 27).unwrap()).0.unwrap();
    let props = yew::props!(Props { model: Rc::new(model), locale: "en", connected: false });
    yew::Renderer::<FormJourney>::with_root_and_props(root.clone(), props).render();
    root
}

async fn settle() {
    yew::platform::time::sleep(Duration::from_millis(30)).await;
}

#[wasm_bindgen_test]
async fn continue_without_an_answer_shows_the_summary_and_the_inline_error() {
    let root = mount();
    settle().await;
    let start: web_sys::HtmlElement =
        root.query_selector(".ow-button--start").unwrap().expect("start page").unchecked_into();
    start.click();
    settle().await;
    assert_eq!(root.query_selector("h1").unwrap().unwrap().text_content().unwrap(), "Full name");
    assert!(root.query_selector(".ow-error-summary").unwrap().is_none());

    let button: web_sys::HtmlElement =
        root.query_selector("button[type=submit]").unwrap().unwrap().unchecked_into();
    button.click();
    settle().await;

    let summary = root.query_selector(".ow-error-summary").unwrap().expect("error summary shown");
    assert!(summary.text_content().unwrap().contains("There is a problem"));
    let inline =
        root.query_selector("#field-full_name-error").unwrap().expect("inline error shown");
    assert!(inline.text_content().unwrap().ends_with("Enter full name"));
    let input = root.query_selector("#field-full_name").unwrap().unwrap();
    assert_eq!(
        input.get_attribute("aria-describedby").unwrap(),
        "field-full_name-hint field-full_name-error"
    );
}
