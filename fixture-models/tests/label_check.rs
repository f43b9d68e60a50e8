//! The label check catches a misread page that both generated outputs share: when a
//! published schema loses a constraint and the validation judged against it loses the same
//! one, Rust and the schema still agree, but the samples' labels, built from the page's
//! rules, contradict the schema's verdicts.

use std::collections::BTreeMap;
use std::path::Path;

use fixture_models::schema_dir;
use modelgen_samples::agreement::{compare, PublishedFolder, Report};
use serde_json::Value;

const DOCUMENTS_PER_MODEL: usize = 300;

/// Runs the agreement check on the `constraints` fixture after `weaken` edits the published
/// schema of `Account`; the validation under test is the weakened schema itself, so that
/// both outputs carry the same loss.
fn run_with_weakened_account(weaken: impl Fn(&mut Value)) -> Report {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("../codegen/tests/fixtures");
    let generated = modelgen::Config::new()
        .spec_dir(fixtures.join("constraints"))
        .check()
        .expect("constraints generates");
    let published = tempfile::tempdir().expect("a temporary folder");
    for entry in std::fs::read_dir(schema_dir("constraints")).expect("published schemas") {
        let entry = entry.expect("a published file");
        std::fs::copy(entry.path(), published.path().join(entry.file_name()))
            .expect("copies a published file");
    }
    let account = published.path().join("Account.schema.json");
    let mut schema: Value =
        serde_json::from_str(&std::fs::read_to_string(&account).expect("Account is published"))
            .expect("Account's schema is JSON");
    weaken(&mut schema);
    std::fs::write(&account, schema.to_string()).expect("writes the weakened schema");

    let mut validators = BTreeMap::new();
    for (_, model) in generated.models.iter().filter(|(_, m)| !m.synthesized) {
        let text = std::fs::read_to_string(published.path().join(&model.schema_file))
            .expect("the schema is published");
        let schema: Value = serde_json::from_str(&text).expect("the schema is JSON");
        let validator = jsonschema::options()
            .should_validate_formats(true)
            .with_retriever(PublishedFolder::new(
                modelgen::DEFAULT_SCHEMA_BASE_URI,
                published.path(),
            ))
            .build(&schema)
            .expect("the schema compiles");
        validators.insert(model.def_key.clone(), validator);
    }
    compare(
        &generated.models,
        published.path(),
        modelgen::DEFAULT_SCHEMA_BASE_URI,
        DOCUMENTS_PER_MODEL,
        None,
        |model, text| {
            let document: Value = serde_json::from_str(text).ok()?;
            let validator = validators.get(model)?;
            Some(if validator.is_valid(&document) {
                Ok(())
            } else {
                Err("rejected by the weakened schema".to_owned())
            })
        },
    )
}

/// Asserts that the weakened run agrees everywhere but mislabels documents of `Account`
/// whose labels name `rule` at `/handle`.
fn assert_caught(report: &Report, rule: &str) {
    report.print("constraints, weakened", 3);
    assert!(report.disagreements.is_empty(), "{}", report.summary());
    assert!(
        !report.label_mismatches.is_empty(),
        "a dropped {rule} went unnoticed: {}",
        report.summary()
    );
    for mismatch in &report.label_mismatches {
        assert_eq!(mismatch.model, "Account", "{mismatch}");
        assert!(mismatch.schema_accepts, "{mismatch}");
        assert!(mismatch.description.starts_with("invalid: "), "{mismatch}");
    }
    assert!(
        report
            .label_mismatches
            .iter()
            .any(|m| m.description.contains("/handle") && m.description.contains(rule)),
        "no mismatch names {rule} at /handle"
    );
    assert!(!report.failures().is_empty());
}

#[test]
fn the_unchanged_schemas_match_every_label() {
    let report = run_with_weakened_account(|_| {});
    report.print("constraints, unchanged", 3);
    assert!(report.failures().is_empty(), "{:?}", report.failures());
}

#[test]
fn a_dropped_required_entry_mislabels_documents() {
    let report = run_with_weakened_account(|schema| {
        let required = schema["required"]
            .as_array_mut()
            .expect("Account has required");
        let before = required.len();
        required.retain(|name| name != "handle");
        assert_eq!(required.len() + 1, before, "`handle` was required");
    });
    assert_caught(&report, "required");
}

#[test]
fn a_dropped_min_length_mislabels_documents() {
    let report = run_with_weakened_account(|schema| {
        let handle = schema["properties"]["handle"]
            .as_object_mut()
            .expect("Account has a handle");
        assert!(
            handle.remove("minLength").is_some(),
            "`handle` had a minLength"
        );
    });
    assert_caught(&report, "minLength");
}
