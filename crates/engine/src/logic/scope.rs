//! What `var` and `missing` read: the answers, a JSON value, or `reduce`'s pair, and the
//! value a path leads to in it.

use super::value::{js_of, to_string, Js, Val};
use serde_json::{Map, Value};

/// What `var` reads.
pub(super) enum Scope<'s, 'a> {
    /// The form's answers by field id (absent = unanswered or hidden); `deps` names them all,
    /// for `{"var": ""}`.
    Answers { lookup: &'s dyn Fn(&str) -> Option<&'a Value>, deps: &'s [String] },
    /// A JSON value: each item inside `map`, `filter`, `all`, `none`, `some`.
    Data(&'a Value),
    /// Inside `reduce`: `{"current": …, "accumulator": …}`, without building that object.
    Reduce { current: &'a Value, accumulator: &'a Val<'a> },
}

/// `{"var": ""}`: the data itself.
pub(super) fn whole<'a>(scope: &Scope<'_, 'a>) -> Val<'a> {
    match scope {
        Scope::Data(data) => Val::Ref(data),
        Scope::Answers { lookup, deps } => {
            let answers = deps
                .iter()
                .filter_map(|dep| Some((dep.clone(), lookup(dep)?.clone())))
                .collect::<Map<_, _>>();
            Val::Own(Value::Object(answers))
        }
        Scope::Reduce { current, accumulator } => {
            let mut pair = Map::new();
            pair.insert("current".into(), Value::clone(current));
            if !matches!(accumulator, Val::Undefined) {
                pair.insert("accumulator".into(), accumulator.borrowed().into_value());
            }
            Val::Own(Value::Object(pair))
        }
    }
}

/// The value at a dotted path, `None` when it leads nowhere (then `var` gives its default).
pub(super) fn resolve<'a, S: AsRef<str>>(scope: &Scope<'_, 'a>, path: &[S]) -> Option<Val<'a>> {
    let (first, rest) = match scope {
        Scope::Data(data) => return descend(data, path).map(Val::Ref),
        _ => path.split_first()?,
    };
    let start: &'a Value = match scope {
        Scope::Answers { lookup, .. } => lookup(first.as_ref())?,
        Scope::Reduce { current, accumulator } => match first.as_ref() {
            "current" => current,
            "accumulator" => match accumulator {
                Val::Undefined => return None,
                Val::Num(_) if rest.is_empty() => return Some(accumulator.borrowed()),
                other => other.json()?,
            },
            _ => return None,
        },
        Scope::Data(_) => return None,
    };
    descend(start, rest).map(Val::Ref)
}

fn descend<'v, S: AsRef<str>>(mut value: &'v Value, path: &[S]) -> Option<&'v Value> {
    for key in path {
        let key = key.as_ref();
        value = match value {
            Value::Object(map) => map.get(key)?,
            Value::Array(items) => items.get(array_index(key)?)?,
            _ => return None,
        };
    }
    Some(value)
}

/// Only canonical indices ("0", "12"; not "01" or "+1"), as in JavaScript.
fn array_index(key: &str) -> Option<usize> {
    let digits = key.as_bytes();
    if digits.is_empty()
        || !digits.iter().all(u8::is_ascii_digit)
        || (digits.len() > 1 && digits.starts_with(b"0"))
    {
        return None;
    }
    key.parse().ok()
}

/// `{"var": key}` for a key computed at run time.
pub(super) fn lookup_key<'a>(scope: &Scope<'_, 'a>, key: Js<'_>) -> Option<Val<'a>> {
    match key {
        Js::Undefined | Js::Null | Js::Str("") => Some(whole(scope)),
        key => {
            let name = to_string(key);
            let path: Vec<&str> = name.split('.').collect();
            resolve(scope, &path[..])
        }
    }
}

/// The keys whose value is null or empty text. One array argument is the list of keys.
pub(super) fn missing(scope: &Scope<'_, '_>, args: &[Val<'_>]) -> Vec<Value> {
    let one = |key: Js<'_>| {
        let value = lookup_key(scope, key);
        let absent = match value.as_ref().map(Val::js) {
            None | Some(Js::Null) => true,
            Some(Js::Str(text)) => text.is_empty(),
            _ => false,
        };
        absent.then(|| key_value(key))
    };
    match args.first().map(Val::js) {
        Some(Js::Arr(keys)) => keys.iter().filter_map(|key| one(js_of(key))).collect(),
        _ => args.iter().filter_map(|key| one(key.js())).collect(),
    }
}

fn key_value(key: Js<'_>) -> Value {
    match key {
        Js::Undefined | Js::Null => Value::Null,
        Js::Bool(b) => Value::Bool(b),
        Js::Num(n) => super::value::number_value(n),
        Js::Str(text) => Value::String(text.to_string()),
        Js::Arr(items) => Value::Array(items.to_vec()),
        Js::Obj(map) => Value::Object(map.clone()),
    }
}
