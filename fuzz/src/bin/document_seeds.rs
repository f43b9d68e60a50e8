//! Writes the seed corpus of the `document` target (`modelgen_fuzz::documents::seeds`).
//!
//! ```text
//! document_seeds OUT
//! ```
//!
//! Files are named by a hash of their contents, so running it twice adds nothing. Seeds are
//! made at run time and never committed.

use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(out) = std::env::args_os().nth(1).map(PathBuf::from) else {
        eprintln!("usage: document_seeds OUT");
        return ExitCode::from(2);
    };
    let seeds = modelgen_fuzz::documents::seeds();
    let written = std::fs::create_dir_all(&out).and_then(|()| {
        for seed in &seeds {
            let mut hasher = DefaultHasher::new();
            seed.hash(&mut hasher);
            std::fs::write(out.join(format!("{:016x}", hasher.finish())), seed)?;
        }
        Ok(())
    });
    match written {
        Ok(()) => {
            println!("document_seeds: {} documents", seeds.len());
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("document_seeds: {error}");
            ExitCode::FAILURE
        }
    }
}
