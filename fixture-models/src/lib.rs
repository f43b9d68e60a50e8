//! The generator's fixture pages, one module per SDK dialect, held to `#![deny(warnings)]`.

#![deny(warnings, missing_docs)]

macro_rules! fixture {
    ($name:ident, $file:literal) => {
        #[doc = concat!("Models generated from the `", $file, "` fixture folder.")]
        pub mod $name {
            include!(concat!(env!("OUT_DIR"), "/", $file, ".rs"));
        }
    };
}

fixture!(typescript, "typescript");
fixture!(go, "go");
fixture!(go_2024, "go-2024");
fixture!(python, "python");
fixture!(php, "php");
fixture!(java, "java");
fixture!(csharp, "csharp");
fixture!(recursion, "recursion");
fixture!(names, "names");

/// Where the published schemas of a fixture folder were written.
pub fn schema_dir(folder: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("OUT_DIR"))
        .join("schemas")
        .join(folder)
}
