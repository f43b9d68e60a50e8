//! A published schema and every file it references, rewritten into one schema resource.
//!
//! The `jsonschema` crate compiles a reference once per dynamic scope, and every reference
//! into another file starts a new scope: in a folder whose models link densely to each other
//! the number of scopes grows with the number of paths through the link graph, and compiling
//! one model's published file can take tens of seconds. Within one resource the scope never
//! changes, so compiling the same schemas as one resource takes time linear in their size.
//! The rewriting only moves each file under `$defs` and turns each `$ref` into a pointer to
//! where its target now lives: no keyword that decides a verdict changes, and a test holds the
//! two forms to the same verdicts.

use std::collections::{BTreeMap, VecDeque};
use std::path::Path;

use fluent_uri::{Uri, UriRef};
use serde_json::{Map, Value};

/// The keywords of a published file's root that name the file, not its contents.
const FILE_KEYWORDS: [&str; 3] = ["$id", "$schema", "$comment"];

/// The schema in `schema_dir/file` (published under `base_uri`) with every file it reaches
/// by `$ref` under `$defs`, each `$ref` rewritten to a JSON Pointer within the one resource.
///
/// # Errors
///
/// When a reached file cannot be read or is not JSON, a reference leaves `base_uri` or names
/// an anchor instead of a JSON Pointer, or a file embeds a resource of its own (`$id`).
pub fn one_resource(schema_dir: &Path, base_uri: &str, file: &str) -> Result<Value, String> {
    let mut defs = BTreeMap::new();
    let mut queue = VecDeque::from([file.to_owned()]);
    while let Some(next) = queue.pop_front() {
        if defs.contains_key(&next) {
            continue;
        }
        let path = schema_dir.join(&next);
        let text = std::fs::read_to_string(&path)
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        let mut schema: Value = serde_json::from_str(&text)
            .map_err(|e| format!("{} is not JSON: {e}", path.display()))?;
        if let Value::Object(root) = &mut schema {
            for keyword in FILE_KEYWORDS {
                root.remove(keyword);
            }
        }
        let document = Uri::parse(format!("{base_uri}{next}"))
            .map_err(|e| format!("{next}: not a URI under {base_uri}: {}", e.0))?;
        let mut reached = Vec::new();
        rewrite_refs(&mut schema, &document, base_uri, &mut reached)
            .map_err(|e| format!("{}: {e}", path.display()))?;
        queue.extend(reached);
        defs.insert(next, schema);
    }
    let mut root = Map::new();
    root.insert(
        "$schema".into(),
        "https://json-schema.org/draft/2020-12/schema".into(),
    );
    root.insert("$id".into(), format!("{base_uri}{file}").into());
    root.insert("$ref".into(), pointer_to(file, "").into());
    root.insert(
        "$defs".into(),
        Value::Object(defs.into_iter().collect::<Map<_, _>>()),
    );
    Ok(Value::Object(root))
}

/// Rewrites every `$ref` under `value` (in the file at `document`) to its pointer within the
/// one resource, recording the files the references reach.
fn rewrite_refs(
    value: &mut Value,
    document: &Uri<String>,
    base_uri: &str,
    reached: &mut Vec<String>,
) -> Result<(), String> {
    match value {
        Value::Object(object) => {
            if object.contains_key("$id") {
                return Err("a subschema declares its own `$id`".into());
            }
            if let Some(Value::String(reference)) = object.get_mut("$ref") {
                let (file, fragment) = target(reference, document, base_uri)?;
                *reference = pointer_to(&file, &fragment);
                reached.push(file);
            }
            object
                .values_mut()
                .try_for_each(|v| rewrite_refs(v, document, base_uri, reached))
        }
        Value::Array(items) => items
            .iter_mut()
            .try_for_each(|v| rewrite_refs(v, document, base_uri, reached)),
        _ => Ok(()),
    }
}

/// The published file (relative to `base_uri`) and the JSON Pointer fragment that
/// `reference`, written in the file at `document`, points to.
fn target(
    reference: &str,
    document: &Uri<String>,
    base_uri: &str,
) -> Result<(String, String), String> {
    let resolved = UriRef::parse(reference)
        .map_err(|e| format!("`$ref` {reference:?} is not a URI reference: {e}"))?
        .resolve_against(document)
        .map_err(|e| format!("`$ref` {reference:?} does not resolve: {e}"))?;
    let fragment = resolved
        .fragment()
        .map(|f| f.decode().to_string_lossy().into_owned())
        .unwrap_or_default();
    if !fragment.is_empty() && !fragment.starts_with('/') {
        return Err(format!(
            "`$ref` {reference:?} names an anchor; only JSON Pointer fragments are rewritten"
        ));
    }
    let file = resolved
        .strip_fragment()
        .as_str()
        .strip_prefix(base_uri)
        .ok_or_else(|| format!("`$ref` {reference:?} leaves the published folder {base_uri}"))?
        .to_owned();
    Ok((file, fragment))
}

/// The fragment reference to `fragment` (a JSON Pointer, or empty for the whole file) within
/// `file`'s entry under `$defs`.
fn pointer_to(file: &str, fragment: &str) -> String {
    let key = file.replace('~', "~0").replace('/', "~1");
    format!("#/$defs/{key}{fragment}")
}
