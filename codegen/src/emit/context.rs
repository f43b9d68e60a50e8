//! What the Rust and validation emitters share: the [`Context`] every model's items are
//! written with, the Rust type of an IR type ([`Context::type_tokens`]) and the path from one
//! generated module to a model. Both [`super::rust`] and [`super::validate`] import this
//! module; it imports neither.

use std::collections::BTreeSet;

use proc_macro2::TokenStream;
use quote::quote;

use super::tokens::ident;
use crate::ir::{ModelId, ModelSet, Type};
use crate::shaping::Shaping;

/// What every model's items are written with.
pub(super) struct Context<'a> {
    pub(super) models: &'a ModelSet,
    /// Direct references written as `Box<target>` (see [`super::layout`]).
    pub(super) boxed: BTreeSet<(ModelId, ModelId)>,
    /// What the configuration asks of each model's type.
    pub(super) shaping: &'a Shaping,
}

impl Context<'_> {
    /// The Rust type of `ty` in the module `module`, as a field or variant of `owner`
    /// holds it (`direct`: not inside a list or map, so a cycle through it is boxed).
    pub(super) fn type_tokens(
        &self,
        ty: &Type,
        module: &[String],
        owner: Option<ModelId>,
        direct: bool,
    ) -> TokenStream {
        match ty {
            Type::String | Type::DateTime | Type::Date => quote!(::std::string::String),
            Type::Integer => quote!(i64),
            Type::Number => quote!(f64),
            Type::Boolean => quote!(bool),
            Type::Any => quote!(::serde_json::Value),
            Type::Array(inner) => {
                let inner = self.type_tokens(inner, module, owner, false);
                quote!(::std::vec::Vec<#inner>)
            }
            Type::Map(inner) => {
                let inner = self.type_tokens(inner, module, owner, false);
                quote!(::std::collections::BTreeMap<::std::string::String, #inner>)
            }
            Type::Nullable(inner) => {
                let inner = self.type_tokens(inner, module, owner, direct);
                quote!(::std::option::Option<#inner>)
            }
            Type::Model(id) => {
                let path = model_path(self.models, module, *id);
                let cyclic = owner.is_some_and(|owner| self.boxed.contains(&(owner, *id)));
                if direct && cyclic {
                    quote!(::std::boxed::Box<#path>)
                } else {
                    path
                }
            }
        }
    }
}

/// `super::super::other::Name` from the module `from` to model `to`.
pub(super) fn model_path(models: &ModelSet, from: &[String], to: ModelId) -> TokenStream {
    let target = models.get(to);
    let common = from
        .iter()
        .zip(&target.module)
        .take_while(|(a, b)| a == b)
        .count();
    let mut out = TokenStream::new();
    for _ in common..from.len() {
        out.extend(quote!(super::));
    }
    for module in &target.module[common..] {
        let module = ident(module);
        out.extend(quote!(#module::));
    }
    out.extend(std::iter::once(proc_macro2::TokenTree::Ident(ident(
        &target.rust_name,
    ))));
    out
}
