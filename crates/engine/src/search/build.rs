//! Building an index from a catalog: the fields a service is found by, how much each counts
//! (BM25F), and each term's impact in each service, worked out once.

#[cfg(feature = "pinyin")]
use super::index::PINYIN;
use super::index::{Doc, Group, SearchIndex, Span, Stored};
#[cfg(feature = "pinyin")]
use super::pinyin;
use super::syllables::Syllables;
use super::terms::{Posting, Terms};
use super::text;
use crate::guide::{Catalog, Guide};
use std::collections::BTreeMap;

/// Where a term was found in a service. The order is the binary format's: append only.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub(super) enum Field {
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
    PinyinInitials = 9,
}

pub(super) const FIELDS: usize = 10;
/// How much a match in each field counts: names people call the service by first. Scaled so
/// a title match alone is about K1: more matches in other fields still add before BM25
/// saturates (with a title weight of 10, every title match scored nearly the same).
const WEIGHT: [f32; FIELDS] = [1.5, 1.2, 0.9, 0.3, 0.3, 0.22, 0.15, 0.15, 0.9, 0.45];
/// How much a field's length dampens its matches (BM25's b): long texts mention words in passing.
const LENGTH_NORM: [f32; FIELDS] = [0.6, 0.3, 0.3, 0.75, 0.3, 0.3, 0.75, 0.75, 0.3, 0.3];
pub(super) const K1: f32 = 1.2;
/// Impacts are stored in 63rds, 1 to 63: the relevance tests pass with these as with 255ths,
/// which make the index file compress worse (+100 KB gzip, a fifth, on 5,000 services).
pub(super) const IMPACT_SCALE: f32 = 63.0;

/// Catalogs from this size drop words found in most long texts (see `build`).
const COMMON_MIN_SERVICES: usize = 100;

/// What building an index gives: what its parts store (`codec.rs`), before it is split into
/// them (`parts.rs`) or merged into one [`SearchIndex`].
pub(super) struct Built {
    /// Everything an index stores but its terms (`terms` is empty): locales, groups, the
    /// services' names (see [`Doc`]), pinyin and its syllables.
    pub(super) stored: Stored,
    /// Per service, its summary in each locale.
    pub(super) summaries: Vec<Vec<String>>,
    /// Every term, sorted: its document frequency, and its postings (service, impact) apart:
    /// in services that have it in a name, and in the others.
    pub(super) terms: Vec<BuiltTerm>,
}

pub(super) struct BuiltTerm {
    pub(super) term: Vec<u8>,
    pub(super) names: Vec<(u32, u8)>,
    pub(super) rest: Vec<(u32, u8)>,
}

impl SearchIndex {
    /// Indexes `catalog`'s services: titles, synonyms, keywords, summaries, departments, the
    /// titles of their category and life events, and, from `guides` (matched by their
    /// `service`), material names and FAQ questions. With the `pinyin` feature, Han text in
    /// titles, synonyms and keywords is also indexed by its pinyin (full and initials).
    /// The index has every part: [`SearchIndex::build_files`] writes the same in parts.
    pub fn build(catalog: &Catalog, guides: &[Guide]) -> SearchIndex {
        Built::new(catalog, guides).into_index()
    }
}

impl Built {
    pub(super) fn new(catalog: &Catalog, guides: &[Guide]) -> Built {
        let locales = if catalog.locales.is_empty() {
            vec!["en".to_string()]
        } else {
            catalog.locales.clone()
        };
        let fallback = locales.first().cloned().unwrap_or_default();
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
        let mut all_summaries = Vec::new();
        #[cfg_attr(not(feature = "pinyin"), allow(unused_mut))]
        let mut syllables = Vec::new();
        for (d, service) in catalog.services.iter().enumerate() {
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
            let group_titles = category
                .iter()
                .filter_map(|&c| categories.get(c as usize))
                .chain(events.iter().filter_map(|&e| life_events.get(e as usize)))
                .flat_map(|g| g.titles.iter().cloned())
                .collect();
            let (mut materials, mut faq) = (Vec::new(), Vec::new());
            for guide in guides.iter().filter(|g| g.service == service.id) {
                materials.extend(guide.materials.iter().flat_map(|m| localized(&m.name)));
                faq.extend(guide.faq.iter().flat_map(|f| localized(&f.question)));
            }
            #[cfg(feature = "pinyin")]
            let (pinyin_full, pinyin_initials) = {
                let (mut full_terms, mut initials_terms) = (Vec::new(), Vec::new());
                let names: Vec<String> =
                    titles.iter().chain(&synonyms).chain(&keywords).cloned().collect();
                for name in names {
                    pinyin::syllables(&name, &mut syllables);
                    pinyin::terms(&name, |full, initials| {
                        full_terms.push(format!("{PINYIN}{full}"));
                        if initials.len() >= 2 {
                            initials_terms.push(format!("{PINYIN}{initials}"));
                        }
                    });
                }
                (full_terms, initials_terms)
            };
            #[cfg(not(feature = "pinyin"))]
            let (pinyin_full, pinyin_initials) = (Vec::new(), Vec::new());
            let mut fields: [Vec<String>; FIELDS] = Default::default();
            for (field, texts) in [
                (Field::Title, titles.clone()),
                (Field::Synonym, synonyms.clone()),
                (Field::Keyword, keywords.clone()),
                (Field::Summary, summaries.clone()),
                (Field::Department, localized(&service.department)),
                (Field::Group, group_titles),
                (Field::Material, materials),
                (Field::Faq, faq),
                (Field::PinyinFull, pinyin_full),
                (Field::PinyinInitials, pinyin_initials),
            ] {
                if let Some(slot) = fields.get_mut(field as usize) {
                    *slot = texts;
                }
            }
            let mut lens = [0u8; FIELDS];
            let mut counts: BTreeMap<(Vec<u8>, u8), u32> = BTreeMap::new();
            for (f, (texts, len)) in fields.iter_mut().zip(&mut lens).enumerate() {
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
                *len = n.min(255) as u8;
            }
            for ((term, field), tf) in counts {
                postings.entry(term).or_default().push(Posting {
                    doc: d as u32,
                    field,
                    tf: tf.min(15) as u8,
                });
            }
            let first = spans.len() as u32;
            for s in std::iter::once(&service.id).chain(&titles).chain(&synonyms).chain(&keywords) {
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
            all_summaries.push(summaries);
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
        let terms = postings
            .into_iter()
            .map(|(term, list)| {
                // In a name: a title, synonym or keyword (the first fields). Sorted by service.
                let mut in_names: Vec<u32> = list
                    .iter()
                    .filter(|p| p.field <= Field::Keyword as u8)
                    .map(|p| p.doc)
                    .collect();
                in_names.dedup();
                let (names, rest) = impacts(&list, &weights)
                    .into_iter()
                    .partition(|(doc, _)| in_names.binary_search(doc).is_ok());
                BuiltTerm { term, names, rest }
            })
            .collect();
        let stored = Stored {
            locales,
            categories,
            life_events,
            text,
            spans,
            docs,
            terms: Terms::default(),
            pinyin: cfg!(feature = "pinyin"),
            syllables: Syllables::new(sorted(syllables)),
        };
        Built { stored, summaries: all_summaries, terms }
    }

    /// The whole index, every part merged.
    pub(super) fn into_index(self) -> SearchIndex {
        let Built { mut stored, summaries, terms } = self;
        stored.terms = Terms::from_sorted(terms.into_iter().map(|t| {
            let name = !t.names.is_empty();
            (t.term, merged(&t.names, &t.rest), name)
        }));
        let mut index = SearchIndex::from_stored(stored);
        for (doc, summaries) in summaries.iter().enumerate() {
            index.summaries.add(doc, summaries);
        }
        index
    }
}

/// `list` sorted, without repeats (only the CLI has syllables to sort: the app's bundle has
/// no sort of strings for it).
#[cfg(feature = "pinyin")]
fn sorted(mut list: Vec<String>) -> Vec<String> {
    list.sort();
    list.dedup();
    list
}

#[cfg(not(feature = "pinyin"))]
fn sorted(list: Vec<String>) -> Vec<String> {
    list
}

/// Two postings lists sorted by service, with no service in both, as one (a merge: a sort
/// would add its code to the app's bundle).
fn merged(a: &[(u32, u8)], b: &[(u32, u8)]) -> Vec<(u32, u8)> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut a, mut b) = (a.iter().peekable(), b.iter().peekable());
    while let Some(next) = match (a.peek(), b.peek()) {
        (Some(x), Some(y)) if y.0 < x.0 => b.next(),
        (Some(_), _) => a.next(),
        (None, _) => b.next(),
    } {
        out.push(*next);
    }
    out
}

/// Per service, each field's weight divided by its length normalisation (BM25F), from the
/// services' terms per field.
pub(super) fn field_weights(lengths: &[[u8; FIELDS]]) -> Vec<[f32; FIELDS]> {
    let n = lengths.len().max(1) as f32;
    let mut totals = [0u32; FIELDS];
    for l in lengths {
        for (total, &len) in totals.iter_mut().zip(l) {
            *total += u32::from(len);
        }
    }
    let avg = totals.map(|total| (total as f32 / n).max(1.0));
    lengths
        .iter()
        .map(|l| {
            let mut w = WEIGHT;
            for (((w, &b), &len), &avg) in w.iter_mut().zip(&LENGTH_NORM).zip(l).zip(&avg) {
                let norm = 1.0 - b + b * f32::from(len) / avg;
                *w /= norm.max(0.1);
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
pub(super) fn impacts(postings: &[Posting], weights: &[[f32; FIELDS]]) -> Vec<(u32, u8)> {
    let mut out: Vec<(u32, u8)> = Vec::new();
    let mut rest = postings;
    while let Some(first) = rest.first() {
        let n = rest.iter().take_while(|p| p.doc == first.doc).count();
        let w = weights.get(first.doc as usize).copied().unwrap_or([1.0; FIELDS]);
        let (same, others) = rest.split_at_checked(n).unwrap_or((rest, &[]));
        let field_weight =
            |p: &Posting| w.get(usize::from(p.field).min(FIELDS - 1)).copied().unwrap_or(0.0);
        let tf: f32 = same.iter().map(|p| field_weight(p) * f32::from(p.tf)).sum();
        out.push((
            first.doc,
            (tf / (K1 + tf) * IMPACT_SCALE).round().clamp(1.0, IMPACT_SCALE) as u8,
        ));
        rest = others;
    }
    out
}
