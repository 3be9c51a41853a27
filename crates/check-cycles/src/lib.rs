//! Lists the import circles between the file modules of a crate.
//!
//! A file refers to another when it names an item that the other file defines: through a
//! `use`, or a path in code, a type, a pattern or a macro's arguments. Names are followed
//! through `pub use` re-exports (globs included) to the file that defines the item, so a
//! re-export alone is no reference, and neither is `mod x;`. Every strongly connected
//! component of more than one file is an import circle.

mod graph;
mod refs;
mod tree;

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

/// One reference between two files of a circle, with examples of the names used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Step {
    pub from: String,
    pub to: String,
    /// The names used, distinct, in the order first written.
    pub names: Vec<String>,
}

/// An import circle: files that all depend on each other.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Circle {
    /// Sorted.
    pub modules: Vec<String>,
    /// A shortest cycle through the first module, edge by edge.
    pub cycle: Vec<Step>,
    /// Every reference between two modules of the circle.
    pub edges: Vec<Step>,
}

/// The result for one crate root.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CrateReport {
    /// The crate root as given.
    pub root: String,
    /// Files of the crate, relative to the root's directory, in declaration order.
    pub files: Vec<String>,
    pub circles: Vec<Circle>,
    /// Every reference between two files of the crate.
    pub references: Vec<Step>,
    /// Files that could not be found, read or parsed.
    pub errors: Vec<String>,
}

/// Loads the crate whose root is `root` and finds its import circles.
pub fn analyze(root: &Path) -> CrateReport {
    let krate = tree::Crate::load(root);
    let n = krate.files.len();
    let mut edges: BTreeMap<(usize, usize), Vec<String>> = BTreeMap::new();
    for from in 0..n {
        for r in refs::references(&krate, from) {
            let names = edges.entry((from, r.to)).or_default();
            if !names.contains(&r.name) {
                names.push(r.name);
            }
        }
    }
    let display = |f: usize| krate.files[f].display.clone();
    let mut adj = vec![Vec::new(); n];
    for &(from, to) in edges.keys() {
        adj[from].push(to);
    }
    for list in &mut adj {
        list.sort_by_key(|&f| display(f));
    }
    let step = |from: usize, to: usize| Step {
        from: display(from),
        to: display(to),
        names: edges.get(&(from, to)).cloned().unwrap_or_default(),
    };
    let mut circles: Vec<Circle> = graph::tarjan(n, &adj)
        .into_iter()
        .filter(|scc| scc.len() > 1)
        .map(|mut scc| {
            scc.sort_by_key(|&f| display(f));
            let cycle = graph::shortest_cycle(scc[0], &scc, &adj).unwrap_or_default();
            let cycle = (0..cycle.len()).map(|i| step(cycle[i], cycle[(i + 1) % cycle.len()]));
            let inner = scc.iter().flat_map(|&from| {
                adj[from].iter().filter(|to| scc.contains(to)).map(move |&to| (from, to))
            });
            Circle {
                modules: scc.iter().map(|&f| display(f)).collect(),
                cycle: cycle.collect(),
                edges: inner.map(|(from, to)| step(from, to)).collect(),
            }
        })
        .collect();
    circles.sort_by(|a, b| a.modules.cmp(&b.modules));
    CrateReport {
        root: root.display().to_string(),
        files: krate.files.iter().map(|f| f.display.clone()).collect(),
        circles,
        references: edges.keys().map(|&(from, to)| step(from, to)).collect(),
        errors: krate.errors,
    }
}

fn names(step: &Step) -> String {
    const SHOWN: usize = 3;
    let mut out = step.names.iter().take(SHOWN).cloned().collect::<Vec<_>>().join(", ");
    if step.names.len() > SHOWN {
        let _ = write!(out, ", +{}", step.names.len() - SHOWN);
    }
    out
}

/// The report for one crate: each circle's modules and one cycle through them, plus every
/// reference inside the circle when `all_edges`.
pub fn render(report: &CrateReport, all_edges: bool) -> String {
    let mut out = String::new();
    let plural = |n: usize, what: &str| format!("{n} {what}{}", if n == 1 { "" } else { "s" });
    let _ = writeln!(
        out,
        "{}: {} ({})",
        report.root,
        plural(report.circles.len(), "import circle"),
        plural(report.files.len(), "file")
    );
    for (i, circle) in report.circles.iter().enumerate() {
        let _ = writeln!(
            out,
            "  circle {}: {} modules: {}",
            i + 1,
            circle.modules.len(),
            circle.modules.join(", ")
        );
        for step in &circle.cycle {
            let _ = writeln!(out, "    {} → {} ({})", step.from, step.to, names(step));
        }
        if all_edges {
            let _ = writeln!(out, "    every reference inside the circle:");
            for step in &circle.edges {
                let _ =
                    writeln!(out, "      {} → {} ({})", step.from, step.to, step.names.join(", "));
            }
        }
    }
    out
}
