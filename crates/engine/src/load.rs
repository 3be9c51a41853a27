//! Reading a published definition: syntax, shape, then lint, reporting every problem found.

use crate::definition::{Field, FieldKind, Form, Text, SCHEMA_VERSION};
use crate::diagnostic::{escape_token, Diagnostic};
use std::collections::HashMap;

/// Parses and lints a form definition.
///
/// Returns the form when it could be read at all (possibly with warnings, or with errors that a
/// preview may still show), and every problem found, each with the JSON pointer at fault.
pub fn load_form(json: &str) -> (Option<Form>, Vec<Diagnostic>) {
    let mut problems = Vec::new();
    let mut de = serde_json::Deserializer::from_str(json);
    let form: Form = match serde_path_to_error::deserialize(&mut de) {
        Ok(form) => form,
        Err(err) => {
            let pointer = pointer_of(err.path());
            let inner = err.into_inner();
            let message = if inner.is_syntax() || inner.is_eof() {
                format!("the file is not valid JSON: {inner}")
            } else {
                strip_position(&inner.to_string())
            };
            problems.push(Diagnostic::error(pointer, message));
            return (None, problems);
        }
    };
    if let Err(err) = de.end() {
        problems.push(Diagnostic::error("", format!("the file is not valid JSON: {err}")));
        return (None, problems);
    }
    lint(&form, &mut problems);
    (Some(form), problems)
}

fn pointer_of(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let mut pointer = String::new();
    for segment in path.iter() {
        match segment {
            Segment::Seq { index } => pointer.push_str(&format!("/{index}")),
            Segment::Map { key } => pointer.push_str(&format!("/{}", escape_token(key))),
            Segment::Enum { .. } | Segment::Unknown => {}
        }
    }
    pointer
}

/// serde appends " at line L column C"; the pointer already says where, and more usefully.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message.to_string(),
    }
}

fn lint(form: &Form, problems: &mut Vec<Diagnostic>) {
    if form.schema_version != SCHEMA_VERSION {
        problems.push(Diagnostic::error(
            "/schema_version",
            format!("schema_version {} is not supported; this engine reads {SCHEMA_VERSION}", form.schema_version),
        ));
    }
    if form.locales.is_empty() {
        problems.push(Diagnostic::error("/locales", "list at least one locale, e.g. [\"zh-CN\", \"en\"]"));
    }
    if form.pages.is_empty() {
        problems.push(Diagnostic::error("/pages", "a form needs at least one page"));
    }
    check_text(form, &form.title, "/title", problems);
    if let Some(department) = &form.department {
        check_text(form, department, "/department", problems);
    }

    let mut page_ids: HashMap<&str, String> = HashMap::new();
    let mut field_ids: HashMap<&str, String> = HashMap::new();
    for (p, page) in form.pages.iter().enumerate() {
        let at = format!("/pages/{p}");
        check_id(&page.id, &format!("{at}/id"), "page", &mut page_ids, problems);
        if page.fields.is_empty() {
            problems.push(Diagnostic::error(format!("{at}/fields"), "a page needs at least one field"));
        }
        if let Some(title) = &page.title {
            check_text(form, title, &format!("{at}/title"), problems);
        }
        for (f, field) in page.fields.iter().enumerate() {
            lint_field(form, field, &format!("{at}/fields/{f}"), &mut field_ids, problems);
        }
    }
}

fn lint_field<'a>(
    form: &Form,
    field: &'a Field,
    at: &str,
    field_ids: &mut HashMap<&'a str, String>,
    problems: &mut Vec<Diagnostic>,
) {
    check_id(&field.id, &format!("{at}/id"), "field", field_ids, problems);
    check_text(form, &field.label, &format!("{at}/label"), problems);
    if let Some(hint) = &field.hint {
        check_text(form, hint, &format!("{at}/hint"), problems);
    }
    for (rule, message) in &field.messages {
        check_text(form, message, &format!("{at}/messages/{}", escape_token(rule)), problems);
    }
    match &field.kind {
        FieldKind::Text { max_length } | FieldKind::Textarea { max_length } => {
            if *max_length == Some(0) {
                problems.push(Diagnostic::error(format!("{at}/max_length"), "max_length must be at least 1"));
            }
        }
    }
}

fn check_id<'a>(
    id: &'a str,
    at: &str,
    what: &str,
    seen: &mut HashMap<&'a str, String>,
    problems: &mut Vec<Diagnostic>,
) {
    let well_formed = !id.is_empty()
        && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
        && id.starts_with(|c: char| c.is_ascii_alphabetic());
    if !well_formed {
        problems.push(Diagnostic::error(
            at,
            format!("{what} id \"{id}\" must start with a letter and use only letters, digits, _ and -"),
        ));
    }
    if let Some(first) = seen.get(id) {
        problems.push(Diagnostic::error(at, format!("{what} id \"{id}\" is already used at {first}")));
    } else {
        seen.insert(id, at.to_string());
    }
}

fn check_text(form: &Form, text: &Text, at: &str, problems: &mut Vec<Diagnostic>) {
    for locale in &form.locales {
        if !text.has(locale) {
            problems.push(Diagnostic::error(
                format!("{at}/{}", escape_token(locale)),
                format!("missing the {locale} translation (the form declares locale {locale})"),
            ));
        }
    }
}
