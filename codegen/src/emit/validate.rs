//! Stage three (a, continued): validation code for each model, generated from the same IR
//! as the schema so that both accept exactly the same documents.
//!
//! Two checks are generated per model. `Validate::validate_into` checks a typed value (the
//! fast path, after serde has read a document): straight-line code per field. The check of a
//! JSON value before deserializing it (the error path, and the choice of a union's variant)
//! is data: `Model::shape` returns a static description of the model that the runtime's
//! interpreter walks, reporting every problem with its JSON Pointer. Data compiles far faster
//! than the equivalent code and is just as exact.

use std::fmt::Write as _;

use serde_json::Value;

use super::context::{push_model_path, Context};
use super::rust_text::{push_str_literal, str_literal, RustWriter};
use crate::ir::{Constraints, EnumRepr, Format, Model, ModelId, ModelKind, ModelSet, Type};

const ERRORS: &str = "errors: &mut ::std::vec::Vec<::modelgen_runtime::ValidationError>";

/// The `Validate` and `Model` implementations of one model, `from_json`, and for a union
/// its `Deserialize` implementation.
pub(super) fn validation_items(w: &mut RustWriter, context: &Context, id: ModelId) {
    let models = context.models;
    let model = models.get(id);
    let name = model.rust_name.as_str();

    w.line("#[allow(deprecated)]");
    w.open_of(&["impl ::modelgen_runtime::Validate for ", name, " {"]);
    w.line("#[inline]");
    let mut body = w.nested();
    body.indent();
    typed_body(&mut body, context, model);
    if body.is_empty() {
        w.line_of(&[
            "fn validate_into(&self, _path: &::modelgen_runtime::Location<'_>, _",
            ERRORS,
            ") {}",
        ]);
    } else {
        w.line_of(&[
            "fn validate_into(&self, path: &::modelgen_runtime::Location<'_>, ",
            ERRORS,
            ") {",
        ]);
        w.append(body);
        w.line("}");
    }
    w.close("}");

    w.line("#[allow(deprecated)]");
    w.open_of(&["impl ::modelgen_runtime::Model for ", name, " {"]);
    w.open("fn shape() -> &'static ::modelgen_runtime::shape::ModelShape {");
    model_shape(w, context, model);
    w.line("&SHAPE");
    w.close("}");
    w.close("}");

    w.line("#[allow(deprecated)]");
    w.open_of(&["impl ", name, " {"]);
    w.line("/// Reads this model from JSON text and checks it against its schema; on failure,");
    w.line("/// returns every problem with the JSON Pointer of the offending value.");
    // Inline: the parsing code is compiled only into programs that call it.
    w.line("#[inline]");
    w.open("pub fn from_json(text: &str) -> ::std::result::Result<Self, ::modelgen_runtime::ValidationErrors> {");
    w.line("::modelgen_runtime::parse(text)");
    w.close("}");
    w.close("}");

    if let ModelKind::Union(union) = &model.kind {
        w.line("#[allow(deprecated)]");
        w.open_of(&["impl ", name, " {"]);
        w.line("/// Reads the first variant, most specific first, that the value fits with all");
        w.line("/// its constraints.");
        w.line("#[inline]");
        w.open("fn from_json_value(value: &mut ::serde_json::Value) -> ::std::result::Result<Self, ::std::string::String> {");
        w.open("match ::modelgen_runtime::shape::fitting_variant(<Self as ::modelgen_runtime::Model>::shape(), value) {");
        for (index, variant) in union.variants.iter().enumerate() {
            let ty = context.type_text(&variant.ty, &model.module, Some(id), true);
            w.open_of(&["::std::option::Option::Some(", &index.to_string(), ") => {"]);
            w.line("::modelgen_runtime::checks::normalize_integral_floats(value);");
            w.line_of(&[
                "::modelgen_runtime::de::from_value::<",
                &ty,
                ">(value).map(",
                name,
                "::",
                &variant.rust_name,
                ")",
            ]);
            w.close("}");
        }
        let message = format!("the value fits none of the variants of `{}`", model.name);
        w.line_of(&[
            "_ => ::std::result::Result::Err(",
            &str_literal(&message),
            ".to_owned()),",
        ]);
        w.close("}");
        w.close("}");
        w.close("}");

        w.line("#[allow(deprecated)]");
        w.open_of(&["impl<'de> ::serde::Deserialize<'de> for ", name, " {"]);
        w.open("fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {");
        w.line("let mut value = <::serde_json::Value as ::serde::Deserialize>::deserialize(deserializer)?;");
        w.line(
            "Self::from_json_value(&mut value).map_err(<D::Error as ::serde::de::Error>::custom)",
        );
        w.close("}");
        w.close("}");
    }
}

// ----- typed checks (fast path) -----

fn typed_body(w: &mut RustWriter, context: &Context, model: &Model) {
    let models = context.models;
    match &model.kind {
        ModelKind::Object(object) => {
            for field in &object.fields {
                let mut check = w.nested();
                check.indent();
                // A native format type was checked when it was read: what is left.
                let native = super::native::checked_view(context.shaping, field);
                let (ty, constraints) = native
                    .as_ref()
                    .map_or((&field.ty, &field.constraints), |(ty, c)| (ty, c));
                if !typed_check(&mut check, models, ty, constraints, "value") {
                    continue;
                }
                let binding = match (
                    field.required,
                    field.nullable,
                    field.constraints.default.is_some(),
                ) {
                    (true, false, _) | (false, false, true) => "{",
                    (true, true, _) | (false, false, false) | (false, true, true) => {
                        "if let ::std::option::Option::Some(value) = &self."
                    }
                    (false, true, false) => {
                        "if let ::std::option::Option::Some(::std::option::Option::Some(value)) = &self."
                    }
                };
                if binding == "{" {
                    w.open("{");
                    w.line_of(&["let value = &self.", &field.rust_name, ";"]);
                } else {
                    w.open_of(&[binding, &field.rust_name, " {"]);
                }
                let key = w.start();
                key.push_str("let path = &path.key(");
                push_str_literal(key, &field.wire_name);
                key.push_str(");");
                w.end();
                w.append(check);
                w.close("}");
            }
        }
        ModelKind::Union(union) => {
            let mut arms = Vec::new();
            for variant in &union.variants {
                let mut check = w.nested();
                check.indent();
                check.indent();
                let any = typed_check(
                    &mut check,
                    models,
                    &variant.ty,
                    &Constraints::default(),
                    "value",
                );
                arms.push((variant, any.then_some(check)));
            }
            if arms.iter().all(|(_, check)| check.is_none()) {
                return;
            }
            w.open("match self {");
            for (variant, check) in arms {
                match check {
                    None => w.line_of(&["Self::", &variant.rust_name, "(_) => {}"]),
                    Some(check) => {
                        w.line_of(&["Self::", &variant.rust_name, "(value) => {"]);
                        w.append(check);
                        w.line("}");
                    }
                }
            }
            w.close("}");
        }
        ModelKind::Enum(_) | ModelKind::Any => {}
    }
}

/// Writes the checks of a typed value bound to `value` (a reference); false when nothing
/// can fail, and then nothing is written.
fn typed_check(
    w: &mut RustWriter,
    models: &ModelSet,
    ty: &Type,
    c: &Constraints,
    value: &str,
) -> bool {
    let mut wrote = false;
    if let Some(expected) = &c.const_value {
        w.open("{");
        constant_static(w, "EXPECTED", expected);
        w.line_of(&[
            "::modelgen_runtime::checks::constant_typed(",
            value,
            ", EXPECTED.value(), path, errors);",
        ]);
        w.close("}");
        wrote = true;
    }
    match ty {
        Type::String | Type::DateTime | Type::Date => {
            let implied = match ty {
                Type::DateTime => Some(Format::DateTime),
                Type::Date => Some(Format::Date),
                _ => None,
            };
            wrote |= string_checks(w, c, implied, &format!("{value}.as_str()"));
        }
        Type::Integer => {
            if has_number_checks(c) {
                w.open("{");
                w.line_of(&["let number = ::serde_json::Number::from(*", value, ");"]);
                number_checks(w, c, "&number");
                w.close("}");
                wrote = true;
            }
        }
        Type::Number => {
            if has_number_checks(c) {
                w.open_of(&[
                    "if let ::std::option::Option::Some(number) = ::modelgen_runtime::checks::number_of_f64(*",
                    value,
                    ") {",
                ]);
                number_checks(w, c, "&number");
                w.close("}");
                wrote = true;
            }
        }
        Type::Boolean | Type::Any => {}
        Type::Array(inner) => {
            if let Some(min) = c.min_items {
                w.line(&format!(
                    "::modelgen_runtime::checks::min_items({value}.len(), {min}u64, path, errors);"
                ));
                wrote = true;
            }
            if let Some(max) = c.max_items {
                w.line(&format!(
                    "::modelgen_runtime::checks::max_items({value}.len(), {max}u64, path, errors);"
                ));
                wrote = true;
            }
            if c.unique_items {
                w.line_of(&[
                    "::modelgen_runtime::checks::unique_typed(",
                    value,
                    ", path, errors);",
                ]);
                wrote = true;
            }
            let mut item = w.nested();
            item.indent();
            let item_constraints = c.items.as_deref().cloned().unwrap_or_default();
            if typed_check(&mut item, models, inner, &item_constraints, "item") {
                w.open_of(&["for (index, item) in ", value, ".iter().enumerate() {"]);
                w.line("let path = &path.index(index);");
                w.append(item);
                w.close("}");
                wrote = true;
            }
        }
        Type::Map(inner) => {
            let mut item = w.nested();
            item.indent();
            if typed_check(&mut item, models, inner, &Constraints::default(), "item") {
                w.open_of(&["for (key, item) in ", value, ".iter() {"]);
                w.line("let path = &path.key(key);");
                w.append(item);
                w.close("}");
                wrote = true;
            }
        }
        Type::Nullable(inner) => {
            let mut check = w.nested();
            check.indent();
            let inner_constraints = Constraints {
                const_value: None,
                ..c.clone()
            };
            if typed_check(&mut check, models, inner, &inner_constraints, "inner") {
                w.open_of(&["if let ::std::option::Option::Some(inner) = ", value, " {"]);
                w.append(check);
                w.close("}");
                wrote = true;
            }
        }
        Type::Model(id) => {
            if needs_typed_validation(models, *id, &mut Vec::new()) {
                w.line_of(&[
                    "::modelgen_runtime::Validate::validate_into(",
                    value,
                    ", path, errors);",
                ]);
                wrote = true;
            }
        }
    }
    wrote
}

/// Whether a model's typed value can break anything (constraints, formats, nested models
/// with either), so that checks of it are generated at all.
fn needs_typed_validation(models: &ModelSet, id: ModelId, visiting: &mut Vec<ModelId>) -> bool {
    if visiting.contains(&id) {
        return false;
    }
    visiting.push(id);
    let result = match &models.get(id).kind {
        ModelKind::Object(object) => object
            .fields
            .iter()
            .any(|f| !f.constraints.is_empty() || type_needs(models, &f.ty, visiting)),
        ModelKind::Union(union) => union
            .variants
            .iter()
            .any(|v| type_needs(models, &v.ty, visiting)),
        ModelKind::Enum(_) | ModelKind::Any => false,
    };
    visiting.pop();
    result
}

fn type_needs(models: &ModelSet, ty: &Type, visiting: &mut Vec<ModelId>) -> bool {
    match ty {
        Type::DateTime | Type::Date => true,
        Type::Array(inner) | Type::Map(inner) | Type::Nullable(inner) => {
            type_needs(models, inner, visiting)
        }
        Type::Model(id) => needs_typed_validation(models, *id, visiting),
        _ => false,
    }
}

fn format_function(format: Format) -> &'static str {
    match format {
        Format::DateTime => "::modelgen_runtime::format::is_date_time",
        Format::Date => "::modelgen_runtime::format::is_date",
        Format::Email => "::modelgen_runtime::format::is_email",
        Format::Uri => "::modelgen_runtime::format::is_uri",
        Format::Uuid => "::modelgen_runtime::format::is_uuid",
        Format::Ipv4 => "::modelgen_runtime::format::is_ipv4",
        Format::Ipv6 => "::modelgen_runtime::format::is_ipv6",
    }
}

fn string_checks(w: &mut RustWriter, c: &Constraints, implied: Option<Format>, text: &str) -> bool {
    let mut wrote = false;
    if let Some(format) = implied.or(c.format) {
        w.line_of(&[
            "::modelgen_runtime::checks::format(",
            text,
            ", \"",
            format.name(),
            "\", ",
            format_function(format),
            ", path, errors);",
        ]);
        wrote = true;
    }
    if let Some(min) = c.min_length {
        w.line(&format!(
            "::modelgen_runtime::checks::min_length({text}, {min}u64, path, errors);"
        ));
        wrote = true;
    }
    if let Some(max) = c.max_length {
        w.line(&format!(
            "::modelgen_runtime::checks::max_length({text}, {max}u64, path, errors);"
        ));
        wrote = true;
    }
    if let Some(pattern) = &c.pattern {
        let source = str_literal(pattern);
        w.open("{");
        w.line_of(&[
            "static PATTERN: ::modelgen_runtime::shape::LazyPattern = ::modelgen_runtime::shape::LazyPattern::new(",
            &source,
            ");",
        ]);
        w.line_of(&[
            "::modelgen_runtime::checks::pattern(",
            text,
            ", PATTERN.get(), ",
            &source,
            ", path, errors);",
        ]);
        w.close("}");
        wrote = true;
    }
    wrote
}

fn has_string_checks(c: &Constraints) -> bool {
    c.min_length.is_some() || c.max_length.is_some() || c.pattern.is_some()
}

fn has_number_checks(c: &Constraints) -> bool {
    c.minimum.is_some()
        || c.maximum.is_some()
        || c.exclusive_minimum.is_some()
        || c.exclusive_maximum.is_some()
        || c.multiple_of.is_some()
}

/// A `serde_json::Number` expression for a limit.
fn number_literal(n: &serde_json::Number) -> String {
    if let Some(i) = n.as_i64() {
        format!("::serde_json::Number::from({i}i64)")
    } else if let Some(u) = n.as_u64() {
        format!("::serde_json::Number::from({u}u64)")
    } else {
        format!(
            "::serde_json::Number::from_f64({}).unwrap_or_else(|| ::serde_json::Number::from(0))",
            f64_literal(n.as_f64().unwrap_or_default())
        )
    }
}

/// An `f64` literal that reads back as exactly `value`.
fn f64_literal(value: f64) -> String {
    let text = format!("{value:?}");
    if text.contains(['.', 'e', 'E']) || !value.is_finite() {
        format!("{text}f64")
    } else {
        format!("{text}.0f64")
    }
}

fn number_checks(w: &mut RustWriter, c: &Constraints, number: &str) {
    let keywords = [
        (&c.minimum, "minimum"),
        (&c.maximum, "maximum"),
        (&c.exclusive_minimum, "exclusive_minimum"),
        (&c.exclusive_maximum, "exclusive_maximum"),
        (&c.multiple_of, "multiple_of"),
    ];
    for (limit, function) in keywords {
        if let Some(limit) = limit {
            w.line_of(&[
                "::modelgen_runtime::checks::",
                function,
                "(",
                number,
                ", &",
                &number_literal(limit),
                ", path, errors);",
            ]);
        }
    }
}

fn constant_static(w: &mut RustWriter, name: &str, value: &Value) {
    w.line_of(&[
        "static ",
        name,
        ": ::modelgen_runtime::shape::Constant = ::modelgen_runtime::shape::Constant::new(",
        &str_literal(&value.to_string()),
        ");",
    ]);
}

// ----- the shape of JSON values (error path) -----

/// Writes the `static`s of a model's shape, the last one `SHAPE`, inside `Model::shape`.
fn model_shape(w: &mut RustWriter, context: &Context, model: &Model) {
    let mut writer = ShapeWriter {
        context,
        module: &model.module,
        statics: Vec::new(),
    };
    let mut shape = String::new();
    let mut field_lines = Vec::new();
    match &model.kind {
        ModelKind::Object(object) => {
            for field in &object.fields {
                let mut line = String::from("s::FieldShape { wire_name: ");
                push_str_literal(&mut line, &field.wire_name);
                let _ = write!(
                    line,
                    ", required: {}, nullable: {}, shape: ",
                    field.required, field.nullable
                );
                writer.shape(&mut line, &field.ty, Some(&field.constraints));
                line.push_str(" },");
                field_lines.push(line);
            }
        }
        ModelKind::Enum(e) => {
            let allowed = e
                .values
                .iter()
                .map(|v| v.value.to_string())
                .collect::<Vec<_>>()
                .join(", ");
            match e.repr {
                EnumRepr::String => {
                    shape.push_str("s::ModelShape::StringEnum { values: &[");
                    for value in &e.values {
                        push_str_literal(&mut shape, value.value.as_str().unwrap_or_default());
                        shape.push_str(", ");
                    }
                }
                EnumRepr::Integer => {
                    shape.push_str("s::ModelShape::IntegerEnum { values: &[");
                    for value in &e.values {
                        let _ = write!(shape, "{}, ", value.value.as_i64().unwrap_or_default());
                    }
                }
                EnumRepr::Boolean => {
                    shape.push_str("s::ModelShape::BooleanEnum { values: &[");
                    for value in &e.values {
                        let _ = write!(shape, "{}, ", value.value.as_bool().unwrap_or_default());
                    }
                }
            }
            let _ = write!(shape, "], open: {}, allowed: ", e.open);
            push_str_literal(&mut shape, &allowed);
            shape.push_str(" }");
        }
        ModelKind::Union(union) => {
            shape.push_str("s::ModelShape::Union { name: ");
            push_str_literal(&mut shape, &model.name);
            shape.push_str(", variants: &[");
            for variant in &union.variants {
                writer.shape(&mut shape, &variant.ty, None);
                shape.push_str(", ");
            }
            shape.push_str("] }");
        }
        ModelKind::Any => shape.push_str("s::ModelShape::Any"),
    }
    w.line("use ::modelgen_runtime::shape as s;");
    for line in &writer.statics {
        w.line(line);
    }
    if let ModelKind::Object(_) = &model.kind {
        w.open("static SHAPE: s::ModelShape = s::ModelShape::Object(&[");
        for line in &field_lines {
            w.line(line);
        }
        w.close("]);");
    } else {
        w.line_of(&["static SHAPE: s::ModelShape = ", &shape, ";"]);
    }
}

/// Writes `s::Shape` expressions, collecting the named statics (patterns, constants) they
/// refer to.
struct ShapeWriter<'a> {
    context: &'a Context<'a>,
    module: &'a [String],
    statics: Vec<String>,
}

impl ShapeWriter<'_> {
    fn shape(&mut self, out: &mut String, ty: &Type, constraints: Option<&Constraints>) {
        let c = constraints.cloned().unwrap_or_default();
        match &c.const_value {
            Some(value) => {
                let name = format!("C{}", self.statics.len());
                let mut line = format!("static {name}: s::Constant = s::Constant::new(");
                push_str_literal(&mut line, &value.to_string());
                line.push_str(");");
                self.statics.push(line);
                out.push_str("s::Shape { kind: ");
                self.kind(out, ty, &c);
                out.push_str(", constant: Some(&");
                out.push_str(&name);
                out.push_str(") }");
            }
            None => {
                let plain = match ty {
                    Type::String if c.format.is_none() && !has_string_checks(&c) => {
                        Some("s::Shape::STRING")
                    }
                    Type::Integer if !has_number_checks(&c) => Some("s::Shape::INTEGER"),
                    Type::Number if !has_number_checks(&c) => Some("s::Shape::NUMBER"),
                    Type::Boolean => Some("s::Shape::BOOLEAN"),
                    Type::Any => Some("s::Shape::ANY"),
                    _ => None,
                };
                match plain {
                    Some(constant) => out.push_str(constant),
                    None => {
                        out.push_str("s::Shape::of(");
                        self.kind(out, ty, &c);
                        out.push(')');
                    }
                }
            }
        }
    }

    fn kind(&mut self, out: &mut String, ty: &Type, c: &Constraints) {
        match ty {
            Type::String | Type::DateTime | Type::Date => {
                let format = match ty {
                    Type::DateTime => Some(Format::DateTime),
                    Type::Date => Some(Format::Date),
                    _ => c.format,
                };
                if format.is_none()
                    && c.min_length.is_none()
                    && c.max_length.is_none()
                    && c.pattern.is_none()
                {
                    out.push_str("s::Kind::String(&s::StringRules::NONE)");
                    return;
                }
                out.push_str("s::Kind::String(&s::StringRules { ");
                if let Some(format) = format {
                    out.push_str("format: Some(s::Format::");
                    out.push_str(format_variant(format));
                    out.push_str("), ");
                }
                if let Some(min) = c.min_length {
                    let _ = write!(out, "min_length: Some({min}), ");
                }
                if let Some(max) = c.max_length {
                    let _ = write!(out, "max_length: Some({max}), ");
                }
                if let Some(pattern) = &c.pattern {
                    let name = format!("P{}", self.statics.len());
                    let mut line = format!("static {name}: s::LazyPattern = s::LazyPattern::new(");
                    push_str_literal(&mut line, pattern);
                    line.push_str(");");
                    self.statics.push(line);
                    out.push_str("pattern: Some(&");
                    out.push_str(&name);
                    out.push_str("), ");
                }
                out.push_str("..s::StringRules::NONE })");
            }
            Type::Integer | Type::Number => {
                let kind = if *ty == Type::Integer {
                    "s::Kind::Integer"
                } else {
                    "s::Kind::Number"
                };
                if !has_number_checks(c) {
                    out.push_str(kind);
                    out.push_str("(&s::NumberRules::NONE)");
                    return;
                }
                out.push_str(kind);
                out.push_str("(&s::NumberRules { ");
                let keywords = [
                    ("minimum", &c.minimum),
                    ("maximum", &c.maximum),
                    ("exclusive_minimum", &c.exclusive_minimum),
                    ("exclusive_maximum", &c.exclusive_maximum),
                    ("multiple_of", &c.multiple_of),
                ];
                for (keyword, limit) in keywords {
                    if let Some(limit) = limit {
                        out.push_str(keyword);
                        out.push_str(": ");
                        push_limit(out, limit);
                        out.push_str(", ");
                    }
                }
                out.push_str("..s::NumberRules::NONE })");
            }
            Type::Boolean => out.push_str("s::Kind::Boolean"),
            Type::Any => out.push_str("s::Kind::Any"),
            Type::Array(inner) => {
                out.push_str("s::Kind::Array(&s::ArrayRules { items: ");
                self.shape(out, inner, c.items.as_deref());
                out.push_str(", min_items: ");
                push_option_u64(out, c.min_items);
                out.push_str(", max_items: ");
                push_option_u64(out, c.max_items);
                let _ = write!(out, ", unique_items: {} }})", c.unique_items);
            }
            Type::Map(inner) => {
                out.push_str("s::Kind::Map(&");
                self.shape(out, inner, None);
                out.push(')');
            }
            Type::Nullable(inner) => {
                out.push_str("s::Kind::Nullable(&");
                let inner_constraints = Constraints {
                    const_value: None,
                    ..c.clone()
                };
                self.shape(out, inner, Some(&inner_constraints));
                out.push(')');
            }
            Type::Model(id) => {
                out.push_str("s::Kind::Model(<");
                push_model_path(out, self.context.models, self.module, *id);
                out.push_str(" as ::modelgen_runtime::Model>::shape)");
            }
        }
    }
}

fn format_variant(format: Format) -> &'static str {
    match format {
        Format::DateTime => "DateTime",
        Format::Date => "Date",
        Format::Email => "Email",
        Format::Uri => "Uri",
        Format::Uuid => "Uuid",
        Format::Ipv4 => "Ipv4",
        Format::Ipv6 => "Ipv6",
    }
}

fn push_option_u64(out: &mut String, value: Option<u64>) {
    match value {
        Some(value) => {
            let _ = write!(out, "Some({value})");
        }
        None => out.push_str("None"),
    }
}

fn push_limit(out: &mut String, n: &serde_json::Number) {
    if let Some(i) = n.as_i64() {
        let _ = write!(out, "Some(s::Limit::Int({i}))");
    } else if let Some(u) = n.as_u64() {
        let _ = write!(out, "Some(s::Limit::Uint({u}))");
    } else {
        let _ = write!(
            out,
            "Some(s::Limit::Float({}))",
            f64_literal(n.as_f64().unwrap_or_default())
        );
    }
}
