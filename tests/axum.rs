//! The axum extractor over real HTTP (issue 30 §7): an axum server on a free port, requests written by hand
//! on a TCP socket (so nothing is normalized away), each answer read back whole.

use std::io::{Read, Write};
use std::net::TcpStream;

use axum::{routing::post, Router};
use qimen_payload::axum::{methods, Checked, Method};

async fn adjust(Checked(value, _, _): Checked<methods::InventoryShopinvAdjust>) -> String {
    serde_json::to_string(&value).unwrap_or_default()
}

/// A table registered at run time, named by a type of the service's own.
struct StockReport;
impl Method for StockReport {
    const NAME: &'static str = "example.axum.stock.report";
}

async fn report(Checked(value, _, _): Checked<StockReport>) -> String {
    serde_json::to_string(&value).unwrap_or_default()
}

/// (status, body) of one raw HTTP/1.1 request.
fn send(addr: std::net::SocketAddr, content_type: &str, body: &[u8]) -> (u16, String) {
    let mut s = TcpStream::connect(addr).expect("connect");
    let head = format!(
        "POST {} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        if content_type.contains("stock") { "/report" } else { "/adjust" },
        body.len()
    );
    s.write_all(head.as_bytes()).expect("head");
    // A body the server stops reading is cut short: it may close before all of it is written.
    let _ = s.write_all(body);
    let mut out = Vec::new();
    let _ = s.read_to_end(&mut out);
    let text = String::from_utf8_lossy(&out).to_string();
    let status = text.split(' ').nth(1).and_then(|c| c.parse().ok()).unwrap_or(0);
    let body = text.split_once("\r\n\r\n").map(|(_, b)| b.to_string()).unwrap_or_default();
    (status, body)
}

/// A body sent chunked (no Content-Length): the limit is found by reading.
fn send_chunked(addr: std::net::SocketAddr, body: &[u8]) -> u16 {
    let mut s = TcpStream::connect(addr).expect("connect");
    let head = "POST /adjust HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n";
    s.write_all(head.as_bytes()).expect("head");
    for part in body.chunks(64 << 10) {
        if s.write_all(format!("{:x}\r\n", part.len()).as_bytes())
            .and_then(|_| s.write_all(part))
            .and_then(|_| s.write_all(b"\r\n"))
            .is_err()
        {
            break;
        }
    }
    let _ = s.write_all(b"0\r\n\r\n");
    let mut out = Vec::new();
    let _ = s.read_to_end(&mut out);
    String::from_utf8_lossy(&out).split(' ').nth(1).and_then(|c| c.parse().ok()).unwrap_or(0)
}

const VALID: &str = r#"{"shop_inventory_edit":{"order_id":" o1 ","store_id":9007199254740993,"check_mode":"全量","detail_list":[{"item_id":1,"sku_id":0,"sub_order_id":"s1","quantity":2}],"recover_deleted_data":false}}"#;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn checked_bodies_pass_and_refusals_are_the_platform_s() {
    let mut table = qimen_payload::rules::table::export(qimen_payload::rules::api("tmall.qimendc.inventory.sync").expect("api"));
    table.method = StockReport::NAME.into();
    qimen_payload::rules::registry::register_doc(&table).expect("registers");
    let app = Router::new().route("/adjust", post(adjust)).route("/report", post(report));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let addr = listener.local_addr().expect("addr");
    tokio::spawn(async move { axum::serve(listener, app).await.expect("serve") });

    let (status, body) = tokio::task::spawn_blocking(move || {
        let ok = send(addr, "application/json; charset=utf-8", VALID.as_bytes());
        let missing = send(addr, "application/json", br#"{"shop_inventory_edit":{}}"#);
        let not_json_type = send(addr, "text/plain", VALID.as_bytes());
        let not_json = send(addr, "application/json", b"{\"shop_inventory_edit\": ");
        let huge = send(addr, "application/json", &vec![b' '; 9 << 20]);
        assert_eq!(send_chunked(addr, &vec![b' '; 9 << 20]), 413, "a chunked body past the limit");
        assert_eq!(send_chunked(addr, VALID.as_bytes()), 200, "a chunked body within it");
        let registered = send(addr, "application/x-stock+json", br#"{"cp_code":"HN1","items":[{"item_code":"A","quantity":"3"}]}"#);
        (
            vec![ok.0, missing.0, not_json_type.0, not_json.0, huge.0, registered.0],
            vec![ok.1, missing.1, not_json_type.1, not_json.1, huge.1, registered.1],
        )
    })
    .await
    .expect("client");
    assert_eq!(status, [200, 400, 415, 400, 413, 200], "{body:?}");
    // The value as normalized: trimmed, the enum's code, and the Long beyond 2^53 exact.
    assert_eq!(
        body[0],
        r#"{"shop_inventory_edit":{"order_id":"o1","store_id":9007199254740993,"check_mode":1,"detail_list":[{"item_id":1,"sku_id":0,"sub_order_id":"s1","quantity":2}],"recover_deleted_data":false}}"#
    );
    let refusal: serde_json::Value = serde_json::from_str(&body[1]).expect("json");
    let e = &refusal["error_response"];
    assert_eq!(e["code"], 40);
    // The TOP SDK's own client-error form, the path in its camelCase.
    assert_eq!(e["msg"], "client-error:Missing required arguments:shopInventoryEdit.orderId");
    assert_eq!(e["sub_code"], "isv.missing-parameter:shop_inventory_edit.order_id");
    assert_eq!(e["error_count"], 5);
    assert!(e["sub_msg"].as_str().is_some_and(|m| m.contains("为必填项")), "{e}");
    let code = |i: usize| serde_json::from_str::<serde_json::Value>(&body[i]).expect("json")["error_response"]["errors"][0]["code"].clone();
    assert_eq!(code(2), "content_type");
    assert_eq!(code(3), "malformed");
    assert_eq!(code(4), "too_large");
    // In the table's order, the quantity a number.
    assert_eq!(body[5], r#"{"cp_code":"HN1","items":[{"quantity":3,"item_code":"A"}]}"#);
}

#[test]
fn the_shipped_markers_name_shipped_methods() {
    for name in [
        methods::PosInventorySynchronize::NAME,
        methods::PosItemsSynchronize::NAME,
        methods::QimendcInventorySync::NAME,
        methods::InventoryShopinvAdjust::NAME,
    ] {
        assert!(qimen_payload::rules::shipped_api(name).is_some(), "{name}");
    }
    assert_eq!(qimen_payload::rules::shipped().count(), 4);
}

/// The Rust body agrees with the shared fixture the JS server's test reads too (tests/refusals/).
#[test]
fn the_refusal_body_is_the_shared_fixture() {
    let fixture: serde_json::Value = serde_json::from_str(include_str!("refusals/shopinv-missing.json")).expect("fixture");
    let report = qimen_payload::check(fixture["method"].as_str().expect("method"), fixture["payload"].as_str().expect("payload"));
    let body: serde_json::Value =
        serde_json::from_str(&qimen_payload::report::refusal::error_response(&report, Default::default())).expect("json");
    let e = &body["error_response"];
    for key in ["code", "msg", "sub_code", "sub_msg", "error_count"] {
        assert_eq!(e[key], fixture["head"][key], "{key}");
    }
    let paths: Vec<&str> = e["errors"].as_array().expect("errors").iter().map(|i| i["path"].as_str().unwrap_or("")).collect();
    assert_eq!(serde_json::json!(paths), fixture["paths"]);
    // The members in the platform's order.
    let text = qimen_payload::report::refusal::error_response(&report, Default::default());
    let at = |k: &str| text.find(&format!("\"{k}\"")).expect(k);
    assert!(at("code") < at("msg") && at("msg") < at("sub_code") && at("sub_code") < at("sub_msg") && at("sub_msg") < at("errors"));
}
