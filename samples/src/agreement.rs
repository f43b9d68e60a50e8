//! The agreement check: for every model, many documents, each judged by the generated Rust
//! validation and by the `jsonschema` crate on the published schema (formats asserted). Any
//! difference is a bug in one of them.

use std::path::{Path, PathBuf};

use jsonschema::{Retrieve, Uri};
use modelgen::ir::ModelSet;
use serde_json::Value;

use crate::one_resource::one_resource;
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

/// One labelled document whose label (`valid: ...` or `invalid: ...`) the published schema
/// contradicts: the samples generator misjudged it, or the schema lost or gained a rule.
#[derive(Debug)]
pub struct LabelMismatch {
    /// The model's schema name.
    pub model: String,
    /// The sample's label and description.
    pub description: String,
    /// The document.
    pub document: Value,
    /// Whether the published schema accepts it (the label says the opposite).
    pub schema_accepts: bool,
}

impl std::fmt::Display for LabelMismatch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let schema = if self.schema_accepts {
            "accepts"
        } else {
            "rejects"
        };
        write!(
            f,
            "{}: {}\n  document: {}\n  the published schema {schema} it",
            self.model, self.description, self.document
        )
    }
}

/// How the published schema judged one model's documents.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModelVerdicts {
    /// The model's schema name.
    pub model: String,
    /// Documents the schema accepted.
    pub accepted: usize,
    /// Documents the schema rejected.
    pub rejected: usize,
    /// Why the model cannot show both verdicts, when that is known: set only when the
    /// schema accepts every kind of JSON value probed (it constrains nothing), or when the
    /// generator built no valid instance and says why (a required chain of models deeper than
    /// its depth limit, or one that never ends).
    pub one_sided_because: Option<String>,
}

impl ModelVerdicts {
    /// Whether the schema both accepted and rejected some document of this model.
    pub fn has_both(&self) -> bool {
        self.accepted > 0 && self.rejected > 0
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
    /// Documents labelled `uncertain: `: compared Rust against the schema, but their label
    /// is not compared with anything.
    pub uncertain: usize,
    /// Every difference between the Rust verdict and the schema's.
    pub disagreements: Vec<Disagreement>,
    /// Every labelled document whose label the schema contradicts.
    pub label_mismatches: Vec<LabelMismatch>,
    /// The schema's verdicts per model.
    pub verdicts: Vec<ModelVerdicts>,
}

impl Report {
    /// One line: documents, models, disagreements, label mismatches, uncertain documents.
    pub fn summary(&self) -> String {
        format!(
            "{} documents, {} models, {} disagreements, {} label mismatches, {} uncertain documents ({} accepted by the schema)",
            self.documents,
            self.models,
            self.disagreements.len(),
            self.label_mismatches.len(),
            self.uncertain,
            self.accepted,
        )
    }

    /// Models whose documents got only one verdict from the schema, with no explanation.
    pub fn unexplained_one_sided(&self) -> Vec<&ModelVerdicts> {
        self.verdicts
            .iter()
            .filter(|v| !v.has_both() && v.one_sided_because.is_none())
            .collect()
    }

    /// Models whose documents got only one verdict from the schema, each with its reason.
    pub fn explained_one_sided(&self) -> Vec<&ModelVerdicts> {
        self.verdicts
            .iter()
            .filter(|v| !v.has_both() && v.one_sided_because.is_some())
            .collect()
    }
}

impl Report {
    /// Prints, to standard error, the summary line of `suite`, then up to `limit`
    /// disagreements and label mismatches, and every model with only one verdict.
    pub fn print(&self, suite: &str, limit: usize) {
        eprintln!("{suite}: {}", self.summary());
        for disagreement in self.disagreements.iter().take(limit) {
            eprintln!("disagreement: {disagreement}\n");
        }
        for mismatch in self.label_mismatches.iter().take(limit) {
            eprintln!("label mismatch: {mismatch}\n");
        }
        for v in self.explained_one_sided() {
            let why = v.one_sided_because.as_deref().unwrap_or_default();
            eprintln!(
                "{suite}: {} has one verdict only ({} accepted, {} rejected): {why}",
                v.model, v.accepted, v.rejected
            );
        }
        for v in self.unexplained_one_sided() {
            eprintln!(
                "{suite}: {} has one verdict only ({} accepted, {} rejected), unexplained",
                v.model, v.accepted, v.rejected
            );
        }
    }

    /// What is wrong with this run, one line per kind of failure: disagreements, label
    /// mismatches, models with one verdict and no explanation. Empty when all is well.
    pub fn failures(&self) -> Vec<String> {
        let mut failures = Vec::new();
        if !self.disagreements.is_empty() {
            failures.push(format!(
                "{} of {} documents got different verdicts from Rust and the schema",
                self.disagreements.len(),
                self.documents
            ));
        }
        if !self.label_mismatches.is_empty() {
            failures.push(format!(
                "{} labelled documents are labelled against the schema's verdict",
                self.label_mismatches.len()
            ));
        }
        let one_sided = self.unexplained_one_sided();
        if !one_sided.is_empty() {
            let names: Vec<&str> = one_sided.iter().map(|v| v.model.as_str()).collect();
            failures.push(format!(
                "models without both verdicts, unexplained: {}",
                names.join(", ")
            ));
        }
        failures
    }
}

/// The words of the samples' labels for a document that stands in for a valid instance the
/// generator could not build.
const NOT_BUILT: [&str; 2] = [
    "generation stopped at the depth limit",
    "no valid instance could be built",
];

/// One value of every JSON kind, to find schemas that accept anything.
fn probes() -> Vec<Value> {
    vec![
        Value::Null,
        Value::Bool(true),
        serde_json::json!(0),
        serde_json::json!(-1.5),
        serde_json::json!(""),
        serde_json::json!("\u{0}x"),
        serde_json::json!([]),
        serde_json::json!([null, 1, "x"]),
        serde_json::json!({}),
        serde_json::json!({"x": null}),
    ]
}

/// Why a model cannot show both verdicts, when the schema accepts every probe.
fn accepts_everything(validator: &jsonschema::Validator) -> Option<String> {
    probes().iter().all(|p| validator.is_valid(p)).then(|| {
        "the published schema accepts every kind of JSON value probed (null, boolean, number, \
         string, array, object): it constrains nothing, so no document can be rejected"
            .to_owned()
    })
}

/// Compares the Rust verdict (`validate(schema name, text)`) with the published schema's on
/// `per_model` documents for every published model, and each labelled document's label with
/// the schema's verdict. With `dump` set, each model's documents
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
        // One resource instead of the published files, so that compiling takes time linear
        // in the schemas whatever the link graph (see `one_resource`).
        let schema = one_resource(schema_dir, base_uri, &model.schema_file)
            .unwrap_or_else(|e| panic!("{e}"));
        let validator = jsonschema::options()
            .should_validate_formats(true)
            .build(&schema)
            .unwrap_or_else(|e| panic!("{} does not compile: {e}", path.display()));
        report.models += 1;
        let mut verdicts = ModelVerdicts {
            model: model.def_key.clone(),
            accepted: 0,
            rejected: 0,
            one_sided_because: None,
        };
        let mut lines = Vec::new();
        let mut labelled_valid = 0;
        let mut unbuilt: Option<String> = None;
        for sample in samples(models, id, per_model, 0x5eed ^ id.0 as u64) {
            let text = sample.document.to_string();
            let rust = validate(&model.def_key, &text)
                .unwrap_or_else(|| panic!("the generated code knows no model `{}`", model.def_key));
            let schema_accepts = validator.is_valid(&sample.document);
            report.documents += 1;
            report.accepted += usize::from(schema_accepts);
            if schema_accepts {
                verdicts.accepted += 1;
            } else {
                verdicts.rejected += 1;
            }
            lines.push(serde_json::json!({
                "document": sample.document,
                "valid": rust.is_ok(),
                "description": sample.description,
            }));
            labelled_valid += usize::from(sample.expected_valid() == Some(true));
            if unbuilt.is_none() && NOT_BUILT.iter().any(|w| sample.description.contains(w)) {
                unbuilt = Some(sample.description.clone());
            }
            match sample.expected_valid() {
                None => report.uncertain += 1,
                Some(label) if label != schema_accepts => {
                    report.label_mismatches.push(LabelMismatch {
                        model: model.def_key.clone(),
                        description: sample.description.clone(),
                        document: sample.document.clone(),
                        schema_accepts,
                    });
                }
                Some(_) => {}
            }
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
        if !verdicts.has_both() {
            verdicts.one_sided_because = accepts_everything(&validator).or_else(|| {
                unbuilt.filter(|_| labelled_valid == 0).map(|label| {
                    format!("the generator built no valid instance; its documents say `{label}`")
                })
            });
        }
        report.verdicts.push(verdicts);
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
