//! Runs the generator over every folder of real model pages and checks what it writes.
//!
//! ```text
//! cargo run -p corpus-check --release -- <corpus-root> <out-dir>
//! ```
//!
//! For each sub-folder of `<corpus-root>` (sorted by name) it generates the Rust file and the
//! JSON Schemas into `<out-dir>/<name>/` and checks every published schema against the draft
//! 2020-12 meta-schema with every `$ref` resolved (see [`schemas`]). It then writes one crate,
//! `<out-dir>/crate`, with a module per folder, whose tests deserialize every page example
//! into its Rust type and hold each model's validation to its published schema (see
//! [`scaffold`]), prints one summary line per folder, and exits non-zero when any folder
//! failed to generate or published an invalid schema. Compiling, linting and testing the
//! crate is left to `.ci/corpus.sh`.
//!
//! The pages of the Dub API's Go, Python and PHP SDKs name fields in the SDK's casing while
//! the API's JSON is camelCase, so those folders are generated with the camelCase wire-name
//! convention; TypeScript SDK property names are the wire names already.

mod scaffold;
mod schemas;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use modelgen::render::render_all_human;
use modelgen::spec_config::WireNames;
use modelgen::Generated;

/// What became of one folder.
struct Outcome {
    /// The folder's name.
    name: String,
    /// The summary line's text after the name, or why there is none.
    summary: String,
    /// Whether generation or schema validation failed.
    failed: bool,
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [corpus_root, out_dir] = args.as_slice() else {
        eprintln!("usage: corpus-check <corpus-root> <out-dir>");
        return ExitCode::from(2);
    };
    let folders = match sub_folders(Path::new(corpus_root)) {
        Ok(folders) => folders,
        Err(error) => {
            eprintln!("error: cannot list `{corpus_root}`: {error}");
            return ExitCode::FAILURE;
        }
    };
    if folders.is_empty() {
        eprintln!("error: `{corpus_root}` has no sub-folders");
        return ExitCode::FAILURE;
    }
    let mut crate_folders = Vec::new();
    let outcomes: Vec<Outcome> = folders
        .iter()
        .map(|folder| check_folder(folder, Path::new(out_dir), &mut crate_folders))
        .collect();
    let crate_dir = Path::new(out_dir).join("crate");
    if let Err(error) = scaffold::write_crate(&crate_dir, &crate_folders) {
        eprintln!(
            "error: cannot write the crate in `{}`: {error}",
            crate_dir.display()
        );
        return ExitCode::FAILURE;
    }
    println!();
    for outcome in &outcomes {
        println!("{}: {}", outcome.name, outcome.summary);
    }
    let failed: Vec<&str> = outcomes
        .iter()
        .filter(|o| o.failed)
        .map(|o| o.name.as_str())
        .collect();
    if failed.is_empty() {
        ExitCode::SUCCESS
    } else {
        eprintln!("error: corpus check failed for {}", failed.join(", "));
        ExitCode::FAILURE
    }
}

/// The sub-folders of `root`, sorted by name.
fn sub_folders(root: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut folders = Vec::new();
    for entry in std::fs::read_dir(root)? {
        let entry = entry?;
        if entry.file_type()?.is_dir() {
            folders.push(entry.path());
        }
    }
    folders.sort();
    Ok(folders)
}

/// Generates one folder into `out_root/<name>/` and checks the result.
fn check_folder(
    folder: &Path,
    out_root: &Path,
    crate_folders: &mut Vec<scaffold::Folder>,
) -> Outcome {
    let name = folder
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    println!("== {name}");
    let out = out_root.join(&name);
    let schema_dir = out.join("schemas");
    let convention = if name.contains("-ts") {
        WireNames::AsWritten
    } else {
        WireNames::CamelCase
    };
    let generated = modelgen::Config::new()
        .spec_dir(folder)
        .schema_dir(&schema_dir)
        .rust_file(out.join("models.rs"))
        .wire_names(convention)
        .generate();
    let generated = match generated {
        Ok(generated) => generated,
        Err(error) => {
            print!("{error}");
            println!("{name}: generation failed");
            return Outcome {
                name,
                summary: "generation failed".into(),
                failed: true,
            };
        }
    };
    print!(
        "{}",
        render_all_human(&generated.diagnostics, &generated.sources, false)
    );
    let mut failed = false;
    if generated.sources.iter().next().is_none() {
        println!("error: `{}` holds no pages", folder.display());
        failed = true;
    }
    for page in silent_pages(&generated) {
        println!("error: `{page}` produced no model and no warning");
        failed = true;
    }
    let module = scaffold::module_name(&name);
    let tests = scaffold::example_tests(&format!("corpus_models::{module}"), &generated);
    let pages = std::fs::canonicalize(folder).unwrap_or_else(|_| folder.to_path_buf());
    let out_abs = std::fs::canonicalize(&out).unwrap_or_else(|_| out.clone());
    crate_folders.push(scaffold::Folder {
        module,
        pages,
        out: out_abs,
        wire_names: convention.name(),
        tests,
    });
    match schemas::check_dir(&schema_dir, modelgen::DEFAULT_SCHEMA_BASE_URI) {
        Ok(report) => {
            for problem in &report.problems {
                println!("error: {problem}");
            }
            println!(
                "{name}: {} schema files, {} invalid",
                report.files,
                report.problems.len()
            );
            failed |= !report.problems.is_empty();
        }
        Err(error) => {
            println!(
                "error: cannot read the schemas in `{}`: {error}",
                schema_dir.display()
            );
            failed = true;
        }
    }
    Outcome {
        name,
        summary: generated.summary(),
        failed,
    }
}

/// Pages that became no model and carry no diagnostic: pages the generator dropped without
/// saying why.
fn silent_pages(generated: &Generated) -> Vec<String> {
    let modelled: BTreeSet<&str> = generated
        .models
        .models
        .iter()
        .filter(|m| !m.synthesized)
        .map(|m| m.page.as_str())
        .collect();
    let warned: BTreeSet<_> = generated
        .diagnostics
        .iter()
        .filter_map(|d| d.span.as_ref().map(|s| s.file))
        .collect();
    generated
        .sources
        .iter()
        .filter(|(id, file)| {
            !modelled.contains(file.relative_path.as_str()) && !warned.contains(id)
        })
        .map(|(_, file)| file.relative_path.clone())
        .collect()
}
