//! The rating form (好差评): the five levels, the online indicators, what went wrong and
//! suggestions, checked by the engine's `check_rating` before it is sent; after the
//! confirmation of an application (with its case reference) and on a page of its own from a
//! service's guide. One rating per case: once sent (or kept on the device to send later) the
//! form says thank you and is not offered again for that case; a second rating of a case the
//! receiver already has is refused (409) and said so politely.

use super::error_summary::ErrorSummary;
use super::layout::Frame;
use crate::io;
use crate::io::ratings::Sent;
use crate::shared::Shared;
use onewindow_engine::analytics::{
    check_rating, indicator_text, is_negative, level_text, rating_text, Channel, Indicators,
    Problem, Rating, RatingText, Reason, ANALYTICS_FORMAT,
};
use onewindow_engine::{ui_text, Catalog, FieldError, Severity, UiText};
use yew::prelude::*;

/// Props for [`RatingForm`].
#[derive(Properties, PartialEq, Clone)]
pub struct Props {
    /// The service's id in the catalog (or the form's id).
    pub service: AttrValue,
    /// The version of what is rated (the form's or the guide's).
    #[prop_or_default]
    pub version: Option<AttrValue>,
    /// The case rated, when there is one.
    #[prop_or_default]
    pub case_reference: Option<AttrValue>,
    /// What proves the case (the receiver's `rating_token`); needed with `case_reference`.
    #[prop_or_default]
    pub case_token: Option<AttrValue>,
    /// Interface locale.
    pub locale: AttrValue,
    /// Whether the form is the page's main content (its heading is then the page's `h1`).
    #[prop_or_default]
    pub own_page: bool,
}

#[derive(Clone, Debug, PartialEq)]
enum Status {
    Editing,
    Sending,
    Done(Sent),
}

/// The rating form.
#[function_component(RatingForm)]
pub fn rating_form(props: &Props) -> Html {
    let locale = props.locale.to_string();
    let l = locale.as_str();
    let id = use_memo((), |_| io::clock::new_uuid());
    let level = use_state(|| None::<u8>);
    let indicators = use_state(Indicators::default);
    let reasons = use_state(Vec::<Reason>::new);
    let comment = use_state(String::new);
    let problems = use_state(Vec::<Problem>::new);
    let attempts = use_state(|| 0u32);
    // Whether this case was rated is read from the device once, not on every keystroke.
    let case = props.case_reference.clone();
    let status = use_state(move || {
        if case.as_deref().is_some_and(io::ratings::is_rated) {
            Status::Done(Sent::AlreadyRated)
        } else {
            Status::Editing
        }
    });
    let heading = |key: RatingText| -> Html {
        if props.own_page {
            html! { <h1 class="ow-heading-l" id="ow-rating-heading">{ rating_text(key, l) }</h1> }
        } else {
            html! { <h2 class="ow-heading-m" id="ow-rating-heading">{ rating_text(key, l) }</h2> }
        }
    };

    if let Status::Done(sent) = &*status {
        let (title, body) = match sent {
            Sent::Delivered => (RatingText::ThanksHeading, RatingText::ThanksBody),
            Sent::Saved => (RatingText::ThanksHeading, RatingText::SavedBody),
            Sent::AlreadyRated => (RatingText::AlreadyRatedHeading, RatingText::AlreadyRatedBody),
            // Refused without problems to show (400): nothing the citizen can fix.
            Sent::Refused(_) => (RatingText::RefusedHeading, RatingText::RefusedBody),
        };
        return html! {
            <section class="ow-rating ow-no-print" aria-labelledby="ow-rating-done">
                <div class="ow-inset-text" role="status" id="ow-rating-done">
                    <strong>{ rating_text(title, l) }</strong><br />{ rating_text(body, l) }
                </div>
            </section>
        };
    }

    let rating = Rating {
        format: ANALYTICS_FORMAT,
        id: (*id).clone(),
        case_reference: props.case_reference.as_ref().map(|c| c.to_string()),
        case_token: props
            .case_reference
            .as_ref()
            .and(props.case_token.as_ref())
            .map(|t| t.to_string()),
        service: props.service.to_string(),
        version: props.version.as_ref().map(|v| v.to_string()),
        channel: Channel::Online,
        level: level.unwrap_or(0),
        indicators: (*indicators).clone(),
        reasons: (*reasons).clone(),
        comment: Some(comment.trim().to_string()).filter(|c| !c.is_empty()),
        locale: locale.clone(),
        created: String::new(),
    };
    let onsubmit = {
        let (status, problems, attempts) = (status.clone(), problems.clone(), attempts.clone());
        let rating = rating.clone();
        Callback::from(move |event: SubmitEvent| {
            let mut rating = rating.clone();
            event.prevent_default();
            if *status == Status::Sending {
                return;
            }
            rating.created = io::clock::now_rfc3339();
            let found = check_rating(&rating);
            if !found.is_empty() {
                problems.set(found);
                attempts.set(*attempts + 1);
                return;
            }
            problems.set(Vec::new());
            status.set(Status::Sending);
            let (status, problems, attempts, rating) =
                (status.clone(), problems.clone(), attempts.clone(), rating.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match io::ratings::send(rating).await {
                    Sent::Refused(found) if !found.is_empty() => {
                        problems.set(found);
                        attempts.set(*attempts + 1);
                        status.set(Status::Editing);
                    }
                    sent => status.set(Status::Done(sent)),
                }
            });
        })
    };

    // The engine's problems in the citizen's words, each linking to its input.
    let errors: Vec<FieldError> = problems
        .iter()
        .map(|p| {
            let (field, part, key) = match (p.pointer.as_str(), p.rule.as_str()) {
                ("/level", _) => ("rating-level", Some("5"), RatingText::LevelMissing),
                ("/reasons", _) => {
                    ("rating-reason", Some(Reason::ALL[0].code()), RatingText::ReasonMissing)
                }
                ("/comment", _) => ("rating-comment", None, RatingText::CommentTooLong),
                _ => ("rating-level", Some("5"), RatingText::NotAccepted),
            };
            FieldError {
                field: field.into(),
                part: part.map(str::to_string),
                rule: p.rule.clone(),
                message: rating_text(key, l).into(),
                severity: Severity::Error,
            }
        })
        .collect();
    let error_for =
        |field: &str| errors.iter().find(|e| e.field == field).map(|e| e.message.clone());
    let error_line = |field: &str| {
        error_for(field).map(|message| {
            html! { <p class="ow-error-message" id={format!("field-{field}-error")}><span class="ow-visually-hidden">{ ui_text(UiText::ErrorTitlePrefix, l) }</span>{ message }</p> }
        })
    };
    let group =
        |field: &str| classes!("ow-form-group", error_for(field).map(|_| "ow-form-group--error"));
    let described = |field: &str, hint: Option<&str>| -> Option<String> {
        let ids: Vec<String> = hint
            .map(str::to_string)
            .into_iter()
            .chain(error_for(field).map(|_| format!("field-{field}-error")))
            .collect();
        (!ids.is_empty()).then(|| ids.join(" "))
    };
    let negative = level.is_some_and(is_negative);

    let levels = (1..=5u8).rev().map(|n| {
        let checked = *level == Some(n);
        let level = level.clone();
        let onchange = Callback::from(move |_: Event| level.set(Some(n)));
        let input_id = format!("field-rating-level-{n}");
        html! {
            <div class="ow-radios__item">
                <input class="ow-radios__input" type="radio" id={input_id.clone()} name="rating-level" value={n.to_string()}
                    {checked} {onchange} />
                <label class="ow-label ow-radios__label" for={input_id}>{ level_text(n, l) }</label>
            </div>
        }
    });
    let indicator_sets = rating.indicators.each().into_iter().map(|(name, value)| {
        let scale = (1..=5u8).rev().map(|n| {
            let indicators = indicators.clone();
            let onchange = Callback::from(move |_: Event| {
                let mut next = (*indicators).clone();
                match name {
                    "efficiency" => next.efficiency = Some(n),
                    "guide_accuracy" => next.guide_accuracy = Some(n),
                    "convenience" => next.convenience = Some(n),
                    _ => next.usability = Some(n),
                }
                indicators.set(next);
            });
            let input_id = format!("field-rating-{name}-{n}");
            html! {
                <div class="ow-radios__item">
                    <input class="ow-radios__input" type="radio" id={input_id.clone()} name={format!("rating-{name}")} value={n.to_string()}
                        checked={value == Some(n)} {onchange} />
                    <label class="ow-label ow-radios__label" for={input_id}>{ n.to_string() }</label>
                </div>
            }
        });
        html! {
            <div class="ow-form-group">
                <fieldset class="ow-fieldset" aria-describedby="ow-rating-scale-hint">
                    <legend class="ow-fieldset__legend ow-fieldset__legend--s">{ indicator_text(name, l) }</legend>
                    <div class="ow-radios ow-radios--inline">{ for scale }</div>
                </fieldset>
            </div>
        }
    });
    let reason_boxes = Reason::ALL.into_iter().map(|reason| {
        let reasons = reasons.clone();
        let checked = reasons.contains(&reason);
        let onchange = Callback::from(move |_: Event| {
            let mut next = (*reasons).clone();
            if let Some(at) = next.iter().position(|r| *r == reason) {
                next.remove(at);
            } else {
                next.push(reason);
                next.sort();
            }
            reasons.set(next);
        });
        let input_id = format!("field-rating-reason-{}", reason.code());
        html! {
            <div class="ow-checkboxes__item">
                <input class="ow-checkboxes__input" type="checkbox" id={input_id.clone()} name="rating-reason" value={reason.code()} {checked} {onchange} />
                <label class="ow-label ow-checkboxes__label" for={input_id}>{ reason.text(l) }</label>
            </div>
        }
    });
    let oninput = {
        let comment = comment.clone();
        Callback::from(move |event: InputEvent| {
            let area: web_sys::HtmlTextAreaElement = event.target_unchecked_into();
            comment.set(area.value());
        })
    };
    let sending = *status == Status::Sending;
    html! {
        <section class="ow-rating ow-no-print" aria-labelledby="ow-rating-heading">
            { heading(RatingText::Heading) }
            <ErrorSummary errors={errors.clone()} locale={props.locale.clone()} focus_key={*attempts} />
            <p class="ow-body">{ rating_text(RatingText::Intro, l) }</p>
            if let Some(case) = &props.case_reference {
                <p class="ow-body">{ rating_text(RatingText::CaseReference, l) }{ ": " }<strong>{ case }</strong></p>
            }
            <form class="ow-rating__form" {onsubmit} novalidate=true>
                <div class={group("rating-level")}>
                    <fieldset class="ow-fieldset" aria-describedby={described("rating-level", None)}>
                        <legend class="ow-fieldset__legend ow-fieldset__legend--m">{ rating_text(RatingText::LevelLegend, l) }</legend>
                        { error_line("rating-level") }
                        <div class="ow-radios">{ for levels }</div>
                    </fieldset>
                </div>
                <div class={group("rating-reason")}>
                    <fieldset class="ow-fieldset" aria-describedby={described("rating-reason", None)}>
                        <legend class="ow-fieldset__legend ow-fieldset__legend--m">
                            { rating_text(if negative { RatingText::ReasonsLegendNegative } else { RatingText::ReasonsLegend }, l) }
                        </legend>
                        { error_line("rating-reason") }
                        <div class="ow-checkboxes">{ for reason_boxes }</div>
                    </fieldset>
                </div>
                <fieldset class="ow-fieldset ow-rating__indicators">
                    <legend class="ow-fieldset__legend ow-fieldset__legend--m">{ rating_text(RatingText::IndicatorsLegend, l) }</legend>
                    <div class="ow-hint" id="ow-rating-scale-hint">{ rating_text(RatingText::IndicatorsHint, l) }</div>
                    { for indicator_sets }
                </fieldset>
                <div class={group("rating-comment")}>
                    <label class="ow-label ow-label--s" for="field-rating-comment">{ rating_text(RatingText::CommentLabel, l) }</label>
                    <div class="ow-hint" id="field-rating-comment-hint">{ rating_text(RatingText::CommentHint, l) }</div>
                    { error_line("rating-comment") }
                    <textarea class={classes!("ow-textarea", error_for("rating-comment").map(|_| "ow-textarea--error"))} id="field-rating-comment"
                        name="rating-comment" rows="4" value={(*comment).clone()} {oninput}
                        aria-describedby={described("rating-comment", Some("field-rating-comment-hint"))} />
                </div>
                <button type="submit" class="ow-button" disabled={sending} aria-disabled={sending.then_some("true")}>
                    { rating_text(if sending { RatingText::Sending } else { RatingText::Send }, l) }
                </button>
            </form>
        </section>
    }
}

/// Props for [`RatingPage`].
#[derive(Properties, PartialEq)]
pub struct PageProps {
    /// The catalog.
    pub catalog: Shared<Catalog>,
    /// The service's id.
    pub service: String,
    /// Interface locale.
    pub locale: AttrValue,
}

/// `?service=<id>&rate=1[&case=<reference>&token=<rating token>][&v=<version>]`: a service rated
/// from its guide, or a case from a link the department sent (a case without its token is not
/// one the receiver takes: the service is rated then).
#[function_component(RatingPage)]
pub fn rating_page(props: &PageProps) -> Html {
    let locale = props.locale.as_str();
    let fallback = props.catalog.fallback_locale();
    let service = props.catalog.service(&props.service);
    let title = service
        .map(|s| s.title.get(locale, fallback).to_string())
        .unwrap_or_else(|| props.service.clone());
    let token = io::url::query_param("token")
        .filter(|t| onewindow_engine::analytics::is_rating_token(t))
        .map(AttrValue::from);
    let case = io::url::query_param("case")
        .filter(|c| onewindow_engine::analytics::is_identifier(c) && token.is_some())
        .map(AttrValue::from);
    let version = io::url::query_param("v")
        .filter(|v| onewindow_engine::analytics::is_identifier(v))
        .map(AttrValue::from);
    let back = Some((
        AttrValue::from(format!("?service={}&lang={locale}", props.service)),
        AttrValue::from(title.clone()),
    ));
    html! {
        <Frame locale={props.locale.clone()} locales={props.catalog.locales.clone()} title={AttrValue::from(format!("{} – {title}", rating_text(RatingText::Heading, locale)))} {back}>
            <span class="ow-caption">{ &title }</span>
            <RatingForm service={AttrValue::from(props.service.clone())} {version} case_reference={case} case_token={token} locale={props.locale.clone()} own_page={true} />
        </Frame>
    }
}
