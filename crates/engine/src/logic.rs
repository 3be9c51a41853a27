//! JSON Logic for conditions and computed values, through `datalogic-rs`.
//!
//! The few operators forms need beyond standard JSON Logic are registered on this engine
//! instance only (never globally): `age`, `today`, `date_before`, `date_after`, `days_between`,
//! `valid_format`, `id_birth_date`, `id_sex`. "Today" is an input, set by the caller, so the
//! crate stays free of clocks.

use crate::formats::{self, Date};
use datalogic_rs::operator::EvalContext;
use datalogic_rs::{ArenaExt, CustomOperator, DataValue, Engine, Result as LogicResult};
use serde_json::{Map, Value};
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::Arc;

/// A compiled expression and the answers it reads.
pub(crate) struct Compiled {
    logic: datalogic_rs::Logic,
    /// Field ids read by `var` / `missing` / `missing_some`, without duplicates.
    pub deps: Vec<String>,
}

/// One JSON Logic engine per loaded form, with our operators and the shared "today".
pub(crate) struct Logic {
    engine: Engine,
    today: Arc<AtomicU32>,
    /// Built-in and custom operator names, for the unknown-operator check.
    operators: std::collections::HashSet<String>,
}

impl std::fmt::Debug for Logic {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Logic").field("today", &unpack(self.today.load(Ordering::Relaxed))).finish()
    }
}

/// Operators evaluated in array scope: their later arguments see each item, not the answers.
const SCOPED: &[&str] = &["some", "all", "none", "map", "filter", "reduce"];

impl Logic {
    pub(crate) fn new(today: Date) -> Self {
        let shared = Arc::new(AtomicU32::new(pack(today)));
        let engine = Engine::builder()
            .add_operator("today", Today(shared.clone()))
            .add_operator("age", Age(shared.clone()))
            .add_operator("date_before", DateOrder(true))
            .add_operator("date_after", DateOrder(false))
            .add_operator("days_between", DaysBetween)
            .add_operator("valid_format", ValidFormat(shared.clone()))
            .add_operator("id_birth_date", IdBirthDate(shared.clone()))
            .add_operator("id_sex", IdSex(shared.clone()))
            .build();
        let operators = engine.builtin_operator_names().map(str::to_string).chain(engine.custom_operator_names().map(str::to_string)).collect();
        Logic { engine, today: shared, operators }
    }

    pub(crate) fn today(&self) -> Date {
        unpack(self.today.load(Ordering::Relaxed))
    }

    pub(crate) fn set_today(&self, today: Date) {
        self.today.store(pack(today), Ordering::Relaxed);
    }

    /// Compiles `expr`; the error is a plain sentence for the definition's author.
    pub(crate) fn compile(&self, expr: &Value) -> Result<Compiled, String> {
        self.known_operators(expr)?;
        let mut deps = Vec::new();
        collect_deps(expr, &mut deps)?;
        let logic = self.engine.compile(expr).map_err(|e| format!("not a valid JSON Logic expression: {e}"))?;
        Ok(Compiled { logic, deps })
    }

    /// datalogic-rs treats an unknown operator as data; in a definition it is always a typo.
    fn known_operators(&self, expr: &Value) -> Result<(), String> {
        match expr {
            Value::Array(items) => items.iter().try_for_each(|item| self.known_operators(item)),
            Value::Object(map) if map.len() == 1 => {
                let (op, args) = map.iter().next().expect("one entry");
                if !self.operators.contains(op.as_str()) {
                    return Err(format!("unknown operator \"{op}\""));
                }
                self.known_operators(args)
            }
            Value::Object(map) => map.values().try_for_each(|v| self.known_operators(v)),
            _ => Ok(()),
        }
    }

    /// Evaluates `compiled` with the answers `lookup` gives for its dependencies (absent =
    /// unanswered or hidden). A failing evaluation counts as `null`: a condition that cannot
    /// be worked out is false rather than a crash in front of a citizen.
    pub(crate) fn eval<'v>(&self, compiled: &Compiled, lookup: impl Fn(&str) -> Option<&'v Value>) -> Value {
        let mut data = Map::with_capacity(compiled.deps.len());
        for dep in &compiled.deps {
            if let Some(value) = lookup(dep) {
                data.insert(dep.clone(), value.clone());
            }
        }
        let data = Value::Object(data);
        let arena = datalogic_rs::bumpalo::Bump::new();
        match self.engine.evaluate(&compiled.logic, &data, &arena) {
            Ok(result) => result.to_serde_value(),
            Err(_) => Value::Null,
        }
    }

    /// Evaluates `compiled` and applies JSON Logic truthiness.
    pub(crate) fn holds<'v>(&self, compiled: &Compiled, lookup: impl Fn(&str) -> Option<&'v Value>) -> bool {
        truthy(&self.eval(compiled, lookup))
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

/// Finds the field ids an expression reads. `var` names must be literals so that every
/// dependency is known when the form loads (and lint can check it).
fn collect_deps(expr: &Value, deps: &mut Vec<String>) -> Result<(), String> {
    let mut push = |name: &str| {
        let field = name.split('.').next().unwrap_or(name);
        if !field.is_empty() && !deps.iter().any(|d| d == field) {
            deps.push(field.to_string());
        }
    };
    match expr {
        Value::Array(items) => items.iter().try_for_each(|item| collect_deps(item, deps)),
        Value::Object(map) if map.len() == 1 => {
            let (op, args) = map.iter().next().expect("one entry");
            match op.as_str() {
                "var" => match args {
                    Value::String(name) => Ok(push(name)),
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
                "missing_some" => match args {
                    Value::Array(list) if list.len() == 2 => names(&list[1], &mut push),
                    _ => Err("\"missing_some\" takes [count, [field names]]".into()),
                },
                op if SCOPED.contains(&op) => match args {
                    Value::Array(list) => list.first().map_or(Ok(()), |source| collect_deps(source, deps)),
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

fn pack(date: Date) -> u32 {
    (date.year.clamp(0, 9999) as u32) * 10_000 + u32::from(date.month) * 100 + u32::from(date.day)
}

fn unpack(packed: u32) -> Date {
    Date::new((packed / 10_000) as i32, ((packed / 100) % 100) as u8, (packed % 100) as u8)
        .unwrap_or(Date { year: 1970, month: 1, day: 1 })
}

fn date_arg(args: &[&DataValue<'_>], index: usize) -> Option<Date> {
    args.get(index)?.as_str()?.trim().parse().ok()
}

fn str_arg<'a>(args: &[&'a DataValue<'a>], index: usize) -> Option<&'a str> {
    args.get(index)?.as_str()
}

/// `{"today": []}` → `"YYYY-MM-DD"`.
struct Today(Arc<AtomicU32>);
impl CustomOperator for Today {
    fn evaluate<'a>(&self, _: &[&'a DataValue<'a>], _: &mut EvalContext<'_, 'a>, arena: &'a datalogic_rs::bumpalo::Bump) -> LogicResult<&'a DataValue<'a>> {
        Ok(arena.string(&unpack(self.0.load(Ordering::Relaxed)).to_string()))
    }
}

/// `{"age": [date_of_birth]}` → whole years today (or on the optional second date); `null`
/// when the date is missing or not a real date.
struct Age(Arc<AtomicU32>);
impl CustomOperator for Age {
    fn evaluate<'a>(&self, args: &[&'a DataValue<'a>], _: &mut EvalContext<'_, 'a>, arena: &'a datalogic_rs::bumpalo::Bump) -> LogicResult<&'a DataValue<'a>> {
        let on = date_arg(args, 1).unwrap_or_else(|| unpack(self.0.load(Ordering::Relaxed)));
        Ok(match date_arg(args, 0) {
            Some(birth) => arena.i64(i64::from(formats::age_on(birth, on))),
            None => arena.null(),
        })
    }
}

/// `{"date_before": [a, b]}` / `{"date_after": [a, b]}`: false unless both are real dates.
struct DateOrder(bool);
impl CustomOperator for DateOrder {
    fn evaluate<'a>(&self, args: &[&'a DataValue<'a>], _: &mut EvalContext<'_, 'a>, arena: &'a datalogic_rs::bumpalo::Bump) -> LogicResult<&'a DataValue<'a>> {
        Ok(arena.bool(match (date_arg(args, 0), date_arg(args, 1)) {
            (Some(a), Some(b)) => if self.0 { a < b } else { a > b },
            _ => false,
        }))
    }
}

/// `{"days_between": [a, b]}` → days from date `a` to date `b` (negative when `b` is
/// earlier); `null` unless both are real dates. E.g. "registered within 42 days of the birth".
struct DaysBetween;
impl CustomOperator for DaysBetween {
    fn evaluate<'a>(&self, args: &[&'a DataValue<'a>], _: &mut EvalContext<'_, 'a>, arena: &'a datalogic_rs::bumpalo::Bump) -> LogicResult<&'a DataValue<'a>> {
        Ok(match (date_arg(args, 0), date_arg(args, 1)) {
            (Some(a), Some(b)) => arena.i64(b.days_since_epoch() - a.days_since_epoch()),
            _ => arena.null(),
        })
    }
}

/// `{"valid_format": ["cn_resident_id", value]}` → whether `value` is in that format.
struct ValidFormat(Arc<AtomicU32>);
impl CustomOperator for ValidFormat {
    fn evaluate<'a>(&self, args: &[&'a DataValue<'a>], _: &mut EvalContext<'_, 'a>, arena: &'a datalogic_rs::bumpalo::Bump) -> LogicResult<&'a DataValue<'a>> {
        let today = unpack(self.0.load(Ordering::Relaxed));
        let valid = match (str_arg(args, 0), str_arg(args, 1)) {
            (Some(format), Some(value)) => check_named_format(format, value, today),
            _ => false,
        };
        Ok(arena.bool(valid))
    }
}

/// Whether `value` is in the format called `name` (the names of [`crate::TextFormat`] and
/// of the phone, email and url types).
pub(crate) fn check_named_format(name: &str, value: &str, today: Date) -> bool {
    match name {
        "cn_resident_id" => formats::cn_resident_id(value, today).is_ok(),
        "unified_social_credit_code" => formats::unified_social_credit_code(value).is_ok(),
        "cn_postcode" => formats::cn_postcode(value).is_ok(),
        "cn_mobile" => formats::cn_mobile(value).is_ok(),
        "uk_nino" => formats::uk_nino(value).is_ok(),
        "uk_postcode" => formats::uk_postcode(value).is_ok(),
        "uk_phone" => formats::uk_phone(value).is_ok(),
        "international_phone" => formats::international_phone(value).is_ok(),
        "iban" => formats::iban(value).is_ok(),
        "email" => formats::email(value).is_ok(),
        "url" => formats::http_url(value).is_ok(),
        _ => false,
    }
}

/// The format names `valid_format` knows, for lint.
pub(crate) const FORMAT_NAMES: &[&str] = &[
    "cn_resident_id", "unified_social_credit_code", "cn_postcode", "cn_mobile", "uk_nino",
    "uk_postcode", "uk_phone", "international_phone", "iban", "email", "url",
];

/// `{"id_birth_date": [id_number]}` → the birth date in a Chinese resident ID, or `null`.
struct IdBirthDate(Arc<AtomicU32>);
impl CustomOperator for IdBirthDate {
    fn evaluate<'a>(&self, args: &[&'a DataValue<'a>], _: &mut EvalContext<'_, 'a>, arena: &'a datalogic_rs::bumpalo::Bump) -> LogicResult<&'a DataValue<'a>> {
        let today = unpack(self.0.load(Ordering::Relaxed));
        Ok(match str_arg(args, 0).and_then(|id| formats::cn_resident_id(id, today).ok()) {
            Some(id) => arena.string(&id.birth_date.to_string()),
            None => arena.null(),
        })
    }
}

/// `{"id_sex": [id_number]}` → `"male"` / `"female"` from a Chinese resident ID, or `null`.
struct IdSex(Arc<AtomicU32>);
impl CustomOperator for IdSex {
    fn evaluate<'a>(&self, args: &[&'a DataValue<'a>], _: &mut EvalContext<'_, 'a>, arena: &'a datalogic_rs::bumpalo::Bump) -> LogicResult<&'a DataValue<'a>> {
        let today = unpack(self.0.load(Ordering::Relaxed));
        Ok(match str_arg(args, 0).and_then(|id| formats::cn_resident_id(id, today).ok()) {
            Some(id) => arena.string(match id.sex {
                formats::Sex::Male => "male",
                formats::Sex::Female => "female",
            }),
            None => arena.null(),
        })
    }
}
