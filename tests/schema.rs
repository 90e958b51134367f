//! Schema agreement, natively and for every registered API (the test-only one too, with `--cfg
//! qimen_test_api`): the JSON Schema `describe::schema` derives from a table accepts every canonical payload `check`
//! produces, and refuses what check refuses for the rules a schema can express (a required field removed, a
//! code that is not in the enum, a list over its limit, a conditional rule broken). The Node suite
//! (tests/node/schema.test.mjs) does the same through the package with Ajv.

mod common;

use common::gen::generate;
use qimen_payload::render::{render, Format};
use qimen_payload::rules::{Check, Field, Kind, Then, APIS, UNBOUNDED};
use serde_json::Value;

fn validator(api: &qimen_payload::rules::Api) -> jsonschema::Validator {
    jsonschema::draft202012::new(&qimen_payload::describe::schema(api))
        .unwrap_or_else(|e| panic!("{}: schema does not compile: {e}", api.method))
}

/// Canonical payloads: the example and the valid generated ones, as `render` writes their value.
fn canonical(api: &'static qimen_payload::rules::Api) -> Vec<Value> {
    let mut texts = vec![qimen_payload::describe::example(api)];
    texts.extend((0..150).map(|seed| generate(api, seed, false)));
    texts
        .iter()
        .filter(|t| qimen_payload::check(api.method, t).ok)
        .map(|t| serde_json::from_str(&render(api.method, t, Format::Json).expect("renders")).expect("json"))
        .collect()
}

/// Breaks a schema can express, at the top level of a canonical value: (why, broken value).
fn breaks(fields: &'static [Field], checks: &'static [Check], v: &Value) -> Vec<(String, Value)> {
    let mut out = Vec::new();
    let Value::Object(m) = v else { return out };
    for f in fields {
        let mut with = |why: String, to: Option<Value>| {
            let mut copy = m.clone();
            match to {
                Some(x) => copy.insert(f.name.to_string(), x),
                None => copy.remove(f.name),
            };
            out.push((why, Value::Object(copy)));
        };
        if f.required && m.contains_key(f.name) {
            with(format!("{} removed", f.name), None);
        }
        match &f.kind {
            Kind::Enum(_) => with(format!("{} not a code", f.name), Some(Value::String("NOT_A_CODE".into()))),
            Kind::List(l) if l.max != UNBOUNDED => {
                if let Some(Value::Array(entries)) = m.get(f.name).filter(|e| e.as_array().is_some_and(|a| !a.is_empty())) {
                    let many: Vec<Value> = (0..=l.max).map(|_| entries[0].clone()).collect();
                    // Repeated entries may also break a uniqueness rule; the list's length alone is enough to refuse.
                    with(format!("{} over its limit", f.name), Some(Value::Array(many)));
                }
            }
            _ => {}
        }
    }
    // The same inside nested objects and the first entry of each list.
    for f in fields {
        let (inner_fields, inner_checks, inner, at_entry) = match (&f.kind, m.get(f.name)) {
            (Kind::Object(o), Some(v @ Value::Object(_))) => (o.fields, o.checks, v, false),
            (Kind::List(l), Some(Value::Array(a))) if !a.is_empty() => (l.fields, l.checks, &a[0], true),
            _ => continue,
        };
        for (why, b) in breaks(inner_fields, inner_checks, inner) {
            let mut copy = m.clone();
            let slot = copy.get_mut(f.name).expect("present");
            if at_entry {
                slot.as_array_mut().expect("a list")[0] = b;
            } else {
                *slot = b;
            }
            out.push((format!("{}: {why}", f.name), Value::Object(copy)));
        }
    }
    // A `When` that demands a field: meet the condition and drop the field.
    for c in checks {
        if let Check::When { when, is, then: Then::Required(field) } = c {
            let code = fields.iter().find(|f| f.name == *when).and_then(|f| match &f.kind {
                Kind::Enum(e) => e.codes.iter().find(|c| c.code == is[0]).map(|c| (e.numeric, c.code)),
                _ => None,
            });
            if let Some((numeric, code)) = code {
                let mut copy = m.clone();
                copy.insert(
                    when.to_string(),
                    if numeric { serde_json::json!(code.parse::<i64>().unwrap_or(0)) } else { Value::String(code.into()) },
                );
                copy.remove(*field);
                out.push((format!("{when} = {code} without {field}"), Value::Object(copy)));
            }
        }
    }
    out
}

#[test]
fn schema_and_check_agree_on_every_registered_api() {
    for api in APIS {
        let validate = validator(api);
        let payloads = canonical(api);
        assert!(payloads.len() >= 20, "{}: only {} canonical payloads", api.method, payloads.len());
        let mut broken = 0;
        for v in &payloads {
            let errors: Vec<String> = validate.iter_errors(v).map(|e| e.to_string()).collect();
            assert!(errors.is_empty(), "{}: the schema refuses a canonical payload {v}: {errors:?}", api.method);
        }
        for v in payloads.iter().take(20) {
            for (why, b) in breaks(api.fields, api.checks, v) {
                let text = b.to_string();
                assert!(!qimen_payload::check(api.method, &text).ok, "{}: check accepts {why}: {text}", api.method);
                assert!(!validate.is_valid(&b), "{}: the schema accepts {why}: {text}", api.method);
                broken += 1;
            }
        }
        assert!(broken >= 10, "{}: only {broken} breaks tried", api.method);
    }
}
