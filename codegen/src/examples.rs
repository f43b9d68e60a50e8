//! Example values: whether a JSON value fits a type the way the generated Rust reads it, and
//! each object's whole example built from its fields' Example cells.
//!
//! There is one validator: the runtime's shape interpreter ([`modelgen_runtime::shape`]), which
//! the generated types run on JSON. Example cells, `const` and `default` values are checked by
//! it too, over shapes built here from the models as read ([`ShapeSet`], [`type_shape`]) the
//! way `emit::validate` writes them as `static`s.

use std::cell::RefCell;

use rustc_hash::FxHashMap;
use serde_json::{Map, Value};

use modelgen_runtime::shape::{
    self, ArrayRules, Constant, FieldShape, Kind, LazyPattern, Limit, LinkedModel, ModelShape,
    NumberRules, Shape, StringRules,
};
use modelgen_runtime::{Location, Pattern};

use crate::ir::{Constraints, EnumRepr, Format, Model, ModelId, ModelKind, ModelSet, Type};
use crate::spec_config::WireNames;

/// Checks that `value` deserializes into `ty`, with the runtime's interpreter
/// ([`shape::check`]) over the shapes of `ty` and of the models it reaches, built for the call
/// (see [`ShapeSet`] for the memory they keep); the error says where and why not.
pub fn conforms(value: &Value, ty: &Type, models: &[Model]) -> Result<(), String> {
    check_shape(&type_shape(ty, None, models, &Patterns::default()), value)
}

/// `pattern` constraints checked once each by the runtime ([`Pattern::checked`]), for the many
/// Constraints cells that use the same patterns. The shapes that check values compile their
/// own ([`LazyPattern`], one per pattern in each [`ShapeSet`], compiled on first match).
#[derive(Default)]
pub struct Patterns {
    compiled: RefCell<FxHashMap<String, Result<Pattern, String>>>,
}

impl Patterns {
    /// The pattern of `source`, compiled once, or what is wrong with it.
    fn with<T>(&self, source: &str, then: impl FnOnce(&Result<Pattern, String>) -> T) -> T {
        let mut compiled = self.compiled.borrow_mut();
        let compiled = compiled
            .entry(source.to_owned())
            .or_insert_with(|| Pattern::checked(source));
        then(compiled)
    }

    /// What is wrong with `pattern`, if anything ([`Pattern::checked`]).
    pub fn check_syntax(&self, pattern: &str) -> Result<(), String> {
        self.with(pattern, |compiled| {
            compiled.as_ref().map(|_| ()).map_err(Clone::clone)
        })
    }
}

/// When an object in an example lacks a field's wire name but has the field under another
/// naming convention, returns (the key it used, the field's page name, the convention).
pub fn convention_hint(
    value: &Value,
    ty: &Type,
    models: &[Model],
) -> Option<(String, String, WireNames)> {
    match (value, ty) {
        (_, Type::Nullable(inner)) => convention_hint(value, inner, models),
        (Value::Array(items), Type::Array(inner)) => {
            items.iter().find_map(|v| convention_hint(v, inner, models))
        }
        (Value::Object(entries), Type::Map(inner)) => entries
            .values()
            .find_map(|v| convention_hint(v, inner, models)),
        (Value::Object(entries), Type::Model(id)) => {
            let ModelKind::Object(object) = &models[id.0].kind else {
                return None;
            };
            for field in &object.fields {
                if entries.contains_key(&field.wire_name) {
                    continue;
                }
                for (convention, _) in WireNames::ALL {
                    let key = convention.apply(&field.name);
                    if key != field.wire_name && entries.contains_key(&key) {
                        return Some((key, field.name.clone(), convention));
                    }
                }
            }
            object.fields.iter().find_map(|field| {
                entries
                    .get(&field.wire_name)
                    .and_then(|v| convention_hint(v, &field.ty, models))
            })
        }
        _ => None,
    }
}

/// Escapes a key for a JSON Pointer (`~` as `~0`, `/` as `~1`).
pub fn pointer_escape(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}

/// Gives each object an example when every required field has one: the fields' examples
/// under their wire names, in page order.
pub fn attach_model_examples(models: &mut ModelSet) {
    for model in &mut models.models {
        let ModelKind::Object(object) = &mut model.kind else {
            continue;
        };
        let complete = object
            .fields
            .iter()
            .all(|f| !f.required || f.example.is_some());
        let any = object.fields.iter().any(|f| f.example.is_some());
        if !(complete && any) {
            continue;
        }
        let mut example = Map::new();
        for field in &object.fields {
            if let Some(value) = &field.example {
                example.insert(field.wire_name.clone(), value.clone());
            }
        }
        object.example = Some(Value::Object(example));
    }
}

// ----- the runtime's shapes of a model set -----

/// The runtime's shapes ([`modelgen_runtime::shape`]) of every model of a set, built from the
/// models as read, so that examples are checked by the interpreter the generated types run
/// ([`shape::check`]), with the same keywords, order and messages.
///
/// Generated code writes shapes as `static`s and refers to other models through
/// `<Type as Model>::shape`, a `fn` pointer that cannot be made for models read at run time.
/// These shapes refer to models through [`shape::Kind::Linked`] instead: one
/// [`LinkedModel`] per model, set once all the shapes are built, which ties cycles. The
/// runtime's shapes hold `&'static` data, so the shapes, names, patterns and constants are
/// leaked (`Box::leak`): memory that lives as long as the process, bounded by the size of the
/// model set, taken once per set built (once per generation, when the Example cells are
/// checked), plus the few shapes each `const` or `default` value is checked against
/// ([`type_shape`]). Giving every shape type a lifetime parameter instead would change the types
/// that generated code names (`fn shape() -> &'static ModelShape` would need one), for a check
/// that runs once per generation; and making the interpreter generic over where shapes come
/// from would put a type parameter on its hot path, which generated code runs.
pub struct ShapeSet {
    links: Vec<&'static LinkedModel>,
}

impl ShapeSet {
    /// Builds the shapes of `models`; patterns that `patterns` finds bad (which the
    /// Constraints column reports) are left out, since the runtime would not compile them.
    pub fn new(models: &[Model], patterns: &Patterns) -> Self {
        let mut builder = ShapeBuilder::new(models, patterns);
        let links = (0..models.len())
            .map(|id| builder.link(ModelId(id)))
            .collect();
        builder.finish();
        ShapeSet { links }
    }

    /// The shape of a model's field, as generated code writes it in the model's shape.
    pub fn field(&self, model: ModelId, field: usize) -> Option<&'static Shape> {
        match self.links.get(model.0)?.get()? {
            ModelShape::Object(fields) => fields.get(field).map(|field| &field.shape),
            _ => None,
        }
    }
}

/// The runtime's shape of a value of `ty` under `constraints`, with the shapes of the models
/// it reaches (and only those), leaked as [`ShapeSet`]'s are: for one value, such as a `const`,
/// where building the whole set would keep more.
pub fn type_shape(
    ty: &Type,
    constraints: Option<&Constraints>,
    models: &[Model],
    patterns: &Patterns,
) -> Shape {
    let mut builder = ShapeBuilder::new(models, patterns);
    let shape = builder.shape(ty, constraints);
    builder.finish();
    shape
}

/// Checks `value` against `shape` with the runtime's interpreter; the error lists every broken
/// keyword, each with the JSON Pointer of the value that breaks it.
pub fn check_shape(shape: &Shape, value: &Value) -> Result<(), String> {
    let mut errors = Vec::new();
    shape::check(shape, value, &Location::Root, &mut errors);
    if errors.is_empty() {
        return Ok(());
    }
    let described: Vec<String> = errors
        .iter()
        .map(|error| {
            if error.path.is_empty() {
                error.message.clone()
            } else {
                format!("`{}`: {}", error.path, error.message)
            }
        })
        .collect();
    Err(described.join("; "))
}

/// Builds shapes as `emit::validate` writes them, leaking what they refer to. A model
/// gets its link when first referred to, and its shape in [`ShapeBuilder::finish`].
struct ShapeBuilder<'a> {
    models: &'a [Model],
    patterns: &'a Patterns,
    links: Vec<Option<&'static LinkedModel>>,
    unbuilt: Vec<ModelId>,
    compiled: FxHashMap<String, &'static LazyPattern>,
}

fn leak_str(text: &str) -> &'static str {
    Box::leak(text.to_owned().into_boxed_str())
}

impl<'a> ShapeBuilder<'a> {
    fn new(models: &'a [Model], patterns: &'a Patterns) -> Self {
        ShapeBuilder {
            models,
            patterns,
            links: vec![None; models.len()],
            unbuilt: Vec::new(),
            compiled: FxHashMap::default(),
        }
    }

    /// The link to a model's shape, made (and the model noted for building) on first use.
    fn link(&mut self, id: ModelId) -> &'static LinkedModel {
        if let Some(link) = self.links[id.0] {
            return link;
        }
        let link: &'static LinkedModel = Box::leak(Box::new(LinkedModel::new()));
        self.links[id.0] = Some(link);
        self.unbuilt.push(id);
        link
    }

    /// Builds the shape of every model linked to, and of the models those reach.
    fn finish(&mut self) {
        let models = self.models;
        while let Some(id) = self.unbuilt.pop() {
            let shape = self.model(&models[id.0]);
            if let Some(link) = self.links[id.0] {
                // Each model is built once, so its link is set here once.
                let _ = link.set(shape);
            }
        }
    }

    fn model(&mut self, model: &Model) -> ModelShape {
        match &model.kind {
            ModelKind::Object(object) => {
                let fields: Vec<FieldShape> = object
                    .fields
                    .iter()
                    .map(|field| FieldShape {
                        wire_name: leak_str(&field.wire_name),
                        required: field.required,
                        nullable: field.nullable,
                        shape: self.shape(&field.ty, Some(&field.constraints)),
                    })
                    .collect();
                ModelShape::Object(Box::leak(fields.into_boxed_slice()))
            }
            ModelKind::Enum(e) => {
                let allowed = leak_str(
                    &e.values
                        .iter()
                        .map(|v| v.value.to_string())
                        .collect::<Vec<_>>()
                        .join(", "),
                );
                let open = e.open;
                match e.repr {
                    EnumRepr::String => ModelShape::StringEnum {
                        values: Box::leak(
                            e.values
                                .iter()
                                .map(|v| leak_str(v.value.as_str().unwrap_or_default()))
                                .collect(),
                        ),
                        open,
                        allowed,
                    },
                    EnumRepr::Integer => ModelShape::IntegerEnum {
                        values: Box::leak(
                            e.values
                                .iter()
                                .map(|v| v.value.as_i64().unwrap_or_default())
                                .collect(),
                        ),
                        open,
                        allowed,
                    },
                    EnumRepr::Boolean => ModelShape::BooleanEnum {
                        values: Box::leak(
                            e.values
                                .iter()
                                .map(|v| v.value.as_bool().unwrap_or_default())
                                .collect(),
                        ),
                        open,
                        allowed,
                    },
                }
            }
            ModelKind::Union(union) => ModelShape::Union {
                name: leak_str(&model.name),
                variants: Box::leak(
                    union
                        .variants
                        .iter()
                        .map(|variant| self.shape(&variant.ty, None))
                        .collect(),
                ),
            },
            ModelKind::Any => ModelShape::Any,
        }
    }

    fn shape(&mut self, ty: &Type, constraints: Option<&Constraints>) -> Shape {
        let none = Constraints::default();
        let c = constraints.unwrap_or(&none);
        let constant = c
            .const_value
            .as_ref()
            .map(|value| &*Box::leak(Box::new(Constant::new(leak_str(&value.to_string())))));
        Shape {
            kind: self.kind(ty, c),
            constant,
        }
    }

    fn kind(&mut self, ty: &Type, c: &Constraints) -> Kind {
        match ty {
            Type::String | Type::DateTime | Type::Date => {
                let format = match ty {
                    Type::DateTime => Some(Format::DateTime),
                    Type::Date => Some(Format::Date),
                    _ => c.format,
                };
                let pattern = c.pattern.as_deref().and_then(|source| self.pattern(source));
                if format.is_none()
                    && c.min_length.is_none()
                    && c.max_length.is_none()
                    && pattern.is_none()
                {
                    return Kind::String(&StringRules::NONE);
                }
                Kind::String(Box::leak(Box::new(StringRules {
                    format: format.map(runtime_format),
                    min_length: c.min_length,
                    max_length: c.max_length,
                    pattern,
                })))
            }
            Type::Integer | Type::Number => {
                let rules: &'static NumberRules = Box::leak(Box::new(NumberRules {
                    minimum: c.minimum.as_ref().map(limit),
                    maximum: c.maximum.as_ref().map(limit),
                    exclusive_minimum: c.exclusive_minimum.as_ref().map(limit),
                    exclusive_maximum: c.exclusive_maximum.as_ref().map(limit),
                    multiple_of: c.multiple_of.as_ref().map(limit),
                }));
                if *ty == Type::Integer {
                    Kind::Integer(rules)
                } else {
                    Kind::Number(rules)
                }
            }
            Type::Boolean => Kind::Boolean,
            Type::Any => Kind::Any,
            Type::Array(inner) => Kind::Array(Box::leak(Box::new(ArrayRules {
                items: self.shape(inner, c.items.as_deref()),
                min_items: c.min_items,
                max_items: c.max_items,
                unique_items: c.unique_items,
            }))),
            Type::Map(inner) => Kind::Map(Box::leak(Box::new(self.shape(inner, None)))),
            Type::Nullable(inner) => {
                let inner_constraints = Constraints {
                    const_value: None,
                    ..c.clone()
                };
                Kind::Nullable(Box::leak(Box::new(
                    self.shape(inner, Some(&inner_constraints)),
                )))
            }
            Type::Model(id) => Kind::Linked(self.link(*id)),
        }
    }

    /// The pattern of `source`, one per source, or `None` if it does not compile.
    fn pattern(&mut self, source: &str) -> Option<&'static LazyPattern> {
        if let Some(found) = self.compiled.get(source) {
            return Some(found);
        }
        self.patterns.check_syntax(source).ok()?;
        let pattern: &'static LazyPattern = Box::leak(Box::new(LazyPattern::new(leak_str(source))));
        self.compiled.insert(source.to_owned(), pattern);
        Some(pattern)
    }
}

fn runtime_format(format: Format) -> shape::Format {
    match format {
        Format::DateTime => shape::Format::DateTime,
        Format::Date => shape::Format::Date,
        Format::Email => shape::Format::Email,
        Format::Uri => shape::Format::Uri,
        Format::Uuid => shape::Format::Uuid,
        Format::Ipv4 => shape::Format::Ipv4,
        Format::Ipv6 => shape::Format::Ipv6,
    }
}

fn limit(n: &serde_json::Number) -> Limit {
    if let Some(i) = n.as_i64() {
        Limit::Int(i)
    } else if let Some(u) = n.as_u64() {
        Limit::Uint(u)
    } else {
        Limit::Float(n.as_f64().unwrap_or_default())
    }
}
