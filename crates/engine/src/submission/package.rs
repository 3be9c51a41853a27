//! The submission package: what leaves the device when a citizen sends a finished form, and
//! the same checks the receiver runs on arrival (same engine, same definition version).

use crate::form::answers::Answers;
use crate::form::definition::FieldKind;
use crate::form::model::{End, FormModel};
use crate::form::validate::{validate_page, FieldError};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use sha2::{Digest, Sha256};

/// The package format version.
pub const PACKAGE_FORMAT: u32 = 1;

/// A finished application, ready to send.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Package {
    /// Must equal [`PACKAGE_FORMAT`].
    pub format: u32,
    /// The form's id.
    pub form_id: String,
    /// The form's version the answers were given against.
    pub form_version: String,
    /// The locale the citizen used.
    pub locale: String,
    /// The answers to visible questions only, as typed.
    pub answers: Answers,
    /// The same answers as the engine reads them, for systems that want one form of each
    /// value: numbers and money as numbers, dates as `YYYY-MM-DD`, codes upper-case in their
    /// canonical spacing (NINO, postcodes, ID numbers), phone numbers as digits (E.164 but for
    /// a Chinese mobile's 11). Files are in `attachments`. Derived from `answers`, so outside
    /// the checksum; the receiver refuses a package whose map does not follow from them (an
    /// empty one, from an older device, is accepted).
    #[serde(default, skip_serializing_if = "is_empty")]
    pub normalised: Answers,
    /// Computed values, by field id.
    pub computed: Answers,
    /// Uploaded files' descriptions (the contents travel separately).
    pub attachments: Vec<Attachment>,
    /// When the citizen sent it (RFC 3339), from the device's clock.
    pub created: String,
    /// A UUID v4 made once per application and reused on every retry, so a repeat is recognised.
    pub idempotency_key: String,
    /// SHA-256 (hex) of the canonical JSON of form id, version, answers, computed values and
    /// attachments: the receiver recomputes it to detect a package altered on the way.
    pub checksum: String,
}

/// A file attached to a question.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Attachment {
    /// The question it answers.
    pub field: String,
    /// The file's name on the citizen's device.
    pub name: String,
    /// Its media type.
    pub media_type: String,
    /// Its size in bytes.
    pub size: u64,
    /// SHA-256 (hex) of its content, as the device computed it when the file was chosen; the
    /// content itself is kept on the device (IndexedDB) until the package is delivered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sha256: Option<String>,
}

/// Why a package cannot be made or is refused.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "problem", rename_all = "snake_case")]
pub enum PackageProblem {
    /// Some answers are missing or wrong: the errors, each with the page to fix it on.
    Invalid {
        /// The errors, each with its page id.
        errors: Vec<PageError>,
    },
    /// The answers lead to an outcome page, not to an application.
    EndsAtOutcome,
    /// The package is for another form or version than this definition.
    WrongForm {
        /// What the package says.
        got: String,
    },
    /// The checksum does not match the content.
    Checksum,
    /// A malformed field (format version, idempotency key).
    Malformed {
        /// Which.
        field: String,
    },
}

impl std::fmt::Display for PackageProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PackageProblem::Invalid { errors } => {
                write!(f, "{} answers are missing or wrong", errors.len())
            }
            PackageProblem::EndsAtOutcome => {
                f.write_str("the answers lead to an outcome page, not to an application")
            }
            PackageProblem::WrongForm { got } => {
                write!(f, "the package is for {got}, not this form")
            }
            PackageProblem::Checksum => {
                f.write_str("the package's checksum does not match its content")
            }
            PackageProblem::Malformed { field } => write!(f, "the package's {field} is malformed"),
        }
    }
}

/// An error and the page it is on.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PageError {
    /// The page's id.
    pub page: String,
    /// The error.
    #[serde(flatten)]
    pub error: FieldError,
}

impl FormModel {
    /// Builds the package for `answers`, or says why it cannot be sent. `created` and
    /// `idempotency_key` come from the caller (the engine has no clock and no randomness).
    pub fn package(
        &self,
        answers: &Answers,
        locale: &str,
        created: &str,
        idempotency_key: &str,
    ) -> Result<Package, PackageProblem> {
        let evaluation = self.evaluate(answers);
        if let End::Outcome(_) = evaluation.end {
            return Err(PackageProblem::EndsAtOutcome);
        }
        let errors = self.page_errors(answers, locale);
        if !errors.is_empty() {
            return Err(PackageProblem::Invalid { errors });
        }
        let answers = evaluation.visible_answers(self, answers);
        let computed = evaluation.computed_values(self);
        let attachments = self.attachments(&answers);
        let mut package = Package {
            format: PACKAGE_FORMAT,
            form_id: self.form.id.clone(),
            form_version: self.form.version.clone(),
            locale: locale.to_string(),
            normalised: self.normalised(&answers),
            answers,
            computed,
            attachments,
            created: created.to_string(),
            idempotency_key: idempotency_key.to_string(),
            checksum: String::new(),
        };
        package.checksum = checksum(&package);
        Ok(package)
    }

    /// [`check_package`](Self::check_package) with "today" the date, in the form's time zone,
    /// of the instant `unix_seconds`, for this call only: other threads sharing the model
    /// keep theirs.
    pub fn check_package_at(
        &self,
        package: &Package,
        unix_seconds: i64,
    ) -> Result<(), PackageProblem> {
        crate::logic::on_day(self.today_at(unix_seconds), || self.check_package(package))
    }

    /// The receiver's check: the package is for this form and version, intact, and its answers
    /// pass exactly the rules the browser applied (computed values are recomputed, never
    /// trusted).
    pub fn check_package(&self, package: &Package) -> Result<(), PackageProblem> {
        if package.format != PACKAGE_FORMAT {
            return Err(PackageProblem::Malformed { field: "format".into() });
        }
        if !is_uuid_v4(&package.idempotency_key) {
            return Err(PackageProblem::Malformed { field: "idempotency_key".into() });
        }
        if package.form_id != self.form.id || package.form_version != self.form.version {
            return Err(PackageProblem::WrongForm {
                got: format!("{}@{}", package.form_id, package.form_version),
            });
        }
        if checksum(package) != package.checksum {
            return Err(PackageProblem::Checksum);
        }
        let rebuilt = self.package(
            &package.answers,
            &package.locale,
            &package.created,
            &package.idempotency_key,
        )?;
        if rebuilt.answers != package.answers
            || rebuilt.computed != package.computed
            || rebuilt.attachments != package.attachments
        {
            // Answers to hidden questions, or computed values that do not follow from the answers.
            return Err(PackageProblem::Checksum);
        }
        if !package.normalised.0.is_empty() && rebuilt.normalised != package.normalised {
            return Err(PackageProblem::Malformed { field: "normalised".into() });
        }
        Ok(())
    }

    /// Each answer as the engine reads it (see [`Package::normalised`]); files left out.
    fn normalised(&self, answers: &Answers) -> Answers {
        let mut out = Answers::default();
        for (id, answer) in &answers.0 {
            let Some((_, field)) = self.field(id) else { continue };
            if matches!(field.kind, FieldKind::File { .. }) {
                continue;
            }
            if let Some(value) = crate::form::model::typed_value(field, Some(answer)) {
                out.set(id.clone(), value);
            }
        }
        out
    }

    fn page_errors(&self, answers: &Answers, locale: &str) -> Vec<PageError> {
        let evaluation = self.evaluate(answers);
        evaluation
            .path
            .iter()
            .filter_map(|&page| Some((page, self.form.pages.get(page)?.id.clone())))
            .flat_map(|(page, id)| {
                validate_page(self, &evaluation, page, answers, locale)
                    .into_iter()
                    .filter(FieldError::is_error)
                    .map(move |error| PageError { page: id.clone(), error })
            })
            .collect()
    }

    fn attachments(&self, answers: &Answers) -> Vec<Attachment> {
        let mut out = Vec::new();
        for (_, field) in self.form.fields() {
            if !matches!(field.kind, FieldKind::File { .. }) {
                continue;
            }
            for file in answers.get(&field.id).and_then(Value::as_array).into_iter().flatten() {
                out.push(Attachment {
                    field: field.id.clone(),
                    name: file.get("name").and_then(Value::as_str).unwrap_or("").to_string(),
                    media_type: file.get("type").and_then(Value::as_str).unwrap_or("").to_string(),
                    size: file.get("size").and_then(Value::as_u64).unwrap_or(0),
                    sha256: file.get("sha256").and_then(Value::as_str).map(str::to_string),
                });
            }
        }
        out
    }
}

/// SHA-256 of `bytes` as lower-case hex (attachments are identified by it on the device and
/// checked by it on the server).
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

/// The checksum of a package's content (everything but `created`, `locale`, the key and the
/// checksum itself). serde_json writes maps with sorted keys, so the JSON is canonical.
pub fn checksum(package: &Package) -> String {
    let content = serde_json::json!({
        "form_id": package.form_id,
        "form_version": package.form_version,
        "answers": package.answers,
        "computed": package.computed,
        "attachments": package.attachments,
    });
    sha256_hex(content.to_string().as_bytes())
}

fn is_uuid_v4(key: &str) -> bool {
    let Ok::<&[u8; 36], _>(bytes) = key.as_bytes().try_into() else { return false };
    let hex_and_dashes = bytes.iter().enumerate().all(|(i, b)| match i {
        8 | 13 | 18 | 23 => *b == b'-',
        _ => b.is_ascii_hexdigit(),
    });
    hex_and_dashes
        && bytes[14] == b'4'
        && matches!(bytes[19], b'8' | b'9' | b'a' | b'b' | b'A' | b'B')
}

fn is_empty(answers: &Answers) -> bool {
    answers.0.is_empty()
}
