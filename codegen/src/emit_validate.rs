//! Stage three (a, continued): validation code for each model, generated from the same IR
//! as the schema so that both accept exactly the same documents.
//!
//! Two checks are generated per model. `Validate::validate_into` checks a typed value (the
//! fast path, after serde has read a document). `Model::validate_value` checks a JSON value
//! before deserializing it (the error path): it reports every structural problem and every
//! broken constraint with its JSON Pointer.

use proc_macro2::{Literal, TokenStream};
use quote::quote;
use serde_json::Value;

use crate::ir::{Constraints, EnumRepr, Format, Model, ModelId, ModelKind, ModelSet, Type};

/// Paths and names the validation code needs from the Rust emitter.
pub trait Paths {
    /// The path to a model's type from the module being written.
    fn model_path(&self, id: ModelId) -> TokenStream;

    /// The Rust type of a variant of the model being written, exactly as its enum holds it
    /// (boxed where the variant closes a cycle).
    fn variant_type(&self, ty: &Type) -> TokenStream;
}

const RT: &str = "::modelgen_runtime";

fn rt() -> TokenStream {
    RT.parse().unwrap_or_default()
}

/// The `Validate` and `Model` implementations of one model, plus `from_json`.
pub fn validation_items(
    models: &ModelSet,
    id: ModelId,
    name: &proc_macro2::Ident,
    paths: &dyn Paths,
) -> TokenStream {
    let model = models.get(id);
    let rt = rt();
    let typed = typed_body(models, model, paths);
    let walk = value_body(model, paths);
    let typed_uses = if typed.is_empty() {
        quote! { _path: &mut #rt::JsonPointer, _errors: &mut ::std::vec::Vec<#rt::ValidationError> }
    } else {
        quote! { path: &mut #rt::JsonPointer, errors: &mut ::std::vec::Vec<#rt::ValidationError> }
    };
    let walk_uses = if walk.is_empty() {
        quote! { _value: &::serde_json::Value, _path: &mut #rt::JsonPointer, _errors: &mut ::std::vec::Vec<#rt::ValidationError> }
    } else {
        quote! { value: &::serde_json::Value, path: &mut #rt::JsonPointer, errors: &mut ::std::vec::Vec<#rt::ValidationError> }
    };
    let union_deserialize = match &model.kind {
        ModelKind::Union(_) => quote! {
            #[allow(deprecated)]
            impl<'de> ::serde::Deserialize<'de> for #name {
                fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
                    let mut value = <::serde_json::Value as ::serde::Deserialize>::deserialize(deserializer)?;
                    Self::from_json_value(&mut value).map_err(<D::Error as ::serde::de::Error>::custom)
                }
            }
        },
        _ => quote! {},
    };
    let union_reader = match &model.kind {
        ModelKind::Union(union) => {
            let attempts = union.variants.iter().map(|variant| {
                let variant_name =
                    proc_macro2::Ident::new(&variant.rust_name, proc_macro2::Span::call_site());
                let check = value_check(&variant.ty, None, paths);
                let ty = paths.variant_type(&variant.ty);
                quote! {
                    {
                        let mut trial = ::std::vec::Vec::new();
                        let errors = &mut trial;
                        let path = &mut #rt::JsonPointer::new();
                        #check
                        if trial.is_empty() {
                            #rt::checks::normalize_integral_floats(value);
                            return #rt::strict::from_value::<#ty>(value.clone())
                                .map(#name::#variant_name)
                                .map_err(|error| error.message);
                        }
                    }
                }
            });
            let union_name = &model.name;
            quote! {
                #[allow(deprecated)]
                impl #name {
                    /// Reads the first variant, most specific first, that the value fits with
                    /// all its constraints.
                    fn from_json_value(value: &mut ::serde_json::Value) -> ::std::result::Result<Self, ::std::string::String> {
                        #(#attempts)*
                        ::std::result::Result::Err(::std::format!("the value fits none of the variants of `{}`", #union_name))
                    }
                }
            }
        }
        _ => quote! {},
    };
    quote! {
        #[allow(deprecated)]
        impl #rt::Validate for #name {
            fn validate_into(&self, #typed_uses) {
                #typed
            }
        }

        #[allow(deprecated)]
        impl #rt::Model for #name {
            fn validate_value(#walk_uses) {
                #walk
            }
        }

        #[allow(deprecated)]
        impl #name {
            /// Reads this model from JSON text and checks it against its schema; on failure,
            /// returns every problem with the JSON Pointer of the offending value.
            pub fn from_json(text: &str) -> ::std::result::Result<Self, #rt::ValidationErrors> {
                #rt::parse(text)
            }
        }

        #union_reader
        #union_deserialize
    }
}

// ----- typed checks (fast path) -----

fn typed_body(models: &ModelSet, model: &Model, paths: &dyn Paths) -> TokenStream {
    match &model.kind {
        ModelKind::Object(object) => {
            let fields = object.fields.iter().filter_map(|field| {
                let check = typed_check(models, &field.ty, Some(&field.constraints), quote! { value }, paths);
                if check.is_empty() {
                    return None;
                }
                let name = field_ident(&field.rust_name);
                let wire = &field.wire_name;
                let body = quote! {
                    path.push_key(#wire);
                    #check
                    path.pop();
                };
                Some(match (field.required, field.nullable, field.constraints.default.is_some()) {
                    (true, false, _) | (false, false, true) => quote! {
                        {
                            let value = &self.#name;
                            #body
                        }
                    },
                    (true, true, _) | (false, false, false) | (false, true, true) => quote! {
                        if let ::std::option::Option::Some(value) = &self.#name {
                            #body
                        }
                    },
                    (false, true, false) => quote! {
                        if let ::std::option::Option::Some(::std::option::Option::Some(value)) = &self.#name {
                            #body
                        }
                    },
                })
            });
            quote! { #(#fields)* }
        }
        ModelKind::Union(union) => {
            let arms: Vec<TokenStream> = union
                .variants
                .iter()
                .map(|variant| {
                    let variant_name =
                        proc_macro2::Ident::new(&variant.rust_name, proc_macro2::Span::call_site());
                    let check = typed_check(models, &variant.ty, None, quote! { value }, paths);
                    if check.is_empty() {
                        quote! { Self::#variant_name(_) => {} }
                    } else {
                        quote! { Self::#variant_name(value) => { #check } }
                    }
                })
                .collect();
            let any_check = union
                .variants
                .iter()
                .any(|v| !typed_check(models, &v.ty, None, quote! { value }, paths).is_empty());
            if any_check {
                quote! { match self { #(#arms)* } }
            } else {
                quote! {}
            }
        }
        ModelKind::Enum(_) | ModelKind::Any => quote! {},
    }
}

fn field_ident(name: &str) -> proc_macro2::Ident {
    match name.strip_prefix("r#") {
        Some(raw) => proc_macro2::Ident::new_raw(raw, proc_macro2::Span::call_site()),
        None => proc_macro2::Ident::new(name, proc_macro2::Span::call_site()),
    }
}

/// Checks of a typed value bound to `value` (a reference); empty when nothing can fail.
fn typed_check(
    models: &ModelSet,
    ty: &Type,
    constraints: Option<&Constraints>,
    value: TokenStream,
    paths: &dyn Paths,
) -> TokenStream {
    let rt = rt();
    let c = constraints.cloned().unwrap_or_default();
    let constant = c.const_value.as_ref().map(|expected| {
        let text = expected.to_string();
        quote! {
            {
                static EXPECTED: ::std::sync::LazyLock<::serde_json::Value> =
                    ::std::sync::LazyLock::new(|| ::serde_json::from_str(#text).unwrap_or_default());
                #rt::checks::constant_typed(#value, &EXPECTED, path, errors);
            }
        }
    });
    let body = match ty {
        Type::String | Type::DateTime | Type::Date => {
            let implied = match ty {
                Type::DateTime => Some(Format::DateTime),
                Type::Date => Some(Format::Date),
                _ => None,
            };
            string_checks(&c, implied, quote! { #value.as_str() })
        }
        Type::Integer => number_checks(&c, quote! { &::serde_json::Number::from(*#value) }),
        Type::Number => {
            let checks = number_checks(&c, quote! { &number });
            if checks.is_empty() {
                quote! {}
            } else {
                quote! {
                    if let ::std::option::Option::Some(number) = #rt::checks::number_of_f64(*#value) {
                        #checks
                    }
                }
            }
        }
        Type::Boolean | Type::Any => quote! {},
        Type::Array(inner) => {
            let mut checks = Vec::new();
            if let Some(min) = c.min_items {
                checks.push(quote! { #rt::checks::min_items(#value.len(), #min, path, errors); });
            }
            if let Some(max) = c.max_items {
                checks.push(quote! { #rt::checks::max_items(#value.len(), #max, path, errors); });
            }
            if c.unique_items {
                checks.push(quote! { #rt::checks::unique_typed(#value, path, errors); });
            }
            let item = typed_check(models, inner, c.items.as_deref(), quote! { item }, paths);
            if !item.is_empty() {
                checks.push(quote! {
                    for (index, item) in #value.iter().enumerate() {
                        path.push_index(index);
                        #item
                        path.pop();
                    }
                });
            }
            quote! { #(#checks)* }
        }
        Type::Map(inner) => {
            let item = typed_check(models, inner, None, quote! { item }, paths);
            if item.is_empty() {
                quote! {}
            } else {
                quote! {
                    for (key, item) in #value.iter() {
                        path.push_key(key);
                        #item
                        path.pop();
                    }
                }
            }
        }
        Type::Nullable(inner) => {
            let inner = typed_check(
                models,
                inner,
                Some(&Constraints {
                    const_value: None,
                    ..c.clone()
                }),
                quote! { inner },
                paths,
            );
            if inner.is_empty() {
                quote! {}
            } else {
                quote! {
                    if let ::std::option::Option::Some(inner) = #value {
                        #inner
                    }
                }
            }
        }
        Type::Model(id) => {
            if needs_typed_validation(models, *id, &mut Vec::new()) {
                quote! { #rt::Validate::validate_into(#value, path, errors); }
            } else {
                let _ = paths;
                quote! {}
            }
        }
    };
    match constant {
        Some(constant) => quote! { #constant #body },
        None => body,
    }
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

fn format_check(format: Format, text: &TokenStream) -> TokenStream {
    let rt = rt();
    let name = format.name();
    let function: TokenStream = match format {
        Format::DateTime => quote! { #rt::format::is_date_time },
        Format::Date => quote! { #rt::format::is_date },
        Format::Email => quote! { #rt::format::is_email },
        Format::Uri => quote! { #rt::format::is_uri },
        Format::Uuid => quote! { #rt::format::is_uuid },
        Format::Ipv4 => quote! { #rt::format::is_ipv4 },
        Format::Ipv6 => quote! { #rt::format::is_ipv6 },
    };
    quote! { #rt::checks::format(#text, #name, #function, path, errors); }
}

fn string_checks(c: &Constraints, implied: Option<Format>, text: TokenStream) -> TokenStream {
    let rt = rt();
    let mut checks = Vec::new();
    if let Some(format) = implied.or(c.format) {
        checks.push(format_check(format, &text));
    }
    if let Some(min) = c.min_length {
        checks.push(quote! { #rt::checks::min_length(#text, #min, path, errors); });
    }
    if let Some(max) = c.max_length {
        checks.push(quote! { #rt::checks::max_length(#text, #max, path, errors); });
    }
    if let Some(pattern) = &c.pattern {
        checks.push(quote! {
            {
                static PATTERN: ::std::sync::LazyLock<#rt::Pattern> = ::std::sync::LazyLock::new(|| {
                    #rt::Pattern::new(#pattern).expect("the pattern was checked when the code was generated")
                });
                #rt::checks::pattern(#text, &PATTERN, #pattern, path, errors);
            }
        });
    }
    quote! { #(#checks)* }
}

fn number_literal(n: &serde_json::Number) -> TokenStream {
    if let Some(i) = n.as_i64() {
        let literal = Literal::i64_suffixed(i);
        quote! { ::serde_json::Number::from(#literal) }
    } else if let Some(u) = n.as_u64() {
        let literal = Literal::u64_suffixed(u);
        quote! { ::serde_json::Number::from(#literal) }
    } else {
        let literal = Literal::f64_suffixed(n.as_f64().unwrap_or_default());
        quote! { ::serde_json::Number::from_f64(#literal).unwrap_or_else(|| ::serde_json::Number::from(0)) }
    }
}

fn number_checks(c: &Constraints, number: TokenStream) -> TokenStream {
    let rt = rt();
    let keywords = [
        (&c.minimum, quote! { minimum }),
        (&c.maximum, quote! { maximum }),
        (&c.exclusive_minimum, quote! { exclusive_minimum }),
        (&c.exclusive_maximum, quote! { exclusive_maximum }),
        (&c.multiple_of, quote! { multiple_of }),
    ];
    let checks = keywords.into_iter().filter_map(|(limit, function)| {
        let limit = number_literal(limit.as_ref()?);
        Some(quote! { #rt::checks::#function(#number, &#limit, path, errors); })
    });
    quote! { #(#checks)* }
}

// ----- value checks (error path) -----

fn value_body(model: &Model, paths: &dyn Paths) -> TokenStream {
    let rt = rt();
    match &model.kind {
        ModelKind::Object(object) => {
            let fields = object.fields.iter().map(|field| {
                let wire = &field.wire_name;
                let check = value_check(&field.ty, Some(&field.constraints), paths);
                let missing = if field.required {
                    quote! { #rt::checks::required(#wire, path, errors) }
                } else {
                    quote! {}
                };
                let null_arm = if field.nullable && field.constraints.const_value.is_none() {
                    quote! { ::std::option::Option::Some(::serde_json::Value::Null) => {} }
                } else {
                    quote! {}
                };
                if check.is_empty() && !field.nullable {
                    // Anything goes once present: only presence can fail.
                    return if field.required {
                        quote! {
                            if !object.contains_key(#wire) {
                                #rt::checks::required(#wire, path, errors);
                            }
                        }
                    } else {
                        quote! {}
                    };
                }
                let present = if check.is_empty() {
                    quote! { ::std::option::Option::Some(_) => {} }
                } else {
                    quote! {
                        ::std::option::Option::Some(value) => {
                            path.push_key(#wire);
                            #check
                            path.pop();
                        }
                    }
                };
                quote! {
                    match object.get(#wire) {
                        ::std::option::Option::None => { #missing }
                        #null_arm
                        #present
                    }
                }
            });
            if object.fields.is_empty() {
                quote! { let _ = #rt::checks::expect_object(value, path, errors); }
            } else {
                quote! {
                    let ::std::option::Option::Some(object) = #rt::checks::expect_object(value, path, errors) else {
                        return;
                    };
                    #(#fields)*
                }
            }
        }
        ModelKind::Enum(e) => enum_value_check(e),
        ModelKind::Union(union) => {
            let attempts = union.variants.iter().map(|variant| {
                let check = value_check(&variant.ty, None, paths);
                quote! {
                    {
                        let mut trial = ::std::vec::Vec::new();
                        {
                            let errors = &mut trial;
                            #check
                        }
                        if trial.is_empty() {
                            return;
                        }
                    }
                }
            });
            let union_name = &model.name;
            quote! {
                #(#attempts)*
                #rt::checks::no_variant(#union_name, path, errors);
            }
        }
        ModelKind::Any => quote! {},
    }
}

fn enum_value_check(e: &crate::ir::Enum) -> TokenStream {
    let rt = rt();
    let allowed = e
        .values
        .iter()
        .map(|v| v.value.to_string())
        .collect::<Vec<_>>()
        .join(", ");
    match e.repr {
        EnumRepr::String => {
            let values = e
                .values
                .iter()
                .map(|v| v.value.as_str().unwrap_or_default());
            if e.open {
                quote! { let _ = #rt::checks::expect_string(value, path, errors); }
            } else {
                quote! {
                    if let ::std::option::Option::Some(text) = #rt::checks::expect_string(value, path, errors) {
                        if !matches!(text, #(#values)|*) {
                            #rt::checks::not_in_enum(value, #allowed, path, errors);
                        }
                    }
                }
            }
        }
        EnumRepr::Integer => {
            let values = e
                .values
                .iter()
                .map(|v| Literal::i64_unsuffixed(v.value.as_i64().unwrap_or_default()));
            if e.open {
                quote! { let _ = #rt::checks::expect_integer(value, path, errors); }
            } else {
                quote! {
                    const ALLOWED: &[i64] = &[#(#values),*];
                    if #rt::checks::expect_integer(value, path, errors).is_some()
                        && !#rt::checks::integer_value(value).is_some_and(|number| ALLOWED.contains(&number))
                    {
                        #rt::checks::not_in_enum(value, #allowed, path, errors);
                    }
                }
            }
        }
    }
}

/// Checks of a JSON value bound to `value` against a type and constraints.
fn value_check(ty: &Type, constraints: Option<&Constraints>, paths: &dyn Paths) -> TokenStream {
    let rt = rt();
    let c = constraints.cloned().unwrap_or_default();
    let constant = c.const_value.as_ref().map(|expected: &Value| {
        let text = expected.to_string();
        quote! {
            {
                static EXPECTED: ::std::sync::LazyLock<::serde_json::Value> =
                    ::std::sync::LazyLock::new(|| ::serde_json::from_str(#text).unwrap_or_default());
                #rt::checks::constant_value(value, &EXPECTED, path, errors);
            }
        }
    });
    let body = match ty {
        Type::String | Type::DateTime | Type::Date => {
            let implied = match ty {
                Type::DateTime => Some(Format::DateTime),
                Type::Date => Some(Format::Date),
                _ => None,
            };
            let checks = string_checks(&c, implied, quote! { text });
            quote! {
                if let ::std::option::Option::Some(text) = #rt::checks::expect_string(value, path, errors) {
                    let _ = text;
                    #checks
                }
            }
        }
        Type::Integer | Type::Number => {
            let expect = if *ty == Type::Integer {
                quote! { expect_integer }
            } else {
                quote! { expect_number }
            };
            let checks = number_checks(&c, quote! { number });
            quote! {
                if let ::std::option::Option::Some(number) = #rt::checks::#expect(value, path, errors) {
                    let _ = number;
                    #checks
                }
            }
        }
        Type::Boolean => quote! { #rt::checks::expect_bool(value, path, errors); },
        Type::Any => quote! {},
        Type::Array(inner) => {
            let mut checks = Vec::new();
            if let Some(min) = c.min_items {
                checks.push(quote! { #rt::checks::min_items(items.len(), #min, path, errors); });
            }
            if let Some(max) = c.max_items {
                checks.push(quote! { #rt::checks::max_items(items.len(), #max, path, errors); });
            }
            if c.unique_items {
                checks.push(quote! { #rt::checks::unique_values(items, path, errors); });
            }
            let item = value_check(inner, c.items.as_deref(), paths);
            if !item.is_empty() {
                checks.push(quote! {
                    for (index, value) in items.iter().enumerate() {
                        path.push_index(index);
                        #item
                        path.pop();
                    }
                });
            }
            if checks.is_empty() {
                quote! { let _ = #rt::checks::expect_array(value, path, errors); }
            } else {
                quote! {
                    if let ::std::option::Option::Some(items) = #rt::checks::expect_array(value, path, errors) {
                        #(#checks)*
                    }
                }
            }
        }
        Type::Map(inner) => {
            let item = value_check(inner, None, paths);
            if item.is_empty() {
                quote! { let _ = #rt::checks::expect_object(value, path, errors); }
            } else {
                quote! {
                    if let ::std::option::Option::Some(entries) = #rt::checks::expect_object(value, path, errors) {
                        for (key, value) in entries.iter() {
                            path.push_key(key);
                            #item
                            path.pop();
                        }
                    }
                }
            }
        }
        Type::Nullable(inner) => {
            let inner = value_check(
                inner,
                Some(&Constraints {
                    const_value: None,
                    ..c.clone()
                }),
                paths,
            );
            quote! {
                if !value.is_null() {
                    #inner
                }
            }
        }
        Type::Model(id) => {
            let path_tokens = paths.model_path(*id);
            quote! { <#path_tokens as #rt::Model>::validate_value(value, path, errors); }
        }
    };
    match constant {
        Some(constant) => quote! { #constant #body },
        None => body,
    }
}
