//! The published formats of the service catalog and of procedure guides.

use crate::form::definition::{Expression, Text};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

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
    /// Hosts besides this site that images in the guides may come from (`img.gov.example`):
    /// each is a request every reader's browser makes, so only the department's own.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub image_hosts: Vec<String>,
    /// How many days a draft, and the details a citizen chose to remember, stay on the device
    /// for the forms of this catalog that do not say (1 to 365; default 30).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub keep_on_device_days: Option<u32>,
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
    /// Weeks (周): "renew within 12 weeks".
    Weeks,
    /// Hours.
    Hours,
    /// Done on the spot (即办).
    OnTheSpot,
    /// Calendar months: a validity, a renewal period.
    Months,
    /// Years: a validity ("valid for 1 year").
    Years,
    /// No limit (the value is not read): no statutory time limit (无法定时限), a result that does
    /// not expire (长期有效).
    NoLimit,
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
    /// How long it is valid (有效期): days, weeks, months, years, or `no_limit`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_for: Option<Duration>,
    /// How long before it expires its renewal may be applied for (到期前…内续办).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub renew_before_expiry: Option<Duration>,
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
}
