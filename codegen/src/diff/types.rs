//! How a type of the old model set relates to a type of the new one: the same values, more
//! (wider), fewer (narrower), or neither holding the other (changed).
//!
//! Models are compared by the pairing of old and new models (by name, or renamed) first; two
//! models that are not paired are compared by shape, so a field that moved to another model of
//! the same shape keeps its type.

use std::collections::{HashMap, HashSet};

use crate::ir::{EnumRepr, ModelId, ModelKind, ModelSet, Type};

/// How the values of a new type relate to those of the old one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Relation {
    /// The same values.
    Same,
    /// Every old value and more.
    Wider,
    /// Only some of the old values.
    Narrower,
    /// Neither holds the other.
    Changed,
}

impl Relation {
    /// The relation of two changes made one after the other (or side by side).
    pub fn and(self, other: Relation) -> Relation {
        match (self, other) {
            (Relation::Same, r) | (r, Relation::Same) => r,
            (a, b) if a == b => a,
            _ => Relation::Changed,
        }
    }
}

/// Compares types of two model sets.
pub struct Comparer<'a> {
    /// The old models.
    pub old: &'a ModelSet,
    /// The new models.
    pub new: &'a ModelSet,
    /// Old models paired with new ones (same name, or renamed).
    pub pairs: &'a HashMap<ModelId, ModelId>,
    /// Pairs of unpaired models being compared by shape, assumed the same while they are
    /// (so recursive models compare without end).
    visiting: std::cell::RefCell<HashSet<(ModelId, ModelId)>>,
}

impl<'a> Comparer<'a> {
    /// A comparer of `old` and `new` under `pairs`.
    pub fn new(old: &'a ModelSet, new: &'a ModelSet, pairs: &'a HashMap<ModelId, ModelId>) -> Self {
        Comparer {
            old,
            new,
            pairs,
            visiting: Default::default(),
        }
    }

    /// How `new` relates to `old`.
    pub fn types(&self, old: &Type, new: &Type) -> Relation {
        use Type as T;
        match (old, new) {
            (T::Nullable(a), T::Nullable(b)) => self.types(a, b),
            (T::Nullable(a), b) => self.types(a, b).and(Relation::Narrower),
            (a, T::Nullable(b)) => self.types(a, b).and(Relation::Wider),
            (T::Model(a), T::Model(b)) => self.models(*a, *b),
            (T::Model(a), b) => self.model_to_type(*a, b),
            (a, T::Model(b)) => self.type_to_model(a, *b),
            (T::Any, T::Any) => Relation::Same,
            (_, T::Any) => Relation::Wider,
            (T::Any, _) => Relation::Narrower,
            (T::Array(a), T::Array(b)) | (T::Map(a), T::Map(b)) => self.types(a, b),
            (a, b) if a == b => Relation::Same,
            (T::Integer, T::Number) | (T::DateTime | T::Date, T::String) => Relation::Wider,
            (T::Number, T::Integer) | (T::String, T::DateTime | T::Date) => Relation::Narrower,
            _ => Relation::Changed,
        }
    }

    /// How new model `b` relates to old model `a`.
    pub fn models(&self, a: ModelId, b: ModelId) -> Relation {
        if self.pairs.get(&a) == Some(&b) {
            return Relation::Same;
        }
        if !self.visiting.borrow_mut().insert((a, b)) {
            return Relation::Same;
        }
        let relation = self.shapes(a, b);
        self.visiting.borrow_mut().remove(&(a, b));
        relation
    }

    /// Whether two models accept the same documents, field for field (untyped models have no
    /// shape to compare and are never the same).
    pub fn same_shape(&self, a: ModelId, b: ModelId) -> bool {
        if matches!(self.old.get(a).kind, ModelKind::Any)
            || matches!(self.new.get(b).kind, ModelKind::Any)
        {
            return false;
        }
        self.visiting.borrow_mut().insert((a, b));
        let same = self.shapes(a, b) == Relation::Same;
        self.visiting.borrow_mut().remove(&(a, b));
        same
    }

    /// How the documents of new model `b` relate to those of old model `a`, by shape.
    fn shapes(&self, a: ModelId, b: ModelId) -> Relation {
        match (&self.old.get(a).kind, &self.new.get(b).kind) {
            (ModelKind::Any, ModelKind::Any) => Relation::Same,
            (_, ModelKind::Any) => Relation::Wider,
            (ModelKind::Any, _) => Relation::Narrower,
            (ModelKind::Object(x), ModelKind::Object(y)) => {
                let same = x.fields.len() == y.fields.len()
                    && x.fields.iter().all(|fx| {
                        y.fields.iter().any(|fy| {
                            fx.wire_name == fy.wire_name
                                && fx.required == fy.required
                                && fx.nullable == fy.nullable
                                && fx.constraints == fy.constraints
                                && self.types(&fx.ty, &fy.ty) == Relation::Same
                        })
                    });
                if same {
                    Relation::Same
                } else {
                    Relation::Changed
                }
            }
            (ModelKind::Enum(x), ModelKind::Enum(y)) => {
                let old: Vec<_> = x.values.iter().map(|v| &v.value).collect();
                let new: Vec<_> = y.values.iter().map(|v| &v.value).collect();
                let grew = new.iter().any(|v| !old.contains(v)) || (y.open && !x.open);
                let shrank = old.iter().any(|v| !new.contains(v)) || (x.open && !y.open);
                growth(grew, shrank)
            }
            (ModelKind::Union(x), ModelKind::Union(y)) => {
                let lost = x.variants.iter().any(|vx| {
                    !y.variants
                        .iter()
                        .any(|vy| self.types(&vx.ty, &vy.ty) == Relation::Same)
                });
                let gained = y.variants.iter().any(|vy| {
                    !x.variants
                        .iter()
                        .any(|vx| self.types(&vx.ty, &vy.ty) == Relation::Same)
                });
                growth(gained, lost)
            }
            (ModelKind::Union(x), _) => {
                let kept = x
                    .variants
                    .iter()
                    .any(|v| self.types(&v.ty, &Type::Model(b)) == Relation::Same);
                if kept {
                    Relation::Narrower
                } else {
                    Relation::Changed
                }
            }
            (_, ModelKind::Union(y)) => {
                let kept = y
                    .variants
                    .iter()
                    .any(|v| self.types(&Type::Model(a), &v.ty) == Relation::Same);
                if kept {
                    Relation::Wider
                } else {
                    Relation::Changed
                }
            }
            _ => Relation::Changed,
        }
    }

    /// How the new plain type `b` relates to the old model `a`.
    fn model_to_type(&self, a: ModelId, b: &Type) -> Relation {
        match &self.old.get(a).kind {
            ModelKind::Any => self.types(&Type::Any, b),
            ModelKind::Enum(e) => enum_to_type(e.repr, b),
            ModelKind::Union(u) => {
                if u.variants
                    .iter()
                    .any(|v| self.types(&v.ty, b) == Relation::Same)
                {
                    Relation::Narrower
                } else {
                    Relation::Changed
                }
            }
            ModelKind::Object(_) if *b == Type::Any => Relation::Wider,
            ModelKind::Object(_) => Relation::Changed,
        }
    }

    /// How the new model `b` relates to the old plain type `a`.
    fn type_to_model(&self, a: &Type, b: ModelId) -> Relation {
        match &self.new.get(b).kind {
            ModelKind::Any => self.types(a, &Type::Any),
            ModelKind::Enum(e) => flip(enum_to_type(e.repr, a)),
            ModelKind::Union(u) => {
                if u.variants
                    .iter()
                    .any(|v| self.types(a, &v.ty) == Relation::Same)
                {
                    Relation::Wider
                } else {
                    Relation::Changed
                }
            }
            ModelKind::Object(_) if *a == Type::Any => Relation::Narrower,
            ModelKind::Object(_) => Relation::Changed,
        }
    }
}

/// The relation of a set of values that `grew`, `shrank`, both or neither.
fn growth(grew: bool, shrank: bool) -> Relation {
    match (grew, shrank) {
        (false, false) => Relation::Same,
        (true, false) => Relation::Wider,
        (false, true) => Relation::Narrower,
        (true, true) => Relation::Changed,
    }
}

/// How a plain type relates to an enum of `repr` (from the enum to the type).
fn enum_to_type(repr: EnumRepr, ty: &Type) -> Relation {
    match (repr, ty) {
        (_, Type::Any) => Relation::Wider,
        (EnumRepr::String, Type::String) => Relation::Wider,
        (EnumRepr::Integer, Type::Integer | Type::Number) => Relation::Wider,
        _ => Relation::Changed,
    }
}

/// The opposite direction: wider becomes narrower.
fn flip(relation: Relation) -> Relation {
    match relation {
        Relation::Wider => Relation::Narrower,
        Relation::Narrower => Relation::Wider,
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn relation(old: Type, new: Type) -> Relation {
        let set = ModelSet::default();
        let pairs = HashMap::new();
        Comparer::new(&set, &set, &pairs).types(&old, &new)
    }

    fn nullable(ty: Type) -> Type {
        Type::Nullable(Box::new(ty))
    }

    #[test]
    fn plain_types() {
        use Relation::*;
        let cases = [
            (Type::String, Type::String, Same),
            (Type::Integer, Type::Number, Wider),
            (Type::Number, Type::Integer, Narrower),
            (Type::String, Type::Boolean, Changed),
            (Type::DateTime, Type::String, Wider),
            (Type::String, Type::Date, Narrower),
            (Type::Date, Type::DateTime, Changed),
            (Type::Boolean, Type::Any, Wider),
            (Type::Any, Type::Boolean, Narrower),
            (Type::String, nullable(Type::String), Wider),
            (nullable(Type::String), Type::String, Narrower),
            (nullable(Type::Integer), Type::Number, Changed),
            (
                Type::Array(Box::new(Type::Integer)),
                Type::Array(Box::new(Type::Number)),
                Wider,
            ),
            (
                Type::Map(Box::new(Type::Any)),
                Type::Map(Box::new(Type::String)),
                Narrower,
            ),
            (
                Type::Array(Box::new(Type::String)),
                Type::Map(Box::new(Type::String)),
                Changed,
            ),
        ];
        for (old, new, expected) in cases {
            assert_eq!(
                relation(old.clone(), new.clone()),
                expected,
                "{old:?} -> {new:?}"
            );
        }
    }

    #[test]
    fn combining() {
        use Relation::*;
        assert_eq!(Same.and(Wider), Wider);
        assert_eq!(Narrower.and(Same), Narrower);
        assert_eq!(Wider.and(Wider), Wider);
        assert_eq!(Wider.and(Narrower), Changed);
        assert_eq!(Changed.and(Same), Changed);
    }
}
