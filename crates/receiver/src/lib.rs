//! The reference backend: serves the built app and the shipped definitions, and receives
//! submission packages, revalidating each with the same engine and definition version as the
//! browser, storing each idempotency key exactly once.

use axum::extract::{DefaultBodyLimit, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use onewindow_engine::formats::Date;
use onewindow_engine::{load_form, Diagnostic, FormModel, Package, PackageProblem, ReferenceList};
use serde_json::json;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use tower_http::services::{ServeDir, ServeFile};

/// Where the receiver finds what it serves and keeps what it receives.
#[derive(Clone, Debug)]
pub struct Config {
    /// The built app (trunk's `dist/`).
    pub dist: PathBuf,
    /// Published definitions, served under `/forms/` straight from disk so edits show on reload.
    pub forms: PathBuf,
    /// The SQLite database of received submissions (`:memory:` for tests).
    pub database: PathBuf,
}

struct Receiver {
    forms: PathBuf,
    db: Mutex<rusqlite::Connection>,
}

/// Largest package accepted (answers and file descriptions; file contents travel apart).
const MAX_PACKAGE_BYTES: usize = 2 * 1024 * 1024;

/// The whole HTTP surface; fails only when the database cannot be opened.
pub fn app(config: &Config) -> Result<Router, String> {
    let db = rusqlite::Connection::open(&config.database).map_err(|e| format!("{}: {e}", config.database.display()))?;
    db.execute_batch(
        "CREATE TABLE IF NOT EXISTS submissions (
            idempotency_key TEXT PRIMARY KEY,
            reference TEXT NOT NULL UNIQUE,
            form_id TEXT NOT NULL,
            form_version TEXT NOT NULL,
            received_at TEXT NOT NULL,
            package TEXT NOT NULL
        );",
    )
    .map_err(|e| format!("{}: {e}", config.database.display()))?;
    let state = Arc::new(Receiver { forms: config.forms.clone(), db: Mutex::new(db) });
    // Unknown paths get the app shell: pages have their own URLs, which the app routes itself.
    let shell = ServeFile::new(config.dist.join("index.html"));
    Ok(Router::new()
        .route("/api/health", get(|| async { "ok" }))
        .route("/api/submissions", post(submit).layer(DefaultBodyLimit::max(MAX_PACKAGE_BYTES)))
        .with_state(state)
        .nest_service("/forms", ServeDir::new(&config.forms))
        .fallback_service(ServeDir::new(&config.dist).fallback(shell)))
}

fn problem(status: StatusCode, body: serde_json::Value) -> Response {
    (status, Json(body)).into_response()
}

async fn submit(State(receiver): State<Arc<Receiver>>, body: Result<Json<Package>, axum::extract::rejection::JsonRejection>) -> Response {
    let Json(package) = match body {
        Ok(package) => package,
        Err(rejection) => return problem(StatusCode::BAD_REQUEST, json!({"problem": "malformed", "message": rejection.body_text()})),
    };
    let model = match receiver.model(&package.form_id) {
        Ok(model) => model,
        Err(message) => return problem(StatusCode::UNPROCESSABLE_ENTITY, json!({"problem": "unknown_form", "message": message})),
    };
    if let Err(refused) = model.check_package(&package) {
        let status = match refused {
            PackageProblem::WrongForm { .. } => StatusCode::CONFLICT,
            _ => StatusCode::UNPROCESSABLE_ENTITY,
        };
        return problem(status, serde_json::to_value(&refused).unwrap_or_default());
    }
    match receiver.store(&package) {
        Ok((reference, first_time)) => {
            let status = if first_time { StatusCode::CREATED } else { StatusCode::OK };
            (status, Json(json!({"reference": reference, "duplicate": !first_time}))).into_response()
        }
        Err(message) => problem(StatusCode::SERVICE_UNAVAILABLE, json!({"problem": "storage", "message": message})),
    }
}

impl Receiver {
    /// The form as published now, with its reference lists. A package for another version is
    /// refused by `check_package` (the receiver validates only against what it publishes).
    fn model(&self, id: &str) -> Result<FormModel, String> {
        if id.is_empty() || !id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') {
            return Err(format!("\"{id}\" is not a form id"));
        }
        let path = self.forms.join(format!("{id}.json"));
        let json = std::fs::read_to_string(&path).map_err(|e| format!("form {id}: {e}"))?;
        let (model, problems) = load_form(&json, today());
        let model = match model {
            Some(model) if !problems.iter().any(Diagnostic::is_error) => model,
            _ => return Err(format!("form {id} has errors and cannot accept submissions")),
        };
        for name in model.lists_needed() {
            let list = std::fs::read_to_string(self.forms.join("data").join(format!("{name}.json"))).map_err(|e| format!("list {name}: {e}"))?;
            let list: ReferenceList = serde_json::from_str(&list).map_err(|e| format!("list {name}: {e}"))?;
            model.provide_list(&name, list.options);
        }
        Ok(model)
    }

    /// Stores the package under its idempotency key once; a repeat gets the first reference.
    fn store(&self, package: &Package) -> Result<(String, bool), String> {
        let db = self.db.lock().map_err(|_| "the database lock is poisoned".to_string())?;
        let existing: Option<String> = db
            .query_row("SELECT reference FROM submissions WHERE idempotency_key = ?1", [&package.idempotency_key], |row| row.get(0))
            .ok();
        if let Some(reference) = existing {
            return Ok((reference, false));
        }
        let count: i64 = db.query_row("SELECT COUNT(*) FROM submissions", [], |row| row.get(0)).map_err(|e| e.to_string())?;
        let day = today();
        let reference = format!("OW-{:04}{:02}{:02}-{:06}", day.year, day.month, day.day, count + 1);
        let body = serde_json::to_string(package).map_err(|e| e.to_string())?;
        db.execute(
            "INSERT INTO submissions (idempotency_key, reference, form_id, form_version, received_at, package) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            rusqlite::params![package.idempotency_key, reference, package.form_id, package.form_version, day.to_string(), body],
        )
        .map_err(|e| e.to_string())?;
        Ok((reference, true))
    }
}

/// Today's date (UTC) from the system clock.
fn today() -> Date {
    let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0);
    Date::from_days_since_epoch((secs / 86_400) as i64)
}
