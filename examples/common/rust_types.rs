//! Rust structs from a rule table: the `typed` feature's modules (`src/typed/`), written by
//! `cargo run --example gen_types -- --rust src/typed` and compared with the committed files by `tests/typed.rs`.
//!
//! One struct per object of the table, in the canonical form: what `check` writes as the normalized value and
//! what it accepts unchanged. So the same type builds a payload (`check_value`) and reads the value back
//! (`Report::value_as`). Prices, discounts and dates are text (exact: `"12.50"`, `"2026-12-02 10:00:00"`), Longs
//! `i64`, numeric enum codes `i64`, other codes `String`; an optional field is an `Option`, skipped when `None`.

use qimen_payload::rules::{Api, Field, Kind};

/// The module name of an API: its method with `_` for `.`.
pub fn module_name(api: &Api) -> String {
    api.method.replace(['.', '-'], "_")
}

fn pascal(name: &str) -> String {
    let mut out = String::new();
    let mut upper = true;
    for c in name.chars() {
        if c == '_' || c == '-' || c == '.' {
            upper = true;
        } else if upper {
            out.extend(c.to_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

fn snake(name: &str) -> String {
    let mut out = String::new();
    for (i, c) in name.chars().enumerate() {
        if c.is_ascii_uppercase() {
            if i > 0 && !out.ends_with('_') {
                out.push('_');
            }
            out.push(c.to_ascii_lowercase());
        } else if c == '-' || c == '.' {
            out.push('_');
        } else {
            out.push(c);
        }
    }
    const KEYWORDS: &[&str] = &["type", "ref", "move", "match", "fn", "impl", "struct", "enum", "mod", "use", "self", "box"];
    if KEYWORDS.contains(&out.as_str()) {
        out.push('_');
    }
    out
}

/// One struct to write: its name, what it is, and its fields.
struct Item {
    name: String,
    doc: String,
    fields: &'static [Field],
    /// Per field, the struct name of an object or list entry (empty for a scalar).
    types: Vec<String>,
}

/// The structs of an object and of every object inside it, depth first; names from the SDK's type name
/// unless generic (`Struct`) or taken, else from the field's name.
fn collect(name: String, doc: String, fields: &'static [Field], out: &mut Vec<Item>, names: &mut Vec<String>) {
    let mut types = Vec::new();
    let mut inner = Vec::new();
    for f in fields {
        let (type_name, nested) = match &f.kind {
            Kind::Object(o) => (o.type_name, o.fields),
            Kind::List(l) => (l.type_name, l.fields),
            _ => {
                types.push(String::new());
                continue;
            }
        };
        let mut n = if type_name.is_empty() || type_name == "Struct" { pascal(f.name) } else { type_name.to_string() };
        while names.contains(&n) || n == "Payload" {
            n = format!("{}{}", pascal(f.name), if n.ends_with("Entry") { "Item" } else { "Entry" });
        }
        names.push(n.clone());
        let what = match &f.kind {
            Kind::List(_) => format!("One entry of `{}`", f.name),
            _ => format!("The object `{}`", f.name),
        };
        let sdk = if type_name.is_empty() { String::new() } else { format!(" (the SDK's `{type_name}`)") };
        inner.push((n.clone(), format!("{what}{sdk}: {}.", label(f)), nested));
        types.push(n);
    }
    out.push(Item { name, doc, fields, types });
    for (n, d, nested) in inner {
        collect(n, d, nested, out, names);
    }
}

fn label(f: &Field) -> String {
    match (f.label_zh.is_empty(), f.label_en.is_empty()) {
        (false, false) => format!("{} ({})", f.label_en, f.label_zh),
        (true, false) => f.label_en.to_string(),
        (false, true) => f.label_zh.to_string(),
        (true, true) => format!("`{}`", f.name),
    }
}

/// The Rust type of a scalar field and the words its doc adds.
fn scalar(f: &Field) -> (&'static str, String) {
    match &f.kind {
        Kind::Str(_) => ("String", f.max_len.map(|m| format!("At most {m} UTF-16 units.")).unwrap_or_default()),
        Kind::Long(l) => ("i64", l.min.map(|m| format!("At least {m}.")).unwrap_or_default()),
        Kind::Bool => ("bool", String::new()),
        Kind::Price => ("String", "A price with two decimals (`12.50`).".into()),
        Kind::Discount => ("String", "A rate in (0, 1] with four decimals (`0.9000`).".into()),
        Kind::Date => ("String", format!("`{}`.", qimen_payload::rules::DATE_FORM)),
        Kind::DateTime => ("String", format!("`{}`, GMT+8.", qimen_payload::rules::DATETIME_FORM)),
        Kind::Enum(e) => {
            let codes: Vec<String> = e
                .codes
                .iter()
                .map(|c| if c.label_en.is_empty() { format!("`{}`", c.code) } else { format!("`{}` {}", c.code, c.label_en) })
                .collect();
            (if e.numeric { "i64" } else { "String" }, format!("One of {}.", codes.join(", ")))
        }
        Kind::Object(_) | Kind::List(_) => ("", String::new()),
    }
}

fn write_item(item: &Item, out: &mut String) {
    out.push_str(&format!("/// {}\n", item.doc));
    out.push_str("#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]\n#[serde(deny_unknown_fields)]\n");
    out.push_str(&format!("pub struct {} {{\n", item.name));
    for (f, nested) in item.fields.iter().zip(item.types.iter().cloned()) {
        let (ty, words) = match &f.kind {
            Kind::List(l) => {
                let most = if l.max == qimen_payload::rules::UNBOUNDED { String::new() } else { format!("At most {} entries.", l.max) };
                (format!("Vec<{nested}>"), most)
            }
            Kind::Object(_) => (nested, String::new()),
            _ => {
                let (t, w) = scalar(f);
                (t.to_string(), w)
            }
        };
        let mut doc = label(f);
        doc.push('.');
        if f.required {
            doc.push_str(" Required.");
        }
        if !words.is_empty() {
            doc.push(' ');
            doc.push_str(&words);
        }
        out.push_str(&format!("    /// {doc}\n"));
        let ident = snake(f.name);
        let rename = if ident == f.name { String::new() } else { format!("rename = \"{}\"", f.name) };
        if f.required {
            if !rename.is_empty() {
                out.push_str(&format!("    #[serde({rename})]\n"));
            }
            out.push_str(&format!("    pub {ident}: {ty},\n"));
        } else {
            let sep = if rename.is_empty() { "" } else { ", " };
            out.push_str(&format!("    #[serde({rename}{sep}default, skip_serializing_if = \"Option::is_none\")]\n"));
            out.push_str(&format!("    pub {ident}: Option<{ty}>,\n"));
        }
    }
    out.push_str("}\n");
}

/// The module of one API.
pub fn module(api: &Api) -> String {
    let mut items = Vec::new();
    let mut names = Vec::new();
    let root_doc = format!(
        "The payload of `{}` in its canonical form: what `check` writes as the normalized value, and a payload it accepts unchanged.",
        api.method
    );
    collect("Payload".into(), root_doc, api.fields, &mut items, &mut names);
    let mut out = format!(
        "//! `{}`: {}\n//!\n//! Generated from the rule table by `cargo run --example gen_types -- --rust src/typed`. Do not edit.\n\nuse serde::{{Deserialize, Serialize}};\n",
        api.method,
        if api.summary.is_empty() { "typed payload." } else { api.summary }
    );
    for item in &items {
        out.push('\n');
        write_item(item, &mut out);
    }
    out
}

/// `src/typed/mod.rs`.
pub fn index(apis: &[&Api]) -> String {
    let mut out = String::from(
        "//! Typed structs of the shipped APIs (feature `typed`), one module per API: the payload in its canonical form,\n\
         //! for building a payload ([`crate::check_value`]) and for reading the normalized value back\n\
         //! ([`crate::Report::value_as`]). Exact: prices, discounts and dates are text, Longs `i64`.\n\
         //!\n\
         //! ```\n\
         //! use qimen_payload::typed::tmall_qimendc_inventory_sync::{InventoryItemDo, Payload};\n\
         //!\n\
         //! let payload = Payload {\n\
         //!     cp_code: Some(\"HN123\".into()),\n\
         //!     customer_id: Some(\"C1\".into()),\n\
         //!     items: Some(vec![InventoryItemDo { item_code: Some(\"A1\".into()), quantity: Some(12), ..Default::default() }]),\n\
         //!     ..Default::default()\n\
         //! };\n\
         //! let report = qimen_payload::check_value(\"tmall.qimendc.inventory.sync\", &payload);\n\
         //! let value: Payload = report.value_as()?.ok_or(report)?;\n\
         //! assert_eq!(value, payload);\n\
         //! # Ok::<(), Box<dyn std::error::Error>>(())\n\
         //! ```\n\
         //!\n\
         //! Generated from the rule tables by `cargo run --example gen_types -- --rust src/typed`. Do not edit.\n\n",
    );
    let mut names: Vec<String> = apis.iter().map(|a| module_name(a)).collect();
    names.sort();
    for name in names {
        out.push_str(&format!("pub mod {name};\n"));
    }
    out
}
