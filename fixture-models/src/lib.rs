//! The generator's fixture pages, one module per SDK dialect, held to `#![deny(warnings)]`.

#![deny(warnings, missing_docs)]

macro_rules! fixture {
    ($name:ident) => {
        #[doc = concat!("Models generated from the `", stringify!($name), "` fixture folder.")]
        pub mod $name {
            include!(concat!(env!("OUT_DIR"), "/", stringify!($name), ".rs"));
        }
    };
}

fixture!(typescript);
fixture!(go);
fixture!(go_2024);
fixture!(python);
fixture!(php);
fixture!(java);
fixture!(csharp);
fixture!(python_2026);
fixture!(typescript_2026);
fixture!(ruby);
fixture!(csharp_2026);
fixture!(java_2025);
fixture!(recursion);
fixture!(names);
fixture!(constraints);
fixture!(hostile);
fixture!(formats);

/// The `typescript` fixture folder generated again with the configuration shaping the code:
/// `Address` derives `Hash`, `Eq`, `PartialOrd` and `Ord`, and `Visit` is
/// [`typescript::components::Visit`].
pub mod shaped {
    include!(concat!(env!("OUT_DIR"), "/shaped.rs"));
}

/// The `hostile` fixture folder generated again without formatting (`Config::formatted(false)`).
pub mod hostile_unformatted {
    include!(concat!(env!("OUT_DIR"), "/hostile_unformatted.rs"));
}

/// The `formats` fixture folder with its `date-time`, `date` and `uuid` strings held in the
/// `chrono` crate's types (and `uuid::Uuid`).
pub mod native_chrono {
    include!(concat!(env!("OUT_DIR"), "/native_chrono.rs"));
}

/// The `formats` fixture folder with its `date-time`, `date` and `uuid` strings held in the
/// `jiff` crate's types (and `uuid::Uuid`).
pub mod native_jiff {
    include!(concat!(env!("OUT_DIR"), "/native_jiff.rs"));
}

/// The `formats` fixture folder with its `date-time`, `date` and `uuid` strings held in the
/// `time` crate's types (and `uuid::Uuid`).
pub mod native_time {
    include!(concat!(env!("OUT_DIR"), "/native_time.rs"));
}

include!("folders.rs");

/// Checks a document against a model of one fixture module, by the model's schema name.
pub fn validate_json(
    module: &str,
    model: &str,
    text: &str,
) -> Option<Result<(), modelgen_runtime::ValidationErrors>> {
    match module {
        "typescript" => typescript::validate_json(model, text),
        "go" => go::validate_json(model, text),
        "go_2024" => go_2024::validate_json(model, text),
        "python" => python::validate_json(model, text),
        "php" => php::validate_json(model, text),
        "java" => java::validate_json(model, text),
        "csharp" => csharp::validate_json(model, text),
        "python_2026" => python_2026::validate_json(model, text),
        "typescript_2026" => typescript_2026::validate_json(model, text),
        "ruby" => ruby::validate_json(model, text),
        "csharp_2026" => csharp_2026::validate_json(model, text),
        "java_2025" => java_2025::validate_json(model, text),
        "recursion" => recursion::validate_json(model, text),
        "names" => names::validate_json(model, text),
        "constraints" => constraints::validate_json(model, text),
        "hostile" => hostile::validate_json(model, text),
        "formats" => formats::validate_json(model, text),
        "native_chrono" => native_chrono::validate_json(model, text),
        "native_jiff" => native_jiff::validate_json(model, text),
        "native_time" => native_time::validate_json(model, text),
        _ => None,
    }
}

/// Where the published schemas of a fixture folder were written.
pub fn schema_dir(folder: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("OUT_DIR"))
        .join("schemas")
        .join(folder)
}
