//! Lint levels (allow, warn, deny) set through `Config`, `modelgen.json` and the command line,
//! and how warnings are shown: errors first, repeated warnings collapsed unless verbose.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use modelgen::diagnostic::Severity;
use modelgen::Config;
use serde_json::Value;

const HEADER: &str = "| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n";

/// A folder with one page whose three SDK-only fields (lines 7, 8 and 9) each give an
/// `sdk-only-field` warning, and `modelgen.json` holding `settings` when given.
fn folder(settings: Option<&str>) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary folder");
    fs::write(
        dir.path().join("Upload.md"),
        format!(
            "# Upload\n\n## Fields\n\n{HEADER}\
             | `photo` | *bytes* | :heavy_minus_sign: | N/A |\n\
             | `body` | *byte[]* | :heavy_check_mark: | N/A |\n\
             | `scan` | *bytes* | :heavy_check_mark: | N/A |\n\
             | `name` | *string* | :heavy_check_mark: | N/A |\n"
        ),
    )
    .expect("write the page");
    if let Some(settings) = settings {
        fs::write(dir.path().join("modelgen.json"), settings).expect("write modelgen.json");
    }
    dir
}

fn config(dir: &Path) -> Config {
    let mut config = Config::new();
    config.spec_dir(dir);
    config
}

/// The severities and codes of a run's diagnostics, and whether it succeeded.
fn outcome(config: &Config) -> (bool, Vec<(Severity, Option<&'static str>)>) {
    let (ok, diagnostics) = match config.check() {
        Ok(generated) => (true, generated.diagnostics),
        Err(error) => (false, error.diagnostics),
    };
    (
        ok,
        diagnostics.iter().map(|d| (d.severity, d.code)).collect(),
    )
}

const FIELD: Option<&str> = Some("sdk-only-field");

#[test]
fn config_levels() {
    let dir = folder(None);
    let warn = (Severity::Warning, FIELD);
    let deny = (Severity::Error, FIELD);
    assert_eq!(outcome(&config(dir.path())), (true, vec![warn; 3]));
    assert_eq!(
        outcome(config(dir.path()).allow("sdk-only-field")),
        (true, vec![])
    );
    assert_eq!(
        outcome(config(dir.path()).deny("sdk-only-field")),
        (false, vec![deny; 3])
    );
    // The last call for a code wins.
    assert_eq!(
        outcome(
            config(dir.path())
                .deny("sdk-only-field")
                .warn("sdk-only-field")
        ),
        (true, vec![warn; 3])
    );
    // Another code's level leaves these warnings alone.
    assert_eq!(
        outcome(config(dir.path()).allow("relocated-link")),
        (true, vec![warn; 3])
    );
}

#[test]
fn a_denied_warning_is_an_error_with_its_code() {
    let dir = folder(None);
    let error = config(dir.path())
        .deny("sdk-only-field")
        .check()
        .expect_err("denied warnings fail the run");
    let text = error.to_string();
    assert!(
        text.starts_with("error[sdk-only-field]: field `photo` is left out"),
        "{text}"
    );
    assert!(
        text.contains("`sdk-only-field` is denied"),
        "the help says why it is an error:\n{text}"
    );
    assert!(
        text.contains("could not generate models: 3 errors emitted"),
        "{text}"
    );
}

#[test]
fn an_unknown_code_in_config_names_the_known_ones() {
    let dir = folder(None);
    let error = config(dir.path())
        .allow("sdk-only-fields")
        .check()
        .expect_err("an unknown code is an error");
    let text = error.to_string();
    assert!(
        text.contains("unknown warning code `sdk-only-fields`"),
        "{text}"
    );
    for (code, _) in modelgen::lints::CODES {
        assert!(text.contains(code), "`{code}` is not listed:\n{text}");
    }
}

#[test]
fn modelgen_json_levels() {
    let settings = |level: &str| format!("{{\"lints\": {{\"sdk-only-field\": \"{level}\"}}}}\n");
    let warn = (Severity::Warning, FIELD);
    let deny = (Severity::Error, FIELD);
    let allowed = folder(Some(&settings("allow")));
    assert_eq!(outcome(&config(allowed.path())), (true, vec![]));
    let warned = folder(Some(&settings("warn")));
    assert_eq!(outcome(&config(warned.path())), (true, vec![warn; 3]));
    let denied = folder(Some(&settings("deny")));
    assert_eq!(outcome(&config(denied.path())), (false, vec![deny; 3]));
    // Config overrides the file, in both directions.
    assert_eq!(
        outcome(config(denied.path()).warn("sdk-only-field")),
        (true, vec![warn; 3])
    );
    assert_eq!(
        outcome(config(allowed.path()).deny("sdk-only-field")),
        (false, vec![deny; 3])
    );
}

#[test]
fn modelgen_json_unknown_code_or_level_points_into_the_file() {
    let dir = folder(Some(
        "{\n  \"lints\": {\n    \"sdk-only-feild\": \"allow\"\n  }\n}\n",
    ));
    let error = config(dir.path()).check().expect_err("unknown code");
    let text = error.to_string();
    assert!(
        text.contains("error: unknown warning code `sdk-only-feild` in `lints`"),
        "{text}"
    );
    assert!(text.contains("modelgen.json:3:5"), "{text}");
    assert!(
        text.contains("sdk-only-field, "),
        "the codes are listed:\n{text}"
    );

    let dir = folder(Some(
        "{\n  \"lints\": {\n    \"sdk-only-field\": \"forbid\"\n  }\n}\n",
    ));
    let error = config(dir.path()).check().expect_err("unknown level");
    let text = error.to_string();
    assert!(
        text.contains("error: unknown lint level \"forbid\" for `sdk-only-field`"),
        "{text}"
    );
    assert!(text.contains("modelgen.json:3:23"), "{text}");
}

fn modelgen(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_modelgen"))
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("the modelgen binary runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("UTF-8 output")
}

fn path_arg(path: &Path) -> &str {
    path.to_str().expect("a UTF-8 path")
}

#[test]
fn command_line_levels() {
    let dir = folder(None);
    let at = path_arg(dir.path());

    let out = modelgen(&["check", at]);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(stderr.contains("3 warnings"), "{stderr}");

    let out = modelgen(&["check", at, "--allow", "sdk-only-field"]);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(!stderr.contains("sdk-only-field"), "{stderr}");
    assert!(stderr.ends_with("0 warnings\n"), "{stderr}");

    let out = modelgen(&["check", at, "--deny", "sdk-only-field"]);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert_eq!(
        stderr.matches("error[sdk-only-field]").count(),
        3,
        "{stderr}"
    );

    // The last flag for a code wins.
    let out = modelgen(&[
        "check",
        at,
        "--deny",
        "sdk-only-field",
        "--warn",
        "sdk-only-field",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));

    let out = modelgen(&["check", at, "--deny", "no-such-code"]);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("unknown warning code `no-such-code` for --deny"),
        "{stderr}"
    );
    assert!(stderr.contains("relocated-link"), "{stderr}");
}

#[test]
fn command_line_overrides_modelgen_json() {
    let dir = folder(Some("{\"lints\": {\"sdk-only-field\": \"deny\"}}"));
    let at = path_arg(dir.path());
    let out = modelgen(&["check", at]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    let out = modelgen(&["check", at, "--warn", "sdk-only-field"]);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(stderr.contains("3 warnings"), "{stderr}");
    let out = modelgen(&["check", at, "--allow", "sdk-only-field"]);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(stderr.ends_with("0 warnings\n"), "{stderr}");
}

#[test]
fn repeated_warnings_collapse_unless_verbose() {
    let dir = folder(None);
    let at = path_arg(dir.path());
    let page = dir.path().join("Upload.md").display().to_string();

    let out = modelgen(&["check", at]);
    let stderr = text(&out.stderr);
    let expected = format!(
        "warning[sdk-only-field]: 3 fields left out because their type is an SDK object \
         (file, stream, HTTP message) (first: {page}:7:13, {page}:8:12, {page}:9:12; \
         --verbose shows every one)\n\n\
         warning: 3 warnings emitted\n\
         {at}: 1 page, 1 model (1 object, 0 enums, 0 unions, 0 untyped), 3 warnings\n"
    );
    assert_eq!(stderr, expected);

    for verbose in ["--verbose", "-v"] {
        let out = modelgen(&["check", at, verbose]);
        let stderr = text(&out.stderr);
        assert_eq!(
            stderr.matches("warning[sdk-only-field]: field `").count(),
            3,
            "{stderr}"
        );
        assert!(!stderr.contains("shows every one"), "{stderr}");
    }
}

#[test]
fn json_lists_every_warning_and_a_summary_by_code() {
    let dir = folder(None);
    let out = modelgen(&["check", path_arg(dir.path()), "--format", "json"]);
    assert_eq!(out.status.code(), Some(0));
    let stdout = text(&out.stdout);
    let lines: Vec<Value> = stdout
        .lines()
        .map(|line| serde_json::from_str(line).expect("a JSON line"))
        .collect();
    assert_eq!(lines.len(), 4, "{stdout}");
    for warning in &lines[..3] {
        assert_eq!(warning["code"], "sdk-only-field");
        assert_eq!(warning["severity"], "warning");
    }
    assert_eq!(
        lines[3],
        serde_json::json!({"summary": {
            "pages": 1, "models": 1, "errors": 0, "warnings": 3,
            "by_code": {"sdk-only-field": 3},
        }})
    );
}

#[test]
fn build_script_warnings_collapse_unless_verbose() {
    let dir = folder(None);
    let generated = config(dir.path()).check().expect("generates");
    let page = dir.path().join("Upload.md").display().to_string();
    let lines = modelgen::cargo_warnings(&generated.diagnostics, &generated.sources, false);
    assert_eq!(
        lines,
        [format!(
            "[sdk-only-field] 3 fields left out because their type is an SDK object \
             (file, stream, HTTP message) (first: {page}:7:13, {page}:8:12, {page}:9:12; \
             MODELGEN_VERBOSE=1 shows every one)"
        )]
    );
    let lines = modelgen::cargo_warnings(&generated.diagnostics, &generated.sources, true);
    assert_eq!(lines.len(), 3);
    assert_eq!(
        lines[0],
        format!(
            "{page}:7:13: [sdk-only-field] field `photo` is left out: `bytes` is an SDK object, not JSON"
        )
    );
}

/// The folder of unmodified C# SDK pages shared beside the repository, if it is there.
fn clerk_csharp() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../shared/sdk-pages/clerk-csharp")
        .canonicalize()
        .ok()?;
    dir.is_dir().then_some(dir)
}

#[test]
fn a_large_sdk_folder_prints_little_by_default_and_everything_when_verbose() {
    let Some(dir) = clerk_csharp() else {
        eprintln!("skipped: ../shared/sdk-pages/clerk-csharp is not present");
        return;
    };
    let at = path_arg(&dir);
    let out = modelgen(&["check", at]);
    let quiet = text(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{quiet}");
    assert!(quiet.lines().count() <= 40, "{quiet}");

    let out = modelgen(&["check", at, "--format", "json"]);
    let stdout = text(&out.stdout);
    let summary: Value =
        serde_json::from_str(stdout.lines().last().expect("a summary")).expect("JSON");
    let warnings = summary["summary"]["warnings"].as_u64().expect("a count");
    assert!(warnings > 10, "{summary}");
    assert_eq!(stdout.lines().count() as u64, warnings + 1);

    let out = modelgen(&["check", at, "--verbose"]);
    let verbose = text(&out.stderr);
    let shown = verbose
        .lines()
        .filter(|l| l.starts_with("warning["))
        .count();
    assert_eq!(shown as u64, warnings, "every warning is shown");

    // Denying a kind that occurs in the middle of the folder: every error comes before any
    // warning, and the run fails.
    for verbose in [false, true] {
        let mut args = vec!["check", at, "--deny", "undefined-variant"];
        if verbose {
            args.push("-v");
        }
        let out = modelgen(&args);
        let stderr = text(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{stderr}");
        let errors: Vec<usize> = positions(&stderr, "error[");
        let warnings: Vec<usize> = positions(&stderr, "warning[");
        assert!(errors.len() >= 3, "{stderr}");
        assert!(!warnings.is_empty(), "{stderr}");
        assert!(
            errors.iter().max() < warnings.iter().min(),
            "errors come first:\n{stderr}"
        );
        if !verbose {
            assert!(stderr.lines().count() <= 80, "{stderr}");
        }
    }
}

/// Line numbers of the lines that start with `prefix`.
fn positions(text: &str, prefix: &str) -> Vec<usize> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| l.starts_with(prefix))
        .map(|(i, _)| i)
        .collect()
}
