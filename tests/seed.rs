//! The generated models against their own examples and their published JSON Schemas.
//!
//! The published schemas in `generated/` reference each other by relative `$ref`s resolved
//! against `https://models.invalid/`, so they are compiled with a retriever that serves that
//! base from the `generated/` folder.

use std::path::PathBuf;

use jsonschema::Validator;
use modelgen_samples::agreement::PublishedFolder;
use models::{Customer, V3TokenRequest};
use serde_json::{json, Value};

const BASE_URI: &str = "https://models.invalid/";

fn generated_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("generated")
}

fn published(file: &str) -> Value {
    let path = generated_dir().join(file);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{} is not JSON: {e}", path.display()))
}

fn published_validator(file: &str) -> Validator {
    let schema = published(file);
    assert_eq!(
        schema["$id"],
        json!(format!("{BASE_URI}{file}")),
        "{file} declares the $id the retriever serves it under"
    );
    jsonschema::options()
        .with_retriever(PublishedFolder::new(BASE_URI, &generated_dir()))
        .build(&schema)
        .unwrap_or_else(|e| panic!("{file} does not compile as a JSON Schema: {e}"))
}

fn schemars_validator<T: schemars::JsonSchema>() -> Validator {
    let schema = schemars::schema_for!(T);
    let value = serde_json::to_value(&schema).expect("a schemars schema serializes");
    // Everything schemars produces is self-contained: no retriever, and none may be needed.
    jsonschema::options()
        .build(&value)
        .unwrap_or_else(|e| panic!("the schemars schema does not compile: {e}\n{value:#}"))
}

fn errors(validator: &Validator, instance: &Value) -> Vec<String> {
    validator
        .iter_errors(instance)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

/// The first (and only) example a published object schema carries.
fn published_example(file: &str) -> Value {
    let schema = published(file);
    let examples = schema["examples"]
        .as_array()
        .unwrap_or_else(|| panic!("{file} has no `examples` array"));
    assert_eq!(examples.len(), 1, "{file} carries one example");
    examples[0].clone()
}

// ----- V3TokenRequest -----

#[test]
fn v3_token_request_example_is_the_published_example() {
    let expected = published_example("V3TokenRequest.schema.json");
    assert_eq!(
        expected,
        json!({
            "client_id": "customer_id",
            "client_secret": "secret",
            "grant_type": "client_credentials",
            "password": "password",
            "username": "jdoe",
        }),
        "the published example is the page's Example column"
    );
    let serialized = serde_json::to_value(V3TokenRequest::example()).expect("serializes");
    assert_eq!(serialized, expected);
}

#[test]
fn v3_token_request_round_trips_its_example_json() {
    let example = published_example("V3TokenRequest.schema.json");
    let parsed: V3TokenRequest = serde_json::from_value(example.clone()).expect("deserializes");
    assert_eq!(parsed, V3TokenRequest::example());
    assert_eq!(parsed.grant_type, "client_credentials");
    assert_eq!(parsed.client_id.as_deref(), Some("customer_id"));
    let again = serde_json::to_value(&parsed).expect("serializes");
    assert_eq!(again, example);
    // Through text as well, the way a client sends it.
    let text = serde_json::to_string(&parsed).expect("serializes");
    let reparsed: V3TokenRequest = serde_json::from_str(&text).expect("deserializes");
    assert_eq!(reparsed, parsed);
}

#[test]
fn v3_token_request_example_is_valid_against_the_published_schema() {
    let validator = published_validator("V3TokenRequest.schema.json");
    let example = serde_json::to_value(V3TokenRequest::example()).expect("serializes");
    assert_eq!(errors(&validator, &example), Vec::<String>::new());
    // Only grantType is required.
    assert!(validator.is_valid(&json!({ "grant_type": "password" })));
}

#[test]
fn v3_token_request_without_grant_type_is_rejected_by_serde_and_by_the_schema() {
    let mut document = published_example("V3TokenRequest.schema.json");
    document
        .as_object_mut()
        .expect("an object")
        .remove("grant_type");

    let error = serde_json::from_value::<V3TokenRequest>(document.clone())
        .expect_err("serde rejects a request without grantType");
    assert!(
        error.to_string().contains("grant_type"),
        "the serde error names the missing field: {error}"
    );

    let validator = published_validator("V3TokenRequest.schema.json");
    let found = errors(&validator, &document);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].contains("grant_type"), "{found:?}");

    // The two agree on the optional fields too: they may be left out.
    let minimal = json!({ "grant_type": "client_credentials" });
    assert!(serde_json::from_value::<V3TokenRequest>(minimal.clone()).is_ok());
    assert!(validator.is_valid(&minimal));
}

#[test]
fn v3_token_request_wrong_types_are_rejected_by_serde_and_by_the_schema() {
    let validator = published_validator("V3TokenRequest.schema.json");
    for document in [
        json!({ "grant_type": 1 }),
        json!({ "grant_type": "password", "username": ["jdoe"] }),
        json!({ "grant_type": null }),
        json!("grant_type"),
    ] {
        assert!(
            serde_json::from_value::<V3TokenRequest>(document.clone()).is_err(),
            "serde accepts {document}"
        );
        assert!(
            !validator.is_valid(&document),
            "the schema accepts {document}"
        );
    }
}

// ----- Customer -----

#[test]
fn customer_example_round_trips() {
    let expected = published_example("Customer.schema.json");
    let example = Customer::example();
    assert_eq!(example.billing_address.city, "Leith");
    assert_eq!(
        example.shipping_addresses.as_ref().map(Vec::len),
        Some(1),
        "the list of addresses survives"
    );
    assert_eq!(
        example
            .metadata
            .as_ref()
            .and_then(|m| m.get("segment"))
            .map(String::as_str),
        Some("enterprise"),
        "the map survives"
    );
    assert_eq!(example.status, models::CustomerStatus::Active);
    let serialized = serde_json::to_value(&example).expect("serializes");
    // `balance` has a default, which fills in when the example leaves it out.
    let mut with_defaults = expected.clone();
    with_defaults["balance"] = json!(0);
    assert_eq!(serialized, with_defaults);

    let parsed: Customer = serde_json::from_value(expected.clone()).expect("deserializes");
    assert_eq!(parsed, example);
    assert_eq!(
        serde_json::to_value(&parsed).expect("serializes"),
        with_defaults
    );
}

/// Documents both schemas must judge alike, with the verdict each must reach.
fn customer_cases() -> Vec<(&'static str, Value, bool)> {
    let valid = published_example("Customer.schema.json");
    let edit = |change: &dyn Fn(&mut serde_json::Map<String, Value>)| {
        let mut document = valid.clone();
        change(document.as_object_mut().expect("an object"));
        document
    };
    vec![
        ("the page's example", valid.clone(), true),
        (
            "required `id` missing",
            edit(&|d| {
                d.remove("id");
            }),
            false,
        ),
        (
            "`status` not one of the values",
            edit(&|d| {
                d.insert("status".into(), json!("unknown"));
            }),
            false,
        ),
        (
            "billingAddress without its required `city`",
            edit(&|d| {
                d["billing_address"]
                    .as_object_mut()
                    .expect("an object")
                    .remove("city");
            }),
            false,
        ),
        (
            "a metadata value that is a number",
            edit(&|d| {
                d["metadata"]
                    .as_object_mut()
                    .expect("an object")
                    .insert("crm_id".into(), json!(1042));
            }),
            false,
        ),
    ]
}

#[test]
fn customer_published_schema_gives_the_expected_verdicts() {
    let validator = published_validator("Customer.schema.json");
    for (what, document, valid) in customer_cases() {
        assert_eq!(
            validator.is_valid(&document),
            valid,
            "published Customer schema on {what}: errors {:?}",
            errors(&validator, &document)
        );
    }
}

#[test]
fn customer_schemars_schema_agrees_with_the_published_schema() {
    let published = published_validator("Customer.schema.json");
    let derived = schemars_validator::<Customer>();
    for (what, document, valid) in customer_cases() {
        let by_published = published.is_valid(&document);
        let by_schemars = derived.is_valid(&document);
        assert_eq!(
            by_schemars,
            by_published,
            "schemas disagree on {what}: schemars errors {:?}, published errors {:?}",
            errors(&derived, &document),
            errors(&published, &document)
        );
        assert_eq!(by_schemars, valid, "schemars schema on {what}");
    }
}

#[test]
fn customer_serde_agrees_with_the_schemas() {
    for (what, document, valid) in customer_cases() {
        let result = serde_json::from_value::<Customer>(document);
        assert_eq!(result.is_ok(), valid, "serde on {what}: {result:?}");
    }
}

#[test]
fn customer_schemars_schema_keeps_the_published_shape() {
    let schema = serde_json::to_value(schemars::schema_for!(Customer)).expect("serializes");
    let published = published("Customer.schema.json");
    assert_eq!(schema["title"], published["title"]);
    assert_eq!(schema["required"], published["required"]);
    let keys = |value: &Value| -> Vec<String> {
        let mut keys: Vec<String> = value["properties"]
            .as_object()
            .expect("properties")
            .keys()
            .cloned()
            .collect();
        keys.sort();
        keys
    };
    assert_eq!(keys(&schema), keys(&published));
    assert_eq!(schema["examples"], published["examples"]);
}

#[test]
fn customer_schemars_schema_keeps_property_descriptions_and_examples() {
    // The generated `JsonSchema` impl promises schemars the same schema as the published file;
    // a property that references another model keeps its own description and examples there.
    let schema = serde_json::to_value(schemars::schema_for!(Customer)).expect("serializes");
    let published = published("Customer.schema.json");
    let properties = published["properties"].as_object().expect("properties");
    let mut lost = Vec::new();
    for (name, property) in properties {
        for keyword in ["description", "examples"] {
            if schema["properties"][name][keyword] != property[keyword] {
                lost.push(format!(
                    "{name}.{keyword}: published {}, schemars {}",
                    property[keyword], schema["properties"][name][keyword]
                ));
            }
        }
    }
    assert!(lost.is_empty(), "differences:\n{}", lost.join("\n"));
}
