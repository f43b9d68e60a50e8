//! The `modelgen` command line: check a folder of model pages, or generate Rust and JSON
//! Schemas from it, for people who don't use cargo.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use modelgen::diagnostic::{Diagnostic, Severity};
use modelgen::diff::{Report, Side};
use modelgen::lints::{self, Level};
use modelgen::render::{render_json, render_report};
use modelgen::source::SourceMap;
use modelgen::spec_config::{choice_names, Nulls, WireNames};
use modelgen::Config;

const USAGE: &str = "\
modelgen: Rust types and JSON Schemas from Markdown model pages

Usage:
  modelgen check DIR [--format human|json] [LINT OPTIONS] [-v]
  modelgen generate DIR [--rust FILE] [--schemas DIR] [--base-uri URI] [--wire-names CONVENTION]
                       [--nulls CHOICE] [--unformatted] [--format human|json] [LINT OPTIONS] [-v]
  modelgen diff OLD_DIR NEW_DIR [--breaking readers|writers|both] [--wire-names CONVENTION]
                       [--format human|json]

Commands:
  check      read every page under DIR; exit 0 when all generate, else print the errors and exit 1
  generate   like check, then write the Rust file and the schemas where told (nothing is
             written when a page has an error)
  diff       list every change from the pages in OLD_DIR to those in NEW_DIR and whom it
             breaks; exit 1 when a change breaks the side --breaking names, 2 when a folder
             has an error

DIR/modelgen.json, when present, sets the folder's wire names, nulls and lint levels, and the
derives, attributes and replaced models that shape the generated Rust (see the README).

Options:
  --rust FILE      write the generated Rust to FILE
  --schemas DIR    write one JSON Schema per model, and bundle.schema.json, under DIR
  --base-uri URI   base of each schema's $id (default https://models.invalid/)
  --wire-names CONVENTION
                   wire names for a folder whose modelgen.json does not set them:
                   as-written (default), snake_case, camelCase, PascalCase, kebab-case,
                   SCREAMING_SNAKE_CASE
  --nulls CHOICE   which fields accept null, for a folder whose modelgen.json does not say:
                   as-written (default: the fields the pages mark nullable) or where-unsaid
                   (every field, in a folder whose pages never write nullability)
  --unformatted    write each model's Rust as the tokens come, on one line, instead of
                   formatting it
                   (faster for very large specs; modelgen.json's `formatted` wins)
  --breaking SIDE  diff: readers, writers or both (default): the clients whose breakage is an
                   error and fails the command
  --format FORMAT  human (default): rustc-like diagnostics; json: one JSON object per
                   diagnostic, one a line, then a summary object (diff: one JSON object for
                   the whole report)
  --allow CODE     drop the warnings of CODE (repeatable; overrides modelgen.json's `lints`)
  --warn CODE      show the warnings of CODE as warnings (the default)
  --deny CODE      turn the warnings of CODE into errors, which fail the run
                   (codes: sdk-only-field, example-mismatch, ...; see the README)
  -v, --verbose    show every warning; by default three or more of one code are one line
  -h, --help       print this help
";

#[derive(Clone, Copy, PartialEq, Eq)]
enum Format {
    Human,
    Json,
}

struct Args {
    command: String,
    dir: PathBuf,
    /// The second folder of `diff`.
    new_dir: Option<PathBuf>,
    breaking: Side,
    rust: Option<PathBuf>,
    schemas: Option<PathBuf>,
    base_uri: Option<String>,
    wire_names: Option<WireNames>,
    nulls: Option<Nulls>,
    unformatted: bool,
    format: Format,
    /// Lint levels from `--allow`, `--warn` and `--deny`, in order.
    lints: Vec<(&'static str, Level)>,
    verbose: bool,
}

fn parse_args() -> Result<Option<Args>, lexopt::Error> {
    use lexopt::prelude::*;
    let mut parser = lexopt::Parser::from_env();
    let mut positional = Vec::new();
    let mut rust = None;
    let mut schemas = None;
    let mut base_uri = None;
    let mut wire_names = None;
    let mut nulls = None;
    let mut unformatted = false;
    let mut format = Format::Human;
    let mut breaking = Side::Both;
    let mut lint_levels = Vec::new();
    let mut verbose = false;
    while let Some(arg) = parser.next()? {
        match arg {
            Short('h') | Long("help") => return Ok(None),
            Short('v') | Long("verbose") => verbose = true,
            Long("unformatted") => unformatted = true,
            Long(flag @ ("allow" | "warn" | "deny")) => {
                let level = Level::from_name(flag).unwrap_or(Level::Warn);
                let flag = flag.to_owned();
                let name = parser.value()?.string()?;
                let code = lints::known(&name).ok_or_else(|| {
                    format!(
                        "unknown warning code `{name}` for --{flag}: the codes are {}",
                        lints::code_list()
                    )
                })?;
                lint_levels.push((code, level));
            }
            Long("rust") => rust = Some(PathBuf::from(parser.value()?)),
            Long("schemas") => schemas = Some(PathBuf::from(parser.value()?)),
            Long("base-uri") => base_uri = Some(parser.value()?.string()?),
            Long("wire-names") => {
                let name = parser.value()?.string()?;
                wire_names = Some(
                    WireNames::from_name(&name)
                        .ok_or_else(|| format!("unknown wire-name convention `{name}`"))?,
                );
            }
            Long("nulls") => {
                let name = parser.value()?.string()?;
                nulls = Some(Nulls::from_name(&name).ok_or_else(|| {
                    format!(
                        "unknown `--nulls` choice `{name}`: expected {}",
                        choice_names(&Nulls::ALL)
                    )
                })?);
            }
            Long("breaking") => {
                let name = parser.value()?.string()?;
                breaking = Side::from_name(&name).ok_or_else(|| {
                    format!("unknown side `{name}`: expected `readers`, `writers` or `both`")
                })?;
            }
            Long("format") => {
                format = match parser.value()?.string()?.as_str() {
                    "human" => Format::Human,
                    "json" => Format::Json,
                    other => {
                        return Err(
                            format!("unknown format `{other}`: expected `human` or `json`").into(),
                        )
                    }
                }
            }
            Value(value) => positional.push(value.string()?),
            _ => return Err(arg.unexpected()),
        }
    }
    let mut positional = positional.into_iter();
    let command = positional.next().unwrap_or_default();
    let folders = if command == "diff" { 2 } else { 1 };
    let dirs: Vec<String> = positional.collect();
    if dirs.len() != folders {
        return Err(if folders == 2 {
            "expected two folders: `modelgen diff OLD_DIR NEW_DIR`"
        } else {
            "expected a command and a folder: `modelgen check DIR`"
        }
        .into());
    }
    if !["check", "generate", "diff"].contains(&command.as_str()) {
        return Err(
            format!("unknown command `{command}`: expected `check`, `generate` or `diff`").into(),
        );
    }
    let mut dirs = dirs.into_iter().map(PathBuf::from);
    Ok(Some(Args {
        command,
        dir: dirs.next().unwrap_or_default(),
        new_dir: dirs.next(),
        breaking,
        rust,
        schemas,
        base_uri,
        wire_names,
        nulls,
        unformatted,
        format,
        lints: lint_levels,
        verbose,
    }))
}

fn print_diagnostics(
    diagnostics: &[Diagnostic],
    sources: &SourceMap,
    format: Format,
    verbose: bool,
) {
    match format {
        Format::Human => {
            let color = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
            eprint!("{}", render_report(diagnostics, sources, color, verbose));
        }
        Format::Json => {
            for diagnostic in diagnostics {
                println!("{}", render_json(diagnostic, sources));
            }
        }
    }
}

/// The last line of `--format json`: counts of pages, models (`null` when the run failed),
/// errors and warnings, and the diagnostics by code.
fn json_summary(
    diagnostics: &[Diagnostic],
    sources: &SourceMap,
    models: Option<usize>,
) -> serde_json::Value {
    let mut by_code = serde_json::Map::new();
    for diagnostic in diagnostics {
        if let Some(code) = diagnostic.code {
            let count = by_code.entry(code).or_insert(0.into());
            *count = (count.as_u64().unwrap_or(0) + 1).into();
        }
    }
    let count = |severity: Severity| {
        diagnostics
            .iter()
            .filter(|d| d.severity == severity)
            .count()
    };
    serde_json::json!({
        "summary": {
            "pages": modelgen::page_count(sources),
            "models": models,
            "errors": count(Severity::Error),
            "warnings": count(Severity::Warning),
            "by_code": by_code,
        }
    })
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(Some(args)) => args,
        Ok(None) => {
            print!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(error) => {
            eprintln!("error: {error}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let mut config = Config::new();
    config.spec_dir(&args.dir);
    if let Some(base_uri) = &args.base_uri {
        config.schema_base_uri(base_uri);
    }
    if let Some(convention) = args.wire_names {
        config.wire_names(convention);
    }
    if let Some(nulls) = args.nulls {
        config.nulls(nulls);
    }
    if args.unformatted {
        config.formatted(false);
    }
    for (code, level) in &args.lints {
        config.lint(code, *level);
    }
    if let Some(new_dir) = &args.new_dir {
        return diff(&config, new_dir, &args);
    }
    if args.command == "generate" {
        if let Some(rust) = &args.rust {
            config.rust_file(rust);
        }
        if let Some(schemas) = &args.schemas {
            config.schema_dir(schemas);
        }
    }
    let result = if args.command == "check" {
        config.check()
    } else {
        config.generate()
    };
    match result {
        Ok(generated) => {
            print_diagnostics(
                &generated.diagnostics,
                &generated.sources,
                args.format,
                args.verbose,
            );
            match args.format {
                Format::Human => eprintln!("{}: {}", args.dir.display(), generated.summary()),
                Format::Json => println!(
                    "{}",
                    json_summary(
                        &generated.diagnostics,
                        &generated.sources,
                        Some(generated.model_count())
                    )
                ),
            }
            ExitCode::SUCCESS
        }
        Err(error) => {
            print_diagnostics(
                &error.diagnostics,
                &error.sources,
                args.format,
                args.verbose,
            );
            if args.format == Format::Json {
                println!("{}", json_summary(&error.diagnostics, &error.sources, None));
            }
            ExitCode::FAILURE
        }
    }
}

/// `modelgen diff`: checks both folders, then prints the report. Exits 1 when a change breaks
/// the side asked about, 2 when a folder has an error.
fn diff(old_config: &Config, new_dir: &std::path::Path, args: &Args) -> ExitCode {
    let mut new_config = old_config.clone();
    new_config.spec_dir(new_dir);
    let mut folders = Vec::new();
    for (dir, config) in [
        (&args.dir, old_config),
        (&new_dir.to_path_buf(), &new_config),
    ] {
        match config.check() {
            Ok(generated) => folders.push(generated),
            Err(error) => {
                print_diagnostics(
                    &error.diagnostics,
                    &error.sources,
                    args.format,
                    args.verbose,
                );
                eprintln!("error: `{}` has errors: nothing to compare", dir.display());
                return ExitCode::from(2);
            }
        }
    }
    let report = Report::new(&folders[0], &folders[1]);
    match args.format {
        Format::Human => {
            let color = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
            print!("{}", report.render_human(args.breaking, color));
            println!(
                "{} -> {}: {}",
                args.dir.display(),
                new_dir.display(),
                report.summary()
            );
        }
        Format::Json => {
            let mut value = report.to_json(args.breaking);
            if let serde_json::Value::Object(object) = &mut value {
                object.insert("old".into(), args.dir.display().to_string().into());
                object.insert("new".into(), new_dir.display().to_string().into());
            }
            println!("{value}");
        }
    }
    if report.breaks(args.breaking) {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
