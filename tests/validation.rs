//! `from_json` reports every problem of a document, each with its JSON Pointer and rule.

use models::{Customer, V3TokenResponse};

fn problems(errors: &modelgen_runtime::ValidationErrors) -> Vec<(String, &'static str)> {
    errors.iter().map(|e| (e.path.clone(), e.rule)).collect()
}

#[test]
fn three_broken_constraints_give_three_errors_with_paths() {
    let text = r#"{"access_token": "short", "token_type": "Basic", "expires_in": 0}"#;
    let errors = V3TokenResponse::from_json(text).expect_err("three constraints are broken");
    assert_eq!(
        problems(&errors),
        vec![
            ("/access_token".to_owned(), "minLength"),
            ("/token_type".to_owned(), "pattern"),
            ("/expires_in".to_owned(), "minimum"),
        ],
        "{errors}"
    );
}

#[test]
fn nested_problems_and_parse_problems_are_all_reported() {
    let text = r#"{
        "id": "cus_1", "name": "Ada", "email": "not-an-email", "status": "active",
        "billing_address": {"line1": "1 Main St", "country": "GB"},
        "shipping_addresses": [{"line1": "2 Side St", "city": "Leith", "country": "gb"}],
        "balance": 1.5,
        "created_at": "yesterday"
    }"#;
    let errors = Customer::from_json(text).expect_err("five problems");
    let found = problems(&errors);
    for expected in [
        ("/email", "format"),
        ("/billing_address", "required"),
        ("/shipping_addresses/0/country", "pattern"),
        ("/balance", "type"),
        ("/created_at", "format"),
    ] {
        assert!(
            found.contains(&(expected.0.to_owned(), expected.1)),
            "{expected:?} missing from:\n{errors}"
        );
    }
    assert_eq!(found.len(), 5, "{errors}");
}

#[test]
fn valid_documents_read_with_defaults_filled_in() {
    let text =
        r#"{"access_token": "0123456789abcdef", "token_type": "Bearer", "expires_in": 3600.0}"#;
    let token =
        V3TokenResponse::from_json(text).expect("valid; 3600.0 is an integer in JSON Schema");
    assert_eq!(token.expires_in, 3600);
    assert!(token.refreshable, "the default fills in");
}

#[test]
fn text_that_is_not_json_is_one_error_at_the_root() {
    let errors = V3TokenResponse::from_json("{").expect_err("not JSON");
    assert_eq!(problems(&errors), vec![(String::new(), "json")]);
}
