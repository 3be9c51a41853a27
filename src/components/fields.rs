//! One question of any type, with its label (or legend), hint and errors tied to the inputs
//! for screen readers (`aria-describedby`), following the GOV.UK component markup.

use super::composite::{self, CnAddress, GroupField};
use super::error_summary::input_id;
use crate::shared::Shared;
use onewindow_engine::{
    render_markdown, toggle_checkbox, ui_text, AddressStyle, Answer, Choice, Field, FieldError,
    FieldKind, Text, UiText,
};
use serde_json::{json, Value};
use yew::prelude::*;

/// Props for [`FieldView`].
#[derive(Properties, Clone, PartialEq)]
pub struct Props {
    /// The question as defined (shared: a page keeps its questions from keystroke to keystroke,
    /// and comparing them is then comparing pointers).
    pub field: Shared<Field>,
    /// The citizen's locale and the form's fallback locale.
    pub locale: AttrValue,
    /// The form's first locale, used for texts missing in `locale`.
    pub fallback: AttrValue,
    /// The current answer, as typed.
    #[prop_or_default]
    pub value: Option<Answer>,
    /// The value of a computed field.
    #[prop_or_default]
    pub computed: Option<Answer>,
    /// Whether the answer is needed (the label says "(optional)" otherwise).
    pub required: bool,
    /// The problems on show for this question.
    #[prop_or_default]
    pub errors: Vec<FieldError>,
    /// The page's only question: its label or legend is the page heading.
    #[prop_or_default]
    pub is_heading: bool,
    /// Follow-up questions nested under options (GOV.UK conditional reveals): the option's
    /// value and the questions' markup, empty while the option is not chosen.
    #[prop_or_default]
    pub reveals: Vec<(AttrValue, Html)>,
    /// The form's id: files chosen here are kept on the device under it.
    #[prop_or_default]
    pub scope: AttrValue,
    /// Called with the new answer on every change.
    pub on_change: Callback<Answer>,
}

impl Props {
    pub(crate) fn t<'a>(&self, text: &'a Text) -> &'a str {
        text.get(&self.locale, &self.fallback)
    }

    pub(crate) fn id(&self) -> String {
        input_id(&self.field.id, None)
    }

    pub(crate) fn label_text(&self) -> Html {
        let optional = !self.required
            && self.field.kind.is_question()
            && !matches!(self.field.kind, FieldKind::Declaration { .. });
        html! {
            <>
                { self.t(&self.field.label) }
                if optional { { " " }{ ui_text(UiText::Optional, &self.locale) } }
            </>
        }
    }

    pub(crate) fn hint_id(&self) -> Option<String> {
        self.field.hint.as_ref().map(|_| format!("{}-hint", self.id()))
    }

    pub(crate) fn error_id(&self) -> Option<String> {
        (!self.errors.is_empty()).then(|| format!("{}-error", self.id()))
    }

    pub(crate) fn described_by(&self) -> Option<String> {
        let ids: Vec<String> = [self.hint_id(), self.error_id()].into_iter().flatten().collect();
        (!ids.is_empty()).then(|| ids.join(" "))
    }

    pub(crate) fn hint(&self) -> Html {
        match (&self.field.hint, self.hint_id()) {
            (Some(hint), Some(id)) => html! { <div class="ow-hint" {id}>{ self.t(hint) }</div> },
            _ => Html::default(),
        }
    }

    pub(crate) fn error_message(&self) -> Html {
        let Some(id) = self.error_id() else { return Html::default() };
        html! {
            <p class="ow-error-message" {id}>
                { for self.errors.iter().map(|e| {
                    let prefix = if e.is_error() { UiText::ErrorPrefix } else { UiText::WarningPrefix };
                    html! { <span class={classes!("ow-error-message__line", (!e.is_error()).then_some("ow-error-message--warning"))}>
                        <span class="ow-visually-hidden">{ ui_text(prefix, &self.locale) }{ " " }</span>{ &e.message }
                    </span> }
                }) }
            </p>
        }
    }

    /// The container of the questions revealed by option `n`, if that option reveals any.
    fn conditional(&self, n: usize, value: &str, chosen: bool) -> (Option<String>, Html) {
        let Some((_, content)) = self.reveals.iter().find(|(v, _)| v.as_str() == value) else {
            return (None, Html::default());
        };
        let id = format!("{}-conditional", option_id(self, n));
        let class = classes!("ow-conditional", (!chosen).then_some("ow-conditional--hidden"));
        (Some(id.clone()), html! { <div {class} {id} hidden={!chosen}>{ content.clone() }</div> })
    }

    pub(crate) fn has_error(&self) -> bool {
        self.errors.iter().any(FieldError::is_error)
    }

    pub(crate) fn text_value(&self) -> String {
        match &self.value {
            Some(Value::String(s)) => s.clone(),
            Some(Value::Number(n)) => n.to_string(),
            _ => String::new(),
        }
    }

    /// A form group around single-input questions, with the label as heading when alone.
    pub(crate) fn labelled(&self, input: Html) -> Html {
        let label = html! {
            <label class={classes!("ow-label", self.is_heading.then_some("ow-label--l"))} for={self.id()}>{ self.label_text() }</label>
        };
        html! {
            <div class={classes!("ow-form-group", self.has_error().then_some("ow-form-group--error"))}>
                if self.is_heading { <h1 class="ow-label-wrapper">{ label }</h1> } else { { label } }
                { self.hint() }
                { self.error_message() }
                { input }
            </div>
        }
    }

    /// A fieldset around multi-input questions (choices, dates), with the legend as heading.
    pub(crate) fn fieldset(&self, inputs: Html) -> Html {
        html! {
            <div class={classes!("ow-form-group", self.has_error().then_some("ow-form-group--error"))}>
                <fieldset class="ow-fieldset" aria-describedby={self.described_by()}>
                    <legend class={classes!("ow-fieldset__legend", self.is_heading.then_some("ow-fieldset__legend--l"))}>
                        if self.is_heading { <h1 class="ow-fieldset__heading">{ self.label_text() }</h1> } else { { self.label_text() } }
                    </legend>
                    { self.hint() }
                    { self.error_message() }
                    { inputs }
                </fieldset>
            </div>
        }
    }
}

/// Reads the text of the input, textarea or select an event came from.
pub(crate) fn event_text(event: &Event) -> String {
    if let Some(input) = event.target_dyn_into::<web_sys::HtmlInputElement>() {
        input.value()
    } else if let Some(area) = event.target_dyn_into::<web_sys::HtmlTextAreaElement>() {
        area.value()
    } else if let Some(select) = event.target_dyn_into::<web_sys::HtmlSelectElement>() {
        select.value()
    } else {
        String::new()
    }
}

/// One question of any type.
#[function_component(FieldView)]
pub fn field_view(props: &Props) -> Html {
    match &props.field.kind {
        FieldKind::Text { .. }
        | FieldKind::Email {}
        | FieldKind::Phone { .. }
        | FieldKind::Url {}
        | FieldKind::Number { .. }
        | FieldKind::Integer { .. }
        | FieldKind::Money { .. } => text_input(props),
        FieldKind::Textarea { .. } => {
            let on_change = props.on_change.clone();
            let oninput =
                Callback::from(move |e: InputEvent| on_change.emit(Value::String(event_text(&e))));
            props.labelled(html! {
                <textarea class={classes!("ow-textarea", props.has_error().then_some("ow-textarea--error"))}
                    id={props.id()} name={props.field.id.clone()} rows="5" value={props.text_value()}
                    aria-describedby={props.described_by()} {oninput} />
            })
        }
        FieldKind::Radios { options } => radios(props, options.clone()),
        FieldKind::YesNo {} => radios(
            props,
            vec![
                Choice {
                    value: "yes".into(),
                    label: Text::Plain(ui_text(UiText::Yes, &props.locale).into()),
                    hint: None,
                },
                Choice {
                    value: "no".into(),
                    label: Text::Plain(ui_text(UiText::No, &props.locale).into()),
                    hint: None,
                },
            ],
        ),
        FieldKind::Checkboxes { options, exclusive, .. } => {
            checkboxes(props, options, exclusive.as_deref())
        }
        FieldKind::Select { options, .. } => select(props, options),
        FieldKind::Date { .. } => date(props),
        FieldKind::Declaration { statement } => declaration(props, statement),
        FieldKind::Content { body } => {
            let heading = props.t(&props.field.label);
            html! {
                <div class="ow-content">
                    if !heading.is_empty() {
                        if props.is_heading { <h1 class="ow-heading-l">{ heading }</h1> } else { <h2 class="ow-heading-m">{ heading }</h2> }
                    }
                    { Html::from_html_unchecked(AttrValue::from(render_markdown(props.t(body)))) }
                </div>
            }
        }
        FieldKind::Computed { .. } => {
            let value = match &props.computed {
                Some(Value::String(s)) => s.clone(),
                Some(Value::Null) | None => String::new(),
                Some(other) => other.to_string(),
            };
            html! {
                <div class="ow-form-group">
                    <p class="ow-label" id={props.id()}>{ props.t(&props.field.label) }</p>
                    <p class="ow-computed" aria-describedby={props.hint_id()}>{ value }</p>
                    { props.hint() }
                </div>
            }
        }
        FieldKind::Address { style: AddressStyle::Uk } => composite::uk_address(props),
        FieldKind::Address { style: AddressStyle::Cn } => html! { <CnAddress ..props.clone() /> },
        FieldKind::File { accept, max_count, .. } => {
            composite::file_upload(props, accept, *max_count)
        }
        FieldKind::Group { .. } => html! { <GroupField ..props.clone() /> },
    }
}

fn text_input(props: &Props) -> Html {
    let (kind, inputmode, autocomplete, spellcheck, width) = match &props.field.kind {
        FieldKind::Email {} => ("email", None, Some("email"), Some("false"), None),
        FieldKind::Phone { .. } => ("tel", None, Some("tel"), None, Some("ow-input--width-20")),
        FieldKind::Url {} => ("url", None, Some("url"), Some("false"), None),
        FieldKind::Integer { .. } => {
            ("text", Some("numeric"), None, Some("false"), Some("ow-input--width-10"))
        }
        FieldKind::Number { .. } | FieldKind::Money { .. } => {
            ("text", Some("decimal"), None, Some("false"), Some("ow-input--width-10"))
        }
        FieldKind::Text { format: Some(_), .. } => {
            ("text", None, None, Some("false"), Some("ow-input--width-20"))
        }
        _ => ("text", None, None, None, None),
    };
    let on_change = props.on_change.clone();
    let oninput =
        Callback::from(move |e: InputEvent| on_change.emit(Value::String(event_text(&e))));
    let (prefix, suffix) = match &props.field.kind {
        FieldKind::Money { currency, .. } => (Some(currency_symbol(currency)), None),
        FieldKind::Number { suffix, .. } | FieldKind::Integer { suffix, .. } => {
            (None, suffix.as_ref().map(|s| props.t(s).to_string()))
        }
        _ => (None, None),
    };
    let input = html! {
        <input class={classes!("ow-input", width, props.has_error().then_some("ow-input--error"))}
            id={props.id()} name={props.field.id.clone()} type={kind} inputmode={inputmode}
            autocomplete={autocomplete} spellcheck={spellcheck} value={props.text_value()}
            aria-describedby={props.described_by()} {oninput} />
    };
    props.labelled(if prefix.is_some() || suffix.is_some() {
        html! {
            <div class="ow-input__wrapper">
                if let Some(p) = prefix { <div class="ow-input__prefix" aria-hidden="true">{ p }</div> }
                { input }
                if let Some(s) = suffix { <div class="ow-input__suffix" aria-hidden="true">{ s }</div> }
            </div>
        }
    } else {
        input
    })
}

fn currency_symbol(code: &str) -> String {
    match code {
        "CNY" => "¥".into(),
        "GBP" => "£".into(),
        "EUR" => "€".into(),
        "USD" => "$".into(),
        other => other.into(),
    }
}

fn option_id(props: &Props, n: usize) -> String {
    if n == 0 {
        props.id()
    } else {
        format!("{}-{n}", props.id())
    }
}

fn radios(props: &Props, options: Vec<Choice>) -> Html {
    let current = props.text_value();
    props.fieldset(html! {
        <div class="ow-radios">
            { for options.iter().enumerate().map(|(n, option)| {
                let id = option_id(props, n);
                let value = option.value.clone();
                let on_change = props.on_change.clone();
                let onchange = Callback::from(move |_| on_change.emit(Value::String(value.clone())));
                let hint_id = option.hint.as_ref().map(|_| format!("{id}-hint"));
                let (controls, conditional) = props.conditional(n, &option.value, current == option.value);
                html! {
                    <>
                        <div class="ow-radios__item">
                            <input class="ow-radios__input" type="radio" id={id.clone()} name={props.field.id.clone()}
                                value={option.value.clone()} checked={current == option.value} aria-describedby={hint_id.clone()}
                                aria-controls={controls} {onchange} />
                            <label class="ow-label ow-radios__label" for={id}>{ props.t(&option.label) }</label>
                            if let (Some(hint), Some(hint_id)) = (&option.hint, hint_id) {
                                <div class="ow-hint ow-radios__hint" id={hint_id}>{ props.t(hint) }</div>
                            }
                        </div>
                        { conditional }
                    </>
                }
            }) }
        </div>
    })
}

fn checkboxes(props: &Props, options: &[Choice], exclusive: Option<&str>) -> Html {
    let chosen: Vec<String> = props
        .value
        .as_ref()
        .and_then(Value::as_array)
        .map(|a| a.iter().filter_map(Value::as_str).map(str::to_string).collect())
        .unwrap_or_default();
    let or = ui_text(UiText::Or, &props.locale);
    props.fieldset(html! {
        <div class="ow-checkboxes">
            { for options.iter().enumerate().map(|(n, option)| {
                let id = option_id(props, n);
                let value = option.value.clone();
                let on_change = props.on_change.clone();
                let current = props.value.clone();
                let exclusive_value = exclusive.map(str::to_string);
                let onchange = Callback::from(move |e: Event| {
                    let checked = e.target_dyn_into::<web_sys::HtmlInputElement>().is_some_and(|i| i.checked());
                    on_change.emit(toggle_checkbox(current.as_ref(), &value, checked, exclusive_value.as_deref()));
                });
                let is_exclusive = exclusive == Some(option.value.as_str());
                let (controls, conditional) = props.conditional(n, &option.value, chosen.contains(&option.value));
                html! {
                    <>
                        if is_exclusive && n > 0 { <div class="ow-checkboxes__divider">{ or }</div> }
                        <div class="ow-checkboxes__item">
                            <input class="ow-checkboxes__input" type="checkbox" id={id.clone()} name={props.field.id.clone()}
                                value={option.value.clone()} checked={chosen.contains(&option.value)} aria-controls={controls} {onchange} />
                            <label class="ow-label ow-checkboxes__label" for={id}>{ props.t(&option.label) }</label>
                        </div>
                        { conditional }
                    </>
                }
            }) }
        </div>
    })
}

fn date(props: &Props) -> Html {
    let part = |name: &str| {
        props
            .value
            .as_ref()
            .and_then(|v| v.get(name))
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string()
    };
    let parts = [
        ("day", UiText::Day, "ow-input--width-2", "numeric"),
        ("month", UiText::Month, "ow-input--width-4", "text"),
        ("year", UiText::Year, "ow-input--width-4", "numeric"),
    ];
    let errored_parts: Vec<Option<String>> = props.errors.iter().map(|e| e.part.clone()).collect();
    props.fieldset(html! {
        <div class="ow-date-input">
            { for parts.iter().map(|(name, label, width, inputmode)| {
                let id = input_id(&props.field.id, Some(name));
                let on_change = props.on_change.clone();
                let value = props.value.clone();
                let key = name.to_string();
                let oninput = Callback::from(move |e: InputEvent| {
                    let mut next = value.clone().filter(Value::is_object).unwrap_or_else(|| json!({}));
                    next[key.as_str()] = Value::String(event_text(&e));
                    on_change.emit(next);
                });
                // GOV.UK: highlight the parts at fault, or all three when the date as a whole is.
                let whole = errored_parts.iter().any(Option::is_none);
                let in_error = props.has_error() && (whole || errored_parts.iter().any(|p| p.as_deref() == Some(*name)));
                html! {
                    <div class="ow-date-input__item">
                        <label class="ow-label ow-date-input__label" for={id.clone()}>{ ui_text(*label, &props.locale) }</label>
                        <input class={classes!("ow-input", *width, in_error.then_some("ow-input--error"))} id={id}
                            name={format!("{}-{name}", props.field.id)} type="text" inputmode={*inputmode}
                            spellcheck="false" value={part(name)} {oninput} />
                    </div>
                }
            }) }
        </div>
    })
}

fn declaration(props: &Props, statement: &Text) -> Html {
    let on_change = props.on_change.clone();
    let onchange = Callback::from(move |e: Event| {
        let checked = e.target_dyn_into::<web_sys::HtmlInputElement>().is_some_and(|i| i.checked());
        on_change.emit(if checked { Value::Bool(true) } else { Value::Null });
    });
    let checked = props.value == Some(Value::Bool(true));
    props.fieldset(html! {
        <div class="ow-checkboxes">
            <div class="ow-checkboxes__item">
                <input class="ow-checkboxes__input" type="checkbox" id={props.id()} name={props.field.id.clone()} {checked} {onchange} />
                <label class="ow-label ow-checkboxes__label" for={props.id()}>{ props.t(statement) }</label>
            </div>
        </div>
    })
}

fn select(props: &Props, options: &[Choice]) -> Html {
    let current = props.text_value();
    let on_change = props.on_change.clone();
    let onchange = Callback::from(move |e: Event| on_change.emit(Value::String(event_text(&e))));
    props.labelled(html! {
        <select class={classes!("ow-select", props.has_error().then_some("ow-select--error"))} id={props.id()}
            name={props.field.id.clone()} aria-describedby={props.described_by()} {onchange}>
            <option value="" selected={current.is_empty()}>{ ui_text(UiText::Choose, &props.locale) }</option>
            { for options.iter().map(|o| html! {
                <option value={o.value.clone()} selected={current == o.value}>{ props.t(&o.label) }</option>
            }) }
        </select>
    })
}
