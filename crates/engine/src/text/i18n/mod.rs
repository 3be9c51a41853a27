//! Built-in wording, for the interface and for validation messages, in the locales the engine
//! ships. Every locale is one file filling in a [`Wording`] and one line in [`LOCALES`]; each
//! of its tables matches every key without a wildcard, so the compiler names every text a new
//! key or a new locale is missing. Definitions override any validation message per field.

mod en;
mod ug;
mod zh;

mod table;

pub(crate) use table::{is_question, lower_first, Count, Msg, Wording};
pub use table::{RatingText, UiText};

/// The locales the engine words, by language subtag, each with its wording; the first is used
/// for any other language.
const LOCALES: &[(&str, &Wording)] =
    &[("en", &en::WORDING), ("zh", &zh::WORDING), ("ug", &ug::WORDING)];

/// The wording of `locale` (`zh-CN`, `zh-Hans`, `zh_TW` → Chinese; `ug-CN` → Uyghur; any
/// language without a wording → English).
fn wording(locale: &str) -> &'static Wording {
    find(locale).unwrap_or(&en::WORDING)
}

/// The wording of `locale`'s language, if the engine has one.
fn find(locale: &str) -> Option<&'static Wording> {
    let language = locale.split(['-', '_']).next().unwrap_or(locale);
    LOCALES.iter().find(|(tag, _)| *tag == language).map(|(_, w)| *w)
}

/// The name of `locale`'s language in itself ("中文", "English", "ئۇيغۇرچە"), for a language
/// switcher; a locale the engine has no wording for, or another variant of one (zh-TW), is
/// shown as its tag.
pub fn locale_name(locale: &str) -> &str {
    LOCALES.iter().find(|(_, w)| w.tags.contains(&locale)).map_or(locale, |(_, w)| w.name)
}

/// `key` in `locale`.
pub fn ui_text(key: UiText, locale: &str) -> &'static str {
    (wording(locale).ui)(key)
}

/// The rating form's `key` in `locale`.
pub fn rating_text(key: RatingText, locale: &str) -> &'static str {
    (wording(locale).rating)(key)
}

/// Words `msg` about the question labelled `label`.
pub(crate) fn message(msg: &Msg, label: &str, locale: &str) -> String {
    (wording(locale).message)(msg, label)
}

/// `n` things counted in `locale`.
pub(crate) fn count_text(what: Count, n: u64, locale: &str) -> String {
    (wording(locale).count)(what, n)
}

/// The button that adds the first item of a repeatable group: "Add child", "添加子女".
pub fn add_item_text(item_label: &str, locale: &str) -> String {
    let wording = wording(locale);
    (wording.ui)(UiText::AddFirst).replace("{item}", &(wording.mid_sentence)(item_label))
}

/// A label followed by "(optional)" in `locale`.
pub fn with_optional(label: &str, locale: &str) -> String {
    let wording = wording(locale);
    format!("{label}{}{}", wording.word_space, (wording.ui)(UiText::Optional))
}

/// A short description of a list of names under a heading, for a search result's snippet:
/// "Moving house: Apply for a residence permit, Register your address, …" / "搬家：居住证申领、…".
/// At most about `max` characters; names that would go past it become "…".
pub fn summary_of_names(heading: &str, names: &[&str], max: usize, locale: &str) -> String {
    let wording = wording(locale);
    let mut text = format!("{heading}{}", wording.label_separator);
    for (i, name) in names.iter().enumerate() {
        if text.chars().count() + name.chars().count() > max {
            text.push('…');
            break;
        }
        if i > 0 {
            text.push_str(wording.list_separator);
        }
        text.push_str(name);
    }
    text
}

/// Between a label and its value in `locale`.
pub(crate) fn label_separator(locale: &str) -> &'static str {
    wording(locale).label_separator
}

/// A question's label as it reads mid-sentence in `locale`.
pub(crate) fn mid_sentence(label: &str, locale: &str) -> String {
    (wording(locale).mid_sentence)(label)
}

/// "JPG, PNG or PDF" / "JPG、PNG或PDF" from media types.
pub(crate) fn list_or(items: &[String], locale: &str) -> String {
    let wording = wording(locale);
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => {
            format!("{}{}{last}", init.join(wording.list_separator), wording.list_or)
        }
    }
}

/// A date as citizens read it: "1 January 2020" / "2020年1月1日".
pub(crate) fn format_date(year: i32, month: u8, day: u8, locale: &str) -> String {
    (wording(locale).date)(year, month, day)
}

/// "Baby 2: " / "第2项：" before an error inside item `n` of a repeatable group.
pub(crate) fn item_prefix(item_label: Option<&str>, n: usize, locale: &str) -> String {
    (wording(locale).item_prefix)(item_label, n)
}

/// The writing direction of `locale`: `"rtl"` for scripts written right to left (Arabic,
/// Hebrew, Persian, Urdu, Uyghur, …), else `"ltr"`. Goes on the page's `dir` attribute.
pub fn text_direction(locale: &str) -> &'static str {
    const RTL: &[&str] =
        &["ar", "arc", "ckb", "dv", "fa", "he", "ks", "ku-Arab", "ps", "sd", "ug", "ur", "yi"];
    let language = locale.split(['-', '_']).next().unwrap_or(locale);
    if RTL.contains(&language) || RTL.contains(&locale) {
        "rtl"
    } else {
        "ltr"
    }
}

/// A size in bytes as "2MB", "500KB".
pub fn format_size(bytes: u64) -> String {
    if bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0 {
        format!("{}MB", bytes / (1024 * 1024))
    } else if bytes >= 1024 * 1024 {
        format!("{:.1}MB", bytes as f64 / (1024.0 * 1024.0))
    } else {
        format!("{}KB", bytes.div_ceil(1024))
    }
}

/// How many services a search found, for the results heading and screen readers.
pub fn results_text(count: usize, query: &str, locale: &str) -> String {
    let key = match count {
        0 => UiText::ResultsNone,
        1 => UiText::ResultsOne,
        _ => UiText::ResultsMany,
    };
    ui_text(key, locale).replace("{n}", &count.to_string()).replace("{query}", query)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_summary_of_names_uses_the_locales_separators_and_stops_at_its_length() {
        assert_eq!(summary_of_names("Moving", &["A", "B"], 150, "en"), "Moving: A, B");
        assert_eq!(summary_of_names("搬家", &["甲", "乙"], 150, "zh-CN"), "搬家：甲、乙");
        assert_eq!(summary_of_names("Moving", &["Alpha", "Beta"], 13, "en"), "Moving: Alpha…");
    }
    use crate::formats::DatePart;

    /// Every interface text, for the tests that read every table.
    const ALL_UI: &[UiText] = &[
        UiText::ThereIsAProblem,
        UiText::CheckBeforeContinuing,
        UiText::ErrorTitlePrefix,
        UiText::ErrorPrefix,
        UiText::WarningPrefix,
        UiText::Continue,
        UiText::Back,
        UiText::Optional,
        UiText::CheckAnswers,
        UiText::Change,
        UiText::NotProvided,
        UiText::DefinitionProblem,
        UiText::Loading,
        UiText::OfflineCopy,
        UiText::OnThisDevice,
        UiText::OnThisDeviceBody,
        UiText::RemoveEverything,
        UiText::RemovedEverything,
        UiText::SharedComputer,
        UiText::SharedComputerHint,
        UiText::SharedComputerOn,
        UiText::SharedComputerQueued,
        UiText::Yes,
        UiText::No,
        UiText::Day,
        UiText::Month,
        UiText::Year,
        UiText::StartNow,
        UiText::DraftFound,
        UiText::ContinueDraft,
        UiText::StartAgain,
        UiText::ClearData,
        UiText::PrivacyNote,
        UiText::Language,
        UiText::SendHeading,
        UiText::SendDeclaration,
        UiText::SendApplication,
        UiText::NotSent,
        UiText::NotSentHelp,
        UiText::ApplicationSent,
        UiText::YourReference,
        UiText::WhatHappensNext,
        UiText::WhatHappensNextBody,
        UiText::PrintRecord,
        UiText::Choose,
        UiText::Or,
        UiText::Remove,
        UiText::AddFirst,
        UiText::AddAnother,
        UiText::Item,
        UiText::AddressLine1,
        UiText::AddressLine2,
        UiText::Town,
        UiText::Postcode,
        UiText::Province,
        UiText::City,
        UiText::District,
        UiText::StreetAddress,
        UiText::RememberHeading,
        UiText::RememberBody,
        UiText::RememberButton,
        UiText::RememberDone,
        UiText::PrefillHeading,
        UiText::PrefillBody,
        UiText::PrefillUse,
        UiText::PrefillDecline,
        UiText::PrefillDone,
        UiText::SavedDetails,
        UiText::SavedDetailsNone,
        UiText::SavedDetailsBody,
        UiText::Forget,
        UiText::ForgetAll,
        UiText::ReturnToForm,
        UiText::Queued,
        UiText::QueuedBody,
        UiText::QueuedInTab,
        UiText::QueuedInTabBody,
        UiText::LocalReceipt,
        UiText::WaitingHeading,
        UiText::WaitingNone,
        UiText::WaitingStatus,
        UiText::RejectedStatus,
        UiText::RejectedHelp,
        UiText::SendNow,
        UiText::DownloadPackage,
        UiText::YourAnswers,
        UiText::FindAService,
        UiText::CatalogIntro,
        UiText::ServicesByTopic,
        UiText::LifeEvents,
        UiText::AllServices,
        UiText::ServiceNotFound,
        UiText::WhoCanApply,
        UiText::WhatYouNeed,
        UiText::HowToApply,
        UiText::HowLong,
        UiText::Cost,
        UiText::Free,
        UiText::WhatYouGet,
        UiText::WhereToGo,
        UiText::OnlineService,
        UiText::GetHelp,
        UiText::Complain,
        UiText::LegalBasis,
        UiText::CommonQuestions,
        UiText::CheckIfYouCanApply,
        UiText::ApplyOnline,
        UiText::StatutoryLimit,
        UiText::PromisedLimit,
        UiText::NotCounted,
        UiText::OnTheSpot,
        UiText::NoLimit,
        UiText::ValidFor,
        UiText::Renewal,
        UiText::RenewBefore,
        UiText::Original,
        UiText::CopyOf,
        UiText::OriginalAndCopy,
        UiText::Paper,
        UiText::Electronic,
        UiText::PaperOrElectronic,
        UiText::Needed,
        UiText::IfYouHaveIt,
        UiText::MaySupplyLater,
        UiText::YouProvide,
        UiText::IssuedByDepartment,
        UiText::SharedByDepartments,
        UiText::OtherSource,
        UiText::BlankForm,
        UiText::FilledSample,
        UiText::ForSomePeople,
        UiText::OnlineChannel,
        UiText::CounterChannel,
        UiText::EitherChannel,
        UiText::CollectAtCounter,
        UiText::ByPost,
        UiText::ElectronicLicence,
        UiText::Address,
        UiText::OpeningHours,
        UiText::Visits,
        UiText::OnlinePayment,
        UiText::YourChecklist,
        UiText::NoNeedToBring,
        UiText::StepsForYou,
        UiText::ConditionsForYou,
        UiText::PrintChecklist,
        UiText::DownloadChecklist,
        UiText::StartApplication,
        UiText::GoToService,
        UiText::YouMayAlsoNeed,
        UiText::BackToGuide,
        UiText::CheckAgain,
        UiText::HandedOver,
        UiText::Department,
        UiText::OnThisPage,
        UiText::Checklist,
        UiText::Services,
        UiText::SearchLabel,
        UiText::SearchButton,
        UiText::SearchHint,
        UiText::DidYouMean,
        UiText::BrowseInstead,
        UiText::SearchResults,
        UiText::DepthConsult,
        UiText::DepthApply,
        UiText::DepthPrecheck,
        UiText::DepthAccept,
        UiText::DepthHandle,
        UiText::DepthResult,
        UiText::DepthCertificate,
        UiText::ResultsNone,
        UiText::ResultsOne,
        UiText::ResultsMany,
    ];
    /// Every rating text.
    const ALL_RATING: &[RatingText] = &[
        RatingText::Heading,
        RatingText::Intro,
        RatingText::CaseReference,
        RatingText::LevelLegend,
        RatingText::IndicatorsLegend,
        RatingText::IndicatorsHint,
        RatingText::ReasonsLegendNegative,
        RatingText::ReasonsLegend,
        RatingText::CommentLabel,
        RatingText::CommentHint,
        RatingText::Send,
        RatingText::Sending,
        RatingText::ThanksHeading,
        RatingText::ThanksBody,
        RatingText::SavedBody,
        RatingText::AlreadyRatedHeading,
        RatingText::AlreadyRatedBody,
        RatingText::LevelMissing,
        RatingText::ReasonMissing,
        RatingText::CommentTooLong,
        RatingText::NotAccepted,
        RatingText::RefusedHeading,
        RatingText::RefusedBody,
        RatingText::GuideHeading,
        RatingText::GuideBody,
        RatingText::LevelVerySatisfied,
        RatingText::LevelSatisfied,
        RatingText::LevelFairlySatisfied,
        RatingText::LevelDissatisfied,
        RatingText::LevelVeryDissatisfied,
        RatingText::IndicatorEfficiency,
        RatingText::IndicatorGuideAccuracy,
        RatingText::IndicatorConvenience,
        RatingText::IndicatorUsability,
        RatingText::ReasonUnclearGuidance,
        RatingText::ReasonInconvenientProcedure,
        RatingText::ReasonTooManyMaterials,
        RatingText::ReasonUnfriendlyInterface,
        RatingText::ReasonTooSlow,
        RatingText::ReasonTechnicalProblem,
        RatingText::ReasonOther,
    ];

    #[test]
    fn every_locale_words_every_text() {
        for (tag, wording) in LOCALES {
            for &key in ALL_UI {
                assert!(!(wording.ui)(key).trim().is_empty(), "{tag}: {key:?} is empty");
            }
            for &key in ALL_RATING {
                assert!(!(wording.rating)(key).trim().is_empty(), "{tag}: {key:?} is empty");
            }
        }
    }

    /// Uyghur texts that are rightly the same as the English (a code, a file format): none yet.
    const UG_SAME_AS_EN_UI: &[UiText] = &[];
    /// Uyghur rating texts that are rightly the same as the English: none yet.
    const UG_SAME_AS_EN_RATING: &[RatingText] = &[];

    #[test]
    fn uyghur_translates_every_text() {
        for &key in ALL_UI {
            let (ug, en) = (ui_text(key, "ug"), ui_text(key, "en"));
            if !UG_SAME_AS_EN_UI.contains(&key) {
                assert_ne!(ug, en, "ug: interface text {key:?} is still English");
            }
        }
        for &key in ALL_RATING {
            let (ug, en) = (rating_text(key, "ug"), rating_text(key, "en"));
            if !UG_SAME_AS_EN_RATING.contains(&key) {
                assert_ne!(ug, en, "ug: rating text {key:?} is still English");
            }
        }
        let messages = [
            Msg::EnterValue,
            Msg::SelectYesOrNo,
            Msg::MinLength(5),
            Msg::Between("1".into(), "9".into()),
            Msg::DateMissingPart(DatePart::Month),
            Msg::DateBefore("1 January 2020".into()),
            Msg::SelectOrNone("None".into()),
            Msg::FileTooBig("2MB".into()),
            Msg::MaxItems(3),
        ];
        for msg in &messages {
            let (ug, en) = (message(msg, "label", "ug"), message(msg, "label", "en"));
            assert_ne!(ug, en, "ug: message {msg:?} is still English");
        }
        let question = "Is this for you?";
        assert_ne!(
            message(&Msg::EnterValue, question, "ug"),
            message(&Msg::EnterValue, question, "en"),
            "ug: message EnterValue about a question is still English"
        );
        assert_ne!(count_text(Count::Copies, 2, "ug"), count_text(Count::Copies, 2, "en"));
        assert_ne!(format_date(2020, 1, 1, "ug"), format_date(2020, 1, 1, "en"));
        assert_ne!(item_prefix(None, 2, "ug"), item_prefix(None, 2, "en"));
        // The search results keep their placeholders; dates and suffixes read as Uyghur.
        assert_eq!(results_text(3, "jzz", "ug"), "«jzz» بويىچە 3 مۇلازىمەت تېپىلدى");
        assert_eq!(format_date(2020, 1, 1, "ug"), "2020-يىلى 1-ئاينىڭ 1-كۈنى");
        assert_eq!(
            message(&Msg::DateBefore(format_date(2020, 1, 1, "ug")), "ۋاقىت", "ug"),
            "ۋاقىت 2020-يىلى 1-ئاينىڭ 1-كۈنىدىن بۇرۇن بولۇشى كېرەك"
        );
        assert_eq!(
            message(&Msg::DateAfter("ئىلتىماس قىلغان ۋاقىت".into()), "ۋاقىت", "ug"),
            "ۋاقىت ئىلتىماس قىلغان ۋاقىتتىن كېيىن بولۇشى كېرەك"
        );
    }

    #[test]
    fn languages_are_named_in_themselves() {
        assert_eq!(locale_name("zh-CN"), "中文");
        assert_eq!(locale_name("en-GB"), "English");
        assert_eq!(locale_name("ug"), "ئۇيغۇرچە");
        assert_eq!(locale_name("fr"), "fr");
        assert_eq!(locale_name("zh-TW"), "zh-TW");
        assert_eq!(locale_name("en-US"), "en-US");
    }

    #[test]
    fn locales_are_found_by_language() {
        assert_eq!(ui_text(UiText::Continue, "zh-CN"), "继续");
        assert_eq!(ui_text(UiText::Continue, "zh_TW"), "继续");
        assert_eq!(ui_text(UiText::Continue, "en-GB"), "Continue");
        assert_eq!(ui_text(UiText::Continue, "fr"), "Continue");
        assert_eq!(ui_text(UiText::Continue, "ug-CN"), ui_text(UiText::Continue, "ug"));
        assert_ne!(ui_text(UiText::Continue, "ug"), "Continue");
    }

    #[test]
    fn results_are_counted_in_words() {
        assert_eq!(results_text(0, "passport", "en"), "No services found for “passport”");
        assert_eq!(results_text(1, "passport", "en"), "1 service found for “passport”");
        assert_eq!(results_text(3, "{n}", "en"), "3 services found for “{n}”");
        assert_eq!(results_text(3, "护照", "zh-CN"), "找到3项与“护照”相关的服务");
    }

    #[test]
    fn items_and_optional_labels_are_worded_per_locale() {
        assert_eq!(add_item_text("Child", "en"), "Add child");
        assert_eq!(add_item_text("子女", "zh-CN"), "添加子女");
        assert_eq!(with_optional("Address line 2", "en"), "Address line 2 (optional)");
        assert_eq!(with_optional("地址第二行", "zh-CN"), "地址第二行（选填）");
    }
}
