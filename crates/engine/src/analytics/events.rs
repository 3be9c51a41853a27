//! Analytics events: counts and coarse fields only, and the check of a batch.

use super::limits::{ANALYTICS_FORMAT, MAX_BATCH_EVENTS, MAX_QUERY_CHARS};
use super::problem::{check_id, problem, Problem};
use super::rating::Channel;
use crate::diagnostic::quoted;
use serde::{Deserialize, Serialize};

/// How long someone spent on a page, coarsely: the only form in which time leaves the device.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum DurationBucket {
    /// Under 10 seconds.
    #[serde(rename = "0-10s")]
    UpTo10s,
    /// 10 to 30 seconds.
    #[serde(rename = "10-30s")]
    UpTo30s,
    /// 30 seconds to a minute.
    #[serde(rename = "30s-1m")]
    UpTo1m,
    /// 1 to 3 minutes.
    #[serde(rename = "1-3m")]
    UpTo3m,
    /// 3 to 10 minutes.
    #[serde(rename = "3-10m")]
    UpTo10m,
    /// 10 minutes or more.
    #[serde(rename = "10m+")]
    Longer,
}

impl DurationBucket {
    /// Every bucket, shortest first.
    pub const ALL: [DurationBucket; 6] = [
        DurationBucket::UpTo10s,
        DurationBucket::UpTo30s,
        DurationBucket::UpTo1m,
        DurationBucket::UpTo3m,
        DurationBucket::UpTo10m,
        DurationBucket::Longer,
    ];

    /// The bucket's name as in JSON (`0-10s`, …, `10m+`).
    pub fn label(self) -> &'static str {
        match self {
            DurationBucket::UpTo10s => "0-10s",
            DurationBucket::UpTo30s => "10-30s",
            DurationBucket::UpTo1m => "30s-1m",
            DurationBucket::UpTo3m => "1-3m",
            DurationBucket::UpTo10m => "3-10m",
            DurationBucket::Longer => "10m+",
        }
    }
}

/// The bucket of a duration in milliseconds (negative or not a number counts as 0: clocks
/// jump; it never panics).
pub fn bucket_duration(ms: f64) -> DurationBucket {
    let secs = if ms.is_finite() && ms > 0.0 { ms / 1000.0 } else { 0.0 };
    match secs {
        s if s < 10.0 => DurationBucket::UpTo10s,
        s if s < 30.0 => DurationBucket::UpTo30s,
        s if s < 60.0 => DurationBucket::UpTo1m,
        s if s < 180.0 => DurationBucket::UpTo3m,
        s if s < 600.0 => DurationBucket::UpTo10m,
        _ => DurationBucket::Longer,
    }
}

/// What happened to an application when the citizen pressed Send.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// The backend received it.
    Submitted,
    /// It is kept on the device until the backend can be reached.
    Queued,
    /// The backend refused answers (shown on their pages) or the application for good.
    Refused,
}

impl Outcome {
    /// The name as in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Submitted => "submitted",
            Outcome::Queued => "queued",
            Outcome::Refused => "refused",
        }
    }
}

/// A batch of analytics events from one page, sent when enough gather or the page is hidden.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct EventBatch {
    /// Must equal [`ANALYTICS_FORMAT`].
    pub format: u32,
    /// Where the events happened (`online`: the app's pages; `embedded`: another site's page).
    pub channel: Channel,
    /// At most [`MAX_BATCH_EVENTS`].
    pub events: Vec<Event>,
}

/// One analytics event: only ids from published definitions, counts and coarse fields.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum Event {
    /// A submitted search found no service. The words searched for only when the deploying
    /// site enables it (`queries: true`).
    SearchNoResults {
        /// What was searched for, at most [`MAX_QUERY_CHARS`] characters, or absent.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        query: Option<String>,
    },
    /// A form's journey started (or a draft was resumed).
    JourneyStarted {
        /// The form's id.
        form: String,
        /// The definition's version.
        version: String,
    },
    /// A page of a form was shown (`check-answers`, `outcome:<id>` and `confirmation` too).
    PageReached {
        /// The form's id.
        form: String,
        /// The definition's version.
        version: String,
        /// The page's id.
        page: String,
    },
    /// The citizen left the form (closed or hid the page, or went elsewhere in the app) on this
    /// page, before sending.
    PageAbandoned {
        /// The form's id.
        form: String,
        /// The definition's version.
        version: String,
        /// The page's id.
        page: String,
    },
    /// "Continue" found this error: which question and which check, never the answer.
    ValidationError {
        /// The form's id.
        form: String,
        /// The definition's version.
        version: String,
        /// The page's id.
        page: String,
        /// The question's id.
        field: String,
        /// The check (`required`, `pattern`, a rule's id…).
        rule: String,
    },
    /// What became of an application on Send.
    Submission {
        /// The form's id.
        form: String,
        /// The definition's version.
        version: String,
        /// What happened.
        outcome: Outcome,
    },
    /// How long the citizen stayed on a page, bucketed.
    PageTime {
        /// The form's id.
        form: String,
        /// The definition's version.
        version: String,
        /// The page's id.
        page: String,
        /// How long, coarsely.
        bucket: DurationBucket,
    },
}

impl Event {
    /// The event's type as in JSON.
    pub fn kind(&self) -> &'static str {
        match self {
            Event::SearchNoResults { .. } => "search_no_results",
            Event::JourneyStarted { .. } => "journey_started",
            Event::PageReached { .. } => "page_reached",
            Event::PageAbandoned { .. } => "page_abandoned",
            Event::ValidationError { .. } => "validation_error",
            Event::Submission { .. } => "submission",
            Event::PageTime { .. } => "page_time",
        }
    }

    /// The form, version and page it is about (empty for a search).
    pub fn place(&self) -> (&str, &str, &str) {
        match self {
            Event::SearchNoResults { .. } => ("", "", ""),
            Event::JourneyStarted { form, version } | Event::Submission { form, version, .. } => {
                (form, version, "")
            }
            Event::PageReached { form, version, page }
            | Event::PageAbandoned { form, version, page }
            | Event::ValidationError { form, version, page, .. }
            | Event::PageTime { form, version, page, .. } => (form, version, page),
        }
    }
}

/// A search query as it may leave the device: trimmed, lower-cased, whitespace collapsed,
/// at most [`MAX_QUERY_CHARS`] characters; `None` when empty.
pub fn normalize_query(query: &str) -> Option<String> {
    let words: Vec<&str> = query.split_whitespace().collect();
    let text: String = words.join(" ").to_lowercase().chars().take(MAX_QUERY_CHARS).collect();
    (!text.is_empty()).then_some(text)
}

/// Every problem with `batch`, each with its JSON pointer; empty when it is acceptable.
pub fn check_events(batch: &EventBatch) -> Vec<Problem> {
    let mut out = Vec::new();
    if batch.format != ANALYTICS_FORMAT {
        out.push(problem("/format", "format", format!("must be {ANALYTICS_FORMAT}")));
    }
    if batch.events.len() > MAX_BATCH_EVENTS {
        out.push(problem(
            "/events",
            "too_many",
            format!("at most {MAX_BATCH_EVENTS} events in a batch"),
        ));
    }
    for (i, event) in batch.events.iter().enumerate() {
        let at = |name: &str| format!("/events/{i}/{name}");
        if let Event::SearchNoResults { query } = event {
            let Some(query) = query else { continue };
            if query.trim().is_empty() {
                out.push(problem(
                    at("query"),
                    "required",
                    "leave the query out rather than send it empty",
                ));
            } else if query.chars().count() > MAX_QUERY_CHARS {
                out.push(problem(
                    at("query"),
                    "too_long",
                    format!("must be at most {MAX_QUERY_CHARS} characters"),
                ));
            }
            continue;
        }
        let (form, version, page) = event.place();
        check_id(&mut out, &at("form"), form);
        check_id(&mut out, &at("version"), version);
        if !matches!(event, Event::JourneyStarted { .. } | Event::Submission { .. }) {
            check_id(&mut out, &at("page"), page);
        }
        if let Event::ValidationError { field, rule, .. } = event {
            check_id(&mut out, &at("field"), field);
            check_id(&mut out, &at("rule"), rule);
        }
    }
    out
}

/// What in `batch` no published form has: a form that is not published (`published` returns
/// `None`), another version than the published one, a page, outcome or question the form does
/// not have. A receiver refuses such a batch, so that what it counts stays bounded by what it
/// publishes: made-up ids would each add count rows (one test created 5,000 fake funnels).
pub fn unknown_in_events<'a>(
    batch: &EventBatch,
    published: impl Fn(&str) -> Option<&'a crate::form::model::FormModel>,
) -> Vec<Problem> {
    let mut out = Vec::new();
    for (i, event) in batch.events.iter().enumerate() {
        if let Event::SearchNoResults { .. } = event {
            continue;
        }
        let at = |name: &str| format!("/events/{i}/{name}");
        let (form, version, page) = event.place();
        let Some(model) = published(form) else {
            out.push(problem(
                at("form"),
                "unknown",
                format!("no published form has the id {}", quoted(form)),
            ));
            continue;
        };
        let definition = model.form();
        if version != definition.version {
            out.push(problem(
                at("version"),
                "unknown",
                format!(
                    "the published version of {} is {}",
                    quoted(form),
                    quoted(&definition.version)
                ),
            ));
            continue;
        }
        let known_page = match page.strip_prefix("outcome:") {
            _ if page.is_empty() => true,
            Some(outcome) => definition.outcomes.iter().any(|o| o.id == outcome),
            None => {
                matches!(page, "check-answers" | "confirmation") || model.page_index(page).is_some()
            }
        };
        if !known_page {
            out.push(problem(
                at("page"),
                "unknown",
                format!("{} has no page {}", quoted(form), quoted(page)),
            ));
        }
        if let Event::ValidationError { field, .. } = event {
            if model.field(field).is_none() {
                out.push(problem(
                    at("field"),
                    "unknown",
                    format!("{} has no question {}", quoted(form), quoted(field)),
                ));
            }
        }
    }
    out
}
