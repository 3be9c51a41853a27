//! The root: follows the URL to the catalog, a topic, a guide, an assistant or a form, and
//! moves between them without reloading (`Navigator`).

use super::definition_problems::DefinitionProblems;
use super::form_journey::FormJourney;
use super::guide_page::ServicePage;
use super::search::load_index;
use super::services::{CatalogHome, TopicPage};
use crate::host::Host;
use crate::io;
use crate::shared::Shared;
use onewindow_engine::search::SearchIndex;
use onewindow_engine::{
    answers_from_pairs, load_catalog, load_form, ui_text, Answers, Catalog, Diagnostic, FormModel,
    UiText,
};
use yew::prelude::*;

/// A definition being fetched, ready, or unusable.
#[derive(Clone)]
pub(crate) enum Loaded {
    Loading,
    /// The definition could not be fetched or has errors: say so rather than show a blank page.
    Failed {
        source: String,
        problems: Vec<Diagnostic>,
    },
    Ready(Shared<FormModel>),
}

/// Submission overrides from the host: where they were given (for the error) and their JSON.
pub(crate) type Overrides = (String, Result<serde_json::Value, String>);

/// Fetches and loads the definition at `source`, lays the host's `overrides` over its
/// submission settings, and fetches the reference lists it needs from where `host` keeps them.
pub(crate) async fn load(source: String, overrides: Option<Overrides>, host: &Host) -> Loaded {
    let json = match io::fetch::fetch_text(&source).await {
        Err(message) => {
            return Loaded::Failed { source, problems: vec![Diagnostic::error("", message)] }
        }
        Ok(json) => json,
    };
    let mut model = match load_form(&json, io::clock::today()) {
        (Some(model), problems) if !problems.iter().any(Diagnostic::is_error) => model,
        (_, problems) => return Loaded::Failed { source, problems },
    };
    if let Some((at, overrides)) = overrides {
        match overrides.and_then(|o| model.form().submission_settings().with_overrides(&o)) {
            Ok(settings) => model.set_submission(settings),
            Err(message) => {
                return Loaded::Failed {
                    source: at,
                    problems: vec![Diagnostic::error("", message)],
                }
            }
        }
    }
    // Reference lists are needed to check and show coded answers (ethnic group "01" is
    // 汉族 / Han); they are small and cached.
    let mut failed = Vec::new();
    for name in model.lists_needed() {
        match io::fetch::fetch_json::<onewindow_engine::ReferenceList>(&host.list_url(&name)).await
        {
            Ok(list) => model.provide_list(&name, list.options),
            Err(message) => failed.push(Diagnostic::error("", message)),
        }
    }
    if failed.is_empty() {
        Loaded::Ready(Shared::new(model))
    } else {
        Loaded::Failed { source, problems: failed }
    }
}

/// What the URL asks for.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Route {
    /// The catalog home: search, topics and life events (`?q=` what was searched for).
    Home(String),
    /// The services of one category or life event (`?topic=`).
    Topic(String),
    /// A service's guide (`?service=`).
    Service(String),
    /// A service's assistant (`?service=…&check=<page>`; answers in the fragment).
    Check(String),
    /// A form (`?form=`).
    Form(String),
    /// Rating a service (`?service=…&rate=1`, with `&case=` when a case is rated).
    Rate(String),
}

impl Route {
    fn current() -> Route {
        if let Some(form) = io::url::query_param("form") {
            Route::Form(form)
        } else if let Some(service) = io::url::query_param("service") {
            if io::url::query_param("rate").is_some() {
                Route::Rate(service)
            } else if io::url::query_param("check").is_some() {
                Route::Check(service)
            } else {
                Route::Service(service)
            }
        } else if let Some(topic) = io::url::query_param("topic") {
            Route::Topic(topic)
        } else {
            Route::Home(io::url::query_param("q").unwrap_or_default())
        }
    }
}

/// Moves to another page of the app without reloading it: pushes the URL (a history entry,
/// so the back button works) and renders what it names.
#[derive(Clone, PartialEq)]
pub(crate) struct Navigator(pub Callback<(String, bool)>);

impl Navigator {
    /// Goes to `href` as a new history entry.
    pub fn go(&self, href: impl Into<String>) {
        self.0.emit((href.into(), false));
    }

    /// Replaces the current history entry with `href` (same page, state kept in the URL).
    pub fn replace(&self, href: impl Into<String>) {
        self.0.emit((href.into(), true));
    }
}

/// The catalog, fetched once for every page that lists services.
#[derive(Clone, PartialEq)]
pub(crate) enum CatalogState {
    Loading,
    Failed(Vec<Diagnostic>),
    Ready(Shared<Catalog>),
}

/// The catalog's address.
pub(crate) const CATALOG: &str = "forms/catalog.json";
/// Its search index, built by `onewindow index`.
const SEARCH_INDEX: &str = "forms/catalog.index";

/// The app root: follows the URL.
#[function_component(App)]
pub fn app() -> Html {
    io::timing::init_timing();
    let location = use_state(io::url::location_key);
    let catalog = use_state(|| CatalogState::Loading);
    let index = use_state(|| None::<Shared<SearchIndex>>);
    {
        let location = location.setter();
        use_effect_with((), move |_| {
            let listener =
                io::url::on_history_change(move || location.set(io::url::location_key()));
            move || drop(listener)
        });
    }
    {
        let (catalog, index) = (catalog.setter(), index.setter());
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                let state = match io::fetch::fetch_text(CATALOG).await {
                    Err(message) => CatalogState::Failed(vec![Diagnostic::error("", message)]),
                    Ok(json) => match load_catalog(&json) {
                        (Some(catalog), problems) if !problems.iter().any(Diagnostic::is_error) => {
                            CatalogState::Ready(Shared::new(catalog))
                        }
                        (_, problems) => CatalogState::Failed(problems),
                    },
                };
                let ready = match &state {
                    CatalogState::Ready(c) => Some(c.clone()),
                    _ => None,
                };
                catalog.set(state);
                if let Some(catalog) = ready {
                    index.set(Some(Shared::new(load_index(&catalog, SEARCH_INDEX).await)));
                }
            });
        });
    }
    let navigator = {
        let location = location.setter();
        Navigator(Callback::from(move |(href, replace): (String, bool)| {
            io::url::go_to(&href, replace);
            location.set(io::url::location_key());
            if !replace {
                io::dom::arrived();
            }
        }))
    };
    let route = Route::current();
    let requested = io::url::query_param("lang");
    let body = match route {
        Route::Form(id) => {
            html! { <FormRoute key={id.as_str()} id={id.clone()} catalog={(*catalog).clone()} /> }
        }
        other => {
            let locale = match &*catalog {
                CatalogState::Ready(c) => {
                    requested.filter(|l| c.locales.contains(l)).unwrap_or_else(|| {
                        c.locales.first().cloned().unwrap_or_else(|| "zh-CN".into())
                    })
                }
                _ => requested.unwrap_or_else(|| "zh-CN".into()),
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
                            html! { <ServicePage key={id.as_str()} catalog={catalog.clone()} id={id.clone()} {locale} check={false} location={(*location).clone()} /> }
                        }
                        Route::Check(id) => {
                            html! { <ServicePage key={id.as_str()} catalog={catalog.clone()} id={id.clone()} {locale} check={true} location={(*location).clone()} /> }
                        }
                        Route::Rate(id) => {
                            html! { <super::rating::RatingPage catalog={catalog.clone()} service={id.clone()} {locale} /> }
                        }
                        Route::Form(_) => Html::default(),
                    }
                }
            }
        }
    };
    html! { <ContextProvider<Navigator> context={navigator}>{ body }</ContextProvider<Navigator>> }
}

/// Props for [`FormRoute`].
#[derive(Properties, PartialEq)]
pub(crate) struct FormRouteProps {
    pub id: String,
    pub catalog: CatalogState,
}

/// One form, loaded from `forms/<id>.json`. Answers handed over by an assistant arrive in the
/// URL's fragment; they are read once and the fragment cleared.
#[function_component(FormRoute)]
fn form_route(props: &FormRouteProps) -> Html {
    let loaded = use_state(|| Loaded::Loading);
    let handed = use_state(|| None::<Answers>);
    {
        let (loaded, handed) = (loaded.clone(), handed.clone());
        let id = props.id.clone();
        use_effect_with((), move |_| {
            // A site serving the app may say where applications go (a meta element).
            let overrides = io::dom::host_submission_overrides().map(|text| {
                (
                    "meta[name=onewindow-submission]".to_string(),
                    serde_json::from_str(&text).map_err(|e| e.to_string()),
                )
            });
            let pairs = io::url::hash_pairs();
            io::url::clear_hash();
            wasm_bindgen_futures::spawn_local(async move {
                let result = load(format!("forms/{id}.json"), overrides, &Host::Page).await;
                if let Loaded::Ready(model) = &result {
                    io::offline::keep_for_offline();
                    if !pairs.is_empty() {
                        handed.set(Some(answers_from_pairs(model, &pairs)));
                    }
                }
                loaded.set(result);
            });
        });
    }
    let requested = io::url::query_param("lang");
    match &*loaded {
        Loaded::Loading => {
            let locale = requested.unwrap_or_else(|| "zh-CN".into());
            html! { <main class="ow-main" id="main-content"><p class="ow-body" role="status">{ ui_text(UiText::Loading, &locale) }</p></main> }
        }
        Loaded::Failed { source, problems } => {
            let locale = requested.unwrap_or_else(|| "zh-CN".into());
            html! { <DefinitionProblems source={source.clone()} problems={problems.clone()} {locale} /> }
        }
        Loaded::Ready(model) => {
            let form = model.form();
            let locale = requested
                .filter(|l| form.locales.contains(l))
                .unwrap_or_else(|| form.fallback_locale().to_string());
            let draft = io::drafts::load_draft(&form.id, &form.version);
            let remembered = io::remembered::load_remembered();
            let catalog = match &props.catalog {
                CatalogState::Ready(c) => Some(c.clone()),
                _ => None,
            };
            html! { <FormJourney model={model.clone()} locale={AttrValue::from(locale)} {draft} {remembered} handed={(*handed).clone()} {catalog} /> }
        }
    }
}
