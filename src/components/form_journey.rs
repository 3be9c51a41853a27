//! One form from the first question to check answers (or an outcome).

use super::check_answers::CheckAnswers;
use super::outcome::OutcomePage;
use super::question_page::QuestionPage;
use crate::io;
use crate::state::{Action, FormState};
use onewindow_engine::{ui_text, FormModel, Position, UiText};
use std::rc::Rc;
use yew::prelude::*;

/// Props for [`FormJourney`].
#[derive(Properties)]
pub struct Props {
    /// The loaded form.
    pub model: Rc<FormModel>,
    /// Interface and content locale.
    pub locale: AttrValue,
}

impl PartialEq for Props {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.model, &other.model) && self.locale == other.locale
    }
}

/// The pages of one form.
#[function_component(FormJourney)]
pub fn form_journey(props: &Props) -> Html {
    let state = {
        let (model, locale) = (props.model.clone(), props.locale.to_string());
        use_reducer(move || FormState::new(model, locale))
    };
    let model = &state.model;
    let form = model.form();
    let locale = state.locale.as_str();
    let heading = match state.position {
        Position::Page(page) => model.page_heading(&state.evaluation, page, locale),
        Position::CheckAnswers => ui_text(UiText::CheckAnswers, locale).to_string(),
        Position::Outcome(o) => form.outcomes.get(o).map(|o| form.text(&o.title, locale).to_string()).unwrap_or_default(),
    };
    {
        let has_errors = state.errors.iter().any(|e| e.is_error());
        let prefix = if has_errors { ui_text(UiText::ErrorTitlePrefix, locale) } else { "" };
        let title = format!("{prefix}{heading} – {}", form.text(&form.title, locale));
        let locale = locale.to_string();
        use_effect_with((title, locale), |(title, locale)| {
            io::set_title(title);
            io::set_document_lang(locale);
        });
    }
    let back_link = state.back_target().map(|_| {
        let state = state.clone();
        let onclick = Callback::from(move |event: MouseEvent| {
            event.prevent_default();
            state.dispatch(Action::Back);
        });
        html! { <a href="#back" class="ow-back-link" {onclick}>{ ui_text(UiText::Back, locale) }</a> }
    });
    let body = match state.position {
        Position::Page(page) => html! { <QuestionPage state={state.clone()} {page} heading={heading.clone()} /> },
        Position::CheckAnswers => html! { <CheckAnswers state={state.clone()} /> },
        Position::Outcome(outcome) => html! { <OutcomePage model={model.clone()} {outcome} locale={state.locale.clone()} /> },
    };
    html! {
        <div class="ow-width-container" lang={state.locale.clone()}>
            <header class="ow-header"><span class="ow-header__service">{ form.text(&form.title, locale) }</span></header>
            { back_link }
            <main class="ow-main" id="main-content">{ body }</main>
        </div>
    }
}
