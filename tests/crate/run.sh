#!/usr/bin/env bash
# The crate as a Rust service meets it (issue 30): a fresh `cargo new` project depending on the packaged crate
# (features axum and typed), serving an axum route behind the extractor over real HTTP,
# whose main uses `?` from our refusals into `Box<dyn Error>` and anyhow, checks its own types and a
# serde_json::Value, and reads the normalized value back into its own struct. Its target directory is shared
# across runs (target/crate-consumer), so only the first run compiles the dependencies.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The crate as crates.io would get it: `cargo publish --dry-run` packages it (the include list) and builds the
# package alone; the service then depends on that package, not on this checkout.
(cd "$root" && cargo publish --dry-run --allow-dirty --quiet)
version=$(sed -n 's/^version = "\(.*\)"/\1/p' "$root/Cargo.toml" | head -1)
# (Where cargo leaves the .crate depends on its version.)
crate=""
for c in "$root/target/package/qimen-payload-$version.crate" "$root/target/package/tmp-crate/qimen-payload-$version.crate"; do
  if [ -f "$c" ]; then crate=$c; break; fi
done
[ -n "$crate" ] || { echo "crate consumer: cargo publish --dry-run left no .crate in target/package" >&2; exit 1; }
tar -xzf "$crate" -C "$work"
cd "$work"
cargo new --quiet --bin stock-service
cd stock-service
cargo add --quiet --path "$work/qimen-payload-$version" qimen-payload --features axum,typed
cargo add --quiet anyhow@1
cargo add --quiet axum@0.8
cargo add --quiet tokio@1 --features rt-multi-thread,macros,net,io-util
cat > src/main.rs <<'RS'
use std::error::Error;

/// A handler of the service: a refused payload is an error like any other.
fn adjust(text: &str) -> Result<String, Box<dyn Error>> {
    let report = qimen_payload::check("taobao.inventory.shopinv.adjust", text);
    if !report.ok {
        return Err(report.into());
    }
    Ok(serde_json::to_string(&report.value)?)
}

fn sync(text: &str) -> anyhow::Result<()> {
    let report = qimen_payload::check("tmall.qimendc.inventory.sync", text);
    anyhow::ensure!(report.ok, report);
    Ok(())
}

/// The service's own types: checked as they are, and the normalized value read back into them.
#[derive(serde::Serialize, serde::Deserialize, Debug, PartialEq)]
struct Edit {
    shop_inventory_edit: Inner,
}
#[derive(serde::Serialize, serde::Deserialize, Debug, PartialEq)]
struct Inner {
    order_id: String,
    store_id: u64,
    check_mode: String,
    detail_list: Vec<Detail>,
    recover_deleted_data: bool,
}
#[derive(serde::Serialize, serde::Deserialize, Debug, PartialEq)]
struct Detail {
    item_id: i128,
    sku_id: i64,
    sub_order_id: String,
    quantity: i64,
}
#[derive(serde::Deserialize)]
struct EditValue {
    shop_inventory_edit: InnerValue,
}
#[derive(serde::Deserialize)]
struct InnerValue {
    store_id: u64,
    check_mode: u8,
    detail_list: Vec<Detail>,
}

fn typed() -> Result<(), Box<dyn Error>> {
    let api = qimen_payload::rules::api("taobao.inventory.shopinv.adjust").ok_or("no such method")?;
    let edit = Edit {
        shop_inventory_edit: Inner {
            order_id: " o1 ".into(),
            store_id: 9_007_199_254_740_993,
            check_mode: "全量".into(),
            detail_list: vec![Detail { item_id: 9_007_199_254_740_995, sku_id: 0, sub_order_id: "s1".into(), quantity: 2 }],
            recover_deleted_data: false,
        },
    };
    // The same API by name or by handle, in every function.
    let report = qimen_payload::check_value(api, &edit);
    let value: EditValue = report.value_as()?.ok_or(report)?;
    assert_eq!(value.shop_inventory_edit.store_id, 9_007_199_254_740_993);
    assert_eq!(value.shop_inventory_edit.check_mode, 1);
    assert_eq!(value.shop_inventory_edit.detail_list[0].item_id, 9_007_199_254_740_995);
    // Beyond a Long: refused exactly, at its path (never rounded through a float).
    let mut too_big = edit;
    too_big.shop_inventory_edit.detail_list[0].item_id = 123_456_789_012_345_678_901;
    let refused = qimen_payload::check_value(api, &too_big);
    assert_eq!(refused.errors[0].path, "shop_inventory_edit.detail_list[0].item_id");
    assert_eq!(refused.errors[0].code.as_str(), "integer");
    let json = serde_json::json!({ "cp_code": "HN123", "items": [{ "item_code": "A1", "quantity": 12 }] });
    let checked = qimen_payload::check_value("tmall.qimendc.inventory.sync", &json);
    let back: serde_json::Value = checked.value_as()?.ok_or(checked)?;
    assert_eq!(back["items"][0]["quantity"], 12);
    let chunks = qimen_payload::chunk::chunk("tmall.qimendc.inventory.sync", &json.to_string())?;
    assert_eq!(chunks.len(), 1);
    let parsed = qimen_payload::response::parse_response(api, r#"{"inventory_shopinv_adjust_response":{"result":{"success":true,"data":[]}}}"#)?;
    assert!(parsed.ok);
    Ok(())
}

/// The service's own serde use, untouched by our crate: with serde_json's `arbitrary_precision` switched on in
/// the build (it once was, by us), this fails with "invalid type: map, expected f64".
#[derive(serde::Deserialize)]
struct Prices {
    sku: String,
    #[serde(flatten)]
    by_store: std::collections::HashMap<String, f64>,
}

fn own_serde() -> Result<(), Box<dyn Error>> {
    let p: Prices = serde_json::from_str(r#"{"sku":"A1","s1":12.5,"s2":3}"#)?;
    assert_eq!((p.sku.as_str(), p.by_store["s1"], p.by_store["s2"]), ("A1", 12.5, 3.0));
    // A serde_json::Number is a plain f64/i64/u64 here: no private map in the value.
    let n: serde_json::Value = serde_json::from_str("0.10")?;
    assert_eq!(n.as_f64(), Some(0.1));
    Ok(())
}

/// An axum route behind the extractor: only a checked payload reaches the handler, as the typed struct.
async fn adjust_route(
    qimen_payload::axum::Checked(value, _, _): qimen_payload::axum::Checked<qimen_payload::axum::methods::InventoryShopinvAdjust>,
) -> String {
    let typed: qimen_payload::typed::taobao_inventory_shopinv_adjust::Payload =
        serde_json::from_value(serde_json::to_value(&value).unwrap_or_default()).unwrap_or_default();
    typed.shop_inventory_edit.store_id.to_string()
}

/// One request over real HTTP, answered as status and body.
async fn post(addr: std::net::SocketAddr, content_type: &str, body: &str) -> Result<(u16, String), Box<dyn Error>> {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let mut s = tokio::net::TcpStream::connect(addr).await?;
    let head = format!(
        "POST /adjust HTTP/1.1\r\nhost: x\r\ncontent-type: {content_type}\r\ncontent-length: {}\r\nconnection: close\r\n\r\n",
        body.len()
    );
    s.write_all(head.as_bytes()).await?;
    s.write_all(body.as_bytes()).await?;
    let mut answer = String::new();
    s.read_to_string(&mut answer).await?;
    let status = answer.get(9..12).ok_or("no status line")?.parse()?;
    let body = answer.split("\r\n\r\n").nth(1).unwrap_or_default().to_string();
    Ok((status, body))
}

async fn served() -> Result<(), Box<dyn Error>> {
    let app = axum::Router::new().route("/adjust", axum::routing::post(adjust_route));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let addr = listener.local_addr()?;
    tokio::spawn(async move { axum::serve(listener, app).await });
    let good = r#"{"shop_inventory_edit":{"order_id":"o1","store_id":9007199254740993,"check_mode":"全量","detail_list":[{"item_id":1,"sku_id":0,"sub_order_id":"s1","quantity":2}],"recover_deleted_data":false}}"#;
    assert_eq!(post(addr, "application/json", good).await?, (200, "9007199254740993".into()));
    let (status, body) = post(addr, "application/json", r#"{"shop_inventory_edit":{}}"#).await?;
    assert_eq!(status, 400);
    let refusal: serde_json::Value = serde_json::from_str(&body)?;
    assert_eq!(refusal["error_response"]["code"], 40, "{body}");
    assert_eq!(post(addr, "text/plain", good).await?.0, 415);
    Ok(())
}

fn main() {
    own_serde().expect("the service's own serde features are its own");
    tokio::runtime::Runtime::new().expect("a runtime").block_on(served()).expect("the axum route over real HTTP");
    typed().expect("typed input and output");
    let refused = adjust(r#"{"shop_inventory_edit":{}}"#).unwrap_err();
    assert!(refused.to_string().starts_with("Order id (not an idempotency key) is required (and "), "{refused}");
    let e = sync("[]").unwrap_err();
    assert_eq!(e.to_string(), "the payload must be a JSON object, not array");
    // Into anyhow with `?` too, and back down to the report.
    let via_question_mark = (|| -> anyhow::Result<()> { Err(qimen_payload::check("tmall.qimendc.inventory.sync", "[]"))? })();
    let report = via_question_mark.unwrap_err().downcast::<qimen_payload::Report>().expect("a Report inside");
    assert_eq!(report.errors[0].code.as_str(), "malformed");
    println!("crate consumer: ok");
}
RS
cargo add --quiet serde_json@1
cargo add --quiet serde@1 --features derive
CARGO_TARGET_DIR="$root/target/crate-consumer" cargo run --quiet
