//! Stage three (b): the model IR into JSON Schema draft 2020-12, one document per model and
//! one bundle with every model under `$defs`.

use serde_json::{json, Map, Value};

use crate::ir::{Constraints, EnumRepr, Model, ModelId, ModelKind, ModelSet, Type};

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

/// The published document of one model.
pub fn model_document(models: &ModelSet, id: ModelId, base_uri: &str) -> Value {
    let model = models.get(id);
    let mut document = Map::new();
    document.insert("$schema".into(), DRAFT_2020_12.into());
    document.insert(
        "$id".into(),
        format!("{base_uri}{}", model.schema_file).into(),
    );
    for (key, value) in model_body(models, id, &mut FileRefs) {
        document.insert(key, value);
    }
    Value::Object(document)
}

/// The bundle: every published model under `$defs`, each keeping its `$id` so that the
/// relative references inside resolve to the embedded copies.
pub fn bundle_document(models: &ModelSet, base_uri: &str) -> Value {
    let mut defs = Map::new();
    for (id, model) in models.iter().filter(|(_, m)| !m.synthesized) {
        let mut document = match model_document(models, id, base_uri) {
            Value::Object(map) => map,
            _ => Map::new(),
        };
        document.remove("$schema");
        defs.insert(model.def_key.clone(), Value::Object(document));
    }
    json!({
        "$schema": DRAFT_2020_12,
        "$id": format!("{base_uri}{BUNDLE_FILE}"),
        "title": "All models",
        "$defs": defs,
    })
}

/// The schema keywords of a model (title, description, shape, examples), without `$schema`
/// and `$id`; references are written by `refs`.
pub fn model_body(models: &ModelSet, id: ModelId, refs: &mut dyn RefWriter) -> Map<String, Value> {
    let model = models.get(id);
    let mut body = Map::new();
    body.insert("title".into(), model.name.clone().into());
    if !model.description.is_empty() {
        body.insert("description".into(), model.description.clone().into());
    }
    if model.deprecated.is_some() {
        body.insert("deprecated".into(), true.into());
    }
    match &model.kind {
        ModelKind::Object(object) => {
            body.insert("type".into(), "object".into());
            let mut properties = Map::new();
            let mut required = Vec::new();
            for field in &object.fields {
                let mut schema = type_schema(models, model, &field.ty, refs);
                if field.nullable {
                    schema = nullable(schema);
                }
                let mut property = Map::new();
                if !field.description.is_empty() {
                    property.insert("description".into(), field.description.clone().into());
                }
                if field.deprecated.is_some() {
                    property.insert("deprecated".into(), true.into());
                }
                merge(&mut property, schema);
                add_constraints(&mut property, &field.constraints);
                if let Some(example) = &field.example {
                    property.insert("examples".into(), json!([example]));
                }
                properties.insert(field.wire_name.clone(), Value::Object(property));
                if field.required {
                    required.push(Value::from(field.wire_name.clone()));
                }
            }
            body.insert("properties".into(), Value::Object(properties));
            if !required.is_empty() {
                body.insert("required".into(), Value::Array(required));
            }
            if let Some(example) = &object.example {
                body.insert("examples".into(), json!([example]));
            }
        }
        ModelKind::Enum(e) => {
            let values: Vec<Value> = e.values.iter().map(|v| v.value.clone()).collect();
            let json_type = match e.repr {
                EnumRepr::String => "string",
                EnumRepr::Integer => "integer",
            };
            if e.open {
                body.insert("type".into(), json_type.into());
                body.insert("examples".into(), Value::Array(values));
            } else if values.len() == 1 && model.synthesized {
                body.insert("const".into(), values[0].clone());
            } else {
                body.insert("type".into(), json_type.into());
                body.insert("enum".into(), Value::Array(values));
            }
        }
        ModelKind::Union(union) => {
            let variants: Vec<Value> = union
                .variants
                .iter()
                .map(|v| type_schema(models, model, &v.ty, refs))
                .collect();
            body.insert("anyOf".into(), Value::Array(variants));
        }
        ModelKind::Any => {}
    }
    body
}

/// The schema of a value type as seen from inside `from`'s document.
pub fn type_schema(models: &ModelSet, from: &Model, ty: &Type, refs: &mut dyn RefWriter) -> Value {
    match ty {
        Type::String => json!({ "type": "string" }),
        Type::Integer => json!({ "type": "integer" }),
        Type::Number => json!({ "type": "number" }),
        Type::Boolean => json!({ "type": "boolean" }),
        Type::Any => json!({}),
        Type::DateTime => json!({ "type": "string", "format": "date-time" }),
        Type::Date => json!({ "type": "string", "format": "date" }),
        Type::Array(inner) => {
            json!({ "type": "array", "items": type_schema(models, from, inner, refs) })
        }
        Type::Map(inner) => json!({
            "type": "object",
            "additionalProperties": type_schema(models, from, inner, refs),
        }),
        Type::Nullable(inner) => nullable(type_schema(models, from, inner, refs)),
        Type::Model(id) => {
            let target = models.get(*id);
            if target.synthesized {
                let mut body = model_body(models, *id, refs);
                body.remove("title");
                Value::Object(body)
            } else {
                refs.reference(from, *id, target)
            }
        }
    }
}

/// Allows `null` besides what `schema` allows.
fn nullable(schema: Value) -> Value {
    if let Value::Object(map) = &schema {
        let simple = !map.contains_key("enum") && !map.contains_key("const");
        if let (true, Some(Value::String(t))) = (simple, map.get("type")) {
            let mut map = map.clone();
            map.insert("type".into(), json!([t, "null"]));
            return Value::Object(map);
        }
        if map.is_empty() {
            return schema;
        }
    }
    json!({ "anyOf": [schema, { "type": "null" }] })
}

/// The JSON Schema keywords of a field's constraints, in a fixed order (item constraints
/// are not included).
pub fn constraint_keywords(c: &Constraints) -> Map<String, Value> {
    let mut keywords = Map::new();
    add_constraints(
        &mut keywords,
        &Constraints {
            items: None,
            ..c.clone()
        },
    );
    keywords
}

/// Adds a field's constraint keywords to its property schema; item constraints go into
/// `items`.
fn add_constraints(property: &mut Map<String, Value>, c: &Constraints) {
    let mut put = |key: &str, value: Option<Value>| {
        if let Some(value) = value {
            property.insert(key.to_owned(), value);
        }
    };
    put("format", c.format.map(|f| f.name().into()));
    put("minLength", c.min_length.map(Value::from));
    put("maxLength", c.max_length.map(Value::from));
    put("pattern", c.pattern.clone().map(Value::from));
    put("minimum", c.minimum.clone().map(Value::Number));
    put("maximum", c.maximum.clone().map(Value::Number));
    put(
        "exclusiveMinimum",
        c.exclusive_minimum.clone().map(Value::Number),
    );
    put(
        "exclusiveMaximum",
        c.exclusive_maximum.clone().map(Value::Number),
    );
    put("multipleOf", c.multiple_of.clone().map(Value::Number));
    put("minItems", c.min_items.map(Value::from));
    put("maxItems", c.max_items.map(Value::from));
    put("uniqueItems", c.unique_items.then_some(Value::Bool(true)));
    put("const", c.const_value.clone());
    put("default", c.default.clone());
    if let Some(items) = &c.items {
        let schema = property
            .entry("items")
            .or_insert_with(|| Value::Object(Map::new()));
        if let Value::Object(items_schema) = schema {
            add_constraints(items_schema, items);
        }
    }
}

fn merge(into: &mut Map<String, Value>, schema: Value) {
    if let Value::Object(map) = schema {
        for (key, value) in map {
            into.insert(key, value);
        }
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
mod tests {
    use super::*;

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

    #[test]
    fn nullable_widens_simple_types_and_wraps_the_rest() {
        assert_eq!(
            nullable(json!({"type": "string"})),
            json!({"type": ["string", "null"]})
        );
        assert_eq!(
            nullable(json!({"$ref": "A.schema.json"})),
            json!({"anyOf": [{"$ref": "A.schema.json"}, {"type": "null"}]})
        );
        assert_eq!(nullable(json!({})), json!({}));
    }
}
