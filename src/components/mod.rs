//! Yew components: each takes data and callbacks as props and owns no rules of its own.
//!
//! Roots (`app`, `embedded`, `service_search`) render pages (`services`, `guide_page`,
//! `assistant`, `rating`, `form_journey` with `question_page`, `check_answers`, `device`,
//! `outcome`); pages are made of parts (`layout`, `link`, `recommendations`, `guide_parts`,
//! `search`, `fields`, `error_summary`, `definition_problems`). Imports go down that list,
//! never up: a part needed by two pages is a module of its own. Two pages of the form embed
//! another's component (the confirmation, in `device`, the rating form; a question page the
//! remembered details' rows), always in that one direction.

pub mod app;
pub mod assistant;
pub mod check_answers;
pub mod definition_problems;
pub mod device;
pub mod embedded;
pub mod error_summary;
pub mod fields;
pub mod form_journey;
pub mod form_page;
pub mod guide_page;
pub mod guide_parts;
pub mod layout;
pub mod link;
pub mod outcome;
pub mod question_page;
pub mod rating;
pub mod recommendations;
pub mod search;
pub mod service_search;
pub mod services;
