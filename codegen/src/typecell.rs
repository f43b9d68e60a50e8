//! Parses a Type cell, in any SDK language's notation, into a language-neutral expression.
//!
//! The notations differ in decoration (italics, backticks, escapes) and in how they spell
//! arrays, maps and optionality (`*string*[]`, ``[]`string` ``, `List[*str*]`,
//! `array<*string*>`, `List\<*String*>`), but they share one shape: prefixes, an atom (a
//! name, a link, or a string literal), generic arguments in `<>` or `[]`, and suffixes.
//! Names are not interpreted here; the resolver decides what `int64` or `components.Pet` is.

use std::ops::Range;

/// A parsed Type cell. Offsets are byte ranges within the cell text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TypeExpr {
    /// A bare name: `string`, `int64`, `components.Pet`, `\Acme\Models\Components\Pet`.
    Named {
        /// The name as written, without decoration.
        name: String,
        /// Where the name is in the cell.
        range: Range<usize>,
    },
    /// A name with arguments that is not an array, map or optionality wrapper:
    /// `ReadableStream<Uint8Array>`, `HttpResponse<InputStream>`.
    Generic {
        /// The name before the arguments.
        name: String,
        /// The arguments.
        args: Vec<TypeExpr>,
        /// Where the whole expression is in the cell.
        range: Range<usize>,
    },
    /// A Markdown link: `[components.Pet](../components/pet.md)`.
    Link {
        /// The link text, parsed as a type (it carries optionality and union members).
        label: Box<TypeExpr>,
        /// The link target as written.
        target: String,
        /// Where the link is in the cell.
        range: Range<usize>,
    },
    /// A literal type, a constant: `*"text"*`, `*true*`, `*3*`, `Literal["agent"]`,
    /// `Literal[True]`.
    Literal {
        /// The literal's value: a string, a boolean or a number.
        value: serde_json::Value,
        /// Where the literal is in the cell.
        range: Range<usize>,
    },
    /// `X[]`, `[]X`, `List[X]`, `array<X>`, `List<X>`.
    Array(Box<TypeExpr>),
    /// `Record<string, X>`, `map[string]X`, `Dict[str, X]`, `array<string, X>`, `Map<String, X>`,
    /// `Crystalline::Hash[Symbol, X]`, the TypeScript index signature `{ [k: string]: X }`.
    Map(Box<TypeExpr>),
    /// Alternatives: `string|array|null`, `Union[A, B]`, `Crystalline::Union.new(A, B)`,
    /// `Literal["a", "b"]`.
    Union(Vec<TypeExpr>),
    /// `null` inside a union.
    Null,
    /// A marker that the value may be missing: Go pointer `*T`, PHP `?T`, `Optional[T]`.
    MaybeAbsent(Box<TypeExpr>),
    /// A marker that the value may be `null`: `Nullable[T]`, `JsonNullable<T>`,
    /// `Crystalline::Nilable.new(T)`, `T.nilable(T)`.
    Nullable(Box<TypeExpr>),
    /// `OptionalNullable[T]`.
    OptionalNullable(Box<TypeExpr>),
}

/// Why a Type cell could not be parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TypeCellError {
    /// What is wrong.
    pub message: String,
    /// Where in the cell.
    pub range: Range<usize>,
    /// What would be right.
    pub help: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Token {
    Ident(String),
    Str(String),
    Link {
        label: String,
        label_start: usize,
        target: String,
    },
    Punct(char),
}

#[derive(Debug, Clone)]
struct Lexed {
    token: Token,
    range: Range<usize>,
}

/// Characters that a backslash escapes rather than starts a PHP namespace.
const ESCAPABLE: &[char] = &[
    '<', '>', '|', '[', ']', '*', '_', '`', '\\', '(', ')', '{', '}',
];

/// Parses one Type cell.
pub fn parse_type_cell(cell: &str) -> Result<TypeExpr, TypeCellError> {
    parse_at(cell, 0, 0)
}

/// How deeply types may nest (`List[List[...]]`, links in links); far beyond any real page,
/// and well within the stack of a build script.
pub const MAX_NESTING: usize = 64;

fn parse_at(text: &str, base: usize, depth: usize) -> Result<TypeExpr, TypeCellError> {
    let tokens = lex(text, base)?;
    if tokens.is_empty() {
        return Err(TypeCellError {
            message: "the Type cell is empty".into(),
            range: base..base + text.len(),
            help: Some(
                "write the field's type, such as `*string*` or a link to a model page".into(),
            ),
        });
    }
    let end = base + text.len();
    let mut parser = TypeParser {
        tokens,
        at: 0,
        end,
        depth,
    };
    let expr = parser.union()?;
    if let Some(extra) = parser.tokens.get(parser.at) {
        return Err(TypeCellError {
            message: format!("unexpected `{}` after the type", describe(&extra.token)),
            range: extra.range.clone(),
            help: Some("a Type cell holds one type; check for an unbalanced bracket".into()),
        });
    }
    Ok(expr)
}

fn describe(token: &Token) -> String {
    match token {
        Token::Ident(name) => name.clone(),
        Token::Str(value) => format!("\"{value}\""),
        Token::Link { label, target, .. } => format!("[{label}]({target})"),
        Token::Punct(c) => c.to_string(),
    }
}

fn lex(text: &str, base: usize) -> Result<Vec<Lexed>, TypeCellError> {
    let bytes = text.as_bytes();
    let closing = closing_brackets(bytes);
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < text.len() {
        let c = text[i..].chars().next().unwrap_or(' ');
        let width = c.len_utf8();
        match c {
            ' ' | '\t' | '`' => i += width,
            '\\' => {
                // A run of backslashes escapes the character after it however long the run
                // is: Java escapes inner generics twice (`Map\<String, List\\<String>>`).
                let run = text[i..].bytes().take_while(|&b| b == b'\\').count();
                let next = text[i + run..].chars().next();
                match next {
                    Some(n) if ESCAPABLE.contains(&n) => {
                        if n != '`' {
                            tokens.push(Lexed {
                                token: Token::Punct(n),
                                range: base + i..base + i + run + n.len_utf8(),
                            });
                        }
                        i += run + n.len_utf8();
                    }
                    Some(n) if n.is_alphanumeric() || n == '_' => {
                        let start = i + run - 1;
                        let (ident, len) = ident_at(&text[start..]);
                        tokens.push(Lexed {
                            token: Token::Ident(ident),
                            range: base + i..base + start + len,
                        });
                        i = start + len;
                    }
                    _ => {
                        return Err(TypeCellError {
                            message: "a stray backslash in the Type cell".into(),
                            range: base + i..base + i + run,
                            help: None,
                        })
                    }
                }
            }
            '"' => {
                let close = text[i + 1..].find('"').ok_or_else(|| TypeCellError {
                    message: "a string literal type without its closing `\"`".into(),
                    range: base + i..base + text.len(),
                    help: Some("write literal types as `*\"value\"*`".into()),
                })?;
                let value = text[i + 1..i + 1 + close].to_owned();
                tokens.push(Lexed {
                    token: Token::Str(value),
                    range: base + i..base + i + close + 2,
                });
                i += close + 2;
            }
            '[' => {
                if let Some((label_end, target_start, target_end)) = link_at(bytes, &closing, i) {
                    tokens.push(Lexed {
                        token: Token::Link {
                            label: text[i + 1..label_end].to_owned(),
                            label_start: base + i + 1,
                            target: text[target_start..target_end].trim().to_owned(),
                        },
                        range: base + i..base + target_end + 1,
                    });
                    i = target_end + 1;
                } else {
                    tokens.push(Lexed {
                        token: Token::Punct('['),
                        range: base + i..base + i + 1,
                    });
                    i += 1;
                }
            }
            ':' if text[i..].starts_with("::") => {
                // Ruby's absolute constant path: `::String`.
                let (ident, len) = ident_at(&text[i..]);
                tokens.push(Lexed {
                    token: Token::Ident(ident),
                    range: base + i..base + i + len,
                });
                i += len;
            }
            ']' | '<' | '>' | ',' | '|' | '*' | '?' | '(' | ')' | '{' | '}' | ':' | ';' => {
                tokens.push(Lexed {
                    token: Token::Punct(c),
                    range: base + i..base + i + 1,
                });
                i += 1;
            }
            c if c.is_alphanumeric() || c == '_' || c == '.' || c == '-' || c == '$' => {
                let (ident, len) = ident_at(&text[i..]);
                tokens.push(Lexed {
                    token: Token::Ident(ident),
                    range: base + i..base + i + len,
                });
                i += len;
            }
            other => {
                return Err(TypeCellError {
                    message: format!("unexpected `{other}` in the Type cell"),
                    range: base + i..base + i + width,
                    help: None,
                })
            }
        }
    }
    Ok(tokens)
}

/// A name: letters, digits, `_`, `.`, `-`, `$`, `::` (Ruby constant paths) and `\` followed by
/// a letter (PHP namespaces).
fn ident_at(text: &str) -> (String, usize) {
    let mut len = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        if c == ':' {
            if chars.peek().is_some_and(|&(_, n)| n == ':') {
                chars.next();
                len = at + 2;
                continue;
            }
            break;
        }
        let continues = c.is_alphanumeric()
            || matches!(c, '_' | '.' | '-' | '$')
            || (c == '\\'
                && chars
                    .peek()
                    .is_some_and(|&(_, n)| n.is_alphanumeric() || n == '_'));
        if !continues {
            break;
        }
        len = at + c.len_utf8();
    }
    (text[..len].to_owned(), len)
}

/// A name without the decoration of Ruby's type notation: `::String` is `String`,
/// `Crystalline::Boolean.new` is `Boolean`, `T.nilable` is `nilable`, and
/// `Models::Components::Pet` is `Models.Components.Pet`.
fn plain_name(name: String) -> String {
    let ruby = name.contains("::")
        || name.ends_with(".new")
        || name.starts_with("T.")
        || name.starts_with("Crystalline");
    if !ruby {
        return name;
    }
    let mut plain = name.trim_start_matches("::").replace("::", ".");
    if let Some(constructor) = plain.strip_suffix(".new") {
        plain.truncate(constructor.len());
    }
    for namespace in ["Crystalline.", "T."] {
        if let Some(rest) = plain.strip_prefix(namespace) {
            plain = rest.to_owned();
        }
    }
    plain
}

/// A name that is a literal value: `true`, `false`, or a number such as `3` or `-1.5`.
fn literal_name(name: &str) -> Option<serde_json::Value> {
    match name {
        "true" => Some(serde_json::Value::Bool(true)),
        "false" => Some(serde_json::Value::Bool(false)),
        _ if name.starts_with(|c: char| c.is_ascii_digit() || c == '-') => {
            serde_json::from_str::<serde_json::Number>(name)
                .ok()
                .map(serde_json::Value::Number)
        }
        _ => None,
    }
}

/// For every `[` in the text, the index of the `]` that closes it (escaped brackets are not
/// counted), found in one pass so that lexing stays linear however many brackets there are;
/// empty when the text has no `[`.
fn closing_brackets(bytes: &[u8]) -> Vec<Option<usize>> {
    if !bytes.contains(&b'[') {
        return Vec::new();
    }
    let mut closing = vec![None; bytes.len()];
    let mut open = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 1,
            b'[' => open.push(i),
            b']' => {
                if let Some(start) = open.pop() {
                    closing[start] = Some(i);
                }
            }
            _ => {}
        }
        i += 1;
    }
    closing
}

/// If a Markdown link starts at `open`, returns (label end, target start, target end).
fn link_at(bytes: &[u8], closing: &[Option<usize>], open: usize) -> Option<(usize, usize, usize)> {
    let close = closing.get(open).copied().flatten()?;
    if bytes.get(close + 1) != Some(&b'(') {
        return None;
    }
    let target_start = close + 2;
    let end = bytes[target_start..].iter().position(|&b| b == b')')?;
    Some((close, target_start, target_start + end))
}

struct TypeParser {
    tokens: Vec<Lexed>,
    at: usize,
    end: usize,
    /// How many types enclose the one being parsed.
    depth: usize,
}

impl TypeParser {
    fn peek(&self) -> Option<&Token> {
        self.tokens.get(self.at).map(|l| &l.token)
    }

    fn peek_at(&self, offset: usize) -> Option<&Token> {
        self.tokens.get(self.at + offset).map(|l| &l.token)
    }

    fn eat(&mut self, c: char) -> bool {
        if self.peek() == Some(&Token::Punct(c)) {
            self.at += 1;
            true
        } else {
            false
        }
    }

    fn here(&self) -> Range<usize> {
        self.tokens
            .get(self.at)
            .map_or(self.end..self.end, |l| l.range.clone())
    }

    fn union(&mut self) -> Result<TypeExpr, TypeCellError> {
        let first = self.single()?;
        if self.peek() != Some(&Token::Punct('|')) {
            return Ok(first);
        }
        let mut members = vec![first];
        while self.eat('|') {
            members.push(self.single()?);
        }
        Ok(TypeExpr::Union(members))
    }

    fn single(&mut self) -> Result<TypeExpr, TypeCellError> {
        if self.depth >= MAX_NESTING {
            return Err(TypeCellError {
                message: format!("the type nests more than {MAX_NESTING} levels deep"),
                range: self.here(),
                help: Some("real types nest a few levels; check for a runaway bracket".into()),
            });
        }
        self.depth += 1;
        let result = self.single_unchecked();
        self.depth -= 1;
        result
    }

    fn single_unchecked(&mut self) -> Result<TypeExpr, TypeCellError> {
        let mut stars_before = 0;
        while self.eat('*') {
            stars_before += 1;
        }
        let maybe_absent = self.eat('?');
        // Java's wildcard, `List<? extends Pet>`, is the bound's type.
        if maybe_absent
            && matches!(self.peek(), Some(Token::Ident(word)) if word == "extends" || word == "super")
        {
            self.at += 1;
            return self.single_unchecked();
        }
        let mut expr = self.atom()?;
        // C#'s nullable suffix: `string?`.
        let nullable_suffix = self.eat('?');
        let mut stars_after = 0;
        while stars_after < stars_before && self.eat('*') {
            stars_after += 1;
        }
        while self.peek() == Some(&Token::Punct('[')) && self.peek_at(1) == Some(&Token::Punct(']'))
        {
            self.at += 2;
            expr = TypeExpr::Array(Box::new(expr));
        }
        // `*byte[]*` closes its italics after the array suffix.
        while stars_after < stars_before && self.eat('*') {
            stars_after += 1;
        }
        if nullable_suffix {
            expr = TypeExpr::Nullable(Box::new(expr));
        }
        if maybe_absent || stars_before > stars_after {
            expr = TypeExpr::MaybeAbsent(Box::new(expr));
        }
        Ok(expr)
    }

    fn atom(&mut self) -> Result<TypeExpr, TypeCellError> {
        // The parser never steps back, so the token is taken rather than cloned.
        let Some(lexed) = self.tokens.get_mut(self.at).map(|l| Lexed {
            token: std::mem::replace(&mut l.token, Token::Punct(' ')),
            range: l.range.clone(),
        }) else {
            return Err(TypeCellError {
                message: "the Type cell ends where a type was expected".into(),
                range: self.end..self.end,
                help: Some("check for an unbalanced `<`, `[` or `*`".into()),
            });
        };
        match lexed.token {
            Token::Punct('[') if self.peek_at(1) == Some(&Token::Punct(']')) => {
                self.at += 2;
                Ok(TypeExpr::Array(Box::new(self.single()?)))
            }
            Token::Punct('(') => {
                self.at += 1;
                let inner = self.union()?;
                self.expect(')', lexed.range.start)?;
                Ok(inner)
            }
            Token::Ident(name) if name == "map" && self.peek_at(1) == Some(&Token::Punct('[')) => {
                self.at += 2;
                let _key = self.union()?;
                self.expect(']', lexed.range.start)?;
                Ok(TypeExpr::Map(Box::new(self.single()?)))
            }
            Token::Punct('{') => {
                self.at += 1;
                self.index_signature(lexed.range.start)
            }
            Token::Ident(name) => {
                self.at += 1;
                let name = plain_name(name);
                let close = match (self.peek(), self.peek_at(1)) {
                    (Some(Token::Punct('<')), _) => Some('>'),
                    // Ruby's constructors: `Crystalline::Nilable.new(::String)`.
                    (Some(Token::Punct('(')), _) => Some(')'),
                    // `string[]` is an array suffix, not arguments.
                    (Some(Token::Punct('[')), Some(Token::Punct(']'))) => None,
                    (Some(Token::Punct('[')), _) => Some(']'),
                    _ => None,
                };
                let Some(close) = close else {
                    if name == "null" {
                        return Ok(TypeExpr::Null);
                    }
                    if let Some(value) = literal_name(&name) {
                        return Ok(TypeExpr::Literal {
                            value,
                            range: lexed.range,
                        });
                    }
                    return Ok(TypeExpr::Named {
                        name,
                        range: lexed.range,
                    });
                };
                self.at += 1;
                let mut args = vec![self.union()?];
                while self.eat(',') {
                    args.push(self.union()?);
                }
                let end = self.expect(close, lexed.range.start)?;
                Ok(generic(name, args, lexed.range.start..end))
            }
            Token::Str(value) => {
                self.at += 1;
                Ok(TypeExpr::Literal {
                    value: serde_json::Value::String(value),
                    range: lexed.range,
                })
            }
            Token::Link {
                label,
                label_start,
                target,
            } => {
                self.at += 1;
                let label = parse_at(&label, label_start, self.depth + 1)?;
                Ok(TypeExpr::Link {
                    label: Box::new(label),
                    target,
                    range: lexed.range,
                })
            }
            Token::Punct(c) => Err(TypeCellError {
                message: format!("unexpected `{c}` where a type was expected"),
                range: lexed.range,
                help: Some("a type is a name such as `*string*`, a link to a model page, or a literal such as `*\"text\"*`".into()),
            }),
        }
    }

    /// The rest of a TypeScript index signature after its `{`: `[k: string]: T }`, a map of `T`.
    fn index_signature(&mut self, opened_at: usize) -> Result<TypeExpr, TypeCellError> {
        let malformed = |parser: &Self| {
            TypeCellError {
            message: "unexpected `{` in the Type cell".into(),
            range: opened_at..parser.here().end.max(opened_at + 1),
            help: Some("an object type in a Type cell is an index signature, `{ [k: string]: T }`; link the model's page for any other object".into()),
        }
        };
        if !self.eat('[') {
            return Err(malformed(self));
        }
        if matches!(self.peek(), Some(Token::Ident(_)))
            && self.peek_at(1) == Some(&Token::Punct(':'))
        {
            self.at += 2;
        }
        let _key = self.union()?;
        self.expect(']', opened_at)?;
        if !self.eat(':') {
            return Err(malformed(self));
        }
        let value = self.union()?;
        self.eat(';');
        self.expect('}', opened_at)?;
        Ok(TypeExpr::Map(Box::new(value)))
    }

    fn expect(&mut self, close: char, opened_at: usize) -> Result<usize, TypeCellError> {
        if let Some(Lexed {
            token: Token::Punct(c),
            range,
        }) = self.tokens.get(self.at)
        {
            if *c == close {
                let end = range.end;
                self.at += 1;
                return Ok(end);
            }
        }
        let open = match close {
            '>' => '<',
            ']' => '[',
            '}' => '{',
            _ => '(',
        };
        Err(TypeCellError {
            message: format!("unbalanced `{open}`: expected `{close}`"),
            range: opened_at..self.here().end.max(opened_at + 1),
            help: Some(format!("close the type arguments with `{close}`")),
        })
    }
}

/// Classifies `Name<args>` / `Name[args]` / `Name(args)` into arrays, maps, unions, literals
/// and optionality wrappers.
fn generic(name: String, mut args: Vec<TypeExpr>, range: Range<usize>) -> TypeExpr {
    let one = args.len() == 1;
    let two = args.len() == 2;
    // Wrappers are known by their last segment: `typing.Optional`, `java.util.List`,
    // `optionalnullable.OptionalNullable`.
    let base = name.rsplit('.').next().unwrap_or(&name);
    match base {
        "List" | "list" | "Array" | "array" | "Vec" | "Set" | "set" | "Sequence" | "Iterable"
        | "IList" | "IEnumerable" | "Collection" | "ICollection" | "IReadOnlyList" | "HashSet"
        | "ISet"
            if one =>
        {
            TypeExpr::Array(Box::new(args.remove(0)))
        }
        "Record"
        | "Dict"
        | "dict"
        | "Map"
        | "map"
        | "array"
        | "Dictionary"
        | "IDictionary"
        | "IReadOnlyDictionary"
        | "HashMap"
        | "Mapping"
        | "Hash"
            if two =>
        {
            TypeExpr::Map(Box::new(args.remove(1)))
        }
        "Optional" | "Option" | "Maybe" if one => TypeExpr::MaybeAbsent(Box::new(args.remove(0))),
        "Nullable" | "JsonNullable" | "Nilable" | "nilable" if one => {
            TypeExpr::Nullable(Box::new(args.remove(0)))
        }
        "OptionalNullable" if one => TypeExpr::OptionalNullable(Box::new(args.remove(0))),
        "Union" | "any_of" => {
            if one {
                args.remove(0)
            } else {
                TypeExpr::Union(args)
            }
        }
        "Literal" => {
            let literal = |arg: TypeExpr| match arg {
                TypeExpr::Named { name, range } => match name.as_str() {
                    "True" => TypeExpr::Literal {
                        value: serde_json::Value::Bool(true),
                        range,
                    },
                    "False" => TypeExpr::Literal {
                        value: serde_json::Value::Bool(false),
                        range,
                    },
                    "None" => TypeExpr::Null,
                    _ => TypeExpr::Named { name, range },
                },
                other => other,
            };
            if args.iter().all(|arg| {
                matches!(arg, TypeExpr::Literal { .. } | TypeExpr::Null)
                    || matches!(arg, TypeExpr::Named { name, .. } if matches!(name.as_str(), "True" | "False" | "None"))
            }) {
                let mut literals: Vec<TypeExpr> = args.into_iter().map(literal).collect();
                if literals.len() == 1 {
                    literals.remove(0)
                } else {
                    TypeExpr::Union(literals)
                }
            } else {
                TypeExpr::Generic { name, args, range }
            }
        }
        _ => TypeExpr::Generic { name, args, range },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn named(name: &str) -> TypeExpr {
        match parse_type_cell(name).unwrap() {
            TypeExpr::Named { name, .. } => TypeExpr::Named { name, range: 0..0 },
            other => other,
        }
    }

    /// Renders an expression compactly so tests read like the notation.
    fn show(expr: &TypeExpr) -> String {
        match expr {
            TypeExpr::Named { name, .. } => name.clone(),
            TypeExpr::Generic { name, args, .. } => {
                format!(
                    "{name}<{}>",
                    args.iter().map(show).collect::<Vec<_>>().join(",")
                )
            }
            TypeExpr::Link { label, target, .. } => format!("link({}->{target})", show(label)),
            TypeExpr::Literal { value, .. } => match value {
                serde_json::Value::String(text) => format!("lit({text})"),
                other => format!("lit({other})"),
            },
            TypeExpr::Array(inner) => format!("array({})", show(inner)),
            TypeExpr::Map(inner) => format!("map({})", show(inner)),
            TypeExpr::Union(members) => members.iter().map(show).collect::<Vec<_>>().join("|"),
            TypeExpr::Null => "null".into(),
            TypeExpr::MaybeAbsent(inner) => format!("opt({})", show(inner)),
            TypeExpr::Nullable(inner) => format!("nullable({})", show(inner)),
            TypeExpr::OptionalNullable(inner) => format!("optnull({})", show(inner)),
        }
    }

    fn parsed(cell: &str) -> String {
        show(&parse_type_cell(cell).unwrap_or_else(|e| panic!("{cell}: {e:?}")))
    }

    #[test]
    fn every_language_spells_a_string_list_the_same_way() {
        let cells = [
            ("*string*[]", "string"),
            ("[]`string`", "string"),
            ("List[*str*]", "str"),
            ("array<*string*>", "string"),
            ("List\\<*String*>", "String"),
        ];
        for (cell, item) in cells {
            assert_eq!(parsed(cell), format!("array({item})"), "{cell}");
        }
    }

    #[test]
    fn primitives_and_pointers() {
        assert_eq!(parsed("*string*"), "string");
        assert_eq!(parsed("`*string`"), "opt(string)");
        assert_eq!(parsed("**string*"), "opt(string)");
        assert_eq!(parsed("*?float*"), "opt(float)");
        assert_eq!(parsed("*OptionalNullable[str]*"), "optnull(str)");
        assert_eq!(parsed("*JsonNullable\\<Long>*"), "nullable(Long)");
        assert_eq!(
            named("`int64`"),
            TypeExpr::Named {
                name: "int64".into(),
                range: 0..0
            }
        );
    }

    #[test]
    fn maps_in_every_language() {
        assert_eq!(parsed("Record<string, *string*[]>"), "map(array(string))");
        assert_eq!(parsed("map[string]`string`"), "map(string)");
        assert_eq!(parsed("map[string]*any*"), "map(any)");
        assert_eq!(parsed("Dict[str, *Any*]"), "map(Any)");
        assert_eq!(parsed("array<string, *mixed*>"), "map(mixed)");
        assert_eq!(parsed("Map\\<String, *Object*>"), "map(Object)");
    }

    #[test]
    fn links_carry_their_label_wrappers() {
        assert_eq!(
            parsed("[components.Pet](../../models/components/pet.md)[]"),
            "array(link(components.Pet->../../models/components/pet.md))"
        );
        assert_eq!(
            parsed("[*components.Pet](p.md)"),
            "link(opt(components.Pet)->p.md)"
        );
        assert_eq!(
            parsed("[][components.Pet](p.md)"),
            "array(link(components.Pet->p.md))"
        );
        assert_eq!(
            parsed("List[[components.Pet](p.md)]"),
            "array(link(components.Pet->p.md))"
        );
        assert_eq!(
            parsed("[Optional[operations.Pet]](p.md)"),
            "link(opt(operations.Pet)->p.md)"
        );
        assert_eq!(
            parsed("[?\\Acme\\Models\\Components\\Pet](P.md)"),
            "link(opt(\\Acme\\Models\\Components\\Pet)->P.md)"
        );
        assert_eq!(
            parsed("[string\\|array\\|null](T.md)"),
            "link(string|array|null->T.md)"
        );
        assert_eq!(
            parsed("array<[Components\\A\\|Components\\B](U.md)>"),
            "array(link(Components\\A|Components\\B->U.md))"
        );
        assert_eq!(
            parsed("[JsonNullable\\<Saml>](Saml.md)"),
            "link(nullable(Saml)->Saml.md)"
        );
    }

    #[test]
    fn literals_and_external_generics() {
        assert_eq!(parsed("*\"text\"*"), "lit(text)");
        assert_eq!(
            parsed("*ReadableStream<Uint8Array>*"),
            "ReadableStream<Uint8Array>"
        );
        assert_eq!(
            parsed("[HttpResponse\\<InputStream>](https://x)"),
            "link(HttpResponse<InputStream>->https://x)"
        );
        assert_eq!(parsed("*operations.TagIds*[]"), "array(operations.TagIds)");
        assert_eq!(parsed("string[]"), "array(string)");
    }

    #[test]
    fn ruby_types() {
        assert_eq!(parsed("*::String*"), "String");
        assert_eq!(parsed("*Crystalline::Boolean.new*"), "Boolean");
        assert_eq!(
            parsed("*Crystalline::Nilable.new(::Integer)*"),
            "nullable(Integer)"
        );
        assert_eq!(parsed("Crystalline::Array<*::String*>"), "array(String)");
        assert_eq!(
            parsed("Crystalline::Hash[Symbol, *::Object*]"),
            "map(Object)"
        );
        assert_eq!(
            parsed("*T.nilable(T::Array[::Float])*"),
            "nullable(array(Float))"
        );
        assert_eq!(
            parsed("[Crystalline::Nilable.new(Crystalline::Union.new(Models::Components::A, Models::Components::B))](a.md)"),
            "link(nullable(Models.Components.A|Models.Components.B)->a.md)"
        );
        assert_eq!(
            parsed("[Faraday::Response](https://x)"),
            "link(Faraday.Response->https://x)"
        );
    }

    #[test]
    fn literals_of_every_kind() {
        assert_eq!(parsed("*true*"), "lit(true)");
        assert_eq!(parsed("*false*"), "lit(false)");
        assert_eq!(parsed("*3*"), "lit(3)");
        assert_eq!(parsed("*-1.5*"), "lit(-1.5)");
        assert_eq!(parsed("*Literal[\"agent\"]*"), "lit(agent)");
        assert_eq!(parsed("*Optional[Literal[True]]*"), "opt(lit(true))");
        assert_eq!(parsed("*Literal[\"a\", \"b\"]*"), "lit(a)|lit(b)");
        assert_eq!(parsed("*\"a\"* \\| *\"b\"*"), "lit(a)|lit(b)");
    }

    #[test]
    fn newer_generators_nest_and_escape_more() {
        assert_eq!(
            parsed("{ [k: string]: components.Pet }"),
            "map(components.Pet)"
        );
        assert_eq!(parsed("{ [k: string]: any }"), "map(any)");
        assert_eq!(
            parsed("Map\\<String, List\\\\<[Pet](Pet.md)>>"),
            "map(array(link(Pet->Pet.md)))"
        );
        assert_eq!(parsed("*byte[]*"), "array(byte)");
        assert_eq!(parsed("*string*[][]"), "array(array(string))");
        assert_eq!(
            parsed("Record<string, Record<string, *number*>>"),
            "map(map(number))"
        );
        assert_eq!(parsed("map[string]map[string]`int64`"), "map(map(int64))");
        assert_eq!(parsed("List[*Nullable[str]*]"), "array(nullable(str))");
        assert_eq!(parsed("*string?*"), "nullable(string)");
        assert_eq!(parsed("List\\<? extends Pet>"), "array(Pet)");
        assert_eq!(
            parsed("*optionalnullable.OptionalNullable[string]*"),
            "optnull(string)"
        );
        assert_eq!(
            parsed("*Union[bytes, IO[bytes], io.BufferedReader]*"),
            "bytes|IO<bytes>|io.BufferedReader"
        );
        assert!(parse_type_cell("{ name: string }").is_err());
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_stack_overflow() {
        let deep = format!("{}string{}", "(".repeat(5000), ")".repeat(5000));
        let error = parse_type_cell(&deep).unwrap_err();
        assert!(error.message.contains("nests more than"), "{error:?}");
        let links = format!("{}x{}", "[".repeat(3000), "](a.md)".repeat(3000));
        assert!(parse_type_cell(&links).is_err());
        let arrays = format!("{}string", "[]".repeat(3000));
        assert!(parse_type_cell(&arrays).is_err());
    }

    #[test]
    fn many_unmatched_brackets_lex_in_linear_time() {
        // The quadratic scan this guards against took minutes on this input.
        let cell = "[".repeat(200_000);
        assert!(parse_type_cell(&cell).is_err());
    }

    #[test]
    fn unbalanced_brackets_are_errors_with_positions() {
        let error = parse_type_cell("Record<string, *string*").unwrap_err();
        assert!(error.message.contains("unbalanced `<`"), "{error:?}");
        assert_eq!(error.range.start, 0);
        let error = parse_type_cell("*string*]").unwrap_err();
        assert!(error.message.contains("unexpected `]`"), "{error:?}");
        assert_eq!(error.range, 8..9);
        assert!(parse_type_cell("").is_err());
    }
}
