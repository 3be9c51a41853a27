//! Serving the built app (`dist/`) and the published definitions (`/forms/`) as a production
//! site does (docs/serving.md): compressed, cached by the engine's rules (`serving`), and the
//! pages with their Content-Security-Policy.

use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::middleware::{self, Next};
use axum::response::Response;
use axum::Router;
use onewindow_engine::serving::{cache_control, CONTENT_SECURITY_POLICY, PAGE_HEADERS};
use std::path::Path;
use std::sync::Arc;
use tower_http::compression::Compression;
use tower_http::services::{ServeDir, ServeFile};

/// The routes of the files: `/forms/…` from `forms`, everything else from `dist`, and the app's
/// shell (`index.html`) for any other path (pages have their own URLs, which the app routes
/// itself). `connect` are the other origins the app's pages may send to (`connect-src`).
pub(crate) fn routes<S: Clone + Send + Sync + 'static>(
    dist: &Path,
    forms: &Path,
    connect: &[HeaderValue],
) -> Result<Router<S>, String> {
    // The built app changes only with a new build, so scripts/compress.mjs writes `X.br` and
    // `X.gz` beside each file once, at the best (slowest) settings, and they are served as they
    // are. ServeDir picks the variant the request accepts and serves the file itself otherwise.
    let shell = ServeFile::new(dist.join("index.html")).precompressed_br().precompressed_gzip();
    let app = ServeDir::new(dist).precompressed_br().precompressed_gzip().fallback(shell);
    // Definitions, their lists and the catalog's index are not: departments edit the forms
    // directory while the receiver runs, and a `.br` beside a definition would go on being
    // served after the definition changed. They are compressed as they are served (small JSON
    // files; brotli at tower-http's default quality, 4, as nginx does on the fly).
    let definitions = ServeDir::new(forms);
    let mut policy = CONTENT_SECURITY_POLICY.to_string();
    if !connect.is_empty() {
        policy.push_str("; connect-src 'self'");
        for origin in connect {
            policy.push(' ');
            policy.push_str(origin.to_str().map_err(|e| e.to_string())?);
        }
    }
    let policy = HeaderValue::from_str(&policy).map_err(|e| e.to_string())?;
    Ok(Router::new()
        .nest_service("/forms", Compression::new(definitions))
        .fallback_service(app)
        .layer(middleware::from_fn_with_state(Arc::new(policy), headers)))
}

/// Cache-Control, Vary and, on pages, the policy headers of a file's response (errors keep
/// theirs: a missing file is a plain 404 nobody keeps).
async fn headers(State(policy): State<Arc<HeaderValue>>, request: Request, next: Next) -> Response {
    let path = request.uri().path().to_string();
    let mut response = next.run(request).await;
    let status = response.status();
    if !status.is_success() && status != StatusCode::NOT_MODIFIED {
        return response;
    }
    let page = is_html(response.headers());
    let headers = response.headers_mut();
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache_control(&path, page)));
    // Any file may come compressed or not, as the request accepts: caches between must keep
    // the variants apart.
    let varies = headers.get_all(header::VARY).iter().any(|v| {
        v.to_str().is_ok_and(|v| {
            v.split(',').any(|name| name.trim().eq_ignore_ascii_case("accept-encoding"))
        })
    });
    if !varies {
        headers.append(header::VARY, HeaderValue::from_static("accept-encoding"));
    }
    if page {
        for (name, value) in PAGE_HEADERS {
            headers.insert(name, HeaderValue::from_static(value));
        }
        // The engine's policy, with the origins the pages may send to.
        headers.insert(header::CONTENT_SECURITY_POLICY, (*policy).clone());
    }
    response
}

fn is_html(headers: &HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.trim_start().to_ascii_lowercase().starts_with("text/html"))
}
