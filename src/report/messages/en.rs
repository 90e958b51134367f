//! English messages.

use super::{Messages, Place};
use crate::report::violation::{
    Allowed, BadChar, Because, Bound, DateReason, EnumReason, Expected, FieldHint, Got, IntegerReason, Malformed, ResponseProblem,
};

/// English messages.
pub struct En;

/// The English detail of a malformed text (also its `params.detail`).
pub fn malformed_detail(m: &Malformed) -> String {
    match m {
        Malformed::Json { detail, .. } => detail.clone(),
        Malformed::LoneSurrogateInText => "the JSON text contains a lone surrogate".into(),
        Malformed::Utf8 { byte } => format!("the bytes are not valid UTF-8 (at byte {byte})"),
        Malformed::NotAnObject { got } => format!("must be a JSON object, not {}", got.as_param()),
        Malformed::Body { detail } => format!("could not be read: {detail}"),
        Malformed::Response(p) | Malformed::RequestXml(p) => match p {
            ResponseProblem::NotJson { detail } => format!("is not valid JSON: {detail}"),
            ResponseProblem::NeitherXmlNorJson => "is neither XML nor a JSON object".into(),
            ResponseProblem::NotAnObject => "is not an object".into(),
            ResponseProblem::NotXml { detail } => format!("is not well-formed XML: {detail}"),
            ResponseProblem::ControlChar { byte } => {
                format!("has a control character {}, which XML 1.0 does not allow", crate::norm::text::code_point(char::from(*byte)))
            }
            ResponseProblem::UndefinedEntity { detail } => format!("has an undefined entity: {detail}"),
            ResponseProblem::Doctype => "has a DOCTYPE, which is not accepted".into(),
            ResponseProblem::Unclosed => "ends before its elements are closed".into(),
            ResponseProblem::Unbalanced => "has an unbalanced end tag".into(),
            ResponseProblem::NoRoot => "has no root element".into(),
            ResponseProblem::TooManyValues { limit } => {
                format!("holds more than {limit} values where the answer's fields are; no answer of these APIs has so many")
            }
            ResponseProblem::DuplicateKey { key } => format!("has the field \"{key}\" twice in one object; which one counts is unknowable"),
        },
    }
}

impl Messages for En {
    fn place(&self, p: &Place) -> String {
        match (p.label, p.position) {
            (Some(l), Some(n)) => format!("{} (entry {n})", l.en),
            (Some(l), None) => l.en.to_string(),
            (None, _) if p.path.is_empty() => self.payload().to_string(),
            (None, _) => p.path.to_string(),
        }
    }
    fn payload(&self) -> &'static str {
        "payload"
    }
    fn expected(&self, e: Expected) -> &'static str {
        match e {
            Expected::String => "a string",
            Expected::Integer => "an integer",
            Expected::Boolean => "a boolean",
            Expected::Object => "an object",
            Expected::Array => "an array",
            Expected::Date => "a date",
            Expected::Datetime => "a date and time",
            Expected::Price => "a price",
            Expected::Discount => "a discount rate",
            Expected::Value => "a readable value",
            Expected::DateLike => "a Date, epoch milliseconds or text",
            Expected::TextWithoutLoneSurrogates => "text without lone surrogates",
            Expected::Scalar => "a string, number or boolean",
        }
    }
    fn got(&self, g: &Got) -> String {
        g.as_param()
    }
    fn missing(&self, at: &str) -> String {
        format!("{at} is required")
    }
    fn missing_when(&self, at: &str, field: &str, value: &str) -> String {
        format!("{at} is required when {field} = {value}")
    }
    fn too_few(&self, at: &str, min: usize) -> String {
        format!("{at} needs at least {min} {}", if min == 1 { "entry" } else { "entries" })
    }
    fn type_error(&self, at: &str, expected: Expected, got: &Got, value: Option<&str>) -> String {
        match value {
            Some(v) => format!("{at} is \"{v}\": it must be {}", self.expected(expected)),
            None => format!("{at} must be {}, not {}", self.expected(expected), self.got(got)),
        }
    }
    fn too_long(&self, at: &str, length: usize, max: usize) -> String {
        format!("{at} is {length} characters long; at most {max} allowed")
    }
    fn too_many(&self, at: &str, count: usize, max: usize) -> String {
        format!("{at} has {count} entries; at most {max} allowed per request (split it into chunks)")
    }
    fn enum_value(&self, at: &str, value: Option<&str>, allowed: &Allowed, reason: Option<EnumReason>) -> String {
        let allowed = allowed.join(", ");
        let why = match reason {
            Some(EnumReason::NotQimen) => " (an XML body is only for Qimen methods)",
            None => "",
        };
        match value {
            Some(v) => format!("{at} is \"{v}\"; allowed: {allowed}{why}"),
            None => format!("{at} is not one of the allowed values: {allowed}{why}"),
        }
    }
    fn date(&self, at: &str, value: &str, reason: DateReason, with_time: bool) -> String {
        let why = match reason {
            DateReason::Day => "no such day in that month",
            DateReason::Month => "no such month",
            DateReason::Time => "no such time of day",
            DateReason::NoTime => "the time of day is missing",
            DateReason::YearRange => "the year is outside 1000–9999",
            DateReason::Offset => "the zone offset is impossible",
            DateReason::EpochMillis => "not whole epoch milliseconds",
            DateReason::Syntax => "not a recognizable date",
        };
        let format = if with_time { crate::rules::DATETIME_FORM } else { crate::rules::DATE_FORM };
        format!("{at} is \"{value}\": {why}; expected {format} (GMT+8)")
    }
    fn integer(&self, at: &str, value: &str, reason: IntegerReason) -> String {
        let why = match reason {
            IntegerReason::Fraction => "it has a fraction or exponent",
            IntegerReason::OutOfRange => "it is outside the 64-bit integer range",
            IntegerReason::Unsafe => "a JS number cannot hold it exactly (beyond 2^53); pass it as a string or a BigInt",
            IntegerReason::Syntax => "it is not an integer",
            IntegerReason::Grouped => {
                return format!("{at} is \"{value}\": remove the thousands separators (write {})", value.replace([',', '，'], ""));
            }
        };
        format!("{at} is \"{value}\": {why}")
    }
    fn decimal(&self, at: &str, value: &str, scale: Option<u32>, unit: Option<&str>) -> String {
        match (scale, unit) {
            (Some(s), _) => format!("{at} is \"{value}\": at most {s} decimal places"),
            (None, Some(u)) => format!("{at} is \"{value}\": not a decimal number; remove the unit \"{u}\""),
            (None, None) => format!("{at} is \"{value}\": not a decimal number"),
        }
    }
    fn range(&self, at: &str, value: &str, bound: &Bound, because: Option<&Because>) -> String {
        let mut s = match bound {
            Bound::AtLeast(min) => format!("{at} is \"{value}\"; it must be at least {min}"),
            Bound::Rate { .. } => format!("{at} is \"{value}\"; it must be greater than 0 and at most 1"),
            Bound::TooBig => format!("{at} is \"{value}\": too large for this field"),
        };
        if let Some(Because { field, value, why }) = because {
            s.push_str(&format!(" ({field} = {value}: {})", why.en));
        }
        if let Bound::Rate { hint: Some(h) } = bound {
            s.push_str(&format!("; did you mean {h} (a rate in 折 notation)?"));
        }
        s
    }
    fn duplicate_key(&self, at: &str, key: &str) -> String {
        format!("{at} repeats the key \"{key}\" in the same object")
    }
    fn duplicate_value(&self, at: &str, value: &str, first: usize) -> String {
        format!("{at} is \"{value}\", already used by entry {}", first + 1)
    }
    fn order(&self, at: &str, value: &str, other: &str, other_value: &str) -> String {
        format!("{at} (\"{value}\") is after {other} (\"{other_value}\")")
    }
    fn invalid_char(&self, at: &str, c: &BadChar, index: usize) -> String {
        format!("{at} contains {} at position {index}, which XML 1.0 cannot carry", c.as_param())
    }
    fn unknown_field(&self, at: &str, hint: Option<&FieldHint>) -> String {
        match hint {
            Some(FieldHint::BelongsTo(b)) => format!("{at} belongs to {b}, not here; it will not be sent from here"),
            Some(FieldHint::DidYouMean(d)) => format!("{at} is not a field of this API and will not be sent; did you mean {d}?"),
            None => format!("{at} is not a field of this API and will not be sent"),
        }
    }
    fn malformed(&self, m: &Malformed) -> String {
        let detail = malformed_detail(m);
        match m {
            Malformed::Json { line, column, .. } => format!("the payload is not valid JSON: {detail} (line {line}, column {column})"),
            Malformed::Response(_) => format!("the answer {detail}"),
            Malformed::Body { .. } => format!("the request body {detail}"),
            _ => format!("the payload {detail}"),
        }
    }
    fn too_large(&self, bytes: usize, limit: usize) -> String {
        format!("the payload is {bytes} bytes; at most {limit} accepted")
    }
    fn too_deep(&self, at: &str, limit: usize) -> String {
        format!("{at} nests deeper than {limit} levels")
    }
    fn unknown_method(&self, value: &str, allowed: &[&str]) -> String {
        format!("unknown method \"{value}\"; expected one of: {}", allowed.join(", "))
    }
    fn body_too_large(&self, bytes: usize, limit: usize, at_least: bool) -> String {
        format!("the request body is {}{bytes} bytes; the limit is {limit} bytes", if at_least { "over " } else { "" })
    }
    fn content_type(&self, content_type: &str) -> String {
        format!("the request body must be JSON (application/json), not {content_type}")
    }
    fn timeout(&self, ms: u64) -> String {
        format!("the request body did not arrive within {} s", ms / 1000)
    }
    fn negative(&self, at: &str, value: &str) -> String {
        format!("{at} is negative (\"{value}\")")
    }
    fn zero_quantity(&self, at: &str) -> String {
        format!("{at} is 0 in delta mode: this detail changes nothing")
    }
    fn empty_list(&self, at: &str) -> String {
        format!("{at} is empty: nothing will be synchronized")
    }
    fn count_mismatch(&self, at: &str, value: &str, count: usize) -> String {
        format!("{at} is \"{value}\" but the request carries {count} entries")
    }
    fn check_digit(&self, at: &str, value: &str, expected: Option<u32>) -> String {
        match expected {
            Some(e) => format!("{at} (\"{value}\") has a wrong check digit; expected {e}"),
            None => {
                format!("{at} (\"{value}\") is neither a 15-digit registration number nor a valid 18-character unified social credit code")
            }
        }
    }
    fn too_many_issues(&self, limit: usize) -> String {
        format!("more than {limit} issues; the rest are not listed")
    }
}
