//! Rendering a normalized payload as the bytes to send: compact JSON or the platform's XML. Element names,
//! order and list entry names all come from the rule table.

use quick_xml::events::{BytesEnd, BytesStart, BytesText, Event};
use quick_xml::Writer;

use crate::engine;
use crate::report::{Code, Report};
use crate::rules::{self, Api, Field, Kind};
use crate::value::Val;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
/// What `render` writes: the payload as JSON text or as XML.
pub enum Format {
    /// JSON text, members in the table's order.
    Json,
    /// The XML body (`<request>…</request>`), list entries as their type's elements.
    Xml,
}

impl Format {
    /// Both formats.
    pub const ALL: [Format; 2] = [Format::Json, Format::Xml];
    /// The option's value, also the TOP `format` parameter.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Xml => "xml",
        }
    }
}

/// Validate and normalize `text`, then render it. An invalid payload is refused with the full report; for XML,
/// characters XML 1.0 cannot carry (warnings in `check`) become errors: we never drop data silently.
pub fn render<'a>(api: impl rules::ApiRef<'a>, text: &str, format: Format) -> Result<String, Report> {
    let api = api.resolve()?;
    let report = engine::check(api, text);
    render_report(api, report, format)
}

/// Render the value of an existing report (the wasm binding checks JS objects itself).
pub fn render_report(api: &Api, report: Report, format: Format) -> Result<String, Report> {
    match renderable(api, &report, format) {
        Some((api, v)) => Ok(render_value(api, v, format)),
        None => Err(refusal(report, format)),
    }
}

/// The body of the classic Qimen XML protocol for a checked report: the payload's XML without the routing field
/// (that protocol carries it as `customerId` in the query). The report is only borrowed: nothing is copied
/// unless it is refused.
pub fn xml_body(api: &Api, report: &Report, routing: Option<&str>) -> Result<String, Report> {
    match renderable(api, report, Format::Xml) {
        Some((api, v)) => Ok(xml(api, v, routing)),
        None => Err(refusal(report.clone(), Format::Xml)),
    }
}

/// The API and the value to render, when the report can be rendered in `format`: valid, and for XML free of
/// characters XML 1.0 cannot carry.
fn renderable<'a, 'r>(api: &'a Api, report: &'r Report, format: Format) -> Option<(&'a Api, &'r Val)> {
    if format == Format::Xml && report.warnings.iter().any(|w| w.code == Code::InvalidChar) {
        return None;
    }
    match (&report.value, report.ok) {
        (Some(v), true) => Some((api, v)),
        _ => None,
    }
}

/// Why a report cannot be rendered: its own errors, or (XML) its characters XML cannot carry, as errors.
fn refusal(report: Report, format: Format) -> Report {
    if format == Format::Xml && report.ok && report.warnings.iter().any(|w| w.code == Code::InvalidChar) {
        promote_invalid_chars(report)
    } else {
        report
    }
}

fn promote_invalid_chars(mut report: Report) -> Report {
    let (bad, rest): (Vec<_>, Vec<_>) = report.warnings.into_iter().partition(|w| w.code == Code::InvalidChar);
    report.warnings = rest;
    report.errors.extend(bad.into_iter().map(|w| crate::report::Issue::new(w.path, w.violation, true)));
    report.ok = false;
    report.value = None;
    report
}

/// Render an already normalized value (as `check` produced it) of `api`.
pub fn render_value(api: &Api, value: &Val, format: Format) -> String {
    match format {
        // Val serializes in table order; Longs beyond 2^53 as exact integers; non-ASCII as raw UTF-8.
        Format::Json => serde_json::to_string(value).unwrap_or_default(),
        Format::Xml => xml(api, value, None),
    }
}

/// The XML of a value, leaving out the top-level field `omit` if given.
fn xml(api: &Api, value: &Val, omit: Option<&str>) -> String {
    let mut w = Writer::new(Vec::with_capacity(512));
    write_element(&mut w, "request", api.fields, value, omit);
    String::from_utf8(w.into_inner()).unwrap_or_default()
}

// Writing into a Vec<u8> cannot fail; the results are ignored on purpose rather than unwrapped (no panics).
fn start(w: &mut Writer<Vec<u8>>, name: &str) {
    let _ = w.write_event(Event::Start(BytesStart::new(name)));
}
fn end(w: &mut Writer<Vec<u8>>, name: &str) {
    let _ = w.write_event(Event::End(BytesEnd::new(name)));
}

fn write_element(w: &mut Writer<Vec<u8>>, name: &str, fields: &'static [Field], value: &Val, omit: Option<&str>) {
    start(w, name);
    if let Val::Obj(members) = value {
        for (key, v) in members {
            if omit == Some(*key) {
                continue;
            }
            let Some(field) = fields.iter().find(|f| f.name == *key) else { continue };
            match (&field.kind, v) {
                (Kind::Object(o), _) => write_element(w, field.name, o.fields, v, None),
                (Kind::List(l), Val::List(entries)) => {
                    // <item><struct>…</struct>…</item>: the entry element is the SDK type name in snake case.
                    let entry = rules::xml_entry_name(l.type_name);
                    start(w, field.name);
                    for e in entries {
                        write_element(w, &entry, l.fields, e, None);
                    }
                    end(w, field.name);
                }
                _ => {
                    if let Some(text) = v.scalar_text() {
                        start(w, field.name);
                        let _ = w.write_event(Event::Text(BytesText::from_escaped(xml_text(&text))));
                        end(w, field.name);
                    }
                }
            }
        }
    }
    end(w, name);
}

/// Element text escaped for XML: the five specials, and `\r` as `&#13;` — a parser normalizes a raw CR (and
/// CRLF) to LF, so only the reference carries it through unchanged.
fn xml_text(text: &str) -> std::borrow::Cow<'_, str> {
    let escaped = quick_xml::escape::escape(text);
    if escaped.contains('\r') {
        std::borrow::Cow::Owned(escaped.replace('\r', "&#13;"))
    } else {
        escaped
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_carriage_return_survives_an_xml_parser() {
        let m = "tmall.qimendc.inventory.sync";
        let xml = super::render(m, r#"{"cp_code":"a\r\nb\rc"}"#, super::Format::Xml).expect("valid");
        assert_eq!(xml, "<request><cp_code>a&#13;\nb&#13;c</cp_code></request>");
        // Read back by a conforming parser: the text is exactly what was sent.
        let mut r = quick_xml::Reader::from_str(&xml);
        let mut text = String::new();
        loop {
            match r.read_event() {
                Ok(quick_xml::events::Event::Text(t)) => text.push_str(&t.unescape().expect("text")),
                Ok(quick_xml::events::Event::Eof) => break,
                Ok(_) => {}
                Err(e) => panic!("{e}"),
            }
        }
        assert_eq!(text, "a\r\nb\rc");
    }

    use super::*;

    #[test]
    fn xml_escapes_all_five_and_refuses_control_characters() {
        let m = "tmall.qimendc.inventory.sync";
        let xml = render(m, r#"{"cp_code":"A&B <\"x\"> 'y'"}"#, Format::Xml).expect("valid");
        assert_eq!(xml, "<request><cp_code>A&amp;B &lt;&quot;x&quot;&gt; &apos;y&apos;</cp_code></request>");
        let refused = render(m, r#"{"items":[{"item_name":"a\u0001"}]}"#, Format::Xml).expect_err("refused");
        assert_eq!(refused.errors[0].path, "items[0].item_name");
        assert_eq!(refused.errors[0].code, Code::InvalidChar);
        // JSON can carry it (escaped), so JSON rendering is not refused.
        assert_eq!(render(m, r#"{"req_id":"a\u0001"}"#, Format::Json).expect("json"), r#"{"req_id":"a\u0001"}"#);
    }

    #[test]
    fn invalid_payloads_are_refused_with_the_full_report() {
        let r = render("taobao.inventory.shopinv.adjust", "{}", Format::Json).expect_err("refused");
        assert_eq!(r.errors.len(), 1);
        assert!(r.value.is_none());
    }
}
