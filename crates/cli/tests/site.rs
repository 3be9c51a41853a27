//! `onewindow site`: the shipped catalog's static pages, and what it refuses.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

mod common;
use common::TempDir;

fn forms() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../forms").canonicalize().unwrap()
}

/// Runs the CLI; its exit code and standard output and error together.
fn onewindow(args: &[&str]) -> (i32, String) {
    let Output { status, stdout, stderr } =
        Command::new(env!("CARGO_BIN_EXE_onewindow")).args(args).output().unwrap();
    let text = String::from_utf8_lossy(&stdout).to_string() + &String::from_utf8_lossy(&stderr);
    (status.code().expect("exited normally"), text)
}

fn catalog() -> Value {
    serde_json::from_str(&std::fs::read_to_string(forms().join("catalog.json")).unwrap()).unwrap()
}

/// The JSON-LD of a page.
fn structured(html: &str) -> Value {
    let start = html.find("<script type=\"application/ld+json\">").expect("JSON-LD") + 35;
    let end = start + html[start..].find("</script>").unwrap();
    serde_json::from_str(&html[start..end]).unwrap()
}

#[test]
fn every_page_of_the_shipped_catalog_is_written_in_every_locale() {
    let dir = TempDir::new("site");
    let (code, text) = onewindow(&[
        "site",
        &forms().join("catalog.json").display().to_string(),
        "--site-url",
        "https://services.example.gov.cn/portal",
        "--out",
        &dir.path(""),
        "--stylesheet",
        "style-0123456789abcdef.css",
    ]);
    assert_eq!(code, 0, "{text}");
    let catalog = catalog();
    let locales: Vec<&str> =
        catalog["locales"].as_array().unwrap().iter().map(|l| l.as_str().unwrap()).collect();
    let ids = |list: &str| -> Vec<String> {
        catalog[list]
            .as_array()
            .unwrap()
            .iter()
            .map(|x| x["id"].as_str().unwrap().to_string())
            .collect()
    };
    let mut paths = Vec::new();
    for locale in &locales {
        paths.push(format!("{locale}/"));
        for topic in ids("categories").iter().chain(&ids("life_events")) {
            paths.push(format!("{locale}/topics/{topic}/"));
        }
        for service in ids("services") {
            paths.push(format!("{locale}/services/{service}/"));
        }
    }
    let sitemap = std::fs::read_to_string(dir.0.join("sitemap.xml")).unwrap();
    for path in &paths {
        let html = std::fs::read_to_string(dir.0.join(path).join("index.html"))
            .unwrap_or_else(|_| panic!("{path} was not written"));
        let url = format!("https://services.example.gov.cn/portal/{path}");
        assert!(html.contains(&format!("<link rel=\"canonical\" href=\"{url}\">")), "{path}");
        assert!(html.contains("<meta name=\"description\" content=\""), "{path}");
        assert!(html.contains("href=\"/portal/style-0123456789abcdef.css\""), "{path}");
        assert!(sitemap.contains(&format!("<loc>{url}</loc>")), "{path} not in the sitemap");
        for other in &locales {
            let alternate = format!(
                "<link rel=\"alternate\" hreflang=\"{other}\" href=\"https://services.example.gov.cn/portal/{other}{}\">",
                &path[path.find('/').unwrap()..]
            );
            assert!(html.contains(&alternate), "{path}: {alternate}");
        }
        // Data for search engines is the only script: nothing runs on these pages.
        assert_eq!(
            html.matches("<script").count(),
            html.matches("<script type=\"application/ld+json\">").count(),
            "{path}"
        );
        assert!(!html.contains(" style=\""), "{path} has an inline style");
    }
    assert_eq!(
        std::fs::read_dir(dir.0.join("en/services")).unwrap().count(),
        ids("services").len()
    );
    let robots = std::fs::read_to_string(dir.0.join("robots.txt")).unwrap();
    assert!(
        robots.contains("Sitemap: https://services.example.gov.cn/portal/sitemap.xml"),
        "{robots}"
    );
    // What the form page needs of the catalog: the way back to a guide, for every shipped
    // service with a form and a guide, and how long the device keeps drafts.
    let facts: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.0.join("form-page.json")).unwrap())
            .unwrap();
    let map = facts["guides"].clone();
    let catalog: Value =
        serde_json::from_str(&std::fs::read_to_string(forms().join("catalog.json")).unwrap())
            .unwrap();
    let expected: serde_json::Map<String, Value> = catalog["services"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["guide"].is_string() && s["form"].is_string())
        .map(|s| (s["form"].as_str().unwrap().to_string(), s["id"].clone()))
        .collect();
    assert!(!expected.is_empty());
    assert_eq!(map, Value::Object(expected));
    assert_eq!(facts["keep_on_device_days"], catalog["keep_on_device_days"]);

    // A guide page is the whole guide: its conditions, materials, steps and places.
    let guide: Value = serde_json::from_str(
        &std::fs::read_to_string(forms().join("guides/residence-permit.json")).unwrap(),
    )
    .unwrap();
    for locale in &locales {
        let html = std::fs::read_to_string(
            dir.0.join(format!("{locale}/services/residence-permit/index.html")),
        )
        .unwrap();
        assert!(html.starts_with(&format!("<!doctype html>\n<html lang=\"{locale}\"")));
        for list in ["conditions", "materials", "steps", "places"] {
            for item in guide[list].as_array().unwrap() {
                let key = if list == "conditions" {
                    "text"
                } else if list == "steps" {
                    "title"
                } else {
                    "name"
                };
                let text = item[key][*locale].as_str().unwrap();
                let escaped = text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;");
                assert!(html.contains(&escaped), "{locale}: {list} \"{text}\" missing");
            }
        }
        // How long the permit is valid, and when to renew it, in the page's language.
        let (valid, renew) = if *locale == "en" {
            ("Valid for</dt><dd>1 year", "Apply to renew within 1 month before it expires")
        } else {
            ("有效期</dt><dd>1年", "有效期满前1个月内申请续办")
        };
        assert!(html.contains(valid) && html.contains(renew), "{locale}: validity and renewal");
        let ld = structured(&html);
        assert_eq!(ld["@type"], "GovernmentService");
        assert_eq!(
            ld["url"],
            format!("https://services.example.gov.cn/portal/{locale}/services/residence-permit/")
        );
        assert_eq!(
            ld["availableChannel"][0]["serviceUrl"],
            format!("https://services.example.gov.cn/portal/?form=residence-permit&lang={locale}")
        );
        // Links: other guides by path, the assistant and the form in the app.
        assert!(
            html.contains(&format!("href=\"/portal/?form=residence-permit&amp;lang={locale}\"")),
            "{locale}"
        );
        assert!(
            html.contains(&format!(
                "href=\"/portal/?service=residence-permit&amp;lang={locale}&amp;check=start\""
            )),
            "{locale}"
        );
        assert!(html.contains(&format!("href=\"/portal/{locale}/\"")), "{locale}: home link");
    }
    let home = std::fs::read_to_string(dir.0.join("en/index.html")).unwrap();
    assert!(home.contains("href=\"/portal/en/topics/moving/\""), "a life event's page");
    assert!(home.contains("href=\"/portal/en/services/residence-permit/\""), "a guide");
    assert!(home.contains("action=\"/portal/\""), "the search goes to the app");
}

#[test]
fn a_catalog_whose_ids_would_leave_the_site_is_refused_and_nothing_is_written() {
    let dir = TempDir::new("site-hostile");
    let catalog = r#"{"schema_version":1,"locales":["en"],"categories":[{"id":"c","title":"C"}],"life_events":[],
        "services":[{"id":"../../escaped","title":"T","summary":"S","department":"D","category":"c","audience":["person"],"form":"f"}]}"#;
    let path = dir.write("in/catalog.json", catalog);
    let out = dir.path("out");
    let (code, text) = onewindow(&[
        "site",
        &path.display().to_string(),
        "--site-url",
        "https://x.cn/",
        "--out",
        &out,
        "--stylesheet",
        "s.css",
    ]);
    assert_eq!(code, 1, "{text}");
    assert!(text.contains("/services/0/id"), "{text}");
    assert!(!dir.0.join("out").exists() && !dir.0.join("escaped").exists());
}

#[test]
fn the_site_url_must_be_absolute_and_plain() {
    let path = forms().join("catalog.json").display().to_string();
    for bad in
        ["/relative/", "ftp://x.cn/", "https://", "https://x.cn/?a=1", "https://x.cn/\"><script>"]
    {
        let (code, text) = onewindow(&[
            "site",
            &path,
            "--site-url",
            bad,
            "--out",
            "/nonexistent",
            "--stylesheet",
            "s.css",
        ]);
        assert_eq!(code, 2, "{bad}: {text}");
        assert!(text.contains("--site-url"), "{bad}: {text}");
    }
    let (code, text) = onewindow(&["site", &path, "--out", "/nonexistent"]);
    assert_eq!(code, 2, "{text}");
}
