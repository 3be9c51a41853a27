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
use std::collections::BTreeMap;
use std::ops::Range;
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
    PinyinInitials = 9,
}

const FIELDS: usize = 10;
/// How much a match in each field counts: names people call the service by first.
const WEIGHT: [f32; FIELDS] = [10.0, 8.0, 6.0, 2.0, 2.0, 1.5, 1.0, 1.0, 6.0, 3.0];
/// How much a field's length dampens its matches (BM25's b): long texts mention words in passing.
const LENGTH_NORM: [f32; FIELDS] = [0.6, 0.3, 0.3, 0.75, 0.3, 0.3, 0.75, 0.75, 0.3, 0.3];
const K1: f32 = 1.2;
const IDF_FLOOR: f32 = 0.2;
/// Candidates re-ranked by whole-name matches; the rest keep their order.
const RERANK: usize = 100;
/// Snippet length in characters.
const SNIPPET: usize = 100;

/// A prebuilt index over a catalog's services: what [`SearchIndex::search`] reads.
#[derive(Clone, Debug)]
pub struct SearchIndex {
    locales: Vec<String>,
    categories: Vec<Group>,
    life_events: Vec<Group>,
    docs: Vec<Doc>,
    terms: Terms,
    pinyin: bool,
    /// Derived when built or loaded, never stored.
    avg_len: [f32; FIELDS],
}

#[derive(Clone, Debug)]
struct Group {
    id: String,
    /// One per locale of the index.
    titles: Vec<String>,
}

#[derive(Clone, Debug)]
struct Doc {
    id: String,
    /// One per locale of the index.
    titles: Vec<String>,
    summaries: Vec<String>,
    category: Option<u32>,
    life_events: Vec<u32>,
    synonyms: Vec<String>,
    keywords: Vec<String>,
    /// Terms per field, at most 255.
    lens: [u8; FIELDS],
    /// Derived: folded titles and synonyms (strength 3) and keywords (2), for whole-name matches.
    names: Vec<(u8, String)>,
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
        let locales = if catalog.locales.is_empty() { vec!["en".to_string()] } else { catalog.locales.clone() };
        let fallback = locales[0].clone();
        let localized = |t: &crate::definition::Text| -> Vec<String> { locales.iter().map(|l| t.get(l, &fallback).to_string()).collect() };
        let group = |n: &crate::guide::Named| Group { id: n.id.clone(), titles: localized(&n.title) };
        let categories: Vec<Group> = catalog.categories.iter().map(group).collect();
        let life_events: Vec<Group> = catalog.life_events.iter().map(group).collect();
        let mut postings: BTreeMap<Vec<u8>, Vec<Posting>> = BTreeMap::new();
        let mut docs = Vec::new();
        for (d, service) in catalog.services.iter().enumerate() {
            let mut fields: [Vec<String>; FIELDS] = Default::default();
            let category = catalog.categories.iter().position(|c| c.id == service.category).map(|i| i as u32);
            let events: Vec<u32> =
                service.life_events.iter().filter_map(|e| catalog.life_events.iter().position(|l| &l.id == e)).map(|i| i as u32).collect();
            let titles = localized(&service.title);
            let summaries = localized(&service.summary);
            let synonyms: Vec<String> = service.synonyms.values().flatten().cloned().collect();
            let keywords: Vec<String> = service.keywords.values().flatten().cloned().collect();
            fields[Field::Title as usize] = titles.clone();
            fields[Field::Synonym as usize] = synonyms.clone();
            fields[Field::Keyword as usize] = keywords.clone();
            fields[Field::Summary as usize] = summaries.clone();
            fields[Field::Department as usize] = localized(&service.department);
            let group_titles = category.iter().map(|&c| &categories[c as usize]).chain(events.iter().map(|&e| &life_events[e as usize]));
            fields[Field::Group as usize] = group_titles.flat_map(|g| g.titles.iter().cloned()).collect();
            for guide in guides.iter().filter(|g| g.service == service.id) {
                fields[Field::Material as usize].extend(guide.materials.iter().flat_map(|m| localized(&m.name)));
                fields[Field::Faq as usize].extend(guide.faq.iter().flat_map(|f| localized(&f.question)));
            }
            #[cfg(feature = "pinyin")]
            {
                let names: Vec<String> = titles.iter().chain(&synonyms).chain(&keywords).cloned().collect();
                for name in names {
                    pinyin::terms(&name, |full, initials| {
                        fields[Field::PinyinFull as usize].push(full);
                        if initials.len() >= 2 {
                            fields[Field::PinyinInitials as usize].push(initials);
                        }
                    });
                }
            }
            let mut lens = [0u8; FIELDS];
            let mut counts: BTreeMap<(Vec<u8>, u8), u32> = BTreeMap::new();
            for (f, texts) in fields.iter_mut().enumerate() {
                // A plain text is the same in every locale: count it once.
                let mut seen = Vec::new();
                texts.retain(|t| if seen.contains(t) { false } else { seen.push(t.clone()); true });
                let mut n = 0u32;
                for t in texts.iter() {
                    if f >= Field::PinyinFull as usize {
                        *counts.entry((t.clone().into_bytes(), f as u8)).or_default() += 1;
                        n += 1;
                    } else {
                        let names = f <= Field::Keyword as usize;
                        text::terms(t, names, |term, counted| {
                            *counts.entry((term.into_bytes(), f as u8)).or_default() += 1;
                            n += u32::from(counted);
                        });
                    }
                }
                lens[f] = n.min(255) as u8;
            }
            for ((term, field), tf) in counts {
                postings.entry(term).or_default().push(Posting { doc: d as u32, field, tf: tf.min(15) as u8 });
            }
            docs.push(Doc { id: service.id.clone(), titles, summaries, category, life_events: events, synonyms, keywords, lens, names: Vec::new() });
        }
        let mut index = SearchIndex {
            locales,
            categories,
            life_events,
            docs,
            terms: Terms::from_sorted(postings),
            pinyin: cfg!(feature = "pinyin"),
            avg_len: [0.0; FIELDS],
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
        let mut index = codec::read(bytes)?;
        index.derive();
        Ok(index)
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
        let n = self.docs.len().max(1) as f32;
        for f in 0..FIELDS {
            let total: u32 = self.docs.iter().map(|d| u32::from(d.lens[f])).sum();
            self.avg_len[f] = (total as f32 / n).max(1.0);
        }
        for doc in &mut self.docs {
            let mut names: Vec<(u8, String)> = Vec::new();
            for (strength, list) in [(3, &doc.titles), (3, &doc.synonyms), (2, &doc.keywords)] {
                for name in list {
                    let folded = text::normalized(name);
                    if !folded.is_empty() && !names.iter().any(|(_, n)| *n == folded) {
                        names.push((strength, folded));
                    }
                }
            }
            doc.names = names;
        }
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
            return SearchResults { nearest: self.nearest(&[], query, li), ..SearchResults::default() };
        }
        let (scored, matches, matched_terms) = self.score(&mut units, &runs);
        let fixes = |units: &[Unit], matches: &[UnitMatch]| -> Vec<(String, String)> {
            units.iter().zip(matches).filter_map(|(u, m)| Some((u.raw.clone(), m.corrected.clone()?))).collect()
        };
        let corrections = fixes(&units, &matches);
        if scored.is_empty() {
            // Nothing matched: try each word with a wider edit distance.
            let mut wider = units.clone();
            let mut corrections = Vec::new();
            for u in &mut wider {
                if !u.han && u.raw.chars().count() >= 3 {
                    let max = (u.raw.len() / 3).clamp(1, 3) as u8;
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
                let (again, _, _) = self.score(&mut wider, &runs);
                if !again.is_empty() {
                    results.did_you_mean = Some(corrected_query(query, &corrections));
                    found = again;
                }
            }
            found.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            let docs: Vec<u32> = found.iter().take(5).map(|(d, _)| *d).collect();
            results.nearest = self.nearest(&docs, query, li);
            return results;
        }
        let mut ranked = scored;
        let normalized_query = text::normalized(query);
        let top = RERANK.min(ranked.len());
        if top < ranked.len() {
            ranked.select_nth_unstable_by(top - 1, |a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        }
        for (doc, score) in ranked[..top].iter_mut() {
            *score *= self.name_bonus(&self.docs[*doc as usize], &normalized_query);
        }
        ranked[..top].sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        let hits = ranked[..top.min(limit)]
            .iter()
            .map(|&(d, score)| {
                let doc = &self.docs[d as usize];
                let title = doc.titles.get(li).cloned().unwrap_or_default();
                let summary = doc.summaries.get(li).map(String::as_str).unwrap_or("");
                Hit {
                    service: doc.id.clone(),
                    score,
                    title: Highlighted { marks: self.marks(&title, &matched_terms), text: title },
                    snippet: self.snippet(summary, &matched_terms),
                }
            })
            .collect();
        let did_you_mean = (!corrections.is_empty()).then(|| corrected_query(query, &corrections));
        SearchResults { hits, total: ranked.len(), did_you_mean, nearest: Vec::new() }
    }

    /// Scores every service against `units`. Returns the services with a score, how each unit
    /// matched, and the dictionary terms that matched (sorted, for highlighting).
    fn score(&self, units: &mut Vec<Unit>, runs: &[String]) -> (Vec<(u32, f32)>, Vec<UnitMatch>, Vec<usize>) {
        let n = self.docs.len();
        let mut total = vec![0f32; n];
        let mut hits = vec![0u16; n];
        let mut best = vec![0f32; n];
        let mut touched: Vec<u32> = Vec::new();
        let mut matches: Vec<UnitMatch> = Vec::new();
        let mut matched_terms: Vec<usize> = Vec::new();
        let mut i = 0;
        while i < units.len() {
            let last = i + 1 == units.len();
            let (expansions, corrected) = self.expand(&units[i], last);
            for &(term, weight) in &expansions {
                self.add_term(term, weight, &mut best, &mut touched);
            }
            let matched = !touched.is_empty();
            if matched {
                matched_terms.extend(expansions.iter().map(|(t, _)| *t));
            }
            for &d in &touched {
                total[d as usize] += best[d as usize];
                hits[d as usize] += 1;
                best[d as usize] = 0.0;
            }
            touched.clear();
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
                            chars.push(Unit { raw: s.clone(), stem: s, han: true, run: usize::MAX });
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
        let scored = total
            .iter()
            .enumerate()
            .filter(|(_, &s)| s > 0.0)
            .map(|(d, &s)| {
                // Services matching every word come first.
                let coverage = f32::from(hits[d]) / count;
                (d as u32, s * coverage * coverage)
            })
            .collect();
        matched_terms.sort_unstable();
        matched_terms.dedup();
        (scored, matches, matched_terms)
    }

    /// The dictionary terms a unit stands for, with how much each counts, and the correction
    /// when it matched only within an edit distance.
    fn expand(&self, unit: &Unit, last: bool) -> (Vec<(usize, f32)>, Option<String>) {
        let mut out: Vec<(usize, f32)> = Vec::new();
        let add = |term: usize, weight: f32, out: &mut Vec<(usize, f32)>| match out.iter_mut().find(|(t, _)| *t == term) {
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
        // Completions: every word (people type "resid perm"), from two letters; the last from one.
        let chars = unit.raw.chars().count();
        if chars >= 2 || (last && chars >= 1) {
            for form in [&unit.raw, &unit.stem] {
                let range = self.terms.prefix_range(form.as_bytes(), 0);
                // A one- or two-letter prefix of a large catalog names thousands of terms: the
                // most common stand for them.
                let cap = if chars <= 2 { 32 } else { 256 };
                let mut completions: Vec<usize> = range.collect();
                if completions.len() > cap {
                    completions.sort_by_key(|&t| std::cmp::Reverse(self.terms.df(t)));
                    completions.truncate(cap);
                }
                for t in completions {
                    let len = self.terms.term(t).len().max(1) as f32;
                    add(t, 0.5 + 0.4 * (form.len() as f32 / len).min(1.0), &mut out);
                }
            }
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
        self.terms.fuzzy(unit.raw.as_bytes(), max, |t, d| {
            add(t, if d == 1 { 0.6 } else { 0.4 }, &mut out);
            let candidate = (d, u32::MAX - self.terms.df(t), t);
            if best.is_none_or(|b| candidate < b) {
                best = Some(candidate);
            }
        });
        let corrected = best.map(|(_, _, t)| String::from_utf8_lossy(self.terms.term(t)).into_owned());
        (out, corrected)
    }

    /// The closest term to `word` within `max` edits (the commonest among equals).
    fn nearest_term(&self, word: &str, max: u8) -> Option<String> {
        let mut best: Option<(u8, u32, usize)> = None;
        self.terms.fuzzy(word.as_bytes(), max, |t, d| {
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
    fn add_term(&self, term: usize, weight: f32, best: &mut [f32], touched: &mut Vec<u32>) {
        let n = self.docs.len() as f32;
        let df = self.terms.df(term) as f32;
        // A floor: a word in every summary ("apply online") still tells titles apart.
        let idf = (1.0 + (n - df + 0.5) / (df + 0.5)).ln().max(IDF_FLOOR);
        let finish = |doc: u32, tf: f32, best: &mut [f32], touched: &mut Vec<u32>| {
            let Some(slot) = best.get_mut(doc as usize) else { return };
            let score = weight * idf * tf * (K1 + 1.0) / (K1 + tf);
            if *slot == 0.0 {
                touched.push(doc);
            }
            if score > *slot {
                *slot = score;
            }
        };
        let mut current: Option<(u32, f32)> = None;
        for p in self.terms.postings(term) {
            let Some(doc) = self.docs.get(p.doc as usize) else { continue };
            let f = usize::from(p.field).min(FIELDS - 1);
            let norm = 1.0 - LENGTH_NORM[f] + LENGTH_NORM[f] * f32::from(doc.lens[f]) / self.avg_len[f];
            let weighted = WEIGHT[f] * f32::from(p.tf) / norm.max(0.1);
            match &mut current {
                Some((d, tf)) if *d == p.doc => *tf += weighted,
                _ => {
                    if let Some((d, tf)) = current.take() {
                        finish(d, tf, best, touched);
                    }
                    current = Some((p.doc, weighted));
                }
            }
        }
        if let Some((d, tf)) = current {
            finish(d, tf, best, touched);
        }
    }

    /// Whole-name matches first: the query is a service's title, synonym or keyword, begins
    /// one, or is a phrase in one.
    fn name_bonus(&self, doc: &Doc, query: &str) -> f32 {
        if query.is_empty() {
            return 1.0;
        }
        let mut bonus: f32 = 1.0;
        for (strength, name) in &doc.names {
            let s = f32::from(*strength);
            let b = if name == query {
                1.0 + s
            } else if name.starts_with(query) {
                1.0 + s * 0.3
            } else if name.contains(query) {
                1.0 + s * 0.15
            } else {
                1.0
            };
            bonus = bonus.max(b);
        }
        bonus
    }

    /// The ranges of `text` whose words or characters matched.
    fn marks(&self, text: &str, matched: &[usize]) -> Vec<Range<usize>> {
        let is_matched = |term: &str| self.terms.find(term.as_bytes()).is_some_and(|t| matched.binary_search(&t).is_ok());
        let pieces = text::pieces(text);
        let mut marks: Vec<Range<usize>> = Vec::new();
        let mark = |r: Range<usize>, marks: &mut Vec<Range<usize>>| match marks.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => marks.push(r),
        };
        for (i, p) in pieces.iter().enumerate() {
            match p.kind {
                Kind::Word => {
                    if is_matched(&text::stem(&p.text)) || is_matched(&p.text) {
                        mark(p.at.clone(), &mut marks);
                    }
                }
                Kind::Han => {
                    let next = pieces.get(i + 1).filter(|_| p.joined);
                    if let Some(next) = next.filter(|n| is_matched(&format!("{}{}", p.text, n.text))) {
                        mark(p.at.start..next.at.end, &mut marks);
                    } else if is_matched(&p.text) {
                        mark(p.at.clone(), &mut marks);
                    }
                }
            }
        }
        // Adjacent Han marks join; words stay apart.
        marks
    }

    /// Up to [`SNIPPET`] characters of `summary` around its first match.
    fn snippet(&self, summary: &str, matched: &[usize]) -> Highlighted {
        let marks = self.marks(summary, matched);
        let chars = summary.chars().count();
        if chars <= SNIPPET {
            return Highlighted { text: summary.to_string(), marks };
        }
        let first = marks.first().map_or(0, |m| summary[..m.start].chars().count());
        let start_char = first.saturating_sub(SNIPPET / 4).min(chars - SNIPPET);
        let byte = |c: usize| summary.char_indices().nth(c).map_or(summary.len(), |(b, _)| b);
        let (start, end) = (byte(start_char), byte(start_char + SNIPPET));
        let lead = if start > 0 { "…" } else { "" };
        let text = format!("{lead}{}{}", &summary[start..end], if end < summary.len() { "…" } else { "" });
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
        let words: Vec<String> = text::pieces(query).into_iter().map(|p| p.text).filter(|w| !text::is_stop_word(w)).collect();
        let lists = [(GroupKind::Category, &self.categories), (GroupKind::LifeEvent, &self.life_events)];
        for (kind, list) in lists {
            for (i, g) in list.iter().enumerate() {
                let shares = g.titles.iter().any(|t| text::pieces(t).iter().any(|p| words.iter().any(|w| p.text.starts_with(w.as_str()))));
                if shares {
                    push((kind, i as u32), &mut out);
                }
            }
        }
        let mut sizes: Vec<(usize, GroupKind, u32)> = Vec::new();
        for (kind, list) in lists {
            for i in 0..list.len() as u32 {
                let size = self
                    .docs
                    .iter()
                    .filter(|d| match kind {
                        GroupKind::Category => d.category == Some(i),
                        GroupKind::LifeEvent => d.life_events.contains(&i),
                    })
                    .count();
                sizes.push((usize::MAX - size, kind, i));
            }
        }
        sizes.sort_by_key(|&(size, kind, i)| (size, kind == GroupKind::LifeEvent, i));
        for (_, kind, i) in sizes {
            push((kind, i), &mut out);
        }
        out.into_iter()
            .filter_map(|(kind, i)| {
                let g = match kind {
                    GroupKind::Category => self.categories.get(i as usize)?,
                    GroupKind::LifeEvent => self.life_events.get(i as usize)?,
                };
                Some(Nearest { kind, id: g.id.clone(), title: g.titles.get(li).or(g.titles.first()).cloned().unwrap_or_default() })
            })
            .collect()
    }
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
                    units.push(Unit { stem: text::stem(&p.text), raw: p.text.clone(), han: false, run: usize::MAX });
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
                    units.push(Unit { raw: chars[0].to_string(), stem: chars[0].to_string(), han: true, run });
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
