//! Arbitrary text as one Type cell.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| modelgen_fuzz::type_cell(data));
