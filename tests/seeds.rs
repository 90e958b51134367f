//! The seeds prove the importer (issue 31 §4): each doc page in `../shared/seeds/` (as a person copies it),
//! imported, with its reviewed overlay `tests/seeds/<method>.overlay.json` merged over it, is exactly the
//! shipped table (`rules::table::export`). The overlay holds what the page cannot say and we decided — English
//! labels and summaries, shorter Chinese labels, aliases, cross-field checks, response names and success rules,
//! the issue-settled ambiguities —; everything else comes from the page. `QIMEN_BLESS=1 cargo test --test seeds`
//! rewrites the overlays from the difference, for a person to review in the git diff (resvg-style): a change of
//! the importer or of a shipped table fails here until then.

use std::fs;
use std::path::{Path, PathBuf};

use qimen_payload::import::{import_doc, overlay};
use qimen_payload::rules::{self, table};
use serde_json::Value;

/// CI has `../shared` beside the checkout; `QIMEN_SHARED` names another place.
fn shared() -> PathBuf {
    std::env::var_os("QIMEN_SHARED").map(PathBuf::from).unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared"))
}

#[test]
fn each_seed_page_with_its_overlay_is_the_shipped_table() {
    let bless = std::env::var("QIMEN_BLESS").is_ok_and(|v| v == "1");
    let seeds = shared().join("seeds");
    let mut done = 0;
    let mut failures = Vec::new();
    for api in rules::shipped() {
        let page = fs::read_to_string(seeds.join(format!("{}.txt", api.method)))
            .unwrap_or_else(|e| panic!("{}: {e} (CI has ../shared beside the checkout, or set QIMEN_SHARED)", api.method));
        let imported = import_doc(&page).unwrap_or_else(|p| panic!("{}: {p:?}", api.method));
        let got = serde_json::to_value(&imported.table).expect("ser");
        let want = serde_json::to_value(table::export(api)).expect("ser");
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("tests/seeds/{}.overlay.json", api.method));
        if bless {
            let diff = overlay::between(&got, &want).unwrap_or(Value::Object(Default::default()));
            fs::write(&path, serde_json::to_string_pretty(&diff).expect("ser") + "\n").expect("write");
        }
        let over: Value = serde_json::from_str(&fs::read_to_string(&path).expect("an overlay per shipped API")).expect("json");
        let merged = overlay::apply(&got, &over);
        if merged != want {
            let left = overlay::between(&merged, &want).unwrap_or(Value::Null);
            failures.push(format!("{}: the page with its overlay differs from the shipped table by {left}", api.method));
        }
        done += 1;
    }
    assert_eq!(done, 4);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Every review sentence is said in both languages (the console shows `what_zh` in its Chinese interface): over
/// the four seed pages and the platform's doc JSON of the 18 other APIs, each item has an English sentence and a
/// Chinese one that is not the English again. Kinds that never came up here would pass unseen, so the test also
/// asks that most kinds came up.
#[test]
fn every_review_sentence_is_said_in_english_and_chinese() {
    let mut docs: Vec<(String, String)> = rules::shipped()
        .map(|api| (api.method.to_string(), fs::read_to_string(shared().join("seeds").join(format!("{}.txt", api.method))).expect("seed")))
        .collect();
    for entry in fs::read_dir(shared().join("apis")).expect("../shared/apis") {
        let path = entry.expect("entry").path();
        if path.extension().is_some_and(|e| e == "json") {
            docs.push((path.display().to_string(), fs::read_to_string(&path).expect("doc")));
        }
    }
    assert!(docs.len() >= 22, "{} docs", docs.len());
    let mut kinds = std::collections::BTreeSet::new();
    for (name, text) in &docs {
        let Ok(imported) = import_doc(text) else { continue };
        for r in &imported.review {
            kinds.insert(format!("{:?}", r.kind));
            assert!(!r.what.is_empty(), "{name}: {r:?}");
            assert!(r.what_zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)), "{name}: no Chinese in {:?}", r.what_zh);
            assert_ne!(r.what, r.what_zh, "{name}");
        }
    }
    assert!(kinds.len() >= 8, "kinds seen: {kinds:?}");
}
