//! `onewindow package`: the submission package (or outbox entry) the browser would make for a
//! set of answers, for testing a backend with exactly what citizens' devices will send.

use crate::args;
use crate::explain::read_answers;
use crate::files;
use crate::lint::{self, Checker};
use crate::Error;
use onewindow_engine::formats::Date;
use onewindow_engine::{OutboxEntry, PackageProblem, Severity};
use std::io::Write;
use std::path::Path;

/// `onewindow package <form.json> --answers FILE [--locale TAG] [--today D] [--key UUID]
/// [--created TIME] [--submission JSON] [--entry]`.
pub fn run(args: &[String], out: &mut dyn Write) -> Result<u8, Error> {
    let parsed = args::parse(
        "package",
        args,
        &["--answers", "--locale", "--today", "--key", "--created", "--submission"],
        &["--entry"],
    )?;
    let [form_path] = parsed.positional.as_slice() else {
        return Err(Error::usage(
            "package takes one form definition: onewindow package <form.json> --answers FILE",
        ));
    };
    let answers_file =
        parsed.value("--answers").ok_or_else(|| Error::usage("package needs --answers FILE"))?;
    let answers = read_answers(Path::new(answers_file))?;
    let today = match parsed.value("--today") {
        Some(text) => text.parse::<Date>().map_err(|_| {
            Error::usage(format!("package: --today \"{text}\" is not a date like 2026-01-31"))
        })?,
        None => files::today(),
    };
    let path = Path::new(form_path);
    let mut checker = Checker::new(today, None);
    let model = match checker.form(path, false)? {
        Some(model) if checker.count(Severity::Error) == 0 => model,
        _ => {
            lint::print(&checker.problems(), false, out)?;
            writeln!(out, "{} cannot make packages until its errors are fixed", path.display())?;
            return Ok(1);
        }
    };
    let form = model.form();
    let locale = parsed.value("--locale").unwrap_or(form.fallback_locale()).to_string();
    if !form.locales.contains(&locale) {
        return Err(Error::usage(format!(
            "package: the form is not published in {locale}; its locales are {}",
            form.locales.join(", ")
        )));
    }
    let key = match parsed.value("--key") {
        Some(key) => key.to_string(),
        None => random_uuid().map_err(|e| Error::file("/dev/urandom", e.to_string()))?,
    };
    let created = parsed.value("--created").map_or_else(now_rfc3339, str::to_string);
    let package = match model.package(&answers, &locale, &created, &key) {
        Ok(package) => package,
        Err(PackageProblem::Invalid { errors }) => {
            for e in errors {
                writeln!(out, "{}: {}: {}", e.page, e.error.field, e.error.message)?;
            }
            return Ok(1);
        }
        Err(other) => {
            writeln!(out, "no package: {}", serde_json::to_string(&other).unwrap_or_default())?;
            return Ok(1);
        }
    };
    if !parsed.switch("--entry") {
        writeln!(out, "{}", serde_json::to_string_pretty(&package).unwrap_or_default())?;
        return Ok(0);
    }
    let mut settings = form.submission_settings();
    if let Some(overrides) = parsed.value("--submission") {
        let overrides: serde_json::Value = serde_json::from_str(overrides)
            .map_err(|e| Error::usage(format!("package: --submission is not JSON: {e}")))?;
        settings = settings
            .with_overrides(&overrides)
            .map_err(|e| Error::usage(format!("package: {e}")))?;
    }
    let title = form.text(&form.title, &locale).to_string();
    // Due at once (time 0), as if queued just now on a device that has been offline.
    let entry = OutboxEntry::new(&model, package, title, settings, 0);
    writeln!(out, "{}", serde_json::to_string(&entry).unwrap_or_default())?;
    Ok(0)
}

/// A random UUID v4 from the system's random source.
fn random_uuid() -> std::io::Result<String> {
    use std::io::Read;
    let mut bytes = [0u8; 16];
    std::fs::File::open("/dev/urandom")?.read_exact(&mut bytes)?;
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    Ok(format!("{}-{}-{}-{}-{}", &hex[0..8], &hex[8..12], &hex[12..16], &hex[16..20], &hex[20..32]))
}

/// The current time, RFC 3339 in UTC.
fn now_rfc3339() -> String {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    let date = Date::from_days_since_epoch((seconds / 86_400) as i64);
    let rest = seconds % 86_400;
    format!("{date}T{:02}:{:02}:{:02}Z", rest / 3600, rest % 3600 / 60, rest % 60)
}
