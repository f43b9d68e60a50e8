//! The `modelgen` command line: check a folder of model pages, or generate Rust and JSON
//! Schemas from it, for people who don't use cargo.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use modelgen::diagnostic::Diagnostic;
use modelgen::render::{render_all_human, render_json};
use modelgen::source::SourceMap;
use modelgen::spec_config::WireNames;
use modelgen::Config;

const USAGE: &str = "\
modelgen: Rust types and JSON Schemas from Markdown model pages

Usage:
  modelgen check DIR [--format human|json]
  modelgen generate DIR [--rust FILE] [--schemas DIR] [--base-uri URI] [--wire-names CONVENTION]
                       [--format human|json]

Commands:
  check      read every page under DIR; exit 0 when all generate, else print the errors and exit 1
  generate   like check, then write the Rust file and the schemas where told (nothing is
             written when a page has an error)

Options:
  --rust FILE      write the generated Rust to FILE
  --schemas DIR    write one JSON Schema per model, and bundle.schema.json, under DIR
  --base-uri URI   base of each schema's $id (default https://models.invalid/)
  --wire-names CONVENTION
                   wire names for a folder whose modelgen.json does not set them:
                   as-written (default), snake_case, camelCase, PascalCase, kebab-case,
                   SCREAMING_SNAKE_CASE
  --format FORMAT  human (default): rustc-like diagnostics; json: one JSON object per line
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
    rust: Option<PathBuf>,
    schemas: Option<PathBuf>,
    base_uri: Option<String>,
    wire_names: Option<WireNames>,
    format: Format,
}

fn parse_args() -> Result<Option<Args>, lexopt::Error> {
    use lexopt::prelude::*;
    let mut parser = lexopt::Parser::from_env();
    let mut positional = Vec::new();
    let mut rust = None;
    let mut schemas = None;
    let mut base_uri = None;
    let mut wire_names = None;
    let mut format = Format::Human;
    while let Some(arg) = parser.next()? {
        match arg {
            Short('h') | Long("help") => return Ok(None),
            Long("rust") => rust = Some(PathBuf::from(parser.value()?)),
            Long("schemas") => schemas = Some(PathBuf::from(parser.value()?)),
            Long("base-uri") => base_uri = Some(parser.value()?.string()?),
            Long("wire-names") => {
                let name = parser.value()?.string()?;
                let found = WireNames::ALL.iter().find(|(_, n)| *n == name);
                match found {
                    Some((convention, _)) => wire_names = Some(*convention),
                    None => return Err(format!("unknown wire-name convention `{name}`").into()),
                }
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
    let (Some(command), Some(dir), None) =
        (positional.next(), positional.next(), positional.next())
    else {
        return Err("expected a command and a folder: `modelgen check DIR`".into());
    };
    if command != "check" && command != "generate" {
        return Err(format!("unknown command `{command}`: expected `check` or `generate`").into());
    }
    Ok(Some(Args {
        command,
        dir: PathBuf::from(dir),
        rust,
        schemas,
        base_uri,
        wire_names,
        format,
    }))
}

fn print_diagnostics(diagnostics: &[Diagnostic], sources: &SourceMap, format: Format) {
    match format {
        Format::Human => {
            let color = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
            eprint!("{}", render_all_human(diagnostics, sources, color));
        }
        Format::Json => {
            for diagnostic in diagnostics {
                println!("{}", render_json(diagnostic, sources));
            }
        }
    }
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
            print_diagnostics(&generated.diagnostics, &generated.sources, args.format);
            if args.format == Format::Human {
                eprintln!("{}: {}", args.dir.display(), generated.summary());
            }
            ExitCode::SUCCESS
        }
        Err(error) => {
            print_diagnostics(&error.diagnostics, &error.sources, args.format);
            ExitCode::FAILURE
        }
    }
}
