//! Requests to the network: GET as text, bytes or JSON, and POST of JSON.

use gloo_net::http::Request;

/// Fetches `url` as text; the error names the URL and what went wrong.
pub async fn fetch_text(url: &str) -> Result<String, String> {
    let response = Request::get(url).send().await.map_err(|e| format!("{url}: {e}"))?;
    if !response.ok() {
        return Err(format!("{url}: HTTP {} {}", response.status(), response.status_text()));
    }
    super::offline::note_copy(url, &response.headers());
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

/// Fetches `url` and parses it as JSON of type `T`.
pub async fn fetch_json<T: serde::de::DeserializeOwned>(url: &str) -> Result<T, String> {
    let text = fetch_text(url).await?;
    serde_json::from_str(&text).map_err(|e| format!("{url}: {e}"))
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
