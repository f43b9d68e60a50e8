//! The `pattern` keyword: ECMAScript regular expressions, compiled the way `jsonschema` compiles
//! them and matched in time linear in the string wherever the expression allows it.
//!
//! A pattern goes through the crates `jsonschema` (0.61) goes through, in the same order, so that
//! a string matches here exactly when it matches there:
//!
//! 1. `jsonschema-regex` recognises literal shapes (`^prefix`, `^exact$`, `^(a|b|c)$`,
//!    `^\S*$`), which are decided by comparing strings;
//! 2. it translates the ECMAScript expression to the syntax of Rust's `regex` (`\d`, `\w`, `\s`
//!    and `.` keep their ECMAScript meanings), and decides anchored sequences of ASCII classes
//!    (`^[a-z][a-z0-9_]*$`) and `^X{m,n}$` counts without an engine;
//! 3. leading lookaheads (`^(?=.*\d)(?=.*[a-z])\w{8,}$`) are split into parts that must all
//!    match, each without lookaround;
//! 4. everything else is compiled by `regex`, whose matching is linear in the string;
//! 5. only what `regex` cannot express (lookaround elsewhere, backreferences) is compiled by
//!    `fancy-regex`, a backtracking engine, with [`BACKTRACK_LIMIT`]. A match that reaches the
//!    limit is an [`UnfinishedMatch`], never a verdict: the checks report it as an error, so
//!    the document is rejected.

use std::fmt;
use std::panic::{catch_unwind, AssertUnwindSafe};

use jsonschema_regex::{PatternAnalysis, RepeatedClass, Search, Sequence};

/// The most backtracking steps one match may take in `fancy-regex` before it is given up as an
/// [`UnfinishedMatch`]: `fancy-regex`'s own default, which `jsonschema` keeps unless told
/// otherwise.
pub const BACKTRACK_LIMIT: usize = 1_000_000;

/// A compiled `pattern`: an ECMAScript regular expression that [`Pattern::is_match`] searches
/// for anywhere in a string, as JSON Schema's `pattern` does (anchor it with `^…$` to match the
/// whole string).
///
/// The expression means what it means to `jsonschema`: without the `i` flag `\d` and `\w` are
/// ASCII only, `\s` is ECMAScript white space and line terminators, `.` stops at line
/// terminators, `\b` is a Unicode word boundary (as in Rust's `regex`), `\p{…}` follows the
/// Unicode tables of Rust's `regex`, and an expression with lookaround that is not a leading
/// lookahead is read by `fancy-regex` as written (there `.` stops only at `\n`, and `\d`, `\s`,
/// `\w` are Unicode classes).
///
/// ```
/// use modelgen_runtime::Pattern;
///
/// let pattern = Pattern::new(r"\d{3}").unwrap();
/// assert_eq!(pattern.is_match("ab123cd"), Ok(true));
/// assert_eq!(pattern.is_match("ab12cd"), Ok(false));
///
/// // Nested quantifiers cost linear time, whatever the string.
/// let nested = Pattern::new(r"^([a-zA-Z0-9]+\s?)+$").unwrap();
/// assert_eq!(nested.is_match(&format!("{}!", "a".repeat(10_000))), Ok(false));
/// ```
#[derive(Clone)]
pub struct Pattern {
    source: Box<str>,
    matcher: Matcher,
}

/// How a pattern is decided, from the cheapest to the only one that can give up.
#[derive(Clone)]
enum Matcher {
    /// `^prefix`.
    Prefix(Box<str>),
    /// `^exact$`.
    Exact(Box<str>),
    /// `^(a|b|c)$`.
    Alternation(Box<[String]>),
    /// `^\S*$`.
    NoWhitespace,
    /// Decided in linear time.
    Linear(Linear),
    /// `^(?=a)(?=b)c`: every part must match.
    All(Box<[Linear]>),
    /// Lookaround or backreferences, in `fancy-regex` with [`BACKTRACK_LIMIT`].
    Backtracking(Box<fancy_regex::Regex>),
}

/// A matcher without lookaround, linear in the string.
#[derive(Clone)]
enum Linear {
    /// `^X{m,n}$` over one class: the characters are counted.
    RepeatedClass(RepeatedClass),
    /// A sequence of ASCII classes, with `regex` for the strings it leaves undecided.
    Sequence(Box<Sequence>, regex::Regex),
    /// Rust's `regex`.
    Regex(regex::Regex),
}

impl Linear {
    /// The lookaround-free matcher `jsonschema` uses for a part of a split pattern, or `None`
    /// when the part needs more.
    fn compile(source: &str) -> Option<Self> {
        let translated = jsonschema_regex::to_rust_regex(source).ok()?;
        Self::sequence(&translated).or_else(|| Self::searched(source, &translated))
    }

    /// A sequence of ASCII classes, for the translation of a pattern.
    fn sequence(translated: &str) -> Option<Self> {
        let sequence = Sequence::compile(translated)?;
        let fallback = regex::Regex::new(translated).ok()?;
        Some(Self::Sequence(Box::new(sequence), fallback))
    }

    /// `source`, translated as `translated`, as a count of characters or in `regex`; `None`
    /// when `regex` does not compile it.
    fn searched(source: &str, translated: &str) -> Option<Self> {
        let regex = match jsonschema_regex::search_form(source, translated) {
            Some(Search::RepeatedClass(class)) => return Some(Self::RepeatedClass(class)),
            Some(Search::Collapsed(collapsed)) => regex::Regex::new(&collapsed),
            None => regex::Regex::new(translated),
        };
        regex.ok().map(Self::Regex)
    }

    #[inline]
    fn is_match(&self, text: &str) -> Result<bool, UnfinishedMatch> {
        match self {
            Self::RepeatedClass(class) => Ok(class.is_match(text)),
            Self::Sequence(sequence, fallback) => match sequence.is_match(text.as_bytes()) {
                Some(matched) => Ok(matched),
                None => regex_is_match(fallback, text),
            },
            Self::Regex(regex) => regex_is_match(regex, text),
        }
    }
}

/// `regex`'s match, with a panic of the engine (which `jsonschema` guards against too:
/// rust-lang/regex#1344) turned into an [`UnfinishedMatch`].
#[inline]
fn regex_is_match(regex: &regex::Regex, text: &str) -> Result<bool, UnfinishedMatch> {
    catch_unwind(AssertUnwindSafe(|| regex.is_match(text))).map_err(|_| UnfinishedMatch::Panicked)
}

impl Pattern {
    /// Compiles `source`.
    ///
    /// # Errors
    ///
    /// A description of the problem when `source` is not a pattern `jsonschema` compiles.
    pub fn new(source: &str) -> Result<Self, String> {
        let matcher = Self::matcher(source).ok_or_else(|| {
            format!("`{source}` is not a regular expression that `jsonschema` compiles")
        })?;
        Ok(Self {
            source: source.into(),
            matcher,
        })
    }

    /// Compiles `source` as a `pattern` of a model: [`Pattern::new`], for an expression that is
    /// ECMAScript and means the same everywhere, so that a bad one is reported when the code is
    /// generated rather than when it runs.
    ///
    /// The pattern must be an ECMAScript regular expression (`jsonschema-regex`'s syntax check,
    /// the one `jsonschema` runs for `format: regex`) and compile as [`Pattern::new`] compiles
    /// it. Backreferences are turned down as well: `fancy-regex` fails a reference to a group
    /// that did not take part, where ECMAScript matches the empty string, so a schema reader in
    /// another language would judge some strings differently.
    ///
    /// # Errors
    ///
    /// What is wrong with the pattern.
    pub fn checked(source: &str) -> Result<Self, String> {
        if !jsonschema_regex::is_valid_ecma_regex(source) {
            return Err(format!(
                "`{source}` is not a valid ECMAScript regular expression"
            ));
        }
        let pattern = Self::new(source)?;
        if pattern.backtracks() && has_backreference(source) {
            return Err(format!(
                "`{source}` has a backreference, which `jsonschema` fails where ECMAScript \
                 matches the empty string"
            ));
        }
        Ok(pattern)
    }

    fn matcher(source: &str) -> Option<Matcher> {
        if let Some(analysis) = jsonschema_regex::analyze_pattern(source) {
            return Some(match analysis {
                PatternAnalysis::Prefix(prefix) => Matcher::Prefix(prefix.into()),
                PatternAnalysis::Exact(exact) => Matcher::Exact(exact.into()),
                PatternAnalysis::Alternation(alternatives) => {
                    Matcher::Alternation(alternatives.into())
                }
                PatternAnalysis::NoWhitespace => Matcher::NoWhitespace,
            });
        }
        let translated = jsonschema_regex::to_rust_regex(source).ok()?;
        if let Some(sequence) = Linear::sequence(&translated) {
            return Some(Matcher::Linear(sequence));
        }
        if let Some(parts) = jsonschema_regex::split_leading_lookaheads(source) {
            let parts: Option<Box<[Linear]>> =
                parts.iter().map(|part| Linear::compile(part)).collect();
            if let Some(parts) = parts {
                return Some(Matcher::All(parts));
            }
        }
        if let Some(linear) = Linear::searched(source, &translated) {
            return Some(Matcher::Linear(linear));
        }
        let fancy = match jsonschema_regex::search_form(source, &translated) {
            Some(Search::Collapsed(collapsed)) => collapsed,
            _ => translated.into_owned(),
        };
        fancy_regex::RegexBuilder::new(&fancy)
            .backtrack_limit(BACKTRACK_LIMIT)
            .build()
            .ok()
            .map(|regex| Matcher::Backtracking(Box::new(regex)))
    }

    /// Whether the expression matches anywhere in `text`.
    ///
    /// # Errors
    ///
    /// [`UnfinishedMatch`] when the backtracking engine gave up (only for an expression with
    /// lookaround or backreferences): the string neither matches nor fails to match, and a
    /// check must not take it.
    #[inline]
    pub fn is_match(&self, text: &str) -> Result<bool, UnfinishedMatch> {
        match &self.matcher {
            Matcher::Prefix(prefix) => Ok(text.starts_with(&**prefix)),
            Matcher::Exact(exact) => Ok(text == &**exact),
            Matcher::Alternation(alternatives) => Ok(alternatives.iter().any(|a| a == text)),
            Matcher::NoWhitespace => Ok(!jsonschema_regex::contains_ecma_whitespace(text)),
            Matcher::Linear(linear) => linear.is_match(text),
            Matcher::All(parts) => {
                for part in parts {
                    if !part.is_match(text)? {
                        return Ok(false);
                    }
                }
                Ok(true)
            }
            Matcher::Backtracking(regex) => {
                match catch_unwind(AssertUnwindSafe(|| regex.is_match(text))) {
                    Ok(Ok(matched)) => Ok(matched),
                    Ok(Err(_)) => Err(UnfinishedMatch::BacktrackLimit),
                    Err(_) => Err(UnfinishedMatch::Panicked),
                }
            }
        }
    }

    /// Whether matching may give up with an [`UnfinishedMatch`] at [`BACKTRACK_LIMIT`]: the
    /// expression has lookaround (other than leading lookaheads) or backreferences, which only
    /// a backtracking engine runs.
    #[must_use]
    pub fn backtracks(&self) -> bool {
        matches!(self.matcher, Matcher::Backtracking(_))
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

/// A match that could not be decided: the string is neither taken nor turned down by the
/// pattern, and the checks reject the document with an error naming the pattern.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnfinishedMatch {
    /// The backtracking engine reached [`BACKTRACK_LIMIT`].
    BacktrackLimit,
    /// The regular expression engine failed (a panic inside it, caught).
    Panicked,
}

impl fmt::Display for UnfinishedMatch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::BacktrackLimit => write!(
                f,
                "matching gave up after {BACKTRACK_LIMIT} backtracking steps"
            ),
            Self::Panicked => f.write_str("the regular expression engine failed"),
        }
    }
}

impl std::error::Error for UnfinishedMatch {}

/// Checks that `source` is a `pattern` that the generated code can run and that means the same
/// everywhere, for reporting a bad one when the code is generated rather than when it runs; the
/// same as [`Pattern::checked`] without keeping the compiled pattern.
///
/// # Errors
///
/// What is wrong with the pattern.
pub fn check_pattern_syntax(source: &str) -> Result<(), String> {
    Pattern::checked(source).map(|_| ())
}

/// Whether `source` holds `\1`…`\9` or `\k<…>` outside a class.
fn has_backreference(source: &str) -> bool {
    let mut in_class = false;
    let mut chars = source.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                if let Some(next) = chars.next() {
                    if !in_class && (matches!(next, '1'..='9' | 'k')) {
                        return true;
                    }
                }
            }
            '[' => in_class = true,
            ']' => in_class = false,
            _ => {}
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_shape_gets_its_matcher() {
        let kind = |source: &str| match Pattern::new(source).expect("compiles").matcher {
            Matcher::Prefix(_) => "prefix",
            Matcher::Exact(_) => "exact",
            Matcher::Alternation(_) => "alternation",
            Matcher::NoWhitespace => "no whitespace",
            Matcher::Linear(Linear::RepeatedClass(_)) => "repeated class",
            Matcher::Linear(Linear::Sequence(..)) => "sequence",
            Matcher::Linear(Linear::Regex(_)) => "regex",
            Matcher::All(_) => "all",
            Matcher::Backtracking(_) => "backtracking",
        };
        assert_eq!(kind("^cus_"), "prefix");
        assert_eq!(kind("^GB$"), "exact");
        assert_eq!(kind("^(get|put)$"), "alternation");
        assert_eq!(kind(r"^\S*$"), "no whitespace");
        assert_eq!(kind("^[a-z]{1,100000}$"), "repeated class");
        assert_eq!(kind("^[a-z][a-z0-9_]*$"), "sequence");
        assert_eq!(kind(r"^(a+)+$"), "regex");
        assert_eq!(kind(r"^(?=.*\d)(?=.*[a-z])\w{8,}$"), "all");
        assert_eq!(kind(r"a(?!b)"), "backtracking");
        assert_eq!(kind(r"(a)\1"), "backtracking");
    }

    #[test]
    fn nested_quantifiers_decide_long_strings() {
        let text = format!("{}!", "a".repeat(100_000));
        for source in [r"^(a+)+$", r"^([a-zA-Z0-9]+\s?)+$", r"^(\w+\s?)*$"] {
            let pattern = Pattern::new(source).expect("compiles");
            assert_eq!(pattern.is_match(&text), Ok(false), "{source}");
            assert_eq!(pattern.is_match(&text[..1000]), Ok(true), "{source}");
        }
    }

    #[test]
    fn the_backtracking_limit_leaves_the_match_unfinished() {
        // The lookahead keeps the repetition in the backtracking engine.
        let pattern = Pattern::new(r"^(a|(?=a)a)*$").expect("compiles");
        assert!(pattern.backtracks());
        assert_eq!(pattern.is_match("aaa"), Ok(true));
        assert_eq!(pattern.is_match("aac"), Ok(false));
        let long = format!("{}c", "a".repeat(64));
        assert_eq!(
            pattern.is_match(&long),
            Err(UnfinishedMatch::BacktrackLimit)
        );
    }

    #[test]
    fn syntax_check_wants_ecmascript_that_compiles_without_backreferences() {
        assert!(check_pattern_syntax(r"^[a-z]+\d{2,3}$").is_ok());
        assert!(check_pattern_syntax(r"^(?=.*\d).+$").is_ok());
        assert!(check_pattern_syntax("(unclosed").is_err());
        assert!(check_pattern_syntax(r"(a)\1").is_err());
        assert!(check_pattern_syntax(r"(?<n>a)\k<n>").is_err());
    }
}
