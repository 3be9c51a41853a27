//! [`LiveIndex`]: the catalog's search index as the app holds it while its parts arrive
//! (`docs/search.md`). It is opened from its entry and names part, then given the parts each
//! query needs, so the first query downloads a small share of a large catalog's index.
//! Searching it is pure, so components call it while rendering; fetching the parts is
//! `io::load::search_part`'s, from effects.

use onewindow_engine::search::{SearchIndex, SearchResults};
use std::cell::{Cell, RefCell};

/// A search index shared by the pages that search, with the parts added so far.
pub struct LiveIndex {
    /// Where the entry is: the parts are beside it.
    entry_url: String,
    index: RefCell<SearchIndex>,
    /// Parts asked for: being fetched, added, or failed (not asked again until the page is
    /// loaded again: the results stay those of the parts that came).
    asked: RefCell<Vec<String>>,
    /// How many parts have been added: a component that shows results renders again when it
    /// changes.
    added: Cell<u32>,
}

impl LiveIndex {
    /// `index`, whose parts are beside the entry at `entry_url` (an index built in the browser
    /// has them all).
    pub fn new(index: SearchIndex, entry_url: &str) -> LiveIndex {
        LiveIndex {
            entry_url: entry_url.to_string(),
            index: RefCell::new(index),
            asked: RefCell::default(),
            added: Cell::new(0),
        }
    }

    /// [`SearchIndex::search`] on what has arrived (never fails: while a part is being added,
    /// which cannot happen during a render, it finds nothing).
    pub fn search(&self, query: &str, locale: &str, limit: usize) -> SearchResults {
        self.index.try_borrow().map(|i| i.search(query, locale, limit)).unwrap_or_default()
    }

    /// The parts `query` needs that have not been asked for, as (path, address); they count
    /// as asked from now on.
    pub fn parts_to_fetch(&self, query: &str, limit: usize) -> Vec<(String, String)> {
        let (Ok(index), Ok(mut asked)) = (self.index.try_borrow(), self.asked.try_borrow_mut())
        else {
            return Vec::new();
        };
        let needed = index.needed_parts(query, limit);
        needed
            .into_iter()
            .filter(|path| {
                // A few dozen in a session: a list will do.
                let new = !asked.contains(path);
                if new {
                    asked.push(path.clone());
                }
                new
            })
            .map(|path| {
                let url = beside(&self.entry_url, &path);
                (path, url)
            })
            .collect()
    }

    /// Adds a part's bytes (fetched from where [`LiveIndex::parts_to_fetch`] said).
    pub fn add_part(&self, path: &str, bytes: &[u8]) -> Result<(), String> {
        let mut index = self.index.try_borrow_mut().map_err(|_| format!("{path}: busy"))?;
        index.add_part(path, bytes)?;
        self.added.set(self.added.get().wrapping_add(1));
        Ok(())
    }

    /// How many parts have been added so far.
    pub fn added(&self) -> u32 {
        self.added.get()
    }
}

/// The address of a part at `path` beside the entry at `entry_url` (`forms/catalog.index` and
/// `search/x.idx`: `forms/search/x.idx`).
pub fn beside(entry_url: &str, path: &str) -> String {
    let dir = entry_url.rfind('/').and_then(|i| entry_url.get(..=i)).unwrap_or("");
    format!("{dir}{path}")
}
