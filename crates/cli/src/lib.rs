//! The department tool for onewindow: a thin shell over `onewindow-engine`, and the only crate
//! that knows about the file system and the terminal for departments.
//!
//! `run` takes the arguments (without the program name) and the standard output, and returns
//! the exit code: 0 when all is well, 1 when `lint` (or `explain`) found errors in a
//! definition. Usage and file errors are returned as [`Error`], exit code 2.

#![deny(missing_docs)]

mod args;
mod error;
mod examples;
mod explain;
mod files;
mod index;
mod lint;
mod package;
mod preview;
mod site;
mod starter;

pub use error::Error;
use std::ffi::OsString;
use std::io::{self, Write};

/// The whole help text (`onewindow --help`).
pub const HELP: &str = "\
onewindow — the department tool for onewindow form definitions

Usage: onewindow <command> [arguments] [options]

Commands:
  lint <files or dirs>...
      Check form definitions and print every problem as `file:JSON-pointer: severity: message`
      (pointer `/` is the whole document), then `N files, E errors, W warnings`.
      Directories are searched for *.json, except *.examples.json, dictionary.json and
      anything under a data/ directory; catalog.json is checked as the service catalog (its
      guides and forms must exist) and files under guides/ as procedure guides (with their
      assistant form, ../<assistant>.json). A dictionary.json given by name is checked as the
      data dictionary, an X.examples.json given by name as a form's examples (`onewindow test`
      runs them). `concept`s are checked against the dictionary.json next
      to each form, and every `options_from` list must be data/<name>.json next to the form.
        --dictionary FILE   check concepts against FILE instead
        --json              print a JSON array of {file, pointer, severity, message}

  test [dirs or files]... [--json]
      Run each form's examples (X.examples.json beside X.json: sets of answers, each with the
      path, end, errors, warnings, check-answers rows, computed values and, for an assistant,
      the checklist its guide tailors) and print a table: examples, passed and failed per
      file, then each difference as `expected`/`actual`. A form given by name runs the
      examples beside it; a directory (default: the current one) is searched for
      *.examples.json. The form is loaded as lint loads it, on the examples' `today`; one
      with errors fails with them. --json prints each file's results as JSON.

  schema [form|dictionary]
      Print the JSON Schema of form definitions (the default) or of the data dictionary.

  explain <form.json> [--answers FILE] [--locale TAG] [--today YYYY-MM-DD] [--json]
      Show what a set of answers (a JSON object keyed by question id; none if omitted) means:
      the pages on the path with their headings, errors and warnings, where the journey ends,
      the check-answers rows, whether it is complete, and the answers dropped as hidden.
      Reference lists come from data/<name>.json next to the form. --locale defaults to the
      form's first locale, --today to today's date (UTC).

  package <form.json> --answers FILE [--locale TAG] [--today YYYY-MM-DD] [--key UUID]
          [--created TIME] [--entry] [--submission JSON]
      Print the submission package the browser would send for these answers (exit 1 with
      the errors when they are not complete). --key and --created default to a new UUID v4
      and now. --entry prints instead the outbox entry (package, settings and request, one
      line), the settings overridden by --submission '{\"url\": …}' as a host page would.

  index <catalog.json> [-o FILE]
      Build the search index of a service catalog and its guides (titles, synonyms, keywords,
      summaries, departments, categories, life events, material names, FAQ questions, and the
      pinyin of Chinese names): its entry into FILE, by default catalog.index next to the
      catalog, where the app fetches it, and its parts into search/ beside FILE (parts of an
      earlier build there are removed). Problems that stop it are printed as
      `file:JSON-pointer: severity: message` (exit 1, nothing written).

  site <catalog.json> --site-url URL [--out DIR] [--stylesheet NAME]
      Render the catalog's static pages into DIR (default dist, the built app): the home,
      every category and life event, and every service's guide, in every locale of the
      catalog, as DIR/<locale>/…/index.html, with sitemap.xml and robots.txt. They are HTML
      before any script runs; their search, assistant and form links go to the app at the
      site's root. URL is the site's absolute address (canonical links and the sitemap need
      it). NAME is the app's stylesheet file in DIR (found there when not given). Problems in
      the catalog, its guides or their assistants are printed as by lint (exit 1, nothing
      written).

  new form [--id ID] [--locales zh-CN,en]
      Print a starting definition whose hints and content say what to change; it passes lint.
      Save it as <ID>.json.
  new guide [--service ID] [--locales zh-CN,en]
      Print a starting procedure guide (办事指南) for service ID: texts in [brackets] say what
      to write there, and its first FAQ entry how. It passes lint; save it as
      guides/<ID>.json next to the forms.
  new catalog [--service ID] [--locales zh-CN,en]
      Print a starting catalog.json listing service ID with guides/<ID>.json and the form
      <ID>: it passes lint once those two are saved next to it (new guide, new form).

  preview <file.json> [--port N] [--dist DIR] [--open-locale TAG]
      Serve the built app (DIR, default dist: build it with scripts/build.sh) on 127.0.0.1
      with this definition as forms/<its id>.json, and print the address to open. Other
      forms/ files (data/*.json lists, dictionary.json) come from the file's directory, then
      ../forms/. Each time the file changes it is linted (problems printed as by lint) and
      the page reloads; a definition with errors is still served, and the page lists them.
      --port defaults to 8090 (0 picks a free one); --open-locale adds &lang=TAG to the
      address. Ctrl-C stops it.

  help, --help       Show this help (also `onewindow <command> --help`).
  --version          Show the version and the definition format it reads.


Exit codes: 0 no errors (warnings allowed); 1 errors found in a definition, or an example
that fails; 2 wrong usage, or a file that cannot be read.
";

/// The version line (`onewindow --version`).
pub fn version() -> String {
    format!(
        "onewindow {} (onewindow-cli; definition format v{})",
        env!("CARGO_PKG_VERSION"),
        onewindow_engine::SCHEMA_VERSION
    )
}

/// Runs the command line `args` (without the program name), writing results to `out`.
/// Returns the exit code (0 or 1); errors mean exit code 2.
///
/// The output is written once the command has finished, so that a reader that stops early
/// (`onewindow lint forms | head`) does not change the exit code.
pub fn run(args: impl IntoIterator<Item = OsString>, out: &mut dyn Write) -> Result<u8, Error> {
    let args: Vec<OsString> = args.into_iter().collect();
    // `preview` runs until stopped and reports as it goes: its output cannot wait until the end.
    if args.first().is_some_and(|a| a == "preview")
        && !args.iter().any(|a| a == "--help" || a == "-h")
    {
        let rest = args[1..].iter().map(|a| {
            a.clone()
                .into_string()
                .map_err(|a| Error::usage(format!("argument {a:?} is not valid UTF-8")))
        });
        return preview::run(&rest.collect::<Result<Vec<String>, Error>>()?, out);
    }
    let mut buffer = Vec::new();
    let result = dispatch(args, &mut buffer);
    match out.write_all(&buffer).and_then(|()| out.flush()) {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(Error::Output(e)),
        _ => result,
    }
}

fn dispatch(args: impl IntoIterator<Item = OsString>, out: &mut dyn Write) -> Result<u8, Error> {
    let args = args
        .into_iter()
        .map(|a| {
            a.into_string().map_err(|a| Error::usage(format!("argument {a:?} is not valid UTF-8")))
        })
        .collect::<Result<Vec<String>, Error>>()?;
    let Some((command, rest)) = args.split_first() else {
        return Err(Error::usage(
            "no command given: use lint, test, schema, explain, package, index, site, new or preview",
        ));
    };
    let wants_help = rest.iter().take_while(|a| *a != "--").any(|a| a == "--help" || a == "-h");
    match command.as_str() {
        "--help" | "-h" | "help" => {
            out.write_all(HELP.as_bytes())?;
            Ok(0)
        }
        "--version" | "-V" | "version" => {
            writeln!(out, "{}", version())?;
            Ok(0)
        }
        "lint" | "test" | "schema" | "explain" | "package" | "index" | "site" | "new" | "preview" if wants_help => {
            out.write_all(command_help(command).as_bytes())?;
            Ok(0)
        }
        "lint" => lint::run(rest, out),
        "test" => examples::run(rest, out),
        "schema" => schema(rest, out),
        "explain" => explain::run(rest, out),
        "package" => package::run(rest, out),
        "new" => starter::run(rest, out),
        "index" => index::run(rest, out),
        "site" => site::run(rest, out),
        "preview" => preview::run(rest, out),
        other if other.starts_with('-') => Err(Error::usage(format!("unknown option {other}; give a command first"))),
        other => Err(Error::usage(format!("unknown command \"{other}\"; the commands are lint, test, schema, explain, package, index, site, new and preview"))),
    }
}

/// The part of [`HELP`] about one command (the whole help for an unknown one).
fn command_help(command: &str) -> String {
    let lines: Vec<&str> = HELP.lines().collect();
    let heads = |l: &&str| {
        l.strip_prefix("  ")
            .and_then(|l| l.strip_prefix(command))
            .is_some_and(|r| r.is_empty() || r.starts_with(' '))
    };
    let Some(first) = lines.iter().position(heads) else { return HELP.to_string() };
    let mut text = format!("Usage: onewindow {}\n", lines[first].trim());
    for line in lines[first + 1..].iter().take_while(|l| !l.is_empty()) {
        text.push_str(line);
        text.push('\n');
    }
    text
}

/// `onewindow schema [form|dictionary]`: the JSON Schema generated from the engine's types,
/// byte for byte as committed in `schema/`.
fn schema(args: &[String], out: &mut dyn Write) -> Result<u8, Error> {
    let parsed = args::parse("schema", args, &[], &[])?;
    let schema = match parsed.positional.as_slice() {
        [] => schemars::schema_for!(onewindow_engine::Form),
        [which] if which == "form" => schemars::schema_for!(onewindow_engine::Form),
        [which] if which == "dictionary" => schemars::schema_for!(onewindow_engine::Dictionary),
        [which] => {
            return Err(Error::usage(format!("schema: \"{which}\" is not form or dictionary")))
        }
        _ => return Err(Error::usage("schema takes at most one argument: form or dictionary")),
    };
    let text =
        serde_json::to_string_pretty(&schema).map_err(|e| Error::Output(io::Error::other(e)))?;
    writeln!(out, "{text}")?;
    Ok(0)
}
