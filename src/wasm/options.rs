//! Decoding the options objects of `render`, `buildRequest` and `signParams` from JS. A wrong option is an
//! issue at `options.<name>`, never an exception.

use js_sys::{Date, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};

use crate::input::MAX_INPUT_BYTES;
use crate::norm::number::format_double;
use crate::render::Format;
use crate::report::violation::{Allowed, Expected, Got, Violation};
use crate::report::{Issue, Report};
use crate::request::{BodyMode, BuildOptions, Timestamp};
use crate::sign::SignMethod;

pub fn bad(name: &str, violation: Violation) -> Report {
    Report::failed(Issue::new(format!("options.{name}"), violation, true))
}

fn type_error(name: &str, expected: Expected, got: Got) -> Report {
    bad(name, Violation::Type { expected, got, value: None })
}

/// What an argument is, for a type issue.
pub fn type_of(v: &JsValue) -> Got {
    if v.is_null() {
        return Got::Null;
    }
    if super::safe::array(v) {
        return Got::Array;
    }
    if let Some(n) = v.as_f64() {
        return match n {
            n if n.is_nan() => Got::NaN,
            n if n == f64::INFINITY => Got::Infinity,
            n if n == f64::NEG_INFINITY => Got::NegativeInfinity,
            _ => Got::Number,
        };
    }
    match v.js_typeof().as_string().as_deref() {
        Some("undefined") => Got::Undefined,
        Some("boolean") => Got::Boolean,
        Some("string") => Got::String,
        Some("bigint") => Got::BigInt,
        Some("symbol") => Got::Symbol,
        Some("function") => Got::Function,
        Some("object") => Got::Object,
        _ => Got::Instance(None),
    }
}

/// A member of an options object; a getter that throws is an issue at the option, not an exception.
fn get(obj: &JsValue, key: &str) -> Result<JsValue, Report> {
    if !obj.is_object() {
        return Ok(JsValue::UNDEFINED);
    }
    Reflect::get(obj, &JsValue::from_str(key)).map_err(|_| type_error(key, Expected::Value, Got::ThrowingGetter))
}

/// An optional string argument or option (finite numbers are accepted as their text); anything else is a type
/// issue at `options.<name>`, never silently ignored.
pub fn string_value(v: &JsValue, name: &str) -> Result<Option<String>, Report> {
    if v.is_undefined() || v.is_null() {
        return Ok(None);
    }
    // Bounded like a payload, and refused before the copy into wasm memory (a UTF-16 unit is at least a byte).
    if let Some(js) = v.dyn_ref::<js_sys::JsString>() {
        let units = js.length() as usize;
        if units > MAX_INPUT_BYTES {
            return Err(bad(name, Violation::TooLarge { bytes: units, limit: MAX_INPUT_BYTES }));
        }
    }
    if let Some(s) = v.as_string() {
        // Every string option is signed or sent as UTF-8 (the secret, a session, a body); a lone surrogate has
        // no UTF-8, and the copy would sign U+FFFD where the server reads something else.
        if super::js_input::has_lone_surrogate(&s, v) {
            return Err(type_error(name, Expected::TextWithoutLoneSurrogates, Got::LoneSurrogateString));
        }
        return Ok(Some(s));
    }
    if let Some(n) = v.as_f64().filter(|n| n.is_finite()) {
        return Ok(Some(format_double(n)));
    }
    Err(type_error(name, Expected::String, type_of(v)))
}

/// The `format` argument of `render`: "json" (the default) or "xml".
pub fn format(v: &JsValue) -> Result<Format, Report> {
    Ok(choice("format", string_value(v, "format")?, &Format::ALL, Format::as_str)?.unwrap_or(Format::Json))
}

/// An optional string option of an options object.
pub fn string(obj: &JsValue, key: &str) -> Result<Option<String>, Report> {
    string_value(&get(obj, key)?, key)
}

/// One of a core enum's values, named as in `ALL` (any case): the allowed list comes from the enum itself.
/// The value is not repeated: options are where a secret lands by mistake (`{ format: secret }`), and the
/// allowed list says all a caller needs.
fn choice<T: Copy>(name: &str, v: Option<String>, all: &[T], as_str: fn(T) -> &'static str) -> Result<Option<T>, Report> {
    let Some(s) = v else { return Ok(None) };
    match all.iter().copied().find(|x| as_str(*x).eq_ignore_ascii_case(s.trim())) {
        Some(x) => Ok(Some(x)),
        None => Err(bad(
            name,
            Violation::Enum { value: None, allowed: Allowed::Words(all.iter().map(|x| as_str(*x).to_string()).collect()), reason: None },
        )),
    }
}

pub fn sign_method(name: &str, v: Option<String>) -> Result<Option<SignMethod>, Report> {
    match v {
        None => Ok(None),
        Some(s) => SignMethod::parse(&s).map(Some).ok_or_else(|| {
            let allowed = Allowed::Words(SignMethod::ALL.iter().map(|m| m.as_str().to_string()).collect());
            // The value is not repeated: `signParams(p, 'hmac-sha256', secret)` (arguments swapped) puts the
            // secret here, and an error must never carry it.
            bad(name, Violation::Enum { value: None, allowed, reason: None })
        }),
    }
}

pub fn build_options(obj: &JsValue) -> Result<BuildOptions, Report> {
    if obj.is_undefined() || obj.is_null() {
        return Err(bad("appKey", Violation::Missing));
    }
    if !obj.is_object() || obj.is_function() || super::safe::array(obj) {
        return Err(bad_options(obj));
    }
    let ts = get(obj, "timestamp")?;
    let timestamp = if ts.is_undefined() || ts.is_null() {
        Timestamp::Millis(Date::now() as i64)
    } else if let Some(d) = ts.dyn_ref::<Date>() {
        Timestamp::Millis(d.get_time() as i64)
    } else if let Some(n) = ts.as_f64().filter(|n| n.is_finite() && n.fract() == 0.0) {
        Timestamp::Millis(n as i64)
    } else if let Some(s) = ts.as_string() {
        Timestamp::Text(s)
    } else {
        return Err(type_error("timestamp", Expected::DateLike, type_of(&ts)));
    };
    let simplify = match get(obj, "simplify")? {
        v if v.is_undefined() || v.is_null() => None,
        v => Some(v.as_bool().ok_or_else(|| type_error("simplify", Expected::Boolean, type_of(&v)))?),
    };
    let body = choice("body", string(obj, "body")?, &BodyMode::ALL, BodyMode::as_str)?.unwrap_or(BodyMode::Form);
    let format = choice("format", string(obj, "format")?, &Format::ALL, Format::as_str)?;
    Ok(BuildOptions {
        app_key: string(obj, "appKey")?.unwrap_or_default(),
        secret: string(obj, "secret")?.unwrap_or_default(),
        sign_method: sign_method("signMethod", string(obj, "signMethod")?)?,
        session: string(obj, "session")?,
        timestamp,
        format,
        target_app_key: string(obj, "targetAppKey")?,
        // Absent: this library's id, as each SDK sends its own; null or '' sends none.
        partner_id: match get(obj, "partnerId")? {
            v if v.is_undefined() => Some(crate::request::DEFAULT_PARTNER_ID.to_string()),
            v => string_value(&v, "partnerId")?,
        },
        simplify,
        body,
    })
}

/// The (key, value) pairs of a params object: own enumerable keys; values as text (numbers, booleans and
/// BigInts by their JS string form); null and undefined values are blank (dropped by the signature).
pub fn params(obj: &JsValue) -> Result<Vec<(String, String)>, Report> {
    if !obj.is_object() || obj.is_function() || super::safe::array(obj) {
        return Err(type_error("params", Expected::Object, type_of(obj)));
    }
    let o: &Object = obj.unchecked_ref();
    let mut out = Vec::new();
    let keys = super::safe::keys(o).map_err(|_| type_error("params", Expected::Object, Got::UnreadableKeys))?;
    let mut total = 0usize;
    for k in keys.iter() {
        // All keys and values together are bounded like a payload, each checked before its copy.
        total += k.dyn_ref::<js_sys::JsString>().map_or(0, |s| s.length() as usize);
        if total > MAX_INPUT_BYTES {
            return Err(bad("params", Violation::TooLarge { bytes: total, limit: MAX_INPUT_BYTES }));
        }
        let key = k.as_string().unwrap_or_default();
        let name = format!("params.{key}");
        let v = Reflect::get(o, &k).map_err(|_| type_error(&name, Expected::Value, Got::ThrowingGetter))?;
        total += v.dyn_ref::<js_sys::JsString>().map_or(0, |s| s.length() as usize);
        if total > MAX_INPUT_BYTES {
            return Err(bad("params", Violation::TooLarge { bytes: total, limit: MAX_INPUT_BYTES }));
        }
        let text = if v.is_undefined() || v.is_null() {
            String::new()
        } else if let Some(s) = v.as_string() {
            // The signature is over UTF-8; a lone surrogate has none, so the server could not agree with it.
            if super::js_input::has_lone_surrogate(&s, &v) {
                return Err(type_error(&name, Expected::TextWithoutLoneSurrogates, Got::LoneSurrogateString));
            }
            s
        } else if let Some(b) = v.as_bool() {
            b.to_string()
        } else if let Some(n) = v.as_f64().filter(|n| n.is_finite()) {
            // As JS writes it (`String(n)`), which is what goes on the wire: the signature agrees with the request.
            format_double(n)
        } else if v.is_bigint() {
            v.unchecked_ref::<js_sys::BigInt>().to_string(10).map(String::from).unwrap_or_default()
        } else {
            return Err(type_error(&name, Expected::Scalar, type_of(&v)));
        };
        out.push((key, text));
    }
    Ok(out)
}

/// The options argument itself is not an options object.
fn bad_options(v: &JsValue) -> Report {
    Report::failed(Issue::new("options".to_string(), Violation::Type { expected: Expected::Object, got: type_of(v), value: None }, true))
}
