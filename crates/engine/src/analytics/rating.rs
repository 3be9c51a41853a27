//! Ratings (好差评): a citizen's evaluation of one service, once per case, and its check.

use super::limits::{ANALYTICS_FORMAT, MAX_COMMENT_CHARS};
use super::problem::{check_id, check_locale, problem, Problem};
use serde::{Deserialize, Serialize};

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
    /// Proof that the rater holds the case: the application's [`rating_token`], which the
    /// receiver gives with the reference. Needed with `case_reference`, and only with it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub case_token: Option<String>,
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
    match (&rating.case_reference, &rating.case_token) {
        (Some(_), Some(token)) if !is_rating_token(token) => {
            out.push(problem("/case_token", "syntax", "must be 32 lower-case hex digits"))
        }
        (Some(_), None) => out.push(problem(
            "/case_token",
            "required",
            "a rating of a case needs the token the receiver gave with its reference",
        )),
        (None, Some(_)) => out.push(problem(
            "/case_token",
            "unexpected",
            "a token proves a case: it comes with case_reference only",
        )),
        _ => {}
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
        if rating.reasons.iter().take(i).any(|r| r == reason) {
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

/// The token that proves a rating's case: made from the application's idempotency key, which
/// only the device that sent the application and the receiver that stored it know, so nobody
/// who merely knows (or guesses) a reference can rate that case. The receiver gives it with
/// the reference and checks it against the key it stored; the app makes the same from the key
/// it sent, so a reply that is lost (the application delivered later from the outbox) loses
/// nothing.
pub fn rating_token(idempotency_key: &str) -> String {
    let key = idempotency_key.trim().to_ascii_lowercase();
    let mut token =
        crate::submission::sha256_hex(format!("onewindow rating token\n{key}").as_bytes());
    token.truncate(32);
    token
}

/// Whether `text` has the shape of a [`rating_token`].
pub fn is_rating_token(text: &str) -> bool {
    text.len() == 32 && text.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

/// `YYYY-MM-DDTHH:MM:SS…` with a zone; enough to order and date ratings (the receiver keeps
/// its own time of arrival too).
///
/// Reads bytes, not characters: a character of several bytes where a separator or the zone is
/// expected is simply not one (slicing the text at byte 19 panicked when it fell inside one).
fn looks_like_rfc3339(text: &str) -> bool {
    let [y0, y1, y2, y3, b'-', _, _, b'-', _, _, b'T' | b't', _, _, b':', _, _, _, _, _, zone @ ..] =
        text.as_bytes()
    else {
        return false;
    };
    text.len() <= 40
        && text.is_ascii()
        && !zone.is_empty()
        && [y0, y1, y2, y3].into_iter().all(u8::is_ascii_digit)
        && (text.ends_with('Z')
            || text.ends_with('z')
            || zone.iter().any(|b| matches!(b, b'+' | b'-')))
}
