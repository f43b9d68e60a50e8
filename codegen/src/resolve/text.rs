//! The text of pages: name cells, descriptions, deprecation notices, and what a
//! TypeScript example says about nullability.

use crate::read::Page;

/// Removes backticks, strike-through and surrounding whitespace from a name cell.
pub(super) fn unmark(cell: &str) -> String {
    unmarked(cell).to_owned()
}

/// [`unmark`], borrowed.
pub(super) fn unmarked(cell: &str) -> &str {
    cell.trim()
        .trim_start_matches("~~")
        .trim_end_matches("~~")
        .trim()
        .trim_matches('`')
        .trim()
}

/// Turns SDK description text into Markdown: `N/A` is no description, `<br/>` a line break.
pub fn clean_description(text: &str) -> String {
    let text = text.trim();
    if text == "N/A" {
        return String::new();
    }
    if !text.bytes().any(|b| matches!(b, b'\\' | b'<' | b'\n')) {
        // One line, already trimmed, with nothing to replace.
        return text.to_owned();
    }
    let replaced;
    let text = if text.bytes().any(|b| b == b'\\' || b == b'<') {
        replaced = text
            .replace("\\|", "|")
            .replace("<br/><br/>", "\n\n")
            .replace("<br />", "\n")
            .replace("<br/>", "\n")
            .replace("<br>", "\n");
        replaced.as_str()
    } else {
        text
    };
    let mut joined = String::with_capacity(text.len());
    for (index, line) in text.lines().enumerate() {
        if index > 0 {
            joined.push('\n');
        }
        joined.push_str(line.trim_end());
    }
    match joined.trim() {
        trimmed if trimmed.len() == joined.len() => joined,
        trimmed => trimmed.to_owned(),
    }
}

/// Splits a field's mangled deprecation notice off its description: returns the note and
/// the rest.
pub(super) fn split_field_deprecation(description: &str) -> Option<(String, String)> {
    let trimmed = description.trim_start();
    if !trimmed.starts_with(':') {
        return None;
    }
    let compact: String = trimmed
        .chars()
        .take(40)
        .filter(|c| !c.is_whitespace())
        .collect();
    if !compact.starts_with(":warning:**DEPRECATED**") {
        return None;
    }
    let after_notice = match trimmed.find("<br/><br/>") {
        Some(at) => &trimmed[at + "<br/><br/>".len()..],
        None => "",
    };
    let boilerplate = trimmed[..trimmed.find("<br/><br/>").unwrap_or(trimmed.len())]
        .split_once("**:")
        .map_or("", |(_, rest)| rest)
        .trim()
        .to_owned();
    if let Some(rest) = after_notice.trim_start().strip_prefix("Deprecated:") {
        let rest = rest.trim_start();
        let (note, remainder) = match rest.find(". ") {
            Some(at) => (&rest[..=at], &rest[at + 2..]),
            None => (rest, ""),
        };
        return Some((note.trim().to_owned(), remainder.trim().to_owned()));
    }
    Some((boilerplate, after_notice.trim().to_owned()))
}

/// Top-level properties that the page's TypeScript `## Example Usage` sets to `null`
/// (`title: null,`): the only place a TypeScript page shows that a field is nullable.
pub(super) fn null_fields_in_example_usage(page: &Page) -> Vec<String> {
    let Some(section) = page.section("Example Usage") else {
        return Vec::new();
    };
    let mut fields = Vec::new();
    for block in &section.code_blocks {
        let mut depth = 0i32;
        for line in block.code.lines() {
            let trimmed = line.trim();
            if depth == 1 {
                if let Some((key, value)) = trimmed.split_once(':') {
                    let key = key.trim().trim_matches('"');
                    let is_key = !key.is_empty()
                        && key
                            .chars()
                            .all(|c| c.is_alphanumeric() || c == '_' || c == '$');
                    if is_key && value.trim().trim_end_matches(',') == "null" {
                        fields.push(key.to_owned());
                    }
                }
            }
            for c in trimmed.chars() {
                match c {
                    '{' | '[' | '(' => depth += 1,
                    '}' | ']' | ')' => depth -= 1,
                    _ => {}
                }
            }
        }
    }
    fields
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn descriptions_are_cleaned() {
        let by_steps = |text: &str| -> String {
            let text = text.trim();
            if text == "N/A" {
                return String::new();
            }
            let text = text
                .replace("\\|", "|")
                .replace("<br/><br/>", "\n\n")
                .replace("<br />", "\n")
                .replace("<br/>", "\n")
                .replace("<br>", "\n");
            text.lines()
                .map(str::trim_end)
                .collect::<Vec<_>>()
                .join("\n")
                .trim()
                .to_owned()
        };
        for text in [
            "",
            " N/A ",
            "plain",
            "a \\| b",
            "one<br/><br/>two",
            "x <br> y<br />z<br/>",
            "trailing  \nspaces\t\r\nhere",
            "<br/>",
            "  \n\n x \n\n",
            "a\r\nb",
        ] {
            assert_eq!(clean_description(text), by_steps(text), "{text:?}");
        }
        assert_eq!(unmark(" ~~`a`~~ "), "a");
        assert_eq!(unmark("~~~x~~~"), "~x~");
    }

    #[test]
    fn field_deprecation_notes_are_split_off() {
        let (note, rest) = split_field_deprecation(": warning: ** DEPRECATED **: This will be removed in a future release, please migrate away from it as soon as possible.<br/><br/>Deprecated: Use `tags` instead. The unique ID of the tag.").unwrap();
        assert_eq!(note, "Use `tags` instead.");
        assert_eq!(rest, "The unique ID of the tag.");
        assert!(split_field_deprecation("Plain text.").is_none());
    }
}
