//! The form page: one form, from `?form=<id>`. It is its own bundle (`onewindow-form`,
//! `src/form_main.rs`) so that a citizen filling in a form downloads the form journey and
//! nothing of the catalog, guides, search or assistant; the portal (`App`) loads it as a new
//! page rather than rendering it (`routing::Navigator`).

use super::definition_problems::DefinitionProblems;
use super::form_journey::FormJourney;
use crate::host::{Host, DEFAULT_LOCALE};
use crate::io;
use crate::io::load::{CatalogState, Loaded};
use onewindow_engine::{answers_from_pairs, ui_text, Answers, UiText};
use yew::prelude::*;

/// The catalog's address: the confirmation's "you may also need" and the way back to the
/// service's guide come from it.
const CATALOG: &str = "forms/catalog.json";

/// The form page's root.
#[function_component(FormApp)]
pub fn form_app() -> Html {
    io::timing::init_timing();
    let catalog = use_state(|| CatalogState::Loading);
    {
        let catalog = catalog.setter();
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                catalog.set(io::load::catalog(CATALOG).await);
            });
        });
    }
    let id = io::url::query_param("form").unwrap_or_default();
    let key = id.clone();
    html! { <FormRoute {key} {id} catalog={(*catalog).clone()} /> }
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
pub(crate) fn form_route(props: &FormRouteProps) -> Html {
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
                let result =
                    io::load::definition(format!("forms/{id}.json"), overrides, &Host::Page).await;
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
            let locale = requested.unwrap_or_else(|| DEFAULT_LOCALE.into());
            html! { <main class="ow-main" id="main-content"><p class="ow-body" role="status">{ ui_text(UiText::Loading, &locale) }</p></main> }
        }
        Loaded::Failed { source, problems } => {
            let locale = requested.unwrap_or_else(|| DEFAULT_LOCALE.into());
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
