//! Every response case in `tests/responses/<method>/<case>.json` (`text` → `expected`) through the native
//! `parse_response`. Expectations were written by hand from the seeds' response tables and examples; a case
//! whose `expected` is `{"error": code}` must be refused with that code.

use std::fs;
use std::path::Path;

use qimen_payload::response::parse_response;
use qimen_payload::rules;
use serde_json::Value;

#[test]
fn response_corpus() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/responses");
    let mut count = 0;
    let mut failures = Vec::new();
    for dir in fs::read_dir(&root).expect("tests/responses") {
        let dir = dir.expect("dir").path();
        let method = dir.file_name().and_then(|n| n.to_str()).expect("name").to_string();
        let api = rules::api(&method).expect("a directory per method");
        for f in fs::read_dir(&dir).expect("dir") {
            let path = f.expect("file").path();
            let case: Value = serde_json::from_str(&fs::read_to_string(&path).expect("read")).expect("json");
            let text = case["text"].as_str().expect("text");
            count += 1;
            let got = match parse_response(api, text) {
                Ok(p) => serde_json::to_value(&p).expect("ser"),
                Err(refused) => serde_json::json!({ "error": refused.errors[0].code.as_str() }),
            };
            if got != case["expected"] {
                failures.push(format!("{}:\n  want {}\n  got  {}", path.display(), case["expected"], got));
            }
        }
    }
    assert!(count >= 15, "only {count} response cases");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
