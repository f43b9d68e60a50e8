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
    /// The same expression as a small automaton, when it is simple enough (see [`Simple`]).
    simple: Option<Simple>,
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
            simple: Simple::parse(source),
        })
    }

    /// Whether the expression matches anywhere in `text`.
    #[must_use]
    #[inline]
    pub fn is_match(&self, text: &str) -> bool {
        match &self.simple {
            Some(simple) => simple.is_match(text.as_bytes()),
            None => self.regex.find(text).is_some(),
        }
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

/// A set of ASCII bytes.
#[derive(Clone, Copy, Default, PartialEq, Eq)]
struct ByteSet([u64; 2]);

impl ByteSet {
    fn insert(&mut self, b: u8) {
        self.0[usize::from(b >> 6)] |= 1 << (b & 63);
    }

    fn insert_range(&mut self, from: u8, to: u8) {
        for b in from..=to {
            self.insert(b);
        }
    }

    #[inline]
    fn contains(self, b: u8) -> bool {
        b < 128 && self.0[usize::from(b >> 6)] & (1 << (b & 63)) != 0
    }
}

/// How often an item of a [`Simple`] pattern occurs.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Repeat {
    /// Exactly once.
    One,
    /// Once or not at all.
    Optional,
    /// Any number of times.
    Star,
}

/// A pattern that is a sequence of ASCII character sets, each with a quantifier, optionally
/// anchored with a leading `^` and a trailing `$`: `^cus_[a-z0-9]+$`, `^[A-Z]{2}\d{4,6}$`,
/// `@example\.com$`.
///
/// Matched by simulating its automaton over the bytes with one bit per item, which is what the
/// regular expression decides: a search (not anchored unless `^`/`$` say so) whose success does
/// not depend on greediness or backtracking order. Every set is ASCII only, so a byte of a
/// multi-byte UTF-8 character matches no item, exactly as its character matches no set.
///
/// Only sources whose every construct is understood here are taken, and they read the same
/// before and after [`translate`] (it changes no literal, class or `\d`/`\w` of a pattern
/// without lookaround, and turns loose punctuation escapes into the character itself, as here).
#[derive(Clone)]
struct Simple {
    /// For each ASCII byte, bit `k`: item `k` matches the byte. (Items are the sets expanded so
    /// that each occurs once, optionally, or any number of times.)
    masks: Box<[u64; 128]>,
    /// How many items there are; bit `items` is the accepting state.
    items: u32,
    /// Bit `k`: item `k` is `Star` (it loops on itself).
    star: u64,
    /// Bit `k`: item `k` may be skipped (`Optional` or `Star`).
    skip: u64,
    /// Whether the match must start at the start of the text (`^`).
    start_anchor: bool,
    /// Whether the match must end at the end of the text (`$`).
    end_anchor: bool,
}

impl Simple {
    /// The most items after expanding counted repetitions (`{2,4}` is four items).
    const MAX_ITEMS: usize = 63;

    /// The automaton of `source`, or `None` when the source uses anything beyond literal ASCII
    /// characters, escaped ASCII punctuation, `\d`, `\w`, non-negated classes of those (with
    /// ranges), the quantifiers `?`, `*`, `+`, `{n}`, `{n,}`, `{n,m}` (greedy or lazy), and a
    /// leading `^` and a trailing `$`.
    fn parse(source: &str) -> Option<Simple> {
        let bytes = source.as_bytes();
        if !bytes.is_ascii() {
            return None;
        }
        let mut at = 0;
        let start_anchor = bytes.first() == Some(&b'^');
        if start_anchor {
            at = 1;
        }
        let mut end = bytes.len();
        // A trailing `$` is an anchor unless it is escaped (an odd run of backslashes before it).
        let end_anchor = end > at && bytes[end - 1] == b'$' && {
            let backslashes = bytes[at..end - 1]
                .iter()
                .rev()
                .take_while(|&&b| b == b'\\')
                .count();
            backslashes % 2 == 0
        };
        if end_anchor {
            end -= 1;
        }
        let mut items: Vec<(ByteSet, Repeat)> = Vec::new();
        while at < end {
            let (set, next) = Self::atom(bytes, at, end)?;
            at = next;
            let (min, max, next) = Self::quantifier(bytes, at, end)?;
            at = next;
            for _ in 0..min {
                items.push((set, Repeat::One));
            }
            match max {
                None => items.push((set, Repeat::Star)),
                Some(max) => {
                    for _ in min..max {
                        items.push((set, Repeat::Optional));
                    }
                }
            }
            if items.len() > Self::MAX_ITEMS {
                return None;
            }
        }
        let mut star = 0;
        let mut skip = 0;
        for (index, (_, repeat)) in items.iter().enumerate() {
            if *repeat == Repeat::Star {
                star |= 1 << index;
            }
            if *repeat != Repeat::One {
                skip |= 1 << index;
            }
        }
        let mut masks = Box::new([0_u64; 128]);
        for (index, (set, _)) in items.iter().enumerate() {
            for b in 0..128_u8 {
                if set.contains(b) {
                    masks[usize::from(b)] |= 1 << index;
                }
            }
        }
        Some(Simple {
            masks,
            items: u32::try_from(items.len()).ok()?,
            star,
            skip,
            start_anchor,
            end_anchor,
        })
    }

    /// The set of one atom at `at` (before `end`) and the index after it.
    fn atom(bytes: &[u8], at: usize, end: usize) -> Option<(ByteSet, usize)> {
        let mut set = ByteSet::default();
        match bytes[at] {
            b'\\' => {
                let escaped = *bytes[..end].get(at + 1)?;
                Self::escape(escaped, &mut set)?;
                Some((set, at + 2))
            }
            b'[' => {
                let mut i = at + 1;
                if matches!(bytes[..end].get(i), Some(b'^' | b']') | None) {
                    return None;
                }
                loop {
                    let b = *bytes[..end].get(i)?;
                    if b == b']' {
                        return Some((set, i + 1));
                    }
                    // One class atom: a character or an escape.
                    let (low, next) = Self::class_atom(bytes, i, end, &mut set)?;
                    i = next;
                    if let Some(low) = low {
                        if bytes[..end].get(i) == Some(&b'-')
                            && bytes[..end].get(i + 1).is_some_and(|&b| b != b']')
                        {
                            let mut ignored = ByteSet::default();
                            let (high, next) = Self::class_atom(bytes, i + 1, end, &mut ignored)?;
                            let high = high?;
                            if low > high {
                                return None;
                            }
                            set.insert_range(low, high);
                            i = next;
                        } else {
                            set.insert(low);
                        }
                    } else if bytes[..end].get(i) == Some(&b'-')
                        && bytes[..end].get(i + 1).is_some_and(|&b| b != b']')
                    {
                        // A range from a class escape (`[\\d-z]`): an error in ECMAScript.
                        return None;
                    }
                }
            }
            b if b.is_ascii_alphanumeric()
                || matches!(
                    b,
                    b' ' | b'!'
                        | b'"'
                        | b'#'
                        | b'%'
                        | b'&'
                        | b'\''
                        | b','
                        | b'-'
                        | b':'
                        | b';'
                        | b'<'
                        | b'='
                        | b'>'
                        | b'@'
                        | b'_'
                        | b'`'
                        | b'~'
                ) =>
            {
                set.insert(b);
                Some((set, at + 1))
            }
            _ => None,
        }
    }

    /// A character of a class at `at`: `Some(c)` for a single character (which may start a
    /// range), or `None` after adding a class escape (`\d`, `\w`) to `set`.
    fn class_atom(
        bytes: &[u8],
        at: usize,
        end: usize,
        set: &mut ByteSet,
    ) -> Option<(Option<u8>, usize)> {
        match bytes[at] {
            b'\\' => {
                let escaped = *bytes[..end].get(at + 1)?;
                if matches!(escaped, b'd' | b'w') {
                    Self::escape(escaped, set)?;
                    Some((None, at + 2))
                } else if escaped.is_ascii_punctuation() && !matches!(escaped, b'<' | b'>') {
                    Some((Some(escaped), at + 2))
                } else {
                    None
                }
            }
            // `[` in a class is a character in ECMAScript but not everywhere; leave it to regress.
            b'[' => None,
            b if (b' '..=b'~').contains(&b) => Some((Some(b), at + 1)),
            _ => None,
        }
    }

    /// Adds what `\<escaped>` outside a class matches.
    fn escape(escaped: u8, set: &mut ByteSet) -> Option<()> {
        match escaped {
            b'd' => set.insert_range(b'0', b'9'),
            b'w' => {
                set.insert_range(b'0', b'9');
                set.insert_range(b'a', b'z');
                set.insert_range(b'A', b'Z');
                set.insert(b'_');
            }
            // An escaped syntax character, or loose punctuation that stands for itself.
            b if b.is_ascii_punctuation() && !matches!(b, b'<' | b'>') => set.insert(b),
            _ => return None,
        }
        Some(())
    }

    /// The quantifier at `at`, as (minimum, maximum or `None` for unbounded, index after it);
    /// `(1, Some(1), at)` when there is none.
    fn quantifier(bytes: &[u8], at: usize, end: usize) -> Option<(usize, Option<usize>, usize)> {
        let (min, max, mut next) = match bytes[..end].get(at) {
            Some(b'?') => (0, Some(1), at + 1),
            Some(b'*') => (0, None, at + 1),
            Some(b'+') => (1, None, at + 1),
            Some(b'{') => {
                let digits = |mut i: usize| {
                    let start = i;
                    let mut value: usize = 0;
                    while let Some(&b) = bytes[..end].get(i).filter(|b| b.is_ascii_digit()) {
                        value = value.checked_mul(10)?.checked_add(usize::from(b - b'0'))?;
                        i += 1;
                    }
                    (i > start).then_some((value, i))
                };
                let (min, i) = digits(at + 1)?;
                match bytes[..end].get(i) {
                    Some(b'}') => (min, Some(min), i + 1),
                    Some(b',') => match bytes[..end].get(i + 1) {
                        Some(b'}') => (min, None, i + 2),
                        _ => {
                            let (max, j) = digits(i + 1)?;
                            if bytes[..end].get(j) != Some(&b'}') || max < min {
                                return None;
                            }
                            (min, Some(max), j + 1)
                        }
                    },
                    _ => return None,
                }
            }
            _ => return Some((1, Some(1), at)),
        };
        if min > Self::MAX_ITEMS || max.is_some_and(|max| max > Self::MAX_ITEMS) {
            return None;
        }
        // A lazy quantifier finds a match wherever the greedy one does.
        if bytes[..end].get(next) == Some(&b'?') {
            next += 1;
        }
        // A quantifier cannot follow a quantifier.
        if matches!(bytes[..end].get(next), Some(b'?' | b'*' | b'+' | b'{')) {
            return None;
        }
        Some((min, max, next))
    }

    /// Adds the states reachable by skipping optional items.
    #[inline]
    fn close(&self, mut states: u64) -> u64 {
        // Skips only go forward: each round crosses one more skippable item.
        loop {
            let next = states | ((states & self.skip) << 1);
            if next == states {
                return states;
            }
            states = next;
        }
    }

    /// Whether the pattern matches somewhere in `text`.
    #[inline]
    fn is_match(&self, text: &[u8]) -> bool {
        let accept = 1_u64 << self.items;
        let start = self.close(1);
        let mut states = start;
        for &b in text {
            if states & accept != 0 && !self.end_anchor {
                return true;
            }
            // A byte beyond ASCII matches no item.
            let matched = states & self.masks.get(usize::from(b)).copied().unwrap_or(0);
            // Matched `Star` items stay; the others move on to the next item.
            states = self.close((matched & self.star) | ((matched & !self.star) << 1));
            if !self.start_anchor {
                states |= start;
            } else if states == 0 {
                return false;
            }
        }
        states & accept != 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn simple_patterns_match_as_regress_does() {
        let patterns = [
            "^cus_[a-z0-9]+$",
            "^[A-Z]{2}\\d{4,6}$",
            "@example\\.com$",
            "^ab*c?d{0,2}e{2,}$",
            "a+?b",
            "^$",
            "",
            "^",
            "$",
            "x*",
            "x*$",
            "^x*",
            "^a?a?a?aaa$",
            "[-a-c_]+",
            "[a\\-z]",
            "[\\d\\w.]{3}",
            "^\\w+@\\w+\\.\\w+$",
            "\\$",
            "a\\$",
            "\\\\$",
            "^[0-9a-f]{8}-[0-9a-f]{4}$",
            "^[a-z][a-z0-9-]*[a-z0-9]$",
            "b{2}c",
            "ab|cd",
            "(ab)+",
            ".",
            "[^a]",
            "\\s",
            "é",
            "a{1,2}{3}",
        ];
        let texts = [
            "",
            "a",
            "b",
            "x",
            "ab",
            "abc",
            "abd",
            "acd",
            "abbbcdde",
            "abcdddee",
            "abee",
            "cus_abc123",
            "cus_",
            "cus_ABC",
            "xcus_abc",
            "AB1234",
            "AB12345678",
            "ab1234",
            "me@example.com",
            "me@example.comx",
            "a-b",
            "___",
            "a.b",
            "$",
            "a$",
            "\\",
            "\\$",
            "aaa",
            "aaaa",
            "aa",
            "0123abcd-ef01",
            "abc-",
            "bbc",
            "é",
            "aéb",
            "éab",
            "ab\n",
            "x\u{1F600}x",
            "a|b",
            "cd",
            "abab",
            "a b",
            "a1_b2",
            "-",
            "z",
        ];
        let mut simple_count = 0;
        for pattern in patterns {
            let compiled = Pattern::new(pattern);
            let Ok(compiled) = compiled else { continue };
            let Some(simple) = &compiled.simple else {
                continue;
            };
            simple_count += 1;
            for text in texts {
                assert_eq!(
                    simple.is_match(text.as_bytes()),
                    compiled.regex.find(text).is_some(),
                    "{pattern:?} on {text:?}"
                );
            }
        }
        assert!(simple_count >= 20, "only {simple_count} simple patterns");
        for not_simple in [
            "[\\d-z]",
            "[a-\\d]",
            "[b-a]",
            "[]",
            "[^]",
            "ab|cd",
            "(ab)+",
            ".",
            "[^a]",
            "\\s",
            "é",
            "a{1,2}{3}",
            "a{64}",
        ] {
            assert!(Simple::parse(not_simple).is_none(), "{not_simple}");
        }
    }

    #[test]
    fn random_simple_patterns_match_as_regress_does() {
        let mut state = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = |bound: usize| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % bound as u64) as usize
        };
        let atoms = [
            "a", "b", "[ab]", "[a-c]", "\\d", "\\w", "\\.", "-", "[-b]", "_", "1",
        ];
        let quantifiers = ["", "", "?", "*", "+", "{2}", "{0,2}", "{1,}", "+?", "??"];
        let alphabet = ["a", "b", "c", "1", ".", "-", "_", "é", "😀", " "];
        let mut simple_count = 0;
        for _ in 0..3000 {
            let mut pattern = String::new();
            if next(2) == 0 {
                pattern.push('^');
            }
            for _ in 0..next(5) {
                pattern.push_str(atoms[next(atoms.len())]);
                pattern.push_str(quantifiers[next(quantifiers.len())]);
            }
            if next(2) == 0 {
                pattern.push('$');
            }
            let compiled = Pattern::new(&pattern).expect("a valid pattern");
            let simple = compiled.simple.as_ref().expect("a simple pattern");
            simple_count += 1;
            for _ in 0..30 {
                let text: String = (0..next(7))
                    .map(|_| alphabet[next(alphabet.len())])
                    .collect();
                assert_eq!(
                    simple.is_match(text.as_bytes()),
                    compiled.regex.find(&text).is_some(),
                    "{pattern:?} on {text:?}"
                );
            }
        }
        assert_eq!(simple_count, 3000);
    }

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
