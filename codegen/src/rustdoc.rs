//! Page descriptions into rustdoc text that renders as the page meant and never breaks the
//! build: no doctests, no broken intra-doc links, no stray HTML, no lazy list continuations.

use std::borrow::Cow;
use std::sync::LazyLock;

use memchr::memmem;

/// Converts description Markdown into doc lines (without the leading space).
pub fn doc_lines(markdown: &str) -> Vec<String> {
    let mut lines = Vec::new();
    each_doc_line(markdown, |line| lines.push(line.to_owned()));
    lines
}

/// The lines of [`doc_lines`], handed to `emit` one by one instead of collected.
pub fn each_doc_line(markdown: &str, emit: impl FnMut(&str)) {
    let markdown = visible_text(markdown);
    let mut out = TrimBlankEnds {
        emit,
        started: false,
        blanks: 0,
    };
    let mut in_fence: Option<String> = None;
    let mut in_list = false;
    for raw in markdown.lines() {
        let trimmed = raw.trim();
        if let Some(fence) = &in_fence {
            if trimmed.starts_with(fence.as_str()) {
                out.line(fence);
                in_fence = None;
            } else {
                out.line(raw.trim_end());
            }
            continue;
        }
        if let Some(fence) = fence_marker(trimmed) {
            // Every code block is shown as text, so none becomes a doctest.
            if in_list {
                out.line("");
                in_list = false;
            }
            out.line(&format!("{fence}text"));
            in_fence = Some(fence);
            continue;
        }
        if trimmed.is_empty() {
            in_list = false;
            out.line("");
            continue;
        }
        let is_item = is_list_item(trimmed);
        if in_list && !is_item {
            // A line right after a list would continue the last item lazily.
            out.line("");
        }
        in_list = is_item;
        // Leading indentation would make an indented code block, which rustdoc runs.
        out.line(&escape_inline(trimmed));
    }
    if let Some(fence) = &in_fence {
        out.line(fence);
    }
}

/// Passes lines on without the blank ones at the start and at the end.
struct TrimBlankEnds<F> {
    emit: F,
    /// Whether a non-blank line has been passed on.
    started: bool,
    /// Blank lines held back until a non-blank one shows they are not at the end.
    blanks: usize,
}

impl<F: FnMut(&str)> TrimBlankEnds<F> {
    fn line(&mut self, line: &str) {
        if line.is_empty() {
            self.blanks += usize::from(self.started);
            return;
        }
        for _ in 0..self.blanks {
            (self.emit)("");
        }
        self.blanks = 0;
        self.started = true;
        (self.emit)(line);
    }
}

/// Replaces what rustc or clippy reject in doc comments: text-direction control characters
/// (which can make code read differently than it compiles) are written as `U+XXXX`, and tabs
/// become spaces.
fn visible_text(markdown: &str) -> Cow<'_, str> {
    let hidden = |c: char| {
        matches!(
            c,
            '\u{202A}'..='\u{202E}'
                | '\u{2066}'..='\u{2069}'
                | '\u{200E}'
                | '\u{200F}'
                | '\u{061C}'
                | '\t'
                | '\r'
        )
    };
    // Every character `hidden` matches is a tab, a carriage return, or starts with the byte
    // 0xD8 (U+061C) or 0xE2 (U+2000 to U+2FFF) in UTF-8: a byte search settles most texts.
    let bytes = markdown.as_bytes();
    let may_hide = memchr::memchr3(b'\t', b'\r', 0xE2, bytes).is_some()
        || memchr::memchr(0xD8, bytes).is_some();
    if !may_hide || !markdown.contains(hidden) {
        return Cow::Borrowed(markdown);
    }
    let mut out = String::with_capacity(markdown.len() + 16);
    for c in markdown.chars() {
        match c {
            '\t' => out.push_str("    "),
            '\r' => {}
            c if hidden(c) => {
                let _ =
                    std::fmt::Write::write_fmt(&mut out, format_args!("U+{:04X}", u32::from(c)));
            }
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

fn fence_marker(line: &str) -> Option<String> {
    for marker in ['`', '~'] {
        let count = line.chars().take_while(|&c| c == marker).count();
        if count >= 3 {
            return Some(marker.to_string().repeat(count));
        }
    }
    None
}

fn is_list_item(line: &str) -> bool {
    if let Some(rest) = line.strip_prefix(['-', '*', '+']) {
        return rest.starts_with(' ') || rest.is_empty();
    }
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    digits > 0 && line[digits..].starts_with(['.', ')']) && line[digits + 1..].starts_with(' ')
}

/// Escapes what rustdoc would misread outside inline code: `<` and `>` (HTML tags),
/// `[x]` not followed by `(` (intra-doc links), bare URLs (linted), and a leading `#`.
fn escape_inline(line: &str) -> Cow<'_, str> {
    if !has_markup(line) {
        // Neither the prose nor the code spans change.
        return if line.starts_with('#') {
            Cow::Owned(format!("\\{line}"))
        } else {
            Cow::Borrowed(line)
        };
    }
    let mut out = String::with_capacity(line.len() + 8);
    let mut rest = line;
    let mut in_code = false;
    while !rest.is_empty() {
        let next_tick = rest.find('`').unwrap_or(rest.len());
        let (chunk, after) = rest.split_at(next_tick);
        if in_code {
            out.push_str(chunk);
        } else {
            out.push_str(&escape_prose(chunk));
        }
        if after.is_empty() {
            break;
        }
        let ticks = after.chars().take_while(|&c| c == '`').count();
        out.push_str(&after[..ticks]);
        rest = &after[ticks..];
        let closes_later = || {
            if ticks == 1 {
                rest.contains('`')
            } else {
                rest.contains(&"`".repeat(ticks))
            }
        };
        if in_code || closes_later() {
            in_code = !in_code;
        }
    }
    if out.starts_with('#') {
        out.insert(0, '\\');
    }
    Cow::Owned(out)
}

fn escape_prose(text: &str) -> Cow<'_, str> {
    if !has_markup(text) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    let bytes = text.as_bytes();
    // Every character that is rewritten is ASCII, so the plain runs between them are copied
    // whole.
    let mut plain = 0;
    let mut i = 0;
    while i < bytes.len() {
        let replacement = match bytes[i] {
            b'h' if text[i..].starts_with("http://") || text[i..].starts_with("https://") => {
                out.push_str(&text[plain..i]);
                let rest = &text[i..];
                let preceded_by_link = out.ends_with("](") || out.ends_with('<');
                let end = rest
                    .find(|c: char| c.is_whitespace() || c == ')' || c == '>' || c == '"')
                    .unwrap_or(rest.len());
                let url = rest[..end].trim_end_matches(['.', ',', ';', ':']);
                if preceded_by_link {
                    out.push_str(url);
                } else {
                    out.push('<');
                    out.push_str(url);
                    out.push('>');
                }
                i += url.len();
                plain = i;
                continue;
            }
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'[' if closes_as_link(bytes, i) => "[",
            b'[' => "\\[",
            b']' if bytes.get(i + 1) == Some(&b'(') => "]",
            b']' => "\\]",
            _ => {
                i += 1;
                continue;
            }
        };
        out.push_str(&text[plain..i]);
        out.push_str(replacement);
        i += 1;
        plain = i;
    }
    out.push_str(&text[plain..]);
    Cow::Owned(out)
}

/// Whether `text` holds anything [`escape_prose`] rewrites: `<`, `>`, `[`, `]` or `http`.
fn has_markup(text: &str) -> bool {
    // Built once: setting up a substring search costs more than running it on a line.
    static HTTP: LazyLock<memmem::Finder<'static>> = LazyLock::new(|| memmem::Finder::new("http"));
    let bytes = text.as_bytes();
    memchr::memchr3(b'<', b'>', b'[', bytes).is_some()
        || memchr::memchr(b']', bytes).is_some()
        || HTTP.find(bytes).is_some()
}

/// Whether the `[` at `open` starts a Markdown link `[text](url)`.
fn closes_as_link(bytes: &[u8], open: usize) -> bool {
    let mut depth = 0usize;
    for (i, &b) in bytes.iter().enumerate().skip(open) {
        match b {
            b'[' => depth += 1,
            b']' => {
                depth -= 1;
                if depth == 0 {
                    return bytes.get(i + 1) == Some(&b'(');
                }
            }
            _ => {}
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_blocks_become_text_and_indentation_is_dropped() {
        let lines = doc_lines("Intro\n\n```\nfn main() {}\n```\n\n    indented();");
        assert_eq!(
            lines,
            vec![
                "Intro",
                "",
                "```text",
                "fn main() {}",
                "```",
                "",
                "indented();"
            ]
        );
    }

    #[test]
    fn html_links_and_urls_are_escaped_outside_code() {
        assert_eq!(escape_inline("a <b> and `<c>`"), "a &lt;b&gt; and `<c>`");
        assert_eq!(
            escape_inline("see [x] and [y](https://y.test)"),
            "see \\[x\\] and [y](https://y.test)"
        );
        assert_eq!(
            escape_inline("at https://dub.co/help."),
            "at <https://dub.co/help>."
        );
        assert_eq!(escape_inline("# not a heading"), "\\# not a heading");
    }

    #[test]
    fn direction_controls_and_tabs_are_made_visible() {
        assert_eq!(doc_lines("a\u{202E}b\tc"), vec!["aU+202Eb    c"]);
    }

    #[test]
    fn a_list_is_closed_before_following_text() {
        let lines = doc_lines("Options:\n- a\n- b\nAfter.");
        assert_eq!(lines, vec!["Options:", "- a", "- b", "", "After."]);
    }
}
