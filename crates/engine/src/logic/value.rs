//! Values during evaluation, and the JavaScript coercions JSON Logic inherits from its
//! reference implementation: `==` and `<` between mixed types, `+` through `parseFloat`,
//! `cat` through `String(…)`. Following them exactly keeps a definition meaning the same here
//! as in the jsonlogic.com playground its author may have tried it in.

use serde_json::{Map, Number, Value};
use std::borrow::Cow;
use std::cmp::Ordering;

/// A value while an expression is evaluated. Answers and literals are borrowed, not cloned.
/// JavaScript has two values JSON lacks, `undefined` (an argument not given) and numbers that
/// are not finite; and arithmetic stays in `f64` until the end, so that `3.0` and `3` come out
/// the same.
#[derive(Debug)]
pub(super) enum Val<'a> {
    Undefined,
    Ref(&'a Value),
    Own(Value),
    Num(f64),
}

/// A value by JavaScript type, for the operators to match on.
#[derive(Clone, Copy)]
pub(super) enum Js<'v> {
    Undefined,
    Null,
    Bool(bool),
    Num(f64),
    Str(&'v str),
    Arr(&'v [Value]),
    Obj(&'v Map<String, Value>),
}

impl<'a> Val<'a> {
    pub(super) fn bool(b: bool) -> Val<'static> {
        Val::Own(Value::Bool(b))
    }

    pub(super) fn string(s: String) -> Val<'static> {
        Val::Own(Value::String(s))
    }

    pub(super) fn js(&self) -> Js<'_> {
        match self {
            Val::Undefined => Js::Undefined,
            Val::Num(n) => Js::Num(*n),
            Val::Ref(v) => js_of(v),
            Val::Own(v) => js_of(v),
        }
    }

    /// The JSON behind the value, if it has one.
    pub(super) fn json(&self) -> Option<&Value> {
        match self {
            Val::Ref(v) => Some(v),
            Val::Own(v) => Some(v),
            Val::Undefined | Val::Num(_) => None,
        }
    }

    /// The same value, borrowing nothing: for values kept beyond the scope they came from.
    pub(super) fn into_owned(self) -> Val<'static> {
        match self {
            Val::Undefined => Val::Undefined,
            Val::Ref(v) => Val::Own(v.clone()),
            Val::Own(v) => Val::Own(v),
            Val::Num(n) => Val::Num(n),
        }
    }

    /// A view of this value borrowing from it (so no clone, even of an owned value).
    pub(super) fn borrowed(&self) -> Val<'_> {
        match self {
            Val::Undefined => Val::Undefined,
            Val::Ref(v) => Val::Ref(v),
            Val::Own(v) => Val::Ref(v),
            Val::Num(n) => Val::Num(*n),
        }
    }

    /// The result as JSON, as `JSON.stringify` would write it: `undefined` and numbers that
    /// are not finite become `null`.
    pub(super) fn into_value(self) -> Value {
        match self {
            Val::Undefined => Value::Null,
            Val::Ref(v) => v.clone(),
            Val::Own(v) => v,
            Val::Num(n) => number_value(n),
        }
    }

    pub(super) fn truthy(&self) -> bool {
        match self {
            Val::Undefined => false,
            Val::Ref(v) => truthy(v),
            Val::Own(v) => truthy(v),
            Val::Num(n) => *n != 0.0 && !n.is_nan(),
        }
    }

    /// The address that is an array's or object's identity in JavaScript, when it has one we
    /// can see: a borrowed answer or literal. A value built during evaluation is a new object,
    /// equal to nothing else, as in JavaScript.
    fn identity(&self) -> Option<*const Value> {
        match self {
            Val::Ref(v) => Some(*v as *const Value),
            _ => None,
        }
    }
}

/// JSON's `null` as a value.
pub(super) fn null() -> Val<'static> {
    Val::Own(Value::Null)
}

pub(super) fn js_of(value: &Value) -> Js<'_> {
    match value {
        Value::Null => Js::Null,
        Value::Bool(b) => Js::Bool(*b),
        Value::Number(n) => Js::Num(n.as_f64().unwrap_or(f64::NAN)),
        Value::String(s) => Js::Str(s),
        Value::Array(a) => Js::Arr(a),
        Value::Object(o) => Js::Obj(o),
    }
}

/// A number as JSON. Whole numbers are written as integers (`3`, not `3.0`): results are
/// compared with `==` and serialised into submission packages, where the two differ.
pub(super) fn number_value(n: f64) -> Value {
    // 2^63 is exact in f64, so the range check is exact and `as` cannot saturate.
    const LIMIT: f64 = 9_223_372_036_854_775_808.0;
    if n.fract() == 0.0 && (-LIMIT..LIMIT).contains(&n) {
        Value::from(n as i64)
    } else {
        Number::from_f64(n).map_or(Value::Null, Value::Number)
    }
}

/// Nested arrays deeper than this are written as empty text: a guard against answers built
/// deep enough to exhaust the stack, far beyond anything a form holds.
const MAX_JOIN_DEPTH: usize = 64;

/// `String(value)`.
pub(super) fn to_string<'v>(value: Js<'v>) -> Cow<'v, str> {
    match value {
        Js::Undefined => Cow::Borrowed("undefined"),
        Js::Null => Cow::Borrowed("null"),
        Js::Bool(b) => Cow::Borrowed(if b { "true" } else { "false" }),
        Js::Num(n) => Cow::Owned(number_to_string(n)),
        Js::Str(s) => Cow::Borrowed(s),
        Js::Arr(items) => {
            let mut out = String::new();
            join(items, 0, &mut out);
            Cow::Owned(out)
        }
        Js::Obj(_) => Cow::Borrowed("[object Object]"),
    }
}

/// `Array.prototype.join(",")`, which writes `null` items as nothing.
fn join(items: &[Value], depth: usize, out: &mut String) {
    if depth > MAX_JOIN_DEPTH {
        return;
    }
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        push_joined(js_of(item), depth, out);
    }
}

/// One item as `Array.prototype.join` writes it (`null` and `undefined` as nothing).
pub(super) fn push_joined(item: Js<'_>, depth: usize, out: &mut String) {
    match item {
        Js::Undefined | Js::Null => {}
        Js::Arr(inner) => join(inner, depth + 1, out),
        other => out.push_str(&to_string(other)),
    }
}

/// `Number.prototype.toString()`: shortest round-trip digits, exponent form only below 1e-6
/// and from 1e21.
pub(super) fn number_to_string(n: f64) -> String {
    if n.is_nan() {
        return "NaN".into();
    }
    if n == 0.0 {
        return "0".into();
    }
    if n.is_infinite() {
        return if n > 0.0 { "Infinity" } else { "-Infinity" }.into();
    }
    let sign = if n < 0.0 { "-" } else { "" };
    // Rust's `{:e}` gives the same shortest digits as JavaScript, as `d.ddde±x`.
    let scientific = format!("{:e}", n.abs());
    let (mantissa, exponent) = scientific.split_once('e').unwrap_or((&scientific, "0"));
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    let k = digits.len() as i64;
    // The value is 0.digits × 10^point.
    let point = exponent.parse::<i64>().unwrap_or(0) + 1;
    let body = if k <= point && point <= 21 {
        format!("{digits}{}", "0".repeat((point - k) as usize))
    } else if 0 < point && point <= 21 {
        let (int, frac) = digits.split_at(point as usize);
        format!("{int}.{frac}")
    } else if -6 < point && point <= 0 {
        format!("0.{}{digits}", "0".repeat((-point) as usize))
    } else {
        let (first, rest) = digits.split_at(1);
        let e = point - 1;
        let e_sign = if e < 0 { '-' } else { '+' };
        let dot = if rest.is_empty() { "" } else { "." };
        format!("{first}{dot}{rest}e{e_sign}{}", e.abs())
    };
    format!("{sign}{body}")
}

/// `Number(value)`.
pub(super) fn to_number(value: Js<'_>) -> f64 {
    match value {
        Js::Undefined => f64::NAN,
        Js::Null => 0.0,
        Js::Bool(b) => f64::from(u8::from(b)),
        Js::Num(n) => n,
        Js::Str(s) => string_to_number(s),
        Js::Arr([]) => 0.0,
        Js::Arr([Value::Number(n)]) => n.as_f64().unwrap_or(f64::NAN),
        Js::Arr(_) => string_to_number(&to_string(value)),
        Js::Obj(_) => f64::NAN,
    }
}

/// `parseFloat(value)`: the longest leading decimal number in `String(value)`, else NaN.
pub(super) fn parse_float(value: Js<'_>) -> f64 {
    match value {
        Js::Num(n) => n,
        Js::Str(s) => parse_float_str(s),
        Js::Undefined | Js::Null | Js::Bool(_) | Js::Obj(_) => f64::NAN,
        Js::Arr(_) => parse_float_str(&to_string(value)),
    }
}

/// JavaScript's white space and line terminators, which `Number()` and `parseFloat` skip.
fn is_js_space(c: char) -> bool {
    matches!(
        c,
        '\t' | '\n' | '\u{B}' | '\u{C}' | '\r' | ' ' | '\u{A0}' | '\u{1680}' | '\u{2000}'
            ..='\u{200A}'
                | '\u{2028}'
                | '\u{2029}'
                | '\u{202F}'
                | '\u{205F}'
                | '\u{3000}'
                | '\u{FEFF}'
    )
}

fn string_to_number(s: &str) -> f64 {
    let t = s.trim_matches(is_js_space);
    if t.is_empty() {
        return 0.0;
    }
    match t {
        "Infinity" | "+Infinity" => return f64::INFINITY,
        "-Infinity" => return f64::NEG_INFINITY,
        _ => {}
    }
    let radix = match t.get(..2) {
        Some("0x" | "0X") => 16,
        Some("0o" | "0O") => 8,
        Some("0b" | "0B") => 2,
        _ => 10,
    };
    if radix != 10 {
        let digits = &t[2..];
        if digits.is_empty() {
            return f64::NAN;
        }
        return digits
            .chars()
            .try_fold(0.0, |n: f64, c| {
                c.to_digit(radix).map(|d| n * f64::from(radix) + f64::from(d))
            })
            .unwrap_or(f64::NAN);
    }
    if decimal_prefix(t) == t.len() {
        t.parse().unwrap_or(f64::NAN)
    } else {
        f64::NAN
    }
}

fn parse_float_str(s: &str) -> f64 {
    let t = s.trim_start_matches(is_js_space);
    let unsigned = t.strip_prefix(['+', '-']).unwrap_or(t);
    if unsigned.starts_with("Infinity") {
        return if t.starts_with('-') { f64::NEG_INFINITY } else { f64::INFINITY };
    }
    match decimal_prefix(t) {
        0 => f64::NAN,
        end => t[..end].parse().unwrap_or(f64::NAN),
    }
}

/// The length of the longest prefix of `s` that is a decimal literal: an optional sign,
/// digits with an optional fraction (or a fraction alone), an optional exponent. 0 if none.
fn decimal_prefix(s: &str) -> usize {
    let b = s.as_bytes();
    let digits_from = |mut i: usize| {
        while b.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        i
    };
    let start = usize::from(matches!(b.first(), Some(b'+' | b'-')));
    let int_end = digits_from(start);
    let mut end = int_end;
    if b.get(end) == Some(&b'.') {
        let frac_end = digits_from(end + 1);
        if int_end > start || frac_end > end + 1 {
            end = frac_end;
        }
    }
    if end == start || (end == start + 1 && b.get(start) == Some(&b'.')) {
        return 0;
    }
    if matches!(b.get(end), Some(b'e' | b'E')) {
        let exp_start = end + 1 + usize::from(matches!(b.get(end + 1), Some(b'+' | b'-')));
        let exp_end = digits_from(exp_start);
        if exp_end > exp_start {
            end = exp_end;
        }
    }
    end
}

/// A value after JavaScript's `ToPrimitive`, reduced further to what `==` and `<` go on to
/// compare: text stays text, anything else becomes a number.
enum Prim<'v> {
    Str(Cow<'v, str>),
    Num(f64),
}

fn primitive(value: Js<'_>) -> Prim<'_> {
    match value {
        Js::Str(s) => Prim::Str(Cow::Borrowed(s)),
        Js::Arr(_) | Js::Obj(_) => Prim::Str(to_string(value)),
        other => Prim::Num(to_number(other)),
    }
}

/// `a == b`.
pub(super) fn loose_eq(a: &Val<'_>, b: &Val<'_>) -> bool {
    match (a.js(), b.js()) {
        (Js::Undefined | Js::Null, Js::Undefined | Js::Null) => true,
        (Js::Undefined | Js::Null, _) | (_, Js::Undefined | Js::Null) => false,
        (Js::Arr(_) | Js::Obj(_), Js::Arr(_) | Js::Obj(_)) => same_object(a, b),
        (x, y) => match (primitive(x), primitive(y)) {
            (Prim::Str(s), Prim::Str(t)) => s == t,
            (Prim::Num(m), Prim::Num(n)) => m == n,
            (Prim::Num(n), Prim::Str(s)) | (Prim::Str(s), Prim::Num(n)) => {
                n == string_to_number(&s)
            }
        },
    }
}

/// `a === b`.
pub(super) fn strict_eq(a: &Val<'_>, b: &Val<'_>) -> bool {
    match (a.js(), b.js()) {
        (Js::Undefined, Js::Undefined) | (Js::Null, Js::Null) => true,
        (Js::Bool(x), Js::Bool(y)) => x == y,
        (Js::Num(x), Js::Num(y)) => x == y,
        (Js::Str(x), Js::Str(y)) => x == y,
        (Js::Arr(_) | Js::Obj(_), Js::Arr(_) | Js::Obj(_)) => same_object(a, b),
        _ => false,
    }
}

fn same_object(a: &Val<'_>, b: &Val<'_>) -> bool {
    matches!((a.identity(), b.identity()), (Some(x), Some(y)) if std::ptr::eq(x, y))
}

/// JavaScript's `a < b`: `None` when it is undefined (a NaN on either side), which every
/// comparison operator treats as false.
pub(super) fn less(a: &Val<'_>, b: &Val<'_>) -> Option<bool> {
    match (primitive(a.js()), primitive(b.js())) {
        // Strings compare by UTF-16 code unit, as in JavaScript.
        (Prim::Str(s), Prim::Str(t)) => {
            Some(s.encode_utf16().cmp(t.encode_utf16()) == Ordering::Less)
        }
        (x, y) => {
            let (m, n) = (prim_number(x), prim_number(y));
            (!m.is_nan() && !n.is_nan()).then_some(m < n)
        }
    }
}

fn prim_number(p: Prim<'_>) -> f64 {
    match p {
        Prim::Num(n) => n,
        Prim::Str(s) => string_to_number(&s),
    }
}

/// The length JavaScript reports for a string (UTF-16 code units).
pub(super) fn utf16_len(s: &str) -> usize {
    s.encode_utf16().count()
}

/// `ToIntegerOrInfinity`: NaN is 0, fractions are truncated.
pub(super) fn to_integer(n: f64) -> f64 {
    if n.is_nan() {
        0.0
    } else {
        n.trunc()
    }
}

/// JSON Logic truthiness: `0`, `""`, `[]`, `null`, `false` are false; everything else true.
pub(crate) fn truthy(value: &Value) -> bool {
    match value {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::Number(n) => n.as_f64().is_some_and(|n| n != 0.0 && !n.is_nan()),
        Value::String(s) => !s.is_empty(),
        Value::Array(a) => !a.is_empty(),
        Value::Object(_) => true,
    }
}
