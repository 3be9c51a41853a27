//! An index loaded in parts answers as the index built whole: over the generated catalog with
//! long summaries (a fixed seed), every query of the bench's mix, every keystroke of some, and
//! words found only in summaries, once the parts each needs are added, give the same hits,
//! scores, titles and snippets. The parts a query needs are few, the same when asked again,
//! and all there after two rounds (its chunks, then its hits' fragments) or three (a typo or a
//! Han pair leading to other terms).

use onewindow_engine::search::{IndexEntry, IndexFiles, SearchIndex};
use onewindow_engine::{Catalog, Guide};

#[path = "../benches/generate_catalog.rs"]
mod generate_catalog;

/// Enough services for chunks of every kind (pinyin, words, Han pairs), few enough for a
/// debug build to index quickly.
const SERVICES: usize = 600;
const LIMIT: usize = 20;

fn corpus() -> (Catalog, Vec<Guide>) {
    let catalog = serde_json::from_value(generate_catalog::long_catalog(SERVICES)).unwrap();
    let guides = generate_catalog::long_guides(SERVICES)
        .into_iter()
        .map(|g| serde_json::from_value(g).unwrap())
        .collect();
    (catalog, guides)
}

fn part<'a>(files: &'a IndexFiles, path: &str) -> &'a [u8] {
    &files.parts.iter().find(|(p, _)| p == path).unwrap_or_else(|| panic!("no {path}")).1
}

fn queries() -> Vec<String> {
    let mut queries = generate_catalog::queries(SERVICES, 200);
    // Every keystroke of a few queries, as typed.
    for q in queries.clone().iter().take(16) {
        let chars: Vec<char> = q.chars().collect();
        queries.extend((1..chars.len()).map(|n| chars[..n].iter().collect::<String>()));
    }
    // Words of summaries, materials and FAQ only, in both languages, and misspelt.
    for q in [
        "fingerprints",
        "指纹",
        "notarised statement",
        "公证书",
        "tenancy agreement",
        "手语翻译",
        "sign language",
        "kiosk",
        "fingreprints",
        "营业执照副本",
        "消防验收",
        "article 12",
        "没有户口簿可以办理吗",
        "xqzqxq",
        "",
    ] {
        queries.push(q.to_string());
    }
    queries
}

/// Adds what `query` needs until it needs nothing more; returns the rounds and the chunks.
fn load_for(index: &mut SearchIndex, files: &IndexFiles, query: &str) -> (usize, usize) {
    let (mut rounds, mut chunks) = (0, 0);
    loop {
        let needed = index.needed_parts(query, LIMIT);
        assert_eq!(index.needed_parts(query, LIMIT), needed, "{query:?}: asked again");
        if needed.is_empty() {
            return (rounds, chunks);
        }
        rounds += 1;
        assert!(rounds <= 3, "{query:?}: a fourth round, {needed:?}");
        chunks += needed.iter().filter(|p| p.starts_with("search/chunk-")).count();
        for path in &needed {
            index.add_part(path, part(files, path)).unwrap();
        }
    }
}

#[test]
fn a_query_with_its_parts_scores_as_the_index_built_whole() {
    let (catalog, guides) = corpus();
    let whole = SearchIndex::build(&catalog, &guides);
    let files = SearchIndex::build_files(&catalog, &guides);
    let entry = IndexEntry::from_bytes(&files.entry).unwrap();
    let names = part(&files, &entry.names_part());
    let all_chunks = files.parts.iter().filter(|(p, _)| p.starts_with("search/chunk-")).count();
    assert!(all_chunks > 20, "{all_chunks} chunks");
    // One index for the whole session, as the app keeps it: parts accumulate.
    let mut session = SearchIndex::open(&entry, names).unwrap();
    let mut most = 0;
    for query in queries() {
        // Each query alone, from the names part.
        let mut index = SearchIndex::open(&entry, names).unwrap();
        let (_, chunks) = load_for(&mut index, &files, &query);
        most = most.max(chunks);
        for locale in ["en", "zh-CN"] {
            assert_eq!(
                index.search(&query, locale, LIMIT),
                whole.search(&query, locale, LIMIT),
                "{query:?} in {locale}"
            );
        }
        load_for(&mut session, &files, &query);
        assert_eq!(session.search(&query, "en", LIMIT), whole.search(&query, "en", LIMIT));
    }
    // A query needs a chunk per term it looks up, not the index.
    assert!(most <= 12, "a query needed {most} of {all_chunks} chunks");
}

#[test]
fn names_alone_find_services_by_their_names() {
    let (catalog, guides) = corpus();
    let files = SearchIndex::build_files(&catalog, &guides);
    let entry = IndexEntry::from_bytes(&files.entry).unwrap();
    let index = SearchIndex::open(&entry, part(&files, &entry.names_part())).unwrap();
    let title = &catalog.services[7].title;
    for (query, locale) in [(title.get("zh-CN", "zh-CN"), "zh-CN"), (title.get("en", "en"), "en")] {
        let results = index.search(query, locale, LIMIT);
        assert_eq!(results.hits[0].service, catalog.services[7].id, "{query}");
        assert!(results.hits[0].snippet.text.is_empty(), "no summary yet");
    }
    // A summary's word waits for its chunk.
    assert!(index.search("fingerprints", "en", LIMIT).hits.is_empty());
}

#[test]
fn the_same_catalog_gives_the_same_files() {
    let (catalog, guides) = corpus();
    let files = SearchIndex::build_files(&catalog, &guides);
    assert_eq!(files, SearchIndex::build_files(&catalog, &guides));
    let loaded = SearchIndex::from_files(&files).unwrap();
    let whole = SearchIndex::build(&catalog, &guides);
    for query in ["营业执照", "pasport", "fingerprints"] {
        assert_eq!(loaded.search(query, "en", 10), whole.search(query, "en", 10));
    }
}
