//! Checks for the `format` keyword.
//!
//! Each function answers exactly as the `jsonschema` crate (0.61.2) answers for the format of the
//! same name under draft 2020-12 with format assertions on (`validate_formats(true)`), edge cases
//! included, rather than as the RFCs alone would: for instance `date-time` takes a lowercase `t`
//! and `z` and a leap second only where it falls at 23:59:60 UTC, `ipv4` turns down leading
//! zeros, `ipv6` turns down zone ids, `email` takes a display name form (`Name <a@example.com>`)
//! and bracketed IP literals, `uri` needs a scheme, and `uuid` takes either case but only the
//! hyphenated form.
//!
//! Where `jsonschema` relies on a crate, so does this module, at the same version: `email`
//! parses with `email_address`, `uri` and `uri-reference` with `fluent-uri`, `uuid` with
//! `uuid-simd`, `ipv4` and `ipv6` with the standard library. `date`, `time`, `date-time` and
//! `hostname` are `jsonschema`'s own code, which it does not expose; they are copied here.

mod email;
mod hostname;

use std::net::{Ipv4Addr, Ipv6Addr};
use std::str::FromStr;

/// `format: date`: a full-date of RFC 3339, `YYYY-MM-DD`, with the day within its month
/// (29 February only in leap years).
///
/// A copy of `jsonschema`'s `is_valid_date`, as are [`is_time`] and [`is_date_time`]: no crate
/// exposes its reading (a date-time crate such as `time` or `chrono` takes other forms).
#[must_use]
pub fn is_date(s: &str) -> bool {
    let bytes = s.as_bytes();
    if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return false;
    }
    let Some(year) = parse_four_digits(&bytes[0..4]) else {
        return false;
    };
    let Some(month) = parse_two_digits(&bytes[5..7]) else {
        return false;
    };
    if !(1..=12).contains(&month) {
        return false;
    }
    let Some(day) = parse_two_digits(&bytes[8..10]) else {
        return false;
    };
    if day == 0 {
        return false;
    }
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => day <= 31,
        4 | 6 | 9 | 11 => day <= 30,
        _ => {
            if is_leap_year(year) {
                day <= 29
            } else {
                day <= 28
            }
        }
    }
}

fn is_leap_year(year: u16) -> bool {
    (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400)
}

/// Four ASCII digits as a number; the same test for digits as `jsonschema`'s.
fn parse_four_digits(bytes: &[u8]) -> Option<u16> {
    let value = u32::from_le_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]);
    let sub = value.wrapping_sub(0x3030_3030);
    if (sub | sub.wrapping_add(0x0606_0606)) & 0xF0F0_F0F0 != 0 {
        return None;
    }
    let val = (sub & 0x0F0F_0F0F).wrapping_mul(2561) >> 8;
    u16::try_from((val & 0x00FF_00FF).wrapping_mul(6_553_601) >> 16).ok()
}

/// Two ASCII digits as a number.
fn parse_two_digits(bytes: &[u8]) -> Option<u8> {
    let value = u16::from_le_bytes([bytes[0], bytes[1]]);
    let sub = value.wrapping_sub(0x3030);
    if (sub | sub.wrapping_add(0x0606)) & 0xF0F0 != 0 {
        return None;
    }
    u8::try_from((sub & 0x0F0F).wrapping_mul(2561) >> 8).ok()
}

/// `format: time`: a full-time of RFC 3339, `HH:MM:SS[.fraction]` then `Z`, `z` or `±HH:MM`.
///
/// A leap second (`:60`) is taken only where it falls on 23:59 UTC once the offset is applied.
#[must_use]
pub fn is_time(s: &str) -> bool {
    let bytes = s.as_bytes();
    let len = bytes.len();
    if len < 9 || bytes[2] != b':' || bytes[5] != b':' {
        return false;
    }
    let Some(hour) = parse_two_digits(&bytes[..2]) else {
        return false;
    };
    let Some(minute) = parse_two_digits(&bytes[3..5]) else {
        return false;
    };
    let Some(second) = parse_two_digits(&bytes[6..8]) else {
        return false;
    };
    if hour > 23 || minute > 59 || second > 60 {
        return false;
    }
    let mut i = 8;
    if i < len && bytes[i] == b'.' {
        i += 1;
        let start = i;
        while i < len && bytes[i].is_ascii_digit() {
            i += 1;
        }
        if i == start {
            return false;
        }
    }
    if i == len {
        return false;
    }
    match bytes[i] {
        b'Z' | b'z' => i == len - 1 && (second != 60 || (hour == 23 && minute == 59)),
        sign @ (b'+' | b'-') => {
            if len - i != 6 {
                return false;
            }
            i += 1;
            if bytes[i + 2] != b':' {
                return false;
            }
            let Some(offset_hour) = parse_two_digits(&bytes[i..i + 2]) else {
                return false;
            };
            let Some(offset_minute) = parse_two_digits(&bytes[i + 3..i + 5]) else {
                return false;
            };
            if offset_hour > 23 || offset_minute > 59 {
                return false;
            }
            if second != 60 {
                return true;
            }
            // Back to UTC: a `+` offset is subtracted, a `-` offset added.
            let (offset_hour, offset_minute) = (i16::from(offset_hour), i16::from(offset_minute));
            let (mut utc_hour, mut utc_minute) = if sign == b'+' {
                (
                    i16::from(hour) - offset_hour,
                    i16::from(minute) - offset_minute,
                )
            } else {
                (
                    i16::from(hour) + offset_hour,
                    i16::from(minute) + offset_minute,
                )
            };
            utc_hour += utc_minute / 60;
            utc_minute %= 60;
            if utc_minute < 0 {
                utc_minute += 60;
                utc_hour -= 1;
            }
            utc_hour = (utc_hour + 24) % 24;
            utc_hour == 23 && utc_minute == 59
        }
        _ => false,
    }
}

/// `format: date-time`: an RFC 3339 date-time, a [date](is_date), `T` or `t`, and a
/// [time](is_time).
#[must_use]
pub fn is_date_time(s: &str) -> bool {
    let Some(t) = s.bytes().position(|b| b == b'T' || b == b't') else {
        return false;
    };
    let (date, time) = s.split_at(t);
    is_date(date) && is_time(&time[1..])
}

/// `format: ipv4`: four decimal octets as Rust's [`Ipv4Addr`] parses them (no leading zeros,
/// no shorthand forms).
#[must_use]
pub fn is_ipv4(s: &str) -> bool {
    Ipv4Addr::from_str(s).is_ok()
}

/// `format: ipv6`: an RFC 4291 text address as Rust's [`Ipv6Addr`] parses it (with `::` and an
/// embedded IPv4 tail, without zone ids or brackets).
#[must_use]
pub fn is_ipv6(s: &str) -> bool {
    Ipv6Addr::from_str(s).is_ok()
}

/// `format: uuid`: 36 characters, hexadecimal digits of either case with hyphens at positions 8,
/// 13, 18 and 23 (no braces, no `urn:uuid:` prefix, any version and variant), as `uuid-simd`'s
/// `parse_hyphenated` reads it.
#[must_use]
pub fn is_uuid(s: &str) -> bool {
    let mut out = [0; 16];
    uuid_simd::parse_hyphenated(s.as_bytes(), uuid_simd::Out::from_mut(&mut out)).is_ok()
}

/// `format: uri`: an absolute RFC 3986 URI, which needs a scheme (`urn:isbn:0451450523`,
/// `http://[::1]:80/a?b#c`); ASCII only, with sound percent-encodings, as `fluent-uri` parses it.
#[must_use]
pub fn is_uri(s: &str) -> bool {
    fluent_uri::Uri::parse(s).is_ok()
}

/// `format: uri-reference`: an RFC 3986 URI or relative reference (`../a`, `#frag`, `""`), as
/// `fluent-uri` parses it.
#[must_use]
pub fn is_uri_reference(s: &str) -> bool {
    fluent_uri::UriRef::parse(s).is_ok()
}

pub use email::is_email;
pub use hostname::is_hostname;
