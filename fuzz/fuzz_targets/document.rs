//! Arbitrary bytes as a JSON document read by a generated model (see `modelgen_fuzz::documents`).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| modelgen_fuzz::documents::document(data));
