//! A service's guide (办事指南) in step-by-step style, and the loading of the guide and its
//! assistant for both the guide and the assistant's pages.

use super::app::{load, Loaded};
use super::assistant::AssistantView;
use super::definition_problems::DefinitionProblems;
use super::services::{Frame, Link, Recommendations};
use crate::host::Host;
use crate::io;
use crate::shared::Shared;
use onewindow_engine::analytics::{rating_text, RatingText};
use onewindow_engine::{
    compile_guide, duration_text, online_depth_text, read_guide, render_markdown, ui_text, Catalog,
    ChannelKind, Checklist, Diagnostic, FormModel, GuideModel, Material, Medium, Necessity,
    OriginalOrCopy, ResultDelivery, Service, Source, Step, Text, UiText,
};
use yew::prelude::*;

/// A guide and its assistant, loaded and linted.
#[derive(Clone, PartialEq)]
pub(crate) struct Bundle {
    pub guide: Option<Shared<GuideModel>>,
    pub assistant: Option<Shared<FormModel>>,
}

#[derive(Clone)]
enum GuideLoad {
    Loading,
    Failed { source: String, problems: Vec<Diagnostic> },
    Ready(Bundle),
}

/// Fetches the service's guide and the assistant it names; a guide with errors is not shown
/// half right: its problems are listed instead.
async fn load_bundle(service: &Service) -> GuideLoad {
    let Some(path) = &service.guide else {
        return GuideLoad::Ready(Bundle { guide: None, assistant: None });
    };
    let source = format!("forms/{path}");
    let json = match io::fetch::fetch_text(&source).await {
        Ok(json) => json,
        Err(message) => {
            return GuideLoad::Failed { source, problems: vec![Diagnostic::error("", message)] }
        }
    };
    let guide = match read_guide(&json) {
        Ok(guide) => guide,
        Err(problem) => return GuideLoad::Failed { source, problems: vec![problem] },
    };
    let assistant = match &guide.assistant {
        None => None,
        Some(id) => match load(format!("forms/{id}.json"), None, &Host::Page).await {
            Loaded::Ready(model) => Some(model),
            Loaded::Failed { source, problems } => return GuideLoad::Failed { source, problems },
            Loaded::Loading => None,
        },
    };
    match compile_guide(guide, assistant.as_deref()) {
        (Some(guide), problems) if !problems.iter().any(Diagnostic::is_error) => {
            GuideLoad::Ready(Bundle { guide: Some(Shared::new(guide)), assistant })
        }
        (_, problems) => GuideLoad::Failed { source, problems },
    }
}

/// Props for [`ServicePage`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The catalog.
    pub catalog: Shared<Catalog>,
    /// The service's id.
    pub id: String,
    /// Interface locale.
    pub locale: AttrValue,
    /// Show the assistant rather than the guide.
    pub check: bool,
    /// The URL's query and fragment: the assistant's step and answers live there.
    pub location: String,
}

/// A service: its guide, or its assistant.
#[function_component(ServicePage)]
pub fn service_page(props: &Props) -> Html {
    let loaded = use_state(|| GuideLoad::Loading);
    let service = props.catalog.service(&props.id).cloned();
    {
        let (loaded, service) = (loaded.clone(), service.clone());
        use_effect_with((), move |_| {
            if let Some(service) = service {
                wasm_bindgen_futures::spawn_local(async move {
                    let result = load_bundle(&service).await;
                    if let GuideLoad::Ready(_) = result {
                        io::offline::keep_for_offline();
                    }
                    loaded.set(result);
                });
            }
        });
    }
    let locale = props.locale.as_str();
    let catalog = &props.catalog;
    let Some(service) = service else {
        let heading = ui_text(UiText::ServiceNotFound, locale);
        let back = Some((
            AttrValue::from(format!("?lang={locale}")),
            AttrValue::from(ui_text(UiText::AllServices, locale)),
        ));
        return html! {
            <Frame locale={props.locale.clone()} locales={catalog.locales.clone()} title={heading} {back}>
                <h1 class="ow-heading-l">{ heading }</h1>
            </Frame>
        };
    };
    match &*loaded {
        GuideLoad::Loading => {
            html! { <main class="ow-main" id="main-content"><p class="ow-body" role="status">{ ui_text(UiText::Loading, locale) }</p></main> }
        }
        GuideLoad::Failed { source, problems } => {
            html! { <DefinitionProblems source={source.clone()} problems={problems.clone()} locale={props.locale.clone()} /> }
        }
        GuideLoad::Ready(bundle) => match (&bundle.guide, &bundle.assistant, props.check) {
            (Some(guide), Some(assistant), true) => html! {
                <AssistantView catalog={catalog.clone()} {service} guide={guide.clone()} assistant={assistant.clone()} locale={props.locale.clone()} location={props.location.clone()} />
            },
            _ => {
                html! { <GuideView catalog={catalog.clone()} {service} bundle={bundle.clone()} locale={props.locale.clone()} /> }
            }
        },
    }
}

#[derive(Properties, PartialEq)]
struct GuideProps {
    catalog: Shared<Catalog>,
    service: Service,
    bundle: Bundle,
    locale: AttrValue,
}

/// A short text in the locale, falling back to the catalog's first.
pub(crate) fn t<'a>(text: &'a Text, locale: &str, fallback: &str) -> &'a str {
    text.get(locale, fallback)
}

/// Markdown content, rendered safely by the engine.
pub(crate) fn md(text: &str) -> Html {
    Html::from_html_unchecked(AttrValue::from(render_markdown(text)))
}

/// One material with everything a counter will ask about it.
pub(crate) fn material_item(
    m: &Material,
    locale: &str,
    fallback: &str,
    conditional_note: bool,
) -> Html {
    let form = match m.original_or_copy {
        OriginalOrCopy::Original => UiText::Original,
        OriginalOrCopy::Copy => UiText::CopyOf,
        OriginalOrCopy::Both => UiText::OriginalAndCopy,
    };
    let medium = match m.medium {
        Medium::Paper => UiText::Paper,
        Medium::Electronic => UiText::Electronic,
        Medium::Either => UiText::PaperOrElectronic,
    };
    let necessity = match m.necessity {
        Necessity::Required => UiText::Needed,
        Necessity::Optional => UiText::IfYouHaveIt,
        Necessity::MaySupplyLater => UiText::MaySupplyLater,
    };
    let source = match m.source {
        Source::Applicant => UiText::YouProvide,
        Source::Department => UiText::IssuedByDepartment,
        Source::DepartmentShared => UiText::SharedByDepartments,
        Source::Other => UiText::OtherSource,
    };
    let copies = onewindow_engine::copies_text(m.copies, locale);
    html! {
        <li class="ow-material" id={format!("material-{}", m.id)}>
            <span class="ow-material__name">{ t(&m.name, locale, fallback) }</span>
            <span class="ow-material__facts">
                { format!("{} · {} · {} · {}", ui_text(form, locale), ui_text(medium, locale), copies, ui_text(necessity, locale)) }
            </span>
            <span class="ow-material__source">{ ui_text(source, locale) }</span>
            if let Some(notes) = &m.notes { <span class="ow-hint">{ t(notes, locale, fallback) }</span> }
            if conditional_note && m.applies_if.is_some() { <strong class="ow-tag">{ ui_text(UiText::ForSomePeople, locale) }</strong> }
            if m.blank_form.is_some() || m.sample.is_some() {
                <span class="ow-material__links">
                    if let Some(href) = &m.blank_form { <a href={href.clone()}>{ ui_text(UiText::BlankForm, locale) }</a> }
                    if m.blank_form.is_some() && m.sample.is_some() { { " · " } }
                    if let Some(href) = &m.sample { <a href={href.clone()}>{ ui_text(UiText::FilledSample, locale) }</a> }
                </span>
            }
        </li>
    }
}

/// The process as numbered steps, each saying where it happens.
pub(crate) fn steps_list(
    steps: &[&Step],
    locale: &str,
    fallback: &str,
    conditional_note: bool,
) -> Html {
    html! {
        <ol class="ow-step-by-step">
            { for steps.iter().map(|s| {
                let channel = match s.channel {
                    ChannelKind::Online => UiText::OnlineChannel,
                    ChannelKind::Offline => UiText::CounterChannel,
                    ChannelKind::Either => UiText::EitherChannel,
                };
                html! {
                    <li class="ow-step-by-step__step">
                        <h3 class="ow-heading-s">{ t(&s.title, locale, fallback) }</h3>
                        <p class="ow-caption">{ ui_text(channel, locale) }</p>
                        { md(t(&s.body, locale, fallback)) }
                        if conditional_note && s.applies_if.is_some() { <strong class="ow-tag">{ ui_text(UiText::ForSomePeople, locale) }</strong> }
                    </li>
                }
            }) }
        </ol>
    }
}

/// Where to go, with hours.
pub(crate) fn places_list(guide: &onewindow_engine::Guide, locale: &str, fallback: &str) -> Html {
    html! {
        <ul class="ow-list ow-places">
            { for guide.places.iter().map(|p| html! {
                <li>
                    <strong>{ t(&p.name, locale, fallback) }</strong>
                    <dl class="ow-facts">
                        <dt>{ ui_text(UiText::Address, locale) }</dt><dd>{ t(&p.address, locale, fallback) }</dd>
                        <dt>{ ui_text(UiText::OpeningHours, locale) }</dt><dd>{ t(&p.hours, locale, fallback) }</dd>
                    </dl>
                    if let Some(d) = &p.directions { <p class="ow-hint">{ t(d, locale, fallback) }</p> }
                </li>
            }) }
        </ul>
    }
}

/// The guide, untailored: everything, with "only in some cases" where the assistant decides.
#[function_component(GuideView)]
fn guide_view(props: &GuideProps) -> Html {
    let locale = props.locale.as_str();
    let service = &props.service;
    let catalog = &props.catalog;
    let fallback = catalog.fallback_locale();
    let title = t(&service.title, locale, fallback).to_string();
    let back = Some((
        AttrValue::from(format!("?lang={locale}")),
        AttrValue::from(ui_text(UiText::AllServices, locale)),
    ));
    let actions = html! {
        <div class="ow-button-group">
            if props.bundle.assistant.is_some() {
                <Link href={format!("?service={}&lang={locale}&check=start", service.id)} class="ow-button ow-button--start">{ ui_text(UiText::CheckIfYouCanApply, locale) }</Link>
            }
            if let Some(form) = &service.form {
                <Link href={format!("?form={form}&lang={locale}")} class={classes!("ow-button", props.bundle.assistant.is_some().then_some("ow-button--secondary"))}>{ ui_text(UiText::ApplyOnline, locale) }</Link>
            }
        </div>
    };
    let Some(guide_model) = &props.bundle.guide else {
        return html! {
            <Frame locale={props.locale.clone()} locales={catalog.locales.clone()} title={title.clone()} {back}>
                <span class="ow-caption">{ t(&service.department, locale, fallback) }</span>
                <h1 class="ow-heading-xl">{ &title }</h1>
                <p class="ow-body ow-lede">{ t(&service.summary, locale, fallback) }</p>
                { actions }
                <Recommendations catalog={catalog.clone()} service={service.id.clone()} locale={props.locale.clone()} />
            </Frame>
        };
    };
    let g = guide_model.guide();
    let everything: Checklist = guide_model.checklist(None);
    let sections: Vec<(&str, UiText)> = vec![
        ("who", UiText::WhoCanApply),
        ("materials", UiText::WhatYouNeed),
        ("steps", UiText::HowToApply),
        ("time", UiText::HowLong),
        ("cost", UiText::Cost),
        ("result", UiText::WhatYouGet),
        ("where", UiText::WhereToGo),
        ("online", UiText::OnlineService),
        ("help", UiText::GetHelp),
        ("law", UiText::LegalBasis),
    ];
    let sections =
        sections.into_iter().chain((!g.faq.is_empty()).then_some(("faq", UiText::CommonQuestions)));
    let contents: Vec<(&str, UiText)> = sections.collect();
    let tl = &g.time_limit;
    html! {
        <Frame locale={props.locale.clone()} locales={catalog.locales.clone()} title={title.clone()} {back}>
            <span class="ow-caption">{ t(&service.department, locale, fallback) }</span>
            <h1 class="ow-heading-xl">{ &title }</h1>
            <p class="ow-body ow-lede">{ t(&service.summary, locale, fallback) }</p>
            { actions.clone() }
            <nav class="ow-contents" aria-labelledby="ow-contents-heading">
                <h2 class="ow-heading-s" id="ow-contents-heading">{ ui_text(UiText::OnThisPage, locale) }</h2>
                <ol class="ow-contents__list">
                    { for contents.iter().map(|(id, key)| html! { <li><a href={format!("#{id}")}>{ ui_text(*key, locale) }</a></li> }) }
                </ol>
            </nav>
            <section aria-labelledby="who">
                <h2 class="ow-heading-m" id="who" tabindex="-1">{ ui_text(UiText::WhoCanApply, locale) }</h2>
                <ul class="ow-list ow-list--bullet">
                    { for g.conditions.iter().map(|c| html! {
                        <li>{ t(&c.text, locale, fallback) }
                            if c.applies_if.is_some() { { " " }<strong class="ow-tag">{ ui_text(UiText::ForSomePeople, locale) }</strong> }
                        </li>
                    }) }
                </ul>
            </section>
            <section aria-labelledby="materials">
                <h2 class="ow-heading-m" id="materials" tabindex="-1">{ ui_text(UiText::WhatYouNeed, locale) }</h2>
                <ul class="ow-materials">{ for everything.materials.iter().map(|m| material_item(m, locale, fallback, true)) }</ul>
                if !everything.shared.is_empty() {
                    <h3 class="ow-heading-s">{ ui_text(UiText::NoNeedToBring, locale) }</h3>
                    <ul class="ow-materials">{ for everything.shared.iter().map(|m| material_item(m, locale, fallback, true)) }</ul>
                }
            </section>
            <section aria-labelledby="steps">
                <h2 class="ow-heading-m" id="steps" tabindex="-1">{ ui_text(UiText::HowToApply, locale) }</h2>
                { steps_list(&everything.steps, locale, fallback, true) }
            </section>
            <section aria-labelledby="time">
                <h2 class="ow-heading-m" id="time" tabindex="-1">{ ui_text(UiText::HowLong, locale) }</h2>
                <dl class="ow-facts">
                    <dt>{ ui_text(UiText::PromisedLimit, locale) }</dt><dd>{ duration_text(tl.promised.value, tl.promised.unit, locale) }</dd>
                    <dt>{ ui_text(UiText::StatutoryLimit, locale) }</dt><dd>{ duration_text(tl.statutory.value, tl.statutory.unit, locale) }</dd>
                    if let Some(n) = &tl.not_counted { <dt>{ ui_text(UiText::NotCounted, locale) }</dt><dd>{ t(n, locale, fallback) }</dd> }
                </dl>
            </section>
            <section aria-labelledby="cost">
                <h2 class="ow-heading-m" id="cost" tabindex="-1">{ ui_text(UiText::Cost, locale) }</h2>
                if g.fees.is_empty() {
                    <p class="ow-body">{ ui_text(UiText::Free, locale) }</p>
                } else {
                    <dl class="ow-facts">
                        { for g.fees.iter().map(|f| html! {
                            <>
                                <dt>{ t(&f.item, locale, fallback) }</dt>
                                <dd>{ t(&f.amount, locale, fallback) }
                                    if let Some(b) = &f.basis { <span class="ow-hint">{ t(b, locale, fallback) }</span> }
                                    if f.online_payment { <span class="ow-hint">{ ui_text(UiText::OnlinePayment, locale) }</span> }
                                </dd>
                            </>
                        }) }
                    </dl>
                }
            </section>
            <section aria-labelledby="result">
                <h2 class="ow-heading-m" id="result" tabindex="-1">{ ui_text(UiText::WhatYouGet, locale) }</h2>
                <p class="ow-body">{ t(&g.result.name, locale, fallback) }</p>
                <ul class="ow-list ow-list--bullet">
                    { for g.result.delivery.iter().map(|d| html! { <li>{ ui_text(match d {
                        ResultDelivery::Counter => UiText::CollectAtCounter,
                        ResultDelivery::Post => UiText::ByPost,
                        ResultDelivery::Electronic => UiText::ElectronicLicence,
                    }, locale) }</li> }) }
                </ul>
            </section>
            <section aria-labelledby="where">
                <h2 class="ow-heading-m" id="where" tabindex="-1">{ ui_text(UiText::WhereToGo, locale) }</h2>
                { places_list(g, locale, fallback) }
            </section>
            <section aria-labelledby="online">
                <h2 class="ow-heading-m" id="online" tabindex="-1">{ ui_text(UiText::OnlineService, locale) }</h2>
                <ul class="ow-list ow-list--bullet">{ for g.online.depth.iter().map(|d| html! { <li>{ online_depth_text(*d, locale) }</li> }) }</ul>
                <dl class="ow-facts">
                    <dt>{ ui_text(UiText::Visits, locale) }</dt>
                    <dd>{ g.online.visits }
                        if let Some(r) = &g.online.visits_reason { <span class="ow-hint">{ t(r, locale, fallback) }</span> }
                    </dd>
                </dl>
            </section>
            <section aria-labelledby="help">
                <h2 class="ow-heading-m" id="help" tabindex="-1">{ ui_text(UiText::GetHelp, locale) }</h2>
                <dl class="ow-facts">{ for g.consultation.iter().map(|c| html! { <><dt>{ t(&c.label, locale, fallback) }</dt><dd>{ &c.value }</dd></> }) }</dl>
                <h3 class="ow-heading-s">{ ui_text(UiText::Complain, locale) }</h3>
                <dl class="ow-facts">{ for g.complaints.iter().map(|c| html! { <><dt>{ t(&c.label, locale, fallback) }</dt><dd>{ &c.value }</dd></> }) }</dl>
            </section>
            <section aria-labelledby="law">
                <h2 class="ow-heading-m" id="law" tabindex="-1">{ ui_text(UiText::LegalBasis, locale) }</h2>
                <p class="ow-body">{ t(&g.item_type, locale, fallback) }{ " · " }{ ui_text(UiText::Department, locale) }{ ": " }{ t(&g.implementing_body, locale, fallback) }</p>
                <ul class="ow-list ow-list--bullet">
                    { for g.legal_basis.iter().map(|l| html! {
                        <li>{ t(&l.title, locale, fallback) }
                            if let Some(n) = &l.number { { " " }{ n } }
                            if let Some(a) = &l.articles { { " " }{ t(a, locale, fallback) } }
                        </li>
                    }) }
                </ul>
            </section>
            if !g.faq.is_empty() {
                <section aria-labelledby="faq">
                    <h2 class="ow-heading-m" id="faq" tabindex="-1">{ ui_text(UiText::CommonQuestions, locale) }</h2>
                    { for g.faq.iter().map(|f| html! {
                        <details class="ow-details">
                            <summary class="ow-details__summary">{ t(&f.question, locale, fallback) }</summary>
                            <div class="ow-details__text">{ md(t(&f.answer, locale, fallback)) }</div>
                        </details>
                    }) }
                </section>
            }
            { actions }
            <section class="ow-rate-link" aria-labelledby="rate">
                <h2 class="ow-heading-m" id="rate">{ rating_text(RatingText::GuideHeading, locale) }</h2>
                <p class="ow-body"><Link href={format!("?service={}&lang={locale}&rate=1&v={}", service.id, g.version)}>{ rating_text(RatingText::GuideBody, locale) }</Link></p>
            </section>
            <Recommendations catalog={catalog.clone()} service={service.id.clone()}
                tailored={everything.also_needed.iter().filter(|a| a.applies_if.is_none()).map(|a| a.service.clone()).collect::<Vec<_>>()}
                locale={props.locale.clone()} />
        </Frame>
    }
}
