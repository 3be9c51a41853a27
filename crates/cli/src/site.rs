//! `onewindow site`: the static pages of a catalog (home, topics, every guide, in every
//! locale) with `sitemap.xml` and `robots.txt`, rendered by the app's own components
//! (`onewindow::site`) into the built app's directory, so that they are HTML before any
//! WebAssembly runs (docs/site.md).

use crate::args;
use crate::files::{dir_of, read_lists, read_text, today};
use crate::lint::Problem;
use crate::Error;
use onewindow::site::{build, GuideInput, SiteOptions};
use onewindow_engine::{compile_guide, load_catalog, read_guide, FormLoad, FormModel, Severity};
use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Component, Path, PathBuf};

pub fn run(args: &[String], out: &mut dyn Write) -> Result<u8, Error> {
    let parsed = args::parse("site", args, &["--site-url", "--out", "--stylesheet"], &[])?;
    let catalog_path =
        match parsed.positional.as_slice() {
            [one] => PathBuf::from(one),
            [] => return Err(Error::usage(
                "site needs the catalog: onewindow site <catalog.json> --site-url URL [--out DIR]",
            )),
            _ => return Err(Error::usage("site takes one catalog")),
        };
    let site_url = parsed
        .value("--site-url")
        .ok_or_else(|| Error::usage("site needs --site-url, the site's absolute address (https://…/): canonical links and the sitemap must be absolute"))?;
    let site_url = check_site_url(site_url)?;
    let out_dir = PathBuf::from(parsed.value("--out").unwrap_or("dist"));
    let stylesheet = match parsed.value("--stylesheet") {
        Some(name) => name.to_string(),
        None => find_stylesheet(&out_dir)?,
    };

    let mut problems = Vec::new();
    let file = catalog_path.display().to_string();
    let Some(json) = read_text(&catalog_path)? else {
        problems.push(problem(&file, "", "the file is not UTF-8 text"));
        return report(&problems, out);
    };
    let (catalog, diagnostics) = load_catalog(&json);
    for d in diagnostics.into_iter().filter(|d| d.is_error()) {
        problems.push(Problem {
            file: file.clone(),
            pointer: d.pointer,
            severity: d.severity,
            message: d.message,
        });
    }
    let Some(catalog) = catalog else { return report(&problems, out) };
    let dir = dir_of(&catalog_path);
    let mut guides = BTreeMap::new();
    for (i, service) in catalog.services.iter().enumerate() {
        let Some(guide_file) = &service.guide else { continue };
        let path = dir.join(guide_file);
        let shown = path.display().to_string();
        let text = match read_text(&path) {
            Ok(Some(text)) => text,
            Ok(None) => {
                problems.push(problem(&shown, "", "the file is not UTF-8 text"));
                continue;
            }
            Err(_) => {
                let message = format!("there is no {guide_file} next to the catalog");
                problems.push(problem(&file, &format!("/services/{i}/guide"), &message));
                continue;
            }
        };
        let guide = match read_guide(&text) {
            Ok(guide) => guide,
            Err(d) => {
                problems.push(problem(&shown, &d.pointer, &d.message));
                continue;
            }
        };
        let assistant = match &guide.assistant {
            None => None,
            Some(id) => match assistant(&dir.join(format!("{id}.json")))? {
                Ok(model) => Some(model),
                Err(found) => {
                    problems.extend(found);
                    continue;
                }
            },
        };
        match compile_guide(guide, assistant.as_ref()) {
            (Some(guide), found) if !found.iter().any(|d| d.is_error()) => {
                guides.insert(service.id.clone(), GuideInput { guide, assistant });
            }
            (_, found) => problems.extend(
                found
                    .into_iter()
                    .filter(|d| d.is_error())
                    .map(|d| problem(&shown, &d.pointer, &d.message)),
            ),
        }
    }
    if !problems.is_empty() {
        return report(&problems, out);
    }
    let files = build(&catalog, guides, &SiteOptions { site_url: site_url.clone(), stylesheet })
        .map_err(|message| Error::usage(format!("site: {message}")))?;
    let mut pages = 0;
    for file in &files {
        let relative = Path::new(&file.path);
        // The paths are made of lint-clean ids and locales; still, nothing is written outside.
        if relative.components().any(|c| !matches!(c, Component::Normal(_))) {
            return Err(Error::usage(format!("site: refusing to write {}", file.path)));
        }
        let target = out_dir.join(relative);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent).map_err(|e| Error::io(parent.display(), &e))?;
        }
        std::fs::write(&target, &file.content).map_err(|e| Error::io(target.display(), &e))?;
        pages += usize::from(file.path.ends_with(".html"));
    }
    writeln!(
        out,
        "wrote {pages} pages in {} locales, sitemap.xml and robots.txt to {} for {site_url}",
        catalog.locales.len(),
        out_dir.display()
    )?;
    Ok(0)
}

/// An assistant form with its reference lists, or its problems.
fn assistant(path: &Path) -> Result<Result<FormModel, Vec<Problem>>, Error> {
    let shown = path.display().to_string();
    let Ok(Some(json)) = read_text(path) else {
        return Ok(Err(vec![problem(&shown, "", "the assistant form cannot be read")]));
    };
    let load = FormLoad::new(&json, today());
    let lists = read_lists(path, load.list_names(), |_| {})?;
    match load.finish(&lists) {
        (Some(model), found) if !found.iter().any(|d| d.is_error()) => Ok(Ok(model)),
        (_, found) => Ok(Err(found
            .into_iter()
            .filter(|d| d.is_error())
            .map(|d| problem(&shown, &d.pointer, &d.message))
            .collect())),
    }
}

/// The site's address, checked: absolute http(s), no query or fragment, ending in `/`.
fn check_site_url(url: &str) -> Result<String, Error> {
    let rest = url.strip_prefix("https://").or_else(|| url.strip_prefix("http://"));
    let host = rest.map(|r| r.split('/').next().unwrap_or_default()).unwrap_or_default();
    if rest.is_none() || host.is_empty() || url.contains(['?', '#', '"', '<', '>', ' ', '\\']) {
        return Err(Error::usage(format!(
            "--site-url \"{url}\" must be an absolute http or https address without a query, like https://services.example.gov.cn/"
        )));
    }
    Ok(if url.ends_with('/') { url.to_string() } else { format!("{url}/") })
}

/// Trunk's hashed stylesheet in the built app (`style-<hash>.css`).
fn find_stylesheet(dir: &Path) -> Result<String, Error> {
    let entries = std::fs::read_dir(dir).map_err(|e| Error::io(dir.display(), &e))?;
    let mut found: Vec<String> = entries
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|name| name.starts_with("style-") && name.ends_with(".css"))
        .collect();
    found.sort();
    match found.as_slice() {
        [one] => Ok(one.clone()),
        [] => Err(Error::usage(format!("site: no style-*.css in {}; build the app first (scripts/build.sh) or give --stylesheet", dir.display()))),
        _ => Err(Error::usage(format!("site: several style-*.css in {}; give --stylesheet", dir.display()))),
    }
}

fn problem(file: &str, pointer: &str, message: &str) -> Problem {
    Problem {
        file: file.into(),
        pointer: pointer.into(),
        severity: Severity::Error,
        message: message.into(),
    }
}

fn report(problems: &[Problem], out: &mut dyn Write) -> Result<u8, Error> {
    for p in problems {
        writeln!(out, "{}", p.line())?;
    }
    writeln!(
        out,
        "no site written: {} error(s) (fix them, or see `onewindow lint`)",
        problems.len()
    )?;
    Ok(1)
}
