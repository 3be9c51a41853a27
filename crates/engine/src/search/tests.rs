use super::build::{field_weights, impacts, Field, FIELDS, IMPACT_SCALE};
use super::codec;
use super::terms::Posting;
use super::*;
use crate::guide::load_catalog;

const CATALOG: &str = r#"{"schema_version":1,"locales":["zh-CN","en"],
  "categories":[{"id":"household","title":{"zh-CN":"户籍与居住","en":"Household registration and residence"}},
                {"id":"family","title":{"zh-CN":"婚育收养","en":"Family and children"}}],
  "life_events":[{"id":"moving","title":{"zh-CN":"搬家","en":"Moving house"}},{"id":"baby","title":{"zh-CN":"生孩子","en":"Having a baby"}}],
  "services":[
   {"id":"residence-permit","title":{"zh-CN":"居住证申领（首次）","en":"Apply for a residence permit (first application)"},
    "summary":{"zh-CN":"在本市居住满6个月的非本市户籍居民申领居住证。","en":"For people who have lived here 6 months and work, have a home or study here."},
    "department":{"zh-CN":"市公安局","en":"City Public Security Bureau"},"category":"household","life_events":["moving"],"audience":["person"],
    "keywords":{"zh-CN":["居住证","积分落户"],"en":["residence card"]},"synonyms":{"zh-CN":["暂住证"],"en":["temporary residence permit"]},"form":"residence-permit"},
   {"id":"residence-registration","title":{"zh-CN":"居住登记申报","en":"Register where you live (residence registration)"},
    "summary":{"zh-CN":"离开户籍地到本市居住的公民向居住地派出所申报居住登记。","en":"Register your address with the local police station when you move here from elsewhere."},
    "department":{"zh-CN":"市公安局","en":"City Public Security Bureau"},"category":"household","life_events":["moving"],"audience":["person"],
    "keywords":{"zh-CN":["流动人口登记"],"en":["register address"]},"form":"residence-registration"},
   {"id":"register-birth","title":{"zh-CN":"出生登记","en":"Register a birth"},
    "summary":{"zh-CN":"婴儿出生后42天内到登记处办理出生登记。","en":"Register a birth at the register office within 42 days."},
    "department":{"zh-CN":"登记处","en":"Register office"},"category":"family","life_events":["baby"],"audience":["person"],
    "keywords":{"en":["birth certificate","newborn"],"zh-CN":["出生证明","新生儿"]},"form":"register-birth"}]}"#;

fn index() -> SearchIndex {
    let catalog = load_catalog(CATALOG).0.unwrap();
    SearchIndex::build(&catalog, &[])
}

fn top(index: &SearchIndex, query: &str) -> Vec<String> {
    index.search(query, "en", 3).hits.into_iter().map(|h| h.service).collect()
}

#[test]
fn finds_by_title_synonym_keyword_prefix_and_typo() {
    let i = index();
    for (query, expected) in [
        ("residence permit", "residence-permit"),
        ("temporary residence", "residence-permit"),
        ("暂住证", "residence-permit"),
        ("birth certificate", "register-birth"),
        ("newbo", "register-birth"),
        ("居住登记", "residence-registration"),
        ("登记 residence", "residence-registration"),
        ("residense permt", "residence-permit"),
        ("regstration", "residence-registration"),
        ("Apply for a Residence Permit (first application)", "residence-permit"),
        ("出生", "register-birth"),
        ("居证", "residence-permit"),
    ] {
        assert_eq!(top(&i, query).first().map(String::as_str), Some(expected), "{query}");
    }
}

#[test]
fn pinyin_full_and_initials_find_chinese_names() {
    let i = index();
    assert!(i.has_pinyin());
    for query in
        ["juzhuzheng", "jzz", "JuZhuZheng", "zanzhuzheng", "zzz", "juzhuzhengshen", "shenling"]
    {
        assert_eq!(top(&i, query).first().map(String::as_str), Some("residence-permit"), "{query}");
    }
    assert_eq!(top(&i, "chusheng").first().map(String::as_str), Some("register-birth"));
}

#[test]
fn typos_are_corrected_and_said_so() {
    let i = index();
    let r = i.search("residense", "en", 10);
    assert_eq!(r.did_you_mean.as_deref(), Some("residence"));
    assert!(!r.hits.is_empty());
    assert_eq!(i.search("residence", "en", 10).did_you_mean, None);
}

#[test]
fn nothing_found_is_not_a_dead_end() {
    let i = index();
    let r = i.search("xyzzyplugh", "en", 10);
    assert!(r.hits.is_empty() && r.total == 0);
    assert_eq!(r.did_you_mean, None);
    assert!(!r.nearest.is_empty());
    // Far typos are offered as a correction rather than matched.
    let r = i.search("resdnce", "en", 10);
    assert!(r.hits.is_empty());
    assert_eq!(r.did_you_mean.as_deref(), Some("residence"));
    assert_eq!(
        r.nearest[0],
        Nearest {
            kind: GroupKind::Category,
            id: "household".into(),
            title: "Household registration and residence".into()
        }
    );
    // Titles come in the requested locale.
    let r = i.search("qqqqzzzz", "zh-CN", 10);
    assert_eq!(r.nearest[0].title, "户籍与居住");
    assert!(!i.search("", "en", 10).nearest.is_empty());
}

#[test]
fn titles_and_snippets_are_highlighted_in_the_locale() {
    let i = index();
    let hit = &i.search("permit resid", "en", 1).hits[0];
    let marked: Vec<&str> = hit.title.marks.iter().map(|m| &hit.title.text[m.clone()]).collect();
    assert_eq!(marked, ["residence", "permit"]);
    let hit = &i.search("居住证", "zh-CN", 1).hits[0];
    assert_eq!(hit.title.text, "居住证申领（首次）");
    assert_eq!(&hit.title.text[hit.title.marks[0].clone()], "居住证");
    let snippet = &hit.snippet;
    assert!(snippet.marks.iter().any(|m| &snippet.text[m.clone()] == "居住证"), "{snippet:?}");
}

#[test]
fn exact_names_come_first() {
    let i = index();
    // "Register" is in two titles and a department; the exact title wins.
    assert_eq!(top(&i, "register a birth")[0], "register-birth");
    assert_eq!(top(&i, "居住登记申报")[0], "residence-registration");
}

/// The files of the test catalog, and a way to find one by its path.
fn test_files() -> IndexFiles {
    let catalog = load_catalog(CATALOG).0.unwrap();
    SearchIndex::build_files(&catalog, &[])
}

fn part<'a>(files: &'a IndexFiles, path: &str) -> &'a [u8] {
    &files.parts.iter().find(|(p, _)| p == path).unwrap().1
}

/// The index with its entry and names part only.
fn opened(files: &IndexFiles) -> SearchIndex {
    let entry = IndexEntry::from_bytes(&files.entry).unwrap();
    SearchIndex::open(&entry, part(files, &entry.names_part())).unwrap()
}

/// Adds what `query` needs until it needs nothing more; returns how many rounds that took.
fn load_for(index: &mut SearchIndex, files: &IndexFiles, query: &str) -> usize {
    let mut rounds = 0;
    loop {
        let needed = index.needed_parts(query, 10);
        if needed.is_empty() {
            return rounds;
        }
        rounds += 1;
        for path in needed {
            index.add_part(&path, part(files, &path)).unwrap();
        }
        assert!(rounds < 10, "{query}: needs without end");
    }
}

#[test]
fn the_parts_round_trip_to_the_index_built_whole() {
    let whole = index();
    let files = test_files();
    assert_eq!(files, test_files(), "the same catalog gives the same files");
    let loaded = SearchIndex::from_files(&files).unwrap();
    assert_eq!(loaded.terms, whole.terms, "every term, with the same postings");
    assert!(loaded.has_pinyin() && loaded.len() == 3);
    for query in ["juzhuzheng", "residense", "居住", "nothing at all", "police", "moving"] {
        assert_eq!(loaded.search(query, "en", 5), whole.search(query, "en", 5), "{query}");
        assert_eq!(loaded.needed_parts(query, 5), Vec::<String>::new());
    }
    // Every part has a name of its own under search/.
    let mut paths: Vec<&String> = files.parts.iter().map(|(p, _)| p).collect();
    paths.sort();
    paths.dedup();
    assert_eq!(paths.len(), files.parts.len());
    assert!(paths.iter().all(|p| p.starts_with("search/") && p.ends_with(".idx")));
    assert!(whole.needed_parts("police", 5).is_empty(), "a built index has every part");
}

#[test]
fn names_answer_first_and_the_rest_arrives_by_query() {
    let files = test_files();
    let whole = index();
    let mut index = opened(&files);
    // A word only in a summary: nothing until its chunk is here.
    assert!(index.search("months", "en", 5).hits.is_empty());
    let needed = index.needed_parts("months", 5);
    assert!(!needed.is_empty() && needed.iter().all(|p| p.starts_with("search/chunk-")));
    assert_eq!(index.needed_parts("months", 5), needed, "stable");
    for path in &needed {
        index.add_part(path, part(&files, path)).unwrap();
    }
    let hit = &index.search("months", "en", 5).hits[0];
    assert_eq!(hit.service, "residence-permit");
    assert_eq!(hit.snippet, Highlighted::default(), "no summary before its fragment");
    let fragments = index.needed_parts("months", 5);
    assert_eq!(fragments.len(), 1);
    assert!(fragments[0].starts_with("search/frag-"));
    index.add_part(&fragments[0], part(&files, &fragments[0])).unwrap();
    assert!(index.needed_parts("months", 5).is_empty());
    assert_eq!(index.search("months", "en", 5), whole.search("months", "en", 5));
    // A title's words find their service at once, with their postings in names.
    let mut fresh = opened(&files);
    assert_eq!(fresh.search("birth", "en", 5).hits[0].service, "register-birth");
    load_for(&mut fresh, &files, "birth");
    assert_eq!(fresh.search("birth", "en", 5), whole.search("birth", "en", 5));
}

#[test]
fn a_query_with_its_parts_scores_as_the_whole_index() {
    let files = test_files();
    let whole = index();
    for query in [
        "residence permit",
        "residense permt",
        "居住登记",
        "居证",
        "jzz",
        "zanzhuzheng",
        "police",
        "6个月",
        "moving house",
        "regstration",
        "resdnce",
        "qqqqzzzz",
        "r",
        "登记 residence",
    ] {
        let mut index = opened(&files);
        let rounds = load_for(&mut index, &files, query);
        assert!(rounds <= 3, "{query}: {rounds} rounds");
        assert_eq!(index.search(query, "en", 10), whole.search(query, "en", 10), "{query}");
        assert_eq!(index.search(query, "zh-CN", 10), whole.search(query, "zh-CN", 10), "{query}");
    }
}

#[test]
fn parts_that_are_not_the_entrys_are_refused() {
    let files = test_files();
    let mut index = opened(&files);
    let chunks: Vec<&(String, Vec<u8>)> =
        files.parts.iter().filter(|(p, _)| p.starts_with("search/chunk-")).collect();
    assert!(!chunks.is_empty());
    let (path, bytes) = chunks[0];
    // Wrong bytes for the path: another part's, or changed.
    let other = &files.parts.iter().find(|(p, _)| p != path).unwrap().1;
    let error = index.add_part(path, other).unwrap_err();
    assert!(error.starts_with(path) && error.contains("not that part"), "{error}");
    let mut changed = bytes.clone();
    changed[8] ^= 1;
    assert!(index.add_part(path, &changed).unwrap_err().contains("not that part"));
    // Paths the entry does not name.
    for wrong in ["search/chunk-0000000000000000.idx", "catalog.json", "search/names-x.idx"] {
        let error = index.add_part(wrong, bytes).unwrap_err();
        assert!(error.contains("not a part of this index"), "{wrong}: {error}");
    }
    // A fragment under another service's name.
    let fragments: Vec<&(String, Vec<u8>)> =
        files.parts.iter().filter(|(p, _)| p.starts_with("search/frag-")).collect();
    let error = index.add_part(&fragments[1].0, &fragments[0].1).unwrap_err();
    assert!(error.contains("service 0's, not service 1's"), "{error}");
    // Nothing was added by the refusals.
    assert!(index.search("months", "en", 5).hits.is_empty());
    index.add_part(path, bytes).unwrap();
    index.add_part(path, bytes).unwrap();
    // A names part that is not the entry's.
    let entry = IndexEntry::from_bytes(&files.entry).unwrap();
    let error = SearchIndex::open(&entry, bytes).unwrap_err();
    assert!(error.contains("not that part"), "{error}");
    assert!(SearchIndex::build(&load_catalog(CATALOG).0.unwrap(), &[])
        .add_part(path, bytes)
        .unwrap_err()
        .contains("built whole"));
}

#[test]
fn corrupt_parts_are_errors_never_panics() {
    let files = test_files();
    assert!(IndexEntry::from_bytes(b"").is_err());
    assert!(IndexEntry::from_bytes(b"{\"json\": 1}").unwrap_err().contains("OWSI"));
    let mut other = files.entry.clone();
    other[4] = 99;
    assert!(IndexEntry::from_bytes(&other).unwrap_err().contains("version 99"));
    for cut in 0..files.entry.len() {
        assert!(IndexEntry::from_bytes(&files.entry[..cut]).is_err(), "entry cut at {cut}");
    }
    let entry = IndexEntry::from_bytes(&files.entry).unwrap();
    let docs = entry.0.docs;
    // Every part cut short, or with bytes flipped, read without the hash check that would
    // refuse it first: an error or a part that loads and searches, never a panic.
    let mut state = 0x9E37_79B9_7F4A_7C15u64;
    let mut random = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    for (path, bytes) in &files.parts {
        let read = |b: &[u8]| -> Result<Option<SearchIndex>, String> {
            if path.contains("/names-") {
                let mut stored = codec::read_names(b, docs)?;
                stored.pinyin = true;
                Ok(Some(SearchIndex::from_stored(stored)))
            } else if path.contains("/chunk-") {
                let terms = codec::read_chunk(b, docs)?;
                let mut index = opened(&files);
                index.terms = index.terms.merged(&terms);
                index.derive_terms();
                Ok(Some(index))
            } else {
                let set = entry.0.fragments;
                let doc: u32 =
                    path.rsplit('-').next().unwrap().trim_end_matches(".idx").parse().unwrap();
                codec::read_fragment(b, &set, doc, 2).map(|_| None)
            }
        };
        assert!(read(bytes).is_ok(), "{path}");
        for cut in 0..bytes.len() {
            assert!(read(&bytes[..cut]).is_err(), "{path} cut at {cut}");
        }
        for _ in 0..300 {
            let mut b = bytes.clone();
            let r = random();
            let at = 6 + (r as usize) % (b.len() - 6);
            b[at] ^= (r >> 32) as u8 | 1;
            if let Ok(Some(i)) = read(&b) {
                for q in ["居住证", "residence", "jzz", "x", "months"] {
                    let _ = i.search(q, "en", 5);
                    let _ = i.needed_parts(q, 5);
                }
            }
        }
    }
}

#[test]
fn any_query_is_safe() {
    let i = index();
    for q in [
        "",
        " ",
        "（）",
        "a",
        "the of",
        "🙂🙂",
        "ǜ",
        "居",
        "居住证居住证居住证居住证居住证居住证居住证居住证居住证",
        &"x".repeat(500),
        "\u{0}\u{FEFF}",
        "ＡＰＰＬＹ",
    ] {
        let r = i.search(q, "fr", 5);
        assert!(r.hits.len() <= 5);
        for h in &r.hits {
            for m in h.title.marks.iter().chain(&h.snippet.marks) {
                assert!(
                    h.title.text.get(m.clone()).is_some()
                        || h.snippet.text.get(m.clone()).is_some()
                );
            }
        }
    }
    assert_eq!(top(&i, "ＲＥＳＩＤＥＮＣＥ")[0], "residence-permit");
    assert_eq!(top(&i, "the")[..], [] as [String; 0]);
}

#[test]
fn impacts_add_fields_up_then_saturate() {
    // Three services of equal lengths: the term in the title, in the summary, in both.
    let posting = |doc, field: Field| Posting { doc, field: field as u8, tf: 1 };
    let weights = field_weights(&[[4; FIELDS], [4; FIELDS], [4; FIELDS]]);
    let list = [
        posting(0, Field::Title),
        posting(1, Field::Summary),
        posting(2, Field::Title),
        posting(2, Field::Summary),
    ];
    let impact: Vec<u8> = impacts(&list, &weights).into_iter().map(|(_, i)| i).collect();
    let [title, summary, both] = impact[..] else { panic!("{impact:?}") };
    assert!(summary < title && title < both, "{impact:?}");
    assert!(both < title + summary, "saturates: {impact:?}");
    // A longer title than the catalog's average counts less.
    let weights = field_weights(&[[4; FIELDS], [12; FIELDS]]);
    let impact = impacts(&[posting(0, Field::Title), posting(1, Field::Title)], &weights);
    assert!(impact[1].1 < impact[0].1, "{impact:?}");
    assert!(impact.iter().all(|&(_, i)| (1..=IMPACT_SCALE as u8).contains(&i)));
}
