//! Stage three: the model IR into the outputs, one module per output.
//!
//! - [`rust`]: the Rust source file, built as `proc-macro2` tokens with `quote`: a type per
//!   model with its serde impls, doc comments, `example()` and `schemars::JsonSchema`, the
//!   `validate_json` dispatch and the support module the generated models share.
//! - `validate` (private): each model's `Validate` and `Model` impls and `from_json`, called
//!   by [`rust`] for every model.
//! - [`schema`]: the JSON Schemas, one document per model and the bundle.
//! - [`diagram`]: the Mermaid class diagram published as `MODELS.md`.
//!
//! and the modules they are written with:
//!
//! - `context` (private): what the Rust and validation emitters share: the `Context` every
//!   model's items are written with, the Rust type of an IR type and the path from one
//!   generated module to a model.
//! - [`layout`]: which references between generated types go through a `Box`.
//! - `json_tree` (private): the JSON trees the schemas are built as, which the Rust emitter's
//!   schemars bodies serialize too.
//! - `tokens` (private): the `proc-macro2` pieces the Rust emitters build their output from
//!   (identifiers, literals, doc attributes).
//! - [`printing`]: printing the Rust file: each model's items formatted on their own, in
//!   parallel, through the format cache a build script keeps; the `pub mod` lines around them.
//! - `native` (private): which fields hold a format's strings in a native Rust type
//!   (`Config::native_format`), and what the two emitters write for them.
//!
//! Dependencies run one way, with no cycle: `rust` imports `validate`, `context`, `schema`,
//! `json_tree`, `tokens`, `layout`, `native` and `printing`; `validate` imports `context`,
//! `tokens` and `native` (never `rust`); `schema` imports `json_tree`; `context` and `native`
//! import `tokens`; `diagram`, `layout`, `json_tree`, `printing` and `tokens` import no other
//! module here. The test `emit_modules_import_without_cycles` (in
//! `codegen/tests/emit_layering.rs`) checks this.

mod context;
pub mod diagram;
mod json_tree;
pub mod layout;
mod native;
pub mod printing;
pub mod rust;
pub mod schema;
mod tokens;
mod validate;
