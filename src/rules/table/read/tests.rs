//! The table reader against its oracle, the serde derive of the same types (`serde_path_to_error` over
//! serde_json, what `load::read` was until issue 33): over every shipped table, the platform's 18 doc JSON
//! APIs imported (`../shared/apis`), the example table, and mutations of each — of values (every type in
//! every place, numbers at the edges of each range, `null`, tags and names swapped), of keys (removed, added,
//! repeated) and of bytes — both give the same table, or both refuse. A refusal is `shape` for both, at the
//! same path; where serde stops at a check or the success rule (it buffers tagged enums whole), ours may name
//! the property inside it, so its path there starts with serde's. Texts that are not JSON at all are refused by
//! both at the root (serde's path is where its reader was; ours reads the tree first).
//!
//! `QIMEN_TABLE_READER_N` sets the mutations per table (default 400: ~10,000 texts in `npm test`; `npm run fuzz` runs 20,000: ~500,000).

use std::path::{Path, PathBuf};

use serde_json::Value;

use super::super::doc::{SuccessDoc, TableDoc};
use super::super::load::{TableCode, TableProblem};
use super::table;

fn serde_read(text: &str) -> Result<TableDoc, String> {
    let de = &mut serde_json::Deserializer::from_str(text);
    serde_path_to_error::deserialize(de).map_err(|e| {
        let path = e.path().to_string();
        if path == "." {
            String::new()
        } else {
            path
        }
    })
}

/// A path serde reports for a tagged enum's value (its `Content` buffer keeps no deeper path).
fn tagged(path: &str) -> bool {
    let last = path.rsplit('.').next().unwrap_or(path);
    last.starts_with("checks[") || path == "response.success" || path.ends_with(".response.success")
}

/// The differences, on purpose, where serde's derive reads what the format does not allow and the reader
/// refuses it: (1) a struct, or a tagged enum (tag first), written as a JSON array — the derive reads it by
/// position; (2) an `answered` success rule with unknown properties — the derive ignores the rest of an
/// internally tagged unit variant's map. Anything serde says about such a text is inside the refused value.
fn known_difference(ours: &TableProblem, theirs: &Result<TableDoc, String>) -> bool {
    let array = ours.message.starts_with("invalid type: sequence, expected struct")
        || ours.message.starts_with("invalid type: sequence, expected internally tagged");
    let answered = ours.message.starts_with("unknown field")
        && ours.path.rsplit_once('.').is_some_and(|(parent, _)| parent.ends_with("response.success"));
    match theirs {
        Ok(doc) => array || (answered && doc.response.success == SuccessDoc::Answered),
        Err(path) => array && path.starts_with(ours.path.as_str()),
    }
}

/// The two readers agree on `text`; the panic message says how they differ.
fn agree(text: &str) {
    let ours = table(text);
    let theirs = serde_read(text);
    if let Err(a) = &ours {
        if known_difference(a, &theirs) {
            return;
        }
    }
    match (&ours, &theirs) {
        (Ok(a), Ok(b)) => assert_eq!(a, b, "both read it, differently: {text}"),
        (Err(a), Err(b)) => {
            assert_eq!(a.code, TableCode::Shape, "{text}");
            if serde_json::from_str::<serde::de::IgnoredAny>(text).is_err() {
                assert_eq!(a.path, "", "not JSON: refused at the root, not {:?}: {text}", a.path);
            } else {
                assert!(
                    a.path == *b || (tagged(b) && a.path.starts_with(b.as_str())),
                    "refused at {:?} ({}), serde at {b:?}: {text}",
                    a.path,
                    a.message
                );
            }
        }
        _ => {
            panic!("ours {:?}, serde {:?}: {text}", ours.as_ref().map(|_| "read").map_err(|p| &p.message), theirs.as_ref().map(|_| "read"))
        }
    }
}

fn shared() -> PathBuf {
    std::env::var_os("QIMEN_SHARED").map(PathBuf::from).unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared"))
}

/// Every table text the mutations start from: the shipped tables, the imported doc JSON, the example table.
fn tables() -> Vec<String> {
    let mut out: Vec<String> = crate::rules::all()
        .iter()
        .map(|api| serde_json::to_string(&super::super::export(api)).unwrap_or_else(|e| panic!("{}: {e}", api.method)))
        .collect();
    let apis = shared().join("apis");
    let mut docs: Vec<PathBuf> = std::fs::read_dir(&apis)
        .unwrap_or_else(|e| panic!("{}: {e} (CI has ../shared beside the checkout, or set QIMEN_SHARED)", apis.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    docs.sort();
    assert!(docs.len() >= 18, "the 18 doc JSON APIs, found {}", docs.len());
    for doc in docs {
        let text = std::fs::read_to_string(&doc).unwrap_or_else(|e| panic!("{}: {e}", doc.display()));
        if let Ok(imported) = crate::import::import_doc(&text) {
            out.push(serde_json::to_string(&imported.table).unwrap_or_else(|e| panic!("{}: {e}", doc.display())));
        }
    }
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/tables/example.stock.report.json");
    out.push(std::fs::read_to_string(&example).unwrap_or_else(|e| panic!("{}: {e}", example.display())));
    out
}

#[test]
fn every_table_reads_as_serde_reads_it() {
    let all = tables();
    assert!(all.len() > 4 + 18, "the shipped tables, 18 imported, the example: {} tables", all.len());
    for text in &all {
        agree(text);
        assert!(table(text).is_ok(), "a good table is read: {text}");
    }
}

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Values that sit on an edge of some property's type.
const EDGES: &[&str] = &[
    "null",
    "true",
    "false",
    "0",
    "-0",
    "1",
    "-1",
    "1.5",
    "1e2",
    "4294967295",
    "4294967296",
    "9223372036854775807",
    "9223372036854775808",
    "-9223372036854775808",
    "-9223372036854775809",
    "18446744073709551615",
    "18446744073709551616",
    "\"\"",
    "\"text\"",
    "\"list\"",
    "\"unique\"",
    "\"when\"",
    "\"required\"",
    "\"text_is\"",
    "\"answered\"",
    "\"warning\"",
    "\"qimen\"",
    "[]",
    "[\"a\"]",
    "[{}]",
    "{}",
    "{\"check\":\"unique\",\"list\":\"l\",\"key\":\"k\"}",
    "{\"then\":\"required\",\"field\":\"f\"}",
    "{\"rule\":\"answered\"}",
];

/// Property names of the format, to add, rename to and repeat.
const NAMES: &[&str] = &[
    "format",
    "method",
    "protocol",
    "fields",
    "checks",
    "response",
    "chunked",
    "routing_field",
    "name",
    "type",
    "required",
    "codes",
    "code",
    "min",
    "max_len",
    "max_entries",
    "min_entries",
    "type_name",
    "check",
    "then",
    "rule",
    "list",
    "key",
    "severity",
    "is",
    "when",
    "field",
    "success",
    "wire",
    "kind",
    "of",
    "aliases",
    "why_en",
    "why_zh",
    "value",
    "object",
    "flag",
    "entry",
    "also",
    "hoisted",
    "requierd",
];

/// Every place in a value, as a path of steps (object key or array index).
fn places(v: &Value, at: &mut Vec<Step>, out: &mut Vec<Vec<Step>>) {
    out.push(at.clone());
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                at.push(Step::Key(k.clone()));
                places(x, at, out);
                at.pop();
            }
        }
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                at.push(Step::Index(i));
                places(x, at, out);
                at.pop();
            }
        }
        _ => {}
    }
}

#[derive(Clone)]
enum Step {
    Key(String),
    Index(usize),
}

fn at<'v>(v: &'v mut Value, path: &[Step]) -> &'v mut Value {
    path.iter().fold(v, |v, s| match s {
        Step::Key(k) => &mut v[k.as_str()],
        Step::Index(i) => &mut v[*i],
    })
}

/// One mutation of a table's value, as text.
fn mutate(doc: &Value, text: &str, rng: &mut Rng) -> String {
    let mut v = doc.clone();
    let mut all = Vec::new();
    places(&v, &mut Vec::new(), &mut all);
    let place = all[rng.below(all.len())].clone();
    match rng.below(6) {
        0 => *at(&mut v, &place) = serde_json::from_str(EDGES[rng.below(EDGES.len())]).unwrap_or(Value::Null),
        1 => {
            if let Some(Step::Key(k)) = place.last() {
                if let Value::Object(m) = at(&mut v, &place[..place.len() - 1]) {
                    m.remove(k);
                }
            }
        }
        2 => {
            if let Value::Object(m) = at(&mut v, &place) {
                let value: Value = serde_json::from_str(EDGES[rng.below(EDGES.len())]).unwrap_or(Value::Null);
                m.insert(NAMES[rng.below(NAMES.len())].to_string(), value);
            }
        }
        3 => {
            // A key repeated: serde_json's map cannot hold it, so it goes into the text after an object's `{`.
            let opens: Vec<usize> = text.match_indices('{').map(|(i, _)| i).collect();
            let i = opens[rng.below(opens.len())] + 1;
            let member = format!("\"{}\":{},", NAMES[rng.below(NAMES.len())], EDGES[rng.below(EDGES.len())]);
            return format!("{}{member}{}", &text[..i], &text[i..]);
        }
        4 => {
            let bytes = b"{}[]\",:0123456789-eEtrufalsn \\";
            let mut b = text.as_bytes().to_vec();
            for _ in 0..rng.below(3) + 1 {
                let i = rng.below(b.len());
                b[i] = bytes[rng.below(bytes.len())];
            }
            return String::from_utf8_lossy(&b).into_owned();
        }
        _ => {
            // A variant name or a type swapped for another of the format's words.
            if let Value::String(s) = at(&mut v, &place) {
                *s = [
                    "text",
                    "long",
                    "enum",
                    "object",
                    "list",
                    "unique",
                    "order",
                    "when",
                    "misplaced",
                    "required",
                    "entries_at_least",
                    "text_is",
                    "is_true",
                    "all_entries",
                    "answered",
                    "top",
                    "qimen",
                    "error",
                    "warning",
                    "gtin",
                    "pluck",
                    "entries",
                    "bool",
                ][rng.below(23)]
                .to_string();
            }
        }
    }
    v.to_string()
}

#[test]
fn mutated_tables_read_as_serde_reads_them() {
    let n: usize = std::env::var("QIMEN_TABLE_READER_N").ok().and_then(|s| s.parse().ok()).unwrap_or(400);
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    let (mut read, mut refused) = (0, 0);
    for text in tables() {
        let doc: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}: {text}"));
        for _ in 0..n {
            let mutated = mutate(&doc, &text, &mut rng);
            agree(&mutated);
            match table(&mutated) {
                Ok(_) => read += 1,
                Err(_) => refused += 1,
            }
        }
    }
    // Both outcomes are exercised, so agreement means something on each side.
    assert!(read > 1000 && refused > 1000, "{read} read, {refused} refused");
}

/// Hand-picked texts at each rule the module comment names, checked against serde and by their expected paths.
#[test]
fn each_rule_of_the_derive_holds() {
    let base = r#"{"format":"qimen-payload/table@1","method":"a.b","protocol":"top","fields":[{"name":"n","type":"long"}]}"#;
    let with = |field: &str| base.replace(r#""type":"long""#, &format!(r#""type":"long",{field}"#));
    let path = |text: &str| table(text).err().map(|p| p.path);
    let top = |member: &str| format!("{},{member}}}", &base[..base.len() - 1]);
    for (text, expected) in [
        (base.to_string(), None),
        (with(r#""min":-0"#), Some("fields[0].min")),
        (with(r#""min":-9223372036854775808"#), None),
        (with(r#""min":9223372036854775808"#), Some("fields[0].min")),
        (with(r#""max_len":4294967296"#), Some("fields[0].max_len")),
        (with(r#""max_len":1e1"#), Some("fields[0].max_len")),
        (with(r#""max_len":null"#), None),
        (with(r#""required":null"#), Some("fields[0].required")),
        (with(r#""name":"m""#), Some("fields[0]")),
        (with(r#""requierd":true"#), Some("fields[0].requierd")),
        (base.replace(r#""name":"n","#, ""), Some("fields[0]")),
        (
            base.replace(r#""protocol":"top""#, r#""protocol":"top","response":{"success":{"rule":"answered","x":1}}"#),
            Some("response.success.x"),
        ),
        (base.replace(r#""protocol":"top","#, ""), Some("")),
        (format!("\u{FEFF}{base}"), Some("")),
        (top(r#""checks":[{"check":"unique","list":"l"}]"#), Some("checks[0]")),
        (top(r#""checks":[{"check":"when","when":"w","is":[],"then":{"then":"required"}}]"#), Some("checks[0]")),
    ] {
        agree(&text);
        // Where serde's path is a tagged value's, ours is that path or deeper; the rest are exact.
        let got = path(&text);
        match expected {
            Some(p) if tagged(p) => assert!(got.as_deref().is_some_and(|g| g.starts_with(p)), "{got:?} for {text}"),
            _ => assert_eq!(got.as_deref(), expected, "{text}"),
        }
    }
}
