//! Reference lists (`options_from`): which lists a definition names, the lint of each list
//! file, and loading a form together with its lists. The engine does no IO, so loading takes
//! three steps and the caller does the middle one: [`FormLoad::new`] reads the definition,
//! the caller reads or fetches [`list_file`] for each of [`FormLoad::list_names`], and
//! [`FormLoad::finish`] lints what was found and gives it to the model. The app (which
//! fetches), the receiver and the CLI (which read files) all load forms this way.
//!
//! ```
//! use onewindow_engine::{formats::Date, list_file, FormLoad};
//! let form = r#"{"schema_version":1,"id":"demo","version":"1","title":"Demo",
//!   "locales":["en"],"pages":[{"id":"p","fields":[
//!   {"id":"group","type":"select","label":"Group","options_from":"groups"}]}]}"#;
//! let load = FormLoad::new(form, Date::new(2026, 1, 31).unwrap());
//! assert_eq!(load.list_names(), ["groups"]);
//! assert_eq!(list_file("groups"), "data/groups.json"); // beside the definition
//! let text = r#"{"options": [{"value": "01", "label": "Han"}]}"#.to_string();
//! let (model, problems) = load.finish(&[("groups".to_string(), Ok(text))]);
//! assert!(problems.is_empty());
//! assert_eq!(model.unwrap().list("groups")[0].value, "01");
//! ```

use crate::diagnostic::{escape_token, Diagnostic};
use crate::form::definition::{is_list_name, Choice, FieldKind, Form};
use crate::form::load::load_form;
use crate::form::model::FormModel;
use crate::formats::Date;
use serde_json::Value;
use std::collections::HashSet;

/// Where reference list `name` is published, relative to the definitions: `data/<name>.json`.
pub fn list_file(name: &str) -> String {
    format!("data/{name}.json")
}

/// The list file a problem from [`FormLoad::finish`] is in, and the JSON pointer inside that
/// file: `Some(("data/groups.json", "/options/1/value"))` for the pointer
/// `data/groups.json#/options/1/value`; `None` for a problem in the definition itself (whose
/// pointers start with `/`, or are empty).
pub fn in_list_file(pointer: &str) -> Option<(&str, &str)> {
    let (file, inside) = pointer.split_once('#')?;
    (file.starts_with("data/") && file.ends_with(".json")).then_some((file, inside))
}

/// A definition read, linted and compiled, waiting for the reference lists it names (see the
/// module's documentation for the three steps).
#[derive(Debug)]
pub struct FormLoad {
    model: Option<FormModel>,
    problems: Vec<Diagnostic>,
}

impl FormLoad {
    /// Parses, lints and compiles the definition, as [`crate::load_form`] does.
    pub fn new(json: &str, today: Date) -> FormLoad {
        let (model, problems) = load_form(json, today);
        FormLoad { model, problems }
    }

    /// The lists to read or fetch, as [`Form::list_names`]; none when the definition could
    /// not be read.
    pub fn list_names(&self) -> Vec<String> {
        self.model.as_ref().map(|model| model.form().list_names()).unwrap_or_default()
    }

    /// Lints the lists the caller found and gives them to the model. `lists` holds, for each
    /// name looked for, the list file's text, or why it could not be read; a name left out is
    /// a list that does not exist.
    ///
    /// Returns the model whenever the definition has the shape of a form (possibly with
    /// errors, which a preview may still show; callers must not put a model with errors in
    /// front of citizens) and every problem: the definition's; then, at each `options_from`
    /// naming a list left out, that it is missing; then each list file's own, with pointers
    /// `data/<name>.json#/…` ([`in_list_file`] splits them): a file that could not be read
    /// or is not a list, unknown fields, options that are not options or appear twice, and
    /// labels and hints without a translation the form needs.
    pub fn finish(
        self,
        lists: &[(String, Result<String, String>)],
    ) -> (Option<FormModel>, Vec<Diagnostic>) {
        let FormLoad { model, mut problems } = self;
        let Some(mut model) = model else { return (None, problems) };
        let found = |name: &str| lists.iter().find(|(n, _)| n == name).map(|(_, text)| text);
        for (name, at) in list_uses(model.form()) {
            if is_list_name(&name) && found(&name).is_none() {
                let message = format!(
                    "the reference list \"{name}\" is missing: there is no {} next to the form",
                    list_file(&name)
                );
                problems.push(Diagnostic::error(at, message));
            }
        }
        for name in model.form().list_names() {
            let file = list_file(&name);
            let in_file =
                |d: Diagnostic| Diagnostic { pointer: format!("{file}#{}", d.pointer), ..d };
            match found(&name) {
                None => {}
                Some(Err(why)) => problems.push(in_file(Diagnostic::error("", why.as_str()))),
                Some(Ok(text)) => {
                    let (options, list_problems) = lint_list(text, model.form());
                    problems.extend(list_problems.into_iter().map(in_file));
                    if let Some(options) = options {
                        model.provide_list(&name, options);
                    }
                }
            }
        }
        (Some(model), problems)
    }
}

impl Form {
    /// The reference lists this definition names with `options_from` (questions in groups
    /// included), each once, in the order of first use. Only names that can be a file name
    /// (letters, digits, `-` and `_`): the definition's lint reports the others, and they
    /// never reach a caller's path.
    pub fn list_names(&self) -> Vec<String> {
        let mut names: Vec<String> = Vec::new();
        for (name, _) in list_uses(self) {
            if is_list_name(&name) && !names.contains(&name) {
                names.push(name);
            }
        }
        names
    }
}

/// Every `options_from` in the form with its pointer, in document order.
fn list_uses(form: &Form) -> Vec<(String, String)> {
    let mut uses = Vec::new();
    form.each_field(|field, at| {
        if let FieldKind::Select { options_from: Some(name), .. } = &field.kind {
            uses.push((name.clone(), format!("{at}/options_from")));
        }
    });
    uses
}

/// A list file's options and its problems, pointers inside the file: its shape, then every
/// label and hint without a translation `form` is published in.
fn lint_list(json: &str, form: &Form) -> (Option<Vec<Choice>>, Vec<Diagnostic>) {
    let (options, mut problems) = parse_list(json);
    for (o, option) in options.iter().flatten().enumerate() {
        let texts = std::iter::once(("label", &option.label))
            .chain(option.hint.as_ref().map(|hint| ("hint", hint)));
        for (part, text) in texts {
            for locale in form.locales.iter().filter(|locale| !text.has(locale)) {
                problems.push(Diagnostic::error(
                    format!("/options/{o}/{part}/{}", escape_token(locale)),
                    format!(
                        "missing the {locale} translation (form \"{}\" is published in {locale})",
                        form.id
                    ),
                ));
            }
        }
    }
    (options, problems)
}

/// A reference list file, `{"description"?, "options": [{"value", "label", "hint"?}, …]}`
/// (the format's [`crate::ReferenceList`]): the options that could be read (none when the
/// file is not a list at all) and every problem with its JSON pointer.
fn parse_list(json: &str) -> (Option<Vec<Choice>>, Vec<Diagnostic>) {
    let value: Value = match serde_json::from_str(json) {
        Ok(value) => value,
        Err(e) => {
            return (None, vec![Diagnostic::error("", format!("the file is not valid JSON: {e}"))])
        }
    };
    let Some(object) = value.as_object() else {
        return (
            None,
            vec![Diagnostic::error("", "a reference list is an object: {\"options\": [...]}")],
        );
    };
    let mut problems = Vec::new();
    for (key, value) in object {
        match key.as_str() {
            "options" => {}
            "description" if value.is_string() => {}
            "description" => problems.push(Diagnostic::error("/description", "the description is a string, for the people who maintain the list")),
            _ => problems.push(Diagnostic::error(
                format!("/{}", escape_token(key)),
                format!("unknown field \"{key}\"; a reference list has only \"options\" and a \"description\""),
            )),
        }
    }
    let Some(items) = object.get("options").and_then(Value::as_array) else {
        problems.push(Diagnostic::error(
            "/options",
            "\"options\" must be a list of {\"value\", \"label\"}",
        ));
        return (None, problems);
    };
    let mut options = Vec::new();
    let mut values = HashSet::new();
    for (i, item) in items.iter().enumerate() {
        match serde_json::from_value::<Choice>(item.clone()) {
            Ok(choice) => {
                if choice.visible_if.is_some() {
                    problems.push(Diagnostic::error(
                        format!("/options/{i}/visible_if"),
                        "a reference list's options are all offered: visible_if works on a question's own options",
                    ));
                }
                if !values.insert(choice.value.clone()) {
                    problems.push(Diagnostic::error(
                        format!("/options/{i}/value"),
                        format!("option value \"{}\" appears twice", choice.value),
                    ));
                }
                options.push(choice);
            }
            Err(e) => problems.push(Diagnostic::error(format!("/options/{i}"), e.to_string())),
        }
    }
    if items.is_empty() {
        problems.push(Diagnostic::error("/options", "the list has no options"));
    }
    (Some(options), problems)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TODAY: Date = Date { year: 2026, month: 1, day: 31 };

    /// A form in English and Chinese whose selects name `lists` (a name per field).
    fn form(lists: &[&str]) -> String {
        let fields: Vec<String> = lists
            .iter()
            .enumerate()
            .map(|(i, name)| {
                format!(r#"{{"id":"q{i}","type":"select","label":{{"en":"Q","zh-CN":"问"}},"options_from":"{name}"}}"#)
            })
            .collect();
        format!(
            r#"{{"schema_version":1,"id":"demo","version":"1","title":{{"en":"Demo","zh-CN":"示例"}},
              "locales":["en","zh-CN"],"pages":[{{"id":"p","fields":[{}]}}]}}"#,
            fields.join(",")
        )
    }

    const HAN: &str = r#"{"options": [{"value": "01", "label": {"en": "Han", "zh-CN": "汉族"}}]}"#;

    fn found(name: &str, text: &str) -> (String, Result<String, String>) {
        (name.to_string(), Ok(text.to_string()))
    }

    fn pointers(problems: &[Diagnostic]) -> Vec<&str> {
        problems.iter().map(|p| p.pointer.as_str()).collect()
    }

    #[test]
    fn a_list_s_problems_are_reported_with_pointers_into_its_file() {
        let load = FormLoad::new(&form(&["groups"]), TODAY);
        let list = r#"{"options": [{"value": "1", "label": {"en": "One"}},
            {"value": "1", "label": {"en": "Uno", "zh-CN": "一"}}, {"label": "C"}], "x": 1}"#;
        let (model, problems) = load.finish(&[found("groups", list)]);
        assert_eq!(
            pointers(&problems),
            [
                "data/groups.json#/x",
                "data/groups.json#/options/1/value",
                "data/groups.json#/options/2",
                "data/groups.json#/options/0/label/zh-CN",
            ]
        );
        assert!(problems.iter().all(Diagnostic::is_error));
        assert_eq!(problems[1].message, "option value \"1\" appears twice");
        assert_eq!(
            problems[3].message,
            "missing the zh-CN translation (form \"demo\" is published in zh-CN)"
        );
        assert_eq!(
            in_list_file(&problems[3].pointer),
            Some(("data/groups.json", "/options/0/label/zh-CN"))
        );
        // What could be read is given to the model (a preview may still show it).
        assert_eq!(model.unwrap().list("groups").len(), 2);
    }

    #[test]
    fn a_file_that_is_not_a_list_is_one_problem_at_its_root() {
        for text in ["not JSON", "[]"] {
            let (model, problems) =
                FormLoad::new(&form(&["groups"]), TODAY).finish(&[found("groups", text)]);
            assert_eq!(pointers(&problems), ["data/groups.json#"], "{text}");
            assert_eq!(in_list_file(&problems[0].pointer), Some(("data/groups.json", "")));
            assert!(model.unwrap().list("groups").is_empty());
        }
        let (_, problems) = FormLoad::new(&form(&["groups"]), TODAY)
            .finish(&[found("groups", r#"{"options": []}"#)]);
        assert_eq!(problems[0].message, "the list has no options");
    }

    #[test]
    fn a_missing_list_is_reported_where_the_form_names_it() {
        let load = FormLoad::new(&form(&["groups", "groups"]), TODAY);
        let (model, problems) = load.finish(&[]);
        assert_eq!(
            pointers(&problems),
            ["/pages/0/fields/0/options_from", "/pages/0/fields/1/options_from"]
        );
        assert!(problems[0].message.contains("there is no data/groups.json next to the form"));
        assert_eq!(in_list_file(&problems[0].pointer), None);
        assert!(model.is_some());

        // A list the caller could not read is a problem in that file, in the caller's words.
        let load = FormLoad::new(&form(&["groups"]), TODAY);
        let (_, problems) = load.finish(&[("groups".into(), Err("HTTP 503".into()))]);
        assert_eq!(problems, [Diagnostic::error("data/groups.json#", "HTTP 503")]);
    }

    #[test]
    fn a_form_with_two_lists_gets_both_and_asks_for_each_once() {
        let json = form(&["ethnic-groups", "regions", "ethnic-groups"]);
        let load = FormLoad::new(&json, TODAY);
        assert_eq!(load.list_names(), ["ethnic-groups", "regions"]);
        let regions = r#"{"description": "GB/T 2260", "options": [
            {"value": "110000", "label": {"en": "Beijing", "zh-CN": "北京市"}},
            {"value": "310000", "label": {"en": "Shanghai", "zh-CN": "上海市"}}]}"#;
        let (model, problems) =
            load.finish(&[found("regions", regions), found("ethnic-groups", HAN)]);
        assert_eq!(problems, []);
        let model = model.unwrap();
        assert_eq!(model.list("ethnic-groups")[0].value, "01");
        assert_eq!(model.list("regions")[1].value, "310000");
        // The lists decide which answers are accepted.
        assert!(model.list_has("regions", "110000"));
        assert!(!model.list_has("regions", "01"));
    }

    #[test]
    fn lists_in_groups_are_named_and_bad_names_never_are() {
        let json = r#"{"schema_version":1,"id":"demo","version":"1","title":"Demo","locales":["en"],
          "pages":[{"id":"p","fields":[
            {"id":"bad","type":"select","label":"B","options_from":"../secrets"},
            {"id":"people","type":"group","label":"People","fields":[
              {"id":"group","type":"select","label":"G","options_from":"groups"}]}]}]}"#;
        let load = FormLoad::new(json, TODAY);
        assert_eq!(load.list_names(), ["groups"]);
        let (_, problems) = load.finish(&[]);
        assert_eq!(
            pointers(&problems),
            ["/pages/0/fields/0/options_from", "/pages/0/fields/1/fields/0/options_from"]
        );
        assert!(problems[0].message.contains("must name a list"));
    }

    #[test]
    fn a_definition_that_cannot_be_read_names_no_lists() {
        let load = FormLoad::new("{", TODAY);
        assert!(load.list_names().is_empty());
        let (model, problems) = load.finish(&[found("groups", HAN)]);
        assert!(model.is_none());
        assert_eq!(problems.len(), 1);
    }

    #[test]
    fn reference_lists_report_every_problem() {
        let (options, problems) = parse_list(r#"{"options":[{"value":"01","label":"Han"}]}"#);
        assert_eq!((options.unwrap().len(), problems.len()), (1, 0));
        let (options, problems) = parse_list(
            r#"{"options":[{"value":"01","label":"A"},{"value":"01","label":"B"},{"label":"C"}],"x":1}"#,
        );
        assert_eq!(options.unwrap().len(), 2);
        assert_eq!(pointers(&problems), ["/x", "/options/1/value", "/options/2"]);
        let (options, problems) = parse_list("[");
        assert!(options.is_none());
        assert_eq!(problems[0].pointer, "");
    }

    /// Every shipped definition loads with its shipped lists without a problem.
    #[test]
    fn the_shipped_forms_load_with_their_lists() {
        let forms = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../forms"));
        let mut loaded = 0;
        for entry in std::fs::read_dir(forms).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            if !name.ends_with(".json")
                || name.ends_with(".examples.json")
                || ["dictionary.json", "catalog.json"].contains(&name.as_str())
            {
                continue;
            }
            let load = FormLoad::new(&std::fs::read_to_string(&path).unwrap(), TODAY);
            let lists: Vec<_> = load
                .list_names()
                .into_iter()
                .map(|list| {
                    let text = std::fs::read_to_string(forms.join(list_file(&list)));
                    (list, text.map_err(|e| e.to_string()))
                })
                .collect();
            let (model, problems) = load.finish(&lists);
            assert_eq!(problems, [], "{name}");
            let model = model.unwrap();
            for (list, _) in &lists {
                assert!(!model.list(list).is_empty(), "{name}: {list}");
            }
            loaded += 1;
        }
        assert!(loaded >= 4, "{loaded}");
    }
}
