//! What changed between two versions of a model set, and whom each change breaks.
//!
//! [`diff`] compares two IRs: models are matched by module and name, fields by wire name,
//! enum values by their JSON value and union variants by type. A model or field counts as
//! renamed only when its new page says so (its description holds ``Renamed from `OldName`.``) or
//! when it is the only removed one with exactly the shape of the only added one; a model that
//! is the only one of its name to leave one folder and arrive in another has moved. Every change
//! is one [`Change`] under one [`Rule`], whose id is stable and whose verdict ([`Breaks`]) is
//! fixed; [`Report`] pairs the changes with both folders' pages to render them.

mod compare;
pub mod constraints;
pub mod report;
pub mod rules;
mod types;

pub use report::Report;
pub use rules::{Breaks, Rule, Side};

use crate::ir::ModelSet;
use crate::source::Span;

/// Which version of the pages a location points into.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Version {
    /// The old folder.
    Old,
    /// The new folder.
    New,
}

/// A place in the old or the new pages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    /// Which folder's pages [`Location::span`] points into.
    pub version: Version,
    /// The span, in that version's source map.
    pub span: Span,
}

/// One change between the versions.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    /// The rule: what kind of change, and whom it breaks.
    pub rule: Rule,
    /// The model's path (`components::LinkSchema`): module and name, in the new version for a
    /// model that is in both.
    pub model: String,
    /// The model's title: in the new pages, or in the old ones for a removed model.
    pub model_at: Location,
    /// The field's wire name, for a change of a field.
    pub field: Option<String>,
    /// What changed, in one sentence.
    pub message: String,
    /// Why the change was seen this way, when that is not obvious (how a rename was found).
    pub note: Option<String>,
    /// The page line of the change: in the new pages, or the old ones for what was removed.
    pub at: Location,
}

impl Change {
    /// Whom the change breaks.
    pub fn breaks(&self) -> Breaks {
        self.rule.breaks()
    }
}

/// Every change from `old` to `new`, grouped by model (in the order of their paths) and in
/// page order within a model.
pub fn diff(old: &ModelSet, new: &ModelSet) -> Vec<Change> {
    compare::diff(old, new)
}
