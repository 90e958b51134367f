//! `tmall.qimendc.inventory.sync`: A WMS backfills historical stock data (up to 100 items).
//!
//! Generated from the rule table by `cargo run --example gen_types -- --rust src/typed`. Do not edit.

use serde::{Deserialize, Serialize};

/// The payload of `tmall.qimendc.inventory.sync` in its canonical form: what `check` writes as the normalized value, and a payload it accepts unchanged.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Payload {
    /// Warehouse/logistics provider code (仓配商编码).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cp_code: Option<String>,
    /// Date (日期). `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Owner id (货主ID).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer_id: Option<String>,
    /// Business registration number (工商注册码).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub biz_register_num: Option<String>,
    /// Items (商品). At most 100 entries.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub items: Option<Vec<InventoryItemDo>>,
    /// Request id (请求id).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub req_id: Option<String>,
}

/// One entry of `items` (the SDK's `InventoryItemDo`): Items (商品).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InventoryItemDo {
    /// Warehouse code (仓库编码).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub warehouse_code: Option<String>,
    /// Item name (商品名).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item_name: Option<String>,
    /// Production lot (生产批号).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub produce_code: Option<String>,
    /// Batch code (批次编码).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub batch_code: Option<String>,
    /// Locked quantity (冻结库存数量).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lock_quantity: Option<i64>,
    /// Inventory type (库存类型). One of `ZP` saleable, `CC` defective, `JS` machine-damaged, `XS` box-damaged, `ZT` in transit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inventory_type: Option<String>,
    /// Expiry date (商品过期日期). `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expire_date: Option<String>,
    /// Unlocked quantity (未冻结库存数量).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quantity: Option<i64>,
    /// WMS item id (仓储系统商品ID).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item_id: Option<String>,
    /// Production date (商品生产日期). `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub product_date: Option<String>,
    /// Item code (商品编码).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item_code: Option<String>,
}
