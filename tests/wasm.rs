//! The case corpus through the exported wasm `check`, in Node (default) and in headless Chromium
//! (`WASM_BINDGEN_USE_BROWSER=1`): once with the payload as JSON text, once as a JS object (`JSON.parse` of
//! it) for the cases whose input survives `JSON.parse` unchanged.
#![cfg(target_arch = "wasm32")]

use serde_json::Value;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

mod common;

mod corpus {
    include!(concat!(env!("OUT_DIR"), "/corpus_files.rs"));
}

fn pairs(report: &Value, key: &str) -> Vec<String> {
    let mut v: Vec<String> = report[key]
        .as_array()
        .map(|a| a.iter().map(|i| format!("{} {}", i["path"].as_str().unwrap_or("?"), i["code"].as_str().unwrap_or("?"))).collect())
        .unwrap_or_default();
    v.sort();
    v
}

fn expected(case: &Value, key: &str) -> Vec<String> {
    case[key].as_array().map(|a| a.iter().filter_map(|s| s.as_str().map(String::from)).collect()).unwrap_or_default()
}

/// A report as the exported `check` answers it — its lines (what `js/api.js` reads lazily): the verdict with
/// the report's number; the issues, or `~` when the core keeps them (`issuesText`, with their words); `~` when
/// there is a value, which the core keeps (`valueText`) — or, for exact BigInts, an object (serde-wasm-bindgen
/// reads a BigInt as i64). The kept parts are asked for by number, while the report is the latest.
fn decode(answer: JsValue) -> Result<Value, String> {
    match answer.as_string() {
        Some(text) => {
            let mut lines = text.splitn(3, '\n');
            let verdict: Value = serde_json::from_str(lines.next().unwrap_or("")).map_err(|e| e.to_string())?;
            let number = verdict["words"].as_u64().ok_or("no report number")? as u32;
            let issues: Value = match lines.next().ok_or("no issues line")? {
                "~" => serde_json::from_str(&qimen_payload::wasm::issues_text(number).ok_or("issues gone")?).map_err(|e| e.to_string())?,
                line => serde_json::from_str(line).map_err(|e| e.to_string())?,
            };
            let mut report = serde_json::json!({ "ok": verdict["ok"], "errors": issues["errors"], "warnings": issues["warnings"] });
            match lines.next() {
                Some("~") => {
                    let value = qimen_payload::wasm::value_text(number).ok_or("value gone")?;
                    report["value"] = serde_json::from_str(&value).map_err(|e| e.to_string())?;
                }
                Some(other) => return Err(format!("a third line that is not the kept-value mark: {other}")),
                None => {}
            }
            let words = issues.get("words").cloned().unwrap_or(Value::Array(Vec::new()));
            let mut k = 0;
            for key in ["errors", "warnings"] {
                for issue in report[key].as_array_mut().ok_or("issues not a list")? {
                    let w = &words[k];
                    k += 1;
                    issue["message"] = w[0].clone();
                    issue["messageZh"] = w[1].clone();
                    if !w[2].is_null() {
                        issue["topCode"] = w[2].clone();
                        issue["topMessage"] = w[3].clone();
                    }
                }
            }
            if words.as_array().map(Vec::len) != Some(k) {
                return Err(format!("{} words for {k} issues", words));
            }
            Ok(report)
        }
        None => serde_wasm_bindgen::from_value(answer).map_err(|e| e.to_string()),
    }
}

/// Compare one answer of the wasm `check` with a case; returns the problems found.
fn compare(name: &str, how: &str, case: &Value, answer: JsValue) -> Vec<String> {
    let report = match decode(answer) {
        Ok(v) => v,
        Err(e) => return vec![format!("{name} ({how}): answer is not a report: {e}")],
    };
    let mut problems = Vec::new();
    if report["ok"] != case["ok"] {
        problems.push(format!("{name} ({how}): ok {} != {}", report["ok"], case["ok"]));
    }
    for key in ["errors", "warnings"] {
        if pairs(&report, key) != expected(case, key) {
            problems.push(format!("{name} ({how}): {key} {:?} != {:?}", pairs(&report, key), expected(case, key)));
        }
    }
    if case["ok"] == Value::Bool(true) && report.get("value") != case.get("value") {
        problems.push(format!("{name} ({how}): value {} != {}", report["value"], case["value"]));
    }
    problems
}

#[wasm_bindgen_test]
fn corpus_through_exported_check() {
    assert!(corpus::CASES.len() >= 80, "corpus not embedded: {}", corpus::CASES.len());
    let mut problems = Vec::new();
    let mut object_runs = 0;
    for (method, name, text) in corpus::CASES {
        let case: Value = serde_json::from_str(text).expect("case is JSON");
        let payload = common::case::payload_text(text);
        let answer = qimen_payload::wasm::check(JsValue::from_str(method), JsValue::from_str(&payload));
        problems.extend(compare(name, "text", &case, answer));
        // As a JS object: only for `input` cases (raw-text cases test what JSON.parse would already change).
        if case.get("input").is_some() {
            let obj = js_sys::JSON::parse(&payload).expect("JSON.parse");
            let answer = qimen_payload::wasm::check(JsValue::from_str(method), obj);
            problems.extend(compare(name, "object", &case, answer));
            object_runs += 1;
        }
    }
    assert!(object_runs > 50);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[wasm_bindgen_test]
fn a_long_beyond_2_53_takes_the_object_path_as_an_exact_bigint() {
    let text = r#"{"shop_inventory_edit":{"order_id":"o","store_id":9007199254740993,"check_mode":2,"detail_list":[{"item_id":1,"sku_id":0,"sub_order_id":"s","quantity":1}],"recover_deleted_data":true}}"#;
    let answer = qimen_payload::wasm::check("taobao.inventory.shopinv.adjust".into(), text.into());
    assert!(answer.as_string().is_none(), "an object, not JSON text");
    let store = js_sys::Reflect::get(
        &js_sys::Reflect::get(&js_sys::Reflect::get(&answer, &"value".into()).expect("value"), &"shop_inventory_edit".into())
            .expect("edit"),
        &"store_id".into(),
    )
    .expect("store_id");
    assert!(store.is_bigint());
    assert_eq!(store, JsValue::from(js_sys::BigInt::from(9007199254740993u64)));
    let small = qimen_payload::wasm::check("tmall.qimendc.inventory.sync".into(), "{}".into());
    assert!(small.as_string().is_some(), "JSON text on the fast path");
}

#[wasm_bindgen_test]
fn unknown_method_and_non_string_method() {
    let r = decode(qimen_payload::wasm::check(JsValue::from(42), JsValue::from_str("{}"))).expect("report");
    assert_eq!(r["errors"][0]["code"], "unknown_method");
}

#[wasm_bindgen_test]
fn js_only_values_are_reported_not_trapped() {
    let obj = js_sys::Object::new();
    let edit = js_sys::Object::new();
    js_sys::Reflect::set(&edit, &"order_id".into(), &JsValue::from_f64(f64::NAN)).expect("set");
    js_sys::Reflect::set(&edit, &"store_id".into(), &js_sys::BigInt::from(9007199254740993u64).into()).expect("set");
    js_sys::Reflect::set(&edit, &"check_mode".into(), &js_sys::Map::new().into()).expect("set");
    js_sys::Reflect::set(&edit, &"recover_deleted_data".into(), &JsValue::UNDEFINED).expect("set");
    js_sys::Reflect::set(&obj, &"shop_inventory_edit".into(), &edit).expect("set");
    let r = decode(qimen_payload::wasm::check("taobao.inventory.shopinv.adjust".into(), obj.into())).expect("report");
    let got = pairs(&r, "errors");
    assert_eq!(
        got,
        vec![
            "shop_inventory_edit.check_mode type".to_string(),
            "shop_inventory_edit.detail_list missing".to_string(),
            "shop_inventory_edit.order_id type".to_string(),
            "shop_inventory_edit.recover_deleted_data missing".to_string(),
        ]
    );
}

#[wasm_bindgen_test]
fn verdict_is_check_without_the_value() {
    for (method, name, text) in corpus::CASES.iter().take(40) {
        let payload = common::case::payload_text(text);
        let full = decode(qimen_payload::wasm::check(JsValue::from_str(method), JsValue::from_str(&payload))).expect("check");
        let answer = qimen_payload::wasm::verdict(JsValue::from_str(method), JsValue::from_str(&payload));
        assert_eq!(answer.as_string().expect("JSON text").lines().count(), 2, "{name}: a verdict carries no value");
        let verdict = decode(answer).expect("verdict");
        assert_eq!(verdict.get("value"), None, "{name}");
        for key in ["ok", "errors", "warnings"] {
            assert_eq!(verdict[key], full[key], "{name}: {key}");
        }
    }
}

#[wasm_bindgen_test]
fn kept_parts_match_the_full_form_and_only_for_the_latest_report() {
    let method = "taobao.inventory.shopinv.adjust";
    let text = r#"{"shop_inventory_edit":{"order_id":"o","store_id":1,"check_mode":2,"detail_list":[{"item_id":1,"sku_id":0,"sub_order_id":"s","quantity":1.5},{"item_id":1,"sku_id":0,"sub_order_id":"t","quantity":0}],"recover_deleted_data":true,"extra":1}}"#;
    let native = serde_json::to_value(qimen_payload::check(method, text)).expect("full form");
    let first = qimen_payload::wasm::check(method.into(), text.into()).as_string().expect("text");
    let first_number: u32 =
        serde_json::from_str::<Value>(first.lines().next().expect("line")).expect("verdict")["words"].as_u64().expect("number") as u32;
    // The answer is the verdict and the kept-issues mark: nothing of the issues crosses until asked for.
    assert_eq!(first.lines().nth(1), Some("~"), "{first}");
    assert!(!first.contains("message") && !first.contains("path"), "{first}");
    let wasm = decode(qimen_payload::wasm::check(method.into(), text.into())).expect("report");
    assert_eq!(wasm["errors"], native["errors"]);
    assert_eq!(wasm["warnings"], native["warnings"]);
    assert!(!native["warnings"].as_array().expect("list").is_empty() && !native["errors"].as_array().expect("list").is_empty());
    // The first report is no longer the latest: its parts are gone, and asked for they are `undefined`.
    assert_eq!(qimen_payload::wasm::issues_text(first_number), None);
    assert_eq!(qimen_payload::wasm::value_text(first_number), None);
    // A valid payload's value is kept until asked for, and is the native value.
    let example = qimen_payload::describe::example(qimen_payload::rules::api(method).expect("shipped"));
    let answer = qimen_payload::wasm::check(method.into(), example.as_str().into()).as_string().expect("text");
    assert_eq!(answer.lines().nth(2), Some("~"), "{answer}");
    let number = serde_json::from_str::<Value>(answer.lines().next().expect("line")).expect("verdict")["words"].as_u64().expect("n") as u32;
    let kept: Value = serde_json::from_str(&qimen_payload::wasm::value_text(number).expect("kept value")).expect("JSON");
    assert_eq!(kept, serde_json::to_value(qimen_payload::check(method, &example).value).expect("value"));
}
