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

/// Declares the codes once: the enum, its list and its wire names.
macro_rules! codes {
    ($($(#[$doc:meta])* $variant:ident => $name:literal,)*) => {
        /// A stable, documented reason code. The README lists every code with its meaning.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Code {
            $($(#[$doc])* $variant,)*
        }
        impl Code {
            pub const ALL: &'static [Code] = &[$(Code::$variant,)*];
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Code::$variant => $name,)*
                }
            }
        }
    };
}

codes! {
    Missing => "missing",
    Type => "type",
    TooLong => "too_long",
    TooMany => "too_many",
    Enum => "enum",
    Date => "date",
    Datetime => "datetime",
    Integer => "integer",
    Decimal => "decimal",
    Range => "range",
    Duplicate => "duplicate",
    Order => "order",
    InvalidChar => "invalid_char",
    UnknownField => "unknown_field",
    Malformed => "malformed",
    TooLarge => "too_large",
    TooDeep => "too_deep",
    UnknownMethod => "unknown_method",
    /// Warnings only from here: legal but suspicious.
    Negative => "negative",
    ZeroQuantity => "zero_quantity",
    EmptyList => "empty_list",
    CountMismatch => "count_mismatch",
    CheckDigit => "check_digit",
    /// More issues than a report carries; the rest were not listed.
    TooManyIssues => "too_many_issues",
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
