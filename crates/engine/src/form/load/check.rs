//! The shape of a definition: metadata, ids, translations, each field's settings, the
//! submission settings and outcome actions.

use super::linter::Linter;
use crate::diagnostic::escape_token;
use crate::form::definition::{is_list_name, Choice, Field, FieldKind, Text, SCHEMA_VERSION};
use crate::formats::Date;
use std::collections::{HashMap, HashSet};

impl<'a> Linter<'a> {
    pub(super) fn metadata(&mut self) {
        let form = self.form;
        if form.schema_version != SCHEMA_VERSION {
            self.error(
                "/schema_version",
                format!(
                    "schema_version {} is not supported; this engine reads {SCHEMA_VERSION}",
                    form.schema_version
                ),
            );
        }
        if let Some(zone) = &form.time_zone {
            if crate::formats::TimeZone::parse(zone).is_none() {
                self.error(
                    "/time_zone",
                    format!(
                        "{} is not a time zone the engine knows: give {}",
                        crate::diagnostic::quoted(zone),
                        crate::formats::TIME_ZONE_NAMES
                    ),
                );
            }
        }
        if let Some(days) = form.keep_on_device_days.filter(|d| !(1..=365).contains(d)) {
            self.error(
                "/keep_on_device_days",
                format!("keep_on_device_days must be 1 to 365 days, not {days}"),
            );
        }
        if form.locales.is_empty() {
            self.error("/locales", "list at least one locale, e.g. [\"zh-CN\", \"en\"]");
        }
        if form.pages.is_empty() {
            self.error("/pages", "a form needs at least one page");
        }
        self.text(&form.title, || "/title".to_string());
        if let Some(t) = &form.department {
            self.text(t, || "/department".to_string());
        }
        if let Some(t) = &form.description {
            self.text(t, || "/description".to_string());
            self.markdown(t, "/description");
        }
        let mut outcome_ids = HashMap::new();
        for (o, outcome) in form.outcomes.iter().enumerate() {
            let at = format!("/outcomes/{o}");
            self.id(&outcome.id, &format!("{at}/id"), "outcome", &mut outcome_ids);
            self.text(&outcome.title, || format!("{at}/title"));
            self.text(&outcome.body, || format!("{at}/body"));
            self.markdown(&outcome.body, &format!("{at}/body"));
        }
    }

    /// The links and images of a Markdown text keep to the URL policy (`text::url`): a link
    /// the renderer would drop, or an image from another site (a form's images are served
    /// with it, so a relative address), is an error at the text's pointer.
    fn markdown(&mut self, text: &Text, at: &str) {
        for (pointer, body) in text.with_pointers(at) {
            for found in crate::text::markdown::markdown_urls(body) {
                if found.image && !crate::text::is_allowed_image(&found.url, &[]) {
                    self.error(
                        pointer.clone(),
                        format!("the image {} is not on this site: a form's images must be relative addresses, served with it, so that no citizen's browser calls another site", crate::diagnostic::quoted(&found.url)),
                    );
                } else if !found.image && !crate::text::is_safe_link(&found.url) {
                    self.error(
                        pointer.clone(),
                        format!("the link {} is not allowed: http(s), mailto, tel or relative addresses only", crate::diagnostic::quoted(&found.url)),
                    );
                }
            }
        }
    }

    /// The submission settings must describe a request that can be made and a reply that can
    /// be read; `field_map` may only name questions of this form or package facts.
    pub(super) fn submission(&mut self) {
        let Some(settings) = &self.form.submission else { return };
        if settings.url.trim().is_empty() {
            self.error("/submission/url", "the submission url is empty");
        }
        if !settings.reference_pointer.is_empty() && !settings.reference_pointer.starts_with('/') {
            self.error(
                "/submission/reference_pointer",
                "a JSON pointer starts with \"/\", e.g. \"/reference\" or \"/data/id\"",
            );
        }
        if settings.success_statuses.is_empty()
            || settings.success_statuses.iter().any(|s| !(200..300).contains(s))
        {
            self.error(
                "/submission/success_statuses",
                "success statuses must be 2xx codes, e.g. [200, 201]",
            );
        }
        if settings.timeout_ms < 1000 {
            self.warning(
                "/submission/timeout_ms",
                "a timeout under one second fails on slow mobile networks",
            );
        }
        use crate::form::definition::PACKAGE_FACTS as FACTS;
        for (from, to) in &settings.field_map {
            let at = format!("/submission/field_map/{}", escape_token(from));
            let question = from.split('.').next().unwrap_or(from);
            if !FACTS.contains(&from.as_str()) && !self.fields.contains_key(question) {
                self.error(
                    &at,
                    format!(
                        "\"{from}\" is not a question of this form nor one of {}",
                        FACTS.join(", ")
                    ),
                );
            }
            if to.trim().is_empty() {
                self.error(&at, "the backend key is empty");
            }
        }
        for name in settings.headers.keys() {
            let lower = name.to_ascii_lowercase();
            let reserved = ["content-type", "content-length", "idempotency-key", "host", "cookie"];
            let at = format!("/submission/headers/{}", escape_token(name));
            if reserved.contains(&lower.as_str()) {
                self.error(at, format!("the {name} header is set by onewindow itself"));
            } else if looks_like_a_credential(&lower) {
                // A definition is a public file: anyone can read what it would send.
                self.warning(
                    at,
                    format!("the {name} header looks like a credential, and definitions are public files: anyone can read it here; let the host page add it, or send through a server of yours that adds it (docs/submission.md)"),
                );
            }
        }
    }

    /// An assistant's "start form" outcome may only carry this form's answers over.
    pub(super) fn outcome_actions(&mut self) {
        for (o, outcome) in self.form.outcomes.iter().enumerate() {
            let Some(crate::form::definition::OutcomeAction::StartForm { form, prefill }) =
                &outcome.action
            else {
                continue;
            };
            if form.trim().is_empty() {
                self.error(format!("/outcomes/{o}/action/form"), "name the form to start");
            }
            for (target, source) in prefill {
                if !self.fields.contains_key(source.as_str()) {
                    let at = format!("/outcomes/{o}/action/prefill/{}", escape_token(target));
                    self.error(at, format!("\"{source}\" is not a question of this form"));
                }
            }
        }
    }

    pub(super) fn collect_ids(&mut self) {
        let form = self.form;
        let mut page_ids = HashMap::new();
        let mut seen = HashMap::new();
        for (p, page) in form.pages.iter().enumerate() {
            let at = format!("/pages/{p}");
            self.id(&page.id, &format!("{at}/id"), "page", &mut page_ids);
            if page.fields.is_empty() {
                self.error(format!("{at}/fields"), "a page needs at least one field");
            }
            if let Some(title) = &page.title {
                self.text(title, || format!("{at}/title"));
            }
            for (f, field) in page.fields.iter().enumerate() {
                let at = format!("{at}/fields/{f}");
                if self.id(&field.id, &format!("{at}/id"), "field", &mut seen) {
                    self.fields.insert(&field.id, (self.fields.len(), at.clone()));
                }
                self.field(field, &at, true);
            }
        }
    }

    fn field(&mut self, field: &Field, at: &str, top_level: bool) {
        // Options are shown or hidden for a top-level select, radios or checkboxes question
        // only (compile.rs compiles those); anywhere else a condition would be ignored.
        let conditional_options = top_level
            && matches!(
                field.kind,
                FieldKind::Select { .. } | FieldKind::Radios { .. } | FieldKind::Checkboxes { .. }
            );
        if !conditional_options {
            for (o, option) in field.kind.options().iter().enumerate() {
                if option.visible_if.is_some() {
                    self.error(
                        format!("{at}/options/{o}/visible_if"),
                        "an option's visible_if works only on a select, radios or checkboxes question outside a group",
                    );
                }
            }
        }
        if !matches!(field.kind, FieldKind::Content { .. })
            || !matches!(&field.label, Text::Plain(s) if s.is_empty())
        {
            self.text(&field.label, || format!("{at}/label"));
        }
        if let Some(hint) = &field.hint {
            self.text(hint, || format!("{at}/hint"));
        }
        for (rule, message) in &field.messages {
            self.text(message, || format!("{at}/messages/{}", escape_token(rule)));
            let base = rule.split('.').next().unwrap_or_default();
            if !crate::form::validate::RULES.contains(&base) {
                let near = crate::form::validate::RULES
                    .iter()
                    .min_by_key(|known| edits(base, known))
                    .filter(|known| edits(base, known) <= 2);
                let hint = near.map(|n| format!(": did you mean \"{n}\"?")).unwrap_or_default();
                self.warning(
                    format!("{at}/messages/{}", escape_token(rule)),
                    format!("no check is called \"{base}\", so this message is never shown{hint}"),
                );
            }
        }
        if !top_level && (field.visible_if.is_some() || field.required_if.is_some()) {
            self.error(at, "questions inside a group cannot have visible_if or required_if in schema_version 1");
        }
        if field.fill_once.is_some() {
            if !top_level {
                self.error(format!("{at}/fill_once"), "fill_once is for top-level questions: an answer inside a group is about one of several items, not about the person filling in the form");
            } else if field.concept.is_none() {
                self.error(format!("{at}/fill_once"), "fill_once needs a concept: answers are remembered and offered to other forms by concept");
            }
        }
        if field.required && !field.kind.is_question() {
            self.warning(
                format!("{at}/required"),
                format!(
                    "a {} field takes no answer, so it cannot be required",
                    field.kind.type_name()
                ),
            );
        }
        match &field.kind {
            FieldKind::Text { min_length, max_length, pattern, .. } => {
                self.lengths(at, *min_length, *max_length);
                if let Some(pattern) = pattern {
                    if let Err(e) = regex_lite::Regex::new(pattern) {
                        self.error(
                            format!("{at}/pattern"),
                            format!("the pattern is not a valid regular expression: {e}"),
                        );
                    }
                }
            }
            FieldKind::Textarea { min_length, max_length } => {
                self.lengths(at, *min_length, *max_length);
            }
            FieldKind::Number { min, max, suffix } => {
                self.range(at, "min", "max", *min, *max);
                if let Some(s) = suffix {
                    self.text(s, || format!("{at}/suffix"));
                }
            }
            FieldKind::Integer { min, max, suffix } => {
                self.range(at, "min", "max", min.map(|v| v as f64), max.map(|v| v as f64));
                if let Some(s) = suffix {
                    self.text(s, || format!("{at}/suffix"));
                }
            }
            FieldKind::Money { currency, min, max } => {
                self.range(at, "min", "max", *min, *max);
                self.currency(currency, at);
            }
            FieldKind::Date { not_before, not_after, before, after, min_age, max_age, .. } => {
                for (name, bound) in [
                    ("not_before", not_before),
                    ("not_after", not_after),
                    ("before", before),
                    ("after", after),
                ] {
                    if let Some(bound) = bound {
                        let base = crate::formats::RelativeDate::parse(bound)
                            .map_or(bound.as_str(), |relative| relative.base);
                        let known = base == "today"
                            || (base == bound && bound.parse::<Date>().is_ok())
                            || self.fields.contains_key(base);
                        if !known {
                            self.error(format!("{at}/{name}"), format!("\"{bound}\" is not \"today\", a date like 2020-01-31, or an earlier date question's id, each maybe with an offset such as today-3m or moved_in+6 months (d, w, m, y)"));
                        }
                    }
                }
                self.range(
                    at,
                    "min_age",
                    "max_age",
                    min_age.map(f64::from),
                    max_age.map(f64::from),
                );
            }
            FieldKind::Select { options, options_from, options_key } => {
                if options.is_empty() && options_from.is_none() {
                    self.error(
                        format!("{at}/options"),
                        "the option list is empty: give options or options_from",
                    );
                }
                if let Some(name) = options_from {
                    if !is_list_name(name) {
                        self.error(format!("{at}/options_from"), format!("\"{name}\" must name a list in forms/data/ (letters, digits, - and _)"));
                    }
                }
                self.options(options, at);
                match options_key {
                    // The key question comes first: its answer must be known when the options
                    // are shown.
                    Some(key) => {
                        let this = self.fields.get(field.id.as_str()).map(|(i, _)| *i);
                        match self.fields.get(key.as_str()) {
                            Some((k, _)) if top_level && this.is_some_and(|i| *k < i) => {}
                            Some(_) if !top_level => self.error(format!("{at}/options_key"), "options_key works on a question outside a group"),
                            Some(_) => self.error(format!("{at}/options_key"), format!("\"{key}\" is not asked before this question: its answer would not be known when the options are shown")),
                            None => self.error(format!("{at}/options_key"), format!("\"{key}\" is not a question of this form")),
                        }
                        for (o, option) in options.iter().enumerate() {
                            if option.keys.is_empty() {
                                self.warning(
                                    format!("{at}/options/{o}/keys"),
                                    "no keys: with options_key, this option is never offered",
                                );
                            }
                        }
                    }
                    None => self.no_keys(options, at),
                }
            }
            FieldKind::Radios { options } => {
                if options.is_empty() {
                    self.error(format!("{at}/options"), "the option list is empty");
                }
                self.options(options, at);
                self.no_keys(options, at);
            }
            FieldKind::Checkboxes { options, exclusive, min_selected, max_selected } => {
                if options.is_empty() {
                    self.error(format!("{at}/options"), "the option list is empty");
                }
                self.options(options, at);
                self.no_keys(options, at);
                if let Some(none) = exclusive {
                    if !options.iter().any(|o| &o.value == none) {
                        self.error(
                            format!("{at}/exclusive"),
                            format!("\"{none}\" is not one of the options"),
                        );
                    }
                }
                self.range(
                    at,
                    "min_selected",
                    "max_selected",
                    min_selected.map(f64::from),
                    max_selected.map(f64::from),
                );
                // Selecting the exclusive "none of these" option counts as one, and excludes
                // the others: at most the other options can be selected together.
                let selectable =
                    options.len().saturating_sub(usize::from(exclusive.is_some())).max(1);
                if let Some(min) = min_selected.filter(|&min| min as usize > selectable) {
                    self.error(
                        format!("{at}/min_selected"),
                        format!("min_selected ({min}) is more than can be selected together ({selectable} options): the question could never be answered"),
                    );
                }
            }
            FieldKind::File { accept, max_size, max_count, min_count } => {
                if let Some(min) = min_count {
                    if *min == 0 || min > max_count {
                        self.error(
                            format!("{at}/min_count"),
                            format!("min_count must be 1 to max_count ({max_count}), not {min}"),
                        );
                    }
                }
                if accept.is_empty() {
                    self.error(
                        format!("{at}/accept"),
                        "list the accepted media types, e.g. [\"application/pdf\"]",
                    );
                }
                if *max_size == 0 {
                    self.error(format!("{at}/max_size"), "max_size must be more than 0 bytes");
                }
                if *max_count == 0 {
                    self.error(format!("{at}/max_count"), "max_count must be at least 1");
                }
            }
            FieldKind::Group { fields, min_items, max_items, item_label } => {
                self.range(
                    at,
                    "min_items",
                    "max_items",
                    Some(f64::from(*min_items)),
                    max_items.map(f64::from),
                );
                if let Some(l) = item_label {
                    self.text(l, || format!("{at}/item_label"));
                }
                if fields.is_empty() {
                    self.error(format!("{at}/fields"), "a group needs at least one question");
                }
                let mut inner = HashMap::new();
                for (i, f) in fields.iter().enumerate() {
                    let inner_at = format!("{at}/fields/{i}");
                    self.id(&f.id, &format!("{inner_at}/id"), "field", &mut inner);
                    if matches!(f.kind, FieldKind::Group { .. } | FieldKind::Computed { .. }) {
                        self.error(
                            format!("{inner_at}/type"),
                            "groups and computed values cannot be nested in a group",
                        );
                    }
                    self.field(f, &inner_at, false);
                }
            }
            FieldKind::Content { body } => {
                self.text(body, || format!("{at}/body"));
                self.markdown(body, &format!("{at}/body"));
            }
            FieldKind::Declaration { statement } => {
                self.text(statement, || format!("{at}/statement"))
            }
            FieldKind::Computed { options, currency, suffix, .. } => {
                self.options(options, at);
                if let Some(currency) = currency {
                    self.currency(currency, at);
                }
                if let Some(s) = suffix {
                    self.text(s, || format!("{at}/suffix"));
                }
                if currency.is_some() && suffix.is_some() {
                    self.error(
                        format!("{at}/suffix"),
                        "a value is money (currency) or a number with a unit (suffix), not both",
                    );
                }
            }
            FieldKind::Email {}
            | FieldKind::Phone { .. }
            | FieldKind::Url {}
            | FieldKind::YesNo {}
            | FieldKind::Address { .. } => {}
        }
    }

    /// A text answer's `min_length` and `max_length`: in order, and a maximum of at least 1.
    fn lengths(&mut self, at: &str, min: Option<u32>, max: Option<u32>) {
        self.range(at, "min_length", "max_length", min.map(f64::from), max.map(f64::from));
        if max == Some(0) {
            self.error(format!("{at}/max_length"), "max_length must be at least 1");
        }
    }

    /// Option `keys` mean something only to a select with `options_key`.
    fn no_keys(&mut self, options: &[Choice], at: &str) {
        for (o, option) in options.iter().enumerate() {
            if !option.keys.is_empty() {
                self.error(
                    format!("{at}/options/{o}/keys"),
                    "keys work only on a select question with options_key",
                );
            }
        }
    }

    fn currency(&mut self, currency: &str, at: &str) {
        if currency.len() != 3 || !currency.chars().all(|c| c.is_ascii_uppercase()) {
            self.error(
                format!("{at}/currency"),
                format!("currency \"{currency}\" must be an ISO 4217 code like \"CNY\""),
            );
        }
    }

    fn options(&mut self, options: &[Choice], at: &str) {
        let mut values = HashSet::new();
        for (o, option) in options.iter().enumerate() {
            if !values.insert(option.value.as_str()) {
                self.error(
                    format!("{at}/options/{o}/value"),
                    format!("option value \"{}\" appears twice", option.value),
                );
            }
            self.text(&option.label, || format!("{at}/options/{o}/label"));
            if let Some(hint) = &option.hint {
                self.text(hint, || format!("{at}/options/{o}/hint"));
            }
        }
    }

    fn range(&mut self, at: &str, low: &str, high: &str, min: Option<f64>, max: Option<f64>) {
        if let (Some(min), Some(max)) = (min, max) {
            if min > max {
                self.error(
                    format!("{at}/{low}"),
                    format!("{low} ({min}) is more than {high} ({max})"),
                );
            }
        }
    }
}

/// Whether a header name (lower case) looks like it carries a secret.
fn looks_like_a_credential(name: &str) -> bool {
    const WORDS: [&str; 9] = [
        "authorization",
        "api-key",
        "apikey",
        "api_key",
        "token",
        "secret",
        "password",
        "auth",
        "key",
    ];
    let words: Vec<&str> = name.split(['-', '_']).collect();
    WORDS.iter().any(|w| name.contains(w) && (w.len() > 4 || words.contains(w)))
}

/// Where a text may insert answers (`{{id}}`): the page it is shown on (an outcome's texts
/// come after every page: `usize::MAX`), or why not. `pointer` is the text's, locale included.
fn piping_context(pointer: &str) -> Result<usize, &'static str> {
    const WHERE: &str = "piping works in a page's title, a question's label, hint, options, content and declaration statement, and an outcome's title and body";
    let parts: Vec<&str> = pointer.split('/').skip(1).collect();
    match parts.as_slice() {
        ["pages", p, "title", _] => p.parse().map_err(|_| WHERE),
        ["pages", p, "fields", _, "label" | "hint" | "body" | "statement", _]
        | ["pages", p, "fields", _, "options", _, "label" | "hint", _] => {
            p.parse().map_err(|_| WHERE)
        }
        ["pages", _, "fields", _, "fields", ..] => Err("piping does not work inside a group"),
        ["outcomes", _, "title" | "body", _] => Ok(usize::MAX),
        _ => Err(WHERE),
    }
}

/// Every string in `value` that holds `{{`, with its JSON pointer.
fn strings_with_pipes(value: &serde_json::Value, at: &str, out: &mut Vec<(String, String)>) {
    match value {
        serde_json::Value::String(s) if s.contains("{{") => out.push((at.to_string(), s.clone())),
        serde_json::Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                strings_with_pipes(item, &format!("{at}/{i}"), out);
            }
        }
        serde_json::Value::Object(map) => {
            for (key, item) in map {
                strings_with_pipes(item, &format!("{at}/{}", escape_token(key)), out);
            }
        }
        _ => {}
    }
}

impl Linter<'_> {
    /// Every `{{id}}` names a question or computed value asked on an earlier page than the
    /// text (any page, for an outcome), where piping works; a text that only looks like one
    /// (`{{` around no id) is left as text.
    pub(super) fn piping(&mut self) {
        let form = self.form;
        let Ok(value) = serde_json::to_value(form) else { return };
        let mut found = Vec::new();
        strings_with_pipes(&value, "", &mut found);
        let asked: HashMap<&str, (usize, &FieldKind)> =
            form.fields().map(|(p, f)| (f.id.as_str(), (p, &f.kind))).collect();
        for (pointer, text) in found {
            let pipes = crate::form::piping::pipes(&text);
            if pipes.is_empty() {
                continue;
            }
            // A localized text's pointer ends with its locale; a plain one's does not.
            let context = piping_context(&pointer)
                .or_else(|why| piping_context(&format!("{pointer}/-")).map_err(|_| why));
            let page = match context {
                Ok(page) => page,
                Err(why) => {
                    self.error(pointer, why);
                    continue;
                }
            };
            for pipe in pipes {
                let id = pipe.id;
                match asked.get(id) {
                    None => self.error(
                        &pointer,
                        format!("{{{{{id}}}}} names no question or computed value of this form"),
                    ),
                    Some((_, FieldKind::Content { .. } | FieldKind::Group { .. })) => self.error(
                        &pointer,
                        format!("{{{{{id}}}}} has no single value to insert (content or a group)"),
                    ),
                    Some((p, _)) if *p >= page => self.error(
                        &pointer,
                        format!("{{{{{id}}}}} is asked on page {}, not before this text: it would be empty here", form.pages.get(*p).map_or("", |pg| pg.id.as_str())),
                    ),
                    Some(_) => {}
                }
            }
        }
    }
}

/// The edit distance between two short words (insertions, deletions, substitutions), for
/// "did you mean".
fn edits(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut next = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let substitute = row.get(j).map_or(usize::MAX, |d| d + usize::from(ca != *cb));
            let delete = row.get(j + 1).map_or(usize::MAX, |d| d + 1);
            let insert = next.last().map_or(usize::MAX, |d| d + 1);
            next.push(substitute.min(delete).min(insert));
        }
        row = next;
    }
    row.last().copied().unwrap_or(0)
}
