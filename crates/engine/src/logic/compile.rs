//! From JSON to an expression tree with its operators resolved, and the answers it reads.

use super::value::{js_of, to_string};
use serde_json::Value;

/// Deeper expressions are refused when the form loads: evaluation recurses once per level, and
/// the engine must not run out of stack on any definition. Real conditions are a few levels.
pub(super) const MAX_DEPTH: usize = 64;

/// A compiled expression.
#[derive(Debug)]
pub(super) enum Node {
    /// A value with no operation inside, used as is.
    Literal(Value),
    /// An array with operations inside: each item is evaluated.
    Array(Vec<Node>),
    /// `var` with a literal name (the usual case, so it gets its own node): the path split
    /// once, `None` for the whole data.
    Var {
        path: Option<Box<[String]>>,
        default: Option<Box<Node>>,
    },
    Op(Op, Vec<Node>),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Op {
    Var,
    Missing,
    MissingSome,
    If,
    Eq,
    StrictEq,
    NotEq,
    StrictNotEq,
    Not,
    NotNot,
    Or,
    And,
    Greater,
    GreaterEq,
    Less,
    LessEq,
    Max,
    Min,
    Add,
    Subtract,
    Multiply,
    Divide,
    Modulo,
    Map,
    Filter,
    Reduce,
    All,
    None,
    Some,
    Merge,
    In,
    Cat,
    Substr,
    Log,
    Today,
    Age,
    DateBefore,
    DateAfter,
    DaysBetween,
    ValidFormat,
    IdBirthDate,
    IdSex,
}

impl Op {
    fn named(name: &str) -> Option<Op> {
        Some(match name {
            "var" => Op::Var,
            "missing" => Op::Missing,
            "missing_some" => Op::MissingSome,
            "if" | "?:" => Op::If,
            "==" => Op::Eq,
            "===" => Op::StrictEq,
            "!=" => Op::NotEq,
            "!==" => Op::StrictNotEq,
            "!" => Op::Not,
            "!!" => Op::NotNot,
            "or" => Op::Or,
            "and" => Op::And,
            ">" => Op::Greater,
            ">=" => Op::GreaterEq,
            "<" => Op::Less,
            "<=" => Op::LessEq,
            "max" => Op::Max,
            "min" => Op::Min,
            "+" => Op::Add,
            "-" => Op::Subtract,
            "*" => Op::Multiply,
            "/" => Op::Divide,
            "%" => Op::Modulo,
            "map" => Op::Map,
            "filter" => Op::Filter,
            "reduce" => Op::Reduce,
            "all" => Op::All,
            "none" => Op::None,
            "some" => Op::Some,
            "merge" => Op::Merge,
            "in" => Op::In,
            "cat" => Op::Cat,
            "substr" => Op::Substr,
            "log" => Op::Log,
            "today" => Op::Today,
            "age" => Op::Age,
            "date_before" => Op::DateBefore,
            "date_after" => Op::DateAfter,
            "days_between" => Op::DaysBetween,
            "valid_format" => Op::ValidFormat,
            "id_birth_date" => Op::IdBirthDate,
            "id_sex" => Op::IdSex,
            _ => return None,
        })
    }
}

/// Compiles `expr`; the error is a plain sentence for the definition's author.
pub(super) fn parse(expr: &Value) -> Result<Node, String> {
    parse_at(expr, 1)
}

fn parse_at(expr: &Value, depth: usize) -> Result<Node, String> {
    if depth > MAX_DEPTH {
        return Err(format!("the expression is nested too deeply (more than {MAX_DEPTH} levels)"));
    }
    match expr {
        Value::Array(items) => {
            let nodes = items
                .iter()
                .map(|item| parse_at(item, depth + 1))
                .collect::<Result<Vec<_>, _>>()?;
            // Kept whole when nothing inside needs evaluating, so it is borrowed, not rebuilt.
            if nodes.iter().all(|node| matches!(node, Node::Literal(_))) {
                Ok(Node::Literal(expr.clone()))
            } else {
                Ok(Node::Array(nodes))
            }
        }
        Value::Object(map) => {
            let mut entries = map.iter();
            let (name, args) = match (entries.next(), entries.next()) {
                (None, _) => return Ok(Node::Literal(expr.clone())),
                (Some(entry), None) => entry,
                (Some(_), Some(_)) => {
                    let keys =
                        map.keys().map(|k| format!("\"{k}\"")).collect::<Vec<_>>().join(", ");
                    return Err(format!(
                        "not a valid JSON Logic expression: an operation is an object with one key, the operator, but this one has {keys}"
                    ));
                }
            };
            let op = Op::named(name).ok_or_else(|| format!("unknown operator \"{name}\""))?;
            // A single argument may be written without its array: {"var": "x"}.
            let args = match args {
                Value::Array(list) => list
                    .iter()
                    .map(|arg| parse_at(arg, depth + 2))
                    .collect::<Result<Vec<_>, _>>()?,
                single => vec![parse_at(single, depth + 1)?],
            };
            Ok(literal_var(op, args))
        }
        literal => Ok(Node::Literal(literal.clone())),
    }
}

/// `var` with a literal name and at most a default gets the node that skips evaluating the
/// name and splitting it on every run.
fn literal_var(op: Op, mut args: Vec<Node>) -> Node {
    if op != Op::Var || args.len() > 2 {
        return Node::Op(op, args);
    }
    let path = match args.first() {
        None => None,
        Some(Node::Literal(Value::Null)) => None,
        Some(Node::Literal(Value::String(name))) if name.is_empty() => None,
        Some(Node::Literal(name @ (Value::String(_) | Value::Number(_) | Value::Bool(_)))) => {
            Some(to_string(js_of(name)).split('.').map(str::to_string).collect())
        }
        Some(_) => return Node::Op(op, args),
    };
    let default = (args.len() == 2).then(|| args.pop()).flatten().map(Box::new);
    Node::Var { path, default }
}

/// Operators evaluated in array scope: their later arguments see each item, not the answers.
const SCOPED: &[&str] = &["some", "all", "none", "map", "filter", "reduce"];

/// Finds the field ids an expression reads. `var` names must be literals so that every
/// dependency is known when the form loads (and lint can check it).
///
/// Runs after [`parse`], which has bounded the depth.
pub(super) fn collect_deps(expr: &Value, deps: &mut Vec<String>) -> Result<(), String> {
    let mut push = |name: &str| {
        let field = name.split('.').next().unwrap_or(name);
        if !field.is_empty() && !deps.iter().any(|d| d == field) {
            deps.push(field.to_string());
        }
    };
    match expr {
        Value::Array(items) => items.iter().try_for_each(|item| collect_deps(item, deps)),
        Value::Object(map) if map.len() == 1 => {
            let Some((op, args)) = map.iter().next() else { return Ok(()) };
            match op.as_str() {
                "var" => match args {
                    Value::String(name) => {
                        push(name);
                        Ok(())
                    }
                    Value::Array(list) => match list.first() {
                        Some(Value::String(name)) => {
                            push(name);
                            list.iter().skip(1).try_for_each(|d| collect_deps(d, deps))
                        }
                        None => Ok(()),
                        Some(_) => Err("\"var\" must name a field with a literal string".into()),
                    },
                    Value::Null => Ok(()),
                    _ => Err("\"var\" must name a field with a literal string".into()),
                },
                "missing" => names(args, &mut push),
                "missing_some" => match args.as_array().map(Vec::as_slice) {
                    Some([count, fields]) => {
                        names(fields, &mut push)?;
                        // The count is evaluated against the answers too.
                        collect_deps(count, deps)
                    }
                    _ => Err("\"missing_some\" takes [count, [field names]]".into()),
                },
                op if SCOPED.contains(&op) => match args {
                    Value::Array(list) => {
                        list.first().map_or(Ok(()), |source| collect_deps(source, deps))?;
                        // reduce's initial value is evaluated against the answers, not the items.
                        match list.get(2) {
                            Some(initial) if op == "reduce" => collect_deps(initial, deps),
                            _ => Ok(()),
                        }
                    }
                    other => collect_deps(other, deps),
                },
                _ => collect_deps(args, deps),
            }
        }
        Value::Object(map) => map.values().try_for_each(|v| collect_deps(v, deps)),
        _ => Ok(()),
    }
}

fn names(args: &Value, push: &mut impl FnMut(&str)) -> Result<(), String> {
    let list = match args {
        Value::Array(list) => list.as_slice(),
        single => std::slice::from_ref(single),
    };
    for name in list {
        match name {
            Value::String(name) => push(name),
            _ => return Err("\"missing\" must list field names as literal strings".into()),
        }
    }
    Ok(())
}
