//! The model IR: what every emitter reads. Names are resolved, links are model ids, and
//! every item remembers the page span it came from.

use serde_json::Value;

use crate::source::Span;

/// Index of a model in [`ModelSet::models`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ModelId(pub usize);

/// Every model of one run, in a deterministic order (module path, then name).
#[derive(Debug, Clone, Default)]
pub struct ModelSet {
    /// The models; a [`ModelId`] indexes this list.
    pub models: Vec<Model>,
}

impl ModelSet {
    /// The model with this id.
    pub fn get(&self, id: ModelId) -> &Model {
        &self.models[id.0]
    }

    /// Every model with its id.
    pub fn iter(&self) -> impl Iterator<Item = (ModelId, &Model)> {
        self.models.iter().enumerate().map(|(i, m)| (ModelId(i), m))
    }
}

/// One model: a page, or a type the resolver made for a field (a literal constant).
#[derive(Debug, Clone)]
pub struct Model {
    /// The name the page gives (its title), or the made-up name of a synthesized type.
    pub name: String,
    /// The Rust type name, unique within its module.
    pub rust_name: String,
    /// Rust module path (snake_case), from the page's folder; empty at the root.
    pub module: Vec<String>,
    /// The page's path relative to the spec root, with `/` separators.
    pub page: String,
    /// The published schema file, relative to the schema folder (`components/Pet.schema.json`).
    pub schema_file: String,
    /// The key of this model under `$defs` in the bundle.
    pub def_key: String,
    /// The page title's span.
    pub span: Span,
    /// The description as Markdown; empty when none.
    pub description: String,
    /// `Some(note)` when the model is deprecated.
    pub deprecated: Option<String>,
    /// True for types the resolver made up (they get no schema file of their own).
    pub synthesized: bool,
    /// What the model is.
    pub kind: ModelKind,
}

/// The shape of a model.
#[derive(Debug, Clone)]
pub enum ModelKind {
    /// A `## Fields` page.
    Object(Object),
    /// A `## Values` page, or a literal constant (a string, integer or boolean).
    Enum(Enum),
    /// A `## Supported Types` page.
    Union(Union),
    /// A page that declares a type but lists none of its shapes: any JSON is accepted.
    Any,
}

/// An object's fields.
#[derive(Debug, Clone)]
pub struct Object {
    /// Fields in page order.
    pub fields: Vec<Field>,
    /// The model's example, built from the fields' examples when every required field has one.
    pub example: Option<Value>,
}

/// One field of an object.
#[derive(Debug, Clone)]
pub struct Field {
    /// The name the page gives.
    pub name: String,
    /// The JSON property name.
    pub wire_name: String,
    /// The Rust field name.
    pub rust_name: String,
    /// The value's type, without the field's own nullability.
    pub ty: Type,
    /// Whether the property must be present.
    pub required: bool,
    /// Whether the property may be `null`.
    pub nullable: bool,
    /// Description as Markdown; empty when none.
    pub description: String,
    /// `Some(note)` when the field is deprecated.
    pub deprecated: Option<String>,
    /// The Example cell as JSON, when it fits the field.
    pub example: Option<Value>,
    /// JSON Schema keywords the page adds (the Constraints column).
    pub constraints: Constraints,
    /// The row's span.
    pub span: Span,
}

/// An enum's values.
#[derive(Debug, Clone)]
pub struct Enum {
    /// The values in page order.
    pub values: Vec<EnumValue>,
    /// Whether unknown values are kept instead of rejected.
    pub open: bool,
    /// Whether the values are strings or integers.
    pub repr: EnumRepr,
}

/// How enum values are written in JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EnumRepr {
    /// JSON strings.
    String,
    /// JSON integers.
    Integer,
    /// JSON booleans (a `true` or `false` constant).
    Boolean,
}

/// One enum value.
#[derive(Debug, Clone)]
pub struct EnumValue {
    /// The JSON value (a string or an integer).
    pub value: Value,
    /// The Rust variant name.
    pub rust_name: String,
    /// The row or code span it came from.
    pub span: Span,
}

/// A union's variants.
#[derive(Debug, Clone)]
pub struct Union {
    /// Variants, most specific first: the order in which deserialization tries them.
    pub variants: Vec<Variant>,
}

/// One union variant.
#[derive(Debug, Clone)]
pub struct Variant {
    /// The Rust variant name.
    pub rust_name: String,
    /// The variant's type.
    pub ty: Type,
    /// The heading it came from.
    pub span: Span,
}

/// A value type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Type {
    /// A JSON string.
    String,
    /// A JSON integer.
    Integer,
    /// Any JSON number.
    Number,
    /// `true` or `false`.
    Boolean,
    /// Any JSON value.
    Any,
    /// An RFC 3339 date-time string.
    DateTime,
    /// An RFC 3339 full-date string.
    Date,
    /// A JSON array.
    Array(Box<Type>),
    /// A JSON object with arbitrary keys.
    Map(Box<Type>),
    /// The value or `null` (used inside arrays, maps and unions).
    Nullable(Box<Type>),
    /// Another model.
    Model(ModelId),
}

impl Type {
    /// Calls `visit` on every model this type refers to.
    pub fn visit_models(&self, visit: &mut impl FnMut(ModelId)) {
        match self {
            Type::Array(inner) | Type::Map(inner) | Type::Nullable(inner) => {
                inner.visit_models(visit)
            }
            Type::Model(id) => visit(*id),
            _ => {}
        }
    }
}

/// JSON Schema keywords a page adds to a field, beyond what its type says. Every keyword is
/// checked for fitting the field's type when the page is read.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Constraints {
    /// `format`: a string format, checked by the Rust validation and the schema alike.
    pub format: Option<Format>,
    /// `minLength`, in characters (Unicode code points), as JSON Schema counts.
    pub min_length: Option<u64>,
    /// `maxLength`, in characters.
    pub max_length: Option<u64>,
    /// `pattern`: an ECMAScript regular expression, matched anywhere in the string.
    pub pattern: Option<String>,
    /// `minimum`.
    pub minimum: Option<serde_json::Number>,
    /// `maximum`.
    pub maximum: Option<serde_json::Number>,
    /// `exclusiveMinimum`.
    pub exclusive_minimum: Option<serde_json::Number>,
    /// `exclusiveMaximum`.
    pub exclusive_maximum: Option<serde_json::Number>,
    /// `multipleOf`, greater than zero.
    pub multiple_of: Option<serde_json::Number>,
    /// `minItems`.
    pub min_items: Option<u64>,
    /// `maxItems`.
    pub max_items: Option<u64>,
    /// `uniqueItems: true`.
    pub unique_items: bool,
    /// `const`: the only value allowed.
    pub const_value: Option<Value>,
    /// `default`: the value a missing optional field takes.
    pub default: Option<Value>,
    /// `items`: constraints on each element of an array field.
    pub items: Option<Box<Constraints>>,
}

impl Constraints {
    /// Whether no keyword is set.
    pub fn is_empty(&self) -> bool {
        *self == Constraints::default()
    }
}

/// String formats the generator checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Format {
    /// RFC 3339 `date-time`.
    DateTime,
    /// RFC 3339 `full-date`.
    Date,
    /// An email address.
    Email,
    /// An absolute URI (RFC 3986).
    Uri,
    /// A UUID in its hyphenated form.
    Uuid,
    /// A dotted-quad IPv4 address.
    Ipv4,
    /// An IPv6 address.
    Ipv6,
}

impl Format {
    /// Every format, in the order documented.
    pub const ALL: [Format; 7] = [
        Format::DateTime,
        Format::Date,
        Format::Email,
        Format::Uri,
        Format::Uuid,
        Format::Ipv4,
        Format::Ipv6,
    ];

    /// The keyword value in JSON Schema.
    pub fn name(self) -> &'static str {
        match self {
            Format::DateTime => "date-time",
            Format::Date => "date",
            Format::Email => "email",
            Format::Uri => "uri",
            Format::Uuid => "uuid",
            Format::Ipv4 => "ipv4",
            Format::Ipv6 => "ipv6",
        }
    }

    /// The format a keyword value names.
    pub fn from_name(name: &str) -> Option<Format> {
        Format::ALL.into_iter().find(|f| f.name() == name)
    }
}
