//! The browser benchmark's instrumentation: how long the engine's calls take, when the page
//! was opened with `timing` in its query.

#[cfg(target_arch = "wasm32")]
thread_local! {
    // Read once, before the journey rewrites the query string.
    static TIMING: bool = super::url::query_param("timing").is_some();
}

/// Notes whether the page was opened with `timing` (call before the URL changes).
pub fn init_timing() {
    #[cfg(target_arch = "wasm32")]
    TIMING.with(|_| ());
}

/// Runs `work` (an engine call) and, when the page was opened with `timing` in its query (the
/// browser benchmark does), appends its duration in ms to `window.__owEngine`, so the engine's
/// share of a keystroke's time can be told from the rendering's.
pub fn timed<T>(work: impl FnOnce() -> T) -> T {
    #[cfg(target_arch = "wasm32")]
    {
        if TIMING.with(|on| *on) {
            let clock = gloo_utils::window().performance();
            let start = clock.as_ref().map(web_sys::Performance::now);
            let out = work();
            if let (Some(clock), Some(start)) = (clock, start) {
                let window = wasm_bindgen::JsValue::from(gloo_utils::window());
                let key = wasm_bindgen::JsValue::from_str("__owEngine");
                let list = js_sys::Reflect::get(&window, &key)
                    .ok()
                    .filter(|v| v.is_object())
                    .unwrap_or_else(|| {
                        let fresh = js_sys::Array::new().into();
                        let _ = js_sys::Reflect::set(&window, &key, &fresh);
                        fresh
                    });
                // Not `Array::from`: that is JS `Array.from`, a copy.
                use wasm_bindgen::JsCast;
                list.unchecked_into::<js_sys::Array>().push(&(clock.now() - start).into());
            }
            return out;
        }
    }
    work()
}
