//! Service search: the box (on the catalog home, results as you type; in the header of every
//! catalog page, a plain search form) and the results, with the matched words marked, the
//! count announced to screen readers, and never a dead end when nothing is found. The index's
//! parts a query needs are fetched as it is typed (`docs/search.md`): results found by names
//! come at once, the rest, and the snippets, as their parts arrive.

use super::link::Link;
use crate::io;
use crate::routing::{use_paths, Navigator};
use crate::search_index::LiveIndex;
use crate::shared::Shared;
use onewindow_engine::search::Highlighted;
use onewindow_engine::{results_text, ui_text, UiText};
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// At most this many results are listed.
const LIMIT: usize = 20;

/// `text` with its marked ranges in `<mark>`.
fn highlighted(h: &Highlighted) -> Html {
    let mut parts = Vec::new();
    let mut at = 0;
    for range in &h.marks {
        // The engine promises character boundaries in order; a bad range is skipped, not a panic.
        let (Some(before), Some(marked)) = (h.text.get(at..range.start), h.text.get(range.clone()))
        else {
            continue;
        };
        parts.push(html! { { before.to_string() } });
        parts.push(html! { <mark class="ow-mark">{ marked.to_string() }</mark> });
        at = range.end;
    }
    parts.push(html! { { h.text.get(at..).unwrap_or_default().to_string() } });
    html! { <>{ for parts }</> }
}

/// Props for [`SearchBox`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The index, once opened.
    pub index: Option<Shared<LiveIndex>>,
    /// What the URL says was searched for.
    pub query: String,
    /// Interface locale.
    pub locale: AttrValue,
    /// Where result links lead: empty for the app's own pages; the app's address when
    /// embedded in another site (`<onewindow-service app="…">`).
    #[prop_or_default]
    pub base: AttrValue,
    /// Hears a submitted search that found nothing (the embed's `onewindow:searchnoresults`).
    #[prop_or_default]
    pub on_no_results: Option<Callback<String>>,
}

/// Moves focus between the box and the result links with the arrow keys.
fn arrow_keys(event: KeyboardEvent) {
    let (down, up) = (event.key() == "ArrowDown", event.key() == "ArrowUp");
    if !down && !up {
        return;
    }
    let Some(container) =
        event.current_target().and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    else {
        return;
    };
    let Ok(list) = container.query_selector_all("input[type=search], .ow-search-results__link")
    else {
        return;
    };
    let items: Vec<web_sys::HtmlElement> =
        (0..list.length()).filter_map(|i| list.get(i)?.dyn_into().ok()).collect();
    let active = io::dom::active_element();
    let at = items
        .iter()
        .position(|i| active.as_ref().is_some_and(|a| a == i.unchecked_ref::<web_sys::Element>()));
    let next = match (at, down) {
        (Some(i), true) => (i + 1).min(items.len().saturating_sub(1)),
        (Some(i), false) => i.saturating_sub(1),
        (None, _) => 0,
    };
    if let Some(item) = items.get(next) {
        event.prevent_default();
        let _ = item.focus();
    }
}

/// The search box with results as you type.
#[function_component(SearchBox)]
pub fn search_box(props: &Props) -> Html {
    let typed = use_state(|| props.query.clone());
    {
        // The back button brings an earlier query back.
        let typed = typed.clone();
        use_effect_with(props.query.clone(), move |query| {
            if *typed != *query {
                typed.set(query.clone());
            }
        });
    }
    // How many of the index's parts had arrived when last rendered: a part arriving renders
    // the results again, and may lead to others (a typo's correction, the hits' snippets).
    let arrived = use_state(|| 0u32);
    {
        let arrived = arrived.clone();
        let deps = ((*typed).clone(), props.index.clone(), *arrived);
        use_effect_with(deps, move |(query, index, _)| {
            let Some(index) = index.clone().filter(|_| !query.trim().is_empty()) else { return };
            for (path, address) in index.parts_to_fetch(query, LIMIT) {
                let (index, arrived) = (index.clone(), arrived.clone());
                wasm_bindgen_futures::spawn_local(async move {
                    if io::load::search_part(&index, &path, &address).await {
                        arrived.set(index.added());
                    }
                });
            }
        });
    }
    let navigator = use_context::<Navigator>();
    let action = use_paths().search_action();
    let locale = props.locale.as_str();
    let base = props.base.as_str();
    // "Did you mean": searches for the suggestion in place (the URL follows on our own page).
    let use_suggestion = |better: String| {
        let (typed, navigator, locale) = (typed.clone(), navigator.clone(), locale.to_string());
        Callback::from(move |_: MouseEvent| {
            typed.set(better.clone());
            if let Some(navigator) = &navigator {
                navigator.replace(format!(
                    "?q={}&lang={locale}",
                    String::from(js_sys::encode_uri_component(&better))
                ));
            }
        })
    };
    let oninput = {
        let (typed, navigator, locale) = (typed.clone(), navigator.clone(), locale.to_string());
        Callback::from(move |event: InputEvent| {
            let Some(input) = event.target_dyn_into::<web_sys::HtmlInputElement>() else { return };
            let value = input.value();
            typed.set(value.clone());
            // The URL follows without new history entries: a result's back button returns here.
            if let Some(navigator) = &navigator {
                let href = if value.trim().is_empty() {
                    format!("?lang={locale}")
                } else {
                    format!(
                        "?q={}&lang={locale}",
                        String::from(js_sys::encode_uri_component(&value))
                    )
                };
                navigator.replace(href);
            }
        })
    };
    let results = props
        .index
        .as_ref()
        .filter(|_| !typed.trim().is_empty())
        .map(|index| index.search(&typed, locale, LIMIT));
    let onsubmit = {
        let (typed, found_none) = (typed.clone(), results.as_ref().is_some_and(|r| r.total == 0));
        let on_no_results = props.on_no_results.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            if found_none {
                io::searches::count_zero_result(&typed);
                io::analytics::zero_result_search(&typed);
                if let Some(callback) = &on_no_results {
                    callback.emit(typed.trim().to_string());
                }
            }
        })
    };
    let status = match &results {
        Some(r) => results_text(r.total, typed.trim(), locale),
        None => String::new(),
    };
    html! {
        <div class="ow-search" onkeydown={Callback::from(arrow_keys)}>
            <form class="ow-search__form" role="search" {action} method="get" {onsubmit}>
                <label class="ow-label ow-search__label" for="ow-search-input">{ ui_text(UiText::SearchLabel, locale) }</label>
                <div class="ow-hint" id="ow-search-hint">{ ui_text(UiText::SearchHint, locale) }</div>
                <div class="ow-search__row">
                    <input class="ow-input ow-search__input" id="ow-search-input" type="search" name="q" value={(*typed).clone()}
                        autocomplete="off" spellcheck="false" aria-describedby="ow-search-hint" aria-controls="ow-search-results" {oninput} />
                    <input type="hidden" name="lang" value={props.locale.clone()} />
                    <button type="submit" class="ow-button ow-search__button">{ ui_text(UiText::SearchButton, locale) }</button>
                </div>
            </form>
            <p class="ow-visually-hidden" role="status" aria-live="polite" aria-atomic="true">{ &status }</p>
            <div id="ow-search-results">
                if let Some(r) = &results {
                    <h2 class="ow-heading-m ow-search-results__count">{ &status }</h2>
                    if let Some(better) = &r.did_you_mean {
                        <p class="ow-body">{ ui_text(UiText::DidYouMean, locale) }{ " " }
                            <button type="button" class="ow-link-button" onclick={use_suggestion(better.clone())}>{ better.clone() }</button>
                            { if locale.starts_with("zh") { "？" } else { "?" } }</p>
                    }
                    if r.hits.is_empty() {
                        if !r.nearest.is_empty() {
                            <p class="ow-body">{ ui_text(UiText::BrowseInstead, locale) }</p>
                            <ul class="ow-topic-list">
                                { for r.nearest.iter().map(|n| html! {
                                    <li><Link href={format!("{base}?topic={}&lang={locale}", n.id)}>{ n.title.clone() }</Link></li>
                                }) }
                            </ul>
                        }
                    } else {
                        <ol class="ow-service-list ow-search-results">
                            { for r.hits.iter().map(|hit| html! {
                                <li class="ow-service-list__item">
                                    <Link href={format!("{base}?service={}&lang={locale}", hit.service)} class="ow-service-list__link ow-search-results__link">{ highlighted(&hit.title) }</Link>
                                    if !hit.snippet.text.is_empty() {
                                        <p class="ow-service-list__summary">{ highlighted(&hit.snippet) }</p>
                                    }
                                </li>
                            }) }
                        </ol>
                    }
                }
            </div>
        </div>
    }
}

/// Props for [`HeaderSearch`].
#[derive(Properties, PartialEq)]
pub struct HeaderProps {
    /// Interface locale.
    pub locale: AttrValue,
}

/// The header's search form: goes to the catalog home with the query.
#[function_component(HeaderSearch)]
pub fn header_search(props: &HeaderProps) -> Html {
    let navigator = use_context::<Navigator>();
    let action = use_paths().search_action();
    let input = use_node_ref();
    let locale = props.locale.as_str();
    let onsubmit = {
        let (input, locale) = (input.clone(), locale.to_string());
        Callback::from(move |event: SubmitEvent| {
            let (Some(navigator), Some(input)) =
                (&navigator, input.cast::<web_sys::HtmlInputElement>())
            else {
                return;
            };
            event.prevent_default();
            navigator.go(format!(
                "?q={}&lang={locale}",
                String::from(js_sys::encode_uri_component(&input.value()))
            ));
        })
    };
    html! {
        <form class="ow-header__search" role="search" {action} method="get" {onsubmit}>
            <label class="ow-visually-hidden" for="ow-header-search">{ ui_text(UiText::SearchLabel, locale) }</label>
            <input class="ow-header__search-input" id="ow-header-search" type="search" name="q" ref={input} autocomplete="off" />
            <input type="hidden" name="lang" value={props.locale.clone()} />
            <button type="submit" class="ow-header__search-button">{ ui_text(UiText::SearchButton, locale) }</button>
        </form>
    }
}
