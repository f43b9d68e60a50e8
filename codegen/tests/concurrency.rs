//! Two generations at once (an editor's build and a terminal's) into the same folders leave
//! exactly what one generation leaves: every file complete, nothing extra.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

fn spec_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../spec")
}

/// Every file under `dir` with its bytes, by relative path.
fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut files = BTreeMap::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(folder) = pending.pop() {
        for entry in fs::read_dir(&folder).expect("list") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                pending.push(path);
            } else {
                let relative = path
                    .strip_prefix(dir)
                    .expect("inside")
                    .display()
                    .to_string();
                files.insert(relative, fs::read(&path).expect("read"));
            }
        }
    }
    files
}

fn generate(out: &Path) {
    modelgen::Config::new()
        .spec_dir(spec_dir())
        .schema_dir(out.join("schemas"))
        .rust_file(out.join("models.rs"))
        .generate()
        .expect("spec/ generates");
}

#[test]
fn concurrent_generations_equal_a_single_one() {
    let single = tempfile::tempdir().expect("temp dir");
    generate(single.path());
    let expected = snapshot(single.path());
    assert!(expected.len() > 3, "{:?}", expected.keys());

    for round in 0..5 {
        let shared = tempfile::tempdir().expect("temp dir");
        // Threads in this process and separate processes of the command line, all at once.
        let processes: Vec<_> = (0..2)
            .map(|_| {
                Command::new(env!("CARGO_BIN_EXE_modelgen"))
                    .arg("generate")
                    .arg(spec_dir())
                    .arg("--rust")
                    .arg(shared.path().join("models.rs"))
                    .arg("--schemas")
                    .arg(shared.path().join("schemas"))
                    .spawn()
                    .expect("start the command line")
            })
            .collect();
        std::thread::scope(|scope| {
            for _ in 0..4 {
                scope.spawn(|| generate(shared.path()));
            }
        });
        for mut process in processes {
            assert!(process.wait().expect("wait").success());
        }
        let found = snapshot(shared.path());
        assert_eq!(
            found.keys().collect::<Vec<_>>(),
            expected.keys().collect::<Vec<_>>(),
            "round {round}: the same files, and no temporary ones"
        );
        for (path, bytes) in &expected {
            assert!(
                found[path] == *bytes,
                "round {round}: {path} differs from a single run"
            );
        }
    }
}

#[test]
fn output_does_not_depend_on_the_order_pages_are_found_in() {
    let mut pages: Vec<PathBuf> = fs::read_dir(spec_dir())
        .expect("list spec/")
        .map(|e| e.expect("entry").path())
        .collect();
    pages.sort();
    pages.reverse();
    let copy = tempfile::tempdir().expect("temp dir");
    for page in &pages {
        fs::copy(page, copy.path().join(page.file_name().expect("a file"))).expect("copy");
    }
    let original = modelgen::Config::new()
        .spec_dir(spec_dir())
        .check()
        .expect("generates");
    let reordered = modelgen::Config::new()
        .spec_dir(copy.path())
        .check()
        .expect("generates");
    assert!(original.rust == reordered.rust, "the Rust differs");
    assert_eq!(original.schemas, reordered.schemas);
}
