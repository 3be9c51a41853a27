//! Evaluation of a compiled expression, each operator as json-logic-js (the implementation
//! behind jsonlogic.com) defines it: the same argument handling, short-circuits and coercions.

use super::compile::{Node, Op};
use super::ours;
use super::scope::{lookup_key, missing, resolve, whole, Scope};
use super::value::{
    less, loose_eq, null, parse_float, push_joined, strict_eq, to_integer, to_number, to_string,
    utf16_len, Js, Val,
};
use crate::formats::Date;
use serde_json::Value;
use std::cell::Cell;

/// An evaluation that cannot finish, where JavaScript would throw (`{"*": []}`): the whole
/// expression then counts as `null`.
#[derive(Debug)]
pub(super) struct Failure;

type Eval<'a> = Result<Val<'a>, Failure>;

/// Evaluation steps one expression may take. Nesting `map`, `filter` or `reduce` multiplies
/// the work, so a short definition can ask for billions of steps; past this budget the expression
/// fails (counts as `null`) instead of freezing the citizen's browser. Real conditions take
/// tens of steps, and a computed value over a 100-item group a few thousand.
const MAX_STEPS: u32 = 100_000;

pub(super) struct Env {
    today: Date,
    steps: Cell<u32>,
}

impl Env {
    pub(super) fn new(today: Date) -> Env {
        Env { today, steps: Cell::new(0) }
    }

    pub(super) fn eval<'a>(&self, node: &'a Node, scope: &Scope<'_, 'a>) -> Eval<'a> {
        let steps = self.steps.get() + 1;
        if steps > MAX_STEPS {
            return Err(Failure);
        }
        self.steps.set(steps);
        match node {
            Node::Literal(value) => Ok(Val::Ref(value)),
            Node::Var { path, default } => self.var(path.as_deref(), default.as_deref(), scope),
            Node::Array(items) => self.array(items, scope),
            Node::Op(op, args) => self.op(*op, args, scope),
        }
    }

    // Each operator family has its own small function: evaluation recurses through them, and
    // one function holding every operator's locals would need a large stack frame per level.
    fn op<'a>(&self, op: Op, args: &'a [Node], scope: &Scope<'_, 'a>) -> Eval<'a> {
        match op {
            Op::If => self.if_(args, scope),
            Op::And | Op::Or => self.and_or(op == Op::Or, args, scope),
            Op::Not | Op::NotNot => {
                let truthy = self.arg(args, 0, scope)?.truthy();
                self.rest(args, 1, scope)?;
                Ok(Val::bool(truthy == (op == Op::NotNot)))
            }
            Op::Eq
            | Op::NotEq
            | Op::StrictEq
            | Op::StrictNotEq
            | Op::Greater
            | Op::GreaterEq
            | Op::Less
            | Op::LessEq => self.compare(op, args, scope),
            Op::Max | Op::Min | Op::Add | Op::Multiply => self.fold(op, args, scope),
            Op::Subtract | Op::Divide | Op::Modulo => self.arithmetic(op, args, scope),
            Op::Cat | Op::Substr | Op::In | Op::Merge | Op::Log => {
                self.text_and_lists(op, args, scope)
            }
            Op::Var | Op::Missing | Op::MissingSome => self.data(op, args, scope),
            Op::Map | Op::Filter => self.map_filter(op == Op::Map, args, scope),
            Op::Reduce => self.reduce(args, scope),
            Op::All | Op::None | Op::Some => self.quantifier(op, args, scope),
            Op::Today
            | Op::Age
            | Op::DateBefore
            | Op::DateAfter
            | Op::DaysBetween
            | Op::ValidFormat
            | Op::IdBirthDate
            | Op::IdSex => {
                let values = args
                    .iter()
                    .map(|node| self.eval(node, scope))
                    .collect::<Result<Vec<_>, _>>()?;
                Ok(ours::apply(op, &values, self.today))
            }
        }
    }

    /// Argument `i`, `undefined` when not given.
    fn arg<'a>(&self, args: &'a [Node], i: usize, scope: &Scope<'_, 'a>) -> Eval<'a> {
        match args.get(i) {
            Some(node) => self.eval(node, scope),
            None => Ok(Val::Undefined),
        }
    }

    /// Arguments an operator ignores are still evaluated, as in JavaScript, where one that
    /// throws makes the whole expression fail.
    fn rest<'a>(
        &self,
        args: &'a [Node],
        from: usize,
        scope: &Scope<'_, 'a>,
    ) -> Result<(), Failure> {
        args.iter().skip(from).try_for_each(|node| self.eval(node, scope).map(drop))
    }

    fn var<'a>(
        &self,
        path: Option<&'a [String]>,
        default: Option<&'a Node>,
        scope: &Scope<'_, 'a>,
    ) -> Eval<'a> {
        let default = match default {
            Some(default) => self.eval(default, scope)?,
            None => Val::Undefined,
        };
        Ok(match path {
            None => whole(scope),
            Some(path) => resolve(scope, path).unwrap_or_else(|| not_found(default)),
        })
    }

    fn array<'a>(&self, items: &'a [Node], scope: &Scope<'_, 'a>) -> Eval<'a> {
        let values = items
            .iter()
            .map(|item| self.eval(item, scope).map(Val::into_value))
            .collect::<Result<_, _>>()?;
        Ok(Val::Own(Value::Array(values)))
    }

    fn if_<'a>(&self, args: &'a [Node], scope: &Scope<'_, 'a>) -> Eval<'a> {
        let mut rest = args;
        while let [condition, then, more @ ..] = rest {
            if self.eval(condition, scope)?.truthy() {
                return self.eval(then, scope);
            }
            rest = more;
        }
        match rest.first() {
            Some(otherwise) => self.eval(otherwise, scope),
            None => Ok(null()),
        }
    }

    /// The first value that decides (falsy for `and`, truthy for `or`), else the last.
    fn and_or<'a>(&self, or: bool, args: &'a [Node], scope: &Scope<'_, 'a>) -> Eval<'a> {
        let mut current = Val::Undefined;
        for node in args {
            current = self.eval(node, scope)?;
            if current.truthy() == or {
                break;
            }
        }
        Ok(current)
    }

    fn compare<'a>(&self, op: Op, args: &'a [Node], scope: &Scope<'_, 'a>) -> Eval<'a> {
        let (a, b) = (self.arg(args, 0, scope)?, self.arg(args, 1, scope)?);
        // Only < and <= take a third argument ("between").
        let (c, used) = match op {
            Op::Less | Op::LessEq => (self.arg(args, 2, scope)?, 3),
            _ => (Val::Undefined, 2),
        };
        self.rest(args, used, scope)?;
        let below = |x: &Val<'_>, y: &Val<'_>| match op {
            Op::LessEq => less(y, x) == Some(false),
            _ => less(x, y) == Some(true),
        };
        Ok(Val::bool(match op {
            Op::Eq => loose_eq(&a, &b),
            Op::NotEq => !loose_eq(&a, &b),
            Op::StrictEq => strict_eq(&a, &b),
            Op::StrictNotEq => !strict_eq(&a, &b),
            Op::Greater => less(&b, &a) == Some(true),
            Op::GreaterEq => less(&a, &b) == Some(false),
            _ => below(&a, &b) && (matches!(c, Val::Undefined) || below(&b, &c)),
        }))
    }

    /// The operators over any number of arguments: max, min, + and *.
    fn fold<'a>(&self, op: Op, args: &'a [Node], scope: &Scope<'_, 'a>) -> Eval<'a> {
        if op == Op::Multiply {
            // JavaScript's reduce without an initial value: none throws, one is returned as is.
            let (first, others) = args.split_first().ok_or(Failure)?;
            let first = self.eval(first, scope)?;
            if others.is_empty() {
                return Ok(first);
            }
            let mut product = parse_float(first.js());
            for node in others {
                product *= parse_float(self.eval(node, scope)?.js());
            }
            return Ok(Val::Num(product));
        }
        let mut result = match op {
            Op::Max => f64::NEG_INFINITY,
            Op::Min => f64::INFINITY,
            _ => 0.0,
        };
        for node in args {
            let value = self.eval(node, scope)?;
            match op {
                Op::Add => result += parse_float(value.js()),
                _ => {
                    let n = to_number(value.js());
                    if n.is_nan() || result.is_nan() {
                        result = f64::NAN;
                    } else if (op == Op::Max && n > result) || (op == Op::Min && n < result) {
                        result = n;
                    }
                }
            }
        }
        Ok(Val::Num(result))
    }

    fn arithmetic<'a>(&self, op: Op, args: &'a [Node], scope: &Scope<'_, 'a>) -> Eval<'a> {
        let (a, b) = (self.arg(args, 0, scope)?, self.arg(args, 1, scope)?);
        self.rest(args, 2, scope)?;
        let x = to_number(a.js());
        if matches!(b, Val::Undefined) && op == Op::Subtract {
            return Ok(Val::Num(-x));
        }
        let y = to_number(b.js());
        Ok(Val::Num(match op {
            Op::Subtract => x - y,
            Op::Divide => x / y,
            // Rust's % on f64 is JavaScript's: the sign of the dividend, NaN for x % 0.
            _ => x % y,
        }))
    }

    fn text_and_lists<'a>(&self, op: Op, args: &'a [Node], scope: &Scope<'_, 'a>) -> Eval<'a> {
        match op {
            Op::Cat => {
                let mut text = String::new();
                for node in args {
                    push_joined(self.eval(node, scope)?.js(), 0, &mut text);
                }
                Ok(Val::string(text))
            }
            Op::Merge => {
                let mut merged = Vec::new();
                for node in args {
                    match self.eval(node, scope)? {
                        Val::Own(Value::Array(items)) => merged.extend(items),
                        Val::Ref(Value::Array(items)) => merged.extend(items.iter().cloned()),
                        other => merged.push(other.into_value()),
                    }
                }
                Ok(Val::Own(Value::Array(merged)))
            }
            Op::Substr => {
                let (source, start, length) = (
                    self.arg(args, 0, scope)?,
                    self.arg(args, 1, scope)?,
                    self.arg(args, 2, scope)?,
                );
                self.rest(args, 3, scope)?;
                Ok(Val::string(substr(source.js(), start.js(), length.js())))
            }
            Op::In => {
                let (needle, haystack) = (self.arg(args, 0, scope)?, self.arg(args, 1, scope)?);
                self.rest(args, 2, scope)?;
                Ok(Val::bool(match haystack.js() {
                    Js::Str(text) if !text.is_empty() => text.contains(&*to_string(needle.js())),
                    Js::Arr(items) => items.iter().any(|item| strict_eq(&needle, &Val::Ref(item))),
                    _ => false,
                }))
            }
            _ => {
                // log returns its argument; the engine has no console to write to.
                let value = self.arg(args, 0, scope)?;
                self.rest(args, 1, scope)?;
                Ok(value)
            }
        }
    }

    fn data<'a>(&self, op: Op, args: &'a [Node], scope: &Scope<'_, 'a>) -> Eval<'a> {
        match op {
            Op::Var => {
                let (name, default) = (self.arg(args, 0, scope)?, self.arg(args, 1, scope)?);
                self.rest(args, 2, scope)?;
                Ok(lookup_key(scope, name.js()).unwrap_or_else(|| not_found(default)))
            }
            Op::Missing => {
                let keys = args
                    .iter()
                    .map(|node| self.eval(node, scope))
                    .collect::<Result<Vec<_>, _>>()?;
                Ok(Val::Own(Value::Array(missing(scope, &keys))))
            }
            _ => {
                let (need, options) = (self.arg(args, 0, scope)?, self.arg(args, 1, scope)?);
                self.rest(args, 2, scope)?;
                let keys = match options.js() {
                    Js::Arr(items) => items.iter().map(Val::Ref).collect(),
                    _ => vec![options.borrowed()],
                };
                let absent = missing(scope, &keys);
                let given = match options.js() {
                    Js::Arr(items) => items.len() as f64,
                    Js::Str(text) => utf16_len(text) as f64,
                    // `options.length` of null throws.
                    Js::Undefined | Js::Null => return Err(Failure),
                    _ => f64::NAN,
                };
                let present = Val::Num(given - absent.len() as f64);
                Ok(Val::Own(Value::Array(if less(&present, &need) == Some(false) {
                    Vec::new()
                } else {
                    absent
                })))
            }
        }
    }

    fn map_filter<'a>(&self, map: bool, args: &'a [Node], scope: &Scope<'_, 'a>) -> Eval<'a> {
        let logic = args.get(1);
        let data = self.arg(args, 0, scope)?;
        let mut out = Vec::new();
        match data {
            // Items of an array built by the expression are moved into the result, not cloned.
            Val::Own(Value::Array(items)) if !map => {
                for item in items {
                    if self.each(logic, &item)?.truthy() {
                        out.push(item);
                    }
                }
            }
            data => {
                let Js::Arr(items) = data.js() else { return Ok(Val::Own(Value::Array(out))) };
                for item in items {
                    let result = self.each(logic, item)?;
                    if map {
                        out.push(result.into_value());
                    } else if result.truthy() {
                        out.push(item.clone());
                    }
                }
            }
        }
        Ok(Val::Own(Value::Array(out)))
    }

    fn reduce<'a>(&self, args: &'a [Node], scope: &Scope<'_, 'a>) -> Eval<'a> {
        let data = self.arg(args, 0, scope)?;
        let initial = match args.get(2) {
            Some(node) => self.eval(node, scope)?,
            None => null(),
        };
        let Js::Arr(items) = data.js() else { return Ok(initial) };
        let mut accumulator = initial;
        for item in items {
            let next = match args.get(1) {
                Some(logic) => self
                    .eval(logic, &Scope::Reduce { current: item, accumulator: &accumulator })?
                    .into_owned(),
                None => Val::Undefined,
            };
            accumulator = next;
        }
        Ok(accumulator)
    }

    fn quantifier<'a>(&self, op: Op, args: &'a [Node], scope: &Scope<'_, 'a>) -> Eval<'a> {
        let data = self.arg(args, 0, scope)?;
        // All of nothing is false; none of nothing is true.
        let items = match data.js() {
            Js::Arr(items) if !items.is_empty() => items,
            _ => return Ok(Val::bool(op == Op::None)),
        };
        for item in items {
            let truthy = self.each(args.get(1), item)?.truthy();
            match op {
                Op::All if !truthy => return Ok(Val::bool(false)),
                Op::None if truthy => return Ok(Val::bool(false)),
                Op::Some if truthy => return Ok(Val::bool(true)),
                _ => {}
            }
        }
        Ok(Val::bool(op != Op::Some))
    }

    /// `logic` for one item of an array (missing logic is `undefined`, as in JavaScript).
    fn each<'i>(&self, logic: Option<&'i Node>, item: &'i Value) -> Eval<'i> {
        match logic {
            Some(logic) => self.eval(logic, &Scope::Data(item)),
            None => Ok(Val::Undefined),
        }
    }
}

/// `var`'s value when the path leads nowhere: its default, else null.
fn not_found(default: Val<'_>) -> Val<'_> {
    match default {
        Val::Undefined => null(),
        default => default,
    }
}

/// `String(source).substr(start, length)`, in UTF-16 code units as in JavaScript, where a
/// negative length counts back from the end (json-logic-js's addition).
fn substr(source: Js<'_>, start: Js<'_>, length: Js<'_>) -> String {
    let text: Vec<u16> = to_string(source).encode_utf16().collect();
    let start = to_number(start);
    let range = if to_number(length) < 0.0 {
        let tail = js_substr(text.len(), start, None);
        let kept = match length {
            // `temp.length + end` is arithmetic only for a number; for text it concatenates,
            // giving a length that is not a number, so nothing.
            Js::Num(end) => tail.len() as f64 + end,
            _ => 0.0,
        };
        let tail_range = js_substr(tail.len(), 0.0, Some(kept));
        tail.start + tail_range.start..tail.start + tail_range.end
    } else {
        let length = match length {
            Js::Undefined => None,
            other => Some(to_number(other)),
        };
        js_substr(text.len(), start, length)
    };
    String::from_utf16_lossy(text.get(range).unwrap_or_default())
}

/// The range `String.prototype.substr(start, length)` takes from a string of `size` units.
fn js_substr(size: usize, start: f64, length: Option<f64>) -> std::ops::Range<usize> {
    let size_f = size as f64;
    let start = to_integer(start);
    let start = if start < 0.0 { (size_f + start).max(0.0) } else { start.min(size_f) };
    let length = length.map_or(size_f, |l| to_integer(l).max(0.0).min(size_f));
    let end = (start + length).min(size_f);
    // Both are whole numbers within 0..=size here.
    start as usize..(end as usize).max(start as usize)
}
