//! What the fuzz targets run, shared with the `seeds` and `document_seeds` tools that build
//! their seed corpora. The `document` target, over JSON documents rather than pages, is in
//! [`documents`].
//!
//! An input of the `read_page` target is one or more pages separated by NUL bytes. A page
//! whose first line is `@some/folder/page.md` is read under that relative path (the line
//! itself is not part of the page), so that links between the pages of a seed resolve; any
//! other page is named after its title. Every page is read, the pages are resolved
//! together (under a wire-name convention picked from the input's length), the diagnostics are rendered, and when there is no error the Rust source and
//! the JSON Schemas are emitted, all in memory: nothing is written.

use std::path::PathBuf;

pub mod documents;

use modelgen::diagnostic::Diagnostic;
use modelgen::source::{FileId, SourceFile, SourceMap};
use modelgen::spec_config::{SpecConfig, WireNames};
use modelgen::{emit, read, render, resolve, typecell};

/// At most this many pages are read from one input; the rest is ignored.
pub const MAX_PAGES: usize = 64;

/// Separates the pages of one input.
pub const PAGE_SEPARATOR: char = '\0';

/// Starts the optional first line of a page that names its relative path.
pub const PATH_MARK: char = '@';

/// The `$id` base passed to the schema emitter.
const BASE_URI: &str = "https://models.invalid/";

/// The `read_page` target: pages in, everything `Config::check` does (and rendering) out.
pub fn pipeline(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let mut sources = SourceMap::default();
    for (index, chunk) in text.split(PAGE_SEPARATOR).take(MAX_PAGES).enumerate() {
        let (path, page_text) = split_path_line(chunk);
        let relative = unique_path(
            &sources,
            path.unwrap_or_else(|| titled_path(page_text, index)),
        );
        sources.add(SourceFile::new(
            PathBuf::from("spec").join(&relative),
            relative,
            page_text.to_owned(),
        ));
    }

    let mut diagnostics: Vec<Diagnostic> = Vec::new();
    let mut pages = Vec::new();
    for (id, file) in sources.iter() {
        if let Some(page) = read::read_page(id, file, &mut diagnostics) {
            pages.push(page);
        }
    }
    // The wire-name convention of `modelgen.json`, varied with the input.
    let config = SpecConfig {
        wire_names: WireNames::ALL[text.len() % WireNames::ALL.len()].0,
        ..SpecConfig::default()
    };
    let models = resolve::resolve(&pages, &sources, &config, &mut diagnostics);

    std::hint::black_box(render::render_all_human(&diagnostics, &sources, false));
    for diagnostic in &diagnostics {
        std::hint::black_box(render::render_json(diagnostic, &sources));
        std::hint::black_box(diagnostic.location(&sources));
    }
    if diagnostics.iter().any(Diagnostic::is_error) {
        return;
    }
    let _ = std::hint::black_box(emit::rust::rust_source(&models));
    for (id, model) in models.iter() {
        if !model.synthesized {
            std::hint::black_box(emit::schema::model_document(&models, id, BASE_URI));
        }
    }
    std::hint::black_box(emit::schema::bundle_document(&models, BASE_URI));
}

/// The `type_cell` target: one Type cell through the parser.
pub fn type_cell(data: &[u8]) {
    if let Ok(cell) = std::str::from_utf8(data) {
        let _ = std::hint::black_box(typecell::parse_type_cell(cell));
    }
}

/// Splits off a leading `@path` line when it names a usable relative path.
fn split_path_line(chunk: &str) -> (Option<String>, &str) {
    let Some(rest) = chunk.strip_prefix(PATH_MARK) else {
        return (None, chunk);
    };
    let (line, page) = rest.split_once('\n').unwrap_or((rest, ""));
    let line = line.trim_end_matches('\r');
    let usable = line.len() <= 200
        && line.ends_with(".md")
        && line.split('/').count() <= 6
        && line.split('/').all(|part| {
            !part.is_empty()
                && part != "."
                && part != ".."
                && part
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'))
        });
    if usable {
        (Some(line.to_owned()), page)
    } else {
        (None, chunk)
    }
}

/// `Title.md` when the page's title is a plain name, else `page<index>.md`.
fn titled_path(text: &str, index: usize) -> String {
    let file = SourceFile::new(PathBuf::from("page.md"), "page.md".into(), text.to_owned());
    let mut ignored = Vec::new();
    let title = read::read_page(FileId(0), &file, &mut ignored).map(|page| page.title.value);
    match title {
        Some(title)
            if title.len() <= 100
                && title
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.')) =>
        {
            format!("{title}.md")
        }
        _ => format!("page{index}.md"),
    }
}

/// Pages on disk never share a path; neither do these.
fn unique_path(sources: &SourceMap, path: String) -> String {
    if sources.find(&path).is_none() {
        return path;
    }
    let stem = path.strip_suffix(".md").unwrap_or(&path).to_owned();
    (2..)
        .map(|n| format!("{stem}-{n}.md"))
        .find(|candidate| sources.find(candidate).is_none())
        .unwrap_or(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn path_lines_are_used_only_when_safe() {
        assert_eq!(
            split_path_line("@models/pet.md\n# Pet\n"),
            (Some("models/pet.md".to_owned()), "# Pet\n")
        );
        assert_eq!(split_path_line("@../pet.md\n# Pet").0, None);
        assert_eq!(split_path_line("# Pet").0, None);
    }

    #[test]
    fn pages_are_named_after_their_titles() {
        assert_eq!(titled_path("# Pet\n\n## Fields\n", 3), "Pet.md");
        assert_eq!(titled_path("# A pet\n", 3), "page3.md");
        assert_eq!(titled_path("", 0), "page0.md");
    }

    #[test]
    fn the_targets_take_any_bytes() {
        for input in [
            &b""[..],
            b"\xff\xfe",
            b"# Pet\n\n## Fields\n\n| Field | Type | Required | Description |\n| - | - | - | - |\n| `a` | *string* | :heavy_check_mark: | A. |\n",
            b"@x/a.md\n# A\0@x/b.md\n# B\0# A",
        ] {
            pipeline(input);
            type_cell(input);
        }
    }
}
