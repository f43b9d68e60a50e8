//! Deterministic JSON test documents for a model: valid instances and near-misses.
//!
//! The agreement tests feed these documents both to the generated Rust validation and to the
//! `jsonschema` crate with the published schema, and compare the verdicts. About a third of
//! the documents are valid instances; the rest are near-misses (a valid instance with exactly
//! one thing broken: a required property removed, a wrong JSON type, a length one past its
//! bound, a string that breaks its format, ...) and a few valid edge cases (an integer written
//! as `1.0`, an unknown property, a value exactly at an inclusive bound, ...).
//!
//! "Valid" means valid against the published JSON Schema (draft 2020-12, with `format`
//! asserted). The generator checks every document with a small built-in validator of the
//! model IR, so a near-miss breaks exactly one keyword at one place and a valid document
//! breaks none. Patterns are matched by the generated code's own matcher
//! ([`modelgen_runtime::Pattern`], the regular expression crates `jsonschema` uses), and strings
//! that match them are built with `rand_regex`; where the matcher gives up on a string (the
//! backtracking limit of a pattern with lookaround or backreferences) the document is labelled
//! `uncertain`.
//!
//! The same model, count and seed always give the same documents.

pub mod agreement;
pub mod one_resource;

mod checker;
mod formats;
mod generate;
mod json;
mod numbers;
mod patterns;
mod rng;

use serde_json::Value;

use modelgen::ir::{ModelId, ModelSet};

use generate::generate;

/// One generated document and what was done to it.
#[derive(Debug, Clone, PartialEq)]
pub struct Sample {
    /// The JSON document.
    pub document: Value,
    /// What the document is and what was done to it. It starts with one of
    /// `valid: ` (a valid instance), `valid (edge case): ` (valid, but unusual: an integer
    /// written as `1.0`, an unknown property, a value exactly at a bound, ...),
    /// `invalid: ` (a near-miss, e.g. `invalid: /grantType removed (required)`) or
    /// `uncertain: ` (a pattern could not be evaluated). JSON Pointers in the text are the
    /// places that were changed.
    pub description: String,
}

impl Sample {
    /// Whether the published schema accepts the document: `Some(true)` for `valid` and
    /// `valid (edge case)` samples, `Some(false)` for `invalid` ones, `None` when uncertain.
    pub fn expected_valid(&self) -> Option<bool> {
        if self.description.starts_with("valid") {
            Some(true)
        } else if self.description.starts_with("invalid") {
            Some(false)
        } else {
            None
        }
    }

    /// Whether this is a valid edge case: accepted by JSON Schema, but unusual enough that a
    /// stricter reader may refuse it (for example `1.0` where an integer is expected).
    pub fn is_edge_case(&self) -> bool {
        self.description.starts_with(EDGE)
    }
}

/// `count` documents for model `id`: about a third valid instances, the rest near-misses.
///
/// Every third document (the first, the fourth, ...) is a valid instance; the first is the
/// model's example when it has a valid one. The others are near-misses and valid edge cases,
/// chosen so that every kind of change shows up before any repeats. An `id` outside `models`
/// gives no documents. The output depends only on the arguments.
pub fn samples(models: &ModelSet, id: ModelId, count: usize, seed: u64) -> Vec<Sample> {
    generate(models, id, count, seed)
        .into_iter()
        .map(|(sample, _)| sample)
        .collect()
}

const VALID: &str = "valid: ";
const EDGE: &str = "valid (edge case): ";
const INVALID: &str = "invalid: ";
const UNCERTAIN: &str = "uncertain: ";
