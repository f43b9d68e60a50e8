/// The module name and fixture folder (under `codegen/tests/fixtures`) of each generated
/// module; read by both the build script and the library.
pub const FOLDERS: [(&str, &str); 17] = [
    ("typescript", "dialects/typescript"),
    ("go", "dialects/go"),
    ("go_2024", "dialects/go-2024"),
    ("python", "dialects/python"),
    ("php", "dialects/php"),
    ("java", "dialects/java"),
    ("csharp", "dialects/csharp"),
    ("python_2026", "dialects/python-2026"),
    ("typescript_2026", "dialects/typescript-2026"),
    ("ruby", "dialects/ruby"),
    ("csharp_2026", "dialects/csharp-2026"),
    ("java_2025", "dialects/java-2025"),
    ("recursion", "dialects/recursion"),
    ("names", "dialects/names"),
    ("constraints", "constraints"),
    ("hostile", "hostile"),
    ("formats", "formats"),
];
