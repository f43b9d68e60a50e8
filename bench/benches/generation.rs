//! Generation: modelgen's `Config::check` (pages to Rust and schemas, in memory) per corpus
//! folder, on all eight folders in a row, and on the synthetic 5,000-page spec; against
//!
//! - the floor: reading the same pages and parsing their Markdown (`read::read_page`);
//! - typify generating Rust from the same models' published JSON Schemas (the bundle, with its
//!   references made local, since typify follows no other; see `local_refs`).
//!
//! `MODELGEN_BENCH_SPECS=dub-php,synthetic-5000` narrows the specs.

use std::time::Duration;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, SamplingMode};
use modelgen_bench as bench;

fn generation(c: &mut Criterion) {
    let names = bench::spec_names();
    let scratch = std::env::temp_dir().join(format!("modelgen-bench-{}", std::process::id()));
    let mut group = c.benchmark_group("generation");
    group
        .sampling_mode(SamplingMode::Flat)
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3));
    let mut corpus_bundles = Vec::new();
    for &name in &names {
        let dir = bench::spec_dir(name);
        group.bench_with_input(BenchmarkId::new("floor", name), &dir, |b, dir| {
            b.iter(|| bench::read_and_parse(dir))
        });
        group.bench_with_input(BenchmarkId::new("modelgen", name), &dir, |b, dir| {
            b.iter(|| bench::generate(dir))
        });
        let schemas = bench::publish_schemas(&dir, &scratch.join(name));
        match bench::catch(|| bench::typify_rust(&schemas.bundle_local_refs)) {
            Ok(_) => {
                if name != bench::SYNTHETIC {
                    corpus_bundles.push(schemas.bundle_local_refs.clone());
                }
                group.bench_with_input(
                    BenchmarkId::new("typify", name),
                    &schemas.bundle_local_refs,
                    |b, text| b.iter(|| bench::typify_rust(text)),
                );
            }
            Err(error) => eprintln!("typify cannot read {name}: {}", bench::one_line(&error)),
        }
    }
    let corpus: Vec<_> = names
        .iter()
        .filter(|n| **n != bench::SYNTHETIC)
        .map(|n| bench::spec_dir(n))
        .collect();
    if corpus.len() == bench::CORPUS_FOLDERS.len() {
        group.bench_function(BenchmarkId::new("floor", "corpus-all"), |b| {
            b.iter(|| {
                corpus
                    .iter()
                    .map(|d| bench::read_and_parse(d))
                    .sum::<usize>()
            })
        });
        group.bench_function(BenchmarkId::new("modelgen", "corpus-all"), |b| {
            b.iter(|| corpus.iter().map(|d| bench::generate(d)).sum::<usize>())
        });
        if corpus_bundles.len() == corpus.len() {
            group.bench_function(BenchmarkId::new("typify", "corpus-all"), |b| {
                b.iter(|| {
                    corpus_bundles
                        .iter()
                        .map(|text| bench::typify_rust(text).map_or(0, |rust| rust.len()))
                        .sum::<usize>()
                })
            });
        }
    }
    group.finish();
    let _ = std::fs::remove_dir_all(&scratch);
}

criterion_group!(benches, generation);
criterion_main!(benches);
