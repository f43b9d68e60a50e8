//! Generates the models the `document` target reads: the repository's `spec/` and the
//! `hostile` and `constraints` fixture folders, one module each, and the list of their schema
//! names (the `$defs` keys of each bundle), which picks the model an input is read as.

use std::fmt::Write as _;
use std::path::PathBuf;

/// The module name and the folder (relative to this crate) of each generated module.
const FOLDERS: [(&str, &str); 3] = [
    ("spec", "../spec"),
    ("hostile", "../codegen/tests/fixtures/hostile"),
    ("constraints", "../codegen/tests/fixtures/constraints"),
];

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let out_dir = PathBuf::from(std::env::var_os("OUT_DIR").ok_or("cargo sets OUT_DIR")?);
    let mut names = String::from(
        "/// The schema names of the generated models, by module: what `validate_json` takes.\n\
         pub const MODELS: &[(&str, &str)] = &[\n",
    );
    for (module, folder) in FOLDERS {
        println!("cargo:rerun-if-changed={folder}");
        let schemas = out_dir.join("schemas").join(module);
        modelgen::Config::new()
            .spec_dir(folder)
            .rust_file(out_dir.join(format!("{module}.rs")))
            .schema_dir(&schemas)
            .generate()?;
        let bundle: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(
            schemas.join("bundle.schema.json"),
        )?)?;
        let defs = bundle["$defs"].as_object().ok_or("the bundle has $defs")?;
        for name in defs.keys() {
            writeln!(names, "    ({module:?}, {name:?}),")?;
        }
    }
    names.push_str("];\n");
    std::fs::write(out_dir.join("document_models.rs"), names)?;
    Ok(())
}
