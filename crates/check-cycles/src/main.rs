//! `check-cycles [--count] [--edges] [--graph] ROOT...`: lists the import circles between the file modules
//! of each crate root given (a `lib.rs` or `main.rs`).
//!
//! Exit code: 0 without circles (or with `--count`), 1 with circles, 2 when a file could not be
//! found, read or parsed, or on bad arguments.

use onewindow_check_cycles::{analyze, render};
use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "usage: check-cycles [--count] [--edges] [--graph] CRATE_ROOT...
  Lists import circles between the file modules of each crate (CRATE_ROOT: its lib.rs or main.rs).
  --count  print only the number of circles per crate and the total; exit 0
  --edges  also print every reference between the modules of each circle
  --graph  also print every reference between two files, circle or not
Exit code: 1 when there are circles, 2 when a file could not be read or parsed.";

fn main() -> ExitCode {
    let (mut count_only, mut all_edges, mut graph, mut roots) = (false, false, false, Vec::new());
    for arg in std::env::args_os().skip(1) {
        match arg.to_str() {
            Some("--count") => count_only = true,
            Some("--edges") => all_edges = true,
            Some("--graph") => graph = true,
            Some("-h" | "--help") => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            Some(flag) if flag.starts_with('-') => {
                eprintln!("check-cycles: unknown option {flag}\n{USAGE}");
                return ExitCode::from(2);
            }
            _ => roots.push(PathBuf::from(arg)),
        }
    }
    if roots.is_empty() {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    }
    let (mut total, mut errors) = (0, 0);
    for root in &roots {
        let report = analyze(root);
        for error in &report.errors {
            eprintln!("error: {error}");
        }
        errors += report.errors.len();
        total += report.circles.len();
        if graph {
            for step in &report.references {
                println!(
                    "{}: {} → {} ({})",
                    report.root,
                    step.from,
                    step.to,
                    step.names.join(", ")
                );
            }
        }
        if count_only {
            println!("{}: {}", report.root, report.circles.len());
        } else {
            print!("{}", render(&report, all_edges));
        }
    }
    println!("import circles: {total}");
    if errors > 0 {
        eprintln!("check-cycles: {errors} file(s) could not be read or parsed");
        ExitCode::from(2)
    } else if total > 0 && !count_only {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
