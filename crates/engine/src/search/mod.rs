//! Keyword search over the service catalog, in Chinese and English (`docs/search.md`).
//!
//! The index is built ahead by the CLI (`onewindow index`), which has the pinyin table (the
//! `pinyin` feature); the browser loads its bytes with [`SearchIndex::from_bytes`] and needs no
//! table at query time. [`SearchIndex::build`] is the fallback for a catalog published without
//! an index (without pinyin unless the feature is on).
//!
//! ```
//! use onewindow_engine::{load_catalog, search::SearchIndex};
//! let json = r#"{"schema_version":1,"locales":["zh-CN","en"],
//!   "categories":[{"id":"household","title":{"zh-CN":"户籍","en":"Household"}}],"life_events":[],
//!   "services":[{"id":"residence-permit","title":{"zh-CN":"居住证申领","en":"Apply for a residence permit"},
//!   "summary":{"zh-CN":"申领居住证。","en":"Get a residence permit."},"department":{"zh-CN":"公安局","en":"Police"},
//!   "category":"household","audience":["person"],"form":"residence-permit"}]}"#;
//! let catalog = load_catalog(json).0.unwrap();
//! let index = SearchIndex::from_bytes(&SearchIndex::build(&catalog, &[]).to_bytes()).unwrap();
//! let results = index.search("residense permi", "en", 10);
//! assert_eq!(results.hits[0].service, "residence-permit");
//! let title = &results.hits[0].title;
//! assert_eq!(&title.text[title.marks[0].clone()], "residence");
//! assert_eq!(index.search("居住", "zh-CN", 10).hits[0].title.text, "居住证申领");
//! ```

mod codec;
#[cfg(feature = "pinyin")]
mod pinyin;
mod terms;
mod text;

use crate::guide::{Catalog, Guide};
use std::cmp::Ordering;
use std::collections::{BTreeMap, BinaryHeap};
use std::ops::Range;
use std::sync::{Mutex, TryLockError};
use terms::{Posting, Terms};
use text::Kind;

/// Where a term was found in a service. The order is the binary format's: append only.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
enum Field {
    Title = 0,
    Synonym = 1,
    Keyword = 2,
    Summary = 3,
    Department = 4,
    /// The titles of its category and life events.
    Group = 5,
    Material = 6,
    Faq = 7,
    PinyinFull = 8,
    // Written only by indexes built with the `pinyin` feature; read by every index.
    #[cfg_attr(not(feature = "pinyin"), allow(dead_code))]
    PinyinInitials = 9,
}

const FIELDS: usize = 10;
/// How much a match in each field counts: names people call the service by first. Scaled so
/// a title match alone is about K1: more matches in other fields still add before BM25
/// saturates (with a title weight of 10, every title match scored nearly the same).
const WEIGHT: [f32; FIELDS] = [1.5, 1.2, 0.9, 0.3, 0.3, 0.22, 0.15, 0.15, 0.9, 0.45];
/// How much a field's length dampens its matches (BM25's b): long texts mention words in passing.
const LENGTH_NORM: [f32; FIELDS] = [0.6, 0.3, 0.3, 0.75, 0.3, 0.3, 0.75, 0.75, 0.3, 0.3];
const K1: f32 = 1.2;
/// Impacts are stored in 63rds, 1 to 63: the relevance tests pass with these as with 255ths,
/// which make the index file compress worse (+100 KB gzip, a fifth, on 5,000 services).
const IMPACT_SCALE: f32 = 63.0;
const IDF_FLOOR: f32 = 0.2;
/// Candidates re-ranked by whole-name matches; the rest keep their order.
const RERANK: usize = 32;
/// Pinyin terms start with this byte: they sort apart from words, so that English words and
/// pinyin never meet in typo matching, and a walk of the words' part of the dictionary skips them.
const PINYIN: char = '\u{1}';
/// Catalogs from this size drop words found in most long texts (see `build`).
const COMMON_MIN_SERVICES: usize = 100;
/// Snippet length in characters.
const SNIPPET: usize = 100;

/// A prebuilt index over a catalog's services: what [`SearchIndex::search`] reads.
#[derive(Clone, Debug)]
pub struct SearchIndex {
    locales: Vec<String>,
    categories: Vec<Group>,
    life_events: Vec<Group>,
    /// Every service's strings back to back (see [`Doc`]): a load is one copy and one UTF-8
    /// check rather than tens of thousands of allocations.
    text: String,
    spans: Vec<Span>,
    docs: Vec<Doc>,
    terms: Terms,
    pinyin: bool,
    /// Derived: categories and life events, the most services first.
    biggest: Vec<(GroupKind, u32)>,
    /// Derived: the first term that is not pinyin.
    words_start: usize,
    /// Derived: folded titles and synonyms (strength 3) and keywords (2) of every service, for
    /// whole-name matches; [`Doc::names`] says which are whose.
    name_text: String,
    names: Vec<(u8, Span)>,
    /// Derived: what queries score into, kept between them.
    scratch: Scratch,
}

/// What an index file holds (`codec.rs`); the rest of [`SearchIndex`] is derived from it.
struct Stored {
    locales: Vec<String>,
    categories: Vec<Group>,
    life_events: Vec<Group>,
    text: String,
    spans: Vec<Span>,
    docs: Vec<Doc>,
    terms: Terms,
    pinyin: bool,
}

/// Score accumulators kept from query to query: allocating and zeroing three arrays the size
/// of the catalog for every query, and merging a list of touched services into them per word,
/// were a quarter of a query's instructions. A `Mutex` keeps the index `Sync`; a search that
/// finds it taken (another thread searching) allocates its own.
#[derive(Default)]
struct Scratch(Mutex<Accumulators>);

#[derive(Default)]
struct Accumulators {
    /// Which query this is: an entry written by an earlier one counts as empty, so nothing is
    /// cleared between queries.
    query: u32,
    /// One per service.
    acc: Vec<Acc>,
    /// The first `found` are the services this query has given a score, so that the end need
    /// not look at all; as long as the catalog, so that adding one is a store, not a push.
    found: Vec<u32>,
}

/// What [`SearchIndex::add_term`] adds to.
struct Tally<'a> {
    acc: &'a mut [Acc],
    found: &'a mut [u32],
    n_found: usize,
    query: u32,
    unit: u16,
}

/// What the query being scored has given one service so far.
#[derive(Clone, Copy, Debug, Default)]
struct Acc {
    query: u32,
    /// The unit whose best match is `best`; not yet in `total`.
    unit: u16,
    /// How many units matched.
    hits: u16,
    /// The best match of each earlier unit, added up.
    total: f32,
    best: f32,
}

impl Clone for Scratch {
    fn clone(&self) -> Self {
        Scratch::default()
    }
}

impl std::fmt::Debug for Scratch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Scratch")
    }
}

/// Where a string is in a text buffer.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Span {
    start: u32,
    end: u32,
}

#[derive(Clone, Debug)]
struct Group {
    id: String,
    /// One per locale of the index.
    titles: Vec<String>,
}

#[derive(Clone, Debug)]
struct Doc {
    /// Its first string in `spans`; its strings are, in order: the id, the titles and the
    /// summaries (one per locale), the synonyms and the keywords.
    first: u32,
    synonyms: u16,
    keywords: u16,
    category: Option<u32>,
    life_events: Vec<u32>,
    /// Derived: its range of `names`.
    names: Span,
}

/// What [`SearchIndex::search`] found.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SearchResults {
    /// The best services first, at most `limit`.
    pub hits: Vec<Hit>,
    /// How many services matched in all (to announce "N results").
    pub total: usize,
    /// A corrected query, when a word was not found as typed: the results are already those of
    /// the correction when some word matched that way; with no results, searching for it finds
    /// some.
    pub did_you_mean: Option<String>,
    /// With no results: categories and life events to browse instead, the likeliest first
    /// (never empty when the catalog has any).
    pub nearest: Vec<Nearest>,
}

/// One service found.
#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    /// The service's id in the catalog.
    pub service: String,
    /// Higher is better; only the order within one result list means anything.
    pub score: f32,
    /// The title in the requested locale, with the matched words marked.
    pub title: Highlighted,
    /// A part of the summary in the requested locale (the whole summary when short), with the
    /// matched words marked.
    pub snippet: Highlighted,
}

/// A text with marked ranges.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Highlighted {
    /// The text as published (a snippet may start or end with `…`).
    pub text: String,
    /// Byte ranges of `text` to highlight, in order, not overlapping, on character boundaries.
    pub marks: Vec<Range<usize>>,
}

/// A category or life event to offer when nothing was found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Nearest {
    /// Which list the id is in.
    pub kind: GroupKind,
    /// The category's or life event's id in the catalog.
    pub id: String,
    /// Its title in the requested locale.
    pub title: String,
}

/// Categories and life events.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GroupKind {
    /// A catalog category.
    Category,
    /// A catalog life event.
    LifeEvent,
}

/// One thing the query asks for: a Latin-script word, or a pair or single Han character.
#[derive(Clone, Debug)]
struct Unit {
    /// Folded, unstemmed (what prefix matching and typo tolerance use).
    raw: String,
    /// Stemmed: what an exact match uses.
    stem: String,
    han: bool,
    /// The Han run it came from, for the single-character fallback.
    run: usize,
}

/// What [`SearchIndex::score`] found.
struct Scored {
    /// The best [`RERANK`] services and their scores, in no order.
    ranked: Vec<(u32, f32)>,
    /// How many services have a score.
    total: usize,
    /// How each unit matched.
    matches: Vec<UnitMatch>,
    /// The dictionary terms that matched (sorted, for highlighting).
    matched_terms: Vec<usize>,
}

/// How one unit matched.
#[derive(Default)]
struct UnitMatch {
    matched: bool,
    /// The dictionary term it was corrected to, when it matched only within an edit distance.
    corrected: Option<String>,
}

impl SearchIndex {
    /// Indexes `catalog`'s services: titles, synonyms, keywords, summaries, departments, the
    /// titles of their category and life events, and, from `guides` (matched by their
    /// `service`), material names and FAQ questions. With the `pinyin` feature, Han text in
    /// titles, synonyms and keywords is also indexed by its pinyin (full and initials).
    pub fn build(catalog: &Catalog, guides: &[Guide]) -> SearchIndex {
        let locales = if catalog.locales.is_empty() {
            vec!["en".to_string()]
        } else {
            catalog.locales.clone()
        };
        let fallback = locales[0].clone();
        let localized = |t: &crate::form::definition::Text| -> Vec<String> {
            locales.iter().map(|l| t.get(l, &fallback).to_string()).collect()
        };
        let group =
            |n: &crate::guide::Named| Group { id: n.id.clone(), titles: localized(&n.title) };
        let categories: Vec<Group> = catalog.categories.iter().map(group).collect();
        let life_events: Vec<Group> = catalog.life_events.iter().map(group).collect();
        let mut postings: BTreeMap<Vec<u8>, Vec<Posting>> = BTreeMap::new();
        let mut docs = Vec::new();
        // Terms per field of each service, at most 255: what BM25F's length normalisation needs.
        let mut lengths: Vec<[u8; FIELDS]> = Vec::new();
        let mut text = String::new();
        let mut spans = Vec::new();
        for (d, service) in catalog.services.iter().enumerate() {
            let mut fields: [Vec<String>; FIELDS] = Default::default();
            let category =
                catalog.categories.iter().position(|c| c.id == service.category).map(|i| i as u32);
            let events: Vec<u32> = service
                .life_events
                .iter()
                .filter_map(|e| catalog.life_events.iter().position(|l| &l.id == e))
                .map(|i| i as u32)
                .collect();
            let titles = localized(&service.title);
            let summaries = localized(&service.summary);
            let synonyms: Vec<String> = service.synonyms.values().flatten().cloned().collect();
            let keywords: Vec<String> = service.keywords.values().flatten().cloned().collect();
            fields[Field::Title as usize] = titles.clone();
            fields[Field::Synonym as usize] = synonyms.clone();
            fields[Field::Keyword as usize] = keywords.clone();
            fields[Field::Summary as usize] = summaries.clone();
            fields[Field::Department as usize] = localized(&service.department);
            let group_titles = category
                .iter()
                .map(|&c| &categories[c as usize])
                .chain(events.iter().map(|&e| &life_events[e as usize]));
            fields[Field::Group as usize] =
                group_titles.flat_map(|g| g.titles.iter().cloned()).collect();
            for guide in guides.iter().filter(|g| g.service == service.id) {
                fields[Field::Material as usize]
                    .extend(guide.materials.iter().flat_map(|m| localized(&m.name)));
                fields[Field::Faq as usize]
                    .extend(guide.faq.iter().flat_map(|f| localized(&f.question)));
            }
            #[cfg(feature = "pinyin")]
            {
                let names: Vec<String> =
                    titles.iter().chain(&synonyms).chain(&keywords).cloned().collect();
                for name in names {
                    pinyin::terms(&name, |full, initials| {
                        fields[Field::PinyinFull as usize].push(format!("{PINYIN}{full}"));
                        if initials.len() >= 2 {
                            fields[Field::PinyinInitials as usize]
                                .push(format!("{PINYIN}{initials}"));
                        }
                    });
                }
            }
            let mut lens = [0u8; FIELDS];
            let mut counts: BTreeMap<(Vec<u8>, u8), u32> = BTreeMap::new();
            for (f, texts) in fields.iter_mut().enumerate() {
                // A plain text is the same in every locale: count it once.
                let mut seen = Vec::new();
                texts.retain(|t| {
                    if seen.contains(t) {
                        false
                    } else {
                        seen.push(t.clone());
                        true
                    }
                });
                let mut n = 0u32;
                for t in texts.iter() {
                    if f >= Field::PinyinFull as usize {
                        *counts.entry((t.clone().into_bytes(), f as u8)).or_default() += 1;
                        n += 1;
                    } else {
                        let names = f <= Field::Keyword as usize;
                        let long = matches!(f, 3 | 6 | 7); // summary, materials, FAQ
                        text::terms(t, names, !long, |term, counted| {
                            *counts.entry((term.into_bytes(), f as u8)).or_default() += 1;
                            n += u32::from(counted);
                        });
                    }
                }
                lens[f] = n.min(255) as u8;
            }
            for ((term, field), tf) in counts {
                postings.entry(term).or_default().push(Posting {
                    doc: d as u32,
                    field,
                    tf: tf.min(15) as u8,
                });
            }
            let first = spans.len() as u32;
            for s in std::iter::once(&service.id)
                .chain(&titles)
                .chain(&summaries)
                .chain(&synonyms)
                .chain(&keywords)
            {
                let start = text.len() as u32;
                text.push_str(s);
                spans.push(Span { start, end: text.len() as u32 });
            }
            let (synonyms, keywords) = (
                synonyms.len().min(usize::from(u16::MAX)) as u16,
                keywords.len().min(usize::from(u16::MAX)) as u16,
            );
            docs.push(Doc {
                first,
                synonyms,
                keywords,
                category,
                life_events: events,
                names: Span::default(),
            });
            lengths.push(lens);
        }
        // Words in most summaries ("apply online", 办事大厅) tell no service apart there, yet
        // would be read for every query that has them: they stay only in the fields where
        // they are rarer (a title that says "Apply for"). Only in larger catalogs, where
        // "most" means something.
        let n = docs.len();
        if n >= COMMON_MIN_SERVICES {
            for list in postings.values_mut() {
                for f in [Field::Summary, Field::Material, Field::Faq] {
                    let f = f as u8;
                    if list.iter().filter(|p| p.field == f).count() * 2 > n {
                        list.retain(|p| p.field != f);
                    }
                }
            }
            postings.retain(|_, list| !list.is_empty());
        }
        let weights = field_weights(&lengths);
        let terms = Terms::from_sorted(
            postings.into_iter().map(|(term, list)| (term, impacts(&list, &weights))),
        );
        SearchIndex::from_stored(Stored {
            locales,
            categories,
            life_events,
            text,
            spans,
            docs,
            terms,
            pinyin: cfg!(feature = "pinyin"),
        })
    }

    /// The index from what its file stores, with what is derived from that worked out: the one
    /// place that lists the derived fields.
    fn from_stored(stored: Stored) -> SearchIndex {
        let Stored { locales, categories, life_events, text, spans, docs, terms, pinyin } = stored;
        let mut index = SearchIndex {
            locales,
            categories,
            life_events,
            text,
            spans,
            docs,
            terms,
            pinyin,
            biggest: Vec::new(),
            words_start: 0,
            name_text: String::new(),
            names: Vec::new(),
            scratch: Scratch::default(),
        };
        index.derive();
        index
    }

    /// The index as bytes (a versioned binary format, `docs/search.md`), for
    /// [`SearchIndex::from_bytes`].
    pub fn to_bytes(&self) -> Vec<u8> {
        codec::write(self)
    }

    /// Reads an index written by [`SearchIndex::to_bytes`]. Bytes of another format version,
    /// cut short or corrupt are an error naming what is wrong, never a panic.
    pub fn from_bytes(bytes: &[u8]) -> Result<SearchIndex, String> {
        codec::read(bytes)
    }

    /// Whether the index has pinyin terms (it was built with the `pinyin` feature).
    pub fn has_pinyin(&self) -> bool {
        self.pinyin
    }

    /// How many services are indexed.
    pub fn len(&self) -> usize {
        self.docs.len()
    }

    /// Whether no service is indexed.
    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    fn derive(&mut self) {
        self.words_start = self.terms.prefix_range(&[PINYIN as u8]).end;
        let mut sizes: Vec<(usize, GroupKind, u32)> = Vec::new();
        for (kind, count) in [
            (GroupKind::Category, self.categories.len()),
            (GroupKind::LifeEvent, self.life_events.len()),
        ] {
            let mut counts = vec![0usize; count];
            for d in &self.docs {
                let of = if kind == GroupKind::Category {
                    d.category.iter().copied().collect()
                } else {
                    d.life_events.clone()
                };
                for g in of {
                    if let Some(c) = counts.get_mut(g as usize) {
                        *c += 1;
                    }
                }
            }
            sizes.extend(
                counts.into_iter().enumerate().map(|(i, c)| (usize::MAX - c, kind, i as u32)),
            );
        }
        sizes.sort_by_key(|&(size, kind, i)| (size, kind == GroupKind::LifeEvent, i));
        self.biggest = sizes.into_iter().map(|(_, kind, i)| (kind, i)).collect();
        let (mut name_text, mut names) = (String::new(), Vec::new());
        let mut ranges = Vec::with_capacity(self.docs.len());
        for doc in &self.docs {
            let start = names.len() as u32;
            let l = self.locales.len();
            let titles = (0..l).map(|li| self.title(doc, li));
            let kinds = titles
                .map(|t| (3, t))
                .chain(self.synonyms(doc).map(|t| (3, t)))
                .chain(self.keywords(doc).map(|t| (2, t)));
            for (strength, name) in kinds {
                let at = name_text.len();
                text::normalized_into(name, &mut name_text);
                let span = Span { start: at as u32, end: name_text.len() as u32 };
                let folded = &name_text[at..];
                let mine = &names[start as usize..];
                if folded.is_empty()
                    || mine.iter().any(|(_, s): &(u8, Span)| {
                        &name_text[s.start as usize..s.end as usize] == folded
                    })
                {
                    name_text.truncate(at);
                } else {
                    names.push((strength, span));
                }
            }
            ranges.push(Span { start, end: names.len() as u32 });
        }
        for (doc, range) in self.docs.iter_mut().zip(ranges) {
            doc.names = range;
        }
        self.name_text = name_text;
        self.names = names;
        // Buffers grew by doubling while being filled: give back what they will never use.
        self.name_text.shrink_to_fit();
        self.names.shrink_to_fit();
        self.spans.shrink_to_fit();
        self.terms.shrink_to_fit();
    }

    fn string(&self, i: usize) -> &str {
        let span = self.spans.get(i).copied().unwrap_or_default();
        self.text.get(span.start as usize..span.end as usize).unwrap_or("")
    }

    fn id(&self, doc: &Doc) -> &str {
        self.string(doc.first as usize)
    }

    fn title(&self, doc: &Doc, locale: usize) -> &str {
        self.string(doc.first as usize + 1 + locale)
    }

    fn summary(&self, doc: &Doc, locale: usize) -> &str {
        self.string(doc.first as usize + 1 + self.locales.len() + locale)
    }

    fn synonyms<'a>(&'a self, doc: &Doc) -> impl Iterator<Item = &'a str> + 'a {
        let start = doc.first as usize + 1 + 2 * self.locales.len();
        (start..start + usize::from(doc.synonyms)).map(move |i| self.string(i))
    }

    fn keywords<'a>(&'a self, doc: &Doc) -> impl Iterator<Item = &'a str> + 'a {
        let start = doc.first as usize + 1 + 2 * self.locales.len() + usize::from(doc.synonyms);
        (start..start + usize::from(doc.keywords)).map(move |i| self.string(i))
    }

    fn locale_index(&self, locale: &str) -> usize {
        let language = |l: &str| l.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
        self.locales
            .iter()
            .position(|l| l.eq_ignore_ascii_case(locale))
            .or_else(|| self.locales.iter().position(|l| language(l) == language(locale)))
            .unwrap_or(0)
    }

    /// Finds services for what someone typed, best first, at most `limit`; titles and snippets
    /// in `locale` (else the catalog's first locale). Any language may be typed whatever the
    /// locale: Chinese, English, pinyin, or a mix. The last word counts as typed in part.
    pub fn search(&self, query: &str, locale: &str, limit: usize) -> SearchResults {
        let li = self.locale_index(locale);
        let (mut units, runs) = analyse(query);
        if units.is_empty() {
            return SearchResults {
                nearest: self.nearest(&[], query, li),
                ..SearchResults::default()
            };
        }
        let Scored { mut ranked, total, matches, matched_terms } = self.score(&mut units, &runs);
        let fixes = |units: &[Unit], matches: &[UnitMatch]| -> Vec<(String, String)> {
            units
                .iter()
                .zip(matches)
                .filter_map(|(u, m)| Some((u.raw.clone(), m.corrected.clone()?)))
                .collect()
        };
        let corrections = fixes(&units, &matches);
        if total == 0 {
            // Nothing matched: try each word with a wider edit distance.
            let mut wider = units.clone();
            let mut corrections = Vec::new();
            for u in &mut wider {
                // One more edit than a match allows, at most two: three reach too much of the
                // dictionary to be a suggestion, or to be quick.
                let chars = u.raw.chars().count();
                if !u.han && (3..8).contains(&chars) {
                    let max = if chars == 3 { 1 } else { 2 };
                    if let Some(term) = self.nearest_term(&u.raw, max) {
                        corrections.push((u.raw.clone(), term.clone()));
                        u.raw = term.clone();
                        u.stem = term;
                    }
                }
            }
            let mut results = SearchResults::default();
            let mut found: Vec<(u32, f32)> = Vec::new();
            if !corrections.is_empty() {
                let again = self.score(&mut wider, &runs);
                if again.total > 0 {
                    results.did_you_mean = Some(corrected_query(query, &corrections));
                    found = again.ranked;
                }
            }
            found.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            let docs: Vec<u32> = found.iter().take(5).map(|(d, _)| *d).collect();
            results.nearest = self.nearest(&docs, query, li);
            return results;
        }
        let normalized_query = text::normalized(query);
        let top = ranked.len();
        for (doc, score) in ranked[..top].iter_mut() {
            *score *= self.name_bonus(&self.docs[*doc as usize], &normalized_query);
        }
        ranked[..top].sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        let mut terms: Vec<&[u8]> = matched_terms.iter().map(|&t| self.terms.term(t)).collect();
        terms.sort_unstable();
        // Most words of a text start with a byte no matched term starts with.
        let mut first = [false; 256];
        for t in &terms {
            if let Some(&b) = t.first() {
                first[usize::from(b)] = true;
            }
        }
        let matched = Matched { terms, first };
        let hits = ranked[..top.min(limit)]
            .iter()
            .map(|&(d, score)| {
                let doc = &self.docs[d as usize];
                let title = self.title(doc, li).to_string();
                let summary = self.summary(doc, li);
                Hit {
                    service: self.id(doc).to_string(),
                    score,
                    title: Highlighted { marks: matched.marks(&title, usize::MAX), text: title },
                    snippet: self.snippet(summary, &matched),
                }
            })
            .collect();
        let did_you_mean = (!corrections.is_empty()).then(|| corrected_query(query, &corrections));
        SearchResults { hits, total, did_you_mean, nearest: Vec::new() }
    }

    /// Scores every service against `units`.
    fn score(&self, units: &mut Vec<Unit>, runs: &[String]) -> Scored {
        let mut own = Accumulators::default();
        let mut guard = match self.scratch.0.try_lock() {
            Ok(g) => Some(g),
            Err(TryLockError::Poisoned(p)) => Some(p.into_inner()),
            Err(TryLockError::WouldBlock) => None,
        };
        let scratch = guard.as_deref_mut().unwrap_or(&mut own);
        scratch.acc.resize(self.docs.len(), Acc::default());
        scratch.found.resize(self.docs.len(), 0);
        scratch.query = scratch.query.wrapping_add(1);
        if scratch.query == 0 {
            // Once in four billion queries: entries as old as this one's number are cleared.
            scratch.acc.fill(Acc::default());
            scratch.query = 1;
        }
        let mut tally = Tally {
            acc: &mut scratch.acc,
            found: &mut scratch.found,
            n_found: 0,
            query: scratch.query,
            unit: 0,
        };
        let mut matches: Vec<UnitMatch> = Vec::new();
        let mut matched_terms: Vec<usize> = Vec::new();
        let mut i = 0;
        while i < units.len() {
            let last = i + 1 == units.len();
            let (expansions, corrected) = self.expand(&units[i], last);
            // Units scored again (the Han fallback below) get a new number.
            tally.unit = tally.unit.wrapping_add(1);
            let mut matched = false;
            for &(term, weight) in &expansions {
                matched |= self.add_term(term, weight, &mut tally);
            }
            if matched {
                matched_terms.extend(expansions.iter().map(|(t, _)| *t));
            }
            matches.push(UnitMatch { matched, corrected: if matched { corrected } else { None } });
            // A run of Han characters none of whose pairs is known: look for its characters.
            let run = units[i].run;
            let run_ends = run != usize::MAX && units.get(i + 1).is_none_or(|u| u.run != run);
            if run_ends {
                let first = units.iter().position(|u| u.run == run).unwrap_or(i);
                let pairs = first < i || units[i].raw.chars().count() == 2;
                if pairs && matches[first..=i].iter().all(|m| !m.matched) {
                    let mut chars: Vec<Unit> = Vec::new();
                    for c in runs.get(run).map(String::as_str).unwrap_or("").chars() {
                        let s = c.to_string();
                        if !chars.iter().any(|u| u.raw == s) {
                            chars.push(Unit {
                                raw: s.clone(),
                                stem: s,
                                han: true,
                                run: usize::MAX,
                            });
                        }
                    }
                    units.splice(first..=i, chars);
                    matches.truncate(first);
                    i = first;
                    continue;
                }
            }
            i += 1;
        }
        let count = units.len() as f32;
        let mut total = 0;
        let mut kept: BinaryHeap<Worse> = BinaryHeap::with_capacity(RERANK);
        for &d in tally.found.get(..tally.n_found).unwrap_or(&[]) {
            let Some(a) = tally.acc.get(d as usize) else { continue };
            let t = a.total + a.best;
            if t > 0.0 {
                total += 1;
                // Services matching every word come first.
                let coverage = f32::from(a.hits) / count;
                let c = (d, t * coverage * coverage);
                // The best RERANK in one pass: a heap whose top is the worst kept, so most
                // services cost one comparison.
                if kept.len() < RERANK {
                    kept.push(Worse(c));
                } else if let Some(mut top) = kept.peek_mut() {
                    if better(c, top.0) {
                        *top = Worse(c);
                    }
                }
            }
        }
        matched_terms.sort_unstable();
        matched_terms.dedup();
        Scored { ranked: kept.into_iter().map(|w| w.0).collect(), total, matches, matched_terms }
    }

    /// The dictionary terms a unit stands for, with how much each counts, and the correction
    /// when it matched only within an edit distance.
    fn expand(&self, unit: &Unit, last: bool) -> (Vec<(usize, f32)>, Option<String>) {
        let mut out: Vec<(usize, f32)> = Vec::new();
        let add = |term: usize, weight: f32, out: &mut Vec<(usize, f32)>| match out
            .iter_mut()
            .find(|(t, _)| *t == term)
        {
            Some(e) => e.1 = e.1.max(weight),
            None => out.push((term, weight)),
        };
        for form in [&unit.stem, &unit.raw] {
            if let Some(t) = self.terms.find(form.as_bytes()) {
                add(t, 1.0, &mut out);
            }
        }
        if unit.han {
            return (out, None);
        }
        let chars = unit.raw.chars().count();
        // Pinyin is typed whole or in part, the way an input method takes it.
        let pinyin = format!("{PINYIN}{}", unit.raw);
        if let Some(t) = self.terms.find(pinyin.as_bytes()) {
            add(t, 1.0, &mut out);
        }
        if last || out.is_empty() {
            self.complete(pinyin.as_bytes(), chars, &mut out, add);
        }
        // Completions: of the last word, which is being typed; of an earlier one only when it
        // is not a whole word of the catalog (people type "resid perm"). Completing every word
        // would cost a list per word on every keystroke (Algolia's default, prefixLast, agrees).
        let words_matched =
            out.iter().any(|&(t, _)| !self.terms.term(t).starts_with(&[PINYIN as u8]));
        if (last && chars >= 1) || (!words_matched && chars >= 2) {
            self.complete(unit.raw.as_bytes(), chars, &mut out, add);
        }
        if !out.is_empty() {
            return (out, None);
        }
        // A typo: only when nothing matched as typed, so correct spellings stay exact.
        let max = match chars {
            0..=3 => return (out, None),
            4..=7 => 1,
            _ => 2,
        };
        let mut best: Option<(u8, u32, usize)> = None;
        self.terms.fuzzy(unit.raw.as_bytes(), max, self.words_start, |t, d| {
            add(t, if d == 1 { 0.6 } else { 0.4 }, &mut out);
            let candidate = (d, u32::MAX - self.terms.df(t), t);
            if best.is_none_or(|b| candidate < b) {
                best = Some(candidate);
            }
        });
        let corrected =
            best.map(|(_, _, t)| String::from_utf8_lossy(self.terms.term(t)).into_owned());
        (out, corrected)
    }

    /// Adds the terms that start with `prefix` (a word of `chars` characters) to `out`.
    fn complete(
        &self,
        prefix: &[u8],
        chars: usize,
        out: &mut Vec<(usize, f32)>,
        add: impl Fn(usize, f32, &mut Vec<(usize, f32)>),
    ) {
        let mut completions: Vec<usize> = self.terms.prefix_range(prefix).collect();
        // A short prefix of a large catalog names hundreds of terms: the commonest stand for
        // them, and the whole word is typed a keystroke later.
        let cap = match chars {
            1 => 16,
            2 => 32,
            _ => 64,
        };
        if completions.len() > cap {
            completions
                .select_nth_unstable_by_key(cap - 1, |&t| std::cmp::Reverse(self.terms.df(t)));
            completions.truncate(cap);
        }
        for t in completions {
            let len = self.terms.term(t).len().max(1) as f32;
            add(t, 0.5 + 0.4 * (prefix.len() as f32 / len).min(1.0), out);
        }
    }

    /// The closest term to `word` within `max` edits (the commonest among equals).
    fn nearest_term(&self, word: &str, max: u8) -> Option<String> {
        let mut best: Option<(u8, u32, usize)> = None;
        self.terms.fuzzy(word.as_bytes(), max, self.words_start, |t, d| {
            let candidate = (d, u32::MAX - self.terms.df(t), t);
            if best.is_none_or(|b| candidate < b) {
                best = Some(candidate);
            }
        });
        best.map(|(_, _, t)| String::from_utf8_lossy(self.terms.term(t)).into_owned())
    }

    /// BM25F: a term's frequencies in each field, weighted and normalised by the field's
    /// length, add up before saturating, so a word in the title and the summary counts more than
    /// in either, but not twice as much.
    /// Says whether any service had the term.
    fn add_term(&self, term: usize, weight: f32, tally: &mut Tally) -> bool {
        let n = self.docs.len() as f32;
        let df = self.terms.df(term) as f32;
        // A floor: a word in every summary ("apply online") still tells titles apart.
        let idf = (1.0 + (n - df + 0.5) / (df + 0.5)).ln().max(IDF_FLOOR);
        // A posting's impact is its saturated BM25F term frequency in 63rds (`impacts`).
        let scale = weight * idf * (K1 + 1.0) / IMPACT_SCALE;
        // The postings are decoded here as the reference decoder `terms::Postings` does (its
        // test pins the format), with primitive operations only: under opt-level "z" every
        // conversion, range index and iterator step is a call, and this loop runs for every
        // posting a query reaches.
        let bytes = self.terms.encoded_postings(term);
        let len = bytes.len();
        let mut at = 0;
        let Some(n) = terms::read_varint(bytes, &mut at) else { return false };
        if n > (len - at) as u64 {
            return false;
        }
        let mut impact_at = at;
        let impacts_end = at + n as usize;
        at = impacts_end;
        let mut doc: u64 = 0;
        let mut any = false;
        while impact_at < impacts_end {
            let Some(delta) = terms::read_varint(bytes, &mut at) else { break };
            doc += delta;
            if doc > u64::from(u32::MAX) {
                break;
            }
            tally.saturate(doc as u32, scale * f32::from(bytes[impact_at]));
            impact_at += 1;
            any = true;
        }
        any
    }

    /// Whole-name matches first: the query is a service's title, synonym or keyword, begins
    /// one, or is a phrase in one.
    fn name_bonus(&self, doc: &Doc, query: &str) -> f32 {
        if query.is_empty() {
            return 1.0;
        }
        let mut bonus: f32 = 1.0;
        for (strength, span) in
            self.names.get(doc.names.start as usize..doc.names.end as usize).unwrap_or(&[])
        {
            // Shorter than the query: neither is it, nor starts with it, nor contains it.
            if ((span.end - span.start) as usize) < query.len() {
                continue;
            }
            let name = self.name_text.get(span.start as usize..span.end as usize).unwrap_or("");
            let s = f32::from(*strength);
            let b = if name == query {
                1.0 + s
            } else if name.starts_with(query) {
                1.0 + s * 0.3
            } else if contains(name.as_bytes(), query.as_bytes()) {
                1.0 + s * 0.15
            } else {
                1.0
            };
            bonus = bonus.max(b);
        }
        bonus
    }

    /// Up to [`SNIPPET`] characters of `summary` around its first match: from a few words
    /// before it, as a reader needs some context. Counts characters only over the window.
    fn snippet(&self, summary: &str, matched: &Matched) -> Highlighted {
        if summary.len() <= SNIPPET {
            return Highlighted {
                text: summary.to_string(),
                marks: matched.marks(summary, usize::MAX),
            };
        }
        // The window ends at most SNIPPET characters after the first match: no need to look
        // for matches further on (a character is at most 4 bytes, an ASCII one 1; one more
        // character, so that a run of Han matches across the end is still seen to cross it).
        let ascii = summary.is_ascii();
        let marks = matched.marks(summary, if ascii { SNIPPET } else { 4 * SNIPPET + 4 });
        let first = marks.first().map_or(0, |m| m.start);
        let (start, end) = if ascii {
            let start = first.saturating_sub(SNIPPET / 4);
            (start, summary.len().min(start + SNIPPET))
        } else {
            let start =
                summary[..first].char_indices().rev().nth(SNIPPET / 4 - 1).map_or(0, |(b, _)| b);
            (
                start,
                summary[start..]
                    .char_indices()
                    .nth(SNIPPET)
                    .map_or(summary.len(), |(b, _)| start + b),
            )
        };
        if start == 0 && end == summary.len() {
            return Highlighted { text: summary.to_string(), marks };
        }
        let lead = if start > 0 { "…" } else { "" };
        let mut text = String::with_capacity(end - start + 6);
        text.push_str(lead);
        text.push_str(&summary[start..end]);
        if end < summary.len() {
            text.push('…');
        }
        let shift = lead.len();
        let marks = marks
            .into_iter()
            .filter(|m| m.start >= start && m.end <= end)
            .map(|m| m.start - start + shift..m.end - start + shift)
            .collect();
        Highlighted { text, marks }
    }

    /// Categories and life events to offer: those of `docs` first, then those whose titles
    /// share a word or character with the query, then the biggest.
    fn nearest(&self, docs: &[u32], query: &str, li: usize) -> Vec<Nearest> {
        const MAX: usize = 4;
        let mut out: Vec<(GroupKind, u32)> = Vec::new();
        let push = |g: (GroupKind, u32), out: &mut Vec<(GroupKind, u32)>| {
            if !out.contains(&g) && out.len() < MAX {
                out.push(g);
            }
        };
        for &d in docs {
            if let Some(doc) = self.docs.get(d as usize) {
                if let Some(c) = doc.category {
                    push((GroupKind::Category, c), &mut out);
                }
                for &e in &doc.life_events {
                    push((GroupKind::LifeEvent, e), &mut out);
                }
            }
        }
        let words: Vec<String> = text::pieces(query)
            .into_iter()
            .map(|p| p.text)
            .filter(|w| !text::is_stop_word(w))
            .collect();
        let lists =
            [(GroupKind::Category, &self.categories), (GroupKind::LifeEvent, &self.life_events)];
        for (kind, list) in lists {
            for (i, g) in list.iter().enumerate() {
                let shares = g.titles.iter().any(|t| {
                    text::pieces(t)
                        .iter()
                        .any(|p| words.iter().any(|w| p.text.starts_with(w.as_str())))
                });
                if shares {
                    push((kind, i as u32), &mut out);
                }
            }
        }
        for &g in &self.biggest {
            push(g, &mut out);
        }
        out.into_iter()
            .filter_map(|(kind, i)| {
                let g = match kind {
                    GroupKind::Category => self.categories.get(i as usize)?,
                    GroupKind::LifeEvent => self.life_events.get(i as usize)?,
                };
                Some(Nearest {
                    kind,
                    id: g.id.clone(),
                    title: g.titles.get(li).or(g.titles.first()).cloned().unwrap_or_default(),
                })
            })
            .collect()
    }
}

/// The dictionary terms a query matched, for marking titles and snippets.
struct Matched<'a> {
    /// Sorted.
    terms: Vec<&'a [u8]>,
    /// Which bytes they start with: most words of a text start with another.
    first: [bool; 256],
}

impl Matched<'_> {
    /// The ranges of `text` whose words or characters matched, up to `after_first` bytes past
    /// the start of the first.
    fn marks(&self, text: &str, after_first: usize) -> Vec<Range<usize>> {
        text::marks(text, &self.first, after_first, |term| self.terms.binary_search(&term).is_ok())
    }
}

/// Higher score first, then first in the catalog.
#[inline(always)]
fn better(a: (u32, f32), b: (u32, f32)) -> bool {
    a.1 > b.1 || (a.1 == b.1 && a.0 < b.0)
}

/// Orders candidates worst first, for a max-heap of the best.
#[derive(Clone, Copy, Debug)]
struct Worse((u32, f32));

impl PartialEq for Worse {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Worse {}

impl PartialOrd for Worse {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Worse {
    fn cmp(&self, other: &Self) -> Ordering {
        other.0 .1.total_cmp(&self.0 .1).then(self.0 .0.cmp(&other.0 .0))
    }
}

impl Tally<'_> {
    /// Keeps `score`, a service's BM25 for one term, as the unit's best when higher than what
    /// another form of the same word gave it; moves an earlier unit's best into the total.
    #[inline(always)]
    fn saturate(&mut self, doc: u32, score: f32) {
        // Indexes after checks rather than `get_mut`: a call each under opt-level "z".
        let d = doc as usize;
        if d >= self.acc.len() {
            return;
        }
        let a = &mut self.acc[d];
        if a.query != self.query {
            *a = Acc { query: self.query, unit: self.unit, hits: 1, total: 0.0, best: score };
            // At most one entry per service: `found` has room.
            if self.n_found < self.found.len() {
                self.found[self.n_found] = doc;
                self.n_found += 1;
            }
        } else if a.unit != self.unit {
            a.total += a.best;
            a.hits = a.hits.saturating_add(1);
            a.unit = self.unit;
            a.best = score;
        } else if score > a.best {
            a.best = score;
        }
    }
}

/// Per service, each field's weight divided by its length normalisation (BM25F), from the
/// services' terms per field.
fn field_weights(lengths: &[[u8; FIELDS]]) -> Vec<[f32; FIELDS]> {
    let n = lengths.len().max(1) as f32;
    let mut avg = [1f32; FIELDS];
    for (f, a) in avg.iter_mut().enumerate() {
        let total: u32 = lengths.iter().map(|l| u32::from(l[f])).sum();
        *a = (total as f32 / n).max(1.0);
    }
    lengths
        .iter()
        .map(|l| {
            let mut w = [0f32; FIELDS];
            for f in 0..FIELDS {
                let norm = 1.0 - LENGTH_NORM[f] + LENGTH_NORM[f] * f32::from(l[f]) / avg[f];
                w[f] = WEIGHT[f] / norm.max(0.1);
            }
            w
        })
        .collect()
}

/// A term's postings (sorted by service, then field) as one impact per service: its fields'
/// weighted frequencies added up, then saturated (BM25F: a word in the title and the summary
/// counts more than in either, but not twice as much), in [`IMPACT_SCALE`]ths, at least 1.
/// Worked out when the index is built, so a query reads a byte per service and multiplies
/// once, rather than looking up each field's weight of each service it reaches.
fn impacts(postings: &[Posting], weights: &[[f32; FIELDS]]) -> Vec<(u32, u8)> {
    let mut out: Vec<(u32, u8)> = Vec::new();
    let mut rest = postings;
    while let Some(first) = rest.first() {
        let n = rest.iter().take_while(|p| p.doc == first.doc).count();
        let w = weights.get(first.doc as usize).copied().unwrap_or([1.0; FIELDS]);
        let tf: f32 = rest[..n]
            .iter()
            .map(|p| w[usize::from(p.field).min(FIELDS - 1)] * f32::from(p.tf))
            .sum();
        out.push((
            first.doc,
            (tf / (K1 + tf) * IMPACT_SCALE).round().clamp(1.0, IMPACT_SCALE) as u8,
        ));
        rest = &rest[n..];
    }
    out
}

/// Whether `needle` is in `hay`, byte by byte (for UTF-8 both, the same as `str::contains`):
/// names are short, and setting up `str::contains`'s searcher cost more than the search.
#[inline(always)]
fn contains(hay: &[u8], needle: &[u8]) -> bool {
    let Some((&first, rest)) = needle.split_first() else { return true };
    hay.iter()
        .enumerate()
        .any(|(i, &b)| b == first && hay.get(i + 1..).is_some_and(|after| after.starts_with(rest)))
}

/// The query's units: words (without stop words, unless that leaves none) and, for each run
/// of Han characters, its overlapping pairs, or the character alone.
fn analyse(query: &str) -> (Vec<Unit>, Vec<String>) {
    let pieces = text::pieces(query);
    let all_stop = pieces.iter().all(|p| p.kind == Kind::Word && text::is_stop_word(&p.text));
    let mut units = Vec::new();
    let mut runs = Vec::new();
    let mut i = 0;
    while i < pieces.len() {
        let p = &pieces[i];
        match p.kind {
            Kind::Word => {
                if all_stop || !text::is_stop_word(&p.text) {
                    units.push(Unit {
                        stem: text::stem(&p.text),
                        raw: p.text.clone(),
                        han: false,
                        run: usize::MAX,
                    });
                }
                i += 1;
            }
            Kind::Han => {
                let start = i;
                while pieces[i].joined && i + 1 < pieces.len() {
                    i += 1;
                }
                let chars: Vec<&str> = pieces[start..=i].iter().map(|p| p.text.as_str()).collect();
                let run = runs.len();
                runs.push(chars.concat());
                if chars.len() == 1 {
                    units.push(Unit {
                        raw: chars[0].to_string(),
                        stem: chars[0].to_string(),
                        han: true,
                        run,
                    });
                } else {
                    for pair in chars.windows(2) {
                        let s = pair.concat();
                        units.push(Unit { raw: s.clone(), stem: s, han: true, run });
                    }
                }
                i += 1;
            }
        }
    }
    // A long query's words beyond this add little and would slow every keystroke.
    units.truncate(16);
    (units, runs)
}

/// `query` folded, with the words in `corrections` replaced.
fn corrected_query(query: &str, corrections: &[(String, String)]) -> String {
    let mut out = String::new();
    let mut last_word = false;
    for p in text::pieces(query) {
        let word = p.kind == Kind::Word;
        if (word && !out.is_empty()) || (!word && last_word) {
            out.push(' ');
        }
        match corrections.iter().find(|(raw, _)| *raw == p.text) {
            Some((_, fixed)) if word => out.push_str(fixed),
            _ => out.push_str(&p.text),
        }
        last_word = word;
    }
    out
}

#[cfg(test)]
mod tests;
