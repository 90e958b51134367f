//! How each kind of cross-field [`Check`] is carried out. Which checks apply, and to which fields, is written
//! in the rule tables; this file knows no field of any API.

use std::cmp::Ordering;
use std::collections::btree_map::{BTreeMap, Entry};

use crate::engine::{Engine, Present};
use crate::norm::{formats, number};
use crate::report::violation::{Because, Bound, Violation};
use crate::rules::{Check, Field, Kind, Severity, StrFormat};
use crate::value::Val;

fn get<'v>(obj: &'v [(&'static str, Val)], name: &str) -> Option<&'v Val> {
    obj.iter().find(|(k, _)| *k == name).map(|(_, v)| v)
}

fn was_present(fields: &[Field], present: Present, name: &str) -> bool {
    fields.iter().position(|f| f.name == name).is_some_and(|i| present & (1 << i) != 0)
}

fn kind_of<'f>(fields: &'f [Field], name: &str) -> Option<&'f Kind> {
    fields.iter().find(|f| f.name == name).map(|f| &f.kind)
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
                let mut seen: BTreeMap<std::borrow::Cow<str>, usize> = BTreeMap::new();
                let mut dups = Vec::new();
                for (i, entry) in entries.iter().enumerate() {
                    let Some(v) = entry.get(key).and_then(Val::scalar_text) else { continue };
                    match seen.entry(v) {
                        Entry::Occupied(first) => dups.push((i, *first.get(), first.key().clone())),
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
            Check::RequiredWhen { field, when, is } => {
                let Some(mode) = get(obj, when).and_then(Val::scalar_text) else { continue };
                if is.contains(&mode.as_ref()) && !was_present(fields, present, field) {
                    let p = Violation::MissingWhen { field: when, value: mode.into_owned() };
                    e.report(Severity::Error, p, &[field]);
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
            // Carried out where unknown fields are reported (engine.rs).
            Check::Misplaced { .. } => {}
            Check::QuantityByMode { mode, full, delta, list, quantity } => {
                let (Some(m), Some(entries)) = (get(obj, mode).and_then(Val::scalar_text), get(obj, list).and_then(Val::as_list)) else {
                    continue;
                };
                for (i, entry) in entries.iter().enumerate() {
                    let Some(Val::Long(q)) = entry.get(quantity) else { continue };
                    if m == *full && *q < 0 {
                        let because = Some(Because::Overwrites { mode_field: mode, mode: full.to_string() });
                        let p = Violation::Range { value: q.to_string(), bound: Bound::AtLeast(0), because };
                        e.at(list, |e| e.at_index(i, |e| e.report(Severity::Error, p, &[quantity])));
                    } else if m == *delta && *q == 0 {
                        e.at(list, |e| e.at_index(i, |e| e.report(Severity::Warning, Violation::ZeroQuantity, &[quantity])));
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::{Check, Field, Kind, APIS};

    /// Every field a check names must exist where the check looks for it: a typo in a table would silently
    /// disable a rule.
    #[test]
    fn checks_name_existing_fields() {
        fn has(fields: &[Field], name: &str) -> bool {
            fields.iter().any(|f| f.name == name)
        }
        fn list_fields<'a>(fields: &'a [Field], name: &str) -> &'a [Field] {
            match fields.iter().find(|f| f.name == name).map(|f| &f.kind) {
                Some(Kind::List(l)) => l.fields,
                _ => &[],
            }
        }
        fn verify(fields: &'static [Field], checks: &[Check]) {
            for c in checks {
                let ok = match c {
                    Check::Unique { list, key, .. } => has(list_fields(fields, list), key),
                    Check::Order { first, second, .. } => has(fields, first) && has(fields, second),
                    Check::RequiredWhen { field, when, .. } => has(fields, field) && has(fields, when),
                    Check::TotalCoversList { total, list } => has(fields, total) && has(fields, list),
                    Check::WarnEmptyList { list } => has(fields, list),
                    Check::Misplaced { field, .. } => !has(fields, field),
                    Check::QuantityByMode { mode, list, quantity, .. } => has(fields, mode) && has(list_fields(fields, list), quantity),
                };
                assert!(ok, "{c:?}");
            }
            for f in fields {
                match &f.kind {
                    Kind::Object(o) => verify(o.fields, o.checks),
                    Kind::List(l) => verify(l.fields, l.checks),
                    _ => {}
                }
            }
        }
        for a in APIS {
            verify(a.fields, a.checks);
        }
    }
}
