//! How each kind of cross-field [`Check`] is carried out. Which checks apply, and to which fields, is written
//! in the rule tables; this file knows no field of any API.

use std::cmp::Ordering;
use std::collections::btree_map::{BTreeMap, Entry};

use crate::engine::{bit, Engine, Present};
use crate::json::swar;
use crate::norm::{formats, number};
use crate::report::violation::{Because, Bound, Violation};
use crate::rules::{Check, Field, Kind, Severity, StrFormat, Then};
use crate::value::Val;

fn get<'v>(obj: &'v [(&'static str, Val)], name: &str) -> Option<&'v Val> {
    obj.iter().find(|(k, _)| swar::same(k, name)).map(|(_, v)| v)
}

fn was_present(fields: &[Field], present: Present, name: &str) -> bool {
    crate::rules::field_position(fields, name).is_some_and(|i| present & bit(i) != 0)
}

fn kind_of<'f>(fields: &'f [Field], name: &str) -> Option<&'f Kind> {
    crate::rules::field_position(fields, name).map(|i| &fields[i].kind)
}

/// A value told apart from the others of a list by [`swar::order`] (which order the map keeps them in does
/// not matter: duplicates are reported by index).
struct Distinct<'v>(std::borrow::Cow<'v, str>);

impl PartialEq for Distinct<'_> {
    fn eq(&self, other: &Self) -> bool {
        swar::same(&self.0, &other.0)
    }
}

impl Eq for Distinct<'_> {}

impl PartialOrd for Distinct<'_> {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Distinct<'_> {
    fn cmp(&self, other: &Self) -> Ordering {
        swar::order(&self.0, &other.0)
    }
}

/// Compare two normalized values of a field kind, when the kind has an order and both values can be read.
fn compare(kind: &Kind, a: &Val, b: &Val) -> Option<Ordering> {
    let (a, b) = (a.as_str()?, b.as_str()?);
    match kind {
        // Canonical dates and date-times compare as text.
        Kind::Date | Kind::DateTime => Some(a.cmp(b)),
        Kind::Price => Some(number::price_cents(a)?.cmp(&number::price_cents(b)?)),
        Kind::Str(StrFormat::Weight) => Some(formats::weight_mg(a)?.cmp(&formats::weight_mg(b)?)),
        _ => None,
    }
}

/// Run an object's checks. `obj` is the object's normalized members; the engine's path is the object's path.
pub(crate) fn run(e: &mut Engine, checks: &'static [Check], fields: &'static [Field], obj: &[(&'static str, Val)], present: Present) {
    for check in checks {
        match check {
            Check::Unique { list, key, severity } => {
                let Some(entries) = get(obj, list).and_then(Val::as_list) else { continue };
                // First index of each value, in an ordered map: O(n log n) whatever the values are. A hash map
                // with a cheap unkeyed hasher (Fx) was as fast, but a payload of codes crafted to collide made it
                // quadratic (20,000 entries: 1.6 s), and the middleware runs this on untrusted requests.
                let mut seen: BTreeMap<Distinct, usize> = BTreeMap::new();
                let mut dups = Vec::new();
                for (i, entry) in entries.iter().enumerate() {
                    let Some(v) = entry.get(key).and_then(Val::scalar_text) else { continue };
                    match seen.entry(Distinct(v)) {
                        Entry::Occupied(first) => dups.push((i, *first.get(), first.key().0.clone())),
                        Entry::Vacant(slot) => {
                            slot.insert(i);
                        }
                    }
                }
                for (i, first, v) in dups {
                    let p = Violation::DuplicateValue { value: v.into_owned(), first };
                    e.at(list, |e| e.at_index(i, |e| e.report(*severity, p, &[key])));
                }
            }
            Check::Order { first, second, severity } => {
                let (Some(a), Some(b), Some(kind)) = (get(obj, first), get(obj, second), kind_of(fields, first)) else { continue };
                if compare(kind, a, b) == Some(Ordering::Greater) {
                    let text = |v: &Val| v.scalar_text().map(|t| t.into_owned()).unwrap_or_default();
                    let p = Violation::Order { value: text(a), other: second, other_value: text(b) };
                    e.report(*severity, p, &[first]);
                }
            }
            Check::When { when, is, then } => {
                let Some(value) = get(obj, when).and_then(Val::scalar_text) else { continue };
                if is.contains(&value.as_ref()) {
                    then_check(e, then, when, &value, fields, obj, present);
                }
            }
            Check::TotalCoversList { total, list } => {
                let (Some(Val::Long(t)), Some(entries)) = (get(obj, total), get(obj, list).and_then(Val::as_list)) else { continue };
                if (*t as i128) < entries.len() as i128 {
                    let p = Violation::CountMismatch { value: t.to_string(), count: entries.len() };
                    e.report(Severity::Warning, p, &[total]);
                }
            }
            Check::WarnEmptyList { list } => {
                let empty = get(obj, list).and_then(Val::as_list).is_none_or(<[Val]>::is_empty);
                // A list given but refused (wrong type) has its own error; do not call it empty too.
                let refused = was_present(fields, present, list) && get(obj, list).is_none();
                if empty && !refused {
                    e.report(Severity::Warning, Violation::EmptyList, &[list]);
                }
            }
            // A member, not a value: asked for by the engine when it meets an unknown key (`misplaced`).
            Check::Misplaced { .. } => {}
        }
    }
}

/// Where a key that is not a field of this object belongs, if a `Misplaced` check of the object says so.
pub(crate) fn misplaced(checks: &'static [Check], key: &str) -> Option<&'static str> {
    checks.iter().find_map(|c| match c {
        Check::Misplaced { field, belongs_to } if *field == key => Some(*belongs_to),
        _ => None,
    })
}

/// What a `When` demands, its condition met (`when` has `value`).
fn then_check(
    e: &mut Engine,
    then: &'static Then,
    when: &'static str,
    value: &str,
    fields: &'static [Field],
    obj: &[(&'static str, Val)],
    present: Present,
) {
    match then {
        Then::Required(field) => {
            if !was_present(fields, present, field) {
                e.report(Severity::Error, Violation::MissingWhen { field: when, value: value.to_string() }, &[field]);
            }
        }
        Then::EntriesAtLeast { list, field, min, why } => {
            let Some(entries) = get(obj, list).and_then(Val::as_list) else { return };
            for (i, entry) in entries.iter().enumerate() {
                let Some(Val::Long(q)) = entry.get(field) else { continue };
                if q < min {
                    let because = Some(Because { field: when, value: value.to_string(), why: *why });
                    let p = Violation::Range { value: q.to_string(), bound: Bound::AtLeast(*min), because };
                    e.at(list, |e| e.at_index(i, |e| e.report(Severity::Error, p, &[field])));
                }
            }
        }
        Then::EntriesNotZero { list, field } => {
            let Some(entries) = get(obj, list).and_then(Val::as_list) else { return };
            for (i, entry) in entries.iter().enumerate() {
                if entry.get(field) == Some(&Val::Long(0)) {
                    e.at(list, |e| e.at_index(i, |e| e.report(Severity::Warning, Violation::ZeroQuantity, &[field])));
                }
            }
        }
    }
}
