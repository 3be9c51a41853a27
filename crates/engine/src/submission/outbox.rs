//! Applications waiting on the device to be delivered.

use super::{retry_delay_ms, OutgoingRequest, Package};
use crate::form::definition::SubmissionSettings;
use crate::form::model::FormModel;
use serde::{Deserialize, Serialize};

/// An application waiting on the device to be delivered: kept until the backend has it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OutboxEntry {
    /// The package, exactly as first made (same key and checksum on every attempt).
    pub package: Package,
    /// The form's title when it was queued, for the list of waiting applications.
    pub title: String,
    /// Where and how to send it.
    pub settings: SubmissionSettings,
    /// The request, made once from the package and the settings.
    pub request: OutgoingRequest,
    /// Failed attempts so far.
    pub failures: u32,
    /// Not before this time (ms since the Unix epoch).
    pub next_attempt_ms: u64,
    /// Why the last attempt failed, if it did.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_error: Option<String>,
    /// Set when the backend refused it for good: no more automatic attempts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rejected: Option<String>,
}

impl OutboxEntry {
    /// A new entry for `package` of `model`, due at once.
    pub fn new(
        model: &FormModel,
        package: Package,
        title: String,
        settings: SubmissionSettings,
        now_ms: u64,
    ) -> Self {
        let request = model.request(&package, &settings);
        OutboxEntry {
            package,
            title,
            settings,
            request,
            failures: 0,
            next_attempt_ms: now_ms,
            last_error: None,
            rejected: None,
        }
    }

    /// Whether it should be attempted at `now_ms`.
    pub fn is_due(&self, now_ms: u64) -> bool {
        self.rejected.is_none() && self.next_attempt_ms <= now_ms
    }

    /// Records a failed attempt and schedules the next.
    pub fn failed(&mut self, why: String, retry_after_ms: Option<u64>, now_ms: u64, random: f64) {
        self.failures = self.failures.saturating_add(1);
        self.next_attempt_ms = now_ms.saturating_add(retry_delay_ms(
            &self.settings,
            self.failures,
            random,
            retry_after_ms,
        ));
        self.last_error = Some(why);
    }

    /// A short receipt the citizen can quote before the backend's reference exists.
    pub fn receipt(&self) -> String {
        local_receipt(&self.package.idempotency_key)
    }
}

/// The first 8 characters of the idempotency key, upper case: what a citizen can read out.
pub fn local_receipt(key: &str) -> String {
    key.chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .take(8)
        .collect::<String>()
        .to_ascii_uppercase()
}
