//! The runtime's own API: JSON Pointers, errors and the `Validate` impls that recurse.

use std::collections::BTreeMap;

use modelgen_runtime::{
    char_count, JsonPointer, Location, Validate, ValidationError, ValidationErrors,
};

#[test]
fn json_pointer_escapes_and_pops() {
    let mut path = JsonPointer::new();
    assert_eq!(path.as_str(), "");
    assert!(path.is_root());
    path.pop();
    assert_eq!(path.as_str(), "");
    path.push_key("a/b~c");
    assert_eq!(path.as_str(), "/a~1b~0c");
    path.push_index(12);
    path.push_key("");
    assert_eq!(path.as_str(), "/a~1b~0c/12/");
    assert_eq!(path.depth(), 3);
    path.pop();
    assert_eq!(path.to_string(), "/a~1b~0c/12");
    path.pop();
    path.pop();
    assert!(path.is_root());
    path.push_key("~01");
    assert_eq!(path.as_str(), "/~001");
}

#[test]
fn errors_display_with_their_paths() {
    let root = ValidationError::new(
        &Location::Root,
        "type",
        "expected an object, found an array",
    );
    let name = ValidationError::new(
        &Location::Root.key("name"),
        "minLength",
        "`abc` is shorter than 5 characters",
    );
    assert_eq!(root.to_string(), "/: expected an object, found an array");
    assert_eq!(
        name.to_string(),
        "/name: `abc` is shorter than 5 characters"
    );
    let errors = ValidationErrors(vec![root.clone(), name.clone()]);
    assert_eq!(errors.len(), 2);
    assert!(!errors.is_empty());
    assert_eq!(
        errors.to_string(),
        "/: expected an object, found an array\n/name: `abc` is shorter than 5 characters"
    );
    assert_eq!(
        errors.iter().map(|e| e.rule).collect::<Vec<_>>(),
        ["type", "minLength"]
    );
    let boxed: Box<dyn std::error::Error> = Box::new(errors);
    assert!(boxed.to_string().contains("/name"));
}

/// A hand-written model, as generated code would write one.
struct Item {
    name: String,
    tags: Vec<Tag>,
    extra: Option<Box<Tag>>,
    by_key: BTreeMap<String, Tag>,
}

struct Tag(String);

impl Validate for Tag {
    fn validate_into(&self, path: &Location<'_>, errors: &mut Vec<ValidationError>) {
        if char_count(&self.0) < 2 {
            errors.push(ValidationError::new(
                path,
                "minLength",
                format!("`{}` is shorter than 2 characters", self.0),
            ));
        }
    }
}

impl Validate for Item {
    fn validate_into(&self, path: &Location<'_>, errors: &mut Vec<ValidationError>) {
        {
            let path = &path.key("name");
            self.name.validate_into(path, errors);
        }
        {
            let path = &path.key("tags");
            self.tags.validate_into(path, errors);
        }
        self.extra.validate_into(&path.key("extra"), errors);
        self.by_key.validate_into(&path.key("byKey"), errors);
    }
}

#[test]
fn containers_recurse_with_their_segments() {
    let item = Item {
        name: "n".to_owned(),
        tags: vec![Tag("ok".to_owned()), Tag("x".to_owned())],
        extra: Some(Box::new(Tag("y".to_owned()))),
        by_key: BTreeMap::from([
            ("a/b".to_owned(), Tag("z".to_owned())),
            ("c".to_owned(), Tag("fine".to_owned())),
        ]),
    };
    let errors = item.validate().expect_err("three tags are too short");
    let paths: Vec<&str> = errors.iter().map(|e| e.path.as_str()).collect();
    assert_eq!(paths, ["/tags/1", "/extra", "/byKey/a~1b"]);
    assert!(errors.iter().all(|e| e.rule == "minLength"));

    let valid = Item {
        name: String::new(),
        tags: Vec::new(),
        extra: None,
        by_key: BTreeMap::new(),
    };
    assert!(valid.validate().is_ok());
    assert!(serde_json::json!({"a": 1}).validate().is_ok());
    assert!(1_i64.validate().is_ok());
    assert!(1.5_f64.validate().is_ok());
    assert!(true.validate().is_ok());
}

#[test]
fn char_count_counts_code_points() {
    assert_eq!(char_count(""), 0);
    assert_eq!(char_count("abc"), 3);
    assert_eq!(char_count("日本"), 2);
    assert_eq!(char_count("😀"), 1);
    assert_eq!(char_count("e\u{301}"), 2);
}

#[test]
fn locations_write_escaped_pointers() {
    let root = Location::root();
    assert_eq!(root.to_string(), "");
    assert!(root.is_root());
    assert_eq!(root.depth(), 0);
    assert_eq!(root.to_pointer(), JsonPointer::new());

    let a = root.key("a/b~c");
    let twelve = a.index(12);
    let empty = twelve.key("");
    assert_eq!(a.to_string(), "/a~1b~0c");
    assert_eq!(twelve.to_string(), "/a~1b~0c/12");
    assert_eq!(empty.to_string(), "/a~1b~0c/12/");
    assert_eq!(empty.depth(), 3);
    assert!(!empty.is_root());
    assert_eq!(root.key("~01").to_string(), "/~001");
    assert_eq!(root.key("//~~").to_string(), "/~1~1~0~0");
    assert_eq!(root.key("héllo/日本").to_string(), "/héllo~1日本");
    assert_eq!(root.index(0).index(7).to_string(), "/0/7");

    // `to_pointer` builds the same text as pushing the segments one by one.
    let mut pointer = JsonPointer::new();
    pointer.push_key("a/b~c");
    pointer.push_index(12);
    pointer.push_key("");
    assert_eq!(empty.to_pointer(), pointer);
    assert_eq!(empty.to_pointer().depth(), 3);
    assert_eq!(empty.to_pointer().as_str(), empty.to_string());

    // Errors carry the pointer text.
    let error = ValidationError::new(&empty, "type", "x");
    assert_eq!(error.path, "/a~1b~0c/12/");
    assert_eq!(Location::default().to_string(), "");
}

#[test]
fn json_pointer_still_builds_by_hand() {
    let mut path = JsonPointer::new();
    path.push_key("x");
    assert_eq!(path.to_string(), "/x");
}

#[test]
fn a_pattern_match_that_gives_up_is_an_error_naming_the_pattern_and_the_place() {
    use modelgen_runtime::{checks, Pattern};

    let source = "^(a|(?=a)a)*$";
    let pattern = Pattern::new(source).expect("compiles");
    let root = Location::root();
    let name = root.key("name");
    let path = name.index(2);
    let mut errors = Vec::new();
    checks::pattern("aaa", &pattern, source, &path, &mut errors);
    assert!(errors.is_empty(), "{errors:?}");
    checks::pattern("aab", &pattern, source, &path, &mut errors);
    assert_eq!(errors.len(), 1);
    let long = format!("{}b", "a".repeat(200));
    checks::pattern(&long, &pattern, source, &path, &mut errors);
    assert_eq!(errors.len(), 2, "{errors:?}");
    let error = &errors[1];
    assert_eq!(error.path, "/name/2");
    assert_eq!(error.rule, "pattern");
    assert!(error.message.contains(source), "{error:?}");
    assert!(error.message.contains("backtracking"), "{error:?}");
    assert!(error.message.contains("(201 bytes)"), "{error:?}");
}
