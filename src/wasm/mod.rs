//! The wasm binding: each export decodes its arguments, calls the core, and encodes the answer. No rule here.

mod js_input;

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::engine;
use crate::report::Report;
use crate::rules;
use js_input::Payload;

/// One serializer for every answer: maps as plain objects, i128 (Longs beyond 2^53) as BigInt.
fn to_js<T: Serialize + ?Sized>(v: &T) -> JsValue {
    let s = serde_wasm_bindgen::Serializer::new().serialize_maps_as_objects(true);
    v.serialize(&s).unwrap_or_else(|e| JsValue::from_str(&format!("qimen-payload: cannot encode the answer: {e}")))
}

/// The method argument as text (a non-string becomes its JS string form, and then an unknown method).
fn method_name(v: &JsValue) -> String {
    v.as_string().unwrap_or_else(|| format!("{v:?}"))
}

/// Run `check` over a payload given as JSON text, UTF-8 bytes or a JS value.
fn check_payload(method: &JsValue, payload: &JsValue) -> Report {
    let method = method_name(method);
    let Some(api) = rules::api(&method) else { return engine::unknown_method(&method) };
    match js_input::decode(payload) {
        Ok(Payload::Text(t)) => engine::check(api.method, &t),
        Ok(Payload::Tree(input)) => engine::check_input(api, &input),
        Err(e) => Report::failed(engine::parse_error_issue(e)),
    }
}

/// `check(method, payload)` → `{ ok, value, errors, warnings }`.
#[wasm_bindgen]
pub fn check(method: JsValue, payload: JsValue) -> JsValue {
    to_js(&check_payload(&method, &payload))
}

/// `methods()` → the four APIs with their list limits and descriptions.
#[wasm_bindgen]
pub fn methods() -> JsValue {
    to_js(&crate::describe::methods())
}

/// `example(method)` → the seed's request example as JSON text (`undefined` for an unknown method).
#[wasm_bindgen]
pub fn example(method: JsValue) -> Option<String> {
    rules::api(&method_name(&method)).map(|a| a.example.to_string())
}
