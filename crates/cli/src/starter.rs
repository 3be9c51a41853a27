//! `onewindow new form|guide|catalog`: starting definitions whose texts say what to change.
//! JSON has no comments, so the explanations are in the definition itself: for a form a content
//! page and the questions' hints, for a guide a question in its FAQ and `[bracketed]` texts,
//! for a catalog `[bracketed]` texts. Each passes `lint` without a problem as printed (a
//! catalog once the guide and form it names are saved next to it).

use crate::args;
use crate::Error;
use std::io::Write;

const USAGE: &str = "onewindow new form [--id ID] | new guide [--service ID] | new catalog [--service ID], each with [--locales zh-CN,en]";

/// `onewindow new form|guide|catalog [--id ID | --service ID] [--locales zh-CN,en]`.
pub fn run(args: &[String], out: &mut dyn Write) -> Result<u8, Error> {
    let parsed = args::parse("new", args, &["--id", "--locales", "--service"], &[])?;
    let kind = match parsed.positional.as_slice() {
        [kind] if ["form", "guide", "catalog"].contains(&kind.as_str()) => kind.as_str(),
        [] => return Err(Error::usage(format!("new needs what to start: {USAGE}"))),
        [kind] => {
            return Err(Error::usage(format!(
                "new: \"{kind}\" is not something to start; use form, guide or catalog"
            )))
        }
        _ => return Err(Error::usage(format!("new takes one kind: {USAGE}"))),
    };
    // A form has an id; a guide and a catalog entry belong to a service.
    let (option, wrong, default) = match kind {
        "form" => ("--id", "--service", "my-form"),
        _ => ("--service", "--id", "my-service"),
    };
    if parsed.value(wrong).is_some() {
        return Err(Error::usage(format!("new {kind}: use {option}, not {wrong}")));
    }
    let id = parsed.value(option).unwrap_or(default);
    let well_formed = id.starts_with(|c: char| c.is_ascii_alphabetic())
        && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    if !well_formed {
        return Err(Error::usage(format!(
            "new: {option} \"{id}\" must start with a letter and use only letters, digits, _ and -"
        )));
    }
    let locales = locales(parsed.value("--locales").unwrap_or("en"))?;
    let starter = Starter { locales: &locales };
    let value = match kind {
        "form" => starter.form(id),
        "guide" => starter.guide(id),
        _ => starter.catalog(id),
    };
    let mut text = String::new();
    write_json(&value, 0, &mut text);
    writeln!(out, "{text}")?;
    Ok(0)
}

pub(crate) fn locales(list: &str) -> Result<Vec<String>, Error> {
    let mut locales: Vec<String> = Vec::new();
    for tag in list.split(',').map(str::trim) {
        let well_formed = tag.starts_with(|c: char| c.is_ascii_alphabetic())
            && tag.split('-').all(|part| {
                !part.is_empty()
                    && part.len() <= 8
                    && part.chars().all(|c| c.is_ascii_alphanumeric())
            });
        if !well_formed {
            return Err(Error::usage(format!(
                "new: \"{tag}\" is not a locale tag like en or zh-CN (--locales zh-CN,en)"
            )));
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
        let equals = |field: &str, value: &str| {
            obj([("==", J::Array(vec![obj([("var", s(field))]), s(value)]))])
        };
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

impl Starter<'_> {
    /// A procedure guide for `service` with one of everything, without an assistant (its
    /// `applies_if` conditions need the assistant's questions): the FAQ's first question says
    /// how to add one.
    fn guide(&self, service: &str) -> J {
        let duration =
            |value: i64, unit: &str| obj([("value", J::Number(value)), ("unit", s(unit))]);
        obj([
            ("schema_version", J::Number(1)),
            ("service", s(service)),
            ("version", s("0.1")),
            ("locales", J::Array(self.locales.iter().map(|l| s(l)).collect())),
            ("item_type", self.t("[Kind of item, e.g. public service or administrative licence]", "[事项类型，如：公共服务、行政许可]")),
            ("legal_basis", J::Array(vec![obj([
                ("title", self.t("[Name of the law or regulation]", "[法律法规名称，如：《居住证暂行条例》]")),
                ("number", s("[document number, e.g. 国务院令第663号]")),
                ("articles", self.t("[The articles, e.g. Articles 2 and 9]", "[条款，如：第二条、第九条]")),
            ])])),
            ("implementing_body", self.t("[The body that carries out the service]", "[实施主体]")),
            ("conditions", J::Array(vec![obj([
                ("id", s("who-can-apply")),
                ("text", self.t(
                    "[Who can apply: one condition per entry, in plain words.]",
                    "[受理条件：每条一项，用通俗的语言写。]",
                )),
            ])])),
            ("materials", J::Array(vec![
                obj([
                    ("id", s("id-card")),
                    ("name", self.t("Resident identity card", "居民身份证")),
                    ("original_or_copy", s("original")),
                    ("medium", s("either")),
                    ("necessity", s("required")),
                    ("source", s("department_shared")),
                    ("notes", self.t(
                        "[Shared by the issuing department, so it is listed as \"you do not need to bring\". Change or delete this example.]",
                        "[由发证部门共享，清单中列为“无需提交”。请修改或删除本示例。]",
                    )),
                ]),
                obj([
                    ("id", s("application-form")),
                    ("name", self.t("[Application form]", "[申请表]")),
                    ("original_or_copy", s("original")),
                    ("medium", s("paper")),
                    ("copies", J::Number(1)),
                    ("necessity", s("required")),
                    ("source", s("applicant")),
                    ("notes", self.t("[How to fill it in, or what counts.]", "[填写说明或符合要求的材料。]")),
                ]),
            ])),
            ("steps", J::Array(vec![
                obj([
                    ("id", s("apply")),
                    ("title", self.t("Apply", "申请")),
                    ("body", self.t("[What the person does to apply, online or at the counter.]", "[申请人如何申请：网上或窗口。]")),
                    ("channel", s("either")),
                ]),
                obj([
                    ("id", s("decision")),
                    ("title", self.t("Decision", "审核决定")),
                    ("body", self.t("[What the department checks, and how the person hears the decision.]", "[部门审核什么，申请人如何得知结果。]")),
                    ("channel", s("offline")),
                ]),
            ])),
            ("time_limit", obj([
                ("statutory", duration(20, "working_days")),
                ("promised", duration(10, "working_days")),
            ])),
            ("fees", J::Array(vec![])),
            ("result", obj([
                ("name", self.t("[What the person receives, e.g. the permit]", "[办理结果，如：证件名称]")),
                ("delivery", J::Array(vec![s("counter"), s("electronic")])),
            ])),
            ("places", J::Array(vec![obj([
                ("name", self.t("[Service centre]", "[政务服务中心]")),
                ("address", self.t("[Street address]", "[地址]")),
                ("hours", self.t("[Opening hours, e.g. Monday to Friday 9:00–17:00]", "[办公时间，如：周一至周五 9:00–17:00]")),
            ])])),
            ("online", obj([
                ("depth", J::Array(vec![J::Number(1), J::Number(2), J::Number(3), J::Number(4)])),
                ("visits", J::Number(1)),
                ("visits_reason", self.t("[Why a visit is needed, e.g. to check the original documents]", "[需要到现场的原因，如：核验材料原件]")),
            ])),
            ("consultation", J::Array(vec![obj([
                ("label", self.t("[Government service hotline]", "[政务服务便民热线]")),
                ("value", s("12345")),
            ])])),
            ("complaints", J::Array(vec![obj([
                ("label", self.t("[Government service hotline]", "[政务服务便民热线]")),
                ("value", s("12345")),
            ])])),
            ("faq", J::Array(vec![obj([
                ("question", self.t("[Delete this question] How do I fill in this guide?", "[请删除本问题] 如何填写本指南？")),
                ("answer", self.t(
                    "This file is a starting point: replace every text in [brackets], then delete this question.\n\n\
                     - Save it as `guides/<service>.json` next to the forms; `service` is the service's id in `catalog.json`.\n\
                     - Every text needs a translation for each locale in `locales`; the first locale is the fallback.\n\
                     - `materials`: `original_or_copy` is original, copy or both; `medium` paper, electronic or either; `necessity` required, optional or may_supply_later (容缺后补); `source` applicant, department, department_shared (not brought: shared between departments) or other.\n\
                     - `time_limit`: units are working_days, calendar_days, hours or on_the_spot; the promised limit may not be longer than the statutory one.\n\
                     - `fees`: an empty list means the service is free; a fee has `item`, `amount`, `basis` and `online_payment`.\n\
                     - `online.depth` lists the codes 1 to 7 (1 consultation … 5 online handling … 7 electronic certificate); when `visits` is not 0, `visits_reason` says why.\n\
                     - To tailor the checklist, add `\"assistant\": \"<form id>\"` (a form in the directory above `guides/` whose outcomes have actions) and give conditions, materials and steps an `applies_if` over its questions.\n\
                     - Check it with `onewindow lint`. The format is described in docs/guides.md and schema/guide.schema.json.",
                    "本文件只是起点：请替换所有[方括号]中的文字，然后删除本问题。\n\n\
                     - 保存为表单目录下的 `guides/<服务>.json`；`service` 是该服务在 `catalog.json` 中的 id。\n\
                     - 每段文字都要有 `locales` 中每种语言的译文；第一种语言为默认语言。\n\
                     - `materials`：`original_or_copy` 为 original（原件）、copy（复印件）或 both；`medium` 为 paper、electronic 或 either；`necessity` 为 required、optional 或 may_supply_later（容缺后补）；`source` 为 applicant、department、department_shared（部门共享，无需提交）或 other。\n\
                     - `time_limit`：单位为 working_days、calendar_days、hours 或 on_the_spot（即办）；承诺时限不得长于法定时限。\n\
                     - `fees`：空列表表示不收费；收费项目有 `item`、`amount`、`basis` 和 `online_payment`。\n\
                     - `online.depth` 列出网上办理深度代码 1 至 7；`visits` 不为 0 时，用 `visits_reason` 说明原因。\n\
                     - 如需按申请人情况生成清单，加上 `\"assistant\": \"<表单 id>\"`（`guides/` 上一级目录中、结果带有 action 的表单），并为受理条件、材料和步骤加上引用其问题的 `applies_if`。\n\
                     - 用 `onewindow lint` 检查。格式说明见 docs/guides.md 和 schema/guide.schema.json。",
                )),
            ])])),
        ])
    }

    /// A catalog with one category, one life event and the service, whose guide and form are
    /// those `new guide --service` and `new form --id` start.
    fn catalog(&self, service: &str) -> J {
        let words = |en: &[&str], zh: &[&str]| {
            J::Object(
                self.locales
                    .iter()
                    .map(|l| {
                        let lower = l.to_ascii_lowercase();
                        let list = if lower == "zh" || lower.starts_with("zh-") { zh } else { en };
                        (l.clone(), J::Array(list.iter().map(|w| s(w)).collect()))
                    })
                    .collect(),
            )
        };
        obj([
            ("schema_version", J::Number(1)),
            ("locales", J::Array(self.locales.iter().map(|l| s(l)).collect())),
            ("categories", J::Array(vec![obj([
                ("id", s("household")),
                ("title", self.t("[Category, e.g. household registration and residence]", "[类别，如：户籍与居住]")),
            ])])),
            ("life_events", J::Array(vec![obj([
                ("id", s("moving")),
                ("title", self.t("[Life event, e.g. moving house]", "[人生事件，如：搬家]")),
            ])])),
            ("services", J::Array(vec![obj([
                ("id", s(service)),
                ("title", self.t("[The service's name as citizens search for it]", "[服务名称，用市民搜索时的说法]")),
                ("summary", self.t(
                    "[One or two sentences: what it is for and who can use it. Each service names a category id, life event ids, its guide file and its form id; add more services to the list.]",
                    "[一两句话：服务用途和适用对象。每个服务填写类别 id、人生事件 id、指南文件和表单 id；可在列表中添加更多服务。]",
                )),
                ("department", self.t("[Your department]", "[您的部门]")),
                ("category", s("household")),
                ("life_events", J::Array(vec![s("moving")])),
                ("audience", J::Array(vec![s("person")])),
                ("keywords", words(&["[words people search with]"], &["[市民搜索用的词]"])),
                ("guide", s(&format!("guides/{service}.json"))),
                ("form", s(service)),
            ])])),
        ])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_layout_is_serde_json_pretty() {
        let value = obj([
            ("a", J::Array(vec![J::Number(1), obj([])])),
            ("b", s("x\"y")),
            ("c", J::Array(vec![])),
        ]);
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
