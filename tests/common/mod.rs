//! Helpers shared by the integration suites (a directory module, so cargo does not run it as a suite).
#![allow(dead_code)]

pub mod case;
pub mod gen;
