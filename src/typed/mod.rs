//! Typed structs of the shipped APIs (feature `typed`), one module per API: the payload in its canonical form,
//! for building a payload ([`crate::check_value`]) and for reading the normalized value back
//! ([`crate::Report::value_as`]). Exact: prices, discounts and dates are text, Longs `i64`.
//!
//! ```
//! use qimen_payload::typed::tmall_qimendc_inventory_sync::{InventoryItemDo, Payload};
//!
//! let payload = Payload {
//!     cp_code: Some("HN123".into()),
//!     customer_id: Some("C1".into()),
//!     items: Some(vec![InventoryItemDo { item_code: Some("A1".into()), quantity: Some(12), ..Default::default() }]),
//!     ..Default::default()
//! };
//! let report = qimen_payload::check_value("tmall.qimendc.inventory.sync", &payload);
//! let value: Payload = report.value_as()?.ok_or(report)?;
//! assert_eq!(value, payload);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! Generated from the rule tables by `cargo run --example gen_types -- --rust src/typed`. Do not edit.

pub mod qimen_taobao_pos_inventory_synchronize;
pub mod qimen_taobao_pos_items_synchronize;
pub mod taobao_inventory_shopinv_adjust;
pub mod tmall_qimendc_inventory_sync;
