//! Finding and loading the pages of a spec folder.

use std::fs;
use std::path::Path;

use crate::diagnostic::Diagnostic;
use crate::source::{SourceFile, SourceMap, Span};

/// Loads every `.md` file under `root` (recursively, sorted by relative path) into a
/// [`SourceMap`]. Unreadable and non-UTF-8 files become errors.
pub fn collect_pages(root: &Path, sources: &mut SourceMap, diagnostics: &mut Vec<Diagnostic>) {
    if !root.is_dir() {
        diagnostics.push(
            Diagnostic::global_error(format!(
                "the spec folder `{}` does not exist or is not a folder",
                root.display()
            ))
            .with_help("point the generator at the folder that holds the model pages"),
        );
        return;
    }
    let mut relative_paths = Vec::new();
    let mut pending = vec![String::new()];
    while let Some(relative_dir) = pending.pop() {
        let dir = root.join(&relative_dir);
        let entries = match fs::read_dir(&dir) {
            Ok(entries) => entries,
            Err(error) => {
                diagnostics.push(Diagnostic::global_error(format!(
                    "cannot read the folder `{}`: {error}",
                    dir.display()
                )));
                continue;
            }
        };
        for entry in entries.flatten() {
            let Some(name) = entry.file_name().to_str().map(str::to_owned) else {
                continue;
            };
            if name.starts_with('.') {
                continue;
            }
            let relative = if relative_dir.is_empty() {
                name.clone()
            } else {
                format!("{relative_dir}/{name}")
            };
            let is_dir = entry.file_type().is_ok_and(|t| t.is_dir());
            if is_dir {
                pending.push(relative);
            } else if name.ends_with(".md") {
                relative_paths.push(relative);
            }
        }
    }
    relative_paths.sort();
    for relative in relative_paths {
        let path = root.join(&relative);
        match fs::read(&path) {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(text) => {
                    sources.add(SourceFile::new(path, relative, text));
                }
                Err(error) => {
                    let valid_up_to = error.utf8_error().valid_up_to();
                    let bytes = error.into_bytes();
                    let text = String::from_utf8_lossy(&bytes[..valid_up_to]).into_owned();
                    let id = sources.add(SourceFile::new(path, relative, text));
                    diagnostics.push(
                        Diagnostic::error(
                            Span::new(id, valid_up_to..valid_up_to),
                            format!("the page is not UTF-8: invalid byte at offset {valid_up_to}"),
                        )
                        .with_help("save the page as UTF-8"),
                    );
                }
            },
            Err(error) => diagnostics.push(Diagnostic::global_error(format!(
                "cannot read `{}`: {error}",
                path.display()
            ))),
        }
    }
}
