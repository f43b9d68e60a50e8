//! Builds the seed corpora of the fuzz targets from folders of model pages.
//!
//! ```text
//! seeds PAGES_OUT CELLS_OUT [--bundled] ROOT...
//! ```
//!
//! For every `ROOT` (a spec folder, read recursively) it writes to `PAGES_OUT` each page on
//! its own and the root's pages joined into multi-page inputs (each page under its path
//! relative to the root, see `modelgen_fuzz`), and to `CELLS_OUT` every distinct Type cell
//! and `## Supported Types` sub-heading of those pages. Roots after `--bundled` give only
//! the multi-page inputs, which hold every page at a fraction of the start-up cost: for
//! large folders such as the shared corpus. Files are named by a hash of their
//! contents, so running it twice adds nothing. Seeds are made at run time and never
//! committed.

use std::collections::BTreeSet;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use modelgen::read;
use modelgen::source::{FileId, SourceFile};
use modelgen_fuzz::{MAX_PAGES, PAGE_SEPARATOR, PATH_MARK};

/// A multi-page seed holds at most this many bytes, so that it stays fast to run.
const MAX_BUNDLE_BYTES: usize = 16 * 1024;

fn main() -> ExitCode {
    let args: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    if args.len() < 3 {
        eprintln!("usage: seeds PAGES_OUT CELLS_OUT [--bundled] ROOT...");
        return ExitCode::from(2);
    }
    match run(&args[0], &args[1], &args[2..]) {
        Ok((pages, cells)) => {
            println!("seeds: {pages} page inputs, {cells} type cells");
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("seeds: {error}");
            ExitCode::FAILURE
        }
    }
}

fn run(pages_out: &Path, cells_out: &Path, args: &[PathBuf]) -> io::Result<(usize, usize)> {
    fs::create_dir_all(pages_out)?;
    fs::create_dir_all(cells_out)?;
    let mut page_inputs = BTreeSet::new();
    let mut cells = BTreeSet::new();
    let mut bundled_only = false;
    for root in args {
        if root.as_os_str() == "--bundled" {
            bundled_only = true;
            continue;
        }
        let singles = !bundled_only;
        let mut files = Vec::new();
        markdown_files(root, &mut files)?;
        files.sort();
        let mut bundle = String::new();
        let mut bundled = 0;
        for path in &files {
            let bytes = fs::read(path)?;
            let Ok(text) = String::from_utf8(bytes.clone()) else {
                page_inputs.insert(bytes);
                continue;
            };
            if singles {
                page_inputs.insert(bytes);
            }
            type_cells(&text, &mut cells);
            let relative = path
                .strip_prefix(root)
                .unwrap_or(path)
                .to_string_lossy()
                .replace('\\', "/");
            let framed = format!("{PATH_MARK}{relative}\n{text}");
            if bundled > 0
                && (bundled == MAX_PAGES || bundle.len() + framed.len() > MAX_BUNDLE_BYTES)
            {
                page_inputs.insert(std::mem::take(&mut bundle).into_bytes());
                bundled = 0;
            }
            if bundled > 0 {
                bundle.push(PAGE_SEPARATOR);
            }
            bundle.push_str(&framed);
            bundled += 1;
        }
        if bundled > 1 || (bundled == 1 && !singles) {
            page_inputs.insert(bundle.into_bytes());
        }
    }
    for input in &page_inputs {
        write_seed(pages_out, input)?;
    }
    for cell in &cells {
        write_seed(cells_out, cell.as_bytes())?;
    }
    Ok((page_inputs.len(), cells.len()))
}

/// Every `.md` file under `dir`, or `dir` itself when it is a file.
fn markdown_files(dir: &Path, out: &mut Vec<PathBuf>) -> io::Result<()> {
    if dir.is_file() {
        out.push(dir.to_path_buf());
        return Ok(());
    }
    for entry in fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            markdown_files(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "md") {
            out.push(path);
        }
    }
    Ok(())
}

/// The cells under every `Type` header of the page, and its `###` sub-headings.
fn type_cells(text: &str, cells: &mut BTreeSet<String>) {
    let file = SourceFile::new(PathBuf::from("p.md"), "p.md".into(), text.to_owned());
    let mut ignored = Vec::new();
    let Some(page) = read::read_page(FileId(0), &file, &mut ignored) else {
        return;
    };
    for section in &page.sections {
        for table in &section.tables {
            let Some(column) = table
                .header
                .iter()
                .position(|h| h.value.eq_ignore_ascii_case("type"))
            else {
                continue;
            };
            for row in &table.rows {
                if let Some(cell) = row.cells.get(column) {
                    cells.insert(cell.value.clone());
                }
            }
        }
        for sub in &section.sub_headings {
            cells.insert(sub.heading.value.clone());
        }
    }
}

fn write_seed(dir: &Path, bytes: &[u8]) -> io::Result<()> {
    // FNV-1a: a stable name from the contents.
    let hash = bytes.iter().fold(0xcbf2_9ce4_8422_2325_u64, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    fs::write(dir.join(format!("seed-{hash:016x}")), bytes)
}
