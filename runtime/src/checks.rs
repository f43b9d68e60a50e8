//! The checks that generated validation calls, one function per JSON Schema keyword or
//! shape. Each pushes an error naming the keyword onto `errors` when the value breaks it.

use serde_json::{Map, Number, Value};

use crate::{char_count, compare, is_integer, is_multiple_of, json_equal, unique_items};
use crate::{JsonPointer, Pattern, ValidationError};

fn push(
    errors: &mut Vec<ValidationError>,
    path: &JsonPointer,
    rule: &'static str,
    message: String,
) {
    errors.push(ValidationError::new(path, rule, message));
}

/// What kind of JSON value this is, for messages.
pub fn kind_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(n) if is_integer(n) => "an integer",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

fn wrong_type(
    value: &Value,
    expected: &str,
    path: &JsonPointer,
    errors: &mut Vec<ValidationError>,
) {
    push(
        errors,
        path,
        "type",
        format!("expected {expected}, found {}", kind_of(value)),
    );
}

/// The string, or a `type` error.
pub fn expect_string<'v>(
    value: &'v Value,
    path: &JsonPointer,
    errors: &mut Vec<ValidationError>,
) -> Option<&'v str> {
    let text = value.as_str();
    if text.is_none() {
        wrong_type(value, "a string", path, errors);
    }
    text
}

/// The number if it is an integer (`1.0` counts, as in JSON Schema), or a `type` error.
pub fn expect_integer<'v>(
    value: &'v Value,
    path: &JsonPointer,
    errors: &mut Vec<ValidationError>,
) -> Option<&'v Number> {
    match value {
        Value::Number(n) if is_integer(n) => Some(n),
        _ => {
            wrong_type(value, "an integer", path, errors);
            None
        }
    }
}

/// The number, or a `type` error.
pub fn expect_number<'v>(
    value: &'v Value,
    path: &JsonPointer,
    errors: &mut Vec<ValidationError>,
) -> Option<&'v Number> {
    let number = value.as_number();
    if number.is_none() {
        wrong_type(value, "a number", path, errors);
    }
    number
}

/// A `type` error unless the value is a boolean.
pub fn expect_bool(value: &Value, path: &JsonPointer, errors: &mut Vec<ValidationError>) {
    if !value.is_boolean() {
        wrong_type(value, "a boolean", path, errors);
    }
}

/// The array, or a `type` error.
pub fn expect_array<'v>(
    value: &'v Value,
    path: &JsonPointer,
    errors: &mut Vec<ValidationError>,
) -> Option<&'v Vec<Value>> {
    let items = value.as_array();
    if items.is_none() {
        wrong_type(value, "an array", path, errors);
    }
    items
}

/// The object, or a `type` error.
pub fn expect_object<'v>(
    value: &'v Value,
    path: &JsonPointer,
    errors: &mut Vec<ValidationError>,
) -> Option<&'v Map<String, Value>> {
    let object = value.as_object();
    if object.is_none() {
        wrong_type(value, "an object", path, errors);
    }
    object
}

/// A `required` error for the property `key` missing from the object at `path`.
pub fn required(key: &str, path: &JsonPointer, errors: &mut Vec<ValidationError>) {
    push(
        errors,
        path,
        "required",
        format!("the required property `{key}` is missing"),
    );
}

/// An `enum` error: the value is none of `allowed`.
pub fn not_in_enum(
    value: &Value,
    allowed: &str,
    path: &JsonPointer,
    errors: &mut Vec<ValidationError>,
) {
    push(
        errors,
        path,
        "enum",
        format!("{value} is not one of {allowed}"),
    );
}

/// An `anyOf` error: the value fits none of a union's variants.
pub fn no_variant(union: &str, path: &JsonPointer, errors: &mut Vec<ValidationError>) {
    push(
        errors,
        path,
        "anyOf",
        format!("the value fits none of the variants of `{union}`"),
    );
}

/// The integer value of a JSON number with no fractional part.
pub fn integer_value(value: &Value) -> Option<i64> {
    let n = value.as_number()?;
    if let Some(i) = n.as_i64() {
        return Some(i);
    }
    let f = n.as_f64()?;
    // The range check keeps the cast exact.
    (f.fract() == 0.0 && (-9.223_372_036_854_776e18..9.223_372_036_854_776e18).contains(&f))
        .then_some(f as i64)
}

/// `minLength`, counting characters as JSON Schema does.
pub fn min_length(value: &str, min: u64, path: &JsonPointer, errors: &mut Vec<ValidationError>) {
    if (char_count(value) as u64) < min {
        push(
            errors,
            path,
            "minLength",
            format!("{:?} is shorter than {min} characters", value),
        );
    }
}

/// `maxLength`, counting characters as JSON Schema does.
pub fn max_length(value: &str, max: u64, path: &JsonPointer, errors: &mut Vec<ValidationError>) {
    if (char_count(value) as u64) > max {
        push(
            errors,
            path,
            "maxLength",
            format!("{:?} is longer than {max} characters", value),
        );
    }
}

/// `pattern`: the expression must match somewhere in the string.
pub fn pattern(
    value: &str,
    pattern: &Pattern,
    source: &str,
    path: &JsonPointer,
    errors: &mut Vec<ValidationError>,
) {
    if !pattern.is_match(value) {
        push(
            errors,
            path,
            "pattern",
            format!("{:?} does not match `{source}`", value),
        );
    }
}

/// `format`: `holds` decides whether the string is in the format called `name`.
pub fn format(
    value: &str,
    name: &str,
    holds: fn(&str) -> bool,
    path: &JsonPointer,
    errors: &mut Vec<ValidationError>,
) {
    if !holds(value) {
        push(
            errors,
            path,
            "format",
            format!("{:?} is not a valid {name}", value),
        );
    }
}

/// `minimum`.
pub fn minimum(
    value: &Number,
    limit: &Number,
    path: &JsonPointer,
    errors: &mut Vec<ValidationError>,
) {
    if compare(value, limit).is_lt() {
        push(
            errors,
            path,
            "minimum",
            format!("{value} is less than the minimum {limit}"),
        );
    }
}

/// `maximum`.
pub fn maximum(
    value: &Number,
    limit: &Number,
    path: &JsonPointer,
    errors: &mut Vec<ValidationError>,
) {
    if compare(value, limit).is_gt() {
        push(
            errors,
            path,
            "maximum",
            format!("{value} is greater than the maximum {limit}"),
        );
    }
}

/// `exclusiveMinimum`.
pub fn exclusive_minimum(
    value: &Number,
    limit: &Number,
    path: &JsonPointer,
    errors: &mut Vec<ValidationError>,
) {
    if compare(value, limit).is_le() {
        push(
            errors,
            path,
            "exclusiveMinimum",
            format!("{value} is not greater than {limit}"),
        );
    }
}

/// `exclusiveMaximum`.
pub fn exclusive_maximum(
    value: &Number,
    limit: &Number,
    path: &JsonPointer,
    errors: &mut Vec<ValidationError>,
) {
    if compare(value, limit).is_ge() {
        push(
            errors,
            path,
            "exclusiveMaximum",
            format!("{value} is not less than {limit}"),
        );
    }
}

/// `multipleOf`.
pub fn multiple_of(
    value: &Number,
    divisor: &Number,
    path: &JsonPointer,
    errors: &mut Vec<ValidationError>,
) {
    if !is_multiple_of(value, divisor) {
        push(
            errors,
            path,
            "multipleOf",
            format!("{value} is not a multiple of {divisor}"),
        );
    }
}

/// `minItems`.
pub fn min_items(count: usize, min: u64, path: &JsonPointer, errors: &mut Vec<ValidationError>) {
    if (count as u64) < min {
        push(
            errors,
            path,
            "minItems",
            format!("the list has {count} items, fewer than {min}"),
        );
    }
}

/// `maxItems`.
pub fn max_items(count: usize, max: u64, path: &JsonPointer, errors: &mut Vec<ValidationError>) {
    if (count as u64) > max {
        push(
            errors,
            path,
            "maxItems",
            format!("the list has {count} items, more than {max}"),
        );
    }
}

/// `uniqueItems` over JSON values.
pub fn unique_values(items: &[Value], path: &JsonPointer, errors: &mut Vec<ValidationError>) {
    if !unique_items(items) {
        push(
            errors,
            path,
            "uniqueItems",
            "the list repeats an item".to_owned(),
        );
    }
}

/// `uniqueItems` over typed items, compared as the JSON they serialize to.
pub fn unique_typed<T: serde::Serialize>(
    items: &[T],
    path: &JsonPointer,
    errors: &mut Vec<ValidationError>,
) {
    let values: Vec<Value> = items
        .iter()
        .filter_map(|item| serde_json::to_value(item).ok())
        .collect();
    unique_values(&values, path, errors);
}

/// `const` over a JSON value.
pub fn constant_value(
    value: &Value,
    expected: &Value,
    path: &JsonPointer,
    errors: &mut Vec<ValidationError>,
) {
    if !json_equal(value, expected) {
        push(
            errors,
            path,
            "const",
            format!("{value} is not the constant {expected}"),
        );
    }
}

/// `const` over a typed value, compared as the JSON it serializes to.
pub fn constant_typed<T: serde::Serialize>(
    value: &T,
    expected: &Value,
    path: &JsonPointer,
    errors: &mut Vec<ValidationError>,
) {
    let value = serde_json::to_value(value).unwrap_or(Value::Null);
    constant_value(&value, expected, path, errors);
}

/// The JSON number of a Rust `f64`, or `None` for NaN and infinities (which JSON cannot hold).
pub fn number_of_f64(value: f64) -> Option<Number> {
    Number::from_f64(value)
}

/// Rewrites numbers like `3.0` as `3` throughout a value, so that they deserialize into
/// integer fields (JSON Schema counts them as integers; serde does not).
pub fn normalize_integral_floats(value: &mut Value) {
    match value {
        Value::Number(n) if n.is_f64() => {
            if let Some(i) = integer_value(&Value::Number(n.clone())) {
                *n = Number::from(i);
            }
        }
        Value::Array(items) => items.iter_mut().for_each(normalize_integral_floats),
        Value::Object(entries) => entries.values_mut().for_each(normalize_integral_floats),
        _ => {}
    }
}
