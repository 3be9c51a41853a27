//! JSON Logic for conditions and computed values.
//!
//! The evaluator is ours rather than a library because the app has a hard size budget: the
//! JSON Logic crate we used before (datalogic-rs) was about 42 % of the WebAssembly bundle,
//! for a language whose standard operators fit in a few hundred lines. It follows the
//! reference implementation behind jsonlogic.com (json-logic-js), JavaScript coercions
//! included, and the unit tests run it against the official test suite vendored in
//! `tests/jsonlogic/`.
//!
//! The few operators forms need beyond standard JSON Logic belong to this evaluator only (no
//! global registry): `age`, `today`, `date_before`, `date_after`, `days_between`,
//! `valid_format`, `id_birth_date`, `id_sex`. "Today" is an input, set by the caller, so the
//! crate stays free of clocks.
//!
//! An expression is compiled once, when the form loads, into a tree whose operators are
//! already resolved, and is then evaluated straight against the answers (no data object is
//! built per evaluation): conditions run on every keystroke.

mod compile;
mod eval;
mod ours;
mod scope;
mod value;

#[cfg(test)]
mod tests;

use crate::formats::Date;
use compile::Node;
use eval::Env;
use scope::Scope;
use serde_json::Value;
use std::sync::atomic::{AtomicU32, Ordering};
pub(crate) use value::truthy;

/// A compiled expression and the answers it reads.
pub(crate) struct Compiled {
    node: Node,
    /// Field ids read by `var` / `missing` / `missing_some`, without duplicates.
    pub deps: Vec<String>,
}

std::thread_local! {
    /// "Today" for the work [`on_day`] is doing on this thread, whatever a shared model's own.
    static ON_DAY: std::cell::Cell<Option<u32>> = const { std::cell::Cell::new(None) };
}

/// Runs `work` with "today" being `today` for every form on this thread: the receiver checks
/// each package on the day it was made while other requests share the same loaded form.
pub(crate) fn on_day<T>(today: Date, work: impl FnOnce() -> T) -> T {
    struct Restore(Option<u32>);
    impl Drop for Restore {
        fn drop(&mut self) {
            ON_DAY.with(|day| day.set(self.0));
        }
    }
    let _restore = Restore(ON_DAY.with(|day| day.replace(Some(pack(today)))));
    work()
}

/// The JSON Logic evaluator of one loaded form, with our operators and its "today".
pub(crate) struct Logic {
    // An atomic rather than a `Cell` so that a loaded form can be shared between threads (the
    // receiver serves many submissions with one model).
    today: AtomicU32,
}

impl std::fmt::Debug for Logic {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Logic").field("today", &self.today()).finish()
    }
}

impl Logic {
    pub(crate) fn new(today: Date) -> Self {
        Logic { today: AtomicU32::new(pack(today)) }
    }

    pub(crate) fn today(&self) -> Date {
        let on = ON_DAY.with(std::cell::Cell::get);
        unpack(on.unwrap_or_else(|| self.today.load(Ordering::Relaxed)))
    }

    pub(crate) fn set_today(&self, today: Date) {
        self.today.store(pack(today), Ordering::Relaxed);
    }

    /// Compiles `expr`; the error is a plain sentence for the definition's author.
    ///
    /// Beyond what JSON Logic itself requires, every field an expression reads must be named
    /// by a literal, so that its dependencies are known when the form loads (lint checks
    /// them, and conditions may only read earlier answers).
    pub(crate) fn compile(&self, expr: &Value) -> Result<Compiled, String> {
        let node = compile::parse(expr)?;
        let mut deps = Vec::new();
        compile::collect_deps(expr, &mut deps)?;
        Ok(Compiled { node, deps })
    }

    /// Evaluates `compiled` with the answers `lookup` gives for its dependencies (absent =
    /// unanswered or hidden). A failing evaluation counts as `null`: a condition that cannot
    /// be worked out is false rather than a crash in front of a citizen.
    pub(crate) fn eval<'v>(
        &self,
        compiled: &Compiled,
        lookup: impl Fn(&str) -> Option<&'v Value>,
    ) -> Value {
        let env = Env::new(self.today());
        let scope = Scope::Answers { lookup: &|name| lookup(name), deps: &compiled.deps };
        env.eval(&compiled.node, &scope).map_or(Value::Null, |result| result.into_value())
    }

    /// Evaluates `compiled` and applies JSON Logic truthiness.
    pub(crate) fn holds<'v>(
        &self,
        compiled: &Compiled,
        lookup: impl Fn(&str) -> Option<&'v Value>,
    ) -> bool {
        let env = Env::new(self.today());
        let scope = Scope::Answers { lookup: &|name| lookup(name), deps: &compiled.deps };
        // Truthiness straight from the result: no JSON is built for a condition.
        env.eval(&compiled.node, &scope).is_ok_and(|result| result.truthy())
    }
}

/// Evaluates any JSON Logic expression against `data` as jsonlogic.com defines it, without
/// our loader's rule that field names be literals: the conformance tests use it.
#[cfg(test)]
fn apply(expr: &Value, data: &Value, today: Date) -> Result<Value, String> {
    let node = compile::parse(expr)?;
    let env = Env::new(today);
    Ok(env.eval(&node, &Scope::Data(data)).map_or(Value::Null, |result| result.into_value()))
}

fn pack(date: Date) -> u32 {
    (date.year.clamp(0, 9999) as u32) * 10_000 + u32::from(date.month) * 100 + u32::from(date.day)
}

fn unpack(packed: u32) -> Date {
    Date::new((packed / 10_000) as i32, ((packed / 100) % 100) as u8, (packed % 100) as u8)
        .unwrap_or(Date { year: 1970, month: 1, day: 1 })
}
