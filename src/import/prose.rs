//! What a doc's prose says about a field: the label (its first clause), code lists, date formats, lengths and
//! list limits. Each reader is a plain linear scan of at most [`MAX_PROSE`] characters of the description; what
//! it finds is a proposal, which the importer lists for review.

/// Only this much of a description is read (the platform's longest are ~1,500 characters).
pub const MAX_PROSE: usize = 4000;

/// The description, bounded.
pub fn bounded(d: &str) -> &str {
    match d.char_indices().nth(MAX_PROSE) {
        Some((at, _)) => &d[..at],
        None => d,
    }
}

/// The label: the description's first clause (`货主编码,货主编码,string(50),,` → `货主编码`;
/// `入库单类型(SCRK=生产入库;…)` → `入库单类型`), at most 60 characters.
pub fn label(d: &str) -> String {
    let end = d.find(['(', '（', ',', '，', ';', '；', '。', '\n', ':', '：']).unwrap_or(d.len());
    let first = clean(&d[..end]);
    // A description that starts with a code list (`1:全量更新 2:…`) has no label before it.
    if first.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') && codes(d).is_some() {
        return String::new();
    }
    first
}

/// A label as a table may hold it: trimmed, control characters as spaces, at most 60 characters.
fn clean(s: &str) -> String {
    s.trim().chars().map(|c| if c.is_control() { ' ' } else { c }).take(60).collect()
}

/// One code of a list found in prose.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundCode {
    pub code: String,
    pub label: String,
}

/// A code list found in prose, and whether the prose says it is open (other values may come).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundCodes {
    pub codes: Vec<FoundCode>,
    pub open: bool,
    /// The text the list was read from.
    pub source: String,
}

fn code_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

fn ends_label(c: char) -> bool {
    matches!(c, ';' | '；' | ',' | '，' | '、' | '(' | ')' | '（' | '）' | '\n' | '|' | '。' | '/' | '】' | '【')
}

/// Read `CODE<sep>label` pairs (`ZP=正品;CC=残次`, `0:非自愿 1:自愿`, `NEW-未开始处理;ACCEPT-仓库接单`,
/// `CJ=创建人SP =审批人ZZ=终止人`). For `:` and `-` a label must start with a non-ASCII character (so that
/// `HH:MM:SS` and `YYYY-MM-DD` are no lists); for `-` a code is upper case or digits.
fn pairs(d: &str, sep: char) -> Vec<(usize, usize, FoundCode)> {
    let chars: Vec<(usize, char)> = d.char_indices().collect();
    let mut found: Vec<(usize, usize, usize, String)> = Vec::new(); // (code start char index, sep char index, label start, code)
    for (i, &(_, c)) in chars.iter().enumerate() {
        if c != sep && !(sep == ':' && c == '：') {
            continue;
        }
        // The code: the run of code characters before the separator (spaces between allowed).
        let mut j = i;
        while j > 0 && chars[j - 1].1 == ' ' {
            j -= 1;
        }
        let end = j;
        while j > 0 && code_char(chars[j - 1].1) {
            j -= 1;
        }
        if j == end || end - j > 32 {
            continue;
        }
        let code: String = chars[j..end].iter().map(|(_, c)| c).collect();
        if sep == '-' && !code.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_') {
            continue;
        }
        let mut k = i + 1;
        while k < chars.len() && chars[k].1 == ' ' {
            k += 1;
        }
        let Some(&(_, first)) = chars.get(k) else { continue };
        if ends_label(first) || (sep != '=' && first.is_ascii()) {
            continue;
        }
        found.push((j, i, k, code));
    }
    let mut out = Vec::new();
    for (n, (start, _, label_start, code)) in found.iter().enumerate() {
        // The label runs to a terminator, or to where the next pair's code starts.
        let limit = found.get(n + 1).map(|f| f.0).unwrap_or(chars.len());
        let mut end = *label_start;
        while end < limit && !ends_label(chars[end].1) {
            end += 1;
        }
        let label = clean(&chars[*label_start..end].iter().map(|(_, c)| c).collect::<String>());
        if !label.is_empty() {
            let (from, to) = (chars[*start].0, chars.get(end).map(|c| c.0).unwrap_or(d.len()));
            out.push((from, to, FoundCode { code: code.clone(), label }));
        }
    }
    out
}

/// Phrases that say a list is not the whole story.
const OPEN: &[&str] = &["其他渠道", "请找", "接口人", "申请", "不在范围", "例如", "比如", "如:", "如：", "等等", "等)", "等）", "…", "..."];

/// A code list in the prose, if it has at least two distinct codes.
pub fn codes(d: &str) -> Option<FoundCodes> {
    let d = bounded(d);
    // `Y/N` (and `Y/N,默认N`) is the yes/no list.
    if let Some(at) = d.find("Y/N") {
        let before = d[..at].chars().last();
        let after = d[at + 3..].chars().next();
        if !before.is_some_and(code_char) && !after.is_some_and(code_char) {
            let codes = vec![FoundCode { code: "Y".into(), label: "是".into() }, FoundCode { code: "N".into(), label: "否".into() }];
            return Some(FoundCodes { codes, open: false, source: "Y/N".into() });
        }
    }
    for sep in ['=', ':', '-'] {
        let found = pairs(d, sep);
        let mut codes: Vec<FoundCode> = Vec::new();
        for (_, _, c) in &found {
            if !codes.iter().any(|k| k.code == c.code) {
                codes.push(c.clone());
            }
        }
        if codes.len() < 2 {
            continue;
        }
        let (from, to) = (found[0].0, found[found.len() - 1].1);
        // Open when the text around the list (not its labels) says so.
        let rest = format!("{}{}", &d[..from], &d[to..]);
        let open = OPEN.iter().any(|p| rest.contains(p)) || d[from..to].ends_with('等');
        return Some(FoundCodes { codes, open, source: d[from..to].to_string() });
    }
    None
}

/// A date format named in prose: `YYYY-MM-DD HH:MM:SS` (date-time) or `YYYY-MM-DD` (date), any case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateForm {
    Date,
    DateTime,
}

pub fn date_form(d: &str) -> Option<(DateForm, String)> {
    let d = bounded(d);
    let lower = d.to_ascii_lowercase();
    let at = lower.find("yyyy-mm-dd")?;
    let rest = &lower[at + 10..];
    let time = rest.trim_start().starts_with("hh:mm");
    let len = if time { 10 + (rest.len() - rest.trim_start().len()) + 8.min(rest.trim_start().len()) } else { 10 };
    let source = d.get(at..at + len).unwrap_or(&d[at..at + 10]).to_string();
    Some((if time { DateForm::DateTime } else { DateForm::Date }, source))
}

/// The digits right after `at` in `d` (spaces, `:`, `为`, `是` skipped), as a number.
fn number_after(d: &str, at: usize) -> Option<(u64, usize)> {
    let rest = &d[at..];
    let skipped = rest.trim_start_matches([' ', ':', '：', '为', '是', '=']);
    let start = at + (rest.len() - skipped.len());
    let digits: String = skipped.chars().take_while(|c| c.is_ascii_digit()).take(9).collect();
    let n = digits.parse().ok()?;
    Some((n, start + digits.len()))
}

/// A length written in prose: `string(50)`, `最大长度50`, `长度不超过50`, `不超过50个字符`.
pub fn length(d: &str) -> Option<(u64, String)> {
    let d = bounded(d);
    let lower = d.to_ascii_lowercase();
    for key in ["string(", "varchar("] {
        if let Some(at) = lower.find(key) {
            if let Some((n, end)) = number_after(d, at + key.len()) {
                // With the closing parenthesis when it is one byte (a full-width one is not taken).
                return Some((n, d.get(at..end + 1).unwrap_or(&d[at..end]).to_string()));
            }
        }
    }
    for key in ["最大长度", "长度不超过", "长度不能超过", "长度最大"] {
        if let Some(at) = d.find(key) {
            if let Some((n, end)) = number_after(d, at + key.len()) {
                return Some((n, d[at..end].to_string()));
            }
        }
    }
    if let Some(at) = d.find("个字符") {
        // `不超过50个字符`: the number just before.
        let head = &d[..at];
        let digits: String = head.chars().rev().take_while(|c| c.is_ascii_digit()).collect::<Vec<_>>().into_iter().rev().collect();
        if let (Ok(n), true) = (digits.parse::<u64>(), head.trim_end_matches(|c: char| c.is_ascii_digit()).ends_with("不超过")) {
            return Some((n, format!("不超过{digits}个字符")));
        }
    }
    None
}

/// A list limit written in prose: `最多100条`, `一次最多不超过20条`, `不超过20个`, `最大100条`.
pub fn list_limit(d: &str) -> Option<(u64, String)> {
    let d = bounded(d);
    for key in ["最多不超过", "最多", "不超过", "最大", "上限"] {
        let mut from = 0;
        while let Some(off) = d[from..].find(key) {
            let at = from + off;
            if let Some((n, end)) = number_after(d, at + key.len()) {
                let unit = d[end..].chars().next();
                if matches!(unit, Some('条' | '个' | '行' | '笔')) {
                    let unit_len = unit.map(char::len_utf8).unwrap_or(0);
                    return Some((n, d[at..end + unit_len].to_string()));
                }
            }
            from = at + key.len();
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes_of(d: &str) -> Vec<(String, String)> {
        codes(d).map(|f| f.codes.into_iter().map(|c| (c.code, c.label)).collect()).unwrap_or_default()
    }
    fn pair(c: &str, l: &str) -> (String, String) {
        (c.into(), l.into())
    }

    #[test]
    fn code_lists_in_the_forms_the_issue_names() {
        assert_eq!(codes_of("add=新增 update=修改 delete=删除"), [pair("add", "新增"), pair("update", "修改"), pair("delete", "删除")]);
        assert_eq!(codes_of("CJ=创建人SP =审批人ZZ=终止人"), [pair("CJ", "创建人"), pair("SP", "审批人"), pair("ZZ", "终止人")]);
        assert_eq!(
            codes_of("库存类型(ZP=正品;CC=残次;JS=机损;XS=箱损;默认为ZP)"),
            [pair("ZP", "正品"), pair("CC", "残次"), pair("JS", "机损"), pair("XS", "箱损")]
        );
        assert_eq!(codes_of("1:全量更新 2: 出入库盘盈盘亏"), [pair("1", "全量更新"), pair("2", "出入库盘盈盘亏")]);
        assert_eq!(codes_of("是否(Y/N)"), [pair("Y", "是"), pair("N", "否")]);
        assert_eq!(codes_of("0-绝对时间，1-相对时间"), [pair("0", "绝对时间"), pair("1", "相对时间")]);
        assert_eq!(
            codes_of("BALANCE:盘点、NON_TAOBAO_TRADE:非淘宝交易"),
            [pair("BALANCE", "盘点"), pair("NON_TAOBAO_TRADE", "非淘宝交易")]
        );
        assert_eq!(codes_of("入库单状态(NEW-未开始处理;ACCEPT-仓库接单)"), [pair("NEW", "未开始处理"), pair("ACCEPT", "仓库接单")]);
        // Not lists: a date format, a time, one pair.
        assert!(codes("操作时间(YYYY-MM-DD HH:MM:SS)").is_none());
        assert!(codes("采购单号(当orderType=CGRK时使用)").is_none());
        // Open lists.
        assert!(codes("渠道(TB=淘宝;JD=京东;其他渠道请找接口人申请)").is_some_and(|f| f.open));
        assert!(codes("类型(ZP=正品;CC=残次)").is_some_and(|f| !f.open));
    }

    #[test]
    fn dates_lengths_limits_and_labels() {
        assert_eq!(date_form("操作时间(YYYY-MM-DD HH:MM:SS;当status=FULFILLED)").map(|d| d.0), Some(DateForm::DateTime));
        assert_eq!(date_form("商品生产日期(YYYY-MM-DD)").map(|d| d.0), Some(DateForm::Date));
        assert_eq!(date_form("时间, yyyy-MM-dd HH:mm:ss").map(|d| d.0), Some(DateForm::DateTime));
        assert_eq!(length("货主编码,货主编码,string(50),,").map(|l| l.0), Some(50));
        assert_eq!(length("备注,最大长度:200").map(|l| l.0), Some(200));
        assert_eq!(length("名称,不超过30个字符").map(|l| l.0), Some(30));
        assert_eq!(list_limit("明细,最多100条").map(|l| l.0), Some(100));
        assert_eq!(list_limit("一次最多不超过20条").map(|l| l.0), Some(20));
        assert_eq!(list_limit("不超过20个").map(|l| l.0), Some(20));
        assert_eq!(list_limit("最多100元"), None);
        assert_eq!(label("货主编码,货主编码,string(50),,"), "货主编码");
        assert_eq!(label("入库单类型(SCRK=生产入库)"), "入库单类型");
    }
}
