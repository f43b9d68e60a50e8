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
/// # Errors
///
/// All the errors, each with the JSON Pointer of the offending value.
pub fn parse<T: Model>(text: &str) -> Result<T, ValidationErrors> {
    let typed = crate::strict::from_str_noting_nulls::<T>(text);
    if let Ok((value, false)) = typed {
        value.validate()?;
        return Ok(value);
    }
    let mut json: Value = serde_json::from_str(text).map_err(|error| {
        ValidationErrors(vec![ValidationError {
            path: String::new(),
            rule: "json",
            message: format!("not JSON: {error}"),
        }])
    })?;
    if let Ok((value, true)) = typed {
        // A `null` became `None`, which the typed value cannot tell from an absent property;
        // the check of the JSON decides whether the `null` was allowed, and checks the rest.
        let mut errors = Vec::new();
        T::validate_value(&json, &Location::Root, &mut errors);
        return if errors.is_empty() {
            Ok(value)
        } else {
            Err(ValidationErrors(errors))
        };
    }
    from_value_checked(&mut json)
}

/// Checks a JSON value against `T`'s schema and, when it fits, deserializes it.
///
/// # Errors
///
/// All the errors, each with the JSON Pointer of the offending value.
pub fn from_value_checked<T: Model>(value: &mut Value) -> Result<T, ValidationErrors> {
    let mut errors = Vec::new();
    T::validate_value(value, &Location::Root, &mut errors);
    if !errors.is_empty() {
        return Err(ValidationErrors(errors));
    }
    normalize_integral_floats(value);
    crate::strict::from_value(value.clone()).map_err(|error| {
        ValidationErrors(vec![ValidationError {
            path: error.path.clone(),
            rule: "type",
            message: error.message,
        }])
    })
}
