//! Which fields hold a format's strings in a native Rust type (`Config::native_format`,
//! `"formats"` in `modelgen.json`), and what the Rust and validation emitters write for them.
//! Every decision about native format types is made here; the emitters only ask.
//!
//! A field takes the native type when its value is a `date-time`, `date` or `uuid` string
//! whose crate was chosen, possibly inside lists, maps and `null`s, and the format is the
//! string's only rule: a `pattern`, `minLength`, `maxLength`, `const` or `default` is checked on
//! the string as written (and a `default` is read as one), and `uniqueItems` compares the
//! strings, so such a field keeps `String`, and its documentation says why. `minItems` and
//! `maxItems` do not look at the strings and are kept. Union variants keep `String` (their
//! value is chosen by the shape of the JSON, which a native type does not change).
//!
//! For a native field the Rust emitter writes the type ([`NativeField::ty`]), reads it through
//! the runtime's `native` slots ([`slot_module`]) and writes it with
//! [`SERIALIZE_WITH`]; the validation emitter checks what is left once the format is taken
//! out ([`checked_view`]), since reading the string already checked the format.

use proc_macro2::{Ident, TokenStream};
use quote::quote;

use super::tokens::ident;
use crate::ir::{Constraints, Field, Format, Type};
use crate::shaping::{NativeLibrary, Shaping};

/// What a field that holds a native type is written with.
#[derive(Debug, Clone)]
pub(super) struct NativeField {
    /// The field's Rust type, without the field's own `Option`s (as `Context::type_tokens`
    /// gives it for a `String` field).
    pub(super) ty: TokenStream,
}

/// The `#[serde(...)]` argument that writes a native field, with its leading comma.
pub(super) fn serialize_with() -> TokenStream {
    quote!(, serialize_with = "::modelgen_runtime::native::serialize")
}

/// The Rust type that holds strings of `format` in `library`'s crate, named through the
/// runtime's re-export.
fn leaf_type(format: Format, library: NativeLibrary) -> Option<TokenStream> {
    Some(match (format, library) {
        (Format::DateTime, NativeLibrary::Chrono) => quote! {
            ::modelgen_runtime::chrono::DateTime<::modelgen_runtime::chrono::FixedOffset>
        },
        (Format::Date, NativeLibrary::Chrono) => quote!(::modelgen_runtime::chrono::NaiveDate),
        (Format::DateTime, NativeLibrary::Jiff) => quote!(::modelgen_runtime::jiff::Timestamp),
        (Format::Date, NativeLibrary::Jiff) => quote!(::modelgen_runtime::jiff::civil::Date),
        (Format::DateTime, NativeLibrary::Time) => {
            quote!(::modelgen_runtime::time::OffsetDateTime)
        }
        (Format::Date, NativeLibrary::Time) => quote!(::modelgen_runtime::time::Date),
        (Format::Uuid, NativeLibrary::Uuid) => quote!(::modelgen_runtime::uuid::Uuid),
        _ => return None,
    })
}

/// The format of a string type: implied by a date type, else the constraint's.
fn string_format(ty: &Type, c: &Constraints) -> Option<Format> {
    match ty {
        Type::DateTime => Some(Format::DateTime),
        Type::Date => Some(Format::Date),
        Type::String => c.format,
        _ => None,
    }
}

/// Whether the format is the only keyword of `c` (a string's constraints).
fn only_format(c: &Constraints) -> bool {
    Constraints {
        format: None,
        ..c.clone()
    }
    .is_empty()
}

/// The native Rust type of a value of type `ty` with constraints `c`, if every string in it is
/// of a chosen format with no other rule.
fn native_type(shaping: &Shaping, ty: &Type, c: &Constraints) -> Option<TokenStream> {
    match ty {
        Type::String | Type::DateTime | Type::Date => {
            let format = string_format(ty, c)?;
            if !only_format(c) {
                return None;
            }
            leaf_type(format, shaping.native_format(format)?)
        }
        Type::Array(inner) => {
            let rest = Constraints {
                min_items: None,
                max_items: None,
                items: None,
                ..c.clone()
            };
            if !rest.is_empty() {
                return None;
            }
            let items = c.items.as_deref().cloned().unwrap_or_default();
            let inner = native_type(shaping, inner, &items)?;
            Some(quote!(::std::vec::Vec<#inner>))
        }
        Type::Map(inner) if c.is_empty() => {
            let inner = native_type(shaping, inner, c)?;
            Some(quote!(::std::collections::BTreeMap<::std::string::String, #inner>))
        }
        Type::Nullable(inner) => {
            let inner = native_type(shaping, inner, c)?;
            Some(quote!(::std::option::Option<#inner>))
        }
        _ => None,
    }
}

/// The native type of an object's field, when it takes one.
pub(super) fn field(shaping: &Shaping, field: &Field) -> Option<NativeField> {
    if field.constraints.default.is_some() || field.constraints.const_value.is_some() {
        return None;
    }
    native_type(shaping, &field.ty, &field.constraints).map(|ty| NativeField { ty })
}

/// The module of the runtime whose slots read the field: `native` for a native field, else
/// `de`.
pub(super) fn slot_module(native: Option<&NativeField>) -> Ident {
    ident(if native.is_some() { "native" } else { "de" })
}

/// The formats with a chosen crate that the field's strings have.
fn chosen_formats(shaping: &Shaping, ty: &Type, c: &Constraints, found: &mut Vec<Format>) {
    match ty {
        Type::String | Type::DateTime | Type::Date => {
            if let Some(format) = string_format(ty, c) {
                if shaping.native_format(format).is_some() && !found.contains(&format) {
                    found.push(format);
                }
            }
        }
        Type::Array(inner) => {
            let items = c.items.as_deref().cloned().unwrap_or_default();
            chosen_formats(shaping, inner, &items, found);
        }
        Type::Map(inner) => chosen_formats(shaping, inner, &Constraints::default(), found),
        Type::Nullable(inner) => chosen_formats(shaping, inner, c, found),
        _ => {}
    }
}

/// A line for the documentation of a field whose format has a chosen crate but which keeps
/// `String`, saying why; `None` for every other field.
pub(super) fn kept_string_note(shaping: &Shaping, field: &Field) -> Option<String> {
    if self::field(shaping, field).is_some() {
        return None;
    }
    let mut found = Vec::new();
    chosen_formats(shaping, &field.ty, &field.constraints, &mut found);
    let format = found.first()?;
    let library = shaping.native_format(*format)?;
    Some(format!(
        "- Rust type: `String`, not the `{}` type chosen for `{}`: the field has rules besides its format (`pattern`, `minLength`, `maxLength`, `const`, `default` or `uniqueItems`), which are checked on the string as written",
        library.name(),
        format.name()
    ))
}

/// The type and constraints the typed validation checks for a native field: its type with
/// each string replaced by a type without checks, and the formats taken out, since reading
/// the field already checked them. `None` for a field that is not native.
pub(super) fn checked_view(shaping: &Shaping, field: &Field) -> Option<(Type, Constraints)> {
    self::field(shaping, field)?;
    fn strip(ty: &Type, c: &Constraints) -> (Type, Constraints) {
        match ty {
            Type::Array(inner) => {
                let items = c.items.as_deref().cloned().unwrap_or_default();
                let (inner, items) = strip(inner, &items);
                let c = Constraints {
                    items: (!items.is_empty()).then(|| Box::new(items)),
                    ..c.clone()
                };
                (Type::Array(Box::new(inner)), c)
            }
            Type::Map(inner) => {
                let (inner, _) = strip(inner, &Constraints::default());
                (Type::Map(Box::new(inner)), c.clone())
            }
            Type::Nullable(inner) => {
                let (inner, c) = strip(inner, c);
                (Type::Nullable(Box::new(inner)), c)
            }
            // A native string: nothing left to check.
            _ => (
                Type::Boolean,
                Constraints {
                    format: None,
                    ..c.clone()
                },
            ),
        }
    }
    Some(strip(&field.ty, &field.constraints))
}
