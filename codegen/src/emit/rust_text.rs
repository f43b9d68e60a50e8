//! Writing Rust source as text: indented lines, string literals, identifiers and doc
//! comments. The emitters write their output straight into one buffer through this, which
//! is many times faster than building token trees and pretty-printing them, and the layout
//! is the one `rustfmt` would give the short items and close to it for the long ones.

use std::fmt::Write as _;

/// An indented Rust source buffer.
pub struct RustWriter {
    out: String,
    indent: usize,
}

impl RustWriter {
    /// An empty buffer with room for about `capacity` bytes.
    pub fn with_capacity(capacity: usize) -> Self {
        Self {
            out: String::with_capacity(capacity),
            indent: 0,
        }
    }

    fn pad(&mut self) {
        for _ in 0..self.indent {
            self.out.push_str("    ");
        }
    }

    /// Starts a line at the current indentation; finish it with [`RustWriter::end`].
    pub fn start(&mut self) -> &mut String {
        self.pad();
        &mut self.out
    }

    /// Ends the line started with [`RustWriter::start`].
    pub fn end(&mut self) {
        self.out.push('\n');
    }

    /// One whole line at the current indentation.
    pub fn line(&mut self, text: &str) {
        self.pad();
        self.out.push_str(text);
        self.out.push('\n');
    }

    /// A line made of several pieces, at the current indentation.
    pub fn line_of(&mut self, pieces: &[&str]) {
        self.pad();
        for piece in pieces {
            self.out.push_str(piece);
        }
        self.out.push('\n');
    }

    /// A line that opens a block (it should end with `{`, `(` or `[`); what follows is
    /// indented one more level.
    pub fn open(&mut self, text: &str) {
        self.line(text);
        self.indent += 1;
    }

    /// Like [`RustWriter::open`], from pieces.
    pub fn open_of(&mut self, pieces: &[&str]) {
        self.line_of(pieces);
        self.indent += 1;
    }

    /// Closes a block opened with [`RustWriter::open`], writing `text` (such as `}`).
    pub fn close(&mut self, text: &str) {
        self.indent = self.indent.saturating_sub(1);
        self.line(text);
    }

    /// Description Markdown as doc comment lines ([`crate::rustdoc::doc_lines`]).
    pub fn doc_markdown(&mut self, markdown: &str) {
        crate::rustdoc::each_doc_line(markdown, |line| self.doc(line));
    }

    /// One doc comment line. Text a line comment cannot hold becomes a `#[doc]` attribute.
    pub fn doc(&mut self, line: &str) {
        self.pad();
        if memchr::memchr2(b'\r', b'\n', line.as_bytes()).is_some() {
            self.out.push_str("#[doc = ");
            push_str_literal(&mut self.out, &format!(" {line}"));
            self.out.push_str("]\n");
        } else if line.is_empty() {
            self.out.push_str("///\n");
        } else {
            self.out.push_str("/// ");
            self.out.push_str(line);
            self.out.push('\n');
        }
    }

    /// An empty buffer at the same indentation, for a part written before it is known
    /// whether it is needed; [`RustWriter::append`] adds it back.
    pub fn nested(&self) -> RustWriter {
        RustWriter {
            out: String::new(),
            indent: self.indent,
        }
    }

    /// Whether nothing was written.
    pub fn is_empty(&self) -> bool {
        self.out.is_empty()
    }

    /// Appends a part written with [`RustWriter::nested`].
    pub fn append(&mut self, part: RustWriter) {
        self.out.push_str(&part.out);
    }

    /// Adds one level of indentation.
    pub fn indent(&mut self) {
        self.indent += 1;
    }

    /// Appends text as it is (no indentation, no newline).
    pub fn raw(&mut self, text: &str) {
        self.out.push_str(text);
    }

    /// The finished source.
    pub fn finish(self) -> String {
        self.out
    }
}

/// `text` as a Rust string literal: quotes, backslashes and every character that is not
/// plainly visible (controls, text-direction marks, combining marks) escaped.
pub fn str_literal(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    push_str_literal(&mut out, text);
    out
}

/// Appends `text` as a Rust string literal to `out`.
pub fn push_str_literal(out: &mut String, text: &str) {
    out.reserve(text.len() + 2);
    out.push('"');
    let bytes = text.as_bytes();
    let mut plain_from = 0;
    let mut index = 0;
    while index < bytes.len() {
        let byte = bytes[index];
        if byte.is_ascii() {
            if (b' '..=b'~').contains(&byte) && byte != b'"' && byte != b'\\' {
                index += 1;
                continue;
            }
            out.push_str(&text[plain_from..index]);
            match byte {
                b'"' => out.push_str("\\\""),
                b'\\' => out.push_str("\\\\"),
                b'\n' => out.push_str("\\n"),
                b'\r' => out.push_str("\\r"),
                b'\t' => out.push_str("\\t"),
                other => {
                    let _ = write!(out, "\\u{{{other:x}}}");
                }
            }
            index += 1;
            plain_from = index;
            continue;
        }
        let c = text[index..].chars().next().unwrap_or_default();
        let width = c.len_utf8();
        if needs_escape(c) {
            out.push_str(&text[plain_from..index]);
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
            plain_from = index + width;
        }
        index += width;
    }
    out.push_str(&text[plain_from..]);
    out.push('"');
}

/// Appends `text` as a raw string literal (`r#"..."#`), which needs no escaping and reads
/// as the text itself; text with characters a literal must escape gets a plain literal.
pub fn push_raw_str_literal(out: &mut String, text: &str) {
    let controls = text.bytes().any(|b| b < b' ' || b == 0x7f);
    if controls || (!text.is_ascii() && text.chars().any(|c| !c.is_ascii() && needs_escape(c))) {
        push_str_literal(out, text);
        return;
    }
    // One more `#` than the longest run of them after a quote in the text.
    let mut hashes = 1;
    if text.contains('#') {
        let bytes = text.as_bytes();
        for (index, _) in text.match_indices('"') {
            let run = bytes[index + 1..]
                .iter()
                .take_while(|&&b| b == b'#')
                .count();
            hashes = hashes.max(run + 1);
        }
    }
    out.reserve(text.len() + 3 + 2 * hashes);
    out.push('r');
    for _ in 0..hashes {
        out.push('#');
    }
    out.push('"');
    out.push_str(text);
    out.push('"');
    for _ in 0..hashes {
        out.push('#');
    }
}

/// Whether a non-ASCII character is written as a `\u{...}` escape: controls, format
/// characters (text direction, zero-width) and anything `char::escape_debug` escapes.
fn needs_escape(c: char) -> bool {
    let mut escaped = c.escape_debug();
    escaped.next() == Some('\\')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literals_escape_what_would_break_or_hide() {
        assert_eq!(str_literal("plain"), "\"plain\"");
        assert_eq!(str_literal("a\"b\\c\nd"), "\"a\\\"b\\\\c\\nd\"");
        assert_eq!(str_literal("é😀"), "\"é😀\"");
        assert_eq!(str_literal("x\u{202E}y"), "\"x\\u{202e}y\"");
        assert_eq!(str_literal("\u{0}"), "\"\\u{0}\"");
    }

    #[test]
    fn raw_literals_need_no_escapes_and_fall_back_when_they_would() {
        let mut out = String::new();
        push_raw_str_literal(&mut out, r#"{"a":"b\"c"}"#);
        assert_eq!(out, r###"r#"{"a":"b\"c"}"#"###);
        out.clear();
        push_raw_str_literal(&mut out, "say \"#not\"## done");
        assert_eq!(out, "r###\"say \"#not\"## done\"###");
        out.clear();
        push_raw_str_literal(&mut out, "x\u{202E}y");
        assert_eq!(out, "\"x\\u{202e}y\"");
    }

    #[test]
    fn blocks_indent_their_lines() {
        let mut w = RustWriter::with_capacity(64);
        w.open("fn f() {");
        w.line("g();");
        w.close("}");
        assert_eq!(w.finish(), "fn f() {\n    g();\n}\n");
    }

    #[test]
    fn markdown_becomes_line_comments_without_blank_ends() {
        let mut w = RustWriter::with_capacity(64);
        w.doc_markdown("\n\nIntro\n\n\nMore <b>\n\n");
        assert_eq!(w.finish(), "/// Intro\n///\n///\n/// More &lt;b&gt;\n");
    }
}
