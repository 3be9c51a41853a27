//! Analytics events, off unless the deploying site opts in: `<meta name="onewindow-analytics"
//! content='{"url": "/api/events", "queries": false}'>` on the app's page, or the embed's
//! `analytics` option. Events wait in memory and leave in batches (every [`BATCH`] events, and
//! when the page is hidden or left) with `navigator.sendBeacon`, falling back to fetch with
//! `keepalive`. What they may carry is decided by the engine's types
//! (`onewindow_engine::analytics::Event`): ids, counts and coarse fields, never answers.
//!
//! Journeys tell this module which page is open ([`page_open`]); when the page is left before
//! the application is sent (the tab closes, the citizen goes elsewhere in the app) that page
//! counts as abandoned, with the time spent on it bucketed.

use onewindow_engine::analytics::{
    bucket_duration, normalize_query, Channel, Event, EventBatch, ANALYTICS_FORMAT,
    MAX_BATCH_EVENTS,
};
use serde::Deserialize;
use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;

/// Events gathered before a batch is sent.
pub const BATCH: usize = 10;

/// What the deploying site allows.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    /// Where batches are posted.
    pub url: String,
    /// Whether the words of searches that found nothing may be sent (off by default).
    #[serde(default)]
    pub queries: bool,
}

impl Settings {
    /// Reads the settings' JSON; `None` when it is not valid (then nothing is sent: analytics
    /// are opt-in, and a site that gets the setting wrong has not opted in).
    pub fn from_json(json: &str) -> Option<Settings> {
        serde_json::from_str::<Settings>(json).ok().filter(|s| !s.url.trim().is_empty())
    }
}

/// A form page open on this page (a page may embed several forms).
struct Open {
    form: String,
    version: String,
    page: String,
    since_ms: f64,
}

thread_local! {
    static SETTINGS: RefCell<Option<(Settings, Channel)>> = const { RefCell::new(None) };
    static READ_META: Cell<bool> = const { Cell::new(false) };
    static QUEUE: RefCell<Vec<Event>> = const { RefCell::new(Vec::new()) };
    static OPEN: RefCell<BTreeMap<u32, Open>> = const { RefCell::new(BTreeMap::new()) };
    static NEXT: Cell<u32> = const { Cell::new(0) };
    static LISTENING: Cell<bool> = const { Cell::new(false) };
}

/// Turns analytics on for an embedded form or search (the embed's `analytics` option).
pub fn configure(settings: Settings, channel: Channel) {
    READ_META.with(|r| r.set(true));
    SETTINGS.with(|s| *s.borrow_mut() = Some((settings, channel)));
}

/// The settings in force: the embed's, else the app page's meta element (read once).
fn settings() -> Option<(Settings, Channel)> {
    if !READ_META.with(|r| r.replace(true)) {
        let meta = gloo_utils::document()
            .query_selector("meta[name=onewindow-analytics]")
            .ok()
            .flatten()
            .and_then(|m| m.get_attribute("content"))
            .and_then(|json| Settings::from_json(&json));
        SETTINGS.with(|s| *s.borrow_mut() = meta.map(|m| (m, Channel::Online)));
    }
    SETTINGS.with(|s| s.borrow().clone())
}

/// Whether the site has turned analytics on.
pub fn enabled() -> bool {
    settings().is_some()
}

fn now_ms() -> f64 {
    gloo_utils::window().performance().map(|p| p.now()).unwrap_or_else(js_sys::Date::now)
}

/// Queues `event` (nothing happens when analytics are off).
pub fn record(event: Event) {
    if !enabled() {
        return;
    }
    listen_for_leaving();
    let full = QUEUE.with(|q| {
        let mut q = q.borrow_mut();
        q.push(event);
        q.len() >= BATCH
    });
    if full {
        flush();
    }
}

/// A search found nothing: counted, with its words only when the site allows.
pub fn zero_result_search(query: &str) {
    let allowed = settings().is_some_and(|(s, _)| s.queries);
    record(Event::SearchNoResults { query: if allowed { normalize_query(query) } else { None } });
}

/// A number for one open journey (each form on a page has its own).
pub fn journey_id() -> u32 {
    NEXT.with(|n| n.replace(n.get().wrapping_add(1)))
}

/// Journey `id` now shows `page` of `form` (`None`: no question page, e.g. sent or on the
/// start page). The time on the page before is recorded, bucketed.
pub fn page_open(id: u32, place: Option<(&str, &str, &str)>) {
    if !enabled() {
        return;
    }
    let same = OPEN.with(|o| {
        o.borrow()
            .get(&id)
            .is_some_and(|b| place == Some((b.form.as_str(), b.version.as_str(), b.page.as_str())))
    });
    if same {
        return;
    }
    if let Some(before) = OPEN.with(|o| o.borrow_mut().remove(&id)) {
        record(time_on(&before));
    }
    if let Some((form, version, page)) = place {
        OPEN.with(|o| {
            o.borrow_mut().insert(
                id,
                Open {
                    form: form.into(),
                    version: version.into(),
                    page: page.into(),
                    since_ms: now_ms(),
                },
            )
        });
    }
}

fn time_on(open: &Open) -> Event {
    Event::PageTime {
        form: open.form.clone(),
        version: open.version.clone(),
        page: open.page.clone(),
        bucket: bucket_duration(now_ms() - open.since_ms),
    }
}

/// Journey `id` is gone (the citizen went elsewhere in the app): an open page is abandoned.
pub fn journey_left(id: u32) {
    let open = OPEN.with(|o| o.borrow_mut().remove(&id));
    if let Some(open) = open {
        abandon(&open);
        flush();
    }
}

fn abandon(open: &Open) {
    record(time_on(open));
    record(Event::PageAbandoned {
        form: open.form.clone(),
        version: open.version.clone(),
        page: open.page.clone(),
    });
}

/// Sends what is queued now, as one or more batches.
pub fn flush() {
    let Some((settings, channel)) = settings() else { return };
    let events: Vec<Event> = QUEUE.with(|q| std::mem::take(&mut *q.borrow_mut()));
    for chunk in events.chunks(MAX_BATCH_EVENTS) {
        let batch = EventBatch { format: ANALYTICS_FORMAT, channel, events: chunk.to_vec() };
        let Ok(body) = serde_json::to_string(&batch) else { continue };
        send(&settings.url, &body);
    }
}

/// A beacon survives the page closing; it posts the text as `text/plain`, which needs no CORS
/// preflight. Where beacons are refused (too large, unavailable), fetch with `keepalive`.
fn send(url: &str, body: &str) {
    let window = gloo_utils::window();
    if window.navigator().send_beacon_with_opt_str(url, Some(body)).unwrap_or(false) {
        return;
    }
    let init = web_sys::RequestInit::new();
    init.set_method("POST");
    init.set_body(&wasm_bindgen::JsValue::from_str(body));
    // `keepalive` is behind an unstable web-sys flag: set it as a plain property.
    let _ = js_sys::Reflect::set(&init, &"keepalive".into(), &true.into());
    let headers = web_sys::Headers::new().ok();
    if let Some(headers) = &headers {
        let _ = headers.set("content-type", "text/plain;charset=UTF-8");
        init.set_headers(headers);
    }
    let _ = window.fetch_with_str_and_init(url, &init);
}

/// On `pagehide` every open page is abandoned and everything is sent; when the page is only
/// hidden (another tab), what is queued is sent, in case the page is never shown again.
fn listen_for_leaving() {
    if LISTENING.with(|l| l.replace(true)) {
        return;
    }
    let hide = gloo_events::EventListener::new(&gloo_utils::window(), "pagehide", |_| {
        let open: Vec<Open> =
            OPEN.with(|o| std::mem::take(&mut *o.borrow_mut()).into_values().collect());
        for open in &open {
            abandon(open);
        }
        flush();
    });
    let hidden =
        gloo_events::EventListener::new(&gloo_utils::document(), "visibilitychange", |_| {
            if gloo_utils::document().visibility_state() == web_sys::VisibilityState::Hidden {
                flush();
            }
        });
    // Live as long as the page.
    hide.forget();
    hidden.forget();
}
