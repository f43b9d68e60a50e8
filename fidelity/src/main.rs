//! `fidelity [ROOT]`: generates each page folder that has a true OpenAPI document in
//! `ROOT/../shared/truth` (ROOT defaults to the workspace) and prints, per folder, the share
//! of page-carried facts recovered, the count of facts the pages cannot carry, and every
//! misread. Exits 1 when a folder cannot be read or generated, or when a folder whose
//! misreads were all fixed has one again; otherwise 0 (also when the truth folder is absent,
//! with a notice). Misreads in the other folders are listed, not failed on.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use modelgen::spec_config::WireNames;
use modelgen_fidelity::compare::{compare, Dialect, Nullability};

/// One page folder and the document it was generated from.
struct Folder {
    name: &'static str,
    /// The folder of pages, relative to `shared/`.
    pages: &'static str,
    /// The truth document, relative to `shared/truth/`.
    truth: &'static str,
    wire_names: WireNames,
    dialect: Dialect,
    /// Whether misreads are listed without failing: true until a folder's list is empty,
    /// after which a new misread fails the run.
    misreads_listed_only: bool,
}

const FOLDERS: [Folder; 3] = [
    Folder {
        name: "dub-ts",
        pages: "corpus/dub-ts/docs/models",
        truth: "dub-ts.openapi.yaml",
        wire_names: WireNames::AsWritten,
        dialect: Dialect {
            nullability: Nullability::Never,
        },
        misreads_listed_only: false,
    },
    Folder {
        name: "clerk-ruby",
        pages: "sdk-pages/clerk-ruby/docs/models",
        truth: "clerk-ruby.openapi.yaml",
        wire_names: WireNames::SnakeCase,
        dialect: Dialect {
            nullability: Nullability::RequiredOnly,
        },
        misreads_listed_only: true,
    },
    Folder {
        name: "glean-java",
        pages: "sdk-pages/glean-java/docs/models",
        truth: "glean-java.openapi.yaml",
        wire_names: WireNames::AsWritten,
        dialect: Dialect {
            nullability: Nullability::Always,
        },
        misreads_listed_only: true,
    },
];

fn main() -> ExitCode {
    let root = std::env::args_os()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join(".."));
    let shared = root.join("../shared");
    if !shared.join("truth").is_dir() {
        println!(
            "fidelity: skipped, no truth documents at {}",
            shared.join("truth").display()
        );
        return ExitCode::SUCCESS;
    }
    let mut ok = true;
    for folder in &FOLDERS {
        if let Err(e) = run(&shared, folder) {
            eprintln!("{}: {e}", folder.name);
            ok = false;
        }
    }
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// Generates one folder, compares it with its truth and prints the outcome.
fn run(shared: &Path, folder: &Folder) -> Result<(), String> {
    let truth_path = shared.join("truth").join(folder.truth);
    let text = std::fs::read_to_string(&truth_path)
        .map_err(|e| format!("cannot read {}: {e}", truth_path.display()))?;
    let truth: serde_json::Value = serde_norway::from_str(&text)
        .map_err(|e| format!("{} is not YAML: {e}", truth_path.display()))?;
    let generated = modelgen::Config::new()
        .spec_dir(shared.join(folder.pages))
        .wire_names(folder.wire_names)
        .check()
        .map_err(|e| format!("does not generate: {e}"))?;
    let fidelity = compare(&generated.models, &truth, folder.dialect);
    println!(
        "{}: {:.1}% of page-carried facts recovered ({} of {}), {} facts the pages cannot carry, {} misreads, {} components matched, {} unmatched",
        folder.name,
        fidelity.share(),
        fidelity.recovered,
        fidelity.carried,
        fidelity.not_carried_total(),
        fidelity.misreads.len(),
        fidelity.models_matched,
        fidelity.components_unmatched.len(),
    );
    for (kind, count) in &fidelity.not_carried {
        println!("  not carried: {count} {kind}");
    }
    if !fidelity.components_unmatched.is_empty() {
        println!(
            "  components without a generated model of their name: {}",
            fidelity.components_unmatched.join(", ")
        );
    }
    for misread in &fidelity.misreads {
        println!("  misread: {misread}");
    }
    if !folder.misreads_listed_only && !fidelity.misreads.is_empty() {
        return Err(format!(
            "{} misreads in a folder that had none",
            fidelity.misreads.len()
        ));
    }
    Ok(())
}
