//! A request payload given as XML (the Qimen classic protocol's body: `<request>…</request>`, as `render(…,
//! 'xml')` writes it) → the same input tree JSON text gives, guided by the API's table: an element named as an
//! object field is an object, the children of a list field's element are its entries (whatever their element
//! name), any other element with children is an object (so an unknown one is reported as such) and a text-only
//! element is a string. The checks that follow are the JSON path's, unchanged.
//!
//! Bounded like JSON text (size, depth); DTDs refused; only the predefined entities and character references
//! are decoded, so no entity is ever expanded.

use std::borrow::Cow;

use quick_xml::events::Event;
use quick_xml::Reader;

use super::input::{Input, ParseError, MAX_DEPTH, MAX_INPUT_BYTES};
use crate::report::violation::{Malformed, ResponseProblem};
use crate::rules::{Api, Field, Kind};
use crate::wire::response::xml_text;

/// How an element's children are read.
#[derive(Clone, Copy)]
enum Shape {
    /// An object of these table fields (empty for an object the table does not know).
    Object(&'static [Field]),
    /// A list: every child is an entry, an object of these fields.
    List(&'static [Field]),
}

struct Open {
    shape: Shape,
    name: String,
    members: Vec<(Cow<'static, str>, Input<'static>)>,
    entries: Vec<Input<'static>>,
    text: String,
    nested: bool,
}

fn malformed(p: ResponseProblem) -> ParseError {
    // The same XML faults the response reader names, said of the payload.
    ParseError::Malformed(Malformed::RequestXml(p))
}

/// Parse a Qimen classic request: the XML body, plus the query's `customerId`, which that protocol sends instead
/// of the body's routing field (`Protocol::Qimen { routing_field }`): it is put back where the table has it,
/// unless the body carries the field itself.
pub fn parse_request(api: &Api, text: &str, customer_id: Option<&str>) -> Result<Input<'static>, ParseError> {
    let mut input = parse(text, api.fields)?;
    if let (Some(field), Some(id), Input::Object(members)) = (api.protocol.routing_field(), customer_id, &mut input) {
        if !members.iter().any(|(k, _)| k == field) {
            members.push((Cow::Borrowed(field), Input::String(Cow::Owned(id.to_string()))));
        }
    }
    Ok(input)
}

/// Parse a request body in XML for an API whose top-level fields are `fields`.
pub fn parse(text: &str, fields: &'static [Field]) -> Result<Input<'static>, ParseError> {
    if text.len() > MAX_INPUT_BYTES {
        return Err(ParseError::TooLarge { bytes: text.len(), limit: MAX_INPUT_BYTES });
    }
    let mut reader = Reader::from_str(text.trim_start_matches('\u{FEFF}'));
    reader.config_mut().trim_text(true);
    let open = |shape, name: String| Open { shape, name, members: Vec::new(), entries: Vec::new(), text: String::new(), nested: false };
    let mut stack: Vec<Open> = Vec::new();
    let mut root: Option<Input<'static>> = None;
    loop {
        let event = reader.read_event().map_err(|e| malformed(ResponseProblem::NotXml { detail: e.to_string() }))?;
        match event {
            Event::Start(e) => {
                if stack.len() >= MAX_DEPTH {
                    return Err(ParseError::TooDeep { limit: MAX_DEPTH });
                }
                if root.is_some() {
                    return Err(malformed(ResponseProblem::Unbalanced));
                }
                let name = String::from_utf8_lossy(e.local_name().as_ref()).into_owned();
                let shape = match stack.last_mut() {
                    None => Shape::Object(fields),
                    Some(parent) => {
                        parent.nested = true;
                        child_shape(parent.shape, &name)
                    }
                };
                stack.push(open(shape, name));
            }
            Event::Empty(e) => {
                let name = String::from_utf8_lossy(e.local_name().as_ref()).into_owned();
                match stack.last_mut() {
                    // `<request/>`: an empty payload. A second root element is no XML document.
                    None if root.is_some() => return Err(malformed(ResponseProblem::Unbalanced)),
                    None => root = Some(Input::Object(Vec::new())),
                    Some(parent) => {
                        parent.nested = true;
                        let v = match child_shape(parent.shape, &name) {
                            Shape::List(_) => Input::Array(Vec::new()),
                            Shape::Object(_) => Input::String(Cow::Borrowed("")),
                        };
                        add(parent, name, v);
                    }
                }
            }
            Event::Text(t) => {
                let s = xml_text(&t).map_err(malformed)?;
                if let Some(top) = stack.last_mut() {
                    top.text.push_str(&s);
                }
            }
            Event::CData(c) => {
                if let Some(top) = stack.last_mut() {
                    top.text.push_str(&String::from_utf8_lossy(&c));
                }
            }
            Event::End(_) => {
                let Some(done) = stack.pop() else { return Err(malformed(ResponseProblem::Unbalanced)) };
                let name = done.name.clone();
                let v = close(done);
                match stack.last_mut() {
                    Some(parent) => add(parent, name, v),
                    None => root = Some(v),
                }
            }
            Event::DocType(_) => return Err(malformed(ResponseProblem::Doctype)),
            Event::Eof => break,
            Event::Decl(_) | Event::PI(_) | Event::Comment(_) => {}
        }
    }
    if !stack.is_empty() {
        return Err(malformed(ResponseProblem::Unclosed));
    }
    match root {
        Some(Input::String(s)) if s.is_empty() => Ok(Input::Object(Vec::new())),
        Some(v) => Ok(v),
        None => Err(malformed(ResponseProblem::NoRoot)),
    }
}

fn child_shape(parent: Shape, name: &str) -> Shape {
    match parent {
        Shape::List(entry) => Shape::Object(entry),
        Shape::Object(fields) => match fields.iter().find(|f| f.name == name).map(|f| &f.kind) {
            Some(Kind::Object(o)) => Shape::Object(o.fields),
            Some(Kind::List(l)) => Shape::List(l.fields),
            _ => Shape::Object(&[]),
        },
    }
}

fn add(parent: &mut Open, name: String, v: Input<'static>) {
    match parent.shape {
        Shape::List(_) => parent.entries.push(v),
        Shape::Object(_) => parent.members.push((Cow::Owned(name), v)),
    }
}

fn close(done: Open) -> Input<'static> {
    match done.shape {
        Shape::List(_) => Input::Array(done.entries),
        // A text-only element is a string; one with children an object (its text between them is ignored).
        Shape::Object(_) if done.nested => Input::Object(done.members),
        Shape::Object(_) => Input::String(Cow::Owned(done.text)),
    }
}

#[cfg(test)]
mod tests {
    use crate::render::{render, Format};
    use crate::rules::APIS;

    /// Every API's example, rendered as XML and read back, checks exactly like its JSON.
    #[test]
    fn xml_bodies_read_back_to_the_same_value() {
        for api in APIS {
            let example = crate::describe::example(api);
            let xml = render(api.method, &example, Format::Xml).expect("renders");
            let input = super::parse(&xml, api.fields).expect("reads");
            let from_xml = crate::engine::check_input(api, &input);
            let from_json = crate::check(api.method, &example);
            assert!(from_xml.ok, "{}: {:?}", api.method, from_xml.errors);
            assert_eq!(from_xml.value, from_json.value, "{}", api.method);
        }
    }

    #[test]
    fn bad_xml_is_refused_not_guessed() {
        let api = APIS[0];
        for bad in ["<request><a>", "<!DOCTYPE x><request/>", "<request>&nope;</request>", "", "<a/><b/>", "<request>\u{1}</request>"] {
            assert!(super::parse(bad, api.fields).is_err(), "{bad:?}");
        }
        assert!(super::parse("<request/>", api.fields).is_ok());
    }
}
