//! qimen-payload: validate, normalize and render request payloads for four Taobao/Qimen inventory and product
//! APIs. This crate is the core: plain Rust, no wasm types. The wasm binding lives in `wasm.rs`, compiled only
//! for `wasm32`.
//!
//! ```
//! let r = qimen_payload::check("taobao.inventory.shopinv.adjust", r#"{"shop_inventory_edit": {}}"#);
//! assert!(!r.ok);
//! assert_eq!(r.errors[0].path, "shop_inventory_edit.order_id");
//! ```

mod checks;
pub mod chunk;
pub mod describe;
pub mod engine;
pub mod input;
pub mod norm;
pub mod render;
pub mod report;
pub mod request;
pub mod response;
pub mod rules;
pub mod sign;
pub mod value;

pub use engine::{check, check_input};
pub use report::{Code, Issue, Report, Violation};
pub use value::Val;

#[cfg(target_arch = "wasm32")]
pub mod wasm;
