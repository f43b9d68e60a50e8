//! Generates a module from each folder of fixture pages.

use std::path::PathBuf;

const FIXTURES: &str = "../codegen/tests/fixtures/dialects";

fn main() -> Result<(), modelgen::Error> {
    let out_dir = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    println!("cargo:rerun-if-changed={FIXTURES}");
    for folder in [
        "typescript",
        "go",
        "go-2024",
        "python",
        "php",
        "java",
        "csharp",
        "recursion",
        "names",
    ] {
        modelgen::Config::new()
            .spec_dir(format!("{FIXTURES}/{folder}"))
            .rust_file(out_dir.join(format!("{folder}.rs")))
            .schema_dir(out_dir.join("schemas").join(folder))
            .generate()?;
    }
    Ok(())
}
