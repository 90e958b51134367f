//! Reading a table file into a [`TableDoc`]: one reader over the parsed JSON tree (`crate::input`, the reader
//! payloads go through), written by hand. Why not the serde derive: monomorphized for the JSON reader, with
//! its three internally tagged enums buffered through serde's `Content`, it made the wasm module 45 KB larger
//! gzipped than this does (BENCHMARKS.md, issue 33, fourth step). It reads what the derive reads — the same
//! properties, defaults, types and refusals — and is held to it by the differential test (`tests.rs`), over
//! every shipped table, the platform's doc JSON and mutations of both. Two differences are on purpose, named
//! there: an object written as a JSON array (the derive reads it by position) and an `answered` success rule
//! with unknown properties (the derive ignores them) are refused. Its paths go deeper where serde's stop:
//! inside a check or the success rule (serde buffers those and reports the whole object), it names the property.
//!
//! The rules the derive follows, and so this: unknown and duplicate properties are refused, in the order met;
//! then the first missing required property, in declaration order; an `Option` property may be `null`; a
//! number is an integer only when written without fraction or exponent (and `-0` is not one, as serde_json
//! reads it as a float).

use std::borrow::Cow;

use super::doc::*;
use super::load::{TableCode, TableProblem};
use crate::input::{Input, Num};

type Members<'i, 'a> = &'i [(Cow<'a, str>, Input<'a>)];
type Read<T> = Result<T, TableProblem>;

/// The table file's text as a [`TableDoc`] (size and depth are bounded by the caller), or the first problem.
pub(crate) fn table(text: &str) -> Read<TableDoc> {
    // serde_json refuses a byte-order mark; the payload reader skips it, so it is refused here first.
    if text.starts_with('\u{FEFF}') {
        return Err(shape("", "expected value at line 1 column 1 (a byte-order mark)".into()));
    }
    let tree = crate::input::parse(text).map_err(|e| shape("", not_json(e)))?;
    table_doc(&tree, "")
}

fn not_json(e: crate::input::ParseError) -> String {
    use crate::input::ParseError;
    match e {
        ParseError::TooLarge { bytes, limit } => format!("the table is {bytes} bytes; at most {limit} are read"),
        ParseError::TooDeep { limit } => format!("the table nests deeper than {limit} levels"),
        ParseError::Malformed(crate::report::violation::Malformed::Json { detail, line, column }) => {
            format!("{detail} at line {line} column {column}")
        }
        ParseError::Malformed(_) => "not JSON text".into(),
    }
}

fn shape(path: &str, message: String) -> TableProblem {
    TableProblem { path: path.to_string(), code: TableCode::Shape, message }
}

/// `parent.key` (a key of the root is its own path).
fn join(parent: &str, key: &str) -> String {
    if parent.is_empty() {
        key.to_string()
    } else {
        let mut p = String::with_capacity(parent.len() + 1 + key.len());
        p.push_str(parent);
        p.push('.');
        p.push_str(key);
        p
    }
}

/// What a value is, in serde's words for an `invalid type` refusal.
fn got(v: &Input) -> String {
    match v {
        Input::Null => "null".into(),
        Input::Bool(b) => format!("boolean `{b}`"),
        Input::Number(n) => match integer(n) {
            Some(Int::U(u)) => format!("integer `{u}`"),
            Some(Int::I(i)) => format!("integer `{i}`"),
            None => format!("floating point `{}`", literal(n)),
        },
        Input::String(s) => format!("string {s:?}"),
        Input::Array(_) => "sequence".into(),
        Input::Object(_) => "map".into(),
        other => other.type_name().as_param(),
    }
}

fn wrong(v: &Input, path: &str, expected: &str) -> TableProblem {
    shape(path, format!("invalid type: {}, expected {expected}", got(v)))
}

/// A number's literal (text only gives literals; a JS double is not written out: that would pull Rust's float
/// formatting into the wasm module for a case that never occurs here).
fn literal<'n>(n: &'n Num) -> &'n str {
    match n {
        Num::Literal(l) => l,
        Num::Double(_) => "a JS number",
    }
}

enum Int {
    U(u64),
    I(i64),
}

/// The number as serde_json reads it: an integer when written as one (`-?digits`) and in range — a positive one
/// up to 2^64 − 1, a negative one down to −2^63, and not `-0` —, else a float.
fn integer(n: &Num) -> Option<Int> {
    let Num::Literal(text) = n else { return None };
    let (negative, digits) = match text.strip_prefix('-') {
        Some(d) => (true, d),
        None => (false, text.as_ref()),
    };
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let magnitude: u64 = digits.parse().ok()?;
    match negative {
        false => Some(Int::U(magnitude)),
        true if magnitude == 0 || magnitude > 1 << 63 => None,
        true => Some(Int::I((magnitude as i64).wrapping_neg())),
    }
}

/// An integer property of type `T` (`u32`, `usize`, `i64`): a float or an out-of-range integer is refused.
fn number<T: TryFrom<u64> + TryFrom<i64>>(v: &Input, path: &str, expected: &str) -> Read<T> {
    let Input::Number(n) = v else { return Err(wrong(v, path, expected)) };
    let out_of_range = |shown: String| shape(path, format!("invalid value: integer `{shown}`, expected {expected}"));
    match integer(n) {
        Some(Int::U(u)) => T::try_from(u).map_err(|_| out_of_range(u.to_string())),
        Some(Int::I(i)) => T::try_from(i).map_err(|_| out_of_range(i.to_string())),
        None => Err(wrong(v, path, expected)),
    }
}

fn string(v: &Input, path: &str) -> Read<String> {
    match v {
        Input::String(s) => Ok(s.to_string()),
        _ => Err(wrong(v, path, "a string")),
    }
}

fn boolean(v: &Input, path: &str) -> Read<bool> {
    match v {
        Input::Bool(b) => Ok(*b),
        _ => Err(wrong(v, path, "a boolean")),
    }
}

/// A list, each entry read by `entry` at `path[i]`.
fn list<T>(v: &Input, path: &str, entry: impl Fn(&Input, &str) -> Read<T>) -> Read<Vec<T>> {
    let Input::Array(items) = v else { return Err(wrong(v, path, "a sequence")) };
    items.iter().enumerate().map(|(i, item)| entry(item, &format!("{path}[{i}]"))).collect()
}

/// An `Option` property: `null` is `None`.
fn optional<T>(v: &Input, path: &str, read: impl Fn(&Input, &str) -> Read<T>) -> Read<Option<T>> {
    match v {
        Input::Null => Ok(None),
        _ => read(v, path).map(Some),
    }
}

/// One of a unit enum's names (`type`, `protocol`, …).
fn name_of<T: Copy>(v: &Input, path: &str, names: &[(&str, T)]) -> Read<T> {
    let Input::String(s) = v else { return Err(wrong(v, path, "a variant name")) };
    names.iter().find(|(n, _)| *n == s.as_ref()).map(|(_, t)| *t).ok_or_else(|| {
        let listed: Vec<String> = names.iter().map(|(n, _)| format!("`{n}`")).collect();
        shape(path, format!("unknown variant `{s}`, expected one of {}", listed.join(", ")))
    })
}

fn object<'i, 'a>(v: &'i Input<'a>, path: &str, what: &str) -> Read<Members<'i, 'a>> {
    match v {
        Input::Object(members) => Ok(members),
        _ => Err(wrong(v, path, what)),
    }
}

/// Visit an object's members in order, each given to `each` with its index in `known` and its path; an
/// unknown or repeated property is refused where it is met. `skip` names a key read elsewhere (an enum's tag).
fn members<'i, 'a>(
    members: Members<'i, 'a>,
    path: &str,
    known: &[&str],
    skip: Option<&str>,
    mut each: impl FnMut(usize, &'i Input<'a>, &str) -> Read<()>,
) -> Read<()> {
    let mut seen = 0u64;
    for (key, value) in members {
        if skip == Some(key.as_ref()) {
            continue;
        }
        let Some(i) = known.iter().position(|k| *k == key.as_ref()) else {
            let listed: Vec<String> = known.iter().map(|k| format!("`{k}`")).collect();
            let expected =
                if listed.is_empty() { "there are no fields".to_string() } else { format!("expected one of {}", listed.join(", ")) };
            return Err(shape(&join(path, key), format!("unknown field `{key}`, {expected}")));
        };
        // At the object's path, as serde reports it (the repeated key is in the message).
        if seen & (1 << i) != 0 {
            return Err(shape(path, format!("duplicate field `{key}`")));
        }
        seen |= 1 << i;
        each(i, value, &join(path, key))?;
    }
    Ok(())
}

/// A required property, or the refusal naming it at its object's path.
fn need<T>(v: Option<T>, path: &str, name: &str) -> Read<T> {
    v.ok_or_else(|| shape(path, format!("missing field `{name}`")))
}

/// An internally tagged enum's tag (`check`, `then`, `rule`): its one string value among `names`.
fn tag<T: Copy>(ms: Members, path: &str, key: &str, names: &[(&str, T)]) -> Read<T> {
    let mut found = None;
    for (k, v) in ms {
        if k == key {
            if found.is_some() {
                return Err(shape(&join(path, key), format!("duplicate field `{key}`")));
            }
            found = Some(v);
        }
    }
    name_of(need(found, path, key)?, &join(path, key), names)
}

fn table_doc(v: &Input, path: &str) -> Read<TableDoc> {
    const KNOWN: &[&str] =
        &["format", "method", "title_zh", "summary", "summary_zh", "protocol", "routing_field", "chunked", "fields", "checks", "response"];
    let ms = object(v, path, "struct TableDoc")?;
    let (mut format, mut method, mut protocol, mut fields) = (None, None, None, None);
    let (mut title_zh, mut summary, mut summary_zh) = (String::new(), String::new(), String::new());
    let (mut routing_field, mut chunked, mut checks, mut response) = (None, Vec::new(), Vec::new(), None);
    members(ms, path, KNOWN, None, |i, v, p| {
        match i {
            0 => format = Some(string(v, p)?),
            1 => method = Some(string(v, p)?),
            2 => title_zh = string(v, p)?,
            3 => summary = string(v, p)?,
            4 => summary_zh = string(v, p)?,
            5 => protocol = Some(name_of(v, p, &[("top", ProtocolDoc::Top), ("qimen", ProtocolDoc::Qimen)])?),
            6 => routing_field = optional(v, p, string)?,
            7 => chunked = list(v, p, string)?,
            8 => fields = Some(list(v, p, field_doc)?),
            9 => checks = list(v, p, check_doc)?,
            _ => response = Some(response_doc(v, p)?),
        }
        Ok(())
    })?;
    Ok(TableDoc {
        format: need(format, path, "format")?,
        method: need(method, path, "method")?,
        title_zh,
        summary,
        summary_zh,
        protocol: need(protocol, path, "protocol")?,
        routing_field,
        chunked,
        fields: need(fields, path, "fields")?,
        checks,
        response: response.unwrap_or_default(),
    })
}

const TYPES: &[(&str, TypeDoc)] = &[
    ("text", TypeDoc::Text),
    ("long", TypeDoc::Long),
    ("bool", TypeDoc::Bool),
    ("price", TypeDoc::Price),
    ("discount", TypeDoc::Discount),
    ("date", TypeDoc::Date),
    ("datetime", TypeDoc::Datetime),
    ("enum", TypeDoc::Enum),
    ("object", TypeDoc::Object),
    ("list", TypeDoc::List),
];

fn field_doc(v: &Input, path: &str) -> Read<FieldDoc> {
    const KNOWN: &[&str] = &[
        "name",
        "type",
        "required",
        "label_zh",
        "label_en",
        "example",
        "max_len",
        "text_format",
        "min",
        "warn_negative",
        "numeric",
        "codes",
        "type_name",
        "min_entries",
        "max_entries",
        "fields",
        "checks",
    ];
    const FORMATS: &[(&str, TextFormatDoc)] =
        &[("gtin", TextFormatDoc::Gtin), ("biz_reg_num", TextFormatDoc::BizRegNum), ("weight", TextFormatDoc::Weight)];
    let ms = object(v, path, "struct FieldDoc")?;
    let (mut name, mut ty) = (None, None);
    let mut f = FieldDoc::new("", TypeDoc::Text);
    members(ms, path, KNOWN, None, |i, v, p| {
        match i {
            0 => name = Some(string(v, p)?),
            1 => ty = Some(name_of(v, p, TYPES)?),
            2 => f.required = boolean(v, p)?,
            3 => f.label_zh = string(v, p)?,
            4 => f.label_en = string(v, p)?,
            5 => f.example = string(v, p)?,
            6 => f.max_len = optional(v, p, |v, p| number(v, p, "u32"))?,
            7 => f.text_format = optional(v, p, |v, p| name_of(v, p, FORMATS))?,
            8 => f.min = optional(v, p, |v, p| number(v, p, "i64"))?,
            9 => f.warn_negative = boolean(v, p)?,
            10 => f.numeric = boolean(v, p)?,
            11 => f.codes = optional(v, p, |v, p| list(v, p, code_doc))?,
            12 => f.type_name = optional(v, p, string)?,
            13 => f.min_entries = optional(v, p, |v, p| number(v, p, "usize"))?,
            14 => f.max_entries = optional(v, p, |v, p| number(v, p, "usize"))?,
            15 => f.fields = optional(v, p, |v, p| list(v, p, field_doc))?,
            _ => f.checks = list(v, p, check_doc)?,
        }
        Ok(())
    })?;
    f.name = need(name, path, "name")?;
    f.ty = need(ty, path, "type")?;
    Ok(f)
}

fn code_doc(v: &Input, path: &str) -> Read<CodeDoc> {
    let ms = object(v, path, "struct CodeDoc")?;
    let mut code = None;
    let (mut label_zh, mut label_en, mut aliases) = (String::new(), String::new(), Vec::new());
    members(ms, path, &["code", "label_zh", "label_en", "aliases"], None, |i, v, p| {
        match i {
            0 => code = Some(string(v, p)?),
            1 => label_zh = string(v, p)?,
            2 => label_en = string(v, p)?,
            _ => aliases = list(v, p, string)?,
        }
        Ok(())
    })?;
    Ok(CodeDoc { code: need(code, path, "code")?, label_zh, label_en, aliases })
}

fn severity(v: &Input, path: &str) -> Read<SeverityDoc> {
    name_of(v, path, &[("error", SeverityDoc::Error), ("warning", SeverityDoc::Warning)])
}

/// The string properties of one tagged variant, read in order, with `severity` (default: error) where it has one.
struct Props {
    strings: Vec<Option<String>>,
    severity: SeverityDoc,
}

/// Read a tagged variant whose properties are required strings (in declaration order), plus an optional
/// `severity` after them when `with_severity`.
fn props(ms: Members, path: &str, tag_key: &str, strings: &[&str], with_severity: bool) -> Read<Props> {
    let mut known: Vec<&str> = strings.to_vec();
    if with_severity {
        known.push("severity");
    }
    let mut out = Props { strings: vec![None; strings.len()], severity: SeverityDoc::Error };
    members(ms, path, &known, Some(tag_key), |i, v, p| {
        match strings.get(i) {
            Some(_) => out.strings[i] = Some(string(v, p)?),
            None => out.severity = severity(v, p)?,
        }
        Ok(())
    })?;
    match out.strings.iter().position(Option::is_none) {
        Some(i) => Err(shape(path, format!("missing field `{}`", strings[i]))),
        None => Ok(out),
    }
}

impl Props {
    /// The `i`th string (present: `props` refused it otherwise).
    fn take(&mut self, i: usize) -> String {
        self.strings[i].take().unwrap_or_default()
    }
}

#[derive(Clone, Copy)]
enum CheckKind {
    Unique,
    Order,
    When,
    TotalCoversList,
    WarnEmptyList,
    Misplaced,
}

fn check_doc(v: &Input, path: &str) -> Read<CheckDoc> {
    const KINDS: &[(&str, CheckKind)] = &[
        ("unique", CheckKind::Unique),
        ("order", CheckKind::Order),
        ("when", CheckKind::When),
        ("total_covers_list", CheckKind::TotalCoversList),
        ("warn_empty_list", CheckKind::WarnEmptyList),
        ("misplaced", CheckKind::Misplaced),
    ];
    let ms = object(v, path, "internally tagged enum CheckDoc")?;
    Ok(match tag(ms, path, "check", KINDS)? {
        CheckKind::Unique => {
            let mut p = props(ms, path, "check", &["list", "key"], true)?;
            CheckDoc::Unique { list: p.take(0), key: p.take(1), severity: p.severity }
        }
        CheckKind::Order => {
            let mut p = props(ms, path, "check", &["first", "second"], true)?;
            CheckDoc::Order { first: p.take(0), second: p.take(1), severity: p.severity }
        }
        CheckKind::When => {
            // Declared `when`, `is`, `then`: read in that order, so a missing one is named as serde names it.
            let (mut when, mut is, mut then) = (None, None, None);
            members(ms, path, &["when", "is", "then"], Some("check"), |i, v, p| {
                match i {
                    0 => when = Some(string(v, p)?),
                    1 => is = Some(list(v, p, string)?),
                    _ => then = Some(then_doc(v, p)?),
                }
                Ok(())
            })?;
            CheckDoc::When { when: need(when, path, "when")?, is: need(is, path, "is")?, then: need(then, path, "then")? }
        }
        CheckKind::TotalCoversList => {
            let mut p = props(ms, path, "check", &["total", "list"], false)?;
            CheckDoc::TotalCoversList { total: p.take(0), list: p.take(1) }
        }
        CheckKind::WarnEmptyList => {
            let mut p = props(ms, path, "check", &["list"], false)?;
            CheckDoc::WarnEmptyList { list: p.take(0) }
        }
        CheckKind::Misplaced => {
            let mut p = props(ms, path, "check", &["field", "belongs_to"], false)?;
            CheckDoc::Misplaced { field: p.take(0), belongs_to: p.take(1) }
        }
    })
}

#[derive(Clone, Copy)]
enum ThenKind {
    Required,
    EntriesAtLeast,
    EntriesNotZero,
}

fn then_doc(v: &Input, path: &str) -> Read<ThenDoc> {
    const KINDS: &[(&str, ThenKind)] =
        &[("required", ThenKind::Required), ("entries_at_least", ThenKind::EntriesAtLeast), ("entries_not_zero", ThenKind::EntriesNotZero)];
    let ms = object(v, path, "internally tagged enum ThenDoc")?;
    Ok(match tag(ms, path, "then", KINDS)? {
        ThenKind::Required => {
            let mut p = props(ms, path, "then", &["field"], false)?;
            ThenDoc::Required { field: p.take(0) }
        }
        ThenKind::EntriesAtLeast => {
            // Declared `list`, `field`, `min`, `why_en`, `why_zh`: `min` is an i64 between the strings.
            let mut s: [Option<String>; 4] = Default::default();
            let mut min = None;
            members(ms, path, &["list", "field", "min", "why_en", "why_zh"], Some("then"), |i, v, p| {
                match i {
                    2 => min = Some(number(v, p, "i64")?),
                    _ => s[if i < 2 { i } else { i - 1 }] = Some(string(v, p)?),
                }
                Ok(())
            })?;
            let [list, field, why_en, why_zh] = s;
            ThenDoc::EntriesAtLeast {
                list: need(list, path, "list")?,
                field: need(field, path, "field")?,
                min: need(min, path, "min")?,
                why_en: need(why_en, path, "why_en")?,
                why_zh: need(why_zh, path, "why_zh")?,
            }
        }
        ThenKind::EntriesNotZero => {
            let mut p = props(ms, path, "then", &["list", "field"], false)?;
            ThenDoc::EntriesNotZero { list: p.take(0), field: p.take(1) }
        }
    })
}

fn response_doc(v: &Input, path: &str) -> Read<ResponseDoc> {
    let ms = object(v, path, "struct ResponseDoc")?;
    let (mut fields, mut success) = (Vec::new(), None);
    members(ms, path, &["fields", "success"], None, |i, v, p| {
        match i {
            0 => fields = list(v, p, answer_doc)?,
            _ => success = Some(success_doc(v, p)?),
        }
        Ok(())
    })?;
    Ok(ResponseDoc { fields, success: need(success, path, "success")? })
}

fn answer_doc(v: &Input, path: &str) -> Read<AnswerDoc> {
    const KINDS: &[(&str, AnswerKindDoc)] = &[
        ("text", AnswerKindDoc::Text),
        ("bool", AnswerKindDoc::Bool),
        ("object", AnswerKindDoc::Object),
        ("entries", AnswerKindDoc::Entries),
        ("pluck", AnswerKindDoc::Pluck),
    ];
    let ms = object(v, path, "struct AnswerDoc")?;
    let (mut wire, mut name, mut kind) = (None, None, None);
    let (mut aliases, mut hoisted, mut of, mut field, mut fields) = (Vec::new(), false, None, None, None);
    members(ms, path, &["wire", "aliases", "name", "kind", "hoisted", "of", "field", "fields"], None, |i, v, p| {
        match i {
            0 => wire = Some(string(v, p)?),
            1 => aliases = list(v, p, string)?,
            2 => name = Some(string(v, p)?),
            3 => kind = Some(name_of(v, p, KINDS)?),
            4 => hoisted = boolean(v, p)?,
            5 => of = optional(v, p, string)?,
            6 => field = optional(v, p, string)?,
            _ => fields = optional(v, p, |v, p| list(v, p, answer_doc))?,
        }
        Ok(())
    })?;
    Ok(AnswerDoc {
        wire: need(wire, path, "wire")?,
        aliases,
        name: need(name, path, "name")?,
        kind: need(kind, path, "kind")?,
        hoisted,
        of,
        field,
        fields,
    })
}

#[derive(Clone, Copy)]
enum SuccessKind {
    TextIs,
    IsTrue,
    AllEntries,
    Answered,
}

fn success_doc(v: &Input, path: &str) -> Read<SuccessDoc> {
    const KINDS: &[(&str, SuccessKind)] = &[
        ("text_is", SuccessKind::TextIs),
        ("is_true", SuccessKind::IsTrue),
        ("all_entries", SuccessKind::AllEntries),
        ("answered", SuccessKind::Answered),
    ];
    let ms = object(v, path, "internally tagged enum SuccessDoc")?;
    Ok(match tag(ms, path, "rule", KINDS)? {
        SuccessKind::TextIs => {
            let mut p = props(ms, path, "rule", &["name", "value"], false)?;
            SuccessDoc::TextIs { name: p.take(0), value: p.take(1) }
        }
        SuccessKind::IsTrue => {
            let mut p = props(ms, path, "rule", &["name"], false)?;
            SuccessDoc::IsTrue { name: p.take(0) }
        }
        SuccessKind::AllEntries => {
            let mut p = props(ms, path, "rule", &["object", "flag", "list", "entry", "also"], false)?;
            SuccessDoc::AllEntries { object: p.take(0), flag: p.take(1), list: p.take(2), entry: p.take(3), also: p.take(4) }
        }
        SuccessKind::Answered => {
            props(ms, path, "rule", &[], false)?;
            SuccessDoc::Answered
        }
    })
}

#[cfg(test)]
mod tests;
