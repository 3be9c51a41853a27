//! The service catalog's pages: the home (topics and life events), a topic's services, the
//! frame every catalog page shares, in-app links, and "you may also need".

use super::app::Navigator;
use super::search::{HeaderSearch, SearchBox};
use crate::io;
use crate::shared::Shared;
use onewindow_engine::search::SearchIndex;
use onewindow_engine::{text_direction, ui_text, Catalog, Service, UiText};
use yew::prelude::*;

/// Props for [`Link`].
#[derive(Properties, PartialEq)]
pub struct LinkProps {
    /// Where it goes: a query string of the app (`?service=…`).
    pub href: AttrValue,
    /// CSS classes.
    #[prop_or_default]
    pub class: Classes,
    /// The link's content.
    #[prop_or_default]
    pub children: Html,
}

/// A link inside the app: a real `href` (new tab, copy link, no script) that the app follows
/// without reloading when clicked plainly.
#[function_component(Link)]
pub fn link(props: &LinkProps) -> Html {
    let navigator = use_context::<Navigator>();
    let onclick = {
        let href = props.href.to_string();
        Callback::from(move |event: MouseEvent| {
            let plain = event.button() == 0
                && !event.ctrl_key()
                && !event.meta_key()
                && !event.shift_key()
                && !event.alt_key();
            if let (true, Some(navigator)) = (plain, &navigator) {
                event.prevent_default();
                navigator.go(href.clone());
            }
        })
    };
    html! { <a href={props.href.clone()} class={props.class.clone()} {onclick}>{ props.children.clone() }</a> }
}

/// Props for [`Frame`].
#[derive(Properties, PartialEq)]
pub struct FrameProps {
    /// Interface locale.
    pub locale: AttrValue,
    /// The locales the page can be read in.
    pub locales: Vec<String>,
    /// The page's heading, for the browser tab's title.
    pub title: AttrValue,
    /// A back link: where and its words.
    #[prop_or_default]
    pub back: Option<(AttrValue, AttrValue)>,
    /// The page's content.
    #[prop_or_default]
    pub children: Html,
    /// Whether the header has a search form (not on the home, which has the big one).
    #[prop_or(true)]
    pub search: bool,
}

/// Header (site name, search, languages), main content and footer of a catalog page; sets the title
/// and the document's language.
#[function_component(Frame)]
pub fn frame(props: &FrameProps) -> Html {
    let locale = props.locale.as_str();
    {
        let title = format!("{} – {}", props.title, ui_text(UiText::Services, locale));
        let locale = locale.to_string();
        use_effect_with((title, locale), |(title, locale)| {
            io::dom::set_title(title);
            io::dom::set_document_lang(locale, text_direction(locale));
        });
    }
    let navigator = use_context::<Navigator>();
    let languages = props.locales.iter().filter(|l| l.as_str() != locale).map(|other| {
        let href = io::url::url_with_param("lang", other);
        // The language changes in place: the same page, no new history entry.
        let onclick = {
            let (navigator, href) = (navigator.clone(), href.clone());
            Callback::from(move |event: MouseEvent| {
                if let Some(navigator) = &navigator {
                    event.prevent_default();
                    navigator.replace(href.clone());
                }
            })
        };
        html! {
            <a class="ow-header__language" {href} lang={other.clone()} hreflang={other.clone()} {onclick}>{ locale_name(other) }</a>
        }
    });
    html! {
        <div class="ow-page" lang={props.locale.clone()} dir={text_direction(locale)}>
            <header class="ow-header">
                <div class="ow-width-container ow-header__inner">
                    <Link href={format!("?lang={locale}")} class="ow-header__service">{ ui_text(UiText::Services, locale) }</Link>
                    if props.search { <HeaderSearch locale={props.locale.clone()} /> }
                    <nav class="ow-header__languages" aria-label={ui_text(UiText::Language, locale)}>{ for languages }</nav>
                </div>
            </header>
            <div class="ow-width-container">
                if let Some((href, words)) = &props.back {
                    <Link href={href.clone()} class="ow-back-link">{ words.clone() }</Link>
                }
                <main class="ow-main" id="main-content" tabindex="-1">{ props.children.clone() }</main>
            </div>
            <footer class="ow-footer">
                <div class="ow-width-container">
                    <p class="ow-footer__privacy">{ ui_text(UiText::PrivacyNote, locale) }</p>
                </div>
            </footer>
        </div>
    }
}

/// The language's own name, for the language links.
pub(crate) fn locale_name(locale: &str) -> &str {
    match locale {
        "zh-CN" | "zh" | "zh-Hans" => "中文",
        "en" | "en-GB" => "English",
        other => other,
    }
}

/// One service in a list: its title (a link to its guide, or its form) and summary.
pub(crate) fn service_item(service: &Service, locale: &str, fallback: &str) -> Html {
    let href = if service.guide.is_some() || service.form.is_none() {
        format!("?service={}&lang={locale}", service.id)
    } else {
        format!("?form={}&lang={locale}", service.form.as_deref().unwrap_or_default())
    };
    html! {
        <li class="ow-service-list__item">
            <Link {href} class="ow-service-list__link">{ service.title.get(locale, fallback) }</Link>
            <p class="ow-service-list__summary">{ service.summary.get(locale, fallback) }</p>
        </li>
    }
}

/// A recommended service with the reason it applies to this person.
fn reason_item(service: &Service, reason: &str, locale: &str, fallback: &str) -> Html {
    let href = format!("?service={}&lang={locale}", service.id);
    html! {
        <li class="ow-service-list__item">
            <Link {href} class="ow-service-list__link">{ service.title.get(locale, fallback) }</Link>
            <p class="ow-service-list__summary">{ reason }</p>
        </li>
    }
}

/// Props for [`CatalogHome`].
#[derive(Properties, PartialEq)]
pub struct CatalogProps {
    /// The catalog.
    pub catalog: Shared<Catalog>,
    /// Its search index, once loaded.
    #[prop_or_default]
    pub index: Option<Shared<SearchIndex>>,
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
                        <li><Link href={format!("?topic={}&lang={locale}", event.id)}>{ event.title.get(locale, fallback) }</Link></li>
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
                                { for services.iter().filter(|s| s.category == category.id).map(|s| service_item(s, locale, fallback)) }
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
    let named = catalog.life_events.iter().chain(&catalog.categories).find(|n| n.id == props.topic);
    let heading = named
        .map(|n| n.title.get(locale, fallback).to_string())
        .unwrap_or_else(|| ui_text(UiText::ServiceNotFound, locale).to_string());
    let services = catalog.services_in(&props.topic);
    let back = Some((
        AttrValue::from(format!("?lang={locale}")),
        AttrValue::from(ui_text(UiText::AllServices, locale)),
    ));
    html! {
        <Frame locale={props.locale.clone()} locales={catalog.locales.clone()} title={heading.clone()} {back}>
            <h1 class="ow-heading-xl">{ &heading }</h1>
            <ul class="ow-service-list">{ for services.iter().map(|s| service_item(s, locale, fallback)) }</ul>
        </Frame>
    }
}

/// Props for [`Recommendations`].
#[derive(Properties, PartialEq)]
pub struct RecommendationsProps {
    /// The catalog.
    pub catalog: Shared<Catalog>,
    /// The service the person is looking at or has just applied for.
    pub service: String,
    /// Services the person's answers point to, first.
    #[prop_or_default]
    pub tailored: Vec<String>,
    /// Why, for some of them (service id → the guide's reason, in the locale).
    #[prop_or_default]
    pub reasons: Vec<(String, String)>,
    /// Interface locale.
    pub locale: AttrValue,
}

/// "You may also need": worked out on the device from the catalog, nothing sent anywhere.
#[function_component(Recommendations)]
pub fn recommendations(props: &RecommendationsProps) -> Html {
    let locale = props.locale.as_str();
    let catalog = &props.catalog;
    let fallback = catalog.fallback_locale();
    let tailored: Vec<&str> = props.tailored.iter().map(String::as_str).collect();
    let found = catalog.recommendations(&props.service, &tailored, &[], 5);
    if found.is_empty() {
        return Html::default();
    }
    html! {
        <aside class="ow-related" aria-labelledby="ow-related-heading">
            <h2 class="ow-heading-m" id="ow-related-heading">{ ui_text(UiText::YouMayAlsoNeed, locale) }</h2>
            <ul class="ow-service-list">
                { for found.iter().map(|(s, _)| match props.reasons.iter().find(|(id, _)| *id == s.id) {
                    Some((_, reason)) => reason_item(s, reason, locale, fallback),
                    None => service_item(s, locale, fallback),
                }) }
            </ul>
        </aside>
    }
}
