//! `onewindow new form`: a starting definition whose texts say what to change. JSON has no
//! comments, so the explanations are a content page and the questions' hints; the result
//! passes `lint` without a problem.

use crate::args;
use crate::Error;
use std::io::Write;

/// `onewindow new form|guide [--id ID] [--locales zh-CN,en]`.
pub fn run(args: &[String], out: &mut dyn Write) -> Result<u8, Error> {
    let parsed = args::parse("new", args, &["--id", "--locales"], &[])?;
    match parsed.positional.as_slice() {
        [kind] if kind == "form" => {}
        [kind] if kind == "guide" => {
            return Err(Error::NotYet(
                "guides are not defined yet: `onewindow new guide` arrives with the guides feature".to_string(),
            ))
        }
        [] => return Err(Error::usage("new needs what to start: onewindow new form [--id ID] [--locales zh-CN,en]")),
        [kind] => return Err(Error::usage(format!("new: \"{kind}\" is not something to start; use form"))),
        _ => return Err(Error::usage("new takes one kind: onewindow new form [--id ID] [--locales zh-CN,en]")),
    }
    let id = parsed.value("--id").unwrap_or("my-form");
    let well_formed = id.starts_with(|c: char| c.is_ascii_alphabetic())
        && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    if !well_formed {
        return Err(Error::usage(format!("new: --id \"{id}\" must start with a letter and use only letters, digits, _ and -")));
    }
    let locales = locales(parsed.value("--locales").unwrap_or("en"))?;
    let mut text = String::new();
    write_json(&Starter { locales: &locales }.form(id), 0, &mut text);
    writeln!(out, "{text}")?;
    Ok(0)
}

pub(crate) fn locales(list: &str) -> Result<Vec<String>, Error> {
    let mut locales: Vec<String> = Vec::new();
    for tag in list.split(',').map(str::trim) {
        let well_formed = tag.starts_with(|c: char| c.is_ascii_alphabetic())
            && tag.split('-').all(|part| !part.is_empty() && part.len() <= 8 && part.chars().all(|c| c.is_ascii_alphanumeric()));
        if !well_formed {
            return Err(Error::usage(format!("new: \"{tag}\" is not a locale tag like en or zh-CN (--locales zh-CN,en)")));
        }
        if locales.iter().any(|l| l.eq_ignore_ascii_case(tag)) {
            return Err(Error::usage(format!("new: locale {tag} is listed twice")));
        }
        locales.push(tag.to_string());
    }
    Ok(locales)
}

/// A JSON value whose object keys keep the order written (serde_json's map sorts them).
enum J {
    Object(Vec<(String, J)>),
    Array(Vec<J>),
    String(String),
    Number(i64),
    Bool(bool),
}

fn obj<const N: usize>(items: [(&str, J); N]) -> J {
    J::Object(items.into_iter().map(|(k, v)| (k.to_string(), v)).collect())
}

fn s(text: &str) -> J {
    J::String(text.to_string())
}

/// serde_json's pretty layout: two spaces, one member per line.
fn write_json(value: &J, indent: usize, out: &mut String) {
    let pad = |n: usize| " ".repeat(n);
    match value {
        J::Object(items) if items.is_empty() => out.push_str("{}"),
        J::Array(items) if items.is_empty() => out.push_str("[]"),
        J::Object(items) => {
            out.push_str("{\n");
            for (i, (key, item)) in items.iter().enumerate() {
                out.push_str(&pad(indent + 2));
                out.push_str(&serde_json::Value::from(key.as_str()).to_string());
                out.push_str(": ");
                write_json(item, indent + 2, out);
                out.push_str(if i + 1 < items.len() { ",\n" } else { "\n" });
            }
            out.push_str(&pad(indent));
            out.push('}');
        }
        J::Array(items) => {
            out.push_str("[\n");
            for (i, item) in items.iter().enumerate() {
                out.push_str(&pad(indent + 2));
                write_json(item, indent + 2, out);
                out.push_str(if i + 1 < items.len() { ",\n" } else { "\n" });
            }
            out.push_str(&pad(indent));
            out.push(']');
        }
        J::String(text) => out.push_str(&serde_json::Value::from(text.as_str()).to_string()),
        J::Number(n) => out.push_str(&n.to_string()),
        J::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
    }
}

struct Starter<'a> {
    locales: &'a [String],
}

impl Starter<'_> {
    /// A text in every locale: English and Chinese are written out; other locales get the
    /// English text marked for translation.
    fn t(&self, en: &str, zh: &str) -> J {
        let one = |locale: &str| {
            let lower = locale.to_ascii_lowercase();
            if lower == "en" || lower.starts_with("en-") {
                en.to_string()
            } else if lower == "zh" || lower.starts_with("zh-") {
                zh.to_string()
            } else {
                format!("[translate into {locale}] {en}")
            }
        };
        match self.locales {
            [only] => J::String(one(only)),
            all => J::Object(all.iter().map(|l| (l.clone(), J::String(one(l)))).collect()),
        }
    }

    fn option(&self, value: &str, en: &str, zh: &str) -> J {
        obj([("value", s(value)), ("label", self.t(en, zh))])
    }

    fn form(&self, id: &str) -> J {
        let equals = |field: &str, value: &str| obj([("==", J::Array(vec![obj([("var", s(field))]), s(value)]))]);
        obj([
            ("schema_version", J::Number(1)),
            ("id", s(id)),
            ("version", s("0.1")),
            ("title", self.t("Apply for [the service]", "申请[服务名称]")),
            ("department", self.t("[Your department]", "[您的部门]")),
            ("description", self.t(
                "Say in a few short sentences what the service is for and who can use it. Citizens read this (Markdown) on the start page.",
                "用几句话说明本服务的用途和适用对象。市民会在首页看到这段文字（可使用 Markdown）。",
            )),
            ("locales", J::Array(self.locales.iter().map(|l| s(l)).collect())),
            ("pages", J::Array(vec![
                obj([
                    ("id", s("about-this-template")),
                    ("title", self.t("How to use this template", "如何使用本模板")),
                    ("fields", J::Array(vec![obj([
                        ("id", s("template_notes")),
                        ("type", s("content")),
                        ("label", s("")),
                        ("body", self.t(
                            "This file is a starting point: change every text in it, then delete this page.\n\n\
                             - Save the file as the form's `id` followed by `.json`, and change `version` whenever you publish a change.\n\
                             - A page has an `id` (used in its address) and `fields`; one question per page is best.\n\
                             - A field's `id` is the key of its answer: use lower-case words joined by `_`.\n\
                             - Every text needs a translation for each locale in `locales`; the first locale is the fallback.\n\
                             - `visible_if`, `required_if` and `next` are JSON Logic and may only use questions asked earlier.\n\
                             - Check your changes with `onewindow lint` and try answers with `onewindow explain`. The format is described in docs/definitions.md and schema/form.schema.json.",
                            "本文件只是起点：请修改其中的全部文字，然后删除本页。\n\n\
                             - 文件名为表单的 `id` 加 `.json`；每次发布修改时更新 `version`。\n\
                             - 每页有 `id`（用于网址）和 `fields`；建议每页只问一个问题。\n\
                             - 字段的 `id` 是答案的键名：使用小写英文单词，以 `_` 连接。\n\
                             - 每段文字都要有 `locales` 中每种语言的译文；第一种语言为默认语言。\n\
                             - `visible_if`、`required_if` 和 `next` 使用 JSON Logic，只能引用之前已问过的问题。\n\
                             - 用 `onewindow lint` 检查修改，用 `onewindow explain` 试填答案。格式说明见 docs/definitions.md 和 schema/form.schema.json。",
                        )),
                    ])])),
                ]),
                obj([
                    ("id", s("eligibility")),
                    ("fields", J::Array(vec![obj([
                        ("id", s("lives_in_area")),
                        ("type", s("yes_no")),
                        ("label", self.t("Do you live in [the area]?", "您是否居住在[地区]？")),
                        ("hint", self.t(
                            "Ask what decides whether someone can use the service. Answering no leads to the outcome \"not-eligible\": see `next` on this page.",
                            "在此询问决定能否使用本服务的条件。回答“否”将进入结果页“not-eligible”：见本页的 `next`。",
                        )),
                        ("required", J::Bool(true)),
                        ("messages", obj([(
                            "required",
                            self.t("Select yes if you live in [the area]", "请选择您是否居住在[地区]"),
                        )])),
                    ])])),
                    ("next", J::Array(vec![obj([
                        ("if", equals("lives_in_area", "no")),
                        ("goto", s("outcome:not-eligible")),
                    ])])),
                ]),
                obj([
                    ("id", s("full-name")),
                    ("fields", J::Array(vec![obj([
                        ("id", s("full_name")),
                        ("type", s("text")),
                        ("label", self.t("Full name", "姓名")),
                        ("hint", self.t(
                            "Keep a hint only if it helps people answer. Add \"concept\": \"person.full_name\" to tie the question to the shared data dictionary.",
                            "提示只在有助于作答时保留。加上 \"concept\": \"person.full_name\" 可将此问题与共享数据字典关联。",
                        )),
                        ("required", J::Bool(true)),
                        ("max_length", J::Number(100)),
                    ])])),
                ]),
                obj([
                    ("id", s("contact-method")),
                    ("fields", J::Array(vec![obj([
                        ("id", s("contact_method")),
                        ("type", s("radios")),
                        ("label", self.t("How should we contact you?", "我们应如何联系您？")),
                        ("hint", self.t(
                            "Each option's value is what the answer stores; its label is what people read.",
                            "选项的 value 是答案中保存的值，label 是显示给市民的文字。",
                        )),
                        ("required", J::Bool(true)),
                        ("options", J::Array(vec![
                            self.option("email", "Email", "电子邮件"),
                            self.option("phone", "Phone", "电话"),
                        ])),
                    ])])),
                ]),
                obj([
                    ("id", s("email-address")),
                    ("visible_if", equals("contact_method", "email")),
                    ("fields", J::Array(vec![obj([
                        ("id", s("email")),
                        ("type", s("email")),
                        ("label", self.t("Email address", "电子邮箱")),
                        ("hint", self.t(
                            "This page is shown only to people who chose email: see its `visible_if`.",
                            "只有选择电子邮件的人会看到本页：见本页的 `visible_if`。",
                        )),
                        ("required", J::Bool(true)),
                    ])])),
                ]),
                obj([
                    ("id", s("phone-number")),
                    ("visible_if", equals("contact_method", "phone")),
                    ("fields", J::Array(vec![obj([
                        ("id", s("phone")),
                        ("type", s("phone")),
                        ("label", self.t("Phone number", "电话号码")),
                        ("hint", self.t(
                            "Set `region` to the numbers you accept: cn (Chinese mobiles), uk, or international (with the country code).",
                            "将 `region` 设为可接受的号码：cn（中国手机号）、uk 或 international（带国家代码）。",
                        )),
                        ("required", J::Bool(true)),
                        ("region", s("international")),
                    ])])),
                ]),
                obj([
                    ("id", s("declaration")),
                    ("fields", J::Array(vec![obj([
                        ("id", s("declaration")),
                        ("type", s("declaration")),
                        ("label", self.t("Declaration", "声明")),
                        ("statement", self.t(
                            "I confirm that the information I have given is correct",
                            "本人确认所填信息真实、准确",
                        )),
                        ("required", J::Bool(true)),
                    ])])),
                ]),
            ])),
            ("outcomes", J::Array(vec![obj([
                ("id", s("not-eligible")),
                ("title", self.t("You cannot use this service", "您不能使用本服务")),
                ("body", self.t(
                    "Say why, and what the person can do instead. Change this outcome, or delete it together with the route to it on the page \"eligibility\".",
                    "请说明原因以及可以改为怎么做。修改本结果页，或将其与“eligibility”页中通往它的路线一并删除。",
                )),
            ])])),
        ])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_layout_is_serde_json_pretty() {
        let value = obj([("a", J::Array(vec![J::Number(1), obj([])])), ("b", s("x\"y")), ("c", J::Array(vec![]))]);
        let mut text = String::new();
        write_json(&value, 0, &mut text);
        let parsed: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(text, serde_json::to_string_pretty(&parsed).unwrap());
    }

    #[test]
    fn locale_lists_are_checked() {
        assert_eq!(locales("zh-CN, en").unwrap(), ["zh-CN", "en"]);
        for bad in ["", "en,,zh-CN", "en,en", "e n", "-en"] {
            assert!(locales(bad).is_err(), "{bad:?}");
        }
    }
}
