//! The engine's catalog search as a node module, for `scripts/bench-search.sh`: the same
//! generated corpus and queries as the criterion bench and the relevance test
//! (`crates/engine/benches/generate_catalog.rs`), the index in parts as `onewindow index`
//! writes it, and a heap counter, since a wasm module's linear memory only ever grows and so
//! does not say what the index holds.

use onewindow_engine::search::{IndexEntry, IndexFiles, SearchIndex};
use onewindow_engine::{Catalog, Guide};
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

/// The generated catalog of `services` procedures, as JSON: with `long`, summaries of 150–300
/// characters in each language and a guide per service (`long_guides_json`).
#[wasm_bindgen]
pub fn catalog_json(services: usize, long: bool) -> String {
    if long {
        generate_catalog::long_catalog(services).to_string()
    } else {
        generate_catalog::catalog(services).to_string()
    }
}

/// The guides of the long catalog (materials and FAQ), as a JSON array; none for the other.
#[wasm_bindgen]
pub fn guides_json(services: usize, long: bool) -> String {
    let guides = if long { generate_catalog::long_guides(services) } else { Vec::new() };
    serde_json::Value::Array(guides).to_string()
}

/// `n` generated queries over the first `services` procedures, as a JSON array.
#[wasm_bindgen]
pub fn queries_json(services: usize, n: usize) -> String {
    serde_json::to_string(&generate_catalog::queries(services, n)).unwrap_or_default()
}

/// The relevance set (`crates/engine/tests/search_relevance.json`), as JSON.
#[wasm_bindgen]
pub fn relevance_json() -> String {
    include_str!("../../engine/tests/search_relevance.json").to_string()
}

/// An index's files, as `onewindow index` writes them.
#[wasm_bindgen]
pub struct Files(IndexFiles);

#[wasm_bindgen]
impl Files {
    /// The entry's bytes.
    pub fn entry(&self) -> Vec<u8> {
        self.0.entry.clone()
    }

    /// How many parts there are.
    pub fn count(&self) -> usize {
        self.0.parts.len()
    }

    /// The `i`th part's path beside the entry.
    pub fn path(&self, i: usize) -> String {
        self.0.parts.get(i).map(|p| p.0.clone()).unwrap_or_default()
    }

    /// The `i`th part's bytes.
    pub fn bytes(&self, i: usize) -> Vec<u8> {
        self.0.parts.get(i).map(|p| p.1.clone()).unwrap_or_default()
    }
}

/// Builds the index of a catalog and guides (JSON) with pinyin, as `onewindow index` does.
#[wasm_bindgen]
pub fn build_files(catalog: &str, guides: &str) -> Result<Files, JsError> {
    let catalog: Catalog =
        serde_json::from_str(catalog).map_err(|e| JsError::new(&e.to_string()))?;
    let guides: Vec<Guide> =
        serde_json::from_str(guides).map_err(|e| JsError::new(&e.to_string()))?;
    Ok(Files(SearchIndex::build_files(&catalog, &guides)))
}

/// The names part's path, from the entry.
#[wasm_bindgen]
pub fn names_part(entry: &[u8]) -> Result<String, JsError> {
    IndexEntry::from_bytes(entry).map(|e| e.names_part()).map_err(|e| JsError::new(&e))
}

/// A loaded index.
#[wasm_bindgen]
pub struct Index(SearchIndex);

#[wasm_bindgen]
impl Index {
    /// Opens an index with its entry and names part, as the app does before a query.
    pub fn open(entry: &[u8], names: &[u8]) -> Result<Index, JsError> {
        let entry = IndexEntry::from_bytes(entry).map_err(|e| JsError::new(&e))?;
        SearchIndex::open(&entry, names).map(Index).map_err(|e| JsError::new(&e))
    }

    /// Loads every part.
    pub fn whole(files: &Files) -> Result<Index, JsError> {
        SearchIndex::from_files(&files.0).map(Index).map_err(|e| JsError::new(&e))
    }

    /// The parts `query` needs that have not been added (paths beside the entry).
    pub fn needed(&self, query: &str, limit: usize) -> Vec<String> {
        self.0.needed_parts(query, limit)
    }

    /// Adds a part.
    pub fn add(&mut self, path: &str, bytes: &[u8]) -> Result<(), JsError> {
        self.0.add_part(path, bytes).map_err(|e| JsError::new(&e))
    }

    /// Searches as the app does (titles and snippets highlighted); returns how many matched.
    pub fn search(&self, query: &str, limit: usize) -> usize {
        self.0.search(query, "en", limit).total
    }

    /// The service ids of the best `limit` hits, to check relevance and that both engines
    /// agree on the corpus.
    pub fn top(&self, query: &str, limit: usize) -> Vec<String> {
        self.0.search(query, "en", limit).hits.into_iter().map(|h| h.service).collect()
    }
}
