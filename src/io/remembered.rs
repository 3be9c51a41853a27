//! The details the citizen chose to remember on this device ("fill once").

const REMEMBERED_KEY: &str = "onewindow:remembered";

/// The details the citizen chose to remember on this device ("fill once"), shared by every form.
pub fn load_remembered() -> onewindow_engine::Remembered {
    use gloo_storage::Storage;
    gloo_storage::LocalStorage::get(REMEMBERED_KEY).unwrap_or_default()
}

/// Stores the remembered details; an empty set removes the entry altogether.
pub fn save_remembered(remembered: &onewindow_engine::Remembered) {
    use gloo_storage::Storage;
    if remembered.0.is_empty() {
        gloo_storage::LocalStorage::delete(REMEMBERED_KEY);
    } else {
        let _ = gloo_storage::LocalStorage::set(REMEMBERED_KEY, remembered);
    }
}
