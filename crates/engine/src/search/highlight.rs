//! Marking the matched words in titles, and the snippet of a summary around its first match.

use super::index::SearchIndex;
use super::text::{fold, is_han, stem};
use std::ops::Range;

/// Snippet length in characters.
const SNIPPET: usize = 100;

/// A text with marked ranges.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Highlighted {
    /// The text as published (a snippet may start or end with `…`).
    pub text: String,
    /// Byte ranges of `text` to highlight, in order, not overlapping, on character boundaries.
    pub marks: Vec<Range<usize>>,
}

impl SearchIndex {
    /// Up to [`SNIPPET`] characters of `summary` around its first match: from a few words
    /// before it, as a reader needs some context. Counts characters only over the window.
    pub(super) fn snippet(&self, summary: &str, matched: &Matched<'_>) -> Highlighted {
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
}

/// The dictionary terms a query matched, for marking titles and snippets.
pub(super) struct Matched<'a> {
    /// Sorted.
    pub(super) terms: Vec<&'a [u8]>,
    /// Which bytes they start with: most words of a text start with another.
    pub(super) first: [bool; 256],
}

impl Matched<'_> {
    /// The ranges of `text` whose words or characters matched, up to `after_first` bytes past
    /// the start of the first.
    pub(super) fn marks(&self, text: &str, after_first: usize) -> Vec<Range<usize>> {
        marks(text, &self.first, after_first, |term| self.terms.binary_search(&term).is_ok())
    }
}

/// Whether [`stem`] could change `word` (it only removes -s, -ed and -ing): most words are
/// then not stemmed, and not copied, while titles and snippets are marked.
fn may_stem(word: &[u8]) -> bool {
    word.len() > 3 && (word.ends_with(b"s") || word.ends_with(b"ed") || word.ends_with(b"ing"))
}

/// The character at byte `i` of `text` and its length; ASCII without decoding.
#[inline(always)]
// Callers pass an `i` below the text's length, on a character boundary: their loops stop at
// the end and step by whole characters.
#[allow(clippy::indexing_slicing)]
fn char_at(text: &str, i: usize) -> (char, usize) {
    match text.as_bytes()[i] {
        b if b < 0x80 => (b as char, 1),
        _ => text[i..].chars().next().map_or((' ', 1), |c| (c, c.len_utf8())),
    }
}

/// Folds like [`fold`], with ASCII handled inline.
#[inline(always)]
fn fold_fast(c: char) -> Option<char> {
    if c.is_ascii() {
        c.is_ascii_alphanumeric().then(|| c.to_ascii_lowercase())
    } else {
        fold(c)
    }
}

/// The byte ranges of `text` whose words (as typed or stemmed), Han pairs or single Han
/// characters are `matched` terms; neighbouring Han matches join. `first` says which bytes
/// matched terms start with. It runs on every hit's title and snippet while someone types, so
/// it walks bytes, steps over words no matched term starts like and allocates for no other; and
/// it stops `after_first` bytes past the start of the first match (a snippet shows no more).
// Indexed, on this hot path, where the bound is proven: i < stop <= bytes.len() (the loop
// condition), `end` and `p` are i plus the lengths of the characters there, and `first` has
// an entry for every byte (and `f` is ASCII where it indexes it).
#[allow(clippy::indexing_slicing)]
fn marks(
    text: &str,
    first: &[bool; 256],
    after_first: usize,
    matched: impl Fn(&[u8]) -> bool,
) -> Vec<Range<usize>> {
    if text.is_ascii() {
        return ascii_marks(text.as_bytes(), first, after_first, matched);
    }
    let bytes = text.as_bytes();
    let mut marks: Vec<Range<usize>> = Vec::new();
    let mut word = String::new();
    let mut i = 0;
    let mut stop = bytes.len();
    while i < stop {
        let (c, len) = char_at(text, i);
        if is_han(c) {
            let end = i + len;
            if first[usize::from(bytes[i])] {
                let pair = if end < bytes.len() {
                    let (next, next_len) = char_at(text, end);
                    is_han(next).then_some(end + next_len)
                } else {
                    None
                };
                let found = match pair.filter(|&p| matched(&bytes[i..p])) {
                    Some(p) => Some(i..p),
                    None => matched(&bytes[i..end]).then_some(i..end),
                };
                if let Some(r) = found {
                    match marks.last_mut() {
                        Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
                        _ => {
                            if marks.is_empty() {
                                stop = stop.min(r.start.saturating_add(after_first));
                            }
                            marks.push(r);
                        }
                    }
                }
            }
            i = end;
            continue;
        }
        let Some(f) = fold_fast(c) else {
            i += len;
            continue;
        };
        // A word: collected only when a matched term could start like it (a stem starts as
        // its word does).
        let could = !f.is_ascii() || first[f as usize];
        let start = i;
        word.clear();
        while i < bytes.len() {
            let (c, len) = char_at(text, i);
            if is_han(c) {
                break;
            }
            match fold_fast(c) {
                Some(f) => {
                    if could {
                        word.push(f);
                    }
                    i += len;
                }
                None => break,
            }
        }
        if could
            && (matched(word.as_bytes())
                || (may_stem(word.as_bytes()) && matched(stem(&word).as_bytes())))
        {
            if marks.is_empty() {
                stop = stop.min(start.saturating_add(after_first));
            }
            marks.push(start..i);
        }
    }
    marks
}

/// [`marks`] for ASCII text (most English titles and summaries), byte by byte.
// Indexed, on this hot path, where the bound is proven: i < stop <= n = bytes.len() (the
// loop conditions), start < i where sliced, and the tables have an entry for every byte.
#[allow(clippy::indexing_slicing)]
fn ascii_marks(
    bytes: &[u8],
    first: &[bool; 256],
    after_first: usize,
    matched: impl Fn(&[u8]) -> bool,
) -> Vec<Range<usize>> {
    let mut marks = Vec::new();
    let mut word: Vec<u8> = Vec::new();
    let mut i = 0;
    let mut stop = bytes.len();
    let n = bytes.len();
    while i < stop {
        // A table rather than `is_ascii_alphanumeric`: three range checks a byte, and this
        // reads every byte of ten titles and snippets on each keystroke.
        if !WORD_BYTE[usize::from(bytes[i])] {
            i += 1;
            continue;
        }
        let start = i;
        while i < n && WORD_BYTE[usize::from(bytes[i])] {
            i += 1;
        }
        if !first[usize::from(bytes[start].to_ascii_lowercase())] {
            continue;
        }
        word.clear();
        word.extend(bytes[start..i].iter().map(u8::to_ascii_lowercase));
        if matched(&word)
            || (may_stem(&word)
                && std::str::from_utf8(&word).is_ok_and(|w| matched(stem(w).as_bytes())))
        {
            if marks.is_empty() {
                stop = stop.min(start.saturating_add(after_first));
            }
            marks.push(start..i);
        }
    }
    marks
}

/// Which bytes are ASCII letters and digits.
// Worked out when compiling: an index out of range would fail the build, not panic.
#[allow(clippy::indexing_slicing)]
static WORD_BYTE: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    table
};
