//! The Rust file is formatted with `prettyplease` unless `Config::formatted(false)`,
//! `"formatted": false` in `modelgen.json` or `--unformatted` says to write the tokens as
//! they come; both forms are the same Rust. A build script keeps the formatted items in a
//! cache beside its output in `OUT_DIR`, and a run formats only what changed.

use std::fs;
use std::process::Command;

use modelgen::Config;

mod common;
use common::folder;

const PAGE: &str = "# Pet\n\nA pet.\n\n## Fields\n\n\
| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n\
| `name` | *str* | :heavy_check_mark: | The pet's name. |\n\
| `tags` | List[*str*] | :heavy_minus_sign: | Tags. |\n";

fn rust_of(dir: &std::path::Path, formatted: Option<bool>) -> String {
    let mut config = Config::new();
    config.spec_dir(dir);
    if let Some(formatted) = formatted {
        config.formatted(formatted);
    }
    config
        .check()
        .unwrap_or_else(|e| panic!("the folder generates: {e}"))
        .rust
}

/// The file as `prettyplease` prints it after parsing, which is the same for the same Rust.
fn canonical(source: &str) -> String {
    let file = syn::parse_file(source).unwrap_or_else(|e| panic!("{e}\n{source}"));
    prettyplease::unparse(&file)
}

fn code_lines(source: &str) -> usize {
    source
        .lines()
        .filter(|line| !line.starts_with("//") && !line.trim().is_empty())
        .count()
}

#[test]
fn formatted_and_unformatted_files_are_the_same_rust() {
    let dir = folder(&[("Pet.md", PAGE)]);
    let formatted = rust_of(dir.path(), None);
    let unformatted = rust_of(dir.path(), Some(false));
    assert_eq!(rust_of(dir.path(), Some(true)), formatted);
    assert_ne!(formatted, unformatted);
    assert_eq!(canonical(&formatted), canonical(&unformatted));
    // Formatted: one item or statement a line, doc comments as `///`.
    assert!(code_lines(&formatted) > 100, "{formatted}");
    assert!(formatted.contains("\n/// A pet.\n"), "{formatted}");
    // Unformatted: the header's runtime requirement, then each model's tokens on one line
    // (one model here) and the items after the models on another.
    assert_eq!(code_lines(&unformatted), 3, "{unformatted}");
    assert!(
        unformatted.contains("# [doc = \" A pet.\"]"),
        "{unformatted}"
    );
}

#[test]
fn the_folders_setting_wins_over_the_call() {
    let dir = folder(&[
        ("Pet.md", PAGE),
        ("modelgen.json", "{\"formatted\": false}"),
    ]);
    let rust = rust_of(dir.path(), Some(true));
    assert_eq!(code_lines(&rust), 3, "{rust}");
}

#[test]
fn a_formatted_setting_that_is_not_a_boolean_is_an_error_at_its_key() {
    let dir = folder(&[
        ("Pet.md", PAGE),
        ("modelgen.json", "{\n  \"formatted\": \"no\"\n}\n"),
    ]);
    let mut config = Config::new();
    config.spec_dir(dir.path());
    let error = config.check().expect_err("an error").to_string();
    assert!(
        error.contains("`formatted` must be `true` or `false`"),
        "{error}"
    );
    assert!(error.contains("modelgen.json:2:3"), "{error}");
}

#[test]
fn the_command_line_writes_unformatted_rust_when_asked() {
    let dir = folder(&[("Pet.md", PAGE)]);
    let out = tempfile::tempdir().expect("a temporary folder");
    let run = |extra: &[&str], file: &str| {
        let output = Command::new(env!("CARGO_BIN_EXE_modelgen"))
            .arg("generate")
            .arg(dir.path())
            .arg("--rust")
            .arg(out.path().join(file))
            .args(extra)
            .output()
            .expect("runs");
        assert!(output.status.success(), "{output:?}");
        fs::read_to_string(out.path().join(file)).expect("written")
    };
    let formatted = run(&[], "formatted.rs");
    let unformatted = run(&["--unformatted"], "unformatted.rs");
    assert_eq!(code_lines(&unformatted), 3);
    assert!(code_lines(&formatted) > 100);
    assert_eq!(canonical(&formatted), canonical(&unformatted));
}

const OWNER: &str = "# Owner\n\nAn owner.\n\n## Fields\n\n\
| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n\
| `name` | *str* | :heavy_check_mark: | The owner's name. |\n";

#[test]
fn a_build_script_formats_only_the_models_whose_tokens_changed() {
    let dir = folder(&[("Pet.md", PAGE), ("Owner.md", OWNER)]);
    let out_dir = tempfile::tempdir().expect("a temporary folder");
    let rust_file = out_dir.path().join("models.rs");
    let cache_file = out_dir.path().join("models.rs.format-cache");
    let generate = || {
        let output = Command::new(env!("CARGO_BIN_EXE_modelgen"))
            .arg("generate")
            .arg(dir.path())
            .arg("--rust")
            .arg(&rust_file)
            .env("OUT_DIR", out_dir.path())
            .output()
            .expect("runs");
        assert!(output.status.success(), "{output:?}");
        fs::read_to_string(&rust_file).expect("written")
    };
    let first = generate();
    assert_eq!(
        first,
        rust_of(dir.path(), None),
        "the cache changes nothing"
    );
    // Mark the cached text of `Pet` (its key, the tokens, still says "A pet."): a run that
    // takes `Pet` from the cache prints the mark.
    let cache = fs::read_to_string(&cache_file).expect("the run wrote its cache");
    assert_eq!(cache.matches("/// A pet.\n").count(), 1, "{cache}");
    fs::write(&cache_file, cache.replace("/// A pet.\n", "/// A cat.\n")).expect("write");
    fs::write(
        dir.path().join("Owner.md"),
        OWNER.replace("An owner.", "A keeper."),
    )
    .expect("edit a page");
    let second = generate();
    assert!(
        second.contains("\n/// A cat.\n"),
        "Pet comes from the cache"
    );
    assert!(
        second.contains("\n/// A keeper.\n"),
        "Owner is formatted again"
    );
    // Without a cache (no OUT_DIR), the same run formats everything.
    let fresh = rust_of(dir.path(), None);
    assert_eq!(second.replace("/// A cat.", "/// A pet."), fresh);
    // A file written outside OUT_DIR gets no cache beside it.
    let elsewhere = tempfile::tempdir().expect("a temporary folder");
    let output = Command::new(env!("CARGO_BIN_EXE_modelgen"))
        .arg("generate")
        .arg(dir.path())
        .arg("--rust")
        .arg(elsewhere.path().join("models.rs"))
        .env("OUT_DIR", out_dir.path())
        .output()
        .expect("runs");
    assert!(output.status.success(), "{output:?}");
    assert!(!elsewhere.path().join("models.rs.format-cache").exists());
}
