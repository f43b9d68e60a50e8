//! The comparison itself: pairs the models of two sets (by module and name, then renames),
//! and lists the changes of each pair, field by field, value by value, variant by variant.

use std::collections::{BTreeMap, HashMap};

use serde_json::Value;

use super::constraints::{self, Direction};
use super::types::{Comparer, Relation};
use super::{Change, Location, Rule, Version};
use crate::ir::{Enum, Field, Model, ModelId, ModelKind, ModelSet, Object, Type, Union};
use crate::source::Span;

/// How a renamed (or moved) model or field was recognised.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Renamed {
    /// Its new description says ``Renamed from `old` ``.
    PageSays,
    /// It is the only one of its shape on both sides.
    SameShape,
    /// A model with its name left one folder and one arrived in another.
    Moved,
}

impl Renamed {
    fn note(self, old: &str) -> String {
        match self {
            Renamed::PageSays => format!("the new page says it was renamed from `{old}`"),
            Renamed::SameShape => format!(
                "`{old}` is the only one removed with exactly this shape, and this the only one \
                 added with it"
            ),
            Renamed::Moved => format!(
                "`{old}` is the only model of this name removed, and this the only one added"
            ),
        }
    }
}

/// Every change from `old` to `new`; see [`super::diff`].
pub(super) fn diff(old: &ModelSet, new: &ModelSet) -> Vec<Change> {
    let old_keys = keys(old);
    let new_keys = keys(new);
    let mut pairs = HashMap::new();
    for (key, &a) in &old_keys {
        if let Some(&b) = new_keys.get(key) {
            pairs.insert(a, b);
        }
    }
    let renames = model_renames(old, new, &old_keys, &new_keys, &mut pairs);
    let comparer = Comparer::new(old, new, &pairs);
    let mut changes: BTreeMap<String, Vec<Change>> = BTreeMap::new();
    for (key, &a) in &old_keys {
        let path = key_path(key);
        match pairs.get(&a) {
            Some(&b) => {
                let new_model = new.get(b);
                let mut found = Vec::new();
                let mut cx = Context {
                    comparer: &comparer,
                    model: path_of(new_model),
                    model_at: at(Version::New, &new_model.span),
                    name: &new_model.name,
                    out: &mut found,
                };
                if let Some(&how) = renames.get(&b) {
                    let old_model = old.get(a);
                    let (rule, message) = if how == Renamed::Moved {
                        (
                            Rule::ModelMoved,
                            format!(
                                "model `{}` moved from `{}` to `{}`",
                                new_model.name,
                                path_of(old_model),
                                path_of(new_model)
                            ),
                        )
                    } else {
                        (
                            Rule::ModelRenamed,
                            format!(
                                "model `{}` was renamed to `{}`",
                                old_model.name, new_model.name
                            ),
                        )
                    };
                    cx.push(
                        rule,
                        None,
                        message,
                        Some(how.note(&path_of(old_model))),
                        at(Version::New, &new_model.span),
                    );
                }
                cx.models(old.get(a), new_model);
                changes.entry(cx.model.clone()).or_default().extend(found);
            }
            None => {
                let model = old.get(a);
                changes.entry(path.clone()).or_default().push(Change {
                    rule: Rule::ModelRemoved,
                    model: path,
                    model_at: at(Version::Old, &model.span),
                    field: None,
                    message: format!("model `{}` was removed", model.name),
                    note: None,
                    at: at(Version::Old, &model.span),
                });
            }
        }
    }
    let paired: std::collections::HashSet<ModelId> = pairs.values().copied().collect();
    for (key, &b) in &new_keys {
        if paired.contains(&b) {
            continue;
        }
        let model = new.get(b);
        let path = key_path(key);
        changes.entry(path.clone()).or_default().push(Change {
            rule: Rule::ModelAdded,
            model: path,
            model_at: at(Version::New, &model.span),
            field: None,
            message: format!("model `{}` was added", model.name),
            note: None,
            at: at(Version::New, &model.span),
        });
    }
    changes.into_values().flatten().collect()
}

/// A model's key: its module path and name. Synthesized models have none: they are compared
/// through the fields that use them.
type Key = (Vec<String>, String);

fn keys(set: &ModelSet) -> BTreeMap<Key, ModelId> {
    let mut keys = BTreeMap::new();
    for (id, model) in set.iter().filter(|(_, m)| !m.synthesized) {
        // Two pages titled alike in one folder: the first keeps the plain key.
        let mut name = model.name.clone();
        while keys.contains_key(&(model.module.clone(), name.clone())) {
            name.push('\'');
        }
        keys.insert((model.module.clone(), name), id);
    }
    keys
}

fn key_path(key: &Key) -> String {
    let mut parts = key.0.clone();
    parts.push(key.1.clone());
    parts.join("::")
}

fn path_of(model: &Model) -> String {
    key_path(&(model.module.clone(), model.name.clone()))
}

fn at(version: Version, span: &Span) -> Location {
    Location {
        version,
        span: span.clone(),
    }
}

/// Pairs removed and added models that are renames, adding them to `pairs`; returns how each
/// new model of a rename was recognised.
fn model_renames(
    old: &ModelSet,
    new: &ModelSet,
    old_keys: &BTreeMap<Key, ModelId>,
    new_keys: &BTreeMap<Key, ModelId>,
    pairs: &mut HashMap<ModelId, ModelId>,
) -> HashMap<ModelId, Renamed> {
    let paired_new: std::collections::HashSet<ModelId> = pairs.values().copied().collect();
    let mut removed: Vec<ModelId> = old_keys
        .values()
        .copied()
        .filter(|a| !pairs.contains_key(a))
        .collect();
    let mut added: Vec<ModelId> = new_keys
        .values()
        .copied()
        .filter(|b| !paired_new.contains(b))
        .collect();
    let mut renames = HashMap::new();
    // The page says so; a model of the same module comes first.
    for &b in &added {
        let model = new.get(b);
        let Some(from) = renamed_from(&model.description) else {
            continue;
        };
        let found = removed
            .iter()
            .copied()
            .filter(|&a| old.get(a).name == from)
            .min_by_key(|&a| old.get(a).module != model.module);
        if let Some(a) = found {
            pairs.insert(a, b);
            renames.insert(b, Renamed::PageSays);
            removed.retain(|&x| x != a);
        }
    }
    added.retain(|b| !renames.contains_key(b));
    // The same name in another folder, and the only one on each side.
    for &b in &added {
        let name = &new.get(b).name;
        let from: Vec<ModelId> = removed
            .iter()
            .copied()
            .filter(|&a| old.get(a).name == *name)
            .collect();
        let to = added.iter().filter(|&&x| new.get(x).name == *name).count();
        if let ([a], 1) = (from.as_slice(), to) {
            pairs.insert(*a, b);
            renames.insert(b, Renamed::Moved);
            removed.retain(|x| x != a);
        }
    }
    added.retain(|b| !renames.contains_key(b));
    // The same shape, and the only one on each side.
    let snapshot = pairs.clone();
    let comparer = Comparer::new(old, new, &snapshot);
    let same: Vec<(ModelId, ModelId)> = removed
        .iter()
        .flat_map(|&a| added.iter().map(move |&b| (a, b)))
        .filter(|&(a, b)| comparable(old.get(a), new.get(b)) && comparer.same_shape(a, b))
        .collect();
    for &(a, b) in &same {
        let unique = same.iter().filter(|(x, _)| *x == a).count() == 1
            && same.iter().filter(|(_, y)| *y == b).count() == 1;
        if unique {
            pairs.insert(a, b);
            renames.insert(b, Renamed::SameShape);
        }
    }
    renames
}

/// A cheap test before comparing shapes: the same kind, with as many members.
fn comparable(a: &Model, b: &Model) -> bool {
    match (&a.kind, &b.kind) {
        (ModelKind::Object(x), ModelKind::Object(y)) => x.fields.len() == y.fields.len(),
        (ModelKind::Enum(x), ModelKind::Enum(y)) => x.values.len() == y.values.len(),
        (ModelKind::Union(x), ModelKind::Union(y)) => x.variants.len() == y.variants.len(),
        _ => false,
    }
}

/// The name in a description's ``Renamed from `name` `` (any case), if there is one.
fn renamed_from(description: &str) -> Option<&str> {
    const MARK: &str = "renamed from `";
    let at = description.to_ascii_lowercase().find(MARK)? + MARK.len();
    let rest = &description[at..];
    let name = &rest[..rest.find('`')?];
    (!name.is_empty()).then_some(name)
}

/// The changes of one pair of models.
struct Context<'a, 'c> {
    comparer: &'a Comparer<'a>,
    /// The model's path.
    model: String,
    /// The new model's title.
    model_at: Location,
    /// The new model's name, for messages.
    name: &'a str,
    out: &'c mut Vec<Change>,
}

impl Context<'_, '_> {
    fn push(
        &mut self,
        rule: Rule,
        field: Option<&str>,
        message: String,
        note: Option<String>,
        at: Location,
    ) {
        self.out.push(Change {
            rule,
            model: self.model.clone(),
            model_at: self.model_at.clone(),
            field: field.map(str::to_owned),
            message,
            note,
            at,
        });
    }

    fn models(&mut self, old: &Model, new: &Model) {
        let name = self.name;
        let title = at(Version::New, &new.span);
        if old.description.trim() != new.description.trim() {
            self.push(
                Rule::ModelDescriptionChanged,
                None,
                format!("the description of model `{name}` changed"),
                None,
                title.clone(),
            );
        }
        match (old.deprecated.is_some(), new.deprecated.is_some()) {
            (false, true) => self.push(
                Rule::ModelDeprecated,
                None,
                format!("model `{name}` is now deprecated"),
                None,
                title.clone(),
            ),
            (true, false) => self.push(
                Rule::ModelUndeprecated,
                None,
                format!("model `{name}` is no longer deprecated"),
                None,
                title.clone(),
            ),
            _ => {}
        }
        match (&old.kind, &new.kind) {
            (ModelKind::Object(a), ModelKind::Object(b)) => self.objects(a, b),
            (ModelKind::Enum(a), ModelKind::Enum(b)) => self.enums(a, b, &new.span),
            (ModelKind::Union(a), ModelKind::Union(b)) => self.unions(a, b),
            (ModelKind::Any, ModelKind::Any) => {}
            (a, b) => {
                let rule = match (a, b) {
                    (_, ModelKind::Any) => Rule::ModelTypeWidened,
                    (ModelKind::Any, _) => Rule::ModelTypeNarrowed,
                    _ => Rule::ModelTypeChanged,
                };
                self.push(
                    rule,
                    None,
                    format!(
                        "model `{name}` changed from {} to {}",
                        kind_name(a),
                        kind_name(b)
                    ),
                    None,
                    title,
                );
            }
        }
    }

    fn objects(&mut self, old: &Object, new: &Object) {
        let name = self.name;
        let mut matched: Vec<(usize, usize, Option<Renamed>)> = Vec::new();
        for (i, a) in old.fields.iter().enumerate() {
            if let Some(j) = new.fields.iter().position(|b| b.wire_name == a.wire_name) {
                matched.push((i, j, None));
            }
        }
        let removed = |matched: &[(usize, usize, Option<Renamed>)]| -> Vec<usize> {
            (0..old.fields.len())
                .filter(|i| !matched.iter().any(|m| m.0 == *i))
                .collect()
        };
        let added = |matched: &[(usize, usize, Option<Renamed>)]| -> Vec<usize> {
            (0..new.fields.len())
                .filter(|j| !matched.iter().any(|m| m.1 == *j))
                .collect()
        };
        // Renames the page states.
        for j in added(&matched) {
            let Some(from) = renamed_from(&new.fields[j].description) else {
                continue;
            };
            let found = removed(&matched)
                .into_iter()
                .find(|&i| old.fields[i].wire_name == from || old.fields[i].name == from);
            if let Some(i) = found {
                matched.push((i, j, Some(Renamed::PageSays)));
            }
        }
        // The only removed and added fields of one shape.
        let same: Vec<(usize, usize)> = removed(&matched)
            .into_iter()
            .flat_map(|i| added(&matched).into_iter().map(move |j| (i, j)))
            .filter(|&(i, j)| self.same_field_shape(&old.fields[i], &new.fields[j]))
            .collect();
        for &(i, j) in &same {
            if same.iter().filter(|p| p.0 == i).count() == 1
                && same.iter().filter(|p| p.1 == j).count() == 1
            {
                matched.push((i, j, Some(Renamed::SameShape)));
            }
        }
        for i in removed(&matched) {
            let field = &old.fields[i];
            self.push(
                Rule::FieldRemoved,
                Some(&field.wire_name),
                format!("field `{}` of `{name}` was removed", field.wire_name),
                None,
                at(Version::Old, &field.span),
            );
        }
        for (j, field) in new.fields.iter().enumerate() {
            match matched.iter().find(|m| m.1 == j) {
                Some(&(i, _, how)) => self.fields(&old.fields[i], field, how),
                None => self.added_field(field),
            }
        }
    }

    fn same_field_shape(&self, a: &Field, b: &Field) -> bool {
        a.required == b.required
            && a.nullable == b.nullable
            && a.constraints == b.constraints
            && self.comparer.types(&a.ty, &b.ty) == Relation::Same
    }

    fn added_field(&mut self, field: &Field) {
        let (rule, which) = if field.required {
            (Rule::FieldAddedRequired, "required")
        } else {
            (Rule::FieldAddedOptional, "optional")
        };
        let name = self.name;
        self.push(
            rule,
            Some(&field.wire_name),
            format!("{which} field `{}` was added to `{name}`", field.wire_name),
            None,
            at(Version::New, &field.span),
        );
    }

    fn fields(&mut self, old: &Field, new: &Field, renamed: Option<Renamed>) {
        let model = self.name;
        let wire = new.wire_name.as_str();
        let here = at(Version::New, &new.span);
        let field = Some(wire);
        if let Some(how) = renamed {
            self.push(
                Rule::FieldRenamed,
                field,
                format!(
                    "field `{}` of `{model}` was renamed to `{wire}`",
                    old.wire_name
                ),
                Some(how.note(&old.wire_name)),
                here.clone(),
            );
        }
        let subject = format!("field `{wire}` of `{model}`");
        match (old.required, new.required) {
            (true, false) => self.push(
                Rule::FieldBecameOptional,
                field,
                format!("{subject} is no longer required"),
                None,
                here.clone(),
            ),
            (false, true) => self.push(
                Rule::FieldBecameRequired,
                field,
                format!("{subject} is now required"),
                None,
                here.clone(),
            ),
            _ => {}
        }
        match (old.nullable, new.nullable) {
            (false, true) => self.push(
                Rule::FieldBecameNullable,
                field,
                format!("{subject} may now be null"),
                None,
                here.clone(),
            ),
            (true, false) => self.push(
                Rule::FieldBecameNonNullable,
                field,
                format!("{subject} may no longer be null"),
                None,
                here.clone(),
            ),
            _ => {}
        }
        let relation = self.comparer.types(&old.ty, &new.ty);
        let rule = match relation {
            Relation::Same => None,
            Relation::Wider => Some((Rule::FieldTypeWidened, "widened")),
            Relation::Narrower => Some((Rule::FieldTypeNarrowed, "narrowed")),
            Relation::Changed => Some((Rule::FieldTypeChanged, "changed")),
        };
        if let Some((rule, how)) = rule {
            let (from, to) = (
                type_text(self.comparer.old, &old.ty),
                type_text(self.comparer.new, &new.ty),
            );
            let message = if from == to {
                format!("the type of {subject} {how}: `{to}` accepts other values now")
            } else {
                format!("the type of {subject} {how} from `{from}` to `{to}`")
            };
            self.push(rule, field, message, None, here.clone());
        }
        for change in constraints::compare(&old.constraints, &new.constraints) {
            let keyword = &change.keyword;
            let rule = match change.direction {
                Direction::Tightened => Rule::ConstraintTightened,
                Direction::Loosened => Rule::ConstraintLoosened,
                Direction::Changed => Rule::ConstraintChanged,
            };
            let message = match (&change.old, &change.new) {
                (None, Some(v)) => format!("{subject} gained `{keyword}: {v}`"),
                (Some(v), None) => format!("{subject} lost `{keyword}: {v}`"),
                (Some(a), Some(b)) => {
                    format!("`{keyword}` of {subject} changed from `{a}` to `{b}`")
                }
                (None, None) => format!("`{keyword}` of {subject} changed"),
            };
            self.push(rule, field, message, None, here.clone());
        }
        if old.constraints.default != new.constraints.default {
            let show = |v: &Option<Value>| v.as_ref().map_or("none".to_owned(), Value::to_string);
            self.push(
                Rule::DefaultChanged,
                field,
                format!(
                    "the default of {subject} changed from {} to {}",
                    show(&old.constraints.default),
                    show(&new.constraints.default)
                ),
                None,
                here.clone(),
            );
        }
        if old.description.trim() != new.description.trim() {
            self.push(
                Rule::FieldDescriptionChanged,
                field,
                format!("the description of {subject} changed"),
                None,
                here.clone(),
            );
        }
        if old.example != new.example {
            self.push(
                Rule::FieldExampleChanged,
                field,
                format!("the example of {subject} changed"),
                None,
                here.clone(),
            );
        }
        match (old.deprecated.is_some(), new.deprecated.is_some()) {
            (false, true) => self.push(
                Rule::FieldDeprecated,
                field,
                format!("{subject} is now deprecated"),
                None,
                here,
            ),
            (true, false) => self.push(
                Rule::FieldUndeprecated,
                field,
                format!("{subject} is no longer deprecated"),
                None,
                here,
            ),
            _ => {}
        }
    }

    fn enums(&mut self, old: &Enum, new: &Enum, title: &Span) {
        let name = self.name;
        for value in &new.values {
            if old.values.iter().any(|v| v.value == value.value) {
                continue;
            }
            let (rule, kind) = if old.open {
                (Rule::OpenEnumValueAdded, "open")
            } else {
                (Rule::EnumValueAdded, "closed")
            };
            self.push(
                rule,
                None,
                format!(
                    "value `{}` was added to the {kind} enum `{name}`",
                    value.value
                ),
                None,
                at(Version::New, &value.span),
            );
        }
        for value in &old.values {
            if new.values.iter().any(|v| v.value == value.value) {
                continue;
            }
            self.push(
                Rule::EnumValueRemoved,
                None,
                format!("value `{}` was removed from enum `{name}`", value.value),
                None,
                at(Version::Old, &value.span),
            );
        }
        match (old.open, new.open) {
            (false, true) => self.push(
                Rule::EnumOpened,
                None,
                format!("enum `{name}` is now open: it keeps values it does not list"),
                None,
                at(Version::New, title),
            ),
            (true, false) => self.push(
                Rule::EnumClosed,
                None,
                format!("enum `{name}` is now closed: it refuses values it does not list"),
                None,
                at(Version::New, title),
            ),
            _ => {}
        }
    }

    fn unions(&mut self, old: &Union, new: &Union) {
        let name = self.name;
        let comparer = self.comparer;
        for variant in &new.variants {
            let known = old
                .variants
                .iter()
                .any(|v| comparer.types(&v.ty, &variant.ty) == Relation::Same);
            if !known {
                self.push(
                    Rule::UnionVariantAdded,
                    None,
                    format!(
                        "variant `{}` was added to union `{name}`",
                        type_text(comparer.new, &variant.ty)
                    ),
                    None,
                    at(Version::New, &variant.span),
                );
            }
        }
        for variant in &old.variants {
            let kept = new
                .variants
                .iter()
                .any(|v| comparer.types(&variant.ty, &v.ty) == Relation::Same);
            if !kept {
                self.push(
                    Rule::UnionVariantRemoved,
                    None,
                    format!(
                        "variant `{}` was removed from union `{name}`",
                        type_text(comparer.old, &variant.ty)
                    ),
                    None,
                    at(Version::Old, &variant.span),
                );
            }
        }
    }
}

/// `an object`, `an enum`, `a union`, `an untyped model`.
fn kind_name(kind: &ModelKind) -> &'static str {
    match kind {
        ModelKind::Object(_) => "an object",
        ModelKind::Enum(_) => "an enum",
        ModelKind::Union(_) => "a union",
        ModelKind::Any => "an untyped model (any JSON)",
    }
}

/// A type as messages show it: `string`, `integer[]`, `map<string>`, `string | null`, a
/// model's name, or a literal's values.
fn type_text(set: &ModelSet, ty: &Type) -> String {
    match ty {
        Type::String => "string".into(),
        Type::Integer => "integer".into(),
        Type::Number => "number".into(),
        Type::Boolean => "boolean".into(),
        Type::Any => "any".into(),
        Type::DateTime => "date-time".into(),
        Type::Date => "date".into(),
        Type::Array(inner) => format!("{}[]", type_text(set, inner)),
        Type::Map(inner) => format!("map<{}>", type_text(set, inner)),
        Type::Nullable(inner) => format!("{} | null", type_text(set, inner)),
        Type::Model(id) => {
            let model = set.get(*id);
            match &model.kind {
                ModelKind::Enum(e) if model.synthesized => e
                    .values
                    .iter()
                    .map(|v| v.value.to_string())
                    .collect::<Vec<_>>()
                    .join(" | "),
                _ => model.name.clone(),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renamed_from_a_description() {
        assert_eq!(
            renamed_from("The workspace. Renamed from `projectId`."),
            Some("projectId")
        );
        assert_eq!(renamed_from("RENAMED FROM `Old` in v2"), Some("Old"));
        assert_eq!(renamed_from("Renamed from ``."), None);
        assert_eq!(renamed_from("Renamed from `unterminated"), None);
        assert_eq!(renamed_from("Not renamed."), None);
    }
}
