//! What the engine (and the app and embed around it in the browser) says is built with `Display` only. The browser's small build compiles with
//! `-Zfmt-debug=none` (scripts/setup.sh), which prints nothing for `{:?}`: a message such as
//! `the link {url:?} is not allowed` would reach the citizen's "cannot be shown" page without
//! the link at fault. Values are quoted with `diagnostic::quoted` instead. Clippy's `use_debug`
//! does not look inside `format!`, so this reads the sources.

use std::path::Path;

/// Lines of `source` before its first `#[cfg(test)]`, numbered from 1.
fn lines_outside_tests(source: &str) -> impl Iterator<Item = (usize, &str)> {
    source
        .lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l))
        .take_while(|(_, l)| !l.trim_start().starts_with("#[cfg(test)]"))
}

fn scan(dir: &Path, found: &mut Vec<String>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        if path.is_dir() {
            if name != "tests" {
                scan(&path, found);
            }
        } else if name.ends_with(".rs") && name != "tests.rs" {
            let source = std::fs::read_to_string(&path).unwrap();
            for (n, line) in lines_outside_tests(&source) {
                let code = line.split("//").next().unwrap_or_default();
                if code.contains(":?}") || code.contains(":#?}") {
                    found.push(format!("{}:{n}: {}", path.display(), line.trim()));
                }
            }
        }
    }
}

#[test]
fn no_message_is_formatted_with_debug() {
    let mut found = Vec::new();
    // The engine, and the two crates the browser runs it in.
    let engine = Path::new(env!("CARGO_MANIFEST_DIR"));
    for dir in ["src", "../../src", "../embed/src"] {
        scan(&engine.join(dir), &mut found);
    }
    assert!(found.is_empty(), "use diagnostic::quoted, not {{:?}}:\n{}", found.join("\n"));
}
