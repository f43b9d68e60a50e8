//! [`Native`](super::Native) for the `uuid` crate's types.

use uuid::Uuid;

use super::leaf::Leaf;
use crate::format::is_uuid;

impl Leaf for Uuid {
    const FORMAT: &'static str = "uuid";
    const TYPE: &'static str = "uuid::Uuid";

    fn check(text: &str) -> bool {
        is_uuid(text)
    }

    fn from_accepted(text: &str) -> Result<Self, String> {
        Uuid::try_parse(text).map_err(|error| {
            format!(
                "`{text}` is a uuid, but {} cannot hold it: {error}",
                Self::TYPE
            )
        })
    }

    fn to_text(&self) -> Result<String, String> {
        Ok(self.hyphenated().to_string())
    }
}

native_leaf!(Uuid);
