//! Service evaluation (好差评) and governance analytics: the formats that leave the device and
//! the checks the receiver runs on arrival (same code on both sides).
//!
//! - A [`Rating`] is a citizen's evaluation of one service, once per case: five levels
//!   (非常满意 very satisfied = 5 … 非常不满意 very dissatisfied = 1), the online indicators
//!   (efficiency, accuracy of the guide, convenience, usability), reason codes and a short
//!   comment. A negative rating (1 or 2) must say what went wrong: a reason or a comment.
//! - An [`EventBatch`] carries analytics [`Event`]s: only counts and coarse fields, never
//!   answers, names, identity numbers or case references. Time on a page travels as a
//!   [`DurationBucket`], never as a measured time; no event carries a clock time (the receiver
//!   dates a batch by the day it arrives).
//!
//! [`check_rating`] and [`check_events`] return every problem, each with a JSON pointer.

use serde::{Deserialize, Serialize};

/// The rating and event formats' version.
pub const ANALYTICS_FORMAT: u32 = 1;
/// Longest comment on a rating, in characters.
pub const MAX_COMMENT_CHARS: usize = 500;
/// Most events in one batch.
pub const MAX_BATCH_EVENTS: usize = 100;
/// Longest search query kept (when the site sends queries at all), in characters.
pub const MAX_QUERY_CHARS: usize = 100;
/// Longest identifier (form, page, field, rule, service, case reference), in characters.
pub const MAX_ID_CHARS: usize = 100;

/// A citizen's evaluation of a service (好差评).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Rating {
    /// Must equal [`ANALYTICS_FORMAT`].
    pub format: u32,
    /// A UUID made once per rating and reused on every attempt to send it, so a repeat of the
    /// same rating is recognised (and not taken for a second rating of the case).
    pub id: String,
    /// The case (办件) rated: the reference the receiver gave the application. Absent for a
    /// rating of the service from its guide, without an application.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub case_reference: Option<String>,
    /// The service's id in the catalog (or the form's id when the catalog has no entry).
    pub service: String,
    /// The version of what was rated: the form's version after an application, the guide's
    /// from a guide.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    /// Where the service was used.
    pub channel: Channel,
    /// Overall satisfaction, 5 (非常满意 very satisfied) … 1 (非常不满意 very dissatisfied).
    pub level: u8,
    /// The online indicators, each 1…5 when answered.
    #[serde(default)]
    pub indicators: Indicators,
    /// What went wrong (or right); at least one reason or a comment when `level` ≤ 2.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reasons: Vec<Reason>,
    /// Suggestions in the citizen's words, at most [`MAX_COMMENT_CHARS`] characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    /// The locale the citizen used.
    pub locale: String,
    /// When the citizen rated (RFC 3339), from the device's clock.
    pub created: String,
}

/// The online indicators of 好差评, each 1 (very poor) … 5 (very good) when answered.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Indicators {
    /// 办事效率: how quickly it got done.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub efficiency: Option<u8>,
    /// 指南准确: whether the guide was accurate.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub guide_accuracy: Option<u8>,
    /// 办事便捷: how convenient the procedure was.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub convenience: Option<u8>,
    /// 界面易用: how easy the online service was to use.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub usability: Option<u8>,
}

impl Indicators {
    /// Each indicator's name (as in JSON) and value.
    pub fn each(&self) -> [(&'static str, Option<u8>); 4] {
        [
            ("efficiency", self.efficiency),
            ("guide_accuracy", self.guide_accuracy),
            ("convenience", self.convenience),
            ("usability", self.usability),
        ]
    }
}

/// Where a service was used.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    /// The app's own pages.
    Online,
    /// A form embedded in another site's page.
    Embedded,
    /// A service counter (窗口), rated on a device there.
    Counter,
    /// A self-service terminal (自助终端).
    Terminal,
}

impl Channel {
    /// The name as in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Channel::Online => "online",
            Channel::Embedded => "embedded",
            Channel::Counter => "counter",
            Channel::Terminal => "terminal",
        }
    }
}

/// Reason codes: the refinement questions of 好差评, and the usual complaints.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    /// The guidance was not clear (指南不清晰).
    UnclearGuidance,
    /// The procedure was not convenient (流程不便捷).
    InconvenientProcedure,
    /// Too many materials were asked for (材料不精简).
    TooManyMaterials,
    /// The interface was not friendly (界面不友好).
    UnfriendlyInterface,
    /// It took too long (办理时间长).
    TooSlow,
    /// Something did not work (系统故障).
    TechnicalProblem,
    /// Something else (其他).
    Other,
}

impl Reason {
    /// Every reason, in the order the form offers them.
    pub const ALL: [Reason; 7] = [
        Reason::UnclearGuidance,
        Reason::InconvenientProcedure,
        Reason::TooManyMaterials,
        Reason::UnfriendlyInterface,
        Reason::TooSlow,
        Reason::TechnicalProblem,
        Reason::Other,
    ];

    /// The code as in JSON.
    pub fn code(self) -> &'static str {
        match self {
            Reason::UnclearGuidance => "unclear_guidance",
            Reason::InconvenientProcedure => "inconvenient_procedure",
            Reason::TooManyMaterials => "too_many_materials",
            Reason::UnfriendlyInterface => "unfriendly_interface",
            Reason::TooSlow => "too_slow",
            Reason::TechnicalProblem => "technical_problem",
            Reason::Other => "other",
        }
    }
}

/// Whether a level is negative (不满意 or 非常不满意) and must be followed up.
pub fn is_negative(level: u8) -> bool {
    (1..=2).contains(&level)
}

/// A problem with a rating or an event batch: where (a JSON pointer), which check, and what
/// to do, in English (these are for developers and the receiver's 422 replies; the rating form
/// words its own messages from `rule`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Problem {
    /// JSON pointer to the offending value (`/level`, `/events/3/page`).
    pub pointer: String,
    /// The check that failed: `format`, `required`, `range`, `too_long`, `syntax`, `too_many`,
    /// `negative_needs_reason`, `duplicate`, `not_sent`.
    pub rule: String,
    /// What is wrong.
    pub message: String,
}

fn problem(pointer: impl Into<String>, rule: &str, message: impl Into<String>) -> Problem {
    Problem { pointer: pointer.into(), rule: rule.into(), message: message.into() }
}

/// Whether `text` is a plain identifier: 1…[`MAX_ID_CHARS`] of ASCII letters, digits and
/// `- _ . :` (form, page, field and rule ids, service ids, case references).
pub fn is_identifier(text: &str) -> bool {
    !text.is_empty()
        && text.len() <= MAX_ID_CHARS
        && text.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b':'))
}

fn check_id(out: &mut Vec<Problem>, pointer: &str, value: &str) {
    if value.is_empty() {
        out.push(problem(pointer, "required", "must not be empty"));
    } else if !is_identifier(value) {
        out.push(problem(
            pointer,
            "syntax",
            format!("must be at most {MAX_ID_CHARS} of A-Z a-z 0-9 - _ . :"),
        ));
    }
}

fn check_locale(out: &mut Vec<Problem>, pointer: &str, value: &str) {
    let ok = !value.is_empty()
        && value.len() <= 20
        && value.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-');
    if !ok {
        out.push(problem(pointer, "syntax", "must be a language tag such as zh-CN or en"));
    }
}

/// Every problem with `rating`, each with its JSON pointer; empty when it is acceptable.
pub fn check_rating(rating: &Rating) -> Vec<Problem> {
    let mut out = Vec::new();
    if rating.format != ANALYTICS_FORMAT {
        out.push(problem("/format", "format", format!("must be {ANALYTICS_FORMAT}")));
    }
    check_id(&mut out, "/id", &rating.id);
    if let Some(case) = &rating.case_reference {
        check_id(&mut out, "/case_reference", case);
    }
    check_id(&mut out, "/service", &rating.service);
    if let Some(version) = &rating.version {
        check_id(&mut out, "/version", version);
    }
    if !(1..=5).contains(&rating.level) {
        out.push(problem(
            "/level",
            if rating.level == 0 { "required" } else { "range" },
            "must be 1 (very dissatisfied) to 5 (very satisfied)",
        ));
    }
    for (name, value) in rating.indicators.each() {
        if value.is_some_and(|v| !(1..=5).contains(&v)) {
            out.push(problem(format!("/indicators/{name}"), "range", "must be 1 to 5"));
        }
    }
    for (i, reason) in rating.reasons.iter().enumerate() {
        if rating.reasons[..i].contains(reason) {
            out.push(problem(
                format!("/reasons/{i}"),
                "duplicate",
                format!("{} is listed twice", reason.code()),
            ));
        }
    }
    let comment = rating.comment.as_deref().map(str::trim).unwrap_or("");
    if comment.chars().count() > MAX_COMMENT_CHARS {
        out.push(problem(
            "/comment",
            "too_long",
            format!("must be at most {MAX_COMMENT_CHARS} characters"),
        ));
    }
    if is_negative(rating.level) && rating.reasons.is_empty() && comment.is_empty() {
        out.push(problem(
            "/reasons",
            "negative_needs_reason",
            "a negative rating must give a reason or a comment",
        ));
    }
    check_locale(&mut out, "/locale", &rating.locale);
    if !looks_like_rfc3339(&rating.created) {
        out.push(problem(
            "/created",
            "syntax",
            "must be an RFC 3339 time such as 2026-11-27T10:00:00Z",
        ));
    }
    out
}

/// `YYYY-MM-DDTHH:MM:SS…` with a zone; enough to order and date ratings (the receiver keeps
/// its own time of arrival too).
fn looks_like_rfc3339(text: &str) -> bool {
    let b = text.as_bytes();
    text.len() >= 20
        && text.len() <= 40
        && b[..4].iter().all(u8::is_ascii_digit)
        && b[4] == b'-'
        && b[7] == b'-'
        && (b[10] == b'T' || b[10] == b't')
        && b[13] == b':'
        && (text.ends_with('Z') || text.ends_with('z') || text[19..].contains(['+', '-']))
}

/// How long someone spent on a page, coarsely: the only form in which time leaves the device.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum DurationBucket {
    /// Under 10 seconds.
    #[serde(rename = "0-10s")]
    UpTo10s,
    /// 10 to 30 seconds.
    #[serde(rename = "10-30s")]
    UpTo30s,
    /// 30 seconds to a minute.
    #[serde(rename = "30s-1m")]
    UpTo1m,
    /// 1 to 3 minutes.
    #[serde(rename = "1-3m")]
    UpTo3m,
    /// 3 to 10 minutes.
    #[serde(rename = "3-10m")]
    UpTo10m,
    /// 10 minutes or more.
    #[serde(rename = "10m+")]
    Longer,
}

impl DurationBucket {
    /// Every bucket, shortest first.
    pub const ALL: [DurationBucket; 6] = [
        DurationBucket::UpTo10s,
        DurationBucket::UpTo30s,
        DurationBucket::UpTo1m,
        DurationBucket::UpTo3m,
        DurationBucket::UpTo10m,
        DurationBucket::Longer,
    ];

    /// The bucket's name as in JSON (`0-10s`, …, `10m+`).
    pub fn label(self) -> &'static str {
        match self {
            DurationBucket::UpTo10s => "0-10s",
            DurationBucket::UpTo30s => "10-30s",
            DurationBucket::UpTo1m => "30s-1m",
            DurationBucket::UpTo3m => "1-3m",
            DurationBucket::UpTo10m => "3-10m",
            DurationBucket::Longer => "10m+",
        }
    }
}

/// The bucket of a duration in milliseconds (negative or not a number counts as 0: clocks
/// jump; it never panics).
pub fn bucket_duration(ms: f64) -> DurationBucket {
    let secs = if ms.is_finite() && ms > 0.0 { ms / 1000.0 } else { 0.0 };
    match secs {
        s if s < 10.0 => DurationBucket::UpTo10s,
        s if s < 30.0 => DurationBucket::UpTo30s,
        s if s < 60.0 => DurationBucket::UpTo1m,
        s if s < 180.0 => DurationBucket::UpTo3m,
        s if s < 600.0 => DurationBucket::UpTo10m,
        _ => DurationBucket::Longer,
    }
}

/// What happened to an application when the citizen pressed Send.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// The backend received it.
    Submitted,
    /// It is kept on the device until the backend can be reached.
    Queued,
    /// The backend refused answers (shown on their pages) or the application for good.
    Refused,
}

impl Outcome {
    /// The name as in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Submitted => "submitted",
            Outcome::Queued => "queued",
            Outcome::Refused => "refused",
        }
    }
}

/// A batch of analytics events from one page, sent when enough gather or the page is hidden.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct EventBatch {
    /// Must equal [`ANALYTICS_FORMAT`].
    pub format: u32,
    /// Where the events happened (`online`: the app's pages; `embedded`: another site's page).
    pub channel: Channel,
    /// At most [`MAX_BATCH_EVENTS`].
    pub events: Vec<Event>,
}

/// One analytics event: only ids from published definitions, counts and coarse fields.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum Event {
    /// A submitted search found no service. The words searched for only when the deploying
    /// site enables it (`queries: true`).
    SearchNoResults {
        /// What was searched for, at most [`MAX_QUERY_CHARS`] characters, or absent.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        query: Option<String>,
    },
    /// A form's journey started (or a draft was resumed).
    JourneyStarted {
        /// The form's id.
        form: String,
        /// The definition's version.
        version: String,
    },
    /// A page of a form was shown (`check-answers`, `outcome:<id>` and `confirmation` too).
    PageReached {
        /// The form's id.
        form: String,
        /// The definition's version.
        version: String,
        /// The page's id.
        page: String,
    },
    /// The citizen left the form (closed or hid the page, or went elsewhere in the app) on this
    /// page, before sending.
    PageAbandoned {
        /// The form's id.
        form: String,
        /// The definition's version.
        version: String,
        /// The page's id.
        page: String,
    },
    /// "Continue" found this error: which question and which check, never the answer.
    ValidationError {
        /// The form's id.
        form: String,
        /// The definition's version.
        version: String,
        /// The page's id.
        page: String,
        /// The question's id.
        field: String,
        /// The check (`required`, `pattern`, a rule's id…).
        rule: String,
    },
    /// What became of an application on Send.
    Submission {
        /// The form's id.
        form: String,
        /// The definition's version.
        version: String,
        /// What happened.
        outcome: Outcome,
    },
    /// How long the citizen stayed on a page, bucketed.
    PageTime {
        /// The form's id.
        form: String,
        /// The definition's version.
        version: String,
        /// The page's id.
        page: String,
        /// How long, coarsely.
        bucket: DurationBucket,
    },
}

impl Event {
    /// The event's type as in JSON.
    pub fn kind(&self) -> &'static str {
        match self {
            Event::SearchNoResults { .. } => "search_no_results",
            Event::JourneyStarted { .. } => "journey_started",
            Event::PageReached { .. } => "page_reached",
            Event::PageAbandoned { .. } => "page_abandoned",
            Event::ValidationError { .. } => "validation_error",
            Event::Submission { .. } => "submission",
            Event::PageTime { .. } => "page_time",
        }
    }

    /// The form, version and page it is about (empty for a search).
    pub fn place(&self) -> (&str, &str, &str) {
        match self {
            Event::SearchNoResults { .. } => ("", "", ""),
            Event::JourneyStarted { form, version } | Event::Submission { form, version, .. } => {
                (form, version, "")
            }
            Event::PageReached { form, version, page }
            | Event::PageAbandoned { form, version, page }
            | Event::ValidationError { form, version, page, .. }
            | Event::PageTime { form, version, page, .. } => (form, version, page),
        }
    }
}

/// A search query as it may leave the device: trimmed, lower-cased, whitespace collapsed,
/// at most [`MAX_QUERY_CHARS`] characters; `None` when empty.
pub fn normalize_query(query: &str) -> Option<String> {
    let words: Vec<&str> = query.split_whitespace().collect();
    let text: String = words.join(" ").to_lowercase().chars().take(MAX_QUERY_CHARS).collect();
    (!text.is_empty()).then_some(text)
}

/// Every problem with `batch`, each with its JSON pointer; empty when it is acceptable.
pub fn check_events(batch: &EventBatch) -> Vec<Problem> {
    let mut out = Vec::new();
    if batch.format != ANALYTICS_FORMAT {
        out.push(problem("/format", "format", format!("must be {ANALYTICS_FORMAT}")));
    }
    if batch.events.len() > MAX_BATCH_EVENTS {
        out.push(problem(
            "/events",
            "too_many",
            format!("at most {MAX_BATCH_EVENTS} events in a batch"),
        ));
    }
    for (i, event) in batch.events.iter().enumerate() {
        let at = |name: &str| format!("/events/{i}/{name}");
        if let Event::SearchNoResults { query } = event {
            let Some(query) = query else { continue };
            if query.trim().is_empty() {
                out.push(problem(
                    at("query"),
                    "required",
                    "leave the query out rather than send it empty",
                ));
            } else if query.chars().count() > MAX_QUERY_CHARS {
                out.push(problem(
                    at("query"),
                    "too_long",
                    format!("must be at most {MAX_QUERY_CHARS} characters"),
                ));
            }
            continue;
        }
        let (form, version, page) = event.place();
        check_id(&mut out, &at("form"), form);
        check_id(&mut out, &at("version"), version);
        if !matches!(event, Event::JourneyStarted { .. } | Event::Submission { .. }) {
            check_id(&mut out, &at("page"), page);
        }
        if let Event::ValidationError { field, rule, .. } = event {
            check_id(&mut out, &at("field"), field);
            check_id(&mut out, &at("rule"), rule);
        }
    }
    out
}

/// The rating form's words (en, zh-CN; other locales read English).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum RatingText {
    Heading,
    Intro,
    CaseReference,
    LevelLegend,
    IndicatorsLegend,
    IndicatorsHint,
    ReasonsLegendNegative,
    ReasonsLegend,
    CommentLabel,
    CommentHint,
    Send,
    Sending,
    ThanksHeading,
    ThanksBody,
    SavedBody,
    AlreadyRatedHeading,
    AlreadyRatedBody,
    LevelMissing,
    ReasonMissing,
    CommentTooLong,
    NotAccepted,
    RefusedHeading,
    RefusedBody,
    GuideHeading,
    GuideBody,
}

/// The words of `key` in `locale`.
pub fn rating_text(key: RatingText, locale: &str) -> &'static str {
    use RatingText::*;
    let (en, zh) = match key {
        Heading => ("Rate this service", "评价本次服务"),
        Intro => (
            "Your rating helps the department improve this service. It is not linked to your answers.",
            "您的评价将帮助部门改进服务，评价不会关联您填写的内容。",
        ),
        CaseReference => ("Case reference", "办件编号"),
        LevelLegend => ("Overall, how satisfied are you with this service?", "您对本次服务的总体评价"),
        IndicatorsLegend => ("How would you rate each of these? (optional)", "分项评价（选填）"),
        IndicatorsHint => ("5 is very good, 1 is very poor.", "5分为非常好，1分为非常差。"),
        ReasonsLegendNegative => ("What went wrong? Select all that apply", "不满意的原因（可多选）"),
        ReasonsLegend => ("What could be better? (optional)", "哪些方面可以改进？（选填）"),
        CommentLabel => ("Suggestions (optional)", "意见建议（选填）"),
        CommentHint => (
            "Do not include personal details such as your name or ID number. You can enter up to 500 characters.",
            "请勿填写姓名、身份证号码等个人信息，最多500字。",
        ),
        Send => ("Send rating", "提交评价"),
        Sending => ("Sending your rating…", "正在提交评价…"),
        ThanksHeading => ("Thank you for your rating", "感谢您的评价"),
        ThanksBody => ("Your rating has been sent to the department.", "您的评价已提交给办理部门。"),
        SavedBody => (
            "Your rating is saved on this device and will be sent when you are online.",
            "您的评价已保存在本设备上，联网后将自动提交。",
        ),
        AlreadyRatedHeading => ("This case has already been rated", "该办件已评价"),
        AlreadyRatedBody => ("Each case can be rated once. Thank you for your feedback.", "每个办件只能评价一次，感谢您的反馈。"),
        LevelMissing => ("Select how satisfied you are with this service", "请选择您对本次服务的总体评价"),
        ReasonMissing => ("Select what went wrong, or tell us in your own words", "请选择不满意的原因，或填写意见建议"),
        CommentTooLong => ("Your suggestions must be 500 characters or fewer", "意见建议不能超过500字"),
        NotAccepted => ("Your rating could not be accepted. Check it and send it again.", "评价未被接受，请检查后重新提交。"),
        RefusedHeading => ("Your rating was not accepted", "评价未被接受"),
        RefusedBody => (
            "The service could not accept this rating. Your application is not affected.",
            "服务端未能接受本次评价，这不影响您的办件。",
        ),
        GuideHeading => ("Tell us what you think", "服务评价"),
        GuideBody => ("Rate this service: how satisfied you were and what could be better.", "对本事项进行“好差评”：是否满意，哪些方面可以改进。"),
    };
    if crate::text::i18n::is_chinese(locale) {
        zh
    } else {
        en
    }
}

/// The name of a satisfaction level (5 very satisfied … 1 very dissatisfied) in `locale`.
pub fn level_text(level: u8, locale: &str) -> &'static str {
    let (en, zh) = match level {
        5 => ("Very satisfied", "非常满意"),
        4 => ("Satisfied", "满意"),
        3 => ("Fairly satisfied", "基本满意"),
        2 => ("Dissatisfied", "不满意"),
        _ => ("Very dissatisfied", "非常不满意"),
    };
    if crate::text::i18n::is_chinese(locale) {
        zh
    } else {
        en
    }
}

/// The name of an online indicator (`efficiency`, `guide_accuracy`, `convenience`,
/// `usability`) in `locale`.
pub fn indicator_text(name: &str, locale: &str) -> &'static str {
    let (en, zh) = match name {
        "efficiency" => ("How quickly it got done", "办事效率"),
        "guide_accuracy" => ("How accurate the guide was", "办事指南准确性"),
        "convenience" => ("How convenient the procedure was", "办事便捷程度"),
        _ => ("How easy the online service was to use", "网上办事易用性"),
    };
    if crate::text::i18n::is_chinese(locale) {
        zh
    } else {
        en
    }
}

impl Reason {
    /// The reason in the citizen's words, in `locale`.
    pub fn text(self, locale: &str) -> &'static str {
        let (en, zh) = match self {
            Reason::UnclearGuidance => ("The guidance was not clear", "办事指南不清晰"),
            Reason::InconvenientProcedure => ("The procedure was not convenient", "办事流程不便捷"),
            Reason::TooManyMaterials => ("Too many documents were asked for", "申请材料不精简"),
            Reason::UnfriendlyInterface => ("The website was hard to use", "办事界面不友好"),
            Reason::TooSlow => ("It took too long", "办理时间过长"),
            Reason::TechnicalProblem => ("Something did not work", "系统出现故障"),
            Reason::Other => ("Something else", "其他"),
        };
        if crate::text::i18n::is_chinese(locale) {
            zh
        } else {
            en
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn rating(value: serde_json::Value) -> Rating {
        let mut base = json!({"format": 1, "id": "0b6f7a3e-7f2d-4f7e-9a53-1d2c3b4a5f60", "case_reference": "OW-20261127-000001",
            "service": "residence-permit", "version": "2026.1", "channel": "online", "level": 5, "locale": "en",
            "created": "2026-11-27T10:00:00.000Z"});
        for (k, v) in value.as_object().unwrap() {
            base[k] = v.clone();
        }
        serde_json::from_value(base).unwrap()
    }

    fn rules(problems: &[Problem]) -> Vec<(&str, &str)> {
        problems.iter().map(|p| (p.pointer.as_str(), p.rule.as_str())).collect()
    }

    #[test]
    fn a_plain_good_rating_is_acceptable() {
        assert_eq!(check_rating(&rating(json!({}))), vec![]);
        let full = rating(
            json!({"indicators": {"efficiency": 5, "guide_accuracy": 4, "convenience": 3, "usability": 1},
            "reasons": ["too_slow"], "comment": "快"}),
        );
        assert_eq!(check_rating(&full), vec![]);
    }

    #[test]
    fn every_problem_is_reported_with_its_pointer() {
        let bad = rating(json!({"format": 2, "id": "", "case_reference": "OW 1/../x", "level": 7,
            "indicators": {"usability": 0}, "reasons": ["other", "other"], "comment": "x".repeat(501),
            "locale": "", "created": "yesterday"}));
        assert_eq!(
            rules(&check_rating(&bad)),
            vec![
                ("/format", "format"),
                ("/id", "required"),
                ("/case_reference", "syntax"),
                ("/level", "range"),
                ("/indicators/usability", "range"),
                ("/reasons/1", "duplicate"),
                ("/comment", "too_long"),
                ("/locale", "syntax"),
                ("/created", "syntax"),
            ]
        );
        assert_eq!(
            rules(&check_rating(&rating(json!({"level": 0})))),
            vec![("/level", "required")]
        );
    }

    #[test]
    fn a_negative_rating_must_say_what_went_wrong() {
        for level in [1, 2] {
            assert_eq!(
                rules(&check_rating(&rating(json!({"level": level}))),),
                vec![("/reasons", "negative_needs_reason")]
            );
            assert_eq!(
                rules(&check_rating(&rating(json!({"level": level, "comment": "   "})))),
                vec![("/reasons", "negative_needs_reason")]
            );
            assert_eq!(
                check_rating(&rating(json!({"level": level, "reasons": ["too_many_materials"]}))),
                vec![]
            );
            assert_eq!(
                check_rating(&rating(json!({"level": level, "comment": "排队太久"}))),
                vec![]
            );
        }
        assert!(is_negative(1) && is_negative(2) && !is_negative(3) && !is_negative(0));
        assert_eq!(check_rating(&rating(json!({"level": 3}))), vec![]);
    }

    #[test]
    fn unknown_fields_and_reasons_are_refused_when_read() {
        let mut value = serde_json::to_value(rating(json!({}))).unwrap();
        value["name"] = json!("Li Lei");
        assert!(serde_json::from_value::<Rating>(value).is_err());
        let mut value = serde_json::to_value(rating(json!({}))).unwrap();
        value["reasons"] = json!(["rude"]);
        assert!(serde_json::from_value::<Rating>(value).is_err());
    }

    #[test]
    fn durations_fall_in_coarse_buckets() {
        let cases = [
            (-5.0, "0-10s"),
            (f64::NAN, "0-10s"),
            (0.0, "0-10s"),
            (9_999.0, "0-10s"),
            (10_000.0, "10-30s"),
            (29_999.0, "10-30s"),
            (30_000.0, "30s-1m"),
            (60_000.0, "1-3m"),
            (179_999.0, "1-3m"),
            (180_000.0, "3-10m"),
            (600_000.0, "10m+"),
            (f64::INFINITY, "0-10s"),
            (1e15, "10m+"),
        ];
        for (ms, label) in cases {
            assert_eq!(bucket_duration(ms).label(), label, "{ms}");
        }
        for bucket in DurationBucket::ALL {
            assert_eq!(serde_json::to_value(bucket).unwrap(), json!(bucket.label()));
        }
    }

    #[test]
    fn events_are_flat_tagged_json() {
        let batch = EventBatch {
            format: 1,
            channel: Channel::Online,
            events: vec![
                Event::PageTime {
                    form: "f".into(),
                    version: "1".into(),
                    page: "name".into(),
                    bucket: DurationBucket::UpTo30s,
                },
                Event::SearchNoResults { query: None },
                Event::Submission {
                    form: "f".into(),
                    version: "1".into(),
                    outcome: Outcome::Queued,
                },
            ],
        };
        assert_eq!(
            serde_json::to_value(&batch).unwrap(),
            json!({"format": 1, "channel": "online", "events": [
                {"type": "page_time", "form": "f", "version": "1", "page": "name", "bucket": "10-30s"},
                {"type": "search_no_results"},
                {"type": "submission", "form": "f", "version": "1", "outcome": "queued"},
            ]})
        );
        assert_eq!(check_events(&batch), vec![]);
        let extra = json!({"format": 1, "channel": "online", "events": [{"type": "page_reached", "form": "f", "version": "1", "page": "p", "answer": "x"}]});
        assert!(serde_json::from_value::<EventBatch>(extra).is_err(), "no room for anything else");
    }

    #[test]
    fn event_problems_name_the_event_and_field() {
        let batch: EventBatch = serde_json::from_value(json!({"format": 1, "channel": "embedded", "events": [
            {"type": "journey_started", "form": "f", "version": "1"},
            {"type": "validation_error", "form": "f", "version": "1", "page": "p", "field": "a b", "rule": ""},
            {"type": "search_no_results", "query": "q".repeat(101)},
            {"type": "page_abandoned", "form": "", "version": "1", "page": "p"},
        ]}))
        .unwrap();
        assert_eq!(
            rules(&check_events(&batch)),
            vec![
                ("/events/1/field", "syntax"),
                ("/events/1/rule", "required"),
                ("/events/2/query", "too_long"),
                ("/events/3/form", "required")
            ]
        );
        let many = EventBatch {
            format: 1,
            channel: Channel::Online,
            events: vec![Event::SearchNoResults { query: None }; 101],
        };
        assert_eq!(rules(&check_events(&many)), vec![("/events", "too_many")]);
    }

    #[test]
    fn queries_are_normalised_before_they_leave() {
        assert_eq!(normalize_query("  Hukou   TRANSFER "), Some("hukou transfer".into()));
        assert_eq!(normalize_query("   "), None);
        assert_eq!(normalize_query(&"长".repeat(300)).unwrap().chars().count(), MAX_QUERY_CHARS);
    }
}
