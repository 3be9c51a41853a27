//! Service evaluation (好差评) and governance analytics: the formats that leave the device and
//! the checks the receiver runs on arrival (same code on both sides).
//!
//! - A [`Rating`] is a citizen's evaluation of one service, once per case: five levels
//!   (非常满意 very satisfied = 5 … 非常不满意 very dissatisfied = 1), the online indicators
//!   (efficiency, accuracy of the guide, convenience, usability), reason codes and a short
//!   comment. A negative rating (1 or 2) must say what went wrong: a reason or a comment.
//! - An [`EventBatch`] carries analytics [`Event`]s: only counts and coarse fields, never
//!   answers, names, identity numbers or case references. Time on a page travels as a
//!   [`DurationBucket`], never as a measured time; no event carries a clock time (the receiver
//!   dates a batch by the day it arrives).
//!
//! [`check_rating`] and [`check_events`] return every problem, each with a JSON pointer.

mod events;
mod limits;
mod problem;
mod rating;
#[cfg(test)]
mod tests;
mod wording;

pub use crate::text::i18n::{rating_text, RatingText};
pub use events::*;
pub use limits::*;
pub use problem::{is_identifier, Problem};
pub use rating::*;
pub use wording::*;
