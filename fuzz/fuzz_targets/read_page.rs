//! Arbitrary bytes as model pages: read, resolve, emit and render, writing nothing.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| modelgen_fuzz::pipeline(data));
