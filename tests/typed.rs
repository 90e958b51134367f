//! The `typed` feature's structs (src/typed/): the committed files are what the tables give
//! (`QIMEN_BLESS=1` rewrites them, for a person to review in the diff), and every struct holds exactly what
//! `check` writes — every accepted corpus case's normalized value reads into its API's `Payload` (the structs
//! refuse unknown fields, so a field the generator missed fails here) and writes back to the same JSON.

use std::fs;
use std::path::Path;

use qimen_payload::typed;
use serde_json::Value;

#[path = "../examples/common/rust_types.rs"]
mod rust_types;

mod common;

#[test]
fn the_committed_modules_are_what_the_tables_give() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/typed");
    let apis: Vec<_> = qimen_payload::rules::shipped().collect();
    let mut files = vec![("mod.rs".to_string(), rust_types::index(&apis))];
    for api in &apis {
        files.push((format!("{}.rs", rust_types::module_name(api)), rust_types::module(api)));
    }
    let bless = std::env::var("QIMEN_BLESS").is_ok_and(|v| v == "1");
    let mut stale = Vec::new();
    for (name, want) in files {
        let path = dir.join(&name);
        if bless {
            fs::write(&path, &want).expect("writable");
        } else if fs::read_to_string(&path).ok().as_deref() != Some(want.as_str()) {
            stale.push(name);
        }
    }
    assert!(stale.is_empty(), "stale: {stale:?} (cargo run --example gen_types -- --rust src/typed)");
}

/// The value of an accepted payload through the API's `Payload` and back.
fn through<T: serde::de::DeserializeOwned + serde::Serialize>(method: &str, payload: &str) -> Option<Result<(), String>> {
    let report = qimen_payload::check(method, payload);
    let want: Value = serde_json::from_str(&serde_json::to_string(report.value.as_ref()?).ok()?).ok()?;
    let typed: T = match report.value_as() {
        Ok(Some(t)) => t,
        Ok(None) => return None,
        Err(e) => return Some(Err(format!("{method}: {e} for {want}"))),
    };
    let back = serde_json::to_value(&typed).map_err(|e| e.to_string());
    Some(match back {
        Ok(back) if back == want => Ok(()),
        Ok(back) => Err(format!("{method}: {want}\n  back as {back}")),
        Err(e) => Err(e),
    })
}

#[test]
fn every_accepted_corpus_value_reads_into_its_struct_and_back() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases");
    let (mut read, mut problems) = (0, Vec::new());
    for dir in fs::read_dir(root).expect("cases") {
        let dir = dir.expect("dir").path();
        let method = dir.file_name().and_then(|n| n.to_str()).expect("name").to_string();
        for f in fs::read_dir(&dir).expect("dir") {
            let text = fs::read_to_string(f.expect("file").path()).expect("read");
            let payload = common::case::payload_text(&text);
            let outcome = match method.as_str() {
                "qimen.taobao.pos.inventory.synchronize" => {
                    through::<typed::qimen_taobao_pos_inventory_synchronize::Payload>(&method, &payload)
                }
                "qimen.taobao.pos.items.synchronize" => through::<typed::qimen_taobao_pos_items_synchronize::Payload>(&method, &payload),
                "tmall.qimendc.inventory.sync" => through::<typed::tmall_qimendc_inventory_sync::Payload>(&method, &payload),
                "taobao.inventory.shopinv.adjust" => through::<typed::taobao_inventory_shopinv_adjust::Payload>(&method, &payload),
                other => panic!("no typed module for {other}"),
            };
            match outcome {
                Some(Ok(())) => read += 1,
                Some(Err(e)) => problems.push(e),
                None => {}
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    assert!(read >= 30, "{read} accepted cases read");
}

#[test]
fn a_struct_built_in_code_is_checked_exactly() {
    use typed::taobao_inventory_shopinv_adjust::{Payload, ShopInventoryEditDTO, ShopInventoryEditDetailDTO};
    let mut payload = Payload {
        shop_inventory_edit: ShopInventoryEditDTO {
            order_id: "o1".into(),
            store_id: 9_007_199_254_740_993,
            check_mode: 2,
            detail_list: vec![ShopInventoryEditDetailDTO { item_id: 1, sku_id: 0, sub_order_id: "s1".into(), quantity: -3 }],
            recover_deleted_data: false,
        },
    };
    let report = qimen_payload::check_value("taobao.inventory.shopinv.adjust", &payload);
    assert!(report.ok, "{report}");
    let value: Payload = report.value_as().expect("reads").expect("a value");
    assert_eq!(value, payload);
    assert_eq!(value.shop_inventory_edit.store_id, 9_007_199_254_740_993);
    // A rule the type cannot say is still the check's: full mode refuses a negative quantity.
    payload.shop_inventory_edit.check_mode = 1;
    let refused = qimen_payload::check_value("taobao.inventory.shopinv.adjust", &payload);
    assert_eq!(refused.errors[0].path, "shop_inventory_edit.detail_list[0].quantity");
    assert_eq!(refused.errors[0].code.as_str(), "range");
}
