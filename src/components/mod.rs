//! Yew components: each takes data and callbacks as props and owns no rules of its own.
//!
//! Roots (`app`, `form_page`, `embedded`, `service_search`, and `after_sent`'s `ExtrasApp`)
//! render pages (`services`, `guide_page`, `assistant`, `rating`, `form_journey` with
//! `question_page`, `check_answers`, `device`, `outcome`); pages are made of parts (`layout`,
//! `link`, `recommendations`, `guide_parts`, `search`, `fields`, `error_summary`,
//! `definition_problems`). Imports go down that list, never up: a part needed by two pages is
//! a module of its own. The confirmation (`device`) takes what follows it as props, so the form
//! journey never names the rating form or the catalog (`after_sent` puts them together); a
//! question page shows the remembered details' rows of `device`, in that one direction.

pub mod after_sent;
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
