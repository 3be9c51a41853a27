//! The service catalog's pages: the home (search, topics and life events) and a topic's
//! services.

use super::layout::Frame;
use super::link::Link;
use super::recommendations::service_item;
use super::search::SearchBox;
use crate::routing::use_paths;
use crate::search_index::LiveIndex;
use crate::shared::Shared;
use onewindow_engine::{ui_text, Catalog, UiText};
use yew::prelude::*;

/// Props for [`CatalogHome`].
#[derive(Properties, PartialEq)]
pub struct CatalogProps {
    /// The catalog.
    pub catalog: Shared<Catalog>,
    /// Its search index, once loaded.
    #[prop_or_default]
    pub index: Option<Shared<LiveIndex>>,
    /// What the URL says was searched for (`?q=`).
    #[prop_or_default]
    pub query: String,
    /// Interface locale.
    pub locale: AttrValue,
}

/// The catalog home: every topic with its services, and the life events.
#[function_component(CatalogHome)]
pub fn catalog_home(props: &CatalogProps) -> Html {
    let locale = props.locale.as_str();
    let catalog = &props.catalog;
    let fallback = catalog.fallback_locale();
    let paths = use_paths();
    let heading = ui_text(UiText::FindAService, locale);
    html! {
        <Frame locale={props.locale.clone()} locales={catalog.locales.clone()} title={if props.query.trim().is_empty() { heading.to_string() } else { format!("{} – {heading}", props.query.trim()) }} search={false}>
            <h1 class="ow-heading-xl">{ heading }</h1>
            <p class="ow-body ow-lede">{ ui_text(UiText::CatalogIntro, locale) }</p>
            <SearchBox index={props.index.clone()} query={props.query.clone()} locale={props.locale.clone()} />
            if props.query.trim().is_empty() {
            <section aria-labelledby="ow-life-events">
                <h2 class="ow-heading-m" id="ow-life-events">{ ui_text(UiText::LifeEvents, locale) }</h2>
                <ul class="ow-topic-list">
                    { for catalog.life_events.iter().map(|event| html! {
                        <li><Link href={paths.topic(&event.id, locale)}>{ event.title.get(locale, fallback) }</Link></li>
                    }) }
                </ul>
            </section>
            <section aria-labelledby="ow-topics">
                <h2 class="ow-heading-m" id="ow-topics">{ ui_text(UiText::ServicesByTopic, locale) }</h2>
                { for catalog.categories.iter().map(|category| {
                    let services = catalog.services_in(&category.id);
                    let id = format!("ow-topic-{}", category.id);
                    html! {
                        <section class="ow-topic" aria-labelledby={id.clone()}>
                            <h3 class="ow-heading-s" {id}>{ category.title.get(locale, fallback) }</h3>
                            <ul class="ow-service-list">
                                { for services.iter().filter(|s| s.category == category.id).map(|s| service_item(s, locale, fallback, &paths)) }
                            </ul>
                        </section>
                    }
                }) }
            </section>
            }
        </Frame>
    }
}

/// Props for [`TopicPage`].
#[derive(Properties, PartialEq)]
pub struct TopicProps {
    /// The catalog.
    pub catalog: Shared<Catalog>,
    /// A category or life event id.
    pub topic: String,
    /// Interface locale.
    pub locale: AttrValue,
}

/// The services of one category or life event.
#[function_component(TopicPage)]
pub fn topic_page(props: &TopicProps) -> Html {
    let locale = props.locale.as_str();
    let catalog = &props.catalog;
    let fallback = catalog.fallback_locale();
    let paths = use_paths();
    let named = catalog.life_events.iter().chain(&catalog.categories).find(|n| n.id == props.topic);
    let heading = named
        .map(|n| n.title.get(locale, fallback).to_string())
        .unwrap_or_else(|| ui_text(UiText::ServiceNotFound, locale).to_string());
    let services = catalog.services_in(&props.topic);
    let back = Some((
        AttrValue::from(paths.home(locale)),
        AttrValue::from(ui_text(UiText::AllServices, locale)),
    ));
    html! {
        <Frame locale={props.locale.clone()} locales={catalog.locales.clone()} title={heading.clone()} {back}>
            <h1 class="ow-heading-xl">{ &heading }</h1>
            <ul class="ow-service-list">{ for services.iter().map(|s| service_item(s, locale, fallback, &paths)) }</ul>
        </Frame>
    }
}
