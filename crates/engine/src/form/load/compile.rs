//! Compiling a definition's logic: conditions, computed values, routes and rules, each
//! allowed to read only earlier answers; computed values in a circle and pages no route
//! reaches are reported.

use super::linter::Linter;
use crate::form::definition::{Expression, FieldKind};
use crate::form::model::{FieldNode, PageNode, RuleNode, Target};
use crate::formats::Format;
use crate::logic::Compiled;
use serde_json::Value;
use std::collections::{HashMap, HashSet};

impl<'a> Linter<'a> {
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
        self.operators(expr, at, false);
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

    /// Arguments of our own operators that must be literals; `{"var": ""}` (the current item)
    /// only where there is one. `in_item`: inside the logic some, all, none, map, filter or
    /// reduce apply to each item.
    fn operators(&mut self, expr: &Expression, at: &str, in_item: bool) {
        match expr {
            Value::Object(map) => {
                for (op, args) in map {
                    if op == "valid_format" {
                        let name = args.as_array().and_then(|a| a.first()).and_then(Value::as_str);
                        if name.is_none_or(|n| Format::from_name(n).is_none()) {
                            self.error(
                                at,
                                format!(
                                    "valid_format needs a format name first, one of: {}",
                                    Format::ALL.map(Format::name).join(", ")
                                ),
                            );
                        }
                    }
                    if op == "var" && !in_item {
                        let name = match args {
                            Value::Array(a) => a.first(),
                            other => Some(other),
                        };
                        if name.is_some_and(|n| n.as_str() == Some("")) {
                            self.error(at, "{\"var\": \"\"} is the current item: it works only inside some, all, none, map, filter or reduce");
                        }
                    }
                    let per_item = matches!(
                        op.as_str(),
                        "some" | "all" | "none" | "map" | "filter" | "reduce"
                    );
                    match args {
                        // The list is read where the operator is; the logic after it, per item.
                        Value::Array(items) if per_item => {
                            for (n, item) in items.iter().enumerate() {
                                self.operators(item, at, in_item || n > 0);
                            }
                        }
                        _ => self.operators(args, at, in_item),
                    }
                }
            }
            Value::Array(items) => items.iter().for_each(|i| self.operators(i, at, in_item)),
            _ => {}
        }
    }

    pub(super) fn fields_nodes(&mut self) -> Vec<FieldNode> {
        let form = self.form;
        let mut nodes = Vec::new();
        let mut computed_deps: HashMap<&str, Vec<String>> = HashMap::new();
        for (i, (page, field)) in form.fields().enumerate() {
            let index_in_page = form
                .pages
                .get(page)
                .and_then(|p| p.fields.iter().position(|f| std::ptr::eq(f, field)))
                .unwrap_or(0);
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
            // An option's condition reads earlier answers, as its question's does.
            let options_visible_if = match &field.kind {
                FieldKind::Select { options, .. }
                | FieldKind::Radios { options }
                | FieldKind::Checkboxes { options, .. } => options
                    .iter()
                    .enumerate()
                    .filter_map(|(o, option)| {
                        let at = format!("{at}/options/{o}/visible_if");
                        Some((o, self.expression(option.visible_if.as_ref()?, &at, i, &owner)?))
                    })
                    .collect(),
                _ => Vec::new(),
            };
            nodes.push(FieldNode {
                page,
                index_in_page,
                visible_if,
                required_if,
                computed,
                fill_once,
                options_visible_if,
                piped: crate::form::piping::field_has_pipes(field),
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

    pub(super) fn page_nodes(&mut self, fields: &[FieldNode]) -> Vec<PageNode> {
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

    pub(super) fn rule_nodes(&mut self, fields: &[FieldNode]) -> Vec<RuleNode> {
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
            let Some(page) = fields.get(field).map(|f| f.page) else { continue };
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
    pub(super) fn reachability(&mut self, pages: &[PageNode]) {
        let mut reachable = vec![false; pages.len()];
        if let Some(first) = reachable.first_mut() {
            *first = true;
        }
        for (p, node) in pages.iter().enumerate() {
            if !reachable.get(p).copied().unwrap_or(false) {
                continue;
            }
            let always = node.routes.iter().any(|(condition, _)| condition.is_none());
            for (_, target) in &node.routes {
                if let Some(reached) = match target {
                    Target::Page(to) => reachable.get_mut(*to),
                    _ => None,
                } {
                    *reached = true;
                }
            }
            // A page whose own condition may skip it, or without an unconditional route, can
            // lead to the next one.
            if !always || node.visible_if.is_some() {
                if let Some(next) = reachable.get_mut(p + 1) {
                    *next = true;
                }
            }
        }
        for ((p, reached), page) in reachable.iter().enumerate().zip(&self.form.pages) {
            if !reached {
                let id = &page.id;
                self.error(
                    format!("/pages/{p}"),
                    format!("page \"{id}\" cannot be reached: every route before it jumps past it"),
                );
            }
        }
    }
}
