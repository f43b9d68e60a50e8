//! The `formats` fixture pages generated with native types for their `date-time`, `date` and
//! `uuid` strings (`native_chrono`, `native_jiff`, `native_time`), against the same pages
//! with `String`s (`formats`): the native version reads a document into its types and writes
//! it back, accepts and refuses exactly the documents the `String` version does, with the same
//! errors, and reports the same schema.

use fixture_models::formats;
use modelgen_runtime::ValidationError;
use serde_json::{json, Value};

/// A document with every field the native types hold, in forms a library's own parser may
/// turn down: a lowercase `t` and `z`, a leap second, more than nine fractional digits.
fn document() -> Value {
    json!({
        "id": "6F1C2A4E-8B7D-4C3A-9E2F-0A1B2C3D4E5F",
        "at": "2024-03-18T09:30:00Z",
        "day": "2024-02-29",
        "ends": "2024-03-18t10:30:00.1234567891+01:00",
        "cancelled": null,
        "moved": "2024-03-19",
        "reminders": ["2016-12-31T23:59:60Z", "2024-03-18T09:00:00-23:59"],
        "holidays": {"leap": "2000-02-29", "first": "0000-01-01"},
        "related": ["6f1c2a4e-8b7d-4c3a-9e2f-0a1b2c3d4e5f"],
        "code": "6f1c2a4e-8b7d-4c3a-9e2f-0a1b2c3d4e5f",
        "seen": ["2024-03-18T09:30:00Z"],
        "where": "2024-03-18T09:30:00z"
    })
}

/// `document` with the member at `pointer` (an object member or an array item) set to `value`.
fn with(pointer: &str, value: Value) -> Value {
    let mut document = document();
    *document.pointer_mut(pointer).expect("the member exists") = value;
    document
}

/// Errors as `(path, rule, message)`.
fn errors(result: Result<(), Vec<ValidationError>>) -> Vec<(String, &'static str, String)> {
    result
        .err()
        .unwrap_or_default()
        .into_iter()
        .map(|e| (e.path, e.rule, e.message))
        .collect()
}

fn string_version(document: &Value) -> Result<(), Vec<ValidationError>> {
    formats::Event::from_json(&document.to_string())
        .map(drop)
        .map_err(|e| e.0)
}

macro_rules! native_tests {
    ($module:ident, $date_time:ty, $written:expr) => {
        mod $module {
            use super::*;
            use fixture_models::$module::Event;

            fn native_version(document: &Value) -> Result<(), Vec<ValidationError>> {
                Event::from_json(&document.to_string())
                    .map(drop)
                    .map_err(|e| e.0)
            }

            #[test]
            fn reads_a_document_into_native_types_and_writes_it_back() {
                let event = Event::from_json(&document().to_string()).unwrap();
                let _: &$date_time = &event.at;
                let _: &::modelgen_runtime::uuid::Uuid = &event.id;
                assert_eq!(event.id.to_string(), "6f1c2a4e-8b7d-4c3a-9e2f-0a1b2c3d4e5f");
                assert_eq!(event.cancelled, None);
                assert!(matches!(event.moved, Some(Some(_))));
                assert_eq!(event.reminders.as_ref().map(Vec::len), Some(2));
                let written = serde_json::to_value(&event).unwrap();
                let expected: Value = $written;
                assert_eq!(written, expected);
                // What was written reads back as the same value, and is a valid document.
                let again = Event::from_json(&written.to_string()).unwrap();
                assert_eq!(again, event);
                assert_eq!(string_version(&written), Ok(()));
            }

            #[test]
            fn bad_values_are_refused_with_the_errors_of_the_string_version() {
                let bad = [
                    with("/id", json!("not-a-uuid")),
                    with("/id", json!("{6f1c2a4e-8b7d-4c3a-9e2f-0a1b2c3d4e5f}")),
                    with("/id", json!("6f1c2a4e8b7d4c3a9e2f0a1b2c3d4e5f")),
                    with("/at", json!("2024-02-30T09:30:00Z")),
                    with("/at", json!("2024-03-18 09:30:00Z")),
                    with("/at", json!("2024-03-18T10:00:60Z")),
                    with("/at", json!(20240318)),
                    with("/day", json!("2023-02-29")),
                    with("/ends", json!(null)),
                    with("/ends", json!("tomorrow")),
                    with("/cancelled", json!("2024-13-01T00:00:00Z")),
                    with("/moved", json!("2024-03-19T00:00:00Z")),
                    with("/reminders/1", json!("2024-03-18T09:00:00+24:00")),
                    with("/reminders", json!([])),
                    with("/holidays/leap", json!("1900-02-29")),
                    with("/related/0", json!("6f1c2a4e-8b7d-4c3a-9e2f-0a1b2c3d4e5")),
                    with("/code", json!("6F1C2A4E-8B7D-4C3A-9E2F-0A1B2C3D4E5F")),
                    with(
                        "/seen",
                        json!(["2024-03-18T09:30:00Z", "2024-03-18T09:30:00Z"]),
                    ),
                    with("/where", json!("2024-03-18")),
                ];
                for document in bad {
                    let expected = errors(string_version(&document));
                    assert!(!expected.is_empty(), "{document}");
                    assert_eq!(errors(native_version(&document)), expected, "{document}");
                }
                // Several at once: every one is reported, each at its path.
                let mut document = with("/at", json!("2024-02-30T09:30:00Z"));
                document["related"] = json!(["x", "6f1c2a4e-8b7d-4c3a-9e2f-0a1b2c3d4e5f", "y"]);
                let found = errors(native_version(&document));
                assert_eq!(found, errors(string_version(&document)));
                let paths: Vec<&str> = found.iter().map(|(p, _, _)| p.as_str()).collect();
                assert_eq!(paths, ["/at", "/related/0", "/related/2"]);
            }

            #[test]
            fn leap_seconds_lowercase_and_long_fractions_are_accepted() {
                for at in [
                    "2016-12-31T23:59:60Z",
                    "2017-01-01T00:59:60+01:00",
                    "2024-03-18t09:30:00.123456789123z",
                    "0000-01-01T00:00:00+23:59",
                    "9999-12-30T21:59:59Z",
                ] {
                    let document = with("/at", json!(at));
                    assert_eq!(string_version(&document), Ok(()), "{at}");
                    assert_eq!(native_version(&document), Ok(()), "{at}");
                    let event = Event::from_json(&document.to_string()).unwrap();
                    let written = serde_json::to_value(&event).unwrap();
                    assert_eq!(string_version(&written), Ok(()), "{at} -> {written}");
                }
            }

            #[test]
            fn the_schema_is_the_string_versions() {
                assert_eq!(
                    schemars::schema_for!(Event),
                    schemars::schema_for!(formats::Event)
                );
            }
        }
    };
}

native_tests!(
    native_chrono,
    ::modelgen_runtime::chrono::DateTime<::modelgen_runtime::chrono::FixedOffset>,
    json!({
        "id": "6f1c2a4e-8b7d-4c3a-9e2f-0a1b2c3d4e5f",
        "at": "2024-03-18T09:30:00Z",
        "day": "2024-02-29",
        "ends": "2024-03-18T10:30:00.123456789+01:00",
        "cancelled": null,
        "moved": "2024-03-19",
        "reminders": ["2016-12-31T23:59:60Z", "2024-03-18T09:00:00-23:59"],
        "holidays": {"first": "0000-01-01", "leap": "2000-02-29"},
        "related": ["6f1c2a4e-8b7d-4c3a-9e2f-0a1b2c3d4e5f"],
        "code": "6f1c2a4e-8b7d-4c3a-9e2f-0a1b2c3d4e5f",
        "opened": "2024-01-01",
        "seen": ["2024-03-18T09:30:00Z"],
        "where": "2024-03-18T09:30:00z"
    })
);

native_tests!(
    native_jiff,
    ::modelgen_runtime::jiff::Timestamp,
    json!({
        "id": "6f1c2a4e-8b7d-4c3a-9e2f-0a1b2c3d4e5f",
        "at": "2024-03-18T09:30:00Z",
        "day": "2024-02-29",
        "ends": "2024-03-18T09:30:00.123456789Z",
        "cancelled": null,
        "moved": "2024-03-19",
        "reminders": ["2016-12-31T23:59:59Z", "2024-03-19T08:59:00Z"],
        "holidays": {"first": "0000-01-01", "leap": "2000-02-29"},
        "related": ["6f1c2a4e-8b7d-4c3a-9e2f-0a1b2c3d4e5f"],
        "code": "6f1c2a4e-8b7d-4c3a-9e2f-0a1b2c3d4e5f",
        "opened": "2024-01-01",
        "seen": ["2024-03-18T09:30:00Z"],
        "where": "2024-03-18T09:30:00z"
    })
);

native_tests!(
    native_time,
    ::modelgen_runtime::time::OffsetDateTime,
    json!({
        "id": "6f1c2a4e-8b7d-4c3a-9e2f-0a1b2c3d4e5f",
        "at": "2024-03-18T09:30:00Z",
        "day": "2024-02-29",
        "ends": "2024-03-18T10:30:00.123456789+01:00",
        "cancelled": null,
        "moved": "2024-03-19",
        "reminders": ["2016-12-31T23:59:59.999999999Z", "2024-03-18T09:00:00-23:59"],
        "holidays": {"first": "0000-01-01", "leap": "2000-02-29"},
        "related": ["6f1c2a4e-8b7d-4c3a-9e2f-0a1b2c3d4e5f"],
        "code": "6f1c2a4e-8b7d-4c3a-9e2f-0a1b2c3d4e5f",
        "opened": "2024-01-01",
        "seen": ["2024-03-18T09:30:00Z"],
        "where": "2024-03-18T09:30:00z"
    })
);

/// The native versions agree with the published schemas (through `jsonschema`) on generated
/// documents, valid ones and near-misses, as the `String` version does.
#[test]
fn agreement_with_the_published_schemas() {
    let folder =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../codegen/tests/fixtures/formats");
    let generated = modelgen::Config::new().spec_dir(folder).check().unwrap();
    let mut failures = Vec::new();
    for module in ["formats", "native_chrono", "native_jiff", "native_time"] {
        let report = modelgen_samples::agreement::compare(
            &generated.models,
            &fixture_models::schema_dir("formats"),
            modelgen::DEFAULT_SCHEMA_BASE_URI,
            1000,
            None,
            |model, text| {
                fixture_models::validate_json(module, model, text)
                    .map(|r| r.map_err(|e| e.to_string()))
            },
        );
        report.print(module, 20);
        failures.extend(
            report
                .failures()
                .into_iter()
                .map(|f| format!("{module}: {f}")),
        );
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The one valid value a type cannot hold: a `jiff::Timestamp` ends at
/// `9999-12-30T22:00:00.999999999Z`. The document is then refused with a `type` error at the
/// value's path, as for an integer beyond `i64`.
#[test]
fn a_date_time_after_jiffs_last_instant_is_a_type_error() {
    for at in ["9999-12-31T00:00:00Z", "9999-12-31T23:59:59-23:59"] {
        let document = with("/at", json!(at));
        assert_eq!(string_version(&document), Ok(()));
        let text = document.to_string();
        assert!(fixture_models::native_chrono::Event::from_json(&text).is_ok());
        assert!(fixture_models::native_time::Event::from_json(&text).is_ok());
        let found = fixture_models::native_jiff::Event::from_json(&text)
            .unwrap_err()
            .0;
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!((found[0].path.as_str(), found[0].rule), ("/at", "type"));
        assert!(
            found[0].message.contains("jiff::Timestamp cannot hold it"),
            "{}",
            found[0].message
        );
    }
}

/// A value made in Rust that the format cannot write is a serialization error, not a document
/// the schema refuses.
#[test]
fn writing_a_value_the_format_cannot_hold_fails() {
    let mut event = fixture_models::native_jiff::Event::from_json(&document().to_string()).unwrap();
    event.at = ::modelgen_runtime::jiff::Timestamp::MIN;
    let error = serde_json::to_string(&event).unwrap_err();
    assert!(
        error.to_string().contains("outside 0000 to 9999"),
        "{error}"
    );
}
