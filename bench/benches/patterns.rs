//! Adversarial patterns: each pattern of `modelgen_bench::adversarial::CASES` against strings
//! of 32, 1,000 and 100,000 characters built to fail late, matched by the runtime's `Pattern`
//! (what the generated `pattern` checks call) and by the jsonschema crate (`is_valid` of a
//! `{"type": "string", "pattern": …}` schema) on the same strings. The time per character
//! shows whether matching is linear.
//!
//! Run alone: `cargo bench -p modelgen-bench --bench patterns -- --noplot`.

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use modelgen_bench::adversarial::{self, CASES, LENGTHS};
use modelgen_runtime::Pattern;

fn adversarial_patterns(c: &mut Criterion) {
    let mut group = c.benchmark_group("adversarial_patterns");
    group
        .sample_size(20)
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_secs(1));
    for case in &CASES {
        let ours = Pattern::new(case.pattern).expect("compiles");
        let theirs = adversarial::validator(case.pattern);
        for length in LENGTHS {
            let subject = (case.subject)(length);
            let value = adversarial::value(&subject);
            // Both must decide, and alike, or the figures compare different work.
            let verdict = ours.is_match(&subject).expect("decided");
            assert_eq!(verdict, theirs.is_valid(&value), "{} on {length}", case.id);
            group.throughput(Throughput::Elements(length as u64));
            group.bench_with_input(
                BenchmarkId::new(format!("modelgen-{}", case.id), length),
                &subject,
                |b, subject| b.iter(|| ours.is_match(black_box(subject))),
            );
            group.bench_with_input(
                BenchmarkId::new(format!("jsonschema-{}", case.id), length),
                &value,
                |b, value| b.iter(|| theirs.is_valid(black_box(value))),
            );
        }
    }
    group.finish();
}

criterion_group!(benches, adversarial_patterns);
criterion_main!(benches);
