//! Scalar normalizers: each turns one input value into its canonical form, or says why it cannot.
//! They know nothing of field names or paths; the engine attaches those.

pub mod datetime;
pub mod formats;
pub mod number;
pub mod text;

use crate::report::{Code, Params};

/// Why a value was refused: a code and the parameters that explain it.
#[derive(Debug, Clone, PartialEq)]
pub struct Bad {
    pub code: Code,
    pub params: Params,
}

impl Bad {
    pub fn new(code: Code) -> Bad {
        Bad { code, params: Params::new() }
    }
    pub fn with(mut self, key: &'static str, value: impl Into<crate::report::Param>) -> Bad {
        self.params = self.params.with(key, value);
        self
    }
}
