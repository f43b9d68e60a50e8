//! Example values: whether a JSON value fits a type the way the generated Rust reads it, and
//! each object's whole example built from its fields' Example cells.

use std::cell::RefCell;

use rustc_hash::FxHashMap;
use serde_json::{Map, Value};

use modelgen_runtime::{
    char_count, compare, format, is_multiple_of, json_equal, unique_items, Pattern, UnfinishedMatch,
};

use crate::ir::{Constraints, EnumRepr, Format, Model, ModelKind, ModelSet, Type};
use crate::spec_config::WireNames;

/// Checks that `value` deserializes into `ty`; the error says where and why not.
pub fn conforms(value: &Value, ty: &Type, models: &[Model]) -> Result<(), String> {
    conforms_at(value, ty, models, "", &Patterns::default())
}

/// [`conforms`], compiling patterns through `patterns`.
pub fn conforms_with(
    value: &Value,
    ty: &Type,
    models: &[Model],
    patterns: &Patterns,
) -> Result<(), String> {
    conforms_at(value, ty, models, "", patterns)
}

fn conforms_at(
    value: &Value,
    ty: &Type,
    models: &[Model],
    path: &str,
    patterns: &Patterns,
) -> Result<(), String> {
    let fail = |expected: &str| {
        Err(format!(
            "{} is {}, expected {expected}",
            location(path),
            kind_of(value)
        ))
    };
    match ty {
        Type::String => {
            if value.is_string() {
                Ok(())
            } else {
                fail("a string")
            }
        }
        Type::DateTime | Type::Date => {
            let format = if *ty == Type::DateTime {
                Format::DateTime
            } else {
                Format::Date
            };
            match value.as_str() {
                Some(text) if format_holds(format, text) => Ok(()),
                Some(_) => Err(format!(
                    "{} is {value}, not a valid {}",
                    location(path),
                    format.name()
                )),
                None => fail("a string"),
            }
        }
        Type::Integer => {
            if value.as_number().is_some_and(modelgen_runtime::is_integer) {
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
                conforms_at(value, inner, models, path, patterns)
            }
        }
        Type::Array(inner) => {
            let Value::Array(items) = value else {
                return fail("an array");
            };
            items.iter().enumerate().try_for_each(|(i, item)| {
                conforms_at(item, inner, models, &format!("{path}/{i}"), patterns)
            })
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
                    patterns,
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
                            Some(item) => {
                                conforms_at(item, &field.ty, models, &field_path, patterns)?;
                                satisfies_with(item, &field.constraints, patterns)
                                    .map_err(|why| format!("`{field_path}`: {why}"))?;
                            }
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
                            EnumRepr::Boolean => value.is_boolean(),
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
                        match conforms_at(value, &variant.ty, models, path, patterns) {
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

/// `pattern` constraints compiled once each by the runtime ([`Pattern::checked`]), for
/// checking many examples and constraint cells that use the same patterns.
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

    /// Whether `text` matches `pattern`: `Ok(false)` when the pattern does not compile, and the
    /// reason when the runtime could not decide the match.
    pub fn is_match(&self, pattern: &str, text: &str) -> Result<bool, UnfinishedMatch> {
        self.with(pattern, |compiled| {
            compiled.as_ref().map_or(Ok(false), |p| p.is_match(text))
        })
    }

    /// What is wrong with `pattern`, if anything ([`Pattern::checked`]).
    pub fn check_syntax(&self, pattern: &str) -> Result<(), String> {
        self.with(pattern, |compiled| {
            compiled.as_ref().map(|_| ()).map_err(Clone::clone)
        })
    }
}

/// Checks a value against a field's constraints (JSON Schema semantics: each keyword
/// constrains only values of its own JSON type, so `null` passes them all).
pub fn satisfies(value: &Value, c: &Constraints) -> Result<(), String> {
    satisfies_with(value, c, &Patterns::default())
}

/// [`satisfies`], compiling patterns through `patterns`.
pub fn satisfies_with(value: &Value, c: &Constraints, patterns: &Patterns) -> Result<(), String> {
    if let Some(expected) = &c.const_value {
        if !json_equal(value, expected) {
            return Err(format!("{value} is not the constant {expected}"));
        }
    }
    match value {
        Value::String(text) => {
            let length = char_count(text) as u64;
            if let Some(min) = c.min_length.filter(|&min| length < min) {
                return Err(format!("{value} is shorter than {min} characters"));
            }
            if let Some(max) = c.max_length.filter(|&max| length > max) {
                return Err(format!("{value} is longer than {max} characters"));
            }
            if let Some(pattern) = &c.pattern {
                match patterns.is_match(pattern, text) {
                    Ok(true) => {}
                    Ok(false) => {
                        return Err(format!("{value} does not match the pattern `{pattern}`"));
                    }
                    Err(why) => {
                        return Err(format!(
                            "{value} could not be checked against the pattern `{pattern}`: {why}"
                        ));
                    }
                }
            }
            if let Some(f) = c.format {
                if !format_holds(f, text) {
                    return Err(format!("{value} is not a valid {}", f.name()));
                }
            }
        }
        Value::Number(n) => {
            use std::cmp::Ordering::{Equal, Greater, Less};
            let bounds = [
                (&c.minimum, &[Less][..], "minimum"),
                (&c.maximum, &[Greater][..], "maximum"),
                (&c.exclusive_minimum, &[Less, Equal][..], "exclusiveMinimum"),
                (
                    &c.exclusive_maximum,
                    &[Greater, Equal][..],
                    "exclusiveMaximum",
                ),
            ];
            for (limit, bad, name) in bounds {
                if let Some(limit) = limit {
                    if bad.contains(&compare(n, limit)) {
                        return Err(format!("{n} breaks `{name}` {limit}"));
                    }
                }
            }
            if let Some(divisor) = &c.multiple_of {
                if !is_multiple_of(n, divisor) {
                    return Err(format!("{n} is not a multiple of {divisor}"));
                }
            }
        }
        Value::Array(items) => {
            let count = items.len() as u64;
            if let Some(min) = c.min_items.filter(|&min| count < min) {
                return Err(format!("the list has fewer than {min} items"));
            }
            if let Some(max) = c.max_items.filter(|&max| count > max) {
                return Err(format!("the list has more than {max} items"));
            }
            if c.unique_items && !unique_items(items) {
                return Err("the list repeats an item".to_owned());
            }
            if let Some(item_constraints) = &c.items {
                for (index, item) in items.iter().enumerate() {
                    satisfies_with(item, item_constraints, patterns)
                        .map_err(|why| format!("item {index}: {why}"))?;
                }
            }
        }
        _ => {}
    }
    Ok(())
}

/// Whether `text` is in `format`.
pub fn format_holds(f: Format, text: &str) -> bool {
    match f {
        Format::DateTime => format::is_date_time(text),
        Format::Date => format::is_date(text),
        Format::Email => format::is_email(text),
        Format::Uri => format::is_uri(text),
        Format::Uuid => format::is_uuid(text),
        Format::Ipv4 => format::is_ipv4(text),
        Format::Ipv6 => format::is_ipv6(text),
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
