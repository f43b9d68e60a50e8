//! The `Deserialize` implementations of generated models, as small generic helpers.
//!
//! Generated code does not derive `Deserialize`: serde's derive reads a struct from a JSON
//! array as well as from an object, reads the map form `{"write": null}` of an enum's value,
//! and writes a visitor of several hundred lines per type. The generated implementations
//! instead call these helpers, which read
//!
//! * an object model only from a JSON object ([`object`]; the model's [`Object::read`] loops
//!   over the members with [`next_key`], reads each value into its field's slot,
//!   [`Required`], [`Field`] or [`Optional`], skips unknown members with [`skip`], and checks
//!   with [`check_required`] that no required property is missing);
//! * a string enum only from a JSON string ([`string_enum`], [`open_string_enum`]);
//!
//! so that plain `serde_json::from_str` accepts exactly the documents whose types fit the
//! schema, with no adapter between serde_json and the model. What does the reading is generic
//! over the deserializer and the field's type, not over the model: it is compiled once for all
//! models, and each model adds only its loop over its fields.
//!
//! One thing the typed value cannot show is a `null` given for an optional property that may
//! not be `null`: serde reads it as an absent property. [`Optional`] notes such a `null`, and
//! [`parse`](crate::parse) then checks the document against the schema as JSON.
//!
//! ```
//! use modelgen_runtime::de::{self, Object, Optional, Required, Slot as _};
//! use serde::de::MapAccess;
//!
//! #[derive(Debug, PartialEq)]
//! struct Point {
//!     x: i64,
//!     label: Option<String>,
//! }
//!
//! impl Object for Point {
//!     const EXPECTING: &'static str = "struct Point";
//!
//!     fn read<'de, A: MapAccess<'de>>(mut map: A) -> Result<Self, A::Error> {
//!         let mut f0 = Required::new();
//!         let mut f1 = Optional::new();
//!         while let Some(key) = de::next_key(&mut map)? {
//!             match &*key {
//!                 "x" => f0.read(&mut map)?,
//!                 "label" => f1.read(&mut map)?,
//!                 _ => de::skip(&mut map)?,
//!             }
//!         }
//!         de::check_required(&[("x", f0.is_read())])?;
//!         Ok(Point { x: f0.get(), label: f1.into_inner() })
//!     }
//! }
//!
//! impl<'de> serde::Deserialize<'de> for Point {
//!     fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
//!         de::object(deserializer)
//!     }
//! }
//!
//! let point: Point = serde_json::from_str(r#"{"x": 1, "other": [2]}"#).unwrap();
//! assert_eq!(point, Point { x: 1, label: None });
//! let error = serde_json::from_str::<Point>("[1]").unwrap_err();
//! assert_eq!(error.to_string(), "invalid type: sequence, expected struct Point at line 1 column 0");
//! let error = serde_json::from_str::<Point>(r#"{"label": "a"}"#).unwrap_err();
//! assert_eq!(error.to_string(), "missing field `x` at line 1 column 14");
//! ```

use std::borrow::Cow;
use std::cell::Cell;
use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, DeserializeOwned, DeserializeSeed, Deserializer, IgnoredAny, MapAccess};
use serde::Deserialize;
use serde_json::Value;

thread_local! {
    /// Whether an [`Optional`] slot read a `null` since [`take_nulls`] last looked.
    static NULLS: Cell<bool> = const { Cell::new(false) };
}

/// Notes that a `null` was read as an absent optional property.
#[cold]
#[inline(never)]
fn note_null() {
    NULLS.with(|nulls| nulls.set(true));
}

/// Whether an [`Optional`] slot read a `null` since the last call; clears the note.
pub(crate) fn take_nulls() -> bool {
    NULLS.with(|nulls| nulls.replace(false))
}

/// Puts back a note taken with [`take_nulls`].
fn restore_nulls(noted: bool) {
    if noted {
        note_null();
    }
}

/// A generated object model: how it is read from the members of a JSON object.
pub trait Object: Sized {
    /// What serde's `invalid type` message says was expected: `"struct Pet"`.
    const EXPECTING: &'static str;

    /// Reads the model from the members of an object, into one slot per field.
    ///
    /// # Errors
    ///
    /// The map's errors, and a `missing field` error for a required property that is absent.
    fn read<'de, A: MapAccess<'de>>(map: A) -> Result<Self, A::Error>;
}

/// Reads an [`Object`] model from a JSON object (never from an array).
///
/// # Errors
///
/// The deserializer's errors; `invalid type` for anything but an object.
#[inline]
pub fn object<'de, D: Deserializer<'de>, T: Object>(deserializer: D) -> Result<T, D::Error> {
    deserializer.deserialize_map(ObjectVisitor(PhantomData))
}

/// The visitor of [`object`]: takes only a map.
struct ObjectVisitor<T>(PhantomData<T>);

impl<'de, T: Object> de::Visitor<'de> for ObjectVisitor<T> {
    type Value = T;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str(T::EXPECTING)
    }

    #[inline]
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<T, A::Error> {
        T::read(map)
    }
}

/// Where the value of one member goes.
pub trait Slot<'de, A: MapAccess<'de>> {
    /// Reads the value of the member whose key was just read.
    ///
    /// # Errors
    ///
    /// The map's error for the value.
    fn read(&mut self, map: &mut A) -> Result<(), A::Error>;
}

/// A required property (`T` is an `Option` when it may be `null`): [`check_required`] fails
/// with `missing field` when the object did not have it.
#[derive(Debug)]
pub struct Required<T>(Option<T>);

impl<T> Required<T> {
    /// A slot that has read nothing yet.
    #[inline]
    #[must_use]
    pub const fn new() -> Self {
        Required(None)
    }

    /// Whether the property was read.
    #[inline]
    pub fn is_read(&self) -> bool {
        self.0.is_some()
    }

    /// The value, once [`check_required`] has found it read.
    ///
    /// # Panics
    ///
    /// When the property was not read, which `check_required` reports as an error first.
    #[inline]
    pub fn get(self) -> T {
        match self.0 {
            Some(value) => value,
            None => missing_after_read(),
        }
    }
}

/// The panic of [`Required::get`] on a slot that [`check_required`] would have refused.
#[cold]
#[inline(never)]
fn missing_after_read() -> ! {
    panic!("a required property was taken from a slot that was not read")
}

impl<T> Default for Required<T> {
    fn default() -> Self {
        Self::new()
    }
}

impl<'de, A: MapAccess<'de>, T: Deserialize<'de>> Slot<'de, A> for Required<T> {
    fn read(&mut self, map: &mut A) -> Result<(), A::Error> {
        self.0 = Some(map.next_value()?);
        Ok(())
    }
}

/// An optional property read as its type: one that may be `null` (`T` is then an `Option`),
/// or one with a default.
#[derive(Debug)]
pub struct Field<T>(Option<T>);

impl<T> Field<T> {
    /// A slot that has read nothing yet.
    #[inline]
    #[must_use]
    pub const fn new() -> Self {
        Field(None)
    }

    /// The value, `None` when the object did not have the property.
    #[inline]
    pub fn into_inner(self) -> Option<T> {
        self.0
    }
}

impl<T> Default for Field<T> {
    fn default() -> Self {
        Self::new()
    }
}

impl<'de, A: MapAccess<'de>, T: Deserialize<'de>> Slot<'de, A> for Field<T> {
    fn read(&mut self, map: &mut A) -> Result<(), A::Error> {
        self.0 = Some(map.next_value()?);
        Ok(())
    }
}

/// An optional property that may not be `null`: `null` reads as absent, as serde reads an
/// `Option`, and is noted so that [`parse`](crate::parse) checks the document against the
/// schema.
#[derive(Debug)]
pub struct Optional<T>(Option<T>);

impl<T> Optional<T> {
    /// A slot that has read nothing yet.
    #[inline]
    #[must_use]
    pub const fn new() -> Self {
        Optional(None)
    }

    /// The value, `None` when the object did not have the property (or had `null`).
    #[inline]
    pub fn into_inner(self) -> Option<T> {
        self.0
    }
}

impl<T> Default for Optional<T> {
    fn default() -> Self {
        Self::new()
    }
}

impl<'de, A: MapAccess<'de>, T: Deserialize<'de>> Slot<'de, A> for Optional<T> {
    fn read(&mut self, map: &mut A) -> Result<(), A::Error> {
        self.0 = map.next_value()?;
        if self.0.is_none() {
            note_null();
        }
        Ok(())
    }
}

/// The key of the next member of an object, `None` after the last one. A member given twice
/// is read twice, and its slot keeps the last value, as a JSON value does.
///
/// # Errors
///
/// The map's errors.
#[inline]
pub fn next_key<'de, A: MapAccess<'de>>(map: &mut A) -> Result<Option<Cow<'de, str>>, A::Error> {
    map.next_key_seed(Key)
}

/// Skips the value of a member that no field takes.
///
/// # Errors
///
/// The map's error for the value.
#[inline]
pub fn skip<'de, A: MapAccess<'de>>(map: &mut A) -> Result<(), A::Error> {
    map.next_value::<IgnoredAny>()?;
    Ok(())
}

/// Checks that every required property was read: `(name, read)` for each, in the order of the
/// fields.
///
/// # Errors
///
/// `missing field` for the first that was not.
#[inline]
pub fn check_required<E: de::Error>(required: &[(&'static str, bool)]) -> Result<(), E> {
    match required.iter().find(|(_, read)| !read) {
        Some((name, _)) => Err(missing_field(name)),
        None => Ok(()),
    }
}

/// The `missing field` error.
#[cold]
#[inline(never)]
fn missing_field<E: de::Error>(name: &'static str) -> E {
    E::missing_field(name)
}

/// The key of a member, borrowed from the input where it can be.
#[derive(Clone, Copy)]
struct Key;

impl<'de> DeserializeSeed<'de> for Key {
    type Value = Cow<'de, str>;

    #[inline]
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_identifier(self)
    }
}

impl<'de> de::Visitor<'de> for Key {
    type Value = Cow<'de, str>;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("a member name")
    }

    #[inline]
    fn visit_borrowed_str<E: de::Error>(self, name: &'de str) -> Result<Self::Value, E> {
        Ok(Cow::Borrowed(name))
    }

    #[inline]
    fn visit_str<E: de::Error>(self, name: &str) -> Result<Self::Value, E> {
        Ok(Cow::Owned(name.to_owned()))
    }

    #[inline]
    fn visit_string<E: de::Error>(self, name: String) -> Result<Self::Value, E> {
        Ok(Cow::Owned(name))
    }
}

/// Reads the value of a closed string enum: the position of the JSON string in `values`.
///
/// # Errors
///
/// `invalid type` for anything but a string; `unknown variant` for another string.
#[inline]
pub fn string_enum<'de, D: Deserializer<'de>>(
    deserializer: D,
    values: &'static [&'static str],
) -> Result<usize, D::Error> {
    let found = deserializer.deserialize_str(EnumValue {
        values,
        open: false,
    })?;
    // A closed enum's visitor refuses other strings itself.
    Ok(found.unwrap_or(usize::MAX))
}

/// Reads the value of an open string enum: the position of the JSON string in `values`, or
/// the string itself when it is none of them.
///
/// # Errors
///
/// `invalid type` for anything but a string.
#[inline]
pub fn open_string_enum<'de, D: Deserializer<'de>>(
    deserializer: D,
    values: &'static [&'static str],
) -> Result<Result<usize, String>, D::Error> {
    deserializer.deserialize_str(EnumValue { values, open: true })
}

/// The visitor of the string enums: the value's position, or for an open enum the value.
struct EnumValue {
    /// The enum's values.
    values: &'static [&'static str],
    /// Whether other strings are taken (else they are an `unknown variant` error).
    open: bool,
}

impl de::Visitor<'_> for EnumValue {
    type Value = Result<usize, String>;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("a string")
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<Self::Value, E> {
        match self.values.iter().position(|known| *known == value) {
            Some(index) => Ok(Ok(index)),
            None if self.open => Ok(Err(value.to_owned())),
            None => Err(E::unknown_variant(value, self.values)),
        }
    }
}

/// Reads a union's variant from the JSON value that fitted it: the value is written out and
/// read back as text, so the variant's type is read by the same code as a document is.
///
/// # Errors
///
/// serde_json's message, without its position.
pub fn from_value<T: DeserializeOwned>(value: &Value) -> Result<T, String> {
    let text = value.to_string();
    // The value fitted the variant's shape, `null`s included: what reading it notes does not
    // concern the document it is part of.
    let noted = take_nulls();
    let result = serde_json::from_str(&text).map_err(|error| message(&error));
    take_nulls();
    restore_nulls(noted);
    result
}

/// serde_json's message for `error`, without the ` at line L column C` it appends.
pub(crate) fn message(error: &serde_json::Error) -> String {
    let mut message = error.to_string();
    let (line, column) = (error.line(), error.column());
    if line != 0 {
        let suffix = format!(" at line {line} column {column}");
        if message.ends_with(&suffix) {
            message.truncate(message.len() - suffix.len());
        }
    }
    message
}
