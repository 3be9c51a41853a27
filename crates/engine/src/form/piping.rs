//! Piping: `{{id}}` in a page's text inserts the answer to question `id`, or computed value
//! `id`, as check answers shows it in the text's locale (an option's label, a date written
//! out); `{{id|words}}` gives the words when there is none yet. A locale-aware choice ("your" /
//! "their") is a computed value whose `options` label its values per locale.
//!
//! What is inserted is the citizen's own text: the UI shows plain text as text, and into
//! Markdown it goes escaped (every ASCII punctuation mark behind a backslash, line breaks as
//! spaces), so an answer can never become a link, an image or markup.

use crate::form::definition::{Field, FieldKind, Text};
use crate::form::model::{Evaluation, FormModel};
use crate::form::summary::shown_value;
use std::borrow::Cow;
use std::ops::Range;

/// One `{{id}}` or `{{id|fallback}}` in a text.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Pipe<'a> {
    /// The question or computed value named.
    pub id: &'a str,
    /// What to show when it has no value.
    pub fallback: &'a str,
    /// Where the whole `{{…}}` is in the text.
    pub range: Range<usize>,
}

/// The pipes in `text`, in order. `{{` not closed on the same line, or around something that
/// cannot be an id, is text.
pub(crate) fn pipes(text: &str) -> Vec<Pipe<'_>> {
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(start) = text.get(from..).and_then(|rest| rest.find("{{")).map(|s| s + from) {
        let inner_start = start + 2;
        let Some(rest) = text.get(inner_start..) else { break };
        let Some(len) = rest.find("}}").filter(|&len| !rest[..len].contains('\n')) else {
            from = inner_start;
            continue;
        };
        let inner = &rest[..len];
        let (id, fallback) = inner.split_once('|').unwrap_or((inner, ""));
        let id = id.trim();
        let plausible = !id.is_empty()
            && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-' || b == b'.');
        if plausible {
            found.push(Pipe { id, fallback: fallback.trim(), range: start..inner_start + len + 2 });
            from = inner_start + len + 2;
        } else {
            from = inner_start;
        }
    }
    found
}

/// Whether `text` has a pipe in any locale.
pub(crate) fn has_pipes(text: &Text) -> bool {
    match text {
        Text::Plain(s) => s.contains("{{"),
        Text::Localized(map) => map.values().any(|s| s.contains("{{")),
    }
}

/// `text` with every ASCII punctuation mark escaped for Markdown and line breaks as spaces.
fn markdown_escaped(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\n' | '\r' => out.push(' '),
            c if c.is_ascii_punctuation() => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

impl FormModel {
    /// What `{{id}}` shows for these answers: the value as check answers shows it, or empty.
    fn piped_value(&self, evaluation: &Evaluation, id: &str, locale: &str) -> String {
        let Some(&i) = self.index.get(id) else { return String::new() };
        let field = self.field_at(i);
        shown_value(self, field, evaluation.value(self, id), locale).replace('\n', ", ")
    }

    /// `text` with its pipes filled in for these answers; `markdown` escapes what is inserted
    /// for a Markdown text.
    pub fn pipe<'t>(
        &self,
        evaluation: &Evaluation,
        text: &'t str,
        locale: &str,
        markdown: bool,
    ) -> Cow<'t, str> {
        let found = pipes(text);
        if found.is_empty() {
            return Cow::Borrowed(text);
        }
        let mut out = String::with_capacity(text.len());
        let mut last = 0;
        for pipe in found {
            out.push_str(text.get(last..pipe.range.start).unwrap_or_default());
            let value = self.piped_value(evaluation, pipe.id, locale);
            let shown = if value.trim().is_empty() { pipe.fallback.to_string() } else { value };
            if markdown {
                out.push_str(&markdown_escaped(&shown));
            } else {
                out.push_str(&shown);
            }
            last = pipe.range.end;
        }
        out.push_str(text.get(last..).unwrap_or_default());
        Cow::Owned(out)
    }

    /// `text` in `locale`, piped (see [`FormModel::pipe`]).
    pub fn piped_text(
        &self,
        evaluation: &Evaluation,
        text: &Text,
        locale: &str,
        markdown: bool,
    ) -> String {
        self.pipe(evaluation, self.form.text(text, locale), locale, markdown).into_owned()
    }

    /// `field` as the page shows it now, or None when that is the field as published: its
    /// texts in `locale` with their pipes filled in, a keyed select's options those under its
    /// key question's answer, and no option whose `visible_if` does not hold.
    pub fn shown_field(
        &self,
        evaluation: &Evaluation,
        field: &Field,
        locale: &str,
    ) -> Option<Field> {
        let piped =
            self.index.get(&field.id).and_then(|&i| self.fields.get(i)).is_some_and(|n| n.piped);
        let hidden = evaluation.hidden_options(self, &field.id);
        let offered = self.offered_options(evaluation, field);
        if !piped && hidden.is_empty() && offered.is_none() {
            return None;
        }
        let mut shown = field.clone();
        if piped {
            for (text, markdown) in texts_mut(&mut shown) {
                if has_pipes(text) {
                    *text = Text::Plain(self.piped_text(evaluation, text, locale, markdown));
                }
            }
        }
        if let (Some(offered), FieldKind::Select { options, .. }) = (offered, &mut shown.kind) {
            *options = offered;
        }
        if let FieldKind::Select { options, .. }
        | FieldKind::Radios { options }
        | FieldKind::Checkboxes { options, .. } = &mut shown.kind
        {
            options.retain(|o| !hidden.contains(&o.value));
        }
        Some(shown)
    }
}

/// Whether any of a question's own texts has a pipe (worked out once, when the form loads).
pub(crate) fn field_has_pipes(field: &Field) -> bool {
    texts_mut(&mut field.clone()).into_iter().any(|(text, _)| has_pipes(text))
}

/// A question's own texts a citizen reads, each with whether it is Markdown.
fn texts_mut(field: &mut Field) -> Vec<(&mut Text, bool)> {
    let mut texts = vec![(&mut field.label, false)];
    texts.extend(field.hint.iter_mut().map(|h| (h, false)));
    match &mut field.kind {
        FieldKind::Select { options, .. }
        | FieldKind::Radios { options }
        | FieldKind::Checkboxes { options, .. } => {
            for option in options {
                texts.push((&mut option.label, false));
                texts.extend(option.hint.iter_mut().map(|h| (h, false)));
            }
        }
        FieldKind::Content { body } => texts.push((body, true)),
        FieldKind::Declaration { statement } => texts.push((statement, false)),
        _ => {}
    }
    texts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pipes_are_found_and_what_is_not_one_is_text() {
        let found = pipes("Is {{ child_name | your child }} a {{x}}? {{not an id}} {{open\n}}");
        assert_eq!(
            found,
            [
                Pipe { id: "child_name", fallback: "your child", range: 3..32 },
                Pipe { id: "x", fallback: "", range: 35..40 },
            ]
        );
        assert!(pipes("{{").is_empty() && pipes("}}{{").is_empty() && pipes("{{}}").is_empty());
    }

    #[test]
    fn what_goes_into_markdown_cannot_become_markup() {
        assert_eq!(
            markdown_escaped("[x](javascript:1) **b**\n# h"),
            "\\[x\\]\\(javascript\\:1\\) \\*\\*b\\*\\* \\# h"
        );
    }
}
