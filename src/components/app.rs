//! The root: follows the URL (`crate::routing`) to the catalog, a topic, a guide, an assistant
//! or a form.

use super::after_sent::AfterSent;
use super::definition_problems::DefinitionProblems;
use super::form_page::FormRoute;
use super::guide_page::ServicePage;
use super::rating::RatingPage;
use super::services::{CatalogHome, TopicPage};
use crate::host::DEFAULT_LOCALE;
use crate::io;
use crate::io::load::CatalogState;
use crate::routing::{use_location, Navigator, Route};
use crate::search_index::LiveIndex;
use crate::shared::Shared;
use onewindow_engine::{ui_text, UiText};
use yew::prelude::*;

/// The catalog's address.
const CATALOG: &str = "forms/catalog.json";
/// Its search index, built by `onewindow index`.
const SEARCH_INDEX: &str = "forms/catalog.index";

/// The app root: follows the URL.
#[function_component(App)]
pub fn app() -> Html {
    io::timing::init_timing();
    let (location, navigator) = use_location();
    let catalog = use_state(|| CatalogState::Loading);
    let index = use_state(|| None::<Shared<LiveIndex>>);
    {
        let (catalog, index) = (catalog.setter(), index.setter());
        use_effect_with((), move |_| {
            // Ratings kept on this device go now and when the browser is back online.
            io::ratings::start();
            wasm_bindgen_futures::spawn_local(async move {
                let state = io::load::catalog(CATALOG).await;
                let ready = match &state {
                    CatalogState::Ready(c) => Some(c.clone()),
                    _ => None,
                };
                catalog.set(state);
                if let Some(catalog) = ready {
                    let loaded = io::load::search_index(&catalog, SEARCH_INDEX).await;
                    index.set(Some(Shared::new(loaded)));
                }
            });
        });
    }
    let route = Route::current();
    let requested = io::url::query_param("lang");
    let body = match route {
        Route::Form(id) => {
            // Without the form page's own bundle (a plain `trunk build`), the portal shows
            // forms too, with what follows a sent application rendered here.
            let guide = match &*catalog {
                CatalogState::Ready(c) => c
                    .service_with_form(&id)
                    .filter(|s| s.guide.is_some())
                    .map(|s| AttrValue::from(s.id.clone())),
                _ => None,
            };
            let catalog_keep_days = match &*catalog {
                CatalogState::Ready(c) => Some(c.keep_on_device_days),
                CatalogState::Failed(_) => Some(None),
                CatalogState::Loading => None,
            };
            let state = (*catalog).clone();
            let after_sent = Callback::from(move |application| {
                html! { <AfterSent {application} catalog={state.clone()} /> }
            });
            html! { <FormRoute key={id.as_str()} id={id.clone()} {guide} {catalog_keep_days} {after_sent} /> }
        }
        other => {
            let locale = match &*catalog {
                CatalogState::Ready(c) => requested
                    .filter(|l| c.locales.contains(l))
                    .unwrap_or_else(|| c.fallback_locale().to_string()),
                _ => requested.unwrap_or_else(|| DEFAULT_LOCALE.into()),
            };
            match &*catalog {
                CatalogState::Loading => {
                    html! { <main class="ow-main" id="main-content"><p class="ow-body" role="status">{ ui_text(UiText::Loading, &locale) }</p></main> }
                }
                CatalogState::Failed(problems) => {
                    html! { <DefinitionProblems source={CATALOG} problems={problems.clone()} locale={locale.clone()} /> }
                }
                CatalogState::Ready(catalog) => {
                    let locale = AttrValue::from(locale);
                    match other {
                        Route::Home(query) => {
                            html! { <CatalogHome catalog={catalog.clone()} index={(*index).clone()} {query} {locale} /> }
                        }
                        Route::Topic(topic) => {
                            html! { <TopicPage catalog={catalog.clone()} {topic} {locale} /> }
                        }
                        Route::Service(id) => {
                            html! { <ServicePage key={id.as_str()} catalog={catalog.clone()} id={id.clone()} {locale} check={false} location={location.clone()} /> }
                        }
                        Route::Check(id) => {
                            html! { <ServicePage key={id.as_str()} catalog={catalog.clone()} id={id.clone()} {locale} check={true} location={location.clone()} /> }
                        }
                        Route::Rate(id) => {
                            html! { <RatingPage catalog={catalog.clone()} service={id.clone()} {locale} /> }
                        }
                        Route::Form(_) => Html::default(),
                    }
                }
            }
        }
    };
    html! { <ContextProvider<Navigator> context={navigator}>{ body }</ContextProvider<Navigator>> }
}
