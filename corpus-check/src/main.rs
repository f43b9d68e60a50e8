//! Runs the generator over folders of real model pages and checks what it writes.
//!
//! ```text
//! cargo run -p corpus-check -- --out <out-dir> --root <dir> [--root <dir>]... [--folder <name>]...
//! ```
//!
//! The folders are the sub-folders of the roots (a root that does not exist is skipped with a
//! notice), narrowed to the `--folder` names when any are given, so that folders can join the
//! check one at a time (see [`select`]). For each chosen folder (sorted by name) it generates the
//! Rust file and the JSON Schemas into `<out-dir>/<name>/` and checks every published schema
//! against the draft 2020-12 meta-schema with every `$ref` resolved (see [`schemas`]). It then
//! writes a workspace, `<out-dir>/crate`, with a crate per folder and a crate of checks whose
//! tests deserialize every page example into its Rust type and hold each model's validation to
//! its published schema (see [`scaffold`]), prints one summary line per folder (pages, models by kind, errors, and
//! warnings by kind; see [`summary`]), and exits non-zero when any folder failed to generate or
//! published an invalid schema. Compiling, linting and testing the crate is left to
//! `.ci/corpus.sh`.
//!
//! Each folder is generated with the wire-name convention of its API and SDK language, recorded
//! in [`wire_names`] with the evidence for it.

mod scaffold;
mod schemas;
mod select;
mod summary;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use modelgen::render::render_all_human;
use modelgen::spec_config::WireNames;
use modelgen::Generated;

use summary::Summary;

/// What became of one folder.
struct Outcome {
    /// The folder's name.
    name: String,
    /// What it generated, counted.
    summary: Summary,
    /// Whether generation or schema validation failed.
    failed: bool,
}

/// The command line.
#[derive(Debug, PartialEq)]
struct Args {
    /// Where the generated folders and the crate go.
    out: PathBuf,
    /// The folders whose sub-folders are folders of pages.
    roots: Vec<PathBuf>,
    /// The sub-folders to check; every one when empty.
    folders: Vec<String>,
}

const USAGE: &str =
    "usage: corpus-check --out <out-dir> --root <dir> [--root <dir>]... [--folder <name>]...";

fn parse_args(args: &[String]) -> Result<Args, String> {
    let mut out = None;
    let mut roots = Vec::new();
    let mut folders = Vec::new();
    let mut args = args.iter();
    while let Some(flag) = args.next() {
        let mut value = || {
            args.next()
                .cloned()
                .ok_or_else(|| format!("`{flag}` needs a value"))
        };
        match flag.as_str() {
            "--out" => out = Some(PathBuf::from(value()?)),
            "--root" => roots.push(PathBuf::from(value()?)),
            "--folder" => folders.push(value()?),
            other => return Err(format!("unknown argument `{other}`")),
        }
    }
    let out = out.ok_or("`--out` is missing")?;
    if roots.is_empty() {
        return Err("no `--root` given".into());
    }
    Ok(Args {
        out,
        roots,
        folders,
    })
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args = match parse_args(&args) {
        Ok(args) => args,
        Err(error) => {
            eprintln!("error: {error}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let wanted = (!args.folders.is_empty()).then_some(args.folders.as_slice());
    let selection = select::select(&args.roots, wanted);
    for notice in &selection.notices {
        println!("notice: {notice}");
    }
    for error in &selection.errors {
        eprintln!("error: {error}");
    }
    if !selection.errors.is_empty() {
        return ExitCode::FAILURE;
    }
    let out_dir = args.out.as_path();
    let crate_dir = out_dir.join("crate");
    if let Err(error) = remove_unselected(out_dir, &selection.folders) {
        eprintln!(
            "error: cannot clear old output in `{}`: {error}",
            out_dir.display()
        );
        return ExitCode::FAILURE;
    }
    if selection.folders.is_empty() {
        println!("notice: no folder to check; the corpus crate is not written");
        return match std::fs::remove_dir_all(&crate_dir) {
            Err(error) if error.kind() != std::io::ErrorKind::NotFound => {
                eprintln!("error: cannot remove `{}`: {error}", crate_dir.display());
                ExitCode::FAILURE
            }
            _ => ExitCode::SUCCESS,
        };
    }
    let mut crate_folders = Vec::new();
    let outcomes: Vec<Outcome> = selection
        .folders
        .iter()
        .map(|folder| check_folder(folder, out_dir, &mut crate_folders))
        .collect();
    if let Err(error) = scaffold::write_crate(&crate_dir, &crate_folders) {
        eprintln!(
            "error: cannot write the crate in `{}`: {error}",
            crate_dir.display()
        );
        return ExitCode::FAILURE;
    }
    println!();
    let mut total = Summary::default();
    for outcome in &outcomes {
        let failed = if outcome.failed { " FAILED" } else { "" };
        println!("{}: {}{failed}", outcome.name, outcome.summary);
        total.add(&outcome.summary);
    }
    println!("all {} folders: {total}", outcomes.len());
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

/// Removes the output of folders that are not checked this time (a folder taken off the list,
/// or one checked by hand), so that later steps that read every `<out-dir>/*/schemas` see only
/// the chosen folders. Only sub-folders that hold a `models.rs` or a `schemas/` are removed.
fn remove_unselected(out_dir: &Path, chosen: &[PathBuf]) -> std::io::Result<()> {
    let keep: BTreeSet<_> = chosen.iter().filter_map(|p| p.file_name()).collect();
    let entries = match std::fs::read_dir(out_dir) {
        Ok(entries) => entries,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(error) => return Err(error),
    };
    for entry in entries {
        let entry = entry?;
        let path = entry.path();
        let ours = path.join("models.rs").is_file() || path.join("schemas").is_dir();
        if entry.file_type()?.is_dir() && ours && !keep.contains(entry.file_name().as_os_str()) {
            std::fs::remove_dir_all(&path)?;
        }
    }
    Ok(())
}

/// The wire-name convention of each folder: how the JSON names a field that the folder's
/// `## Fields` tables show in the SDK's casing. A folder that is not here fails the check until
/// its convention is recorded (with the evidence for it).
///
/// - Dub (`dub-*`): the API's JSON is camelCase (`../shared/truth/dub-ts.openapi.yaml`).
///   TypeScript pages show the wire names; Go (`CreatedAt`), Python (`created_at`) and PHP pages
///   show SDK names, so they are generated camelCase.
/// - Mistral (`mistral-*`): the API's JSON is snake_case. The TypeScript pages show camelCase
///   SDK names (`maxTokens`, whose descriptions quote request bodies with `"max_tokens"`), and
///   `mistral-python` names the same fields in snake_case. Python pages show the wire name except
///   for Python keywords and pydantic internals, which carry a trailing or surrounding `_`
///   (`from_`, `and_`, `or_`, `format_`, where `mistral-ts` has `from`, `and`, `or`, `format`), so
///   both folders are generated snake_case: for every other Python field snake_case is the name
///   as written.
/// - Clerk (`clerk-*`): the API's JSON is snake_case (`../shared/truth/clerk-ruby.openapi.yaml`:
///   1,669 of the 1,672 component fields of `clerk-ruby` are property names as written, and the
///   rest are SDK-only). Ruby pages show the wire names, and every Ruby field name is already
///   snake_case; C# pages show PascalCase SDK names (`CreatedAt`), and snake_case turns 1,663 of
///   their 1,674 component fields into property names of the API (the rest are SDK-only wrapper
///   names such as `HttpMeta` and `...Value`).
/// - Glean (`glean-java`): the API's JSON is camelCase and the Java pages show the property names
///   as they are (`../shared/truth/glean-java.openapi.yaml`: 1,890 of 1,900 component fields).
///   The camelCase convention would break the acronyms in `requestID`, `origID`, `viewURL`,
///   `userID` and `canonicalizingURLRegex` (to `requestId`, ...), which the API spells that way,
///   so the folder is generated as written. (Four properties are snake_case on the wire,
///   `input_schema` among them, and camelCase on the pages: no folder convention recovers those.)
pub fn wire_names(folder: &str) -> Option<WireNames> {
    let convention = match folder {
        "dub-ts" | "dub-ts-2024-06" => WireNames::AsWritten,
        "dub-go" | "dub-go-2024-06" | "dub-python" | "dub-python-2024-06" | "dub-php"
        | "dub-php-2024-06" => WireNames::CamelCase,
        "mistral-python" | "mistral-ts" => WireNames::SnakeCase,
        "clerk-ruby" => WireNames::AsWritten,
        "clerk-csharp" => WireNames::SnakeCase,
        "glean-java" => WireNames::AsWritten,
        _ => return None,
    };
    Some(convention)
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
    let Some(convention) = wire_names(&name) else {
        println!(
            "error: no wire-name convention is recorded for `{name}`; add it to `wire_names` in corpus-check/src/main.rs"
        );
        return Outcome {
            name,
            summary: Summary::default(),
            failed: true,
        };
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
                summary: Summary::of_failure(&error),
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
    let tests = scaffold::example_tests(&scaffold::models_path(&module), &generated);
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
        summary: Summary::of(&generated),
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

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(args: &[&str]) -> Vec<String> {
        args.iter().map(|a| a.to_string()).collect()
    }

    #[test]
    fn arguments_take_several_roots_and_folders() {
        let args = parse_args(&strings(&[
            "--root", "a", "--out", "o", "--folder", "x", "--root", "b", "--folder", "y",
        ]))
        .expect("valid arguments");
        assert_eq!(
            args,
            Args {
                out: PathBuf::from("o"),
                roots: vec![PathBuf::from("a"), PathBuf::from("b")],
                folders: strings(&["x", "y"]),
            }
        );
        assert!(parse_args(&strings(&["--out", "o"]))
            .unwrap_err()
            .contains("--root"));
        assert!(parse_args(&strings(&["--root", "a"]))
            .unwrap_err()
            .contains("--out"));
        assert!(parse_args(&strings(&["--out", "o", "--root"]))
            .unwrap_err()
            .contains("needs a value"));
        assert!(parse_args(&strings(&["a", "o"]))
            .unwrap_err()
            .contains("unknown argument `a`"));
    }

    /// Every folder in the shared roots has a recorded convention, so listing it is enough to
    /// check it.
    #[test]
    fn every_shared_folder_has_a_wire_name_convention() {
        let here = Path::new(env!("CARGO_MANIFEST_DIR"));
        let roots = ["corpus", "sdk-pages"].map(|r| here.join("../../shared").join(r));
        let selection = select::select(&roots, None);
        let missing: Vec<String> = selection
            .folders
            .iter()
            .filter_map(|p| p.file_name())
            .map(|n| n.to_string_lossy().into_owned())
            .filter(|n| wire_names(n).is_none())
            .collect();
        assert!(missing.is_empty(), "no convention for {missing:?}");
        assert_eq!(wire_names("some-new-sdk"), None);
    }

    /// Python pages add `_` to names that are Python keywords; snake_case takes it off again,
    /// and leaves every other snake_case name as it is.
    #[test]
    fn snake_case_restores_python_keyword_names() {
        let convention = wire_names("mistral-python").expect("recorded");
        for (page, wire) in [
            ("from_", "from"),
            ("and_", "and"),
            ("format_", "format"),
            ("max_tokens", "max_tokens"),
            ("web3_wallet", "web3_wallet"),
        ] {
            assert_eq!(convention.apply(page), wire);
        }
        let clerk = wire_names("clerk-csharp").expect("recorded");
        assert_eq!(clerk.apply("Web3WalletId"), "web3_wallet_id");
        let glean = wire_names("glean-java").expect("recorded");
        assert_eq!(glean.apply("requestID"), "requestID");
    }

    #[test]
    fn only_generated_output_of_unchosen_folders_is_removed() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let out = dir.path();
        for (folder, file) in [
            ("kept", "models.rs"),
            ("dropped", "models.rs"),
            ("crate", "Cargo.toml"),
        ] {
            std::fs::create_dir_all(out.join(folder)).expect("a folder");
            std::fs::write(out.join(folder).join(file), "").expect("a file");
        }
        std::fs::create_dir_all(out.join("old").join("schemas")).expect("a folder");
        remove_unselected(out, &[PathBuf::from("/pages/kept")]).expect("removable");
        let mut left: Vec<String> = std::fs::read_dir(out)
            .expect("readable")
            .map(|e| {
                e.expect("an entry")
                    .file_name()
                    .to_string_lossy()
                    .into_owned()
            })
            .collect();
        left.sort();
        assert_eq!(left, ["crate", "kept"]);
    }
}
