//! Which fields accept `null`: the ones the pages mark (a wrapper, a Go pointer on a required
//! field, a `null` in `## Example Usage` or in the Example cell), and with `nulls` set to
//! `where-unsaid` every field of a folder whose pages never write nullability, set through
//! `Config`, `modelgen.json` or the command line.

use std::fs;
use std::path::Path;
use std::process::Command;

use modelgen::ir::{ModelKind, ModelSet};
use modelgen::spec_config::Nulls;
use modelgen::Config;

mod common;
use common::folder;

const HEADER: &str =
    "| Field | Type | Required | Description | Example |\n| --- | --- | --- | --- | --- |\n";

/// A TypeScript-style page: nullability is never written in a Type cell.
const TS_FOLDER: &str = "# Folder\n\n## Fields\n\n";
const TS_ROWS: &str = "\
| `id` | *string* | :heavy_check_mark: | The id. | f_1 |
| `description` | *string* | :heavy_minus_sign: | Shown null in the example. | null |
| `name` | *string* | :heavy_check_mark: | Nothing says. | Docs |
";

/// A Python-style page: nullability is written where it holds.
const PYTHON_PAGE: &str = "# Folder\n\n## Fields\n\n\
| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n\
| `id` | *str* | :heavy_check_mark: | The id. |\n\
| `parent` | *Nullable[str]* | :heavy_check_mark: | The parent. |\n\
| `name` | *Optional[str]* | :heavy_minus_sign: | Not nullable: the page would say. |\n";

fn ts_folder() -> tempfile::TempDir {
    folder(&[("folder.md", &format!("{TS_FOLDER}{HEADER}{TS_ROWS}"))])
}

/// Each field of the only model with whether it is nullable.
fn nullable_fields(models: &ModelSet) -> Vec<(String, bool)> {
    let ModelKind::Object(object) = &models.models[0].kind else {
        panic!("an object");
    };
    object
        .fields
        .iter()
        .map(|f| (f.wire_name.clone(), f.nullable))
        .collect()
}

fn check(dir: &Path, nulls: Option<Nulls>) -> Vec<(String, bool)> {
    let mut config = Config::new();
    config.spec_dir(dir);
    if let Some(nulls) = nulls {
        config.nulls(nulls);
    }
    let generated = config
        .check()
        .unwrap_or_else(|e| panic!("the folder generates: {e}"));
    nullable_fields(&generated.models)
}

fn owned(fields: &[(&str, bool)]) -> Vec<(String, bool)> {
    fields.iter().map(|(n, b)| ((*n).to_owned(), *b)).collect()
}

#[test]
fn a_null_example_makes_the_field_nullable_and_stays_its_example() {
    let dir = ts_folder();
    assert_eq!(
        check(dir.path(), None),
        owned(&[("id", false), ("description", true), ("name", false)])
    );
    let generated = Config::new()
        .spec_dir(dir.path())
        .check()
        .expect("generates");
    assert!(
        generated.diagnostics.is_empty(),
        "no example-mismatch warning: {:?}",
        generated.diagnostics
    );
    let ModelKind::Object(object) = &generated.models.models[0].kind else {
        panic!("an object");
    };
    assert_eq!(object.fields[1].example, Some(serde_json::Value::Null));
    let schema = &generated
        .schemas
        .iter()
        .find(|(f, _)| f == "Folder.schema.json");
    let schema: serde_json::Value =
        serde_json::from_str(&schema.expect("published").1).expect("JSON");
    assert_eq!(
        schema["properties"]["description"]["type"],
        serde_json::json!(["string", "null"])
    );
}

#[test]
fn where_unsaid_through_config_accepts_null_on_every_field_of_a_folder_that_never_says() {
    let dir = ts_folder();
    assert_eq!(
        check(dir.path(), Some(Nulls::WhereUnsaid)),
        owned(&[("id", true), ("description", true), ("name", true)])
    );
}

#[test]
fn where_unsaid_changes_nothing_in_a_folder_that_writes_nullability() {
    let dir = folder(&[("folder.md", PYTHON_PAGE)]);
    let expected = owned(&[("id", false), ("parent", true), ("name", false)]);
    assert_eq!(check(dir.path(), None), expected);
    assert_eq!(check(dir.path(), Some(Nulls::WhereUnsaid)), expected);
}

#[test]
fn a_go_pointer_on_a_required_field_counts_as_writing_nullability() {
    let page = "# Folder\n\n## Fields\n\n\
| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n\
| `ID` | `string` | :heavy_check_mark: | The id. |\n\
| `Parent` | `*string` | :heavy_check_mark: | The parent. |\n";
    let dir = folder(&[("folder.md", page)]);
    assert_eq!(
        check(dir.path(), Some(Nulls::WhereUnsaid)),
        owned(&[("ID", false), ("Parent", true)])
    );
}

#[test]
fn the_folder_file_wins_over_config() {
    let dir = ts_folder();
    fs::write(
        dir.path().join("modelgen.json"),
        r#"{"nulls": "where-unsaid"}"#,
    )
    .expect("write");
    let all = owned(&[("id", true), ("description", true), ("name", true)]);
    assert_eq!(check(dir.path(), None), all);
    assert_eq!(check(dir.path(), Some(Nulls::AsWritten)), all);
    fs::write(
        dir.path().join("modelgen.json"),
        r#"{"nulls": "as-written"}"#,
    )
    .expect("write");
    assert_eq!(
        check(dir.path(), Some(Nulls::WhereUnsaid)),
        owned(&[("id", false), ("description", true), ("name", false)])
    );
}

#[test]
fn the_command_line_takes_nulls() {
    let dir = ts_folder();
    let schemas = tempfile::tempdir().expect("a temporary folder");
    let run = |choice: &str| {
        Command::new(env!("CARGO_BIN_EXE_modelgen"))
            .arg("generate")
            .arg(dir.path())
            .arg("--schemas")
            .arg(schemas.path())
            .args(["--nulls", choice])
            .output()
            .expect("runs")
    };
    let output = run("where-unsaid");
    assert!(output.status.success(), "{output:?}");
    let schema: serde_json::Value = serde_json::from_str(
        &fs::read_to_string(schemas.path().join("Folder.schema.json")).expect("written"),
    )
    .expect("JSON");
    assert_eq!(
        schema["properties"]["name"]["type"],
        serde_json::json!(["string", "null"])
    );
    let output = run("sometimes");
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("unknown `--nulls` choice `sometimes`"),
        "{stderr}"
    );
}
