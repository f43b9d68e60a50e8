//! typify on one corpus folder, for `scripts/bench-emitter.sh`.
//!
//! ```text
//! typify-harness prepare BUNDLE OUT.json   BUNDLE (modelgen's published bundle.schema.json)
//!                                          with every `$ref` made `#/$defs/<key>`, less the
//!                                          definitions typify refuses; a report on stdout
//! typify-harness generate IN.json OUT.rs   typify's formatted Rust for IN.json (the timed run)
//! typify-harness lex IN.rs                  only read IN.rs into a proc-macro2 token stream
//! typify-harness reformat IN.rs OUT.rs      the same, then `syn::parse2` into a `syn::File`
//!                                          and prettyplease: with `lex`, what formatting
//!                                          a token stream of that Rust costs
//! ```
//!
//! `generate` is the whole process that the script counts instructions of: read the document,
//! parse it into schemars 0.8's `RootSchema`, `TypeSpace::add_root_schema`, `to_stream`, and
//! format with prettyplease (modelgen's output is formatted too), then write the file.

use std::collections::{BTreeMap, BTreeSet};
use std::process::ExitCode;

use serde_json::{Map, Value};

#[path = "../../src/local_refs.rs"]
mod local_refs;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.iter().map(String::as_str).collect::<Vec<_>>()[..] {
        ["generate", input, output] => generate(input, output),
        ["prepare", bundle, output] => prepare(bundle, output),
        ["lex", input] => lex(input).map(|tokens| {
            eprintln!(
                "typify-harness: {} top-level tokens",
                tokens.into_iter().count()
            );
        }),
        ["reformat", input, output] => reformat(input, output),
        _ => Err(
            "usage: typify-harness generate IN.json OUT.rs | prepare BUNDLE OUT.json \
                  | lex IN.rs | reformat IN.rs OUT.rs"
                .into(),
        ),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("typify-harness: {e}");
            ExitCode::FAILURE
        }
    }
}

fn generate(input: &str, output: &str) -> Result<(), String> {
    let text = std::fs::read_to_string(input).map_err(|e| format!("{input}: {e}"))?;
    let rust = typify_rust(&text)?;
    std::fs::write(output, rust).map_err(|e| format!("{output}: {e}"))
}

fn lex(input: &str) -> Result<proc_macro2::TokenStream, String> {
    let text = std::fs::read_to_string(input).map_err(|e| format!("{input}: {e}"))?;
    text.parse().map_err(|e| format!("{input}: {e}"))
}

fn reformat(input: &str, output: &str) -> Result<(), String> {
    let file: syn::File = syn::parse2(lex(input)?).map_err(|e| format!("{input}: {e}"))?;
    std::fs::write(output, prettyplease::unparse(&file)).map_err(|e| format!("{output}: {e}"))
}

/// typify's Rust for a document whose references are local, formatted with prettyplease
/// (as `bench::typify_rust` does).
fn typify_rust(text: &str) -> Result<String, String> {
    let root: schemars08::schema::RootSchema =
        serde_json::from_str(text).map_err(|e| format!("not a draft-07 schema: {e}"))?;
    let mut space =
        typify::TypeSpace::new(typify::TypeSpaceSettings::default().with_struct_builder(false));
    space.add_root_schema(root).map_err(|e| e.to_string())?;
    let file: syn::File = syn::parse2(space.to_stream()).map_err(|e| e.to_string())?;
    Ok(prettyplease::unparse(&file))
}

/// [`typify_rust`], with a panic turned into an error.
fn try_typify(document: &Value) -> Result<(), String> {
    let text = serde_json::to_string(document).expect("JSON serializes");
    let result = std::panic::catch_unwind(|| typify_rust(&text));
    match result {
        Ok(result) => result.map(|_| ()),
        Err(payload) => Err(format!(
            "panicked: {}",
            payload
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| payload.downcast_ref::<&str>().map(|s| (*s).to_owned()))
                .unwrap_or_else(|| "a panic".to_owned())
        )),
    }
}

/// Writes the bundle with local references; when typify refuses it, drops each definition
/// whose own closure (it and every definition it reaches) typify refuses, and tries again.
/// Prints `defs N`, `refused M` and one line per distinct error.
fn prepare(bundle: &str, output: &str) -> Result<(), String> {
    let text = std::fs::read_to_string(bundle).map_err(|e| format!("{bundle}: {e}"))?;
    let mut document: Value = serde_json::from_str(&local_refs::local_refs(&text))
        .map_err(|e| format!("{bundle}: {e}"))?;
    let all_defs = defs_of(&document)?;
    let total = all_defs.len();
    std::panic::set_hook(Box::new(|_| {}));
    let mut refused: BTreeMap<String, String> = BTreeMap::new();
    let mut verdict = try_typify(&document);
    for _ in 0..3 {
        if verdict.is_ok() {
            break;
        }
        let defs = defs_of(&document)?;
        let mut newly = BTreeMap::new();
        for key in defs.keys() {
            let closure = closure(&defs, key);
            let mut subset = document.clone();
            subset["$defs"] = Value::Object(
                defs.iter()
                    .filter(|(k, _)| closure.contains(*k))
                    .map(|(k, v)| (k.clone(), v.clone()))
                    .collect::<Map<_, _>>(),
            );
            if let Err(e) = try_typify(&subset) {
                newly.insert(key.clone(), e);
            }
        }
        if newly.is_empty() {
            break;
        }
        let kept: Map<String, Value> = defs
            .into_iter()
            .filter(|(k, _)| !newly.contains_key(k))
            .collect();
        document["$defs"] = Value::Object(kept);
        refused.extend(newly);
        verdict = try_typify(&document);
    }
    let _ = std::panic::take_hook();
    println!("defs {total}");
    println!("refused {}", refused.len());
    let mut by_error: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for (key, error) in &refused {
        by_error.entry(error).or_default().push(key);
    }
    for (error, keys) in &by_error {
        let error = error.lines().next().unwrap_or_default();
        println!("error {} defs, e.g. {}: {error}", keys.len(), keys[0]);
    }
    if let Err(e) = verdict {
        println!("unreadable {}", e.lines().next().unwrap_or_default());
        return Err(format!(
            "{bundle}: typify refuses the document even without the {} definitions it refuses alone: {e}",
            refused.len()
        ));
    }
    let text = serde_json::to_string(&document).expect("JSON serializes");
    std::fs::write(output, text).map_err(|e| format!("{output}: {e}"))
}

fn defs_of(document: &Value) -> Result<Map<String, Value>, String> {
    document
        .get("$defs")
        .and_then(Value::as_object)
        .cloned()
        .ok_or_else(|| "the bundle has no $defs".into())
}

/// `key` and every definition it reaches through `#/$defs/...` references.
fn closure(defs: &Map<String, Value>, key: &str) -> BTreeSet<String> {
    let mut seen = BTreeSet::new();
    let mut pending = vec![key.to_owned()];
    while let Some(next) = pending.pop() {
        if !seen.insert(next.clone()) {
            continue;
        }
        if let Some(def) = defs.get(&next) {
            let mut refs = Vec::new();
            local_targets(def, &mut refs);
            pending.extend(refs.into_iter().filter(|r| defs.contains_key(r)));
        }
    }
    seen
}

fn local_targets(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::Object(object) => {
            if let Some(Value::String(reference)) = object.get("$ref") {
                if let Some(rest) = reference.strip_prefix("#/$defs/") {
                    let key = rest.split('/').next().unwrap_or_default();
                    out.push(key.replace("~1", "/").replace("~0", "~"));
                }
            }
            object.values().for_each(|v| local_targets(v, out));
        }
        Value::Array(items) => items.iter().for_each(|v| local_targets(v, out)),
        _ => {}
    }
}
