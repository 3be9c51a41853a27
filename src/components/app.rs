//! The root: loads the definition named in the URL and hands it to the journey.

use super::definition_problems::DefinitionProblems;
use super::form_journey::FormJourney;
use crate::host::Host;
use crate::io;
use onewindow_engine::{load_form, ui_text, Diagnostic, FormModel, UiText};
use std::rc::Rc;
use yew::prelude::*;

/// The form shown when the URL names none.
const DEFAULT_FORM: &str = "residence-permit";

/// A definition being fetched, ready, or unusable.
#[derive(Clone)]
pub(crate) enum Loaded {
    Loading,
    /// The definition could not be fetched or has errors: say so rather than show a blank page.
    Failed { source: String, problems: Vec<Diagnostic> },
    Ready(Rc<FormModel>),
}

/// Submission overrides from the host: where they were given (for the error) and their JSON.
pub(crate) type Overrides = (String, Result<serde_json::Value, String>);

/// Fetches and loads the definition at `source`, lays the host's `overrides` over its
/// submission settings, and fetches the reference lists it needs from where `host` keeps them.
pub(crate) async fn load(source: String, overrides: Option<Overrides>, host: &Host) -> Loaded {
    let json = match io::fetch_text(&source).await {
        Err(message) => return Loaded::Failed { source, problems: vec![Diagnostic::error("", message)] },
        Ok(json) => json,
    };
    let mut model = match load_form(&json, io::today()) {
        (Some(model), problems) if !problems.iter().any(Diagnostic::is_error) => model,
        (_, problems) => return Loaded::Failed { source, problems },
    };
    if let Some((at, overrides)) = overrides {
        match overrides.and_then(|o| model.form().submission_settings().with_overrides(&o)) {
            Ok(settings) => model.set_submission(settings),
            Err(message) => return Loaded::Failed { source: at, problems: vec![Diagnostic::error("", message)] },
        }
    }
    // Reference lists are needed to check and show coded answers (ethnic group "01" is
    // 汉族 / Han); they are small and cached.
    let mut failed = Vec::new();
    for name in model.lists_needed() {
        match io::fetch_json::<onewindow_engine::ReferenceList>(&host.list_url(&name)).await {
            Ok(list) => model.provide_list(&name, list.options),
            Err(message) => failed.push(Diagnostic::error("", message)),
        }
    }
    if failed.is_empty() {
        Loaded::Ready(Rc::new(model))
    } else {
        Loaded::Failed { source, problems: failed }
    }
}

/// The app root.
#[function_component(App)]
pub fn app() -> Html {
    io::init_timing();
    let loaded = use_state(|| Loaded::Loading);
    {
        let loaded = loaded.clone();
        use_effect_with((), move |_| {
            let id = io::query_param("form").unwrap_or_else(|| DEFAULT_FORM.to_string());
            // A site serving the app may say where applications go (a meta element).
            let overrides = io::host_submission_overrides().map(|text| {
                ("meta[name=onewindow-submission]".to_string(), serde_json::from_str(&text).map_err(|e| e.to_string()))
            });
            wasm_bindgen_futures::spawn_local(async move {
                let result = load(format!("forms/{id}.json"), overrides, &Host::Page).await;
                if let Loaded::Ready(_) = result {
                    io::keep_for_offline();
                }
                loaded.set(result);
            });
        });
    }
    let requested = io::query_param("lang");
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
            let locale = requested.filter(|l| form.locales.contains(l)).unwrap_or_else(|| form.fallback_locale().to_string());
            let draft = io::load_draft(&form.id, &form.version);
            let remembered = io::load_remembered();
            html! { <FormJourney model={model.clone()} locale={AttrValue::from(locale)} {draft} {remembered} /> }
        }
    }
}
