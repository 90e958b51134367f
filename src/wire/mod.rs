//! On the wire: rendering a normalized value as JSON or XML, signing, signed requests (TOP form and Qimen XML
//! body), reading answers (the sparse reader and the response tables), and chunking a long list.

pub mod chunk;
pub mod render;
pub mod request;
pub mod response;
pub mod sign;
