//! `onewindow lint`: every problem in every definition, with its file and JSON pointer.

use crate::args;
use crate::files::{self, canonical, dir_of, read_lists, read_text, Target};
use crate::Error;
use onewindow_engine::formats::Date;
use onewindow_engine::{
    check_concepts, in_list_file, load_dictionary, load_form, Diagnostic, Dictionary, Form,
    FormLoad, FormModel, Severity,
};
use serde_json::{json, Value};
use std::collections::{HashMap, HashSet};
use std::io::Write;
use std::path::{Path, PathBuf};

/// One problem in one file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// The file, as given or as found in a directory.
    pub file: String,
    /// RFC 6901 pointer; `""` is the whole document.
    pub pointer: String,
    /// Error or warning.
    pub severity: Severity,
    /// What is wrong, for the author.
    pub message: String,
}

impl Problem {
    /// `file:pointer: severity: message`, with `/` for the whole document.
    pub fn line(&self) -> String {
        let pointer = if self.pointer.is_empty() { "/" } else { &self.pointer };
        format!("{}:{pointer}: {}: {}", self.file, severity_name(self.severity), self.message)
    }

    /// `{file, pointer, severity, message}`; the pointer is RFC 6901 (`""` for the whole
    /// document).
    pub fn json(&self) -> Value {
        json!({ "file": self.file, "pointer": self.pointer, "severity": severity_name(self.severity), "message": self.message })
    }
}

fn severity_name(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

/// Checks definitions and the files they depend on (dictionary, reference lists), each file
/// once, collecting every problem.
pub struct Checker {
    today: Date,
    /// `--dictionary`: used for every form instead of the one next to it.
    dictionary: Option<PathBuf>,
    dictionaries: HashMap<PathBuf, Option<Dictionary>>,
    /// Reference list files met, by their canonical path: the path they are reported under.
    lists: HashMap<PathBuf, String>,
    problems: Vec<Problem>,
    seen: HashSet<(String, String, String)>,
    /// Every file checked, in the order first met.
    files: Vec<String>,
}

impl Checker {
    /// A checker whose "today" is `today`, with the `--dictionary` file if given.
    pub fn new(today: Date, dictionary: Option<PathBuf>) -> Self {
        Checker {
            today,
            dictionary,
            dictionaries: HashMap::new(),
            lists: HashMap::new(),
            problems: Vec::new(),
            seen: HashSet::new(),
            files: Vec::new(),
        }
    }

    /// Every problem found, grouped by file in the order the files were met.
    pub fn problems(&self) -> Vec<Problem> {
        let order = |file: &str| self.files.iter().position(|f| f == file).unwrap_or(usize::MAX);
        let mut problems = self.problems.clone();
        problems.sort_by_key(|p| order(&p.file));
        problems
    }

    /// How many files were checked.
    pub fn file_count(&self) -> usize {
        self.files.len()
    }

    /// How many problems of `severity` were found.
    pub fn count(&self, severity: Severity) -> usize {
        self.problems.iter().filter(|p| p.severity == severity).count()
    }

    fn met(&mut self, file: &str) {
        if !self.files.iter().any(|f| f == file) {
            self.files.push(file.to_string());
        }
    }

    fn push(
        &mut self,
        file: &str,
        severity: Severity,
        pointer: impl Into<String>,
        message: impl Into<String>,
    ) {
        let problem = Problem {
            file: file.to_string(),
            pointer: pointer.into(),
            severity,
            message: message.into(),
        };
        if self.seen.insert((
            problem.file.clone(),
            problem.pointer.clone(),
            problem.message.clone(),
        )) {
            self.problems.push(problem);
        }
    }

    fn diagnostic(&mut self, file: &str, d: Diagnostic) {
        self.push(file, d.severity, d.pointer, d.message);
    }

    /// Loads and lints the form definition at `path` with its reference lists
    /// (`data/<name>.json` next to it) and, with `concepts`, checks its `concept`s against the
    /// data dictionary. Returns the model, its lists provided, when the JSON has the shape of
    /// a form (possibly with errors). Only unreadable files are errors.
    pub fn form(&mut self, path: &Path, concepts: bool) -> Result<Option<FormModel>, Error> {
        let file = path.display().to_string();
        self.met(&file);
        let Some(json) = read_text(path)? else {
            self.push(&file, Severity::Error, "", "the file is not UTF-8 text");
            return Ok(None);
        };
        let load = FormLoad::new(&json, self.today);
        let lists = read_lists(path, load.list_names(), |list| {
            self.list_file(list);
        })?;
        let (model, diagnostics) = load.finish(&lists);
        for d in diagnostics {
            match in_list_file(&d.pointer) {
                Some((list, pointer)) => {
                    let list = self.list_file(&dir_of(path).join(list));
                    self.push(&list, d.severity, pointer, d.message);
                }
                None => self.diagnostic(&file, d),
            }
        }
        let Some(model) = model else { return Ok(None) };
        let form = model.form();
        if let Some(stem) =
            path.file_name().and_then(|n| n.to_str()).and_then(|n| n.strip_suffix(".json"))
        {
            if stem != form.id {
                self.push(
                    &file,
                    Severity::Warning,
                    "/id",
                    format!("the form's id is \"{}\" but the file is {stem}.json; the app finds a form by its id, so name the file {}.json", form.id, form.id),
                );
            }
        }
        if concepts {
            self.concepts(path, &file, form)?;
        }
        Ok(Some(model))
    }

    /// Counts the reference list at `path` as checked, once however it is reached; returns
    /// the name its problems are reported under (the path it was first reached by).
    fn list_file(&mut self, path: &Path) -> String {
        let key = canonical(path);
        if let Some(file) = self.lists.get(&key) {
            return file.clone();
        }
        let file = path.display().to_string();
        self.met(&file);
        self.lists.insert(key, file.clone());
        file
    }

    /// Counts `path` as checked and reads it; a file that is not text is a problem in it.
    fn open(&mut self, path: &Path) -> Result<Option<(String, String)>, Error> {
        let file = path.display().to_string();
        self.met(&file);
        match read_text(path)? {
            Some(json) => Ok(Some((file, json))),
            None => {
                self.push(&file, Severity::Error, "", "the file is not UTF-8 text");
                Ok(None)
            }
        }
    }

    /// Lints a service catalog; its guides and forms must exist next to it.
    pub fn catalog(&mut self, path: &Path) -> Result<(), Error> {
        let Some((file, json)) = self.open(path)? else { return Ok(()) };
        let (catalog, diagnostics) = onewindow_engine::load_catalog(&json);
        for d in diagnostics {
            self.diagnostic(&file, d);
        }
        let Some(catalog) = catalog else { return Ok(()) };
        let dir = dir_of(path);
        for (i, service) in catalog.services.iter().enumerate() {
            if let Some(guide) = &service.guide {
                if !dir.join(guide).is_file() {
                    self.push(
                        &file,
                        Severity::Error,
                        format!("/services/{i}/guide"),
                        format!("there is no {guide} next to the catalog"),
                    );
                }
            }
            if let Some(form) = &service.form {
                if !dir.join(format!("{form}.json")).is_file() {
                    self.push(
                        &file,
                        Severity::Error,
                        format!("/services/{i}/form"),
                        format!("there is no {form}.json next to the catalog"),
                    );
                }
            }
        }
        Ok(())
    }

    /// Checks the shape of a form's examples file (`onewindow test` runs them).
    pub fn examples(&mut self, path: &Path) -> Result<(), Error> {
        let Some((file, json)) = self.open(path)? else { return Ok(()) };
        for d in onewindow_engine::read_examples(&json).1 {
            self.diagnostic(&file, d);
        }
        Ok(())
    }

    /// Lints a guide, with its assistant form (`../<assistant>.json`) when it names one.
    pub fn guide(&mut self, path: &Path) -> Result<(), Error> {
        let Some((file, json)) = self.open(path)? else { return Ok(()) };
        let assistant_id = serde_json::from_str::<Value>(&json)
            .ok()
            .and_then(|v| v.get("assistant").and_then(|a| a.as_str()).map(str::to_string));
        let assistant = match &assistant_id {
            Some(id) => {
                let form_path = dir_of(path).join("..").join(format!("{id}.json"));
                match read_text(&form_path).ok().flatten() {
                    Some(text) => load_form(&text, self.today).0,
                    None => {
                        self.push(
                            &file,
                            Severity::Error,
                            "/assistant",
                            format!("there is no {id}.json next to the guides directory"),
                        );
                        None
                    }
                }
            }
            None => None,
        };
        let (model, diagnostics) = onewindow_engine::load_guide(&json, assistant.as_ref());
        for d in diagnostics {
            self.diagnostic(&file, d);
        }
        // The catalog that lists it (`../catalog.json`), when there is one: the guide is
        // written in every locale of the catalog.
        let catalog_path = dir_of(path).join("..").join("catalog.json");
        let catalog = read_text(&catalog_path)
            .ok()
            .flatten()
            .and_then(|text| onewindow_engine::load_catalog(&text).0);
        if let (Some(model), Some(catalog)) = (model, catalog) {
            for d in onewindow_engine::guide_in_catalog(model.guide(), &catalog) {
                self.diagnostic(&file, d);
            }
        }
        Ok(())
    }

    /// Checks `concept`s against `--dictionary` or the `dictionary.json` next to the form.
    fn concepts(&mut self, path: &Path, file: &str, form: &Form) -> Result<(), Error> {
        let mut first = None;
        form.each_field(|field, at| {
            if field.concept.is_some() && first.is_none() {
                first = Some(format!("{at}/concept"));
            }
        });
        let Some(first) = first else { return Ok(()) };
        let found = self.dictionary.clone().or_else(|| {
            let next_to = dir_of(path).join("dictionary.json");
            next_to.is_file().then_some(next_to)
        });
        let Some(dictionary) = found else {
            self.push(
                file,
                Severity::Warning,
                first,
                "concepts are not checked: there is no dictionary.json next to the form (give one with --dictionary FILE)",
            );
            return Ok(());
        };
        let key = self.dictionary_file(&dictionary)?;
        let problems = match self.dictionaries.get(&key) {
            Some(Some(dictionary)) => check_concepts(form, dictionary),
            _ => Vec::new(), // the dictionary's own problems are reported against it
        };
        for d in problems {
            self.diagnostic(file, d);
        }
        Ok(())
    }

    /// Loads the dictionary at `path` once, reporting its problems; returns its cache key.
    pub fn dictionary_file(&mut self, path: &Path) -> Result<PathBuf, Error> {
        let key = canonical(path);
        if !self.dictionaries.contains_key(&key) {
            let file = path.display().to_string();
            self.met(&file);
            let loaded = match read_text(path)? {
                None => {
                    self.push(&file, Severity::Error, "", "the file is not UTF-8 text");
                    None
                }
                Some(json) => {
                    let (dictionary, diagnostics) = load_dictionary(&json);
                    for d in diagnostics {
                        self.diagnostic(&file, d);
                    }
                    dictionary
                }
            };
            self.dictionaries.insert(key.clone(), loaded);
        }
        Ok(key)
    }
}

/// Writes the problems as lines (or a JSON array with `json`).
pub fn print(problems: &[Problem], json: bool, out: &mut dyn Write) -> Result<(), Error> {
    if json {
        let array = Value::Array(problems.iter().map(Problem::json).collect());
        writeln!(out, "{}", serde_json::to_string_pretty(&array).unwrap_or_default())?;
    } else {
        for problem in problems {
            writeln!(out, "{}", problem.line())?;
        }
    }
    Ok(())
}

/// "1 file", "2 errors".
pub fn count(n: usize, what: &str) -> String {
    format!("{n} {what}{}", if n == 1 { "" } else { "s" })
}

/// `onewindow lint <files or dirs>… [--dictionary FILE] [--json]`.
pub fn run(args: &[String], out: &mut dyn Write) -> Result<u8, Error> {
    let parsed = args::parse("lint", args, &["--dictionary"], &["--json"])?;
    if parsed.positional.is_empty() {
        return Err(Error::usage(
            "lint needs the definitions to check: onewindow lint <files or dirs>...",
        ));
    }
    let targets = files::collect(&parsed.positional)?;
    let dictionary = parsed.value("--dictionary").map(PathBuf::from);
    let mut checker = Checker::new(files::today(), dictionary.clone());
    if let Some(dictionary) = &dictionary {
        checker.dictionary_file(dictionary)?;
    }
    for target in &targets {
        match target {
            Target::Form(path) => {
                checker.form(path, true)?;
            }
            Target::Dictionary(path) => {
                checker.dictionary_file(path)?;
            }
            Target::Catalog(path) => checker.catalog(path)?,
            Target::Guide(path) => checker.guide(path)?,
            Target::Examples(path) => checker.examples(path)?,
        }
    }
    let json = parsed.switch("--json");
    print(&checker.problems(), json, out)?;
    let errors = checker.count(Severity::Error);
    if !json {
        writeln!(
            out,
            "{}, {}, {}",
            count(checker.file_count(), "file"),
            count(errors, "error"),
            count(checker.count(Severity::Warning), "warning")
        )?;
    }
    Ok(u8::from(errors > 0))
}
