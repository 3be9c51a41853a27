//! A service's assistant (like GOV.UK smart answers, but data): one question per page, the
//! answers in the URL's fragment (bookmarkable, the back button steps back, never sent to the
//! server with the page request), ending at an outcome with the guide's checklist tailored to
//! the answers, and the way on: the form (answers handed over), another service, or the
//! counter.

use super::error_summary::ErrorSummary;
use super::fields::FieldView;
use super::guide_parts::{material_item, md, places_list, steps_list, t};
use super::layout::Frame;
use super::link::Link;
use super::recommendations::Recommendations;
use crate::io;
use crate::routing::Navigator;
use crate::shared::Shared;
use onewindow_engine::{
    answers_from_pairs, answers_to_pairs, handed_over, ui_text, Answers, Catalog, End, FieldError,
    FormModel, GuideModel, OutcomeAction, Service, Severity, UiText,
};
use yew::prelude::*;

/// Props for [`AssistantView`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The catalog.
    pub catalog: Shared<Catalog>,
    /// The service.
    pub service: Service,
    /// Its guide.
    pub guide: Shared<GuideModel>,
    /// Its assistant.
    pub assistant: Shared<FormModel>,
    /// Interface locale.
    pub locale: AttrValue,
    /// The URL's query and fragment (the step and the answers).
    pub location: String,
}

/// The URL of step `step` (a page id, or `result`) with `answers`.
fn step_url(service: &str, locale: &str, step: &str, answers: &Answers) -> String {
    let pairs = io::url::encode_pairs(&answers_to_pairs(answers));
    format!("?service={service}&lang={locale}&check={step}#{pairs}")
}

/// Where the URL's answers allow the citizen to be: the step it names if every page before
/// it is answered, else the first page that is not.
enum Step {
    Page(usize),
    Result(End),
}

fn allowed_step(model: &FormModel, answers: &Answers, wanted: &str, locale: &str) -> Step {
    let evaluation = model.evaluate(answers);
    let first_open = evaluation.path.iter().position(|&p| {
        onewindow_engine::validate_page(model, &evaluation, p, answers, locale)
            .iter()
            .any(|e| e.severity == Severity::Error)
    });
    let wanted_at = if wanted == "result" {
        Some(evaluation.path.len())
    } else {
        evaluation.path.iter().position(|&p| model.form().pages[p].id == wanted)
    };
    let at = match (wanted_at, first_open) {
        (Some(w), Some(open)) => w.min(open),
        (Some(w), None) => w,
        (None, open) => open.unwrap_or(0),
    };
    match evaluation.path.get(at) {
        Some(&page) => Step::Page(page),
        None if evaluation.path.is_empty() && first_open.is_none() => Step::Result(evaluation.end),
        None if at >= evaluation.path.len() => Step::Result(evaluation.end),
        None => Step::Page(0),
    }
}

/// The assistant at the step the URL names.
#[function_component(AssistantView)]
pub fn assistant_view(props: &Props) -> Html {
    let model = &props.assistant;
    let answers = answers_from_pairs(model, &io::url::hash_pairs());
    let wanted = io::url::query_param("check").unwrap_or_default();
    match allowed_step(model, &answers, &wanted, &props.locale) {
        Step::Page(page) => html! {
            <QuestionStep key={props.location.clone()} catalog={props.catalog.clone()} service={props.service.clone()} assistant={model.clone()} {page} {answers} locale={props.locale.clone()} />
        },
        Step::Result(end) => html! {
            <ResultStep catalog={props.catalog.clone()} service={props.service.clone()} guide={props.guide.clone()} assistant={model.clone()} {end} {answers} locale={props.locale.clone()} />
        },
    }
}

#[derive(Properties, PartialEq)]
struct QuestionProps {
    catalog: Shared<Catalog>,
    service: Service,
    assistant: Shared<FormModel>,
    page: usize,
    answers: Answers,
    locale: AttrValue,
}

/// One question page. Answers change here as the citizen chooses; "Continue" checks the page
/// and, when it is right, records the answers in this history entry and moves to the next.
#[function_component(QuestionStep)]
fn question_step(props: &QuestionProps) -> Html {
    let pending = use_state(|| props.answers.clone());
    let errors = use_state(Vec::<FieldError>::new);
    let failed = use_state(|| 0u32);
    let navigator = use_context::<Navigator>();
    let model = &props.assistant;
    let form = model.form();
    let locale = props.locale.as_str();
    let fallback = AttrValue::from(form.fallback_locale().to_string());
    let evaluation = model.evaluate(&pending);
    let page = &form.pages[props.page];
    let visible: Vec<_> =
        page.fields.iter().filter(|f| evaluation.is_visible(model, &f.id)).collect();
    let single = page.title.is_none() && visible.len() == 1;
    let heading = model.page_heading(&evaluation, props.page, locale);
    let service = props.service.id.clone();
    let on_submit = {
        let (pending, errors, failed, model) =
            (pending.clone(), errors.clone(), failed.clone(), model.clone());
        let (locale, page, service) = (locale.to_string(), props.page, service.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let answers = (*pending).clone();
            let evaluation = model.evaluate(&answers);
            let found =
                onewindow_engine::validate_page(&model, &evaluation, page, &answers, &locale);
            if found.iter().any(|e| e.severity == Severity::Error) {
                errors.set(found);
                failed.set(*failed + 1);
                return;
            }
            let here = &model.form().pages[page].id;
            let next = match evaluation
                .path
                .iter()
                .position(|&p| p == page)
                .and_then(|i| evaluation.path.get(i + 1))
            {
                Some(&p) => model.form().pages[p].id.clone(),
                None => "result".to_string(),
            };
            if let Some(navigator) = &navigator {
                // This entry keeps the answer, so the back button returns to it as chosen.
                navigator.replace(step_url(&service, &locale, here, &answers));
                navigator.go(step_url(&service, &locale, &next, &answers));
            }
        })
    };
    let back =
        evaluation.path.iter().position(|&p| p == props.page).and_then(|i| i.checked_sub(1)).map(
            |i| {
                let id = &form.pages[evaluation.path[i]].id;
                (
                    AttrValue::from(step_url(&service, locale, id, &props.answers)),
                    AttrValue::from(ui_text(UiText::Back, locale)),
                )
            },
        );
    let back = back.or_else(|| {
        Some((
            AttrValue::from(format!("?service={service}&lang={locale}")),
            AttrValue::from(ui_text(UiText::BackToGuide, locale)),
        ))
    });
    let has_errors = errors.iter().any(|e| e.severity == Severity::Error);
    let title = format!(
        "{}{heading} – {}",
        if has_errors { ui_text(UiText::ErrorTitlePrefix, locale) } else { "" },
        form.text(&form.title, locale)
    );
    html! {
        <Frame locale={props.locale.clone()} locales={form.locales.clone()} title={title} {back}>
            <form novalidate=true onsubmit={on_submit}>
                <ErrorSummary errors={(*errors).clone()} locale={props.locale.clone()} focus_key={*failed} />
                <span class="ow-caption">{ form.text(&form.title, locale) }</span>
                if !single { <h1 class="ow-heading-l">{ &heading }</h1> }
                { for visible.iter().map(|field| {
                    let on_change = {
                        let (pending, id) = (pending.clone(), field.id.clone());
                        Callback::from(move |value| {
                            let mut next = (*pending).clone();
                            next.set(id.clone(), value);
                            pending.set(next);
                        })
                    };
                    html! {
                        <FieldView
                            key={field.id.clone()}
                            field={Shared::new((*field).clone())}
                            locale={props.locale.clone()}
                            fallback={fallback.clone()}
                            value={pending.get(&field.id).cloned()}
                            required={model.is_required(&evaluation, &field.id)}
                            errors={errors.iter().filter(|e| e.field == field.id).cloned().collect::<Vec<_>>()}
                            is_heading={single}
                            scope={AttrValue::from(form.id.clone())}
                            {on_change}
                        />
                    }
                }) }
                <button type="submit" class="ow-button">{ ui_text(UiText::Continue, locale) }</button>
            </form>
        </Frame>
    }
}

#[derive(Properties, PartialEq)]
struct ResultProps {
    catalog: Shared<Catalog>,
    service: Service,
    guide: Shared<GuideModel>,
    assistant: Shared<FormModel>,
    end: End,
    answers: Answers,
    locale: AttrValue,
}

/// The outcome, the tailored checklist and the way on.
#[function_component(ResultStep)]
fn result_step(props: &ResultProps) -> Html {
    let model = &props.assistant;
    let form = model.form();
    let locale = props.locale.as_str();
    let fallback = props.catalog.fallback_locale();
    let service = &props.service;
    let list = props.guide.checklist(Some((model, &props.answers)));
    let outcome = match props.end {
        End::Outcome(i) => form.outcomes.get(i),
        End::CheckAnswers => None,
    };
    let action = outcome.and_then(|o| o.action.clone());
    let heading = match outcome {
        Some(o) => form.text(&o.title, locale).to_string(),
        None => ui_text(UiText::YourChecklist, locale).to_string(),
    };
    let title_text = t(&service.title, locale, fallback).to_string();
    let show_list =
        matches!(action, Some(OutcomeAction::StartForm { .. } | OutcomeAction::OfflineOnly) | None);
    let offline = matches!(action, Some(OutcomeAction::OfflineOnly));
    let download = {
        let text = list.to_text(
            &title_text,
            props.guide.guide(),
            locale,
            fallback,
            offline || list.steps.is_empty(),
        );
        let name = format!("{}-checklist.txt", service.id);
        Callback::from(move |_: MouseEvent| {
            io::dom::download_as(&name, &text, "text/plain;charset=utf-8")
        })
    };
    let print = Callback::from(|_: MouseEvent| io::dom::print());
    let mut tailored: Vec<String> = list.also_needed.iter().map(|a| a.service.clone()).collect();
    let reasons: Vec<(String, String)> = list
        .also_needed
        .iter()
        .filter_map(|a| {
            a.reason.as_ref().map(|r| (a.service.clone(), t(r, locale, fallback).to_string()))
        })
        .collect();
    let next = match &action {
        Some(OutcomeAction::StartForm { form: target, .. }) => {
            let handed = handed_over(
                model,
                action.as_ref().unwrap_or(&OutcomeAction::NotEligible),
                &props.answers,
            );
            let href = format!(
                "?form={target}&lang={locale}#{}",
                io::url::encode_pairs(&answers_to_pairs(&handed))
            );
            html! { <Link {href} class="ow-button ow-button--start">{ ui_text(UiText::StartApplication, locale) }</Link> }
        }
        Some(OutcomeAction::Service { service: other }) => {
            tailored.insert(0, other.clone());
            let name = props
                .catalog
                .service(other)
                .map(|s| t(&s.title, locale, fallback).to_string())
                .unwrap_or_default();
            html! { <Link href={format!("?service={other}&lang={locale}")} class="ow-button">{ format!("{}: {name}", ui_text(UiText::GoToService, locale)) }</Link> }
        }
        None => match &service.form {
            Some(target) => {
                html! { <Link href={format!("?form={target}&lang={locale}")} class="ow-button ow-button--start">{ ui_text(UiText::StartApplication, locale) }</Link> }
            }
            None => Html::default(),
        },
        _ => Html::default(),
    };
    let back = Some((
        AttrValue::from(format!("?service={}&lang={locale}", service.id)),
        AttrValue::from(ui_text(UiText::BackToGuide, locale)),
    ));
    html! {
        <Frame locale={props.locale.clone()} locales={form.locales.clone()} title={format!("{heading} – {title_text}")} {back}>
            <span class="ow-caption">{ &title_text }</span>
            <h1 class="ow-heading-l">{ &heading }</h1>
            if let Some(o) = outcome { { md(form.text(&o.body, locale), &props.catalog.image_hosts) } }
            if show_list {
                <section class="ow-checklist" aria-labelledby="ow-checklist-heading">
                    <h2 class="ow-heading-m" id="ow-checklist-heading">{ ui_text(UiText::YourChecklist, locale) }</h2>
                    <ul class="ow-materials">{ for list.materials.iter().map(|m| material_item(m, locale, fallback, false)) }</ul>
                    if !list.shared.is_empty() {
                        <h3 class="ow-heading-s">{ ui_text(UiText::NoNeedToBring, locale) }</h3>
                        <ul class="ow-materials">{ for list.shared.iter().map(|m| material_item(m, locale, fallback, false)) }</ul>
                    }
                    if !list.conditions.is_empty() {
                        <h3 class="ow-heading-s">{ ui_text(UiText::ConditionsForYou, locale) }</h3>
                        <ul class="ow-list ow-list--bullet">{ for list.conditions.iter().map(|c| html! { <li>{ t(&c.text, locale, fallback) }</li> }) }</ul>
                    }
                    <h3 class="ow-heading-s">{ ui_text(UiText::StepsForYou, locale) }</h3>
                    { steps_list(&list.steps, locale, fallback, false, &props.catalog.image_hosts) }
                    if offline {
                        <h3 class="ow-heading-s">{ ui_text(UiText::WhereToGo, locale) }</h3>
                        { places_list(props.guide.guide(), locale, fallback) }
                    }
                    <div class="ow-button-group ow-no-print">
                        <button type="button" class="ow-button ow-button--secondary" onclick={print}>{ ui_text(UiText::PrintChecklist, locale) }</button>
                        <button type="button" class="ow-button ow-button--secondary" onclick={download}>{ ui_text(UiText::DownloadChecklist, locale) }</button>
                    </div>
                </section>
            }
            <div class="ow-button-group ow-no-print">{ next }</div>
            <p class="ow-body ow-no-print"><Link href={format!("?service={}&lang={locale}&check=start", service.id)}>{ ui_text(UiText::CheckAgain, locale) }</Link></p>
            <Recommendations catalog={props.catalog.clone()} service={service.id.clone()} {tailored} {reasons} locale={props.locale.clone()} />
        </Frame>
    }
}
