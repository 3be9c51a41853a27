//! Small crates written to a temporary directory, and the circles found in them.

use onewindow_check_cycles::{analyze, CrateReport};
use std::path::{Path, PathBuf};
use std::process::Command;

/// Writes `files` (path, text) under a fresh directory named after the test; returns it.
fn fixture(name: &str, files: &[(&str, &str)]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("check-cycles-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    for (path, text) in files {
        let path = dir.join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    dir
}

fn check(name: &str, files: &[(&str, &str)]) -> CrateReport {
    let dir = fixture(name, files);
    let report = analyze(&dir.join("lib.rs"));
    let _ = std::fs::remove_dir_all(&dir);
    assert!(report.errors.is_empty(), "{:?}", report.errors);
    report
}

/// The modules of each circle.
fn circles(report: &CrateReport) -> Vec<Vec<&str>> {
    report.circles.iter().map(|c| c.modules.iter().map(String::as_str).collect()).collect()
}

/// The cycle printed for circle `i`, as `from → to (names)` lines.
fn cycle(report: &CrateReport, i: usize) -> Vec<String> {
    let steps = &report.circles[i].cycle;
    steps.iter().map(|s| format!("{} → {} ({})", s.from, s.to, s.names.join(", "))).collect()
}

#[test]
fn two_modules_using_each_other_through_use_crate() {
    let report = check(
        "two",
        &[
            ("lib.rs", "mod a;\nmod b;\nmod c;\n"),
            ("a.rs", "use crate::b::B;\npub struct A(pub B);\n"),
            ("b.rs", "use crate::a::{self, A};\npub struct B;\npub fn f(_: A) {}\n"),
            ("c.rs", "use crate::a::A;\nuse crate::b::B;\npub fn g(_: A, _: B) {}\n"),
        ],
    );
    assert_eq!(circles(&report), vec![vec!["a.rs", "b.rs"]]);
    assert_eq!(cycle(&report, 0), ["a.rs → b.rs (B)", "b.rs → a.rs (a, A)"]);
}

#[test]
fn three_modules_through_super_and_expression_paths() {
    let report = check(
        "three",
        &[
            ("lib.rs", "mod m;\n"),
            ("m/mod.rs", "mod x;\nmod y;\nmod z;\n"),
            // A local variable `y` does not hide the module `y` from the path `y::fy`.
            ("m/x.rs", "use super::*;\npub fn fx() -> u8 {\n    let y = 1;\n    y::fy() + y\n}\n"),
            (
                "m/y.rs",
                "pub fn fy() -> u8 {\n    let n: super::z::Num = super::z::Num(1);\n    n.0\n}\n",
            ),
            ("m/z.rs", "pub struct Num(pub u8);\nfn back() { let _ = crate::m::x::fx; }\n"),
        ],
    );
    assert_eq!(circles(&report), vec![vec!["m/x.rs", "m/y.rs", "m/z.rs"]]);
    assert_eq!(
        cycle(&report, 0),
        ["m/x.rs → m/y.rs (fy)", "m/y.rs → m/z.rs (Num)", "m/z.rs → m/x.rs (fx)"]
    );
}

#[test]
fn a_circle_seen_only_through_a_glob_re_export_at_the_root() {
    let report = check(
        "glob",
        &[
            ("lib.rs", "mod a;\nmod b;\npub use a::*;\npub use b::helper;\n"),
            ("a.rs", "pub struct Thing;\npub fn make() -> Thing { crate::b::helper() }\n"),
            ("b.rs", "pub fn helper() -> crate::Thing {\n    crate::Thing\n}\n"),
        ],
    );
    // lib.rs only re-exports and declares: it is in no circle.
    assert_eq!(circles(&report), vec![vec!["a.rs", "b.rs"]]);
    assert_eq!(cycle(&report, 0), ["a.rs → b.rs (helper)", "b.rs → a.rs (Thing)"]);
}

#[test]
fn globs_bring_in_public_names_only_except_into_child_modules() {
    let report = check(
        "private",
        &[
            ("lib.rs", "mod a;\nmod b;\nmod c;\npub use a::*;\npub use b::*;\n"),
            ("a.rs", "fn helper() {}\npub fn from_a() { helper(); crate::c::g() }\n"),
            ("b.rs", "pub fn helper() {}\n"),
            (
                "c.rs",
                "pub fn g() { crate::helper() }\n\
                 #[cfg(test)]\nmod tests {\n    use super::*;\n    fn t() { g() }\n}\n",
            ),
        ],
    );
    // crate::helper is b's: a's helper is private, so `pub use a::*` does not bring it in.
    assert_eq!(circles(&report), Vec::<Vec<&str>>::new());
    let refs: Vec<_> = report.references.iter().map(|s| format!("{} → {}", s.from, s.to)).collect();
    assert_eq!(refs, ["a.rs → c.rs", "c.rs → b.rs"]);
}

const SHAPES_MOD: &str =
    "mod circle;\nmod square;\npub use circle::Circle;\npub use square::Square;\n\
    pub fn total() -> f64 {\n    Circle.area() + Square::new().area()\n}\n";

#[test]
fn a_mod_rs_re_exporting_its_children_is_no_circle() {
    let report = check(
        "reexport",
        &[
            ("lib.rs", "pub mod shapes;\n"),
            ("shapes/mod.rs", SHAPES_MOD),
            ("shapes/circle.rs", "pub struct Circle;\nimpl Circle {\n    pub fn area(&self) -> f64 { 3.0 }\n}\n"),
            (
                "shapes/square.rs",
                "use super::*;\npub struct Square;\nimpl Square {\n    pub fn new() -> Self { Square }\n\
                 \x20   pub fn area(&self) -> f64 { Circle.area() + super::Circle.area() }\n}\n",
            ),
        ],
    );
    assert_eq!(circles(&report), Vec::<Vec<&str>>::new());
    let refs: Vec<_> = report.references.iter().map(|s| format!("{} → {}", s.from, s.to)).collect();
    assert_eq!(
        refs,
        [
            "shapes/mod.rs → shapes/circle.rs",
            "shapes/mod.rs → shapes/square.rs",
            "shapes/square.rs → shapes/circle.rs"
        ]
    );
}

#[test]
fn re_export_lines_and_mod_declarations_are_no_references() {
    let report = check(
        "lines",
        &[
            ("lib.rs", "pub mod shapes;\npub use shapes::*;\npub const ROOT: u8 = 1;\n"),
            ("shapes/mod.rs", "mod square;\npub use square::Square;\npub(crate) fn unit() -> f64 { 1.0 }\n"),
            (
                "shapes/square.rs",
                "pub struct Square;\nimpl Square {\n    pub fn area(&self) -> f64 { super::unit() + crate::ROOT as f64 }\n}\n",
            ),
        ],
    );
    assert_eq!(circles(&report), Vec::<Vec<&str>>::new());
    let refs: Vec<_> = report.references.iter().map(|s| format!("{} → {}", s.from, s.to)).collect();
    assert_eq!(refs, ["shapes/square.rs → lib.rs", "shapes/square.rs → shapes/mod.rs"]);
}

#[test]
fn a_child_using_an_item_its_mod_rs_defines_is_a_circle() {
    let report = check(
        "parent",
        &[
            ("lib.rs", "pub mod shapes;\n"),
            ("shapes/mod.rs", &format!("{SHAPES_MOD}pub fn unit() -> f64 {{ 1.0 }}\n")),
            ("shapes/circle.rs", "pub struct Circle;\nimpl Circle {\n    pub fn area(&self) -> f64 { 3.0 }\n}\n"),
            (
                "shapes/square.rs",
                "use super::*;\npub struct Square;\nimpl Square {\n    pub fn new() -> Self { Square }\n\
                 \x20   pub fn area(&self) -> f64 { unit() }\n}\n",
            ),
        ],
    );
    assert_eq!(circles(&report), vec![vec!["shapes/mod.rs", "shapes/square.rs"]]);
    assert_eq!(
        cycle(&report, 0),
        ["shapes/mod.rs → shapes/square.rs (Square)", "shapes/square.rs → shapes/mod.rs (unit)"]
    );
}

#[test]
fn test_modules_inline_or_in_a_file_make_no_circle() {
    let report = check(
        "tests",
        &[
            ("lib.rs", "mod a;\nmod b;\n"),
            (
                "a.rs",
                "use crate::b::B;\npub fn a() -> B { B }\n\
                 #[cfg(test)]\nmod tests {\n    use super::*;\n    #[test]\n    fn t() { let _ = a(); let _: B = B; }\n}\n",
            ),
            ("b.rs", "pub struct B;\n#[cfg(test)]\nmod tests;\n"),
            ("b/tests.rs", "use super::*;\n#[test]\nfn t() { let _ = B; let _ = crate::a::a(); }\n"),
        ],
    );
    assert_eq!(circles(&report), Vec::<Vec<&str>>::new());
    let refs: Vec<_> = report.references.iter().map(|s| format!("{} → {}", s.from, s.to)).collect();
    assert_eq!(refs, ["a.rs → b.rs", "b/tests.rs → a.rs", "b/tests.rs → b.rs"]);
}

#[test]
fn locals_and_generics_named_like_items_are_not_references() {
    let report = check(
        "locals",
        &[
            ("lib.rs", "mod a;\nmod b;\n"),
            (
                "a.rs",
                "use crate::b::*;\n\
                 pub fn f<Widget: Clone>(w: Widget, summary: u8) -> u8 {\n\
                 \x20   let render = |x: u8| x;\n    let _ = w.clone();\n\
                 \x20   match summary { total => render(total) }\n}\n",
            ),
            (
                "b.rs",
                "pub struct Widget;\npub fn summary() -> u8 { crate::a::f(0u8, 1) }\n\
                 pub fn render(x: u8) -> u8 { x }\npub fn total() {}\n",
            ),
        ],
    );
    assert_eq!(circles(&report), Vec::<Vec<&str>>::new());
}

#[test]
fn paths_inside_macro_tokens_are_references() {
    let report = check(
        "macro",
        &[
            ("lib.rs", "mod a;\nmod b;\n"),
            (
                "a.rs",
                "use crate::b::*;\npub fn view(label: u8) {\n\
                 \x20   html! { <div class=\"x\"><Widget {label} size={label} /></div> }\n}\n",
            ),
            ("b.rs", "pub struct Widget;\npub fn g() { crate::a::view(1) }\n"),
        ],
    );
    assert_eq!(circles(&report), vec![vec!["a.rs", "b.rs"]]);
    assert_eq!(cycle(&report, 0), ["a.rs → b.rs (Widget)", "b.rs → a.rs (view)"]);
}

#[test]
fn yew_function_components_and_path_attributes() {
    let report = check(
        "component",
        &[
            ("lib.rs", "#[path = \"ui/page.rs\"]\nmod page;\n"),
            ("ui/page.rs", "mod card;\nuse card::Card;\n#[function_component(Page)]\npub fn page() { html! { <Card /> } }\n"),
            ("ui/card.rs", "#[function_component(Card)]\npub fn card() { html! { <super::Page /> } }\n"),
        ],
    );
    assert_eq!(report.files, ["lib.rs", "ui/page.rs", "ui/card.rs"]);
    assert_eq!(circles(&report), vec![vec!["ui/card.rs", "ui/page.rs"]]);
}

#[test]
fn parse_errors_and_missing_files_name_the_file() {
    let dir = fixture("broken", &[("lib.rs", "mod a;\nmod gone;\n"), ("a.rs", "pub fn (\n")]);
    let report = analyze(&dir.join("lib.rs"));
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(report.errors.len(), 2, "{:?}", report.errors);
    assert!(report.errors[0].contains("a.rs: parse error"), "{}", report.errors[0]);
    assert!(report.errors[1].contains("gone.rs: file not found"), "{}", report.errors[1]);
}

fn run(args: &[&str], root: &Path) -> (i32, String) {
    let out =
        Command::new(env!("CARGO_BIN_EXE_check-cycles")).args(args).arg(root).output().unwrap();
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stdout).into_owned())
}

#[test]
fn the_binary_prints_the_count_and_exits_with_it() {
    let cyclic = fixture(
        "bin-cyclic",
        &[
            ("lib.rs", "mod a;\nmod b;\n"),
            ("a.rs", "pub fn a() { crate::b::b() }\n"),
            ("b.rs", "pub fn b() { crate::a::a() }\n"),
        ],
    );
    let clean = fixture(
        "bin-clean",
        &[("lib.rs", "mod a;\nfn f() { a::a() }\n"), ("a.rs", "pub fn a() {}\n")],
    );
    let broken = fixture("bin-broken", &[("lib.rs", "fn (\n")]);

    let (code, out) = run(&[], &cyclic.join("lib.rs"));
    assert_eq!(code, 1);
    assert!(out.contains("    a.rs → b.rs (b)\n    b.rs → a.rs (a)\n"), "{out}");
    assert!(out.ends_with("import circles: 1\n"), "{out}");

    let (code, out) = run(&["--count"], &cyclic.join("lib.rs"));
    assert_eq!(code, 0);
    assert_eq!(out, format!("{}: 1\nimport circles: 1\n", cyclic.join("lib.rs").display()));

    let (code, out) = run(&[], &clean.join("lib.rs"));
    assert_eq!(code, 0);
    assert!(out.ends_with("import circles: 0\n"), "{out}");

    let (code, _) = run(&[], &broken.join("lib.rs"));
    assert_eq!(code, 2);

    for dir in [cyclic, clean, broken] {
        let _ = std::fs::remove_dir_all(dir);
    }
}

#[test]
fn this_crate_has_no_circle() {
    let report = analyze(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src/lib.rs"));
    assert!(report.errors.is_empty(), "{:?}", report.errors);
    assert_eq!(circles(&report), Vec::<Vec<&str>>::new());
    assert_eq!(report.files, ["lib.rs", "graph.rs", "refs.rs", "tree.rs"]);
}
