//! Generates the benchmark models: the pages of the repository's `spec/` plus this crate's own
//! `spec/` (the `CustomerList` wrapper of the 1 MB document), copied together into
//! `OUT_DIR/spec`, to Rust in `OUT_DIR/models.rs` and schemas in `OUT_DIR/schemas`.

use std::path::{Path, PathBuf};
use std::{env, fs};

fn copy_pages(from: &Path, to: &Path) {
    println!("cargo:rerun-if-changed={}", from.display());
    let entries = fs::read_dir(from).unwrap_or_else(|e| panic!("{}: {e}", from.display()));
    for entry in entries {
        let entry = entry.expect("a readable folder entry");
        let name = entry.file_name();
        let is_page = name
            .to_str()
            .is_some_and(|n| n.ends_with(".md") || n == "modelgen.json");
        if is_page && entry.file_type().is_ok_and(|t| t.is_file()) {
            fs::copy(entry.path(), to.join(&name))
                .unwrap_or_else(|e| panic!("copying {}: {e}", entry.path().display()));
        }
    }
}

fn main() -> Result<(), modelgen::Error> {
    let manifest = PathBuf::from(env::var_os("CARGO_MANIFEST_DIR").expect("CARGO_MANIFEST_DIR"));
    let out = PathBuf::from(env::var_os("OUT_DIR").expect("OUT_DIR"));
    let spec = out.join("spec");
    let _ = fs::remove_dir_all(&spec);
    fs::create_dir_all(&spec).expect("creating OUT_DIR/spec");
    copy_pages(&manifest.join("../spec"), &spec);
    copy_pages(&manifest.join("spec"), &spec);
    let generated = modelgen::Config::new()
        .spec_dir(&spec)
        .schema_dir(out.join("schemas"))
        .rust_file(out.join("models.rs"))
        .generate()?;
    for diagnostic in &generated.diagnostics {
        println!("cargo:warning={}", diagnostic.message);
    }
    Ok(())
}
