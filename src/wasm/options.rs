//! Decoding the options objects of `render`, `buildRequest` and `signParams` from JS. A wrong option is an
//! issue at `options.<name>`, never an exception.

use js_sys::{Date, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};

use crate::report::{Code, Issue, Params, Report};
use crate::request::{BodyMode, BuildOptions, Timestamp};
use crate::sign::SignMethod;

pub fn bad(name: &str, code: Code, params: Params) -> Report {
    Report::failed(Issue::new(format!("options.{name}"), code, params, true))
}

fn get(obj: &JsValue, key: &str) -> JsValue {
    if !obj.is_object() {
        return JsValue::UNDEFINED;
    }
    Reflect::get(obj, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

/// An optional string option (numbers are accepted as their text).
pub fn string(obj: &JsValue, key: &str) -> Result<Option<String>, Report> {
    let v = get(obj, key);
    if v.is_undefined() || v.is_null() {
        return Ok(None);
    }
    if let Some(s) = v.as_string() {
        return Ok(Some(s));
    }
    if let Some(n) = v.as_f64() {
        return Ok(Some(crate::norm::number::format_double(n)));
    }
    Err(bad(key, Code::Type, Params::new().with("expected", "string").with("got", v.js_typeof().as_string().unwrap_or_default())))
}

pub fn sign_method(name: &str, v: Option<String>) -> Result<Option<SignMethod>, Report> {
    match v {
        None => Ok(None),
        Some(s) => SignMethod::parse(&s).map(Some).ok_or_else(|| {
            let allowed = vec!["md5".to_string(), "hmac".to_string(), "hmac-sha256".to_string()];
            bad(name, Code::Enum, Params::new().with("value", s).with("allowed", allowed))
        }),
    }
}

pub fn build_options(obj: &JsValue) -> Result<BuildOptions, Report> {
    if !obj.is_object() || obj.is_function() {
        return Err(bad("appKey", Code::Missing, Params::new()));
    }
    let ts = get(obj, "timestamp");
    let timestamp = if ts.is_undefined() || ts.is_null() {
        Timestamp::Millis(Date::now() as i64)
    } else if let Some(d) = ts.dyn_ref::<Date>() {
        Timestamp::Millis(d.get_time() as i64)
    } else if let Some(n) = ts.as_f64().filter(|n| n.is_finite() && n.fract() == 0.0) {
        Timestamp::Millis(n as i64)
    } else if let Some(s) = ts.as_string() {
        Timestamp::Text(s)
    } else {
        return Err(bad("timestamp", Code::Type, Params::new().with("expected", "Date, epoch milliseconds or text").with("got", ts.js_typeof().as_string().unwrap_or_default())));
    };
    let simplify = get(obj, "simplify");
    let body = match string(obj, "body")?.as_deref() {
        None | Some("form") => BodyMode::Form,
        Some("xml") => BodyMode::Xml,
        Some(other) => return Err(bad("body", Code::Enum, Params::new().with("value", other).with("allowed", vec!["form".to_string(), "xml".to_string()]))),
    };
    let format = string(obj, "format")?;
    if let Some(f) = format.as_deref().filter(|f| *f != "json" && *f != "xml") {
        return Err(bad("format", Code::Enum, Params::new().with("value", f).with("allowed", vec!["json".to_string(), "xml".to_string()])));
    }
    Ok(BuildOptions {
        app_key: string(obj, "appKey")?.unwrap_or_default(),
        secret: string(obj, "secret")?.unwrap_or_default(),
        sign_method: sign_method("signMethod", string(obj, "signMethod")?)?,
        session: string(obj, "session")?,
        timestamp,
        format,
        target_app_key: string(obj, "targetAppKey")?,
        partner_id: string(obj, "partnerId")?,
        simplify: simplify.as_bool(),
        body,
    })
}

/// The (key, value) pairs of a params object: own enumerable keys; values as text (numbers, booleans and
/// BigInts by their JS string form); null and undefined values are blank (dropped by the signature).
pub fn params(obj: &JsValue) -> Result<Vec<(String, String)>, Report> {
    if !obj.is_object() {
        return Err(bad("params", Code::Type, Params::new().with("expected", "object").with("got", obj.js_typeof().as_string().unwrap_or_default())));
    }
    let o: &Object = obj.unchecked_ref();
    let mut out = Vec::new();
    for k in Object::keys(o).iter() {
        let key = k.as_string().unwrap_or_default();
        let v = Reflect::get(o, &k).unwrap_or(JsValue::UNDEFINED);
        let text = if v.is_undefined() || v.is_null() {
            String::new()
        } else if let Some(s) = v.as_string() {
            s
        } else if let Some(b) = v.as_bool() {
            b.to_string()
        } else if let Some(n) = v.as_f64() {
            crate::norm::number::format_double(n)
        } else if v.is_bigint() {
            v.unchecked_ref::<js_sys::BigInt>().to_string(10).map(String::from).unwrap_or_default()
        } else {
            let got = v.js_typeof().as_string().unwrap_or_default();
            return Err(bad("params", Code::Type, Params::new().with("expected", "string, number or boolean values").with("got", got).with("key", key)));
        };
        out.push((key, text));
    }
    Ok(out)
}
