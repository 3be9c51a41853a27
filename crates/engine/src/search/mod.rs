//! Keyword search over the service catalog, in Chinese and English (`docs/search.md`).
//!
//! The index is built ahead by the CLI (`onewindow index`), which has the pinyin table (the
//! `pinyin` feature); the browser loads its bytes with [`SearchIndex::from_bytes`] and needs no
//! table at query time. [`SearchIndex::build`] is the fallback for a catalog published without
//! an index (without pinyin unless the feature is on).
//!
//! ```
//! use onewindow_engine::{load_catalog, search::SearchIndex};
//! let json = r#"{"schema_version":1,"locales":["zh-CN","en"],
//!   "categories":[{"id":"household","title":{"zh-CN":"户籍","en":"Household"}}],"life_events":[],
//!   "services":[{"id":"residence-permit","title":{"zh-CN":"居住证申领","en":"Apply for a residence permit"},
//!   "summary":{"zh-CN":"申领居住证。","en":"Get a residence permit."},"department":{"zh-CN":"公安局","en":"Police"},
//!   "category":"household","audience":["person"],"form":"residence-permit"}]}"#;
//! let catalog = load_catalog(json).0.unwrap();
//! let index = SearchIndex::from_bytes(&SearchIndex::build(&catalog, &[]).to_bytes()).unwrap();
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
#[cfg(feature = "pinyin")]
mod pinyin;
mod query;
mod score;
mod scratch;
mod suggest;
mod terms;
mod text;

pub use highlight::Highlighted;
pub use index::{GroupKind, SearchIndex};
pub use query::{Hit, SearchResults};
pub use suggest::Nearest;

#[cfg(test)]
mod tests;
