//! What `check` answers: the report, its issues (errors and warnings), their codes and parameters.

use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;

use crate::messages;
use crate::value::Val;

/// A stable, documented reason code. The README lists every code with its meaning.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Code {
    Missing,
    Type,
    TooLong,
    TooMany,
    Enum,
    Date,
    Datetime,
    Integer,
    Decimal,
    Range,
    Duplicate,
    Order,
    InvalidChar,
    UnknownField,
    Malformed,
    TooLarge,
    TooDeep,
    UnknownMethod,
    // Warnings only: legal but suspicious.
    Negative,
    ZeroQuantity,
    EmptyList,
    CountMismatch,
    CheckDigit,
    /// More issues than a report carries; the rest were not listed.
    TooManyIssues,
}

impl Code {
    pub const ALL: [Code; 24] = [
        Code::Missing,
        Code::Type,
        Code::TooLong,
        Code::TooMany,
        Code::Enum,
        Code::Date,
        Code::Datetime,
        Code::Integer,
        Code::Decimal,
        Code::Range,
        Code::Duplicate,
        Code::Order,
        Code::InvalidChar,
        Code::UnknownField,
        Code::Malformed,
        Code::TooLarge,
        Code::TooDeep,
        Code::UnknownMethod,
        Code::Negative,
        Code::ZeroQuantity,
        Code::EmptyList,
        Code::CountMismatch,
        Code::CheckDigit,
        Code::TooManyIssues,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Code::Missing => "missing",
            Code::Type => "type",
            Code::TooLong => "too_long",
            Code::TooMany => "too_many",
            Code::Enum => "enum",
            Code::Date => "date",
            Code::Datetime => "datetime",
            Code::Integer => "integer",
            Code::Decimal => "decimal",
            Code::Range => "range",
            Code::Duplicate => "duplicate",
            Code::Order => "order",
            Code::InvalidChar => "invalid_char",
            Code::UnknownField => "unknown_field",
            Code::Malformed => "malformed",
            Code::TooLarge => "too_large",
            Code::TooDeep => "too_deep",
            Code::UnknownMethod => "unknown_method",
            Code::Negative => "negative",
            Code::ZeroQuantity => "zero_quantity",
            Code::EmptyList => "empty_list",
            Code::CountMismatch => "count_mismatch",
            Code::CheckDigit => "check_digit",
            Code::TooManyIssues => "too_many_issues",
        }
    }
}

impl Serialize for Code {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// One parameter value of an issue.
#[derive(Debug, Clone, PartialEq)]
pub enum Param {
    Str(String),
    Int(i64),
    List(Vec<String>),
}

impl Serialize for Param {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Param::Str(v) => s.serialize_str(v),
            Param::Int(v) => s.serialize_i64(*v),
            Param::List(v) => v.serialize(s),
        }
    }
}

impl From<&str> for Param {
    fn from(v: &str) -> Self {
        Param::Str(v.to_owned())
    }
}
impl From<String> for Param {
    fn from(v: String) -> Self {
        Param::Str(v)
    }
}
impl From<i64> for Param {
    fn from(v: i64) -> Self {
        Param::Int(v)
    }
}
impl From<usize> for Param {
    fn from(v: usize) -> Self {
        Param::Int(i64::try_from(v).unwrap_or(i64::MAX))
    }
}
impl From<Vec<String>> for Param {
    fn from(v: Vec<String>) -> Self {
        Param::List(v)
    }
}

/// Named parameters, in the order they were added (serialized as an object).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Params(pub Vec<(&'static str, Param)>);

impl Params {
    pub fn new() -> Self {
        Params(Vec::new())
    }
    pub fn with(mut self, key: &'static str, value: impl Into<Param>) -> Self {
        self.0.push((key, value.into()));
        self
    }
    pub fn get(&self, key: &str) -> Option<&Param> {
        self.0.iter().find(|(k, _)| *k == key).map(|(_, v)| v)
    }
    pub fn str(&self, key: &str) -> &str {
        match self.get(key) {
            Some(Param::Str(s)) => s,
            _ => "",
        }
    }
}

impl Serialize for Params {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            m.serialize_entry(k, v)?;
        }
        m.end()
    }
}

/// One finding: an error (the server would reject it, or data would be corrupted) or a warning.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Issue {
    /// Where: `item[3].itemCode`; empty for the payload as a whole.
    pub path: String,
    pub code: Code,
    pub params: Params,
    pub message: String,
    pub message_zh: String,
    /// For errors, the TOP SDK client-error code: 40 (missing) or 41 (invalid).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub top_code: Option<u32>,
    /// For errors, the TOP SDK client-error message, e.g. `client-error:Missing required arguments:item.itemCode`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub top_message: Option<String>,
}

impl Issue {
    /// Build an issue; its messages and TOP form are derived from the code, path and parameters.
    pub fn new(path: String, code: Code, params: Params, is_error: bool) -> Issue {
        let (message, message_zh) = messages::describe(&path, code, &params);
        let (top_code, top_message) = if is_error {
            let (c, m) = messages::top_form(&path, code, &params);
            (Some(c), Some(m))
        } else {
            (None, None)
        };
        Issue { path, code, params, message, message_zh, top_code, top_message }
    }
}

/// The answer of `check`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// True iff there are no errors.
    pub ok: bool,
    /// The normalized payload (known fields only, canonical forms), present when `ok`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<Val>,
    pub errors: Vec<Issue>,
    pub warnings: Vec<Issue>,
}

impl Report {
    /// A report with a single error and no value.
    pub fn failed(issue: Issue) -> Report {
        Report { ok: false, value: None, errors: vec![issue], warnings: Vec::new() }
    }
}
