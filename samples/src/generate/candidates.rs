//! Near-miss candidates: the changes that can be made at each place of a valid instance, and
//! whether a changed document does what the change means to.

use serde_json::{json, Value};

use modelgen::ir::{Constraints, EnumRepr, ModelKind, ModelSet, Type};

use super::*;
use crate::formats::{format_edges, format_misses};

/// JSON kinds as bits, to say which kinds a place accepts.
const NULL: u8 = 1;
const BOOL: u8 = 2;
const INT: u8 = 4;
const FLOAT: u8 = 8;
const STRING: u8 = 16;
const ARRAY: u8 = 32;
const OBJECT: u8 = 64;
pub(super) const ALL: u8 = 127;

/// Which JSON kinds a type accepts.
pub(super) fn accepted(models: &ModelSet, ty: &Type, hops: usize) -> u8 {
    if hops > MAX_HOPS {
        return 0;
    }
    match ty {
        Type::String | Type::DateTime | Type::Date => STRING,
        Type::Integer => INT,
        Type::Number => INT | FLOAT,
        Type::Boolean => BOOL,
        Type::Any => ALL,
        Type::Array(_) => ARRAY,
        Type::Map(_) => OBJECT,
        Type::Nullable(inner) => NULL | accepted(models, inner, hops + 1),
        Type::Model(id) => match models.models.get(id.0).map(|m| &m.kind) {
            Some(ModelKind::Object(_)) => OBJECT,
            Some(ModelKind::Enum(e)) => match e.repr {
                EnumRepr::String => STRING,
                EnumRepr::Integer => INT,
                EnumRepr::Boolean => BOOL,
            },
            Some(ModelKind::Union(union)) => union
                .variants
                .iter()
                .fold(0, |acc, v| acc | accepted(models, &v.ty, hops + 1)),
            Some(ModelKind::Any) | None => ALL,
        },
    }
}

#[derive(Debug, Clone)]
enum Slot {
    Key(String),
    Index(usize),
}

/// A place in the document: its JSON Pointer and how to reach it from its parent.
#[derive(Debug, Clone)]
struct Site {
    pointer: String,
    parent: Option<(String, Slot)>,
}

impl Site {
    fn root() -> Site {
        Site {
            pointer: String::new(),
            parent: None,
        }
    }

    fn key(&self, key: &str) -> Site {
        Site {
            pointer: child(&self.pointer, key),
            parent: Some((self.pointer.clone(), Slot::Key(key.to_owned()))),
        }
    }

    fn index(&self, i: usize) -> Site {
        Site {
            pointer: format!("{}/{i}", self.pointer),
            parent: Some((self.pointer.clone(), Slot::Index(i))),
        }
    }

    fn shown(&self) -> String {
        shown(&self.pointer)
    }
}

#[derive(Debug, Clone)]
enum Action {
    Set(Value),
    Remove,
}

#[derive(Debug, Clone)]
struct Candidate {
    kind: Kind,
    site: Site,
    action: Action,
    /// The one violation the changed document must have: path and keyword.
    expect: Option<(String, &'static str)>,
    what: String,
    /// Tells apart variants of one kind at one place, to spread them out.
    tag: String,
    /// The pattern here could not be evaluated.
    uncertain: bool,
}

#[derive(Debug, Clone, Copy, Default)]
struct Ctx {
    root: bool,
    in_union: bool,
    hops: usize,
}

fn apply(doc: &Value, site: &Site, action: &Action) -> Option<Value> {
    let Some((parent, slot)) = &site.parent else {
        return match action {
            Action::Set(value) => Some(value.clone()),
            Action::Remove => None,
        };
    };
    let mut doc = doc.clone();
    match (doc.pointer_mut(parent)?, slot, action) {
        (Value::Object(map), Slot::Key(key), Action::Set(value)) => {
            map.insert(key.clone(), value.clone());
        }
        (Value::Object(map), Slot::Key(key), Action::Remove) => {
            map.shift_remove(key)?;
        }
        (Value::Array(items), Slot::Index(i), Action::Set(value)) => {
            *items.get_mut(*i)? = value.clone();
        }
        _ => return None,
    }
    Some(doc)
}

/// What the changed document's check says about a candidate: its description, or `None`
/// when the change did not do what it meant to.
fn judge(candidate: &Candidate, report: &Report) -> Option<String> {
    let what = &candidate.what;
    if candidate.kind.is_valid() {
        return if !report.violations.is_empty() {
            None
        } else if report.uncertain.is_empty() {
            Some(format!("{EDGE}{what}"))
        } else {
            Some(format!(
                "{UNCERTAIN}{what} (a pattern elsewhere could not be evaluated)"
            ))
        };
    }
    if candidate.uncertain {
        return (report.violations.is_empty()
            && report.uncertain.contains(&candidate.site.pointer))
        .then(|| format!("{UNCERTAIN}{what} (the pattern could not be evaluated)"));
    }
    let (path, keyword) = candidate.expect.as_ref()?;
    let [violation] = report.violations.as_slice() else {
        return None;
    };
    let plain = violation.path == *path
        && (violation.keyword == *keyword || (violation.keyword == "anyOf" && *keyword == "type"));
    if plain {
        return Some(format!("{INVALID}{what}"));
    }
    let inside = violation.path.is_empty()
        || violation.path == *path
        || path.starts_with(&format!("{}/", violation.path));
    (violation.keyword == "anyOf" && inside).then(|| {
        format!(
            "{INVALID}{what}, so {} fits no variant of its union",
            shown(&violation.path)
        )
    })
}

impl Gen<'_> {
    /// A near-miss made from a fresh instance of `root`, with the kind of change: the least
    /// used kind that applies. A valid instance when no change applies.
    pub(super) fn near_miss(
        &mut self,
        root: &Type,
        kind_uses: &mut BTreeMap<Kind, usize>,
        tag_uses: &mut BTreeMap<String, usize>,
    ) -> (Sample, Option<Kind>) {
        let mut last = None;
        for _ in 0..3 {
            let (base, cut) = self.instance(root);
            let base_report = self.checker.document(&base, root);
            if !base_report.violations.is_empty() {
                last = Some((base, base_report, cut));
                continue;
            }
            let mut candidates = Vec::new();
            let here = Here {
                ty: root,
                cons: None,
                nullable: false,
                trusted: None,
            };
            let ctx = Ctx {
                root: true,
                ..Ctx::default()
            };
            self.walk(Some(&base), here, &Site::root(), ctx, &mut candidates);
            if let Some(found) = self.choose(&base, root, &candidates, kind_uses, tag_uses) {
                return found;
            }
            let description = if base_report.uncertain.is_empty() {
                format!("{VALID}random instance (no change applies to this model)")
            } else {
                unbuildable(&base_report, false)
            };
            return (
                Sample {
                    document: base,
                    description,
                },
                None,
            );
        }
        let (document, report, cut) = last.unwrap_or((Value::Null, Report::default(), false));
        (
            Sample {
                document,
                description: unbuildable(&report, cut),
            },
            None,
        )
    }

    /// Picks the least used kind, then its least used variant, that does what it means to.
    fn choose(
        &mut self,
        base: &Value,
        root: &Type,
        candidates: &[Candidate],
        kind_uses: &mut BTreeMap<Kind, usize>,
        tag_uses: &mut BTreeMap<String, usize>,
    ) -> Option<(Sample, Option<Kind>)> {
        let mut kinds: Vec<Kind> = candidates.iter().map(|c| c.kind).collect();
        kinds.sort();
        kinds.dedup();
        while !kinds.is_empty() {
            let uses = |k: &Kind| kind_uses.get(k).copied().unwrap_or(0);
            let least = kinds.iter().map(uses).min().unwrap_or(0);
            let ties: Vec<Kind> = kinds.iter().copied().filter(|k| uses(k) == least).collect();
            let kind = *self.rng.pick(&ties)?;
            kinds.retain(|k| *k != kind);
            let mut pool: Vec<&Candidate> = candidates.iter().filter(|c| c.kind == kind).collect();
            self.rng.shuffle(&mut pool);
            let key = |c: &Candidate| format!("{:?} {} {}", c.kind, c.site.pointer, c.tag);
            pool.sort_by_key(|c| tag_uses.get(&key(c)).copied().unwrap_or(0));
            for candidate in pool.into_iter().take(12) {
                let Some(document) = apply(base, &candidate.site, &candidate.action) else {
                    continue;
                };
                let report = self.checker.document(&document, root);
                if let Some(description) = judge(candidate, &report) {
                    *kind_uses.entry(kind).or_default() += 1;
                    *tag_uses.entry(key(candidate)).or_default() += 1;
                    return Some((
                        Sample {
                            document,
                            description,
                        },
                        Some(kind),
                    ));
                }
            }
        }
        None
    }
    #[allow(clippy::too_many_arguments)]
    fn offer(
        &mut self,
        out: &mut Vec<Candidate>,
        site: &Site,
        kind: Kind,
        value: Value,
        what: String,
        tag: &str,
        here: Here<'_>,
    ) -> bool {
        let report = self.checker.at(&value, here);
        let single = match report.violations.as_slice() {
            [v] => v.path.is_empty() && (v.keyword == kind.keyword() || v.keyword == "anyOf"),
            _ => false,
        };
        let uncertain =
            kind == Kind::Pattern && report.violations.is_empty() && !report.uncertain.is_empty();
        let fits = if kind.is_valid() {
            report.is_clean()
        } else {
            single || uncertain
        };
        if fits {
            out.push(Candidate {
                kind,
                site: site.clone(),
                action: Action::Set(value),
                expect: (!kind.is_valid()).then(|| (site.pointer.clone(), kind.keyword())),
                what,
                tag: tag.to_owned(),
                uncertain,
            });
        }
        fits
    }

    /// Collects the changes that can be made at `site` and below.
    fn walk(
        &mut self,
        value: Option<&Value>,
        here: Here<'_>,
        site: &Site,
        ctx: Ctx,
        out: &mut Vec<Candidate>,
    ) {
        if ctx.hops > MAX_HOPS || out.len() > MAX_CANDIDATES {
            return;
        }
        let models = self.models;
        let (base, nullable) = unwrap_nullable(here.ty, here.nullable);
        let model = match base {
            Type::Model(id) => models.models.get(id.0),
            _ => None,
        };
        let root_object = ctx.root && matches!(model.map(|m| &m.kind), Some(ModelKind::Object(_)));
        let place = site.shown();

        if !ctx.in_union {
            let accepts = accepted(models, base, 0) | if nullable { NULL } else { 0 };
            for (wrong, tag) in wrong_types(accepts, value, root_object) {
                let (kind, what) = if root_object {
                    (
                        Kind::NotAnObject,
                        if wrong.is_null() {
                            "the document is null instead of an object".to_owned()
                        } else {
                            format!(
                                "the document is {} ({}) instead of an object",
                                kind_name(&wrong),
                                compact(&wrong)
                            )
                        },
                    )
                } else {
                    (
                        Kind::WrongType,
                        format!(
                            "{place} is {} ({}), expected {}",
                            kind_name(&wrong),
                            compact(&wrong),
                            type_name(models, here.ty)
                        ),
                    )
                };
                self.offer(out, site, kind, wrong, what, tag, here);
            }
            if accepts & NULL == 0 && !root_object {
                let what = format!("{place} is null, but it is not nullable");
                self.offer(
                    out,
                    site,
                    Kind::NullNotNullable,
                    Value::Null,
                    what,
                    "",
                    here,
                );
            }
        }
        if let Some(c) = here.cons {
            if let Some(constant) = &c.const_value {
                self.const_candidates(base, c, constant, here, site, out);
            }
        }
        match base {
            Type::String => self.string_candidates(None, here, site, out),
            Type::DateTime => self.string_candidates(Some(Format::DateTime), here, site, out),
            Type::Date => self.string_candidates(Some(Format::Date), here, site, out),
            Type::Integer | Type::Number => {
                self.number_candidates(value, *base == Type::Integer, here, site, out)
            }
            Type::Array(inner) => self.array_candidates(value, inner, here, site, out),
            _ => {}
        }
        if let Some(model) = model {
            if let ModelKind::Enum(e) = &model.kind {
                self.enum_candidates(value, e, &model.name, here, site, out);
            }
        }

        let Some(value) = value else {
            return;
        };
        match (base, value) {
            (Type::Array(inner), Value::Array(items)) => {
                let item_cons = here.cons.and_then(|c| c.items.as_deref());
                for (i, item) in items.iter().enumerate().take(3) {
                    let item_here = Here {
                        ty: inner,
                        cons: item_cons,
                        nullable: false,
                        trusted: None,
                    };
                    self.walk(Some(item), item_here, &site.index(i), Ctx::default(), out);
                }
            }
            (Type::Map(inner), Value::Object(entries)) => {
                for (key, item) in entries.iter().take(3) {
                    let item_here = Here {
                        ty: inner,
                        cons: None,
                        nullable: false,
                        trusted: None,
                    };
                    self.walk(Some(item), item_here, &site.key(key), Ctx::default(), out);
                }
            }
            (Type::Model(_), _) => match model.map(|m| &m.kind) {
                Some(ModelKind::Object(object)) => {
                    if let Value::Object(entries) = value {
                        self.object_candidates(entries, object, site, out);
                    }
                }
                Some(ModelKind::Union(union)) => {
                    let variant = union
                        .variants
                        .iter()
                        .find(|v| self.checker.document(value, &v.ty).violations.is_empty());
                    if let Some(variant) = variant {
                        let inner = Here {
                            ty: &variant.ty,
                            cons: None,
                            nullable: false,
                            trusted: None,
                        };
                        let ctx = Ctx {
                            root: false,
                            in_union: true,
                            hops: ctx.hops + 1,
                        };
                        self.walk(Some(value), inner, site, ctx, out);
                    }
                }
                _ => {}
            },
            _ => {}
        }
    }

    fn object_candidates(
        &mut self,
        entries: &Map<String, Value>,
        object: &Object,
        site: &Site,
        out: &mut Vec<Candidate>,
    ) {
        let taken = |key: &str| {
            entries.contains_key(key) || object.fields.iter().any(|f| f.wire_name == key)
        };
        if let Some(key) = EXTRA_KEYS.iter().find(|k| !taken(k)) {
            let extra = site.key(key);
            let value = self.any_json(1);
            out.push(Candidate {
                kind: Kind::ExtraProperty,
                what: format!(
                    "unknown property {} added (additional properties are allowed)",
                    extra.pointer
                ),
                site: extra,
                action: Action::Set(value),
                expect: None,
                tag: String::new(),
                uncertain: false,
            });
        }
        for field in &object.fields {
            let field_site = site.key(&field.wire_name);
            let present = entries.get(&field.wire_name);
            if present.is_some() && field.required {
                out.push(Candidate {
                    kind: Kind::RequiredRemoved,
                    what: format!("{} removed (required)", field_site.pointer),
                    site: field_site.clone(),
                    action: Action::Remove,
                    expect: Some((site.pointer.clone(), "required")),
                    tag: String::new(),
                    uncertain: false,
                });
            }
            let here = Here {
                ty: &field.ty,
                cons: Some(&field.constraints),
                nullable: field.nullable,
                trusted: field.example.as_ref(),
            };
            self.walk(present, here, &field_site, Ctx::default(), out);
        }
    }

    fn const_candidates(
        &mut self,
        base: &Type,
        c: &Constraints,
        constant: &Value,
        here: Here<'_>,
        site: &Site,
        out: &mut Vec<Candidate>,
    ) {
        let mut free = c.clone();
        free.const_value = None;
        let mut proposals = Vec::new();
        match constant {
            Value::String(s) => {
                proposals.push(json!(format!("{s}x")));
                proposals.push(json!(s.to_uppercase()));
            }
            Value::Number(n) => {
                proposals.extend(n.as_f64().and_then(|x| num_value(x + 1.0)));
                proposals.extend(n.as_f64().and_then(|x| num_value(x - 1.0)));
            }
            Value::Bool(b) => proposals.push(Value::Bool(!b)),
            _ => {}
        }
        for _ in 0..4 {
            let value = self.value(base, Some(&free), None, SOFT_DEPTH);
            proposals.push(value);
        }
        for value in proposals {
            if json_eq(&value, constant) {
                continue;
            }
            let what = format!(
                "{} is {}, not the const {}",
                site.shown(),
                compact(&value),
                compact(constant)
            );
            if self.offer(out, site, Kind::Const, value, what, "", here) {
                break;
            }
        }
    }

    fn string_candidates(
        &mut self,
        type_format: Option<Format>,
        here: Here<'_>,
        site: &Site,
        out: &mut Vec<Candidate>,
    ) {
        let empty = Constraints::default();
        let c = here.cons.unwrap_or(&empty);
        let format = c.format.or(type_format);
        let place = site.shown();
        let describe = |s: &str| {
            let bytes = s.len();
            let units = s.encode_utf16().count();
            let chars = s.chars().count();
            let noun = if chars == 1 {
                "character"
            } else {
                "characters"
            };
            if bytes == chars {
                format!("{chars} {noun}")
            } else {
                format!("{chars} {noun} ({bytes} UTF-8 bytes, {units} UTF-16 units)")
            }
        };
        if let Some(max) = c.max_length.filter(|m| *m < MAX_LEN) {
            let n = max as usize;
            let mut offered = 0;
            for s in self.strings_of_len(c, format, n + 1, here.trusted) {
                let tag = if s.is_ascii() { "ascii" } else { "wide" };
                let what = format!("{place} has {} (maxLength {max})", describe(&s));
                if self.offer(out, site, Kind::MaxLength, json!(s), what, tag, here) {
                    offered += 1;
                    if offered == 2 {
                        break;
                    }
                }
            }
            for s in self.strings_of_len(c, format, n, here.trusted) {
                let kind = if s.len() > n {
                    Kind::MultiByteLength
                } else {
                    Kind::AtBound
                };
                let what = format!("{place} has {}, exactly maxLength {max}", describe(&s));
                self.offer(out, site, kind, json!(s), what, "maxLength", here);
            }
        }
        if let Some(min) = c.min_length.filter(|m| *m > 0 && *m <= MAX_LEN) {
            let n = min as usize;
            let mut offered = 0;
            for s in self.strings_of_len(c, format, n - 1, here.trusted) {
                let tag = if s.is_ascii() { "ascii" } else { "wide" };
                let what = format!("{place} has {} (minLength {min})", describe(&s));
                if self.offer(out, site, Kind::MinLength, json!(s), what, tag, here) {
                    offered += 1;
                    if offered == 2 {
                        break;
                    }
                }
            }
            for s in self.strings_of_len(c, format, n, here.trusted) {
                let what = format!("{place} has {}, exactly minLength {min}", describe(&s));
                if self.offer(out, site, Kind::AtBound, json!(s), what, "minLength", here) {
                    break;
                }
            }
        }
        if let Some(format) = format {
            let name = format.name();
            for (s, why) in format_misses(format, &mut self.rng) {
                let what = format!("{place} is {s:?}, not a valid {name}: {why}");
                self.offer(out, site, Kind::Format, json!(s), what, &why, here);
            }
            for (s, why) in format_edges(format) {
                let what = format!("{place} is {s:?}, a valid {name} with {why}");
                self.offer(out, site, Kind::FormatEdge, json!(s), what, why, here);
            }
        }
        if let Some(pattern) = &c.pattern {
            let mut offered = 0;
            for (i, s) in self.pattern_misses(c, here.trusted).into_iter().enumerate() {
                let what =
                    format!("{place} is {s:?}, which does not match the pattern {pattern:?}");
                if self.offer(
                    out,
                    site,
                    Kind::Pattern,
                    json!(s),
                    what,
                    &i.to_string(),
                    here,
                ) {
                    offered += 1;
                    if offered == 2 {
                        break;
                    }
                }
            }
        }
    }

    /// Strings unlikely to match the pattern, near a matching one where one is known, sized
    /// to the length bounds.
    fn pattern_misses(&mut self, c: &Constraints, hint: Option<&Value>) -> Vec<String> {
        let mut seeds: Vec<String> = Vec::new();
        if let Some(example) = hint.and_then(Value::as_str) {
            seeds.push(example.to_owned());
        }
        if let Some(regex) = c.pattern.as_deref().and_then(|p| self.checker.regex(p)) {
            seeds.extend((0..2).filter_map(|_| regex.generate(&mut self.rng, false)));
        }
        let mut out = Vec::new();
        for seed in &seeds {
            let chars: Vec<char> = seed.chars().collect();
            if !chars.is_empty() {
                let at = self.rng.below(chars.len());
                let mut changed = chars.clone();
                changed[at] = '~';
                out.push(changed.iter().collect());
                let mut swapped = chars.clone();
                swapped[at] = if chars[at].is_ascii_digit() {
                    'x'
                } else if chars[at].is_alphabetic() {
                    '7'
                } else {
                    'a'
                };
                out.push(swapped.iter().collect());
                out.push(chars[1..].iter().collect());
                out.push(chars[..chars.len() - 1].iter().collect());
            }
            out.push(format!("~{seed}"));
            out.push(format!("{seed}~"));
        }
        for junk in [
            "~~~", "!", " ", "😀", "ZZZZZZ", "000000", "zzzzzz", "-", "a b c", "", "\n",
        ] {
            out.push(junk.to_owned());
        }
        let lo = c.min_length.unwrap_or(0).min(MAX_LEN) as usize;
        let hi = c.max_length.map_or(usize::MAX, |m| m.min(MAX_LEN) as usize);
        out.into_iter()
            .map(|s| {
                let n = s.chars().count();
                if n < lo {
                    resize(&s, lo)
                } else if n > hi {
                    resize(&s, hi)
                } else {
                    s
                }
            })
            .collect()
    }

    fn number_candidates(
        &mut self,
        value: Option<&Value>,
        integer: bool,
        here: Here<'_>,
        site: &Site,
        out: &mut Vec<Candidate>,
    ) {
        let empty = Constraints::default();
        let c = here.cons.unwrap_or(&empty);
        let place = site.shown();
        let multiple = c
            .multiple_of
            .as_ref()
            .and_then(Number::as_f64)
            .filter(|m| *m > 0.0 && m.is_finite());
        let f = |n: &Number| n.as_f64().filter(|x| x.is_finite());
        let above = |x: f64| {
            let mut v = Vec::new();
            if let Some(m) = multiple {
                v.push(((x / m).floor() + 1.0) * m);
            }
            if integer {
                v.push(x.floor() + 1.0);
            } else {
                v.push(x.next_up());
                v.push(x + 0.5);
            }
            v.push(x + 1.0);
            v
        };
        let below = |x: f64| {
            let mut v = Vec::new();
            if let Some(m) = multiple {
                v.push(((x / m).ceil() - 1.0) * m);
            }
            if integer {
                v.push(x.ceil() - 1.0);
            } else {
                v.push(x.next_down());
                v.push(x - 0.5);
            }
            v.push(x - 1.0);
            v
        };
        type Bound<'b> = (&'b Option<Number>, Kind, &'static str, bool);
        let bounds: [Bound<'_>; 4] = [
            (&c.maximum, Kind::Maximum, "above maximum", true),
            (
                &c.exclusive_maximum,
                Kind::ExclusiveMaximum,
                "not below exclusiveMaximum",
                true,
            ),
            (&c.minimum, Kind::Minimum, "below minimum", false),
            (
                &c.exclusive_minimum,
                Kind::ExclusiveMinimum,
                "not above exclusiveMinimum",
                false,
            ),
        ];
        for (bound, kind, words, upper) in bounds {
            let Some(n) = bound.as_ref() else {
                continue;
            };
            let Some(x) = f(n) else {
                continue;
            };
            let exclusive = matches!(kind, Kind::ExclusiveMaximum | Kind::ExclusiveMinimum);
            let mut proposals = Vec::new();
            if exclusive {
                proposals.push(Value::Number(n.clone()));
            }
            let past = if upper { above(x) } else { below(x) };
            proposals.extend(past.into_iter().filter_map(num_value));
            for proposal in proposals {
                let what = format!("{place} is {}, {words} {}", proposal, number_text(n));
                if self.offer(out, site, kind, proposal, what, "", here) {
                    break;
                }
            }
            if !exclusive {
                let keyword = if upper { "maximum" } else { "minimum" };
                let what = format!("{place} is {}, exactly at the inclusive {keyword}", n);
                self.offer(
                    out,
                    site,
                    Kind::AtBound,
                    Value::Number(n.clone()),
                    what,
                    keyword,
                    here,
                );
            }
        }
        let valid: Vec<Value> = self
            .number_proposals(c, integer)
            .into_iter()
            .filter(|v| self.leaf_ok(v, here, true))
            .take(3)
            .collect();
        if let (Some(m), Some(n)) = (multiple, c.multiple_of.as_ref()) {
            'outer: for base in valid.iter().filter_map(Value::as_f64) {
                for x in [
                    base + m / 2.0,
                    base - m / 2.0,
                    base + 1.0,
                    base + m / 3.0,
                    m / 2.0,
                ] {
                    let Some(proposal) = num_value(x) else {
                        continue;
                    };
                    let what = format!("{place} is {proposal}, not a multiple of {n}");
                    if self.offer(out, site, Kind::MultipleOf, proposal, what, "", here) {
                        break 'outer;
                    }
                }
            }
        }
        if integer {
            let current = value
                .and_then(Value::as_i64)
                .into_iter()
                .chain(valid.iter().filter_map(Value::as_i64));
            for x in current {
                if x.unsigned_abs() >= 1 << 53 {
                    continue;
                }
                let Some(n) = Number::from_f64(x as f64) else {
                    continue;
                };
                let what = format!(
                    "{place} is {x}.0: an integer written with a fraction, which JSON Schema \
                     counts as an integer but a strict integer reader may refuse"
                );
                if self.offer(
                    out,
                    site,
                    Kind::IntegralFloat,
                    Value::Number(n),
                    what,
                    "",
                    here,
                ) {
                    break;
                }
            }
        }
    }

    fn array_candidates(
        &mut self,
        value: Option<&Value>,
        inner: &Type,
        here: Here<'_>,
        site: &Site,
        out: &mut Vec<Candidate>,
    ) {
        let Some(c) = here.cons else {
            return;
        };
        if c.min_items.is_none() && c.max_items.is_none() && !c.unique_items {
            return;
        }
        let place = site.shown();
        let base: Vec<Value> = match value {
            Some(Value::Array(items)) => items.clone(),
            _ => self.array(inner, Some(c), SOFT_DEPTH - 1, false),
        };
        let depth = SOFT_DEPTH;
        if let Some(max) = c.max_items.filter(|m| *m < MAX_LEN) {
            let n = max as usize;
            let items = self.fill_array(base.clone(), n + 1, inner, Some(c), depth);
            let what = format!("{place} has {} items (maxItems {max})", n + 1);
            self.offer(
                out,
                site,
                Kind::MaxItems,
                Value::Array(items),
                what,
                "",
                here,
            );
            let items = self.fill_array(base.clone(), n, inner, Some(c), depth);
            let what = format!("{place} has exactly maxItems {max} items");
            self.offer(
                out,
                site,
                Kind::AtBound,
                Value::Array(items),
                what,
                "maxItems",
                here,
            );
        }
        if let Some(min) = c.min_items.filter(|m| *m > 0 && *m <= MAX_LEN) {
            let n = min as usize;
            let items = self.fill_array(base.clone(), n - 1, inner, Some(c), depth);
            let what = format!("{place} has {} items (minItems {min})", n - 1);
            self.offer(
                out,
                site,
                Kind::MinItems,
                Value::Array(items),
                what,
                "",
                here,
            );
            let items = self.fill_array(base.clone(), n, inner, Some(c), depth);
            let what = format!("{place} has exactly minItems {min} items");
            self.offer(
                out,
                site,
                Kind::AtBound,
                Value::Array(items),
                what,
                "minItems",
                here,
            );
        }
        if c.unique_items {
            let max = c.max_items.map_or(usize::MAX, |m| m.min(MAX_LEN) as usize);
            let mut items = self.fill_array(
                base,
                1.max(c.min_items.unwrap_or(0) as usize),
                inner,
                Some(c),
                depth,
            );
            if let Some(first) = items.first().cloned() {
                if items.len() < max {
                    items.push(first);
                } else if let Some(last) = items.last_mut().filter(|_| max >= 2) {
                    *last = first;
                }
                let what = format!(
                    "{place} repeats item 0 as item {} (uniqueItems)",
                    items.len() - 1
                );
                self.offer(
                    out,
                    site,
                    Kind::UniqueItems,
                    Value::Array(items),
                    what,
                    "",
                    here,
                );
            }
        }
    }

    fn enum_candidates(
        &mut self,
        value: Option<&Value>,
        e: &Enum,
        name: &str,
        here: Here<'_>,
        site: &Site,
        out: &mut Vec<Candidate>,
    ) {
        let place = site.shown();
        let unknown: Vec<Value> = match e.repr {
            EnumRepr::String => {
                let mut v = Vec::new();
                if let Some(first) = e.values.iter().find_map(|v| v.value.as_str()) {
                    let upper = first.to_uppercase();
                    v.push(json!(if upper != first {
                        upper
                    } else {
                        first.to_lowercase()
                    }));
                    v.push(json!(format!("{first}_x")));
                }
                v.push(json!("unknownValue"));
                v.push(json!(""));
                v
            }
            EnumRepr::Integer => {
                let known = e.values.iter().filter_map(|v| v.value.as_i64());
                let max = known.clone().max().unwrap_or(0);
                let min = known.min().unwrap_or(0);
                vec![
                    json!(max.saturating_add(1)),
                    json!(min.saturating_sub(1)),
                    json!(987_654),
                ]
            }
            // A boolean not among the values; none when both are.
            EnumRepr::Boolean => [true, false]
                .into_iter()
                .filter(|flag| !e.values.iter().any(|v| v.value == Value::Bool(*flag)))
                .map(Value::Bool)
                .collect(),
        };
        let (kind, words) = if e.open {
            (Kind::OpenEnumUnknown, "an unknown value of the open enum")
        } else {
            (Kind::UnknownEnumValue, "not a value of the closed enum")
        };
        let mut offered = 0;
        for (i, candidate) in unknown.into_iter().enumerate() {
            let what = format!("{place} is {candidate}, {words} `{name}`");
            if self.offer(out, site, kind, candidate, what, &i.to_string(), here) {
                offered += 1;
                if offered == 2 {
                    break;
                }
            }
        }
        if e.repr == EnumRepr::Integer {
            let current = value
                .and_then(Value::as_i64)
                .or_else(|| e.values.iter().find_map(|v| v.value.as_i64()));
            if let Some(x) = current.filter(|x| x.unsigned_abs() < 1 << 53) {
                if let Some(n) = Number::from_f64(x as f64) {
                    let what = format!(
                        "{place} is {x}.0: the enum value {x} written with a fraction, which \
                         JSON Schema counts as equal"
                    );
                    self.offer(
                        out,
                        site,
                        Kind::IntegralFloat,
                        Value::Number(n),
                        what,
                        "",
                        here,
                    );
                }
            }
        }
    }
}

/// Values of the JSON kinds a place does not accept, each with a tag.
fn wrong_types(
    accepts: u8,
    current: Option<&Value>,
    root_object: bool,
) -> Vec<(Value, &'static str)> {
    let mut out = Vec::new();
    if accepts & STRING == 0 {
        out.push((json!("not the right type"), "string"));
        if accepts & INT != 0 {
            out.push((json!("42"), "numeric string"));
        }
    }
    if accepts & INT == 0 {
        out.push((json!(42), "integer"));
    } else if accepts & FLOAT == 0 {
        out.push((json!(2.5), "fraction"));
    }
    if accepts & BOOL == 0 {
        out.push((json!(true), "boolean"));
    }
    if accepts & OBJECT == 0 {
        out.push((json!({}), "object"));
    }
    if accepts & ARRAY == 0 {
        let inside = current.cloned().unwrap_or(json!(1));
        out.push((Value::Array(vec![inside]), "array"));
    }
    if root_object {
        out.push((Value::Null, "null"));
    }
    out
}
