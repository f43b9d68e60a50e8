//! What a page cannot say is a warning, never a failed build: SDK-only types left out (as a
//! field, a union member, a union variant or a whole page), links into folders the pages are
//! not in, union variants that no page defines, and title-only union pages. Each case asserts
//! the warning's kind, file, line and text, and what became of the model. A typo stays an
//! error.

use std::path::Path;

use modelgen::diagnostic::Severity;
use modelgen::ir::{ModelKind, ModelSet, Type};
use modelgen::Config;

mod common;
use common::folder;

const HEADER: &str = "| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n";

/// A page with a `## Fields` table whose body is `rows`; the first row is on line 7.
fn fields_page(title: &str, rows: &str) -> String {
    format!("# {title}\n\n## Fields\n\n{HEADER}{rows}")
}

/// One warning with its location resolved.
#[derive(Debug, PartialEq)]
struct Warning {
    code: &'static str,
    file: String,
    line: usize,
    message: String,
}

/// Generates the folder, which must succeed, and returns its models and warnings.
fn generate(dir: &Path) -> (ModelSet, Vec<Warning>) {
    let generated = Config::new()
        .spec_dir(dir)
        .check()
        .unwrap_or_else(|e| panic!("the folder must generate: {e}"));
    let warnings = generated
        .diagnostics
        .iter()
        .map(|d| {
            assert_eq!(d.severity, Severity::Warning, "{d:?}");
            let (file, line, _) = d.location(&generated.sources).expect("a location");
            let file = Path::new(&file)
                .strip_prefix(dir)
                .expect("inside the folder")
                .display()
                .to_string();
            Warning {
                code: d.code.expect("every warning has a kind"),
                file,
                line,
                message: d.message.clone(),
            }
        })
        .collect();
    (generated.models, warnings)
}

fn warning(code: &'static str, file: &str, line: usize, message: &str) -> Warning {
    Warning {
        code,
        file: file.to_owned(),
        line,
        message: message.to_owned(),
    }
}

fn model<'m>(models: &'m ModelSet, name: &str) -> &'m ModelKind {
    &models
        .models
        .iter()
        .find(|m| m.name == name)
        .unwrap_or_else(|| panic!("no model `{name}`"))
        .kind
}

fn field_type(models: &ModelSet, model_name: &str, field: &str) -> Option<Type> {
    let ModelKind::Object(object) = model(models, model_name) else {
        panic!("`{model_name}` is not an object");
    };
    object
        .fields
        .iter()
        .find(|f| f.name == field)
        .map(|f| f.ty.clone())
}

fn model_named(models: &ModelSet, ty: &Type) -> String {
    match ty {
        Type::Model(id) => models.get(*id).name.clone(),
        Type::Nullable(inner) => model_named(models, inner),
        other => panic!("not a model: {other:?}"),
    }
}

#[test]
fn an_sdk_only_field_is_left_out_and_the_rest_stays() {
    let page = fields_page(
        "Upload",
        "| `name` | *str* | :heavy_check_mark: | N/A |\n\
         | `photo` | *Union[bytes, IO[bytes], io.BufferedReader]* | :heavy_minus_sign: | N/A |\n\
         | `body` | *byte[]* | :heavy_check_mark: | N/A |\n\
         | `__pydantic_extra__` | Dict[str, *Any*] | :heavy_minus_sign: | N/A |\n\
         | `additionalProperties` | Map\\<String, *long*> | :heavy_minus_sign: | N/A |\n",
    );
    let dir = folder(&[("components/upload.md", &page)]);
    let (models, warnings) = generate(dir.path());
    assert_eq!(
        warnings,
        [
            warning(
                "sdk-only-field",
                "components/upload.md",
                8,
                "field `photo` is left out: `bytes` is an SDK object, not JSON"
            ),
            warning(
                "sdk-only-field",
                "components/upload.md",
                9,
                "field `body` is left out: `byte[]` is an SDK object, not JSON"
            ),
            warning(
                "sdk-only-field",
                "components/upload.md",
                10,
                "field `__pydantic_extra__` is left out: it is where the SDK keeps properties the model does not list, not a JSON property"
            ),
            warning(
                "sdk-only-field",
                "components/upload.md",
                11,
                "field `additionalProperties` is left out: it is where the SDK keeps properties the model does not list, not a JSON property"
            ),
        ]
    );
    assert_eq!(field_type(&models, "Upload", "__pydantic_extra__"), None);
    assert_eq!(field_type(&models, "Upload", "additionalProperties"), None);
    assert_eq!(field_type(&models, "Upload", "name"), Some(Type::String));
    assert_eq!(field_type(&models, "Upload", "photo"), None);
    assert_eq!(field_type(&models, "Upload", "body"), None);
}

#[test]
fn an_sdk_only_member_of_a_union_in_a_cell_is_left_out() {
    let page = fields_page(
        "Request",
        "| `file` | [File](https://developer.mozilla.org/en-US/docs/Web/API/File) \\| [components.Pet](../../models/components/pet.md) | :heavy_check_mark: | N/A |\n",
    );
    let pet = fields_page("Pet", "| `id` | *string* | :heavy_check_mark: | N/A |\n");
    let dir = folder(&[
        ("models/components/request.md", &page),
        ("models/components/pet.md", &pet),
    ]);
    let (models, warnings) = generate(dir.path());
    assert_eq!(
        warnings,
        [warning(
            "sdk-only-variant",
            "models/components/request.md",
            7,
            "the union member `File` is left out: it is an SDK object, not JSON"
        )]
    );
    let ty = field_type(&models, "Request", "file").expect("the field stays");
    assert_eq!(model_named(&models, &ty), "Pet");
}

#[test]
fn an_sdk_only_variant_is_left_out_of_its_union() {
    let page = "# Progress\n\n## Supported Types\n\n### `string`\n\n```typescript\nconst value: string = \"\";\n```\n\n### `EventStream<components.Event>`\n";
    let dir = folder(&[("progress.md", page)]);
    let (models, warnings) = generate(dir.path());
    assert_eq!(
        warnings,
        [warning(
            "sdk-only-variant",
            "progress.md",
            11,
            "the variant `EventStream` is left out: it is an SDK object, not JSON"
        )]
    );
    let ModelKind::Union(union) = model(&models, "Progress") else {
        panic!("a union");
    };
    assert_eq!(union.variants.len(), 1);
    assert_eq!(union.variants[0].ty, Type::String);
}

#[test]
fn a_page_of_only_sdk_objects_is_left_out_with_its_fields() {
    let stream = "# Updates\n\n## Supported Types\n\n### `EventStream<components.Update>`\n\n### `JsonLStream<components.Update>`\n";
    let job = fields_page(
        "Job",
        "| `id` | *string* | :heavy_check_mark: | N/A |\n\
         | `updates` | [components.Updates](updates.md) | :heavy_minus_sign: | N/A |\n",
    );
    let dir = folder(&[("updates.md", stream), ("job.md", &job)]);
    let (models, warnings) = generate(dir.path());
    assert_eq!(
        warnings,
        [
            warning(
                "sdk-only-field",
                "job.md",
                8,
                "field `updates` is left out: `Updates` is an SDK object, not JSON"
            ),
            warning(
                "sdk-only-model",
                "updates.md",
                1,
                "`Updates` is left out: every variant it lists is an SDK object, not JSON"
            ),
        ]
    );
    assert!(models.models.iter().all(|m| m.name != "Updates"));
    assert_eq!(field_type(&models, "Job", "updates"), None);
    assert_eq!(field_type(&models, "Job", "id"), Some(Type::String));
}

#[test]
fn a_link_into_a_missing_folder_finds_the_page_by_its_file_name() {
    let owner = fields_page(
        "Owner",
        "| `address` | [Models::Components::Address](../../models/shared/address.md) | :heavy_check_mark: | N/A |\n",
    );
    let address = fields_page(
        "Address",
        "| `city` | *::String* | :heavy_check_mark: | N/A |\n",
    );
    let other = fields_page(
        "Address",
        "| `line` | *::String* | :heavy_check_mark: | N/A |\n",
    );
    let dir = folder(&[
        ("models/components/owner.md", &owner),
        ("models/components/address.md", &address),
        ("models/operations/address.md", &other),
    ]);
    let (models, warnings) = generate(dir.path());
    assert_eq!(
        warnings,
        [warning(
            "relocated-link",
            "models/components/owner.md",
            7,
            "the link `../../models/shared/address.md` points to no file; it is read as `models/components/address.md`, the page of that file name"
        )]
    );
    let ty = field_type(&models, "Owner", "address").expect("the field stays");
    let Type::Model(id) = ty else {
        panic!("a model: {ty:?}")
    };
    assert_eq!(models.get(id).page, "models/components/address.md");
}

#[test]
fn a_link_to_a_page_that_exists_under_no_name_stays_an_error() {
    let owner = fields_page(
        "Owner",
        "| `address` | [Models::Components::Adress](../../models/shared/adress.md) | :heavy_check_mark: | N/A |\n",
    );
    let address = fields_page(
        "Address",
        "| `city` | *::String* | :heavy_check_mark: | N/A |\n",
    );
    let dir = folder(&[
        ("models/components/owner.md", &owner),
        ("models/components/address.md", &address),
    ]);
    let error = Config::new()
        .spec_dir(dir.path())
        .check()
        .expect_err("a typo in a link is an error");
    let found = &error.diagnostics[0];
    assert_eq!(
        found.message,
        "link to a page that does not exist: `../../models/shared/adress.md`"
    );
    assert_eq!(
        found.help.as_deref(),
        Some("the closest existing page is `models/components/address.md`")
    );
}

#[test]
fn a_factory_only_variant_resolves_to_the_page_its_names_identify() {
    let union = "# Verification\n\n## Supported Types\n\n### VerificationOtp\n\n```csharp\nVerification.CreateVerificationOtp(/* values here */);\n```\n\n### VerificationSaml\n\n```csharp\nVerification.CreateVerificationSaml(/* values here */);\n```\n";
    let otp = fields_page(
        "VerificationVerificationOtp",
        "| `Status` | *string* | :heavy_check_mark: | N/A |\n",
    );
    let dir = folder(&[
        ("Models/Components/Verification.md", union),
        ("Models/Components/VerificationVerificationOtp.md", &otp),
    ]);
    let (models, warnings) = generate(dir.path());
    let variant_warnings: Vec<&Warning> = warnings
        .iter()
        .filter(|w| w.code == "undefined-variant")
        .collect();
    assert_eq!(
        variant_warnings,
        [
            &warning(
                "undefined-variant",
                "Models/Components/Verification.md",
                5,
                "no page defines the variant `VerificationOtp` of `Verification`; it is read as `VerificationVerificationOtp`"
            ),
            &warning(
                "undefined-variant",
                "Models/Components/Verification.md",
                11,
                "no page defines the variant `VerificationSaml` of `Verification`; it accepts any JSON value"
            ),
        ]
    );
    let ModelKind::Union(union) = model(&models, "Verification") else {
        panic!("a union");
    };
    let types: Vec<&Type> = union.variants.iter().map(|v| &v.ty).collect();
    assert!(types.contains(&&Type::Any), "{types:?}");
    assert!(
        types
            .iter()
            .any(|t| matches!(t, Type::Model(id) if models.get(*id).name == "VerificationVerificationOtp")),
        "{types:?}"
    );
}

#[test]
fn a_variant_typo_without_a_factory_stays_an_error() {
    let union = "# Pet\n\n## Supported Types\n\n### `strng`\n\n```typescript\nconst value: strng = \"\";\n```\n";
    let dir = folder(&[("pet.md", union)]);
    let error = Config::new()
        .spec_dir(dir.path())
        .check()
        .expect_err("a typo is an error");
    let errors: Vec<_> = error
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .collect();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0].message, "unknown type `strng`");
    assert_eq!(errors[0].help.as_deref(), Some("did you mean `string`?"));
}

#[test]
fn a_title_only_union_page_accepts_any_json_value() {
    let dir = folder(&[(
        "models/components/pet.md",
        "# Pet\n\nA name or a cat record.\n",
    )]);
    let (models, warnings) = generate(dir.path());
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert_eq!((warnings[0].code, warnings[0].line), ("untyped-model", 1));
    assert!(warnings[0].message.contains("it accepts any JSON value"));
    assert!(matches!(model(&models, "Pet"), ModelKind::Any));
}

#[test]
fn sdk_field_names_are_reported_once_per_folder() {
    let rows = |key: &str| {
        format!("| `CreatedAt` | *string* | :heavy_check_mark: | N/A |\n| `Items` | [Item](Item.md)[] | :heavy_check_mark: | N/A | [{{\"{key}\": \"a\"}}] |\n")
    };
    let page = |title: &str, key: &str| {
        format!(
            "# {title}\n\n## Fields\n\n| Field | Type | Required | Description | Example |\n| --- | --- | --- | --- | --- |\n{}",
            rows(key).replace(" | N/A |\n| `Items`", " | N/A |  |\n| `Items`")
        )
    };
    let item = "# Item\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n| `DisplayName` | *string* | :heavy_check_mark: | N/A |\n";
    let dir = folder(&[
        ("A.md", &page("A", "display_name")),
        ("B.md", &page("B", "display_name")),
        ("Item.md", item),
    ]);
    let (_, warnings) = generate(dir.path());
    let naming: Vec<&Warning> = warnings.iter().filter(|w| w.code == "wire-names").collect();
    assert_eq!(naming.len(), 1, "{warnings:#?}");
    assert_eq!(naming[0].file, "A.md");
    assert_eq!(
        naming[0].message,
        "the Fields tables name properties as the SDK does, not as the JSON does: an Example cell writes `display_name` for the field `DisplayName`"
    );
    let generated = Config::new()
        .spec_dir(dir.path())
        .check()
        .expect("generates");
    let help = generated
        .diagnostics
        .iter()
        .find(|d| d.code == Some("wire-names"))
        .and_then(|d| d.help.clone())
        .expect("a help line");
    assert!(
        help.starts_with("2 Example cell(s) use the snake_case convention"),
        "{help}"
    );
}

#[test]
fn a_title_only_union_takes_its_members_from_a_link_text() {
    let owner = fields_page(
        "Owner",
        "| `contact` | [Crystalline::Nilable.new(Crystalline::Union.new(Models::Components::Email, Models::Components::Phone))](../../models/shared/contact.md) | :heavy_check_mark: | N/A |\n",
    );
    let email = fields_page(
        "Email",
        "| `address` | *::String* | :heavy_check_mark: | N/A |\n",
    );
    let phone = fields_page(
        "Phone",
        "| `number` | *::String* | :heavy_check_mark: | N/A |\n",
    );
    let dir = folder(&[
        ("models/components/owner.md", &owner),
        ("models/components/email.md", &email),
        ("models/components/phone.md", &phone),
        ("models/components/contact.md", "# Contact\n"),
    ]);
    let (models, warnings) = generate(dir.path());
    assert!(
        warnings.iter().all(|w| w.code == "relocated-link"),
        "{warnings:#?}"
    );
    let ModelKind::Union(union) = model(&models, "Contact") else {
        panic!("a union");
    };
    let mut members: Vec<String> = union
        .variants
        .iter()
        .map(|v| model_named(&models, &v.ty))
        .collect();
    members.sort();
    assert_eq!(members, ["Email", "Phone"]);
    let ty = field_type(&models, "Owner", "contact").expect("the field stays");
    assert_eq!(model_named(&models, &ty), "Contact");
}
