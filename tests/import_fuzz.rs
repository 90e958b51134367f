//! The importer never panics (issue 31, tests): every doc of `../shared` (the seed pages and the doc JSON files),
//! edited at random — characters replaced, inserted and deleted at character boundaries, with the characters
//! the formats are made of (`•`, `└`, `(`, `（`, `=`, `:`, digits, quotes, brackets) and multi-byte ones —
//! imports to a table or to problems. Seeded: a failure names the seed and the edit.

use std::fs;
use std::path::{Path, PathBuf};

fn shared() -> PathBuf {
    std::env::var_os("QIMEN_SHARED").map(PathBuf::from).unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared"))
}

fn docs() -> Vec<(String, String)> {
    let mut out = Vec::new();
    for dir in ["seeds", "apis"] {
        for e in fs::read_dir(shared().join(dir)).expect("../shared is beside the checkout (or set QIMEN_SHARED)") {
            let p = e.expect("entry").path();
            if p.extension().is_some_and(|x| x == "txt" || x == "json") && !p.ends_with("README.md") {
                out.push((p.display().to_string(), fs::read_to_string(&p).expect("utf-8")));
            }
        }
    }
    assert!(out.len() >= 22, "{} docs", out.len());
    out
}

/// 150 edits per doc in `npm test`; `QIMEN_FUZZ_ROUNDS` for a longer local run.
fn rounds() -> usize {
    std::env::var("QIMEN_FUZZ_ROUNDS").ok().and_then(|v| v.parse().ok()).unwrap_or(150)
}

#[test]
fn edited_docs_import_or_are_refused_never_a_panic() {
    const ALPHABET: &[char] = &[
        '•', '└', '(', ')', '（', '）', '=', ':', '：', ';', '；', '-', '0', '9', '"', '{', '}', '[', ']', ',', ' ', '\n', '必', '须',
        '可', '选', 'Y', '/', 'N', '\\', '€', '𝄞',
    ];
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let mut imported = 0;
    for (name, text) in docs() {
        for round in 0..rounds() {
            let mut chars: Vec<char> = text.chars().collect();
            for _ in 0..(next() % 6 + 1) {
                let at = (next() as usize) % chars.len().max(1);
                let c = ALPHABET[(next() as usize) % ALPHABET.len()];
                match next() % 3 {
                    0 if at < chars.len() => chars[at] = c,
                    1 => chars.insert(at.min(chars.len()), c),
                    _ if at < chars.len() => {
                        chars.remove(at);
                    }
                    _ => {}
                }
            }
            let edited: String = chars.into_iter().collect();
            let r = std::panic::catch_unwind(|| qimen_payload::import::import_doc(&edited).is_ok());
            match r {
                Ok(true) => imported += 1,
                Ok(false) => {}
                Err(_) => panic!("{name}, round {round}: the importer panicked on an edited doc"),
            }
        }
    }
    // Most small edits still make a table: the importer reads what is there.
    assert!(imported > 1000, "only {imported} edited docs imported");
}

#[test]
fn hostile_docs_are_refused_fast() {
    use qimen_payload::import::import_doc;
    use qimen_payload::rules::table::TableCode;
    let t = std::time::Instant::now();
    let code = |text: &str| import_doc(text).map(|_| ()).map_err(|p| p[0].code);
    // Larger than any doc, deeper than any table, wider than a table's object, more params than a table.
    let param = r#"{"name":"f","type":"String","description":"x"}"#;
    assert_eq!(code(&format!(r#"{{"name":"a.b","requestParams":[{}]}}"#, vec![param; 100_000].join(","))), Err(TableCode::TooLarge));
    assert_eq!(code(&format!(r#"{{"name":"a.b","requestParams":{}{}}}"#, "[".repeat(10_000), "]".repeat(10_000))), Err(TableCode::TooDeep));
    let wide = (0..200).map(|i| format!(r#"{{"name":"f{i}","type":"String"}}"#)).collect::<Vec<_>>().join(",");
    assert_eq!(code(&format!(r#"{{"name":"a.b","requestParams":[{wide}]}}"#)), Err(TableCode::Limit));
    let objects = (0..40)
        .map(|o| {
            let inner = (0..100).map(|i| format!(r#"{{"name":"f{i}","type":"String"}}"#)).collect::<Vec<_>>().join(",");
            format!(r#"{{"name":"o{o}","type":"O","subParams":[{inner}]}}"#)
        })
        .collect::<Vec<_>>()
        .join(",");
    assert_eq!(code(&format!(r#"{{"name":"a.b","requestParams":[{objects}]}}"#)), Err(TableCode::Limit));
    // A page of 40,000 rows and a sample of 40,000 setters: refused, in linear time.
    let rows = (0..40_000).map(|i| format!("f{i} String 可选 x 描述")).collect::<Vec<_>>().join("\n");
    let sets = (0..40_000).map(|i| format!("req.setF{i}(\"x\");")).collect::<Vec<_>>().join("\n");
    let page = format!("a.b (名)\n\n说明\n\n请求参数\n\n名称 类型 是否必须 示例值 更多限制 描述\n{rows}\n\n请求示例\n\n{sets}\n");
    assert!(page.len() < 2 << 20);
    assert_eq!(code(&page), Err(TableCode::Shape));
    // Not a doc at all.
    assert_eq!(code("hello"), Err(TableCode::Shape));
    assert_eq!(code("{\"name\": 5}"), Err(TableCode::Name));
    assert!(t.elapsed().as_secs() < 20, "refusing took {:?}", t.elapsed());
}
