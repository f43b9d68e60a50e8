//! Helpers shared by the integration tests.

use std::fs;

/// A temporary spec folder holding `pages`, each a path relative to the folder (parent folders
/// are made) with its text.
pub fn folder(pages: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary folder");
    for (name, text) in pages {
        let path = dir.path().join(name);
        fs::create_dir_all(path.parent().expect("a parent")).expect("create folder");
        fs::write(path, text).expect("write page");
    }
    dir
}
