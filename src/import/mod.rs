//! Importers: a rule table from what the platform publishes about an API — its doc JSON (`doc_json`) — with
//! every inference listed for review. What a doc says only in prose (code lists, date formats, lengths, list
//! limits, prices) is read by `prose` and proposed; each proposal that changes a verdict is a review item that
//! needs a decision, so nothing is guessed silently.
//!
//! ```
//! let doc = r#"{"name":"example.order.cancel","requestParams":[
//!   {"name":"orderCode","type":"String","required":true,"description":"单据编码"},
//!   {"name":"orderType","type":"String","description":"单据类型(JYCK=一般交易出库单;CGTH=采购退货出库单)"}]}"#;
//! let imported = qimen_payload::import::import_doc(doc).map_err(|p| p[0].message.clone())?;
//! assert_eq!(imported.table.fields[1].codes.as_ref().map(Vec::len), Some(2));
//! assert!(imported.review.iter().any(|r| r.decision && r.field == "orderType"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod doc_json;
pub mod prose;

use serde::Serialize;

use crate::rules::table::{TableCode, TableDoc, TableProblem};

/// A table and what the importer inferred to make it.
#[derive(Debug, Clone, Serialize)]
pub struct Imported {
    pub table: TableDoc,
    pub review: Vec<ReviewItem>,
}

/// One inference, with the text it came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReviewItem {
    /// The field as a dotted path of names (`request.entryOrder.status`); empty for the whole API.
    pub field: String,
    pub kind: ReviewKind,
    /// How sure the importer is.
    pub sure: Sure,
    /// Whether it changes a verdict (and so needs a person's decision before the table is used).
    pub decision: bool,
    /// What the importer did, in a sentence.
    pub what: String,
    /// The doc's own words it read.
    pub from: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ReviewKind {
    /// A code list read from prose.
    Enum,
    /// A code list read from prose but kept as text: the prose says other values may come.
    OpenEnum,
    /// A date or date-time format read from prose.
    Date,
    /// A length read from prose.
    Length,
    /// A list limit read from prose.
    ListLimit,
    /// A declared limit and the prose disagree.
    Contradiction,
    /// A price or discount proposed from a String field's name or label.
    Price,
    /// One label for two fields of one object.
    SameLabel,
    /// The request's root wrapper, and what the payload's root is.
    Root,
    /// Which list `chunk` splits.
    Chunked,
    /// A type this package has no kind for (read as text).
    Unsupported,
    /// How the answer is judged a success.
    Success,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Sure {
    High,
    Medium,
    Low,
}

/// The largest doc accepted (the platform's largest doc JSON is ~200 KB).
pub const MAX_DOC_BYTES: usize = 2 << 20;

/// Import a doc: the platform's doc JSON (text starting with `{`). The table it gives is checked as any table is;
/// a doc that cannot make one is refused with problems.
pub fn import_doc(text: &str) -> Result<Imported, Vec<TableProblem>> {
    if text.len() > MAX_DOC_BYTES {
        let message = format!("the doc is {} bytes; at most {MAX_DOC_BYTES} are read", text.len());
        return Err(vec![TableProblem { path: String::new(), code: TableCode::TooLarge, message }]);
    }
    let t = text.trim_start_matches('\u{FEFF}').trim_start();
    if !t.starts_with('{') {
        let message = "not the platform's doc JSON (an object with name and requestParams)".to_string();
        return Err(vec![TableProblem { path: String::new(), code: TableCode::Shape, message }]);
    }
    let imported = doc_json::import(t)?;
    let problems = crate::rules::table::load::check(&imported.table);
    if problems.is_empty() {
        Ok(imported)
    } else {
        Err(problems)
    }
}
