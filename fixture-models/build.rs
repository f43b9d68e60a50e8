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
    // The TypeScript pages again, shaped: extra derives, attributes on a type, a field and a
    // variant, and a model replaced by the unshaped module's type.
    modelgen::Config::new()
        .spec_dir(format!("{FIXTURES}/dialects/typescript"))
        .rust_file(out_dir.join("shaped.rs"))
        .derive_for("Address", "Hash")
        .derive_for("components.Address", "Eq")
        .derive_for("Address", "::std::cmp::PartialOrd")
        .derive_for("Address", "Ord")
        .derive_for("Address", "Clone")
        .type_attribute("Address", "#[doc(alias = \"postal\")]")
        .field_attribute("Address", "city", "#[doc(alias = \"town\")]")
        .variant_attribute("Channel", "sms", "#[doc(alias = \"text\")]")
        .replace("Visit", "crate::typescript::components::Visit")
        .generate()?;
    // The hostile pages again, written as the tokens come instead of formatted.
    modelgen::Config::new()
        .spec_dir(format!("{FIXTURES}/hostile"))
        .rust_file(out_dir.join("hostile_unformatted.rs"))
        .formatted(false)
        .generate()?;
    // The format pages again with native types for their date-time, date and uuid strings,
    // once per date crate.
    for library in ["chrono", "jiff", "time"] {
        modelgen::Config::new()
            .spec_dir(format!("{FIXTURES}/formats"))
            .rust_file(out_dir.join(format!("native_{library}.rs")))
            .native_format("date-time", library)
            .native_format("date", library)
            .native_format("uuid", "uuid")
            .generate()?;
    }
    Ok(())
}
