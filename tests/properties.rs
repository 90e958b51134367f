//! Properties over generated payloads. A seeded generator walks each API's rule table and writes every input
//! form `check` accepts (codes, labels, full-width digits, ¥ prices, 折 discounts, date variants, epoch ms…),
//! sometimes breaking a rule. Deterministic: a failure names its seed.

use qimen_payload::chunk::chunk;
use qimen_payload::render::{render, render_value, Format};
use qimen_payload::rules::{Field, Kind, APIS};
use qimen_payload::sign::{sign_params, SignMethod};
use qimen_payload::{check, Val};
use serde_json::Value;

mod common;
use common::gen::{generate, Rng};

/// Walk a normalized value with its table: lists within limits, required fields present, canonical forms.
fn assert_canonical(fields: &'static [Field], v: &Val, at: &str) {
    let Val::Obj(members) = v else { panic!("{at}: not an object") };
    for f in fields {
        let got = members.iter().find(|(k, _)| *k == f.name).map(|(_, v)| v);
        if f.required {
            assert!(got.is_some(), "{at}.{}: required but absent", f.name);
        }
        let Some(got) = got else { continue };
        let canonical = |s: &str, pat: &str| {
            s.len() == pat.len() && s.chars().zip(pat.chars()).all(|(c, p)| if p == '9' { c.is_ascii_digit() } else { c == p })
        };
        match (&f.kind, got) {
            (Kind::Date, Val::Str(s)) => assert!(canonical(s, "9999-99-99"), "{at}.{}: {s}", f.name),
            (Kind::DateTime, Val::Str(s)) => assert!(canonical(s, "9999-99-99 99:99:99"), "{at}.{}: {s}", f.name),
            (Kind::Price, Val::Str(s)) => {
                assert!(s.split_once('.').is_some_and(|(i, d)| !i.is_empty() && d.len() == 2), "{at}.{}: {s}", f.name)
            }
            (Kind::Discount, Val::Str(s)) => assert!(s.len() == 6 && (s.starts_with("0.") || s == "1.0000"), "{at}.{}: {s}", f.name),
            (Kind::Object(o), v) => assert_canonical(o.fields, v, &format!("{at}.{}", f.name)),
            (Kind::List(l), Val::List(entries)) => {
                assert!(entries.len() <= l.max && entries.len() >= l.min.max(1), "{at}.{}: {} entries", f.name, entries.len());
                for (i, e) in entries.iter().enumerate() {
                    assert_canonical(l.fields, e, &format!("{at}.{}[{i}]", f.name));
                }
            }
            (Kind::Long(_), Val::Long(_)) | (Kind::Bool, Val::Bool(_)) | (Kind::Str(_), Val::Str(_)) => {}
            (Kind::Enum(r), v) => assert!(r.codes.iter().any(|c| v.scalar_text().is_some_and(|t| t == c.code)), "{at}.{}", f.name),
            (kind, v) => panic!("{at}.{}: {v:?} for {kind:?}", f.name),
        }
    }
}

/// A parsed XML element: name, text, children.
struct Elem {
    name: String,
    text: String,
    children: Vec<Elem>,
}

fn parse_xml(xml: &str) -> Elem {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut stack = vec![Elem { name: String::new(), text: String::new(), children: vec![] }];
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Start(e) => {
                stack.push(Elem { name: String::from_utf8_lossy(e.name().as_ref()).into_owned(), text: String::new(), children: vec![] })
            }
            Event::Text(t) => stack.last_mut().expect("open").text.push_str(&t.unescape().expect("valid escapes")),
            Event::End(_) => {
                let done = stack.pop().expect("open");
                stack.last_mut().expect("parent").children.push(done);
            }
            Event::Eof => break,
            other => panic!("unexpected XML event {other:?}"),
        }
    }
    stack.pop().and_then(|mut root| root.children.pop()).expect("a root element")
}

/// The XML, read back, says exactly what the normalized value says.
fn assert_xml_matches(fields: &'static [Field], v: &Val, e: &Elem, at: &str) {
    let Val::Obj(members) = v else { panic!("{at}: not an object") };
    let names: Vec<&str> = e.children.iter().map(|c| c.name.as_str()).collect();
    let keys: Vec<&str> = members.iter().map(|(k, _)| *k).collect();
    assert_eq!(names, keys, "{at}: elements in table order");
    for ((k, val), child) in members.iter().zip(&e.children) {
        let f = fields.iter().find(|f| f.name == *k).expect("known field");
        match (&f.kind, val) {
            (Kind::Object(o), _) => assert_xml_matches(o.fields, val, child, &format!("{at}.{k}")),
            (Kind::List(l), Val::List(entries)) => {
                assert_eq!(child.children.len(), entries.len(), "{at}.{k}: entry count");
                for (i, (entry, ce)) in entries.iter().zip(&child.children).enumerate() {
                    assert_eq!(ce.name, qimen_payload::rules::xml_entry_name(l.type_name));
                    assert_xml_matches(l.fields, entry, ce, &format!("{at}.{k}[{i}]"));
                }
            }
            _ => assert_eq!(Some(child.text.as_str()), val.scalar_text().as_deref(), "{at}.{k}"),
        }
    }
}

const SEEDS: u64 = 400;

#[test]
fn normalization_is_idempotent_and_renderings_read_back_to_the_value() {
    for api in APIS {
        let mut ok = 0;
        for seed in 0..SEEDS {
            let text = generate(api, seed, false);
            let r = check(api.method, &text);
            let Some(v) = r.value else { continue };
            ok += 1;
            let ctx = format!("{} seed {seed}: {text}", api.method);
            // idempotent: the normalized value checks again unchanged, with no errors
            let again = check(api.method, &render_value(api, &v, Format::Json));
            assert!(again.errors.is_empty(), "{ctx}: {:?}", again.errors);
            assert_eq!(again.value.as_ref(), Some(&v), "{ctx}");
            // ok ⇒ lists within limits, required present, canonical forms
            assert_canonical(api.fields, &v, api.method);
            // JSON rendering parses back to the value
            let json = render(api.method, &text, Format::Json).expect("renders");
            let back: Value = serde_json::from_str(&json).expect("JSON");
            assert_eq!(back, serde_json::from_str::<Value>(&serde_json::to_string(&v).expect("ser")).expect("json"), "{ctx}");
            // XML rendering parses back (with quick-xml's reader) to the value
            let xml = render(api.method, &text, Format::Xml).expect("renders");
            let root = parse_xml(&xml);
            assert_eq!(root.name, "request");
            assert_xml_matches(api.fields, &v, &root, api.method);
        }
        assert!(ok >= SEEDS / 4, "{}: only {ok} of {SEEDS} generated payloads were valid; the generator is too weak", api.method);
    }
}

#[test]
fn chunk_preserves_order_and_content_and_every_chunk_passes() {
    for api in APIS {
        let mut chunked = 0;
        let mut split = 0;
        for seed in 0..SEEDS / 4 {
            let text = generate(api, seed, true);
            let Ok(chunks) = chunk(api, &text) else { continue };
            chunked += 1;
            let path = qimen_payload::describe::methods().into_iter().find(|m| m.method == api.method).expect("api").list_path;
            let list = |v: &Val| path.iter().try_fold(v, |v, k| v.get(k)).and_then(Val::as_list).map(<[Val]>::to_vec).unwrap_or_default();
            // The same payload with its limited list checked entry by entry: what the chunks must hold, in order.
            let whole: Value = serde_json::from_str(&text).expect("json");
            let Some(entries) = path.iter().try_fold(&whole, |v, k| v.get(*k)).and_then(Value::as_array) else {
                assert_eq!(chunks.len(), 1, "no list, one payload");
                continue;
            };
            let mut got = Vec::new();
            let max = api.list_limit().expect("limited").1;
            split += usize::from(chunks.len() > 1);
            for c in &chunks {
                let r = check(api.method, &render_value(api, c, Format::Json));
                assert!(r.ok, "{} seed {seed}: chunk refused: {:?}", api.method, r.errors);
                let l = list(c);
                assert!(!l.is_empty() && l.len() <= max);
                got.extend(l);
            }
            assert_eq!(got.len(), entries.len(), "{} seed {seed}: nothing dropped or duplicated", api.method);
            // Content and order: chunk entry i is original entry i, normalized (checked alone in the payload).
            for (i, (g, original)) in got.iter().zip(entries).enumerate() {
                let mut single = whole.clone();
                let slot = path.iter().try_fold(&mut single, |v, k| v.get_mut(*k)).expect("list");
                *slot = Value::Array(vec![original.clone()]);
                let alone = check(api.method, &single.to_string()).value.expect("a chunked entry is valid alone");
                assert_eq!(list(&alone).first(), Some(g), "{} seed {seed}: entry {i} changed or moved", api.method);
            }
        }
        assert!(chunked >= 5 && split >= 3, "{}: only {chunked} oversized payloads could be chunked, {split} split", api.method);
    }
}

#[test]
fn sign_params_ignores_order_and_drops_exactly_the_blank_values() {
    let mut rng = Rng(7);
    for round in 0..300 {
        let n = 1 + rng.below(12) as usize;
        let params: Vec<(String, String)> = (0..n)
            .map(|i| {
                let key = format!("k{}_{i}", rng.below(1000));
                let value = match rng.below(5) {
                    0 => String::new(),
                    1 => " \t".into(),
                    2 => format!("值{}", rng.below(100)),
                    _ => format!("v{}", rng.below(1_000_000)),
                };
                (key, value)
            })
            .collect();
        let method = *rng.pick(&[SignMethod::Md5, SignMethod::Hmac, SignMethod::HmacSha256]);
        let sign = |p: &[(String, String)]| sign_params(p.iter().map(|(k, v)| (k.as_str(), v.as_str())), "secret", method, None);
        let base = sign(&params);
        let mut shuffled = params.clone();
        for i in (1..shuffled.len()).rev() {
            let j = rng.below(i as u64 + 1) as usize;
            shuffled.swap(i, j);
        }
        assert_eq!(sign(&shuffled), base, "round {round}: order matters");
        let kept: Vec<(String, String)> = params.iter().filter(|(_, v)| !v.trim().is_empty()).cloned().collect();
        assert_eq!(sign(&kept), base, "round {round}: blank values not dropped");
        if let Some(i) = params.iter().position(|(_, v)| !v.trim().is_empty()) {
            let mut changed = params.clone();
            changed[i].1.push('x');
            assert_ne!(sign(&changed), base, "round {round}: a non-blank value was dropped");
        }
    }
}
