//! Reading an OpenAPI document's component schemas: references, `allOf` wrappers and the
//! facts of one property (kind, enum values, nullability, constraints).

use serde_json::{Map, Value};

/// The component schemas of an OpenAPI document.
pub struct Components {
    schemas: Map<String, Value>,
}

/// What a property's schema says, after references and `allOf` wrappers are followed.
#[derive(Debug, Clone, PartialEq)]
pub struct PropertyFacts {
    /// The JSON kind: `string`, `integer`, `number`, `boolean`, `array of <kind>`,
    /// `object`, `union` or `any`.
    pub kind: String,
    /// The enum values, when the property (or the schema it refers to) is an enum.
    pub enum_values: Option<Vec<Value>>,
    /// Whether `null` is allowed (`nullable: true` on the property or what it refers to).
    pub nullable: bool,
    /// Whether the property has a default.
    pub has_default: bool,
    /// Constraint and format keywords the property has (`format`, `minLength`, ...).
    pub constraints: Vec<String>,
}

/// Keywords that constrain a value beyond its kind.
const CONSTRAINTS: [&str; 12] = [
    "format",
    "pattern",
    "minLength",
    "maxLength",
    "minimum",
    "maximum",
    "exclusiveMinimum",
    "exclusiveMaximum",
    "multipleOf",
    "minItems",
    "maxItems",
    "uniqueItems",
];

impl Components {
    /// The `components.schemas` of `document`; empty when it has none.
    pub fn new(document: &Value) -> Self {
        let schemas = document
            .pointer("/components/schemas")
            .and_then(Value::as_object)
            .cloned()
            .unwrap_or_default();
        Components { schemas }
    }

    /// Every component: the name the SDK shows (`x-speakeasy-name-override` when set) and
    /// its schema. An override that takes the name of another component gives way to it: the
    /// SDK's page of that name is the other component's.
    pub fn named(&self) -> Vec<(String, &Value)> {
        self.schemas
            .iter()
            .filter_map(|(name, schema)| {
                match schema
                    .get("x-speakeasy-name-override")
                    .and_then(Value::as_str)
                {
                    Some(shown) if shown != name && self.schemas.contains_key(shown) => None,
                    Some(shown) => Some((shown.to_owned(), schema)),
                    None => Some((name.clone(), schema)),
                }
            })
            .collect()
    }

    /// The schema `$ref` points to, when it is a local component.
    fn target(&self, reference: &str) -> Option<&Value> {
        let name = reference.strip_prefix("#/components/schemas/")?;
        self.schemas.get(name)
    }

    /// `schema` with references followed and a single-entry `allOf` unwrapped; `nullable`
    /// collects `nullable: true` seen on the way.
    fn resolve<'a>(&'a self, mut schema: &'a Value, nullable: &mut bool) -> &'a Value {
        for _ in 0..32 {
            *nullable |= schema.get("nullable") == Some(&Value::Bool(true));
            if let Some(target) = schema
                .get("$ref")
                .and_then(Value::as_str)
                .and_then(|r| self.target(r))
            {
                schema = target;
                continue;
            }
            match schema.get("allOf").and_then(Value::as_array) {
                Some(parts) if parts.len() == 1 && schema.get("properties").is_none() => {
                    schema = &parts[0]
                }
                _ => return schema,
            }
        }
        schema
    }

    /// The properties of an object schema and its required names, `allOf` parts merged.
    pub fn object(&self, schema: &Value) -> (Vec<(String, Value)>, Vec<String>) {
        let mut properties = Vec::new();
        let mut required = Vec::new();
        self.collect_object(schema, &mut properties, &mut required, 0);
        (properties, required)
    }

    fn collect_object(
        &self,
        schema: &Value,
        properties: &mut Vec<(String, Value)>,
        required: &mut Vec<String>,
        depth: usize,
    ) {
        if depth > 16 {
            return;
        }
        let mut ignored = false;
        let schema = self.resolve(schema, &mut ignored);
        if let Some(map) = schema.get("properties").and_then(Value::as_object) {
            for (name, property) in map {
                if !properties.iter().any(|(n, _)| n == name) {
                    properties.push((name.clone(), property.clone()));
                }
            }
        }
        if let Some(names) = schema.get("required").and_then(Value::as_array) {
            required.extend(names.iter().filter_map(Value::as_str).map(str::to_owned));
        }
        for part in schema
            .get("allOf")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            self.collect_object(part, properties, required, depth + 1);
        }
    }

    /// Whether the schema describes an object with properties (after references).
    pub fn is_object(&self, schema: &Value) -> bool {
        let mut ignored = false;
        let schema = self.resolve(schema, &mut ignored);
        schema.get("properties").is_some()
            || schema
                .get("allOf")
                .and_then(Value::as_array)
                .is_some_and(|parts| parts.iter().any(|p| self.is_object(p)))
    }

    /// The facts of one property schema.
    pub fn facts(&self, property: &Value) -> PropertyFacts {
        let mut nullable = false;
        let has_default = property.get("default").is_some();
        let mut constraints: Vec<String> = CONSTRAINTS
            .iter()
            .filter(|k| property.get(**k).is_some())
            .map(|k| (*k).to_owned())
            .collect();
        let schema = self.resolve(property, &mut nullable);
        for k in CONSTRAINTS {
            if schema.get(k).is_some() && !constraints.iter().any(|c| c == k) {
                constraints.push(k.to_owned());
            }
        }
        let enum_values = schema.get("enum").and_then(Value::as_array).map(|values| {
            values
                .iter()
                .filter(|v| !v.is_null())
                .cloned()
                .collect::<Vec<_>>()
        });
        if schema
            .get("enum")
            .and_then(Value::as_array)
            .is_some_and(|values| values.iter().any(Value::is_null))
        {
            nullable = true;
        }
        PropertyFacts {
            kind: self.kind(schema, 0),
            enum_values,
            nullable,
            has_default,
            constraints,
        }
    }

    /// The JSON kind of a resolved schema.
    fn kind(&self, schema: &Value, depth: usize) -> String {
        if depth > 8 {
            return "any".to_owned();
        }
        let mut ignored = false;
        let schema = self.resolve(schema, &mut ignored);
        if schema.get("oneOf").is_some() || schema.get("anyOf").is_some() {
            return "union".to_owned();
        }
        match schema.get("type").and_then(Value::as_str) {
            Some("array") => {
                let items = schema.get("items").cloned().unwrap_or(Value::Bool(true));
                format!("array of {}", self.kind(&items, depth + 1))
            }
            Some(t) => t.to_owned(),
            None if schema.get("properties").is_some()
                || schema.get("allOf").is_some()
                || schema.get("additionalProperties").is_some() =>
            {
                "object".to_owned()
            }
            None if schema.get("enum").is_some() => "string".to_owned(),
            None => "any".to_owned(),
        }
    }
}
