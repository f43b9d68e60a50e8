//! The hostile pages written unformatted (`Config::formatted(false)`, `build.rs`) compile under
//! the crate's `#![deny(warnings)]` and check documents as the formatted module does.

use fixture_models::{hostile, hostile_unformatted};

const BUNDLE: &str = include_str!(concat!(
    env!("OUT_DIR"),
    "/schemas/hostile/bundle.schema.json"
));
const UNFORMATTED: &str = include_str!(concat!(env!("OUT_DIR"), "/hostile_unformatted.rs"));

#[test]
fn the_unformatted_module_is_a_line_of_tokens_per_model() {
    let bundle: serde_json::Value = serde_json::from_str(BUNDLE).expect("the bundle is JSON");
    let models = bundle["$defs"]
        .as_object()
        .expect("the bundle has $defs")
        .len();
    let code = UNFORMATTED
        .lines()
        .filter(|line| !line.trim_start().starts_with("//") && !line.is_empty())
        .count();
    // A line per model, `pub mod` and `}` lines, the runtime requirement and the items after
    // the models: far fewer than formatting writes, at least one per model.
    assert!(
        code > models && code < models * 3,
        "{code} lines for {models} models"
    );
}

#[test]
fn both_modules_give_the_same_verdicts() {
    let bundle: serde_json::Value = serde_json::from_str(BUNDLE).expect("the bundle is JSON");
    let names: Vec<&String> = bundle["$defs"]
        .as_object()
        .expect("the bundle has $defs")
        .keys()
        .collect();
    assert!(names.len() > 10, "{names:?}");
    let documents = [
        "{}",
        "null",
        "[]",
        "\"text\"",
        "1.5",
        "{\"a\": [1, {\"b\": null}]}",
    ];
    let mut accepted = 0;
    for name in &names {
        for document in documents {
            let formatted = hostile::validate_json(name, document)
                .unwrap_or_else(|| panic!("{name} is a model of the formatted module"));
            let unformatted = hostile_unformatted::validate_json(name, document)
                .unwrap_or_else(|| panic!("{name} is a model of the unformatted module"));
            assert_eq!(
                formatted.as_ref().map_err(ToString::to_string),
                unformatted.as_ref().map_err(ToString::to_string),
                "{name}: {document}"
            );
            accepted += usize::from(formatted.is_ok());
        }
    }
    // Both verdicts occur, so the comparison says something.
    assert!(accepted > 0 && accepted < names.len() * documents.len());
}
