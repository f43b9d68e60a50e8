//! The modules of the emit stage (`src/emit/`) import each other without a cycle: what the
//! Rust and validation emitters share lives in `context`, which imports neither, and
//! `validate` never imports `rust`.
//!
//! The check reads the module sources: a module imports a sibling when its code (not its
//! comments, not its `#[cfg(test)]` tests) names `super::<sibling>` or
//! `crate::emit::<sibling>`, grouped imports (`super::{a::X, b}`) included.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

type Graph = BTreeMap<String, BTreeSet<String>>;

/// Every module of `src/emit/` with the siblings its non-test code names.
fn emit_imports() -> Graph {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/emit");
    let mut sources = BTreeMap::new();
    for entry in fs::read_dir(&dir).expect("src/emit is readable") {
        let path = entry.expect("src/emit is listed").path();
        let name = path
            .file_stem()
            .and_then(|s| s.to_str())
            .expect("a file name");
        if path.extension().is_some_and(|e| e == "rs") && name != "mod" {
            let text = fs::read_to_string(&path).expect("a module source is readable");
            sources.insert(name.to_owned(), text);
        }
    }
    let modules: BTreeSet<String> = sources.keys().cloned().collect();
    sources
        .iter()
        .map(|(name, text)| {
            let code = text.split("#[cfg(test)]").next().unwrap_or_default();
            let mut named = BTreeSet::new();
            for line in code.lines().filter(|l| !l.trim_start().starts_with("//")) {
                for prefix in ["super::", "crate::emit::"] {
                    for (at, _) in line.match_indices(prefix) {
                        heads(&line[at + prefix.len()..], &mut named);
                    }
                }
            }
            named.retain(|m| modules.contains(m) && m != name);
            (name.clone(), named)
        })
        .collect()
}

/// The first path segment of `rest`, or of each item of a `{...}` group.
fn heads(rest: &str, out: &mut BTreeSet<String>) {
    let ident = |s: &str| -> String {
        s.trim_start()
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect()
    };
    if let Some(group) = rest.strip_prefix('{') {
        let mut depth = 0;
        let mut start = 0;
        for (i, c) in group.char_indices() {
            match c {
                '{' => depth += 1,
                '}' if depth == 0 => {
                    out.insert(ident(&group[start..i]));
                    return;
                }
                '}' => depth -= 1,
                ',' if depth == 0 => {
                    out.insert(ident(&group[start..i]));
                    start = i + 1;
                }
                _ => {}
            }
        }
        out.insert(ident(&group[start..]));
    } else {
        out.insert(ident(rest));
    }
}

/// A cycle of `graph` as a path of module names, if it has one.
fn find_cycle(graph: &Graph) -> Option<Vec<String>> {
    fn visit(
        graph: &Graph,
        node: &str,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|n| n == node) {
            let mut cycle = path[at..].to_vec();
            cycle.push(node.to_owned());
            return Some(cycle);
        }
        if done.contains(node) {
            return None;
        }
        path.push(node.to_owned());
        for next in graph.get(node).into_iter().flatten() {
            if let Some(cycle) = visit(graph, next, path, done) {
                return Some(cycle);
            }
        }
        path.pop();
        done.insert(node.to_owned());
        None
    }
    let mut done = BTreeSet::new();
    graph
        .keys()
        .find_map(|node| visit(graph, node, &mut Vec::new(), &mut done))
}

#[test]
fn emit_modules_import_without_cycles() {
    let graph = emit_imports();
    // The scan sees the imports it should: without these it would pass on anything.
    for (from, to) in [
        ("rust", "validate"),
        ("rust", "context"),
        ("validate", "context"),
        ("schema", "json_tree"),
    ] {
        assert!(
            graph[from].contains(to),
            "{from} should import {to}: {graph:?}"
        );
    }
    assert!(
        !graph["validate"].contains("rust"),
        "validate imports rust: {graph:?}"
    );
    for shared in ["context", "json_tree", "tokens", "layout"] {
        assert!(
            !graph[shared].iter().any(|m| m == "rust" || m == "validate"),
            "{shared} imports an emitter: {graph:?}"
        );
    }
    assert_eq!(find_cycle(&graph), None, "{graph:?}");
}

/// The cycle finder finds a cycle, and the group parser reads grouped imports.
#[test]
fn the_check_can_fail() {
    let mut graph = Graph::new();
    graph.insert("rust".into(), ["validate".into()].into());
    graph.insert("validate".into(), ["context".into(), "rust".into()].into());
    graph.insert("context".into(), BTreeSet::new());
    assert_eq!(
        find_cycle(&graph),
        Some(vec!["rust".into(), "validate".into(), "rust".into()])
    );
    let mut named = BTreeSet::new();
    heads(
        "{context::{push_model_path, Context}, rust::X, rust_text};",
        &mut named,
    );
    assert_eq!(
        named,
        ["context", "rust", "rust_text"].map(String::from).into()
    );
}
