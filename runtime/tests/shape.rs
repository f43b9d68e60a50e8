//! The data-driven check of JSON values: a static shape graph as generated code writes one
//! (recursive model references, lazily compiled patterns, lazily parsed constants), and every
//! branch of the interpreter with its rules, messages and paths.

use modelgen_runtime::shape::{
    self, ArrayRules, Constant, FieldShape, Format, Kind, Limit, ModelShape, NumberRules, Shape,
    StringRules,
};
use modelgen_runtime::{LazyPattern, Location, Model, Validate, ValidationError};
use serde_json::{json, Value};

// ----- a static graph, as generated code writes it -----

static NODE_ID: LazyPattern = LazyPattern::new("^n_[0-9]+$");
static NODE_KIND: Constant = Constant::new("\"node\"");
static ANY_CONST: Constant = Constant::new("{\"a\":[1,2.0]}");

fn node_shape() -> &'static ModelShape {
    &NODE
}

fn status_shape() -> &'static ModelShape {
    &STATUS
}

fn pet_shape() -> &'static ModelShape {
    &PET
}

static NODE: ModelShape = ModelShape::Object(&[
    FieldShape {
        wire_name: "id",
        required: true,
        nullable: false,
        shape: Shape {
            kind: Kind::String(&StringRules {
                format: None,
                min_length: Some(1),
                max_length: None,
                pattern: Some(&NODE_ID),
            }),
            constant: None,
        },
    },
    FieldShape {
        wire_name: "kind",
        required: true,
        nullable: false,
        shape: Shape {
            kind: Kind::String(&StringRules::NONE),
            constant: Some(&NODE_KIND),
        },
    },
    FieldShape {
        wire_name: "label",
        required: false,
        nullable: true,
        shape: Shape::of(Kind::Nullable(&Shape::of(Kind::String(&StringRules {
            format: None,
            min_length: None,
            max_length: Some(3),
            pattern: None,
        })))),
    },
    FieldShape {
        wire_name: "children",
        required: false,
        nullable: false,
        shape: Shape::of(Kind::Array(&ArrayRules {
            items: Shape::of(Kind::Model(node_shape)),
            min_items: None,
            max_items: Some(2),
            unique_items: true,
        })),
    },
    FieldShape {
        wire_name: "weights",
        required: false,
        nullable: false,
        shape: Shape::of(Kind::Map(&Shape::of(Kind::Integer(&NumberRules {
            minimum: Some(Limit::Int(0)),
            maximum: Some(Limit::Uint(u64::MAX)),
            exclusive_minimum: None,
            exclusive_maximum: None,
            multiple_of: None,
        })))),
    },
    FieldShape {
        wire_name: "extra",
        required: true,
        nullable: false,
        shape: Shape::of(Kind::Any),
    },
    FieldShape {
        wire_name: "status",
        required: false,
        nullable: false,
        shape: Shape::of(Kind::Model(status_shape)),
    },
    FieldShape {
        wire_name: "pet",
        required: false,
        nullable: true,
        shape: Shape::of(Kind::Nullable(&Shape::of(Kind::Model(pet_shape)))),
    },
]);

static STATUS: ModelShape = ModelShape::StringEnum {
    values: &["active", "suspended"],
    open: false,
    allowed: "\"active\", \"suspended\"",
};

static PET: ModelShape = ModelShape::Union {
    name: "Pet",
    variants: &[
        Shape::of(Kind::Model(node_shape)),
        Shape::of(Kind::Integer(&NumberRules {
            minimum: Some(Limit::Int(1)),
            ..NumberRules::NONE
        })),
        Shape::of(Kind::Boolean),
    ],
};

/// Path, rule and message of each error.
fn run(model: &ModelShape, value: &Value) -> Vec<(String, &'static str, String)> {
    let mut errors = Vec::new();
    shape::check_model(model, value, &Location::Root, &mut errors);
    errors
        .into_iter()
        .map(|e| (e.path, e.rule, e.message))
        .collect()
}

fn run_shape(shape: &Shape, value: &Value) -> Vec<(String, &'static str, String)> {
    let mut errors = Vec::new();
    shape::check(shape, value, &Location::Root, &mut errors);
    let fits = shape::fits(shape, value);
    assert_eq!(
        fits,
        errors.is_empty(),
        "fits and check disagree on {value}"
    );
    errors
        .into_iter()
        .map(|e| (e.path, e.rule, e.message))
        .collect()
}

fn e(path: &str, rule: &'static str, message: &str) -> (String, &'static str, String) {
    (path.to_owned(), rule, message.to_owned())
}

#[test]
fn a_valid_node_passes() {
    let value = json!({
        "id": "n_1",
        "kind": "node",
        "label": null,
        "children": [{"id": "n_2", "kind": "node", "extra": null, "pet": {"id": "n_3", "kind": "node", "extra": 1}}],
        "weights": {"a": 0, "b": 2.0},
        "extra": [1, "x"],
        "status": "active",
        "pet": 3,
    });
    assert_eq!(run(&NODE, &value), []);
    assert!(shape::fits_model(&NODE, &value));
}

#[test]
fn object_errors_come_in_field_order_with_paths() {
    let value = json!({
        "id": "",
        "kind": "edge",
        "label": "long",
        "children": [{"kind": "node", "extra": 1}, {"id": "x", "kind": "node", "extra": 1}, 3],
        "weights": {"a/b": -1, "c": 1.5, "d": "x"},
        "status": "bogus",
        "pet": 0,
    });
    assert_eq!(
        run(&NODE, &value),
        [
            e("/id", "minLength", "\"\" is shorter than 1 characters"),
            e("/id", "pattern", "\"\" does not match `^n_[0-9]+$`"),
            e("/kind", "const", "\"edge\" is not the constant \"node\""),
            e(
                "/label",
                "maxLength",
                "\"long\" is longer than 3 characters"
            ),
            e("/children", "maxItems", "the list has 3 items, more than 2"),
            e(
                "/children/0",
                "required",
                "the required property `id` is missing"
            ),
            e(
                "/children/1/id",
                "pattern",
                "\"x\" does not match `^n_[0-9]+$`"
            ),
            e(
                "/children/2",
                "type",
                "expected an object, found an integer"
            ),
            e("/weights/a~1b", "minimum", "-1 is less than the minimum 0"),
            e("/weights/c", "type", "expected an integer, found a number"),
            e("/weights/d", "type", "expected an integer, found a string"),
            e("", "required", "the required property `extra` is missing"),
            e(
                "/status",
                "enum",
                "\"bogus\" is not one of \"active\", \"suspended\""
            ),
            e(
                "/pet",
                "anyOf",
                "the value fits none of the variants of `Pet`"
            ),
        ]
    );
    assert!(!shape::fits_model(&NODE, &value));
}

#[test]
fn objects_need_objects_and_required_members() {
    assert_eq!(
        run(&NODE, &json!([1])),
        [e("", "type", "expected an object, found an array")]
    );
    assert_eq!(
        run(&NODE, &json!({})),
        [
            e("", "required", "the required property `id` is missing"),
            e("", "required", "the required property `kind` is missing"),
            e("", "required", "the required property `extra` is missing"),
        ]
    );
    // An `Any` member only has to be there; nullable members take `null`; the constant is
    // checked before the type.
    assert_eq!(
        run(
            &NODE,
            &json!({"id": "n_1", "kind": 3, "extra": null, "label": null, "pet": null})
        ),
        [
            e("/kind", "const", "3 is not the constant \"node\""),
            e("/kind", "type", "expected a string, found an integer"),
        ]
    );
    // A member that is not nullable does not take `null`.
    assert_eq!(
        run(
            &NODE,
            &json!({"id": null, "kind": "node", "extra": 1, "status": null})
        ),
        [
            e("/id", "type", "expected a string, found null"),
            e("/status", "type", "expected a string, found null"),
        ]
    );
    // Members not listed are allowed.
    assert_eq!(
        run(
            &NODE,
            &json!({"id": "n_1", "kind": "node", "extra": 1, "other": 1})
        ),
        []
    );
    // An object model with no fields takes any object.
    static EMPTY: ModelShape = ModelShape::Object(&[]);
    assert_eq!(run(&EMPTY, &json!({"a": 1})), []);
    assert_eq!(
        run(&EMPTY, &json!("x")),
        [e("", "type", "expected an object, found a string")]
    );
}

#[test]
fn a_nullable_field_with_a_constant_checks_null_against_it() {
    static NULL_OK: Constant = Constant::new("null");
    static MODEL: ModelShape = ModelShape::Object(&[
        FieldShape {
            wire_name: "a",
            required: false,
            nullable: true,
            shape: Shape {
                kind: Kind::Nullable(&Shape::of(Kind::Integer(&NumberRules::NONE))),
                constant: Some(&ANY_CONST),
            },
        },
        FieldShape {
            wire_name: "b",
            required: false,
            nullable: true,
            shape: Shape {
                kind: Kind::Nullable(&Shape::of(Kind::Integer(&NumberRules::NONE))),
                constant: Some(&NULL_OK),
            },
        },
    ]);
    assert_eq!(
        run(&MODEL, &json!({"a": null, "b": null})),
        [e("/a", "const", "null is not the constant {\"a\":[1,2.0]}")]
    );
    assert_eq!(
        run(&MODEL, &json!({"a": {"a": [1.0, 2]}, "b": 1})),
        [
            e("/a", "type", "expected an integer, found an object"),
            e("/b", "const", "1 is not the constant null"),
        ]
    );
}

#[test]
fn enums() {
    static OPEN: ModelShape = ModelShape::StringEnum {
        values: &["a"],
        open: true,
        allowed: "\"a\"",
    };
    static INTS: ModelShape = ModelShape::IntegerEnum {
        values: &[1, 2, -3],
        open: false,
        allowed: "1, 2, -3",
    };
    static OPEN_INTS: ModelShape = ModelShape::IntegerEnum {
        values: &[1],
        open: true,
        allowed: "1",
    };
    assert_eq!(run(&STATUS, &json!("suspended")), []);
    assert_eq!(
        run(&STATUS, &json!(1)),
        [e("", "type", "expected a string, found an integer")]
    );
    assert_eq!(run(&OPEN, &json!("zzz")), []);
    assert_eq!(
        run(&OPEN, &json!(false)),
        [e("", "type", "expected a string, found a boolean")]
    );
    assert_eq!(run(&INTS, &json!(2)), []);
    assert_eq!(run(&INTS, &json!(2.0)), []);
    assert_eq!(run(&INTS, &json!(-3)), []);
    assert_eq!(
        run(&INTS, &json!(4)),
        [e("", "enum", "4 is not one of 1, 2, -3")]
    );
    assert_eq!(
        run(&INTS, &json!(1.5)),
        [e("", "type", "expected an integer, found a number")]
    );
    assert_eq!(
        run(&INTS, &json!(u64::MAX)),
        [e("", "enum", "18446744073709551615 is not one of 1, 2, -3")]
    );
    assert_eq!(run(&OPEN_INTS, &json!(99)), []);
    assert_eq!(
        run(&OPEN_INTS, &json!("1")),
        [e("", "type", "expected an integer, found a string")]
    );
    assert_eq!(run(&ModelShape::Any, &json!({"x": [null]})), []);
}

#[test]
fn unions_take_the_first_variant_that_fits() {
    assert_eq!(run(&PET, &json!(true)), []);
    assert_eq!(run(&PET, &json!(5)), []);
    assert_eq!(
        run(&PET, &json!({"id": "n_1", "kind": "node", "extra": 0})),
        []
    );
    assert_eq!(
        shape::fitting_variant(&PET, &json!({"id": "n_1", "kind": "node", "extra": 0})),
        Some(0)
    );
    assert_eq!(shape::fitting_variant(&PET, &json!(5)), Some(1));
    assert_eq!(shape::fitting_variant(&PET, &json!(5.0)), Some(1));
    assert_eq!(shape::fitting_variant(&PET, &json!(false)), Some(2));
    assert_eq!(shape::fitting_variant(&PET, &json!(0)), None);
    assert_eq!(shape::fitting_variant(&PET, &json!({"id": "x"})), None);
    assert_eq!(shape::fitting_variant(&NODE, &json!({})), None);
    // Only the union's own error is reported, at the union's place.
    let root = Location::Root;
    let place = root.key("p");
    let mut errors = Vec::new();
    shape::check_model(&PET, &json!("x"), &place.index(2), &mut errors);
    assert_eq!(
        errors,
        [ValidationError {
            path: "/p/2".to_owned(),
            rule: "anyOf",
            message: "the value fits none of the variants of `Pet`".to_owned(),
        }]
    );
}

#[test]
fn strings_check_format_lengths_and_pattern_in_order() {
    static ANCHORED: LazyPattern = LazyPattern::new("^[a-z]+$");
    static RULES: StringRules = StringRules {
        format: Some(Format::Email),
        min_length: Some(12),
        max_length: Some(3),
        pattern: Some(&ANCHORED),
    };
    let shape = Shape::of(Kind::String(&RULES));
    assert_eq!(
        run_shape(&shape, &json!("A@")),
        [
            e("", "format", "\"A@\" is not a valid email"),
            e("", "minLength", "\"A@\" is shorter than 12 characters"),
            e("", "pattern", "\"A@\" does not match `^[a-z]+$`"),
        ]
    );
    assert_eq!(
        run_shape(&shape, &json!(null)),
        [e("", "type", "expected a string, found null")]
    );
    for (format, good, bad) in [
        (Format::DateTime, "2024-01-02T03:04:05Z", "2024-01-02"),
        (Format::Date, "2024-01-02", "2024-13-02"),
        (Format::Email, "ada@example.com", "ada"),
        (Format::Uri, "https://example.com/a", "/relative"),
        (
            Format::Uuid,
            "123e4567-e89b-12d3-a456-426614174000",
            "123e4567",
        ),
        (Format::Ipv4, "10.0.0.1", "10.0.0.256"),
        (Format::Ipv6, "::1", "1:::2"),
    ] {
        let rules: &'static StringRules = Box::leak(Box::new(StringRules {
            format: Some(format),
            ..StringRules::NONE
        }));
        let shape = Shape::of(Kind::String(rules));
        assert_eq!(run_shape(&shape, &json!(good)), [], "{good}");
        assert_eq!(
            run_shape(&shape, &json!(bad)),
            [e(
                "",
                "format",
                &format!("{bad:?} is not a valid {}", format.name())
            )]
        );
        assert_eq!(format.function()(good), format.holds(good));
    }
    let names: Vec<&str> = [
        Format::DateTime,
        Format::Date,
        Format::Email,
        Format::Uri,
        Format::Uuid,
        Format::Ipv4,
        Format::Ipv6,
    ]
    .iter()
    .map(|f| f.name())
    .collect();
    assert_eq!(
        names,
        ["date-time", "date", "email", "uri", "uuid", "ipv4", "ipv6"]
    );
}

#[test]
fn lengths_count_code_points() {
    static RULES: StringRules = StringRules {
        format: None,
        min_length: Some(2),
        max_length: Some(3),
        pattern: None,
    };
    let shape = Shape::of(Kind::String(&RULES));
    for (text, ok) in [
        ("", false),
        ("a", false),
        ("é", false),
        ("😀", false),
        ("ab", true),
        ("😀😀", true),
        ("😀😀😀", true),
        ("abcd", false),
        ("😀😀😀😀", false),
        ("日本語", true),
        ("日本語x", false),
    ] {
        assert_eq!(run_shape(&shape, &json!(text)).is_empty(), ok, "{text}");
    }
}

#[test]
fn numbers_check_their_keywords_in_order() {
    static INT: NumberRules = NumberRules {
        minimum: Some(Limit::Int(10)),
        maximum: Some(Limit::Int(5)),
        exclusive_minimum: Some(Limit::Int(7)),
        exclusive_maximum: Some(Limit::Int(7)),
        multiple_of: Some(Limit::Int(4)),
    };
    let integer = Shape::of(Kind::Integer(&INT));
    assert_eq!(
        run_shape(&integer, &json!(7)),
        [
            e("", "minimum", "7 is less than the minimum 10"),
            e("", "maximum", "7 is greater than the maximum 5"),
            e("", "exclusiveMinimum", "7 is not greater than 7"),
            e("", "exclusiveMaximum", "7 is not less than 7"),
            e("", "multipleOf", "7 is not a multiple of 4"),
        ]
    );
    assert_eq!(
        run_shape(&integer, &json!(7.5)),
        [e("", "type", "expected an integer, found a number")]
    );
    assert_eq!(
        run_shape(&integer, &json!("7")),
        [e("", "type", "expected an integer, found a string")]
    );
    static FLOAT: NumberRules = NumberRules {
        minimum: Some(Limit::Float(-0.5)),
        maximum: None,
        exclusive_minimum: None,
        exclusive_maximum: Some(Limit::Uint(u64::MAX)),
        multiple_of: Some(Limit::Float(0.1)),
    };
    let number = Shape::of(Kind::Number(&FLOAT));
    assert_eq!(run_shape(&number, &json!(0.3)), []);
    assert_eq!(run_shape(&number, &json!(-0.5)), []);
    assert_eq!(run_shape(&number, &json!(2)), []);
    assert_eq!(
        run_shape(&number, &json!(-0.55)),
        [
            e("", "minimum", "-0.55 is less than the minimum -0.5"),
            e("", "multipleOf", "-0.55 is not a multiple of 0.1"),
        ]
    );
    assert_eq!(
        run_shape(&number, &json!(u64::MAX)),
        [e(
            "",
            "exclusiveMaximum",
            "18446744073709551615 is not less than 18446744073709551615"
        )]
    );
    assert_eq!(
        run_shape(&number, &json!([])),
        [e("", "type", "expected a number, found an array")]
    );
    assert_eq!(
        Limit::Float(f64::NAN).to_number(),
        serde_json::Number::from(0)
    );
    assert_eq!(Limit::Int(-2).to_number(), serde_json::Number::from(-2));
}

#[test]
fn booleans_any_and_nullable() {
    let boolean = Shape::of(Kind::Boolean);
    assert_eq!(run_shape(&boolean, &json!(false)), []);
    assert_eq!(
        run_shape(&boolean, &json!(0)),
        [e("", "type", "expected a boolean, found an integer")]
    );
    let any = Shape::of(Kind::Any);
    assert_eq!(run_shape(&any, &json!(null)), []);
    static C: Constant = Constant::new("[1, {\"b\": null}]");
    let constant = Shape {
        kind: Kind::Any,
        constant: Some(&C),
    };
    assert_eq!(run_shape(&constant, &json!([1.0, {"b": null}])), []);
    assert_eq!(
        run_shape(&constant, &json!([1])),
        [e("", "const", "[1] is not the constant [1,{\"b\":null}]")]
    );
    static NULLABLE: Shape = Shape::of(Kind::Nullable(&Shape::of(Kind::Boolean)));
    let nullable = NULLABLE;
    assert_eq!(run_shape(&nullable, &json!(null)), []);
    assert_eq!(run_shape(&nullable, &json!(true)), []);
    assert_eq!(
        run_shape(&nullable, &json!("x")),
        [e("", "type", "expected a boolean, found a string")]
    );
}

#[test]
fn arrays_check_counts_uniqueness_then_items() {
    static RULES: ArrayRules = ArrayRules {
        items: Shape::of(Kind::Integer(&NumberRules {
            maximum: Some(Limit::Int(2)),
            ..NumberRules::NONE
        })),
        min_items: Some(5),
        max_items: Some(1),
        unique_items: true,
    };
    let shape = Shape::of(Kind::Array(&RULES));
    assert_eq!(
        run_shape(&shape, &json!([1, 1.0, "x", 3])),
        [
            e("", "minItems", "the list has 4 items, fewer than 5"),
            e("", "maxItems", "the list has 4 items, more than 1"),
            e("", "uniqueItems", "the list repeats an item"),
            e("/2", "type", "expected an integer, found a string"),
            e("/3", "maximum", "3 is greater than the maximum 2"),
        ]
    );
    assert_eq!(
        run_shape(&shape, &json!({})),
        [e("", "type", "expected an array, found an object")]
    );
    static ANY_ITEMS: ArrayRules = ArrayRules {
        items: Shape::of(Kind::Any),
        min_items: None,
        max_items: None,
        unique_items: false,
    };
    assert_eq!(
        run_shape(&Shape::of(Kind::Array(&ANY_ITEMS)), &json!([1, 1, null])),
        []
    );
}

#[test]
fn maps_check_every_value_at_its_key() {
    static BOOLS: Shape = Shape::of(Kind::Map(&Shape::of(Kind::Boolean)));
    let shape = BOOLS;
    assert_eq!(run_shape(&shape, &json!({"a": true})), []);
    assert_eq!(
        run_shape(&shape, &json!({"a": 1, "b~/": true, "c": null})),
        [
            e("/a", "type", "expected a boolean, found an integer"),
            e("/c", "type", "expected a boolean, found null"),
        ]
    );
    assert_eq!(
        run_shape(&shape, &json!([])),
        [e("", "type", "expected an object, found an array")]
    );
    static STRINGS: Shape = Shape::of(Kind::Map(&Shape::of(Kind::String(&StringRules {
        format: None,
        min_length: Some(1),
        max_length: None,
        pattern: None,
    }))));
    let shape = STRINGS;
    assert_eq!(
        run_shape(&shape, &json!({"b~/": ""})),
        [e(
            "/b~0~1",
            "minLength",
            "\"\" is shorter than 1 characters"
        )]
    );
}

#[test]
fn lazy_pattern_and_constant() {
    static P: LazyPattern = LazyPattern::new(r"\d{3}");
    assert_eq!(P.source(), r"\d{3}");
    assert_eq!(P.is_match("ab123"), Ok(true));
    assert_eq!(P.get().is_match("ab12"), Ok(false));
    assert_eq!(P.get().as_str(), r"\d{3}");
    assert!(std::ptr::eq(P.get(), P.get()));
    assert_eq!(format!("{P:?}"), "LazyPattern(\"\\\\d{3}\")");

    static C: Constant = Constant::new("{\"a\": [1, \"x\"]}");
    assert_eq!(C.value(), &json!({"a": [1, "x"]}));
    assert_eq!(C.json_text(), "{\"a\": [1, \"x\"]}");
    assert!(std::ptr::eq(C.value(), C.value()));
}

#[test]
#[should_panic(expected = "bad pattern")]
fn a_bad_lazy_pattern_panics_on_use() {
    static BAD: LazyPattern = LazyPattern::new("(");
    let _ = BAD.get();
}

#[test]
fn deep_recursion_reports_the_full_path() {
    let value = json!({"id": "n_1", "kind": "node", "extra": 0, "children": [
        {"id": "n_2", "kind": "node", "extra": 0, "children": [
            {"id": "n_3", "kind": "node", "extra": 0, "pet": {"id": "bad", "kind": "node", "extra": 0}}
        ]}
    ]});
    assert_eq!(
        run(&NODE, &value),
        [e(
            "/children/0/children/0/pet",
            "anyOf",
            "the value fits none of the variants of `Pet`"
        )]
    );
}

// ----- the `Model` trait over a shape -----

#[derive(Debug, serde::Deserialize, PartialEq)]
struct Tag {
    name: String,
}

impl Validate for Tag {
    fn validate_into(&self, path: &Location<'_>, errors: &mut Vec<ValidationError>) {
        let path = &path.key("name");
        modelgen_runtime::checks::min_length(&self.name, 2, path, errors);
    }
}

static TAG: ModelShape = ModelShape::Object(&[FieldShape {
    wire_name: "name",
    required: true,
    nullable: false,
    shape: Shape::of(Kind::String(&StringRules {
        format: None,
        min_length: Some(2),
        max_length: None,
        pattern: None,
    })),
}]);

impl Model for Tag {
    fn shape() -> &'static ModelShape {
        &TAG
    }
}

#[test]
fn models_check_values_with_their_shape() {
    assert_eq!(
        Tag::from_json(r#"{"name": "ok"}"#),
        Ok(Tag {
            name: "ok".to_owned()
        })
    );
    // The typed check finds the short name.
    let errors = Tag::from_json(r#"{"name": "x"}"#).unwrap_err();
    assert_eq!(errors.0[0].path, "/name");
    assert_eq!(errors.0[0].rule, "minLength");
    // Serde fails; the shape finds every problem.
    let errors = Tag::from_json(r#"[1]"#).unwrap_err();
    assert_eq!(errors.0[0].rule, "type");
    assert_eq!(errors.0[0].path, "");
    let errors = Tag::from_json(r#"{"name": 1}"#).unwrap_err();
    assert_eq!(
        errors.to_string(),
        "/name: expected a string, found an integer"
    );
    let mut errors = Vec::new();
    let root = Location::Root;
    Tag::validate_value(&json!({}), &root.index(4), &mut errors);
    assert_eq!(errors[0].path, "/4");
    assert_eq!(errors[0].rule, "required");
    let errors = Tag::from_json("{").unwrap_err();
    assert_eq!(errors.0[0].rule, "json");
}

// ----- shapes built at run time -----

#[test]
fn linked_models_are_built_at_run_time_and_may_hold_themselves() {
    // A list node built from data: `{"value": integer, "next": node}`, the link set last.
    let link: &'static shape::LinkedModel = Box::leak(Box::new(shape::LinkedModel::new()));
    let next: &'static Shape = Box::leak(Box::new(Shape::of(Kind::Linked(link))));
    let fields: &'static [FieldShape] = Box::leak(Box::new([
        FieldShape {
            wire_name: "value",
            required: true,
            nullable: false,
            shape: Shape::INTEGER,
        },
        FieldShape {
            wire_name: "next",
            required: false,
            nullable: false,
            shape: *next,
        },
    ]));
    // Not yet set, the link takes any value.
    assert!(shape::fits(next, &json!("anything")));
    assert!(link.set(ModelShape::Object(fields)).is_ok());
    assert!(link.set(ModelShape::Any).is_err(), "set once");
    assert!(format!("{link:?}").contains("set"));

    let good = json!({"value": 1, "next": {"value": 2, "next": {"value": 3}}});
    assert!(shape::fits(next, &good));
    let bad = json!({"value": 1, "next": {"value": 2, "next": {"value": "3"}}});
    let mut errors = Vec::new();
    shape::check(next, &bad, &Location::Root, &mut errors);
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].path, "/next/next/value");
    assert_eq!(errors[0].rule, "type");
}
