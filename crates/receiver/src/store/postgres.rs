//! PostgreSQL, for several instances on one database: a pool of connections (deadpool), every
//! uniqueness the receiver promises held by a constraint (`INSERT … ON CONFLICT`), references
//! from a sequence, and numbered migrations applied once under an advisory lock.

use super::contract::{
    indicators_from, now, reasons_from, reference, unix_now, Count, CountKey, File, NewFile,
    RatingColumns, RatingRow, RatingStored, Row, Storage, Stored, Summary,
    MAX_COUNT_ROWS_PER_FORM_DAY,
};
use deadpool_postgres::{Manager, ManagerConfig, Pool, RecyclingMethod, Runtime};
use onewindow_engine::analytics::{rating_token, Rating};
use onewindow_engine::Package;
use std::collections::BTreeMap;
use std::time::Duration;
use tokio_postgres::NoTls;

/// The migrations, numbered from 1; `onewindow_migrations` lists those applied.
const MIGRATIONS: &[&str] = &[include_str!("../../migrations/postgres/0001_initial.sql")];

/// Taken while migrating, so that instances starting together migrate one after the other.
const MIGRATION_LOCK: i64 = 0x6f6e_6577_696e; // "onewin"

/// How long a request waits for a connection, or for one to be made, before it gets 503.
const WAIT: Duration = Duration::from_secs(5);

pub(crate) struct Postgres {
    pool: Pool,
}

/// A database error with what PostgreSQL said, never the URL (it may hold a password).
fn db(error: tokio_postgres::Error) -> String {
    match error.as_db_error() {
        Some(e) => format!("PostgreSQL: {}: {}", e.code().code(), e.message()),
        None => format!("PostgreSQL: {error}"),
    }
}

fn pool_error(error: deadpool_postgres::PoolError) -> String {
    match error {
        deadpool_postgres::PoolError::Backend(e) => db(e),
        other => format!("PostgreSQL: no connection: {other}"),
    }
}

impl Postgres {
    pub async fn open(url: &str) -> Result<Postgres, String> {
        let config: tokio_postgres::Config =
            url.parse().map_err(|e| format!("the database URL cannot be read: {e}"))?;
        let manager = Manager::from_config(
            config,
            NoTls,
            ManagerConfig { recycling_method: RecyclingMethod::Fast },
        );
        let pool = Pool::builder(manager)
            .runtime(Runtime::Tokio1)
            .wait_timeout(Some(WAIT))
            .create_timeout(Some(WAIT))
            .recycle_timeout(Some(WAIT))
            .build()
            .map_err(|e| format!("PostgreSQL: {e}"))?;
        let store = Postgres { pool };
        store.migrate().await?;
        Ok(store)
    }

    async fn client(&self) -> Result<deadpool_postgres::Client, String> {
        self.pool.get().await.map_err(pool_error)
    }

    /// Applies the migrations this database has not had, in one transaction.
    async fn migrate(&self) -> Result<(), String> {
        let mut client = self.client().await?;
        let tx = client.transaction().await.map_err(db)?;
        tx.execute("SELECT pg_advisory_xact_lock($1)", &[&MIGRATION_LOCK]).await.map_err(db)?;
        tx.batch_execute(
            "CREATE TABLE IF NOT EXISTS onewindow_migrations (
                version BIGINT PRIMARY KEY,
                applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
            )",
        )
        .await
        .map_err(db)?;
        let applied: i64 = tx
            .query_one("SELECT COALESCE(MAX(version), 0) FROM onewindow_migrations", &[])
            .await
            .map_err(db)?
            .get(0);
        for (number, sql) in MIGRATIONS.iter().enumerate() {
            let version = number as i64 + 1;
            if version <= applied {
                continue;
            }
            tx.batch_execute(sql).await.map_err(|e| format!("migration {version}: {}", db(e)))?;
            tx.execute("INSERT INTO onewindow_migrations (version) VALUES ($1)", &[&version])
                .await
                .map_err(db)?;
        }
        tx.commit().await.map_err(db)
    }
}

/// A repeat of a stored key: the same content, or other content under the same key.
fn repeat(reference: String, checksum: &str, package: &Package) -> Stored {
    if checksum == package.checksum {
        Stored::Repeat(reference)
    } else {
        Stored::KeyReused
    }
}

impl Storage for Postgres {
    async fn store(&self, package: Package, files: Vec<NewFile>) -> Result<Stored, String> {
        let key = package.idempotency_key.to_ascii_lowercase();
        let mut client = self.client().await?;
        let find = "SELECT reference, checksum FROM submissions WHERE idempotency_key = $1";
        if let Some(row) = client.query_opt(find, &[&key]).await.map_err(db)? {
            return Ok(repeat(row.get(0), row.get(1), &package));
        }
        let number: i64 =
            client.query_one("SELECT nextval('submission_numbers')", &[]).await.map_err(db)?.get(0);
        let (day, received_at) = now();
        let reference = reference(day, number);
        let body = serde_json::to_string(&package).map_err(|e| e.to_string())?;
        let attachments = package.attachments.len() as i64;
        let tx = client.transaction().await.map_err(db)?;
        let inserted = tx
            .execute(
                "INSERT INTO submissions (number, idempotency_key, reference, form_id, form_version, received_at,
                    checksum, attachments, package) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
                 ON CONFLICT (idempotency_key) DO NOTHING",
                &[
                    &number,
                    &key,
                    &reference,
                    &package.form_id,
                    &package.form_version,
                    &received_at,
                    &package.checksum,
                    &attachments,
                    &body,
                ],
            )
            .await
            .map_err(db)?;
        if inserted == 0 {
            // Another request (on this instance or another) stored the key since the look
            // above: the first one stands.
            tx.rollback().await.map_err(db)?;
            let row = client.query_one(find, &[&key]).await.map_err(db)?;
            return Ok(repeat(row.get(0), row.get(1), &package));
        }
        for file in &files {
            tx.execute(
                "INSERT INTO attachments (idempotency_key, sha256, name, media_type, size)
                 VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING",
                &[&key, &file.sha256, &file.name, &file.media_type, &(file.size as i64)],
            )
            .await
            .map_err(db)?;
        }
        tx.commit().await.map_err(db)?;
        Ok(Stored::New(reference))
    }

    async fn start_session(&self, key: String, seconds: u64) -> Result<(), String> {
        let client = self.client().await?;
        let now = unix_now();
        let ends = now.saturating_add(i64::try_from(seconds).unwrap_or(i64::MAX));
        client
            .execute("DELETE FROM staff_sessions WHERE ends_at <= $1", &[&now])
            .await
            .map_err(db)?;
        client
            .execute(
                "INSERT INTO staff_sessions (key, ends_at) VALUES ($1, $2)
                 ON CONFLICT (key) DO UPDATE SET ends_at = EXCLUDED.ends_at",
                &[&key, &ends],
            )
            .await
            .map_err(db)?;
        Ok(())
    }

    async fn session_valid(&self, key: String) -> Result<bool, String> {
        let client = self.client().await?;
        let row = client
            .query_opt(
                "SELECT 1 FROM staff_sessions WHERE key = $1 AND ends_at > $2",
                &[&key, &unix_now()],
            )
            .await
            .map_err(db)?;
        Ok(row.is_some())
    }

    async fn end_session(&self, key: String) -> Result<(), String> {
        let client = self.client().await?;
        client.execute("DELETE FROM staff_sessions WHERE key = $1", &[&key]).await.map_err(db)?;
        Ok(())
    }

    async fn list(
        &self,
        form: Option<String>,
        limit: i64,
        offset: i64,
    ) -> Result<(Vec<Summary>, i64), String> {
        let client = self.client().await?;
        let total: i64 = client
            .query_one(
                "SELECT COUNT(*) FROM submissions WHERE $1::TEXT IS NULL OR form_id = $1",
                &[&form],
            )
            .await
            .map_err(db)?
            .get(0);
        let rows = client
            .query(
                "SELECT s.reference, s.form_id, s.form_version, s.received_at, s.idempotency_key, s.attachments,
                    (SELECT COUNT(*) FROM attachments a WHERE a.idempotency_key = s.idempotency_key)
                 FROM submissions s WHERE $1::TEXT IS NULL OR s.form_id = $1
                 ORDER BY s.number DESC LIMIT $2 OFFSET $3",
                &[&form, &limit, &offset],
            )
            .await
            .map_err(db)?;
        let summaries = rows
            .iter()
            .map(|row| Summary {
                reference: row.get(0),
                form_id: row.get(1),
                form_version: row.get(2),
                received_at: row.get(3),
                idempotency_key: row.get(4),
                attachments: row.get(5),
                files_stored: row.get(6),
            })
            .collect();
        Ok((summaries, total))
    }

    async fn package(&self, reference: String) -> Result<Option<String>, String> {
        let client = self.client().await?;
        let row = client
            .query_opt("SELECT package FROM submissions WHERE reference = $1", &[&reference])
            .await
            .map_err(db)?;
        Ok(row.map(|row| row.get(0)))
    }

    async fn file(&self, reference: String, sha256: String) -> Result<Option<File>, String> {
        let client = self.client().await?;
        let row = client
            .query_opt(
                "SELECT a.name, a.media_type FROM attachments a
                 JOIN submissions s ON s.idempotency_key = a.idempotency_key
                 WHERE s.reference = $1 AND a.sha256 = $2",
                &[&reference, &sha256],
            )
            .await
            .map_err(db)?;
        Ok(row.map(|row| File { name: row.get(0), media_type: row.get(1), content: None }))
    }

    async fn rows(&self, form: String) -> Result<Vec<Row>, String> {
        let client = self.client().await?;
        let rows = client
            .query(
                "SELECT reference, form_version, received_at, idempotency_key, package FROM submissions
                 WHERE form_id = $1 ORDER BY number",
                &[&form],
            )
            .await
            .map_err(db)?;
        Ok(rows
            .iter()
            .map(|row| Row {
                reference: row.get(0),
                form_version: row.get(1),
                received_at: row.get(2),
                idempotency_key: row.get(3),
                package: row.get(4),
            })
            .collect())
    }

    async fn store_rating(&self, rating: Rating) -> Result<RatingStored, String> {
        let client = self.client().await?;
        if let Some(case) = &rating.case_reference {
            let row = client
                .query_opt("SELECT idempotency_key FROM submissions WHERE reference = $1", &[case])
                .await
                .map_err(db)?;
            let Some(row) = row else { return Ok(RatingStored::UnknownCase) };
            let key: String = row.get(0);
            if rating.case_token.as_deref() != Some(rating_token(&key).as_str()) {
                return Ok(RatingStored::WrongToken);
            }
        }
        let columns = RatingColumns::of(&rating);
        let [efficiency, guide_accuracy, convenience, usability] = columns.indicators;
        // Both the id and the case are unique: a second rating of either stores nothing.
        let inserted = client
            .execute(
                "INSERT INTO ratings (id, case_reference, service, version, channel, level, efficiency, guide_accuracy,
                    convenience, usability, reasons, comment, locale, created, received_at)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
                 ON CONFLICT DO NOTHING",
                &[
                    &rating.id,
                    &rating.case_reference,
                    &rating.service,
                    &rating.version,
                    &rating.channel.as_str(),
                    &i64::from(rating.level),
                    &efficiency,
                    &guide_accuracy,
                    &convenience,
                    &usability,
                    &columns.reasons,
                    &columns.comment,
                    &rating.locale,
                    &rating.created,
                    &now().1,
                ],
            )
            .await
            .map_err(db)?;
        if inserted > 0 {
            return Ok(RatingStored::New);
        }
        let same = client
            .query_opt("SELECT 1 FROM ratings WHERE id = $1", &[&rating.id])
            .await
            .map_err(db)?;
        Ok(if same.is_some() { RatingStored::Repeat } else { RatingStored::CaseRated })
    }

    async fn ratings(&self) -> Result<Vec<RatingRow>, String> {
        let client = self.client().await?;
        let rows = client
            .query(
                "SELECT id, case_reference, service, version, channel, level, efficiency, guide_accuracy, convenience,
                    usability, reasons, comment, locale, created, received_at, followed_up_at
                 FROM ratings ORDER BY seq",
                &[],
            )
            .await
            .map_err(db)?;
        Ok(rows
            .iter()
            .map(|row| {
                let indicators = indicators_from([row.get(6), row.get(7), row.get(8), row.get(9)]);
                let reasons: String = row.get(10);
                RatingRow {
                    id: row.get(0),
                    case_reference: row.get(1),
                    service: row.get(2),
                    version: row.get(3),
                    channel: row.get(4),
                    level: row.get(5),
                    indicators,
                    reasons: reasons_from(&reasons),
                    comment: row.get(11),
                    locale: row.get(12),
                    created: row.get(13),
                    received_at: row.get(14),
                    followed_up_at: row.get(15),
                }
            })
            .collect())
    }

    async fn follow_up(&self, id: String) -> Result<bool, String> {
        let client = self.client().await?;
        let changed = client
            .execute(
                "UPDATE ratings SET followed_up_at = COALESCE(followed_up_at, $2) WHERE id = $1",
                &[&id, &now().1],
            )
            .await
            .map_err(db)?;
        Ok(changed > 0)
    }

    async fn count_events(&self, tally: BTreeMap<CountKey, i64>) -> Result<(), String> {
        let mut client = self.client().await?;
        let tx = client.transaction().await.map_err(db)?;
        // New rows per (day, form), written after every count row: each transaction locks the
        // count rows in key order and then these, so two batches at once cannot deadlock.
        let mut added: BTreeMap<(&str, &str), i64> = BTreeMap::new();
        for (key, n) in &tally {
            let params: [&(dyn tokio_postgres::types::ToSql + Sync); 10] = [
                &key[0], &key[1], &key[2], &key[3], &key[4], &key[5], &key[6], &key[7], &key[8], n,
            ];
            let counted = tx
                .execute(
                    "UPDATE event_counts SET count = count + $10 WHERE day = $1 AND channel = $2 AND type = $3
                     AND form = $4 AND version = $5 AND page = $6 AND field = $7 AND rule = $8 AND detail = $9",
                    &params,
                )
                .await
                .map_err(db)?;
            if counted > 0 {
                continue;
            }
            // A new row, unless the form (or search, form "") has its day's share already.
            let place = (key[0].as_str(), key[3].as_str());
            let rows: i64 = tx
                .query_opt(
                    "SELECT rows FROM event_rows WHERE day = $1 AND form = $2",
                    &[&place.0, &place.1],
                )
                .await
                .map_err(db)?
                .map_or(0, |row| row.get(0));
            if rows + added.get(&place).copied().unwrap_or(0) >= MAX_COUNT_ROWS_PER_FORM_DAY {
                continue;
            }
            let new = tx
                .query_one(
                    "INSERT INTO event_counts (day, channel, type, form, version, page, field, rule, detail, count)
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
                     ON CONFLICT (day, channel, type, form, version, page, field, rule, detail)
                     DO UPDATE SET count = event_counts.count + EXCLUDED.count
                     RETURNING xmax = 0",
                    &params,
                )
                .await
                .map_err(db)?
                .get::<_, bool>(0);
            if new {
                *added.entry(place).or_insert(0) += 1;
            }
        }
        for ((day, form), rows) in added {
            tx.execute(
                "INSERT INTO event_rows (day, form, rows) VALUES ($1, $2, $3)
                 ON CONFLICT (day, form) DO UPDATE SET rows = event_rows.rows + EXCLUDED.rows",
                &[&day, &form, &rows],
            )
            .await
            .map_err(db)?;
        }
        tx.commit().await.map_err(db)
    }

    async fn counts(&self) -> Result<Vec<Count>, String> {
        let client = self.client().await?;
        let rows = client
            .query(
                "SELECT type, form, version, page, field, rule, detail, SUM(count)::BIGINT FROM event_counts
                 GROUP BY type, form, version, page, field, rule, detail
                 ORDER BY type, form, page, field, rule, detail",
                &[],
            )
            .await
            .map_err(db)?;
        Ok(rows
            .iter()
            .map(|row| Count {
                kind: row.get(0),
                form: row.get(1),
                version: row.get(2),
                page: row.get(3),
                field: row.get(4),
                rule: row.get(5),
                detail: row.get(6),
                count: row.get(7),
            })
            .collect())
    }
}
