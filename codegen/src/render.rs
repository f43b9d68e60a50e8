//! Rendering diagnostics: rustc-like text for people, JSON objects for tools.
//!
//! Both forms read positions through the same clamped byte range, so a
//! diagnostic whose span is slightly off (past the end of the text, inside a
//! multi-byte character, between the `\r` and `\n` of a CRLF line ending, or
//! reversed) still renders instead of panicking, and the text and JSON forms
//! agree on where it points.

use std::ops::Range;

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use serde_json::{json, Value};

use crate::diagnostic::{Diagnostic, Severity};
use crate::source::{SourceFile, SourceMap, Span};

/// Renders one diagnostic the way rustc does, with `annotate-snippets`.
///
/// The output has the severity, the code when there is one, and the message
/// (`error: ...`, `error[code]: ...`), then, when the
/// diagnostic has a span, the `--> path:line:column` line and the source
/// lines it covers with the span underlined and labelled, then `= help: ...`
/// when there is help. Columns count characters, starting at 1. With `color`
/// the text carries ANSI styles; without it, it is plain.
///
/// The result has no trailing newline: print it with `eprintln!`.
pub fn render_human(diagnostic: &Diagnostic, sources: &SourceMap, color: bool) -> String {
    let level = level(diagnostic.severity);
    let mut title = level.primary_title(diagnostic.message.as_str());
    if let Some(code) = &diagnostic.code {
        title = title.id(*code);
    }
    let mut group = Group::with_title(title);
    if let Some(span) = &diagnostic.span {
        let file = sources.get(span.file);
        let excerpt = Excerpt::new(file, span);
        let annotation = AnnotationKind::Primary
            .span(excerpt.annotation)
            .label(diagnostic.label.as_deref());
        group = group.element(
            Snippet::source(&file.text[excerpt.text])
                .line_start(excerpt.first_line)
                .path(file.display_path.display().to_string())
                .annotation(annotation),
        );
    }
    if let Some(help) = &diagnostic.help {
        group = group.element(Level::HELP.message(help.as_str()));
    }
    renderer(color).render(&[group])
}

/// Renders every diagnostic with [`render_human`], separated by blank lines,
/// followed by a summary line: [`render_report`] with every warning shown.
pub fn render_all_human(diagnostics: &[Diagnostic], sources: &SourceMap, color: bool) -> String {
    render_report(diagnostics, sources, color, true)
}

/// How many places a collapsed line lists before `...`.
pub const FIRST_PLACES: usize = 3;

/// One entry of a report: a diagnostic shown in full, or the warnings of one code shown as
/// one line.
#[derive(Debug)]
pub enum Entry<'a> {
    /// A diagnostic shown in full.
    One(&'a Diagnostic),
    /// Three or more warnings of one code, shown as one line with a count.
    Collapsed {
        /// Their code.
        code: &'static str,
        /// The warnings, in order.
        warnings: Vec<&'a Diagnostic>,
    },
}

/// Orders a run's diagnostics for showing: errors (and notes) first, in their order, then
/// the warnings. When `verbose`, every warning is shown, in its order; otherwise the warnings
/// are grouped by code in the order each code first occurs, and a code with three or more
/// warnings becomes one [`Entry::Collapsed`] (a code that occurs once or twice is shown in
/// full).
pub fn entries(diagnostics: &[Diagnostic], verbose: bool) -> Vec<Entry<'_>> {
    let mut out: Vec<Entry<'_>> = diagnostics
        .iter()
        .filter(|d| d.severity != Severity::Warning)
        .map(Entry::One)
        .collect();
    if verbose {
        let warnings = diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Warning);
        out.extend(warnings.map(Entry::One));
        return out;
    }
    let mut groups: Vec<(Option<&'static str>, Vec<&Diagnostic>)> = Vec::new();
    for warning in diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Warning)
    {
        match groups.iter_mut().find(|(code, _)| *code == warning.code) {
            Some((_, members)) => members.push(warning),
            None => groups.push((warning.code, vec![warning])),
        }
    }
    for (code, warnings) in groups {
        match code {
            Some(code) if warnings.len() > 2 => out.push(Entry::Collapsed { code, warnings }),
            _ => out.extend(warnings.into_iter().map(Entry::One)),
        }
    }
    out
}

/// The one-line message of collapsed warnings: a count, what they report, the first
/// [`FIRST_PLACES`] places and `hint` (how to see every one), such as `5 links that point
/// to no file ... (first: a.md:3:5, b.md:9:1, c.md:2:2, ...; --verbose shows every one)`.
pub fn collapsed_message(
    code: &str,
    warnings: &[&Diagnostic],
    sources: &SourceMap,
    hint: &str,
) -> String {
    let what = crate::lints::description(code).unwrap_or("warnings");
    let mut places: Vec<String> = warnings
        .iter()
        .filter_map(|d| d.location(sources))
        .take(FIRST_PLACES)
        .map(|(file, line, column)| format!("{file}:{line}:{column}"))
        .collect();
    if warnings.len() > places.len() {
        places.push("...".to_owned());
    }
    format!(
        "{} {what} (first: {}; {hint})",
        warnings.len(),
        places.join(", ")
    )
}

/// Renders a run's diagnostics for people: every error first, then the warnings (collapsed
/// by code unless `verbose`, see [`entries`]), separated by blank lines, then a summary line.
///
/// The summary is `error: could not generate models: N errors, M warnings
/// emitted` when there is an error, `warning: M warnings emitted` when there
/// are only warnings, and absent when there are neither (notes are not
/// counted); collapsed warnings count one each. The result ends with a newline unless it is
/// empty, so print it with `eprint!`.
pub fn render_report(
    diagnostics: &[Diagnostic],
    sources: &SourceMap,
    color: bool,
    verbose: bool,
) -> String {
    let mut blocks: Vec<String> = entries(diagnostics, verbose)
        .into_iter()
        .map(|entry| match entry {
            Entry::One(diagnostic) => render_human(diagnostic, sources, color),
            Entry::Collapsed { code, warnings } => {
                let text = collapsed_message(code, &warnings, sources, "--verbose shows every one");
                let title = Level::WARNING.primary_title(text).id(code);
                renderer(color).render(&[Group::with_title(title)])
            }
        })
        .collect();
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    let warnings = diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Warning)
        .count();
    let summary = if errors > 0 {
        let mut text = format!(
            "could not generate models: {}",
            counted(errors, "error", "errors")
        );
        if warnings > 0 {
            text.push_str(", ");
            text.push_str(&counted(warnings, "warning", "warnings"));
        }
        text.push_str(" emitted");
        Some(Group::with_title(Level::ERROR.primary_title(text)))
    } else if warnings > 0 {
        let text = format!("{} emitted", counted(warnings, "warning", "warnings"));
        Some(Group::with_title(Level::WARNING.primary_title(text)))
    } else {
        None
    };
    if let Some(summary) = summary {
        blocks.push(renderer(color).render(&[summary]));
    }
    let mut out = blocks.join("\n\n");
    if !out.is_empty() {
        out.push('\n');
    }
    out
}

/// Renders one diagnostic as a JSON object for tools.
///
/// Keys, in this order: `severity` (`"error"`, `"warning"` or `"note"`), `code`, `message`,
/// `file` (the display path), `line`, `column`, `end_line`, `end_column`,
/// `label`, `help`. Lines and columns are 1-based and columns count
/// characters; the end position is exclusive (the column just after the last
/// underlined character), so an empty span has equal start and end. `file`
/// and the positions are `null` when the diagnostic has no span; `label` and
/// `help` are `null` when absent, and so is `code` (the warning's kind) for an error.
pub fn render_json(diagnostic: &Diagnostic, sources: &SourceMap) -> Value {
    let (file, line, column, end_line, end_column) = match &diagnostic.span {
        Some(span) => {
            let source = sources.get(span.file);
            let range = clamp_range(&source.text, &span.range);
            let (line, column) = source.line_column(range.start);
            let (end_line, end_column) = source.line_column(range.end);
            (
                Some(source.display_path.display().to_string()),
                Some(line),
                Some(column),
                Some(end_line),
                Some(end_column),
            )
        }
        None => (None, None, None, None, None),
    };
    json!({
        "severity": severity_name(diagnostic.severity),
        "code": diagnostic.code,
        "message": diagnostic.message,
        "file": file,
        "line": line,
        "column": column,
        "end_line": end_line,
        "end_column": end_column,
        "label": diagnostic.label,
        "help": diagnostic.help,
    })
}

/// The annotate-snippets level of a severity.
fn level(severity: Severity) -> Level<'static> {
    match severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Note => Level::NOTE,
    }
}

/// The lowercase name of a severity, as printed and as put in JSON.
fn severity_name(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Note => "note",
    }
}

/// The renderer for `color`: ANSI styles or plain text, ASCII decorations.
fn renderer(color: bool) -> Renderer {
    if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    }
}

/// `1 error`, `2 errors`.
pub fn counted(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Makes a span's range safe to slice `text` with and to hand to annotate-snippets.
///
/// The result lies within the text, starts and ends on character boundaries
/// (the start rounded down, the end rounded up), never starts or ends between
/// the `\r` and `\n` of a CRLF line ending, and is never reversed. An empty
/// or reversed range becomes an empty range at its (adjusted) start.
fn clamp_range(text: &str, range: &Range<usize>) -> Range<usize> {
    let bytes = text.as_bytes();
    let inside_crlf = |at: usize| at > 0 && bytes.get(at) == Some(&b'\n') && bytes[at - 1] == b'\r';

    let mut start = range.start.min(text.len());
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    if inside_crlf(start) {
        start -= 1;
    }
    if range.end <= range.start {
        return start..start;
    }
    let mut end = range.end.clamp(start, text.len());
    while !text.is_char_boundary(end) {
        end += 1;
    }
    if inside_crlf(end) {
        end -= 1;
    }
    start..end.max(start)
}

/// The whole lines a span touches, and the span relative to them.
struct Excerpt {
    /// Byte range in the file of the lines, without the last line's ending.
    text: Range<usize>,
    /// The 1-based number of the first line.
    first_line: usize,
    /// The span's byte range inside the excerpt.
    annotation: Range<usize>,
}

impl Excerpt {
    fn new(file: &SourceFile, span: &Span) -> Self {
        let range = clamp_range(&file.text, &span.range);
        let (first_line, _) = file.line_column(range.start);
        // A span that ends just after a line ending (it covers the `\n`)
        // ends on that line, not at the start of the next one.
        let last_offset = if range.end > range.start {
            let mut last = range.end - 1;
            while !file.text.is_char_boundary(last) {
                last -= 1;
            }
            last
        } else {
            range.end
        };
        let (last_line, _) = file.line_column(last_offset);
        let text = file.line_range(first_line).start..file.line_range(last_line).end;
        // Clamping to the excerpt keeps a span on a line ending (or one that
        // takes in the line ending) as a mark just after the line's last
        // character. Both ends stay on character boundaries: the excerpt's
        // end is one, and so is every offset of `range` below it.
        let len = text.end - text.start;
        let annotation = (range.start - text.start).min(len)..(range.end - text.start).min(len);
        Excerpt {
            text,
            first_line,
            annotation,
        }
    }
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;
    use crate::source::{FileId, SourceFile};

    const USER: &str =
        "# User\n\n| Field | Type | Required |\n|---|---|---|\n| name | string | maybe |\n";
    const CRLF: &str = "# Order\r\n\r\n| Field | Type |\r\n| id | strng |\r\n";
    const UNICODE: &str = "# Café\n\n| Größe | Typ |\n| größe | zählwerk |\n";

    fn sources() -> (SourceMap, FileId, FileId, FileId) {
        let mut map = SourceMap::default();
        let page = |name: &str, text: &str| {
            SourceFile::new(
                PathBuf::from(format!("spec/{name}")),
                name.to_owned(),
                text.to_owned(),
            )
        };
        let user = map.add(page("user.md", USER));
        let crlf = map.add(page("order.md", CRLF));
        let unicode = map.add(page("café.md", UNICODE));
        (map, user, crlf, unicode)
    }

    /// A span over the first occurrence of `needle` at or after `after` in the file.
    fn span_of(map: &SourceMap, file: FileId, after: &str, needle: &str) -> Span {
        let text = &map.get(file).text;
        let base = text.find(after).expect("anchor in text");
        let start = base + text[base..].find(needle).expect("needle in text");
        Span::new(file, start..start + needle.len())
    }

    /// Checks that line `line_no` is shown containing `source_line` and that
    /// the line under it has carets exactly under `needle` (found in the
    /// source line). All characters in the tests are one column wide.
    fn assert_underlined(out: &str, line_no: usize, source_line: &str, needle: &str) {
        let lines: Vec<&str> = out.lines().collect();
        let prefix = format!("{line_no} |");
        let at = lines
            .iter()
            .position(|l| l.trim_start().starts_with(&prefix))
            .unwrap_or_else(|| panic!("no line {line_no} in:\n{out}"));
        let shown = lines[at];
        assert!(
            shown.ends_with(source_line),
            "line {line_no} is {shown:?}, expected it to show {source_line:?}"
        );
        let column = shown[..shown.find(needle).expect("needle on line")]
            .chars()
            .count();
        let carets = lines[at + 1];
        let caret_at = carets.find('^').expect("carets under the line");
        assert_eq!(
            carets[..caret_at].chars().count(),
            column,
            "carets start under the span in:\n{out}"
        );
        let count = carets[caret_at..].chars().take_while(|&c| c == '^').count();
        assert_eq!(count, needle.chars().count(), "caret count in:\n{out}");
    }

    #[test]
    fn renders_like_rustc() {
        let (map, user, _, _) = sources();
        let diagnostic = Diagnostic::error(
            span_of(&map, user, "| name", "maybe"),
            "unknown Required mark `maybe`",
        )
        .with_label("not a Required mark")
        .with_help("write `yes` or `no`");
        let out = render_human(&diagnostic, &map, false);
        let expected = "\
error: unknown Required mark `maybe`
 --> spec/user.md:5:19
  |
5 | | name | string | maybe |
  |                   ^^^^^ not a Required mark
  |
  = help: write `yes` or `no`";
        assert_eq!(out, expected);
        assert_underlined(&out, 5, "| name | string | maybe |", "maybe");
    }

    #[test]
    fn code_and_note() {
        let (map, user, _, _) = sources();
        let diagnostic = Diagnostic {
            severity: Severity::Note,
            ..Diagnostic::error(span_of(&map, user, "| name", "maybe"), "changed")
        }
        .with_code("some-rule");
        let out = render_human(&diagnostic, &map, false);
        assert!(out.starts_with("note[some-rule]: changed\n"), "{out}");
        assert!(out.contains(" --> spec/user.md:5:19\n"), "{out}");
        assert_eq!(render_json(&diagnostic, &map)["severity"], "note");
        // Notes are neither errors nor warnings in the summary.
        assert_eq!(
            render_all_human(&[diagnostic], &map, false),
            format!("{out}\n")
        );
    }

    #[test]
    fn crlf_page() {
        let (map, _, crlf, _) = sources();
        let diagnostic = Diagnostic::warning(
            "example-mismatch",
            span_of(&map, crlf, "| id", "strng"),
            "unknown type",
        )
        .with_help("did you mean `string`?");
        let out = render_human(&diagnostic, &map, false);
        assert!(
            out.starts_with("warning[example-mismatch]: unknown type\n"),
            "{out}"
        );
        assert!(out.contains(" --> spec/order.md:4:8\n"), "{out}");
        assert!(!out.contains('\r'), "{out:?}");
        assert_underlined(&out, 4, "| id | strng |", "strng");
        assert!(out.ends_with("  = help: did you mean `string`?"), "{out}");

        let value = render_json(&diagnostic, &map);
        assert_eq!(value["line"], 4);
        assert_eq!(value["column"], 8);
        assert_eq!(value["end_line"], 4);
        assert_eq!(value["end_column"], 13);
    }

    #[test]
    fn non_ascii_before_the_span() {
        let (map, _, _, unicode) = sources();
        let diagnostic = Diagnostic::error(
            span_of(&map, unicode, "| größe", "zählwerk"),
            "unknown type `zählwerk`",
        )
        .with_label("here");
        let out = render_human(&diagnostic, &map, false);
        // `| größe | ` is 10 characters but 12 bytes.
        assert!(out.contains(" --> spec/café.md:4:11\n"), "{out}");
        assert_underlined(&out, 4, "| größe | zählwerk |", "zählwerk");
        assert!(out.contains("^^^^^^^^ here"), "{out}");
        assert!(!out.contains("help"), "{out}");

        let value = render_json(&diagnostic, &map);
        assert_eq!(value["column"], 11);
        assert_eq!(value["end_column"], 19);
    }

    #[test]
    fn json_fields() {
        let (map, user, _, _) = sources();
        let diagnostic = Diagnostic::error(
            span_of(&map, user, "| name", "maybe"),
            "unknown Required mark `maybe`",
        )
        .with_label("not a Required mark")
        .with_help("write `yes` or `no`");
        assert_eq!(
            render_json(&diagnostic, &map),
            json!({
                "severity": "error",
                "code": null,
                "message": "unknown Required mark `maybe`",
                "file": "spec/user.md",
                "line": 5,
                "column": 19,
                "end_line": 5,
                "end_column": 24,
                "label": "not a Required mark",
                "help": "write `yes` or `no`",
            })
        );
        let value = render_json(&diagnostic, &map);
        let keys: Vec<&str> = value
            .as_object()
            .expect("object")
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(
            keys,
            [
                "severity",
                "code",
                "message",
                "file",
                "line",
                "column",
                "end_line",
                "end_column",
                "label",
                "help"
            ]
        );
    }

    #[test]
    fn json_without_span() {
        let (map, _, _, _) = sources();
        let diagnostic = Diagnostic::global_error("cannot read folder `spec`");
        assert_eq!(
            render_json(&diagnostic, &map),
            json!({
                "severity": "error",
                "code": null,
                "message": "cannot read folder `spec`",
                "file": null,
                "line": null,
                "column": null,
                "end_line": null,
                "end_column": null,
                "label": null,
                "help": null,
            })
        );
        let (map, user, _, _) = sources();
        let warning = Diagnostic::warning("example-mismatch", Span::new(user, 0..1), "w");
        assert_eq!(render_json(&warning, &map)["severity"], "warning");
    }

    #[test]
    fn without_span() {
        let (map, _, _, _) = sources();
        let plain = Diagnostic::global_error("cannot read folder `spec`");
        assert_eq!(
            render_human(&plain, &map, false),
            "error: cannot read folder `spec`"
        );
        let helped = plain.with_help("check the path");
        let out = render_human(&helped, &map, false);
        assert!(
            out.starts_with("error: cannot read folder `spec`\n"),
            "{out}"
        );
        assert!(out.contains("= help: check the path"), "{out}");
        assert!(!out.contains("-->"), "{out}");
    }

    #[test]
    fn empty_span_at_end_of_file() {
        let (map, user, crlf, _) = sources();
        for (file, len) in [(user, USER.len()), (crlf, CRLF.len())] {
            let diagnostic = Diagnostic::error(Span::new(file, len..len), "unexpected end");
            let out = render_human(&diagnostic, &map, false);
            assert!(out.contains(":6:1\n") || out.contains(":5:1\n"), "{out}");
            assert!(out.contains('^'), "{out}");
        }
        let diagnostic = Diagnostic::error(Span::new(user, USER.len()..USER.len()), "end");
        let value = render_json(&diagnostic, &map);
        assert_eq!(
            (value["line"].clone(), value["column"].clone()),
            (json!(6), json!(1))
        );
    }

    #[test]
    fn span_over_a_line_ending_stays_on_its_line() {
        let (map, _, crlf, _) = sources();
        let start = CRLF.find("strng |").expect("in text");
        // `strng |\r\n`: the line's end and its whole line ending.
        let span = Span::new(crlf, start..start + "strng |\r\n".len());
        let out = render_human(&Diagnostic::error(span, "m"), &map, false);
        assert_underlined(&out, 4, "| id | strng |", "strng |");
        assert!(!out.contains("5 |"), "{out}");
    }

    #[test]
    fn multi_line_span() {
        let (map, user, _, _) = sources();
        let start = USER.find("| Field").expect("in text");
        let end = USER.find("| name").expect("in text");
        let out = render_human(
            &Diagnostic::error(Span::new(user, start..end), "table"),
            &map,
            false,
        );
        assert!(out.contains(" --> spec/user.md:3:1\n"), "{out}");
        assert!(out.contains("3 |"), "{out}");
        assert!(out.contains("4 |"), "{out}");
    }

    #[test]
    fn no_panic_on_any_span() {
        let texts = [
            "",
            "\r\n",
            "a\r\né€x\r\n\r\nlast",
            "é\n€\r\n\rz\n",
            "\u{1F600}\t|ö|\r",
        ];
        for text in texts {
            let mut map = SourceMap::default();
            let file = map.add(SourceFile::new(
                PathBuf::from("p.md"),
                "p.md".to_owned(),
                text.to_owned(),
            ));
            for start in 0..=text.len() + 2 {
                for end in 0..=text.len() + 2 {
                    let diagnostic = Diagnostic::error(Span::new(file, start..end), "m")
                        .with_label("l")
                        .with_help("h");
                    let out = render_human(&diagnostic, &map, false);
                    assert!(out.contains(" --> p.md:"), "{out}");
                    let value = render_json(&diagnostic, &map);
                    assert!(value["line"].as_u64().expect("line") >= 1);
                    assert!(value["end_line"].as_u64() >= value["line"].as_u64());
                    let _ = render_human(&diagnostic, &map, true);
                }
            }
        }
    }

    #[test]
    fn clamping() {
        let text = "aé\r\nb";
        assert_eq!(clamp_range(text, &(2..2)), 1..1);
        assert_eq!(clamp_range(text, &(1..2)), 1..3);
        // Half a CRLF line ending grows or shrinks to the whole of it.
        assert_eq!(clamp_range(text, &(4..5)), 3..5);
        assert_eq!(clamp_range(text, &(3..4)), 3..3);
        assert_eq!(clamp_range(text, &(4..4)), 3..3);
        assert_eq!(clamp_range(text, &(0..5)), 0..5);
        assert_eq!(clamp_range(text, &(0..4)), 0..3);
        let reversed = Range { start: 5, end: 1 };
        assert_eq!(clamp_range(text, &reversed), 5..5);
        assert_eq!(clamp_range(text, &(0..100)), 0..text.len());
        assert_eq!(clamp_range(text, &(100..100)), text.len()..text.len());
    }

    #[test]
    fn color() {
        let (map, user, _, _) = sources();
        let diagnostic = Diagnostic::error(span_of(&map, user, "| name", "maybe"), "bad");
        let styled = render_human(&diagnostic, &map, true);
        assert!(styled.contains("\u{1b}["), "{styled:?}");
        assert!(!render_human(&diagnostic, &map, false).contains('\u{1b}'));
    }

    #[test]
    fn all_with_summary() {
        let (map, user, crlf, _) = sources();
        let error = Diagnostic::error(span_of(&map, user, "| name", "maybe"), "first");
        let error2 = Diagnostic::global_error("second");
        let warning = Diagnostic::warning(
            "example-mismatch",
            span_of(&map, crlf, "| id", "strng"),
            "third",
        );
        let out = render_all_human(
            &[error.clone(), warning.clone(), error2.clone()],
            &map,
            false,
        );
        // Errors come first, whatever the order they were found in.
        let expected = format!(
            "{}\n\n{}\n\n{}\n\nerror: could not generate models: 2 errors, 1 warning emitted\n",
            render_human(&error, &map, false),
            render_human(&error2, &map, false),
            render_human(&warning, &map, false),
        );
        assert_eq!(out, expected);

        let out = render_all_human(std::slice::from_ref(&error), &map, false);
        assert!(
            out.ends_with("\n\nerror: could not generate models: 1 error emitted\n"),
            "{out}"
        );

        let out = render_all_human(&[warning.clone(), warning], &map, false);
        assert!(out.ends_with("\n\nwarning: 2 warnings emitted\n"), "{out}");
        assert!(!out.contains("could not generate"), "{out}");

        assert_eq!(render_all_human(&[], &map, false), "");
    }

    #[test]
    fn repeated_warnings_collapse_unless_verbose() {
        let (map, user, crlf, _) = sources();
        let at = |file, needle| span_of(&map, file, "|", needle);
        let linked = |span| Diagnostic::warning("relocated-link", span, "moved link");
        let warnings = vec![
            linked(at(user, "name")),
            Diagnostic::warning("wire-names", at(crlf, "id"), "pascal"),
            linked(at(crlf, "strng")),
            linked(at(user, "maybe")),
            Diagnostic::global_error("broken"),
            linked(at(user, "string")),
            Diagnostic::warning("sdk-only-field", at(user, "name"), "left out"),
            Diagnostic::warning("sdk-only-field", at(user, "maybe"), "left out"),
        ];
        let out = render_report(&warnings, &map, false, false);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines[0], "error: broken", "{out}");
        let collapsed = lines
            .iter()
            .find(|l| l.starts_with("warning[relocated-link]"))
            .expect("one line for the links");
        assert_eq!(
            *collapsed,
            "warning[relocated-link]: 4 links that point to no file and were read by the file name \
             (first: spec/user.md:5:3, spec/order.md:4:8, spec/user.md:5:19, ...; --verbose shows every one)"
        );
        assert_eq!(out.matches("moved link").count(), 0, "{out}");
        // A kind seen once or twice is shown in full.
        assert_eq!(out.matches("warning[sdk-only-field]: left out").count(), 2);
        assert_eq!(out.matches("warning[wire-names]: pascal").count(), 1);
        assert!(out.ends_with("error: could not generate models: 1 error, 7 warnings emitted\n"));
        let first_warning = out.find("warning[").unwrap();
        assert!(out.find("error: broken").unwrap() < first_warning);

        let verbose = render_report(&warnings, &map, false, true);
        assert_eq!(
            verbose
                .matches("warning[relocated-link]: moved link")
                .count(),
            4
        );
        assert!(!verbose.contains("--verbose"), "{verbose}");
    }
}
