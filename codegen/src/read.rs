//! Stage one: a Markdown page into its parts (title, description, tables, code blocks), every
//! piece kept with its source span. Nothing here knows what a type cell means.

use pulldown_cmark::{CodeBlockKind, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use crate::diagnostic::Diagnostic;
use crate::source::{FileId, SourceFile, Span};

/// A piece of page text and where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text {
    /// The text, trimmed.
    pub value: String,
    /// Where the text sits in the page.
    pub span: Span,
}

/// One table cell: its raw Markdown, trimmed.
pub type Cell = Text;

/// A table row: its cells and the span of the whole line.
#[derive(Debug, Clone)]
pub struct Row {
    /// The cells, as many as the row has (which may differ from the header).
    pub cells: Vec<Cell>,
    /// The span of the row's line.
    pub span: Span,
}

/// A pipe table.
#[derive(Debug, Clone)]
pub struct Table {
    /// Header cells.
    pub header: Vec<Cell>,
    /// Body rows.
    pub rows: Vec<Row>,
    /// Span of the header line.
    pub span: Span,
}

/// A fenced or indented code block.
#[derive(Debug, Clone)]
pub struct CodeBlock {
    /// The info string's first word (`typescript`, `go`), empty when none.
    pub language: String,
    /// The code.
    pub code: String,
    /// Span of the whole block.
    pub span: Span,
}

/// A `### ` heading inside a section, with the code blocks under it.
#[derive(Debug, Clone)]
pub struct SubHeading {
    /// The heading text (raw Markdown, may be empty).
    pub heading: Text,
    /// Code blocks between this heading and the next one.
    pub code_blocks: Vec<CodeBlock>,
}

/// A `## ` section of a page.
#[derive(Debug, Clone)]
pub struct Section {
    /// The heading text.
    pub heading: Text,
    /// Tables directly in the section (before any `###`).
    pub tables: Vec<Table>,
    /// Code blocks directly in the section (before any `###`).
    pub code_blocks: Vec<CodeBlock>,
    /// Raw Markdown text of the section that is neither table nor code, trimmed.
    pub prose: String,
    /// The items of the section's bullet lists (before any `###`), each without its marker.
    pub items: Vec<Text>,
    /// `### ` headings in the section.
    pub sub_headings: Vec<SubHeading>,
}

/// A page split into its parts.
#[derive(Debug, Clone)]
pub struct Page {
    /// The file the page came from.
    pub file: FileId,
    /// The H1 text with strike-through removed.
    pub title: Text,
    /// Whether the title is struck through or a deprecation notice follows it.
    pub deprecated: bool,
    /// The raw Markdown between the title and the first `## ` heading, without the
    /// deprecation notice; empty when there is none.
    pub description: String,
    /// The text of the deprecation notice, when the page has one.
    pub deprecation_note: Option<String>,
    /// The `## ` sections in page order.
    pub sections: Vec<Section>,
}

impl Page {
    /// The first section whose heading is `name` (compared without case).
    pub fn section(&self, name: &str) -> Option<&Section> {
        self.sections
            .iter()
            .find(|s| s.heading.value.eq_ignore_ascii_case(name))
    }
}

const DEPRECATION_MARK: &str = "**DEPRECATED**";

/// Reads one page. Returns `None` (with an error pushed) when the page has no title.
pub fn read_page(
    file_id: FileId,
    file: &SourceFile,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Page> {
    let text = file.text.as_str();
    let span = |range: std::ops::Range<usize>| Span::new(file_id, range);
    if text.trim().is_empty() {
        diagnostics.push(
            Diagnostic::error(span(0..0), "the page is empty")
                .with_help("a model page starts with a `# Name` title followed by a `## Fields`, `## Values` or `## Supported Types` section"),
        );
        return None;
    }

    let mut title: Option<(Text, bool)> = None;
    let mut description_range: Option<(usize, usize)> = None;
    let mut sections: Vec<Section> = Vec::new();
    let mut heading_start: Option<(HeadingLevel, usize)> = None;
    let mut code: Option<(String, String, usize)> = None;
    let mut table_range: Option<std::ops::Range<usize>> = None;
    let mut prose_ranges: Vec<std::ops::Range<usize>> = Vec::new();
    let mut depth = 0usize;

    let parser = Parser::new_ext(text, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH);
    for (event, range) in parser.into_offset_iter() {
        match event {
            Event::Start(tag) => {
                let top_level = depth == 0;
                depth += 1;
                match tag {
                    Tag::Heading { level, .. } => heading_start = Some((level, range.start)),
                    Tag::CodeBlock(kind) => {
                        let language = match kind {
                            CodeBlockKind::Fenced(info) => {
                                info.split_whitespace().next().unwrap_or("").to_owned()
                            }
                            CodeBlockKind::Indented => String::new(),
                        };
                        code = Some((language, String::new(), range.start));
                    }
                    Tag::Table(_) => table_range = Some(range.clone()),
                    // An item of a list at the top of the section.
                    Tag::Item if depth == 2 => {
                        if let Some(section) = sections.last_mut() {
                            if section.sub_headings.is_empty() {
                                section.items.push(list_item(text, range.clone(), file_id));
                            }
                        }
                    }
                    _ if top_level => prose_ranges.push(range.clone()),
                    _ => {}
                }
            }
            Event::End(tag_end) => {
                depth = depth.saturating_sub(1);
                match tag_end {
                    TagEnd::Heading(level) => {
                        let Some((_, start)) = heading_start.take() else {
                            continue;
                        };
                        let heading = heading_text(text, start..range.end, file_id);
                        match level {
                            HeadingLevel::H1 if title.is_none() => {
                                let (value, struck) = strip_strikethrough(&heading.value);
                                description_range = Some((range.end, text.len()));
                                title = Some((
                                    Text {
                                        value,
                                        span: heading.span,
                                    },
                                    struck,
                                ));
                            }
                            HeadingLevel::H2 => {
                                if let Some((from, to)) = description_range.as_mut() {
                                    if *to == text.len() && sections.is_empty() {
                                        *to = start.max(*from);
                                    }
                                }
                                sections.push(Section {
                                    heading,
                                    tables: Vec::new(),
                                    code_blocks: Vec::new(),
                                    prose: String::new(),
                                    items: Vec::new(),
                                    sub_headings: Vec::new(),
                                });
                                prose_ranges.clear();
                            }
                            HeadingLevel::H1 => {}
                            _ => {
                                if let Some(section) = sections.last_mut() {
                                    section.sub_headings.push(SubHeading {
                                        heading,
                                        code_blocks: Vec::new(),
                                    });
                                }
                            }
                        }
                    }
                    TagEnd::CodeBlock => {
                        if let Some((language, code_text, start)) = code.take() {
                            let block = CodeBlock {
                                language,
                                code: code_text,
                                span: span(start..trim_end_offset(text, range.end)),
                            };
                            if let Some(section) = sections.last_mut() {
                                match section.sub_headings.last_mut() {
                                    Some(sub) => sub.code_blocks.push(block),
                                    None => section.code_blocks.push(block),
                                }
                            }
                        }
                    }
                    TagEnd::Table => {
                        if let (Some(range), Some(section)) =
                            (table_range.take(), sections.last_mut())
                        {
                            if section.sub_headings.is_empty() {
                                section.tables.push(split_table(text, range, file_id));
                            }
                        }
                    }
                    _ if depth == 0 => {
                        if let Some(section) = sections.last_mut() {
                            if section.sub_headings.is_empty() {
                                for r in prose_ranges.drain(..) {
                                    if !section.prose.is_empty() {
                                        section.prose.push('\n');
                                    }
                                    section.prose.push_str(text[r].trim());
                                }
                            }
                        }
                        prose_ranges.clear();
                    }
                    _ => {}
                }
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some((_, code_text, _)) = code.as_mut() {
                    code_text.push_str(&t);
                }
            }
            _ => {}
        }
    }

    let Some((title, struck)) = title else {
        let first_line = file.line_range(1);
        diagnostics.push(
            Diagnostic::error(span(first_line), "the page has no `# Name` title")
                .with_label("expected the model's name as the first heading")
                .with_help("start the page with a line such as `# Customer`"),
        );
        return None;
    };
    if title.value.is_empty() {
        diagnostics.push(
            Diagnostic::error(title.span.clone(), "the page title is empty")
                .with_help("write the model's name after `# `"),
        );
        return None;
    }

    let raw_description = description_range
        .map(|(from, to)| text[from..to].trim())
        .unwrap_or("");
    let (description, note) = strip_deprecation_notice(raw_description);
    Some(Page {
        file: file_id,
        title,
        deprecated: struck || note.is_some(),
        description,
        deprecation_note: note,
        sections,
    })
}

/// A list item's first line without its marker (`- `, `* `, `1. `), and its span.
fn list_item(text: &str, range: std::ops::Range<usize>, file: FileId) -> Text {
    let raw = &text[range.clone()];
    let line = &raw[..raw.find('\n').unwrap_or(raw.len())];
    let marker = line
        .find(|c: char| !(c.is_ascii_digit() || matches!(c, '-' | '*' | '+' | '.' | ')')))
        .unwrap_or(line.len());
    let content = line[marker..].trim();
    let start = range.start + marker + (line[marker..].len() - line[marker..].trim_start().len());
    Text {
        value: content.to_owned(),
        span: Span::new(file, start..start + content.len()),
    }
}

/// The text of a heading line without its `#` marks, and its span.
fn heading_text(text: &str, range: std::ops::Range<usize>, file: FileId) -> Text {
    let raw = &text[range.clone()];
    let line_end = raw.find('\n').unwrap_or(raw.len());
    let line = &raw[..line_end];
    let after_marks = line.trim_start_matches('#');
    let leading = line.len() - after_marks.len();
    let content = after_marks.trim_end_matches(['\r', ' ', '\t']);
    let content = content.trim_end_matches('#').trim_end();
    let trimmed = content.trim_start();
    let start = range.start + leading + (content.len() - trimmed.len());
    Text {
        value: trimmed.to_owned(),
        span: Span::new(file, start..start + trimmed.len()),
    }
}

fn trim_end_offset(text: &str, end: usize) -> usize {
    let mut end = end;
    while end > 0 && matches!(text.as_bytes()[end - 1], b'\n' | b'\r') {
        end -= 1;
    }
    end
}

/// `~~Name~~` into `Name` and whether it was struck through.
fn strip_strikethrough(value: &str) -> (String, bool) {
    match value
        .strip_prefix("~~")
        .and_then(|rest| rest.strip_suffix("~~"))
    {
        Some(inner) => (inner.trim().to_owned(), true),
        None => (value.to_owned(), false),
    }
}

/// Removes a `> :warning: **DEPRECATED**: ...` blockquote from a description and returns
/// the notice's own text.
fn strip_deprecation_notice(description: &str) -> (String, Option<String>) {
    let mut note = None;
    let kept: Vec<&str> = description
        .lines()
        .filter(|line| {
            let is_notice = line.trim_start().starts_with('>') && line.contains(DEPRECATION_MARK);
            if is_notice {
                let after =
                    &line[line.find(DEPRECATION_MARK).unwrap_or(0) + DEPRECATION_MARK.len()..];
                note = Some(after.trim_start_matches([':', ' ']).trim().to_owned());
            }
            !is_notice
        })
        .collect();
    (kept.join("\n").trim().to_owned(), note)
}

/// Splits the raw lines of a table on unescaped `|`, keeping each cell's span. Column
/// widths are never relied on.
fn split_table(text: &str, range: std::ops::Range<usize>, file: FileId) -> Table {
    let mut lines = Vec::new();
    let mut offset = range.start;
    for line in text[range.clone()].split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let content = line.trim_end_matches(['\n', '\r']);
        if content.trim().is_empty() {
            continue;
        }
        lines.push((start, content));
    }
    let mut rows = lines
        .into_iter()
        .map(|(start, content)| split_row(content, start, file));
    let header = rows.next().unwrap_or_else(|| Row {
        cells: Vec::new(),
        span: Span::new(file, range.start..range.start),
    });
    // The delimiter row (`| --- | --- |`) is second.
    let _delimiter = rows.next();
    Table {
        header: header.cells,
        span: header.span,
        rows: rows.collect(),
    }
}

fn split_row(line: &str, line_start: usize, file: FileId) -> Row {
    let trimmed_start = line.len() - line.trim_start().len();
    let body_end = line.trim_end().len();
    let mut start = trimmed_start;
    let mut end = body_end;
    if line[start..end].starts_with('|') {
        start += 1;
    }
    if end > start && line[start..end].ends_with('|') && !line[start..end].ends_with("\\|") {
        end -= 1;
    }
    let mut cells = Vec::new();
    let mut cell_start = start;
    let bytes = line.as_bytes();
    let mut i = start;
    while i <= end {
        if i == end || (bytes[i] == b'|' && (i == 0 || bytes[i - 1] != b'\\')) {
            let raw = &line[cell_start..i];
            let lead = raw.len() - raw.trim_start().len();
            let value = raw.trim();
            let from = line_start + cell_start + lead;
            cells.push(Text {
                value: value.to_owned(),
                span: Span::new(file, from..from + value.len()),
            });
            cell_start = i + 1;
        }
        i += 1;
    }
    Row {
        cells,
        span: Span::new(file, line_start + trimmed_start..line_start + body_end),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn read(text: &str) -> (Option<Page>, Vec<Diagnostic>, SourceFile) {
        let file = SourceFile::new(PathBuf::from("p.md"), "p.md".into(), text.into());
        let mut diagnostics = Vec::new();
        let page = read_page(FileId(0), &file, &mut diagnostics);
        (page, diagnostics, file)
    }

    #[test]
    fn reads_title_description_and_fields_table_with_spans() {
        let text = "# Pet\n\nA pet.\n\n## Fields\n\n| Field | Type | Required |\n| --- | --- | --- |\n| `name` | *string* | :heavy_check_mark: |";
        let (page, diagnostics, file) = read(text);
        let page = page.unwrap();
        assert!(diagnostics.is_empty());
        assert_eq!(page.title.value, "Pet");
        assert_eq!(page.description, "A pet.");
        let table = &page.section("Fields").unwrap().tables[0];
        assert_eq!(table.header.len(), 3);
        let cell = &table.rows[0].cells[1];
        assert_eq!(cell.value, "*string*");
        assert_eq!(&file.text[cell.span.range.clone()], "*string*");
        assert_eq!(file.line_column(cell.span.range.start), (9, 12));
    }

    #[test]
    fn escaped_pipes_stay_in_their_cell() {
        let text =
            "# U\n\n## Fields\n\n| Field | Type |\n| - | - |\n| `a` | [string\\|null](u.md) |\n";
        let (page, _, _) = read(text);
        let row = &page.unwrap().sections[0].tables[0].rows[0];
        assert_eq!(row.cells.len(), 2);
        assert_eq!(row.cells[1].value, "[string\\|null](u.md)");
    }

    #[test]
    fn struck_title_and_notice_mark_deprecation() {
        let text = "# ~~Old~~\n\n> :warning: **DEPRECATED**: This will be removed.\n\nStill here.\n\n## Fields\n";
        let (page, _, _) = read(text);
        let page = page.unwrap();
        assert_eq!(page.title.value, "Old");
        assert!(page.deprecated);
        assert_eq!(page.description, "Still here.");
    }

    #[test]
    fn sub_headings_collect_their_code_blocks() {
        let text = "# U\n\n## Supported Types\n\n### `str`\n\n```python\nvalue: str = \"\"\n```\n\n### \n\n```go\nx := y([]string{})\n```\n";
        let (page, _, _) = read(text);
        let page = page.unwrap();
        let subs = &page.section("Supported Types").unwrap().sub_headings;
        assert_eq!(subs.len(), 2);
        assert_eq!(subs[0].heading.value, "`str`");
        assert_eq!(subs[1].heading.value, "");
        assert!(subs[1].code_blocks[0].code.contains("[]string"));
    }

    #[test]
    fn missing_title_and_empty_page_are_errors() {
        let (page, diagnostics, _) = read("## Fields\n");
        assert!(page.is_none());
        assert!(diagnostics[0].message.contains("no `# Name` title"));
        let (page, diagnostics, _) = read("  \n");
        assert!(page.is_none());
        assert!(diagnostics[0].message.contains("empty"));
    }
}
