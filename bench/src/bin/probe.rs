//! Runs one benchmarked operation once (or N times), for instruction counts under
//! `valgrind --tool=callgrind --toggle-collect='*bench_measured_region*'` (which counts only
//! the operation, not the process start or the input preparation) and for peak memory under
//! `/usr/bin/time -v`. `scripts/bench.sh` drives it.
//!
//! ```text
//! probe floor DIR                     read and Markdown-parse every page of DIR
//! probe check DIR                     modelgen's Config::check on DIR (Rust and schemas in memory)
//! probe typify SCHEMAS                typify on SCHEMAS/bundle.schema.json (references made local first)
//! probe typify-rust SCHEMAS OUT.rs    write typify's Rust for SCHEMAS to OUT.rs
//! probe readability NAME SCHEMAS      a Markdown list of what typify rejects among SCHEMAS
//! probe parse METHOD DOC N            parse document DOC N times with METHOD
//!                                     (from_json | serde | jsonschema; DOC: token-request |
//!                                     customer | customer-list-1mb)
//! probe documents                     print each document's name, model and size
//! ```

use std::hint::black_box;
use std::path::PathBuf;
use std::process::ExitCode;

use modelgen_bench as bench;

/// The region callgrind counts: everything `f` does, and nothing else.
#[inline(never)]
fn bench_measured_region<T>(f: impl FnOnce() -> T) -> T {
    black_box(f())
}

fn arg(args: &[String], index: usize, what: &str) -> Result<String, String> {
    args.get(index)
        .cloned()
        .ok_or_else(|| format!("missing {what}; see the usage in bench/src/bin/probe.rs"))
}

fn run(args: &[String]) -> Result<(), String> {
    let command = arg(args, 0, "a command")?;
    match command.as_str() {
        "floor" => {
            let dir = PathBuf::from(arg(args, 1, "DIR")?);
            let pages = bench_measured_region(|| bench::read_and_parse(&dir));
            eprintln!("floor: {pages} pages");
        }
        "check" => {
            let dir = PathBuf::from(arg(args, 1, "DIR")?);
            let bytes = bench_measured_region(|| bench::generate(&dir));
            eprintln!("check: {bytes} bytes of Rust and schemas");
        }
        "typify" => {
            let schemas = bench::read_published(&PathBuf::from(arg(args, 1, "SCHEMAS")?));
            let text = schemas.bundle_local_refs;
            let rust = bench_measured_region(|| bench::typify_rust(&text))?;
            eprintln!("typify: {} bytes of Rust", rust.len());
        }
        "typify-rust" => {
            let schemas = bench::read_published(&PathBuf::from(arg(args, 1, "SCHEMAS")?));
            let out = PathBuf::from(arg(args, 2, "OUT.rs")?);
            let rust = bench::typify_rust(&schemas.bundle_local_refs)?;
            std::fs::write(&out, rust).map_err(|e| format!("{}: {e}", out.display()))?;
        }
        "readability" => {
            let name = arg(args, 1, "NAME")?;
            let schemas = bench::read_published(&PathBuf::from(arg(args, 2, "SCHEMAS")?));
            let readability = bench::typify_readability(&schemas);
            print!("{}", bench::readability_markdown(&name, &readability));
        }
        "parse" => {
            let method = arg(args, 1, "METHOD")?;
            let doc = arg(args, 2, "DOC")?;
            let count: usize = arg(args, 3, "N")?.parse().map_err(|e| format!("N: {e}"))?;
            let (_, model, text) = bench::documents::all()
                .into_iter()
                .find(|(name, _, _)| *name == doc)
                .ok_or_else(|| format!("no document {doc}"))?;
            // One call before the measured region: what happens once per process (compiling
            // a pattern on first use, the allocator's first growth) is not per-document cost.
            let warm = match method.as_str() {
                "from_json" => bench::parsing::from_json(model, &text),
                "serde" => bench::parsing::serde_only(model, &text),
                _ => true,
            };
            if !warm {
                return Err(format!("{method} rejected {doc}"));
            }
            let accepted = match method.as_str() {
                "from_json" => bench_measured_region(|| {
                    (0..count).all(|_| bench::parsing::from_json(model, black_box(&text)))
                }),
                "serde" => bench_measured_region(|| {
                    (0..count).all(|_| bench::parsing::serde_only(model, black_box(&text)))
                }),
                "jsonschema" => {
                    let validator = bench::parsing::validator(model);
                    if !bench::parsing::jsonschema(&validator, &text) {
                        return Err(format!("{method} rejected {doc}"));
                    }
                    bench_measured_region(|| {
                        (0..count).all(|_| bench::parsing::jsonschema(&validator, black_box(&text)))
                    })
                }
                other => return Err(format!("no method {other}")),
            };
            if !accepted {
                return Err(format!("{method} rejected {doc}"));
            }
        }
        "documents" => {
            for (name, model, text) in bench::documents::all() {
                println!("{name}\t{model}\t{}", text.len());
            }
        }
        other => return Err(format!("no command {other}")),
    }
    Ok(())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("probe: {message}");
            ExitCode::FAILURE
        }
    }
}
