//! What is wrong, as data: one variant per kind of finding, each carrying typed fields. An issue's `code` and
//! `params` are serialized from it, and its messages are written from it by one method per variant per
//! language (`messages/`), so a producer and its message cannot drift apart.

use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;

use super::Code;

/// One finding.
#[derive(Debug, Clone, PartialEq)]
pub enum Violation {
    /// A required field is absent or blank.
    Missing,
    /// Required because another field has a value, e.g. `check_mode = 1`.
    MissingWhen {
        field: &'static str,
        value: String,
    },
    /// A list with fewer entries than it needs.
    TooFew {
        min: usize,
    },
    /// A value of the wrong JSON (or JS) type; `value` when a string was given that reads as no such value.
    Type {
        expected: Expected,
        got: Got,
        value: Option<String>,
    },
    /// Longer than allowed, in UTF-16 units (as the Java SDK counts).
    TooLong {
        length: usize,
        max: usize,
    },
    /// More list entries than one request may carry.
    TooMany {
        count: usize,
        max: usize,
    },
    /// Not one of the codes; `value` is `None` where it must not be repeated (a secret passed as a sign method).
    Enum {
        value: Option<String>,
        allowed: Vec<String>,
        reason: Option<EnumReason>,
    },
    Date {
        value: String,
        reason: DateReason,
    },
    Datetime {
        value: String,
        reason: DateReason,
    },
    Integer {
        value: String,
        reason: IntegerReason,
    },
    /// Not a decimal number (`scale: None`), or more decimals than `scale`; `unit` when the value is a
    /// number followed by a currency unit (`12.5元`): the fix is to remove it.
    Decimal {
        value: String,
        scale: Option<u32>,
        unit: Option<&'static str>,
    },
    Range {
        value: String,
        bound: Bound,
        because: Option<Because>,
    },
    /// The same key twice in one object.
    DuplicateKey {
        key: String,
    },
    /// A value that must be unique in its list, repeated; `first` is the 0-based index of the first entry.
    DuplicateValue {
        value: String,
        first: usize,
    },
    /// `value` comes after `other`'s value although it must not.
    Order {
        value: String,
        other: &'static str,
        other_value: String,
    },
    /// A character XML 1.0 cannot carry, at a character index (or UTF-16 index for a lone surrogate).
    InvalidChar {
        char: BadChar,
        index: usize,
    },
    UnknownField {
        hint: Option<FieldHint>,
    },
    Malformed(Malformed),
    TooLarge {
        bytes: usize,
        limit: usize,
    },
    TooDeep {
        limit: usize,
    },
    UnknownMethod {
        value: String,
        allowed: Vec<&'static str>,
    },
    // Refusals of the server adapters, before the body reaches `check`.
    /// A request body over the limit: `bytes` declared, or (`at_least`) more than `bytes` arrived.
    BodyTooLarge {
        bytes: usize,
        limit: usize,
        at_least: bool,
    },
    /// A request body of a media type that is not JSON.
    ContentType {
        content_type: String,
    },
    /// A request body that did not arrive within `ms`.
    Timeout {
        ms: u64,
    },
    // Warnings.
    Negative {
        value: String,
    },
    /// A delta of 0: the entry changes nothing.
    ZeroQuantity,
    EmptyList,
    /// A `total` smaller than the number of entries carried.
    CountMismatch {
        value: String,
        count: usize,
    },
    /// A barcode's wrong GS1 check digit (`expected`), or an implausible registration number (`None`).
    CheckDigit {
        value: String,
        expected: Option<u32>,
    },
    /// More issues than a report lists.
    TooManyIssues {
        limit: usize,
    },
}

/// The type a value should have had.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expected {
    String,
    Integer,
    Boolean,
    Object,
    Array,
    Date,
    Datetime,
    Price,
    Discount,
    /// Any readable value (an option whose getter threw).
    Value,
    /// A JS `Date`, epoch milliseconds or date text (the `timestamp` option).
    DateLike,
    /// A string without lone surrogates (a signed parameter).
    TextWithoutLoneSurrogates,
    /// A string, number or boolean (a signed parameter).
    Scalar,
}

impl Expected {
    /// The `params.expected` text (stable; English words, not a message).
    pub fn as_str(self) -> &'static str {
        match self {
            Expected::String => "string",
            Expected::Integer => "integer",
            Expected::Boolean => "boolean",
            Expected::Object => "object",
            Expected::Array => "array",
            Expected::Date => "date",
            Expected::Datetime => "datetime",
            Expected::Price => "price",
            Expected::Discount => "discount",
            Expected::Value => "value",
            Expected::DateLike => "Date, epoch milliseconds or text",
            Expected::TextWithoutLoneSurrogates => "text without lone surrogates",
            Expected::Scalar => "string, number or boolean",
        }
    }
}

/// What a value was instead: a JSON type, or a JS value JSON has no form for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Got {
    Null,
    Boolean,
    Number,
    String,
    Array,
    Object,
    Date,
    Undefined,
    BigInt,
    NaN,
    Infinity,
    NegativeInfinity,
    Function,
    Symbol,
    /// An array whose `length` could not be read (a throwing Proxy).
    UnreadableArray,
    /// A member whose getter threw.
    ThrowingGetter,
    /// `instanceof Date` but no real Date (`Object.create(Date.prototype)`, a Proxy around one).
    FakeDate,
    /// An object whose prototype could not be read (a revoked or throwing Proxy).
    OpaqueProxy,
    /// An object whose keys could not be read (a throwing Proxy).
    UnreadableKeys,
    /// A string holding a lone surrogate.
    LoneSurrogateString,
    /// An object of a class (`Map`, `Set`, a user class), by its constructor's name when it has one.
    Instance(Option<String>),
}

impl Got {
    /// The `params.got` text (stable; English words, not a message).
    pub fn as_param(&self) -> String {
        match self {
            Got::Null => "null".into(),
            Got::Boolean => "boolean".into(),
            Got::Number => "number".into(),
            Got::String => "string".into(),
            Got::Array => "array".into(),
            Got::Object => "object".into(),
            Got::Date => "a Date".into(),
            Got::Undefined => "undefined".into(),
            Got::BigInt => "bigint".into(),
            Got::NaN => "NaN".into(),
            Got::Infinity => "Infinity".into(),
            Got::NegativeInfinity => "-Infinity".into(),
            Got::Function => "a function".into(),
            Got::Symbol => "a symbol".into(),
            Got::UnreadableArray => "an array whose length could not be read".into(),
            Got::ThrowingGetter => "a value whose getter threw".into(),
            Got::FakeDate => "an object that is not a real Date".into(),
            Got::OpaqueProxy => "an object whose prototype could not be read (a revoked or throwing Proxy)".into(),
            Got::UnreadableKeys => "an object whose keys could not be read (a throwing Proxy)".into(),
            Got::LoneSurrogateString => "a string with a lone surrogate".into(),
            Got::Instance(Some(name)) => format!("a {name}"),
            Got::Instance(None) => "a non-plain object".into(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EnumReason {
    /// `body: 'xml'` for a method that is not a Qimen method.
    NotQimen,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateReason {
    Day,
    Month,
    Time,
    NoTime,
    YearRange,
    Offset,
    EpochMillis,
    Syntax,
}

impl DateReason {
    pub fn as_str(self) -> &'static str {
        match self {
            DateReason::Day => "day",
            DateReason::Month => "month",
            DateReason::Time => "time",
            DateReason::NoTime => "no_time",
            DateReason::YearRange => "year_range",
            DateReason::Offset => "offset",
            DateReason::EpochMillis => "epoch_millis",
            DateReason::Syntax => "syntax",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IntegerReason {
    Fraction,
    OutOfRange,
    /// A JS number beyond 2^53: its digits are already gone.
    Unsafe,
    Syntax,
    /// Digits grouped by thousands separators (`1,200`, as spreadsheets format numbers): the same integer
    /// without them is the fix.
    Grouped,
}

impl IntegerReason {
    pub fn as_str(self) -> &'static str {
        match self {
            IntegerReason::Fraction => "fraction",
            IntegerReason::OutOfRange => "out_of_range",
            IntegerReason::Grouped => "grouped",
            IntegerReason::Unsafe => "unsafe",
            IntegerReason::Syntax => "syntax",
        }
    }
}

/// The range a number must be in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Bound {
    /// `≥ min`.
    AtLeast(i64),
    /// A rate: `0 < d ≤ 1`; `hint` when the value reads as 折 notation (`9` → `9折`).
    Rate { hint: Option<String> },
    /// Too large for the field's exact decimal form.
    TooBig,
}

/// Why a bound applies, when it depends on another field: the condition and the table's reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Because {
    pub field: &'static str,
    pub value: String,
    pub why: crate::rules::Why,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BadChar {
    CodePoint(char),
    LoneSurrogate,
}

impl BadChar {
    pub fn as_param(&self) -> String {
        match self {
            BadChar::CodePoint(c) => crate::norm::text::code_point(*c),
            BadChar::LoneSurrogate => "a lone surrogate".into(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldHint {
    /// The field belongs in another object (named by its path).
    BelongsTo(&'static str),
    DidYouMean(&'static str),
}

/// Why a text is no payload (or no answer).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Malformed {
    /// serde_json's refusal (its English words kept as `detail`), at a line and column.
    Json { detail: String, line: usize, column: usize },
    /// A JS string given as JSON text holds a lone surrogate.
    LoneSurrogateInText,
    /// Bytes given as JSON text are not UTF-8 from this offset.
    Utf8 { byte: usize },
    /// The payload is JSON but no object.
    NotAnObject { got: Got },
    /// A response text the reader refused.
    Response(ResponseProblem),
    /// A request payload given as XML (the Qimen classic body) that is no well-formed XML.
    RequestXml(ResponseProblem),
    /// A request body the server could not read (the stream failed): the runtime's words.
    Body { detail: String },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ResponseProblem {
    NotJson {
        detail: String,
    },
    NeitherXmlNorJson,
    NotAnObject,
    NotXml {
        detail: String,
    },
    ControlChar {
        byte: u8,
    },
    UndefinedEntity {
        detail: String,
    },
    Doctype,
    Unclosed,
    Unbalanced,
    NoRoot,
    TooManyValues {
        limit: usize,
    },
    /// A field the answer is read for appears twice in one object: which one the platform meant is unknowable
    /// (`"success": false, "success": true`), so the answer is not read at all.
    DuplicateKey {
        key: String,
    },
}

impl Violation {
    pub fn code(&self) -> Code {
        match self {
            Violation::Missing | Violation::MissingWhen { .. } | Violation::TooFew { .. } => Code::Missing,
            Violation::Type { .. } => Code::Type,
            Violation::TooLong { .. } => Code::TooLong,
            Violation::TooMany { .. } => Code::TooMany,
            Violation::Enum { .. } => Code::Enum,
            Violation::Date { .. } => Code::Date,
            Violation::Datetime { .. } => Code::Datetime,
            Violation::Integer { .. } => Code::Integer,
            Violation::Decimal { .. } => Code::Decimal,
            Violation::Range { .. } => Code::Range,
            Violation::DuplicateKey { .. } | Violation::DuplicateValue { .. } => Code::Duplicate,
            Violation::Order { .. } => Code::Order,
            Violation::InvalidChar { .. } => Code::InvalidChar,
            Violation::UnknownField { .. } => Code::UnknownField,
            Violation::Malformed(_) => Code::Malformed,
            Violation::TooLarge { .. } | Violation::BodyTooLarge { .. } => Code::TooLarge,
            Violation::ContentType { .. } => Code::ContentType,
            Violation::Timeout { .. } => Code::Timeout,
            Violation::TooDeep { .. } => Code::TooDeep,
            Violation::UnknownMethod { .. } => Code::UnknownMethod,
            Violation::Negative { .. } => Code::Negative,
            Violation::ZeroQuantity => Code::ZeroQuantity,
            Violation::EmptyList => Code::EmptyList,
            Violation::CountMismatch { .. } => Code::CountMismatch,
            Violation::CheckDigit { .. } => Code::CheckDigit,
            Violation::TooManyIssues { .. } => Code::TooManyIssues,
        }
    }

    /// The value the issue is about, when it has one.
    pub fn value(&self) -> Option<&str> {
        match self {
            Violation::Type { value, .. } | Violation::Enum { value, .. } => value.as_deref(),
            Violation::Date { value, .. }
            | Violation::Datetime { value, .. }
            | Violation::Integer { value, .. }
            | Violation::Decimal { value, .. }
            | Violation::Range { value, .. }
            | Violation::DuplicateValue { value, .. }
            | Violation::Order { value, .. }
            | Violation::UnknownMethod { value, .. }
            | Violation::Negative { value }
            | Violation::CountMismatch { value, .. }
            | Violation::CheckDigit { value, .. } => Some(value),
            _ => None,
        }
    }
}

/// The issue's `params`: the variant's fields under stable names (documented in the README; part of the API).
pub struct Params<'a>(pub &'a Violation);

impl Serialize for Params<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(None)?;
        let v = self.0;
        match v {
            Violation::Missing | Violation::ZeroQuantity | Violation::EmptyList => {}
            Violation::MissingWhen { field, value } => m.serialize_entry("when", &format!("{field} = {value}"))?,
            Violation::TooFew { min } => m.serialize_entry("min", min)?,
            Violation::Type { expected, got, value } => {
                m.serialize_entry("expected", expected.as_str())?;
                m.serialize_entry("got", &got.as_param())?;
                if let Some(value) = value {
                    m.serialize_entry("value", value)?;
                }
            }
            Violation::TooLong { length, max } => {
                m.serialize_entry("length", length)?;
                m.serialize_entry("max", max)?;
            }
            Violation::TooMany { count, max } => {
                m.serialize_entry("max", max)?;
                m.serialize_entry("count", count)?;
            }
            Violation::Enum { value, allowed, reason } => {
                if let Some(value) = value {
                    m.serialize_entry("value", value)?;
                }
                m.serialize_entry("allowed", allowed)?;
                if let Some(EnumReason::NotQimen) = reason {
                    m.serialize_entry("reason", "not_qimen")?;
                }
            }
            Violation::Date { value, reason } | Violation::Datetime { value, reason } => {
                m.serialize_entry("value", value)?;
                m.serialize_entry("reason", reason.as_str())?;
            }
            Violation::Integer { value, reason } => {
                m.serialize_entry("value", value)?;
                m.serialize_entry("reason", reason.as_str())?;
            }
            Violation::Decimal { value, scale, unit } => {
                m.serialize_entry("value", value)?;
                match scale {
                    Some(scale) => m.serialize_entry("scale", scale)?,
                    None => m.serialize_entry("reason", "syntax")?,
                }
                if let Some(unit) = unit {
                    m.serialize_entry("unit", unit)?;
                }
            }
            Violation::Range { value, bound, because } => {
                m.serialize_entry("value", value)?;
                match bound {
                    Bound::AtLeast(min) => m.serialize_entry("min", min)?,
                    Bound::Rate { hint } => {
                        m.serialize_entry("min", &0)?;
                        m.serialize_entry("max", &1)?;
                        m.serialize_entry("exclusiveMin", &true)?;
                        if let Some(hint) = hint {
                            m.serialize_entry("hint", hint)?;
                        }
                    }
                    Bound::TooBig => m.serialize_entry("reason", "too_big")?,
                }
                if let Some(Because { field, value, .. }) = because {
                    m.serialize_entry("when", &format!("{field} = {value}"))?;
                }
            }
            Violation::DuplicateKey { key } => m.serialize_entry("key", key)?,
            Violation::DuplicateValue { value, first } => {
                m.serialize_entry("value", value)?;
                m.serialize_entry("first", first)?;
            }
            Violation::Order { value, other, other_value } => {
                m.serialize_entry("value", value)?;
                m.serialize_entry("other", other)?;
                m.serialize_entry("otherValue", other_value)?;
            }
            Violation::InvalidChar { char, index } => {
                m.serialize_entry("char", &char.as_param())?;
                m.serialize_entry("index", index)?;
            }
            Violation::UnknownField { hint } => match hint {
                Some(FieldHint::BelongsTo(b)) => m.serialize_entry("belongsTo", b)?,
                Some(FieldHint::DidYouMean(d)) => m.serialize_entry("didYouMean", d)?,
                None => {}
            },
            Violation::Malformed(problem) => {
                m.serialize_entry("detail", &super::messages::en::malformed_detail(problem))?;
                if let Malformed::Json { line, column, .. } = problem {
                    m.serialize_entry("line", line)?;
                    m.serialize_entry("column", column)?;
                }
            }
            Violation::TooLarge { bytes, limit } => {
                m.serialize_entry("bytes", bytes)?;
                m.serialize_entry("limit", limit)?;
            }
            Violation::TooDeep { limit } | Violation::TooManyIssues { limit } => m.serialize_entry("limit", limit)?,
            Violation::UnknownMethod { value, allowed } => {
                m.serialize_entry("value", value)?;
                m.serialize_entry("allowed", allowed)?;
            }
            Violation::BodyTooLarge { bytes, limit, at_least } => {
                m.serialize_entry("bytes", bytes)?;
                m.serialize_entry("limit", limit)?;
                m.serialize_entry("atLeast", at_least)?;
            }
            Violation::ContentType { content_type } => m.serialize_entry("contentType", content_type)?,
            Violation::Timeout { ms } => m.serialize_entry("ms", ms)?,
            Violation::Negative { value } => m.serialize_entry("value", value)?,
            Violation::CountMismatch { value, count } => {
                m.serialize_entry("value", value)?;
                m.serialize_entry("count", count)?;
            }
            Violation::CheckDigit { value, expected } => {
                m.serialize_entry("value", value)?;
                if let Some(expected) = expected {
                    m.serialize_entry("expected", expected)?;
                }
            }
        }
        m.end()
    }
}
