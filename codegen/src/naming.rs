//! Rust identifiers for whatever a page calls things: case conversion, keywords, leading
//! digits, non-ASCII, and names that collide after conversion.

use heck::{ToSnakeCase, ToUpperCamelCase};
use rustc_hash::{FxHashMap, FxHashSet};

/// Words that cannot be identifiers even as raw identifiers (`r#self` is not allowed).
const NOT_RAW: &[&str] = &["self", "Self", "super", "crate", "_"];

/// Rust keywords of every edition, strict and reserved.
const KEYWORDS: &[&str] = &[
    "as", "async", "await", "break", "const", "continue", "crate", "dyn", "else", "enum", "extern",
    "false", "fn", "for", "gen", "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut",
    "pub", "ref", "return", "self", "Self", "static", "struct", "super", "trait", "true", "type",
    "unsafe", "use", "where", "while", "abstract", "become", "box", "do", "final", "macro",
    "override", "priv", "try", "typeof", "unsized", "virtual", "yield",
];

/// Reduces a name to ASCII words separated by `_`, so that case conversion sees word breaks
/// at dashes, dots, spaces and other punctuation.
fn ascii_words(name: &str) -> String {
    // deunicode's text is ASCII, one byte a character; it is borrowed when the name already
    // is ASCII.
    let bytes: Vec<u8> = deunicode::deunicode_with_tofu_cow(name, "[?]")
        .bytes()
        .map(|b| if b.is_ascii_alphanumeric() { b } else { b'_' })
        .collect();
    String::from_utf8(bytes).unwrap_or_default()
}

/// The words of a name in UpperCamelCase (empty when it has no letters or digits).
fn upper_camel_words(name: &str) -> String {
    let words = ascii_words(name);
    if is_upper_camel_case(&words) {
        words
    } else {
        words.to_upper_camel_case()
    }
}

/// The words of a name in snake_case (empty when it has no letters or digits).
fn snake_words(name: &str) -> String {
    let words = ascii_words(name);
    if is_snake_case(&words) {
        words
    } else {
        words.to_snake_case()
    }
}

/// An `UpperCamelCase` type or variant name; `fallback` is used when nothing is left.
pub fn type_name(name: &str, fallback: &str) -> String {
    type_name_from(upper_camel_words(name), fallback)
}

/// [`type_name`] from the name's [`upper_camel_words`].
fn type_name_from(mut camel: String, fallback: &str) -> String {
    if camel.is_empty() {
        camel = fallback.to_owned();
    }
    if camel.starts_with(|c: char| c.is_ascii_digit()) {
        camel.insert(0, 'V');
    }
    if camel == "Self" {
        camel.push_str("Value");
    }
    camel
}

/// A `snake_case` field or module name, as it is written in code (`r#type`, `self_`, `_1st`).
pub fn field_name(name: &str, fallback: &str) -> String {
    field_name_from(snake_words(name), fallback)
}

/// [`field_name`] from the name's [`snake_words`].
fn field_name_from(mut snake: String, fallback: &str) -> String {
    if snake.is_empty() {
        snake = fallback.to_owned();
    }
    if snake.starts_with(|c: char| c.is_ascii_digit()) {
        snake.insert(0, '_');
    }
    escape_keyword(snake)
}

/// [`type_name`] and [`field_name`] that convert each distinct name once: a spec repeats
/// the same field, value and model names on many pages, and case conversion costs far more
/// than a lookup.
#[derive(Debug, Default)]
pub struct Names {
    upper_camel: FxHashMap<String, String>,
    snake: FxHashMap<String, String>,
}

impl Names {
    /// [`type_name`].
    pub fn type_name(&mut self, name: &str, fallback: &str) -> String {
        type_name_from(
            remembered(&mut self.upper_camel, name, upper_camel_words),
            fallback,
        )
    }

    /// [`field_name`].
    pub fn field_name(&mut self, name: &str, fallback: &str) -> String {
        field_name_from(remembered(&mut self.snake, name, snake_words), fallback)
    }
}

/// `convert(name)`, from `known` when it has been converted before.
fn remembered(
    known: &mut FxHashMap<String, String>,
    name: &str,
    convert: fn(&str) -> String,
) -> String {
    if let Some(converted) = known.get(name) {
        return converted.clone();
    }
    let converted = convert(name);
    known.insert(name.to_owned(), converted.clone());
    converted
}

/// Whether `heck`'s `to_snake_case` would return `words` unchanged because it is already
/// snake_case: words of lowercase ASCII letters and digits, each joined to the next by one
/// `_`. (`heck` splits words only at other characters and at uppercase letters, lowercases
/// them and joins them with `_`.)
fn is_snake_case(words: &str) -> bool {
    !words.is_empty()
        && words.split('_').all(|word| {
            !word.is_empty() && word.bytes().all(|b| matches!(b, b'a'..=b'z' | b'0'..=b'9'))
        })
}

/// Whether `heck`'s `to_upper_camel_case` would return `words` unchanged because it is
/// already UpperCamelCase: ASCII letters and digits that start with an uppercase letter,
/// where a lowercase letter comes between each uppercase letter and the next. (`heck` then
/// starts a word at each uppercase letter, and each word is already capitalized.)
fn is_upper_camel_case(words: &str) -> bool {
    let mut bytes = words.bytes();
    if !bytes.next().is_some_and(|b| b.is_ascii_uppercase()) {
        return false;
    }
    let mut lowercase_since_uppercase = false;
    for b in bytes {
        if b.is_ascii_lowercase() {
            lowercase_since_uppercase = true;
        } else if b.is_ascii_uppercase() {
            if !lowercase_since_uppercase {
                return false;
            }
            lowercase_since_uppercase = false;
        } else if !b.is_ascii_digit() {
            return false;
        }
    }
    true
}

/// Makes a keyword usable: a raw identifier where Rust allows one, else a trailing `_`.
pub fn escape_keyword(name: String) -> String {
    if NOT_RAW.contains(&name.as_str()) {
        format!("{name}_")
    } else if KEYWORDS.contains(&name.as_str()) {
        format!("r#{name}")
    } else {
        name
    }
}

/// Hands out names unique within one scope, in the order asked: the first `foo_bar` keeps
/// its name, the next becomes `foo_bar_2`.
#[derive(Debug, Default)]
pub struct Scope {
    taken: FxHashSet<String>,
}

impl Scope {
    /// A scope where `reserved` names are already taken.
    pub fn with_reserved(reserved: &[&str]) -> Self {
        Scope {
            taken: reserved.iter().map(|s| (*s).to_owned()).collect(),
        }
    }

    /// `wanted` if free, else `wanted` with the smallest free numeric suffix.
    pub fn claim(&mut self, wanted: String, separator: &str) -> String {
        let bare = wanted.trim_start_matches("r#");
        if !self.taken.contains(bare) {
            self.taken.insert(bare.to_owned());
            return wanted;
        }
        let base = bare.trim_end_matches('_');
        let mut n = 2;
        loop {
            let candidate = format!("{base}{separator}{n}");
            if self.taken.insert(candidate.clone()) {
                return candidate;
            }
            n += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn type_names_compile_whatever_the_page_says() {
        assert_eq!(type_name("V3TokenRequest", "Model"), "V3TokenRequest");
        assert_eq!(type_name("business plus", "Value"), "BusinessPlus");
        assert_eq!(type_name("a-b", "Value"), "AB");
        assert_eq!(type_name("1", "Value"), "V1");
        assert_eq!(type_name("", "Empty"), "Empty");
        assert_eq!(type_name("Self", "Model"), "SelfValue");
        assert_eq!(type_name("naïve", "Model"), "Naive");
    }

    #[test]
    fn field_names_escape_keywords_and_digits() {
        assert_eq!(field_name("clientId", "field"), "client_id");
        assert_eq!(field_name("type", "field"), "r#type");
        assert_eq!(field_name("self", "field"), "self_");
        assert_eq!(field_name("1st", "field"), "_1st");
        assert_eq!(field_name("foo-bar", "field"), "foo_bar");
        assert_eq!(field_name("a.b", "field"), "a_b");
        assert_eq!(field_name("ExternalID", "field"), "external_id");
        assert_eq!(field_name("%%", "field"), "field");
    }

    /// Every text of up to six characters from a small alphabet.
    fn short_texts() -> Vec<String> {
        let mut texts = vec![String::new()];
        let mut last = texts.clone();
        for _ in 0..6 {
            last = last
                .iter()
                .flat_map(|t| "a1_B-".chars().map(move |c| format!("{t}{c}")))
                .collect();
            texts.extend(last.iter().cloned());
        }
        texts
    }

    #[test]
    fn snake_case_names_are_left_as_heck_leaves_them() {
        for text in &short_texts() {
            if is_snake_case(text) {
                assert_eq!(&text.to_snake_case(), text);
            }
        }
        for snake in ["a", "a_b", "id", "x1_2y", "v3_token"] {
            assert!(is_snake_case(snake), "{snake}");
        }
        for other in ["", "_a", "a_", "a__b", "aB", "a-b", "_"] {
            assert!(!is_snake_case(other), "{other}");
        }
    }

    #[test]
    fn upper_camel_case_names_are_left_as_heck_leaves_them() {
        for text in &short_texts() {
            if is_upper_camel_case(text) {
                assert_eq!(&text.to_upper_camel_case(), text);
            }
        }
        for camel in ["A", "Pet", "PetOwner", "Pet2Owner", "A1", "Ab1C", "V3token"] {
            assert!(is_upper_camel_case(camel), "{camel}");
        }
        for other in [
            "",
            "pet",
            "HTTPServer",
            "A1B",
            "Pet_Owner",
            "V3TokenRequest",
        ] {
            assert!(!is_upper_camel_case(other), "{other}");
        }
    }

    #[test]
    fn remembered_names_are_the_names() {
        let mut names = Names::default();
        for _ in 0..2 {
            for name in [
                "clientId",
                "type",
                "1st",
                "%%",
                "naïve",
                "Self",
                "business plus",
            ] {
                assert_eq!(names.field_name(name, "f"), field_name(name, "f"));
                assert_eq!(names.type_name(name, "T"), type_name(name, "T"));
                assert_eq!(names.type_name(name, ""), type_name(name, ""));
            }
        }
    }

    #[test]
    fn collisions_get_numbered_suffixes() {
        let mut scope = Scope::default();
        assert_eq!(scope.claim(field_name("fooBar", "f"), "_"), "foo_bar");
        assert_eq!(scope.claim(field_name("foo_bar", "f"), "_"), "foo_bar_2");
        assert_eq!(scope.claim(field_name("FooBar", "f"), "_"), "foo_bar_3");
        let mut types = Scope::with_reserved(&["Pet"]);
        assert_eq!(types.claim("Pet".into(), ""), "Pet2");
    }
}
