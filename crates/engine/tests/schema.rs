//! The JSON Schemas in `schema/` are generated from the Rust types; this fails when they are
//! stale. Regenerate with `UPDATE_SCHEMA=1 cargo test -p onewindow-engine --test schema`.

use std::path::Path;

fn check(file: &str, schema: schemars::Schema) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../schema").join(file);
    let generated = serde_json::to_string_pretty(&schema).unwrap() + "\n";
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write(&path, &generated).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "{} is stale: run UPDATE_SCHEMA=1 cargo test -p onewindow-engine --test schema",
        path.display()
    );
}

#[test]
fn the_catalog_and_guide_schemas_are_up_to_date() {
    check("catalog.schema.json", schemars::schema_for!(onewindow_engine::Catalog));
    check("guide.schema.json", schemars::schema_for!(onewindow_engine::Guide));
}

#[test]
fn the_package_schema_is_up_to_date() {
    check("package.schema.json", schemars::schema_for!(onewindow_engine::Package));
}

#[test]
fn the_form_schema_is_up_to_date() {
    check("form.schema.json", schemars::schema_for!(onewindow_engine::Form));
}

#[test]
fn the_dictionary_schema_is_up_to_date() {
    check("dictionary.schema.json", schemars::schema_for!(onewindow_engine::Dictionary));
}

#[test]
fn the_shipped_forms_match_the_schema_shape() {
    // The schema is only useful to authors if it accepts what the engine accepts: every shipped
    // form must use only properties the schema lists for forms and pages.
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../../schema/form.schema.json"),
        )
        .unwrap(),
    )
    .unwrap();
    let properties = schema["properties"].as_object().expect("form properties");
    for name in [
        "residence-permit",
        "register-birth",
        "residence-registration",
        "residence-permit-check",
        "residence-registration-check",
        "register-birth-check",
    ] {
        let form: serde_json::Value = serde_json::from_str(
            &std::fs::read_to_string(
                Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("../../forms/{name}.json")),
            )
            .unwrap(),
        )
        .unwrap();
        for key in form.as_object().unwrap().keys() {
            assert!(properties.contains_key(key), "{name}: \"{key}\" is not in the schema");
        }
    }
}

#[test]
fn the_rating_and_event_schemas_are_up_to_date() {
    check("rating.schema.json", schemars::schema_for!(onewindow_engine::analytics::Rating));
    check("events.schema.json", schemars::schema_for!(onewindow_engine::analytics::EventBatch));
}
