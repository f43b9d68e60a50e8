//! The checks that generated validation calls, one function per JSON Schema keyword or
//! shape. Each pushes an error naming the keyword onto `errors` when the value breaks it.
//!
//! The checks are cheap when the value is fine: the decision is inlined into the caller and the
//! error (its message and the text of its [`Location`]) is only built when there is one.

use serde_json::{Number, Value};

use crate::{compare, is_integer, is_multiple_of, json_equal, unique_items};
use crate::{Location, Pattern, UnfinishedMatch, ValidationError};

// ----- decisions (shared with the interpreter in `shape`) -----

/// Whether `value` has at least `min` characters (code points). The byte length settles most
/// cases: a string has at most one character per byte and at least one per four bytes.
#[inline]
pub(crate) fn has_min_length(value: &str, min: u64) -> bool {
    let bytes = value.len() as u64;
    if bytes < min {
        false
    } else if bytes.div_ceil(4) >= min {
        true
    } else {
        value.chars().count() as u64 >= min
    }
}

/// Whether `value` has at most `max` characters (code points); see [`has_min_length`].
#[inline]
pub(crate) fn has_max_length(value: &str, max: u64) -> bool {
    let bytes = value.len() as u64;
    if bytes <= max {
        true
    } else if bytes.div_ceil(4) > max {
        false
    } else {
        value.chars().count() as u64 <= max
    }
}

// ----- error builders (cold: only run when a check fails) -----

#[cold]
#[inline(never)]
pub(crate) fn wrong_type_error(
    value: &Value,
    expected: &str,
    path: &Location<'_>,
) -> ValidationError {
    ValidationError::new(
        path,
        "type",
        format!("expected {expected}, found {}", kind_of(value)),
    )
}

#[cold]
#[inline(never)]
pub(crate) fn required_error(key: &str, path: &Location<'_>) -> ValidationError {
    ValidationError::new(
        path,
        "required",
        format!("the required property `{key}` is missing"),
    )
}

#[cold]
#[inline(never)]
pub(crate) fn not_in_enum_error(
    value: &Value,
    allowed: &str,
    path: &Location<'_>,
) -> ValidationError {
    ValidationError::new(path, "enum", format!("{value} is not one of {allowed}"))
}

#[cold]
#[inline(never)]
pub(crate) fn no_variant_error(union: &str, path: &Location<'_>) -> ValidationError {
    ValidationError::new(
        path,
        "anyOf",
        format!("the value fits none of the variants of `{union}`"),
    )
}

#[cold]
#[inline(never)]
pub(crate) fn min_length_error(value: &str, min: u64, path: &Location<'_>) -> ValidationError {
    ValidationError::new(
        path,
        "minLength",
        format!("{value:?} is shorter than {min} characters"),
    )
}

#[cold]
#[inline(never)]
pub(crate) fn max_length_error(value: &str, max: u64, path: &Location<'_>) -> ValidationError {
    ValidationError::new(
        path,
        "maxLength",
        format!("{value:?} is longer than {max} characters"),
    )
}

#[cold]
#[inline(never)]
pub(crate) fn pattern_error(value: &str, source: &str, path: &Location<'_>) -> ValidationError {
    ValidationError::new(
        path,
        "pattern",
        format!("{value:?} does not match `{source}`"),
    )
}

/// The error of a string that `source` could not be matched against: the document is rejected,
/// since the string neither matches nor fails to match. Only the start of a long string is
/// quoted.
#[cold]
#[inline(never)]
pub(crate) fn unfinished_pattern_error(
    value: &str,
    source: &str,
    why: UnfinishedMatch,
    path: &Location<'_>,
) -> ValidationError {
    const QUOTED: usize = 64;
    let message = match value.char_indices().nth(QUOTED) {
        Some((end, _)) => format!(
            "{:?}… ({} bytes) could not be checked against `{source}`: {why}",
            &value[..end],
            value.len()
        ),
        None => format!("{value:?} could not be checked against `{source}`: {why}"),
    };
    ValidationError::new(path, "pattern", message)
}

#[cold]
#[inline(never)]
pub(crate) fn format_error(value: &str, name: &str, path: &Location<'_>) -> ValidationError {
    ValidationError::new(path, "format", format!("{value:?} is not a valid {name}"))
}

/// The error of a broken number keyword (`minimum` … `multipleOf`).
#[cold]
#[inline(never)]
pub(crate) fn number_error(
    rule: &'static str,
    value: &Number,
    limit: &Number,
    path: &Location<'_>,
) -> ValidationError {
    let message = match rule {
        "minimum" => format!("{value} is less than the minimum {limit}"),
        "maximum" => format!("{value} is greater than the maximum {limit}"),
        "exclusiveMinimum" => format!("{value} is not greater than {limit}"),
        "exclusiveMaximum" => format!("{value} is not less than {limit}"),
        _ => format!("{value} is not a multiple of {limit}"),
    };
    ValidationError::new(path, rule, message)
}

#[cold]
#[inline(never)]
pub(crate) fn min_items_error(count: usize, min: u64, path: &Location<'_>) -> ValidationError {
    ValidationError::new(
        path,
        "minItems",
        format!("the list has {count} items, fewer than {min}"),
    )
}

#[cold]
#[inline(never)]
pub(crate) fn max_items_error(count: usize, max: u64, path: &Location<'_>) -> ValidationError {
    ValidationError::new(
        path,
        "maxItems",
        format!("the list has {count} items, more than {max}"),
    )
}

#[cold]
#[inline(never)]
pub(crate) fn unique_items_error(path: &Location<'_>) -> ValidationError {
    ValidationError::new(path, "uniqueItems", "the list repeats an item")
}

#[cold]
#[inline(never)]
pub(crate) fn constant_error(
    value: &Value,
    expected: &Value,
    path: &Location<'_>,
) -> ValidationError {
    ValidationError::new(
        path,
        "const",
        format!("{value} is not the constant {expected}"),
    )
}

// ----- the checks -----

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

/// `minLength`, counting characters (code points) as JSON Schema does.
#[inline]
pub fn min_length(value: &str, min: u64, path: &Location<'_>, errors: &mut Vec<ValidationError>) {
    if !has_min_length(value, min) {
        errors.push(min_length_error(value, min, path));
    }
}

/// `maxLength`, counting characters (code points) as JSON Schema does.
#[inline]
pub fn max_length(value: &str, max: u64, path: &Location<'_>, errors: &mut Vec<ValidationError>) {
    if !has_max_length(value, max) {
        errors.push(max_length_error(value, max, path));
    }
}

/// `pattern`: the expression must match somewhere in the string; `source` is the expression as
/// written, for the message. A match the engine gives up on ([`UnfinishedMatch`]) is an error
/// too.
#[inline]
pub fn pattern(
    value: &str,
    pattern: &Pattern,
    source: &str,
    path: &Location<'_>,
    errors: &mut Vec<ValidationError>,
) {
    match pattern.is_match(value) {
        Ok(true) => {}
        Ok(false) => errors.push(pattern_error(value, source, path)),
        Err(why) => errors.push(unfinished_pattern_error(value, source, why, path)),
    }
}

/// `format`: `holds` decides whether the string is in the format called `name`.
#[inline]
pub fn format(
    value: &str,
    name: &str,
    holds: fn(&str) -> bool,
    path: &Location<'_>,
    errors: &mut Vec<ValidationError>,
) {
    if !holds(value) {
        errors.push(format_error(value, name, path));
    }
}

/// `minimum`.
#[inline]
pub fn minimum(
    value: &Number,
    limit: &Number,
    path: &Location<'_>,
    errors: &mut Vec<ValidationError>,
) {
    if compare(value, limit).is_lt() {
        errors.push(number_error("minimum", value, limit, path));
    }
}

/// `maximum`.
#[inline]
pub fn maximum(
    value: &Number,
    limit: &Number,
    path: &Location<'_>,
    errors: &mut Vec<ValidationError>,
) {
    if compare(value, limit).is_gt() {
        errors.push(number_error("maximum", value, limit, path));
    }
}

/// `exclusiveMinimum`.
#[inline]
pub fn exclusive_minimum(
    value: &Number,
    limit: &Number,
    path: &Location<'_>,
    errors: &mut Vec<ValidationError>,
) {
    if compare(value, limit).is_le() {
        errors.push(number_error("exclusiveMinimum", value, limit, path));
    }
}

/// `exclusiveMaximum`.
#[inline]
pub fn exclusive_maximum(
    value: &Number,
    limit: &Number,
    path: &Location<'_>,
    errors: &mut Vec<ValidationError>,
) {
    if compare(value, limit).is_ge() {
        errors.push(number_error("exclusiveMaximum", value, limit, path));
    }
}

/// `multipleOf`.
#[inline]
pub fn multiple_of(
    value: &Number,
    divisor: &Number,
    path: &Location<'_>,
    errors: &mut Vec<ValidationError>,
) {
    if !is_multiple_of(value, divisor) {
        errors.push(number_error("multipleOf", value, divisor, path));
    }
}

/// `minItems`.
#[inline]
pub fn min_items(count: usize, min: u64, path: &Location<'_>, errors: &mut Vec<ValidationError>) {
    if (count as u64) < min {
        errors.push(min_items_error(count, min, path));
    }
}

/// `maxItems`.
#[inline]
pub fn max_items(count: usize, max: u64, path: &Location<'_>, errors: &mut Vec<ValidationError>) {
    if (count as u64) > max {
        errors.push(max_items_error(count, max, path));
    }
}

/// `uniqueItems` over JSON values.
#[inline]
pub fn unique_values(items: &[Value], path: &Location<'_>, errors: &mut Vec<ValidationError>) {
    if !unique_items(items) {
        errors.push(unique_items_error(path));
    }
}

/// `uniqueItems` over typed items, compared as the JSON they serialize to.
pub fn unique_typed<T: serde::Serialize>(
    items: &[T],
    path: &Location<'_>,
    errors: &mut Vec<ValidationError>,
) {
    if items.len() < 2 {
        return;
    }
    let values: Vec<Value> = items
        .iter()
        .filter_map(|item| serde_json::to_value(item).ok())
        .collect();
    unique_values(&values, path, errors);
}

/// `const` over a JSON value.
#[inline]
pub fn constant_value(
    value: &Value,
    expected: &Value,
    path: &Location<'_>,
    errors: &mut Vec<ValidationError>,
) {
    if !json_equal(value, expected) {
        errors.push(constant_error(value, expected, path));
    }
}

/// `const` over a typed value, compared as the JSON it serializes to.
pub fn constant_typed<T: serde::Serialize>(
    value: &T,
    expected: &Value,
    path: &Location<'_>,
    errors: &mut Vec<ValidationError>,
) {
    let value = serde_json::to_value(value).unwrap_or(Value::Null);
    constant_value(&value, expected, path, errors);
}

/// The JSON number of a Rust `f64`, or `None` for NaN and infinities (which JSON cannot hold).
#[inline]
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
