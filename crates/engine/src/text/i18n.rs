//! Built-in wording in the locales the engine ships (en, zh-CN), for the interface and for
//! validation messages. English follows the GOV.UK rules in `journeys.md` (no "please",
//! "valid", "sorry"; an instruction for a missing answer, a description for a wrong one).
//! Definitions override any validation message per field.

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
    /// Adds the first item of a group (followed by the item's name).
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
}

/// `key` in `locale` (`zh-CN`, `zh-Hans`, `zh` → Chinese; anything else → English).
pub fn ui_text(key: UiText, locale: &str) -> &'static str {
    use UiText::*;
    let (en, zh) = match key {
        ThereIsAProblem => ("There is a problem", "存在问题"),
        CheckBeforeContinuing => ("Check this before you continue", "请核对后继续"),
        ErrorTitlePrefix => ("Error: ", "错误："),
        ErrorPrefix => ("Error:", "错误："),
        WarningPrefix => ("Warning:", "注意："),
        Continue => ("Continue", "继续"),
        Back => ("Back", "返回"),
        Optional => ("(optional)", "（选填）"),
        CheckAnswers => ("Check your answers", "核对您的信息"),
        Change => ("Change", "修改"),
        NotProvided => ("Not provided", "未填写"),
        DefinitionProblem => ("This form cannot be shown", "此表单无法显示"),
        Loading => ("Loading…", "正在加载…"),
        Yes => ("Yes", "是"),
        No => ("No", "否"),
        Day => ("Day", "日"),
        Month => ("Month", "月"),
        Year => ("Year", "年"),
        StartNow => ("Start now", "开始办理"),
        DraftFound => (
            "You have answers saved on this device from before. You can continue where you left off or start again.",
            "此设备上保存有您之前填写的内容。您可以继续填写，也可以重新开始。",
        ),
        ContinueDraft => ("Continue where you left off", "继续填写"),
        StartAgain => ("Start again", "重新开始"),
        ClearData => ("Clear my answers from this device", "清除此设备上保存的信息"),
        PrivacyNote => (
            "Your answers are saved only on this device until you send them.",
            "您填写的内容仅保存在此设备上，提交前不会发送到任何地方。",
        ),
        Language => ("Language", "语言"),
        SendHeading => ("Now send your application", "提交申请"),
        SendDeclaration => (
            "By sending this application you confirm that, to the best of your knowledge, the details you are providing are correct.",
            "提交即表示您确认所填信息真实、准确。",
        ),
        SendApplication => ("Accept and send", "确认并提交"),
        NotSent => ("Your application has not been sent yet", "申请尚未提交"),
        NotSentHelp => (
            "Your answers are kept on this device. Try again in a few minutes.",
            "您填写的内容已保存在此设备上，请稍后重试。",
        ),
        ApplicationSent => ("Application sent", "申请已提交"),
        YourReference => ("Your reference number", "您的受理编号"),
        WhatHappensNext => ("What happens next", "后续步骤"),
        WhatHappensNextBody => (
            "The department will check your application and contact you. Keep your reference number: you need it if you contact them about your application.",
            "承办部门将审核您的申请并与您联系。请保存受理编号，咨询办理进度时需要提供。",
        ),
        PrintRecord => ("Print or save a copy of this page", "打印或保存本页"),
        Choose => ("Choose", "请选择"),
        Or => ("or", "或"),
        Remove => ("Remove", "删除"),
        AddFirst => ("Add ", "添加"),
        AddAnother => ("Add another", "再添加一项"),
        Item => ("Item", "项目"),
        AddressLine1 => ("Address line 1", "地址第一行"),
        AddressLine2 => ("Address line 2", "地址第二行"),
        Town => ("Town or city", "城镇"),
        Postcode => ("Postcode", "邮编"),
        Province => ("Province", "省（自治区、直辖市）"),
        City => ("City", "市"),
        District => ("District or county", "区（县）"),
        StreetAddress => ("Street address", "详细地址"),
        RememberHeading => ("Save your details for other applications?", "保存您的信息，方便办理其他事项？"),
        RememberBody => (
            "We can keep these details on this device only. When you apply for another service here, its form can offer to fill them in for you. They are not sent anywhere, and you can delete them at any time.",
            "以下信息可仅保存在此设备上。今后在此办理其他事项时，表单会询问是否为您填入。这些信息不会发送到任何地方，您可以随时删除。",
        ),
        RememberButton => ("Save these details on this device", "在此设备上保存这些信息"),
        RememberDone => ("Your details are saved on this device.", "您的信息已保存在此设备上。"),
        PrefillHeading => ("Use details you saved before?", "使用您之前保存的信息？"),
        PrefillBody => (
            "You saved these details on this device. We can fill them in for you; you can still check and change every answer.",
            "您曾在此设备上保存过以下信息，可为您填入。填入后您仍可逐项核对和修改。",
        ),
        PrefillUse => ("Fill in these details", "填入这些信息"),
        PrefillDecline => ("No thanks", "不用了"),
        PrefillDone => (
            "These details are filled in. You can check and change them as you go.",
            "已为您填入这些信息，填写过程中可随时核对和修改。",
        ),
        SavedDetails => ("Details saved on this device", "此设备上保存的个人信息"),
        SavedDetailsNone => ("No details are saved on this device.", "此设备上没有保存个人信息。"),
        SavedDetailsBody => (
            "You chose to keep these details on this device so that forms can offer to fill them in. Nothing here has been sent anywhere.",
            "这些信息是您选择保存在此设备上的，供表单询问后为您填入，从未发送到任何地方。",
        ),
        Forget => ("Delete", "删除"),
        ForgetAll => ("Delete all saved details", "删除全部已保存信息"),
        ReturnToForm => ("Return to the form", "返回表单"),
        Queued => ("Your application is saved on this device", "您的申请已保存在此设备上"),
        QueuedBody => (
            "It will be sent automatically as soon as the service can be reached, even if you close this page and open it again later. Until you get a reference number, keep this receipt:",
            "网络恢复后将自动提交，即使关闭本页、稍后再打开也会继续。收到受理编号前，请保留此回执号：",
        ),
        LocalReceipt => ("Receipt", "回执号"),
        WaitingHeading => ("Applications waiting to be sent", "待提交的申请"),
        WaitingNone => ("No applications are waiting on this device.", "此设备上没有待提交的申请。"),
        WaitingStatus => ("Waiting to be sent", "等待提交"),
        RejectedStatus => ("Not accepted by the service", "承办部门未接收"),
        RejectedHelp => (
            "Download it and hand it in at the counter, or contact the department.",
            "请下载申请数据到办事窗口办理，或联系承办部门。",
        ),
        SendNow => ("Try sending now", "立即重试"),
        DownloadPackage => ("Download your application (JSON)", "下载申请数据（JSON）"),
        YourAnswers => ("Your answers", "您填写的内容"),
        FindAService => ("Find a service", "查找服务"),
        CatalogIntro => ("Find out what you need to do, check whether you can apply, and apply online.", "查找办事指南：了解办理条件和所需材料，自查能否办理，并在线申请。"),
        ServicesByTopic => ("Services by topic", "按主题浏览"),
        LifeEvents => ("Things that happen in life", "按人生事件浏览"),
        AllServices => ("All services", "全部服务"),
        ServiceNotFound => ("There is no service with this name. It may have moved.", "未找到该服务，可能已调整。"),
        WhoCanApply => ("Who can apply", "受理条件"),
        WhatYouNeed => ("What you need", "申请材料"),
        HowToApply => ("How to apply", "办理流程"),
        HowLong => ("How long it takes", "办理时限"),
        Cost => ("How much it costs", "收费标准"),
        Free => ("Free", "不收费"),
        WhatYouGet => ("What you get", "办理结果"),
        WhereToGo => ("Where to go", "办理地点"),
        OnlineService => ("Doing it online", "网上办理"),
        GetHelp => ("Get help", "咨询方式"),
        Complain => ("Make a complaint", "监督投诉"),
        LegalBasis => ("Legal basis", "设定依据"),
        CommonQuestions => ("Common questions", "常见问题"),
        CheckIfYouCanApply => ("Check if you can apply", "自查能否办理"),
        ApplyOnline => ("Apply online", "在线申请"),
        StatutoryLimit => ("Legal time limit", "法定办结时限"),
        PromisedLimit => ("We promise to finish within", "承诺办结时限"),
        NotCounted => ("Not counted", "不计入办理时限"),
        OnTheSpot => ("On the spot", "即办"),
        Original => ("Original", "原件"),
        CopyOf => ("Copy", "复印件"),
        OriginalAndCopy => ("Original and copy", "原件和复印件"),
        Paper => ("paper", "纸质"),
        Electronic => ("electronic", "电子"),
        PaperOrElectronic => ("paper or electronic", "纸质或电子"),
        Needed => ("Required", "必须提供"),
        IfYouHaveIt => ("If you have it", "选择提供"),
        MaySupplyLater => ("Can be handed in later", "可容缺后补"),
        YouProvide => ("You provide it", "申请人自备"),
        IssuedByDepartment => ("Issued by a government department", "政府部门核发"),
        SharedByDepartments => ("Departments share this: you do not need to bring it", "部门共享获取，无需提交"),
        OtherSource => ("From another organisation", "其他机构出具"),
        BlankForm => ("Blank form", "空白表格"),
        FilledSample => ("Filled-in example", "填写示例"),
        ForSomePeople => ("Only in some cases: the check tells you if it applies to you", "部分情形适用，自查后可知是否适用于您"),
        OnlineChannel => ("Online", "网上办理"),
        CounterChannel => ("At the counter", "窗口办理"),
        EitherChannel => ("Online or at the counter", "网上或窗口办理"),
        CollectAtCounter => ("Collect it at the counter", "窗口领取"),
        ByPost => ("By post", "邮寄送达"),
        ElectronicLicence => ("As an electronic licence", "电子证照"),
        Address => ("Address", "地址"),
        OpeningHours => ("Opening hours", "办公时间"),
        Visits => ("Visits to the counter", "到现场次数"),
        OnlinePayment => ("Can be paid online", "支持网上缴费"),
        YourChecklist => ("What to bring", "需要准备的材料"),
        NoNeedToBring => ("You do not need to bring", "无需提交（部门共享）"),
        StepsForYou => ("What happens next", "办理步骤"),
        ConditionsForYou => ("Conditions that apply to you", "适用于您的受理条件"),
        PrintChecklist => ("Print this list", "打印清单"),
        DownloadChecklist => ("Download this list", "下载清单"),
        StartApplication => ("Start your application", "开始申请"),
        GoToService => ("Go to the guide", "查看办事指南"),
        YouMayAlsoNeed => ("You may also need", "您可能还需要办理"),
        BackToGuide => ("Back to the guide", "返回办事指南"),
        CheckAgain => ("Start the check again", "重新自查"),
        HandedOver => ("Your answers from the check are filled in. You can change them on the pages that ask.", "已为您填入自查时的回答，您可以在相应页面修改。"),
        Department => ("Department", "实施机构"),
        OnThisPage => ("Contents", "本页目录"),
        Checklist => ("Checklist", "办事清单"),
        Services => ("Government services", "政务服务"),
        SearchLabel => ("Search for a service", "搜索服务"),
        SearchButton => ("Search", "搜索"),
        SearchHint => ("For example: residence permit, 居住证, juzhuzheng or jzz", "例如：居住证、上户口、营业执照、jzz"),
        DidYouMean => ("Did you mean", "您是不是要找"),
        BrowseInstead => ("Or browse these topics:", "您也可以浏览以下主题："),
        SearchResults => ("Search results", "搜索结果"),
    };
    if is_chinese(locale) {
        zh
    } else if is_uyghur(locale) {
        uyghur(key).unwrap_or(en)
    } else {
        en
    }
}

fn is_uyghur(locale: &str) -> bool {
    locale == "ug" || locale.starts_with("ug-") || locale.starts_with("ug_")
}

/// Uyghur (Arabic script) interface text. Falls back to English for what is not yet translated.
/// Awaiting review by a native speaker before a department ships a Uyghur form.
fn uyghur(key: UiText) -> Option<&'static str> {
    use UiText::*;
    Some(match key {
        ThereIsAProblem => "مەسىلە بار",
        CheckBeforeContinuing => "داۋاملاشتۇرۇشتىن بۇرۇن بۇنى تەكشۈرۈڭ",
        ErrorTitlePrefix => "خاتالىق: ",
        ErrorPrefix => "خاتالىق:",
        WarningPrefix => "دىققەت:",
        Continue => "داۋاملاشتۇرۇش",
        Back => "قايتىش",
        Optional => "(تاللاپ تولدۇرۇلىدۇ)",
        CheckAnswers => "جاۋابلىرىڭىزنى تەكشۈرۈڭ",
        Change => "ئۆزگەرتىش",
        NotProvided => "تولدۇرۇلمىغان",
        DefinitionProblem => "بۇ جەدۋەلنى كۆرسەتكىلى بولمايدۇ",
        Loading => "يۈكلىنىۋاتىدۇ…",
        Yes => "ھەئە",
        No => "ياق",
        Day => "كۈن",
        Month => "ئاي",
        Year => "يىل",
        StartNow => "ھازىرلا باشلاش",
        DraftFound => "بۇ ئۈسكۈنىدە ئىلگىرى ساقلانغان جاۋابلىرىڭىز بار. قالغان يېرىدىن داۋاملاشتۇرسىڭىز ياكى قايتا باشلىسىڭىز بولىدۇ.",
        ContinueDraft => "قالغان يېرىدىن داۋاملاشتۇرۇش",
        StartAgain => "قايتا باشلاش",
        ClearData => "بۇ ئۈسكۈنىدىكى جاۋابلىرىمنى ئۆچۈرۈش",
        PrivacyNote => "جاۋابلىرىڭىز يوللىغۇچە پەقەت بۇ ئۈسكۈنىدىلا ساقلىنىدۇ.",
        Language => "تىل",
        SendHeading => "ئەمدى ئىلتىماسىڭىزنى يوللاڭ",
        SendDeclaration => "بۇ ئىلتىماسنى يوللاش ئارقىلىق تەمىنلىگەن ئۇچۇرلىرىڭىزنىڭ توغرا ئىكەنلىكىنى جەزملەشتۈرىسىز.",
        SendApplication => "قوشۇلۇپ يوللاش",
        NotSent => "ئىلتىماسىڭىز تېخى يوللانمىدى",
        NotSentHelp => "جاۋابلىرىڭىز بۇ ئۈسكۈنىدە ساقلاندى. بىر نەچچە مىنۇتتىن كېيىن قايتا سىناڭ.",
        ApplicationSent => "ئىلتىماس يوللاندى",
        YourReference => "قوبۇل قىلىش نومۇرىڭىز",
        WhatHappensNext => "كېيىنكى قەدەم",
        WhatHappensNextBody => "مۇناسىۋەتلىك تارماق ئىلتىماسىڭىزنى تەكشۈرۈپ سىز بىلەن ئالاقىلىشىدۇ. قوبۇل قىلىش نومۇرىڭىزنى ساقلاپ قويۇڭ.",
        PrintRecord => "بۇ بەتنى بېسىپ چىقىرىش ياكى ساقلاش",
        Choose => "تاللاڭ",
        Or => "ياكى",
        Remove => "ئۆچۈرۈش",
        AddAnother => "يەنە بىرنى قوشۇش",
        Item => "تۈر",
        Province => "ئۆلكە (ئاپتونوم رايون، بىۋاسىتە قاراشلىق شەھەر)",
        City => "شەھەر",
        District => "رايون (ناھىيە)",
        StreetAddress => "تەپسىلىي ئادرېس",
        Postcode => "پوچتا نومۇرى",
        PrefillHeading => "ئىلگىرى ساقلىغان ئۇچۇرلىرىڭىزنى ئىشلىتەمسىز؟",
        PrefillUse => "بۇ ئۇچۇرلارنى تولدۇرۇش",
        PrefillDecline => "ياق، رەھمەت",
        SavedDetails => "بۇ ئۈسكۈنىدە ساقلانغان ئۇچۇرلار",
        Forget => "ئۆچۈرۈش",
        ReturnToForm => "جەدۋەلگە قايتىش",
        Queued => "ئىلتىماسىڭىز بۇ ئۈسكۈنىدە ساقلاندى",
        QueuedBody => "مۇلازىمەتكە ئۇلانغاندا ئاپتوماتىك يوللىنىدۇ، بۇ بەتنى تاقاپ كېيىن قايتا ئاچسىڭىزمۇ داۋاملىشىدۇ. قوبۇل قىلىش نومۇرى كەلگۈچە بۇ تالوننى ساقلاڭ:",
        LocalReceipt => "تالون",
        WaitingHeading => "يوللىنىشنى كۈتۈۋاتقان ئىلتىماسلار",
        WaitingNone => "بۇ ئۈسكۈنىدە يوللىنىشنى كۈتۈۋاتقان ئىلتىماس يوق.",
        WaitingStatus => "يوللىنىشنى كۈتۈۋاتىدۇ",
        SendNow => "ھازىر قايتا يوللاش",
        DownloadPackage => "ئىلتىماسىڭىزنى چۈشۈرۈش (JSON)",
        YourAnswers => "جاۋابلىرىڭىز",
        PrefillBody => "بۇ ئۇچۇرلارنى ئىلگىرى بۇ ئۈسكۈنىدە ساقلىغانسىز. سىز ئۈچۈن تولدۇرۇپ بېرەلەيمىز، ھەر بىر جاۋابنى يەنىلا تەكشۈرۈپ ئۆزگەرتەلەيسىز.",
        PrefillDone => "بۇ ئۇچۇرلار تولدۇرۇلدى. ئۇلارنى تەكشۈرۈپ ئۆزگەرتەلەيسىز.",
        RememberHeading => "ئۇچۇرلىرىڭىزنى باشقا ئىلتىماسلار ئۈچۈن ساقلامسىز؟",
        RememberBody => "بۇ ئۇچۇرلارنى پەقەت بۇ ئۈسكۈنىدىلا ساقلاپ قويالايمىز. بۇ يەردە باشقا مۇلازىمەتكە ئىلتىماس قىلغىنىڭىزدا، جەدۋەل ئۇلارنى تولدۇرۇپ بېرىشنى سورايدۇ. ئۇلار ھېچيەرگە ئەۋەتىلمەيدۇ، خالىغان ۋاقىتتا ئۆچۈرەلەيسىز.",
        RememberButton => "بۇ ئۇچۇرلارنى بۇ ئۈسكۈنىدە ساقلاش",
        RememberDone => "ئۇچۇرلىرىڭىز بۇ ئۈسكۈنىدە ساقلاندى.",
        SavedDetailsNone => "بۇ ئۈسكۈنىدە ساقلانغان ئۇچۇر يوق.",
        SavedDetailsBody => "بۇ ئۇچۇرلارنى جەدۋەللەر تولدۇرۇپ بېرىشى ئۈچۈن ئۆزىڭىز بۇ ئۈسكۈنىدە ساقلىغان. بۇلارنىڭ ھېچقايسىسى ھېچيەرگە ئەۋەتىلمىگەن.",
        ForgetAll => "ساقلانغان بارلىق ئۇچۇرلارنى ئۆچۈرۈش",
        AddressLine1 => "ئادرېس 1-قۇر",
        AddressLine2 => "ئادرېس 2-قۇر",
        Town => "شەھەر ياكى بازار",
        _ => return None,
    })
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

/// Whether `locale` is read as Chinese (`zh`, `zh-CN`, `zh-Hans`, `zh_TW`, …).
pub fn is_chinese(locale: &str) -> bool {
    locale == "zh" || locale.starts_with("zh-") || locale.starts_with("zh_")
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
    DateMissingPart(&'static str, &'static str),
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
    CnRegion,
    CnStreet,
    UkLine1,
    UkTown,
    UkPostcode,
    MinItems(u32),
    MaxItems(u32),
}

/// Words `msg` about the question labelled `label`.
pub(crate) fn message(msg: &Msg, label: &str, locale: &str) -> String {
    use Msg::*;
    let l = lower_first(label);
    // A label worded as a question ("Are you applying for yourself?") cannot go mid-sentence.
    let question = label.trim_end().ends_with(['?', '？']);
    if is_chinese(locale) {
        return match msg {
            EnterValue if question => format!("请回答“{label}”"),
            SelectValue if question => format!("请选择“{label}”的答案"),
            EnterValue => format!("请填写{label}"),
            SelectValue => format!("请选择{label}"),
            SelectYesOrNo => "请选择“是”或“否”".to_string(),
            UploadFile => format!("请上传{label}"),
            ConfirmDeclaration => "请勾选以确认声明".to_string(),
            MinLength(n) => format!("{label}不能少于{n}个字符"),
            MaxLength(n) => format!("{label}不能超过{n}个字符"),
            Pattern | Format => format!("{label}格式不正确"),
            CheckDigit => format!("{label}有误，请核对后重新填写"),
            CodeImpossibleDate => format!("{label}中的出生日期不存在"),
            CodeFutureDate => format!("{label}中的出生日期不能晚于今天"),
            Email => "请按正确格式填写电子邮箱地址，例如 name@example.com".to_string(),
            CnMobile => "请按正确格式填写手机号码，例如 13800138000".to_string(),
            UkPhone => "请填写英国电话号码，例如 01632 960 001 或 07700 900 982".to_string(),
            InternationalPhone => "请按国际格式填写电话号码，例如 +86 10 1234 5678".to_string(),
            Url => "请按正确格式填写网址，例如 https://www.example.com".to_string(),
            UrlScheme => "网址必须以 http:// 或 https:// 开头".to_string(),
            NotANumber => format!("{label}必须是数字"),
            NotAWholeNumber => format!("{label}必须是整数，例如 30"),
            NotMoney => format!("{label}必须是金额，例如 12.50"),
            Between(a, b) => format!("{label}必须在{a}到{b}之间"),
            AtLeast(a) => format!("{label}不能小于{a}"),
            AtMost(b) => format!("{label}不能大于{b}"),
            DateMissingPart(_, zh) => format!("{label}必须包含{zh}"),
            DateYearDigits => "年份必须是4位数字".to_string(),
            DateReal => format!("{label}必须是真实存在的日期"),
            DateInPast => format!("{label}必须早于今天"),
            DateInFuture => format!("{label}必须晚于今天"),
            DateTodayOrPast => format!("{label}不能晚于今天"),
            DateTodayOrFuture => format!("{label}不能早于今天"),
            DateNotBefore(d) => format!("{label}不能早于{d}"),
            DateNotAfter(d) => format!("{label}不能晚于{d}"),
            DateBefore(d) => format!("{label}必须早于{d}"),
            DateAfter(d) => format!("{label}必须晚于{d}"),
            MinAge(n) => format!("年龄须满{n}周岁"),
            MaxAge(n) => format!("年龄不能超过{n}周岁"),
            MonthsAgo(n) => format!("{label}须在{n}个月以前"),
            SelectOrNone(none) if question => format!("请选择“{label}”的答案，或选择“{none}”"),
            SelectOrNone(none) => format!("请选择{label}，或选择“{none}”"),
            MinSelected(n) => format!("至少选择{n}项"),
            MaxSelected(n) => format!("最多选择{n}项"),
            FileType(types) => format!("所选文件必须是{types}格式"),
            FileTooBig(size) => format!("所选文件必须小于{size}"),
            FileEmpty => "所选文件为空".to_string(),
            TooManyFiles(n) => format!("最多上传{n}个文件"),
            CnRegion => "请选择省、市、区（县）".to_string(),
            CnStreet => "请填写详细地址".to_string(),
            UkLine1 => "请填写地址第一行（通常是门牌号和街道）".to_string(),
            UkTown => "请填写城镇".to_string(),
            UkPostcode => "请填写正确的英国邮编".to_string(),
            MinItems(n) => format!("至少添加{n}项"),
            MaxItems(n) => format!("最多可添加{n}项"),
        };
    }
    match msg {
        EnterValue if question => format!("Enter your answer to ‘{label}’"),
        SelectValue if question => format!("Select your answer to ‘{label}’"),
        EnterValue => format!("Enter {l}"),
        SelectValue => format!("Select {l}"),
        SelectYesOrNo => "Select yes or no".to_string(),
        UploadFile => format!("Upload {l}"),
        ConfirmDeclaration => "Confirm the declaration to continue".to_string(),
        MinLength(n) => format!("{label} must be {n} characters or more"),
        MaxLength(n) => format!("{label} must be {n} characters or less"),
        Pattern | Format => format!("Enter {l} in the correct format"),
        CheckDigit => format!("{label} is not correct: check it and enter it again"),
        CodeImpossibleDate => format!("{label} contains a date of birth that does not exist"),
        CodeFutureDate => format!("{label} contains a date of birth in the future"),
        Email => "Enter an email address in the correct format, like name@example.com".to_string(),
        CnMobile => "Enter a mobile number in the correct format, like 13800138000".to_string(),
        UkPhone => "Enter a telephone number, like 01632 960 001 or 07700 900 982".to_string(),
        InternationalPhone => {
            "Enter a telephone number in international format, like +44 808 157 0192".to_string()
        }
        Url => {
            "Enter a web address in the correct format, like https://www.example.com".to_string()
        }
        UrlScheme => "The web address must start with http:// or https://".to_string(),
        NotANumber => format!("{label} must be a number"),
        NotAWholeNumber => format!("{label} must be a whole number, like 30"),
        NotMoney => format!("{label} must be an amount of money, like 12.50"),
        Between(a, b) => format!("{label} must be between {a} and {b}"),
        AtLeast(a) => format!("{label} must be {a} or more"),
        AtMost(b) => format!("{label} must be {b} or less"),
        DateMissingPart(en, _) => format!("{label} must include a {en}"),
        DateYearDigits => "Year must include 4 numbers".to_string(),
        DateReal => format!("{label} must be a real date"),
        DateInPast => format!("{label} must be in the past"),
        DateInFuture => format!("{label} must be in the future"),
        DateTodayOrPast => format!("{label} must be today or in the past"),
        DateTodayOrFuture => format!("{label} must be today or in the future"),
        DateNotBefore(d) => format!("{label} must be the same as or after {d}"),
        DateNotAfter(d) => format!("{label} must be the same as or before {d}"),
        DateBefore(d) => format!("{label} must be before {d}"),
        DateAfter(d) => format!("{label} must be after {d}"),
        MinAge(n) => format!("You must be {n} or older"),
        MaxAge(n) => format!("The age must be {n} or less"),
        MonthsAgo(n) => format!("{label} must be at least {n} months ago"),
        SelectOrNone(none) if question => {
            format!("Select your answer to ‘{label}’, or select ‘{none}’")
        }
        SelectOrNone(none) => format!("Select {l}, or select ‘{none}’"),
        MinSelected(n) => format!("Select at least {n} options"),
        MaxSelected(n) => format!("Select {n} options or fewer"),
        FileType(types) => format!("The selected file must be a {types}"),
        FileTooBig(size) => format!("The selected file must be smaller than {size}"),
        FileEmpty => "The selected file is empty".to_string(),
        TooManyFiles(n) => format!("Select {n} files or fewer"),
        CnRegion => "Select the province, city and district".to_string(),
        CnStreet => "Enter the street address".to_string(),
        UkLine1 => "Enter address line 1, typically the building and street".to_string(),
        UkTown => "Enter town or city".to_string(),
        UkPostcode => "Enter a real postcode".to_string(),
        MinItems(n) => format!("Add at least {n}"),
        MaxItems(n) => format!("You can add {n} at most"),
    }
}

/// "JPG, PNG or PDF" / "JPG、PNG或PDF" from media types.
pub(crate) fn list_or(items: &[String], locale: &str) -> String {
    let (sep, or) = if is_chinese(locale) { ("、", "或") } else { (", ", " or ") };
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{}{or}{last}", init.join(sep)),
    }
}

/// A date as citizens read it: "1 January 2020" / "2020年1月1日".
pub(crate) fn format_date(year: i32, month: u8, day: u8, locale: &str) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    if is_chinese(locale) {
        format!("{year}年{month}月{day}日")
    } else {
        let name = MONTHS.get(usize::from(month).wrapping_sub(1)).copied().unwrap_or("");
        format!("{day} {name} {year}")
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

/// "Baby 2: " / "第2项：" before an error inside item `n` of a repeatable group.
pub(crate) fn item_prefix(item_label: Option<&str>, n: usize, locale: &str) -> String {
    match (item_label, is_chinese(locale)) {
        (Some(label), true) => format!("{label}{n}："),
        (None, true) => format!("第{n}项："),
        (Some(label), false) => format!("{label} {n}: "),
        (None, false) => format!("Item {n}: "),
    }
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

/// A time limit in words: "20 working days", "20个工作日", "On the spot".
pub fn duration_text(value: u32, unit: crate::guide::DurationUnit, locale: &str) -> String {
    use crate::guide::DurationUnit::*;
    let zh = is_chinese(locale);
    match (unit, zh) {
        (OnTheSpot, _) => ui_text(UiText::OnTheSpot, locale).to_string(),
        (WorkingDays, true) => format!("{value}个工作日"),
        (CalendarDays, true) => format!("{value}天"),
        (Hours, true) => format!("{value}小时"),
        (WorkingDays, false) => format!("{value} working day{}", if value == 1 { "" } else { "s" }),
        (CalendarDays, false) => format!("{value} day{}", if value == 1 { "" } else { "s" }),
        (Hours, false) => format!("{value} hour{}", if value == 1 { "" } else { "s" }),
    }
}

/// How many copies of a material: "1 copy", "2 copies", "2份".
pub fn copies_text(copies: u32, locale: &str) -> String {
    if is_chinese(locale) {
        format!("{copies}份")
    } else {
        format!("{copies} {}", if copies == 1 { "copy" } else { "copies" })
    }
}

/// What an online depth code (网上办理深度, 1–7) means.
pub fn online_depth_text(code: u8, locale: &str) -> &'static str {
    let (en, zh) = match code {
        1 => ("Ask questions online", "在线咨询"),
        2 => ("Apply online", "网上收件"),
        3 => ("Documents checked online before you come", "网上预审"),
        4 => ("Accepted online", "网上受理"),
        5 => ("Handled entirely online", "网上办理"),
        6 => ("Result announced online", "网上告知办理结果"),
        7 => ("Electronic certificate sent to you", "电子证照送达"),
        _ => ("", ""),
    };
    if is_chinese(locale) {
        zh
    } else {
        en
    }
}

/// How many services a search found, for the results heading and screen readers.
pub fn results_text(count: usize, query: &str, locale: &str) -> String {
    match (is_chinese(locale), count) {
        (true, 0) => format!("没有找到与“{query}”相关的服务"),
        (true, n) => format!("找到{n}项与“{query}”相关的服务"),
        (false, 0) => format!("No services found for “{query}”"),
        (false, 1) => format!("1 service found for “{query}”"),
        (false, n) => format!("{n} services found for “{query}”"),
    }
}
