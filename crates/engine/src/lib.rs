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
//! use onewindow_engine::{formats::Date, load_form, Answers, Position};
//! let json = r#"{"schema_version":1,"id":"demo","version":"1","title":"Demo",
//!   "locales":["en"],"pages":[{"id":"name","fields":[
//!   {"id":"full_name","type":"text","label":"Full name","required":true}]}]}"#;
//! let (model, problems) = load_form(json, Date::new(2026, 1, 31).unwrap());
//! assert!(problems.is_empty());
//! let model = model.unwrap();
//! let mut answers = Answers::default();
//! let errors = model.continue_from(0, &answers, "en", false).unwrap_err();
//! assert_eq!(errors[0].message, "Enter full name");
//! answers.set("full_name", "Li Lei".into());
//! assert_eq!(model.continue_from(0, &answers, "en", false), Ok(Position::CheckAnswers));
//! ```
#![deny(missing_docs)]

pub mod analytics;
mod answers;
mod definition;
mod diagnostic;
mod dictionary;
mod fill_once;
pub mod formats;
mod guide;
mod i18n;
mod journey;
mod load;
mod logic;
mod markdown;
mod model;
mod package;
pub mod search;
mod submission;
mod summary;
mod validate;

pub use answers::{toggle_checkbox, Answer, Answers};
pub use definition::*;
pub use diagnostic::{Diagnostic, Severity};
pub use dictionary::{check_concepts, load_dictionary, Concept, Dictionary};
pub use fill_once::{ConceptAnswer, Remembered, RememberedAnswer};
pub use guide::Delivery as ResultDelivery;
pub use guide::{
    answers_from_pairs, answers_to_pairs, compile_guide, handed_over, load_catalog, load_guide,
    read_guide, AlsoNeeded, Audience, Because, Catalog, ChannelKind, Checklist, Conditional,
    DurationUnit, Guide, GuideModel, Material, Medium, Necessity, OriginalOrCopy, Service, Source,
    Step,
};
pub use i18n::{
    copies_text, duration_text, is_chinese, online_depth_text, results_text, text_direction,
    ui_text, UiText,
};
pub use journey::{Position, CONFIRMATION};
pub use load::load_form;
pub use markdown::render_markdown;
pub use model::{End, Evaluation, FormModel};
pub use package::{
    checksum, sha256_hex, Attachment, Package, PackageProblem, PageError, PACKAGE_FORMAT,
};
pub use submission::{
    classify_reply, is_transient, local_receipt, parse_retry_after, retry_delay_ms, Delivery,
    Encoding, FilePart, Method, OutboxEntry, OutgoingRequest, RequestBody, SubmissionSettings,
};
pub use summary::{display_value, summary, SummaryRow};
pub use validate::{validate_page, FieldError};
