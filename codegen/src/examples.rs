//! Example values: whether a JSON value fits a type the way the generated Rust reads it, and
//! each object's whole example built from its fields' Example cells.

use serde_json::{Map, Value};

use crate::ir::{EnumRepr, Model, ModelKind, ModelSet, Type};

/// Checks that `value` deserializes into `ty`; the error says where and why not.
pub fn conforms(value: &Value, ty: &Type, models: &[Model]) -> Result<(), String> {
    conforms_at(value, ty, models, "")
}

fn conforms_at(value: &Value, ty: &Type, models: &[Model], path: &str) -> Result<(), String> {
    let fail = |expected: &str| {
        Err(format!(
            "{} is {}, expected {expected}",
            location(path),
            kind_of(value)
        ))
    };
    match ty {
        Type::String | Type::DateTime | Type::Date => {
            if value.is_string() {
                Ok(())
            } else {
                fail("a string")
            }
        }
        Type::Integer => {
            if value.is_i64() {
                Ok(())
            } else {
                fail("an integer")
            }
        }
        Type::Number => {
            if value.is_number() {
                Ok(())
            } else {
                fail("a number")
            }
        }
        Type::Boolean => {
            if value.is_boolean() {
                Ok(())
            } else {
                fail("a boolean")
            }
        }
        Type::Any => Ok(()),
        Type::Nullable(inner) => {
            if value.is_null() {
                Ok(())
            } else {
                conforms_at(value, inner, models, path)
            }
        }
        Type::Array(inner) => {
            let Value::Array(items) = value else {
                return fail("an array");
            };
            items
                .iter()
                .enumerate()
                .try_for_each(|(i, item)| conforms_at(item, inner, models, &format!("{path}/{i}")))
        }
        Type::Map(inner) => {
            let Value::Object(entries) = value else {
                return fail("an object");
            };
            entries.iter().try_for_each(|(key, item)| {
                conforms_at(
                    item,
                    inner,
                    models,
                    &format!("{path}/{}", pointer_escape(key)),
                )
            })
        }
        Type::Model(id) => {
            let model = &models[id.0];
            match &model.kind {
                ModelKind::Any => Ok(()),
                ModelKind::Object(object) => {
                    let Value::Object(entries) = value else {
                        return fail(&format!("an object (`{}`)", model.name));
                    };
                    for field in &object.fields {
                        let field_path = format!("{path}/{}", pointer_escape(&field.wire_name));
                        match entries.get(&field.wire_name) {
                            None if field.required => {
                                return Err(format!(
                                    "{} lacks the required property `{}`",
                                    location(path),
                                    field.wire_name
                                ))
                            }
                            None => {}
                            Some(Value::Null) if field.nullable => {}
                            Some(item) => conforms_at(item, &field.ty, models, &field_path)?,
                        }
                    }
                    Ok(())
                }
                ModelKind::Enum(e) => {
                    let known = e.values.iter().any(|v| &v.value == value);
                    let open_fits = e.open
                        && match e.repr {
                            EnumRepr::String => value.is_string(),
                            EnumRepr::Integer => value.is_i64(),
                        };
                    if known || open_fits {
                        Ok(())
                    } else {
                        let allowed: Vec<String> =
                            e.values.iter().map(|v| v.value.to_string()).collect();
                        Err(format!(
                            "{} is {value}, expected one of {}",
                            location(path),
                            allowed.join(", ")
                        ))
                    }
                }
                ModelKind::Union(union) => {
                    let mut reasons = Vec::new();
                    for variant in &union.variants {
                        match conforms_at(value, &variant.ty, models, path) {
                            Ok(()) => return Ok(()),
                            Err(reason) => reasons.push(reason),
                        }
                    }
                    Err(format!(
                        "{} fits no variant of `{}` ({})",
                        location(path),
                        model.name,
                        reasons.join("; ")
                    ))
                }
            }
        }
    }
}

fn location(path: &str) -> String {
    if path.is_empty() {
        "the value".to_owned()
    } else {
        format!("`{path}`")
    }
}

fn kind_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(n) if n.is_i64() || n.is_u64() => "an integer",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
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
