//! The leaf types: a string the format's check accepted, converted.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, Deserializer};
use serde::ser::{Error as _, Serializer};

/// A leaf type: how a string the format's check accepted becomes the value, and back.
pub(super) trait Leaf: Sized {
    /// The format's name, as in the schema.
    const FORMAT: &'static str;
    /// The type's name, for messages.
    const TYPE: &'static str;
    /// The format's check.
    fn check(text: &str) -> bool;
    /// Converts a string that [`Leaf::check`] accepted; `Err` says why the type cannot hold it.
    fn from_accepted(text: &str) -> Result<Self, String>;
    /// Writes the value; `Err` says why the format cannot hold it.
    fn to_text(&self) -> Result<String, String>;
}

/// The visitor of a leaf: a string, checked, then converted.
struct LeafVisitor<T>(PhantomData<T>);

impl<T: Leaf> de::Visitor<'_> for LeafVisitor<T> {
    type Value = T;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(formatter, "a string of format `{}`", T::FORMAT)
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<T, E> {
        if !T::check(text) {
            return Err(E::invalid_value(de::Unexpected::Str(text), &self));
        }
        T::from_accepted(text).map_err(E::custom)
    }
}

pub(super) fn deserialize_leaf<'de, T: Leaf, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<T, D::Error> {
    deserializer.deserialize_str(LeafVisitor(PhantomData))
}

pub(super) fn serialize_leaf<T: Leaf, S: Serializer>(
    value: &T,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    let text = value.to_text().map_err(S::Error::custom)?;
    serializer.serialize_str(&text)
}
