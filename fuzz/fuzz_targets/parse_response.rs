//! `parseResponse` never panics on any text, XML or JSON or neither.
#![no_main]
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let Some((api, _, text)) = common::split(data) else { return };
    if let Ok(p) = qimen_payload::response::parse_response(api, text) {
        if let Some(d) = &p.details {
            // ok means every detail succeeded
            assert!(!p.ok || d.iter().all(|x| x.success));
        }
    }
});
