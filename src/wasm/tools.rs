//! The tools' exports: `schema`, `importDoc` and `apiTypes`, built only into the tools module
//! (`--features wasm-tools`, pkg/qimen_payload_tools_bg.wasm). The default module leaves them out — they are
//! 56 KB of its 328 KB gzipped (BENCHMARKS.md, issue 33) and no check, render or request needs them — and the JS
//! entry points load the tools module on first use (js/api.js `tool`).

use wasm_bindgen::prelude::*;

use super::{api_of, bounded_text, outcome, to_js, Done, TableRefusal};
use crate::engine;
use crate::report::Report;
use crate::rules::{self, Api};

/// `schema(method)` → `{ ok, value: JSON Schema as text }` of the canonical payload, derived from the rule table.
/// Text, parsed by the JS entry point (one string crosses the boundary, not a tree of values built one by one).
#[wasm_bindgen]
pub fn schema(method: JsValue) -> JsValue {
    outcome(api_of(&method).map(|api| crate::describe::schema(api).to_string()))
}

/// `importDoc(text, overlay?)` → `{ ok: true, value: JSON text of { table, review } }` from the platform's doc JSON or doc
/// page, the overlay (JSON text) merged over the table; or the refusal
/// `{ ok: false, errors }` (problems at paths into the doc or the table it would make).
#[wasm_bindgen(js_name = importDoc)]
pub fn import_doc(text: JsValue, overlay: JsValue) -> JsValue {
    let text = match bounded_text(&text, crate::import::MAX_DOC_BYTES, "the doc") {
        Ok(t) => t,
        Err(refusal) => return refusal,
    };
    let overlay = match overlay.is_undefined() {
        true => None,
        false => match bounded_text(&overlay, rules::table::load::MAX_TABLE_BYTES, "the overlay") {
            Ok(t) => Some(t),
            Err(refusal) => return refusal,
        },
    };
    match crate::import::import_with_overlay(&text, overlay.as_deref()) {
        // As JSON text (the JS side parses it): the module's one serializer of tables.
        Ok(imported) => to_js(&Done { ok: true, value: &serde_json::to_string(&imported).unwrap_or_default() }),
        Err(problems) => to_js(&TableRefusal { ok: false, errors: &problems }),
    }
}

/// `apiTypes(methods)` → `{ ok, value: TypeScript text }`: the interfaces of those methods' tables and a module
/// augmentation adding them to the package's `Payloads`, `Values` and `Responses` (`qimen-payload types`).
#[wasm_bindgen(js_name = apiTypes)]
pub fn api_types(methods: Vec<String>) -> JsValue {
    let apis: Result<Vec<&'static Api>, Report> = methods.iter().map(|m| rules::api(m).ok_or_else(|| engine::unknown_method(m))).collect();
    outcome(apis.map(|a| crate::describe::augmentation(&a)))
}
