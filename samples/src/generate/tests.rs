use std::collections::BTreeSet;
use std::path::Path;

use super::*;
use crate::{samples, Sample};
use modelgen::examples::conforms;
use modelgen::ir::{EnumRepr, EnumValue, Field, Model, Union, Variant};

/// Models read from a fixture folder, to clone into hand-made ones: the IR structs are
/// built from loaded values so that new fields in them do not break these tests.
fn fixture(folder: &str) -> ModelSet {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../codegen/tests/fixtures")
        .join(folder);
    modelgen::Config::new()
        .spec_dir(dir)
        .check()
        .unwrap_or_else(|e| panic!("{e}"))
        .models
}

struct Protos {
    model: Model,
    field: Field,
    value: EnumValue,
    variant: Variant,
}

fn protos() -> Protos {
    let set = fixture("dialects/typescript");
    let mut model = None;
    let mut field = None;
    let mut value = None;
    let mut variant = None;
    for m in &set.models {
        match &m.kind {
            ModelKind::Object(object) if !object.fields.is_empty() => {
                model.get_or_insert_with(|| m.clone());
                field.get_or_insert_with(|| object.fields[0].clone());
            }
            ModelKind::Enum(e) if !e.values.is_empty() => {
                value.get_or_insert_with(|| e.values[0].clone());
            }
            ModelKind::Union(u) if !u.variants.is_empty() => {
                variant.get_or_insert_with(|| u.variants[0].clone());
            }
            _ => {}
        }
    }
    Protos {
        model: model.unwrap(),
        field: field.unwrap(),
        value: value.unwrap(),
        variant: variant.unwrap(),
    }
}

impl Protos {
    fn model(&self, name: &str, kind: ModelKind) -> Model {
        let mut m = self.model.clone();
        m.name = name.into();
        m.rust_name = name.into();
        m.def_key = name.into();
        m.schema_file = format!("{name}.schema.json");
        m.synthesized = false;
        m.kind = kind;
        m
    }

    fn field(&self, name: &str, ty: Type, required: bool) -> Field {
        let mut f = self.field.clone();
        f.name = name.into();
        f.wire_name = name.into();
        f.rust_name = name.into();
        f.ty = ty;
        f.required = required;
        f.nullable = false;
        f.example = None;
        f.constraints = Constraints::default();
        f
    }

    fn object(&self, name: &str, fields: Vec<Field>) -> Model {
        self.model(
            name,
            ModelKind::Object(Object {
                fields,
                example: None,
            }),
        )
    }

    fn enumeration(&self, name: &str, values: Vec<Value>, open: bool) -> Model {
        let repr = if values.iter().all(Value::is_string) {
            EnumRepr::String
        } else {
            EnumRepr::Integer
        };
        let values = values
            .into_iter()
            .map(|value| {
                let mut v = self.value.clone();
                v.value = value;
                v
            })
            .collect();
        self.model(name, ModelKind::Enum(Enum { values, open, repr }))
    }

    fn union(&self, name: &str, types: Vec<Type>) -> Model {
        let variants = types
            .into_iter()
            .enumerate()
            .map(|(i, ty)| {
                let mut v = self.variant.clone();
                v.rust_name = format!("V{i}");
                v.ty = ty;
                v
            })
            .collect();
        self.model(name, ModelKind::Union(Union { variants }))
    }
}

fn num(x: f64) -> Option<Number> {
    num_value(x).and_then(|v| v.as_number().cloned())
}

const PERSON: ModelId = ModelId(0);
const ADDRESS: ModelId = ModelId(1);

/// A model that uses every keyword, and the odd shapes the generator must survive.
fn constrained() -> ModelSet {
    let p = protos();
    let s = |x: &str| {
        Type::Model(ModelId(match x {
            "Address" => 1,
            "Kind" => 2,
            "Level" => 3,
            "Pet" => 4,
            "Chain" => 5,
            "Empty" => 6,
            "Single" => 7,
            "UnionA" => 8,
            "UnionB" => 9,
            "Selfish" => 10,
            "Anything" => 11,
            "Tree" => 12,
            _ => 999,
        }))
    };
    let mut person = Vec::new();
    let mut f = p.field("id", Type::String, true);
    f.constraints.format = Some(Format::Uuid);
    person.push(f);
    let mut f = p.field("email", Type::String, true);
    f.constraints.format = Some(Format::Email);
    f.constraints.max_length = Some(40);
    person.push(f);
    let mut f = p.field("age", Type::Integer, false);
    f.constraints.minimum = num(0.0);
    f.constraints.maximum = num(150.0);
    person.push(f);
    let mut f = p.field("score", Type::Number, false);
    f.constraints.exclusive_minimum = num(0.0);
    f.constraints.exclusive_maximum = num(10.0);
    f.constraints.multiple_of = num(0.5);
    person.push(f);
    let mut f = p.field("count", Type::Integer, false);
    f.constraints.multiple_of = num(5.0);
    person.push(f);
    let mut f = p.field("tags", Type::Array(Box::new(Type::String)), true);
    f.constraints.min_items = Some(1);
    f.constraints.max_items = Some(3);
    f.constraints.unique_items = true;
    f.constraints.items = Some(Box::new(Constraints {
        max_length: Some(8),
        min_length: Some(2),
        ..Constraints::default()
    }));
    person.push(f);
    person.push(p.field("addresses", Type::Array(Box::new(s("Address"))), false));
    person.push(p.field("places", Type::Map(Box::new(s("Address"))), false));
    let mut f = p.field("homepage", Type::String, false);
    f.constraints.format = Some(Format::Uri);
    f.nullable = true;
    person.push(f);
    person.push(p.field("kind", s("Kind"), true));
    person.push(p.field("level", s("Level"), false));
    let mut f = p.field("version", Type::Integer, true);
    f.constraints.const_value = Some(json!(2));
    person.push(f);
    person.push(p.field("created", Type::DateTime, false));
    person.push(p.field("birthday", Type::Date, false));
    let mut f = p.field("ip4", Type::String, false);
    f.constraints.format = Some(Format::Ipv4);
    person.push(f);
    let mut f = p.field("ip6", Type::String, false);
    f.constraints.format = Some(Format::Ipv6);
    person.push(f);
    let mut f = p.field("code", Type::String, false);
    f.constraints.pattern = Some("^[A-Z]{3}-[0-9]{2}$".into());
    f.example = Some(json!("ABC-12"));
    person.push(f);
    let mut f = p.field("nickname", Type::String, false);
    f.constraints.pattern = Some("(?=x)x".into());
    person.push(f);
    let mut f = p.field("rating", Type::Nullable(Box::new(Type::Number)), false);
    f.constraints.default = Some(json!(1.5));
    person.push(f);
    person.push(p.field("pet", s("Pet"), false));
    person.push(p.field("friend", Type::Model(PERSON), false));
    person.push(p.field("notes", Type::Any, false));
    person.push(p.field("tree", s("Tree"), false));

    let mut city = p.field("city", Type::String, true);
    city.constraints.min_length = Some(1);
    city.constraints.max_length = Some(20);
    let mut zip = p.field("zip", Type::String, false);
    zip.constraints.pattern = Some("^[0-9]{5}$".into());

    let mut address = p.object("Address", vec![city, zip]);
    if let ModelKind::Object(object) = &mut address.kind {
        object.example = Some(json!({"city": "Lyon"}));
    }
    let mut tree_children = p.field("children", Type::Array(Box::new(s("Tree"))), true);
    tree_children.constraints.max_items = Some(2);
    let models = vec![
        p.object("Person", person),
        address,
        p.enumeration("Kind", vec![json!("cat"), json!("dog")], false),
        p.enumeration("Level", vec![json!(0), json!(1), json!(2)], true),
        p.union("Pet", vec![Type::String, s("Address")]),
        p.object("Chain", vec![p.field("next", s("Chain"), true)]),
        p.object("Empty", vec![]),
        p.enumeration("Single", vec![json!("only")], false),
        p.union("UnionA", vec![s("UnionB"), Type::Integer]),
        p.union("UnionB", vec![s("UnionA"), s("UnionA"), Type::String]),
        p.union("Selfish", vec![s("Selfish")]),
        p.model("Anything", ModelKind::Any),
        p.object("Tree", vec![tree_children]),
        p.enumeration("Nothing", vec![], false),
        p.union("NoVariants", vec![]),
        p.object("Broken", vec![p.field("missing", s("Nowhere"), true)]),
    ];
    ModelSet { models }
}

fn every_model(models: &ModelSet) -> impl Iterator<Item = ModelId> + '_ {
    models.iter().map(|(id, _)| id)
}

#[test]
fn count_and_determinism() {
    let models = constrained();
    for id in every_model(&models) {
        for count in [0, 1, 2, 3, 10, 31] {
            let first = samples(&models, id, count, 7);
            assert_eq!(first.len(), count, "{id:?}");
            assert_eq!(first, samples(&models, id, count, 7), "{id:?}");
        }
    }
    assert_ne!(
        samples(&models, PERSON, 12, 1),
        samples(&models, PERSON, 12, 2)
    );
    assert!(samples(&models, ModelId(999), 5, 1).is_empty());
    let all = samples(&models, PERSON, 30, 9);
    let valid = all
        .iter()
        .filter(|s| s.description.starts_with(VALID))
        .count();
    assert_eq!(valid, 10, "a third are valid instances");
}

#[test]
fn every_kind_of_change_appears() {
    let models = constrained();
    let generated = generate(&models, PERSON, 900, 11);
    let kinds: BTreeSet<Kind> = generated.iter().filter_map(|(_, k)| *k).collect();
    let missing: Vec<Kind> = Kind::ALL
        .into_iter()
        .filter(|k| !kinds.contains(k))
        .collect();
    assert!(missing.is_empty(), "missing: {missing:?}");
    let descriptions: Vec<&str> = generated
        .iter()
        .map(|(s, _)| s.description.as_str())
        .collect();
    for wanted in [
        "invalid: /tags removed (required)",
        "/addresses/0/city",
        "/places/",
        "characters (maxLength 8)",
        "(minLength 2)",
        "the document is",
        "not a valid email: ",
        "not a valid date-time: ",
        "not a valid uuid: ",
        "age is 151, above maximum 150",
        "age is -1, below minimum 0",
        "score is 10, not below exclusiveMaximum 10",
        "score is 0, not above exclusiveMinimum 0",
        "not a multiple of 0.5",
        "version is",
        "not a value of the closed enum `Kind`",
        "an unknown value of the open enum `Level`",
        "UTF-16 units",
        "exactly at the inclusive",
    ] {
        assert!(
            descriptions.iter().any(|d| d.contains(wanted)),
            "no description contains {wanted:?}"
        );
    }
    for (sample, kind) in &generated {
        if let Some(kind) = kind {
            let expected = if kind.is_valid() { "valid" } else { "invalid" };
            assert!(
                sample.description.starts_with(expected)
                    || sample.description.starts_with(UNCERTAIN),
                "{kind:?}: {}",
                sample.description
            );
        }
    }
}

#[test]
fn verdicts_match_the_built_in_check() {
    let models = constrained();
    let checker = Checker::new(&models);
    for id in every_model(&models) {
        let root = Type::Model(id);
        for sample in samples(&models, id, 120, 5) {
            let report = checker.document(&sample.document, &root);
            match sample.expected_valid() {
                Some(true) => assert!(
                    report.is_clean(),
                    "{id:?} {}: {report:?} {}",
                    sample.description,
                    sample.document
                ),
                Some(false) => assert!(
                    !report.violations.is_empty(),
                    "{id:?} {}: {}",
                    sample.description,
                    sample.document
                ),
                None => assert!(report.violations.is_empty(), "{}", sample.description),
            }
        }
    }
}

#[test]
fn near_misses_break_exactly_one_thing_where_they_say() {
    let models = constrained();
    let checker = Checker::new(&models);
    let root = Type::Model(PERSON);
    for sample in samples(&models, PERSON, 300, 3) {
        if sample.expected_valid() != Some(false) {
            continue;
        }
        let report = checker.document(&sample.document, &root);
        assert_eq!(report.violations.len(), 1, "{}", sample.description);
        let path = &report.violations[0].path;
        assert!(
            path.is_empty() || sample.description.contains(path.as_str()),
            "{} does not name {path}",
            sample.description
        );
    }
}

#[test]
fn valid_instances_conform() {
    let models = constrained();
    for id in [
        PERSON,
        ADDRESS,
        ModelId(2),
        ModelId(3),
        ModelId(4),
        ModelId(6),
    ] {
        let root = Type::Model(id);
        let generated = samples(&models, id, 90, 21);
        let valid: Vec<&Sample> = generated
            .iter()
            .filter(|s| s.description.starts_with(VALID))
            .collect();
        assert_eq!(valid.len(), 30);
        for sample in valid {
            if let Err(reason) = conforms(&sample.document, &root, &models.models) {
                panic!("{}: {reason}\n{}", sample.description, sample.document);
            }
        }
    }
    let first = &samples(&models, ADDRESS, 1, 0)[0];
    assert_eq!(first.description, "valid: the model's example");
}

#[test]
fn fixture_models_give_valid_instances_and_never_panic() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("../codegen/tests/fixtures");
    let mut folders: Vec<_> = std::fs::read_dir(fixtures.join("dialects"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    folders.sort();
    folders.push(fixtures.join("hostile"));
    let mut tried = 0;
    for folder in folders {
        let Ok(generated) = modelgen::Config::new().spec_dir(&folder).check() else {
            continue;
        };
        let models = generated.models;
        for id in every_model(&models) {
            let root = Type::Model(id);
            for sample in samples(&models, id, 24, 1) {
                tried += 1;
                if sample.description.starts_with(VALID) {
                    if let Err(reason) = conforms(&sample.document, &root, &models.models) {
                        panic!(
                            "{}: {}: {reason}\n{}",
                            folder.display(),
                            sample.description,
                            sample.document
                        );
                    }
                }
            }
        }
    }
    assert!(tried > 0);
}

#[test]
fn self_reference_without_end_is_cut_and_labelled() {
    let models = constrained();
    for sample in samples(&models, ModelId(5), 6, 1) {
        assert_eq!(
            sample.expected_valid(),
            Some(false),
            "{}",
            sample.description
        );
    }
    let chain = &samples(&models, ModelId(5), 1, 1)[0];
    assert!(
        chain.description.contains("depth limit"),
        "{}",
        chain.description
    );
    for sample in samples(&models, ModelId(12), 30, 1) {
        assert_ne!(sample.expected_valid(), None, "{}", sample.description);
    }
}

#[test]
fn a_pattern_the_matcher_gives_up_on_labels_documents_uncertain() {
    // A string of `a`s without the `~` makes the matcher give up; the example has the `~`, and
    // dropping its last character is one of the pattern's near-misses.
    let source = "(a|(?=a)a)*~";
    let p = protos();
    let mut word = p.field("word", Type::String, true);
    word.constraints.pattern = Some(source.into());
    word.example = Some(json!(format!("{}~", "a".repeat(20))));
    let models = ModelSet {
        models: vec![p.object("Word", vec![word])],
    };
    let pattern = modelgen_runtime::Pattern::new(source).unwrap();
    let mut uncertain = 0;
    for sample in samples(&models, ModelId(0), 30, 3) {
        let Some(text) = sample.document.get("word").and_then(Value::as_str) else {
            assert_ne!(sample.expected_valid(), None, "{}", sample.description);
            continue;
        };
        let verdict = pattern.is_match(text);
        match sample.expected_valid() {
            Some(true) => assert_eq!(verdict, Ok(true), "{}", sample.description),
            Some(false) => assert_eq!(verdict, Ok(false), "{}", sample.description),
            None => {
                assert!(verdict.is_err(), "{}", sample.description);
                uncertain += 1;
            }
        }
    }
    assert!(uncertain > 0, "no document was labelled uncertain");
}
