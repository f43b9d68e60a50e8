//! Strict deserialization: structs are read only from JSON objects.
//!
//! `serde_derive`'s `Deserialize` for a struct accepts a JSON array as well as an object: serde_json
//! answers `deserialize_struct` with `visit_seq` when it sees `[`, and the derived visitor then
//! fills the fields in declaration order, so `[1, 2]` reads as `Point { x: 1, y: 2 }`. A JSON
//! Schema `"type": "object"` rejects that document, and the generated model types must accept
//! exactly what their schema accepts.
//!
//! [`from_str`] and [`from_value`] deserialize through an adapter that wraps the serde_json
//! deserializer and forwards every call unchanged, except that `deserialize_struct` is forwarded
//! as `deserialize_map` (and the visitor of a struct variant is refused a sequence), so a struct
//! only ever sees `visit_map`; an array is reported as
//! `invalid type: sequence, expected struct Point`. The adapter re-wraps every nested value it
//! hands on — elements, map keys and values, `Some` contents, newtype contents and enum variant
//! contents — so the rule holds at any depth. On the way it keeps track of where it is, and an
//! error carries the JSON Pointer (RFC 6901) of the value that was being read.
//!
//! ```
//! # use serde::Deserialize;
//! #[derive(Debug, Deserialize, PartialEq)]
//! struct Point {
//!     x: i64,
//!     y: i64,
//! }
//!
//! #[derive(Debug, Deserialize)]
//! struct Shape {
//!     points: Vec<Point>,
//! }
//!
//! use modelgen_runtime::strict;
//!
//! assert_eq!(strict::from_str::<Point>(r#"{"x": 1, "y": 2}"#).unwrap(), Point { x: 1, y: 2 });
//! // Plain serde_json would accept this one.
//! let error = strict::from_str::<Shape>(r#"{"points": [{"x": 1, "y": 2}, [3, 4]]}"#).unwrap_err();
//! assert_eq!(error.path, "/points/1");
//! assert_eq!(error.message, "invalid type: sequence, expected struct Point");
//! ```
//!
//! Everything else reads exactly as with `serde_json::from_str` / `serde_json::from_value`: the
//! same values (numbers, escaped strings, borrowed `&str`, `serde_json::Value` members holding
//! arrays), the same error messages and positions, and on success no allocation beyond
//! serde_json's own but for one reused buffer for the keys that cannot be borrowed (escaped keys
//! in text, every key of a `Value`), which grows to the longest run of open keys. What changes is only that a type whose `Deserialize` calls `deserialize_struct` no
//! longer gets an array: derived structs (also inside `Option`, `Box`, `Vec`, maps, newtypes and
//! `#[serde(transparent)]` wrappers), struct variants of externally tagged enums in text (a
//! `Value` already refuses those), and the few std types serde reads as structs (`Duration`,
//! `SystemTime`, `Range`, `RangeInclusive`, `RangeFrom`, `RangeTo`), which then only read from
//! their object form.
//!
//! What the adapter cannot reach: serde buffers the input of `#[serde(flatten)]` fields and of
//! internally tagged, adjacently tagged and untagged enums in a private `Content` tree and
//! deserializes the inner types from that tree, not from this adapter, so a struct read from such
//! a buffer still accepts an array, as with plain serde_json. The buffer itself is filled through
//! the adapter, so errors while reading it have a path.
//!
//! The adapter passes no struct name or field list to the wrapped deserializer, so it is meant for
//! self-describing formats such as JSON; non-self-describing formats (bincode, postcard) need
//! `deserialize_struct` and do not work through it.

use std::cell::{Cell, RefCell};
use std::fmt::{self, Write as _};

use serde::de::{self, DeserializeSeed, Deserializer, Unexpected, Visitor};
use serde::Deserialize;

/// An error from strict deserialization: serde's message and where it happened.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct StrictError {
    /// The JSON Pointer (RFC 6901) of the value that was being read when the error happened: `""`
    /// for the whole document, `/items/2/name` for the `name` member of the third element of
    /// `items`, with `~` written `~0` and `/` written `~1` in keys. A key that was read but
    /// refused (an unknown field) points at its member; a key that could not be read at all (not
    /// a number, for a map with integer keys) and an unknown variant point at the enclosing
    /// object or enum; an error between values (a missing comma, trailing characters) points at
    /// the enclosing array or object, or at the root.
    pub path: String,
    /// serde's message, without serde_json's ` at line L column C` suffix.
    pub message: String,
    /// The 1-based line of the error in the text, or 0 when there is no text ([`from_value`]).
    pub line: usize,
    /// The 1-based column of the error in the text, or 0 when there is no text ([`from_value`]).
    pub column: usize,
}

impl fmt::Display for StrictError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if !self.path.is_empty() {
            write!(f, "{}: ", self.path)?;
        }
        f.write_str(&self.message)?;
        if self.line != 0 {
            write!(f, " at line {} column {}", self.line, self.column)?;
        }
        Ok(())
    }
}

impl std::error::Error for StrictError {}

/// Deserializes `T` from JSON text, reading structs only from JSON objects.
///
/// Like `serde_json::from_str`, the whole text must be one JSON value, with nothing but
/// whitespace after it.
///
/// # Errors
///
/// Any error of `serde_json::from_str`, and an `invalid type: sequence, expected struct ...` error
/// where a struct is given a JSON array, with the JSON Pointer, line and column of the error.
pub fn from_str<'de, T: Deserialize<'de>>(text: &'de str) -> Result<T, StrictError> {
    from_str_noting_nulls(text).map(|(value, _)| value)
}

/// [`from_str`], also telling whether a JSON `null` was read as an absent `Option` (serde's
/// `visit_none`). Such a `null` may stand for a property that the schema does not let be
/// `null`, which the typed value no longer shows, so a caller that validates re-checks the
/// document as JSON when this is true.
///
/// # Errors
///
/// As [`from_str`].
pub fn from_str_noting_nulls<'de, T: Deserialize<'de>>(
    text: &'de str,
) -> Result<(T, bool), StrictError> {
    let track = Track::new();
    let root = Chain::Root;
    let mut de = serde_json::Deserializer::from_str(text);
    let result = T::deserialize(Strict::new(&mut de, &root, &track, Plain)).and_then(|value| {
        track.ok();
        de.end().map(|()| value)
    });
    result
        .map(|value| (value, track.nulls.get()))
        .map_err(|error| track.error(&error))
}

/// The same from an already parsed value.
///
/// # Errors
///
/// Any error of `serde_json::from_value`, and an `invalid type: sequence, expected struct ...`
/// error where a struct is given a JSON array, with the JSON Pointer of the error; `line` and
/// `column` are 0.
pub fn from_value<T: serde::de::DeserializeOwned>(
    value: serde_json::Value,
) -> Result<T, StrictError> {
    let track = Track::new();
    let root = Chain::Root;
    T::deserialize(Strict::new(value, &root, &track, Plain)).map_err(|error| track.error(&error))
}

/// A map key or variant name as it was read, kept so that the path of its value can be written
/// if an error happens there. Only keys that cannot be borrowed from the input are copied, into
/// [`Track::keys`].
#[derive(Debug, Clone, Copy)]
enum Key<'de> {
    /// Not captured: the key could not be read, or was read in a way this adapter does not see.
    Unknown,
    /// A key borrowed from the input text.
    Borrowed(&'de str),
    /// A key copied into `Track::keys[start..end]` (escaped keys, keys of a `Value`).
    Buffered { start: usize, end: usize },
    /// An integer key (a map with integer keys reads `"1"` as `1`).
    Unsigned(u64),
    /// A negative integer key.
    Signed(i64),
}

/// Where the value being deserialized is: a linked list on the stack, from the value up to the
/// root. It is only walked when an error happens.
#[derive(Debug)]
enum Chain<'a, 'de> {
    /// The whole document.
    Root,
    /// An element of an array.
    Index {
        /// The array.
        parent: &'a Chain<'a, 'de>,
        /// The element's position.
        index: usize,
    },
    /// A member of an object, or the content of an enum variant.
    Key {
        /// The object or enum.
        parent: &'a Chain<'a, 'de>,
        /// The member's key or the variant's name, as captured (read only on errors).
        key: &'a Cell<Key<'de>>,
    },
}

/// State shared by all the wrappers of one deserialization.
struct Track {
    /// Whether `path` holds the path of an error that has not been recovered from.
    failed: Cell<bool>,
    /// The JSON Pointer of the innermost value whose deserialization failed.
    path: RefCell<String>,
    /// A stack of the keys that could not be borrowed from the input (escaped keys in text, all
    /// keys of a `Value`): each object pops its keys when it ends, and an enum its variant name,
    /// so the buffer holds only the keys of the objects being read and is reused throughout.
    keys: RefCell<String>,
    /// Whether a JSON `null` was read as `None`.
    nulls: Cell<bool>,
}

impl Track {
    /// A fresh track with no error.
    fn new() -> Self {
        Track {
            nulls: Cell::new(false),
            failed: Cell::new(false),
            path: RefCell::new(String::new()),
            keys: RefCell::new(String::new()),
        }
    }

    /// Notes that a value was read: an error recorded below it was recovered from (by a
    /// `deserialize_with` function that falls back, say), so its path no longer applies.
    #[inline]
    fn ok(&self) {
        self.failed.set(false);
    }

    /// Notes that reading the value at `chain` failed. The innermost failure is noted first as the
    /// error unwinds; the outer ones keep it.
    #[cold]
    #[inline(never)]
    fn fail(&self, chain: &Chain<'_, '_>) {
        if self.failed.get() {
            return;
        }
        self.failed.set(true);
        let keys = self.keys.borrow();
        let mut path = self.path.borrow_mut();
        path.clear();
        write_pointer(chain, &keys, &mut path);
    }

    /// Passes `result` on, noting the path `chain` if it is an error. (A success is noted by the
    /// [`Seed`] that asked for the value, once per value.)
    #[inline]
    fn settle<T, E>(&self, chain: &Chain<'_, '_>, result: Result<T, E>) -> Result<T, E> {
        if result.is_err() {
            self.fail(chain);
        }
        result
    }

    /// Copies a key that cannot be borrowed onto the key stack.
    fn push_key(&self, text: &str) -> Key<'static> {
        let mut keys = self.keys.borrow_mut();
        let start = keys.len();
        keys.push_str(text);
        Key::Buffered {
            start,
            end: keys.len(),
        }
    }

    /// Writes a key that is not text (a boolean or float key, say) onto the key stack.
    fn push_display(&self, value: impl fmt::Display) -> Key<'static> {
        let mut keys = self.keys.borrow_mut();
        let start = keys.len();
        // Writing to a `String` cannot fail.
        let _ = write!(keys, "{value}");
        Key::Buffered {
            start,
            end: keys.len(),
        }
    }

    /// Pops `key` and everything pushed after it off the key stack.
    #[inline]
    fn release(&self, key: Key<'_>) {
        if let Key::Buffered { start, .. } = key {
            self.keys.borrow_mut().truncate(start);
        }
    }

    /// Turns serde_json's error into a [`StrictError`] with the recorded path.
    fn error(&self, error: &serde_json::Error) -> StrictError {
        let path = if self.failed.get() {
            std::mem::take(&mut *self.path.borrow_mut())
        } else {
            String::new()
        };
        let (line, column) = (error.line(), error.column());
        let mut message = error.to_string();
        if line != 0 {
            let suffix = format!(" at line {line} column {column}");
            if message.ends_with(&suffix) {
                message.truncate(message.len() - suffix.len());
            }
        }
        StrictError {
            path,
            message,
            line,
            column,
        }
    }
}

/// Writes the JSON Pointer of `chain` to `out`.
fn write_pointer(chain: &Chain<'_, '_>, keys: &str, out: &mut String) {
    match chain {
        Chain::Root => {}
        Chain::Index { parent, index } => {
            write_pointer(parent, keys, out);
            let _ = write!(out, "/{index}");
        }
        Chain::Key { parent, key } => {
            write_pointer(parent, keys, out);
            out.push('/');
            match key.get() {
                Key::Unknown => out.push('?'),
                Key::Borrowed(text) => escape_into(text, out),
                Key::Buffered { start, end } => {
                    escape_into(keys.get(start..end).unwrap_or("?"), out)
                }
                Key::Unsigned(n) => {
                    let _ = write!(out, "{n}");
                }
                Key::Signed(n) => {
                    let _ = write!(out, "{n}");
                }
            }
        }
    }
}

/// Appends `key` as a JSON Pointer segment: `~` as `~0`, `/` as `~1`.
fn escape_into(key: &str, out: &mut String) {
    for c in key.chars() {
        match c {
            '~' => out.push_str("~0"),
            '/' => out.push_str("~1"),
            c => out.push(c),
        }
    }
}

/// What a wrapper does besides forwarding: nothing ([`Plain`]), refuse sequences
/// ([`MapOnly`]), or capture the key it reads ([`Slot`]). Resolved at compile time, so the plain
/// wrappers cost nothing for it.
trait Capture<'de>: Copy {
    /// Whether `visit_seq` is refused with an `invalid type: sequence` error.
    const REJECT_SEQ: bool = false;

    /// A string key that is only lent for the call.
    #[inline]
    fn text(self, _track: &Track, _value: &str) {}

    /// A string key borrowed from the input.
    #[inline]
    fn borrowed(self, _track: &Track, _value: &'de str) {}

    /// A byte-string key.
    #[inline]
    fn bytes(self, _track: &Track, _value: &[u8]) {}

    /// An unsigned integer key.
    #[inline]
    fn unsigned(self, _track: &Track, _value: impl Into<u64>) {}

    /// A signed integer key.
    #[inline]
    fn signed(self, _track: &Track, _value: impl Into<i64>) {}

    /// Any other scalar key.
    #[inline]
    fn display(self, _track: &Track, _value: impl fmt::Display) {}

    /// Passes on the result of reading the value at `chain`, noting the path if it is an error.
    #[inline]
    fn settle<T, E>(
        self,
        chain: &Chain<'_, 'de>,
        track: &Track,
        result: Result<T, E>,
    ) -> Result<T, E> {
        track.settle(chain, result)
    }

    /// For an enum read as an object's key, the object's key-stack mark, which the variant name
    /// then counts towards (see [`Slot::mark`]); `None` elsewhere.
    #[inline]
    fn object_mark<'v>(self) -> Option<&'v Cell<usize>>
    where
        Self: 'v,
    {
        None
    }

    /// For an enum read as an object's key, takes the variant name as the key.
    #[inline]
    fn variant_name(self, _key: Key<'de>) {}
}

/// The wrappers of an ordinary value.
#[derive(Clone, Copy)]
struct Plain;

impl Capture<'_> for Plain {}

/// The visitor of a struct variant, which serde_json would otherwise also give an array.
#[derive(Clone, Copy)]
struct MapOnly;

impl Capture<'_> for MapOnly {
    const REJECT_SEQ: bool = true;
}

/// The wrappers of a map key or variant name, which write what they read into `key`.
#[derive(Clone, Copy)]
struct Slot<'k, 'de> {
    /// Where the key goes.
    key: &'k Cell<Key<'de>>,
    /// For an object member, the object's mark: where its first copied key starts on the key
    /// stack (`usize::MAX` while it has none), lowered here as keys are copied. An error in the
    /// key then points at the member (`/obj/key`). `None` for a variant name, which may be a
    /// plain string: an error in it points at the enum (`/obj`).
    mark: Option<&'k Cell<usize>>,
}

impl<'de> Slot<'_, 'de> {
    /// Stores `key`. The slot is empty: a key deserializer makes exactly one `visit_*` call
    /// that reaches a value (through `visit_some` and `visit_newtype_struct` at most).
    #[inline]
    fn set(self, key: Key<'de>) {
        self.key.set(key);
    }

    /// Stores a key copied onto the key stack, lowering the object's mark to it.
    fn set_copied(self, key: Key<'static>) {
        if let (Some(mark), Key::Buffered { start, .. }) = (self.mark, key) {
            mark.set(mark.get().min(start));
        }
        self.key.set(key);
    }
}

impl<'de> Capture<'de> for Slot<'_, 'de> {
    fn text(self, track: &Track, value: &str) {
        self.set_copied(track.push_key(value));
    }

    #[inline]
    fn borrowed(self, _track: &Track, value: &'de str) {
        self.set(Key::Borrowed(value));
    }

    fn bytes(self, track: &Track, value: &[u8]) {
        self.text(track, &String::from_utf8_lossy(value));
    }

    #[inline]
    fn unsigned(self, _track: &Track, value: impl Into<u64>) {
        self.set(Key::Unsigned(value.into()));
    }

    #[inline]
    fn signed(self, _track: &Track, value: impl Into<i64>) {
        self.set(Key::Signed(value.into()));
    }

    fn display(self, track: &Track, value: impl fmt::Display) {
        self.set_copied(track.push_display(value));
    }

    #[inline]
    fn object_mark<'v>(self) -> Option<&'v Cell<usize>>
    where
        Self: 'v,
    {
        self.mark
    }

    #[inline]
    fn variant_name(self, key: Key<'de>) {
        if self.mark.is_some() {
            self.set(key);
        }
    }

    #[inline]
    fn settle<T, E>(
        self,
        chain: &Chain<'_, 'de>,
        track: &Track,
        result: Result<T, E>,
    ) -> Result<T, E> {
        if result.is_err() {
            match self.key.get() {
                Key::Unknown => track.fail(chain),
                _ if self.mark.is_some() => track.fail(&Chain::Key {
                    parent: chain,
                    key: self.key,
                }),
                _ => track.fail(chain),
            }
        }
        result
    }
}

/// The deserializer adapter: forwards to `de`, reading structs as maps and wrapping the visitor.
struct Strict<'a, 'de, D, C> {
    /// The wrapped deserializer.
    de: D,
    /// Where the value is.
    chain: &'a Chain<'a, 'de>,
    /// The shared state.
    track: &'a Track,
    /// What else to do.
    capture: C,
}

impl<'a, 'de, D, C> Strict<'a, 'de, D, C> {
    /// Wraps `de`, which reads the value at `chain`.
    #[inline]
    fn new(de: D, chain: &'a Chain<'a, 'de>, track: &'a Track, capture: C) -> Self {
        Strict {
            de,
            chain,
            track,
            capture,
        }
    }
}

/// Forwards `deserialize_*` methods with the visitor wrapped.
macro_rules! forward_deserialize {
    ($($method:ident($($arg:ident: $ty:ty),*);)*) => {$(
        #[inline]
        fn $method<V: Visitor<'de>>(self, $($arg: $ty,)* visitor: V) -> Result<V::Value, Self::Error> {
            let Strict { de, chain, track, capture } = self;
            let result = de.$method($($arg,)* Wrap::new(visitor, chain, track, capture));
            capture.settle(chain, track, result)
        }
    )*};
}

impl<'de, D: Deserializer<'de>, C: Capture<'de>> Deserializer<'de> for Strict<'_, 'de, D, C> {
    type Error = D::Error;

    forward_deserialize! {
        deserialize_any();
        deserialize_bool();
        deserialize_i8();
        deserialize_i16();
        deserialize_i32();
        deserialize_i64();
        deserialize_i128();
        deserialize_u8();
        deserialize_u16();
        deserialize_u32();
        deserialize_u64();
        deserialize_u128();
        deserialize_f32();
        deserialize_f64();
        deserialize_char();
        deserialize_str();
        deserialize_string();
        deserialize_bytes();
        deserialize_byte_buf();
        deserialize_option();
        deserialize_unit();
        deserialize_unit_struct(name: &'static str);
        deserialize_newtype_struct(name: &'static str);
        deserialize_seq();
        deserialize_tuple(len: usize);
        deserialize_tuple_struct(name: &'static str, len: usize);
        deserialize_map();
        deserialize_enum(name: &'static str, variants: &'static [&'static str]);
        deserialize_identifier();
        deserialize_ignored_any();
    }

    /// The one change: a struct is read as a map, so its visitor never sees an array.
    #[inline]
    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        let Strict {
            de,
            chain,
            track,
            capture,
        } = self;
        let result = de.deserialize_map(Wrap::new(visitor, chain, track, capture));
        capture.settle(chain, track, result)
    }

    #[inline]
    fn is_human_readable(&self) -> bool {
        self.de.is_human_readable()
    }
}

/// The visitor adapter: forwards every `visit_*` call, wrapping what the value contains.
struct Wrap<'a, 'de, V, C> {
    /// The wrapped visitor.
    delegate: V,
    /// Where the value is.
    chain: &'a Chain<'a, 'de>,
    /// The shared state.
    track: &'a Track,
    /// What else to do.
    capture: C,
}

impl<'a, 'de, V, C> Wrap<'a, 'de, V, C> {
    /// Wraps `delegate`, which visits the value at `chain`.
    #[inline]
    fn new(delegate: V, chain: &'a Chain<'a, 'de>, track: &'a Track, capture: C) -> Self {
        Wrap {
            delegate,
            chain,
            track,
            capture,
        }
    }
}

/// Forwards scalar `visit_*` methods, showing the value to the capture first.
macro_rules! forward_visit {
    ($($method:ident($ty:ty) => $capture:ident;)*) => {$(
        #[inline]
        fn $method<E: de::Error>(self, value: $ty) -> Result<Self::Value, E> {
            self.capture.$capture(self.track, value);
            self.delegate.$method(value)
        }
    )*};
}

impl<'de, V: Visitor<'de>, C: Capture<'de>> Visitor<'de> for Wrap<'_, 'de, V, C> {
    type Value = V::Value;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.delegate.expecting(formatter)
    }

    forward_visit! {
        visit_bool(bool) => display;
        visit_i8(i8) => signed;
        visit_i16(i16) => signed;
        visit_i32(i32) => signed;
        visit_i64(i64) => signed;
        visit_i128(i128) => display;
        visit_u8(u8) => unsigned;
        visit_u16(u16) => unsigned;
        visit_u32(u32) => unsigned;
        visit_u64(u64) => unsigned;
        visit_u128(u128) => display;
        visit_f32(f32) => display;
        visit_f64(f64) => display;
        visit_char(char) => display;
        visit_str(&str) => text;
        visit_borrowed_str(&'de str) => borrowed;
        visit_bytes(&[u8]) => bytes;
        visit_borrowed_bytes(&'de [u8]) => bytes;
    }

    #[inline]
    fn visit_string<E: de::Error>(self, value: String) -> Result<Self::Value, E> {
        self.capture.text(self.track, &value);
        self.delegate.visit_string(value)
    }

    #[inline]
    fn visit_byte_buf<E: de::Error>(self, value: Vec<u8>) -> Result<Self::Value, E> {
        self.capture.bytes(self.track, &value);
        self.delegate.visit_byte_buf(value)
    }

    #[inline]
    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        self.track.nulls.set(true);
        self.delegate.visit_none()
    }

    #[inline]
    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        self.delegate.visit_unit()
    }

    #[inline]
    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        let strict = Strict::new(deserializer, self.chain, self.track, self.capture);
        self.delegate.visit_some(strict)
    }

    #[inline]
    fn visit_newtype_struct<D: Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<Self::Value, D::Error> {
        let strict = Strict::new(deserializer, self.chain, self.track, self.capture);
        self.delegate.visit_newtype_struct(strict)
    }

    #[inline]
    fn visit_seq<A: de::SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
        if C::REJECT_SEQ {
            return Err(de::Error::invalid_type(Unexpected::Seq, &self));
        }
        let seq = SeqAccess {
            delegate: seq,
            chain: self.chain,
            track: self.track,
            index: 0,
        };
        self.delegate.visit_seq(seq)
    }

    #[inline]
    fn visit_map<A: de::MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        let map = MapAccess {
            delegate: map,
            chain: self.chain,
            track: self.track,
            key: Cell::new(Key::Unknown),
            mark: Cell::new(usize::MAX),
        };
        self.delegate.visit_map(map)
    }

    #[inline]
    fn visit_enum<A: de::EnumAccess<'de>>(self, data: A) -> Result<Self::Value, A::Error> {
        let data = EnumAccess {
            delegate: data,
            chain: self.chain,
            track: self.track,
            capture: self.capture,
        };
        self.delegate.visit_enum(data)
    }
}

/// The seed adapter: deserializes through [`Strict`].
struct Seed<'a, 'de, S, C> {
    /// The wrapped seed.
    seed: S,
    /// Where the value is.
    chain: &'a Chain<'a, 'de>,
    /// The shared state.
    track: &'a Track,
    /// What else to do.
    capture: C,
}

impl<'de, S: DeserializeSeed<'de>, C: Capture<'de>> DeserializeSeed<'de> for Seed<'_, 'de, S, C> {
    type Value = S::Value;

    #[inline]
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<S::Value, D::Error> {
        let track = self.track;
        // A success clears an error below that the seed recovered from.
        let result =
            self.seed
                .deserialize(Strict::new(deserializer, self.chain, track, self.capture));
        if result.is_ok() {
            track.ok();
        }
        result
    }
}

/// The sequence adapter: numbers the elements and reads each through [`Strict`].
struct SeqAccess<'a, 'de, A> {
    /// The wrapped access.
    delegate: A,
    /// Where the array is.
    chain: &'a Chain<'a, 'de>,
    /// The shared state.
    track: &'a Track,
    /// The position of the next element.
    index: usize,
}

impl<'de, A: de::SeqAccess<'de>> de::SeqAccess<'de> for SeqAccess<'_, 'de, A> {
    type Error = A::Error;

    #[inline]
    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, A::Error> {
        let chain = Chain::Index {
            parent: self.chain,
            index: self.index,
        };
        self.index += 1;
        let seed = Seed {
            seed,
            chain: &chain,
            track: self.track,
            capture: Plain,
        };
        // Noted only if the element did not note it: a syntax error between elements.
        let result = self.delegate.next_element_seed(seed);
        if result.is_err() {
            self.track.fail(self.chain);
        }
        result
    }

    #[inline]
    fn size_hint(&self) -> Option<usize> {
        self.delegate.size_hint()
    }
}

/// The map adapter: captures each key and reads keys and values through [`Strict`].
struct MapAccess<'a, 'de, A> {
    /// The wrapped access.
    delegate: A,
    /// Where the object is.
    chain: &'a Chain<'a, 'de>,
    /// The shared state.
    track: &'a Track,
    /// The key last read.
    key: Cell<Key<'de>>,
    /// Where this object's first copied key starts on the key stack, `usize::MAX` while there is
    /// none; the object pops its keys back to it when it ends. (Not per key: that check would cost
    /// on every member, and an object's keys take no more room than the object's text.)
    mark: Cell<usize>,
}

impl<'de, A: de::MapAccess<'de>> de::MapAccess<'de> for MapAccess<'_, 'de, A> {
    type Error = A::Error;

    #[inline]
    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, A::Error> {
        self.key.set(Key::Unknown);
        let seed = Seed {
            seed,
            chain: self.chain,
            track: self.track,
            capture: Slot {
                key: &self.key,
                mark: Some(&self.mark),
            },
        };
        // Noted only if the key did not note it: a syntax error between members.
        let result = self.delegate.next_key_seed(seed);
        if result.is_err() {
            self.track.fail(self.chain);
        }
        result
    }

    #[inline]
    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, A::Error> {
        let chain = Chain::Key {
            parent: self.chain,
            key: &self.key,
        };
        let seed = Seed {
            seed,
            chain: &chain,
            track: self.track,
            capture: Plain,
        };
        let result = self.delegate.next_value_seed(seed);
        if result.is_err() {
            self.track.fail(&chain);
        }
        result
    }

    #[inline]
    fn size_hint(&self) -> Option<usize> {
        self.delegate.size_hint()
    }
}

impl<A> Drop for MapAccess<'_, '_, A> {
    #[inline]
    fn drop(&mut self) {
        let mark = self.mark.get();
        if mark != usize::MAX {
            self.track.keys.borrow_mut().truncate(mark);
        }
    }
}

/// The enum adapter: captures the variant name and wraps the variant access.
struct EnumAccess<'a, 'de, A, C> {
    /// The wrapped access.
    delegate: A,
    /// Where the enum value is.
    chain: &'a Chain<'a, 'de>,
    /// The shared state.
    track: &'a Track,
    /// The capture of the enum value: a [`Slot`] when the enum is an object's key.
    capture: C,
}

impl<'a, 'de, A: de::EnumAccess<'de>, C: Capture<'de>> de::EnumAccess<'de>
    for EnumAccess<'a, 'de, A, C>
{
    type Error = A::Error;
    type Variant = VariantAccess<'a, 'de, A::Variant>;

    #[inline]
    fn variant_seed<V: DeserializeSeed<'de>>(
        self,
        seed: V,
    ) -> Result<(V::Value, Self::Variant), A::Error> {
        let EnumAccess {
            delegate,
            chain,
            track,
            capture,
        } = self;
        let key = Cell::new(Key::Unknown);
        // A variant name that is an object's key belongs to the object's keys: the object pops
        // it, and an error in it points at the member.
        let mark = capture.object_mark();
        let seed = Seed {
            seed,
            chain,
            track,
            capture: Slot { key: &key, mark },
        };
        let owns_key = mark.is_none();
        match delegate.variant_seed(seed) {
            Ok((value, variant)) => {
                let key = key.get();
                capture.variant_name(key);
                Ok((
                    value,
                    VariantAccess {
                        delegate: variant,
                        parent: chain,
                        key,
                        pop: if owns_key { key } else { Key::Unknown },
                        track,
                    },
                ))
            }
            Err(error) => {
                track.fail(chain);
                if owns_key {
                    track.release(key.get());
                }
                Err(error)
            }
        }
    }
}

/// The variant adapter: reads the variant's content through [`Strict`] at `/<variant name>`.
struct VariantAccess<'a, 'de, A> {
    /// The wrapped access.
    delegate: A,
    /// Where the enum value is.
    parent: &'a Chain<'a, 'de>,
    /// The variant's name.
    key: Key<'de>,
    /// What to pop off the key stack when the variant is read: the variant's name if it was
    /// copied there, unless it belongs to an object's keys (`Key::Unknown`, which pops nothing).
    pop: Key<'de>,
    /// The shared state.
    track: &'a Track,
}

/// Notes the outcome of reading a variant's content at `chain` and pops `pop` (the variant name,
/// if the variant owns it) off the key stack.
#[inline]
fn finish_variant<T, E>(
    track: &Track,
    pop: Key<'_>,
    chain: &Chain<'_, '_>,
    result: Result<T, E>,
) -> Result<T, E> {
    let result = track.settle(chain, result);
    track.release(pop);
    result
}

impl<'de, A: de::VariantAccess<'de>> de::VariantAccess<'de> for VariantAccess<'_, 'de, A> {
    type Error = A::Error;

    #[inline]
    fn unit_variant(self) -> Result<(), A::Error> {
        let VariantAccess {
            delegate,
            parent,
            key,
            pop,
            track,
        } = self;
        let key = Cell::new(key);
        let chain = Chain::Key { parent, key: &key };
        let result = delegate.unit_variant();
        finish_variant(track, pop, &chain, result)
    }

    #[inline]
    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, A::Error> {
        let VariantAccess {
            delegate,
            parent,
            key,
            pop,
            track,
        } = self;
        let key = Cell::new(key);
        let chain = Chain::Key { parent, key: &key };
        let seed = Seed {
            seed,
            chain: &chain,
            track,
            capture: Plain,
        };
        let result = delegate.newtype_variant_seed(seed);
        finish_variant(track, pop, &chain, result)
    }

    #[inline]
    fn tuple_variant<V: Visitor<'de>>(self, len: usize, visitor: V) -> Result<V::Value, A::Error> {
        let VariantAccess {
            delegate,
            parent,
            key,
            pop,
            track,
        } = self;
        let key = Cell::new(key);
        let chain = Chain::Key { parent, key: &key };
        let result = delegate.tuple_variant(len, Wrap::new(visitor, &chain, track, Plain));
        finish_variant(track, pop, &chain, result)
    }

    /// A struct variant's content must be an object too; serde_json's `struct_variant` would also
    /// give an array to the visitor, so the visitor refuses it.
    #[inline]
    fn struct_variant<V: Visitor<'de>>(
        self,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, A::Error> {
        let VariantAccess {
            delegate,
            parent,
            key,
            pop,
            track,
        } = self;
        let key = Cell::new(key);
        let chain = Chain::Key { parent, key: &key };
        let result = delegate.struct_variant(fields, Wrap::new(visitor, &chain, track, MapOnly));
        finish_variant(track, pop, &chain, result)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reads `T` from `de` and returns the track, to look at the key stack afterwards.
    fn track_after<'de, T: Deserialize<'de>, D: Deserializer<'de>>(de: D) -> (bool, usize) {
        let track = Track::new();
        let root = Chain::Root;
        let ok = T::deserialize(Strict::new(de, &root, &track, Plain)).is_ok();
        let left = track.keys.borrow().len();
        (ok, left)
    }

    #[test]
    fn copied_keys_are_popped_when_their_object_ends() {
        let text =
            r#"[{"a\u0061": {"b\u0062": [1]}, "c": {"d\u0064": {"E": null}}}, {"\u00e9": 1}]"#;
        let mut de = serde_json::Deserializer::from_str(text);
        assert_eq!(track_after::<serde_json::Value, _>(&mut de), (true, 0));
        let value: serde_json::Value = serde_json::from_str(text).expect("JSON");
        assert_eq!(track_after::<serde_json::Value, _>(value), (true, 0));
        let value = serde_json::json!([{"A": 1}, {"B": 2}, {"C": 3}]);
        assert_eq!(
            track_after::<Vec<std::collections::BTreeMap<String, u8>>, _>(value),
            (true, 0)
        );
        // Variant names of a `Value` are copied too (`Result` is an externally tagged enum).
        let value = serde_json::json!([{"Ok": 1}, {"Err": 2}, {"Ok": 3}]);
        assert_eq!(track_after::<Vec<Result<u8, u8>>, _>(value), (true, 0));
    }
}
