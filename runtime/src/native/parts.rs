//! The parts of date and date-time strings the format checks accepted, and writing parts back.

use std::fmt;

/// The parts of a date-time the check accepted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct DateTimeParts {
    pub(super) year: u16,
    pub(super) month: u8,
    pub(super) day: u8,
    pub(super) hour: u8,
    pub(super) minute: u8,
    /// 0 to 60 (a leap second).
    pub(super) second: u8,
    /// The fraction cut to nanoseconds.
    pub(super) nanosecond: u32,
    /// The offset east of UTC in seconds (a whole number of minutes, below a day).
    pub(super) offset: i32,
}

pub(super) fn digits(bytes: &[u8]) -> u32 {
    bytes
        .iter()
        .fold(0, |n, b| n * 10 + u32::from(b.wrapping_sub(b'0')))
}

/// The parts of a date that [`is_date`](crate::format::is_date) accepted.
pub(super) fn date_parts(text: &str) -> (u16, u8, u8) {
    let b = text.as_bytes();
    // The check took four and two ASCII digits: the casts cannot truncate.
    #[allow(clippy::cast_possible_truncation)]
    (
        digits(&b[0..4]) as u16,
        digits(&b[5..7]) as u8,
        digits(&b[8..10]) as u8,
    )
}

/// The parts of a date-time that [`is_date_time`](crate::format::is_date_time) accepted.
#[allow(clippy::cast_possible_truncation)]
pub(super) fn date_time_parts(text: &str) -> DateTimeParts {
    let b = text.as_bytes();
    let (year, month, day) = date_parts(&text[..10]);
    // `YYYY-MM-DD` `T` `HH:MM:SS`, then a fraction, then the offset.
    let (hour, minute, second) = (
        digits(&b[11..13]) as u8,
        digits(&b[14..16]) as u8,
        digits(&b[17..19]) as u8,
    );
    let mut at = 19;
    let mut nanosecond = 0;
    if b[at] == b'.' {
        at += 1;
        let start = at;
        while b[at].is_ascii_digit() {
            at += 1;
        }
        let fraction = &b[start..at];
        let kept = &fraction[..fraction.len().min(9)];
        nanosecond = digits(kept) * 10u32.pow(9 - kept.len() as u32);
    }
    let offset = match b[at] {
        b'Z' | b'z' => 0,
        sign => {
            let minutes = digits(&b[at + 1..at + 3]) * 60 + digits(&b[at + 4..at + 6]);
            let seconds = (minutes * 60) as i32;
            if sign == b'-' {
                -seconds
            } else {
                seconds
            }
        }
    };
    DateTimeParts {
        year,
        month,
        day,
        hour,
        minute,
        second,
        nanosecond,
        offset,
    }
}

/// Writes a date as `format: date` takes it; `Err` for a year outside `0000` to `9999`.
pub(super) fn write_date(out: &mut String, year: i32, month: u32, day: u32) -> Result<(), String> {
    use fmt::Write as _;
    if !(0..=9999).contains(&year) {
        return Err(format!(
            "the year {year} is outside 0000 to 9999, which RFC 3339 can write"
        ));
    }
    let _ = write!(out, "{year:04}-{month:02}-{day:02}");
    Ok(())
}

/// Writes a date-time as `format: date-time` takes it, and checks it with that check.
#[allow(clippy::too_many_arguments)]
pub(super) fn write_date_time(
    (year, month, day): (i32, u32, u32),
    (hour, minute, second): (u32, u32, u32),
    nanosecond: u32,
    offset: i32,
) -> Result<String, String> {
    use fmt::Write as _;
    let mut out = String::with_capacity(35);
    write_date(&mut out, year, month, day)?;
    let _ = write!(out, "T{hour:02}:{minute:02}:{second:02}");
    if nanosecond > 0 {
        let fraction = format!("{nanosecond:09}");
        out.push('.');
        out.push_str(fraction.trim_end_matches('0'));
    }
    if offset == 0 {
        out.push('Z');
    } else {
        if offset % 60 != 0 || offset.abs() >= 24 * 3600 {
            return Err(format!(
                "the offset of {offset} seconds is not whole minutes within ±23:59, which RFC 3339 can write"
            ));
        }
        let sign = if offset < 0 { '-' } else { '+' };
        let minutes = offset.abs() / 60;
        let _ = write!(out, "{sign}{:02}:{:02}", minutes / 60, minutes % 60);
    }
    if !crate::format::is_date_time(&out) {
        return Err(format!(
            "`{out}` is not a date-time that `format: date-time` accepts (a leap second falls only at 23:59:60 UTC)"
        ));
    }
    Ok(out)
}
