//! The reference backend: serves the built app and the shipped definitions, and (with the
//! submission issue) receives packages and revalidates them with the same engine as the browser.

use axum::routing::get;
use axum::Router;
use std::path::PathBuf;
use tower_http::services::{ServeDir, ServeFile};

/// Where the receiver finds what it serves.
#[derive(Clone, Debug)]
pub struct Config {
    /// The built app (trunk's `dist/`).
    pub dist: PathBuf,
    /// Published definitions, served under `/forms/` straight from disk so edits show on reload.
    pub forms: PathBuf,
}

/// The whole HTTP surface.
pub fn app(config: &Config) -> Router {
    // Unknown paths get the app shell: pages have their own URLs, which the app routes itself.
    let shell = ServeFile::new(config.dist.join("index.html"));
    Router::new()
        .route("/api/health", get(|| async { "ok" }))
        .nest_service("/forms", ServeDir::new(&config.forms))
        .fallback_service(ServeDir::new(&config.dist).fallback(shell))
}
