//! Where the app keeps what it keeps: on the device (local storage here, IndexedDB in
//! `store`), or, once the citizen says "This is a shared or public computer", in this tab's
//! memory only. The choice is a flag in session storage (this tab's, gone when it closes; it
//! holds no answer), so a reload keeps the choice and loses the answers, as the warning says.
//! Every `io` module that stores something asks here, so nothing personal reaches the device
//! while the flag is on.

use gloo_storage::{LocalStorage, SessionStorage, Storage};
use std::cell::{Cell, RefCell};
use std::collections::HashMap;

const SHARED_COMPUTER: &str = "onewindow:shared-computer";

thread_local! {
    /// The flag, read once from session storage.
    static SHARED: Cell<Option<bool>> = const { Cell::new(None) };
    /// What local storage would hold, while the flag is on (JSON text by key).
    static MEMORY: RefCell<HashMap<String, String>> = RefCell::new(HashMap::new());
}

/// Whether this tab keeps nothing on the device.
pub fn shared_computer() -> bool {
    SHARED.with(|shared| match shared.get() {
        Some(on) => on,
        None => {
            let on = SessionStorage::raw().get_item(SHARED_COMPUTER).ok().flatten().is_some();
            shared.set(Some(on));
            on
        }
    })
}

/// Turns "keep nothing on the device" on or off for this tab. The caller removes what the
/// device already holds of the application first (`drafts::clear_draft`).
pub fn set_shared_computer(on: bool) {
    if on == shared_computer() {
        return;
    }
    if on {
        let _ = SessionStorage::raw().set_item(SHARED_COMPUTER, "1");
    } else {
        let _ = SessionStorage::raw().remove_item(SHARED_COMPUTER);
    }
    SHARED.with(|shared| shared.set(Some(on)));
}

/// The value kept under `key`, if any and readable.
pub(crate) fn get<T: serde::de::DeserializeOwned>(key: &str) -> Option<T> {
    raw(key).and_then(|text| serde_json::from_str(&text).ok())
}

/// The text kept under `key`, if any.
pub(crate) fn raw(key: &str) -> Option<String> {
    if shared_computer() {
        MEMORY.with(|memory| memory.borrow().get(key).cloned())
    } else {
        LocalStorage::raw().get_item(key).ok().flatten()
    }
}

/// Keeps `value` under `key` (silently nothing where storage is unavailable, e.g. a private
/// window with storage disabled: the journey still works, it just cannot be resumed).
pub(crate) fn set<T: serde::Serialize>(key: &str, value: &T) {
    let Ok(text) = serde_json::to_string(value) else { return };
    if shared_computer() {
        MEMORY.with(|memory| memory.borrow_mut().insert(key.to_string(), text));
    } else {
        let _ = LocalStorage::raw().set_item(key, &text);
    }
}

/// Removes what is kept under `key`.
pub(crate) fn delete(key: &str) {
    if shared_computer() {
        MEMORY.with(|memory| memory.borrow_mut().remove(key));
    } else {
        LocalStorage::delete(key);
    }
}
