//! Reading a published definition: syntax, shape, then lint and compilation, reporting every
//! problem found with the JSON pointer at fault. `check` lints the shape (ids, translations,
//! field settings, submission settings), `compile` the logic (conditions, computed values,
//! routes, rules); both report through one `Linter`.

mod check;
mod compile;
mod linter;
mod tolerant;

use crate::diagnostic::Diagnostic;
use crate::form::definition::Form;
use crate::form::model::FormModel;
use crate::formats::Date;
use crate::json::read_json;
use crate::logic::Logic;
use linter::Linter;
use std::collections::HashMap;

/// Parses, lints and compiles a form definition. `today` is what "today" means in date rules
/// and conditions (the engine has no clock; see [`FormModel::set_today`]).
///
/// Returns the model whenever the JSON has the right shape — possibly with errors, which a
/// preview may still show — and every problem found, each with the JSON pointer at fault.
/// Callers must not put a model with errors in front of citizens. A form that names reference
/// lists (`options_from`) is loaded with them through [`crate::FormLoad`].
pub fn load_form(json: &str, today: Date) -> (Option<FormModel>, Vec<Diagnostic>) {
    let mut problems = Vec::new();
    let Some(form) = parse(json, &mut problems) else { return (None, problems) };
    // Piping is looked for only in a file that could have some: the check walks every text.
    // (A pipe written with `\u007b` escapes goes unchecked; it is filled in, escaped, as any.)
    let model = build(form, today, json.contains("{{"), &mut problems);
    (Some(model), problems)
}

fn parse(json: &str, problems: &mut Vec<Diagnostic>) -> Option<Form> {
    read_json(json).map_err(|first| problems.extend(tolerant::problems(json, first))).ok()
}

/// Lints and compiles one definition, collecting every problem with its pointer.
fn build(form: Form, today: Date, may_pipe: bool, problems: &mut Vec<Diagnostic>) -> FormModel {
    let logic = Logic::new(today);
    let (fields, pages, rules) = {
        let mut lint = Linter { form: &form, logic: &logic, problems, fields: HashMap::new() };
        lint.metadata();
        lint.collect_ids();
        if may_pipe {
            lint.piping();
        }
        let fields = lint.fields_nodes();
        let pages = lint.page_nodes(&fields);
        let rules = lint.rule_nodes(&fields);
        lint.reachability(&pages);
        lint.submission();
        lint.outcome_actions();
        (fields, pages, rules)
    };
    let index: HashMap<String, usize> =
        form.fields().enumerate().map(|(i, (_, f))| (f.id.clone(), i)).collect();
    let reveals = crate::form::model::reveals(&form, &index);
    FormModel { form, logic, fields, index, pages, rules, reveals, lists: Default::default() }
}
