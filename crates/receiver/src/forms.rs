//! The published forms: `<id>.json` in the forms directory with its reference lists
//! (`data/<name>.json`), loaded with the engine's loader ([`FormLoad`]) and kept compiled.
//!
//! A package is checked against the form as published now, so each request reads the
//! definition and its lists again: a small read, which tells whether anything changed. The
//! engine parses and compiles them only when one of those texts differs from the ones the
//! kept model was compiled from: a new version, a fix published under the same version, a list
//! with a new code. A form that cannot be loaded is never kept: the next request tries again.

use crate::http::{is_form_id, truncate};
use crate::store::{today, unix_now};
use onewindow_engine::{in_list_file, list_file, Diagnostic, FormLoad, FormModel};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};

/// Why a form cannot be used.
pub(crate) enum FormError {
    /// No such published form: the sender's mistake.
    Unknown(String),
    /// The form (or a list it needs) is published but cannot be loaded: ours. `file` is
    /// relative to the forms directory.
    Unavailable { file: String, message: String },
}

/// The forms directory and the forms compiled from it, by id.
pub(crate) struct Published {
    dir: PathBuf,
    compiled: Mutex<HashMap<String, Arc<Compiled>>>,
    /// How many times a definition was compiled (the tests count them).
    compilations: AtomicUsize,
}

/// A form compiled with its lists, and the texts it was compiled from.
struct Compiled {
    definition: String,
    /// Each list's file (`data/<name>.json`) and text.
    lists: Vec<(String, String)>,
    model: Arc<FormModel>,
}

impl Published {
    pub fn new(dir: impl Into<PathBuf>) -> Self {
        Published { dir: dir.into(), compiled: Mutex::default(), compilations: AtomicUsize::new(0) }
    }

    /// The forms directory.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Form `id` as published now, with its reference lists, its "today" today.
    ///
    /// Two requests that find the same change at once may both compile it; either model is
    /// the published form, and the last one is kept.
    pub fn model(&self, id: &str) -> Result<Arc<FormModel>, FormError> {
        if !is_form_id(id) {
            return Err(FormError::Unknown(format!("{:?} is not a form id", truncate(id))));
        }
        let file = format!("{id}.json");
        let definition = match std::fs::read_to_string(self.dir.join(&file)) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Err(FormError::Unknown(format!("there is no published form \"{id}\"")))
            }
            Err(e) => return Err(FormError::Unavailable { file, message: e.to_string() }),
        };
        let kept = self.lock().get(id).cloned();
        let compiled = match kept {
            Some(compiled) if self.unchanged(&compiled, &definition) => compiled,
            _ => {
                let compiled = Arc::new(self.compile(file, definition)?);
                self.lock().insert(id.to_string(), compiled.clone());
                compiled
            }
        };
        // The form's day now, in its time zone (a submission is checked on the day it was made).
        compiled.model.set_today(compiled.model.today_at(unix_now()));
        Ok(compiled.model.clone())
    }

    /// Whether the definition and every list still read as when `compiled` was made.
    fn unchanged(&self, compiled: &Compiled, definition: &str) -> bool {
        compiled.definition == definition
            && compiled.lists.iter().all(|(file, text)| {
                std::fs::read_to_string(self.dir.join(file)).is_ok_and(|now| now == *text)
            })
    }

    /// Loads the definition with the lists it names; any error makes the form unavailable,
    /// naming the file at fault.
    fn compile(&self, file: String, definition: String) -> Result<Compiled, FormError> {
        self.compilations.fetch_add(1, Ordering::Relaxed);
        let load = FormLoad::new(&definition, today());
        let lists: Vec<(String, Result<String, String>)> = load
            .list_names()
            .into_iter()
            .map(|name| {
                let text = std::fs::read_to_string(self.dir.join(list_file(&name)));
                (name, text.map_err(|e| e.to_string()))
            })
            .collect();
        let (model, problems) = load.finish(&lists);
        match (model, problems.iter().find(|p| p.is_error())) {
            (Some(model), None) => Ok(Compiled {
                definition,
                lists: lists
                    .into_iter()
                    .filter_map(|(name, text)| Some((list_file(&name), text.ok()?)))
                    .collect(),
                model: Arc::new(model),
            }),
            (_, first) => Err(unavailable(file, first)),
        }
    }

    fn lock(&self) -> MutexGuard<'_, HashMap<String, Arc<Compiled>>> {
        // The map is only read and replaced whole: a panic elsewhere cannot leave it half made.
        self.compiled.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// How many times a definition was compiled so far.
    #[cfg(test)]
    fn compilations(&self) -> usize {
        self.compilations.load(Ordering::Relaxed)
    }
}

/// The file a load error is in (the definition or a list) and what it is.
fn unavailable(definition: String, first: Option<&Diagnostic>) -> FormError {
    let Some(first) = first else {
        let message = "the definition cannot be read".to_string();
        return FormError::Unavailable { file: definition, message };
    };
    match in_list_file(&first.pointer) {
        Some((list, "")) => {
            FormError::Unavailable { file: list.to_string(), message: first.message.clone() }
        }
        Some((list, pointer)) => FormError::Unavailable {
            file: list.to_string(),
            message: format!("{pointer}: {}", first.message),
        },
        None => FormError::Unavailable {
            file: definition,
            message: format!("the definition has errors: {first}"),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn repo_forms() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../forms")
    }

    /// A forms directory holding residence-permit.json and its list.
    fn published(name: &str) -> (PathBuf, Published) {
        let dir = std::env::temp_dir()
            .join(format!("onewindow-receiver-forms-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("data")).unwrap();
        for file in ["residence-permit.json", "data/cn-ethnic-groups.json"] {
            std::fs::copy(repo_forms().join(file), dir.join(file)).unwrap();
        }
        (dir.clone(), Published::new(dir))
    }

    fn error(result: Result<Arc<FormModel>, FormError>) -> (bool, String) {
        match result {
            Ok(model) => panic!("{model:?} loaded"),
            Err(FormError::Unknown(message)) => (false, message),
            Err(FormError::Unavailable { file, .. }) => (true, file),
        }
    }

    #[test]
    fn a_form_is_compiled_once_while_its_files_stay_the_same() {
        let (dir, forms) = published("once");
        let first = forms.model("residence-permit").ok().unwrap();
        let second = forms.model("residence-permit").ok().unwrap();
        assert!(Arc::ptr_eq(&first, &second));
        assert_eq!(forms.compilations(), 1);
        assert!(!first.list("cn-ethnic-groups").is_empty(), "compiled with its list");
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn a_new_version_or_a_changed_list_is_picked_up() {
        let (dir, forms) = published("changes");
        let path = dir.join("residence-permit.json");
        let v1 = forms.model("residence-permit").ok().unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        let version = format!("\"version\": \"{}\"", v1.form().version);
        assert!(text.contains(&version), "{version}");
        std::fs::write(&path, text.replace(&version, "\"version\": \"2099-01\"")).unwrap();
        let v2 = forms.model("residence-permit").ok().unwrap();
        assert_eq!((v2.form().version.as_str(), forms.compilations()), ("2099-01", 2));
        assert_eq!(forms.model("residence-permit").ok().unwrap().form().version, "2099-01");
        assert_eq!(forms.compilations(), 2);

        // A list is part of what was compiled: a new code is accepted at once.
        let list = dir.join("data/cn-ethnic-groups.json");
        let mut groups: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&list).unwrap()).unwrap();
        let added = serde_json::json!({"value": "99", "label": {"zh-CN": "新", "en": "New"}});
        groups["options"].as_array_mut().unwrap().insert(0, added);
        std::fs::write(&list, groups.to_string()).unwrap();
        let v3 = forms.model("residence-permit").ok().unwrap();
        assert_eq!(forms.compilations(), 3);
        assert_eq!(v3.list("cn-ethnic-groups")[0].value, "99");
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn a_form_that_cannot_be_loaded_is_not_kept_and_names_the_file() {
        let (dir, forms) = published("broken");
        let list = dir.join("data/cn-ethnic-groups.json");
        let text = std::fs::read_to_string(&list).unwrap();
        std::fs::remove_file(&list).unwrap();
        let missing = (true, "data/cn-ethnic-groups.json".to_string());
        assert_eq!(error(forms.model("residence-permit")), missing);
        std::fs::write(&list, "{\"options\": [}").unwrap();
        assert_eq!(error(forms.model("residence-permit")), missing);
        std::fs::write(&list, text).unwrap();
        assert!(forms.model("residence-permit").is_ok());
        assert_eq!(forms.compilations(), 3);

        std::fs::write(dir.join("residence-permit.json"), "{").unwrap();
        assert_eq!(error(forms.model("residence-permit")), (true, "residence-permit.json".into()));
        assert!(!error(forms.model("no-such-form")).0);
        assert!(!error(forms.model("../etc/passwd")).0);
        std::fs::remove_dir_all(dir).unwrap();
    }
}
