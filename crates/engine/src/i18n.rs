//! Built-in wording in every locale the engine ships (en, zh-CN), for the UI and validation.
//! Definitions override per field; anything else falls back to English.

/// Fixed pieces of interface text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UiText {
    /// Heading of the error summary.
    ThereIsAProblem,
    /// Prefix of the page title when the page shows errors.
    ErrorTitlePrefix,
    /// Prefix of an inline error message, visually hidden.
    ErrorPrefix,
    /// The button that moves to the next page.
    Continue,
    /// The link back to the previous page.
    Back,
    /// Marker added to the label of optional questions.
    Optional,
    /// Heading of the check-answers page.
    CheckAnswers,
    /// Heading shown when a definition cannot be used.
    DefinitionProblem,
    /// Shown while a definition is loading.
    Loading,
}

/// `key` in `locale` (`zh-CN`, `zh-Hans`, `zh` → Chinese; anything else → English).
pub fn ui_text(key: UiText, locale: &str) -> &'static str {
    use UiText::*;
    let zh = is_chinese(locale);
    match (key, zh) {
        (ThereIsAProblem, false) => "There is a problem",
        (ThereIsAProblem, true) => "存在问题",
        (ErrorTitlePrefix, false) => "Error: ",
        (ErrorTitlePrefix, true) => "错误：",
        (ErrorPrefix, false) => "Error:",
        (ErrorPrefix, true) => "错误：",
        (Continue, false) => "Continue",
        (Continue, true) => "继续",
        (Back, false) => "Back",
        (Back, true) => "返回",
        (Optional, false) => "(optional)",
        (Optional, true) => "（选填）",
        (CheckAnswers, false) => "Check your answers",
        (CheckAnswers, true) => "核对您的信息",
        (DefinitionProblem, false) => "This form cannot be shown",
        (DefinitionProblem, true) => "此表单无法显示",
        (Loading, false) => "Loading…",
        (Loading, true) => "正在加载…",
    }
}

pub(crate) fn is_chinese(locale: &str) -> bool {
    locale == "zh" || locale.starts_with("zh-") || locale.starts_with("zh_")
}

/// The default message when a required answer is missing, e.g. "Enter full name".
pub(crate) fn required_message(label: &str, locale: &str) -> String {
    if is_chinese(locale) {
        format!("请填写{label}")
    } else {
        format!("Enter {}", lower_first(label))
    }
}

/// The default message when an answer is longer than allowed.
pub(crate) fn too_long_message(label: &str, max: u32, locale: &str) -> String {
    if is_chinese(locale) {
        format!("{label}不能超过{max}个字符")
    } else {
        format!("{label} must be {max} characters or less")
    }
}

/// GOV.UK messages put the label mid-sentence ("Enter full name"), so its first letter is
/// lowered unless the label starts with an acronym ("Enter NHS number").
fn lower_first(label: &str) -> String {
    let mut chars = label.chars();
    match (chars.next(), chars.next()) {
        (Some(first), Some(second)) if first.is_uppercase() && !second.is_uppercase() => {
            first.to_lowercase().chain(label.chars().skip(1)).collect()
        }
        _ => label.to_string(),
    }
}
