//! Fetching and loading what the app shows: a form's definition (with the host's submission
//! overrides and the reference lists it needs), the catalog and its search index, and a
//! service's guide with its assistant. What cannot be used comes back as its problems, which
//! the app lists instead of a blank page.

use super::clock::{now_seconds, today};
use super::fetch::{fetch_bytes, fetch_text};
use super::timing::timed;
use crate::host::Host;
use crate::search_index::{beside, LiveIndex};
use crate::shared::Shared;
use onewindow_engine::search::{IndexEntry, SearchIndex};
use onewindow_engine::{
    compile_guide, load_catalog, read_guide, Catalog, Diagnostic, FormLoad, FormModel, GuideModel,
    Service,
};

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

/// Fetches the definition at `source` and the reference lists it names (from where `host`
/// keeps them), loads them with the engine, and lays the host's `overrides` over its
/// submission settings.
pub(crate) async fn definition(
    source: String,
    overrides: Option<Overrides>,
    host: &Host,
) -> Loaded {
    let json = match fetch_text(&source).await {
        Err(message) => {
            return Loaded::Failed { source, problems: vec![Diagnostic::error("", message)] }
        }
        Ok(json) => json,
    };
    // Reference lists are needed to check and show coded answers (ethnic group "01" is
    // 汉族 / Han); they are small and cached.
    let load = FormLoad::new(&json, today());
    let mut lists = Vec::new();
    for name in load.list_names() {
        let text = fetch_text(&host.list_url(&name)).await;
        lists.push((name, text));
    }
    let mut model = match load.finish(&lists) {
        (Some(model), problems) if !problems.iter().any(Diagnostic::is_error) => model,
        (_, problems) => return Loaded::Failed { source, problems },
    };
    // "Today" is the date at the form's office (its time zone), as the receiver takes it, not
    // the device's: around midnight the two may differ.
    model.set_today(model.today_at(now_seconds()));
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
    Loaded::Ready(Shared::new(model))
}

/// What a form's page needs of the catalog, without the catalog: the file `onewindow site`
/// writes beside the static pages ([`FORM_PAGE`]) and the form page's bundle reads.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct FormPageFacts {
    /// Form id → the id of the service whose guide its start page links back to, for the
    /// services with a form and a guide.
    #[serde(default)]
    pub guides: std::collections::BTreeMap<String, String>,
    /// The catalog's `keep_on_device_days`, for the forms that do not say.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub keep_on_device_days: Option<u32>,
}

/// Where [`FormPageFacts`] are published, next to the app's page.
pub const FORM_PAGE: &str = "form-page.json";

impl FormPageFacts {
    /// The facts for `catalog`.
    pub fn of(catalog: &Catalog) -> Self {
        let guides = catalog
            .services
            .iter()
            .filter(|s| s.guide.is_some())
            .filter_map(|s| Some((s.form.clone()?, s.id.clone())))
            .collect();
        FormPageFacts { guides, keep_on_device_days: catalog.keep_on_device_days }
    }
}

/// The [`FormPageFacts`] of the site; none (a plain `trunk build` has no `onewindow site`
/// output) or unreadable ones are the default: no way back to a guide, the form's own days.
pub(crate) async fn form_page_facts() -> FormPageFacts {
    super::fetch::fetch_json(FORM_PAGE).await.unwrap_or_default()
}

/// The catalog, fetched once for every page that lists services.
#[derive(Clone, PartialEq)]
pub(crate) enum CatalogState {
    Loading,
    Failed(Vec<Diagnostic>),
    Ready(Shared<Catalog>),
}

/// Fetches and loads the catalog at `url`.
pub(crate) async fn catalog(url: &str) -> CatalogState {
    match fetch_text(url).await {
        Err(message) => CatalogState::Failed(vec![Diagnostic::error("", message)]),
        Ok(json) => match load_catalog(&json) {
            (Some(catalog), problems) if !problems.iter().any(Diagnostic::is_error) => {
                CatalogState::Ready(Shared::new(catalog))
            }
            (_, problems) => CatalogState::Failed(problems),
        },
    }
}

/// The catalog's prebuilt index at `url` (`onewindow index`, with pinyin), opened with its
/// names part; a catalog published without one is indexed here, without pinyin, rather than
/// not searchable.
pub(crate) async fn search_index(catalog: &Catalog, url: &str) -> LiveIndex {
    match open_search_index(url).await {
        Ok(index) => index,
        Err(_) => LiveIndex::new(timed(|| SearchIndex::build(catalog, &[])), url),
    }
}

/// The index whose entry is at `url`, opened with its names part (fetched beside it): it finds
/// services by their names, and by the rest as [`search_part`] adds the parts queries need.
pub(crate) async fn open_search_index(url: &str) -> Result<LiveIndex, String> {
    let entry =
        IndexEntry::from_bytes(&fetch_bytes(url).await?).map_err(|e| format!("{url}: {e}"))?;
    let names = fetch_bytes(&beside(url, &entry.names_part())).await?;
    let index = SearchIndex::open(&entry, &names).map_err(|e| format!("{url}: {e}"))?;
    Ok(LiveIndex::new(index, url))
}

/// Fetches a part `path` of `index` from `address` and adds it; says whether it was added (a
/// part that cannot be fetched or used leaves the results as they are).
pub(crate) async fn search_part(index: &LiveIndex, path: &str, address: &str) -> bool {
    match fetch_bytes(address).await {
        Ok(bytes) => index.add_part(path, &bytes).is_ok(),
        Err(_) => false,
    }
}

/// A guide and its assistant, loaded and linted.
#[derive(Clone, PartialEq)]
pub(crate) struct Bundle {
    pub guide: Option<Shared<GuideModel>>,
    pub assistant: Option<Shared<FormModel>>,
}

/// A service's guide being fetched, ready, or unusable.
#[derive(Clone)]
pub(crate) enum GuideLoad {
    Loading,
    Failed { source: String, problems: Vec<Diagnostic> },
    Ready(Bundle),
}

/// Fetches the service's guide and the assistant it names; a guide with errors is not shown
/// half right: its problems are listed instead.
pub(crate) async fn guide(service: &Service) -> GuideLoad {
    let Some(path) = &service.guide else {
        return GuideLoad::Ready(Bundle { guide: None, assistant: None });
    };
    let source = format!("forms/{path}");
    let json = match fetch_text(&source).await {
        Ok(json) => json,
        Err(message) => {
            return GuideLoad::Failed { source, problems: vec![Diagnostic::error("", message)] }
        }
    };
    let guide = match read_guide(&json) {
        Ok(guide) => guide,
        Err(problem) => return GuideLoad::Failed { source, problems: vec![problem] },
    };
    let assistant = match &guide.assistant {
        None => None,
        Some(id) => match definition(format!("forms/{id}.json"), None, &Host::Page).await {
            Loaded::Ready(model) => Some(model),
            Loaded::Failed { source, problems } => return GuideLoad::Failed { source, problems },
            // `definition` resolves to a loaded or a failed form, never to "loading".
            Loaded::Loading => None,
        },
    };
    match compile_guide(guide, assistant.as_deref()) {
        (Some(guide), problems) if !problems.iter().any(Diagnostic::is_error) => {
            GuideLoad::Ready(Bundle { guide: Some(Shared::new(guide)), assistant })
        }
        (_, problems) => GuideLoad::Failed { source, problems },
    }
}
