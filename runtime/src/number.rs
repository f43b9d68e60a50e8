//! JSON Schema number and equality semantics, decided by `jsonschema-value`: the crate in which
//! `jsonschema` (0.61) keeps them for its validator and its generated code, so that each
//! answer here is `jsonschema`'s by construction.

use std::cmp::Ordering;

use jsonschema_value::numeric_check::{check_bound, compile_bound, satisfies_multiple_of, BoundOp};
use serde_json::{Number, Value};

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
    if check_bound(&compile_bound(BoundOp::Lt, limit), value) {
        Ordering::Less
    } else if check_bound(&compile_bound(BoundOp::Gt, limit), value) {
        Ordering::Greater
    } else {
        Ordering::Equal
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
    jsonschema_value::cmp::equal(a, b)
}

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
    jsonschema_value::unique::is_unique(items)
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
    jsonschema_value::types::number_is_integer(n)
}

/// Whether `value` is a multiple of `divisor`, as `jsonschema`'s `multipleOf` decides it.
///
/// The divisor is read as an `f64`. A whole divisor up to 2^53 divides integer values exactly;
/// a fractional divisor such as `0.1` divides in the decimal both numbers print as, so `0.3` is a
/// multiple of `0.1` although the binary floats are not, with exact rational arithmetic (the
/// `fraction` crate) where the decimals leave `i128`. A divisor past `f64` (only possible with
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
    satisfies_multiple_of(divisor, value)
}
