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
        /// The field whose value makes this one required.
        field: &'static str,
        /// That field's value, as given.
        value: String,
    },
    /// A list with fewer entries than it needs.
    TooFew {
        /// The fewest entries the list needs.
        min: usize,
    },
    /// A value of the wrong JSON (or JS) type; `value` when a string was given that reads as no such value.
    Type {
        /// What the field takes.
        expected: Expected,
        /// What the value was instead.
        got: Got,
        /// The text, when a string was given that reads as no such value.
        value: Option<String>,
    },
    /// Longer than allowed, in UTF-16 units (as the Java SDK counts).
    TooLong {
        /// The value's length in UTF-16 units.
        length: usize,
        /// The most the field allows.
        max: usize,
    },
    /// More list entries than one request may carry.
    TooMany {
        /// The entries given.
        count: usize,
        /// The most one request may carry.
        max: usize,
    },
    /// Not one of the codes; `value` is `None` where it must not be repeated (a secret passed as a sign method).
    Enum {
        /// The value as given.
        value: Option<String>,
        /// The codes (and their labels) the field takes.
        allowed: Allowed,
        /// Why the value is refused beyond not being listed.
        reason: Option<EnumReason>,
    },
    /// Not a date (`YYYY-MM-DD`, or what reads as one); `reason` says which part is wrong.
    Date {
        /// The value as given.
        value: String,
        /// Which part of the date is wrong.
        reason: DateReason,
    },
    /// Not a date and time (`YYYY-MM-DD HH:MM:SS` in GMT+8, or what reads as one).
    Datetime {
        /// The value as given.
        value: String,
        /// Which part of the date and time is wrong.
        reason: DateReason,
    },
    /// Not an integer the field can hold (a Long: −2^63 … 2^63 − 1, exact).
    Integer {
        /// The value as given.
        value: String,
        /// Why it is not one.
        reason: IntegerReason,
    },
    /// Not a decimal number (`scale: None`), or more decimals than `scale`; `unit` when the value is a
    /// number followed by a currency unit (`12.5元`): the fix is to remove it.
    Decimal {
        /// The value as given.
        value: String,
        /// The most decimals the field keeps, when the value had more.
        scale: Option<u32>,
        /// The currency unit the value ended with (`元`, `¥`).
        unit: Option<&'static str>,
    },
    /// A number outside the field's range.
    Range {
        /// The value as given.
        value: String,
        /// The range it must be in.
        bound: Bound,
        /// The other field whose value makes the range apply, when one does.
        because: Option<Because>,
    },
    /// The same key twice in one object.
    DuplicateKey {
        /// The key, as given.
        key: String,
    },
    /// A value that must be unique in its list, repeated; `first` is the 0-based index of the first entry.
    DuplicateValue {
        /// The repeated value.
        value: String,
        /// The 0-based index of the entry that holds it first.
        first: usize,
    },
    /// `value` comes after `other`'s value although it must not.
    Order {
        /// The value as given.
        value: String,
        /// The field whose value it must not come after.
        other: &'static str,
        /// That field's value.
        other_value: String,
    },
    /// A character XML 1.0 cannot carry, at a character index (or UTF-16 index for a lone surrogate).
    InvalidChar {
        /// The character.
        char: BadChar,
        /// Its character index in the value (UTF-16 index for a lone surrogate).
        index: usize,
    },
    /// A field the API's table does not know.
    UnknownField {
        /// Where it belongs or what was probably meant, when that is known.
        hint: Option<FieldHint>,
    },
    /// The text is not a payload (or not an answer): see [`Malformed`].
    Malformed(Malformed),
    /// A text over the input limit ([`crate::input::MAX_INPUT_BYTES`]).
    TooLarge {
        /// The text's size in bytes.
        bytes: usize,
        /// The limit in bytes.
        limit: usize,
    },
    /// Nesting deeper than the limit ([`crate::input::MAX_DEPTH`]).
    TooDeep {
        /// The limit in levels.
        limit: usize,
    },
    /// A method that is neither shipped nor registered.
    UnknownMethod {
        /// The method as given.
        value: String,
        /// The shipped methods.
        allowed: Vec<&'static str>,
    },
    // Refusals of the server adapters, before the body reaches `check`.
    /// A request body over the limit: `bytes` declared, or (`at_least`) more than `bytes` arrived.
    BodyTooLarge {
        /// The bytes declared, or (with `at_least`) the bytes that had arrived when reading stopped.
        bytes: usize,
        /// The limit in bytes.
        limit: usize,
        /// Whether `bytes` is a lower bound (a body without a declared length).
        at_least: bool,
    },
    /// A request body of a media type that is not JSON.
    ContentType {
        /// The request's `Content-Type`, as sent.
        content_type: String,
    },
    /// A request body that did not arrive within `ms`.
    Timeout {
        /// The time allowed, in milliseconds.
        ms: u64,
    },
    // Warnings.
    /// A negative quantity where stock cannot be negative (a warning).
    Negative {
        /// The value as given.
        value: String,
    },
    /// A delta of 0: the entry changes nothing.
    ZeroQuantity,
    /// A list with no entries (a warning): the request changes nothing.
    EmptyList,
    /// A `total` smaller than the number of entries carried.
    CountMismatch {
        /// The `total` as given.
        value: String,
        /// The entries carried.
        count: usize,
    },
    /// A barcode's wrong GS1 check digit (`expected`), or an implausible registration number (`None`).
    CheckDigit {
        /// The code as given.
        value: String,
        /// The check digit the code needs, for a barcode.
        expected: Option<u32>,
    },
    /// More issues than a report lists.
    TooManyIssues {
        /// The most issues a report lists ([`crate::engine::MAX_ISSUES`]).
        limit: usize,
    },
}

/// The type a value should have had.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expected {
    /// A string.
    String,
    /// An integer (a Long).
    Integer,
    /// `true` or `false`.
    Boolean,
    /// An object.
    Object,
    /// A list.
    Array,
    /// A date.
    Date,
    /// A date and time.
    Datetime,
    /// A price (a decimal of up to two places).
    Price,
    /// A discount (a rate in (0, 1]).
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
    /// `null`.
    Null,
    /// `true` or `false`.
    Boolean,
    /// A number.
    Number,
    /// A string.
    String,
    /// A list.
    Array,
    /// An object.
    Object,
    /// A JS `Date`.
    Date,
    /// JS `undefined`.
    Undefined,
    /// A JS BigInt.
    BigInt,
    /// JS `NaN`.
    NaN,
    /// JS `Infinity`.
    Infinity,
    /// JS `-Infinity`.
    NegativeInfinity,
    /// A JS function.
    Function,
    /// A JS symbol.
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
/// Why a code is refused beyond not being listed.
pub enum EnumReason {
    /// `body: 'xml'` for a method that is not a Qimen method.
    NotQimen,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
/// Why a date or date and time is refused.
pub enum DateReason {
    /// No such day in that month (`2024-02-30`).
    Day,
    /// No such month.
    Month,
    /// No such time of day (`24:00:01`).
    Time,
    /// A date where a date and time is required.
    NoTime,
    /// A year outside 1900–9999.
    YearRange,
    /// A time zone offset that cannot be read.
    Offset,
    /// Epoch milliseconds outside the years the field takes.
    EpochMillis,
    /// Not a date's form at all.
    Syntax,
}

impl DateReason {
    /// The `params.reason` text (stable).
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
/// Why a value is not an integer the field takes.
pub enum IntegerReason {
    /// It has a fraction (`2.5`).
    Fraction,
    /// Beyond a Long (−2^63 … 2^63 − 1).
    OutOfRange,
    /// A JS number beyond 2^53: its digits are already gone.
    Unsafe,
    /// Not an integer's form at all.
    Syntax,
    /// Digits grouped by thousands separators (`1,200`, as spreadsheets format numbers): the same integer
    /// without them is the fix.
    Grouped,
}

impl IntegerReason {
    /// The `params.reason` text (stable).
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
    /// A rate: `0 < d ≤ 1`.
    Rate {
        /// The value in 折 notation, when it reads as one (`9` → `9折`): the fix.
        hint: Option<String>,
    },
    /// Too large for the field's exact decimal form.
    TooBig,
}

/// Why a bound applies, when it depends on another field: the condition and the table's reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Because {
    /// The field whose value makes the bound apply.
    pub field: &'static str,
    /// That field's value.
    pub value: String,
    /// The table's reason for the bound.
    pub why: crate::rules::Why,
}

#[derive(Debug, Clone, PartialEq, Eq)]
/// A character XML 1.0 cannot carry.
pub enum BadChar {
    /// A code point outside XML 1.0's characters (a control character, U+FFFE, …).
    CodePoint(char),
    /// A UTF-16 surrogate with no partner (only from JS strings).
    LoneSurrogate,
}

impl BadChar {
    /// The `params.char` text: `U+0001`, or "a lone surrogate".
    pub fn as_param(&self) -> String {
        match self {
            BadChar::CodePoint(c) => crate::norm::text::code_point(*c),
            BadChar::LoneSurrogate => "a lone surrogate".into(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
/// Where an unknown field belongs, or what was probably meant.
pub enum FieldHint {
    /// The field belongs in another object (named by its path).
    BelongsTo(&'static str),
    /// The known field of that object whose name is closest (a typo, another casing).
    DidYouMean(&'static str),
}

/// Why a text is no payload (or no answer).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Malformed {
    /// Not JSON: the JSON reader's refusal, worded as serde_json words it, at a line and column.
    Json {
        /// The refusal's English words (`expected value`, `EOF while parsing an object`).
        detail: String,
        /// The line, from 1 (0 when the place is unknown).
        line: usize,
        /// The column in bytes, from 1 (0 when the place is unknown).
        column: usize,
    },
    /// A JS string given as JSON text holds a lone surrogate.
    LoneSurrogateInText,
    /// Bytes given as JSON text are not UTF-8 from this offset.
    Utf8 {
        /// The offset of the first byte that is not UTF-8.
        byte: usize,
    },
    /// The payload is JSON but no object.
    NotAnObject {
        /// What the JSON is instead.
        got: Got,
    },
    /// A response text the reader refused.
    Response(ResponseProblem),
    /// A request payload given as XML (the Qimen classic body) that is no well-formed XML.
    RequestXml(ResponseProblem),
    /// A request body the server could not read (the stream failed): the runtime's words.
    Body {
        /// The runtime's words.
        detail: String,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
/// Why a response text could not be read.
pub enum ResponseProblem {
    /// Not JSON: the reader's words.
    NotJson {
        /// The reader's refusal, with its line and column.
        detail: String,
    },
    /// Neither an XML document nor a JSON object.
    NeitherXmlNorJson,
    /// JSON, but no object.
    NotAnObject,
    /// Not well-formed XML.
    NotXml {
        /// The XML reader's refusal.
        detail: String,
    },
    /// A control character XML 1.0 does not allow.
    ControlChar {
        /// The byte.
        byte: u8,
    },
    /// An entity reference other than the five predefined ones.
    UndefinedEntity {
        /// The XML reader's words.
        detail: String,
    },
    /// A DOCTYPE declaration (refused: no entity is ever expanded).
    Doctype,
    /// The text ends before an element is closed.
    Unclosed,
    /// An end tag that does not match its start tag.
    Unbalanced,
    /// No root element.
    NoRoot,
    /// More values where the answer's fields are read than any answer of these APIs holds.
    TooManyValues {
        /// The most values kept from one answer.
        limit: usize,
    },
    /// A field the answer is read for appears twice in one object: which one the platform meant is unknowable
    /// (`"success": false, "success": true`), so the answer is not read at all.
    DuplicateKey {
        /// The key.
        key: String,
    },
}

/// The values an enum field takes, as an issue lists them (`params.allowed`): a table's codes, each listed as
/// `code (中文标签)`, or values written out by the caller (an option's choices).
///
/// A table's codes are kept as its slice, so an invalid entry costs no text until its issue is read.
///
/// ```
/// use qimen_payload::report::violation::Allowed;
///
/// let allowed = Allowed::from(vec!["json".to_string(), "xml".to_string()]);
/// assert_eq!(allowed.join(", "), "json, xml");
/// assert_eq!(allowed.len(), 2);
/// ```
#[derive(Debug, Clone)]
pub enum Allowed {
    /// An enum field's codes, from its rule table.
    Codes(&'static [crate::rules::EnumCode]),
    /// Values written out.
    Words(Vec<String>),
}

impl Allowed {
    /// How many values are listed.
    pub fn len(&self) -> usize {
        match self {
            Allowed::Codes(c) => c.len(),
            Allowed::Words(w) => w.len(),
        }
    }

    /// Whether none is.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Each value as listed.
    pub fn iter(&self) -> impl Iterator<Item = std::borrow::Cow<'_, str>> + '_ {
        // One of the two is empty.
        let (codes, words): (&[crate::rules::EnumCode], &[String]) = match self {
            Allowed::Codes(c) => (c, &[]),
            Allowed::Words(w) => (&[], w),
        };
        codes
            .iter()
            .map(|c| std::borrow::Cow::Owned([c.code, " (", c.label_zh, ")"].concat()))
            .chain(words.iter().map(|w| std::borrow::Cow::Borrowed(w.as_str())))
    }

    /// The values joined by `sep`, as a message lists them.
    pub fn join(&self, sep: &str) -> String {
        let mut out = String::new();
        for (i, v) in self.iter().enumerate() {
            if i > 0 {
                out.push_str(sep);
            }
            out.push_str(&v);
        }
        out
    }
}

impl From<Vec<String>> for Allowed {
    fn from(words: Vec<String>) -> Self {
        Allowed::Words(words)
    }
}

/// Two lists are equal when they list the same values (a table's codes or the same words written out).
impl PartialEq for Allowed {
    fn eq(&self, other: &Self) -> bool {
        self.iter().eq(other.iter())
    }
}

impl Serialize for Allowed {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.iter())
    }
}

impl Violation {
    /// The issue's code.
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
