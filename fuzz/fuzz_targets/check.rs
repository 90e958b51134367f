//! `check` on all four methods never panics, and what it accepts is stable: the normalized value, rendered as
//! JSON and checked again, is valid and unchanged (normalization is idempotent); and the single pass answers
//! exactly what the tree engine (its oracle) answers.
#![no_main]
use libfuzzer_sys::fuzz_target;
use qimen_payload::render::{render_value, Format};

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let Some((api, _, text)) = common::split(data) else { return };
    let r = qimen_payload::check(api.method, text);
    assert_eq!(r.ok, r.errors.is_empty());
    assert_eq!(r, qimen_payload::engine::check_by_tree(api.method, text), "the single pass and the tree engine disagree");
    if let Some(v) = &r.value {
        let again = qimen_payload::check(api.method, &render_value(api, v, Format::Json));
        assert!(again.ok, "normalized value refused: {:?}", again.errors);
        assert_eq!(again.value.as_ref(), Some(v), "normalization is not idempotent");
    }
});
