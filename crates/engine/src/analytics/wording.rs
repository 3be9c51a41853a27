//! The rating form's words.

use super::Reason;

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
