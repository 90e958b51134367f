//! Our JSON reader (src/json.rs) against serde_json, the reader it replaced: over the corpus's texts and
//! hundreds of thousands of mutations of them, both accept the same texts, and refuse the rest with the same
//! message at the same line and column (the Chinese translations and the console's jump to the error's place
//! are keyed on both). Where they may differ, on purpose: serde_json without `arbitrary_precision` refuses a
//! number beyond f64 (`1e400`) that we keep as its literal, and its nesting limit (128) is above ours (64).

mod common;

use std::fs;
use std::path::Path;

use common::gen::Rng;
use qimen_payload::input::{self, Input, Num, ParseError};
use qimen_payload::report::violation::Malformed;

/// (accepted, or the message and position)
fn ours(text: &str) -> Option<Result<(), (String, usize, usize)>> {
    match input::parse(text) {
        Ok(_) => Some(Ok(())),
        Err(ParseError::Malformed(Malformed::Json { detail, line, column })) => Some(Err((detail, line, column))),
        Err(ParseError::TooDeep { .. }) => None,
        Err(other) => panic!("{other:?} for {text:?}"),
    }
}

fn serde_json(text: &str) -> Option<Result<(), (String, usize, usize)>> {
    match serde_json::from_str::<serde_json::Value>(text) {
        Ok(_) => Some(Ok(())),
        Err(e) => {
            let message = e.to_string();
            let detail = message.split(" at line ").next().unwrap_or_default().to_string();
            if detail == "number out of range" || detail == "recursion limit exceeded" {
                return None;
            }
            Some(Err((detail, e.line(), e.column())))
        }
    }
}

fn corpus_texts() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases");
    let mut out = Vec::new();
    for dir in fs::read_dir(root).expect("cases") {
        for f in fs::read_dir(dir.expect("dir").path()).expect("dir") {
            let p = f.expect("file").path();
            if p.extension().is_some_and(|e| e == "json") {
                out.push(common::case::payload_text(&fs::read_to_string(p).expect("read")));
            }
        }
    }
    out
}

/// Bytes that steer a JSON reader, and a few that end in the middle of one.
const PIECES: &[&str] = &[
    "{",
    "}",
    "[",
    "]",
    ",",
    ":",
    "\"",
    "\\",
    "\\u",
    "\\ud800",
    "\\udc00",
    "\\ud83d\\ude00",
    "\\x",
    "-",
    "0",
    "01",
    "1.",
    ".5",
    "1e",
    "1E+",
    "e-",
    "+",
    "t",
    "tru",
    "null",
    "nul",
    "false",
    "\n",
    " ",
    "\t",
    "\u{1}",
    "\u{1f}",
    "é",
    "库存",
    "1e400",
    "-0",
    "9007199254740993",
    "\r\n",
];

fn mutate(rng: &mut Rng, text: &str) -> String {
    let mut s = text.to_string();
    for _ in 0..=rng.below(3) {
        // Char boundaries only: the reader takes `&str`.
        let bounds: Vec<usize> = (0..=s.len()).filter(|&i| s.is_char_boundary(i)).collect();
        let at = *rng.pick(&bounds);
        match rng.below(4) {
            0 => {
                let piece = PIECES[rng.below(PIECES.len() as u64) as usize];
                s.insert_str(at, piece)
            }
            1 => s.truncate(at),
            _ => {
                let end = bounds.iter().copied().find(|&e| e > at).unwrap_or(at);
                let piece = PIECES[rng.below(PIECES.len() as u64) as usize];
                s.replace_range(at..end, piece);
            }
        }
    }
    s
}

#[test]
fn agrees_with_serde_json_on_the_corpus_and_its_mutations() {
    let texts = corpus_texts();
    assert!(texts.len() >= 80);
    let rounds = if std::env::var("QIMEN_LONG").is_ok() { 2_000_000 } else { 100_000 };
    let mut rng = Rng(0x5EED_0F15_0A00);
    let (mut compared, mut refused, mut mismatches) = (0, 0, Vec::new());
    for round in 0..rounds {
        let base = &texts[round % texts.len()];
        let text = if round < texts.len() { base.clone() } else { mutate(&mut rng, base) };
        let (Some(a), Some(b)) = (ours(&text), serde_json(&text)) else { continue };
        compared += 1;
        refused += usize::from(b.is_err());
        if a != b && mismatches.len() < 10 {
            mismatches.push(format!("{text:?}\n    ours       {a:?}\n    serde_json {b:?}"));
        }
    }
    assert!(mismatches.is_empty(), "{}", mismatches.join("\n"));
    // The mutations reach both sides of the line.
    assert!(compared > rounds * 9 / 10 && refused > compared / 3 && refused < compared * 9 / 10, "{compared} {refused}");
}

#[test]
fn numbers_and_strings_come_through_as_written() {
    let Ok(Input::Object(m)) = input::parse(r#"{"a":[1e400,-0,1E2,0.10,12345678901234567.89],"b\u00e9":"x\ud83d\ude00\n"}"#) else {
        panic!("parses")
    };
    let lits: Vec<&str> = match &m[0].1 {
        Input::Array(items) => items.iter().map(|i| if let Input::Number(Num::Literal(l)) = i { l.as_ref() } else { "?" }).collect(),
        _ => Vec::new(),
    };
    assert_eq!(lits, ["1e400", "-0", "1E2", "0.10", "12345678901234567.89"]);
    assert_eq!(m[1].0, "bé");
    assert_eq!(m[1].1, Input::String("x😀\n".into()));
}
