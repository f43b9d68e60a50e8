//! What the Rust and validation emitters share: the [`Context`] every model's items are
//! written with, the Rust type of an IR type ([`Context::type_text`]) and the path from one
//! generated module to a model. Both [`super::rust`] and [`super::validate`] import this
//! module; it imports neither.

use std::collections::BTreeSet;

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
    pub(super) fn type_text(
        &self,
        ty: &Type,
        module: &[String],
        owner: Option<ModelId>,
        direct: bool,
    ) -> String {
        let mut out = String::new();
        self.push_type(&mut out, ty, module, owner, direct);
        out
    }

    fn push_type(
        &self,
        out: &mut String,
        ty: &Type,
        module: &[String],
        owner: Option<ModelId>,
        direct: bool,
    ) {
        match ty {
            Type::String | Type::DateTime | Type::Date => out.push_str("::std::string::String"),
            Type::Integer => out.push_str("i64"),
            Type::Number => out.push_str("f64"),
            Type::Boolean => out.push_str("bool"),
            Type::Any => out.push_str("::serde_json::Value"),
            Type::Array(inner) => {
                out.push_str("::std::vec::Vec<");
                self.push_type(out, inner, module, owner, false);
                out.push('>');
            }
            Type::Map(inner) => {
                out.push_str("::std::collections::BTreeMap<::std::string::String, ");
                self.push_type(out, inner, module, owner, false);
                out.push('>');
            }
            Type::Nullable(inner) => {
                out.push_str("::std::option::Option<");
                self.push_type(out, inner, module, owner, direct);
                out.push('>');
            }
            Type::Model(id) => {
                let cyclic = owner.is_some_and(|owner| self.boxed.contains(&(owner, *id)));
                if direct && cyclic {
                    out.push_str("::std::boxed::Box<");
                    push_model_path(out, self.models, module, *id);
                    out.push('>');
                } else {
                    push_model_path(out, self.models, module, *id);
                }
            }
        }
    }
}

/// `super::super::other::Name` from the module `from` to model `to`.
pub(super) fn push_model_path(out: &mut String, models: &ModelSet, from: &[String], to: ModelId) {
    let target = models.get(to);
    let common = from
        .iter()
        .zip(&target.module)
        .take_while(|(a, b)| a == b)
        .count();
    for _ in common..from.len() {
        out.push_str("super::");
    }
    for module in &target.module[common..] {
        out.push_str(module);
        out.push_str("::");
    }
    out.push_str(&target.rust_name);
}

/// [`push_model_path`] as a new string.
pub(super) fn model_path(models: &ModelSet, from: &[String], to: ModelId) -> String {
    let mut out = String::new();
    push_model_path(&mut out, models, from, to);
    out
}
