//! Stage two: pages into the model IR. Classifies each page, names every model, field and
//! value for Rust, turns Type cells into types (following links and names across folders),
//! and reads descriptions, deprecation notes and examples.

use std::collections::{BTreeMap, HashMap};

use serde_json::Value;

use crate::diagnostic::Diagnostic;
use crate::examples::conforms;
use crate::ir::{
    Enum, EnumRepr, EnumValue, Field, Model, ModelId, ModelKind, ModelSet, Object, Type, Union,
    Variant,
};
use crate::naming::{field_name, type_name, Scope};
use crate::read::{Cell, Page, Row, Section, Table, Text};
use crate::source::{SourceMap, Span};
use crate::typecell::{parse_type_cell, TypeExpr};

/// Names the generated code itself uses at the top of every module.
const RESERVED_TYPE_NAMES: &[&str] = &[];

/// What kind of model a page describes.
enum PageKind<'p> {
    Object(&'p Table),
    Enum(&'p Section),
    Union(&'p Section),
    DeclaredOnly,
}

/// A page that became a model, before its body is resolved.
struct PageModel<'p> {
    page: &'p Page,
    kind: PageKind<'p>,
}

/// Resolves every page into the model IR. Pages that are not models are skipped with a
/// warning; problems are pushed to `diagnostics`.
pub fn resolve(pages: &[Page], sources: &SourceMap, diagnostics: &mut Vec<Diagnostic>) -> ModelSet {
    let mut page_models = Vec::new();
    for page in pages {
        if let Some(kind) = classify(page, diagnostics) {
            page_models.push(PageModel { page, kind });
        }
    }
    page_models.sort_by(|a, b| {
        sources
            .get(a.page.file)
            .relative_path
            .cmp(&sources.get(b.page.file).relative_path)
    });

    reject_duplicate_titles(&mut page_models, sources, diagnostics);
    let folders: Vec<Vec<String>> = page_models
        .iter()
        .map(|pm| folder_of(&sources.get(pm.page.file).relative_path))
        .collect();
    let common = common_prefix(&folders);

    let mut resolver = Resolver {
        sources,
        models: Vec::new(),
        by_page: HashMap::new(),
        by_page_lowercase: HashMap::new(),
        type_scopes: BTreeMap::new(),
        diagnostics,
    };
    for (pm, folder) in page_models.iter().zip(&folders) {
        let module: Vec<String> = folder[common..]
            .iter()
            .map(|part| field_name(part, "module"))
            .collect();
        let relative = sources.get(pm.page.file).relative_path.clone();
        let id = resolver.add_model(
            &pm.page.title.value,
            module,
            relative.clone(),
            pm.page.title.span.clone(),
            false,
        );
        let model = &mut resolver.models[id.0];
        model.description = clean_description(&pm.page.description);
        model.deprecated = pm.page.deprecated.then(|| {
            pm.page
                .deprecation_note
                .clone()
                .unwrap_or_else(|| "This model is deprecated.".to_owned())
        });
        resolver
            .by_page_lowercase
            .insert(relative.to_lowercase(), id);
        resolver.by_page.insert(relative, id);
    }
    for (index, pm) in page_models.iter().enumerate() {
        let id = ModelId(index);
        let kind = match &pm.kind {
            PageKind::Object(table) => resolver.object(id, pm.page, table),
            PageKind::Enum(section) => resolver.enumeration(id, section),
            PageKind::Union(section) => resolver.union(id, pm.page, section),
            PageKind::DeclaredOnly => {
                resolver.diagnostics.push(
                    Diagnostic::warning(
                        pm.page.title.span.clone(),
                        format!(
                            "`{}` has no `## Fields`, `## Values` or `## Supported Types` section, so its shape is unknown; it accepts any JSON value",
                            pm.page.title.value
                        ),
                    )
                    .with_help("SDK generators of 2024 wrote unions this way; add a `## Supported Types` section listing the variants to get a precise type"),
                );
                ModelKind::Any
            }
        };
        resolver.models[id.0].kind = kind;
    }
    let mut models = ModelSet {
        models: resolver.models,
    };
    crate::examples::attach_model_examples(&mut models);
    models
}

/// Two pages in one folder with the same title would be two models with one name: the
/// second is an error and is dropped.
fn reject_duplicate_titles(
    page_models: &mut Vec<PageModel>,
    sources: &SourceMap,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let mut first_of: HashMap<(Vec<String>, &str), usize> = HashMap::new();
    let mut duplicates = Vec::new();
    for (index, pm) in page_models.iter().enumerate() {
        let folder = folder_of(&sources.get(pm.page.file).relative_path);
        let key = (folder, pm.page.title.value.as_str());
        if let Some(&first) = first_of.get(&key) {
            let first_page = &sources.get(page_models[first].page.file).relative_path;
            diagnostics.push(
                Diagnostic::error(
                    pm.page.title.span.clone(),
                    format!(
                        "a second model named `{}` in the same folder",
                        pm.page.title.value
                    ),
                )
                .with_help(format!(
                    "`{first_page}` already defines `{}`; rename one of the two pages' titles",
                    pm.page.title.value
                )),
            );
            duplicates.push(index);
        } else {
            first_of.insert(key, index);
        }
    }
    for index in duplicates.into_iter().rev() {
        page_models.remove(index);
    }
}

fn classify<'p>(page: &'p Page, diagnostics: &mut Vec<Diagnostic>) -> Option<PageKind<'p>> {
    let not_a_model = |diagnostics: &mut Vec<Diagnostic>, why: &str| {
        diagnostics.push(
            Diagnostic::warning(page.title.span.clone(), format!("skipped: not a model page ({why})"))
                .with_help("model pages have a `## Fields` table with `Field`, `Type` and `Required` columns, a `## Values` section, or a `## Supported Types` section"),
        );
        None
    };
    if let Some(section) = page.section("Fields") {
        let Some(table) = section.tables.first() else {
            diagnostics.push(
                Diagnostic::error(
                    section.heading.span.clone(),
                    "the `## Fields` section has no table",
                )
                .with_help(
                    "add a table with the header `| Field | Type | Required | Description |`",
                ),
            );
            return None;
        };
        let first = table
            .header
            .first()
            .map(|c| unmark(&c.value))
            .unwrap_or_default();
        if !first.eq_ignore_ascii_case("field") {
            return not_a_model(
                diagnostics,
                &format!("its `## Fields` table starts with a `{first}` column, not `Field`"),
            );
        }
        return Some(PageKind::Object(table));
    }
    if let Some(section) = page.section("Values") {
        return Some(PageKind::Enum(section));
    }
    if let Some(section) = page.section("Supported Types") {
        return Some(PageKind::Union(section));
    }
    let only_examples = page
        .sections
        .iter()
        .all(|s| s.heading.value.eq_ignore_ascii_case("Example Usage"));
    if only_examples {
        return Some(PageKind::DeclaredOnly);
    }
    let headings: Vec<&str> = page
        .sections
        .iter()
        .map(|s| s.heading.value.as_str())
        .collect();
    not_a_model(
        diagnostics,
        &format!("its sections are {}", headings.join(", ")),
    )
}

/// Removes backticks, strike-through and surrounding whitespace from a name cell.
fn unmark(cell: &str) -> String {
    cell.trim()
        .trim_start_matches("~~")
        .trim_end_matches("~~")
        .trim()
        .trim_matches('`')
        .trim()
        .to_owned()
}

fn folder_of(relative_path: &str) -> Vec<String> {
    let mut parts: Vec<String> = relative_path.split('/').map(str::to_owned).collect();
    parts.pop();
    parts
}

fn common_prefix(folders: &[Vec<String>]) -> usize {
    let Some(first) = folders.first() else {
        return 0;
    };
    let mut len = first.len();
    for folder in folders {
        len = len.min(folder.len());
        len = (0..len).find(|&i| folder[i] != first[i]).unwrap_or(len);
    }
    len
}

/// Turns SDK description text into Markdown: `N/A` is no description, `<br/>` a line break.
pub fn clean_description(text: &str) -> String {
    let text = text.trim();
    if text == "N/A" {
        return String::new();
    }
    let text = text
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
}

/// Splits a field's mangled deprecation notice off its description: returns the note and
/// the rest.
fn split_field_deprecation(description: &str) -> Option<(String, String)> {
    let trimmed = description.trim_start();
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
fn null_fields_in_example_usage(page: &Page) -> Vec<String> {
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

/// Whether a field may be absent, may be null.
#[derive(Debug, Clone, Copy, Default)]
struct Marks {
    maybe_absent: bool,
    nullable: bool,
}

/// A type cell's meaning before it is tied to a field.
enum Resolved {
    Type(Type),
    /// An SDK object that is not JSON (an HTTP response, a stream).
    SdkOnly(String),
}

struct Resolver<'a> {
    sources: &'a SourceMap,
    models: Vec<Model>,
    by_page: HashMap<String, ModelId>,
    by_page_lowercase: HashMap<String, ModelId>,
    type_scopes: BTreeMap<Vec<String>, Scope>,
    diagnostics: &'a mut Vec<Diagnostic>,
}

impl Resolver<'_> {
    fn add_model(
        &mut self,
        name: &str,
        module: Vec<String>,
        page: String,
        span: Span,
        synthesized: bool,
    ) -> ModelId {
        let scope = self
            .type_scopes
            .entry(module.clone())
            .or_insert_with(|| Scope::with_reserved(RESERVED_TYPE_NAMES));
        let rust_name = scope.claim(type_name(name, "Model"), "");
        let folder = module.join("/");
        let schema_file = if folder.is_empty() {
            format!("{rust_name}.schema.json")
        } else {
            format!("{folder}/{rust_name}.schema.json")
        };
        let def_key = if folder.is_empty() {
            rust_name.clone()
        } else {
            format!("{}.{rust_name}", module.join("."))
        };
        self.models.push(Model {
            name: name.to_owned(),
            rust_name,
            module,
            page,
            schema_file,
            def_key,
            span,
            description: String::new(),
            deprecated: None,
            synthesized,
            kind: ModelKind::Any,
        });
        ModelId(self.models.len() - 1)
    }

    fn span_in(&self, cell: &Cell, range: std::ops::Range<usize>) -> Span {
        let start = cell.span.range.start;
        Span::new(cell.span.file, start + range.start..start + range.end)
    }

    // ----- objects -----

    fn object(&mut self, id: ModelId, page: &Page, table: &Table) -> ModelKind {
        let column = |name: &str| {
            table
                .header
                .iter()
                .position(|c| unmark(&c.value).eq_ignore_ascii_case(name))
        };
        let (Some(field_col), type_col, required_col) =
            (column("Field"), column("Type"), column("Required"))
        else {
            return ModelKind::Any;
        };
        let mut missing = Vec::new();
        if type_col.is_none() {
            missing.push("Type");
        }
        if required_col.is_none() {
            missing.push("Required");
        }
        let (Some(type_col), Some(required_col)) = (type_col, required_col) else {
            self.diagnostics.push(
                Diagnostic::error(table.span.clone(), format!("the `## Fields` table has no {} column", missing.join(" or ")))
                    .with_help("an object's table header is `| Field | Type | Required | Description |`, optionally followed by `| Example |`"),
            );
            return ModelKind::Object(Object {
                fields: Vec::new(),
                example: None,
            });
        };
        let description_col = column("Description");
        let example_col = column("Example");

        let mut fields = Vec::new();
        let mut scope = Scope::default();
        let mut wire_names: HashMap<String, Span> = HashMap::new();
        let shown_null = null_fields_in_example_usage(page);
        for row in &table.rows {
            if row.cells.len() != table.header.len() {
                self.row_width_error(row, table.header.len());
                continue;
            }
            let name_cell = &row.cells[field_col];
            let struck = name_cell.value.trim().starts_with("~~");
            let name = unmark(&name_cell.value);
            if name.is_empty() {
                self.diagnostics.push(
                    Diagnostic::error(name_cell.span.clone(), "the Field cell is empty").with_help(
                        "write the property name in backticks, such as `` `clientId` ``",
                    ),
                );
                continue;
            }
            let required_cell = &row.cells[required_col];
            let Some(required) = required_mark(&required_cell.value) else {
                self.diagnostics.push(
                    Diagnostic::error(required_cell.span.clone(), format!("unknown Required mark `{}`", required_cell.value))
                        .with_label("expected `:heavy_check_mark:` or `:heavy_minus_sign:`")
                        .with_help("write `:heavy_check_mark:` for a required field and `:heavy_minus_sign:` for an optional one"),
                );
                continue;
            };
            let type_cell = &row.cells[type_col];
            let Some((resolved, marks)) = self.type_cell(id, page, type_cell) else {
                continue;
            };
            let ty = match resolved {
                Resolved::Type(ty) => ty,
                Resolved::SdkOnly(what) => {
                    self.diagnostics.push(
                        Diagnostic::warning(type_cell.span.clone(), format!("field `{name}` is left out: `{what}` is an SDK object, not JSON"))
                            .with_help("HTTP requests, responses and streams exist only in the SDK; the JSON model does not carry them"),
                    );
                    continue;
                }
            };
            if let Some(previous) = wire_names.get(&name) {
                let (line, _) = self
                    .sources
                    .get(previous.file)
                    .line_column(previous.range.start);
                self.diagnostics.push(
                    Diagnostic::error(
                        name_cell.span.clone(),
                        format!("field `{name}` is listed twice"),
                    )
                    .with_help(format!(
                        "the first `{name}` is on line {line}; remove or rename one of them"
                    )),
                );
                continue;
            }
            wire_names.insert(name.clone(), name_cell.span.clone());

            let raw_description = description_col
                .map(|c| row.cells[c].value.as_str())
                .unwrap_or("");
            let (deprecated, description) = match split_field_deprecation(raw_description) {
                Some((note, rest)) => (Some(clean_description(&note)), clean_description(&rest)),
                None => (
                    struck.then(|| "This field is deprecated.".to_owned()),
                    clean_description(raw_description),
                ),
            };
            let deprecated = if struck || deprecated.is_some() {
                Some(
                    deprecated
                        .filter(|n| !n.is_empty())
                        .unwrap_or_else(|| "This field is deprecated.".to_owned()),
                )
            } else {
                None
            };
            let nullable =
                marks.nullable || (required && marks.maybe_absent) || shown_null.contains(&name);
            let example = example_col.and_then(|c| self.example(&row.cells[c], &ty, nullable));
            let rust_name = scope.claim(field_name(&name, "field"), "_");
            fields.push(Field {
                wire_name: name.clone(),
                name,
                rust_name,
                ty,
                required,
                nullable,
                description,
                deprecated,
                example,
                span: row.span.clone(),
            });
        }
        ModelKind::Object(Object {
            fields,
            example: None,
        })
    }

    fn row_width_error(&mut self, row: &Row, expected: usize) {
        let found = row.cells.len();
        let (message, help) = if found < expected {
            (
                format!("this row has {found} cells but the header has {expected}"),
                "add the missing cells; an empty cell is written `|  |`".to_owned(),
            )
        } else {
            (
                format!("this row has {found} cells but the header has {expected}"),
                "a `|` inside a cell must be escaped as `\\|`".to_owned(),
            )
        };
        self.diagnostics
            .push(Diagnostic::error(row.span.clone(), message).with_help(help));
    }

    fn example(&mut self, cell: &Cell, ty: &Type, nullable: bool) -> Option<Value> {
        let raw = cell.value.trim();
        if raw.is_empty() {
            return None;
        }
        let text = raw.replace("<br/>", "\n").replace("<br />", "\n");
        let value = match serde_json::from_str::<Value>(&text) {
            Ok(Value::String(s)) if s.is_empty() => Value::String(s),
            Ok(value @ (Value::Number(_) | Value::Bool(_))) if accepts_text(ty, &self.models) => {
                let _ = value;
                Value::String(raw.to_owned())
            }
            Ok(value) => value,
            Err(_) => Value::String(text),
        };
        if value.is_null() && nullable {
            return Some(value);
        }
        match conforms(&value, ty, &self.models) {
            Ok(()) => Some(value),
            Err(why) => {
                self.diagnostics.push(
                    Diagnostic::warning(cell.span.clone(), format!("the example does not fit the field's type: {why}"))
                        .with_help("the example is left out of the schema and of `example()`; correct the Example cell to use it"),
                );
                None
            }
        }
    }

    /// Resolves a field's Type cell; `None` when an error was reported.
    fn type_cell(&mut self, owner: ModelId, page: &Page, cell: &Cell) -> Option<(Resolved, Marks)> {
        let expr = match parse_type_cell(&cell.value) {
            Ok(expr) => expr,
            Err(error) => {
                let mut diagnostic = Diagnostic::error(
                    self.span_in(cell, error.range),
                    format!("cannot read the type: {}", error.message),
                );
                if let Some(help) = error.help {
                    diagnostic = diagnostic.with_help(help);
                }
                self.diagnostics.push(diagnostic);
                return None;
            }
        };
        let mut marks = Marks::default();
        let expr = strip_marks(&expr, &mut marks);
        let context = Context { owner, page, cell };
        match self.convert(&context, expr, &mut marks) {
            Ok(resolved) => Some((resolved, marks)),
            Err(diagnostic) => {
                self.diagnostics.push(*diagnostic);
                None
            }
        }
    }

    /// Converts an expression with its outer marks already stripped.
    fn convert(
        &mut self,
        cx: &Context,
        expr: &TypeExpr,
        marks: &mut Marks,
    ) -> Result<Resolved, Box<Diagnostic>> {
        match expr {
            TypeExpr::Named { name, range } => self.named(cx, name, range.clone()),
            TypeExpr::Generic { name, args, range } => {
                if let Some(what) = sdk_only(name) {
                    return Ok(Resolved::SdkOnly(what));
                }
                let _ = args;
                Err(Box::new(
                    Diagnostic::error(self.span_in(cx.cell, range.clone()), format!("unknown type `{name}<...>`"))
                        .with_help("generic types are arrays (`List`, `array`), maps (`Record`, `Dict`, `Map`) or optionality wrappers (`Optional`, `Nullable`)"),
                ))
            }
            TypeExpr::Link {
                label,
                target,
                range,
            } => {
                let mut label_marks = Marks::default();
                let label = strip_marks(label, &mut label_marks);
                marks.maybe_absent |= label_marks.maybe_absent;
                marks.nullable |= label_marks.nullable;
                if let TypeExpr::Union(members) = label {
                    if members.contains(&TypeExpr::Null) {
                        marks.nullable = true;
                    }
                }
                self.link(cx, label, target, range.clone())
            }
            TypeExpr::Literal { value, .. } => {
                let owner = &self.models[cx.owner.0];
                let name = format!("{} {}", owner.name, field_hint(cx.cell, self.sources));
                let module = owner.module.clone();
                let page = owner.page.clone();
                let id = self.add_model(&name, module, page, cx.cell.span.clone(), true);
                let model = &mut self.models[id.0];
                model.description = format!("The constant `\"{value}\"`.");
                model.kind = ModelKind::Enum(Enum {
                    values: vec![EnumValue {
                        value: Value::String(value.clone()),
                        rust_name: type_name(value, "Value"),
                        span: cx.cell.span.clone(),
                    }],
                    open: false,
                    repr: EnumRepr::String,
                });
                Ok(Resolved::Type(Type::Model(id)))
            }
            TypeExpr::Array(inner) => {
                if matches!(&**inner, TypeExpr::Named { name, .. } if name == "byte") {
                    return Ok(Resolved::Type(Type::String));
                }
                let inner = self.inner(cx, inner)?;
                Ok(Resolved::Type(Type::Array(Box::new(inner))))
            }
            TypeExpr::Map(inner) => {
                let inner = self.inner(cx, inner)?;
                Ok(Resolved::Type(Type::Map(Box::new(inner))))
            }
            TypeExpr::Union(members) => {
                let non_null: Vec<&TypeExpr> =
                    members.iter().filter(|m| **m != TypeExpr::Null).collect();
                if non_null.len() < members.len() {
                    marks.nullable = true;
                }
                if let [single] = non_null.as_slice() {
                    return self.convert(cx, single, marks);
                }
                Err(Box::new(
                    Diagnostic::error(
                        cx.cell.span.clone(),
                        "a union written in the Type cell needs a page that lists its variants",
                    )
                    .with_help(
                        "link the union's page, as in `[string\\|array](../models/tags.md)`",
                    ),
                ))
            }
            TypeExpr::Null => Err(Box::new(
                Diagnostic::error(cx.cell.span.clone(), "`null` alone is not a type")
                    .with_help("write the type and mark it nullable"),
            )),
            TypeExpr::MaybeAbsent(inner)
            | TypeExpr::Nullable(inner)
            | TypeExpr::OptionalNullable(inner) => {
                let inner = self.inner(cx, inner)?;
                Ok(Resolved::Type(Type::Nullable(Box::new(inner))))
            }
        }
    }

    /// Converts a type nested in an array, map or union, where SDK-only types are errors and
    /// optionality markers mean `null` is allowed.
    fn inner(&mut self, cx: &Context, expr: &TypeExpr) -> Result<Type, Box<Diagnostic>> {
        let mut marks = Marks::default();
        let stripped = strip_marks(expr, &mut marks);
        let ty = match self.convert(cx, stripped, &mut marks)? {
            Resolved::Type(ty) => ty,
            Resolved::SdkOnly(what) => {
                return Err(Box::new(Diagnostic::error(
                    cx.cell.span.clone(),
                    format!(
                        "`{what}` is an SDK object, not JSON, and cannot be held in a list or map"
                    ),
                )))
            }
        };
        Ok(if marks.nullable || marks.maybe_absent {
            Type::Nullable(Box::new(ty))
        } else {
            ty
        })
    }

    fn named(
        &mut self,
        cx: &Context,
        name: &str,
        range: std::ops::Range<usize>,
    ) -> Result<Resolved, Box<Diagnostic>> {
        if let Some(ty) = primitive(name) {
            return Ok(Resolved::Type(ty));
        }
        if let Some(what) = sdk_only(name) {
            return Ok(Resolved::SdkOnly(what));
        }
        match self.model_by_name(cx.page, name) {
            Ok(id) => Ok(Resolved::Type(Type::Model(id))),
            Err(candidates) => {
                let span = self.span_in(cx.cell, range);
                Err(Box::new(self.unknown_name(span, name, candidates)))
            }
        }
    }

    fn unknown_name(&self, span: Span, name: &str, candidates: Vec<ModelId>) -> Diagnostic {
        if candidates.len() > 1 {
            let pages: Vec<String> = candidates
                .iter()
                .map(|id| format!("`{}`", self.models[id.0].page))
                .collect();
            return Diagnostic::error(span, format!("`{name}` could mean several models"))
                .with_help(format!(
                    "link the page you mean instead; candidates: {}",
                    pages.join(", ")
                ));
        }
        let last = last_segment(name);
        let known = PRIMITIVE_NAMES.iter().map(|s| (*s).to_owned()).chain(
            self.models
                .iter()
                .filter(|m| !m.synthesized)
                .map(|m| m.name.clone()),
        );
        let best = known
            .map(|k| {
                (
                    strsim::jaro_winkler(&k.to_lowercase(), &last.to_lowercase()),
                    k,
                )
            })
            .filter(|(score, _)| *score > 0.8)
            .max_by(|a, b| a.0.total_cmp(&b.0));
        let diagnostic = Diagnostic::error(span, format!("unknown type `{name}`"))
            .with_label("no primitive or model has this name");
        match best {
            Some((_, suggestion)) => diagnostic.with_help(format!("did you mean `{suggestion}`?")),
            None => diagnostic.with_help("use a primitive such as `*string*`, `*number*`, `*boolean*`, or link the model's page"),
        }
    }

    /// Finds a page model by its (possibly qualified) name: `operations.TagIds`,
    /// `Components\Pet`, `\Acme\Models\Components\Pet`, `Pet`.
    fn model_by_name(&self, from: &Page, name: &str) -> Result<ModelId, Vec<ModelId>> {
        let segments: Vec<&str> = name.split(['.', '\\']).filter(|s| !s.is_empty()).collect();
        let Some((last, qualifiers)) = segments.split_last() else {
            return Err(Vec::new());
        };
        let mut matches: Vec<ModelId> = self
            .models
            .iter()
            .enumerate()
            .filter(|(_, m)| !m.synthesized && m.name == *last)
            .map(|(i, _)| ModelId(i))
            .collect();
        if matches.is_empty() {
            matches = self
                .models
                .iter()
                .enumerate()
                .filter(|(_, m)| !m.synthesized && m.name.eq_ignore_ascii_case(last))
                .map(|(i, _)| ModelId(i))
                .collect();
        }
        if matches.len() > 1 {
            if let Some(qualifier) = qualifiers.last() {
                let qualified: Vec<ModelId> = matches
                    .iter()
                    .copied()
                    .filter(|id| {
                        folder_of(&self.models[id.0].page)
                            .last()
                            .is_some_and(|f| f.eq_ignore_ascii_case(qualifier))
                    })
                    .collect();
                if !qualified.is_empty() {
                    matches = qualified;
                }
            }
        }
        if matches.len() > 1 {
            let here = folder_of(&self.sources.get(from.file).relative_path);
            let local: Vec<ModelId> = matches
                .iter()
                .copied()
                .filter(|id| folder_of(&self.models[id.0].page) == here)
                .collect();
            if local.len() == 1 {
                matches = local;
            }
        }
        match matches.as_slice() {
            [one] => Ok(*one),
            _ => Err(matches),
        }
    }

    fn link(
        &mut self,
        cx: &Context,
        label: &TypeExpr,
        target: &str,
        range: std::ops::Range<usize>,
    ) -> Result<Resolved, Box<Diagnostic>> {
        let label_name = match label {
            TypeExpr::Named { name, .. } | TypeExpr::Generic { name, .. } => Some(name.as_str()),
            _ => None,
        };
        let span = self.span_in(cx.cell, range);
        if target.contains("://") || target.starts_with("mailto:") {
            let name = label_name.unwrap_or("");
            if let Some(ty) = external_type(name, target) {
                return Ok(Resolved::Type(ty));
            }
            if let Some(what) = sdk_only(name) {
                return Ok(Resolved::SdkOnly(what));
            }
            return Err(Box::new(
                Diagnostic::error(span, format!("unknown external type `{name}`"))
                    .with_label("links to a web page, not a model page")
                    .with_help("external types understood are date-times (`Date`, `time.Time`, `OffsetDateTime`, `datetime`), dates (`LocalDate`, `date`) and SDK-only HTTP types"),
            ));
        }
        let here = &self.sources.get(cx.page.file).relative_path;
        let path = target.split('#').next().unwrap_or("");
        let resolved = join_relative(here, path);
        let found = resolved.as_ref().and_then(|p| {
            self.by_page
                .get(p)
                .or_else(|| self.by_page_lowercase.get(&p.to_lowercase()))
                .copied()
        });
        if let Some(id) = found {
            return Ok(Resolved::Type(Type::Model(id)));
        }
        if let Some(ty) = label_name.and_then(date_type_name) {
            return Ok(Resolved::Type(ty));
        }
        if let Some(p) = &resolved {
            if self.sources.find(p).is_some() {
                return Err(Box::new(
                    Diagnostic::error(span, format!("`{target}` is not a model page"))
                        .with_help("link a page that has a `## Fields`, `## Values` or `## Supported Types` section"),
                ));
            }
        }
        let file_name = path.rsplit('/').next().unwrap_or(path).to_lowercase();
        let best = self
            .by_page
            .keys()
            .map(|p| {
                (
                    strsim::jaro_winkler(
                        &p.rsplit('/').next().unwrap_or(p).to_lowercase(),
                        &file_name,
                    ),
                    p,
                )
            })
            .filter(|(score, _)| *score > 0.85)
            .max_by(|a, b| a.0.total_cmp(&b.0).then_with(|| b.1.cmp(a.1)));
        let diagnostic = Diagnostic::error(
            span,
            format!("link to a page that does not exist: `{target}`"),
        );
        Err(Box::new(match best {
            Some((_, page)) => {
                diagnostic.with_help(format!("the closest existing page is `{page}`"))
            }
            None => {
                diagnostic.with_help("link a page inside the spec folder, relative to this page")
            }
        }))
    }

    // ----- enums -----

    fn enumeration(&mut self, id: ModelId, section: &Section) -> ModelKind {
        let mut open = false;
        let mut raw_values: Vec<(Value, Option<String>, Span)> = Vec::new();
        if let Some(table) = section.tables.first() {
            let column = |name: &str| {
                table
                    .header
                    .iter()
                    .position(|c| unmark(&c.value).eq_ignore_ascii_case(name))
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
        } else {
            self.diagnostics.push(
                Diagnostic::error(
                    section.heading.span.clone(),
                    "the `## Values` section lists no values",
                )
                .with_help(
                    "add a `| Name | Value |` table or a code block such as `\"red\" | \"green\"`",
                ),
            );
            return ModelKind::Any;
        }
        let page_text = format!("{} {}", self.models[id.0].description, section.prose);
        if page_text.contains("open enum") || page_text.contains("Unrecognized<") {
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
        let mut seen: HashMap<String, Span> = HashMap::new();
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
            let wanted = match (&value, &name) {
                (Value::String(s), _) if !type_name(s, "").is_empty() => type_name(s, "Empty"),
                (Value::String(s), _) if s.is_empty() => "Empty".to_owned(),
                (_, Some(name)) => type_name(
                    name.strip_prefix(enum_name.as_str())
                        .filter(|n| !n.is_empty())
                        .unwrap_or(name),
                    "Value",
                ),
                (value, None) => type_name(&value.to_string(), "Value"),
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

    // ----- unions -----

    fn union(&mut self, id: ModelId, page: &Page, section: &Section) -> ModelKind {
        let union_name = self.models[id.0].name.clone();
        let mut variants: Vec<(Type, Span)> = Vec::new();
        for sub in &section.sub_headings {
            let code = sub
                .code_blocks
                .first()
                .map(|b| b.code.as_str())
                .unwrap_or("");
            let heading = sub.heading.value.trim().trim_matches('`').trim();
            let written = if heading.is_empty() || heading == "array" {
                type_from_code(code, &union_name).unwrap_or_else(|| heading.to_owned())
            } else {
                heading.to_owned()
            };
            if written.is_empty() {
                self.diagnostics.push(
                    Diagnostic::error(sub.heading.span.clone(), "cannot tell this variant's type: the heading is empty and the code block names no type")
                        .with_help("write the variant's type in the heading, such as ``### `string` ``"),
                );
                continue;
            }
            let cell = Text {
                value: written.clone(),
                span: sub.heading.span.clone(),
            };
            let context = Context {
                owner: id,
                page,
                cell: &cell,
            };
            match self.variant_type(&context, &written) {
                Ok(ty) => variants.push((ty, sub.heading.span.clone())),
                Err(diagnostic) => self.diagnostics.push(*diagnostic),
            }
        }
        if variants.is_empty() {
            self.diagnostics.push(
                Diagnostic::warning(
                    section.heading.span.clone(),
                    format!("union `{union_name}` lists no variants; it accepts any JSON value"),
                )
                .with_help("add a `### ` heading with the variant's type for each variant"),
            );
            return ModelKind::Any;
        }
        let mut ordered: Vec<(usize, (Type, Span))> = variants.into_iter().enumerate().collect();
        ordered.sort_by_key(|(index, (ty, _))| (specificity(ty, &self.models), *index));
        let mut scope = Scope::default();
        let variants = ordered
            .into_iter()
            .map(|(_, (ty, span))| Variant {
                rust_name: scope.claim(variant_name(&ty, &self.models), ""),
                ty,
                span,
            })
            .collect();
        ModelKind::Union(Union { variants })
    }

    fn variant_type(&mut self, cx: &Context, written: &str) -> Result<Type, Box<Diagnostic>> {
        let expr = parse_type_cell(written).map_err(|e| {
            Box::new(Diagnostic::error(
                cx.cell.span.clone(),
                format!("cannot read the variant's type `{written}`: {}", e.message),
            ))
        })?;
        if let TypeExpr::Named { name, .. } = &expr {
            if primitive(name).is_none() && self.model_by_name(cx.page, name).is_err() {
                if let Some(ty) = self.member_name(cx.page, name) {
                    return Ok(ty);
                }
            }
        }
        let mut marks = Marks::default();
        let stripped = strip_marks(&expr, &mut marks);
        let ty = match self.convert(cx, stripped, &mut marks)? {
            Resolved::Type(ty) => ty,
            Resolved::SdkOnly(what) => {
                return Err(Box::new(Diagnostic::error(
                    cx.cell.span.clone(),
                    format!("`{what}` is an SDK object, not JSON"),
                )));
            }
        };
        Ok(if marks.nullable {
            Type::Nullable(Box::new(ty))
        } else {
            ty
        })
    }

    /// Decodes SDK union member names: `Str`, `ArrayOfStr`, `MapOfAny`, `Number`, `One`.
    fn member_name(&self, page: &Page, name: &str) -> Option<Type> {
        let simple = match name {
            "Str" | "String" => Some(Type::String),
            "Integer" | "Int" | "Long" | "Int64" => Some(Type::Integer),
            "Number" | "Float" | "Double" | "Float64" => Some(Type::Number),
            "Boolean" | "Bool" => Some(Type::Boolean),
            "Any" | "Object" => Some(Type::Any),
            "DateTime" => Some(Type::DateTime),
            "Date" => Some(Type::Date),
            _ => None,
        };
        if simple.is_some() {
            return simple;
        }
        if let Some(rest) = name.strip_prefix("ArrayOf") {
            return self
                .member_name(page, rest)
                .map(|t| Type::Array(Box::new(t)));
        }
        if let Some(rest) = name.strip_prefix("MapOf") {
            return self.member_name(page, rest).map(|t| Type::Map(Box::new(t)));
        }
        self.model_by_name(page, name).ok().map(Type::Model)
    }
}

/// What a type conversion needs to know about where the type is written.
struct Context<'c> {
    owner: ModelId,
    page: &'c Page,
    cell: &'c Cell,
}

/// The field name of the row a cell belongs to, for naming synthesized types.
fn field_hint(cell: &Cell, sources: &SourceMap) -> String {
    let file = sources.get(cell.span.file);
    let (line, _) = file.line_column(cell.span.range.start);
    let text = &file.text[file.line_range(line)];
    text.split('|').nth(1).map(unmark).unwrap_or_default()
}

fn strip_marks<'e>(expr: &'e TypeExpr, marks: &mut Marks) -> &'e TypeExpr {
    match expr {
        TypeExpr::MaybeAbsent(inner) => {
            marks.maybe_absent = true;
            strip_marks(inner, marks)
        }
        TypeExpr::Nullable(inner) => {
            marks.nullable = true;
            strip_marks(inner, marks)
        }
        TypeExpr::OptionalNullable(inner) => {
            marks.maybe_absent = true;
            marks.nullable = true;
            strip_marks(inner, marks)
        }
        other => other,
    }
}

fn required_mark(cell: &str) -> Option<bool> {
    match cell.trim() {
        ":heavy_check_mark:" | "✔️" | "✔" | ":white_check_mark:" | "✅" => Some(true),
        ":heavy_minus_sign:" | "➖" => Some(false),
        _ => None,
    }
}

const PRIMITIVE_NAMES: &[&str] = &[
    "string", "number", "boolean", "integer", "any", "str", "int", "float", "bool", "int64",
    "float64", "long", "double", "String", "Object", "mixed", "Any",
];

/// Primitive names of every SDK language.
fn primitive(name: &str) -> Option<Type> {
    Some(match name {
        "string" | "str" | "String" | "char" | "Guid" | "UUID" | "uuid" | "java.lang.String" => {
            Type::String
        }
        "int" | "int8" | "int16" | "int32" | "int64" | "uint" | "uint8" | "uint16" | "uint32"
        | "uint64" | "integer" | "Integer" | "long" | "Long" | "short" | "Short" | "BigInteger"
        | "bigint" | "i32" | "i64" | "u32" | "u64" => Type::Integer,
        "number" | "float" | "float32" | "float64" | "double" | "Double" | "Float" | "decimal"
        | "Decimal" | "BigDecimal" | "f32" | "f64" | "Number" => Type::Number,
        "bool" | "boolean" | "Boolean" => Type::Boolean,
        "any" | "Any" | "mixed" | "object" | "Object" | "unknown" | "interface{}"
        | "JsonElement" | "JsonNode" | "dynamic" => Type::Any,
        "array" => Type::Array(Box::new(Type::Any)),
        "Date" | "DateTime" | "OffsetDateTime" | "time.Time" | "datetime" | "datetime.datetime"
        | "DateTimeOffset" | "Instant" | "ZonedDateTime" => Type::DateTime,
        "RFCDate" | "LocalDate" | "types.Date" | "date" | "datetime.date" | "DateOnly" => {
            Type::Date
        }
        _ => return None,
    })
}

fn date_type_name(name: &str) -> Option<Type> {
    let name = name.trim_start_matches('\\');
    let name = match name {
        "DateTimeInterface" | "DateTimeImmutable" | "Carbon" => "DateTime",
        other => other,
    };
    match primitive(name).or_else(|| primitive(last_segment(name))) {
        Some(ty @ (Type::Date | Type::DateTime)) => Some(ty),
        _ => None,
    }
}

/// The type a link to a web page stands for, judged by its label and address.
fn external_type(label: &str, target: &str) -> Option<Type> {
    if target.contains("#date-objects") {
        return Some(Type::Date);
    }
    if target.contains("#datetime-objects") {
        return Some(Type::DateTime);
    }
    date_type_name(label)
}

/// SDK objects that are not JSON: HTTP messages and streams.
fn sdk_only(name: &str) -> Option<String> {
    let last = last_segment(name);
    let known = matches!(
        last,
        "Response"
            | "Request"
            | "ResponseInterface"
            | "RequestInterface"
            | "HttpResponse"
            | "HttpRequest"
            | "ReadableStream"
            | "Stream"
            | "InputStream"
            | "HttpResponseMessage"
            | "HttpRequestMessage"
            | "ReadCloser"
            | "Reader"
            | "Blob"
            | "IncomingMessage"
            | "ServerResponse"
    );
    known.then(|| name.trim_start_matches('\\').to_owned())
}

fn last_segment(name: &str) -> &str {
    name.rsplit(['.', '\\']).next().unwrap_or(name)
}

/// Joins a link target to the folder of the page it is written in; `None` when it climbs
/// above the spec root.
fn join_relative(from_page: &str, target: &str) -> Option<String> {
    let mut parts: Vec<&str> = from_page.split('/').collect();
    parts.pop();
    let mut above = 0usize;
    for segment in target.split('/') {
        match segment {
            "" | "." => {}
            ".." => {
                if parts.pop().is_none() {
                    above += 1;
                }
            }
            other => {
                if above > 0 {
                    // Climbing above the root and back down lands inside it only if the
                    // folder names match; the root's own name is unknown here, so the
                    // segment is dropped as the way back down.
                    above -= 1;
                    continue;
                }
                parts.push(other);
            }
        }
    }
    (above == 0).then(|| parts.join("/"))
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

/// Reads a union variant's type from its example code: PHP `@var T`, Go and C#
/// `CreateUnionMember(...)`, TypeScript and Python `name: T = ...`.
fn type_from_code(code: &str, union_name: &str) -> Option<String> {
    if let Some(at) = code.find("@var ") {
        let rest = &code[at + 5..];
        let end = rest.find(['\n', '*']).unwrap_or(rest.len());
        return Some(rest[..end].trim().to_owned());
    }
    let compact_union: String = union_name.chars().filter(|c| c.is_alphanumeric()).collect();
    let create_call = code.match_indices("Create").find_map(|(at, _)| {
        let starts_word = !code[..at].ends_with(|c: char| c.is_alphanumeric() || c == '_');
        let rest = &code[at + "Create".len()..];
        let end = rest.find('(')?;
        let name = &rest[..end];
        let is_ident = !name.is_empty() && name.chars().all(|c| c.is_alphanumeric() || c == '_');
        (starts_word && is_ident).then_some(name)
    });
    if let Some(member) = create_call {
        let member = member
            .strip_prefix(compact_union.as_str())
            .unwrap_or(member);
        return Some(member.to_owned());
    }
    for line in code.lines() {
        let line = line.trim();
        let line = line
            .strip_prefix("const ")
            .or_else(|| line.strip_prefix("let "))
            .or_else(|| line.strip_prefix("var "))
            .unwrap_or(line);
        if let Some((lhs, _)) = line.split_once('=') {
            if let Some((_, ty)) = lhs.split_once(':') {
                return Some(ty.trim().to_owned());
            }
        }
    }
    None
}

/// Orders union variants so that untagged deserialization tries narrow shapes before wide
/// ones: constrained objects before loose ones, closed enums before strings, integers before
/// numbers, maps and `any` last.
fn specificity(ty: &Type, models: &[Model]) -> (u8, i64) {
    match ty {
        Type::Model(id) => match &models[id.0].kind {
            ModelKind::Object(object) => {
                let constants = object
                    .fields
                    .iter()
                    .filter(|f| matches!(f.ty, Type::Model(m) if models[m.0].synthesized))
                    .count() as i64;
                let required = object.fields.iter().filter(|f| f.required).count() as i64;
                (
                    0,
                    -(constants * 1000 + required * 10 + object.fields.len() as i64),
                )
            }
            ModelKind::Enum(e) if !e.open => (1, 0),
            ModelKind::Enum(_) => (5, 0),
            ModelKind::Union(_) => (4, 0),
            ModelKind::Any => (9, 0),
        },
        Type::Boolean | Type::Integer | Type::DateTime | Type::Date => (1, 0),
        Type::Number => (2, 0),
        Type::Array(inner) => (1, specificity(inner, models).0 as i64),
        Type::String => (5, 0),
        Type::Map(inner) => (6, specificity(inner, models).0 as i64),
        Type::Nullable(inner) => specificity(inner, models),
        Type::Any => (9, 0),
    }
}

/// A variant name from its type: `Str`, `ArrayOfStr`, `MapOfAny`, or the model's name.
fn variant_name(ty: &Type, models: &[Model]) -> String {
    match ty {
        Type::String => "Str".into(),
        Type::Integer => "Integer".into(),
        Type::Number => "Number".into(),
        Type::Boolean => "Boolean".into(),
        Type::Any => "Any".into(),
        Type::DateTime => "DateTime".into(),
        Type::Date => "Date".into(),
        Type::Array(inner) => format!("ArrayOf{}", variant_name(inner, models)),
        Type::Map(inner) => format!("MapOf{}", variant_name(inner, models)),
        Type::Nullable(inner) => format!("Nullable{}", variant_name(inner, models)),
        Type::Model(id) => models[id.0].rust_name.clone(),
    }
}

/// Whether a string example fits this type (so `3600` in a string field stays text).
fn accepts_text(ty: &Type, models: &[Model]) -> bool {
    match ty {
        Type::String | Type::DateTime | Type::Date => true,
        Type::Nullable(inner) => accepts_text(inner, models),
        Type::Model(id) => {
            matches!(&models[id.0].kind, ModelKind::Enum(e) if e.repr == EnumRepr::String)
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_links_join_and_climb() {
        assert_eq!(
            join_relative("a/b/c.md", "../d/e.md").as_deref(),
            Some("a/d/e.md")
        );
        assert_eq!(join_relative("c.md", "e.md").as_deref(), Some("e.md"));
        assert_eq!(
            join_relative("components/c.md", "../../models/operations/e.md").as_deref(),
            Some("operations/e.md")
        );
    }

    #[test]
    fn field_deprecation_notes_are_split_off() {
        let (note, rest) = split_field_deprecation(": warning: ** DEPRECATED **: This will be removed in a future release, please migrate away from it as soon as possible.<br/><br/>Deprecated: Use `tags` instead. The unique ID of the tag.").unwrap();
        assert_eq!(note, "Use `tags` instead.");
        assert_eq!(rest, "The unique ID of the tag.");
        assert!(split_field_deprecation("Plain text.").is_none());
    }

    #[test]
    fn union_variant_types_come_from_code() {
        assert_eq!(
            type_from_code(
                "bulkCreateLinksTagIds: str = /* values here */",
                "BulkCreateLinksTagIds"
            )
            .as_deref(),
            Some("str")
        );
        assert_eq!(
            type_from_code(
                "bulkCreateLinksTagIds := operations.CreateBulkCreateLinksTagIdsStr(string{})",
                "BulkCreateLinksTagIds"
            )
            .as_deref(),
            Some("Str")
        );
        assert_eq!(
            type_from_code(
                "tagIds := operations.CreateTagIdsArrayOfStr([]string{})",
                "TagIds"
            )
            .as_deref(),
            Some("ArrayOfStr")
        );
        assert_eq!(
            type_from_code("tagNames: List[str] = /* values here */", "TagNames").as_deref(),
            Some("List[str]")
        );
        assert_eq!(
            type_from_code("/**\n* @var array<string>\n*/\narray $value = []", "X").as_deref(),
            Some("array<string>")
        );
        assert_eq!(
            type_from_code("const value: components.One = {};", "X").as_deref(),
            Some("components.One")
        );
    }

    #[test]
    fn enum_code_blocks_split_outside_quotes() {
        assert_eq!(
            split_top_level("\"a|b\" | \"c\" | Unrecognized<string>"),
            vec!["\"a|b\"", "\"c\"", "Unrecognized<string>"]
        );
    }
}
