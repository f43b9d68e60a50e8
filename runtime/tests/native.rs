//! The native format types (`modelgen_runtime::native`), with the runtime's own format checks as
//! the oracle: every string a check accepts converts (but for the one documented range limit),
//! writes back as a string the check accepts and reads back as the same value; every string a
//! check refuses is refused.
//!
//! The runtime's dev-dependency on itself turns the four features on for its tests.
#![cfg(all(
    feature = "chrono",
    feature = "jiff",
    feature = "time",
    feature = "uuid"
))]

use std::collections::BTreeMap;
use std::fmt::Debug;

use modelgen_runtime::format::{is_date, is_date_time, is_uuid};
use modelgen_runtime::native::{Native, Wire};
use modelgen_runtime::{chrono, jiff, time, uuid};

type ChronoDateTime = chrono::DateTime<chrono::FixedOffset>;

/// Date-times the check accepts: leap years, leap seconds, extreme offsets, lowercase, long
/// fractions, the first and last years.
const GOOD_DATE_TIMES: &[&str] = &[
    "2024-03-18T09:30:00Z",
    "2024-02-29T12:00:00Z",
    "2000-02-29T00:00:00Z",
    "0000-02-29T00:00:00Z",
    "1900-02-28T23:59:59Z",
    "2024-12-31T23:59:60Z",
    "2024-06-30T23:59:60.5Z",
    "1998-12-31T23:59:60z",
    "2024-01-01T01:29:60+01:30",
    "2023-12-31T18:59:60-05:00",
    "2024-01-01T00:00:00+23:59",
    "2024-01-01T00:00:00-23:59",
    "2024-01-01t10:00:00z",
    "2024-01-01T10:00:00.1Z",
    "2024-01-01T10:00:00.000000001Z",
    "2024-01-01T10:00:00.123456789123456Z",
    "2024-01-01T10:00:00.999999999999Z",
    "1970-01-01T00:00:00-00:00",
    "1970-01-01T00:00:00+00:00",
    "0000-01-01T00:00:00Z",
    "0000-01-01T00:00:00+01:00",
    "0000-01-01T00:00:00+23:59",
    "0000-01-01T00:00:00-23:59",
    "9999-12-30T22:00:00Z",
    "9999-12-30T22:00:00.999999999Z",
    "9999-12-31T23:59:59+23:59",
    "9999-12-31T00:00:00Z",
    "9999-12-31T23:59:59Z",
    "9999-12-31T23:59:60Z",
    "9999-12-31T23:59:59-23:59",
];

/// Date-times the check refuses.
const BAD_DATE_TIMES: &[&str] = &[
    "2024-02-30T00:00:00Z",
    "2023-02-29T00:00:00Z",
    "1900-02-29T00:00:00Z",
    "2024-01-01 10:00:00Z",
    "2024-01-01T10:00:00",
    "2024-01-01T10:00:60Z",
    "2024-01-01T23:59:60+01:00",
    "2024-01-01T24:00:00Z",
    "2024-01-01T10:60:00Z",
    "2024-01-01T10:00:00+24:00",
    "2024-01-01T10:00:00+0100",
    "2024-01-01T10:00:00.Z",
    "10000-01-01T00:00:00Z",
    "-0001-01-01T00:00:00Z",
    "2024-1-01T10:00:00Z",
    "2024-01-01",
    "",
    "not a date",
];

const GOOD_DATES: &[&str] = &[
    "2024-03-18",
    "2024-02-29",
    "2000-02-29",
    "0000-02-29",
    "0000-01-01",
    "9999-12-31",
    "1900-02-28",
];

const BAD_DATES: &[&str] = &[
    "2024-02-30",
    "2023-02-29",
    "1900-02-29",
    "2024-13-01",
    "2024-00-10",
    "2024-01-00",
    "2024-1-1",
    "24-01-01",
    "10000-01-01",
    "2024-01-01T00:00:00Z",
    "2024/01/01",
    "",
];

const GOOD_UUIDS: &[&str] = &[
    "67e55044-10b1-426f-9247-bb680e5fe0c8",
    "67E55044-10B1-426F-9247-BB680E5FE0C8",
    "00000000-0000-0000-0000-000000000000",
    "ffffffff-ffff-ffff-ffff-ffffffffffff",
];

const BAD_UUIDS: &[&str] = &[
    "not-a-uuid",
    "{67e55044-10b1-426f-9247-bb680e5fe0c8}",
    "67e5504410b1426f9247bb680e5fe0c8",
    "urn:uuid:67e55044-10b1-426f-9247-bb680e5fe0c8",
    "67e55044-10b1-426f-9247-bb680e5fe0c",
    "67e55044-10b1-426f-9247-bb680e5fe0cg",
    "67e55044_10b1_426f_9247_bb680e5fe0c8",
    "",
];

/// The last instant `jiff::Timestamp` holds: `9999-12-30T22:00:00.999999999Z`.
fn after_jiff_range(text: &str) -> bool {
    let value: ChronoDateTime = read(text).expect("chrono holds every accepted date-time");
    let last = chrono::DateTime::parse_from_rfc3339("9999-12-30T22:00:00.999999999Z").unwrap();
    value > last
}

fn read<T: Native>(text: &str) -> Result<T, String> {
    serde_json::from_value::<Wire<T>>(serde_json::Value::from(text))
        .map(Wire::into_inner)
        .map_err(|error| error.to_string())
}

fn write<T: Native + Clone>(value: &T) -> Result<String, String> {
    match serde_json::to_value(Wire(value.clone())) {
        Ok(serde_json::Value::String(text)) => Ok(text),
        Ok(other) => panic!("written as {other}"),
        Err(error) => Err(error.to_string()),
    }
}

/// Each accepted string converts (unless `cannot` says the type cannot hold it, in which case
/// it must be refused with a message saying so), writes back as an accepted string, and that
/// string reads back as the same value; each refused string is refused.
fn check_type<T: Native + Clone + PartialEq + Debug>(
    check: fn(&str) -> bool,
    good: &[&str],
    bad: &[&str],
    cannot: fn(&str) -> bool,
) {
    for text in good {
        assert!(
            check(text),
            "the oracle refuses {text:?}: the test's list is wrong"
        );
        match read::<T>(text) {
            Ok(value) => {
                assert!(!cannot(text), "{text:?} was expected not to fit");
                let written = write(&value).unwrap_or_else(|e| panic!("{text:?}: {e}"));
                assert!(check(&written), "{text:?} was written as {written:?}");
                let again: T = read(&written).unwrap();
                assert_eq!(again, value, "{text:?} -> {written:?}");
            }
            Err(error) => {
                assert!(cannot(text), "{text:?}: {error}");
                assert!(error.contains("cannot hold it"), "{text:?}: {error}");
            }
        }
    }
    for text in bad {
        assert!(
            !check(text),
            "the oracle accepts {text:?}: the test's list is wrong"
        );
        let error = read::<T>(text).expect_err(text);
        assert!(error.starts_with("invalid value"), "{text:?}: {error}");
    }
}

fn never(_: &str) -> bool {
    false
}

#[test]
fn chrono_date_times_and_dates() {
    check_type::<ChronoDateTime>(is_date_time, GOOD_DATE_TIMES, BAD_DATE_TIMES, never);
    check_type::<chrono::NaiveDate>(is_date, GOOD_DATES, BAD_DATES, never);
}

#[test]
fn jiff_timestamps_and_dates() {
    check_type::<jiff::Timestamp>(
        is_date_time,
        GOOD_DATE_TIMES,
        BAD_DATE_TIMES,
        after_jiff_range,
    );
    check_type::<jiff::civil::Date>(is_date, GOOD_DATES, BAD_DATES, never);
}

#[test]
fn time_date_times_and_dates() {
    check_type::<time::OffsetDateTime>(is_date_time, GOOD_DATE_TIMES, BAD_DATE_TIMES, never);
    check_type::<time::Date>(is_date, GOOD_DATES, BAD_DATES, never);
}

#[test]
fn uuids() {
    check_type::<uuid::Uuid>(is_uuid, GOOD_UUIDS, BAD_UUIDS, never);
    let upper: uuid::Uuid = read("67E55044-10B1-426F-9247-BB680E5FE0C8").unwrap();
    assert_eq!(
        write(&upper).unwrap(),
        "67e55044-10b1-426f-9247-bb680e5fe0c8"
    );
}

/// Every combination of edge dates, times, fractions and offsets that the check accepts: the
/// only strings a type cannot hold are jiff's after its last instant.
#[test]
fn every_accepted_combination_converts() {
    let dates = [
        "0000-01-01",
        "0000-02-29",
        "0001-01-01",
        "1970-01-01",
        "2024-02-29",
        "2023-02-28",
        "2024-12-31",
        "9999-12-30",
        "9999-12-31",
    ];
    let times = [
        "00:00:00", "00:00:60", "00:01:60", "12:00:00", "21:59:59", "22:00:00", "22:00:01",
        "23:58:60", "23:59:59", "23:59:60",
    ];
    let fractions = [
        "",
        ".0",
        ".5",
        ".999999999",
        ".9999999999999",
        ".000000000001",
    ];
    let offsets = [
        "Z", "z", "+00:00", "-00:00", "+00:01", "-00:01", "+01:00", "-01:00", "+23:59", "-23:59",
        "+00:59", "-00:59",
    ];
    let mut accepted = 0;
    for date in dates {
        for time in times {
            for fraction in fractions {
                for offset in offsets {
                    for t in ["T", "t"] {
                        let text = format!("{date}{t}{time}{fraction}{offset}");
                        if !is_date_time(&text) {
                            continue;
                        }
                        accepted += 1;
                        let good = [text.as_str()];
                        check_type::<ChronoDateTime>(is_date_time, &good, &[], never);
                        check_type::<time::OffsetDateTime>(is_date_time, &good, &[], never);
                        check_type::<jiff::Timestamp>(is_date_time, &good, &[], after_jiff_range);
                    }
                }
            }
        }
    }
    assert!(accepted > 5000, "{accepted}");
}

/// The ends of every month of every year from 0000 to 9999, as the check judges them: each
/// accepted date converts and writes back in every crate, each refused one (the 29th, 30th and
/// 31st that do not exist) is refused.
#[test]
fn every_month_end_of_every_year() {
    let (mut good, mut bad) = (Vec::new(), Vec::new());
    for year in 0..=9999 {
        for month in 1..=12 {
            for day in 28..=32 {
                let text = format!("{year:04}-{month:02}-{day:02}");
                if is_date(&text) {
                    good.push(text);
                } else {
                    bad.push(text);
                }
            }
        }
    }
    // Per year: the 28th to the 30th of eleven months, seven 31sts and 28 February; and
    // 29 February in the 2425 leap years.
    assert_eq!(good.len(), 10_000 * (11 * 3 + 7 + 1) + 2425);
    let good: Vec<&str> = good.iter().map(String::as_str).collect();
    let bad: Vec<&str> = bad.iter().map(String::as_str).collect();
    check_type::<chrono::NaiveDate>(is_date, &good, &bad, never);
    check_type::<jiff::civil::Date>(is_date, &good, &bad, never);
    check_type::<time::Date>(is_date, &good, &bad, never);
}

#[test]
fn jiff_timestamps_before_year_zero_in_utc_are_written_with_an_offset() {
    let value: jiff::Timestamp = read("0000-01-01T00:00:00+01:00").unwrap();
    assert_eq!(write(&value).unwrap(), "0000-01-01T22:59:00+23:59");
    let value: jiff::Timestamp = read("2024-01-01T10:00:00.120+02:00").unwrap();
    assert_eq!(write(&value).unwrap(), "2024-01-01T08:00:00.12Z");
}

#[test]
fn offsets_and_leap_seconds_are_kept_where_the_type_keeps_them() {
    let text = "2024-01-01T01:29:60.25+01:30";
    let value: ChronoDateTime = read(text).unwrap();
    assert_eq!(write(&value).unwrap(), text);
    let value: time::OffsetDateTime = read(text).unwrap();
    assert_eq!(
        write(&value).unwrap(),
        "2024-01-01T01:29:59.999999999+01:30"
    );
    let value: jiff::Timestamp = read(text).unwrap();
    assert_eq!(write(&value).unwrap(), "2023-12-31T23:59:59.25Z");
    let value: ChronoDateTime = read("2024-01-01t10:00:00.1234567891z").unwrap();
    assert_eq!(write(&value).unwrap(), "2024-01-01T10:00:00.123456789Z");
}

#[test]
fn values_the_format_cannot_write_are_serialization_errors() {
    let far = chrono::NaiveDate::from_ymd_opt(10000, 1, 1).unwrap();
    assert!(write(&far).unwrap_err().contains("outside 0000 to 9999"));
    let offset = chrono::FixedOffset::east_opt(30).unwrap();
    let odd = chrono::NaiveDate::from_ymd_opt(2024, 1, 1)
        .unwrap()
        .and_hms_opt(0, 0, 0)
        .unwrap()
        .and_local_timezone(offset)
        .unwrap();
    assert!(write(&odd).unwrap_err().contains("whole minutes"));
    let leap = chrono::NaiveDate::from_ymd_opt(2024, 1, 1)
        .unwrap()
        .and_hms_nano_opt(10, 0, 59, 1_500_000_000)
        .unwrap()
        .and_utc()
        .fixed_offset();
    assert!(write(&leap).unwrap_err().contains("leap second"));
    assert!(write(&jiff::Timestamp::MIN)
        .unwrap_err()
        .contains("outside 0000 to 9999"));
    let early = time::Date::from_calendar_date(-1, time::Month::January, 1).unwrap();
    assert!(write(&early).unwrap_err().contains("outside 0000 to 9999"));
    let seconds =
        time::OffsetDateTime::UNIX_EPOCH.to_offset(time::UtcOffset::from_hms(1, 0, 1).unwrap());
    assert!(write(&seconds).unwrap_err().contains("whole minutes"));
}

#[test]
fn lists_maps_options_and_boxes_read_and_write_each_item() {
    let json = serde_json::json!(["67e55044-10b1-426f-9247-bb680e5fe0c8", null]);
    let value: Vec<Option<uuid::Uuid>> = serde_json::from_value::<Wire<_>>(json.clone())
        .unwrap()
        .into_inner();
    assert_eq!(value[1], None);
    assert_eq!(serde_json::to_value(Wire(value)).unwrap(), json);
    let json = serde_json::json!({"a": "2024-02-29", "b": "0000-01-01"});
    let value: BTreeMap<String, Box<jiff::civil::Date>> =
        serde_json::from_value::<Wire<_>>(json.clone()).unwrap().0;
    assert_eq!(serde_json::to_value(Wire(value)).unwrap(), json);
    let error = serde_json::from_value::<Wire<Vec<time::Date>>>(serde_json::json!(["2024-02-30"]))
        .unwrap_err();
    assert!(
        error.to_string().starts_with(
            "invalid value: string \"2024-02-30\", expected a string of format `date`"
        ),
        "{error}"
    );
    let error =
        serde_json::from_value::<Wire<time::Date>>(serde_json::json!(20240101)).unwrap_err();
    assert!(error.to_string().starts_with("invalid type"), "{error}");
}
