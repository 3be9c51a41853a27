//! What crosses the storage trait: the operations every backend offers, what they take and
//! give back, and the clock they stamp with.

use onewindow_engine::analytics::Rating;
use onewindow_engine::formats::Date;
use onewindow_engine::Package;
use serde::Serialize;
use std::collections::BTreeMap;
use std::future::Future;

/// A file received with a package, its SHA-256 already checked and its content already in the
/// file store (`objects.rs`): the database keeps what it is, not its bytes.
pub(crate) struct NewFile {
    pub sha256: String,
    pub name: String,
    pub media_type: String,
    pub size: u64,
}

/// Most count rows one form (or search) gets in a day; events that would add more are not
/// counted. With several instances the bound may be passed by the batches in flight at once.
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

/// One line of the staff listing (its schema in the OpenAPI document too).
#[derive(Serialize, utoipa::ToSchema)]
#[schema(as = SubmissionLine)]
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

/// A stored file's description.
pub(crate) struct File {
    pub name: String,
    pub media_type: String,
    /// The bytes, for files a receiver before the file store kept in SQLite; `None` when they
    /// are in the file store.
    pub content: Option<Vec<u8>>,
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

/// A rating as both backends write its columns: the indicators in the tables' order, the
/// reasons comma-separated, a blank comment none.
pub(crate) struct RatingColumns<'a> {
    pub indicators: [Option<i64>; 4],
    pub reasons: String,
    pub comment: Option<&'a str>,
}

impl<'a> RatingColumns<'a> {
    pub fn of(rating: &'a Rating) -> Self {
        let i = &rating.indicators;
        RatingColumns {
            indicators: [i.efficiency, i.guide_accuracy, i.convenience, i.usability]
                .map(|value| value.map(i64::from)),
            reasons: rating.reasons.iter().map(|r| r.code()).collect::<Vec<_>>().join(","),
            comment: rating.comment.as_deref().map(str::trim).filter(|c| !c.is_empty()),
        }
    }
}

/// The indicators read back from their columns (in [`RatingColumns`]' order), the unset left out.
pub(crate) fn indicators_from(values: [Option<i64>; 4]) -> BTreeMap<String, i64> {
    ["efficiency", "guide_accuracy", "convenience", "usability"]
        .into_iter()
        .zip(values)
        .filter_map(|(name, value)| Some((name.to_string(), value?)))
        .collect()
}

/// The reasons read back from their comma-separated column.
pub(crate) fn reasons_from(column: &str) -> Vec<String> {
    column.split(',').filter(|r| !r.is_empty()).map(str::to_string).collect()
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
    pub indicators: BTreeMap<String, i64>,
    pub reasons: Vec<String>,
    pub comment: Option<String>,
    pub locale: String,
    pub created: String,
    pub received_at: String,
    pub followed_up_at: Option<String>,
}

/// The key of one count row: day, channel, type, form, version, page, field, rule, detail.
pub(crate) type CountKey = [String; 9];

/// What every backend keeps, and how. Each operation is one transaction; none blocks the
/// async threads.
pub(crate) trait Storage: Send + Sync {
    /// Stores the package and its files under its idempotency key once. A repeat of the same
    /// content gets the first reference and stores nothing; the same key with other content is
    /// refused, so that new answers are never dropped in silence. Keys are compared in lower
    /// case (a UUID's hex digits may come in either).
    fn store(
        &self,
        package: Package,
        files: Vec<NewFile>,
    ) -> impl Future<Output = Result<Stored, String>> + Send;
    /// Keeps a staff session (the hash of its id) for `seconds`, and forgets ended ones.
    fn start_session(
        &self,
        key: String,
        seconds: u64,
    ) -> impl Future<Output = Result<(), String>> + Send;
    /// Whether the session with this key is signed in and not ended.
    fn session_valid(&self, key: String) -> impl Future<Output = Result<bool, String>> + Send;
    /// Signs the session with this key out.
    fn end_session(&self, key: String) -> impl Future<Output = Result<(), String>> + Send;
    /// Submissions newest first, of one form or all; and how many there are in all.
    fn list(
        &self,
        form: Option<String>,
        limit: i64,
        offset: i64,
    ) -> impl Future<Output = Result<(Vec<Summary>, i64), String>> + Send;
    /// The stored package JSON of a reference.
    fn package(
        &self,
        reference: String,
    ) -> impl Future<Output = Result<Option<String>, String>> + Send;
    /// A stored file of a reference, by its SHA-256 (lower case); `Ok(None)` when either is
    /// unknown.
    fn file(
        &self,
        reference: String,
        sha256: String,
    ) -> impl Future<Output = Result<Option<File>, String>> + Send;
    /// Every submission of a form, oldest first.
    fn rows(&self, form: String) -> impl Future<Output = Result<Vec<Row>, String>> + Send;
    /// Stores a checked rating, once per id and once per case; a case's rating must carry the
    /// token given with its reference.
    fn store_rating(
        &self,
        rating: Rating,
    ) -> impl Future<Output = Result<RatingStored, String>> + Send;
    /// Every rating, oldest first.
    fn ratings(&self) -> impl Future<Output = Result<Vec<RatingRow>, String>> + Send;
    /// Marks a rating followed up (now); false when there is no such rating.
    fn follow_up(&self, id: String) -> impl Future<Output = Result<bool, String>> + Send;
    /// Adds a tallied batch of events to the day's counts: only counts are kept, never a row
    /// per event, so nothing links one journey's events together. A new row is added only
    /// while its form (or search, form "") has fewer than [`MAX_COUNT_ROWS_PER_FORM_DAY`].
    fn count_events(
        &self,
        tally: BTreeMap<CountKey, i64>,
    ) -> impl Future<Output = Result<(), String>> + Send;
    /// The event counts summed over days and channels.
    fn counts(&self) -> impl Future<Output = Result<Vec<Count>, String>> + Send;
}

/// The reference of the `number`th submission received on `day`: `OW-20261127-000042`.
pub(crate) fn reference(day: Date, number: i64) -> String {
    format!("OW-{:04}{:02}{:02}-{number:06}", day.year, day.month, day.day)
}

/// Today (UTC) and now as RFC 3339 (`2026-11-27T10:00:00Z`), from the system clock.
pub(crate) fn now() -> (Date, String) {
    let secs = unix_now().max(0);
    let day = Date::from_days_since_epoch(secs / 86_400);
    let time = secs % 86_400;
    let stamp = format!("{day}T{:02}:{:02}:{:02}Z", time / 3600, time / 60 % 60, time % 60);
    (day, stamp)
}

/// Seconds since the Unix epoch, from the system clock.
pub(crate) fn unix_now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}

/// Today's date (UTC) from the system clock.
pub(crate) fn today() -> Date {
    now().0
}
