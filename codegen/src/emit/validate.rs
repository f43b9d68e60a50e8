//! Stage three (a, continued): validation code for each model, generated from the same IR
//! as the schema so that both accept exactly the same documents.
//!
//! Two checks are generated per model. `Validate::validate_into` checks a typed value (the
//! fast path, after serde has read a document): straight-line code per field. The check of a
//! JSON value before deserializing it (the error path, and the choice of a union's variant)
//! is data: `Model::shape` returns a static description of the model that the runtime's
//! interpreter walks, reporting every problem with its JSON Pointer. Data compiles far faster
//! than the equivalent code and is just as exact.

use proc_macro2::{Ident, Literal, TokenStream};
use quote::quote;
use serde_json::Value;

use super::context::{model_path, Context};
use super::tokens::{f64_lit, ident, int, lit, u64_lit};
use crate::ir::{Constraints, EnumRepr, Format, Model, ModelId, ModelKind, ModelSet, Type};

/// The `Validate` and `Model` implementations of one model, `from_json`, and for a union
/// its `Deserialize` implementation.
pub(super) fn validation_items(context: &Context, id: ModelId) -> TokenStream {
    let models = context.models;
    let model = models.get(id);
    let name = ident(&model.rust_name);

    let body = typed_body(context, model);
    let validate_into = if body.is_empty() {
        quote! {
            fn validate_into(&self, _path: &::modelgen_runtime::Location<'_>, _errors: &mut ::std::vec::Vec<::modelgen_runtime::ValidationError>) {}
        }
    } else {
        quote! {
            fn validate_into(&self, path: &::modelgen_runtime::Location<'_>, errors: &mut ::std::vec::Vec<::modelgen_runtime::ValidationError>) {
                #body
            }
        }
    };
    let shape = model_shape(context, model);
    let mut out = quote! {
        #[allow(deprecated)]
        impl ::modelgen_runtime::Validate for #name {
            #[inline]
            #validate_into
        }
        #[allow(deprecated)]
        impl ::modelgen_runtime::Model for #name {
            fn shape() -> &'static ::modelgen_runtime::shape::ModelShape {
                #shape
                &SHAPE
            }
        }
        #[allow(deprecated)]
        impl #name {
            /// Reads this model from JSON text and checks it against its schema; on failure,
            /// returns every problem with the JSON Pointer of the offending value.
            #[inline]
            pub fn from_json(text: &str) -> ::std::result::Result<Self, ::modelgen_runtime::ValidationErrors> {
                ::modelgen_runtime::parse(text)
            }
        }
    };

    if let ModelKind::Union(union) = &model.kind {
        let arms = union.variants.iter().enumerate().map(|(index, variant)| {
            let ty = context.type_tokens(&variant.ty, &model.module, Some(id), true);
            let index = int(index);
            let variant = ident(&variant.rust_name);
            quote! {
                ::std::option::Option::Some(#index) => {
                    ::modelgen_runtime::checks::normalize_integral_floats(value);
                    ::modelgen_runtime::de::from_value::<#ty>(value).map(#name::#variant)
                }
            }
        });
        let message = lit(&format!(
            "the value fits none of the variants of `{}`",
            model.name
        ));
        out.extend(quote! {
            #[allow(deprecated)]
            impl #name {
                /// Reads the first variant, most specific first, that the value fits with all
                /// its constraints.
                #[inline]
                fn from_json_value(value: &mut ::serde_json::Value) -> ::std::result::Result<Self, ::std::string::String> {
                    match ::modelgen_runtime::shape::fitting_variant(<Self as ::modelgen_runtime::Model>::shape(), value) {
                        #(#arms)*
                        _ => ::std::result::Result::Err(#message.to_owned()),
                    }
                }
            }
            #[allow(deprecated)]
            impl<'de> ::serde::Deserialize<'de> for #name {
                fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
                    let mut value = <::serde_json::Value as ::serde::Deserialize>::deserialize(deserializer)?;
                    Self::from_json_value(&mut value).map_err(<D::Error as ::serde::de::Error>::custom)
                }
            }
        });
    }
    out
}

// ----- typed checks (fast path) -----

fn typed_body(context: &Context, model: &Model) -> TokenStream {
    let models = context.models;
    let value = ident("value");
    match &model.kind {
        ModelKind::Object(object) => {
            let mut out = TokenStream::new();
            for field in &object.fields {
                // A native format type was checked when it was read: what is left.
                let native = super::native::checked_view(context.shaping, field);
                let (ty, constraints) = native
                    .as_ref()
                    .map_or((&field.ty, &field.constraints), |(ty, c)| (ty, c));
                let check = typed_check(models, ty, constraints, &value);
                if check.is_empty() {
                    continue;
                }
                let name = ident(&field.rust_name);
                let key = lit(&field.wire_name);
                let checks = quote! {
                    let path = &path.key(#key);
                    #check
                };
                out.extend(
                    match (
                        field.required,
                        field.nullable,
                        field.constraints.default.is_some(),
                    ) {
                        (true, false, _) | (false, false, true) => quote! {
                            {
                                let value = &self.#name;
                                #checks
                            }
                        },
                        (true, true, _) | (false, false, false) | (false, true, true) => quote! {
                            if let ::std::option::Option::Some(value) = &self.#name {
                                #checks
                            }
                        },
                        (false, true, false) => quote! {
                            if let ::std::option::Option::Some(::std::option::Option::Some(value)) = &self.#name {
                                #checks
                            }
                        },
                    },
                );
            }
            out
        }
        ModelKind::Union(union) => {
            let arms: Vec<(Ident, TokenStream)> = union
                .variants
                .iter()
                .map(|variant| {
                    let check = typed_check(models, &variant.ty, &Constraints::default(), &value);
                    (ident(&variant.rust_name), check)
                })
                .collect();
            if arms.iter().all(|(_, check)| check.is_empty()) {
                return TokenStream::new();
            }
            let arms = arms.iter().map(|(variant, check)| {
                if check.is_empty() {
                    quote!(Self::#variant(_) => {})
                } else {
                    quote!(Self::#variant(value) => { #check })
                }
            });
            quote! {
                match self {
                    #(#arms)*
                }
            }
        }
        ModelKind::Enum(_) | ModelKind::Any => TokenStream::new(),
    }
}

/// The checks of a typed value bound to `value` (a reference); empty when nothing can fail.
fn typed_check(models: &ModelSet, ty: &Type, c: &Constraints, value: &Ident) -> TokenStream {
    let mut out = TokenStream::new();
    if let Some(expected) = &c.const_value {
        let expected = constant(expected);
        out.extend(quote! {
            {
                static EXPECTED: ::modelgen_runtime::shape::Constant = #expected;
                ::modelgen_runtime::checks::constant_typed(#value, EXPECTED.value(), path, errors);
            }
        });
    }
    match ty {
        Type::String | Type::DateTime | Type::Date => {
            let implied = match ty {
                Type::DateTime => Some(Format::DateTime),
                Type::Date => Some(Format::Date),
                _ => None,
            };
            out.extend(string_checks(c, implied, &quote!(#value.as_str())));
        }
        Type::Integer => {
            if has_number_checks(c) {
                let checks = number_checks(c);
                out.extend(quote! {
                    {
                        let number = ::serde_json::Number::from(*#value);
                        #checks
                    }
                });
            }
        }
        Type::Number => {
            if has_number_checks(c) {
                let checks = number_checks(c);
                out.extend(quote! {
                    if let ::std::option::Option::Some(number) = ::modelgen_runtime::checks::number_of_f64(*#value) {
                        #checks
                    }
                });
            }
        }
        Type::Boolean | Type::Any => {}
        Type::Array(inner) => {
            if let Some(min) = c.min_items {
                let min = u64_lit(min);
                out.extend(quote!(::modelgen_runtime::checks::min_items(#value.len(), #min, path, errors);));
            }
            if let Some(max) = c.max_items {
                let max = u64_lit(max);
                out.extend(quote!(::modelgen_runtime::checks::max_items(#value.len(), #max, path, errors);));
            }
            if c.unique_items {
                out.extend(quote!(::modelgen_runtime::checks::unique_typed(#value, path, errors);));
            }
            let item_constraints = c.items.as_deref().cloned().unwrap_or_default();
            let item = ident("item");
            let check = typed_check(models, inner, &item_constraints, &item);
            if !check.is_empty() {
                out.extend(quote! {
                    for (index, item) in #value.iter().enumerate() {
                        let path = &path.index(index);
                        #check
                    }
                });
            }
        }
        Type::Map(inner) => {
            let item = ident("item");
            let check = typed_check(models, inner, &Constraints::default(), &item);
            if !check.is_empty() {
                out.extend(quote! {
                    for (key, item) in #value.iter() {
                        let path = &path.key(key);
                        #check
                    }
                });
            }
        }
        Type::Nullable(inner) => {
            let inner_constraints = Constraints {
                const_value: None,
                ..c.clone()
            };
            let inner_value = ident("inner");
            let check = typed_check(models, inner, &inner_constraints, &inner_value);
            if !check.is_empty() {
                out.extend(quote! {
                    if let ::std::option::Option::Some(inner) = #value {
                        #check
                    }
                });
            }
        }
        Type::Model(id) => {
            if needs_typed_validation(models, *id, &mut Vec::new()) {
                out.extend(
                    quote!(::modelgen_runtime::Validate::validate_into(#value, path, errors);),
                );
            }
        }
    }
    out
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

/// The runtime's predicate for `format`, and the name of `format`'s variant in
/// `modelgen_runtime::shape::Format`.
fn format_items(format: Format) -> (TokenStream, Ident) {
    let (function, variant) = match format {
        Format::DateTime => ("is_date_time", "DateTime"),
        Format::Date => ("is_date", "Date"),
        Format::Email => ("is_email", "Email"),
        Format::Uri => ("is_uri", "Uri"),
        Format::Uuid => ("is_uuid", "Uuid"),
        Format::Ipv4 => ("is_ipv4", "Ipv4"),
        Format::Ipv6 => ("is_ipv6", "Ipv6"),
    };
    let function = ident(function);
    (
        quote!(::modelgen_runtime::format::#function),
        ident(variant),
    )
}

fn string_checks(c: &Constraints, implied: Option<Format>, text: &TokenStream) -> TokenStream {
    let mut out = TokenStream::new();
    if let Some(format) = implied.or(c.format) {
        let name = lit(format.name());
        let (function, _) = format_items(format);
        out.extend(
            quote!(::modelgen_runtime::checks::format(#text, #name, #function, path, errors);),
        );
    }
    if let Some(min) = c.min_length {
        let min = u64_lit(min);
        out.extend(quote!(::modelgen_runtime::checks::min_length(#text, #min, path, errors);));
    }
    if let Some(max) = c.max_length {
        let max = u64_lit(max);
        out.extend(quote!(::modelgen_runtime::checks::max_length(#text, #max, path, errors);));
    }
    if let Some(pattern) = &c.pattern {
        let source = lit(pattern);
        out.extend(quote! {
            {
                static PATTERN: ::modelgen_runtime::shape::LazyPattern = ::modelgen_runtime::shape::LazyPattern::new(#source);
                ::modelgen_runtime::checks::pattern(#text, PATTERN.get(), #source, path, errors);
            }
        });
    }
    out
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

/// The keywords that limit a number, each with the name of its check in the runtime (and of
/// its field in `modelgen_runtime::shape::NumberRules`).
fn number_limits(c: &Constraints) -> [(&Option<serde_json::Number>, &'static str); 5] {
    [
        (&c.minimum, "minimum"),
        (&c.maximum, "maximum"),
        (&c.exclusive_minimum, "exclusive_minimum"),
        (&c.exclusive_maximum, "exclusive_maximum"),
        (&c.multiple_of, "multiple_of"),
    ]
}

/// A `serde_json::Number` expression for a limit.
fn number_expression(n: &serde_json::Number) -> TokenStream {
    if let Some(i) = n.as_i64() {
        let i = Literal::i64_suffixed(i);
        quote!(::serde_json::Number::from(#i))
    } else if let Some(u) = n.as_u64() {
        let u = u64_lit(u);
        quote!(::serde_json::Number::from(#u))
    } else {
        let f = f64_lit(n.as_f64().unwrap_or_default());
        quote!(::serde_json::Number::from_f64(#f).unwrap_or_else(|| ::serde_json::Number::from(0)))
    }
}

fn number_checks(c: &Constraints) -> TokenStream {
    let mut out = TokenStream::new();
    for (limit, function) in number_limits(c) {
        if let Some(limit) = limit {
            let function = ident(function);
            let limit = number_expression(limit);
            out.extend(
                quote!(::modelgen_runtime::checks::#function(&number, &#limit, path, errors);),
            );
        }
    }
    out
}

/// A `modelgen_runtime::shape::Constant` holding `value`.
fn constant(value: &Value) -> TokenStream {
    let text = lit(&value.to_string());
    quote!(::modelgen_runtime::shape::Constant::new(#text))
}

// ----- the shape of JSON values (error path) -----

/// The `static`s of a model's shape, the last one `SHAPE`, inside `Model::shape`.
fn model_shape(context: &Context, model: &Model) -> TokenStream {
    let mut writer = ShapeWriter {
        context,
        module: &model.module,
        statics: TokenStream::new(),
        count: 0,
    };
    let shape = match &model.kind {
        ModelKind::Object(object) => {
            let fields: Vec<TokenStream> = object
                .fields
                .iter()
                .map(|field| {
                    let wire = lit(&field.wire_name);
                    let required = field.required;
                    let nullable = field.nullable;
                    let shape = writer.shape(&field.ty, Some(&field.constraints));
                    quote!(s::FieldShape { wire_name: #wire, required: #required, nullable: #nullable, shape: #shape })
                })
                .collect();
            quote!(s::ModelShape::Object(&[#(#fields),*]))
        }
        ModelKind::Enum(e) => {
            let allowed = lit(&e
                .values
                .iter()
                .map(|v| v.value.to_string())
                .collect::<Vec<_>>()
                .join(", "));
            let open = e.open;
            match e.repr {
                EnumRepr::String => {
                    let values = e
                        .values
                        .iter()
                        .map(|v| lit(v.value.as_str().unwrap_or_default()));
                    quote!(s::ModelShape::StringEnum { values: &[#(#values),*], open: #open, allowed: #allowed })
                }
                EnumRepr::Integer => {
                    let values = e
                        .values
                        .iter()
                        .map(|v| Literal::i64_unsuffixed(v.value.as_i64().unwrap_or_default()));
                    quote!(s::ModelShape::IntegerEnum { values: &[#(#values),*], open: #open, allowed: #allowed })
                }
                EnumRepr::Boolean => {
                    let values = e
                        .values
                        .iter()
                        .map(|v| v.value.as_bool().unwrap_or_default());
                    quote!(s::ModelShape::BooleanEnum { values: &[#(#values),*], open: #open, allowed: #allowed })
                }
            }
        }
        ModelKind::Union(union) => {
            let name = lit(&model.name);
            let variants: Vec<TokenStream> = union
                .variants
                .iter()
                .map(|variant| writer.shape(&variant.ty, None))
                .collect();
            quote!(s::ModelShape::Union { name: #name, variants: &[#(#variants),*] })
        }
        ModelKind::Any => quote!(s::ModelShape::Any),
    };
    let statics = writer.statics;
    quote! {
        use ::modelgen_runtime::shape as s;
        #statics
        static SHAPE: s::ModelShape = #shape;
    }
}

/// Builds `s::Shape` expressions, collecting the named statics (patterns, constants) they
/// refer to.
struct ShapeWriter<'a> {
    context: &'a Context<'a>,
    module: &'a [String],
    statics: TokenStream,
    /// How many statics there are, which numbers the next one's name.
    count: usize,
}

impl ShapeWriter<'_> {
    fn next_static(&mut self, prefix: &str) -> Ident {
        let name = ident(&format!("{prefix}{}", self.count));
        self.count += 1;
        name
    }

    fn shape(&mut self, ty: &Type, constraints: Option<&Constraints>) -> TokenStream {
        let c = constraints.cloned().unwrap_or_default();
        if let Some(value) = &c.const_value {
            let name = self.next_static("C");
            let text = lit(&value.to_string());
            self.statics
                .extend(quote!(static #name: s::Constant = s::Constant::new(#text);));
            let kind = self.kind(ty, &c);
            return quote!(s::Shape { kind: #kind, constant: Some(&#name) });
        }
        match ty {
            Type::String if c.format.is_none() && !has_string_checks(&c) => {
                quote!(s::Shape::STRING)
            }
            Type::Integer if !has_number_checks(&c) => quote!(s::Shape::INTEGER),
            Type::Number if !has_number_checks(&c) => quote!(s::Shape::NUMBER),
            Type::Boolean => quote!(s::Shape::BOOLEAN),
            Type::Any => quote!(s::Shape::ANY),
            _ => {
                let kind = self.kind(ty, &c);
                quote!(s::Shape::of(#kind))
            }
        }
    }

    fn kind(&mut self, ty: &Type, c: &Constraints) -> TokenStream {
        match ty {
            Type::String | Type::DateTime | Type::Date => {
                let format = match ty {
                    Type::DateTime => Some(Format::DateTime),
                    Type::Date => Some(Format::Date),
                    _ => c.format,
                };
                if format.is_none() && !has_string_checks(c) {
                    return quote!(s::Kind::String(&s::StringRules::NONE));
                }
                let mut rules = TokenStream::new();
                if let Some(format) = format {
                    let (_, variant) = format_items(format);
                    rules.extend(quote!(format: Some(s::Format::#variant),));
                }
                if let Some(min) = c.min_length {
                    let min = Literal::u64_unsuffixed(min);
                    rules.extend(quote!(min_length: Some(#min),));
                }
                if let Some(max) = c.max_length {
                    let max = Literal::u64_unsuffixed(max);
                    rules.extend(quote!(max_length: Some(#max),));
                }
                if let Some(pattern) = &c.pattern {
                    let name = self.next_static("P");
                    let source = lit(pattern);
                    self.statics.extend(
                        quote!(static #name: s::LazyPattern = s::LazyPattern::new(#source);),
                    );
                    rules.extend(quote!(pattern: Some(&#name),));
                }
                quote!(s::Kind::String(&s::StringRules { #rules ..s::StringRules::NONE }))
            }
            Type::Integer | Type::Number => {
                let kind = if *ty == Type::Integer {
                    quote!(s::Kind::Integer)
                } else {
                    quote!(s::Kind::Number)
                };
                if !has_number_checks(c) {
                    return quote!(#kind(&s::NumberRules::NONE));
                }
                let mut rules = TokenStream::new();
                for (limit, keyword) in number_limits(c) {
                    if let Some(limit) = limit {
                        let keyword = ident(keyword);
                        let limit = limit_expression(limit);
                        rules.extend(quote!(#keyword: Some(#limit),));
                    }
                }
                quote!(#kind(&s::NumberRules { #rules ..s::NumberRules::NONE }))
            }
            Type::Boolean => quote!(s::Kind::Boolean),
            Type::Any => quote!(s::Kind::Any),
            Type::Array(inner) => {
                let items = self.shape(inner, c.items.as_deref());
                let min_items = option_u64(c.min_items);
                let max_items = option_u64(c.max_items);
                let unique_items = c.unique_items;
                quote!(s::Kind::Array(&s::ArrayRules { items: #items, min_items: #min_items, max_items: #max_items, unique_items: #unique_items }))
            }
            Type::Map(inner) => {
                let items = self.shape(inner, None);
                quote!(s::Kind::Map(&#items))
            }
            Type::Nullable(inner) => {
                let inner_constraints = Constraints {
                    const_value: None,
                    ..c.clone()
                };
                let inner = self.shape(inner, Some(&inner_constraints));
                quote!(s::Kind::Nullable(&#inner))
            }
            Type::Model(id) => {
                let path = model_path(self.context.models, self.module, *id);
                quote!(s::Kind::Model(<#path as ::modelgen_runtime::Model>::shape))
            }
        }
    }
}

fn option_u64(value: Option<u64>) -> TokenStream {
    match value {
        Some(value) => {
            let value = Literal::u64_unsuffixed(value);
            quote!(Some(#value))
        }
        None => quote!(None),
    }
}

/// A `modelgen_runtime::shape::Limit` for a number keyword.
fn limit_expression(n: &serde_json::Number) -> TokenStream {
    if let Some(i) = n.as_i64() {
        let i = Literal::i64_unsuffixed(i);
        quote!(s::Limit::Int(#i))
    } else if let Some(u) = n.as_u64() {
        let u = Literal::u64_unsuffixed(u);
        quote!(s::Limit::Uint(#u))
    } else {
        let f = f64_lit(n.as_f64().unwrap_or_default());
        quote!(s::Limit::Float(#f))
    }
}
