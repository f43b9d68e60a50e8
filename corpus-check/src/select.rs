//! Which folders of pages to check: the sub-folders of several roots, each root optional,
//! narrowed to an explicit list of folder names when one is given.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// The folders chosen from the roots, and what the choice had to say.
#[derive(Debug, Default)]
pub struct Selection {
    /// The chosen folders, sorted by name.
    pub folders: Vec<PathBuf>,
    /// Things worth saying that do not fail the check (an absent root, a folder left out).
    pub notices: Vec<String>,
    /// Things that fail the check (a listed folder found nowhere, or in two roots).
    pub errors: Vec<String>,
}

/// Chooses folders from `roots`: every sub-folder when `wanted` is `None`, else the sub-folders
/// named in `wanted`. A root that does not exist is skipped with a notice; a listed folder that
/// is in no root is an error when every root exists, and a notice otherwise (it may be in the
/// absent root). Sub-folders of the roots that are not listed are named in a notice, so
/// folders waiting to be added stay visible.
pub fn select(roots: &[PathBuf], wanted: Option<&[String]>) -> Selection {
    let mut selection = Selection::default();
    let mut present = Vec::new();
    let mut absent = Vec::new();
    for root in roots {
        if root.is_dir() {
            present.push(root);
        } else {
            selection.notices.push(format!(
                "`{}` is absent; its folders are not checked",
                root.display()
            ));
            absent.push(root.display().to_string());
        }
    }
    // (name, path) of every sub-folder of every present root.
    let mut found: Vec<(String, PathBuf)> = Vec::new();
    for root in &present {
        match sub_folders(root) {
            Ok(folders) => found.extend(folders),
            Err(error) => selection
                .errors
                .push(format!("cannot list `{}`: {error}", root.display())),
        }
    }
    let Some(wanted) = wanted else {
        found.sort();
        selection.folders = found.into_iter().map(|(_, path)| path).collect();
        return selection;
    };
    let wanted: BTreeSet<&str> = wanted.iter().map(String::as_str).collect();
    for name in &wanted {
        let places: Vec<&PathBuf> = found
            .iter()
            .filter(|(n, _)| n == name)
            .map(|(_, path)| path)
            .collect();
        match places.as_slice() {
            [one] => selection.folders.push((*one).clone()),
            [] if absent.is_empty() => selection.errors.push(format!(
                "the listed folder `{name}` is in none of the roots ({})",
                list(present.iter().map(|r| r.display().to_string()))
            )),
            [] => selection.notices.push(format!(
                "the listed folder `{name}` is in none of the present roots; not checked"
            )),
            several => selection.errors.push(format!(
                "the listed folder `{name}` is in more than one root ({}); rename one",
                list(several.iter().map(|p| p.display().to_string()))
            )),
        }
    }
    let unlisted: BTreeSet<&str> = found
        .iter()
        .map(|(name, _)| name.as_str())
        .filter(|name| !wanted.contains(name))
        .collect();
    if !unlisted.is_empty() {
        selection.notices.push(format!(
            "not in the folder list, so not checked: {}",
            list(unlisted.iter().map(|n| n.to_string()))
        ));
    }
    selection
        .folders
        .sort_by(|a, b| a.file_name().cmp(&b.file_name()));
    selection
}

fn list(items: impl Iterator<Item = String>) -> String {
    items.collect::<Vec<_>>().join(", ")
}

/// The sub-folders of `root` with their names.
fn sub_folders(root: &Path) -> std::io::Result<Vec<(String, PathBuf)>> {
    let mut folders = Vec::new();
    for entry in std::fs::read_dir(root)? {
        let entry = entry?;
        if entry.file_type()?.is_dir() {
            let name = entry.file_name().to_string_lossy().into_owned();
            folders.push((name, entry.path()));
        }
    }
    Ok(folders)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two roots: `a` with folders `x` and `y` (and a file), `b` with folder `z`.
    fn roots() -> (tempfile::TempDir, PathBuf, PathBuf) {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let a = dir.path().join("a");
        let b = dir.path().join("b");
        for folder in [a.join("y"), a.join("x"), b.join("z")] {
            std::fs::create_dir_all(folder).expect("a folder");
        }
        std::fs::write(a.join("SOURCES.md"), "not a folder").expect("a file");
        (dir, a, b)
    }

    fn names(selection: &Selection) -> Vec<String> {
        selection
            .folders
            .iter()
            .map(|p| {
                p.file_name()
                    .expect("a name")
                    .to_string_lossy()
                    .into_owned()
            })
            .collect()
    }

    fn wanted(names: &[&str]) -> Vec<String> {
        names.iter().map(|n| n.to_string()).collect()
    }

    #[test]
    fn without_a_list_every_sub_folder_of_every_root_is_chosen() {
        let (_dir, a, b) = roots();
        let selection = select(&[b, a], None);
        assert_eq!(names(&selection), ["x", "y", "z"]);
        assert!(selection.notices.is_empty() && selection.errors.is_empty());
    }

    #[test]
    fn a_list_chooses_across_roots_and_names_the_folders_left_out() {
        let (_dir, a, b) = roots();
        let selection = select(&[a, b], Some(&wanted(&["z", "x"])));
        assert_eq!(names(&selection), ["x", "z"]);
        assert!(selection.errors.is_empty(), "{:?}", selection.errors);
        assert_eq!(
            selection.notices,
            ["not in the folder list, so not checked: y"]
        );
    }

    #[test]
    fn an_absent_root_is_a_notice_and_its_folders_are_skipped() {
        let (dir, a, _) = roots();
        let missing = dir.path().join("missing");
        let selection = select(&[a, missing], Some(&wanted(&["x", "w"])));
        assert_eq!(names(&selection), ["x"]);
        assert!(selection.errors.is_empty(), "{:?}", selection.errors);
        let notices = selection.notices.join("\n");
        assert!(notices.contains("missing` is absent"), "{notices}");
        assert!(
            notices.contains("`w` is in none of the present roots"),
            "{notices}"
        );
    }

    #[test]
    fn a_listed_folder_in_no_root_or_in_two_roots_is_an_error() {
        let (_dir, a, b) = roots();
        std::fs::create_dir_all(b.join("x")).expect("a folder");
        let selection = select(&[a, b], Some(&wanted(&["x", "typo"])));
        assert!(selection.folders.is_empty());
        let errors = selection.errors.join("\n");
        assert!(
            errors.contains("`typo` is in none of the roots"),
            "{errors}"
        );
        assert!(errors.contains("`x` is in more than one root"), "{errors}");
    }
}
