//! Diagnostics: what went wrong, where, and what would be right.

use crate::source::{SourceMap, Span};

/// How bad a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// The page cannot be turned into a model; nothing is written.
    Error,
    /// The page generates, but something was left out or guessed.
    Warning,
    /// Information only: nothing is wrong (a documentation change between two versions).
    Note,
}

/// One problem found in a page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// What is wrong, in one sentence.
    pub message: String,
    /// Where it is; `None` only for problems with no position (an unreadable folder).
    pub span: Option<Span>,
    /// Label under the underlined text.
    pub label: Option<String>,
    /// What would be right, when known.
    pub help: Option<String>,
    /// The stable kebab-case name of the diagnostic's kind (`sdk-only-field`) or of the rule
    /// that produced it (`field-removed`), shown as `warning[code]`; `None` for most errors.
    pub code: Option<&'static str>,
}

impl Diagnostic {
    /// An error at `span`.
    pub fn error(span: Span, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            message: message.into(),
            span: Some(span),
            label: None,
            help: None,
            code: None,
        }
    }

    /// A warning of the kind `code` (a stable kebab-case name) at `span`.
    pub fn warning(code: &'static str, span: Span, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            code: Some(code),
            ..Diagnostic::error(span, message)
        }
    }

    /// An error that belongs to no page position.
    pub fn global_error(message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            message: message.into(),
            span: None,
            label: None,
            help: None,
            code: None,
        }
    }

    /// Adds a help line.
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Adds a label under the underlined text.
    pub fn with_label(mut self, label: impl Into<String>) -> Self {
        self.label = Some(label.into());
        self
    }

    /// Adds the identifier of the rule that produced the diagnostic.
    pub fn with_code(mut self, code: &'static str) -> Self {
        self.code = Some(code);
        self
    }

    /// Whether this is an error.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// `path:line:column` of the diagnostic, if it has a position.
    pub fn location(&self, sources: &SourceMap) -> Option<(String, usize, usize)> {
        let span = self.span.as_ref()?;
        let file = sources.get(span.file);
        let (line, column) = file.line_column(span.range.start);
        Some((file.display_path.display().to_string(), line, column))
    }
}
