//! Defective pages: each is reported as an error with its message, file, line and column, and
//! a folder with any error writes nothing.

use std::fs;
use std::path::{Path, PathBuf};

use modelgen::diagnostic::{Diagnostic, Severity};
use modelgen::{Config, Error};

const HEADER: &str = "| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n";

/// A page with a `## Fields` table whose body is `rows`; the first row is on line 7.
fn fields_page(title: &str, rows: &str) -> String {
    format!("# {title}\n\n## Fields\n\n{HEADER}{rows}")
}

/// A good page, for folders that need one beside a bad one.
fn good_page(title: &str) -> String {
    fields_page(
        title,
        "| `id` | *string* | :heavy_check_mark: | The ID. |\n",
    )
}

/// A temporary spec folder holding `pages` (name, bytes).
fn folder(pages: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary folder");
    for (name, bytes) in pages {
        let path = dir.path().join(name);
        fs::create_dir_all(path.parent().expect("a parent")).expect("create folder");
        fs::write(path, bytes).expect("write page");
    }
    dir
}

fn check(dir: &Path) -> Result<modelgen::Generated, Error> {
    Config::new().spec_dir(dir).check()
}

/// The errors of a run that must fail.
fn failed(dir: &Path) -> Error {
    match check(dir) {
        Ok(generated) => panic!(
            "expected the folder to fail; it generated with diagnostics {:?}",
            generated.diagnostics
        ),
        Err(error) => error,
    }
}

/// One diagnostic with its location resolved, for assertions and readable failures.
#[derive(Debug)]
struct Found {
    severity: Severity,
    message: String,
    file: String,
    line: usize,
    column: usize,
    help: Option<String>,
}

fn found(error: &Error) -> Vec<Found> {
    error
        .diagnostics
        .iter()
        .map(|d: &Diagnostic| {
            let (file, line, column) = d
                .location(&error.sources)
                .unwrap_or_else(|| panic!("diagnostic without a location: {d:?}"));
            Found {
                severity: d.severity,
                message: d.message.clone(),
                file,
                line,
                column,
                help: d.help.clone(),
            }
        })
        .collect()
}

/// The only error of a folder holding the single page `name`: asserts the message, file,
/// line and column, and returns it for further checks.
fn single_error(page: &[u8], name: &str, message: &str, (line, column): (usize, usize)) -> Found {
    let dir = folder(&[(name, page)]);
    let error = failed(dir.path());
    let all = found(&error);
    let errors: Vec<&Found> = all
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .collect();
    assert_eq!(errors.len(), 1, "exactly one error expected, got {all:#?}");
    let error = errors[0];
    assert_eq!(error.message, message, "{all:#?}");
    assert_eq!(
        error.file,
        dir.path().join(name).display().to_string(),
        "{all:#?}"
    );
    assert_eq!((error.line, error.column), (line, column), "{all:#?}");
    Found {
        severity: error.severity,
        message: error.message.clone(),
        file: error.file.clone(),
        line: error.line,
        column: error.column,
        help: error.help.clone(),
    }
}

fn help_of(found: &Found) -> &str {
    found
        .help
        .as_deref()
        .unwrap_or_else(|| panic!("no help on {found:?}"))
}

#[test]
fn row_with_too_few_cells() {
    let page = fields_page("Pet", "| `name` | *string* | :heavy_check_mark: |\n");
    let error = single_error(
        page.as_bytes(),
        "pet.md",
        "this row has 3 cells but the header has 4",
        (7, 1),
    );
    assert!(help_of(&error).contains("missing cells"), "{error:?}");
}

#[test]
fn row_with_too_many_cells() {
    let page = fields_page(
        "Pet",
        "| `name` | *string* | :heavy_check_mark: | The name. | extra |\n",
    );
    let error = single_error(
        page.as_bytes(),
        "pet.md",
        "this row has 5 cells but the header has 4",
        (7, 1),
    );
    assert!(help_of(&error).contains("\\|"), "{error:?}");
}

#[test]
fn unknown_required_mark() {
    let page = fields_page(
        "Pet",
        "| `id` | *string* | :heavy_check_mark: | The ID. |\n| `name` | *string* | :maybe: | The name. |\n",
    );
    // `| `name` | *string* | ` is 22 characters: the mark starts in column 23 of line 8.
    let error = single_error(
        page.as_bytes(),
        "pet.md",
        "unknown Required mark `:maybe:`",
        (8, 23),
    );
    assert!(help_of(&error).contains(":heavy_check_mark:"), "{error:?}");
    assert!(help_of(&error).contains(":heavy_minus_sign:"), "{error:?}");
}

#[test]
fn missing_type_column() {
    let page = "# Pet\n\n## Fields\n\n| Field | Required | Description |\n| --- | --- | --- |\n| `name` | :heavy_check_mark: | The name. |\n";
    single_error(
        page.as_bytes(),
        "pet.md",
        "the `## Fields` table has no Type column",
        (5, 1),
    );
}

#[test]
fn missing_required_column() {
    let page = "# Pet\n\n## Fields\n\n| Field | Type | Description |\n| --- | --- | --- |\n| `name` | *string* | The name. |\n";
    single_error(
        page.as_bytes(),
        "pet.md",
        "the `## Fields` table has no Required column",
        (5, 1),
    );
}

#[test]
fn unknown_type_suggests_the_closest_primitive() {
    let page = fields_page(
        "Pet",
        "| `name` | *strng* | :heavy_check_mark: | The name. |\n",
    );
    // The name inside the italics: `| `name` | *` is 12 characters.
    let error = single_error(page.as_bytes(), "pet.md", "unknown type `strng`", (7, 13));
    assert_eq!(help_of(&error), "did you mean `string`?");
}

#[test]
fn unbalanced_type() {
    let page = fields_page(
        "Pet",
        "| `tags` | Record<string, *string* | :heavy_check_mark: | The tags. |\n",
    );
    // The unclosed generic starts at `Record`, column 12.
    let error = single_error(
        page.as_bytes(),
        "pet.md",
        "cannot read the type: unbalanced `<`: expected `>`",
        (7, 12),
    );
    assert!(help_of(&error).contains('>'), "{error:?}");
}

#[test]
fn link_to_a_page_that_does_not_exist_names_the_closest_page() {
    let owner = fields_page(
        "Owner",
        "| `id` | *string* | :heavy_check_mark: | The ID. |\n| `address` | [Adress](Adress.md) | :heavy_check_mark: | Where. |\n",
    );
    let dir = folder(&[
        ("Owner.md", owner.as_bytes()),
        ("Address.md", good_page("Address").as_bytes()),
        ("Pet.md", good_page("Pet").as_bytes()),
    ]);
    let all = found(&failed(dir.path()));
    assert_eq!(all.len(), 1, "{all:#?}");
    let error = &all[0];
    assert_eq!(error.severity, Severity::Error);
    assert_eq!(
        error.message,
        "link to a page that does not exist: `Adress.md`"
    );
    assert_eq!(
        error.file,
        dir.path().join("Owner.md").display().to_string()
    );
    // `| `address` | ` is 14 characters: the link starts in column 15 of line 8.
    assert_eq!((error.line, error.column), (8, 15));
    assert_eq!(help_of(error), "the closest existing page is `Address.md`");
}

#[test]
fn the_same_field_twice() {
    let page = fields_page(
        "Pet",
        "| `name` | *string* | :heavy_check_mark: | The name. |\n| `id` | *string* | :heavy_check_mark: | The ID. |\n| `name` | *string* | :heavy_minus_sign: | Again. |\n",
    );
    // The second `name` is on line 9, its cell starting in column 3.
    let error = single_error(
        page.as_bytes(),
        "pet.md",
        "field `name` is listed twice",
        (9, 3),
    );
    assert!(help_of(&error).contains("line 7"), "{error:?}");
}

#[test]
fn page_without_a_title() {
    let page = "A pet.\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n| `name` | *string* | :heavy_check_mark: | The name. |\n";
    single_error(
        page.as_bytes(),
        "pet.md",
        "the page has no `# Name` title",
        (1, 1),
    );
}

#[test]
fn empty_file() {
    single_error(b"", "pet.md", "the page is empty", (1, 1));
}

#[test]
fn blank_file_is_empty_too() {
    single_error(b"\n  \n\t\n", "pet.md", "the page is empty", (1, 1));
}

#[test]
fn non_utf8_file() {
    // Latin-1 `é` (0xE9) at byte 12: line 3, column 6, after `A caf`.
    let page = b"# Pet\n\nA caf\xe9.\n\n## Fields\n";
    let error = single_error(
        page,
        "pet.md",
        "the page is not UTF-8: invalid byte at offset 12",
        (3, 6),
    );
    assert!(help_of(&error).contains("UTF-8"), "{error:?}");
}

#[test]
fn a_defective_page_stops_all_output() {
    let bad = fields_page(
        "Pet",
        "| `name` | *strng* | :heavy_check_mark: | The name. |\n",
    );
    let spec = folder(&[
        ("Address.md", good_page("Address").as_bytes()),
        ("Pet.md", bad.as_bytes()),
        ("Owner.md", good_page("Owner").as_bytes()),
    ]);
    let out = tempfile::tempdir().expect("a temporary folder");
    let schema_dir = out.path().join("schemas");
    let rust_file = out.path().join("rust").join("models.rs");
    let result = Config::new()
        .spec_dir(spec.path())
        .schema_dir(&schema_dir)
        .rust_file(&rust_file)
        .generate();
    let error = match result {
        Ok(generated) => panic!("generated despite an error: wrote {:?}", generated.written),
        Err(error) => error,
    };
    assert!(error.diagnostics.iter().any(Diagnostic::is_error));
    assert!(!rust_file.exists(), "the Rust file was written");
    assert!(!schema_dir.exists(), "the schema folder was created");
    let left: Vec<PathBuf> = fs::read_dir(out.path())
        .expect("list")
        .map(|e| e.expect("entry").path())
        .collect();
    assert!(left.is_empty(), "files were written: {left:?}");

    // The same folder without the bad page writes everything, so the test above is not
    // passing because generate never writes.
    fs::remove_file(spec.path().join("Pet.md")).expect("remove");
    let generated = Config::new()
        .spec_dir(spec.path())
        .schema_dir(&schema_dir)
        .rust_file(&rust_file)
        .generate()
        .expect("the good pages generate");
    assert!(rust_file.is_file());
    assert!(schema_dir.join("Address.schema.json").is_file());
    assert!(schema_dir.join("Owner.schema.json").is_file());
    // The Rust file, two schemas, the bundle and the diagram.
    assert_eq!(generated.written.len(), 5, "{:?}", generated.written);
}

#[test]
fn a_defective_page_leaves_earlier_output_untouched() {
    let spec = folder(&[
        ("Address.md", good_page("Address").as_bytes()),
        ("Owner.md", good_page("Owner").as_bytes()),
    ]);
    let out = tempfile::tempdir().expect("a temporary folder");
    let schema_dir = out.path().join("schemas");
    let rust_file = out.path().join("models.rs");
    let generate = || {
        Config::new()
            .spec_dir(spec.path())
            .schema_dir(&schema_dir)
            .rust_file(&rust_file)
            .generate()
    };
    generate().expect("the good pages generate");
    let before_rust = fs::read(&rust_file).expect("read");
    let before_owner = fs::read(schema_dir.join("Owner.schema.json")).expect("read");

    // Owner becomes defective: its schema must not be removed as stale, nor anything rewritten.
    fs::write(
        spec.path().join("Owner.md"),
        fields_page("Owner", "| `id` | *string* | :maybe: | The ID. |\n"),
    )
    .expect("write");
    assert!(generate().is_err());
    assert_eq!(fs::read(&rust_file).expect("read"), before_rust);
    assert_eq!(
        fs::read(schema_dir.join("Owner.schema.json")).expect("read"),
        before_owner
    );
}

#[test]
fn every_problem_in_every_page_is_reported_in_one_run() {
    let pet = fields_page(
        "Pet",
        "| `name` | *strng* | :heavy_check_mark: | The name. |\n",
    );
    let owner = fields_page(
        "Owner",
        "| `id` | *string* | :maybe: | The ID. |\n| `pets` | [Pet](Pet.md)[] | :heavy_minus_sign: | Pets. |\n| `name` | *string* | :heavy_check_mark: |\n",
    );
    let dir = folder(&[
        ("Address.md", good_page("Address").as_bytes()),
        ("Owner.md", owner.as_bytes()),
        ("Pet.md", pet.as_bytes()),
    ]);
    let all = found(&failed(dir.path()));
    let summary: Vec<(String, usize, usize, String)> = all
        .iter()
        .map(|f| {
            let name = Path::new(&f.file)
                .file_name()
                .expect("a file name")
                .to_string_lossy()
                .into_owned();
            (name, f.line, f.column, f.message.clone())
        })
        .collect();
    assert_eq!(
        summary,
        vec![
            (
                "Owner.md".to_owned(),
                7,
                21,
                "unknown Required mark `:maybe:`".to_owned()
            ),
            (
                "Owner.md".to_owned(),
                9,
                1,
                "this row has 3 cells but the header has 4".to_owned()
            ),
            (
                "Pet.md".to_owned(),
                7,
                13,
                "unknown type `strng`".to_owned()
            ),
        ],
        "{all:#?}"
    );
    assert!(all.iter().all(|f| f.severity == Severity::Error));

    // The rendered report counts all of them.
    let error = failed(dir.path());
    let text = error.to_string();
    assert!(
        text.contains("could not generate models: 3 errors emitted"),
        "{text}"
    );
}

#[test]
fn errors_in_two_pages_are_both_reported() {
    let dir = folder(&[
        ("a/First.md", b"" as &[u8]),
        (
            "b/Second.md",
            fields_page("Second", "| `x` | *string* | :maybe: | X. |\n").as_bytes(),
        ),
    ]);
    let all = found(&failed(dir.path()));
    assert_eq!(all.len(), 2, "{all:#?}");
    assert_eq!(
        all[0].file,
        dir.path().join("a/First.md").display().to_string()
    );
    assert_eq!(all[0].message, "the page is empty");
    assert_eq!(
        all[1].file,
        dir.path().join("b/Second.md").display().to_string()
    );
    assert_eq!(all[1].message, "unknown Required mark `:maybe:`");
    assert_eq!((all[1].line, all[1].column), (7, 20));
}

/// A page whose one field has a Constraints cell; the row is line 7 and the cell starts at
/// column 42 (`| `n` | *string* | :heavy_check_mark: | N. | ` is 41 characters).
fn constrained_page(ty: &str, constraints: &str) -> String {
    format!(
        "# Pet\n\n## Fields\n\n| Field | Type | Required | Description | Constraints |\n| --- | --- | --- | --- | --- |\n| `n` | {ty} | :heavy_check_mark: | N. | {constraints} |\n"
    )
}

fn constraint_error(ty: &str, constraints: &str, message_part: &str) -> Found {
    let page = constrained_page(ty, constraints);
    let dir = folder(&[("pet.md", page.as_bytes())]);
    let error = failed(dir.path());
    let all = found(&error);
    assert_eq!(all.len(), 1, "{all:#?}");
    let found = all.into_iter().next().expect("one");
    assert!(found.message.contains(message_part), "{found:?}");
    let column = page
        .lines()
        .nth(6)
        .expect("row")
        .find(constraints)
        .expect("cell")
        + 1;
    assert_eq!((found.line, found.column), (7, column), "{found:?}");
    found
}

#[test]
fn constraint_that_is_not_json() {
    constraint_error("*string*", "{minLength: 1}", "not a JSON object");
}

#[test]
fn constraint_on_the_wrong_type() {
    let error = constraint_error("*number*", r#"{"minLength": 1}"#, "applies to strings");
    assert!(help_of(&error).contains("remove the keyword"));
}

#[test]
fn contradictory_constraints() {
    constraint_error(
        "*string*",
        r#"{"minLength": 5, "maxLength": 2}"#,
        "greater than `maxLength`",
    );
    constraint_error(
        "*number*",
        r#"{"minimum": 10, "exclusiveMaximum": 10}"#,
        "leave no number allowed",
    );
    constraint_error(
        "*string*[]",
        r#"{"minItems": 3, "maxItems": 1}"#,
        "greater than `maxItems`",
    );
}

#[test]
fn unknown_constraint_keyword_and_format() {
    let error = constraint_error(
        "*string*",
        r#"{"minlength": 1}"#,
        "unknown constraint keyword `minlength`",
    );
    assert!(help_of(&error).contains("minLength"));
    let error = constraint_error("*string*", r#"{"format": "e-mail"}"#, "unknown format");
    assert!(help_of(&error).contains("email"));
}

#[test]
fn invalid_pattern() {
    constraint_error(
        "*string*",
        r#"{"pattern": "(unclosed"}"#,
        "not a valid ECMAScript regular expression",
    );
}

#[test]
fn pattern_the_runtime_cannot_run_or_that_is_not_portable() {
    constraint_error(
        "*string*",
        r#"{"pattern": "[]"}"#,
        "not a regular expression that `jsonschema` compiles",
    );
    constraint_error(
        "*string*",
        r#"{"pattern": "^(a)\\1$"}"#,
        "has a backreference",
    );
    constraint_error(
        "*string*",
        r#"{"pattern": "a]"}"#,
        "not a valid ECMAScript regular expression",
    );
}

#[test]
fn default_or_const_that_breaks_the_field() {
    constraint_error(
        "*string*",
        r#"{"const": 3}"#,
        "does not fit the field's type",
    );
    constraint_error(
        "*string*",
        r#"{"maxLength": 2, "const": "long"}"#,
        "breaks the field's own constraints",
    );
}

#[test]
fn a_union_that_contains_itself() {
    let page = b"# Loop\n\n## Supported Types\n\n### [Loop](loop.md)\n";
    let error = single_error(
        page,
        "loop.md",
        "union `Loop` contains itself as a variant",
        (5, 5),
    );
    assert!(help_of(&error).contains("other types"));
}

#[test]
fn settings_file_with_an_unknown_convention() {
    let dir = folder(&[
        ("pet.md", good_page("Pet").as_bytes()),
        ("modelgen.json", b"{\n  \"wireNames\": \"snakecase\"\n}\n"),
    ]);
    let error = failed(dir.path());
    let all = found(&error);
    assert_eq!(all.len(), 1, "{all:#?}");
    assert!(
        all[0].message.contains("unknown wire-name convention"),
        "{all:#?}"
    );
    assert!(all[0].file.ends_with("modelgen.json"));
    assert_eq!((all[0].line, all[0].column), (2, 3));
}

#[test]
fn examples_written_in_another_naming_convention_name_the_setting() {
    let token = fields_page(
        "Token",
        "| `accessToken` | *string* | :heavy_check_mark: | The token. |\n",
    );
    let session = "# Session\n\n## Fields\n\n| Field | Type | Required | Description | Example |\n| --- | --- | --- | --- | --- |\n| `token` | [Token](token.md) | :heavy_check_mark: | The token. | {\"access_token\": \"abc\"} |\n";
    let dir = folder(&[
        ("token.md", token.as_bytes()),
        ("session.md", session.as_bytes()),
    ]);
    let generated = check(dir.path()).expect("a warning, not an error");
    let warning = generated
        .diagnostics
        .iter()
        .find(|d| d.message.contains("example does not fit"))
        .unwrap_or_else(|| panic!("{:?}", generated.diagnostics));
    let help = warning.help.as_deref().unwrap_or_default();
    assert!(
        help.contains("`access_token`") && help.contains("\"wireNames\": \"snake_case\""),
        "{help}"
    );
    let (file, line, _) = warning.location(&generated.sources).expect("located");
    assert!(file.ends_with("session.md") && line == 7, "{file}:{line}");
}

#[test]
fn an_example_that_breaks_the_field_is_named_with_the_runtime_messages() {
    let tag = "# Tag\n\n## Fields\n\n| Field | Type | Required | Description | Constraints | Example |\n| --- | --- | --- | --- | --- | --- |\n| `label` | *string* | :heavy_check_mark: | The label. | {\"minLength\": 3} | ab |\n| `note` | *string* | :heavy_minus_sign: | A note. | | null |\n";
    let keeper = "# Keeper\n\n## Fields\n\n| Field | Type | Required | Description | Example |\n| --- | --- | --- | --- | --- |\n| `tag` | [Tag](tag.md) | :heavy_check_mark: | The tag. | {\"label\": 7, \"note\": null} |\n";
    let dir = folder(&[("tag.md", tag.as_bytes()), ("keeper.md", keeper.as_bytes())]);
    let generated = check(dir.path()).expect("warnings, not errors");
    let messages: Vec<&str> = generated
        .diagnostics
        .iter()
        .filter(|d| d.message.contains("example does not fit"))
        .map(|d| d.message.as_str())
        .collect();
    // The `null` example of `note` makes it nullable before any example is checked, so the
    // `Keeper` example, checked first, breaks only the type of `label`.
    assert_eq!(
        messages,
        [
            "the example does not fit the field: `/label`: expected a string, found an integer",
            "the example does not fit the field: \"ab\" is shorter than 3 characters",
        ],
        "{:?}",
        generated.diagnostics
    );
}
