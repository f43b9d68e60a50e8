/// The module name and fixture folder (under `codegen/tests/fixtures`) of each generated
/// module; read by both the build script and the library.
pub const FOLDERS: [(&str, &str); 11] = [
    ("typescript", "dialects/typescript"),
    ("go", "dialects/go"),
    ("go_2024", "dialects/go-2024"),
    ("python", "dialects/python"),
    ("php", "dialects/php"),
    ("java", "dialects/java"),
    ("csharp", "dialects/csharp"),
    ("recursion", "dialects/recursion"),
    ("names", "dialects/names"),
    ("constraints", "constraints"),
    ("hostile", "hostile"),
];
