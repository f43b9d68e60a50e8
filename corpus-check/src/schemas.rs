//! Checks published schema files: each is valid against the draft 2020-12 meta-schema, sits
//! where its `$id` says, and compiles with every `$ref` resolved against the other files.

use std::io;
use std::path::{Component, Path, PathBuf};

use jsonschema::{Draft, Retrieve, Uri};
use modelgen::output::files_with_suffix;
use serde_json::Value;

/// What the check of one schema folder found.
pub struct Report {
    /// How many `*.schema.json` files were checked.
    pub files: usize,
    /// One line per invalid file, naming it.
    pub problems: Vec<String>,
}

/// Checks every `*.schema.json` under `dir`, whose `$id`s start with `base_uri`.
///
/// Each file is checked against the meta-schema and its `$id`, and compiled with every `$ref`
/// resolved: a reference to another file must name a file of the folder, which is then served
/// as an empty schema. Compiling against the real files would compile everything a file
/// reaches, again for every file, which grows with the square of a densely linked folder; each
/// file is compiled once here anyway.
pub fn check_dir(dir: &Path, base_uri: &str) -> io::Result<Report> {
    let files = files_with_suffix(dir, ".schema.json")?;
    let mut problems = Vec::new();
    for path in &files {
        let checked = read_checked(dir, path, base_uri)
            .and_then(|(_, schema)| compile(&schema, dir, base_uri));
        if let Err(problem) = checked {
            problems.push(format!("{}: {problem}", path.display()));
        }
    }
    Ok(Report {
        files: files.len(),
        problems,
    })
}

/// Compiles a schema with every `$ref` resolved against the schema folder.
fn compile(schema: &Value, dir: &Path, base_uri: &str) -> Result<(), String> {
    jsonschema::options()
        .with_draft(Draft::Draft202012)
        .with_retriever(SchemaFiles {
            base_uri: base_uri.to_owned(),
            dir: dir.to_owned(),
        })
        .build(schema)
        .map(|_| ())
        .map_err(|e| format!("does not compile: {e}"))
}

/// Reads a schema file and checks its `$id` and that it is valid against the meta-schema;
/// returns the `$id` and the schema.
fn read_checked(dir: &Path, path: &Path, base_uri: &str) -> Result<(String, Value), String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read: {e}"))?;
    let schema: Value = serde_json::from_str(&text).map_err(|e| format!("not JSON: {e}"))?;
    let relative = path
        .strip_prefix(dir)
        .map_err(|_| "outside the schema folder".to_owned())?
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/");
    let expected_id = format!("{base_uri}{relative}");
    match schema.get("$id").and_then(Value::as_str) {
        Some(id) if id == expected_id => {}
        other => return Err(format!("`$id` is {other:?}, expected `{expected_id}`")),
    }
    jsonschema::draft202012::meta::validate(&schema).map_err(|e| {
        format!(
            "invalid against the draft 2020-12 meta-schema: {e} at `{}`",
            e.instance_path()
        )
    })?;
    Ok((expected_id, schema))
}

/// Serves `$id`s under the base URI from the schema folder, and nothing else.
struct SchemaFiles {
    base_uri: String,
    dir: PathBuf,
}

impl Retrieve for SchemaFiles {
    fn retrieve(
        &self,
        uri: &Uri<String>,
    ) -> Result<Value, Box<dyn std::error::Error + Send + Sync>> {
        let uri = uri.as_str();
        let relative = uri
            .strip_prefix(&self.base_uri)
            .ok_or_else(|| format!("`{uri}` is not under `{}`", self.base_uri))?;
        let relative = Path::new(relative);
        if !relative
            .components()
            .all(|c| matches!(c, Component::Normal(_)))
        {
            return Err(format!("`{uri}` leaves the schema folder").into());
        }
        let path = self.dir.join(relative);
        if !path.is_file() {
            return Err(format!("`{uri}`: no file `{}`", path.display()).into());
        }
        // The file is checked on its own; here it only has to exist.
        Ok(serde_json::json!({}))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const BASE: &str = "https://models.invalid/";

    fn folder(files: &[(&str, Value)]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().expect("a temporary folder");
        for (relative, schema) in files {
            let path = dir.path().join(relative);
            std::fs::create_dir_all(path.parent().expect("a parent")).expect("a folder");
            std::fs::write(&path, schema.to_string()).expect("a file");
        }
        dir
    }

    fn schema(relative: &str, body: Value) -> (&str, Value) {
        let mut document = serde_json::json!({
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": format!("{BASE}{relative}"),
        });
        if let (Some(map), Value::Object(rest)) = (document.as_object_mut(), body) {
            map.extend(rest);
        }
        (relative, document)
    }

    #[test]
    fn references_between_files_resolve() {
        let dir = folder(&[
            schema(
                "components/A.schema.json",
                serde_json::json!({ "properties": { "b": { "$ref": "../operations/B.schema.json" } } }),
            ),
            schema(
                "operations/B.schema.json",
                serde_json::json!({ "type": "string" }),
            ),
        ]);
        let report = check_dir(dir.path(), BASE).expect("readable");
        assert_eq!(report.files, 2);
        assert!(report.problems.is_empty(), "{:?}", report.problems);
    }

    #[test]
    fn dangling_references_meta_invalid_schemas_and_wrong_ids_fail() {
        let dir = folder(&[
            schema(
                "Dangling.schema.json",
                serde_json::json!({ "items": { "$ref": "Missing.schema.json" } }),
            ),
            schema("Invalid.schema.json", serde_json::json!({ "type": 5 })),
            schema("Elsewhere.schema.json", serde_json::json!({})),
        ]);
        std::fs::rename(
            dir.path().join("Elsewhere.schema.json"),
            dir.path().join("Moved.schema.json"),
        )
        .expect("a rename");
        let report = check_dir(dir.path(), BASE).expect("readable");
        assert_eq!(report.files, 3);
        let problems = report.problems.join("\n");
        assert!(
            problems.contains("Dangling.schema.json: does not compile"),
            "{problems}"
        );
        assert!(
            problems.contains("Invalid.schema.json: invalid against"),
            "{problems}"
        );
        assert!(problems.contains("Moved.schema.json: `$id`"), "{problems}");
    }
}
