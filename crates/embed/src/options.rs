//! What an embedding page passes to `mount()` (or the element's attributes), read from JSON.

use onewindow_engine::Answers;
use serde::Deserialize;
use serde_json::Value;

/// The options of a mount; the element's attributes map to the same names.
#[derive(Debug, Default, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Options {
    /// The definition's address (`src`).
    #[serde(default)]
    pub src: String,
    /// The language to show (`locale`).
    #[serde(default)]
    pub locale: Option<String>,
    /// Where applications are sent (`endpoint`): the submission settings' `url`.
    #[serde(default)]
    pub endpoint: Option<String>,
    /// Submission settings laid over the definition's (JS API only).
    #[serde(default)]
    pub submission: Option<Value>,
    /// Where reference lists are fetched (`lists-base`).
    #[serde(default)]
    pub lists_base: Option<String>,
    /// The service search's catalog (`catalog`): `…/catalog.json` or its directory.
    #[serde(default)]
    pub catalog: Option<String>,
    /// The app's address, where search results lead (`app`).
    #[serde(default)]
    pub app: Option<String>,
    /// Analytics, off unless given (`analytics`): `{"url": "/api/events", "queries": false}`,
    /// as an object or its JSON text (the attribute).
    #[serde(default)]
    pub analytics: Option<Value>,
}

impl Options {
    /// Reads options from their JSON; empty strings count as not given (an attribute left
    /// blank).
    pub fn from_json(json: &str) -> Result<Options, String> {
        let mut options: Options =
            serde_json::from_str(json).map_err(|e| format!("mount options: {e}"))?;
        for value in [
            &mut options.locale,
            &mut options.endpoint,
            &mut options.lists_base,
            &mut options.catalog,
            &mut options.app,
        ] {
            if value.as_deref().is_some_and(|v| v.trim().is_empty()) {
                *value = None;
            }
        }
        Ok(options)
    }

    /// The submission overrides: `submission` with `endpoint` as its `url` (the endpoint wins).
    /// A `submission` that is not an object is passed on as it is, for the engine to refuse by
    /// name.
    pub fn overrides(&self) -> Option<Value> {
        match (&self.submission, &self.endpoint) {
            (None, None) => None,
            (Some(submission), None) => Some(submission.clone()),
            (None, Some(url)) => Some(serde_json::json!({ "url": url })),
            (Some(Value::Object(submission)), Some(url)) => {
                let mut merged = submission.clone();
                merged.insert("url".into(), Value::String(url.clone()));
                Some(Value::Object(merged))
            }
            (Some(other), Some(_)) => Some(other.clone()),
        }
    }
}

impl Options {
    /// The analytics settings, when given and valid (anything else leaves analytics off:
    /// they are opt-in).
    pub fn analytics(&self) -> Option<onewindow::io::analytics::Settings> {
        let json = match self.analytics.as_ref()? {
            Value::String(text) => text.clone(),
            other => other.to_string(),
        };
        onewindow::io::analytics::Settings::from_json(&json)
    }
}

/// Answers to prefill from their JSON: an object of question id → answer.
pub fn answers_from(json: &str) -> Result<Answers, String> {
    match serde_json::from_str::<Value>(json) {
        Ok(Value::Object(map)) => Ok(Answers(map.into_iter().collect())),
        _ => Err("prefill takes an object of answers keyed by question id".into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn attributes_and_options_read_alike_and_blank_ones_count_as_absent() {
        let options = Options::from_json(
            r#"{"src": "forms/x.json", "locale": "", "listsBase": "/lists/", "endpoint": " "}"#,
        )
        .unwrap();
        assert_eq!(options.src, "forms/x.json");
        assert_eq!(options.locale, None);
        assert_eq!(options.endpoint, None);
        assert_eq!(options.lists_base.as_deref(), Some("/lists/"));
        assert!(Options::from_json(r#"{"src": 3}"#).unwrap_err().starts_with("mount options:"));
    }

    #[test]
    fn the_endpoint_is_the_url_of_the_submission_overrides() {
        let just =
            Options { endpoint: Some("https://gov.example/api".into()), ..Options::default() };
        assert_eq!(just.overrides(), Some(json!({"url": "https://gov.example/api"})));
        let both = Options {
            endpoint: Some("/api/in".into()),
            submission: Some(json!({"url": "/elsewhere", "encoding": "flat"})),
            ..Options::default()
        };
        assert_eq!(both.overrides(), Some(json!({"url": "/api/in", "encoding": "flat"})));
        assert_eq!(Options::default().overrides(), None);
        let wrong = Options {
            submission: Some(json!("flat")),
            endpoint: Some("/x".into()),
            ..Options::default()
        };
        assert_eq!(wrong.overrides(), Some(json!("flat")), "left for the engine to refuse");
    }

    #[test]
    fn analytics_are_off_unless_given_right() {
        assert_eq!(Options::default().analytics(), None);
        let attribute =
            Options::from_json(r#"{"analytics": "{\"url\": \"/api/events\", \"queries\": true}"}"#)
                .unwrap();
        assert_eq!(
            attribute.analytics(),
            Some(onewindow::io::analytics::Settings { url: "/api/events".into(), queries: true })
        );
        let object = Options::from_json(r#"{"analytics": {"url": "/e"}}"#).unwrap();
        assert_eq!(object.analytics().map(|s| (s.url, s.queries)), Some(("/e".into(), false)));
        for wrong in [
            r#"{"analytics": "yes"}"#,
            r#"{"analytics": {"url": ""}}"#,
            r#"{"analytics": {"url": "/e", "answers": true}}"#,
        ] {
            assert_eq!(Options::from_json(wrong).unwrap().analytics(), None, "{wrong}");
        }
    }

    #[test]
    fn prefill_takes_an_object_of_answers() {
        let answers = answers_from(
            r#"{"full_name": "Li Lei", "moved_in": {"day": "1", "month": "3", "year": "2026"}}"#,
        )
        .unwrap();
        assert_eq!(answers.text("full_name"), "Li Lei");
        assert_eq!(
            answers.get("moved_in"),
            Some(&json!({"day": "1", "month": "3", "year": "2026"}))
        );
        assert!(answers_from("[1]").is_err());
        assert!(answers_from("").is_err());
    }
}
