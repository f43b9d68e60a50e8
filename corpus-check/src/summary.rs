//! The summary line of a folder: its pages, its models by kind, and its warnings by kind.

use std::collections::BTreeMap;
use std::fmt;

use modelgen::diagnostic::Diagnostic;
use modelgen::ir::ModelKind;
use modelgen::source::SourceMap;
use modelgen::Generated;

/// The name under which warnings that carry no kind are counted.
pub const NO_KIND: &str = "no-kind";

/// What one folder generated, counted.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Summary {
    /// Markdown pages read.
    pub pages: usize,
    /// Models from pages (models the generator made up for inline shapes are not counted).
    pub models: usize,
    /// Models with fields.
    pub objects: usize,
    /// Enums, literal constants included.
    pub enums: usize,
    /// Unions.
    pub unions: usize,
    /// Models that accept any JSON value (`ModelKind::Any`).
    pub untyped: usize,
    /// Errors.
    pub errors: usize,
    /// Warnings by kind (the diagnostic's code).
    pub warnings: BTreeMap<&'static str, usize>,
}

impl Summary {
    /// Counts a successful run.
    pub fn of(generated: &Generated) -> Self {
        let mut summary = Summary::default();
        summary.count_pages(&generated.sources);
        for model in generated.models.models.iter().filter(|m| !m.synthesized) {
            summary.models += 1;
            match &model.kind {
                ModelKind::Object(_) => summary.objects += 1,
                ModelKind::Enum(_) => summary.enums += 1,
                ModelKind::Union(_) => summary.unions += 1,
                ModelKind::Any => summary.untyped += 1,
            }
        }
        summary.count_diagnostics(&generated.diagnostics);
        summary
    }

    /// Counts the pages and diagnostics of a failed run (it has no models).
    pub fn of_failure(error: &modelgen::Error) -> Self {
        let mut summary = Summary::default();
        summary.count_pages(&error.sources);
        summary.count_diagnostics(&error.diagnostics);
        summary
    }

    fn count_pages(&mut self, sources: &SourceMap) {
        self.pages = sources
            .iter()
            .filter(|(_, f)| f.relative_path.ends_with(".md"))
            .count();
    }

    fn count_diagnostics(&mut self, diagnostics: &[Diagnostic]) {
        for diagnostic in diagnostics {
            if diagnostic.is_error() {
                self.errors += 1;
            } else {
                *self
                    .warnings
                    .entry(diagnostic.code.unwrap_or(NO_KIND))
                    .or_default() += 1;
            }
        }
    }

    /// The number of warnings of every kind.
    pub fn warning_count(&self) -> usize {
        self.warnings.values().sum()
    }

    /// Adds another folder's counts to these.
    pub fn add(&mut self, other: &Summary) {
        self.pages += other.pages;
        self.models += other.models;
        self.objects += other.objects;
        self.enums += other.enums;
        self.unions += other.unions;
        self.untyped += other.untyped;
        self.errors += other.errors;
        for (kind, count) in &other.warnings {
            *self.warnings.entry(kind).or_default() += count;
        }
    }
}

/// `457 pages, 456 models (281 objects, 140 enums, 35 unions, 0 untyped), 0 errors,
/// 3 warnings (example-mismatch 2, sdk-only-field 1)`.
impl fmt::Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} pages, {} models ({} objects, {} enums, {} unions, {} untyped), {} errors, {} warnings",
            self.pages,
            self.models,
            self.objects,
            self.enums,
            self.unions,
            self.untyped,
            self.errors,
            self.warning_count()
        )?;
        if !self.warnings.is_empty() {
            let kinds: Vec<String> = self
                .warnings
                .iter()
                .map(|(kind, count)| format!("{kind} {count}"))
                .collect();
            write!(f, " ({})", kinds.join(", "))?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PET: &str = "# Pet\n\nA pet.\n\n## Fields\n\n| Field | Type | Required | Description | Example |\n| ----- | ---- | -------- | ----------- | ------- |\n| `name` | *string* | :heavy_check_mark: | The name. | Rex |\n| `age` | *number* | :heavy_minus_sign: | The age. | very old |\n| `kind` | [models.Kind](kind.md) | :heavy_minus_sign: | The kind. | |\n| `raw` | [*http.Response](https://pkg.go.dev/net/http#Response) | :heavy_check_mark: | Raw HTTP response. | |\n";
    const KIND: &str =
        "# Kind\n\n## Values\n\n| Name | Value |\n| ---- | ----- |\n| `CAT` | cat |\n| `DOG` | dog |\n";
    const SHAPE: &str = "# Shape\n\n## Supported Types\n\n### `models.Pet`\n\n```python\nvalue: models.Pet = /* values here */\n```\n\n### `str`\n\n```python\nvalue: str = /* values here */\n```\n";
    const LOOSE: &str = "# Loose\n\nAnything at all.\n";
    const NOTES: &str = "# Notes\n\nJust prose.\n\n## Usage\n\nNothing here.\n";

    fn folder(pages: &[(&str, &str)]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().expect("a temporary folder");
        for (name, text) in pages {
            std::fs::write(dir.path().join(name), text).expect("a page");
        }
        dir
    }

    #[test]
    fn counts_models_by_kind_and_warnings_by_code() {
        let dir = folder(&[
            ("pet.md", PET),
            ("kind.md", KIND),
            ("shape.md", SHAPE),
            ("loose.md", LOOSE),
        ]);
        let generated = modelgen::Config::new()
            .spec_dir(dir.path())
            .check()
            .unwrap_or_else(|e| panic!("generates: {:?}", e.diagnostics));
        let summary = Summary::of(&generated);
        let mut expected: BTreeMap<&str, usize> = BTreeMap::new();
        for d in &generated.diagnostics {
            *expected.entry(d.code.unwrap_or(NO_KIND)).or_default() += 1;
        }
        assert_eq!(
            (summary.pages, summary.models, summary.objects),
            (4, 4, 1),
            "{summary}"
        );
        assert_eq!(
            (summary.enums, summary.unions, summary.untyped),
            (1, 1, 1),
            "{summary}"
        );
        assert_eq!(summary.errors, 0);
        assert_eq!(summary.warnings, expected);
        assert!(summary.warnings.contains_key("sdk-only-field"), "{summary}");
        assert!(
            summary.warnings.contains_key("example-mismatch"),
            "{summary}"
        );
        assert!(summary.warnings.contains_key("untyped-model"), "{summary}");
    }

    #[test]
    fn the_line_lists_each_kind_with_its_count() {
        let mut summary = Summary {
            pages: 3,
            models: 2,
            objects: 1,
            enums: 1,
            ..Summary::default()
        };
        assert_eq!(
            summary.to_string(),
            "3 pages, 2 models (1 objects, 1 enums, 0 unions, 0 untyped), 0 errors, 0 warnings"
        );
        summary.warnings.insert("sdk-only-field", 1);
        summary.warnings.insert("example-mismatch", 2);
        let mut total = summary.clone();
        total.add(&summary);
        assert_eq!(
            total.to_string(),
            "6 pages, 4 models (2 objects, 2 enums, 0 unions, 0 untyped), 0 errors, 6 warnings (example-mismatch 4, sdk-only-field 2)"
        );
    }

    #[test]
    fn a_failed_run_counts_its_errors() {
        let dir = folder(&[(
            "pet.md",
            &PET.replace("*string*", "*strng*")
                .replace("\n| `kind`", "\n| `x`"),
        )]);
        let error = match modelgen::Config::new().spec_dir(dir.path()).check() {
            Ok(_) => panic!("a page with an unknown type does not generate"),
            Err(error) => error,
        };
        let summary = Summary::of_failure(&error);
        assert_eq!(summary.pages, 1);
        assert!(summary.errors >= 1, "{summary}");
        assert_eq!(
            summary.errors,
            error.diagnostics.iter().filter(|d| d.is_error()).count()
        );
        assert_eq!(summary.models, 0);
    }

    #[test]
    fn a_page_that_is_no_model_is_counted_as_a_page_only() {
        let dir = folder(&[("kind.md", KIND), ("notes.md", NOTES)]);
        let generated = modelgen::Config::new()
            .spec_dir(dir.path())
            .check()
            .unwrap_or_else(|e| panic!("generates: {:?}", e.diagnostics));
        let summary = Summary::of(&generated);
        assert_eq!((summary.pages, summary.models), (2, 1), "{summary}");
        assert_eq!(
            summary.warnings.get("not-a-model-page"),
            Some(&1),
            "{summary}"
        );
    }
}
