//! The pure core of onewindow.
//!
//! Everything that decides what a citizen sees and whether an answer is acceptable lives here,
//! so that the browser app, the embed, the CLI and the receiver all apply the same rules.
//!
//! Architecture invariants:
//! - no IO, no clocks, no randomness: callers pass in what the engine needs (e.g. today's date);
//! - never panics on input: bad definitions and bad answers become [`Diagnostic`]s or
//!   [`FieldError`]s, and every problem is reported, not just the first.
//!
//! ```
//! use onewindow_engine::{load_form, Answers, Journey};
//! let json = r#"{"schema_version":1,"id":"demo","version":"1","title":"Demo",
//!   "locales":["en"],"pages":[{"id":"name","fields":[
//!   {"id":"full_name","type":"text","label":"Full name","required":true}]}]}"#;
//! let (form, problems) = load_form(json);
//! assert!(problems.is_empty());
//! let form = form.unwrap();
//! let mut journey = Journey::new(&form);
//! let errors = journey.continue_from(&form, &Answers::default(), "en");
//! assert_eq!(errors[0].message, "Enter full name");
//! ```
#![deny(missing_docs)]

mod answers;
mod definition;
mod diagnostic;
mod i18n;
mod journey;
mod load;
mod validate;

pub use answers::{Answer, Answers};
pub use definition::{Field, FieldKind, Form, Page, Text, SCHEMA_VERSION};
pub use diagnostic::{Diagnostic, Severity};
pub use i18n::{ui_text, UiText};
pub use journey::Journey;
pub use load::load_form;
pub use validate::{validate_page, FieldError};
