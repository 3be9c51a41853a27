//! The engine in a real browser: the same load and validation as natively, compiled to wasm32
//! and run by wasm-bindgen-test in headless Chromium.
#![cfg(target_arch = "wasm32")]

use onewindow_engine::{load_form, Answers, Journey};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn shipped_form_loads_and_validates_in_the_browser() {
    let (form, problems) = load_form(include_str!("../../../forms/residence-permit.json"));
    assert!(problems.is_empty(), "{problems:?}");
    let form = form.unwrap();
    let mut journey = Journey::new(&form);
    let errors = journey.continue_from(&form, &Answers::default(), "zh-CN");
    assert_eq!(errors[0].message, "请填写姓名");
    assert_eq!(journey.page, 0);
}
