//! Messages for people, one method per violation per language (`en.rs`, `zh.rs`): a language that misses a
//! variant, or a variant whose fields change, does not compile. Plus the TOP SDK client-error form.

pub mod en;
mod top;
pub mod zh;

pub use top::{dotted, java_property, top_code, top_form};

use super::violation::{
    Allowed, BadChar, Because, Bound, DateReason, EnumReason, Expected, FieldHint, Got, IntegerReason, Malformed, Violation,
};
use super::Label;

/// Where an issue is: its path, and when the table knows the field, its label and list position.
pub struct Place<'a> {
    /// The issue's path (`item[3].itemCode`; empty for the payload as a whole).
    pub path: &'a str,
    /// The field's label, when the table knows the field.
    pub label: Option<&'a Label>,
    /// 1-based.
    pub position: Option<usize>,
}

/// The words of one language. `at` is where the issue is, as `place` words it.
pub trait Messages {
    /// How the issue's place is named: the field's label (with its entry number in a list), else the path.
    fn place(&self, p: &Place) -> String;
    /// How the payload as a whole is named (an issue with an empty path).
    fn payload(&self) -> &'static str;
    /// The name of an expected type (in `type` messages).
    fn expected(&self, e: Expected) -> &'static str;
    /// The name of what a value was instead (in `type` messages).
    fn got(&self, g: &Got) -> String;
    /// The message of [`Violation::Missing`].
    fn missing(&self, at: &str) -> String;
    /// The message of [`Violation::MissingWhen`].
    fn missing_when(&self, at: &str, field: &str, value: &str) -> String;
    /// The message of [`Violation::TooFew`].
    fn too_few(&self, at: &str, min: usize) -> String;
    /// The message of [`Violation::Type`].
    fn type_error(&self, at: &str, expected: Expected, got: &Got, value: Option<&str>) -> String;
    /// The message of [`Violation::TooLong`].
    fn too_long(&self, at: &str, length: usize, max: usize) -> String;
    /// The message of [`Violation::TooMany`].
    fn too_many(&self, at: &str, count: usize, max: usize) -> String;
    /// The message of [`Violation::Enum`].
    fn enum_value(&self, at: &str, value: Option<&str>, allowed: &Allowed, reason: Option<EnumReason>) -> String;
    /// The message of [`Violation::Date`] and [`Violation::Datetime`].
    fn date(&self, at: &str, value: &str, reason: DateReason, with_time: bool) -> String;
    /// The message of [`Violation::Integer`].
    fn integer(&self, at: &str, value: &str, reason: IntegerReason) -> String;
    /// The message of [`Violation::Decimal`].
    fn decimal(&self, at: &str, value: &str, scale: Option<u32>, unit: Option<&str>) -> String;
    /// The message of [`Violation::Range`].
    fn range(&self, at: &str, value: &str, bound: &Bound, because: Option<&Because>) -> String;
    /// The message of [`Violation::DuplicateKey`].
    fn duplicate_key(&self, at: &str, key: &str) -> String;
    /// The message of [`Violation::DuplicateValue`]: `first` is the 0-based index of the first entry with the
    /// value (messages count from 1).
    fn duplicate_value(&self, at: &str, value: &str, first: usize) -> String;
    /// The message of [`Violation::Order`].
    fn order(&self, at: &str, value: &str, other: &str, other_value: &str) -> String;
    /// The message of [`Violation::InvalidChar`].
    fn invalid_char(&self, at: &str, c: &BadChar, index: usize) -> String;
    /// The message of [`Violation::UnknownField`].
    fn unknown_field(&self, at: &str, hint: Option<&FieldHint>) -> String;
    /// The message of [`Violation::Malformed`].
    fn malformed(&self, m: &Malformed) -> String;
    /// The message of [`Violation::TooLarge`].
    fn too_large(&self, bytes: usize, limit: usize) -> String;
    /// The message of [`Violation::TooDeep`].
    fn too_deep(&self, at: &str, limit: usize) -> String;
    /// The message of [`Violation::UnknownMethod`].
    fn unknown_method(&self, value: &str, allowed: &[&str]) -> String;
    /// The message of [`Violation::BodyTooLarge`].
    fn body_too_large(&self, bytes: usize, limit: usize, at_least: bool) -> String;
    /// The message of [`Violation::ContentType`].
    fn content_type(&self, content_type: &str) -> String;
    /// The message of [`Violation::Timeout`].
    fn timeout(&self, ms: u64) -> String;
    /// The message of [`Violation::Negative`].
    fn negative(&self, at: &str, value: &str) -> String;
    /// The message of [`Violation::ZeroQuantity`].
    fn zero_quantity(&self, at: &str) -> String;
    /// The message of [`Violation::EmptyList`].
    fn empty_list(&self, at: &str) -> String;
    /// The message of [`Violation::CountMismatch`].
    fn count_mismatch(&self, at: &str, value: &str, count: usize) -> String;
    /// The message of [`Violation::CheckDigit`].
    fn check_digit(&self, at: &str, value: &str, expected: Option<u32>) -> String;
    /// The message of [`Violation::TooManyIssues`].
    fn too_many_issues(&self, limit: usize) -> String;
}

/// The message of a violation at a place, in the language `m`.
pub fn message(m: &impl Messages, place: &Place, v: &Violation) -> String {
    let at = &m.place(place);
    match v {
        Violation::Missing => m.missing(at),
        Violation::MissingWhen { field, value } => m.missing_when(at, field, value),
        Violation::TooFew { min } => m.too_few(at, *min),
        Violation::Type { expected, got, value } => m.type_error(at, *expected, got, value.as_deref()),
        Violation::TooLong { length, max } => m.too_long(at, *length, *max),
        Violation::TooMany { count, max } => m.too_many(at, *count, *max),
        Violation::Enum { value, allowed, reason } => m.enum_value(at, value.as_deref(), allowed, *reason),
        Violation::Date { value, reason } => m.date(at, value, *reason, false),
        Violation::Datetime { value, reason } => m.date(at, value, *reason, true),
        Violation::Integer { value, reason } => m.integer(at, value, *reason),
        Violation::Decimal { value, scale, unit } => m.decimal(at, value, *scale, *unit),
        Violation::Range { value, bound, because } => m.range(at, value, bound, because.as_ref()),
        Violation::DuplicateKey { key } => m.duplicate_key(at, key),
        Violation::DuplicateValue { value, first } => m.duplicate_value(at, value, *first),
        Violation::Order { value, other, other_value } => m.order(at, value, other, other_value),
        Violation::InvalidChar { char, index } => m.invalid_char(at, char, *index),
        Violation::UnknownField { hint } => m.unknown_field(at, hint.as_ref()),
        Violation::Malformed(problem) => m.malformed(problem),
        Violation::TooLarge { bytes, limit } => m.too_large(*bytes, *limit),
        Violation::TooDeep { limit } => m.too_deep(at, *limit),
        Violation::UnknownMethod { value, allowed } => m.unknown_method(value, allowed),
        Violation::BodyTooLarge { bytes, limit, at_least } => m.body_too_large(*bytes, *limit, *at_least),
        Violation::ContentType { content_type } => m.content_type(content_type),
        Violation::Timeout { ms } => m.timeout(*ms),
        Violation::Negative { value } => m.negative(at, value),
        Violation::ZeroQuantity => m.zero_quantity(at),
        Violation::EmptyList => m.empty_list(at),
        Violation::CountMismatch { value, count } => m.count_mismatch(at, value, *count),
        Violation::CheckDigit { value, expected } => m.check_digit(at, value, *expected),
        Violation::TooManyIssues { limit } => m.too_many_issues(*limit),
    }
}

/// The (English, Chinese) messages of a violation.
pub fn describe(place: &Place, v: &Violation) -> (String, String) {
    (message(&en::En, place, v), message(&zh::Zh, place, v))
}

#[cfg(test)]
mod tests;
