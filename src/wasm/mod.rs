//! The wasm binding: each export decodes its arguments, calls the core, and encodes the answer. No rule here.
//! Exports that can be refused answer `{ ok: true, value }` or `{ ok: false, errors, warnings }`; the JS entry
//! points turn a refusal into a thrown `PayloadError`.

mod js_input;
mod options;
mod safe;
#[cfg(feature = "wasm-tools")]
mod tools;
mod words;

pub use words::{issues_text, value_text};

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::engine;
use crate::input::Input;
use crate::render;
use crate::report::violation::{Expected, Violation};
use crate::report::Report;
use crate::rules::{self, Api};
use crate::{chunk as chunking, request, response, sign};
use js_input::Payload;

/// One serializer for every answer: maps as plain objects, i128 (Longs beyond 2^53) as BigInt.
fn to_js<T: Serialize + ?Sized>(v: &T) -> JsValue {
    let s = serde_wasm_bindgen::Serializer::new().serialize_maps_as_objects(true);
    v.serialize(&s).unwrap_or_else(|e| JsValue::from_str(&format!("qimen-payload: cannot encode the answer: {e}")))
}

#[derive(Serialize)]
struct Done<'a, T: Serialize> {
    ok: bool,
    value: &'a T,
}

/// `{ ok: true, value }` or the refusing report (which has `ok: false`).
fn outcome<T: Serialize>(r: Result<T, Report>) -> JsValue {
    match r {
        Ok(v) => to_js(&Done { ok: true, value: &v }),
        Err(report) => to_js(&report),
    }
}

/// The method argument as text (a non-string becomes its type name, and then an unknown method).
fn method_name(v: &JsValue) -> String {
    // No method name is this long: a longer string is not copied into wasm memory at all (a 200 MiB name
    // would exhaust it), only its head, for the message.
    const LONGEST: u32 = 256;
    if let Some(js) = v.dyn_ref::<js_sys::JsString>() {
        if js.length() > LONGEST {
            return String::from(js.slice(0, LONGEST)) + "…";
        }
    }
    // Not `{v:?}`: JsValue's Debug pulls Rust's f64 formatting (~14 KB) into the module.
    v.as_string().unwrap_or_else(|| options::type_of(v).as_param())
}

fn api_of(method: &JsValue) -> Result<&'static Api, Report> {
    let m = method_name(method);
    rules::api(&m).ok_or_else(|| engine::unknown_method(&m))
}

/// Decode the payload and hand its input tree to `f`.
fn with_input<T>(payload: &JsValue, f: impl FnOnce(&Input) -> Result<T, Report>) -> Result<T, Report> {
    match js_input::decode(payload) {
        Ok(Payload::Text(t)) => match crate::input::parse(&t) {
            Ok(i) => f(&i),
            Err(e) => Err(Report::failed(engine::parse_error_issue(e))),
        },
        Ok(Payload::Tree(i)) => f(&i),
        Err(e) => Err(Report::failed(engine::parse_error_issue(e))),
    }
}

/// Check a payload: text by the single pass (no input tree), a JS value by walking the tree it is decoded to.
fn check_payload(method: &JsValue, payload: &JsValue) -> Report {
    check_api(api_of(method), payload)
}

fn check_api(api: Result<&'static Api, Report>, payload: &JsValue) -> Report {
    match api {
        Ok(api) => match js_input::decode(payload) {
            Ok(Payload::Text(t)) => engine::check(api, &t),
            Ok(Payload::Tree(i)) => engine::check_input(api, &i),
            Err(e) => Report::failed(engine::parse_error_issue(e)),
        },
        Err(r) => r,
    }
}

/// The API at an index `methodIndex` gave.
fn api_at(index: u32) -> Result<&'static Api, Report> {
    rules::api_at(index as usize).ok_or_else(|| engine::unknown_method(&format!("#{index}")))
}

/// Does a value hold a Long that a JS number cannot carry exactly?
fn has_unsafe_long(v: &crate::Val) -> bool {
    use crate::value::{Val, MAX_SAFE_INTEGER};
    match v {
        Val::Long(n) => !(-MAX_SAFE_INTEGER..=MAX_SAFE_INTEGER).contains(n),
        Val::Obj(m) => m.iter().any(|(_, x)| has_unsafe_long(x)),
        Val::List(l) => l.iter().any(has_unsafe_long),
        Val::Str(_) | Val::Bool(_) => false,
    }
}

/// What a report's number says besides the number (its low bits): `OK` the verdict, `ISSUES` that it has issues,
/// `VALUE` that it has a normalized value — both kept here until asked for (`issuesText`, `valueText`). The
/// other end of this protocol is `js/api.js` (`report`).
const OK: u8 = 1;
const ISSUES: u8 = 2;
const VALUE: u8 = 4;
/// Where the report's number starts: `answer = number × 8 + flags`.
const NUMBER_UNIT: f64 = 8.0;

/// A report for JS: one number (its number and what it has, [`OK`], [`ISSUES`], [`VALUE`]), its issues and value
/// kept here. Building the same objects property by property through serde-wasm-bindgen costs several times
/// more (BENCHMARKS.md), and so did a line of JSON text for the verdict (writing, decoding and slicing it). The
/// JS side reads the verdict at once, and asks for the issues with their words (`issuesText`) when `r.errors` or
/// `r.warnings` is first read, for the value's JSON (`valueText`) when `r.value` is: a caller that wants the
/// verdict pays for neither, not even their writing. A value with a Long beyond 2^53 takes the object path,
/// where it becomes an exact BigInt.
fn report_to_js(report: Report) -> JsValue {
    if report.value.as_ref().is_some_and(has_unsafe_long) {
        return to_js(&report);
    }
    let number = words::next_number();
    let has_issues = !(report.errors.is_empty() && report.warnings.is_empty());
    let flags = (u8::from(report.ok) * OK) | (u8::from(has_issues) * ISSUES) | (u8::from(report.value.is_some()) * VALUE);
    words::keep(report.errors, report.warnings, report.value);
    JsValue::from_f64(f64::from(number) * NUMBER_UNIT + f64::from(flags))
}

/// `verdict(method, payload)` → the report without the normalized value: what a caller that only needs to
/// know whether the payload is valid (and why not) reads, without the value's writing and reading.
#[wasm_bindgen]
pub fn verdict(method: JsValue, payload: JsValue) -> JsValue {
    report_to_js(without_value(check_payload(&method, &payload)))
}

/// A report as `verdict` answers it: its value let go before it crosses (nothing writes or keeps it).
fn without_value(report: Report) -> Report {
    Report { value: None, ..report }
}

/// `check(method, payload)` → the report `{ ok, value, errors, warnings }`: its number (`report_to_js`), or an object.
#[wasm_bindgen]
pub fn check(method: JsValue, payload: JsValue) -> JsValue {
    report_to_js(check_payload(&method, &payload))
}

/// `methodIndex(method)` → the method's index (`rules::index_of`), or -1 for no callable method: the JS side
/// calls `checkAt`/`verdictAt` with it, so a check copies no method name in. Valid until the next
/// `registerApi` or `unregisterApi` (or instance).
#[wasm_bindgen(js_name = methodIndex)]
pub fn method_index(method: JsValue) -> i32 {
    // `method_name`: a name longer than any method is not copied in.
    rules::index_of(&method_name(&method)).map_or(-1, |i| i as i32)
}

/// `checkAt(index, payload)`: `check` of the method at `methodIndex`'s index.
#[wasm_bindgen(js_name = checkAt)]
pub fn check_at(index: u32, payload: JsValue) -> JsValue {
    report_to_js(check_api(api_at(index), &payload))
}

/// `verdictAt(index, payload)`: `verdict` of the method at `methodIndex`'s index.
#[wasm_bindgen(js_name = verdictAt)]
pub fn verdict_at(index: u32, payload: JsValue) -> JsValue {
    report_to_js(without_value(check_api(api_at(index), &payload)))
}

/// `checkXml(method, text, customerId?)` → the report of a payload given as an XML body (`<request>…</request>`,
/// the Qimen classic protocol), read by the API's table and checked exactly like JSON. `customerId` is the
/// query's routing id, which that protocol sends instead of the body's routing field.
#[wasm_bindgen(js_name = checkXml)]
pub fn check_xml(method: JsValue, text: JsValue, customer_id: JsValue) -> JsValue {
    let r = api_of(&method).and_then(|api| {
        let t = options::string_value(&text, "text")?.unwrap_or_default();
        let routing = options::string_value(&customer_id, "customerId")?;
        crate::validate::xml_input::parse_request(api, &t, routing.as_deref())
            .map(|input| engine::check_input(api, &input))
            .map_err(|e| Report::failed(engine::parse_error_issue(e)))
    });
    report_to_js(r.unwrap_or_else(|r| r))
}

/// `render(method, payload, format)` → the rendered text (a string), or the refusing report (an object).
#[wasm_bindgen]
pub fn render(method: JsValue, payload: JsValue, format: JsValue) -> JsValue {
    let r = options::format(&format)
        .and_then(|format| api_of(&method).and_then(|api| render::render_report(api, check_payload(&method, &payload), format)));
    match r {
        Ok(text) => JsValue::from_str(&text),
        Err(report) => to_js(&report),
    }
}

/// `chunk(method, payload)` → `{ ok, value: [payload…] }` or the refusing report.
#[wasm_bindgen]
pub fn chunk(method: JsValue, payload: JsValue) -> JsValue {
    outcome(api_of(&method).and_then(|api| with_input(&payload, |i| chunking::chunk_input(api, i))))
}

/// `buildRequest(method, payload, options)` → `{ ok, value: { query, queryString, form, body, contentType, sign } }`.
#[wasm_bindgen(js_name = buildRequest)]
pub fn build_request(method: JsValue, payload: JsValue, opts: JsValue) -> JsValue {
    let r = api_of(&method).and_then(|api| {
        let o = options::build_options(&opts)?;
        request::build_from_report(api, check_payload(&method, &payload), &o)
    });
    outcome(r)
}

/// `signParams(params, secret, signMethod, body?)` → `{ ok, value: "HEX" }`.
#[wasm_bindgen(js_name = signParams)]
pub fn sign_params(params: JsValue, secret: JsValue, sign_method: JsValue, body: JsValue) -> JsValue {
    let r = (|| {
        let pairs = options::params(&params)?;
        let secret = options::string_value(&secret, "secret")?
            .filter(|s| !s.is_empty())
            .ok_or_else(|| options::bad("secret", Violation::Missing))?;
        let method =
            options::sign_method("signMethod", options::string_value(&sign_method, "signMethod")?)?.unwrap_or(sign::SignMethod::Md5);
        let body = options::string_value(&body, "body")?;
        Ok(sign::sign_params(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())), &secret, method, body.as_deref()))
    })();
    outcome(r)
}

/// `parseResponse(method, text)` → `{ ok: true, value: parsed }` or `{ ok: false, errors }` for unreadable text.
#[wasm_bindgen(js_name = parseResponse)]
pub fn parse_response(method: JsValue, text: JsValue) -> JsValue {
    let r = api_of(&method).and_then(|api| {
        let t = match js_input::decode(&text) {
            Ok(Payload::Text(t)) => t,
            // Refused before the copy (too large), not mistaken for a wrong type.
            Err(e @ crate::input::ParseError::TooLarge { .. }) => return Err(Report::failed(engine::parse_error_issue(e))),
            _ => {
                return Err(options::bad("text", Violation::Type { expected: Expected::String, got: options::type_of(&text), value: None }))
            }
        };
        response::parse_response(api, &t)
    });
    outcome(r)
}

/// `methods()` → the registered APIs with their list limits and descriptions.
#[wasm_bindgen]
pub fn methods() -> JsValue {
    to_js(&crate::describe::methods())
}

/// `refusal(kind, value, atLeast)` → the failed report the server adapters answer before a body reaches
/// `check` (its messages and TOP form written by the core, like every other issue): `too_large` (`value`
/// bytes; `atLeast` when reading stopped there), `content_type` (the media type), `timeout` (ms), `malformed`
/// (the stream's error).
#[wasm_bindgen]
pub fn refusal(kind: &str, value: JsValue, at_least: bool) -> JsValue {
    // The texts are the caller's (a header, an error message): bounded before they enter a message.
    let text = || value.as_string().map(|s| s.chars().take(200).collect::<String>()).unwrap_or_default();
    let v = match kind {
        "too_large" => {
            Violation::BodyTooLarge { bytes: value.as_f64().unwrap_or(0.0) as usize, limit: crate::input::MAX_INPUT_BYTES, at_least }
        }
        "content_type" => Violation::ContentType { content_type: text() },
        "timeout" => Violation::Timeout { ms: value.as_f64().unwrap_or(0.0) as u64 },
        _ => Violation::Malformed(crate::report::violation::Malformed::Body { detail: text() }),
    };
    to_js(&Report::failed(crate::report::Issue::whole(v)))
}

/// `example(method)` → the seed's request example as JSON text (`undefined` for an unknown method).
#[wasm_bindgen]
pub fn example(method: JsValue) -> Option<String> {
    rules::api(&method_name(&method)).map(crate::describe::example)
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Limits {
    max_input_bytes: usize,
    max_depth: usize,
    max_issues: usize,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ProtocolFacts {
    system_params: &'static [&'static str],
    formats: Vec<&'static str>,
    sign_methods: Vec<&'static str>,
    version: &'static str,
    routers: request::Routers,
    endpoints: &'static [request::Endpoint],
    timestamp_window_ms: u64,
}

/// `protocol()` → `{ systemParams, formats, signMethods, version, routers, endpoints, timestampWindowMs }`: the
/// wire protocol's facts as the core declares them (what the local gateway checks requests against, where the
/// proxy and the console send them, how long a signed request stays valid).
#[wasm_bindgen]
pub fn protocol() -> JsValue {
    to_js(&ProtocolFacts {
        system_params: request::SYSTEM_PARAMS,
        formats: render::Format::ALL.iter().map(|f| f.as_str()).collect(),
        sign_methods: sign::SignMethod::ALL.iter().map(|m| m.as_str()).collect(),
        version: request::API_VERSION,
        routers: request::ROUTERS,
        endpoints: request::ENDPOINTS,
        timestamp_window_ms: request::TIMESTAMP_WINDOW_MS,
    })
}

/// `limits()` → `{ maxInputBytes, maxDepth, maxIssues }`: the core's input bounds (so that a Node body reader
/// can stop reading where the core would refuse anyway).
#[wasm_bindgen]
pub fn limits() -> JsValue {
    to_js(&Limits { max_input_bytes: crate::input::MAX_INPUT_BYTES, max_depth: crate::input::MAX_DEPTH, max_issues: engine::MAX_ISSUES })
}

/// `fields(method)` → `{ ok, value: [field…] }`: the rule table as data (labels, kinds, limits, enum codes), from
/// which a console builds its form.
#[wasm_bindgen]
pub fn fields(method: JsValue) -> JsValue {
    outcome(api_of(&method).map(crate::describe::fields))
}

/// `memoryBytes()` → the size of the module's linear memory (for monitoring long-lived instances: it must stay
/// flat under load, since a failed call must not leak).
#[wasm_bindgen(js_name = memoryBytes)]
pub fn memory_bytes() -> f64 {
    (core::arch::wasm32::memory_size(0) * 65536) as f64
}

/// A table, doc or overlay argument as text, refused before it is copied into wasm memory when it is longer
/// than `limit` (a UTF-16 length over the limit is a UTF-8 length over it too) or no string at all.
fn bounded_text(v: &JsValue, limit: usize, what: &str) -> Result<String, JsValue> {
    let refuse = |code: rules::table::TableCode, message: String| {
        to_js(&TableRefusal { ok: false, errors: &[rules::table::TableProblem { path: String::new(), code, message }] })
    };
    let Some(js) = v.dyn_ref::<js_sys::JsString>() else {
        return Err(refuse(
            rules::table::TableCode::Shape,
            format!("{what} is text (or bytes, or its parsed object, given to the JS API)"),
        ));
    };
    if js.length() as usize > limit {
        return Err(refuse(rules::table::TableCode::TooLarge, format!("{what} is longer than {limit} bytes")));
    }
    Ok(String::from(js))
}

#[derive(Serialize)]
struct TableRefusal<'a> {
    ok: bool,
    errors: &'a [rules::table::TableProblem],
}

/// `registerApi(text)` → `{ ok: true, value: method }`, or `{ ok: false, errors: [{ path, code, message }] }`
/// at paths into the table file. After it every function takes the method (`rules::registry`).
#[wasm_bindgen(js_name = registerApi)]
pub fn register_api(text: JsValue) -> JsValue {
    let text = match bounded_text(&text, rules::table::load::MAX_TABLE_BYTES, "the table") {
        Ok(t) => t,
        Err(refusal) => return refusal,
    };
    match rules::registry::register(&text) {
        Ok(api) => to_js(&Done { ok: true, value: &api.method }),
        Err(problems) => to_js(&TableRefusal { ok: false, errors: &problems }),
    }
}

/// `unregisterApi(method)` → whether a registered method was removed (shipped ones cannot be).
#[wasm_bindgen(js_name = unregisterApi)]
pub fn unregister_api(method: JsValue) -> bool {
    rules::registry::unregister(&method_name(&method))
}

/// `exportApi(method)` → `{ ok, value: the table file as JSON text }`, for shipped and registered methods alike.
#[wasm_bindgen(js_name = exportApi)]
pub fn export_api(method: JsValue) -> JsValue {
    outcome(api_of(&method).map(|api| serde_json::to_string(&rules::table::export(api)).unwrap_or_default()))
}
