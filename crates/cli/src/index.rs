//! `onewindow index`: the search index of a catalog, built ahead so the browser loads bytes
//! and needs no pinyin table (`docs/search.md`). It is an entry (`catalog.index`) and parts
//! beside it in `search/`, each named by a hash of its bytes; parts of an earlier build that
//! the new entry does not name are removed.

use crate::args;
use crate::files::{dir_of, read_text};
use crate::lint::Problem;
use crate::Error;
use onewindow_engine::search::{IndexEntry, IndexFiles, SearchIndex};
use onewindow_engine::{load_catalog, load_guide, Guide, Severity};
use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The parts' directory, beside the entry (the engine names parts `search/…`).
const PARTS_DIR: &str = "search";

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
        (Some("-"), None) | (None, Some("-")) => {
            return Err(Error::usage(
                "index writes an entry and its parts beside it: give -o FILE, not -o -",
            ))
        }
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
    let files = SearchIndex::build_files(&catalog, &guides);
    write_files(&output, &files)?;
    for p in &problems {
        writeln!(out, "{}", p.line())?;
    }
    let size = |kind: &str| -> (usize, usize) {
        let of_kind = files.parts.iter().filter(|(p, _)| p.contains(&format!("/{kind}-")));
        of_kind.fold((0, 0), |(n, bytes), (_, b)| (n + 1, bytes + b.len()))
    };
    let ((_, names), (chunks, chunk_bytes), (fragments, fragment_bytes)) =
        (size("names"), size("chunk"), size("frag"));
    writeln!(
        out,
        "wrote {}: {} services, {} guides; {} bytes, and {} parts in {}: the names part ({names} bytes), {chunks} chunks ({chunk_bytes} bytes), {fragments} fragments ({fragment_bytes} bytes){}",
        output.display(),
        catalog.services.len(),
        guides.len(),
        files.entry.len(),
        files.parts.len(),
        dir_of(&output).join(PARTS_DIR).display(),
        if IndexEntry::from_bytes(&files.entry).is_ok_and(|e| e.has_pinyin()) {
            ", with pinyin"
        } else {
            ""
        }
    )?;
    Ok(0)
}

/// Writes the parts, then the entry (so that the entry never names a part not yet written),
/// then removes the parts of earlier builds that it does not name.
fn write_files(output: &Path, files: &IndexFiles) -> Result<(), Error> {
    let dir = dir_of(output);
    let parts_dir = dir.join(PARTS_DIR);
    // Not `create_dir_all`: a directory for the entry that does not exist is a mistake to report.
    if !parts_dir.is_dir() {
        std::fs::create_dir(&parts_dir).map_err(|e| Error::io(parts_dir.display(), &e))?;
    }
    let mut ours = BTreeSet::new();
    for (path, bytes) in &files.parts {
        let file = dir.join(path);
        // Named by their content: one already there is the same.
        if std::fs::read(&file).ok().as_deref() != Some(bytes.as_slice()) {
            std::fs::write(&file, bytes).map_err(|e| Error::io(file.display(), &e))?;
        }
        ours.insert(file);
    }
    // The entry in one step: a reader sees the old one or the new one.
    let mut partial = output.as_os_str().to_owned();
    partial.push(".partial");
    let partial = PathBuf::from(partial);
    std::fs::write(&partial, &files.entry).map_err(|e| Error::io(partial.display(), &e))?;
    std::fs::rename(&partial, output).map_err(|e| Error::io(output.display(), &e))?;
    let listing = std::fs::read_dir(&parts_dir).map_err(|e| Error::io(parts_dir.display(), &e))?;
    for file in listing.flatten().map(|f| f.path()) {
        let name = file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        if is_part_name(&name) && !ours.contains(&file) {
            std::fs::remove_file(&file).map_err(|e| Error::io(file.display(), &e))?;
        }
    }
    Ok(())
}

/// Whether a file name is one the engine gives a part (`names-<hash>.idx`,
/// `chunk-<hash>.idx`, `frag-<hash>-<n>.idx`): only those are removed as stale.
fn is_part_name(name: &str) -> bool {
    let hash = |h: &str| h.len() == 16 && h.bytes().all(|b| b.is_ascii_hexdigit());
    let Some(stem) = name.strip_suffix(".idx") else { return false };
    if let Some(h) = stem.strip_prefix("names-").or_else(|| stem.strip_prefix("chunk-")) {
        return hash(h);
    }
    stem.strip_prefix("frag-")
        .and_then(|rest| rest.split_once('-'))
        .is_some_and(|(h, n)| hash(h) && !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
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
