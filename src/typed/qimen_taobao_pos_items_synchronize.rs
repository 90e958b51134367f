//! `qimen.taobao.pos.items.synchronize`: Product master data between POS and ERP: add, update or delete items with prices and discounts (up to 20 items).
//!
//! Generated from the rule table by `cargo run --example gen_types -- --rust src/typed`. Do not edit.

use serde::{Deserialize, Serialize};

/// The payload of `qimen.taobao.pos.items.synchronize` in its canonical form: what `check` writes as the normalized value, and a payload it accepts unchanged.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Payload {
    /// Action (操作). Required. One of `add` add, `update` update, `delete` delete.
    #[serde(rename = "actionType")]
    pub action_type: String,
    /// Total count (所有的总条数).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total: Option<i64>,
    /// Items (商品). At most 20 entries.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item: Option<Vec<Item>>,
    /// Customer id (routing) (指定路由参数). Required.
    pub customerid: String,
}

/// One entry of `item` (the SDK's `Struct`): Items (商品).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Item {
    /// Product (SPU) code (ERP的商品spu编码). Required.
    #[serde(rename = "productCode")]
    pub product_code: String,
    /// Item (SKU) code (ERP的商品sku编码). Required.
    #[serde(rename = "itemCode")]
    pub item_code: String,
    /// Manufacturer code (原厂编码).
    #[serde(rename = "originCode", default, skip_serializing_if = "Option::is_none")]
    pub origin_code: Option<String>,
    /// Item name (商品名称).
    #[serde(rename = "itemName", default, skip_serializing_if = "Option::is_none")]
    pub item_name: Option<String>,
    /// Barcode (条形码).
    #[serde(rename = "barCode", default, skip_serializing_if = "Option::is_none")]
    pub bar_code: Option<String>,
    /// SKU properties (商品属性). Required.
    #[serde(rename = "skuProperty")]
    pub sku_property: String,
    /// Colour code (颜色编码).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub color: Option<String>,
    /// Size code (尺码编码).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub size: Option<String>,
    /// Gross weight (毛重).
    #[serde(rename = "grossWeight", default, skip_serializing_if = "Option::is_none")]
    pub gross_weight: Option<String>,
    /// Net weight (净重).
    #[serde(rename = "netWeight", default, skip_serializing_if = "Option::is_none")]
    pub net_weight: Option<String>,
    /// Stock unit (商品计量单位).
    #[serde(rename = "stockUnit", default, skip_serializing_if = "Option::is_none")]
    pub stock_unit: Option<String>,
    /// Category id (商品类别Id).
    #[serde(rename = "categoryId", default, skip_serializing_if = "Option::is_none")]
    pub category_id: Option<String>,
    /// Category name (商品类别名称).
    #[serde(rename = "categoryName", default, skip_serializing_if = "Option::is_none")]
    pub category_name: Option<String>,
    /// Standard price (标准价). Required. A price with two decimals (`12.50`).
    #[serde(rename = "standardPrice")]
    pub standard_price: String,
    /// Reference price (参考价). Required. A price with two decimals (`12.50`).
    #[serde(rename = "referencePrice")]
    pub reference_price: String,
    /// Retail price (零售价). A price with two decimals (`12.50`).
    #[serde(rename = "retailPrice", default, skip_serializing_if = "Option::is_none")]
    pub retail_price: Option<String>,
    /// Tag price (吊牌价). A price with two decimals (`12.50`).
    #[serde(rename = "tagPrice", default, skip_serializing_if = "Option::is_none")]
    pub tag_price: Option<String>,
    /// Cost price (成本价). A price with two decimals (`12.50`).
    #[serde(rename = "costPrice", default, skip_serializing_if = "Option::is_none")]
    pub cost_price: Option<String>,
    /// Discount (折扣). A rate in (0, 1] with four decimals (`0.9000`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub discount: Option<String>,
    /// Price adjustment (调价).
    #[serde(rename = "priceAdjustment", default, skip_serializing_if = "Option::is_none")]
    pub price_adjustment: Option<PriceAdjustment>,
    /// Season code (季节编码).
    #[serde(rename = "seasonCode", default, skip_serializing_if = "Option::is_none")]
    pub season_code: Option<String>,
    /// Season name (季节名称).
    #[serde(rename = "seasonName", default, skip_serializing_if = "Option::is_none")]
    pub season_name: Option<String>,
    /// Brand code (品牌代码).
    #[serde(rename = "brandCode", default, skip_serializing_if = "Option::is_none")]
    pub brand_code: Option<String>,
    /// Brand name (品牌名称).
    #[serde(rename = "brandName", default, skip_serializing_if = "Option::is_none")]
    pub brand_name: Option<String>,
    /// Valid (是否有效). One of `Y` yes, `N` no.
    #[serde(rename = "isValid", default, skip_serializing_if = "Option::is_none")]
    pub is_valid: Option<String>,
    /// Created at (创建时间). `YYYY-MM-DD HH:MM:SS`, GMT+8.
    #[serde(rename = "createTime", default, skip_serializing_if = "Option::is_none")]
    pub create_time: Option<String>,
    /// Last updated at (最新更新时间). `YYYY-MM-DD HH:MM:SS`, GMT+8.
    #[serde(rename = "latestUpdateTime", default, skip_serializing_if = "Option::is_none")]
    pub latest_update_time: Option<String>,
}

/// The object `priceAdjustment` (the SDK's `Struct`): Price adjustment (调价).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PriceAdjustment {
    /// Adjustment type (调价类型). One of `0` adjust price, `1` adjust discount, `2` adjust price.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub type_: Option<String>,
    /// Adjusted price (调价后的价格). A price with two decimals (`12.50`).
    #[serde(rename = "standardPrice", default, skip_serializing_if = "Option::is_none")]
    pub standard_price: Option<String>,
    /// Discount (折扣). A rate in (0, 1] with four decimals (`0.9000`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub discount: Option<String>,
    /// Start date (调价开始日期). `YYYY-MM-DD`.
    #[serde(rename = "startDate", default, skip_serializing_if = "Option::is_none")]
    pub start_date: Option<String>,
    /// End date (调价结束日期). `YYYY-MM-DD`.
    #[serde(rename = "endDate", default, skip_serializing_if = "Option::is_none")]
    pub end_date: Option<String>,
}
