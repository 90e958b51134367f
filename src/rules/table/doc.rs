//! The rule-table format as serde types: what a table file holds, field by field (README.md, "Tables as
//! data", describes it for people); [`super::load`] checks a parsed document and turns it into an
//! [`Api`](crate::rules::Api).
//!
//! Every object refuses keys it does not know (a misspelt `requierd` is an error, not a silently optional
//! field), and every property has one spelling.

use serde::{Deserialize, Serialize};

/// The `format` every table file carries: the format's name and its version.
pub const FORMAT: &str = "qimen-payload/table@1";

fn is_false(b: &bool) -> bool {
    !*b
}

/// One API's table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "table-schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct TableDoc {
    /// Always `qimen-payload/table@1` ([`FORMAT`]).
    #[cfg_attr(feature = "table-schema", schemars(extend("const" = "qimen-payload/table@1")))]
    pub format: String,
    /// The exact method name (`taobao.qimen.entryorder.confirm`).
    pub method: String,
    #[serde(default)]
    /// The API's title in Chinese, as its doc page gives it (`库存同步`).
    pub title_zh: String,
    #[serde(default)]
    /// What the API does, in English (one sentence).
    pub summary: String,
    #[serde(default)]
    /// What the API does, in Chinese.
    pub summary_zh: String,
    /// `top` or `qimen` (which also speaks the classic XML body).
    pub protocol: ProtocolDoc,
    /// Qimen only: the top-level field sent as `customerId` in the XML protocol's query.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub routing_field: Option<String>,
    /// The path of the list `chunk` splits (field names from the root); empty when none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub chunked: Vec<String>,
    /// The payload's top-level fields, in the order they are rendered.
    pub fields: Vec<FieldDoc>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    /// Checks between the top-level fields.
    pub checks: Vec<CheckDoc>,
    #[serde(default)]
    /// The answer's table; absent: the Qimen answer (`flag` is `success`).
    pub response: ResponseDoc,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "table-schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
/// Which protocol the API speaks.
pub enum ProtocolDoc {
    /// A TOP method: form-encoded parameters, JSON or XML answers.
    Top,
    /// A Qimen method: also the classic XML body, routed by the `customerId` query parameter.
    Qimen,
}

/// A field's type, as the `type` property names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "table-schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum TypeDoc {
    /// A string (`max_len`, `text_format`).
    Text,
    /// A Long: −2^63 … 2^63 − 1, exact (`min`, `warn_negative`).
    Long,
    /// `true` or `false` (also `"true"`, `"false"`).
    Bool,
    /// A price: a decimal of up to two places, written with two (`¥12.5` → `12.50`).
    Price,
    /// A discount: a rate in (0, 1], written with four places (`9折` → `0.9000`).
    Discount,
    /// A date, `YYYY-MM-DD`.
    Date,
    /// A date and time in GMT+8, `YYYY-MM-DD HH:MM:SS` (ISO 8601 and epoch milliseconds are read too).
    Datetime,
    /// One of `codes` (a code, a label or an alias is accepted; the code is written).
    Enum,
    /// An object of `fields` (`type_name`, `checks`).
    Object,
    /// A list of objects of `fields` (`min_entries`, `max_entries`, `type_name`, `checks`).
    List,
}

/// A text field's plausibility check (warnings only).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "table-schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum TextFormatDoc {
    /// A GS1 barcode (GTIN-8/12/13/14): a wrong check digit is a warning.
    Gtin,
    /// A Chinese business registration number (18-character unified social credit code or 15 digits).
    BizRegNum,
    /// A weight: a decimal number.
    Weight,
}

/// One field. Which of the optional properties apply depends on `type`; one that does not apply is refused.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "table-schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct FieldDoc {
    /// The wire name (JSON key and XML element), as the platform spells it.
    pub name: String,
    #[serde(rename = "type")]
    /// The field's type; it decides which of the optional properties apply.
    pub ty: TypeDoc,
    #[serde(default, skip_serializing_if = "is_false")]
    /// The platform refuses the payload without it (absent or blank).
    pub required: bool,
    #[serde(default)]
    /// The field's label in Chinese, as its doc page gives it.
    pub label_zh: String,
    #[serde(default)]
    /// The field's label in English.
    pub label_en: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    /// An example value, from the doc page.
    pub example: String,
    /// text: the most UTF-16 code units.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_len: Option<u32>,
    /// text: a plausibility check.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text_format: Option<TextFormatDoc>,
    /// long: the smallest value accepted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<i64>,
    /// long: a negative value is legal but deserves a warning.
    #[serde(default, skip_serializing_if = "is_false")]
    pub warn_negative: bool,
    /// enum: the code is a number on the wire.
    #[serde(default, skip_serializing_if = "is_false")]
    pub numeric: bool,
    /// enum: the codes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub codes: Option<Vec<CodeDoc>>,
    /// object and list: the SDK's type name (of one entry, for a list).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub type_name: Option<String>,
    /// list: the fewest entries a present list has.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_entries: Option<usize>,
    /// list: the most entries (absent: no limit but the input size).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_entries: Option<usize>,
    /// object and list: the fields of the object (of one entry).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fields: Option<Vec<FieldDoc>>,
    /// object and list: checks between those fields.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub checks: Vec<CheckDoc>,
}

impl FieldDoc {
    /// A field of a type with none of the optional properties.
    pub fn new(name: &str, ty: TypeDoc) -> FieldDoc {
        FieldDoc {
            name: name.into(),
            ty,
            required: false,
            label_zh: String::new(),
            label_en: String::new(),
            example: String::new(),
            max_len: None,
            text_format: None,
            min: None,
            warn_negative: false,
            numeric: false,
            codes: None,
            type_name: None,
            min_entries: None,
            max_entries: None,
            fields: None,
            checks: vec![],
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "table-schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
/// One code of an enum field.
pub struct CodeDoc {
    /// The code, as written on the wire (digits for a `numeric` enum).
    pub code: String,
    #[serde(default)]
    /// The code's label in Chinese (accepted as input, in place of the code).
    pub label_zh: String,
    #[serde(default)]
    /// The code's label in English (accepted as input too).
    pub label_en: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    /// Other spellings accepted for the code (`FULL` for `1`).
    pub aliases: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "table-schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
/// How a failed check is reported.
pub enum SeverityDoc {
    #[default]
    /// An error: the payload is refused.
    Error,
    /// A warning: the payload is accepted, the issue reported.
    Warning,
}

/// A check between fields of one object (names relative to that object).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "table-schema", derive(schemars::JsonSchema))]
#[serde(tag = "check", rename_all = "snake_case", deny_unknown_fields)]
pub enum CheckDoc {
    /// No two entries of `list` have the same `key`.
    Unique {
        /// The list's field name.
        list: String,
        /// The entry field that must be unique.
        key: String,
        #[serde(default)]
        /// Error or warning.
        severity: SeverityDoc,
    },
    /// `first` does not come after `second` (two dates or date-times of one object).
    Order {
        /// The earlier field.
        first: String,
        /// The later field.
        second: String,
        #[serde(default)]
        /// Error or warning.
        severity: SeverityDoc,
    },
    /// When `when` has one of the values `is`, `then` applies.
    When {
        /// The field whose value decides.
        when: String,
        /// Its values (codes) for which `then` applies.
        is: Vec<String>,
        /// What applies then.
        then: ThenDoc,
    },
    /// A Long `total` of at least the number of entries `list` carries (a warning otherwise).
    TotalCoversList {
        /// The Long field with the total.
        total: String,
        /// The list it counts.
        list: String,
    },
    /// An absent or empty `list` is legal but suspicious (a warning).
    WarnEmptyList {
        /// The list's field name.
        list: String,
    },
    /// A field met in this object that belongs to another one: the issue names the right place.
    Misplaced {
        /// The field's name.
        field: String,
        /// The path of the object it belongs to (field names from the root, joined by `.`).
        belongs_to: String,
    },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "table-schema", derive(schemars::JsonSchema))]
#[serde(tag = "then", rename_all = "snake_case", deny_unknown_fields)]
/// What a [`CheckDoc::When`] demands.
pub enum ThenDoc {
    /// `field` is required.
    Required {
        /// The field's name.
        field: String,
    },
    /// In each entry of `list`, the Long `field` is at least `min`; `why_en`/`why_zh` say why (in the words).
    EntriesAtLeast {
        /// The list's field name.
        list: String,
        /// The entry's Long field.
        field: String,
        /// The smallest value allowed.
        min: i64,
        /// Why, in English (`full mode overwrites the stock with this quantity`).
        why_en: String,
        /// Why, in Chinese.
        why_zh: String,
    },
    /// In each entry of `list`, a Long `field` of 0 changes nothing (a warning).
    EntriesNotZero {
        /// The list's field name.
        list: String,
        /// The entry's Long field.
        field: String,
    },
}

/// The answer's table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "table-schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ResponseDoc {
    #[serde(default)]
    /// The answer's fields besides the platform's common ones (`code`, `msg`, `sub_code`, `sub_msg`, `request_id`, `flag`, `message`), in output order.
    pub fields: Vec<AnswerDoc>,
    /// Which field says the call succeeded.
    pub success: SuccessDoc,
}

impl Default for ResponseDoc {
    /// The Qimen answer: `flag` is `success`.
    fn default() -> Self {
        ResponseDoc {
            fields: vec![AnswerDoc {
                wire: "flag".into(),
                aliases: vec![],
                name: "flag".into(),
                kind: AnswerKindDoc::Text,
                hoisted: false,
                of: None,
                field: None,
                fields: None,
            }],
            success: SuccessDoc::TextIs { name: "flag".into(), value: "success".into() },
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "table-schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
/// How an answer field is read.
pub enum AnswerKindDoc {
    /// As text (numbers and booleans as they are written).
    Text,
    /// `true`/`false`, or those words as text.
    Bool,
    /// A nested object of `fields`.
    Object,
    /// A list of entries, each an object of `fields`: `[..]`, `{ "<of>": [..] }`, or one entry alone (as XML gives a single entry).
    Entries,
    /// A list of entries, each reduced to the text of one `field` (POS items → their `itemCode`s).
    Pluck,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "table-schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
/// One field of an answer.
pub struct AnswerDoc {
    /// The wire name (JSON key and XML element).
    pub wire: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    /// Other wire spellings, tried in order after `wire` (`error_message` where the docs say `error_msg`).
    pub aliases: Vec<String>,
    /// The name in the parsed result (lower camel case, as the SDK's Java property).
    pub name: String,
    /// How the value is read.
    pub kind: AnswerKindDoc,
    #[serde(default, skip_serializing_if = "is_false")]
    /// Placed at the top of the parsed result rather than inside its parent object (shopinv's `details`, read from `result.data`).
    pub hoisted: bool,
    /// entries and pluck: the entry's type name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub of: Option<String>,
    /// pluck: the one field each entry is reduced to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// object and entries: the inner fields.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fields: Option<Vec<AnswerDoc>>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "table-schema", derive(schemars::JsonSchema))]
#[serde(tag = "rule", rename_all = "snake_case", deny_unknown_fields)]
/// Which field of the answer says the call succeeded.
pub enum SuccessDoc {
    /// A text field equals `value`, case-sensitively (as the Qimen client's `"success".equals(flag)`).
    TextIs {
        /// The field's `name`.
        name: String,
        /// The value that means success.
        value: String,
    },
    /// A boolean field is true.
    IsTrue {
        /// The field's `name`.
        name: String,
    },
    /// `object.flag` is true and every entry of the hoisted `list` succeeded: an entry succeeded when its `entry` or `also` field is true (an idempotent repeat applied before).
    AllEntries {
        /// The object holding the flag.
        object: String,
        /// Its boolean field.
        flag: String,
        /// The hoisted list of entries.
        list: String,
        /// The entry's success field.
        entry: String,
        /// The entry's field that also counts as success (applied before).
        also: String,
    },
    /// Any answer but an `error_response`.
    Answered,
}
