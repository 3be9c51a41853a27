//! What an index in parts is made of, below the code that reads and writes it: the parts'
//! paths, the entry as read, and what an index loaded in parts has and lacks
//! (`parts.rs` loads parts, `write.rs` writes them; the design is in `parts.rs`).

/// How many bytes of a SHA-256 name a part: 64 bits, so that no two of a catalog's parts
/// share a name by chance.
pub(super) const HASH: usize = 8;
pub(super) type Hash = [u8; HASH];

pub(super) fn hex(hash: &Hash) -> String {
    hash.iter().map(|b| format!("{b:02x}")).collect()
}

/// What the entry says: the catalog's size, and every part's name.
#[derive(Clone, Debug, Default, PartialEq)]
pub(super) struct EntryData {
    pub(super) pinyin: bool,
    pub(super) docs: u32,
    pub(super) names: Hash,
    /// What every fragment's name and bytes carry: the hash of all the summaries.
    pub(super) fragments: Hash,
    /// Each chunk's first term (it has the terms from there to the next chunk's first) and
    /// hash, in term order.
    pub(super) chunks: Vec<(Vec<u8>, Hash)>,
}

/// Where the parts are, beside the entry.
pub(super) const DIR: &str = "search/";
/// About how many bytes of terms and postings a chunk has: a query needs a chunk per term it
/// looks up (a Chinese name of six characters, five pairs), so smaller chunks mean fewer bytes
/// for a query, and more files, and a longer entry that lists them. On the generated catalog
/// of 5,000 services with long summaries (`docs/search.md`), a first query's bytes (p50 / p99 /
/// most, gzip) were 180 / 198 / 205 KB with 6 KB chunks (530 of them, the entry 7.3 KB), 180 /
/// 204 / 211 KB with 8 KB (383, 5.4 KB), 183 / 217 / 230 KB with 12 KB and 186 / 234 / 246 KB
/// with 16 KB (182, 2.8 KB).
pub(super) const CHUNK_BYTES: usize = 8 * 1024;

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
    pub(super) in_parts: bool,
    pub(super) names: Hash,
    pub(super) fragments: Hash,
    /// Their first terms, in order.
    pub(super) chunks: Vec<Chunk>,
}

#[derive(Clone, Debug)]
pub(super) struct Chunk {
    pub(super) first: Vec<u8>,
    pub(super) hash: Hash,
    pub(super) loaded: bool,
}

/// What a search looked up, when [`SearchIndex::needed_parts`] asks: the terms it looked for,
/// the prefixes it completed and the services it showed.
#[derive(Default)]
pub(super) struct Looked {
    pub(super) on: bool,
    pub(super) terms: Vec<Vec<u8>>,
    pub(super) prefixes: Vec<Vec<u8>>,
    pub(super) shown: Vec<u32>,
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
pub(super) enum PartRef {
    Names(Hash),
    Chunk(Hash),
    Fragment(Hash, u32),
}

pub(super) fn names_path(hash: &Hash) -> String {
    format!("{DIR}names-{}.idx", hex(hash))
}

pub(super) fn chunk_path(hash: &Hash) -> String {
    format!("{DIR}chunk-{}.idx", hex(hash))
}

pub(super) fn fragment_path(set: &Hash, doc: u32) -> String {
    format!("{DIR}frag-{}-{doc}.idx", hex(set))
}

pub(super) fn parse_path(path: &str) -> Option<PartRef> {
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
