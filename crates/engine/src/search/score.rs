//! Scoring a query's units against every service (BM25F from the stored impacts): each unit's
//! dictionary terms (exact, completed, within an edit distance), and the best services.

use super::build::{IMPACT_SCALE, K1};
use super::index::{SearchIndex, PINYIN};
use super::layout::Looked;
use super::scratch::{Acc, Accumulators};
use super::terms;
use std::cmp::Ordering;
use std::collections::BinaryHeap;
use std::sync::TryLockError;

const IDF_FLOOR: f32 = 0.2;
/// Candidates re-ranked by whole-name matches; the rest keep their order.
const RERANK: usize = 32;

/// One thing the query asks for: a Latin-script word, or a pair or single Han character.
#[derive(Clone, Debug)]
pub(super) struct Unit {
    /// Folded, unstemmed (what prefix matching and typo tolerance use).
    pub(super) raw: String,
    /// Stemmed: what an exact match uses.
    pub(super) stem: String,
    pub(super) han: bool,
    /// The Han run it came from, for the single-character fallback.
    pub(super) run: usize,
}

/// What [`SearchIndex::score`] found.
pub(super) struct Scored {
    /// The best [`RERANK`] services and their scores, in no order.
    pub(super) ranked: Vec<(u32, f32)>,
    /// How many services have a score.
    pub(super) total: usize,
    /// How each unit matched.
    pub(super) matches: Vec<UnitMatch>,
    /// The dictionary terms that matched (sorted, for highlighting).
    pub(super) matched_terms: Vec<usize>,
}

/// How one unit matched.
#[derive(Default)]
pub(super) struct UnitMatch {
    pub(super) matched: bool,
    /// The dictionary term it was corrected to, when it matched only within an edit distance.
    pub(super) corrected: Option<String>,
}

/// What [`SearchIndex::add_term`] adds to.
struct Tally<'a> {
    acc: &'a mut [Acc],
    found: &'a mut [u32],
    n_found: usize,
    query: u32,
    unit: u16,
}

impl SearchIndex {
    /// Scores every service against `units`.
    pub(super) fn score(
        &self,
        units: &mut Vec<Unit>,
        runs: &[String],
        looked: &mut Looked,
    ) -> Scored {
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
        while let Some(unit) = units.get(i) {
            let last = i + 1 == units.len();
            let (expansions, corrected) = self.expand(unit, last, looked);
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
            let run = unit.run;
            let run_ends = run != usize::MAX && units.get(i + 1).is_none_or(|u| u.run != run);
            if run_ends {
                let first = units.iter().position(|u| u.run == run).unwrap_or(i);
                let pairs = first < i || unit.raw.chars().count() == 2;
                let unmatched = |tried: &[UnitMatch]| tried.iter().all(|m| !m.matched);
                if pairs && matches.get(first..=i).is_some_and(unmatched) {
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
    fn expand(
        &self,
        unit: &Unit,
        last: bool,
        looked: &mut Looked,
    ) -> (Vec<(usize, f32)>, Option<String>) {
        let mut out: Vec<(usize, f32)> = Vec::new();
        let add = |term: usize, weight: f32, out: &mut Vec<(usize, f32)>| match out
            .iter_mut()
            .find(|(t, _)| *t == term)
        {
            Some(e) => e.1 = e.1.max(weight),
            None => out.push((term, weight)),
        };
        for form in [&unit.stem, &unit.raw] {
            looked.term(form.as_bytes());
            if let Some(t) = self.terms.find(form.as_bytes()) {
                add(t, 1.0, &mut out);
            }
        }
        if unit.han {
            return (out, None);
        }
        let chars = unit.raw.chars().count();
        // Pinyin is typed whole or in part, the way an input method takes it.
        // Only a word that could be pinyin is looked for among pinyin terms (none has
        // another): so a query needs no chunk of pinyin terms for "permit".
        let pinyin = format!("{PINYIN}{}", unit.raw);
        let (whole, begun) = self.syllables.could_spell(&unit.raw);
        if whole {
            looked.term(pinyin.as_bytes());
            if let Some(t) = self.terms.find(pinyin.as_bytes()) {
                add(t, 1.0, &mut out);
            }
        }
        if (last || out.is_empty()) && begun {
            self.complete(pinyin.as_bytes(), chars, &mut out, add, looked);
        }
        // Completions: of the last word, which is being typed; of an earlier one only when it
        // is not a whole word of the catalog (people type "resid perm"). Completing every word
        // would cost a list per word on every keystroke (Algolia's default, prefixLast, agrees).
        let words_matched =
            out.iter().any(|&(t, _)| !self.terms.term(t).starts_with(&[PINYIN as u8]));
        if (last && chars >= 1) || (!words_matched && chars >= 2) {
            self.complete(unit.raw.as_bytes(), chars, &mut out, add, looked);
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
            looked.term(self.terms.term(t));
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
        looked: &mut Looked,
    ) {
        looked.prefix(prefix);
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

    /// BM25F: a term's frequencies in each field, weighted and normalised by the field's
    /// length, add up before saturating, so a word in the title and the summary counts more than
    /// in either, but not twice as much.
    /// Says whether any service had the term.
    fn add_term(&self, term: usize, weight: f32, tally: &mut Tally<'_>) -> bool {
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
        // Indexed rather than `get`: impact_at < impacts_end = at + n, and n was checked
        // against the bytes left after `at`.
        #[allow(clippy::indexing_slicing)]
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
    // Each index follows its check (d < acc.len(), n_found < found.len()).
    #[allow(clippy::indexing_slicing)]
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
