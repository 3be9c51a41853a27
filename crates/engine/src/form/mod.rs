//! Forms: the published definition format, loading (parse, lint, compile), evaluating answers
//! (the path of pages, visible questions, typed and computed values), validation, the journey
//! between pages, check answers, details remembered for other forms, the data dictionary, and
//! the reference lists a form names (`lists`: loading a form with them).

pub mod answers;
pub mod definition;
pub mod dictionary;
pub mod fill_once;
pub mod journey;
pub mod lists;
pub mod load;
pub mod model;
pub mod piping;
pub mod summary;
pub mod validate;
