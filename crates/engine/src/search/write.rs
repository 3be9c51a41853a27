//! Writing an index as files: an entry and its parts (`parts.rs` has the design).

use super::build::Built;
use super::codec;
use super::index::SearchIndex;
use super::layout::{chunk_path, fragment_path, names_path, EntryData, IndexFiles, CHUNK_BYTES};
use super::terms::{encode_postings, StoredTerm};
use crate::guide::{Catalog, Guide};

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
        let Built { stored, summaries, .. } = built;
        let (doc_count, pinyin) = (stored.docs.len() as u32, stored.pinyin);
        // The names part: everything stored but the terms, which are `names_terms`.
        let names = codec::write_names(&stored, &names_terms);
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
}
