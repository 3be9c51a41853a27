//! Search speed on a generated 5,000-procedure zh + en catalog (see `generate_catalog.rs`).
//! Run: `cargo bench -p onewindow-engine --bench search`. Targets (issue #6): a query p50 ≤
//! 0.1 ms and p95 ≤ 1 ms, loading the index ≤ 50 ms. The browser's figures, side by side with
//! MiniSearch, come from `scripts/bench-search.sh`.

use criterion::{criterion_group, criterion_main, Criterion};
use onewindow_engine::search::SearchIndex;
use onewindow_engine::Catalog;
use std::hint::black_box;

#[path = "generate_catalog.rs"]
mod generate_catalog;

fn benches(c: &mut Criterion) {
    let catalog: Catalog = serde_json::from_value(generate_catalog::catalog(5000)).unwrap();
    let mut group = c.benchmark_group("search, 5,000 procedures");
    group.sample_size(10);
    group.bench_function("build the index (with pinyin)", |b| {
        b.iter(|| black_box(SearchIndex::build(black_box(&catalog), &[])))
    });
    let bytes = SearchIndex::build(&catalog, &[]).to_bytes();
    group.bench_function("load the index from bytes", |b| {
        b.iter(|| black_box(SearchIndex::from_bytes(black_box(&bytes)).unwrap()))
    });
    group.finish();
    let index = SearchIndex::from_bytes(&bytes).unwrap();
    let queries = generate_catalog::queries(5000, 200);
    let mut n = 0;
    c.bench_function("one query of a mixed set (zh, en, prefix, typo, pinyin)", |b| {
        b.iter(|| {
            n = (n + 1) % queries.len();
            black_box(index.search(black_box(&queries[n]), "en", 10))
        })
    });
}

criterion_group!(search, benches);
criterion_main!(search);
