//! A loaded form: the definition plus its compiled expressions, and the evaluation of a set of
//! answers against it (which pages are on the path, which questions are visible, computed
//! values).

use crate::form::answers::{Answer, Answers};
use crate::form::definition::Choice;
use crate::form::definition::{Field, FieldKind, Form, PhoneRegion};
use crate::formats::{self, Date};
use crate::logic::{Compiled, Logic};
use serde_json::Value;
use std::borrow::Cow;
use std::collections::HashMap;
use std::ops::Range;

/// Where a page's routing leads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Target {
    Page(usize),
    Outcome(usize),
    CheckAnswers,
}

pub(crate) struct FieldNode {
    pub page: usize,
    pub index_in_page: usize,
    pub visible_if: Option<Compiled>,
    pub required_if: Option<Compiled>,
    pub computed: Option<Compiled>,
    pub fill_once: Option<Compiled>,
    /// The `visible_if` of its inline options, by option index.
    pub options_visible_if: Vec<(usize, Compiled)>,
    /// Whether any of its own texts inserts an answer (`{{id}}`).
    pub piped: bool,
}

pub(crate) struct PageNode {
    pub visible_if: Option<Compiled>,
    pub routes: Vec<(Option<Compiled>, Target)>,
    pub fields: Range<usize>,
}

pub(crate) struct RuleNode {
    pub rule: usize,
    pub assertion: Compiled,
    pub field: usize,
}

/// A form ready to evaluate answers: the definition and its compiled logic.
/// Built by [`crate::load_form`]; cheap to share behind an `Rc`/`Arc`.
pub struct FormModel {
    pub(crate) form: Form,
    pub(crate) logic: Logic,
    pub(crate) fields: Vec<FieldNode>,
    pub(crate) index: HashMap<String, usize>,
    pub(crate) pages: Vec<PageNode>,
    pub(crate) rules: Vec<RuleNode>,
    /// For each top-level field shown only for one option of a choice just above it on the
    /// same page: that choice's field index and the option (a GOV.UK conditional reveal).
    pub(crate) reveals: Vec<Option<(usize, String)>>,
    /// Reference lists named by `options_from`, as the caller provided them.
    pub(crate) lists: HashMap<String, Vec<Choice>>,
}

impl std::fmt::Debug for FormModel {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FormModel")
            .field("id", &self.form.id)
            .field("version", &self.form.version)
            .finish()
    }
}

/// How the path through the form ends.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum End {
    /// At "check your answers", ready to submit once every page is valid.
    CheckAnswers,
    /// At an outcome page (index into `form.outcomes`): the journey stops there.
    Outcome(usize),
}

/// What a set of answers means for the form: the pages the citizen goes through, the
/// questions they see, and the values conditions work with.
#[derive(Clone, Debug, PartialEq)]
pub struct Evaluation {
    /// Indexes of the pages on the path, in order.
    pub path: Vec<usize>,
    /// Where the path ends.
    pub end: End,
    visible: Vec<bool>,
    required: Vec<bool>,
    values: Vec<Option<Value>>,
    /// The values of the options hidden now (their `visible_if` does not hold), by top-level
    /// field index; only fields with some.
    hidden_options: Vec<(usize, Vec<String>)>,
}

impl FormModel {
    /// The definition as published.
    pub fn form(&self) -> &Form {
        &self.form
    }

    /// The date "today" means in conditions and date rules.
    pub fn today(&self) -> Date {
        self.logic.today()
    }

    /// The date, in the form's time zone, at the instant `unix_seconds`: what "today" is for
    /// an application made then.
    pub fn today_at(&self, unix_seconds: i64) -> Date {
        self.form.time_zone().date_at(unix_seconds)
    }

    /// Changes what "today" means (e.g. when a journey runs past midnight).
    pub fn set_today(&self, today: Date) {
        self.logic.set_today(today);
    }

    /// The field with `id` (top level, not inside a group) and its page index.
    pub fn field(&self, id: &str) -> Option<(usize, &Field)> {
        let node = self.fields.get(*self.index.get(id)?)?;
        Some((node.page, self.form.pages.get(node.page)?.fields.get(node.index_in_page)?))
    }

    /// When question `id` belongs under one option of a choice on its page (it is shown only
    /// while that option is chosen, and directly follows the choice), the choice's id and the
    /// option's value: the page shows it nested under that option, as GOV.UK's conditional
    /// reveals do. Screen readers meet the follow-up right after the option that revealed it.
    pub fn revealed_by(&self, id: &str) -> Option<(&str, &str)> {
        let (controller, option) = self.reveals.get(*self.index.get(id)?)?.as_ref()?;
        Some((self.field_at(*controller).id.as_str(), option.as_str()))
    }

    /// Replaces the form's submission settings (the host page's overrides laid over them).
    pub fn set_submission(&mut self, settings: crate::form::definition::SubmissionSettings) {
        self.form.submission = Some(settings);
    }

    /// Every top-level field with its index.
    pub(crate) fn top_fields(&self) -> impl Iterator<Item = (usize, &Field)> {
        (0..self.fields.len()).map(|i| (i, self.field_at(i)))
    }

    // `fields`, and an evaluation's `values`, `visible` and `required`, have one entry per
    // top-level field, and each node's page and place were taken from this form when it was
    // compiled: these indexes are in bounds by construction.
    #[allow(clippy::indexing_slicing)]
    pub(crate) fn field_at(&self, i: usize) -> &Field {
        let node = &self.fields[i];
        &self.form.pages[node.page].fields[node.index_in_page]
    }

    /// The index of the page with `id`.
    pub fn page_index(&self, id: &str) -> Option<usize> {
        self.form.pages.iter().position(|p| p.id == id)
    }

    /// Provides the reference list `name` (from `forms/data/<name>.json`), as
    /// [`crate::FormLoad`] does after linting it. Until it is provided, answers are only
    /// checked to look like a code, and shown as the code.
    pub(crate) fn provide_list(&mut self, name: &str, options: Vec<Choice>) {
        self.lists.insert(name.to_string(), options);
    }

    /// Whether `value` is in list `name` (or, while the list is not provided, looks like a
    /// list code: 1–32 letters, digits, `-`, `_` or `.`).
    pub(crate) fn list_has(&self, name: &str, value: &str) -> bool {
        match self.lists.get(name) {
            Some(options) => options.iter().any(|o| o.value == value),
            None => {
                (1..=32).contains(&value.len())
                    && value
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
            }
        }
    }

    /// The options of list `name` as provided (empty until then).
    pub fn list(&self, name: &str) -> Vec<Choice> {
        self.lists.get(name).cloned().unwrap_or_default()
    }

    /// The label of `value` in list `name`, once the list is provided.
    pub(crate) fn list_label(&self, name: &str, value: &str, locale: &str) -> Option<String> {
        let option = self.lists.get(name)?.iter().find(|o| o.value == value)?;
        Some(self.form.text(&option.label, locale).to_string())
    }

    /// Whether question `id` needs an answer now (`required`, or `required_if` holding).
    pub fn is_required(&self, evaluation: &Evaluation, id: &str) -> bool {
        self.index.get(id).is_some_and(|&i| evaluation.is_required_at(i))
    }

    /// The heading of page `page`: its title, else its only visible question's label, else
    /// the form's title.
    pub fn page_heading(&self, evaluation: &Evaluation, page: usize, locale: &str) -> String {
        let Some(definition) = self.form.pages.get(page) else { return String::new() };
        if let Some(title) = &definition.title {
            return self.piped_text(evaluation, title, locale, false);
        }
        // A follow-up revealed under an option belongs to its question, not to the page.
        let mut visible = definition
            .fields
            .iter()
            .filter(|f| evaluation.is_visible(self, &f.id) && self.revealed_by(&f.id).is_none());
        match (visible.next(), visible.next()) {
            (Some(only), None) => self.piped_text(evaluation, &only.label, locale, false),
            _ => self.form.text(&self.form.title, locale).to_string(),
        }
    }

    /// Works out the path, visibility and computed values for `answers`.
    ///
    /// Conditions see only answers to questions that are visible and on the path: a hidden
    /// question's answer is as if never given. Conditions may read only earlier questions
    /// (lint enforces it), so one pass in document order is enough.
    // `fields`, and an evaluation's `values`, `visible` and `required`, have one entry per
    // top-level field, and each node's page and place were taken from this form when it was
    // compiled: these indexes are in bounds by construction.
    #[allow(clippy::indexing_slicing)]
    pub fn evaluate(&self, answers: &Answers) -> Evaluation {
        let n = self.fields.len();
        let mut visible = vec![false; n];
        let mut required = vec![false; n];
        let mut values: Vec<Option<Value>> = vec![None; n];
        let mut path = Vec::new();
        let mut hidden_options = Vec::new();
        let mut end = End::CheckAnswers;
        let mut page = 0;
        while let Some(node) = self.pages.get(page) {
            if let Some(condition) = &node.visible_if {
                if !self.holds(condition, &values) {
                    page += 1;
                    continue;
                }
            }
            path.push(page);
            for i in node.fields.clone() {
                let field_node = &self.fields[i];
                let shown = field_node.visible_if.as_ref().is_none_or(|c| self.holds(c, &values));
                visible[i] = shown;
                if !shown {
                    continue;
                }
                let field = self.field_at(i);
                required[i] = match &field_node.required_if {
                    Some(condition) => self.holds(condition, &values),
                    None => field.required,
                };
                let mut hidden: Vec<String> = field_node
                    .options_visible_if
                    .iter()
                    .filter(|(_, condition)| !self.holds(condition, &values))
                    .filter_map(|(o, _)| field.kind.options().get(*o).map(|c| c.value.clone()))
                    .collect();
                // A keyed select's answer counts only under the key answered now (only the
                // chosen value is looked at: a list may have thousands).
                if let FieldKind::Select { options_key: Some(key), .. } = &field.kind {
                    let key = self.index.get(key).and_then(|&k| values.get(k)?.as_ref());
                    if let Some(chosen) = answers.get(&field.id).and_then(Value::as_str) {
                        if !self
                            .option_of(field, chosen.trim())
                            .is_some_and(|o| keyed_under(o, key))
                        {
                            hidden.push(chosen.to_string());
                        }
                    }
                }
                let answer = without_hidden(answers.get(&field.id), &hidden);
                if !hidden.is_empty() {
                    hidden_options.push((i, hidden));
                }
                values[i] = match &field_node.computed {
                    Some(expression) => {
                        Some(self.eval(expression, &values)).filter(|v| !v.is_null())
                    }
                    None => typed_value(field, answer.as_deref()),
                };
            }
            let target = node
                .routes
                .iter()
                .find(|(condition, _)| condition.as_ref().is_none_or(|c| self.holds(c, &values)))
                .map(|(_, target)| *target);
            match target {
                None => page += 1,
                // Lint allows only forward jumps; a backward one is treated as "next" so a
                // broken definition can never loop.
                Some(Target::Page(to)) => page = if to > page { to } else { page + 1 },
                Some(Target::Outcome(outcome)) => {
                    end = End::Outcome(outcome);
                    break;
                }
                Some(Target::CheckAnswers) => break,
            }
        }
        Evaluation { path, end, visible, required, values, hidden_options }
    }

    fn holds(&self, compiled: &Compiled, values: &[Option<Value>]) -> bool {
        self.logic
            .holds(compiled, |name| self.index.get(name).and_then(|&i| values.get(i)?.as_ref()))
    }

    fn eval(&self, compiled: &Compiled, values: &[Option<Value>]) -> Value {
        self.logic
            .eval(compiled, |name| self.index.get(name).and_then(|&i| values.get(i)?.as_ref()))
    }

    /// The option `value` of a select, radios or checkboxes question, inline or in its list.
    fn option_of<'a>(&'a self, field: &'a Field, value: &str) -> Option<&'a Choice> {
        let inline = field.kind.options().iter().find(|o| o.value == value);
        match &field.kind {
            FieldKind::Select { options_from: Some(list), .. } if inline.is_none() => {
                self.lists.get(list)?.iter().find(|o| o.value == value)
            }
            _ => inline,
        }
    }

    /// For a select with `options_key`: the options offered under the key question's answer
    /// now (inline or from its list); None for any other question.
    pub fn offered_options(&self, evaluation: &Evaluation, field: &Field) -> Option<Vec<Choice>> {
        let FieldKind::Select { options, options_from, options_key: Some(key) } = &field.kind
        else {
            return None;
        };
        let key = evaluation.value(self, key);
        let source = match options_from {
            Some(list) if options.is_empty() => {
                self.lists.get(list).map(Vec::as_slice).unwrap_or(&[])
            }
            _ => options.as_slice(),
        };
        Some(source.iter().filter(|o| keyed_under(o, key)).cloned().collect())
    }

    /// Whether top-level field `i` is about the person filling in the form, for these answers.
    pub(crate) fn is_fill_once(&self, i: usize, evaluation: &Evaluation) -> bool {
        self.fields
            .get(i)
            .and_then(|node| node.fill_once.as_ref())
            .is_some_and(|c| self.holds(c, &evaluation.values))
    }

    pub(crate) fn rule_holds(&self, rule: &RuleNode, evaluation: &Evaluation) -> bool {
        self.holds(&rule.assertion, &evaluation.values)
    }
}

impl Evaluation {
    pub(crate) fn is_visible_at(&self, i: usize) -> bool {
        self.visible.get(i).copied().unwrap_or(false)
    }

    pub(crate) fn is_required_at(&self, i: usize) -> bool {
        self.required.get(i).copied().unwrap_or(false)
    }

    /// Whether question `id` is shown (its page is on the path and its condition holds).
    pub fn is_visible(&self, model: &FormModel, id: &str) -> bool {
        model.index.get(id).is_some_and(|&i| self.is_visible_at(i))
    }

    /// The value conditions see for `id`: typed (numbers as numbers, dates as `YYYY-MM-DD`),
    /// computed for computed fields, absent when hidden or unanswered.
    pub fn value<'a>(&'a self, model: &FormModel, id: &str) -> Option<&'a Value> {
        self.values.get(*model.index.get(id)?)?.as_ref()
    }

    /// The values of question `id`'s options that are hidden now (their `visible_if` does not
    /// hold): not to be shown, nor chosen.
    pub fn hidden_options(&self, model: &FormModel, id: &str) -> &[String] {
        let Some(&i) = model.index.get(id) else { return &[] };
        self.hidden_options_at(i)
    }

    pub(crate) fn hidden_options_at(&self, i: usize) -> &[String] {
        self.hidden_options.iter().find(|(f, _)| *f == i).map_or(&[], |(_, h)| h.as_slice())
    }

    /// The answer to top-level question `i` that counts: without options hidden now (an
    /// answer naming only hidden ones is as if not given).
    pub(crate) fn answer_at<'a>(
        &self,
        model: &FormModel,
        i: usize,
        answers: &'a Answers,
    ) -> Option<Cow<'a, Answer>> {
        without_hidden(answers.get(&model.field_at(i).id), self.hidden_options_at(i))
    }

    /// Only the answers that count: visible questions on the path, without options hidden
    /// now. Hidden questions' answers never leave the device.
    pub fn visible_answers(&self, model: &FormModel, answers: &Answers) -> Answers {
        let mut kept = Answers::default();
        for i in 0..model.fields.len() {
            let field = model.field_at(i);
            if self.is_visible_at(i) && field.kind.is_question() {
                if let Some(answer) = self.answer_at(model, i, answers) {
                    kept.set(field.id.clone(), answer.into_owned());
                }
            }
        }
        kept
    }

    /// The computed values of visible computed fields, by field id.
    pub fn computed_values(&self, model: &FormModel) -> Answers {
        let mut computed = Answers::default();
        for (i, node) in model.fields.iter().enumerate() {
            if node.computed.is_some() {
                if let Some(Some(value)) = self.values.get(i) {
                    computed.set(model.field_at(i).id.clone(), value.clone());
                }
            }
        }
        computed
    }
}

/// The value JSON Logic sees for an answer: trimmed text, parsed numbers, ISO dates; `None`
/// for blank or unusable answers so that `missing` and truthiness behave as authors expect.
/// Whether `option` is offered under the key question's value `key` (none: nothing is).
fn keyed_under(option: &Choice, key: Option<&Value>) -> bool {
    let key = match key {
        Some(Value::String(s)) => s.trim().to_string(),
        Some(Value::Number(n)) => n.to_string(),
        Some(Value::Bool(b)) => b.to_string(),
        _ => return false,
    };
    option.keys.contains(&key)
}

/// `answer` without the option values in `hidden`: a choice of a hidden option is no answer,
/// and hidden ones are taken out of a list of choices.
fn without_hidden<'a>(answer: Option<&'a Answer>, hidden: &[String]) -> Option<Cow<'a, Answer>> {
    let answer = answer?;
    if hidden.is_empty() {
        return Some(Cow::Borrowed(answer));
    }
    let is_hidden = |v: &Value| v.as_str().is_some_and(|s| hidden.iter().any(|h| h == s));
    match answer {
        Value::Array(items) if items.iter().any(is_hidden) => Some(Cow::Owned(Value::Array(
            items.iter().filter(|v| !is_hidden(v)).cloned().collect(),
        ))),
        single if is_hidden(single) => None,
        _ => Some(Cow::Borrowed(answer)),
    }
}

pub(crate) fn typed_value(field: &Field, answer: Option<&Answer>) -> Option<Value> {
    let answer = answer?;
    let text = || answer.as_str().map(str::trim).filter(|s| !s.is_empty());
    match &field.kind {
        FieldKind::Number { .. } | FieldKind::Money { .. } => match answer {
            Value::Number(_) => Some(answer.clone()),
            _ => {
                let cleaned = text()?.replace([',', '，', ' '], "");
                let number: f64 = cleaned.parse().ok()?;
                serde_json::Number::from_f64(number).map(Value::Number)
            }
        },
        FieldKind::Integer { .. } => match answer {
            Value::Number(n) if n.is_i64() => Some(answer.clone()),
            _ => text()?.replace([',', '，', ' '], "").parse::<i64>().ok().map(Value::from),
        },
        FieldKind::Date { .. } => date_answer(answer).ok().map(|d| Value::String(d.to_string())),
        FieldKind::Checkboxes { .. } | FieldKind::File { .. } | FieldKind::Group { .. } => {
            match answer {
                Value::Array(items) if !items.is_empty() => Some(answer.clone()),
                _ => None,
            }
        }
        FieldKind::Declaration { .. } => {
            (answer == &Value::Bool(true)).then_some(Value::Bool(true))
        }
        // A UK postcode in its canonical spacing, upper-case ("sw1a1aa" → "SW1A 1AA").
        FieldKind::Address { .. } => answer.as_object().map(|parts| {
            let mut parts = parts.clone();
            if let Some(code) = parts.get("postcode").and_then(Value::as_str) {
                if let Ok(canonical) = formats::uk_postcode(code) {
                    parts.insert("postcode".into(), Value::String(canonical));
                }
            }
            Value::Object(parts)
        }),
        // Phone numbers as digits: a Chinese mobile's 11, anything else in E.164 (+44…); as
        // typed while they are not a number (validation says so).
        FieldKind::Phone { region } => text().map(|s| {
            let normal = match region {
                PhoneRegion::Cn => formats::cn_mobile(s),
                PhoneRegion::Uk => formats::uk_phone(s),
                PhoneRegion::International => formats::international_phone(s),
            };
            Value::String(normal.unwrap_or_else(|_| s.to_string()))
        }),
        FieldKind::Content { .. } | FieldKind::Computed { .. } => None,
        // Codes are compared as normalised ("110105 19491231 002x" is "11010519491231002X").
        FieldKind::Text { format: Some(format), .. } => {
            text().map(|s| Value::String(format.normalize(s)))
        }
        _ => text().map(|s| Value::String(s.to_string())),
    }
}

/// A date answer: `{"day": "1", "month": "March", "year": "2020"}` as typed, or `"2020-03-01"`.
pub(crate) fn date_answer(answer: &Answer) -> Result<Date, formats::DateProblem> {
    match answer {
        Value::String(s) => s.trim().parse().map_err(|_| formats::DateProblem::Impossible),
        Value::Object(parts) => {
            let part = |name: &str| parts.get(name).and_then(Value::as_str).unwrap_or("");
            formats::date_from_parts(part("day"), part("month"), part("year"))
        }
        _ => Err(formats::DateProblem::Missing(formats::DatePart::Day)),
    }
}

/// Finds the conditional reveals of a form: a field whose `visible_if` is exactly "choice X is
/// option v" (`==`/`===` for radios, `in` for checkboxes), where X is a radios or checkboxes
/// question on the same page and every field between X and it is revealed by X too. Anything
/// more complex stays a plain field that appears and disappears in place.
pub(crate) fn reveals(form: &Form, index: &HashMap<String, usize>) -> Vec<Option<(usize, String)>> {
    let fields: Vec<(usize, &Field)> = form.fields().collect();
    let mut found: Vec<Option<(usize, String)>> = vec![None; fields.len()];
    for (i, (page, field)) in fields.iter().enumerate() {
        let Some((controller_id, option, checkbox)) =
            field.visible_if.as_ref().and_then(option_condition)
        else {
            continue;
        };
        let Some(&c) = index.get(controller_id) else { continue };
        let Some(&(controller_page, controller)) = fields.get(c) else { continue };
        let kind_fits = match &controller.kind {
            FieldKind::Radios { options } => !checkbox && options.iter().any(|o| o.value == option),
            FieldKind::Checkboxes { options, .. } => {
                checkbox && options.iter().any(|o| o.value == option)
            }
            _ => false,
        };
        let contiguous = c < i
            && found.get(c + 1..i).is_some_and(|between| {
                between.iter().all(|r| r.as_ref().is_some_and(|(rc, _)| *rc == c))
            });
        if let (true, Some(slot)) =
            (controller_page == *page && kind_fits && contiguous, found.get_mut(i))
        {
            *slot = Some((c, option.to_string()));
        }
    }
    found
}

/// `{"==": [{"var": "x"}, "v"]}` (either order, or `===`) → `("x", "v", false)`;
/// `{"in": ["v", {"var": "x"}]}` → `("x", "v", true)`.
fn option_condition(expr: &Value) -> Option<(&str, &str, bool)> {
    let map = expr.as_object().filter(|m| m.len() == 1)?;
    let (op, args) = map.iter().next()?;
    let [first, second] = args.as_array()?.as_slice() else { return None };
    fn var(v: &Value) -> Option<&str> {
        let inner = v.as_object().filter(|m| m.len() == 1)?.get("var")?;
        inner.as_str().or_else(|| inner.as_array().filter(|a| a.len() == 1)?.first()?.as_str())
    }
    match op.as_str() {
        "==" | "===" => match (var(first), second.as_str(), var(second), first.as_str()) {
            (Some(x), Some(v), _, _) | (_, _, Some(x), Some(v)) => Some((x, v, false)),
            _ => None,
        },
        "in" => Some((var(second)?, first.as_str()?, true)),
        _ => None,
    }
}
