//! Everything the app does outside its own state: fetching, the URL, the document title,
//! storage (local storage here, IndexedDB in `store`), sending (`courier`) and timers.

pub mod analytics;
pub mod courier;
pub mod ratings;
pub mod store;

pub use store::{forget_files, keep_file};

use gloo_net::http::Request;

/// Fetches `url` as text; the error names the URL and what went wrong.
pub async fn fetch_text(url: &str) -> Result<String, String> {
    let response = Request::get(url).send().await.map_err(|e| format!("{url}: {e}"))?;
    if !response.ok() {
        return Err(format!("{url}: HTTP {} {}", response.status(), response.status_text()));
    }
    response.text().await.map_err(|e| format!("{url}: {e}"))
}

/// Fetches `url` as bytes (the search index).
pub async fn fetch_bytes(url: &str) -> Result<Vec<u8>, String> {
    let response = Request::get(url).send().await.map_err(|e| format!("{url}: {e}"))?;
    if !response.ok() {
        return Err(format!("{url}: HTTP {} {}", response.status(), response.status_text()));
    }
    response.binary().await.map_err(|e| format!("{url}: {e}"))
}

/// Counts a search that found nothing, on this device only (`onewindow:zero-results`): what
/// people looked for and did not find, for departments to fix their catalog once a site
/// turns reporting on. Nothing is sent from here.
pub fn count_zero_result(query: &str) {
    use gloo_storage::Storage;
    const KEY: &str = "onewindow:zero-results";
    let query: String = query.trim().chars().take(100).collect();
    if query.is_empty() {
        return;
    }
    let mut counts: std::collections::BTreeMap<String, u32> =
        gloo_storage::LocalStorage::get(KEY).unwrap_or_default();
    *counts.entry(query).or_default() += 1;
    // Bounded: a device keeps the 200 most searched.
    if counts.len() > 200 {
        let mut by_count: Vec<(String, u32)> = counts.into_iter().collect();
        by_count.sort_by(|a, b| b.1.cmp(&a.1));
        by_count.truncate(200);
        counts = by_count.into_iter().collect();
    }
    let _ = gloo_storage::LocalStorage::set(KEY, counts);
}

/// The value of query parameter `name` in the page's URL.
pub fn query_param(name: &str) -> Option<String> {
    let search = gloo_utils::window().location().search().ok()?;
    let params = web_sys::UrlSearchParams::new_with_str(&search).ok()?;
    params.get(name).filter(|v| !v.is_empty())
}

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

/// Where reference lists are fetched for a definition at `src` (resolved against the page):
/// the `data/` folder beside it.
pub fn lists_beside(src: &str) -> String {
    let base = gloo_utils::document().base_uri().ok().flatten().unwrap_or_default();
    web_sys::Url::new_with_base(src, &base)
        .and_then(|definition| web_sys::Url::new_with_base("data/", &definition.href()))
        .map(|lists| lists.href())
        .unwrap_or_else(|_| "data/".to_string())
}

/// Fetches `url` and parses it as JSON of type `T`.
pub async fn fetch_json<T: serde::de::DeserializeOwned>(url: &str) -> Result<T, String> {
    let text = fetch_text(url).await?;
    serde_json::from_str(&text).map_err(|e| format!("{url}: {e}"))
}

/// Today's date on the citizen's device, for date rules ("must be in the past").
pub fn today() -> onewindow_engine::formats::Date {
    let now = js_sys::Date::new_0();
    onewindow_engine::formats::Date::new(
        now.get_full_year() as i32,
        now.get_month() as u8 + 1,
        now.get_date() as u8,
    )
    .unwrap_or(onewindow_engine::formats::Date { year: 2026, month: 1, day: 1 })
}

/// Replaces the query string of the page's URL, adding a history entry unless `replace`.
/// The browser's back and forward buttons then walk the journey's pages.
pub fn set_query(query: &str, replace: bool) {
    let window = gloo_utils::window();
    let current = window.location().search().unwrap_or_default();
    if current.trim_start_matches('?') == query {
        return;
    }
    let url = format!("?{query}");
    if let Ok(history) = window.history() {
        let _ = if replace {
            history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
        } else {
            history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
        };
    }
}

/// The page's query string and fragment: what the app shows follows from them alone.
pub fn location_key() -> String {
    let location = gloo_utils::window().location();
    format!("{}{}", location.search().unwrap_or_default(), location.hash().unwrap_or_default())
}

/// The `key=value` pairs of the URL's fragment, decoded. An assistant's answers live there:
/// bookmarkable, and never sent to the server with the page request.
pub fn hash_pairs() -> Vec<(String, String)> {
    let hash = gloo_utils::window().location().hash().unwrap_or_default();
    let decode = |s: &str| {
        js_sys::decode_uri_component(&s.replace('+', " ")).ok().and_then(|v| v.as_string())
    };
    hash.trim_start_matches('#')
        .split('&')
        .filter_map(|pair| {
            let (key, value) = pair.split_once('=')?;
            Some((decode(key)?, decode(value)?))
        })
        .collect()
}

/// `pairs` as a query string or fragment (`a=1&b=2`), encoded.
pub fn encode_pairs(pairs: &[(String, String)]) -> String {
    let encode = |s: &str| String::from(js_sys::encode_uri_component(s));
    pairs.iter().map(|(k, v)| format!("{}={}", encode(k), encode(v))).collect::<Vec<_>>().join("&")
}

/// Goes to `url` (same page, a new query or fragment) as a new history entry, or in place of
/// the current one when `replace`.
pub fn go_to(url: &str, replace: bool) {
    if let Ok(history) = gloo_utils::window().history() {
        let _ = if replace {
            history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(url))
        } else {
            history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(url))
        };
    }
}

/// The current URL with query parameter `name` set to `value` (fragment kept): the language
/// links of every page.
pub fn url_with_param(name: &str, value: &str) -> String {
    let location = gloo_utils::window().location();
    let search = location.search().unwrap_or_default();
    let params = web_sys::UrlSearchParams::new_with_str(&search).ok();
    if let Some(params) = &params {
        params.set(name, value);
    }
    let query = params.map(|p| String::from(p.to_string())).unwrap_or_default();
    format!("?{query}{}", location.hash().unwrap_or_default())
}

/// Removes the fragment from the URL without a new history entry (answers handed to a form
/// are read once, then not left lying in the address bar).
pub fn clear_hash() {
    let location = gloo_utils::window().location();
    if location.hash().unwrap_or_default().is_empty() {
        return;
    }
    let url = format!(
        "{}{}",
        location.pathname().unwrap_or_default(),
        location.search().unwrap_or_default()
    );
    go_to(&url, true);
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

/// Calls `on_change` whenever the citizen moves through history (back/forward buttons).
/// The listener stops when the returned value is dropped.
pub fn on_history_change(on_change: impl Fn() + 'static) -> gloo_events::EventListener {
    gloo_events::EventListener::new(&gloo_utils::window(), "popstate", move |_| on_change())
}

/// POSTs `body` as JSON; returns the status and the JSON reply (null when not JSON). An error
/// means the request did not complete (offline, server unreachable).
pub async fn post_json(
    url: &str,
    body: &impl serde::Serialize,
) -> Result<(u16, serde_json::Value), String> {
    let request = Request::post(url).json(body).map_err(|e| e.to_string())?;
    let response = request.send().await.map_err(|e| format!("{url}: {e}"))?;
    let status = response.status();
    let reply = response.json::<serde_json::Value>().await.unwrap_or(serde_json::Value::Null);
    Ok((status, reply))
}

/// A new random UUID v4 from the browser's CSPRNG (the idempotency key of an application).
pub fn new_uuid() -> String {
    gloo_utils::window().crypto().map(|c| c.random_uuid()).unwrap_or_default()
}

/// The device's current time, RFC 3339 in UTC.
pub fn now_rfc3339() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
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

/// A saved draft: the answers and where the citizen was. Kept in the browser's local storage
/// only; nothing leaves the device until the citizen submits.
#[derive(serde::Serialize, serde::Deserialize, Clone, Debug, PartialEq)]
pub struct Draft {
    /// Answers as typed.
    pub answers: onewindow_engine::Answers,
    /// The page token (`page=` in the URL).
    pub page: String,
    /// The application's idempotency key once a send was tried, so a retry after a reload is
    /// recognised by the receiver as the same application.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
}

fn draft_key(form: &str, version: &str) -> String {
    format!("onewindow:draft:{form}:{version}")
}

/// The saved draft of `form` at `version`, if any (one still waiting to be written is
/// written first).
pub fn load_draft(form: &str, version: &str) -> Option<Draft> {
    use gloo_storage::Storage;
    let key = draft_key(form, version);
    if let Some(waiting) = take_pending(&key) {
        write_draft(&key, &waiting.draft);
    }
    gloo_storage::LocalStorage::get(key).ok()
}

/// Saves the draft now (silently does nothing where storage is unavailable, e.g. private mode
/// with storage disabled: the journey still works, it just cannot be resumed). A draft of the
/// same form waiting to be written ([`save_draft_soon`]) is superseded.
pub fn save_draft(form: &str, version: &str, draft: &Draft) {
    let key = draft_key(form, version);
    take_pending(&key);
    write_draft(&key, draft);
}

fn write_draft(key: &str, draft: &Draft) {
    use gloo_storage::Storage;
    let _ = gloo_storage::LocalStorage::set(key, draft);
}

/// A draft is written this long after the last change (typing paused)…
const DRAFT_QUIET_MS: f64 = 500.0;
/// …and at the latest this long after the first change not yet written (typing goes on).
const DRAFT_MAX_WAIT_MS: f64 = 2000.0;

/// A draft waiting to be written, with when its first and last unwritten changes came.
struct PendingDraft {
    draft: Draft,
    first: f64,
    last: f64,
}

thread_local! {
    /// Drafts waiting to be written, with their storage keys (one, unless a page embeds several forms).
    static PENDING: std::cell::RefCell<Vec<(String, PendingDraft)>> = const { std::cell::RefCell::new(Vec::new()) };
    /// The timer that writes them, while one is set.
    static DRAFT_TIMER: std::cell::Cell<Option<i32>> = const { std::cell::Cell::new(None) };
    static DRAFT_LISTENING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Saves the draft a little later, not in the frame of the keystroke that changed it: local
/// storage writes synchronously on the main thread (serialising the draft and `setItem` were
/// a fifth to a quarter of a keystroke's time in wasm on the 1,000-field benchmark form, 0.3 to
/// 0.6 ms under the profiler). It is written once changes pause for [`DRAFT_QUIET_MS`] and at
/// least every [`DRAFT_MAX_WAIT_MS`] while they go on, and at once when the page is hidden or
/// left (`visibilitychange`, `pagehide`: closing the tab, reloading, following a link,
/// switching apps on a phone), when the same form's draft is read or cleared, or saved with
/// [`save_draft`]. What could be lost is what was typed in the last two seconds before the
/// browser itself crashed.
pub fn save_draft_soon(form: &str, version: &str, draft: Draft) {
    let now = js_sys::Date::now();
    let key = draft_key(form, version);
    PENDING.with(|p| {
        let mut pending = p.borrow_mut();
        match pending.iter_mut().find(|(k, _)| *k == key) {
            Some((_, waiting)) => {
                waiting.draft = draft;
                waiting.last = now;
            }
            None => pending.push((key, PendingDraft { draft, first: now, last: now })),
        }
    });
    flush_drafts_on_leaving();
    if DRAFT_TIMER.with(|t| t.get()).is_none() {
        set_draft_timer(DRAFT_QUIET_MS);
    }
}

/// Writes every draft waiting to be written.
pub fn flush_drafts() {
    if let Some(timer) = DRAFT_TIMER.with(|t| t.take()) {
        gloo_utils::window().clear_timeout_with_handle(timer);
    }
    let waiting = PENDING.with(|p| std::mem::take(&mut *p.borrow_mut()));
    for (key, waiting) in waiting {
        write_draft(&key, &waiting.draft);
    }
}

/// Takes the draft waiting to be written under `key`, if any.
fn take_pending(key: &str) -> Option<PendingDraft> {
    PENDING.with(|p| {
        let mut pending = p.borrow_mut();
        let at = pending.iter().position(|(k, _)| k == key)?;
        Some(pending.swap_remove(at).1)
    })
}

fn set_draft_timer(wait_ms: f64) {
    thread_local! {
        // One function for every timer: making a closure for JS each time cost more than the rest.
        static WRITE_DUE: wasm_bindgen::JsValue = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(write_due_drafts).into_js_value();
    }
    use wasm_bindgen::JsCast;
    let handle = WRITE_DUE.with(|f| {
        gloo_utils::window().set_timeout_with_callback_and_timeout_and_arguments_0(
            f.unchecked_ref(),
            wait_ms.ceil() as i32,
        )
    });
    DRAFT_TIMER.with(|t| t.set(handle.ok()));
}

/// The timer's work: writes the drafts that are due and sets the timer again for the others.
fn write_due_drafts() {
    DRAFT_TIMER.with(|t| t.set(None));
    let now = js_sys::Date::now();
    let due_at = |w: &PendingDraft| (w.last + DRAFT_QUIET_MS).min(w.first + DRAFT_MAX_WAIT_MS);
    let mut next = f64::INFINITY;
    for (key, waiting) in PENDING.with(|p| std::mem::take(&mut *p.borrow_mut())) {
        if due_at(&waiting) <= now + 1.0 {
            write_draft(&key, &waiting.draft);
        } else {
            next = next.min(due_at(&waiting));
            PENDING.with(|p| p.borrow_mut().push((key, waiting)));
        }
    }
    if next.is_finite() {
        set_draft_timer((next - now).max(1.0));
    }
}

/// Writes the waiting drafts when the page is hidden or left (once per page).
fn flush_drafts_on_leaving() {
    if DRAFT_LISTENING.with(|l| l.replace(true)) {
        return;
    }
    let hide =
        gloo_events::EventListener::new(&gloo_utils::window(), "pagehide", |_| flush_drafts());
    let hidden =
        gloo_events::EventListener::new(&gloo_utils::document(), "visibilitychange", |_| {
            if gloo_utils::document().visibility_state() == web_sys::VisibilityState::Hidden {
                flush_drafts();
            }
        });
    // Live as long as the page.
    hide.forget();
    hidden.forget();
}

/// Removes everything stored for `form` on this device: the draft (one waiting to be written
/// too) and the files' contents.
pub fn clear_draft(form: &str, version: &str) {
    use gloo_storage::Storage;
    let key = draft_key(form, version);
    take_pending(&key);
    gloo_storage::LocalStorage::delete(key);
    forget_files(form);
}

const REMEMBERED_KEY: &str = "onewindow:remembered";

/// The details the citizen chose to remember on this device ("fill once"), shared by every form.
pub fn load_remembered() -> onewindow_engine::Remembered {
    use gloo_storage::Storage;
    gloo_storage::LocalStorage::get(REMEMBERED_KEY).unwrap_or_default()
}

/// Stores the remembered details; an empty set removes the entry altogether.
pub fn save_remembered(remembered: &onewindow_engine::Remembered) {
    use gloo_storage::Storage;
    if remembered.0.is_empty() {
        gloo_storage::LocalStorage::delete(REMEMBERED_KEY);
    } else {
        let _ = gloo_storage::LocalStorage::set(REMEMBERED_KEY, remembered);
    }
}

#[cfg(target_arch = "wasm32")]
thread_local! {
    // Read once, before the journey rewrites the query string.
    static TIMING: bool = query_param("timing").is_some();
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

#[wasm_bindgen::prelude::wasm_bindgen(inline_js = r#"
export async function register_offline() {
  if (!('serviceWorker' in navigator) || !window.caches) return;
  await navigator.serviceWorker.register('sw.js');
  // What this page already loaded (the app, its styles, the definition and its lists) was
  // fetched before the worker was there: put it in the cache now.
  const same = (u) => u.startsWith(location.origin) && !u.includes('/api/');
  const loaded = performance.getEntriesByType('resource').map((e) => e.name).filter(same);
  const cache = await caches.open('onewindow-v1');
  await cache.add(new URL('./', location.href).href);
  await Promise.all(loaded.map((u) => cache.add(u).catch(() => {})));
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
