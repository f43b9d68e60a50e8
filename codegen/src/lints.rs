//! Lint levels: every kind of warning has a stable kebab-case code, and each code can be
//! allowed (dropped), warned about (the default) or denied (turned into an error that fails
//! the run).
//!
//! Levels come from three places. The spec folder's `modelgen.json` (`"lints":
//! {"sdk-only-field": "allow"}`) sets the folder's defaults; [`crate::Config::allow`],
//! [`crate::Config::warn`] and [`crate::Config::deny`] (and the command line's `--allow`,
//! `--warn` and `--deny`, which call them) override the file. When one code is set twice in
//! `Config`, the last call wins.

use std::collections::BTreeMap;

use crate::diagnostic::{Diagnostic, Severity};

/// Every warning code, with what it reports, as a plural phrase that follows a count
/// (`234 fields of SDK-only types left out`). This is the one list of codes: a warning
/// whose code is not here is a bug, which a test checks.
pub const CODES: [(&str, &str); 10] = [
    (
        "sdk-only-field",
        "fields left out because their type is an SDK object (file, stream, HTTP message)",
    ),
    (
        "sdk-only-variant",
        "union variants left out because they are SDK objects, not JSON",
    ),
    (
        "sdk-only-model",
        "models left out because every variant they list is an SDK object",
    ),
    (
        "example-mismatch",
        "examples that do not fit their field's type or constraints and are dropped",
    ),
    (
        "untyped-model",
        "models whose shape the page does not give; they accept any JSON value",
    ),
    (
        "not-a-model-page",
        "pages skipped because they are not model pages (SDK option pages)",
    ),
    (
        "relocated-link",
        "links that point to no file and were read by the file name",
    ),
    ("undefined-variant", "union variants that no page defines"),
    (
        "wire-names",
        "folders whose field names look like an SDK's naming, not the JSON wire names",
    ),
    (
        "number-literal",
        "number constants that are not integers and are read as any number",
    ),
];

/// The known code equal to `name`, if there is one.
pub fn known(name: &str) -> Option<&'static str> {
    CODES
        .iter()
        .map(|(code, _)| *code)
        .find(|code| *code == name)
}

/// What a code's warnings report, as a plural phrase (see [`CODES`]).
pub fn description(code: &str) -> Option<&'static str> {
    CODES.iter().find(|(c, _)| *c == code).map(|(_, d)| *d)
}

/// The codes, comma separated, for messages that list them.
pub fn code_list() -> String {
    CODES
        .iter()
        .map(|(code, _)| *code)
        .collect::<Vec<_>>()
        .join(", ")
}

/// What happens to the warnings of one code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Level {
    /// Dropped: not printed, not counted.
    Allow,
    /// Printed as a warning (the default).
    Warn,
    /// Printed as an error, which fails the run.
    Deny,
}

impl Level {
    /// Every level with its name in `modelgen.json` and on the command line.
    pub const ALL: [(Level, &'static str); 3] = [
        (Level::Allow, "allow"),
        (Level::Warn, "warn"),
        (Level::Deny, "deny"),
    ];

    /// The level called `name`.
    pub fn from_name(name: &str) -> Option<Level> {
        Level::ALL
            .iter()
            .find(|(_, n)| *n == name)
            .map(|(level, _)| *level)
    }
}

/// Levels by code; codes not in the map are at [`Level::Warn`].
pub type Levels = BTreeMap<&'static str, Level>;

/// Applies `levels` to the warnings in `diagnostics`: allowed ones are removed, denied ones
/// become errors (keeping their code, with a note saying why they are errors).
pub fn apply(levels: &Levels, diagnostics: &mut Vec<Diagnostic>) {
    diagnostics.retain_mut(|diagnostic| {
        if diagnostic.severity != Severity::Warning {
            return true;
        }
        let Some(code) = diagnostic.code else {
            return true;
        };
        match levels.get(code).copied().unwrap_or(Level::Warn) {
            Level::Allow => false,
            Level::Warn => true,
            Level::Deny => {
                diagnostic.severity = Severity::Error;
                let note = format!("`{code}` is denied; allow or warn it to let the run pass");
                diagnostic.help = Some(match diagnostic.help.take() {
                    Some(help) => format!("{help}\n{note}"),
                    None => note,
                });
                true
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::{FileId, Span};

    /// Every warning made in the sources with a literal code uses a code from [`CODES`].
    #[test]
    fn every_warning_code_is_listed() {
        let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut files = vec![src];
        let mut found = 0;
        while let Some(path) = files.pop() {
            if path.is_dir() {
                for entry in std::fs::read_dir(&path).unwrap() {
                    files.push(entry.unwrap().path());
                }
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            let needle = concat!("Diagnostic::", "warning(");
            for (at, _) in text.match_indices(needle) {
                let rest = text[at + needle.len()..].trim_start();
                let Some(rest) = rest.strip_prefix('"') else {
                    continue;
                };
                let code = &rest[..rest.find('"').unwrap()];
                assert!(
                    known(code).is_some(),
                    "{}: the warning code `{code}` is not in lints::CODES",
                    path.display()
                );
                found += 1;
            }
        }
        assert!(found >= CODES.len(), "only {found} warnings found");
    }

    /// The README's table of codes lists every code.
    #[test]
    fn the_readme_lists_every_code() {
        let readme = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../README.md");
        let text = std::fs::read_to_string(readme).unwrap();
        for (code, _) in CODES {
            assert!(
                text.contains(&format!("| `{code}` | ")),
                "README.md's table of codes does not list `{code}`"
            );
        }
    }

    #[test]
    fn codes_are_unique_kebab_case() {
        for (i, (code, description)) in CODES.iter().enumerate() {
            assert!(
                code.chars().all(|c| c.is_ascii_lowercase() || c == '-'),
                "{code}"
            );
            assert!(!description.is_empty());
            assert!(!CODES[..i].iter().any(|(c, _)| c == code), "{code} twice");
        }
    }

    #[test]
    fn levels_allow_warn_deny() {
        let span = Span::new(FileId(0), 0..1);
        let diagnostics = vec![
            Diagnostic::warning("sdk-only-field", span.clone(), "a"),
            Diagnostic::warning("wire-names", span.clone(), "b"),
            Diagnostic::warning("relocated-link", span.clone(), "c").with_help("h"),
            Diagnostic::error(span, "d"),
        ];
        let mut levels = Levels::new();
        levels.insert("sdk-only-field", Level::Allow);
        levels.insert("wire-names", Level::Warn);
        levels.insert("relocated-link", Level::Deny);
        let mut out = diagnostics.clone();
        apply(&levels, &mut out);
        let kinds: Vec<_> = out
            .iter()
            .map(|d| (d.message.as_str(), d.severity))
            .collect();
        assert_eq!(
            kinds,
            [
                ("b", Severity::Warning),
                ("c", Severity::Error),
                ("d", Severity::Error)
            ]
        );
        assert_eq!(out[1].code, Some("relocated-link"));
        assert!(out[1].help.as_deref().unwrap().contains("is denied"));
        let mut unchanged = diagnostics.clone();
        apply(&Levels::new(), &mut unchanged);
        assert_eq!(unchanged, diagnostics);
    }
}
