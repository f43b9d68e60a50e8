//! JSON Schema number and equality semantics, as `jsonschema` 0.61.2 implements them for
//! `serde_json` values (without its `arbitrary-precision` feature).

use std::cmp::Ordering;
use std::collections::HashMap;
use std::hash::{Hash, Hasher};

use serde_json::{Map, Number, Value};

/// A JSON number the way `jsonschema` reads it: as `u64` where it fits, else as `i64`, else as
/// `f64`; `Huge` only where `serde_json`'s `arbitrary_precision` holds a number past `f64`.
#[derive(Clone, Copy)]
enum Num {
    U(u64),
    I(i64),
    F(f64),
    Huge { negative: bool },
}

impl Num {
    fn of(n: &Number) -> Self {
        if let Some(v) = n.as_u64() {
            Self::U(v)
        } else if let Some(v) = n.as_i64() {
            Self::I(v)
        } else if let Some(v) = n.as_f64() {
            Self::F(v)
        } else {
            Self::Huge {
                negative: n.to_string().starts_with('-'),
            }
        }
    }
}

/// 2^127 as an `f64`, the first float past `i128`.
const I128_BOUND: f64 = 170_141_183_460_469_231_731_687_303_715_884_105_728.0;

/// The exact order of an integer and a float.
fn cmp_int_float(a: i128, b: f64) -> Ordering {
    if b.is_nan() {
        return Ordering::Equal;
    }
    if b >= I128_BOUND {
        return Ordering::Less;
    }
    if b < -I128_BOUND {
        return Ordering::Greater;
    }
    let whole = b.trunc();
    // `whole` is an integer-valued float inside `i128`, so the cast is exact.
    #[allow(clippy::cast_possible_truncation)]
    let whole_int = whole as i128;
    match a.cmp(&whole_int) {
        Ordering::Equal => {
            if b > whole {
                Ordering::Less
            } else if b < whole {
                Ordering::Greater
            } else {
                Ordering::Equal
            }
        }
        other => other,
    }
}

/// The exact (mathematical) order of two finite numbers.
fn cmp_finite(a: Num, b: Num) -> Ordering {
    let int = |n: Num| match n {
        Num::U(v) => Some(i128::from(v)),
        Num::I(v) => Some(i128::from(v)),
        _ => None,
    };
    match (a, b) {
        (Num::F(x), Num::F(y)) => x.partial_cmp(&y).unwrap_or(Ordering::Equal),
        (Num::F(x), other) => int(other).map_or(Ordering::Equal, |y| cmp_int_float(y, x).reverse()),
        (other, Num::F(y)) => int(other).map_or(Ordering::Equal, |x| cmp_int_float(x, y)),
        (x, y) => match (int(x), int(y)) {
            (Some(x), Some(y)) => x.cmp(&y),
            _ => Ordering::Equal,
        },
    }
}

/// How `value` orders against `limit`, exactly, as `jsonschema`'s `minimum` (`!= Less`),
/// `maximum` (`!= Greater`), `exclusiveMinimum` (`== Greater`) and `exclusiveMaximum`
/// (`== Less`) read it.
///
/// The comparison is exact across `u64`, `i64` and `f64` numbers: `9007199254740993` is greater
/// than `9007199254740992.0`, and `-0.0` equals `0`. A number past `f64` (possible only with
/// `serde_json`'s `arbitrary_precision`) counts as an infinity of its sign.
///
/// ```
/// use modelgen_runtime::compare;
/// use serde_json::Number;
/// use std::cmp::Ordering;
///
/// let n = |s: &str| s.parse::<Number>().unwrap();
/// assert_eq!(compare(&n("1.0"), &n("1")), Ordering::Equal);
/// assert_eq!(compare(&n("9007199254740993"), &n("9007199254740992.0")), Ordering::Greater);
/// ```
#[must_use]
pub fn compare(value: &Number, limit: &Number) -> Ordering {
    match (Num::of(value), Num::of(limit)) {
        // `jsonschema` places a value past `f64` by its sign alone.
        (Num::Huge { negative }, _) => {
            if negative {
                Ordering::Less
            } else {
                Ordering::Greater
            }
        }
        (value, Num::Huge { negative }) => {
            let infinity = if negative {
                f64::NEG_INFINITY
            } else {
                f64::INFINITY
            };
            cmp_finite(value, Num::F(infinity))
        }
        (value, limit) => cmp_finite(value, limit),
    }
}

fn numbers_equal(a: &Number, b: &Number) -> bool {
    match (Num::of(a), Num::of(b)) {
        (Num::Huge { .. }, _) | (_, Num::Huge { .. }) => false,
        (a, b) => cmp_finite(a, b) == Ordering::Equal,
    }
}

/// Equality as JSON Schema's `enum`, `const` and `uniqueItems` read it: numbers compare by value
/// (`1 == 1.0`, `0 == -0.0`), objects regardless of member order, arrays element by element.
///
/// ```
/// use modelgen_runtime::json_equal;
/// use serde_json::json;
///
/// assert!(json_equal(&json!({"a": [1, 2.0]}), &json!({"a": [1.0, 2]})));
/// assert!(!json_equal(&json!(1), &json!(true)));
/// ```
#[must_use]
pub fn json_equal(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Null, Value::Null) => true,
        (Value::Bool(a), Value::Bool(b)) => a == b,
        (Value::String(a), Value::String(b)) => a == b,
        (Value::Number(a), Value::Number(b)) => numbers_equal(a, b),
        (Value::Array(a), Value::Array(b)) => {
            a.len() == b.len() && a.iter().zip(b).all(|(a, b)| json_equal(a, b))
        }
        (Value::Object(a), Value::Object(b)) => objects_equal(a, b),
        _ => false,
    }
}

fn objects_equal(a: &Map<String, Value>, b: &Map<String, Value>) -> bool {
    a.len() == b.len()
        && a.iter()
            .all(|(key, value)| b.get(key).is_some_and(|other| json_equal(value, other)))
}

/// Arrays this long or shorter are compared pair by pair; longer ones are hashed.
const PAIRWISE_LIMIT: usize = 15;

/// Whether no two items are [equal](json_equal), as `uniqueItems: true` requires.
///
/// ```
/// use modelgen_runtime::unique_items;
/// use serde_json::json;
///
/// assert!(unique_items(&[json!(1), json!("1"), json!([1])]));
/// assert!(!unique_items(&[json!({"a": 1, "b": 2}), json!({"b": 2, "a": 1.0})]));
/// ```
#[must_use]
pub fn unique_items(items: &[Value]) -> bool {
    if items.len() <= PAIRWISE_LIMIT {
        return items.iter().enumerate().all(|(index, item)| {
            items[index + 1..]
                .iter()
                .all(|other| !json_equal(item, other))
        });
    }
    let mut seen: HashMap<u64, Vec<&Value>> = HashMap::with_capacity(items.len());
    for item in items {
        let bucket = seen.entry(hash_value(item)).or_default();
        if bucket.iter().any(|other| json_equal(item, other)) {
            return false;
        }
        bucket.push(item);
    }
    true
}

/// A hash that [equal](json_equal) values share.
fn hash_value(value: &Value) -> u64 {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    hash_into(value, &mut hasher);
    hasher.finish()
}

fn hash_into<H: Hasher>(value: &Value, state: &mut H) {
    match value {
        Value::Null => state.write_u8(0),
        Value::Bool(b) => {
            state.write_u8(1);
            b.hash(state);
        }
        Value::Number(n) => {
            state.write_u8(2);
            // Equal numbers round to the same `f64`; `0.0` and `-0.0` are one value.
            if let Some(f) = n.as_f64() {
                let bits = if f == 0.0 { 0 } else { f.to_bits() };
                bits.hash(state);
            }
        }
        Value::String(s) => {
            state.write_u8(3);
            s.hash(state);
        }
        Value::Array(items) => {
            state.write_u8(4);
            state.write_usize(items.len());
            for item in items {
                hash_into(item, state);
            }
        }
        Value::Object(members) => {
            state.write_u8(5);
            // Member order does not matter, so the members' own hashes are combined unordered.
            let mut combined = 0_u64;
            for (key, member) in members {
                let mut hasher = std::collections::hash_map::DefaultHasher::new();
                key.hash(&mut hasher);
                hash_into(member, &mut hasher);
                combined ^= hasher.finish();
            }
            state.write_u64(combined);
        }
    }
}

/// Whether `n` is an integer as `type: "integer"` reads it: any number with a zero fractional
/// part, so `1.0` and `1e2` are integers and `1.5` is not.
///
/// ```
/// use modelgen_runtime::is_integer;
///
/// assert!(is_integer(&"1.0".parse().unwrap()));
/// assert!(!is_integer(&"1.5".parse().unwrap()));
/// ```
#[must_use]
pub fn is_integer(n: &Number) -> bool {
    if n.is_i64() || n.is_u64() {
        true
    } else if let Some(f) = n.as_f64() {
        f.fract() == 0.0
    } else {
        decimal_is_multiple_of(&n.to_string(), 1).unwrap_or(false)
    }
}

/// 2^53, past which `f64` no longer holds every integer.
const MAX_SAFE_INTEGER: u64 = 1 << 53;

/// Whether `value` is a multiple of `divisor`, as `jsonschema`'s `multipleOf` decides it.
///
/// The divisor is read as an `f64`. A whole divisor up to 2^53 divides integer values exactly;
/// a fractional divisor such as `0.1` divides in the decimal both numbers print as, so `0.3` is a
/// multiple of `0.1` although the binary floats are not. A divisor past `f64` (only possible with
/// `serde_json`'s `arbitrary_precision`) is ignored, as `jsonschema` ignores the keyword then.
///
/// ```
/// use modelgen_runtime::is_multiple_of;
///
/// let n = |s: &str| s.parse().unwrap();
/// assert!(is_multiple_of(&n("0.3"), &n("0.1")));
/// assert!(is_multiple_of(&n("12"), &n("4")));
/// assert!(!is_multiple_of(&n("7.5"), &n("2")));
/// ```
#[must_use]
pub fn is_multiple_of(value: &Number, divisor: &Number) -> bool {
    let Some(multiple) = divisor.as_f64() else {
        return true;
    };
    if multiple.fract() == 0.0 {
        is_multiple_of_integer(value, multiple)
    } else {
        is_multiple_of_float(value, multiple)
    }
}

// The casts below are those `jsonschema` makes, under the same guards.
#[allow(
    clippy::cast_possible_truncation,
    clippy::cast_sign_loss,
    clippy::cast_precision_loss
)]
fn is_multiple_of_integer(value: &Number, multiple: f64) -> bool {
    let divisor_ok = multiple > 0.0 && multiple <= MAX_SAFE_INTEGER as f64;
    if divisor_ok {
        if let Some(v) = value.as_u64() {
            return v % (multiple as u64) == 0;
        }
        if let Some(v) = value.as_i64() {
            return v % (multiple as i64) == 0;
        }
        if value
            .as_f64()
            .is_none_or(|v| v.abs() >= MAX_SAFE_INTEGER as f64)
        {
            if let Some(answer) = decimal_is_multiple_of(&value.to_string(), multiple as u64) {
                return answer;
            }
        }
    }
    match value.as_f64() {
        Some(v) => {
            if v == 0.0 && !decimal_is_zero(&value.to_string()) {
                return false;
            }
            v.fract() == 0.0 && v % multiple == 0.0
        }
        None => false,
    }
}

fn is_multiple_of_float(value: &Number, multiple: f64) -> bool {
    let Some(v) = value.as_f64() else {
        return false;
    };
    if v == 0.0 {
        return decimal_is_zero(&value.to_string());
    }
    if v.abs() < multiple {
        return false;
    }
    if let Some(answer) = divides_exactly(v, multiple) {
        return answer;
    }
    match (Fraction::from_f64(v), Fraction::from_f64(multiple)) {
        (Some(v), Some(m)) => v.divides_into_integer(&m),
        // `jsonschema` divides NaN fractions, whose missing denominator it takes as a pass.
        _ => true,
    }
}

/// Whether the number written in `text` is exactly zero: `0e5` is, `1e-400` is not.
fn decimal_is_zero(text: &str) -> bool {
    let mantissa = text.split(['e', 'E']).next().unwrap_or(text);
    mantissa
        .bytes()
        .all(|byte| !byte.is_ascii_digit() || byte == b'0')
}

/// Whether the plain decimal integer in `text` divides by `divisor`; `None` for exponent forms.
fn decimal_is_multiple_of(text: &str, divisor: u64) -> Option<bool> {
    if text.contains(['e', 'E']) || divisor == 0 {
        return None;
    }
    let text = text.strip_prefix('-').unwrap_or(text);
    let (digits, fraction) = match text.split_once('.') {
        Some((digits, fraction)) => (digits, Some(fraction)),
        None => (text, None),
    };
    if fraction.is_some_and(|fraction| !fraction.bytes().all(|byte| byte == b'0')) {
        return Some(false);
    }
    let mut remainder = 0_u128;
    for byte in digits.bytes() {
        remainder = (remainder * 10 + u128::from(byte.wrapping_sub(b'0'))) % u128::from(divisor);
    }
    Some(remainder == 0)
}

/// A finite `f64` as the decimal it prints as (shortest round-trip digits, in the layout
/// `serde_json` prints floats with): `mantissa / 10^decimals`. `None` outside `i128`.
fn decimal_parts(value: f64) -> Option<(i128, i32)> {
    let text = Number::from_f64(value)?.to_string();
    let mut mantissa: i128 = 0;
    let mut decimals = 0_i32;
    let mut exponent = 0_i32;
    let mut negative = false;
    let mut fractional = false;
    let mut bytes = text.bytes();
    while let Some(byte) = bytes.next() {
        match byte {
            b'-' => negative = true,
            b'.' => fractional = true,
            b'e' | b'E' => {
                let mut exponent_negative = false;
                for byte in bytes.by_ref() {
                    match byte {
                        b'+' => {}
                        b'-' => exponent_negative = true,
                        _ => {
                            exponent = exponent
                                .checked_mul(10)?
                                .checked_add(i32::from(byte.checked_sub(b'0')?))?;
                        }
                    }
                }
                if exponent_negative {
                    exponent = -exponent;
                }
            }
            _ => {
                mantissa = mantissa
                    .checked_mul(10)?
                    .checked_add(i128::from(byte.checked_sub(b'0')?))?;
                decimals += i32::from(fractional);
            }
        }
    }
    Some((
        if negative { -mantissa } else { mantissa },
        decimals - exponent,
    ))
}

/// Whether `value / multiple` is an integer in the decimal reading of both; `None` where that
/// leaves `i128`.
fn divides_exactly(value: f64, multiple: f64) -> Option<bool> {
    let (value_mantissa, value_decimals) = decimal_parts(value)?;
    let (multiple_mantissa, multiple_decimals) = decimal_parts(multiple)?;
    if multiple_mantissa == 0 {
        return None;
    }
    let shared = value_decimals.min(multiple_decimals);
    let scale = |mantissa: i128, decimals: i32| {
        let places = u32::try_from(decimals - shared).ok()?;
        mantissa.checked_mul(10_i128.checked_pow(places)?)
    };
    let dividend = scale(value_mantissa, multiple_decimals)?;
    let divisor = scale(multiple_mantissa, value_decimals)?;
    Some(dividend.checked_rem(divisor)? == 0)
}

/// The unsigned rational `jsonschema`'s fallback builds from an `f64` (the `fraction` crate's
/// conversion): the float scaled by the smallest power of ten that leaves it within `EPSILON` of
/// a whole number, over that power as a float; or, where the scaling overflows, the decimal the
/// float prints as.
struct Fraction {
    numerator: BigUint,
    denominator: BigUint,
}

impl Fraction {
    fn from_f64(value: f64) -> Option<Self> {
        if !value.is_finite() {
            return None;
        }
        let ten = 10.0_f64;
        let mut power = 0_i32;
        let mut scaled = value;
        loop {
            if (scaled.floor() - scaled).abs() < f64::EPSILON {
                break;
            }
            power += 1;
            scaled = value * ten.powi(power);
            if scaled.is_infinite() {
                return Self::from_decimal(&format!("{value:+}"));
            }
        }
        let denominator = ten.powi(power);
        if !denominator.is_finite() {
            return Self::from_decimal(&format!("{value:+}"));
        }
        Some(Self {
            numerator: BigUint::from_f64(scaled.abs()),
            denominator: BigUint::from_f64(denominator),
        })
    }

    /// A signed plain decimal such as `+0.00012` or `-12`.
    fn from_decimal(text: &str) -> Option<Self> {
        let text = text.trim_start_matches(['+', '-']);
        let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
        let fraction = fraction.trim_end_matches('0');
        if whole.is_empty() && fraction.is_empty() {
            return None;
        }
        let mut numerator = BigUint::from_decimal(whole)?;
        for _ in 0..fraction.len() {
            numerator.mul_small(10);
        }
        numerator = numerator.add(&BigUint::from_decimal(fraction)?);
        let mut denominator = BigUint::from_u64(1);
        for _ in 0..fraction.len() {
            denominator.mul_small(10);
        }
        Some(Self {
            numerator,
            denominator,
        })
    }

    /// Whether `self / divisor` is a whole number.
    fn divides_into_integer(&self, divisor: &Self) -> bool {
        if divisor.numerator.is_zero() {
            return true;
        }
        let dividend = self.numerator.mul(&divisor.denominator);
        let modulus = self.denominator.mul(&divisor.numerator);
        dividend.rem(&modulus).is_zero()
    }
}

/// Just enough of an unsigned big integer for [`Fraction`]: little-endian 32-bit limbs.
#[derive(Clone, Debug, PartialEq, Eq)]
struct BigUint(Vec<u32>);

impl BigUint {
    fn from_u64(value: u64) -> Self {
        let mut limbs = vec![(value & 0xFFFF_FFFF) as u32, (value >> 32) as u32];
        trim(&mut limbs);
        Self(limbs)
    }

    /// The whole part of a finite, non-negative float, exactly.
    fn from_f64(value: f64) -> Self {
        let value = value.trunc();
        if value == 0.0 || !value.is_finite() {
            return Self(Vec::new());
        }
        let bits = value.to_bits();
        let exponent = i32::try_from((bits >> 52) & 0x7FF).unwrap_or(0);
        let fraction = bits & ((1 << 52) - 1);
        let (mantissa, shift) = if exponent == 0 {
            (fraction, -1074)
        } else {
            (fraction | (1 << 52), exponent - 1075)
        };
        let mut result = Self::from_u64(mantissa);
        if shift >= 0 {
            result.shl(shift.unsigned_abs() as usize);
        } else {
            result.shr(shift.unsigned_abs() as usize);
        }
        result
    }

    fn from_decimal(digits: &str) -> Option<Self> {
        let mut result = Self(Vec::new());
        for byte in digits.bytes() {
            if !byte.is_ascii_digit() {
                return None;
            }
            result.mul_small(10);
            result = result.add(&Self::from_u64(u64::from(byte - b'0')));
        }
        Some(result)
    }

    fn is_zero(&self) -> bool {
        self.0.is_empty()
    }

    fn bits(&self) -> usize {
        self.0
            .last()
            .map_or(0, |top| self.0.len() * 32 - top.leading_zeros() as usize)
    }

    fn bit(&self, index: usize) -> bool {
        self.0
            .get(index / 32)
            .is_some_and(|limb| limb >> (index % 32) & 1 == 1)
    }

    fn mul_small(&mut self, factor: u32) {
        let mut carry = 0_u64;
        for limb in &mut self.0 {
            let product = u64::from(*limb) * u64::from(factor) + carry;
            *limb = (product & 0xFFFF_FFFF) as u32;
            carry = product >> 32;
        }
        if carry > 0 {
            self.0.push(carry as u32);
        }
        trim(&mut self.0);
    }

    fn add(&self, other: &Self) -> Self {
        let mut limbs = Vec::with_capacity(self.0.len().max(other.0.len()) + 1);
        let mut carry = 0_u64;
        for index in 0..self.0.len().max(other.0.len()) {
            let sum = u64::from(self.0.get(index).copied().unwrap_or(0))
                + u64::from(other.0.get(index).copied().unwrap_or(0))
                + carry;
            limbs.push((sum & 0xFFFF_FFFF) as u32);
            carry = sum >> 32;
        }
        if carry > 0 {
            limbs.push(carry as u32);
        }
        trim(&mut limbs);
        Self(limbs)
    }

    fn mul(&self, other: &Self) -> Self {
        if self.is_zero() || other.is_zero() {
            return Self(Vec::new());
        }
        let mut limbs = vec![0_u32; self.0.len() + other.0.len()];
        for (i, &a) in self.0.iter().enumerate() {
            let mut carry = 0_u64;
            for (j, &b) in other.0.iter().enumerate() {
                let current = u64::from(a) * u64::from(b) + u64::from(limbs[i + j]) + carry;
                limbs[i + j] = (current & 0xFFFF_FFFF) as u32;
                carry = current >> 32;
            }
            let mut k = i + other.0.len();
            while carry > 0 {
                let current = u64::from(limbs[k]) + carry;
                limbs[k] = (current & 0xFFFF_FFFF) as u32;
                carry = current >> 32;
                k += 1;
            }
        }
        trim(&mut limbs);
        Self(limbs)
    }

    fn shl(&mut self, shift: usize) {
        if self.is_zero() {
            return;
        }
        let (limbs, bits) = (shift / 32, shift % 32);
        let mut result = vec![0_u32; limbs];
        let mut carry = 0_u32;
        for &limb in &self.0 {
            if bits == 0 {
                result.push(limb);
            } else {
                result.push((limb << bits) | carry);
                carry = limb >> (32 - bits);
            }
        }
        if carry > 0 {
            result.push(carry);
        }
        trim(&mut result);
        self.0 = result;
    }

    fn shr(&mut self, shift: usize) {
        let (limbs, bits) = (shift / 32, shift % 32);
        if limbs >= self.0.len() {
            self.0.clear();
            return;
        }
        let source = &self.0[limbs..];
        let mut result = Vec::with_capacity(source.len());
        for index in 0..source.len() {
            let low = source[index] >> bits;
            let high = if bits == 0 {
                0
            } else {
                source.get(index + 1).map_or(0, |next| next << (32 - bits))
            };
            result.push(low | high);
        }
        trim(&mut result);
        self.0 = result;
    }

    fn cmp(&self, other: &Self) -> Ordering {
        self.0
            .len()
            .cmp(&other.0.len())
            .then_with(|| self.0.iter().rev().cmp(other.0.iter().rev()))
    }

    fn sub_assign(&mut self, other: &Self) {
        let mut borrow = 0_i64;
        for index in 0..self.0.len() {
            let mut difference = i64::from(self.0[index])
                - i64::from(other.0.get(index).copied().unwrap_or(0))
                - borrow;
            if difference < 0 {
                difference += 1 << 32;
                borrow = 1;
            } else {
                borrow = 0;
            }
            self.0[index] = (difference & 0xFFFF_FFFF) as u32;
        }
        trim(&mut self.0);
    }

    /// `self % modulus`, by binary long division; `modulus` is non-zero.
    fn rem(&self, modulus: &Self) -> Self {
        let mut remainder = Self(Vec::new());
        for index in (0..self.bits()).rev() {
            remainder.shl(1);
            if self.bit(index) {
                if remainder.is_zero() {
                    remainder.0.push(1);
                } else {
                    remainder.0[0] |= 1;
                }
            }
            if remainder.cmp(modulus) != Ordering::Less {
                remainder.sub_assign(modulus);
            }
        }
        remainder
    }
}

fn trim(limbs: &mut Vec<u32>) {
    while limbs.last() == Some(&0) {
        limbs.pop();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn big_integers_do_arithmetic() {
        let a = BigUint::from_decimal("123456789012345678901234567890").unwrap();
        let b = BigUint::from_decimal("987654321").unwrap();
        let product = a.mul(&b);
        assert_eq!(
            product,
            BigUint::from_decimal("121932631124828532112482853211126352690").unwrap()
        );
        assert!(product.rem(&b).is_zero());
        assert!(product.rem(&a).is_zero());
        assert_eq!(a.rem(&b), BigUint::from_u64(574_845_669));
        assert_eq!(BigUint::from_f64(2f64.powi(100)).bits(), 101);
        assert_eq!(BigUint::from_f64(12345.75), BigUint::from_u64(12345));
    }

    #[test]
    fn decimal_parts_follow_the_printed_form() {
        assert_eq!(decimal_parts(0.1), Some((1, 1)));
        assert_eq!(decimal_parts(12.5), Some((125, 1)));
        assert_eq!(decimal_parts(1e20), Some((1, -20)));
        assert_eq!(decimal_parts(1e15), Some((10_000_000_000_000_000, 1)));
        assert_eq!(decimal_parts(-2.5e-7), Some((-25, 8)));
    }

    #[test]
    fn fractions_follow_the_fraction_crate() {
        let tenth = Fraction::from_f64(0.1).unwrap();
        assert_eq!(tenth.numerator, BigUint::from_u64(1));
        assert_eq!(tenth.denominator, BigUint::from_u64(10));
        // Within `EPSILON` of a whole number already, so read as zero.
        let tiny = Fraction::from_f64(1e-320).unwrap();
        assert!(tiny.numerator.is_zero());
        let third = Fraction::from_f64(1.0 / 3.0).unwrap();
        assert!(!third.numerator.is_zero());
    }
}
