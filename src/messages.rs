//! Human messages (English and Chinese) and the TOP SDK client-error form, derived from code + path + params.

use crate::report::{Code, Param, Params};

fn p<'a>(params: &'a Params, key: &str) -> String {
    match params.get(key) {
        Some(Param::Str(s)) => s.clone(),
        Some(Param::Int(n)) => n.to_string(),
        Some(Param::List(l)) => l.join(", "),
        None => String::new(),
    }
}

fn quoted(params: &Params, key: &str) -> String {
    match params.get(key) {
        Some(_) => format!("\"{}\"", p(params, key)),
        None => String::new(),
    }
}

/// The (English, Chinese) messages of an issue.
pub fn describe(path: &str, code: Code, params: &Params) -> (String, String) {
    let at = if path.is_empty() { "payload".to_string() } else { path.to_string() };
    let at_zh = if path.is_empty() { "请求报文".to_string() } else { path.to_string() };
    let v = quoted(params, "value");
    let reason = p(params, "reason");
    match code {
        Code::Missing => match params.get("when") {
            Some(_) => (format!("{at} is required when {}", p(params, "when")), format!("{at_zh} 在 {} 时为必填项", p(params, "when"))),
            None if params.get("min").is_some() => {
                (format!("{at} needs at least {} entry", p(params, "min")), format!("{at_zh} 至少需要 {} 条", p(params, "min")))
            }
            None => (format!("{at} is required"), format!("{at_zh} 为必填项")),
        },
        Code::Type => (
            format!("{at} must be {}, not {}", article(&p(params, "expected")), p(params, "got")),
            format!("{at_zh} 的类型应为 {},实际为 {}", p(params, "expected"), p(params, "got")),
        ),
        Code::TooLong => (
            format!("{at} is {} characters long; at most {} allowed", p(params, "length"), p(params, "max")),
            format!("{at_zh} 长度为 {},最多 {} 个字符", p(params, "length"), p(params, "max")),
        ),
        Code::TooMany => (
            format!("{at} has {} entries; at most {} allowed per request (use chunk to split)", p(params, "count"), p(params, "max")),
            format!("{at_zh} 有 {} 条,每次请求最多 {} 条(可用 chunk 拆分)", p(params, "count"), p(params, "max")),
        ),
        // Without a `value` (one that must not be repeated, e.g. a secret passed as a sign method), the message
        // names only the place and the allowed values.
        Code::Enum if params.get("value").is_none() => (
            format!("{at} is not one of the allowed values: {}", p(params, "allowed")),
            format!("{at_zh} 的值不在可选范围内:{}", p(params, "allowed")),
        ),
        Code::Enum => {
            (format!("{at} is {v}; allowed: {}", p(params, "allowed")), format!("{at_zh} 的值 {v} 不在可选范围内:{}", p(params, "allowed")))
        }
        Code::Date | Code::Datetime => {
            let (fmt_en, fmt_zh) =
                if code == Code::Date { ("YYYY-MM-DD", "YYYY-MM-DD") } else { ("YYYY-MM-DD HH:MM:SS", "YYYY-MM-DD HH:MM:SS") };
            let (why, why_zh) = match reason.as_str() {
                "day" => ("no such day in that month", "该月没有这一天"),
                "month" => ("no such month", "月份不存在"),
                "time" => ("no such time of day", "时间不存在"),
                "no_time" => ("the time of day is missing", "缺少时间部分"),
                "year_range" => ("the year is outside 1000–9999", "年份超出 1000–9999"),
                "offset" => ("the zone offset is impossible", "时区偏移不合法"),
                "epoch_millis" => ("not whole epoch milliseconds", "不是整数毫秒时间戳"),
                _ => ("not a recognizable date", "无法识别的日期格式"),
            };
            (format!("{at} is {v}: {why}; expected {fmt_en} (GMT+8)"), format!("{at_zh} 的值 {v}:{why_zh};应为 {fmt_zh}(东八区)"))
        }
        Code::Integer => {
            let (why, why_zh) = match reason.as_str() {
                "fraction" => ("it has a fraction or exponent", "含有小数或指数"),
                "out_of_range" => ("it is outside the 64-bit integer range", "超出64位整数范围"),
                "unsafe" => (
                    "a JS number cannot hold it exactly (beyond 2^53); pass it as a string or a BigInt",
                    "超出 JS 数字的安全整数范围(2^53),请以字符串或 BigInt 传入",
                ),
                _ => ("it is not an integer", "不是整数"),
            };
            (format!("{at} is {v}: {why}"), format!("{at_zh} 的值 {v}:{why_zh}"))
        }
        Code::Decimal => match params.get("scale") {
            Some(_) => (
                format!("{at} is {v}: at most {} decimal places", p(params, "scale")),
                format!("{at_zh} 的值 {v}:最多 {} 位小数", p(params, "scale")),
            ),
            None => (format!("{at} is {v}: not a decimal number"), format!("{at_zh} 的值 {v} 不是合法的数字")),
        },
        Code::Range => {
            let bounds = match (params.get("min"), params.get("max")) {
                (Some(_), Some(_)) if p(params, "min") == "0" => {
                    format!("greater than {} and at most {}", p(params, "min"), p(params, "max"))
                }
                (Some(_), Some(_)) => format!("between {} and {}", p(params, "min"), p(params, "max")),
                (Some(_), None) => format!("at least {}", p(params, "min")),
                (None, Some(_)) => format!("at most {}", p(params, "max")),
                (None, None) => "within range".to_string(),
            };
            let bounds_zh = match (params.get("min"), params.get("max")) {
                (Some(_), Some(_)) => format!("{} 到 {} 之间", p(params, "min"), p(params, "max")),
                (Some(_), None) => format!("不小于 {}", p(params, "min")),
                (None, Some(_)) => format!("不大于 {}", p(params, "max")),
                (None, None) => "在合理范围内".to_string(),
            };
            let mut en = format!("{at} is {v}; it must be {bounds}");
            let mut zh = format!("{at_zh} 的值 {v} 超出范围,应{bounds_zh}");
            if let Some(why) = params.get("because") {
                let why = match why {
                    Param::Str(s) => s.clone(),
                    _ => String::new(),
                };
                en.push_str(&format!(" ({why})"));
                zh.push_str(&format!("({why})"));
            }
            if params.get("hint").is_some() {
                let h = p(params, "hint");
                en.push_str(&format!("; did you mean {h} (a rate in 折 notation)?"));
                zh.push_str(&format!(";是否想写 {h}?"));
            }
            (en, zh)
        }
        Code::Duplicate => match params.get("key") {
            Some(_) => (
                format!("{at} repeats the key \"{}\" in the same object", p(params, "key")),
                format!("{at_zh} 中键 \"{}\" 重复出现", p(params, "key")),
            ),
            None => (
                format!("{at} is {v}, already used by entry {}", p(params, "first")),
                format!("{at_zh} 的值 {v} 与第 {} 条重复", p(params, "first")),
            ),
        },
        Code::Order => (
            format!("{at} ({v}) is after {} ({})", p(params, "other"), quoted(params, "otherValue")),
            format!("{at_zh} ({v}) 晚于或大于 {} ({})", p(params, "other"), quoted(params, "otherValue")),
        ),
        Code::InvalidChar => (
            format!("{at} contains {} at position {}, which XML 1.0 cannot carry", p(params, "char"), p(params, "index")),
            format!("{at_zh} 在第 {} 个字符处含有 XML 1.0 不允许的字符 {}", p(params, "index"), p(params, "char")),
        ),
        Code::UnknownField => {
            let mut en = format!("{at} is not a field of this API and will not be sent");
            let mut zh = format!("{at_zh} 不是该接口的字段,不会被发送");
            if params.get("belongsTo").is_some() {
                en = format!("{at} belongs to {}, not here; it will not be sent from here", p(params, "belongsTo"));
                zh = format!("{at_zh} 应放在 {},放在此处不会被发送", p(params, "belongsTo"));
            } else if params.get("didYouMean").is_some() {
                en.push_str(&format!("; did you mean {}?", p(params, "didYouMean")));
                zh.push_str(&format!(";是否想写 {}?", p(params, "didYouMean")));
            }
            (en, zh)
        }
        Code::Malformed => {
            let detail = p(params, "detail");
            match params.get("line") {
                Some(_) => (
                    format!("the payload is not valid JSON: {detail} (line {}, column {})", p(params, "line"), p(params, "column")),
                    format!("请求报文不是合法的 JSON:{detail}(第 {} 行第 {} 列)", p(params, "line"), p(params, "column")),
                ),
                None => (format!("the payload {detail}"), format!("请求报文格式错误:{detail}")),
            }
        }
        Code::TooLarge => (
            format!("the payload is {} bytes; at most {} accepted", p(params, "bytes"), p(params, "limit")),
            format!("请求报文大小为 {} 字节,最多 {} 字节", p(params, "bytes"), p(params, "limit")),
        ),
        Code::TooDeep => {
            (format!("{at} nests deeper than {} levels", p(params, "limit")), format!("{at_zh} 嵌套超过 {} 层", p(params, "limit")))
        }
        Code::UnknownMethod => (
            format!("unknown method {v}; expected one of: {}", p(params, "allowed")),
            format!("未知的接口 {v},应为以下之一:{}", p(params, "allowed")),
        ),
        Code::Negative => (format!("{at} is negative ({v})"), format!("{at_zh} 为负数({v})")),
        Code::ZeroQuantity => {
            (format!("{at} is 0 in delta mode: this detail changes nothing"), format!("{at_zh} 在增量模式下为 0,该明细不会改变库存"))
        }
        Code::EmptyList => (format!("{at} is empty: nothing will be synchronized"), format!("{at_zh} 为空,没有任何数据会被同步")),
        Code::CountMismatch => (
            format!("{at} is {v} but the request carries {} entries", p(params, "count")),
            format!("{at_zh} 为 {v},但请求中有 {} 条", p(params, "count")),
        ),
        Code::CheckDigit => match params.get("expected") {
            Some(_) => (
                format!("{at} ({v}) has a wrong check digit; expected {}", p(params, "expected")),
                format!("{at_zh} ({v}) 校验位错误,应为 {}", p(params, "expected")),
            ),
            None => (
                format!("{at} ({v}) is neither a 15-digit registration number nor a valid 18-character unified social credit code"),
                format!("{at_zh} ({v}) 既不是15位注册号,也不是合法的18位统一社会信用代码"),
            ),
        },
        Code::TooManyIssues => (
            format!("more than {} issues; the rest are not listed", p(params, "limit")),
            format!("问题超过 {} 条,其余未列出", p(params, "limit")),
        ),
    }
}

fn article(word: &str) -> String {
    match word.chars().next() {
        Some('a' | 'e' | 'i' | 'o' | 'u') => format!("an {word}"),
        _ => format!("a {word}"),
    }
}

/// The dotted path the SDKs name a parameter by: `item[3].itemCode` → `item.itemCode`.
pub fn dotted(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    let mut in_index = false;
    for c in path.chars() {
        match c {
            '[' => in_index = true,
            ']' => in_index = false,
            _ if !in_index => out.push(c),
            _ => {}
        }
    }
    out
}

/// The Java property name the generated request classes pass to `RequestCheckUtils`, from a dotted wire
/// path: each segment in lower camel case (`shop_inventory_edit.detail_list` → `shopInventoryEdit.detailList`;
/// the POS APIs' names are camel case already and stay as they are).
pub fn java_property(dotted: &str) -> String {
    let mut out = String::with_capacity(dotted.len());
    let mut upper = false;
    for c in dotted.chars() {
        match c {
            '_' if !out.is_empty() && !out.ends_with('.') => upper = true,
            _ if upper => {
                out.extend(c.to_uppercase());
                upper = false;
            }
            _ => out.push(c),
        }
    }
    out
}

/// The TOP SDK client-error form of an error: (40, "Missing required arguments") or (41, "Invalid arguments").
/// The wording follows the Java SDK's `RequestCheckUtils`.
pub fn top_form(path: &str, code: Code, params: &Params) -> (u32, String) {
    let name = java_property(&dotted(path));
    if code == Code::Missing {
        return (40, format!("client-error:Missing required arguments:{name}"));
    }
    let detail = match code {
        Code::TooLong => format!("the string length of {name} can not be larger than {}.", p(params, "max")),
        Code::TooMany => format!("the array size of {name} must be less than {}.", p(params, "max")),
        Code::Range if params.get("min").is_some() && params.get("max").is_none() => {
            format!("the value of {name} can not be less than {}.", p(params, "min"))
        }
        _ if name.is_empty() => describe(path, code, params).0,
        _ => format!("{name}: {}", describe(path, code, params).0),
    };
    (41, format!("client-error:Invalid arguments:{detail}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dotted_paths_drop_indices() {
        assert_eq!(dotted("item[3].itemCode"), "item.itemCode");
        assert_eq!(dotted("shop_inventory_edit.detail_list[2].sub_order_id"), "shop_inventory_edit.detail_list.sub_order_id");
    }

    #[test]
    fn top_forms_name_the_java_property() {
        // What `RequestCheckUtils.checkNotEmpty(shopInventoryEdit, "shopInventoryEdit")` in the generated
        // TaobaoInventoryShopinvAdjustRequest says; the path stays the wire path.
        let (c, m) = top_form("shop_inventory_edit", Code::Missing, &Params::new());
        assert_eq!((c, m.as_str()), (40, "client-error:Missing required arguments:shopInventoryEdit"));
        let (_, m) = top_form("shop_inventory_edit.detail_list[2].sub_order_id", Code::Missing, &Params::new());
        assert_eq!(m, "client-error:Missing required arguments:shopInventoryEdit.detailList.subOrderId");
        let (_, m) = top_form("items", Code::TooMany, &Params::new().with("max", 100i64));
        assert_eq!(m, "client-error:Invalid arguments:the array size of items must be less than 100.");
        assert_eq!(java_property("orderInfo.storeCode"), "orderInfo.storeCode");
        assert_eq!(java_property("warehouse_code"), "warehouseCode");
    }

    #[test]
    fn an_enum_issue_without_its_value_has_no_placeholder_text() {
        let (en, zh) = describe("options.signMethod", Code::Enum, &Params::new().with("allowed", vec!["md5".to_string()]));
        assert_eq!(en, "options.signMethod is not one of the allowed values: md5");
        assert_eq!(zh, "options.signMethod 的值不在可选范围内:md5");
    }

    #[test]
    fn top_forms() {
        let (c, m) = top_form("item[0].itemCode", Code::Missing, &Params::new());
        assert_eq!((c, m.as_str()), (40, "client-error:Missing required arguments:item.itemCode"));
        let (c, m) = top_form("item", Code::TooMany, &Params::new().with("max", 20i64).with("count", 21i64));
        assert_eq!((c, m.as_str()), (41, "client-error:Invalid arguments:the array size of item must be less than 20."));
    }

    #[test]
    fn every_code_has_both_messages() {
        for code in Code::ALL {
            let (en, zh) = describe("a.b", code, &Params::new().with("value", "x"));
            assert!(!en.is_empty() && !zh.is_empty(), "{code:?}");
        }
    }
}
