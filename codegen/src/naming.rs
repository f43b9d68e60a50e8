//! Rust identifiers for whatever a page calls things: case conversion, keywords, leading
//! digits, non-ASCII, and names that collide after conversion.

use heck::{ToSnakeCase, ToUpperCamelCase};
use rustc_hash::FxHashSet;

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
    // What `deunicode::deunicode` returns, borrowed when the name is already ASCII.
    deunicode::deunicode_with_tofu_cow(name, "[?]")
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect()
}

/// An `UpperCamelCase` type or variant name; `fallback` is used when nothing is left.
pub fn type_name(name: &str, fallback: &str) -> String {
    let mut camel = ascii_words(name).to_upper_camel_case();
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
    let words = ascii_words(name);
    let mut snake = if is_snake_case(&words) {
        words
    } else {
        words.to_snake_case()
    };
    if snake.is_empty() {
        snake = fallback.to_owned();
    }
    if snake.starts_with(|c: char| c.is_ascii_digit()) {
        snake.insert(0, '_');
    }
    escape_keyword(snake)
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
        let mut bare = wanted.as_str();
        while let Some(rest) = bare.strip_prefix("r#") {
            bare = rest;
        }
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

    #[test]
    fn snake_case_names_are_left_as_heck_leaves_them() {
        // Every text of up to five characters from a small alphabet.
        let mut texts = vec![String::new()];
        let mut last = texts.clone();
        for _ in 0..5 {
            last = last
                .iter()
                .flat_map(|t| "a1_B-".chars().map(move |c| format!("{t}{c}")))
                .collect();
            texts.extend(last.iter().cloned());
        }
        for text in &texts {
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
    fn collisions_get_numbered_suffixes() {
        let mut scope = Scope::default();
        assert_eq!(scope.claim(field_name("fooBar", "f"), "_"), "foo_bar");
        assert_eq!(scope.claim(field_name("foo_bar", "f"), "_"), "foo_bar_2");
        assert_eq!(scope.claim(field_name("FooBar", "f"), "_"), "foo_bar_3");
        let mut types = Scope::with_reserved(&["Pet"]);
        assert_eq!(types.claim("Pet".into(), ""), "Pet2");
    }
}
