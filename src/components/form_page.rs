//! The form page: one form, from `?form=<id>`. It is its own bundle (`onewindow-form`,
//! `src/form_main.rs`) so that a citizen filling in a form downloads the form journey and
//! nothing of the catalog, guides, search, assistant or rating; the portal (`App`) loads it as
//! a new page rather than rendering it (`routing::Navigator`). Once an application is sent,
//! [`OnDemandExtras`] loads the `onewindow-extras` module for the rating form and "you may
//! also need" (`components::after_sent`).

use super::definition_problems::DefinitionProblems;
use super::form_journey::FormJourney;
use crate::host::{Host, SentApplication, DEFAULT_LOCALE};
use crate::io;
use crate::io::load::{FormPageFacts, Loaded};
use onewindow_engine::{answers_from_pairs, ui_text, Answers, UiText};
use yew::prelude::*;

/// The form page's root.
#[function_component(FormApp)]
pub fn form_app() -> Html {
    io::timing::init_timing();
    let id = io::url::query_param("form").unwrap_or_default();
    // What the page needs of the catalog (the way back to the service's guide, how long the
    // device keeps a draft), from the small file the static site's build writes, not from
    // the whole catalog.
    let facts = use_state(|| None::<FormPageFacts>);
    {
        let facts = facts.setter();
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                facts.set(Some(io::load::form_page_facts().await));
            });
            // Ratings kept on this device are sent by the extras module, loaded only then.
            if io::ratings::waiting() {
                io::bundles::load_extras();
            }
        });
    }
    let guide = facts.as_ref().and_then(|f| f.guides.get(&id)).map(|s| AttrValue::from(s.clone()));
    let catalog_keep_days = facts.as_ref().map(|f| f.keep_on_device_days);
    let after_sent = Callback::from(|application| html! { <OnDemandExtras {application} /> });
    let key = id.clone();
    html! { <FormRoute {key} {id} {guide} {catalog_keep_days} {after_sent} /> }
}

/// Props for [`OnDemandExtras`].
#[derive(Properties, PartialEq)]
pub(crate) struct ExtrasProps {
    pub application: SentApplication,
}

/// Where the `onewindow-extras` module shows the rating form and "you may also need": an
/// element of its own, which this app never renders into (Yew leaves a node given as a
/// reference alone), carrying the application in data attributes. The module is loaded when
/// this first renders, that is once an application is sent.
#[function_component(OnDemandExtras)]
fn on_demand_extras(props: &ExtrasProps) -> Html {
    let application = &props.application;
    let element = use_memo(application.clone(), io::bundles::extras_element);
    use_effect_with(element.clone(), |_| io::bundles::load_extras());
    match &*element {
        Some(element) => Html::VRef(element.clone().into()),
        None => Html::default(),
    }
}

/// Props for [`FormRoute`].
#[derive(Properties, PartialEq)]
pub(crate) struct FormRouteProps {
    pub id: String,
    /// The catalog's id of the service whose guide the start page links back to.
    #[prop_or_default]
    pub guide: Option<AttrValue>,
    /// The catalog's `keep_on_device_days` (`Some(None)`: it does not say), or None while it is
    /// on its way: the draft waits for it, since an expired one is deleted, not offered.
    pub catalog_keep_days: Option<Option<u32>>,
    /// What follows an application once sent (see `FormJourney`).
    pub after_sent: Callback<SentApplication, Html>,
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
    match (&*loaded, props.catalog_keep_days) {
        (Loaded::Failed { source, problems }, _) => {
            let locale = requested.unwrap_or_else(|| DEFAULT_LOCALE.into());
            html! { <DefinitionProblems source={source.clone()} problems={problems.clone()} {locale} /> }
        }
        (Loaded::Ready(model), Some(catalog_days)) => {
            let form = model.form();
            let locale = requested
                .filter(|l| form.locales.contains(l))
                .unwrap_or_else(|| form.fallback_locale().to_string());
            let days = form.keep_on_device_days_within(catalog_days);
            let draft = io::drafts::load_draft(&form.id, &form.version, days);
            let remembered = io::remembered::load_remembered(days);
            // Served from the device's copy while offline: it may not be the form as published.
            let offline_copy = io::offline::is_offline_copy(&format!("forms/{}.json", props.id));
            html! {
                <FormJourney model={model.clone()} locale={AttrValue::from(locale)} {draft} {remembered} {offline_copy}
                    handed={(*handed).clone()} guide={props.guide.clone()} after_sent={props.after_sent.clone()} />
            }
        }
        _ => {
            let locale = requested.unwrap_or_else(|| DEFAULT_LOCALE.into());
            html! { <main class="ow-main" id="main-content"><p class="ow-body" role="status">{ ui_text(UiText::Loading, &locale) }</p></main> }
        }
    }
}
