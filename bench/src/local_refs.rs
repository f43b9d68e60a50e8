//! The rewriting of a published bundle into one document whose references are all local
//! (`#/$defs/<key>`), for generators such as typify that follow no other reference.
//!
//! Its own file so that the typify harness (`bench/typify-harness`, outside the workspace)
//! includes the same code with `#[path]`.

use serde_json::Value;

/// Rewrites a published bundle for generators that only follow references inside one
/// document: every `$ref` (a URI relative to the `$id` of the definition it sits in, such as
/// `../components/Link.schema.json`) becomes `#/$defs/<key>`, and the `$id`s of the
/// definitions are dropped.
pub fn local_refs(bundle: &str) -> String {
    let mut bundle: Value = serde_json::from_str(bundle).expect("the bundle is JSON");
    let defs = bundle
        .get_mut("$defs")
        .and_then(Value::as_object_mut)
        .expect("the bundle has $defs");
    let mut by_id = std::collections::HashMap::new();
    for (key, def) in defs.iter() {
        if let Some(id) = def.get("$id").and_then(Value::as_str) {
            by_id.insert(id.to_owned(), key.clone());
        }
    }
    for def in defs.values_mut() {
        let base = def
            .get("$id")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned();
        if let Some(object) = def.as_object_mut() {
            object.remove("$id");
        }
        rewrite_refs(def, &base, &by_id);
    }
    serde_json::to_string(&bundle).expect("JSON serializes")
}

fn rewrite_refs(value: &mut Value, base: &str, by_id: &std::collections::HashMap<String, String>) {
    match value {
        Value::Object(object) => {
            if let Some(Value::String(reference)) = object.get_mut("$ref") {
                if !reference.starts_with('#') {
                    let (target, fragment) = match reference.split_once('#') {
                        Some((t, f)) => (t.to_owned(), format!("#{f}")),
                        None => (reference.clone(), String::new()),
                    };
                    let absolute = resolve_uri(base, &target);
                    if let Some(key) = by_id.get(&absolute) {
                        let pointer = fragment.trim_start_matches('#');
                        *reference = format!("#/$defs/{key}{pointer}");
                    }
                }
            }
            for child in object.values_mut() {
                rewrite_refs(child, base, by_id);
            }
        }
        Value::Array(items) => {
            for child in items {
                rewrite_refs(child, base, by_id);
            }
        }
        _ => {}
    }
}

/// A relative URI reference against a base URI, for the paths modelgen writes (`X`, `../d/X`).
fn resolve_uri(base: &str, reference: &str) -> String {
    if reference.contains("://") {
        return reference.to_owned();
    }
    let (root, path) = match base.find("://") {
        Some(scheme) => {
            let after = scheme + 3;
            let slash = base[after..].find('/').map_or(base.len(), |i| after + i);
            (&base[..slash], &base[slash..])
        }
        None => ("", base),
    };
    let mut segments: Vec<&str> = path.split('/').collect();
    segments.pop();
    for part in reference.split('/') {
        match part {
            ".." => {
                if segments.len() > 1 {
                    segments.pop();
                }
            }
            "." => {}
            other => segments.push(other),
        }
    }
    format!("{root}{}", segments.join("/"))
}
