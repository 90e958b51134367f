//! What `check` answers: the report, its issues (errors and warnings), their codes and parameters.
//!
//! An issue is built from a typed [`Violation`]: its `code`, `params`, both messages and the TOP form are all
//! derived from it, so nothing a producer says can be lost or contradicted on the way to the user; the words
//! are written when they are read.

pub mod messages;
pub mod refusal;
pub mod violation;

use serde::ser::{SerializeMap, SerializeSeq, Serializer};
use serde::Serialize;
use std::fmt;

pub use violation::Violation;

use crate::value::Val;

/// Declares the codes once: the enum, its list, its wire names and what the README's table says of each
/// (the table is generated from here; a test fails when the README is stale).
macro_rules! codes {
    ($($variant:ident => $name:literal, $kind:literal, $meaning:literal;)*) => {
        /// A stable, documented reason code.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Code {
            $(#[doc = $meaning] $variant,)*
        }
        impl Code {
            /// Every code, in the README's order.
            pub const ALL: &'static [Code] = &[$(Code::$variant,)*];
            /// The code's wire name (`missing`, `too_long`): stable, part of the API.
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
    Integer => "integer", "error", "not an integer, a fraction, beyond i64, an unsafe JS number, or digits with thousands separators (`value`, `reason`: `syntax`, `fraction`, `out_of_range`, `unsafe`, `grouped`)";
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
///
/// Its messages and TOP form are derived from the violation when asked for ([`Issue::message`],
/// [`Issue::message_zh`], [`Issue::top_message`]), not when the issue is made: a caller that only needs the
/// verdict, or the codes and paths, does not pay for words. Serialized (serde) it is the full form, messages
/// included; [`Shown`] is the form the JS API gives.
#[derive(Debug, Clone, PartialEq)]
pub struct Issue {
    /// Where: `item[3].itemCode`; empty for the payload as a whole.
    pub path: String,
    /// The stable reason code (derived from `violation`).
    pub code: Code,
    /// What is wrong, with its typed fields.
    pub violation: Violation,
    /// The field's name for people, from the table (absent for a member not in the table, or the whole).
    pub label: Option<Label>,
    /// The 1-based number of the entry in the innermost list the issue is in (`item[4]…` → 5).
    pub position: Option<usize>,
    /// An error (it has a TOP SDK client-error form) or a warning.
    pub is_error: bool,
}

impl Issue {
    /// Build an issue; its code is the violation's.
    pub fn new(path: String, violation: Violation, is_error: bool) -> Issue {
        Issue::at(path, None, None, violation, is_error)
    }
    /// An issue at a field with its label and list position: the messages name the field as people do.
    pub fn at(path: String, label: Option<Label>, position: Option<usize>, violation: Violation, is_error: bool) -> Issue {
        Issue { path, code: violation.code(), violation, label, position, is_error }
    }
    /// An error about the whole payload (empty path).
    pub fn whole(violation: Violation) -> Issue {
        Issue::new(String::new(), violation, true)
    }
    fn place(&self) -> messages::Place<'_> {
        messages::Place { path: &self.path, label: self.label.as_ref(), position: self.position }
    }
    /// The message in English.
    pub fn message(&self) -> String {
        messages::message(&messages::en::En, &self.place(), &self.violation)
    }
    /// The message in Chinese.
    pub fn message_zh(&self) -> String {
        messages::message(&messages::zh::Zh, &self.place(), &self.violation)
    }
    /// For errors, the TOP SDK client-error code: 40 (missing) or 41 (invalid).
    pub fn top_code(&self) -> Option<u32> {
        self.is_error.then(|| messages::top_code(&self.violation))
    }
    /// For errors, the TOP SDK client-error message, e.g. `client-error:Missing required arguments:item.itemCode`.
    pub fn top_message(&self) -> Option<String> {
        self.top_form().map(|(_, message)| message)
    }
    /// For errors, the TOP SDK client-error form: its code and message.
    pub fn top_form(&self) -> Option<(u32, String)> {
        self.is_error.then(|| messages::top_form(&self.path, &self.violation))
    }
    /// The fields every form writes, in their order: path, code, params, label, position.
    fn serialize_head<M: SerializeMap>(&self, m: &mut M) -> Result<(), M::Error> {
        m.serialize_entry("path", &self.path)?;
        m.serialize_entry("code", &self.code)?;
        m.serialize_entry("params", &violation::Params(&self.violation))?;
        if let Some(label) = &self.label {
            m.serialize_entry("label", label)?;
        }
        if let Some(position) = &self.position {
            m.serialize_entry("position", position)?;
        }
        Ok(())
    }
}

/// The full form: `path`, `code`, `params`, `label`, `position`, `message`, `messageZh`, and for errors
/// `topCode` and `topMessage`.
impl Serialize for Issue {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(None)?;
        self.serialize_head(&mut m)?;
        m.serialize_entry("message", &self.message())?;
        m.serialize_entry("messageZh", &self.message_zh())?;
        if let Some((code, message)) = self.top_form() {
            m.serialize_entry("topCode", &code)?;
            m.serialize_entry("topMessage", &message)?;
        }
        m.end()
    }
}

/// The form the JS API gives, which its servers' `error_response` bodies list too: the full form with
/// `message` in the language given, then `messageEn`, and `segments` — the path as a form library's field name
/// (`item[3].itemCode` → `["item", 3, "itemCode"]`). Written here once for both, so a report read in JS and a
/// refusal body agree to the byte. Without a language `message` is `null`, for a reader that sets it from
/// `messageEn` or `messageZh` itself (js/api.js: the text is then a sentence shorter per issue).
pub struct Shown<'a>(pub &'a Issue, pub Option<refusal::Lang>);

/// A list of issues in the form the JS API gives ([`Shown`]), written without collecting it first.
pub struct ShownList<'a>(pub &'a [Issue], pub Option<refusal::Lang>);

impl Serialize for ShownList<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.iter().map(|i| Shown(i, self.1)))
    }
}

impl Serialize for Shown<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let Shown(issue, lang) = self;
        let (en, zh) = (issue.message(), issue.message_zh());
        let mut m = s.serialize_map(None)?;
        issue.serialize_head(&mut m)?;
        match lang {
            Some(refusal::Lang::Zh) => m.serialize_entry("message", &zh)?,
            Some(refusal::Lang::En) => m.serialize_entry("message", &en)?,
            None => m.serialize_entry("message", &())?,
        }
        m.serialize_entry("messageZh", &zh)?;
        if let Some((code, message)) = issue.top_form() {
            m.serialize_entry("topCode", &code)?;
            m.serialize_entry("topMessage", &message)?;
        }
        m.serialize_entry("messageEn", &en)?;
        m.serialize_entry("segments", &Segments(&issue.path))?;
        m.end()
    }
}

/// The largest `[digits]` of a path that is a number segment (2^53 - 1, `Number.MAX_SAFE_INTEGER`).
const MAX_SAFE_INDEX: u64 = (1 << 53) - 1;

/// A path's segments: each `[digits]` a number (up to [`MAX_SAFE_INDEX`], else its digits as a name), each run
/// of other characters than `.`, `[` and `]` a name; anything else is a separator. (What `pathSegments` in
/// js/api.js reads a path by, for the reports it has as objects.)
struct Segments<'a>(&'a str);

impl Serialize for Segments<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(None)?;
        let (bytes, mut i) = (self.0.as_bytes(), 0);
        while i < bytes.len() {
            let digits = if bytes[i] == b'[' { bytes[i + 1..].iter().take_while(|b| b.is_ascii_digit()).count() } else { 0 };
            if digits > 0 && bytes.get(i + 1 + digits) == Some(&b']') {
                // An index, when it is one a JS number holds exactly; else (a key's own brackets) a name.
                let text = &self.0[i + 1..i + 1 + digits];
                match text.parse::<u64>() {
                    Ok(n) if n <= MAX_SAFE_INDEX => seq.serialize_element(&n)?,
                    _ => seq.serialize_element(text)?,
                }
                i += digits + 2;
            } else if matches!(bytes[i], b'.' | b'[' | b']') {
                i += 1;
            } else {
                let run = bytes[i..].iter().take_while(|b| !matches!(b, b'.' | b'[' | b']')).count();
                seq.serialize_element(&self.0[i..i + run])?;
                i += run;
            }
        }
        seq.end()
    }
}

/// A field's name for people, in both languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Label {
    /// In English.
    pub en: &'static str,
    /// In Chinese.
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
    /// What makes the payload refused (at most [`crate::engine::MAX_ISSUES`] are listed).
    pub errors: Vec<Issue>,
    /// What deserves a look but is accepted.
    pub warnings: Vec<Issue>,
}

impl Report {
    /// The normalized value deserialized into a type of the caller's (a struct of their own, or
    /// `serde_json::Value`): `None` when the payload was refused. Numbers arrive exact — an id beyond 2^53 in an
    /// `i64`, `u64` or `i128` field keeps every digit.
    ///
    /// ```
    /// #[derive(serde::Deserialize)]
    /// struct Edit { shop_inventory_edit: Inner }
    /// #[derive(serde::Deserialize)]
    /// struct Inner { store_id: i64, check_mode: u8 }
    /// let r = qimen_payload::check_value(
    ///     "taobao.inventory.shopinv.adjust",
    ///     &serde_json::json!({ "shop_inventory_edit": { "order_id": "o1", "store_id": 9007199254740993_i64, "check_mode": "全量",
    ///         "detail_list": [{ "item_id": 1, "sku_id": 0, "sub_order_id": "s1", "quantity": 2 }], "recover_deleted_data": false } }),
    /// );
    /// let edit: Edit = r.value_as()?.ok_or(r)?;
    /// assert_eq!(edit.shop_inventory_edit.store_id, 9007199254740993);
    /// assert_eq!(edit.shop_inventory_edit.check_mode, 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn value_as<T: serde::de::DeserializeOwned>(&self) -> Result<Option<T>, serde_json::Error> {
        match &self.value {
            // Through the exact JSON text: the writer keeps every Long's digits.
            Some(v) => serde_json::from_str(&serde_json::to_string(v)?).map(Some),
            None => Ok(None),
        }
    }

    /// A report with a single error and no value.
    pub fn failed(issue: Issue) -> Report {
        Report { ok: false, value: None, errors: vec![issue], warnings: Vec::new() }
    }
}

/// An issue as people read it: its English message (`message_zh` for Chinese).
impl fmt::Display for Issue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())
    }
}

/// The first error's message and how many more there are, so that a refused report reads as one line:
///
/// ```
/// let r = qimen_payload::check("taobao.inventory.shopinv.adjust", r#"{"shop_inventory_edit":{}}"#);
/// assert!(r.to_string().starts_with("Order id (not an idempotency key) is required (and "));
/// ```
impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.errors.split_first() {
            None => f.write_str("valid"),
            Some((first, [])) => write!(f, "{first}"),
            Some((first, rest)) => write!(f, "{first} (and {} more)", rest.len()),
        }
    }
}

/// A refused report is an error, so it composes with `?` into `Box<dyn Error>` and anyhow:
///
/// ```
/// fn stock(text: &str) -> Result<(), Box<dyn std::error::Error>> {
///     let r = qimen_payload::check("tmall.qimendc.inventory.sync", text);
///     if !r.ok {
///         return Err(r.into());
///     }
///     Ok(())
/// }
/// assert_eq!(stock("[]").unwrap_err().to_string(), "the payload must be a JSON object, not array");
/// ```
impl std::error::Error for Report {}
