//! The TOP SDK client-error form of an error, as the Java SDK's `RequestCheckUtils` words it.

use super::en::En;
use super::{message, Place};
use crate::report::violation::{Bound, Violation};

/// The dotted path the SDKs name a parameter by: `item[3].itemCode` → `item.itemCode`.
pub fn dotted(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    let mut in_index = false;
    for c in path.chars() {
        match c {
            '[' => in_index = true,
            ']' => in_index = false,
            _ if !in_index => out.push(c),
            _ => {}
        }
    }
    out
}

/// The Java property name the generated request classes pass to `RequestCheckUtils`, from a dotted wire
/// path: each segment in lower camel case (`shop_inventory_edit.detail_list` → `shopInventoryEdit.detailList`;
/// the POS APIs' names are camel case already and stay as they are).
pub fn java_property(dotted: &str) -> String {
    let mut out = String::with_capacity(dotted.len());
    let mut upper = false;
    for c in dotted.chars() {
        match c {
            '_' if !out.is_empty() && !out.ends_with('.') => upper = true,
            _ if upper => {
                // Names are ASCII identifiers (`rules::table::load::is_name`).
                out.push(c.to_ascii_uppercase());
                upper = false;
            }
            _ => out.push(c),
        }
    }
    out
}

/// The TOP client-error code of an error: 40 (missing) or 41 (invalid).
pub fn top_code(v: &Violation) -> u32 {
    match v {
        Violation::Missing | Violation::MissingWhen { .. } | Violation::TooFew { .. } => 40,
        _ => 41,
    }
}

/// (40, "…Missing required arguments…") or (41, "…Invalid arguments…").
pub fn top_form(path: &str, v: &Violation) -> (u32, String) {
    let name = java_property(&dotted(path));
    let code = top_code(v);
    if code == 40 {
        return (40, format!("client-error:Missing required arguments:{name}"));
    }
    let detail = match v {
        Violation::TooLong { max, .. } => format!("the string length of {name} can not be larger than {max}."),
        Violation::TooMany { max, .. } => format!("the array size of {name} must be less than {max}."),
        Violation::Range { bound: Bound::AtLeast(min), .. } => format!("the value of {name} can not be less than {min}."),
        _ if name.is_empty() => message(&En, &Place { path, label: None, position: None }, v),
        _ => format!("{name}: {}", message(&En, &Place { path, label: None, position: None }, v)),
    };
    (code, format!("client-error:Invalid arguments:{detail}"))
}
