//! Checking JSON values against a model's schema from static data.
//!
//! Generated code describes each model as a [`ModelShape`]: plain `static` data (references,
//! literals and `fn` pointers only), which [`check_model`] interprets to check a JSON value
//! before it is deserialized, reporting every broken keyword with its [`Location`]. Things that
//! are built on first use, [`LazyPattern`] and [`Constant`], hold a `OnceLock` and so must be
//! `static`s of their own, referenced from the shape:
//!
//! ```
//! use modelgen_runtime::shape::{self, FieldShape, Kind, ModelShape, Shape, StringRules};
//! use modelgen_runtime::{LazyPattern, Location};
//!
//! static ID_PATTERN: LazyPattern = LazyPattern::new("^cus_[a-z0-9]+$");
//! static CUSTOMER: ModelShape = ModelShape::Object(&[FieldShape {
//!     wire_name: "id",
//!     required: true,
//!     nullable: false,
//!     shape: Shape {
//!         kind: Kind::String(&StringRules {
//!             format: None,
//!             min_length: Some(1),
//!             max_length: None,
//!             pattern: Some(&ID_PATTERN),
//!         }),
//!         constant: None,
//!     },
//! }]);
//!
//! let mut errors = Vec::new();
//! shape::check_model(&CUSTOMER, &serde_json::json!({"id": "x"}), &Location::Root, &mut errors);
//! assert_eq!(errors.len(), 1);
//! assert_eq!(errors[0].path, "/id");
//! assert_eq!(errors[0].rule, "pattern");
//! ```
//!
//! The checks and their order are those of the [`checks`] functions that
//! generated code calls on typed values, and the messages are theirs.

use std::fmt;
use std::sync::OnceLock;

use serde_json::{Number, Value};

use crate::checks::{self, has_max_length, has_min_length};
use crate::{compare, is_integer, is_multiple_of, json_equal, unique_items};
use crate::{Location, Pattern, ValidationError};

/// A function returning a model's shape: how a shape refers to another model (or to its own,
/// for a recursive model), usually `<Type as Model>::shape`.
pub type ShapeFn = fn() -> &'static ModelShape;

/// What a model accepts as a JSON value.
#[derive(Debug, Clone, Copy)]
pub enum ModelShape {
    /// An object model: its fields in page order. Members not listed are allowed.
    Object(&'static [FieldShape]),
    /// An enum of strings. A closed enum takes only `values`; an open one any string.
    StringEnum {
        /// The values, as they appear in JSON.
        values: &'static [&'static str],
        /// Whether any string is taken.
        open: bool,
        /// The values as JSON, listed for the `enum` message: `"\"active\", \"suspended\""`.
        allowed: &'static str,
    },
    /// An enum of integers. A closed enum takes only `values` (`2.0` counts as `2`); an open one
    /// any integer.
    IntegerEnum {
        /// The values.
        values: &'static [i64],
        /// Whether any integer is taken.
        open: bool,
        /// The values listed for the `enum` message: `"1, 2, 3"`.
        allowed: &'static str,
    },
    /// An enum of booleans: a `true` or `false` constant. A closed enum takes only `values`; an
    /// open one any boolean.
    BooleanEnum {
        /// The values.
        values: &'static [bool],
        /// Whether any boolean is taken.
        open: bool,
        /// The values listed for the `enum` message: `"true"`.
        allowed: &'static str,
    },
    /// A union: the value must fit one of the variants, tried in order (most specific first).
    Union {
        /// The union's name, for the `anyOf` message.
        name: &'static str,
        /// The variants, in order.
        variants: &'static [Shape],
    },
    /// Any JSON value.
    Any,
}

/// A field of an object model.
#[derive(Debug, Clone, Copy)]
pub struct FieldShape {
    /// The member's name in JSON.
    pub wire_name: &'static str,
    /// Whether the member must be present.
    pub required: bool,
    /// Whether the member may be `null`, which is then not checked further (unless the field has
    /// a constant, which `null` must then equal).
    pub nullable: bool,
    /// What the member's value must be.
    pub shape: Shape,
}

/// What a value must be: its kind, with the kind's keywords, and possibly a constant.
#[derive(Debug, Clone, Copy)]
pub struct Shape {
    /// The type of the value and its keywords.
    pub kind: Kind,
    /// The value the value must equal (`const`), checked before the type.
    pub constant: Option<&'static Constant>,
}

impl Shape {
    /// Any string.
    pub const STRING: Shape = Shape::of(Kind::String(&StringRules::NONE));
    /// Any integer.
    pub const INTEGER: Shape = Shape::of(Kind::Integer(&NumberRules::NONE));
    /// Any number.
    pub const NUMBER: Shape = Shape::of(Kind::Number(&NumberRules::NONE));
    /// `true` or `false`.
    pub const BOOLEAN: Shape = Shape::of(Kind::Boolean);
    /// Any JSON value.
    pub const ANY: Shape = Shape::of(Kind::Any);

    /// A shape of `kind` with no constant.
    #[must_use]
    pub const fn of(kind: Kind) -> Self {
        Shape {
            kind,
            constant: None,
        }
    }
}

/// The type of a value and the keywords that go with it.
#[derive(Debug, Clone, Copy)]
pub enum Kind {
    /// Any JSON value.
    Any,
    /// `true` or `false`.
    Boolean,
    /// A string, with its keywords.
    String(&'static StringRules),
    /// An integer (`1.0` counts), with its keywords.
    Integer(&'static NumberRules),
    /// Any number, with its keywords.
    Number(&'static NumberRules),
    /// An array, with the shape of its items and its keywords.
    Array(&'static ArrayRules),
    /// An object whose every member's value has the shape.
    Map(&'static Shape),
    /// `null`, or a value of the shape.
    Nullable(&'static Shape),
    /// A value of another model (or of the same one).
    Model(ShapeFn),
    /// A value of a model whose shape was built at run time, from data, rather than written
    /// as `static`s by generated code: a code generator checks example values this way
    /// against the models it has read, before any code exists. A [`ShapeFn`] cannot be made
    /// at run time, so shapes built from data refer to models through a [`LinkedModel`],
    /// which is set once every model's shape exists and so ties cycles (a model that holds
    /// itself). Generated code never writes this kind; the interpreter gives it one more
    /// `match` arm and nothing else.
    Linked(&'static LinkedModel),
}

/// A model's shape that is set once, after it is built: how shapes built at run time refer to
/// models (see [`Kind::Linked`]). Until it is set, it takes any value.
#[derive(Default)]
pub struct LinkedModel(OnceLock<ModelShape>);

impl LinkedModel {
    /// A link not yet set.
    #[must_use]
    pub const fn new() -> Self {
        LinkedModel(OnceLock::new())
    }

    /// Sets the model's shape.
    ///
    /// # Errors
    ///
    /// Gives `shape` back when the link was already set.
    pub fn set(&self, shape: ModelShape) -> Result<(), ModelShape> {
        self.0.set(shape)
    }

    /// The model's shape, once set.
    #[must_use]
    #[inline]
    pub fn get(&self) -> Option<&ModelShape> {
        self.0.get()
    }
}

impl fmt::Debug for LinkedModel {
    /// Says only whether the link is set: the shape behind it may lead back to this link.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let state = if self.0.get().is_some() {
            "set"
        } else {
            "unset"
        };
        f.debug_tuple("LinkedModel").field(&state).finish()
    }
}

/// The keywords of a string, checked in the order of the fields.
#[derive(Debug, Clone, Copy)]
pub struct StringRules {
    /// `format`.
    pub format: Option<Format>,
    /// `minLength`, in characters (code points).
    pub min_length: Option<u64>,
    /// `maxLength`, in characters (code points).
    pub max_length: Option<u64>,
    /// `pattern`.
    pub pattern: Option<&'static LazyPattern>,
}

impl StringRules {
    /// No keywords.
    pub const NONE: StringRules = StringRules {
        format: None,
        min_length: None,
        max_length: None,
        pattern: None,
    };
}

/// A string format that the generated code checks (see [`format`](crate::format)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// `date-time`: [`is_date_time`](crate::format::is_date_time).
    DateTime,
    /// `date`: [`is_date`](crate::format::is_date).
    Date,
    /// `email`: [`is_email`](crate::format::is_email).
    Email,
    /// `uri`: [`is_uri`](crate::format::is_uri).
    Uri,
    /// `uuid`: [`is_uuid`](crate::format::is_uuid).
    Uuid,
    /// `ipv4`: [`is_ipv4`](crate::format::is_ipv4).
    Ipv4,
    /// `ipv6`: [`is_ipv6`](crate::format::is_ipv6).
    Ipv6,
}

impl Format {
    /// The format's name in JSON Schema: `"date-time"`, `"date"`, `"email"`, `"uri"`, `"uuid"`,
    /// `"ipv4"` or `"ipv6"`.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Format::DateTime => "date-time",
            Format::Date => "date",
            Format::Email => "email",
            Format::Uri => "uri",
            Format::Uuid => "uuid",
            Format::Ipv4 => "ipv4",
            Format::Ipv6 => "ipv6",
        }
    }

    /// The function of [`format`](crate::format) that decides the format.
    #[must_use]
    pub const fn function(self) -> fn(&str) -> bool {
        use crate::format as f;
        match self {
            Format::DateTime => f::is_date_time,
            Format::Date => f::is_date,
            Format::Email => f::is_email,
            Format::Uri => f::is_uri,
            Format::Uuid => f::is_uuid,
            Format::Ipv4 => f::is_ipv4,
            Format::Ipv6 => f::is_ipv6,
        }
    }

    /// Whether `text` is in the format.
    #[must_use]
    pub fn holds(self, text: &str) -> bool {
        (self.function())(text)
    }
}

/// The keywords of a number, checked in the order of the fields.
#[derive(Debug, Clone, Copy, Default)]
pub struct NumberRules {
    /// `minimum`.
    pub minimum: Option<Limit>,
    /// `maximum`.
    pub maximum: Option<Limit>,
    /// `exclusiveMinimum`.
    pub exclusive_minimum: Option<Limit>,
    /// `exclusiveMaximum`.
    pub exclusive_maximum: Option<Limit>,
    /// `multipleOf`.
    pub multiple_of: Option<Limit>,
}

impl NumberRules {
    /// No keywords.
    pub const NONE: NumberRules = NumberRules {
        minimum: None,
        maximum: None,
        exclusive_minimum: None,
        exclusive_maximum: None,
        multiple_of: None,
    };
}

/// A number in a keyword, as the schema writes it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Limit {
    /// A signed integer.
    Int(i64),
    /// An unsigned integer beyond `i64::MAX`.
    Uint(u64),
    /// A number with a fraction or exponent; a NaN or infinity (which JSON cannot hold) reads
    /// as `0`.
    Float(f64),
}

impl Limit {
    /// The limit as a JSON number.
    #[must_use]
    #[inline]
    pub fn to_number(self) -> Number {
        match self {
            Limit::Int(i) => Number::from(i),
            Limit::Uint(u) => Number::from(u),
            Limit::Float(f) => Number::from_f64(f).unwrap_or_else(|| Number::from(0)),
        }
    }
}

/// The items and keywords of an array.
#[derive(Debug, Clone, Copy)]
pub struct ArrayRules {
    /// What each item must be.
    pub items: Shape,
    /// `minItems`.
    pub min_items: Option<u64>,
    /// `maxItems`.
    pub max_items: Option<u64>,
    /// `uniqueItems: true`.
    pub unique_items: bool,
}

/// A `pattern` compiled on first use, for a `static`:
/// `static P: LazyPattern = LazyPattern::new("^a+$");`.
pub struct LazyPattern {
    source: &'static str,
    compiled: OnceLock<Pattern>,
}

impl LazyPattern {
    /// A pattern of `source`, compiled when first used.
    #[must_use]
    pub const fn new(source: &'static str) -> Self {
        LazyPattern {
            source,
            compiled: OnceLock::new(),
        }
    }

    /// The compiled pattern.
    ///
    /// # Panics
    ///
    /// If the source is not a valid pattern ([`Pattern::new`] fails); generated code only holds
    /// patterns that passed [`check_pattern_syntax`](crate::check_pattern_syntax).
    #[must_use]
    pub fn get(&self) -> &Pattern {
        self.compiled.get_or_init(|| {
            Pattern::new(self.source)
                .unwrap_or_else(|error| panic!("a `LazyPattern` holds a bad pattern: {error}"))
        })
    }

    /// The pattern as written.
    #[must_use]
    pub fn source(&self) -> &'static str {
        self.source
    }

    /// Whether the pattern matches anywhere in `text` (see [`Pattern::is_match`]).
    ///
    /// # Errors
    ///
    /// [`UnfinishedMatch`](crate::UnfinishedMatch) when the match could not be decided.
    #[inline]
    pub fn is_match(&self, text: &str) -> Result<bool, crate::UnfinishedMatch> {
        self.get().is_match(text)
    }
}

impl fmt::Debug for LazyPattern {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("LazyPattern").field(&self.source).finish()
    }
}

/// A `const` value parsed on first use, for a `static`:
/// `static C: Constant = Constant::new("{\"a\":1}");`.
pub struct Constant {
    json_text: &'static str,
    parsed: OnceLock<Value>,
}

impl Constant {
    /// The value of the JSON text `json_text`, parsed when first used.
    #[must_use]
    pub const fn new(json_text: &'static str) -> Self {
        Constant {
            json_text,
            parsed: OnceLock::new(),
        }
    }

    /// The value.
    ///
    /// # Panics
    ///
    /// If the text is not JSON; generated code writes the text with `serde_json`.
    #[must_use]
    pub fn value(&self) -> &Value {
        self.parsed.get_or_init(|| {
            serde_json::from_str(self.json_text)
                .unwrap_or_else(|error| panic!("a `Constant` holds text that is not JSON: {error}"))
        })
    }

    /// The JSON text as written.
    #[must_use]
    pub fn json_text(&self) -> &'static str {
        self.json_text
    }
}

impl fmt::Debug for Constant {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Constant").field(&self.json_text).finish()
    }
}

/// Checks a JSON value, which sits at `path`, against a model's shape and pushes one error per
/// broken keyword onto `errors`.
pub fn check_model(
    model: &ModelShape,
    value: &Value,
    path: &Location<'_>,
    errors: &mut Vec<ValidationError>,
) {
    walk_model(model, value, path, errors);
}

/// Checks a JSON value, which sits at `path`, against a shape and pushes one error per broken
/// keyword onto `errors`.
pub fn check(shape: &Shape, value: &Value, path: &Location<'_>, errors: &mut Vec<ValidationError>) {
    walk(shape, value, path, errors);
}

/// Whether a JSON value fits a shape with no error. Cheaper than [`check`]: it stops at the first
/// problem and builds no message.
#[must_use]
pub fn fits(shape: &Shape, value: &Value) -> bool {
    let mut probe = Probe(false);
    walk(shape, value, &Location::Root, &mut probe);
    !probe.0
}

/// Whether a JSON value fits a model's shape with no error; see [`fits`].
#[must_use]
pub fn fits_model(model: &ModelShape, value: &Value) -> bool {
    let mut probe = Probe(false);
    walk_model(model, value, &Location::Root, &mut probe);
    !probe.0
}

/// For a union, the index of the first variant (in order) that the value fits with no error, the
/// variant that union deserialization reads; `None` if it fits none, or if the model is not a
/// union.
#[must_use]
///
/// The variant must also be one its Rust type can hold: an integer beyond `i64` (`1.5e300`,
/// which JSON Schema counts as an integer) fits no integer variant here, so a later `number`
/// variant reads it.
pub fn fitting_variant(model: &ModelShape, value: &Value) -> Option<usize> {
    match model {
        ModelShape::Union { variants, .. } => variants
            .iter()
            .position(|shape| fits_rust_type(shape, value)),
        _ => None,
    }
}

// ----- the interpreter -----

/// Where the interpreter reports errors: a vector that collects them all, or a [`Probe`] that
/// only notes that there was one (and stops the walk there).
trait Sink {
    /// Whether the walk can stop: an error was noted and nothing more is wanted.
    fn stopped(&self) -> bool;

    /// Notes an error, built by `error` only if it is kept.
    fn fail(&mut self, error: impl FnOnce() -> ValidationError);

    /// Whether integers must also fit the Rust type, `i64`: set when choosing the union variant
    /// to read, never when checking against the schema.
    fn typed(&self) -> bool {
        false
    }
}

/// A [`Probe`] that also fails on integers that `i64` cannot hold.
struct TypedProbe(bool);

impl Sink for TypedProbe {
    #[inline]
    fn stopped(&self) -> bool {
        self.0
    }

    #[inline]
    fn fail(&mut self, _error: impl FnOnce() -> ValidationError) {
        self.0 = true;
    }

    fn typed(&self) -> bool {
        true
    }
}

/// Whether a value fits a shape with no error and every integer in it fits in an `i64`.
fn fits_rust_type(shape: &Shape, value: &Value) -> bool {
    let mut probe = TypedProbe(false);
    walk(shape, value, &Location::Root, &mut probe);
    !probe.0
}

/// Whether an integer (possibly written as a float, `1.0e3`) fits in an `i64`.
fn holds_in_i64(n: &Number) -> bool {
    n.as_i64().is_some()
        || n.as_f64()
            .is_some_and(|f| (i64::MIN as f64..-(i64::MIN as f64)).contains(&f))
}

impl Sink for Vec<ValidationError> {
    #[inline]
    fn stopped(&self) -> bool {
        false
    }

    #[inline]
    fn fail(&mut self, error: impl FnOnce() -> ValidationError) {
        self.push(error());
    }
}

/// A sink that only notes whether there was an error.
struct Probe(bool);

impl Sink for Probe {
    #[inline]
    fn stopped(&self) -> bool {
        self.0
    }

    #[inline]
    fn fail(&mut self, _error: impl FnOnce() -> ValidationError) {
        self.0 = true;
    }
}

fn walk_model<S: Sink>(model: &ModelShape, value: &Value, path: &Location<'_>, sink: &mut S) {
    match model {
        ModelShape::Object(fields) => {
            let Some(object) = value.as_object() else {
                sink.fail(|| checks::wrong_type_error(value, "an object", path));
                return;
            };
            for field in *fields {
                match object.get(field.wire_name) {
                    None => {
                        if field.required {
                            sink.fail(|| checks::required_error(field.wire_name, path));
                        }
                    }
                    Some(Value::Null) if field.nullable && field.shape.constant.is_none() => {}
                    Some(member) => {
                        if !matches!(
                            field.shape,
                            Shape {
                                kind: Kind::Any,
                                constant: None
                            }
                        ) {
                            walk(&field.shape, member, &path.key(field.wire_name), sink);
                        }
                    }
                }
                if sink.stopped() {
                    return;
                }
            }
        }
        ModelShape::StringEnum {
            values,
            open,
            allowed,
        } => match value.as_str() {
            None => sink.fail(|| checks::wrong_type_error(value, "a string", path)),
            Some(text) => {
                if !*open && !values.contains(&text) {
                    sink.fail(|| checks::not_in_enum_error(value, allowed, path));
                }
            }
        },
        ModelShape::IntegerEnum {
            values,
            open,
            allowed,
        } => match value {
            Value::Number(n) if is_integer(n) => {
                if !*open
                    && !checks::integer_value(value).is_some_and(|number| values.contains(&number))
                {
                    sink.fail(|| checks::not_in_enum_error(value, allowed, path));
                }
            }
            _ => sink.fail(|| checks::wrong_type_error(value, "an integer", path)),
        },
        ModelShape::BooleanEnum {
            values,
            open,
            allowed,
        } => match value.as_bool() {
            None => sink.fail(|| checks::wrong_type_error(value, "a boolean", path)),
            Some(flag) => {
                if !*open && !values.contains(&flag) {
                    sink.fail(|| checks::not_in_enum_error(value, allowed, path));
                }
            }
        },
        ModelShape::Union { name, variants } => {
            let fitting = |variant: &Shape| {
                if sink.typed() {
                    fits_rust_type(variant, value)
                } else {
                    fits(variant, value)
                }
            };
            if !variants.iter().any(fitting) {
                sink.fail(|| checks::no_variant_error(name, path));
            }
        }
        ModelShape::Any => {}
    }
}

fn walk<S: Sink>(shape: &Shape, value: &Value, path: &Location<'_>, sink: &mut S) {
    if let Some(constant) = shape.constant {
        let expected = constant.value();
        if !json_equal(value, expected) {
            sink.fail(|| checks::constant_error(value, expected, path));
            if sink.stopped() {
                return;
            }
        }
    }
    match shape.kind {
        Kind::Any => {}
        Kind::Boolean => {
            if !value.is_boolean() {
                sink.fail(|| checks::wrong_type_error(value, "a boolean", path));
            }
        }
        Kind::String(rules) => match value.as_str() {
            Some(text) => string_rules(rules, text, path, sink),
            None => sink.fail(|| checks::wrong_type_error(value, "a string", path)),
        },
        Kind::Integer(rules) => match value {
            Value::Number(n) if sink.typed() && is_integer(n) && !holds_in_i64(n) => sink
                .fail(|| checks::wrong_type_error(value, "an integer that fits in 64 bits", path)),
            Value::Number(n) if is_integer(n) => number_rules(rules, n, path, sink),
            _ => sink.fail(|| checks::wrong_type_error(value, "an integer", path)),
        },
        Kind::Number(rules) => match value {
            Value::Number(n) => number_rules(rules, n, path, sink),
            _ => sink.fail(|| checks::wrong_type_error(value, "a number", path)),
        },
        Kind::Array(rules) => {
            let Some(items) = value.as_array() else {
                sink.fail(|| checks::wrong_type_error(value, "an array", path));
                return;
            };
            let count = items.len();
            if let Some(min) = rules.min_items {
                if (count as u64) < min {
                    sink.fail(|| checks::min_items_error(count, min, path));
                }
            }
            if let Some(max) = rules.max_items {
                if (count as u64) > max {
                    sink.fail(|| checks::max_items_error(count, max, path));
                }
            }
            if rules.unique_items && !unique_items(items) {
                sink.fail(|| checks::unique_items_error(path));
            }
            if sink.stopped() || is_any(&rules.items) {
                return;
            }
            for (index, item) in items.iter().enumerate() {
                walk(&rules.items, item, &path.index(index), sink);
                if sink.stopped() {
                    return;
                }
            }
        }
        Kind::Map(inner) => {
            let Some(entries) = value.as_object() else {
                sink.fail(|| checks::wrong_type_error(value, "an object", path));
                return;
            };
            if is_any(inner) {
                return;
            }
            for (key, member) in entries {
                walk(inner, member, &path.key(key), sink);
                if sink.stopped() {
                    return;
                }
            }
        }
        Kind::Nullable(inner) => {
            if !value.is_null() {
                walk(inner, value, path, sink);
            }
        }
        Kind::Model(shape) => walk_model(shape(), value, path, sink),
        Kind::Linked(link) => {
            if let Some(model) = link.get() {
                walk_model(model, value, path, sink);
            }
        }
    }
}

/// Whether a shape takes every value.
#[inline]
fn is_any(shape: &Shape) -> bool {
    matches!(
        shape,
        Shape {
            kind: Kind::Any,
            constant: None
        }
    )
}

fn string_rules<S: Sink>(rules: &StringRules, text: &str, path: &Location<'_>, sink: &mut S) {
    if let Some(format) = rules.format {
        if !format.holds(text) {
            sink.fail(|| checks::format_error(text, format.name(), path));
        }
    }
    if let Some(min) = rules.min_length {
        if !has_min_length(text, min) {
            sink.fail(|| checks::min_length_error(text, min, path));
        }
    }
    if let Some(max) = rules.max_length {
        if !has_max_length(text, max) {
            sink.fail(|| checks::max_length_error(text, max, path));
        }
    }
    if let Some(pattern) = rules.pattern {
        if !sink.stopped() {
            match pattern.is_match(text) {
                Ok(true) => {}
                Ok(false) => sink.fail(|| checks::pattern_error(text, pattern.source(), path)),
                Err(why) => sink
                    .fail(|| checks::unfinished_pattern_error(text, pattern.source(), why, path)),
            }
        }
    }
}

fn number_rules<S: Sink>(rules: &NumberRules, value: &Number, path: &Location<'_>, sink: &mut S) {
    let mut keyword =
        |limit: Option<Limit>, rule: &'static str, holds: fn(&Number, &Number) -> bool| {
            if let Some(limit) = limit {
                let limit = limit.to_number();
                if !holds(value, &limit) {
                    sink.fail(|| checks::number_error(rule, value, &limit, path));
                }
            }
        };
    keyword(rules.minimum, "minimum", |v, l| compare(v, l).is_ge());
    keyword(rules.maximum, "maximum", |v, l| compare(v, l).is_le());
    keyword(rules.exclusive_minimum, "exclusiveMinimum", |v, l| {
        compare(v, l).is_gt()
    });
    keyword(rules.exclusive_maximum, "exclusiveMaximum", |v, l| {
        compare(v, l).is_lt()
    });
    keyword(rules.multiple_of, "multipleOf", is_multiple_of);
}

#[cfg(test)]
mod tests {
    use super::*;

    static INTEGER_OR_NUMBER: ModelShape = ModelShape::Union {
        name: "Amount",
        variants: &[Shape::INTEGER, Shape::NUMBER],
    };

    #[test]
    fn an_integer_beyond_i64_is_read_by_a_later_number_variant() {
        let huge = serde_json::json!(1.5e300);
        assert_eq!(fitting_variant(&INTEGER_OR_NUMBER, &huge), Some(1));
        assert_eq!(
            fitting_variant(&INTEGER_OR_NUMBER, &serde_json::json!(3)),
            Some(0)
        );
        assert_eq!(
            fitting_variant(&INTEGER_OR_NUMBER, &serde_json::json!(3.0)),
            Some(0)
        );
        assert_eq!(
            fitting_variant(&INTEGER_OR_NUMBER, &serde_json::json!(u64::MAX)),
            Some(1)
        );
        // The schema check itself still counts 1.5e300 as an integer.
        assert!(fits(&Shape::INTEGER, &huge));
        assert!(fits_model(&INTEGER_OR_NUMBER, &huge));
    }
}
