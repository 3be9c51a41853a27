//! Reading a catalog or a guide: its shape, then lint (every problem, with its JSON pointer),
//! and for a guide the compiled `applies_if` conditions.

use super::checklist::GuideModel;
use super::format::*;
use crate::diagnostic::{escape_token, quoted, Diagnostic};
use crate::form::definition::{is_locale_tag, is_well_formed_id, Expression, Text};
use crate::form::model::FormModel;
use crate::formats::Date;
use crate::logic::{Compiled, Logic};
use std::collections::{HashMap, HashSet};

/// Parses and lints a catalog; every problem carries its JSON pointer.
pub fn load_catalog(json: &str) -> (Option<Catalog>, Vec<Diagnostic>) {
    let catalog: Catalog = match crate::json::read_json(json) {
        Ok(c) => c,
        Err(problem) => return (None, vec![problem]),
    };
    let mut problems = Vec::new();
    if catalog.schema_version != 1 {
        problems
            .push(Diagnostic::error("/schema_version", "the catalog's schema_version must be 1"));
    }
    if catalog.locales.is_empty() {
        problems.push(Diagnostic::error("/locales", "list at least one locale"));
    }
    for (i, host) in catalog.image_hosts.iter().enumerate() {
        let plain = !host.is_empty()
            && host.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-');
        if !plain {
            problems.push(Diagnostic::error(
                format!("/image_hosts/{i}"),
                format!("{} is not a host name: give it alone, like img.gov.example (no scheme, port or path)", quoted(host)),
            ));
        }
    }
    if let Some(days) = catalog.keep_on_device_days.filter(|d| !(1..=365).contains(d)) {
        problems.push(Diagnostic::error(
            "/keep_on_device_days",
            format!("keep_on_device_days must be 1 to 365 days, not {days}"),
        ));
    }
    let mut tags = HashSet::new();
    for (i, locale) in catalog.locales.iter().enumerate() {
        if !is_locale_tag(locale) {
            problems.push(Diagnostic::error(
                format!("/locales/{i}"),
                format!("\"{locale}\" is not a language tag like zh-CN or en"),
            ));
        } else if !tags.insert(locale.to_ascii_lowercase()) {
            problems.push(Diagnostic::error(
                format!("/locales/{i}"),
                format!("locale \"{locale}\" is listed twice"),
            ));
        }
    }
    // Ids are parts of URLs and of the static site's file paths.
    let shape = |id: &str, at: String, problems: &mut Vec<Diagnostic>| {
        if !is_well_formed_id(id) {
            problems.push(Diagnostic::error(
                at,
                format!("id \"{id}\" must start with a letter and use only letters, digits, _ and - (at most 100)"),
            ));
        }
    };
    let texts = |text: &Text, at: String, problems: &mut Vec<Diagnostic>| {
        for locale in &catalog.locales {
            if !text.has(locale) {
                problems.push(Diagnostic::error(
                    format!("{at}/{}", escape_token(locale)),
                    format!("missing the {locale} translation"),
                ));
            }
        }
    };
    let ids = |list: &[Named], what: &str, problems: &mut Vec<Diagnostic>| -> HashSet<String> {
        let mut seen = HashSet::new();
        for (i, item) in list.iter().enumerate() {
            shape(&item.id, format!("/{what}/{i}/id"), problems);
            if !seen.insert(item.id.clone()) {
                problems.push(Diagnostic::error(
                    format!("/{what}/{i}/id"),
                    format!("{what} id \"{}\" is used twice", item.id),
                ));
            }
            texts(&item.title, format!("/{what}/{i}/title"), problems);
        }
        seen
    };
    let categories = ids(&catalog.categories, "categories", &mut problems);
    let events = ids(&catalog.life_events, "life_events", &mut problems);
    let services: HashSet<&str> = catalog.services.iter().map(|s| s.id.as_str()).collect();
    let mut seen = HashSet::new();
    for (i, service) in catalog.services.iter().enumerate() {
        let at = format!("/services/{i}");
        shape(&service.id, format!("{at}/id"), &mut problems);
        if !seen.insert(service.id.as_str()) {
            problems.push(Diagnostic::error(
                format!("{at}/id"),
                format!("service id \"{}\" is used twice", service.id),
            ));
        }
        texts(&service.title, format!("{at}/title"), &mut problems);
        texts(&service.summary, format!("{at}/summary"), &mut problems);
        texts(&service.department, format!("{at}/department"), &mut problems);
        if !categories.contains(&service.category) {
            problems.push(Diagnostic::error(
                format!("{at}/category"),
                format!("category \"{}\" is not in /categories", service.category),
            ));
        }
        for (j, event) in service.life_events.iter().enumerate() {
            if !events.contains(event) {
                problems.push(Diagnostic::error(
                    format!("{at}/life_events/{j}"),
                    format!("life event \"{event}\" is not in /life_events"),
                ));
            }
        }
        for (j, related) in service.related.iter().enumerate() {
            if !services.contains(related.as_str()) || related == &service.id {
                problems.push(Diagnostic::error(
                    format!("{at}/related/{j}"),
                    format!("\"{related}\" is not another service in this catalog"),
                ));
            }
        }
        if service.audience.is_empty() {
            problems.push(Diagnostic::error(
                format!("{at}/audience"),
                "say who may apply: person, organisation or both",
            ));
        }
        for locale in service.keywords.keys().chain(service.synonyms.keys()) {
            if !catalog.locales.contains(locale) {
                problems.push(Diagnostic::warning(
                    format!("{at}/keywords"),
                    format!("keywords for {locale}, which the catalog does not publish"),
                ));
            }
        }
        if service.guide.is_none() && service.form.is_none() {
            problems.push(Diagnostic::warning(at.clone(), "the service has neither a guide nor a form: citizens find it but cannot go further"));
        }
    }
    (Some(catalog), problems)
}

/// Parses and lints a guide. `assistant`, when given, is the loaded assistant form: every
/// `applies_if` may only read its questions.
pub fn load_guide(
    json: &str,
    assistant: Option<&FormModel>,
) -> (Option<GuideModel>, Vec<Diagnostic>) {
    match read_guide(json) {
        Ok(guide) => compile_guide(guide, assistant),
        Err(problem) => (None, vec![problem]),
    }
}

/// Reads a guide without compiling it: what a caller needs to learn which assistant to load
/// before [`compile_guide`]. The problem names the JSON pointer at fault.
pub fn read_guide(json: &str) -> Result<Guide, Diagnostic> {
    crate::json::read_json(json)
}

/// What a guide lacks for the catalog that lists it: each of the catalog's locales the guide is
/// not written in (a catalog in zh-CN and en with an English-only guide would show Chinese
/// readers a guide in English).
///
/// And each image in its Markdown that is neither on this site nor on one of the catalog's
/// `image_hosts` (the pages would show its words instead).
pub fn guide_in_catalog(guide: &Guide, catalog: &Catalog) -> Vec<Diagnostic> {
    let mut problems: Vec<Diagnostic> = catalog
        .locales
        .iter()
        .filter(|locale| !guide.locales.contains(locale))
        .map(|locale| {
            Diagnostic::error(
                "/locales",
                format!(
                    "the catalog is in {}: this guide is not written in {locale}",
                    catalog.locales.join(", ")
                ),
            )
        })
        .collect();
    for (at, text) in markdown_texts(guide) {
        for (pointer, url) in urls(&at, text, true) {
            if !crate::text::is_allowed_image(&url, &catalog.image_hosts) {
                problems.push(Diagnostic::error(
                    pointer,
                    format!("the image {} is not on this site or a host the catalog lists in image_hosts: every reader's browser would call it", quoted(&url)),
                ));
            }
        }
    }
    problems
}

/// The guide's Markdown texts, with their pointers.
fn markdown_texts(guide: &Guide) -> Vec<(String, &Text)> {
    let mut texts = Vec::new();
    for (i, c) in guide.conditions.iter().enumerate() {
        texts.push((format!("/conditions/{i}/text"), &c.text));
    }
    for (i, m) in guide.materials.iter().enumerate() {
        if let Some(notes) = &m.notes {
            texts.push((format!("/materials/{i}/notes"), notes));
        }
    }
    for (i, s) in guide.steps.iter().enumerate() {
        texts.push((format!("/steps/{i}/body"), &s.body));
    }
    for (i, f) in guide.faq.iter().enumerate() {
        texts.push((format!("/faq/{i}/answer"), &f.answer));
    }
    texts
}

/// The image (`images`) or link addresses in a Markdown text, each with the pointer of the
/// locale's text.
fn urls(at: &str, text: &Text, images: bool) -> Vec<(String, String)> {
    text.with_pointers(at)
        .into_iter()
        .flat_map(|(pointer, body)| {
            crate::text::markdown::markdown_urls(body)
                .into_iter()
                .filter(|found| found.image == images)
                .map(move |found| (pointer.clone(), found.url))
        })
        .collect()
}

/// Lints a guide read by [`read_guide`] and compiles its conditions against `assistant`.
pub fn compile_guide(
    guide: Guide,
    assistant: Option<&FormModel>,
) -> (Option<GuideModel>, Vec<Diagnostic>) {
    let mut problems = Vec::new();
    if guide.schema_version != 1 {
        problems.push(Diagnostic::error("/schema_version", "the guide's schema_version must be 1"));
    }
    // Conditions are evaluated only against an assistant's answers, on the assistant's "today"
    // (see `checklist`); without an assistant this date is never read.
    let logic =
        Logic::new(assistant.map_or(Date { year: 1970, month: 1, day: 1 }, FormModel::today));
    let questions: Option<HashSet<&str>> =
        assistant.map(|a| a.form().fields().map(|(_, f)| f.id.as_str()).collect());
    let compile = |expr: &Option<Expression>,
                   at: String,
                   problems: &mut Vec<Diagnostic>|
     -> Option<Compiled> {
        let expr = expr.as_ref()?;
        match logic.compile(expr) {
            Ok(compiled) => {
                for dep in &compiled.deps {
                    match &questions {
                        Some(q) if !q.contains(dep.as_str()) => problems.push(Diagnostic::error(
                            at.clone(),
                            format!(
                                "\"{dep}\" is not a question of the assistant \"{}\"",
                                guide.assistant.as_deref().unwrap_or("")
                            ),
                        )),
                        None => problems.push(Diagnostic::error(
                            at.clone(),
                            "applies_if reads the assistant's answers: name an \"assistant\" form",
                        )),
                        _ => {}
                    }
                }
                Some(compiled)
            }
            Err(message) => {
                problems.push(Diagnostic::error(at, message));
                None
            }
        }
    };
    let conditions = guide
        .conditions
        .iter()
        .enumerate()
        .map(|(i, c)| compile(&c.applies_if, format!("/conditions/{i}/applies_if"), &mut problems))
        .collect();
    let materials = guide
        .materials
        .iter()
        .enumerate()
        .map(|(i, m)| compile(&m.applies_if, format!("/materials/{i}/applies_if"), &mut problems))
        .collect();
    let steps = guide
        .steps
        .iter()
        .enumerate()
        .map(|(i, s)| compile(&s.applies_if, format!("/steps/{i}/applies_if"), &mut problems))
        .collect();
    let also_needed = guide
        .also_needed
        .iter()
        .enumerate()
        .map(|(i, a)| compile(&a.applies_if, format!("/also_needed/{i}/applies_if"), &mut problems))
        .collect();
    lint_guide(&guide, &mut problems);
    let model = GuideModel { guide, logic, conditions, materials, steps, also_needed };
    (Some(model), problems)
}

fn lint_guide(guide: &Guide, problems: &mut Vec<Diagnostic>) {
    let mut text = |t: &Text, at: String| {
        for locale in &guide.locales {
            if !t.has(locale) {
                problems.push(Diagnostic::error(
                    format!("{at}/{}", escape_token(locale)),
                    format!("missing the {locale} translation"),
                ));
            }
        }
    };
    text(&guide.item_type, "/item_type".into());
    text(&guide.implementing_body, "/implementing_body".into());
    for (i, c) in guide.conditions.iter().enumerate() {
        text(&c.text, format!("/conditions/{i}/text"));
    }
    for (i, m) in guide.materials.iter().enumerate() {
        text(&m.name, format!("/materials/{i}/name"));
    }
    for (i, s) in guide.steps.iter().enumerate() {
        text(&s.title, format!("/steps/{i}/title"));
        text(&s.body, format!("/steps/{i}/body"));
    }
    for (i, a) in guide.also_needed.iter().enumerate() {
        if let Some(reason) = &a.reason {
            text(reason, format!("/also_needed/{i}/reason"));
        }
    }
    for (i, f) in guide.faq.iter().enumerate() {
        text(&f.question, format!("/faq/{i}/question"));
        text(&f.answer, format!("/faq/{i}/answer"));
    }
    // The URL policy: a Markdown link the pages would drop is an error where it is written.
    for (at, text) in markdown_texts(guide) {
        for (pointer, url) in urls(&at, text, false) {
            if !crate::text::is_safe_link(&url) {
                problems.push(Diagnostic::error(
                    pointer,
                    format!("the link {} is not allowed: http(s), mailto, tel or relative addresses only", quoted(&url)),
                ));
            }
        }
    }
    // The URL policy: these go into a link's href as they are.
    for (i, m) in guide.materials.iter().enumerate() {
        for (key, url) in [("blank_form", &m.blank_form), ("sample", &m.sample)] {
            if let Some(url) = url.as_deref().filter(|url| !crate::text::is_safe_link(url)) {
                problems.push(Diagnostic::error(
                    format!("/materials/{i}/{key}"),
                    format!("{} is not a link a page may have: use an http(s), mailto or tel address, or one relative to the site", quoted(url)),
                ));
            }
        }
    }
    let mut unique = |ids: Vec<&str>, list: &str| {
        let mut seen = HashMap::new();
        for (i, id) in ids.into_iter().enumerate() {
            if let Some(first) = seen.insert(id, i) {
                problems.push(Diagnostic::error(
                    format!("/{list}/{i}/id"),
                    format!("id \"{id}\" is already used at /{list}/{first}"),
                ));
            }
        }
    };
    unique(guide.conditions.iter().map(|c| c.id.as_str()).collect(), "conditions");
    unique(guide.materials.iter().map(|m| m.id.as_str()).collect(), "materials");
    unique(guide.steps.iter().map(|s| s.id.as_str()).collect(), "steps");
    let days = |d: &Duration| match d.unit {
        DurationUnit::OnTheSpot => 0.0,
        DurationUnit::Hours => f64::from(d.value) / 24.0,
        DurationUnit::WorkingDays => f64::from(d.value) * 7.0 / 5.0,
        DurationUnit::CalendarDays => f64::from(d.value),
        DurationUnit::Weeks => f64::from(d.value) * 7.0,
        DurationUnit::Months => f64::from(d.value) * 30.4,
        DurationUnit::Years => f64::from(d.value) * 365.25,
        DurationUnit::NoLimit => f64::INFINITY,
    };
    if guide.time_limit.promised.unit == DurationUnit::NoLimit {
        problems.push(Diagnostic::error(
            "/time_limit/promised/unit",
            "a promised time limit is a time: no_limit is for a statutory limit the law does not set",
        ));
    } else if days(&guide.time_limit.promised) > days(&guide.time_limit.statutory) {
        problems.push(Diagnostic::error(
            "/time_limit/promised",
            "the promised time limit is longer than the statutory one",
        ));
    }
    // A validity and a renewal period are calendar time.
    let calendar = |d: &Duration| {
        matches!(
            d.unit,
            DurationUnit::CalendarDays
                | DurationUnit::Weeks
                | DurationUnit::Months
                | DurationUnit::Years
        )
    };
    if let Some(valid) = &guide.result.valid_for {
        if !calendar(valid) && valid.unit != DurationUnit::NoLimit {
            problems.push(Diagnostic::error(
                "/result/valid_for/unit",
                "a validity is calendar_days, weeks, months, years or no_limit",
            ));
        }
    }
    if let Some(renew) = &guide.result.renew_before_expiry {
        let at = "/result/renew_before_expiry";
        match &guide.result.valid_for {
            _ if !calendar(renew) => problems.push(Diagnostic::error(
                format!("{at}/unit"),
                "a renewal period is calendar_days, weeks, months or years",
            )),
            None => problems.push(Diagnostic::error(
                at,
                "a result that can be renewed needs valid_for: renewal is counted back from its expiry",
            )),
            Some(valid) if valid.unit == DurationUnit::NoLimit => problems.push(Diagnostic::error(
                at,
                "a result valid without limit never expires: there is nothing to renew",
            )),
            Some(valid) if days(renew) >= days(valid) => problems.push(Diagnostic::error(
                at,
                "the renewal period is as long as the validity or longer",
            )),
            Some(_) => {}
        }
    }
    if let Some(bad) = guide.online.depth.iter().position(|d| !(1..=7).contains(d)) {
        problems.push(Diagnostic::error(
            format!("/online/depth/{bad}"),
            "online depth codes are 1 to 7",
        ));
    }
    if guide.online.visits > 0 && guide.online.visits_reason.is_none() {
        problems.push(Diagnostic::error(
            "/online/visits_reason",
            "say why a visit is needed when visits is not 0",
        ));
    }
    if guide.online.visits == 0 && !guide.online.depth.contains(&5) {
        problems.push(Diagnostic::warning(
            "/online/visits",
            "no visit is needed, yet online handling (depth 5) is not listed",
        ));
    }
    if guide.consultation.is_empty() {
        problems
            .push(Diagnostic::error("/consultation", "give at least one way to ask a question"));
    }
    if guide.complaints.is_empty() {
        problems.push(Diagnostic::error("/complaints", "give at least one way to complain"));
    }
}
