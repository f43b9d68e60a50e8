//! Runs a fuzz target's code on saved inputs with a plain (stable, uninstrumented) build, for
//! reproducing a crash the way a build script would meet it.
//!
//! ```text
//! replay read_page|type_cell|document FILE...
//! ```
//!
//! Prints each file's outcome and time, and exits non-zero when any input panicked. A stack
//! overflow aborts the process, as it would in a build script.

use std::panic::{self, AssertUnwindSafe};
use std::process::ExitCode;
use std::time::Instant;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let target: fn(&[u8]) = match args.next().as_deref() {
        Some("read_page") => modelgen_fuzz::pipeline,
        Some("type_cell") => modelgen_fuzz::type_cell,
        Some("document") => modelgen_fuzz::documents::document,
        _ => {
            eprintln!("usage: replay read_page|type_cell|document FILE...");
            return ExitCode::from(2);
        }
    };
    let mut failed = false;
    for path in args {
        let data = match std::fs::read(&path) {
            Ok(data) => data,
            Err(error) => {
                eprintln!("{path}: {error}");
                failed = true;
                continue;
            }
        };
        let started = Instant::now();
        let outcome = panic::catch_unwind(AssertUnwindSafe(|| target(&data)));
        let took = started.elapsed();
        match outcome {
            Ok(()) => println!("{path}: ok in {took:.1?}"),
            Err(_) => {
                println!("{path}: PANICKED after {took:.1?}");
                failed = true;
            }
        }
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
