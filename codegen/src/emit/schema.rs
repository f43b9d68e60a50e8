//! Stage three (b): the model IR into JSON Schema draft 2020-12, one document per model and
//! one bundle with every model under `$defs`.
//!
//! The schemas are built as trees that borrow from the IR: the published files are
//! serialized from them, and the functions that return a `serde_json::Value` convert them.

use std::borrow::Cow;

use rustc_hash::FxHashMap;
use serde::ser::{Serialize, SerializeMap, Serializer};
use serde_json::{json, Map, Value};

use super::json_tree::{has, into_map, put, Members, Node};
use crate::ir::{Constraints, EnumRepr, Field, Model, ModelId, ModelKind, ModelSet, Type};

/// The JSON Schema dialect every published document declares.
pub const DRAFT_2020_12: &str = "https://json-schema.org/draft/2020-12/schema";

/// Name of the bundle file, beside the per-model files.
pub const BUNDLE_FILE: &str = "bundle.schema.json";

/// How a reference to another model is written.
pub trait RefWriter {
    /// The schema that stands for a reference from `from` to `to`.
    fn reference(&mut self, from: &Model, to: ModelId, target: &Model) -> Value;
}

/// References between published files: relative paths resolved against each file's `$id`.
pub struct FileRefs;

impl RefWriter for FileRefs {
    fn reference(&mut self, from: &Model, _to: ModelId, target: &Model) -> Value {
        json!({ "$ref": relative_path(&from.schema_file, &target.schema_file) })
    }
}

/// How the trees reference another model: [`RefWriter`] for trees, so that references
/// between published files need no `Value` each.
trait NodeRefs {
    /// The schema that stands for a reference from `from` to `to`.
    fn reference_node<'m>(&mut self, from: &'m Model, to: ModelId, target: &'m Model) -> Node<'m>;
}

impl NodeRefs for FileRefs {
    fn reference_node<'m>(&mut self, from: &'m Model, to: ModelId, target: &'m Model) -> Node<'m> {
        Node::Object(vec![(
            "$ref".into(),
            Node::ModelRef {
                path: relative_path(&from.schema_file, &target.schema_file),
                key: &target.def_key,
                target: to,
            },
        )])
    }
}

/// A [`RefWriter`]'s references as nodes.
struct ValueRefs<'r>(&'r mut dyn RefWriter);

impl NodeRefs for ValueRefs<'_> {
    fn reference_node<'m>(&mut self, from: &'m Model, to: ModelId, target: &'m Model) -> Node<'m> {
        Node::from_value(self.0.reference(from, to, target))
    }
}

/// The published document of one model.
pub fn model_document(models: &ModelSet, id: ModelId, base_uri: &str) -> Value {
    Value::Object(into_map(document_members(models, models.get(id), base_uri)))
}

/// The bundle: every published model under `$defs`, each keeping its `$id` so that the
/// relative references inside resolve to the embedded copies.
pub fn bundle_document(models: &ModelSet, base_uri: &str) -> Value {
    let documents =
        published(models).map(|(_, model)| (model, document_members(models, model, base_uri)));
    Value::Object(into_map(bundle_members(base_uri, documents)))
}

/// The published files: each published model's [`model_document`] (at its `schema_file`),
/// then the [`bundle_document`] (at [`BUNDLE_FILE`]), each with `"$comment": comment` as
/// its first member, pretty-printed as `serde_json::to_string_pretty` prints them and ended
/// by a newline.
pub fn published_files(models: &ModelSet, base_uri: &str, comment: &str) -> Vec<(String, String)> {
    published_files_of(models, &SchemaBodies::new(models), base_uri, comment)
}

/// Every model's schema keywords ([`model_body`]), built once for the published files and
/// the Rust output, with references as [`Node::ModelRef`]s that each writes in its style.
pub(crate) struct SchemaBodies<'m> {
    bodies: Vec<Members<'m>>,
}

impl<'m> SchemaBodies<'m> {
    /// The bodies of all models.
    pub(crate) fn new(models: &'m ModelSet) -> Self {
        let bodies = models
            .models
            .iter()
            .map(|model| body_members(models, model, &mut FileRefs))
            .collect();
        SchemaBodies { bodies }
    }

    /// The body of one model.
    pub(crate) fn of(&self, id: ModelId) -> &[(Cow<'m, str>, Node<'m>)] {
        &self.bodies[id.0]
    }
}

/// [`published_files`] from bodies already built.
pub(crate) fn published_files_of(
    models: &ModelSet,
    bodies: &SchemaBodies,
    base_uri: &str,
    comment: &str,
) -> Vec<(String, String)> {
    let mut files = Vec::new();
    // Each model's entry in the bundle is its own file's text, indented: serializing it again
    // would escape every description a second time.
    let mut defs = Vec::new();
    for (id, model) in published(models) {
        let mut head = document_head(model, base_uri);
        head.insert(0, ("$comment".into(), Node::Str(comment)));
        files.push((model.schema_file.clone(), file_text(&head, bodies.of(id))));
        defs.push((model.def_key.as_str(), files.len() - 1));
    }
    let defs = last_value_per_key(defs);
    let mut head = bundle_head(base_uri);
    head.insert(0, ("$comment".into(), Node::Str(comment)));
    head.push(("$defs".into(), Node::Object(Vec::new())));
    let mut bundle = file_text(&head, &[]);
    if !defs.is_empty() {
        // `head` ends with `"$defs": {}` and the closing lines.
        let open = bundle.len() - "}\n}\n".len();
        bundle.truncate(open);
        for (i, (key, file)) in defs.into_iter().enumerate() {
            bundle.push_str(if i == 0 { "\n    " } else { ",\n    " });
            bundle.push_str(&serde_json::to_string(key).unwrap_or_default());
            bundle.push_str(": ");
            push_bundled(&mut bundle, &files[file].1);
        }
        bundle.push_str("\n  }\n}\n");
    }
    files.push((BUNDLE_FILE.to_owned(), bundle));
    files
}

/// Appends a published file's text as a member value of the bundle's `$defs`: without its
/// first two members (`$comment`, `$schema`; serde_json writes each string on one line and
/// escapes every line break inside strings, so each member is one line) and without its final
/// newline, every line after the first indented by two more levels.
fn push_bundled(bundle: &mut String, file_text: &str) {
    let mut lines = file_text.trim_end_matches('\n').split('\n');
    bundle.push_str(lines.next().unwrap_or_default());
    for line in lines.skip(2) {
        bundle.push_str("\n    ");
        bundle.push_str(line);
    }
}

/// The models that have a published document: all but the synthesized ones.
fn published(models: &ModelSet) -> impl Iterator<Item = (ModelId, &Model)> {
    models.iter().filter(|(_, m)| !m.synthesized)
}

/// Entries as `serde_json::Map::insert` keeps them: a key that comes again keeps its first
/// place and takes the later value.
fn last_value_per_key<'k, T>(entries: impl IntoIterator<Item = (&'k str, T)>) -> Vec<(&'k str, T)> {
    let mut kept: Vec<(&str, T)> = Vec::new();
    let mut positions: FxHashMap<&str, usize> = FxHashMap::default();
    for (key, value) in entries {
        match positions.get(key) {
            Some(&at) => kept[at].1 = value,
            None => {
                positions.insert(key, kept.len());
                kept.push((key, value));
            }
        }
    }
    kept
}

/// A published file's text: the members of `head`, then those of `body`.
fn file_text(head: &[(Cow<str>, Node)], body: &[(Cow<str>, Node)]) -> String {
    let mut text = serde_json::to_string_pretty(&Document { head, body }).unwrap_or_default();
    text.push('\n');
    text
}

/// An object whose members come in two parts, serialized as one.
struct Document<'a, 'm> {
    head: &'a [(Cow<'m, str>, Node<'m>)],
    body: &'a [(Cow<'m, str>, Node<'m>)],
}

impl Serialize for Document<'_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.head.len() + self.body.len()))?;
        for (key, value) in self.head.iter().chain(self.body) {
            map.serialize_entry(key.as_ref(), value)?;
        }
        map.end()
    }
}

/// The members of [`model_document`].
fn document_members<'m>(models: &'m ModelSet, model: &'m Model, base_uri: &str) -> Members<'m> {
    let mut members = document_head(model, base_uri);
    members.extend(body_members(models, model, &mut FileRefs));
    members
}

/// The members of a model's document before its body: `$schema` and `$id`.
fn document_head<'m>(model: &Model, base_uri: &str) -> Members<'m> {
    vec![
        ("$schema".into(), Node::Str(DRAFT_2020_12)),
        (
            "$id".into(),
            Node::String(format!("{base_uri}{}", model.schema_file)),
        ),
    ]
}

/// The members of the bundle before `$defs`: `$schema`, `$id` and `title`.
fn bundle_head<'m>(base_uri: &str) -> Members<'m> {
    vec![
        ("$schema".into(), Node::Str(DRAFT_2020_12)),
        (
            "$id".into(),
            Node::String(format!("{base_uri}{BUNDLE_FILE}")),
        ),
        ("title".into(), Node::Str("All models")),
    ]
}

/// The members of [`bundle_document`], from each published model and the members of its
/// [`model_document`].
fn bundle_members<'m>(
    base_uri: &str,
    documents: impl IntoIterator<Item = (&'m Model, Members<'m>)>,
) -> Members<'m> {
    let defs = documents.into_iter().map(|(model, mut document)| {
        // Without `$schema`, the other members in their order.
        document.remove(0);
        (model.def_key.as_str(), document)
    });
    let defs = last_value_per_key(defs)
        .into_iter()
        .map(|(key, document)| (key.into(), Node::Object(document)))
        .collect();
    let mut members = bundle_head(base_uri);
    members.push(("$defs".into(), Node::Object(defs)));
    members
}

/// The schema keywords of a model (title, description, shape, examples), without `$schema`
/// and `$id`; references are written by `refs`.
pub fn model_body(models: &ModelSet, id: ModelId, refs: &mut dyn RefWriter) -> Map<String, Value> {
    into_map(body_members(models, models.get(id), &mut ValueRefs(refs)))
}

/// The members of [`model_body`].
fn body_members<'m>(
    models: &'m ModelSet,
    model: &'m Model,
    refs: &mut dyn NodeRefs,
) -> Members<'m> {
    let mut body: Members = vec![("title".into(), Node::Str(&model.name))];
    if !model.description.is_empty() {
        body.push(("description".into(), Node::Str(&model.description)));
    }
    if model.deprecated.is_some() {
        body.push(("deprecated".into(), Node::Bool(true)));
    }
    match &model.kind {
        ModelKind::Object(object) => {
            body.push(("type".into(), Node::Str("object")));
            let unique = unique_wire_names(&object.fields);
            let mut properties = Members::with_capacity(object.fields.len());
            let mut required = Vec::new();
            for field in &object.fields {
                let mut schema = type_node(models, model, &field.ty, refs);
                if field.nullable {
                    schema = nullable(schema);
                }
                let mut property = Members::new();
                if !field.description.is_empty() {
                    property.push(("description".into(), Node::Str(&field.description)));
                }
                if field.deprecated.is_some() {
                    property.push(("deprecated".into(), Node::Bool(true)));
                }
                if let Node::Object(members) = schema {
                    for (key, value) in members {
                        put(&mut property, key, value);
                    }
                }
                add_constraints(&mut property, &field.constraints);
                if let Some(example) = &field.example {
                    put(
                        &mut property,
                        "examples",
                        Node::Array(vec![Node::Json(example)]),
                    );
                }
                let name = field.wire_name.as_str();
                if unique {
                    properties.push((name.into(), Node::Object(property)));
                } else {
                    put(&mut properties, name, Node::Object(property));
                }
                if field.required {
                    required.push(Node::Str(name));
                }
            }
            body.push(("properties".into(), Node::Object(properties)));
            if !required.is_empty() {
                body.push(("required".into(), Node::Array(required)));
            }
            if let Some(example) = &object.example {
                body.push(("examples".into(), Node::Array(vec![Node::Json(example)])));
            }
        }
        ModelKind::Enum(e) => {
            let values = || Node::Array(e.values.iter().map(|v| Node::Json(&v.value)).collect());
            let json_type = match e.repr {
                EnumRepr::String => "string",
                EnumRepr::Integer => "integer",
                EnumRepr::Boolean => "boolean",
            };
            if e.open {
                body.push(("type".into(), Node::Str(json_type)));
                body.push(("examples".into(), values()));
            } else if e.values.len() == 1 && model.synthesized {
                body.push(("const".into(), Node::Json(&e.values[0].value)));
            } else {
                body.push(("type".into(), Node::Str(json_type)));
                body.push(("enum".into(), values()));
            }
        }
        ModelKind::Union(union) => {
            let variants = union
                .variants
                .iter()
                .map(|v| type_node(models, model, &v.ty, refs))
                .collect();
            body.push(("anyOf".into(), Node::Array(variants)));
        }
        ModelKind::Any => {}
    }
    body
}

/// Whether no two fields share a wire name, so that each property can be added without
/// looking for one of the same name.
fn unique_wire_names(fields: &[Field]) -> bool {
    let mut names: Vec<&str> = fields.iter().map(|f| f.wire_name.as_str()).collect();
    names.sort_unstable();
    names.windows(2).all(|pair| pair[0] != pair[1])
}

/// The schema of a value type as seen from inside `from`'s document.
pub fn type_schema(models: &ModelSet, from: &Model, ty: &Type, refs: &mut dyn RefWriter) -> Value {
    type_node(models, from, ty, &mut ValueRefs(refs)).into_value()
}

/// [`type_schema`] as a node.
fn type_node<'m>(
    models: &'m ModelSet,
    from: &'m Model,
    ty: &'m Type,
    refs: &mut dyn NodeRefs,
) -> Node<'m> {
    let typed = |name: &'static str| Node::Object(vec![("type".into(), Node::Str(name))]);
    match ty {
        Type::String => typed("string"),
        Type::Integer => typed("integer"),
        Type::Number => typed("number"),
        Type::Boolean => typed("boolean"),
        Type::Any => Node::Object(Vec::new()),
        Type::DateTime => Node::Object(vec![
            ("type".into(), Node::Str("string")),
            ("format".into(), Node::Str("date-time")),
        ]),
        Type::Date => Node::Object(vec![
            ("type".into(), Node::Str("string")),
            ("format".into(), Node::Str("date")),
        ]),
        Type::Array(inner) => Node::Object(vec![
            ("type".into(), Node::Str("array")),
            ("items".into(), type_node(models, from, inner, refs)),
        ]),
        Type::Map(inner) => Node::Object(vec![
            ("type".into(), Node::Str("object")),
            (
                "additionalProperties".into(),
                type_node(models, from, inner, refs),
            ),
        ]),
        Type::Nullable(inner) => nullable(type_node(models, from, inner, refs)),
        Type::Model(id) => {
            let target = models.get(*id);
            if target.synthesized {
                let mut body = body_members(models, target, refs);
                // Without `title`, removed as `Map::remove` removes it with
                // `preserve_order`: the last member takes its place.
                body.swap_remove(0);
                Node::Object(body)
            } else {
                refs.reference_node(from, *id, target)
            }
        }
    }
}

/// Allows `null` besides what `schema` allows.
fn nullable(mut schema: Node) -> Node {
    if let Node::Object(members) = &mut schema {
        if !has(members, "enum") && !has(members, "const") {
            if let Some((_, t)) = members.iter_mut().find(|(key, _)| key == "type") {
                if t.as_str().is_some() {
                    *t = Node::Array(vec![t.clone(), Node::Str("null")]);
                    return schema;
                }
            }
        }
        if members.is_empty() {
            return schema;
        }
    }
    Node::Object(vec![(
        "anyOf".into(),
        Node::Array(vec![
            schema,
            Node::Object(vec![("type".into(), Node::Str("null"))]),
        ]),
    )])
}

/// The JSON Schema keywords of a field's constraints, in a fixed order (item constraints
/// are not included).
pub fn constraint_keywords(c: &Constraints) -> Map<String, Value> {
    let mut keywords = Members::new();
    add_keywords(&mut keywords, c);
    into_map(keywords)
}

/// Adds a field's constraint keywords to its property schema; item constraints go into
/// `items`.
fn add_constraints<'m>(property: &mut Members<'m>, c: &'m Constraints) {
    add_keywords(property, c);
    if let Some(items) = &c.items {
        let at = match property.iter().position(|(key, _)| key == "items") {
            Some(at) => at,
            None => {
                property.push(("items".into(), Node::Object(Members::new())));
                property.len() - 1
            }
        };
        if let Node::Object(items_schema) = &mut property[at].1 {
            add_constraints(items_schema, items);
        }
    }
}

/// Adds the constraint keywords but `items`.
fn add_keywords<'m>(property: &mut Members<'m>, c: &'m Constraints) {
    if let Some(format) = c.format {
        put(property, "format", Node::Str(format.name()));
    }
    if let Some(n) = c.min_length {
        put(property, "minLength", Node::U64(n));
    }
    if let Some(n) = c.max_length {
        put(property, "maxLength", Node::U64(n));
    }
    if let Some(pattern) = &c.pattern {
        put(property, "pattern", Node::Str(pattern));
    }
    let numbers = [
        ("minimum", &c.minimum),
        ("maximum", &c.maximum),
        ("exclusiveMinimum", &c.exclusive_minimum),
        ("exclusiveMaximum", &c.exclusive_maximum),
        ("multipleOf", &c.multiple_of),
    ];
    for (key, number) in numbers {
        if let Some(n) = number {
            put(property, key, Node::Number(n));
        }
    }
    if let Some(n) = c.min_items {
        put(property, "minItems", Node::U64(n));
    }
    if let Some(n) = c.max_items {
        put(property, "maxItems", Node::U64(n));
    }
    if c.unique_items {
        put(property, "uniqueItems", Node::Bool(true));
    }
    if let Some(value) = &c.const_value {
        put(property, "const", Node::Json(value));
    }
    if let Some(value) = &c.default {
        put(property, "default", Node::Json(value));
    }
}

/// The path of `to` relative to the folder of `from` (both relative to the schema folder).
pub fn relative_path(from: &str, to: &str) -> String {
    let from_dirs: Vec<&str> = from.split('/').collect();
    let from_dirs = &from_dirs[..from_dirs.len() - 1];
    let to_parts: Vec<&str> = to.split('/').collect();
    let common = from_dirs
        .iter()
        .zip(&to_parts)
        .take_while(|(a, b)| a == b)
        .count();
    let mut parts: Vec<&str> = vec![".."; from_dirs.len() - common];
    parts.extend(&to_parts[common..]);
    parts.join("/")
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::ir::{Enum, EnumValue, Format, Object, Union, Variant};
    use crate::source::{FileId, Span};

    #[test]
    fn relative_paths_between_folders() {
        assert_eq!(
            relative_path("A.schema.json", "B.schema.json"),
            "B.schema.json"
        );
        assert_eq!(
            relative_path("components/A.schema.json", "operations/B.schema.json"),
            "../operations/B.schema.json"
        );
        assert_eq!(
            relative_path("components/A.schema.json", "components/B.schema.json"),
            "B.schema.json"
        );
        assert_eq!(
            relative_path("A.schema.json", "components/B.schema.json"),
            "components/B.schema.json"
        );
    }

    /// The published files as `model_document`, `bundle_document` and
    /// `serde_json::to_string_pretty` give them: what `published_files` must match.
    fn published_through_values(models: &ModelSet, base: &str) -> Vec<(String, String)> {
        let publish = |document: Value| {
            let mut map = Map::new();
            map.insert("$comment".into(), "mark".into());
            if let Value::Object(rest) = document {
                map.extend(rest);
            }
            serde_json::to_string_pretty(&Value::Object(map)).unwrap() + "\n"
        };
        let mut files: Vec<(String, String)> = models
            .iter()
            .filter(|(_, m)| !m.synthesized)
            .map(|(id, m)| {
                (
                    m.schema_file.clone(),
                    publish(model_document(models, id, base)),
                )
            })
            .collect();
        files.push((
            BUNDLE_FILE.to_owned(),
            publish(bundle_document(models, base)),
        ));
        files
    }

    /// A model for tests, its files named after `name` in `folder`.
    pub(crate) fn model(name: &str, folder: &str, synthesized: bool, kind: ModelKind) -> Model {
        let schema_file = if folder.is_empty() {
            format!("{name}.schema.json")
        } else {
            format!("{folder}/{name}.schema.json")
        };
        Model {
            name: name.to_owned(),
            rust_name: name.to_owned(),
            module: Vec::new(),
            page: String::new(),
            def_key: schema_file.replace('/', ".").replace(".schema.json", ""),
            schema_file,
            span: Span::new(FileId(0), 0..0),
            description: String::new(),
            deprecated: None,
            synthesized,
            kind,
        }
    }

    /// An optional field for tests, every name `name`.
    pub(crate) fn field(name: &str, ty: Type) -> Field {
        Field {
            name: name.to_owned(),
            wire_name: name.to_owned(),
            rust_name: name.to_owned(),
            ty,
            required: false,
            nullable: false,
            description: String::new(),
            deprecated: None,
            example: None,
            constraints: Constraints::default(),
            span: Span::new(FileId(0), 0..0),
        }
    }

    fn one_value_enum(value: Value, open: bool, repr: EnumRepr) -> ModelKind {
        ModelKind::Enum(Enum {
            values: vec![EnumValue {
                value,
                rust_name: "V".into(),
                span: Span::new(FileId(0), 0..0),
            }],
            open,
            repr,
        })
    }

    #[test]
    fn published_files_match_the_documents_built_as_values() {
        let number = |f: f64| serde_json::Number::from_f64(f).unwrap();
        let mut constant = model(
            "Constant",
            "components",
            true,
            one_value_enum(json!("c\"1"), false, EnumRepr::String),
        );
        constant.description = "The constant `\"c\"`.".into();
        let open = model(
            "Open",
            "operations",
            true,
            one_value_enum(json!(3), true, EnumRepr::Integer),
        );
        let mut fields = vec![
            field("konst", Type::Model(ModelId(1))),
            field("dates", Type::Array(Box::new(Type::DateTime))),
            field("other", Type::Nullable(Box::new(Type::Model(ModelId(3))))),
            field(
                "map",
                Type::Map(Box::new(Type::Nullable(Box::new(Type::Any)))),
            ),
            field("konst", Type::Model(ModelId(1))),
            field("amount", Type::Number),
            field("open", Type::Model(ModelId(2))),
            field("union", Type::Model(ModelId(4))),
            field("day", Type::Nullable(Box::new(Type::Date))),
            field("tags", Type::Array(Box::new(Type::Model(ModelId(5))))),
        ];
        fields[0].description = "Overwritten by the constant's.".into();
        fields[0].nullable = true;
        fields[0].required = true;
        fields[1].nullable = true;
        fields[1].constraints = Constraints {
            min_items: Some(1),
            unique_items: true,
            items: Some(Box::new(Constraints {
                format: Some(Format::DateTime),
                max_length: Some(40),
                ..Constraints::default()
            })),
            ..Constraints::default()
        };
        fields[2].constraints.default = Some(json!({"a": [1, null]}));
        fields[2].deprecated = Some("old".into());
        fields[3].example = Some(json!({"k": null}));
        fields[3].required = true;
        fields[4].constraints.const_value = Some(json!("c\"1"));
        fields[4].description = "second".into();
        fields[5].constraints = Constraints {
            minimum: Some(number(0.5)),
            exclusive_maximum: Some(number(1e21)),
            multiple_of: Some(number(0.25)),
            ..Constraints::default()
        };
        fields[5].example = Some(json!(0.75));
        fields[6].nullable = true;
        fields[7].nullable = true;
        fields[9].constraints.items = Some(Box::new(Constraints {
            pattern: Some("^a\\d$".into()),
            ..Constraints::default()
        }));
        let mut object = model(
            "Object",
            "components",
            false,
            ModelKind::Object(Object {
                fields,
                example: Some(json!({"map": {"k": null}, "é": "\u{1}"})),
            }),
        );
        object.description = "An object.\nTwo lines.".into();
        object.deprecated = Some("gone".into());
        let mut colours = model(
            "Colours",
            "operations",
            false,
            ModelKind::Enum(Enum {
                values: vec![
                    EnumValue {
                        value: json!("red"),
                        rust_name: "Red".into(),
                        span: Span::new(FileId(0), 0..0),
                    },
                    EnumValue {
                        value: json!("green"),
                        rust_name: "Green".into(),
                        span: Span::new(FileId(0), 0..0),
                    },
                ],
                open: false,
                repr: EnumRepr::String,
            }),
        );
        colours.description = "Colours.".into();
        let union = model(
            "Union",
            "",
            false,
            ModelKind::Union(Union {
                variants: [
                    Type::Model(ModelId(0)),
                    Type::Array(Box::new(Type::String)),
                    Type::Nullable(Box::new(Type::Model(ModelId(1)))),
                    Type::Map(Box::new(Type::Integer)),
                    Type::Boolean,
                ]
                .into_iter()
                .map(|ty| Variant {
                    rust_name: String::new(),
                    ty,
                    span: Span::new(FileId(0), 0..0),
                })
                .collect(),
            }),
        );
        let mut anything = model("Anything", "deep/er", false, ModelKind::Any);
        anything.deprecated = Some("x".into());
        // The same `$defs` key as `Colours`: the later model takes the earlier one's place.
        let mut clash = model("Clash", "operations", false, ModelKind::Any);
        clash.def_key = "operations.Colours".into();
        let empty = model(
            "Empty",
            "",
            false,
            ModelKind::Object(Object {
                fields: Vec::new(),
                example: None,
            }),
        );
        let models = ModelSet {
            models: vec![
                object, constant, open, colours, union, anything, clash, empty,
            ],
        };
        for base in ["https://models.invalid/", "urn:\"q\"/"] {
            let fast = published_files(&models, base, "mark");
            let slow = published_through_values(&models, base);
            assert_eq!(fast.len(), slow.len());
            for ((fast_path, fast_text), (slow_path, slow_text)) in fast.iter().zip(&slow) {
                assert_eq!(fast_path, slow_path);
                assert_eq!(fast_text, slow_text, "{fast_path}");
            }
        }
        let none = ModelSet::default();
        assert_eq!(
            published_files(&none, "b/", "mark"),
            published_through_values(&none, "b/")
        );
    }

    #[test]
    fn nullable_widens_simple_types_and_wraps_the_rest() {
        let null = |schema: Value| nullable(Node::from_value(schema)).into_value();
        assert_eq!(
            null(json!({"type": "string"})),
            json!({"type": ["string", "null"]})
        );
        assert_eq!(
            null(json!({"$ref": "A.schema.json"})),
            json!({"anyOf": [{"$ref": "A.schema.json"}, {"type": "null"}]})
        );
        assert_eq!(
            null(json!({"type": "string", "enum": ["a"]})),
            json!({"anyOf": [{"type": "string", "enum": ["a"]}, {"type": "null"}]})
        );
        assert_eq!(null(json!({})), json!({}));
    }
}
