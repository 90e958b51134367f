//! A refused report as the platform answers a refused call: the `error_response` body (its TOP code and message,
//! the `sub_code` naming the first issue's path, `sub_msg` in the caller's language, the issues listed) and the
//! HTTP status a server gives it. What a Rust server answers (the `axum` extractor), and what the JS servers
//! answer a refused `check` with (through the wasm layer's `refusalText`); `errorResponse` in js/server.js
//! writes the same body from a report's read issues (`tests/node/refusal-agreement.test.mjs` holds the two
//! equal, byte for byte).

use super::{Code, Issue, Report, ShownList};

/// The most issues an `error_response` body lists (`error_count` says how many there were).
pub const MAX_LISTED: usize = 20;

/// The language of `sub_msg`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    /// Chinese, as the platform writes it.
    #[default]
    Zh,
    /// English.
    En,
}

/// The HTTP status of a refusal: 413 too large, 415 not JSON, 408 too slow, 400 otherwise.
pub fn status_of(report: &Report) -> u16 {
    status_of_errors(&report.errors)
}

/// [`status_of`] a refused report's errors.
pub fn status_of_errors(errors: &[Issue]) -> u16 {
    match errors.first().map(|i| i.code) {
        Some(Code::TooLarge) => 413,
        Some(Code::ContentType) => 415,
        Some(Code::Timeout) => 408,
        _ => 400,
    }
}

/// The platform's `error_response` body of a refused report, as JSON text: the same body the JS servers answer
/// (js/server.js; its issues in the form the JS API gives them, [`super::Shown`], `message` in `lang`).
///
/// ```
/// use qimen_payload::report::refusal::{error_response, status_of, Lang};
/// let r = qimen_payload::check("taobao.inventory.shopinv.adjust", r#"{"shop_inventory_edit": {}}"#);
/// let body: serde_json::Value = serde_json::from_str(&error_response(&r, Lang::En))?;
/// assert_eq!(body["error_response"]["code"], 40);
/// assert_eq!(body["error_response"]["sub_code"], "isv.missing-parameter:shop_inventory_edit.order_id");
/// assert_eq!(body["error_response"]["errors"][0]["segments"], serde_json::json!(["shop_inventory_edit", "order_id"]));
/// assert_eq!(status_of(&r), 400);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn error_response(report: &Report, lang: Lang) -> String {
    error_response_of(&report.errors, lang)
}

/// [`error_response`] of a refused report's errors.
pub fn error_response_of(errors: &[Issue], lang: Lang) -> String {
    let first = errors.first();
    let code = first.and_then(|i| i.top_code()).unwrap_or(41);
    let missing = code == 40;
    let msg = first
        .and_then(|i| i.top_message())
        .unwrap_or_else(|| if missing { "client-error:Missing required arguments" } else { "client-error:Invalid arguments" }.into());
    let kind = if missing { "isv.missing-parameter" } else { "isv.invalid-parameter" };
    let path = first.map(|i| i.path.as_str()).unwrap_or("");
    let sub_msg = first.map(|i| if lang == Lang::Zh { i.message_zh() } else { i.message() }).unwrap_or_else(|| "refused".into());
    let listed = &errors[..errors.len().min(MAX_LISTED)];
    let body = Body {
        error_response: Inner {
            code,
            msg,
            sub_code: format!("{kind}:{path}"),
            sub_msg,
            error_count: errors.len(),
            errors: ShownList(listed, Some(lang)),
        },
    };
    serde_json::to_string(&body).unwrap_or_default()
}

/// The body's members in the platform's order (serde_json's own map would sort them).
#[derive(serde::Serialize)]
struct Body<'a> {
    error_response: Inner<'a>,
}

#[derive(serde::Serialize)]
struct Inner<'a> {
    code: u32,
    msg: String,
    sub_code: String,
    sub_msg: String,
    error_count: usize,
    errors: ShownList<'a>,
}
