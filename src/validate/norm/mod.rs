//! Scalar normalizers: each turns one input value into its canonical form, or says why it cannot (a typed
//! `Violation`). They know nothing of field names or paths; the engine attaches those.

pub mod datetime;
pub mod formats;
pub mod number;
pub mod text;
