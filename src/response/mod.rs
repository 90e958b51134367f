//! Reading what the platform answers: XML or JSON, wrapped as `<response>`, as the method's response element,
//! bare, or as `error_response`; normalized to one result shape per API (`rules::ResponseShape`).

mod tree;

use serde::Serialize;
use serde_json::{Map, Value};

use crate::input::MAX_INPUT_BYTES;
use crate::report::violation::{Malformed, ResponseProblem, Violation};
use crate::report::{Issue, Report};
use crate::rules::{Api, ResponseShape};

/// One sub-order's result of `taobao.inventory.shopinv.adjust`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Detail {
    pub sub_order_id: Option<String>,
    /// Succeeded, counting an idempotent repeat as success.
    pub success: bool,
    pub idempotent: bool,
    pub idempotent_reason: Option<String>,
    pub error_code: Option<String>,
    pub error_message: Option<String>,
}

/// `result` of `taobao.inventory.shopinv.adjust`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AdjustResult {
    pub success: bool,
    pub error_code: Option<String>,
    pub error_message: Option<String>,
}

/// A parsed response. Fields that the API or the answer does not have are omitted.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Parsed {
    pub ok: bool,
    /// True for an `error_response`.
    pub error_response: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sub_code: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sub_message: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
    // POS APIs
    #[serde(skip_serializing_if = "Option::is_none")]
    pub flag: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub total: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub items: Option<Vec<String>>,
    // qimendc
    #[serde(skip_serializing_if = "Option::is_none")]
    pub qimendc_code: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub qimendc_success: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub qimendc_message: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub qimendc_request_id: Option<String>,
    // shopinv.adjust
    #[serde(skip_serializing_if = "Option::is_none")]
    pub result: Option<AdjustResult>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub details: Option<Vec<Detail>>,
    /// Some sub-orders succeeded and some did not.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub partial: Option<bool>,
}

/// No answer of the platform nests deeper than a few levels (envelope, result, list, wrapper, entry): a deeper
/// text is refused before a tree is built, so a hostile answer cannot cost more than a small multiple of its
/// size in memory (a tree of 8 MiB of nested brackets took 63× its size; nested XML elements, 89×).
pub const RESPONSE_MAX_DEPTH: usize = 16;

fn too_deep() -> Violation {
    Violation::TooDeep { limit: RESPONSE_MAX_DEPTH }
}

/// One linear pass over JSON text: refuse nesting deeper than `limit` (brackets inside strings do not count).
fn json_depth_within(t: &str, limit: usize) -> Result<(), Violation> {
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    for b in t.bytes() {
        if in_string {
            match (escaped, b) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'{' | b'[' => {
                depth += 1;
                if depth > limit {
                    return Err(too_deep());
                }
            }
            b'}' | b']' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    Ok(())
}

fn malformed(problem: ResponseProblem) -> Violation {
    Violation::Malformed(Malformed::Response(problem))
}

/// Parse a response text of `api`.
/// A refused text is a failed report with one error (its `ok` false, its path empty).
pub fn parse_response(api: &Api, text: &str) -> Result<Parsed, Report> {
    read(api, text).map_err(|v| Report::failed(Issue::whole(v)))
}

fn read(api: &Api, text: &str) -> Result<Parsed, Violation> {
    if text.len() > MAX_INPUT_BYTES {
        return Err(Violation::TooLarge { bytes: text.len(), limit: MAX_INPUT_BYTES });
    }
    let t = text.trim_start_matches('\u{FEFF}').trim_start();
    let root = match t.as_bytes().first() {
        Some(b'<') => tree::xml(t, &api.response_element())?,
        Some(b'{') => {
            json_depth_within(t, RESPONSE_MAX_DEPTH)?;
            tree::json(t, &api.response_element())?
        }
        _ => return Err(malformed(ResponseProblem::NeitherXmlNorJson)),
    };
    let Value::Object(root) = root else { return Err(malformed(ResponseProblem::NotAnObject)) };
    Ok(extract(api, root))
}

/// Unwrap the platform's envelopes and read the fields of the API's response shape.
fn extract(api: &Api, mut root: Map<String, Value>) -> Parsed {
    match root.remove("error_response") {
        Some(Value::Object(e)) => {
            return Parsed {
                ok: false,
                error_response: true,
                code: text(&e, "code"),
                message: text(&e, "msg").or_else(|| text(&e, "message")),
                sub_code: text(&e, "sub_code"),
                sub_message: text(&e, "sub_msg"),
                request_id: text(&e, "request_id"),
                ..Parsed::default()
            };
        }
        // An error_response of any other shape is still the platform's refusal, never a success.
        Some(other) => {
            let message = match other {
                Value::String(s) => Some(s),
                Value::Null => None,
                v => Some(v.to_string()),
            };
            return Parsed { ok: false, error_response: true, message, ..Parsed::default() };
        }
        None => {}
    }
    let body = match (root.remove(&api.response_element()), root.remove("response")) {
        (Some(Value::Object(m)), _) | (None, Some(Value::Object(m))) => m,
        _ => root,
    };
    let mut p = Parsed {
        code: text(&body, "code"),
        message: text(&body, "message").or_else(|| text(&body, "msg")),
        sub_code: text(&body, "sub_code"),
        sub_message: text(&body, "sub_msg").or_else(|| text(&body, "sub_message")),
        request_id: text(&body, "request_id"),
        ..Parsed::default()
    };
    match api.response {
        ResponseShape::Pos { items } => {
            p.flag = text(&body, "flag");
            // Case-sensitive, as the Qimen client's `"success".equals(flag)`: `SUCCESS` is not a success.
            p.ok = p.flag.as_deref() == Some("success");
            if items {
                p.total = text(&body, "total");
                p.items =
                    body.get("item").map(|v| entries(v).iter().filter_map(|e| e.as_object().and_then(|o| text(o, "itemCode"))).collect());
            }
        }
        ResponseShape::Qimendc => {
            p.qimendc_code = text(&body, "qimendc_code");
            p.qimendc_success = boolean(&body, "qimendc_success");
            p.qimendc_message = text(&body, "qimendc_message");
            p.qimendc_request_id = text(&body, "qimendc_request_id");
            p.ok = p.qimendc_success == Some(true);
        }
        ResponseShape::ShopinvAdjust => {
            let empty = Map::new();
            let result = body.get("result").and_then(Value::as_object).unwrap_or(&empty);
            let r = AdjustResult {
                success: boolean(result, "success") == Some(true),
                error_code: text(result, "error_code"),
                error_message: text(result, "error_message"),
            };
            // A detail that is not an object cannot say it succeeded: it counts as a failed one, not dropped.
            let details: Vec<Detail> = result
                .get("data")
                .map(|d| entries(d).iter().map(|e| e.as_object().map_or_else(unreadable_detail, detail)).collect())
                .unwrap_or_default();
            let succeeded = details.iter().filter(|d| d.success).count();
            p.ok = r.success && succeeded == details.len();
            p.partial = Some(succeeded > 0 && succeeded < details.len());
            p.result = Some(r);
            p.details = Some(details);
        }
    }
    p
}

fn unreadable_detail() -> Detail {
    Detail {
        sub_order_id: None,
        success: false,
        idempotent: false,
        idempotent_reason: None,
        error_code: None,
        error_message: Some("the detail is not an object".into()),
    }
}

fn detail(o: &Map<String, Value>) -> Detail {
    let idempotent = boolean(o, "idempotent") == Some(true);
    Detail {
        sub_order_id: text(o, "sub_order_id"),
        // An idempotent repeat was already applied: it counts as success.
        success: boolean(o, "success") == Some(true) || idempotent,
        idempotent,
        idempotent_reason: text(o, "idempotent_reason"),
        error_code: text(o, "error_code"),
        error_message: text(o, "error_msg").or_else(|| text(o, "error_message")),
    }
}

/// The entries of a platform list: `[..]`, `{ "type_name": [..] }`, or `{ "type_name": {..} }` (one entry,
/// as XML gives it).
fn entries(v: &Value) -> Vec<Value> {
    match v {
        Value::Array(a) => a.clone(),
        Value::Object(m) if m.len() == 1 => match m.values().next() {
            Some(Value::Array(a)) => a.clone(),
            Some(o @ Value::Object(_)) => vec![o.clone()],
            _ => vec![v.clone()],
        },
        Value::Object(_) => vec![v.clone()],
        _ => Vec::new(),
    }
}

fn text(m: &Map<String, Value>, key: &str) -> Option<String> {
    match m.get(key)? {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

fn boolean(m: &Map<String, Value>, key: &str) -> Option<bool> {
    match m.get(key)? {
        Value::Bool(b) => Some(*b),
        Value::String(s) if s.trim().eq_ignore_ascii_case("true") => Some(true),
        Value::String(s) if s.trim().eq_ignore_ascii_case("false") => Some(false),
        _ => None,
    }
}
