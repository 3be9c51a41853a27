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
// Never panics on input: no unwrap, expect, panic or unchecked indexing outside tests. Where a
// bound is proven (an index made by the same loop, a length checked just before) an `allow`
// on the smallest item says which check proves it.
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)
)]

pub mod analytics;
mod diagnostic;
mod examples;
mod form;
pub mod formats;
mod guide;
mod json;
mod logic;
pub mod search;
pub mod serving;
mod submission;
mod text;

pub use diagnostic::{Diagnostic, Severity};
pub use examples::{
    read_examples, run_examples, ChecklistIds, Example, ExampleResult, Examples, ExamplesReport,
    Expect, Mismatch,
};
pub use form::answers::{toggle_checkbox, Answer, Answers};
pub use form::definition::*;
pub use form::dictionary::{check_concepts, load_dictionary, Concept, Dictionary};
pub use form::fill_once::{ConceptAnswer, Remembered, RememberedAnswer};
pub use form::journey::{Position, CONFIRMATION};
pub use form::lists::{in_list_file, list_file, FormLoad};
pub use form::load::load_form;
pub use form::model::{End, Evaluation, FormModel};
pub use form::summary::{display_value, summary, SummaryItem, SummaryRow};
pub use form::validate::{validate_page, FieldError};
pub use guide::Delivery as ResultDelivery;
pub use guide::{
    answers_from_pairs, answers_to_pairs, compile_guide, copies_text, duration_text,
    government_service, guide_in_catalog, handed_over, json_for_script, load_catalog, load_guide,
    online_depth_text, read_guide, renewal_text, AlsoNeeded, Audience, Because, Catalog,
    ChannelKind, Checklist, Conditional, DurationUnit, Guide, GuideModel, Material, Medium,
    Necessity, OriginalOrCopy, Service, Source, Step,
};
pub use submission::{
    checksum, classify_reply, is_transient, local_receipt, parse_retry_after, retry_delay_ms,
    sha256_hex, Attachment, Delivery, FilePart, OutboxEntry, OutgoingRequest, Package,
    PackageProblem, PageError, RequestBody, PACKAGE_FORMAT,
};
/// The one way sizes are written ("2MB", "500KB"): in messages and in the app's file lists.
pub use text::i18n::format_size;
pub use text::i18n::{
    add_item_text, locale_name, results_text, summary_of_names, text_direction, ui_text,
    with_optional, UiText,
};
pub use text::markdown::{
    escape_html, markdown_urls, render_markdown, render_markdown_with_image_hosts, MarkdownUrl,
};
pub use text::{is_allowed_image, is_safe_link};
