//! Keyword search over the service catalog, in Chinese and English (`docs/search.md`).
//!
//! The index is built ahead by the CLI (`onewindow index`), which has the pinyin table (the
//! `pinyin` feature), and written in parts ([`SearchIndex::build_files`]): the browser opens it
//! with the entry and the names part ([`SearchIndex::open`]), then adds the parts each query
//! needs ([`SearchIndex::needed_parts`], [`SearchIndex::add_part`]), and needs no table at query
//! time. [`SearchIndex::build`] is the fallback for a catalog published without an index
//! (without pinyin unless the feature is on).
//!
//! ```
//! use onewindow_engine::{load_catalog, search::{IndexEntry, SearchIndex}};
//! let json = r#"{"schema_version":1,"locales":["zh-CN","en"],
//!   "categories":[{"id":"household","title":{"zh-CN":"户籍","en":"Household"}}],"life_events":[],
//!   "services":[{"id":"residence-permit","title":{"zh-CN":"居住证申领","en":"Apply for a residence permit"},
//!   "summary":{"zh-CN":"申领居住证。","en":"Get a residence permit."},"department":{"zh-CN":"公安局","en":"Police"},
//!   "category":"household","audience":["person"],"form":"residence-permit"}]}"#;
//! let catalog = load_catalog(json).0.unwrap();
//! // What `onewindow index` writes: an entry, and parts beside it (`search/…`).
//! let files = SearchIndex::build_files(&catalog, &[]);
//! let entry = IndexEntry::from_bytes(&files.entry).unwrap();
//! let part = |path: &str| files.parts.iter().find(|(p, _)| p == path).unwrap().1.clone();
//! let mut index = SearchIndex::open(&entry, &part(&entry.names_part())).unwrap();
//! // What a query needs, fetched and added until it needs nothing more.
//! loop {
//!     let needed = index.needed_parts("residense permi", 10);
//!     if needed.is_empty() { break }
//!     for path in needed { index.add_part(&path, &part(&path)).unwrap() }
//! }
//! let results = index.search("residense permi", "en", 10);
//! assert_eq!(results.hits[0].service, "residence-permit");
//! let title = &results.hits[0].title;
//! assert_eq!(&title.text[title.marks[0].clone()], "residence");
//! assert_eq!(index.search("居住", "zh-CN", 10).hits[0].title.text, "居住证申领");
//! ```

mod build;
mod codec;
mod highlight;
mod index;
mod layout;
mod parts;
#[cfg(feature = "pinyin")]
mod pinyin;
mod query;
mod score;
mod scratch;
mod suggest;
mod syllables;
mod terms;
mod text;
mod write;

pub use highlight::Highlighted;
pub use index::{GroupKind, SearchIndex};
pub use layout::{IndexEntry, IndexFiles};
pub use query::{Hit, SearchResults};
pub use suggest::Nearest;

#[cfg(test)]
mod tests;
