//! Native Rust types for the `date-time`, `date` and `uuid` formats, behind the Cargo features
//! `chrono`, `jiff`, `time` and `uuid`.
//!
//! Generated code holds such a string as `String` unless the generator was asked for a native
//! type (`Config::native_format`, or `"formats"` in `modelgen.json`). Then the field's type is
//! one of the types that implement [`Native`], its `Deserialize` slot is [`Required`],
//! [`Field`] or [`Optional`] from this module, and it is written with
//! `#[serde(serialize_with = "::modelgen_runtime::native::serialize")]`.
//!
//! Reading a string first asks the same check as the `format` keyword does
//! ([`is_date_time`](crate::format::is_date_time), [`is_date`](crate::format::is_date),
//! [`is_uuid`](crate::format::is_uuid)); only a string it accepts is converted, so a native
//! field accepts no document the published schema refuses. Every string the check accepts is
//! converted, also the forms a library's own parser turns down:
//!
//! * a lowercase `t` or `z`, and any number of fractional digits (cut to nanoseconds);
//! * a leap second (`23:59:60Z`, or `:60` where the offset puts it at 23:59 UTC): `chrono`
//!   keeps it (its nanosecond is then 1 000 000 000 or more, and it is written back as `:60`);
//!   `jiff` reads it as second 59 (as its own parser does); `time` reads it as
//!   `59.999999999` (as its own parser does);
//! * the years `0000` to `9999` with offsets up to `±23:59`.
//!
//! The one accepted value a type cannot hold: `jiff::Timestamp` ends at
//! `9999-12-30T22:00:00.999999999Z`, so a date-time after it (`9999-12-31T00:00:00Z`,
//! `9999-12-31T23:59:59-23:59`) is an error that says so, the document's `type` error.
//!
//! Writing gives RFC 3339 as the `format` check accepts it: `2024-03-18T09:30:00Z`
//! (`Z` for offset zero, else `±HH:MM`; the fraction only when there is one, without trailing
//! zeros), `2024-03-18`, and a lowercase hyphenated UUID. A value the check would refuse, which
//! only a value made in Rust can be (a year outside `0000` to `9999`, an offset with seconds, a
//! `chrono` leap second elsewhere than at 23:59:60 UTC), is a serialization error rather than a
//! document the schema refuses. A `jiff::Timestamp` is written in UTC, except one before
//! `0000-01-01T00:00:00Z` (read from such as `0000-01-01T00:00:00+01:00`), which is written
//! with the offset `+23:59`.
//!
//! ```
//! # #[cfg(feature = "jiff")] {
//! use modelgen_runtime::jiff::Timestamp;
//! use modelgen_runtime::native::Wire;
//!
//! // A lowercase `t` and `z` and a leap second, which `format: date-time` accepts.
//! let Wire(at): Wire<Timestamp> = serde_json::from_str("\"2016-12-31t23:59:60z\"").unwrap();
//! assert_eq!(serde_json::to_string(&Wire(at)).unwrap(), "\"2016-12-31T23:59:59Z\"");
//! // A space for the `T`, which it does not.
//! let error = serde_json::from_str::<Wire<Timestamp>>("\"2016-12-31 23:59:59Z\"").unwrap_err();
//! assert!(error.to_string().starts_with("invalid value: string \"2016-12-31 23:59:59Z\""));
//! # }
//! ```

use std::collections::BTreeMap;

use serde::de::{Deserializer, MapAccess};
use serde::ser::Serializer;
use serde::{Deserialize, Serialize};

use crate::de::Slot;

/// A type that a string of a format is read into and written from (the leaf types), or a
/// list, map, `Option` or `Box` of such types.
///
/// Implemented for `chrono::DateTime<FixedOffset>` and `chrono::NaiveDate` (feature `chrono`),
/// `jiff::Timestamp` and `jiff::civil::Date` (feature `jiff`), `time::OffsetDateTime` and
/// `time::Date` (feature `time`), and `uuid::Uuid` (feature `uuid`).
pub trait Native: Sized {
    /// Reads the value, checking each string with the format's check before converting it.
    ///
    /// # Errors
    ///
    /// `invalid value` for a string the format's check refuses; a custom error for one the
    /// type cannot hold; the deserializer's errors.
    fn deserialize_native<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> ::std::result::Result<Self, D::Error>;

    /// Writes the value as the format's string.
    ///
    /// # Errors
    ///
    /// A custom error for a value the format's check would refuse; the serializer's errors.
    fn serialize_native<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error>;
}

/// A [`Native`] value as serde reads and writes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Wire<T>(pub T);

impl<T> Wire<T> {
    /// The value.
    #[inline]
    pub fn into_inner(self) -> T {
        self.0
    }
}

impl<'de, T: Native> Deserialize<'de> for Wire<T> {
    #[inline]
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
        T::deserialize_native(deserializer).map(Wire)
    }
}

impl<T: Native> Serialize for Wire<T> {
    #[inline]
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize_native(serializer)
    }
}

/// A borrowed [`Native`] value, for writing the items of a list or map.
struct Ref<'a, T>(&'a T);

impl<T: Native> Serialize for Ref<'_, T> {
    #[inline]
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize_native(serializer)
    }
}

/// Writes a [`Native`] value: `#[serde(serialize_with = "::modelgen_runtime::native::serialize")]`.
///
/// # Errors
///
/// As [`Native::serialize_native`].
#[inline]
pub fn serialize<T: Native, S: Serializer>(value: &T, serializer: S) -> Result<S::Ok, S::Error> {
    value.serialize_native(serializer)
}

impl<T: Native> Native for Option<T> {
    fn deserialize_native<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> ::std::result::Result<Self, D::Error> {
        Ok(Option::<Wire<T>>::deserialize(deserializer)?.map(Wire::into_inner))
    }

    fn serialize_native<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Some(value) => value.serialize_native(serializer),
            None => serializer.serialize_none(),
        }
    }
}

impl<T: Native> Native for Box<T> {
    fn deserialize_native<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> ::std::result::Result<Self, D::Error> {
        T::deserialize_native(deserializer).map(Box::new)
    }

    fn serialize_native<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        (**self).serialize_native(serializer)
    }
}

impl<T: Native> Native for Vec<T> {
    fn deserialize_native<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> ::std::result::Result<Self, D::Error> {
        Ok(Vec::<Wire<T>>::deserialize(deserializer)?
            .into_iter()
            .map(Wire::into_inner)
            .collect())
    }

    fn serialize_native<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter().map(Ref))
    }
}

impl<T: Native> Native for BTreeMap<String, T> {
    fn deserialize_native<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> ::std::result::Result<Self, D::Error> {
        Ok(BTreeMap::<String, Wire<T>>::deserialize(deserializer)?
            .into_iter()
            .map(|(key, value)| (key, value.0))
            .collect())
    }

    fn serialize_native<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.iter().map(|(key, value)| (key, Ref(value))))
    }
}

// ----- slots of generated `Deserialize` implementations -----

/// [`de::Required`](crate::de::Required) for a [`Native`] field.
#[derive(Debug)]
pub struct Required<T>(crate::de::Required<Wire<T>>);

impl<T> Required<T> {
    /// A slot that has read nothing yet.
    #[inline]
    #[must_use]
    pub const fn new() -> Self {
        Required(crate::de::Required::new())
    }

    /// Whether the property was read.
    #[inline]
    pub fn is_read(&self) -> bool {
        self.0.is_read()
    }

    /// The value, once [`check_required`](crate::de::check_required) has found it read.
    ///
    /// # Panics
    ///
    /// When the property was not read, which `check_required` reports as an error first.
    #[inline]
    pub fn get(self) -> T {
        self.0.get().0
    }
}

impl<T> Default for Required<T> {
    fn default() -> Self {
        Self::new()
    }
}

impl<'de, A: MapAccess<'de>, T: Native> Slot<'de, A> for Required<T> {
    #[inline]
    fn read(&mut self, map: &mut A) -> Result<(), A::Error> {
        self.0.read(map)
    }
}

/// [`de::Field`](crate::de::Field) for a [`Native`] field.
#[derive(Debug)]
pub struct Field<T>(crate::de::Field<Wire<T>>);

impl<T> Field<T> {
    /// A slot that has read nothing yet.
    #[inline]
    #[must_use]
    pub const fn new() -> Self {
        Field(crate::de::Field::new())
    }

    /// The value, `None` when the object did not have the property.
    #[inline]
    pub fn into_inner(self) -> Option<T> {
        self.0.into_inner().map(Wire::into_inner)
    }
}

impl<T> Default for Field<T> {
    fn default() -> Self {
        Self::new()
    }
}

impl<'de, A: MapAccess<'de>, T: Native> Slot<'de, A> for Field<T> {
    #[inline]
    fn read(&mut self, map: &mut A) -> Result<(), A::Error> {
        self.0.read(map)
    }
}

/// [`de::Optional`](crate::de::Optional) for a [`Native`] field.
#[derive(Debug)]
pub struct Optional<T>(crate::de::Optional<Wire<T>>);

impl<T> Optional<T> {
    /// A slot that has read nothing yet.
    #[inline]
    #[must_use]
    pub const fn new() -> Self {
        Optional(crate::de::Optional::new())
    }

    /// The value, `None` when the object did not have the property (or had `null`).
    #[inline]
    pub fn into_inner(self) -> Option<T> {
        self.0.into_inner().map(Wire::into_inner)
    }
}

impl<T> Default for Optional<T> {
    fn default() -> Self {
        Self::new()
    }
}

impl<'de, A: MapAccess<'de>, T: Native> Slot<'de, A> for Optional<T> {
    #[inline]
    fn read(&mut self, map: &mut A) -> Result<(), A::Error> {
        self.0.read(map)
    }
}

// ----- the leaf types -----

/// Implements [`Native`] for leaf types through their [`Leaf`] implementations.
#[allow(unused_macros)]
macro_rules! native_leaf {
    ($($ty:ty),* $(,)?) => {$(
        impl $crate::native::Native for $ty {
            #[inline]
            fn deserialize_native<'de, D: ::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
                $crate::native::leaf::deserialize_leaf(deserializer)
            }

            #[inline]
            fn serialize_native<S: ::serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                $crate::native::leaf::serialize_leaf(self, serializer)
            }
        }
    )*};
}

#[cfg(any(
    feature = "chrono",
    feature = "jiff",
    feature = "time",
    feature = "uuid"
))]
mod leaf;
#[cfg(any(feature = "chrono", feature = "jiff", feature = "time"))]
mod parts;
#[cfg(feature = "chrono")]
mod with_chrono;
#[cfg(feature = "jiff")]
mod with_jiff;
#[cfg(feature = "time")]
mod with_time;
#[cfg(feature = "uuid")]
mod with_uuid;
