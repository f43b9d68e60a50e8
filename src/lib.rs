//! The models of `spec/`, generated from its Markdown model pages on every build.
//!
//! Each page becomes a type here and a JSON Schema in `generated/`. The generated code is
//! held to `#![deny(warnings)]` and `missing_docs`, so a page that would produce code with a
//! warning fails this crate's build.

#![deny(warnings, missing_docs)]

include!(concat!(env!("OUT_DIR"), "/models.rs"));
