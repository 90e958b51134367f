//! `qimen.taobao.pos.inventory.synchronize`: A store pushes its book stock to the ERP, overwriting the ERP's book stock (up to 20 items).
//!
//! Generated from the rule table by `cargo run --example gen_types -- --rust src/typed`. Do not edit.

use serde::{Deserialize, Serialize};

/// The payload of `qimen.taobao.pos.inventory.synchronize` in its canonical form: what `check` writes as the normalized value, and a payload it accepts unchanged.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Payload {
    /// Order information (订单信息).
    #[serde(rename = "orderInfo", default, skip_serializing_if = "Option::is_none")]
    pub order_info: Option<OrderInfo>,
    /// Items (商品). At most 20 entries.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item: Option<Vec<Item>>,
    /// Qimen customer id (奇门customerid).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customerid: Option<String>,
}

/// The object `orderInfo` (the SDK's `OrderInfo`): Order information (订单信息).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OrderInfo {
    /// Store code (提出申请的门店编码). Required.
    #[serde(rename = "storeCode")]
    pub store_code: String,
    /// Operators (操作).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub operator: Option<Vec<Operator>>,
}

/// One entry of `operator` (the SDK's `Operator`): Operators (操作).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Operator {
    /// Operator type (操作员类型). One of `CJ` creator, `SP` approver, `ZZ` terminator.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub type_: Option<String>,
    /// Operator code (操作员编码).
    #[serde(rename = "operatorCode", default, skip_serializing_if = "Option::is_none")]
    pub operator_code: Option<String>,
    /// Operator name (操作员名称).
    #[serde(rename = "operatorName", default, skip_serializing_if = "Option::is_none")]
    pub operator_name: Option<String>,
    /// Operation time (操作时间). `YYYY-MM-DD HH:MM:SS`, GMT+8.
    #[serde(rename = "operateTime", default, skip_serializing_if = "Option::is_none")]
    pub operate_time: Option<String>,
}

/// One entry of `item` (the SDK's `Struct`): Items (商品).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Item {
    /// Product (SPU) code (商品spu编码).
    #[serde(rename = "productCode", default, skip_serializing_if = "Option::is_none")]
    pub product_code: Option<String>,
    /// Item (SKU) code (商品sku编码). Required.
    #[serde(rename = "itemCode")]
    pub item_code: String,
    /// Book quantity at the POS (POS的账面数量). Required.
    #[serde(rename = "paperQty")]
    pub paper_qty: i64,
}
