//! The root: loads the definition named in the URL and hands it to the journey.

use super::definition_problems::DefinitionProblems;
use super::form_journey::FormJourney;
use crate::io;
use onewindow_engine::{load_form, ui_text, Diagnostic, FormModel, UiText};
use std::rc::Rc;
use yew::prelude::*;

/// The form shown when the URL names none.
const DEFAULT_FORM: &str = "residence-permit";

#[derive(Clone)]
enum Loaded {
    Loading,
    /// The definition could not be fetched or has errors: say so rather than show a blank page.
    Failed { source: String, problems: Vec<Diagnostic> },
    Ready(Rc<FormModel>),
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
            wasm_bindgen_futures::spawn_local(async move {
                let source = format!("forms/{id}.json");
                loaded.set(match io::fetch_text(&source).await {
                    Err(message) => Loaded::Failed { source, problems: vec![Diagnostic::error("", message)] },
                    Ok(json) => match load_form(&json, io::today()) {
                        (Some(mut model), problems) if !problems.iter().any(Diagnostic::is_error) => {
                            if let Some(text) = io::host_submission_overrides() {
                                let overridden = serde_json::from_str::<serde_json::Value>(&text)
                                    .map_err(|e| e.to_string())
                                    .and_then(|o| model.form().submission_settings().with_overrides(&o));
                                match overridden {
                                    Ok(settings) => model.set_submission(settings),
                                    Err(message) => {
                                        let at = "meta[name=onewindow-submission]";
                                        return loaded.set(Loaded::Failed { source: at.into(), problems: vec![Diagnostic::error("", message)] });
                                    }
                                }
                            }
                            // Reference lists are needed to check and show coded answers
                            // (ethnic group "01" is 汉族 / Han); they are small and cached.
                            let mut failed = Vec::new();
                            for name in model.lists_needed() {
                                let url = format!("forms/data/{name}.json");
                                match io::fetch_json::<onewindow_engine::ReferenceList>(&url).await {
                                    Ok(list) => model.provide_list(&name, list.options),
                                    Err(message) => failed.push(Diagnostic::error("", message)),
                                }
                            }
                            if failed.is_empty() {
                                io::keep_for_offline();
                                Loaded::Ready(Rc::new(model))
                            } else {
                                Loaded::Failed { source, problems: failed }
                            }
                        }
                        (_, problems) => Loaded::Failed { source, problems },
                    },
                });
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
