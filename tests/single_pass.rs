//! The single-pass `check` against its oracle, the tree engine (`engine::check_by_tree`): the same report —
//! verdict, every issue (code, path, params, label, position, order) and the normalized value — for every text.
//!
//! Texts: every corpus case and response case, run against every API (shipped, the in-tree example table and
//! the 18 platform doc JSON files of `../shared/apis`, imported and registered); then generated payloads
//! (`common::gen`, valid and over their limits) and their mutations — byte edits, cuts, splices, duplicate and
//! unknown members, values of the wrong shape, nesting at and past the depth limit, lists past the issue cap.
//! `QIMEN_SINGLE_PASS_N` sets how many generated texts per API (default 600 in `npm test`; `npm run fuzz`
//! runs 1,000,000 in all); `QIMEN_SINGLE_PASS_SEED` the seed.

use std::fs;
use std::path::Path;

use qimen_payload::engine::check_by_tree;
use qimen_payload::rules::{self, Api, Field, Kind, APIS};

mod common;
use common::case::payload_text;
use common::gen::{generate, Rng};

fn same(api: &Api, text: &str, what: &str) {
    let fast = qimen_payload::check(api, text);
    let tree = check_by_tree(api, text);
    if fast != tree {
        let shown: String = text.chars().take(600).collect();
        panic!(
            "{} — {what}: the single pass and the tree engine disagree\ntext: {shown}\nsingle pass: {:#?}\ntree: {:#?}",
            api.method,
            (&fast.ok, &fast.errors.iter().map(|i| format!("{} {:?}", i.path, i.violation)).collect::<Vec<_>>(), &fast.value),
            (&tree.ok, &tree.errors.iter().map(|i| format!("{} {:?}", i.path, i.violation)).collect::<Vec<_>>(), &tree.value),
        );
    }
}

/// Every API the tests know: the four shipped, the in-tree example table, and the platform's doc JSON files.
fn apis() -> Vec<&'static Api> {
    let mut all: Vec<&'static Api> = APIS.to_vec();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let example = fs::read_to_string(root.join("tests/tables/example.stock.report.json")).expect("the example table");
    all.push(rules::registry::register(&example).expect("the example table registers"));
    let shared = root.join("../shared/apis");
    let mut docs: Vec<_> = fs::read_dir(&shared).expect("../shared/apis beside the checkout").flatten().map(|e| e.path()).collect();
    docs.sort();
    for doc in docs.iter().filter(|p| p.extension().is_some_and(|e| e == "json")) {
        let text = fs::read_to_string(doc).expect("readable doc");
        let imported = qimen_payload::import::import_doc(&text).unwrap_or_else(|p| panic!("{}: {p:?}", doc.display()));
        all.push(rules::registry::register_doc(&imported.table).expect("an imported table registers"));
    }
    assert!(all.len() >= 23, "{} APIs", all.len());
    all
}

/// Every case text of `tests/cases` and `tests/responses`.
fn corpus() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    for folder in ["tests/cases", "tests/responses"] {
        for dir in fs::read_dir(root.join(folder)).expect("the corpus").flatten() {
            for file in fs::read_dir(dir.path()).expect("a method's folder").flatten() {
                let text = fs::read_to_string(file.path()).expect("a case");
                let case: serde_json::Value = serde_json::from_str(&text).expect("a case is JSON");
                let payload = match case.get("text").and_then(|t| t.as_str()) {
                    Some(t) => t.to_string(),
                    None => payload_text(&text),
                };
                out.push((file.path().display().to_string(), payload));
            }
        }
    }
    out.sort();
    assert!(out.len() >= 120, "{} corpus texts", out.len());
    out
}

#[test]
fn every_corpus_text_against_every_api() {
    let apis = apis();
    for (name, text) in corpus() {
        for api in &apis {
            same(api, &text, &name);
        }
    }
}

fn names(fields: &'static [Field], out: &mut Vec<&'static str>) {
    for f in fields {
        out.push(f.name);
        match &f.kind {
            Kind::Object(o) => names(o.fields, out),
            Kind::List(l) => names(l.fields, out),
            _ => {}
        }
    }
}

/// Byte offsets just after each `{` (where a member can be put), and the char boundaries.
fn after_braces(text: &str) -> Vec<usize> {
    text.match_indices('{').map(|(i, _)| i + 1).collect()
}

fn boundary(text: &str, rng: &mut Rng) -> usize {
    let mut i = rng.below(text.len() as u64 + 1) as usize;
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

const PIECES: &[&str] = &[
    ",",
    ":",
    "[",
    "]",
    "{",
    "}",
    "\"",
    "null",
    "true",
    "0",
    "-",
    "1e5",
    "1.5",
    " ",
    "\\",
    "\\u00",
    "\\ud800",
    "[[[[",
    "]]",
    "{}",
    "[]",
    "\"\"",
    "\"  \"",
    "9007199254740993",
    "\u{FEFF}",
    "\u{1}",
    "红",
    "¥",
    "折",
];

/// A value of some shape, to put where anything may go.
fn any_value(rng: &mut Rng, names: &[&str]) -> String {
    match rng.below(12) {
        0 => "null".into(),
        1 => "\"   \"".into(),
        2 => "[]".into(),
        3 => "{}".into(),
        4 => format!("{}{}", "[".repeat(rng.below(70) as usize), "]".repeat(70)).chars().take(140).collect(),
        5 => format!("[{}]", vec!["{}"; rng.below(30) as usize].join(",")),
        6 => format!("{{\"{}\":{}}}", rng.pick(names), rng.below(100)),
        7 => "\"9折\"".into(),
        8 => "-1".into(),
        9 => "\"2024-02-30\"".into(),
        10 => "1.005".into(),
        _ => "\"x\\n\\u4e2d\"".into(),
    }
}

/// One mutation of a text (which may leave it valid, invalid or not JSON at all).
fn mutate(text: &str, rng: &mut Rng, names: &[&str]) -> String {
    let mut t = text.to_string();
    for _ in 0..=rng.below(3) {
        match rng.below(9) {
            // A cut: a text ending mid-value.
            0 => t.truncate(boundary(&t, rng)),
            // A piece of JSON syntax put anywhere.
            1 => {
                let at = boundary(&t, rng);
                let piece = *rng.pick(PIECES);
                t.insert_str(at, piece);
            }
            // A span deleted or repeated.
            2 | 3 => {
                let (a, b) = (boundary(&t, rng), boundary(&t, rng));
                let (a, b) = (a.min(b), a.max(b));
                if rng.chance(50) {
                    t.replace_range(a..b, "");
                } else {
                    let span = t[a..b].to_string();
                    t.insert_str(b, &span);
                }
            }
            // A member (known or not, so often a duplicate) put first in some object.
            4..=6 => {
                let spots = after_braces(&t);
                if !spots.is_empty() {
                    let at = *rng.pick(&spots);
                    let name = if rng.chance(80) { rng.pick(names).to_string() } else { format!("unknown{}", rng.below(5)) };
                    let member = format!("\"{name}\":{},", any_value(rng, names));
                    t.insert_str(at, &member);
                }
            }
            // A field's value replaced by a value of another shape (after a `":`).
            7 => {
                let spots: Vec<usize> = t.match_indices("\":").map(|(i, _)| i + 2).collect();
                if !spots.is_empty() {
                    let at = *rng.pick(&spots);
                    let v = any_value(rng, names);
                    t.insert_str(at, &format!("{v},\"pad{}\":", rng.below(1000)));
                }
            }
            // Wrapped in a list or given a BOM, whitespace, trailing text.
            _ => {
                t = match rng.below(4) {
                    0 => format!("[{t}]"),
                    1 => format!("\u{FEFF}{t}"),
                    2 => format!("\n\t {t} \r\n"),
                    _ => format!("{t} x"),
                }
            }
        }
    }
    t
}

fn count() -> u64 {
    std::env::var("QIMEN_SINGLE_PASS_N").ok().and_then(|n| n.parse().ok()).unwrap_or(600)
}

fn seed() -> u64 {
    std::env::var("QIMEN_SINGLE_PASS_SEED").ok().and_then(|n| n.parse().ok()).unwrap_or(20261203)
}

#[test]
fn generated_payloads_and_their_mutations() {
    let apis = apis();
    let n = count();
    let base = seed();
    for (ai, api) in apis.iter().enumerate() {
        let mut all = Vec::new();
        names(api.fields, &mut all);
        let mut rng = Rng(base ^ (ai as u64) << 32);
        for i in 0..n {
            let seed = rng.next();
            let text = generate(api, seed, i % 7 == 0);
            let what = format!("seed {base}, api {ai}, text {i} (payload seed {seed})");
            if i % 4 == 0 {
                same(api, &text, &what);
            }
            same(api, &mutate(&text, &mut rng, &all), &what);
        }
    }
}

#[test]
fn hostile_shapes_and_the_limits() {
    let api = rules::api("tmall.qimendc.inventory.sync").expect("shipped");
    let nest = |d: usize| format!("{}{}", "[".repeat(d), "]".repeat(d));
    let entry = r#"{"warehouse_code":"SZ001","item_code":"A1","quantity":12,"inventory_type":"ZP"}"#;
    let texts = vec![
        // Depth: the root object is level 1, so 63 more levels are accepted and 64 are not.
        format!(r#"{{"x":{}}}"#, nest(63)),
        format!(r#"{{"x":{}}}"#, nest(64)),
        format!(r#"{{"items":[{}]}}"#, nest(62)),
        format!(r#"{{"items":[{}]}}"#, nest(63)),
        format!(r#"{{"items":[{{"item_code":{}}}]}}"#, nest(70)),
        // A syntax error after a depth error, and before one.
        format!(r#"{{"x":{} , }}"#, nest(80)),
        format!(r#"{{"x":[1,],"y":{}}}"#, nest(80)),
        // Past the cap: 2,000 entries of `{}` (a list over its limit, each entry missing its fields), also with
        // warnings, and with errors already made before the list.
        format!(r#"{{"items":[{}]}}"#, vec!["{}"; 2000].join(",")),
        format!(r#"{{"items":[{}]}}"#, vec![r#"{"u":1}"#; 2000].join(",")),
        format!(r#"{{"items":[{}]}}"#, vec![r#"{"u":1}"#; 999].join(",")),
        format!(r#"{{"items":[{}]}}"#, vec!["1"; 998].join(",")),
        format!(r#"{{"items":[{}]}}"#, vec!["1"; 999].join(",")),
        format!(r#"{{"items":[{}]}}"#, vec!["1"; 1000].join(",")),
        format!(r#"{{"items":[{}]}}"#, vec!["1"; 1001].join(",")),
        format!(r#"{{"items":[{}], "cp_code":[]}}"#, vec![entry; 101].join(",")),
        format!(r#"{{"items":[{}]}}"#, vec![nest(60); 300].join(",")),
        // Out of the table's order past the cap (then the object is read again in the table's order), and within it.
        format!(r#"{{"items":[{}],"cp_code":[],"zz":1,"items":1}}"#, vec!["1"; 2000].join(",")),
        format!(r#"{{"items":[{}],"zz":1}}"#, vec![r#"{"item_code":[],"u":1,"quantity":"x"}"#; 600].join(",")),
        format!(r#"{{"items":[{}],"zz":1}}"#, vec![r#"{"item_code":[],"quantity":"x"}"#; 400].join(",")),
        // Duplicates and a list given twice.
        format!(r#"{{"items":[{entry}],"items":[],"cp_code":"a","cp_code":"b"}}"#),
        // Not objects.
        "[]".into(),
        "\"x\"".into(),
        format!("[{}]", nest(70)),
        "".into(),
        "{".into(),
        "nul".into(),
    ];
    for (i, t) in texts.iter().enumerate() {
        same(api, t, &format!("hostile text {i}"));
    }
    // A list too short: a registered table with a minimum of 3 entries.
    let table = r#"{"format":"qimen-payload/table@1","method":"test.single.pass.min","protocol":"top","fields":[
        {"name":"rows","type":"list","type_name":"Row","min_entries":3,"max_entries":5,"fields":[{"name":"code","type":"text","required":true}]},
        {"name":"tail","type":"long","required":true}]}"#;
    let api = rules::registry::register(table).expect("the table registers");
    for t in [
        r#"{"rows":[{"x":1},{}]}"#,
        r#"{"rows":[{"code":"a"},{},{"u":1},{},{},{}],"tail":"x"}"#,
        r#"{"rows":[1],"tail":1}"#,
        r#"{"rows":[],"tail":1}"#,
        r#"{"rows":{},"tail":[]}"#,
    ] {
        same(api, t, t);
    }
}
