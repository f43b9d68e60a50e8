//! JSON trees that borrow most of their keys and values from the model IR: cheap to build,
//! serialized by serde_json exactly as the `serde_json::Value` they stand for, and turned
//! into that `Value` where one is needed.

use std::borrow::Cow;

use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};
use serde_json::{Map, Number, Value};

use crate::ir::ModelId;

/// An object's members, in order.
pub(crate) type Members<'m> = Vec<(Cow<'m, str>, Node<'m>)>;

/// A JSON value whose strings are mostly borrowed.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Node<'m> {
    /// A borrowed string.
    Str(&'m str),
    /// A string made for this tree (a `$ref` path, an `$id`).
    String(String),
    /// `true` or `false`.
    Bool(bool),
    /// A non-negative integer.
    U64(u64),
    /// A borrowed number.
    Number(&'m Number),
    /// A borrowed value (examples, `const`, `default`, enum values).
    Json(&'m Value),
    /// A value made for this tree that is neither a string nor an object.
    Value(Value),
    /// An object: its keys are unique when its members are added with [`put`].
    Object(Members<'m>),
    /// An array.
    Array(Vec<Node<'m>>),
    /// The value of a `$ref` to another model's schema: the relative path of its published
    /// file (how it is written in [`RefStyle::File`]), the model's key, and the model.
    ModelRef {
        /// The path of the target's file relative to the referring file.
        path: String,
        /// The target's key (its name in the bundle's `$defs`).
        key: &'m str,
        /// The target.
        target: ModelId,
    },
}

/// How [`Node::ModelRef`]s are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RefStyle {
    /// `"$ref": "<relative path>"`, as in the published files.
    File,
    /// `"$modelRef": "<key>"`, a placeholder that generated code replaces with the schema
    /// schemars gives the model.
    Placeholder,
}

impl Node<'_> {
    /// `value` as a node: objects and strings as [`Node::Object`] and [`Node::String`], so
    /// that they can be looked into like the nodes made from the IR.
    pub(crate) fn from_value(value: Value) -> Node<'static> {
        match value {
            Value::String(s) => Node::String(s),
            Value::Object(map) => Node::Object(
                map.into_iter()
                    .map(|(key, value)| (Cow::Owned(key), Node::from_value(value)))
                    .collect(),
            ),
            other => Node::Value(other),
        }
    }

    /// The string this node holds, if it is a JSON string.
    pub(crate) fn as_str(&self) -> Option<&str> {
        match self {
            Node::Str(s) => Some(s),
            Node::String(s) => Some(s),
            Node::Json(Value::String(s)) | Node::Value(Value::String(s)) => Some(s),
            _ => None,
        }
    }

    /// The `serde_json::Value` this node stands for.
    pub(crate) fn into_value(self) -> Value {
        match self {
            Node::Str(s) => Value::String(s.to_owned()),
            Node::String(s) => Value::String(s),
            Node::Bool(b) => Value::Bool(b),
            Node::U64(n) => Value::from(n),
            Node::Number(n) => Value::Number(n.clone()),
            Node::Json(value) => value.clone(),
            Node::Value(value) => value,
            Node::Object(members) => Value::Object(into_map(members)),
            Node::Array(items) => Value::Array(items.into_iter().map(Node::into_value).collect()),
            Node::ModelRef { path, .. } => Value::String(path),
        }
    }

    /// Calls `visit` with every model a [`Node::ModelRef`] in this tree refers to.
    pub(crate) fn visit_model_refs(&self, visit: &mut impl FnMut(ModelId)) {
        match self {
            Node::ModelRef { target, .. } => visit(*target),
            Node::Object(members) => members.iter().for_each(|(_, v)| v.visit_model_refs(visit)),
            Node::Array(items) => items.iter().for_each(|item| item.visit_model_refs(visit)),
            _ => {}
        }
    }
}

/// The `serde_json::Map` an object's members stand for.
pub(crate) fn into_map(members: Members) -> Map<String, Value> {
    let mut map = Map::with_capacity(members.len());
    for (key, value) in members {
        map.insert(key.into_owned(), value.into_value());
    }
    map
}

/// Adds a member as `serde_json::Map::insert` does with `preserve_order`: a key already
/// present keeps its position and takes the new value; a new key goes last.
pub(crate) fn put<'m>(members: &mut Members<'m>, key: impl Into<Cow<'m, str>>, value: Node<'m>) {
    let key = key.into();
    match members.iter_mut().find(|(k, _)| *k == key) {
        Some(member) => member.1 = value,
        None => members.push((key, value)),
    }
}

/// Whether an object has a member named `key`.
pub(crate) fn has(members: &[(Cow<str>, Node)], key: &str) -> bool {
    members.iter().any(|(k, _)| k == key)
}

/// A tree serialized with references in [`RefStyle::File`].
impl Serialize for Node<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        Styled::Node(self, RefStyle::File).serialize(serializer)
    }
}

/// A tree, or an object's members, serialized with references in a given style.
pub(crate) enum Styled<'a, 'm> {
    /// A whole tree.
    Node(&'a Node<'m>, RefStyle),
    /// An object's members.
    Members(&'a [(Cow<'m, str>, Node<'m>)], RefStyle),
}

impl Serialize for Styled<'_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let (node, style) = match *self {
            Styled::Node(node, style) => (node, style),
            Styled::Members(members, style) => {
                let mut map = serializer.serialize_map(Some(members.len()))?;
                for (key, value) in members {
                    match (value, style) {
                        (Node::ModelRef { key: target, .. }, RefStyle::Placeholder) => {
                            map.serialize_entry("$modelRef", target)?;
                        }
                        _ => map.serialize_entry(key.as_ref(), &Styled::Node(value, style))?,
                    }
                }
                return map.end();
            }
        };
        match node {
            Node::Str(s) => serializer.serialize_str(s),
            Node::String(s) => serializer.serialize_str(s),
            Node::Bool(b) => serializer.serialize_bool(*b),
            Node::U64(n) => serializer.serialize_u64(*n),
            Node::Number(n) => n.serialize(serializer),
            Node::Json(value) => value.serialize(serializer),
            Node::Value(value) => value.serialize(serializer),
            Node::Object(members) => Styled::Members(members, style).serialize(serializer),
            Node::Array(items) => {
                let mut seq = serializer.serialize_seq(Some(items.len()))?;
                for item in items {
                    seq.serialize_element(&Styled::Node(item, style))?;
                }
                seq.end()
            }
            Node::ModelRef { path, key, .. } => match style {
                RefStyle::File => serializer.serialize_str(path),
                RefStyle::Placeholder => serializer.serialize_str(key),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn nodes_serialize_and_convert_like_the_values_they_stand_for() {
        let number = Number::from_f64(-0.5).unwrap();
        let example = json!({"k": [1, {"z": null}], "e\u{1}": "\"\\"});
        let node = Node::Object(vec![
            ("s".into(), Node::Str("x\n")),
            ("o".into(), Node::String("y".into())),
            ("b".into(), Node::Bool(false)),
            ("u".into(), Node::U64(7)),
            ("n".into(), Node::Number(&number)),
            ("j".into(), Node::Json(&example)),
            ("v".into(), Node::Value(json!([1.5, null]))),
            (
                "f".into(),
                Node::from_value(json!({"$ref": "a", "t": [true]})),
            ),
            ("e".into(), Node::Object(Vec::new())),
            (
                "a".into(),
                Node::Array(vec![Node::Array(Vec::new()), Node::Str("z")]),
            ),
        ]);
        let value = json!({
            "s": "x\n", "o": "y", "b": false, "u": 7, "n": -0.5, "j": example,
            "v": [1.5, null], "f": {"$ref": "a", "t": [true]}, "e": {}, "a": [[], "z"],
        });
        assert_eq!(
            serde_json::to_string_pretty(&node).unwrap(),
            serde_json::to_string_pretty(&value).unwrap()
        );
        assert_eq!(
            serde_json::to_string(&node).unwrap(),
            serde_json::to_string(&value).unwrap()
        );
        assert_eq!(node.into_value(), value);
    }

    #[test]
    fn put_replaces_in_place_and_appends_new_keys() {
        let mut members: Members = vec![("a".into(), Node::U64(1)), ("b".into(), Node::U64(2))];
        put(&mut members, "a", Node::U64(3));
        put(&mut members, "c", Node::U64(4));
        let keys: Vec<&str> = members.iter().map(|(k, _)| k.as_ref()).collect();
        assert_eq!(keys, ["a", "b", "c"]);
        assert_eq!(members[0].1, Node::U64(3));
        assert!(has(&members, "c") && !has(&members, "d"));
    }
}
