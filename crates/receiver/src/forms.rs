//! The published forms: `<id>.json` in the forms directory with its reference lists
//! (`data/<name>.json`), read and loaded for each package.

use crate::http::{is_form_id, truncate};
use crate::store::today;
use onewindow_engine::{load_form, Diagnostic, FormModel, ReferenceList};
use std::path::{Path, PathBuf};

/// Why a form cannot be used.
pub(crate) enum FormError {
    /// No such published form: the sender's mistake.
    Unknown(String),
    /// The form (or a list it needs) is published but cannot be loaded: ours. `file` is
    /// relative to the forms directory.
    Unavailable { file: String, message: String },
}

/// The forms directory.
pub(crate) struct Published {
    dir: PathBuf,
}

impl Published {
    pub fn new(dir: impl Into<PathBuf>) -> Self {
        Published { dir: dir.into() }
    }

    /// The forms directory.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The form as published now, with its reference lists. A package for another version is
    /// refused by `check_package` (the receiver validates only against what it publishes).
    pub fn model(&self, id: &str) -> Result<FormModel, FormError> {
        if !is_form_id(id) {
            return Err(FormError::Unknown(format!("{:?} is not a form id", truncate(id))));
        }
        let file = format!("{id}.json");
        let json = match std::fs::read_to_string(self.dir.join(&file)) {
            Ok(json) => json,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Err(FormError::Unknown(format!("there is no published form \"{id}\"")))
            }
            Err(e) => return Err(FormError::Unavailable { file, message: e.to_string() }),
        };
        let (model, problems) = load_form(&json, today());
        let model = match model {
            Some(model) if !problems.iter().any(Diagnostic::is_error) => model,
            _ => {
                let first = problems
                    .iter()
                    .find(|p| p.is_error())
                    .map(|p| format!("{p:?}"))
                    .unwrap_or_default();
                return Err(FormError::Unavailable {
                    file,
                    message: format!("the definition has errors: {first}"),
                });
            }
        };
        for name in model.lists_needed() {
            let file = format!("data/{name}.json");
            let list =
                std::fs::read_to_string(self.dir.join(&file)).map_err(|e| e.to_string()).and_then(
                    |text| serde_json::from_str::<ReferenceList>(&text).map_err(|e| e.to_string()),
                );
            match list {
                Ok(list) => model.provide_list(&name, list.options),
                Err(message) => return Err(FormError::Unavailable { file, message }),
            }
        }
        Ok(model)
    }
}
