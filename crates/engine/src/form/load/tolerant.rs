//! When a definition does not fit the format, every problem rather than the first: each
//! question (and each option, and each question of a group) is read alone, a bad one is set
//! aside as placeholder content, and the rest is read again, its problems removed one by one.
//! Only structural problems are reported this way; lint runs once the file reads.

use crate::diagnostic::Diagnostic;
use crate::form::definition::{Choice, Field, Form};
use crate::json::read_json;
use serde_json::{json, Value};

/// At most this many problems outside questions are looked for (each needs a reread).
const MAX_ROUNDS: usize = 20;

/// Every structural problem of `json`, which did not read as a form (`first` says why). A
/// file that is not JSON has only `first`.
pub(super) fn problems(json: &str, first: Diagnostic) -> Vec<Diagnostic> {
    let Ok(mut value) = serde_json::from_str::<Value>(json) else { return vec![first] };
    // Parts are read again from `Value`, whose keys are sorted: the reading's own first
    // problem, found in the file's order of keys, stays as it was found, first.
    let mut found = vec![first];
    if let Some(pages) = value.get_mut("pages").and_then(Value::as_array_mut) {
        for (p, page) in pages.iter_mut().enumerate() {
            if let Some(fields) = page.get_mut("fields").and_then(Value::as_array_mut) {
                set_aside(fields, &format!("/pages/{p}/fields"), &mut found);
            }
        }
    }
    // The rest: each problem found is removed (an unknown or wrong key) and the file read
    // again, until it reads or a problem cannot be removed.
    let mut removed: Vec<String> = Vec::new();
    for _ in 0..MAX_ROUNDS {
        let Err(problem) = read_json::<Form>(&value.to_string()) else { break };
        // A key this pass removed is now missing: not a problem of the file.
        let cascade = problem.message.starts_with("missing field")
            && removed.iter().any(|r| is_within(r, &problem.pointer));
        if cascade {
            break;
        }
        let pointer = problem.pointer.clone();
        if !found.iter().any(|d| d.pointer == pointer) {
            found.push(problem);
        }
        if pointer.is_empty() || !remove(&mut value, &pointer) {
            break;
        }
        removed.push(pointer);
    }
    found
}

/// Whether `pointer` is `part` or inside it.
fn is_within(pointer: &str, part: &str) -> bool {
    pointer.strip_prefix(part).is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
}

/// Reads each of `fields` alone (a group's questions and each option first), reporting and
/// replacing the ones that do not fit.
fn set_aside(fields: &mut [Value], at: &str, found: &mut Vec<Diagnostic>) {
    for (f, field) in fields.iter_mut().enumerate() {
        let here = format!("{at}/{f}");
        if let Some(inner) = field.get_mut("fields").and_then(Value::as_array_mut) {
            set_aside(inner, &format!("{here}/fields"), found);
        }
        if let Some(options) = field.get_mut("options").and_then(Value::as_array_mut) {
            for (o, option) in options.iter_mut().enumerate() {
                if let Err(problem) = read_json::<Choice>(&option.to_string()) {
                    note(found, within(problem, &format!("{here}/options/{o}")));
                    *option = json!({"value": format!("_set_aside_{o}"), "label": ""});
                }
            }
        }
        if let Err(problem) = read_json::<Field>(&field.to_string()) {
            note(found, within(problem, &here));
            let id = field
                .get("id")
                .and_then(Value::as_str)
                .map_or_else(|| format!("set_aside_{f}"), str::to_string);
            *field = json!({"id": id, "type": "content", "label": "", "body": ""});
        }
    }
}

/// Adds a problem of a question read alone, unless the reading's first problem (`found[0]`)
/// is already about that question: that one was found in the file's order of keys.
fn note(found: &mut Vec<Diagnostic>, problem: Diagnostic) {
    let question = question_of(&problem.pointer);
    if !found.iter().any(|d| question_of(&d.pointer) == question) {
        found.push(problem);
    }
}

/// The pointer of the innermost question or option a pointer is in (`/pages/0/fields/2`).
fn question_of(pointer: &str) -> &str {
    let (mut end, mut at, mut container) = (0, 0, false);
    for token in pointer.split('/').skip(1) {
        at += 1 + token.len();
        if container && token.parse::<usize>().is_ok() {
            end = at;
        }
        container = matches!(token, "fields" | "options");
    }
    pointer.get(..end).unwrap_or(pointer)
}

/// `problem`, found in a part of the file read alone, at its pointer in the whole file.
fn within(problem: Diagnostic, at: &str) -> Diagnostic {
    Diagnostic { pointer: format!("{at}{}", problem.pointer), ..problem }
}

/// Removes the value at `pointer` (a key of an object; an item of an array is left, as
/// removing it would renumber the rest). False when there is nothing to remove.
fn remove(value: &mut Value, pointer: &str) -> bool {
    let Some((parent, last)) = pointer.rsplit_once('/') else { return false };
    let key = last.replace("~1", "/").replace("~0", "~");
    match value.pointer_mut(parent) {
        Some(Value::Object(map)) => map.remove(&key).is_some(),
        _ => false,
    }
}
