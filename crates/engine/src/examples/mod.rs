//! A department's examples (`X.examples.json` beside form `X.json`): sets of answers, each with
//! what the form must make of them (the pages on the path, where it ends, the errors and
//! warnings, the check-answers rows, the computed values, for an assistant the checklist its
//! guide tailors). [`run_examples`] says where a form and its examples differ; `onewindow
//! test` and the engine's own data-driven test both call it.

use crate::diagnostic::Severity;
use crate::diagnostic::{quoted, Diagnostic};
use crate::form::answers::Answers;
use crate::form::model::{End, FormModel};
use crate::form::summary::summary;
use crate::form::validate::validate_page;
use crate::formats::Date;
use crate::guide::GuideModel;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// An examples file.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Examples {
    /// The id of the form they are examples of.
    pub form: String,
    /// What "today" is for every example (`YYYY-MM-DD`), so that date rules give the same
    /// result every day: load the form with it ([`Examples::today`]).
    pub today: String,
    /// The examples.
    pub examples: Vec<Example>,
}

/// One set of answers and what the form must make of it.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Example {
    /// What it shows, e.g. "an agent applying for a child".
    pub name: String,
    /// The locale messages and rows are compared in.
    pub locale: String,
    /// The answers, keyed by question id.
    pub answers: Answers,
    /// What the form must make of them.
    pub expect: Expect,
}

/// What the form must make of an example's answers; what is not given is not compared.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Expect {
    /// Ids of the pages on the path, in order.
    pub path: Vec<String>,
    /// `"check_answers"` or `"outcome:<id>"`.
    pub end: String,
    /// Error messages per page id; pages not listed must have none.
    #[serde(default)]
    pub errors: BTreeMap<String, Vec<String>>,
    /// Warning messages per page id; pages not listed must have none.
    #[serde(default)]
    pub warnings: BTreeMap<String, Vec<String>>,
    /// Whether the answers are ready to submit.
    pub complete: bool,
    /// Check-answers rows as `[label, value]`.
    #[serde(default)]
    pub summary: Option<Vec<[String; 2]>>,
    /// Answers that must not reach the package (hidden or off the path).
    #[serde(default)]
    pub dropped: Vec<String>,
    /// Computed values by id.
    #[serde(default)]
    pub computed: BTreeMap<String, serde_json::Value>,
    /// Concepts these answers could be remembered under ("fill once").
    #[serde(default)]
    pub remembered: Option<Vec<String>>,
    /// For an assistant: the ids its guide's checklist lists for these answers.
    #[serde(default)]
    pub checklist: Option<ChecklistIds>,
}

/// The ids of a tailored checklist, in the guide's order; a list not given is not compared.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChecklistIds {
    /// Conditions that apply.
    pub conditions: Option<Vec<String>>,
    /// Materials to bring.
    pub materials: Option<Vec<String>>,
    /// Materials departments share: the citizen need not bring them.
    pub shared: Option<Vec<String>>,
    /// Steps.
    pub steps: Option<Vec<String>>,
}

/// Reads an examples file; every problem names its JSON pointer.
pub fn read_examples(json: &str) -> (Option<Examples>, Vec<Diagnostic>) {
    let examples: Examples = match crate::json::read_json(json) {
        Ok(examples) => examples,
        Err(problem) => return (None, vec![problem]),
    };
    let mut problems = Vec::new();
    if examples.today().is_none() {
        problems.push(Diagnostic::error(
            "/today",
            format!("{} is not a date like 2026-01-31", quoted(&examples.today)),
        ));
    }
    if examples.examples.is_empty() {
        problems.push(Diagnostic::error("/examples", "give at least one example"));
    }
    (Some(examples), problems)
}

impl Examples {
    /// The date "today" is for the examples (None when `today` is not a date).
    pub fn today(&self) -> Option<Date> {
        self.today.parse().ok()
    }
}

/// Where a form made something else of an example than it says.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Mismatch {
    /// What differs: `path`, `end`, `errors`, `computed age`, `checklist materials`, …
    pub what: String,
    /// What the example says, as JSON.
    pub expected: String,
    /// What the form made of it, as JSON.
    pub actual: String,
}

/// One example's result.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ExampleResult {
    /// The example's name.
    pub name: String,
    /// Where the form differs from it; none when it passed.
    pub mismatches: Vec<Mismatch>,
}

/// What running a form's examples found.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct ExamplesReport {
    /// Each example's result, in the file's order.
    pub results: Vec<ExampleResult>,
    /// Problems of the file as a whole: examples of another form, an assistant's outcome that
    /// no example reaches.
    pub problems: Vec<String>,
}

impl ExamplesReport {
    /// How many examples passed.
    pub fn passed(&self) -> usize {
        self.results.iter().filter(|r| r.mismatches.is_empty()).count()
    }

    /// Whether every example passed and the file has no problem.
    pub fn is_success(&self) -> bool {
        self.problems.is_empty() && self.passed() == self.results.len()
    }
}

fn json_text<T: Serialize + ?Sized>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_default()
}

/// Runs `examples` against `model` (loaded with [`Examples::today`]) and, for an assistant,
/// the `guide` that names it.
pub fn run_examples(
    examples: &Examples,
    model: &FormModel,
    guide: Option<&GuideModel>,
) -> ExamplesReport {
    let form = model.form();
    let mut report = ExamplesReport::default();
    if examples.form != form.id {
        report.problems.push(format!(
            "the examples are of form {} but the definition is {}",
            quoted(&examples.form),
            quoted(&form.id)
        ));
    }
    let mut ends = Vec::new();
    for example in &examples.examples {
        let (mismatches, end) = run_example(example, model, guide);
        ends.push(end);
        report.results.push(ExampleResult { name: example.name.clone(), mismatches });
    }
    // An assistant's examples reach each of its outcomes: every page citizens can end on is
    // tested.
    if form.outcomes.iter().any(|o| o.action.is_some()) {
        for outcome in &form.outcomes {
            let end = format!("outcome:{}", outcome.id);
            if !ends.contains(&end) {
                report.problems.push(format!("no example ends at {end}"));
            }
        }
    }
    report
}

/// One example's mismatches, and where its journey ended.
fn run_example(
    example: &Example,
    model: &FormModel,
    guide: Option<&GuideModel>,
) -> (Vec<Mismatch>, String) {
    let form = model.form();
    let (answers, locale) = (&example.answers, example.locale.as_str());
    let evaluation = model.evaluate(answers);
    let mut actual_errors: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut actual_warnings: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for &page in &evaluation.path {
        let (errors, warnings): (Vec<_>, Vec<_>) =
            validate_page(model, &evaluation, page, answers, locale)
                .into_iter()
                .partition(|e| e.severity == Severity::Error);
        let id = form.pages.get(page).map(|p| p.id.clone()).unwrap_or_default();
        if !errors.is_empty() {
            actual_errors.insert(id.clone(), errors.into_iter().map(|e| e.message).collect());
        }
        if !warnings.is_empty() {
            actual_warnings.insert(id, warnings.into_iter().map(|e| e.message).collect());
        }
    }
    let path: Vec<String> =
        evaluation.path.iter().filter_map(|&p| form.pages.get(p)).map(|p| p.id.clone()).collect();
    let end = match evaluation.end {
        End::CheckAnswers => "check_answers".to_string(),
        End::Outcome(o) => {
            format!("outcome:{}", form.outcomes.get(o).map(|o| o.id.as_str()).unwrap_or_default())
        }
    };
    let mut mismatches = Vec::new();
    let mut compare = |what: &str, expected: String, actual: String| {
        if expected != actual {
            mismatches.push(Mismatch { what: what.to_string(), expected, actual });
        }
    };
    let e = &example.expect;
    compare("path", json_text(&e.path), json_text(&path));
    compare("end", json_text(&e.end), json_text(&end));
    compare("errors", json_text(&e.errors), json_text(&actual_errors));
    compare("warnings", json_text(&e.warnings), json_text(&actual_warnings));
    compare(
        "complete",
        e.complete.to_string(),
        model.is_complete(&evaluation, answers).to_string(),
    );
    if let Some(expected) = &e.summary {
        let rows: Vec<[String; 2]> = summary(model, &evaluation, answers, locale)
            .into_iter()
            .map(|r| [r.label, r.value])
            .collect();
        compare("summary", json_text(expected), json_text(&rows));
    }
    let kept = evaluation.visible_answers(model, answers);
    for field in &e.dropped {
        let what = format!("{field} dropped");
        if answers.get(field).is_none() {
            // Listed as dropped, it must be answered, or the comparison says nothing.
            compare(&what, "an answer, then dropped".into(), "no answer".into());
        } else {
            compare(&what, "true".into(), kept.get(field).is_none().to_string());
        }
    }
    let computed = evaluation.computed_values(model);
    for (field, value) in &e.computed {
        let actual = computed.get(field).map(json_text).unwrap_or_else(|| "null".into());
        compare(&format!("computed {field}"), value.to_string(), actual);
    }
    if let Some(expected) = &e.remembered {
        let concepts: Vec<String> = model
            .rememberable(&evaluation, answers, locale)
            .into_iter()
            .map(|a| a.concept)
            .collect();
        compare("remembered", json_text(expected), json_text(&concepts));
    }
    if let Some(expected) = &e.checklist {
        match guide {
            None => {
                compare("checklist", "a guide whose assistant is this form".into(), "none".into())
            }
            Some(guide) => {
                let list = guide.checklist(Some((model, answers)));
                let ids = |items: Vec<&str>| -> Vec<String> {
                    items.into_iter().map(str::to_string).collect()
                };
                let conditions = ids(list.conditions.iter().map(|c| c.id.as_str()).collect());
                let materials = ids(list.materials.iter().map(|m| m.id.as_str()).collect());
                let shared = ids(list.shared.iter().map(|m| m.id.as_str()).collect());
                let steps = ids(list.steps.iter().map(|s| s.id.as_str()).collect());
                for (what, expected, actual) in [
                    ("checklist conditions", &expected.conditions, conditions),
                    ("checklist materials", &expected.materials, materials),
                    ("checklist shared", &expected.shared, shared),
                    ("checklist steps", &expected.steps, steps),
                ] {
                    if let Some(expected) = expected {
                        compare(what, json_text(expected), json_text(&actual));
                    }
                }
            }
        }
    }
    (mismatches, end)
}
