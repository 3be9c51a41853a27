//! SQLite storage: one row per idempotency key, and the contents of attached files keyed by
//! (idempotency key, SHA-256).

use onewindow_engine::analytics::rating_token;
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

/// Most count rows one form (or search) gets in a day; events that would add more are not
/// counted.
pub(crate) const MAX_COUNT_ROWS_PER_FORM_DAY: i64 = 20_000;

/// What storing a package did.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Stored {
    /// Stored under this new reference.
    New(String),
    /// The same content was stored before, under this reference; nothing was stored again.
    Repeat(String),
    /// The key was used before for other content; nothing was stored.
    KeyReused,
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
        // Another connection to the same file (a second instance, a backup) may hold the write
        // lock for a moment: wait for it rather than fail the request at once.
        db.busy_timeout(std::time::Duration::from_secs(5))
            .map_err(|e| format!("{}: {e}", path.display()))?;
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
            );
            CREATE TABLE IF NOT EXISTS ratings (
                id TEXT PRIMARY KEY,
                case_reference TEXT UNIQUE,
                service TEXT NOT NULL,
                version TEXT,
                channel TEXT NOT NULL,
                level INTEGER NOT NULL,
                efficiency INTEGER,
                guide_accuracy INTEGER,
                convenience INTEGER,
                usability INTEGER,
                reasons TEXT NOT NULL,
                comment TEXT,
                locale TEXT NOT NULL,
                created TEXT NOT NULL,
                received_at TEXT NOT NULL,
                followed_up_at TEXT
            );
            CREATE INDEX IF NOT EXISTS ratings_service ON ratings (service);
            CREATE TABLE IF NOT EXISTS event_counts (
                day TEXT NOT NULL,
                channel TEXT NOT NULL,
                type TEXT NOT NULL,
                form TEXT NOT NULL,
                version TEXT NOT NULL,
                page TEXT NOT NULL,
                field TEXT NOT NULL,
                rule TEXT NOT NULL,
                detail TEXT NOT NULL,
                count INTEGER NOT NULL,
                PRIMARY KEY (day, channel, type, form, version, page, field, rule, detail)
            );
            -- Signed-in staff: the SHA-256 of each session id, and when it ends (Unix seconds).
            CREATE TABLE IF NOT EXISTS staff_sessions (
                key TEXT PRIMARY KEY,
                ends_at INTEGER NOT NULL
            );
            -- How many event_counts rows each form (\"\" for searches) has on a day: the bound.
            CREATE TABLE IF NOT EXISTS event_rows (
                day TEXT NOT NULL,
                form TEXT NOT NULL,
                rows INTEGER NOT NULL,
                PRIMARY KEY (day, form)
            );",
        )
        .map_err(|e| format!("{}: {e}", path.display()))?;
        Ok(Store { db: Mutex::new(db) })
    }

    fn lock(&self) -> Result<MutexGuard<'_, Connection>, String> {
        self.db.lock().map_err(|_| "the database lock is poisoned".to_string())
    }

    /// Stores the package and its files under its idempotency key once, in one transaction. A
    /// repeat of the same content gets the first reference and stores nothing; the same key
    /// with other content is refused, so that new answers are never dropped in silence. Keys
    /// are compared in lower case (a UUID's hex digits may come in either).
    pub fn store(&self, package: &Package, files: &[StoredFile<'_>]) -> Result<Stored, String> {
        let key = package.idempotency_key.to_ascii_lowercase();
        let mut db = self.lock()?;
        let tx = write(&mut db)?;
        let existing: Option<(String, Option<String>)> = tx
            .query_row(
                "SELECT reference, json_extract(package, '$.checksum') FROM submissions WHERE idempotency_key = ?1",
                [&key],
                |row| Ok((row.get(0)?, row.get(1)?)),
            )
            .optional()
            .map_err(|e| e.to_string())?;
        if let Some((reference, checksum)) = existing {
            return Ok(if checksum.as_deref() == Some(package.checksum.as_str()) {
                Stored::Repeat(reference)
            } else {
                Stored::KeyReused
            });
        }
        let next: i64 = tx
            .query_row("SELECT COALESCE(MAX(rowid), 0) + 1 FROM submissions", [], |row| row.get(0))
            .map_err(|e| e.to_string())?;
        let (day, received_at) = now();
        let reference = format!("OW-{:04}{:02}{:02}-{next:06}", day.year, day.month, day.day);
        let body = serde_json::to_string(package).map_err(|e| e.to_string())?;
        tx.execute(
            "INSERT INTO submissions (idempotency_key, reference, form_id, form_version, received_at, package) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![key, reference, package.form_id, package.form_version, received_at, body],
        )
        .map_err(|e| e.to_string())?;
        for file in files {
            tx.execute(
                "INSERT OR IGNORE INTO attachments (idempotency_key, sha256, name, media_type, size, content) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![key, file.sha256, file.name, file.media_type, file.content.len() as i64, file.content],
            )
            .map_err(|e| e.to_string())?;
        }
        tx.commit().map_err(|e| e.to_string())?;
        Ok(Stored::New(reference))
    }

    /// Keeps a staff session (the hash of its id) for `seconds`, and forgets ended ones.
    pub fn start_session(&self, key: &str, seconds: u64) -> Result<(), String> {
        let db = self.lock()?;
        let now = unix_now();
        db.execute("DELETE FROM staff_sessions WHERE ends_at <= ?1", [now])
            .map_err(|e| e.to_string())?;
        db.execute(
            "INSERT OR REPLACE INTO staff_sessions (key, ends_at) VALUES (?1, ?2)",
            params![key, now.saturating_add(seconds as i64)],
        )
        .map_err(|e| e.to_string())?;
        Ok(())
    }

    /// Whether the session with this key is signed in and not ended.
    pub fn session_valid(&self, key: &str) -> Result<bool, String> {
        let db = self.lock()?;
        db.query_row(
            "SELECT COUNT(*) FROM staff_sessions WHERE key = ?1 AND ends_at > ?2",
            params![key, unix_now()],
            |row| row.get::<_, i64>(0),
        )
        .map(|n| n > 0)
        .map_err(|e| e.to_string())
    }

    /// Signs the session with this key out.
    pub fn end_session(&self, key: &str) -> Result<(), String> {
        let db = self.lock()?;
        db.execute("DELETE FROM staff_sessions WHERE key = ?1", [key])
            .map_err(|e| e.to_string())?;
        Ok(())
    }

    /// Submissions newest first, of one form or all; and how many there are in all.
    pub fn list(
        &self,
        form: Option<&str>,
        limit: i64,
        offset: i64,
    ) -> Result<(Vec<Summary>, i64), String> {
        let db = self.lock()?;
        let total: i64 = db
            .query_row(
                "SELECT COUNT(*) FROM submissions WHERE ?1 IS NULL OR form_id = ?1",
                [form],
                |row| row.get(0),
            )
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
        db.query_row("SELECT package FROM submissions WHERE reference = ?1", [reference], |row| {
            row.get(0)
        })
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

/// What became of a rating sent to the receiver.
#[derive(Debug, PartialEq)]
pub(crate) enum RatingStored {
    /// Stored now.
    New,
    /// The same rating (same id) was stored before: a retry.
    Repeat,
    /// Another rating of this case is stored: one per case.
    CaseRated,
    /// No application has this reference (yet): nothing to rate.
    UnknownCase,
    /// The token is not the one given with the reference.
    WrongToken,
}

/// One event count: what, where, and how many on a day.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub(crate) struct Count {
    #[serde(rename = "type")]
    pub kind: String,
    pub form: String,
    pub version: String,
    pub page: String,
    pub field: String,
    pub rule: String,
    /// The outcome, the duration bucket or the query (what else the event says).
    pub detail: String,
    pub count: i64,
}

/// A stored rating, for reports.
#[derive(Clone, Debug, Serialize)]
pub(crate) struct RatingRow {
    pub id: String,
    pub case_reference: Option<String>,
    pub service: String,
    pub version: Option<String>,
    pub channel: String,
    pub level: i64,
    pub indicators: std::collections::BTreeMap<String, i64>,
    pub reasons: Vec<String>,
    pub comment: Option<String>,
    pub locale: String,
    pub created: String,
    pub received_at: String,
    pub followed_up_at: Option<String>,
}

impl Store {
    /// Stores a checked rating, once per id and once per case.
    pub fn store_rating(
        &self,
        rating: &onewindow_engine::analytics::Rating,
    ) -> Result<RatingStored, String> {
        let mut db = self.lock()?;
        let tx = write(&mut db)?;
        if let Some(case) = &rating.case_reference {
            let key: Option<String> = tx
                .query_row(
                    "SELECT idempotency_key FROM submissions WHERE reference = ?1",
                    [case],
                    |row| row.get(0),
                )
                .optional()
                .map_err(|e| e.to_string())?;
            let Some(key) = key else { return Ok(RatingStored::UnknownCase) };
            if rating.case_token.as_deref() != Some(rating_token(&key).as_str()) {
                return Ok(RatingStored::WrongToken);
            }
        }
        let same: bool = tx
            .query_row("SELECT COUNT(*) FROM ratings WHERE id = ?1", [&rating.id], |row| {
                row.get::<_, i64>(0)
            })
            .map_err(|e| e.to_string())?
            > 0;
        if same {
            return Ok(RatingStored::Repeat);
        }
        if let Some(case) = &rating.case_reference {
            let rated: i64 = tx
                .query_row(
                    "SELECT COUNT(*) FROM ratings WHERE case_reference = ?1",
                    [case],
                    |row| row.get(0),
                )
                .map_err(|e| e.to_string())?;
            if rated > 0 {
                return Ok(RatingStored::CaseRated);
            }
        }
        let reasons: Vec<&str> = rating.reasons.iter().map(|r| r.code()).collect();
        let i = &rating.indicators;
        let comment = rating.comment.as_deref().map(str::trim).filter(|c| !c.is_empty());
        tx.execute(
            "INSERT INTO ratings (id, case_reference, service, version, channel, level, efficiency, guide_accuracy, convenience,
                usability, reasons, comment, locale, created, received_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
            params![
                rating.id,
                rating.case_reference,
                rating.service,
                rating.version,
                rating.channel.as_str(),
                rating.level,
                i.efficiency,
                i.guide_accuracy,
                i.convenience,
                i.usability,
                reasons.join(","),
                comment,
                rating.locale,
                rating.created,
                now().1,
            ],
        )
        .map_err(|e| e.to_string())?;
        tx.commit().map_err(|e| e.to_string())?;
        Ok(RatingStored::New)
    }

    /// Every rating, oldest first.
    pub fn ratings(&self) -> Result<Vec<RatingRow>, String> {
        let db = self.lock()?;
        let mut statement = db
            .prepare(
                "SELECT id, case_reference, service, version, channel, level, efficiency, guide_accuracy, convenience, usability,
                    reasons, comment, locale, created, received_at, followed_up_at FROM ratings ORDER BY rowid",
            )
            .map_err(|e| e.to_string())?;
        statement
            .query_map([], |row| {
                let mut indicators = std::collections::BTreeMap::new();
                for (n, name) in
                    ["efficiency", "guide_accuracy", "convenience", "usability"].iter().enumerate()
                {
                    if let Some(value) = row.get::<_, Option<i64>>(6 + n)? {
                        indicators.insert(name.to_string(), value);
                    }
                }
                let reasons: String = row.get(10)?;
                Ok(RatingRow {
                    id: row.get(0)?,
                    case_reference: row.get(1)?,
                    service: row.get(2)?,
                    version: row.get(3)?,
                    channel: row.get(4)?,
                    level: row.get(5)?,
                    indicators,
                    reasons: reasons
                        .split(',')
                        .filter(|r| !r.is_empty())
                        .map(str::to_string)
                        .collect(),
                    comment: row.get(11)?,
                    locale: row.get(12)?,
                    created: row.get(13)?,
                    received_at: row.get(14)?,
                    followed_up_at: row.get(15)?,
                })
            })
            .and_then(Iterator::collect)
            .map_err(|e| e.to_string())
    }

    /// Marks a rating followed up (now); false when there is no such rating.
    pub fn follow_up(&self, id: &str) -> Result<bool, String> {
        let db = self.lock()?;
        let changed = db
            .execute(
                "UPDATE ratings SET followed_up_at = COALESCE(followed_up_at, ?2) WHERE id = ?1",
                params![id, now().1],
            )
            .map_err(|e| e.to_string())?;
        Ok(changed > 0)
    }

    /// Adds a checked batch of events to the day's counts: only counts are kept, never a row
    /// per event, so nothing links one journey's events together.
    pub fn count_events(
        &self,
        batch: &onewindow_engine::analytics::EventBatch,
    ) -> Result<(), String> {
        use onewindow_engine::analytics::Event;
        let mut db = self.lock()?;
        let tx = write(&mut db)?;
        let day = today().to_string();
        for event in &batch.events {
            let (form, version, page) = event.place();
            let (field, rule, detail) = match event {
                Event::SearchNoResults { query } => ("", "", query.as_deref().unwrap_or("")),
                Event::ValidationError { field, rule, .. } => (field.as_str(), rule.as_str(), ""),
                Event::Submission { outcome, .. } => ("", "", outcome.as_str()),
                Event::PageTime { bucket, .. } => ("", "", bucket.label()),
                Event::JourneyStarted { .. }
                | Event::PageReached { .. }
                | Event::PageAbandoned { .. } => ("", "", ""),
            };
            let key = params![
                day,
                batch.channel.as_str(),
                event.kind(),
                form,
                version,
                page,
                field,
                rule,
                detail
            ];
            let counted = tx
                .execute(
                    "UPDATE event_counts SET count = count + 1 WHERE day = ?1 AND channel = ?2 AND type = ?3
                     AND form = ?4 AND version = ?5 AND page = ?6 AND field = ?7 AND rule = ?8 AND detail = ?9",
                    key,
                )
                .map_err(|e| e.to_string())?;
            if counted > 0 {
                continue;
            }
            // A new row, unless the form (or search, form "") has its day's share already: the
            // ids are checked against what is published, but rule names and search words are
            // free text.
            let rows: i64 = tx
                .query_row(
                    "SELECT rows FROM event_rows WHERE day = ?1 AND form = ?2",
                    params![day, form],
                    |row| row.get(0),
                )
                .optional()
                .map_err(|e| e.to_string())?
                .unwrap_or(0);
            if rows < MAX_COUNT_ROWS_PER_FORM_DAY {
                tx.execute(
                    "INSERT INTO event_counts (day, channel, type, form, version, page, field, rule, detail, count)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 1)",
                    key,
                )
                .map_err(|e| e.to_string())?;
                tx.execute(
                    "INSERT INTO event_rows (day, form, rows) VALUES (?1, ?2, 1)
                     ON CONFLICT (day, form) DO UPDATE SET rows = rows + 1",
                    params![day, form],
                )
                .map_err(|e| e.to_string())?;
            }
        }
        tx.commit().map_err(|e| e.to_string())
    }

    /// The event counts summed over days and channels.
    pub fn counts(&self) -> Result<Vec<Count>, String> {
        let db = self.lock()?;
        let mut statement = db
            .prepare(
                "SELECT type, form, version, page, field, rule, detail, SUM(count) FROM event_counts
                 GROUP BY type, form, version, page, field, rule, detail ORDER BY type, form, page, field, rule, detail",
            )
            .map_err(|e| e.to_string())?;
        statement
            .query_map([], |row| {
                Ok(Count {
                    kind: row.get(0)?,
                    form: row.get(1)?,
                    version: row.get(2)?,
                    page: row.get(3)?,
                    field: row.get(4)?,
                    rule: row.get(5)?,
                    detail: row.get(6)?,
                    count: row.get(7)?,
                })
            })
            .and_then(Iterator::collect)
            .map_err(|e| e.to_string())
    }
}

/// Today (UTC) and now as RFC 3339 (`2026-11-27T10:00:00Z`), from the system clock.
fn now() -> (Date, String) {
    let secs = unix_now().max(0);
    let day = Date::from_days_since_epoch(secs / 86_400);
    let time = secs % 86_400;
    let stamp = format!("{day}T{:02}:{:02}:{:02}Z", time / 3600, time / 60 % 60, time % 60);
    (day, stamp)
}

/// A transaction that takes the write lock at once (`BEGIN IMMEDIATE`): what it reads before it
/// writes (the last reference, whether a key or a case is stored) cannot change under it, even
/// with a second instance on the same file.
fn write(db: &mut Connection) -> Result<rusqlite::Transaction<'_>, String> {
    db.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
        .map_err(|e| e.to_string())
}

/// Seconds since the Unix epoch, from the system clock.
fn unix_now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}

/// Today's date (UTC) from the system clock.
pub(crate) fn today() -> Date {
    now().0
}
