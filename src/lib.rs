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
//!
//! # A call from start to end: check → render → sign → send → parse
//!
//! Every function takes the API by its method name or by the [`rules::Api`] handle got once by name, and
//! every refusal is a [`Report`] (an `std::error::Error`: `?` takes it into `Box<dyn Error>` or anyhow).
//!
//! ```
//! use qimen_payload::render::{render, Format};
//! use qimen_payload::request::{build_request, BuildOptions, Timestamp};
//! use qimen_payload::response::{parse_response, Out};
//!
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let api = qimen_payload::rules::api("tmall.qimendc.inventory.sync").ok_or("no such method")?;
//! let payload = r#"{"cp_code":"HN123","customer_id":"C1","items":[{"item_code":"A1","quantity":"1,200"}]}"#;
//!
//! // 1. Check: what the platform would refuse, before it does (here: thousands separators in a Long).
//! let report = qimen_payload::check(api, payload);
//! assert_eq!(report.errors[0].path, "items[0].quantity");
//! println!("{}", report.errors[0].message_zh());
//!
//! // The fixed payload is accepted and normalized (trimmed, canonical codes, exact Longs).
//! let payload = r#"{"cp_code":"HN123","customer_id":"C1","items":[{"item_code":" A1 ","quantity":1200}]}"#;
//! let report = qimen_payload::check(api, payload);
//! assert!(report.ok, "{report}");
//!
//! // 2. Render: the body as the platform's clients write it.
//! // (Members in the seed's order; values as `check` normalized them.)
//! let body = render(api, payload, Format::Json)?;
//! assert_eq!(body, r#"{"cp_code":"HN123","customer_id":"C1","items":[{"quantity":1200,"item_code":"A1"}]}"#);
//!
//! // 3. Sign: the whole request, system parameters and signature included.
//! let opts = BuildOptions::new("12345678", "my-secret").timestamp(Timestamp::Text("2026-12-02 10:00:00".into()));
//! let request = build_request(api, payload, &opts)?;
//! assert!(request.query_string.contains("method=tmall.qimendc.inventory.sync"));
//!
//! // 4. Send, with the HTTP client of your choice: POST `request.body` (as `request.content_type`) to the
//! //    router (`request::ENDPOINTS`) with `request.query_string` as the query.
//! let answer = r#"{"tmall_qimendc_inventory_sync_response":{"qimendc_code":200,"qimendc_success":true}}"#;
//!
//! // 5. Parse: success by the API's own rule, the fields by their names.
//! let parsed = parse_response(api, answer)?;
//! assert!(parsed.ok);
//! assert_eq!(parsed.get("qimendcCode"), Some(&Out::Text("200".into())));
//! # Ok(())
//! # }
//! ```
//!
//! An API the crate does not ship is a table file away ([`rules::registry::register`], the format in
//! [`rules::table`]); a table is imported from the platform's doc page or doc JSON by [`import`].

#![deny(missing_docs)]
#![cfg_attr(docsrs, feature(doc_cfg))]

#[cfg(feature = "axum")]
#[cfg_attr(docsrs, doc(cfg(feature = "axum")))]
pub mod axum;
pub mod describe;
pub mod import;
// Our own JSON reader: exact number literals without serde_json's arbitrary_precision (src/json.rs).
pub(crate) mod json;
pub(crate) mod order;
pub mod report;
pub mod rules;
#[cfg(feature = "typed")]
#[cfg_attr(docsrs, doc(cfg(feature = "typed")))]
pub mod typed;
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

/// The README's Rust blocks, compiled and run as doc tests (`cargo test --doc`), so they cannot rot.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
