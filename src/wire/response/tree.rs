//! The sparse reader: JSON or XML answer text → a `serde_json::Value` tree holding only what `extract` reads.
//!
//! A generic tree of a hostile answer costs up to ~85× its size (a map and a string per nested element); this
//! reader keeps only the envelopes, the known scalar fields and the entries of the two lists an answer can
//! carry, and skips everything else while still checking that it is well-formed. Its memory is then bounded
//! by the size of the fields kept (a small multiple of the input), whatever shape the rest has.

use quick_xml::events::Event;
use quick_xml::Reader;
use serde_json::{Map, Value};

use crate::json::{self, Token};

use super::{malformed, too_deep, COMMON, RESPONSE_MAX_DEPTH};
use crate::report::violation::{ResponseProblem, Violation};
use crate::rules::{Answer, AnswerKind};

/// Most values (objects, lists, fields) kept from one answer. An answer to a request of at most 100 entries
/// holds a few hundred; a text with more is no answer of these APIs. With it, what the reader keeps is bounded
/// in count (≤ ~2 MB of maps and lists) and in text (the kept strings, at most the input's size), whatever
/// the shape of the rest.
pub const MAX_KEPT_VALUES: usize = 10_000;

fn too_many() -> Violation {
    malformed(ResponseProblem::TooManyValues { limit: MAX_KEPT_VALUES })
}

/// What a value at some place in the answer is read for: derived from the API's response table and the
/// platform's common fields, so the reader keeps exactly what `extract` reads.
#[derive(Clone, Copy, Debug)]
enum Want<'e> {
    /// The document: `error_response`, the method's response `element`, `response`, or a bare body.
    Root {
        element: &'e str,
        body: &'static [Answer],
    },
    /// An object of these fields (with the common ones for a body or `error_response`).
    Object {
        fields: &'static [Answer],
        common: bool,
    },
    /// A list: `[..]`, or `{ "type_name": [..] | {..} }` (a wrapper), or one entry as an object.
    List(Entry),
    /// A wrapper's value: entries, or one entry.
    Items(Entry),
    Entry(Entry),
    Scalar,
    Skip,
}

/// What one list entry is read for.
#[derive(Clone, Copy, Debug)]
enum Entry {
    Fields(&'static [Answer]),
    Pluck(&'static str),
}

fn named(a: &Answer, key: &str) -> bool {
    a.wire == key || a.aliases.contains(&key)
}

impl<'e> Want<'e> {
    fn child(self, key: &str) -> Want<'e> {
        match self {
            Want::Root { .. } if key == "error_response" => Want::Object { fields: &[], common: true },
            Want::Root { element, body } if key == "response" || key == element => Want::Object { fields: body, common: true },
            Want::Root { body, .. } => Want::Object { fields: body, common: true }.child(key),
            Want::Object { common: true, .. } if COMMON.iter().any(|a| named(a, key)) => Want::Scalar,
            Want::Object { fields, .. } => match fields.iter().find(|a| named(a, key)).map(|a| &a.kind) {
                Some(AnswerKind::Text | AnswerKind::Bool) => Want::Scalar,
                Some(AnswerKind::Object(inner)) => Want::Object { fields: inner, common: false },
                Some(AnswerKind::Entries { fields: inner, .. }) => Want::List(Entry::Fields(inner)),
                Some(AnswerKind::Pluck { field: name, .. }) => Want::List(Entry::Pluck(name)),
                None => Want::Skip,
            },
            // An object where a list belongs is one entry (its fields) or a wrapper of entries.
            Want::List(e) => match Want::Entry(e).child(key) {
                Want::Skip => Want::Items(e),
                w => w,
            },
            Want::Items(e) => Want::Entry(e).child(key),
            Want::Entry(Entry::Fields(inner)) => Want::Object { fields: inner, common: false }.child(key),
            Want::Entry(Entry::Pluck(name)) if key == name => Want::Scalar,
            Want::Entry(Entry::Pluck(_)) | Want::Scalar | Want::Skip => Want::Skip,
        }
    }
    /// What each element of an array here is read as.
    fn element(self) -> Want<'e> {
        match self {
            Want::List(e) | Want::Items(e) => Want::Entry(e),
            _ => Want::Skip,
        }
    }
    fn dropped(self) -> bool {
        matches!(self, Want::Skip)
    }
}

/// Parse a JSON answer sparsely (the caller has checked its depth, so the recursion here is bounded).
pub(super) fn json(text: &str, element: &str, body: &'static [Answer]) -> Result<Value, Violation> {
    let mut reader = json::Reader::new(text);
    let mut budget = MAX_KEPT_VALUES;
    let v = sparse(&mut reader, Want::Root { element, body }, &mut budget)?;
    reader.end().map_err(not_json)?;
    Ok(v)
}

fn not_json(e: json::SyntaxError) -> Violation {
    malformed(ResponseProblem::NotJson { detail: e.to_string() })
}

/// The value under the cursor, read for `want`. A number is kept as its literal text: every reader of the
/// tree takes a number as text, and a literal keeps what a binary float would round (ids above 2^53,
/// `0.10`).
fn sparse(reader: &mut json::Reader<'_>, want: Want<'_>, budget: &mut usize) -> Result<Value, Violation> {
    if want.dropped() {
        reader.skip().map_err(not_json)?;
        return Ok(Value::Null);
    }
    *budget = budget.checked_sub(1).ok_or_else(too_many)?;
    Ok(match reader.value().map_err(not_json)? {
        Token::Null => Value::Null,
        Token::Bool(b) => Value::Bool(b),
        Token::Number(n) => Value::String(n.to_owned()),
        Token::String(s) => Value::String(s.into_owned()),
        Token::Array => {
            let element = want.element();
            let mut out = Vec::new();
            let mut first = true;
            while reader.next_element(&mut first).map_err(not_json)? {
                let v = sparse(reader, element, budget)?;
                if !element.dropped() {
                    out.push(v);
                }
            }
            if element.dropped() {
                Value::Null
            } else {
                Value::Array(out)
            }
        }
        Token::Object => {
            let mut out = Map::new();
            let mut first = true;
            while let Some(key) = reader.next_key(&mut first).map_err(not_json)? {
                let child = match want {
                    // A container where a scalar belongs is no value for it: read through, keep nothing.
                    Want::Scalar => Want::Skip,
                    _ => want.child(&key),
                };
                if child.dropped() {
                    reader.skip().map_err(not_json)?;
                } else if out.contains_key(key.as_ref()) {
                    return Err(malformed(ResponseProblem::DuplicateKey { key: key.into_owned() }));
                } else {
                    let v = sparse(reader, child, budget)?;
                    out.insert(key.into_owned(), v);
                }
            }
            if matches!(want, Want::Scalar) {
                Value::Null
            } else {
                Value::Object(out)
            }
        }
    })
}

/// Parse an XML answer sparsely: an element with children is an object (a repeated child name becomes an
/// array), a text-only element is a string. Skipped elements are still read to the end and checked (control
/// characters, entities, balance) but keep nothing. DTDs are refused; only the five predefined entities and
/// character references are decoded, so no entity is ever expanded.
pub(super) fn xml<'e>(text: &str, element: &'e str, body: &'static [Answer]) -> Result<Value, Violation> {
    struct Open<'e> {
        name: String,
        want: Want<'e>,
        children: Map<String, Value>,
        /// Whether any child element appeared, kept or not: such an element is an object, never a text.
        nested: bool,
        text: String,
    }
    let open = |name: String, want: Want<'e>| Open { name, want, children: Map::new(), nested: false, text: String::new() };
    let mut reader = Reader::from_str(text);
    reader.config_mut().trim_text(true);
    let mut stack = vec![open(String::new(), Want::Root { element, body })];
    let mut budget = MAX_KEPT_VALUES;
    let mut keep = |want: Want<'e>| match (want, budget) {
        (Want::Skip, _) => Ok(()),
        (_, 0) => Err(too_many()),
        (_, n) => {
            budget = n - 1;
            Ok(())
        }
    };
    loop {
        let event = reader.read_event().map_err(|e| malformed(ResponseProblem::NotXml { detail: e.to_string() }))?;
        match event {
            Event::Start(e) => {
                if stack.len() > RESPONSE_MAX_DEPTH {
                    return Err(too_deep());
                }
                let Some(parent) = stack.last_mut() else { return Err(malformed(ResponseProblem::Unbalanced)) };
                parent.nested = true;
                let (name, want) = element_want(parent.want, e.local_name().as_ref());
                keep(want)?;
                stack.push(open(name, want));
            }
            Event::Empty(e) => {
                let Some(parent) = stack.last_mut() else { return Err(malformed(ResponseProblem::Unbalanced)) };
                parent.nested = true;
                let (name, want) = element_want(parent.want, e.local_name().as_ref());
                keep(want)?;
                if !want.dropped() {
                    once(parent.want, want, &parent.children, &name)?;
                    insert(&mut parent.children, name, Value::String(String::new()));
                }
            }
            Event::Text(t) => {
                let s = xml_text(&t).map_err(malformed)?;
                if let Some(top) = stack.last_mut().filter(|o| !o.want.dropped()) {
                    top.text.push_str(&s);
                }
            }
            Event::CData(c) => {
                if let Some(top) = stack.last_mut().filter(|o| !o.want.dropped()) {
                    top.text.push_str(&String::from_utf8_lossy(&c));
                }
            }
            Event::End(_) => {
                let Some(done) = stack.pop() else { return Err(malformed(ResponseProblem::Unbalanced)) };
                let Some(parent) = stack.last_mut() else { return Err(malformed(ResponseProblem::Unbalanced)) };
                if !done.want.dropped() {
                    once(parent.want, done.want, &parent.children, &done.name)?;
                    let v = if done.nested { Value::Object(done.children) } else { Value::String(done.text) };
                    insert(&mut parent.children, done.name, v);
                }
            }
            Event::DocType(_) => return Err(malformed(ResponseProblem::Doctype)),
            Event::Eof => break,
            Event::Decl(_) | Event::PI(_) | Event::Comment(_) => {}
        }
    }
    if stack.len() != 1 {
        return Err(malformed(ResponseProblem::Unclosed));
    }
    let Some(top) = stack.pop() else { return Err(malformed(ResponseProblem::NoRoot)) };
    // Several top-level elements (as the seeds print responses) are read as a bare object.
    if !top.nested {
        return Err(malformed(ResponseProblem::NoRoot));
    }
    Ok(Value::Object(top.children))
}

/// An XML text's content, checked: XML 1.0 forbids raw C0 controls other than tab, LF and CR (such a text is
/// not XML), and only the predefined entities and character references are decoded. Shared by every XML
/// reader (answers here, request bodies in `validate::xml_input`).
pub(crate) fn xml_text<'t>(t: &'t quick_xml::events::BytesText<'_>) -> Result<std::borrow::Cow<'t, str>, ResponseProblem> {
    if let Some(b) = t.iter().find(|b| **b < 0x20 && !matches!(**b, b'\t' | b'\n' | b'\r')) {
        return Err(ResponseProblem::ControlChar { byte: *b });
    }
    t.unescape().map_err(|e| ResponseProblem::UndefinedEntity { detail: e.to_string() })
}

/// An element's name and what it is read for; the name is kept only when the element is.
fn element_want<'e>(parent: Want<'e>, local: &[u8]) -> (String, Want<'e>) {
    let name = String::from_utf8_lossy(local);
    let want = match parent {
        Want::Skip => Want::Skip,
        // Child elements of a scalar make it an object, which no field reads: nothing inside is kept.
        Want::Scalar => Want::Skip,
        p => p.child(&name),
    };
    (if want.dropped() { String::new() } else { name.into_owned() }, want)
}

/// A repeated element is a list's next entry, except a field of an object read as one value: two `<success>`
/// in one answer cannot both count, as two `"success"` keys cannot in JSON.
fn once(parent: Want, want: Want, children: &Map<String, Value>, name: &str) -> Result<(), Violation> {
    let single = matches!(want, Want::Scalar | Want::Object { .. }) && matches!(parent, Want::Object { .. } | Want::Root { .. });
    match single && children.contains_key(name) {
        true => Err(malformed(ResponseProblem::DuplicateKey { key: name.to_string() })),
        false => Ok(()),
    }
}

fn insert(m: &mut Map<String, Value>, name: String, v: Value) {
    match m.get_mut(&name) {
        Some(Value::Array(a)) => a.push(v),
        Some(existing) => {
            let first = std::mem::replace(existing, Value::Null);
            *existing = Value::Array(vec![first, v]);
        }
        None => {
            m.insert(name, v);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::violation::Malformed;

    const EL: &str = "qimen_x_response";
    /// The POS items answer: flag, total, and the item list of itemCodes.
    fn items_api() -> &'static crate::rules::Api {
        crate::rules::api("qimen.taobao.pos.items.synchronize").expect("api")
    }

    #[test]
    fn keeps_only_what_an_answer_defines() {
        let v = json(
            r#"{"response":{"flag":"success","x":{"flag":"no"},"item":[{"itemCode":"A","y":[1]},[2]]}}"#,
            EL,
            items_api().response.fields,
        )
        .unwrap();
        assert_eq!(v, serde_json::json!({"response":{"flag":"success","item":[{"itemCode":"A"},null]}}));
        let v = xml(
            "<response><flag>success</flag><x><flag>no</flag></x><item><s><itemCode>A</itemCode><y/></s></item></response>",
            EL,
            items_api().response.fields,
        )
        .unwrap();
        assert_eq!(v, serde_json::json!({"response":{"flag":"success","item":{"s":{"itemCode":"A"}}}}));
    }

    #[test]
    fn kept_values_are_bounded_in_count() {
        let list = |n: usize| format!(r#"{{"response":{{"item":[{}]}}}}"#, vec![r#"{"itemCode":"1"}"#; n].join(","));
        // Root, response, item: three values; each entry two (the entry and its field).
        let fits = (MAX_KEPT_VALUES - 3) / 2;
        assert!(json(&list(fits), EL, items_api().response.fields).is_ok());
        let err = json(&list(fits + 1), EL, items_api().response.fields).unwrap_err();
        assert_eq!(err, Violation::Malformed(Malformed::Response(ResponseProblem::TooManyValues { limit: 10_000 })));
        let xml_list = |n: usize| format!("<response><item>{}</item></response>", "<s><itemCode>1</itemCode></s>".repeat(n));
        // response, item: two values; each entry two.
        assert!(xml(&xml_list((MAX_KEPT_VALUES - 2) / 2), EL, items_api().response.fields).is_ok());
        let err = xml(&xml_list((MAX_KEPT_VALUES - 2) / 2 + 1), EL, items_api().response.fields).unwrap_err();
        assert_eq!(err, Violation::Malformed(Malformed::Response(ResponseProblem::TooManyValues { limit: 10_000 })));
        // Skipped parts cost nothing from the budget.
        let skipped = format!(r#"{{"response":{{"flag":"success","x":[{}]}}}}"#, vec!["{}"; 3 * MAX_KEPT_VALUES].join(","));
        assert!(json(&skipped, EL, items_api().response.fields).is_ok());
    }
}
