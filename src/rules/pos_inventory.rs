//! `qimen.taobao.pos.inventory.synchronize` — a store pushes its book stock to the ERP.
//! Source: shared/seeds/qimen.taobao.pos.inventory.synchronize.txt; decisions: issue #3.

use super::answer::build::*;
use super::build::*;
use super::*;

const OPERATOR_TYPES: &[EnumCode] =
    &[code("CJ", "创建人", "creator"), code("SP", "审批人", "approver"), code("ZZ", "终止人", "terminator")];

const OPERATOR: &[Field] = &[
    field("type", Kind::Enum(EnumRule { numeric: false, codes: OPERATOR_TYPES }), OPTIONAL, "操作员类型", "Operator type", "CJ"),
    field("operatorCode", STR, OPTIONAL, "操作员编码", "Operator code", "operator005"),
    field("operatorName", STR, OPTIONAL, "操作员名称", "Operator name", "圆圆"),
    field("operateTime", Kind::DateTime, OPTIONAL, "操作时间", "Operation time", "2024-05-01 10:30:00"),
];

const ORDER_INFO: &[Field] = &[
    field("storeCode", STR, REQUIRED, "提出申请的门店编码", "Store code", "TERMINAL2425"),
    field(
        "operator",
        Kind::List(ListRule { type_name: "Operator", max: UNBOUNDED, min: 0, fields: OPERATOR, checks: &[] }),
        OPTIONAL,
        "操作",
        "Operators",
        "",
    ),
];

const ITEM: &[Field] = &[
    field("productCode", STR, OPTIONAL, "商品spu编码", "Product (SPU) code", "SPU178673"),
    field("itemCode", STR, REQUIRED, "商品sku编码", "Item (SKU) code", "SKUEWRYU178673"),
    field("paperQty", QTY, REQUIRED, "POS的账面数量", "Book quantity at the POS", "250"),
];

pub static API: Api = Api {
    method: "qimen.taobao.pos.inventory.synchronize",
    title_zh: "库存同步接口",
    summary: "A store pushes its book stock to the ERP, overwriting the ERP's book stock (up to 20 items).",
    summary_zh: "将门店的库存手动触发同步给ERP,覆盖ERP的账面库存(最多20条)",
    fields: &[
        field(
            "orderInfo",
            Kind::Object(ObjectRule { type_name: "OrderInfo", fields: ORDER_INFO, checks: &[] }),
            OPTIONAL,
            "订单信息",
            "Order information",
            "",
        ),
        field("item", Kind::List(ListRule { type_name: "Struct", max: 20, min: 0, fields: ITEM, checks: &[] }), OPTIONAL, "商品", "Items", ""),
        field("customerid", STR, OPTIONAL, "奇门customerid", "Qimen customer id", "qimen"),
    ],
    checks: &[Check::Unique { list: "item", key: "itemCode", severity: Severity::Error }, Check::WarnEmptyList { list: "item" }],
    // The seed's Java sample, with its placeholder values made real (operator type and time).
    protocol: Protocol::Qimen { routing_field: Some("customerid") },
    chunked: &["item"],
    // The seed's response table: flag, code, message (the last two are the platform's common fields).
    response: ResponseTable { fields: &[text("flag", "flag")], success: Success::TextIs { name: "flag", value: "success" } },
};
