//! The index file: `OWSI`, a format version byte, then varint-prefixed lists (`docs/search.md`).
//! Terms are front-coded (the bytes shared with the previous term are not repeated) and
//! postings delta-coded, which is most of why the file is small.
//!
//! Reading checks every length against the bytes left and every reference against its list
//! before using it, so that corrupt or hostile bytes are an error, never a panic or a huge
//! allocation; postings, the bulk, are only sliced (their reader is defensive instead), so an
//! index loads at the speed of a copy.

use super::index::{Doc, Group, SearchIndex, Span, Stored};
use super::terms::{read_varint, write_varint, Terms};

const MAGIC: &[u8; 4] = b"OWSI";
/// Bump on any change to the layout; readers refuse other versions. 2: postings grouped by
/// document (`terms::encode_postings`), their count the document frequency. 3: an impact per
/// posting instead of its fields and frequencies; no per-field term counts.
const VERSION: u8 = 3;
const FLAG_PINYIN: u8 = 1;

impl SearchIndex {
    /// The index as bytes (a versioned binary format, `docs/search.md`), for
    /// [`SearchIndex::from_bytes`].
    pub fn to_bytes(&self) -> Vec<u8> {
        write(self)
    }

    /// Reads an index written by [`SearchIndex::to_bytes`]. Bytes of another format version,
    /// cut short or corrupt are an error naming what is wrong, never a panic.
    pub fn from_bytes(bytes: &[u8]) -> Result<SearchIndex, String> {
        read(bytes)
    }
}

fn write(index: &SearchIndex) -> Vec<u8> {
    let mut out = Vec::new();
    out.extend_from_slice(MAGIC);
    out.push(VERSION);
    out.push(if index.pinyin { FLAG_PINYIN } else { 0 });
    write_varint(&mut out, index.locales.len() as u64);
    for l in &index.locales {
        string(&mut out, l);
    }
    for groups in [&index.categories, &index.life_events] {
        write_varint(&mut out, groups.len() as u64);
        for g in groups {
            string(&mut out, &g.id);
            for t in &g.titles {
                string(&mut out, t);
            }
        }
    }
    // The services' strings as one text, then each service's string lengths in order.
    write_varint(&mut out, index.text.len() as u64);
    out.extend_from_slice(index.text.as_bytes());
    write_varint(&mut out, index.docs.len() as u64);
    let per_doc = 1 + 2 * index.locales.len();
    for d in &index.docs {
        write_varint(&mut out, u64::from(d.synonyms));
        write_varint(&mut out, u64::from(d.keywords));
        let first = d.first as usize;
        let strings = per_doc + usize::from(d.synonyms) + usize::from(d.keywords);
        for span in index.spans.get(first..first + strings).unwrap_or_default() {
            write_varint(&mut out, u64::from(span.end - span.start));
        }
        // 0 is "no category", so ids shift by one.
        write_varint(&mut out, d.category.map_or(0, |c| u64::from(c) + 1));
        write_varint(&mut out, d.life_events.len() as u64);
        for &e in &d.life_events {
            write_varint(&mut out, u64::from(e));
        }
    }
    write_varint(&mut out, index.terms.len() as u64);
    let mut prev: &[u8] = &[];
    for i in 0..index.terms.len() {
        let term = index.terms.term(i);
        let shared = prev.iter().zip(term).take_while(|(a, b)| a == b).count();
        write_varint(&mut out, shared as u64);
        write_varint(&mut out, (term.len() - shared) as u64);
        out.extend_from_slice(term.get(shared..).unwrap_or_default());
        let postings = index.terms.encoded_postings(i);
        write_varint(&mut out, postings.len() as u64);
        out.extend_from_slice(postings);
        prev = term;
    }
    out
}

fn string(out: &mut Vec<u8>, s: &str) {
    write_varint(out, s.len() as u64);
    out.extend_from_slice(s.as_bytes());
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn varint(&mut self, what: &str) -> Result<u64, String> {
        read_varint(self.bytes, &mut self.at).ok_or_else(|| {
            format!("the index is cut short or corrupt at byte {} ({what})", self.at)
        })
    }

    /// A count of items each at least `min_size` bytes long: more than the bytes left is
    /// corrupt (and would otherwise make us allocate for it).
    fn count(&mut self, what: &str, min_size: usize) -> Result<usize, String> {
        let n = self.varint(what)?;
        let left = (self.bytes.len() - self.at) as u64;
        if n.saturating_mul(min_size as u64) > left {
            return Err(format!(
                "the index is corrupt at byte {}: {n} {what} cannot fit in the {left} bytes left",
                self.at
            ));
        }
        Ok(n as usize)
    }

    fn take(&mut self, n: usize, what: &str) -> Result<&'a [u8], String> {
        let end = self.at.checked_add(n);
        let slice = end
            .and_then(|end| self.bytes.get(self.at..end))
            .ok_or_else(|| format!("the index is cut short at byte {} ({what})", self.at))?;
        self.at += n;
        Ok(slice)
    }

    fn string(&mut self, what: &str) -> Result<String, String> {
        let n = self.count(what, 1)?;
        let bytes = self.take(n, what)?;
        String::from_utf8(bytes.to_vec())
            .map_err(|_| format!("the index is corrupt: {what} is not UTF-8"))
    }

    fn strings(&mut self, n: usize, what: &str) -> Result<Vec<String>, String> {
        (0..n).map(|_| self.string(what)).collect()
    }
}

fn read(bytes: &[u8]) -> Result<SearchIndex, String> {
    let header = bytes.split_first_chunk::<4>().filter(|(magic, _)| *magic == MAGIC);
    let Some((_, &[version, flags, ..])) = header else {
        return Err("not a onewindow search index (it does not start with OWSI)".to_string());
    };
    if version != VERSION {
        return Err(format!("the search index is format version {version}, this engine reads version {VERSION}: rebuild it with `onewindow index`"));
    }
    let pinyin = flags & FLAG_PINYIN != 0;
    let mut r = Reader { bytes, at: 6 };
    let n_locales = r.count("locales", 1)?;
    if n_locales == 0 {
        return Err("the index lists no locale".to_string());
    }
    let locales = r.strings(n_locales, "a locale")?;
    let mut groups = Vec::new();
    for what in ["categories", "life events"] {
        let n = r.count(what, 1 + n_locales)?;
        let mut list = Vec::with_capacity(n);
        for _ in 0..n {
            list.push(Group { id: r.string(what)?, titles: r.strings(n_locales, what)? });
        }
        groups.push(list);
    }
    let life_events = groups.pop().unwrap_or_default();
    let categories = groups.pop().unwrap_or_default();
    let text_len = r.count("text bytes", 1)?;
    let text = std::str::from_utf8(r.take(text_len, "text")?)
        .map_err(|_| "the index is corrupt: its text is not UTF-8".to_string())?
        .to_string();
    let per_doc = 1 + 2 * n_locales;
    let n_docs = r.count("services", 2 + per_doc + 2)?;
    let mut docs = Vec::with_capacity(n_docs);
    let mut spans = Vec::new();
    let mut at = 0usize;
    for d in 0..n_docs {
        let synonyms = r.varint("synonyms")?;
        let keywords = r.varint("keywords")?;
        if synonyms > u64::from(u16::MAX) || keywords > u64::from(u16::MAX) {
            return Err(format!(
                "the index is corrupt: service {d} has {synonyms} synonyms and {keywords} keywords"
            ));
        }
        let first = spans.len() as u32;
        let strings = per_doc + synonyms as usize + keywords as usize;
        for _ in 0..strings {
            let len = r.varint("a string length")?;
            let end = (at as u64).saturating_add(len);
            if end > text.len() as u64 || !text.is_char_boundary(end as usize) {
                return Err(format!(
                    "the index is corrupt: a string of service {d} is out of its text"
                ));
            }
            spans.push(Span { start: at as u32, end: end as u32 });
            at = end as usize;
        }
        let category = match r.varint("a category")? {
            0 => None,
            c if c as usize <= categories.len() => Some((c - 1) as u32),
            c => {
                return Err(format!(
                    "the index is corrupt: service {d} has category {c} of {}",
                    categories.len()
                ))
            }
        };
        let n_events = r.count("life events", 1)?;
        let mut life_events_of = Vec::with_capacity(n_events);
        for _ in 0..n_events {
            let e = r.varint("a life event")?;
            if e as usize >= life_events.len() {
                return Err(format!(
                    "the index is corrupt: service {d} has life event {e} of {}",
                    life_events.len()
                ));
            }
            life_events_of.push(e as u32);
        }
        docs.push(Doc {
            first,
            synonyms: synonyms as u16,
            keywords: keywords as u16,
            category,
            life_events: life_events_of,
            names: Span::default(),
        });
    }
    if at != text.len() {
        return Err("the index is corrupt: its text is longer than its strings".to_string());
    }
    let n_terms = r.count("terms", 3)?;
    let mut terms = Terms::default();
    let mut prev: Vec<u8> = Vec::new();
    for i in 0..n_terms {
        let shared = r.varint("a term")? as usize;
        let rest = r.count("term bytes", 1)?;
        let Some(common) = prev.get(..shared) else {
            return Err(format!(
                "the index is corrupt: term {i} shares more than the previous term has"
            ));
        };
        let mut term = common.to_vec();
        term.extend_from_slice(r.take(rest, "a term")?);
        if i > 0 && term <= prev {
            return Err(format!("the index is corrupt: term {i} is out of order"));
        }
        let length = r.count("postings bytes", 1)?;
        // Postings are decoded when searched, by a reader that stops at anything malformed
        // and a scorer that ignores services out of range: loading only slices them, and
        // reads their count, the document frequency.
        let encoded = r.take(length, "postings")?;
        let df = terms.push(&term, encoded);
        if df > n_docs as u64 {
            return Err(format!("the index is corrupt: term {i} is in {df} of {n_docs} services"));
        }
        prev = term;
    }
    if r.at != bytes.len() {
        return Err(format!("the index has {} bytes after its end", bytes.len() - r.at));
    }
    Ok(SearchIndex::from_stored(Stored {
        locales,
        categories,
        life_events,
        text,
        spans,
        docs,
        terms,
        pinyin,
    }))
}
