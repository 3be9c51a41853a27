//! Everything the app does outside its own state: nothing else in `src/` fetches, reads the
//! URL, the clock or the document, or stores anything.

/// Analytics events, off unless the site opts in; batched and sent with `sendBeacon`.
pub mod analytics;
/// Modules loaded on demand (the rating form and suggestions after an application is sent).
pub mod bundles;
/// The device's clock and random source: today, now, new idempotency keys.
pub mod clock;
/// Delivery of queued applications, with retries.
pub mod courier;
/// Where things are kept: on the device, or in this tab only on a shared computer.
pub mod device;
/// The document: title, language, focus, scrolling, downloads, printing.
pub mod dom;
/// Drafts in local storage, written when typing pauses.
pub mod drafts;
/// GET and POST.
pub mod fetch;
/// Definitions, the catalog and its search index, guides: fetched and loaded.
pub mod load;
/// The service worker that keeps the app for offline use.
pub mod offline;
/// Ratings, kept in local storage until the receiver answers.
pub mod ratings;
/// The details remembered on this device for any form ("fill once").
pub mod remembered;
/// Searches that found nothing, counted on this device.
pub mod searches;
/// Sending an application: pack, keep in the outbox, first attempt.
pub mod send;
/// IndexedDB: chosen files and the outbox.
pub mod store;
/// The browser benchmark's timing of engine calls.
pub mod timing;
/// The page's URL: query, fragment, history.
pub mod url;
