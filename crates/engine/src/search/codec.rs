//! The index's files (`docs/search.md`): the entry, which names the others; the names part;
//! chunks of the other terms' postings; a fragment per service with its summaries. Each
//! starts with `OWSI`, the format version and its kind, then varint-prefixed lists. Terms are
//! front-coded (the bytes shared with the previous term are not repeated) and postings
//! delta-coded, which is most of why the files are small.
//!
//! Reading checks every length against the bytes left and every reference against its list
//! before using it, so that corrupt or hostile bytes are an error, never a panic or a huge
//! allocation; postings, the bulk, are only sliced (their reader is defensive instead), so a
//! part loads at the speed of a copy.

use super::layout::{EntryData, Hash, HASH};

use super::index::{Doc, Group, Span, Stored};
use super::syllables::Syllables;
use super::terms::{read_varint, write_varint, StoredTerm, Terms};
use sha2::{Digest, Sha256};

const MAGIC: &[u8; 4] = b"OWSI";
/// Bump on any change to the layout; readers refuse other versions. 2: postings grouped by
/// document (`terms::encode_postings`), their count the document frequency. 3: an impact per
/// posting instead of its fields and frequencies; no per-field term counts. 4: in parts (an
/// entry, the names, chunks, fragments), each term with its document frequency.
const VERSION: u8 = 4;
const FLAG_PINYIN: u8 = 1;

/// What a file of the index is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Kind {
    Entry = 0,
    Names = 1,
    Chunk = 2,
    Fragment = 3,
}

impl Kind {
    fn name(self) -> &'static str {
        match self {
            Kind::Entry => "the index's entry",
            Kind::Names => "the names part",
            Kind::Chunk => "a chunk",
            Kind::Fragment => "a fragment",
        }
    }
}

/// The first [`HASH`] bytes of the SHA-256 of `bytes`.
pub(super) fn hash(bytes: &[u8]) -> Hash {
    let digest = Sha256::digest(bytes);
    let mut out = [0u8; HASH];
    out.iter_mut().zip(digest.iter()).for_each(|(o, d)| *o = *d);
    out
}

fn header(kind: Kind) -> Vec<u8> {
    let mut out = MAGIC.to_vec();
    out.push(VERSION);
    out.push(kind as u8);
    out
}

pub(super) fn write_entry(entry: &EntryData) -> Vec<u8> {
    let mut out = header(Kind::Entry);
    out.push(if entry.pinyin { FLAG_PINYIN } else { 0 });
    write_varint(&mut out, u64::from(entry.docs));
    out.extend_from_slice(&entry.names);
    out.extend_from_slice(&entry.fragments);
    write_varint(&mut out, entry.chunks.len() as u64);
    let mut prev: &[u8] = &[];
    for (first, hash) in &entry.chunks {
        front_coded(&mut out, prev, first);
        out.extend_from_slice(hash);
        prev = first;
    }
    out
}

pub(super) fn read_entry(bytes: &[u8]) -> Result<EntryData, String> {
    let mut r = Reader::new(bytes, Kind::Entry)?;
    let flags = r.take(1, "flags")?.first().copied().unwrap_or(0);
    let docs = r.varint("services")?;
    let docs = u32::try_from(docs).map_err(|_| r.corrupt("it counts too many services"))?;
    let names = r.hash("the names part's hash")?;
    let fragments = r.hash("the fragments' hash")?;
    let n = r.count("chunks", 1 + HASH)?;
    let mut chunks: Vec<(Vec<u8>, Hash)> = Vec::with_capacity(n);
    let mut prev = Vec::new();
    for i in 0..n {
        let first = r.front_coded(&prev, "a chunk's first term")?;
        if i > 0 && first <= prev {
            return Err(r.corrupt(&format!("chunk {i} is out of order")));
        }
        chunks.push((first.clone(), r.hash("a chunk's hash")?));
        prev = first;
    }
    r.end()?;
    Ok(EntryData { pinyin: flags & FLAG_PINYIN != 0, docs, names, fragments, chunks })
}

/// The names part: locales, categories and life events, the pinyin syllables, every service's names (id, titles,
/// synonyms, keywords) as one text with each service's string lengths, category and life
/// events, then the terms of names with their postings in the services that have them there.
pub(super) fn write_names(stored: &Stored, terms: &[StoredTerm]) -> Vec<u8> {
    let mut out = header(Kind::Names);
    write_varint(&mut out, stored.locales.len() as u64);
    for l in &stored.locales {
        string(&mut out, l);
    }
    for groups in [&stored.categories, &stored.life_events] {
        write_varint(&mut out, groups.len() as u64);
        for g in groups {
            string(&mut out, &g.id);
            for t in &g.titles {
                string(&mut out, t);
            }
        }
    }
    write_varint(&mut out, stored.syllables.list().len() as u64);
    for s in stored.syllables.list() {
        string(&mut out, s);
    }
    write_varint(&mut out, stored.text.len() as u64);
    out.extend_from_slice(stored.text.as_bytes());
    write_varint(&mut out, stored.docs.len() as u64);
    let per_doc = 1 + stored.locales.len();
    for d in &stored.docs {
        write_varint(&mut out, u64::from(d.synonyms));
        write_varint(&mut out, u64::from(d.keywords));
        let first = d.first as usize;
        let strings = per_doc + usize::from(d.synonyms) + usize::from(d.keywords);
        for span in stored.spans.get(first..first + strings).unwrap_or_default() {
            write_varint(&mut out, u64::from(span.end - span.start));
        }
        // 0 is "no category", so ids shift by one.
        write_varint(&mut out, d.category.map_or(0, |c| u64::from(c) + 1));
        write_varint(&mut out, d.life_events.len() as u64);
        for &e in &d.life_events {
            write_varint(&mut out, u64::from(e));
        }
    }
    write_terms(&mut out, terms);
    out
}

pub(super) fn read_names(bytes: &[u8], docs: u32) -> Result<Stored, String> {
    let mut r = Reader::new(bytes, Kind::Names)?;
    let n_locales = r.count("locales", 1)?;
    if n_locales == 0 {
        return Err(r.corrupt("it lists no locale"));
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
    let n_syllables = r.count("syllables", 1)?;
    let syllables = r.strings(n_syllables, "a syllable")?;
    if syllables.windows(2).any(|w| w.first() >= w.last()) {
        return Err(r.corrupt("its syllables are out of order"));
    }
    let syllables = Syllables::new(syllables);
    let text_len = r.count("text bytes", 1)?;
    let text = std::str::from_utf8(r.take(text_len, "text")?)
        .map_err(|_| r.corrupt("its text is not UTF-8"))?
        .to_string();
    let per_doc = 1 + n_locales;
    let n_docs = r.count("services", 2 + per_doc + 2)?;
    if n_docs as u64 != u64::from(docs) {
        return Err(r.corrupt(&format!("it has {n_docs} services, the entry {docs}")));
    }
    let mut out_docs = Vec::with_capacity(n_docs);
    let mut spans = Vec::new();
    let mut at = 0usize;
    for d in 0..n_docs {
        let synonyms = r.varint("synonyms")?;
        let keywords = r.varint("keywords")?;
        if synonyms > u64::from(u16::MAX) || keywords > u64::from(u16::MAX) {
            return Err(
                r.corrupt(&format!("service {d} has {synonyms} synonyms and {keywords} keywords"))
            );
        }
        let first = spans.len() as u32;
        let strings = per_doc + synonyms as usize + keywords as usize;
        for _ in 0..strings {
            let len = r.varint("a string length")?;
            let end = (at as u64).saturating_add(len);
            if end > text.len() as u64 || !text.is_char_boundary(end as usize) {
                return Err(r.corrupt(&format!("a string of service {d} is out of its text")));
            }
            spans.push(Span { start: at as u32, end: end as u32 });
            at = end as usize;
        }
        let category = match r.varint("a category")? {
            0 => None,
            c if c as usize <= categories.len() => Some((c - 1) as u32),
            c => {
                return Err(
                    r.corrupt(&format!("service {d} has category {c} of {}", categories.len()))
                )
            }
        };
        let n_events = r.count("life events", 1)?;
        let mut life_events_of = Vec::with_capacity(n_events);
        for _ in 0..n_events {
            let e = r.varint("a life event")?;
            if e as usize >= life_events.len() {
                return Err(
                    r.corrupt(&format!("service {d} has life event {e} of {}", life_events.len()))
                );
            }
            life_events_of.push(e as u32);
        }
        out_docs.push(Doc {
            first,
            synonyms: synonyms as u16,
            keywords: keywords as u16,
            category,
            life_events: life_events_of,
            names: Span::default(),
        });
    }
    if at != text.len() {
        return Err(r.corrupt("its text is longer than its strings"));
    }
    let mut terms = Terms::default();
    r.terms(docs, |t| terms.push(t.term, t.postings, t.df, true))?;
    r.end()?;
    Ok(Stored {
        locales,
        categories,
        life_events,
        text,
        spans,
        docs: out_docs,
        terms,
        pinyin: false,
        syllables,
    })
}

/// A chunk: terms in order, each with its document frequency and its postings in the services
/// that do not have it in a name.
pub(super) fn write_chunk(terms: &[StoredTerm]) -> Vec<u8> {
    let mut out = header(Kind::Chunk);
    write_terms(&mut out, terms);
    out
}

pub(super) fn read_chunk(bytes: &[u8], docs: u32) -> Result<Vec<StoredTerm>, String> {
    let mut r = Reader::new(bytes, Kind::Chunk)?;
    let mut terms = Vec::new();
    r.terms(docs, |t| {
        terms.push(StoredTerm {
            term: t.term.to_vec(),
            df: t.df,
            name: false,
            postings: t.postings.to_vec(),
        })
    })?;
    r.end()?;
    Ok(terms)
}

/// A fragment: the fragments' hash (the entry's), the service's number, its summary in each
/// locale, then the hash of all that, so that a damaged fragment is found out although the
/// entry does not list fragments one by one.
pub(super) fn write_fragment(set: &Hash, doc: u32, summaries: &[String]) -> Vec<u8> {
    let mut out = header(Kind::Fragment);
    out.extend_from_slice(set);
    write_varint(&mut out, u64::from(doc));
    for s in summaries {
        string(&mut out, s);
    }
    let digest = hash(&out);
    out.extend_from_slice(&digest);
    out
}

pub(super) fn read_fragment(
    bytes: &[u8],
    set: &Hash,
    doc: u32,
    locales: usize,
) -> Result<Vec<String>, String> {
    let Some((body, digest)) = bytes.split_last_chunk::<HASH>() else {
        return Err(format!("{} is cut short", Kind::Fragment.name()));
    };
    if hash(body) != *digest && !cfg!(fuzzing) {
        return Err("the fragment is damaged: its bytes do not match its hash".to_string());
    }
    let mut r = Reader::new(body, Kind::Fragment)?;
    if r.hash("the fragments' hash")? != *set {
        return Err("the fragment is another index's (rebuilt since?)".to_string());
    }
    let of = r.varint("the service")?;
    if of != u64::from(doc) {
        return Err(r.corrupt(&format!("it is service {of}'s, not service {doc}'s")));
    }
    let summaries = r.strings(locales, "a summary")?;
    r.end()?;
    Ok(summaries)
}

/// The fragments' hash: of every service's summaries.
pub(super) fn fragments_hash(summaries: &[Vec<String>]) -> Hash {
    let mut all = Vec::new();
    for s in summaries {
        write_varint(&mut all, s.len() as u64);
        for s in s {
            string(&mut all, s);
        }
    }
    hash(&all)
}

fn write_terms(out: &mut Vec<u8>, terms: &[StoredTerm]) {
    write_varint(out, terms.len() as u64);
    let mut prev: &[u8] = &[];
    for t in terms {
        front_coded(out, prev, &t.term);
        write_varint(out, u64::from(t.df));
        write_varint(out, t.postings.len() as u64);
        out.extend_from_slice(&t.postings);
        prev = &t.term;
    }
}

/// `term` as the bytes it shares with `prev` and the rest.
fn front_coded(out: &mut Vec<u8>, prev: &[u8], term: &[u8]) {
    let shared = prev.iter().zip(term).take_while(|(a, b)| a == b).count();
    write_varint(out, shared as u64);
    write_varint(out, (term.len() - shared) as u64);
    out.extend_from_slice(term.get(shared..).unwrap_or_default());
}

fn string(out: &mut Vec<u8>, s: &str) {
    write_varint(out, s.len() as u64);
    out.extend_from_slice(s.as_bytes());
}

/// A term as read: borrowed from the part's bytes.
struct ReadTerm<'a> {
    term: &'a [u8],
    df: u32,
    postings: &'a [u8],
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
    kind: Kind,
}

impl<'a> Reader<'a> {
    /// After the header of a `kind` part: refuses another kind or format version.
    fn new(bytes: &'a [u8], kind: Kind) -> Result<Reader<'a>, String> {
        let header = bytes.split_first_chunk::<4>().filter(|(magic, _)| *magic == MAGIC);
        let Some((_, &[version, found, ..])) = header else {
            return Err(format!(
                "{} is not a onewindow search index part (it does not start with OWSI)",
                kind.name()
            ));
        };
        if version != VERSION {
            return Err(format!("the search index is format version {version}, this engine reads version {VERSION}: rebuild it with `onewindow index`"));
        }
        if found != kind as u8 {
            return Err(format!("{} is a part of another kind ({found})", kind.name()));
        }
        Ok(Reader { bytes, at: 6, kind })
    }

    fn corrupt(&self, what: &str) -> String {
        format!("{} is corrupt at byte {}: {what}", self.kind.name(), self.at)
    }

    fn varint(&mut self, what: &str) -> Result<u64, String> {
        read_varint(self.bytes, &mut self.at).ok_or_else(|| {
            format!("{} is cut short or corrupt at byte {} ({what})", self.kind.name(), self.at)
        })
    }

    /// A count of items each at least `min_size` bytes long: more than the bytes left is
    /// corrupt (and would otherwise make us allocate for it).
    fn count(&mut self, what: &str, min_size: usize) -> Result<usize, String> {
        let n = self.varint(what)?;
        let left = (self.bytes.len() - self.at) as u64;
        if n.saturating_mul(min_size as u64) > left {
            return Err(self.corrupt(&format!("{n} {what} cannot fit in the {left} bytes left")));
        }
        Ok(n as usize)
    }

    fn take(&mut self, n: usize, what: &str) -> Result<&'a [u8], String> {
        let end = self.at.checked_add(n);
        let slice = end.and_then(|end| self.bytes.get(self.at..end)).ok_or_else(|| {
            format!("{} is cut short at byte {} ({what})", self.kind.name(), self.at)
        })?;
        self.at += n;
        Ok(slice)
    }

    fn hash(&mut self, what: &str) -> Result<Hash, String> {
        let bytes = self.take(HASH, what)?;
        let mut out = [0u8; HASH];
        out.iter_mut().zip(bytes).for_each(|(o, b)| *o = *b);
        Ok(out)
    }

    fn string(&mut self, what: &str) -> Result<String, String> {
        let n = self.count(what, 1)?;
        let bytes = self.take(n, what)?;
        String::from_utf8(bytes.to_vec()).map_err(|_| self.corrupt(&format!("{what} is not UTF-8")))
    }

    fn strings(&mut self, n: usize, what: &str) -> Result<Vec<String>, String> {
        (0..n).map(|_| self.string(what)).collect()
    }

    fn front_coded(&mut self, prev: &[u8], what: &str) -> Result<Vec<u8>, String> {
        let shared = self.varint(what)?;
        let rest = self.count(what, 1)?;
        let Some(common) = usize::try_from(shared).ok().and_then(|s| prev.get(..s)) else {
            return Err(self.corrupt(&format!("{what} shares more than the one before has")));
        };
        let mut term = common.to_vec();
        term.extend_from_slice(self.take(rest, what)?);
        Ok(term)
    }

    /// The terms of a names part or chunk, in order, each given to `each`; `docs` is the
    /// catalog's size.
    fn terms(&mut self, docs: u32, mut each: impl FnMut(ReadTerm<'_>)) -> Result<(), String> {
        let n = self.count("terms", 4)?;
        let mut prev: Vec<u8> = Vec::new();
        for i in 0..n {
            let term = self.front_coded(&prev, "a term")?;
            if i > 0 && term <= prev {
                return Err(self.corrupt(&format!("term {i} is out of order")));
            }
            let df = self.varint("a document frequency")?;
            if df > u64::from(docs) {
                return Err(self.corrupt(&format!("term {i} is in {df} of {docs} services")));
            }
            let length = self.count("postings bytes", 1)?;
            // Postings are decoded when searched, by a reader that stops at anything
            // malformed and a scorer that ignores services out of range: loading only slices
            // them.
            let postings = self.take(length, "postings")?;
            each(ReadTerm { term: &term, df: df as u32, postings });
            prev = term;
        }
        Ok(())
    }

    fn end(&self) -> Result<(), String> {
        if self.at != self.bytes.len() {
            return Err(format!(
                "{} has {} bytes after its end",
                self.kind.name(),
                self.bytes.len() - self.at
            ));
        }
        Ok(())
    }
}
