//! Descriptions of the APIs derived from the rule tables (for `methods()`, documentation and forms).

use serde::Serialize;

use crate::rules::APIS;

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MethodInfo {
    pub method: &'static str,
    pub title_zh: &'static str,
    pub summary: &'static str,
    pub summary_zh: &'static str,
    /// The limited list's field name and its limit.
    pub list_field: Option<&'static str>,
    pub list_limit: Option<usize>,
}

/// The four APIs, in a fixed order.
pub fn methods() -> Vec<MethodInfo> {
    APIS.iter()
        .map(|a| {
            let limit = a.list_limit();
            MethodInfo {
                method: a.method,
                title_zh: a.title_zh,
                summary: a.summary,
                summary_zh: a.summary_zh,
                list_field: limit.map(|(f, _)| f),
                list_limit: limit.map(|(_, n)| n),
            }
        })
        .collect()
}
