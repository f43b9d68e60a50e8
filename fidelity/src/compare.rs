//! Comparing generated models with OpenAPI components, property by property, and sorting
//! each difference into a fact the page format cannot carry or a misread.

use modelgen::ir::{EnumRepr, ModelKind, ModelSet, Type};
use serde_json::Value;

use crate::openapi::Components;

/// Where the pages of one folder show that a property may be `null`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Nullability {
    /// Nowhere: TypeScript and C# pages never show it.
    Never,
    /// On required properties only: Ruby pages wrap optional properties in `Nilable`
    /// whether or not the API sends `null`.
    RequiredOnly,
    /// On every property.
    Always,
}

/// What the pages of one folder can show.
#[derive(Debug, Clone, Copy)]
pub struct Dialect {
    /// Where a page's type cell says that a property may be `null`.
    pub nullability: Nullability,
}

/// One property fact the generator got wrong.
#[derive(Debug, Clone, PartialEq)]
pub struct Misread {
    /// The model (component) name.
    pub model: String,
    /// The property's wire name.
    pub property: String,
    /// Which fact: `presence`, `type`, `enum`, `required` or `nullable`.
    pub fact: &'static str,
    /// What the truth says and what was generated.
    pub detail: String,
}

impl Misread {
    /// Which fact of which property: `Model.property [fact]`.
    pub fn which(&self) -> String {
        format!("{}.{} [{}]", self.model, self.property, self.fact)
    }
}

impl std::fmt::Display for Misread {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.which(), self.detail)
    }
}

/// The comparison of one folder.
#[derive(Debug, Default)]
pub struct Fidelity {
    /// Components matched with a generated object model.
    pub models_matched: usize,
    /// Components with properties that no generated model matched by name.
    pub components_unmatched: Vec<String>,
    /// Facts the pages can carry that were compared.
    pub carried: usize,
    /// Of those, the facts the generated models got right.
    pub recovered: usize,
    /// Facts the page format cannot carry, by kind.
    pub not_carried: std::collections::BTreeMap<&'static str, usize>,
    /// Every misread.
    pub misreads: Vec<Misread>,
}

impl Fidelity {
    /// The share of page-carried facts recovered, in percent.
    pub fn share(&self) -> f64 {
        if self.carried == 0 {
            100.0
        } else {
            self.recovered as f64 * 100.0 / self.carried as f64
        }
    }

    /// Facts the pages cannot carry, all kinds together.
    pub fn not_carried_total(&self) -> usize {
        self.not_carried.values().sum()
    }

    fn check(&mut self, right: bool, misread: impl FnOnce() -> Misread) {
        self.carried += 1;
        if right {
            self.recovered += 1;
        } else {
            self.misreads.push(misread());
        }
    }

    fn not_carried(&mut self, kind: &'static str) {
        *self.not_carried.entry(kind).or_default() += 1;
    }
}

/// Lower case without separators: how a component name and a page name are matched.
fn key(name: &str) -> String {
    name.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// The JSON kind of a generated type, spelled as [`crate::openapi::PropertyFacts::kind`].
fn kind(models: &ModelSet, ty: &Type) -> String {
    match ty {
        Type::String | Type::DateTime | Type::Date => "string".to_owned(),
        Type::Integer => "integer".to_owned(),
        Type::Number => "number".to_owned(),
        Type::Boolean => "boolean".to_owned(),
        Type::Any => "any".to_owned(),
        Type::Array(inner) => format!("array of {}", kind(models, inner)),
        Type::Map(_) => "object".to_owned(),
        Type::Nullable(inner) => kind(models, inner),
        Type::Model(id) => match &models.models[id.0].kind {
            ModelKind::Object(_) => "object".to_owned(),
            ModelKind::Union(_) => "union".to_owned(),
            ModelKind::Any => "any".to_owned(),
            ModelKind::Enum(e) => match e.repr {
                EnumRepr::String => "string".to_owned(),
                EnumRepr::Integer => "integer".to_owned(),
                _ => e
                    .values
                    .first()
                    .map(|v| json_kind(&v.value))
                    .unwrap_or_else(|| "any".to_owned()),
            },
        },
    }
}

fn json_kind(value: &Value) -> String {
    match value {
        Value::String(_) => "string",
        Value::Bool(_) => "boolean",
        Value::Number(n) if n.is_i64() || n.is_u64() => "integer",
        Value::Number(_) => "number",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
        Value::Null => "null",
    }
    .to_owned()
}

/// Whether two kinds agree: equal, or an integer where the truth says number.
fn kinds_agree(truth: &str, generated: &str) -> bool {
    truth == generated
        || (truth == "number" && generated == "integer")
        || truth.replace("number", "integer") == generated
}

/// The enum values of a generated type, when it is an enum model.
fn enum_values(models: &ModelSet, ty: &Type) -> Option<Vec<Value>> {
    match ty {
        Type::Nullable(inner) => enum_values(models, inner),
        Type::Model(id) => match &models.models[id.0].kind {
            ModelKind::Enum(e) => Some(e.values.iter().map(|v| v.value.clone()).collect()),
            _ => None,
        },
        _ => None,
    }
}

/// Whether `ty` is (a list of) a model whose page names the type but lists none of its
/// shapes (a title-only union page), which accepts any JSON value.
fn lists_no_shapes(models: &ModelSet, ty: &Type) -> bool {
    match ty {
        Type::Array(inner) | Type::Nullable(inner) => lists_no_shapes(models, inner),
        Type::Model(id) => matches!(models.models[id.0].kind, ModelKind::Any),
        _ => false,
    }
}

fn nullable_type(ty: &Type) -> bool {
    matches!(ty, Type::Nullable(_))
}

/// Whether a model's page is in a folder of this name.
fn in_folder(model: &modelgen::ir::Model, folder: &str) -> bool {
    model.module.iter().any(|part| part == folder)
}

/// Compares every generated object model whose name matches a component with that
/// component, property by property.
pub fn compare(models: &ModelSet, truth: &Value, dialect: Dialect) -> Fidelity {
    let components = Components::new(truth);
    let mut fidelity = Fidelity::default();
    let has_components = models.models.iter().any(|m| in_folder(m, "components"));
    for (name, schema) in components.named() {
        if !components.is_object(schema) {
            continue;
        }
        let candidates = models.models.iter().filter(|m| {
            !m.synthesized && key(&m.name) == key(&name) && matches!(m.kind, ModelKind::Object(_))
        });
        // A component's page is in `components/` (or `errors/`) when the folder has one; an
        // operation's request or response page may share its name.
        let model = candidates.clone().find(|m| in_folder(m, "components"));
        let model = model.or_else(|| {
            candidates
                .clone()
                .find(|m| !has_components || !in_folder(m, "operations"))
        });
        let Some(model) = model else {
            fidelity.components_unmatched.push(name);
            continue;
        };
        let ModelKind::Object(object) = &model.kind else {
            continue;
        };
        fidelity.models_matched += 1;
        let (properties, required) = components.object(schema);
        for (property, property_schema) in &properties {
            let facts = components.facts(property_schema);
            let field = object
                .fields
                .iter()
                .find(|f| &f.wire_name == property)
                .or_else(|| {
                    let renamed = object.fields.iter().find(|f| {
                        key(&f.wire_name) == key(property)
                            && !properties.iter().any(|(p, _)| p == &f.wire_name)
                    });
                    if renamed.is_some() {
                        fidelity.not_carried("wire name renamed by the SDK");
                    }
                    renamed
                });
            let misread = |fact: &'static str, detail: String| Misread {
                model: name.clone(),
                property: property.clone(),
                fact,
                detail,
            };
            fidelity.check(field.is_some(), || {
                misread(
                    "presence",
                    "no generated field has this wire name".to_owned(),
                )
            });
            let Some(field) = field else { continue };
            let generated_kind = kind(models, &field.ty);
            let kinds_match = kinds_agree(&facts.kind, &generated_kind);
            if !kinds_match && lists_no_shapes(models, &field.ty) {
                fidelity.not_carried("a type whose page lists none of its shapes");
            } else {
                fidelity.check(kinds_match, || {
                    misread(
                        "type",
                        format!("truth {}, generated {generated_kind}", facts.kind),
                    )
                });
            }
            if let Some(values) = &facts.enum_values {
                let generated = enum_values(models, &field.ty);
                let same = generated.as_ref().is_some_and(|g| {
                    g.len() == values.len() && values.iter().all(|v| g.contains(v))
                });
                fidelity.check(same, || {
                    misread(
                        "enum",
                        format!(
                            "truth {}, generated {}",
                            Value::from(values.clone()),
                            generated.map_or("no enum".to_owned(), |g| Value::from(g).to_string())
                        ),
                    )
                });
            }
            let truly_required = required.iter().any(|r| r == property);
            if truly_required && facts.has_default && !field.required {
                fidelity.not_carried("required with a default, shown optional");
            } else {
                fidelity.check(truly_required == field.required, || {
                    misread(
                        "required",
                        format!(
                            "truth required {truly_required}, generated {}",
                            field.required
                        ),
                    )
                });
            }
            let generated_nullable = field.nullable || nullable_type(&field.ty);
            let shown = match dialect.nullability {
                Nullability::Never => false,
                Nullability::RequiredOnly => field.required,
                Nullability::Always => true,
            };
            if !shown && facts.nullable != generated_nullable {
                fidelity.not_carried("nullability, not shown by the dialect");
            } else {
                fidelity.check(facts.nullable == generated_nullable, || {
                    misread(
                        "nullable",
                        format!(
                            "truth nullable {}, generated {generated_nullable}",
                            facts.nullable
                        ),
                    )
                });
            }
            for constraint in &facts.constraints {
                let recovered = match constraint.as_str() {
                    "format" => {
                        field.constraints.format.is_some()
                            || matches!(field.ty, Type::DateTime | Type::Date)
                    }
                    "pattern" => field.constraints.pattern.is_some(),
                    "minLength" => field.constraints.min_length.is_some(),
                    "maxLength" => field.constraints.max_length.is_some(),
                    "minimum" => field.constraints.minimum.is_some(),
                    "maximum" => field.constraints.maximum.is_some(),
                    "minItems" => field.constraints.min_items.is_some(),
                    "maxItems" => field.constraints.max_items.is_some(),
                    _ => false,
                };
                if !recovered {
                    fidelity.not_carried("formats and constraints");
                }
            }
        }
        for field in &object.fields {
            let known = properties
                .iter()
                .any(|(p, _)| p == &field.wire_name || key(p) == key(&field.wire_name));
            fidelity.check(known, || Misread {
                model: name.clone(),
                property: field.wire_name.clone(),
                fact: "presence",
                detail: "generated, but the truth has no such property".to_owned(),
            });
        }
    }
    fidelity
}
