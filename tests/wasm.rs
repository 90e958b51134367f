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

/// A report as the exported `check` answers it (what `js/api.js` reads lazily): one number, the report's number
/// × 8 plus its flags (1 ok, 2 issues kept in the core, 4 a value kept in the core), the kept parts asked for by
/// number while the report is the latest (`issuesText` with their words, `valueText`) — or, for exact BigInts,
/// an object (serde-wasm-bindgen reads a BigInt as i64).
fn decode(answer: JsValue) -> Result<Value, String> {
    let Some(answer) = answer.as_f64() else {
        return serde_wasm_bindgen::from_value(answer).map_err(|e| e.to_string());
    };
    let (number, flags) = number_and_flags(answer)?;
    let issues: Value = match flags & 2 {
        0 => serde_json::json!({ "errors": [], "warnings": [] }),
        _ => serde_json::from_str(&qimen_payload::wasm::issues_text(number).ok_or("issues gone")?).map_err(|e| e.to_string())?,
    };
    let mut report = serde_json::json!({ "ok": flags & 1 == 1, "errors": issues["errors"], "warnings": issues["warnings"] });
    if flags & 4 != 0 {
        let value = qimen_payload::wasm::value_text(number).ok_or("value gone")?;
        report["value"] = serde_json::from_str(&value).map_err(|e| e.to_string())?;
    }
    // The form the JS API gives: the full form with `messageEn` (and `message` in English here) and the path's
    // segments, which are checked and taken off to compare with the native full form.
    for key in ["errors", "warnings"] {
        for issue in report[key].as_array_mut().ok_or("issues not a list")? {
            let issue = issue.as_object_mut().ok_or("an issue not an object")?;
            // `message` is null (the reader sets it from `messageEn` or `messageZh`).
            if issue.get("message") != Some(&Value::Null) {
                return Err(format!("message is not left to the reader: {issue:?}"));
            }
            let en = issue.remove("messageEn").ok_or("no messageEn")?;
            issue.insert("message".into(), en);
            let segments = issue.remove("segments").ok_or("no segments")?;
            let path = issue.get("path").and_then(Value::as_str).ok_or("no path")?;
            if segments != path_segments(path) {
                return Err(format!("segments {segments} for {path}"));
            }
        }
    }
    Ok(report)
}

/// A path's segments as a form library names the field, for the paths our issues have (keys and `[index]`).
fn path_segments(path: &str) -> Value {
    let mut out = Vec::new();
    for part in path.split('.').filter(|p| !p.is_empty()) {
        let (name, rest) = part.split_once('[').map_or((part, ""), |(n, r)| (n, r));
        if !name.is_empty() {
            out.push(Value::from(name));
        }
        for index in rest.split('[').filter(|i| !i.is_empty()) {
            out.push(Value::from(index.trim_end_matches(']').parse::<u64>().unwrap_or(u64::MAX)));
        }
    }
    Value::Array(out)
}

/// A report answer's number and flags (`number × 8 + flags`), refusing anything else.
fn number_and_flags(answer: f64) -> Result<(u32, u8), String> {
    if answer < 0.0 || answer.fract() != 0.0 || answer >= f64::from(u32::MAX) * 8.0 + 8.0 {
        return Err(format!("{answer} is no report number"));
    }
    Ok(((answer / 8.0).floor() as u32, (answer % 8.0) as u8))
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
    assert!(answer.is_object(), "an object, not a report number");
    let store = js_sys::Reflect::get(
        &js_sys::Reflect::get(&js_sys::Reflect::get(&answer, &"value".into()).expect("value"), &"shop_inventory_edit".into())
            .expect("edit"),
        &"store_id".into(),
    )
    .expect("store_id");
    assert!(store.is_bigint());
    assert_eq!(store, JsValue::from(js_sys::BigInt::from(9007199254740993u64)));
    let small = qimen_payload::wasm::check("tmall.qimendc.inventory.sync".into(), "{}".into());
    assert!(small.as_f64().is_some(), "a report number on the fast path");
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
        let (_, flags) = number_and_flags(answer.as_f64().expect("a report number")).expect("number");
        assert_eq!(flags & 4, 0, "{name}: a verdict carries no value");
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
    let first = qimen_payload::wasm::check(method.into(), text.into()).as_f64().expect("a number");
    // The answer is the number and its flags (not ok, issues kept, no value): nothing of the issues crosses
    // until asked for.
    let (first_number, flags) = number_and_flags(first).expect("report number");
    assert_eq!(flags, 2, "{first}");
    let wasm = decode(qimen_payload::wasm::check(method.into(), text.into())).expect("report");
    assert_eq!(wasm["errors"], native["errors"]);
    assert_eq!(wasm["warnings"], native["warnings"]);
    assert!(!native["warnings"].as_array().expect("list").is_empty() && !native["errors"].as_array().expect("list").is_empty());
    // The first report is no longer the latest: its parts are gone, and asked for they are `undefined`.
    assert_eq!(qimen_payload::wasm::issues_text(first_number), None);
    assert_eq!(qimen_payload::wasm::value_text(first_number), None);
    // A valid payload's value is kept until asked for, and is the native value.
    let example = qimen_payload::describe::example(qimen_payload::rules::api(method).expect("shipped"));
    let answer = qimen_payload::wasm::check(method.into(), example.as_str().into()).as_f64().expect("a number");
    let (number, flags) = number_and_flags(answer).expect("report number");
    assert_eq!(flags, 1 | 4, "{answer}");
    let kept: Value = serde_json::from_str(&qimen_payload::wasm::value_text(number).expect("kept value")).expect("JSON");
    assert_eq!(kept, serde_json::to_value(qimen_payload::check(method, &example).value).expect("value"));
}

#[wasm_bindgen_test]
fn a_method_index_names_the_method_until_the_methods_change() {
    use qimen_payload::wasm::{check, check_at, method_index, register_api, unregister_api, verdict, verdict_at};
    for (method, _, text) in corpus::CASES.iter().take(20) {
        let payload = common::case::payload_text(text);
        let i = method_index(JsValue::from_str(method));
        assert!(i >= 0, "{method}");
        let by_name = decode(check(JsValue::from_str(method), JsValue::from_str(&payload))).expect("by name");
        assert_eq!(decode(check_at(i as u32, JsValue::from_str(&payload))).expect("by index"), by_name);
        let verdict_by_name = decode(verdict(JsValue::from_str(method), JsValue::from_str(&payload))).expect("by name");
        assert_eq!(decode(verdict_at(i as u32, JsValue::from_str(&payload))).expect("by index"), verdict_by_name);
    }
    assert_eq!(method_index(JsValue::from_str("no.such.method")), -1);
    assert_eq!(method_index(JsValue::from(7)), -1);
    assert_eq!(decode(check_at(10_000, JsValue::from_str("{}"))).expect("report")["errors"][0]["code"], "unknown_method");
    // A registered table is found after the shipped ones; unregistered, its index names nothing.
    let registered = register_api(JsValue::from_str(include_str!("tables/example.stock.report.json")));
    assert_eq!(js_sys::Reflect::get(&registered, &"ok".into()).expect("ok"), JsValue::TRUE);
    let i = method_index(JsValue::from_str("example.stock.report"));
    assert!(i >= 0);
    assert_eq!(decode(check_at(i as u32, JsValue::from_str("{}"))).expect("report")["ok"], false);
    assert!(unregister_api(JsValue::from_str("example.stock.report")));
    assert_eq!(method_index(JsValue::from_str("example.stock.report")), -1);
    assert_eq!(decode(check_at(i as u32, JsValue::from_str("{}"))).expect("report")["errors"][0]["code"], "unknown_method");
}
