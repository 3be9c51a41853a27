use super::build::{field_weights, impacts, Field, FIELDS, IMPACT_SCALE};
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

#[test]
fn the_bytes_round_trip() {
    let i = index();
    let bytes = i.to_bytes();
    let loaded = SearchIndex::from_bytes(&bytes).unwrap();
    assert_eq!(loaded.to_bytes(), bytes);
    for query in ["juzhuzheng", "residense", "居住", "nothing at all"] {
        assert_eq!(loaded.search(query, "en", 5), i.search(query, "en", 5), "{query}");
    }
}

#[test]
fn corrupt_bytes_are_errors_never_panics() {
    let bytes = index().to_bytes();
    assert!(SearchIndex::from_bytes(b"").is_err());
    assert!(SearchIndex::from_bytes(b"{\"json\": 1}").unwrap_err().contains("OWSI"));
    let mut other = bytes.clone();
    other[4] = 99;
    assert!(SearchIndex::from_bytes(&other).unwrap_err().contains("version 99"));
    for cut in 0..bytes.len() {
        assert!(SearchIndex::from_bytes(&bytes[..cut]).is_err(), "cut at {cut}");
    }
    // Flip bytes all over: loading may succeed or fail, and searching what loads must work.
    let mut state = 0x9E37_79B9_7F4A_7C15u64;
    for _ in 0..2000 {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        let mut b = bytes.clone();
        let at = 6 + (state as usize) % (b.len() - 6);
        b[at] ^= (state >> 32) as u8 | 1;
        if let Ok(i) = SearchIndex::from_bytes(&b) {
            for q in ["居住证", "residence", "jzz", "x"] {
                let _ = i.search(q, "en", 5);
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
