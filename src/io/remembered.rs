//! The details the citizen chose to remember on this device ("fill once").

const REMEMBERED_KEY: &str = "onewindow:remembered";
/// When they were last saved (ms since the epoch), beside them.
const SAVED_KEY: &str = "onewindow:remembered-saved";

/// The details the citizen chose to remember on this device ("fill once"), shared by every
/// form; none when they were last saved more than `keep_days` ago (they are deleted then).
/// None either on a shared computer: what someone else chose to remember is not theirs to see.
pub fn load_remembered(keep_days: u32) -> onewindow_engine::Remembered {
    use gloo_storage::Storage;
    if super::device::shared_computer() {
        return onewindow_engine::Remembered::default();
    }
    let saved: Option<u64> = gloo_storage::LocalStorage::get(SAVED_KEY).ok();
    if saved.is_some_and(|saved| super::drafts::expired(saved, keep_days)) {
        gloo_storage::LocalStorage::delete(REMEMBERED_KEY);
        gloo_storage::LocalStorage::delete(SAVED_KEY);
        return onewindow_engine::Remembered::default();
    }
    gloo_storage::LocalStorage::get(REMEMBERED_KEY).unwrap_or_default()
}

/// Stores the remembered details and when; an empty set removes the entry altogether. Never
/// on a shared computer (the journey does not offer it there).
pub fn save_remembered(remembered: &onewindow_engine::Remembered) {
    use gloo_storage::Storage;
    if super::device::shared_computer() {
        return;
    }
    if remembered.0.is_empty() {
        gloo_storage::LocalStorage::delete(REMEMBERED_KEY);
        gloo_storage::LocalStorage::delete(SAVED_KEY);
    } else {
        let _ = gloo_storage::LocalStorage::set(REMEMBERED_KEY, remembered);
        let _ = gloo_storage::LocalStorage::set(SAVED_KEY, super::clock::now_ms());
    }
}
