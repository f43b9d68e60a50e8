//! `modelgen diff`: one fixture pair per rule (its classification and where it points), the
//! command line's exit codes and formats, every corpus folder against itself, and findings
//! checked by hand in the four real pairs of the corpus.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use modelgen::diff::{Report, Rule, Side};
use modelgen::spec_config::WireNames;
use serde_json::Value;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/diff")
}

/// The corpus of real pages, `../shared/corpus` from the repository root (as `.ci/corpus.sh`
/// reads it); `None`, with a notice, when it is absent.
fn corpus() -> Option<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../shared/corpus")
        .canonicalize()
        .ok()
        .filter(|p| p.is_dir());
    if root.is_none() {
        eprintln!("notice: ../shared/corpus is absent; skipping the corpus diffs");
    }
    root
}

/// The wire-name convention of a corpus folder: the TypeScript pages name fields as the JSON
/// does, the other SDKs in their own casing of the camelCase API.
fn corpus_convention(folder: &str) -> WireNames {
    if folder.contains("-ts") {
        WireNames::AsWritten
    } else {
        WireNames::CamelCase
    }
}

fn report(old: &Path, new: &Path, convention: WireNames) -> Report {
    let generate = |dir: &Path| {
        modelgen::Config::new()
            .spec_dir(dir)
            .wire_names(convention)
            .check()
            .unwrap_or_else(|e| panic!("{} does not generate:\n{e}", dir.display()))
    };
    Report::new(&generate(old), &generate(new))
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

fn arg(path: &Path) -> &str {
    path.to_str().expect("a UTF-8 path")
}

/// One fixture pair: the folder under `tests/fixtures/diff`, the rule it shows, whom that rule
/// must break (readers, writers), where the change must point (`old/` or `new/` page, line),
/// and the rules of every change the pair holds.
struct Case {
    folder: &'static str,
    rule: &'static str,
    readers: bool,
    writers: bool,
    page: &'static str,
    line: usize,
    all: &'static [&'static str],
}

const fn case(
    folder: &'static str,
    rule: &'static str,
    (readers, writers): (bool, bool),
    (page, line): (&'static str, usize),
    all: &'static [&'static str],
) -> Case {
    Case {
        folder,
        rule,
        readers,
        writers,
        page,
        line,
        all,
    }
}

const R: (bool, bool) = (true, false);
const W: (bool, bool) = (false, true);
const RW: (bool, bool) = (true, true);
const NONE: (bool, bool) = (false, false);

/// The fixture pairs. The pages are `Account` (line 1 the title, 9 `id`, 10 `name`, 11 an
/// added field), `Status` (values from line 9; the literal union's code block at line 9),
/// and `Value` (variants at lines 7, 9, 11).
const CASES: &[Case] = &[
    case(
        "model-removed",
        "model-removed",
        RW,
        ("old/Gone.md", 1),
        &["model-removed"],
    ),
    case(
        "model-added",
        "model-added",
        NONE,
        ("new/Extra.md", 1),
        &["model-added"],
    ),
    case(
        "model-renamed",
        "model-renamed",
        NONE,
        ("new/Client.md", 1),
        &["model-renamed", "model-description-changed"],
    ),
    case(
        "model-renamed-same-shape",
        "model-renamed",
        NONE,
        ("new/Client.md", 1),
        &["model-renamed"],
    ),
    case(
        "model-moved",
        "model-moved",
        NONE,
        ("new/errors/Account.md", 1),
        &["model-moved"],
    ),
    case(
        "model-type-changed",
        "model-type-changed",
        RW,
        ("new/Account.md", 1),
        &["model-type-changed"],
    ),
    case(
        "model-type-widened",
        "model-type-widened",
        R,
        ("new/Account.md", 1),
        &["model-type-widened"],
    ),
    case(
        "model-type-narrowed",
        "model-type-narrowed",
        W,
        ("new/Account.md", 1),
        &["model-type-narrowed"],
    ),
    case(
        "model-description-changed",
        "model-description-changed",
        NONE,
        ("new/Account.md", 1),
        &["model-description-changed"],
    ),
    case(
        "model-deprecated",
        "model-deprecated",
        NONE,
        ("new/Account.md", 1),
        &["model-deprecated"],
    ),
    case(
        "model-undeprecated",
        "model-undeprecated",
        NONE,
        ("new/Account.md", 1),
        &["model-undeprecated"],
    ),
    case(
        "field-removed",
        "field-removed",
        R,
        ("old/Account.md", 10),
        &["field-removed"],
    ),
    case(
        "field-renamed",
        "field-renamed",
        RW,
        ("new/Account.md", 10),
        &["field-renamed", "field-description-changed"],
    ),
    case(
        "field-renamed-same-shape",
        "field-renamed",
        RW,
        ("new/Account.md", 10),
        &["field-renamed"],
    ),
    case(
        "field-added-required",
        "field-added-required",
        W,
        ("new/Account.md", 11),
        &["field-added-required"],
    ),
    case(
        "field-added-optional",
        "field-added-optional",
        NONE,
        ("new/Account.md", 11),
        &["field-added-optional"],
    ),
    case(
        "field-became-optional",
        "field-became-optional",
        R,
        ("new/Account.md", 9),
        &["field-became-optional"],
    ),
    case(
        "field-became-required",
        "field-became-required",
        W,
        ("new/Account.md", 10),
        &["field-became-required"],
    ),
    case(
        "field-became-nullable",
        "field-became-nullable",
        R,
        ("new/Account.md", 10),
        &["field-became-nullable"],
    ),
    case(
        "field-became-non-nullable",
        "field-became-non-nullable",
        W,
        ("new/Account.md", 10),
        &["field-became-non-nullable"],
    ),
    case(
        "field-type-changed",
        "field-type-changed",
        RW,
        ("new/Account.md", 10),
        &["field-type-changed", "field-example-changed"],
    ),
    case(
        "field-type-widened",
        "field-type-widened",
        R,
        ("new/Account.md", 10),
        &["field-type-widened"],
    ),
    case(
        "field-type-narrowed",
        "field-type-narrowed",
        W,
        ("new/Account.md", 10),
        &["field-type-narrowed"],
    ),
    case(
        "constraint-tightened",
        "constraint-tightened",
        W,
        ("new/Account.md", 10),
        &["constraint-tightened"],
    ),
    case(
        "constraint-loosened",
        "constraint-loosened",
        R,
        ("new/Account.md", 10),
        &["constraint-loosened"],
    ),
    case(
        "constraint-changed",
        "constraint-changed",
        RW,
        ("new/Account.md", 10),
        &["constraint-changed"],
    ),
    case(
        "default-changed",
        "default-changed",
        NONE,
        ("new/Account.md", 10),
        &["default-changed"],
    ),
    case(
        "field-description-changed",
        "field-description-changed",
        NONE,
        ("new/Account.md", 10),
        &["field-description-changed"],
    ),
    case(
        "field-example-changed",
        "field-example-changed",
        NONE,
        ("new/Account.md", 10),
        &["field-example-changed"],
    ),
    case(
        "field-deprecated",
        "field-deprecated",
        NONE,
        ("new/Account.md", 10),
        &["field-deprecated"],
    ),
    case(
        "field-undeprecated",
        "field-undeprecated",
        NONE,
        ("new/Account.md", 10),
        &["field-undeprecated"],
    ),
    case(
        "enum-value-added",
        "enum-value-added",
        R,
        ("new/Status.md", 11),
        &["enum-value-added"],
    ),
    case(
        "open-enum-value-added",
        "open-enum-value-added",
        NONE,
        ("new/Status.md", 9),
        &["open-enum-value-added"],
    ),
    case(
        "enum-value-removed",
        "enum-value-removed",
        W,
        ("old/Status.md", 11),
        &["enum-value-removed"],
    ),
    case(
        "enum-opened",
        "enum-opened",
        R,
        ("new/Status.md", 1),
        &["enum-opened"],
    ),
    case(
        "enum-closed",
        "enum-closed",
        W,
        ("new/Status.md", 1),
        &["enum-closed"],
    ),
    case(
        "union-variant-added",
        "union-variant-added",
        R,
        ("new/Value.md", 11),
        &["union-variant-added"],
    ),
    case(
        "union-variant-removed",
        "union-variant-removed",
        W,
        ("old/Value.md", 11),
        &["union-variant-removed"],
    ),
];

#[test]
fn every_rule_has_a_fixture_pair() {
    for rule in Rule::ALL {
        assert!(
            CASES.iter().any(|c| c.rule == rule.id()),
            "no fixture pair shows `{}`",
            rule.id()
        );
    }
    let mut folders: Vec<String> = std::fs::read_dir(fixtures())
        .expect("the diff fixtures")
        .map(|e| {
            e.expect("an entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    folders.sort();
    let mut listed: Vec<&str> = CASES.iter().map(|c| c.folder).collect();
    listed.sort();
    assert_eq!(folders, listed, "every fixture folder is a case, and back");
}

#[test]
fn each_fixture_pair_is_classified_and_located() {
    for case in CASES {
        let dir = fixtures().join(case.folder);
        let report = report(&dir.join("old"), &dir.join("new"), WireNames::AsWritten);
        let rules: Vec<&str> = report.changes.iter().map(|c| c.rule.id()).collect();
        assert_eq!(rules, case.all, "the changes of `{}`", case.folder);
        let change = report
            .changes
            .iter()
            .find(|c| c.rule.id() == case.rule)
            .expect("the case's change");
        let breaks = change.breaks();
        assert_eq!(
            (breaks.readers, breaks.writers),
            (case.readers, case.writers),
            "whom `{}` breaks",
            case.rule
        );
        let (file, line) = report.line_of(&change.at);
        let expected = dir.join(case.page);
        assert_eq!(
            (PathBuf::from(&file), line),
            (expected, case.line),
            "where `{}` points",
            case.folder
        );
    }
}

#[test]
fn a_folder_against_itself_has_no_changes() {
    for case in CASES {
        for side in ["old", "new"] {
            let dir = fixtures().join(case.folder).join(side);
            let report = report(&dir, &dir, WireNames::AsWritten);
            assert!(
                report.changes.is_empty(),
                "{}: {:?}",
                dir.display(),
                report.changes
            );
        }
    }
}

/// Runs `modelgen diff` on a fixture pair.
fn diff_command(folder: &str, extra: &[&str]) -> Output {
    let dir = fixtures().join(folder);
    let (old, new) = (dir.join("old"), dir.join("new"));
    let mut args = vec!["diff", arg(&old), arg(&new)];
    args.extend_from_slice(extra);
    modelgen(&args)
}

#[test]
fn exit_code_follows_the_side_asked_for() {
    // (fixture, exit code for readers, writers, both, and with no --breaking)
    let cases = [
        ("field-removed", 1, 0, 1, 1),
        ("field-added-required", 0, 1, 1, 1),
        ("field-type-changed", 1, 1, 1, 1),
        ("field-description-changed", 0, 0, 0, 0),
        ("model-added", 0, 0, 0, 0),
    ];
    for (folder, readers, writers, both, default) in cases {
        for (extra, code) in [
            (&["--breaking", "readers"][..], readers),
            (&["--breaking", "writers"][..], writers),
            (&["--breaking", "both"][..], both),
            (&[][..], default),
        ] {
            let out = diff_command(folder, extra);
            assert_eq!(
                out.status.code(),
                Some(code),
                "{folder} {extra:?}:\n{}{}",
                text(&out.stdout),
                text(&out.stderr)
            );
        }
    }
}

#[test]
fn human_output_is_grouped_by_model_with_rustc_diagnostics() {
    let out = diff_command("field-removed", &["--breaking", "writers"]);
    let stdout = text(&out.stdout);
    let dir = fixtures().join("field-removed");
    let old_page = dir.join("old/Account.md");
    assert!(
        stdout.starts_with(&format!(
            "== model `Account` ({}:1): 1 change\n\n",
            dir.join("new/Account.md").display()
        )),
        "{stdout}"
    );
    // Breaking only readers: a warning when writers are asked about.
    assert!(
        stdout.contains("warning[field-removed]: field `name` of `Account` was removed\n"),
        "{stdout}"
    );
    assert!(
        stdout.contains(&format!(" --> {}:10:1\n", old_page.display())),
        "{stdout}"
    );
    assert!(stdout.contains("breaks readers\n"), "{stdout}");
    assert!(
        stdout.contains("= help: readers that expect the property no longer get it"),
        "{stdout}"
    );
    assert!(
        stdout
            .trim_end()
            .ends_with("1 change in 1 model: 1 break readers, 0 break writers, 0 information only"),
        "{stdout}"
    );
    let readers = text(&diff_command("field-removed", &["--breaking", "readers"]).stdout);
    assert!(readers.contains("error[field-removed]"), "{readers}");
    let info = text(&diff_command("field-description-changed", &[]).stdout);
    assert!(info.contains("note[field-description-changed]"), "{info}");
    assert!(info.contains("information only"), "{info}");
}

#[test]
fn json_output_is_one_object_grouped_by_model() {
    let out = diff_command(
        "model-removed",
        &["--format", "json", "--breaking", "writers"],
    );
    assert_eq!(out.status.code(), Some(1));
    let value: Value = serde_json::from_str(&text(&out.stdout)).expect("one JSON object");
    assert_eq!(value["breaking"], "writers");
    assert_eq!(value["breaks"], true);
    assert_eq!(value["summary"]["changes"], 1);
    assert_eq!(value["summary"]["readers"], 1);
    assert_eq!(value["summary"]["writers"], 1);
    let models = value["models"].as_array().expect("models");
    assert_eq!(models.len(), 1);
    assert_eq!(models[0]["model"], "Gone");
    let change = &models[0]["changes"][0];
    assert_eq!(change["rule"], "model-removed");
    assert_eq!(change["breaks"]["readers"], true);
    assert_eq!(change["severity"], "error");
    let page = fixtures().join("model-removed/old/Gone.md");
    assert_eq!(change["file"], arg(&page));
    assert_eq!(change["line"], 1);
    assert_eq!(change["field"], Value::Null);

    let out = diff_command("field-removed", &["--format", "json"]);
    let value: Value = serde_json::from_str(&text(&out.stdout)).expect("one JSON object");
    assert_eq!(value["models"][0]["changes"][0]["field"], "name");
    assert_eq!(value["models"][0]["changes"][0]["line"], 10);
}

#[test]
fn bad_arguments_and_bad_pages_exit_2() {
    let dir = fixtures().join("field-removed");
    let old = dir.join("old");
    let out = modelgen(&["diff", arg(&old)]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("expected two folders"));
    let out = modelgen(&["diff", arg(&old), arg(&old), "--breaking", "everyone"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("unknown side `everyone`"));

    let bad = tempfile::tempdir().expect("a temporary folder");
    std::fs::write(
        bad.path().join("Bad.md"),
        "# Bad\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n| `id` | *string* | :maybe: | The ID. |\n",
    )
    .expect("write");
    let out = modelgen(&["diff", arg(&old), arg(bad.path())]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(stderr.contains("unknown Required mark"), "{stderr}");
    assert!(stderr.contains("Bad.md:7:"), "{stderr}");
}

#[test]
fn every_corpus_folder_against_itself_reports_nothing() {
    let Some(corpus) = corpus() else { return };
    let mut folders: Vec<PathBuf> = std::fs::read_dir(&corpus)
        .expect("the corpus")
        .map(|e| e.expect("an entry").path())
        .filter(|p| p.is_dir())
        .collect();
    folders.sort();
    assert!(!folders.is_empty(), "the corpus has folders");
    for folder in folders {
        let name = folder.file_name().expect("a name").to_string_lossy();
        let convention = corpus_convention(&name).name();
        let out = modelgen(&[
            "diff",
            arg(&folder),
            arg(&folder),
            "--wire-names",
            convention,
        ]);
        let stdout = text(&out.stdout);
        assert_eq!(out.status.code(), Some(0), "{name}:\n{stdout}");
        assert_eq!(
            stdout,
            format!(
                "{0} -> {0}: 0 changes in 0 models: 0 break readers, 0 break writers, 0 \
                 information only\n",
                folder.display()
            ),
            "{name}"
        );
    }
}

/// The real pairs: the 2024 pages and the current pages of the same API, per SDK language.
const PAIRS: [&str; 4] = ["dub-ts", "dub-go", "dub-python", "dub-php"];

/// The change with `rule` on `field` of the model named `model`.
fn find<'a>(
    report: &'a Report,
    rule: &str,
    model: &str,
    field: &str,
) -> Option<&'a modelgen::diff::Change> {
    report.changes.iter().find(|c| {
        c.rule.id() == rule
            && c.model.rsplit("::").next() == Some(model)
            && c.field.as_deref() == Some(field)
    })
}

#[test]
fn real_pairs_report_changes_checked_by_hand() {
    let Some(corpus) = corpus() else { return };
    for pair in PAIRS {
        let (old, new) = (corpus.join(format!("{pair}-2024-06")), corpus.join(pair));
        let report = report(&old, &new, corpus_convention(pair));
        let page = |file: &str| -> String {
            let dir = if pair == "dub-php" {
                "docs/Models/Components"
            } else {
                "docs/models/components"
            };
            let name = if pair == "dub-php" {
                file.to_owned()
            } else {
                file.to_lowercase()
            };
            format!("{dir}/{name}")
        };

        // `DomainSchema` lost `clicks` (line 18 of the 2024 page; no such row today): readers
        // that expect it break, writers do not.
        let removed = find(&report, "field-removed", "DomainSchema", "clicks")
            .unwrap_or_else(|| panic!("{pair}: `clicks` of `DomainSchema` is reported removed"));
        assert!(removed.breaks().readers && !removed.breaks().writers);
        assert!(removed.breaks().breaks(Side::Readers));
        let (file, line) = report.line_of(&removed.at);
        assert_eq!(
            (PathBuf::from(file), line),
            (old.join(page("DomainSchema.md")), 18),
            "{pair}"
        );
        let new_page = std::fs::read_to_string(new.join(page("DomainSchema.md")))
            .expect("the current DomainSchema page");
        assert!(!new_page.to_lowercase().contains("`clicks`"), "{pair}");

        // `LinkSchema.geo` was a `Geo` object of country codes and is now a string map.
        let geo = find(&report, "field-type-changed", "LinkSchema", "geo")
            .unwrap_or_else(|| panic!("{pair}: the type change of `LinkSchema.geo`"));
        assert!(
            geo.message.contains("from `Geo` to `map<string>`"),
            "{}",
            geo.message
        );

        // The track-lead request's `customerId` became `customerExternalId`: the only removed
        // and the only added field, of the same shape.
        let renamed = find(
            &report,
            "field-renamed",
            "TrackLeadRequestBody",
            "customerExternalId",
        )
        .unwrap_or_else(|| panic!("{pair}: `customerId` renamed to `customerExternalId`"));
        assert!(
            renamed.message.contains("`customerId`"),
            "{}",
            renamed.message
        );
        assert!(renamed.breaks().readers && renamed.breaks().writers);

        let summary = report.summary();
        assert!(
            summary.readers > 0 && summary.writers > 0,
            "{pair}: {summary}"
        );
        assert_eq!(
            summary.changes,
            report.changes.len(),
            "{pair}: the summary counts every change"
        );
    }
}

#[test]
fn the_readme_lists_every_rule_under_whom_it_breaks() {
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../README.md"))
            .expect("the README");
    let mut listed = Vec::new();
    for line in readme.lines() {
        let Some(row) = line.strip_prefix("| ") else {
            continue;
        };
        let Some((who, rules)) = row.split_once(" | ") else {
            continue;
        };
        let expected = match who {
            "readers" => (true, false),
            "writers" => (false, true),
            "both" => (true, true),
            "nobody" => (false, false),
            _ => continue,
        };
        for id in rules.split('`').skip(1).step_by(2) {
            let rule = Rule::from_id(id).unwrap_or_else(|| panic!("README names `{id}`"));
            let breaks = rule.breaks();
            assert_eq!(
                (breaks.readers, breaks.writers),
                expected,
                "`{id}` in the README"
            );
            listed.push(rule);
        }
    }
    listed.sort();
    assert_eq!(listed, Rule::ALL, "the README lists every rule once");
}
