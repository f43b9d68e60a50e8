//! Deterministic JSON test documents for a model: valid instances and near-misses.
//!
//! The agreement tests feed these documents both to the generated Rust validation and to the
//! `jsonschema` crate with the published schema, and compare the verdicts. About a third of
//! the documents are valid instances; the rest are near-misses (a valid instance with exactly
//! one thing broken: a required property removed, a wrong JSON type, a length one past its
//! bound, a string that breaks its format, ...) and a few valid edge cases (an integer written
//! as `1.0`, an unknown property, a value exactly at an inclusive bound, ...).
//!
//! "Valid" means valid against the published JSON Schema (draft 2020-12, with `format`
//! asserted). The generator checks every document with a small built-in validator of the
//! model IR, so a near-miss breaks exactly one keyword at one place and a valid document
//! breaks none. Patterns are matched with a small backtracking engine for the common subset
//! of ECMAScript regular expressions; where a pattern uses something outside that subset the
//! document is labelled `uncertain`.
//!
//! The same model, count and seed always give the same documents.

pub mod agreement;
pub mod one_resource;

use std::cell::RefCell;
use std::cmp::Ordering;
use std::collections::BTreeMap;
use std::net::{Ipv4Addr, Ipv6Addr};
use std::rc::Rc;

use serde_json::{json, Map, Number, Value};

use modelgen::examples::pointer_escape;
use modelgen::ir::{
    Constraints, Enum, EnumRepr, Format, ModelId, ModelKind, ModelSet, Object, Type,
};

/// One generated document and what was done to it.
#[derive(Debug, Clone, PartialEq)]
pub struct Sample {
    /// The JSON document.
    pub document: Value,
    /// What the document is and what was done to it. It starts with one of
    /// `valid: ` (a valid instance), `valid (edge case): ` (valid, but unusual: an integer
    /// written as `1.0`, an unknown property, a value exactly at a bound, ...),
    /// `invalid: ` (a near-miss, e.g. `invalid: /grantType removed (required)`) or
    /// `uncertain: ` (a pattern could not be evaluated). JSON Pointers in the text are the
    /// places that were changed.
    pub description: String,
}

impl Sample {
    /// Whether the published schema accepts the document: `Some(true)` for `valid` and
    /// `valid (edge case)` samples, `Some(false)` for `invalid` ones, `None` when uncertain.
    pub fn expected_valid(&self) -> Option<bool> {
        if self.description.starts_with("valid") {
            Some(true)
        } else if self.description.starts_with("invalid") {
            Some(false)
        } else {
            None
        }
    }

    /// Whether this is a valid edge case: accepted by JSON Schema, but unusual enough that a
    /// stricter reader may refuse it (for example `1.0` where an integer is expected).
    pub fn is_edge_case(&self) -> bool {
        self.description.starts_with(EDGE)
    }
}

/// `count` documents for model `id`: about a third valid instances, the rest near-misses.
///
/// Every third document (the first, the fourth, ...) is a valid instance; the first is the
/// model's example when it has a valid one. The others are near-misses and valid edge cases,
/// chosen so that every kind of change shows up before any repeats. An `id` outside `models`
/// gives no documents. The output depends only on the arguments.
pub fn samples(models: &ModelSet, id: ModelId, count: usize, seed: u64) -> Vec<Sample> {
    generate(models, id, count, seed)
        .into_iter()
        .map(|(sample, _)| sample)
        .collect()
}

const VALID: &str = "valid: ";
const EDGE: &str = "valid (edge case): ";
const INVALID: &str = "invalid: ";
const UNCERTAIN: &str = "uncertain: ";

/// Nesting at which generation turns minimal: optional fields absent, arrays as short as
/// allowed, `null` where allowed.
const SOFT_DEPTH: usize = 3;
/// Nesting at which generation stops, leaving an invalid placeholder.
const HARD_DEPTH: usize = 24;
/// Values generated per document before generation turns minimal.
const NODE_BUDGET: usize = 3_000;
/// The longest string or array built on purpose.
const MAX_LEN: u64 = 4_096;
/// Union-to-union steps followed without consuming any input.
const MAX_HOPS: usize = 8;
/// Near-miss candidates collected per document.
const MAX_CANDIDATES: usize = 3_000;

/// What was done to a valid instance.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
enum Kind {
    RequiredRemoved,
    WrongType,
    NullNotNullable,
    NotAnObject,
    UnknownEnumValue,
    Const,
    MaxLength,
    MinLength,
    Format,
    Pattern,
    Maximum,
    ExclusiveMaximum,
    Minimum,
    ExclusiveMinimum,
    MultipleOf,
    MaxItems,
    MinItems,
    UniqueItems,
    // Valid edge cases.
    IntegralFloat,
    ExtraProperty,
    OpenEnumUnknown,
    AtBound,
    MultiByteLength,
    FormatEdge,
}

impl Kind {
    #[cfg(test)]
    const ALL: [Kind; 24] = [
        Kind::RequiredRemoved,
        Kind::WrongType,
        Kind::NullNotNullable,
        Kind::NotAnObject,
        Kind::UnknownEnumValue,
        Kind::Const,
        Kind::MaxLength,
        Kind::MinLength,
        Kind::Format,
        Kind::Pattern,
        Kind::Maximum,
        Kind::ExclusiveMaximum,
        Kind::Minimum,
        Kind::ExclusiveMinimum,
        Kind::MultipleOf,
        Kind::MaxItems,
        Kind::MinItems,
        Kind::UniqueItems,
        Kind::IntegralFloat,
        Kind::ExtraProperty,
        Kind::OpenEnumUnknown,
        Kind::AtBound,
        Kind::MultiByteLength,
        Kind::FormatEdge,
    ];

    /// Whether the changed document is still valid.
    fn is_valid(self) -> bool {
        matches!(
            self,
            Kind::IntegralFloat
                | Kind::ExtraProperty
                | Kind::OpenEnumUnknown
                | Kind::AtBound
                | Kind::MultiByteLength
                | Kind::FormatEdge
        )
    }

    /// The keyword the built-in validator reports for this change.
    fn keyword(self) -> &'static str {
        match self {
            Kind::RequiredRemoved => "required",
            Kind::WrongType | Kind::NullNotNullable | Kind::NotAnObject => "type",
            Kind::UnknownEnumValue => "enum",
            Kind::Const => "const",
            Kind::MaxLength => "maxLength",
            Kind::MinLength => "minLength",
            Kind::Format => "format",
            Kind::Pattern => "pattern",
            Kind::Maximum => "maximum",
            Kind::ExclusiveMaximum => "exclusiveMaximum",
            Kind::Minimum => "minimum",
            Kind::ExclusiveMinimum => "exclusiveMinimum",
            Kind::MultipleOf => "multipleOf",
            Kind::MaxItems => "maxItems",
            Kind::MinItems => "minItems",
            Kind::UniqueItems => "uniqueItems",
            _ => "",
        }
    }
}

// ---------------------------------------------------------------------------------------
// Random numbers

/// splitmix64: tiny, fast and good enough for test data.
#[derive(Debug, Clone)]
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n`; 0 when `n` is 0.
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next_u64() % n as u64) as usize
        }
    }

    /// True with the given chance in percent.
    fn chance(&mut self, percent: u64) -> bool {
        self.next_u64() % 100 < percent
    }

    /// A float in `[0, 1)`.
    fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> Option<&'a T> {
        if items.is_empty() {
            None
        } else {
            items.get(self.below(items.len()))
        }
    }

    fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.below(i + 1);
            items.swap(i, j);
        }
    }
}

// ---------------------------------------------------------------------------------------
// JSON helpers

const NULL: u8 = 1;
const BOOL: u8 = 2;
const INT: u8 = 4;
const FLOAT: u8 = 8;
const STRING: u8 = 16;
const ARRAY: u8 = 32;
const OBJECT: u8 = 64;
const ALL: u8 = 127;

/// Whether JSON Schema counts the number as an integer (`1.0` is one).
fn is_integral(n: &Number) -> bool {
    n.is_i64()
        || n.is_u64()
        || n.as_f64()
            .is_some_and(|f| f.is_finite() && f.fract() == 0.0)
}

fn as_i128(n: &Number) -> Option<i128> {
    n.as_i64()
        .map(i128::from)
        .or_else(|| n.as_u64().map(i128::from))
}

fn num_cmp(a: &Number, b: &Number) -> Option<Ordering> {
    if let (Some(x), Some(y)) = (as_i128(a), as_i128(b)) {
        return Some(x.cmp(&y));
    }
    a.as_f64()?.partial_cmp(&b.as_f64()?)
}

/// JSON Schema's `multipleOf`: the quotient must be an integer. Numbers are read as the
/// shortest decimals that round-trip (as they are written in JSON), so `0.3` is a multiple of
/// `0.1`, as `jsonschema` decides; only decimals too long for exact arithmetic fall back to
/// floating point.
fn is_multiple(value: &Number, multiple: &Number) -> bool {
    let Some(m) = multiple.as_f64().filter(|m| *m > 0.0 && m.is_finite()) else {
        return true;
    };
    if let Some(v) = as_i128(value) {
        if m.fract() == 0.0 && m <= 9_007_199_254_740_992.0 {
            return v % (m as i128) == 0;
        }
    }
    let Some(v) = value.as_f64() else {
        return false;
    };
    if v == 0.0 {
        return true;
    }
    if v.abs() < m {
        return false;
    }
    if let Some(answer) = divides_exactly(v, m) {
        return answer;
    }
    let k = (v / m).round();
    k.is_finite() && k.mul_add(m, -v) == 0.0
}

/// A finite float as the shortest decimal that reads back as it: `mantissa * 10^-decimals`
/// with `decimals >= 0`, or `None` when that does not fit in `i128`.
fn decimal_parts(x: f64) -> Option<(i128, u32)> {
    let text = format!("{x:e}");
    let (digits, exponent) = text.split_once('e')?;
    let exponent: i32 = exponent.parse().ok()?;
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    let mantissa: i128 = format!("{whole}{fraction}").parse().ok()?;
    let decimals = i32::try_from(fraction.len()).ok()? - exponent;
    if decimals >= 0 {
        Some((mantissa, u32::try_from(decimals).ok()?))
    } else {
        let scale = 10_i128.checked_pow(u32::try_from(-decimals).ok()?)?;
        Some((mantissa.checked_mul(scale)?, 0))
    }
}

/// Whether `multiple` divides `value` exactly, both read as shortest decimals; `None` when
/// the arithmetic would overflow.
fn divides_exactly(value: f64, multiple: f64) -> Option<bool> {
    let (value_mantissa, value_decimals) = decimal_parts(value)?;
    let (multiple_mantissa, multiple_decimals) = decimal_parts(multiple)?;
    if multiple_mantissa == 0 {
        return None;
    }
    let shared = value_decimals.min(multiple_decimals);
    let scale = |mantissa: i128, decimals: u32| {
        mantissa.checked_mul(10_i128.checked_pow(decimals - shared)?)
    };
    Some(scale(value_mantissa, multiple_decimals)? % scale(multiple_mantissa, value_decimals)? == 0)
}

/// Equality as JSON Schema sees it: numbers compare by value.
fn json_eq(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => num_cmp(x, y) == Some(Ordering::Equal),
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(a, b)| json_eq(a, b))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len()
                && x.iter()
                    .all(|(k, v)| y.get(k).is_some_and(|other| json_eq(v, other)))
        }
        _ => a == b,
    }
}

fn kind_name(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(n) if n.is_i64() || n.is_u64() => "an integer",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// The value as compact JSON, cut to a readable length.
fn compact(value: &Value) -> String {
    let text = value.to_string();
    if text.chars().count() <= 60 {
        text
    } else {
        let mut cut: String = text.chars().take(57).collect();
        cut.push_str("...");
        cut
    }
}

fn shown(pointer: &str) -> String {
    if pointer.is_empty() {
        "the document".to_owned()
    } else {
        pointer.to_owned()
    }
}

fn child(path: &str, key: &str) -> String {
    format!("{path}/{}", pointer_escape(key))
}

fn type_name(models: &ModelSet, ty: &Type) -> String {
    match ty {
        Type::String => "string".into(),
        Type::Integer => "integer".into(),
        Type::Number => "number".into(),
        Type::Boolean => "boolean".into(),
        Type::Any => "any".into(),
        Type::DateTime => "date-time string".into(),
        Type::Date => "date string".into(),
        Type::Array(inner) => format!("array of {}", type_name(models, inner)),
        Type::Map(inner) => format!("map of {}", type_name(models, inner)),
        Type::Nullable(inner) => format!("{} or null", type_name(models, inner)),
        Type::Model(id) => match models.models.get(id.0) {
            Some(model) => format!("`{}`", model.name),
            None => "an unknown model".into(),
        },
    }
}

fn unwrap_nullable(ty: &Type, nullable: bool) -> (&Type, bool) {
    let mut ty = ty;
    let mut nullable = nullable;
    while let Type::Nullable(inner) = ty {
        ty = inner;
        nullable = true;
    }
    (ty, nullable)
}

/// `s` cut or padded (repeating its last character) to `n` characters.
fn resize(s: &str, n: usize) -> String {
    let count = s.chars().count();
    if count >= n {
        return s.chars().take(n).collect();
    }
    let last = s.chars().last().unwrap_or('a');
    let mut out = s.to_owned();
    out.extend(std::iter::repeat_n(last, n - count));
    out
}

fn num_value(x: f64) -> Option<Value> {
    if !x.is_finite() {
        return None;
    }
    if x.fract() == 0.0 && x.abs() < 9.0e18 {
        return Some(Value::from(x as i64));
    }
    Number::from_f64(x).map(Value::Number)
}

fn number_text(n: &Number) -> String {
    n.to_string()
}

// ---------------------------------------------------------------------------------------
// Formats

fn format_ok(format: Format, s: &str) -> bool {
    match format {
        Format::DateTime => date_time_ok(s),
        Format::Date => date_ok(s),
        Format::Email => email_ok(s),
        Format::Uri => uri_ok(s),
        Format::Uuid => uuid_ok(s),
        Format::Ipv4 => s.parse::<Ipv4Addr>().is_ok(),
        Format::Ipv6 => s.parse::<Ipv6Addr>().is_ok(),
    }
}

fn digits(bytes: &[u8]) -> Option<u32> {
    if bytes.is_empty() || !bytes.iter().all(u8::is_ascii_digit) {
        return None;
    }
    Some(
        bytes
            .iter()
            .fold(0u32, |acc, d| acc * 10 + u32::from(d - b'0')),
    )
}

fn days_in_month(year: u32, month: u32) -> u32 {
    let leap = (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400);
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => 0,
    }
}

/// RFC 3339 `full-date`.
fn date_ok(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let (Some(year), Some(month), Some(day)) =
        (digits(&b[0..4]), digits(&b[5..7]), digits(&b[8..10]))
    else {
        return false;
    };
    (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month)
}

/// RFC 3339 `full-time`, with a leap second allowed only at 23:59 UTC.
fn time_ok(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() < 9 || b[2] != b':' || b[5] != b':' {
        return false;
    }
    let (Some(hour), Some(minute), Some(second)) =
        (digits(&b[0..2]), digits(&b[3..5]), digits(&b[6..8]))
    else {
        return false;
    };
    if hour > 23 || minute > 59 || second > 60 {
        return false;
    }
    let mut i = 8;
    if b.get(i) == Some(&b'.') {
        i += 1;
        let start = i;
        while b.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        if i == start {
            return false;
        }
    }
    match b.get(i) {
        Some(b'Z' | b'z') => i + 1 == b.len() && (second != 60 || (hour == 23 && minute == 59)),
        Some(&sign @ (b'+' | b'-')) => {
            let rest = &b[i + 1..];
            if rest.len() != 5 || rest[2] != b':' {
                return false;
            }
            let (Some(offset_hour), Some(offset_minute)) =
                (digits(&rest[0..2]), digits(&rest[3..5]))
            else {
                return false;
            };
            if offset_hour > 23 || offset_minute > 59 {
                return false;
            }
            if second != 60 {
                return true;
            }
            let local = i64::from(hour * 60 + minute);
            let offset = i64::from(offset_hour * 60 + offset_minute);
            let utc = if sign == b'+' {
                local - offset
            } else {
                local + offset
            };
            utc.rem_euclid(24 * 60) == 23 * 60 + 59
        }
        _ => false,
    }
}

/// RFC 3339 `date-time`.
fn date_time_ok(s: &str) -> bool {
    match s.bytes().position(|b| b == b'T' || b == b't') {
        Some(at) => date_ok(&s[..at]) && time_ok(&s[at + 1..]),
        None => false,
    }
}

fn hostname_ok(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 253
        && s.split('.').all(|label| {
            !label.is_empty()
                && label.len() <= 63
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        })
}

/// A dot-atom local part, `@`, and a host name: the common shape of an address.
fn email_ok(s: &str) -> bool {
    let Some((local, domain)) = s.rsplit_once('@') else {
        return false;
    };
    let atext = |c: char| c.is_ascii_alphanumeric() || "!#$%&'*+/=?^_`{|}~-".contains(c);
    !local.is_empty()
        && local.len() <= 64
        && s.len() <= 254
        && local
            .split('.')
            .all(|part| !part.is_empty() && part.chars().all(atext))
        && hostname_ok(domain)
}

/// An absolute URI: a scheme, `:`, and only characters RFC 3986 allows.
fn uri_ok(s: &str) -> bool {
    let Some((scheme, rest)) = s.split_once(':') else {
        return false;
    };
    let mut chars = scheme.chars();
    if !chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        || !chars.all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
    {
        return false;
    }
    let b = rest.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c == b'%' {
            if !(b.get(i + 1).is_some_and(u8::is_ascii_hexdigit)
                && b.get(i + 2).is_some_and(u8::is_ascii_hexdigit))
            {
                return false;
            }
            i += 3;
            continue;
        }
        if !(c.is_ascii_alphanumeric() || b"-._~:/?#[]@!$&'()*+,;=".contains(&c)) {
            return false;
        }
        i += 1;
    }
    true
}

fn uuid_ok(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 36
        && b.iter().enumerate().all(|(i, c)| {
            if matches!(i, 8 | 13 | 18 | 23) {
                *c == b'-'
            } else {
                c.is_ascii_hexdigit()
            }
        })
}

/// Strings that break a format, each with what is wrong.
fn format_misses(format: Format, rng: &mut Rng) -> Vec<(String, String)> {
    let fixed: &[(&str, &str)] = match format {
        Format::DateTime => &[
            ("2023-05-01T10:00:00", "no time zone"),
            ("2023-05-01", "a date without a time"),
            ("2023-02-30T10:00:00Z", "February 30"),
            ("2023-05-01T24:00:00Z", "hour 24"),
            ("2023-05-01T10:00Z", "no seconds"),
            ("2023-05-01 10:00:00Z", "a space instead of `T`"),
            ("2023-05-01T10:00:00+2:00", "a one-digit offset hour"),
            ("2023-13-01T10:00:00Z", "month 13"),
            ("2023-05-01T10:00:00.Z", "an empty fraction"),
        ],
        Format::Date => &[
            ("2023-02-30", "February 30"),
            ("2023-02-29", "February 29 in a common year"),
            ("2023-13-01", "month 13"),
            ("2023-00-10", "month 0"),
            ("2023-5-1", "no zero padding"),
            ("2023-05-01T00:00:00Z", "a date-time"),
            ("20230501", "no hyphens"),
        ],
        Format::Email => &[
            ("user.example.com", "no `@`"),
            ("@example.com", "an empty local part"),
            ("user@", "an empty domain"),
            ("us er@example.com", "a space"),
            ("user@example..com", "an empty domain label"),
            ("user@@example.com", "two `@`"),
        ],
        Format::Uri => &[
            ("example.com/path", "no scheme"),
            ("/relative/path", "a relative reference"),
            ("https://exa mple.com/", "a space"),
            ("1http://example.com/", "a scheme starting with a digit"),
            ("https://example.com/%zz", "a bad percent-encoding"),
            ("https://example.com/<x>", "angle brackets"),
        ],
        Format::Uuid => &[
            ("123e4567e89b12d3a456426614174000", "no hyphens"),
            ("123e4567-e89b-12d3-a456-42661417400", "one digit short"),
            (
                "123e4567-e89b-12d3-a456-4266141740000",
                "one digit too many",
            ),
            ("{123e4567-e89b-12d3-a456-426614174000}", "braces"),
            ("123e4567-e89b12d3-a456-426614174000-", "a hyphen moved"),
        ],
        Format::Ipv4 => &[
            ("1.2.3", "three parts"),
            ("1.2.3.4.5", "five parts"),
            ("01.2.3.4", "a leading zero"),
            ("1.2.3.-4", "a negative part"),
            ("1.2.3.4 ", "a trailing space"),
        ],
        Format::Ipv6 => &[
            ("1:2:3:4:5:6:7:8:9", "nine groups"),
            ("12345::1", "a five-digit group"),
            ("gggg::1", "a non-hex group"),
            ("1::2::3", "two `::`"),
            ("1.2.3.4", "an IPv4 address"),
            (":1:2:3:4:5:6:7", "a leading single colon"),
            ("::ffff:999.0.0.1", "a bad embedded IPv4 address"),
        ],
    };
    let mut out: Vec<(String, String)> = fixed
        .iter()
        .map(|(s, why)| ((*s).to_owned(), (*why).to_owned()))
        .collect();
    match format {
        Format::Uuid => {
            let mut chars: Vec<char> = random_uuid(rng).chars().collect();
            let spots: Vec<usize> = (0..36).filter(|i| !matches!(i, 8 | 13 | 18 | 23)).collect();
            let at = *rng.pick(&spots).unwrap_or(&0);
            chars[at] = 'g';
            out.insert(0, (chars.into_iter().collect(), "a `g`".to_owned()));
        }
        Format::Ipv4 => {
            let parts: Vec<String> = (0..3).map(|_| rng.below(256).to_string()).collect();
            let at = rng.below(4);
            let mut all = parts;
            all.insert(at, "256".into());
            out.insert(0, (all.join("."), "a part of 256".to_owned()));
        }
        _ => {}
    }
    out
}

/// Valid but unusual strings of a format, each with what is unusual.
fn format_edges(format: Format) -> &'static [(&'static str, &'static str)] {
    match format {
        Format::DateTime => &[
            ("2023-05-01t10:00:00z", "lower-case `t` and `z`"),
            ("1998-12-31T23:59:60Z", "a leap second"),
            (
                "2023-05-01T10:00:00.123456789+05:45",
                "nanoseconds and a +05:45 offset",
            ),
            ("2023-05-01T10:00:00-00:00", "offset -00:00"),
            ("2024-02-29T00:00:00Z", "February 29 of a leap year"),
        ],
        Format::Date => &[
            ("2024-02-29", "February 29 of a leap year"),
            ("2000-02-29", "February 29 of 2000"),
            ("0001-01-01", "year 1"),
            ("9999-12-31", "year 9999"),
        ],
        Format::Email => &[
            (
                "first.last+tag@sub.example.co.uk",
                "a plus tag and subdomains",
            ),
            ("x@example.com", "a one-letter local part"),
            ("user@EXAMPLE.COM", "an upper-case domain"),
        ],
        Format::Uri => &[
            ("urn:isbn:0451450523", "a URN"),
            ("mailto:user@example.com", "the mailto scheme"),
            (
                "https://example.com:8080/a%20b?q=1#frag",
                "a port, a percent-encoding, a query and a fragment",
            ),
            ("HTTP://EXAMPLE.COM/", "an upper-case scheme"),
        ],
        Format::Uuid => &[
            ("123E4567-E89B-12D3-A456-426614174000", "upper-case digits"),
            ("00000000-0000-0000-0000-000000000000", "the nil UUID"),
            ("ffffffff-ffff-ffff-ffff-ffffffffffff", "the max UUID"),
        ],
        Format::Ipv4 => &[("0.0.0.0", "all zeros"), ("255.255.255.255", "all 255")],
        Format::Ipv6 => &[
            ("::", "the unspecified address"),
            ("::1", "the loopback address"),
            ("::ffff:192.0.2.1", "an embedded IPv4 address"),
            ("2001:DB8::1", "upper-case digits"),
            ("1:2:3:4:5:6:7:8", "all eight groups"),
        ],
    }
}

fn random_hex(rng: &mut Rng, n: usize) -> String {
    (0..n)
        .map(|_| char::from_digit(rng.below(16) as u32, 16).unwrap_or('0'))
        .collect()
}

fn random_uuid(rng: &mut Rng) -> String {
    let variant = ['8', '9', 'a', 'b'][rng.below(4)];
    format!(
        "{}-{}-4{}-{variant}{}-{}",
        random_hex(rng, 8),
        random_hex(rng, 4),
        random_hex(rng, 3),
        random_hex(rng, 3),
        random_hex(rng, 12)
    )
}

fn random_date(rng: &mut Rng) -> String {
    let year = 1970 + rng.below(130) as u32;
    let month = 1 + rng.below(12) as u32;
    let day = 1 + rng.below(days_in_month(year, month) as usize) as u32;
    format!("{year:04}-{month:02}-{day:02}")
}

fn random_label(rng: &mut Rng, n: usize) -> String {
    const LETTERS: &[u8] = b"abcdefghijklmnopqrstuvwxyz";
    const ALNUM: &[u8] = b"abcdefghijklmnopqrstuvwxyz0123456789";
    (0..n)
        .map(|i| {
            let set = if i == 0 { LETTERS } else { ALNUM };
            char::from(*rng.pick(set).unwrap_or(&b'a'))
        })
        .collect()
}

/// A host name of exactly `n` characters ending in `.com`.
fn hostname_of_len(rng: &mut Rng, n: usize) -> Option<String> {
    if !(5..=253).contains(&n) {
        return None;
    }
    let mut rest = n - 4;
    let mut labels = Vec::new();
    while rest > 0 {
        if rest <= 63 {
            labels.push(random_label(rng, rest));
            rest = 0;
        } else {
            let take = 63.min(rest - 2);
            labels.push(random_label(rng, take));
            rest -= take + 1;
        }
    }
    Some(format!("{}.com", labels.join(".")))
}

/// A valid string of a format; with `target`, of that many characters where the format
/// allows it (emails and URIs), else of its natural length.
fn format_string(rng: &mut Rng, format: Format, target: Option<usize>) -> Option<String> {
    Some(match format {
        Format::DateTime => {
            let fraction = match rng.below(4) {
                0 => ".5".to_owned(),
                1 => format!(".{:03}", rng.below(1000)),
                _ => String::new(),
            };
            let zone = *rng
                .pick(&["Z", "Z", "+02:00", "-05:30", "+00:00", "+14:00"])
                .unwrap_or(&"Z");
            format!(
                "{}T{:02}:{:02}:{:02}{fraction}{zone}",
                random_date(rng),
                rng.below(24),
                rng.below(60),
                rng.below(60)
            )
        }
        Format::Date => random_date(rng),
        Format::Email => match target {
            None => {
                let local = *rng
                    .pick(&["user", "first.last", "a+tag", "jo_bloggs", "x1"])
                    .unwrap_or(&"user");
                let domain = *rng
                    .pick(&["example.com", "mail.example.org", "example.co.uk"])
                    .unwrap_or(&"example.com");
                format!("{local}@{domain}")
            }
            Some(n) => {
                if !(7..=254).contains(&n) {
                    return None;
                }
                let mut local_len = n.saturating_sub(12).clamp(1, 64);
                let mut domain_len = n - 1 - local_len;
                if domain_len < 5 {
                    local_len = n - 6;
                    domain_len = 5;
                }
                format!(
                    "{}@{}",
                    random_label(rng, local_len),
                    hostname_of_len(rng, domain_len)?
                )
            }
        },
        Format::Uri => match target {
            None => (*rng
                .pick(&[
                    "https://example.com/",
                    "http://example.org/a/b?c=d#e",
                    "urn:isbn:0451450523",
                    "ftp://ftp.example.com/file.txt",
                    "https://example.com/pets/42",
                ])
                .unwrap_or(&"https://example.com/"))
            .to_owned(),
            Some(n) if n >= 21 => format!("https://example.com/{}", random_label(rng, n - 20)),
            Some(n) if n >= 3 => format!("x:{}", random_label(rng, n - 2)),
            Some(_) => return None,
        },
        Format::Uuid => {
            let uuid = random_uuid(rng);
            if rng.chance(10) {
                uuid.to_uppercase()
            } else {
                uuid
            }
        }
        Format::Ipv4 => (0..4)
            .map(|_| rng.below(256).to_string())
            .collect::<Vec<_>>()
            .join("."),
        Format::Ipv6 => match rng.below(4) {
            0 => (0..8)
                .map(|_| {
                    let n = 1 + rng.below(4);
                    random_hex(rng, n)
                })
                .collect::<Vec<_>>()
                .join(":"),
            1 => format!("2001:db8::{}", random_hex(rng, 4)),
            2 => format!("fe80::{}:{}", random_hex(rng, 3), random_hex(rng, 2)),
            _ => "::1".to_owned(),
        },
    })
}

// ---------------------------------------------------------------------------------------
// Checking: what the published schema says about a document

#[derive(Debug, Clone, PartialEq)]
struct Violation {
    path: String,
    keyword: &'static str,
}

#[derive(Debug, Default)]
struct Report {
    violations: Vec<Violation>,
    /// Places whose pattern could not be evaluated.
    uncertain: Vec<String>,
}

impl Report {
    fn push(&mut self, path: &str, keyword: &'static str) {
        if !self
            .violations
            .iter()
            .any(|v| v.path == path && v.keyword == keyword)
        {
            self.violations.push(Violation {
                path: path.to_owned(),
                keyword,
            });
        }
    }

    fn is_clean(&self) -> bool {
        self.violations.is_empty() && self.uncertain.is_empty()
    }
}

/// A place in a document: its type, its keywords, whether it may be null, and the example
/// that is trusted to match a pattern the engine cannot evaluate.
#[derive(Clone, Copy)]
struct Here<'h> {
    ty: &'h Type,
    cons: Option<&'h Constraints>,
    nullable: bool,
    trusted: Option<&'h Value>,
}

/// Validates documents against the model IR the way the published schema does.
struct Checker<'a> {
    models: &'a ModelSet,
    regexes: RefCell<BTreeMap<String, Option<Rc<re::Regex>>>>,
}

impl<'a> Checker<'a> {
    fn new(models: &'a ModelSet) -> Self {
        Checker {
            models,
            regexes: RefCell::new(BTreeMap::new()),
        }
    }

    fn regex(&self, pattern: &str) -> Option<Rc<re::Regex>> {
        if let Some(found) = self.regexes.borrow().get(pattern) {
            return found.clone();
        }
        let parsed = re::Regex::parse(pattern).map(Rc::new);
        self.regexes
            .borrow_mut()
            .insert(pattern.to_owned(), parsed.clone());
        parsed
    }

    fn document(&self, value: &Value, ty: &Type) -> Report {
        let mut report = Report::default();
        self.check_type(value, ty, "", &mut report, 0, 0);
        report
    }

    fn at(&self, value: &Value, here: Here<'_>) -> Report {
        let mut report = Report::default();
        if !(here.nullable && value.is_null()) {
            self.check_type(value, here.ty, "", &mut report, 0, 0);
        }
        if let Some(cons) = here.cons {
            self.check_cons(value, cons, here.trusted, "", &mut report);
        }
        report
    }

    fn check_type(
        &self,
        value: &Value,
        ty: &Type,
        path: &str,
        report: &mut Report,
        depth: usize,
        hops: usize,
    ) {
        if depth > 512 || hops > MAX_HOPS {
            report.push(path, "depth");
            return;
        }
        match ty {
            Type::String => {
                if !value.is_string() {
                    report.push(path, "type");
                }
            }
            Type::DateTime | Type::Date => match value {
                Value::String(s) => {
                    let format = if *ty == Type::DateTime {
                        Format::DateTime
                    } else {
                        Format::Date
                    };
                    if !format_ok(format, s) {
                        report.push(path, "format");
                    }
                }
                _ => report.push(path, "type"),
            },
            Type::Integer => {
                if !value.as_number().is_some_and(is_integral) {
                    report.push(path, "type");
                }
            }
            Type::Number => {
                if !value.is_number() {
                    report.push(path, "type");
                }
            }
            Type::Boolean => {
                if !value.is_boolean() {
                    report.push(path, "type");
                }
            }
            Type::Any => {}
            Type::Nullable(inner) => {
                if !value.is_null() {
                    self.check_type(value, inner, path, report, depth, hops + 1);
                }
            }
            Type::Array(inner) => match value {
                Value::Array(items) => {
                    for (i, item) in items.iter().enumerate() {
                        let item_path = format!("{path}/{i}");
                        self.check_type(item, inner, &item_path, report, depth + 1, 0);
                    }
                }
                _ => report.push(path, "type"),
            },
            Type::Map(inner) => match value {
                Value::Object(entries) => {
                    for (key, item) in entries {
                        self.check_type(item, inner, &child(path, key), report, depth + 1, 0);
                    }
                }
                _ => report.push(path, "type"),
            },
            Type::Model(id) => self.check_model(value, *id, path, report, depth, hops),
        }
    }

    fn check_model(
        &self,
        value: &Value,
        id: ModelId,
        path: &str,
        report: &mut Report,
        depth: usize,
        hops: usize,
    ) {
        let Some(model) = self.models.models.get(id.0) else {
            return;
        };
        match &model.kind {
            ModelKind::Any => {}
            ModelKind::Object(object) => {
                let Value::Object(entries) = value else {
                    report.push(path, "type");
                    return;
                };
                for field in &object.fields {
                    let field_path = child(path, &field.wire_name);
                    match entries.get(&field.wire_name) {
                        None if field.required => report.push(path, "required"),
                        None => {}
                        Some(item) => {
                            if !(field.nullable && item.is_null()) {
                                self.check_type(item, &field.ty, &field_path, report, depth + 1, 0);
                            }
                            self.check_cons(
                                item,
                                &field.constraints,
                                field.example.as_ref(),
                                &field_path,
                                report,
                            );
                        }
                    }
                }
            }
            ModelKind::Enum(e) => {
                let fits_type = match e.repr {
                    EnumRepr::String => value.is_string(),
                    EnumRepr::Integer => value.as_number().is_some_and(is_integral),
                    EnumRepr::Boolean => value.is_boolean(),
                };
                if !fits_type {
                    report.push(path, "type");
                } else if !e.open && !e.values.iter().any(|v| json_eq(&v.value, value)) {
                    report.push(path, "enum");
                }
            }
            ModelKind::Union(union) => {
                for variant in &union.variants {
                    let mut sub = Report::default();
                    self.check_type(value, &variant.ty, path, &mut sub, depth, hops + 1);
                    if sub.violations.is_empty() {
                        report.uncertain.extend(sub.uncertain);
                        return;
                    }
                }
                report.push(path, "anyOf");
            }
        }
    }

    fn check_cons(
        &self,
        value: &Value,
        cons: &Constraints,
        trusted: Option<&Value>,
        path: &str,
        report: &mut Report,
    ) {
        if let Some(expected) = &cons.const_value {
            if !json_eq(value, expected) {
                report.push(path, "const");
            }
        }
        match value {
            Value::String(s) => {
                let length = s.chars().count() as u64;
                if cons.min_length.is_some_and(|m| length < m) {
                    report.push(path, "minLength");
                }
                if cons.max_length.is_some_and(|m| length > m) {
                    report.push(path, "maxLength");
                }
                if let Some(pattern) = &cons.pattern {
                    match self.regex(pattern).and_then(|r| r.is_match(s)) {
                        Some(true) => {}
                        Some(false) => report.push(path, "pattern"),
                        None => {
                            if trusted != Some(value) {
                                report.uncertain.push(path.to_owned());
                            }
                        }
                    }
                }
                if let Some(format) = cons.format {
                    if !format_ok(format, s) {
                        report.push(path, "format");
                    }
                }
            }
            Value::Number(n) => {
                let cmp = |bound: &Option<Number>| bound.as_ref().and_then(|b| num_cmp(n, b));
                if cons.minimum.is_some() && cmp(&cons.minimum) == Some(Ordering::Less) {
                    report.push(path, "minimum");
                }
                if cons.maximum.is_some() && cmp(&cons.maximum) == Some(Ordering::Greater) {
                    report.push(path, "maximum");
                }
                if cons.exclusive_minimum.is_some()
                    && cmp(&cons.exclusive_minimum) != Some(Ordering::Greater)
                {
                    report.push(path, "exclusiveMinimum");
                }
                if cons.exclusive_maximum.is_some()
                    && cmp(&cons.exclusive_maximum) != Some(Ordering::Less)
                {
                    report.push(path, "exclusiveMaximum");
                }
                if let Some(m) = &cons.multiple_of {
                    if !is_multiple(n, m) {
                        report.push(path, "multipleOf");
                    }
                }
            }
            Value::Array(items) => {
                let count = items.len() as u64;
                if cons.min_items.is_some_and(|m| count < m) {
                    report.push(path, "minItems");
                }
                if cons.max_items.is_some_and(|m| count > m) {
                    report.push(path, "maxItems");
                }
                if cons.unique_items
                    && items
                        .iter()
                        .enumerate()
                        .any(|(i, a)| items[i + 1..].iter().any(|b| json_eq(a, b)))
                {
                    report.push(path, "uniqueItems");
                }
                if let Some(inner) = &cons.items {
                    for (i, item) in items.iter().enumerate() {
                        self.check_cons(item, inner, None, &format!("{path}/{i}"), report);
                    }
                }
            }
            _ => {}
        }
    }
}

/// Which JSON kinds a type accepts.
fn accepted(models: &ModelSet, ty: &Type, hops: usize) -> u8 {
    if hops > MAX_HOPS {
        return 0;
    }
    match ty {
        Type::String | Type::DateTime | Type::Date => STRING,
        Type::Integer => INT,
        Type::Number => INT | FLOAT,
        Type::Boolean => BOOL,
        Type::Any => ALL,
        Type::Array(_) => ARRAY,
        Type::Map(_) => OBJECT,
        Type::Nullable(inner) => NULL | accepted(models, inner, hops + 1),
        Type::Model(id) => match models.models.get(id.0).map(|m| &m.kind) {
            Some(ModelKind::Object(_)) => OBJECT,
            Some(ModelKind::Enum(e)) => match e.repr {
                EnumRepr::String => STRING,
                EnumRepr::Integer => INT,
                EnumRepr::Boolean => BOOL,
            },
            Some(ModelKind::Union(union)) => union
                .variants
                .iter()
                .fold(0, |acc, v| acc | accepted(models, &v.ty, hops + 1)),
            Some(ModelKind::Any) | None => ALL,
        },
    }
}

/// Which models have a finite valid instance (every required chain ends).
fn finite_models(models: &ModelSet) -> Vec<bool> {
    let mut finite = vec![false; models.models.len()];
    loop {
        let mut changed = false;
        for (i, model) in models.models.iter().enumerate() {
            if finite[i] {
                continue;
            }
            let ends = match &model.kind {
                ModelKind::Object(object) => object.fields.iter().all(|f| {
                    !f.required || f.nullable || type_finite(&f.ty, Some(&f.constraints), &finite)
                }),
                ModelKind::Enum(e) => e.open || !e.values.is_empty(),
                ModelKind::Union(union) => union
                    .variants
                    .iter()
                    .any(|v| type_finite(&v.ty, None, &finite)),
                ModelKind::Any => true,
            };
            if ends {
                finite[i] = true;
                changed = true;
            }
        }
        if !changed {
            return finite;
        }
    }
}

fn type_finite(ty: &Type, cons: Option<&Constraints>, finite: &[bool]) -> bool {
    if cons.is_some_and(|c| c.const_value.is_some()) {
        return true;
    }
    match ty {
        Type::Array(inner) => {
            cons.and_then(|c| c.min_items).unwrap_or(0) == 0
                || type_finite(inner, cons.and_then(|c| c.items.as_deref()), finite)
        }
        Type::Nullable(_) | Type::Map(_) => true,
        Type::Model(id) => finite.get(id.0).copied().unwrap_or(true),
        _ => true,
    }
}

// ---------------------------------------------------------------------------------------
// Near-miss candidates

#[derive(Debug, Clone)]
enum Slot {
    Key(String),
    Index(usize),
}

/// A place in the document: its JSON Pointer and how to reach it from its parent.
#[derive(Debug, Clone)]
struct Site {
    pointer: String,
    parent: Option<(String, Slot)>,
}

impl Site {
    fn root() -> Site {
        Site {
            pointer: String::new(),
            parent: None,
        }
    }

    fn key(&self, key: &str) -> Site {
        Site {
            pointer: child(&self.pointer, key),
            parent: Some((self.pointer.clone(), Slot::Key(key.to_owned()))),
        }
    }

    fn index(&self, i: usize) -> Site {
        Site {
            pointer: format!("{}/{i}", self.pointer),
            parent: Some((self.pointer.clone(), Slot::Index(i))),
        }
    }

    fn shown(&self) -> String {
        shown(&self.pointer)
    }
}

#[derive(Debug, Clone)]
enum Action {
    Set(Value),
    Remove,
}

#[derive(Debug, Clone)]
struct Candidate {
    kind: Kind,
    site: Site,
    action: Action,
    /// The one violation the changed document must have: path and keyword.
    expect: Option<(String, &'static str)>,
    what: String,
    /// Tells apart variants of one kind at one place, to spread them out.
    tag: String,
    /// The pattern here could not be evaluated.
    uncertain: bool,
}

#[derive(Debug, Clone, Copy, Default)]
struct Ctx {
    root: bool,
    in_union: bool,
    hops: usize,
}

fn apply(doc: &Value, site: &Site, action: &Action) -> Option<Value> {
    let Some((parent, slot)) = &site.parent else {
        return match action {
            Action::Set(value) => Some(value.clone()),
            Action::Remove => None,
        };
    };
    let mut doc = doc.clone();
    match (doc.pointer_mut(parent)?, slot, action) {
        (Value::Object(map), Slot::Key(key), Action::Set(value)) => {
            map.insert(key.clone(), value.clone());
        }
        (Value::Object(map), Slot::Key(key), Action::Remove) => {
            map.shift_remove(key)?;
        }
        (Value::Array(items), Slot::Index(i), Action::Set(value)) => {
            *items.get_mut(*i)? = value.clone();
        }
        _ => return None,
    }
    Some(doc)
}

/// What the changed document's check says about a candidate: its description, or `None`
/// when the change did not do what it meant to.
fn judge(candidate: &Candidate, report: &Report) -> Option<String> {
    let what = &candidate.what;
    if candidate.kind.is_valid() {
        return if !report.violations.is_empty() {
            None
        } else if report.uncertain.is_empty() {
            Some(format!("{EDGE}{what}"))
        } else {
            Some(format!(
                "{UNCERTAIN}{what} (a pattern elsewhere could not be evaluated)"
            ))
        };
    }
    if candidate.uncertain {
        return (report.violations.is_empty()
            && report.uncertain.contains(&candidate.site.pointer))
        .then(|| format!("{UNCERTAIN}{what} (the pattern could not be evaluated)"));
    }
    let (path, keyword) = candidate.expect.as_ref()?;
    let [violation] = report.violations.as_slice() else {
        return None;
    };
    let plain = violation.path == *path
        && (violation.keyword == *keyword || (violation.keyword == "anyOf" && *keyword == "type"));
    if plain {
        return Some(format!("{INVALID}{what}"));
    }
    let inside = violation.path.is_empty()
        || violation.path == *path
        || path.starts_with(&format!("{}/", violation.path));
    (violation.keyword == "anyOf" && inside).then(|| {
        format!(
            "{INVALID}{what}, so {} fits no variant of its union",
            shown(&violation.path)
        )
    })
}

// ---------------------------------------------------------------------------------------
// The generator

const WIDE_CHARS: &[char] = &[
    'é', 'ß', 'ñ', 'ü', 'Ω', 'ж', '中', '日', '€', '😀', '🦀', '𝄞',
];
const TEXT_CHARS: &[char] = &[
    'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'k', 'm', 'n', 'o', 'p', 'r', 's', 't', 'u', 'w',
    'x', 'y', 'z', 'A', 'B', 'K', 'Q', 'X', 'Z', '0', '1', '2', '5', '7', '9', ' ', '_', '-', '.',
    '/', '~', '"', '\\', '#',
];
const MAP_KEYS: &[&str] = &[
    "alpha",
    "beta",
    "a/b",
    "ti~lde",
    "",
    "with space",
    "ключ",
    "😀",
    "0",
    "gamma",
];
const EXTRA_KEYS: &[&str] = &[
    "extraProperty",
    "x-unknown",
    "zzUnknown",
    "unknown_property_1",
];

struct Gen<'a> {
    models: &'a ModelSet,
    checker: Checker<'a>,
    finite: Vec<bool>,
    rng: Rng,
    budget: usize,
    cut: bool,
}

fn generate(
    models: &ModelSet,
    id: ModelId,
    count: usize,
    seed: u64,
) -> Vec<(Sample, Option<Kind>)> {
    if models.models.get(id.0).is_none() {
        return Vec::new();
    }
    let mut generator = Gen {
        models,
        checker: Checker::new(models),
        finite: finite_models(models),
        rng: Rng::new(seed),
        budget: NODE_BUDGET,
        cut: false,
    };
    let root = Type::Model(id);
    let mut kind_uses: BTreeMap<Kind, usize> = BTreeMap::new();
    let mut tag_uses: BTreeMap<String, usize> = BTreeMap::new();
    let mut out = Vec::with_capacity(count);
    for i in 0..count {
        generator.rng = Rng::new(seed ^ (i as u64).wrapping_mul(0xD6E8_FEB8_6659_FD93));
        generator.rng.next_u64();
        if i % 3 == 0 {
            out.push((generator.valid_sample(&root, i == 0), None));
        } else {
            out.push(generator.near_miss(&root, &mut kind_uses, &mut tag_uses));
        }
    }
    out
}

impl<'a> Gen<'a> {
    // --- whole documents ---------------------------------------------------------------

    /// A fresh instance, and whether generation was cut short at the depth limit.
    fn instance(&mut self, root: &Type) -> (Value, bool) {
        self.budget = NODE_BUDGET;
        self.cut = false;
        let value = self.value(root, None, None, 0);
        (value, self.cut)
    }

    fn valid_sample(&mut self, root: &Type, first: bool) -> Sample {
        if first {
            if let Type::Model(id) = root {
                let example = match self.models.models.get(id.0).map(|m| &m.kind) {
                    Some(ModelKind::Object(object)) => object.example.clone(),
                    _ => None,
                };
                if let Some(example) = example {
                    if self.checker.document(&example, root).is_clean() {
                        return Sample {
                            document: example,
                            description: format!("{VALID}the model's example"),
                        };
                    }
                }
            }
        }
        let mut fallback = None;
        for _ in 0..4 {
            let (document, cut) = self.instance(root);
            let report = self.checker.document(&document, root);
            if report.is_clean() {
                return Sample {
                    document,
                    description: format!("{VALID}random instance"),
                };
            }
            if fallback.is_none() || report.violations.is_empty() {
                fallback = Some((document, report, cut));
            }
        }
        let Some((document, report, cut)) = fallback else {
            return Sample {
                document: Value::Null,
                description: format!("{UNCERTAIN}nothing generated"),
            };
        };
        Sample {
            document,
            description: unbuildable(&report, cut),
        }
    }

    fn near_miss(
        &mut self,
        root: &Type,
        kind_uses: &mut BTreeMap<Kind, usize>,
        tag_uses: &mut BTreeMap<String, usize>,
    ) -> (Sample, Option<Kind>) {
        let mut last = None;
        for _ in 0..3 {
            let (base, cut) = self.instance(root);
            let base_report = self.checker.document(&base, root);
            if !base_report.violations.is_empty() {
                last = Some((base, base_report, cut));
                continue;
            }
            let mut candidates = Vec::new();
            let here = Here {
                ty: root,
                cons: None,
                nullable: false,
                trusted: None,
            };
            let ctx = Ctx {
                root: true,
                ..Ctx::default()
            };
            self.walk(Some(&base), here, &Site::root(), ctx, &mut candidates);
            if let Some(found) = self.choose(&base, root, &candidates, kind_uses, tag_uses) {
                return found;
            }
            let description = if base_report.uncertain.is_empty() {
                format!("{VALID}random instance (no change applies to this model)")
            } else {
                unbuildable(&base_report, false)
            };
            return (
                Sample {
                    document: base,
                    description,
                },
                None,
            );
        }
        let (document, report, cut) = last.unwrap_or((Value::Null, Report::default(), false));
        (
            Sample {
                document,
                description: unbuildable(&report, cut),
            },
            None,
        )
    }

    /// Picks the least used kind, then its least used variant, that does what it means to.
    fn choose(
        &mut self,
        base: &Value,
        root: &Type,
        candidates: &[Candidate],
        kind_uses: &mut BTreeMap<Kind, usize>,
        tag_uses: &mut BTreeMap<String, usize>,
    ) -> Option<(Sample, Option<Kind>)> {
        let mut kinds: Vec<Kind> = candidates.iter().map(|c| c.kind).collect();
        kinds.sort();
        kinds.dedup();
        while !kinds.is_empty() {
            let uses = |k: &Kind| kind_uses.get(k).copied().unwrap_or(0);
            let least = kinds.iter().map(uses).min().unwrap_or(0);
            let ties: Vec<Kind> = kinds.iter().copied().filter(|k| uses(k) == least).collect();
            let kind = *self.rng.pick(&ties)?;
            kinds.retain(|k| *k != kind);
            let mut pool: Vec<&Candidate> = candidates.iter().filter(|c| c.kind == kind).collect();
            self.rng.shuffle(&mut pool);
            let key = |c: &Candidate| format!("{:?} {} {}", c.kind, c.site.pointer, c.tag);
            pool.sort_by_key(|c| tag_uses.get(&key(c)).copied().unwrap_or(0));
            for candidate in pool.into_iter().take(12) {
                let Some(document) = apply(base, &candidate.site, &candidate.action) else {
                    continue;
                };
                let report = self.checker.document(&document, root);
                if let Some(description) = judge(candidate, &report) {
                    *kind_uses.entry(kind).or_default() += 1;
                    *tag_uses.entry(key(candidate)).or_default() += 1;
                    return Some((
                        Sample {
                            document,
                            description,
                        },
                        Some(kind),
                    ));
                }
            }
        }
        None
    }

    // --- valid values ------------------------------------------------------------------

    fn leaf_ok(&self, value: &Value, here: Here<'_>, strict: bool) -> bool {
        let report = self.checker.at(value, here);
        report.violations.is_empty() && (!strict || report.uncertain.is_empty())
    }

    /// A valid value of `ty` under `cons`; `hint` is the field's example.
    fn value(
        &mut self,
        ty: &Type,
        cons: Option<&Constraints>,
        hint: Option<&Value>,
        depth: usize,
    ) -> Value {
        self.budget = self.budget.saturating_sub(1);
        if let Some(constant) = cons.and_then(|c| c.const_value.as_ref()) {
            return constant.clone();
        }
        let here = Here {
            ty,
            cons,
            nullable: false,
            trusted: hint,
        };
        if let Some(hint) = hint {
            if self.rng.chance(30) && self.leaf_ok(hint, here, true) {
                return hint.clone();
            }
        }
        if let Some(default) = cons.and_then(|c| c.default.as_ref()) {
            if self.rng.chance(20) && self.leaf_ok(default, here, true) {
                return default.clone();
            }
        }
        let minimal = depth >= SOFT_DEPTH || self.budget == 0;
        match ty {
            Type::String => self.string(here, None),
            Type::DateTime => self.string(here, Some(Format::DateTime)),
            Type::Date => self.string(here, Some(Format::Date)),
            Type::Integer => self.number(here, true),
            Type::Number => self.number(here, false),
            Type::Boolean => Value::Bool(self.rng.chance(50)),
            Type::Any => self.any_json(if minimal { 0 } else { 2 }),
            Type::Nullable(inner) => {
                if minimal || self.rng.chance(20) {
                    Value::Null
                } else {
                    self.value(inner, cons, hint, depth)
                }
            }
            Type::Array(inner) => Value::Array(self.array(inner, cons, depth, minimal)),
            Type::Map(inner) => {
                let count = if minimal { 0 } else { self.rng.below(4) };
                let mut keys: Vec<&str> = MAP_KEYS.to_vec();
                self.rng.shuffle(&mut keys);
                let mut map = Map::new();
                for key in keys.into_iter().take(count) {
                    let item = self.value(inner, None, None, depth + 1);
                    map.insert(key.to_owned(), item);
                }
                Value::Object(map)
            }
            Type::Model(id) => self.model(*id, depth + 1),
        }
    }

    fn model(&mut self, id: ModelId, depth: usize) -> Value {
        let models = self.models;
        let Some(model) = models.models.get(id.0) else {
            return Value::Null;
        };
        if depth > HARD_DEPTH {
            self.cut = true;
            return match model.kind {
                ModelKind::Object(_) => Value::Object(Map::new()),
                _ => Value::Null,
            };
        }
        let minimal = depth >= SOFT_DEPTH || self.budget == 0;
        match &model.kind {
            ModelKind::Object(object) => self.object(id, object, depth, minimal),
            ModelKind::Enum(e) => self.enum_value(e),
            ModelKind::Union(union) => {
                let ending: Vec<&Type> = union
                    .variants
                    .iter()
                    .map(|v| &v.ty)
                    .filter(|ty| type_finite(ty, None, &self.finite))
                    .collect();
                let all: Vec<&Type> = union.variants.iter().map(|v| &v.ty).collect();
                let choices = if minimal && !ending.is_empty() {
                    ending
                } else {
                    all
                };
                match self.rng.pick(&choices) {
                    Some(ty) => self.value(ty, None, None, depth),
                    None => {
                        self.cut = true;
                        Value::Null
                    }
                }
            }
            ModelKind::Any => self.any_json(if minimal { 0 } else { 2 }),
        }
    }

    fn object(&mut self, id: ModelId, object: &Object, depth: usize, minimal: bool) -> Value {
        if let Some(example) = &object.example {
            if !minimal && self.rng.chance(10) {
                let ty = Type::Model(id);
                let here = Here {
                    ty: &ty,
                    cons: None,
                    nullable: false,
                    trusted: None,
                };
                if self.leaf_ok(example, here, true) {
                    return example.clone();
                }
            }
        }
        let mut map = Map::new();
        for field in &object.fields {
            let include =
                field.required || (!minimal && self.rng.chance(50) && self.can_generate(field));
            if !include {
                continue;
            }
            let null_ok = field.nullable && field.constraints.const_value.is_none();
            let value = if null_ok && (minimal || self.rng.chance(12)) {
                Value::Null
            } else {
                self.value(
                    &field.ty,
                    Some(&field.constraints),
                    field.example.as_ref(),
                    depth,
                )
            };
            map.insert(field.wire_name.clone(), value);
        }
        Value::Object(map)
    }

    /// Whether a valid value can be made for an optional field: not when its pattern cannot
    /// be evaluated and it has no example.
    fn can_generate(&self, field: &modelgen::ir::Field) -> bool {
        match &field.constraints.pattern {
            Some(pattern) => self.checker.regex(pattern).is_some() || field.example.is_some(),
            None => true,
        }
    }

    fn enum_value(&mut self, e: &Enum) -> Value {
        if e.open && (e.values.is_empty() || self.rng.chance(25)) {
            return match e.repr {
                EnumRepr::String => {
                    let mut value = format!("unknownValue{}", self.rng.below(100));
                    while e.values.iter().any(|v| v.value.as_str() == Some(&value)) {
                        value.push('x');
                    }
                    Value::String(value)
                }
                EnumRepr::Integer => {
                    let mut value = 1_000 + self.rng.below(1_000) as i64;
                    while e.values.iter().any(|v| v.value.as_i64() == Some(value)) {
                        value += 1;
                    }
                    Value::from(value)
                }
                EnumRepr::Boolean => {
                    let flag = self.rng.chance(50);
                    Value::Bool(flag)
                }
            };
        }
        match self.rng.pick(&e.values) {
            Some(v) => v.value.clone(),
            None => {
                self.cut = true;
                Value::Null
            }
        }
    }

    fn array(
        &mut self,
        inner: &Type,
        cons: Option<&Constraints>,
        depth: usize,
        minimal: bool,
    ) -> Vec<Value> {
        let min = cons.and_then(|c| c.min_items).unwrap_or(0);
        let max = cons.and_then(|c| c.max_items);
        if min > MAX_LEN {
            self.cut = true;
        }
        let min = min.min(MAX_LEN) as usize;
        let max = max.map_or(min + 3, |m| m.min(MAX_LEN) as usize).max(min);
        let len = if minimal {
            min
        } else {
            min + self.rng.below(max.min(min + 3) - min + 1)
        };
        self.fill_array(Vec::new(), len, inner, cons, depth + 1)
    }

    /// `items` grown with fresh elements (distinct ones under `uniqueItems`) or cut, to `len`.
    fn fill_array(
        &mut self,
        mut items: Vec<Value>,
        len: usize,
        inner: &Type,
        cons: Option<&Constraints>,
        depth: usize,
    ) -> Vec<Value> {
        items.truncate(len);
        let unique = cons.is_some_and(|c| c.unique_items);
        let item_cons = cons.and_then(|c| c.items.as_deref());
        let mut attempts = 0;
        while items.len() < len && attempts < len * 4 + 8 {
            attempts += 1;
            let item = self.value(inner, item_cons, None, depth);
            if unique && items.iter().any(|x| json_eq(x, &item)) {
                continue;
            }
            items.push(item);
        }
        items
    }

    fn any_json(&mut self, level: usize) -> Value {
        let roll = self.rng.below(if level == 0 { 7 } else { 9 });
        match roll {
            0 => Value::Null,
            1 => Value::Bool(self.rng.chance(50)),
            2 => Value::from(self.rng.below(2001) as i64 - 1000),
            3 => num_value((self.rng.below(8001) as f64 - 4000.0) / 8.0).unwrap_or(Value::Null),
            4 | 5 => {
                let n = self.rng.below(9);
                let wide = self.rng.chance(30);
                Value::String(self.text(n, wide))
            }
            6 => self
                .rng
                .pick(&[
                    json!(i64::MAX),
                    json!(i64::MIN),
                    json!(u64::MAX),
                    json!(1.5e300),
                    json!(""),
                    json!(0),
                ])
                .cloned()
                .unwrap_or(Value::Null),
            7 => Value::Array(
                (0..self.rng.below(4))
                    .map(|_| self.any_json(level - 1))
                    .collect(),
            ),
            _ => {
                let mut map = Map::new();
                let mut keys: Vec<&str> = MAP_KEYS.to_vec();
                self.rng.shuffle(&mut keys);
                for key in keys.into_iter().take(self.rng.below(4)) {
                    let item = self.any_json(level - 1);
                    map.insert(key.to_owned(), item);
                }
                Value::Object(map)
            }
        }
    }

    /// `n` characters of text, some of them outside ASCII when `wide`.
    fn text(&mut self, n: usize, wide: bool) -> String {
        (0..n)
            .map(|i| {
                let set = if wide && (i == 0 || self.rng.chance(40)) {
                    WIDE_CHARS
                } else {
                    TEXT_CHARS
                };
                *self.rng.pick(set).unwrap_or(&'a')
            })
            .collect()
    }

    fn string(&mut self, here: Here<'_>, type_format: Option<Format>) -> Value {
        let empty = Constraints::default();
        let c = here.cons.unwrap_or(&empty);
        let format = c.format.or(type_format);
        let lo = c.min_length.unwrap_or(0).min(MAX_LEN) as usize;
        let hi = c
            .max_length
            .map_or(lo + 16, |m| m.min(MAX_LEN) as usize)
            .max(lo);
        let mut last = Value::String(String::new());
        for attempt in 0..16 {
            let s = if c.pattern.is_some() || format.is_some() {
                if attempt < 8 {
                    self.natural_string(c, format, here.trusted)
                } else {
                    let n = self.pick_len(lo, hi);
                    let options = self.strings_of_len(c, format, n, here.trusted);
                    match self.rng.pick(&options) {
                        Some(s) => s.clone(),
                        None => continue,
                    }
                }
            } else {
                let n = self.pick_len(lo, hi);
                let wide = self.rng.chance(25);
                self.text(n, wide)
            };
            let value = Value::String(s);
            if self.leaf_ok(&value, here, attempt < 12) {
                return value;
            }
            last = value;
        }
        last
    }

    fn pick_len(&mut self, lo: usize, hi: usize) -> usize {
        match self.rng.below(5) {
            0 => lo,
            1 => hi,
            _ => lo + self.rng.below(hi - lo + 1),
        }
    }

    /// A string of its natural length: the example, one built from the pattern, or one of
    /// the format.
    fn natural_string(
        &mut self,
        c: &Constraints,
        format: Option<Format>,
        hint: Option<&Value>,
    ) -> String {
        let example = hint.and_then(Value::as_str);
        if let Some(pattern) = &c.pattern {
            if let Some(example) = example {
                if self.rng.chance(50) {
                    return example.to_owned();
                }
            }
            if let Some(regex) = self.checker.regex(pattern) {
                if let Some(s) = regex.generate(&mut self.rng, false) {
                    return s;
                }
            }
            if let Some(example) = example {
                return example.to_owned();
            }
        }
        if let Some(format) = format {
            if let Some(s) = format_string(&mut self.rng, format, None) {
                return s;
            }
        }
        let n = self.rng.below(12);
        self.text(n, false)
    }

    /// Strings of exactly `n` characters that try to keep the pattern and the format.
    fn strings_of_len(
        &mut self,
        c: &Constraints,
        format: Option<Format>,
        n: usize,
        hint: Option<&Value>,
    ) -> Vec<String> {
        let mut out = Vec::new();
        if let Some(pattern) = &c.pattern {
            if let Some(regex) = self.checker.regex(pattern) {
                let mut near = None;
                for attempt in 0..40 {
                    let Some(s) = regex.generate(&mut self.rng, attempt % 2 == 1) else {
                        continue;
                    };
                    if s.chars().count() == n {
                        out.push(s);
                        break;
                    }
                    near.get_or_insert(s);
                }
                if let Some(s) = near {
                    out.push(resize(&s, n));
                }
            }
            if let Some(example) = hint.and_then(Value::as_str) {
                out.push(resize(example, n));
            }
        }
        if let Some(format) = format {
            if let Some(s) = format_string(&mut self.rng, format, Some(n)) {
                out.push(s);
            }
        }
        let plain = self.text(n, false);
        out.push(plain);
        let wide = self.text(n, true);
        out.push(wide);
        out
    }

    fn number(&mut self, here: Here<'_>, integer: bool) -> Value {
        let empty = Constraints::default();
        let c = here.cons.unwrap_or(&empty);
        let proposals = self.number_proposals(c, integer);
        for value in &proposals {
            if self.leaf_ok(value, here, true) {
                return value.clone();
            }
        }
        proposals.into_iter().next().unwrap_or(Value::from(0))
    }

    fn number_proposals(&mut self, c: &Constraints, integer: bool) -> Vec<Value> {
        let f = |n: &Option<Number>| {
            n.as_ref()
                .and_then(Number::as_f64)
                .filter(|x| x.is_finite())
        };
        let lo = match (f(&c.minimum), f(&c.exclusive_minimum)) {
            (Some(a), Some(b)) => Some(if b >= a { (b, true) } else { (a, false) }),
            (Some(a), None) => Some((a, false)),
            (None, Some(b)) => Some((b, true)),
            (None, None) => None,
        };
        let hi = match (f(&c.maximum), f(&c.exclusive_maximum)) {
            (Some(a), Some(b)) => Some(if b <= a { (b, true) } else { (a, false) }),
            (Some(a), None) => Some((a, false)),
            (None, Some(b)) => Some((b, true)),
            (None, None) => None,
        };
        let multiple = f(&c.multiple_of).filter(|m| *m > 0.0);
        let (a, b) = match (lo, hi) {
            (Some(l), Some(h)) => (l.0, h.0),
            (Some(l), None) => (l.0, l.0 + 1000.0),
            (None, Some(h)) => (h.0 - 1000.0, h.0),
            (None, None) => (-1000.0, 1000.0),
        };
        let mut out: Vec<f64> = Vec::new();
        if let Some((l, false)) = lo {
            if self.rng.chance(20) {
                out.push(l);
            }
        }
        if let Some((h, false)) = hi {
            if self.rng.chance(20) {
                out.push(h);
            }
        }
        for _ in 0..12 {
            let x = if let Some(m) = multiple {
                let kmin = (a / m).ceil();
                let kmax = (b / m).floor();
                if kmin.is_finite() && kmax.is_finite() && kmax >= kmin {
                    let span = (kmax - kmin).min(1e12);
                    (kmin + (self.rng.unit() * (span + 1.0)).floor().min(span)) * m
                } else {
                    kmin * m
                }
            } else if integer {
                let (l, h) = (a.ceil(), b.floor());
                if h >= l {
                    l + (self.rng.unit() * (h - l + 1.0)).floor().min(h - l)
                } else {
                    l
                }
            } else {
                let t = self.rng.below(9) as f64 / 8.0;
                let x = a + (b - a) * t;
                if self.rng.chance(50) {
                    x.round()
                } else {
                    (x * 4.0).round() / 4.0
                }
            };
            out.push(x);
        }
        if let Some(m) = multiple {
            for k in [0.0, 1.0, 2.0, 4.0, -1.0, 8.0, 16.0] {
                out.push(k * m);
            }
        }
        if let (Some((l, _)), Some((h, _))) = (lo, hi) {
            out.push((l + h) / 2.0);
        }
        let mut values: Vec<Value> = Vec::new();
        if lo.is_none() && hi.is_none() && multiple.is_none() && self.rng.chance(15) {
            let extremes = if integer {
                vec![json!(i64::MAX), json!(i64::MIN), json!(0), json!(-1)]
            } else {
                vec![json!(1.5e300), json!(-2.5e-300), json!(0.1), json!(-0.5)]
            };
            values.extend(self.rng.pick(&extremes).cloned());
        }
        for x in out {
            let Some(value) = num_value(x) else {
                continue;
            };
            let as_float = !integer && x.fract() == 0.0 && self.rng.chance(25);
            match (as_float, Number::from_f64(x)) {
                (true, Some(n)) => values.push(Value::Number(n)),
                _ => values.push(value),
            }
        }
        values
    }

    // --- near-misses -------------------------------------------------------------------

    #[allow(clippy::too_many_arguments)]
    fn offer(
        &mut self,
        out: &mut Vec<Candidate>,
        site: &Site,
        kind: Kind,
        value: Value,
        what: String,
        tag: &str,
        here: Here<'_>,
    ) -> bool {
        let report = self.checker.at(&value, here);
        let single = match report.violations.as_slice() {
            [v] => v.path.is_empty() && (v.keyword == kind.keyword() || v.keyword == "anyOf"),
            _ => false,
        };
        let uncertain =
            kind == Kind::Pattern && report.violations.is_empty() && !report.uncertain.is_empty();
        let fits = if kind.is_valid() {
            report.is_clean()
        } else {
            single || uncertain
        };
        if fits {
            out.push(Candidate {
                kind,
                site: site.clone(),
                action: Action::Set(value),
                expect: (!kind.is_valid()).then(|| (site.pointer.clone(), kind.keyword())),
                what,
                tag: tag.to_owned(),
                uncertain,
            });
        }
        fits
    }

    /// Collects the changes that can be made at `site` and below.
    fn walk(
        &mut self,
        value: Option<&Value>,
        here: Here<'_>,
        site: &Site,
        ctx: Ctx,
        out: &mut Vec<Candidate>,
    ) {
        if ctx.hops > MAX_HOPS || out.len() > MAX_CANDIDATES {
            return;
        }
        let models = self.models;
        let (base, nullable) = unwrap_nullable(here.ty, here.nullable);
        let model = match base {
            Type::Model(id) => models.models.get(id.0),
            _ => None,
        };
        let root_object = ctx.root && matches!(model.map(|m| &m.kind), Some(ModelKind::Object(_)));
        let place = site.shown();

        if !ctx.in_union {
            let accepts = accepted(models, base, 0) | if nullable { NULL } else { 0 };
            for (wrong, tag) in wrong_types(accepts, value, root_object) {
                let (kind, what) = if root_object {
                    (
                        Kind::NotAnObject,
                        if wrong.is_null() {
                            "the document is null instead of an object".to_owned()
                        } else {
                            format!(
                                "the document is {} ({}) instead of an object",
                                kind_name(&wrong),
                                compact(&wrong)
                            )
                        },
                    )
                } else {
                    (
                        Kind::WrongType,
                        format!(
                            "{place} is {} ({}), expected {}",
                            kind_name(&wrong),
                            compact(&wrong),
                            type_name(models, here.ty)
                        ),
                    )
                };
                self.offer(out, site, kind, wrong, what, tag, here);
            }
            if accepts & NULL == 0 && !root_object {
                let what = format!("{place} is null, but it is not nullable");
                self.offer(
                    out,
                    site,
                    Kind::NullNotNullable,
                    Value::Null,
                    what,
                    "",
                    here,
                );
            }
        }
        if let Some(c) = here.cons {
            if let Some(constant) = &c.const_value {
                self.const_candidates(base, c, constant, here, site, out);
            }
        }
        match base {
            Type::String => self.string_candidates(None, here, site, out),
            Type::DateTime => self.string_candidates(Some(Format::DateTime), here, site, out),
            Type::Date => self.string_candidates(Some(Format::Date), here, site, out),
            Type::Integer | Type::Number => {
                self.number_candidates(value, *base == Type::Integer, here, site, out)
            }
            Type::Array(inner) => self.array_candidates(value, inner, here, site, out),
            _ => {}
        }
        if let Some(model) = model {
            if let ModelKind::Enum(e) = &model.kind {
                self.enum_candidates(value, e, &model.name, here, site, out);
            }
        }

        let Some(value) = value else {
            return;
        };
        match (base, value) {
            (Type::Array(inner), Value::Array(items)) => {
                let item_cons = here.cons.and_then(|c| c.items.as_deref());
                for (i, item) in items.iter().enumerate().take(3) {
                    let item_here = Here {
                        ty: inner,
                        cons: item_cons,
                        nullable: false,
                        trusted: None,
                    };
                    self.walk(Some(item), item_here, &site.index(i), Ctx::default(), out);
                }
            }
            (Type::Map(inner), Value::Object(entries)) => {
                for (key, item) in entries.iter().take(3) {
                    let item_here = Here {
                        ty: inner,
                        cons: None,
                        nullable: false,
                        trusted: None,
                    };
                    self.walk(Some(item), item_here, &site.key(key), Ctx::default(), out);
                }
            }
            (Type::Model(_), _) => match model.map(|m| &m.kind) {
                Some(ModelKind::Object(object)) => {
                    if let Value::Object(entries) = value {
                        self.object_candidates(entries, object, site, out);
                    }
                }
                Some(ModelKind::Union(union)) => {
                    let variant = union
                        .variants
                        .iter()
                        .find(|v| self.checker.document(value, &v.ty).violations.is_empty());
                    if let Some(variant) = variant {
                        let inner = Here {
                            ty: &variant.ty,
                            cons: None,
                            nullable: false,
                            trusted: None,
                        };
                        let ctx = Ctx {
                            root: false,
                            in_union: true,
                            hops: ctx.hops + 1,
                        };
                        self.walk(Some(value), inner, site, ctx, out);
                    }
                }
                _ => {}
            },
            _ => {}
        }
    }

    fn object_candidates(
        &mut self,
        entries: &Map<String, Value>,
        object: &Object,
        site: &Site,
        out: &mut Vec<Candidate>,
    ) {
        let taken = |key: &str| {
            entries.contains_key(key) || object.fields.iter().any(|f| f.wire_name == key)
        };
        if let Some(key) = EXTRA_KEYS.iter().find(|k| !taken(k)) {
            let extra = site.key(key);
            let value = self.any_json(1);
            out.push(Candidate {
                kind: Kind::ExtraProperty,
                what: format!(
                    "unknown property {} added (additional properties are allowed)",
                    extra.pointer
                ),
                site: extra,
                action: Action::Set(value),
                expect: None,
                tag: String::new(),
                uncertain: false,
            });
        }
        for field in &object.fields {
            let field_site = site.key(&field.wire_name);
            let present = entries.get(&field.wire_name);
            if present.is_some() && field.required {
                out.push(Candidate {
                    kind: Kind::RequiredRemoved,
                    what: format!("{} removed (required)", field_site.pointer),
                    site: field_site.clone(),
                    action: Action::Remove,
                    expect: Some((site.pointer.clone(), "required")),
                    tag: String::new(),
                    uncertain: false,
                });
            }
            let here = Here {
                ty: &field.ty,
                cons: Some(&field.constraints),
                nullable: field.nullable,
                trusted: field.example.as_ref(),
            };
            self.walk(present, here, &field_site, Ctx::default(), out);
        }
    }

    fn const_candidates(
        &mut self,
        base: &Type,
        c: &Constraints,
        constant: &Value,
        here: Here<'_>,
        site: &Site,
        out: &mut Vec<Candidate>,
    ) {
        let mut free = c.clone();
        free.const_value = None;
        let mut proposals = Vec::new();
        match constant {
            Value::String(s) => {
                proposals.push(json!(format!("{s}x")));
                proposals.push(json!(s.to_uppercase()));
            }
            Value::Number(n) => {
                proposals.extend(n.as_f64().and_then(|x| num_value(x + 1.0)));
                proposals.extend(n.as_f64().and_then(|x| num_value(x - 1.0)));
            }
            Value::Bool(b) => proposals.push(Value::Bool(!b)),
            _ => {}
        }
        for _ in 0..4 {
            let value = self.value(base, Some(&free), None, SOFT_DEPTH);
            proposals.push(value);
        }
        for value in proposals {
            if json_eq(&value, constant) {
                continue;
            }
            let what = format!(
                "{} is {}, not the const {}",
                site.shown(),
                compact(&value),
                compact(constant)
            );
            if self.offer(out, site, Kind::Const, value, what, "", here) {
                break;
            }
        }
    }

    fn string_candidates(
        &mut self,
        type_format: Option<Format>,
        here: Here<'_>,
        site: &Site,
        out: &mut Vec<Candidate>,
    ) {
        let empty = Constraints::default();
        let c = here.cons.unwrap_or(&empty);
        let format = c.format.or(type_format);
        let place = site.shown();
        let describe = |s: &str| {
            let bytes = s.len();
            let units = s.encode_utf16().count();
            let chars = s.chars().count();
            let noun = if chars == 1 {
                "character"
            } else {
                "characters"
            };
            if bytes == chars {
                format!("{chars} {noun}")
            } else {
                format!("{chars} {noun} ({bytes} UTF-8 bytes, {units} UTF-16 units)")
            }
        };
        if let Some(max) = c.max_length.filter(|m| *m < MAX_LEN) {
            let n = max as usize;
            let mut offered = 0;
            for s in self.strings_of_len(c, format, n + 1, here.trusted) {
                let tag = if s.is_ascii() { "ascii" } else { "wide" };
                let what = format!("{place} has {} (maxLength {max})", describe(&s));
                if self.offer(out, site, Kind::MaxLength, json!(s), what, tag, here) {
                    offered += 1;
                    if offered == 2 {
                        break;
                    }
                }
            }
            for s in self.strings_of_len(c, format, n, here.trusted) {
                let kind = if s.len() > n {
                    Kind::MultiByteLength
                } else {
                    Kind::AtBound
                };
                let what = format!("{place} has {}, exactly maxLength {max}", describe(&s));
                self.offer(out, site, kind, json!(s), what, "maxLength", here);
            }
        }
        if let Some(min) = c.min_length.filter(|m| *m > 0 && *m <= MAX_LEN) {
            let n = min as usize;
            let mut offered = 0;
            for s in self.strings_of_len(c, format, n - 1, here.trusted) {
                let tag = if s.is_ascii() { "ascii" } else { "wide" };
                let what = format!("{place} has {} (minLength {min})", describe(&s));
                if self.offer(out, site, Kind::MinLength, json!(s), what, tag, here) {
                    offered += 1;
                    if offered == 2 {
                        break;
                    }
                }
            }
            for s in self.strings_of_len(c, format, n, here.trusted) {
                let what = format!("{place} has {}, exactly minLength {min}", describe(&s));
                if self.offer(out, site, Kind::AtBound, json!(s), what, "minLength", here) {
                    break;
                }
            }
        }
        if let Some(format) = format {
            let name = format.name();
            for (s, why) in format_misses(format, &mut self.rng) {
                let what = format!("{place} is {s:?}, not a valid {name}: {why}");
                self.offer(out, site, Kind::Format, json!(s), what, &why, here);
            }
            for (s, why) in format_edges(format) {
                let what = format!("{place} is {s:?}, a valid {name} with {why}");
                self.offer(out, site, Kind::FormatEdge, json!(s), what, why, here);
            }
        }
        if let Some(pattern) = &c.pattern {
            let mut offered = 0;
            for (i, s) in self.pattern_misses(c, here.trusted).into_iter().enumerate() {
                let what =
                    format!("{place} is {s:?}, which does not match the pattern {pattern:?}");
                if self.offer(
                    out,
                    site,
                    Kind::Pattern,
                    json!(s),
                    what,
                    &i.to_string(),
                    here,
                ) {
                    offered += 1;
                    if offered == 2 {
                        break;
                    }
                }
            }
        }
    }

    /// Strings unlikely to match the pattern, near a matching one where one is known, sized
    /// to the length bounds.
    fn pattern_misses(&mut self, c: &Constraints, hint: Option<&Value>) -> Vec<String> {
        let mut seeds: Vec<String> = Vec::new();
        if let Some(example) = hint.and_then(Value::as_str) {
            seeds.push(example.to_owned());
        }
        if let Some(regex) = c.pattern.as_deref().and_then(|p| self.checker.regex(p)) {
            seeds.extend((0..2).filter_map(|_| regex.generate(&mut self.rng, false)));
        }
        let mut out = Vec::new();
        for seed in &seeds {
            let chars: Vec<char> = seed.chars().collect();
            if !chars.is_empty() {
                let at = self.rng.below(chars.len());
                let mut changed = chars.clone();
                changed[at] = '~';
                out.push(changed.iter().collect());
                let mut swapped = chars.clone();
                swapped[at] = if chars[at].is_ascii_digit() {
                    'x'
                } else if chars[at].is_alphabetic() {
                    '7'
                } else {
                    'a'
                };
                out.push(swapped.iter().collect());
                out.push(chars[1..].iter().collect());
                out.push(chars[..chars.len() - 1].iter().collect());
            }
            out.push(format!("~{seed}"));
            out.push(format!("{seed}~"));
        }
        for junk in [
            "~~~", "!", " ", "😀", "ZZZZZZ", "000000", "zzzzzz", "-", "a b c", "", "\n",
        ] {
            out.push(junk.to_owned());
        }
        let lo = c.min_length.unwrap_or(0).min(MAX_LEN) as usize;
        let hi = c.max_length.map_or(usize::MAX, |m| m.min(MAX_LEN) as usize);
        out.into_iter()
            .map(|s| {
                let n = s.chars().count();
                if n < lo {
                    resize(&s, lo)
                } else if n > hi {
                    resize(&s, hi)
                } else {
                    s
                }
            })
            .collect()
    }

    fn number_candidates(
        &mut self,
        value: Option<&Value>,
        integer: bool,
        here: Here<'_>,
        site: &Site,
        out: &mut Vec<Candidate>,
    ) {
        let empty = Constraints::default();
        let c = here.cons.unwrap_or(&empty);
        let place = site.shown();
        let multiple = c
            .multiple_of
            .as_ref()
            .and_then(Number::as_f64)
            .filter(|m| *m > 0.0 && m.is_finite());
        let f = |n: &Number| n.as_f64().filter(|x| x.is_finite());
        let above = |x: f64| {
            let mut v = Vec::new();
            if let Some(m) = multiple {
                v.push(((x / m).floor() + 1.0) * m);
            }
            if integer {
                v.push(x.floor() + 1.0);
            } else {
                v.push(x.next_up());
                v.push(x + 0.5);
            }
            v.push(x + 1.0);
            v
        };
        let below = |x: f64| {
            let mut v = Vec::new();
            if let Some(m) = multiple {
                v.push(((x / m).ceil() - 1.0) * m);
            }
            if integer {
                v.push(x.ceil() - 1.0);
            } else {
                v.push(x.next_down());
                v.push(x - 0.5);
            }
            v.push(x - 1.0);
            v
        };
        type Bound<'b> = (&'b Option<Number>, Kind, &'static str, bool);
        let bounds: [Bound<'_>; 4] = [
            (&c.maximum, Kind::Maximum, "above maximum", true),
            (
                &c.exclusive_maximum,
                Kind::ExclusiveMaximum,
                "not below exclusiveMaximum",
                true,
            ),
            (&c.minimum, Kind::Minimum, "below minimum", false),
            (
                &c.exclusive_minimum,
                Kind::ExclusiveMinimum,
                "not above exclusiveMinimum",
                false,
            ),
        ];
        for (bound, kind, words, upper) in bounds {
            let Some(n) = bound.as_ref() else {
                continue;
            };
            let Some(x) = f(n) else {
                continue;
            };
            let exclusive = matches!(kind, Kind::ExclusiveMaximum | Kind::ExclusiveMinimum);
            let mut proposals = Vec::new();
            if exclusive {
                proposals.push(Value::Number(n.clone()));
            }
            let past = if upper { above(x) } else { below(x) };
            proposals.extend(past.into_iter().filter_map(num_value));
            for proposal in proposals {
                let what = format!("{place} is {}, {words} {}", proposal, number_text(n));
                if self.offer(out, site, kind, proposal, what, "", here) {
                    break;
                }
            }
            if !exclusive {
                let keyword = if upper { "maximum" } else { "minimum" };
                let what = format!("{place} is {}, exactly at the inclusive {keyword}", n);
                self.offer(
                    out,
                    site,
                    Kind::AtBound,
                    Value::Number(n.clone()),
                    what,
                    keyword,
                    here,
                );
            }
        }
        let valid: Vec<Value> = self
            .number_proposals(c, integer)
            .into_iter()
            .filter(|v| self.leaf_ok(v, here, true))
            .take(3)
            .collect();
        if let (Some(m), Some(n)) = (multiple, c.multiple_of.as_ref()) {
            'outer: for base in valid.iter().filter_map(Value::as_f64) {
                for x in [
                    base + m / 2.0,
                    base - m / 2.0,
                    base + 1.0,
                    base + m / 3.0,
                    m / 2.0,
                ] {
                    let Some(proposal) = num_value(x) else {
                        continue;
                    };
                    let what = format!("{place} is {proposal}, not a multiple of {n}");
                    if self.offer(out, site, Kind::MultipleOf, proposal, what, "", here) {
                        break 'outer;
                    }
                }
            }
        }
        if integer {
            let current = value
                .and_then(Value::as_i64)
                .into_iter()
                .chain(valid.iter().filter_map(Value::as_i64));
            for x in current {
                if x.unsigned_abs() >= 1 << 53 {
                    continue;
                }
                let Some(n) = Number::from_f64(x as f64) else {
                    continue;
                };
                let what = format!(
                    "{place} is {x}.0: an integer written with a fraction, which JSON Schema \
                     counts as an integer but a strict integer reader may refuse"
                );
                if self.offer(
                    out,
                    site,
                    Kind::IntegralFloat,
                    Value::Number(n),
                    what,
                    "",
                    here,
                ) {
                    break;
                }
            }
        }
    }

    fn array_candidates(
        &mut self,
        value: Option<&Value>,
        inner: &Type,
        here: Here<'_>,
        site: &Site,
        out: &mut Vec<Candidate>,
    ) {
        let Some(c) = here.cons else {
            return;
        };
        if c.min_items.is_none() && c.max_items.is_none() && !c.unique_items {
            return;
        }
        let place = site.shown();
        let base: Vec<Value> = match value {
            Some(Value::Array(items)) => items.clone(),
            _ => self.array(inner, Some(c), SOFT_DEPTH - 1, false),
        };
        let depth = SOFT_DEPTH;
        if let Some(max) = c.max_items.filter(|m| *m < MAX_LEN) {
            let n = max as usize;
            let items = self.fill_array(base.clone(), n + 1, inner, Some(c), depth);
            let what = format!("{place} has {} items (maxItems {max})", n + 1);
            self.offer(
                out,
                site,
                Kind::MaxItems,
                Value::Array(items),
                what,
                "",
                here,
            );
            let items = self.fill_array(base.clone(), n, inner, Some(c), depth);
            let what = format!("{place} has exactly maxItems {max} items");
            self.offer(
                out,
                site,
                Kind::AtBound,
                Value::Array(items),
                what,
                "maxItems",
                here,
            );
        }
        if let Some(min) = c.min_items.filter(|m| *m > 0 && *m <= MAX_LEN) {
            let n = min as usize;
            let items = self.fill_array(base.clone(), n - 1, inner, Some(c), depth);
            let what = format!("{place} has {} items (minItems {min})", n - 1);
            self.offer(
                out,
                site,
                Kind::MinItems,
                Value::Array(items),
                what,
                "",
                here,
            );
            let items = self.fill_array(base.clone(), n, inner, Some(c), depth);
            let what = format!("{place} has exactly minItems {min} items");
            self.offer(
                out,
                site,
                Kind::AtBound,
                Value::Array(items),
                what,
                "minItems",
                here,
            );
        }
        if c.unique_items {
            let max = c.max_items.map_or(usize::MAX, |m| m.min(MAX_LEN) as usize);
            let mut items = self.fill_array(
                base,
                1.max(c.min_items.unwrap_or(0) as usize),
                inner,
                Some(c),
                depth,
            );
            if let Some(first) = items.first().cloned() {
                if items.len() < max {
                    items.push(first);
                } else if let Some(last) = items.last_mut().filter(|_| max >= 2) {
                    *last = first;
                }
                let what = format!(
                    "{place} repeats item 0 as item {} (uniqueItems)",
                    items.len() - 1
                );
                self.offer(
                    out,
                    site,
                    Kind::UniqueItems,
                    Value::Array(items),
                    what,
                    "",
                    here,
                );
            }
        }
    }

    fn enum_candidates(
        &mut self,
        value: Option<&Value>,
        e: &Enum,
        name: &str,
        here: Here<'_>,
        site: &Site,
        out: &mut Vec<Candidate>,
    ) {
        let place = site.shown();
        let unknown: Vec<Value> = match e.repr {
            EnumRepr::String => {
                let mut v = Vec::new();
                if let Some(first) = e.values.iter().find_map(|v| v.value.as_str()) {
                    let upper = first.to_uppercase();
                    v.push(json!(if upper != first {
                        upper
                    } else {
                        first.to_lowercase()
                    }));
                    v.push(json!(format!("{first}_x")));
                }
                v.push(json!("unknownValue"));
                v.push(json!(""));
                v
            }
            EnumRepr::Integer => {
                let known = e.values.iter().filter_map(|v| v.value.as_i64());
                let max = known.clone().max().unwrap_or(0);
                let min = known.min().unwrap_or(0);
                vec![
                    json!(max.saturating_add(1)),
                    json!(min.saturating_sub(1)),
                    json!(987_654),
                ]
            }
            // A boolean not among the values; none when both are.
            EnumRepr::Boolean => [true, false]
                .into_iter()
                .filter(|flag| !e.values.iter().any(|v| v.value == Value::Bool(*flag)))
                .map(Value::Bool)
                .collect(),
        };
        let (kind, words) = if e.open {
            (Kind::OpenEnumUnknown, "an unknown value of the open enum")
        } else {
            (Kind::UnknownEnumValue, "not a value of the closed enum")
        };
        let mut offered = 0;
        for (i, candidate) in unknown.into_iter().enumerate() {
            let what = format!("{place} is {candidate}, {words} `{name}`");
            if self.offer(out, site, kind, candidate, what, &i.to_string(), here) {
                offered += 1;
                if offered == 2 {
                    break;
                }
            }
        }
        if e.repr == EnumRepr::Integer {
            let current = value
                .and_then(Value::as_i64)
                .or_else(|| e.values.iter().find_map(|v| v.value.as_i64()));
            if let Some(x) = current.filter(|x| x.unsigned_abs() < 1 << 53) {
                if let Some(n) = Number::from_f64(x as f64) {
                    let what = format!(
                        "{place} is {x}.0: the enum value {x} written with a fraction, which \
                         JSON Schema counts as equal"
                    );
                    self.offer(
                        out,
                        site,
                        Kind::IntegralFloat,
                        Value::Number(n),
                        what,
                        "",
                        here,
                    );
                }
            }
        }
    }
}

/// Values of the JSON kinds a place does not accept, each with a tag.
fn wrong_types(
    accepts: u8,
    current: Option<&Value>,
    root_object: bool,
) -> Vec<(Value, &'static str)> {
    let mut out = Vec::new();
    if accepts & STRING == 0 {
        out.push((json!("not the right type"), "string"));
        if accepts & INT != 0 {
            out.push((json!("42"), "numeric string"));
        }
    }
    if accepts & INT == 0 {
        out.push((json!(42), "integer"));
    } else if accepts & FLOAT == 0 {
        out.push((json!(2.5), "fraction"));
    }
    if accepts & BOOL == 0 {
        out.push((json!(true), "boolean"));
    }
    if accepts & OBJECT == 0 {
        out.push((json!({}), "object"));
    }
    if accepts & ARRAY == 0 {
        let inside = current.cloned().unwrap_or(json!(1));
        out.push((Value::Array(vec![inside]), "array"));
    }
    if root_object {
        out.push((Value::Null, "null"));
    }
    out
}

/// The description of a document that could not be made valid.
fn unbuildable(report: &Report, cut: bool) -> String {
    match report.violations.first() {
        Some(v) if cut => format!(
            "{INVALID}generation stopped at the depth limit: a required chain of models never \
             ends ({} fails `{}`)",
            shown(&v.path),
            v.keyword
        ),
        Some(v) => format!(
            "{INVALID}no valid instance could be built ({} fails `{}`)",
            shown(&v.path),
            v.keyword
        ),
        None => format!(
            "{UNCERTAIN}random instance; the pattern at {} could not be evaluated",
            report
                .uncertain
                .iter()
                .map(|p| shown(p))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

// ---------------------------------------------------------------------------------------
// Patterns

mod re {
    //! A backtracking matcher and generator for the common subset of ECMAScript regular
    //! expressions: literals, escapes, `.`, classes, groups, alternation, greedy and lazy
    //! quantifiers, `^`, `$`, `\b`. Lookaround, back-references and Unicode property escapes
    //! are not supported: such patterns do not parse.

    use std::cell::Cell;

    use super::Rng;

    const MAX_REPEAT: u32 = 1_000;
    const STEP_LIMIT: usize = 200_000;
    const MAX_INPUT: usize = 512;
    const MAX_NESTING: usize = 64;
    const POOL: &[char] = &[
        'a', 'b', 'k', 'x', 'z', 'A', 'Q', 'Z', '0', '5', '9', '_', '-', '.', ' ', '~', '#', '@',
        '/', 'é', '中',
    ];
    const WORD: &[char] = &['a', 'm', 'z', 'A', 'M', 'Z', '0', '4', '9', '_'];

    #[derive(Debug)]
    enum Node {
        Char(char),
        Any,
        Class(Class),
        Start,
        End,
        Boundary(bool),
        Concat(Vec<Node>),
        Alt(Vec<Node>),
        Repeat {
            node: Box<Node>,
            min: u32,
            max: Option<u32>,
            greedy: bool,
        },
    }

    #[derive(Debug)]
    struct Class {
        negated: bool,
        items: Vec<Item>,
    }

    #[derive(Debug, Clone, Copy)]
    enum Item {
        Range(char, char),
        Digit(bool),
        Word(bool),
        Space(bool),
    }

    impl Item {
        fn matches(self, c: char) -> bool {
            match self {
                Item::Range(a, b) => a <= c && c <= b,
                Item::Digit(negated) => c.is_ascii_digit() != negated,
                Item::Word(negated) => is_word(c) != negated,
                Item::Space(negated) => is_space(c) != negated,
            }
        }
    }

    impl Class {
        fn matches(&self, c: char) -> bool {
            self.items.iter().any(|i| i.matches(c)) != self.negated
        }

        fn sample(&self, rng: &mut Rng) -> Option<char> {
            if !self.negated && !self.items.is_empty() {
                for _ in 0..8 {
                    let item = *rng.pick(&self.items)?;
                    let c = match item {
                        Item::Range(a, b) => {
                            let span = (b as u32 - a as u32) as usize + 1;
                            char::from_u32(a as u32 + rng.below(span) as u32)
                        }
                        Item::Digit(false) => char::from_digit(rng.below(10) as u32, 10),
                        Item::Word(false) => rng.pick(WORD).copied(),
                        Item::Space(false) => Some(' '),
                        _ => rng.pick(POOL).copied(),
                    };
                    if let Some(c) = c.filter(|c| self.matches(*c)) {
                        return Some(c);
                    }
                }
            }
            let fits: Vec<char> = POOL.iter().copied().filter(|c| self.matches(*c)).collect();
            rng.pick(&fits).copied()
        }
    }

    fn is_word(c: char) -> bool {
        c.is_ascii_alphanumeric() || c == '_'
    }

    fn is_space(c: char) -> bool {
        matches!(
            c,
            '\t' | '\n' | '\u{b}' | '\u{c}' | '\r' | ' ' | '\u{a0}' | '\u{1680}' | '\u{2000}'
                ..='\u{200a}'
                    | '\u{2028}'
                    | '\u{2029}'
                    | '\u{202f}'
                    | '\u{205f}'
                    | '\u{3000}'
                    | '\u{feff}'
        )
    }

    fn is_line_terminator(c: char) -> bool {
        matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}')
    }

    /// A parsed pattern.
    #[derive(Debug)]
    pub(super) struct Regex {
        root: Node,
    }

    impl Regex {
        /// The pattern, or `None` when it uses something outside the supported subset.
        pub(super) fn parse(pattern: &str) -> Option<Regex> {
            let mut parser = Parser {
                chars: pattern.chars().collect(),
                pos: 0,
            };
            let root = parser.alternation(0)?;
            (parser.pos == parser.chars.len()).then_some(Regex { root })
        }

        /// Whether the pattern matches anywhere in `text`; `None` when the text is too long
        /// or matching takes too many steps.
        pub(super) fn is_match(&self, text: &str) -> Option<bool> {
            let chars: Vec<char> = text.chars().collect();
            if chars.len() > MAX_INPUT {
                return None;
            }
            let matcher = Matcher {
                text: &chars,
                steps: Cell::new(0),
            };
            for start in 0..=chars.len() {
                if matcher.node(&self.root, start, &mut |_| true) {
                    return Some(true);
                }
                if matcher.exhausted() {
                    return None;
                }
            }
            Some(false)
        }

        /// A string built from the pattern; `stretch` lets repetitions run longer. The
        /// caller checks that it matches (anchors in odd places can defeat it).
        pub(super) fn generate(&self, rng: &mut Rng, stretch: bool) -> Option<String> {
            let mut out = String::new();
            let ok =
                generate(&self.root, rng, stretch, &mut out) && self.is_match(&out) == Some(true);
            ok.then_some(out)
        }
    }

    fn generate(node: &Node, rng: &mut Rng, stretch: bool, out: &mut String) -> bool {
        if out.len() > 4 * MAX_INPUT {
            return false;
        }
        match node {
            Node::Start | Node::End | Node::Boundary(_) => true,
            Node::Char(c) => {
                out.push(*c);
                true
            }
            Node::Any => {
                out.push(*rng.pick(POOL).unwrap_or(&'a'));
                true
            }
            Node::Class(class) => match class.sample(rng) {
                Some(c) => {
                    out.push(c);
                    true
                }
                None => false,
            },
            Node::Concat(nodes) => nodes.iter().all(|n| generate(n, rng, stretch, out)),
            Node::Alt(branches) => match rng.pick(branches) {
                Some(branch) => generate(branch, rng, stretch, out),
                None => true,
            },
            Node::Repeat { node, min, max, .. } => {
                let room = max.map_or(u32::MAX, |m| m.saturating_sub(*min));
                let extra = room.min(if stretch { 40 } else { 3 });
                let count = min + rng.below(extra as usize + 1) as u32;
                (0..count).all(|_| generate(node, rng, stretch, out))
            }
        }
    }

    struct Matcher<'t> {
        text: &'t [char],
        steps: Cell<usize>,
    }

    type Then<'k> = &'k mut dyn FnMut(usize) -> bool;

    impl Matcher<'_> {
        fn exhausted(&self) -> bool {
            self.steps.get() > STEP_LIMIT
        }

        fn tick(&self) -> bool {
            self.steps.set(self.steps.get() + 1);
            !self.exhausted()
        }

        fn node(&self, node: &Node, at: usize, then: Then<'_>) -> bool {
            if !self.tick() {
                return false;
            }
            match node {
                Node::Char(c) => self.text.get(at) == Some(c) && then(at + 1),
                Node::Any => {
                    self.text.get(at).is_some_and(|c| !is_line_terminator(*c)) && then(at + 1)
                }
                Node::Class(class) => {
                    self.text.get(at).is_some_and(|c| class.matches(*c)) && then(at + 1)
                }
                Node::Start => at == 0 && then(at),
                Node::End => at == self.text.len() && then(at),
                Node::Boundary(wanted) => {
                    let before = at > 0 && self.text.get(at - 1).is_some_and(|c| is_word(*c));
                    let after = self.text.get(at).is_some_and(|c| is_word(*c));
                    (before != after) == *wanted && then(at)
                }
                Node::Concat(nodes) => self.sequence(nodes, at, then),
                Node::Alt(branches) => branches.iter().any(|b| self.node(b, at, &mut *then)),
                Node::Repeat {
                    node,
                    min,
                    max,
                    greedy,
                } => self.repeat(node, (*min, *max, *greedy), 0, at, then),
            }
        }

        fn sequence(&self, nodes: &[Node], at: usize, then: Then<'_>) -> bool {
            match nodes.split_first() {
                None => then(at),
                Some((first, rest)) => {
                    self.node(first, at, &mut |next| self.sequence(rest, next, &mut *then))
                }
            }
        }

        fn repeat(
            &self,
            node: &Node,
            bounds: (u32, Option<u32>, bool),
            count: u32,
            at: usize,
            then: Then<'_>,
        ) -> bool {
            if !self.tick() {
                return false;
            }
            let (min, max, greedy) = bounds;
            if count < min {
                return self.node(node, at, &mut |next| {
                    self.repeat(node, bounds, count + 1, next, &mut *then)
                });
            }
            let can_more = max.is_none_or(|m| count < m);
            let more = |then: Then<'_>| {
                can_more
                    && self.node(node, at, &mut |next| {
                        next != at && self.repeat(node, bounds, count + 1, next, &mut *then)
                    })
            };
            // Greedy repetitions try one more round first; lazy ones try to stop first.
            let (first_more, second_more) = if greedy { (true, false) } else { (false, true) };
            let attempt = |go_on: bool, then: Then<'_>| {
                if go_on {
                    more(then)
                } else {
                    then(at)
                }
            };
            attempt(first_more, &mut *then) || attempt(second_more, &mut *then)
        }
    }

    enum Escape {
        Char(char),
        Item(Item),
        Boundary(bool),
    }

    fn as_item(escape: Escape) -> Option<Item> {
        match escape {
            Escape::Char(c) => Some(Item::Range(c, c)),
            Escape::Item(item) => Some(item),
            Escape::Boundary(_) => None,
        }
    }

    struct Parser {
        chars: Vec<char>,
        pos: usize,
    }

    impl Parser {
        fn peek(&self) -> Option<char> {
            self.chars.get(self.pos).copied()
        }

        fn peek_at(&self, offset: usize) -> Option<char> {
            self.chars.get(self.pos + offset).copied()
        }

        fn eat(&mut self, c: char) -> bool {
            if self.peek() == Some(c) {
                self.pos += 1;
                true
            } else {
                false
            }
        }

        fn bump(&mut self) -> Option<char> {
            let c = self.peek()?;
            self.pos += 1;
            Some(c)
        }

        fn alternation(&mut self, depth: usize) -> Option<Node> {
            if depth > MAX_NESTING {
                return None;
            }
            let mut branches = vec![self.sequence(depth)?];
            while self.eat('|') {
                branches.push(self.sequence(depth)?);
            }
            Some(if branches.len() == 1 {
                branches.remove(0)
            } else {
                Node::Alt(branches)
            })
        }

        fn sequence(&mut self, depth: usize) -> Option<Node> {
            let mut nodes = Vec::new();
            while let Some(c) = self.peek() {
                if c == '|' || c == ')' {
                    break;
                }
                let atom = self.atom(depth)?;
                nodes.push(self.quantified(atom)?);
            }
            Some(Node::Concat(nodes))
        }

        fn atom(&mut self, depth: usize) -> Option<Node> {
            let c = self.bump()?;
            Some(match c {
                '(' => {
                    if self.eat('?') {
                        if self.eat(':') {
                        } else if self.eat('<') {
                            if matches!(self.peek(), Some('=' | '!')) {
                                return None;
                            }
                            loop {
                                let c = self.bump()?;
                                if c == '>' {
                                    break;
                                }
                                if !(c.is_alphanumeric() || c == '_' || c == '$') {
                                    return None;
                                }
                            }
                        } else {
                            return None;
                        }
                    }
                    let inner = self.alternation(depth + 1)?;
                    if !self.eat(')') {
                        return None;
                    }
                    inner
                }
                '[' => self.class()?,
                '.' => Node::Any,
                '^' => Node::Start,
                '$' => Node::End,
                '\\' => match self.escape(false)? {
                    Escape::Char(c) => Node::Char(c),
                    Escape::Item(item) => Node::Class(Class {
                        negated: false,
                        items: vec![item],
                    }),
                    Escape::Boundary(b) => Node::Boundary(b),
                },
                '*' | '+' | '?' | ')' => return None,
                '{' => {
                    self.pos -= 1;
                    if self.braces().is_some() {
                        return None;
                    }
                    self.pos += 1;
                    Node::Char('{')
                }
                c => Node::Char(c),
            })
        }

        fn number(&mut self) -> Option<u32> {
            let start = self.pos;
            let mut value: u32 = 0;
            while let Some(d) = self.peek().and_then(|c| c.to_digit(10)) {
                value = value.saturating_mul(10).saturating_add(d);
                self.pos += 1;
            }
            (self.pos > start).then_some(value)
        }

        /// `{n}`, `{n,}` or `{n,m}`; the position is kept when it is not one.
        fn braces(&mut self) -> Option<(u32, Option<u32>)> {
            let start = self.pos;
            let parsed = self.braces_inner();
            if parsed.is_none() {
                self.pos = start;
            }
            parsed
        }

        fn braces_inner(&mut self) -> Option<(u32, Option<u32>)> {
            if !self.eat('{') {
                return None;
            }
            let min = self.number()?;
            let max = if self.eat(',') {
                if self.peek() == Some('}') {
                    None
                } else {
                    Some(self.number()?)
                }
            } else {
                Some(min)
            };
            self.eat('}').then_some((min, max))
        }

        fn quantified(&mut self, atom: Node) -> Option<Node> {
            let (min, max) = match self.peek() {
                Some('*') => {
                    self.pos += 1;
                    (0, None)
                }
                Some('+') => {
                    self.pos += 1;
                    (1, None)
                }
                Some('?') => {
                    self.pos += 1;
                    (0, Some(1))
                }
                Some('{') => match self.braces() {
                    Some(q) => q,
                    None => return Some(atom),
                },
                _ => return Some(atom),
            };
            if min > MAX_REPEAT || max.is_some_and(|m| m < min || m > MAX_REPEAT) {
                return None;
            }
            let greedy = !self.eat('?');
            Some(Node::Repeat {
                node: Box::new(atom),
                min,
                max,
                greedy,
            })
        }

        fn escape(&mut self, in_class: bool) -> Option<Escape> {
            let c = self.bump()?;
            Some(match c {
                'd' => Escape::Item(Item::Digit(false)),
                'D' => Escape::Item(Item::Digit(true)),
                'w' => Escape::Item(Item::Word(false)),
                'W' => Escape::Item(Item::Word(true)),
                's' => Escape::Item(Item::Space(false)),
                'S' => Escape::Item(Item::Space(true)),
                'b' if in_class => Escape::Char('\u{8}'),
                'b' => Escape::Boundary(true),
                'B' if !in_class => Escape::Boundary(false),
                't' => Escape::Char('\t'),
                'n' => Escape::Char('\n'),
                'r' => Escape::Char('\r'),
                'f' => Escape::Char('\u{c}'),
                'v' => Escape::Char('\u{b}'),
                '0' if !self.peek().is_some_and(|c| c.is_ascii_digit()) => Escape::Char('\0'),
                'x' => Escape::Char(char::from_u32(self.hex(2)?)?),
                'u' => Escape::Char(self.unicode_escape()?),
                'c' => {
                    let letter = self.bump().filter(char::is_ascii_alphabetic)?;
                    Escape::Char(char::from_u32(letter as u32 % 32)?)
                }
                c if c.is_ascii_alphanumeric() => return None,
                c => Escape::Char(c),
            })
        }

        fn hex(&mut self, n: usize) -> Option<u32> {
            let mut value = 0;
            for _ in 0..n {
                value = value * 16 + self.bump()?.to_digit(16)?;
            }
            Some(value)
        }

        fn unicode_escape(&mut self) -> Option<char> {
            if self.eat('{') {
                let start = self.pos;
                let mut value: u32 = 0;
                while let Some(d) = self.peek().and_then(|c| c.to_digit(16)) {
                    value = value.checked_mul(16)?.checked_add(d)?;
                    self.pos += 1;
                }
                if self.pos == start || !self.eat('}') {
                    return None;
                }
                return char::from_u32(value);
            }
            let high = self.hex(4)?;
            if (0xD800..0xDC00).contains(&high) {
                if self.peek() == Some('\\') && self.peek_at(1) == Some('u') {
                    self.pos += 2;
                    let low = self.hex(4)?;
                    if (0xDC00..0xE000).contains(&low) {
                        return char::from_u32(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00));
                    }
                }
                return None;
            }
            char::from_u32(high)
        }

        fn class_atom(&mut self) -> Option<Escape> {
            match self.bump()? {
                '\\' => self.escape(true),
                c => Some(Escape::Char(c)),
            }
        }

        fn class(&mut self) -> Option<Node> {
            let negated = self.eat('^');
            let mut items = Vec::new();
            loop {
                if self.eat(']') {
                    break;
                }
                let first = self.class_atom()?;
                if self.peek() == Some('-') && self.peek_at(1).is_some_and(|c| c != ']') {
                    self.pos += 1;
                    let second = self.class_atom()?;
                    match (first, second) {
                        (Escape::Char(a), Escape::Char(b)) => {
                            if a > b {
                                return None;
                            }
                            items.push(Item::Range(a, b));
                        }
                        (first, second) => {
                            items.push(as_item(first)?);
                            items.push(Item::Range('-', '-'));
                            items.push(as_item(second)?);
                        }
                    }
                } else {
                    items.push(as_item(first)?);
                }
            }
            Some(Node::Class(Class { negated, items }))
        }
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        fn matches(pattern: &str, text: &str) -> Option<bool> {
            Regex::parse(pattern)?.is_match(text)
        }

        #[test]
        fn matches_like_ecmascript() {
            assert_eq!(matches("^[A-Z]{3}-[0-9]{2}$", "ABC-12"), Some(true));
            assert_eq!(matches("^[A-Z]{3}-[0-9]{2}$", "ABC-123"), Some(false));
            assert_eq!(matches("[0-9]", "abc1"), Some(true), "unanchored");
            assert_eq!(matches("^a|b$", "xb"), Some(true));
            assert_eq!(matches("^(?:ab)+$", "ababab"), Some(true));
            assert_eq!(matches("^(?:ab)+$", "aba"), Some(false));
            assert_eq!(matches("^\\d+(\\.\\d{1,2})?$", "12.50"), Some(true));
            assert_eq!(matches("^\\d+(\\.\\d{1,2})?$", "12.505"), Some(false));
            assert_eq!(matches("^[^\\s@]+@[^\\s@]+$", "a@b"), Some(true));
            assert_eq!(matches("^[^\\s@]+@[^\\s@]+$", "a @b"), Some(false));
            assert_eq!(matches("^.$", "\n"), Some(false));
            assert_eq!(matches("^.$", "😀"), Some(true), "one code point");
            assert_eq!(matches("^a{2,}?$", "aaaa"), Some(true));
            assert_eq!(matches("\\bcat\\b", "a cat!"), Some(true));
            assert_eq!(matches("\\bcat\\b", "concat"), Some(false));
            assert_eq!(matches("^[\\u0041-\\u005A]+$", "HELLO"), Some(true));
            assert_eq!(matches("^[a\\-z]+$", "-a-"), Some(true));
            assert_eq!(
                matches("^x{2$", "x{2"),
                Some(true),
                "a lone brace is a literal"
            );
            assert_ne!(matches("^(a*)*$", "aaaaaaaaaaaaaaaaaaaaaab"), Some(true));
        }

        #[test]
        fn refuses_what_it_cannot_evaluate() {
            for pattern in [
                "(?=a)", "(a)\\1", "\\p{L}", "(?<!a)b", "[z-a]", "a**", "(", "\\k<n>",
            ] {
                assert!(Regex::parse(pattern).is_none(), "{pattern}");
            }
            let catastrophic = Regex::parse("^(a|a)*$").unwrap();
            assert_eq!(catastrophic.is_match(&"a".repeat(60)), Some(true));
            assert_eq!(catastrophic.is_match(&format!("{}b", "a".repeat(60))), None);
        }

        #[test]
        fn long_inputs_fit_on_a_test_thread_stack() {
            let text = "ab1".repeat(MAX_INPUT / 3);
            let nested = Regex::parse("^(?:(?:[a-z]|[0-9])(?:x|y|b|1|a)?)+$").unwrap();
            assert_eq!(nested.is_match(&text), Some(true));
            let lazy = Regex::parse("^.*?(?:a|b|1)*?$").unwrap();
            assert_eq!(lazy.is_match(&text), Some(true));
            assert_eq!(nested.is_match(&"a".repeat(MAX_INPUT + 1)), None);
        }

        #[test]
        fn generated_strings_match() {
            let mut rng = Rng::new(3);
            for pattern in [
                "^[A-Z]{3}-[0-9]{2}$",
                "^(?:cat|dog)s?$",
                "^\\w+@\\w+\\.com$",
                "[^a-z]+",
                "^\\S{2,5}$",
                "^\\d{4}-\\d{2}$",
                "^[\\u00e9\\u4e2d]+$",
            ] {
                let regex = Regex::parse(pattern).unwrap();
                for stretch in [false, true] {
                    let s = regex.generate(&mut rng, stretch).unwrap();
                    assert_eq!(regex.is_match(&s), Some(true), "{pattern}: {s:?}");
                }
            }
        }
    }
}

// ---------------------------------------------------------------------------------------

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;
    use std::path::Path;

    use super::*;
    use modelgen::examples::conforms;
    use modelgen::ir::{EnumValue, Field, Model, Union, Variant};

    /// Models read from a fixture folder, to clone into hand-made ones: the IR structs are
    /// built from loaded values so that new fields in them do not break these tests.
    fn fixture(folder: &str) -> ModelSet {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../codegen/tests/fixtures")
            .join(folder);
        modelgen::Config::new()
            .spec_dir(dir)
            .check()
            .unwrap_or_else(|e| panic!("{e}"))
            .models
    }

    struct Protos {
        model: Model,
        field: Field,
        value: EnumValue,
        variant: Variant,
    }

    fn protos() -> Protos {
        let set = fixture("dialects/typescript");
        let mut model = None;
        let mut field = None;
        let mut value = None;
        let mut variant = None;
        for m in &set.models {
            match &m.kind {
                ModelKind::Object(object) if !object.fields.is_empty() => {
                    model.get_or_insert_with(|| m.clone());
                    field.get_or_insert_with(|| object.fields[0].clone());
                }
                ModelKind::Enum(e) if !e.values.is_empty() => {
                    value.get_or_insert_with(|| e.values[0].clone());
                }
                ModelKind::Union(u) if !u.variants.is_empty() => {
                    variant.get_or_insert_with(|| u.variants[0].clone());
                }
                _ => {}
            }
        }
        Protos {
            model: model.unwrap(),
            field: field.unwrap(),
            value: value.unwrap(),
            variant: variant.unwrap(),
        }
    }

    impl Protos {
        fn model(&self, name: &str, kind: ModelKind) -> Model {
            let mut m = self.model.clone();
            m.name = name.into();
            m.rust_name = name.into();
            m.def_key = name.into();
            m.schema_file = format!("{name}.schema.json");
            m.synthesized = false;
            m.kind = kind;
            m
        }

        fn field(&self, name: &str, ty: Type, required: bool) -> Field {
            let mut f = self.field.clone();
            f.name = name.into();
            f.wire_name = name.into();
            f.rust_name = name.into();
            f.ty = ty;
            f.required = required;
            f.nullable = false;
            f.example = None;
            f.constraints = Constraints::default();
            f
        }

        fn object(&self, name: &str, fields: Vec<Field>) -> Model {
            self.model(
                name,
                ModelKind::Object(Object {
                    fields,
                    example: None,
                }),
            )
        }

        fn enumeration(&self, name: &str, values: Vec<Value>, open: bool) -> Model {
            let repr = if values.iter().all(Value::is_string) {
                EnumRepr::String
            } else {
                EnumRepr::Integer
            };
            let values = values
                .into_iter()
                .map(|value| {
                    let mut v = self.value.clone();
                    v.value = value;
                    v
                })
                .collect();
            self.model(name, ModelKind::Enum(Enum { values, open, repr }))
        }

        fn union(&self, name: &str, types: Vec<Type>) -> Model {
            let variants = types
                .into_iter()
                .enumerate()
                .map(|(i, ty)| {
                    let mut v = self.variant.clone();
                    v.rust_name = format!("V{i}");
                    v.ty = ty;
                    v
                })
                .collect();
            self.model(name, ModelKind::Union(Union { variants }))
        }
    }

    fn num(x: f64) -> Option<Number> {
        num_value(x).and_then(|v| v.as_number().cloned())
    }

    const PERSON: ModelId = ModelId(0);
    const ADDRESS: ModelId = ModelId(1);

    /// A model that uses every keyword, and the odd shapes the generator must survive.
    fn constrained() -> ModelSet {
        let p = protos();
        let s = |x: &str| {
            Type::Model(ModelId(match x {
                "Address" => 1,
                "Kind" => 2,
                "Level" => 3,
                "Pet" => 4,
                "Chain" => 5,
                "Empty" => 6,
                "Single" => 7,
                "UnionA" => 8,
                "UnionB" => 9,
                "Selfish" => 10,
                "Anything" => 11,
                "Tree" => 12,
                _ => 999,
            }))
        };
        let mut person = Vec::new();
        let mut f = p.field("id", Type::String, true);
        f.constraints.format = Some(Format::Uuid);
        person.push(f);
        let mut f = p.field("email", Type::String, true);
        f.constraints.format = Some(Format::Email);
        f.constraints.max_length = Some(40);
        person.push(f);
        let mut f = p.field("age", Type::Integer, false);
        f.constraints.minimum = num(0.0);
        f.constraints.maximum = num(150.0);
        person.push(f);
        let mut f = p.field("score", Type::Number, false);
        f.constraints.exclusive_minimum = num(0.0);
        f.constraints.exclusive_maximum = num(10.0);
        f.constraints.multiple_of = num(0.5);
        person.push(f);
        let mut f = p.field("count", Type::Integer, false);
        f.constraints.multiple_of = num(5.0);
        person.push(f);
        let mut f = p.field("tags", Type::Array(Box::new(Type::String)), true);
        f.constraints.min_items = Some(1);
        f.constraints.max_items = Some(3);
        f.constraints.unique_items = true;
        f.constraints.items = Some(Box::new(Constraints {
            max_length: Some(8),
            min_length: Some(2),
            ..Constraints::default()
        }));
        person.push(f);
        person.push(p.field("addresses", Type::Array(Box::new(s("Address"))), false));
        person.push(p.field("places", Type::Map(Box::new(s("Address"))), false));
        let mut f = p.field("homepage", Type::String, false);
        f.constraints.format = Some(Format::Uri);
        f.nullable = true;
        person.push(f);
        person.push(p.field("kind", s("Kind"), true));
        person.push(p.field("level", s("Level"), false));
        let mut f = p.field("version", Type::Integer, true);
        f.constraints.const_value = Some(json!(2));
        person.push(f);
        person.push(p.field("created", Type::DateTime, false));
        person.push(p.field("birthday", Type::Date, false));
        let mut f = p.field("ip4", Type::String, false);
        f.constraints.format = Some(Format::Ipv4);
        person.push(f);
        let mut f = p.field("ip6", Type::String, false);
        f.constraints.format = Some(Format::Ipv6);
        person.push(f);
        let mut f = p.field("code", Type::String, false);
        f.constraints.pattern = Some("^[A-Z]{3}-[0-9]{2}$".into());
        f.example = Some(json!("ABC-12"));
        person.push(f);
        let mut f = p.field("nickname", Type::String, false);
        f.constraints.pattern = Some("(?=x)x".into());
        person.push(f);
        let mut f = p.field("rating", Type::Nullable(Box::new(Type::Number)), false);
        f.constraints.default = Some(json!(1.5));
        person.push(f);
        person.push(p.field("pet", s("Pet"), false));
        person.push(p.field("friend", Type::Model(PERSON), false));
        person.push(p.field("notes", Type::Any, false));
        person.push(p.field("tree", s("Tree"), false));

        let mut city = p.field("city", Type::String, true);
        city.constraints.min_length = Some(1);
        city.constraints.max_length = Some(20);
        let mut zip = p.field("zip", Type::String, false);
        zip.constraints.pattern = Some("^[0-9]{5}$".into());

        let mut address = p.object("Address", vec![city, zip]);
        if let ModelKind::Object(object) = &mut address.kind {
            object.example = Some(json!({"city": "Lyon"}));
        }
        let mut tree_children = p.field("children", Type::Array(Box::new(s("Tree"))), true);
        tree_children.constraints.max_items = Some(2);
        let models = vec![
            p.object("Person", person),
            address,
            p.enumeration("Kind", vec![json!("cat"), json!("dog")], false),
            p.enumeration("Level", vec![json!(0), json!(1), json!(2)], true),
            p.union("Pet", vec![Type::String, s("Address")]),
            p.object("Chain", vec![p.field("next", s("Chain"), true)]),
            p.object("Empty", vec![]),
            p.enumeration("Single", vec![json!("only")], false),
            p.union("UnionA", vec![s("UnionB"), Type::Integer]),
            p.union("UnionB", vec![s("UnionA"), s("UnionA"), Type::String]),
            p.union("Selfish", vec![s("Selfish")]),
            p.model("Anything", ModelKind::Any),
            p.object("Tree", vec![tree_children]),
            p.enumeration("Nothing", vec![], false),
            p.union("NoVariants", vec![]),
            p.object("Broken", vec![p.field("missing", s("Nowhere"), true)]),
        ];
        ModelSet { models }
    }

    fn every_model(models: &ModelSet) -> impl Iterator<Item = ModelId> + '_ {
        models.iter().map(|(id, _)| id)
    }

    #[test]
    fn count_and_determinism() {
        let models = constrained();
        for id in every_model(&models) {
            for count in [0, 1, 2, 3, 10, 31] {
                let first = samples(&models, id, count, 7);
                assert_eq!(first.len(), count, "{id:?}");
                assert_eq!(first, samples(&models, id, count, 7), "{id:?}");
            }
        }
        assert_ne!(
            samples(&models, PERSON, 12, 1),
            samples(&models, PERSON, 12, 2)
        );
        assert!(samples(&models, ModelId(999), 5, 1).is_empty());
        let all = samples(&models, PERSON, 30, 9);
        let valid = all
            .iter()
            .filter(|s| s.description.starts_with(VALID))
            .count();
        assert_eq!(valid, 10, "a third are valid instances");
    }

    #[test]
    fn every_kind_of_change_appears() {
        let models = constrained();
        let generated = generate(&models, PERSON, 900, 11);
        let kinds: BTreeSet<Kind> = generated.iter().filter_map(|(_, k)| *k).collect();
        let missing: Vec<Kind> = Kind::ALL
            .into_iter()
            .filter(|k| !kinds.contains(k))
            .collect();
        assert!(missing.is_empty(), "missing: {missing:?}");
        let descriptions: Vec<&str> = generated
            .iter()
            .map(|(s, _)| s.description.as_str())
            .collect();
        for wanted in [
            "invalid: /tags removed (required)",
            "/addresses/0/city",
            "/places/",
            "characters (maxLength 8)",
            "(minLength 2)",
            "the document is",
            "not a valid email: ",
            "not a valid date-time: ",
            "not a valid uuid: ",
            "age is 151, above maximum 150",
            "age is -1, below minimum 0",
            "score is 10, not below exclusiveMaximum 10",
            "score is 0, not above exclusiveMinimum 0",
            "not a multiple of 0.5",
            "version is",
            "not a value of the closed enum `Kind`",
            "an unknown value of the open enum `Level`",
            "UTF-16 units",
            "exactly at the inclusive",
        ] {
            assert!(
                descriptions.iter().any(|d| d.contains(wanted)),
                "no description contains {wanted:?}"
            );
        }
        for (sample, kind) in &generated {
            if let Some(kind) = kind {
                let expected = if kind.is_valid() { "valid" } else { "invalid" };
                assert!(
                    sample.description.starts_with(expected)
                        || sample.description.starts_with(UNCERTAIN),
                    "{kind:?}: {}",
                    sample.description
                );
            }
        }
    }

    #[test]
    fn verdicts_match_the_built_in_check() {
        let models = constrained();
        let checker = Checker::new(&models);
        for id in every_model(&models) {
            let root = Type::Model(id);
            for sample in samples(&models, id, 120, 5) {
                let report = checker.document(&sample.document, &root);
                match sample.expected_valid() {
                    Some(true) => assert!(
                        report.is_clean(),
                        "{id:?} {}: {report:?} {}",
                        sample.description,
                        sample.document
                    ),
                    Some(false) => assert!(
                        !report.violations.is_empty(),
                        "{id:?} {}: {}",
                        sample.description,
                        sample.document
                    ),
                    None => assert!(report.violations.is_empty(), "{}", sample.description),
                }
            }
        }
    }

    #[test]
    fn near_misses_break_exactly_one_thing_where_they_say() {
        let models = constrained();
        let checker = Checker::new(&models);
        let root = Type::Model(PERSON);
        for sample in samples(&models, PERSON, 300, 3) {
            if sample.expected_valid() != Some(false) {
                continue;
            }
            let report = checker.document(&sample.document, &root);
            assert_eq!(report.violations.len(), 1, "{}", sample.description);
            let path = &report.violations[0].path;
            assert!(
                path.is_empty() || sample.description.contains(path.as_str()),
                "{} does not name {path}",
                sample.description
            );
        }
    }

    #[test]
    fn valid_instances_conform() {
        let models = constrained();
        for id in [
            PERSON,
            ADDRESS,
            ModelId(2),
            ModelId(3),
            ModelId(4),
            ModelId(6),
        ] {
            let root = Type::Model(id);
            let generated = samples(&models, id, 90, 21);
            let valid: Vec<&Sample> = generated
                .iter()
                .filter(|s| s.description.starts_with(VALID))
                .collect();
            assert_eq!(valid.len(), 30);
            for sample in valid {
                if let Err(reason) = conforms(&sample.document, &root, &models.models) {
                    panic!("{}: {reason}\n{}", sample.description, sample.document);
                }
            }
        }
        let first = &samples(&models, ADDRESS, 1, 0)[0];
        assert_eq!(first.description, "valid: the model's example");
    }

    #[test]
    fn fixture_models_give_valid_instances_and_never_panic() {
        let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("../codegen/tests/fixtures");
        let mut folders: Vec<_> = std::fs::read_dir(fixtures.join("dialects"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        folders.sort();
        folders.push(fixtures.join("hostile"));
        let mut tried = 0;
        for folder in folders {
            let Ok(generated) = modelgen::Config::new().spec_dir(&folder).check() else {
                continue;
            };
            let models = generated.models;
            for id in every_model(&models) {
                let root = Type::Model(id);
                for sample in samples(&models, id, 24, 1) {
                    tried += 1;
                    if sample.description.starts_with(VALID) {
                        if let Err(reason) = conforms(&sample.document, &root, &models.models) {
                            panic!(
                                "{}: {}: {reason}\n{}",
                                folder.display(),
                                sample.description,
                                sample.document
                            );
                        }
                    }
                }
            }
        }
        assert!(tried > 0);
    }

    #[test]
    fn self_reference_without_end_is_cut_and_labelled() {
        let models = constrained();
        for sample in samples(&models, ModelId(5), 6, 1) {
            assert_eq!(
                sample.expected_valid(),
                Some(false),
                "{}",
                sample.description
            );
        }
        let chain = &samples(&models, ModelId(5), 1, 1)[0];
        assert!(
            chain.description.contains("depth limit"),
            "{}",
            chain.description
        );
        for sample in samples(&models, ModelId(12), 30, 1) {
            assert_ne!(sample.expected_valid(), None, "{}", sample.description);
        }
    }

    #[test]
    fn multiple_of_is_decided_as_jsonschema_decides() {
        for multiple in [0.1, 0.01, 0.5, 0.25, 3.0, 0.001, 1.5, 0.07] {
            let validator = jsonschema::validator_for(&json!({ "multipleOf": multiple })).unwrap();
            for hundredths in -400..400 {
                let value = Number::from_f64(f64::from(hundredths) / 100.0).unwrap();
                let m = Number::from_f64(multiple).unwrap();
                assert_eq!(
                    is_multiple(&value, &m),
                    validator.is_valid(&Value::Number(value.clone())),
                    "{value} multipleOf {multiple}"
                );
            }
        }
    }

    #[test]
    fn formats_agree_with_their_examples() {
        let mut rng = Rng::new(1);
        for format in Format::ALL {
            for _ in 0..50 {
                let s = format_string(&mut rng, format, None).unwrap();
                assert!(format_ok(format, &s), "{format:?} {s}");
            }
            for n in [7, 30, 100] {
                if let Some(s) = format_string(&mut rng, format, Some(n)) {
                    assert!(format_ok(format, &s), "{format:?} {s}");
                    if matches!(format, Format::Email | Format::Uri) {
                        assert_eq!(s.chars().count(), n, "{format:?} {s}");
                    }
                }
            }
            for (s, why) in format_misses(format, &mut rng) {
                assert!(!format_ok(format, &s), "{format:?} {s} ({why})");
            }
            for (s, why) in format_edges(format) {
                assert!(format_ok(format, s), "{format:?} {s} ({why})");
            }
        }
        assert!(is_multiple(
            &Number::from_f64(0.2).unwrap(),
            &Number::from_f64(0.1).unwrap()
        ));
        assert!(is_multiple(
            &Number::from_f64(0.3).unwrap(),
            &Number::from_f64(0.1).unwrap()
        ));
        assert!(!is_multiple(
            &Number::from_f64(0.35).unwrap(),
            &Number::from_f64(0.1).unwrap()
        ));
        assert!(is_multiple(
            &Number::from_f64(1e20).unwrap(),
            &Number::from_f64(0.5).unwrap()
        ));
        assert!(!is_multiple(
            &Number::from_f64(1.0000001).unwrap(),
            &Number::from_f64(0.01).unwrap()
        ));
        assert!(is_multiple(&Number::from(10), &Number::from(5)));
        assert!(is_multiple(
            &Number::from(3),
            &Number::from_f64(0.5).unwrap()
        ));
        assert!(!is_multiple(&Number::from(7), &Number::from(5)));
    }
}
