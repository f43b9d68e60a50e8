//! Shaping the generated code: extra derives, attributes on a type, a field or a variant,
//! models replaced by existing Rust types, and native Rust types for string formats. Requests come from [`crate::Config`] calls
//! and from `modelgen.json`; each Rust fragment is parsed with `syn` and each model, field
//! and variant name is looked up when the generator runs, so a mistake is an error of the
//! run rather than of the compiler.

use std::collections::BTreeMap;

use syn::parse::Parser as _;

use crate::diagnostic::Diagnostic;
use crate::ir::{Format, ModelId, ModelKind, ModelSet};
use crate::source::Span;

/// Where a request was made: a [`crate::Config`] call (written out, for the error message)
/// or an entry of `modelgen.json`.
#[derive(Debug, Clone)]
pub enum Origin {
    /// The call, such as `Config::derive("Hash")`.
    Call(String),
    /// The entry's places in `modelgen.json`.
    File(Places),
}

/// Where an entry of `modelgen.json` names each thing, so that an error points at the name
/// or fragment it is about.
#[derive(Debug, Clone)]
pub struct Places {
    /// The model's name (the key under the setting).
    pub model: Span,
    /// The field's or variant's name; the model's place for other settings.
    pub member: Span,
    /// The Rust fragment.
    pub value: Span,
}

/// Which part of a request an error is about.
#[derive(Clone, Copy)]
enum Part {
    Model,
    Member,
    Value,
}

/// One request to shape the generated code.
#[derive(Debug, Clone)]
pub struct Request {
    /// Where it was made.
    pub origin: Origin,
    /// What it asks.
    pub kind: RequestKind,
}

/// What a [`Request`] asks.
#[derive(Debug, Clone)]
pub enum RequestKind {
    /// A derive on every generated type (`model` is `None`) or on one model's type.
    Derive {
        /// The model, by page title or schema name.
        model: Option<String>,
        /// The derive macro's path, such as `Hash`.
        derive: String,
    },
    /// Outer attributes on a model's type.
    TypeAttribute {
        /// The model, by page title or schema name.
        model: String,
        /// One or more outer attributes, such as `#[non_exhaustive]`.
        attribute: String,
    },
    /// Outer attributes on an object's field.
    FieldAttribute {
        /// The model, by page title or schema name.
        model: String,
        /// The field as the page writes it (or its JSON property name).
        field: String,
        /// One or more outer attributes.
        attribute: String,
    },
    /// Outer attributes on an enum's or a union's variant.
    VariantAttribute {
        /// The model, by page title or schema name.
        model: String,
        /// An enum value as the page writes it, or the variant's Rust name.
        variant: String,
        /// One or more outer attributes.
        attribute: String,
    },
    /// The model's type becomes `pub type Name = with;`.
    Replace {
        /// The model, by page title or schema name.
        model: String,
        /// The Rust type that stands for the model.
        with: String,
    },
    /// Strings of a format are held in a crate's native type (see [`NativeLibrary`]).
    NativeFormat {
        /// The format: `date-time`, `date` or `uuid`.
        format: String,
        /// The crate: `chrono`, `jiff`, `time` or `uuid`.
        library: String,
    },
}

/// A crate whose types can hold strings of a format, through the runtime's feature of the
/// same name (`modelgen-runtime = { features = ["jiff"] }`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum NativeLibrary {
    /// `chrono`: `DateTime<FixedOffset>` and `NaiveDate`.
    Chrono,
    /// `jiff`: `Timestamp` and `civil::Date`.
    Jiff,
    /// `time`: `OffsetDateTime` and `Date`.
    Time,
    /// `uuid`: `Uuid`.
    Uuid,
}

impl NativeLibrary {
    /// Every crate with its name, the runtime's feature.
    pub const ALL: [(NativeLibrary, &'static str); 4] = [
        (NativeLibrary::Chrono, "chrono"),
        (NativeLibrary::Jiff, "jiff"),
        (NativeLibrary::Time, "time"),
        (NativeLibrary::Uuid, "uuid"),
    ];

    /// The crate's name, which is also the runtime's feature.
    pub fn name(self) -> &'static str {
        match self {
            NativeLibrary::Chrono => "chrono",
            NativeLibrary::Jiff => "jiff",
            NativeLibrary::Time => "time",
            NativeLibrary::Uuid => "uuid",
        }
    }

    /// The crates that have a type for `format` (none for a format without native types).
    pub fn for_format(format: Format) -> &'static [NativeLibrary] {
        match format {
            Format::DateTime | Format::Date => &[
                NativeLibrary::Chrono,
                NativeLibrary::Jiff,
                NativeLibrary::Time,
            ],
            Format::Uuid => &[NativeLibrary::Uuid],
            _ => &[],
        }
    }
}

/// The formats that can be held in a native type.
pub const NATIVE_FORMATS: [Format; 3] = [Format::DateTime, Format::Date, Format::Uuid];

/// Checks a native-format choice: the format and the crate; `Err` holds the part that is wrong,
/// the message and the help.
fn parse_native_format(
    format: &str,
    library: &str,
) -> Result<(Format, NativeLibrary), (Part, String, String)> {
    let quoted = |names: &mut dyn Iterator<Item = &str>| {
        names
            .map(|name| format!("`{name}`"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let Some(found) = Format::from_name(format).filter(|f| NATIVE_FORMATS.contains(f)) else {
        return Err((
            Part::Model,
            format!("`{format}` is not a format that has native types"),
            format!(
                "the formats are {}",
                quoted(&mut NATIVE_FORMATS.iter().map(|f| f.name()))
            ),
        ));
    };
    let allowed = NativeLibrary::for_format(found);
    match allowed.iter().find(|l| l.name() == library) {
        Some(chosen) => Ok((found, *chosen)),
        None => Err((
            Part::Value,
            format!("`{library}` has no type for format `{format}`"),
            format!(
                "for `{format}` choose {}",
                quoted(&mut allowed.iter().map(|l| l.name()))
            ),
        )),
    }
}

/// What the requests do to one model's type.
#[derive(Debug, Clone, Default)]
pub struct ModelShaping {
    /// Extra derive paths, each once, in request order.
    pub derives: Vec<String>,
    /// Outer attributes on the type.
    pub attributes: Vec<String>,
    /// Outer attributes by field index.
    pub fields: BTreeMap<usize, Vec<String>>,
    /// Outer attributes by variant index (enum value or union variant).
    pub variants: BTreeMap<usize, Vec<String>>,
    /// The type that replaces the model's own.
    pub replacement: Option<String>,
}

/// A model no request touches.
static UNSHAPED: ModelShaping = ModelShaping {
    derives: Vec::new(),
    attributes: Vec::new(),
    fields: BTreeMap::new(),
    variants: BTreeMap::new(),
    replacement: None,
};

impl ModelShaping {
    /// The attributes of field or variant `index` of `map`.
    pub fn of(map: &BTreeMap<usize, Vec<String>>, index: usize) -> &[String] {
        map.get(&index).map_or(&[], Vec::as_slice)
    }

    /// The derive paths not among `present` (compared by their last path segment), in
    /// request order.
    pub fn extra_derives(&self, present: &[&str]) -> Vec<&str> {
        self.derives
            .iter()
            .map(String::as_str)
            .filter(|path| !present.contains(&last_segment(path)))
            .collect()
    }
}

/// The resolved requests of a run, per model.
#[derive(Debug, Clone, Default)]
pub struct Shaping {
    models: Vec<ModelShaping>,
    /// The crate chosen for each format held in a native type (the last choice of a format).
    native: BTreeMap<Format, NativeLibrary>,
}

impl Shaping {
    /// What the requests do to the model `id`.
    pub fn of(&self, id: ModelId) -> &ModelShaping {
        self.models.get(id.0).unwrap_or(&UNSHAPED)
    }

    /// The crate whose type holds strings of `format`, if one was chosen.
    pub fn native_format(&self, format: Format) -> Option<NativeLibrary> {
        self.native.get(&format).copied()
    }

    /// Whether a requested fragment spans lines: it may hold a literal with a line break,
    /// which indenting the printed code would change.
    pub fn spans_lines(&self) -> bool {
        self.models.iter().any(|model| {
            let texts = model
                .derives
                .iter()
                .chain(&model.attributes)
                .chain(model.fields.values().flatten())
                .chain(model.variants.values().flatten())
                .chain(&model.replacement);
            texts.into_iter().any(|text| text.contains('\n'))
        })
    }
}

/// The last segment of a derive path (`::serde::Serialize` gives `Serialize`).
fn last_segment(path: &str) -> &str {
    path.rsplit("::").next().unwrap_or(path).trim()
}

const DERIVE_EXPECTED: &str = "a derive macro's path, such as `Hash` or `::std::cmp::Eq`";
const ATTRIBUTE_EXPECTED: &str =
    "one or more outer attributes, such as `#[non_exhaustive]` or `#[doc(alias = \"title\")]`";
const TYPE_EXPECTED: &str = "a Rust type, such as `crate::pets::Pet` or `::my_crate::Pet`";

/// Checks a derive path; `Err` holds what is wrong.
pub fn parse_derive(text: &str) -> Result<String, String> {
    syn::Path::parse_mod_style
        .parse_str(text)
        .map(|_| text.trim().to_owned())
        .map_err(|e| format!("`{text}` is not {DERIVE_EXPECTED}: {e}"))
}

/// Checks outer attributes; `Err` holds what is wrong.
pub fn parse_attribute(text: &str) -> Result<String, String> {
    match syn::Attribute::parse_outer.parse_str(text) {
        Ok(attributes) if !attributes.is_empty() => Ok(text.trim().to_owned()),
        Ok(_) => Err(format!(
            "`{text}` holds no attribute: expected {ATTRIBUTE_EXPECTED}"
        )),
        Err(e) => Err(format!("`{text}` is not {ATTRIBUTE_EXPECTED}: {e}")),
    }
}

/// Checks a type; `Err` holds what is wrong.
pub fn parse_type(text: &str) -> Result<String, String> {
    syn::parse_str::<syn::Type>(text)
        .map(|_| text.trim().to_owned())
        .map_err(|e| format!("`{text}` is not {TYPE_EXPECTED}: {e}"))
}

fn error(origin: &Origin, part: Part, message: String, help: Option<String>) -> Diagnostic {
    let diagnostic = match origin {
        Origin::Call(call) => Diagnostic::global_error(format!("`{call}`: {message}")),
        Origin::File(places) => {
            let span = match part {
                Part::Model => &places.model,
                Part::Member => &places.member,
                Part::Value => &places.value,
            };
            Diagnostic::error(span.clone(), message)
        }
    };
    match help {
        Some(help) => diagnostic.with_help(help),
        None => diagnostic,
    }
}

/// Finds the model a request names: by schema name (`components.Pet`), else by page title,
/// which must then name one model.
fn find_model(models: &ModelSet, name: &str) -> Result<ModelId, (String, Option<String>)> {
    let pages = || models.iter().filter(|(_, m)| !m.synthesized);
    if let Some((id, _)) = pages().find(|(_, m)| m.def_key == name) {
        return Ok(id);
    }
    let titled: Vec<(ModelId, &str)> = pages()
        .filter(|(_, m)| m.name == name)
        .map(|(id, m)| (id, m.def_key.as_str()))
        .collect();
    match titled.as_slice() {
        [(id, _)] => Ok(*id),
        [] => {
            let nearest = pages()
                .flat_map(|(_, m)| [m.name.as_str(), m.def_key.as_str()])
                .map(|candidate| (strsim::jaro_winkler(candidate, name), candidate))
                .filter(|(score, _)| *score > 0.8)
                .max_by(|a, b| a.0.total_cmp(&b.0));
            Err((
                format!("no model is named `{name}`"),
                Some(match nearest {
                    Some((_, candidate)) => format!(
                        "a model is named by its page title or its schema name; did you mean `{candidate}`?"
                    ),
                    None => "a model is named by its page title (`Pet`) or its schema name (`components.Pet`)".to_owned(),
                }),
            ))
        }
        several => Err((
            format!("`{name}` is the title of {} models", several.len()),
            Some(format!(
                "name one by its schema name: {}",
                several
                    .iter()
                    .map(|(_, key)| format!("`{key}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            )),
        )),
    }
}

/// Resolves the requests against the models. Every bad fragment or unknown name becomes an
/// error in `diagnostics`.
pub fn resolve(
    models: &ModelSet,
    requests: &[Request],
    diagnostics: &mut Vec<Diagnostic>,
) -> Shaping {
    let mut shaping = Shaping {
        models: vec![ModelShaping::default(); models.models.len()],
        native: BTreeMap::new(),
    };
    // Which request replaced a model, to report attributes aimed at it.
    let mut replaced: BTreeMap<ModelId, String> = BTreeMap::new();
    let mut aimed: Vec<(ModelId, &Request)> = Vec::new();
    for request in requests {
        let origin = &request.origin;
        let fail = |diagnostics: &mut Vec<Diagnostic>,
                    part: Part,
                    message: String,
                    help: Option<String>| {
            diagnostics.push(error(origin, part, message, help));
        };
        let model_of =
            |diagnostics: &mut Vec<Diagnostic>, name: &str| match find_model(models, name) {
                Ok(id) => Some(id),
                Err((message, help)) => {
                    diagnostics.push(error(origin, Part::Model, message, help));
                    None
                }
            };
        match &request.kind {
            RequestKind::Derive { model, derive } => {
                let derive = match parse_derive(derive) {
                    Ok(derive) => derive,
                    Err(message) => {
                        fail(diagnostics, Part::Value, message, None);
                        continue;
                    }
                };
                let targets: Vec<ModelId> = match model {
                    None => models.iter().map(|(id, _)| id).collect(),
                    Some(name) => match model_of(diagnostics, name) {
                        Some(id) => {
                            aimed.push((id, request));
                            vec![id]
                        }
                        None => continue,
                    },
                };
                for id in targets {
                    let derives = &mut shaping.models[id.0].derives;
                    // `Hash` and `::std::hash::Hash` are one derive: asking twice is harmless.
                    if !derives
                        .iter()
                        .any(|d| last_segment(d) == last_segment(&derive))
                    {
                        derives.push(derive.clone());
                    }
                }
            }
            RequestKind::TypeAttribute { model, attribute } => {
                let attribute = parse_attribute(attribute);
                let Some(id) = model_of(diagnostics, model) else {
                    continue;
                };
                match attribute {
                    Ok(attribute) => {
                        aimed.push((id, request));
                        shaping.models[id.0].attributes.push(attribute);
                    }
                    Err(message) => fail(diagnostics, Part::Value, message, None),
                }
            }
            RequestKind::FieldAttribute {
                model,
                field,
                attribute,
            } => {
                let attribute = parse_attribute(attribute);
                let Some(id) = model_of(diagnostics, model) else {
                    continue;
                };
                let found = models.get(id);
                let ModelKind::Object(object) = &found.kind else {
                    fail(
                        diagnostics,
                        Part::Model,
                        format!("`{model}` has no fields: it is not an object model"),
                        Some(
                            "an enum's values and a union's variants take variant attributes"
                                .to_owned(),
                        ),
                    );
                    continue;
                };
                let index = object
                    .fields
                    .iter()
                    .position(|f| f.name == *field)
                    .or_else(|| object.fields.iter().position(|f| f.wire_name == *field));
                let Some(index) = index else {
                    let names: Vec<String> = object
                        .fields
                        .iter()
                        .map(|f| format!("`{}`", f.name))
                        .collect();
                    fail(
                        diagnostics,
                        Part::Member,
                        format!("`{model}` has no field `{field}`"),
                        Some(format!("its fields are: {}", names.join(", "))),
                    );
                    continue;
                };
                match attribute {
                    Ok(attribute) => {
                        aimed.push((id, request));
                        shaping.models[id.0]
                            .fields
                            .entry(index)
                            .or_default()
                            .push(attribute);
                    }
                    Err(message) => fail(diagnostics, Part::Value, message, None),
                }
            }
            RequestKind::VariantAttribute {
                model,
                variant,
                attribute,
            } => {
                let attribute = parse_attribute(attribute);
                let Some(id) = model_of(diagnostics, model) else {
                    continue;
                };
                let names: Vec<String> = match &models.get(id).kind {
                    ModelKind::Enum(e) => e
                        .values
                        .iter()
                        .map(|v| match &v.value {
                            serde_json::Value::String(s) => s.clone(),
                            other => other.to_string(),
                        })
                        .collect(),
                    ModelKind::Union(u) => u.variants.iter().map(|v| v.rust_name.clone()).collect(),
                    ModelKind::Object(_) | ModelKind::Any => {
                        fail(
                            diagnostics,
                            Part::Model,
                            format!("`{model}` has no variants: it is not an enum or a union"),
                            Some("an object's fields take field attributes".to_owned()),
                        );
                        continue;
                    }
                };
                let rust_names: Vec<&str> = match &models.get(id).kind {
                    ModelKind::Enum(e) => e.values.iter().map(|v| v.rust_name.as_str()).collect(),
                    _ => Vec::new(),
                };
                let index = names
                    .iter()
                    .position(|n| n == variant)
                    .or_else(|| rust_names.iter().position(|n| n == variant));
                let Some(index) = index else {
                    let listed: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
                    fail(
                        diagnostics,
                        Part::Member,
                        format!("`{model}` has no variant `{variant}`"),
                        Some(format!("its variants are: {}", listed.join(", "))),
                    );
                    continue;
                };
                match attribute {
                    Ok(attribute) => {
                        aimed.push((id, request));
                        shaping.models[id.0]
                            .variants
                            .entry(index)
                            .or_default()
                            .push(attribute);
                    }
                    Err(message) => fail(diagnostics, Part::Value, message, None),
                }
            }
            RequestKind::Replace { model, with } => {
                let with = parse_type(with);
                let Some(id) = model_of(diagnostics, model) else {
                    continue;
                };
                match with {
                    Ok(with) => {
                        replaced.insert(id, with.clone());
                        shaping.models[id.0].replacement = Some(with);
                    }
                    Err(message) => fail(diagnostics, Part::Value, message, None),
                }
            }
            RequestKind::NativeFormat { format, library } => {
                match parse_native_format(format, library) {
                    Ok((format, library)) => {
                        shaping.native.insert(format, library);
                    }
                    Err((part, message, help)) => fail(diagnostics, part, message, Some(help)),
                }
            }
        }
    }
    for (id, request) in aimed {
        if let Some(with) = replaced.get(&id) {
            diagnostics.push(error(
                &request.origin,
                Part::Model,
                format!(
                    "`{}` is replaced by `{with}`, so no type is generated to carry this",
                    models.get(id).name
                ),
                Some("put derives and attributes on the replacing type itself".to_owned()),
            ));
        }
    }
    shaping
}
