//! Everything the app does outside its own state: fetching, the URL, the document title.

use gloo_net::http::Request;

/// Fetches `url` as text; the error names the URL and what went wrong.
pub async fn fetch_text(url: &str) -> Result<String, String> {
    let response = Request::get(url).send().await.map_err(|e| format!("{url}: {e}"))?;
    if !response.ok() {
        return Err(format!("{url}: HTTP {} {}", response.status(), response.status_text()));
    }
    response.text().await.map_err(|e| format!("{url}: {e}"))
}

/// The value of query parameter `name` in the page's URL.
pub fn query_param(name: &str) -> Option<String> {
    let search = gloo_utils::window().location().search().ok()?;
    let params = web_sys::UrlSearchParams::new_with_str(&search).ok()?;
    params.get(name).filter(|v| !v.is_empty())
}

/// Sets the browser tab's title.
pub fn set_title(title: &str) {
    gloo_utils::document().set_title(title);
}

/// Sets `<html lang>` so screen readers pronounce the page in the right language.
pub fn set_document_lang(locale: &str) {
    if let Some(html) = gloo_utils::document().document_element() {
        let _ = html.set_attribute("lang", locale);
    }
}

/// Fetches `url` and parses it as JSON of type `T`.
pub async fn fetch_json<T: serde::de::DeserializeOwned>(url: &str) -> Result<T, String> {
    let text = fetch_text(url).await?;
    serde_json::from_str(&text).map_err(|e| format!("{url}: {e}"))
}

/// Today's date on the citizen's device, for date rules ("must be in the past").
pub fn today() -> onewindow_engine::formats::Date {
    let now = js_sys::Date::new_0();
    onewindow_engine::formats::Date::new(now.get_full_year() as i32, now.get_month() as u8 + 1, now.get_date() as u8)
        .unwrap_or(onewindow_engine::formats::Date { year: 2026, month: 1, day: 1 })
}
