//! The file system and the clock: finding definitions, reading them, reference lists, today.

use crate::Error;
use onewindow_engine::formats::Date;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// A file `lint` checks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    /// A form definition.
    Form(PathBuf),
    /// A data dictionary given by name.
    Dictionary(PathBuf),
    /// A service catalog (`catalog.json`).
    Catalog(PathBuf),
    /// A procedure guide (a file under a `guides/` directory).
    Guide(PathBuf),
    /// A form's examples (`X.examples.json`), given by name: checked for shape (`onewindow
    /// test` runs them).
    Examples(PathBuf),
}

/// What a file is, by where it is and its name.
fn target_for(path: PathBuf) -> Target {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let in_guides = path.parent().and_then(|p| p.file_name()).is_some_and(|d| d == "guides");
    match name.as_str() {
        "dictionary.json" => Target::Dictionary(path),
        "catalog.json" => Target::Catalog(path),
        _ if name.ends_with(".examples.json") => Target::Examples(path),
        _ if in_guides => Target::Guide(path),
        _ => Target::Form(path),
    }
}

/// Directories deeper than this are not searched (and symlink loops end).
const MAX_DEPTH: usize = 32;

/// The files to lint for `inputs`: files as given (a `dictionary.json` as a dictionary), and
/// directories searched for form definitions. A missing input, or a directory without any
/// definition, is an error naming it.
pub fn collect(inputs: &[String]) -> Result<Vec<Target>, Error> {
    let mut targets = Vec::new();
    for input in inputs {
        let path = PathBuf::from(input);
        let metadata = std::fs::metadata(&path).map_err(|e| Error::io(input, &e))?;
        if metadata.is_dir() {
            let before = targets.len();
            walk(&path, 0, &mut targets)?;
            if targets.len() == before {
                return Err(Error::file(
                    input,
                    "no form definitions here (*.json other than *.examples.json, dictionary.json, catalog.json and data/)",
                ));
            }
        } else {
            targets.push(target_for(path));
        }
    }
    let mut seen = HashSet::new();
    targets.retain(|t| {
        let (Target::Form(p)
        | Target::Dictionary(p)
        | Target::Catalog(p)
        | Target::Guide(p)
        | Target::Examples(p)) = t;
        seen.insert(canonical(p))
    });
    Ok(targets)
}

fn walk(dir: &Path, depth: usize, targets: &mut Vec<Target>) -> Result<(), Error> {
    each_file(dir, depth, &mut |path, name| {
        if name == "catalog.json" {
            targets.push(Target::Catalog(path));
        } else if is_definition_name(name) {
            targets.push(target_for(path));
        }
    })
}

/// Calls `found` with every file under `dir` and its name, in order, leaving out names
/// starting with `.` and `data/` directories (reference lists), at most [`MAX_DEPTH`] deep.
pub fn each_file(
    dir: &Path,
    depth: usize,
    found: &mut dyn FnMut(PathBuf, &str),
) -> Result<(), Error> {
    if depth > MAX_DEPTH {
        return Ok(());
    }
    let entries = std::fs::read_dir(dir).map_err(|e| Error::io(dir.display(), &e))?;
    let mut paths = entries
        .map(|entry| entry.map(|e| e.path()))
        .collect::<Result<Vec<PathBuf>, _>>()
        .map_err(|e| Error::io(dir.display(), &e))?;
    paths.sort();
    for path in paths {
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        if name.starts_with('.') {
            continue;
        }
        if path.is_dir() {
            if name != "data" {
                each_file(&path, depth + 1, found)?;
            }
        } else {
            found(path, &name);
        }
    }
    Ok(())
}

/// Whether a file found in a directory is a form definition by its name.
fn is_definition_name(name: &str) -> bool {
    name.ends_with(".json")
        && !name.ends_with(".examples.json")
        && name != "dictionary.json"
        && name != "catalog.json"
        && !name.starts_with('.')
}

/// The path with symlinks and `..` resolved, to tell when two paths are one file.
pub fn canonical(path: &Path) -> PathBuf {
    std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
}

/// The directory a file is in (`""` for a bare file name, which joins as the current one).
pub fn dir_of(path: &Path) -> &Path {
    path.parent().unwrap_or(Path::new(""))
}

/// The text of `path`; `None` when it is not UTF-8 (a problem in the file, not an IO error).
pub fn read_text(path: &Path) -> Result<Option<String>, Error> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(path.display(), &e))?;
    Ok(String::from_utf8(bytes).ok())
}

/// A reference list's name and its file's text, or why it is not text (`FormLoad::finish`).
pub type ListText = (String, Result<String, String>);

/// The reference lists `names` of the form at `form`, as `FormLoad::finish` takes them: each
/// list file's text, or why it is not text; a list without a file is left out (the engine
/// reports it missing where the form names it). `found` hears each file read.
pub fn read_lists(
    form: &Path,
    names: Vec<String>,
    mut found: impl FnMut(&Path),
) -> Result<Vec<ListText>, Error> {
    let mut lists = Vec::new();
    for name in names {
        let list = list_path(form, &name);
        if list.is_file() {
            found(&list);
            let text = read_text(&list)?.ok_or_else(|| "the file is not UTF-8 text".to_string());
            lists.push((name, text));
        }
    }
    Ok(lists)
}

/// Where the reference list `name` is expected: `data/<name>.json` next to the form.
pub fn list_path(form: &Path, name: &str) -> PathBuf {
    dir_of(form).join("data").join(format!("{name}.json"))
}

/// Today's date in UTC from the system clock (the engine has no clock).
pub fn today() -> Date {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    Date::from_days_since_epoch((seconds / 86_400) as i64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn definition_names() {
        assert!(is_definition_name("residence-permit.json"));
        for name in [
            "residence-permit.examples.json",
            "dictionary.json",
            "catalog.json",
            "notes.md",
            ".x.json",
        ] {
            assert!(!is_definition_name(name), "{name}");
        }
    }
}
