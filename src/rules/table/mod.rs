//! Rule tables as data: the table format (`doc`), writing any table in it (`export`), and reading one back —
//! checked as the untrusted input it is — into the same [`Api`](crate::rules::Api) the compiled tables are
//! (`load`). The registry (`crate::rules::registry`) makes a loaded table callable by its method name.
//!
//! ```
//! use qimen_payload::rules::table;
//! let shipped = qimen_payload::rules::api("tmall.qimendc.inventory.sync").ok_or("no such method")?;
//! let mut doc = table::export(shipped);
//! doc.method = "example.qimendc.inventory.sync".into();
//! let text = serde_json::to_string(&doc)?;
//! let api = qimen_payload::rules::registry::register(&text).map_err(|p| p[0].message.clone())?;
//! assert_eq!(api.method, "example.qimendc.inventory.sync");
//! assert!(qimen_payload::check("example.qimendc.inventory.sync", r#"{"cp_code": "CP"}"#).ok);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

pub mod doc;
mod export;
pub mod load;
mod read;

pub use doc::{TableDoc, FORMAT};
pub use export::export;
pub use load::{TableCode, TableProblem};
