//! A diff of two folders, ready to show: the changes, and both folders' pages in one source
//! map so that each change renders as a rustc-style diagnostic pointing into its page.
//!
//! A change that breaks the side asked about is an error, one that breaks only the other side
//! a warning, and one that breaks nobody a note; each carries its rule id as its code
//! (`error[field-removed]`).

use std::fmt;

use serde_json::{json, Map, Value};

use super::{Change, Location, Side, Version};
use crate::diagnostic::{Diagnostic, Severity};
use crate::render::{render_human, render_json};
use crate::source::{FileId, SourceMap, Span};
use crate::Generated;

/// The changes between two generated folders, with the pages of both.
#[derive(Debug)]
pub struct Report {
    /// Every change, grouped by model.
    pub changes: Vec<Change>,
    /// The new folder's pages, then the old folder's.
    sources: SourceMap,
    /// How many of [`Report::sources`] are the new folder's.
    new_files: usize,
}

/// Counts of a report, for its summary line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Summary {
    /// Every change.
    pub changes: usize,
    /// Models with at least one change.
    pub models: usize,
    /// Changes that break readers.
    pub readers: usize,
    /// Changes that break writers.
    pub writers: usize,
    /// Changes that break nobody.
    pub information: usize,
}

impl fmt::Display for Summary {
    /// `12 changes in 3 models: 4 break readers, 2 break writers, 7 information only`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} {} in {} {}: {} break readers, {} break writers, {} information only",
            self.changes,
            if self.changes == 1 {
                "change"
            } else {
                "changes"
            },
            self.models,
            if self.models == 1 { "model" } else { "models" },
            self.readers,
            self.writers,
            self.information
        )
    }
}

impl Report {
    /// Compares two successful runs of the generator.
    pub fn new(old: &Generated, new: &Generated) -> Report {
        let changes = super::diff(&old.models, &new.models);
        let mut sources = SourceMap::default();
        for (_, file) in new.sources.iter() {
            sources.add(file.clone());
        }
        let new_files = sources.iter().count();
        for (_, file) in old.sources.iter() {
            sources.add(file.clone());
        }
        Report {
            changes,
            sources,
            new_files,
        }
    }

    /// Both folders' pages: what [`Report::span`] points into.
    pub fn sources(&self) -> &SourceMap {
        &self.sources
    }

    /// A location as a span of [`Report::sources`].
    pub fn span(&self, location: &Location) -> Span {
        let offset = match location.version {
            Version::New => 0,
            Version::Old => self.new_files,
        };
        Span::new(
            FileId(location.span.file.0 + offset),
            location.span.range.clone(),
        )
    }

    /// `path:line` of a location, as diagnostics show it.
    pub fn line_of(&self, location: &Location) -> (String, usize) {
        let span = self.span(location);
        let file = self.sources.get(span.file);
        let (line, _) = file.line_column(span.range.start);
        (file.display_path.display().to_string(), line)
    }

    /// The counts of the report.
    pub fn summary(&self) -> Summary {
        let mut models: Vec<&str> = self.changes.iter().map(|c| c.model.as_str()).collect();
        models.dedup();
        let count = |pred: fn(&Change) -> bool| self.changes.iter().filter(|c| pred(c)).count();
        Summary {
            changes: self.changes.len(),
            models: models.len(),
            readers: count(|c| c.breaks().readers),
            writers: count(|c| c.breaks().writers),
            information: count(|c| !c.breaks().any()),
        }
    }

    /// Whether any change breaks the side asked about.
    pub fn breaks(&self, asked: Side) -> bool {
        self.changes.iter().any(|c| c.breaks().breaks(asked))
    }

    /// A change as a diagnostic: an error when it breaks the side asked about, a warning when
    /// it breaks only the other side, a note when it breaks nobody.
    pub fn diagnostic(&self, change: &Change, asked: Side) -> Diagnostic {
        let breaks = change.breaks();
        let severity = if breaks.breaks(asked) {
            Severity::Error
        } else if breaks.any() {
            Severity::Warning
        } else {
            Severity::Note
        };
        let label = if breaks.any() {
            format!("breaks {}", breaks.describe())
        } else {
            "information only".to_owned()
        };
        let help = match &change.note {
            Some(note) => format!("{note}; {}", change.rule.explain()),
            None => change.rule.explain().to_owned(),
        };
        Diagnostic {
            severity,
            ..Diagnostic::error(self.span(&change.at), change.message.clone())
        }
        .with_label(label)
        .with_help(help)
        .with_code(change.rule.id())
    }

    /// The changes as rustc-style text, model by model: a heading line per model, then its
    /// changes. Empty when nothing changed; otherwise it ends with a newline.
    pub fn render_human(&self, asked: Side, color: bool) -> String {
        let mut out = String::new();
        for group in self.groups() {
            let first = &group[0];
            let (file, line) = self.line_of(&first.model_at);
            out.push_str(&format!(
                "== model `{}` ({file}:{line}): {} {}\n\n",
                first.model,
                group.len(),
                if group.len() == 1 {
                    "change"
                } else {
                    "changes"
                }
            ));
            for change in group {
                out.push_str(&render_human(
                    &self.diagnostic(change, asked),
                    &self.sources,
                    color,
                ));
                out.push_str("\n\n");
            }
        }
        out
    }

    /// The report as one JSON object: `breaking` (the side asked about), `breaks` (whether
    /// anything breaks it), `summary` (the counts), and `models`, one object per model with
    /// `model`, `file`, `line` and `changes`. Each change has `rule`, `breaks`
    /// (`{"readers": bool, "writers": bool}`), `field`, and the keys of
    /// [`crate::render::render_json`].
    pub fn to_json(&self, asked: Side) -> Value {
        let summary = self.summary();
        let models: Vec<Value> = self
            .groups()
            .map(|group| {
                let first = &group[0];
                let (file, line) = self.line_of(&first.model_at);
                let changes: Vec<Value> = group
                    .iter()
                    .map(|change| {
                        let mut object = Map::new();
                        object.insert("rule".into(), change.rule.id().into());
                        let breaks = change.breaks();
                        object.insert(
                            "breaks".into(),
                            json!({"readers": breaks.readers, "writers": breaks.writers}),
                        );
                        object.insert("field".into(), json!(change.field));
                        if let Value::Object(rest) =
                            render_json(&self.diagnostic(change, asked), &self.sources)
                        {
                            object.extend(rest);
                        }
                        Value::Object(object)
                    })
                    .collect();
                json!({"model": first.model, "file": file, "line": line, "changes": changes})
            })
            .collect();
        json!({
            "breaking": asked.name(),
            "breaks": self.breaks(asked),
            "summary": {
                "changes": summary.changes,
                "models": summary.models,
                "readers": summary.readers,
                "writers": summary.writers,
                "information": summary.information,
            },
            "models": models,
        })
    }

    /// The changes, one slice per model.
    fn groups(&self) -> impl Iterator<Item = &[Change]> {
        self.changes.chunk_by(|a, b| a.model == b.model)
    }
}
