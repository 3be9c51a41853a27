//! Drafts in local storage: written at once on arriving at a page, and when typing pauses
//! for answers changed on a page.

use gloo_timers::callback::Timeout;

/// A saved draft: the answers and where the citizen was. Kept in the browser's local storage
/// only; nothing leaves the device until the citizen submits.
#[derive(serde::Serialize, serde::Deserialize, Clone, Debug, PartialEq)]
pub struct Draft {
    /// Answers as typed.
    pub answers: onewindow_engine::Answers,
    /// The page token (`page=` in the URL).
    pub page: String,
    /// The application's idempotency key once a send was tried, so a retry after a reload is
    /// recognised by the receiver as the same application.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    /// When it was last written (ms since the epoch): a draft older than the form's
    /// `keep_on_device_days` is deleted rather than offered. Drafts from before this was kept
    /// have none and are stamped when next written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub saved_ms: Option<u64>,
}

fn draft_key(form: &str, version: &str) -> String {
    format!("onewindow:draft:{form}:{version}")
}

/// The saved draft of `form` at `version`, if any and not older than `keep_days` (one still
/// waiting to be written is written first; an older one is deleted).
pub fn load_draft(form: &str, version: &str, keep_days: u32) -> Option<Draft> {
    let key = draft_key(form, version);
    if let Some(waiting) = take_pending(&key) {
        write_draft(&key, &waiting.draft);
    }
    let draft: Draft = super::device::get(&key)?;
    if draft.saved_ms.is_some_and(|saved| expired(saved, keep_days)) {
        super::device::delete(&key);
        return None;
    }
    Some(draft)
}

/// Whether something saved at `saved_ms` is older than `keep_days` now.
pub(crate) fn expired(saved_ms: u64, keep_days: u32) -> bool {
    super::clock::now_ms().saturating_sub(saved_ms) > u64::from(keep_days) * 86_400_000
}

/// Saves the draft now (on the device, or in this tab on a shared computer: `device`). A draft
/// of the same form waiting to be written ([`save_draft_soon`]) is superseded.
pub fn save_draft(form: &str, version: &str, draft: &Draft) {
    let key = draft_key(form, version);
    take_pending(&key);
    write_draft(&key, draft);
}

fn write_draft(key: &str, draft: &Draft) {
    let stamped = Draft { saved_ms: Some(super::clock::now_ms()), ..draft.clone() };
    super::device::set(key, &stamped);
}

/// A draft is written this long after the last change (typing paused)…
const DRAFT_QUIET_MS: f64 = 500.0;
/// …and at the latest this long after the first change not yet written (typing goes on).
const DRAFT_MAX_WAIT_MS: f64 = 2000.0;

/// A draft waiting to be written, with when its first and last unwritten changes came.
struct PendingDraft {
    draft: Draft,
    first: f64,
    last: f64,
}

thread_local! {
    /// Drafts waiting to be written, with their storage keys (one, unless a page embeds several forms).
    static PENDING: std::cell::RefCell<Vec<(String, PendingDraft)>> = const { std::cell::RefCell::new(Vec::new()) };
    /// The timer that writes them, while one is set (dropping it clears it).
    static DRAFT_TIMER: std::cell::RefCell<Option<Timeout>> = const { std::cell::RefCell::new(None) };
    static DRAFT_LISTENING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Saves the draft a little later, not in the frame of the keystroke that changed it: local
/// storage writes synchronously on the main thread (serialising the draft and `setItem` were
/// a fifth to a quarter of a keystroke's time in wasm on the 1,000-field benchmark form, 0.3 to
/// 0.6 ms under the profiler). It is written once changes pause for [`DRAFT_QUIET_MS`] and at
/// least every [`DRAFT_MAX_WAIT_MS`] while they go on, and at once when the page is hidden or
/// left (`visibilitychange`, `pagehide`: closing the tab, reloading, following a link,
/// switching apps on a phone), when the same form's draft is read or cleared, or saved with
/// [`save_draft`]. What could be lost is what was typed in the last two seconds before the
/// browser itself crashed.
pub fn save_draft_soon(form: &str, version: &str, draft: Draft) {
    let now = js_sys::Date::now();
    let key = draft_key(form, version);
    PENDING.with(|p| {
        let mut pending = p.borrow_mut();
        match pending.iter_mut().find(|(k, _)| *k == key) {
            Some((_, waiting)) => {
                waiting.draft = draft;
                waiting.last = now;
            }
            None => pending.push((key, PendingDraft { draft, first: now, last: now })),
        }
    });
    flush_drafts_on_leaving();
    if DRAFT_TIMER.with(|t| t.borrow().is_none()) {
        set_draft_timer(DRAFT_QUIET_MS);
    }
}

/// Writes every draft waiting to be written.
pub fn flush_drafts() {
    drop(DRAFT_TIMER.with(|t| t.borrow_mut().take()));
    let waiting = PENDING.with(|p| std::mem::take(&mut *p.borrow_mut()));
    for (key, waiting) in waiting {
        write_draft(&key, &waiting.draft);
    }
}

/// Takes the draft waiting to be written under `key`, if any.
fn take_pending(key: &str) -> Option<PendingDraft> {
    PENDING.with(|p| {
        let mut pending = p.borrow_mut();
        let at = pending.iter().position(|(k, _)| k == key)?;
        Some(pending.swap_remove(at).1)
    })
}

/// Sets the one timer. It is set only while none is (at most a few times a second while the
/// citizen types), so its closure is made rarely.
fn set_draft_timer(wait_ms: f64) {
    let timer = Timeout::new(wait_ms.ceil() as u32, write_due_drafts);
    DRAFT_TIMER.with(|t| *t.borrow_mut() = Some(timer));
}

/// The timer's work: writes the drafts that are due and sets the timer again for the others.
fn write_due_drafts() {
    // The timer that fired: dropping it while its closure runs is safe (wasm-bindgen frees the
    // closure once the call returns).
    drop(DRAFT_TIMER.with(|t| t.borrow_mut().take()));
    let now = js_sys::Date::now();
    let due_at = |w: &PendingDraft| (w.last + DRAFT_QUIET_MS).min(w.first + DRAFT_MAX_WAIT_MS);
    let mut next = f64::INFINITY;
    for (key, waiting) in PENDING.with(|p| std::mem::take(&mut *p.borrow_mut())) {
        if due_at(&waiting) <= now + 1.0 {
            write_draft(&key, &waiting.draft);
        } else {
            next = next.min(due_at(&waiting));
            PENDING.with(|p| p.borrow_mut().push((key, waiting)));
        }
    }
    if next.is_finite() {
        set_draft_timer((next - now).max(1.0));
    }
}

/// Writes the waiting drafts when the page is hidden or left (once per page).
fn flush_drafts_on_leaving() {
    if DRAFT_LISTENING.with(|l| l.replace(true)) {
        return;
    }
    let hide =
        gloo_events::EventListener::new(&gloo_utils::window(), "pagehide", |_| flush_drafts());
    let hidden =
        gloo_events::EventListener::new(&gloo_utils::document(), "visibilitychange", |_| {
            if gloo_utils::document().visibility_state() == web_sys::VisibilityState::Hidden {
                flush_drafts();
            }
        });
    // Live as long as the page.
    hide.forget();
    hidden.forget();
}

/// Removes everything stored for `form` on this device: the draft (one waiting to be written
/// too) and the files' contents.
pub fn clear_draft(form: &str, version: &str) {
    let key = draft_key(form, version);
    take_pending(&key);
    super::device::delete(&key);
    super::store::forget_files(form);
}
