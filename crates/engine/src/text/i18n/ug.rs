//! Uyghur (Arabic script), written right to left. Every text is translated, following the
//! official 政务服务 terms of the Chinese table where there is one (ھۆكۈمەت ئىشلىرى مۇلازىمىتى,
//! ئىش بېجىرىش يېتەكچىسى, قوبۇل قىلىش شەرتلىرى, …). Complete, but still awaiting review by a
//! native-speaking public-service editor before a department ships a Uyghur form.
//!
//! The script has no capital letters, so labels go mid-sentence as written. A label takes
//! suffixes that never change their form (accusative -نى, genitive -نىڭ) as they are; the
//! ablative and the locative-relative suffixes, voiced or not after the last consonant, are
//! chosen by `suffixed`. A label worded as a question, and any other quotation, goes in «…».

use super::{is_question, Count, Msg, RatingText, UiText, Wording};
use crate::formats::DatePart;

pub(super) const WORDING: Wording = Wording {
    name: "ئۇيغۇرچە",
    tags: &["ug", "ug-CN", "ug-Arab", "ug-Arab-CN"],
    ui,
    rating,
    message,
    count,
    date,
    list_separator: "، ",
    list_or: " ياكى ",
    label_separator: ": ",
    word_space: " ",
    item_prefix,
    mid_sentence: str::to_string,
};

fn ui(key: UiText) -> &'static str {
    use UiText::*;
    match key {
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
        OnThisDevice => "بۇ ئۈسكۈنىدە",
        OnThisDeviceBody => "ئەگەر بۇ ئورتاق ياكى ئاممىۋى كومپيۇتېر بولسا، جاۋابلىرىڭىز، ھۆججەتلىرىڭىز ۋە بۇ خاتىرىنى ئۇنىڭدىن ئۆچۈرۈڭ. ئىلتىماسىڭىز يوللاندى، ئۇنىڭغا تەسىر يەتمەيدۇ. نۇسخىسىنى ساقلىماقچى بولسىڭىز، ئالدى بىلەن بېسىپ چىقىرىڭ ياكى چۈشۈرۈڭ.",
        RemoveEverything => "بۇ ئىلتىماسقا مۇناسىۋەتلىك ھەممە نەرسىنى بۇ ئۈسكۈنىدىن ئۆچۈرۈش",
        RemovedEverything => "ئىلتىماسىڭىزغا مۇناسىۋەتلىك ھەممە نەرسە بۇ ئۈسكۈنىدىن ئۆچۈرۈلدى.",
        SharedComputer => "بۇ ئورتاق ياكى ئاممىۋى كومپيۇتېر",
        SharedComputerHint => "بۇ ئۈسكۈنىدە ھېچنېمە ساقلانمايدۇ: جاۋابلار، ئەستە قالدۇرۇلغان ئۇچۇرلار ۋە ھۆججەتلەر ساقلانمايدۇ. جاۋابلىرىڭىز پەقەت بۇ بەتكۈچتىلا تۇرىدۇ، ئۇنى تاقىسىڭىز يوقىلىدۇ.",
        SharedComputerOn => "ئورتاق كومپيۇتېر: بۇ ئۈسكۈنىدە ھېچنېمە ساقلانمايدۇ. بۇ بەتكۈچنى تاقىسىڭىز ياكى بەتنى قايتا يۈكلىسىڭىز، جاۋابلىرىڭىز يوقىلىدۇ.",
        SharedComputerQueued => "ئىلتىماسىڭىز يوللانغۇچە بۇ بەتكۈچنى ئوچۇق قويۇڭ: ئورتاق كومپيۇتېردا ئىلتىماس پەقەت بۇ بەتكۈچتىلا ساقلىنىدۇ، تاقىسىڭىز يوقىلىدۇ. نۇسخىسىنى ساقلاش ئۈچۈن ھازىرلا چۈشۈرۈڭ.",
        OfflineCopy => "سىز ھازىر تورسىز. بۇ جەدۋەل سىز ئالدىنقى قېتىم ئاچقاندا بۇ ئۈسكۈنىدە ساقلانغان نۇسخا بولۇپ، ئەڭ يېڭى بولماسلىقى مۇمكىن. ئۇنى يەنىلا تولدۇرالايسىز: تورغا قايتا ئۇلانغاندا ئىلتىماسىڭىز يوللىنىدۇ.",
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
        WhatHappensNextBody => "مۇناسىۋەتلىك تارماق ئىلتىماسىڭىزنى تەكشۈرۈپ سىز بىلەن ئالاقىلىشىدۇ. قوبۇل قىلىش نومۇرىڭىزنى ساقلاپ قويۇڭ: ئىلتىماسىڭىز توغرىسىدا ئالاقىلاشقاندا ئۇ كېرەك بولىدۇ.",
        PrintRecord => "بۇ بەتنى بېسىپ چىقىرىش ياكى ساقلاش",
        Choose => "تاللاڭ",
        Or => "ياكى",
        Remove => "ئۆچۈرۈش",
        // Goes before the item's name ("قوشۇش: بوۋاق"): the button cannot put the verb last.
        AddFirst => "{item} قوشۇش",
        AddAnother => "يەنە بىرنى قوشۇش",
        Item => "تۈر",
        AddressLine1 => "ئادرېس 1-قۇر",
        AddressLine2 => "ئادرېس 2-قۇر",
        Town => "شەھەر ياكى بازار",
        Postcode => "پوچتا نومۇرى",
        Province => "ئۆلكە (ئاپتونوم رايون، بىۋاسىتە قاراشلىق شەھەر)",
        City => "شەھەر",
        District => "رايون (ناھىيە)",
        StreetAddress => "تەپسىلىي ئادرېس",
        RememberHeading => "ئۇچۇرلىرىڭىزنى باشقا ئىلتىماسلار ئۈچۈن ساقلامسىز؟",
        RememberBody => "بۇ ئۇچۇرلارنى پەقەت بۇ ئۈسكۈنىدىلا ساقلاپ قويالايمىز. بۇ يەردە باشقا مۇلازىمەتكە ئىلتىماس قىلغىنىڭىزدا، جەدۋەل ئۇلارنى تولدۇرۇپ بېرىشنى سورايدۇ. ئۇلار ھېچيەرگە ئەۋەتىلمەيدۇ، خالىغان ۋاقىتتا ئۆچۈرەلەيسىز.",
        RememberButton => "بۇ ئۇچۇرلارنى بۇ ئۈسكۈنىدە ساقلاش",
        RememberDone => "ئۇچۇرلىرىڭىز بۇ ئۈسكۈنىدە ساقلاندى.",
        PrefillHeading => "ئىلگىرى ساقلىغان ئۇچۇرلىرىڭىزنى ئىشلىتەمسىز؟",
        PrefillBody => "بۇ ئۇچۇرلارنى ئىلگىرى بۇ ئۈسكۈنىدە ساقلىغانسىز. سىز ئۈچۈن تولدۇرۇپ بېرەلەيمىز، ھەر بىر جاۋابنى يەنىلا تەكشۈرۈپ ئۆزگەرتەلەيسىز.",
        PrefillUse => "بۇ ئۇچۇرلارنى تولدۇرۇش",
        PrefillDecline => "ياق، رەھمەت",
        PrefillDone => "بۇ ئۇچۇرلار تولدۇرۇلدى. ئۇلارنى تەكشۈرۈپ ئۆزگەرتەلەيسىز.",
        SavedDetails => "بۇ ئۈسكۈنىدە ساقلانغان ئۇچۇرلار",
        SavedDetailsNone => "بۇ ئۈسكۈنىدە ساقلانغان ئۇچۇر يوق.",
        SavedDetailsBody => "بۇ ئۇچۇرلارنى جەدۋەللەر تولدۇرۇپ بېرىشى ئۈچۈن ئۆزىڭىز بۇ ئۈسكۈنىدە ساقلىغان. بۇلارنىڭ ھېچقايسىسى ھېچيەرگە ئەۋەتىلمىگەن.",
        Forget => "ئۆچۈرۈش",
        ForgetAll => "ساقلانغان بارلىق ئۇچۇرلارنى ئۆچۈرۈش",
        ReturnToForm => "جەدۋەلگە قايتىش",
        Queued => "ئىلتىماسىڭىز بۇ ئۈسكۈنىدە ساقلاندى",
        QueuedBody => "مۇلازىمەتكە ئۇلانغاندا ئاپتوماتىك يوللىنىدۇ، بۇ بەتنى تاقاپ كېيىن قايتا ئاچسىڭىزمۇ داۋاملىشىدۇ. قوبۇل قىلىش نومۇرى كەلگۈچە بۇ تالوننى ساقلاڭ:",
        QueuedInTab => "ئىلتىماسىڭىز بۇ بەتكۈچتە يوللىنىشنى كۈتۈۋاتىدۇ",
        QueuedInTabBody => "مۇلازىمەتكە ئۇلانغاندا بۇ بەتكۈچتىن ئاپتوماتىك يوللىنىدۇ. قوبۇل قىلىش نومۇرى كەلگۈچە بۇ تالوننى ساقلاڭ:",
        LocalReceipt => "تالون",
        WaitingHeading => "يوللىنىشنى كۈتۈۋاتقان ئىلتىماسلار",
        WaitingNone => "بۇ ئۈسكۈنىدە يوللىنىشنى كۈتۈۋاتقان ئىلتىماس يوق.",
        WaitingStatus => "يوللىنىشنى كۈتۈۋاتىدۇ",
        RejectedStatus => "مەسئۇل تارماق قوبۇل قىلمىدى",
        RejectedHelp => "ئىلتىماسىڭىزنى چۈشۈرۈپ ئىش بېجىرىش كۆزنىكىگە تاپشۇرۇڭ ياكى مەسئۇل تارماق بىلەن ئالاقىلىشىڭ.",
        SendNow => "ھازىر قايتا يوللاش",
        DownloadPackage => "ئىلتىماسىڭىزنى چۈشۈرۈش (JSON)",
        YourAnswers => "جاۋابلىرىڭىز",
        FindAService => "مۇلازىمەت تېپىش",
        CatalogIntro => "نېمە قىلىشىڭىز كېرەكلىكىنى بىلىۋېلىڭ، ئىلتىماس قىلالايدىغانلىقىڭىزنى تەكشۈرۈڭ ۋە تور ئارقىلىق ئىلتىماس قىلىڭ.",
        ServicesByTopic => "تېما بويىچە كۆرۈش",
        LifeEvents => "تۇرمۇشتىكى ئىشلار بويىچە كۆرۈش",
        AllServices => "بارلىق مۇلازىمەتلەر",
        ServiceNotFound => "بۇ نامدا مۇلازىمەت يوق، ئۇ يۆتكەلگەن بولۇشى مۇمكىن.",
        WhoCanApply => "قوبۇل قىلىش شەرتلىرى",
        WhatYouNeed => "ئىلتىماس ماتېرىياللىرى",
        HowToApply => "بېجىرىش جەريانى",
        HowLong => "بېجىرىش مۆھلىتى",
        Cost => "ھەق ئېلىش ئۆلچىمى",
        Free => "ھەق ئېلىنمايدۇ",
        WhatYouGet => "بېجىرىش نەتىجىسى",
        WhereToGo => "بېجىرىش ئورنى",
        OnlineService => "تور ئارقىلىق بېجىرىش",
        GetHelp => "مەسلىھەت سوراش ئۇسۇلى",
        Complain => "نازارەت قىلىش ۋە ئەرز-شىكايەت",
        LegalBasis => "قانۇنىي ئاساس",
        CommonQuestions => "كۆپ ئۇچرايدىغان سوئاللار",
        CheckIfYouCanApply => "ئىلتىماس قىلالايدىغانلىقىڭىزنى تەكشۈرۈش",
        ApplyOnline => "تور ئارقىلىق ئىلتىماس قىلىش",
        StatutoryLimit => "قانۇندا بەلگىلەنگەن بېجىرىش مۆھلىتى",
        PromisedLimit => "ۋەدە قىلىنغان بېجىرىش مۆھلىتى",
        NotCounted => "بېجىرىش مۆھلىتىگە ھېسابلانمايدىغان ۋاقىت",
        OnTheSpot => "دەرھال بېجىرىلىدۇ",
        NoLimit => "چەكلىمىسىز",
        ValidFor => "كۈچكە ئىگە مۇددىتى",
        Renewal => "ئۇزارتىش",
        RenewBefore => "مۇددىتى توشۇشتىن {duration} ئىلگىرى ئۇزارتىشنى ئىلتىماس قىلىڭ",
        Original => "ئەسلى نۇسخا",
        CopyOf => "كۆپەيتىلگەن نۇسخا",
        OriginalAndCopy => "ئەسلى ۋە كۆپەيتىلگەن نۇسخا",
        Paper => "قەغەز",
        Electronic => "ئېلېكترونلۇق",
        PaperOrElectronic => "قەغەز ياكى ئېلېكترونلۇق",
        Needed => "چوقۇم تاپشۇرۇلىدۇ",
        IfYouHaveIt => "بار بولسا تاپشۇرۇلىدۇ",
        MaySupplyLater => "كېيىن تولۇقلاپ تاپشۇرسا بولىدۇ",
        YouProvide => "ئىلتىماسچى ئۆزى تەييارلايدۇ",
        IssuedByDepartment => "ھۆكۈمەت تارمىقى تارقاتقان",
        SharedByDepartments => "تارماقلار ئورتاق بەھرىلىنىدۇ، تاپشۇرۇشىڭىز ھاجەتسىز",
        OtherSource => "باشقا ئورگان تارقاتقان",
        BlankForm => "بوش جەدۋەل",
        FilledSample => "تولدۇرۇش ئۈلگىسى",
        ForSomePeople => "پەقەت بەزى ئەھۋاللاردا: تەكشۈرۈش ئارقىلىق سىزگە ماس كېلىدىغان-كەلمەيدىغانلىقىنى بىلەلەيسىز",
        OnlineChannel => "تور ئارقىلىق بېجىرىش",
        CounterChannel => "كۆزنەكتە بېجىرىش",
        EitherChannel => "تور ئارقىلىق ياكى كۆزنەكتە بېجىرىش",
        CollectAtCounter => "كۆزنەكتىن ئېلىش",
        ByPost => "پوچتا ئارقىلىق يەتكۈزۈش",
        ElectronicLicence => "ئېلېكترونلۇق گۇۋاھنامە-كىنىشكا",
        Address => "ئادرېس",
        OpeningHours => "ئىشخانا ۋاقتى",
        Visits => "نەق مەيدانغا بارىدىغان قېتىم سانى",
        OnlinePayment => "تور ئارقىلىق ھەق تاپشۇرۇشقا بولىدۇ",
        YourChecklist => "تەييارلايدىغان ماتېرىياللار",
        NoNeedToBring => "تاپشۇرۇش ھاجەتسىز (تارماقلار ئورتاق بەھرىلىنىدۇ)",
        StepsForYou => "بېجىرىش قەدەملىرى",
        ConditionsForYou => "سىزگە ماس كېلىدىغان قوبۇل قىلىش شەرتلىرى",
        PrintChecklist => "تىزىملىكنى بېسىپ چىقىرىش",
        DownloadChecklist => "تىزىملىكنى چۈشۈرۈش",
        StartApplication => "ئىلتىماس قىلىشنى باشلاش",
        GoToService => "ئىش بېجىرىش يېتەكچىسىنى كۆرۈش",
        YouMayAlsoNeed => "بۇلارنىمۇ بېجىرىشىڭىز مۇمكىن",
        BackToGuide => "ئىش بېجىرىش يېتەكچىسىگە قايتىش",
        CheckAgain => "قايتا تەكشۈرۈش",
        HandedOver => "تەكشۈرۈشتىكى جاۋابلىرىڭىز تولدۇرۇلدى. ئۇلارنى مۇناسىپ بەتلەردە ئۆزگەرتەلەيسىز.",
        Department => "ئىجرا قىلغۇچى ئورگان",
        OnThisPage => "مۇندەرىجە",
        Checklist => "ئىش بېجىرىش تىزىملىكى",
        Services => "ھۆكۈمەت ئىشلىرى مۇلازىمىتى",
        SearchLabel => "مۇلازىمەت ئىزدەش",
        SearchButton => "ئىزدەش",
        SearchHint => "مەسىلەن: تۇرالغۇ كىنىشكىسى، 居住证، juzhuzheng ياكى jzz",
        // Followed by the suggested words and a question mark.
        DidYouMean => "ئىزدىمەكچى بولغىنىڭىز",
        BrowseInstead => "ياكى تۆۋەندىكى تېمىلارنى كۆرۈڭ:",
        SearchResults => "ئىزدەش نەتىجىسى",
        DepthConsult => "تور ئارقىلىق مەسلىھەت سوراش",
        DepthApply => "تور ئارقىلىق ماتېرىيال تاپشۇرۇۋېلىش",
        DepthPrecheck => "تور ئارقىلىق ئالدىن تەكشۈرۈش",
        DepthAccept => "تور ئارقىلىق قوبۇل قىلىش",
        DepthHandle => "پۈتۈنلەي تور ئارقىلىق بېجىرىش",
        DepthResult => "بېجىرىش نەتىجىسىنى تور ئارقىلىق ئۇقتۇرۇش",
        DepthCertificate => "ئېلېكترونلۇق گۇۋاھنامە-كىنىشكا يەتكۈزۈش",
        ResultsNone => "«{query}» بويىچە مۇلازىمەت تېپىلمىدى",
        ResultsOne => "«{query}» بويىچە 1 مۇلازىمەت تېپىلدى",
        ResultsMany => "«{query}» بويىچە {n} مۇلازىمەت تېپىلدى",
    }
}

fn rating(key: RatingText) -> &'static str {
    use RatingText::*;
    match key {
        Heading => "بۇ قېتىملىق مۇلازىمەتكە باھا بېرىش",
        Intro => "باھايىڭىز تارماقنىڭ بۇ مۇلازىمەتنى ياخشىلىشىغا ياردەم بېرىدۇ. باھا سىز تولدۇرغان جاۋابلار بىلەن باغلانمايدۇ.",
        CaseReference => "ئىش بېجىرىش نومۇرى",
        LevelLegend => "بۇ قېتىملىق مۇلازىمەتتىن ئومۇمەن قانچىلىك رازى بولدىڭىز؟",
        IndicatorsLegend => "تۈرلەر بويىچە باھا (تاللاپ تولدۇرۇلىدۇ)",
        IndicatorsHint => "5 نومۇر ناھايىتى ياخشى، 1 نومۇر ناھايىتى ناچار.",
        ReasonsLegendNegative => "قايسى جەھەتتە مەسىلە بار؟ ماس كېلىدىغانلىرىنىڭ ھەممىسىنى تاللاڭ",
        ReasonsLegend => "قايسى جەھەتلەرنى ياخشىلاشقا بولىدۇ؟ (تاللاپ تولدۇرۇلىدۇ)",
        CommentLabel => "پىكىر-تەكلىپ (تاللاپ تولدۇرۇلىدۇ)",
        CommentHint => "ئىسمىڭىز، كىملىك نومۇرىڭىز قاتارلىق شەخسىي ئۇچۇرلارنى يازماڭ. ئەڭ كۆپ بولغاندا 500 ھەرپ يازالايسىز.",
        Send => "باھانى يوللاش",
        Sending => "باھايىڭىز يوللىنىۋاتىدۇ…",
        ThanksHeading => "باھا بەرگىنىڭىزگە رەھمەت",
        ThanksBody => "باھايىڭىز مۇناسىۋەتلىك تارماققا يوللاندى.",
        SavedBody => "باھايىڭىز بۇ ئۈسكۈنىدە ساقلاندى، تورغا ئۇلانغاندا ئاپتوماتىك يوللىنىدۇ.",
        AlreadyRatedHeading => "بۇ ئىشقا باھا بېرىلىپ بولغان",
        AlreadyRatedBody => "ھەر بىر ئىشقا پەقەت بىر قېتىملا باھا بەرگىلى بولىدۇ. پىكىر قايتۇرغىنىڭىزغا رەھمەت.",
        LevelMissing => "بۇ قېتىملىق مۇلازىمەتتىن قانچىلىك رازى بولغانلىقىڭىزنى تاللاڭ",
        ReasonMissing => "نارازى بولۇش سەۋەبىنى تاللاڭ ياكى پىكىر-تەكلىپىڭىزنى يېزىڭ",
        CommentTooLong => "پىكىر-تەكلىپ 500 ھەرپتىن ئېشىپ كەتمەسلىكى كېرەك",
        NotAccepted => "باھايىڭىز قوبۇل قىلىنمىدى. تەكشۈرۈپ قايتا يوللاڭ.",
        RefusedHeading => "باھايىڭىز قوبۇل قىلىنمىدى",
        RefusedBody => "مۇلازىمەت تەرەپ بۇ باھانى قوبۇل قىلالمىدى. بۇ ئىلتىماسىڭىزغا تەسىر يەتكۈزمەيدۇ.",
        GuideHeading => "مۇلازىمەتكە باھا بېرىش",
        GuideBody => "بۇ مۇلازىمەتكە «ياخشى-ناچار باھا» بېرىڭ: قانچىلىك رازى بولدىڭىز، قايسى جەھەتلەرنى ياخشىلاشقا بولىدۇ.",
        LevelVerySatisfied => "ناھايىتى رازى",
        LevelSatisfied => "رازى",
        LevelFairlySatisfied => "ئاساسەن رازى",
        LevelDissatisfied => "نارازى",
        LevelVeryDissatisfied => "ناھايىتى نارازى",
        IndicatorEfficiency => "ئىش بېجىرىش ئۈنۈمى",
        IndicatorGuideAccuracy => "ئىش بېجىرىش يېتەكچىسىنىڭ توغرىلىقى",
        IndicatorConvenience => "ئىش بېجىرىشنىڭ قولايلىقلىقى",
        IndicatorUsability => "تور ئارقىلىق ئىش بېجىرىشنىڭ ئاسانلىقى",
        ReasonUnclearGuidance => "ئىش بېجىرىش يېتەكچىسى ئېنىق ئەمەس",
        ReasonInconvenientProcedure => "ئىش بېجىرىش جەريانى قولايسىز",
        ReasonTooManyMaterials => "تەلەپ قىلىنغان ماتېرىيال بەك كۆپ",
        ReasonUnfriendlyInterface => "تور بېكەتنى ئىشلىتىش قىيىن",
        ReasonTooSlow => "بېجىرىش ۋاقتى بەك ئۇزۇن",
        ReasonTechnicalProblem => "سىستېمىدا كاشىلا كۆرۈلدى",
        ReasonOther => "باشقا",
    }
}

/// A part of a date with the possessive, as in "{label}نىڭ ئېيىنى".
fn date_part(part: DatePart) -> &'static str {
    match part {
        DatePart::Day => "كۈنى",
        DatePart::Month => "ئېيى",
        DatePart::Year => "يىلى",
    }
}

/// `word` with a suffix that has a voiced and a voiceless form (-دىن/-تىن, -دىكى/-تىكى): the
/// voiceless one after a voiceless consonant, the voiced one after anything else (a vowel, a
/// voiced consonant, a digit or a Latin letter).
fn suffixed(word: &str, voiced: &str, voiceless: &str) -> String {
    const VOICELESS: &[char] = &['پ', 'ت', 'چ', 'خ', 'س', 'ش', 'ف', 'ق', 'ك', 'ھ'];
    let word = word.trim_end();
    let last = word.chars().last();
    let suffix = if last.is_some_and(|c| VOICELESS.contains(&c)) { voiceless } else { voiced };
    format!("{word}{suffix}")
}

/// "{word}دىن" / "{word}تىن": from, than.
fn ablative(word: &str) -> String {
    suffixed(word, "دىن", "تىن")
}

/// "{word}دىكى" / "{word}تىكى": the one in.
fn in_it(word: &str) -> String {
    suffixed(word, "دىكى", "تىكى")
}

fn message(msg: &Msg, label: &str) -> String {
    use Msg::*;
    // A label worded as a question is quoted rather than given a suffix.
    let question = is_question(label);
    match msg {
        EnterValue if question => format!("«{label}» دېگەن سوئالغا جاۋاب بېرىڭ"),
        SelectValue if question => format!("«{label}» دېگەن سوئالنىڭ جاۋابىنى تاللاڭ"),
        EnterValue => format!("{label}نى تولدۇرۇڭ"),
        SelectValue => format!("{label}نى تاللاڭ"),
        SelectYesOrNo => "«ھەئە» ياكى «ياق» دېگەننى تاللاڭ".to_string(),
        UploadFile => format!("{label}نى يۈكلەڭ"),
        ConfirmDeclaration => "داۋاملاشتۇرۇش ئۈچۈن باياناتنى جەزملەشتۈرۈڭ".to_string(),
        MinLength(n) => format!("{label} كەم دېگەندە {n} ھەرپ بولۇشى كېرەك"),
        MaxLength(n) => format!("{label} ئەڭ كۆپ بولغاندا {n} ھەرپ بولۇشى كېرەك"),
        Pattern | Format => format!("{label}نى توغرا شەكىلدە تولدۇرۇڭ"),
        CheckDigit => format!("{label} خاتا، تەكشۈرۈپ قايتا تولدۇرۇڭ"),
        CodeImpossibleDate => format!("{} تۇغۇلغان ۋاقىت مەۋجۇت ئەمەس", in_it(label)),
        CodeFutureDate => {
            format!("{} تۇغۇلغان ۋاقىت بۈگۈندىن كېيىن بولماسلىقى كېرەك", in_it(label))
        }
        Email => "ئېلخەت ئادرېسىنى توغرا شەكىلدە تولدۇرۇڭ، مەسىلەن name@example.com".to_string(),
        CnMobile => "يانفون نومۇرىنى توغرا شەكىلدە تولدۇرۇڭ، مەسىلەن 13800138000".to_string(),
        UkPhone => "ئەنگلىيە تېلېفون نومۇرىنى تولدۇرۇڭ، مەسىلەن 01632 960 001 ياكى 07700 900 982"
            .to_string(),
        InternationalPhone => {
            "تېلېفون نومۇرىنى خەلقئارا شەكىلدە تولدۇرۇڭ، مەسىلەن +86 10 1234 5678".to_string()
        }
        Url => "تور ئادرېسىنى توغرا شەكىلدە تولدۇرۇڭ، مەسىلەن https://www.example.com".to_string(),
        UrlScheme => "تور ئادرېسى http:// ياكى https:// بىلەن باشلىنىشى كېرەك".to_string(),
        NotANumber => format!("{label} سان بولۇشى كېرەك"),
        NotAWholeNumber => format!("{label} پۈتۈن سان بولۇشى كېرەك، مەسىلەن 30"),
        NotMoney => format!("{label} پۇل سوممىسى بولۇشى كېرەك، مەسىلەن 12.50"),
        Between(a, b) => format!("{label} {a} بىلەن {b} ئارىلىقىدا بولۇشى كېرەك"),
        AtLeast(a) => format!("{label} {a} ياكى ئۇنىڭدىن چوڭ بولۇشى كېرەك"),
        AtMost(b) => format!("{label} {b} ياكى ئۇنىڭدىن كىچىك بولۇشى كېرەك"),
        DateMissingPart(part) => format!("{label}نىڭ {}نى تولدۇرۇڭ", date_part(*part)),
        DateYearDigits => "يىل 4 خانىلىق سان بولۇشى كېرەك".to_string(),
        DateReal => format!("{label} مەۋجۇت چېسلا بولۇشى كېرەك"),
        DateInPast => format!("{label} بۈگۈندىن بۇرۇن بولۇشى كېرەك"),
        DateInFuture => format!("{label} بۈگۈندىن كېيىن بولۇشى كېرەك"),
        DateTodayOrPast => format!("{label} بۈگۈندىن كېيىن بولماسلىقى كېرەك"),
        DateTodayOrFuture => format!("{label} بۈگۈندىن بۇرۇن بولماسلىقى كېرەك"),
        DateNotBefore(d) => format!("{label} {} بۇرۇن بولماسلىقى كېرەك", ablative(d)),
        DateNotAfter(d) => format!("{label} {} كېيىن بولماسلىقى كېرەك", ablative(d)),
        DateBefore(d) => format!("{label} {} بۇرۇن بولۇشى كېرەك", ablative(d)),
        DateAfter(d) => format!("{label} {} كېيىن بولۇشى كېرەك", ablative(d)),
        MinAge(n) => format!("{n} ياشقا توشقان بولۇشىڭىز كېرەك"),
        MaxAge(n) => format!("يېشى {n} ياشتىن ئاشماسلىقى كېرەك"),
        MonthsAgo(n) => format!("{label} كەم دېگەندە {n} ئاي ئىلگىرى بولۇشى كېرەك"),
        SelectOrNone(none) if question => {
            format!("«{label}» دېگەن سوئالنىڭ جاۋابىنى تاللاڭ ياكى «{none}» دېگەننى تاللاڭ")
        }
        SelectOrNone(none) => format!("{label}نى تاللاڭ ياكى «{none}» دېگەننى تاللاڭ"),
        MinSelected(n) => format!("كەم دېگەندە {n} تۈر تاللاڭ"),
        MaxSelected(n) => format!("ئەڭ كۆپ بولغاندا {n} تۈر تاللاڭ"),
        FileType(types) => format!("تاللانغان ھۆججەت {types} شەكلىدە بولۇشى كېرەك"),
        FileTooBig(size) => {
            format!("تاللانغان ھۆججەتنىڭ چوڭلۇقى ئەڭ كۆپ بولغاندا {size} بولۇشى كېرەك")
        }
        FileEmpty => "تاللانغان ھۆججەت قۇرۇق".to_string(),
        TooManyFiles(n) => format!("ئەڭ كۆپ بولغاندا {n} ھۆججەت يۈكلەڭ"),
        TooFewFiles(n) => format!("ئەڭ ئاز بولغاندا {n} ھۆججەت يۈكلەڭ"),
        CnRegion => "ئۆلكە، شەھەر ۋە رايوننى (ناھىيەنى) تاللاڭ".to_string(),
        CnStreet => "تەپسىلىي ئادرېسنى تولدۇرۇڭ".to_string(),
        UkLine1 => "ئادرېسنىڭ 1-قۇرىنى تولدۇرۇڭ (ئادەتتە بىنا ۋە كوچا)".to_string(),
        UkTown => "شەھەر ياكى بازارنى تولدۇرۇڭ".to_string(),
        UkPostcode => "توغرا ئەنگلىيە پوچتا نومۇرىنى تولدۇرۇڭ".to_string(),
        MinItems(n) => format!("كەم دېگەندە {n} تۈر قوشۇڭ"),
        MaxItems(n) => format!("ئەڭ كۆپ بولغاندا {n} تۈر قوشالايسىز"),
    }
}

/// No plural after a numeral: "2 نۇسخا".
fn count(what: Count, n: u64) -> String {
    match what {
        Count::WorkingDays => format!("{n} خىزمەت كۈنى"),
        Count::CalendarDays => format!("{n} كۈن"),
        Count::Weeks => format!("{n} ھەپتە"),
        Count::Months => format!("{n} ئاي"),
        Count::Years => format!("{n} يىل"),
        Count::Hours => format!("{n} سائەت"),
        Count::Copies => format!("{n} نۇسخا"),
    }
}

/// "2020-يىلى 1-ئاينىڭ 1-كۈنى".
fn date(year: i32, month: u8, day: u8) -> String {
    format!("{year}-يىلى {month}-ئاينىڭ {day}-كۈنى")
}

fn item_prefix(item_label: Option<&str>, n: usize) -> String {
    match item_label {
        Some(label) => format!("{label} {n}: "),
        None => format!("{n}-تۈر: "),
    }
}
