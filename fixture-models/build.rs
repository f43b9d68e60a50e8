//! Generates a module from each folder of fixture pages.

use std::path::PathBuf;

const FIXTURES: &str = "../codegen/tests/fixtures";

include!("src/folders.rs");

fn main() -> Result<(), modelgen::Error> {
    let out_dir = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    println!("cargo:rerun-if-changed={FIXTURES}");
    for (module, folder) in FOLDERS {
        modelgen::Config::new()
            .spec_dir(format!("{FIXTURES}/{folder}"))
            .rust_file(out_dir.join(format!("{module}.rs")))
            .schema_dir(out_dir.join("schemas").join(module))
            .generate()?;
    }
    Ok(())
}
