//! The root of a form embedded in another site's page (see `crates/embed`): loads the
//! definition it is given and hands it to the journey in embedded mode.

use super::definition_problems::DefinitionProblems;
use super::form_journey::FormJourney;
use crate::host::{best_locale, Host, JourneyEvent, Remote, DEFAULT_LOCALE};
use crate::io;
use crate::io::load::Loaded;
use onewindow_engine::{text_direction, ui_text, Diagnostic, UiText};
use std::rc::Rc;
use yew::prelude::*;

/// Props for [`EmbeddedForm`]: the element's attributes and the embedding page's channels.
#[derive(Properties, PartialEq, Clone)]
pub struct Props {
    /// The definition's address (relative to the host page).
    pub src: AttrValue,
    /// The language asked for (a form locale, or a language the form has, e.g. `en-GB` → `en`).
    #[prop_or_default]
    pub locale: Option<AttrValue>,
    /// Submission settings laid over the definition's (any subset of its `submission` keys).
    #[prop_or_default]
    pub submission: Option<Rc<serde_json::Value>>,
    /// Where reference lists are fetched (`<lists_base><name>.json`); by default the `data/`
    /// folder beside the definition.
    #[prop_or_default]
    pub lists_base: Option<AttrValue>,
    /// Hears what happens (start, page changes, errors, submitted, queued).
    #[prop_or_default]
    pub on_event: Option<Callback<JourneyEvent>>,
    /// Commands from the embedding page.
    #[prop_or_default]
    pub remote: Option<Remote>,
}

/// An embedded form: loading, its problems, or the journey.
#[function_component(EmbeddedForm)]
pub fn embedded_form(props: &Props) -> Html {
    let host = use_memo((props.src.clone(), props.lists_base.clone()), |(src, lists_base)| {
        let mut lists_base =
            lists_base.as_ref().map_or_else(|| io::url::lists_beside(src), |b| b.to_string());
        if !lists_base.ends_with('/') {
            lists_base.push('/');
        }
        Host::Embedded { lists_base }
    });
    let loaded = use_state(|| Loaded::Loading);
    {
        let loaded = loaded.clone();
        let host = (*host).clone();
        use_effect_with(
            (props.src.clone(), props.submission.clone(), host),
            move |(src, submission, host)| {
                let (src, host) = (src.to_string(), host.clone());
                let overrides = submission
                    .as_ref()
                    .map(|o| ("submission option".to_string(), Ok((**o).clone())));
                loaded.set(Loaded::Loading);
                wasm_bindgen_futures::spawn_local(async move {
                    loaded.set(if src.trim().is_empty() {
                        let message =
                            "no src: give the address of a form definition (src=\"forms/x.json\")";
                        Loaded::Failed {
                            source: "<onewindow-form>".into(),
                            problems: vec![Diagnostic::error("", message)],
                        }
                    } else {
                        io::load::definition(src, overrides, &host).await
                    });
                });
            },
        );
    }
    let requested = props.locale.as_ref().map(|l| l.to_string());
    let body = match &*loaded {
        Loaded::Loading | Loaded::Failed { .. } => {
            let locale = requested.unwrap_or_else(|| DEFAULT_LOCALE.into());
            let inner = match &*loaded {
                Loaded::Failed { source, problems } => {
                    html! { <DefinitionProblems source={source.clone()} problems={problems.clone()} locale={locale.clone()} /> }
                }
                _ => {
                    html! { <p class="ow-body ow-embed__loading" role="status">{ ui_text(UiText::Loading, &locale) }</p> }
                }
            };
            html! { <div class="ow-page" lang={locale.clone()} dir={text_direction(&locale)}>{ inner }</div> }
        }
        Loaded::Ready(model) => {
            let form = model.form();
            let locale = requested
                .and_then(|l| best_locale(&l, &form.locales))
                .unwrap_or_else(|| form.fallback_locale().to_string());
            let draft = io::drafts::load_draft(&form.id, &form.version, form.keep_on_device_days());
            let remembered = io::remembered::load_remembered(form.keep_on_device_days());
            html! {
                <FormJourney model={model.clone()} locale={AttrValue::from(locale)} {draft} {remembered}
                    on_event={props.on_event.clone()} remote={props.remote.clone()} />
            }
        }
    };
    html! { <ContextProvider<Host> context={(*host).clone()}>{ body }</ContextProvider<Host>> }
}
