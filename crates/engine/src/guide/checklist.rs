//! What applies to one person: a guide filtered by its assistant's answers.

use super::format::*;
use crate::form::answers::Answers;
use crate::form::definition::Text;
use crate::form::model::FormModel;
use crate::logic::{truthy, Compiled, Logic};

/// A loaded guide: the definition and its compiled `applies_if` conditions.
pub struct GuideModel {
    pub(super) guide: Guide,
    pub(super) logic: Logic,
    pub(super) conditions: Vec<Option<Compiled>>,
    pub(super) materials: Vec<Option<Compiled>>,
    pub(super) steps: Vec<Option<Compiled>>,
    pub(super) also_needed: Vec<Option<Compiled>>,
}

impl std::fmt::Debug for GuideModel {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("GuideModel").field("service", &self.guide.service).finish()
    }
}

/// What applies to one person: the guide filtered by the assistant's answers.
#[derive(Clone, Debug, PartialEq)]
pub struct Checklist<'a> {
    /// Conditions that apply.
    pub conditions: Vec<&'a Conditional>,
    /// Materials to bring or upload, minus those shared between departments.
    pub materials: Vec<&'a Material>,
    /// Materials the citizen need not bring: departments share them.
    pub shared: Vec<&'a Material>,
    /// Steps that apply.
    pub steps: Vec<&'a Step>,
    /// Other services this person may need.
    pub also_needed: Vec<&'a AlsoNeeded>,
}

impl Checklist<'_> {
    /// The checklist as a plain-text file to keep or print at home: `title` (the service's
    /// name), then a box to tick per condition, material, shared material and step, and the
    /// places to go when `with_places`. Texts in `locale`, else `fallback`.
    pub fn to_text(
        &self,
        title: &str,
        guide: &Guide,
        locale: &str,
        fallback: &str,
        with_places: bool,
    ) -> String {
        use super::wording::copies_text;
        use crate::text::i18n::{label_separator, ui_text, UiText};
        let t = |text: &'_ Text| text.get(locale, fallback).to_string();
        let mut out = format!("{title}\n{}\n\n", ui_text(UiText::Checklist, locale));
        let mut section = |heading: UiText, lines: Vec<String>| {
            if !lines.is_empty() {
                out.push_str(ui_text(heading, locale));
                out.push('\n');
                for line in lines {
                    out.push_str("  [ ] ");
                    out.push_str(&line);
                    out.push('\n');
                }
                out.push('\n');
            }
        };
        section(UiText::ConditionsForYou, self.conditions.iter().map(|c| t(&c.text)).collect());
        let separator = label_separator(locale);
        section(
            UiText::YourChecklist,
            self.materials
                .iter()
                .map(|m| format!("{}{separator}{}", t(&m.name), copies_text(m.copies, locale)))
                .collect(),
        );
        section(UiText::NoNeedToBring, self.shared.iter().map(|m| t(&m.name)).collect());
        section(UiText::StepsForYou, self.steps.iter().map(|s| t(&s.title)).collect());
        if with_places {
            section(
                UiText::WhereToGo,
                guide
                    .places
                    .iter()
                    .map(|p| format!("{} — {} ({})", t(&p.name), t(&p.address), t(&p.hours)))
                    .collect(),
            );
        }
        out
    }
}

impl GuideModel {
    /// The guide as published.
    pub fn guide(&self) -> &Guide {
        &self.guide
    }

    /// What applies to someone who gave `answers` to the assistant (`None`: no answers yet,
    /// everything is listed). Answers hidden in the assistant's own journey are ignored, as
    /// they are everywhere else.
    pub fn checklist(&self, assistant: Option<(&FormModel, &Answers)>) -> Checklist<'_> {
        if let Some((model, _)) = assistant {
            self.logic.set_today(model.today());
        }
        // The values the assistant's own conditions see: typed (dates as `YYYY-MM-DD`, numbers
        // as numbers, codes normalised), computed values included, hidden answers absent.
        let evaluated = assistant.map(|(model, answers)| (model, model.evaluate(answers)));
        let applies = |compiled: &Option<Compiled>| match (compiled, &evaluated) {
            (None, _) | (_, None) => true,
            (Some(c), Some((model, evaluation))) => {
                truthy(&self.logic.eval(c, |name| evaluation.value(model, name)))
            }
        };
        let g = &self.guide;
        let materials: Vec<&Material> = pick(&g.materials, &self.materials, applies);
        let (shared, materials) =
            materials.into_iter().partition(|m| m.source == Source::DepartmentShared);
        Checklist {
            conditions: pick(&g.conditions, &self.conditions, applies),
            materials,
            shared,
            steps: pick(&g.steps, &self.steps, applies),
            also_needed: pick(&g.also_needed, &self.also_needed, applies),
        }
    }
}

/// The items whose condition (the same place in `compiled`) applies; one without applies.
fn pick<'g, T>(
    items: &'g [T],
    compiled: &[Option<Compiled>],
    applies: impl Fn(&Option<Compiled>) -> bool,
) -> Vec<&'g T> {
    items
        .iter()
        .enumerate()
        .filter(|&(i, _)| compiled.get(i).is_none_or(&applies))
        .map(|(_, item)| item)
        .collect()
}
