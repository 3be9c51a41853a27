//! Reading a published definition: syntax, shape, then lint and compilation, reporting every
//! problem found with the JSON pointer at fault.

use crate::diagnostic::{escape_token, Diagnostic};
use crate::form::definition::{Choice, Expression, Field, FieldKind, Form, Text, SCHEMA_VERSION};
use crate::form::model::{FieldNode, FormModel, PageNode, RuleNode, Target};
use crate::formats::Date;
use crate::formats::Format;
use crate::json::read_json;
use crate::logic::{Compiled, Logic};
use serde_json::Value;
use std::collections::{HashMap, HashSet};

/// Parses, lints and compiles a form definition. `today` is what "today" means in date rules
/// and conditions (the engine has no clock; see [`FormModel::set_today`]).
///
/// Returns the model whenever the JSON has the right shape — possibly with errors, which a
/// preview may still show — and every problem found, each with the JSON pointer at fault.
/// Callers must not put a model with errors in front of citizens.
pub fn load_form(json: &str, today: Date) -> (Option<FormModel>, Vec<Diagnostic>) {
    let mut problems = Vec::new();
    let Some(form) = parse(json, &mut problems) else { return (None, problems) };
    let model = build(form, today, &mut problems);
    (Some(model), problems)
}

fn parse(json: &str, problems: &mut Vec<Diagnostic>) -> Option<Form> {
    read_json(json).map_err(|problem| problems.push(problem)).ok()
}

struct Linter<'a> {
    form: &'a Form,
    logic: &'a Logic,
    problems: &'a mut Vec<Diagnostic>,
    /// Top-level field id → (document index, pointer).
    fields: HashMap<&'a str, (usize, String)>,
}

fn build(form: Form, today: Date, problems: &mut Vec<Diagnostic>) -> FormModel {
    let logic = Logic::new(today);
    let (fields, pages, rules) = {
        let mut lint = Linter { form: &form, logic: &logic, problems, fields: HashMap::new() };
        lint.metadata();
        lint.collect_ids();
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

impl<'a> Linter<'a> {
    fn error(&mut self, at: impl Into<String>, message: impl Into<String>) {
        self.problems.push(Diagnostic::error(at, message));
    }

    fn warning(&mut self, at: impl Into<String>, message: impl Into<String>) {
        self.problems.push(Diagnostic::warning(at, message));
    }

    fn metadata(&mut self) {
        let form = self.form;
        if form.schema_version != SCHEMA_VERSION {
            self.error(
                "/schema_version",
                format!(
                    "schema_version {} is not supported; this engine reads {SCHEMA_VERSION}",
                    form.schema_version
                ),
            );
        }
        if form.locales.is_empty() {
            self.error("/locales", "list at least one locale, e.g. [\"zh-CN\", \"en\"]");
        }
        if form.pages.is_empty() {
            self.error("/pages", "a form needs at least one page");
        }
        self.text(&form.title, || "/title".to_string());
        if let Some(t) = &form.department {
            self.text(t, || "/department".to_string());
        }
        if let Some(t) = &form.description {
            self.text(t, || "/description".to_string());
        }
        let mut outcome_ids = HashMap::new();
        for (o, outcome) in form.outcomes.iter().enumerate() {
            let at = format!("/outcomes/{o}");
            self.id(&outcome.id, &format!("{at}/id"), "outcome", &mut outcome_ids);
            self.text(&outcome.title, || format!("{at}/title"));
            self.text(&outcome.body, || format!("{at}/body"));
        }
    }

    /// The submission settings must describe a request that can be made and a reply that can
    /// be read; `field_map` may only name questions of this form or package facts.
    fn submission(&mut self) {
        let Some(settings) = &self.form.submission else { return };
        if settings.url.trim().is_empty() {
            self.error("/submission/url", "the submission url is empty");
        }
        if !settings.reference_pointer.is_empty() && !settings.reference_pointer.starts_with('/') {
            self.error(
                "/submission/reference_pointer",
                "a JSON pointer starts with \"/\", e.g. \"/reference\" or \"/data/id\"",
            );
        }
        if settings.success_statuses.is_empty()
            || settings.success_statuses.iter().any(|s| !(200..300).contains(s))
        {
            self.error(
                "/submission/success_statuses",
                "success statuses must be 2xx codes, e.g. [200, 201]",
            );
        }
        if settings.timeout_ms < 1000 {
            self.warning(
                "/submission/timeout_ms",
                "a timeout under one second fails on slow mobile networks",
            );
        }
        use crate::form::definition::PACKAGE_FACTS as FACTS;
        for (from, to) in &settings.field_map {
            let at = format!("/submission/field_map/{}", escape_token(from));
            let question = from.split('.').next().unwrap_or(from);
            if !FACTS.contains(&from.as_str()) && !self.fields.contains_key(question) {
                self.error(
                    &at,
                    format!(
                        "\"{from}\" is not a question of this form nor one of {}",
                        FACTS.join(", ")
                    ),
                );
            }
            if to.trim().is_empty() {
                self.error(&at, "the backend key is empty");
            }
        }
        for name in settings.headers.keys() {
            let reserved = ["content-type", "content-length", "idempotency-key", "host", "cookie"];
            if reserved.contains(&name.to_ascii_lowercase().as_str()) {
                self.error(
                    format!("/submission/headers/{}", escape_token(name)),
                    format!("the {name} header is set by onewindow itself"),
                );
            }
        }
    }

    /// An assistant's "start form" outcome may only carry this form's answers over.
    fn outcome_actions(&mut self) {
        for (o, outcome) in self.form.outcomes.iter().enumerate() {
            let Some(crate::form::definition::OutcomeAction::StartForm { form, prefill }) =
                &outcome.action
            else {
                continue;
            };
            if form.trim().is_empty() {
                self.error(format!("/outcomes/{o}/action/form"), "name the form to start");
            }
            for (target, source) in prefill {
                if !self.fields.contains_key(source.as_str()) {
                    let at = format!("/outcomes/{o}/action/prefill/{}", escape_token(target));
                    self.error(at, format!("\"{source}\" is not a question of this form"));
                }
            }
        }
    }

    fn collect_ids(&mut self) {
        let form = self.form;
        let mut page_ids = HashMap::new();
        let mut seen = HashMap::new();
        for (p, page) in form.pages.iter().enumerate() {
            let at = format!("/pages/{p}");
            self.id(&page.id, &format!("{at}/id"), "page", &mut page_ids);
            if page.fields.is_empty() {
                self.error(format!("{at}/fields"), "a page needs at least one field");
            }
            if let Some(title) = &page.title {
                self.text(title, || format!("{at}/title"));
            }
            for (f, field) in page.fields.iter().enumerate() {
                let at = format!("{at}/fields/{f}");
                if self.id(&field.id, &format!("{at}/id"), "field", &mut seen) {
                    self.fields.insert(&field.id, (self.fields.len(), at.clone()));
                }
                self.field(field, &at, true);
            }
        }
    }

    /// Checks an id's shape and uniqueness; true when it is new.
    fn id<'b>(
        &mut self,
        id: &'b str,
        at: &str,
        what: &str,
        seen: &mut HashMap<&'b str, String>,
    ) -> bool {
        let well_formed = id.starts_with(|c: char| c.is_ascii_alphabetic())
            && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
        if !well_formed {
            self.error(at, format!("{what} id \"{id}\" must start with a letter and use only letters, digits, _ and -"));
        }
        if let Some(first) = seen.get(id) {
            self.error(at, format!("{what} id \"{id}\" is already used at {first}"));
            false
        } else {
            seen.insert(id, at.to_string());
            true
        }
    }

    /// Checks that `text` has every declared locale; `at` builds its pointer, which is only
    /// needed (and so only formatted) when something is missing.
    fn text(&mut self, text: &Text, at: impl Fn() -> String) {
        for locale in &self.form.locales {
            if !text.has(locale) {
                self.error(
                    format!("{}/{}", at(), escape_token(locale)),
                    format!("missing the {locale} translation (the form declares locale {locale})"),
                );
            }
        }
    }

    fn field(&mut self, field: &Field, at: &str, top_level: bool) {
        if !matches!(field.kind, FieldKind::Content { .. })
            || !matches!(&field.label, Text::Plain(s) if s.is_empty())
        {
            self.text(&field.label, || format!("{at}/label"));
        }
        if let Some(hint) = &field.hint {
            self.text(hint, || format!("{at}/hint"));
        }
        for (rule, message) in &field.messages {
            self.text(message, || format!("{at}/messages/{}", escape_token(rule)));
        }
        if !top_level && (field.visible_if.is_some() || field.required_if.is_some()) {
            self.error(at, "questions inside a group cannot have visible_if or required_if in schema_version 1");
        }
        if field.fill_once.is_some() {
            if !top_level {
                self.error(format!("{at}/fill_once"), "fill_once is for top-level questions: an answer inside a group is about one of several items, not about the person filling in the form");
            } else if field.concept.is_none() {
                self.error(format!("{at}/fill_once"), "fill_once needs a concept: answers are remembered and offered to other forms by concept");
            }
        }
        if field.required && !field.kind.is_question() {
            self.warning(
                format!("{at}/required"),
                format!(
                    "a {} field takes no answer, so it cannot be required",
                    field.kind.type_name()
                ),
            );
        }
        match &field.kind {
            FieldKind::Text { min_length, max_length, pattern, .. } => {
                self.range(
                    at,
                    "min_length",
                    "max_length",
                    min_length.map(f64::from),
                    max_length.map(f64::from),
                );
                if *max_length == Some(0) {
                    self.error(format!("{at}/max_length"), "max_length must be at least 1");
                }
                if let Some(pattern) = pattern {
                    if let Err(e) = regex_lite::Regex::new(pattern) {
                        self.error(
                            format!("{at}/pattern"),
                            format!("the pattern is not a valid regular expression: {e}"),
                        );
                    }
                }
            }
            FieldKind::Textarea { min_length, max_length } => {
                self.range(
                    at,
                    "min_length",
                    "max_length",
                    min_length.map(f64::from),
                    max_length.map(f64::from),
                );
                if *max_length == Some(0) {
                    self.error(format!("{at}/max_length"), "max_length must be at least 1");
                }
            }
            FieldKind::Number { min, max, suffix } => {
                self.range(at, "min", "max", *min, *max);
                if let Some(s) = suffix {
                    self.text(s, || format!("{at}/suffix"));
                }
            }
            FieldKind::Integer { min, max, suffix } => {
                self.range(at, "min", "max", min.map(|v| v as f64), max.map(|v| v as f64));
                if let Some(s) = suffix {
                    self.text(s, || format!("{at}/suffix"));
                }
            }
            FieldKind::Money { currency, min, max } => {
                self.range(at, "min", "max", *min, *max);
                if currency.len() != 3 || !currency.chars().all(|c| c.is_ascii_uppercase()) {
                    self.error(
                        format!("{at}/currency"),
                        format!("currency \"{currency}\" must be an ISO 4217 code like \"CNY\""),
                    );
                }
            }
            FieldKind::Date { not_before, not_after, before, after, min_age, max_age, .. } => {
                for (name, bound) in [
                    ("not_before", not_before),
                    ("not_after", not_after),
                    ("before", before),
                    ("after", after),
                ] {
                    if let Some(bound) = bound {
                        let known = bound == "today"
                            || bound.parse::<Date>().is_ok()
                            || self.fields.contains_key(bound.as_str());
                        if !known {
                            self.error(format!("{at}/{name}"), format!("\"{bound}\" is not \"today\", a date like 2020-01-31, or an earlier date question's id"));
                        }
                    }
                }
                self.range(
                    at,
                    "min_age",
                    "max_age",
                    min_age.map(f64::from),
                    max_age.map(f64::from),
                );
            }
            FieldKind::Select { options, options_from } => {
                if options.is_empty() && options_from.is_none() {
                    self.error(
                        format!("{at}/options"),
                        "the option list is empty: give options or options_from",
                    );
                }
                if let Some(name) = options_from {
                    if name.is_empty()
                        || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
                    {
                        self.error(format!("{at}/options_from"), format!("\"{name}\" must name a list in forms/data/ (letters, digits, - and _)"));
                    }
                }
                self.options(options, at);
            }
            FieldKind::Radios { options } => {
                if options.is_empty() {
                    self.error(format!("{at}/options"), "the option list is empty");
                }
                self.options(options, at);
            }
            FieldKind::Checkboxes { options, exclusive, min_selected, max_selected } => {
                if options.is_empty() {
                    self.error(format!("{at}/options"), "the option list is empty");
                }
                self.options(options, at);
                if let Some(none) = exclusive {
                    if !options.iter().any(|o| &o.value == none) {
                        self.error(
                            format!("{at}/exclusive"),
                            format!("\"{none}\" is not one of the options"),
                        );
                    }
                }
                self.range(
                    at,
                    "min_selected",
                    "max_selected",
                    min_selected.map(f64::from),
                    max_selected.map(f64::from),
                );
            }
            FieldKind::File { accept, max_size, max_count } => {
                if accept.is_empty() {
                    self.error(
                        format!("{at}/accept"),
                        "list the accepted media types, e.g. [\"application/pdf\"]",
                    );
                }
                if *max_size == 0 {
                    self.error(format!("{at}/max_size"), "max_size must be more than 0 bytes");
                }
                if *max_count == 0 {
                    self.error(format!("{at}/max_count"), "max_count must be at least 1");
                }
            }
            FieldKind::Group { fields, min_items, max_items, item_label } => {
                self.range(
                    at,
                    "min_items",
                    "max_items",
                    Some(f64::from(*min_items)),
                    max_items.map(f64::from),
                );
                if let Some(l) = item_label {
                    self.text(l, || format!("{at}/item_label"));
                }
                if fields.is_empty() {
                    self.error(format!("{at}/fields"), "a group needs at least one question");
                }
                let mut inner = HashMap::new();
                for (i, f) in fields.iter().enumerate() {
                    let inner_at = format!("{at}/fields/{i}");
                    self.id(&f.id, &format!("{inner_at}/id"), "field", &mut inner);
                    if matches!(f.kind, FieldKind::Group { .. } | FieldKind::Computed { .. }) {
                        self.error(
                            format!("{inner_at}/type"),
                            "groups and computed values cannot be nested in a group",
                        );
                    }
                    self.field(f, &inner_at, false);
                }
            }
            FieldKind::Content { body } => self.text(body, || format!("{at}/body")),
            FieldKind::Declaration { statement } => {
                self.text(statement, || format!("{at}/statement"))
            }
            FieldKind::Computed { options, .. } => self.options(options, at),
            FieldKind::Email {}
            | FieldKind::Phone { .. }
            | FieldKind::Url {}
            | FieldKind::YesNo {}
            | FieldKind::Address { .. } => {}
        }
    }

    fn options(&mut self, options: &[Choice], at: &str) {
        let mut values = HashSet::new();
        for (o, option) in options.iter().enumerate() {
            if !values.insert(option.value.as_str()) {
                self.error(
                    format!("{at}/options/{o}/value"),
                    format!("option value \"{}\" appears twice", option.value),
                );
            }
            self.text(&option.label, || format!("{at}/options/{o}/label"));
            if let Some(hint) = &option.hint {
                self.text(hint, || format!("{at}/options/{o}/hint"));
            }
        }
    }

    fn range(&mut self, at: &str, low: &str, high: &str, min: Option<f64>, max: Option<f64>) {
        if let (Some(min), Some(max)) = (min, max) {
            if min > max {
                self.error(
                    format!("{at}/{low}"),
                    format!("{low} ({min}) is more than {high} ({max})"),
                );
            }
        }
    }

    /// Compiles an expression that may read fields before document index `limit`.
    fn expression(
        &mut self,
        expr: &Expression,
        at: &str,
        limit: usize,
        owner: &str,
    ) -> Option<Compiled> {
        let compiled = match self.logic.compile(expr) {
            Ok(compiled) => compiled,
            Err(message) => {
                self.error(at, message);
                return None;
            }
        };
        self.operators(expr, at);
        let mut ok = true;
        for dep in &compiled.deps {
            match self.fields.get(dep.as_str()) {
                None => {
                    self.error(at, format!("the expression refers to \"{dep}\", which is not a question in this form"));
                    ok = false;
                }
                Some((index, dep_at)) if *index >= limit => {
                    let message = format!(
                        "{owner} refers to \"{dep}\" ({dep_at}), which is asked later; conditions and computed values may only use earlier answers"
                    );
                    self.error(at, message);
                    ok = false;
                }
                Some(_) => {}
            }
        }
        ok.then_some(compiled)
    }

    /// Arguments of our own operators that must be literals.
    fn operators(&mut self, expr: &Expression, at: &str) {
        match expr {
            Value::Object(map) => {
                for (op, args) in map {
                    if op == "valid_format" {
                        let name = args.as_array().and_then(|a| a.first()).and_then(Value::as_str);
                        if !name.is_some_and(|n| Format::from_name(n).is_some()) {
                            self.error(
                                at,
                                format!(
                                    "valid_format needs a format name first, one of: {}",
                                    Format::ALL.map(Format::name).join(", ")
                                ),
                            );
                        }
                    }
                    self.operators(args, at);
                }
            }
            Value::Array(items) => items.iter().for_each(|i| self.operators(i, at)),
            _ => {}
        }
    }

    fn fields_nodes(&mut self) -> Vec<FieldNode> {
        let form = self.form;
        let mut nodes = Vec::new();
        let mut computed_deps: HashMap<&str, Vec<String>> = HashMap::new();
        for (i, (page, field)) in form.fields().enumerate() {
            let index_in_page =
                form.pages[page].fields.iter().position(|f| std::ptr::eq(f, field)).unwrap_or(0);
            let at = format!("/pages/{page}/fields/{index_in_page}");
            let owner = format!("\"{}\"", field.id);
            let visible_if = field
                .visible_if
                .as_ref()
                .and_then(|e| self.expression(e, &format!("{at}/visible_if"), i, &owner));
            let required_if = field
                .required_if
                .as_ref()
                .and_then(|e| self.expression(e, &format!("{at}/required_if"), i, &owner));
            let computed = match &field.kind {
                FieldKind::Computed { expression, .. } => {
                    let compiled =
                        self.expression(expression, &format!("{at}/expression"), i, &owner);
                    // A forward reference fails the line above; the cycle check below still
                    // needs every computed value's dependencies to name the cycle.
                    if let Some(deps) = compiled
                        .as_ref()
                        .map(|c| c.deps.clone())
                        .or_else(|| self.logic.compile(expression).ok().map(|c| c.deps))
                    {
                        computed_deps.insert(&field.id, deps);
                    }
                    compiled
                }
                _ => None,
            };
            // Whose answer it is may be settled by any question (e.g. "for yourself?").
            let fill_once = field
                .fill_once
                .as_ref()
                .and_then(|e| self.expression(e, &format!("{at}/fill_once"), usize::MAX, &owner));
            nodes.push(FieldNode {
                page,
                index_in_page,
                visible_if,
                required_if,
                computed,
                fill_once,
            });
        }
        self.computed_cycles(&computed_deps);
        nodes
    }

    /// Computed values that depend on each other in a circle can never be worked out.
    fn computed_cycles(&mut self, deps: &HashMap<&str, Vec<String>>) {
        let mut reported: HashSet<&str> = HashSet::new();
        let mut starts: Vec<&&str> = deps.keys().collect();
        starts.sort();
        for start in starts {
            let mut stack = vec![(*start, vec![*start])];
            while let Some((node, path)) = stack.pop() {
                for next in deps.get(node).into_iter().flatten() {
                    if next == start {
                        if path.iter().all(|p| !reported.contains(p)) {
                            reported.extend(path.iter().copied());
                            let at = self
                                .fields
                                .get(*start)
                                .map(|(_, at)| format!("{at}/expression"))
                                .unwrap_or_default();
                            let cycle = path
                                .iter()
                                .chain(std::iter::once(start))
                                .copied()
                                .collect::<Vec<_>>()
                                .join(" → ");
                            self.error(at, format!("computed values form a cycle: {cycle}"));
                        }
                    } else if deps.contains_key(next.as_str())
                        && !path.contains(&next.as_str())
                        && path.len() < 64
                    {
                        let mut longer = path.clone();
                        longer.push(next.as_str());
                        stack.push((next.as_str(), longer));
                    }
                }
            }
        }
    }

    fn page_nodes(&mut self, fields: &[FieldNode]) -> Vec<PageNode> {
        let form = self.form;
        let mut first = 0;
        let mut nodes = Vec::new();
        for (p, page) in form.pages.iter().enumerate() {
            let range = first..first + page.fields.len();
            first = range.end;
            let at = format!("/pages/{p}");
            let visible_if = page.visible_if.as_ref().and_then(|e| {
                self.expression(
                    e,
                    &format!("{at}/visible_if"),
                    range.start,
                    &format!("page \"{}\"", page.id),
                )
            });
            let mut routes = Vec::new();
            for (r, route) in page.next.iter().enumerate() {
                let route_at = format!("{at}/next/{r}");
                let condition = route.condition.as_ref().and_then(|e| {
                    self.expression(
                        e,
                        &format!("{route_at}/if"),
                        range.end,
                        &format!("the route of page \"{}\"", page.id),
                    )
                });
                if route.condition.is_some() && condition.is_none() {
                    continue;
                }
                if let Some(target) = self.target(&route.goto, p, &format!("{route_at}/goto")) {
                    routes.push((condition, target));
                }
            }
            nodes.push(PageNode { visible_if, routes, fields: range });
        }
        debug_assert_eq!(first, fields.len());
        nodes
    }

    fn target(&mut self, goto: &str, from: usize, at: &str) -> Option<Target> {
        if goto == "check_answers" {
            return Some(Target::CheckAnswers);
        }
        if let Some(outcome) = goto.strip_prefix("outcome:") {
            let found = self.form.outcomes.iter().position(|o| o.id == outcome);
            if found.is_none() {
                self.error(at, format!("there is no outcome \"{outcome}\" in /outcomes"));
            }
            return found.map(Target::Outcome);
        }
        match self.form.pages.iter().position(|p| p.id == goto) {
            None => {
                self.error(at, format!("there is no page \"{goto}\" (use a page id, \"outcome:<id>\" or \"check_answers\")"));
                None
            }
            Some(to) if to <= from => {
                self.error(at, format!("routing cycle: \"{goto}\" does not come after this page; routes may only jump forward"));
                None
            }
            Some(to) => Some(Target::Page(to)),
        }
    }

    fn rule_nodes(&mut self, fields: &[FieldNode]) -> Vec<RuleNode> {
        let form = self.form;
        let mut ids = HashMap::new();
        let mut nodes = Vec::new();
        for (r, rule) in form.rules.iter().enumerate() {
            let at = format!("/rules/{r}");
            self.id(&rule.id, &format!("{at}/id"), "rule", &mut ids);
            self.text(&rule.message, || format!("{at}/message"));
            let Some((field, _)) = self.fields.get(rule.field.as_str()).cloned() else {
                self.error(
                    format!("{at}/field"),
                    format!("there is no question \"{}\" to show this rule at", rule.field),
                );
                continue;
            };
            let page = fields[field].page;
            let limit = fields.iter().rposition(|f| f.page == page).map_or(0, |i| i + 1);
            if let Some(assertion) = self.expression(
                &rule.assertion,
                &format!("{at}/assert"),
                limit,
                &format!("rule \"{}\"", rule.id),
            ) {
                nodes.push(RuleNode { rule: r, assertion, field });
            }
        }
        nodes
    }

    /// Pages no route can lead to are reported: their questions would never be asked.
    fn reachability(&mut self, pages: &[PageNode]) {
        let mut reachable = vec![false; pages.len()];
        if let Some(first) = reachable.first_mut() {
            *first = true;
        }
        for (p, node) in pages.iter().enumerate() {
            if !reachable[p] {
                continue;
            }
            let always = node.routes.iter().any(|(condition, _)| condition.is_none());
            for (_, target) in &node.routes {
                if let Target::Page(to) = target {
                    reachable[*to] = true;
                }
            }
            // A page whose own condition may skip it, or without an unconditional route, can
            // lead to the next one.
            if (!always || node.visible_if.is_some()) && p + 1 < pages.len() {
                reachable[p + 1] = true;
            }
        }
        for (p, reached) in reachable.iter().enumerate() {
            if !reached {
                let id = &self.form.pages[p].id;
                self.error(
                    format!("/pages/{p}"),
                    format!("page \"{id}\" cannot be reached: every route before it jumps past it"),
                );
            }
        }
    }
}
