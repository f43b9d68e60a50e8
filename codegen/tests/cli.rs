//! The `modelgen` command line, run as a user runs it.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, SystemTime};

use serde_json::Value;

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

fn spec_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("the workspace")
        .join("spec")
}

fn path_arg(path: &Path) -> &str {
    path.to_str().expect("a UTF-8 path")
}

const HEADER: &str = "| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n";

/// A folder with one good page and one whose only row has an unknown Required mark at
/// line 7, column 21 (`| `id` | *string* | ` is 20 characters).
fn defective_folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary folder");
    fs::write(
        dir.path().join("Good.md"),
        format!(
            "# Good\n\n## Fields\n\n{HEADER}| `id` | *string* | :heavy_check_mark: | The ID. |\n"
        ),
    )
    .expect("write");
    fs::write(
        dir.path().join("Bad.md"),
        format!("# Bad\n\n## Fields\n\n{HEADER}| `id` | *string* | :maybe: | The ID. |\n"),
    )
    .expect("write");
    dir
}

#[test]
fn check_on_the_spec_folder_succeeds() {
    let out = modelgen(&["check", path_arg(&spec_dir())]);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "stderr:\n{stderr}");
    assert!(!stderr.contains("error"), "{stderr}");
    let pages = fs::read_dir(spec_dir())
        .expect("list spec/")
        .filter(|e| {
            e.as_ref()
                .expect("entry")
                .path()
                .extension()
                .is_some_and(|x| x == "md")
        })
        .count();
    assert!(pages >= 5, "spec/ has its seed pages");
    assert!(
        stderr.contains(&format!("{pages} pages, {pages} models (")),
        "{stderr}"
    );
    assert!(stderr.trim_end().ends_with(", 0 warnings"), "{stderr}");
    assert!(
        text(&out.stdout).is_empty(),
        "check prints nothing on stdout"
    );
}

#[test]
fn check_on_a_defective_folder_fails_with_the_location() {
    let dir = defective_folder();
    let out = modelgen(&["check", path_arg(dir.path())]);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "stderr:\n{stderr}");
    let location = format!("{}:7:21", dir.path().join("Bad.md").display());
    assert!(stderr.contains(&location), "no `{location}` in:\n{stderr}");
    assert!(
        stderr.contains("error: unknown Required mark `:maybe:`"),
        "{stderr}"
    );
    assert!(
        stderr.contains("could not generate models: 1 error emitted"),
        "{stderr}"
    );
    assert!(
        !stderr.contains("\u{1b}["),
        "NO_COLOR output has no ANSI styles"
    );
}

#[test]
fn json_format_prints_one_object_per_line() {
    let dir = defective_folder();
    fs::write(
        dir.path().join("Worse.md"),
        format!(
            "# Worse\n\n## Fields\n\n{HEADER}| `id` | *strng* | :heavy_check_mark: | The ID. |\n"
        ),
    )
    .expect("write");
    let out = modelgen(&["check", path_arg(dir.path()), "--format", "json"]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = text(&out.stdout);
    let mut lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(
        lines.len(),
        3,
        "one line per diagnostic and a summary:\n{stdout}"
    );
    let summary: Value = serde_json::from_str(lines.pop().expect("summary")).expect("JSON");
    assert_eq!(summary["summary"]["errors"], 2, "{summary}");
    assert_eq!(summary["summary"]["warnings"], 0, "{summary}");
    assert_eq!(summary["summary"]["models"], Value::Null, "{summary}");
    let objects: Vec<Value> = lines
        .iter()
        .map(|line| {
            let value: Value = serde_json::from_str(line)
                .unwrap_or_else(|e| panic!("not a JSON line ({e}): {line}"));
            assert!(value.is_object(), "{line}");
            value
        })
        .collect();
    let located: Vec<(String, u64, u64, String)> = objects
        .iter()
        .map(|o| {
            (
                o["file"].as_str().expect("file").to_owned(),
                o["line"].as_u64().expect("line"),
                o["column"].as_u64().expect("column"),
                o["severity"].as_str().expect("severity").to_owned(),
            )
        })
        .collect();
    let file = |name: &str| dir.path().join(name).display().to_string();
    assert_eq!(
        located,
        vec![
            (file("Bad.md"), 7, 21, "error".to_owned()),
            (file("Worse.md"), 7, 11, "error".to_owned()),
        ]
    );
    assert_eq!(objects[0]["message"], "unknown Required mark `:maybe:`");
    assert_eq!(objects[1]["message"], "unknown type `strng`");
    // Nothing human-readable is mixed into the JSON stream.
    assert!(!stdout.contains("-->"), "{stdout}");
}

#[test]
fn json_format_on_a_clean_folder_prints_only_the_summary() {
    let out = modelgen(&["check", path_arg(&spec_dir()), "--format", "json"]);
    assert_eq!(out.status.code(), Some(0));
    let stdout = text(&out.stdout);
    assert_eq!(stdout.lines().count(), 1, "{stdout}");
    let summary: Value = serde_json::from_str(stdout.trim()).expect("JSON");
    let summary = &summary["summary"];
    let pages = summary["pages"].as_u64().expect("pages");
    assert!(pages >= 5, "{summary}");
    assert!(summary["models"].as_u64().expect("models") >= pages);
    assert_eq!(summary["errors"], 0, "{summary}");
    assert_eq!(summary["warnings"], 0, "{summary}");
    assert_eq!(summary["by_code"], serde_json::json!({}), "{summary}");
}

/// Every file under `dir` with its modification time.
fn snapshot(dir: &Path) -> Vec<(PathBuf, SystemTime)> {
    let mut found = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(at) = pending.pop() {
        for entry in fs::read_dir(&at).expect("list") {
            let entry = entry.expect("entry");
            let path = entry.path();
            if path.is_dir() {
                pending.push(path);
            } else {
                let modified = entry
                    .metadata()
                    .expect("metadata")
                    .modified()
                    .expect("mtime");
                found.push((path, modified));
            }
        }
    }
    found.sort();
    found
}

#[test]
fn generate_writes_the_files_and_a_second_run_writes_nothing() {
    let out_dir = tempfile::tempdir().expect("a temporary folder");
    let rust = out_dir.path().join("src").join("models.rs");
    let schemas = out_dir.path().join("schemas");
    let spec = spec_dir();
    let args = [
        "generate",
        path_arg(&spec),
        "--rust",
        path_arg(&rust),
        "--schemas",
        path_arg(&schemas),
    ];
    let first = modelgen(&args);
    assert_eq!(
        first.status.code(),
        Some(0),
        "stderr:\n{}",
        text(&first.stderr)
    );
    let rust_text = fs::read_to_string(&rust).expect("the Rust file is written");
    assert!(
        rust_text.starts_with("// @generated by modelgen"),
        "{rust_text}"
    );
    assert!(rust_text.contains("pub struct Customer"));
    let mut names: Vec<String> = fs::read_dir(&schemas)
        .expect("the schema folder is written")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    // The CLI writes what the build writes into generated/: the same files, byte for byte.
    let committed = spec_dir().parent().expect("workspace").join("generated");
    let mut committed_names: Vec<String> = fs::read_dir(&committed)
        .expect("list generated/")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".schema.json") || n == "MODELS.md")
        .collect();
    committed_names.sort();
    assert_eq!(names, committed_names);
    for expected in ["Customer.schema.json", "bundle.schema.json"] {
        assert!(names.iter().any(|n| n == expected), "{names:?}");
    }
    for name in &names {
        assert_eq!(
            fs::read_to_string(schemas.join(name)).expect("read"),
            fs::read_to_string(committed.join(name)).expect("read"),
            "{name} differs from generated/{name}"
        );
    }

    // Age every output so that any rewrite, even within the same clock tick, shows.
    let old = SystemTime::UNIX_EPOCH + Duration::from_secs(1_000_000_000);
    for (path, _) in snapshot(out_dir.path()) {
        fs::File::options()
            .write(true)
            .open(&path)
            .expect("open")
            .set_modified(old)
            .expect("set mtime");
    }
    let before = snapshot(out_dir.path());
    assert!(before.iter().all(|(_, t)| *t == old));

    let second = modelgen(&args);
    assert_eq!(
        second.status.code(),
        Some(0),
        "stderr:\n{}",
        text(&second.stderr)
    );
    let after = snapshot(out_dir.path());
    assert_eq!(
        after, before,
        "the second run rewrote or added files (temporary files left behind count too)"
    );
}

#[test]
fn generate_on_a_defective_folder_writes_nothing() {
    let dir = defective_folder();
    let out_dir = tempfile::tempdir().expect("a temporary folder");
    let rust = out_dir.path().join("models.rs");
    let schemas = out_dir.path().join("schemas");
    let out = modelgen(&[
        "generate",
        path_arg(dir.path()),
        "--rust",
        path_arg(&rust),
        "--schemas",
        path_arg(&schemas),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(snapshot(out_dir.path()).is_empty());
}

#[test]
fn usage_errors_exit_2() {
    let out = modelgen(&["frobnicate", "spec"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("unknown command `frobnicate`"));
    let out = modelgen(&["check"]);
    assert_eq!(out.status.code(), Some(2));
    let out = modelgen(&["check", path_arg(&spec_dir()), "--format", "xml"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("unknown format `xml`"));
}

#[test]
fn check_on_a_missing_folder_fails() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let missing = dir.path().join("nope");
    let out = modelgen(&["check", path_arg(&missing)]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("does not exist"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn modelgen_json_shapes_what_the_command_line_generates() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let spec = dir.path().join("spec");
    fs::create_dir_all(&spec).expect("create");
    fs::write(
        spec.join("Good.md"),
        format!(
            "# Good\n\n## Fields\n\n{HEADER}| `id` | *string* | :heavy_check_mark: | The ID. |\n"
        ),
    )
    .expect("write");
    fs::write(
        spec.join("modelgen.json"),
        "{\n  \"deriveFor\": {\"Good\": [\"Hash\", \"Eq\"]},\n  \"fieldAttributes\": {\"Good\": {\"id\": [\"#[doc(alias = \\\"key\\\")]\"]}}\n}\n",
    )
    .expect("write");
    let out_dir = dir.path().join("out");
    let out = modelgen(&[
        "generate",
        path_arg(&spec),
        "--rust",
        path_arg(&out_dir.join("models.rs")),
    ]);
    assert_eq!(out.status.code(), Some(0), "stderr:\n{}", text(&out.stderr));
    let rust = fs::read_to_string(out_dir.join("models.rs")).expect("the Rust file");
    assert!(rust.contains("#[derive(Hash, Eq)]\n"), "{rust}");
    assert!(rust.contains("#[doc(alias = \"key\")]\n"));

    fs::write(
        spec.join("modelgen.json"),
        "{\n  \"deriveFor\": {\"Good\": [\"Ha sh\"]}\n}\n",
    )
    .expect("write");
    let out = modelgen(&["check", path_arg(&spec)]);
    let stderr = text(&out.stderr);
    assert_ne!(out.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.contains("`Ha sh` is not a derive macro's path"),
        "{stderr}"
    );
    assert!(stderr.contains("modelgen.json:2:26"), "{stderr}");
}
