//! Generates the models from `spec/`: Rust into `OUT_DIR`, JSON Schemas into `generated/`.

fn main() -> Result<(), modelgen::Error> {
    modelgen::Config::new()
        .spec_dir("spec")
        .schema_dir("generated")
        .run_build_script()
}
