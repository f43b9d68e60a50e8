//! [`Native`](super::Native) for the `time` crate's types.

use time::{Date, Month, OffsetDateTime, PrimitiveDateTime, Time, UtcOffset};

use super::leaf::Leaf;
use super::parts::{date_parts, date_time_parts, write_date, write_date_time};
use crate::format::{is_date, is_date_time};

fn date(text: &str, year: u16, month: u8, day: u8, what: &str) -> Result<Date, String> {
    let cannot = |error: time::error::ComponentRange| {
        format!("`{text}` is a {what}, but the `time` crate cannot hold it: {error}")
    };
    let month = Month::try_from(month).map_err(cannot)?;
    Date::from_calendar_date(i32::from(year), month, day).map_err(cannot)
}

impl Leaf for OffsetDateTime {
    const FORMAT: &'static str = "date-time";
    const TYPE: &'static str = "time::OffsetDateTime";

    fn check(text: &str) -> bool {
        is_date_time(text)
    }

    #[allow(clippy::cast_possible_truncation)]
    fn from_accepted(text: &str) -> Result<Self, String> {
        let p = date_time_parts(text);
        let cannot = |error: time::error::ComponentRange| {
            format!(
                "`{text}` is a date-time, but {} cannot hold it: {error}",
                Self::TYPE
            )
        };
        let day = date(text, p.year, p.month, p.day, "date-time")?;
        // time reads a leap second as 59.999999999, as its own parser does.
        let (second, nanosecond) = if p.second == 60 {
            (59, 999_999_999)
        } else {
            (p.second, p.nanosecond)
        };
        let at = Time::from_hms_nano(p.hour, p.minute, second, nanosecond).map_err(cannot)?;
        let minutes = p.offset / 60;
        let offset =
            UtcOffset::from_hms((minutes / 60) as i8, (minutes % 60) as i8, 0).map_err(cannot)?;
        Ok(PrimitiveDateTime::new(day, at).assume_offset(offset))
    }

    #[allow(clippy::cast_sign_loss)]
    fn to_text(&self) -> Result<String, String> {
        write_date_time(
            (
                self.year(),
                u32::from(u8::from(self.month())),
                u32::from(self.day()),
            ),
            (
                u32::from(self.hour()),
                u32::from(self.minute()),
                u32::from(self.second()),
            ),
            self.nanosecond(),
            self.offset().whole_seconds(),
        )
    }
}

impl Leaf for Date {
    const FORMAT: &'static str = "date";
    const TYPE: &'static str = "time::Date";

    fn check(text: &str) -> bool {
        is_date(text)
    }

    fn from_accepted(text: &str) -> Result<Self, String> {
        let (year, month, day) = date_parts(text);
        date(text, year, month, day, "date")
    }

    fn to_text(&self) -> Result<String, String> {
        let mut out = String::with_capacity(10);
        write_date(
            &mut out,
            self.year(),
            u32::from(u8::from(self.month())),
            u32::from(self.day()),
        )?;
        Ok(out)
    }
}

native_leaf!(OffsetDateTime, Date);
