//! A report's parts on demand. A report crosses as its verdict and its number; its issues and its normalized
//! value stay here, and JS asks for them by number when `r.errors`/`r.warnings` or `r.value` is first read:
//! many callers want the verdict alone, and writing the issues in the compact form (path, code, params, label,
//! position) with their words (two messages and the TOP form each) or the value as JSON — then decoding and
//! parsing them — was most of a call's cost. Only the latest report is kept; one that is no longer the latest
//! (another call came in between) is checked again on the JS side and its parts asked for then.

use std::cell::RefCell;

use serde::ser::{SerializeSeq, Serializer};
use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::report::{CompactList, Issue};
use crate::Val;

struct Latest {
    number: u32,
    /// Errors, then warnings.
    issues: Vec<Issue>,
    errors: usize,
    value: Option<Val>,
}

thread_local! {
    static LATEST: RefCell<Latest> = const { RefCell::new(Latest { number: 0, issues: Vec::new(), errors: 0, value: None }) };
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
        latest.errors = errors.len();
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

/// `valueText(number)` → the JSON text of report `number`'s normalized value, or `undefined` when that report is
/// no longer the latest (or has no value).
#[wasm_bindgen(js_name = valueText)]
pub fn value_text(number: u32) -> Option<String> {
    LATEST.with_borrow(|latest| match &latest.value {
        Some(v) if latest.number == number => serde_json::to_string(v).ok(),
        _ => None,
    })
}

/// `issuesText(number)` → report `number`'s issues in the compact form with their words, as JSON text
/// (`{"errors":[…],"warnings":[…],"words":[…]}`), or `undefined` when that report is no longer the latest.
#[wasm_bindgen(js_name = issuesText)]
pub fn issues_text(number: u32) -> Option<String> {
    #[derive(Serialize)]
    struct Kept<'a> {
        errors: CompactList<'a>,
        warnings: CompactList<'a>,
        words: Vec<Words<'a>>,
    }
    LATEST.with_borrow(|latest| {
        if latest.number != number {
            return None;
        }
        let (errors, warnings) = latest.issues.split_at(latest.errors.min(latest.issues.len()));
        let kept = Kept { errors: CompactList(errors), warnings: CompactList(warnings), words: latest.issues.iter().map(Words).collect() };
        serde_json::to_string(&kept).ok()
    })
}
