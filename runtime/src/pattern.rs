//! The `pattern` keyword: ECMAScript regular expressions, compiled by `regress`.
//!
//! `jsonschema` does not run ECMAScript regular expressions directly: it translates each one to
//! the syntax of Rust's `regex` crate (`\d`, `\w`, `\s` and `.` keep their ECMAScript meaning) and
//! matches with that. Where the two readings differ, [`Pattern`] takes `jsonschema`'s, so that
//! the generated code agrees with it, and [`check_pattern_syntax`] turns down what the two cannot
//! agree on.

use std::fmt;

/// A compiled `pattern`: an ECMAScript regular expression that [`Pattern::is_match`] searches
/// for anywhere in a string, as JSON Schema's `pattern` does (anchor it with `^…$` to match the
/// whole string).
///
/// The expression is read with the Unicode flag (`u`), as JSON Schema recommends, so `\p{L}` and
/// `\u{1F600}` work and `.` matches one code point. Without the `i` flag `\d` and `\w` are ASCII
/// only, `\s` is ECMAScript white space and line terminators, `.` stops at line terminators, and
/// `^`/`$` anchor at the ends of the string.
///
/// To read patterns as `jsonschema` reads them, four things differ from plain ECMAScript:
///
/// * `\b` and `\B` are Unicode word boundaries (a word character being a letter, mark, decimal
///   digit, connector punctuation or join control), as in Rust's `regex`, not ASCII ones;
/// * an escaped ASCII punctuation character such as `\-`, `\_` or `\:` stands for itself, as in
///   the `u`-less (Annex B) grammar and in Rust's `regex`;
/// * a `]` or `}` that closes nothing stands for itself;
/// * in a pattern with lookaround (other than leading `^(?=…)` groups), which `jsonschema` does
///   not translate, `.` matches everything but `\n`, and `\d`, `\s` and `\w` are Unicode
///   classes (decimal numbers, `White_Space`, Unicode word characters), as in Rust's `regex`.
///
/// `regress` is a backtracking engine: nested quantifiers that can split a string many ways
/// (`^(a+)+$` against `aaaa…!`) take time exponential in its length, where `jsonschema`'s `regex`
/// takes linear time.
///
/// ```
/// use modelgen_runtime::Pattern;
///
/// let pattern = Pattern::new(r"\d{3}").unwrap();
/// assert!(pattern.is_match("ab123cd"));
/// assert!(!pattern.is_match("ab12cd"));
/// ```
#[derive(Clone)]
pub struct Pattern {
    source: Box<str>,
    regex: regress::Regex,
}

impl Pattern {
    /// Compiles `source`.
    ///
    /// This takes some expressions that [`check_pattern_syntax`] turns down because
    /// `jsonschema` cannot compile them (such as `[^]` or `\k<name>`); generated code only holds
    /// patterns that passed that check.
    ///
    /// # Errors
    ///
    /// A description of the syntax error when `source` is not an ECMAScript regular expression.
    pub fn new(source: &str) -> Result<Self, String> {
        let translated = translate(source);
        let regex = regress::Regex::with_flags(&translated.pattern, "u").map_err(|error| {
            format!("`{source}` is not a valid ECMAScript regular expression: {error}")
        })?;
        Ok(Self {
            source: source.into(),
            regex,
        })
    }

    /// Whether the expression matches anywhere in `text`.
    #[must_use]
    pub fn is_match(&self, text: &str) -> bool {
        self.regex.find(text).is_some()
    }

    /// The expression as written.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.source
    }
}

impl fmt::Debug for Pattern {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Pattern").field(&self.source).finish()
    }
}

impl fmt::Display for Pattern {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.source)
    }
}

/// Checks that `source` is a `pattern` that the generated code and `jsonschema` both compile,
/// for reporting a bad one when the code is generated rather than when it runs.
///
/// Beyond what [`Pattern::new`] rejects, this turns down ECMAScript that `jsonschema` cannot
/// compile or matches differently: the empty classes `[]` and `[^]`, `\0`, `[\b]`,
/// backreferences (`\1`, `\k<name>`; `jsonschema` fails a reference to a group that did not take
/// part, where ECMAScript matches the empty string), capturing groups inside lookbehinds and `\u`
/// escapes of lone surrogates.
///
/// # Errors
///
/// What is wrong with the pattern.
pub fn check_pattern_syntax(source: &str) -> Result<(), String> {
    if let Some(problem) = translate(source).problem {
        return Err(format!(
            "`{source}` cannot be checked the same way everywhere: {problem}"
        ));
    }
    Pattern::new(source).map(|_| ())
}

/// Rust `regex`'s Unicode word character (UTS #18 annex C), for `\b` and `\B`.
const WORD: &str = r"[\p{Alphabetic}\p{M}\p{Nd}\p{Pc}\p{Join_Control}]";

/// ECMAScript's syntax characters, which may be escaped anywhere under the `u` flag.
fn is_syntax_character(c: char) -> bool {
    matches!(
        c,
        '^' | '$' | '\\' | '.' | '*' | '+' | '?' | '(' | ')' | '[' | ']' | '{' | '}' | '|' | '/'
    )
}

/// An escaped character that stands for itself in Rust's `regex` and in Annex B but is an error
/// under the `u` flag: a space, or ASCII punctuation that is not a syntax character (`-` only
/// outside a class). `\<` and `\>` are word-boundary assertions in Rust's `regex`, so they stay errors.
fn is_loose_identity_escape(c: char, in_class: bool) -> bool {
    (c.is_ascii_punctuation() || c == ' ')
        && !is_syntax_character(c)
        && !matches!(c, '<' | '>')
        && (!in_class || c != '-')
}

struct Translated {
    pattern: String,
    problem: Option<&'static str>,
}

/// The `u`-flag expression that reads `source` as `jsonschema` does, and the first construct in
/// it that `jsonschema` does not compile.
fn translate(source: &str) -> Translated {
    let rust_classes = compiled_untranslated(source);
    let chars: Vec<char> = source.chars().collect();
    let mut out = String::with_capacity(source.len() + 8);
    let mut problem = None;
    let mut in_class = false;
    let mut class_empty = false;
    // For each open group, whether it is a lookbehind.
    let mut groups: Vec<bool> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '\\' {
            let Some(&next) = chars.get(i + 1) else {
                out.push(c);
                break;
            };
            match next {
                'b' | 'B' if !in_class => {
                    let (before, after) = if next == 'b' {
                        ("(?<=W)(?!W)", "(?<!W)(?=W)")
                    } else {
                        ("(?<=W)(?=W)", "(?<!W)(?!W)")
                    };
                    out.push_str("(?:");
                    out.push_str(&before.replace('W', WORD));
                    out.push('|');
                    out.push_str(&after.replace('W', WORD));
                    out.push(')');
                    i += 2;
                    continue;
                }
                'd' | 'D' | 's' | 'S' | 'w' if rust_classes => {
                    out.push_str(match (next, in_class) {
                        ('d', _) => r"\p{Nd}",
                        ('D', _) => r"\P{Nd}",
                        ('s', _) => r"\p{White_Space}",
                        ('S', _) => r"\P{White_Space}",
                        (_, true) => &WORD[1..WORD.len() - 1],
                        (_, false) => WORD,
                    });
                    class_empty = false;
                    i += 2;
                    continue;
                }
                'W' if rust_classes && !in_class => {
                    out.push_str("[^");
                    out.push_str(&WORD[1..]);
                    i += 2;
                    continue;
                }
                'W' if rust_classes => {
                    problem = problem.or(Some(
                        "`\\W` inside a class of a pattern with lookaround, which `jsonschema` \
                         reads as Unicode",
                    ));
                }
                'b' if in_class => problem = problem.or(Some("`[\\b]` (backspace in a class)")),
                '0' => problem = problem.or(Some("`\\0`")),
                'k' => problem = problem.or(Some("`\\k` (named backreference)")),
                '1'..='9' if !in_class => {
                    problem = problem.or(Some(
                        "a backreference (`\\1`…), which `jsonschema` fails where ECMAScript \
                         matches the empty string",
                    ));
                }
                'u' if is_surrogate_escape(&chars[i + 2..]) => {
                    problem = problem.or(Some("`\\u` escape of a lone surrogate"));
                }
                _ => {}
            }
            if matches!(next, 'p' | 'P' | 'u') && chars.get(i + 2) == Some(&'{') {
                // `\p{…}`, `\P{…}`, `\u{…}`: copied whole, so their braces close nothing else.
                let end = chars[i + 2..]
                    .iter()
                    .position(|&c| c == '}')
                    .map_or(chars.len(), |offset| i + 2 + offset + 1);
                out.extend(&chars[i..end]);
                i = end;
            } else if is_loose_identity_escape(next, in_class) {
                out.push(next);
                i += 2;
            } else {
                out.push(c);
                out.push(next);
                i += 2;
            }
            class_empty = false;
            continue;
        }
        if in_class {
            if c == ']' {
                if class_empty {
                    problem = problem.or(Some("an empty class (`[]` or `[^]`)"));
                }
                in_class = false;
            } else {
                class_empty = false;
            }
            out.push(c);
            i += 1;
            continue;
        }
        match c {
            '[' => {
                in_class = true;
                class_empty = true;
                out.push(c);
                if chars.get(i + 1) == Some(&'^') {
                    out.push('^');
                    i += 1;
                }
            }
            '(' => {
                let rest = &chars[i + 1..];
                let lookbehind =
                    rest.starts_with(&['?', '<', '=']) || rest.starts_with(&['?', '<', '!']);
                let capturing =
                    rest.first() != Some(&'?') || (rest.get(1) == Some(&'<') && !lookbehind);
                if capturing && groups.contains(&true) {
                    problem = problem.or(Some(
                        "a capturing group inside a lookbehind, which `fancy-regex` matches \
                         differently",
                    ));
                }
                groups.push(lookbehind);
                out.push(c);
            }
            ')' => {
                groups.pop();
                out.push(c);
            }
            ']' | '}' => {
                out.push('\\');
                out.push(c);
            }
            // `jsonschema` hands a pattern with lookaround to `fancy-regex` untranslated, where
            // `.` stops only at `\n`.
            '.' if rust_classes => out.push_str(r"[^\n]"),
            '{' => {
                let length = quantifier_length(&chars[i..]);
                out.extend(&chars[i..i + length.max(1)]);
                i += length.max(1);
                continue;
            }
            _ => out.push(c),
        }
        i += 1;
    }
    Translated {
        pattern: out,
        problem,
    }
}

/// Whether `jsonschema` compiles `source` without translating it to ECMAScript semantics.
///
/// Its translation goes through a parser without lookaround, and a pattern that holds any is
/// handed to `fancy-regex` as written, so `.`, `\d`, `\s` and `\w` take Rust's Unicode meanings
/// there. The exception is `^(?=…)…(?=…)rest`, which it splits into lookaround-free parts that
/// are each translated.
fn compiled_untranslated(source: &str) -> bool {
    if !contains_lookaround(source) {
        return false;
    }
    match split_leading_lookaheads(source) {
        Some(parts) => parts.iter().any(|part| contains_lookaround(part)),
        None => true,
    }
}

fn contains_lookaround(pattern: &str) -> bool {
    let mut in_class = false;
    let mut chars = pattern.char_indices();
    while let Some((index, c)) = chars.next() {
        match c {
            '\\' => {
                chars.next();
            }
            '[' if !in_class => in_class = true,
            ']' if in_class => in_class = false,
            '(' if !in_class => {
                let after = &pattern[index + 1..];
                if ["?=", "?!", "?<=", "?<!"]
                    .iter()
                    .any(|opener| after.starts_with(opener))
                {
                    return true;
                }
            }
            _ => {}
        }
    }
    false
}

/// `jsonschema`'s split of `^(?=a)(?=b)rest` into `a`, `b` and `rest`.
fn split_leading_lookaheads(pattern: &str) -> Option<Vec<&str>> {
    let mut rest = pattern.strip_prefix('^')?;
    let mut parts = Vec::new();
    while let Some(after) = rest.strip_prefix("(?=") {
        let end = scan_top_level(after, |c, depth| c == ')' && depth == 0)?;
        parts.push(&after[..end]);
        rest = &after[end + 1..];
    }
    if parts.is_empty()
        || rest.starts_with(['*', '+', '?', '{'])
        || scan_top_level(rest, |c, depth| c == '|' && depth == 0).is_some()
    {
        return None;
    }
    parts.push(rest);
    Some(parts)
}

/// The byte index of the first character outside escapes and classes for which `stop` holds,
/// given the group depth before it; `None` when there is none or a `)` has no `(`.
fn scan_top_level(pattern: &str, mut stop: impl FnMut(char, usize) -> bool) -> Option<usize> {
    let mut depth = 0_usize;
    let mut in_class = false;
    let mut chars = pattern.char_indices();
    while let Some((index, c)) = chars.next() {
        match c {
            '\\' => {
                chars.next();
            }
            '[' if !in_class => in_class = true,
            ']' if in_class => in_class = false,
            _ if in_class => {}
            _ if stop(c, depth) => return Some(index),
            '(' => depth += 1,
            ')' => depth = depth.checked_sub(1)?,
            _ => {}
        }
    }
    None
}

/// The length of a `{n}`, `{n,}` or `{n,m}` quantifier at the start of `chars`, or 0.
fn quantifier_length(chars: &[char]) -> usize {
    let mut i = 1;
    let digits = |i: &mut usize| {
        let start = *i;
        while chars.get(*i).is_some_and(char::is_ascii_digit) {
            *i += 1;
        }
        *i > start
    };
    if !digits(&mut i) {
        return 0;
    }
    if chars.get(i) == Some(&',') {
        i += 1;
        digits(&mut i);
    }
    if chars.get(i) == Some(&'}') {
        i + 1
    } else {
        0
    }
}

/// Whether `rest` (after `\u`) starts with four hexadecimal digits naming a surrogate.
fn is_surrogate_escape(rest: &[char]) -> bool {
    rest.len() >= 4
        && rest[..4].iter().all(char::is_ascii_hexdigit)
        && u32::from_str_radix(&rest[..4].iter().collect::<String>(), 16)
            .is_ok_and(|unit| (0xD800..=0xDFFF).contains(&unit))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn translation_keeps_ecmascript_and_loosens_escapes() {
        assert_eq!(translate(r"^[a-z]+\d{2,3}$").pattern, r"^[a-z]+\d{2,3}$");
        assert_eq!(translate(r"\p{L}\-\_").pattern, r"\p{L}-_");
        assert_eq!(translate(r"[\_\-]").pattern, r"[_\-]");
        assert_eq!(translate(r"a]}").pattern, r"a\]\}");
        assert!(translate(r"\bx").pattern.contains("Join_Control"));
        assert_eq!(
            translate(r"[\b]").problem,
            Some("`[\\b]` (backspace in a class)")
        );
        assert!(translate("[^]").problem.is_some());
        assert!(translate(r"\ud800").problem.is_some());
        assert!(translate(r"\u00e9").problem.is_none());
    }
}
