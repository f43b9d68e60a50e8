//! Printing the generated Rust file. Each model's items are printed on their own, on as many
//! threads as the machine has, and joined in module order; the `pub mod` lines between them
//! are written here. Formatting (`syn` parsing and `prettyplease`) costs several times what
//! building the tokens does, so a build script keeps a [`FormatCache`] beside its output: when
//! one page changes, only the models whose tokens changed are formatted again.

use std::collections::HashMap;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};

use proc_macro2::TokenStream;

/// One part of the file, in order.
pub(super) enum Piece {
    /// `pub mod name {` with its doc comment, `depth` modules deep.
    Open {
        depth: usize,
        name: String,
        doc: String,
    },
    /// The items of job `job` ([`print`]'s `build`), `depth` modules deep.
    Items { depth: usize, job: usize },
    /// The `}` of a module.
    Close { depth: usize },
}

/// Formatted items by the tokens they were formatted from, as the last run left them.
#[derive(Debug, Default)]
pub struct FormatCache {
    entries: HashMap<String, String>,
}

/// The first line of a cache file; a file of another generator version is not read, since
/// another version may format differently.
const CACHE_HEADER: &str = concat!("modelgen format cache 1 ", env!("CARGO_PKG_VERSION"), "\n");

impl FormatCache {
    /// The cache at `path`; empty when there is none or it cannot be read (a cache only
    /// saves time, so a damaged one is ignored, never an error).
    pub fn load(path: &Path) -> FormatCache {
        let Ok(text) = std::fs::read_to_string(path) else {
            return FormatCache::default();
        };
        Self::parse(&text).unwrap_or_default()
    }

    /// Entries written as `KEY_LENGTH VALUE_LENGTH\nKEYVALUE`, lengths in bytes.
    fn parse(text: &str) -> Option<FormatCache> {
        let mut rest = text.strip_prefix(CACHE_HEADER)?;
        let mut entries = HashMap::new();
        while !rest.is_empty() {
            let (lengths, after) = rest.split_once('\n')?;
            let (key_length, value_length) = lengths.split_once(' ')?;
            let key_length: usize = key_length.parse().ok()?;
            let value_length: usize = value_length.parse().ok()?;
            let key = after.get(..key_length)?;
            let value = after.get(key_length..key_length.checked_add(value_length)?)?;
            entries.insert(key.to_owned(), value.to_owned());
            rest = &after[key_length + value_length..];
        }
        Some(FormatCache { entries })
    }

    /// Writes the cache to `path` (replacing the file whole, so a reader never sees half).
    ///
    /// # Errors
    ///
    /// When the file cannot be written.
    pub fn save(&self, path: &Path) -> std::io::Result<()> {
        let size: usize = self
            .entries
            .iter()
            .map(|(k, v)| k.len() + v.len() + 24)
            .sum();
        let mut text = String::with_capacity(CACHE_HEADER.len() + size);
        text.push_str(CACHE_HEADER);
        let mut keys: Vec<&String> = self.entries.keys().collect();
        keys.sort_unstable();
        for key in keys {
            let value = &self.entries[key];
            text.push_str(&format!("{} {}\n", key.len(), value.len()));
            text.push_str(key);
            text.push_str(value);
        }
        crate::output::write_if_changed(path, text.as_bytes()).map(|_| ())
    }

    /// How many formatted items the cache holds.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the cache holds nothing.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

/// One job's printed items.
struct Printed {
    /// The tokens as text, the cache's key; only when there is a cache to fill.
    key: Option<String>,
    /// The printed items.
    text: String,
}

/// The file: `header`, then `pieces` in order, the items of job `i` being `build(i)` printed
/// formatted (through `cache` when it holds the same tokens) or, unless `formatted`, as the
/// tokens come, one line per job. The items of a module are indented with it unless
/// `literal_line_breaks` says a literal may hold a line break, which indenting would change.
/// Returns the file and, when there is a `cache` (even an empty one), the cache of this run's
/// items; without one, no item's tokens are written out as a key.
///
/// # Errors
///
/// When a job's tokens do not parse as Rust items, which is a bug of the emitter.
pub(super) fn print(
    header: &str,
    pieces: &[Piece],
    jobs: usize,
    build: &(dyn Fn(usize) -> TokenStream + Sync),
    formatted: bool,
    cache: Option<&FormatCache>,
    literal_line_breaks: bool,
) -> Result<(String, FormatCache), String> {
    let printed = print_jobs(jobs, build, formatted, cache)?;
    let size: usize = printed.iter().map(|p| p.text.len()).sum();
    let mut out = String::with_capacity(header.len() + size + size / 8);
    out.push_str(header);
    out.push_str("\n\n");
    for piece in pieces {
        match piece {
            Piece::Open { depth, name, doc } => {
                crate::rustdoc::each_doc_line(doc, |line| {
                    pad(&mut out, *depth);
                    out.push_str("///");
                    if !line.is_empty() {
                        out.push(' ');
                        out.push_str(line);
                    }
                    out.push('\n');
                });
                pad(&mut out, *depth);
                out.push_str("pub mod ");
                out.push_str(name);
                out.push_str(" {\n");
            }
            Piece::Items { depth, job } => {
                let printed = &printed[*job];
                if *depth == 0 || literal_line_breaks {
                    out.push_str(&printed.text);
                } else {
                    for line in printed.text.lines() {
                        if !line.is_empty() {
                            pad(&mut out, *depth);
                        }
                        out.push_str(line);
                        out.push('\n');
                    }
                }
            }
            Piece::Close { depth } => {
                pad(&mut out, *depth);
                out.push_str("}\n");
            }
        }
    }
    let entries = if formatted {
        printed
            .into_iter()
            .filter_map(|p| Some((p.key?, p.text)))
            .collect()
    } else {
        HashMap::new()
    };
    Ok((out, FormatCache { entries }))
}

fn pad(out: &mut String, depth: usize) {
    for _ in 0..depth {
        out.push_str("    ");
    }
}

/// Every job printed, on up to as many threads as the machine has: the jobs are independent,
/// and each thread builds its jobs' tokens itself (tokens cannot move between threads).
fn print_jobs(
    jobs: usize,
    build: &(dyn Fn(usize) -> TokenStream + Sync),
    formatted: bool,
    cache: Option<&FormatCache>,
) -> Result<Vec<Printed>, String> {
    let threads = std::thread::available_parallelism()
        .map_or(1, usize::from)
        .clamp(1, 8)
        .min(jobs.max(1));
    let next = AtomicUsize::new(0);
    let work = || -> Result<Vec<(usize, Printed)>, String> {
        let mut done = Vec::new();
        loop {
            let job = next.fetch_add(1, Ordering::Relaxed);
            if job >= jobs {
                return Ok(done);
            }
            done.push((job, print_one(build(job), formatted, cache)?));
        }
    };
    let results: Vec<Result<Vec<(usize, Printed)>, String>> = if threads == 1 {
        vec![work()]
    } else {
        std::thread::scope(|scope| {
            let handles: Vec<_> = (0..threads).map(|_| scope.spawn(work)).collect();
            handles
                .into_iter()
                .map(|handle| {
                    handle
                        .join()
                        .unwrap_or_else(|_| Err("a printing thread panicked".to_owned()))
                })
                .collect()
        })
    };
    let mut slots: Vec<Option<Printed>> = (0..jobs).map(|_| None).collect();
    for result in results {
        for (job, printed) in result? {
            slots[job] = Some(printed);
        }
    }
    slots
        .into_iter()
        .map(|slot| slot.ok_or_else(|| "a job was not printed".to_owned()))
        .collect()
}

/// One job's items, formatted (or taken from the cache) or as the tokens come.
fn print_one(
    tokens: TokenStream,
    formatted: bool,
    cache: Option<&FormatCache>,
) -> Result<Printed, String> {
    if !formatted {
        let mut text = tokens.to_string();
        text.push('\n');
        return Ok(Printed { key: None, text });
    }
    let key = cache.map(|_| tokens.to_string());
    if let (Some(cache), Some(key)) = (cache, &key) {
        if let Some(text) = cache.entries.get(key) {
            return Ok(Printed {
                key: Some(key.clone()),
                text: text.clone(),
            });
        }
    }
    let file = syn::parse2::<syn::File>(tokens).map_err(|error| {
        format!("the generated Rust does not parse ({error}); please report this")
    })?;
    Ok(Printed {
        key,
        text: prettyplease::unparse(&file),
    })
}

#[cfg(test)]
mod tests {
    use quote::quote;

    use super::*;

    fn build(job: usize) -> TokenStream {
        match job {
            0 => quote!(
                pub struct A;
            ),
            1 => quote!(
                pub fn f() -> u8 {
                    1
                }
            ),
            _ => quote!(
                pub const S: &str = "two\nlines";
            ),
        }
    }

    fn pieces() -> Vec<Piece> {
        vec![
            Piece::Items { depth: 0, job: 0 },
            Piece::Open {
                depth: 0,
                name: "inner".into(),
                doc: "The inner module.".into(),
            },
            Piece::Items { depth: 1, job: 1 },
            Piece::Items { depth: 1, job: 2 },
            Piece::Close { depth: 0 },
        ]
    }

    #[test]
    fn modules_indent_their_items_and_a_run_fills_the_cache() {
        let (file, cache) = print(
            "// header",
            &pieces(),
            3,
            &build,
            true,
            Some(&FormatCache::default()),
            false,
        )
        .unwrap();
        assert_eq!(
            file,
            "// header\n\npub struct A;\n/// The inner module.\npub mod inner {\n    \
             pub fn f() -> u8 {\n        1\n    }\n    pub const S: &str = \"two\\nlines\";\n}\n"
        );
        assert_eq!(cache.len(), 3);
        // The next run takes every item from the cache, and prints the same file.
        let (again, _) =
            print("// header", &pieces(), 3, &build, true, Some(&cache), false).unwrap();
        assert_eq!(again, file);
        // Without a cache, the same file, and no keys made.
        let (plain, none) = print("// header", &pieces(), 3, &build, true, None, false).unwrap();
        assert_eq!(plain, file);
        assert!(none.is_empty());
    }

    #[test]
    fn cached_text_is_used_for_the_same_tokens_only() {
        let mut cache = FormatCache::default();
        cache.entries.insert(
            quote!(
                pub struct A;
            )
            .to_string(),
            "pub struct A; // cached\n".into(),
        );
        let (file, _) = print("", &pieces(), 3, &build, true, Some(&cache), false).unwrap();
        assert!(file.contains("pub struct A; // cached\n"), "{file}");
        assert!(file.contains("    pub fn f() -> u8 {\n"), "{file}");
    }

    #[test]
    fn items_are_not_indented_when_a_literal_may_break_lines() {
        let build = |_: usize| {
            quote!(
                pub const S: &str = r"a
b";
            )
        };
        let pieces = [Piece::Items { depth: 2, job: 0 }];
        for cache in [None, Some(&FormatCache::default())] {
            let (file, _) = print("", &pieces, 1, &build, true, cache, true).unwrap();
            assert_eq!(file, "\n\npub const S: &str = r\"a\nb\";\n");
        }
        let (indented, _) = print("", &pieces, 1, &build, true, None, false).unwrap();
        assert_eq!(
            indented,
            "\n\n        pub const S: &str = r\"a\n        b\";\n"
        );
    }

    #[test]
    fn unformatted_jobs_are_one_line_each_and_not_cached() {
        let (file, cache) = print(
            "",
            &pieces(),
            3,
            &build,
            false,
            Some(&FormatCache::default()),
            false,
        )
        .unwrap();
        assert!(file.contains("    pub fn f () -> u8 { 1 }\n"), "{file}");
        assert!(cache.is_empty());
    }

    #[test]
    fn the_cache_reads_back_what_it_wrote_and_ignores_a_damaged_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("cache");
        let (_, cache) = print(
            "",
            &pieces(),
            3,
            &build,
            true,
            Some(&FormatCache::default()),
            false,
        )
        .unwrap();
        cache.save(&path).unwrap();
        let read = FormatCache::load(&path);
        assert_eq!(read.entries, cache.entries);
        let text = std::fs::read_to_string(&path).unwrap();
        std::fs::write(&path, &text[..text.len() - 3]).unwrap();
        assert!(FormatCache::load(&path).is_empty());
        std::fs::write(&path, text.replace("cache 1", "cache 0")).unwrap();
        assert!(FormatCache::load(&path).is_empty());
        assert!(FormatCache::load(&dir.path().join("missing")).is_empty());
    }

    #[test]
    fn items_that_do_not_parse_are_an_error() {
        let build = |_: usize| quote!(pub struct);
        let pieces = [Piece::Items { depth: 0, job: 0 }];
        let error = print("", &pieces, 1, &build, true, None, false).unwrap_err();
        assert!(error.contains("does not parse"), "{error}");
    }
}
