//! The generator: valid instances of a model, and near-misses made from them.

mod candidates;

use std::collections::BTreeMap;

use serde_json::{json, Map, Number, Value};

use modelgen::ir::{
    Constraints, Enum, EnumRepr, Format, ModelId, ModelKind, ModelSet, Object, Type,
};

use crate::checker::{Checker, Here, Report};
use crate::formats::format_string;
use crate::json::*;
use crate::numbers::*;
use crate::rng::Rng;
use crate::{Sample, EDGE, INVALID, UNCERTAIN, VALID};

/// Nesting at which generation turns minimal: optional fields absent, arrays as short as
/// allowed, `null` where allowed.
pub(crate) const SOFT_DEPTH: usize = 3;
/// Nesting at which generation stops, leaving an invalid placeholder.
const HARD_DEPTH: usize = 24;
/// Values generated per document before generation turns minimal.
const NODE_BUDGET: usize = 3_000;
/// The longest string or array built on purpose.
pub(crate) const MAX_LEN: u64 = 4_096;
/// Union-to-union steps followed without consuming any input.
pub(crate) const MAX_HOPS: usize = 8;
/// Near-miss candidates collected per document.
pub(crate) const MAX_CANDIDATES: usize = 3_000;

/// What was done to a valid instance.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Kind {
    RequiredRemoved,
    WrongType,
    NullNotNullable,
    NotAnObject,
    UnknownEnumValue,
    Const,
    MaxLength,
    MinLength,
    Format,
    Pattern,
    Maximum,
    ExclusiveMaximum,
    Minimum,
    ExclusiveMinimum,
    MultipleOf,
    MaxItems,
    MinItems,
    UniqueItems,
    // Valid edge cases.
    IntegralFloat,
    ExtraProperty,
    OpenEnumUnknown,
    AtBound,
    MultiByteLength,
    FormatEdge,
}

impl Kind {
    #[cfg(test)]
    const ALL: [Kind; 24] = [
        Kind::RequiredRemoved,
        Kind::WrongType,
        Kind::NullNotNullable,
        Kind::NotAnObject,
        Kind::UnknownEnumValue,
        Kind::Const,
        Kind::MaxLength,
        Kind::MinLength,
        Kind::Format,
        Kind::Pattern,
        Kind::Maximum,
        Kind::ExclusiveMaximum,
        Kind::Minimum,
        Kind::ExclusiveMinimum,
        Kind::MultipleOf,
        Kind::MaxItems,
        Kind::MinItems,
        Kind::UniqueItems,
        Kind::IntegralFloat,
        Kind::ExtraProperty,
        Kind::OpenEnumUnknown,
        Kind::AtBound,
        Kind::MultiByteLength,
        Kind::FormatEdge,
    ];

    /// Whether the changed document is still valid.
    fn is_valid(self) -> bool {
        matches!(
            self,
            Kind::IntegralFloat
                | Kind::ExtraProperty
                | Kind::OpenEnumUnknown
                | Kind::AtBound
                | Kind::MultiByteLength
                | Kind::FormatEdge
        )
    }

    /// The keyword the built-in validator reports for this change.
    fn keyword(self) -> &'static str {
        match self {
            Kind::RequiredRemoved => "required",
            Kind::WrongType | Kind::NullNotNullable | Kind::NotAnObject => "type",
            Kind::UnknownEnumValue => "enum",
            Kind::Const => "const",
            Kind::MaxLength => "maxLength",
            Kind::MinLength => "minLength",
            Kind::Format => "format",
            Kind::Pattern => "pattern",
            Kind::Maximum => "maximum",
            Kind::ExclusiveMaximum => "exclusiveMaximum",
            Kind::Minimum => "minimum",
            Kind::ExclusiveMinimum => "exclusiveMinimum",
            Kind::MultipleOf => "multipleOf",
            Kind::MaxItems => "maxItems",
            Kind::MinItems => "minItems",
            Kind::UniqueItems => "uniqueItems",
            _ => "",
        }
    }
}

/// Which models have a finite valid instance (every required chain ends).
fn finite_models(models: &ModelSet) -> Vec<bool> {
    let mut finite = vec![false; models.models.len()];
    loop {
        let mut changed = false;
        for (i, model) in models.models.iter().enumerate() {
            if finite[i] {
                continue;
            }
            let ends = match &model.kind {
                ModelKind::Object(object) => object.fields.iter().all(|f| {
                    !f.required || f.nullable || type_finite(&f.ty, Some(&f.constraints), &finite)
                }),
                ModelKind::Enum(e) => e.open || !e.values.is_empty(),
                ModelKind::Union(union) => union
                    .variants
                    .iter()
                    .any(|v| type_finite(&v.ty, None, &finite)),
                ModelKind::Any => true,
            };
            if ends {
                finite[i] = true;
                changed = true;
            }
        }
        if !changed {
            return finite;
        }
    }
}

fn type_finite(ty: &Type, cons: Option<&Constraints>, finite: &[bool]) -> bool {
    if cons.is_some_and(|c| c.const_value.is_some()) {
        return true;
    }
    match ty {
        Type::Array(inner) => {
            cons.and_then(|c| c.min_items).unwrap_or(0) == 0
                || type_finite(inner, cons.and_then(|c| c.items.as_deref()), finite)
        }
        Type::Nullable(_) | Type::Map(_) => true,
        Type::Model(id) => finite.get(id.0).copied().unwrap_or(true),
        _ => true,
    }
}

const WIDE_CHARS: &[char] = &[
    'é', 'ß', 'ñ', 'ü', 'Ω', 'ж', '中', '日', '€', '😀', '🦀', '𝄞',
];
const TEXT_CHARS: &[char] = &[
    'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'k', 'm', 'n', 'o', 'p', 'r', 's', 't', 'u', 'w',
    'x', 'y', 'z', 'A', 'B', 'K', 'Q', 'X', 'Z', '0', '1', '2', '5', '7', '9', ' ', '_', '-', '.',
    '/', '~', '"', '\\', '#',
];
const MAP_KEYS: &[&str] = &[
    "alpha",
    "beta",
    "a/b",
    "ti~lde",
    "",
    "with space",
    "ключ",
    "😀",
    "0",
    "gamma",
];
const EXTRA_KEYS: &[&str] = &[
    "extraProperty",
    "x-unknown",
    "zzUnknown",
    "unknown_property_1",
];

struct Gen<'a> {
    models: &'a ModelSet,
    checker: Checker<'a>,
    finite: Vec<bool>,
    rng: Rng,
    budget: usize,
    cut: bool,
}

/// `count` samples, each with the kind of change made to it (`None` for valid instances and
/// documents that could not be changed).
pub(crate) fn generate(
    models: &ModelSet,
    id: ModelId,
    count: usize,
    seed: u64,
) -> Vec<(Sample, Option<Kind>)> {
    if models.models.get(id.0).is_none() {
        return Vec::new();
    }
    let mut generator = Gen {
        models,
        checker: Checker::new(models),
        finite: finite_models(models),
        rng: Rng::new(seed),
        budget: NODE_BUDGET,
        cut: false,
    };
    let root = Type::Model(id);
    let mut kind_uses: BTreeMap<Kind, usize> = BTreeMap::new();
    let mut tag_uses: BTreeMap<String, usize> = BTreeMap::new();
    let mut out = Vec::with_capacity(count);
    for i in 0..count {
        generator.rng = Rng::new(seed ^ (i as u64).wrapping_mul(0xD6E8_FEB8_6659_FD93));
        generator.rng.next_u64();
        if i % 3 == 0 {
            out.push((generator.valid_sample(&root, i == 0), None));
        } else {
            out.push(generator.near_miss(&root, &mut kind_uses, &mut tag_uses));
        }
    }
    out
}

impl<'a> Gen<'a> {
    // --- whole documents ---------------------------------------------------------------

    /// A fresh instance, and whether generation was cut short at the depth limit.
    fn instance(&mut self, root: &Type) -> (Value, bool) {
        self.budget = NODE_BUDGET;
        self.cut = false;
        let value = self.value(root, None, None, 0);
        (value, self.cut)
    }

    fn valid_sample(&mut self, root: &Type, first: bool) -> Sample {
        if first {
            if let Type::Model(id) = root {
                let example = match self.models.models.get(id.0).map(|m| &m.kind) {
                    Some(ModelKind::Object(object)) => object.example.clone(),
                    _ => None,
                };
                if let Some(example) = example {
                    if self.checker.document(&example, root).is_clean() {
                        return Sample {
                            document: example,
                            description: format!("{VALID}the model's example"),
                        };
                    }
                }
            }
        }
        let mut fallback = None;
        for _ in 0..4 {
            let (document, cut) = self.instance(root);
            let report = self.checker.document(&document, root);
            if report.is_clean() {
                return Sample {
                    document,
                    description: format!("{VALID}random instance"),
                };
            }
            if fallback.is_none() || report.violations.is_empty() {
                fallback = Some((document, report, cut));
            }
        }
        let Some((document, report, cut)) = fallback else {
            return Sample {
                document: Value::Null,
                description: format!("{UNCERTAIN}nothing generated"),
            };
        };
        Sample {
            document,
            description: unbuildable(&report, cut),
        }
    }

    // --- valid values ------------------------------------------------------------------

    fn leaf_ok(&self, value: &Value, here: Here<'_>, strict: bool) -> bool {
        let report = self.checker.at(value, here);
        report.violations.is_empty() && (!strict || report.uncertain.is_empty())
    }

    /// A valid value of `ty` under `cons`; `hint` is the field's example.
    fn value(
        &mut self,
        ty: &Type,
        cons: Option<&Constraints>,
        hint: Option<&Value>,
        depth: usize,
    ) -> Value {
        self.budget = self.budget.saturating_sub(1);
        if let Some(constant) = cons.and_then(|c| c.const_value.as_ref()) {
            return constant.clone();
        }
        let here = Here {
            ty,
            cons,
            nullable: false,
            trusted: hint,
        };
        if let Some(hint) = hint {
            if self.rng.chance(30) && self.leaf_ok(hint, here, true) {
                return hint.clone();
            }
        }
        if let Some(default) = cons.and_then(|c| c.default.as_ref()) {
            if self.rng.chance(20) && self.leaf_ok(default, here, true) {
                return default.clone();
            }
        }
        let minimal = depth >= SOFT_DEPTH || self.budget == 0;
        match ty {
            Type::String => self.string(here, None),
            Type::DateTime => self.string(here, Some(Format::DateTime)),
            Type::Date => self.string(here, Some(Format::Date)),
            Type::Integer => self.number(here, true),
            Type::Number => self.number(here, false),
            Type::Boolean => Value::Bool(self.rng.chance(50)),
            Type::Any => self.any_json(if minimal { 0 } else { 2 }),
            Type::Nullable(inner) => {
                if minimal || self.rng.chance(20) {
                    Value::Null
                } else {
                    self.value(inner, cons, hint, depth)
                }
            }
            Type::Array(inner) => Value::Array(self.array(inner, cons, depth, minimal)),
            Type::Map(inner) => {
                let count = if minimal { 0 } else { self.rng.below(4) };
                let mut keys: Vec<&str> = MAP_KEYS.to_vec();
                self.rng.shuffle(&mut keys);
                let mut map = Map::new();
                for key in keys.into_iter().take(count) {
                    let item = self.value(inner, None, None, depth + 1);
                    map.insert(key.to_owned(), item);
                }
                Value::Object(map)
            }
            Type::Model(id) => self.model(*id, depth + 1),
        }
    }

    fn model(&mut self, id: ModelId, depth: usize) -> Value {
        let models = self.models;
        let Some(model) = models.models.get(id.0) else {
            return Value::Null;
        };
        if depth > HARD_DEPTH {
            self.cut = true;
            return match model.kind {
                ModelKind::Object(_) => Value::Object(Map::new()),
                _ => Value::Null,
            };
        }
        let minimal = depth >= SOFT_DEPTH || self.budget == 0;
        match &model.kind {
            ModelKind::Object(object) => self.object(id, object, depth, minimal),
            ModelKind::Enum(e) => self.enum_value(e),
            ModelKind::Union(union) => {
                let ending: Vec<&Type> = union
                    .variants
                    .iter()
                    .map(|v| &v.ty)
                    .filter(|ty| type_finite(ty, None, &self.finite))
                    .collect();
                let all: Vec<&Type> = union.variants.iter().map(|v| &v.ty).collect();
                let choices = if minimal && !ending.is_empty() {
                    ending
                } else {
                    all
                };
                match self.rng.pick(&choices) {
                    Some(ty) => self.value(ty, None, None, depth),
                    None => {
                        self.cut = true;
                        Value::Null
                    }
                }
            }
            ModelKind::Any => self.any_json(if minimal { 0 } else { 2 }),
        }
    }

    fn object(&mut self, id: ModelId, object: &Object, depth: usize, minimal: bool) -> Value {
        if let Some(example) = &object.example {
            if !minimal && self.rng.chance(10) {
                let ty = Type::Model(id);
                let here = Here {
                    ty: &ty,
                    cons: None,
                    nullable: false,
                    trusted: None,
                };
                if self.leaf_ok(example, here, true) {
                    return example.clone();
                }
            }
        }
        let mut map = Map::new();
        for field in &object.fields {
            let include =
                field.required || (!minimal && self.rng.chance(50) && self.can_generate(field));
            if !include {
                continue;
            }
            let null_ok = field.nullable && field.constraints.const_value.is_none();
            let value = if null_ok && (minimal || self.rng.chance(12)) {
                Value::Null
            } else {
                self.value(
                    &field.ty,
                    Some(&field.constraints),
                    field.example.as_ref(),
                    depth,
                )
            };
            map.insert(field.wire_name.clone(), value);
        }
        Value::Object(map)
    }

    /// Whether a valid value can be made for an optional field: not when strings of its
    /// pattern cannot be built and it has no example.
    fn can_generate(&self, field: &modelgen::ir::Field) -> bool {
        match &field.constraints.pattern {
            Some(pattern) => {
                self.checker
                    .regex(pattern)
                    .is_some_and(|r| r.can_generate())
                    || field.example.is_some()
            }
            None => true,
        }
    }

    fn enum_value(&mut self, e: &Enum) -> Value {
        if e.open && (e.values.is_empty() || self.rng.chance(25)) {
            return match e.repr {
                EnumRepr::String => {
                    let mut value = format!("unknownValue{}", self.rng.below(100));
                    while e.values.iter().any(|v| v.value.as_str() == Some(&value)) {
                        value.push('x');
                    }
                    Value::String(value)
                }
                EnumRepr::Integer => {
                    let mut value = 1_000 + self.rng.below(1_000) as i64;
                    while e.values.iter().any(|v| v.value.as_i64() == Some(value)) {
                        value += 1;
                    }
                    Value::from(value)
                }
                EnumRepr::Boolean => {
                    let flag = self.rng.chance(50);
                    Value::Bool(flag)
                }
            };
        }
        match self.rng.pick(&e.values) {
            Some(v) => v.value.clone(),
            None => {
                self.cut = true;
                Value::Null
            }
        }
    }

    fn array(
        &mut self,
        inner: &Type,
        cons: Option<&Constraints>,
        depth: usize,
        minimal: bool,
    ) -> Vec<Value> {
        let min = cons.and_then(|c| c.min_items).unwrap_or(0);
        let max = cons.and_then(|c| c.max_items);
        if min > MAX_LEN {
            self.cut = true;
        }
        let min = min.min(MAX_LEN) as usize;
        let max = max.map_or(min + 3, |m| m.min(MAX_LEN) as usize).max(min);
        let len = if minimal {
            min
        } else {
            min + self.rng.below(max.min(min + 3) - min + 1)
        };
        self.fill_array(Vec::new(), len, inner, cons, depth + 1)
    }

    /// `items` grown with fresh elements (distinct ones under `uniqueItems`) or cut, to `len`.
    fn fill_array(
        &mut self,
        mut items: Vec<Value>,
        len: usize,
        inner: &Type,
        cons: Option<&Constraints>,
        depth: usize,
    ) -> Vec<Value> {
        items.truncate(len);
        let unique = cons.is_some_and(|c| c.unique_items);
        let item_cons = cons.and_then(|c| c.items.as_deref());
        let mut attempts = 0;
        while items.len() < len && attempts < len * 4 + 8 {
            attempts += 1;
            let item = self.value(inner, item_cons, None, depth);
            if unique && items.iter().any(|x| json_eq(x, &item)) {
                continue;
            }
            items.push(item);
        }
        items
    }

    fn any_json(&mut self, level: usize) -> Value {
        let roll = self.rng.below(if level == 0 { 7 } else { 9 });
        match roll {
            0 => Value::Null,
            1 => Value::Bool(self.rng.chance(50)),
            2 => Value::from(self.rng.below(2001) as i64 - 1000),
            3 => num_value((self.rng.below(8001) as f64 - 4000.0) / 8.0).unwrap_or(Value::Null),
            4 | 5 => {
                let n = self.rng.below(9);
                let wide = self.rng.chance(30);
                Value::String(self.text(n, wide))
            }
            6 => self
                .rng
                .pick(&[
                    json!(i64::MAX),
                    json!(i64::MIN),
                    json!(u64::MAX),
                    json!(1.5e300),
                    json!(""),
                    json!(0),
                ])
                .cloned()
                .unwrap_or(Value::Null),
            7 => Value::Array(
                (0..self.rng.below(4))
                    .map(|_| self.any_json(level - 1))
                    .collect(),
            ),
            _ => {
                let mut map = Map::new();
                let mut keys: Vec<&str> = MAP_KEYS.to_vec();
                self.rng.shuffle(&mut keys);
                for key in keys.into_iter().take(self.rng.below(4)) {
                    let item = self.any_json(level - 1);
                    map.insert(key.to_owned(), item);
                }
                Value::Object(map)
            }
        }
    }

    /// `n` characters of text, some of them outside ASCII when `wide`.
    fn text(&mut self, n: usize, wide: bool) -> String {
        (0..n)
            .map(|i| {
                let set = if wide && (i == 0 || self.rng.chance(40)) {
                    WIDE_CHARS
                } else {
                    TEXT_CHARS
                };
                *self.rng.pick(set).unwrap_or(&'a')
            })
            .collect()
    }

    fn string(&mut self, here: Here<'_>, type_format: Option<Format>) -> Value {
        let empty = Constraints::default();
        let c = here.cons.unwrap_or(&empty);
        let format = c.format.or(type_format);
        let lo = c.min_length.unwrap_or(0).min(MAX_LEN) as usize;
        let hi = c
            .max_length
            .map_or(lo + 16, |m| m.min(MAX_LEN) as usize)
            .max(lo);
        let mut last = Value::String(String::new());
        for attempt in 0..16 {
            let s = if c.pattern.is_some() || format.is_some() {
                if attempt < 8 {
                    self.natural_string(c, format, here.trusted)
                } else {
                    let n = self.pick_len(lo, hi);
                    let options = self.strings_of_len(c, format, n, here.trusted);
                    match self.rng.pick(&options) {
                        Some(s) => s.clone(),
                        None => continue,
                    }
                }
            } else {
                let n = self.pick_len(lo, hi);
                let wide = self.rng.chance(25);
                self.text(n, wide)
            };
            let value = Value::String(s);
            if self.leaf_ok(&value, here, attempt < 12) {
                return value;
            }
            last = value;
        }
        last
    }

    fn pick_len(&mut self, lo: usize, hi: usize) -> usize {
        match self.rng.below(5) {
            0 => lo,
            1 => hi,
            _ => lo + self.rng.below(hi - lo + 1),
        }
    }

    /// A string of its natural length: the example, one built from the pattern, or one of
    /// the format.
    fn natural_string(
        &mut self,
        c: &Constraints,
        format: Option<Format>,
        hint: Option<&Value>,
    ) -> String {
        let example = hint.and_then(Value::as_str);
        if let Some(pattern) = &c.pattern {
            if let Some(example) = example {
                if self.rng.chance(50) {
                    return example.to_owned();
                }
            }
            if let Some(regex) = self.checker.regex(pattern) {
                if let Some(s) = regex.generate(&mut self.rng, false) {
                    return s;
                }
            }
            if let Some(example) = example {
                return example.to_owned();
            }
        }
        if let Some(format) = format {
            if let Some(s) = format_string(&mut self.rng, format, None) {
                return s;
            }
        }
        let n = self.rng.below(12);
        self.text(n, false)
    }

    /// Strings of exactly `n` characters that try to keep the pattern and the format.
    fn strings_of_len(
        &mut self,
        c: &Constraints,
        format: Option<Format>,
        n: usize,
        hint: Option<&Value>,
    ) -> Vec<String> {
        let mut out = Vec::new();
        if let Some(pattern) = &c.pattern {
            if let Some(regex) = self.checker.regex(pattern) {
                let mut near = None;
                for attempt in 0..40 {
                    let Some(s) = regex.generate(&mut self.rng, attempt % 2 == 1) else {
                        continue;
                    };
                    if s.chars().count() == n {
                        out.push(s);
                        break;
                    }
                    near.get_or_insert(s);
                }
                if let Some(s) = near {
                    out.push(resize(&s, n));
                }
            }
            if let Some(example) = hint.and_then(Value::as_str) {
                out.push(resize(example, n));
            }
        }
        if let Some(format) = format {
            if let Some(s) = format_string(&mut self.rng, format, Some(n)) {
                out.push(s);
            }
        }
        let plain = self.text(n, false);
        out.push(plain);
        let wide = self.text(n, true);
        out.push(wide);
        out
    }

    fn number(&mut self, here: Here<'_>, integer: bool) -> Value {
        let empty = Constraints::default();
        let c = here.cons.unwrap_or(&empty);
        let proposals = self.number_proposals(c, integer);
        for value in &proposals {
            if self.leaf_ok(value, here, true) {
                return value.clone();
            }
        }
        proposals.into_iter().next().unwrap_or(Value::from(0))
    }

    fn number_proposals(&mut self, c: &Constraints, integer: bool) -> Vec<Value> {
        let f = |n: &Option<Number>| {
            n.as_ref()
                .and_then(Number::as_f64)
                .filter(|x| x.is_finite())
        };
        let lo = match (f(&c.minimum), f(&c.exclusive_minimum)) {
            (Some(a), Some(b)) => Some(if b >= a { (b, true) } else { (a, false) }),
            (Some(a), None) => Some((a, false)),
            (None, Some(b)) => Some((b, true)),
            (None, None) => None,
        };
        let hi = match (f(&c.maximum), f(&c.exclusive_maximum)) {
            (Some(a), Some(b)) => Some(if b <= a { (b, true) } else { (a, false) }),
            (Some(a), None) => Some((a, false)),
            (None, Some(b)) => Some((b, true)),
            (None, None) => None,
        };
        let multiple = f(&c.multiple_of).filter(|m| *m > 0.0);
        let (a, b) = match (lo, hi) {
            (Some(l), Some(h)) => (l.0, h.0),
            (Some(l), None) => (l.0, l.0 + 1000.0),
            (None, Some(h)) => (h.0 - 1000.0, h.0),
            (None, None) => (-1000.0, 1000.0),
        };
        let mut out: Vec<f64> = Vec::new();
        if let Some((l, false)) = lo {
            if self.rng.chance(20) {
                out.push(l);
            }
        }
        if let Some((h, false)) = hi {
            if self.rng.chance(20) {
                out.push(h);
            }
        }
        for _ in 0..12 {
            let x = if let Some(m) = multiple {
                let kmin = (a / m).ceil();
                let kmax = (b / m).floor();
                if kmin.is_finite() && kmax.is_finite() && kmax >= kmin {
                    let span = (kmax - kmin).min(1e12);
                    (kmin + (self.rng.unit() * (span + 1.0)).floor().min(span)) * m
                } else {
                    kmin * m
                }
            } else if integer {
                let (l, h) = (a.ceil(), b.floor());
                if h >= l {
                    l + (self.rng.unit() * (h - l + 1.0)).floor().min(h - l)
                } else {
                    l
                }
            } else {
                let t = self.rng.below(9) as f64 / 8.0;
                let x = a + (b - a) * t;
                if self.rng.chance(50) {
                    x.round()
                } else {
                    (x * 4.0).round() / 4.0
                }
            };
            out.push(x);
        }
        if let Some(m) = multiple {
            for k in [0.0, 1.0, 2.0, 4.0, -1.0, 8.0, 16.0] {
                out.push(k * m);
            }
        }
        if let (Some((l, _)), Some((h, _))) = (lo, hi) {
            out.push((l + h) / 2.0);
        }
        let mut values: Vec<Value> = Vec::new();
        if lo.is_none() && hi.is_none() && multiple.is_none() && self.rng.chance(15) {
            let extremes = if integer {
                vec![json!(i64::MAX), json!(i64::MIN), json!(0), json!(-1)]
            } else {
                vec![json!(1.5e300), json!(-2.5e-300), json!(0.1), json!(-0.5)]
            };
            values.extend(self.rng.pick(&extremes).cloned());
        }
        for x in out {
            let Some(value) = num_value(x) else {
                continue;
            };
            let as_float = !integer && x.fract() == 0.0 && self.rng.chance(25);
            match (as_float, Number::from_f64(x)) {
                (true, Some(n)) => values.push(Value::Number(n)),
                _ => values.push(value),
            }
        }
        values
    }
}

/// The description of a document that could not be made valid.
fn unbuildable(report: &Report, cut: bool) -> String {
    match report.violations.first() {
        Some(v) if cut => format!(
            "{INVALID}generation stopped at the depth limit: a required chain of models never \
             ends ({} fails `{}`)",
            shown(&v.path),
            v.keyword
        ),
        Some(v) => format!(
            "{INVALID}no valid instance could be built ({} fails `{}`)",
            shown(&v.path),
            v.keyword
        ),
        None => format!(
            "{UNCERTAIN}random instance; the pattern at {} could not be evaluated",
            report
                .uncertain
                .iter()
                .map(|p| shown(p))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

#[cfg(test)]
mod tests;
