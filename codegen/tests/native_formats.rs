//! Native Rust types for string formats (`Config::native_format`, `"formats"` in
//! `modelgen.json`): which fields take them and what is written for them, that the schemas do
//! not change, and that each bad choice is an error naming the call or pointing into the file.
//! That the generated code compiles and reads, writes and checks documents is
//! `fixture-models/tests/native_formats.rs`.

use std::fs;
use std::path::PathBuf;

use modelgen::{Config, Error};

mod common;
use common::folder;

/// The fixture folder with a field of each kind: `codegen/tests/fixtures/formats`.
fn formats() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/formats")
}

fn rust_of(config: &Config) -> String {
    config
        .check()
        .unwrap_or_else(|e| panic!("the folder must generate: {e}"))
        .rust
}

/// The errors of a failed run, each as `line:column: message` (no place for a call's), with
/// the help after ` -- `.
fn errors_of(config: &Config) -> Vec<String> {
    let Err(Error {
        diagnostics,
        sources,
    }) = config.check()
    else {
        panic!("the run must fail");
    };
    diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(|d| {
            let text = match d.location(&sources) {
                Some((_, line, column)) => format!("{line}:{column}: {}", d.message),
                None => d.message.clone(),
            };
            match &d.help {
                Some(help) => format!("{text} -- {help}"),
                None => text,
            }
        })
        .collect()
}

/// `text` without whitespace and the trailing commas a formatter adds where it breaks a
/// list over lines, so that what is looked for does not depend on the layout.
fn squash(text: &str) -> String {
    let squashed: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    squashed.replace(",>", ">").replace(",)", ")")
}

/// The field declaration (its doc comment, attributes and type) of the struct field `NAME`,
/// without whitespace ([`squash`]).
fn field(rust: &str, name: &str) -> String {
    let lines: Vec<&str> = rust.lines().collect();
    let marker = format!("    pub {name}: ");
    let at = lines
        .iter()
        .position(|line| line.starts_with(&marker))
        .unwrap_or_else(|| panic!("`{marker}` is in the generated code"));
    // A field's last line and the line before a field's docs: `,` or `{` at the field's depth.
    let ends_item = |line: &str| {
        line.starts_with("    ")
            && !line.starts_with("     ")
            && (line.ends_with(',') || line.ends_with('{'))
    };
    let mut from = at;
    while from > 0 && !ends_item(lines[from - 1]) && !lines[from - 1].ends_with('{') {
        from -= 1;
    }
    let mut to = at;
    while !ends_item(lines[to]) {
        to += 1;
    }
    squash(&lines[from..=to].join("\n"))
}

/// Whether `haystack` holds `needle`, whitespace aside.
fn holds(haystack: &str, needle: &str) -> bool {
    squash(haystack).contains(&squash(needle))
}

const WITH: &str = ", serialize_with = \"::modelgen_runtime::native::serialize\"";

fn every_choice<'a>(config: &'a mut Config, date_time: &str, date: &str) -> &'a mut Config {
    config
        .spec_dir(formats())
        .native_format("date-time", date_time)
        .native_format("date", date)
        .native_format("uuid", "uuid")
}

#[test]
fn each_crate_gives_its_types_with_the_wrappers_of_the_field() {
    let cases = [
        (
            "chrono",
            "::modelgen_runtime::chrono::DateTime<::modelgen_runtime::chrono::FixedOffset>",
            "::modelgen_runtime::chrono::NaiveDate",
        ),
        (
            "jiff",
            "::modelgen_runtime::jiff::Timestamp",
            "::modelgen_runtime::jiff::civil::Date",
        ),
        (
            "time",
            "::modelgen_runtime::time::OffsetDateTime",
            "::modelgen_runtime::time::Date",
        ),
    ];
    for (library, date_time, date) in cases {
        let rust = rust_of(every_choice(&mut Config::new(), library, library));
        let uuid = "::modelgen_runtime::uuid::Uuid";
        let expected = [
            ("id", format!("#[serde(rename = \"id\"{WITH})]\n    pub id: {uuid},")),
            ("at", format!("#[serde(rename = \"at\"{WITH})]\n    pub at: {date_time},")),
            ("day", format!("#[serde(rename = \"day\"{WITH})]\n    pub day: {date},")),
            (
                "ends",
                format!("#[serde(rename = \"ends\", skip_serializing_if = \"::std::option::Option::is_none\"{WITH})]\n    pub ends: ::std::option::Option<{date_time}>,"),
            ),
            (
                "cancelled",
                format!("#[serde(rename = \"cancelled\"{WITH})]\n    pub cancelled: ::std::option::Option<{date_time}>,"),
            ),
            (
                "moved",
                format!("pub moved: ::std::option::Option<::std::option::Option<{date}>>,"),
            ),
            (
                "reminders",
                format!("pub reminders: ::std::option::Option<::std::vec::Vec<{date_time}>>,"),
            ),
            (
                "holidays",
                format!("pub holidays: ::std::option::Option<::std::collections::BTreeMap<::std::string::String, {date}>>,"),
            ),
            (
                "related",
                format!("pub related: ::std::option::Option<::std::vec::Vec<{uuid}>>,"),
            ),
        ];
        for (name, declaration) in expected {
            let found = field(&rust, name);
            assert!(holds(&found, &declaration), "{library} {name}:\n{found}");
            assert!(holds(&found, WITH), "{library} {name}:\n{found}");
        }
        // The slots read through the native wrapper; the others through `de`.
        assert!(holds(
            &rust,
            "let mut f0 = ::modelgen_runtime::native::Required::new();"
        ));
        assert!(holds(
            &rust,
            "let mut f3 = ::modelgen_runtime::native::Optional::new();"
        ));
        assert!(holds(
            &rust,
            "let mut f5 = ::modelgen_runtime::native::Field::new();"
        ));
        assert!(holds(
            &rust,
            "let mut f9 = ::modelgen_runtime::de::Optional::new();"
        ));
        // The typed validation checks no native field's format, but still `maxItems`.
        let validate = &rust[rust
            .find("impl ::modelgen_runtime::Validate for Event")
            .unwrap()..];
        let validate = &validate[..validate.find("\n}\n").unwrap()];
        for native in [
            "\"id\"",
            "\"at\"",
            "\"day\"",
            "\"ends\"",
            "\"related\"",
            "\"holidays\"",
        ] {
            assert!(!validate.contains(native), "{native}:\n{validate}");
        }
        assert!(holds(
            validate,
            "::modelgen_runtime::checks::max_items(value.len(), 3u64"
        ));
        assert!(validate.contains("\"code\""));
        assert!(validate.contains("\"seen\""));
    }
}

#[test]
fn fields_with_other_rules_and_union_variants_keep_string_and_say_why() {
    let rust = rust_of(every_choice(&mut Config::new(), "jiff", "jiff"));
    for (name, ty) in [
        ("code", "::std::option::Option<::std::string::String>"),
        ("opened", "::std::string::String"),
        (
            "seen",
            "::std::option::Option<::std::vec::Vec<::std::string::String>>",
        ),
    ] {
        let found = field(&rust, name);
        assert!(holds(&found, &format!("pub {name}: {ty},")), "{found}");
        assert!(!holds(&found, WITH), "{found}");
        assert!(
            holds(&found, "/// - Rust type: `String`, not the `"),
            "{found}"
        );
    }
    assert!(
        holds(&rust, "DateTime(::std::string::String),"),
        "the union variant"
    );
    // Without a choice, no field says anything about native types.
    let plain = rust_of(Config::new().spec_dir(formats()));
    assert!(!plain.contains("- Rust type:"));
    assert!(!plain.contains("modelgen_runtime::native"));
}

#[test]
fn only_the_chosen_formats_are_native() {
    let rust = rust_of(
        Config::new()
            .spec_dir(formats())
            .native_format("uuid", "uuid"),
    );
    assert!(holds(
        &field(&rust, "id"),
        "pub id: ::modelgen_runtime::uuid::Uuid,"
    ));
    assert!(holds(&field(&rust, "at"), "pub at: ::std::string::String,"));
    assert!(!holds(&field(&rust, "at"), "- Rust type:"));
    // A later choice of the same format wins: a call over the file.
    let rust = rust_of(
        Config::new()
            .spec_dir(formats())
            .native_format("date", "time")
            .native_format("date", "chrono"),
    );
    assert!(holds(
        &field(&rust, "day"),
        "pub day: ::modelgen_runtime::chrono::NaiveDate,"
    ));
}

#[test]
fn the_schemas_do_not_change() {
    let plain = Config::new().spec_dir(formats()).check().unwrap();
    for library in ["chrono", "jiff", "time"] {
        let native = every_choice(&mut Config::new(), library, library)
            .check()
            .unwrap();
        assert_eq!(plain.schemas, native.schemas, "{library}");
        assert_ne!(plain.rust, native.rust);
    }
}

#[test]
fn bad_choices_are_errors_naming_the_call_and_the_choices() {
    let page = fs::read_to_string(formats().join("Event.md")).unwrap();
    let place = fs::read_to_string(formats().join("Place.md")).unwrap();
    let dir = folder(&[("Event.md", &page), ("Place.md", &place)]);
    let rust_file = dir.path().join("out/models.rs");
    let mut config = Config::new();
    config
        .spec_dir(dir.path())
        .rust_file(&rust_file)
        .native_format("datetime", "jiff")
        .native_format("email", "uuid")
        .native_format("date-time", "uuid")
        .native_format("uuid", "jiff")
        .native_format("date", "Chrono");
    assert_eq!(
        errors_of(&config),
        [
            "`Config::native_format(\"datetime\", \"jiff\")`: `datetime` is not a format that has native types -- the formats are `date-time`, `date`, `uuid`",
            "`Config::native_format(\"email\", \"uuid\")`: `email` is not a format that has native types -- the formats are `date-time`, `date`, `uuid`",
            "`Config::native_format(\"date-time\", \"uuid\")`: `uuid` has no type for format `date-time` -- for `date-time` choose `chrono`, `jiff`, `time`",
            "`Config::native_format(\"uuid\", \"jiff\")`: `jiff` has no type for format `uuid` -- for `uuid` choose `uuid`",
            "`Config::native_format(\"date\", \"Chrono\")`: `Chrono` has no type for format `date` -- for `date` choose `chrono`, `jiff`, `time`",
        ]
    );
    assert!(config.generate().is_err());
    assert!(!rust_file.exists(), "nothing is written");
}

#[test]
fn modelgen_json_chooses_the_same_and_its_errors_point_at_the_entry() {
    let page = fs::read_to_string(formats().join("Event.md")).unwrap();
    let place = fs::read_to_string(formats().join("Place.md")).unwrap();
    let dir = folder(&[("Event.md", &page), ("Place.md", &place)]);
    fs::write(
        dir.path().join("modelgen.json"),
        "{\n  \"formats\": {\"date-time\": \"time\", \"uuid\": \"uuid\"}\n}\n",
    )
    .unwrap();
    let from_file = rust_of(Config::new().spec_dir(dir.path()));
    let from_calls = rust_of(
        Config::new()
            .spec_dir(formats())
            .native_format("date-time", "time")
            .native_format("uuid", "uuid"),
    );
    assert_eq!(from_file, from_calls);
    // A call wins over the file.
    let rust = rust_of(
        Config::new()
            .spec_dir(dir.path())
            .native_format("date-time", "chrono"),
    );
    assert!(holds(
        &field(&rust, "at"),
        "::modelgen_runtime::chrono::DateTime<"
    ));

    fs::write(
        dir.path().join("modelgen.json"),
        r#"{
  "formats": {
    "date-time": "jiff",
    "datetime": "jiff",
    "date": "tempo",
    "uuid": 7
  }
}
"#,
    )
    .unwrap();
    assert_eq!(
        errors_of(Config::new().spec_dir(dir.path())),
        [
            "4:5: `datetime` is not a format that has native types -- the formats are `date-time`, `date`, `uuid`",
            "5:13: `tempo` has no type for format `date` -- for `date` choose `chrono`, `jiff`, `time`",
            "6:5: `formats` does not have the expected shape -- map a format to the crate whose type holds it: `\"formats\": {\"date-time\": \"jiff\", \"uuid\": \"uuid\"}`",
        ]
    );
    fs::write(
        dir.path().join("modelgen.json"),
        "{\"formats\": [\"jiff\"]}",
    )
    .unwrap();
    assert_eq!(
        errors_of(Config::new().spec_dir(dir.path())),
        ["1:2: `formats` does not have the expected shape -- map a format to the crate whose type holds it: `\"formats\": {\"date-time\": \"jiff\", \"uuid\": \"uuid\"}`"]
    );
}
