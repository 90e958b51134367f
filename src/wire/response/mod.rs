//! Reading what the platform answers: XML or JSON, wrapped as `<response>`, as the method's response element,
//! bare, or as `error_response`; read into the platform's common fields plus the API's own, as its response
//! table (`rules::answer`) declares them.

mod tree;

pub(crate) use tree::xml_text;

use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;
use serde_json::{Map, Value};

use crate::input::MAX_INPUT_BYTES;
use crate::report::violation::{Malformed, ResponseProblem, Violation};
use crate::report::{Issue, Report};
use crate::rules::answer::build::text as common;
use crate::rules::{Answer, AnswerKind, Api, Success};

/// The platform's common fields of every answer (and of `error_response`), in output order.
pub const COMMON: &[Answer] = &[
    common("code", "code"),
    Answer { aliases: &["msg"], ..common("message", "message") },
    common("sub_code", "subCode"),
    Answer { aliases: &["sub_message"], ..common("sub_msg", "subMessage") },
    common("request_id", "requestId"),
];

/// A parsed answer: `ok`, `errorResponse`, then the fields the answer had, in table order. A field the answer
/// does not have is omitted, at every level.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Parsed {
    /// Whether the call succeeded, as the API's success rule reads the answer.
    pub ok: bool,
    /// True for an `error_response`.
    pub error_response: bool,
    /// The answer's fields (the common ones, then the API's), in table order.
    pub fields: Fields,
    /// For a list-of-entries success rule: some entries succeeded and some did not.
    pub partial: Option<bool>,
}

/// Named values of a parsed answer, in table order.
pub type Fields = Vec<(&'static str, Out)>;

/// A value read from an answer.
#[derive(Debug, Clone, PartialEq)]
pub enum Out {
    /// A text (numbers and booleans as they were written).
    Text(String),
    /// A boolean.
    Bool(bool),
    /// An object of named values, in table order.
    Object(Vec<(&'static str, Out)>),
    /// A list.
    List(Vec<Out>),
}

impl Parsed {
    /// A field of the result by its output name.
    pub fn get(&self, name: &str) -> Option<&Out> {
        self.fields.iter().find(|(k, _)| *k == name).map(|(_, v)| v)
    }
}

impl Serialize for Parsed {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("ok", &self.ok)?;
        m.serialize_entry("errorResponse", &self.error_response)?;
        for (k, v) in &self.fields {
            m.serialize_entry(k, v)?;
        }
        if let Some(p) = self.partial {
            m.serialize_entry("partial", &p)?;
        }
        m.end()
    }
}

impl Serialize for Out {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Out::Text(t) => s.serialize_str(t),
            Out::Bool(b) => s.serialize_bool(*b),
            Out::Object(fields) => {
                let mut m = s.serialize_map(Some(fields.len()))?;
                for (k, v) in fields {
                    m.serialize_entry(k, v)?;
                }
                m.end()
            }
            Out::List(l) => l.serialize(s),
        }
    }
}

/// No answer of the platform nests deeper than a few levels (envelope, result, list, wrapper, entry): a deeper
/// text is refused before a tree is built, so a hostile answer cannot cost more than a small multiple of its
/// size in memory (a tree of 8 MiB of nested brackets took 63× its size; nested XML elements, 89×).
pub const RESPONSE_MAX_DEPTH: usize = 16;

fn too_deep() -> Violation {
    Violation::TooDeep { limit: RESPONSE_MAX_DEPTH }
}

/// Refuse JSON text nesting deeper than `limit`.
fn json_depth_within(t: &str, limit: usize) -> Result<(), Violation> {
    match crate::input::json_too_deep_at(t, limit) {
        Some(_) => Err(too_deep()),
        None => Ok(()),
    }
}

fn malformed(problem: ResponseProblem) -> Violation {
    Violation::Malformed(Malformed::Response(problem))
}

/// Parse a response text of `api`.
/// A refused text is a failed report with one error (its `ok` false, its path empty).
pub fn parse_response<'a>(api: impl crate::rules::ApiRef<'a>, text: &str) -> Result<Parsed, Report> {
    let api = api.resolve()?;
    read(api, text).map_err(|v| Report::failed(Issue::whole(v)))
}

fn read(api: &Api, text: &str) -> Result<Parsed, Violation> {
    if text.len() > MAX_INPUT_BYTES {
        return Err(Violation::TooLarge { bytes: text.len(), limit: MAX_INPUT_BYTES });
    }
    let t = text.trim_start_matches('\u{FEFF}').trim_start();
    let root = match t.as_bytes().first() {
        Some(b'<') => tree::xml(t, &api.response_element(), api.response.fields)?,
        Some(b'{') => {
            json_depth_within(t, RESPONSE_MAX_DEPTH)?;
            tree::json(t, &api.response_element(), api.response.fields)?
        }
        _ => return Err(malformed(ResponseProblem::NeitherXmlNorJson)),
    };
    let Value::Object(root) = root else { return Err(malformed(ResponseProblem::NotAnObject)) };
    Ok(extract(api, root))
}

/// Unwrap the platform's envelopes and read the fields of the API's response table.
fn extract(api: &Api, mut root: Map<String, Value>) -> Parsed {
    match root.remove("error_response") {
        Some(Value::Object(e)) => {
            return Parsed { ok: false, error_response: true, fields: read_fields(COMMON, &e).0, partial: None };
        }
        // An error_response of any other shape is still the platform's refusal, never a success.
        Some(other) => {
            let fields = match other {
                Value::String(s) => vec![("message", Out::Text(s))],
                Value::Number(n) => vec![("message", Out::Text(n.to_string()))],
                _ => Vec::new(),
            };
            return Parsed { ok: false, error_response: true, fields, partial: None };
        }
        None => {}
    }
    let body = match (root.remove(&api.response_element()), root.remove("response")) {
        (Some(Value::Object(m)), _) | (None, Some(Value::Object(m))) => m,
        _ => root,
    };
    let (mut fields, hoisted) = read_fields(COMMON, &body);
    let (own, own_hoisted) = read_fields(api.response.fields, &body);
    fields.extend(own);
    fields.extend(hoisted);
    fields.extend(own_hoisted);
    let mut p = Parsed { ok: false, error_response: false, fields, partial: None };
    judge(&api.response.success, &mut p);
    p
}

/// Decide `ok` (and `partial`) by the table's success rule.
fn judge(rule: &Success, p: &mut Parsed) {
    match rule {
        Success::TextIs { name, value } => p.ok = matches!(p.get(name), Some(Out::Text(t)) if t == value),
        Success::IsTrue { name } => p.ok = p.get(name) == Some(&Out::Bool(true)),
        // `extract` has already answered an error_response.
        Success::Answered => p.ok = true,
        Success::AllEntries { object, flag, list, entry, also } => {
            let flag_true = matches!(p.get(object), Some(Out::Object(o)) if o.iter().any(|(k, v)| k == flag && *v == Out::Bool(true)));
            let (mut total, mut succeeded) = (0, 0);
            if let Some((_, Out::List(entries))) = p.fields.iter_mut().find(|(k, _)| k == list) {
                for e in entries {
                    let Out::Object(fields) = e else { continue };
                    total += 1;
                    let yes = |k: &str| fields.iter().any(|(n, v)| *n == k && *v == Out::Bool(true));
                    let ok = yes(entry) || yes(also);
                    // An idempotent repeat was applied before: it counts as success.
                    match fields.iter_mut().find(|(n, _)| n == entry) {
                        Some((_, v)) => *v = Out::Bool(ok),
                        None => fields.insert(0, (entry, Out::Bool(ok))),
                    }
                    succeeded += usize::from(ok);
                }
            }
            p.ok = flag_true && succeeded == total;
            p.partial = Some(succeeded > 0 && succeeded < total);
        }
    }
}

/// Read `fields` from an object: (the fields in place, the hoisted ones).
fn read_fields(fields: &'static [Answer], m: &Map<String, Value>) -> (Fields, Fields) {
    let (mut here, mut hoisted) = (Vec::new(), Vec::new());
    for f in fields {
        let Some(v) = std::iter::once(f.wire).chain(f.aliases.iter().copied()).find_map(|w| m.get(w)) else { continue };
        let out = match &f.kind {
            AnswerKind::Text => text(v).map(Out::Text),
            AnswerKind::Bool => boolean(v).map(Out::Bool),
            AnswerKind::Object(inner) => v.as_object().map(|o| {
                let (mut fs, inner_hoisted) = read_fields(inner, o);
                hoisted.extend(inner_hoisted);
                fs.shrink_to_fit();
                Out::Object(fs)
            }),
            AnswerKind::Entries { fields: inner, .. } => Some(Out::List(
                entries(v).into_iter().map(|e| e.as_object().map_or_else(unreadable, |o| Out::Object(read_fields(inner, o).0))).collect(),
            )),
            AnswerKind::Pluck { field: name, .. } => Some(Out::List(
                entries(v).into_iter().filter_map(|e| e.as_object().and_then(|o| o.get(*name)).and_then(text)).map(Out::Text).collect(),
            )),
        };
        if let Some(out) = out {
            if f.hoisted {
                hoisted.push((f.name, out))
            } else {
                here.push((f.name, out))
            }
        }
    }
    (here, hoisted)
}

/// An entry that is no object cannot say it succeeded: it counts as a failed one, never dropped.
fn unreadable() -> Out {
    Out::Object(vec![("success", Out::Bool(false)), ("unreadable", Out::Bool(true))])
}

/// The entries of a platform list: `[..]`, `{ "type_name": [..] }`, or `{ "type_name": {..} }` (one entry,
/// as XML gives it), or one entry alone.
fn entries(v: &Value) -> Vec<&Value> {
    match v {
        Value::Array(a) => a.iter().collect(),
        Value::Object(m) if m.len() == 1 => match m.values().next() {
            Some(Value::Array(a)) => a.iter().collect(),
            Some(o @ Value::Object(_)) => vec![o],
            _ => vec![v],
        },
        Value::Object(_) => vec![v],
        _ => Vec::new(),
    }
}

fn text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

fn boolean(v: &Value) -> Option<bool> {
    match v {
        Value::Bool(b) => Some(*b),
        Value::String(s) if s.trim().eq_ignore_ascii_case("true") => Some(true),
        Value::String(s) if s.trim().eq_ignore_ascii_case("false") => Some(false),
        _ => None,
    }
}
