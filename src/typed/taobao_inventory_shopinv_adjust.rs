//! `taobao.inventory.shopinv.adjust`: Edit flash-sale store stock, full overwrite or delta, idempotent per sub-order (up to 20 details).
//!
//! Generated from the rule table by `cargo run --example gen_types -- --rust src/typed`. Do not edit.

use serde::{Deserialize, Serialize};

/// The payload of `taobao.inventory.shopinv.adjust` in its canonical form: what `check` writes as the normalized value, and a payload it accepts unchanged.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Payload {
    /// Inventory edit (库存编辑对象). Required.
    pub shop_inventory_edit: ShopInventoryEditDTO,
}

/// The object `shop_inventory_edit` (the SDK's `ShopInventoryEditDTO`): Inventory edit (库存编辑对象).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ShopInventoryEditDTO {
    /// Order id (not an idempotency key) (主单据号(非幂等字段)). Required.
    pub order_id: String,
    /// Store id (门店id). Required.
    pub store_id: i64,
    /// Check mode (编辑模式). Required. One of `1` full overwrite, `2` delta.
    pub check_mode: i64,
    /// Details (库存编辑明细). Required. At most 20 entries.
    pub detail_list: Vec<ShopInventoryEditDetailDTO>,
    /// Recover deleted stock rows (是否重新激活已删除的库存行). Required.
    pub recover_deleted_data: bool,
}

/// One entry of `detail_list` (the SDK's `ShopInventoryEditDetailDTO`): Details (库存编辑明细).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ShopInventoryEditDetailDTO {
    /// Item id (商品id). Required. At least 1.
    pub item_id: i64,
    /// SKU id (0 = no SKU) (skuid(无sku填0)). Required. At least 0.
    pub sku_id: i64,
    /// Sub-order id (idempotency key) (子单据号(幂等字段)). Required.
    pub sub_order_id: String,
    /// Quantity (调整数量). Required.
    pub quantity: i64,
}
