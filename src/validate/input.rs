//! The input tree the rule engine reads: built from JSON text here, or from a JS value by the wasm binding.
//!
//! Why our own tree and not `serde_json::Value`: strings borrow from the text when they can (no copy per
//! field), numbers keep their exact literal (prices are never binary floats, ids above 2^53 stay exact),
//! duplicate keys are kept so they can be reported instead of silently dropped, and a JS value that JSON
//! cannot express (NaN, a Map, a function) can be carried to its path and reported there.

use std::borrow::Cow;
use std::cell::Cell;
use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

use crate::report::violation::{Got, Malformed};

/// Largest payload text accepted, in bytes. The biggest legal request (100 qimendc items with long strings)
/// is far below this; anything larger is refused with `too_large` before parsing.
pub const MAX_INPUT_BYTES: usize = 8 * 1024 * 1024;

/// Deepest nesting accepted (objects and arrays). The APIs nest at most four levels.
pub const MAX_DEPTH: usize = 64;

#[derive(Debug, Clone, PartialEq)]
pub enum Input<'a> {
    Null,
    Bool(bool),
    Number(Num<'a>),
    String(Cow<'a, str>),
    Array(Vec<Input<'a>>),
    /// Members in input order; duplicate keys are kept.
    Object(Vec<(Cow<'a, str>, Input<'a>)>),
    /// A JS value with no JSON form (only from the wasm binding), e.g. `NaN`, a `Map`.
    Foreign(Got),
    /// A JS `Date` (only from the wasm binding): its epoch milliseconds. Accepted where a date is expected.
    JsDate(f64),
    /// A JS string holding a lone surrogate (only from the wasm binding), with its UTF-16 index. UTF-8 cannot
    /// carry it, so it is reported instead of being silently replaced by U+FFFD.
    LoneSurrogate(usize),
}

#[derive(Debug, Clone, PartialEq)]
pub enum Num<'a> {
    /// The exact literal text of a JSON number (or of a JS BigInt).
    Literal(Cow<'a, str>),
    /// A JS number (a double): exact as a double, but an integer beyond 2^53 has already lost digits.
    Double(f64),
}

impl Input<'_> {
    /// What the value is, for `type` errors.
    pub fn type_name(&self) -> Got {
        match self {
            Input::Null => Got::Null,
            Input::Bool(_) => Got::Boolean,
            Input::Number(_) => Got::Number,
            Input::String(_) => Got::String,
            Input::Array(_) => Got::Array,
            Input::Object(_) => Got::Object,
            Input::Foreign(g) => g.clone(),
            Input::JsDate(_) => Got::Date,
            Input::LoneSurrogate(_) => Got::LoneSurrogateString,
        }
    }
}

/// Why a text could not become an input tree.
#[derive(Debug, Clone, PartialEq)]
pub enum ParseError {
    TooLarge {
        bytes: usize,
        limit: usize,
    },
    TooDeep {
        limit: usize,
    },
    /// Not JSON (serde_json's message with line and column), not UTF-8, …
    Malformed(Malformed),
}

/// Parse JSON text into an input tree, bounded in size and depth.
pub fn parse(text: &str) -> Result<Input<'_>, ParseError> {
    if text.len() > MAX_INPUT_BYTES {
        return Err(ParseError::TooLarge { bytes: text.len(), limit: MAX_INPUT_BYTES });
    }
    // A UTF-8 byte-order mark (common in files saved on Windows) is not part of the JSON.
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let mut de = serde_json::Deserializer::from_str(text);
    let exponents = Exponents { text, cursor: Cell::new(0) };
    let parsed = Seed { depth: 0, exponents: &exponents }.deserialize(&mut de).and_then(|v| de.end().map(|_| v));
    parsed.map_err(|e| {
        if e.to_string().starts_with(TOO_DEEP) {
            ParseError::TooDeep { limit: MAX_DEPTH }
        } else {
            let message = e.to_string();
            // serde_json appends " at line L column C"; keep the message without it, the position apart.
            let message = match message.find(" at line ") {
                Some(i) => message[..i].to_string(),
                None => message,
            };
            ParseError::Malformed(Malformed::Json { detail: message, line: e.line(), column: e.column() })
        }
    })
}

const TOO_DEEP: &str = "nesting deeper than the limit";

/// serde_json, built with `arbitrary_precision`, hands a number to `deserialize_any` as a one-entry map under
/// this private key, its value the exact literal. It is stable across serde_json 1.x (its own `Number` relies
/// on it); the number tests in this file fail loudly if it ever changes.
const NUMBER_TOKEN: &str = "$serde_json::private::Number";

struct Seed<'s, 'de> {
    depth: usize,
    exponents: &'s Exponents<'de>,
}

/// serde_json re-spells a number's exponent (`1E2` → `1e+2`). A code given as a number is kept as written, so
/// the original spelling is found in the text: numbers reach the visitor in text order, so one cursor moving
/// forward over the text (skipping strings) finds each exponent literal, and the whole search costs one pass.
/// Only numbers with an exponent pay for it.
struct Exponents<'de> {
    text: &'de str,
    cursor: Cell<usize>,
}

impl<'de> Exponents<'de> {
    /// The next number literal with an exponent after the cursor, as written.
    fn next(&self) -> Option<&'de str> {
        let bytes = self.text.as_bytes();
        let mut i = self.cursor.get();
        while i < bytes.len() {
            match bytes[i] {
                b'"' => {
                    i += 1;
                    while i < bytes.len() && bytes[i] != b'"' {
                        i += if bytes[i] == b'\\' { 2 } else { 1 };
                    }
                    i += 1;
                }
                b'-' | b'0'..=b'9' => {
                    let start = i;
                    while i < bytes.len() && matches!(bytes[i], b'0'..=b'9' | b'-' | b'+' | b'.' | b'e' | b'E') {
                        i += 1;
                    }
                    if bytes[start..i].iter().any(|b| matches!(b, b'e' | b'E')) {
                        self.cursor.set(i);
                        return Some(&self.text[start..i]);
                    }
                }
                _ => i += 1,
            }
        }
        self.cursor.set(i);
        None
    }
}

impl<'de> DeserializeSeed<'de> for Seed<'_, 'de> {
    type Value = Input<'de>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }
}

/// A key: borrowed when the text has no escapes in it.
struct Key;

impl<'de> DeserializeSeed<'de> for Key {
    type Value = Cow<'de, str>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for Key {
    type Value = Cow<'de, str>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a string key")
    }
    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
        Ok(Cow::Borrowed(v))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Cow::Owned(v.to_owned()))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
        Ok(Cow::Owned(v))
    }
}

impl<'de> Visitor<'de> for Seed<'_, 'de> {
    type Value = Input<'de>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(Input::Null)
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Self::Value, E> {
        Ok(Input::Bool(v))
    }
    // Without arbitrary_precision these would be called; with it, numbers come through visit_map below.
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
        Ok(Input::Number(Num::Literal(Cow::Owned(v.to_string()))))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
        Ok(Input::Number(Num::Literal(Cow::Owned(v.to_string()))))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
        Ok(Input::Number(Num::Double(v)))
    }
    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
        Ok(Input::String(Cow::Borrowed(v)))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Input::String(Cow::Owned(v.to_owned())))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
        Ok(Input::String(Cow::Owned(v)))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let depth = self.depth + 1;
        if depth > MAX_DEPTH {
            return Err(de::Error::custom(TOO_DEEP));
        }
        let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(256));
        while let Some(v) = seq.next_element_seed(Seed { depth, exponents: self.exponents })? {
            out.push(v);
        }
        // Growth leaves up to 4× the room (a one-element list holds four slots): give it back, so that a text
        // of nested or tiny lists costs a bounded multiple of its size, not 64×.
        out.shrink_to_fit();
        Ok(Input::Array(out))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let depth = self.depth + 1;
        let Some(first) = map.next_key_seed(Key)? else {
            return Ok(Input::Object(Vec::new()));
        };
        if first == NUMBER_TOKEN {
            let literal: String = map.next_value()?;
            if literal.contains('e') {
                if let Some(written) = self.exponents.next() {
                    return Ok(Input::Number(Num::Literal(Cow::Borrowed(written))));
                }
            }
            return Ok(Input::Number(Num::Literal(Cow::Owned(literal))));
        }
        if depth > MAX_DEPTH {
            return Err(de::Error::custom(TOO_DEEP));
        }
        // Grown on demand: a million empty objects must not reserve a million small buffers.
        let mut out = Vec::new();
        let v = map.next_value_seed(Seed { depth, exponents: self.exponents })?;
        out.push((first, v));
        while let Some(k) = map.next_key_seed(Key)? {
            let v = map.next_value_seed(Seed { depth, exponents: self.exponents })?;
            out.push((k, v));
        }
        out.shrink_to_fit();
        Ok(Input::Object(out))
    }
}

/// The byte offset where JSON text first nests deeper than `limit` (brackets inside strings do not count), if it
/// does: one linear pass, so a recursive reader's depth is bounded before it starts.
pub fn json_too_deep_at(text: &str, limit: usize) -> Option<usize> {
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    for (i, b) in text.bytes().enumerate() {
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
                    return Some(i);
                }
            }
            b'}' | b']' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lit(s: &str) -> Input<'_> {
        Input::Number(Num::Literal(Cow::Borrowed(s)))
    }

    #[test]
    fn numbers_keep_their_exact_literal() {
        assert_eq!(parse("9007199254740993").unwrap(), lit("9007199254740993"));
        assert_eq!(parse("12345678901234567.89").unwrap(), lit("12345678901234567.89"));
        // An exponent keeps its spelling (serde_json alone would write `1e+400`, `1e+2`).
        assert_eq!(parse("1e400").unwrap(), lit("1e400"));
        assert_eq!(parse("1E2").unwrap(), lit("1E2"));
        let v = parse(r#"{"a1e5":"2e9 \" 3E1","b":[1.5,-2E-3,7,4e+01]}"#).unwrap();
        let Input::Object(m) = v else { panic!("not an object") };
        assert_eq!(m[1].1, Input::Array(vec![lit("1.5"), lit("-2E-3"), lit("7"), lit("4e+01")]));
        assert_eq!(parse("-0.10").unwrap(), lit("-0.10"));
        assert_eq!(parse("99999999999999999999999").unwrap(), lit("99999999999999999999999"));
    }

    #[test]
    fn strings_borrow_when_unescaped_and_keys_keep_duplicates() {
        let v = parse(r#"{"a":"x","a":"y\n"}"#).unwrap();
        let Input::Object(m) = v else { panic!("not an object") };
        assert_eq!(m.len(), 2);
        assert!(matches!(&m[0].1, Input::String(Cow::Borrowed("x"))));
        assert_eq!(m[1].1, Input::String(Cow::Owned("y\n".into())));
    }

    #[test]
    fn depth_and_size_are_bounded() {
        let deep = "[".repeat(MAX_DEPTH + 1) + &"]".repeat(MAX_DEPTH + 1);
        assert_eq!(parse(&deep), Err(ParseError::TooDeep { limit: MAX_DEPTH }));
        let ok = "[".repeat(MAX_DEPTH) + &"]".repeat(MAX_DEPTH);
        assert!(parse(&ok).is_ok());
        let very_deep = "{\"a\":".repeat(100_000);
        assert!(matches!(parse(&very_deep), Err(ParseError::TooDeep { .. })));
        let big = " ".repeat(MAX_INPUT_BYTES + 1);
        assert!(matches!(parse(&big), Err(ParseError::TooLarge { .. })));
    }

    #[test]
    fn malformed_text_reports_position() {
        match parse("{\n  \"a\": tru }") {
            Err(ParseError::Malformed(Malformed::Json { line, .. })) => assert_eq!(line, 2),
            other => panic!("{other:?}"),
        }
        assert!(matches!(parse(""), Err(ParseError::Malformed(_))));
        assert!(matches!(parse("{} x"), Err(ParseError::Malformed(_))));
    }
}
