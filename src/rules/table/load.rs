//! From a table file to an [`Api`]: the table is untrusted input. It is parsed under a size and nesting bound,
//! checked completely (names, kinds, limits, every name a check or the response rule uses), and only then
//! built — so a refused table costs no memory afterwards and a built one is as the engine expects.
//!
//! A built table lives as long as the process (the engine's tables are `'static`): [`super::super::registry`]
//! bounds how many are made.

use serde::Serialize;

use super::doc::*;
use crate::rules::{
    Answer, AnswerKind, Api, Check, EnumCode, EnumRule, Field, Kind, ListRule, LongRule, ObjectRule, Protocol, ResponseTable, Severity,
    StrFormat, Success, Then, Why, UNBOUNDED,
};

/// The largest table file accepted (the biggest doc JSON of the platform's 5,314 is ~200 KB).
pub const MAX_TABLE_BYTES: usize = 1 << 20;
/// The deepest JSON nesting of a table file (a field is three levels: `fields`, the field, its `fields`).
pub const MAX_JSON_DEPTH: usize = 64;
/// The deepest nesting of objects and lists (the platform's deepest doc has 8 levels).
pub const MAX_NESTING: usize = 12;
/// The most fields of one table, all levels together (the platform's largest doc has ~300).
pub const MAX_TOTAL_FIELDS: usize = 2048;
/// The most codes of one enum.
pub const MAX_CODES: usize = 512;
/// The most response fields, all levels together.
pub const MAX_ANSWERS: usize = 512;
/// The longest field name, type name, wire name or code.
pub const MAX_NAME: usize = 64;
/// The longest label, alias or reason (in characters).
pub const MAX_LABEL: usize = 200;
/// The longest example, summary or title (in characters).
pub const MAX_PROSE: usize = 2000;

/// Why a table was refused, at a path into the table file (`fields[2].codes[0].code`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TableProblem {
    /// Where in the table file (`fields[2].codes[0].code`); empty for the whole file.
    pub path: String,
    /// The stable reason code.
    pub code: TableCode,
    /// What is wrong, in English.
    pub message: String,
}

/// The kinds of refusal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TableCode {
    /// Larger than [`MAX_TABLE_BYTES`].
    TooLarge,
    /// Nested deeper than [`MAX_JSON_DEPTH`] or [`MAX_NESTING`].
    TooDeep,
    /// Not JSON, or JSON of the wrong shape: an unknown property or kind, a wrong type (in serde's words).
    Shape,
    /// Another `format` than [`FORMAT`].
    Format,
    /// A name that is not a plain identifier, or too long.
    Name,
    /// Two fields, codes or answers with one name in one object.
    Duplicate,
    /// A limit out of range, or more fields, codes or answers than allowed.
    Limit,
    /// A property that does not apply to the field's type, or a missing one that does.
    Property,
    /// A check, the chunked path, the routing field or the success rule names what is not there (or not of
    /// the kind it needs).
    Reference,
    /// The method is one this package ships (its table cannot be replaced).
    Shipped,
    /// The registry holds as many tables as it may.
    RegistryFull,
}

/// Parse and check a table file. Nothing is built here; [`build`] takes the checked document.
pub fn parse(text: &str) -> Result<TableDoc, Vec<TableProblem>> {
    if text.len() > MAX_TABLE_BYTES {
        return Err(vec![problem(
            "",
            TableCode::TooLarge,
            format!("the table is {} bytes; at most {MAX_TABLE_BYTES} are accepted", text.len()),
        )]);
    }
    if let Some(at) = too_deep_at(text) {
        return Err(vec![problem("", TableCode::TooDeep, format!("the table nests deeper than {MAX_JSON_DEPTH} levels (at byte {at})"))]);
    }
    let doc = read(text)?;
    let problems = check(&doc);
    if problems.is_empty() {
        Ok(doc)
    } else {
        Err(problems)
    }
}

/// Read a table file (bounded), without checking it: a shape error names the path where the reader stopped.
pub(crate) fn read(text: &str) -> Result<TableDoc, Vec<TableProblem>> {
    if text.len() > MAX_TABLE_BYTES || too_deep_at(text).is_some() {
        return Err(vec![problem(
            "",
            TableCode::TooLarge,
            format!("larger than {MAX_TABLE_BYTES} bytes or deeper than {MAX_JSON_DEPTH} levels"),
        )]);
    }
    super::read::table(text).map_err(|p| vec![p])
}

/// Where the table first nests deeper than [`MAX_JSON_DEPTH`], if it does.
pub(crate) fn too_deep_at(text: &str) -> Option<usize> {
    crate::input::json_too_deep_at(text, MAX_JSON_DEPTH)
}

fn problem(path: &str, code: TableCode, message: impl Into<String>) -> TableProblem {
    TableProblem { path: path.to_string(), code, message: message.into() }
}

/// Every problem of a parsed document (empty: it can be built).
pub fn check(doc: &TableDoc) -> Vec<TableProblem> {
    let mut c = Checker { problems: Vec::new(), total_fields: 0, total_answers: 0 };
    c.run(doc);
    c.problems
}

#[derive(Clone, Copy)]
enum Counter {
    Fields,
    Answers,
}

struct Checker {
    problems: Vec<TableProblem>,
    total_fields: usize,
    total_answers: usize,
}

/// At most this many problems are listed (a table of a million bad fields must not make a million problems).
const MAX_PROBLEMS: usize = 100;

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

fn index(path: &str, i: usize) -> String {
    format!("{path}[{i}]")
}

/// A plain identifier: what a JSON key, an XML element and a JS property can all be without escaping.
fn identifier(s: &str) -> bool {
    let mut chars = s.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_alphabetic() || c == '_') && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// A name a table may hold (a field, type, wire or entry name): the importers keep to the same rule.
pub(crate) fn is_name(s: &str) -> bool {
    s.len() <= MAX_NAME && identifier(s)
}

impl Checker {
    fn add(&mut self, path: &str, code: TableCode, message: impl Into<String>) {
        if self.problems.len() < MAX_PROBLEMS {
            self.problems.push(problem(path, code, message));
        }
    }

    fn full(&self) -> bool {
        self.problems.len() >= MAX_PROBLEMS
    }

    /// Count one more field or answer; false (the walk stops) when the problems are full or the table holds
    /// more than it may.
    fn counted(&mut self, which: Counter, at: &str) -> bool {
        if self.full() {
            return false;
        }
        let (n, max, what) = match which {
            Counter::Fields => (&mut self.total_fields, MAX_TOTAL_FIELDS, "fields in the table"),
            Counter::Answers => (&mut self.total_answers, MAX_ANSWERS, "response fields"),
        };
        *n += 1;
        if *n > max {
            self.add(at, TableCode::Limit, format!("more than {max} {what}"));
            return false;
        }
        true
    }

    fn name(&mut self, path: &str, what: &str, s: &str) {
        if s.len() > MAX_NAME {
            self.add(path, TableCode::Name, format!("{what} is {} bytes long; at most {MAX_NAME}", s.len()));
        } else if !identifier(s) {
            self.add(path, TableCode::Name, format!("{what} {s:?} is not a plain identifier (letters, digits, _; not first a digit)"));
        } else if s == "__proto__" {
            self.add(path, TableCode::Name, format!("{what} {s:?} is refused: it is an object's prototype in JavaScript"));
        }
    }

    fn prose(&mut self, path: &str, s: &str, max: usize) {
        let n = s.chars().count();
        if n > max {
            self.add(path, TableCode::Limit, format!("{n} characters; at most {max}"));
        } else if s.chars().any(|c| c.is_control() && c != '\n') {
            self.add(path, TableCode::Name, "contains a control character");
        }
    }

    fn run(&mut self, doc: &TableDoc) {
        if doc.format != FORMAT {
            self.add("format", TableCode::Format, format!("the format is {:?}; this version reads {FORMAT:?}", doc.format));
            return;
        }
        let m = &doc.method;
        let method_ok = (3..=128).contains(&m.len())
            && m.split('.').count() >= 2
            && m.split('.').all(|seg| !seg.is_empty() && seg.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_'));
        if !method_ok {
            self.add("method", TableCode::Name, "a method is 3 to 128 lower-case letters, digits and _, in dot-separated parts");
        } else if crate::rules::shipped_api(m).is_some() {
            self.add("method", TableCode::Shipped, format!("{m} is shipped with this package; its table cannot be replaced"));
        }
        self.prose("title_zh", &doc.title_zh, MAX_LABEL);
        self.prose("summary", &doc.summary, MAX_PROSE);
        self.prose("summary_zh", &doc.summary_zh, MAX_PROSE);
        self.fields("fields", &doc.fields, 1);
        self.checks("checks", &doc.checks, &doc.fields);
        match (&doc.routing_field, doc.protocol) {
            (Some(_), ProtocolDoc::Top) => {
                self.add("routing_field", TableCode::Property, "only a qimen method has a routing field");
            }
            (Some(r), ProtocolDoc::Qimen) => {
                if !doc.fields.iter().any(|f| f.name == *r && f.ty == TypeDoc::Text) {
                    self.add("routing_field", TableCode::Reference, format!("{r:?} is not a top-level text field"));
                }
            }
            (None, _) => {}
        }
        if !doc.chunked.is_empty() && !chunked_leads_to_bounded_list(&doc.fields, &doc.chunked) {
            self.add("chunked", TableCode::Reference, "the path does not lead through objects to a list with max_entries");
        }
        self.answers("response.fields", &doc.response.fields, 1);
        self.success(&doc.response);
    }

    fn fields(&mut self, path: &str, fields: &[FieldDoc], depth: usize) {
        if depth > MAX_NESTING {
            self.add(path, TableCode::TooDeep, format!("objects and lists nest deeper than {MAX_NESTING} levels"));
            return;
        }
        if fields.len() > crate::engine::MAX_FIELDS {
            self.add(path, TableCode::Limit, format!("{} fields in one object; at most {}", fields.len(), crate::engine::MAX_FIELDS));
            return;
        }
        for (i, f) in fields.iter().enumerate() {
            if !self.counted(Counter::Fields, &index(path, i)) {
                return;
            }
            let at = index(path, i);
            self.name(&join(&at, "name"), "the name", &f.name);
            if fields[..i].iter().any(|g| g.name == f.name) {
                self.add(&join(&at, "name"), TableCode::Duplicate, format!("a second field named {:?}", f.name));
            }
            self.field(&at, f, depth);
        }
    }

    fn field(&mut self, at: &str, f: &FieldDoc, depth: usize) {
        self.prose(&join(at, "label_zh"), &f.label_zh, MAX_LABEL);
        self.prose(&join(at, "label_en"), &f.label_en, MAX_LABEL);
        self.prose(&join(at, "example"), &f.example, MAX_PROSE);
        let t = f.ty;
        let not_for = |c: &mut Checker, prop: &str, present: bool, allowed: &[TypeDoc]| {
            if present && !allowed.contains(&t) {
                c.add(&join(at, prop), TableCode::Property, format!("{prop} does not apply to a field of type {}", type_word(t)));
            }
        };
        not_for(self, "max_len", f.max_len.is_some(), &[TypeDoc::Text]);
        not_for(self, "text_format", f.text_format.is_some(), &[TypeDoc::Text]);
        not_for(self, "min", f.min.is_some(), &[TypeDoc::Long]);
        not_for(self, "warn_negative", f.warn_negative, &[TypeDoc::Long]);
        not_for(self, "numeric", f.numeric, &[TypeDoc::Enum]);
        not_for(self, "codes", f.codes.is_some(), &[TypeDoc::Enum]);
        not_for(self, "type_name", f.type_name.is_some(), &[TypeDoc::Object, TypeDoc::List]);
        not_for(self, "min_entries", f.min_entries.is_some(), &[TypeDoc::List]);
        not_for(self, "max_entries", f.max_entries.is_some(), &[TypeDoc::List]);
        not_for(self, "fields", f.fields.is_some(), &[TypeDoc::Object, TypeDoc::List]);
        not_for(self, "checks", !f.checks.is_empty(), &[TypeDoc::Object, TypeDoc::List]);
        if let Some(n) = f.max_len {
            if !(1..=1_000_000).contains(&n) {
                self.add(&join(at, "max_len"), TableCode::Limit, "max_len is from 1 to 1000000");
            }
        }
        match t {
            TypeDoc::Enum => match &f.codes {
                None => self.add(at, TableCode::Property, "an enum field needs its codes"),
                Some(codes) => self.codes(&join(at, "codes"), codes, f.numeric),
            },
            TypeDoc::Object | TypeDoc::List => {
                let kind = if t == TypeDoc::List { "a list" } else { "an object" };
                match &f.type_name {
                    Some(n) => self.name(&join(at, "type_name"), "the type name", n),
                    None => self.add(at, TableCode::Property, format!("{kind} field needs its type_name")),
                }
                if t == TypeDoc::List {
                    let min = f.min_entries.unwrap_or(0);
                    if let Some(max) = f.max_entries {
                        if max == 0 || max == UNBOUNDED {
                            self.add(&join(at, "max_entries"), TableCode::Limit, "max_entries is at least 1 (leave it out for no limit)");
                        } else if min > max {
                            self.add(&join(at, "min_entries"), TableCode::Limit, "min_entries is greater than max_entries");
                        }
                    }
                }
                match &f.fields {
                    Some(inner) if !inner.is_empty() => {
                        self.fields(&join(at, "fields"), inner, depth + 1);
                        self.checks(&join(at, "checks"), &f.checks, inner);
                    }
                    _ => self.add(at, TableCode::Property, format!("{kind} field needs at least one field")),
                }
            }
            _ => {}
        }
    }

    fn codes(&mut self, path: &str, codes: &[CodeDoc], numeric: bool) {
        if codes.is_empty() || codes.len() > MAX_CODES {
            self.add(path, TableCode::Limit, format!("an enum has 1 to {MAX_CODES} codes"));
            return;
        }
        // Every spelling that selects a code, ignoring ASCII case as the engine does (`EnumCode::selected_by`):
        // the code and its aliases. (A Chinese label also
        // selects its code, the first one with that label: the POS items seed labels two codes alike.)
        let mut spellings: Vec<(String, usize)> = Vec::new();
        for (i, c) in codes.iter().enumerate() {
            let at = index(path, i);
            if c.code.is_empty() || c.code.len() > MAX_NAME || c.code.trim() != c.code || c.code.chars().any(char::is_control) {
                self.add(&join(&at, "code"), TableCode::Name, format!("a code is 1 to {MAX_NAME} bytes, without surrounding spaces"));
            }
            if numeric && c.code.parse::<i64>().is_err() {
                self.add(&join(&at, "code"), TableCode::Property, format!("{:?} is not an integer, and the enum is numeric", c.code));
            }
            self.prose(&join(&at, "label_zh"), &c.label_zh, MAX_LABEL);
            self.prose(&join(&at, "label_en"), &c.label_en, MAX_LABEL);
            if c.aliases.len() > 16 {
                self.add(&join(&at, "aliases"), TableCode::Limit, "at most 16 aliases per code");
            }
            // A code's own spellings alike are no conflict (at most 17: a linear look is enough).
            let mut mine: Vec<String> = vec![crate::rules::spelling_key(&c.code)];
            for (k, a) in c.aliases.iter().enumerate().take(16) {
                self.prose(&index(&join(&at, "aliases"), k), a, MAX_LABEL);
                let key = crate::rules::spelling_key(a);
                if !mine.contains(&key) {
                    mine.push(key);
                }
            }
            for s in mine {
                if let Some((_, j)) = spellings.iter().find(|(t, _)| *t == s) {
                    self.add(&at, TableCode::Duplicate, format!("{s:?} would select both code {} and code {}", codes[*j].code, c.code));
                } else {
                    spellings.push((s, i));
                }
            }
        }
    }

    fn checks(&mut self, path: &str, checks: &[CheckDoc], fields: &[FieldDoc]) {
        if checks.len() > 64 {
            self.add(path, TableCode::Limit, "at most 64 checks per object");
            return;
        }
        let find = |n: &str| fields.iter().find(|f| f.name == n);
        let entry_field = |list: &str, n: &str| find(list).and_then(|l| l.fields.as_ref()).and_then(|fs| fs.iter().find(|f| f.name == n));
        for (i, c) in checks.iter().enumerate() {
            let at = index(path, i);
            let need = |c: &mut Checker, prop: &str, ok: bool, what: &str| {
                if !ok {
                    c.add(&join(&at, prop), TableCode::Reference, format!("names no {what} of this object"));
                }
            };
            let is = |n: &str, t: TypeDoc| find(n).is_some_and(|f| f.ty == t);
            match c {
                CheckDoc::Unique { list, key, .. } => {
                    need(self, "list", is(list, TypeDoc::List), "list");
                    need(self, "key", entry_field(list, key).is_some_and(|f| scalar(f.ty)), "scalar field in the list's entries");
                }
                CheckDoc::Order { first, second, .. } => {
                    let a = find(first).filter(|f| ordered(f));
                    let b = find(second).filter(|f| ordered(f));
                    need(self, "first", a.is_some(), "date, date-time, price or weight field");
                    need(self, "second", b.is_some(), "date, date-time, price or weight field");
                    if let (Some(a), Some(b)) = (a, b) {
                        need(self, "second", a.ty == b.ty, "field of the first field's type");
                    }
                }
                CheckDoc::When { when, is: codes, then } => {
                    let w = find(when).filter(|f| f.ty == TypeDoc::Enum);
                    need(self, "when", w.is_some(), "enum field");
                    if let Some(known) = w.and_then(|f| f.codes.as_ref()) {
                        let all_known = !codes.is_empty() && codes.iter().all(|v| known.iter().any(|k| k.code == *v));
                        need(self, "is", all_known, "code of the enum (given as the codes themselves)");
                    }
                    match then {
                        ThenDoc::Required { field } => need(self, "then.field", find(field).is_some(), "field"),
                        ThenDoc::EntriesAtLeast { list, field, why_en, why_zh, .. } => {
                            need(self, "then.list", is(list, TypeDoc::List), "list");
                            need(
                                self,
                                "then.field",
                                entry_field(list, field).is_some_and(|f| f.ty == TypeDoc::Long),
                                "long field of its entries",
                            );
                            self.prose(&join(&at, "then.why_en"), why_en, MAX_LABEL);
                            self.prose(&join(&at, "then.why_zh"), why_zh, MAX_LABEL);
                        }
                        ThenDoc::EntriesNotZero { list, field } => {
                            need(self, "then.list", is(list, TypeDoc::List), "list");
                            need(
                                self,
                                "then.field",
                                entry_field(list, field).is_some_and(|f| f.ty == TypeDoc::Long),
                                "long field of its entries",
                            );
                        }
                    }
                }
                CheckDoc::TotalCoversList { total, list } => {
                    need(self, "total", is(total, TypeDoc::Long), "long field");
                    need(self, "list", is(list, TypeDoc::List), "list");
                }
                CheckDoc::WarnEmptyList { list } => need(self, "list", is(list, TypeDoc::List), "list"),
                CheckDoc::Misplaced { field, belongs_to } => {
                    if find(field).is_some() {
                        self.add(&join(&at, "field"), TableCode::Reference, "a misplaced field cannot be a field of this object");
                    }
                    self.name(&join(&at, "field"), "the field", field);
                    self.prose(&join(&at, "belongs_to"), belongs_to, MAX_LABEL);
                }
            }
        }
    }

    fn answers(&mut self, path: &str, answers: &[AnswerDoc], depth: usize) {
        if depth > 8 {
            self.add(path, TableCode::TooDeep, "response fields nest deeper than 8 levels");
            return;
        }
        for (i, a) in answers.iter().enumerate() {
            if !self.counted(Counter::Answers, &index(path, i)) {
                return;
            }
            let at = index(path, i);
            self.name(&join(&at, "wire"), "the wire name", &a.wire);
            self.name(&join(&at, "name"), "the name", &a.name);
            for (k, w) in a.aliases.iter().enumerate().take(8) {
                self.name(&index(&join(&at, "aliases"), k), "the alias", w);
            }
            if answers[..i].iter().any(|b| b.name == a.name) {
                self.add(&join(&at, "name"), TableCode::Duplicate, format!("a second response field named {:?}", a.name));
            }
            if a.hoisted && depth == 1 {
                self.add(&join(&at, "hoisted"), TableCode::Property, "only a field inside an object can be hoisted");
            }
            let needs = |c: &mut Checker, prop: &str, present: bool, wanted: bool| {
                if present != wanted {
                    let verb = if wanted { "needs" } else { "takes no" };
                    c.add(&at, TableCode::Property, format!("a {} response field {verb} {prop}", answer_word(a.kind)));
                }
            };
            let k = a.kind;
            needs(self, "of", a.of.is_some(), matches!(k, AnswerKindDoc::Entries | AnswerKindDoc::Pluck));
            needs(self, "field", a.field.is_some(), k == AnswerKindDoc::Pluck);
            needs(self, "fields", a.fields.is_some(), matches!(k, AnswerKindDoc::Object | AnswerKindDoc::Entries));
            if let Some(of) = &a.of {
                self.name(&join(&at, "of"), "the entry type", of);
            }
            if let Some(f) = &a.field {
                self.name(&join(&at, "field"), "the field", f);
            }
            if let Some(inner) = &a.fields {
                self.answers(&join(&at, "fields"), inner, depth + 1);
            }
        }
    }

    fn success(&mut self, r: &ResponseDoc) {
        let top = |n: &str| r.fields.iter().find(|a| a.name == n);
        let path = "response.success";
        match &r.success {
            SuccessDoc::TextIs { name, .. } => {
                if !top(name).is_some_and(|a| a.kind == AnswerKindDoc::Text) {
                    self.add(path, TableCode::Reference, format!("{name:?} is not a top-level text response field"));
                }
            }
            SuccessDoc::IsTrue { name } => {
                if !top(name).is_some_and(|a| a.kind == AnswerKindDoc::Bool) {
                    self.add(path, TableCode::Reference, format!("{name:?} is not a top-level bool response field"));
                }
            }
            SuccessDoc::AllEntries { object, flag, list, entry, also } => {
                let obj = top(object).filter(|a| a.kind == AnswerKindDoc::Object).and_then(|a| a.fields.as_ref());
                let inner = |n: &str| obj.and_then(|fs| fs.iter().find(|a| a.name == n));
                let flag_ok = inner(flag).is_some_and(|a| a.kind == AnswerKindDoc::Bool);
                let l = inner(list).filter(|a| a.kind == AnswerKindDoc::Entries && a.hoisted);
                let bool_in = |n: &str| {
                    l.and_then(|a| a.fields.as_ref()).is_some_and(|fs| fs.iter().any(|a| a.name == n && a.kind == AnswerKindDoc::Bool))
                };
                if !(flag_ok && bool_in(entry) && bool_in(also)) {
                    self.add(
                        path,
                        TableCode::Reference,
                        "all_entries needs an object with a bool flag and a hoisted entries list whose entries have the bool entry and also fields",
                    );
                }
            }
            SuccessDoc::Answered => {}
        }
    }
}

fn scalar(t: TypeDoc) -> bool {
    !matches!(t, TypeDoc::Object | TypeDoc::List)
}

fn ordered(f: &FieldDoc) -> bool {
    matches!(f.ty, TypeDoc::Date | TypeDoc::Datetime | TypeDoc::Price)
        || (f.ty == TypeDoc::Text && f.text_format == Some(TextFormatDoc::Weight))
}

fn chunked_leads_to_bounded_list(fields: &[FieldDoc], path: &[String]) -> bool {
    let Some((last, objects)) = path.split_last() else { return false };
    let mut fs = fields;
    for name in objects {
        match fs.iter().find(|f| f.name == *name) {
            Some(f) if f.ty == TypeDoc::Object => fs = f.fields.as_deref().unwrap_or(&[]),
            _ => return false,
        }
    }
    fs.iter().any(|f| f.name == *last && f.ty == TypeDoc::List && f.max_entries.is_some())
}

/// The type's name as the `type` property spells it.
pub fn type_word(t: TypeDoc) -> &'static str {
    match t {
        TypeDoc::Text => "text",
        TypeDoc::Long => "long",
        TypeDoc::Bool => "bool",
        TypeDoc::Price => "price",
        TypeDoc::Discount => "discount",
        TypeDoc::Date => "date",
        TypeDoc::Datetime => "datetime",
        TypeDoc::Enum => "enum",
        TypeDoc::Object => "object",
        TypeDoc::List => "list",
    }
}

fn answer_word(k: AnswerKindDoc) -> &'static str {
    match k {
        AnswerKindDoc::Text => "text",
        AnswerKindDoc::Bool => "bool",
        AnswerKindDoc::Object => "object",
        AnswerKindDoc::Entries => "entries",
        AnswerKindDoc::Pluck => "pluck",
    }
}

// Building: only for a document `check` passed. Every string and slice is leaked once (see the module note).

fn leak(s: &str) -> &'static str {
    Box::leak(s.to_string().into_boxed_str())
}

fn leak_all<T>(v: Vec<T>) -> &'static [T] {
    Box::leak(v.into_boxed_slice())
}

fn leak_strs(v: &[String]) -> &'static [&'static str] {
    leak_all(v.iter().map(|s| leak(s)).collect())
}

/// Build the table of a checked document.
pub fn build(doc: &TableDoc) -> &'static Api {
    let api = Api {
        method: leak(&doc.method),
        title_zh: leak(&doc.title_zh),
        summary: leak(&doc.summary),
        summary_zh: leak(&doc.summary_zh),
        fields: build_fields(&doc.fields),
        checks: build_checks(&doc.checks),
        protocol: match doc.protocol {
            ProtocolDoc::Top => Protocol::Top,
            ProtocolDoc::Qimen => Protocol::Qimen { routing_field: doc.routing_field.as_deref().map(leak) },
        },
        chunked: leak_strs(&doc.chunked),
        response: ResponseTable { fields: build_answers(&doc.response.fields), success: build_success(&doc.response.success) },
    };
    Box::leak(Box::new(api))
}

fn build_fields(fields: &[FieldDoc]) -> &'static [Field] {
    leak_all(fields.iter().map(build_field).collect())
}

fn build_field(f: &FieldDoc) -> Field {
    let inner = || build_fields(f.fields.as_deref().unwrap_or(&[]));
    let type_name = || leak(f.type_name.as_deref().unwrap_or(""));
    let kind = match f.ty {
        TypeDoc::Text => Kind::Str(match f.text_format {
            None => StrFormat::Plain,
            Some(TextFormatDoc::Gtin) => StrFormat::Gtin,
            Some(TextFormatDoc::BizRegNum) => StrFormat::BizRegNum,
            Some(TextFormatDoc::Weight) => StrFormat::Weight,
        }),
        TypeDoc::Long => Kind::Long(LongRule { min: f.min, warn_negative: f.warn_negative }),
        TypeDoc::Bool => Kind::Bool,
        TypeDoc::Price => Kind::Price,
        TypeDoc::Discount => Kind::Discount,
        TypeDoc::Date => Kind::Date,
        TypeDoc::Datetime => Kind::DateTime,
        TypeDoc::Enum => Kind::Enum(EnumRule {
            numeric: f.numeric,
            codes: leak_all(
                f.codes
                    .iter()
                    .flatten()
                    .map(|c| EnumCode {
                        code: leak(&c.code),
                        label_zh: leak(&c.label_zh),
                        label_en: leak(&c.label_en),
                        aliases: leak_strs(&c.aliases),
                    })
                    .collect(),
            ),
        }),
        TypeDoc::Object => Kind::Object(ObjectRule { type_name: type_name(), fields: inner(), checks: build_checks(&f.checks) }),
        TypeDoc::List => Kind::List(ListRule {
            type_name: type_name(),
            max: f.max_entries.unwrap_or(UNBOUNDED),
            min: f.min_entries.unwrap_or(0),
            fields: inner(),
            checks: build_checks(&f.checks),
        }),
    };
    Field {
        name: leak(&f.name),
        kind,
        required: f.required,
        max_len: f.max_len,
        label_zh: leak(&f.label_zh),
        label_en: leak(&f.label_en),
        example: leak(&f.example),
    }
}

fn severity(s: SeverityDoc) -> Severity {
    match s {
        SeverityDoc::Error => Severity::Error,
        SeverityDoc::Warning => Severity::Warning,
    }
}

fn build_checks(checks: &[CheckDoc]) -> &'static [Check] {
    leak_all(
        checks
            .iter()
            .map(|c| match c {
                CheckDoc::Unique { list, key, severity: s } => Check::Unique { list: leak(list), key: leak(key), severity: severity(*s) },
                CheckDoc::Order { first, second, severity: s } => {
                    Check::Order { first: leak(first), second: leak(second), severity: severity(*s) }
                }
                CheckDoc::When { when, is, then } => Check::When {
                    when: leak(when),
                    is: leak_strs(is),
                    then: match then {
                        ThenDoc::Required { field } => Then::Required(leak(field)),
                        ThenDoc::EntriesAtLeast { list, field, min, why_en, why_zh } => Then::EntriesAtLeast {
                            list: leak(list),
                            field: leak(field),
                            min: *min,
                            why: Why { en: leak(why_en), zh: leak(why_zh) },
                        },
                        ThenDoc::EntriesNotZero { list, field } => Then::EntriesNotZero { list: leak(list), field: leak(field) },
                    },
                },
                CheckDoc::TotalCoversList { total, list } => Check::TotalCoversList { total: leak(total), list: leak(list) },
                CheckDoc::WarnEmptyList { list } => Check::WarnEmptyList { list: leak(list) },
                CheckDoc::Misplaced { field, belongs_to } => Check::Misplaced { field: leak(field), belongs_to: leak(belongs_to) },
            })
            .collect(),
    )
}

fn build_answers(answers: &[AnswerDoc]) -> &'static [Answer] {
    leak_all(
        answers
            .iter()
            .map(|a| Answer {
                wire: leak(&a.wire),
                aliases: leak_strs(&a.aliases),
                name: leak(&a.name),
                hoisted: a.hoisted,
                kind: match a.kind {
                    AnswerKindDoc::Text => AnswerKind::Text,
                    AnswerKindDoc::Bool => AnswerKind::Bool,
                    AnswerKindDoc::Object => AnswerKind::Object(build_answers(a.fields.as_deref().unwrap_or(&[]))),
                    AnswerKindDoc::Entries => AnswerKind::Entries {
                        of: leak(a.of.as_deref().unwrap_or("")),
                        fields: build_answers(a.fields.as_deref().unwrap_or(&[])),
                    },
                    AnswerKindDoc::Pluck => {
                        AnswerKind::Pluck { of: leak(a.of.as_deref().unwrap_or("")), field: leak(a.field.as_deref().unwrap_or("")) }
                    }
                },
            })
            .collect(),
    )
}

fn build_success(s: &SuccessDoc) -> Success {
    match s {
        SuccessDoc::TextIs { name, value } => Success::TextIs { name: leak(name), value: leak(value) },
        SuccessDoc::IsTrue { name } => Success::IsTrue { name: leak(name) },
        SuccessDoc::AllEntries { object, flag, list, entry, also } => {
            Success::AllEntries { object: leak(object), flag: leak(flag), list: leak(list), entry: leak(entry), also: leak(also) }
        }
        SuccessDoc::Answered => Success::Answered,
    }
}
