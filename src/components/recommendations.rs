//! Services in a list, and "you may also need".

use super::link::Link;
use crate::routing::Paths;
use crate::shared::Shared;
use onewindow_engine::{ui_text, Catalog, Service, UiText};
use yew::prelude::*;

/// One service in a list: its title (a link to its guide, or its form) and summary.
pub(crate) fn service_item(service: &Service, locale: &str, fallback: &str, paths: &Paths) -> Html {
    let href = match &service.form {
        Some(form) if service.guide.is_none() => paths.form(form, locale),
        _ => paths.service(&service.id, locale),
    };
    html! {
        <li class="ow-service-list__item">
            <Link {href} class="ow-service-list__link">{ service.title.get(locale, fallback) }</Link>
            <p class="ow-service-list__summary">{ service.summary.get(locale, fallback) }</p>
        </li>
    }
}

/// A recommended service with the reason it applies to this person.
fn reason_item(
    service: &Service,
    reason: &str,
    locale: &str,
    fallback: &str,
    paths: &Paths,
) -> Html {
    let href = paths.service(&service.id, locale);
    html! {
        <li class="ow-service-list__item">
            <Link {href} class="ow-service-list__link">{ service.title.get(locale, fallback) }</Link>
            <p class="ow-service-list__summary">{ reason }</p>
        </li>
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
    let paths = crate::routing::use_paths();
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
                    Some((_, reason)) => reason_item(s, reason, locale, fallback, &paths),
                    None => service_item(s, locale, fallback, &paths),
                }) }
            </ul>
        </aside>
    }
}
