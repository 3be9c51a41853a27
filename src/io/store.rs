//! IndexedDB: the contents of chosen files and the outbox of applications waiting to be sent
//! (in this tab's memory instead on a shared computer: `device`).

// Chosen files' contents live under "<form id>/<sha256>" while a draft uses them, and are copied
// under "outbox/<idempotency key>/<sha256>" when an application is queued, so clearing a draft
// never loses what is waiting to be sent. Queued applications live in the "outbox" store,
// keyed by idempotency key. The browser's promise API is used through a few lines of JS: the
// web-sys glue for IndexedDB would cost more bundle than it saves.
#[wasm_bindgen::prelude::wasm_bindgen(inline_js = r#"
function open() {
  return new Promise((ok, fail) => {
    const r = indexedDB.open('onewindow', 2);
    r.onupgradeneeded = () => {
      for (const name of ['files', 'outbox']) if (!r.result.objectStoreNames.contains(name)) r.result.createObjectStore(name);
    };
    r.onsuccess = () => ok(r.result);
    r.onerror = () => fail(r.error);
  });
}
async function run(store, mode, work) {
  const db = await open();
  return new Promise((ok, fail) => {
    const tx = db.transaction(store, mode);
    const request = work(tx.objectStore(store));
    tx.oncomplete = () => { db.close(); ok(request && request.result); };
    tx.onerror = tx.onabort = () => { db.close(); fail(tx.error); };
  });
}
const range = (prefix) => IDBKeyRange.bound(prefix, prefix + '\uffff');
export function idb_put(store, key, value) { return run(store, 'readwrite', (s) => s.put(value, key)); }
export function idb_get(store, key) { return run(store, 'readonly', (s) => s.get(key)); }
export function idb_all(store) { return run(store, 'readonly', (s) => s.getAll()); }
export function idb_delete(store, key) { return run(store, 'readwrite', (s) => s.delete(key)); }
export function idb_delete_prefix(store, prefix) { return run(store, 'readwrite', (s) => s.delete(range(prefix))); }
"#)]
extern "C" {
    #[wasm_bindgen(catch)]
    async fn idb_put(
        store: &str,
        key: &str,
        value: &wasm_bindgen::JsValue,
    ) -> Result<wasm_bindgen::JsValue, wasm_bindgen::JsValue>;
    #[wasm_bindgen(catch)]
    async fn idb_get(
        store: &str,
        key: &str,
    ) -> Result<wasm_bindgen::JsValue, wasm_bindgen::JsValue>;
    #[wasm_bindgen(catch)]
    async fn idb_all(store: &str) -> Result<wasm_bindgen::JsValue, wasm_bindgen::JsValue>;
    #[wasm_bindgen(catch)]
    async fn idb_delete(
        store: &str,
        key: &str,
    ) -> Result<wasm_bindgen::JsValue, wasm_bindgen::JsValue>;
    #[wasm_bindgen(catch)]
    async fn idb_delete_prefix(
        store: &str,
        prefix: &str,
    ) -> Result<wasm_bindgen::JsValue, wasm_bindgen::JsValue>;
}

fn describe(error: wasm_bindgen::JsValue) -> String {
    js_sys::Error::from(error).message().into()
}

type Reply = Result<wasm_bindgen::JsValue, wasm_bindgen::JsValue>;

thread_local! {
    /// The two stores on a shared computer (`device`): this tab's memory, by store and key.
    static MEMORY: std::cell::RefCell<std::collections::BTreeMap<(String, String), wasm_bindgen::JsValue>> =
        const { std::cell::RefCell::new(std::collections::BTreeMap::new()) };
}

/// Where a call keeps things: the device's IndexedDB, or this tab's memory on a shared
/// computer. Decided when the call is made, not when its future runs, so that turning the
/// shared computer on removes what the device holds (see `device::set_shared_computer`).
#[derive(Clone, Copy)]
enum Place {
    Device,
    Tab,
}

impl Place {
    fn now() -> Place {
        if super::device::shared_computer() {
            Place::Tab
        } else {
            Place::Device
        }
    }

    async fn put(self, store: &str, key: &str, value: &wasm_bindgen::JsValue) -> Reply {
        match self {
            Place::Device => idb_put(store, key, value).await,
            Place::Tab => {
                let entry = (store.to_string(), key.to_string());
                MEMORY.with(|m| m.borrow_mut().insert(entry, value.clone()));
                Ok(wasm_bindgen::JsValue::UNDEFINED)
            }
        }
    }

    async fn get(self, store: &str, key: &str) -> Reply {
        match self {
            Place::Device => idb_get(store, key).await,
            Place::Tab => Ok(MEMORY
                .with(|m| m.borrow().get(&(store.to_string(), key.to_string())).cloned())
                .unwrap_or(wasm_bindgen::JsValue::UNDEFINED)),
        }
    }

    async fn all(self, store: &str) -> Reply {
        match self {
            Place::Device => idb_all(store).await,
            Place::Tab => Ok(MEMORY
                .with(|m| {
                    m.borrow()
                        .iter()
                        .filter(|((s, _), _)| s == store)
                        .map(|(_, value)| value.clone())
                        .collect::<js_sys::Array>()
                })
                .into()),
        }
    }

    async fn delete_prefix(self, store: &str, prefix: &str) -> Reply {
        match self {
            Place::Device => idb_delete_prefix(store, prefix).await,
            Place::Tab => {
                MEMORY.with(|m| {
                    m.borrow_mut().retain(|(s, key), _| !(s == store && key.starts_with(prefix)))
                });
                Ok(wasm_bindgen::JsValue::UNDEFINED)
            }
        }
    }

    async fn delete(self, store: &str, key: &str) -> Reply {
        match self {
            Place::Device => idb_delete(store, key).await,
            Place::Tab => {
                MEMORY.with(|m| m.borrow_mut().remove(&(store.to_string(), key.to_string())));
                Ok(wasm_bindgen::JsValue::UNDEFINED)
            }
        }
    }
}

/// Reads a chosen file, keeps its content on the device for `form`, and returns the answer
/// describing it (`name`, `type`, `size`, `sha256`).
pub async fn keep_file(form: &str, file: web_sys::File) -> Result<serde_json::Value, String> {
    let buffer =
        wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await.map_err(describe)?;
    let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
    let sha256 = onewindow_engine::sha256_hex(&bytes);
    Place::now().put("files", &format!("{form}/{sha256}"), &file).await.map_err(describe)?;
    Ok(
        serde_json::json!({"name": file.name(), "type": file.type_(), "size": bytes.len() as u64, "sha256": sha256}),
    )
}

/// The content of a queued application's attachment, if it is still on the device.
pub async fn queued_file(key: &str, sha256: &str) -> Option<web_sys::Blob> {
    use wasm_bindgen::JsCast;
    Place::now().get("files", &format!("outbox/{key}/{sha256}")).await.ok()?.dyn_into().ok()
}

/// Forgets every file kept for `form`.
pub fn forget_files(form: &str) {
    let (prefix, place) = (format!("{form}/"), Place::now());
    wasm_bindgen_futures::spawn_local(async move {
        let _ = place.delete_prefix("files", &prefix).await;
    });
}

/// Puts a new application in the outbox, with copies of its files' contents kept for `form`
/// (so clearing the draft cannot lose them). Fails when the device cannot store it, so the
/// caller can say so.
pub async fn enqueue(form: &str, entry: &onewindow_engine::OutboxEntry) -> Result<(), String> {
    let (key, place) = (&entry.package.idempotency_key, Place::now());
    for attachment in &entry.package.attachments {
        let Some(sha256) = &attachment.sha256 else { continue };
        let content = place.get("files", &format!("{form}/{sha256}")).await.map_err(describe)?;
        if !content.is_undefined() {
            place
                .put("files", &format!("outbox/{key}/{sha256}"), &content)
                .await
                .map_err(describe)?;
        }
    }
    update(entry).await
}

/// Stores the entry's new state (after an attempt) in the outbox.
pub async fn update(entry: &onewindow_engine::OutboxEntry) -> Result<(), String> {
    let json = serde_json::to_string(entry).map_err(|e| e.to_string())?;
    Place::now()
        .put("outbox", &entry.package.idempotency_key, &json.into())
        .await
        .map_err(describe)?;
    Ok(())
}

/// Every application waiting on this device, oldest first. Entries that no longer parse (an
/// older app version) are kept in the store and skipped, never deleted unread.
pub async fn outbox() -> Vec<onewindow_engine::OutboxEntry> {
    let Ok(all) = Place::now().all("outbox").await else { return Vec::new() };
    let mut entries: Vec<onewindow_engine::OutboxEntry> = js_sys::Array::from(&all)
        .iter()
        .filter_map(|v| v.as_string())
        .filter_map(|json| serde_json::from_str(&json).ok())
        .collect();
    entries.sort_by(|a, b| a.package.created.cmp(&b.package.created));
    entries
}

/// Removes a delivered application and its files from the device.
pub async fn delivered(key: &str) {
    let place = Place::now();
    let _ = place.delete("outbox", key).await;
    let _ = place.delete_prefix("files", &format!("outbox/{key}/")).await;
}
