//! The comparison finds misreads and sorts out facts the pages cannot carry, on the
//! `constraints` fixture folder and OpenAPI documents written for it here.

use std::path::Path;

use modelgen_fidelity::compare::{compare, Dialect, Fidelity, Nullability};
use serde_json::{json, Value};

/// Compares the `constraints` fixture folder with a document whose only component is `Place`.
fn against(place: Value, nullability: Nullability) -> Fidelity {
    let folder =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../codegen/tests/fixtures/constraints");
    let generated = modelgen::Config::new()
        .spec_dir(folder)
        .check()
        .expect("constraints generates");
    let truth = json!({ "openapi": "3.0.3", "components": { "schemas": { "Place": place } } });
    compare(&generated.models, &truth, Dialect { nullability })
}

/// `Place` as its page describes it.
fn true_place() -> Value {
    json!({
        "type": "object",
        "required": ["city"],
        "properties": {
            "city": { "type": "string", "minLength": 1 },
            "zip": { "type": "string", "pattern": "^[0-9]{5}$" },
            "level": { "type": "integer", "minimum": -5, "maximum": 200 }
        }
    })
}

#[test]
fn a_faithful_page_recovers_every_fact() {
    let fidelity = against(true_place(), Nullability::Always);
    assert_eq!(fidelity.models_matched, 1);
    assert!(fidelity.misreads.is_empty(), "{:?}", fidelity.misreads);
    assert_eq!(fidelity.recovered, fidelity.carried);
    // Presence of 3 properties, 3 types, 3 required, 3 nullability, and presence of the
    // 3 generated fields.
    assert_eq!(fidelity.carried, 15);
    assert_eq!(
        fidelity.not_carried_total(),
        0,
        "{:?}",
        fidelity.not_carried
    );
}

#[test]
fn differences_are_listed_as_misreads() {
    let mut place = true_place();
    place["required"] = json!(["city", "zip"]);
    place["properties"]["level"] = json!({ "type": "string", "enum": ["ground", "roof"] });
    place["properties"]["country"] = json!({ "type": "string" });
    place["properties"]["city"]["nullable"] = json!(true);
    let fidelity = against(place, Nullability::Always);
    let found: Vec<(String, &str)> = fidelity
        .misreads
        .iter()
        .map(|m| (m.property.clone(), m.fact))
        .collect();
    for expected in [
        ("zip", "required"),
        ("level", "type"),
        ("level", "enum"),
        ("country", "presence"),
        ("city", "nullable"),
    ] {
        assert!(
            found.contains(&(expected.0.to_owned(), expected.1)),
            "{expected:?} not in {found:?}"
        );
    }
    assert_eq!(found.len(), 5, "{found:?}");
    assert!(fidelity.share() < 100.0);
}

#[test]
fn facts_the_page_cannot_carry_are_counted_apart() {
    let mut place = true_place();
    place["required"] = json!(["city", "zip"]);
    place["properties"]["zip"]["default"] = json!("00000");
    place["properties"]["city"]["nullable"] = json!(true);
    place["properties"]["city"]["format"] = json!("hostname");
    let fidelity = against(place, Nullability::Never);
    assert!(fidelity.misreads.is_empty(), "{:?}", fidelity.misreads);
    assert_eq!(
        fidelity
            .not_carried
            .get("required with a default, shown optional"),
        Some(&1)
    );
    assert_eq!(
        fidelity
            .not_carried
            .get("nullability, not shown by the dialect"),
        Some(&1)
    );
    assert_eq!(
        fidelity.not_carried.get("formats and constraints"),
        Some(&1)
    );
}
