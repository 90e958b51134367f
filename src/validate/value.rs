//! The normalized payload: only known fields, in the table's order, each in its canonical form.

use serde::ser::{SerializeMap, SerializeSeq, Serializer};
use serde::Serialize;

/// A normalized value. Object keys are the table's own `&'static str` names: no key is copied per payload.
#[derive(Debug, Clone, PartialEq)]
pub enum Val {
    /// Strings, and the canonical text of prices, discounts, dates and string enum codes.
    Str(String),
    /// Longs and numeric enum codes.
    Long(i64),
    /// `true` or `false`.
    Bool(bool),
    /// An object: the table's field names and their values, in the table's order.
    Obj(Vec<(&'static str, Val)>),
    /// A list, in input order.
    List(Vec<Val>),
}

/// Integers a JS number holds exactly (±(2^53 − 1)).
pub const MAX_SAFE_INTEGER: i64 = (1 << 53) - 1;

impl Val {
    /// The member `name` of an object value.
    pub fn get(&self, name: &str) -> Option<&Val> {
        match self {
            Val::Obj(m) => m.iter().find(|(k, _)| crate::json::swar::same(k, name)).map(|(_, v)| v),
            _ => None,
        }
    }
    /// The text of a `Str`.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Val::Str(s) => Some(s),
            _ => None,
        }
    }
    /// The entries of a `List`.
    pub fn as_list(&self) -> Option<&[Val]> {
        match self {
            Val::List(l) => Some(l),
            _ => None,
        }
    }
    /// The value as text: what a form parameter or an XML element carries.
    pub fn scalar_text(&self) -> Option<std::borrow::Cow<'_, str>> {
        match self {
            Val::Str(s) => Some(std::borrow::Cow::Borrowed(s)),
            Val::Long(n) => Some(std::borrow::Cow::Owned(n.to_string())),
            Val::Bool(b) => Some(std::borrow::Cow::Borrowed(if *b { "true" } else { "false" })),
            Val::Obj(_) | Val::List(_) => None,
        }
    }
}

impl Serialize for Val {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Val::Str(v) => s.serialize_str(v),
            // Beyond ±(2^53 − 1) an i128: exact in JSON text, and a BigInt (not a rounded number) in JS.
            Val::Long(v) if (-MAX_SAFE_INTEGER..=MAX_SAFE_INTEGER).contains(v) => s.serialize_i64(*v),
            Val::Long(v) => s.serialize_i128(i128::from(*v)),
            Val::Bool(v) => s.serialize_bool(*v),
            Val::Obj(m) => {
                let mut map = s.serialize_map(Some(m.len()))?;
                for (k, v) in m {
                    map.serialize_entry(k, v)?;
                }
                map.end()
            }
            Val::List(l) => {
                let mut seq = s.serialize_seq(Some(l.len()))?;
                for v in l {
                    seq.serialize_element(v)?;
                }
                seq.end()
            }
        }
    }
}
