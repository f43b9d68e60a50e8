//! Parse and validate: JSON text into the generated types with validation
//! (`Model::from_json`), against
//!
//! - the floor: `serde_json::from_str` into the same types, without validation;
//! - the jsonschema crate: parsing the text to a `serde_json::Value` and validating it against
//!   the model's published schema with a validator built beforehand.
//!
//! Documents: the seed model's example (`V3TokenRequest`), a `Customer` with lists and nesting,
//! and a 1 MB `CustomerList`.

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use modelgen_bench::{documents, parsing};

fn parse_validate(c: &mut Criterion) {
    let mut group = c.benchmark_group("parse_validate");
    group
        .sample_size(30)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3));
    for (name, model, text) in documents::all() {
        let validator = parsing::validator(model);
        // Every method must accept the document, or the figures compare different work.
        assert!(
            parsing::serde_only(model, &text),
            "serde_json rejects {name}"
        );
        assert!(parsing::from_json(model, &text), "from_json rejects {name}");
        assert!(
            parsing::jsonschema(&validator, &text),
            "jsonschema rejects {name}"
        );
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::new("serde_json", name), &text, |b, text| {
            b.iter(|| parsing::serde_only(model, black_box(text)))
        });
        group.bench_with_input(BenchmarkId::new("from_json", name), &text, |b, text| {
            b.iter(|| parsing::from_json(model, black_box(text)))
        });
        group.bench_with_input(BenchmarkId::new("jsonschema", name), &text, |b, text| {
            b.iter(|| parsing::jsonschema(&validator, black_box(text)))
        });
    }
    group.finish();
}

criterion_group!(benches, parse_validate);
criterion_main!(benches);
