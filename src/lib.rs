//! The onewindow citizen app: Yew components rendering engine state.
//!
//! `state` is a reducer over the engine's types, `components` render it and send actions, and
//! `io` is the only module that touches the network, storage, timers or the document. `routing`
//! says what the URL asks for; `host` says whether the app has a page of its own or is embedded
//! in another site's (`crates/embed` is the shell that embeds it); `shared` is the pointer-
//! compared `Rc` of props; `search_index` the search index as its parts arrive.

pub mod analytics;
pub mod components;
pub mod host;
pub mod io;
pub mod routing;
pub mod search_index;
pub mod shared;
#[cfg(all(feature = "ssr", not(target_arch = "wasm32")))]
pub mod site;
pub mod state;

pub use components::after_sent::ExtrasApp;
pub use components::app::App;
pub use components::form_page::FormApp;
