//! A backtracking matcher and generator for the common subset of ECMAScript regular
//! expressions: literals, escapes, `.`, classes, groups, alternation, greedy and lazy
//! quantifiers, `^`, `$`, `\b`. Lookaround, back-references and Unicode property escapes
//! are not supported: such patterns do not parse.

use std::cell::Cell;

use crate::rng::Rng;

const MAX_REPEAT: u32 = 1_000;
const STEP_LIMIT: usize = 200_000;
const MAX_INPUT: usize = 512;
const MAX_NESTING: usize = 64;
const POOL: &[char] = &[
    'a', 'b', 'k', 'x', 'z', 'A', 'Q', 'Z', '0', '5', '9', '_', '-', '.', ' ', '~', '#', '@', '/',
    'é', '中',
];
const WORD: &[char] = &['a', 'm', 'z', 'A', 'M', 'Z', '0', '4', '9', '_'];

#[derive(Debug)]
enum Node {
    Char(char),
    Any,
    Class(Class),
    Start,
    End,
    Boundary(bool),
    Concat(Vec<Node>),
    Alt(Vec<Node>),
    Repeat {
        node: Box<Node>,
        min: u32,
        max: Option<u32>,
        greedy: bool,
    },
}

#[derive(Debug)]
struct Class {
    negated: bool,
    items: Vec<Item>,
}

#[derive(Debug, Clone, Copy)]
enum Item {
    Range(char, char),
    Digit(bool),
    Word(bool),
    Space(bool),
}

impl Item {
    fn matches(self, c: char) -> bool {
        match self {
            Item::Range(a, b) => a <= c && c <= b,
            Item::Digit(negated) => c.is_ascii_digit() != negated,
            Item::Word(negated) => is_word(c) != negated,
            Item::Space(negated) => is_space(c) != negated,
        }
    }
}

impl Class {
    fn matches(&self, c: char) -> bool {
        self.items.iter().any(|i| i.matches(c)) != self.negated
    }

    fn sample(&self, rng: &mut Rng) -> Option<char> {
        if !self.negated && !self.items.is_empty() {
            for _ in 0..8 {
                let item = *rng.pick(&self.items)?;
                let c = match item {
                    Item::Range(a, b) => {
                        let span = (b as u32 - a as u32) as usize + 1;
                        char::from_u32(a as u32 + rng.below(span) as u32)
                    }
                    Item::Digit(false) => char::from_digit(rng.below(10) as u32, 10),
                    Item::Word(false) => rng.pick(WORD).copied(),
                    Item::Space(false) => Some(' '),
                    _ => rng.pick(POOL).copied(),
                };
                if let Some(c) = c.filter(|c| self.matches(*c)) {
                    return Some(c);
                }
            }
        }
        let fits: Vec<char> = POOL.iter().copied().filter(|c| self.matches(*c)).collect();
        rng.pick(&fits).copied()
    }
}

fn is_word(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

fn is_space(c: char) -> bool {
    matches!(
        c,
        '\t' | '\n' | '\u{b}' | '\u{c}' | '\r' | ' ' | '\u{a0}' | '\u{1680}' | '\u{2000}'
            ..='\u{200a}'
                | '\u{2028}'
                | '\u{2029}'
                | '\u{202f}'
                | '\u{205f}'
                | '\u{3000}'
                | '\u{feff}'
    )
}

fn is_line_terminator(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}')
}

/// A parsed pattern.
#[derive(Debug)]
pub(crate) struct Regex {
    root: Node,
}

impl Regex {
    /// The pattern, or `None` when it uses something outside the supported subset.
    pub(crate) fn parse(pattern: &str) -> Option<Regex> {
        let mut parser = Parser {
            chars: pattern.chars().collect(),
            pos: 0,
        };
        let root = parser.alternation(0)?;
        (parser.pos == parser.chars.len()).then_some(Regex { root })
    }

    /// Whether the pattern matches anywhere in `text`; `None` when the text is too long
    /// or matching takes too many steps.
    pub(crate) fn is_match(&self, text: &str) -> Option<bool> {
        let chars: Vec<char> = text.chars().collect();
        if chars.len() > MAX_INPUT {
            return None;
        }
        let matcher = Matcher {
            text: &chars,
            steps: Cell::new(0),
        };
        for start in 0..=chars.len() {
            if matcher.node(&self.root, start, &mut |_| true) {
                return Some(true);
            }
            if matcher.exhausted() {
                return None;
            }
        }
        Some(false)
    }

    /// A string built from the pattern; `stretch` lets repetitions run longer. The
    /// caller checks that it matches (anchors in odd places can defeat it).
    pub(crate) fn generate(&self, rng: &mut Rng, stretch: bool) -> Option<String> {
        let mut out = String::new();
        let ok = generate(&self.root, rng, stretch, &mut out) && self.is_match(&out) == Some(true);
        ok.then_some(out)
    }
}

fn generate(node: &Node, rng: &mut Rng, stretch: bool, out: &mut String) -> bool {
    if out.len() > 4 * MAX_INPUT {
        return false;
    }
    match node {
        Node::Start | Node::End | Node::Boundary(_) => true,
        Node::Char(c) => {
            out.push(*c);
            true
        }
        Node::Any => {
            out.push(*rng.pick(POOL).unwrap_or(&'a'));
            true
        }
        Node::Class(class) => match class.sample(rng) {
            Some(c) => {
                out.push(c);
                true
            }
            None => false,
        },
        Node::Concat(nodes) => nodes.iter().all(|n| generate(n, rng, stretch, out)),
        Node::Alt(branches) => match rng.pick(branches) {
            Some(branch) => generate(branch, rng, stretch, out),
            None => true,
        },
        Node::Repeat { node, min, max, .. } => {
            let room = max.map_or(u32::MAX, |m| m.saturating_sub(*min));
            let extra = room.min(if stretch { 40 } else { 3 });
            let count = min + rng.below(extra as usize + 1) as u32;
            (0..count).all(|_| generate(node, rng, stretch, out))
        }
    }
}

struct Matcher<'t> {
    text: &'t [char],
    steps: Cell<usize>,
}

type Then<'k> = &'k mut dyn FnMut(usize) -> bool;

impl Matcher<'_> {
    fn exhausted(&self) -> bool {
        self.steps.get() > STEP_LIMIT
    }

    fn tick(&self) -> bool {
        self.steps.set(self.steps.get() + 1);
        !self.exhausted()
    }

    fn node(&self, node: &Node, at: usize, then: Then<'_>) -> bool {
        if !self.tick() {
            return false;
        }
        match node {
            Node::Char(c) => self.text.get(at) == Some(c) && then(at + 1),
            Node::Any => self.text.get(at).is_some_and(|c| !is_line_terminator(*c)) && then(at + 1),
            Node::Class(class) => {
                self.text.get(at).is_some_and(|c| class.matches(*c)) && then(at + 1)
            }
            Node::Start => at == 0 && then(at),
            Node::End => at == self.text.len() && then(at),
            Node::Boundary(wanted) => {
                let before = at > 0 && self.text.get(at - 1).is_some_and(|c| is_word(*c));
                let after = self.text.get(at).is_some_and(|c| is_word(*c));
                (before != after) == *wanted && then(at)
            }
            Node::Concat(nodes) => self.sequence(nodes, at, then),
            Node::Alt(branches) => branches.iter().any(|b| self.node(b, at, &mut *then)),
            Node::Repeat {
                node,
                min,
                max,
                greedy,
            } => self.repeat(node, (*min, *max, *greedy), 0, at, then),
        }
    }

    fn sequence(&self, nodes: &[Node], at: usize, then: Then<'_>) -> bool {
        match nodes.split_first() {
            None => then(at),
            Some((first, rest)) => {
                self.node(first, at, &mut |next| self.sequence(rest, next, &mut *then))
            }
        }
    }

    fn repeat(
        &self,
        node: &Node,
        bounds: (u32, Option<u32>, bool),
        count: u32,
        at: usize,
        then: Then<'_>,
    ) -> bool {
        if !self.tick() {
            return false;
        }
        let (min, max, greedy) = bounds;
        if count < min {
            return self.node(node, at, &mut |next| {
                self.repeat(node, bounds, count + 1, next, &mut *then)
            });
        }
        let can_more = max.is_none_or(|m| count < m);
        let more = |then: Then<'_>| {
            can_more
                && self.node(node, at, &mut |next| {
                    next != at && self.repeat(node, bounds, count + 1, next, &mut *then)
                })
        };
        // Greedy repetitions try one more round first; lazy ones try to stop first.
        let (first_more, second_more) = if greedy { (true, false) } else { (false, true) };
        let attempt = |go_on: bool, then: Then<'_>| {
            if go_on {
                more(then)
            } else {
                then(at)
            }
        };
        attempt(first_more, &mut *then) || attempt(second_more, &mut *then)
    }
}

enum Escape {
    Char(char),
    Item(Item),
    Boundary(bool),
}

fn as_item(escape: Escape) -> Option<Item> {
    match escape {
        Escape::Char(c) => Some(Item::Range(c, c)),
        Escape::Item(item) => Some(item),
        Escape::Boundary(_) => None,
    }
}

struct Parser {
    chars: Vec<char>,
    pos: usize,
}

impl Parser {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.pos).copied()
    }

    fn peek_at(&self, offset: usize) -> Option<char> {
        self.chars.get(self.pos + offset).copied()
    }

    fn eat(&mut self, c: char) -> bool {
        if self.peek() == Some(c) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.pos += 1;
        Some(c)
    }

    fn alternation(&mut self, depth: usize) -> Option<Node> {
        if depth > MAX_NESTING {
            return None;
        }
        let mut branches = vec![self.sequence(depth)?];
        while self.eat('|') {
            branches.push(self.sequence(depth)?);
        }
        Some(if branches.len() == 1 {
            branches.remove(0)
        } else {
            Node::Alt(branches)
        })
    }

    fn sequence(&mut self, depth: usize) -> Option<Node> {
        let mut nodes = Vec::new();
        while let Some(c) = self.peek() {
            if c == '|' || c == ')' {
                break;
            }
            let atom = self.atom(depth)?;
            nodes.push(self.quantified(atom)?);
        }
        Some(Node::Concat(nodes))
    }

    fn atom(&mut self, depth: usize) -> Option<Node> {
        let c = self.bump()?;
        Some(match c {
            '(' => {
                if self.eat('?') {
                    if self.eat(':') {
                    } else if self.eat('<') {
                        if matches!(self.peek(), Some('=' | '!')) {
                            return None;
                        }
                        loop {
                            let c = self.bump()?;
                            if c == '>' {
                                break;
                            }
                            if !(c.is_alphanumeric() || c == '_' || c == '$') {
                                return None;
                            }
                        }
                    } else {
                        return None;
                    }
                }
                let inner = self.alternation(depth + 1)?;
                if !self.eat(')') {
                    return None;
                }
                inner
            }
            '[' => self.class()?,
            '.' => Node::Any,
            '^' => Node::Start,
            '$' => Node::End,
            '\\' => match self.escape(false)? {
                Escape::Char(c) => Node::Char(c),
                Escape::Item(item) => Node::Class(Class {
                    negated: false,
                    items: vec![item],
                }),
                Escape::Boundary(b) => Node::Boundary(b),
            },
            '*' | '+' | '?' | ')' => return None,
            '{' => {
                self.pos -= 1;
                if self.braces().is_some() {
                    return None;
                }
                self.pos += 1;
                Node::Char('{')
            }
            c => Node::Char(c),
        })
    }

    fn number(&mut self) -> Option<u32> {
        let start = self.pos;
        let mut value: u32 = 0;
        while let Some(d) = self.peek().and_then(|c| c.to_digit(10)) {
            value = value.saturating_mul(10).saturating_add(d);
            self.pos += 1;
        }
        (self.pos > start).then_some(value)
    }

    /// `{n}`, `{n,}` or `{n,m}`; the position is kept when it is not one.
    fn braces(&mut self) -> Option<(u32, Option<u32>)> {
        let start = self.pos;
        let parsed = self.braces_inner();
        if parsed.is_none() {
            self.pos = start;
        }
        parsed
    }

    fn braces_inner(&mut self) -> Option<(u32, Option<u32>)> {
        if !self.eat('{') {
            return None;
        }
        let min = self.number()?;
        let max = if self.eat(',') {
            if self.peek() == Some('}') {
                None
            } else {
                Some(self.number()?)
            }
        } else {
            Some(min)
        };
        self.eat('}').then_some((min, max))
    }

    fn quantified(&mut self, atom: Node) -> Option<Node> {
        let (min, max) = match self.peek() {
            Some('*') => {
                self.pos += 1;
                (0, None)
            }
            Some('+') => {
                self.pos += 1;
                (1, None)
            }
            Some('?') => {
                self.pos += 1;
                (0, Some(1))
            }
            Some('{') => match self.braces() {
                Some(q) => q,
                None => return Some(atom),
            },
            _ => return Some(atom),
        };
        if min > MAX_REPEAT || max.is_some_and(|m| m < min || m > MAX_REPEAT) {
            return None;
        }
        let greedy = !self.eat('?');
        Some(Node::Repeat {
            node: Box::new(atom),
            min,
            max,
            greedy,
        })
    }

    fn escape(&mut self, in_class: bool) -> Option<Escape> {
        let c = self.bump()?;
        Some(match c {
            'd' => Escape::Item(Item::Digit(false)),
            'D' => Escape::Item(Item::Digit(true)),
            'w' => Escape::Item(Item::Word(false)),
            'W' => Escape::Item(Item::Word(true)),
            's' => Escape::Item(Item::Space(false)),
            'S' => Escape::Item(Item::Space(true)),
            'b' if in_class => Escape::Char('\u{8}'),
            'b' => Escape::Boundary(true),
            'B' if !in_class => Escape::Boundary(false),
            't' => Escape::Char('\t'),
            'n' => Escape::Char('\n'),
            'r' => Escape::Char('\r'),
            'f' => Escape::Char('\u{c}'),
            'v' => Escape::Char('\u{b}'),
            '0' if !self.peek().is_some_and(|c| c.is_ascii_digit()) => Escape::Char('\0'),
            'x' => Escape::Char(char::from_u32(self.hex(2)?)?),
            'u' => Escape::Char(self.unicode_escape()?),
            'c' => {
                let letter = self.bump().filter(char::is_ascii_alphabetic)?;
                Escape::Char(char::from_u32(letter as u32 % 32)?)
            }
            c if c.is_ascii_alphanumeric() => return None,
            c => Escape::Char(c),
        })
    }

    fn hex(&mut self, n: usize) -> Option<u32> {
        let mut value = 0;
        for _ in 0..n {
            value = value * 16 + self.bump()?.to_digit(16)?;
        }
        Some(value)
    }

    fn unicode_escape(&mut self) -> Option<char> {
        if self.eat('{') {
            let start = self.pos;
            let mut value: u32 = 0;
            while let Some(d) = self.peek().and_then(|c| c.to_digit(16)) {
                value = value.checked_mul(16)?.checked_add(d)?;
                self.pos += 1;
            }
            if self.pos == start || !self.eat('}') {
                return None;
            }
            return char::from_u32(value);
        }
        let high = self.hex(4)?;
        if (0xD800..0xDC00).contains(&high) {
            if self.peek() == Some('\\') && self.peek_at(1) == Some('u') {
                self.pos += 2;
                let low = self.hex(4)?;
                if (0xDC00..0xE000).contains(&low) {
                    return char::from_u32(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00));
                }
            }
            return None;
        }
        char::from_u32(high)
    }

    fn class_atom(&mut self) -> Option<Escape> {
        match self.bump()? {
            '\\' => self.escape(true),
            c => Some(Escape::Char(c)),
        }
    }

    fn class(&mut self) -> Option<Node> {
        let negated = self.eat('^');
        let mut items = Vec::new();
        loop {
            if self.eat(']') {
                break;
            }
            let first = self.class_atom()?;
            if self.peek() == Some('-') && self.peek_at(1).is_some_and(|c| c != ']') {
                self.pos += 1;
                let second = self.class_atom()?;
                match (first, second) {
                    (Escape::Char(a), Escape::Char(b)) => {
                        if a > b {
                            return None;
                        }
                        items.push(Item::Range(a, b));
                    }
                    (first, second) => {
                        items.push(as_item(first)?);
                        items.push(Item::Range('-', '-'));
                        items.push(as_item(second)?);
                    }
                }
            } else {
                items.push(as_item(first)?);
            }
        }
        Some(Node::Class(Class { negated, items }))
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
        assert_eq!(matches("^[^\\s@]+@[^\\s@]+$", "a@b"), Some(true));
        assert_eq!(matches("^[^\\s@]+@[^\\s@]+$", "a @b"), Some(false));
        assert_eq!(matches("^.$", "\n"), Some(false));
        assert_eq!(matches("^.$", "😀"), Some(true), "one code point");
        assert_eq!(matches("^a{2,}?$", "aaaa"), Some(true));
        assert_eq!(matches("\\bcat\\b", "a cat!"), Some(true));
        assert_eq!(matches("\\bcat\\b", "concat"), Some(false));
        assert_eq!(matches("^[\\u0041-\\u005A]+$", "HELLO"), Some(true));
        assert_eq!(matches("^[a\\-z]+$", "-a-"), Some(true));
        assert_eq!(
            matches("^x{2$", "x{2"),
            Some(true),
            "a lone brace is a literal"
        );
        assert_ne!(matches("^(a*)*$", "aaaaaaaaaaaaaaaaaaaaaab"), Some(true));
    }

    #[test]
    fn refuses_what_it_cannot_evaluate() {
        for pattern in [
            "(?=a)", "(a)\\1", "\\p{L}", "(?<!a)b", "[z-a]", "a**", "(", "\\k<n>",
        ] {
            assert!(Regex::parse(pattern).is_none(), "{pattern}");
        }
        let catastrophic = Regex::parse("^(a|a)*$").unwrap();
        assert_eq!(catastrophic.is_match(&"a".repeat(60)), Some(true));
        assert_eq!(catastrophic.is_match(&format!("{}b", "a".repeat(60))), None);
    }

    #[test]
    fn long_inputs_fit_on_a_test_thread_stack() {
        let text = "ab1".repeat(MAX_INPUT / 3);
        let nested = Regex::parse("^(?:(?:[a-z]|[0-9])(?:x|y|b|1|a)?)+$").unwrap();
        assert_eq!(nested.is_match(&text), Some(true));
        let lazy = Regex::parse("^.*?(?:a|b|1)*?$").unwrap();
        assert_eq!(lazy.is_match(&text), Some(true));
        assert_eq!(nested.is_match(&"a".repeat(MAX_INPUT + 1)), None);
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
        ] {
            let regex = Regex::parse(pattern).unwrap();
            for stretch in [false, true] {
                let s = regex.generate(&mut rng, stretch).unwrap();
                assert_eq!(regex.is_match(&s), Some(true), "{pattern}: {s:?}");
            }
        }
    }
}
