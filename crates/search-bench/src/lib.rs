//! The engine's catalog search as a node module, for `scripts/bench-search.sh`: the same
//! generated corpus and queries as the criterion bench and the relevance test
//! (`crates/engine/benches/generate_catalog.rs`), and a heap counter, since a wasm module's
//! linear memory only ever grows and so does not say what the index holds.

use onewindow_engine::search::SearchIndex;
use onewindow_engine::Catalog;
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};
use wasm_bindgen::prelude::*;

#[path = "../../engine/benches/generate_catalog.rs"]
mod generate_catalog;

struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call goes to the system allocator unchanged; only a counter is added.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        LIVE.fetch_add(layout.size(), Ordering::Relaxed);
        System.alloc(layout)
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        System.dealloc(ptr, layout)
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        LIVE.fetch_add(new_size, Ordering::Relaxed);
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        System.realloc(ptr, layout, new_size)
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// Bytes allocated on the wasm heap right now.
#[wasm_bindgen]
pub fn heap_bytes() -> usize {
    LIVE.load(Ordering::Relaxed)
}

/// The generated catalog of `services` procedures, as JSON.
#[wasm_bindgen]
pub fn catalog_json(services: usize) -> String {
    generate_catalog::catalog(services).to_string()
}

/// `n` generated queries over the first `services` procedures, as a JSON array.
#[wasm_bindgen]
pub fn queries_json(services: usize, n: usize) -> String {
    serde_json::to_string(&generate_catalog::queries(services, n)).unwrap_or_default()
}

/// Builds the index of a catalog (JSON) with pinyin, as `onewindow index` does; its bytes.
#[wasm_bindgen]
pub fn build_index(catalog: &str) -> Result<Vec<u8>, JsError> {
    let catalog: Catalog =
        serde_json::from_str(catalog).map_err(|e| JsError::new(&e.to_string()))?;
    Ok(SearchIndex::build(&catalog, &[]).to_bytes())
}

/// A loaded index.
#[wasm_bindgen]
pub struct Index(SearchIndex);

#[wasm_bindgen]
impl Index {
    /// Loads index bytes, as the app does.
    #[wasm_bindgen(constructor)]
    pub fn new(bytes: &[u8]) -> Result<Index, JsError> {
        SearchIndex::from_bytes(bytes).map(Index).map_err(|e| JsError::new(&e))
    }

    /// Searches as the app does (titles and snippets highlighted); returns how many matched.
    pub fn search(&self, query: &str, limit: usize) -> usize {
        self.0.search(query, "en", limit).total
    }

    /// The first hit's service id ("" for none), to check both engines agree on the corpus.
    pub fn first(&self, query: &str) -> String {
        self.0.search(query, "en", 1).hits.first().map(|h| h.service.clone()).unwrap_or_default()
    }
}
