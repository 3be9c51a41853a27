//! The search index must never panic: not on any bytes given as an index (a corrupt or hostile
//! `catalog.index`), nor on any query. Input starting with a NUL byte is a query (the rest)
//! against the shipped catalog's index; any other input is index bytes, searched if they load.
#![no_main]

use libfuzzer_sys::fuzz_target;
use onewindow_engine::search::SearchIndex;
use std::sync::OnceLock;

static SHIPPED: OnceLock<SearchIndex> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    if let Some((0, query)) = data.split_first() {
        let index = SHIPPED.get_or_init(|| {
            SearchIndex::from_bytes(include_bytes!("../../forms/catalog.index"))
                .expect("the committed index loads")
        });
        let query = String::from_utf8_lossy(query);
        for locale in ["en", "zh-CN", "ug"] {
            let _ = index.search(&query, locale, 10);
        }
        return;
    }
    if let Ok(index) = SearchIndex::from_bytes(data) {
        for query in ["居住证", "residence permit", "jzz", "resdence", "证", "x", "qqqqzzzz"] {
            let _ = index.search(query, "en", 5);
        }
    }
});
