//! The agreement check: for every model, many documents, each judged by the generated Rust
//! validation and by the `jsonschema` crate on the published schema (formats asserted). Any
//! difference is a bug in one of them.

use std::path::{Path, PathBuf};

use jsonschema::{Retrieve, Uri};
use modelgen::ir::ModelSet;
use serde_json::Value;

use crate::samples;

/// Serves schemas published under `base_uri` from the folder they were written to, and
/// nothing else, so that references between published files resolve without a network.
pub struct PublishedFolder {
    base_uri: String,
    folder: PathBuf,
}

impl PublishedFolder {
    /// A retriever for the schemas under `base_uri`, read from `folder`.
    pub fn new(base_uri: &str, folder: &Path) -> Self {
        PublishedFolder {
            base_uri: base_uri.to_owned(),
            folder: folder.to_path_buf(),
        }
    }
}

impl Retrieve for PublishedFolder {
    fn retrieve(
        &self,
        uri: &Uri<String>,
    ) -> Result<Value, Box<dyn std::error::Error + Send + Sync>> {
        let file = uri
            .as_str()
            .strip_prefix(&self.base_uri)
            .ok_or_else(|| format!("not a published schema: {uri}"))?;
        if file.split('/').any(|part| part == ".." || part.is_empty()) {
            return Err(format!("not a published schema: {uri}").into());
        }
        let text = std::fs::read_to_string(self.folder.join(file))?;
        Ok(serde_json::from_str(&text)?)
    }
}

/// One document on which the two verdicts differ.
#[derive(Debug)]
pub struct Disagreement {
    /// The model's schema name.
    pub model: String,
    /// What the document is (valid instance, or which rule it breaks).
    pub description: String,
    /// The document.
    pub document: Value,
    /// The Rust verdict: `Ok` or the errors.
    pub rust: Result<(), String>,
    /// Whether the published schema accepts it.
    pub schema_accepts: bool,
}

impl std::fmt::Display for Disagreement {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let rust = match &self.rust {
            Ok(()) => "accepts".to_owned(),
            Err(errors) => format!("rejects ({})", errors.replace('\n', "; ")),
        };
        let schema = if self.schema_accepts {
            "accepts"
        } else {
            "rejects"
        };
        write!(
            f,
            "{}: {}\n  document: {}\n  Rust {rust}; the published schema {schema}",
            self.model, self.description, self.document
        )
    }
}

/// What one run compared.
#[derive(Debug, Default)]
pub struct Report {
    /// Models checked.
    pub models: usize,
    /// Documents compared.
    pub documents: usize,
    /// Documents the schema accepted.
    pub accepted: usize,
    /// Every difference.
    pub disagreements: Vec<Disagreement>,
}

/// Compares the Rust verdict (`validate(schema name, text)`) with the published schema's on
/// `per_model` documents for every published model. With `dump` set, each model's documents
/// and Rust verdicts are also written there as JSON Lines (`<schema file>l`), so that
/// validators in other languages can be held to the same verdicts.
///
/// # Panics
///
/// When a published schema cannot be read or compiled, or `validate` knows no model of
/// that name: both mean the generated outputs are broken.
pub fn compare(
    models: &ModelSet,
    schema_dir: &Path,
    base_uri: &str,
    per_model: usize,
    dump: Option<&Path>,
    validate: impl Fn(&str, &str) -> Option<Result<(), String>>,
) -> Report {
    let mut report = Report::default();
    for (id, model) in models.iter().filter(|(_, m)| !m.synthesized) {
        let path = schema_dir.join(&model.schema_file);
        let text = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
        let schema: Value = serde_json::from_str(&text)
            .unwrap_or_else(|e| panic!("{} is not JSON: {e}", path.display()));
        let validator = jsonschema::options()
            .should_validate_formats(true)
            .with_retriever(PublishedFolder::new(base_uri, schema_dir))
            .build(&schema)
            .unwrap_or_else(|e| panic!("{} does not compile: {e}", path.display()));
        report.models += 1;
        let mut lines = Vec::new();
        for sample in samples(models, id, per_model, 0x5eed ^ id.0 as u64) {
            let text = sample.document.to_string();
            let rust = validate(&model.def_key, &text)
                .unwrap_or_else(|| panic!("the generated code knows no model `{}`", model.def_key));
            let schema_accepts = validator.is_valid(&sample.document);
            report.documents += 1;
            report.accepted += usize::from(schema_accepts);
            lines.push(serde_json::json!({
                "document": sample.document,
                "valid": rust.is_ok(),
                "description": sample.description,
            }));
            if rust.is_ok() != schema_accepts {
                report.disagreements.push(Disagreement {
                    model: model.def_key.clone(),
                    description: sample.description,
                    document: sample.document,
                    rust,
                    schema_accepts,
                });
            }
        }
        if let Some(folder) = dump {
            write_dump(folder, &model.schema_file, &lines);
        }
    }
    report
}

/// Writes one model's documents and verdicts as JSON Lines into `folder`.
fn write_dump(folder: &Path, schema_file: &str, documents: &[Value]) {
    let path = folder.join(format!("{schema_file}l"));
    if let Some(parent) = path.parent() {
        let _ = std::fs::create_dir_all(parent);
    }
    let lines: Vec<String> = documents.iter().map(Value::to_string).collect();
    std::fs::write(&path, lines.join("\n") + "\n")
        .unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
}
