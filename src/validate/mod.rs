//! Validation: the input tree (JSON text or a JS value), the generic walk over a rule table (`engine`), the
//! cross-field checks (`checks`), the scalar normalizers (`norm`) and the normalized value they produce.

pub(crate) mod checks;
pub mod engine;
pub mod input;
pub mod norm;
pub(crate) mod pass;
pub mod value;
pub mod xml_input;
