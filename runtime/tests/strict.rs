//! Tests of `modelgen_runtime::strict`: structs are read only from JSON objects, at any depth,
//! everything else reads as with plain serde_json, and errors carry the JSON Pointer of the
//! offending value.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt::Debug;

use modelgen_runtime::strict::{self, StrictError};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer};
use serde_json::{json, Value};

#[derive(Debug, Clone, PartialEq, Deserialize)]
struct Point {
    x: i64,
    y: i64,
}

#[derive(Debug, PartialEq, Deserialize)]
struct Line {
    from: Point,
    to: Point,
}

#[derive(Debug, PartialEq, Deserialize)]
struct Maybe {
    point: Option<Point>,
}

#[derive(Debug, PartialEq, Deserialize)]
struct Boxed {
    point: Box<Point>,
}

#[derive(Debug, PartialEq, Deserialize)]
struct Wrapper(Point);

#[derive(Debug, PartialEq, Deserialize)]
struct Holder {
    wrapper: Wrapper,
}

#[derive(Debug, PartialEq, Deserialize)]
#[serde(transparent)]
struct Transparent(Point);

#[derive(Debug, PartialEq, Deserialize)]
enum Shape {
    Dot(Point),
    Segment { a: Point, b: Point },
    Pair(Point, Point),
    Empty,
}

#[derive(Debug, PartialEq, Deserialize)]
struct Drawing {
    shape: Shape,
}

/// Checks that plain serde_json accepts `text` as `T` but the strict reader refuses it, from the
/// text and from the parsed value, because a struct was given an array at `path`.
fn rejects<T: DeserializeOwned + Debug>(text: &str, path: &str, expected: &str) {
    let message = format!("invalid type: sequence, expected {expected}");
    assert!(
        serde_json::from_str::<T>(text).is_ok(),
        "plain serde_json should accept {text}"
    );
    let error = strict::from_str::<T>(text).expect_err(text);
    assert_eq!(error.path, path, "path for {text}");
    assert_eq!(error.message, message, "message for {text}");
    assert!(error.line >= 1, "position for {text}: {error:?}");

    let value: Value = serde_json::from_str(text).expect("test input is JSON");
    if let Err(error) = serde_json::from_value::<T>(value.clone()) {
        panic!("plain serde_json should accept {text} as a value: {error}");
    }
    let error = strict::from_value::<T>(value).expect_err(text);
    assert_eq!(error.path, path, "path for {text} as a value");
    assert_eq!(error.message, message, "message for {text} as a value");
    assert_eq!((error.line, error.column), (0, 0));
}

/// Checks that the strict reader gives what plain serde_json gives for `text`, from the text and
/// from the parsed value: the same value, or an error with the same message and position.
fn same<T: DeserializeOwned + Debug + PartialEq>(text: &str) {
    match (serde_json::from_str::<T>(text), strict::from_str::<T>(text)) {
        (Ok(plain), Ok(strict)) => assert_eq!(plain, strict, "value for {text}"),
        (Err(plain), Err(strict)) => {
            let mut expected = strict.message.clone();
            if strict.line != 0 {
                expected.push_str(&format!(
                    " at line {} column {}",
                    strict.line, strict.column
                ));
            }
            assert_eq!(plain.to_string(), expected, "error for {text}");
            assert_eq!(
                (plain.line(), plain.column()),
                (strict.line, strict.column),
                "position for {text}"
            );
        }
        (plain, strict) => panic!("for {text}: plain {plain:?}, strict {strict:?}"),
    }
    let Ok(value) = serde_json::from_str::<Value>(text) else {
        return;
    };
    match (
        serde_json::from_value::<T>(value.clone()),
        strict::from_value::<T>(value),
    ) {
        (Ok(plain), Ok(strict)) => assert_eq!(plain, strict, "value for {text} as a value"),
        (Err(plain), Err(strict)) => {
            assert_eq!(
                plain.to_string(),
                strict.message,
                "error for {text} as a value"
            );
        }
        (plain, strict) => panic!("for {text} as a value: plain {plain:?}, strict {strict:?}"),
    }
}

/// The error of the strict reader for `text`, checked to be the same from the parsed value
/// (but for the position, which a value does not have).
fn strict_error<T: DeserializeOwned + Debug>(text: &str) -> StrictError {
    let error = strict::from_str::<T>(text).expect_err(text);
    if let Ok(value) = serde_json::from_str::<Value>(text) {
        let from_value = strict::from_value::<T>(value).expect_err(text);
        assert_eq!(from_value.path, error.path, "path for {text} as a value");
    }
    error
}

#[test]
fn structs_read_from_objects() {
    assert_eq!(
        strict::from_str::<Point>(r#"{"x": 1, "y": -2}"#),
        Ok(Point { x: 1, y: -2 })
    );
    assert_eq!(
        strict::from_str::<Point>(r#" { "y" : 2 , "x" : 1 , "z": [1, {"a": 2}] } "#),
        Ok(Point { x: 1, y: 2 })
    );
    same::<Line>(r#"{"from": {"x": 1, "y": 2}, "to": {"x": 3, "y": 4}}"#);
    same::<Vec<Point>>(r#"[{"x": 1, "y": 2}, {"x": 3, "y": 4}]"#);
    same::<Maybe>(r#"{"point": null}"#);
    same::<Maybe>(r#"{"point": {"x": 1, "y": 2}}"#);
    same::<Maybe>(r#"{}"#);
    same::<Boxed>(r#"{"point": {"x": 1, "y": 2}}"#);
    same::<Wrapper>(r#"{"x": 1, "y": 2}"#);
    same::<Holder>(r#"{"wrapper": {"x": 1, "y": 2}}"#);
    same::<Transparent>(r#"{"x": 1, "y": 2}"#);
    same::<BTreeMap<String, Point>>(r#"{"a": {"x": 1, "y": 2}, "b": {"x": 3, "y": 4}}"#);
    same::<Drawing>(r#"{"shape": {"Dot": {"x": 1, "y": 2}}}"#);
    same::<Drawing>(r#"{"shape": {"Segment": {"a": {"x": 1, "y": 2}, "b": {"x": 3, "y": 4}}}}"#);
    same::<Drawing>(r#"{"shape": {"Pair": [{"x": 1, "y": 2}, {"x": 3, "y": 4}]}}"#);
    same::<Drawing>(r#"{"shape": "Empty"}"#);
    same::<Drawing>(r#"{"shape": {"Empty": null}}"#);
    // Errors that have nothing to do with arrays read as before.
    same::<Point>(r#"{"x": 1}"#);
    same::<Point>(r#"{"x": 1, "y": 2, "x": 3}"#);
    same::<Point>(r#"{"x": "1", "y": 2}"#);
    same::<Point>("null");
    same::<Point>("5");
    same::<Point>(r#"{"x": 1, "y": 2"#);
    same::<Drawing>(r#"{"shape": "Dot"}"#);
    same::<Drawing>(r#"{"shape": "Segment"}"#);
    same::<Drawing>(r#"{"shape": {"Empty": 1}}"#);
    same::<Drawing>(r#"{"shape": {"Nope": 1}}"#);
    same::<Drawing>(r#"{"shape": {"Dot": {"x": 1, "y": 2}, "Empty": null}}"#);
}

#[test]
fn structs_refuse_arrays_at_any_depth() {
    rejects::<Point>("[1, 2]", "", "struct Point");
    rejects::<Line>(
        r#"{"from": {"x": 1, "y": 2}, "to": [3, 4]}"#,
        "/to",
        "struct Point",
    );
    rejects::<Line>(r#"[{"x": 1, "y": 2}, {"x": 3, "y": 4}]"#, "", "struct Line");
    rejects::<Vec<Point>>(r#"[{"x": 1, "y": 2}, [3, 4]]"#, "/1", "struct Point");
    rejects::<Option<Point>>("[1, 2]", "", "struct Point");
    rejects::<Maybe>(r#"{"point": [1, 2]}"#, "/point", "struct Point");
    rejects::<BTreeMap<String, Point>>(
        r#"{"a": {"x": 1, "y": 2}, "b/c": [3, 4]}"#,
        "/b~1c",
        "struct Point",
    );
    rejects::<BTreeMap<u32, Point>>(r#"{"7": [3, 4]}"#, "/7", "struct Point");
    rejects::<Boxed>(r#"{"point": [1, 2]}"#, "/point", "struct Point");
    rejects::<Box<Point>>("[1, 2]", "", "struct Point");
    rejects::<Wrapper>("[1, 2]", "", "struct Point");
    rejects::<Holder>(r#"{"wrapper": [1, 2]}"#, "/wrapper", "struct Point");
    rejects::<Transparent>("[1, 2]", "", "struct Point");
    rejects::<Drawing>(
        r#"{"shape": {"Dot": [1, 2]}}"#,
        "/shape/Dot",
        "struct Point",
    );
    // serde_json reads a struct variant from an array in text (but not in a `Value`).
    let text = r#"{"shape": {"Segment": [{"x": 1, "y": 2}, {"x": 3, "y": 4}]}}"#;
    assert!(serde_json::from_str::<Drawing>(text).is_ok());
    let error = strict::from_str::<Drawing>(text).expect_err(text);
    assert_eq!(error.path, "/shape/Segment");
    assert_eq!(
        error.message,
        "invalid type: sequence, expected struct variant Shape::Segment"
    );
    let value: Value = serde_json::from_str(text).expect("JSON");
    assert!(serde_json::from_value::<Drawing>(value.clone()).is_err());
    assert_eq!(
        strict::from_value::<Drawing>(value).expect_err(text).path,
        "/shape/Segment"
    );
    rejects::<Drawing>(
        r#"{"shape": {"Segment": {"a": {"x": 1, "y": 2}, "b": [3, 4]}}}"#,
        "/shape/Segment/b",
        "struct Point",
    );
    rejects::<Drawing>(
        r#"{"shape": {"Pair": [{"x": 1, "y": 2}, [3, 4]]}}"#,
        "/shape/Pair/1",
        "struct Point",
    );
    rejects::<Vec<BTreeMap<String, Vec<Option<Box<Point>>>>>>(
        r#"[{}, {"k": [null, {"x": 1, "y": 2}]}, {"k": [{"x": 1, "y": 2}, null, [5, 6]]}]"#,
        "/2/k/2",
        "struct Point",
    );
}

/// Reads a string holding a number.
fn number_in_string<'de, D: Deserializer<'de>>(deserializer: D) -> Result<u32, D::Error> {
    let text = Cow::<str>::deserialize(deserializer)?;
    text.parse().map_err(serde::de::Error::custom)
}

/// Reads a property that, when present, is not `null`-as-absent (as the generated code does).
fn present<'de, D: Deserializer<'de>, T: Deserialize<'de>>(
    deserializer: D,
) -> Result<Option<T>, D::Error> {
    T::deserialize(deserializer).map(Some)
}

/// Reads a required property that may be `null`.
fn nullable<'de, D: Deserializer<'de>, T: Deserialize<'de>>(
    deserializer: D,
) -> Result<Option<T>, D::Error> {
    Option::<T>::deserialize(deserializer)
}

#[derive(Debug, PartialEq, Deserialize)]
struct Attributes {
    #[serde(rename = "createdAt")]
    created_at: String,
    #[serde(rename = "count", default, deserialize_with = "number_in_string")]
    count: u32,
    #[serde(default, deserialize_with = "present")]
    note: Option<Option<String>>,
    #[serde(default, deserialize_with = "present")]
    at: Option<Option<Point>>,
    #[serde(deserialize_with = "nullable")]
    parent: Option<Point>,
    #[serde(default)]
    id: Option<Id>,
    #[serde(default)]
    status: Option<Status>,
}

#[derive(Debug, PartialEq, Deserialize)]
#[serde(transparent)]
struct Id(String);

#[derive(Debug, PartialEq, Deserialize)]
enum Status {
    #[serde(rename = "active")]
    Active,
    #[serde(rename = "suspended")]
    Suspended,
    #[serde(untagged)]
    Unrecognized(String),
}

#[test]
fn serde_attributes_behave_as_with_serde_json() {
    for text in [
        r#"{"createdAt": "now", "parent": null}"#,
        r#"{"createdAt": "now", "count": "12", "parent": {"x": 1, "y": 2}}"#,
        r#"{"createdAt": "now", "count": "twelve", "parent": null}"#,
        r#"{"createdAt": "now", "count": 12, "parent": null}"#,
        r#"{"created_at": "now", "parent": null}"#,
        r#"{"createdAt": "now"}"#,
        r#"{"createdAt": "now", "parent": null, "note": null}"#,
        r#"{"createdAt": "now", "parent": null, "note": "hi"}"#,
        r#"{"createdAt": "now", "parent": null, "note": 5}"#,
        r#"{"createdAt": "now", "parent": null, "at": null}"#,
        r#"{"createdAt": "now", "parent": null, "at": {"x": 1, "y": 2}}"#,
        r#"{"createdAt": "now", "parent": null, "id": "a\"b"}"#,
        r#"{"createdAt": "now", "parent": null, "id": 5}"#,
        r#"{"createdAt": "now", "parent": null, "status": "active"}"#,
        r#"{"createdAt": "now", "parent": null, "status": "suspended"}"#,
        r#"{"createdAt": "now", "parent": null, "status": "Active"}"#,
        r#"{"createdAt": "now", "parent": null, "status": "fr\u00e9sh"}"#,
        r#"{"createdAt": "now", "parent": null, "status": null}"#,
        r#"{"createdAt": "now", "parent": null, "status": 5}"#,
        r#"{"createdAt": "now", "parent": null, "status": ["active"]}"#,
    ] {
        same::<Attributes>(text);
    }
    let attributes = strict::from_str::<Attributes>(
        r#"{"createdAt": "now", "count": "3", "note": null, "parent": null, "status": "other"}"#,
    )
    .expect("valid");
    assert_eq!(attributes.count, 3);
    assert_eq!(attributes.note, Some(None));
    assert_eq!(attributes.at, None);
    assert_eq!(
        attributes.status,
        Some(Status::Unrecognized("other".into()))
    );
    same::<Status>(r#""active""#);
    same::<Status>(r#""anything""#);
    same::<Status>("true");
    same::<Id>(r#""x""#);
    same::<Id>("[1]");

    // The struct inside `Option<Option<_>>` read through `deserialize_with` is strict too.
    let error = strict_error::<Attributes>(r#"{"createdAt": "now", "parent": null, "at": [1, 2]}"#);
    assert_eq!(error.path, "/at");
    assert_eq!(
        error.message,
        "invalid type: sequence, expected struct Point"
    );
    let error = strict_error::<Attributes>(r#"{"createdAt": "now", "parent": [1, 2]}"#);
    assert_eq!(error.path, "/parent");
}

#[derive(Debug, Deserialize)]
#[allow(dead_code)]
struct Order {
    items: Vec<Item>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Item {
    name: String,
    qty: u32,
}

#[test]
fn error_paths_point_at_the_offending_value() {
    let text = r#"{"items": [
        {"name": "a", "qty": 1},
        {"name": "b", "qty": 2},
        {"name": 3, "qty": 3}
    ]}"#;
    let error = strict_error::<Order>(text);
    let plain = serde_json::from_str::<Order>(text).expect_err("bad name");
    assert_eq!(error.path, "/items/2/name");
    assert_eq!(
        error.message,
        "invalid type: integer `3`, expected a string"
    );
    assert_eq!((error.line, error.column), (plain.line(), plain.column()));
    assert_eq!((error.line, error.column), (4, 18));
    assert_eq!(
        error.to_string(),
        "/items/2/name: invalid type: integer `3`, expected a string at line 4 column 18"
    );

    let path = |text: &str| strict_error::<Order>(text).path;
    assert_eq!(
        path(r#"{"items": [{"name": "a", "qty": -1}]}"#),
        "/items/0/qty"
    );
    assert_eq!(
        path(r#"{"items": [{"name": "a", "qty": 1, "bogus": 1}]}"#),
        "/items/0/bogus"
    );
    assert_eq!(
        path(r#"{"items": [{"name": "a", "qty": 1}, {"name": "b"}]}"#),
        "/items/1"
    );
    assert_eq!(
        path(r#"{"items": [{"name": "a", "qty": 1} {"name": "b"}]}"#),
        "/items"
    );
    assert_eq!(
        path(r#"{"items": [{"name": "a", "qty": 1}, {"name" "b"}]}"#),
        "/items/1/name"
    );
    assert_eq!(path(r#"{"items": {"name": "a", "qty": 1}}"#), "/items");
    assert_eq!(path(r#"{"items": [{"name": "a", "qty": 1}]"#), "");
    assert_eq!(path(r#"{}"#), "");

    // Keys are escaped, whether borrowed from the text, unescaped by serde_json or owned by a
    // `Value`; integer keys read as numbers.
    let map = |text: &str| strict_error::<BTreeMap<String, BTreeMap<String, u32>>>(text).path;
    assert_eq!(map(r#"{"a/b~c": {"d": "x"}}"#), "/a~1b~0c/d");
    assert_eq!(map(r#"{"a\/b\u007ec": {"d\u00e9": "x"}}"#), "/a~1b~0c/dé");
    assert_eq!(map(r#"{"": {"": "x"}}"#), "//");
    assert_eq!(
        map(r#"{"a\u0061": {"b": 1}, "c\u0063": {"d\u0064": 2, "e\u0065": "x"}}"#),
        "/cc/ee"
    );
    assert_eq!(
        strict_error::<BTreeMap<i32, Vec<u8>>>(r#"{"-3": [1, 2, 300]}"#).path,
        "/-3/2"
    );
    // A key that was read but refused points at its member; one that could not even be read
    // (not a number, for a map with integer keys) at the object.
    assert_eq!(
        strict_error::<BTreeMap<char, u8>>(r#"{"a": 1, "bc": 2}"#).path,
        "/bc"
    );
    assert_eq!(
        strict_error::<BTreeMap<u32, u8>>(r#"{"1": 1, "x": 2}"#).path,
        ""
    );

    // Copied keys are released as the reader moves on: later paths are still right.
    let text = r#"[
        {"\u0061": {"b\u0062": 1}, "c\u0063": {"d\u0064": 2}},
        {"e\u0065": {"f\u0066": 3, "g\u0067": "x"}}
    ]"#;
    assert_eq!(
        strict_error::<Vec<BTreeMap<String, BTreeMap<String, u32>>>>(text).path,
        "/1/ee/gg"
    );

    // Enum variants: the content is at the variant name; an unknown variant points at the enum.
    let drawing = |text: &str| strict_error::<Drawing>(text).path;
    assert_eq!(
        drawing(r#"{"shape": {"Dot": {"x": 1, "y": "2"}}}"#),
        "/shape/Dot/y"
    );
    assert_eq!(
        drawing(r#"{"shape": {"Pair": [{"x": 1, "y": 2}]}}"#),
        "/shape/Pair"
    );
    assert_eq!(drawing(r#"{"shape": {"Empty": 1}}"#), "/shape/Empty");
    assert_eq!(drawing(r#"{"shape": {"Nope": 1}}"#), "/shape");
    assert_eq!(drawing(r#"{"shape": "Nope"}"#), "/shape");
    assert_eq!(drawing(r#"{"shape": 1}"#), "/shape");

    // An enum as an object's key: its variant name is the key.
    let colors = |text: &str| strict_error::<BTreeMap<Color, Point>>(text).path;
    assert_eq!(
        colors(r#"{"Red": {"x": 1, "y": 2}, "Green": [1, 2]}"#),
        "/Green"
    );
    assert_eq!(
        colors(r#"{"Red": {"x": 1, "y": 2}, "Blue": {"x": 1}}"#),
        "/Blue"
    );
    assert_eq!(
        colors(r#"{"Red": {"x": 1, "y": 2}, "Purple": {}}"#),
        "/Purple"
    );
    same::<BTreeMap<Color, Point>>(r#"{"Red": {"x": 1, "y": 2}, "Green": {"x": 3, "y": 4}}"#);
    // Keys copied for enum keys (every key of a `Value`) are popped with their object.
    assert_eq!(
        strict_error::<Vec<BTreeMap<Color, BTreeMap<String, u8>>>>(
            r#"[{"Red": {"a": 1}, "Blue": {"b": 2}}, {"Green": {"c": 3, "d": "x"}}]"#
        )
        .path,
        "/1/Green/d"
    );
}

#[derive(Debug, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
enum Color {
    Red,
    Green,
    Blue,
}

/// Reads a number if it can, and `None` otherwise: recovers from an error below it.
fn lenient<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<u32>, D::Error> {
    Ok(u32::deserialize(deserializer).ok())
}

#[derive(Debug, PartialEq, Deserialize)]
struct Lenient {
    #[serde(deserialize_with = "lenient")]
    first: Option<u32>,
    second: u32,
}

#[test]
fn an_error_recovered_from_leaves_no_path() {
    same::<Lenient>(r#"{"first": "x", "second": 2}"#);
    let error = strict_error::<Lenient>(r#"{"first": "x", "second": "y"}"#);
    assert_eq!(error.path, "/second");
    let error = strict_error::<Lenient>(r#"{"first": "x"}"#);
    assert_eq!(error.path, "");
    assert_eq!(error.message, "missing field `second`");
}

#[test]
fn trailing_characters_are_refused() {
    for text in [
        r#"{"x": 1, "y": 2} x"#,
        r#"{"x": 1, "y": 2}{}"#,
        r#"{"x": 1, "y": 2},"#,
        r#"{"x": 1, "y": 2}  ]"#,
    ] {
        same::<Point>(text);
        let error = strict::from_str::<Point>(text).expect_err(text);
        assert_eq!(error.message, "trailing characters");
        assert_eq!(error.path, "");
    }
    same::<Vec<u8>>("[1, 2] [");
    same::<Value>("1 2");
    assert_eq!(
        strict::from_str::<Point>("{\"x\": 1, \"y\": 2} \n\t "),
        Ok(Point { x: 1, y: 2 })
    );
    same::<Point>("");
    same::<Point>("   ");
}

#[derive(Debug, PartialEq, Deserialize)]
struct Scalars {
    small: i64,
    big: u64,
    float: f64,
    tiny: f64,
    text: String,
    chars: Vec<char>,
    flag: bool,
}

#[derive(Debug, PartialEq, Deserialize)]
struct Borrowing<'a> {
    plain: &'a str,
    #[serde(borrow)]
    maybe_escaped: Cow<'a, str>,
}

#[derive(Debug, PartialEq, Deserialize)]
struct Document {
    data: Value,
    more: Vec<Value>,
    map: BTreeMap<String, Value>,
    object: serde_json::Map<String, Value>,
}

#[test]
fn scalars_strings_and_values_pass_through() {
    let text = r#"{
        "small": -9223372036854775808, "big": 18446744073709551615,
        "float": 1.7976931348623157e308, "tiny": -5e-324,
        "text": "a\"b\\c\/d\n\t\u00e9\ud83d\ude00 \u0000",
        "chars": ["a", "\u00e9", "\ud83d\ude00"], "flag": true
    }"#;
    same::<Scalars>(text);
    let scalars = strict::from_str::<Scalars>(text).expect("valid");
    assert_eq!(scalars.small, i64::MIN);
    assert_eq!(scalars.big, u64::MAX);
    assert_eq!(scalars.text, "a\"b\\c/d\n\té😀 \0");
    same::<Scalars>(&text.replace("18446744073709551615", "18446744073709551616"));
    same::<Scalars>(&text.replace("-5e-324", "1e400"));
    same::<Scalars>(&text.replace("true", "1"));
    for number in [
        "0",
        "-0",
        "-0.0",
        "1.0",
        "0.1",
        "1e2",
        "12345678901234567890123",
        "-1.5E-7",
        "01",
        "1.",
    ] {
        same::<Value>(number);
        same::<f64>(number);
        same::<i64>(number);
        same::<u8>(number);
    }

    let borrowed = strict::from_str::<Borrowing>(r#"{"plain": "abc", "maybe_escaped": "d\"e"}"#)
        .expect("valid");
    assert_eq!(borrowed.plain, "abc");
    assert_eq!(borrowed.maybe_escaped, "d\"e");
    assert!(strict::from_str::<Borrowing>(r#"{"plain": "a\"bc", "maybe_escaped": ""}"#).is_err());

    let text = r#"{
        "data": [1, {"a": [2, [3]], "b": {"c": []}}, "x", null, true, -1.5, 18446744073709551615],
        "more": [[1, 2], {"x": 1, "y": 2}, []],
        "map": {"list": [1, 2], "k\/\u00e9": {"y": [{}]}},
        "object": {"list": [[[]]]}
    }"#;
    same::<Document>(text);
    let document = strict::from_str::<Document>(text).expect("valid");
    assert_eq!(
        document.data,
        json!([1, {"a": [2, [3]], "b": {"c": []}}, "x", null, true, -1.5, 18_446_744_073_709_551_615_u64])
    );
    assert!(document.data.is_array());
    assert_eq!(document.more[0], json!([1, 2]));
    assert_eq!(document.map["list"], json!([1, 2]));
    assert_eq!(document.map["k/é"], json!({"y": [{}]}));
    assert_eq!(document.object["list"], json!([[[]]]));
    let value: Value = serde_json::from_str(text).expect("JSON");
    assert_eq!(strict::from_str::<Value>(text).expect("valid"), value);
    assert_eq!(
        strict::from_value::<Value>(value.clone()).expect("valid"),
        value
    );

    // The recursion limit is serde_json's.
    let deep = |depth: usize| format!("{}{}", "[".repeat(depth), "]".repeat(depth));
    same::<Value>(&deep(100));
    same::<Value>(&deep(200));
}

#[test]
fn the_error_displays_path_message_and_position() {
    let error = strict::from_str::<Point>("[1, 2]").expect_err("array");
    assert_eq!(error.path, "");
    // serde_json's own position for a map given an array: the column before the `[`.
    let plain = serde_json::from_str::<BTreeMap<String, i64>>("[1, 2]").expect_err("array");
    assert_eq!((error.line, error.column), (plain.line(), plain.column()));
    assert_eq!(
        error.to_string(),
        format!(
            "invalid type: sequence, expected struct Point at line 1 column {}",
            plain.column()
        )
    );
    let error =
        strict::from_value::<Vec<Point>>(json!([{"x": 1, "y": 2}, [1, 2]])).expect_err("array");
    assert_eq!(
        error.to_string(),
        "/1: invalid type: sequence, expected struct Point"
    );
    let boxed: Box<dyn std::error::Error> = Box::new(error);
    assert!(boxed.to_string().starts_with("/1: "));
}

#[test]
fn a_null_read_as_none_is_noted() {
    let (value, nulls) = strict::from_str_noting_nulls::<Maybe>(r#"{"point": null}"#).unwrap();
    assert_eq!(value, Maybe { point: None });
    assert!(nulls);
    let (_, nulls) =
        strict::from_str_noting_nulls::<Maybe>(r#"{"point": {"x": 1, "y": 2}}"#).unwrap();
    assert!(!nulls);
    // A `null` read into a `Value` is a value, not an absent option.
    let (value, nulls) = strict::from_str_noting_nulls::<Value>("[null]").unwrap();
    assert_eq!(value, json!([null]));
    assert!(!nulls);
}
