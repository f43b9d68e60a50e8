//! The Rust validation of every fixture model agrees with its published JSON Schema on
//! generated documents: valid ones and near-misses.

use std::path::Path;

use fixture_models::{schema_dir, validate_json, FOLDERS};

const DOCUMENTS_PER_MODEL: usize = 1000;

#[test]
fn agreement_with_published_schemas_for_every_fixture() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("../codegen/tests/fixtures");
    let mut failures = Vec::new();
    for (module, folder) in FOLDERS {
        let generated = modelgen::Config::new()
            .spec_dir(fixtures.join(folder))
            .check()
            .unwrap_or_else(|e| panic!("{folder} generates: {e}"));
        let report = modelgen_samples::agreement::compare(
            &generated.models,
            &schema_dir(module),
            modelgen::DEFAULT_SCHEMA_BASE_URI,
            DOCUMENTS_PER_MODEL,
            None,
            |model, text| validate_json(module, model, text).map(|r| r.map_err(|e| e.to_string())),
        );
        report.print(folder, 20);
        failures.extend(
            report
                .failures()
                .into_iter()
                .map(|f| format!("{folder}: {f}")),
        );
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
