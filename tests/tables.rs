//! Self-tests of the rule tables, run for every registered API: what a table says must make sense before any
//! payload is checked against it. A new API's table is held to the same rules with no change here.

use std::path::Path;

use qimen_payload::rules::{Api, Check, Field, Kind, Then, APIS, UNBOUNDED};

/// Every object of a table with its checks, depth first.
fn objects(api: &'static Api) -> Vec<(&'static [Field], &'static [Check])> {
    fn walk(fields: &'static [Field], checks: &'static [Check], out: &mut Vec<(&'static [Field], &'static [Check])>) {
        out.push((fields, checks));
        for f in fields {
            match &f.kind {
                Kind::Object(o) => walk(o.fields, o.checks, out),
                Kind::List(l) => walk(l.fields, l.checks, out),
                _ => {}
            }
        }
    }
    let mut out = Vec::new();
    walk(api.fields, api.checks, &mut out);
    out
}

fn field<'f>(fields: &'f [Field], name: &str) -> Option<&'f Field> {
    fields.iter().find(|f| f.name == name)
}

fn list_fields(fields: &'static [Field], name: &str) -> Option<&'static [Field]> {
    match &field(fields, name)?.kind {
        Kind::List(l) => Some(l.fields),
        _ => None,
    }
}

#[test]
fn every_field_a_check_names_exists_with_a_fitting_kind() {
    for api in APIS {
        for (fields, checks) in objects(api) {
            for c in checks {
                let ok = match c {
                    Check::Unique { list, key, .. } => list_fields(fields, list).is_some_and(|l| field(l, key).is_some()),
                    Check::Order { first, second, .. } => field(fields, first).is_some() && field(fields, second).is_some(),
                    Check::When { when, is, then } => {
                        let codes_ok = match field(fields, when).map(|w| &w.kind) {
                            Some(Kind::Enum(e)) => !is.is_empty() && is.iter().all(|v| e.codes.iter().any(|c| c.code == *v)),
                            _ => false,
                        };
                        let long_in = |list: &str, f: &str| {
                            list_fields(fields, list).and_then(|l| field(l, f)).is_some_and(|q| matches!(q.kind, Kind::Long(_)))
                        };
                        codes_ok
                            && match then {
                                Then::Required(f) => field(fields, f).is_some_and(|f| !f.required),
                                Then::EntriesAtLeast { list, field: f, why, .. } => {
                                    long_in(list, f) && !why.en.is_empty() && !why.zh.is_empty()
                                }
                                Then::EntriesNotZero { list, field: f } => long_in(list, f),
                            }
                    }
                    Check::TotalCoversList { total, list } => {
                        matches!(field(fields, total).map(|f| &f.kind), Some(Kind::Long(_))) && list_fields(fields, list).is_some()
                    }
                    Check::WarnEmptyList { list } => list_fields(fields, list).is_some(),
                    // The misplaced field is absent here and present where it belongs.
                    Check::Misplaced { field: f, belongs_to } => {
                        field(fields, f).is_none() && objects(api).iter().any(|(o, _)| field(o, f).is_some()) && !belongs_to.is_empty()
                    }
                };
                assert!(ok, "{}: {c:?} names a field that is not there (or of the wrong kind)", api.method);
            }
        }
    }
}

#[test]
fn limits_sit_only_on_kinds_that_use_them() {
    for api in APIS {
        for (fields, _) in objects(api) {
            assert!(fields.len() <= qimen_payload::engine::MAX_FIELDS, "{}: an object with {} fields", api.method, fields.len());
            for f in fields {
                if f.max_len.is_some() {
                    // Only strings are length-checked: a length on another kind could never be reported.
                    assert!(matches!(f.kind, Kind::Str(_)), "{}: {} has a max_len but is no string", api.method, f.name);
                }
                match &f.kind {
                    Kind::Enum(e) => {
                        assert!(!e.codes.is_empty(), "{}: {} has no codes", api.method, f.name);
                        if e.numeric {
                            for c in e.codes {
                                assert!(c.code.parse::<i64>().is_ok(), "{}: {} code {} is not a number", api.method, f.name, c.code);
                            }
                        }
                    }
                    Kind::List(l) => assert!(l.min <= l.max, "{}: {} min > max", api.method, f.name),
                    _ => {}
                }
                let mut names = fields.iter().map(|f| f.name).collect::<Vec<_>>();
                names.sort();
                names.dedup();
                assert_eq!(names.len(), fields.len(), "{}: a field name is repeated", api.method);
            }
        }
    }
}

#[test]
fn the_chunked_list_is_declared_and_bounded() {
    for api in APIS {
        let list = api.chunked_list().unwrap_or_else(|| panic!("{}: chunked {:?} is no bounded list", api.method, api.chunked));
        assert!(list.max != UNBOUNDED);
        assert_eq!(api.list_limit(), Some((*api.chunked.last().expect("a path"), list.max)));
    }
}

#[test]
fn the_example_passes_check() {
    for api in APIS {
        let r = qimen_payload::check(api.method, &qimen_payload::describe::example(api));
        assert!(r.ok, "{}: its example fails: {:?}", api.method, r.errors);
    }
}

#[test]
fn every_api_has_its_cases_and_responses() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    for api in qimen_payload::rules::shipped() {
        for (dir, min) in [("cases", 10), ("responses", 3)] {
            let d = root.join(dir).join(api.method);
            let n = std::fs::read_dir(&d).map(|r| r.count()).unwrap_or(0);
            assert!(n >= min, "{}: {n} files in tests/{dir}/{} (at least {min})", api.method, api.method);
        }
    }
}

/// The README's tables of methods and codes are generated (`describe::readme_tables`); stale ones fail here.
/// `QIMEN_BLESS=1 cargo test --test tables` rewrites them, for a person to review in the diff.
#[test]
fn the_readme_tables_are_current() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md");
    let mut readme = std::fs::read_to_string(&path).expect("README.md");
    let bless = std::env::var("QIMEN_BLESS").is_ok_and(|v| v == "1");
    for (name, table) in qimen_payload::describe::readme_tables() {
        let (open, close) = (format!("<!-- generated:{name} -->\n"), format!("<!-- /generated:{name} -->"));
        let start = readme.find(&open).unwrap_or_else(|| panic!("README.md has no {open}")) + open.len();
        let end = start + readme[start..].find(&close).unwrap_or_else(|| panic!("README.md has no {close}"));
        if bless {
            readme.replace_range(start..end, &table);
        } else {
            assert_eq!(readme[start..end], table, "the README's {name} table is stale: QIMEN_BLESS=1 cargo test --test tables");
        }
    }
    if bless {
        std::fs::write(&path, readme).expect("write README.md");
    }
}

/// The TypeScript types name every registered API: its payload, value and response interfaces, and its entry
/// in each method map.
#[test]
fn the_generated_types_cover_every_api() {
    let ts = qimen_payload::describe::typescript("");
    for api in APIS {
        let base = qimen_payload::describe::type_base(api);
        for name in [format!("interface {base}Payload "), format!("interface {base}Value "), format!("interface {base}Response ")] {
            assert!(ts.contains(&name), "{}: no {name}", api.method);
        }
        assert_eq!(ts.matches(&format!("\"{}\":", api.method)).count(), 3, "{}: not in Payloads, Values and Responses", api.method);
    }
}
