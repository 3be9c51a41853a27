//! `onewindow index`: the search index of a catalog, built ahead so the browser loads bytes
//! and needs no pinyin table (`docs/search.md`).

use crate::args;
use crate::files::{dir_of, read_text};
use crate::lint::Problem;
use crate::Error;
use onewindow_engine::search::SearchIndex;
use onewindow_engine::{load_catalog, load_guide, Guide, Severity};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Where the index goes without `--output`: next to the catalog, `catalog.json` →
/// `catalog.index` (where the app looks for it).
pub fn default_output(catalog: &Path) -> PathBuf {
    catalog.with_extension("index")
}

pub fn run(args: &[String], out: &mut dyn Write) -> Result<u8, Error> {
    let parsed = args::parse("index", args, &["--output", "-o"], &[])?;
    let catalog_path = match parsed.positional.as_slice() {
        [one] => PathBuf::from(one),
        [] => {
            return Err(Error::usage(
                "index needs the catalog: onewindow index <catalog.json> [-o FILE]",
            ))
        }
        _ => return Err(Error::usage("index takes one catalog; give the others one at a time")),
    };
    let output = match (parsed.value("--output"), parsed.value("-o")) {
        (Some(_), Some(_)) => return Err(Error::usage("index: give -o or --output, not both")),
        (Some(o), None) | (None, Some(o)) => PathBuf::from(o),
        (None, None) => default_output(&catalog_path),
    };
    let mut problems = Vec::new();
    let file = catalog_path.display().to_string();
    let mut problem = |file: &str, severity, pointer: String, message: String| {
        problems.push(Problem { file: file.to_string(), pointer, severity, message })
    };
    let Some(json) = read_text(&catalog_path)? else {
        problem(&file, Severity::Error, String::new(), "the file is not UTF-8 text".into());
        return report(&problems, out);
    };
    let (catalog, diagnostics) = load_catalog(&json);
    for d in diagnostics {
        problem(&file, d.severity, d.pointer, d.message);
    }
    let Some(catalog) = catalog else { return report(&problems, out) };
    let mut guides: Vec<Guide> = Vec::new();
    for (i, service) in catalog.services.iter().enumerate() {
        let Some(guide) = &service.guide else { continue };
        let path = dir_of(&catalog_path).join(guide);
        let guide_file = path.display().to_string();
        let text = match read_text(&path) {
            Ok(Some(text)) => text,
            Ok(None) => {
                problem(
                    &guide_file,
                    Severity::Error,
                    String::new(),
                    "the file is not UTF-8 text".into(),
                );
                continue;
            }
            Err(_) => {
                problem(
                    &file,
                    Severity::Error,
                    format!("/services/{i}/guide"),
                    format!("there is no {guide} next to the catalog"),
                );
                continue;
            }
        };
        // Only the guide's shape matters here; `onewindow lint` checks the rest.
        match load_guide(&text, None) {
            (Some(model), _) => {
                let g = model.guide().clone();
                if g.service != service.id {
                    problem(
                        &guide_file,
                        Severity::Error,
                        "/service".into(),
                        format!(
                            "the guide is for \"{}\" but the catalog links it from \"{}\"",
                            g.service, service.id
                        ),
                    );
                }
                guides.push(g);
            }
            (None, diagnostics) => {
                for d in diagnostics {
                    problem(&guide_file, d.severity, d.pointer, d.message);
                }
            }
        }
    }
    if problems.iter().any(|p| p.severity == Severity::Error) {
        return report(&problems, out);
    }
    let index = SearchIndex::build(&catalog, &guides);
    let bytes = index.to_bytes();
    if output.as_os_str() == "-" {
        out.write_all(&bytes)?;
        return Ok(0);
    }
    std::fs::write(&output, &bytes).map_err(|e| Error::io(output.display(), &e))?;
    for p in &problems {
        writeln!(out, "{}", p.line())?;
    }
    writeln!(
        out,
        "wrote {}: {} services, {} guides, {} bytes{}",
        output.display(),
        index.len(),
        guides.len(),
        bytes.len(),
        if index.has_pinyin() { ", with pinyin" } else { "" }
    )?;
    Ok(0)
}

/// Prints the problems; nothing was written.
fn report(problems: &[Problem], out: &mut dyn Write) -> Result<u8, Error> {
    for p in problems {
        writeln!(out, "{}", p.line())?;
    }
    let errors = problems.iter().filter(|p| p.severity == Severity::Error).count();
    writeln!(
        out,
        "no index written: {errors} error{} (fix them, or see `onewindow lint`)",
        if errors == 1 { "" } else { "s" }
    )?;
    Ok(1)
}
