//! Snapshot tests: the generated Rust, every published schema and the rendered warnings of the
//! repository's `spec/` folder and of each folder under `tests/fixtures/dialects/`, compared
//! with the files under `tests/expected/<case>/`.
//!
//! After an intended change to the output, rewrite the expected files and review the diff:
//!
//! ```text
//! UPDATE_EXPECT=1 cargo test -p modelgen --test snapshots
//! git diff codegen/tests/expected
//! ```
//!
//! Each case folder holds `models.rs` (`Generated::rust`), `schemas/<path>` (each of
//! `Generated::schemas`) and `warnings.txt` (the warnings rendered as the CLI prints them, with
//! paths relative to the workspace root). A folder that fails to generate holds only
//! `errors.txt`, the rendered errors.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use modelgen::render::render_all_human;
use modelgen::Config;

fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn workspace_dir() -> PathBuf {
    manifest_dir()
        .parent()
        .expect("the codegen package sits in the workspace")
        .to_path_buf()
}

fn expected_root() -> PathBuf {
    manifest_dir().join("tests").join("expected")
}

fn dialects_dir() -> PathBuf {
    manifest_dir()
        .join("tests")
        .join("fixtures")
        .join("dialects")
}

fn updating() -> bool {
    std::env::var_os("UPDATE_EXPECT").is_some_and(|v| !v.is_empty() && v != "0")
}

/// A snapshot case: its name (the folder under `tests/expected/`) and its spec folder.
struct Case {
    name: String,
    spec_dir: PathBuf,
}

fn dialect_cases() -> Vec<Case> {
    let mut cases: Vec<Case> = fs::read_dir(dialects_dir())
        .expect("tests/fixtures/dialects exists")
        .map(|entry| entry.expect("a folder entry"))
        .filter(|entry| entry.file_type().is_ok_and(|t| t.is_dir()))
        .map(|entry| Case {
            name: entry.file_name().to_string_lossy().into_owned(),
            spec_dir: entry.path(),
        })
        .collect();
    cases.sort_by(|a, b| a.name.cmp(&b.name));
    assert!(!cases.is_empty(), "no dialect fixtures found");
    cases
}

fn spec_case() -> Case {
    Case {
        name: "spec".to_owned(),
        spec_dir: workspace_dir().join("spec"),
    }
}

/// The files a case produces: relative path under its expected folder, and contents.
fn produce(case: &Case) -> BTreeMap<String, String> {
    // Paths in rendered diagnostics are the spec folder joined with the page's path; show them
    // relative to the workspace root so the snapshots do not depend on the checkout's place.
    let absolute = format!("{}{}", case.spec_dir.display(), std::path::MAIN_SEPARATOR);
    let relative = case
        .spec_dir
        .strip_prefix(workspace_dir())
        .expect("cases live in the workspace");
    let relative = format!("{}/", relative.display()).replace('\\', "/");
    let portable = |text: String| text.replace(&absolute, &relative);

    let mut files = BTreeMap::new();
    match Config::new().spec_dir(&case.spec_dir).check() {
        Ok(generated) => {
            files.insert("models.rs".to_owned(), generated.rust.clone());
            for (path, text) in &generated.schemas {
                let previous = files.insert(format!("schemas/{path}"), text.clone());
                assert!(previous.is_none(), "{}: schema {path} twice", case.name);
            }
            let warnings = render_all_human(&generated.diagnostics, &generated.sources, false);
            files.insert("warnings.txt".to_owned(), portable(warnings));
        }
        Err(error) => {
            let errors = render_all_human(&error.diagnostics, &error.sources, false);
            files.insert("errors.txt".to_owned(), portable(errors));
        }
    }
    files
}

/// Every file under `dir`, as paths relative to it with `/` separators.
fn files_under(dir: &Path) -> Vec<String> {
    let mut found = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(at) = pending.pop() {
        let Ok(entries) = fs::read_dir(&at) else {
            continue;
        };
        for entry in entries {
            let path = entry.expect("a folder entry").path();
            if path.is_dir() {
                pending.push(path);
            } else {
                let relative = path.strip_prefix(dir).expect("under dir");
                found.push(relative.to_string_lossy().replace('\\', "/"));
            }
        }
    }
    found.sort();
    found
}

/// Compares a case with its expected folder (or rewrites the folder when updating) and
/// returns a description of every difference.
fn compare(case: &Case) -> Vec<String> {
    let produced = produce(case);
    let dir = expected_root().join(&case.name);
    let existing = files_under(&dir);
    if updating() {
        for stale in existing.iter().filter(|f| !produced.contains_key(*f)) {
            fs::remove_file(dir.join(stale)).expect("remove a stale expected file");
            eprintln!("removed {}/{stale}", case.name);
        }
        for (relative, text) in &produced {
            let path = dir.join(relative);
            if fs::read_to_string(&path).ok().as_deref() != Some(text.as_str()) {
                fs::create_dir_all(path.parent().expect("a parent")).expect("create folder");
                fs::write(&path, text).expect("write an expected file");
                eprintln!("updated {}/{relative}", case.name);
            }
        }
        return Vec::new();
    }
    let mut problems = Vec::new();
    for stale in existing.iter().filter(|f| !produced.contains_key(*f)) {
        problems.push(format!(
            "{}/{stale}: expected, but the generator no longer produces it",
            case.name
        ));
    }
    for (relative, text) in &produced {
        let path = dir.join(relative);
        match fs::read_to_string(&path) {
            Err(_) => problems.push(format!(
                "{}/{relative}: produced, but {} does not exist; first lines:\n{}",
                case.name,
                path.display(),
                text.lines().take(20).collect::<Vec<_>>().join("\n")
            )),
            Ok(expected) if expected != *text => problems.push(format!(
                "{}/{relative} differs (- expected, + actual):\n{}",
                case.name,
                line_diff(&expected, text)
            )),
            Ok(_) => {}
        }
    }
    problems
}

fn assert_cases(cases: &[Case]) {
    let problems: Vec<String> = cases.iter().flat_map(compare).collect();
    assert!(
        problems.is_empty(),
        "{} snapshot difference(s); if intended, rerun with UPDATE_EXPECT=1 and review \
         `git diff codegen/tests/expected`\n\n{}",
        problems.len(),
        problems.join("\n\n")
    );
}

#[test]
fn spec_folder() {
    let case = spec_case();
    assert_cases(std::slice::from_ref(&case));
    if !updating() {
        // The repository's spec generates cleanly: the snapshot holds no errors or warnings.
        let warnings = expected_root().join("spec").join("warnings.txt");
        assert_eq!(fs::read_to_string(warnings).expect("read"), "");
    }
}

#[test]
fn dialects() {
    assert_cases(&dialect_cases());
}

#[test]
fn spec_snapshot_matches_the_committed_generated_folder() {
    // `generated/` is what the build script writes from spec/; the snapshot must agree.
    let generated = workspace_dir().join("generated");
    let produced = produce(&spec_case());
    let schemas: Vec<&String> = produced
        .keys()
        .filter_map(|k| k.strip_prefix("schemas/").map(|_| k))
        .collect();
    assert!(!schemas.is_empty());
    for key in schemas {
        let file = key.trim_start_matches("schemas/");
        let committed = fs::read_to_string(generated.join(file))
            .unwrap_or_else(|e| panic!("generated/{file}: {e}"));
        assert_eq!(
            committed, produced[key],
            "generated/{file} is not what spec/ generates"
        );
    }
}

#[test]
fn no_expected_folder_without_a_case() {
    let mut names: Vec<String> = dialect_cases().into_iter().map(|c| c.name).collect();
    names.push("spec".to_owned());
    let Ok(entries) = fs::read_dir(expected_root()) else {
        return;
    };
    for entry in entries {
        let entry = entry.expect("a folder entry");
        let name = entry.file_name().to_string_lossy().into_owned();
        assert!(
            names.contains(&name),
            "tests/expected/{name} has no case: remove it (its fixture is gone)"
        );
    }
}

#[test]
fn snapshots_do_not_depend_on_the_machine_path() {
    let workspace = workspace_dir().display().to_string();
    for case in dialect_cases().into_iter().chain([spec_case()]) {
        for (relative, text) in produce(&case) {
            assert!(
                !text.contains(&workspace),
                "{}/{relative} mentions the checkout path {workspace}",
                case.name
            );
        }
    }
}

/// A unified line diff with three lines of context, shortened to a readable length.
fn line_diff(expected: &str, actual: &str) -> String {
    const LIMIT: usize = 200;
    if expected.lines().eq(actual.lines()) {
        return format!(
            "(the texts differ only in line endings or a final newline: expected {} bytes, actual {} bytes; expected ends with newline: {}, actual: {})",
            expected.len(),
            actual.len(),
            expected.ends_with('\n'),
            actual.ends_with('\n')
        );
    }
    let diff = similar::TextDiff::from_lines(expected, actual);
    let text = diff
        .unified_diff()
        .context_radius(3)
        .header("expected", "actual")
        .to_string();
    let lines: Vec<&str> = text.lines().collect();
    if lines.len() <= LIMIT {
        return text.trim_end().to_owned();
    }
    let changed = diff
        .ops()
        .iter()
        .flat_map(|op| diff.iter_changes(op))
        .filter(|change| change.tag() != similar::ChangeTag::Equal)
        .count();
    format!(
        "{}\n... (diff cut at {LIMIT} lines; {changed} lines changed in all)",
        lines[..LIMIT].join("\n")
    )
}

#[test]
fn line_diff_shows_changed_lines_with_context() {
    let expected = "a\nb\nc\nd\ne\nf\ng\nh\n";
    let actual = "a\nb\nc\nD\ne\nf\ng\nh\nnew\n";
    let diff = line_diff(expected, actual);
    assert_eq!(
        diff,
        "--- expected\n+++ actual\n@@ -1,8 +1,9 @@\n a\n b\n c\n-d\n+D\n e\n f\n g\n h\n+new"
    );
    let long_expected: String = (0..40).map(|n| format!("{n}\n")).collect();
    let long_actual: String = (0..40)
        .map(|n| match n {
            5 => "five\n".to_owned(),
            30 => "thirty\n".to_owned(),
            n => format!("{n}\n"),
        })
        .collect();
    let diff = line_diff(&long_expected, &long_actual);
    assert!(
        diff.contains("@@ -3,7 +3,7 @@\n 2\n 3\n 4\n-5\n+five\n 6"),
        "{diff}"
    );
    assert!(
        diff.contains("@@ -28,7 +28,7 @@\n 27\n 28\n 29\n-30\n+thirty"),
        "{diff}"
    );
    assert!(!diff.contains(" 15\n"), "{diff}");
    assert!(
        line_diff("a\n", "a").contains("final newline"),
        "{}",
        line_diff("a\n", "a")
    );
    let many_expected: String = (0..500).map(|n| format!("{n}\n")).collect();
    let many_actual: String = (0..500).map(|n| format!("x{n}\n")).collect();
    assert!(line_diff(&many_expected, &many_actual)
        .ends_with("(diff cut at 200 lines; 1000 lines changed in all)"));
}
