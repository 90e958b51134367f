//! Where an invalid payload's time goes, natively (`cargo run --release --example issue_cost`; in BENCHMARKS.md):
//! `check` of 20 shopinv.adjust entries valid and with one bad quantity each, then what the words would cost
//! on top — the full serialized form (messages and TOP form), the form the wasm layer gives JS (and refusal
//! bodies list: both languages, the TOP form, the path's segments), and each kind of words alone. Median µs.

use qimen_payload::report::refusal::Lang;
use qimen_payload::report::ShownList;
use std::hint::black_box;

#[path = "common/timing.rs"]
mod timing;

/// Median µs per call (the examples' one timer).
fn micros(f: impl FnMut()) -> f64 {
    timing::time(f) * 1e6
}

fn payload(bad: bool) -> String {
    let entries: Vec<String> = (0..20)
        .map(|i| {
            let quantity = if bad { "1.5".to_string() } else { (i + 1).to_string() };
            format!(r#"{{"item_id":{},"sku_id":0,"sub_order_id":"subOrder-{i:06}","quantity":{quantity}}}"#, 1_231_111 + i)
        })
        .collect();
    format!(
        r#"{{"shop_inventory_edit":{{"order_id":"o","store_id":111111111,"check_mode":2,"detail_list":[{}],"recover_deleted_data":true}}}}"#,
        entries.join(",")
    )
}

fn main() {
    let method = "taobao.inventory.shopinv.adjust";
    println!("| payload | issues | check µs | + full form µs | + JS form µs | en µs | zh µs | TOP µs |");
    println!("|---|---:|---:|---:|---:|---:|---:|---:|");
    for bad in [false, true] {
        let text = payload(bad);
        let r = qimen_payload::check(method, &text);
        let check = micros(|| drop(black_box(qimen_payload::check(method, &text))));
        let full = micros(|| drop(black_box(serde_json::to_vec(&r.errors))));
        let shown = micros(|| drop(black_box(serde_json::to_vec(&ShownList(&r.errors, Some(Lang::En))))));
        let each = |f: &dyn Fn(&qimen_payload::Issue) -> Option<String>| {
            micros(|| {
                for i in &r.errors {
                    black_box(f(i));
                }
            })
        };
        let (en, zh, top) = (each(&|i| Some(i.message())), each(&|i| Some(i.message_zh())), each(&|i| i.top_message()));
        let kind = if bad { "invalid" } else { "valid" };
        println!("| {kind} | {} | {check:.1} | {full:.1} | {shown:.1} | {en:.1} | {zh:.1} | {top:.1} |", r.errors.len());
    }
}
