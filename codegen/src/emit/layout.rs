//! Which references between generated types go through a `Box`: every cycle needs one
//! indirection, and a large type is boxed where another type holds it in place.
//!
//! Without the second rule, a model that holds others directly (not in a list or map)
//! carries their whole size: in a densely linked folder one struct can take tens of
//! kilobytes, every move copies it, and deserializing a document a few levels deep needs
//! more stack than a test thread or an async task has in a debug build.

use std::collections::{BTreeMap, BTreeSet};

use crate::ir::{ModelId, ModelKind, ModelSet, Type};

/// The estimated size, in bytes, above which a model is held through a `Box` by the types
/// that would otherwise hold it in place.
pub const LARGE_TYPE_BYTES: usize = 1024;

/// The references (owner, target), direct ones only (not through a list or map), that are
/// written as `Box<target>`: one per cycle, and every one whose target is larger than
/// [`LARGE_TYPE_BYTES`].
pub fn boxed_references(models: &ModelSet) -> BTreeSet<(ModelId, ModelId)> {
    let direct = direct_references(models);
    let mut boxed = cycle_references(&direct);
    let mut sizes = BTreeMap::new();
    for &id in direct.keys() {
        estimate(models, &direct, &mut boxed, &mut sizes, id);
    }
    boxed
}

/// Each model's direct references (not through a list or map).
fn direct_references(models: &ModelSet) -> BTreeMap<ModelId, BTreeSet<ModelId>> {
    let mut direct: BTreeMap<ModelId, BTreeSet<ModelId>> = BTreeMap::new();
    for (id, model) in models.iter() {
        let targets = direct.entry(id).or_default();
        let mut add = |ty: &Type| {
            direct_models(ty, &mut |m| {
                targets.insert(m);
            })
        };
        match &model.kind {
            ModelKind::Object(object) => object.fields.iter().for_each(|f| add(&f.ty)),
            ModelKind::Union(union) => union.variants.iter().for_each(|v| add(&v.ty)),
            _ => {}
        }
    }
    direct
}

fn direct_models(ty: &Type, visit: &mut impl FnMut(ModelId)) {
    match ty {
        Type::Model(id) => visit(*id),
        Type::Nullable(inner) => direct_models(inner, visit),
        _ => {}
    }
}

/// The references that close a cycle: a depth-first walk boxes only its back edges, so each
/// cycle gets one indirection and the other references stay plain.
fn cycle_references(direct: &BTreeMap<ModelId, BTreeSet<ModelId>>) -> BTreeSet<(ModelId, ModelId)> {
    let mut boxed = BTreeSet::new();
    let mut state: BTreeMap<ModelId, bool> = BTreeMap::new(); // true while on the stack
    for &root in direct.keys() {
        if state.contains_key(&root) {
            continue;
        }
        let mut stack: Vec<(ModelId, Vec<ModelId>)> =
            vec![(root, direct[&root].iter().rev().copied().collect())];
        state.insert(root, true);
        while let Some((node, pending)) = stack.last_mut() {
            let node = *node;
            match pending.pop() {
                Some(next) => match state.get(&next) {
                    Some(true) => {
                        boxed.insert((node, next));
                    }
                    Some(false) => {}
                    None => {
                        state.insert(next, true);
                        // Reversed, so that `pop` visits the targets in id order.
                        let targets = direct.get(&next).into_iter().flatten().rev().copied();
                        stack.push((next, targets.collect()));
                    }
                },
                None => {
                    state.insert(node, false);
                    stack.pop();
                }
            }
        }
    }
    boxed
}

/// The estimated size of model `id`'s Rust type, deciding on the way which of its direct
/// references are boxed for size. With the cycle references boxed the direct references
/// form no cycle, so the walk ends; it keeps its own stack, as the chains can be long.
fn estimate(
    models: &ModelSet,
    direct: &BTreeMap<ModelId, BTreeSet<ModelId>>,
    boxed: &mut BTreeSet<(ModelId, ModelId)>,
    sizes: &mut BTreeMap<ModelId, usize>,
    root: ModelId,
) {
    let mut stack = vec![root];
    while let Some(&id) = stack.last() {
        if sizes.contains_key(&id) {
            stack.pop();
            continue;
        }
        let unknown: Vec<ModelId> = direct[&id]
            .iter()
            .copied()
            .filter(|&t| !boxed.contains(&(id, t)) && !sizes.contains_key(&t))
            .collect();
        if !unknown.is_empty() {
            stack.extend(unknown);
            continue;
        }
        for &target in &direct[&id] {
            if sizes.get(&target).is_some_and(|&s| s > LARGE_TYPE_BYTES) {
                boxed.insert((id, target));
            }
        }
        let held = |target: ModelId| {
            if boxed.contains(&(id, target)) {
                POINTER
            } else {
                sizes[&target]
            }
        };
        let size = match &models.get(id).kind {
            ModelKind::Object(object) => object
                .fields
                .iter()
                .map(|f| {
                    let wrappers = usize::from(!f.required) + usize::from(f.nullable);
                    type_size(&f.ty, &held) + wrappers * TAG
                })
                .sum(),
            ModelKind::Union(union) => {
                union
                    .variants
                    .iter()
                    .map(|v| type_size(&v.ty, &held))
                    .max()
                    .unwrap_or(0)
                    + TAG
            }
            ModelKind::Enum(e) if e.open => STRING + TAG,
            ModelKind::Enum(_) => TAG,
            ModelKind::Any => JSON_VALUE,
        };
        sizes.insert(id, size);
        stack.pop();
    }
}

const POINTER: usize = 8;
const TAG: usize = 8;
const STRING: usize = 24;
const JSON_VALUE: usize = 32;

/// The estimated size of a value of `ty`, with a model held directly taking `held(model)`.
fn type_size(ty: &Type, held: &impl Fn(ModelId) -> usize) -> usize {
    match ty {
        Type::String | Type::Date | Type::DateTime | Type::Array(_) | Type::Map(_) => STRING,
        Type::Integer | Type::Number => 8,
        Type::Boolean => 1,
        Type::Any => JSON_VALUE,
        Type::Nullable(inner) => type_size(inner, held) + TAG,
        Type::Model(id) => held(*id),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::emit::schema::tests::{field, model};
    use crate::ir::{Model, Object};

    fn object(name: &str, fields: Vec<(&str, Type)>) -> Model {
        let fields = fields
            .into_iter()
            .map(|(name, ty)| {
                let mut field = field(name, ty);
                field.required = true;
                field
            })
            .collect();
        model(
            name,
            "",
            false,
            ModelKind::Object(Object {
                fields,
                example: None,
            }),
        )
    }

    #[test]
    fn a_cycle_is_boxed_once() {
        let models = ModelSet {
            models: vec![
                object("A", vec![("b", Type::Model(ModelId(1)))]),
                object(
                    "B",
                    vec![("a", Type::Nullable(Box::new(Type::Model(ModelId(0)))))],
                ),
            ],
        };
        assert_eq!(
            boxed_references(&models),
            BTreeSet::from([(ModelId(1), ModelId(0))])
        );
    }

    #[test]
    fn a_large_model_is_boxed_where_held_in_place_but_not_in_a_list() {
        let many_strings = (0..LARGE_TYPE_BYTES / STRING + 1)
            .map(|i| (["s", &i.to_string()].concat(), Type::String))
            .collect::<Vec<_>>();
        let large = object(
            "Large",
            many_strings
                .iter()
                .map(|(n, t)| (n.as_str(), t.clone()))
                .collect(),
        );
        let small = object("Small", vec![("s", Type::String)]);
        let holder = object(
            "Holder",
            vec![
                ("large", Type::Model(ModelId(0))),
                ("small", Type::Model(ModelId(1))),
                ("list", Type::Array(Box::new(Type::Model(ModelId(0))))),
            ],
        );
        let models = ModelSet {
            models: vec![large, small, holder],
        };
        assert_eq!(
            boxed_references(&models),
            BTreeSet::from([(ModelId(2), ModelId(0))])
        );
    }

    #[test]
    fn sizes_add_up_through_a_chain_until_one_is_boxed() {
        // Each link holds the next in place with 12 strings beside it (288 bytes): the sum
        // passes the limit a few links up the chain, and from there every link is boxed.
        let links = 8;
        let models = ModelSet {
            models: (0..links)
                .map(|i| {
                    let mut fields: Vec<(String, Type)> =
                        (0..12).map(|s| (format!("s{s}"), Type::String)).collect();
                    if i + 1 < links {
                        fields.push(("next".to_owned(), Type::Model(ModelId(i + 1))));
                    }
                    object(
                        &format!("Link{i}"),
                        fields
                            .iter()
                            .map(|(n, t)| (n.as_str(), t.clone()))
                            .collect(),
                    )
                })
                .collect(),
        };
        let boxed = boxed_references(&models);
        // Link7 = 288; Link6 = 576; Link5 = 864; Link4 = 1152 > 1024, so Link3 boxes it, and
        // Link3 = 296 again: Link0 holds Link1 (872) in place.
        assert_eq!(boxed, BTreeSet::from([(ModelId(3), ModelId(4))]));
    }
}
