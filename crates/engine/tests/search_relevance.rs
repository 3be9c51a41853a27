//! The relevance test set (`search_relevance.json`): queries of every kind people type
//! (exact names, parts of words, typos, synonyms, Chinese words and parts of words, pinyin in
//! full and as initials, mixed Chinese and English, nonsense) with the services expected in the
//! top three, over the shipped catalog and over a generated one. Prints the hit rate of each;
//! both must be 100%. `SEARCH_RELEVANCE_VERBOSE=1` prints every query's top three.

use onewindow_engine::search::{SearchIndex, SearchResults};
use onewindow_engine::{load_catalog, Catalog, Guide};
use serde::Deserialize;
use std::path::Path;

#[path = "../benches/generate_catalog.rs"]
mod generate_catalog;

#[derive(Deserialize)]
struct Set {
    shipped: Vec<Case>,
    generated: Generated,
}

#[derive(Deserialize)]
struct Generated {
    services: usize,
    cases: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    kind: String,
    query: String,
    top3: Vec<String>,
    #[serde(default)]
    did_you_mean: Option<String>,
}

const KINDS: &[&str] = &[
    "exact",
    "prefix",
    "typo",
    "synonym",
    "zh word",
    "zh partial",
    "pinyin full",
    "pinyin initials",
    "mixed",
    "nonsense",
];

fn set() -> Set {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/search_relevance.json"),
    )
    .unwrap();
    serde_json::from_str(&text).unwrap()
}

/// Runs the cases, `expected` mapping a case's names to service ids; returns the failures.
fn run(
    name: &str,
    index: &SearchIndex,
    cases: &[Case],
    expected: impl Fn(&str) -> String,
) -> Vec<String> {
    let mut failures = Vec::new();
    for case in cases {
        let results: SearchResults = index.search(&case.query, "en", 3);
        let top: Vec<&str> = results.hits.iter().map(|h| h.service.as_str()).collect();
        if std::env::var_os("SEARCH_RELEVANCE_VERBOSE").is_some() {
            let titles: Vec<&str> = results.hits.iter().map(|h| h.title.text.as_str()).collect();
            println!(
                "{name} [{}] {:?} → {titles:?} {:?} {:?}",
                case.kind,
                case.query,
                results.did_you_mean,
                results.nearest.first().map(|n| &n.id)
            );
        }
        let ok = if case.top3.is_empty() {
            top.is_empty()
                && !results.nearest.is_empty()
                && (case.did_you_mean.is_none() || results.did_you_mean == case.did_you_mean)
        } else {
            case.top3.iter().all(|e| top.contains(&expected(e).as_str()))
        };
        if !ok {
            failures.push(format!(
                "{name} [{}] {:?}: expected {:?}, got {top:?} (did you mean {:?})",
                case.kind, case.query, case.top3, results.did_you_mean
            ));
        }
    }
    let rate = 100.0 * (cases.len() - failures.len()) as f64 / cases.len().max(1) as f64;
    println!(
        "search relevance, {name}: {}/{} queries with the expected top 3 ({rate:.1}%)",
        cases.len() - failures.len(),
        cases.len()
    );
    failures
}

fn shipped_index() -> SearchIndex {
    let forms = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../forms");
    let (catalog, problems) =
        load_catalog(&std::fs::read_to_string(forms.join("catalog.json")).unwrap());
    assert!(problems.iter().all(|p| !p.is_error()), "{problems:?}");
    let catalog = catalog.unwrap();
    let guides: Vec<Guide> = catalog
        .services
        .iter()
        .filter_map(|s| s.guide.as_ref())
        .map(|g| serde_json::from_str(&std::fs::read_to_string(forms.join(g)).unwrap()).unwrap())
        .collect();
    SearchIndex::build(&catalog, &guides)
}

#[test]
fn the_set_covers_every_kind_of_query() {
    let set = set();
    assert!(set.shipped.len() + set.generated.cases.len() >= 60);
    for cases in [&set.shipped, &set.generated.cases] {
        for kind in KINDS {
            assert!(cases.iter().any(|c| c.kind == *kind), "no {kind} query");
        }
    }
}

#[test]
fn shipped_catalog_hit_rate_is_100_percent() {
    let set = set();
    let index = shipped_index();
    let failures = run("shipped catalog", &index, &set.shipped, |id| id.to_string());
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn generated_catalog_hit_rate_is_100_percent() {
    let set = set();
    let json = generate_catalog::catalog(set.generated.services);
    let catalog: Catalog = serde_json::from_value(json).unwrap();
    let index = SearchIndex::build(&catalog, &[]);
    let by_title = |title: &str| -> String {
        let service = catalog.services.iter().find(|s| s.title.get("en", "en") == title);
        service
            .unwrap_or_else(|| panic!("no service titled {title:?} in the generated catalog"))
            .id
            .clone()
    };
    let failures = run("generated catalog", &index, &set.generated.cases, by_title);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
