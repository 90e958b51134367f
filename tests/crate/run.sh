#!/usr/bin/env bash
# The crate as a Rust service meets it (issue 30): a fresh `cargo new` project depending on this crate by path,
# whose main uses `?` from our refusals into `Box<dyn Error>` and anyhow. Its target directory is shared
# across runs (target/crate-consumer), so only the first run compiles the dependencies.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
cargo new --quiet --bin stock-service
cd stock-service
cargo add --quiet --path "$root" qimen-payload
cargo add --quiet anyhow@1
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

fn main() {
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
CARGO_TARGET_DIR="$root/target/crate-consumer" cargo run --quiet
