//! Type cells into types: primitives of every SDK language, links and names of models
//! across folders, arrays, maps, literals and optionality markers.

use serde_json::Value;

use super::text::unmark;
use super::{folder_of, Context, Marks, Resolved, Resolver};
use crate::diagnostic::Diagnostic;
use crate::ir::{Enum, EnumRepr, EnumValue, ModelId, ModelKind, Type, Union, Variant};
use crate::naming::Scope;
use crate::read::{Cell, Page};
use crate::source::{FileId, SourceMap, Span};
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
                marks.nullable_wrapper |= label_marks.nullable_wrapper;
                if let TypeExpr::Union(members) = label {
                    if members.contains(&TypeExpr::Null) {
                        marks.nullable = true;
                    }
                }
                self.link(cx, label, target, range.clone())
            }
            TypeExpr::Literal { value, range } => {
                self.constant(cx, vec![(value.clone(), range.clone())])
            }
            TypeExpr::Array(inner) => {
                if matches!(&**inner, TypeExpr::Named { name, .. } if name == "byte") {
                    return Ok(Resolved::SdkOnly("byte[]".to_owned()));
                }
                Ok(match self.inner(cx, inner)? {
                    Resolved::Type(inner) => Resolved::Type(Type::Array(Box::new(inner))),
                    sdk_only => sdk_only,
                })
            }
            TypeExpr::Map(inner) => Ok(match self.inner(cx, inner)? {
                Resolved::Type(inner) => Resolved::Type(Type::Map(Box::new(inner))),
                sdk_only => sdk_only,
            }),
            TypeExpr::Union(members) => self.cell_union(cx, members, marks),
            TypeExpr::Null => Err(Box::new(
                Diagnostic::error(cx.cell.span.clone(), "`null` alone is not a type")
                    .with_help("write the type and mark it nullable"),
            )),
            TypeExpr::MaybeAbsent(inner)
            | TypeExpr::Nullable(inner)
            | TypeExpr::OptionalNullable(inner) => Ok(match self.inner(cx, inner)? {
                Resolved::Type(inner) => Resolved::Type(Type::Nullable(Box::new(inner))),
                sdk_only => sdk_only,
            }),
        }
    }

    /// A union written in the cell itself: `null` members make it nullable, SDK-only members
    /// are left out (with a warning), literals of one kind become one constant enum, one
    /// remaining member is that member's type, and several become a union of their own.
    fn cell_union(
        &mut self,
        cx: &Context,
        members: &[TypeExpr],
        marks: &mut Marks,
    ) -> Result<Resolved, Box<Diagnostic>> {
        let mut kept: Vec<&TypeExpr> = Vec::new();
        let mut left_out: Vec<String> = Vec::new();
        for member in members {
            if *member == TypeExpr::Null {
                marks.nullable = true;
                continue;
            }
            if let Some(what) = self.sdk_only_expr(cx.page, member) {
                left_out.push(what);
                continue;
            }
            kept.push(member);
        }
        if kept.is_empty() {
            return match left_out.into_iter().next() {
                Some(what) => Ok(Resolved::SdkOnly(what)),
                None => Err(Box::new(
                    Diagnostic::error(cx.cell.span.clone(), "`null` alone is not a type")
                        .with_help("write the type and mark it nullable"),
                )),
            };
        }
        for what in &left_out {
            self.diagnostics.push(
                Diagnostic::warning(
                    "sdk-only-variant",
                    cx.cell.span.clone(),
                    format!("the union member `{what}` is left out: it is an SDK object, not JSON"),
                )
                .with_help("files, streams and HTTP messages exist only in the SDK; the JSON model keeps the union's other members"),
            );
        }
        if let [single] = kept.as_slice() {
            return self.convert(cx, single, marks);
        }
        let literals: Option<Vec<(Value, std::ops::Range<usize>)>> = kept
            .iter()
            .map(|member| match member {
                TypeExpr::Literal { value, range } => Some((value.clone(), range.clone())),
                _ => None,
            })
            .collect();
        if let Some(literals) = literals {
            if literals
                .iter()
                .all(|(v, _)| literal_repr(v) == literal_repr(&literals[0].0))
            {
                return self.constant(cx, literals);
            }
        }
        let mut variants = Vec::new();
        for member in kept {
            match self.inner(cx, member)? {
                Resolved::Type(ty) => variants.push(Variant {
                    rust_name: String::new(),
                    ty,
                    span: cx.cell.span.clone(),
                }),
                Resolved::SdkOnly(what) => return Ok(Resolved::SdkOnly(what)),
            }
        }
        let id = self.synthesize(cx, "Union");
        let model = &mut self.models[id.0];
        model.description = "One of several types.".to_owned();
        model.kind = ModelKind::Union(Union { variants });
        Ok(Resolved::Type(Type::Model(id)))
    }

    /// A constant (or, with several values, an enum) made for a literal type in a cell:
    /// `*"text"*`, `*true*`, `*3*`, `Literal["a", "b"]`.
    fn constant(
        &mut self,
        cx: &Context,
        literals: Vec<(Value, std::ops::Range<usize>)>,
    ) -> Result<Resolved, Box<Diagnostic>> {
        let Some(repr) = literal_repr(&literals[0].0) else {
            let (value, range) = &literals[0];
            self.diagnostics.push(
                Diagnostic::warning(
                    "number-literal",
                    self.span_in(cx.cell, range.clone()),
                    format!("the constant `{value}` is not an integer; it is read as any number"),
                )
                .with_help(
                    "add `{\"const\": ...}` in a Constraints column to hold the value to it",
                ),
            );
            return Ok(Resolved::Type(Type::Number));
        };
        let id = self.synthesize(cx, "Value");
        let mut scope = Scope::default();
        let mut values = Vec::new();
        for (value, range) in literals {
            if values.iter().any(|v: &EnumValue| v.value == value) {
                continue;
            }
            let text = match &value {
                Value::String(text) => text.clone(),
                other => other.to_string(),
            };
            let rust_name = scope.claim(self.names.type_name(&text, "Value"), "");
            values.push(EnumValue {
                value,
                rust_name,
                span: self.span_in(cx.cell, range),
            });
        }
        let model = &mut self.models[id.0];
        model.description = match values.as_slice() {
            [one] => format!("The constant `{}`.", one.value),
            _ => "One of the literal values the page lists.".to_owned(),
        };
        model.kind = ModelKind::Enum(Enum {
            values,
            open: false,
            repr,
        });
        Ok(Resolved::Type(Type::Model(id)))
    }

    /// A model made up for a type written in a cell, named after its owner and field.
    fn synthesize(&mut self, cx: &Context, fallback: &str) -> ModelId {
        let owner = &self.models[cx.owner.0];
        let hint = field_hint(cx.cell, self.sources);
        let hint = if hint.is_empty() { fallback } else { &hint };
        let name = format!("{} {hint}", owner.name);
        let module = owner.module.clone();
        let page = owner.page.clone();
        self.add_model(&name, module, page, cx.cell.span.clone(), true)
    }

    /// Converts a type nested in an array, map, union or optionality marker, where
    /// optionality markers mean `null` is allowed. An SDK-only type inside makes the whole
    /// an SDK object too.
    pub(super) fn inner(
        &mut self,
        cx: &Context,
        expr: &TypeExpr,
    ) -> Result<Resolved, Box<Diagnostic>> {
        let mut marks = Marks::default();
        let stripped = strip_marks(expr, &mut marks);
        let ty = match self.convert(cx, stripped, &mut marks)? {
            Resolved::Type(ty) => ty,
            sdk_only => return Ok(sdk_only),
        };
        Ok(Resolved::Type(if marks.nullable || marks.maybe_absent {
            Type::Nullable(Box::new(ty))
        } else {
            ty
        }))
    }

    /// What SDK object an expression names, judged by its names alone, when it is one: a
    /// stream, a file, an HTTP message, bytes (and lists, maps and unions of only those).
    pub(super) fn sdk_only_expr(&self, page: &Page, expr: &TypeExpr) -> Option<String> {
        match expr {
            TypeExpr::Named { name, .. } => {
                if primitive(name).is_some() || self.model_by_name(page, name).is_ok() {
                    None
                } else {
                    sdk_only(name)
                }
            }
            TypeExpr::Generic { name, .. } => sdk_only(name),
            TypeExpr::Link { label, target, .. } => {
                let external = target.contains("://");
                match &**label {
                    TypeExpr::Named { name, .. } | TypeExpr::Generic { name, .. } if external => {
                        sdk_only(name)
                    }
                    _ => None,
                }
            }
            TypeExpr::Array(inner) => {
                if matches!(&**inner, TypeExpr::Named { name, .. } if name == "byte") {
                    return Some("byte[]".to_owned());
                }
                self.sdk_only_expr(page, inner)
            }
            TypeExpr::Map(inner)
            | TypeExpr::MaybeAbsent(inner)
            | TypeExpr::Nullable(inner)
            | TypeExpr::OptionalNullable(inner) => self.sdk_only_expr(page, inner),
            TypeExpr::Union(members) => {
                let mut found = None;
                for member in members.iter().filter(|m| **m != TypeExpr::Null) {
                    found = Some(self.sdk_only_expr(page, member)?);
                }
                found
            }
            TypeExpr::Literal { .. } | TypeExpr::Null => None,
        }
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
        match self.model_by_name(cx.page, name) {
            Ok(id) => Ok(self.page_model(id)),
            // A page of that name wins over an SDK type of the same name (`File`, `Response`).
            Err(candidates) => {
                if let (true, Some(what)) = (candidates.is_empty(), sdk_only(name)) {
                    return Ok(Resolved::SdkOnly(what));
                }
                let span = self.span_in(cx.cell, range);
                Err(Box::new(self.unknown_name(span, name, candidates)))
            }
        }
    }

    /// Notes the members a link's text gives a union it links
    /// (`[Crystalline::Union.new(Models::A, Models::B)](union.md)`): a union page that lists no
    /// variants takes them from there.
    fn note_union_members(&mut self, cx: &Context, label: &TypeExpr, target: ModelId) {
        let mut marks = Marks::default();
        let TypeExpr::Union(members) = strip_marks(label, &mut marks) else {
            return;
        };
        let names: Option<Vec<String>> = members
            .iter()
            .filter(|m| **m != TypeExpr::Null)
            .map(|m| match m {
                TypeExpr::Named { name, .. } => Some(name.clone()),
                _ => None,
            })
            .collect();
        if let Some(names) = names.filter(|n| n.len() > 1) {
            self.union_members
                .entry(target)
                .or_insert((cx.page.file, names));
        }
    }

    /// A reference to a page's model; an SDK object when the page describes only SDK objects.
    fn page_model(&self, id: ModelId) -> Resolved {
        if self.sdk_only_models.contains(&id) {
            Resolved::SdkOnly(self.models[id.0].name.clone())
        } else {
            Resolved::Type(Type::Model(id))
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
        self.model_by_name_from(from.file, name)
    }

    /// [`Self::model_by_name`], for a name written in the page `from`.
    pub(super) fn model_by_name_from(
        &self,
        from: FileId,
        name: &str,
    ) -> Result<ModelId, Vec<ModelId>> {
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
            let here = folder_of(&self.sources.get(from).relative_path);
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
            self.note_union_members(cx, label, id);
            return Ok(self.page_model(id));
        }
        if let Some(ty) = label_name.and_then(date_type_name) {
            return Ok(Resolved::Type(ty));
        }
        let file_name = path.rsplit('/').next().unwrap_or(path).to_lowercase();
        if resolved
            .as_ref()
            .is_none_or(|p| self.sources.find(p).is_none())
        {
            let mut candidates = self
                .by_file_name
                .get(&file_name)
                .cloned()
                .unwrap_or_default();
            // Several pages of that file name: the label's qualifier (`Models::Components::X`)
            // names the folder.
            let qualifier = label_name.and_then(|name| name.rsplit(['.', '\\']).nth(1));
            if let (true, Some(qualifier)) = (candidates.len() > 1, qualifier) {
                candidates.retain(|id| {
                    folder_of(&self.models[id.0].page)
                        .last()
                        .is_some_and(|folder| folder.eq_ignore_ascii_case(qualifier))
                });
            }
            if let [id] = candidates.as_slice() {
                let page = self.models[id.0].page.clone();
                self.diagnostics.push(
                    Diagnostic::warning(
                        "relocated-link",
                        span,
                        format!("the link `{target}` points to no file; it is read as `{page}`, the page of that file name"),
                    )
                    .with_help("SDK docs sometimes link a folder the pages are not in; correct the link to silence this"),
                );
                let id = *id;
                self.note_union_members(cx, label, id);
                return Ok(self.page_model(id));
            }
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
        "bool" | "boolean" | "Boolean" | "TrueClass" | "FalseClass" => Type::Boolean,
        "Symbol" => Type::String,
        "Numeric" => Type::Number,
        "Array" => Type::Array(Box::new(Type::Any)),
        "Hash" => Type::Map(Box::new(Type::Any)),
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
    // Python's `date` and Ruby's `Date` are calendar dates; TypeScript's `Date` is a date-time.
    if target.contains("#date-objects") || (label == "Date" && target.contains("ruby-doc")) {
        return Some(Type::Date);
    }
    if target.contains("#datetime-objects") {
        return Some(Type::DateTime);
    }
    date_type_name(label)
}

/// SDK objects that are not JSON: HTTP messages, streams, files and bytes, in every SDK
/// language's spelling.
fn sdk_only(name: &str) -> Option<String> {
    let last = last_segment(name);
    let known = matches!(
        last,
        "Response"
            | "Request"
            | "ResponseInterface"
            | "RequestInterface"
            | "StreamInterface"
            | "UploadedFileInterface"
            | "HttpResponse"
            | "HttpRequest"
            | "HttpResponseMessage"
            | "HttpRequestMessage"
            | "IncomingMessage"
            | "ServerResponse"
            | "ReadableStream"
            | "WritableStream"
            | "EventStream"
            | "EventStreamAsync"
            | "JsonLStream"
            | "AsyncIterable"
            | "AsyncIterator"
            | "AsyncGenerator"
            | "Stream"
            | "FileStream"
            | "MemoryStream"
            | "InputStream"
            | "OutputStream"
            | "ReadCloser"
            | "Reader"
            | "IO"
            | "IOBase"
            | "BufferedReader"
            | "BinaryIO"
            | "Blob"
            | "File"
            | "IFormFile"
            | "Uint8Array"
            | "ArrayBuffer"
            | "Buffer"
            | "bytes"
            | "bytearray"
            | "ByteArray"
            | "Tempfile"
            | "resource"
    );
    known.then(|| name.trim_start_matches('\\').to_owned())
}

/// The enum representation of a literal value; `None` for a number that is not an integer.
fn literal_repr(value: &Value) -> Option<EnumRepr> {
    match value {
        Value::Bool(_) => Some(EnumRepr::Boolean),
        Value::Number(n) if n.is_i64() => Some(EnumRepr::Integer),
        Value::String(_) => Some(EnumRepr::String),
        _ => None,
    }
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
            marks.nullable_wrapper = true;
            strip_marks(inner, marks)
        }
        TypeExpr::OptionalNullable(inner) => {
            marks.maybe_absent = true;
            marks.nullable = true;
            marks.nullable_wrapper = true;
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
