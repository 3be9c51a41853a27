//! Delivers queued applications: one attempt at a time per application, the same request (and
//! idempotency key) every time, backing off as the engine says, and flushing the outbox when
//! the app opens, when the browser comes back online and when a retry falls due.

use super::clock::now_ms;
use super::store;
use gloo_timers::callback::Timeout;
use onewindow_engine::{classify_reply, Delivery, OutboxEntry, RequestBody};
use std::cell::{Cell, RefCell};
use std::rc::Rc;

/// What happened to a queued application, for whoever shows it.
#[derive(Clone, Debug, PartialEq)]
pub enum News {
    /// The backend has it.
    Delivered {
        /// The application's idempotency key.
        key: String,
        /// The backend's reference, or the local receipt when its reply had none.
        reference: String,
    },
    /// The backend refused it for good; it stays on the device.
    Rejected {
        /// The application's idempotency key.
        key: String,
        /// Why.
        message: String,
    },
    /// The applications still waiting, after a flush.
    Waiting(Vec<OutboxEntry>),
}

/// A listener and the id that removes it.
type Listener = (u32, Rc<dyn Fn(News)>);

thread_local! {
    static LISTENERS: RefCell<Vec<Listener>> = const { RefCell::new(Vec::new()) };
    static NEXT_LISTENER: Cell<u32> = const { Cell::new(0) };
    static STARTED: Cell<bool> = const { Cell::new(false) };
    static FLUSHING: Cell<bool> = const { Cell::new(false) };
    static AGAIN: Cell<bool> = const { Cell::new(false) };
    /// The timer for the next retry (dropping it clears it).
    static TIMER: RefCell<Option<Timeout>> = const { RefCell::new(None) };
    static FORCE: Cell<bool> = const { Cell::new(false) };
}

/// "Try sending now": every waiting application is attempted at once, whatever its backoff.
pub fn flush_now() {
    FORCE.with(|f| f.set(true));
    flush_soon();
}

/// Adds a listener for news of deliveries: each open form (a page may embed several) hears
/// everything and picks out its own application. It stops hearing when the returned value is
/// dropped.
#[must_use = "the listener stops when this is dropped"]
pub fn listen(listener: impl Fn(News) + 'static) -> Listening {
    let id = NEXT_LISTENER.with(|n| n.replace(n.get().wrapping_add(1)));
    LISTENERS.with(|l| l.borrow_mut().push((id, Rc::new(listener))));
    Listening(id)
}

/// A listener added by [`listen`]; dropping it removes the listener.
pub struct Listening(u32);

impl Drop for Listening {
    fn drop(&mut self) {
        LISTENERS.with(|l| l.borrow_mut().retain(|(id, _)| *id != self.0));
    }
}

fn tell(news: News) {
    // Copied out first: a listener may add or remove listeners.
    let listeners: Vec<Rc<dyn Fn(News)>> =
        LISTENERS.with(|l| l.borrow().iter().map(|(_, f)| f.clone()).collect());
    for listener in listeners {
        listener(news.clone());
    }
}

/// Starts the courier for this page (once, however many forms it shows): a flush now and
/// whenever the browser comes back online. Ratings kept on the device are sent by the code
/// that rates (`ratings::start`: the portal, and the extras module a form page loads when
/// ratings wait), so the form bundle carries none of it.
pub fn start() {
    if !STARTED.with(|s| s.replace(true)) {
        let online =
            gloo_events::EventListener::new(&gloo_utils::window(), "online", |_| flush_soon());
        // Lives as long as the page.
        online.forget();
    }
    flush_soon();
}

/// Flushes the outbox in the background (a flush under way runs once more after it).
pub fn flush_soon() {
    if FLUSHING.with(Cell::get) {
        AGAIN.with(|a| a.set(true));
        return;
    }
    FLUSHING.with(|f| f.set(true));
    wasm_bindgen_futures::spawn_local(async {
        loop {
            AGAIN.with(|a| a.set(false));
            flush().await;
            if !AGAIN.with(Cell::get) {
                break;
            }
        }
        FLUSHING.with(|f| f.set(false));
    });
}

async fn flush() {
    let now = now_ms();
    let force = FORCE.with(Cell::take);
    for entry in store::outbox().await {
        if entry.is_due(now) || (force && entry.rejected.is_none()) {
            try_once(entry).await;
        }
    }
    let waiting = store::outbox().await;
    schedule(waiting.iter().filter(|e| e.rejected.is_none()).map(|e| e.next_attempt_ms).min());
    tell(News::Waiting(waiting));
}

/// Sets the one timer for the next retry that falls due.
fn schedule(at_ms: Option<u64>) {
    // The timer before, if any, is cleared as it is dropped.
    let timer = at_ms.map(|at_ms| {
        let wait = at_ms.saturating_sub(now_ms()).min(i32::MAX as u64) as u32;
        Timeout::new(wait, flush_soon)
    });
    TIMER.with(|t| *t.borrow_mut() = timer);
}

/// One attempt for `entry`, with the outcome recorded in the outbox: delivered entries leave
/// it, failed ones wait their turn, rejected ones stay flagged. Returns what the reply meant
/// (`Retry` also for a network failure or timeout).
pub async fn try_once(mut entry: OutboxEntry) -> Delivery {
    let key = entry.package.idempotency_key.clone();
    let delivery = match attempt(&entry).await {
        Ok((status, retry_after, body)) => {
            classify_reply(&entry.settings, status, retry_after.as_deref(), &body, now_ms())
        }
        Err(_) => Delivery::Retry { after_ms: None },
    };
    match &delivery {
        Delivery::Delivered { reference } => {
            store::delivered(&key).await;
            let reference = reference.clone().unwrap_or_else(|| entry.receipt());
            tell(News::Delivered { key, reference });
        }
        Delivery::Retry { after_ms } => {
            entry.failed("not delivered yet".into(), *after_ms, now_ms(), js_sys::Math::random());
            let _ = store::update(&entry).await;
        }
        Delivery::Refused { .. } => {
            // Answers the backend refuses cannot be fixed in the queue; the open form shows
            // them on their pages and the citizen sends again (a new package, same key).
            store::delivered(&key).await;
        }
        Delivery::Rejected { message } => {
            entry.rejected = Some(message.clone());
            let _ = store::update(&entry).await;
            tell(News::Rejected { key, message: message.clone() });
        }
    }
    delivery
}

/// Sends the entry's request once: the status, the `Retry-After` header and the body, or an
/// error when no reply came (offline, refused connection, timeout).
async fn attempt(entry: &OutboxEntry) -> Result<(u16, Option<String>, String), String> {
    use gloo_net::http::{Method, RequestBuilder};
    let request = &entry.request;
    let method = if request.method == "PUT" { Method::PUT } else { Method::POST };
    let signal = web_sys::AbortSignal::timeout_with_u32(entry.settings.timeout_ms);
    let mut builder = RequestBuilder::new(&request.url).method(method).abort_signal(Some(&signal));
    for (name, value) in &request.headers {
        builder = builder.header(name, value);
    }
    let sent = match &request.body {
        RequestBody::Json { text } | RequestBody::Urlencoded { text } => {
            builder.body(text.as_str())
        }
        RequestBody::Multipart { fields, files } => {
            let form = web_sys::FormData::new().map_err(|_| "FormData unavailable".to_string())?;
            for (name, value) in fields {
                let _ = form.append_with_str(name, value);
            }
            for file in files {
                if let Some(blob) =
                    store::queued_file(&entry.package.idempotency_key, &file.sha256).await
                {
                    let _ = form.append_with_blob_and_filename(&file.name, &blob, &file.filename);
                }
            }
            builder.body(form)
        }
    }
    .map_err(|e| e.to_string())?;
    let response = sent.send().await.map_err(|e| e.to_string())?;
    let retry_after = response.headers().get("retry-after");
    let body = response.text().await.unwrap_or_default();
    Ok((response.status(), retry_after, body))
}
