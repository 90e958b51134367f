//! `check` of JSON text without an input tree: the API's table is the grammar the text is read by.
//!
//! Why: building a tree of the whole input (a `Vec` per object and list, an entry per member), walking it, and
//! freeing it was most of a check's time, and all of its memory — a text of nested or tiny values cost up to 30×
//! its size. Here an object's members are matched against the table's fields as their keys are read; a value is
//! only ever held as a borrowed token (a scalar read from its slice, a container walked in place); members the
//! table does not know are read past, keeping nothing.
//!
//! The answers are the tree engine's (`engine::check_by_tree`), byte for byte, issues in the same order — and
//! the tree engine reports an object's duplicate and unknown keys first, then its fields in the table's order,
//! while text gives members in any order. So `object` reads each member once, in the text's order, noting
//! which issues each member gave (a `Span`); when the text was not in the table's order, the object's issues
//! are put back in the tree engine's order at its end. Only where that cannot be exact — the issue cap was
//! reached inside an out-of-order object, so which issues fit depends on the order they were made in — that
//! object is handed to the tree engine's own walk (`Engine::object`), its tree built from its text. A byte is
//! thus read once, or, in that rare case, once more.
//! `tests/single_pass.rs` holds the two engines side by side over the corpus and generated payloads.

use std::borrow::Cow;

use crate::engine::{bit, Engine, Present, Seg, MAX_ISSUES};
use crate::input::{Input, Num, ParseError, Stop, MAX_DEPTH, MAX_INPUT_BYTES};
use crate::json::{swar, Reader, Token};
use crate::norm::number;
use crate::report::violation::{Expected, Malformed, Violation};
use crate::report::{Issue, Report};
use crate::rules::{Api, Check, Field, Kind, ListRule, Severity};
use crate::value::Val;

/// The report (without value) and the normalized value (even when there are errors; `None` when the text is no
/// object), or why the text is not a payload at all: what `engine::walk` answers for the text's tree.
pub(crate) fn walk_text(api: &Api, text: &str) -> Result<(Option<Val>, Report), ParseError> {
    if text.len() > MAX_INPUT_BYTES {
        return Err(ParseError::TooLarge { bytes: text.len(), limit: MAX_INPUT_BYTES });
    }
    // A UTF-8 byte-order mark (common in files saved on Windows) is not part of the JSON.
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let stacks = STACKS.take();
    let mut pass = Pass {
        e: Engine { root: api.fields, path: stacks.path, ..Engine::default() },
        text,
        spans: stacks.spans,
        member_stack: stacks.members,
        entry_stack: stacks.entries,
    };
    let answer = pass.root(api).map_err(Stop::into_parse_error);
    STACKS.set(Stacks::kept(pass.e.path, pass.spans, pass.member_stack, pass.entry_stack));
    answer
}

/// The stacks a pass works on, kept for the next pass on this thread: a small check spent a fifth of its
/// time growing them from nothing and freeing them again (measured in Node; BENCHMARKS.md).
#[derive(Default)]
struct Stacks {
    path: Vec<Seg<'static>>,
    spans: Vec<Span>,
    members: Vec<(&'static str, Val)>,
    entries: Vec<Val>,
}

thread_local! {
    static STACKS: std::cell::Cell<Stacks> = std::cell::Cell::new(Stacks::default());
}

impl Stacks {
    /// The most entries a kept stack holds room for: past it (a text of a million tiny values) its memory is
    /// given back rather than kept for the life of the thread.
    const KEEP: usize = 4096;

    /// The stacks emptied (a pass stopped by a syntax error leaves values on them), the large ones let go.
    fn kept(mut path: Vec<Seg<'static>>, mut spans: Vec<Span>, mut members: Vec<(&'static str, Val)>, mut entries: Vec<Val>) -> Stacks {
        fn emptied<T>(v: &mut Vec<T>) {
            v.clear();
            if v.capacity() > Stacks::KEEP {
                *v = Vec::new();
            }
        }
        emptied(&mut path);
        emptied(&mut spans);
        emptied(&mut members);
        emptied(&mut entries);
        Stacks { path, spans, members, entries }
    }
}

struct Pass<'t> {
    e: Engine,
    text: &'t str,
    /// The issues each member of the objects being read gave, reused across objects (no allocation per object).
    spans: Vec<Span>,
    /// The members and the list entries of the objects and lists being read, as stacks reused across them: each
    /// value is moved out into a vector of exactly its size when it is complete (no growth per object or list).
    member_stack: Vec<(&'static str, Val)>,
    entry_stack: Vec<Val>,
}

/// The issues one member (or one missing field) of an object gave: the tree engine's place for them (`order`:
/// duplicate and unknown keys first, by member index, then fields by table index), and their index ranges in
/// the error and warning lists.
#[derive(Clone, Copy)]
struct Span {
    order: (bool, u32),
    errors: (usize, usize),
    warnings: (usize, usize),
}

/// Up to this many members or spans, an object's reordering sorts in place by insertion (no allocation, at most
/// 120 swaps); past it, through the crate's one sort.
const SMALL_SORT: usize = 16;

/// Sort a few `items` in place by their `keys` (one each, moved with them), by insertion: stable, no allocation.
fn sort_small<T>(items: &mut [T], keys: &mut [u64]) {
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 && keys[j - 1] > keys[j] {
            keys.swap(j - 1, j);
            items.swap(j - 1, j);
            j -= 1;
        }
    }
}

/// The indices of `keys` in the order that sorts them, ties in their own order.
fn sorting(keys: Vec<u64>) -> Vec<u32> {
    crate::order::indices(keys.len(), &|a, b| keys[a].cmp(&keys[b]))
}

/// Whether a token opens a container, and which: `Some(true)` a list, `Some(false)` an object.
fn container(token: &Token) -> Option<bool> {
    match token {
        Token::Array => Some(true),
        Token::Object => Some(false),
        _ => None,
    }
}

/// The index of the field named `key`, trying `likely` first (a text in the table's order finds each key at
/// the first comparison, not after comparing it with every name before it).
fn field_index(fields: &[Field], key: &str, likely: usize) -> Option<usize> {
    match fields.get(likely) {
        Some(f) if swar::same(f.name, key) => Some(likely),
        _ => crate::rules::field_position(fields, key),
    }
}

/// A token as the scalar normalizers take it; a container as an empty one (they read only its type).
fn shallow(token: Token<'_>) -> Input<'_> {
    match token {
        Token::Null => Input::Null,
        Token::Bool(b) => Input::Bool(b),
        Token::Number(n) => Input::Number(Num::Literal(Cow::Borrowed(n))),
        Token::String(s) => Input::String(s),
        Token::Array => Input::Array(Vec::new()),
        Token::Object => Input::Object(Vec::new()),
    }
}

/// Read past the rest of a value whose first token has been read (`opened`: what `container` says of it),
/// checking its syntax and depth exactly as the tree builder does (the same reader calls in the same order,
/// so the same first error at the same place). `depth`: the containers open around the value. Keeps nothing:
/// the open containers are bits of a word (there are at most `MAX_DEPTH` = 64).
fn skip_rest(r: &mut Reader, opened: Option<bool>, depth: usize) -> Result<(), Stop> {
    let mut opened = opened;
    let (mut open, mut lists, mut first) = (0usize, 0u64, false);
    loop {
        if let Some(list) = opened {
            if depth + open == MAX_DEPTH {
                return Err(Stop::TooDeep);
            }
            lists = (lists & !(1 << open)) | (u64::from(list) << open);
            open += 1;
            first = true;
        }
        // The next value to read, closing the containers it finishes.
        loop {
            if open == 0 {
                return Ok(());
            }
            let more = if lists & (1 << (open - 1)) != 0 { r.next_element(&mut first)? } else { r.next_key(&mut first)?.is_some() };
            if more {
                break;
            }
            open -= 1;
            first = false;
        }
        opened = container(&r.value()?);
    }
}

impl<'t> Pass<'t> {
    fn root(&mut self, api: &Api) -> Result<(Option<Val>, Report), Stop> {
        let mut r = Reader::new(self.text);
        let token = r.value()?;
        if !matches!(token, Token::Object) {
            let opened = container(&token);
            let got = shallow(token).type_name();
            skip_rest(&mut r, opened, 0)?;
            r.end()?;
            return Ok((None, Report::failed(Issue::whole(Violation::Malformed(Malformed::NotAnObject { got })))));
        }
        let value = self.object(&mut r, 1, api.fields, api.checks)?;
        r.end()?;
        let (errors, warnings) = (std::mem::take(&mut self.e.errors), std::mem::take(&mut self.e.warnings));
        Ok((Some(value), Report { ok: errors.is_empty(), value: None, errors, warnings }))
    }

    /// Read an object (its `{` read; `depth` counts it) in one pass: each member matched to its field as its key
    /// is read, its value normalized (or read past) at once; then the missing fields, the tree engine's order of
    /// issues, and the object's checks.
    fn object(&mut self, r: &mut Reader<'t>, depth: usize, fields: &'static [Field], checks: &'static [Check]) -> Result<Val, Stop> {
        if depth > MAX_DEPTH {
            return Err(Stop::TooDeep);
        }
        // Where its `{` is (read just before): the one place a rare second reading starts from.
        let opened_at = r.position().saturating_sub(1);
        let (errors_at, warnings_at, spans_at) = (self.e.errors.len(), self.e.warnings.len(), self.spans.len());
        let (mut seen, mut present): (Present, Present) = (0, 0);
        let base = self.member_stack.len();
        let (mut in_order, mut last) = (true, (false, 0));
        let mut first = true;
        let mut member = 0u32;
        // Where the next key most likely is in the table: texts usually follow the table's order.
        let mut next = 0;
        while let Some(key) = r.next_key(&mut first)? {
            let spans = (self.e.errors.len(), self.e.warnings.len());
            let order = match field_index(fields, &key, next) {
                Some(fi) if seen & bit(fi) == 0 => {
                    seen |= bit(fi);
                    next = fi + 1;
                    let f = &fields[fi];
                    self.e.path.push(Seg::Key(f.name));
                    let token = r.value()?;
                    let got = self.token_value(f, token, r, depth)?;
                    self.keep(fi, f, got, &mut present);
                    self.e.path.pop();
                    (true, fi as u32)
                }
                known => {
                    match known {
                        Some(_) => self.e.report(Severity::Error, Violation::DuplicateKey { key: key.to_string() }, &[&key]),
                        None => self.e.unknown_field(&key, fields, checks),
                    }
                    let opened = container(&r.value()?);
                    skip_rest(r, opened, depth)?;
                    (false, member)
                }
            };
            in_order &= order >= last;
            last = order;
            self.span(order, spans);
            member += 1;
        }
        for (fi, f) in fields.iter().enumerate().filter(|(fi, f)| f.required && seen & bit(*fi) == 0) {
            let spans = (self.e.errors.len(), self.e.warnings.len());
            self.e.at(f.name, |e| e.report(Severity::Error, Violation::Missing, &[]));
            let order = (true, fi as u32);
            in_order &= order >= last;
            last = order;
            self.span(order, spans);
        }
        if !in_order {
            if self.e.errors.len() > MAX_ISSUES || self.e.warnings.len() > MAX_ISSUES {
                // Past the cap the order decided which issues were kept: this one object is walked again by the
                // tree engine (its text is known good, the reader already past it), in the table's order.
                self.e.errors.truncate(errors_at);
                self.e.warnings.truncate(warnings_at);
                self.spans.truncate(spans_at);
                self.member_stack.truncate(base);
                let tree = crate::input::object_at(self.text, opened_at)?;
                return Ok(self.e.object(fields, checks, &tree));
            }
            self.reorder(spans_at, errors_at, warnings_at);
            self.members_in_table_order(base, fields);
        }
        self.spans.truncate(spans_at);
        Ok(self.close(base, fields, checks, present))
    }

    /// An object's value from its members (from `base` on the stack), once its checks have run over them.
    fn close(&mut self, base: usize, fields: &'static [Field], checks: &'static [Check], present: Present) -> Val {
        crate::checks::run(&mut self.e, checks, fields, &self.member_stack[base..], present);
        Val::Obj(self.member_stack.drain(base..).collect())
    }

    /// What a field's value gave (`token_value`): missing when blank and required, else present, and kept
    /// when it normalized to something.
    #[allow(clippy::option_option)]
    fn keep(&mut self, fi: usize, f: &'static Field, got: Option<Option<Val>>, present: &mut Present) {
        match got {
            None if f.required => self.e.report(Severity::Error, Violation::Missing, &[]),
            None => {}
            Some(v) => {
                *present |= bit(fi);
                self.member_stack.extend(v.map(|v| (f.name, v)));
            }
        }
    }

    /// Note the issues made since `(errors, warnings)` as one member's. A member without issues has nothing to
    /// reorder: no span (most members of most payloads).
    fn span(&mut self, order: (bool, u32), (errors, warnings): (usize, usize)) {
        let (errors_to, warnings_to) = (self.e.errors.len(), self.e.warnings.len());
        if errors_to != errors || warnings_to != warnings {
            self.spans.push(Span { order, errors: (errors, errors_to), warnings: (warnings, warnings_to) });
        }
    }

    /// Put an object's members (from `base` on the stack) in the table's order, as the tree engine keeps them.
    /// Most objects read out of order are small (a list entry): they are sorted in place (`sort_small`: stable,
    /// with no allocation), each key found once; a larger one through the crate's one sort.
    fn members_in_table_order(&mut self, base: usize, fields: &'static [Field]) {
        let position = |name: &str| crate::rules::field_position(fields, name).map_or(0, |p| p as u64 + 1);
        let members = &mut self.member_stack[base..];
        if members.len() <= SMALL_SORT {
            let mut keys = [0u64; SMALL_SORT];
            for (k, (name, _)) in keys.iter_mut().zip(members.iter()) {
                *k = position(name);
            }
            return sort_small(members, &mut keys[..members.len()]);
        }
        let by_field = sorting(members.iter().map(|(name, _)| position(name)).collect());
        let mut taken: Vec<Option<(&'static str, Val)>> = self.member_stack.drain(base..).map(Some).collect();
        self.member_stack.extend(by_field.iter().filter_map(|&i| taken[i as usize].take()));
    }

    /// Put an object's issues (from `errors_at`, `warnings_at`; their spans from `spans_at`) in the tree
    /// engine's order. Each member's own issues keep their order.
    fn reorder(&mut self, spans_at: usize, errors_at: usize, warnings_at: usize) {
        let key = |s: &Span| (u64::from(s.order.0) << 32) | u64::from(s.order.1);
        let spans = &mut self.spans[spans_at..];
        // A few spans (the usual case) are sorted in place; more through the crate's sort.
        let by_order = if spans.len() <= SMALL_SORT {
            let mut keys = [0u64; SMALL_SORT];
            for (k, s) in keys.iter_mut().zip(spans.iter()) {
                *k = key(s);
            }
            sort_small(spans, &mut keys[..spans.len()]);
            None
        } else {
            Some(sorting(spans.iter().map(key).collect()))
        };
        let spans = &self.spans[spans_at..];
        let mut errors: Vec<Option<Issue>> = self.e.errors.drain(errors_at..).map(Some).collect();
        let mut warnings: Vec<Option<Issue>> = self.e.warnings.drain(warnings_at..).map(Some).collect();
        for s in (0..spans.len()).map(|k| &spans[by_order.as_ref().map_or(k, |o| o[k] as usize)]) {
            self.e.errors.extend((s.errors.0..s.errors.1).filter_map(|i| errors[i - errors_at].take()));
            self.e.warnings.extend((s.warnings.0..s.warnings.1).filter_map(|i| warnings[i - warnings_at].take()));
        }
    }

    /// A field's value, its first token read (the rest is read from `r`), inside an object at `depth`: `None`
    /// when it is blank (null, whitespace, an empty list where a list belongs), else what the tree engine's
    /// `field` answers.
    #[allow(clippy::option_option)]
    fn token_value(&mut self, f: &'static Field, token: Token<'t>, r: &mut Reader<'t>, depth: usize) -> Result<Option<Option<Val>>, Stop> {
        let opened = container(&token);
        Ok(match (&f.kind, token) {
            (_, Token::Null) => None,
            (_, Token::String(s)) if s.trim().is_empty() => None,
            (Kind::Object(o), Token::Object) => Some(Some(self.object(r, depth + 1, o.fields, o.checks)?)),
            (Kind::List(l), Token::Array) => self.list(l, r, depth + 1)?,
            (kind, other) => {
                let input = shallow(other);
                let v = match kind {
                    Kind::Object(_) => self.e.fail(number::type_error(&input, Expected::Object)),
                    Kind::List(_) => self.e.fail(number::type_error(&input, Expected::Array)),
                    _ => self.e.field(f, &input),
                };
                skip_rest(r, opened, depth)?;
                Some(v)
            }
        })
    }

    /// A list (its `[` read; `depth` counts it). The tree engine knows the count before the entries, and
    /// reports a list too short instead of its entries, a list too long before them. Here the entries are read
    /// first, and in those two (rare) cases their issues are taken back and given again after the list's own.
    #[allow(clippy::option_option)]
    fn list(&mut self, l: &'static ListRule, r: &mut Reader<'t>, depth: usize) -> Result<Option<Option<Val>>, Stop> {
        if depth > MAX_DEPTH {
            return Err(Stop::TooDeep);
        }
        let (errors_at, warnings_at) = (self.e.errors.len(), self.e.warnings.len());
        let out = self.entries(l, r, depth)?;
        let count = out.len();
        if count == 0 {
            return Ok(None);
        }
        if count < l.min {
            self.e.errors.truncate(errors_at);
            self.e.warnings.truncate(warnings_at);
            self.e.report(Severity::Error, Violation::TooFew { min: l.min }, &[]);
            return Ok(Some(None));
        }
        if count > l.max {
            let entries = self.e.errors.split_off(errors_at);
            self.e.report(Severity::Error, Violation::TooMany { count, max: l.max }, &[]);
            // Given again under the cap: one fewer may fit now (the cap's own issue is made again in its place).
            for issue in entries.into_iter().filter(|i| !matches!(i.violation, Violation::TooManyIssues { .. })) {
                self.push_error(issue);
            }
        }
        Ok(Some(Some(Val::List(out))))
    }

    /// An already-made error, under the cap exactly as `Engine::report` applies it.
    fn push_error(&mut self, issue: Issue) {
        match self.e.errors.len() {
            n if n > MAX_ISSUES => {}
            n if n == MAX_ISSUES => self.e.errors.push(Issue::new(String::new(), Violation::TooManyIssues { limit: MAX_ISSUES }, true)),
            _ => self.e.errors.push(issue),
        }
    }

    /// A list's entries, each an object of the list's fields; anything else is a `type` error at its index (and
    /// an empty object in the value, keeping indices aligned for the checks).
    fn entries(&mut self, l: &'static ListRule, r: &mut Reader<'t>, depth: usize) -> Result<Vec<Val>, Stop> {
        let base = self.entry_stack.len();
        let mut first = true;
        while r.next_element(&mut first)? {
            self.e.path.push(Seg::Index(self.entry_stack.len() - base));
            let token = r.value()?;
            let entry = if let Token::Object = token {
                self.object(r, depth + 1, l.fields, l.checks)?
            } else {
                let opened = container(&token);
                self.e.fail(number::type_error(&shallow(token), Expected::Object));
                skip_rest(r, opened, depth)?;
                Val::Obj(Vec::new())
            };
            self.entry_stack.push(entry);
            self.e.path.pop();
        }
        Ok(self.entry_stack.drain(base..).collect())
    }
}
