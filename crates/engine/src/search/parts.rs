//! An index in parts, so that the first query downloads little of a large catalog's index
//! (`docs/search.md`), after pagefind's: an entry with a fixed name lists the others, each
//! named by a hash of its bytes so that it can be cached for ever.
//!
//! - The **names part** has every service's names (id, titles, synonyms, keywords), its
//!   category and life events, and the terms of names with their postings in the services
//!   that have them in a name: what a query needs to find services by what they are called.
//! - **Chunks** have the rest of the postings (summaries, departments, categories and life
//!   events, materials, FAQ, pinyin), split by term as pagefind splits its word index: a
//!   chunk has the terms from its first to the next chunk's first. A term's postings in a
//!   service are in the names part or in a chunk, never both, and each is its impact over
//!   all the service's fields; so once a query's chunks are merged in, its terms have
//!   exactly the postings of the index built whole, and it scores the same.
//! - A **fragment** per service has its summaries, for the snippets of the results shown.
//!
//! The engine does no IO: [`SearchIndex::needed_parts`] says what a query needs that has not
//! arrived, by searching with a recorder of what it looked up; the shell fetches those and
//! hands them to [`SearchIndex::add_part`].

use super::build::Built;
use super::codec::{self, EntryData, Hash, HASH};
use super::index::{SearchIndex, Stored};
use super::terms::{encode_postings, StoredTerm, Terms};
use crate::guide::{Catalog, Guide};

/// Where the parts are, beside the entry.
const DIR: &str = "search/";
/// About how many bytes of terms and postings a chunk has: a query needs a chunk per term it
/// looks up (a Chinese name of six characters, five pairs), so smaller chunks mean fewer bytes
/// for a query, and more files, and a longer entry that lists them. On the generated catalog
/// of 5,000 services with long summaries (`docs/search.md`), a first query's bytes (p50 / p99 /
/// most, gzip) were 180 / 198 / 205 KB with 6 KB chunks (530 of them, the entry 7.3 KB), 180 /
/// 204 / 211 KB with 8 KB (383, 5.4 KB), 183 / 217 / 230 KB with 12 KB and 186 / 234 / 246 KB
/// with 16 KB (182, 2.8 KB).
const CHUNK_BYTES: usize = 8 * 1024;

/// The files of an index in parts, as `onewindow index` writes them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IndexFiles {
    /// The entry: the one file with a fixed name (`catalog.index`, beside the catalog). It is
    /// small, and names every other part.
    pub entry: Vec<u8>,
    /// The other parts, each with its path beside the entry (`search/…`, named by a hash of its
    /// content): the names part, the chunks, the fragments.
    pub parts: Vec<(String, Vec<u8>)>,
}

/// An index's entry, read: what to fetch first ([`IndexEntry::names_part`]), before
/// [`SearchIndex::open`].
#[derive(Clone, Debug, PartialEq)]
pub struct IndexEntry(pub(super) EntryData);

impl IndexEntry {
    /// Reads the entry (`catalog.index`). Bytes of another format version, cut short or
    /// corrupt are an error naming what is wrong, never a panic.
    pub fn from_bytes(bytes: &[u8]) -> Result<IndexEntry, String> {
        codec::read_entry(bytes).map(IndexEntry)
    }

    /// The names part's path, beside the entry.
    pub fn names_part(&self) -> String {
        names_path(&self.0.names)
    }

    /// Whether the index has pinyin terms (it was built with the `pinyin` feature).
    pub fn has_pinyin(&self) -> bool {
        self.0.pinyin
    }
}

/// What an index loaded in parts has and lacks; a built index has everything.
#[derive(Clone, Debug, Default)]
pub(super) struct Parts {
    in_parts: bool,
    names: Hash,
    fragments: Hash,
    /// Their first terms, in order.
    chunks: Vec<Chunk>,
}

#[derive(Clone, Debug)]
struct Chunk {
    first: Vec<u8>,
    hash: Hash,
    loaded: bool,
}

/// What a search looked up, when [`SearchIndex::needed_parts`] asks: the terms it looked for,
/// the prefixes it completed and the services it showed.
#[derive(Default)]
pub(super) struct Looked {
    on: bool,
    terms: Vec<Vec<u8>>,
    prefixes: Vec<Vec<u8>>,
    shown: Vec<u32>,
}

impl Looked {
    #[inline(always)]
    pub(super) fn term(&mut self, term: &[u8]) {
        if self.on {
            self.terms.push(term.to_vec());
        }
    }

    #[inline(always)]
    pub(super) fn prefix(&mut self, prefix: &[u8]) {
        if self.on {
            self.prefixes.push(prefix.to_vec());
        }
    }

    #[inline(always)]
    pub(super) fn shown(&mut self, doc: u32) {
        if self.on {
            self.shown.push(doc);
        }
    }
}

/// A part, from its path.
enum PartRef {
    Names(Hash),
    Chunk(Hash),
    Fragment(Hash, u32),
}

fn names_path(hash: &Hash) -> String {
    format!("{DIR}names-{}.idx", codec::hex(hash))
}

fn chunk_path(hash: &Hash) -> String {
    format!("{DIR}chunk-{}.idx", codec::hex(hash))
}

fn fragment_path(set: &Hash, doc: u32) -> String {
    format!("{DIR}frag-{}-{doc}.idx", codec::hex(set))
}

fn parse_path(path: &str) -> Option<PartRef> {
    let name = path.strip_prefix(DIR)?.strip_suffix(".idx")?;
    let unhex = |s: &str| -> Option<Hash> {
        let mut out = [0u8; HASH];
        if s.len() != 2 * HASH {
            return None;
        }
        for (o, pair) in out.iter_mut().zip(s.as_bytes().chunks(2)) {
            *o = u8::from_str_radix(std::str::from_utf8(pair).ok()?, 16).ok()?;
        }
        Some(out)
    };
    if let Some(h) = name.strip_prefix("names-") {
        return unhex(h).map(PartRef::Names);
    }
    if let Some(h) = name.strip_prefix("chunk-") {
        return unhex(h).map(PartRef::Chunk);
    }
    let (set, doc) = name.strip_prefix("frag-")?.split_once('-')?;
    Some(PartRef::Fragment(unhex(set)?, doc.parse().ok()?))
}

impl SearchIndex {
    /// Builds the index of `catalog` and `guides` as [`SearchIndex::build`] does, as files: an
    /// entry and its parts. Equal catalogs give equal files.
    pub fn build_files(catalog: &Catalog, guides: &[Guide]) -> IndexFiles {
        let built = Built::new(catalog, guides);
        let mut names_terms = Vec::new();
        let mut rest_terms = Vec::new();
        for t in &built.terms {
            let df = (t.names.len() + t.rest.len()) as u32;
            for (list, name, out) in
                [(&t.names, true, &mut names_terms), (&t.rest, false, &mut rest_terms)]
            {
                if !list.is_empty() {
                    let mut postings = Vec::new();
                    encode_postings(list, &mut postings);
                    out.push(StoredTerm { term: t.term.clone(), df, name, postings });
                }
            }
        }
        let mut chunks: Vec<(Vec<u8>, Vec<u8>)> = Vec::new();
        let mut rest = rest_terms.as_slice();
        while !rest.is_empty() {
            let mut size = 0;
            let n = rest
                .iter()
                .take_while(|t| {
                    let fits = size == 0 || size + t.term.len() + t.postings.len() <= CHUNK_BYTES;
                    size += t.term.len() + t.postings.len() + 4;
                    fits
                })
                .count()
                .max(1);
            let (these, after) = rest.split_at(n.min(rest.len()));
            let first = these.first().map(|t| t.term.clone()).unwrap_or_default();
            chunks.push((first, codec::write_chunk(these)));
            rest = after;
        }
        let Built {
            locales,
            categories,
            life_events,
            text,
            spans,
            docs,
            summaries,
            pinyin,
            syllables,
            ..
        } = built;
        let doc_count = docs.len() as u32;
        let names = codec::write_names(
            &Stored {
                locales,
                categories,
                life_events,
                text,
                spans,
                docs,
                terms: Terms::default(),
                pinyin,
                syllables,
            },
            &names_terms,
        );
        let set = codec::fragments_hash(&summaries);
        let entry = EntryData {
            pinyin,
            docs: doc_count,
            names: codec::hash(&names),
            fragments: set,
            chunks: chunks
                .iter()
                .map(|(first, bytes)| (first.clone(), codec::hash(bytes)))
                .collect(),
        };
        let mut parts = vec![(names_path(&entry.names), names)];
        for (_, bytes) in chunks {
            parts.push((chunk_path(&codec::hash(&bytes)), bytes));
        }
        for (doc, s) in summaries.iter().enumerate() {
            parts.push((
                fragment_path(&set, doc as u32),
                codec::write_fragment(&set, doc as u32, s),
            ));
        }
        IndexFiles { entry: codec::write_entry(&entry), parts }
    }

    /// An index from its entry and its names part: it finds services by their names at once,
    /// and by the rest once the parts a query needs are added ([`SearchIndex::needed_parts`]).
    /// Names bytes that are not the entry's names part, or are corrupt, are an error.
    pub fn open(entry: &IndexEntry, names: &[u8]) -> Result<SearchIndex, String> {
        let e = &entry.0;
        let path = names_path(&e.names);
        check_hash(&path, names, &e.names)?;
        let mut stored = codec::read_names(names, e.docs).map_err(|m| format!("{path}: {m}"))?;
        stored.pinyin = e.pinyin;
        let mut index = SearchIndex::from_stored(stored);
        index.parts = Parts {
            in_parts: true,
            names: e.names,
            fragments: e.fragments,
            chunks: e
                .chunks
                .iter()
                .map(|(first, hash)| Chunk { first: first.clone(), hash: *hash, loaded: false })
                .collect(),
        };
        Ok(index)
    }

    /// An index from all its files (the entry, then every part): what a tool that has them
    /// all at hand loads; the app adds parts as queries need them.
    pub fn from_files(files: &IndexFiles) -> Result<SearchIndex, String> {
        let entry = IndexEntry::from_bytes(&files.entry)?;
        let names_part = entry.names_part();
        let Some((_, names)) = files.parts.iter().find(|(p, _)| *p == names_part) else {
            return Err(format!("{names_part}, the names part, is missing"));
        };
        let mut index = SearchIndex::open(&entry, names)?;
        // The chunks merged in at once, in term order: one at a time, each merge would copy
        // the dictionary again.
        let mut chunks = Vec::new();
        for (path, bytes) in &files.parts {
            match parse_path(path) {
                Some(PartRef::Chunk(hash)) => {
                    chunks.extend(index.read_chunk_part(path, bytes, &hash)?)
                }
                _ => index.add_part(path, bytes)?,
            }
        }
        chunks.sort_by_key(|(i, _)| *i);
        chunks.dedup_by_key(|(i, _)| *i); // a part listed twice
        let numbers: Vec<usize> = chunks.iter().map(|(i, _)| *i).collect();
        let terms: Vec<StoredTerm> = chunks.into_iter().flat_map(|(_, terms)| terms).collect();
        index.merge_chunks(&numbers, &terms);
        Ok(index)
    }

    /// Chunk `hash`'s number and terms, from its bytes, checked; `None` when it is here.
    fn read_chunk_part(
        &self,
        path: &str,
        bytes: &[u8],
        hash: &Hash,
    ) -> Result<Option<(usize, Vec<StoredTerm>)>, String> {
        let chunks = &self.parts.chunks;
        let not_ours = || format!("{path} is not a part of this index");
        let i = chunks.iter().position(|c| c.hash == *hash).ok_or_else(not_ours)?;
        if chunks.get(i).is_some_and(|c| c.loaded) {
            return Ok(None);
        }
        check_hash(path, bytes, hash)?;
        let terms =
            codec::read_chunk(bytes, self.docs.len() as u32).map_err(|m| format!("{path}: {m}"))?;
        // A chunk's terms are those from its first to the next chunk's: a term elsewhere
        // would make another chunk's terms look complete without it.
        let (from, to) = (chunks.get(i).map(|c| &c.first), chunks.get(i + 1).map(|c| &c.first));
        let inside =
            |t: &StoredTerm| from.is_some_and(|f| t.term >= *f) && to.is_none_or(|to| t.term < *to);
        if !terms.iter().all(inside) {
            return Err(format!("{path}: the chunk has terms outside its range"));
        }
        Ok(Some((i, terms)))
    }

    /// Merges chunks' terms (in term order) into the dictionary, and marks the chunks here.
    fn merge_chunks(&mut self, numbers: &[usize], terms: &[StoredTerm]) {
        self.terms = self.terms.merged(terms);
        self.terms.shrink_to_fit();
        self.derive_terms();
        for &i in numbers {
            if let Some(c) = self.parts.chunks.get_mut(i) {
                c.loaded = true;
            }
        }
    }

    /// The parts `query` needs that have not been added, by their paths beside the entry:
    /// the chunks with the terms it looks up (its words and Han pairs, the words its last
    /// word begins, the words of names a typo stands for), and once those are here, the
    /// fragments of the `limit` services it shows. Ask again after adding them: a query's
    /// words can lead to others (a typo's correction, a Han pair's characters). Empty for a
    /// built index, and for a query that has all it needs. The same query, asked of an index
    /// with the same parts, needs the same parts, in the same order.
    pub fn needed_parts(&self, query: &str, limit: usize) -> Vec<String> {
        if !self.parts.in_parts {
            return Vec::new();
        }
        let mut looked = Looked { on: true, ..Looked::default() };
        self.search_looking(query, "", limit, &mut looked);
        let chunks = &self.parts.chunks;
        // Flags rather than a set: chunks in their order, and no set's code in the bundle.
        let mut needed = vec![false; chunks.len()];
        for term in &looked.terms {
            let Some(c) = covering(chunks, term) else { continue };
            let complete = self.terms.find(term).is_some_and(|t| self.terms.is_complete(t));
            if let Some(flag) = needed.get_mut(c).filter(|_| !complete) {
                *flag = true;
            }
        }
        for prefix in &looked.prefixes {
            let start = covering(chunks, prefix).unwrap_or(0);
            let overlapping = chunks
                .iter()
                .enumerate()
                .skip(start)
                .take_while(|(_, c)| c.first <= *prefix || c.first.starts_with(prefix));
            for (i, _) in overlapping {
                if let Some(flag) = needed.get_mut(i) {
                    *flag = true;
                }
            }
        }
        let chunks: Vec<String> = chunks
            .iter()
            .zip(needed)
            .filter(|(c, needed)| *needed && !c.loaded)
            .map(|(c, _)| chunk_path(&c.hash))
            .collect();
        if !chunks.is_empty() {
            return chunks;
        }
        let mut fragments: Vec<String> = Vec::new();
        for d in looked.shown {
            let path = fragment_path(&self.parts.fragments, d);
            if !self.summaries.has(d as usize) && !fragments.contains(&path) {
                fragments.push(path);
            }
        }
        fragments
    }

    /// Adds a part fetched from `path` (as [`SearchIndex::needed_parts`] named it). Bytes that
    /// are not the part of that name (a stale cache, another build's part), a path this index
    /// does not name, and corrupt bytes are an error naming the path and what is wrong, and
    /// leave the index as it was. A part already added is not added again.
    pub fn add_part(&mut self, path: &str, bytes: &[u8]) -> Result<(), String> {
        if !self.parts.in_parts {
            return Err("this index was built whole: it has no parts to add".to_string());
        }
        let not_ours = || format!("{path} is not a part of this index");
        match parse_path(path).ok_or_else(not_ours)? {
            PartRef::Names(hash) if hash == self.parts.names => Ok(()),
            PartRef::Names(_) => Err(not_ours()),
            PartRef::Chunk(hash) => {
                if let Some((i, terms)) = self.read_chunk_part(path, bytes, &hash)? {
                    self.merge_chunks(&[i], &terms);
                }
                Ok(())
            }
            PartRef::Fragment(set, doc) => {
                if set != self.parts.fragments || doc as usize >= self.docs.len() {
                    return Err(not_ours());
                }
                if self.summaries.has(doc as usize) {
                    return Ok(());
                }
                let summaries = codec::read_fragment(bytes, &set, doc, self.locales.len())
                    .map_err(|m| format!("{path}: {m}"))?;
                self.summaries.add(doc as usize, &summaries);
                Ok(())
            }
        }
    }
}

/// The chunk whose terms would include `key`, if any would.
fn covering(chunks: &[Chunk], key: &[u8]) -> Option<usize> {
    chunks.partition_point(|c| c.first.as_slice() <= key).checked_sub(1)
}

fn check_hash(path: &str, bytes: &[u8], hash: &Hash) -> Result<(), String> {
    // Fuzzing reaches the readers behind this check with bytes of its own.
    if codec::hash(bytes) != *hash && !cfg!(fuzzing) {
        return Err(format!(
            "{path}: these bytes are not that part (their hash is {}): a stale copy, or the index was rebuilt since its entry was read",
            codec::hex(&codec::hash(bytes))
        ));
    }
    Ok(())
}
