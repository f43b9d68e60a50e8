//! Stage two: pages into the model IR. Classifies each page, names every model, field and
//! value for Rust, turns Type cells into types (following links and names across folders),
//! and reads descriptions, deprecation notes and examples.

mod constraints;
mod enums;
mod fields;
mod text;
mod types;
mod unions;

use std::collections::BTreeMap;

use rustc_hash::FxHashMap;

use crate::diagnostic::Diagnostic;
use crate::examples::Patterns;
use crate::ir::{Constraints, Field, Model, ModelId, ModelKind, ModelSet, Object, Type};
use crate::naming::{Names, Scope};
use crate::read::{Cell, Page, Row, Section, Table};
use crate::source::{SourceMap, Span};
use crate::spec_config::{Nulls, SpecConfig};
use fields::PendingField;

pub use text::clean_description;
use text::{null_fields_in_example_usage, split_field_deprecation, unmark, unmarked};

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
pub fn resolve(
    pages: &[Page],
    sources: &SourceMap,
    config: &SpecConfig,
    diagnostics: &mut Vec<Diagnostic>,
) -> ModelSet {
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
        config,
        pending: Vec::new(),
        models: Vec::new(),
        by_page: FxHashMap::default(),
        by_page_lowercase: FxHashMap::default(),
        by_file_name: FxHashMap::default(),
        sdk_only_models: rustc_hash::FxHashSet::default(),
        union_members: FxHashMap::default(),
        by_name: FxHashMap::default(),
        by_name_lowercase: FxHashMap::default(),
        type_scopes: BTreeMap::new(),
        names: Names::default(),
        patterns: Patterns::default(),
        nullability_written: false,
        diagnostics,
    };
    for (pm, folder) in page_models.iter().zip(&folders) {
        let module: Vec<String> = folder[common..]
            .iter()
            .map(|part| resolver.names.field_name(part, "module"))
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
        let file_name = relative.rsplit('/').next().unwrap_or(&relative);
        resolver
            .by_file_name
            .entry(file_name.to_lowercase())
            .or_default()
            .push(id);
        resolver.by_page.insert(relative, id);
    }
    for (index, model) in resolver.models.iter().enumerate() {
        let id = ModelId(index);
        resolver
            .by_name
            .entry(model.name.clone())
            .or_default()
            .push(id);
        resolver
            .by_name_lowercase
            .entry(model.name.to_ascii_lowercase())
            .or_default()
            .push(id);
    }
    for (index, pm) in page_models.iter().enumerate() {
        if let PageKind::Union(section) = &pm.kind {
            if resolver.describes_only_sdk_objects(pm.page, section) {
                resolver.sdk_only_models.insert(ModelId(index));
            }
        }
    }
    for (index, pm) in page_models.iter().enumerate() {
        let id = ModelId(index);
        if resolver.sdk_only_models.contains(&id) {
            resolver.diagnostics.push(
                Diagnostic::warning(
                    "sdk-only-model",
                    pm.page.title.span.clone(),
                    format!("`{}` is left out: every variant it lists is an SDK object, not JSON", pm.page.title.value),
                )
                .with_help("streams, files and HTTP messages exist only in the SDK; fields of this type are left out too"),
            );
            continue;
        }
        let kind = match &pm.kind {
            PageKind::Object(table) => resolver.object(id, pm.page, table),
            PageKind::Enum(section) => resolver.enumeration(id, pm.page, section),
            PageKind::Union(section) => resolver.union(id, pm.page, section),
            // Resolved once every link has been read: see below.
            PageKind::DeclaredOnly => continue,
        };
        resolver.models[id.0].kind = kind;
    }
    for (index, pm) in page_models.iter().enumerate() {
        if matches!(pm.kind, PageKind::DeclaredOnly) {
            resolver.declared_only(ModelId(index), pm.page);
        }
    }
    unions::reject_self_containing(&mut resolver.models, resolver.diagnostics);
    if config.nulls == Nulls::WhereUnsaid && !resolver.nullability_written {
        accept_null_everywhere(&mut resolver.models);
    }
    resolver.finish_fields();
    unions::order_variants(&mut resolver.models);
    let models = without_models(resolver.models, &resolver.sdk_only_models);
    let mut models = ModelSet { models };
    crate::examples::attach_model_examples(&mut models);
    models
}

/// Makes every field nullable: the folder's pages never write nullability, and its
/// settings ask to accept `null` where they cannot say.
fn accept_null_everywhere(models: &mut [Model]) {
    for model in models {
        if let ModelKind::Object(object) = &mut model.kind {
            for field in &mut object.fields {
                field.nullable = true;
            }
        }
    }
}

/// The models less those in `removed`, with every reference renumbered. Nothing refers to a
/// removed model: references to SDK-only pages were left out as they were resolved.
fn without_models(models: Vec<Model>, removed: &rustc_hash::FxHashSet<ModelId>) -> Vec<Model> {
    if removed.is_empty() {
        return models;
    }
    let mut new_id = Vec::with_capacity(models.len());
    let mut next = 0;
    for index in 0..models.len() {
        new_id.push(ModelId(next));
        if !removed.contains(&ModelId(index)) {
            next += 1;
        }
    }
    fn renumber(ty: &mut Type, new_id: &[ModelId]) {
        match ty {
            Type::Array(inner) | Type::Map(inner) | Type::Nullable(inner) => {
                renumber(inner, new_id)
            }
            Type::Model(id) => *id = new_id[id.0],
            _ => {}
        }
    }
    models
        .into_iter()
        .enumerate()
        .filter(|(index, _)| !removed.contains(&ModelId(*index)))
        .map(|(_, mut model)| {
            match &mut model.kind {
                ModelKind::Object(object) => {
                    for field in &mut object.fields {
                        renumber(&mut field.ty, &new_id);
                    }
                }
                ModelKind::Union(union) => {
                    for variant in &mut union.variants {
                        renumber(&mut variant.ty, &new_id);
                    }
                }
                ModelKind::Enum(_) | ModelKind::Any => {}
            }
            model
        })
        .collect()
}

/// Two pages in one folder with the same title would be two models with one name: the
/// second is an error and is dropped.
fn reject_duplicate_titles(
    page_models: &mut Vec<PageModel>,
    sources: &SourceMap,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let mut first_of: FxHashMap<(Vec<String>, &str), usize> = FxHashMap::default();
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
            Diagnostic::warning("not-a-model-page", page.title.span.clone(), format!("skipped: not a model page ({why})"))
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

/// Whether a field may be absent, may be null.
#[derive(Debug, Clone, Copy, Default)]
struct Marks {
    maybe_absent: bool,
    nullable: bool,
    /// Nullability written with a wrapper (`Nullable[T]`, `JsonNullable<T>`, `Nilable`), a
    /// sign that the folder's pages write it wherever it holds.
    nullable_wrapper: bool,
}

/// A type cell's meaning before it is tied to a field.
enum Resolved {
    Type(Type),
    /// An SDK object that is not JSON (an HTTP response, a stream).
    SdkOnly(String),
}

struct Resolver<'a> {
    sources: &'a SourceMap,
    config: &'a SpecConfig,
    /// Field cells read once every model exists: examples and constraints.
    pending: Vec<PendingField<'a>>,
    models: Vec<Model>,
    by_page: FxHashMap<String, ModelId>,
    by_page_lowercase: FxHashMap<String, ModelId>,
    /// Page models by file name in lowercase, wherever they are in the folder.
    by_file_name: FxHashMap<String, Vec<ModelId>>,
    /// Union pages whose every variant is an SDK object: left out, and so is every field
    /// that refers to them.
    sdk_only_models: rustc_hash::FxHashSet<ModelId>,
    /// The members that links' texts give union pages (`Crystalline::Union.new(A, B)`), by
    /// the page linked, with the page the link is written in.
    union_members: FxHashMap<ModelId, (crate::source::FileId, Vec<String>)>,
    /// Page models by name, in model order (every model made from a page; none is
    /// synthesized).
    by_name: FxHashMap<String, Vec<ModelId>>,
    /// The same, by name in ASCII lowercase.
    by_name_lowercase: FxHashMap<String, Vec<ModelId>>,
    type_scopes: BTreeMap<Vec<String>, Scope>,
    /// Case conversions made so far.
    names: Names,
    /// `pattern` constraints compiled once each.
    patterns: Patterns,
    /// Whether some page writes a field's nullability in its Type cell (a nullable wrapper,
    /// or a Go pointer on a required field): then a field without it is not nullable.
    nullability_written: bool,
    diagnostics: &'a mut Vec<Diagnostic>,
}

impl<'a> Resolver<'a> {
    fn add_model(
        &mut self,
        name: &str,
        module: Vec<String>,
        page: String,
        span: Span,
        synthesized: bool,
    ) -> ModelId {
        let wanted = self.names.type_name(name, "Model");
        let scope = self.type_scopes.entry(module.clone()).or_default();
        let rust_name = scope.claim(wanted, "");
        let (schema_file, def_key) = if module.is_empty() {
            (format!("{rust_name}.schema.json"), rust_name.clone())
        } else {
            (
                format!("{}/{rust_name}.schema.json", module.join("/")),
                format!("{}.{rust_name}", module.join(".")),
            )
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

    /// A page with a title and no section: a union whose members a link's text gives
    /// (`[Crystalline::Union.new(A, B)](x.md)`), else a type that accepts any JSON value, with a
    /// warning.
    fn declared_only(&mut self, id: ModelId, page: &Page) {
        if let Some((from, names)) = self.union_members.get(&id) {
            let members: Result<Vec<ModelId>, _> = names
                .iter()
                .map(|name| self.model_by_name_from(*from, name))
                .collect();
            if let Ok(members) = members {
                let variants = members
                    .into_iter()
                    .map(|member| crate::ir::Variant {
                        rust_name: String::new(),
                        ty: Type::Model(member),
                        span: page.title.span.clone(),
                    })
                    .collect();
                self.models[id.0].kind = ModelKind::Union(crate::ir::Union { variants });
                return;
            }
        }
        self.diagnostics.push(
            Diagnostic::warning(
                "untyped-model",
                page.title.span.clone(),
                format!(
                    "`{}` has no `## Fields`, `## Values` or `## Supported Types` section, so its shape is unknown; it accepts any JSON value",
                    page.title.value
                ),
            )
            .with_help("SDK generators of 2024 wrote unions this way; add a `## Supported Types` section listing the variants to get a precise type"),
        );
        self.models[id.0].kind = ModelKind::Any;
    }

    fn span_in(&self, cell: &Cell, range: std::ops::Range<usize>) -> Span {
        let start = cell.span.range.start;
        Span::new(cell.span.file, start + range.start..start + range.end)
    }

    // ----- objects -----

    fn object(&mut self, id: ModelId, page: &Page, table: &'a Table) -> ModelKind {
        let header: Vec<&str> = table.header.iter().map(|c| unmarked(&c.value)).collect();
        let column = |name: &str| header.iter().position(|h| h.eq_ignore_ascii_case(name));
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
        let constraints_col = column("Constraints");

        let mut fields = Vec::new();
        let mut scope = Scope::default();
        let mut wire_names: FxHashMap<&str, Span> =
            FxHashMap::with_capacity_and_hasher(table.rows.len(), Default::default());
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
            if is_extra_properties_store(&name, &resolved) {
                // SDKs list where they keep the properties a model does not name as a field
                // (`__pydantic_extra__`, Java's and Ruby's `additionalProperties` map); the JSON
                // object has no such member.
                self.diagnostics.push(
                    Diagnostic::warning("sdk-only-field", name_cell.span.clone(), format!("field `{name}` is left out: it is where the SDK keeps properties the model does not list, not a JSON property"))
                        .with_help("the object accepts properties it does not list, of any type"),
                );
                continue;
            }
            let ty = match resolved {
                Resolved::Type(ty) => ty,
                Resolved::SdkOnly(what) => {
                    self.diagnostics.push(
                        Diagnostic::warning("sdk-only-field", type_cell.span.clone(), format!("field `{name}` is left out: `{what}` is an SDK object, not JSON"))
                            .with_help("files, bytes, streams and HTTP messages exist only in the SDK; the JSON model does not carry them"),
                    );
                    continue;
                }
            };
            if let Some(previous) = wire_names.get(name.as_str()) {
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
            wire_names.insert(unmarked(&name_cell.value), name_cell.span.clone());

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
            let written = marks.nullable_wrapper || (required && marks.maybe_absent);
            self.nullability_written |= written;
            let nullable = marks.nullable || written || shown_null.contains(&name);
            let rust_name = scope.claim(self.names.field_name(&name, "field"), "_");
            self.pending.push(PendingField {
                model: id,
                field: fields.len(),
                name_span: name_cell.span.clone(),
                example: example_col.map(|c| &row.cells[c]),
                constraints: constraints_col.map(|c| &row.cells[c]),
            });
            fields.push(Field {
                wire_name: name.clone(),
                name,
                rust_name,
                ty,
                required,
                nullable,
                description,
                deprecated,
                example: None,
                constraints: Constraints::default(),
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
}

/// What a type conversion needs to know about where the type is written.
struct Context<'c> {
    owner: ModelId,
    page: &'c Page,
    cell: &'c Cell,
}

/// Whether a field is an SDK's store of the properties a model does not name: Python's
/// `__pydantic_extra__`, or a map named `additionalProperties` (Java, C#) or
/// `additional_properties` (Ruby).
fn is_extra_properties_store(name: &str, resolved: &Resolved) -> bool {
    name == "__pydantic_extra__"
        || (matches!(
            name,
            "additionalProperties" | "additional_properties" | "AdditionalProperties"
        ) && matches!(resolved, Resolved::Type(Type::Map(_))))
}

fn required_mark(cell: &str) -> Option<bool> {
    match cell.trim() {
        ":heavy_check_mark:" | "✔️" | "✔" | ":white_check_mark:" | "✅" => Some(true),
        ":heavy_minus_sign:" | "➖" => Some(false),
        _ => None,
    }
}
