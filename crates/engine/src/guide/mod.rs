//! The service catalog and procedure guides (办事指南): what a department publishes so that a
//! citizen finds the right service and knows, before any form, whether they can apply, what to
//! bring, what happens and how long it takes. A guide's assistant is an ordinary form
//! definition whose journey ends at outcomes; its answers tailor the guide's checklist.

use crate::diagnostic::{escape_token, Diagnostic};
use crate::form::answers::Answers;
use crate::form::definition::{Expression, Text};
use crate::form::model::FormModel;
use crate::formats::Date;
use crate::logic::{truthy, Compiled, Logic};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap, HashSet};

/// The catalog file: every service a site offers.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Catalog {
    /// Must be 1.
    pub schema_version: u32,
    /// Languages every text is published in; the first is the fallback.
    pub locales: Vec<String>,
    /// Categories services are grouped under (e.g. household registration, social security).
    pub categories: Vec<Named>,
    /// Life events services are grouped under (having a baby, moving house, starting a business).
    pub life_events: Vec<Named>,
    /// The services.
    pub services: Vec<Service>,
}

/// A category or a life event.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Named {
    /// Identifier, unique in its list.
    pub id: String,
    /// What citizens read.
    pub title: Text,
}

/// Who a service is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Audience {
    /// A person.
    Person,
    /// A company or other organisation.
    Organisation,
}

/// One service in the catalog.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Service {
    /// Identifier, unique in the catalog (a form or guide of the same id belongs to it).
    pub id: String,
    /// The service's name.
    pub title: Text,
    /// One or two sentences: what it is for.
    pub summary: Text,
    /// The department that provides it.
    pub department: Text,
    /// A category id.
    pub category: String,
    /// Life event ids.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub life_events: Vec<String>,
    /// Who may apply.
    pub audience: Vec<Audience>,
    /// Words people search with, per locale (`{"zh-CN": ["暂住证"], "en": ["temporary residence"]}`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub keywords: BTreeMap<String, Vec<String>>,
    /// Other names for the service, per locale: found as if they were its title.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub synonyms: BTreeMap<String, Vec<String>>,
    /// Services people often need with this one.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<String>,
    /// The guide's file (relative to the catalog), e.g. `guides/residence-permit.json`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub guide: Option<String>,
    /// The application form's id (`forms/<id>.json`), when it can be applied for online.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub form: Option<String>,
}

/// A procedure guide.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Guide {
    /// Must be 1.
    pub schema_version: u32,
    /// The service's id in the catalog.
    pub service: String,
    /// The department's version of the guide.
    pub version: String,
    /// Languages every text is published in; the first is the fallback.
    pub locales: Vec<String>,
    /// The kind of item (licensing, confirmation, public service, …).
    pub item_type: Text,
    /// Laws and articles the service rests on.
    pub legal_basis: Vec<LegalBasis>,
    /// The body that carries it out.
    pub implementing_body: Text,
    /// Who can apply (受理条件), each possibly only for some answers of the assistant.
    pub conditions: Vec<Conditional>,
    /// What to bring or upload (申请材料).
    pub materials: Vec<Material>,
    /// What happens, online and at the counter.
    pub steps: Vec<Step>,
    /// Statutory and promised time limits.
    pub time_limit: TimeLimit,
    /// Fees; empty means free.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fees: Vec<Fee>,
    /// What the citizen gets and how.
    pub result: ResultOf,
    /// Where and when to go.
    pub places: Vec<Place>,
    /// How far it can be done online, and how many visits are needed.
    pub online: Online,
    /// Where to ask questions.
    pub consultation: Vec<Channel>,
    /// Where to complain.
    pub complaints: Vec<Channel>,
    /// Questions people ask.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub faq: Vec<Faq>,
    /// The assistant: a form id (`forms/<id>.json`) whose journey ends at outcomes; its answers
    /// tailor the conditions, materials and steps (their `applies_if`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assistant: Option<String>,
    /// Other services people applying for this one usually need too ("you may also need"),
    /// each possibly only for some answers of the assistant.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub also_needed: Vec<AlsoNeeded>,
}

/// Another service this guide's applicants may need.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct AlsoNeeded {
    /// The service's id in the catalog.
    pub service: String,
    /// Why, in a sentence ("Register the baby's hukou once you have the birth certificate").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<Text>,
    /// Only for people whose assistant answers make this true (JSON Logic).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub applies_if: Option<Expression>,
}

/// A law and the articles used.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct LegalBasis {
    /// The law's name.
    pub title: Text,
    /// Document number, e.g. 国务院令第663号.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    /// The articles, e.g. "articles 2 and 9".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub articles: Option<Text>,
}

/// A sentence that applies to everyone, or only while `applies_if` holds for the assistant's
/// answers.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Conditional {
    /// Identifier, unique in its list.
    pub id: String,
    /// The text (Markdown).
    pub text: Text,
    /// JSON Logic over the assistant's answers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub applies_if: Option<Expression>,
}

/// Original or copy.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum OriginalOrCopy {
    /// The original, shown and handed back.
    Original,
    /// A copy, kept.
    Copy,
    /// The original and a copy.
    Both,
}

/// Paper or electronic.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Medium {
    /// On paper.
    Paper,
    /// A file or e-certificate.
    Electronic,
    /// Either.
    Either,
}

/// Whether a material is needed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Necessity {
    /// 必要: needed to be accepted.
    Required,
    /// 非必要.
    Optional,
    /// 容缺后补: the application is accepted without it; bring it later.
    MaySupplyLater,
}

/// Where a material comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Source {
    /// The applicant has or makes it.
    Applicant,
    /// Issued by a government department; the citizen brings it.
    Department,
    /// Issued by a department and shared electronically: the citizen need not bring it.
    DepartmentShared,
    /// Someone else (employer, school, landlord…).
    Other,
}

/// A material to bring or upload.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Material {
    /// Identifier, unique in the guide.
    pub id: String,
    /// Its name.
    pub name: Text,
    /// Original, copy or both.
    pub original_or_copy: OriginalOrCopy,
    /// Paper, electronic or either.
    pub medium: Medium,
    /// Paper copies to bring.
    #[serde(default = "one")]
    pub copies: u32,
    /// Whether it is needed.
    pub necessity: Necessity,
    /// Where it comes from.
    pub source: Source,
    /// How to fill it in or what counts (Markdown).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<Text>,
    /// A blank form to download (URL).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub blank_form: Option<String>,
    /// A filled-in sample (URL).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sample: Option<String>,
    /// Needed only while this holds for the assistant's answers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub applies_if: Option<Expression>,
}

fn one() -> u32 {
    1
}

/// Where a step happens.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ChannelKind {
    /// Online.
    Online,
    /// At a counter.
    Offline,
    /// Either.
    Either,
}

/// A step of the process.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Step {
    /// Identifier, unique in the guide.
    pub id: String,
    /// Heading.
    pub title: Text,
    /// What happens (Markdown).
    pub body: Text,
    /// Online, at the counter, or either.
    pub channel: ChannelKind,
    /// Only while this holds for the assistant's answers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub applies_if: Option<Expression>,
}

/// A duration with its unit.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Duration {
    /// How many.
    pub value: u32,
    /// Of what.
    pub unit: DurationUnit,
}

/// Units of time limits.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum DurationUnit {
    /// 工作日.
    WorkingDays,
    /// 自然日.
    CalendarDays,
    /// Hours.
    Hours,
    /// Done on the spot (即办).
    OnTheSpot,
}

/// Time limits.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct TimeLimit {
    /// What the law allows (法定时限).
    pub statutory: Duration,
    /// What the department promises (承诺时限); at most the statutory limit.
    pub promised: Duration,
    /// What the clock does not count (special procedures), if anything.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not_counted: Option<Text>,
}

/// A fee.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Fee {
    /// What is paid for.
    pub item: Text,
    /// How much, as citizens read it ("20 yuan", "free for the first card").
    pub amount: Text,
    /// The charging basis.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub basis: Option<Text>,
    /// Can be paid online.
    #[serde(default)]
    pub online_payment: bool,
}

/// How a result reaches the citizen.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Delivery {
    /// Collected at the counter.
    Counter,
    /// Posted.
    Post,
    /// Electronic certificate or document.
    Electronic,
}

/// What the citizen gets.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ResultOf {
    /// Its name (居住证, a birth certificate…).
    pub name: Text,
    /// How it is delivered.
    pub delivery: Vec<Delivery>,
}

/// A place to go.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Place {
    /// Its name.
    pub name: Text,
    /// Its address.
    pub address: Text,
    /// Opening hours.
    pub hours: Text,
    /// How to get there.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub directions: Option<Text>,
}

/// Online depth and visits.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Online {
    /// 网上办理深度 codes: 1 consultation, 2 online receipt, 3 online pre-review, 4 online
    /// acceptance, 5 online handling, 6 online result notification, 7 electronic certificate.
    pub depth: Vec<u8>,
    /// 到办事现场次数.
    pub visits: u8,
    /// Why a visit is needed, when `visits` is not 0.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visits_reason: Option<Text>,
}

/// A phone number, web address or place for questions or complaints.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Channel {
    /// What it is ("12345 hotline").
    pub label: Text,
    /// The number, address or URL.
    pub value: String,
}

/// A question people ask, and its answer (Markdown).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Faq {
    /// The question.
    pub question: Text,
    /// The answer (Markdown).
    pub answer: Text,
}

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

/// A loaded guide: the definition and its compiled `applies_if` conditions.
pub struct GuideModel {
    guide: Guide,
    logic: Logic,
    conditions: Vec<Option<Compiled>>,
    materials: Vec<Option<Compiled>>,
    steps: Vec<Option<Compiled>>,
    also_needed: Vec<Option<Compiled>>,
}

impl std::fmt::Debug for GuideModel {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("GuideModel").field("service", &self.guide.service).finish()
    }
}

/// What applies to one person: the guide filtered by the assistant's answers.
#[derive(Clone, Debug, PartialEq)]
pub struct Checklist<'a> {
    /// Conditions that apply.
    pub conditions: Vec<&'a Conditional>,
    /// Materials to bring or upload, minus those shared between departments.
    pub materials: Vec<&'a Material>,
    /// Materials the citizen need not bring: departments share them.
    pub shared: Vec<&'a Material>,
    /// Steps that apply.
    pub steps: Vec<&'a Step>,
    /// Other services this person may need.
    pub also_needed: Vec<&'a AlsoNeeded>,
}

impl Checklist<'_> {
    /// The checklist as a plain-text file to keep or print at home: `title` (the service's
    /// name), then a box to tick per condition, material, shared material and step, and the
    /// places to go when `with_places`. Texts in `locale`, else `fallback`.
    pub fn to_text(
        &self,
        title: &str,
        guide: &Guide,
        locale: &str,
        fallback: &str,
        with_places: bool,
    ) -> String {
        use crate::text::i18n::{copies_text, ui_text, UiText};
        let t = |text: &'_ Text| text.get(locale, fallback).to_string();
        let mut out = format!("{title}\n{}\n\n", ui_text(UiText::Checklist, locale));
        let mut section = |heading: UiText, lines: Vec<String>| {
            if !lines.is_empty() {
                out.push_str(ui_text(heading, locale));
                out.push('\n');
                for line in lines {
                    out.push_str("  [ ] ");
                    out.push_str(&line);
                    out.push('\n');
                }
                out.push('\n');
            }
        };
        section(UiText::ConditionsForYou, self.conditions.iter().map(|c| t(&c.text)).collect());
        let separator = if crate::text::i18n::is_chinese(locale) { "：" } else { ": " };
        section(
            UiText::YourChecklist,
            self.materials
                .iter()
                .map(|m| format!("{}{separator}{}", t(&m.name), copies_text(m.copies, locale)))
                .collect(),
        );
        section(UiText::NoNeedToBring, self.shared.iter().map(|m| t(&m.name)).collect());
        section(UiText::StepsForYou, self.steps.iter().map(|s| t(&s.title)).collect());
        if with_places {
            section(
                UiText::WhereToGo,
                guide
                    .places
                    .iter()
                    .map(|p| format!("{} — {} ({})", t(&p.name), t(&p.address), t(&p.hours)))
                    .collect(),
            );
        }
        out
    }
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
    };
    if days(&guide.time_limit.promised) > days(&guide.time_limit.statutory) {
        problems.push(Diagnostic::error(
            "/time_limit/promised",
            "the promised time limit is longer than the statutory one",
        ));
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

impl GuideModel {
    /// The guide as published.
    pub fn guide(&self) -> &Guide {
        &self.guide
    }

    /// What applies to someone who gave `answers` to the assistant (`None`: no answers yet,
    /// everything is listed). Answers hidden in the assistant's own journey are ignored, as
    /// they are everywhere else.
    pub fn checklist(&self, assistant: Option<(&FormModel, &Answers)>) -> Checklist<'_> {
        if let Some((model, _)) = assistant {
            self.logic.set_today(model.today());
        }
        // The values the assistant's own conditions see: typed (dates as `YYYY-MM-DD`, numbers
        // as numbers, codes normalised), computed values included, hidden answers absent.
        let evaluated = assistant.map(|(model, answers)| (model, model.evaluate(answers)));
        let applies = |compiled: &Option<Compiled>| match (compiled, &evaluated) {
            (None, _) | (_, None) => true,
            (Some(c), Some((model, evaluation))) => {
                truthy(&self.logic.eval(c, |name| evaluation.value(model, name)))
            }
        };
        let pick = |count: usize, compiled: &[Option<Compiled>]| -> Vec<usize> {
            (0..count).filter(|&i| compiled.get(i).is_none_or(applies)).collect()
        };
        let g = &self.guide;
        let materials: Vec<&Material> =
            pick(g.materials.len(), &self.materials).into_iter().map(|i| &g.materials[i]).collect();
        let (shared, materials) =
            materials.into_iter().partition(|m| m.source == Source::DepartmentShared);
        Checklist {
            conditions: pick(g.conditions.len(), &self.conditions)
                .into_iter()
                .map(|i| &g.conditions[i])
                .collect(),
            materials,
            shared,
            steps: pick(g.steps.len(), &self.steps).into_iter().map(|i| &g.steps[i]).collect(),
            also_needed: pick(g.also_needed.len(), &self.also_needed)
                .into_iter()
                .map(|i| &g.also_needed[i])
                .collect(),
        }
    }
}

/// Why a service is recommended ("you may also need"), strongest first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Because {
    /// The person's own answers point to it (the guide's `also_needed` that apply, or where
    /// the assistant sent them).
    Answers,
    /// The department linked it (`related`).
    Related,
    /// It belongs to the same life event ("having a baby").
    LifeEvent,
}

impl Catalog {
    /// The catalog's first locale: where a text missing in the citizen's language is taken from.
    pub fn fallback_locale(&self) -> &str {
        self.locales.first().map(String::as_str).unwrap_or("zh-CN")
    }

    /// The service with this id.
    pub fn service(&self, id: &str) -> Option<&Service> {
        self.services.iter().find(|s| s.id == id)
    }

    /// The service whose form this is.
    pub fn service_with_form(&self, form: &str) -> Option<&Service> {
        self.services.iter().find(|s| s.form.as_deref() == Some(form))
    }

    /// The services of a category or life event, in catalog order.
    pub fn services_in(&self, group: &str) -> Vec<&Service> {
        self.services
            .iter()
            .filter(|s| s.category == group || s.life_events.iter().any(|e| e == group))
            .collect()
    }

    /// "You may also need", worked out on the device: first the services the person's answers
    /// point to (`tailored`, e.g. a checklist's `also_needed`), then the ones the department
    /// linked, then those sharing most life events with `service`. Never `service` itself or
    /// `exclude` (what the person is already doing); at most `limit`.
    pub fn recommendations<'a>(
        &'a self,
        service: &str,
        tailored: &[&str],
        exclude: &[&str],
        limit: usize,
    ) -> Vec<(&'a Service, Because)> {
        let mut out: Vec<(&Service, Because)> = Vec::new();
        let push = |candidate: Option<&'a Service>,
                    because: Because,
                    out: &mut Vec<(&'a Service, Because)>| {
            if let Some(s) = candidate {
                if s.id != service
                    && !exclude.contains(&s.id.as_str())
                    && !out.iter().any(|(o, _)| o.id == s.id)
                {
                    out.push((s, because));
                }
            }
        };
        for id in tailored {
            push(self.service(id), Because::Answers, &mut out);
        }
        let Some(this) = self.service(service) else {
            out.truncate(limit);
            return out;
        };
        for id in &this.related {
            push(self.service(id), Because::Related, &mut out);
        }
        let mut sharing: Vec<(usize, usize, &Service)> = self
            .services
            .iter()
            .enumerate()
            .map(|(i, s)| {
                (s.life_events.iter().filter(|e| this.life_events.contains(e)).count(), i, s)
            })
            .filter(|(shared, _, _)| *shared > 0)
            .collect();
        // Most shared life events first; catalog order breaks ties, so the list is stable.
        sharing.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        for (_, _, s) in sharing {
            push(Some(s), Because::LifeEvent, &mut out);
        }
        out.truncate(limit);
        out
    }
}

/// An assistant's answers as `(question, value)` pairs for a URL, so that a check is
/// bookmarkable and the back button steps through it. Lists become repeated pairs and
/// date-like groups `question.part` pairs; anything else is not a short URL answer and is left
/// out.
pub fn answers_to_pairs(answers: &Answers) -> Vec<(String, String)> {
    let mut pairs = Vec::new();
    for (id, value) in &answers.0 {
        match value {
            serde_json::Value::String(s) => pairs.push((id.clone(), s.clone())),
            serde_json::Value::Array(items) => {
                pairs.extend(
                    items.iter().filter_map(|i| i.as_str()).map(|s| (id.clone(), s.to_string())),
                );
            }
            serde_json::Value::Object(parts) => {
                pairs.extend(
                    parts.iter().filter_map(|(k, v)| {
                        v.as_str().map(|s| (format!("{id}.{k}"), s.to_string()))
                    }),
                );
            }
            _ => {}
        }
    }
    pairs
}

/// Reads pairs made by [`answers_to_pairs`] back for `model`: only its questions are taken
/// (a URL can say anything), and a checkbox question always gets a list.
pub fn answers_from_pairs(model: &FormModel, pairs: &[(String, String)]) -> Answers {
    let mut answers = Answers::default();
    for (key, value) in pairs {
        let (id, part) = match key.split_once('.') {
            Some((id, part)) => (id, Some(part)),
            None => (key.as_str(), None),
        };
        let Some((_, field)) = model.field(id) else { continue };
        let entry = answers.0.entry(id.to_string());
        match (part, &field.kind) {
            (Some(part), _) => {
                let slot = entry.or_insert_with(|| serde_json::Value::Object(Default::default()));
                if let Some(parts) = slot.as_object_mut() {
                    parts.insert(part.to_string(), serde_json::Value::String(value.clone()));
                }
            }
            (None, crate::form::definition::FieldKind::Checkboxes { .. }) => {
                let slot = entry.or_insert_with(|| serde_json::Value::Array(Vec::new()));
                if let Some(items) = slot.as_array_mut() {
                    items.push(serde_json::Value::String(value.clone()));
                }
            }
            (None, _) => {
                entry.or_insert_with(|| serde_json::Value::String(value.clone()));
            }
        }
    }
    answers
}

/// The answers a "start form" outcome hands to its form: each of the form's questions in
/// `prefill` takes the assistant's visible answer it names.
pub fn handed_over(
    assistant: &FormModel,
    action: &crate::form::definition::OutcomeAction,
    answers: &Answers,
) -> Answers {
    let crate::form::definition::OutcomeAction::StartForm { prefill, .. } = action else {
        return Answers::default();
    };
    let visible = assistant.evaluate(answers).visible_answers(assistant, answers);
    Answers(
        prefill
            .iter()
            .filter_map(|(to, from)| visible.get(from).map(|v| (to.clone(), v.clone())))
            .collect(),
    )
}
