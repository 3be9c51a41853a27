//! `onewindow test`: runs each form's examples (`X.examples.json` beside `X.json`) through the
//! engine, as the engine's own data-driven test does (`onewindow_engine::run_examples`), and
//! prints a table.

use crate::args;
use crate::files::{self, dir_of, read_text};
use crate::lint::{self, Checker, Problem};
use crate::Error;
use onewindow_engine::{load_guide, read_examples, run_examples, ExamplesReport, GuideModel};
use onewindow_engine::{FormModel, Severity};
use serde_json::{json, Value};
use std::io::Write;
use std::path::{Path, PathBuf};

const SUFFIX: &str = ".examples.json";

/// One examples file's run.
struct Row {
    file: String,
    /// Problems that stopped the run or that the run found in the files (lint's lines).
    problems: Vec<Problem>,
    report: ExamplesReport,
}

impl Row {
    fn failed(&self) -> usize {
        self.report.results.len() - self.report.passed()
    }

    fn is_success(&self) -> bool {
        self.report.is_success() && !self.problems.iter().any(|p| p.severity == Severity::Error)
    }
}

/// `onewindow test [DIR|FILE…] [--json]`.
pub fn run(args: &[String], out: &mut dyn Write) -> Result<u8, Error> {
    let parsed = args::parse("test", args, &[], &["--json"])?;
    let inputs = if parsed.positional.is_empty() {
        vec![".".to_string()]
    } else {
        parsed.positional.clone()
    };
    let mut files = Vec::new();
    for input in &inputs {
        find(input, &mut files)?;
    }
    files.sort();
    files.dedup();
    let rows: Vec<Row> = files.iter().map(|f| run_file(f)).collect::<Result<_, _>>()?;
    if parsed.switch("--json") {
        let array: Vec<Value> = rows.iter().map(row_json).collect();
        writeln!(out, "{}", serde_json::to_string_pretty(&array).unwrap_or_default())?;
    } else {
        write_table(&rows, out)?;
    }
    Ok(u8::from(rows.iter().any(|r| !r.is_success())))
}

/// The examples files `input` names: itself (an examples file), the one beside a form, or
/// every one under a directory.
fn find(input: &str, files: &mut Vec<PathBuf>) -> Result<(), Error> {
    let path = PathBuf::from(input);
    let metadata = std::fs::metadata(&path).map_err(|e| Error::io(input, &e))?;
    if metadata.is_dir() {
        let before = files.len();
        files::each_file(&path, 0, &mut |path, name| {
            if name.ends_with(SUFFIX) {
                files.push(path);
            }
        })?;
        if files.len() == before {
            return Err(Error::file(
                input,
                "no examples here: a form X.json has them in X.examples.json beside it",
            ));
        }
    } else if input.ends_with(SUFFIX) {
        files.push(path);
    } else {
        let beside = path.with_extension("examples.json");
        if !beside.is_file() {
            return Err(Error::file(
                input,
                format!("the form has no examples: write them in {}", beside.display()),
            ));
        }
        files.push(beside);
    }
    Ok(())
}

/// Runs one examples file against the form beside it.
fn run_file(path: &Path) -> Result<Row, Error> {
    let file = path.display().to_string();
    let mut row =
        Row { file: file.clone(), problems: Vec::new(), report: ExamplesReport::default() };
    let problem = |pointer: &str, message: String| Problem {
        file: file.clone(),
        pointer: pointer.to_string(),
        severity: Severity::Error,
        message,
    };
    let Some(text) = read_text(path)? else {
        row.problems.push(problem("", "the file is not UTF-8 text".into()));
        return Ok(row);
    };
    let (examples, diagnostics) = read_examples(&text);
    row.problems.extend(diagnostics.into_iter().map(|d| Problem {
        file: file.clone(),
        pointer: d.pointer,
        severity: d.severity,
        message: d.message,
    }));
    let (Some(examples), Some(today)) =
        (examples.as_ref(), examples.as_ref().and_then(|e| e.today()))
    else {
        return Ok(row);
    };
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let form_path = dir_of(path).join(format!("{}.json", name.trim_end_matches(SUFFIX)));
    if !form_path.is_file() {
        let message = format!("there is no {} beside it", form_path.display());
        row.problems.push(problem("", message));
        return Ok(row);
    }
    // The form as lint sees it: with its reference lists, and every problem it has.
    let mut checker = Checker::new(today, None);
    let model = checker.form(&form_path, false)?;
    row.problems.extend(checker.problems());
    let Some(model) = model.filter(|_| checker.count(Severity::Error) == 0) else {
        return Ok(row);
    };
    let guide = match guide_of(&model, &form_path)? {
        Ok(guide) => guide,
        Err(mut problems) => {
            row.problems.append(&mut problems);
            return Ok(row);
        }
    };
    row.report = run_examples(examples, &model, guide.as_ref());
    Ok(row)
}

/// The guide (in `guides/` beside the form) whose `assistant` is this form, loaded with it;
/// its problems when it does not load.
fn guide_of(
    model: &FormModel,
    form_path: &Path,
) -> Result<Result<Option<GuideModel>, Vec<Problem>>, Error> {
    let Ok(entries) = std::fs::read_dir(dir_of(form_path).join("guides")) else {
        return Ok(Ok(None));
    };
    let mut paths: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
    paths.sort();
    for path in paths.into_iter().filter(|p| p.extension().is_some_and(|e| e == "json")) {
        let Some(text) = read_text(&path)? else { continue };
        let names_form = serde_json::from_str::<Value>(&text)
            .ok()
            .is_some_and(|v| v["assistant"] == model.form().id.as_str());
        if !names_form {
            continue;
        }
        let (guide, diagnostics) = load_guide(&text, Some(model));
        let file = path.display().to_string();
        let errors: Vec<Problem> = diagnostics
            .into_iter()
            .filter(|d| d.is_error())
            .map(|d| Problem {
                file: file.clone(),
                pointer: d.pointer,
                severity: d.severity,
                message: d.message,
            })
            .collect();
        return Ok(match guide {
            Some(guide) if errors.is_empty() => Ok(Some(guide)),
            _ => Err(errors),
        });
    }
    Ok(Ok(None))
}

fn write_table(rows: &[Row], out: &mut dyn Write) -> Result<(), Error> {
    let width = rows.iter().map(|r| r.file.chars().count()).max().unwrap_or(0).max(13);
    writeln!(out, "{:<width$}  examples  passed  failed", "examples file")?;
    for row in rows {
        let total = row.report.results.len();
        let status = if row.is_success() { "" } else { "  FAILED" };
        writeln!(
            out,
            "{:<width$}  {total:>8}  {:>6}  {:>6}{status}",
            row.file,
            row.report.passed(),
            row.failed()
        )?;
    }
    for row in rows.iter().filter(|r| !r.is_success()) {
        writeln!(out)?;
        lint::print(&row.problems, false, out)?;
        for problem in &row.report.problems {
            writeln!(out, "{}: {problem}", row.file)?;
        }
        for result in row.report.results.iter().filter(|r| !r.mismatches.is_empty()) {
            writeln!(out, "{} — \"{}\"", row.file, result.name)?;
            for m in &result.mismatches {
                writeln!(
                    out,
                    "    {}:\n      expected {}\n      actual   {}",
                    m.what, m.expected, m.actual
                )?;
            }
        }
    }
    let examples: usize = rows.iter().map(|r| r.report.results.len()).sum();
    let passed: usize = rows.iter().map(|r| r.report.passed()).sum();
    let failed_files = rows.iter().filter(|r| !r.is_success()).count();
    writeln!(
        out,
        "\n{}, {}, {passed} passed, {} failed; {}",
        lint::count(rows.len(), "file"),
        lint::count(examples, "example"),
        examples - passed,
        if failed_files == 0 {
            "all pass".to_string()
        } else {
            format!("{} with failures", lint::count(failed_files, "file"))
        }
    )?;
    Ok(())
}

fn row_json(row: &Row) -> Value {
    json!({
        "file": row.file,
        "examples": row.report.results.len(),
        "passed": row.report.passed(),
        "failed": row.failed(),
        "success": row.is_success(),
        "problems": row.problems.iter().map(Problem::json).chain(row.report.problems.iter().map(|p| json!({"file": row.file, "pointer": "", "severity": "error", "message": p}))).collect::<Vec<_>>(),
        "results": row.report.results,
    })
}
