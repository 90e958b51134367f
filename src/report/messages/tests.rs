#![cfg(test)]
//! Tests of the messages: compiled only under `cfg(test)` (above, and `mod tests;` in `mod.rs`), so their `expect`s are
//! test assertions, never reached by user input.

use super::*;

fn at(path: &str) -> Place<'_> {
    Place { path, label: None, position: None }
}
use crate::report::violation::{Because, Bound, Malformed, ResponseProblem};

/// One sample of every variant (and every reason), with values free of letters, so that whatever letters a
/// message holds come from the message itself. `variant` is exhaustive: a new variant does not compile until
/// it has an index, and the test then fails until it has a sample.
fn samples() -> Vec<Violation> {
    use crate::report::violation::{
        BadChar as C, DateReason as D, EnumReason, Expected as E, FieldHint as H, Got as G, IntegerReason as I,
    };
    let v = || "1".to_string();
    let mut out = vec![
        Violation::Missing,
        Violation::MissingWhen { field: "", value: v() },
        Violation::TooFew { min: 1 },
        Violation::TooLong { length: 2, max: 1 },
        Violation::TooMany { count: 2, max: 1 },
        Violation::Enum { value: Some(v()), allowed: vec![v()].into(), reason: None },
        Violation::Enum { value: None, allowed: vec![v()].into(), reason: Some(EnumReason::NotQimen) },
        Violation::Decimal { value: v(), scale: Some(2), unit: None },
        Violation::Decimal { value: v(), scale: None, unit: None },
        Violation::Decimal { value: v(), scale: None, unit: Some("元") },
        Violation::Range {
            value: v(),
            bound: Bound::AtLeast(0),
            because: Some(Because { field: "", value: v(), why: crate::rules::Why { en: "x", zh: "因为" } }),
        },
        Violation::Range { value: v(), bound: Bound::Rate { hint: Some(v()) }, because: None },
        Violation::Range { value: v(), bound: Bound::TooBig, because: None },
        Violation::DuplicateKey { key: v() },
        Violation::DuplicateValue { value: v(), first: 0 },
        Violation::Order { value: v(), other: "", other_value: v() },
        Violation::InvalidChar { char: C::CodePoint('\u{1}'), index: 1 },
        Violation::InvalidChar { char: C::LoneSurrogate, index: 1 },
        Violation::UnknownField { hint: None },
        Violation::UnknownField { hint: Some(H::BelongsTo("")) },
        Violation::UnknownField { hint: Some(H::DidYouMean("")) },
        Violation::TooLarge { bytes: 2, limit: 1 },
        Violation::TooDeep { limit: 1 },
        Violation::UnknownMethod { value: v(), allowed: vec![] },
        Violation::Negative { value: v() },
        Violation::ZeroQuantity,
        Violation::EmptyList,
        Violation::CountMismatch { value: v(), count: 2 },
        Violation::CheckDigit { value: v(), expected: Some(1) },
        Violation::CheckDigit { value: v(), expected: None },
        Violation::TooManyIssues { limit: 1 },
        Violation::BodyTooLarge { bytes: 2, limit: 1, at_least: true },
        Violation::BodyTooLarge { bytes: 2, limit: 1, at_least: false },
        Violation::ContentType { content_type: "1".into() },
        Violation::Timeout { ms: 30_000 },
        Violation::Malformed(Malformed::Body { detail: "ECONNRESET".into() }),
        Violation::Malformed(Malformed::LoneSurrogateInText),
        Violation::Malformed(Malformed::Utf8 { byte: 1 }),
        Violation::Malformed(Malformed::RequestXml(ResponseProblem::Unclosed)),
    ];
    for e in [E::String, E::Integer, E::Boolean, E::Object, E::Array, E::Date, E::Datetime, E::Price, E::Discount, E::Value, E::DateLike]
        .into_iter()
        .chain([E::TextWithoutLoneSurrogates, E::Scalar])
    {
        out.push(Violation::Type { expected: e, got: G::Null, value: None });
        out.push(Violation::Type { expected: e, got: G::Null, value: Some(v()) });
    }
    for g in [
        G::Null,
        G::Boolean,
        G::Number,
        G::String,
        G::Array,
        G::Object,
        G::Date,
        G::Undefined,
        G::BigInt,
        G::NaN,
        G::Infinity,
        G::NegativeInfinity,
        G::Function,
        G::Symbol,
        G::UnreadableArray,
        G::ThrowingGetter,
        G::FakeDate,
        G::OpaqueProxy,
        G::UnreadableKeys,
        G::LoneSurrogateString,
        G::Instance(None),
        G::Instance(Some(v())),
    ] {
        out.push(Violation::Malformed(Malformed::NotAnObject { got: g.clone() }));
        out.push(Violation::Type { expected: E::String, got: g, value: None });
    }
    for r in [D::Day, D::Month, D::Time, D::NoTime, D::YearRange, D::Offset, D::EpochMillis, D::Syntax] {
        out.push(Violation::Date { value: v(), reason: r });
        out.push(Violation::Datetime { value: v(), reason: r });
    }
    for r in [I::Fraction, I::OutOfRange, I::Unsafe, I::Syntax] {
        out.push(Violation::Integer { value: v(), reason: r });
    }
    // serde_json's refusals, by their English wording (translated where known).
    for d in ["EOF while parsing an object", "trailing characters", "expected value", "key must be a string", "something new"] {
        out.push(Violation::Malformed(Malformed::Json { detail: d.into(), line: 1, column: 1 }));
        out.push(Violation::Malformed(Malformed::Response(ResponseProblem::NotJson { detail: d.into() })));
    }
    for p in [
        ResponseProblem::NeitherXmlNorJson,
        ResponseProblem::NotAnObject,
        ResponseProblem::NotXml { detail: "a b c".into() },
        ResponseProblem::ControlChar { byte: 1 },
        ResponseProblem::UndefinedEntity { detail: "a b".into() },
        ResponseProblem::Doctype,
        ResponseProblem::Unclosed,
        ResponseProblem::Unbalanced,
        ResponseProblem::NoRoot,
        ResponseProblem::TooManyValues { limit: 1 },
        ResponseProblem::DuplicateKey { key: "标志".into() },
    ] {
        out.push(Violation::Malformed(Malformed::Response(p)));
    }
    out
}

fn variant(v: &Violation) -> usize {
    match v {
        Violation::Missing => 0,
        Violation::MissingWhen { .. } => 1,
        Violation::TooFew { .. } => 2,
        Violation::Type { .. } => 3,
        Violation::TooLong { .. } => 4,
        Violation::TooMany { .. } => 5,
        Violation::Enum { .. } => 6,
        Violation::Date { .. } => 7,
        Violation::Datetime { .. } => 8,
        Violation::Integer { .. } => 9,
        Violation::Decimal { .. } => 10,
        Violation::Range { .. } => 11,
        Violation::DuplicateKey { .. } => 12,
        Violation::DuplicateValue { .. } => 13,
        Violation::Order { .. } => 14,
        Violation::InvalidChar { .. } => 15,
        Violation::UnknownField { .. } => 16,
        Violation::Malformed(_) => 17,
        Violation::TooLarge { .. } => 18,
        Violation::TooDeep { .. } => 19,
        Violation::UnknownMethod { .. } => 20,
        Violation::Negative { .. } => 21,
        Violation::ZeroQuantity => 22,
        Violation::EmptyList => 23,
        Violation::CountMismatch { .. } => 24,
        Violation::CheckDigit { .. } => 25,
        Violation::TooManyIssues { .. } => 26,
        Violation::BodyTooLarge { .. } => 27,
        Violation::ContentType { .. } => 28,
        Violation::Timeout { .. } => 29,
    }
}
const VARIANTS: usize = 30;

/// Latin words a Chinese message may hold: formats, standards and names that have no Chinese form.
const LATIN_ALLOWED: &[&str] =
    &["application/json", "YYYY-MM-DD", "HH:MM:SS", "GMT", "JSON", "XML", "UTF-8", "U+0001", "BigInt", "JS", "Unicode", "DOCTYPE"];

#[test]
fn every_variant_has_a_sample() {
    let mut seen = [false; VARIANTS];
    for s in samples() {
        seen[variant(&s)] = true;
    }
    let missing: Vec<usize> = (0..VARIANTS).filter(|i| !seen[*i]).collect();
    assert!(missing.is_empty(), "variants without a sample: {missing:?}");
}

#[test]
fn no_english_inside_a_chinese_message() {
    for s in samples() {
        let zh = message(&zh::Zh, &at(""), &s);
        let mut rest = zh.clone();
        for ok in LATIN_ALLOWED {
            rest = rest.replace(ok, "");
        }
        assert!(!rest.chars().any(|c| c.is_ascii_alphabetic()), "{s:?} → {zh}");
        assert!(zh.chars().any(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c)), "{s:?} → {zh}");
        let en = message(&en::En, &at(""), &s);
        // No Chinese in English either, except quoted values (a unit to remove) and the 折 notation's name.
        let unquoted: String = en.split('"').step_by(2).collect::<String>().replace("折", "");
        assert!(!unquoted.chars().any(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c)), "{s:?} → {en}");
    }
}

#[test]
fn the_three_messages_the_architecture_issue_found_wrong() {
    // A too-large price said "it must be within range" (its reason was never read).
    let big = Violation::Range { value: "1e+400".into(), bound: Bound::TooBig, because: None };
    assert_eq!(message(&en::En, &at("item[0].retailPrice"), &big), "item[0].retailPrice is \"1e+400\": too large for this field");
    // The full-mode reason was an English sentence inside the Chinese message.
    let full = Violation::Range {
        value: "-1".into(),
        bound: Bound::AtLeast(0),
        because: Some(Because {
            field: "check_mode",
            value: "1".into(),
            why: crate::rules::Why { en: "full mode overwrites the stock with this quantity", zh: "全量模式以此数量覆盖库存" },
        }),
    };
    assert_eq!(message(&zh::Zh, &at("q"), &full), "q 的值 \"-1\" 超出范围,应不小于 0(check_mode 为 1:全量模式以此数量覆盖库存)");
    assert_eq!(
        message(&en::En, &at("q"), &full),
        "q is \"-1\"; it must be at least 0 (check_mode = 1: full mode overwrites the stock with this quantity)"
    );
    // A discount said "greater than 0" in English but "0 到 1 之间" in Chinese.
    let rate = Violation::Range { value: "0".into(), bound: Bound::Rate { hint: None }, because: None };
    assert!(message(&en::En, &at("d"), &rate).ends_with("greater than 0 and at most 1"));
    assert!(message(&zh::Zh, &at("d"), &rate).ends_with("应大于 0 且不大于 1"));
}

#[test]
fn dotted_paths_drop_indices() {
    assert_eq!(dotted("item[3].itemCode"), "item.itemCode");
    assert_eq!(dotted("shop_inventory_edit.detail_list[2].sub_order_id"), "shop_inventory_edit.detail_list.sub_order_id");
}

#[test]
fn top_forms_name_the_java_property() {
    // What `RequestCheckUtils.checkNotEmpty(shopInventoryEdit, "shopInventoryEdit")` in the generated
    // TaobaoInventoryShopinvAdjustRequest says; the path stays the wire path.
    let (c, m) = top_form("shop_inventory_edit", &Violation::Missing);
    assert_eq!((c, m.as_str()), (40, "client-error:Missing required arguments:shopInventoryEdit"));
    let (_, m) = top_form("shop_inventory_edit.detail_list[2].sub_order_id", &Violation::Missing);
    assert_eq!(m, "client-error:Missing required arguments:shopInventoryEdit.detailList.subOrderId");
    let (_, m) = top_form("items", &Violation::TooMany { count: 101, max: 100 });
    assert_eq!(m, "client-error:Invalid arguments:the array size of items must be less than 100.");
    assert_eq!(java_property("orderInfo.storeCode"), "orderInfo.storeCode");
    assert_eq!(java_property("warehouse_code"), "warehouseCode");
    let (c, m) = top_form("item[0].itemCode", &Violation::Missing);
    assert_eq!((c, m.as_str()), (40, "client-error:Missing required arguments:item.itemCode"));
    let (c, m) = top_form("item", &Violation::TooMany { count: 21, max: 20 });
    assert_eq!((c, m.as_str()), (41, "client-error:Invalid arguments:the array size of item must be less than 20."));
}

#[test]
fn an_enum_issue_without_its_value_has_no_placeholder_text() {
    let v = Violation::Enum { value: None, allowed: vec!["md5".to_string()].into(), reason: None };
    let (en, zh) = describe(&at("options.signMethod"), &v);
    assert_eq!(en, "options.signMethod is not one of the allowed values: md5");
    assert_eq!(zh, "options.signMethod 的值不在可选范围内:md5");
}

#[test]
fn a_field_is_named_by_its_label_and_entry_number() {
    let r = crate::check(
        "qimen.taobao.pos.items.synchronize",
        &format!(
            r#"{{"actionType":"add","item":[{}]}}"#,
            (0..5)
                .map(|i| format!(r#"{{"itemCode":"A{i}","itemName":"n","retailPrice":"{}"}}"#, if i == 4 { "12.5元" } else { "1" }))
                .collect::<Vec<_>>()
                .join(",")
        ),
    );
    let Some(e) = r.errors.iter().find(|e| e.path == "item[4].retailPrice") else { panic!("no price error: {:?}", r.errors) };
    assert_eq!(e.position, Some(5));
    assert_eq!(e.label.map(|l| (l.en, l.zh)), Some(("Retail price", "零售价")));
    assert!(e.message().starts_with("Retail price (entry 5) is \"12.5元\""), "{}", e.message());
    assert!(e.message_zh().starts_with("零售价(第 5 条) 的值 \"12.5元\""), "{}", e.message_zh());
    // The fix is named: the unit to remove.
    assert!(e.message().ends_with("remove the unit \"元\""), "{}", e.message());
    assert!(e.message_zh().ends_with("请去掉单位\"元\""), "{}", e.message_zh());
    // The SDK form still names the property, not the label.
    assert!(e.top_message().as_deref().is_some_and(|m| m.contains("item.retailPrice")));
    // A member the table does not have keeps its path.
    let r = crate::check("qimen.taobao.pos.items.synchronize", r#"{"actionType":"add","item":[{"itemCode":"A","itemName":"n","nope":1}]}"#);
    let Some(w) = r.warnings.iter().find(|w| w.path == "item[0].nope") else { panic!("no unknown-field warning: {:?}", r.warnings) };
    assert_eq!((w.label, w.position), (None, Some(1)));
    assert!(w.message_zh().starts_with("item[0].nope 不是"), "{}", w.message_zh());
}
