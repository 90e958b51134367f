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
    pub title_zh: String,
    #[serde(default)]
    pub summary: String,
    #[serde(default)]
    pub summary_zh: String,
    /// `top` or `qimen` (which also speaks the classic XML body).
    pub protocol: ProtocolDoc,
    /// Qimen only: the top-level field sent as `customerId` in the XML protocol's query.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub routing_field: Option<String>,
    /// The path of the list `chunk` splits (field names from the root); empty when none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub chunked: Vec<String>,
    pub fields: Vec<FieldDoc>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub checks: Vec<CheckDoc>,
    #[serde(default)]
    pub response: ResponseDoc,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "table-schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ProtocolDoc {
    Top,
    Qimen,
}

/// A field's type, as the `type` property names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "table-schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum TypeDoc {
    Text,
    Long,
    Bool,
    Price,
    Discount,
    Date,
    Datetime,
    Enum,
    Object,
    List,
}

/// A text field's plausibility check (warnings only).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "table-schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum TextFormatDoc {
    Gtin,
    BizRegNum,
    Weight,
}

/// One field. Which of the optional properties apply depends on `type`; one that does not apply is refused.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "table-schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct FieldDoc {
    pub name: String,
    #[serde(rename = "type")]
    pub ty: TypeDoc,
    #[serde(default, skip_serializing_if = "is_false")]
    pub required: bool,
    #[serde(default)]
    pub label_zh: String,
    #[serde(default)]
    pub label_en: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
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
pub struct CodeDoc {
    pub code: String,
    #[serde(default)]
    pub label_zh: String,
    #[serde(default)]
    pub label_en: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "table-schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum SeverityDoc {
    #[default]
    Error,
    Warning,
}

/// A check between fields of one object (names relative to that object).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "table-schema", derive(schemars::JsonSchema))]
#[serde(tag = "check", rename_all = "snake_case", deny_unknown_fields)]
pub enum CheckDoc {
    Unique {
        list: String,
        key: String,
        #[serde(default)]
        severity: SeverityDoc,
    },
    Order {
        first: String,
        second: String,
        #[serde(default)]
        severity: SeverityDoc,
    },
    When {
        when: String,
        is: Vec<String>,
        then: ThenDoc,
    },
    TotalCoversList {
        total: String,
        list: String,
    },
    WarnEmptyList {
        list: String,
    },
    Misplaced {
        field: String,
        belongs_to: String,
    },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "table-schema", derive(schemars::JsonSchema))]
#[serde(tag = "then", rename_all = "snake_case", deny_unknown_fields)]
pub enum ThenDoc {
    Required { field: String },
    EntriesAtLeast { list: String, field: String, min: i64, why_en: String, why_zh: String },
    EntriesNotZero { list: String, field: String },
}

/// The answer's table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "table-schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ResponseDoc {
    #[serde(default)]
    pub fields: Vec<AnswerDoc>,
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
pub enum AnswerKindDoc {
    Text,
    Bool,
    Object,
    Entries,
    Pluck,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "table-schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct AnswerDoc {
    pub wire: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    pub name: String,
    pub kind: AnswerKindDoc,
    #[serde(default, skip_serializing_if = "is_false")]
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
pub enum SuccessDoc {
    TextIs {
        name: String,
        value: String,
    },
    IsTrue {
        name: String,
    },
    AllEntries {
        object: String,
        flag: String,
        list: String,
        entry: String,
        also: String,
    },
    /// Any answer but an `error_response`.
    Answered,
}
