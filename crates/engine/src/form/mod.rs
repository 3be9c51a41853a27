//! Forms: the published definition format, loading (parse, lint, compile), evaluating answers
//! (the path of pages, visible questions, typed and computed values), validation, the journey
//! between pages, check answers, details remembered for other forms, and the data dictionary.

pub mod answers;
pub mod definition;
pub mod dictionary;
pub mod fill_once;
pub mod journey;
pub mod load;
pub mod model;
pub mod summary;
pub mod validate;
