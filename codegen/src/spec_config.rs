//! The spec folder's own settings, `modelgen.json` beside the pages: how page field names
//! become JSON wire names, where `null` is accepted, the folder's lint levels, and the
//! derives, attributes and replaced models that shape the generated code. The build script
//! and the command line both read this one file.

use std::collections::BTreeMap;
use std::path::Path;

use heck::{ToKebabCase, ToLowerCamelCase, ToShoutySnakeCase, ToSnakeCase, ToUpperCamelCase};
use serde_json::Value;

use crate::diagnostic::Diagnostic;
use crate::lints::{self, Level, Levels};
use crate::shaping::{Origin, Places, Request, RequestKind};
use crate::source::{FileId, SourceFile, SourceMap, Span};

/// The settings file's name, looked for at the top of the spec folder.
pub const FILE_NAME: &str = "modelgen.json";

/// How a page's field names turn into wire names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum WireNames {
    /// The Field column is the wire name.
    #[default]
    AsWritten,
    /// `client_id`.
    SnakeCase,
    /// `clientId`.
    CamelCase,
    /// `ClientId`.
    PascalCase,
    /// `client-id`.
    KebabCase,
    /// `CLIENT_ID`.
    ScreamingSnakeCase,
}

impl WireNames {
    /// Every convention with its name in `modelgen.json`.
    pub const ALL: [(WireNames, &'static str); 6] = [
        (WireNames::AsWritten, "as-written"),
        (WireNames::SnakeCase, "snake_case"),
        (WireNames::CamelCase, "camelCase"),
        (WireNames::PascalCase, "PascalCase"),
        (WireNames::KebabCase, "kebab-case"),
        (WireNames::ScreamingSnakeCase, "SCREAMING_SNAKE_CASE"),
    ];

    /// The name used in `modelgen.json`.
    pub fn name(self) -> &'static str {
        name_of(&WireNames::ALL, self)
    }

    /// The convention named `name` in `modelgen.json`.
    pub fn from_name(name: &str) -> Option<Self> {
        choice(&WireNames::ALL, name)
    }

    /// The wire name of a field called `name` on the page.
    pub fn apply(self, name: &str) -> String {
        match self {
            WireNames::AsWritten => name.to_owned(),
            WireNames::SnakeCase => name.to_snake_case(),
            WireNames::CamelCase => name.to_lower_camel_case(),
            WireNames::PascalCase => name.to_upper_camel_case(),
            WireNames::KebabCase => name.to_kebab_case(),
            WireNames::ScreamingSnakeCase => name.to_shouty_snake_case(),
        }
    }
}

/// Which fields accept `null`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Nulls {
    /// The fields the pages mark nullable (`Nullable[T]`, `JsonNullable<T>`, a Go pointer on
    /// a required field, a `null` in `## Example Usage` or in the Example cell).
    #[default]
    AsWritten,
    /// Also every other field, in a folder whose pages never write nullability (TypeScript,
    /// C#, PHP): there a field's type says nothing about `null`, and this accepts it.
    WhereUnsaid,
}

impl Nulls {
    /// Every choice with its name in `modelgen.json`.
    pub const ALL: [(Nulls, &'static str); 2] = [
        (Nulls::AsWritten, "as-written"),
        (Nulls::WhereUnsaid, "where-unsaid"),
    ];

    /// The name used in `modelgen.json`.
    pub fn name(self) -> &'static str {
        name_of(&Nulls::ALL, self)
    }

    /// The choice named `name` in `modelgen.json`.
    pub fn from_name(name: &str) -> Option<Self> {
        choice(&Nulls::ALL, name)
    }
}

/// The name of `value` in a list of choices with their names.
fn name_of<T: PartialEq>(all: &[(T, &'static str)], value: T) -> &'static str {
    all.iter()
        .find(|(c, _)| *c == value)
        .map_or("as-written", |(_, n)| n)
}

/// The choice named `name` in a list of choices with their names.
fn choice<T: Copy>(all: &[(T, &'static str)], name: &str) -> Option<T> {
    all.iter().find(|(_, n)| *n == name).map(|(c, _)| *c)
}

/// The names of a list of choices, each in backticks, the last after `or`: for messages.
pub fn choice_names<T>(all: &[(T, &'static str)]) -> String {
    let names: Vec<String> = all.iter().map(|(_, n)| format!("`{n}`")).collect();
    match names.split_last() {
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
        None => String::new(),
    }
}

/// The choice a `modelgen.json` setting names; an error at `span` naming `what` and listing the
/// choices when it names none.
fn read_choice<T: Copy>(
    all: &[(T, &'static str)],
    value: &Value,
    what: &str,
    span: Span,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<T> {
    let found = value.as_str().and_then(|name| choice(all, name));
    if found.is_none() {
        let names: Vec<&str> = all.iter().map(|(_, n)| *n).collect();
        diagnostics.push(
            Diagnostic::error(span, format!("unknown {what} {value}"))
                .with_help(format!("use one of: {}", names.join(", "))),
        );
    }
    found
}

/// A per-field wire name.
#[derive(Debug, Clone)]
pub struct WireNameOverride {
    /// `Model.field` as written in the file.
    pub key: String,
    /// The wire name.
    pub wire_name: String,
    /// Where the entry is in the file.
    pub span: Span,
}

/// The settings of one spec folder.
#[derive(Debug, Clone, Default)]
pub struct SpecConfig {
    /// The folder-wide convention.
    pub wire_names: WireNames,
    /// Per-field wire names, by `Model.field`.
    pub overrides: BTreeMap<String, WireNameOverride>,
    /// Whether a convention was chosen, by the file (so a caller's default does not apply) or
    /// by the caller.
    pub wire_names_set: bool,
    /// Which fields accept `null`.
    pub nulls: Nulls,
    /// Whether the file chose [`SpecConfig::nulls`] (so a caller's default does not apply).
    pub nulls_set: bool,
    /// Whether the generated Rust is formatted (`"formatted": false` skips it), when the file
    /// says.
    pub formatted: Option<bool>,
    /// The settings file, when there is one.
    pub file: Option<FileId>,
    /// Lint levels by warning code (`"lints": {"sdk-only-field": "allow"}`).
    pub lints: Levels,
    /// Derives, attributes, replaced models and native format types (`derive`, `deriveFor`,
    /// `typeAttributes`, `fieldAttributes`, `variantAttributes`, `replace`, `formats`),
    /// checked once the models are known.
    pub shaping: Vec<Request>,
}

/// Reads `modelgen.json` from the spec folder, if present. Problems become errors that
/// point into the file.
pub fn load(
    spec_dir: &Path,
    sources: &mut SourceMap,
    diagnostics: &mut Vec<Diagnostic>,
) -> SpecConfig {
    let path = spec_dir.join(FILE_NAME);
    let Ok(text) = std::fs::read_to_string(&path) else {
        return SpecConfig::default();
    };
    let id = sources.add(SourceFile::new(path, FILE_NAME.to_owned(), text));
    let file = sources.get(id);
    let mut config = SpecConfig {
        file: Some(id),
        ..SpecConfig::default()
    };
    let whole = Span::new(id, 0..file.text.len().min(1));
    let value: Value = match serde_json::from_str(&file.text) {
        Ok(value) => value,
        Err(error) => {
            let offset = offset_of(&file.text, error.line(), error.column());
            diagnostics.push(
                Diagnostic::error(
                    Span::new(id, offset..offset),
                    format!("`{FILE_NAME}` is not valid JSON: {error}"),
                )
                .with_help("the file is a JSON object such as `{\"wireNames\": \"snake_case\"}`"),
            );
            return config;
        }
    };
    let Value::Object(map) = value else {
        diagnostics.push(Diagnostic::error(
            whole,
            format!("`{FILE_NAME}` must hold a JSON object"),
        ));
        return config;
    };
    let key_span = |key: &str| {
        let needle = format!("\"{key}\"");
        let at = file.text.find(&needle).unwrap_or(0);
        Span::new(id, at..at + needle.len())
    };
    for (key, value) in &map {
        match key.as_str() {
            "wireNames" => {
                let what = "wire-name convention";
                if let Some(convention) =
                    read_choice(&WireNames::ALL, value, what, key_span(key), diagnostics)
                {
                    config.wire_names = convention;
                    config.wire_names_set = true;
                }
            }
            "wireNameOverrides" => {
                let Value::Object(entries) = value else {
                    diagnostics.push(
                        Diagnostic::error(key_span(key), "`wireNameOverrides` must be an object")
                            .with_help("map `Model.field` to its wire name: `{\"V3TokenRequest.clientId\": \"client_id\"}`"),
                    );
                    continue;
                };
                for (field, wire) in entries {
                    let span = key_span(field);
                    match wire.as_str() {
                        Some(wire) if field.contains('.') && !wire.is_empty() => {
                            config.overrides.insert(
                                field.clone(),
                                WireNameOverride {
                                    key: field.clone(),
                                    wire_name: wire.to_owned(),
                                    span,
                                },
                            );
                        }
                        _ => diagnostics.push(
                            Diagnostic::error(
                                span,
                                format!("bad wire-name override `{field}`: {wire}"),
                            )
                            .with_help("write `\"Model.field\": \"wire_name\"`"),
                        ),
                    }
                }
            }
            "nulls" => {
                if let Some(nulls) =
                    read_choice(&Nulls::ALL, value, "`nulls` choice", key_span(key), diagnostics)
                {
                    config.nulls = nulls;
                    config.nulls_set = true;
                }
            }
            "formatted" => match value {
                Value::Bool(formatted) => config.formatted = Some(*formatted),
                other => diagnostics.push(
                    Diagnostic::error(
                        key_span(key),
                        format!("`formatted` must be `true` or `false`, not {other}"),
                    )
                    .with_help("`\"formatted\": false` writes the Rust unformatted, which is faster for very large specs"),
                ),
            },
            "lints" => read_lints(file, id, value, &mut config.lints, diagnostics),
            "derive" | "deriveFor" | "typeAttributes" | "fieldAttributes"
            | "variantAttributes" | "replace" | "formats" => {
                read_shaping(file, id, key, value, &mut config.shaping, diagnostics)
            }
            other => diagnostics.push(
                Diagnostic::error(
                    key_span(other),
                    format!("unknown setting `{other}` in `{FILE_NAME}`"),
                )
                .with_help(
                    "the settings are `wireNames`, `wireNameOverrides`, `nulls`, `formatted`, `lints`, `derive`, `deriveFor`, `typeAttributes`, `fieldAttributes`, `variantAttributes`, `replace` and `formats`",
                ),
            ),
        }
    }
    config
}

/// Reads the `lints` object: warning code to level. An unknown code or level is an error at
/// the entry.
fn read_lints(
    file: &SourceFile,
    id: FileId,
    value: &Value,
    levels: &mut Levels,
    diagnostics: &mut Vec<Diagnostic>,
) {
    // Entries are found in the text after the `"lints"` key, so a code that is also the
    // name of a wire-name override points at the right place.
    let base = file.text.find("\"lints\"").unwrap_or(0);
    let find = |needle: &str, from: usize| {
        let at = file.text[from..].find(needle).map_or(base, |at| from + at);
        Span::new(id, at..at + needle.len())
    };
    let Value::Object(entries) = value else {
        diagnostics.push(
            Diagnostic::error(find("\"lints\"", base), "`lints` must be an object")
                .with_help("map a warning code to a level: `{\"sdk-only-field\": \"allow\"}`"),
        );
        return;
    };
    for (code, level) in entries {
        let key = find(&format!("\"{code}\""), base);
        let Some(known) = lints::known(code) else {
            diagnostics.push(
                Diagnostic::error(key, format!("unknown warning code `{code}` in `lints`"))
                    .with_help(format!("the codes are: {}", lints::code_list())),
            );
            continue;
        };
        match level.as_str().and_then(Level::from_name) {
            Some(level) => {
                levels.insert(known, level);
            }
            None => {
                let value_span = find(&level.to_string(), key.range.end);
                diagnostics.push(
                    Diagnostic::error(
                        value_span,
                        format!("unknown lint level {level} for `{code}`"),
                    )
                    .with_help("the levels are \"allow\", \"warn\" and \"deny\""),
                );
            }
        }
    }
}

/// Reads one of the settings that shape the generated code into requests. The fragments
/// and names are checked later, against the models; here only the JSON's shape is, and each
/// request remembers the place of its value in the file.
fn read_shaping(
    file: &SourceFile,
    id: FileId,
    key: &str,
    value: &Value,
    requests: &mut Vec<Request>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let quoted = |text: &str| Value::String(text.to_owned()).to_string();
    // The place of `needle` at or after `from`, else of the fallback.
    let find = |needle: &str, from: usize, fallback: Span| match file.text[from..].find(needle) {
        Some(at) => Span::new(id, from + at..from + at + needle.len()),
        None => fallback,
    };
    let whole = Span::new(id, 0..file.text.len().min(1));
    let key_span = find(&quoted(key), 0, whole);
    let help = match key {
        "derive" => "write a list of derives: `\"derive\": [\"Hash\", \"Eq\"]`",
        "deriveFor" => "map a model to its derives: `\"deriveFor\": {\"Pet\": [\"Hash\"]}`",
        "typeAttributes" => {
            "map a model to its attributes: `\"typeAttributes\": {\"Pet\": [\"#[non_exhaustive]\"]}`"
        }
        "fieldAttributes" => {
            "map a model to its fields' attributes: `\"fieldAttributes\": {\"Pet\": {\"name\": [\"#[doc(alias = \\\"title\\\")]\"]}}`"
        }
        "variantAttributes" => {
            "map a model to its variants' attributes: `\"variantAttributes\": {\"Status\": {\"available\": [\"#[doc(alias = \\\"in stock\\\")]\"]}}`"
        }
        "formats" => {
            "map a format to the crate whose type holds it: `\"formats\": {\"date-time\": \"jiff\", \"uuid\": \"uuid\"}`"
        }
        _ => "map a model to the Rust type that replaces it: `\"replace\": {\"Pet\": \"crate::pets::Pet\"}`",
    };
    let bad = |diagnostics: &mut Vec<Diagnostic>, span: Span| {
        diagnostics.push(
            Diagnostic::error(span, format!("`{key}` does not have the expected shape"))
                .with_help(help),
        );
    };
    // A string, or a list of strings, each with its place.
    let strings = |value: &Value, from: usize, fallback: &Span| -> Option<Vec<(String, Span)>> {
        let one = |item: &Value| {
            item.as_str()
                .map(|text| (text.to_owned(), find(&quoted(text), from, fallback.clone())))
        };
        match value {
            Value::String(_) => one(value).map(|item| vec![item]),
            Value::Array(items) => items.iter().map(one).collect(),
            _ => None,
        }
    };
    let base = key_span.range.end;
    if key == "derive" {
        match strings(value, base, &key_span) {
            Some(items) => requests.extend(items.into_iter().map(|(derive, span)| Request {
                origin: Origin::File(Places {
                    model: span.clone(),
                    member: span.clone(),
                    value: span,
                }),
                kind: RequestKind::Derive {
                    model: None,
                    derive,
                },
            })),
            None => bad(diagnostics, key_span),
        }
        return;
    }
    let Value::Object(models) = value else {
        bad(diagnostics, key_span);
        return;
    };
    for (model, entry) in models {
        let model_span = find(&quoted(model), base, key_span.clone());
        let from = model_span.range.end;
        let request = |member: &Span, value: Span, kind: RequestKind| Request {
            origin: Origin::File(Places {
                model: model_span.clone(),
                member: member.clone(),
                value,
            }),
            kind,
        };
        match key {
            "formats" => match entry.as_str() {
                Some(library) => requests.push(request(
                    &model_span,
                    find(&quoted(library), from, model_span.clone()),
                    RequestKind::NativeFormat {
                        format: model.clone(),
                        library: library.to_owned(),
                    },
                )),
                None => bad(diagnostics, model_span),
            },
            "replace" => match entry.as_str() {
                Some(with) => requests.push(request(
                    &model_span,
                    find(&quoted(with), from, model_span.clone()),
                    RequestKind::Replace {
                        model: model.clone(),
                        with: with.to_owned(),
                    },
                )),
                None => bad(diagnostics, model_span),
            },
            "deriveFor" | "typeAttributes" => match strings(entry, from, &model_span) {
                Some(items) => requests.extend(items.into_iter().map(|(text, span)| {
                    let kind = if key == "deriveFor" {
                        RequestKind::Derive {
                            model: Some(model.clone()),
                            derive: text,
                        }
                    } else {
                        RequestKind::TypeAttribute {
                            model: model.clone(),
                            attribute: text,
                        }
                    };
                    request(&model_span, span, kind)
                })),
                None => bad(diagnostics, model_span),
            },
            _ => {
                let Value::Object(members) = entry else {
                    bad(diagnostics, model_span);
                    continue;
                };
                for (member, attributes) in members {
                    let member_span = find(&quoted(member), from, model_span.clone());
                    let Some(items) = strings(attributes, member_span.range.end, &member_span)
                    else {
                        bad(diagnostics, member_span);
                        continue;
                    };
                    requests.extend(items.into_iter().map(|(attribute, span)| {
                        let kind = if key == "fieldAttributes" {
                            RequestKind::FieldAttribute {
                                model: model.clone(),
                                field: member.clone(),
                                attribute,
                            }
                        } else {
                            RequestKind::VariantAttribute {
                                model: model.clone(),
                                variant: member.clone(),
                                attribute,
                            }
                        };
                        request(&member_span, span, kind)
                    }));
                }
            }
        }
    }
}

/// The byte offset of a 1-based line and column (as serde_json reports them).
fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let line_start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    (line_start + column.saturating_sub(1)).min(text.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conventions_convert_sdk_names() {
        assert_eq!(WireNames::SnakeCase.apply("clientId"), "client_id");
        assert_eq!(WireNames::SnakeCase.apply("ExternalID"), "external_id");
        assert_eq!(WireNames::CamelCase.apply("client_id"), "clientId");
        assert_eq!(WireNames::KebabCase.apply("clientId"), "client-id");
        assert_eq!(WireNames::AsWritten.apply("clientId"), "clientId");
    }

    #[test]
    fn reads_settings_and_reports_unknown_ones() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join(FILE_NAME),
            "{\n  \"wireNames\": \"snake_case\",\n  \"wireNameOverrides\": {\"A.b\": \"B\"},\n  \"nulls\": \"where-unsaid\",\n  \"colour\": 1\n}\n",
        )
        .unwrap();
        let mut sources = SourceMap::default();
        let mut diagnostics = Vec::new();
        let config = load(dir.path(), &mut sources, &mut diagnostics);
        assert_eq!(config.wire_names, WireNames::SnakeCase);
        assert_eq!(config.overrides["A.b"].wire_name, "B");
        assert_eq!((config.nulls, config.nulls_set), (Nulls::WhereUnsaid, true));
        assert_eq!(diagnostics.len(), 1);
        assert!(diagnostics[0].message.contains("unknown setting `colour`"));
        let (_, line, column) = diagnostics[0].location(&sources).unwrap();
        assert_eq!((line, column), (5, 3));
    }

    #[test]
    fn an_unknown_nulls_choice_is_an_error_naming_the_choices() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(FILE_NAME), "{\"nulls\": \"always\"}").unwrap();
        let mut sources = SourceMap::default();
        let mut diagnostics = Vec::new();
        let config = load(dir.path(), &mut sources, &mut diagnostics);
        assert_eq!((config.nulls, config.nulls_set), (Nulls::AsWritten, false));
        assert_eq!(diagnostics.len(), 1);
        assert!(diagnostics[0]
            .message
            .contains("unknown `nulls` choice \"always\""));
        assert!(diagnostics[0]
            .help
            .as_deref()
            .is_some_and(|h| h.contains("as-written, where-unsaid")));
    }

    #[test]
    fn reads_lint_levels_and_reports_unknown_codes_and_levels() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join(FILE_NAME),
            "{\n  \"lints\": {\n    \"sdk-only-field\": \"allow\",\n    \"wire-names\": \"deny\",\n    \"no-such-code\": \"warn\",\n    \"relocated-link\": \"loud\"\n  }\n}\n",
        )
        .unwrap();
        let mut sources = SourceMap::default();
        let mut diagnostics = Vec::new();
        let config = load(dir.path(), &mut sources, &mut diagnostics);
        assert_eq!(config.lints.get("sdk-only-field"), Some(&Level::Allow));
        assert_eq!(config.lints.get("wire-names"), Some(&Level::Deny));
        assert_eq!(config.lints.len(), 2);
        assert_eq!(diagnostics.len(), 2, "{diagnostics:?}");
        let found: Vec<_> = diagnostics
            .iter()
            .map(|d| {
                let (_, line, column) = d.location(&sources).unwrap();
                (d.message.as_str(), line, column)
            })
            .collect();
        assert_eq!(
            found,
            [
                ("unknown warning code `no-such-code` in `lints`", 5, 5),
                ("unknown lint level \"loud\" for `relocated-link`", 6, 23),
            ]
        );
        assert!(diagnostics[0]
            .help
            .as_deref()
            .unwrap()
            .contains("sdk-only-field"));
    }
}
