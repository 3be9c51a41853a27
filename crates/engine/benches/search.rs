//! Search speed on generated 5,000-procedure zh + en catalogs (see `generate_catalog.rs`): the
//! short one, and the long one (summaries of 150–300 characters, guides with materials and
//! FAQ) whose index is loaded in parts. Run: `cargo bench -p onewindow-engine --bench search`.
//! Targets (issues #6, #16): a query p50 ≤ 0.1 ms and p95 ≤ 1 ms once loaded, loading the index
//! ≤ 50 ms. The browser's figures and the bytes a first query downloads, side by side with
//! MiniSearch, come from `scripts/bench-search.sh`.

use criterion::{criterion_group, criterion_main, Criterion};
use onewindow_engine::search::{IndexEntry, IndexFiles, SearchIndex};
use onewindow_engine::{Catalog, Guide};
use std::hint::black_box;

#[path = "generate_catalog.rs"]
mod generate_catalog;

fn part<'a>(files: &'a IndexFiles, path: &str) -> &'a [u8] {
    files.parts.iter().find(|(p, _)| p == path).map_or(&[], |(_, b)| b.as_slice())
}

fn benches(c: &mut Criterion) {
    let short: Catalog = serde_json::from_value(generate_catalog::catalog(5000)).unwrap();
    let long: Catalog = serde_json::from_value(generate_catalog::long_catalog(5000)).unwrap();
    let guides: Vec<Guide> = generate_catalog::long_guides(5000)
        .into_iter()
        .map(|g| serde_json::from_value(g).unwrap())
        .collect();
    let queries = generate_catalog::queries(5000, 200);
    for (name, catalog, guides) in
        [("5,000 procedures", &short, &[][..]), ("5,000 long procedures", &long, &guides[..])]
    {
        let mut group = c.benchmark_group(format!("search, {name}"));
        group.sample_size(10);
        group.bench_function("build the index files (with pinyin)", |b| {
            b.iter(|| black_box(SearchIndex::build_files(black_box(catalog), guides)))
        });
        let files = SearchIndex::build_files(catalog, guides);
        group.bench_function("load every part", |b| {
            b.iter(|| black_box(SearchIndex::from_files(black_box(&files)).unwrap()))
        });
        let entry = IndexEntry::from_bytes(&files.entry).unwrap();
        let names = part(&files, &entry.names_part());
        group.bench_function("open: the entry and the names part", |b| {
            b.iter(|| black_box(SearchIndex::open(&entry, black_box(names)).unwrap()))
        });
        let mut n = 0;
        group.bench_function("a first query: open, add the parts it needs, search", |b| {
            b.iter(|| {
                n = (n + 1) % queries.len();
                let mut index = SearchIndex::open(&entry, names).unwrap();
                loop {
                    let needed = index.needed_parts(&queries[n], 20);
                    if needed.is_empty() {
                        break;
                    }
                    for path in needed {
                        index.add_part(&path, part(&files, &path)).unwrap();
                    }
                }
                black_box(index.search(&queries[n], "en", 20))
            })
        });
        group.finish();
        let index = SearchIndex::from_files(&files).unwrap();
        let mut n = 0;
        c.bench_function(
            &format!("{name}: one query of a mixed set (zh, en, prefix, typo, pinyin)"),
            |b| {
                b.iter(|| {
                    n = (n + 1) % queries.len();
                    black_box(index.search(black_box(&queries[n]), "en", 10))
                })
            },
        );
    }
}

criterion_group!(search, benches);
criterion_main!(search);
