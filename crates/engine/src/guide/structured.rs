//! A service as schema.org `GovernmentService` (JSON-LD): what search engines and link
//! previews read from a static guide page. The shell says where the pages are (URLs are not
//! the engine's to know); everything else comes from the catalog and the guide.

use super::format::{Catalog, Guide, Service};
use serde_json::{json, Map, Value};

/// The service, in `locale`, as a schema.org `GovernmentService` object. `url` is its guide
/// page's absolute address, `apply_url` the form's when it can be applied for online.
pub fn government_service(
    catalog: &Catalog,
    service: &Service,
    guide: Option<&Guide>,
    locale: &str,
    url: &str,
    apply_url: Option<&str>,
) -> Value {
    let fallback = catalog.fallback_locale();
    let text = |t: &crate::form::definition::Text| t.get(locale, fallback).to_string();
    let mut object = Map::new();
    object.insert("@context".into(), json!("https://schema.org"));
    object.insert("@type".into(), json!("GovernmentService"));
    object.insert("name".into(), json!(text(&service.title)));
    object.insert("description".into(), json!(text(&service.summary)));
    object.insert("url".into(), json!(url));
    let category = catalog.categories.iter().find(|c| c.id == service.category);
    if let Some(category) = category {
        object.insert("category".into(), json!(text(&category.title)));
    }
    let provider = match guide {
        Some(guide) => text(&guide.implementing_body),
        None => text(&service.department),
    };
    object
        .insert("provider".into(), json!({ "@type": "GovernmentOrganization", "name": provider }));
    let mut channels = Vec::new();
    if let Some(apply) = apply_url {
        channels.push(json!({ "@type": "ServiceChannel", "serviceUrl": apply }));
    }
    for place in guide.map(|g| g.places.as_slice()).unwrap_or_default() {
        channels.push(json!({
            "@type": "ServiceChannel",
            "name": text(&place.name),
            "serviceLocation": {
                "@type": "Place",
                "name": text(&place.name),
                "address": text(&place.address),
            },
        }));
    }
    if !channels.is_empty() {
        object.insert("availableChannel".into(), Value::Array(channels));
    }
    Value::Object(object)
}

/// `value` as the text of a `<script type="application/ld+json">` element: `<`, `>` and `&`
/// are written as JSON escapes, so no text of a definition can end the element or start
/// markup (a title of `</script><script>…` stays a string).
pub fn json_for_script(value: &Value) -> String {
    let text = value.to_string();
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            // Line and paragraph separators end a JavaScript line; harmless in JSON-LD, but
            // escaped as every JSON-in-HTML writer does.
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::guide::lint::load_catalog;

    fn catalog(title: &str) -> Catalog {
        let json = json!({"schema_version": 1, "locales": ["en"],
            "categories": [{"id": "c", "title": {"en": "Cat"}}], "life_events": [],
            "services": [{"id": "s", "title": {"en": title}, "summary": {"en": "Sum"},
              "department": {"en": "Dept"}, "category": "c", "audience": ["person"], "form": "s"}]});
        load_catalog(&json.to_string()).0.unwrap()
    }

    #[test]
    fn a_service_without_a_guide_is_named_with_its_department_and_form() {
        let catalog = catalog("Passport");
        let service = &catalog.services[0];
        let value = government_service(
            &catalog,
            service,
            None,
            "en",
            "https://x/en/services/s/",
            Some("https://x/?form=s"),
        );
        assert_eq!(value["@type"], "GovernmentService");
        assert_eq!(value["name"], "Passport");
        assert_eq!(value["description"], "Sum");
        assert_eq!(value["category"], "Cat");
        assert_eq!(value["provider"]["name"], "Dept");
        assert_eq!(value["availableChannel"][0]["serviceUrl"], "https://x/?form=s");
    }

    #[test]
    fn no_text_can_end_the_script_element() {
        let catalog = catalog("</script><script>alert(1)</script>&amp;");
        let value = government_service(&catalog, &catalog.services[0], None, "en", "u", None);
        let text = json_for_script(&value);
        assert!(!text.contains('<') && !text.contains('>') && !text.contains('&'), "{text}");
        let back: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(back["name"], "</script><script>alert(1)</script>&amp;");
    }
}
