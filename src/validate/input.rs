//! The input tree the rule engine reads: built from JSON text here, or from a JS value by the wasm binding.
//!
//! Why our own tree and not `serde_json::Value`: strings borrow from the text when they can (no copy per
//! field), numbers keep their exact literal (prices are never binary floats, ids above 2^53 stay exact),
//! duplicate keys are kept so they can be reported instead of silently dropped, and a JS value that JSON
//! cannot express (NaN, a Map, a function) can be carried to its path and reported there.

use std::borrow::Cow;

use crate::json::{Reader, SyntaxError, Token};
use crate::report::violation::{Got, Malformed};

/// Largest payload text accepted, in bytes. The biggest legal request (100 qimendc items with long strings)
/// is far below this; anything larger is refused with `too_large` before parsing.
pub const MAX_INPUT_BYTES: usize = 8 * 1024 * 1024;

/// Deepest nesting accepted (objects and arrays). The APIs nest at most four levels.
pub const MAX_DEPTH: usize = 64;

/// A payload as the rules read it: JSON's values, borrowed from the text where they can be, plus what a JS value
/// can hold that JSON cannot (so it is reported at its path, not lost on the way).
#[derive(Debug, Clone, PartialEq)]
pub enum Input<'a> {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number, as its literal or a JS double.
    Number(Num<'a>),
    /// A string (borrowed when the text had no escape in it).
    String(Cow<'a, str>),
    /// A list, in input order.
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

/// A number: the literal as written, or a JS double.
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
    /// Over [`MAX_INPUT_BYTES`].
    TooLarge {
        /// The text's size in bytes.
        bytes: usize,
        /// The limit in bytes.
        limit: usize,
    },
    /// Nested deeper than [`MAX_DEPTH`].
    TooDeep {
        /// The limit in levels.
        limit: usize,
    },
    /// Not JSON (the reader's message, worded as serde_json words it, with line and column), not UTF-8, …
    Malformed(Malformed),
}

/// Parse JSON text into an input tree, bounded in size and depth.
pub fn parse(text: &str) -> Result<Input<'_>, ParseError> {
    if text.len() > MAX_INPUT_BYTES {
        return Err(ParseError::TooLarge { bytes: text.len(), limit: MAX_INPUT_BYTES });
    }
    // A UTF-8 byte-order mark (common in files saved on Windows) is not part of the JSON.
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let mut reader = Reader::new(text);
    let parsed = build(&mut reader).and_then(|v| reader.end().map_err(Stop::Syntax).map(|_| v));
    parsed.map_err(Stop::into_parse_error)
}

/// Why reading a text stopped: too deep, not JSON, or refused as a whole (shared with the single pass, `pass.rs`).
pub(crate) enum Stop {
    TooDeep,
    Syntax(SyntaxError),
    Refused(ParseError),
}

impl Stop {
    pub(crate) fn into_parse_error(self) -> ParseError {
        match self {
            Stop::TooDeep => ParseError::TooDeep { limit: MAX_DEPTH },
            Stop::Syntax(e) => {
                ParseError::Malformed(Malformed::Json { detail: e.code.message().to_string(), line: e.line, column: e.column })
            }
            Stop::Refused(e) => e,
        }
    }
}

impl From<SyntaxError> for Stop {
    fn from(e: SyntaxError) -> Self {
        Stop::Syntax(e)
    }
}

/// One container being filled: the tree is built with an explicit stack, so no text reaches the call stack's
/// depth, and the depth limit is a count.
enum Open<'a> {
    List(Vec<Input<'a>>, bool),
    /// The members so far, the key whose value is being read, whether no member has been read yet.
    Object(Vec<(Cow<'a, str>, Input<'a>)>, Cow<'a, str>, bool),
}

fn build<'a>(reader: &mut Reader<'a>) -> Result<Input<'a>, Stop> {
    let mut open: Vec<Open<'a>> = Vec::new();
    let mut token = reader.value()?;
    loop {
        // The value that starts with `token`, when it is complete; containers are opened instead.
        let mut done = match token {
            Token::Null => Some(Input::Null),
            Token::Bool(b) => Some(Input::Bool(b)),
            Token::Number(n) => Some(Input::Number(Num::Literal(Cow::Borrowed(n)))),
            Token::String(s) => Some(Input::String(s)),
            Token::Array | Token::Object if open.len() == MAX_DEPTH => return Err(Stop::TooDeep),
            Token::Array => {
                let mut first = true;
                if reader.next_element(&mut first)? {
                    open.push(Open::List(Vec::new(), first));
                    None
                } else {
                    Some(Input::Array(Vec::new()))
                }
            }
            Token::Object => {
                let mut first = true;
                match reader.next_key(&mut first)? {
                    // Grown on demand: a million empty objects must not reserve a million small buffers.
                    Some(key) => {
                        open.push(Open::Object(Vec::new(), key, first));
                        None
                    }
                    None => Some(Input::Object(Vec::new())),
                }
            }
        };
        // Hand each finished value to its container, closing the containers it finishes.
        while let Some(value) = done.take() {
            let Some(top) = open.last_mut() else { return Ok(value) };
            let finished = match top {
                Open::List(items, first) => {
                    items.push(value);
                    !reader.next_element(first)?
                }
                Open::Object(members, key, first) => {
                    members.push((std::mem::take(key), value));
                    match reader.next_key(first)? {
                        Some(next) => {
                            *key = next;
                            false
                        }
                        None => true,
                    }
                }
            };
            if finished {
                // Growth leaves up to 4× the room (a one-element list holds four slots): give it back, so that a
                // text of nested or tiny lists costs a bounded multiple of its size, not 64×.
                done = open.pop().map(|closed| match closed {
                    Open::List(mut items, _) => {
                        items.shrink_to_fit();
                        Input::Array(items)
                    }
                    Open::Object(mut members, ..) => {
                        members.shrink_to_fit();
                        Input::Object(members)
                    }
                });
            }
        }
        token = reader.value()?;
    }
}

/// The members of the object whose `{` is at byte `at` of `text`, as a tree: for the single pass, which hands an
/// object it has already read (so known to be well formed and within the depth limit) to the tree engine.
pub(crate) fn object_at(text: &str, at: usize) -> Result<Vec<(Cow<'_, str>, Input<'_>)>, Stop> {
    match build(&mut Reader::at(text, at))? {
        Input::Object(members) => Ok(members),
        other => Err(Stop::Refused(ParseError::Malformed(Malformed::NotAnObject { got: other.type_name() }))),
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
