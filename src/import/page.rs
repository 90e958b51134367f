//! The doc page as a person copies its text (the four seeds are such copies): the title line
//! (`method (中文名)`), the request table (`名称 类型 是否必须 示例值 更多限制 描述`) and the response table
//! (`名称 类型 示例值 描述`), each row either on one line or as a run of `•` bullets, nesting marked by `└`,
//! limits as `最大列表长度:20` / `最大长度:50` bullets; then the Java request sample, a second source of the
//! structure. The page is turned into the doc JSON shape (with each row's example) and imported as a doc JSON
//! is, so both forms share every inference.
//!
//! Where the table's layout and the sample disagree on a field's parent, the sample wins and the review says
//! so; a sample line that sets a field on a list (a slip) is ignored, and said so.

use serde_json::{json, Map, Value};

use super::{ReviewItem, ReviewKind, Sure};
use crate::rules::table::load::is_name as identifier;

/// One row of a parameter table.
#[derive(Debug, Clone, Default)]
struct Row {
    name: String,
    /// The type as written, without `[]`.
    ty: String,
    list: bool,
    required: bool,
    /// Marked `└`: a child of the last container row.
    child: bool,
    /// Written on one line (a top-level row) rather than as bullets.
    line: bool,
    example: String,
    description: String,
    max_len: Option<u64>,
    max_list: Option<u64>,
    children: Vec<usize>,
}

/// The page's pieces: a row is an entry (a line or a bullet) of a table section.
#[derive(Debug, Clone, PartialEq)]
enum Entry {
    Line(String),
    Bullet(String),
}

fn entries(lines: &[&str]) -> Vec<Entry> {
    lines
        .iter()
        .map(|l| l.trim())
        .filter(|l| !l.is_empty())
        .map(|l| match l.strip_prefix('•') {
            Some(rest) => Entry::Bullet(rest.trim().to_string()),
            None => Entry::Line(l.to_string()),
        })
        .collect()
}

/// `String`, `Number`, `Struct []`, `ShopInventoryEditDTO`: a type as the tables write it → (type, list).
fn type_of(s: &str) -> Option<(String, bool)> {
    let t = s.trim();
    let (base, list) = match t.strip_suffix("[]") {
        Some(b) => (b.trim(), true),
        None => (t, false),
    };
    let capital = base.chars().next().is_some_and(|c| c.is_ascii_uppercase());
    (capital && identifier(base)).then(|| (base.to_string(), list))
}

fn required_word(s: &str) -> Option<bool> {
    match s.trim() {
        "必须" | "必选" | "必填" => Some(true),
        "可选" | "非必须" | "否" => Some(false),
        _ => None,
    }
}

/// `最大列表长度:20` or `最大长度:50`.
fn limit(s: &str) -> Option<(bool, u64)> {
    for (key, list) in [("最大列表长度", true), ("最大长度", false)] {
        if let Some(rest) = s.strip_prefix(key) {
            let n: String = rest.trim_start_matches([':', '：', ' ']).chars().take_while(char::is_ascii_digit).take(9).collect();
            return n.parse().ok().map(|n| (list, n));
        }
    }
    None
}

/// Read a table section's rows. `with_required`: the request table has a 是否必须 column.
fn rows(section: &[&str], with_required: bool) -> Vec<Row> {
    let es = entries(section);
    let mut out: Vec<Row> = Vec::new();
    let mut extras: Vec<String> = Vec::new();
    let finish = |row: Option<&mut Row>, extras: &mut Vec<String>| {
        let Some(row) = row else {
            extras.clear();
            return;
        };
        let mut texts = Vec::new();
        for e in extras.drain(..) {
            match limit(&e) {
                Some((true, n)) => row.max_list = Some(n),
                Some((false, n)) => row.max_len = Some(n),
                None => texts.push(e),
            }
        }
        if row.line {
            // On one line the example and the description share the rest; a description in bullets after it
            // makes the whole rest the example.
            let rest = std::mem::take(&mut row.example);
            if texts.is_empty() && container(row) {
                // A container has no example: the rest is its description.
                row.description = rest;
            } else if texts.is_empty() {
                match rest.split_once(' ') {
                    Some((ex, d)) => {
                        row.example = ex.to_string();
                        row.description = d.trim().to_string();
                    }
                    None => row.example = rest,
                }
            } else {
                row.example = rest;
                row.description = texts.join(" ");
            }
        } else if texts.len() >= 2 {
            row.example = texts[0].clone();
            row.description = texts[1..].join(" ");
        } else if let Some(t) = texts.pop() {
            row.description = t;
        }
    };
    let mut i = 0;
    while i < es.len() {
        match &es[i] {
            Entry::Line(l) => {
                let tokens: Vec<&str> = l.split_whitespace().collect();
                let list = tokens.get(2) == Some(&"[]");
                let at = if list { 3 } else { 2 };
                let ty = tokens.get(1).and_then(|t| type_of(t));
                let req = if with_required { tokens.get(at).and_then(|t| required_word(t)) } else { Some(false) };
                if let (Some(name), Some((ty, _)), Some(required)) = (tokens.first().filter(|n| identifier(n)), ty, req) {
                    finish(out.last_mut(), &mut extras);
                    let skip = at + usize::from(with_required);
                    let rest = tokens.get(skip..).map(|t| t.join(" ")).unwrap_or_default();
                    out.push(Row { name: name.to_string(), ty, list, required, line: true, example: rest, ..Row::default() });
                } else {
                    extras.push(l.clone());
                }
                i += 1;
            }
            Entry::Bullet(b) => {
                let (child, name) = match b.strip_prefix('└') {
                    Some(n) => (true, n.trim()),
                    None => (false, b.as_str()),
                };
                let ty = match es.get(i + 1) {
                    Some(Entry::Bullet(t)) => type_of(t),
                    _ => None,
                };
                let req = if with_required {
                    match es.get(i + 2) {
                        Some(Entry::Bullet(r)) => required_word(r),
                        _ => None,
                    }
                } else {
                    Some(false)
                };
                match (identifier(name), ty, req) {
                    (true, Some((ty, list)), Some(required)) => {
                        finish(out.last_mut(), &mut extras);
                        out.push(Row { name: name.to_string(), ty, list, required, child, ..Row::default() });
                        i += 2 + usize::from(with_required);
                    }
                    _ => {
                        extras.push(b.clone());
                        i += 1;
                    }
                }
            }
        }
    }
    finish(out.last_mut(), &mut extras);
    out
}

fn container(r: &Row) -> bool {
    r.list || !matches!(r.ty.as_str(), "String" | "Number" | "Boolean" | "Date" | "Price" | "Long" | "BigDecimal")
}

/// The Java sample's structure: which receiver each setter is called on, and what it is given.
#[derive(Debug, Default)]
struct Sample {
    /// (receiver variable, normalized field name, argument variable if it is one).
    sets: Vec<(String, String, Option<String>)>,
    /// Entry object variable → its list variable.
    entry_of: Vec<(String, String)>,
    lists: Vec<String>,
}

fn norm(name: &str) -> String {
    name.chars().filter(|c| *c != '_').map(|c| c.to_ascii_lowercase()).collect()
}

fn sample(lines: &[&str]) -> Sample {
    // Each line looks its receiver up among the variables: bounded, so a page of a million lines is linear.
    let lines = &lines[..lines.len().min(4 * crate::rules::table::load::MAX_TOTAL_FIELDS)];
    let mut s = Sample::default();
    let mut vars: Vec<String> = vec!["req".into()];
    for l in lines.iter().map(|l| l.trim()) {
        if let Some(decl) = l.strip_prefix("List<") {
            if let Some(var) = decl.split_once("> ").and_then(|(_, r)| r.split_once(" = ")).map(|(v, _)| v.trim().to_string()) {
                vars.push(var.clone());
                s.lists.push(var);
            }
            continue;
        }
        if let Some((lhs, _)) = l.split_once(" = new ") {
            if let Some(var) = lhs.split_whitespace().nth(1) {
                vars.push(var.to_string());
            }
            continue;
        }
        let Some((receiver, call)) = l.split_once('.') else { continue };
        if !identifier(receiver) {
            continue;
        }
        // A receiver never declared is a slip of the sample, as a list is (neither has fields): kept as one.
        if !vars.iter().any(|v| v == receiver) && !s.lists.iter().any(|v| v == receiver) {
            s.lists.push(receiver.to_string());
        }
        let Some(arg) = call.strip_suffix(");").and_then(|c| c.split_once('(')) else { continue };
        let (method, value) = arg;
        if method == "add" {
            s.entry_of.push((value.to_string(), receiver.to_string()));
        } else if let Some(field) = method.strip_prefix("set") {
            let var = vars.iter().find(|v| *v == value).cloned();
            s.sets.push((receiver.to_string(), norm(field), var));
        }
    }
    s
}

/// The lines between a heading line and the next of `ends` (exclusive).
fn section<'a>(lines: &[&'a str], start: &str, ends: &[&str]) -> Vec<&'a str> {
    let Some(at) = lines.iter().position(|l| l.trim() == start) else { return Vec::new() };
    let rest = &lines[at + 1..];
    let end = rest.iter().position(|l| ends.contains(&l.trim())).unwrap_or(rest.len());
    rest[..end].to_vec()
}

struct Tree {
    rows: Vec<Row>,
    roots: Vec<usize>,
}

/// Place each row under its parent: by the sample where it names the field on exactly one known receiver, else
/// by the layout (`└` → the last container; a bullet row without it → the last top-level container; a line row
/// → the top).
fn place(mut rows: Vec<Row>, s: Option<&Sample>, review: &mut Vec<ReviewItem>, side: &str) -> Tree {
    // Receiver variable → the row it is (None: the root).
    let mut var_row: Vec<(String, Option<usize>)> = vec![("req".into(), None)];
    let mut roots = Vec::new();
    let (mut last_container, mut last_top): (Option<usize>, Option<usize>) = (None, None);
    let mut parents: Vec<Option<usize>> = Vec::with_capacity(rows.len());
    let mut moves: Vec<Move> = Vec::new();
    let mut slips: Vec<(usize, String)> = Vec::new();
    for i in 0..rows.len() {
        let layout = if rows[i].line {
            None
        } else if rows[i].child {
            last_container
        } else {
            last_top
        };
        let key = norm(&rows[i].name);
        let mut chosen = layout;
        let mut arg_var = None;
        if let Some(s) = s {
            // Setters of this name on receivers we know (a setter on a list variable is a slip: no list has fields).
            let known: Vec<(Option<usize>, Option<String>, String)> = s
                .sets
                .iter()
                .filter(|(_, f, _)| *f == key)
                .filter_map(|(recv, _, arg)| {
                    if s.lists.contains(recv) {
                        return None;
                    }
                    var_row.iter().find(|(v, _)| v == recv).map(|(_, r)| (*r, arg.clone(), recv.clone()))
                })
                .collect();
            let slip = s.sets.iter().find(|(recv, f, _)| *f == key && s.lists.contains(recv));
            let slipped = slip.is_some();
            if let Some((recv, _, arg)) = slip {
                // The object it was given still is this container's (its fields are set on it).
                arg_var = arg.clone();
                slips.push((i, recv.clone()));
            }
            if !slipped {
                arg_var = None;
            }
            let on_layout = known.iter().find(|(r, _, _)| *r == layout);
            match (on_layout, known.as_slice()) {
                (Some((r, arg, _)), _) => {
                    chosen = *r;
                    arg_var = arg.clone().or(arg_var);
                }
                (None, [(r, arg, _)]) if !slipped => {
                    // Grouped: a run of fields the layout and the sample place differently is one decision.
                    match moves.iter_mut().find(|m: &&mut Move| m.layout == layout && m.sample == *r) {
                        Some(m) => m.fields.push(i),
                        None => moves.push(Move { layout, sample: *r, fields: vec![i] }),
                    }
                    chosen = *r;
                    arg_var = arg.clone();
                }
                _ => {}
            }
        }
        parents.push(chosen);
        match chosen {
            Some(p) => rows[p].children.push(i),
            None => roots.push(i),
        }
        if container(&rows[i]) {
            last_container = Some(i);
            if chosen.is_none() {
                last_top = Some(i);
            }
            if let (Some(var), Some(s)) = (arg_var, s) {
                // The container's variable, and for a list its entries' variables.
                for (entry, list) in &s.entry_of {
                    if *list == var {
                        var_row.push((entry.clone(), Some(i)));
                    }
                }
                var_row.push((var, Some(i)));
            }
        }
    }
    let path = |i: usize| {
        let mut names = vec![rows[i].name.clone()];
        let mut p = parents[i];
        while let Some(k) = p {
            names.push(rows[k].name.clone());
            p = parents[k];
        }
        names.reverse();
        format!("{side}{}", names.join("."))
    };
    let here = |p: Option<usize>| p.map(|k| rows[k].name.clone()).unwrap_or_else(|| "the top".into());
    let here_zh = |p: Option<usize>| p.map(|k| rows[k].name.clone()).unwrap_or_else(|| "顶层".into());
    for (i, recv) in &slips {
        let what =
            format!("the request sample sets {} on {recv}, which is no object (a slip in the sample): placed by the table", rows[*i].name);
        let what_zh = format!("请求示例在 {recv} 上设置了 {},但 {recv} 不是对象(示例的笔误):按字段表放置", rows[*i].name);
        review.push(ReviewItem {
            field: path(*i),
            kind: ReviewKind::Contradiction,
            sure: Sure::Medium,
            decision: false,
            what,
            what_zh,
            from: format!("{recv}.set…({})", rows[*i].name),
        });
    }
    for m in &moves {
        let names: Vec<&str> = m.fields.iter().map(|i| rows[*i].name.as_str()).collect();
        let what = format!(
            "the table's layout places {} under {}, the request sample under {}: the sample's place is used",
            names.join(", "),
            here(m.layout),
            here(m.sample)
        );
        let what_zh =
            format!("字段表把 {} 放在 {} 下,请求示例放在 {} 下:采用示例的位置", names.join("、"), here_zh(m.layout), here_zh(m.sample));
        let from = format!("{}.set…", here(m.sample));
        review.push(ReviewItem {
            field: path(m.fields[0]),
            kind: ReviewKind::Contradiction,
            sure: Sure::Medium,
            decision: true,
            what,
            what_zh,
            from,
        });
    }
    Tree { rows, roots }
}

/// Fields the layout and the sample place under different parents.
struct Move {
    layout: Option<usize>,
    sample: Option<usize>,
    fields: Vec<usize>,
}

fn to_param(t: &Tree, i: usize) -> Value {
    let r = &t.rows[i];
    let mut m = Map::new();
    m.insert("name".into(), json!(r.name));
    let ty = if r.list { format!("{}[]", r.ty) } else { r.ty.clone() };
    m.insert("type".into(), json!(ty));
    if r.required {
        m.insert("required".into(), json!(true));
    }
    m.insert("description".into(), json!(r.description));
    if !r.example.is_empty() {
        m.insert("example".into(), json!(r.example));
    }
    if let Some(n) = r.max_len {
        m.insert("maxLength".into(), json!(n));
    }
    if let Some(n) = r.max_list {
        m.insert("maxListSize".into(), json!(n));
    }
    if !r.children.is_empty() {
        m.insert("subParams".into(), Value::Array(r.children.iter().map(|c| to_param(t, *c)).collect()));
    }
    Value::Object(m)
}

/// The page as a doc JSON object (with each row's `example`), and what placing its rows needed deciding.
pub(super) fn to_doc(text: &str) -> Result<(Map<String, Value>, Vec<ReviewItem>), String> {
    let lines: Vec<&str> = text.lines().collect();
    let (method, title) = lines
        .iter()
        .find_map(|l| {
            let (m, rest) = l.trim().split_once(" (")?;
            let ok = m.contains('.') && m.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'.' || b == b'_');
            ok.then(|| (m.to_string(), rest.trim_end_matches(')').to_string()))
        })
        .ok_or("no title line `method (名称)`: not a doc page")?;
    let title_at = lines.iter().position(|l| l.trim().starts_with(&format!("{method} ("))).unwrap_or(0);
    let description = lines[title_at + 1..]
        .iter()
        .map(|l| l.trim())
        .find(|l| !l.is_empty())
        .filter(|l| *l != "公共参数" && *l != "请求参数")
        .unwrap_or("")
        .to_string();
    let request = section(&lines, "请求参数", &["响应参数", "请求示例"]);
    if request.is_empty() {
        return Err("no 请求参数 (request parameters) section".into());
    }
    let request: Vec<&str> = request.into_iter().filter(|l| !l.trim().starts_with("名称 类型")).collect();
    let response: Vec<&str> =
        section(&lines, "响应参数", &["请求示例", "响应示例"]).into_iter().filter(|l| !l.trim().starts_with("名称 类型")).collect();
    let code = section(&lines, "请求示例", &["响应示例", "异常示例"]);
    let mut s = sample(&code);
    // Placing is rows × setters: both bounded as a table is, so no page costs more than linear work.
    let most = crate::rules::table::load::MAX_TOTAL_FIELDS;
    s.sets.truncate(4 * most);
    let (req_rows, resp_rows) = (rows(&request, true), rows(&response, false));
    if req_rows.len() > most || resp_rows.len() > crate::rules::table::load::MAX_ANSWERS {
        return Err(format!("more rows than a table holds ({most} fields, {} response fields)", crate::rules::table::load::MAX_ANSWERS));
    }
    let mut review = Vec::new();
    let req_tree = place(req_rows, Some(&s), &mut review, "");
    let resp_tree = place(resp_rows, None, &mut review, "response.");
    let mut doc = Map::new();
    doc.insert("name".into(), json!(method));
    doc.insert("apiChineseName".into(), json!(title));
    doc.insert("description".into(), json!(description));
    doc.insert("requestParams".into(), Value::Array(req_tree.roots.iter().map(|i| to_param(&req_tree, *i)).collect()));
    doc.insert("responseParams".into(), Value::Array(resp_tree.roots.iter().map(|i| to_param(&resp_tree, *i)).collect()));
    if code.iter().any(|l| l.contains("QimenCloudClient")) {
        doc.insert("qimenClient".into(), json!(true));
    }
    Ok((doc, review))
}
