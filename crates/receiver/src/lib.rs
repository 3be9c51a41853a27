//! The reference backend: serves the built app and the shipped definitions, and receives
//! submission packages (JSON, or multipart with the attached files), revalidating each with the
//! same engine and definition version as the browser, storing each idempotency key exactly once.
//! Staff list and export what was received with a bearer token. See `docs/receiver.md`.
//!
//! This is the only crate that knows HTTP, SQLite and PostgreSQL; every rule stays in the
//! engine.

// Lower modules never name upper ones: `http`, `csv`, `auth`, `store`, `objects` (the received
// files' contents), `schemas` (the API's bodies, for the OpenAPI document) and `files`
// (serving the app and the definitions) name none of ours; `limits` (rate limits, answering
// through `http`), `forms` (the published forms, compiled once) and `reports` (worked out
// from the store) are above them; `state` (what handlers share) above those; `report_export`
// above `state`; the handlers (`submit`, `analytics`, `staff`, `dashboard`) above all;
// `openapi` (the document, from the handlers' annotations) above them; this root builds the
// app.
mod analytics;
mod auth;
mod csv;
mod dashboard;
mod files;
mod forms;
mod http;
mod limits;
mod objects;
mod openapi;
mod report_export;
mod reports;
mod schemas;
mod staff;
mod state;
mod store;
mod submit;

pub use limits::{Allowance, RateLimits};
pub use submit::MAX_PACKAGE_BYTES;

use axum::extract::DefaultBodyLimit;
use axum::http::{header, HeaderName, HeaderValue, Method, StatusCode};
use axum::response::Response;
use axum::routing::{any, get, post};
use axum::{Json, Router};
use forms::Published;
use http::problem;
use serde_json::json;
use state::Receiver;
use std::future::Future;
use std::path::PathBuf;
use std::sync::Arc;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::cors::{AllowOrigin, CorsLayer};

/// Default limit of a whole `POST /api/submissions` body (the package and its files).
pub const DEFAULT_MAX_BODY_BYTES: usize = 25 * 1024 * 1024;

/// Shortest staff token accepted.
pub const MIN_STAFF_TOKEN_CHARS: usize = 16;

/// Where the receiver finds what it serves, keeps what it receives, and whom it lets in.
#[derive(Clone, Debug)]
pub struct Config {
    /// The built app (trunk's `dist/`).
    pub dist: PathBuf,
    /// Published definitions, served under `/forms/` straight from disk so edits show on reload.
    pub forms: PathBuf,
    /// Where received submissions are kept: a SQLite file (`:memory:` for tests), or a
    /// PostgreSQL database (`postgres://user@host/db`) that several instances share.
    pub database: String,
    /// Where received files' contents are kept: a directory, `s3://bucket[/prefix]` (with the
    /// `AWS_*` variables), or `:memory:`. `None`: memory for an in-memory database, the
    /// directory `<database>.files` next to a SQLite file; PostgreSQL needs one named.
    pub files: Option<String>,
    /// Limit of a whole submission request in bytes; larger ones get 413.
    pub max_body_bytes: usize,
    /// Origins (`https://example.gov.cn`) whose pages may post submissions cross-origin.
    pub allow_origins: Vec<String>,
    /// Other origins the app's pages may send to (the backends that forms' `submission.url`
    /// names): added to the pages' Content-Security-Policy as `connect-src`.
    pub connect_origins: Vec<String>,
    /// The bearer token of the staff endpoints; `None` disables them (404).
    pub staff_token: Option<String>,
    /// Per-client rate limits on submissions, ratings, events and the staff sign-in; `None`
    /// turns them off.
    pub rate_limits: Option<RateLimits>,
    /// A reverse proxy in front appends the client's address to `X-Forwarded-For` (and may be
    /// told the receiver runs over https): the rate limits key on that address.
    pub behind_proxy: bool,
}

impl Config {
    /// The defaults: no cross-origin access, staff endpoints disabled, 25 MiB bodies.
    pub fn new(
        dist: impl Into<PathBuf>,
        forms: impl Into<PathBuf>,
        database: impl Into<String>,
    ) -> Self {
        Config {
            dist: dist.into(),
            forms: forms.into(),
            database: database.into(),
            files: None,
            max_body_bytes: DEFAULT_MAX_BODY_BYTES,
            allow_origins: Vec::new(),
            connect_origins: Vec::new(),
            staff_token: None,
            rate_limits: Some(RateLimits::default()),
            behind_proxy: false,
        }
    }
}

/// The whole HTTP surface; fails when the database cannot be opened or the configuration is
/// unusable (an origin that is not `scheme://host[:port]`, a staff token that is too short).
/// Files are served as docs/serving.md says: compressed, cached by the engine's rules, pages
/// with their Content-Security-Policy.
pub async fn app(config: &Config) -> Result<Router, String> {
    if let Some(token) = &config.staff_token {
        if token.chars().count() < MIN_STAFF_TOKEN_CHARS
            || token.chars().any(|c| c.is_whitespace() || c.is_control())
        {
            return Err(format!("the staff token must be at least {MIN_STAFF_TOKEN_CHARS} characters, without spaces"));
        }
    }
    let origins = config.allow_origins.iter().map(|o| origin(o)).collect::<Result<Vec<_>, _>>()?;
    let allowed = origins.clone();
    let connect =
        config.connect_origins.iter().map(|o| origin(o)).collect::<Result<Vec<_>, _>>()?;
    let files = files::routes(&config.dist, &config.forms, &connect)?;
    let file_store = match (&config.files, config.database.as_str()) {
        (Some(files), _) => files.clone(),
        (None, ":memory:") => ":memory:".to_string(),
        (None, database) if store::is_postgres_url(database) => {
            return Err("with PostgreSQL, name the file store all instances share: --files DIR or --files s3://bucket".into())
        }
        (None, database) => format!("{database}.files"),
    };
    let objects = objects::Objects::open(&file_store)?;
    let store = store::Store::open(&config.database).await?;
    let state = Arc::new(Receiver {
        forms: Published::new(&config.forms),
        store,
        objects,
        max_body_bytes: config.max_body_bytes,
        staff_token: config.staff_token.clone(),
        behind_proxy: config.behind_proxy,
    });

    // The multipart extractor reads at most this much of the body (DefaultBodyLimit is what it
    // honours); JSON bodies are read by `submit` itself with the package limit.
    let mut submissions = post(submit::submit)
        .fallback(method_not_allowed)
        .layer(DefaultBodyLimit::max(config.max_body_bytes));
    // Ratings and events come from the same pages as submissions (the embed on a department's
    // site sends them too): the same origins may send them.
    let mut ratings = post(analytics::rate).fallback(method_not_allowed);
    let mut events = post(analytics::events).fallback(method_not_allowed);
    let client = limits::Client { behind_proxy: config.behind_proxy };
    if let Some(limit) = config.rate_limits {
        submissions = submissions.layer(limits::layer(limit.submissions, client));
        ratings = ratings.layer(limits::layer(limit.ratings, client));
        events = events.layer(limits::layer(limit.events, client));
    }
    let sign_in = config.rate_limits.map(|limit| limits::layer(limit.staff_sign_in, client));
    let dashboard = dashboard::routes(move |login| match sign_in {
        Some(layer) => login.layer(layer),
        None => login,
    });
    if !origins.is_empty() {
        let cors = CorsLayer::new()
            .allow_origin(AllowOrigin::list(origins))
            .allow_methods([Method::POST, Method::OPTIONS])
            .allow_headers([header::CONTENT_TYPE, HeaderName::from_static("idempotency-key")])
            .max_age(std::time::Duration::from_secs(600));
        submissions = submissions.layer(cors.clone());
        ratings = ratings.layer(cors.clone());
        events = events.layer(cors);
    }
    Ok(Router::new()
        .route("/api/health", get(health))
        .route("/api/openapi.json", get(openapi::openapi_json))
        .route("/api/submissions", submissions)
        .route("/api/ratings", ratings)
        .route("/api/events", events)
        .merge(staff::routes(state.clone()))
        .merge(dashboard)
        .route("/api/{*rest}", any(api_not_found))
        .with_state(state)
        .merge(files)
        .layer(CatchPanicLayer::custom(|_| {
            problem(
                StatusCode::INTERNAL_SERVER_ERROR,
                "internal",
                "the receiver failed; the request was not stored",
            )
        }))
        .layer(axum::middleware::from_fn_with_state(Arc::new(allowed), check_origin))
        .layer(axum::middleware::map_response(nosniff)))
}

/// Whether the receiver is up (for load balancers): it answers without touching storage.
#[utoipa::path(
    get,
    path = "/api/health",
    tag = "operators",
    responses((status = 200, description = "Up", body = schemas::Health))
)]
pub(crate) async fn health() -> Json<serde_json::Value> {
    Json(json!({"status": "ok"}))
}

/// The endpoints that the configured origins (`--allow-origin`) may post to from their pages.
const CROSS_ORIGIN_PATHS: &[&str] = &["/api/submissions", "/api/ratings", "/api/events"];

/// Refuses a browser's write from another site (403 `origin_not_allowed`) unless it is to
/// one of [`CROSS_ORIGIN_PATHS`] from a configured origin. CORS alone does not stop a "simple"
/// cross-origin post (`text/plain`, `multipart/form-data`, a plain HTML form): the browser
/// sends it and only hides the answer, so the write would happen. Browsers send `Origin` with
/// every such request; requests without one (curl, a department's server) are not a browser's
/// and pass. Same-origin means the `Origin`'s host is the request's own (`X-Forwarded-Host`
/// behind a proxy, else `Host`): a page cannot set `X-Forwarded-Host` on a cross-origin request
/// without a preflight, which no CORS rule here answers.
async fn check_origin(
    axum::extract::State(allowed): axum::extract::State<Arc<Vec<HeaderValue>>>,
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    let method = request.method();
    let safe = method == Method::GET || method == Method::HEAD || method == Method::OPTIONS;
    let Some(sent) = request.headers().get(header::ORIGIN).filter(|_| !safe) else {
        return next.run(request).await;
    };
    let sent = sent.to_str().unwrap_or("").trim_end_matches('/').to_ascii_lowercase();
    let own = request
        .headers()
        .get("x-forwarded-host")
        .or_else(|| request.headers().get(header::HOST))
        .and_then(|host| host.to_str().ok())
        .map(|host| host.trim().to_ascii_lowercase());
    let same_site = own.is_some_and(|own| {
        ["http://", "https://"].iter().any(|scheme| sent.strip_prefix(scheme) == Some(own.as_str()))
    });
    let listed = CROSS_ORIGIN_PATHS.contains(&request.uri().path())
        && allowed.iter().any(|origin| origin.as_bytes() == sent.as_bytes());
    if same_site || listed {
        return next.run(request).await;
    }
    problem(
        StatusCode::FORBIDDEN,
        "origin_not_allowed",
        "a page of another site may not send this here; the receiver's operator can allow an origin to send submissions, ratings and events with --allow-origin",
    )
}

/// How long a client may take to send a request's headers, and to send the next part of its
/// body: a connection that stalls longer is closed (headers) or answered 408 (body). A phone on
/// a slow network sends a 25 MiB body in parts far more often than this.
pub const READ_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(15);

/// Serves `router` on `listener` until `shutdown` completes, then finishes the requests in
/// flight and returns.
///
/// Its own connection loop rather than `axum::serve`, which has no read timeouts: a client
/// that sends half its headers, or a body slower than one part per [`READ_TIMEOUT`], would
/// otherwise hold its connection and task for ever.
pub async fn serve(
    listener: tokio::net::TcpListener,
    router: Router,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> Result<(), String> {
    serve_with_timeout(listener, router, shutdown, READ_TIMEOUT).await
}

/// [`serve`] with another read timeout (tests use a short one).
pub async fn serve_with_timeout(
    listener: tokio::net::TcpListener,
    router: Router,
    shutdown: impl Future<Output = ()> + Send + 'static,
    read_timeout: std::time::Duration,
) -> Result<(), String> {
    use hyper_util::rt::{TokioIo, TokioTimer};
    let router = router.layer(tower_http::timeout::RequestBodyTimeoutLayer::new(read_timeout));
    let graceful = hyper_util::server::graceful::GracefulShutdown::new();
    let mut builder = hyper::server::conn::http1::Builder::new();
    builder.timer(TokioTimer::new()).header_read_timeout(read_timeout);
    tokio::pin!(shutdown);
    loop {
        let stream = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                // Out of file descriptors and the like: wait a moment rather than spin.
                Err(_) => {
                    tokio::time::sleep(std::time::Duration::from_millis(50)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let (stream, peer) = stream;
        // The peer's address, for the rate limits (as axum's `into_make_service_with_connect_info`).
        let router = router.clone();
        let service = hyper::service::service_fn(
            move |mut request: hyper::Request<hyper::body::Incoming>| {
                request.extensions_mut().insert(axum::extract::ConnectInfo(peer));
                tower::ServiceExt::oneshot(router.clone(), request)
            },
        );
        let connection = builder.serve_connection(TokioIo::new(stream), service);
        let connection = graceful.watch(connection);
        tokio::spawn(async move {
            // A client that goes away or times out ends its own connection only.
            let _ = connection.await;
        });
    }
    drop(listener);
    graceful.shutdown().await;
    Ok(())
}

/// Listens for Ctrl-C (SIGINT) and SIGTERM from now on (call it inside the runtime, before
/// announcing the address); the future completes on the first, naming it.
#[cfg(unix)]
pub fn shutdown_signal() -> std::io::Result<impl Future<Output = &'static str>> {
    use tokio::signal::unix::{signal, SignalKind};
    let mut interrupt = signal(SignalKind::interrupt())?;
    let mut terminate = signal(SignalKind::terminate())?;
    Ok(async move {
        tokio::select! {
            _ = interrupt.recv() => "Ctrl-C",
            _ = terminate.recv() => "SIGTERM",
        }
    })
}

/// Listens for Ctrl-C; the future completes on it.
#[cfg(not(unix))]
pub fn shutdown_signal() -> std::io::Result<impl Future<Output = &'static str>> {
    Ok(async {
        match tokio::signal::ctrl_c().await {
            Ok(()) => "Ctrl-C",
            Err(_) => std::future::pending().await,
        }
    })
}

/// An origin as browsers send it: `scheme://host[:port]`, no path (a trailing `/` is dropped).
fn origin(text: &str) -> Result<HeaderValue, String> {
    let trimmed = text.trim().trim_end_matches('/').to_ascii_lowercase();
    let valid = ["http://", "https://"].iter().any(|scheme| {
        trimmed.strip_prefix(scheme).is_some_and(|host| {
            !host.is_empty()
                && host
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']'))
        })
    });
    if !valid {
        return Err(format!(
            "{text:?} is not an origin (write it as https://host or https://host:port)"
        ));
    }
    HeaderValue::from_str(&trimmed).map_err(|_| format!("{text:?} is not an origin"))
}

async fn api_not_found() -> Response {
    problem(StatusCode::NOT_FOUND, "not_found", "no such endpoint")
}

async fn method_not_allowed() -> Response {
    let mut response = problem(StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed", "use POST");
    response.headers_mut().insert(header::ALLOW, HeaderValue::from_static("POST"));
    response
}

async fn nosniff(mut response: Response) -> Response {
    response
        .headers_mut()
        .insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    response
}
