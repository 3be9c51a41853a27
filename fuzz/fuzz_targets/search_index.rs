//! The search index must never panic: not on any bytes given as one of its files (a corrupt or
//! hostile `catalog.index` or part), nor on any query. The first byte of the input says what
//! the rest is: 0, a query against the shipped catalog's index (`forms/catalog.index` and
//! `forms/search/`); 1, an entry; 2, a names part; 3, a chunk; 4, a fragment (each added to
//! the shipped index: under `cfg(fuzzing)` the engine skips the hash checks that would refuse
//! them first, so that the readers behind them are reached).
#![no_main]

use libfuzzer_sys::fuzz_target;
use onewindow_engine::search::{IndexEntry, IndexFiles, SearchIndex};
use std::path::Path;
use std::sync::OnceLock;

static SHIPPED: OnceLock<IndexFiles> = OnceLock::new();

fn shipped() -> &'static IndexFiles {
    SHIPPED.get_or_init(|| {
        let forms = Path::new(env!("CARGO_MANIFEST_DIR")).join("../forms");
        let entry = std::fs::read(forms.join("catalog.index")).expect("the committed index");
        let mut parts: Vec<(String, Vec<u8>)> = std::fs::read_dir(forms.join("search"))
            .expect("the committed index's parts")
            .map(|f| f.expect("a part").path())
            .map(|p| {
                let name = p.file_name().map(|n| n.to_string_lossy().into_owned());
                (format!("search/{}", name.unwrap_or_default()), std::fs::read(&p).expect("a part"))
            })
            .collect();
        parts.sort();
        IndexFiles { entry, parts }
    })
}

fn searched(index: &SearchIndex) {
    for query in ["居住证", "residence permit", "jzz", "resdence", "证", "x", "qqqqzzzz"] {
        let _ = index.search(query, "en", 5);
        let _ = index.needed_parts(query, 5);
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&kind, rest)) = data.split_first() else { return };
    let files = shipped();
    let entry = IndexEntry::from_bytes(&files.entry).expect("the committed entry loads");
    let part = |prefix: &str| files.parts.iter().find(|(p, _)| p.starts_with(prefix));
    let names = part(&entry.names_part()).map(|(_, b)| b.as_slice()).unwrap_or_default();
    match kind {
        0 => {
            static WHOLE: OnceLock<SearchIndex> = OnceLock::new();
            let index = WHOLE.get_or_init(|| SearchIndex::from_files(files).expect("it loads"));
            let query = String::from_utf8_lossy(rest);
            for locale in ["en", "zh-CN", "ug"] {
                let _ = index.search(&query, locale, 10);
                let _ = index.needed_parts(&query, 10);
            }
        }
        1 => {
            if let Ok(entry) = IndexEntry::from_bytes(rest) {
                if let Ok(index) = SearchIndex::open(&entry, names) {
                    searched(&index);
                }
            }
        }
        2 => {
            if let Ok(index) = SearchIndex::open(&entry, rest) {
                searched(&index);
            }
        }
        _ => {
            let Ok(mut index) = SearchIndex::open(&entry, names) else { return };
            let prefix = if kind == 3 { "search/chunk-" } else { "search/frag-" };
            if let Some((path, _)) = part(prefix) {
                if index.add_part(path, rest).is_ok() {
                    searched(&index);
                }
            }
        }
    }
});
