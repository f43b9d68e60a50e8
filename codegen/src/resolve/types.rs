//! Type cells into types: primitives of every SDK language, links and names of models
//! across folders, arrays, maps, literals and optionality markers.

use serde_json::Value;

use super::text::unmark;
use super::{folder_of, Context, Marks, Resolved, Resolver};
use crate::diagnostic::Diagnostic;
use crate::ir::{Enum, EnumRepr, EnumValue, ModelId, ModelKind, Type};
use crate::read::{Cell, Page};
use crate::source::{SourceMap, Span};
use crate::typecell::{parse_type_cell, TypeExpr};

impl Resolver<'_> {
    /// Resolves a field's Type cell; `None` when an error was reported.
    pub(super) fn type_cell(
        &mut self,
        owner: ModelId,
        page: &Page,
        cell: &Cell,
    ) -> Option<(Resolved, Marks)> {
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
    pub(super) fn convert(
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
                let rust_name = self.names.type_name(value, "Value");
                let model = &mut self.models[id.0];
                model.description = format!("The constant `\"{value}\"`.");
                model.kind = ModelKind::Enum(Enum {
                    values: vec![EnumValue {
                        value: Value::String(value.clone()),
                        rust_name,
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
    pub(super) fn inner(&mut self, cx: &Context, expr: &TypeExpr) -> Result<Type, Box<Diagnostic>> {
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

    pub(super) fn named(
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

    pub(super) fn unknown_name(
        &self,
        span: Span,
        name: &str,
        candidates: Vec<ModelId>,
    ) -> Diagnostic {
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
            .max_by(|a, b| {
                // Between `string` and `String`, suggest the one written in the same case.
                let same_case = |k: &str| {
                    k.starts_with(char::is_lowercase) == last.starts_with(char::is_lowercase)
                };
                a.0.total_cmp(&b.0)
                    .then(same_case(&a.1).cmp(&same_case(&b.1)))
            });
        let diagnostic = Diagnostic::error(span, format!("unknown type `{name}`"))
            .with_label("no primitive or model has this name");
        match best {
            Some((_, suggestion)) => diagnostic.with_help(format!("did you mean `{suggestion}`?")),
            None => diagnostic.with_help("use a primitive such as `*string*`, `*number*`, `*boolean*`, or link the model's page"),
        }
    }

    /// Finds a page model by its (possibly qualified) name: `operations.TagIds`,
    /// `Components\Pet`, `\Acme\Models\Components\Pet`, `Pet`.
    pub(super) fn model_by_name(&self, from: &Page, name: &str) -> Result<ModelId, Vec<ModelId>> {
        let segments: Vec<&str> = name.split(['.', '\\']).filter(|s| !s.is_empty()).collect();
        let Some((last, qualifiers)) = segments.split_last() else {
            return Err(Vec::new());
        };
        let mut matches: Vec<ModelId> = match self.by_name.get(*last) {
            Some(ids) => ids.clone(),
            None => self
                .by_name_lowercase
                .get(&last.to_ascii_lowercase())
                .cloned()
                .unwrap_or_default(),
        };
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

    pub(super) fn link(
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
            if let Some(file) = self.sources.find(p) {
                let broken = self
                    .diagnostics
                    .iter()
                    .any(|d| d.is_error() && d.span.as_ref().is_some_and(|s| s.file == file));
                if broken {
                    // The page's own error is reported; a second one here would only repeat it.
                    return Ok(Resolved::Type(Type::Any));
                }
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
}

const PRIMITIVE_NAMES: &[&str] = &[
    "string", "number", "boolean", "integer", "any", "str", "int", "float", "bool", "int64",
    "float64", "long", "double", "String", "Object", "mixed", "Any",
];

/// Primitive names of every SDK language.
pub(super) fn primitive(name: &str) -> Option<Type> {
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

/// The field name of the row a cell belongs to, for naming synthesized types.
fn field_hint(cell: &Cell, sources: &SourceMap) -> String {
    let file = sources.get(cell.span.file);
    let (line, _) = file.line_column(cell.span.range.start);
    let text = &file.text[file.line_range(line)];
    text.split('|').nth(1).map(unmark).unwrap_or_default()
}

pub(super) fn strip_marks<'e>(expr: &'e TypeExpr, marks: &mut Marks) -> &'e TypeExpr {
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
}
