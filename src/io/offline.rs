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
