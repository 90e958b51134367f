//! Words on demand. A report crosses with its issues in the compact form (path, code, params, label,
//! position), which JS parses only when the issues are first read: many callers want the verdict alone, and
//! formatting two messages and the TOP form per issue — then writing, decoding and parsing them — was most of
//! an invalid payload's cost. The issues of the latest report stay here, numbered; when JS first reads a
//! report's issues it asks for their words by number. A report that is no longer the latest (another call came
//! in between) is checked again on the JS side and its words asked for then. The normalized value of the latest
//! report stays here the same way, written as JSON only when JS first reads `r.value` (`value_text`).

use std::cell::RefCell;

use serde::ser::{SerializeSeq, Serializer};
use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::report::Issue;
use crate::Val;

struct Latest {
    number: u32,
    issues: Vec<Issue>,
    value: Option<Val>,
}

thread_local! {
    static LATEST: RefCell<Latest> = const { RefCell::new(Latest { number: 0, issues: Vec::new(), value: None }) };
}

/// The number of the report about to be written (the previous one's issues are let go).
pub(super) fn next_number() -> u32 {
    LATEST.with_borrow_mut(|latest| {
        latest.number = latest.number.wrapping_add(1);
        latest.issues = Vec::new();
        latest.value = None;
        latest.number
    })
}

/// Keep the issues (errors, then warnings) and the value of the report just numbered as the latest.
pub(super) fn keep(errors: Vec<Issue>, warnings: Vec<Issue>, value: Option<Val>) {
    LATEST.with_borrow_mut(|latest| {
        latest.issues = errors;
        latest.issues.extend(warnings);
        latest.value = value;
    })
}

/// One issue's words: `[message, messageZh, topCode, topMessage]` (the TOP form `null` for a warning).
struct Words<'a>(&'a Issue);

impl Serialize for Words<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let (top_code, top_message) = self.0.top_form().unzip();
        let mut seq = s.serialize_seq(Some(4))?;
        seq.serialize_element(&self.0.message())?;
        seq.serialize_element(&self.0.message_zh())?;
        seq.serialize_element(&top_code)?;
        seq.serialize_element(&top_message)?;
        seq.end()
    }
}

/// `words(number)` → the JSON text of the words of report `number`'s issues, in order (errors, then
/// warnings), or `undefined` when that report is no longer the latest.
#[wasm_bindgen]
pub fn words(number: u32) -> Option<String> {
    LATEST.with_borrow(|latest| {
        if latest.number != number {
            return None;
        }
        let words: Vec<Words> = latest.issues.iter().map(Words).collect();
        serde_json::to_string(&words).ok()
    })
}

/// `valueText(number)` → the JSON text of report `number`'s normalized value, or `undefined` when that report is
/// no longer the latest (or has no value).
#[wasm_bindgen(js_name = valueText)]
pub fn value_text(number: u32) -> Option<String> {
    LATEST.with_borrow(|latest| match &latest.value {
        Some(v) if latest.number == number => serde_json::to_string(v).ok(),
        _ => None,
    })
}
