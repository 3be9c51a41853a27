//! `onewindow explain`: what a set of answers means for a form, as the engine sees it.

use crate::args;
use crate::files::{self, read_text};
use crate::lint::{self, Checker, Problem};
use crate::Error;
use onewindow_engine::formats::Date;
use onewindow_engine::{
    summary, validate_page, Answers, End, FieldError, FormModel, Severity, SummaryRow,
};
use serde_json::{json, Value};
use std::io::Write;
use std::path::Path;

/// One page on the path with the problems its answers have.
struct PageReport {
    id: String,
    heading: String,
    errors: Vec<FieldError>,
    warnings: Vec<FieldError>,
}

/// Everything `explain` reports.
struct Explanation {
    form: String,
    version: String,
    title: String,
    locale: String,
    today: Date,
    definition_warnings: Vec<Problem>,
    path: Vec<PageReport>,
    /// `"check_answers"` or `"outcome:<id>"`.
    end: String,
    /// The outcome's title when the journey ends at one.
    outcome_title: Option<String>,
    /// The check-answers rows, when the journey ends at check answers.
    summary: Option<Vec<SummaryRow>>,
    computed: Answers,
    complete: bool,
    /// Answered questions that are hidden or off the path: never submitted.
    dropped: Vec<String>,
    /// Answers whose key is not a question of the form.
    unknown: Vec<String>,
}

/// `onewindow explain <form.json> [--answers FILE] [--locale TAG] [--today YYYY-MM-DD] [--json]`.
pub fn run(args: &[String], out: &mut dyn Write) -> Result<u8, Error> {
    let parsed = args::parse("explain", args, &["--answers", "--locale", "--today"], &["--json"])?;
    let [form_path] = parsed.positional.as_slice() else {
        return Err(Error::usage(
            "explain takes one form definition: onewindow explain <form.json> --answers FILE",
        ));
    };
    let json = parsed.switch("--json");
    let today = match parsed.value("--today") {
        Some(text) => text.parse::<Date>().map_err(|_| {
            Error::usage(format!("explain: --today \"{text}\" is not a date like 2026-01-31"))
        })?,
        None => files::today(),
    };
    let answers = match parsed.value("--answers") {
        Some(file) => read_answers(Path::new(file))?,
        None => Answers::default(),
    };
    let path = Path::new(form_path);
    let mut checker = Checker::new(today, None);
    let model = checker.form(path, false)?;
    let model = match model {
        Some(model) if checker.count(Severity::Error) == 0 => model,
        _ => {
            // A definition with errors is never shown to citizens: say why, as lint would.
            lint::print(&checker.problems(), json, out)?;
            if !json {
                writeln!(out, "{} cannot be explained until its errors are fixed", path.display())?;
            }
            return Ok(1);
        }
    };
    let form = model.form();
    let locale = match parsed.value("--locale") {
        Some(locale) if form.locales.iter().any(|l| l == locale) => locale.to_string(),
        Some(locale) => {
            return Err(Error::usage(format!(
                "explain: the form is not published in {locale}; its locales are {}",
                form.locales.join(", ")
            )))
        }
        None => form.fallback_locale().to_string(),
    };
    let explanation = explain(&model, &answers, &locale, checker.problems());
    if json {
        writeln!(out, "{}", serde_json::to_string_pretty(&explanation.json()).unwrap_or_default())?;
    } else {
        explanation.write_text(out)?;
    }
    Ok(0)
}

pub(crate) fn read_answers(path: &Path) -> Result<Answers, Error> {
    let text = read_text(path)?
        .ok_or_else(|| Error::file(path.display(), "the file is not UTF-8 text"))?;
    serde_json::from_str(&text).map_err(|e| {
        Error::file(
            path.display(),
            format!("not a JSON object of answers keyed by question id: {e}"),
        )
    })
}

fn explain(
    model: &FormModel,
    answers: &Answers,
    locale: &str,
    definition_warnings: Vec<Problem>,
) -> Explanation {
    let form = model.form();
    let evaluation = model.evaluate(answers);
    let path = evaluation
        .path
        .iter()
        .map(|&page| {
            let (errors, warnings) = validate_page(model, &evaluation, page, answers, locale)
                .into_iter()
                .partition(FieldError::is_error);
            PageReport {
                id: form.pages[page].id.clone(),
                heading: model.page_heading(&evaluation, page, locale),
                errors,
                warnings,
            }
        })
        .collect();
    let (end, outcome_title, rows) = match evaluation.end {
        End::CheckAnswers => {
            ("check_answers".to_string(), None, Some(summary(model, &evaluation, answers, locale)))
        }
        End::Outcome(o) => {
            let outcome = &form.outcomes[o];
            (
                format!("outcome:{}", outcome.id),
                Some(form.text(&outcome.title, locale).to_string()),
                None,
            )
        }
    };
    let kept = evaluation.visible_answers(model, answers);
    let (known, unknown): (Vec<&String>, Vec<&String>) =
        answers.0.keys().partition(|id| model.field(id).is_some());
    Explanation {
        form: form.id.clone(),
        version: form.version.clone(),
        title: form.text(&form.title, locale).to_string(),
        locale: locale.to_string(),
        today: model.today(),
        definition_warnings,
        path,
        end,
        outcome_title,
        summary: rows,
        computed: evaluation.computed_values(model),
        complete: model.is_complete(&evaluation, answers),
        dropped: known.into_iter().filter(|id| kept.get(id).is_none()).cloned().collect(),
        unknown: unknown.into_iter().cloned().collect(),
    }
}

impl Explanation {
    fn json(&self) -> Value {
        let pages: Vec<Value> = self
            .path
            .iter()
            .map(|p| json!({ "page": p.id, "heading": p.heading, "errors": p.errors, "warnings": p.warnings }))
            .collect();
        json!({
            "form": self.form,
            "version": self.version,
            "locale": self.locale,
            "today": self.today.to_string(),
            "definition_warnings": self.definition_warnings.iter().map(Problem::json).collect::<Vec<_>>(),
            "path": pages,
            "end": self.end,
            "outcome_title": self.outcome_title,
            "summary": self.summary,
            "computed": self.computed,
            "complete": self.complete,
            "dropped": self.dropped,
            "unknown": self.unknown,
        })
    }

    fn write_text(&self, out: &mut dyn Write) -> Result<(), Error> {
        writeln!(out, "{} (version {}): {}", self.form, self.version, self.title)?;
        writeln!(out, "locale {}, today {}", self.locale, self.today)?;
        if !self.definition_warnings.is_empty() {
            writeln!(out, "\nDefinition warnings:")?;
            for warning in &self.definition_warnings {
                writeln!(out, "  {}", warning.line())?;
            }
        }
        writeln!(out, "\nPath ({}):", lint::count(self.path.len(), "page"))?;
        for (n, page) in self.path.iter().enumerate() {
            writeln!(out, "  {:>2}. {} — {}", n + 1, page.id, page.heading)?;
            for (kind, problems) in [("error", &page.errors), ("warning", &page.warnings)] {
                for p in problems {
                    let at = match &p.part {
                        Some(part) => format!("{}.{part}", p.field),
                        None => p.field.clone(),
                    };
                    writeln!(out, "        {kind}: {} [{at}: {}]", p.message, p.rule)?;
                }
            }
        }
        match &self.outcome_title {
            None => writeln!(out, "End: check answers")?,
            Some(title) => writeln!(out, "End: {} — {title}", self.end)?,
        }
        if let Some(rows) = &self.summary {
            writeln!(out, "\nCheck answers ({}):", lint::count(rows.len(), "row"))?;
            for row in rows {
                let value = row.value.replace('\n', "\n      ");
                let note = if row.changeable { String::new() } else { " (computed)".to_string() };
                writeln!(out, "  {}{note}: {value}", row.label)?;
            }
        }
        if !self.computed.0.is_empty() {
            writeln!(out, "\nComputed values:")?;
            for (id, value) in &self.computed.0 {
                writeln!(out, "  {id} = {value}")?;
            }
        }
        let errors: usize = self.path.iter().map(|p| p.errors.len()).sum();
        let warnings: usize = self.path.iter().map(|p| p.warnings.len()).sum();
        let pages_with_errors = self.path.iter().filter(|p| !p.errors.is_empty()).count();
        let status = if self.complete {
            "yes: ready to submit".to_string()
        } else if self.outcome_title.is_some() {
            format!("no: the journey ends at {}", self.end)
        } else {
            format!(
                "no: {} on {}",
                lint::count(errors, "error"),
                lint::count(pages_with_errors, "page")
            )
        };
        writeln!(out, "\nComplete: {status}")?;
        if warnings > 0 {
            writeln!(out, "Warnings: {}", warnings)?;
        }
        let list =
            |ids: &[String]| if ids.is_empty() { "none".to_string() } else { ids.join(", ") };
        writeln!(out, "Dropped as hidden (never submitted): {}", list(&self.dropped))?;
        if !self.unknown.is_empty() {
            writeln!(out, "Not questions in this form (ignored): {}", list(&self.unknown))?;
        }
        Ok(())
    }
}
