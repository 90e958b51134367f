//! Signed requests: the TOP form protocol (how the official clients call all four APIs) and the Qimen XML-body
//! protocol. The secret is used to sign and never copied into the result or into any error.

use serde::Serialize;

use crate::input::Input;
use crate::norm::datetime::{self, DateTime};
use crate::render;
use crate::report::violation::{DateReason, EnumReason, Expected, Got, Violation};
use crate::report::{Issue, Report};
use crate::rules::Api;
use crate::sign::{blank, sign_params, SignMethod};
use crate::value::Val;

/// How the request carries the business parameters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BodyMode {
    /// TOP form: business params urlencoded in the body (default).
    Form,
    /// Qimen XML protocol: the payload rendered as XML is the body.
    Xml,
}

impl BodyMode {
    /// Both modes.
    pub const ALL: [BodyMode; 2] = [BodyMode::Form, BodyMode::Xml];
    /// The option's value (`form`, `xml`).
    pub fn as_str(self) -> &'static str {
        match self {
            BodyMode::Form => "form",
            BodyMode::Xml => "xml",
        }
    }
}

/// When the request is made: epoch milliseconds, or a date-time text (any form `check` accepts).
#[derive(Debug, Clone, PartialEq)]
pub enum Timestamp {
    /// Epoch milliseconds.
    Millis(i64),
    /// A date-time text (`2026-11-23 12:00:00`, read in GMT+8), in any form `check` accepts.
    Text(String),
}

#[derive(Debug, Clone)]
/// What `build_request` needs besides the payload: the app's credentials and the system parameters.
pub struct BuildOptions {
    /// The app's key (`app_key`).
    pub app_key: String,
    /// The app's secret: it signs the request and is never sent.
    pub secret: String,
    /// Default: hmac-sha256 in form mode (as `DefaultTaobaoClient` and `DefaultQimenCloudClient` do for every
    /// method), md5 in the classic Qimen XML-body mode (as that client does).
    pub sign_method: Option<SignMethod>,
    /// The user's session (`session`), for methods that act for a seller.
    pub session: Option<String>,
    /// The request's time (`timestamp`): the platform refuses one more than ten minutes off.
    pub timestamp: Timestamp,
    /// Response format asked for: `json` (default in form mode) or `xml` (default in XML-body mode).
    pub format: Option<crate::render::Format>,
    /// The app key of the service provider that receives a Qimen call (`target_app_key`).
    pub target_app_key: Option<String>,
    /// Identifies the client library, as the SDKs' `partner_id` does ([`DEFAULT_PARTNER_ID`] unless overridden;
    /// `None` or blank sends none).
    pub partner_id: Option<String>,
    /// Sent only when true, as the SDKs do (never `simplify=false`).
    pub simplify: Option<bool>,
    /// How the business parameters travel.
    pub body: BodyMode,
}

/// Options with the SDKs' defaults and a builder, natively (the wasm binding reads its options from JS, with the
/// JS clock):
///
/// ```
/// use qimen_payload::request::{build_request, BodyMode, BuildOptions, Timestamp};
/// use qimen_payload::sign::SignMethod;
///
/// let api = qimen_payload::rules::api("qimen.taobao.pos.inventory.synchronize").ok_or("no such method")?;
/// let opts = BuildOptions::new("12345678", "my-secret")
///     .sign_method(SignMethod::Md5)
///     .body(BodyMode::Xml)
///     .timestamp(Timestamp::Text("2026-11-23 12:00:00".into()));
/// let r = build_request(api, r#"{"orderInfo":{"storeCode":"S1"},"item":[{"itemCode":"A","paperQty":1}]}"#, &opts)?;
/// assert!(r.body.starts_with("<request>"));
/// assert_eq!(BuildOptions::default().body, BodyMode::Form);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[cfg(not(target_arch = "wasm32"))]
impl BuildOptions {
    /// The app's key and secret; the rest as the platform's SDKs default: now, JSON, form mode, the sign method
    /// of the mode, this library's `partner_id`.
    pub fn new(app_key: impl Into<String>, secret: impl Into<String>) -> BuildOptions {
        let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_millis() as i64);
        BuildOptions {
            app_key: app_key.into(),
            secret: secret.into(),
            sign_method: None,
            session: None,
            timestamp: Timestamp::Millis(now),
            format: None,
            target_app_key: None,
            partner_id: Some(DEFAULT_PARTNER_ID.to_string()),
            simplify: None,
            body: BodyMode::Form,
        }
    }
    /// Sign with `m` instead of the mode's default.
    pub fn sign_method(mut self, m: SignMethod) -> Self {
        self.sign_method = Some(m);
        self
    }
    /// Act for a seller with their session.
    pub fn session(mut self, session: impl Into<String>) -> Self {
        self.session = Some(session.into());
        self
    }
    /// The request's time (default: now).
    pub fn timestamp(mut self, t: Timestamp) -> Self {
        self.timestamp = t;
        self
    }
    /// Ask for answers in `f`.
    pub fn format(mut self, f: crate::render::Format) -> Self {
        self.format = Some(f);
        self
    }
    /// Address a Qimen call to this app key.
    pub fn target_app_key(mut self, key: impl Into<String>) -> Self {
        self.target_app_key = Some(key.into());
        self
    }
    /// `None` sends no `partner_id`.
    pub fn partner_id(mut self, id: Option<String>) -> Self {
        self.partner_id = id;
        self
    }
    /// Send `simplify=true` when `yes` (the SDKs never send `simplify=false`).
    pub fn simplify(mut self, yes: bool) -> Self {
        self.simplify = Some(yes);
        self
    }
    /// Carry the business parameters as `mode` says.
    pub fn body(mut self, mode: BodyMode) -> Self {
        self.body = mode;
        self
    }
}

/// No app yet (a request built with these is refused at `options.appKey`); see [`BuildOptions::new`].
#[cfg(not(target_arch = "wasm32"))]
impl Default for BuildOptions {
    fn default() -> Self {
        BuildOptions::new("", "")
    }
}

/// The protocol version both routers speak (`v`).
pub const API_VERSION: &str = "2.0";

/// Where each router listens: TOP's REST router, and the Qimen router with its test twin. A TOP method is sent
/// to the first, a method speaking the Qimen protocol to the second.
#[derive(Debug, Clone, Copy, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Routers {
    /// TOP's REST router.
    pub top: &'static str,
    /// The Qimen router.
    pub qimen: &'static str,
    /// The Qimen router's test twin (the Qimen sandbox).
    pub qimen_test: &'static str,
}
/// How far a call's `timestamp` may be from the platform's clock (either way), in milliseconds: ten minutes.
/// The local gateway refuses a call outside it (code 31); the console counts a signed request's window down.
pub const TIMESTAMP_WINDOW_MS: u64 = 10 * 60 * 1000;

/// The routers' paths.
pub const ROUTERS: Routers = Routers { top: "/router/rest", qimen: "/router/qm", qimen_test: "/router/qmtest" };

/// The platform's public entry points: a base URL per router, for production and the sandbox (the Qimen
/// sandbox is the test router on the production host).
#[derive(Debug, Clone, Copy, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Endpoint {
    /// `production` or `sandbox`.
    pub name: &'static str,
    /// The TOP router's URL.
    pub top: &'static str,
    /// The Qimen router's URL.
    pub qimen: &'static str,
}
/// The platform's public entry points.
pub const ENDPOINTS: &[Endpoint] = &[
    Endpoint { name: "production", top: "https://eco.taobao.com/router/rest", qimen: "https://qimen.api.taobao.com/router/qm" },
    Endpoint { name: "sandbox", top: "https://gw.api.tbsandbox.com/router/rest", qimen: "https://qimen.api.taobao.com/router/qmtest" },
];

/// Every system parameter of the TOP and Qimen protocols (everything else in a form request is a business
/// parameter). A test checks that every request built here uses only these.
pub const SYSTEM_PARAMS: &[&str] = &[
    "method",
    "app_key",
    "timestamp",
    "v",
    "format",
    "sign_method",
    "session",
    "partner_id",
    "target_app_key",
    "simplify",
    "customerId",
    "sign",
];

/// The `partner_id` sent by default: this library and its version (the SDKs send their own, e.g. `top-sdk-java-…`).
pub const DEFAULT_PARTNER_ID: &str = concat!("qimen-payload-", env!("CARGO_PKG_VERSION"));

/// A request ready to send.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BuiltRequest {
    /// URL query parameters, in a fixed order, `sign` last.
    #[serde(serialize_with = "pairs_as_object")]
    pub query: Vec<(String, String)>,
    /// The query, urlencoded.
    pub query_string: String,
    /// Business parameters of the form body (form mode; empty in XML-body mode).
    #[serde(serialize_with = "pairs_as_object")]
    pub form: Vec<(String, String)>,
    /// The request body: form-encoded business parameters, or the XML payload in XML-body mode.
    pub body: String,
    /// The body's `Content-Type`.
    pub content_type: &'static str,
    /// The signature (also the query's last `sign` parameter).
    pub sign: String,
}

fn pairs_as_object<S: serde::Serializer>(pairs: &[(String, String)], s: S) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeMap;
    let mut m = s.serialize_map(Some(pairs.len()))?;
    for (k, v) in pairs {
        m.serialize_entry(k, v)?;
    }
    m.end()
}

fn option_issue(name: &str, violation: Violation) -> Report {
    Report::failed(Issue::new(format!("options.{name}"), violation, true))
}

/// The GMT+8 `yyyy-MM-dd HH:mm:ss` of a timestamp option, whatever the host's zone.
pub fn format_timestamp(t: &Timestamp) -> Result<String, Report> {
    match t {
        Timestamp::Millis(ms) => {
            let dt = DateTime::from_epoch_millis(*ms);
            if !(1000..=9999).contains(&dt.year) {
                return Err(option_issue("timestamp", Violation::Datetime { value: ms.to_string(), reason: DateReason::YearRange }));
            }
            Ok(dt.datetime_text())
        }
        Timestamp::Text(s) => datetime::normalize(&Input::String(s.as_str().into()), datetime::Want::DateTime).map_err(|v| {
            // Text that is no date at all is not repeated: a secret passed as the timestamp by mistake must not
            // come back in the error. A date with an impossible day or month is repeated, as in a payload.
            let v = match v {
                Violation::Datetime { reason: DateReason::Syntax, .. } => {
                    Violation::Type { expected: Expected::Datetime, got: Got::String, value: None }
                }
                v => v,
            };
            option_issue("timestamp", v)
        }),
    }
}

/// Build the signed request for a payload (JSON text). An invalid payload is refused with its full report.
pub fn build_request<'a>(api: impl crate::rules::ApiRef<'a>, text: &str, opts: &BuildOptions) -> Result<BuiltRequest, Report> {
    let api = api.resolve()?;
    let report = crate::engine::check(api, text);
    build_from_report(api, report, opts)
}

/// Build from an existing report (the wasm binding checks JS objects itself).
pub fn build_from_report(api: &Api, report: Report, opts: &BuildOptions) -> Result<BuiltRequest, Report> {
    if opts.app_key.trim().is_empty() {
        return Err(option_issue("appKey", Violation::Missing));
    }
    if opts.secret.is_empty() {
        return Err(option_issue("secret", Violation::Missing));
    }
    if opts.body == BodyMode::Xml && !api.protocol.xml_body() {
        // No real client sends a TOP method as an XML body; the gateway would not read it.
        let v = Violation::Enum { value: Some("xml".into()), allowed: vec!["form".to_string()].into(), reason: Some(EnumReason::NotQimen) };
        return Err(option_issue("body", v));
    }
    let timestamp = format_timestamp(&opts.timestamp)?;
    let routing = api.protocol.routing_field();
    let xml_body = match opts.body {
        // The routing id travels in the query only: the classic client never writes it into the body.
        BodyMode::Xml => Some(render::xml_body(api, &report, routing)?),
        BodyMode::Form => None,
    };
    let value = match (&report.value, report.ok) {
        (Some(v), true) => v,
        _ => return Err(report),
    };
    let sign_method = opts.sign_method.unwrap_or(match opts.body {
        BodyMode::Form => SignMethod::HmacSha256,
        BodyMode::Xml => SignMethod::Md5,
    });
    let format = opts.format.map_or(if xml_body.is_some() { "xml" } else { "json" }, |f| f.as_str()).to_string();
    let mut query: Vec<(String, String)> = vec![
        ("method".into(), api.method.into()),
        ("app_key".into(), opts.app_key.clone()),
        ("timestamp".into(), timestamp),
        ("v".into(), API_VERSION.into()),
        ("format".into(), format),
        ("sign_method".into(), sign_method.as_str().into()),
    ];
    let optional = [
        ("session", opts.session.clone()),
        ("partner_id", opts.partner_id.clone()),
        ("target_app_key", opts.target_app_key.clone()),
        ("simplify", opts.simplify.filter(|b| *b).map(|b| b.to_string())),
    ];
    query.extend(optional.into_iter().filter_map(|(k, v)| v.filter(|v| !blank(v)).map(|v| (k.to_string(), v))));

    let (form, body, content_type, sign) = match xml_body {
        None => {
            let form = business_params(value);
            let all = query.iter().chain(form.iter()).map(|(k, v)| (k.as_str(), v.as_str()));
            let sign = sign_params(all, &opts.secret, sign_method, None);
            let body = urlencode(&form);
            (form, body, "application/x-www-form-urlencoded;charset=utf-8", sign)
        }
        Some(xml) => {
            if let Some(cid) = routing.and_then(|f| value.get(f)).and_then(Val::scalar_text) {
                query.push(("customerId".into(), cid.into_owned()));
            }
            let sign = sign_params(query.iter().map(|(k, v)| (k.as_str(), v.as_str())), &opts.secret, sign_method, Some(&xml));
            (Vec::new(), xml, "text/xml;charset=utf-8", sign)
        }
    };
    query.push(("sign".into(), sign.clone()));
    let query_string = urlencode(&query);
    Ok(BuiltRequest { query, query_string, form, body, content_type, sign })
}

/// The business parameters of the form protocol: each top-level field of the normalized value, scalars as
/// their text, objects and lists as compact JSON (what the SDKs send for Struct parameters).
fn business_params(value: &Val) -> Vec<(String, String)> {
    let Val::Obj(members) = value else { return Vec::new() };
    members
        .iter()
        .map(|(k, v)| {
            let text = match v.scalar_text() {
                Some(t) => t.into_owned(),
                None => serde_json::to_string(v).unwrap_or_default(),
            };
            (k.to_string(), text)
        })
        .collect()
}

fn urlencode(pairs: &[(String, String)]) -> String {
    let mut s = form_urlencoded::Serializer::new(String::new());
    for (k, v) in pairs {
        s.append_pair(k, v);
    }
    s.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::Code;
    use crate::rules;

    fn opts(body: BodyMode) -> BuildOptions {
        BuildOptions {
            app_key: "12345678".into(),
            secret: "helloworld".into(),
            sign_method: None,
            session: Some("test".into()),
            timestamp: Timestamp::Millis(1_451_620_800_000), // 2016-01-01 04:00:00Z = 12:00:00 GMT+8
            format: None,
            target_app_key: None,
            partner_id: None,
            simplify: None,
            body,
        }
    }

    #[test]
    fn form_mode_signs_system_and_business_params() {
        let api = rules::api("taobao.inventory.shopinv.adjust").expect("api");
        let r = build_request(api, &crate::describe::example(api), &opts(BodyMode::Form)).expect("valid");
        let q: Vec<&str> = r.query.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(q, ["method", "app_key", "timestamp", "v", "format", "sign_method", "session", "sign"]);
        assert!(q.iter().all(|k| SYSTEM_PARAMS.contains(k)));
        assert_eq!(r.query[2].1, "2016-01-01 12:00:00");
        assert_eq!(r.query[5].1, "hmac-sha256", "DefaultTaobaoClient's default for every method");
        assert_eq!(r.form[0].0, "shop_inventory_edit");
        assert!(r.form[0].1.starts_with(r#"{"order_id":"mainOrderId1","store_id":111111111"#));
        // Re-sign independently of build_request's own path: the string to sign by hand.
        let s = format!(
            "app_key12345678formatjsonmethodtaobao.inventory.shopinv.adjustsessiontestshop_inventory_edit{}sign_methodhmac-sha256timestamp2016-01-01 12:00:00v2.0",
            r.form[0].1
        );
        let hmac = {
            use hmac::{Hmac, Mac};
            let mut m = Hmac::<sha2::Sha256>::new_from_slice(b"helloworld").expect("key");
            m.update(s.as_bytes());
            m.finalize().into_bytes().iter().map(|b| format!("{b:02X}")).collect::<String>()
        };
        assert_eq!(r.sign, hmac);
        assert!(r.body.starts_with("shop_inventory_edit=%7B%22order_id%22"));
        assert!(!format!("{r:?}").contains("helloworld"));
    }

    #[test]
    fn xml_mode_puts_customer_id_in_the_query_only_and_signs_the_body() {
        let api = rules::api("qimen.taobao.pos.inventory.synchronize").expect("api");
        let r = build_request(api, &crate::describe::example(api), &opts(BodyMode::Xml)).expect("valid");
        assert_eq!(r.content_type, "text/xml;charset=utf-8");
        assert!(r.body.starts_with("<request><orderInfo>"));
        // The classic client: customerId in the query, never a <customerid> element in the body; md5 by default.
        assert!(r.query.iter().any(|(k, v)| k == "customerId" && v == "qimen"));
        assert!(!r.body.contains("customerid"), "{}", r.body);
        assert!(r.body.ends_with("</item></request>"), "{}", r.body);
        assert!(r.query.iter().any(|(k, v)| k == "sign_method" && v == "md5"));
        assert!(r.form.is_empty());
        assert!(r.query.iter().all(|(k, _)| SYSTEM_PARAMS.contains(&k.as_str())));
    }

    #[test]
    fn xml_body_is_refused_for_top_methods() {
        for m in ["tmall.qimendc.inventory.sync", "taobao.inventory.shopinv.adjust"] {
            let api = rules::api(m).expect("api");
            let e = build_request(api, &crate::describe::example(api), &opts(BodyMode::Xml)).expect_err("TOP speaks form only");
            assert_eq!((e.errors[0].path.as_str(), e.errors[0].code), ("options.body", Code::Enum));
        }
    }

    #[test]
    fn simplify_is_sent_only_when_true() {
        let api = rules::api("tmall.qimendc.inventory.sync").expect("api");
        let mut o = opts(BodyMode::Form);
        o.simplify = Some(false);
        let r = build_request(api, &crate::describe::example(api), &o).expect("valid");
        assert!(!r.query.iter().any(|(k, _)| k == "simplify"));
        o.simplify = Some(true);
        let r = build_request(api, &crate::describe::example(api), &o).expect("valid");
        assert!(r.query.iter().any(|(k, v)| k == "simplify" && v == "true"));
    }

    #[test]
    fn missing_options_and_invalid_payloads_are_reports() {
        let api = rules::api("tmall.qimendc.inventory.sync").expect("api");
        let mut o = opts(BodyMode::Form);
        o.secret = String::new();
        let e = build_request(api, "{}", &o).expect_err("no secret");
        assert_eq!(e.errors[0].path, "options.secret");
        let mut o = opts(BodyMode::Form);
        o.timestamp = Timestamp::Text("2016-13-01 00:00:00".into());
        assert_eq!(build_request(api, "{}", &o).expect_err("bad ts").errors[0].path, "options.timestamp");
        o.timestamp = Timestamp::Millis(i64::MAX);
        assert_eq!(build_request(api, "{}", &o).expect_err("absurd ts").errors[0].code, Code::Datetime);
        let e = build_request(api, r#"{"items":"x"}"#, &opts(BodyMode::Form)).expect_err("invalid");
        assert_eq!(e.errors[0].path, "items");
    }
}
