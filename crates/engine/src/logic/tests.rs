use super::{apply, Logic};
use crate::formats::Date;
use serde_json::{json, Value};

fn today() -> Date {
    Date { year: 2026, month: 1, day: 31 }
}

fn run(rule: Value, data: Value) -> Value {
    apply(&rule, &data, today()).unwrap_or_else(|e| panic!("{rule} does not compile: {e}"))
}

/// Through the form engine: compile (with the loader's rules) and evaluate on answers.
fn answers(rule: Value, data: Value) -> Value {
    let logic = Logic::new(today());
    let compiled = logic.compile(&rule).unwrap_or_else(|e| panic!("{rule} does not compile: {e}"));
    logic.eval(&compiled, |name| data.get(name))
}

fn compile_error(rule: Value) -> String {
    match Logic::new(today()).compile(&rule) {
        Ok(_) => panic!("{rule} compiled"),
        Err(e) => e,
    }
}

/// The official suite (tests/jsonlogic/tests.json, see the README there).
#[test]
fn the_official_json_logic_suite_passes() {
    let suite: Vec<Value> = serde_json::from_str(include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/jsonlogic/tests.json"
    )))
    .expect("valid JSON");
    let logic = Logic::new(today());
    let (mut cases, mut through_answers, mut failures) = (0, 0, Vec::new());
    for entry in &suite {
        let Value::Array(case) = entry else { continue };
        let [rule, data, expected] = case.as_slice() else { panic!("malformed case {entry}") };
        cases += 1;
        match apply(rule, data, today()) {
            Ok(result) if result == *expected => {}
            other => failures.push(format!("{rule} on {data}: expected {expected}, got {other:?}")),
        }
        // Rules the form loader accepts, on object data, also run as a form evaluates them:
        // straight from the answers. (The others use a computed field name, or data that is
        // not a set of answers.)
        if let (Ok(compiled), Value::Object(answers)) = (logic.compile(rule), data) {
            through_answers += 1;
            let result = logic.eval(&compiled, |name| answers.get(name));
            if result != *expected {
                failures
                    .push(format!("{rule} on answers {data}: expected {expected}, got {result}"));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {cases} cases failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
    // The suite is all there (a truncated file would pass too).
    assert_eq!(cases, 275);
    assert!(through_answers > 100, "only {through_answers} cases ran through the answers");
}

/// Cases from datalogic-rs's copy of the suite that the vendored file lacks.
#[test]
fn newer_cases_of_the_shared_suite() {
    assert_eq!(run(json!([1, {"var": "x"}, 3]), json!({"x": 2})), json!([1, 2, 3]));
    assert_eq!(
        run(json!({"if": [{"var": "x"}, [{"var": "y"}], 99]}), json!({"x": true, "y": 42})),
        json!([42])
    );
    let sum = json!({"reduce": [{"var": "integers"}, {"+": [{"var": "current"}, {"var": "accumulator"}]}, {"var": "start_with"}]});
    assert_eq!(run(sum, json!({"integers": [1, 2, 3, 4], "start_with": 59})), json!(69));
}

#[test]
fn whole_numbers_come_out_as_integers() {
    assert_eq!(run(json!({"+": [1.5, 1.5]}), json!(null)).to_string(), "3");
    assert_eq!(run(json!({"*": [{"var": "x"}, 2]}), json!({"x": 3.0})).to_string(), "6");
    assert_eq!(run(json!({"/": [1, 4]}), json!(null)).to_string(), "0.25");
    assert_eq!(run(json!({"-": [0]}), json!(null)).to_string(), "0");
    assert_eq!(
        run(json!({"+": [9_007_199_254_740_992_i64, 0]}), json!(null)).to_string(),
        "9007199254740992"
    );
    // Beyond i64, still a number.
    assert_eq!(
        run(json!({"*": [9_223_372_036_854_775_807_i64, 2]}), json!(null)).to_string(),
        "1.8446744073709552e+19"
    );
    // An answer read as is keeps its form.
    assert_eq!(run(json!({"var": "x"}), json!({"x": 3.0})).to_string(), "3.0");
}

#[test]
fn numbers_that_are_not_finite_are_null() {
    for rule in [
        json!({"/": [1, 0]}),
        json!({"%": [1, 0]}),
        json!({"+": ["apple", 1]}),
        json!({"+": [1e308, 1e308]}),
        json!({"max": []}),
        json!({"min": []}),
        json!({"max": [1, "a"]}),
        json!({"-": ["a"]}),
    ] {
        assert_eq!(run(rule.clone(), json!(null)), Value::Null, "{rule}");
    }
}

#[test]
fn arithmetic_coerces_as_javascript_does() {
    let cases = [
        // + and * go through parseFloat: leading number, null and booleans are NaN.
        (json!({"+": ["3.5e1"]}), json!(35)),
        (json!({"+": [" 12px", 1]}), json!(13)),
        (json!({"+": ["0x10"]}), json!(0)),
        (json!({"+": [".5", "5."]}), json!(5.5)),
        (json!({"+": [null, 1]}), Value::Null),
        (json!({"+": [true, 1]}), Value::Null),
        (json!({"+": []}), json!(0)),
        (json!({"+": "3"}), json!(3)),
        (json!({"*": ["2", "3"]}), json!(6)),
        // One factor is returned as it is; none throws.
        (json!({"*": ["2"]}), json!("2")),
        (json!({"*": []}), Value::Null),
        // - / % go through Number(): "" and null are 0, hexadecimal is read.
        (json!({"-": [null, 3]}), json!(-3)),
        (json!({"-": ["0x10", ""]}), json!(16)),
        (json!({"-": [" 2 "]}), json!(-2)),
        (json!({"-": ["2abc", 1]}), Value::Null),
        (json!({"-": [[5], 1]}), json!(4)),
        (json!({"-": [5, 3, 1]}), json!(2)),
        (json!({"/": [6, "3"]}), json!(2)),
        (json!({"%": [-7, 3]}), json!(-1)),
        (json!({"%": [7.5, 2]}), json!(1.5)),
        (json!({"max": ["3", 2, true]}), json!(3)),
        (json!({"min": [1, null]}), json!(0)),
        (json!({"+": [0.1, 0.2]}), json!(0.30000000000000004)),
    ];
    for (rule, expected) in cases {
        assert_eq!(run(rule.clone(), json!(null)), expected, "{rule}");
    }
}

#[test]
fn comparisons_coerce_as_javascript_does() {
    let cases = [
        (json!({"==": [null, 0]}), false),
        (json!({"==": [null, false]}), false),
        (json!({"==": [0, false]}), true),
        (json!({"==": ["", 0]}), true),
        (json!({"==": ["1", true]}), true),
        (json!({"==": [[1], 1]}), true),
        (json!({"==": [[1, 2], "1,2"]}), true),
        (json!({"==": [[], false]}), true),
        (json!({"==": [[1], [1]]}), false),
        (json!({"==": [null]}), true),
        (json!({"==": [1.0, 1]}), true),
        (json!({"!=": [null, 0]}), true),
        (json!({"===": [1, 1.0]}), true),
        (json!({"===": [null]}), false),
        (json!({"!==": [[], []]}), true),
        (json!({"<": ["a", "b"]}), true),
        (json!({"<": ["10", "9"]}), true),
        (json!({"<": ["10", 9]}), false),
        (json!({"<": [null, 1]}), true),
        (json!({"<": ["a", 1]}), false),
        (json!({">=": ["a", 1]}), false),
        (json!({"<=": [null, 0]}), true),
        (json!({"<": [1, "2", 3]}), true),
        (json!({"<=": [1, 1, 1]}), true),
        (json!({"<": [1, 2, "a"]}), false),
        (json!({">": [3, 2, 5]}), true),
        (json!({"<": ["2025-12-31", "2026-01-01"]}), true),
        // UTF-16 order: U+FF5E sorts after the surrogate pair of U+1F600.
        (json!({"<": ["😀", "～"]}), true),
    ];
    for (rule, expected) in cases {
        assert_eq!(run(rule.clone(), json!(null)), json!(expected), "{rule}");
    }
}

#[test]
fn an_answer_compared_with_itself_is_the_same_array() {
    let data = json!({"a": [1], "b": [1]});
    assert_eq!(run(json!({"==": [{"var": "a"}, {"var": "a"}]}), data.clone()), json!(true));
    assert_eq!(run(json!({"===": [{"var": "a"}, {"var": "b"}]}), data.clone()), json!(false));
    assert_eq!(run(json!({"in": [{"var": "a.0"}, {"var": "a"}]}), data), json!(true));
}

#[test]
fn strings_are_made_as_javascript_makes_them() {
    let cases = [
        (json!({"cat": [null, 1.5, true, [1, [2, null]], "x"]}), json!("1.5true1,2,x")),
        (json!({"cat": [1.0, 100, -0.0]}), json!("11000")),
        (
            json!({"cat": [1e21, 1e-7, 123456789012345680000.0, 0.000001]}),
            json!("1e+211e-71234567890123456800000.000001"),
        ),
        (json!({"cat": [{"var": "o"}]}), json!("[object Object]")),
        (json!({"cat": []}), json!("")),
        (json!({"substr": ["jsonlogic", 2, -20]}), json!("")),
        (json!({"substr": ["jsonlogic", -20]}), json!("jsonlogic")),
        (json!({"substr": ["jsonlogic", 20]}), json!("")),
        (json!({"substr": ["jsonlogic", "1", 2.9]}), json!("so")),
        (json!({"substr": ["jsonlogic", 4, "-2"]}), json!("")),
        (json!({"substr": ["中文字符", 1, 2]}), json!("文字")),
        (json!({"substr": [12345, 1, -1]}), json!("234")),
        (json!({"substr": [null, 1]}), json!("ull")),
        (json!({"substr": ["abc"]}), json!("abc")),
        (json!({"in": [1, "123"]}), json!(true)),
        (json!({"in": ["", ""]}), json!(false)),
        (json!({"in": ["a", null]}), json!(false)),
        (json!({"in": [1, ["1", 2]]}), json!(false)),
        (json!({"in": [1.0, [1, 2]]}), json!(true)),
    ];
    for (rule, expected) in cases {
        assert_eq!(run(rule.clone(), json!({"o": {"a": 1}})), expected, "{rule}");
    }
}

#[test]
fn operators_take_arguments_as_json_logic_js_does() {
    let cases = [
        (json!({"if": true}), json!(true)),
        (json!({"and": []}), Value::Null),
        (json!({"or": []}), Value::Null),
        (json!({"and": 1}), json!(1)),
        (json!({"!": []}), json!(true)),
        (json!({"!!": [1, 0]}), json!(true)),
        (json!({"log": ["apple", "ignored"]}), json!("apple")),
        (json!({"log": []}), Value::Null),
        (json!({"merge": [1, [2, 3], [[4]], null]}), json!([1, 2, 3, [4], null])),
        (json!({"missing": [["a", "b"], "c"]}), json!(["b"])),
        (json!({"missing": ["a", "d", "e.f"]}), json!(["d", "e.f"])),
        (json!({"missing_some": [1, ["b", "c"]]}), json!(["b", "c"])),
        (json!({"missing_some": ["1", ["a", "b"]]}), json!([])),
        (json!({"missing_some": [1, null]}), Value::Null),
        (json!({"var": ["a.b", 5]}), json!(5)),
        (json!({"var": ["e.f", 5]}), Value::Null),
        (json!({"var": "list.01"}), Value::Null),
        (json!({"var": "list.1"}), json!(20)),
        (json!({"var": "list.-1"}), Value::Null),
        (json!({"var": "a.x"}), Value::Null),
        (json!({"var": {"cat": ["li", "st.0"]}}), json!(10)),
        (json!({"var": ["x", {"+": [1, 2]}]}), json!(3)),
        (json!({"filter": ["abc", true]}), json!([])),
        (json!({"filter": [{"var": "list"}]}), json!([])),
        (json!({"map": [{"var": "list"}]}), json!([null, null])),
        (json!({"all": [[1]]}), json!(false)),
        (json!({"none": [5, true]}), json!(true)),
        (json!({"some": [[0, 2], {"var": ""}]}), json!(true)),
        (
            json!({"reduce": [{"var": "list"}, {"+": [{"var": "current"}, {"var": "accumulator"}]}]}),
            Value::Null,
        ),
        (json!({"reduce": [5, {"var": "current"}, 7]}), json!(7)),
        (
            json!({"reduce": [[1, 2], {"var": ""}, 0]}),
            json!({"current": 2, "accumulator": {"current": 1, "accumulator": 0}}),
        ),
        (json!({"filter": [{"merge": [[1, 2], [3]]}, {">": [{"var": ""}, 1]}]}), json!([2, 3])),
    ];
    let data = json!({"a": "apple", "e": {"f": null}, "list": [10, 20]});
    for (rule, expected) in cases {
        assert_eq!(run(rule.clone(), data.clone()), expected, "{rule}");
    }
}

#[test]
fn numbers_are_written_as_javascript_writes_them() {
    use super::value::number_to_string as s;
    for (n, text) in [
        (0.0, "0"),
        (-0.0, "0"),
        (1.0, "1"),
        (-1.5, "-1.5"),
        (0.1, "0.1"),
        (1e21, "1e+21"),
        (1e20, "100000000000000000000"),
        (1.5e-7, "1.5e-7"),
        (1e-6, "0.000001"),
        (123.456, "123.456"),
        (f64::NAN, "NaN"),
        (f64::NEG_INFINITY, "-Infinity"),
        (5e-324, "5e-324"),
        (1.7976931348623157e308, "1.7976931348623157e+308"),
    ] {
        assert_eq!(s(n), text);
    }
}

#[test]
fn our_operators() {
    let data = json!({"dob": "2000-02-29", "id": "11010519491231002X", "start": "2026-01-01", "end": "2026-02-12"});
    let cases = [
        (json!({"today": []}), json!("2026-01-31")),
        (json!({"age": [{"var": "dob"}]}), json!(25)),
        (json!({"age": {"var": "dob"}}), json!(25)),
        (json!({"age": [{"var": "dob"}, "2024-02-29"]}), json!(24)),
        (json!({"age": ["2000-02-30"]}), Value::Null),
        (json!({"age": [{"var": "missing"}]}), Value::Null),
        (json!({"age": [20000229]}), Value::Null),
        (json!({"date_before": [{"var": "start"}, {"var": "end"}]}), json!(true)),
        (json!({"date_before": [{"var": "end"}, {"var": "start"}]}), json!(false)),
        (json!({"date_after": [{"var": "end"}, {"var": "start"}]}), json!(true)),
        (json!({"date_after": [{"var": "end"}, "not a date"]}), json!(false)),
        (json!({"days_between": [{"var": "start"}, {"var": "end"}]}), json!(42)),
        (json!({"days_between": [{"var": "end"}, {"var": "start"}]}), json!(-42)),
        (json!({"days_between": [{"var": "end"}]}), Value::Null),
        (json!({"<=": [{"days_between": [{"var": "start"}, {"var": "end"}]}, 42]}), json!(true)),
        (json!({"valid_format": ["cn_resident_id", {"var": "id"}]}), json!(true)),
        (json!({"valid_format": ["cn_resident_id", "110105194912310021"]}), json!(false)),
        (json!({"valid_format": ["no_such_format", {"var": "id"}]}), json!(false)),
        (json!({"valid_format": ["email", "a@example.org"]}), json!(true)),
        (json!({"id_birth_date": [{"var": "id"}]}), json!("1949-12-31")),
        (json!({"id_sex": {"var": "id"}}), json!("female")),
        (json!({"id_sex": ["110105194912310011"]}), json!("male")),
        (json!({"id_sex": [{"var": "dob"}]}), Value::Null),
        (json!({"id_birth_date": []}), Value::Null),
    ];
    for (rule, expected) in cases {
        assert_eq!(answers(rule.clone(), data.clone()), expected, "{rule}");
    }
}

#[test]
fn today_is_the_callers() {
    let logic = Logic::new(today());
    let compiled = logic.compile(&json!({"age": ["2000-06-15"]})).unwrap();
    assert_eq!(logic.eval(&compiled, |_| None), json!(25));
    logic.set_today(Date { year: 2026, month: 6, day: 15 });
    assert_eq!(logic.today(), Date { year: 2026, month: 6, day: 15 });
    assert_eq!(logic.eval(&compiled, |_| None), json!(26));
}

#[test]
fn holds_is_truthiness_of_the_result() {
    let logic = Logic::new(today());
    let data = json!({"list": [], "n": 0, "s": "0"});
    for (rule, expected) in [
        (json!({"var": "list"}), false),
        (json!({"var": "n"}), false),
        (json!({"var": "s"}), true),
        (json!({"*": []}), false),
        (json!({"/": [1, 0]}), true),
        (json!({"-": ["a"]}), false),
        (json!({"merge": []}), false),
    ] {
        let compiled = logic.compile(&rule).unwrap();
        assert_eq!(logic.holds(&compiled, |name| data.get(name)), expected, "{rule}");
    }
}

#[test]
fn dependencies_are_the_fields_read_from_the_answers() {
    let deps = |rule: Value| Logic::new(today()).compile(&rule).unwrap().deps;
    assert_eq!(
        deps(json!({"and": [{"var": "a.b"}, {"var": ["c", {"var": "d"}]}, {"var": "a"}]})),
        ["a", "c", "d"]
    );
    assert_eq!(deps(json!({"missing": ["e", "f.g"]})), ["e", "f"]);
    assert_eq!(deps(json!({"missing_some": [{"var": "n"}, ["h"]]})), ["h", "n"]);
    // Inside map, filter, … var reads the items, except reduce's initial value.
    assert_eq!(deps(json!({"map": [{"var": "list"}, {"var": "item"}]})), ["list"]);
    assert_eq!(
        deps(json!({"reduce": [{"var": "list"}, {"var": "current"}, {"var": "start"}]})),
        ["list", "start"]
    );
    assert_eq!(deps(json!({"var": ""})), Vec::<String>::new());
}

#[test]
fn whole_answers_are_the_dependencies() {
    let rule = json!({"if": [{"var": "a"}, {"var": ""}, {"var": "b"}]});
    assert_eq!(answers(rule, json!({"a": 1, "b": 2, "c": 3})), json!({"a": 1, "b": 2}));
}

#[test]
fn definition_mistakes_are_plain_sentences() {
    assert_eq!(
        compile_error(json!({"no_such_operator": [1]})),
        "unknown operator \"no_such_operator\""
    );
    assert_eq!(
        compile_error(json!({"and": [true, {"==": [1, {"val": "x"}]}]})),
        "unknown operator \"val\""
    );
    assert_eq!(
        compile_error(json!({"var": {"cat": ["a", "b"]}})),
        "\"var\" must name a field with a literal string"
    );
    assert_eq!(
        compile_error(json!({"missing": [{"var": "x"}]})),
        "\"missing\" must list field names as literal strings"
    );
    assert_eq!(
        compile_error(json!({"missing_some": [1]})),
        "\"missing_some\" takes [count, [field names]]"
    );
    assert_eq!(
        compile_error(json!({"==": [{"a": 1, "b": 2}, 1]})),
        "not a valid JSON Logic expression: an operation is an object with one key, the operator, but this one has \"a\", \"b\""
    );
    let mut deep = json!(true);
    for _ in 0..40 {
        deep = json!({"!": [deep]});
    }
    assert_eq!(compile_error(deep), "the expression is nested too deeply (more than 64 levels)");
    let mut deep = json!(1);
    for _ in 0..63 {
        deep = json!([deep]);
    }
    assert!(Logic::new(today()).compile(&deep).is_ok(), "64 levels are fine");
    assert!(Logic::new(today()).compile(&json!([deep])).is_err());
}

/// Every operator on every kind of argument: no panic, and a result.
#[test]
fn no_input_panics() {
    let operators = [
        "var",
        "missing",
        "missing_some",
        "if",
        "?:",
        "==",
        "===",
        "!=",
        "!==",
        "!",
        "!!",
        "or",
        "and",
        ">",
        ">=",
        "<",
        "<=",
        "max",
        "min",
        "+",
        "-",
        "*",
        "/",
        "%",
        "map",
        "filter",
        "reduce",
        "all",
        "none",
        "some",
        "merge",
        "in",
        "cat",
        "substr",
        "log",
        "today",
        "age",
        "date_before",
        "date_after",
        "days_between",
        "valid_format",
        "id_birth_date",
        "id_sex",
    ];
    let values = [
        json!(null),
        json!(true),
        json!(0),
        json!(-1),
        json!(1.5),
        json!(-9_223_372_036_854_775_808_i64),
        json!(18_446_744_073_709_551_615_u64),
        json!(1e308),
        json!(""),
        json!("a.b"),
        json!("-1e400"),
        json!("🙂x"),
        json!([]),
        json!([1, "2", [3]]),
        json!({}),
        json!({"var": "a"}),
        json!({"var": ""}),
        json!({"*": []}),
        json!({"merge": [[1], 2]}),
    ];
    let data = json!({"a": [1, {"b": "c"}], "": 5});
    let logic = Logic::new(today());
    let mut cases = 0;
    for op in operators {
        for a in &values {
            for b in &values {
                for args in
                    [json!(a), json!([a]), json!([a, b]), json!([a, b, a]), json!([b, a, b, a])]
                {
                    let rule = json!({ op: args });
                    cases += 1;
                    let _ = apply(&rule, &data, today());
                    if let Ok(compiled) = logic.compile(&rule) {
                        let _ = logic.eval(&compiled, |name| data.get(name));
                        let _ = logic.holds(&compiled, |name| data.get(name));
                    }
                }
            }
        }
    }
    assert!(cases > 70_000);
}

/// The deepest expressions the loader accepts evaluate within a small stack (a browser's
/// WebAssembly stack is 1 MiB), even unoptimised.
#[test]
fn the_deepest_expressions_fit_a_small_stack() {
    let nest = |wrap: &dyn Fn(Value) -> Value, levels: usize| {
        let mut expr = json!({"var": "a"});
        for _ in 0..levels {
            expr = wrap(expr);
        }
        expr
    };
    let deepest = |wrap: &dyn Fn(Value) -> Value| {
        let mut levels = 0;
        while Logic::new(today()).compile(&nest(wrap, levels + 1)).is_ok() {
            levels += 1;
        }
        nest(wrap, levels)
    };
    let shapes: Vec<Box<dyn Fn(Value) -> Value>> = vec![
        Box::new(|e| json!({"!": e})),
        Box::new(|e| json!({"if": [false, 1, e]})),
        Box::new(|e| json!({"cat": [e, "x"]})),
        Box::new(|e| json!({"<": [0, e, 9]})),
        Box::new(|e| json!({"age": e})),
        Box::new(|e| json!({"map": [{"merge": [[1], {"var": "x"}]}, e]})),
        Box::new(|e| json!({"reduce": [[1], e, 0]})),
    ];
    let expressions: Vec<Value> = shapes.iter().map(|wrap| deepest(wrap.as_ref())).collect();
    let worker = std::thread::Builder::new().stack_size(512 * 1024).spawn(move || {
        let logic = Logic::new(today());
        let data = json!({"a": [1, "2"]});
        for expr in &expressions {
            let compiled = logic.compile(expr).unwrap();
            let _ = logic.eval(&compiled, |name| data.get(name));
        }
    });
    worker.expect("spawns").join().expect("no stack overflow");
}

/// Work that multiplies with nesting stops at a budget rather than freezing the page.
#[test]
fn runaway_evaluation_stops() {
    let mut expr = json!({"var": ""});
    for _ in 0..10 {
        expr = json!({"map": [[1, 2, 3, 4], {"cat": [expr, "x"]}]});
    }
    assert_eq!(apply(&expr, &json!(null), today()), Ok(Value::Null));
    // Well within it: 40 items, each mapped, filtered and summed.
    let items: Vec<Value> = (0..40).map(|i| json!({"n": i})).collect();
    let sum = json!({"reduce": [{"filter": [{"map": [{"var": "items"}, {"var": "n"}]}, {"%": [{"var": ""}, 2]}]},
        {"+": [{"var": "current"}, {"var": "accumulator"}]}, 0]});
    assert_eq!(apply(&sum, &json!({"items": items}), today()), Ok(json!(400)));
}
