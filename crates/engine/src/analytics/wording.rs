//! The names of a rating's levels, indicators and reasons, in words.

use super::rating::Reason;
use crate::text::i18n::{rating_text, RatingText};

/// The name of a satisfaction level (5 very satisfied … 1 very dissatisfied) in `locale`.
pub fn level_text(level: u8, locale: &str) -> &'static str {
    let key = match level {
        5 => RatingText::LevelVerySatisfied,
        4 => RatingText::LevelSatisfied,
        3 => RatingText::LevelFairlySatisfied,
        2 => RatingText::LevelDissatisfied,
        _ => RatingText::LevelVeryDissatisfied,
    };
    rating_text(key, locale)
}

/// The name of an online indicator (`efficiency`, `guide_accuracy`, `convenience`,
/// `usability`) in `locale`.
pub fn indicator_text(name: &str, locale: &str) -> &'static str {
    let key = match name {
        "efficiency" => RatingText::IndicatorEfficiency,
        "guide_accuracy" => RatingText::IndicatorGuideAccuracy,
        "convenience" => RatingText::IndicatorConvenience,
        _ => RatingText::IndicatorUsability,
    };
    rating_text(key, locale)
}

impl Reason {
    /// The reason in the citizen's words, in `locale`.
    pub fn text(self, locale: &str) -> &'static str {
        let key = match self {
            Reason::UnclearGuidance => RatingText::ReasonUnclearGuidance,
            Reason::InconvenientProcedure => RatingText::ReasonInconvenientProcedure,
            Reason::TooManyMaterials => RatingText::ReasonTooManyMaterials,
            Reason::UnfriendlyInterface => RatingText::ReasonUnfriendlyInterface,
            Reason::TooSlow => RatingText::ReasonTooSlow,
            Reason::TechnicalProblem => RatingText::ReasonTechnicalProblem,
            Reason::Other => RatingText::ReasonOther,
        };
        rating_text(key, locale)
    }
}
