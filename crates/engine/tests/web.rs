//! The engine in a real browser: the same load, evaluation and validation as natively,
//! compiled to wasm32 and run by wasm-bindgen-test in headless Chromium.
#![cfg(target_arch = "wasm32")]

use onewindow_engine::formats::Date;
use onewindow_engine::{load_form, Answers, Position};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn shipped_forms_load_and_validate_in_the_browser() {
    let today = Date::new(2026, 11, 27).unwrap();
    for json in [
        include_str!("../../../forms/residence-permit.json"),
        include_str!("../../../forms/register-birth.json"),
    ] {
        let (model, problems) = load_form(json, today);
        assert!(problems.is_empty(), "{problems:?}");
        let model = model.unwrap();
        let answers = Answers::default();
        let evaluation = model.evaluate(&answers);
        let Position::Page(first) = model.start(&evaluation) else { panic!("no first page") };
        let errors = model.continue_from(first, &answers, "en", false).unwrap_err();
        assert!(!errors.is_empty());
    }
}
