//! Where the receiver keeps what it receives: SQLite (one file, the embedded default) or
//! PostgreSQL (`postgres://…`, for several instances). Both implement [`Storage`]
//! (`contract.rs`); handlers see only [`Store`]. Rules stay above: a backend only keeps each
//! idempotency key, rating id and case once, and counts.

mod contract;
mod postgres;
mod sqlite;

pub(crate) use contract::*;
use onewindow_engine::analytics::{Event, EventBatch, Rating};
use onewindow_engine::Package;
use std::collections::BTreeMap;

/// A batch of events as the increments of its count rows, in key order: every writer takes
/// the rows' locks in the same order, so two batches at once never deadlock.
pub(crate) fn tally(batch: &EventBatch, day: &str) -> BTreeMap<CountKey, i64> {
    let mut tally = BTreeMap::new();
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
        let key =
            [day, batch.channel.as_str(), event.kind(), form, version, page, field, rule, detail]
                .map(str::to_string);
        *tally.entry(key).or_insert(0) += 1;
    }
    tally
}

/// The backend the configuration names.
pub(crate) enum Store {
    Sqlite(sqlite::Sqlite),
    Postgres(postgres::Postgres),
}

/// Whether `database` names a PostgreSQL database rather than a SQLite file.
pub(crate) fn is_postgres_url(database: &str) -> bool {
    database.starts_with("postgres://") || database.starts_with("postgresql://")
}

macro_rules! dispatch {
    ($self:ident, $backend:ident => $call:expr) => {
        match $self {
            Store::Sqlite($backend) => $call.await,
            Store::Postgres($backend) => $call.await,
        }
    };
}

impl Store {
    /// Opens the database and brings its tables up to this version (migrations are embedded
    /// and numbered; several instances starting at once apply each one once).
    pub async fn open(database: &str) -> Result<Store, String> {
        if is_postgres_url(database) {
            Ok(Store::Postgres(postgres::Postgres::open(database).await?))
        } else {
            Ok(Store::Sqlite(sqlite::Sqlite::open(std::path::Path::new(database)).await?))
        }
    }

    pub async fn store(&self, package: Package, files: Vec<NewFile>) -> Result<Stored, String> {
        dispatch!(self, s => s.store(package, files))
    }
    pub async fn start_session(&self, key: String, seconds: u64) -> Result<(), String> {
        dispatch!(self, s => s.start_session(key, seconds))
    }
    pub async fn session_valid(&self, key: String) -> Result<bool, String> {
        dispatch!(self, s => s.session_valid(key))
    }
    pub async fn end_session(&self, key: String) -> Result<(), String> {
        dispatch!(self, s => s.end_session(key))
    }
    pub async fn list(
        &self,
        form: Option<String>,
        limit: i64,
        offset: i64,
    ) -> Result<(Vec<Summary>, i64), String> {
        dispatch!(self, s => s.list(form, limit, offset))
    }
    pub async fn package(&self, reference: String) -> Result<Option<String>, String> {
        dispatch!(self, s => s.package(reference))
    }
    pub async fn file(&self, reference: String, sha256: String) -> Result<Option<File>, String> {
        dispatch!(self, s => s.file(reference, sha256))
    }
    pub async fn rows(&self, form: String) -> Result<Vec<Row>, String> {
        dispatch!(self, s => s.rows(form))
    }
    pub async fn store_rating(&self, rating: Rating) -> Result<RatingStored, String> {
        dispatch!(self, s => s.store_rating(rating))
    }
    pub async fn ratings(&self) -> Result<Vec<RatingRow>, String> {
        dispatch!(self, s => s.ratings())
    }
    pub async fn follow_up(&self, id: String) -> Result<bool, String> {
        dispatch!(self, s => s.follow_up(id))
    }
    pub async fn count_events(&self, batch: &EventBatch) -> Result<(), String> {
        let tally = tally(batch, &today().to_string());
        dispatch!(self, s => s.count_events(tally))
    }
    /// The event counts in byte order of type, form, page, field, rule and detail (a
    /// database's collation may order text otherwise).
    pub async fn counts(&self) -> Result<Vec<Count>, String> {
        let mut counts = dispatch!(self, s => s.counts())?;
        counts.sort_by(|a, b| {
            (&a.kind, &a.form, &a.page, &a.field, &a.rule, &a.detail)
                .cmp(&(&b.kind, &b.form, &b.page, &b.field, &b.rule, &b.detail))
        });
        Ok(counts)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use onewindow_engine::analytics::Channel;
    use onewindow_engine::formats::Date;

    #[test]
    fn a_batch_is_tallied_in_key_order() {
        let batch: EventBatch = serde_json::from_value(serde_json::json!({
            "format": 1, "channel": "online", "events": [
                {"type": "page_reached", "form": "b", "version": "1", "page": "p"},
                {"type": "page_reached", "form": "a", "version": "1", "page": "p"},
                {"type": "page_reached", "form": "b", "version": "1", "page": "p"}
            ]
        }))
        .unwrap();
        assert_eq!(batch.channel, Channel::Online);
        let tally: Vec<(String, i64)> =
            tally(&batch, "2026-12-04").into_iter().map(|(k, n)| (k[3].clone(), n)).collect();
        assert_eq!(tally, [("a".to_string(), 1), ("b".to_string(), 2)]);
    }

    #[test]
    fn references_keep_every_digit() {
        let day = Date::new(2026, 12, 4).unwrap();
        assert_eq!(reference(day, 42), "OW-20261204-000042");
        assert_eq!(reference(day, 1_234_567), "OW-20261204-1234567");
    }
}
