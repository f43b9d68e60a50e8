//! Which constraint keywords of a field changed, and in which direction: tightened (fewer
//! values accepted), loosened (more), or changed (neither holds the other).

use serde_json::{Number, Value};

use crate::ir::{Constraints, Format};

/// How one keyword changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// Fewer values are accepted.
    Tightened,
    /// More values are accepted.
    Loosened,
    /// Neither version's values hold the other's.
    Changed,
}

/// One changed keyword.
#[derive(Debug, Clone, PartialEq)]
pub struct KeywordChange {
    /// The keyword, with `items.` before keywords on array elements (`items.pattern`).
    pub keyword: String,
    /// The direction.
    pub direction: Direction,
    /// The old value, as JSON text; `None` when the keyword was absent.
    pub old: Option<String>,
    /// The new value, as JSON text; `None` when the keyword is absent.
    pub new: Option<String>,
}

/// Every keyword that differs between `old` and `new`, except `default` (not a constraint),
/// in the order of [`Constraints`]' fields.
pub fn compare(old: &Constraints, new: &Constraints) -> Vec<KeywordChange> {
    let mut changes = Vec::new();
    compare_into("", old, new, &mut changes);
    changes
}

fn compare_into(prefix: &str, old: &Constraints, new: &Constraints, out: &mut Vec<KeywordChange>) {
    let mut push = |keyword: &str, direction: Option<Direction>, old: Option<String>, new| {
        if let Some(direction) = direction {
            out.push(KeywordChange {
                keyword: format!("{prefix}{keyword}"),
                direction,
                old,
                new,
            });
        }
    };
    let format = |f: Option<Format>| f.map(|f| Value::from(f.name()).to_string());
    push(
        "format",
        exact(old.format, new.format),
        format(old.format),
        format(new.format),
    );
    let lower = |a: Option<f64>, b: Option<f64>| bound(a, b, |a, b| b > a);
    let upper = |a: Option<f64>, b: Option<f64>| bound(a, b, |a, b| b < a);
    let count = |v: Option<u64>| v.map(|v| v as f64);
    let num = |v: &Option<Number>| v.as_ref().and_then(Number::as_f64);
    let show_count = |v: Option<u64>| v.map(|v| v.to_string());
    let show_num = |v: &Option<Number>| v.as_ref().map(Number::to_string);
    push(
        "minLength",
        lower(count(old.min_length), count(new.min_length)),
        show_count(old.min_length),
        show_count(new.min_length),
    );
    push(
        "maxLength",
        upper(count(old.max_length), count(new.max_length)),
        show_count(old.max_length),
        show_count(new.max_length),
    );
    push(
        "pattern",
        exact(old.pattern.as_ref(), new.pattern.as_ref()),
        old.pattern
            .as_ref()
            .map(|p| Value::from(p.as_str()).to_string()),
        new.pattern
            .as_ref()
            .map(|p| Value::from(p.as_str()).to_string()),
    );
    for (keyword, a, b, tighter) in [
        ("minimum", &old.minimum, &new.minimum, true),
        (
            "exclusiveMinimum",
            &old.exclusive_minimum,
            &new.exclusive_minimum,
            true,
        ),
        ("maximum", &old.maximum, &new.maximum, false),
        (
            "exclusiveMaximum",
            &old.exclusive_maximum,
            &new.exclusive_maximum,
            false,
        ),
    ] {
        let direction = if tighter {
            lower(num(a), num(b))
        } else {
            upper(num(a), num(b))
        };
        push(keyword, direction, show_num(a), show_num(b));
    }
    push(
        "multipleOf",
        multiple_of(num(&old.multiple_of), num(&new.multiple_of)),
        show_num(&old.multiple_of),
        show_num(&new.multiple_of),
    );
    push(
        "minItems",
        lower(count(old.min_items), count(new.min_items)),
        show_count(old.min_items),
        show_count(new.min_items),
    );
    push(
        "maxItems",
        upper(count(old.max_items), count(new.max_items)),
        show_count(old.max_items),
        show_count(new.max_items),
    );
    push(
        "uniqueItems",
        match (old.unique_items, new.unique_items) {
            (false, true) => Some(Direction::Tightened),
            (true, false) => Some(Direction::Loosened),
            _ => None,
        },
        old.unique_items.then(|| "true".to_owned()),
        new.unique_items.then(|| "true".to_owned()),
    );
    push(
        "const",
        exact(old.const_value.as_ref(), new.const_value.as_ref()),
        old.const_value.as_ref().map(Value::to_string),
        new.const_value.as_ref().map(Value::to_string),
    );
    if old.items.is_some() || new.items.is_some() {
        let empty = Constraints::default();
        let (old_items, new_items) = (
            old.items.as_deref().unwrap_or(&empty),
            new.items.as_deref().unwrap_or(&empty),
        );
        compare_into(&format!("{prefix}items."), old_items, new_items, out);
    }
}

/// A keyword that accepts values equal to one value (`format`, `pattern`, `const`): adding it
/// tightens, dropping it loosens, replacing it changes.
fn exact<T: PartialEq>(old: Option<T>, new: Option<T>) -> Option<Direction> {
    match (old, new) {
        (None, None) => None,
        (None, Some(_)) => Some(Direction::Tightened),
        (Some(_), None) => Some(Direction::Loosened),
        (Some(a), Some(b)) if a == b => None,
        (Some(_), Some(_)) => Some(Direction::Changed),
    }
}

/// A bound: adding it tightens, dropping it loosens, and moving it tightens when
/// `tighter(old, new)`.
fn bound(old: Option<f64>, new: Option<f64>, tighter: fn(f64, f64) -> bool) -> Option<Direction> {
    match (old, new) {
        (None, None) => None,
        (None, Some(_)) => Some(Direction::Tightened),
        (Some(_), None) => Some(Direction::Loosened),
        (Some(a), Some(b)) if a == b => None,
        (Some(a), Some(b)) if tighter(a, b) => Some(Direction::Tightened),
        (Some(_), Some(_)) => Some(Direction::Loosened),
    }
}

/// `multipleOf`: a new divisor that is a multiple of the old one tightens, one that divides
/// the old one loosens.
fn multiple_of(old: Option<f64>, new: Option<f64>) -> Option<Direction> {
    let divides = |a: f64, b: f64| {
        let q = b / a;
        (q - q.round()).abs() < 1e-9
    };
    match (old, new) {
        (Some(a), Some(b)) if a != b => Some(if divides(a, b) {
            Direction::Tightened
        } else if divides(b, a) {
            Direction::Loosened
        } else {
            Direction::Changed
        }),
        (a, b) => bound(a, b, |_, _| false),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn directions() {
        let old = Constraints {
            min_length: Some(1),
            max_length: Some(10),
            pattern: Some("^a".into()),
            ..Constraints::default()
        };
        let new = Constraints {
            min_length: Some(2),
            max_length: Some(20),
            pattern: Some("^b".into()),
            unique_items: true,
            ..Constraints::default()
        };
        let found: Vec<_> = compare(&old, &new)
            .into_iter()
            .map(|c| (c.keyword, c.direction))
            .collect();
        assert_eq!(
            found,
            [
                ("minLength".to_owned(), Direction::Tightened),
                ("maxLength".to_owned(), Direction::Loosened),
                ("pattern".to_owned(), Direction::Changed),
                ("uniqueItems".to_owned(), Direction::Tightened),
            ]
        );
        assert!(compare(&old, &old).is_empty());
        assert!(compare(&Constraints::default(), &Constraints::default()).is_empty());
    }

    #[test]
    fn items_and_multiples() {
        let items = |n: u64| Constraints {
            items: Some(Box::new(Constraints {
                max_length: Some(n),
                ..Constraints::default()
            })),
            multiple_of: Some(Number::from(n)),
            ..Constraints::default()
        };
        let found = compare(&items(4), &items(2));
        assert_eq!(found[0].keyword, "multipleOf");
        assert_eq!(found[0].direction, Direction::Loosened);
        assert_eq!(found[1].keyword, "items.maxLength");
        assert_eq!(found[1].direction, Direction::Tightened);
        assert_eq!(found[1].old.as_deref(), Some("4"));
        assert_eq!(
            compare(&items(2), &items(3))[0].direction,
            Direction::Changed
        );
    }
}
