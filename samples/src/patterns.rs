//! The `pattern` keyword: strings are matched by the matcher of the generated code
//! ([`modelgen_runtime::Pattern`], which goes through the crates `jsonschema` goes through), and
//! strings that match are built by `rand_regex` from the pattern's syntax tree.
//!
//! Building works on the pattern as `jsonschema-regex` translates it for Rust's `regex`, parsed
//! by `regex-syntax`. A pattern whose leading lookaheads `jsonschema-regex` splits off is built
//! from what follows them. Anchors and word boundaries are dropped from the tree (`rand_regex`
//! cannot build them) and repetitions are capped, so every built string is checked by the
//! matcher and misses are thrown away. Patterns with other lookaround or with backreferences are
//! matched but not built.

use std::cell::RefCell;
use std::collections::HashMap;
use std::string::FromUtf8Error;

use modelgen_runtime::Pattern;
use rand::distr::Distribution;
use rand::rngs::Xoshiro256PlusPlus;
use rand::SeedableRng;
use regex_syntax::hir::{Class, ClassUnicode, ClassUnicodeRange, Hir, HirKind, Repetition};

use crate::rng::Rng;

/// Repetitions beyond the least count in an ordinary built string.
const SHORT_REPEAT: u32 = 3;
/// Repetitions beyond the least count in a stretched one, for strings near a length bound.
const LONG_REPEAT: u32 = 40;
/// The longest string, in bytes, that a generator may build: a pattern that needs more (say
/// `^a{100000}$`) is not built.
const MAX_BUILT: usize = 4 * 4_096;
/// Strings built per call before giving up when the matcher takes none of them.
const ATTEMPTS: usize = 4;
/// Verdicts remembered per backtracking pattern before the memory is cleared.
const REMEMBERED: usize = 4_096;
/// Characters a class is narrowed to in plain strings, where it has any of them: printable
/// ASCII and a few wider ones, so that built strings stay readable and fit formats more often.
const PLAIN: &[(char, char)] = &[
    (' ', '~'),
    ('é', 'é'),
    ('ß', 'ß'),
    ('中', '中'),
    ('😀', '😀'),
];

/// A compiled `pattern`: its matcher, and generators of matching strings where the pattern can
/// be built.
#[derive(Debug)]
pub(crate) struct Regex {
    pattern: Pattern,
    builders: Option<Builders>,
    /// Verdicts on strings already matched, for a pattern that backtracks: the checker judges
    /// the same strings again and again, and a match given up at the backtracking limit is
    /// slow to reach.
    verdicts: Option<RefCell<HashMap<String, Option<bool>>>>,
}

/// Generators for one pattern.
#[derive(Debug)]
struct Builders {
    /// Few repetitions, classes narrowed to [`PLAIN`].
    plain: rand_regex::Regex,
    /// Many repetitions, classes narrowed to [`PLAIN`].
    stretched: rand_regex::Regex,
    /// Few repetitions, classes whole: any character a class allows.
    wide: rand_regex::Regex,
}

impl Regex {
    /// The pattern, or `None` when it is not one `jsonschema` compiles.
    pub(crate) fn parse(source: &str) -> Option<Regex> {
        let pattern = Pattern::new(source).ok()?;
        let builders = syntax_tree(source).and_then(|hir| {
            Some(Builders {
                plain: builder(&hir, SHORT_REPEAT, true)?,
                stretched: builder(&hir, LONG_REPEAT, true)?,
                wide: builder(&hir, SHORT_REPEAT, false)?,
            })
        });
        let verdicts = pattern.backtracks().then(RefCell::default);
        Some(Regex {
            pattern,
            builders,
            verdicts,
        })
    }

    /// Whether the pattern matches anywhere in `text`; `None` when the matcher gave up (the
    /// backtracking limit of an expression with lookaround or backreferences).
    pub(crate) fn is_match(&self, text: &str) -> Option<bool> {
        let Some(verdicts) = &self.verdicts else {
            return self.pattern.is_match(text).ok();
        };
        if let Some(verdict) = verdicts.borrow().get(text) {
            return *verdict;
        }
        let verdict = self.pattern.is_match(text).ok();
        let mut verdicts = verdicts.borrow_mut();
        if verdicts.len() >= REMEMBERED {
            verdicts.clear();
        }
        verdicts.insert(text.to_owned(), verdict);
        verdict
    }

    /// Whether [`Regex::generate`] can build strings for this pattern at all.
    pub(crate) fn can_generate(&self) -> bool {
        self.builders.is_some()
    }

    /// A string that the pattern matches, built from `rng`; `stretch` lets repetitions run
    /// longer. `None` when the pattern cannot be built or no built string matched.
    pub(crate) fn generate(&self, rng: &mut Rng, stretch: bool) -> Option<String> {
        let builders = self.builders.as_ref()?;
        let builder = if stretch {
            &builders.stretched
        } else if rng.chance(25) {
            &builders.wide
        } else {
            &builders.plain
        };
        // A named, fast algorithm rather than `StdRng`, whose ChaCha is slow in unoptimised test
        // builds and whose algorithm `rand` may change.
        let mut random = Xoshiro256PlusPlus::seed_from_u64(rng.next_u64());
        (0..ATTEMPTS).find_map(|_| {
            let built: Result<String, FromUtf8Error> = builder.sample(&mut random);
            built.ok().filter(|s| self.is_match(s) == Some(true))
        })
    }
}

/// The syntax tree of what strings of `source` are built from: the pattern translated for
/// Rust's `regex`, or the part after its leading lookaheads; `None` when neither parses.
fn syntax_tree(source: &str) -> Option<Hir> {
    let parse = |source: &str| {
        let translated = jsonschema_regex::to_rust_regex(source).ok()?;
        regex_syntax::parse(&translated).ok()
    };
    parse(source).or_else(|| {
        let parts = jsonschema_regex::split_leading_lookaheads(source)?;
        parse(parts.last()?)
    })
}

/// A generator for `hir` with at most `extra` repetitions beyond each least count, and classes
/// narrowed to [`PLAIN`] when `plain`; `None` when its strings could be longer than
/// [`MAX_BUILT`] or `rand_regex` refuses the tree.
fn builder(hir: &Hir, extra: u32, plain: bool) -> Option<rand_regex::Regex> {
    let narrow = plain.then(|| {
        ClassUnicode::new(
            PLAIN
                .iter()
                .map(|&(start, end)| ClassUnicodeRange::new(start, end)),
        )
    });
    let hir = buildable(hir, extra, narrow.as_ref());
    // Checked before `rand_regex` sees the tree: it multiplies the lengths of nested
    // repetitions without checking for overflow.
    if hir.properties().maximum_len()? > MAX_BUILT {
        return None;
    }
    rand_regex::Regex::with_hir(hir, extra).ok()
}

/// `hir` without anchors and word boundaries, with repetitions capped at `extra` beyond their
/// least count, and Unicode classes narrowed to `narrow` where they share characters with it.
fn buildable(hir: &Hir, extra: u32, narrow: Option<&ClassUnicode>) -> Hir {
    match hir.kind() {
        HirKind::Look(_) => Hir::empty(),
        HirKind::Class(Class::Unicode(class)) => match narrow {
            Some(narrow) => {
                let mut narrowed = class.clone();
                narrowed.intersect(narrow);
                if narrowed.ranges().is_empty() {
                    hir.clone()
                } else {
                    Hir::class(Class::Unicode(narrowed))
                }
            }
            None => hir.clone(),
        },
        HirKind::Repetition(repetition) => {
            let most = repetition.min.saturating_add(extra);
            Hir::repetition(Repetition {
                min: repetition.min,
                max: Some(repetition.max.map_or(most, |max| max.min(most))),
                greedy: repetition.greedy,
                sub: Box::new(buildable(&repetition.sub, extra, narrow)),
            })
        }
        HirKind::Capture(capture) => buildable(&capture.sub, extra, narrow),
        HirKind::Concat(parts) => Hir::concat(
            parts
                .iter()
                .map(|part| buildable(part, extra, narrow))
                .collect(),
        ),
        HirKind::Alternation(branches) => Hir::alternation(
            branches
                .iter()
                .map(|branch| buildable(branch, extra, narrow))
                .collect(),
        ),
        HirKind::Empty | HirKind::Literal(_) | HirKind::Class(Class::Bytes(_)) => hir.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matches(pattern: &str, text: &str) -> Option<bool> {
        Regex::parse(pattern)?.is_match(text)
    }

    #[test]
    fn matches_like_ecmascript() {
        assert_eq!(matches("^[A-Z]{3}-[0-9]{2}$", "ABC-12"), Some(true));
        assert_eq!(matches("^[A-Z]{3}-[0-9]{2}$", "ABC-123"), Some(false));
        assert_eq!(matches("[0-9]", "abc1"), Some(true), "unanchored");
        assert_eq!(matches("^a|b$", "xb"), Some(true));
        assert_eq!(matches("^(?:ab)+$", "ababab"), Some(true));
        assert_eq!(matches("^(?:ab)+$", "aba"), Some(false));
        assert_eq!(matches("^\\d+(\\.\\d{1,2})?$", "12.50"), Some(true));
        assert_eq!(matches("^\\d+(\\.\\d{1,2})?$", "12.505"), Some(false));
        assert_eq!(matches("^\\d$", "٣"), Some(false), "\\d is ASCII only");
        assert_eq!(matches("^\\w+$", "abc_9"), Some(true));
        assert_eq!(matches("^\\w+$", "é"), Some(false), "\\w is ASCII only");
        assert_eq!(matches("^[^\\s@]+@[^\\s@]+$", "a@b"), Some(true));
        assert_eq!(matches("^[^\\s@]+@[^\\s@]+$", "a @b"), Some(false));
        assert_eq!(
            matches("^\\s$", "\u{a0}"),
            Some(true),
            "ECMAScript white space"
        );
        assert_eq!(matches("^.$", "\n"), Some(false));
        assert_eq!(matches("^.$", "😀"), Some(true), "one code point");
        assert_eq!(matches("^a{2,}?$", "aaaa"), Some(true));
        assert_eq!(matches("\\bcat\\b", "a cat!"), Some(true));
        assert_eq!(matches("\\bcat\\b", "concat"), Some(false));
        assert_eq!(matches("^[\\u0041-\\u005A]+$", "HELLO"), Some(true));
        assert_eq!(matches("^\\p{L}+$", "héllo中"), Some(true));
        assert_eq!(matches("^\\p{L}+$", "h1"), Some(false));
        assert_eq!(matches("^[a\\-z]+$", "-a-"), Some(true));
        assert_eq!(matches("^(?=.*\\d)\\w{3}$", "ab1"), Some(true), "lookahead");
        assert_eq!(
            matches("^(?=.*\\d)\\w{3}$", "abc"),
            Some(false),
            "lookahead"
        );
        assert_eq!(matches("a(?!b)", "ab"), Some(false), "lookaround");
        assert_eq!(matches("(", "("), None, "not a pattern");
        let nested = format!("{}b", "a".repeat(10_000));
        assert_eq!(matches("^(a*)*$", &nested), Some(false), "linear time");
    }

    #[test]
    fn built_strings_and_their_near_misses_are_judged_as_jsonschema_judges() {
        let mut rng = Rng::new(17);
        for pattern in [
            "^[A-Z]{2}[0-9]{2}[A-Z0-9]{1,30}$",
            "^(?:\\+|00)[1-9]\\d{6,14}$",
            "^[\\w.+-]+@[\\w-]+\\.[\\w.]+$",
            "^#?([a-fA-F0-9]{6}|[a-fA-F0-9]{3})$",
            "^\\S+( \\S+)*$",
            "\\bv\\d+\\b",
            "[^\\x00-\\x7f]",
            "^\\p{Lu}[\\p{L}\\s'-]*$",
            "^[\\u4e00-\\u9fff]{1,4}$",
            "^.{2,6}$",
            "^(?=.*[A-Z])(?=.*\\d)[A-Za-z\\d]{8,}$",
            "^a*?b+?$",
        ] {
            let regex = Regex::parse(pattern).unwrap();
            let schema =
                jsonschema::validator_for(&serde_json::json!({ "pattern": pattern })).unwrap();
            let mut judged = 0;
            for i in 0..40 {
                let Some(built) = regex.generate(&mut rng, i % 4 == 0) else {
                    continue;
                };
                let chars: Vec<char> = built.chars().collect();
                let at = rng.below(chars.len().max(1));
                let mut misses = vec![format!("~{built}"), format!("{built}!"), built.repeat(2)];
                if !chars.is_empty() {
                    let mut changed = chars.clone();
                    changed[at] = if chars[at].is_ascii_digit() { 'x' } else { '7' };
                    misses.push(changed.into_iter().collect());
                    misses.push(chars[1..].iter().collect());
                }
                assert!(
                    schema.is_valid(&serde_json::json!(built)),
                    "{pattern}: {built:?}"
                );
                for text in misses {
                    assert_eq!(
                        regex.is_match(&text),
                        Some(schema.is_valid(&serde_json::json!(text))),
                        "{pattern}: {text:?}"
                    );
                    judged += 1;
                }
            }
            assert!(judged >= 100, "{pattern}: only {judged} strings judged");
        }
    }

    #[test]
    fn gives_up_without_a_verdict_at_the_backtracking_limit() {
        let pattern = Regex::parse("^(a|(?=a)a)*$").unwrap();
        assert_eq!(pattern.is_match("aaa"), Some(true));
        assert_eq!(pattern.is_match(&format!("{}c", "a".repeat(64))), None);
    }

    #[test]
    fn generated_strings_match() {
        let mut rng = Rng::new(3);
        for pattern in [
            "^[A-Z]{3}-[0-9]{2}$",
            "^(?:cat|dog)s?$",
            "^\\w+@\\w+\\.com$",
            "[^a-z]+",
            "^\\S{2,5}$",
            "^\\d{4}-\\d{2}$",
            "^[\\u00e9\\u4e2d]+$",
            "^\\p{Lu}\\p{Ll}*$",
            "\\bword\\b",
            "^a|b$",
            "^.{1,3}$",
            "^[a-z]{1,100000}$",
            "^(?=.*\\d)(?=.*[a-z])\\w{8,}$",
        ] {
            let regex = Regex::parse(pattern).unwrap();
            assert!(regex.can_generate(), "{pattern}");
            for stretch in [false, true, false, false, false, false] {
                let s = regex.generate(&mut rng, stretch).unwrap();
                assert_eq!(regex.is_match(&s), Some(true), "{pattern}: {s:?}");
                assert!(s.len() <= MAX_BUILT, "{pattern}: {} bytes", s.len());
            }
        }
    }

    #[test]
    fn stretched_strings_run_longer() {
        let regex = Regex::parse("^[a-z]+$").unwrap();
        let mut rng = Rng::new(5);
        let longest = |rng: &mut Rng, stretch| {
            (0..20)
                .map(|_| regex.generate(rng, stretch).unwrap().len())
                .max()
                .unwrap()
        };
        assert!(longest(&mut rng, false) <= 1 + SHORT_REPEAT as usize);
        assert!(longest(&mut rng, true) > 1 + SHORT_REPEAT as usize);
    }

    #[test]
    fn generation_is_deterministic_for_a_seed() {
        let regex = Regex::parse("^[\\w.-]{3,12}@[a-z]+\\.(?:org|net)$").unwrap();
        let run = |seed| {
            let mut rng = Rng::new(seed);
            (0..10)
                .map(|i| regex.generate(&mut rng, i % 3 == 0))
                .collect::<Vec<_>>()
        };
        assert_eq!(run(7), run(7));
        assert_ne!(run(7), run(8));
    }

    #[test]
    fn what_cannot_be_built_is_still_matched() {
        for pattern in ["a(?!b)", "(a)\\1", "(?<!x)y"] {
            let regex = Regex::parse(pattern).unwrap();
            assert!(!regex.can_generate(), "{pattern}");
            assert_eq!(regex.generate(&mut Rng::new(1), false), None);
            assert!(regex.is_match("xay b aa y").is_some(), "{pattern}");
        }
        let huge = Regex::parse("^a{100000}$").unwrap();
        assert!(!huge.can_generate(), "too long to build");
        assert_eq!(huge.is_match(&"a".repeat(100_000)), Some(true));
        // Too big for `regex` to compile, so only the builder sees it.
        let nested = regex_syntax::parse("(?:(?:(?:(?:a{9000}){9000}){9000}){9000})?").unwrap();
        assert!(builder(&nested, SHORT_REPEAT, true).is_none());
    }

    #[test]
    fn wide_strings_use_the_whole_class() {
        let regex = Regex::parse("^[^a-z]{8}$").unwrap();
        let mut rng = Rng::new(11);
        let strings: Vec<String> = (0..40)
            .filter_map(|_| regex.generate(&mut rng, false))
            .collect();
        assert_eq!(strings.len(), 40);
        let plain = |c: char| PLAIN.iter().any(|&(start, end)| start <= c && c <= end);
        assert!(strings.iter().any(|s| s.chars().all(plain)), "{strings:?}");
        assert!(strings.iter().any(|s| !s.chars().all(plain)), "{strings:?}");
    }
}
