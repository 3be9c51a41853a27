//! The page's URL: its query, its fragment and the history entries that walk them.

/// The value of query parameter `name` in the page's URL.
pub fn query_param(name: &str) -> Option<String> {
    let search = gloo_utils::window().location().search().ok()?;
    let params = web_sys::UrlSearchParams::new_with_str(&search).ok()?;
    params.get(name).filter(|v| !v.is_empty())
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

/// Loads `url` as a new document (a new history entry): a page another bundle shows.
pub fn load(url: &str) {
    let _ = gloo_utils::window().location().assign(url);
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

/// Calls `on_change` whenever the citizen moves through history (back/forward buttons).
/// The listener stops when the returned value is dropped.
pub fn on_history_change(on_change: impl Fn() + 'static) -> gloo_events::EventListener {
    gloo_events::EventListener::new(&gloo_utils::window(), "popstate", move |_| on_change())
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
