//! The platform's doc JSON (`name`, `apiChineseName`, `description`, `requestParams`, `responseParams`; each
//! param `name`, `type`, `description`, `required`, `maxLength`, `maxListSize`, `minValue`, `maxValue`,
//! `subParams`) to a table. Unknown properties are ignored (the doc center adds some); a param without a name
//! is refused.

use serde_json::Value;

use super::prose::{self, DateForm};
use super::{Imported, ReviewItem, ReviewKind, Sure};
use crate::rules::table::doc::*;
use crate::rules::table::{TableCode, TableProblem};

struct Importer {
    review: Vec<ReviewItem>,
    /// Params read so far, request and response: bounded as a table is, before any per-object work.
    params: usize,
}

fn limit(path: &str, message: String) -> Vec<TableProblem> {
    vec![TableProblem { path: path.to_string(), code: TableCode::Limit, message }]
}

impl Importer {
    /// Count `n` more params; refused past what a table may hold (so no doc costs more than linear work).
    fn count(&mut self, n: usize, path: &str) -> Result<(), Vec<TableProblem>> {
        use crate::rules::table::load::{MAX_ANSWERS, MAX_TOTAL_FIELDS};
        if n > crate::engine::MAX_FIELDS {
            return Err(limit(path, format!("{n} params in one object; a table holds at most {}", crate::engine::MAX_FIELDS)));
        }
        self.params += n;
        if self.params > MAX_TOTAL_FIELDS + MAX_ANSWERS {
            return Err(limit(path, format!("more than {} params in the doc", MAX_TOTAL_FIELDS + MAX_ANSWERS)));
        }
        Ok(())
    }
}

fn shape(path: &str, message: impl Into<String>) -> Vec<TableProblem> {
    vec![TableProblem { path: path.to_string(), code: TableCode::Shape, message: message.into() }]
}

fn text_of(v: Option<&Value>) -> String {
    match v {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Number(n)) => n.to_string(),
        _ => String::new(),
    }
}

fn number_of(v: Option<&Value>) -> Option<u64> {
    match v {
        Some(Value::Number(n)) => n.as_u64(),
        Some(Value::String(s)) => s.trim().parse().ok(),
        _ => None,
    }
}

fn int_of(v: Option<&Value>) -> Option<i64> {
    match v {
        Some(Value::Number(n)) => n.as_i64(),
        Some(Value::String(s)) => s.trim().parse().ok(),
        _ => None,
    }
}

fn is_true(v: Option<&Value>) -> bool {
    matches!(v, Some(Value::Bool(true))) || matches!(v, Some(Value::String(s)) if s == "true")
}

/// Descriptions that say nothing (the doc center's drafts).
const PLACEHOLDERS: &[&str] = &["test", "测试", "无", "-", "null", "todo"];

/// A param's pieces, read leniently.
struct Param<'a> {
    name: String,
    /// The page's example column (the doc page importer's; the doc center's JSON has none).
    example: String,
    ty: String,
    description: String,
    required: bool,
    sub: &'a [Value],
    raw: &'a serde_json::Map<String, Value>,
}

fn param<'a>(v: &'a Value, path: &str) -> Result<Param<'a>, Vec<TableProblem>> {
    let Value::Object(m) = v else { return Err(shape(path, "a param is an object")) };
    let name = text_of(m.get("name"));
    if name.is_empty() {
        return Err(shape(path, "a param has no name"));
    }
    Ok(Param {
        name,
        example: text_of(m.get("example")).trim().chars().take(200).collect(),
        ty: text_of(m.get("type")).trim().to_string(),
        description: prose::bounded(text_of(m.get("description")).trim()).to_string(),
        required: is_true(m.get("required")),
        sub: m.get("subParams").and_then(Value::as_array).map(Vec::as_slice).unwrap_or(&[]),
        raw: m,
    })
}

/// A type name as a plain identifier (`EntryOrder[]` → `EntryOrder`); `Struct` when it is none.
fn type_name(ty: &str) -> String {
    let t = ty.trim_end_matches("[]");
    if crate::rules::table::load::is_name(t) {
        t.to_string()
    } else {
        "Struct".into()
    }
}

/// An example value of a scalar field, valid for its rule (the doc JSON has none).
fn example(f: &FieldDoc) -> String {
    match f.ty {
        TypeDoc::Text => {
            let n = f.max_len.unwrap_or(64) as usize;
            let base = if f.name.len() <= n { f.name.clone() } else { "A".repeat(n.max(1)) };
            base.chars().take(n.max(1)).collect()
        }
        TypeDoc::Long => f.min.filter(|m| *m > 1).unwrap_or(1).to_string(),
        TypeDoc::Bool => "true".into(),
        TypeDoc::Price => "9.90".into(),
        TypeDoc::Discount => "0.95".into(),
        TypeDoc::Date => "2026-12-01".into(),
        TypeDoc::Datetime => "2026-12-01 10:00:00".into(),
        TypeDoc::Enum => f.codes.as_ref().and_then(|c| c.first()).map(|c| c.code.clone()).unwrap_or_default(),
        TypeDoc::Object | TypeDoc::List => String::new(),
    }
}

/// `200`, `0.9000`: digits with at most one point, not leading with it.
fn plain_decimal(s: &str) -> bool {
    let (int, frac) = s.split_once('.').unwrap_or((s, "0"));
    !int.is_empty() && !frac.is_empty() && int.bytes().all(|b| b.is_ascii_digit()) && frac.bytes().all(|b| b.is_ascii_digit())
}

/// The page's example when it is a value the field accepts as it is (not a format or a code list).
fn page_example(f: &FieldDoc, ex: &str) -> Option<String> {
    if ex.is_empty() {
        return None;
    }
    let ok = match f.ty {
        TypeDoc::Text => {
            prose::date_form(ex).is_none()
                && prose::codes(ex).is_none()
                && f.max_len.is_none_or(|n| ex.encode_utf16().count() <= n as usize)
        }
        TypeDoc::Long => ex.parse::<i64>().is_ok_and(|n| f.min.is_none_or(|m| n >= m)),
        TypeDoc::Bool => ex == "true" || ex == "false",
        TypeDoc::Enum => f.codes.as_ref().is_some_and(|c| c.iter().any(|k| k.code == ex)),
        // A number as the page writes it (`200`, `0.9000`): the engine normalizes it. (Read as digits: float
        // parsing would add its tables to the wasm module for this alone.)
        TypeDoc::Price => plain_decimal(ex),
        TypeDoc::Discount => {
            plain_decimal(ex)
                && (ex.starts_with("0.") && ex.bytes().skip(2).any(|b| b != b'0') || ex.trim_end_matches('0') == "1." || ex == "1")
        }
        // A real date, not the format's placeholder.
        TypeDoc::Date => {
            ex.len() == 10 && ex.bytes().enumerate().all(|(i, b)| if i == 4 || i == 7 { b == b'-' } else { b.is_ascii_digit() })
        }
        TypeDoc::Datetime => {
            ex.len() == 19
                && ex.bytes().enumerate().all(|(i, b)| match i {
                    4 | 7 => b == b'-',
                    10 => b == b' ',
                    13 | 16 => b == b':',
                    _ => b.is_ascii_digit(),
                })
        }
        _ => false,
    };
    ok.then(|| ex.to_string())
}

impl Importer {
    /// One review item: what was done, in English and in Chinese (two arguments: neither can be left out).
    #[allow(clippy::too_many_arguments)]
    fn note(&mut self, field: &str, kind: ReviewKind, sure: Sure, decision: bool, what: String, what_zh: String, from: &str) {
        let from = from.chars().take(300).collect();
        self.review.push(ReviewItem { field: field.to_string(), kind, sure, decision, what, what_zh, from });
    }

    fn fields(&mut self, params: &[Value], path: &str, names: &str, depth: usize) -> Result<Vec<FieldDoc>, Vec<TableProblem>> {
        if depth > crate::rules::table::load::MAX_NESTING {
            return Err(vec![TableProblem {
                path: path.to_string(),
                code: TableCode::TooDeep,
                message: format!("params nest deeper than {} levels", crate::rules::table::load::MAX_NESTING),
            }]);
        }
        self.count(params.len(), path)?;
        let mut out: Vec<FieldDoc> = Vec::with_capacity(params.len());
        for (i, v) in params.iter().enumerate() {
            let at = format!("{path}[{i}]");
            let p = param(v, &at)?;
            if out.iter().any(|f| f.name == p.name) {
                // A doc listing one param twice: the first is kept.
                self.note(
                    &join(names, &p.name),
                    ReviewKind::Unsupported,
                    Sure::High,
                    false,
                    "listed twice in the doc; the first kept".into(),
                    "文档中列出了两次,保留第一个".into(),
                    "",
                );
                continue;
            }
            let f = self.field(&p, &format!("{at}.subParams"), &join(names, &p.name), depth)?;
            out.push(f);
        }
        // One label for two fields of this object.
        for (i, f) in out.iter().enumerate() {
            if f.label_zh.is_empty() || f.label_zh == f.name {
                continue;
            }
            if let Some(g) = out[..i].iter().find(|g| g.label_zh == f.label_zh) {
                let what = format!(
                    "{} and {} have the same label {:?}: an English label or a clearer one is a decision",
                    g.name, f.name, f.label_zh
                );
                let zh = format!("{} 和 {} 的标签相同(“{}”):英文标签或更清楚的标签需要确认", g.name, f.name, f.label_zh);
                self.note(&join(names, &f.name), ReviewKind::SameLabel, Sure::High, false, what, zh, &f.label_zh);
            }
        }
        Ok(out)
    }

    fn field(&mut self, p: &Param, sub_path: &str, names: &str, depth: usize) -> Result<FieldDoc, Vec<TableProblem>> {
        let d = p.description.as_str();
        let list = p.ty.ends_with("[]");
        let mut f = FieldDoc::new(&p.name, TypeDoc::Text);
        f.required = p.required;
        f.label_zh = prose::label(d);
        // A placeholder description (`test`, the name again) is no label: the name is.
        if f.label_zh.is_empty() || PLACEHOLDERS.contains(&f.label_zh.to_ascii_lowercase().as_str()) {
            f.label_zh = p.name.clone();
        }
        f.label_en = p.name.clone();
        if !p.required && d.contains("必填") && !d.contains("非必填") {
            let what =
                "the description says 必填 (required) but the doc does not mark it required: kept optional until someone decides".into();
            let zh = "描述写着必填,但文档没有标为必填:确认之前按选填处理".into();
            self.note(names, ReviewKind::Contradiction, Sure::Medium, true, what, zh, "必填");
        }
        if !p.sub.is_empty() {
            f.ty = if list { TypeDoc::List } else { TypeDoc::Object };
            f.type_name = Some(type_name(&p.ty));
            f.fields = Some(self.fields(p.sub, sub_path, names, depth + 1)?);
            if list {
                self.list_limit(&mut f, p, names);
            }
            return Ok(f);
        }
        match p.ty.as_str() {
            "String" => self.text(&mut f, p, names),
            "Number" | "Long" | "Integer" | "int" | "long" => {
                f.ty = TypeDoc::Long;
                f.min = int_of(p.raw.get("minValue"));
                if let Some(max) = int_of(p.raw.get("maxValue")) {
                    let what = format!("the doc's maxValue {max} is not checked (a long has no upper bound here)");
                    let zh = format!("文档的 maxValue {max} 不校验(这里的整数没有上限)");
                    self.note(names, ReviewKind::Unsupported, Sure::High, false, what, zh, "maxValue");
                }
                let numeric = |c: &prose::FoundCodes| c.codes.iter().all(|k| k.code.parse::<i64>().is_ok());
                if let Some(found) = prose::codes(d).filter(numeric).or_else(|| prose::codes(&p.example).filter(numeric)) {
                    self.enum_from(&mut f, found, names, true);
                }
            }
            "Boolean" | "boolean" => f.ty = TypeDoc::Bool,
            "Date" => f.ty = TypeDoc::Datetime,
            "Price" => f.ty = TypeDoc::Price,
            "BigDecimal" | "Double" | "Float" => {
                f.ty = TypeDoc::Price;
                let what = format!("a {} is read as a price (at most two decimals, at least 0): check the doc", p.ty);
                let zh = format!("{} 按价格读取(至多两位小数,不小于 0):请核对文档", p.ty);
                self.note(names, ReviewKind::Price, Sure::Low, true, what, zh, &p.ty);
            }
            other => {
                let (what, zh) = match other {
                    t if t.ends_with("[]") => (
                        format!("a {t} is read as text: the TOP form sends a list of scalars as its items joined by commas"),
                        format!("{t} 按文本读取:TOP 表单把标量列表的各项用逗号连起来发送"),
                    ),
                    "Map" | "Json" => {
                        (format!("a {other} is read as text: send its JSON text"), format!("{other} 按文本读取:请发送它的 JSON 文本"))
                    }
                    "" => ("the doc gives no type: read as text".to_string(), "文档没有给出类型:按文本读取".to_string()),
                    t => (format!("a {t} without subParams is read as text"), format!("没有 subParams 的 {t} 按文本读取")),
                };
                self.note(names, ReviewKind::Unsupported, Sure::Low, true, what, zh, other);
            }
        }
        f.example = page_example(&f, &p.example).unwrap_or_else(|| example(&f));
        Ok(f)
    }

    fn text(&mut self, f: &mut FieldDoc, p: &Param, names: &str) {
        let d = p.description.as_str();
        let declared = number_of(p.raw.get("maxLength")).filter(|n| (1..=1_000_000).contains(n)).map(|n| n as u32);
        // A date format in the description, or as the example (an example that is a format is no value).
        if let Some((form, from)) = prose::date_form(d).or_else(|| prose::date_form(&p.example)) {
            f.ty = if form == DateForm::Date { TypeDoc::Date } else { TypeDoc::Datetime };
            let (word, zh) = if form == DateForm::Date {
                ("a date (YYYY-MM-DD)", "日期(YYYY-MM-DD)")
            } else {
                ("a date-time (YYYY-MM-DD HH:MM:SS, GMT+8)", "日期时间(YYYY-MM-DD HH:MM:SS,GMT+8)")
            };
            let (what, zh) = (format!("read as {word}: the description names the format"), format!("按{zh}读取:描述写明了格式"));
            self.note(names, ReviewKind::Date, Sure::High, true, what, zh, &from);
            return;
        }
        if d.contains("{\"") || d.contains("[{") {
            let what = "the description reads like a JSON string's own fields: kept as text (send the JSON text)".into();
            let zh = "描述像是一个 JSON 字符串自身的字段:按文本保留(请发送 JSON 文本)".into();
            self.note(names, ReviewKind::Unsupported, Sure::Medium, false, what, zh, d);
            return;
        }
        // A code list in the description, or written as the example (`CJ=创建人SP =审批人ZZ=终止人`).
        if let Some(found) = prose::codes(d).or_else(|| prose::codes(&p.example)) {
            if self.enum_from(f, found, names, false) {
                return;
            }
        }
        let lower = p.name.to_ascii_lowercase();
        let label = f.label_zh.clone();
        let amount = label.contains("金额") || lower.ends_with("amount") || lower.ends_with("fee");
        if (label.contains("折扣") || lower.contains("discount")) && !amount && !label.contains('价') && !lower.ends_with("price") {
            f.ty = TypeDoc::Discount;
            self.note(
                names,
                ReviewKind::Price,
                Sure::Medium,
                true,
                "proposed as a discount rate (0 < d ≤ 1; 折 and % accepted)".into(),
                "建议按折扣率处理(0 < d ≤ 1,也接受“折”和 %)".into(),
                &label,
            );
            return;
        }
        if lower.ends_with("price") || (label.contains('价') && !label.contains("类型") && !label.contains("方式")) || amount {
            f.ty = TypeDoc::Price;
            self.note(
                names,
                ReviewKind::Price,
                Sure::Medium,
                true,
                "proposed as a price (≥ 0, at most two decimals, sent with two)".into(),
                "建议按价格处理(不小于 0,至多两位小数,发送时保留两位)".into(),
                &label,
            );
            return;
        }
        let prose_len = prose::length(d).filter(|(n, _)| (1..=1_000_000).contains(n));
        let declared = declared.map(u64::from);
        let limit = self.limit(declared, prose_len, names, ("maxLength", ReviewKind::Length, ("characters", "个字符")));
        f.max_len = limit.map(|n| n as u32);
    }

    /// Make `f` an enum of the codes found, unless the list is open. Whether it did.
    fn enum_from(&mut self, f: &mut FieldDoc, found: prose::FoundCodes, names: &str, numeric: bool) -> bool {
        let listed = found.codes.iter().map(|c| format!("{}={}", c.code, c.label)).collect::<Vec<_>>().join(", ");
        if found.open {
            let what = format!("looks like a code list ({listed}) but the doc says other values may come: kept as text");
            let zh = format!("看起来是代码列表({listed}),但文档说还可能有其他值:按文本保留");
            self.note(names, ReviewKind::OpenEnum, Sure::Low, false, what, zh, &found.source);
            return false;
        }
        // One spelling per code, ignoring case (as the engine matches codes).
        let mut codes: Vec<CodeDoc> = Vec::new();
        for c in found.codes.into_iter().take(crate::rules::table::load::MAX_CODES) {
            if codes.iter().any(|k| k.code.eq_ignore_ascii_case(&c.code)) {
                continue;
            }
            codes.push(CodeDoc { code: c.code, label_zh: c.label, label_en: String::new(), aliases: vec![] });
        }
        f.ty = TypeDoc::Enum;
        f.numeric = numeric;
        f.min = None;
        f.max_len = None;
        f.codes = Some(codes);
        let sure = if found.source.contains(';') || found.source.contains('；') { Sure::Medium } else { Sure::Low };
        self.note(
            names,
            ReviewKind::Enum,
            sure,
            true,
            format!("read as an enum of {listed}: a value outside it is refused"),
            format!("按枚举读取({listed}):其他值会被拒绝"),
            &found.source,
        );
        true
    }

    fn list_limit(&mut self, f: &mut FieldDoc, p: &Param, names: &str) {
        let declared = number_of(p.raw.get("maxListSize")).filter(|n| (1..=1_000_000).contains(n));
        let from_prose = prose::list_limit(&p.description).filter(|(n, _)| (1..=1_000_000).contains(n));
        let limit = self.limit(declared, from_prose, names, ("maxListSize", ReviewKind::ListLimit, ("entries", "条")));
        f.max_entries = limit.map(|n| n as usize);
    }

    /// A limit the doc declares (`maxLength`, `maxListSize`) and one its prose writes: the declared one wins
    /// and a disagreement is a decision; one from prose alone is used and reviewed.
    fn limit(
        &mut self,
        declared: Option<u64>,
        prose: Option<(u64, String)>,
        names: &str,
        (key, kind, (unit, unit_zh)): (&str, ReviewKind, (&str, &str)),
    ) -> Option<u64> {
        match (declared, prose) {
            (Some(n), Some((m, from))) if n != m => {
                let what = format!("{key} says {n}, the description {m}: {n} is used until someone decides");
                let zh = format!("{key} 写的是 {n},描述写的是 {m}:确认之前用 {n}");
                self.note(names, ReviewKind::Contradiction, Sure::Low, true, what, zh, &from);
                Some(n)
            }
            (Some(n), _) => Some(n),
            (None, Some((m, from))) => {
                let (what, zh) = (format!("at most {m} {unit}, from the description"), format!("至多 {m} {unit_zh},取自描述"));
                self.note(names, kind, Sure::Medium, true, what, zh, &from);
                Some(m)
            }
            (None, None) => None,
        }
    }

    fn answers(&mut self, params: &[Value], path: &str, depth: usize) -> Result<Vec<AnswerDoc>, Vec<TableProblem>> {
        self.count(params.len(), path)?;
        let mut out: Vec<AnswerDoc> = Vec::new();
        for (i, v) in params.iter().enumerate() {
            let p = param(v, &format!("{path}[{i}]"))?;
            // The platform's common fields are read for every method.
            if depth == 1 && crate::response::COMMON.iter().any(|c| c.wire == p.name || c.aliases.contains(&p.name.as_str())) {
                continue;
            }
            // The parsed result's name: the wire name in the SDK's lower camel case, as the messages write paths.
            let name = crate::report::messages::java_property(&p.name);
            if out.iter().any(|a| a.name == name) || depth > 8 {
                continue;
            }
            let mut a = AnswerDoc {
                wire: p.name.clone(),
                aliases: vec![],
                name,
                kind: AnswerKindDoc::Text,
                hoisted: false,
                of: None,
                field: None,
                fields: None,
            };
            let list = p.ty.ends_with("[]");
            if !p.sub.is_empty() {
                let inner = self.answers(p.sub, &format!("{path}[{i}].subParams"), depth + 1)?;
                a.kind = if list { AnswerKindDoc::Entries } else { AnswerKindDoc::Object };
                a.of = list.then(|| type_name(&p.ty));
                a.fields = Some(inner);
            } else if list {
                // A list of scalars has no reading here yet: left out, and said so.
                let what = format!("the answer's {} ({}) is not read: a list of scalars", p.name, p.ty);
                let zh = format!("响应中的 {}({})不读取:它是标量列表", p.name, p.ty);
                self.note(&format!("response.{}", p.name), ReviewKind::Unsupported, Sure::High, false, what, zh, &p.ty);
                continue;
            } else if matches!(p.ty.as_str(), "Boolean" | "boolean") {
                a.kind = AnswerKindDoc::Bool;
            }
            out.push(a);
        }
        Ok(out)
    }
}

fn join(names: &str, name: &str) -> String {
    if names.is_empty() {
        name.to_string()
    } else {
        format!("{names}.{name}")
    }
}

/// The list `chunk` splits: the one bounded list reached through objects only.
fn bounded_lists(fields: &[FieldDoc], path: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
    for f in fields {
        path.push(f.name.clone());
        match f.ty {
            TypeDoc::List if f.max_entries.is_some() => out.push(path.clone()),
            TypeDoc::Object => bounded_lists(f.fields.as_deref().unwrap_or(&[]), path, out),
            _ => {}
        }
        path.pop();
    }
}

pub(super) fn import(text: &str) -> Result<Imported, Vec<TableProblem>> {
    if let Some(at) = crate::rules::table::load::too_deep_at(text) {
        let message = format!("the doc nests deeper than {} levels (at byte {at})", crate::rules::table::load::MAX_JSON_DEPTH);
        return Err(vec![TableProblem { path: String::new(), code: TableCode::TooDeep, message }]);
    }
    let doc: Value = serde_json::from_str(text).map_err(|e| shape("", format!("not JSON: {e}")))?;
    let Value::Object(root) = &doc else { return Err(shape("", "the doc JSON is an object")) };
    import_value(root, Vec::new())
}

/// Import a doc JSON already parsed (the page importer builds one), after the `review` items it already has.
pub(super) fn import_value(root: &serde_json::Map<String, Value>, review: Vec<ReviewItem>) -> Result<Imported, Vec<TableProblem>> {
    let method = text_of(root.get("name")).trim().to_string();
    if method.is_empty() {
        return Err(shape("name", "the doc JSON has no name (the method)"));
    }
    let params = root.get("requestParams").and_then(Value::as_array).map(Vec::as_slice).unwrap_or(&[]);
    let mut im = Importer { review, params: 0 };
    let fields = im.fields(params, "requestParams", "", 1)?;
    if let [only] = fields.as_slice() {
        if only.name == "request" && only.ty == TypeDoc::Object {
            let what =
                "the doc wraps every field in one request param: the payload is { \"request\": { … } }, as the TOP form sends it".into();
            let zh = "文档把所有字段包在一个 request 参数里:报文是 { \"request\": { … } },与 TOP 表单的发送方式相同".into();
            im.note("request", ReviewKind::Root, Sure::High, false, what, zh, "requestParams[0]");
        }
    }
    let qimen = method.starts_with("qimen.") || root.get("qimenClient").is_some_and(|v| v == &Value::Bool(true));
    let routing = fields
        .iter()
        .find(|f| f.ty == TypeDoc::Text && f.name.eq_ignore_ascii_case("customerId"))
        .filter(|_| qimen)
        .map(|f| f.name.clone());
    let mut lists = Vec::new();
    bounded_lists(&fields, &mut Vec::new(), &mut lists);
    let chunked = match lists.as_slice() {
        [one] => {
            let (what, zh) = ("chunk splits this list, the only one with a limit".into(), "chunk 拆分这个列表(唯一有上限的列表)".into());
            im.note(&one.join("."), ReviewKind::Chunked, Sure::High, false, what, zh, "");
            one.clone()
        }
        [] => Vec::new(),
        many => {
            let names = many.iter().map(|p| p.join(".")).collect::<Vec<_>>().join(", ");
            im.note(
                "",
                ReviewKind::Chunked,
                Sure::Low,
                false,
                format!("several lists have limits ({names}): chunk splits none until the table names one"),
                format!("多个列表有上限({names}):规则表指定其中一个之前,chunk 不拆分任何列表"),
                "",
            );
            Vec::new()
        }
    };
    // The answer: inside the platform's `response` wrapper when the doc has one.
    let mut answer_params = root.get("responseParams").and_then(Value::as_array).map(Vec::as_slice).unwrap_or(&[]);
    if let [only] = answer_params {
        if only.get("name").and_then(Value::as_str) == Some("response") {
            answer_params = only.get("subParams").and_then(Value::as_array).map(Vec::as_slice).unwrap_or(&[]);
        }
    }
    let answers = im.answers(answer_params, "responseParams", 1)?;
    let flag = answers.iter().any(|a| a.name == "flag" && a.kind == AnswerKindDoc::Text);
    // A top-level boolean named for success (`success`, `is_success`, `qimendc_success`).
    let is_success = answers.iter().find(|a| a.kind == AnswerKindDoc::Bool && a.wire.to_ascii_lowercase().ends_with("success"));
    let success = if flag {
        im.note(
            "response.flag",
            ReviewKind::Success,
            Sure::High,
            false,
            "a call succeeded when flag is \"success\" (the Qimen rule)".into(),
            "flag 为 \"success\" 时调用成功(奇门的规则)".into(),
            "flag",
        );
        SuccessDoc::TextIs { name: "flag".into(), value: "success".into() }
    } else if let Some(a) = is_success {
        im.note(
            &format!("response.{}", a.wire),
            ReviewKind::Success,
            Sure::Medium,
            false,
            format!("a call succeeded when {} is true", a.wire),
            format!("{} 为 true 时调用成功", a.wire),
            &a.wire,
        );
        SuccessDoc::IsTrue { name: a.name.clone() }
    } else {
        im.note(
            "response",
            ReviewKind::Success,
            Sure::Medium,
            false,
            "no success field: any answer but an error_response is a success".into(),
            "没有表示成功的字段:除 error_response 以外的响应都算成功".into(),
            "",
        );
        SuccessDoc::Answered
    };
    let table = TableDoc {
        format: FORMAT.into(),
        method,
        title_zh: text_of(root.get("apiChineseName")).chars().take(200).collect(),
        summary: String::new(),
        summary_zh: prose::bounded(&text_of(root.get("description"))).chars().take(2000).collect::<String>().replace(['\r', '\t'], " "),
        protocol: if qimen { ProtocolDoc::Qimen } else { ProtocolDoc::Top },
        routing_field: routing,
        chunked,
        fields,
        checks: vec![],
        response: ResponseDoc { fields: answers, success },
    };
    Ok(Imported { table, review: im.review })
}
