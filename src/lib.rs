//! The models of `spec/`, generated from its Markdown model pages on every build.
//!
//! Each page becomes a type here and a JSON Schema in `generated/`.

include!(concat!(env!("OUT_DIR"), "/models.rs"));
