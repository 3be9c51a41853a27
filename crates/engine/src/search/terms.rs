//! The term dictionary: sorted terms, each with its postings, looked up exactly, by prefix
//! and within an edit distance.
//!
//! Terms are kept sorted in one byte buffer rather than in a trie: it loads by copying, and a
//! walk in sorted order shares the edit-distance rows of common prefixes as a trie walk would,
//! skipping every term under a prefix that is already too far (a binary search).

use std::ops::Range;

/// What the index builder counts: `doc` has the term `tf` times in `field`. Stored as one
/// impact per document (`SearchIndex::build`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Posting {
    pub doc: u32,
    pub field: u8,
    pub tf: u8,
}

/// The dictionary. The small functions on the search path are `#[inline(always)]`: the
/// release profile optimises for size (`opt-level = "z"`), which otherwise leaves a call per
/// posting.
///
/// An index loaded in parts (`parts.rs`) holds the names part's terms first, each with its
/// postings in services that have it in a name, and merges in the rest of a term's postings
/// when the chunk that has them arrives: a term whose postings are fewer than its document
/// frequency is not complete yet.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Terms {
    /// Every term's bytes, in sorted order, back to back.
    blob: Vec<u8>,
    ends: Vec<u32>,
    /// Every term's postings, encoded (see [`encode_postings`]), back to back.
    postings: Vec<u8>,
    posting_ends: Vec<u32>,
    /// How many documents have each term, in any field (what idf needs).
    df: Vec<u32>,
    /// Whether each term is in a name (title, synonym or keyword) of some service: only those
    /// are typo corrections, so that the names part alone says what a typo stands for.
    name: Vec<bool>,
}

/// A term as stored: its bytes, document frequency, whether it is in a name, and postings.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct StoredTerm {
    pub term: Vec<u8>,
    pub df: u32,
    pub name: bool,
    /// Encoded (see [`encode_postings`]).
    pub postings: Vec<u8>,
}

impl Terms {
    /// `terms` must be sorted and unique, each with its documents (sorted) and their impacts,
    /// and whether it is in a name; its document frequency is how many documents it has.
    pub fn from_sorted(terms: impl IntoIterator<Item = (Vec<u8>, Vec<(u32, u8)>, bool)>) -> Terms {
        let mut t = Terms::default();
        let mut encoded = Vec::new();
        for (term, postings, name) in terms {
            encoded.clear();
            encode_postings(&postings, &mut encoded);
            t.push(&term, &encoded, postings.len() as u32, name);
        }
        t
    }

    /// Adds a term (after every term already here) with its encoded postings.
    pub(crate) fn push(&mut self, term: &[u8], encoded_postings: &[u8], df: u32, name: bool) {
        self.blob.extend_from_slice(term);
        self.ends.push(self.blob.len() as u32);
        self.postings.extend_from_slice(encoded_postings);
        self.posting_ends.push(self.postings.len() as u32);
        self.df.push(df);
        self.name.push(name);
    }

    /// This dictionary with `chunk`'s terms (sorted) merged in: a term of both gets the
    /// postings of both (the documents of one are not in the other: see `parts.rs`).
    /// Rebuilt in one pass, so that lookups stay on one sorted array.
    pub(crate) fn merged(&self, chunk: &[StoredTerm]) -> Terms {
        let mut out = Terms::default();
        out.blob.reserve(self.blob.len() + chunk.iter().map(|e| e.term.len()).sum::<usize>());
        out.postings
            .reserve(self.postings.len() + chunk.iter().map(|e| e.postings.len()).sum::<usize>());
        let (mut i, mut rest) = (0, chunk);
        let mut both = Vec::new();
        while i < self.len() || !rest.is_empty() {
            let mine = (i < self.len()).then(|| self.term(i));
            match (mine, rest.split_first()) {
                (Some(t), Some((e, after))) if t == e.term.as_slice() => {
                    both.clear();
                    merge_postings(self.encoded_postings(i), &e.postings, &mut both);
                    out.push(t, &both, self.df(i).max(e.df), self.is_name(i) || e.name);
                    i += 1;
                    rest = after;
                }
                (Some(t), Some((e, _))) if t < e.term.as_slice() => {
                    out.push(t, self.encoded_postings(i), self.df(i), self.is_name(i));
                    i += 1;
                }
                (Some(t), None) => {
                    out.push(t, self.encoded_postings(i), self.df(i), self.is_name(i));
                    i += 1;
                }
                (_, Some((e, after))) => {
                    out.push(&e.term, &e.postings, e.df, e.name);
                    rest = after;
                }
                (None, None) => break,
            }
        }
        out
    }

    pub fn shrink_to_fit(&mut self) {
        self.blob.shrink_to_fit();
        self.ends.shrink_to_fit();
        self.postings.shrink_to_fit();
        self.posting_ends.shrink_to_fit();
        self.df.shrink_to_fit();
        self.name.shrink_to_fit();
    }

    pub fn len(&self) -> usize {
        self.ends.len()
    }

    #[inline(always)]
    pub fn term(&self, i: usize) -> &[u8] {
        let start = if i == 0 { 0 } else { self.ends.get(i - 1).copied().unwrap_or(0) as usize };
        let end = self.ends.get(i).copied().unwrap_or(0) as usize;
        self.blob.get(start..end).unwrap_or(&[])
    }

    #[inline(always)]
    pub fn encoded_postings(&self, i: usize) -> &[u8] {
        let start =
            if i == 0 { 0 } else { self.posting_ends.get(i - 1).copied().unwrap_or(0) as usize };
        let end = self.posting_ends.get(i).copied().unwrap_or(0) as usize;
        self.postings.get(start..end).unwrap_or(&[])
    }

    #[inline(always)]
    pub fn df(&self, i: usize) -> u32 {
        self.df.get(i).copied().unwrap_or(0)
    }

    pub fn is_name(&self, i: usize) -> bool {
        self.name.get(i).copied().unwrap_or(false)
    }

    /// Whether term `i` has all its postings: as many as its document frequency.
    pub fn is_complete(&self, i: usize) -> bool {
        read_varint(self.encoded_postings(i), &mut 0).is_some_and(|n| n >= u64::from(self.df(i)))
    }

    /// The index of `term`.
    pub fn find(&self, term: &[u8]) -> Option<usize> {
        let i = self.lower_bound(term);
        (i < self.len() && self.term(i) == term).then_some(i)
    }

    fn lower_bound(&self, term: &[u8]) -> usize {
        let (mut lo, mut hi) = (0, self.len());
        while lo < hi {
            let mid = (lo + hi) / 2;
            if self.term(mid) < term {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        lo
    }

    /// The terms that start with `prefix` (itself included).
    pub fn prefix_range(&self, prefix: &[u8]) -> Range<usize> {
        let start = self.lower_bound(prefix);
        let end = if start < self.len() && self.term(start).starts_with(prefix) {
            self.past_prefix(prefix, start)
        } else {
            start
        };
        start..end
    }

    /// The first term after `from` that does not start with `prefix` (which term `from` does).
    /// Galloping: runs under a prefix are mostly short, sometimes thousands long.
    fn past_prefix(&self, prefix: &[u8], from: usize) -> usize {
        let n = self.len();
        let mut known = from;
        let mut step = 1;
        let mut hi = loop {
            let probe = known + step;
            if probe >= n || !self.term(probe).starts_with(prefix) {
                break probe.min(n);
            }
            known = probe;
            step *= 2;
        };
        let mut lo = known + 1;
        while lo < hi {
            let mid = (lo + hi) / 2;
            if self.term(mid).starts_with(prefix) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        lo
    }

    /// Calls `found(term, distance)` for every term of a name within `max` edits (insertions,
    /// deletions, substitutions and swaps of neighbours) of `query`, compared byte by byte:
    /// it is meant for Latin-script terms. Terms before `from` are not looked at. Only names'
    /// terms: people misspell what they call a service, and the names part, loaded first,
    /// has them all (a summary's word is found as typed or by its start).
    pub fn fuzzy(&self, query: &[u8], max: u8, from: usize, mut found: impl FnMut(usize, u8)) {
        let qn = query.len();
        if qn > 48 {
            return; // not a word anyone mistyped; and keeps the distances within a byte
        }
        let width = qn + 1;
        // Row k: the distances between query[..j] and the current term's first k bytes; the
        // first `filled` rows are the current term's.
        let mut rows: Vec<u8> = (0..=qn as u8).collect();
        let mut filled = 1;
        let mut prev: &[u8] = &[];
        let mut i = from;
        while i < self.len() {
            if !self.is_name(i) {
                i += 1;
                continue;
            }
            let t = self.term(i);
            let shared = prev.iter().zip(t).take_while(|(a, b)| a == b).count();
            let mut depth = shared.min(filled - 1);
            let mut skip_to = None;
            // Indexed, cell by cell, where the bound is proven: rows was grown to hold this
            // row and the next (`below` has `width`), j <= qn < width indexes cur, last and
            // before (`width` long once depth >= 1), j - 1 < qn indexes the query, and
            // depth < t.len().
            #[allow(clippy::indexing_slicing)]
            while depth < t.len() {
                // The next row, computed on slices: indexing a Vec, or stepping a range, is a
                // call under the release profile's opt-level "z", and this runs for every cell.
                let base = depth * width;
                if rows.len() < base + 2 * width {
                    rows.resize(base + 2 * width, 0);
                }
                let (above, below) = rows.split_at_mut(base + width);
                let (before, last) = above.split_at(base);
                let before = before.get(before.len().saturating_sub(width)..).unwrap_or(&[]);
                let cur = &mut below[..width];
                let (c, c_before) = (t[depth], if depth >= 1 { t[depth - 1] } else { 0 });
                cur[0] = last[0].saturating_add(1);
                let mut min = cur[0];
                let mut j = 1;
                while j <= qn {
                    let cost = u8::from(query[j - 1] != c);
                    let mut v = (last[j - 1].saturating_add(cost))
                        .min(last[j].saturating_add(1))
                        .min(cur[j - 1].saturating_add(1));
                    if depth >= 1 && j >= 2 && c == query[j - 2] && c_before == query[j - 1] {
                        v = v.min(before[j - 2].saturating_add(1));
                    }
                    cur[j] = v;
                    min = min.min(v);
                    j += 1;
                }
                depth += 1;
                if min > max {
                    // Nothing under this prefix can match: skip the terms under it.
                    let prefix = t.get(..depth).unwrap_or(t);
                    skip_to = Some(self.past_prefix(prefix, i));
                    break;
                }
            }
            filled = depth + 1;
            prev = t;
            match skip_to {
                Some(next) => i = next.max(i + 1),
                None => {
                    if let Some(&d) = rows.get(depth * width + qn).filter(|&&d| d <= max) {
                        found(i, d);
                    }
                    i += 1;
                }
            }
        }
    }
}

/// How many documents, then the term's impact in each (`SearchIndex::build`), a byte each,
/// then the documents, each a varint delta from the previous one. Impacts apart from the
/// deltas: each kind alike compresses better (the index file is gzipped on the wire).
pub(crate) fn encode_postings(postings: &[(u32, u8)], out: &mut Vec<u8>) {
    write_varint(out, postings.len() as u64);
    out.extend(postings.iter().map(|&(_, impact)| impact));
    let mut last = 0;
    for &(doc, _) in postings {
        write_varint(out, u64::from(doc - last));
        last = doc;
    }
}

/// Two postings lists (encoded) as one, in document order; a document in both (only in
/// corrupt parts) is kept once, with the first list's impact.
pub(crate) fn merge_postings(a: &[u8], b: &[u8], out: &mut Vec<u8>) {
    let (mut a, mut b) = (Postings::new(a).peekable(), Postings::new(b).peekable());
    let mut merged = Vec::new();
    loop {
        let next = match (a.peek(), b.peek()) {
            (Some(x), Some(y)) if x.0 == y.0 => {
                b.next();
                a.next()
            }
            (Some(x), Some(y)) if x.0 < y.0 => a.next(),
            (Some(_), None) => a.next(),
            (_, Some(_)) => b.next(),
            (None, None) => break,
        };
        merged.extend(next);
    }
    encode_postings(&merged, out);
}

/// Decodes postings: documents and their impacts; stops at the first malformed byte (the
/// loader has checked only their count) or at a document out of order.
pub(crate) struct Postings<'a> {
    impacts: &'a [u8],
    bytes: &'a [u8],
    at: usize,
    doc: u32,
    started: bool,
}

impl<'a> Postings<'a> {
    pub fn new(bytes: &'a [u8]) -> Self {
        let mut at = 0;
        let n = read_varint(bytes, &mut at).unwrap_or(0);
        let impacts =
            usize::try_from(n).ok().and_then(|n| bytes.get(at..at.checked_add(n)?)).unwrap_or(&[]);
        Postings { impacts, bytes, at: at + impacts.len(), doc: 0, started: false }
    }
}

impl Iterator for Postings<'_> {
    /// A document and the term's impact there.
    type Item = (u32, u8);

    fn next(&mut self) -> Option<(u32, u8)> {
        let (&impact, rest) = self.impacts.split_first()?;
        self.impacts = rest;
        let delta = read_varint(self.bytes, &mut self.at)?;
        if delta == 0 && self.started {
            return None; // out of order: corrupt
        }
        self.started = true;
        self.doc = self.doc.checked_add(u32::try_from(delta).ok()?)?;
        Some((self.doc, impact))
    }
}

pub(crate) fn write_varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

#[inline(always)]
pub(crate) fn read_varint(bytes: &[u8], at: &mut usize) -> Option<u64> {
    let first = *bytes.get(*at)?;
    if first < 0x80 {
        // Most deltas and lengths fit in one byte.
        *at += 1;
        return Some(u64::from(first));
    }
    // A while loop: a range's steps are calls under opt-level "z".
    let (mut v, mut shift) = (0u64, 0);
    while shift < 64 {
        let b = *bytes.get(*at)?;
        *at += 1;
        v |= u64::from(b & 0x7F) << shift;
        if b & 0x80 == 0 {
            return Some(v);
        }
        shift += 7;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dictionary(words: &[&str]) -> Terms {
        let mut words: Vec<&str> = words.to_vec();
        words.sort();
        Terms::from_sorted(words.iter().map(|w| (w.as_bytes().to_vec(), vec![(0, 1)], true)))
    }

    fn near(terms: &Terms, query: &str, max: u8) -> Vec<(String, u8)> {
        let mut out = Vec::new();
        terms.fuzzy(query.as_bytes(), max, 0, |i, d| {
            out.push((String::from_utf8_lossy(terms.term(i)).into_owned(), d))
        });
        out
    }

    #[test]
    fn fuzzy_finds_edits_and_swaps_within_the_distance() {
        let t =
            dictionary(&["permit", "perm", "permission", "residence", "resident", "birth", "居住"]);
        assert_eq!(near(&t, "permt", 1), [("perm".to_string(), 1), ("permit".to_string(), 1)]);
        assert_eq!(near(&t, "pemrit", 1), [("permit".to_string(), 1)]);
        assert_eq!(near(&t, "residense", 1), [("residence".to_string(), 1)]);
        assert_eq!(
            near(&t, "residense", 2),
            [("residence".to_string(), 1), ("resident".to_string(), 2)]
        );
        assert!(near(&t, "xyzzy", 2).is_empty());
    }

    #[test]
    fn skipping_a_prefix_lands_on_the_next_term() {
        let words: Vec<String> = (0..300)
            .map(|i| format!("ab{i:03}"))
            .chain(["ac".to_string(), "b".to_string()])
            .collect();
        let t = dictionary(&words.iter().map(String::as_str).collect::<Vec<_>>());
        for from in [0, 1, 7, 150, 299] {
            assert_eq!(t.term(t.past_prefix(b"ab", from)), b"ac");
        }
        assert_eq!(t.past_prefix(b"ac", 300), 301);
        assert_eq!(t.past_prefix(b"b", 301), 302);
    }

    #[test]
    fn prefixes_and_exact_terms() {
        let t = dictionary(&["perm", "permit", "permission", "pet", "resident"]);
        let r = t.prefix_range(b"perm");
        assert_eq!(r.len(), 3);
        assert_eq!(t.find(b"pet"), Some(3));
        assert_eq!(t.find(b"pe"), None);
        assert!(t.prefix_range(b"zz").is_empty());
    }

    #[test]
    fn postings_round_trip_and_stop_on_garbage() {
        // A delta of two varint bytes; impacts at both ends of their range.
        let postings = vec![(1, 40), (300, 63), (301, 1)];
        let mut bytes = Vec::new();
        encode_postings(&postings, &mut bytes);
        assert_eq!(Postings::new(&bytes).collect::<Vec<_>>(), postings);
        assert_eq!(Postings::new(&bytes[..bytes.len() - 1]).count(), 2);
        assert_eq!(Postings::new(&bytes[..3]).count(), 0);
        assert_eq!(Postings::new(&[0xFF, 0xFF]).count(), 0);
    }
}
