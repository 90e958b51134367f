//! A corpus case's payload text, with its number literals as written.
//!
//! The crate does not switch on serde_json's `arbitrary_precision` (it would change every crate in a user's
//! build), so a `serde_json::Value` holds numbers as `u64`/`i64`/`f64`: an `input` of `12345678901234567.89`
//! would reach the check as `12345678901234568`. The payload is therefore the `input` member's raw text
//! (serde_json's `raw_value`, a dev-only feature that adds a type and changes nothing else).

use serde::Deserialize;
use serde_json::value::RawValue;

#[derive(Deserialize)]
struct Raw<'a> {
    #[serde(borrow)]
    input: Option<&'a RawValue>,
    #[serde(rename = "inputText")]
    input_text: Option<String>,
}

/// The payload a case file holds: `inputText` as given, or the `input` member's text exactly as written.
pub fn payload_text(case_file: &str) -> String {
    let raw: Raw = serde_json::from_str(case_file).expect("a case is JSON");
    match (raw.input_text, raw.input) {
        (Some(t), _) => t,
        (None, Some(v)) => v.get().to_string(),
        (None, None) => panic!("a case has `input` or `inputText`"),
    }
}
