//! The shaped module (`build.rs` asks for derives, attributes and a replaced model on the
//! TypeScript pages) compiles, and what it asked for works.

use std::collections::{BTreeSet, HashSet};

use fixture_models::{shaped, typescript};

const SHAPED: &str = include_str!(concat!(env!("OUT_DIR"), "/shaped.rs"));

#[test]
fn derived_traits_hash_and_order_values() {
    let read = |text: &str| shaped::components::Address::from_json(text).expect("an address");
    let home = read(r#"{"street": "8 Kennel Road", "city": "Bristol"}"#);
    let work = read(r#"{"street": "1 Quay Street", "city": "Bristol", "postcode": "BS1"}"#);
    let hashed: HashSet<_> = [home.clone(), work.clone(), home.clone()]
        .into_iter()
        .collect();
    assert_eq!(hashed.len(), 2);
    let ordered: Vec<_> = [home.clone(), work.clone()]
        .into_iter()
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    assert_eq!(ordered, [work, home]);
}

#[test]
fn a_replaced_model_is_the_replacing_type() {
    let owner = shaped::components::Owner::from_json(
        r#"{"id": "own_1", "verified": true, "kind": "owner", "favoritePet": ["pet_1"],
            "createdAt": "2024-05-01T09:30:00Z",
            "visits": [{"visitedAt": "2024-02-10T14:00:00Z", "vet": "Dr. Okafor"}]}"#,
    )
    .expect("an owner");
    let visits: Vec<typescript::components::Visit> = owner.visits.expect("visits");
    assert_eq!(visits[0].vet, "Dr. Okafor");
    // Still validated as the schema says: a visit without its vet is refused.
    let error = shaped::components::Owner::from_json(
        r#"{"id": "own_1", "verified": true, "kind": "owner", "favoritePet": ["pet_1"],
            "createdAt": "2024-05-01T09:30:00Z", "visits": [{"visitedAt": "2024-02-10T14:00:00Z"}]}"#,
    )
    .expect_err("a visit needs its vet");
    assert!(error.to_string().contains("/visits/0"), "{error}");
}

#[test]
fn attributes_sit_where_they_were_asked() {
    assert!(SHAPED.contains(
        "#[derive(Hash, Eq, ::std::cmp::PartialOrd, Ord)]\n    #[doc(alias = \"postal\")]\n"
    ));
    assert!(SHAPED.contains("    #[doc(alias = \"town\")]\n        #[serde(rename = \"city\")]\n"));
    assert!(SHAPED.contains("    #[doc(alias = \"text\")]\n        #[serde(rename = \"sms\")]\n"));
    assert!(SHAPED.contains("pub type Visit = crate::typescript::components::Visit;\n"));
}
