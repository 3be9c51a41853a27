//! The onewindow citizen app: Yew components rendering engine state.
//!
//! `state` is a reducer over the engine's types, `components` render it and send actions, and
//! `io` is the only module that touches the network, storage, timers or the document.

pub mod components;
pub mod io;
pub mod state;

pub use components::app::App;
