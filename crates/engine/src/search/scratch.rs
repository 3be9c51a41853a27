//! What scoring keeps from query to query: one accumulator per service.

use std::sync::Mutex;

/// Score accumulators kept from query to query: allocating and zeroing three arrays the size
/// of the catalog for every query, and merging a list of touched services into them per word,
/// were a quarter of a query's instructions. A `Mutex` keeps the index `Sync`; a search that
/// finds it taken (another thread searching) allocates its own.
#[derive(Default)]
pub(super) struct Scratch(pub(super) Mutex<Accumulators>);

#[derive(Default)]
pub(super) struct Accumulators {
    /// Which query this is: an entry written by an earlier one counts as empty, so nothing is
    /// cleared between queries.
    pub(super) query: u32,
    /// One per service.
    pub(super) acc: Vec<Acc>,
    /// The first `found` are the services this query has given a score, so that the end need
    /// not look at all; as long as the catalog, so that adding one is a store, not a push.
    pub(super) found: Vec<u32>,
}

/// What the query being scored has given one service so far.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Acc {
    pub(super) query: u32,
    /// The unit whose best match is `best`; not yet in `total`.
    pub(super) unit: u16,
    /// How many units matched.
    pub(super) hits: u16,
    /// The best match of each earlier unit, added up.
    pub(super) total: f32,
    pub(super) best: f32,
}

impl Clone for Scratch {
    fn clone(&self) -> Self {
        Scratch::default()
    }
}

impl std::fmt::Debug for Scratch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Scratch")
    }
}
