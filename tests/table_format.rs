//! The table format is lossless and refuses hostile tables: every compiled table, written as a table file and
//! read back, is the same table (structurally, and on every corpus and response case); a table file that is
//! too large, too deep, of unknown kinds or naming what is not there is refused with a problem at its path.

use std::fs;
use std::path::Path;
use std::time::Instant;

use qimen_payload::rules::table::{self, load, TableCode, TableDoc};
use qimen_payload::rules::{self, registry, Api};
use serde_json::Value;

mod common;

/// A compiled table, through the file format and back (the method stays the shipped one: built, not registered).
fn round_trip(api: &Api) -> &'static Api {
    let text = serde_json::to_string_pretty(&table::export(api)).expect("serializable");
    let doc: TableDoc = serde_json::from_str(&text).expect("the exported file parses");
    let problems = load::check(&doc);
    assert!(problems.iter().all(|p| p.code == TableCode::Shipped), "{}: {problems:?}", api.method);
    load::build(&doc)
}

#[test]
fn every_compiled_table_survives_the_format() {
    for api in rules::all() {
        let back = round_trip(api);
        assert_eq!(format!("{back:?}"), format!("{api:?}"), "{}", api.method);
    }
}

/// Each case of each method's folder: parsed, and as its file's text.
fn case_dirs(under: &str) -> Vec<(String, Vec<(Value, String)>)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join(under);
    let mut out = Vec::new();
    for dir in fs::read_dir(&root).expect("cases") {
        let dir = dir.expect("dir").path();
        let method = dir.file_name().and_then(|n| n.to_str()).expect("name").to_string();
        let cases = fs::read_dir(&dir)
            .expect("dir")
            .map(|f| f.expect("file").path())
            .filter(|p| p.extension().is_some_and(|e| e == "json"))
            .map(|p| fs::read_to_string(p).expect("read"))
            .map(|text| (serde_json::from_str(&text).expect("json"), text))
            .collect();
        out.push((method, cases));
    }
    out
}

#[test]
fn every_corpus_and_response_case_answers_alike_through_the_format() {
    let mut count = 0;
    for (method, cases) in case_dirs("tests/cases") {
        let api = rules::api(&method).expect("method");
        let back = round_trip(api);
        for (_, file) in cases {
            let text = common::case::payload_text(&file);
            let a = match qimen_payload::input::parse(&text) {
                Ok(i) => (format!("{:?}", qimen_payload::check_input(api, &i)), format!("{:?}", qimen_payload::check_input(back, &i))),
                Err(_) => continue,
            };
            assert_eq!(a.0, a.1, "{method}: {text}");
            count += 1;
        }
    }
    assert!(count >= 80, "{count} corpus cases");
    let mut responses = 0;
    for (method, cases) in case_dirs("tests/responses") {
        let api = rules::api(&method).expect("method");
        let back = round_trip(api);
        for (case, _) in cases {
            let text = case["text"].as_str().expect("text");
            let (a, b) = (qimen_payload::response::parse_response(api, text), qimen_payload::response::parse_response(back, text));
            assert_eq!(format!("{a:?}"), format!("{b:?}"), "{method}: {text}");
            responses += 1;
        }
    }
    assert!(responses >= 15, "{responses} response cases");
}

/// A small table file, valid, for the refusal tests to break one thing at a time.
fn small() -> Value {
    serde_json::json!({
        "format": "qimen-payload/table@1",
        "method": "example.small.sync",
        "protocol": "top",
        "chunked": ["lines"],
        "fields": [
            { "name": "code", "type": "text", "required": true, "label_zh": "编码", "max_len": 10 },
            { "name": "kind", "type": "enum", "label_zh": "类型", "codes": [
                { "code": "A", "label_zh": "甲" }, { "code": "B", "label_zh": "乙" } ] },
            { "name": "lines", "type": "list", "type_name": "Line", "max_entries": 3, "fields": [
                { "name": "sku", "type": "text", "required": true },
                { "name": "qty", "type": "long", "min": 0 } ] }
        ],
        "checks": [ { "check": "unique", "list": "lines", "key": "sku" } ],
        "response": { "fields": [ { "wire": "flag", "name": "flag", "kind": "text" } ],
                      "success": { "rule": "text_is", "name": "flag", "value": "success" } }
    })
}

fn refused(doc: &Value) -> Vec<(String, TableCode)> {
    match load::parse(&doc.to_string()) {
        Ok(_) => Vec::new(),
        Err(p) => p.into_iter().map(|p| (p.path, p.code)).collect(),
    }
}

#[test]
fn a_valid_table_registers_and_answers_like_a_compiled_one() {
    let api = registry::register(&small().to_string()).expect("valid");
    assert_eq!(api.method, "example.small.sync");
    let ok = qimen_payload::check("example.small.sync", r#"{"code":" X1 ","kind":"甲","lines":[{"sku":"s","qty":"2"}]}"#);
    assert!(ok.ok, "{:?}", ok.errors);
    assert_eq!(serde_json::to_string(&ok.value).expect("ser"), r#"{"code":"X1","kind":"A","lines":[{"sku":"s","qty":2}]}"#);
    let bad = qimen_payload::check("example.small.sync", r#"{"code":"01234567890","lines":[{"sku":"s"},{"sku":"s"},{},{}]}"#);
    let mut got: Vec<String> = bad.errors.iter().map(|i| format!("{} {}", i.path, i.code.as_str())).collect();
    got.sort();
    assert_eq!(got, ["code too_long", "lines too_many", "lines[1].sku duplicate", "lines[2].sku missing", "lines[3].sku missing"]);
    assert!(rules::method_names().contains(&"example.small.sync"));
    // The same table again changes nothing; a changed one replaces it.
    assert!(std::ptr::eq(registry::register(&small().to_string()).expect("again"), api));
    let mut changed = small();
    changed["fields"][0]["max_len"] = 20.into();
    registry::register(&changed.to_string()).expect("replaced");
    assert!(qimen_payload::check("example.small.sync", r#"{"code":"01234567890"}"#).ok);
    assert!(registry::unregister("example.small.sync"));
    assert_eq!(qimen_payload::check("example.small.sync", "{}").errors[0].code.as_str(), "unknown_method");
}

#[test]
fn each_broken_thing_is_refused_at_its_path() {
    let with = |f: &dyn Fn(&mut Value)| {
        let mut d = small();
        f(&mut d);
        refused(&d)
    };
    use TableCode::*;
    assert_eq!(with(&|d| d["method"] = "taobao.inventory.shopinv.adjust".into()), [("method".into(), Shipped)]);
    assert_eq!(with(&|d| d["format"] = "qimen-payload/table@9".into()), [("format".into(), Format)]);
    assert_eq!(with(&|d| d["fields"][1]["type"] = "uuid".into()), [("fields[1].type".into(), Shape)]);
    assert_eq!(with(&|d| d["fields"][0]["requierd"] = true.into()), [("fields[0].requierd".into(), Shape)]);
    assert_eq!(with(&|d| d["fields"][0]["name"] = "a b".into()), [("fields[0].name".into(), Name)]);
    assert_eq!(with(&|d| d["fields"][0]["name"] = "__proto__".into()), [("fields[0].name".into(), Name)]);
    assert_eq!(with(&|d| d["fields"][1]["name"] = "code".into()), [("fields[1].name".into(), Duplicate)]);
    assert_eq!(with(&|d| d["fields"][0]["min"] = 1.into()), [("fields[0].min".into(), Property)]);
    assert_eq!(with(&|d| d["fields"][1]["codes"][1]["aliases"] = serde_json::json!(["a"])), [("fields[1].codes[1]".into(), Duplicate)]);
    assert_eq!(with(&|d| d["fields"][2]["max_entries"] = 0.into()), [("fields[2].max_entries".into(), Limit)]);
    assert_eq!(with(&|d| d["checks"][0]["key"] = "nope".into()), [("checks[0].key".into(), Reference)]);
    assert_eq!(with(&|d| d["chunked"] = serde_json::json!(["code"])), [("chunked".into(), Reference)]);
    assert_eq!(with(&|d| d["response"]["success"]["name"] = "ok".into()), [("response.success".into(), Reference)]);
    assert_eq!(with(&|d| d["routing_field"] = "code".into()), [("routing_field".into(), Property)]);
    assert_eq!(refused(&Value::String("not a table".into())), [("".into(), Shape)]);
    assert_eq!(load::parse("{\"format\": ").map_err(|p| p[0].code), Err(Shape));
}

#[test]
fn codes_are_told_apart_by_the_rule_that_selects_them() {
    // The engine ignores ASCII case only, so the checker refuses `A` beside an alias `a` (above) and keeps
    // `É` and `é` apart, each selected by itself — it once folded Unicode case and refused them.
    let mut d = small();
    d["method"] = "example.accents.sync".into();
    d["fields"][1]["codes"] = serde_json::json!([{ "code": "É", "label_zh": "甲" }, { "code": "é", "label_zh": "乙" }]);
    registry::register(&d.to_string()).expect("É and é are two codes");
    let kind = |k: &str| qimen_payload::check("example.accents.sync", &serde_json::json!({ "code": "x", "kind": k }).to_string());
    let value = |k: &str| serde_json::to_value(&kind(k).value).expect("ser")["kind"].clone();
    assert_eq!(value("é"), "é");
    assert_eq!(value("É"), "É");
    assert_eq!(value("乙"), "é");
    assert_eq!(kind("e").errors[0].code.as_str(), "enum");
    assert!(registry::unregister("example.accents.sync"));
}

#[test]
fn hostile_tables_are_refused_fast() {
    let t = Instant::now();
    // JSON nested 10,000 deep.
    let deep = "[".repeat(10_000) + &"]".repeat(10_000);
    assert_eq!(load::parse(&deep).map_err(|p| p[0].code), Err(TableCode::TooDeep));
    // Objects nested past the limit, within the JSON depth.
    let mut f = serde_json::json!({ "name": "leaf", "type": "text" });
    for i in 0..20 {
        f = serde_json::json!({ "name": format!("o{i}"), "type": "object", "type_name": "O", "fields": [f] });
    }
    let mut d = small();
    d["fields"] = Value::Array(vec![f]);
    d["chunked"] = Value::Array(vec![]);
    d["checks"] = Value::Array(vec![]);
    assert!(refused(&d).iter().any(|(_, c)| *c == TableCode::TooDeep), "{:?}", refused(&d));
    // A million fields: larger than any table may be.
    let million = format!(
        r#"{{"format":"qimen-payload/table@1","method":"a.b","protocol":"top","fields":[{}]}}"#,
        vec![r#"{"name":"f","type":"text"}"#; 1_000_000].join(",")
    );
    assert_eq!(load::parse(&million).map_err(|p| p[0].code), Err(TableCode::TooLarge));
    // Within the size: too many fields per object and in all; at most 100 problems listed.
    let mut d = small();
    d["fields"] = Value::Array((0..129).map(|i| serde_json::json!({ "name": format!("f{i}"), "type": "text" })).collect());
    d["chunked"] = Value::Array(vec![]);
    d["checks"] = Value::Array(vec![]);
    assert_eq!(refused(&d), [("fields".into(), TableCode::Limit)]);
    d["fields"] = Value::Array((0..5000).map(|_| serde_json::json!({ "name": "1", "type": "text" })).collect());
    assert_eq!(refused(&d), [("fields".into(), TableCode::Limit)]);
    let mut d = small();
    d["fields"][1]["codes"] = Value::Array((0..400).map(|_| serde_json::json!({ "code": "" })).collect());
    assert_eq!(refused(&d).len(), 100);
    // A 1 MB name.
    let mut d = small();
    d["fields"][0]["name"] = "n".repeat(1 << 20).into();
    assert_eq!(refused(&d), [("".into(), TableCode::TooLarge)]);
    d["fields"][0]["name"] = "n".repeat(65).into();
    assert_eq!(refused(&d), [("fields[0].name".into(), TableCode::Name)]);
    assert!(t.elapsed().as_secs() < 30, "refusing took {:?}", t.elapsed());
}

/// Random byte edits of every exported table: each result parses to a table or to problems, never a panic.
#[test]
fn mangled_tables_never_panic() {
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let bytes = b"{}[]\",:0123456789-eEtrufalsn \\\x00\xff";
    for api in rules::all() {
        let mut doc = table::export(api);
        doc.method = format!("fuzz.{}", api.method.replace('.', "_"));
        let text = serde_json::to_string(&doc).expect("ser");
        for _ in 0..400 {
            let mut b = text.clone().into_bytes();
            for _ in 0..(next() % 4 + 1) {
                let at = (next() as usize) % b.len();
                b[at] = bytes[(next() as usize) % bytes.len()];
            }
            let mangled = String::from_utf8_lossy(&b);
            let _ = load::parse(&mangled);
        }
    }
}

#[test]
fn a_list_or_object_without_its_type_name_or_fields_is_told_so_in_plain_words() {
    let mut doc = small();
    doc["fields"][2].as_object_mut().expect("the list").remove("type_name");
    doc["fields"][2]["fields"] = serde_json::json!([]);
    doc["fields"].as_array_mut().expect("fields").push(serde_json::json!({ "name": "box", "type": "object" }));
    let problems = load::parse(&doc.to_string()).expect_err("refused");
    let messages: Vec<&str> = problems.iter().map(|p| p.message.as_str()).collect();
    for m in [
        "a list field needs its type_name",
        "a list field needs at least one field",
        "an object field needs its type_name",
        "an object field needs at least one field",
    ] {
        assert!(messages.contains(&m), "{m} not in {messages:?}");
    }
}
