//! Reading documents into generated models: fast when the document is valid, and every
//! problem with its path when it is not.

use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::checks::normalize_integral_floats;
use crate::shape::{self, ModelShape};
use crate::{Location, Validate, ValidationError, ValidationErrors};

/// A generated model: a type that can check a JSON value against its schema without
/// deserializing it, as well as check itself once deserialized.
pub trait Model: DeserializeOwned + Validate {
    /// The model's shape for checking JSON values: static data that [`shape::check_model`]
    /// interprets.
    fn shape() -> &'static ModelShape;

    /// Checks a JSON value, which sits at `path`, against the model's schema and pushes one
    /// error per broken keyword (by default, [`shape::check_model`] over [`Model::shape`]).
    fn validate_value(value: &Value, path: &Location<'_>, errors: &mut Vec<ValidationError>) {
        shape::check_model(Self::shape(), value, path, errors);
    }

    /// Reads a model from JSON text, or returns every way the text breaks the schema.
    ///
    /// # Errors
    ///
    /// All the errors, each with the JSON Pointer of the offending value.
    fn from_json(text: &str) -> Result<Self, ValidationErrors> {
        parse(text)
    }
}

/// Reads `T` from JSON text: deserializes directly and checks the typed value; only when that
/// fails does it walk the parsed JSON to collect every error with its path.
///
/// Generic only as far as it must be: the checks of the JSON value are not.
///
/// # Errors
///
/// All the errors, each with the JSON Pointer of the offending value.
#[inline]
pub fn parse<T: Model>(text: &str) -> Result<T, ValidationErrors> {
    crate::de::take_nulls();
    match serde_json::from_str::<T>(text) {
        Ok(value) => {
            check_typed(&value, text, T::validate_value)?;
            Ok(value)
        }
        Err(_) => from_value_checked(&mut parse_value(text)?),
    }
}

/// [`parse`] with the value dropped: whether the text is a valid document of `T`.
///
/// # Errors
///
/// As [`parse`].
#[inline]
pub fn check<T: Model>(text: &str) -> Result<(), ValidationErrors> {
    match parse::<T>(text) {
        Ok(_) => Ok(()),
        Err(errors) => Err(errors),
    }
}

/// Checks a value read from `text`: the typed value, unless a `null` was read as an absent
/// property, which only the check of the JSON can judge.
fn check_typed(
    value: &dyn ValidateInto,
    text: &str,
    check: CheckValue,
) -> Result<(), ValidationErrors> {
    if crate::de::take_nulls() {
        // A `null` became `None`, which the typed value cannot tell from an absent property;
        // the check of the JSON decides whether the `null` was allowed, and checks the rest.
        check_value(&parse_value(text)?, check)
    } else {
        let mut errors = Vec::new();
        value.validate_root(&mut errors);
        ValidationErrors::check(errors)
    }
}

/// [`Validate::validate_into`] at the root, as the one method of a trait object: `&dyn
/// Validate` would also instantiate [`Validate::validate`] for every model.
trait ValidateInto {
    /// Checks the value as a whole document.
    fn validate_root(&self, errors: &mut Vec<ValidationError>);
}

impl<T: Validate> ValidateInto for T {
    fn validate_root(&self, errors: &mut Vec<ValidationError>) {
        self.validate_into(&Location::Root, errors);
    }
}

/// Parses `text` as JSON, or the `json` error.
fn parse_value(text: &str) -> Result<Value, ValidationErrors> {
    serde_json::from_str(text).map_err(|error| {
        ValidationErrors(vec![ValidationError {
            path: String::new(),
            rule: "json",
            message: format!("not JSON: {error}"),
        }])
    })
}

/// How a model checks a JSON value: [`Model::validate_value`].
type CheckValue = fn(&Value, &Location<'_>, &mut Vec<ValidationError>);

/// Checks a JSON document against a model's schema.
fn check_value(json: &Value, check: CheckValue) -> Result<(), ValidationErrors> {
    let mut errors = Vec::new();
    check(json, &Location::Root, &mut errors);
    ValidationErrors::check(errors)
}

/// The error of a document that fits the schema but not the Rust type (an integer beyond
/// `i64`, say), read from `text`, the document as [`from_value_checked`] wrote it: on one line,
/// so the error's column finds the offending value.
#[cold]
#[inline(never)]
fn type_error(error: &serde_json::Error, text: &str) -> ValidationErrors {
    let path = match serde_json::from_str::<Value>(text) {
        Ok(json) if error.line() == 1 => {
            let mut found = None;
            find_column(&json, &mut 0, error.column(), &Location::Root, &mut found);
            found.unwrap_or_default()
        }
        _ => String::new(),
    };
    ValidationErrors(vec![ValidationError {
        path,
        rule: "type",
        message: crate::de::message(error),
    }])
}

/// Finds the innermost value of `value`, which sits at `path` and whose text (as
/// `Value::to_string` writes it) starts at byte `*at`, whose text holds the 1-based `column`,
/// or ends just before it; moves `*at` past the value's text.
fn find_column(
    value: &Value,
    at: &mut usize,
    column: usize,
    path: &Location<'_>,
    found: &mut Option<String>,
) {
    let start = *at;
    match value {
        Value::Object(members) => {
            *at += 1;
            for (index, (key, item)) in members.iter().enumerate() {
                *at += usize::from(index > 0) + Value::from(key.as_str()).to_string().len() + 1;
                find_column(item, at, column, &path.key(key), found);
            }
            *at += 1;
        }
        Value::Array(items) => {
            *at += 1;
            for (index, item) in items.iter().enumerate() {
                *at += usize::from(index > 0);
                find_column(item, at, column, &path.index(index), found);
            }
            *at += 1;
        }
        scalar => *at += scalar.to_string().len(),
    }
    if found.is_none() && start < column && column <= *at + 1 {
        *found = Some(path.to_string());
    }
}

/// Checks a JSON value against `T`'s schema and, when it fits, deserializes it.
///
/// # Errors
///
/// All the errors, each with the JSON Pointer of the offending value.
pub fn from_value_checked<T: Model>(value: &mut Value) -> Result<T, ValidationErrors> {
    check_value(value, T::validate_value)?;
    // As the model's type reads it: integral floats as integers.
    normalize_integral_floats(value);
    let text = value.to_string();
    serde_json::from_str::<T>(&text).map_err(|error| type_error(&error, &text))
}
