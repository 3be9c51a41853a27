//! The service catalog and procedure guides (办事指南): what a department publishes so that a
//! citizen finds the right service and knows, before any form, whether they can apply, what to
//! bring, what happens and how long it takes. A guide's assistant is an ordinary form
//! definition whose journey ends at outcomes; its answers tailor the guide's checklist.

mod checklist;
mod format;
mod handover;
mod lint;
mod recommendations;
mod structured;
mod wording;

pub use checklist::{Checklist, GuideModel};
pub use format::*;
pub use handover::{answers_from_pairs, answers_to_pairs, handed_over};
pub use lint::{compile_guide, guide_in_catalog, load_catalog, load_guide, read_guide};
pub use recommendations::Because;
pub use structured::{government_service, json_for_script};
pub use wording::{copies_text, duration_text, online_depth_text, renewal_text};
