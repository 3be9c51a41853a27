//! A query: its units, the services ranked (whole names first), and the results.

use super::highlight::{Highlighted, Matched};
use super::index::{Doc, SearchIndex};
use super::layout::Looked;
use super::score::{Scored, Unit, UnitMatch};
use super::suggest::{corrected_query, Nearest};
use super::text::{self, Kind};

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
    /// matched words marked; empty while the service's fragment is on its way (an index
    /// loaded in parts).
    pub snippet: Highlighted,
}

impl SearchIndex {
    /// Finds services for what someone typed, best first, at most `limit`; titles and snippets
    /// in `locale` (else the catalog's first locale). Any language may be typed whatever the
    /// locale: Chinese, English, pinyin, or a mix. The last word counts as typed in part.
    ///
    /// An index loaded in parts searches what it has: a query whose parts have not all arrived
    /// ([`SearchIndex::needed_parts`]) finds services by their names only, and its hits have
    /// empty snippets until their fragments are here.
    pub fn search(&self, query: &str, locale: &str, limit: usize) -> SearchResults {
        self.search_looking(query, locale, limit, &mut Looked::default())
    }

    /// [`SearchIndex::search`], telling `looked` what it looked up (when it listens).
    pub(super) fn search_looking(
        &self,
        query: &str,
        locale: &str,
        limit: usize,
        looked: &mut Looked,
    ) -> SearchResults {
        let li = self.locale_index(locale);
        let (mut units, runs) = analyse(query);
        if units.is_empty() {
            return SearchResults {
                nearest: self.nearest(&[], query, li),
                ..SearchResults::default()
            };
        }
        let Scored { mut ranked, total, matches, matched_terms } =
            self.score(&mut units, &runs, looked);
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
                let again = self.score(&mut wider, &runs, looked);
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
        for (doc, score) in ranked.iter_mut() {
            if let Some(doc) = self.docs.get(*doc as usize) {
                *score *= self.name_bonus(doc, &normalized_query);
            }
        }
        ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        let mut terms: Vec<&[u8]> = matched_terms.iter().map(|&t| self.terms.term(t)).collect();
        terms.sort_unstable();
        // Most words of a text start with a byte no matched term starts with.
        let mut first = [false; 256];
        for t in &terms {
            if let Some(starts) = t.first().and_then(|&b| first.get_mut(usize::from(b))) {
                *starts = true;
            }
        }
        let matched = Matched { terms, first };
        // A loop rather than `filter_map`: the vector is allocated once, at its size.
        let mut hits = Vec::with_capacity(ranked.len().min(limit));
        for &(d, score) in ranked.iter().take(limit) {
            let Some(doc) = self.docs.get(d as usize) else { continue };
            let title = self.title(doc, li).to_string();
            looked.shown(d);
            let snippet = match self.summaries.get(d as usize, li) {
                Some(summary) => self.snippet(summary, &matched),
                None => Highlighted::default(),
            };
            hits.push(Hit {
                service: self.id(doc).to_string(),
                score,
                title: Highlighted { marks: matched.marks(&title, usize::MAX), text: title },
                snippet,
            });
        }
        let did_you_mean = (!corrections.is_empty()).then(|| corrected_query(query, &corrections));
        SearchResults { hits, total, did_you_mean, nearest: Vec::new() }
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
    while let Some(p) = pieces.get(i) {
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
                while i + 1 < pieces.len() && pieces.get(i).is_some_and(|p| p.joined) {
                    i += 1;
                }
                let chars: Vec<&str> = pieces
                    .get(start..=i)
                    .unwrap_or_default()
                    .iter()
                    .map(|p| p.text.as_str())
                    .collect();
                let run = runs.len();
                runs.push(chars.concat());
                if let [only] = chars[..] {
                    units.push(Unit {
                        raw: only.to_string(),
                        stem: only.to_string(),
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
