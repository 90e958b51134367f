//! `render` never panics; the XML it produces is well-formed for an independent reader, and the JSON parses.
#![no_main]
use libfuzzer_sys::fuzz_target;
use qimen_payload::render::{render, Format};

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let Some((api, first, text)) = common::split(data) else { return };
    let format = if first & 0x80 == 0 { Format::Xml } else { Format::Json };
    let Ok(out) = render(api.method, text, format) else { return };
    match format {
        Format::Json => {
            serde_json::from_str::<serde_json::Value>(&out).expect("rendered JSON parses");
        }
        Format::Xml => {
            let mut reader = quick_xml::Reader::from_str(&out);
            loop {
                match reader.read_event().expect("rendered XML is well-formed") {
                    quick_xml::events::Event::Eof => break,
                    quick_xml::events::Event::Text(t) => {
                        t.unescape().expect("escapes are valid");
                    }
                    _ => {}
                }
            }
        }
    }
});
