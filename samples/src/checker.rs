//! Checking: what the published schema says about a document, decided from the model IR.

use std::cell::RefCell;
use std::cmp::Ordering;
use std::collections::BTreeMap;
use std::rc::Rc;

use serde_json::{Number, Value};

use modelgen::ir::{Constraints, EnumRepr, Format, ModelId, ModelKind, ModelSet, Type};

use crate::formats::format_ok;
use crate::generate::MAX_HOPS;
use crate::json::{child, json_eq};
use crate::numbers::{is_integral, is_multiple, num_cmp};
use crate::patterns::Regex;

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Violation {
    pub(crate) path: String,
    pub(crate) keyword: &'static str,
}

#[derive(Debug, Default)]
pub(crate) struct Report {
    pub(crate) violations: Vec<Violation>,
    /// Places whose pattern could not be evaluated.
    pub(crate) uncertain: Vec<String>,
}

impl Report {
    /// Records that `keyword` fails at `path`, once.
    pub(crate) fn push(&mut self, path: &str, keyword: &'static str) {
        if !self
            .violations
            .iter()
            .any(|v| v.path == path && v.keyword == keyword)
        {
            self.violations.push(Violation {
                path: path.to_owned(),
                keyword,
            });
        }
    }

    /// Whether nothing fails and every pattern could be evaluated.
    pub(crate) fn is_clean(&self) -> bool {
        self.violations.is_empty() && self.uncertain.is_empty()
    }
}

/// A place in a document: its type, its keywords, whether it may be null, and the example
/// that is trusted to match a pattern where the matcher gives up.
#[derive(Clone, Copy)]
pub(crate) struct Here<'h> {
    pub(crate) ty: &'h Type,
    pub(crate) cons: Option<&'h Constraints>,
    pub(crate) nullable: bool,
    pub(crate) trusted: Option<&'h Value>,
}

/// Validates documents against the model IR the way the published schema does.
pub(crate) struct Checker<'a> {
    models: &'a ModelSet,
    regexes: RefCell<BTreeMap<String, Option<Rc<Regex>>>>,
}

impl<'a> Checker<'a> {
    /// A checker for the models of `models`.
    pub(crate) fn new(models: &'a ModelSet) -> Self {
        Checker {
            models,
            regexes: RefCell::new(BTreeMap::new()),
        }
    }

    /// The compiled pattern, cached; `None` when it does not compile.
    pub(crate) fn regex(&self, pattern: &str) -> Option<Rc<Regex>> {
        if let Some(found) = self.regexes.borrow().get(pattern) {
            return found.clone();
        }
        let parsed = Regex::parse(pattern).map(Rc::new);
        self.regexes
            .borrow_mut()
            .insert(pattern.to_owned(), parsed.clone());
        parsed
    }

    /// The check of a whole document of type `ty`.
    pub(crate) fn document(&self, value: &Value, ty: &Type) -> Report {
        let mut report = Report::default();
        self.check_type(value, ty, "", &mut report, 0, 0);
        report
    }

    /// The check of one value with the keywords of its place; paths in the report are
    /// relative to the value.
    pub(crate) fn at(&self, value: &Value, here: Here<'_>) -> Report {
        let mut report = Report::default();
        if !(here.nullable && value.is_null()) {
            self.check_type(value, here.ty, "", &mut report, 0, 0);
        }
        if let Some(cons) = here.cons {
            self.check_cons(value, cons, here.trusted, "", &mut report);
        }
        report
    }

    fn check_type(
        &self,
        value: &Value,
        ty: &Type,
        path: &str,
        report: &mut Report,
        depth: usize,
        hops: usize,
    ) {
        if depth > 512 || hops > MAX_HOPS {
            report.push(path, "depth");
            return;
        }
        match ty {
            Type::String => {
                if !value.is_string() {
                    report.push(path, "type");
                }
            }
            Type::DateTime | Type::Date => match value {
                Value::String(s) => {
                    let format = if *ty == Type::DateTime {
                        Format::DateTime
                    } else {
                        Format::Date
                    };
                    if !format_ok(format, s) {
                        report.push(path, "format");
                    }
                }
                _ => report.push(path, "type"),
            },
            Type::Integer => {
                if !value.as_number().is_some_and(is_integral) {
                    report.push(path, "type");
                }
            }
            Type::Number => {
                if !value.is_number() {
                    report.push(path, "type");
                }
            }
            Type::Boolean => {
                if !value.is_boolean() {
                    report.push(path, "type");
                }
            }
            Type::Any => {}
            Type::Nullable(inner) => {
                if !value.is_null() {
                    self.check_type(value, inner, path, report, depth, hops + 1);
                }
            }
            Type::Array(inner) => match value {
                Value::Array(items) => {
                    for (i, item) in items.iter().enumerate() {
                        let item_path = format!("{path}/{i}");
                        self.check_type(item, inner, &item_path, report, depth + 1, 0);
                    }
                }
                _ => report.push(path, "type"),
            },
            Type::Map(inner) => match value {
                Value::Object(entries) => {
                    for (key, item) in entries {
                        self.check_type(item, inner, &child(path, key), report, depth + 1, 0);
                    }
                }
                _ => report.push(path, "type"),
            },
            Type::Model(id) => self.check_model(value, *id, path, report, depth, hops),
        }
    }

    fn check_model(
        &self,
        value: &Value,
        id: ModelId,
        path: &str,
        report: &mut Report,
        depth: usize,
        hops: usize,
    ) {
        let Some(model) = self.models.models.get(id.0) else {
            return;
        };
        match &model.kind {
            ModelKind::Any => {}
            ModelKind::Object(object) => {
                let Value::Object(entries) = value else {
                    report.push(path, "type");
                    return;
                };
                for field in &object.fields {
                    let field_path = child(path, &field.wire_name);
                    match entries.get(&field.wire_name) {
                        None if field.required => report.push(path, "required"),
                        None => {}
                        Some(item) => {
                            if !(field.nullable && item.is_null()) {
                                self.check_type(item, &field.ty, &field_path, report, depth + 1, 0);
                            }
                            self.check_cons(
                                item,
                                &field.constraints,
                                field.example.as_ref(),
                                &field_path,
                                report,
                            );
                        }
                    }
                }
            }
            ModelKind::Enum(e) => {
                let fits_type = match e.repr {
                    EnumRepr::String => value.is_string(),
                    EnumRepr::Integer => value.as_number().is_some_and(is_integral),
                    EnumRepr::Boolean => value.is_boolean(),
                };
                if !fits_type {
                    report.push(path, "type");
                } else if !e.open && !e.values.iter().any(|v| json_eq(&v.value, value)) {
                    report.push(path, "enum");
                }
            }
            ModelKind::Union(union) => {
                for variant in &union.variants {
                    let mut sub = Report::default();
                    self.check_type(value, &variant.ty, path, &mut sub, depth, hops + 1);
                    if sub.violations.is_empty() {
                        report.uncertain.extend(sub.uncertain);
                        return;
                    }
                }
                report.push(path, "anyOf");
            }
        }
    }

    fn check_cons(
        &self,
        value: &Value,
        cons: &Constraints,
        trusted: Option<&Value>,
        path: &str,
        report: &mut Report,
    ) {
        if let Some(expected) = &cons.const_value {
            if !json_eq(value, expected) {
                report.push(path, "const");
            }
        }
        match value {
            Value::String(s) => {
                let length = s.chars().count() as u64;
                if cons.min_length.is_some_and(|m| length < m) {
                    report.push(path, "minLength");
                }
                if cons.max_length.is_some_and(|m| length > m) {
                    report.push(path, "maxLength");
                }
                if let Some(pattern) = &cons.pattern {
                    match self.regex(pattern).and_then(|r| r.is_match(s)) {
                        Some(true) => {}
                        Some(false) => report.push(path, "pattern"),
                        None => {
                            if trusted != Some(value) {
                                report.uncertain.push(path.to_owned());
                            }
                        }
                    }
                }
                if let Some(format) = cons.format {
                    if !format_ok(format, s) {
                        report.push(path, "format");
                    }
                }
            }
            Value::Number(n) => {
                let cmp = |bound: &Option<Number>| bound.as_ref().and_then(|b| num_cmp(n, b));
                if cons.minimum.is_some() && cmp(&cons.minimum) == Some(Ordering::Less) {
                    report.push(path, "minimum");
                }
                if cons.maximum.is_some() && cmp(&cons.maximum) == Some(Ordering::Greater) {
                    report.push(path, "maximum");
                }
                if cons.exclusive_minimum.is_some()
                    && cmp(&cons.exclusive_minimum) != Some(Ordering::Greater)
                {
                    report.push(path, "exclusiveMinimum");
                }
                if cons.exclusive_maximum.is_some()
                    && cmp(&cons.exclusive_maximum) != Some(Ordering::Less)
                {
                    report.push(path, "exclusiveMaximum");
                }
                if let Some(m) = &cons.multiple_of {
                    if !is_multiple(n, m) {
                        report.push(path, "multipleOf");
                    }
                }
            }
            Value::Array(items) => {
                let count = items.len() as u64;
                if cons.min_items.is_some_and(|m| count < m) {
                    report.push(path, "minItems");
                }
                if cons.max_items.is_some_and(|m| count > m) {
                    report.push(path, "maxItems");
                }
                if cons.unique_items
                    && items
                        .iter()
                        .enumerate()
                        .any(|(i, a)| items[i + 1..].iter().any(|b| json_eq(a, b)))
                {
                    report.push(path, "uniqueItems");
                }
                if let Some(inner) = &cons.items {
                    for (i, item) in items.iter().enumerate() {
                        self.check_cons(item, inner, None, &format!("{path}/{i}"), report);
                    }
                }
            }
            _ => {}
        }
    }
}
