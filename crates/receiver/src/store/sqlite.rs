//! The embedded default: one SQLite file (or `:memory:` in tests), one connection, every call
//! on tokio's blocking threads. `BEGIN IMMEDIATE` makes each write exclusive, so a second
//! instance on the same file (or a backup) waits its turn rather than racing.

use super::contract::{
    indicators_from, now, reasons_from, reference, unix_now, Count, CountKey, File, NewFile,
    RatingColumns, RatingRow, RatingStored, Row, Storage, Stored, Summary,
    MAX_COUNT_ROWS_PER_FORM_DAY,
};
use onewindow_engine::analytics::{rating_token, Rating};
use onewindow_engine::Package;
use rusqlite::{params, Connection, OptionalExtension};
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::{Arc, Mutex};

/// The migrations, numbered from 1; `PRAGMA user_version` is the last one applied.
const MIGRATIONS: &[&str] = &[include_str!("../../migrations/sqlite/0001_initial.sql")];

pub(crate) struct Sqlite {
    db: Arc<Mutex<Connection>>,
}

impl Sqlite {
    pub async fn open(path: &Path) -> Result<Sqlite, String> {
        let path = path.to_path_buf();
        let db = tokio::task::spawn_blocking(move || {
            let mut db = Connection::open(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            migrate(&mut db).map_err(|e| format!("{}: {e}", path.display()))?;
            Ok::<_, String>(db)
        })
        .await
        .map_err(|e| format!("the database could not be opened: {e}"))??;
        Ok(Sqlite { db: Arc::new(Mutex::new(db)) })
    }

    /// Runs `work` with the connection on a blocking thread.
    async fn run<T: Send + 'static>(
        &self,
        work: impl FnOnce(&mut Connection) -> Result<T, String> + Send + 'static,
    ) -> Result<T, String> {
        let db = Arc::clone(&self.db);
        tokio::task::spawn_blocking(move || {
            // A panic while the lock was held has already rolled its transaction back (a
            // dropped rusqlite transaction does): the connection is fine to use.
            let mut db = db.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
            work(&mut db)
        })
        .await
        .map_err(|e| format!("the database task failed: {e}"))?
    }
}

/// Applies the migrations this database has not had, each in its own transaction.
fn migrate(db: &mut Connection) -> Result<(), String> {
    // Another connection to the same file (a second instance, a backup) may hold the write
    // lock for a moment: wait for it rather than fail the request at once.
    db.busy_timeout(std::time::Duration::from_secs(5)).map_err(|e| e.to_string())?;
    for (number, sql) in MIGRATIONS.iter().enumerate() {
        let version = number as i64 + 1;
        let tx = write(db)?;
        let applied: i64 =
            tx.query_row("PRAGMA user_version", [], |row| row.get(0)).map_err(|e| e.to_string())?;
        if applied >= version {
            continue;
        }
        tx.execute_batch(sql).map_err(|e| format!("migration {version}: {e}"))?;
        tx.execute_batch(&format!("PRAGMA user_version = {version}")).map_err(|e| e.to_string())?;
        tx.commit().map_err(|e| e.to_string())?;
    }
    Ok(())
}

impl Storage for Sqlite {
    async fn store(&self, package: Package, files: Vec<NewFile>) -> Result<Stored, String> {
        self.run(move |db| store(db, &package, &files)).await
    }
    async fn start_session(&self, key: String, seconds: u64) -> Result<(), String> {
        self.run(move |db| start_session(db, &key, seconds)).await
    }
    async fn session_valid(&self, key: String) -> Result<bool, String> {
        self.run(move |db| session_valid(db, &key)).await
    }
    async fn end_session(&self, key: String) -> Result<(), String> {
        self.run(move |db| end_session(db, &key)).await
    }
    async fn list(
        &self,
        form: Option<String>,
        limit: i64,
        offset: i64,
    ) -> Result<(Vec<Summary>, i64), String> {
        self.run(move |db| list(db, form.as_deref(), limit, offset)).await
    }
    async fn package(&self, reference: String) -> Result<Option<String>, String> {
        self.run(move |db| package(db, &reference)).await
    }
    async fn file(&self, reference: String, sha256: String) -> Result<Option<File>, String> {
        self.run(move |db| file(db, &reference, &sha256)).await
    }
    async fn rows(&self, form: String) -> Result<Vec<Row>, String> {
        self.run(move |db| rows(db, &form)).await
    }
    async fn store_rating(&self, rating: Rating) -> Result<RatingStored, String> {
        self.run(move |db| store_rating(db, &rating)).await
    }
    async fn ratings(&self) -> Result<Vec<RatingRow>, String> {
        self.run(ratings).await
    }
    async fn follow_up(&self, id: String) -> Result<bool, String> {
        self.run(move |db| follow_up(db, &id)).await
    }
    async fn count_events(&self, tally: BTreeMap<CountKey, i64>) -> Result<(), String> {
        self.run(move |db| count_events(db, &tally)).await
    }
    async fn counts(&self) -> Result<Vec<Count>, String> {
        self.run(counts).await
    }
}

/// Stores the package and its files under its idempotency key once, in one transaction. A
/// repeat of the same content gets the first reference and stores nothing; the same key
/// with other content is refused, so that new answers are never dropped in silence. Keys
/// are compared in lower case (a UUID's hex digits may come in either).
fn store(db: &mut Connection, package: &Package, files: &[NewFile]) -> Result<Stored, String> {
    let key = package.idempotency_key.to_ascii_lowercase();
    let tx = write(db)?;
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
    let reference = reference(day, next);
    let body = serde_json::to_string(package).map_err(|e| e.to_string())?;
    tx.execute(
            "INSERT INTO submissions (idempotency_key, reference, form_id, form_version, received_at, package) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![key, reference, package.form_id, package.form_version, received_at, body],
        )
        .map_err(|e| e.to_string())?;
    for file in files {
        tx.execute(
                "INSERT OR IGNORE INTO attachments (idempotency_key, sha256, name, media_type, size, content) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                // The bytes are in the file store; the column is kept for older rows.
                params![key, file.sha256, file.name, file.media_type, file.size as i64, Vec::<u8>::new()],
            )
            .map_err(|e| e.to_string())?;
    }
    tx.commit().map_err(|e| e.to_string())?;
    Ok(Stored::New(reference))
}

/// Keeps a staff session (the hash of its id) for `seconds`, and forgets ended ones.
fn start_session(db: &mut Connection, key: &str, seconds: u64) -> Result<(), String> {
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
fn session_valid(db: &mut Connection, key: &str) -> Result<bool, String> {
    db.query_row(
        "SELECT COUNT(*) FROM staff_sessions WHERE key = ?1 AND ends_at > ?2",
        params![key, unix_now()],
        |row| row.get::<_, i64>(0),
    )
    .map(|n| n > 0)
    .map_err(|e| e.to_string())
}

/// Signs the session with this key out.
fn end_session(db: &mut Connection, key: &str) -> Result<(), String> {
    db.execute("DELETE FROM staff_sessions WHERE key = ?1", [key]).map_err(|e| e.to_string())?;
    Ok(())
}

/// Submissions newest first, of one form or all; and how many there are in all.
fn list(
    db: &mut Connection,
    form: Option<&str>,
    limit: i64,
    offset: i64,
) -> Result<(Vec<Summary>, i64), String> {
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
fn package(db: &mut Connection, reference: &str) -> Result<Option<String>, String> {
    db.query_row("SELECT package FROM submissions WHERE reference = ?1", [reference], |row| {
        row.get(0)
    })
    .optional()
    .map_err(|e| e.to_string())
}

/// A stored file of a reference, by its SHA-256; `Ok(None)` when either is unknown.
fn file(db: &mut Connection, reference: &str, sha256: &str) -> Result<Option<File>, String> {
    db.query_row(
        "SELECT a.name, a.media_type, a.content FROM attachments a
             JOIN submissions s ON s.idempotency_key = a.idempotency_key
             WHERE s.reference = ?1 AND a.sha256 = ?2",
        [reference, sha256],
        |row| {
            let content: Vec<u8> = row.get(2)?;
            Ok(File {
                name: row.get(0)?,
                media_type: row.get(1)?,
                content: (!content.is_empty()).then_some(content),
            })
        },
    )
    .optional()
    .map_err(|e| e.to_string())
}

/// Every submission of a form, oldest first.
fn rows(db: &mut Connection, form: &str) -> Result<Vec<Row>, String> {
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

/// Stores a checked rating, once per id and once per case.
fn store_rating(db: &mut Connection, rating: &Rating) -> Result<RatingStored, String> {
    let tx = write(db)?;
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
            .query_row("SELECT COUNT(*) FROM ratings WHERE case_reference = ?1", [case], |row| {
                row.get(0)
            })
            .map_err(|e| e.to_string())?;
        if rated > 0 {
            return Ok(RatingStored::CaseRated);
        }
    }
    let columns = RatingColumns::of(rating);
    let [efficiency, guide_accuracy, convenience, usability] = columns.indicators;
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
                efficiency,
                guide_accuracy,
                convenience,
                usability,
                columns.reasons,
                columns.comment,
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
fn ratings(db: &mut Connection) -> Result<Vec<RatingRow>, String> {
    let mut statement = db
            .prepare(
                "SELECT id, case_reference, service, version, channel, level, efficiency, guide_accuracy, convenience, usability,
                    reasons, comment, locale, created, received_at, followed_up_at FROM ratings ORDER BY rowid",
            )
            .map_err(|e| e.to_string())?;
    statement
        .query_map([], |row| {
            let indicators = indicators_from([row.get(6)?, row.get(7)?, row.get(8)?, row.get(9)?]);
            let reasons: String = row.get(10)?;
            Ok(RatingRow {
                id: row.get(0)?,
                case_reference: row.get(1)?,
                service: row.get(2)?,
                version: row.get(3)?,
                channel: row.get(4)?,
                level: row.get(5)?,
                indicators,
                reasons: reasons_from(&reasons),
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
fn follow_up(db: &mut Connection, id: &str) -> Result<bool, String> {
    let changed = db
        .execute(
            "UPDATE ratings SET followed_up_at = COALESCE(followed_up_at, ?2) WHERE id = ?1",
            params![id, now().1],
        )
        .map_err(|e| e.to_string())?;
    Ok(changed > 0)
}

fn count_events(db: &mut Connection, tally: &BTreeMap<CountKey, i64>) -> Result<(), String> {
    let tx = write(db)?;
    for (key, n) in tally {
        let counted = tx
                .execute(
                    "UPDATE event_counts SET count = count + ?10 WHERE day = ?1 AND channel = ?2 AND type = ?3
                     AND form = ?4 AND version = ?5 AND page = ?6 AND field = ?7 AND rule = ?8 AND detail = ?9",
                    params![key[0], key[1], key[2], key[3], key[4], key[5], key[6], key[7], key[8], n],
                )
                .map_err(|e| e.to_string())?;
        if counted > 0 {
            continue;
        }
        // A new row, unless the form (or search, form "") has its day's share already: the
        // ids are checked against what is published, but rule names and search words are
        // free text.
        let (day, form) = (&key[0], &key[3]);
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
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                    params![key[0], key[1], key[2], key[3], key[4], key[5], key[6], key[7], key[8], n],
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
fn counts(db: &mut Connection) -> Result<Vec<Count>, String> {
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

/// A transaction that takes the write lock at once (`BEGIN IMMEDIATE`): what it reads before it
/// writes (the last reference, whether a key or a case is stored) cannot change under it, even
/// with a second instance on the same file.
fn write(db: &mut Connection) -> Result<rusqlite::Transaction<'_>, String> {
    db.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
        .map_err(|e| e.to_string())
}
