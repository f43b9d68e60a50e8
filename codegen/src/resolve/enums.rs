//! `## Values` sections into enums: Name/Value tables and TypeScript literal unions,
//! string and integer values, open and closed.

use rustc_hash::FxHashMap;
use serde_json::Value;

use super::text::{unmark, unmarked};
use super::Resolver;
use crate::diagnostic::Diagnostic;
use crate::ir::{Enum, EnumRepr, EnumValue, ModelId, ModelKind};
use crate::naming::Scope;
use crate::read::{Page, Section};
use crate::source::Span;

impl Resolver<'_> {
    pub(super) fn enumeration(&mut self, id: ModelId, page: &Page, section: &Section) -> ModelKind {
        let mut open = false;
        let mut raw_values: Vec<(Value, Option<String>, Span)> = Vec::new();
        if let Some(table) = section.tables.first() {
            let column = |name: &str| {
                table
                    .header
                    .iter()
                    .position(|c| unmarked(&c.value).eq_ignore_ascii_case(name))
            };
            let Some(value_col) = column("Value") else {
                self.diagnostics.push(
                    Diagnostic::error(
                        table.span.clone(),
                        "the `## Values` table has no `Value` column",
                    )
                    .with_help("an enum's table header is `| Name | Value |`"),
                );
                return ModelKind::Any;
            };
            let name_col = column("Name");
            for row in &table.rows {
                if row.cells.len() != table.header.len() {
                    self.row_width_error(row, table.header.len());
                    continue;
                }
                let cell = &row.cells[value_col];
                let name = name_col.map(|c| unmark(&row.cells[c].value));
                raw_values.push((Value::String(cell.value.clone()), name, cell.span.clone()));
            }
            let all_integers = !raw_values.is_empty()
                && raw_values
                    .iter()
                    .all(|(v, _, _)| v.as_str().is_some_and(|s| s.parse::<i64>().is_ok()));
            if all_integers {
                for (value, _, _) in &mut raw_values {
                    let n: i64 = value.as_str().unwrap_or("0").parse().unwrap_or(0);
                    *value = Value::from(n);
                }
            }
        } else if let Some(block) = section.code_blocks.first() {
            let code = block.code.trim();
            for member in split_top_level(code) {
                let member = member.trim();
                if member.starts_with("Unrecognized<") {
                    open = true;
                    continue;
                }
                let value = if member.starts_with('"') {
                    serde_json::from_str::<String>(member)
                        .ok()
                        .map(Value::String)
                } else {
                    member.parse::<i64>().ok().map(Value::from)
                };
                match value {
                    Some(value) => raw_values.push((value, None, block.span.clone())),
                    None => self.diagnostics.push(
                        Diagnostic::error(block.span.clone(), format!("cannot read enum value `{member}`"))
                            .with_help("write the values as a union of literals: `\"red\" | \"green\"` or `0 | 1`"),
                    ),
                }
            }
        } else if !section.items.is_empty() {
            // Python's bullet list: ``- `"succeeded"` ``, ``- `1` ``.
            for item in &section.items {
                let member = item.value.trim().trim_matches('`').trim();
                let value = if member.starts_with('"') {
                    serde_json::from_str::<String>(member)
                        .ok()
                        .map(Value::String)
                } else {
                    member.parse::<i64>().ok().map(Value::from)
                };
                match value {
                    Some(value) => raw_values.push((value, None, item.span.clone())),
                    None => self.diagnostics.push(
                        Diagnostic::error(item.span.clone(), format!("cannot read enum value `{member}`"))
                            .with_help("write each value as a quoted string or an integer in backticks: ``- `\"red\"` ``"),
                    ),
                }
            }
        } else {
            self.diagnostics.push(
                Diagnostic::error(
                    section.heading.span.clone(),
                    "the `## Values` section lists no values",
                )
                .with_help(
                    "add a `| Name | Value |` table, a list of values such as ``- `\"red\"` ``, or a code block such as `\"red\" | \"green\"`",
                ),
            );
            return ModelKind::Any;
        }
        if announces_open_enum(&self.models[id.0].description)
            || announces_open_enum(&section.prose)
            || page.section("Example Usage").is_some_and(|usage| {
                usage
                    .code_blocks
                    .iter()
                    .any(|b| announces_open_enum(&b.code))
            })
        {
            open = true;
        }
        let integer = raw_values.iter().all(|(v, _, _)| v.is_number()) && !raw_values.is_empty();
        if raw_values.iter().any(|(v, _, _)| v.is_number()) && !integer {
            self.diagnostics.push(
                Diagnostic::error(
                    section.heading.span.clone(),
                    "the enum mixes integer and string values",
                )
                .with_help("quote every value (`\"1\"`) for a string enum, or use only integers"),
            );
            return ModelKind::Any;
        }
        let enum_name = self.models[id.0].name.clone();
        let mut scope = Scope::with_reserved(&["Unrecognized"]);
        let mut seen: FxHashMap<String, Span> = FxHashMap::default();
        let mut values = Vec::new();
        for (value, name, span) in raw_values {
            let key = value.to_string();
            if seen.insert(key.clone(), span.clone()).is_some() {
                self.diagnostics.push(
                    Diagnostic::error(span, format!("enum value {key} is listed twice"))
                        .with_help("remove the repeated row"),
                );
                continue;
            }
            // A string value's own name, when it has letters or digits.
            let own = match &value {
                Value::String(s) => Some(self.names.type_name(s, "")).filter(|n| !n.is_empty()),
                _ => None,
            };
            let wanted = match (own, &value, &name) {
                (Some(own), _, _) => own,
                (None, Value::String(s), _) if s.is_empty() => "Empty".to_owned(),
                (None, _, Some(name)) => self.names.type_name(
                    name.strip_prefix(enum_name.as_str())
                        .filter(|n| !n.is_empty())
                        .unwrap_or(name),
                    "Value",
                ),
                (None, value, None) => self.names.type_name(&value.to_string(), "Value"),
            };
            values.push(EnumValue {
                value,
                rust_name: scope.claim(wanted, ""),
                span,
            });
        }
        ModelKind::Enum(Enum {
            values,
            open,
            repr: if integer {
                EnumRepr::Integer
            } else {
                EnumRepr::String
            },
        })
    }
}

/// Whether a text says the enum is open, as SDK generators do: "This is an open enum.",
/// `// Open enum: ...` and `# Open enum: ...` comments, or the `Unrecognized<string>` branch.
fn announces_open_enum(text: &str) -> bool {
    text.contains("Unrecognized<")
        || text.contains("open enum")
        || text.contains("Open enum")
        || text.contains("OPEN ENUM")
}

/// Splits `"a" | "b" | Unrecognized<string>` on `|` outside quotes.
fn split_top_level(code: &str) -> Vec<String> {
    let mut members = Vec::new();
    let mut current = String::new();
    let mut in_string = false;
    let mut escaped = false;
    for c in code.chars() {
        match c {
            '\\' if in_string && !escaped => {
                escaped = true;
                current.push(c);
                continue;
            }
            '"' if !escaped => in_string = !in_string,
            '|' if !in_string => {
                members.push(std::mem::take(&mut current));
                continue;
            }
            _ => {}
        }
        escaped = false;
        current.push(c);
    }
    members.push(current);
    members
        .into_iter()
        .map(|m| m.trim().to_owned())
        .filter(|m| !m.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn enum_code_blocks_split_outside_quotes() {
        assert_eq!(
            split_top_level("\"a|b\" | \"c\" | Unrecognized<string>"),
            vec!["\"a|b\"", "\"c\"", "Unrecognized<string>"]
        );
    }
}
