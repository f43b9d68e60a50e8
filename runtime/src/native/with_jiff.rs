//! [`Native`](super::Native) for the `jiff` crate's types.

use jiff::civil::{Date, DateTime};
use jiff::tz::Offset;
use jiff::Timestamp;

use super::leaf::Leaf;
use super::parts::{date_parts, date_time_parts, write_date, write_date_time};
use crate::format::{is_date, is_date_time};

/// The offset a timestamp before year 0 in UTC is written with.
const EARLY_OFFSET: i32 = 23 * 3600 + 59 * 60;

impl Leaf for Timestamp {
    const FORMAT: &'static str = "date-time";
    const TYPE: &'static str = "jiff::Timestamp";

    fn check(text: &str) -> bool {
        is_date_time(text)
    }

    #[allow(clippy::cast_possible_wrap)]
    fn from_accepted(text: &str) -> Result<Self, String> {
        let p = date_time_parts(text);
        let cannot = |error: jiff::Error| {
            format!(
                "`{text}` is a date-time, but {} cannot hold it: {error}",
                Self::TYPE
            )
        };
        // jiff reads a leap second as second 59, as its own parser does.
        let local = DateTime::new(
            p.year as i16,
            p.month as i8,
            p.day as i8,
            p.hour as i8,
            p.minute as i8,
            p.second.min(59) as i8,
            p.nanosecond as i32,
        )
        .map_err(cannot)?;
        let offset = Offset::from_seconds(p.offset).map_err(cannot)?;
        offset.to_timestamp(local).map_err(cannot)
    }

    fn to_text(&self) -> Result<String, String> {
        let mut offset = 0;
        let mut local = Offset::UTC.to_datetime(*self);
        if local.year() < 0 {
            offset = EARLY_OFFSET;
            local = Offset::from_seconds(offset)
                .map_err(|error| error.to_string())?
                .to_datetime(*self);
        }
        #[allow(clippy::cast_sign_loss)]
        write_date_time(
            (
                i32::from(local.year()),
                local.month() as u32,
                local.day() as u32,
            ),
            (
                local.hour() as u32,
                local.minute() as u32,
                local.second() as u32,
            ),
            local.subsec_nanosecond() as u32,
            offset,
        )
    }
}

impl Leaf for Date {
    const FORMAT: &'static str = "date";
    const TYPE: &'static str = "jiff::civil::Date";

    fn check(text: &str) -> bool {
        is_date(text)
    }

    #[allow(clippy::cast_possible_wrap)]
    fn from_accepted(text: &str) -> Result<Self, String> {
        let (year, month, day) = date_parts(text);
        Date::new(year as i16, month as i8, day as i8).map_err(|error| {
            format!(
                "`{text}` is a date, but {} cannot hold it: {error}",
                Self::TYPE
            )
        })
    }

    #[allow(clippy::cast_sign_loss)]
    fn to_text(&self) -> Result<String, String> {
        let mut out = String::with_capacity(10);
        write_date(
            &mut out,
            i32::from(self.year()),
            self.month() as u32,
            self.day() as u32,
        )?;
        Ok(out)
    }
}

native_leaf!(Timestamp, Date);
