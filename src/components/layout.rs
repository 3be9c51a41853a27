//! The frame every catalog page shares: header (site name, search, languages), main content,
//! footer; and the languages' own names for the language links of every page.

use super::link::Link;
use super::search::HeaderSearch;
use crate::io;
use crate::routing::{use_paths, Navigator};
use onewindow_engine::{locale_name, text_direction, ui_text, UiText};
use yew::prelude::*;

/// Props for [`Frame`].
#[derive(Properties, PartialEq)]
pub struct FrameProps {
    /// Interface locale.
    pub locale: AttrValue,
    /// The locales the page can be read in.
    pub locales: Vec<String>,
    /// The page's heading, for the browser tab's title.
    pub title: AttrValue,
    /// A back link: where and its words.
    #[prop_or_default]
    pub back: Option<(AttrValue, AttrValue)>,
    /// The page's content.
    #[prop_or_default]
    pub children: Html,
    /// Whether the header has a search form (not on the home, which has the big one).
    #[prop_or(true)]
    pub search: bool,
}

/// Header (site name, search, languages), main content and footer of a catalog page; sets the title
/// and the document's language.
#[function_component(Frame)]
pub fn frame(props: &FrameProps) -> Html {
    let locale = props.locale.as_str();
    {
        let title = format!("{} – {}", props.title, ui_text(UiText::Services, locale));
        let locale = locale.to_string();
        use_effect_with((title, locale), |(title, locale)| {
            io::dom::set_title(title);
            io::dom::set_document_lang(locale, text_direction(locale));
        });
    }
    let navigator = use_context::<Navigator>();
    let paths = use_paths();
    let languages = props.locales.iter().filter(|l| l.as_str() != locale).map(|other| {
        let href = paths.this_page_in(other);
        // The language changes in place: the same page, no new history entry.
        let onclick = {
            let (navigator, href) = (navigator.clone(), href.clone());
            Callback::from(move |event: MouseEvent| {
                if let Some(navigator) = &navigator {
                    event.prevent_default();
                    navigator.replace(href.clone());
                }
            })
        };
        html! {
            <a class="ow-header__language" {href} lang={other.clone()} hreflang={other.clone()} {onclick}>{ locale_name(other) }</a>
        }
    });
    html! {
        <div class="ow-page" lang={props.locale.clone()} dir={text_direction(locale)}>
            <header class="ow-header">
                <div class="ow-width-container ow-header__inner">
                    <Link href={paths.home(locale)} class="ow-header__service">{ ui_text(UiText::Services, locale) }</Link>
                    if props.search { <HeaderSearch locale={props.locale.clone()} /> }
                    <nav class="ow-header__languages" aria-label={ui_text(UiText::Language, locale)}>{ for languages }</nav>
                </div>
            </header>
            <div class="ow-width-container">
                if let Some((href, words)) = &props.back {
                    <Link href={href.clone()} class="ow-back-link">{ words.clone() }</Link>
                }
                <main class="ow-main" id="main-content" tabindex="-1">{ props.children.clone() }</main>
            </div>
            <footer class="ow-footer">
                <div class="ow-width-container">
                    <p class="ow-footer__privacy">{ ui_text(UiText::PrivacyNote, locale) }</p>
                </div>
            </footer>
        </div>
    }
}
