//! The generic engine: walks an API's rule table over an input tree, collecting every issue and building the
//! normalized value. Nothing here names a field of any API; all of that comes from `rules`.

use std::borrow::Cow;

use crate::input::{self, Input, Num, ParseError};
use crate::norm::{datetime, formats, number, text};
use crate::report::violation::{Allowed, BadChar, Bound, Expected, FieldHint, Got, Malformed, Violation};
use crate::report::{Issue, Label, Report};
use crate::rules::{self, Api, Check, Field, Kind, ListRule, Severity, StrFormat};
use crate::value::Val;

/// A report lists at most this many errors and this many warnings; past that, one `too_many_issues` closes the
/// list (a million-entry list must not produce a million-entry report).
pub const MAX_ISSUES: usize = 1000;

/// The most fields one object of a table may have (the shipped largest has 28, the platform's doc JSON up to
/// 79): the width of the engine's bit set of present fields. Compiled tables are checked by a test, registered ones when they are read.
pub const MAX_FIELDS: usize = 128;

/// Check a payload given as JSON text.
pub fn check<'a>(api: impl rules::ApiRef<'a>, text: &str) -> Report {
    let api = match api.resolve() {
        Ok(a) => a,
        Err(r) => return r,
    };
    match crate::validate::pass::walk_text(api, text) {
        Ok((value, report)) => Report { value: if report.ok { value } else { None }, ..report },
        Err(e) => Report::failed(parse_error_issue(e)),
    }
}

/// `check` by the reference engine: the text parsed into an input tree ([`input::parse`]), then the tree
/// walked ([`check_input`]). Same answers as [`check`], slower, and memory in proportion to the input's shape;
/// kept as the oracle the single pass is tested against (`tests/single_pass.rs`), and as the engine for values
/// that are already a tree (a JS object, an XML body).
///
/// ```
/// let text = r#"{"cp_code":"HN123","items":[{"item_code":"A1","quantity":"12"}],"extra":1}"#;
/// let method = "tmall.qimendc.inventory.sync";
/// assert_eq!(qimen_payload::engine::check_by_tree(method, text), qimen_payload::check(method, text));
/// ```
pub fn check_by_tree<'a>(api: impl rules::ApiRef<'a>, text: &str) -> Report {
    let api = match api.resolve() {
        Ok(a) => a,
        Err(r) => return r,
    };
    match input::parse(text) {
        Ok(input) => check_input(api, &input),
        Err(e) => Report::failed(parse_error_issue(e)),
    }
}

/// Check a value the caller already has: a `serde_json::Value`, or any `T: Serialize` (a struct of their own).
/// Numbers are exact: an integer in an `i64`, `u64` or `i128` field reaches the rules with every digit.
///
/// ```
/// let payload = serde_json::json!({ "cp_code": "HN123", "items": [{ "item_code": "A1", "quantity": 12 }] });
/// let r = qimen_payload::check_value("tmall.qimendc.inventory.sync", &payload);
/// assert!(r.ok);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn check_value<'a, T: serde::Serialize + ?Sized>(api: impl rules::ApiRef<'a>, value: &T) -> Report {
    match serde_json::to_string(value) {
        Ok(text) => check(api, &text),
        // A value JSON cannot express (a map with non-string keys, a failing Serialize impl).
        Err(e) => Report::failed(Issue::whole(Violation::Malformed(Malformed::Json { detail: e.to_string(), line: 0, column: 0 }))),
    }
}

/// The report for a method name that is not a registered API.
pub fn unknown_method(method: &str) -> Report {
    // Echo at most a short prefix: the name is any caller's text, and a message must stay small.
    let shown = match method.char_indices().nth(MAX_METHOD_ECHO) {
        Some((at, _)) => format!("{}…", &method[..at]),
        None => method.to_string(),
    };
    Report::failed(Issue::whole(Violation::UnknownMethod { value: shown, allowed: rules::method_names() }))
}

/// How many characters of an unknown method name an issue repeats.
pub const MAX_METHOD_ECHO: usize = 80;

/// The issue for a text that could not be parsed.
pub fn parse_error_issue(e: ParseError) -> Issue {
    Issue::whole(match e {
        ParseError::TooLarge { bytes, limit } => Violation::TooLarge { bytes, limit },
        ParseError::TooDeep { limit } => Violation::TooDeep { limit },
        ParseError::Malformed(m) => Violation::Malformed(m),
    })
}

/// Check an already-built input tree (JSON text parsed, or a JS value converted by the binding).
pub fn check_input(api: &Api, input: &Input) -> Report {
    let (value, report) = walk(api, input);
    Report { value: if report.ok { value } else { None }, ..report }
}

/// The walk behind `check`: the report (without value) and the normalized value even when there are errors
/// (`None` only when the payload is no object). `chunk` needs the value of a payload whose only error is a
/// list over its limit.
pub(crate) fn walk(api: &Api, input: &Input) -> (Option<Val>, Report) {
    let Input::Object(members) = input else {
        let v = Violation::Malformed(Malformed::NotAnObject { got: input.type_name() });
        return (None, Report::failed(Issue::whole(v)));
    };
    let mut e = Engine { root: api.fields, ..Engine::default() };
    let value = e.object(api.fields, api.checks, members);
    let ok = e.errors.is_empty();
    (Some(value), Report { ok, value: None, errors: e.errors, warnings: e.warnings })
}

#[derive(Debug, Clone, Copy)]
pub(crate) enum Seg<'x> {
    Key(&'static str),
    Index(usize),
    /// A key given at report time (a member not in the table, or a field named by a check).
    Extra(&'x str),
}

#[derive(Default)]
pub(crate) struct Engine {
    /// The API's top-level fields: an issue's label is found by walking its path from here.
    pub(crate) root: &'static [Field],
    /// Where the walk is: rendered to a string only when an issue is emitted.
    pub(crate) path: Vec<Seg<'static>>,
    pub(crate) errors: Vec<Issue>,
    pub(crate) warnings: Vec<Issue>,
}

/// Which fields of an object had a non-blank input (bit i = field i), so that a check never reports a field
/// as missing when it was present but invalid (that already has its own error).
pub(crate) type Present = u128;

/// Field `i`'s bit in a [`Present`] set. Not `1 << i`: on wasm32 a u128 shift by a variable is a call.
pub(crate) fn bit(i: usize) -> Present {
    let word = Present::from(1u64 << (i % 64));
    if i < 64 {
        word
    } else {
        word << 64
    }
}

impl Engine {
    fn render_path(&self, extra: &[&str]) -> String {
        let mut s = String::with_capacity(32);
        for seg in &self.path {
            match seg {
                Seg::Key(k) | Seg::Extra(k) => {
                    if !s.is_empty() {
                        s.push('.');
                    }
                    s.push_str(k);
                }
                Seg::Index(i) => {
                    // Not `i.to_string()`: the formatting machinery and an allocation per issue.
                    s.push('[');
                    crate::norm::number::push_padded(&mut s, *i as u64, 1);
                    s.push(']');
                }
            }
        }
        for k in extra {
            if !k.is_empty() {
                if !s.is_empty() && !k.starts_with('[') {
                    s.push('.');
                }
                s.push_str(k);
            }
        }
        s
    }

    /// Record an issue at the current path (plus `extra` segments, e.g. a key not in the table).
    pub(crate) fn report(&mut self, severity: Severity, violation: Violation, extra: &[&str]) {
        let is_error = severity == Severity::Error;
        let len = if is_error { self.errors.len() } else { self.warnings.len() };
        if len > MAX_ISSUES {
            return;
        }
        let issue = if len == MAX_ISSUES {
            Issue::new(String::new(), Violation::TooManyIssues { limit: MAX_ISSUES }, is_error)
        } else {
            let (label, position) = self.place(extra);
            Issue::at(self.render_path(extra), label, position, violation, is_error)
        };
        if is_error {
            self.errors.push(issue);
        } else {
            self.warnings.push(issue);
        }
    }

    /// The field an issue is about (its labels, from the table) and its 1-based position in the innermost
    /// list, found from the path: only when an issue is emitted, so the walk itself pays nothing for it.
    fn place(&self, extra: &[&str]) -> (Option<Label>, Option<usize>) {
        let mut fields = self.root;
        let mut field: Option<&'static Field> = None;
        let mut position = None;
        let keys = self.path.iter().copied().chain(extra.iter().filter(|k| !k.is_empty()).map(|k| Seg::Extra(k)));
        for seg in keys {
            let name = match seg {
                Seg::Index(i) => {
                    position = Some(i + 1);
                    continue;
                }
                Seg::Key(k) => k,
                Seg::Extra(k) => k,
            };
            if let Some(f) = field {
                fields = match &f.kind {
                    Kind::Object(o) => o.fields,
                    Kind::List(l) => l.fields,
                    _ => return (None, position),
                };
            }
            match crate::rules::field_position(fields, name) {
                Some(i) => field = Some(&fields[i]),
                None => return (None, position),
            }
        }
        (field.map(|f| Label { en: f.label_en, zh: f.label_zh }), position)
    }

    fn bad(&mut self, v: Violation) {
        self.report(Severity::Error, v, &[]);
    }

    pub(crate) fn at<R>(&mut self, seg_key: &'static str, f: impl FnOnce(&mut Self) -> R) -> R {
        self.path.push(Seg::Key(seg_key));
        let r = f(self);
        self.path.pop();
        r
    }

    pub(crate) fn at_index<R>(&mut self, i: usize, f: impl FnOnce(&mut Self) -> R) -> R {
        self.path.push(Seg::Index(i));
        let r = f(self);
        self.path.pop();
        r
    }

    /// Walk one object: match members to fields, normalize each field, then run the object's checks.
    pub(crate) fn object(&mut self, fields: &'static [Field], checks: &'static [Check], members: &[(Cow<str>, Input)]) -> Val {
        // Member index per field, as u32: the array is set up for every object walked (512 bytes at 128 fields;
        // an object has far fewer than 2^32 members — the input is at most 8 MiB, a JS object a million values).
        const NONE: u32 = u32::MAX;
        let mut slot = [NONE; MAX_FIELDS];
        let mut matched = 0;
        for (mi, (key, _)) in members.iter().enumerate() {
            match crate::rules::field_position(fields, key) {
                Some(fi) if slot[fi] == NONE => {
                    slot[fi] = mi as u32;
                    matched += 1;
                }
                Some(_) => self.report(Severity::Error, Violation::DuplicateKey { key: key.to_string() }, &[key]),
                None => self.unknown_field(key, fields, checks),
            }
        }
        // At most one value per matched member: exact room without reserving for members that are not there
        // (a million `{}` entries must not reserve a table's width each).
        let mut out = Vec::with_capacity(matched);
        let mut present: Present = 0;
        for (fi, f) in fields.iter().enumerate() {
            let input = match slot[fi] {
                NONE => None,
                mi => Some(&members[mi as usize].1).filter(|i| !is_blank(i, &f.kind)),
            };
            self.path.push(Seg::Key(f.name));
            match input {
                None if f.required => self.report(Severity::Error, Violation::Missing, &[]),
                None => {}
                Some(i) => {
                    present |= bit(fi);
                    if let Some(v) = self.field(f, i) {
                        out.push((f.name, v));
                    }
                }
            }
            self.path.pop();
        }
        crate::checks::run(self, checks, fields, &out, present);
        Val::Obj(out)
    }

    /// Normalize one present, non-blank field value. `None` when it was refused (the issue is recorded) or
    /// normalizes to nothing (an empty optional list).
    pub(crate) fn field(&mut self, f: &'static Field, input: &Input) -> Option<Val> {
        if let Input::LoneSurrogate(index) = input {
            return self.fail(Violation::InvalidChar { char: BadChar::LoneSurrogate, index: *index });
        }
        match &f.kind {
            Kind::Str(format) => self.string(f, input, *format),
            Kind::Long(rule) => match number::long(input) {
                Ok(n) => {
                    if let Some(min) = rule.min.filter(|m| n < *m) {
                        self.bad(Violation::Range { value: n.to_string(), bound: Bound::AtLeast(min), because: None });
                        return None;
                    }
                    if rule.warn_negative && n < 0 {
                        self.report(Severity::Warning, Violation::Negative { value: n.to_string() }, &[]);
                    }
                    Some(Val::Long(n))
                }
                Err(b) => self.fail(b),
            },
            Kind::Bool => match input {
                Input::Bool(b) => Some(Val::Bool(*b)),
                Input::String(s) if s.trim().eq_ignore_ascii_case("true") => Some(Val::Bool(true)),
                Input::String(s) if s.trim().eq_ignore_ascii_case("false") => Some(Val::Bool(false)),
                Input::String(s) => {
                    self.fail(Violation::Type { expected: Expected::Boolean, got: Got::String, value: Some(s.trim().to_string()) })
                }
                other => self.fail(number::type_error(other, Expected::Boolean)),
            },
            Kind::Price => match number::price(input) {
                Ok((t, _)) => Some(Val::Str(t)),
                Err(b) => self.fail(b),
            },
            Kind::Discount => self.text_or_fail(number::discount(input)),
            Kind::Date => self.text_or_fail(datetime::normalize(input, datetime::Want::Date)),
            Kind::DateTime => self.text_or_fail(datetime::normalize(input, datetime::Want::DateTime)),
            Kind::Enum(rule) => {
                let t: Cow<str> = match input {
                    Input::String(s) => Cow::Borrowed(s.trim()),
                    Input::Number(Num::Literal(s)) => Cow::Borrowed(s.as_ref()),
                    Input::Number(Num::Double(d)) => Cow::Owned(number::format_double(*d)),
                    Input::Bool(b) => Cow::Borrowed(if *b { "true" } else { "false" }),
                    other => return self.fail(number::type_error(other, Expected::String)),
                };
                let found = rule.codes.iter().find(|c| c.selected_by(&t));
                match found {
                    Some(c) if rule.numeric => c.code.parse().ok().map(Val::Long),
                    Some(c) => Some(Val::Str(c.code.to_string())),
                    // The table's codes, written out only when the issue is read (a text per code per invalid
                    // entry was 7 % of an invalid check in wasm).
                    None => self.fail(Violation::Enum { value: Some(t.into_owned()), allowed: Allowed::Codes(rule.codes), reason: None }),
                }
            }
            Kind::Object(o) => match input {
                Input::Object(m) => Some(self.object(o.fields, o.checks, m)),
                other => self.fail(number::type_error(other, Expected::Object)),
            },
            Kind::List(l) => match input {
                Input::Array(entries) => self.list(l, entries),
                other => self.fail(number::type_error(other, Expected::Array)),
            },
        }
    }

    fn text_or_fail(&mut self, r: Result<String, Violation>) -> Option<Val> {
        match r {
            Ok(t) => Some(Val::Str(t)),
            Err(b) => self.fail(b),
        }
    }

    pub(crate) fn fail(&mut self, v: Violation) -> Option<Val> {
        self.bad(v);
        None
    }

    fn list(&mut self, l: &'static ListRule, entries: &[Input]) -> Option<Val> {
        // An empty list counts as absent (see `is_blank`); a present list needs its minimum.
        if entries.len() < l.min {
            self.report(Severity::Error, Violation::TooFew { min: l.min }, &[]);
            return None;
        }
        if entries.len() > l.max {
            self.report(Severity::Error, Violation::TooMany { count: entries.len(), max: l.max }, &[]);
        }
        let mut out = Vec::with_capacity(entries.len().min(l.max.saturating_add(1)));
        for (i, entry) in entries.iter().enumerate() {
            self.path.push(Seg::Index(i));
            match entry {
                Input::Object(m) => out.push(self.object(l.fields, l.checks, m)),
                other => {
                    self.bad(number::type_error(other, Expected::Object));
                    // Keep indices aligned for the checks; this entry already has an error.
                    out.push(Val::Obj(Vec::new()));
                }
            }
            self.path.pop();
        }
        Some(Val::List(out))
    }

    fn string(&mut self, f: &'static Field, input: &Input, format: StrFormat) -> Option<Val> {
        let s: Cow<str> = match input {
            Input::String(s) => Cow::Borrowed(s.trim()),
            // A code given as a JSON number (a barcode, a customer id) is its literal text.
            Input::Number(Num::Literal(n)) => Cow::Borrowed(n.as_ref()),
            Input::Number(Num::Double(d)) => Cow::Owned(number::format_double(*d)),
            other => return self.fail(number::type_error(other, Expected::String)),
        };
        if let Some(max) = f.max_len {
            let len = text::utf16_len(&s);
            if len > max as usize {
                return self.fail(Violation::TooLong { length: len, max: max as usize });
            }
        }
        if let Some((index, c)) = text::first_xml_invalid(&s) {
            self.report(Severity::Warning, Violation::InvalidChar { char: BadChar::CodePoint(c), index }, &[]);
        }
        match format {
            StrFormat::Gtin => {
                if let Some(expected) = formats::gtin_wrong_check_digit(&s) {
                    let p = Violation::CheckDigit { value: s.to_string(), expected: Some(u32::from(expected)) };
                    self.report(Severity::Warning, p, &[]);
                }
            }
            StrFormat::BizRegNum => {
                if !formats::biz_register_num_plausible(&s) {
                    self.report(Severity::Warning, Violation::CheckDigit { value: s.to_string(), expected: None }, &[]);
                }
            }
            StrFormat::Plain | StrFormat::Weight => {}
        }
        Some(Val::Str(s.into_owned()))
    }

    pub(crate) fn unknown_field(&mut self, key: &str, fields: &'static [Field], checks: &'static [Check]) {
        // Past the cap the warning is not listed: compute nothing for it (a body of unknown keys must cost no
        // more than reading it).
        if self.warnings.len() >= MAX_ISSUES {
            self.report(Severity::Warning, Violation::UnknownField { hint: None }, &[]);
            return;
        }
        let hint = match crate::checks::misplaced(checks, key) {
            Some(b) => Some(FieldHint::BelongsTo(b)),
            None => suggest(key, fields).map(FieldHint::DidYouMean),
        };
        self.report(Severity::Warning, Violation::UnknownField { hint }, &[key]);
    }
}

/// Null and whitespace-only strings count as absent; so does an empty list where a list belongs. Anywhere else
/// `[]` is a type error, not a silently dropped value.
fn is_blank(i: &Input, kind: &Kind) -> bool {
    match i {
        Input::Null => true,
        Input::String(s) => s.trim().is_empty(),
        Input::Array(a) => a.is_empty() && matches!(kind, Kind::List(_)),
        _ => false,
    }
}

/// The known field a mistyped key most likely meant: same letters ignoring case and `_`/`-`, else within
/// two edits.
fn suggest(key: &str, fields: &'static [Field]) -> Option<&'static str> {
    // Field names are ASCII: ASCII case folding is enough (and keeps Unicode case tables out of the module).
    // Squashed into buffers reused across the fields: a body of unknown keys must not cost an allocation per
    // field per key.
    let squash = |s: &str, out: &mut Vec<char>| {
        out.clear();
        out.extend(s.chars().filter(|c| *c != '_' && *c != '-').map(|c| c.to_ascii_lowercase()));
    };
    // No field name is longer than this: a longer key cannot be within two edits of one (and costs nothing).
    if key.len() > MAX_SUGGESTIBLE_KEY {
        return None;
    }
    let (mut k, mut name) = (Vec::new(), Vec::new());
    squash(key, &mut k);
    for f in fields {
        squash(f.name, &mut name);
        if name == k {
            return Some(f.name);
        }
    }
    if k.len() < 4 {
        return None;
    }
    let mut rows = (Vec::new(), Vec::new());
    let mut best: Option<(usize, &'static str)> = None;
    for f in fields.iter().filter(|f| f.name.len().abs_diff(k.len()) <= 2) {
        squash(f.name, &mut name);
        let d = edit_distance(&k, &name, &mut rows);
        // The first of the nearest, within two edits.
        if d <= 2 && best.is_none_or(|(bd, _)| d < bd) {
            best = Some((d, f.name));
        }
    }
    best.map(|(_, n)| n)
}

/// Keys longer than this get no did-you-mean (every field name is far shorter; checked by a test).
const MAX_SUGGESTIBLE_KEY: usize = 64;

/// Levenshtein distance when it is at most 2, else 3 (or more): a row whose every cell is past 2 ends the
/// count, so a key unlike every name costs a few rows, not the whole table. Its two rows are buffers the caller
/// reuses.
fn edit_distance(a: &[char], b: &[char], (prev, cur): &mut (Vec<usize>, Vec<usize>)) -> usize {
    #[cfg(test)]
    EDITS.with(|e| e.set(e.get() + 1));
    prev.clear();
    prev.extend(0..=b.len());
    for (i, ca) in a.iter().enumerate() {
        cur.clear();
        cur.push(i + 1);
        for (j, cb) in b.iter().enumerate() {
            let d = (prev[j] + usize::from(ca != cb)).min(prev[j + 1] + 1).min(cur[j] + 1);
            cur.push(d);
        }
        std::mem::swap(prev, cur);
        if prev.iter().all(|d| *d > 2) {
            return 3;
        }
    }
    prev[b.len()]
}

#[cfg(test)]
thread_local! {
    /// How many edit distances were computed (to prove the suggestion's cost is bounded).
    static EDITS: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::APIS;

    #[test]
    fn suggestions_cost_nothing_past_the_warning_cap_or_for_long_keys() {
        fn max_name(fields: &'static [Field]) -> usize {
            fields
                .iter()
                .map(|f| {
                    f.name.len().max(match &f.kind {
                        Kind::Object(o) => max_name(o.fields),
                        Kind::List(l) => max_name(l.fields),
                        _ => 0,
                    })
                })
                .max()
                .unwrap_or(0)
        }
        for api in APIS {
            assert!(max_name(api.fields) + 2 < MAX_SUGGESTIBLE_KEY, "{}", api.method);
        }
        // 20 entries × 500 unknown keys of 20 letters: 10,000 unknown keys, 1,000 warnings listed.
        let entry: String = (0..500).map(|i| format!("\"unknownkey{i:010}\":1")).collect::<Vec<_>>().join(",");
        let text = format!("{{\"item\":[{}]}}", vec![format!("{{{entry}}}"); 20].join(","));
        EDITS.with(|e| e.set(0));
        let r = check("qimen.taobao.pos.inventory.synchronize", &text);
        let edits = EDITS.with(|e| e.get());
        assert_eq!(r.warnings.len(), MAX_ISSUES + 1);
        // Only the listed keys are compared, and only with names of about their length.
        assert!(edits < MAX_ISSUES * 4, "{edits} edit distances for 10,000 unknown keys");
        EDITS.with(|e| e.set(0));
        let long = format!("{{\"{}\":1}}", "k".repeat(1 << 20));
        check("tmall.qimendc.inventory.sync", &long);
        assert_eq!(EDITS.with(|e| e.get()), 0, "a 1 MiB key is not compared");
    }

    #[test]
    fn suggestions() {
        let fields = rules::api("qimen.taobao.pos.inventory.synchronize").map(|a| a.fields).unwrap_or(&[]);
        assert_eq!(suggest("customerId", fields), Some("customerid"));
        assert_eq!(suggest("itme", fields), Some("item"));
        assert_eq!(suggest("orderInfos", fields), Some("orderInfo"));
        assert_eq!(suggest("zzz", fields), None);
        let chars = |s: &str| s.chars().collect::<Vec<_>>();
        assert_eq!(edit_distance(&chars("kitten"), &chars("sitting"), &mut (Vec::new(), Vec::new())), 3);
        assert_eq!(edit_distance(&chars("warehouse"), &chars("quantity"), &mut (Vec::new(), Vec::new())), 3);
        assert_eq!(edit_distance(&chars("itemcode"), &chars("itemcode"), &mut (Vec::new(), Vec::new())), 0);
        assert_eq!(edit_distance(&chars("flaw"), &chars("lawn"), &mut (Vec::new(), Vec::new())), 2);
    }

    #[test]
    fn unknown_method_echoes_a_bounded_prefix() {
        let long = "m".repeat(1 << 20);
        let r = check(&long, "{}");
        assert!(r.errors[0].message().len() < 1000, "{}", r.errors[0].message().len());
        assert!(r.errors[0].message().contains(&format!("{}…", "m".repeat(MAX_METHOD_ECHO))));
    }

    #[test]
    fn unknown_method_lists_the_registered_methods() {
        let r = check("taobao.nope", "{}");
        assert!(!r.ok);
        assert_eq!(r.errors[0].code, crate::report::Code::UnknownMethod);
        assert!(r.errors[0].message().contains("taobao.inventory.shopinv.adjust"));
    }

    #[test]
    fn an_enum_issue_lists_the_tables_codes_with_their_labels() {
        // The codes and labels of the seed page's 库存类型 (ZP=正品;CC=残次;JS=机损;XS=箱损;ZT=在途库存), in the
        // seed's order, as the table writes them (its label for ZT is the short 在途).
        let r = check("tmall.qimendc.inventory.sync", r#"{"items":[{"inventory_type":"XX"}]}"#);
        let issue = &r.errors[0];
        let listed = ["ZP (正品)", "CC (残次)", "JS (机损)", "XS (箱损)", "ZT (在途)"];
        let params = serde_json::to_value(crate::report::violation::Params(&issue.violation)).unwrap_or_default();
        assert_eq!(params, serde_json::json!({ "value": "XX", "allowed": listed }));
        assert!(issue.message().ends_with(&format!("is \"XX\"; allowed: {}", listed.join(", "))), "{}", issue.message());
        assert!(issue.message_zh().ends_with(&format!("不在可选范围内:{}", listed.join("、"))), "{}", issue.message_zh());
        // The same list as an option's words written out.
        assert_eq!(
            issue.violation,
            Violation::Enum { value: Some("XX".into()), allowed: Allowed::Words(listed.map(String::from).to_vec()), reason: None }
        );
    }
}
