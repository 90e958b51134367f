//! JS value → input tree, for payloads passed as objects. Never throws and never traps: whatever JSON cannot
//! express becomes an input node the engine reports at its path.
//!
//! Like `JSON.stringify`: `undefined` members are dropped. Unlike it: NaN/±Infinity, functions, symbols,
//! Maps, Sets and class instances are reported (not turned into `null` or `{}`), a BigInt is an exact integer,
//! a `Date` is accepted where a date is expected, and a lone surrogate is reported instead of being replaced.

use std::borrow::Cow;

use js_sys::{BigInt, Date, JsString, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};

use super::safe;
use crate::input::{Input, Num, ParseError, MAX_DEPTH, MAX_INPUT_BYTES};
use crate::report::violation::{Got, Malformed};

/// Most nodes (values) one object payload may hold: the largest legal payload has a few thousand.
pub const MAX_NODES: usize = 1_000_000;

/// What the payload argument turned out to be.
pub enum Payload {
    /// JSON text (a JS string, or UTF-8 bytes in a Uint8Array/Buffer).
    Text(String),
    /// A JS value converted to an input tree.
    Tree(Input<'static>),
}

struct Budget {
    nodes: usize,
    bytes: usize,
}

/// Decode the payload argument. Errors are parse errors (size, depth, invalid UTF-8), reported like text ones.
pub fn decode(v: &JsValue) -> Result<Payload, ParseError> {
    refuse_long_string(v, 0)?;
    if let Some(s) = v.as_string() {
        if has_lone_surrogate(&s, v) {
            return Err(ParseError::Malformed(Malformed::LoneSurrogateInText));
        }
        return Ok(Payload::Text(s));
    }
    if let Some(bytes) = v.dyn_ref::<Uint8Array>() {
        if bytes.length() as usize > MAX_INPUT_BYTES {
            return Err(ParseError::TooLarge { bytes: bytes.length() as usize, limit: MAX_INPUT_BYTES });
        }
        return match String::from_utf8(bytes.to_vec()) {
            Ok(s) => Ok(Payload::Text(s)),
            Err(e) => Err(ParseError::Malformed(Malformed::Utf8 { byte: e.utf8_error().valid_up_to() })),
        };
    }
    let mut budget = Budget { nodes: 0, bytes: 0 };
    convert(v, 0, &mut budget).map(Payload::Tree)
}

fn convert(v: &JsValue, depth: usize, b: &mut Budget) -> Result<Input<'static>, ParseError> {
    b.nodes += 1;
    if b.nodes > MAX_NODES || b.bytes > MAX_INPUT_BYTES {
        return Err(ParseError::TooLarge { bytes: b.bytes.max(b.nodes), limit: MAX_INPUT_BYTES.min(MAX_NODES) });
    }
    if v.is_null() || v.is_undefined() {
        return Ok(Input::Null);
    }
    if let Some(x) = v.as_bool() {
        return Ok(Input::Bool(x));
    }
    if let Some(f) = v.as_f64() {
        return Ok(if f.is_nan() {
            Input::Foreign(Got::NaN)
        } else if f.is_infinite() {
            Input::Foreign(if f > 0.0 { Got::Infinity } else { Got::NegativeInfinity })
        } else {
            Input::Number(Num::Double(f))
        });
    }
    if v.is_bigint() {
        let text: String = v.unchecked_ref::<BigInt>().to_string(10).map(String::from).unwrap_or_default();
        return Ok(Input::Number(Num::Literal(Cow::Owned(text))));
    }
    refuse_long_string(v, b.bytes)?;
    if let Some(s) = v.as_string() {
        if has_lone_surrogate(&s, v) {
            let js: &JsString = v.unchecked_ref();
            let index = (0..js.length()).find(|i| is_lone(js, *i)).unwrap_or(0) as usize;
            return Ok(Input::LoneSurrogate(index));
        }
        b.bytes += s.len();
        if b.bytes > MAX_INPUT_BYTES {
            return Err(ParseError::TooLarge { bytes: b.bytes, limit: MAX_INPUT_BYTES });
        }
        return Ok(Input::String(Cow::Owned(s)));
    }
    if v.is_function() {
        return Ok(Input::Foreign(Got::Function));
    }
    if v.is_symbol() {
        return Ok(Input::Foreign(Got::Symbol));
    }
    if !v.is_object() {
        // Every other primitive is handled above; a host value of some new kind reads as a non-plain value.
        return Ok(Input::Foreign(Got::Instance(None)));
    }
    let depth = depth + 1;
    if depth > MAX_DEPTH {
        return Err(ParseError::TooDeep { limit: MAX_DEPTH });
    }
    // Every read below may run a Proxy trap or a getter: each goes through `safe`, and a throw becomes a
    // `type` issue at this path instead of an exception unwinding through wasm.
    if safe::array(v) {
        let Ok(len) = safe::length(v) else { return Ok(Input::Foreign(Got::UnreadableArray)) };
        if len as usize > MAX_NODES {
            return Err(ParseError::TooLarge { bytes: len as usize, limit: MAX_NODES });
        }
        let mut out = Vec::with_capacity((len as usize).min(1024));
        for i in 0..len {
            let item = match safe::get_index(v, i) {
                Ok(item) => convert(&item, depth, b)?,
                Err(_) => Input::Foreign(Got::ThrowingGetter),
            };
            out.push(item);
        }
        return Ok(Input::Array(out));
    }
    if let Some(d) = v.dyn_ref::<Date>() {
        // instanceof Date also holds for Object.create(Date.prototype) and a Proxy around a Date, whose getTime throws.
        return Ok(match safe::time(d.as_ref()) {
            Ok(t) => Input::JsDate(t),
            Err(_) => Input::Foreign(Got::FakeDate),
        });
    }
    let Ok(proto) = safe::prototype_of(v) else {
        return Ok(Input::Foreign(Got::OpaqueProxy));
    };
    let plain = safe::plain_prototype(&proto);
    if !plain {
        let name = safe::get(v, &JsValue::from_str("constructor"))
            .and_then(|c| safe::get(&c, &JsValue::from_str("name")))
            .ok()
            .and_then(|n| n.as_string())
            .unwrap_or_default();
        return Ok(Input::Foreign(Got::Instance(Some(name).filter(|n| !n.is_empty()))));
    }
    let Ok(keys) = safe::keys(v) else { return Ok(Input::Foreign(Got::UnreadableKeys)) };
    let mut out = Vec::with_capacity(keys.length() as usize);
    for k in keys.iter() {
        let key = k.as_string().unwrap_or_default();
        // A getter that throws must not escape as an exception.
        let value = match safe::get(v, &k) {
            Ok(val) => val,
            Err(_) => {
                out.push((Cow::Owned(key), Input::Foreign(Got::ThrowingGetter)));
                continue;
            }
        };
        if value.is_undefined() {
            continue;
        }
        b.bytes += key.len();
        let converted = convert(&value, depth, b)?;
        out.push((Cow::Owned(key), converted));
    }
    Ok(Input::Object(out))
}

/// Refuse a string too long for the input limit before copying it into wasm memory: the copy reserves up to
/// three bytes per UTF-16 unit, and linear memory never shrinks, so a 50 MB string would keep ~150 MB for good.
/// A UTF-16 unit is at least one UTF-8 byte, so the unit count is a lower bound of the byte count.
fn refuse_long_string(v: &JsValue, used: usize) -> Result<(), ParseError> {
    if let Some(js) = v.dyn_ref::<JsString>() {
        let bytes = used + js.length() as usize;
        if bytes > MAX_INPUT_BYTES {
            return Err(ParseError::TooLarge { bytes, limit: MAX_INPUT_BYTES });
        }
    }
    Ok(())
}

/// The UTF-16 → UTF-8 copy replaces a lone surrogate with U+FFFD, so only a decoded text holding U+FFFD needs
/// the exact check — which asks JS for one code unit per call (`is_valid_utf16`), far too slow for every string.
pub(super) fn has_lone_surrogate(decoded: &str, v: &JsValue) -> bool {
    has_replacement_char(decoded) && !v.unchecked_ref::<JsString>().is_valid_utf16()
}

/// Whether a text holds U+FFFD (EF BF BD in UTF-8), found by its first byte: `str::contains` with a non-ASCII
/// char runs the general substring search, which was 2.5 % of a whole `check` in a profile.
/// Eight bytes at a time where no byte is 0xEF (SWAR: the wasm build has no SIMD; this scan of every text
/// argument was 7 % of a 9 KB `check`, byte by byte).
fn has_replacement_char(s: &str) -> bool {
    use crate::json::swar;
    let b = s.as_bytes();
    let at = |i: usize| b[i] == 0xEF && b.get(i + 1..i + 3) == Some(&[0xBF, 0xBD][..]);
    let mut i = 0;
    while let Some(w) = swar::word(b, i) {
        // Some byte of this word is 0xEF (a full-width character, or U+FFFD): look at each.
        if swar::has(w, 0xEF) && (i..i + 8).any(at) {
            return true;
        }
        i += 8;
    }
    (i..b.len()).any(at)
}

fn is_lone(s: &JsString, i: u32) -> bool {
    let Some(c) = s.char_code_at(i).is_finite().then(|| s.char_code_at(i) as u32) else { return false };
    let next = if i + 1 < s.length() { s.char_code_at(i + 1) as u32 } else { 0 };
    let prev = if i > 0 { s.char_code_at(i - 1) as u32 } else { 0 };
    match c {
        0xD800..=0xDBFF => !(0xDC00..=0xDFFF).contains(&next),
        0xDC00..=0xDFFF => !(0xD800..=0xDBFF).contains(&prev),
        _ => false,
    }
}
