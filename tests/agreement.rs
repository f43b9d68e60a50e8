//! The Rust validation of every model in `spec/` agrees with its published JSON Schema on
//! thousands of generated documents: valid ones and near-misses.

use std::path::Path;

const DOCUMENTS_PER_MODEL: usize = 1000;

#[test]
fn agreement_with_published_schemas() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let generated = modelgen::Config::new()
        .spec_dir(root.join("spec"))
        .check()
        .expect("spec/ generates");
    let report = modelgen_samples::agreement::compare(
        &generated.models,
        &root.join("generated"),
        modelgen::DEFAULT_SCHEMA_BASE_URI,
        DOCUMENTS_PER_MODEL,
        std::env::var_os("MODELGEN_AGREEMENT_DUMP")
            .as_deref()
            .map(Path::new),
        |model, text| models::validate_json(model, text).map(|r| r.map_err(|e| e.to_string())),
    );
    report.print("spec", 20);
    let failures = report.failures();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
