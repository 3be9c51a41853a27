//! SQLite storage: one row per idempotency key, and the contents of attached files keyed by
//! (idempotency key, SHA-256).

use onewindow_engine::formats::Date;
use onewindow_engine::Package;
use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;
use std::path::Path;
use std::sync::{Mutex, MutexGuard};

pub(crate) struct Store {
    db: Mutex<Connection>,
}

/// A file received with a package, its SHA-256 already checked.
pub(crate) struct StoredFile<'a> {
    pub sha256: String,
    pub name: &'a str,
    pub media_type: &'a str,
    pub content: Vec<u8>,
}

/// One line of the staff listing.
#[derive(Serialize)]
pub(crate) struct Summary {
    pub reference: String,
    pub form_id: String,
    pub form_version: String,
    pub received_at: String,
    pub idempotency_key: String,
    /// Files the package lists.
    pub attachments: i64,
    /// Of those, files whose contents the receiver holds.
    pub files_stored: i64,
}

/// One submission as stored.
pub(crate) struct Row {
    pub reference: String,
    pub form_version: String,
    pub received_at: String,
    pub idempotency_key: String,
    pub package: String,
}

/// A stored file.
pub(crate) struct File {
    pub name: String,
    pub media_type: String,
    pub content: Vec<u8>,
}

impl Store {
    pub fn open(path: &Path) -> Result<Store, String> {
        let db = Connection::open(path).map_err(|e| format!("{}: {e}", path.display()))?;
        db.execute_batch(
            "CREATE TABLE IF NOT EXISTS submissions (
                idempotency_key TEXT PRIMARY KEY,
                reference TEXT NOT NULL UNIQUE,
                form_id TEXT NOT NULL,
                form_version TEXT NOT NULL,
                received_at TEXT NOT NULL,
                package TEXT NOT NULL
            );
            CREATE INDEX IF NOT EXISTS submissions_form ON submissions (form_id);
            CREATE TABLE IF NOT EXISTS attachments (
                idempotency_key TEXT NOT NULL REFERENCES submissions (idempotency_key),
                sha256 TEXT NOT NULL,
                name TEXT NOT NULL,
                media_type TEXT NOT NULL,
                size INTEGER NOT NULL,
                content BLOB NOT NULL,
                PRIMARY KEY (idempotency_key, sha256)
            );",
        )
        .map_err(|e| format!("{}: {e}", path.display()))?;
        Ok(Store { db: Mutex::new(db) })
    }

    fn lock(&self) -> Result<MutexGuard<'_, Connection>, String> {
        self.db.lock().map_err(|_| "the database lock is poisoned".to_string())
    }

    /// Stores the package and its files under its idempotency key once, in one transaction; a
    /// repeat gets the first reference and stores nothing.
    pub fn store(&self, package: &Package, files: &[StoredFile<'_>]) -> Result<(String, bool), String> {
        let mut db = self.lock()?;
        let tx = db.transaction().map_err(|e| e.to_string())?;
        let existing: Option<String> = tx
            .query_row("SELECT reference FROM submissions WHERE idempotency_key = ?1", [&package.idempotency_key], |row| row.get(0))
            .optional()
            .map_err(|e| e.to_string())?;
        if let Some(reference) = existing {
            return Ok((reference, false));
        }
        let next: i64 =
            tx.query_row("SELECT COALESCE(MAX(rowid), 0) + 1 FROM submissions", [], |row| row.get(0)).map_err(|e| e.to_string())?;
        let (day, received_at) = now();
        let reference = format!("OW-{:04}{:02}{:02}-{next:06}", day.year, day.month, day.day);
        let body = serde_json::to_string(package).map_err(|e| e.to_string())?;
        tx.execute(
            "INSERT INTO submissions (idempotency_key, reference, form_id, form_version, received_at, package) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![package.idempotency_key, reference, package.form_id, package.form_version, received_at, body],
        )
        .map_err(|e| e.to_string())?;
        for file in files {
            tx.execute(
                "INSERT OR IGNORE INTO attachments (idempotency_key, sha256, name, media_type, size, content) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![package.idempotency_key, file.sha256, file.name, file.media_type, file.content.len() as i64, file.content],
            )
            .map_err(|e| e.to_string())?;
        }
        tx.commit().map_err(|e| e.to_string())?;
        Ok((reference, true))
    }

    /// Submissions newest first, of one form or all; and how many there are in all.
    pub fn list(&self, form: Option<&str>, limit: i64, offset: i64) -> Result<(Vec<Summary>, i64), String> {
        let db = self.lock()?;
        let total: i64 = db
            .query_row("SELECT COUNT(*) FROM submissions WHERE ?1 IS NULL OR form_id = ?1", [form], |row| row.get(0))
            .map_err(|e| e.to_string())?;
        let mut statement = db
            .prepare(
                "SELECT s.reference, s.form_id, s.form_version, s.received_at, s.idempotency_key,
                    COALESCE(json_array_length(s.package, '$.attachments'), 0),
                    (SELECT COUNT(*) FROM attachments a WHERE a.idempotency_key = s.idempotency_key)
                 FROM submissions s WHERE ?1 IS NULL OR s.form_id = ?1
                 ORDER BY s.rowid DESC LIMIT ?2 OFFSET ?3",
            )
            .map_err(|e| e.to_string())?;
        let rows = statement
            .query_map(params![form, limit, offset], |row| {
                Ok(Summary {
                    reference: row.get(0)?,
                    form_id: row.get(1)?,
                    form_version: row.get(2)?,
                    received_at: row.get(3)?,
                    idempotency_key: row.get(4)?,
                    attachments: row.get(5)?,
                    files_stored: row.get(6)?,
                })
            })
            .and_then(Iterator::collect)
            .map_err(|e| e.to_string())?;
        Ok((rows, total))
    }

    /// The stored package JSON of a reference.
    pub fn package(&self, reference: &str) -> Result<Option<String>, String> {
        let db = self.lock()?;
        db.query_row("SELECT package FROM submissions WHERE reference = ?1", [reference], |row| row.get(0))
            .optional()
            .map_err(|e| e.to_string())
    }

    /// A stored file of a reference, by its SHA-256; `Ok(None)` when either is unknown.
    pub fn file(&self, reference: &str, sha256: &str) -> Result<Option<File>, String> {
        let db = self.lock()?;
        db.query_row(
            "SELECT a.name, a.media_type, a.content FROM attachments a
             JOIN submissions s ON s.idempotency_key = a.idempotency_key
             WHERE s.reference = ?1 AND a.sha256 = ?2",
            [reference, &sha256.to_ascii_lowercase()],
            |row| Ok(File { name: row.get(0)?, media_type: row.get(1)?, content: row.get(2)? }),
        )
        .optional()
        .map_err(|e| e.to_string())
    }

    /// Every submission of a form, oldest first.
    pub fn rows(&self, form: &str) -> Result<Vec<Row>, String> {
        let db = self.lock()?;
        let mut statement = db
            .prepare(
                "SELECT reference, form_version, received_at, idempotency_key, package FROM submissions
                 WHERE form_id = ?1 ORDER BY rowid",
            )
            .map_err(|e| e.to_string())?;
        statement
            .query_map([form], |row| {
                Ok(Row {
                    reference: row.get(0)?,
                    form_version: row.get(1)?,
                    received_at: row.get(2)?,
                    idempotency_key: row.get(3)?,
                    package: row.get(4)?,
                })
            })
            .and_then(Iterator::collect)
            .map_err(|e| e.to_string())
    }
}

/// Today (UTC) and now as RFC 3339 (`2026-11-27T10:00:00Z`), from the system clock.
fn now() -> (Date, String) {
    let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0);
    let day = Date::from_days_since_epoch((secs / 86_400) as i64);
    let time = secs % 86_400;
    let stamp = format!("{day}T{:02}:{:02}:{:02}Z", time / 3600, time / 60 % 60, time % 60);
    (day, stamp)
}

/// Today's date (UTC) from the system clock.
pub(crate) fn today() -> Date {
    now().0
}
