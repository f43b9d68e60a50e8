//! Shaping the generated code: extra derives, attributes on a type, a field or a variant, and
//! replaced models, asked by `Config` calls or by `modelgen.json`. Each bad fragment and each
//! unknown name is an error that names the call or points into the file, and nothing is
//! written. That the shaped code compiles and works is `fixture-models/tests/shaping.rs`.

use std::fs;

use modelgen::{Config, Error};

mod common;
use common::folder;

const HEADER: &str = "| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n";

/// A folder with an object (`Pet`, holding a `Status`), a string enum (`Status`), a union
/// (`Id`) and an object (`Owner`) holding a `Pet`.
fn pets() -> tempfile::TempDir {
    let pet = format!(
        "# Pet\n\n## Fields\n\n{HEADER}| `name` | *string* | :heavy_check_mark: | N/A |\n| `status` | [Status](status.md) | :heavy_minus_sign: | N/A |\n"
    );
    let owner = format!(
        "# Owner\n\n## Fields\n\n{HEADER}| `pet` | [Pet](pet.md) | :heavy_check_mark: | N/A |\n| `weight` | *number* | :heavy_minus_sign: | N/A |\n"
    );
    let status = "# Status\n\n## Values\n\n```typescript\n\"available\" | \"sold\"\n```\n";
    let id = "# Id\n\n## Supported Types\n\n### `string`\n\n```typescript\nconst value: string = \"\";\n```\n\n### `number`\n\n```typescript\nconst value: number = 1;\n```\n";
    folder(&[
        ("pet.md", &pet),
        ("owner.md", &owner),
        ("status.md", status),
        ("id.md", id),
    ])
}

fn rust_of(config: &Config) -> String {
    config
        .check()
        .unwrap_or_else(|e| panic!("the folder must generate: {e}"))
        .rust
}

/// The errors of a failed run, each as `location: message` (no location for a call's).
fn errors_of(config: &Config) -> Vec<String> {
    let Err(Error {
        diagnostics,
        sources,
    }) = config.check()
    else {
        panic!("the run must fail");
    };
    diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(|d| match d.location(&sources) {
            Some((_, line, column)) => format!("{line}:{column}: {}", d.message),
            None => d.message.clone(),
        })
        .collect()
}

/// The text of the item that follows `marker` up to its first `{` or `;` line.
fn item_after<'a>(rust: &'a str, marker: &str) -> &'a str {
    let start = rust
        .find(marker)
        .unwrap_or_else(|| panic!("`{marker}` is in the generated code"));
    let before = &rust[..start];
    // Back to the end of the previous item.
    let from = before.rfind("\n}\n").map_or(0, |at| at + 3);
    &rust[from..start + marker.len()]
}

#[test]
fn derives_go_after_the_types_own_and_are_not_repeated() {
    let dir = pets();
    let rust = rust_of(
        Config::new()
            .spec_dir(dir.path())
            .derive("Hash")
            .derive_for("Pet", "Eq")
            .derive_for("Pet", "::std::cmp::PartialOrd")
            .derive_for("Pet", "Clone")
            .derive_for("Pet", "::std::hash::Hash"),
    );
    let pet = item_after(&rust, "pub struct Pet {");
    assert!(
        pet.contains(
            "#[derive(Debug, Clone, PartialEq, ::serde::Serialize)]\n#[derive(Hash, Eq, ::std::cmp::PartialOrd)]\n"
        ),
        "{pet}"
    );
    // `Hash` on every type: the enum has it already, so it gets no second derive line.
    let status = item_after(&rust, "pub enum Status {");
    assert_eq!(status.matches("#[derive(").count(), 1, "{status}");
    assert!(item_after(&rust, "pub struct Owner {").contains("#[derive(Hash)]\n"));
    assert!(item_after(&rust, "pub enum Id {").contains("#[derive(Hash)]\n"));
}

#[test]
fn attributes_go_on_the_type_the_field_and_the_variant() {
    let dir = pets();
    let rust = rust_of(
        Config::new()
            .spec_dir(dir.path())
            .type_attribute("Pet", "#[non_exhaustive]")
            .field_attribute("Pet", "name", "#[doc(alias = \"title\")]")
            .variant_attribute("Status", "sold", "#[doc(alias = \"gone\")]")
            .variant_attribute("Status", "Available", "#[doc(alias = \"here\")]")
            .variant_attribute("Id", "Number", "#[doc(alias = \"numeric\")]"),
    );
    let pet = item_after(&rust, "pub name: ::std::string::String,");
    assert!(pet.contains("#[non_exhaustive]\n#[allow(clippy::type_complexity)]\npub struct Pet {"));
    assert!(pet.contains(
        "    #[doc(alias = \"title\")]\n    #[serde(rename = \"name\")]\n    pub name: ::std::string::String,"
    ), "{pet}");
    let status = item_after(&rust, "Sold,");
    assert!(
        status.contains(
            "    #[doc(alias = \"here\")]\n    #[serde(rename = \"available\")]\n    Available,"
        ),
        "{status}"
    );
    assert!(
        status.contains("    #[doc(alias = \"gone\")]\n    #[serde(rename = \"sold\")]\n    Sold,")
    );
    let id = item_after(&rust, "Number(f64),");
    assert!(
        id.contains("    #[doc(alias = \"numeric\")]\n    Number(f64),"),
        "{id}"
    );
}

#[test]
fn a_replaced_model_is_an_alias_and_its_schemas_do_not_change() {
    let dir = pets();
    let plain = Config::new().spec_dir(dir.path()).check().unwrap();
    let shaped = Config::new()
        .spec_dir(dir.path())
        .replace("Pet", "crate::pets::Pet")
        .check()
        .unwrap();
    assert!(shaped
        .rust
        .contains("Replaced by `crate::pets::Pet`, as the generator's configuration asks.\npub type Pet = crate::pets::Pet;\n"));
    for gone in [
        "pub struct Pet",
        "impl ::modelgen_runtime::Validate for Pet ",
        "impl ::schemars::JsonSchema for Pet ",
        "impl ::modelgen_runtime::Model for Pet ",
    ] {
        assert!(!shaped.rust.contains(gone), "{gone}");
    }
    // Other models still name it, through the alias.
    assert!(shaped.rust.contains("pub pet: Pet,"));
    assert_eq!(plain.schemas, shaped.schemas);
}

#[test]
fn a_model_is_named_by_its_schema_name_where_titles_repeat() {
    let pet =
        format!("# Pet\n\n## Fields\n\n{HEADER}| `name` | *string* | :heavy_check_mark: | N/A |\n");
    let dir = folder(&[("cats/pet.md", &pet), ("dogs/pet.md", &pet)]);
    let errors = errors_of(Config::new().spec_dir(dir.path()).derive_for("Pet", "Hash"));
    assert_eq!(
        errors,
        ["`Config::derive_for(\"Pet\", \"Hash\")`: `Pet` is the title of 2 models"]
    );
    let generated = Config::new().spec_dir(dir.path()).check().unwrap();
    let keys: Vec<&str> = generated
        .models
        .models
        .iter()
        .map(|m| m.def_key.as_str())
        .collect();
    let rust = rust_of(
        Config::new()
            .spec_dir(dir.path())
            .derive_for(keys[0], "Hash"),
    );
    assert_eq!(rust.matches("#[derive(Hash)]").count(), 1);
}

#[test]
fn bad_fragments_and_unknown_names_are_errors_naming_the_call() {
    let dir = pets();
    let rust_file = dir.path().join("out/models.rs");
    let mut config = Config::new();
    config
        .spec_dir(dir.path())
        .rust_file(&rust_file)
        .derive("Has h")
        .derive_for("Pets", "Hash")
        .type_attribute("Pet", "non_exhaustive")
        .type_attribute("Pet", "#![deny(warnings)]")
        .type_attribute("Pet", " ")
        .field_attribute("Pet", "nmae", "#[doc(alias = \"x\")]")
        .field_attribute("Status", "sold", "#[doc(alias = \"x\")]")
        .variant_attribute("Status", "lost", "#[doc(alias = \"x\")]")
        .variant_attribute("Pet", "name", "#[doc(alias = \"x\")]")
        .replace("Owner", "crate::Owner<")
        .replace("Id", "crate::Id")
        .type_attribute("Id", "#[non_exhaustive]");
    let errors = errors_of(&config);
    let expected = [
        "`Config::derive(\"Has h\")`: `Has h` is not a derive macro's path, such as `Hash` or `::std::cmp::Eq`: unexpected token",
        "`Config::derive_for(\"Pets\", \"Hash\")`: no model is named `Pets`",
        "`Config::type_attribute(\"Pet\", \"non_exhaustive\")`: `non_exhaustive` is not one or more outer attributes, such as `#[non_exhaustive]` or `#[doc(alias = \"title\")]`: unexpected token",
        "`Config::type_attribute(\"Pet\", \"#![deny(warnings)]\")`: `#![deny(warnings)]` is not one or more outer attributes",
        "`Config::type_attribute(\"Pet\", \" \")`: ` ` holds no attribute",
        "`Config::field_attribute(\"Pet\", \"nmae\", \"#[doc(alias = \\\"x\\\")]\")`: `Pet` has no field `nmae`",
        "`Config::field_attribute(\"Status\", \"sold\", \"#[doc(alias = \\\"x\\\")]\")`: `Status` has no fields: it is not an object model",
        "`Config::variant_attribute(\"Status\", \"lost\", \"#[doc(alias = \\\"x\\\")]\")`: `Status` has no variant `lost`",
        "`Config::variant_attribute(\"Pet\", \"name\", \"#[doc(alias = \\\"x\\\")]\")`: `Pet` has no variants: it is not an enum or a union",
        "`Config::replace(\"Owner\", \"crate::Owner<\")`: `crate::Owner<` is not a Rust type",
        "`Config::type_attribute(\"Id\", \"#[non_exhaustive]\")`: `Id` is replaced by `crate::Id`, so no type is generated to carry this",
    ];
    assert_eq!(errors.len(), expected.len(), "{errors:#?}");
    for (error, expected) in errors.iter().zip(expected) {
        assert!(
            error.starts_with(expected),
            "{error}\n  should start with\n{expected}"
        );
    }
    assert!(config.generate().is_err());
    assert!(!rust_file.exists(), "nothing is written");
    // The help says what was meant.
    let Err(error) = Config::new()
        .spec_dir(dir.path())
        .derive_for("Pets", "Hash")
        .check()
    else {
        panic!()
    };
    assert_eq!(
        error.diagnostics[0].help.as_deref(),
        Some("a model is named by its page title or its schema name; did you mean `Pet`?")
    );
}

#[test]
fn modelgen_json_asks_the_same() {
    let dir = pets();
    fs::write(
        dir.path().join("modelgen.json"),
        r##"{
  "derive": ["Hash"],
  "deriveFor": {"Pet": ["Eq"]},
  "typeAttributes": {"Pet": "#[non_exhaustive]"},
  "fieldAttributes": {"Pet": {"name": ["#[doc(alias = \"title\")]"]}},
  "variantAttributes": {"Status": {"sold": ["#[doc(alias = \"gone\")]"]}},
  "replace": {"Owner": "crate::Owner"}
}
"##,
    )
    .unwrap();
    let rust = rust_of(Config::new().spec_dir(dir.path()));
    let pet = item_after(&rust, "pub name: ::std::string::String,");
    assert!(
        pet.contains("#[derive(Hash, Eq)]\n#[non_exhaustive]\n"),
        "{pet}"
    );
    assert!(pet.contains("    #[doc(alias = \"title\")]\n    #[serde(rename = \"name\")]\n"));
    assert!(rust.contains("    #[doc(alias = \"gone\")]\n    #[serde(rename = \"sold\")]\n"));
    assert!(rust.contains("pub type Owner = crate::Owner;\n"));
    // A call wins over the file.
    let rust = rust_of(
        Config::new()
            .spec_dir(dir.path())
            .replace("Owner", "crate::people::Owner"),
    );
    assert!(rust.contains("pub type Owner = crate::people::Owner;\n"));
}

#[test]
fn modelgen_json_errors_point_at_the_entry() {
    let dir = pets();
    fs::write(
        dir.path().join("modelgen.json"),
        r##"{
  "derive": ["Hash", "Has h"],
  "deriveFor": {"Pets": ["Eq"]},
  "typeAttributes": {"Pet": 3},
  "fieldAttributes": {"Pet": {"nmae": ["#[doc(alias = \"title\")]"]}},
  "variantAttributes": {"Status": {"sold": ["doc"]}},
  "replace": {"Owner": "crate::Owner<"}
}
"##,
    )
    .unwrap();
    let errors = errors_of(Config::new().spec_dir(dir.path()));
    let expected = [
        "2:22: `Has h` is not a derive macro's path",
        "3:17: no model is named `Pets`",
        "4:22: `typeAttributes` does not have the expected shape",
        "5:31: `Pet` has no field `nmae`",
        "6:45: `doc` is not one or more outer attributes",
        "7:24: `crate::Owner<` is not a Rust type",
    ];
    assert_eq!(errors.len(), expected.len(), "{errors:#?}");
    for (error, expected) in errors.iter().zip(expected) {
        assert!(
            error.starts_with(expected),
            "{error}\n  should start with\n{expected}"
        );
    }
}

#[test]
fn an_error_in_the_pages_is_not_buried_under_name_errors() {
    let dir = folder(&[(
        "pet.md",
        "# Pet\n\n## Fields\n\n| Field | Type |\n| --- | --- |\n| `name` | *strng* |\n",
    )]);
    let errors = errors_of(Config::new().spec_dir(dir.path()).derive_for("Pet", "Hash"));
    assert!(
        errors.iter().all(|e| !e.contains("Config::")),
        "{errors:#?}"
    );
}

/// A fragment's literal that spans lines reaches the file as written: the items of nested
/// modules are then not indented, since that would put spaces inside the literal.
#[test]
fn a_literal_spanning_lines_is_kept_as_written_in_a_nested_module() {
    let row = "| `name` | *str* | :heavy_check_mark: | The name. |\n";
    let dir = folder(&[
        (
            "components/Pet.md",
            &format!("# Pet\n\n## Fields\n\n{HEADER}{row}"),
        ),
        (
            "operations/Request.md",
            &format!("# Request\n\n## Fields\n\n{HEADER}{row}"),
        ),
    ]);
    let rust = rust_of(Config::new().spec_dir(dir.path()).field_attribute(
        "Pet",
        "name",
        "#[doc = r\"first line\nsecond line\"]",
    ));
    assert!(rust.contains("pub mod components {"), "{rust}");
    assert!(rust.contains("first line\nsecond line"), "{rust}");
    // Without such a fragment, the module's items are indented.
    let plain = rust_of(Config::new().spec_dir(dir.path()));
    assert!(plain.contains("\n    pub struct Pet {\n"), "{plain}");
}
