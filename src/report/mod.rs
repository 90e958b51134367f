//! What `check` answers: the report, its issues (errors and warnings), their codes and parameters.
//!
//! An issue is built from a typed [`Violation`]: its `code`, `params`, both messages and the TOP form are all
//! derived from it, so nothing a producer says can be lost or contradicted on the way to the user.

pub mod messages;
pub mod violation;

use serde::ser::Serializer;
use serde::Serialize;

pub use violation::Violation;

use crate::value::Val;

/// Declares the codes once: the enum, its list, its wire names and what the README's table says of each
/// (the table is generated from here; a test fails when the README is stale).
macro_rules! codes {
    ($($variant:ident => $name:literal, $kind:literal, $meaning:literal;)*) => {
        /// A stable, documented reason code.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Code {
            $($variant,)*
        }
        impl Code {
            pub const ALL: &'static [Code] = &[$(Code::$variant,)*];
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Code::$variant => $name,)*
                }
            }
            /// Whether the code is an error, a warning, or either.
            pub fn kind(self) -> &'static str {
                match self {
                    $(Code::$variant => $kind,)*
                }
            }
            /// What it means, and its `params`.
            pub fn meaning(self) -> &'static str {
                match self {
                    $(Code::$variant => $meaning,)*
                }
            }
        }
    };
}

codes! {
    Missing => "missing", "error", "a required field is absent, null, blank, or an empty list (params: `when` for conditional requirements, `min` for a list minimum)";
    Type => "type", "error", "wrong JSON type (params: `expected`, `got`; `value` when a string reads as no such value)";
    TooLong => "too_long", "error", "string longer than the limit, counted in UTF-16 units as the Java SDK does (`length`, `max`)";
    TooMany => "too_many", "error", "list longer than the API's limit (`count`, `max`); the entries are still checked";
    Enum => "enum", "error", "not one of the codes (`value`, `allowed`)";
    Date => "date", "error", "not a date, or an impossible one (`value`, `reason`)";
    Datetime => "datetime", "error", "not a date-time, or an impossible one (`value`, `reason`)";
    Integer => "integer", "error", "not an integer, a fraction, beyond i64, or an unsafe JS number (`value`, `reason`)";
    Decimal => "decimal", "error", "not a decimal, or too many decimals (`value`, `scale`; `unit` when a currency unit such as `元` follows the number: the fix is to remove it)";
    Range => "range", "error", "outside the allowed range (`value`; `min` as an integer; for a rate `min` 0, `max` 1, `exclusiveMin`, and `hint` `9折` when a bare `9` was given; `reason: \"too_big\"` for a number too large for the field; `when` (`check_mode = 1`) when the bound comes from another field)";
    Duplicate => "duplicate", "error", "a key repeated in one JSON object (`key`), or a value that must be unique repeated in a list (`value`, `first`)";
    Order => "order", "error or warning", "a value after/above the one it must not exceed (`other`, `otherValue`)";
    InvalidChar => "invalid_char", "warning (error for lone surrogates)", "a character XML 1.0 cannot carry (`char`, `index`)";
    UnknownField => "unknown_field", "warning", "not a field of the API; not sent (`didYouMean`, or `belongsTo` when it belongs elsewhere)";
    Malformed => "malformed", "error", "not JSON, not an object, or not UTF-8 (`detail`, `line`, `column`); for `parseResponse`, an answer that cannot be read";
    TooLarge => "too_large", "error", "payload over 8 MiB (or over a million values as a JS object) (`bytes`, `limit`)";
    TooDeep => "too_deep", "error", "nesting deeper than 64 levels (16 for a response) (`limit`)";
    UnknownMethod => "unknown_method", "error", "not one of the methods (`value`, `allowed`)";
    ContentType => "content_type", "error (server adapters)", "a request body that is not JSON: answered 415 (`contentType`)";
    Timeout => "timeout", "error (server adapters)", "a request body that did not arrive in time: answered 408 (`ms`)";
    Negative => "negative", "warning", "a negative quantity (`value`)";
    ZeroQuantity => "zero_quantity", "warning", "a delta adjustment of 0 (changes nothing)";
    EmptyList => "empty_list", "warning", "a stock sync with no items";
    CountMismatch => "count_mismatch", "warning", "`total` smaller than the number of items (`value`, `count`)";
    CheckDigit => "check_digit", "warning", "a barcode with a wrong GS1 check digit (`expected`), or an implausible business registration number";
    TooManyIssues => "too_many_issues", "error or warning", "more than 1000 errors (or warnings); the rest are not listed (`limit`)";
}

impl Serialize for Code {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// One finding: an error (the server would reject it, or data would be corrupted) or a warning.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Issue {
    /// Where: `item[3].itemCode`; empty for the payload as a whole.
    pub path: String,
    pub code: Code,
    #[serde(rename = "params", serialize_with = "serialize_params")]
    pub violation: Violation,
    /// The field's name for people, from the table (absent for a member not in the table, or the whole).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<Label>,
    /// The 1-based number of the entry in the innermost list the issue is in (`item[4]…` → 5).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub position: Option<usize>,
    pub message: String,
    pub message_zh: String,
    /// For errors, the TOP SDK client-error code: 40 (missing) or 41 (invalid).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub top_code: Option<u32>,
    /// For errors, the TOP SDK client-error message, e.g. `client-error:Missing required arguments:item.itemCode`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub top_message: Option<String>,
}

/// Serialized under the name `params`: the violation's typed fields.
fn serialize_params<S: Serializer>(v: &Violation, s: S) -> Result<S::Ok, S::Error> {
    violation::Params(v).serialize(s)
}

impl Issue {
    /// Build an issue; its code, messages and TOP form are derived from the violation and the path.
    pub fn new(path: String, violation: Violation, is_error: bool) -> Issue {
        Issue::at(path, None, None, violation, is_error)
    }
    /// An issue at a field with its label and list position: the messages name the field as people do.
    pub fn at(path: String, label: Option<Label>, position: Option<usize>, violation: Violation, is_error: bool) -> Issue {
        let place = messages::Place { path: &path, label: label.as_ref(), position };
        let (message, message_zh) = messages::describe(&place, &violation);
        let (top_code, top_message) = if is_error {
            let (c, m) = messages::top_form(&path, &violation);
            (Some(c), Some(m))
        } else {
            (None, None)
        };
        Issue { path, code: violation.code(), violation, label, position, message, message_zh, top_code, top_message }
    }
    /// An error about the whole payload (empty path).
    pub fn whole(violation: Violation) -> Issue {
        Issue::new(String::new(), violation, true)
    }
}

/// A field's name for people, in both languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Label {
    pub en: &'static str,
    pub zh: &'static str,
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
