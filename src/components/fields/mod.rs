//! One question of any type, with its label (or legend), hint and errors tied to the inputs
//! for screen readers (`aria-describedby`), following the GOV.UK component markup.

mod address;
mod files;
mod inputs;
mod props;
mod view;

pub use props::Props;
pub use view::FieldView;
