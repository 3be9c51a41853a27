//! A service's guide (办事指南) in step-by-step style, or its assistant, once both are loaded
//! (`io::load::guide`).

use super::assistant::AssistantView;
use super::definition_problems::DefinitionProblems;
use super::guide_parts::{material_item, md, places_list, steps_list, t};
use super::layout::Frame;
use super::link::Link;
use super::recommendations::Recommendations;
use crate::io;
use crate::io::load::{Bundle, GuideLoad};
use crate::routing::use_paths;
use crate::shared::Shared;
use onewindow_engine::analytics::{rating_text, RatingText};
use onewindow_engine::{
    duration_text, online_depth_text, renewal_text, ui_text, Catalog, Checklist, ResultDelivery,
    Service, UiText,
};
use yew::prelude::*;

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
                    let result = io::load::guide(&service).await;
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
    let paths = use_paths();
    let Some(service) = service else {
        let heading = ui_text(UiText::ServiceNotFound, locale);
        let back = Some((
            AttrValue::from(paths.home(locale)),
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

/// Props for [`GuideView`].
#[derive(Properties, PartialEq)]
pub(crate) struct GuideProps {
    pub catalog: Shared<Catalog>,
    pub service: Service,
    pub bundle: Bundle,
    pub locale: AttrValue,
}

/// The guide, untailored: everything, with "only in some cases" where the assistant decides.
/// It is also the static site's guide page (`crate::site`), so it reads nothing but its props
/// and context while rendering.
#[function_component(GuideView)]
pub(crate) fn guide_view(props: &GuideProps) -> Html {
    let locale = props.locale.as_str();
    let service = &props.service;
    let catalog = &props.catalog;
    let fallback = catalog.fallback_locale();
    let paths = use_paths();
    let title = t(&service.title, locale, fallback).to_string();
    let back = Some((
        AttrValue::from(paths.home(locale)),
        AttrValue::from(ui_text(UiText::AllServices, locale)),
    ));
    let actions = html! {
        <div class="ow-button-group">
            if props.bundle.assistant.is_some() {
                <Link href={paths.check(&service.id, locale)} class="ow-button ow-button--start">{ ui_text(UiText::CheckIfYouCanApply, locale) }</Link>
            }
            if let Some(form) = &service.form {
                <Link href={paths.form(form, locale)} class={classes!("ow-button", props.bundle.assistant.is_some().then_some("ow-button--secondary"))}>{ ui_text(UiText::ApplyOnline, locale) }</Link>
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
    let everything: Checklist<'_> = guide_model.checklist(None);
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
                { steps_list(&everything.steps, locale, fallback, true, &catalog.image_hosts) }
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
                if g.result.valid_for.is_some() || g.result.renew_before_expiry.is_some() {
                    <dl class="ow-facts">
                        if let Some(v) = &g.result.valid_for {
                            <dt>{ ui_text(UiText::ValidFor, locale) }</dt><dd>{ duration_text(v.value, v.unit, locale) }</dd>
                        }
                        if let Some(r) = &g.result.renew_before_expiry {
                            <dt>{ ui_text(UiText::Renewal, locale) }</dt><dd>{ renewal_text(r.value, r.unit, locale) }</dd>
                        }
                    </dl>
                }
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
                            <div class="ow-details__text">{ md(t(&f.answer, locale, fallback), &catalog.image_hosts) }</div>
                        </details>
                    }) }
                </section>
            }
            { actions }
            <section class="ow-rate-link" aria-labelledby="rate">
                <h2 class="ow-heading-m" id="rate">{ rating_text(RatingText::GuideHeading, locale) }</h2>
                <p class="ow-body"><Link href={paths.rate(&service.id, locale, &g.version)}>{ rating_text(RatingText::GuideBody, locale) }</Link></p>
            </section>
            <Recommendations catalog={catalog.clone()} service={service.id.clone()}
                tailored={everything.also_needed.iter().filter(|a| a.applies_if.is_none()).map(|a| a.service.clone()).collect::<Vec<_>>()}
                locale={props.locale.clone()} />
        </Frame>
    }
}
