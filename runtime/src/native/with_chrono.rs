//! [`Native`](super::Native) for the `chrono` crate's types.

use chrono::{DateTime, Datelike as _, FixedOffset, NaiveDate, Timelike as _};

use super::leaf::Leaf;
use super::parts::{date_parts, date_time_parts, write_date, write_date_time};
use crate::format::{is_date, is_date_time};

impl Leaf for DateTime<FixedOffset> {
    const FORMAT: &'static str = "date-time";
    const TYPE: &'static str = "chrono::DateTime<FixedOffset>";

    fn check(text: &str) -> bool {
        is_date_time(text)
    }

    fn from_accepted(text: &str) -> Result<Self, String> {
        let p = date_time_parts(text);
        let cannot = || format!("`{text}` is a date-time, but {} cannot hold it", Self::TYPE);
        let date = NaiveDate::from_ymd_opt(i32::from(p.year), u32::from(p.month), u32::from(p.day))
            .ok_or_else(cannot)?;
        // chrono holds a leap second as second 59 with a nanosecond of 1e9 or more.
        let (second, nanosecond) = if p.second == 60 {
            (59, 1_000_000_000 + p.nanosecond)
        } else {
            (u32::from(p.second), p.nanosecond)
        };
        let local = date
            .and_hms_nano_opt(u32::from(p.hour), u32::from(p.minute), second, nanosecond)
            .ok_or_else(cannot)?;
        let offset = FixedOffset::east_opt(p.offset).ok_or_else(cannot)?;
        local.and_local_timezone(offset).single().ok_or_else(cannot)
    }

    fn to_text(&self) -> Result<String, String> {
        let local = self.naive_local();
        let (second, nanosecond) = if local.nanosecond() >= 1_000_000_000 {
            (60, local.nanosecond() - 1_000_000_000)
        } else {
            (local.second(), local.nanosecond())
        };
        write_date_time(
            (local.year(), local.month(), local.day()),
            (local.hour(), local.minute(), second),
            nanosecond,
            self.offset().local_minus_utc(),
        )
    }
}

impl Leaf for NaiveDate {
    const FORMAT: &'static str = "date";
    const TYPE: &'static str = "chrono::NaiveDate";

    fn check(text: &str) -> bool {
        is_date(text)
    }

    fn from_accepted(text: &str) -> Result<Self, String> {
        let (year, month, day) = date_parts(text);
        NaiveDate::from_ymd_opt(i32::from(year), u32::from(month), u32::from(day))
            .ok_or_else(|| format!("`{text}` is a date, but {} cannot hold it", Self::TYPE))
    }

    fn to_text(&self) -> Result<String, String> {
        let mut out = String::with_capacity(10);
        write_date(&mut out, self.year(), self.month(), self.day())?;
        Ok(out)
    }
}

native_leaf!(DateTime<FixedOffset>, NaiveDate);
