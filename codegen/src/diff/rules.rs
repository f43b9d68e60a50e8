//! The rules of the model diff: one per kind of change, each with a stable kebab-case id and
//! a fixed verdict on whom it breaks (as `oasdiff` and `buf breaking` name theirs).
//!
//! A *reader* deserializes documents (a client reading responses): it breaks when a document
//! may now hold something it did not expect. A *writer* sends documents (a client writing
//! requests): it breaks when something it used to send may now be refused. Generated objects
//! accept unknown properties, so an added optional field breaks nobody and a removed field
//! only breaks readers.

use std::fmt;

/// Whom a change breaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Breaks {
    /// Clients that read the documents.
    pub readers: bool,
    /// Clients that write the documents.
    pub writers: bool,
}

impl Breaks {
    /// Breaks nobody: information only.
    pub const NEITHER: Breaks = Breaks {
        readers: false,
        writers: false,
    };
    /// Breaks readers only.
    pub const READERS: Breaks = Breaks {
        readers: true,
        writers: false,
    };
    /// Breaks writers only.
    pub const WRITERS: Breaks = Breaks {
        readers: false,
        writers: true,
    };
    /// Breaks readers and writers.
    pub const BOTH: Breaks = Breaks {
        readers: true,
        writers: true,
    };

    /// Whether the change breaks anybody.
    pub fn any(self) -> bool {
        self.readers || self.writers
    }

    /// Whether the change breaks a side that `asked` covers.
    pub fn breaks(self, asked: Side) -> bool {
        match asked {
            Side::Readers => self.readers,
            Side::Writers => self.writers,
            Side::Both => self.any(),
        }
    }

    /// `readers`, `writers`, `readers and writers` or `nobody`.
    pub fn describe(self) -> &'static str {
        match (self.readers, self.writers) {
            (true, true) => "readers and writers",
            (true, false) => "readers",
            (false, true) => "writers",
            (false, false) => "nobody",
        }
    }
}

/// The clients a diff is asked about (`--breaking readers|writers|both`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Side {
    /// Clients that read the documents.
    Readers,
    /// Clients that write the documents.
    Writers,
    /// Both.
    Both,
}

impl Side {
    /// The side a command-line name (`readers`, `writers`, `both`) means.
    pub fn from_name(name: &str) -> Option<Side> {
        match name {
            "readers" => Some(Side::Readers),
            "writers" => Some(Side::Writers),
            "both" => Some(Side::Both),
            _ => None,
        }
    }

    /// The command-line name.
    pub fn name(self) -> &'static str {
        match self {
            Side::Readers => "readers",
            Side::Writers => "writers",
            Side::Both => "both",
        }
    }
}

macro_rules! rules {
    ($($(#[doc = $doc:literal])* $variant:ident = $id:literal, $breaks:ident, $explain:literal;)*) => {
        /// One kind of change between two versions of a model set.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Rule {
            $($(#[doc = $doc])* $variant,)*
        }

        impl Rule {
            /// Every rule, in the documented order.
            pub const ALL: &'static [Rule] = &[$(Rule::$variant,)*];

            /// The stable kebab-case id (`field-removed`).
            pub fn id(self) -> &'static str {
                match self {
                    $(Rule::$variant => $id,)*
                }
            }

            /// Whom a change of this kind breaks.
            pub fn breaks(self) -> Breaks {
                match self {
                    $(Rule::$variant => Breaks::$breaks,)*
                }
            }

            /// Why a change of this kind breaks whom it breaks, in one sentence.
            pub fn explain(self) -> &'static str {
                match self {
                    $(Rule::$variant => $explain,)*
                }
            }

            /// The rule with this id.
            pub fn from_id(id: &str) -> Option<Rule> {
                Rule::ALL.iter().copied().find(|rule| rule.id() == id)
            }
        }
    };
}

rules! {
    /// A model's page is gone.
    ModelRemoved = "model-removed", BOTH,
        "documents of this model are no longer described: readers and writers of them lose it";
    /// A new model page.
    ModelAdded = "model-added", NEITHER,
        "a new model changes no existing document";
    /// A model was renamed (its page says so, or its shape is identical).
    ModelRenamed = "model-renamed", NEITHER,
        "model names are not on the wire: documents are unchanged";
    /// A model moved to another folder (module) under the same name.
    ModelMoved = "model-moved", NEITHER,
        "folders are not on the wire: documents are unchanged";
    /// A model became another kind of model that accepts different documents.
    ModelTypeChanged = "model-type-changed", BOTH,
        "documents of the old shape are refused and documents of the new shape are not understood";
    /// A model now accepts more documents (it became untyped).
    ModelTypeWidened = "model-type-widened", READERS,
        "readers may now receive documents they cannot read";
    /// A model now accepts fewer documents (an untyped model got a shape).
    ModelTypeNarrowed = "model-type-narrowed", WRITERS,
        "documents writers used to send may now be refused";
    /// A model's description changed.
    ModelDescriptionChanged = "model-description-changed", NEITHER,
        "descriptions are documentation only";
    /// A model became deprecated.
    ModelDeprecated = "model-deprecated", NEITHER,
        "a deprecation is a warning of a future change, not a change";
    /// A model is no longer deprecated.
    ModelUndeprecated = "model-undeprecated", NEITHER,
        "a deprecation is a warning of a future change, not a change";
    /// A field is gone from the wire.
    FieldRemoved = "field-removed", READERS,
        "readers that expect the property no longer get it";
    /// A field's wire name changed (its page says so, or the only removed and added fields of
    /// the model have the same shape).
    FieldRenamed = "field-renamed", BOTH,
        "readers no longer find the old property and writers' old property is ignored";
    /// A new field that documents must have.
    FieldAddedRequired = "field-added-required", WRITERS,
        "documents written without the new property are refused";
    /// A new optional field.
    FieldAddedOptional = "field-added-optional", NEITHER,
        "objects accept unknown properties, and the new one may be left out";
    /// A required field became optional.
    FieldBecameOptional = "field-became-optional", READERS,
        "readers that expect the property may not get it";
    /// An optional field became required.
    FieldBecameRequired = "field-became-required", WRITERS,
        "documents written without the property are refused";
    /// A field may now be `null`.
    FieldBecameNullable = "field-became-nullable", READERS,
        "readers may now receive `null`";
    /// A field may no longer be `null`.
    FieldBecameNonNullable = "field-became-non-nullable", WRITERS,
        "documents written with `null` are refused";
    /// A field's type changed to one that neither holds the other.
    FieldTypeChanged = "field-type-changed", BOTH,
        "old values are refused and new values are not understood";
    /// A field's type now holds more values (`integer` to `number`, a string to `any`).
    FieldTypeWidened = "field-type-widened", READERS,
        "readers may receive values their type cannot hold";
    /// A field's type now holds fewer values (`number` to `integer`, a string to an enum).
    FieldTypeNarrowed = "field-type-narrowed", WRITERS,
        "values writers used to send may now be refused";
    /// A constraint now refuses values it accepted (a smaller `maxLength`, a new `pattern`).
    ConstraintTightened = "constraint-tightened", WRITERS,
        "values writers used to send may now be refused";
    /// A constraint now accepts values it refused (a larger `maxLength`, a dropped `format`).
    ConstraintLoosened = "constraint-loosened", READERS,
        "readers that check the old constraint refuse values they may now receive";
    /// A constraint changed so that neither version holds the other (another `pattern`).
    ConstraintChanged = "constraint-changed", BOTH,
        "values accepted by one version may be refused by the other";
    /// A field's `default` changed.
    DefaultChanged = "default-changed", NEITHER,
        "a missing property now means another value; documents stay valid";
    /// A field's description changed.
    FieldDescriptionChanged = "field-description-changed", NEITHER,
        "descriptions are documentation only";
    /// A field's example changed.
    FieldExampleChanged = "field-example-changed", NEITHER,
        "examples are documentation only";
    /// A field became deprecated.
    FieldDeprecated = "field-deprecated", NEITHER,
        "a deprecation is a warning of a future change, not a change";
    /// A field is no longer deprecated.
    FieldUndeprecated = "field-undeprecated", NEITHER,
        "a deprecation is a warning of a future change, not a change";
    /// A value was added to a closed enum.
    EnumValueAdded = "enum-value-added", READERS,
        "readers of the closed enum refuse the new value";
    /// A value was added to an open enum.
    OpenEnumValueAdded = "open-enum-value-added", NEITHER,
        "readers of an open enum keep unknown values";
    /// A value was removed from an enum.
    EnumValueRemoved = "enum-value-removed", WRITERS,
        "documents written with the removed value are refused";
    /// A closed enum became open.
    EnumOpened = "enum-opened", READERS,
        "readers of the closed enum refuse the values it may now hold";
    /// An open enum became closed.
    EnumClosed = "enum-closed", WRITERS,
        "documents written with values outside the list are refused";
    /// A union has a new variant.
    UnionVariantAdded = "union-variant-added", READERS,
        "readers may receive a variant they do not know";
    /// A union lost a variant.
    UnionVariantRemoved = "union-variant-removed", WRITERS,
        "documents written as the removed variant are refused";
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_kebab_case_and_round_trip() {
        let mut seen = std::collections::BTreeSet::new();
        for &rule in Rule::ALL {
            let id = rule.id();
            assert!(seen.insert(id), "duplicate id {id}");
            assert!(
                id.split('-')
                    .all(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_lowercase())),
                "{id} is not kebab-case"
            );
            assert_eq!(Rule::from_id(id), Some(rule));
        }
        assert_eq!(Rule::from_id("no-such-rule"), None);
    }

    #[test]
    fn sides() {
        assert!(Breaks::READERS.breaks(Side::Readers));
        assert!(!Breaks::READERS.breaks(Side::Writers));
        assert!(Breaks::WRITERS.breaks(Side::Both));
        assert!(!Breaks::NEITHER.breaks(Side::Both));
        for side in [Side::Readers, Side::Writers, Side::Both] {
            assert_eq!(Side::from_name(side.name()), Some(side));
        }
    }
}
