//! The service worker that keeps the app and the definitions it opened for offline use.

#[wasm_bindgen::prelude::wasm_bindgen(inline_js = r#"
export async function register_offline() {
  if (!('serviceWorker' in navigator) || !window.caches) return;
  await navigator.serviceWorker.register('sw.js');
  // What this page already loaded (the app, its styles, the definition and its lists) was
  // fetched before the worker was there: the worker keeps it now, in its build's cache (only
  // the worker knows that cache's name).
  const same = (u) => u.startsWith(location.origin) && !u.includes('/api/');
  const loaded = performance.getEntriesByType('resource').map((e) => e.name).filter(same);
  const { active } = await navigator.serviceWorker.ready;
  active?.postMessage({ keep: loaded });
}
"#)]
extern "C" {
    #[wasm_bindgen(catch)]
    async fn register_offline() -> Result<wasm_bindgen::JsValue, wasm_bindgen::JsValue>;
}

/// Lets the app and the definitions this page opened work offline (a service worker; see
/// `static/sw.js`). Best effort: without it the app still works online.
pub fn keep_for_offline() {
    wasm_bindgen_futures::spawn_local(async {
        let _ = register_offline().await;
    });
}

std::thread_local! {
    /// The addresses this page fetched whose answer was the service worker's kept copy.
    static COPIES: std::cell::RefCell<Vec<String>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Notes that `url` was answered from the device's copy (the service worker's mark, sent
/// when the network could not be reached).
pub(crate) fn note_copy(url: &str, headers: &gloo_net::http::Headers) {
    if headers.get("x-onewindow-offline-copy").is_some() {
        COPIES.with(|copies| copies.borrow_mut().push(url.to_string()));
    }
}

/// Whether `url` was answered from the device's copy, so may be out of date.
pub fn is_offline_copy(url: &str) -> bool {
    COPIES.with(|copies| copies.borrow().iter().any(|u| u == url))
}
