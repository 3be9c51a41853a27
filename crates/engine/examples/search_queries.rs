//! Runs the search bench's 1,000 queries over the generated 5,000-procedure catalog: a steady
//! workload for profilers, and per-kind native timings.
//!   search_queries [long] [ROUNDS] [DUMP_FILE]   (`long`: the catalog with long summaries and
//!   guides; with DUMP_FILE, writes every result there instead of timing)
//! `valgrind --tool=callgrind target/release/examples/search_queries short 1` (with
//! `CARGO_PROFILE_RELEASE_DEBUG=line-tables-only` for lines; building is in the count).
use onewindow_engine::search::SearchIndex;
use onewindow_engine::Guide;
use std::time::Instant;

#[path = "../benches/generate_catalog.rs"]
mod generate_catalog;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let long = args.get(1).is_some_and(|a| a == "long");
    let rounds: usize = args.get(2).and_then(|r| r.parse().ok()).unwrap_or(20);
    let index = if long {
        let catalog = serde_json::from_value(generate_catalog::long_catalog(5000)).unwrap();
        let guides: Vec<Guide> = generate_catalog::long_guides(5000)
            .into_iter()
            .map(|g| serde_json::from_value(g).unwrap())
            .collect();
        SearchIndex::build(&catalog, &guides)
    } else {
        SearchIndex::build(&serde_json::from_value(generate_catalog::catalog(5000)).unwrap(), &[])
    };
    let queries = generate_catalog::queries(5000, 1000);
    if let Some(out) = args.get(3) {
        // Every result of every query and of its keystrokes, to compare two versions' output.
        let mut dump = String::new();
        for q in &queries {
            let chars: Vec<char> = q.chars().collect();
            for n in 1..=chars.len() {
                let typed: String = chars[..n].iter().collect();
                dump += &format!(
                    "{typed}\n{:?}\n",
                    index.search(&typed, if n % 2 == 0 { "en" } else { "zh-CN" }, 10)
                );
            }
        }
        std::fs::write(out, dump).unwrap();
        return;
    }
    let mut times: Vec<Vec<f64>> = vec![Vec::new(); 10];
    let mut totals = 0usize;
    for _ in 0..rounds {
        for (i, q) in queries.iter().enumerate() {
            let t = Instant::now();
            totals += std::hint::black_box(index.search(q, "en", 10)).total;
            times[i % 10].push(t.elapsed().as_secs_f64() * 1e6);
        }
    }
    let pct = |xs: &mut Vec<f64>, p: f64| {
        xs.sort_by(|a, b| a.total_cmp(b));
        xs[((xs.len() as f64 * p) as usize).min(xs.len() - 1)]
    };
    let mut all: Vec<f64> = times.iter().flatten().copied().collect();
    println!(
        "all: p50 {:.1} µs p95 {:.1} µs (totals {totals})",
        pct(&mut all, 0.5),
        pct(&mut all, 0.95)
    );
    for (k, t) in times.iter_mut().enumerate() {
        println!("kind {k}: p50 {:.1} µs p95 {:.1} µs", pct(t, 0.5), pct(t, 0.95));
    }
}
