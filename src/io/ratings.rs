//! Sending ratings (好差评) to the receiver, never losing one: a rating that cannot be sent now
//! (offline, the service unreachable or failing) waits in local storage
//! (`onewindow:ratings-outbox`; in this tab's memory on a shared computer: `device`) and is sent again when the app opens a form and when the
//! browser comes back online. The cases rated on this device are remembered
//! (`onewindow:rated`) so the form is not offered again for them.

use super::device;
use onewindow_engine::analytics::{Problem, Rating};
use onewindow_engine::is_transient;
use std::cell::Cell;

/// Where ratings go: the receiver serving the app.
pub const URL: &str = "api/ratings";
const OUTBOX: &str = "onewindow:ratings-outbox";
const RATED: &str = "onewindow:rated";

/// What became of a rating.
#[derive(Clone, Debug, PartialEq)]
pub enum Sent {
    /// The receiver has it.
    Delivered,
    /// The receiver already has a rating of this case (409).
    AlreadyRated,
    /// Kept on the device, to be sent later.
    Saved,
    /// The receiver refused it (422): these problems.
    Refused(Vec<Problem>),
}

thread_local! {
    static STARTED: Cell<bool> = const { Cell::new(false) };
}

/// Whether this device rated the case.
pub fn is_rated(case: &str) -> bool {
    device::get::<Vec<String>>(RATED).unwrap_or_default().iter().any(|c| c == case)
}

fn mark_rated(case: &str) {
    let mut rated: Vec<String> = device::get(RATED).unwrap_or_default();
    if !rated.iter().any(|c| c == case) {
        rated.push(case.to_string());
        // Bounded: the 200 latest.
        let excess = rated.len().saturating_sub(200);
        rated.drain(..excess);
        device::set(RATED, &rated);
    }
}

/// Forgets that this device rated `case`, and drops a rating of it still waiting to be sent
/// (the citizen asked to remove everything about the application).
pub fn forget_case(case: &str) {
    let mut rated: Vec<String> = device::get(RATED).unwrap_or_default();
    rated.retain(|c| c != case);
    if rated.is_empty() {
        device::delete(RATED);
    } else {
        device::set(RATED, &rated);
    }
    let mut waiting = outbox();
    waiting.retain(|r| r.case_reference.as_deref() != Some(case));
    save_outbox(&waiting);
}

/// Whether ratings wait on this device, read without reading them (the form page asks, and
/// loads the module that sends them only then).
pub fn waiting() -> bool {
    device::raw(OUTBOX).is_some_and(|text| !text.trim().is_empty() && text.trim() != "[]")
}

fn outbox() -> Vec<Rating> {
    device::get(OUTBOX).unwrap_or_default()
}

fn save_outbox(ratings: &[Rating]) {
    if ratings.is_empty() {
        device::delete(OUTBOX);
    } else {
        device::set(OUTBOX, &ratings);
    }
}

/// One attempt: `None` when it should be tried again later (no reply, or the service failed).
async fn attempt(rating: &Rating) -> Option<Sent> {
    let (status, reply) = super::fetch::post_json(URL, rating).await.ok()?;
    match status {
        200..=299 => Some(Sent::Delivered),
        409 => Some(Sent::AlreadyRated),
        422 => Some(Sent::Refused(
            serde_json::from_value(reply["problems"].clone()).unwrap_or_default(),
        )),
        _ if is_transient(status) => None,
        _ => Some(Sent::Refused(Vec::new())),
    }
}

/// Sends `rating`, or keeps it on the device when it cannot be sent now.
pub async fn send(rating: Rating) -> Sent {
    let sent = match attempt(&rating).await {
        Some(sent) => sent,
        None => {
            let mut waiting = outbox();
            if !waiting.iter().any(|r| r.id == rating.id) {
                waiting.push(rating.clone());
            }
            save_outbox(&waiting);
            start();
            Sent::Saved
        }
    };
    if !matches!(sent, Sent::Refused(_)) {
        if let Some(case) = &rating.case_reference {
            mark_rated(case);
        }
    }
    sent
}

/// Sends the waiting ratings again; those that got an answer (even a refusal, which waiting
/// cannot fix) leave the outbox.
pub async fn flush() {
    let waiting = outbox();
    if waiting.is_empty() {
        return;
    }
    let mut answered: Vec<String> = Vec::new();
    for rating in waiting {
        if attempt(&rating).await.is_some() {
            answered.push(rating.id);
        }
    }
    // Read again: ratings added while this ran stay.
    let mut now = outbox();
    now.retain(|r| !answered.contains(&r.id));
    save_outbox(&now);
}

/// Flushes now and whenever the browser comes back online (once per page).
pub fn start() {
    if !STARTED.with(|s| s.replace(true)) {
        let online = gloo_events::EventListener::new(&gloo_utils::window(), "online", |_| {
            wasm_bindgen_futures::spawn_local(flush())
        });
        online.forget();
    }
    wasm_bindgen_futures::spawn_local(flush());
}
