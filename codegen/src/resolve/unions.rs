//! `## Supported Types` sections into unions: variant types from headings or, where the
//! heading is empty, from the example code; variants ordered most specific first.

use super::types::{primitive, strip_marks};
use super::{Context, Marks, Resolved, Resolver};
use crate::diagnostic::Diagnostic;
use crate::ir::{Model, ModelId, ModelKind, Type, Union, Variant};
use crate::naming::Scope;
use crate::read::{Page, Section, Text};
use crate::source::Span;
use crate::typecell::{parse_type_cell, TypeExpr};

impl Resolver<'_> {
    pub(super) fn union(&mut self, id: ModelId, page: &Page, section: &Section) -> ModelKind {
        let union_name = self.models[id.0].name.clone();
        let mut variants: Vec<(Type, Span)> = Vec::new();
        let mut left_out = 0;
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
            // C# names some variants only by a factory method: `X.CreateVerificationWeb3(...)`.
            let factory_only = code.contains(&format!("Create{heading}("));
            match self.variant_type(&context, &written, &union_name, factory_only) {
                Ok(Some(ty)) => variants.push((ty, sub.heading.span.clone())),
                Ok(None) => left_out += 1,
                Err(diagnostic) => self.diagnostics.push(*diagnostic),
            }
        }
        if variants.is_empty() && left_out > 0 {
            return ModelKind::Any;
        }
        if variants.is_empty() {
            self.diagnostics.push(
                Diagnostic::warning(
                    "untyped-model",
                    section.heading.span.clone(),
                    format!("union `{union_name}` lists no variants; it accepts any JSON value"),
                )
                .with_help("add a `### ` heading with the variant's type for each variant"),
            );
            return ModelKind::Any;
        }
        // Ordered and named once every model is resolved: see `order_variants`.
        let variants = variants
            .into_iter()
            .map(|(ty, span)| Variant {
                rust_name: String::new(),
                ty,
                span,
            })
            .collect();
        ModelKind::Union(Union { variants })
    }

    /// Whether every variant a union page lists is an SDK object (a stream, a file, an HTTP
    /// message), judged from the headings alone before any body is resolved.
    pub(super) fn describes_only_sdk_objects(&self, page: &Page, section: &Section) -> bool {
        !section.sub_headings.is_empty()
            && section.sub_headings.iter().all(|sub| {
                let heading = sub.heading.value.trim().trim_matches('`').trim();
                parse_type_cell(heading)
                    .ok()
                    .is_some_and(|expr| self.sdk_only_expr(page, &expr).is_some())
            })
    }

    /// A variant's type; `None` when it is an SDK object, left out with a warning. A variant
    /// named only by a factory method that no page defines is resolved by
    /// [`Self::undefined_variant`]; any other unknown name is an error.
    pub(super) fn variant_type(
        &mut self,
        cx: &Context,
        written: &str,
        union_name: &str,
        factory_only: bool,
    ) -> Result<Option<Type>, Box<Diagnostic>> {
        let expr = parse_type_cell(written).map_err(|e| {
            Box::new(Diagnostic::error(
                cx.cell.span.clone(),
                format!("cannot read the variant's type `{written}`: {}", e.message),
            ))
        })?;
        if let TypeExpr::Named { name, .. } = &expr {
            if primitive(name).is_none() && self.model_by_name(cx.page, name).is_err() {
                if let Some(ty) = self.member_name(cx.page, name) {
                    return Ok(Some(ty));
                }
                if factory_only && self.sdk_only_expr(cx.page, &expr).is_none() {
                    return Ok(Some(self.undefined_variant(cx, name, union_name)));
                }
            }
        }
        let mut marks = Marks::default();
        let stripped = strip_marks(&expr, &mut marks);
        let ty = match self.convert(cx, stripped, &mut marks)? {
            Resolved::Type(ty) => ty,
            Resolved::SdkOnly(what) => {
                self.diagnostics.push(
                    Diagnostic::warning(
                        "sdk-only-variant",
                        cx.cell.span.clone(),
                        format!("the variant `{what}` is left out: it is an SDK object, not JSON"),
                    )
                    .with_help("streams, files and HTTP messages exist only in the SDK; the JSON model keeps the union's other variants"),
                );
                return Ok(None);
            }
        };
        Ok(Some(if marks.nullable {
            Type::Nullable(Box::new(ty))
        } else {
            ty
        }))
    }

    /// A variant that names no page (C# headings that name only a factory method, such as
    /// `### VerificationWeb3`): the one page that the variant's name and its union's name
    /// together identify, else any JSON value. Either way a warning says so.
    fn undefined_variant(&mut self, cx: &Context, name: &str, union_name: &str) -> Type {
        let variant = name.rsplit(['.', '\\']).next().unwrap_or(name);
        let mut candidates = vec![
            format!("{union_name}{variant}"),
            format!("{variant}{union_name}"),
        ];
        if let Some(rest) = variant.strip_prefix(union_name).filter(|r| !r.is_empty()) {
            candidates.push(rest.to_owned());
        }
        let mut found: Vec<ModelId> = Vec::new();
        for candidate in &candidates {
            if let Ok(id) = self.model_by_name(cx.page, candidate) {
                if !found.contains(&id) {
                    found.push(id);
                }
            }
        }
        if let [id] = found.as_slice() {
            let page = self.models[id.0].page.clone();
            self.diagnostics.push(
                Diagnostic::warning(
                    "undefined-variant",
                    cx.cell.span.clone(),
                    format!("no page defines the variant `{name}` of `{union_name}`; it is read as `{}`", self.models[id.0].name),
                )
                .with_help(format!("`{page}` is the one page whose name the variant and the union name together give; link it in the heading to say so")),
            );
            return Type::Model(*id);
        }
        self.diagnostics.push(
            Diagnostic::warning(
                "undefined-variant",
                cx.cell.span.clone(),
                format!("no page defines the variant `{name}` of `{union_name}`; it accepts any JSON value"),
            )
            .with_help("the SDK names this variant only by its factory method; add a page for it, or write its type in the heading, to check it"),
        );
        Type::Any
    }

    /// Decodes SDK union member names: `Str`, `ArrayOfStr`, `MapOfAny`, `Number`, `One`.
    pub(super) fn member_name(&self, page: &Page, name: &str) -> Option<Type> {
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

/// A union whose variant is itself, directly or through other unions (`Loop` listing
/// `Loop`), describes no value and would make every check of it loop forever: each such
/// variant is an error and is removed.
pub(super) fn reject_self_containing(models: &mut [Model], diagnostics: &mut Vec<Diagnostic>) {
    fn union_target(ty: &Type, models: &[Model]) -> Option<ModelId> {
        match ty {
            Type::Nullable(inner) => union_target(inner, models),
            Type::Model(id) if matches!(models[id.0].kind, ModelKind::Union(_)) => Some(*id),
            _ => None,
        }
    }
    fn reaches(from: ModelId, to: ModelId, models: &[Model], seen: &mut Vec<ModelId>) -> bool {
        if from == to {
            return true;
        }
        if seen.contains(&from) {
            return false;
        }
        seen.push(from);
        let ModelKind::Union(union) = &models[from.0].kind else {
            return false;
        };
        union
            .variants
            .iter()
            .filter_map(|v| union_target(&v.ty, models))
            .any(|next| reaches(next, to, models, seen))
    }
    for index in 0..models.len() {
        let ModelKind::Union(union) = &models[index].kind else {
            continue;
        };
        let looping: Vec<usize> = union
            .variants
            .iter()
            .enumerate()
            .filter(|(_, v)| {
                union_target(&v.ty, models)
                    .is_some_and(|target| reaches(target, ModelId(index), models, &mut Vec::new()))
            })
            .map(|(position, _)| position)
            .collect();
        if looping.is_empty() {
            continue;
        }
        let name = models[index].name.clone();
        if let ModelKind::Union(union) = &mut models[index].kind {
            for position in looping.into_iter().rev() {
                let variant = union.variants.remove(position);
                diagnostics.push(
                    Diagnostic::error(variant.span, format!("union `{name}` contains itself as a variant"))
                        .with_help("a union's variants must be other types; list the types the value can actually be"),
                );
            }
        }
    }
}

/// Orders every union's variants most specific first and names them. Runs after all models
/// are resolved, because specificity depends on the variants' own fields.
pub(super) fn order_variants(models: &mut [Model]) {
    for index in 0..models.len() {
        let ModelKind::Union(union) = &models[index].kind else {
            continue;
        };
        let mut ordered: Vec<(usize, Variant)> =
            union.variants.iter().cloned().enumerate().collect();
        ordered.sort_by_key(|(position, v)| (specificity(&v.ty, models), *position));
        let mut scope = Scope::default();
        let variants = ordered
            .into_iter()
            .map(|(_, v)| Variant {
                rust_name: scope.claim(variant_name(&v.ty, models), ""),
                ..v
            })
            .collect();
        models[index].kind = ModelKind::Union(Union { variants });
    }
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

#[cfg(test)]
mod tests {
    use super::*;
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
}
