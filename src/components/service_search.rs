//! `<onewindow-service>`: the service search in another site's page. It fetches the catalog's
//! index from where the site says (the catalog itself only when it was published without
//! one), searches on the device, and links each result to the app's guide page (`app`); a
//! submitted search that finds nothing becomes the host's `onewindow:searchnoresults` event.

use super::search::SearchBox;
use crate::host::JourneyEvent;
use crate::io;
use crate::search_index::LiveIndex;
use crate::shared::Shared;
use onewindow_engine::search::SearchIndex;
use onewindow_engine::{load_catalog, text_direction, ui_text, Diagnostic, UiText};
use yew::prelude::*;

/// Props for [`ServiceSearch`].
#[derive(Properties, PartialEq, Clone)]
pub struct Props {
    /// Interface locale.
    pub locale: AttrValue,
    /// The catalog's address: `…/catalog.json`, or the directory that has it (ends with `/`).
    #[prop_or_default]
    pub catalog: AttrValue,
    /// The app's address, where results lead (`…/` or `…/index.html`).
    #[prop_or_default]
    pub app: AttrValue,
    /// Hears what happens, for the embedding page.
    #[prop_or_default]
    pub on_event: Option<Callback<JourneyEvent>>,
}

/// The catalog's file and its index's, from what the site gave.
fn sources(catalog: &str) -> (String, String) {
    let file = if catalog.is_empty() {
        "forms/catalog.json".to_string()
    } else if catalog.ends_with('/') {
        format!("{catalog}catalog.json")
    } else {
        catalog.to_string()
    };
    let index = match file.strip_suffix(".json") {
        Some(stem) => format!("{stem}.index"),
        None => format!("{file}.index"),
    };
    (file, index)
}

#[derive(Clone)]
enum Loaded {
    Loading,
    Failed(String),
    Ready(Shared<LiveIndex>),
}

/// The search box and its results.
#[function_component(ServiceSearch)]
pub fn service_search(props: &Props) -> Html {
    let loaded = use_state(|| Loaded::Loading);
    {
        let loaded = loaded.clone();
        use_effect_with(props.catalog.clone(), move |catalog| {
            let (file, index_file) = sources(catalog);
            wasm_bindgen_futures::spawn_local(async move {
                // The index alone serves the search: its names part has what results show.
                if let Ok(index) = io::load::open_search_index(&index_file).await {
                    return loaded.set(Loaded::Ready(Shared::new(index)));
                }
                let catalog = match io::fetch::fetch_text(&file)
                    .await
                    .map(|json| load_catalog(&json))
                {
                    Err(message) => return loaded.set(Loaded::Failed(message)),
                    Ok((Some(catalog), problems)) if !problems.iter().any(Diagnostic::is_error) => {
                        catalog
                    }
                    Ok((_, problems)) => {
                        let first = problems
                            .iter()
                            .find(|p| p.is_error())
                            .map(ToString::to_string)
                            .unwrap_or_default();
                        return loaded.set(Loaded::Failed(format!("{file}: {first}")));
                    }
                };
                let index = LiveIndex::new(SearchIndex::build(&catalog, &[]), &index_file);
                loaded.set(Loaded::Ready(Shared::new(index)));
            });
        });
    }
    let locale = props.locale.as_str();
    let on_no_results = props.on_event.clone().map(|on_event| {
        Callback::from(move |query: String| on_event.emit(JourneyEvent::NoResults { query }))
    });
    html! {
        <div class="ow-page" lang={props.locale.clone()} dir={text_direction(locale)}>
            <section class="ow-service-search" aria-labelledby="ow-service-search-heading">
                <h2 class="ow-heading-m" id="ow-service-search-heading">{ ui_text(UiText::FindAService, locale) }</h2>
                {
                    match &*loaded {
                        // A catalog that cannot be used is said so, never a search box that finds nothing.
                        Loaded::Failed(message) => html! {
                            <div class="ow-error-summary" role="alert">
                                <p class="ow-body">{ ui_text(UiText::DefinitionProblem, locale) }</p>
                                <p class="ow-body"><code>{ message }</code></p>
                            </div>
                        },
                        Loaded::Loading => html! { <SearchBox index={None} query={String::new()} locale={props.locale.clone()} base={props.app.clone()} {on_no_results} /> },
                        Loaded::Ready(index) => html! { <SearchBox index={Some(index.clone())} query={String::new()} locale={props.locale.clone()} base={props.app.clone()} {on_no_results} /> },
                    }
                }
            </section>
        </div>
    }
}
