//! What a locale words: the keys, and the shape of a locale's table.

use crate::formats::DatePart;

/// Everything the engine words in one locale.
pub(crate) struct Wording {
    /// The language's name in itself, for a language switcher.
    pub(super) name: &'static str,
    /// The locale tags that name is shown for (another variant, such as zh-TW, is shown as its
    /// tag, so two variants offered side by side stay apart).
    pub(super) tags: &'static [&'static str],
    /// Interface texts.
    pub(super) ui: fn(UiText) -> &'static str,
    /// The rating form's texts.
    pub(super) rating: fn(RatingText) -> &'static str,
    /// A validation message about the question labelled with the second argument.
    pub(super) message: fn(&Msg, &str) -> String,
    /// A number of things: "2 copies", "2份".
    pub(super) count: fn(Count, u64) -> String,
    /// A date as citizens read it: "1 January 2020", "2020年1月1日".
    pub(super) date: fn(i32, u8, u8) -> String,
    /// Between the items of a list, and before its last item (with [`list_or`]).
    pub(super) list_separator: &'static str,
    /// Before the last item of a list of alternatives.
    pub(super) list_or: &'static str,
    /// Between a label and its value: ": ", "：".
    pub(super) label_separator: &'static str,
    /// Between two words: " ", or nothing in Chinese.
    pub(super) word_space: &'static str,
    /// Before an error inside item `n` of a repeatable group: "Baby 2: ", "第2项：".
    pub(super) item_prefix: fn(Option<&str>, usize) -> String,
    /// A question's label as it reads mid-sentence ("the baby's date of birth").
    pub(super) mid_sentence: fn(&str) -> String,
}

/// Fixed pieces of interface text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UiText {
    /// Heading of the error summary.
    ThereIsAProblem,
    /// Heading of the summary when only warnings are shown.
    CheckBeforeContinuing,
    /// Prefix of the page title when the page shows errors.
    ErrorTitlePrefix,
    /// Prefix of an inline error message, visually hidden.
    ErrorPrefix,
    /// Prefix of an inline warning, visually hidden.
    WarningPrefix,
    /// The button that moves to the next page.
    Continue,
    /// The link back to the previous page.
    Back,
    /// Marker added to the label of optional questions.
    Optional,
    /// Heading of the check-answers page.
    CheckAnswers,
    /// Link on check answers to change an answer.
    Change,
    /// Shown on check answers for a skipped optional question.
    NotProvided,
    /// Heading shown when a definition cannot be used.
    DefinitionProblem,
    /// Shown while a definition is loading.
    Loading,
    /// Above a form served from the device's copy while offline.
    OfflineCopy,
    /// Heading on the confirmation above the removal of the application from the device.
    OnThisDevice,
    /// What removing it does.
    OnThisDeviceBody,
    /// The button that removes everything about the application from the device.
    RemoveEverything,
    /// On the start page once it was removed.
    RemovedEverything,
    /// The start page's choice to keep nothing on the device.
    SharedComputer,
    /// What that choice does.
    SharedComputerHint,
    /// On every page while nothing is kept on the device.
    SharedComputerOn,
    /// On the confirmation of an application waiting to be sent while nothing is kept.
    SharedComputerQueued,
    /// Yes.
    Yes,
    /// No.
    No,
    /// Day input label.
    Day,
    /// Month input label.
    Month,
    /// Year input label.
    Year,
    /// The start page's button.
    StartNow,
    /// Shown when a saved draft is found.
    DraftFound,
    /// Continues the saved draft.
    ContinueDraft,
    /// Discards the saved draft.
    StartAgain,
    /// Removes everything stored on the device.
    ClearData,
    /// Says where answers are kept.
    PrivacyNote,
    /// Name of the language switcher.
    Language,
    /// Heading above the send button.
    SendHeading,
    /// What sending means.
    SendDeclaration,
    /// The send button.
    SendApplication,
    /// Heading when sending failed.
    NotSent,
    /// What to do when sending failed.
    NotSentHelp,
    /// The confirmation panel's heading.
    ApplicationSent,
    /// Label of the reference on the confirmation.
    YourReference,
    /// Heading of what happens next.
    WhatHappensNext,
    /// What happens next.
    WhatHappensNextBody,
    /// The empty first entry of a drop-down.
    Choose,
    /// Between the options and an exclusive "None of these".
    Or,
    /// Removes a file or a group item.
    Remove,
    /// Adds the first item of a group; `{item}` stands for the item's name.
    AddFirst,
    /// Adds a further item of a group.
    AddAnother,
    /// A group item's name when the definition gives none.
    Item,
    /// UK address parts.
    AddressLine1,
    /// UK address line 2.
    AddressLine2,
    /// UK town.
    Town,
    /// UK postcode.
    Postcode,
    /// CN province level.
    Province,
    /// CN city level.
    City,
    /// CN district level.
    District,
    /// CN street address.
    StreetAddress,
    /// The print button.
    PrintRecord,
    /// Asks whether to remember the citizen's details for other forms.
    RememberHeading,
    /// What remembering means.
    RememberBody,
    /// Gives consent to remember.
    RememberButton,
    /// Confirms the details were remembered.
    RememberDone,
    /// Offers remembered details on a start page.
    PrefillHeading,
    /// What using remembered details means.
    PrefillBody,
    /// Fills remembered details in.
    PrefillUse,
    /// Declines remembered details.
    PrefillDecline,
    /// Confirms remembered details were filled in.
    PrefillDone,
    /// Link and heading of the list of remembered details.
    SavedDetails,
    /// Shown when nothing is remembered.
    SavedDetailsNone,
    /// What the list of remembered details is.
    SavedDetailsBody,
    /// Forgets one remembered detail.
    Forget,
    /// Forgets every remembered detail.
    ForgetAll,
    /// Leaves the saved-details page.
    ReturnToForm,
    /// Heading when an application is queued on the device.
    Queued,
    /// What queued means.
    QueuedBody,
    /// Heading when an application is queued on a shared computer: in this tab's memory only.
    QueuedInTab,
    /// What queued in this tab means.
    QueuedInTabBody,
    /// Label of the local receipt.
    LocalReceipt,
    /// Link and heading of the list of queued applications.
    WaitingHeading,
    /// Shown when nothing is queued.
    WaitingNone,
    /// Status of a queued application.
    WaitingStatus,
    /// Status of an application the service refused.
    RejectedStatus,
    /// What to do with a refused application.
    RejectedHelp,
    /// Flushes the outbox now.
    SendNow,
    /// Downloads the package.
    DownloadPackage,
    /// Heading of the answers on the confirmation.
    YourAnswers,
    /// Heading of the service search (`<onewindow-service>`).
    FindAService,
    /// Intro on the catalog home.
    CatalogIntro,
    /// Heading of the categories.
    ServicesByTopic,
    /// Heading of the life events.
    LifeEvents,
    /// Link back to the catalog home.
    AllServices,
    /// A service id not in the catalog.
    ServiceNotFound,
    /// Guide: conditions.
    WhoCanApply,
    /// Guide: materials.
    WhatYouNeed,
    /// Guide: steps.
    HowToApply,
    /// Guide: time limits.
    HowLong,
    /// Guide: fees.
    Cost,
    /// Guide: no fees.
    Free,
    /// Guide: result.
    WhatYouGet,
    /// Guide: places.
    WhereToGo,
    /// Guide: online depth and visits.
    OnlineService,
    /// Guide: consultation.
    GetHelp,
    /// Guide: complaints.
    Complain,
    /// Guide: legal basis.
    LegalBasis,
    /// Guide: FAQ.
    CommonQuestions,
    /// Start the assistant.
    CheckIfYouCanApply,
    /// Start the form.
    ApplyOnline,
    /// Statutory time limit.
    StatutoryLimit,
    /// Promised time limit.
    PromisedLimit,
    /// Time not counted.
    NotCounted,
    /// Done on the spot.
    OnTheSpot,
    /// A duration without limit.
    NoLimit,
    /// Guide: how long the result is valid.
    ValidFor,
    /// Guide: renewing it.
    Renewal,
    /// Guide: when a renewal may be applied for; `{duration}` is replaced.
    RenewBefore,
    /// Material: original.
    Original,
    /// Material: copy.
    CopyOf,
    /// Material: both.
    OriginalAndCopy,
    /// Material: paper.
    Paper,
    /// Material: electronic.
    Electronic,
    /// Material: either.
    PaperOrElectronic,
    /// Material: required.
    Needed,
    /// Material: optional.
    IfYouHaveIt,
    /// Material: may be supplied later.
    MaySupplyLater,
    /// Material source: applicant.
    YouProvide,
    /// Material source: a department.
    IssuedByDepartment,
    /// Material source: shared.
    SharedByDepartments,
    /// Material source: other.
    OtherSource,
    /// Link to a blank form.
    BlankForm,
    /// Link to a filled-in sample.
    FilledSample,
    /// A guide item that applies to some people only.
    ForSomePeople,
    /// Step channel: online.
    OnlineChannel,
    /// Step channel: counter.
    CounterChannel,
    /// Step channel: either.
    EitherChannel,
    /// Delivery: counter.
    CollectAtCounter,
    /// Delivery: post.
    ByPost,
    /// Delivery: electronic.
    ElectronicLicence,
    /// Place: address.
    Address,
    /// Place: hours.
    OpeningHours,
    /// Number of visits.
    Visits,
    /// A fee can be paid online.
    OnlinePayment,
    /// Heading of the tailored materials.
    YourChecklist,
    /// Heading of shared materials.
    NoNeedToBring,
    /// Heading of the tailored steps.
    StepsForYou,
    /// Heading of the tailored conditions.
    ConditionsForYou,
    /// Print the checklist.
    PrintChecklist,
    /// Download the checklist.
    DownloadChecklist,
    /// Hand over to the form.
    StartApplication,
    /// Go to another service.
    GoToService,
    /// Recommendations.
    YouMayAlsoNeed,
    /// Back to the guide.
    BackToGuide,
    /// Restart the assistant.
    CheckAgain,
    /// Start page after the assistant.
    HandedOver,
    /// Label of the department.
    Department,
    /// Contents of the guide.
    OnThisPage,
    /// Title of the downloaded list.
    Checklist,
    /// Site name in the header.
    Services,
    /// Label of the search box.
    SearchLabel,
    /// The search button.
    SearchButton,
    /// Hint under the search box.
    SearchHint,
    /// Before a corrected query.
    DidYouMean,
    /// With no results: topics to browse.
    BrowseInstead,
    /// Heading of the results.
    SearchResults,
    /// Online depth 1: questions answered online.
    DepthConsult,
    /// Online depth 2: applications received online.
    DepthApply,
    /// Online depth 3: documents checked online in advance.
    DepthPrecheck,
    /// Online depth 4: accepted online.
    DepthAccept,
    /// Online depth 5: handled entirely online.
    DepthHandle,
    /// Online depth 6: the result announced online.
    DepthResult,
    /// Online depth 7: an electronic certificate sent.
    DepthCertificate,
    /// A search found nothing: `{query}` stands for the words searched.
    ResultsNone,
    /// A search found one service.
    ResultsOne,
    /// A search found `{n}` services.
    ResultsMany,
}

/// Things counted in words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Count {
    /// A time limit in working days.
    WorkingDays,
    /// A time limit in calendar days.
    CalendarDays,
    /// A time limit in weeks.
    Weeks,
    /// A time limit in hours.
    Hours,
    /// Calendar months.
    Months,
    /// Years.
    Years,
    /// Copies of a material.
    Copies,
}

/// The rating form's words, and the names of levels, indicators and reasons.
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
    LevelVerySatisfied,
    LevelSatisfied,
    LevelFairlySatisfied,
    LevelDissatisfied,
    LevelVeryDissatisfied,
    IndicatorEfficiency,
    IndicatorGuideAccuracy,
    IndicatorConvenience,
    IndicatorUsability,
    ReasonUnclearGuidance,
    ReasonInconvenientProcedure,
    ReasonTooManyMaterials,
    ReasonUnfriendlyInterface,
    ReasonTooSlow,
    ReasonTechnicalProblem,
    ReasonOther,
}

/// A built-in validation message; `{label}` stands for the question's label.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Msg {
    EnterValue,
    SelectValue,
    SelectYesOrNo,
    UploadFile,
    ConfirmDeclaration,
    MinLength(u32),
    MaxLength(u32),
    Pattern,
    Format,
    CheckDigit,
    CodeImpossibleDate,
    CodeFutureDate,
    Email,
    CnMobile,
    UkPhone,
    InternationalPhone,
    Url,
    UrlScheme,
    NotANumber,
    NotAWholeNumber,
    NotMoney,
    Between(String, String),
    AtLeast(String),
    AtMost(String),
    DateMissingPart(DatePart),
    DateYearDigits,
    DateReal,
    DateInPast,
    DateInFuture,
    DateNotBefore(String),
    DateNotAfter(String),
    DateTodayOrPast,
    DateTodayOrFuture,
    DateBefore(String),
    DateAfter(String),
    MinAge(u32),
    MaxAge(u32),
    MonthsAgo(u32),
    SelectOrNone(String),
    MinSelected(u32),
    MaxSelected(u32),
    FileType(String),
    FileTooBig(String),
    FileEmpty,
    TooManyFiles(u32),
    TooFewFiles(u32),
    CnRegion,
    CnStreet,
    UkLine1,
    UkTown,
    UkPostcode,
    MinItems(u32),
    MaxItems(u32),
}

/// Whether a label is worded as a question ("Are you applying for yourself?"), which cannot go
/// mid-sentence.
pub(crate) fn is_question(label: &str) -> bool {
    label.trim_end().ends_with(['?', '？', '؟'])
}

/// GOV.UK messages put the label mid-sentence ("Enter full name"), so its first letter is
/// lowered unless the label starts with an acronym ("Enter NHS number").
pub(crate) fn lower_first(label: &str) -> String {
    let mut chars = label.chars();
    match (chars.next(), chars.next()) {
        (Some(first), Some(second)) if first.is_uppercase() && !second.is_uppercase() => {
            first.to_lowercase().chain(label.chars().skip(1)).collect()
        }
        _ => label.to_string(),
    }
}
