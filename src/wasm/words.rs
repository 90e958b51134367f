//! A report's parts on demand. A report crosses as its verdict and its number; its issues and its normalized
//! value stay here, and JS asks for them by number when `r.errors`/`r.warnings` or `r.value` is first read:
//! many callers want the verdict alone, and writing the issues with their words (two messages and the TOP form
//! each) or the value as JSON — then decoding and parsing them — was most of a call's cost. A refused report's
//! `error_response` is written here too, for the JS servers, without its issues crossing first. Only the
//! latest report is kept; one that is no longer the latest (another call came in between) is checked again on
//! the JS side and its parts asked for then.

use std::cell::RefCell;

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::report::refusal::Lang;
use crate::report::{Issue, ShownList};
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

/// `valueText(number)` → the JSON text of report `number`'s normalized value, or `undefined` when that report is
/// no longer the latest (or has no value).
#[wasm_bindgen(js_name = valueText)]
pub fn value_text(number: u32) -> Option<String> {
    LATEST.with_borrow(|latest| match &latest.value {
        Some(v) if latest.number == number => serde_json::to_string(v).ok(),
        _ => None,
    })
}

/// `issuesText(number)` → report `number`'s issues as the JS API gives them (`report::Shown`: the messages in
/// both languages, the TOP form, the path's segments; `message` null, set by js/api.js from `messageEn` or
/// `messageZh`), as JSON text `{"errors":[…],"warnings":[…]}` — or `undefined` when that report is no longer
/// the latest.
#[wasm_bindgen(js_name = issuesText)]
pub fn issues_text(number: u32) -> Option<String> {
    #[derive(Serialize)]
    struct Kept<'a> {
        errors: ShownList<'a>,
        warnings: ShownList<'a>,
    }
    latest_issues(number, |errors, warnings| {
        serde_json::to_string(&Kept { errors: ShownList(errors, None), warnings: ShownList(warnings, None) }).ok()
    })
}

/// `refusalText(number, zh)` → `{ status, body }`: the HTTP status (`report::refusal::status_of`) and the
/// `error_response` body (`report::refusal::error_response`) of refused report `number`, its issues listed as
/// the JS API gives them (`sub_msg` and `message` in Chinese when `zh`) — what a JS server answers a refused
/// body with, written without reading the issues into JS first; `undefined` when that report is no longer the
/// latest.
#[wasm_bindgen(js_name = refusalText)]
pub fn refusal_text(number: u32, zh: bool) -> JsValue {
    #[derive(Serialize)]
    struct Refusal {
        status: u16,
        body: String,
    }
    let refusal = LATEST.with_borrow(|latest| {
        (latest.number == number).then(|| {
            let errors = &latest.issues[..latest.errors.min(latest.issues.len())];
            Refusal {
                status: crate::report::refusal::status_of_errors(errors),
                body: crate::report::refusal::error_response_of(errors, lang(zh)),
            }
        })
    });
    refusal.map_or(JsValue::UNDEFINED, |r| super::to_js(&r))
}

fn lang(zh: bool) -> Lang {
    if zh {
        Lang::Zh
    } else {
        Lang::En
    }
}

/// Report `number`'s errors and warnings to `f`, when it is the latest.
fn latest_issues(number: u32, f: impl FnOnce(&[Issue], &[Issue]) -> Option<String>) -> Option<String> {
    LATEST.with_borrow(|latest| {
        if latest.number != number {
            return None;
        }
        let (errors, warnings) = latest.issues.split_at(latest.errors.min(latest.issues.len()));
        f(errors, warnings)
    })
}
