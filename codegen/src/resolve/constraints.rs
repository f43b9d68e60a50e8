//! The Constraints column: JSON Schema keywords a spec author adds to a field, checked for
//! syntax, for fitting the field's type, and for contradicting each other.

use serde_json::{Map, Number, Value};

use crate::diagnostic::Diagnostic;
use crate::examples::{check_shape, type_shape, Patterns};
use crate::ir::{Constraints, Format, Model, Type};
use crate::read::Cell;

/// Keywords the Constraints column understands, for help texts.
pub const KEYWORDS: &[&str] = &[
    "type",
    "format",
    "minLength",
    "maxLength",
    "pattern",
    "minimum",
    "maximum",
    "exclusiveMinimum",
    "exclusiveMaximum",
    "multipleOf",
    "minItems",
    "maxItems",
    "uniqueItems",
    "const",
    "default",
    "items",
];

/// What kind of JSON value a type holds, for deciding which keywords apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    String,
    Number,
    Array,
    Other,
}

fn shape(ty: &Type) -> Shape {
    match ty {
        Type::String | Type::DateTime | Type::Date => Shape::String,
        Type::Integer | Type::Number => Shape::Number,
        Type::Array(_) => Shape::Array,
        Type::Nullable(inner) => shape(inner),
        _ => Shape::Other,
    }
}

/// Parses a Constraints cell for a field of type `ty`. Returns the constraints and, when the
/// cell refines the type (`"type": "integer"` on a TypeScript `number`), the new type.
pub(super) fn parse_constraints(
    cell: &Cell,
    ty: &Type,
    models: &[Model],
    patterns: &Patterns,
) -> Result<(Constraints, Option<Type>), Box<Diagnostic>> {
    let text = cell.value.trim();
    if text.is_empty() {
        return Ok((Constraints::default(), None));
    }
    let text = text.replace("\\|", "|");
    let wrapped = if text.starts_with('{') {
        text.clone()
    } else {
        format!("{{{text}}}")
    };
    let map: Map<String, Value> = serde_json::from_str(&wrapped).map_err(|error| {
        Box::new(
            Diagnostic::error(cell.span.clone(), format!("the Constraints cell is not a JSON object: {error}"))
                .with_help("write JSON Schema keywords as JSON, such as `{\"minLength\": 1, \"format\": \"email\"}`; escape `|` as `\\|`"),
        )
    })?;
    let error = |message: String, help: &str| {
        Box::new(Diagnostic::error(cell.span.clone(), message).with_help(help.to_owned()))
    };
    let mut refined = None;
    if let Some(value) = map.get("type") {
        let base = strip_nullable(ty);
        refined = Some(match (value.as_str(), base) {
            (Some("integer"), Type::Number | Type::Integer) => rewrap(ty, Type::Integer),
            (Some("number"), Type::Number | Type::Integer) => rewrap(ty, Type::Number),
            (Some("string"), Type::String | Type::DateTime | Type::Date) => ty.clone(),
            (Some("boolean"), Type::Boolean) => ty.clone(),
            _ => {
                return Err(error(
                    format!("`\"type\": {value}` contradicts the field's type"),
                    "`type` can narrow a `number` to `\"integer\"`; other types come from the Type column",
                ))
            }
        });
    }
    let effective = refined.clone().unwrap_or_else(|| ty.clone());
    let constraints = constraints_from_map(&map, &effective, models, patterns, &error)?;
    Ok((constraints, refined))
}

fn strip_nullable(ty: &Type) -> &Type {
    match ty {
        Type::Nullable(inner) => strip_nullable(inner),
        other => other,
    }
}

fn rewrap(original: &Type, base: Type) -> Type {
    match original {
        Type::Nullable(inner) => Type::Nullable(Box::new(rewrap(inner, base))),
        _ => base,
    }
}

type ErrorFn<'a> = dyn Fn(String, &str) -> Box<Diagnostic> + 'a;

fn constraints_from_map(
    map: &Map<String, Value>,
    ty: &Type,
    models: &[Model],
    patterns: &Patterns,
    error: &ErrorFn,
) -> Result<Constraints, Box<Diagnostic>> {
    let field_shape = shape(ty);
    let mut c = Constraints::default();
    for (key, value) in map {
        let needs = |wanted: Shape, what: &str| -> Result<(), Box<Diagnostic>> {
            if field_shape == wanted {
                Ok(())
            } else {
                Err(error(
                    format!("`{key}` applies to {what}, but this field is not one"),
                    "remove the keyword, or change the field's type",
                ))
            }
        };
        let count = || -> Result<u64, Box<Diagnostic>> {
            value.as_u64().ok_or_else(|| {
                error(
                    format!("`{key}` must be a non-negative integer, not {value}"),
                    "write a count such as `1`",
                )
            })
        };
        let number = || -> Result<Number, Box<Diagnostic>> {
            match value {
                Value::Number(n) => Ok(n.clone()),
                _ => Err(error(
                    format!("`{key}` must be a number, not {value}"),
                    "write a number such as `0` or `2.5`",
                )),
            }
        };
        match key.as_str() {
            "type" => {}
            "format" => {
                needs(Shape::String, "strings")?;
                let name = value.as_str().unwrap_or_default();
                let format = Format::from_name(name).ok_or_else(|| {
                    let known: Vec<&str> = Format::ALL.iter().map(|f| f.name()).collect();
                    error(
                        format!("unknown format {value}"),
                        &format!("known formats: {}", known.join(", ")),
                    )
                })?;
                let implied = match strip_nullable(ty) {
                    Type::DateTime => Some(Format::DateTime),
                    Type::Date => Some(Format::Date),
                    _ => None,
                };
                if implied.is_some_and(|f| f != format) {
                    return Err(error(
                        format!("`\"format\": {value}` contradicts the field's date type"),
                        "a date-time or date field already has its format",
                    ));
                }
                c.format = Some(format);
            }
            "minLength" => {
                needs(Shape::String, "strings")?;
                c.min_length = Some(count()?);
            }
            "maxLength" => {
                needs(Shape::String, "strings")?;
                c.max_length = Some(count()?);
            }
            "pattern" => {
                needs(Shape::String, "strings")?;
                let pattern = value.as_str().ok_or_else(|| {
                    error(
                        format!("`pattern` must be a string, not {value}"),
                        "write an ECMAScript regular expression as a JSON string",
                    )
                })?;
                patterns.check_syntax(pattern).map_err(|why| {
                    error(
                        format!("`pattern` is not a valid ECMAScript regular expression: {why}"),
                        "JSON Schema patterns use ECMAScript syntax; backslashes are doubled inside JSON strings (`\"\\\\d+\"`)",
                    )
                })?;
                c.pattern = Some(pattern.to_owned());
            }
            "minimum" | "maximum" | "exclusiveMinimum" | "exclusiveMaximum" | "multipleOf" => {
                needs(Shape::Number, "numbers")?;
                let n = number()?;
                match key.as_str() {
                    "minimum" => c.minimum = Some(n),
                    "maximum" => c.maximum = Some(n),
                    "exclusiveMinimum" => c.exclusive_minimum = Some(n),
                    "exclusiveMaximum" => c.exclusive_maximum = Some(n),
                    _ => {
                        if n.as_f64().is_none_or(|f| f <= 0.0) {
                            return Err(error(
                                format!("`multipleOf` must be greater than 0, not {n}"),
                                "write a positive number",
                            ));
                        }
                        c.multiple_of = Some(n);
                    }
                }
            }
            "minItems" => {
                needs(Shape::Array, "lists")?;
                c.min_items = Some(count()?);
            }
            "maxItems" => {
                needs(Shape::Array, "lists")?;
                c.max_items = Some(count()?);
            }
            "uniqueItems" => {
                needs(Shape::Array, "lists")?;
                c.unique_items = value.as_bool().ok_or_else(|| {
                    error(
                        format!("`uniqueItems` must be true or false, not {value}"),
                        "write `true`",
                    )
                })?;
            }
            "items" => {
                needs(Shape::Array, "lists")?;
                let Type::Array(item_type) = strip_nullable(ty) else {
                    return Err(error(
                        "`items` applies to lists".into(),
                        "remove the keyword",
                    ));
                };
                let Value::Object(inner) = value else {
                    return Err(error(
                        format!("`items` must be an object of keywords, not {value}"),
                        "write `\"items\": {\"maxLength\": 10}`",
                    ));
                };
                let nested = constraints_from_map(inner, item_type, models, patterns, error)?;
                c.items = Some(Box::new(nested));
            }
            "const" | "default" => {
                check_shape(&type_shape(ty, None, models, patterns), value).map_err(|why| {
                    error(
                        format!("`{key}` does not fit the field's type: {why}"),
                        "give a value of the field's type",
                    )
                })?;
                if key == "const" {
                    c.const_value = Some(value.clone());
                } else {
                    c.default = Some(value.clone());
                }
            }
            other => {
                return Err(error(
                    format!("unknown constraint keyword `{other}`"),
                    &format!("known keywords: {}", KEYWORDS.join(", ")),
                ))
            }
        }
    }
    check_contradictions(&c, error)?;
    for (keyword, value) in [("const", &c.const_value), ("default", &c.default)] {
        if let Some(value) = value {
            if let Err(why) = check_shape(&type_shape(ty, Some(&c), models, patterns), value) {
                return Err(error(
                    format!("`{keyword}` breaks the field's own constraints: {why}"),
                    "make the value satisfy the other keywords",
                ));
            }
        }
    }
    Ok(c)
}

fn check_contradictions(c: &Constraints, error: &ErrorFn) -> Result<(), Box<Diagnostic>> {
    let f = |n: &Option<Number>| n.as_ref().and_then(Number::as_f64);
    if let (Some(min), Some(max)) = (c.min_length, c.max_length) {
        if min > max {
            return Err(error(
                format!("`minLength` {min} is greater than `maxLength` {max}"),
                "no string could satisfy both",
            ));
        }
    }
    if let (Some(min), Some(max)) = (c.min_items, c.max_items) {
        if min > max {
            return Err(error(
                format!("`minItems` {min} is greater than `maxItems` {max}"),
                "no list could satisfy both",
            ));
        }
    }
    let lower = [
        (f(&c.minimum), false, "minimum"),
        (f(&c.exclusive_minimum), true, "exclusiveMinimum"),
    ];
    let upper = [
        (f(&c.maximum), false, "maximum"),
        (f(&c.exclusive_maximum), true, "exclusiveMaximum"),
    ];
    for (low, low_exclusive, low_name) in lower {
        for (high, high_exclusive, high_name) in upper {
            if let (Some(low), Some(high)) = (low, high) {
                let empty = if low_exclusive || high_exclusive {
                    low >= high
                } else {
                    low > high
                };
                if empty {
                    return Err(error(
                        format!(
                            "`{low_name}` {low} and `{high_name}` {high} leave no number allowed"
                        ),
                        "the lower bound must be below the upper bound",
                    ));
                }
            }
        }
    }
    if let Some(items) = &c.items {
        check_contradictions(items, error)?;
    }
    Ok(())
}
