//! The agreement check compiles each model's published schemas rewritten into one resource
//! (`modelgen_samples::one_resource`); here the published files themselves, compiled as a
//! user compiles them, give the same verdict on every document.

use std::path::Path;

use fixture_models::{schema_dir, FOLDERS};
use modelgen_samples::agreement::PublishedFolder;
use modelgen_samples::one_resource::one_resource;
use serde_json::{json, Value};

const DOCUMENTS_PER_MODEL: usize = 300;

#[test]
fn one_resource_and_published_files_give_the_same_verdicts() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("../codegen/tests/fixtures");
    let base_uri = modelgen::DEFAULT_SCHEMA_BASE_URI;
    let mut differences = Vec::new();
    let (mut documents, mut accepted) = (0usize, 0usize);
    for (module, folder) in FOLDERS {
        let published = schema_dir(module);
        let generated = modelgen::Config::new()
            .spec_dir(fixtures.join(folder))
            .check()
            .unwrap_or_else(|e| panic!("{folder} generates: {e}"));
        for (id, model) in generated.models.iter().filter(|(_, m)| !m.synthesized) {
            let file = published.join(&model.schema_file);
            let text = std::fs::read_to_string(&file).expect("the schema is published");
            let schema: Value = serde_json::from_str(&text).expect("the schema is JSON");
            let per_file = jsonschema::options()
                .should_validate_formats(true)
                .with_retriever(PublishedFolder::new(base_uri, &published))
                .build(&schema)
                .expect("the published schema compiles");
            let rewritten = one_resource(&published, base_uri, &model.schema_file)
                .unwrap_or_else(|e| panic!("{folder}: {e}"));
            let single = jsonschema::options()
                .should_validate_formats(true)
                .build(&rewritten)
                .expect("the one-resource schema compiles");
            for sample in modelgen_samples::samples(&generated.models, id, DOCUMENTS_PER_MODEL, 7) {
                let verdict = per_file.is_valid(&sample.document);
                documents += 1;
                accepted += usize::from(verdict);
                if verdict != single.is_valid(&sample.document) {
                    differences.push(format!(
                        "{folder} {}: {} ({}): published files say {verdict}",
                        model.def_key, sample.document, sample.description
                    ));
                }
            }
        }
    }
    assert!(
        accepted > 0 && accepted < documents,
        "both verdicts occur: {accepted} of {documents} accepted"
    );
    assert!(differences.is_empty(), "{}", differences.join("\n"));
}

#[test]
fn references_the_rewriting_cannot_keep_are_errors() {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let base_uri = "https://models.invalid/";
    let write = |name: &str, schema: Value| {
        std::fs::write(folder.path().join(name), schema.to_string()).expect("writes a schema");
    };
    write(
        "Anchor.schema.json",
        json!({"$ref": "Other.schema.json#thing"}),
    );
    write(
        "Away.schema.json",
        json!({"$ref": "https://elsewhere.invalid/X.json"}),
    );
    write(
        "Missing.schema.json",
        json!({"$ref": "Nowhere.schema.json"}),
    );
    write(
        "Nested.schema.json",
        json!({"items": {"$id": "inner", "type": "string"}}),
    );
    for (file, expected) in [
        ("Anchor.schema.json", "names an anchor"),
        ("Away.schema.json", "leaves the published folder"),
        ("Missing.schema.json", "cannot read"),
        ("Nested.schema.json", "its own `$id`"),
    ] {
        let error = one_resource(folder.path(), base_uri, file).expect_err(file);
        assert!(error.contains(expected), "{file}: {error}");
    }
}

#[test]
fn references_become_pointers_into_defs() {
    let folder = tempfile::tempdir().expect("a temporary folder");
    std::fs::create_dir(folder.path().join("components")).expect("a subfolder");
    let base_uri = "https://models.invalid/";
    std::fs::write(
        folder.path().join("components/Pet.schema.json"),
        json!({
            "$id": "https://models.invalid/components/Pet.schema.json",
            "properties": {"owner": {"$ref": "../Owner.schema.json#/properties/name"}}
        })
        .to_string(),
    )
    .expect("writes Pet");
    std::fs::write(
        folder.path().join("Owner.schema.json"),
        json!({"properties": {"name": {"type": "string"}, "pet": {"$ref": "components/Pet.schema.json"}}}).to_string(),
    )
    .expect("writes Owner");
    let rewritten =
        one_resource(folder.path(), base_uri, "components/Pet.schema.json").expect("rewrites");
    assert_eq!(
        rewritten,
        json!({
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": "https://models.invalid/components/Pet.schema.json",
            "$ref": "#/$defs/components~1Pet.schema.json",
            "$defs": {
                "components/Pet.schema.json": {
                    "properties": {"owner": {"$ref": "#/$defs/Owner.schema.json/properties/name"}}
                },
                "Owner.schema.json": {
                    "properties": {
                        "name": {"type": "string"},
                        "pet": {"$ref": "#/$defs/components~1Pet.schema.json"}
                    }
                }
            }
        })
    );
}
