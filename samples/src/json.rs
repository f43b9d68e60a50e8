//! Helpers for JSON values and places in documents: equality, kinds, pointers and how they
//! are shown in descriptions.

use std::cmp::Ordering;

use serde_json::Value;

use modelgen::examples::pointer_escape;
use modelgen::ir::{ModelSet, Type};

use crate::numbers::num_cmp;

/// Equality as JSON Schema sees it: numbers compare by value.
pub(crate) fn json_eq(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => num_cmp(x, y) == Some(Ordering::Equal),
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(a, b)| json_eq(a, b))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len()
                && x.iter()
                    .all(|(k, v)| y.get(k).is_some_and(|other| json_eq(v, other)))
        }
        _ => a == b,
    }
}

/// The JSON kind of a value, with its article, for descriptions.
pub(crate) fn kind_name(value: &Value) -> &'static str {
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

/// The value as compact JSON, cut to a readable length.
pub(crate) fn compact(value: &Value) -> String {
    let text = value.to_string();
    if text.chars().count() <= 60 {
        text
    } else {
        let mut cut: String = text.chars().take(57).collect();
        cut.push_str("...");
        cut
    }
}

/// A JSON Pointer for descriptions: the empty one is "the document".
pub(crate) fn shown(pointer: &str) -> String {
    if pointer.is_empty() {
        "the document".to_owned()
    } else {
        pointer.to_owned()
    }
}

/// The pointer to member `key` of the value at `path`.
pub(crate) fn child(path: &str, key: &str) -> String {
    format!("{path}/{}", pointer_escape(key))
}

/// A type as descriptions name it.
pub(crate) fn type_name(models: &ModelSet, ty: &Type) -> String {
    match ty {
        Type::String => "string".into(),
        Type::Integer => "integer".into(),
        Type::Number => "number".into(),
        Type::Boolean => "boolean".into(),
        Type::Any => "any".into(),
        Type::DateTime => "date-time string".into(),
        Type::Date => "date string".into(),
        Type::Array(inner) => format!("array of {}", type_name(models, inner)),
        Type::Map(inner) => format!("map of {}", type_name(models, inner)),
        Type::Nullable(inner) => format!("{} or null", type_name(models, inner)),
        Type::Model(id) => match models.models.get(id.0) {
            Some(model) => format!("`{}`", model.name),
            None => "an unknown model".into(),
        },
    }
}

/// The type inside any `Nullable` wrappers, and whether it may be null.
pub(crate) fn unwrap_nullable(ty: &Type, nullable: bool) -> (&Type, bool) {
    let mut ty = ty;
    let mut nullable = nullable;
    while let Type::Nullable(inner) = ty {
        ty = inner;
        nullable = true;
    }
    (ty, nullable)
}

/// `s` cut or padded (repeating its last character) to `n` characters.
pub(crate) fn resize(s: &str, n: usize) -> String {
    let count = s.chars().count();
    if count >= n {
        return s.chars().take(n).collect();
    }
    let last = s.chars().last().unwrap_or('a');
    let mut out = s.to_owned();
    out.extend(std::iter::repeat_n(last, n - count));
    out
}
