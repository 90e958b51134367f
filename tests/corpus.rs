//! Runs every case in `tests/cases/<method>/<case>.json` through the native `check`.
//!
//! A case holds the input (`input` as JSON, or `inputText` as raw text), the expected `ok`, the expected
//! `errors` and `warnings` as sorted "path code" strings, and the expected normalized `value` when ok.
//! `QIMEN_BLESS=1 cargo test --test corpus` rewrites the expectations from the code's answers — for a human
//! to review in the git diff, never to accept blindly.

use std::fs;
use std::path::{Path, PathBuf};

use qimen_payload::render::{render, Format};
use serde_json::Value;

mod common;
use common::case::payload_text;

fn cases() -> Vec<(String, PathBuf)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases");
    let mut out = Vec::new();
    for dir in fs::read_dir(&root).expect("tests/cases exists") {
        let dir = dir.expect("readable").path();
        let method = dir.file_name().and_then(|n| n.to_str()).expect("utf-8 name").to_string();
        for f in fs::read_dir(&dir).expect("readable") {
            let p = f.expect("readable").path();
            if p.extension().is_some_and(|e| e == "json") {
                out.push((method.clone(), p));
            }
        }
    }
    out.sort();
    out
}

fn pairs(issues: &[qimen_payload::Issue]) -> Vec<String> {
    let mut v: Vec<String> = issues.iter().map(|i| format!("{} {}", i.path, i.code.as_str())).collect();
    v.sort();
    v
}

#[test]
fn corpus() {
    let bless = std::env::var("QIMEN_BLESS").is_ok_and(|v| v == "1");
    let all = cases();
    assert!(all.len() >= 80, "the corpus shrank: {} cases", all.len());
    let mut failures = Vec::new();
    for (method, path) in &all {
        let text = fs::read_to_string(path).expect("readable case");
        let mut case: Value = serde_json::from_str(&text).expect("case is JSON");
        let payload = payload_text(&text);
        let report = qimen_payload::check(method, &payload);
        let got_errors = pairs(&report.errors);
        let got_warnings = pairs(&report.warnings);
        let got_value =
            report.value.as_ref().map(|v| serde_json::from_str::<Value>(&serde_json::to_string(v).expect("ser")).expect("json"));
        if bless {
            // Blessing rewrites the file from a `Value`, which holds numbers as u64/i64/f64: an input whose
            // numbers that would change must be written as `inputText`.
            if case.get("input").is_some() {
                let as_value = serde_json::to_string(&case["input"]).expect("ser");
                assert_eq!(
                    format!("{:?}", qimen_payload::input::parse(&as_value)),
                    format!("{:?}", qimen_payload::input::parse(&payload)),
                    "{}: its numbers need `inputText` to be blessed",
                    path.display()
                );
            }
            case["ok"] = Value::Bool(report.ok);
            case["errors"] = serde_json::json!(got_errors);
            case["warnings"] = serde_json::json!(got_warnings);
            for (key, format) in [("json", Format::Json), ("xml", Format::Xml)] {
                if case.get(key).is_some() {
                    case[key] = render(method, &payload, format).map(Value::String).unwrap_or(Value::Null);
                }
            }
            match got_value {
                Some(v) => case["value"] = v,
                None => {
                    case.as_object_mut().map(|o| o.remove("value"));
                }
            }
            fs::write(path, serde_json::to_string_pretty(&case).expect("ser") + "\n").expect("writable");
            continue;
        }
        let want = |k: &str| -> Vec<String> {
            case[k].as_array().map(|a| a.iter().filter_map(|s| s.as_str().map(String::from)).collect()).unwrap_or_default()
        };
        let mut problems = Vec::new();
        if case["ok"] != Value::Bool(report.ok) {
            problems.push(format!("ok: want {}, got {}", case["ok"], report.ok));
        }
        if want("errors") != got_errors {
            problems.push(format!("errors: want {:?}, got {:?}", want("errors"), got_errors));
        }
        if want("warnings") != got_warnings {
            problems.push(format!("warnings: want {:?}, got {:?}", want("warnings"), got_warnings));
        }
        if report.ok && case.get("value") != got_value.as_ref() {
            problems.push(format!("value: want {}, got {}", case["value"], got_value.unwrap_or(Value::Null)));
        }
        // Rendered bytes, where the case gives them: compared byte for byte.
        for (key, format) in [("json", Format::Json), ("xml", Format::Xml)] {
            let Some(want) = case.get(key).and_then(Value::as_str) else { continue };
            match render(method, &payload, format) {
                Ok(got) if got == want => {}
                Ok(got) => problems.push(format!("{key}:\n    want {want}\n    got  {got}")),
                Err(r) => problems.push(format!("{key}: refused: {:?}", pairs(&r.errors))),
            }
        }
        // Every issue must carry both messages, and every error its TOP form.
        for i in report.errors.iter().chain(&report.warnings) {
            if i.message().is_empty() || i.message_zh().is_empty() {
                problems.push(format!("{} {}: empty message", i.path, i.code.as_str()));
            }
        }
        // Where a case pins the SDK's own client-error text (written from the SDK's request classes).
        if let Some(want) = case.get("topMessages") {
            let got: Vec<String> = report.errors.iter().map(|i| i.top_message().unwrap_or_default()).collect();
            if *want != serde_json::json!(got) {
                problems.push(format!("topMessages: want {want}, got {got:?}"));
            }
        }
        for i in &report.errors {
            let top = i.top_message().unwrap_or_default();
            let ok = match i.top_code() {
                Some(40) => top.starts_with("client-error:Missing required arguments:"),
                Some(41) => top.starts_with("client-error:Invalid arguments:"),
                _ => false,
            };
            if !ok {
                problems.push(format!("{} {}: bad TOP form {:?} {top}", i.path, i.code.as_str(), i.top_code()));
            }
        }
        if !problems.is_empty() {
            failures.push(format!("{}:\n  {}", path.display(), problems.join("\n  ")));
        }
    }
    assert!(failures.is_empty(), "{} of {} cases failed:\n{}", failures.len(), all.len(), failures.join("\n"));
}
