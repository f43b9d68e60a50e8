//! `fidelity [ROOT]`: generates each page folder that has a true OpenAPI document in
//! `ROOT/../shared/truth` (ROOT defaults to the workspace) and prints, per folder, the share
//! of page-carried facts recovered, the count of facts the pages cannot carry, and every
//! misread. A misread is either explained (listed in its folder's `explained`, with why the
//! pages lead there) or fails the run. Exits 1 when a folder cannot be read or generated, has
//! an unexplained misread, or lists an explanation for a misread that no longer happens;
//! otherwise 0 (also when the truth folder is absent, with a notice).

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
    /// Misreads the pages lead to, each as printed (`Model.property [fact]`) with why.
    explained: &'static [(&'static str, &'static str)],
}

/// The Java SDK names a response's `errorInfo` property `gleanDataError` on its pages: no
/// wire-name convention turns one into the other, so the page's name is read as the wire
/// name (a `wireNameOverrides` entry fixes it for a user who knows).
const GLEAN_ERROR_INFO: &str = "the Java SDK renames `errorInfo` to `gleanDataError` on the page; no naming convention maps one to the other";

const FOLDERS: [Folder; 3] = [
    Folder {
        name: "dub-ts",
        pages: "corpus/dub-ts/docs/models",
        truth: "dub-ts.openapi.yaml",
        wire_names: WireNames::AsWritten,
        dialect: Dialect {
            nullability: Nullability::Never,
        },
        explained: &[],
    },
    Folder {
        name: "clerk-ruby",
        pages: "sdk-pages/clerk-ruby/docs/models",
        truth: "clerk-ruby.openapi.yaml",
        wire_names: WireNames::SnakeCase,
        dialect: Dialect {
            nullability: Nullability::RequiredOnly,
        },
        explained: &[(
            "Instance.allowed_origins [nullable]",
            "the page writes `Crystalline::Array<*::String*>` for a required property without `Crystalline::Nilable`, which this dialect writes for every nullable required property elsewhere",
        )],
    },
    Folder {
        name: "glean-java",
        pages: "sdk-pages/glean-java/docs/models",
        truth: "glean-java.openapi.yaml",
        wire_names: WireNames::AsWritten,
        dialect: Dialect {
            nullability: Nullability::Always,
        },
        explained: &[
            (
                "UploadChatFilesRequest.files [type]",
                "a multipart upload: the page lists the SDK's `File` object (`fileName`, `content: byte[]`) where the API takes binary strings",
            ),
            ("ResultsResponse.errorInfo [presence]", GLEAN_ERROR_INFO),
            ("ResultsResponse.gleanDataError [presence]", GLEAN_ERROR_INFO),
            ("SearchResponse.errorInfo [presence]", GLEAN_ERROR_INFO),
            ("SearchResponse.gleanDataError [presence]", GLEAN_ERROR_INFO),
            ("AutocompleteResponse.errorInfo [presence]", GLEAN_ERROR_INFO),
            ("AutocompleteResponse.gleanDataError [presence]", GLEAN_ERROR_INFO),
        ],
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
    // Each misread as printed, with its folder's explanation when it has one.
    let misreads: Vec<(String, Option<&str>)> = fidelity
        .misreads
        .iter()
        .map(|misread| {
            let which = misread.which();
            let why = folder
                .explained
                .iter()
                .find(|(listed, _)| *listed == which)
                .map(|(_, why)| *why);
            (misread.to_string(), why)
        })
        .collect();
    let explained = misreads.iter().filter(|(_, why)| why.is_some()).count();
    println!(
        "{}: {:.1}% of page-carried facts recovered ({} of {}), {} facts the pages cannot carry, {} misreads ({explained} explained), {} components matched, {} unmatched",
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
    for (shown, why) in &misreads {
        match why {
            Some(why) => println!("  explained misread: {shown}\n    because {why}"),
            None => println!("  misread: {shown}"),
        }
    }
    let unexplained = misreads.len() - explained;
    let stale: Vec<&str> = folder
        .explained
        .iter()
        .map(|(listed, _)| *listed)
        .filter(|listed| !fidelity.misreads.iter().any(|m| m.which() == *listed))
        .collect();
    if unexplained > 0 {
        return Err(format!(
            "{unexplained} misreads that are neither fixed nor explained"
        ));
    }
    if !stale.is_empty() {
        return Err(format!(
            "explained misreads that no longer happen (remove them from the list): {}",
            stale.join(", ")
        ));
    }
    Ok(())
}
