//! The term dictionary: sorted terms, each with its postings, looked up exactly, by prefix
//! and within an edit distance.
//!
//! Terms are kept sorted in one byte buffer rather than in a trie: it loads by copying, and a
//! walk in sorted order shares the edit-distance rows of common prefixes as a trie walk would,
//! skipping every term under a prefix that is already too far (a binary search).

use std::ops::Range;

/// One occurrence list entry: `doc` has the term `tf` times in `field`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Posting {
    pub doc: u32,
    pub field: u8,
    pub tf: u8,
}

/// The dictionary. The small functions on the search path are `#[inline(always)]`: the
/// release profile optimises for size (`opt-level = "z"`), which otherwise leaves a call per
/// posting.
#[derive(Clone, Debug, Default)]
pub(crate) struct Terms {
    /// Every term's bytes, in sorted order, back to back.
    blob: Vec<u8>,
    ends: Vec<u32>,
    /// Every term's postings, encoded (see [`encode_postings`]), back to back.
    postings: Vec<u8>,
    posting_ends: Vec<u32>,
    /// How many documents have each term (what its postings start with).
    df: Vec<u32>,
}

impl Terms {
    /// `terms` must be sorted and unique; `postings` sorted by document then field.
    pub fn from_sorted(terms: impl IntoIterator<Item = (Vec<u8>, Vec<Posting>)>) -> Terms {
        let mut t = Terms::default();
        for (term, postings) in terms {
            let mut encoded = Vec::new();
            encode_postings(&postings, &mut encoded);
            t.push(&term, &encoded);
        }
        t
    }

    /// Adds a term and its encoded postings; returns its document frequency, read from them.
    pub(crate) fn push(&mut self, term: &[u8], encoded_postings: &[u8]) -> u64 {
        let df = read_varint(encoded_postings, &mut 0).unwrap_or(0);
        self.blob.extend_from_slice(term);
        self.ends.push(self.blob.len() as u32);
        self.postings.extend_from_slice(encoded_postings);
        self.posting_ends.push(self.postings.len() as u32);
        self.df.push(u32::try_from(df).unwrap_or(u32::MAX));
        df
    }

    pub fn shrink_to_fit(&mut self) {
        self.blob.shrink_to_fit();
        self.ends.shrink_to_fit();
        self.postings.shrink_to_fit();
        self.posting_ends.shrink_to_fit();
        self.df.shrink_to_fit();
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
        let start = if i == 0 { 0 } else { self.posting_ends.get(i - 1).copied().unwrap_or(0) as usize };
        let end = self.posting_ends.get(i).copied().unwrap_or(0) as usize;
        self.postings.get(start..end).unwrap_or(&[])
    }

    #[inline(always)]
    pub fn df(&self, i: usize) -> u32 {
        self.df.get(i).copied().unwrap_or(0)
    }

    /// The reference decoder; `SearchIndex::add_term` decodes the same way, inline.
    #[cfg(test)]
    pub fn postings(&self, i: usize) -> Postings<'_> {
        Postings::new(self.encoded_postings(i))
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
        let end = if start < self.len() && self.term(start).starts_with(prefix) { self.past_prefix(prefix, start) } else { start };
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

    /// Calls `found(term, distance)` for every term within `max` edits (insertions,
    /// deletions, substitutions and swaps of neighbours) of `query`, compared byte by byte:
    /// it is meant for Latin-script terms. Terms before `from` are not looked at.
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
            let t = self.term(i);
            let shared = prev.iter().zip(t).take_while(|(a, b)| a == b).count();
            let mut depth = shared.min(filled - 1);
            let mut skip_to = None;
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
                    let mut v = (last[j - 1].saturating_add(cost)).min(last[j].saturating_add(1)).min(cur[j - 1].saturating_add(1));
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
                    let prefix = &t[..depth];
                    skip_to = Some(self.past_prefix(prefix, i));
                    break;
                }
            }
            filled = depth + 1;
            prev = t;
            match skip_to {
                Some(next) => i = next.max(i + 1),
                None => {
                    let d = rows[depth * width + qn];
                    if d <= max {
                        found(i, d);
                    }
                    i += 1;
                }
            }
        }
    }
}

/// How many documents, then per document: a varint holding the document as a delta from the
/// previous one (shifted left by 2) and how many fields it has the term in, less one (the low 2
/// bits; 3 means 3 more than a second varint), then a byte per field holding the field (high
/// nibble) and the term frequency (low nibble, at most 15). A document's fields are read
/// together: a term is in two or three fields of most documents that have it (title, summary,
/// category), and a delta per field cost a read and a comparison each.
pub(crate) fn encode_postings(postings: &[Posting], out: &mut Vec<u8>) {
    let mut docs: Vec<&[Posting]> = Vec::new();
    let mut rest = postings;
    while let Some(first) = rest.first() {
        let n = rest.iter().take_while(|p| p.doc == first.doc).count();
        docs.push(&rest[..n]);
        rest = &rest[n..];
    }
    write_varint(out, docs.len() as u64);
    let mut last = 0;
    for fields in docs {
        let doc = fields[0].doc;
        let more = fields.len() - 1;
        write_varint(out, u64::from(doc - last) << 2 | more.min(3) as u64);
        if more >= 3 {
            write_varint(out, (more - 3) as u64);
        }
        out.extend(fields.iter().map(|p| (p.field << 4) | p.tf.min(15)));
        last = doc;
    }
}

/// Decodes postings, a document and its fields' bytes at a time; stops at the first malformed
/// byte (the loader has checked only their count).
#[cfg(test)]
pub(crate) struct Postings<'a> {
    bytes: &'a [u8],
    at: usize,
    left: u64,
    doc: u32,
}

#[cfg(test)]
impl<'a> Postings<'a> {
    #[inline(always)]
    pub fn new(bytes: &'a [u8]) -> Self {
        let mut at = 0;
        let left = read_varint(bytes, &mut at).unwrap_or(0);
        Postings { bytes, at, left, doc: 0 }
    }
}

#[cfg(test)]
impl<'a> Iterator for Postings<'a> {
    /// A document, and a byte per field it has the term in: the field (high nibble) and the term
    /// frequency (low nibble).
    type Item = (u32, &'a [u8]);

    #[inline(always)]
    fn next(&mut self) -> Option<(u32, &'a [u8])> {
        if self.left == 0 {
            return None;
        }
        self.left -= 1;
        let head = read_varint(self.bytes, &mut self.at)?;
        let mut fields = (head & 3) as usize + 1;
        if fields == 4 {
            fields = usize::try_from(read_varint(self.bytes, &mut self.at)?).ok()?.checked_add(4)?;
        }
        self.doc = self.doc.checked_add(u32::try_from(head >> 2).ok()?)?;
        let end = self.at.checked_add(fields).filter(|&e| e <= self.bytes.len())?;
        let packed = &self.bytes[self.at..end];
        self.at = end;
        Some((self.doc, packed))
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
        Terms::from_sorted(words.iter().map(|w| (w.as_bytes().to_vec(), vec![Posting { doc: 0, field: 0, tf: 1 }])))
    }

    fn near(terms: &Terms, query: &str, max: u8) -> Vec<(String, u8)> {
        let mut out = Vec::new();
        terms.fuzzy(query.as_bytes(), max, 0, |i, d| out.push((String::from_utf8_lossy(terms.term(i)).into_owned(), d)));
        out
    }

    #[test]
    fn fuzzy_finds_edits_and_swaps_within_the_distance() {
        let t = dictionary(&["permit", "perm", "permission", "residence", "resident", "birth", "居住"]);
        assert_eq!(near(&t, "permt", 1), [("perm".to_string(), 1), ("permit".to_string(), 1)]);
        assert_eq!(near(&t, "pemrit", 1), [("permit".to_string(), 1)]);
        assert_eq!(near(&t, "residense", 1), [("residence".to_string(), 1)]);
        assert_eq!(near(&t, "residense", 2), [("residence".to_string(), 1), ("resident".to_string(), 2)]);
        assert!(near(&t, "xyzzy", 2).is_empty());
    }

    #[test]
    fn skipping_a_prefix_lands_on_the_next_term() {
        let words: Vec<String> = (0..300).map(|i| format!("ab{i:03}")).chain(["ac".to_string(), "b".to_string()]).collect();
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
        let p = |doc, field, tf| Posting { doc, field, tf };
        let mut postings = vec![p(1, 0, 2), p(1, 3, 15), p(300, 9, 1)];
        // A document in every field: more than the 2 bits of the count hold.
        postings.extend((0..10).map(|f| p(301, f, 1)));
        let mut bytes = Vec::new();
        encode_postings(&postings, &mut bytes);
        let decoded: Vec<Posting> = Postings::new(&bytes)
            .flat_map(|(doc, fields)| fields.iter().map(move |&b| p(doc, b >> 4, b & 15)).collect::<Vec<_>>())
            .collect();
        assert_eq!(decoded, postings);
        assert_eq!(Postings::new(&bytes).map(|(doc, _)| doc).collect::<Vec<_>>(), [1, 300, 301]);
        assert_eq!(Postings::new(&bytes[..bytes.len() - 1]).count(), 2);
        assert_eq!(Postings::new(&[0xFF, 0xFF]).count(), 0);
    }
}
