//! The static site: the catalog home, every topic and every guide rendered to HTML ahead, in
//! every locale of the catalog, by the same components the app renders in the browser
//! (Yew's server renderer). A phone on a slow network reads them before any WebAssembly, a
//! search engine or a link preview reads them at all, and they print.
//!
//! The pages link to each other by path (`/en/services/residence-permit/`, [`Paths::Site`]);
//! what only the app can show (search results as you type, the assistant, forms, rating) is a
//! query of the app's page at the site's root, as before. Rendering is pure: the caller (the
//! CLI's `onewindow site`) reads the definitions and writes the files.

mod document;
mod sitemap;

use crate::components::guide_page::{GuideProps, GuideView};
use crate::components::services::{CatalogHome, TopicPage};
use crate::io::load::{Bundle, FormPageFacts, FORM_PAGE};
use crate::routing::{Paths, SitePage};
use crate::shared::Shared;
use document::Head;
use onewindow_engine::{
    government_service, json_for_script, summary_of_names, text_direction, ui_text, Catalog,
    FormModel, GuideModel, UiText,
};
use std::collections::BTreeMap;
use yew::prelude::*;

/// What the pages need to know about where they are served.
#[derive(Clone, Debug)]
pub struct SiteOptions {
    /// The site's absolute address, ending in `/` (`https://services.example.gov.cn/`):
    /// canonical links, `hreflang` alternates and the sitemap must be absolute. Its path is
    /// the root every page's path starts from.
    pub site_url: String,
    /// The stylesheet's file name under the root (trunk's hashed `style-….css`).
    pub stylesheet: String,
}

/// A service's guide, compiled, with its assistant when it has one.
pub struct GuideInput {
    /// The guide.
    pub guide: GuideModel,
    /// Its assistant form.
    pub assistant: Option<FormModel>,
}

/// One file of the site.
#[derive(Clone, Debug, PartialEq)]
pub struct SiteFile {
    /// Its path under the root, with `/` separators (`en/services/passport/index.html`).
    pub path: String,
    /// Its content.
    pub content: String,
}

/// Every page of the site for `catalog` (lint-clean: its ids and locales are safe in paths),
/// with `guides` by service id, plus `sitemap.xml`, `robots.txt` and the form page's facts (`io::load::FORM_PAGE`). Fails only when no
/// renderer could be started.
pub fn build(
    catalog: &Catalog,
    guides: BTreeMap<String, GuideInput>,
    options: &SiteOptions,
) -> Result<Vec<SiteFile>, String> {
    let site_url = if options.site_url.ends_with('/') {
        options.site_url.clone()
    } else {
        format!("{}/", options.site_url)
    };
    let root = root_path(&site_url);
    // Scheme and host: a root-relative href (what `Paths` writes) made absolute.
    let origin = site_url.get(..site_url.len() - root.len()).unwrap_or_default().to_string();
    let catalog = Shared::new(catalog.clone());
    let bundles: BTreeMap<String, Bundle> = guides
        .into_iter()
        .map(|(id, input)| {
            let bundle = Bundle {
                guide: Some(Shared::new(input.guide)),
                assistant: input.assistant.map(Shared::new),
            };
            (id, bundle)
        })
        .collect();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .map_err(|e| format!("could not start the renderer: {e}"))?;
    let mut pages = vec![SitePage::Home];
    pages.extend(
        catalog
            .life_events
            .iter()
            .chain(&catalog.categories)
            .map(|t| SitePage::Topic(t.id.clone())),
    );
    pages.extend(catalog.services.iter().map(|s| SitePage::Service(s.id.clone())));
    let mut files = Vec::new();
    for locale in &catalog.locales {
        for page in &pages {
            let paths = Paths::Site { root: AttrValue::from(root.clone()), page: page.clone() };
            let (content, head) = page_content(&catalog, &bundles, page, locale, &paths, &origin);
            let props = StaticProps { paths, content };
            let body = tokio::task::LocalSet::new().block_on(
                &runtime,
                yew::LocalServerRenderer::<Static>::with_props(props).hydratable(false).render(),
            );
            let head = Head {
                locale,
                direction: text_direction(locale),
                title: &head.title,
                description: &head.description,
                canonical: &format!("{site_url}{}", page.path(locale)),
                alternates: catalog
                    .locales
                    .iter()
                    .map(|l| (l.as_str(), format!("{site_url}{}", page.path(l))))
                    .collect(),
                default: format!("{site_url}{}", page.path(catalog.fallback_locale())),
                stylesheet: &format!("{root}{}", options.stylesheet),
                structured: head.structured.as_deref(),
            };
            files.push(SiteFile {
                path: format!("{}index.html", page.path(locale)),
                content: document::page(&head, &body),
            });
        }
    }
    let urls: Vec<Vec<(String, String)>> = pages
        .iter()
        .map(|page| {
            catalog
                .locales
                .iter()
                .map(|l| (l.clone(), format!("{site_url}{}", page.path(l))))
                .collect()
        })
        .collect();
    files.push(SiteFile { path: "sitemap.xml".into(), content: sitemap::sitemap(&urls) });
    files.push(SiteFile { path: "robots.txt".into(), content: sitemap::robots(&site_url) });
    let facts = serde_json::to_string(&FormPageFacts::of(&catalog)).unwrap_or_else(|_| "{}".into());
    files.push(SiteFile { path: FORM_PAGE.into(), content: facts });
    Ok(files)
}

/// The path part of an absolute URL, ending in `/` (`https://x.cn/a/` → `/a/`).
fn root_path(site_url: &str) -> String {
    let after_scheme = site_url.split_once("://").map_or(site_url, |(_, rest)| rest);
    after_scheme.find('/').and_then(|at| after_scheme.get(at..)).unwrap_or("/").to_string()
}

/// What the document's head says of a page.
struct PageHead {
    title: String,
    description: String,
    structured: Option<String>,
}

/// A page's component and its head.
fn page_content(
    catalog: &Shared<Catalog>,
    bundles: &BTreeMap<String, Bundle>,
    page: &SitePage,
    locale: &str,
    paths: &Paths,
    origin: &str,
) -> (Html, PageHead) {
    let fallback = catalog.fallback_locale();
    let services = ui_text(UiText::Services, locale);
    let locale_attr = AttrValue::from(locale.to_string());
    match page {
        SitePage::Home => {
            let heading = ui_text(UiText::FindAService, locale);
            let head = PageHead {
                title: format!("{heading} – {services}"),
                description: ui_text(UiText::CatalogIntro, locale).to_string(),
                structured: None,
            };
            (html! { <CatalogHome catalog={catalog.clone()} locale={locale_attr} /> }, head)
        }
        SitePage::Topic(id) => {
            let named = catalog.life_events.iter().chain(&catalog.categories).find(|n| &n.id == id);
            let heading = named.map(|n| n.title.get(locale, fallback)).unwrap_or_default();
            let titles: Vec<&str> =
                catalog.services_in(id).iter().map(|s| s.title.get(locale, fallback)).collect();
            let head = PageHead {
                title: format!("{heading} – {services}"),
                description: summary_of_names(heading, &titles, 150, locale),
                structured: None,
            };
            (
                html! { <TopicPage catalog={catalog.clone()} topic={id.clone()} locale={locale_attr} /> },
                head,
            )
        }
        SitePage::Service(id) => {
            let service = catalog.service(id).cloned();
            let Some(service) = service else {
                return (
                    Html::default(),
                    PageHead {
                        title: services.into(),
                        description: String::new(),
                        structured: None,
                    },
                );
            };
            let bundle =
                bundles.get(id).cloned().unwrap_or(Bundle { guide: None, assistant: None });
            let url = format!("{origin}{}", paths.this_page_in(locale));
            let apply =
                service.form.as_ref().map(|form| format!("{origin}{}", paths.form(form, locale)));
            let structured = government_service(
                catalog,
                &service,
                bundle.guide.as_ref().map(|g| g.guide()),
                locale,
                &url,
                apply.as_deref(),
            );
            let head = PageHead {
                title: format!("{} – {services}", service.title.get(locale, fallback)),
                description: service.summary.get(locale, fallback).to_string(),
                structured: Some(json_for_script(&structured)),
            };
            let props =
                GuideProps { catalog: catalog.clone(), service, bundle, locale: locale_attr };
            (html! { <GuideView ..props /> }, head)
        }
    }
}

/// Props for [`Static`].
#[derive(Properties, PartialEq)]
struct StaticProps {
    paths: Paths,
    content: Html,
}

/// A static page: its content, writing its links as the site's paths.
#[function_component(Static)]
fn static_page(props: &StaticProps) -> Html {
    html! { <ContextProvider<Paths> context={props.paths.clone()}>{ props.content.clone() }</ContextProvider<Paths>> }
}
