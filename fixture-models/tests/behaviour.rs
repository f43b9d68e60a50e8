//! What the generated types do with JSON: open and closed enums, the three field states,
//! unions, constants, recursion and awkward names.

use fixture_models::{go, names, python, recursion, typescript};
use serde_json::{json, Value};

fn round_trip<T>(value: Value) -> Value
where
    T: serde::Serialize + serde::de::DeserializeOwned,
{
    let typed: T = serde_json::from_value(value.clone())
        .unwrap_or_else(|e| panic!("{value} should deserialize: {e}"));
    serde_json::to_value(&typed).expect("serializes")
}

#[test]
fn open_enums_keep_unknown_values_and_write_them_back() {
    use typescript::components::Channel;
    let known: Channel = serde_json::from_value(json!("sms")).unwrap();
    assert_eq!(known, Channel::Sms);
    let unknown: Channel = serde_json::from_value(json!("carrier-pigeon")).unwrap();
    assert_eq!(unknown, Channel::Unrecognized("carrier-pigeon".into()));
    assert_eq!(
        serde_json::to_value(&unknown).unwrap(),
        json!("carrier-pigeon")
    );
    assert!(serde_json::from_value::<Channel>(json!(3)).is_err());
}

#[test]
fn closed_enums_reject_unknown_values() {
    use typescript::components::Scope;
    assert!(serde_json::from_value::<Scope>(json!("read")).is_ok());
    assert!(serde_json::from_value::<Scope>(json!("admin")).is_err());
}

#[test]
fn integer_enums_read_and_write_numbers() {
    use typescript::components::Priority;
    assert_eq!(round_trip::<Priority>(json!(2)), json!(2));
    assert!(serde_json::from_value::<Priority>(json!(7)).is_err());
    assert!(serde_json::from_value::<Priority>(json!("1")).is_err());
    use go::SmsType;
    let value = serde_json::to_value(serde_json::from_value::<SmsType>(json!(1)).unwrap()).unwrap();
    assert_eq!(value, json!(1));
}

#[test]
fn optional_nullable_fields_keep_absent_null_and_value_apart() {
    use python::Owner;
    let base = json!({
        "id": "own_1", "nickname": null, "visit_count": 3, "verified": true, "species": "dog",
        "favorite_pet": "Tom", "created_at": "2024-05-01T09:30:00Z"
    });
    let with = |bio: Option<Value>| {
        let mut document = base.clone();
        if let Some(bio) = bio {
            document["bio"] = bio;
        }
        document
    };
    let absent: Owner = serde_json::from_value(with(None)).unwrap();
    assert_eq!(absent.bio, None);
    let null: Owner = serde_json::from_value(with(Some(Value::Null))).unwrap();
    assert_eq!(null.bio, Some(None));
    let value: Owner = serde_json::from_value(with(Some(json!("Hi")))).unwrap();
    assert_eq!(value.bio, Some(Some("Hi".to_owned())));
    for bio in [None, Some(Value::Null), Some(json!("Hi"))] {
        let document = with(bio);
        assert_eq!(round_trip::<Owner>(document.clone()), document);
    }
}

#[test]
fn required_nullable_fields_must_be_present_but_may_be_null() {
    use python::Owner;
    let document = json!({"id": "own_1", "visit_count": 3, "verified": true, "species": "dog"});
    let error = serde_json::from_value::<Owner>(document).unwrap_err();
    assert!(error.to_string().contains("nickname"), "{error}");
}

#[test]
fn optional_fields_that_are_not_nullable_reject_null() {
    use python::Owner;
    let document = json!({
        "id": "own_1", "nickname": null, "visit_count": 3, "verified": true, "species": "dog",
        "display_name": null, "favorite_pet": "Tom", "created_at": "2024-05-01"
    });
    let errors = Owner::from_json(&document.to_string()).unwrap_err();
    let paths: Vec<&str> = errors.iter().map(|error| error.path.as_str()).collect();
    assert_eq!(paths, ["/display_name"], "{errors}");
    assert_eq!(errors.0[0].rule, "type", "{errors}");
    // The same document without the `null` is read.
    let mut without = document;
    without.as_object_mut().unwrap().remove("display_name");
    assert!(Owner::from_json(&without.to_string()).is_ok());
}

#[test]
fn unions_pick_the_variant_that_fits() {
    use typescript::components::{Cat, Pet};
    let cat = json!({"kind": "cat", "name": "Tom"});
    let pet: Pet = serde_json::from_value(cat.clone()).unwrap();
    assert!(
        matches!(pet, Pet::Cat(Cat { ref name, .. }) if name == "Tom"),
        "{pet:?}"
    );
    assert_eq!(serde_json::to_value(&pet).unwrap(), cat);
    let dog: Pet =
        serde_json::from_value(json!({"kind": "dog", "name": "Rex", "goodBoy": true})).unwrap();
    assert!(matches!(dog, Pet::Dog(_)), "{dog:?}");
    let ids: Pet = serde_json::from_value(json!(["pet_1", "pet_2"])).unwrap();
    assert!(
        matches!(ids, Pet::ArrayOfStr(ref v) if v.len() == 2),
        "{ids:?}"
    );
    assert!(serde_json::from_value::<Pet>(json!({"kind": "bird", "name": "Tweety"})).is_err());
}

#[test]
fn constants_accept_only_their_value() {
    use typescript::components::Cat;
    assert!(serde_json::from_value::<Cat>(json!({"kind": "cat", "name": "Tom"})).is_ok());
    assert!(serde_json::from_value::<Cat>(json!({"kind": "dog", "name": "Tom"})).is_err());
}

#[test]
fn recursive_models_nest() {
    use recursion::components::{Category, Department, TreeNode};
    let tree = json!({"label": "root", "children": [{"label": "leaf", "children": []}]});
    assert_eq!(round_trip::<TreeNode>(tree.clone()), tree);
    let category = json!({"id": "c1", "name": "Food", "parent": {"id": "c0", "name": "All"}});
    assert_eq!(round_trip::<Category>(category.clone()), category);
    let department = json!({
        "name": "R&D",
        "head": {"id": "e1", "name": "Ada", "department": {"name": "Board", "head": {"id": "e0", "name": "Bo"}}}
    });
    assert_eq!(round_trip::<Department>(department.clone()), department);
}

#[test]
fn awkward_names_keep_their_wire_names() {
    let document = json!({
        "type": "a-b", "self": "me", "async": true, "1st": 1.5, "foo-bar": "x", "a.b": "y",
        "naïve": false, "fooBar": "camel", "foo_bar": 2.0
    });
    let value = round_trip::<names::WeirdFields>(document.clone());
    for key in [
        "type", "self", "async", "1st", "foo-bar", "a.b", "naïve", "fooBar", "foo_bar",
    ] {
        assert_eq!(value[key], document[key], "{key}");
    }
}

#[test]
fn a_union_variant_that_closes_a_cycle_is_boxed_and_reads() {
    use recursion::components::Choice;
    let nested = json!({"label": "left", "next": {"label": "right", "next": "done"}});
    assert_eq!(round_trip::<Choice>(nested.clone()), nested);
    let parsed = Choice::from_json(&nested.to_string()).expect("valid");
    assert!(matches!(parsed, Choice::Branch(_)), "{parsed:?}");
    assert!(matches!(
        Choice::from_json("\"done\"").expect("valid"),
        Choice::Str(_)
    ));
    assert!(
        Choice::from_json("{\"next\": \"done\"}").is_err(),
        "a branch needs its label"
    );
}

#[test]
fn objects_read_only_from_objects_and_enums_only_from_strings() {
    use typescript::components::{Cat, Channel, Scope};
    // serde's derive would read a struct from an array of its fields in order, and an enum
    // value from the map form `{"read": null}`; the schema refuses both.
    for text in [r#"["cat", "Tom"]"#, "null", "\"cat\""] {
        assert!(serde_json::from_str::<Cat>(text).is_err(), "{text}");
        assert!(Cat::from_json(text).is_err(), "{text}");
    }
    for text in [r#"{"read": null}"#, r#"["read"]"#, "1"] {
        assert!(serde_json::from_str::<Scope>(text).is_err(), "{text}");
        assert!(Scope::from_json(text).is_err(), "{text}");
        assert!(serde_json::from_str::<Channel>(text).is_err(), "{text}");
    }
    let error = serde_json::from_str::<Cat>("[1]").unwrap_err().to_string();
    assert!(
        error.starts_with("invalid type: sequence, expected struct Cat"),
        "{error}"
    );
}

#[test]
fn objects_skip_unknown_members_and_keep_the_last_of_a_repeated_one() {
    use typescript::components::Cat;
    let text = r#"{"kind": "cat", "name": "Tom", "extra": [1, {"a": null}], "name": "Felix"}"#;
    let cat: Cat = serde_json::from_str(text).expect("valid");
    assert_eq!(cat.name, "Felix");
    assert_eq!(Cat::from_json(text).expect("valid").name, "Felix");
    let missing = serde_json::from_str::<Cat>(r#"{"kind": "cat"}"#)
        .unwrap_err()
        .to_string();
    assert!(missing.starts_with("missing field `name`"), "{missing}");
}

#[test]
fn integers_beyond_i64_are_type_errors_at_their_place() {
    use python::Owner;
    // The schema's `integer` takes them; the Rust type cannot hold them.
    for big in ["1e20", "9223372036854775808", "18446744073709551616"] {
        let text = format!(
            r#"{{"id": "own_1", "nickname": null, "visit_count": {big}, "verified": true,
                "species": "dog", "favorite_pet": "Tom", "created_at": "2024-05-01"}}"#
        );
        let errors = Owner::from_json(&text).unwrap_err();
        let found: Vec<(&str, &str)> = errors
            .iter()
            .map(|error| (error.path.as_str(), error.rule))
            .collect();
        assert_eq!(found, [("/visit_count", "type")], "{big}: {errors}");
    }
}
