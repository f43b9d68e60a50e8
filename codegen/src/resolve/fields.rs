//! The last pass over fields, once every model exists: wire names from the folder's
//! convention and overrides, the Constraints column, and the Example column checked against
//! the field's type and constraints.

use std::collections::BTreeSet;

use rustc_hash::FxHashMap;
use serde_json::Value;

use super::constraints::parse_constraints;
use super::Resolver;
use crate::diagnostic::Diagnostic;
use crate::examples::{check_shape, convention_hint, ShapeSet};
use crate::ir::{EnumRepr, Model, ModelId, ModelKind, Type};
use crate::read::Cell;
use crate::source::Span;
use crate::spec_config::{WireNames, FILE_NAME};

/// A field's cells that are read after all models are resolved.
pub(super) struct PendingField<'p> {
    pub(super) model: ModelId,
    pub(super) field: usize,
    pub(super) name_span: Span,
    pub(super) example: Option<&'p Cell>,
    pub(super) constraints: Option<&'p Cell>,
}

impl Resolver<'_> {
    /// Wire names, then constraints, then examples (which are checked against both).
    pub(super) fn finish_fields(&mut self) {
        let pending = std::mem::take(&mut self.pending);
        self.assign_wire_names(&pending);
        for field in &pending {
            if let Some(cell) = field.constraints {
                self.read_constraints(field, cell);
            }
        }
        let examples: Vec<(&PendingField, &Cell, Value)> = pending
            .iter()
            .filter_map(|field| {
                let cell = field.example?;
                Some((field, cell, self.read_example(field, cell)?))
            })
            .collect();
        // A `null` example is the page showing that the field takes `null`, which most
        // dialects cannot write in the Type cell; it is taken before any example is checked,
        // so that examples that hold the field see it.
        for (entry, _, value) in &examples {
            if value.is_null() {
                if let ModelKind::Object(object) = &mut self.models[entry.model.0].kind {
                    let field = &mut object.fields[entry.field];
                    field.nullable = true;
                    field.example = Some(Value::Null);
                }
            }
        }
        let mut evidence = WireNameEvidence::default();
        if examples.iter().any(|(_, _, value)| !value.is_null()) {
            let shapes = ShapeSet::new(&self.models, &self.patterns);
            for (entry, cell, value) in examples {
                if !value.is_null() {
                    self.check_example(&shapes, entry, cell, value, &mut evidence);
                }
            }
        }
        if !self.config.wire_names_set {
            self.report_sdk_field_names(&pending, evidence);
        }
    }

    /// Says once per folder when the Fields tables' names cannot be the wire names: Example
    /// cells that use another convention's keys, or PascalCase names (Go, C#), which JSON
    /// APIs seldom use. The warning names the convention the examples suggest.
    fn report_sdk_field_names(&mut self, pending: &[PendingField], evidence: WireNameEvidence) {
        let mut pascal = 0usize;
        let mut first_pascal = None;
        for entry in pending {
            let ModelKind::Object(object) = &self.models[entry.model.0].kind else {
                continue;
            };
            let name = &object.fields[entry.field].name;
            if name.starts_with(|c: char| c.is_ascii_uppercase())
                && name.chars().any(|c| c.is_ascii_lowercase())
            {
                pascal += 1;
                first_pascal.get_or_insert_with(|| (entry.name_span.clone(), name.clone()));
            }
        }
        let mostly_pascal = pascal * 2 > pending.len();
        let suggested = evidence
            .counts
            .iter()
            .max_by_key(|(convention, count)| (**count, std::cmp::Reverse(convention.name())))
            .map(|(convention, count)| (*convention, *count));
        let (span, message) = match (&evidence.first, mostly_pascal.then_some(first_pascal).flatten()) {
            (Some((span, key, field)), _) => (
                span.clone(),
                format!("the Fields tables name properties as the SDK does, not as the JSON does: an Example cell writes `{key}` for the field `{field}`"),
            ),
            (None, Some((span, name))) => (
                span,
                format!("the Fields tables name properties in PascalCase (`{name}`), as Go and C# SDKs do; JSON properties seldom are"),
            ),
            (None, None) => return,
        };
        let help = match suggested {
            Some((convention, count)) => format!(
                "{count} Example cell(s) use the {} convention; set `\"wireNames\": \"{}\"` in `{FILE_NAME}` (or `Config::wire_names`) if that is the wire format",
                convention.name(),
                convention.name()
            ),
            None if evidence.first.is_some() => format!(
                "the Example cells' keys are single words, which fit `\"snake_case\"` and `\"camelCase\"` alike; set `wireNames` in `{FILE_NAME}` (or `Config::wire_names`) to the API's convention"
            ),
            None => format!(
                "set `wireNames` in `{FILE_NAME}` (or `Config::wire_names`) to the API's convention, such as `\"snake_case\"` or `\"camelCase\"`; as written, the names are taken as the wire names"
            ),
        };
        self.diagnostics
            .push(Diagnostic::warning("wire-names", span, message).with_help(help));
    }

    fn assign_wire_names(&mut self, pending: &[PendingField]) {
        let mut used = BTreeSet::new();
        let mut seen: FxHashMap<(ModelId, String), Span> = FxHashMap::default();
        for entry in pending {
            let model = &self.models[entry.model.0];
            let ModelKind::Object(object) = &model.kind else {
                continue;
            };
            let field = &object.fields[entry.field];
            let overridden = if self.config.overrides.is_empty() {
                None
            } else {
                let key = format!("{}.{}", model.name, field.name);
                self.config
                    .overrides
                    .get(&key)
                    .map(|found| (key, found.wire_name.clone()))
            };
            let wire = match overridden {
                Some((key, wire)) => {
                    used.insert(key);
                    wire
                }
                None => self.config.wire_names.apply(&field.name),
            };
            if let Some(first) = seen.get(&(entry.model, wire.clone())) {
                let (line, _) = self.sources.get(first.file).line_column(first.range.start);
                self.diagnostics.push(
                    Diagnostic::error(entry.name_span.clone(), format!("two fields have the wire name `{wire}`"))
                        .with_help(format!(
                            "the field on line {line} has it too; give one of them its own name in `{FILE_NAME}` under `wireNameOverrides`"
                        )),
                );
                continue;
            }
            seen.insert((entry.model, wire.clone()), entry.name_span.clone());
            if let ModelKind::Object(object) = &mut self.models[entry.model.0].kind {
                object.fields[entry.field].wire_name = wire;
            }
        }
        for (key, unused) in &self.config.overrides {
            if !used.contains(key) {
                self.diagnostics.push(
                    Diagnostic::error(unused.span.clone(), format!("`{}` names no field of any model", unused.key))
                        .with_help("write the model's title and the field as on the page: `V3TokenRequest.clientId`"),
                );
            }
        }
    }

    fn read_constraints(&mut self, entry: &PendingField, cell: &Cell) {
        let ModelKind::Object(object) = &self.models[entry.model.0].kind else {
            return;
        };
        let field = &object.fields[entry.field];
        let (required, ty) = (field.required, field.ty.clone());
        match parse_constraints(cell, &ty, &self.models, &self.patterns) {
            Ok((constraints, refined)) => {
                if required && constraints.default.is_some() {
                    self.diagnostics.push(
                        Diagnostic::error(cell.span.clone(), "a required field cannot have a `default`")
                            .with_help("a default fills in a missing field; mark the field optional (`:heavy_minus_sign:`) or remove the default"),
                    );
                    return;
                }
                if let ModelKind::Object(object) = &mut self.models[entry.model.0].kind {
                    let field = &mut object.fields[entry.field];
                    field.constraints = constraints;
                    if let Some(refined) = refined {
                        field.ty = refined;
                    }
                }
            }
            Err(diagnostic) => self.diagnostics.push(*diagnostic),
        }
    }

    /// The value of an Example cell: JSON, or else the text; `None` when the cell is empty.
    fn read_example(&self, entry: &PendingField, cell: &Cell) -> Option<Value> {
        let raw = cell.value.trim();
        if raw.is_empty() {
            return None;
        }
        let ModelKind::Object(object) = &self.models[entry.model.0].kind else {
            return None;
        };
        let field = &object.fields[entry.field];
        let unescaped;
        let raw = if raw.contains('\\') {
            unescaped = raw.replace("\\|", "|");
            unescaped.as_str()
        } else {
            raw
        };
        let text = if raw.contains('<') {
            raw.replace("<br/>", "\n").replace("<br />", "\n")
        } else {
            raw.to_owned()
        };
        Some(match serde_json::from_str::<Value>(&text) {
            Ok(Value::Number(_) | Value::Bool(_)) if accepts_text(&field.ty, &self.models) => {
                Value::String(raw.to_owned())
            }
            Ok(value) => value,
            Err(_) => Value::String(text),
        })
    }

    /// Checks an example against its field's shape, the one the generated type checks JSON
    /// with, run by the runtime's interpreter; keeps it, or warns about it.
    fn check_example(
        &mut self,
        shapes: &ShapeSet,
        entry: &PendingField,
        cell: &Cell,
        value: Value,
        evidence: &mut WireNameEvidence,
    ) {
        let verdict = match shapes.field(entry.model, entry.field) {
            Some(shape) => check_shape(shape, &value),
            None => Ok(()),
        };
        let why = match verdict {
            Ok(()) => {
                if let ModelKind::Object(object) = &mut self.models[entry.model.0].kind {
                    object.fields[entry.field].example = Some(value);
                }
                return;
            }
            Err(why) => why,
        };
        let ModelKind::Object(object) = &self.models[entry.model.0].kind else {
            return;
        };
        let field = &object.fields[entry.field];
        let hint = convention_hint(&value, &field.ty, &self.models);
        let mut diagnostic = Diagnostic::warning(
            "example-mismatch",
            cell.span.clone(),
            format!("the example does not fit the field: {why}"),
        );
        if let Some((key, field_name, convention)) = &hint {
            // A one-word key (`url` for `URL`) fits several conventions alike.
            let telling =
                WireNames::SnakeCase.apply(field_name) != WireNames::CamelCase.apply(field_name);
            if telling {
                *evidence.counts.entry(*convention).or_default() += 1;
            }
            evidence
                .first
                .get_or_insert_with(|| (cell.span.clone(), key.clone(), field_name.clone()));
        }
        diagnostic = match hint {
            Some((key, field_name, convention)) => diagnostic.with_help(format!(
                "the example writes `{key}` for the field `{field_name}`, as the {} convention would; set `\"wireNames\": \"{}\"` in `{FILE_NAME}` if that is the wire format",
                convention.name(),
                convention.name()
            )),
            None => diagnostic.with_help("the example is left out of the schema and of `example()`; correct the Example cell to use it"),
        };
        self.diagnostics.push(diagnostic);
    }
}

/// What the Example cells say about the folder's wire-name convention.
#[derive(Default)]
struct WireNameEvidence {
    /// How many Example cells use each convention's keys.
    counts: FxHashMap<WireNames, usize>,
    /// The first such cell, with the key it writes and the field it means.
    first: Option<(Span, String, String)>,
}

/// Whether a string example fits this type (so `3600` in a string field stays text).
fn accepts_text(ty: &Type, models: &[Model]) -> bool {
    match ty {
        Type::String | Type::DateTime | Type::Date => true,
        Type::Nullable(inner) => accepts_text(inner, models),
        Type::Model(id) => {
            matches!(&models[id.0].kind, ModelKind::Enum(e) if e.repr == EnumRepr::String)
        }
        _ => false,
    }
}
