//! Pieces of a guide that the guide page and the assistant's checklist both show: a text in
//! the locale, Markdown, a material, the steps, the places.

use onewindow_engine::{
    render_markdown_with_image_hosts, ui_text, ChannelKind, Material, Medium, Necessity,
    OriginalOrCopy, Source, Step, Text, UiText,
};
use yew::prelude::*;

/// A short text in the locale, falling back to the catalog's first.
pub(crate) fn t<'a>(text: &'a Text, locale: &str, fallback: &str) -> &'a str {
    text.get(locale, fallback)
}

/// Markdown content, rendered safely by the engine: images only from this site or the
/// catalog's `image_hosts`.
pub(crate) fn md(text: &str, image_hosts: &[String]) -> Html {
    Html::from_html_unchecked(AttrValue::from(render_markdown_with_image_hosts(text, image_hosts)))
}

/// One material with everything a counter will ask about it.
pub(crate) fn material_item(
    m: &Material,
    locale: &str,
    fallback: &str,
    conditional_note: bool,
) -> Html {
    let form = match m.original_or_copy {
        OriginalOrCopy::Original => UiText::Original,
        OriginalOrCopy::Copy => UiText::CopyOf,
        OriginalOrCopy::Both => UiText::OriginalAndCopy,
    };
    let medium = match m.medium {
        Medium::Paper => UiText::Paper,
        Medium::Electronic => UiText::Electronic,
        Medium::Either => UiText::PaperOrElectronic,
    };
    let necessity = match m.necessity {
        Necessity::Required => UiText::Needed,
        Necessity::Optional => UiText::IfYouHaveIt,
        Necessity::MaySupplyLater => UiText::MaySupplyLater,
    };
    let source = match m.source {
        Source::Applicant => UiText::YouProvide,
        Source::Department => UiText::IssuedByDepartment,
        Source::DepartmentShared => UiText::SharedByDepartments,
        Source::Other => UiText::OtherSource,
    };
    let copies = onewindow_engine::copies_text(m.copies, locale);
    // Only links the URL policy allows (lint refuses the others; a guide published anyway loses
    // them rather than running them).
    let link = |url: &Option<String>| url.clone().filter(|u| onewindow_engine::is_safe_link(u));
    let (blank_form, sample) = (link(&m.blank_form), link(&m.sample));
    html! {
        <li class="ow-material" id={format!("material-{}", m.id)}>
            <span class="ow-material__name">{ t(&m.name, locale, fallback) }</span>
            <span class="ow-material__facts">
                { format!("{} · {} · {} · {}", ui_text(form, locale), ui_text(medium, locale), copies, ui_text(necessity, locale)) }
            </span>
            <span class="ow-material__source">{ ui_text(source, locale) }</span>
            if let Some(notes) = &m.notes { <span class="ow-hint">{ t(notes, locale, fallback) }</span> }
            if conditional_note && m.applies_if.is_some() { <strong class="ow-tag">{ ui_text(UiText::ForSomePeople, locale) }</strong> }
            if blank_form.is_some() || sample.is_some() {
                <span class="ow-material__links">
                    if let Some(href) = &blank_form { <a href={href.clone()}>{ ui_text(UiText::BlankForm, locale) }</a> }
                    if blank_form.is_some() && sample.is_some() { { " · " } }
                    if let Some(href) = &sample { <a href={href.clone()}>{ ui_text(UiText::FilledSample, locale) }</a> }
                </span>
            }
        </li>
    }
}

/// The process as numbered steps, each saying where it happens.
pub(crate) fn steps_list(
    steps: &[&Step],
    locale: &str,
    fallback: &str,
    conditional_note: bool,
    image_hosts: &[String],
) -> Html {
    html! {
        <ol class="ow-step-by-step">
            { for steps.iter().map(|s| {
                let channel = match s.channel {
                    ChannelKind::Online => UiText::OnlineChannel,
                    ChannelKind::Offline => UiText::CounterChannel,
                    ChannelKind::Either => UiText::EitherChannel,
                };
                html! {
                    <li class="ow-step-by-step__step">
                        <h3 class="ow-heading-s">{ t(&s.title, locale, fallback) }</h3>
                        <p class="ow-caption">{ ui_text(channel, locale) }</p>
                        { md(t(&s.body, locale, fallback), image_hosts) }
                        if conditional_note && s.applies_if.is_some() { <strong class="ow-tag">{ ui_text(UiText::ForSomePeople, locale) }</strong> }
                    </li>
                }
            }) }
        </ol>
    }
}

/// Where to go, with hours.
pub(crate) fn places_list(guide: &onewindow_engine::Guide, locale: &str, fallback: &str) -> Html {
    html! {
        <ul class="ow-list ow-places">
            { for guide.places.iter().map(|p| html! {
                <li>
                    <strong>{ t(&p.name, locale, fallback) }</strong>
                    <dl class="ow-facts">
                        <dt>{ ui_text(UiText::Address, locale) }</dt><dd>{ t(&p.address, locale, fallback) }</dd>
                        <dt>{ ui_text(UiText::OpeningHours, locale) }</dt><dd>{ t(&p.hours, locale, fallback) }</dd>
                    </dl>
                    if let Some(d) = &p.directions { <p class="ow-hint">{ t(d, locale, fallback) }</p> }
                </li>
            }) }
        </ul>
    }
}
