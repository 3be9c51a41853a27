//! The journey through one form as a reducer over engine types (as yew's `function_todomvc`
//! keeps its state): the answers, where the citizen is, the errors on show, and what became of
//! the application. Every rule is the engine's; this only keeps state.

/// What can happen to a journey.
mod action;
/// What became of the application.
mod delivery;
/// The state itself, how a journey starts, and what it says (offers, Back, the URL token).
mod journey;
/// The reducer.
mod reduce;
#[cfg(test)]
mod tests;

pub use action::Action;
pub use delivery::Delivery;
pub use journey::{FormState, Prefill, Screen};
