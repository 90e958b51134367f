//! qimen-payload: validate, normalize and render request payloads for Taobao/Qimen inventory and product APIs.
//! This crate is the core: plain Rust, no wasm types. The layout is the architecture:
//!
//! - `rules/` — one file per API (its request and response tables, protocol facts) and the table vocabulary;
//! - `validate/` — the input tree, the generic walk, the cross-field checks, the normalizers;
//! - `report/` — the report, the typed violations and their messages per language;
//! - `wire/` — rendering, signing, requests, responses, chunking;
//! - `import/` — tables from the platform's doc JSON, every inference listed for review;
//! - `describe` — what is generated from the tables (JSON Schema, TypeScript, the README's tables, examples);
//! - `wasm/` — the thin binding, compiled only for `wasm32`.
//!
//! ```
//! let r = qimen_payload::check("taobao.inventory.shopinv.adjust", r#"{"shop_inventory_edit": {}}"#);
//! assert!(!r.ok);
//! assert_eq!(r.errors[0].path, "shop_inventory_edit.order_id");
//! ```

#[cfg(feature = "axum")]
pub mod axum;
pub mod describe;
pub mod import;
// Our own JSON reader: exact number literals without serde_json's arbitrary_precision (src/json.rs).
pub(crate) mod json;
pub mod report;
pub mod rules;
pub mod validate;
pub mod wire;

// The modules by their short names (the crate's public paths: `qimen_payload::render`, `::engine`, …).
pub(crate) use validate::checks;
pub use validate::{engine, input, norm, value};
pub use wire::{chunk, render, request, response, sign};

pub use engine::{check, check_input, check_value};
pub use report::{Code, Issue, Report, Violation};
pub use value::Val;

#[cfg(target_arch = "wasm32")]
pub mod wasm;
