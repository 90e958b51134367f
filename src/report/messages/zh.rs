//! 中文提示。No English words here: a test renders every variant and checks the script.

use super::{Messages, Place};
use crate::norm::text::code_point;
use crate::report::violation::{
    Allowed, BadChar, Because, Bound, DateReason, EnumReason, Expected, FieldHint, Got, IntegerReason, Malformed, ResponseProblem,
};

/// Chinese messages (中文提示).
pub struct Zh;

/// serde_json's English refusal, in Chinese (by its stable wording; anything else is a plain syntax error).
fn json_detail(detail: &str) -> &'static str {
    const WORDS: &[(&str, &str)] = &[
        ("EOF while parsing", "文本意外结束"),
        ("trailing characters", "JSON 之后还有多余的字符"),
        ("trailing comma", "多余的逗号"),
        ("expected value", "此处应为一个值"),
        ("expected `,` or `}`", "此处应为逗号或 }"),
        ("expected `,` or `]`", "此处应为逗号或 ]"),
        ("expected `:`", "此处应为冒号"),
        ("expected ident", "无法识别的字面量"),
        ("key must be a string", "键必须是字符串"),
        ("invalid number", "数字不合法"),
        ("number out of range", "数字超出范围"),
        ("control character", "字符串中含有未转义的控制字符"),
        ("invalid escape", "转义序列不合法"),
        ("invalid unicode code point", "Unicode 码点不合法"),
        ("lone leading surrogate", "含有孤立的代理项"),
        ("unexpected end of hex escape", "转义序列不完整"),
        ("recursion limit exceeded", "嵌套过深"),
    ];
    WORDS.iter().find(|(en, _)| detail.starts_with(en)).map_or("语法错误", |(_, zh)| zh)
}

fn response_problem(p: &ResponseProblem) -> String {
    match p {
        ResponseProblem::NotJson { detail } => format!("不是合法的 JSON:{}", json_detail(detail)),
        ResponseProblem::NeitherXmlNorJson => "既不是 XML 也不是 JSON 对象".into(),
        ResponseProblem::NotAnObject => "不是一个对象".into(),
        ResponseProblem::NotXml { .. } => "不是格式正确的 XML".into(),
        ResponseProblem::ControlChar { byte } => format!("含有 XML 1.0 不允许的控制字符 {}", code_point(char::from(*byte))),
        ResponseProblem::UndefinedEntity { .. } => "含有未定义的实体引用".into(),
        ResponseProblem::Doctype => "含有 DOCTYPE 声明,不予接受".into(),
        ResponseProblem::Unclosed => "在元素闭合之前就结束了".into(),
        ResponseProblem::Unbalanced => "含有不匹配的结束标签".into(),
        ResponseProblem::NoRoot => "没有根元素".into(),
        ResponseProblem::TooManyValues { limit } => format!("在应答字段处含有超过 {limit} 个值,这些接口的应答不会有这么多"),
        ResponseProblem::DuplicateKey { key } => format!("同一对象中字段 \"{key}\" 出现了两次,无法判断以哪个为准"),
    }
}

impl Messages for Zh {
    fn place(&self, p: &Place) -> String {
        match (p.label, p.position) {
            (Some(l), Some(n)) => format!("{}(第 {n} 条)", l.zh),
            (Some(l), None) => l.zh.to_string(),
            (None, _) if p.path.is_empty() => self.payload().to_string(),
            (None, _) => p.path.to_string(),
        }
    }
    fn payload(&self) -> &'static str {
        "请求报文"
    }
    fn expected(&self, e: Expected) -> &'static str {
        match e {
            Expected::String => "字符串",
            Expected::Integer => "整数",
            Expected::Boolean => "布尔值",
            Expected::Object => "对象",
            Expected::Array => "数组",
            Expected::Date => "日期",
            Expected::Datetime => "日期时间",
            Expected::Price => "价格",
            Expected::Discount => "折扣率",
            Expected::Value => "可读取的值",
            Expected::DateLike => "日期对象、毫秒时间戳或日期文本",
            Expected::TextWithoutLoneSurrogates => "不含孤立代理项的文本",
            Expected::Scalar => "字符串、数字或布尔值",
        }
    }
    fn got(&self, g: &Got) -> String {
        match g {
            Got::Null => "空值".into(),
            Got::Boolean => "布尔值".into(),
            Got::Number => "数字".into(),
            Got::String => "字符串".into(),
            Got::Array => "数组".into(),
            Got::Object => "对象".into(),
            Got::Date => "日期对象".into(),
            Got::Undefined => "未定义的值".into(),
            Got::BigInt => "大整数".into(),
            Got::NaN => "非数字值".into(),
            Got::Infinity => "正无穷大".into(),
            Got::NegativeInfinity => "负无穷大".into(),
            Got::Function => "函数".into(),
            Got::Symbol => "符号值".into(),
            Got::UnreadableArray => "无法读取长度的数组".into(),
            Got::ThrowingGetter => "读取时抛出异常的值".into(),
            Got::FakeDate => "并非真正日期的对象".into(),
            Got::OpaqueProxy => "无法读取原型的对象(已撤销或会抛出异常的代理)".into(),
            Got::UnreadableKeys => "无法读取键的对象(会抛出异常的代理)".into(),
            Got::LoneSurrogateString => "含孤立代理项的字符串".into(),
            Got::Instance(Some(name)) => format!("{name} 对象"),
            Got::Instance(None) => "非普通对象".into(),
        }
    }
    fn missing(&self, at: &str) -> String {
        format!("{at} 为必填项")
    }
    fn missing_when(&self, at: &str, field: &str, value: &str) -> String {
        format!("{at} 在 {field} 为 {value} 时为必填项")
    }
    fn too_few(&self, at: &str, min: usize) -> String {
        format!("{at} 至少需要 {min} 条")
    }
    fn type_error(&self, at: &str, expected: Expected, got: &Got, value: Option<&str>) -> String {
        match value {
            Some(v) => format!("{at} 的值 \"{v}\" 不是{}", self.expected(expected)),
            None => format!("{at} 的类型应为{},实际为{}", self.expected(expected), self.got(got)),
        }
    }
    fn too_long(&self, at: &str, length: usize, max: usize) -> String {
        format!("{at} 长度为 {length},最多 {max} 个字符")
    }
    fn too_many(&self, at: &str, count: usize, max: usize) -> String {
        format!("{at} 有 {count} 条,每次请求最多 {max} 条(请拆分为多次请求)")
    }
    fn enum_value(&self, at: &str, value: Option<&str>, allowed: &Allowed, reason: Option<EnumReason>) -> String {
        let allowed = allowed.join("、");
        let why = match reason {
            Some(EnumReason::NotQimen) => "(只有奇门接口可以使用 XML 报文)",
            None => "",
        };
        match value {
            Some(v) => format!("{at} 的值 \"{v}\" 不在可选范围内:{allowed}{why}"),
            None => format!("{at} 的值不在可选范围内:{allowed}{why}"),
        }
    }
    fn date(&self, at: &str, value: &str, reason: DateReason, with_time: bool) -> String {
        let why = match reason {
            DateReason::Day => "该月没有这一天",
            DateReason::Month => "月份不存在",
            DateReason::Time => "时间不存在",
            DateReason::NoTime => "缺少时间部分",
            DateReason::YearRange => "年份超出 1000–9999",
            DateReason::Offset => "时区偏移不合法",
            DateReason::EpochMillis => "不是整数毫秒时间戳",
            DateReason::Syntax => "无法识别的日期格式",
        };
        let format = if with_time { crate::rules::DATETIME_FORM } else { crate::rules::DATE_FORM };
        format!("{at} 的值 \"{value}\":{why};应为 {format}(东八区)")
    }
    fn integer(&self, at: &str, value: &str, reason: IntegerReason) -> String {
        let why = match reason {
            IntegerReason::Fraction => "含有小数或指数",
            IntegerReason::OutOfRange => "超出 64 位整数范围",
            IntegerReason::Unsafe => "超出 JS 数字的安全整数范围(2^53),请以字符串或 BigInt 传入",
            IntegerReason::Syntax => "不是整数",
            IntegerReason::Grouped => {
                return format!("{at} 的值 \"{value}\":请去掉千位分隔符(写作 {})", value.replace([',', '，'], ""));
            }
        };
        format!("{at} 的值 \"{value}\":{why}")
    }
    fn decimal(&self, at: &str, value: &str, scale: Option<u32>, unit: Option<&str>) -> String {
        match (scale, unit) {
            (Some(s), _) => format!("{at} 的值 \"{value}\":最多 {s} 位小数"),
            (None, Some(u)) => format!("{at} 的值 \"{value}\" 不是合法的数字;请去掉单位\"{u}\""),
            (None, None) => format!("{at} 的值 \"{value}\" 不是合法的数字"),
        }
    }
    fn range(&self, at: &str, value: &str, bound: &Bound, because: Option<&Because>) -> String {
        let mut s = match bound {
            Bound::AtLeast(min) => format!("{at} 的值 \"{value}\" 超出范围,应不小于 {min}"),
            Bound::Rate { .. } => format!("{at} 的值 \"{value}\" 超出范围,应大于 0 且不大于 1"),
            Bound::TooBig => format!("{at} 的值 \"{value}\" 过大,超出该字段能表示的范围"),
        };
        if let Some(Because { field, value, why }) = because {
            s.push_str(&format!("({field} 为 {value}:{})", why.zh));
        }
        if let Bound::Rate { hint: Some(h) } = bound {
            s.push_str(&format!(";是否想写 {h}?"));
        }
        s
    }
    fn duplicate_key(&self, at: &str, key: &str) -> String {
        format!("{at} 中键 \"{key}\" 重复出现")
    }
    fn duplicate_value(&self, at: &str, value: &str, first: usize) -> String {
        format!("{at} 的值 \"{value}\" 与第 {} 条重复", first + 1)
    }
    fn order(&self, at: &str, value: &str, other: &str, other_value: &str) -> String {
        format!("{at} (\"{value}\") 晚于或大于 {other} (\"{other_value}\")")
    }
    fn invalid_char(&self, at: &str, c: &BadChar, index: usize) -> String {
        let c = match c {
            BadChar::CodePoint(_) => c.as_param(),
            BadChar::LoneSurrogate => "孤立代理项".into(),
        };
        format!("{at} 在第 {index} 个字符处含有 XML 1.0 不允许的字符 {c}")
    }
    fn unknown_field(&self, at: &str, hint: Option<&FieldHint>) -> String {
        match hint {
            Some(FieldHint::BelongsTo(b)) => format!("{at} 应放在 {b},放在此处不会被发送"),
            Some(FieldHint::DidYouMean(d)) => format!("{at} 不是该接口的字段,不会被发送;是否想写 {d}?"),
            None => format!("{at} 不是该接口的字段,不会被发送"),
        }
    }
    fn malformed(&self, m: &Malformed) -> String {
        match m {
            Malformed::Json { detail, line, column } => {
                format!("请求报文不是合法的 JSON:{}(第 {line} 行第 {column} 列)", json_detail(detail))
            }
            Malformed::LoneSurrogateInText => "请求报文的 JSON 文本含有孤立代理项".into(),
            Malformed::Utf8 { byte } => format!("请求报文的字节不是合法的 UTF-8(第 {byte} 字节处)"),
            Malformed::NotAnObject { got } => format!("请求报文应为 JSON 对象,实际为{}", self.got(got)),
            Malformed::Response(p) => format!("应答报文{}", response_problem(p)),
            Malformed::RequestXml(p) => format!("请求报文{}", response_problem(p)),
            // The runtime's own words (a stream error) are not repeated: they are English.
            Malformed::Body { .. } => "无法读取请求体(传输中断)".into(),
        }
    }
    fn too_large(&self, bytes: usize, limit: usize) -> String {
        format!("请求报文大小为 {bytes} 字节,最多 {limit} 字节")
    }
    fn too_deep(&self, at: &str, limit: usize) -> String {
        format!("{at} 嵌套超过 {limit} 层")
    }
    fn unknown_method(&self, value: &str, allowed: &[&str]) -> String {
        format!("未知的接口 \"{value}\",应为以下之一:{}", allowed.join("、"))
    }
    fn body_too_large(&self, bytes: usize, limit: usize, at_least: bool) -> String {
        format!("请求体{} {bytes} 字节,上限为 {limit} 字节", if at_least { "超过" } else { "为" })
    }
    fn content_type(&self, content_type: &str) -> String {
        format!("请求体须为 JSON(application/json),而不是 {content_type}")
    }
    fn timeout(&self, ms: u64) -> String {
        format!("请求体未在 {} 秒内传完", ms / 1000)
    }
    fn negative(&self, at: &str, value: &str) -> String {
        format!("{at} 为负数(\"{value}\")")
    }
    fn zero_quantity(&self, at: &str) -> String {
        format!("{at} 在增量模式下为 0,该明细不会改变库存")
    }
    fn empty_list(&self, at: &str) -> String {
        format!("{at} 为空,没有任何数据会被同步")
    }
    fn count_mismatch(&self, at: &str, value: &str, count: usize) -> String {
        format!("{at} 为 \"{value}\",但请求中有 {count} 条")
    }
    fn check_digit(&self, at: &str, value: &str, expected: Option<u32>) -> String {
        match expected {
            Some(e) => format!("{at} (\"{value}\") 校验位错误,应为 {e}"),
            None => format!("{at} (\"{value}\") 既不是 15 位注册号,也不是合法的 18 位统一社会信用代码"),
        }
    }
    fn too_many_issues(&self, limit: usize) -> String {
        format!("问题超过 {limit} 条,其余未列出")
    }
}
