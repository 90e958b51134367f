//! An axum extractor (feature `axum`): `Checked<M>` checks a request body against API `M`'s table before the
//! handler runs, and rejects a refused body as the platform rejects a call — the `error_response` body of
//! [`report::refusal`](crate::report::refusal) (TOP code, `sub_code` with the path, `sub_msg` in Chinese, the
//! issues listed) with 400, 415 for a body that is not JSON, 413 past the input limit (the body is not read
//! further). Longs stay exact: the value is the normalized payload as the engine made it.
//!
//! ```
//! use axum::{routing::post, Router};
//! use qimen_payload::axum::{methods::InventoryShopinvAdjust, Checked};
//!
//! async fn adjust(Checked(value, _warnings, _): Checked<InventoryShopinvAdjust>) -> String {
//!     // Only a payload the platform would accept gets here, normalized.
//!     serde_json::to_string(&value).unwrap_or_default()
//! }
//! let app: Router = Router::new().route("/adjust", post(adjust));
//! ```

use std::marker::PhantomData;

use ::axum::body::{to_bytes, Body};
use ::axum::extract::{FromRequest, Request};
use ::axum::http::{header, HeaderValue, StatusCode};
use ::axum::response::{IntoResponse, Response};

use crate::input::MAX_INPUT_BYTES;
use crate::report::refusal::{error_response, status_of, Lang};
use crate::report::violation::{Malformed, Violation};
use crate::report::{Issue, Report};
use crate::Val;

/// An API as a type: its method name. The four shipped ones are in [`methods`]; for a table registered at run
/// time, declare one (`struct EntryOrder; impl Method for EntryOrder { const NAME: &'static str = "…"; }`).
pub trait Method {
    /// The exact method name.
    const NAME: &'static str;
}

/// The shipped APIs as types (a test checks each name is a shipped method).
pub mod methods {
    use super::Method;
    macro_rules! method {
        ($($(#[$doc:meta])* $ty:ident = $name:literal;)*) => {
            $($(#[$doc])* pub struct $ty; impl Method for $ty { const NAME: &'static str = $name; })*
        };
    }
    method! {
        /// `qimen.taobao.pos.inventory.synchronize`
        PosInventorySynchronize = "qimen.taobao.pos.inventory.synchronize";
        /// `qimen.taobao.pos.items.synchronize`
        PosItemsSynchronize = "qimen.taobao.pos.items.synchronize";
        /// `tmall.qimendc.inventory.sync`
        QimendcInventorySync = "tmall.qimendc.inventory.sync";
        /// `taobao.inventory.shopinv.adjust`
        InventoryShopinvAdjust = "taobao.inventory.shopinv.adjust";
    }
}

/// A request body that passed API `M`'s rules: the normalized value and the warnings.
pub struct Checked<M: Method>(pub Val, pub Vec<Issue>, pub PhantomData<M>);

/// Why a body was refused: the report, answered as the platform answers (see the module).
#[derive(Debug)]
pub struct Rejection {
    /// The refusing report.
    pub report: Report,
    /// The language of `sub_msg`.
    pub lang: Lang,
}

impl IntoResponse for Rejection {
    fn into_response(self) -> Response {
        let status = StatusCode::from_u16(status_of(&self.report)).unwrap_or(StatusCode::BAD_REQUEST);
        let mut res = Response::new(Body::from(error_response(&self.report, self.lang)));
        *res.status_mut() = status;
        res.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json; charset=utf-8"));
        res
    }
}

/// `application/json` and `…+json`, any parameters.
fn is_json(content_type: &str) -> bool {
    let essence = content_type.split(';').next().unwrap_or("").trim().to_ascii_lowercase();
    essence == "application/json" || (essence.starts_with("application/") && essence.ends_with("+json"))
}

fn refused(v: Violation) -> Rejection {
    Rejection { report: Report::failed(Issue::whole(v)), lang: Lang::Zh }
}

impl<S: Send + Sync, M: Method> FromRequest<S> for Checked<M> {
    type Rejection = Rejection;

    async fn from_request(req: Request, _state: &S) -> Result<Self, Rejection> {
        let content_type = req.headers().get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or("").to_string();
        if !is_json(&content_type) {
            return Err(refused(Violation::ContentType { content_type: content_type.chars().take(200).collect() }));
        }
        let too_large = |bytes: usize, at_least: bool| refused(Violation::BodyTooLarge { bytes, limit: MAX_INPUT_BYTES, at_least });
        // A declared length past the limit is refused unread; otherwise reading stops at the limit.
        let declared = req.headers().get(header::CONTENT_LENGTH).and_then(|v| v.to_str().ok()).and_then(|v| v.trim().parse::<usize>().ok());
        if let Some(n) = declared.filter(|n| *n > MAX_INPUT_BYTES) {
            return Err(too_large(n, false));
        }
        let bytes = to_bytes(req.into_body(), MAX_INPUT_BYTES).await.map_err(|e| {
            // axum names the limit in its error; anything else is a body that could not be read (a client gone).
            let text = e.to_string();
            if text.contains("length limit") {
                too_large(MAX_INPUT_BYTES + 1, true)
            } else {
                refused(Violation::Malformed(Malformed::Body { detail: text.chars().take(200).collect() }))
            }
        })?;
        let text = std::str::from_utf8(&bytes)
            .map_err(|e| refused(Violation::Malformed(Malformed::Json { detail: format!("not UTF-8: {e}"), line: 0, column: 0 })))?;
        let report = crate::check(M::NAME, text);
        match report.value {
            Some(value) if report.ok => Ok(Checked(value, report.warnings, PhantomData)),
            _ => Err(Rejection { report, lang: Lang::Zh }),
        }
    }
}
