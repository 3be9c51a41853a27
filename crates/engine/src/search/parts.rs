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

use super::codec;
use super::index::SearchIndex;
use super::layout::*;
use super::terms::StoredTerm;

impl IndexEntry {
    /// Reads the entry (`catalog.index`). Bytes of another format version, cut short or
    /// corrupt are an error naming what is wrong, never a panic.
    pub fn from_bytes(bytes: &[u8]) -> Result<IndexEntry, String> {
        codec::read_entry(bytes).map(IndexEntry)
    }
}

impl SearchIndex {
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
            hex(&codec::hash(bytes))
        ));
    }
    Ok(())
}
