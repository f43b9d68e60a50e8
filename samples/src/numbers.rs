//! JSON numbers as JSON Schema reads them: integers, comparisons and `multipleOf`.

use std::cmp::Ordering;

use serde_json::{Number, Value};

/// Whether JSON Schema counts the number as an integer (`1.0` is one).
pub(crate) fn is_integral(n: &Number) -> bool {
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

/// Compares two numbers by value, exactly for integers; `None` when a float is NaN.
pub(crate) fn num_cmp(a: &Number, b: &Number) -> Option<Ordering> {
    if let (Some(x), Some(y)) = (as_i128(a), as_i128(b)) {
        return Some(x.cmp(&y));
    }
    a.as_f64()?.partial_cmp(&b.as_f64()?)
}

/// JSON Schema's `multipleOf`: the quotient must be an integer. Numbers are read as the
/// shortest decimals that round-trip (as they are written in JSON), so `0.3` is a multiple of
/// `0.1`, as `jsonschema` decides; only decimals too long for exact arithmetic fall back to
/// floating point.
pub(crate) fn is_multiple(value: &Number, multiple: &Number) -> bool {
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

/// `x` as a JSON value, an integer when it is integral and fits; `None` when not finite.
pub(crate) fn num_value(x: f64) -> Option<Value> {
    if !x.is_finite() {
        return None;
    }
    if x.fract() == 0.0 && x.abs() < 9.0e18 {
        return Some(Value::from(x as i64));
    }
    Number::from_f64(x).map(Value::Number)
}

/// The number as JSON writes it.
pub(crate) fn number_text(n: &Number) -> String {
    n.to_string()
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

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
    fn multiple_of_reads_numbers_as_written() {
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
