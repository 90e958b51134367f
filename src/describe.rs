//! Descriptions of the APIs derived from the rule tables (for `methods()`, documentation and forms).

use crate::rules::{Api, Check, EnumRule, Field, Kind, Then, UNBOUNDED};
use serde::Serialize;
use serde_json::{json, Map, Value};

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
/// An API as `methods()` describes it: derived from its table.
pub struct MethodInfo {
    /// The exact method name.
    pub method: &'static str,
    /// The API's title in Chinese.
    pub title_zh: &'static str,
    /// What the API does, in English.
    pub summary: &'static str,
    /// What the API does, in Chinese.
    pub summary_zh: &'static str,
    /// The limited list's field name, its path from the root, and its limit.
    pub list_field: Option<&'static str>,
    /// The path of the list `chunk` splits, field names from the root (empty when none).
    pub list_path: Vec<&'static str>,
    /// The most entries one request carries in that list (`None`: no limit but the input size).
    pub list_limit: Option<usize>,
    /// Whether the classic Qimen XML-body protocol is spoken (`buildRequest`'s `body: 'xml'`).
    pub xml_body: bool,
    /// The field sent as Qimen's routing `customerId`, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub routing_field: Option<&'static str>,
    /// The element a TOP answer of this method is wrapped in (`inventory_shopinv_adjust_response`).
    pub response_element: String,
    /// The answer's fields by wire name, from the response table (the local gateway writes its answers from it).
    pub response: Vec<AnswerInfo>,
    /// The least answer body the table's success rule reads as a success, as JSON text (`{"flag":"success"}`):
    /// what the local gateway answers for a method whose effect it does not model.
    pub success_answer: String,
}

/// One field of an answer as data.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AnswerInfo {
    /// The wire name (JSON key and XML element).
    pub wire: &'static str,
    /// The name in `parseResponse`'s result.
    pub name: &'static str,
    /// text, bool, object, entries, pluck
    pub kind: &'static str,
    /// A list's entry element (`shop_inventory_edit_result_d_t_o`): each entry in XML, the list's wrapper in JSON.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub entry_element: Option<String>,
    /// An object's or an entry's fields; for `pluck`, the one field each entry is read for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fields: Option<Vec<AnswerInfo>>,
}

fn answer_info(fields: &'static [crate::rules::Answer]) -> Vec<AnswerInfo> {
    use crate::rules::AnswerKind;
    fields
        .iter()
        .map(|a| {
            let (kind, entry_element, inner) = match &a.kind {
                AnswerKind::Text => ("text", None, None),
                AnswerKind::Bool => ("bool", None, None),
                AnswerKind::Object(inner) => ("object", None, Some(answer_info(inner))),
                AnswerKind::Entries { of, fields } => ("entries", Some(crate::rules::xml_entry_name(of)), Some(answer_info(fields))),
                AnswerKind::Pluck { of, field } => (
                    "pluck",
                    Some(crate::rules::xml_entry_name(of)),
                    Some(vec![AnswerInfo { wire: field, name: field, kind: "text", entry_element: None, fields: None }]),
                ),
            };
            AnswerInfo { wire: a.wire, name: a.name, kind, entry_element, fields: inner }
        })
        .collect()
}

/// The registered APIs, in registry order.
pub fn methods() -> Vec<MethodInfo> {
    crate::rules::all()
        .into_iter()
        .map(|a| {
            let limit = a.list_limit();
            MethodInfo {
                method: a.method,
                title_zh: a.title_zh,
                summary: a.summary,
                summary_zh: a.summary_zh,
                list_field: limit.map(|(f, _)| f),
                list_path: a.chunked.to_vec(),
                list_limit: limit.map(|(_, n)| n),
                xml_body: a.protocol.xml_body(),
                routing_field: a.protocol.routing_field(),
                response_element: a.response_element(),
                response: answer_info(a.response.fields),
                success_answer: success_answer(a),
            }
        })
        .collect()
}

/// The least answer body that `parseResponse` reads as a success, by the table's success rule.
pub fn success_answer(api: &Api) -> String {
    use crate::rules::{Answer, Success};
    let wire =
        |fields: &[Answer], name: &str| fields.iter().find(|a| a.name == name).map(|a| a.wire.to_string()).unwrap_or_else(|| name.into());
    let fields = api.response.fields;
    let body = match &api.response.success {
        Success::TextIs { name, value } => json!({ wire(fields, name): value }),
        Success::IsTrue { name } => json!({ wire(fields, name): true }),
        Success::AllEntries { object, flag, list, .. } => {
            let inner = fields.iter().find(|a| a.name == *object).and_then(|a| match &a.kind {
                crate::rules::AnswerKind::Object(inner) => Some(*inner),
                _ => None,
            });
            let inner = inner.unwrap_or(&[]);
            json!({ wire(fields, object): { wire(inner, flag): true, wire(inner, list): [] } })
        }
        Success::Answered => json!({}),
    };
    body.to_string()
}

/// One field of a rule table as data, for forms and documentation.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FieldInfo {
    /// The wire name (JSON key and XML element).
    pub name: &'static str,
    /// string, long, boolean, price, discount, date, datetime, enum, object, list
    pub kind: &'static str,
    /// The platform refuses the payload without it.
    pub required: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    /// The most UTF-16 code units, for text.
    pub max_length: Option<u32>,
    /// The label in Chinese.
    pub label_zh: &'static str,
    /// The label in English.
    pub label_en: &'static str,
    /// An example value, from the seed.
    pub example: &'static str,
    /// The canonical form of a date or date-time field (`YYYY-MM-DD`), as messages name it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub format: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    /// An enum's codes, in the table's order.
    pub codes: Option<Vec<CodeInfo>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    /// A list's most entries.
    pub max_items: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    /// A list's fewest entries (when present).
    pub min_items: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    /// The SDK's type name of an object (of one entry, for a list).
    pub type_name: Option<&'static str>,
    /// A list's XML entry element (from its type name, as the renderer writes it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub entry_element: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    /// An object's (a list entry's) fields.
    pub fields: Option<Vec<FieldInfo>>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
/// One code of an enum field, as data.
pub struct CodeInfo {
    /// The code, as written on the wire.
    pub code: &'static str,
    /// Its label in Chinese.
    pub label_zh: &'static str,
    /// Its label in English.
    pub label_en: &'static str,
}

/// The rule table of an API as data: what a console builds its form from.
pub fn fields(api: &Api) -> Vec<FieldInfo> {
    field_infos(api.fields)
}

fn field_infos(fields: &'static [Field]) -> Vec<FieldInfo> {
    fields
        .iter()
        .map(|f| {
            let mut info = FieldInfo {
                name: f.name,
                kind: "string",
                required: f.required,
                max_length: f.max_len,
                label_zh: f.label_zh,
                label_en: f.label_en,
                example: f.example,
                format: None,
                codes: None,
                max_items: None,
                min_items: None,
                type_name: None,
                entry_element: None,
                fields: None,
            };
            info.kind = match &f.kind {
                Kind::Str(_) => "string",
                Kind::Long(_) => "long",
                Kind::Bool => "boolean",
                Kind::Price => "price",
                Kind::Discount => "discount",
                Kind::Date => {
                    info.format = Some(crate::rules::DATE_FORM);
                    "date"
                }
                Kind::DateTime => {
                    info.format = Some(crate::rules::DATETIME_FORM);
                    "datetime"
                }
                Kind::Enum(rule) => {
                    info.codes =
                        Some(rule.codes.iter().map(|c| CodeInfo { code: c.code, label_zh: c.label_zh, label_en: c.label_en }).collect());
                    "enum"
                }
                Kind::Object(o) => {
                    info.type_name = Some(o.type_name);
                    info.fields = Some(field_infos(o.fields));
                    "object"
                }
                Kind::List(l) => {
                    info.type_name = Some(l.type_name);
                    info.entry_element = Some(crate::rules::xml_entry_name(l.type_name));
                    info.max_items = (l.max != UNBOUNDED).then_some(l.max);
                    info.min_items = Some(l.min);
                    info.fields = Some(field_infos(l.fields));
                    "list"
                }
            };
            info
        })
        .collect()
}

/// Patterns of the canonical (normalized) forms, as `check` outputs them.
pub const PRICE_PATTERN: &str = r"^[0-9]+\.[0-9]{2}$";
/// A discount as `check` writes it: four decimals, at most `1.0000`.
pub const DISCOUNT_PATTERN: &str = r"^(0\.[0-9]{4}|1\.0000)$";
/// A date as `check` writes it.
pub const DATE_PATTERN: &str = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$";
/// A date and time as `check` writes it (GMT+8).
pub const DATETIME_PATTERN: &str = r"^[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}$";

/// The API's JSON Schema (2020-12) of the canonical payload, derived from the rule table. It describes what
/// `check` outputs (and accepts unchanged); what a schema cannot say — aliases, 折 notation, cross-field rules,
/// calendar validity — only `check` knows.
pub fn schema(api: &Api) -> Value {
    let mut s = object_schema(api.fields, api.checks);
    if let Value::Object(m) = &mut s {
        m.insert("$schema".into(), json!("https://json-schema.org/draft/2020-12/schema"));
        m.insert("$id".into(), json!(format!("urn:qimen-payload:{}", api.method)));
        m.insert("title".into(), json!(api.method));
        m.insert("description".into(), json!(format!("{} / {}", api.summary, api.summary_zh)));
    }
    s
}

fn object_schema(fields: &'static [Field], checks: &'static [Check]) -> Value {
    let mut props = Map::new();
    for f in fields {
        props.insert(f.name.into(), field_schema(f));
    }
    let required: Vec<&str> = fields.iter().filter(|f| f.required).map(|f| f.name).collect();
    let mut m = Map::new();
    m.insert("type".into(), json!("object"));
    m.insert("properties".into(), Value::Object(props));
    if !required.is_empty() {
        m.insert("required".into(), json!(required));
    }
    let conditions: Vec<Value> = checks.iter().filter_map(|c| conditional_schema(fields, c)).collect();
    if !conditions.is_empty() {
        m.insert("allOf".into(), Value::Array(conditions));
    }
    Value::Object(m)
}

/// A `When` check as JSON Schema `if`/`then`, when what it demands is an error (warnings are not schema).
fn conditional_schema(fields: &'static [Field], c: &Check) -> Option<Value> {
    let Check::When { when, is, then } = c else { return None };
    let Kind::Enum(rule) = &fields.iter().find(|f| f.name == *when)?.kind else { return None };
    let values: Vec<Value> = enum_values(rule).into_iter().zip(rule.codes).filter(|(_, c)| is.contains(&c.code)).map(|(v, _)| v).collect();
    let then = match then {
        // `properties` names it too: strict validators (Ajv) refuse a `required` they cannot see defined.
        Then::Required(field) => json!({"properties": {*field: true}, "required": [field]}),
        Then::EntriesAtLeast { list, field, min, .. } => {
            json!({"properties": {*list: {"type": "array", "items": {"type": "object", "properties": {*field: {"type": "integer", "minimum": min}}}}}})
        }
        Then::EntriesNotZero { .. } => return None,
    };
    Some(json!({"if": {"properties": {*when: {"enum": values}}, "required": [when]}, "then": then}))
}

fn enum_values(rule: &EnumRule) -> Vec<Value> {
    rule.codes
        .iter()
        .map(|c| if rule.numeric { c.code.parse::<i64>().map_or(json!(c.code), |n| json!(n)) } else { json!(c.code) })
        .collect()
}

fn field_schema(f: &'static Field) -> Value {
    let mut s = match &f.kind {
        Kind::Str(_) => {
            let mut m = json!({"type": "string", "minLength": 1});
            if let Some(max) = f.max_len {
                m["maxLength"] = json!(max);
            }
            m
        }
        Kind::Long(rule) => {
            let mut m = json!({"type": "integer"});
            if let Some(min) = rule.min {
                m["minimum"] = json!(min);
            }
            m
        }
        Kind::Bool => json!({"type": "boolean"}),
        Kind::Price => json!({"type": "string", "pattern": PRICE_PATTERN}),
        Kind::Discount => json!({"type": "string", "pattern": DISCOUNT_PATTERN}),
        Kind::Date => json!({"type": "string", "pattern": DATE_PATTERN}),
        Kind::DateTime => json!({"type": "string", "pattern": DATETIME_PATTERN}),
        Kind::Enum(rule) => json!({"enum": enum_values(rule)}),
        Kind::Object(o) => object_schema(o.fields, o.checks),
        Kind::List(l) => {
            let mut m = json!({"type": "array", "items": object_schema(l.fields, l.checks), "minItems": l.min.max(1)});
            if l.max != UNBOUNDED {
                m["maxItems"] = json!(l.max);
            }
            m
        }
    };
    s["description"] = json!(format!("{} / {}", f.label_en, f.label_zh));
    s
}

/// Rust-style type name of an API for TypeScript: `taobao.inventory.shopinv.adjust` → `InventoryShopinvAdjust`.
pub fn type_base(api: &Api) -> String {
    api.method
        .strip_prefix("taobao.")
        .unwrap_or(api.method)
        .split('.')
        .filter(|p| *p != "qimen" && *p != "taobao" && *p != "tmall")
        .map(|p| {
            let mut c = p.chars();
            c.next().map(|f| f.to_ascii_uppercase().to_string() + c.as_str()).unwrap_or_default()
        })
        .collect()
}

fn ts_string(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_default()
}

/// The TypeScript type of a field: `input` = what `check` accepts, else the normalized value's type.
fn ts_type(f: &'static Field, input: bool, indent: usize) -> String {
    match &f.kind {
        Kind::Str(_) => {
            if input {
                "string | number".into()
            } else {
                "string".into()
            }
        }
        Kind::Long(_) => {
            if input {
                "number | bigint | string".into()
            } else {
                "number | bigint".into()
            }
        }
        Kind::Bool => {
            if input {
                "boolean | 'true' | 'false'".into()
            } else {
                "boolean".into()
            }
        }
        Kind::Price | Kind::Discount => {
            if input {
                "string | number".into()
            } else {
                "string".into()
            }
        }
        Kind::Date | Kind::DateTime => {
            if input {
                "string | number | Date".into()
            } else {
                "string".into()
            }
        }
        Kind::Enum(rule) => {
            let mut alts: Vec<String> =
                rule.codes.iter().map(|c| if rule.numeric { c.code.to_string() } else { ts_string(c.code) }).collect();
            if input {
                for c in rule.codes {
                    if rule.numeric {
                        alts.push(ts_string(c.code));
                    }
                    alts.push(ts_string(c.label_zh));
                    alts.extend(c.aliases.iter().map(|a| ts_string(a)));
                }
                // Codes are accepted in any case: lower-case spellings of letter codes too.
                for c in rule.codes {
                    let lower = c.code.to_ascii_lowercase();
                    if lower != c.code {
                        alts.push(ts_string(&lower));
                    }
                }
                if rule.codes.iter().any(|c| c.aliases.contains(&"true")) {
                    alts.push("boolean".into());
                }
            }
            alts.dedup();
            let mut seen = Vec::new();
            alts.retain(|a| {
                if seen.contains(a) {
                    false
                } else {
                    seen.push(a.clone());
                    true
                }
            });
            alts.join(" | ")
        }
        Kind::Object(o) => ts_object(o.fields, input, indent),
        Kind::List(l) => format!("Array<{}>", ts_object(l.fields, input, indent)),
    }
}

fn ts_object(fields: &'static [Field], input: bool, indent: usize) -> String {
    let pad = "  ".repeat(indent + 1);
    let mut s = String::from("{\n");
    for f in fields {
        // In a payload, an optional field may also be null (dropped like an absent one).
        let (opt, null) = match (f.required, input) {
            (true, _) => ("", ""),
            (false, true) => ("?", " | null"),
            (false, false) => ("?", ""),
        };
        s.push_str(&format!("{pad}/** {} / {} */\n", ts_comment(f.label_en), ts_comment(f.label_zh)));
        s.push_str(&format!("{pad}{}{opt}: {}{null};\n", f.name, ts_type(f, input, indent + 1)));
    }
    s.push_str(&"  ".repeat(indent));
    s.push('}');
    s
}

/// The package's `.d.ts`, generated from the rule tables (per-API payload and value types, overloads keyed by
/// the method name) around the hand-written generic part in `js/types.d.ts`.
/// The TypeScript members of response fields: (in place, hoisted to the top), each optional (omitted when
/// the answer lacks it).
fn ts_answers(fields: &'static [crate::rules::Answer], indent: usize) -> (String, String) {
    use crate::rules::AnswerKind;
    let (mut here, mut hoisted) = (String::new(), String::new());
    for f in fields {
        // A hoisted field is written at the top of the result, so indented from there.
        let indent = if f.hoisted { 0 } else { indent };
        let pad = "  ".repeat(indent + 1);
        let ty = match &f.kind {
            AnswerKind::Text => "string".to_string(),
            AnswerKind::Bool => "boolean".to_string(),
            AnswerKind::Pluck { .. } => "string[]".to_string(),
            AnswerKind::Object(inner) => {
                let (members, inner_hoisted) = ts_answers(inner, indent + 1);
                hoisted.push_str(&inner_hoisted);
                format!("{{{members}\n{pad}}}")
            }
            AnswerKind::Entries { fields: inner, .. } => {
                let (members, _) = ts_answers(inner, indent + 1);
                format!(
                    "Array<{{{members}\n{pad}  /** The entry was no object (it counts as failed). */\n{pad}  unreadable?: true;\n{pad}}}>"
                )
            }
        };
        let line = format!("\n{pad}{}?: {ty};", f.name);
        if f.hoisted {
            hoisted.push_str(&line);
        } else {
            here.push_str(&line);
        }
    }
    (here, hoisted)
}

/// The README's generated tables, by marker name: the content between `<!-- generated:NAME -->` and
/// `<!-- /generated:NAME -->`. A test compares them with the README (QIMEN_BLESS=1 rewrites it).
pub fn readme_tables() -> Vec<(&'static str, String)> {
    let mut methods = String::from("| method | what | list `chunk` splits |\n| --- | --- | --- |\n");
    for api in crate::rules::shipped() {
        let limit = match (api.chunked.last(), api.chunked_list()) {
            (Some(name), Some(l)) if l.min > 0 => format!("`{name}` {}–{}", l.min, l.max),
            (Some(name), Some(l)) => format!("`{name}` ≤ {}", l.max),
            _ => "—".into(),
        };
        methods.push_str(&format!("| `{}` | {} | {limit} |\n", api.method, api.summary));
    }
    let mut codes = String::from("| code | kind | meaning |\n| --- | --- | --- |\n");
    for c in crate::report::Code::ALL {
        codes.push_str(&format!("| `{}` | {} | {} |\n", c.as_str(), c.kind(), c.meaning()));
    }
    vec![("methods", methods), ("codes", codes)]
}

/// The generic part's placeholders, filled from the one place each list is declared.
fn fill_generic(generic: &str) -> String {
    let codes = crate::report::Code::ALL.iter().map(|c| format!("'{}'", c.as_str())).collect::<Vec<_>>();
    let codes = codes.chunks(8).map(|line| format!("  | {}", line.join(" | "))).collect::<Vec<_>>().join("\n");
    let signs = crate::sign::SignMethod::ALL.iter().map(|m| format!("'{}'", m.as_str())).collect::<Vec<_>>().join(" | ");
    generic.replace("  /*generated:IssueCode*/", &codes).replace("/*generated:SignMethod*/", &signs)
}

/// The TypeScript declarations of every shipped API (`pkg/*.d.ts`): `generic` is the hand-written part with
/// its `/*generated:…*/` slots, filled from the tables.
pub fn typescript(generic: &str) -> String {
    let mut s = String::from("// Generated from the rule tables by `cargo run --example gen_types`. Do not edit.\n\n");
    s.push_str(&fill_generic(generic));
    s.push('\n');
    for api in crate::rules::APIS {
        s.push_str(&interfaces(api));
    }
    s.push_str("export interface Responses {\n");
    for api in crate::rules::APIS {
        s.push_str(&format!("  {}: {}Response;\n", ts_string(api.method), type_base(api)));
    }
    s.push_str("}\n\n");
    s.push_str("export interface Payloads {\n");
    for api in crate::rules::APIS {
        s.push_str(&format!("  {}: {}Payload;\n", ts_string(api.method), type_base(api)));
    }
    s.push_str("}\n\nexport interface Values {\n");
    for api in crate::rules::APIS {
        s.push_str(&format!("  {}: {}Value;\n", ts_string(api.method), type_base(api)));
    }
    s.push_str("}\n\n");
    for api in crate::rules::APIS {
        s.push_str(&format!(
            "/** Standard Schema of {m}, the same object as `schemas[{q}]`. */\nexport const {n}: StandardSchemaV1<Payloads[{q}], Values[{q}]>;\n",
            m = api.method,
            q = ts_string(api.method),
            n = schema_export(api)
        ));
    }
    s
}

/// The payload, value and response interfaces of one API (`{Base}Payload`, `{Base}Value`, `{Base}Response`).
fn interfaces(api: &Api) -> String {
    let base = type_base(api);
    let (fields, hoisted) = ts_answers(api.response.fields, 0);
    let partial = match api.response.success {
        crate::rules::Success::AllEntries { .. } => {
            "\n  /** Some entries succeeded and some did not (absent for an `error_response`). */\n  partial?: boolean;"
        }
        _ => "",
    };
    let summary = if api.summary.is_empty() { api.summary_zh } else { api.summary };
    let (method, summary) = (ts_comment(api.method), ts_comment(summary));
    format!(
        "/** {method} — {summary} */\nexport interface {base}Payload {}\n\n\
         /** The normalized value of {method} (what `check` returns as `value`). */\nexport interface {base}Value {}\n\n\
         /** The parsed answer of {method} (from its response table). */\nexport interface {base}Response extends ParsedCommon {{{fields}{hoisted}{partial}\n}}\n\n",
        ts_object(api.fields, true, 0),
        ts_object(api.fields, false, 0),
    )
}

/// Text for a `/** … */` comment: a table's labels are data, and `*/` would end the comment.
fn ts_comment(s: &str) -> String {
    s.replace("*/", "*\\/").replace(['\n', '\r'], " ")
}

/// TypeScript for registered tables (`qimen-payload types`): their interfaces, and a module augmentation that
/// adds their methods to the package's `Payloads`, `Values` and `Responses`, so `check(method, p).value` is typed.
pub fn augmentation(apis: &[&Api]) -> String {
    let mut s = String::from(
        "// Generated by `qimen-payload types` from rule tables. Do not edit; regenerate when a table changes.\n\
         import type { ParsedCommon } from 'qimen-payload';\n\n",
    );
    for api in apis {
        s.push_str(&interfaces(api));
    }
    s.push_str("declare module 'qimen-payload' {\n");
    for (iface, suffix) in [("Payloads", "Payload"), ("Values", "Value"), ("Responses", "Response")] {
        s.push_str(&format!("  interface {iface} {{\n"));
        for api in apis {
            s.push_str(&format!("    {}: {}{suffix};\n", ts_string(api.method), type_base(api)));
        }
        s.push_str("  }\n");
    }
    s.push_str("}\n");
    s
}

/// The name of an API's Standard Schema named export: `inventoryShopinvAdjustSchema`.
pub fn schema_export(api: &Api) -> String {
    let base = type_base(api);
    let mut c = base.chars();
    c.next().map(|f| f.to_ascii_lowercase().to_string() + c.as_str()).unwrap_or_default() + "Schema"
}

/// The JS lines that define the named Standard Schema exports, appended to each entry point by the build
/// (`esm`: `export const …`; otherwise CommonJS `module.exports.… =`).
pub fn schema_exports_js(esm: bool) -> String {
    crate::rules::APIS
        .iter()
        .map(|api| {
            let (name, method) = (schema_export(api), ts_string(api.method));
            if esm {
                format!("export const {name} = standardSchema({method});\n")
            } else {
                format!("module.exports.{name} = module.exports.standardSchema({method});\n")
            }
        })
        .collect()
}

/// An API's example payload, derived from its fields' examples (each written once, in the table), in table
/// order: a field with an example gets it as its JSON type (Longs and numeric codes as numbers, booleans as
/// such), objects recurse, a list gets one entry. Fields without an example are left out.
pub fn example(api: &Api) -> String {
    /// JSON in table order (serde_json's map would sort the keys).
    enum Ex {
        Obj(Vec<(&'static str, Ex)>),
        List(Vec<Ex>),
        One(Value),
    }
    impl Serialize for Ex {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            use serde::ser::SerializeMap;
            match self {
                Ex::One(v) => v.serialize(s),
                Ex::List(l) => l.serialize(s),
                Ex::Obj(members) => {
                    let mut m = s.serialize_map(Some(members.len()))?;
                    for (k, v) in members {
                        m.serialize_entry(k, v)?;
                    }
                    m.end()
                }
            }
        }
    }
    fn object(fields: &'static [Field]) -> Vec<(&'static str, Ex)> {
        let mut out = Vec::new();
        for f in fields {
            let v = match &f.kind {
                Kind::Object(o) => Some(object(o.fields)).filter(|m| !m.is_empty()).map(Ex::Obj),
                Kind::List(l) => Some(object(l.fields)).filter(|m| !m.is_empty()).map(|e| Ex::List(vec![Ex::Obj(e)])),
                _ if f.example.is_empty() => None,
                Kind::Long(_) => f.example.parse::<i64>().ok().map(|n| Ex::One(json!(n))),
                Kind::Enum(rule) if rule.numeric => f.example.parse::<i64>().ok().map(|n| Ex::One(json!(n))),
                Kind::Bool => Some(Ex::One(json!(f.example == "true"))),
                _ => Some(Ex::One(json!(f.example))),
            };
            if let Some(v) = v {
                out.push((f.name, v));
            }
        }
        out
    }
    serde_json::to_string_pretty(&Ex::Obj(object(api.fields))).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules;

    #[test]
    fn type_names() {
        let named = |m: &str| rules::api(m).map(|a| (type_base(a), schema_export(a)));
        let want = |t: &str, e: &str| Some((t.to_string(), e.to_string()));
        assert_eq!(named("qimen.taobao.pos.inventory.synchronize"), want("PosInventorySynchronize", "posInventorySynchronizeSchema"));
        assert_eq!(named("qimen.taobao.pos.items.synchronize"), want("PosItemsSynchronize", "posItemsSynchronizeSchema"));
        assert_eq!(named("tmall.qimendc.inventory.sync"), want("QimendcInventorySync", "qimendcInventorySyncSchema"));
        assert_eq!(named("taobao.inventory.shopinv.adjust"), want("InventoryShopinvAdjust", "inventoryShopinvAdjustSchema"));
        // Distinct for every registered API (a fifth one included).
        let mut all: Vec<String> = rules::APIS.iter().map(|a| type_base(a)).collect();
        all.sort();
        all.dedup();
        assert_eq!(all.len(), rules::APIS.len());
    }

    #[test]
    fn schema_carries_limits_and_enums() {
        let api = rules::api("taobao.inventory.shopinv.adjust").expect("api");
        let s = schema(api);
        let edit = &s["properties"]["shop_inventory_edit"];
        assert_eq!(s["required"], json!(["shop_inventory_edit"]));
        assert_eq!(edit["properties"]["detail_list"]["maxItems"], json!(20));
        assert_eq!(edit["properties"]["check_mode"]["enum"], json!([1, 2]));
        assert_eq!(edit["properties"]["detail_list"]["items"]["properties"]["item_id"]["minimum"], json!(1));
    }
}
