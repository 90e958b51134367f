//! Importers: a rule table from what the platform publishes about an API — its doc JSON (`doc_json`) or its doc
//! page's text (`page`, read into the doc JSON's shape) — with
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
pub mod overlay;
mod page;
pub(crate) mod prose;

use serde::Serialize;

use crate::rules::table::{TableCode, TableDoc, TableProblem};

/// A table and what the importer inferred to make it.
#[derive(Debug, Clone, Serialize)]
pub struct Imported {
    /// The table, in the table format: checked, ready to register.
    pub table: TableDoc,
    /// What was inferred rather than read, for a person to review (those with `decision` first).
    pub review: Vec<ReviewItem>,
}

/// One inference, with the text it came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReviewItem {
    /// The field as a dotted path of names (`request.entryOrder.status`); empty for the whole API.
    pub field: String,
    /// What kind of inference.
    pub kind: ReviewKind,
    /// How sure the importer is.
    pub sure: Sure,
    /// Whether it changes a verdict (and so needs a person's decision before the table is used).
    pub decision: bool,
    /// What the importer did, in a sentence (English).
    pub what: String,
    /// The same sentence in Chinese (the console shows it in its Chinese interface).
    pub what_zh: String,
    /// The doc's own words it read.
    pub from: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
/// The kinds of inference a review item reports.
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
/// How sure the importer is of an inference.
pub enum Sure {
    /// Read from a declared property or an unambiguous sentence.
    High,
    /// Read from prose that could be read otherwise.
    Medium,
    /// A guess (from a field's name or label).
    Low,
}

/// The largest doc accepted (the platform's largest doc JSON is ~200 KB).
pub const MAX_DOC_BYTES: usize = 2 << 20;

/// Import a doc: the platform's doc JSON (text starting with `{`) or its doc page as a person copies the text.
/// The table it gives is checked as any table is; a doc that cannot make one is refused with problems.
pub fn import_doc(text: &str) -> Result<Imported, Vec<TableProblem>> {
    import_with_overlay(text, None)
}

/// The table a doc gives, not yet checked.
fn read_doc(text: &str) -> Result<Imported, Vec<TableProblem>> {
    if text.len() > MAX_DOC_BYTES {
        let message = format!("the doc is {} bytes; at most {MAX_DOC_BYTES} are read", text.len());
        return Err(vec![TableProblem { path: String::new(), code: TableCode::TooLarge, message }]);
    }
    let t = text.trim_start_matches('\u{FEFF}').trim_start();
    if t.starts_with('{') {
        doc_json::import(t)
    } else {
        let (doc, review) =
            page::to_doc(t).map_err(|message| vec![TableProblem { path: String::new(), code: TableCode::Shape, message }])?;
        doc_json::import_value(&doc, review)
    }
}

/// Import a doc and merge an overlay of decisions (a JSON object, [`overlay::apply`]) over its table. The table
/// is checked once, as it finally is (an overlay may fix what the doc alone got wrong; a bad one is refused at
/// its paths in the table).
pub fn import_with_overlay(text: &str, over: Option<&str>) -> Result<Imported, Vec<TableProblem>> {
    let mut imported = read_doc(text)?;
    if let Some(over) = over {
        imported.table = with_overlay(&imported.table, over)?;
    }
    // A shipped method's page imports like any other (registering it is what is refused).
    let mut problems = crate::rules::table::load::check(&imported.table);
    problems.retain(|p| p.code != TableCode::Shipped);
    if problems.is_empty() {
        Ok(imported)
    } else {
        Err(problems)
    }
}

fn with_overlay(table: &TableDoc, over: &str) -> Result<TableDoc, Vec<TableProblem>> {
    let shape = |message: String| vec![TableProblem { path: "overlay".into(), code: TableCode::Shape, message }];
    if over.len() > crate::rules::table::load::MAX_TABLE_BYTES || crate::rules::table::load::too_deep_at(over).is_some() {
        return Err(shape("the overlay is too large or too deep for a table".into()));
    }
    let over: serde_json::Value = serde_json::from_str(over).map_err(|e| shape(format!("not JSON: {e}")))?;
    if !over.is_object() {
        return Err(shape("an overlay is a JSON object".into()));
    }
    // Through text: the one serializer and deserializer of tables the module already has.
    let base: serde_json::Value =
        serde_json::from_str(&serde_json::to_string(table).map_err(|e| shape(e.to_string()))?).map_err(|e| shape(e.to_string()))?;
    crate::rules::table::load::read(&overlay::apply(&base, &over).to_string())
}
